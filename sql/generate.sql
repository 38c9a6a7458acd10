-- The synthetic council generator: deterministic, sized by its scale, clean
-- by the data-quality checks, and refusing what it cannot do.
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never
-- gen_b's name holds the generator's macros and placeholder: it is filled
-- in last, in one pass, so nothing expands inside it.
SELECT cspi.create_source_tables('gen_a');
SELECT cspi.create_source_tables('gen_b ordof(x) @S@ wdn(1)');
SELECT cspi.create_source_tables('gen_c');
SELECT count(*) AS relations, bool_and(row_count > 0) AS all_filled
  FROM cspi.generate_source('gen_a', 0.2, 7, 2022, 2024);
SELECT count(*) FROM cspi.generate_source('gen_b ordof(x) @S@ wdn(1)', 0.2, 7, 2022, 2024);
SELECT count(*) FROM cspi.generate_source('gen_c', 0.2, 8, 2022, 2024);

-- The same arguments give the same rows; another seed gives others.
CREATE FUNCTION pg_temp.differing(a name, b name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rel text;
    n bigint := 0;
    m bigint;
BEGIN
    -- The relations the generator fills (create_source_tables makes them).
    FOR rel IN SELECT DISTINCT relation FROM cspi.contract_column
                WHERE to_regclass(format('%I.%I', a, relation)) IS NOT NULL LOOP
        EXECUTE format('SELECT count(*) FROM ((TABLE %1$I.%3$I EXCEPT ALL TABLE %2$I.%3$I)
                                  UNION ALL (TABLE %2$I.%3$I EXCEPT ALL TABLE %1$I.%3$I)) d', a, b, rel)
           INTO m;
        n := n + m;
    END LOOP;
    RETURN n;
END $$;
SELECT pg_temp.differing('gen_a', 'gen_b ordof(x) @S@ wdn(1)') AS same_seed_differing_rows,
       pg_temp.differing('gen_a', 'gen_c') > 0 AS other_seed_differs;

-- Volumes scale: about 1,400 completed referrals and 3,000 cp visits a year
-- at scale 1, so about 280 and 600 at 0.2 (within a third either way).
SELECT count(*) FILTER (WHERE completed_date BETWEEN '2023-04-01' AND '2024-03-31')
           BETWEEN 190 AND 370 AS referrals_in_2023_24
  FROM gen_a.referral;
SELECT count(*) FILTER (WHERE visit_type = 'cp' AND visit_date BETWEEN '2023-04-01' AND '2024-03-31')
           BETWEEN 400 AND 800 AS cp_visits_in_2023_24
  FROM gen_a.visit;
-- The optional columns and relations (the breakdowns') have plausible
-- shares, missing values included, and only valid codes.
SELECT count(*) FILTER (WHERE sex IS NULL) * 100.0 / count(*) BETWEEN 0 AND 5 AS sex_null_0_to_5_pct,
       count(*) FILTER (WHERE sex = '1') * 100.0 / count(*) BETWEEN 45 AND 60 AS sex_male_45_to_60_pct,
       bool_and(sex IN ('1', '2', '9')) AS sex_codes_valid,
       bool_and(ethnicity IN ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN',
                              'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')) AS ethnicity_codes_valid,
       count(*) FILTER (WHERE ethnicity LIKE 'W%') * 100.0 / count(*) BETWEEN 55 AND 85 AS white_55_to_85_pct,
       count(*) FILTER (WHERE ethnicity IS NULL) * 100.0 / count(*) BETWEEN 0 AND 5 AS ethnicity_null_0_to_5_pct,
       bool_and(disability IN ('NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA'))
           AS disability_codes_valid,
       count(*) FILTER (WHERE disability <> 'NONE') * 100.0 / count(*) BETWEEN 5 AND 20 AS disabled_5_to_20_pct,
       count(*) FILTER (WHERE disability IS NULL) * 100.0 / count(*) BETWEEN 1 AND 10 AS disability_null_1_to_10_pct
  FROM gen_a.child;
-- A UPN is a check letter and 12 digits, the letter that of the digits
-- weighted 2 to 13 (mod 23); unique; none for a child not yet 4.
SELECT count(upn) > 0 AS some_upns,
       bool_and(upn ~ '^[A-Z][0-9]{12}$'
                AND left(upn, 1) = substr('ABCDEFGHJKLMNPQRTUVWXYZ',
                                          1 + (SELECT sum(substr(upn, i, 1)::integer * i) FROM generate_series(2, 13) AS i)::integer % 23, 1))
           AS upns_valid,
       count(DISTINCT upn) = count(upn) AS upns_unique,
       count(upn) FILTER (WHERE date_of_birth > '2020-03-31') AS upns_under_4
  FROM gen_a.child;
SELECT bool_and(source IN ('1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4',
                           '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10')) AS source_codes_valid,
       count(*) FILTER (WHERE source = '6') * 100.0 / count(*) BETWEEN 20 AND 40 AS police_20_to_40_pct,
       count(*) FILTER (WHERE source IS NULL) > 0 AS some_source_null,
       count(*) FILTER (WHERE nfa) * 100.0 / count(*) BETWEEN 2 AND 15 AS nfa_2_to_15_pct,
       count(*) FILTER (WHERE nfa IS NULL) > 0 AS some_nfa_null
  FROM gen_a.referral;
-- Every team has workers and one locality; a few allocations have none.
SELECT team, count(DISTINCT locality) AS localities, count(DISTINCT worker_id) > 0 AS has_workers
  FROM gen_a.allocation GROUP BY team ORDER BY team;
SELECT count(*) FILTER (WHERE team IS NULL) * 100.0 / count(*) BETWEEN 0 AND 6 AS team_null_0_to_6_pct,
       count(*) FILTER (WHERE worker_id IS NULL) * 100.0 / count(*) BETWEEN 0 AND 4 AS worker_null_0_to_4_pct
  FROM gen_a.allocation;
-- Every referral has the contact that became it, on or up to a week
-- before its date; contacts are of known children, with valid outcomes.
SELECT count(*) AS referrals_without_their_contact
  FROM gen_a.referral r
 WHERE NOT EXISTS (SELECT 1 FROM gen_a.contact c
                    WHERE c.child_id = r.child_id AND c.outcome = 'REFERRAL'
                      AND c.contact_date BETWEEN r.referral_date - 7 AND r.referral_date);
SELECT outcome, count(*) > 0 AS present FROM gen_a.contact GROUP BY outcome ORDER BY outcome;
SELECT count(*) > 2 * (SELECT count(*) FROM gen_a.referral) AS several_contacts_a_referral,
       count(*) FILTER (WHERE child_id NOT IN (SELECT child_id FROM gen_a.child)) AS contacts_of_unknown_children,
       min(contact_date) >= '2022-04-01' AND max(contact_date) <= '2024-03-31' AS contacts_in_range
  FROM gen_a.contact;
-- Child in need plans follow an authorised assessment or a protection
-- plan's end; some are open at the end.
SELECT count(*) > 0 AS cin_plans, count(*) FILTER (WHERE end_date IS NULL) > 0 AS some_open,
       count(*) FILTER (WHERE end_date < start_date) AS ending_before_start,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM gen_a.assessment a
                                            WHERE a.child_id = p.child_id AND a.authorised_date < p.start_date)
                          AND NOT EXISTS (SELECT 1 FROM gen_a.cp_plan c
                                            WHERE c.child_id = p.child_id AND c.end_date = p.start_date)) AS without_cause
  FROM gen_a.cin_plan p;
-- The age bands of each year add up to (within 1% of) its population.
SELECT p.year, count(b.age_band) AS bands,
       abs(sum(b.children) - p.children) <= 0.01 * p.children AS bands_add_up
  FROM gen_a.population p LEFT JOIN gen_a.population_age_band b USING (year)
 GROUP BY p.year, p.children ORDER BY p.year;

-- Tables without the optional columns and relations (made by an older
-- create_source_tables, or a council's own; a relation of them a view)
-- get the same rows in the columns they have; a disability flag is true
-- for a disabled child.
SELECT cspi.create_source_tables('gen_old');
ALTER TABLE gen_old.child DROP COLUMN sex, DROP COLUMN ethnicity, DROP COLUMN upn,
    ALTER COLUMN disability TYPE boolean USING NULL;
ALTER TABLE gen_old.referral DROP COLUMN source, DROP COLUMN nfa;
ALTER TABLE gen_old.allocation DROP COLUMN worker_id, DROP COLUMN team, DROP COLUMN locality;
DROP TABLE gen_old.contact, gen_old.cin_plan, gen_old.population_age_band;
CREATE VIEW gen_old.contact AS SELECT NULL::text AS contact_id;
SELECT count(*) AS relations FROM cspi.generate_source('gen_old', 0.2, 7, 2022, 2024);
CREATE FUNCTION pg_temp.differing_in_columns_of(a name, b name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rel text;
    cols text;
    n bigint := 0;
    m bigint;
BEGIN
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c
                 JOIN pg_class t ON t.relname = c.relation AND t.relkind = 'r'
                WHERE t.relnamespace = b::regnamespace LOOP
        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols
          FROM pg_attribute WHERE attrelid = format('%I.%I', b, rel)::regclass AND attnum > 0 AND NOT attisdropped
                              AND NOT (rel = 'child' AND attname = 'disability');
        EXECUTE format('SELECT count(*) FROM ((SELECT %4$s FROM %1$I.%3$I EXCEPT ALL SELECT %4$s FROM %2$I.%3$I)
                                  UNION ALL (SELECT %4$s FROM %2$I.%3$I EXCEPT ALL SELECT %4$s FROM %1$I.%3$I)) d',
                       a, b, rel, cols)
           INTO m;
        n := n + m;
    END LOOP;
    RETURN n;
END $$;
SELECT pg_temp.differing_in_columns_of('gen_a', 'gen_old') AS differing_rows;
SELECT count(*) FILTER (WHERE o.disability) > 0 AS some_disabled,
       count(*) FILTER (WHERE o.disability IS DISTINCT FROM (a.disability <> 'NONE')) AS differing_flags
  FROM gen_a.child a JOIN gen_old.child o USING (child_id);

-- Annex A's relations (lists 9 to 11) and the episodes of need (List 6,
-- CIN_RATE), made by create_source_table, are filled where present, and
-- every other row is the same as without them.
SELECT cspi.create_source_tables('gen_annex');
SELECT cspi.create_source_table('gen_annex', r)
  FROM unnest(ARRAY['cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter']) r;
SELECT relation, row_count > 0 AS filled FROM cspi.generate_source('gen_annex', 0.2, 7, 2022, 2024)
 WHERE relation IN ('cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter') ORDER BY relation;
SELECT pg_temp.differing('gen_a', 'gen_annex') AS differing_rows;
-- The episodes are the same without child in need plans (the plans they
-- run over are the generator's, not the table's).
SELECT cspi.create_source_tables('gen_cin');
DROP TABLE gen_cin.cin_plan;
SELECT cspi.create_source_table('gen_cin', 'cin_episode');
SELECT count(*) AS relations FROM cspi.generate_source('gen_cin', 0.2, 7, 2022, 2024);
SELECT count(*) AS differing_episodes
  FROM ((TABLE gen_annex.cin_episode EXCEPT ALL TABLE gen_cin.cin_episode)
        UNION ALL (TABLE gen_cin.cin_episode EXCEPT ALL TABLE gen_annex.cin_episode)) d;
-- Episodes of need: each starts on a referral of its child and ends on or
-- after it, by the last day or open (then without a reason); a child's
-- episodes never overlap; valid codes (a few needs in lower case or
-- missing), some open, some closed by each common reason.
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM gen_annex.referral r
                                           WHERE r.child_id = e.child_id AND r.referral_date = e.start_date)) AS not_on_a_referral,
       count(*) FILTER (WHERE end_date < start_date OR end_date > '2024-03-31') AS ending_out_of_range,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM gen_annex.cin_episode o
                                       WHERE o.child_id = e.child_id AND o.start_date > e.start_date
                                         AND (e.end_date IS NULL OR e.end_date >= o.start_date))) AS overlapping,
       count(*) FILTER (WHERE (end_date IS NULL) <> (reason_closed IS NULL)) AS reason_not_as_closed,
       count(*) FILTER (WHERE upper(primary_need) !~ '^N[0-9]$') AS needs_invalid,
       count(*) FILTER (WHERE reason_closed !~ '^RC[1-9]$') AS reasons_invalid,
       count(*) FILTER (WHERE end_date IS NULL) > 0 AS some_open,
       count(DISTINCT reason_closed) FILTER (WHERE reason_closed IN ('RC7', 'RC8', 'RC9')) AS common_reasons,
       count(*) FILTER (WHERE primary_need = 'N1') > count(*) FILTER (WHERE primary_need <> 'N1') / 3 AS n1_over_a_quarter,
       count(*) FILTER (WHERE primary_need <> upper(primary_need) OR primary_need IS NULL) > 0 AS some_needs_odd
  FROM gen_annex.cin_episode e;
-- Every referral, assessment and child in need plan of a referred child
-- lies in an episode of the child's (open to the last day when it is);
-- an episode that a referral of no further action starts closes within
-- a week with RC8 or RC9, unless still open.
SELECT (SELECT count(*) FROM gen_annex.referral r
         WHERE NOT EXISTS (SELECT 1 FROM gen_annex.cin_episode e
                            WHERE e.child_id = r.child_id AND r.referral_date BETWEEN e.start_date AND coalesce(e.end_date, 'infinity'))
       ) AS referrals_outside,
       (SELECT count(*) FROM gen_annex.assessment a
         WHERE a.child_id IN (SELECT child_id FROM gen_annex.referral)
           AND NOT EXISTS (SELECT 1 FROM gen_annex.cin_episode e
                            WHERE e.child_id = a.child_id AND e.start_date <= a.start_date
                              AND coalesce(e.end_date, 'infinity') >= coalesce(a.authorised_date, 'infinity'))
       ) AS assessments_outside,
       (SELECT count(*) FROM gen_annex.cin_plan p
         WHERE p.child_id IN (SELECT child_id FROM gen_annex.referral)
           AND NOT EXISTS (SELECT 1 FROM gen_annex.cin_episode e
                            WHERE e.child_id = p.child_id AND e.start_date <= p.start_date
                              AND coalesce(e.end_date, 'infinity') >= coalesce(p.end_date, 'infinity'))
       ) AS cin_plans_outside,
       (SELECT count(*) FROM gen_annex.cin_episode e
          JOIN gen_annex.referral r ON r.child_id = e.child_id AND r.referral_date = e.start_date AND r.nfa
         WHERE e.end_date > e.start_date + 7 OR e.reason_closed NOT IN ('RC8', 'RC9')) AS nfa_episodes_closed_otherwise;
-- The in-touch code and accommodation agree with the flags; leaving care
-- is of known young people, without overlaps; the adoption steps and the
-- adopters' dates are in order, a placement that of the adoptive episode.
SELECT count(*) FILTER (WHERE upper(btrim(in_touch_code)) = 'YES' AND NOT in_touch
                           OR upper(btrim(in_touch_code)) <> 'YES' AND in_touch) AS in_touch_disagreeing,
       count(*) FILTER (WHERE right(btrim(accommodation), 1) = '1' AND NOT accommodation_suitable
                           OR right(btrim(accommodation), 1) = '2' AND accommodation_suitable) AS suitability_disagreeing,
       count(*) FILTER (WHERE upper(btrim(accommodation)) !~ '^[BCDEGHKRSTUVWXYZ][12]?$') AS accommodation_invalid
  FROM gen_annex.care_leaver;
SELECT count(*) FILTER (WHERE child_id NOT IN (SELECT child_id FROM gen_annex.child)) AS of_unknown_young_people,
       count(*) FILTER (WHERE lower(eligibility) NOT IN ('relevant', 'former_relevant', 'qualifying', 'eligible')) AS unknown_categories,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM gen_annex.leaving_care o
                                       WHERE o.child_id = l.child_id AND o.start_date > l.start_date
                                         AND (l.end_date IS NULL OR l.end_date > o.start_date))) AS overlapping
  FROM gen_annex.leaving_care l;
SELECT count(*) FILTER (WHERE matched_date <= decision_date OR placed_date < matched_date
                           OR reversed_date <= decision_date) AS out_of_order,
       count(*) FILTER (WHERE placed_date <> (SELECT min(e.start_date) FROM gen_annex.cla_episode e
                                               WHERE e.child_id = a.child_id AND e.placement IN ('A5', 'A6'))) AS placed_not_as_episodes,
       count(*) FILTER (WHERE adoptive_family_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM gen_annex.adopter p WHERE p.family_id = a.adoptive_family_id))
         AS families_without_adopters
  FROM gen_annex.adoption a;
-- (each process's dates that are given, two by two: a NULL between them
-- skipped, not making the test unknown)
SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM (VALUES (ARRAY[enquiry_date, stage1_start_date, stage1_end_date, stage2_start_date, stage2_end_date,
                                        approval_date, matched_date, placed_date, adoption_order_date]),
                                 (ARRAY[enquiry_date, application_date, approval_date, matched_date, placed_date,
                                        adoption_order_date])) chain(d)
            CROSS JOIN LATERAL unnest(chain.d) WITH ORDINALITY x(d, i)
             JOIN LATERAL unnest(chain.d) WITH ORDINALITY y(d, i) ON y.i > x.i
            WHERE y.d < x.d)) AS out_of_order,
       count(*) FILTER (WHERE left_date IS NOT NULL AND left_reason NOT IN ('1', '2', '3')) AS unknown_reasons
  FROM gen_annex.adopter;

-- Every event lies between 1 April 2022 and 31 March 2024.
SELECT min(d) >= '2022-04-01' AND max(d) <= '2024-03-31' AS events_in_range
  FROM (SELECT referral_date FROM gen_a.referral UNION ALL SELECT completed_date FROM gen_a.referral
        UNION ALL SELECT visit_date FROM gen_a.visit UNION ALL SELECT start_date FROM gen_a.cla_episode
        UNION ALL SELECT end_date FROM gen_a.cla_episode) e(d);
-- It is clean by every data-quality check, and every indicator is available.
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('gen_a', 'gen_a_report');
SELECT count(*) AS data_quality_problems FROM gen_a_report.data_quality;
SELECT count(DISTINCT period) AS periods FROM gen_a_report.indicator_value;
-- Deploying again over the same report schema is safe and gives the same
-- figures (as after ALTER EXTENSION cspi UPDATE).
CREATE TEMP TABLE first_deploy AS SELECT * FROM gen_a_report.indicator_value;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('gen_a', 'gen_a_report');
SELECT count(*) AS rows,
       count(*) FILTER (WHERE (a.numerator, a.denominator, a.display) IS DISTINCT FROM (b.numerator, b.denominator, b.display)) AS differing
  FROM first_deploy a FULL JOIN gen_a_report.indicator_value b USING (indicator, period_type, period);

-- What it refuses.
SELECT cspi.generate_source('gen_a', 0.2, 7, 2022, 2024);
SELECT cspi.generate_source('no_such_schema');
SELECT cspi.generate_source('gen_c', 0);
SELECT cspi.generate_source('gen_c', 1, 1, 2024, 2024);
SELECT cspi.generate_source('gen_c', 1, 1, 1990, 2000);

SET client_min_messages = warning;
DROP SCHEMA gen_a_report, gen_a, "gen_b ordof(x) @S@ wdn(1)", gen_c, gen_old, gen_annex, gen_cin CASCADE;
RESET client_min_messages;
