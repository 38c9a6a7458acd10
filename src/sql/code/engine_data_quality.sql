--------------------------------------------------------------------------
-- Report objects: data quality
--------------------------------------------------------------------------
-- The source rows that break the data contract or its logic.

-- How data_quality names a row: by its id; by the columns that place it
-- (its child and date) when its id is missing; by both when other rows
-- have the same id, so that each of them can be told apart.
CREATE OR REPLACE FUNCTION cspi.data_quality_row_id(id text, repeated boolean, described text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN id IS NULL THEN described
                WHEN repeated THEN id || ' (' || described || ')'
                ELSE id END;
COMMENT ON FUNCTION cspi.data_quality_row_id(text, boolean, text) IS
'The row_id a report''s data_quality view gives a source row: its id; described (the columns that place it, such as ''child C5 received 2024-06-03'') when the id is missing; both, ''V1 (child C1 on 2024-05-01)'', when repeated (other rows have the same id).';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('data_quality', 'view', 180, 'data_quality', NULL,
'Source rows that break the data contract or its logic, each with its relation, row id and the problem; none is dropped silently. Every row whose id is missing or repeated is listed; such a row is named by the columns that place it (its child and date), after its id when it has one.',
$def$
WITH cal AS (
    SELECT lower(r) AS lo, upper(r) - 1 AS hi FROM cspi.calendar_range(@CAL@) AS r
), has_child AS (
    SELECT 'child' = ANY (present_relations) AS yes FROM @R@.deployment
), known_child AS (
    SELECT DISTINCT child_id FROM @R@.src_child
),
-- The keys of the contract that more than one row has, and how many (a
-- key of two columns as a JSON array of both).  A missing key is not
-- repeated: it is listed as missing.
repeated_keys(relation, key, n) AS (
    SELECT 'child', child_id, count(*) FROM @R@.src_child WHERE child_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'population', year::text, count(*) FROM @R@.src_population WHERE year IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'referral', referral_id, count(*) FROM @R@.src_referral WHERE referral_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'assessment', assessment_id, count(*) FROM @R@.src_assessment WHERE assessment_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 's47_enquiry', s47_id, count(*) FROM @R@.src_s47_enquiry WHERE s47_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cp_plan', plan_id, count(*) FROM @R@.src_cp_plan WHERE plan_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cp_review', review_id, count(*) FROM @R@.src_cp_review WHERE review_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cla_episode', episode_id, count(*) FROM @R@.src_cla_episode WHERE episode_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cla_review', review_id, count(*) FROM @R@.src_cla_review WHERE review_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'visit', visit_id, count(*) FROM @R@.src_visit WHERE visit_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'missing_episode', episode_id, count(*) FROM @R@.src_missing_episode WHERE episode_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'care_leaver', jsonb_build_array(child_id, as_at)::text, count(*) FROM @R@.src_care_leaver
     WHERE child_id IS NOT NULL AND as_at IS NOT NULL GROUP BY child_id, as_at HAVING count(*) > 1
    UNION ALL SELECT 'family_support', jsonb_build_array(case_id, child_id)::text, count(*) FROM @R@.src_family_support
     WHERE case_id IS NOT NULL AND child_id IS NOT NULL GROUP BY case_id, child_id HAVING count(*) > 1
),
-- Each source row with its row_id (cspi.data_quality_row_id): its id, the
-- columns that place it when the id is missing, both when it is repeated.
-- A key of two columns names a missing part '?'.
child_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.child_id,
                    s.child_id IN (SELECT key FROM repeated_keys WHERE relation = 'child'),
                    format('born %s, family %s', coalesce(s.date_of_birth::text, '?'), coalesce(s.family_id, '?'))) AS row_id
      FROM @R@.src_child s
), population_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.year::text,
                    s.year::text IN (SELECT key FROM repeated_keys WHERE relation = 'population'),
                    format('%s children', coalesce(s.children::text, '?'))) AS row_id
      FROM @R@.src_population s
), referral_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.referral_id,
                    s.referral_id IN (SELECT key FROM repeated_keys WHERE relation = 'referral'),
                    format('child %s received %s', coalesce(s.child_id, '?'), coalesce(s.referral_date::text, '?'))) AS row_id
      FROM @R@.src_referral s
), assessment_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.assessment_id,
                    s.assessment_id IN (SELECT key FROM repeated_keys WHERE relation = 'assessment'),
                    format('child %s started %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_assessment s
), s47_enquiry_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.s47_id,
                    s.s47_id IN (SELECT key FROM repeated_keys WHERE relation = 's47_enquiry'),
                    format('child %s strategy %s', coalesce(s.child_id, '?'), coalesce(s.strategy_date::text, '?'))) AS row_id
      FROM @R@.src_s47_enquiry s
), cp_plan_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.plan_id,
                    s.plan_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_plan'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_cp_plan s
), cp_review_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.review_id,
                    s.review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_review'),
                    format('plan %s on %s', coalesce(s.plan_id, '?'), coalesce(s.review_date::text, '?'))) AS row_id
      FROM @R@.src_cp_review s
), cla_episode_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.episode_id,
                    s.episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_episode'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_cla_episode s
), cla_review_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.review_id,
                    s.review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_review'),
                    format('child %s on %s', coalesce(s.child_id, '?'), coalesce(s.review_date::text, '?'))) AS row_id
      FROM @R@.src_cla_review s
), visit_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.visit_id,
                    s.visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                    format('child %s on %s', coalesce(s.child_id, '?'), coalesce(s.visit_date::text, '?'))) AS row_id
      FROM @R@.src_visit s
), allocation_rows AS NOT MATERIALIZED (
    SELECT s.*, coalesce(s.child_id, '?') || ' from ' || coalesce(s.start_date::text, '?') AS row_id
      FROM @R@.src_allocation s
), health_assessment_rows AS NOT MATERIALIZED (
    SELECT s.*, coalesce(s.child_id, '?') || ' due ' || coalesce(s.due_date::text, '?') AS row_id
      FROM @R@.src_health_assessment s
), missing_episode_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.episode_id,
                    s.episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'missing_episode'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_at::text, '?'))) AS row_id
      FROM @R@.src_missing_episode s
), care_leaver_rows AS NOT MATERIALIZED (
    SELECT s.*, k.key,
           coalesce(s.child_id, '?') || ' at ' || coalesce(s.as_at::text, '?')
           || CASE WHEN k.key IS NULL OR k.key IN (SELECT key FROM repeated_keys WHERE relation = 'care_leaver')
                   THEN format(' (in touch %s, activity %s)', coalesce(s.in_touch::text, '?'), coalesce(s.activity, '?'))
                   ELSE '' END AS row_id
      FROM @R@.src_care_leaver s
     CROSS JOIN LATERAL (SELECT CASE WHEN s.child_id IS NOT NULL AND s.as_at IS NOT NULL
                                  THEN jsonb_build_array(s.child_id, s.as_at)::text END AS key) k
), family_support_rows AS NOT MATERIALIZED (
    SELECT s.*, k.key,
           coalesce(s.case_id, '?') || '/' || coalesce(s.child_id, '?')
           || CASE WHEN k.key IS NULL OR k.key IN (SELECT key FROM repeated_keys WHERE relation = 'family_support')
                   THEN format(' (family %s, %s, from %s)', coalesce(s.family_id, '?'), coalesce(lower(s.provider), '?'),
                               coalesce(s.start_date::text, '?'))
                   ELSE '' END AS row_id
      FROM @R@.src_family_support s
     CROSS JOIN LATERAL (SELECT CASE WHEN s.case_id IS NOT NULL AND s.child_id IS NOT NULL
                                  THEN jsonb_build_array(s.case_id, s.child_id)::text END AS key) k
),
-- The keyed rows with their key and what a missing key means for the row.
keyed(relation, key_name, key, row_id, missing) AS NOT MATERIALIZED (
    SELECT 'child', 'child_id', child_id, row_id, 'child_id is missing (matches no event)' FROM child_rows
    UNION ALL SELECT 'population', 'year', year::text, row_id, 'year is missing: not used' FROM population_rows
    UNION ALL SELECT 'referral', 'referral_id', referral_id, row_id, 'referral_id is missing (counted all the same)' FROM referral_rows
    UNION ALL SELECT 'assessment', 'assessment_id', assessment_id, row_id, 'assessment_id is missing (counted all the same)' FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', 's47_id', s47_id, row_id, 's47_id is missing (counted all the same)' FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', 'plan_id', plan_id, row_id, 'plan_id is missing (counted all the same, but a cp visit it alone is open for counts as having no plan)' FROM cp_plan_rows
    UNION ALL SELECT 'cp_review', 'review_id', review_id, row_id, 'review_id is missing (counted all the same)' FROM cp_review_rows
    UNION ALL SELECT 'cla_episode', 'episode_id', episode_id, row_id, 'episode_id is missing (counted all the same)' FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', 'review_id', review_id, row_id, 'review_id is missing (counted all the same)' FROM cla_review_rows
    UNION ALL SELECT 'visit', 'visit_id', visit_id, row_id, 'visit_id is missing (counted all the same)' FROM visit_rows
    UNION ALL SELECT 'missing_episode', 'episode_id', episode_id, row_id, 'episode_id is missing (counted all the same)' FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', '(child_id, as_at)', key, row_id,
                     CASE WHEN child_id IS NULL AND as_at IS NULL THEN 'child_id and as_at are missing: not counted'
                          WHEN child_id IS NULL THEN 'child_id is missing: not counted'
                          ELSE 'as_at is missing: not counted' END
      FROM care_leaver_rows
    UNION ALL SELECT 'family_support', '(case_id, child_id)', key, row_id,
                     CASE WHEN child_id IS NULL AND case_id IS NULL THEN 'case_id and child_id are missing (its family is counted, the child is not)'
                          WHEN child_id IS NULL THEN 'child_id is missing (its family is counted, the child is not)'
                          ELSE 'case_id is missing (counted all the same)' END
      FROM family_support_rows
), child_refs(relation, row_id, child_id) AS (
    SELECT 'referral', row_id, child_id FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, child_id FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, child_id FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', row_id, child_id FROM cp_plan_rows
    UNION ALL SELECT 'cla_episode', row_id, child_id FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', row_id, child_id FROM cla_review_rows
    UNION ALL SELECT 'visit', row_id, child_id FROM visit_rows
    UNION ALL SELECT 'allocation', row_id, child_id FROM allocation_rows
    UNION ALL SELECT 'health_assessment', row_id, child_id FROM health_assessment_rows
    UNION ALL SELECT 'missing_episode', row_id, child_id FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', row_id, child_id FROM care_leaver_rows
    UNION ALL SELECT 'family_support', row_id, child_id FROM family_support_rows
), working_day_dates(relation, row_id, d) AS (
    SELECT 'referral', row_id, referral_date FROM referral_rows WHERE completed_date IS NOT NULL
    UNION ALL SELECT 'referral', row_id, completed_date FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, start_date FROM assessment_rows WHERE authorised_date IS NOT NULL
    UNION ALL SELECT 'assessment', row_id, authorised_date FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, strategy_date FROM s47_enquiry_rows WHERE icpc_date IS NOT NULL
    UNION ALL SELECT 's47_enquiry', row_id, icpc_date FROM s47_enquiry_rows
    UNION ALL SELECT 'visit', row_id, visit_date FROM visit_rows WHERE visit_type = 'CP'
    UNION ALL SELECT 'cla_review', row_id, review_date FROM cla_review_rows
), event_dates(relation, row_id, column_name, d) AS (
    -- the dates that place a row in a period (end dates of spells read as
    -- open when after the report's years, so they are not here)
    SELECT 'referral', row_id, 'referral_date', referral_date FROM referral_rows
    UNION ALL SELECT 'referral', row_id, 'completed_date', completed_date FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, 'start_date', start_date FROM assessment_rows
    UNION ALL SELECT 'assessment', row_id, 'authorised_date', authorised_date FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, 'strategy_date', strategy_date FROM s47_enquiry_rows
    UNION ALL SELECT 's47_enquiry', row_id, 'icpc_date', icpc_date FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', row_id, 'start_date', start_date FROM cp_plan_rows
    UNION ALL SELECT 'cp_review', row_id, 'review_date', review_date FROM cp_review_rows
    UNION ALL SELECT 'cla_episode', row_id, 'start_date', start_date FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', row_id, 'review_date', review_date FROM cla_review_rows
    UNION ALL SELECT 'visit', row_id, 'visit_date', visit_date FROM visit_rows
    UNION ALL SELECT 'health_assessment', row_id, 'completed_date', completed_date FROM health_assessment_rows
    UNION ALL SELECT 'missing_episode', row_id, 'returned_at', cspi.local_date(returned_at) FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', row_id, 'as_at', as_at FROM care_leaver_rows
    UNION ALL SELECT 'family_support', row_id, 'start_date', start_date FROM family_support_rows
), end_dates(relation, row_id, column_name, d) AS (
    SELECT 'cp_plan', row_id, 'end_date', end_date FROM cp_plan_rows
    UNION ALL SELECT 'cla_episode', row_id, 'end_date', end_date FROM cla_episode_rows
    UNION ALL SELECT 'allocation', row_id, 'end_date', end_date FROM allocation_rows
    UNION ALL SELECT 'family_support', row_id, 'end_date', end_date FROM family_support_rows
), problems(relation, row_id, problem) AS (
    -- missing keys: every such row
    SELECT k.relation, k.row_id, k.missing FROM keyed k WHERE k.key IS NULL
    -- repeated keys: every row that shares its key
    UNION ALL SELECT k.relation, k.row_id, format('duplicate %s: %s rows have it', k.key_name, r.n)
      FROM keyed k JOIN repeated_keys r ON r.relation = k.relation AND r.key = k.key
    -- dates outside the report's years: never placed in a period
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is outside the years a report covers (%s to %s): not counted',
                            e.column_name, e.d, cspi.report_first_day(), cspi.report_last_day())
      FROM event_dates e WHERE e.d IS NOT NULL AND NOT cspi.in_report_years(e.d)
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is before the years a report covers (from %s)', e.column_name, e.d, cspi.report_first_day())
      FROM end_dates e WHERE e.d < cspi.report_first_day()
    -- population rows that cannot give a rate (a missing year is listed above)
    UNION ALL SELECT 'population', row_id, 'not a positive number of children in a year from 1 to 9999: not used'
      FROM population_rows WHERE year IS NOT NULL AND NOT coalesce(year BETWEEN 1 AND 9999 AND children > 0, false)
    -- missing dates an indicator needs
    UNION ALL SELECT 'referral', row_id, 'referral_date is missing' FROM referral_rows WHERE referral_date IS NULL
    UNION ALL SELECT 'assessment', row_id, 'start_date is missing' FROM assessment_rows WHERE start_date IS NULL
    UNION ALL SELECT 's47_enquiry', row_id, 'strategy_date is missing' FROM s47_enquiry_rows WHERE strategy_date IS NULL
    UNION ALL SELECT 'cp_plan', row_id, 'start_date is missing' FROM cp_plan_rows WHERE start_date IS NULL
    UNION ALL SELECT 'cla_episode', row_id, 'start_date is missing' FROM cla_episode_rows WHERE start_date IS NULL
    UNION ALL SELECT 'cp_review', row_id, 'review_date is missing' FROM cp_review_rows WHERE review_date IS NULL
    UNION ALL SELECT 'cla_review', row_id, 'review_date is missing' FROM cla_review_rows WHERE review_date IS NULL
    UNION ALL SELECT 'visit', row_id, 'visit_date is missing' FROM visit_rows WHERE visit_date IS NULL
    UNION ALL SELECT 'child', row_id, 'date_of_birth is missing' FROM child_rows WHERE date_of_birth IS NULL
    -- an end before its start
    UNION ALL SELECT 'referral', row_id, 'completed before it was received (negative working days)' FROM referral_rows WHERE completed_date < referral_date
    UNION ALL SELECT 'assessment', row_id, 'authorised before it started (negative working days)' FROM assessment_rows WHERE authorised_date < start_date
    UNION ALL SELECT 's47_enquiry', row_id, 'conference before the strategy discussion (negative working days)' FROM s47_enquiry_rows WHERE icpc_date < strategy_date
    UNION ALL SELECT 'cp_plan', row_id, 'ends before it starts' FROM cp_plan_rows WHERE end_date < start_date
    UNION ALL SELECT 'cla_episode', row_id, 'ends before it starts' FROM cla_episode_rows WHERE end_date < start_date
    UNION ALL SELECT 'allocation', row_id, 'ends before it starts' FROM allocation_rows WHERE end_date < start_date
    UNION ALL SELECT 'family_support', row_id, 'ends before it starts' FROM family_support_rows WHERE end_date < start_date
    UNION ALL SELECT 'missing_episode', row_id, 'returned before going missing' FROM missing_episode_rows WHERE returned_at < start_at
    UNION ALL SELECT 'missing_episode', row_id, 'engaged with a return home interview that was never offered (not counted as engaged)' FROM missing_episode_rows WHERE rhi_engaged AND rhi_offered_at IS NULL
    UNION ALL SELECT 'health_assessment', row_id, 'kind is not initial, review or dental' FROM health_assessment_rows WHERE kind IS NULL OR kind NOT IN ('INITIAL', 'REVIEW', 'DENTAL')
    -- dates the calendar cannot count working days for
    UNION ALL SELECT w.relation, w.row_id, 'date ' || w.d || ' is outside the range of calendar ' || @CAL@ || ': no working days counted'
      FROM working_day_dates w, cal WHERE w.d NOT BETWEEN cal.lo AND cal.hi
    -- children that the child relation does not know
    UNION ALL SELECT r.relation, r.row_id, 'unknown child ' || coalesce(r.child_id, 'NULL')
      FROM child_refs r, has_child
     WHERE has_child.yes
       AND NOT EXISTS (SELECT 1 FROM known_child k WHERE k.child_id = r.child_id)
    -- events with nothing to be timely against, named as above (the
    -- drill-down views keep the columns that place a row)
    UNION ALL SELECT 'cp_review', cspi.data_quality_row_id(review_id,
                         review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_review'),
                         format('plan %s on %s', coalesce(plan_id, '?'), coalesce(review_date::text, '?'))),
                     'review of an unknown plan: not in timescale'
      FROM @R@.cp_review_timeliness WHERE child_id IS NULL
    UNION ALL SELECT 'visit', cspi.data_quality_row_id(visit_id,
                         visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?'))),
                     'cp visit with no child protection plan open that day: not in timescale'
      FROM @R@.cp_visit_timeliness WHERE plan_id IS NULL
    UNION ALL SELECT 'cla_review', cspi.data_quality_row_id(review_id,
                         review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_review'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(review_date::text, '?'))),
                     'looked-after review with no period of care open that day: not in timescale'
      FROM @R@.cla_review_timeliness WHERE period_of_care IS NULL
    UNION ALL SELECT 'visit', cspi.data_quality_row_id(visit_id,
                         visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?'))),
                     'cic visit with no due date and no placement that day: not in timescale'
      FROM @R@.cic_visit_timeliness WHERE due_date IS NULL AND placement_number IS NULL
    -- care episodes
    UNION ALL SELECT 'cla_episode', e.row_id, 'overlaps the child''s previous episode'
      FROM (SELECT row_id, start_date,
                   max(coalesce(end_date, 'infinity')) OVER (PARTITION BY child_id ORDER BY start_date, episode_id
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
              FROM cla_episode_rows
             WHERE legal_status IS DISTINCT FROM 'V3' AND legal_status IS DISTINCT FROM 'V4') e
     WHERE e.start_date < e.previous_end
    UNION ALL SELECT 'cla_episode', cspi.data_quality_row_id(first_episode_id,
                         first_episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_episode'),
                         format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?'))),
                     'period of care does not begin with reason_new S (counted as a period of care all the same)'
      FROM @R@.cla_period_of_care WHERE NOT coalesce(starts_with_s, false)
    -- codes
    UNION ALL SELECT 'cla_episode', row_id, 'unknown reason_new ' || coalesce(reason_new, 'NULL') FROM cla_episode_rows WHERE reason_new IS NULL OR reason_new NOT IN ('S', 'L', 'P', 'T', 'B', 'U')
    UNION ALL SELECT 'visit', row_id, 'unknown visit_type ' || coalesce(visit_type, 'NULL') FROM visit_rows WHERE visit_type IS NULL OR visit_type NOT IN ('CP', 'CIC', 'IRO', 'CARE_LEAVER')
    UNION ALL SELECT 'family_support', row_id, 'unknown provider ' || coalesce(provider, 'NULL') FROM family_support_rows WHERE provider IS NULL OR provider NOT IN ('INTERNAL', 'EXTERNAL')
    -- (the optional codes the breakdowns read: an unknown one is counted
    -- in the category unknown)
    UNION ALL SELECT 'child', row_id, 'unknown sex ' || sex || ' (in the breakdowns'' category unknown)' FROM child_rows
     WHERE sex NOT IN ('0', '1', '2', '9', 'M', 'F', 'U', 'I', 'MALE', 'FEMALE')
    UNION ALL SELECT 'child', row_id, 'unknown ethnicity ' || ethnicity || ' (in the breakdowns'' category unknown)' FROM child_rows
     WHERE ethnicity NOT IN ('REFU', 'NOBT', 'CHNE') AND ethnicity !~ '^[WMABO][A-Z]{3}$'
    UNION ALL SELECT 'child', row_id, 'unknown disability ' || disability || ' (in the breakdowns'' category unknown)' FROM child_rows
     WHERE disability NOT IN ('NONE', 'FALSE', 'F', 'N', 'NO', '0', 'TRUE', 'T', 'Y', 'YES', '1', 'MOB', 'HAND', 'PC', 'INC',
                              'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA')
    UNION ALL SELECT 'referral', row_id, 'unknown source ' || source FROM referral_rows
     WHERE source NOT IN ('1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4',
                          '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10')
    -- (the optional codes Ofsted's Annex A reads: an unknown one is a
    -- blank cell)
    UNION ALL SELECT 'cp_plan', row_id, 'unknown initial_category ' || initial_category || ' (blank in Annex A)' FROM cp_plan_rows
     WHERE initial_category NOT IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')
    UNION ALL SELECT 'cp_plan', row_id, 'unknown latest_category ' || latest_category || ' (blank in Annex A)' FROM cp_plan_rows
     WHERE latest_category NOT IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')
    UNION ALL SELECT 'cla_episode', row_id, 'unknown placement_provider ' || placement_provider || ' (blank in Annex A)' FROM cla_episode_rows
     WHERE placement_provider NOT IN ('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5')
    UNION ALL SELECT 'allocation', row_id, 'unknown role ' || role || ' (read as a social worker''s allocation)' FROM allocation_rows
     WHERE nullif(role, '') NOT IN ('SOCIAL_WORKER', 'PERSONAL_ADVISOR', 'PERSONAL_ADVISER')
    UNION ALL SELECT 'care_leaver', row_id, 'unknown in_touch_code ' || in_touch_code || ' (blank in Annex A)' FROM care_leaver_rows
     WHERE nullif(in_touch_code, '') NOT IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')
    UNION ALL SELECT 'care_leaver', row_id, 'unknown accommodation ' || accommodation || ' (blank in Annex A)' FROM care_leaver_rows
     WHERE nullif(accommodation, '') !~ '^([BCDEGHKRSTUVWXYZ][12]?|0)$'
    UNION ALL SELECT 'leaving_care', format('%s from %s', coalesce(l.child_id, '?'), coalesce(l.start_date::text, '?')),
                     'unknown eligibility ' || l.eligibility || ' (blank in Annex A)'
      FROM @R@.src_leaving_care l WHERE nullif(l.eligibility, '') NOT IN ('RELEVANT', 'FORMER_RELEVANT', 'QUALIFYING', 'ELIGIBLE')
    UNION ALL SELECT 'adoption', format('child %s decided %s', coalesce(d.child_id, '?'), coalesce(d.decision_date::text, '?')),
                     'unknown reversed_reason ' || d.reversed_reason || ' (blank in Annex A)'
      FROM @R@.src_adoption d WHERE nullif(d.reversed_reason, '') NOT IN ('RD1', 'RD2', 'RD3', 'RD4')
    UNION ALL SELECT 'adopter', coalesce(x.adopter_id, '?'), 'unknown gender ' || x.gender || ' (blank in Annex A)'
      FROM @R@.src_adopter x WHERE nullif(x.gender, '') NOT IN ('M', 'F', 'N', 'U', '1', '2', '9', '0', 'MALE', 'FEMALE')
    -- (an unknown reason for leaving also keeps an adopter put on hold, 2,
    -- on List 11)
    UNION ALL SELECT 'adopter', coalesce(x.adopter_id, '?'), 'unknown left_reason ' || x.left_reason || ' (blank in Annex A)'
      FROM @R@.src_adopter x WHERE nullif(x.left_reason, '') NOT IN ('1', '2', '3')
    UNION ALL SELECT 'care_leaver', row_id, 'unknown activity ' || activity FROM care_leaver_rows
     WHERE activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                            'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN')
)
SELECT relation, row_id, problem FROM problems
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;
