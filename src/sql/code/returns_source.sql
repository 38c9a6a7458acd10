--------------------------------------------------------------------------
-- The statutory returns as the data contract's relations
--------------------------------------------------------------------------
-- cspi.source_from_returns() creates, in a source schema, the contract's
-- relations as views over the staging tables of a returns schema, every
-- collection year loaded stacked: an SSDA903 episode is identified by
-- CHILD and DECOM, a CIN referral by the child and CINreferralDate, an
-- assessment or section 47 enquiry by the child and its start (the latest
-- year that has any gives all that start that day), a plan by the child
-- and its start; where one appears in several years the latest collection
-- year's row wins.  A child's columns (date of birth, sex, ethnicity,
-- disability, UPN) are each the latest return's that gives it.
-- Relations the returns cannot give are left out, so that deploy() marks
-- their indicators (and the breakdowns that need them) unavailable:
-- population and population_age_band (cspi.fill_population can add the
-- first), contact, visit, allocation (so no worker, team or locality),
-- health_assessment, missing_episode (no return interview),
-- family_support; and three optional columns of the contract: the
-- referral's completed_date, the child's family_id and the episode's
-- distance_miles (the DfE derives it from postcodes).
-- doc/statutory-returns.md says why for each.

-- Codes outside the DfE's lists, listed rather than refused.
CREATE OR REPLACE FUNCTION cspi.create_returns_data_quality(returns_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    EXECUTE format($q$
        CREATE OR REPLACE VIEW %1$I.data_quality WITH (security_invoker = true) AS
        SELECT 'ssda903_' || c.kind AS file, x.collection_year, x.line, x.child, c.column_name, x.value,
               format('%%s %%s is not a code of the DfE''s list (%%s)', c.column_name, x.value,
                      array_to_string(c.codes, ', ')) AS problem
          FROM cspi.return_code c
          CROSS JOIN LATERAL (
              SELECT e.collection_year, e.line, e.child,
                     CASE c.column_name WHEN 'RNE' THEN e.rne WHEN 'LS' THEN e.ls WHEN 'CIN' THEN e.cin
                                        WHEN 'PLACE' THEN e.place WHEN 'PLACE_PROVIDER' THEN e.place_provider
                                        WHEN 'REC' THEN e.rec WHEN 'REASON_PLACE_CHANGE' THEN e.reason_place_change END
                FROM %1$I.ssda903_episodes e WHERE c.kind = 'episodes'
              UNION ALL
              SELECT h.collection_year, h.line, h.child, h.sex FROM %1$I.ssda903_header h
               WHERE c.kind = 'header' AND c.column_name = 'SEX'
              UNION ALL
              SELECT r.collection_year, r.line, r.child, r.review_code FROM %1$I.ssda903_reviews r
               WHERE c.kind = 'reviews' AND c.column_name = 'REVIEW_CODE'
              UNION ALL
              SELECT o.collection_year, o.line, o.child,
                     CASE c.column_name WHEN 'IN_TOUCH' THEN o.in_touch WHEN 'ACTIV' THEN o.activ ELSE o.accom END
                FROM %1$I.ssda903_oc3 o WHERE c.kind = 'oc3'
              UNION ALL
              SELECT m.collection_year, m.line, m.child, m.missing FROM %1$I.ssda903_missing m
               WHERE c.kind = 'missing' AND c.column_name = 'MISSING'
          ) x(collection_year, line, child, value)
         WHERE x.value IS NOT NULL AND upper(btrim(x.value)) <> ALL (c.codes)
        UNION ALL
        SELECT 'ssda903_episodes', e.collection_year, e.line, e.child, 'DEC', e.dec::text,
               'the episode ends (DEC) before it starts (DECOM)'
          FROM %1$I.ssda903_episodes e WHERE e.dec < e.decom
        $q$, returns_schema);
    EXECUTE format('COMMENT ON VIEW %I.data_quality IS %L', returns_schema,
                   'Rows of the statutory returns with a code outside the DfE''s list (cspi.return_code) or dates out of order: loaded, and used where they can be.');
END
$fn$;
COMMENT ON FUNCTION cspi.create_returns_data_quality(name) IS
'Creates the returns schema''s data_quality view: rows with a code outside the DfE''s lists (cspi.return_code) or an episode ending before it starts (called by create_return_tables).';

-- The young person's birthday within a collection year (1 April to 31
-- March): when OC3's information refers to (29 February: 28 February).
CREATE OR REPLACE FUNCTION cspi.birthday_in_collection_year(dob date, collection_year integer) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE WHEN b.d >= make_date(collection_year - 1, 4, 1) THEN b.d
                ELSE (dob + make_interval(years => collection_year - extract(year FROM dob)::integer))::date END
      FROM (SELECT (dob + make_interval(years => collection_year - 1 - extract(year FROM dob)::integer))::date AS d) b;
    END;
COMMENT ON FUNCTION cspi.birthday_in_collection_year(date, integer) IS
'The birthday of someone born on dob that falls in a collection year (1 April of the year before to 31 March of collection_year); 29 February is 28 February in other years.';

--------------------------------------------------------------------------
-- The contract's relations as views over the statutory returns
--------------------------------------------------------------------------
-- One row of cspi.returns_relation per relation the returns can give:
-- the return it comes from and its query, in which @RETURNS@ stands for
-- the returns schema (cspi.source_from_returns makes the views).  An
-- indicator family that adds a relation to the contract adds its row in
-- its own file (src/sql/indicators/).

-- Children: the SSDA903 header, the CIN census and OC3; the returns have
-- no family.  Each column is the latest return's that gives it: the latest
-- collection year, and in one year the SSDA903 header, then the census,
-- then OC3 (which gives only the date of birth); a value a later return
-- leaves empty is the earlier return's.  Codes are kept as the return
-- writes them, trimmed and upper-cased: the sex as 1, 2 or 9 (SSDA903 to
-- 2023/24, the census's GenderCurrent, with 0) or M, F or U (from
-- 2024/25), which cspi reads alike.  The disability is the census's: a
-- code other than NONE if the child has any (the first in alphabetical
-- order), else NONE, else nothing; the census's UPNunknown reasons are not
-- UPNs.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('child', 'any', 10, $def$
SELECT c.child_id,
       (array_agg(c.date_of_birth ORDER BY c.collection_year DESC, c.pref, c.line, c.date_of_birth)
            FILTER (WHERE c.date_of_birth IS NOT NULL))[1] AS date_of_birth,
       (array_agg(c.sex ORDER BY c.collection_year DESC, c.pref, c.line, c.sex COLLATE "C")
            FILTER (WHERE c.sex IS NOT NULL))[1] AS sex,
       (array_agg(c.ethnicity ORDER BY c.collection_year DESC, c.pref, c.line, c.ethnicity COLLATE "C")
            FILTER (WHERE c.ethnicity IS NOT NULL))[1] AS ethnicity,
       (array_agg(c.disability ORDER BY c.collection_year DESC, c.pref, c.line, c.disability COLLATE "C")
            FILTER (WHERE c.disability IS NOT NULL))[1] AS disability,
       (array_agg(c.upn ORDER BY c.collection_year DESC, c.pref, c.line, c.upn COLLATE "C")
            FILTER (WHERE c.upn IS NOT NULL))[1] AS upn
  FROM (SELECT upper(btrim(h.child)) AS child_id, h.dob AS date_of_birth,
               upper(nullif(btrim(h.sex), '')) AS sex, upper(nullif(btrim(h.ethnic), '')) AS ethnicity,
               NULL::text AS disability, upper(nullif(btrim(h.upn), '')) AS upn,
               h.collection_year, 1 AS pref, h.line
          FROM @RETURNS@.ssda903_header h
        UNION ALL
        SELECT upper(btrim(x.la_child_id)), coalesce(x.person_birth_date, x.expected_person_birth_date),
               upper(nullif(btrim(x.sex), '')), upper(nullif(btrim(x.ethnicity), '')),
               (SELECT coalesce(min(d.code) FILTER (WHERE d.code <> 'NONE'), min(d.code))
                  FROM (SELECT upper(btrim(v)) COLLATE "C" AS code FROM unnest(x.disabilities) AS v) d
                 WHERE d.code <> ''),
               upper(nullif(btrim(x.upn), '')), x.collection_year, 2, NULL
          FROM @RETURNS@.cin_child x
        UNION ALL
        -- Care leavers are not in the header of a year they were
        -- not looked after: OC3 gives their dates of birth.
        SELECT upper(btrim(o.child)), o.dob, NULL, NULL, NULL, NULL, o.collection_year, 3, o.line
          FROM @RETURNS@.ssda903_oc3 o) c
 WHERE c.child_id IS NOT NULL
 GROUP BY c.child_id
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Episodes of care: CHILD and DECOM, the latest year's row; UASC
-- while the child is in the uasc file and before its DUC; the placement's
-- provider (PLACE_PROVIDER), postcode (PL_POST) and URN as written.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cla_episode', 'ssda903', 20, $def$
SELECT e.child_id || '/' || to_char(e.decom, 'YYYY-MM-DD') AS episode_id, e.child_id,
       e.decom AS start_date, e.dec AS end_date, upper(btrim(e.rne)) AS reason_new,
       upper(btrim(e.ls)) AS legal_status, upper(btrim(e.place)) AS placement,
       upper(btrim(e.rec)) AS reason_ceased,
       upper(nullif(btrim(e.place_provider), '')) AS placement_provider,
       upper(nullif(btrim(e.pl_post), '')) AS placement_postcode,
       upper(nullif(btrim(e.urn), '')) AS placement_urn,
       EXISTS (SELECT 1 FROM (SELECT DISTINCT ON (upper(btrim(u.child))) u.duc
                                FROM @RETURNS@.ssda903_uasc u WHERE upper(btrim(u.child)) = e.child_id
                               ORDER BY upper(btrim(u.child)), u.collection_year DESC) u
                WHERE u.duc IS NULL OR u.duc > e.decom) AS uasc
  FROM (SELECT DISTINCT ON (upper(btrim(x.child)), x.decom) upper(btrim(x.child)) AS child_id, x.*
          FROM @RETURNS@.ssda903_episodes x WHERE x.child IS NOT NULL AND x.decom IS NOT NULL
         ORDER BY upper(btrim(x.child)), x.decom, x.collection_year DESC, x.line) e
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cla_review', 'ssda903', 30, $def$
SELECT DISTINCT ON (upper(btrim(v.child)), v.review)
       upper(btrim(v.child)) || '/' || to_char(v.review, 'YYYY-MM-DD') AS review_id,
       upper(btrim(v.child)) AS child_id, v.review AS review_date
  FROM @RETURNS@.ssda903_reviews v WHERE v.review IS NOT NULL AND v.child IS NOT NULL
 ORDER BY upper(btrim(v.child)), v.review, v.collection_year DESC
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Care leavers (OC3): the information refers to the young person's
-- birthday in the collection year.  Those who died or returned home
-- (DIED, RHOM) are left out, as the DfE's care-leaver tables leave
-- them out; NO, REFU (refused contact) and NREQ (no longer requires
-- services) are not in touch.  IN_TOUCH and ACCOM as coded are
-- in_touch_code and accommodation (Annex A List 9); ACCOM 0 (none
-- recorded, as for a young person not in touch) is no value.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('care_leaver', 'ssda903', 40, $def$
SELECT upper(btrim(o.child)) AS child_id, b.as_at,
       upper(btrim(o.in_touch)) = 'YES' AS in_touch,
       CASE WHEN upper(btrim(o.accom)) ~ '^[A-Z]1$' THEN true
            WHEN upper(btrim(o.accom)) ~ '^[A-Z]2$' THEN false END AS accommodation_suitable,
       upper(btrim(o.activ)) AS activity,
       upper(nullif(btrim(o.in_touch), '')) AS in_touch_code,
       nullif(upper(nullif(btrim(o.accom), '')), '0') AS accommodation
  FROM @RETURNS@.ssda903_oc3 o
  CROSS JOIN LATERAL (SELECT cspi.birthday_in_collection_year(o.dob, o.collection_year) AS as_at) b
 WHERE o.dob IS NOT NULL AND o.child IS NOT NULL
   AND upper(btrim(coalesce(o.in_touch, ''))) NOT IN ('DIED', 'RHOM')
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Referrals: one per CINdetails, the child and CINreferralDate, the
-- latest year's row; its ReferralSource as coded and ReferralNFA (true or
-- 1, false or 0) as a boolean.  The census has no completion date: the
-- column is left out.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('referral', 'cin', 50, $def$
SELECT DISTINCT ON (upper(btrim(d.la_child_id)), d.cin_referral_date)
       upper(btrim(d.la_child_id)) || '/' || to_char(d.cin_referral_date, 'YYYY-MM-DD') AS referral_id,
       upper(btrim(d.la_child_id)) AS child_id, d.cin_referral_date AS referral_date,
       upper(nullif(btrim(d.referral_source), '')) AS source,
       CASE lower(btrim(d.referral_nfa)) WHEN 'true' THEN true WHEN '1' THEN true
                                         WHEN 'false' THEN false WHEN '0' THEN false END AS nfa
  FROM @RETURNS@.cin_details d WHERE d.cin_referral_date IS NOT NULL
 ORDER BY upper(btrim(d.la_child_id)), d.cin_referral_date, d.collection_year DESC, d.detail_no
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Assessments: the child and the start; the latest year that has
-- them gives them all (a child may have two that start one day).
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('assessment', 'cin', 60, $def$
SELECT a.child_id || '/' || to_char(a.assessment_actual_start_date, 'YYYY-MM-DD')
       || CASE WHEN a.k > 1 THEN '/' || a.k ELSE '' END AS assessment_id,
       a.child_id, a.assessment_actual_start_date AS start_date,
       a.assessment_authorisation_date AS authorised_date
  FROM (SELECT x.*, upper(btrim(x.la_child_id)) AS child_id,
               max(x.collection_year) OVER w AS latest_year,
               row_number() OVER (PARTITION BY upper(btrim(x.la_child_id)), x.assessment_actual_start_date,
                                               x.collection_year
                                  ORDER BY x.assessment_authorisation_date NULLS LAST, x.detail_no,
                                           x.assessment_no) AS k
          FROM @RETURNS@.cin_assessment x WHERE x.assessment_actual_start_date IS NOT NULL
        WINDOW w AS (PARTITION BY upper(btrim(x.la_child_id)), x.assessment_actual_start_date)) a
 WHERE a.collection_year = a.latest_year
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Section 47 enquiries: the ICPC date of the enquiry, else of its
-- CINdetails (the census records it at one level); the census does
-- not say which conferences were transfers in.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('s47_enquiry', 'cin', 70, $def$
SELECT s.child_id || '/' || to_char(s.s47_actual_start_date, 'YYYY-MM-DD')
       || CASE WHEN s.k > 1 THEN '/' || s.k ELSE '' END AS s47_id,
       s.child_id, s.s47_actual_start_date AS strategy_date, s.icpc_date, false AS transfer_in
  FROM (SELECT x.*, upper(btrim(x.la_child_id)) AS child_id,
               coalesce(x.date_of_initial_cpc, d.date_of_initial_cpc) AS icpc_date,
               max(x.collection_year) OVER w AS latest_year,
               row_number() OVER (PARTITION BY upper(btrim(x.la_child_id)), x.s47_actual_start_date,
                                               x.collection_year
                                  ORDER BY coalesce(x.date_of_initial_cpc, d.date_of_initial_cpc) NULLS LAST,
                                           x.detail_no, x.s47_no) AS k
          FROM @RETURNS@.cin_section47 x
          LEFT JOIN @RETURNS@.cin_details d ON d.collection_year = x.collection_year
                                      AND d.la_child_id = x.la_child_id AND d.detail_no = x.detail_no
         WHERE x.s47_actual_start_date IS NOT NULL
        WINDOW w AS (PARTITION BY upper(btrim(x.la_child_id)), x.s47_actual_start_date)) s
 WHERE s.collection_year = s.latest_year
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cp_plan', 'cin', 80, $def$
SELECT DISTINCT ON (upper(btrim(p.la_child_id)), p.cpp_start_date)
       upper(btrim(p.la_child_id)) || '/' || to_char(p.cpp_start_date, 'YYYY-MM-DD') AS plan_id,
       upper(btrim(p.la_child_id)) AS child_id, p.cpp_start_date AS start_date, p.cpp_end_date AS end_date,
       upper(nullif(btrim(p.initial_category_of_abuse), '')) AS initial_category,
       upper(nullif(btrim(p.latest_category_of_abuse), '')) AS latest_category
  FROM @RETURNS@.cin_cp_plan p WHERE p.cpp_start_date IS NOT NULL
 ORDER BY upper(btrim(p.la_child_id)), p.cpp_start_date, p.collection_year DESC
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cp_review', 'cin', 90, $def$
SELECT DISTINCT ON (p.plan_id, v.cpp_review_date)
       p.plan_id || '/' || to_char(v.cpp_review_date, 'YYYY-MM-DD') AS review_id, p.plan_id,
       v.cpp_review_date AS review_date
  FROM @RETURNS@.cin_cp_review v
  JOIN @RETURNS@.cin_cp_plan c ON c.collection_year = v.collection_year AND c.la_child_id = v.la_child_id
                         AND c.detail_no = v.detail_no AND c.plan_no = v.plan_no
  CROSS JOIN LATERAL (SELECT upper(btrim(c.la_child_id)) || '/' || to_char(c.cpp_start_date, 'YYYY-MM-DD') AS plan_id) p
 WHERE v.cpp_review_date IS NOT NULL AND c.cpp_start_date IS NOT NULL
 ORDER BY p.plan_id, v.cpp_review_date, v.collection_year DESC
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Child in need plans: CINPlanDates, one per child and CINPlanStartDate
-- (plan_id child/start, as a child protection plan's), the latest year's
-- row; a plan without CINPlanEndDate is open.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cin_plan', 'cin', 95, $def$
SELECT DISTINCT ON (upper(btrim(p.la_child_id)), p.cin_plan_start_date)
       upper(btrim(p.la_child_id)) || '/' || to_char(p.cin_plan_start_date, 'YYYY-MM-DD') AS plan_id,
       upper(btrim(p.la_child_id)) AS child_id, p.cin_plan_start_date AS start_date, p.cin_plan_end_date AS end_date
  FROM @RETURNS@.cin_plan p WHERE p.cin_plan_start_date IS NOT NULL
 ORDER BY upper(btrim(p.la_child_id)), p.cin_plan_start_date, p.collection_year DESC, p.detail_no, p.plan_no
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

CREATE OR REPLACE FUNCTION cspi.source_from_returns(source_schema name, returns_schema name) RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    r name := returns_schema;
    has_903 boolean;
    has_cin boolean;
    v cspi.returns_relation;
    made text[] := '{}';
BEGIN
    IF to_regclass(format('%I.ssda903_episodes', r)) IS NULL OR to_regclass(format('%I.cin_details', r)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no staging tables of the statutory returns', r
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create them with cspi.create_return_tables() and import the files first.';
    END IF;
    IF source_schema = returns_schema THEN
        RAISE EXCEPTION 'the source schema must not be the returns schema "%"', r
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', source_schema);
    -- Views only over the returns loaded, so that deploy() marks what the
    -- other return would give unavailable rather than empty.
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.ssda903_episodes)', r) INTO has_903;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.cin_child)', r) INTO has_cin;
    IF NOT has_903 AND NOT has_cin THEN
        RAISE EXCEPTION 'schema "%" holds no SSDA903 episodes and no CIN census', r
            USING ERRCODE = 'no_data_found',
                  HINT = 'Import the returns first (cspi.import_903, cspi.import_cin_census or cspi-import-returns).';
    END IF;
    FOR v IN SELECT * FROM cspi.returns_relation ORDER BY build_order LOOP
        CONTINUE WHEN v.return = 'ssda903' AND NOT has_903 OR v.return = 'cin' AND NOT has_cin;
        EXECUTE format('CREATE OR REPLACE VIEW %I.%I AS ', source_schema, v.relation)
                || cspi_internal.fill_template(v.definition, ARRAY['RETURNS'], ARRAY[quote_ident(r)]);
        made := made || v.relation;
    END LOOP;
    RETURN made;
END
$fn$;
COMMENT ON FUNCTION cspi.source_from_returns(name, name) IS
'Creates in source_schema the data contract''s relations as views over the statutory returns loaded in returns_schema, every collection year stacked (the latest year''s row of an episode, referral, assessment, enquiry, plan or review wins): child (date of birth, sex, ethnicity, disability and UPN, each the latest return''s that gives it, the SSDA903 header before the CIN census in one year) from either return; cla_episode, cla_review and care_leaver from the SSDA903 files; referral (with its source and NFA, without completed_date), assessment, s47_enquiry, cp_plan, cp_review and cin_plan from the CIN census; and those an indicator family adds (cspi.returns_relation). The relations the returns cannot give (population, population_age_band, contact, visit, allocation, health_assessment, missing_episode, family_support), and those of a return not loaded, are left out, so cspi.deploy(source_schema, ...) marks their indicators and breakdowns unavailable (run it again after loading the other return). Returns the relations created.';

--------------------------------------------------------------------------
-- A council's source written out as its statutory returns
--------------------------------------------------------------------------
-- A draft of the returns from cspi's source relations, as the DfE formats
-- have them (not validated against the DfE's rules): useful to a council,
-- and to prove that the import reads what the returns hold
-- (test/returns/roundtrip.sh).  A collection year runs from 1 April of the
-- year before to 31 March; what is still open on 31 March is written open.

CREATE OR REPLACE FUNCTION cspi.return_date_text(d date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(d, 'DD/MM/YYYY');
COMMENT ON FUNCTION cspi.return_date_text(date) IS 'A date as the SSDA903 CSV files write it: dd/mm/yyyy.';

CREATE OR REPLACE FUNCTION cspi_internal.csv_line(fields text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT string_agg(CASE WHEN f IS NULL THEN ''
                           WHEN f ~ '[",\r\n]' THEN '"' || replace(f, '"', '""') || '"'
                           ELSE f END, ',' ORDER BY n)
      FROM unnest(fields) WITH ORDINALITY AS u(f, n);
    END;
COMMENT ON FUNCTION cspi_internal.csv_line(text[]) IS 'One CSV line of fields (quoted where they hold a comma, a double quote, a line feed or a carriage return, quotes doubled; NULL empty), as cspi.csv_lines reads it back.';

-- A line of an SSDA903 file written out: no field may begin with =, +, -
-- or @, which a spreadsheet opening the file would run as a formula (no
-- DfE code or date does); columns are the file's, for the message.
CREATE OR REPLACE FUNCTION cspi_internal.return_csv_line(file text, columns text[], fields text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    FOR i IN 1 .. coalesce(cardinality(fields), 0) LOOP
        IF left(fields[i], 1) IN ('=', '+', '-', '@') THEN
            RAISE EXCEPTION 'SSDA903 % file, child %, column %: "%" begins with "%", which a spreadsheet runs as a formula',
                  file, coalesce(fields[array_position(columns, 'CHILD')], '(none)'), columns[i], fields[i], left(fields[i], 1)
                USING ERRCODE = 'data_exception',
                      HINT = 'No DfE code or date begins with =, +, - or @: correct the value in the source.';
        END IF;
    END LOOP;
    RETURN cspi_internal.csv_line(fields);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.return_csv_line(text, text[], text[]) IS
'One line of an SSDA903 file of the given kind and columns, as cspi_internal.csv_line writes it; a field beginning with =, +, - or @ (a spreadsheet formula; no DfE code is one) is an error naming the file, the child and the column.';

CREATE OR REPLACE FUNCTION cspi.export_903(source_schema name, collection_year integer, file text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    spec cspi.return_file;
    year_start date := make_date(collection_year - 1, 4, 1);
    year_end date := make_date(collection_year, 3, 31);
    body text;
    q text;
    -- The episode's optional placement columns, where the source has them.
    provider_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'cla_episode', 'placement_provider')
                               THEN 'btrim(e.placement_provider::text)' ELSE 'NULL::text' END;
    postcode_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'cla_episode', 'placement_postcode')
                               THEN 'btrim(e.placement_postcode::text)' ELSE 'NULL::text' END;
    urn_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'cla_episode', 'placement_urn')
                          THEN 'btrim(e.placement_urn::text)' ELSE 'NULL::text' END;
BEGIN
    SELECT * INTO spec FROM cspi.return_file f WHERE f.kind = lower(regexp_replace(file, '\.csv$', '', 'i'));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown SSDA903 file kind "%"', file
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The kinds are ' || (SELECT string_agg(f.kind, ', ' ORDER BY f.kind) FROM cspi.return_file f) || '.';
    END IF;
    -- The episodes open during the year, and their children.
    q := format($q$
        WITH episode AS (
            SELECT e.*, c.date_of_birth
              FROM %1$I.cla_episode e LEFT JOIN %1$I.child c ON c.child_id::text = e.child_id::text
             WHERE e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $1)
        )$q$, source_schema);
    body := CASE spec.kind
        WHEN 'header' THEN q || $q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[c.child_id::text, NULL, cspi.return_date_text(c.dob), NULL, NULL, NULL, NULL]),
                              E'\n' ORDER BY c.child_id::text)
              FROM (SELECT DISTINCT child_id, date_of_birth AS dob FROM episode) c$q$
        WHEN 'episodes' THEN q || format($q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[e.child_id::text, cspi.return_date_text(e.start_date), e.reason_new,
                                                  e.legal_status, NULL, e.placement, %1$s,
                                                  CASE WHEN e.end_date <= $2 THEN cspi.return_date_text(e.end_date) END,
                                                  CASE WHEN e.end_date <= $2 THEN e.reason_ceased END, NULL, NULL, %2$s, %3$s]),
                              E'\n' ORDER BY e.child_id::text, e.start_date)
              FROM episode e$q$, provider_expr, postcode_expr, urn_expr)
        WHEN 'reviews' THEN format($q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[r.child_id::text, cspi.return_date_text(c.date_of_birth),
                                                  cspi.return_date_text(r.review_date), NULL]),
                              E'\n' ORDER BY r.child_id::text, r.review_date)
              FROM %1$I.cla_review r LEFT JOIN %1$I.child c ON c.child_id::text = r.child_id::text
             WHERE r.review_date BETWEEN $1 AND $2$q$, source_schema)
        -- UASC: the children with a UASC episode in the year; the status
        -- ceases with the first episode after that is not UASC.
        WHEN 'uasc' THEN q || format($q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[u.child_id::text, NULL, cspi.return_date_text(u.dob),
                                                  cspi.return_date_text(u.duc)]), E'\n' ORDER BY u.child_id::text)
              FROM (SELECT e.child_id, min(e.date_of_birth) AS dob,
                           (SELECT min(n.start_date) FROM %1$I.cla_episode n
                             WHERE n.child_id::text = e.child_id::text AND NOT coalesce(n.uasc, false)
                               AND n.start_date > min(e.start_date) AND n.start_date <= $2) AS duc
                      FROM episode e WHERE coalesce(e.uasc, false) GROUP BY e.child_id) u$q$, source_schema)
        -- OC3: each care leaver's latest record in the year.
        WHEN 'oc3' THEN format($q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[l.child_id::text, cspi.return_date_text(l.date_of_birth),
                                                  CASE WHEN l.in_touch THEN 'YES' ELSE 'NO' END,
                                                  coalesce(l.activity, '0'),
                                                  CASE l.accommodation_suitable WHEN true THEN 'Z1' WHEN false THEN 'Z2' ELSE '0' END]),
                              E'\n' ORDER BY l.child_id::text)
              FROM (SELECT DISTINCT ON (cl.child_id::text) cl.*, c.date_of_birth
                      FROM %1$I.care_leaver cl JOIN %1$I.child c ON c.child_id::text = cl.child_id::text
                     WHERE cl.as_at BETWEEN $1 AND $2
                     ORDER BY cl.child_id::text, cl.as_at DESC) l$q$, source_schema)
        WHEN 'missing' THEN CASE WHEN to_regclass(format('%I.missing_episode', source_schema)) IS NULL THEN NULL ELSE format($q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[m.child_id::text, cspi.return_date_text(c.date_of_birth), 'M',
                                                  cspi.return_date_text(m.start_at::date),
                                                  cspi.return_date_text(m.returned_at::date)]),
                              E'\n' ORDER BY m.child_id::text, m.start_at)
              FROM %1$I.missing_episode m LEFT JOIN %1$I.child c ON c.child_id::text = m.child_id::text
             WHERE m.start_at::date BETWEEN $1 AND $2$q$, source_schema) END
        ELSE NULL END;
    IF body IS NOT NULL THEN
        EXECUTE body INTO body USING year_start, year_end, spec.kind, spec.columns;
    END IF;
    RETURN array_to_string(spec.columns, ',') || E'\n' || coalesce(body || E'\n', '');
END
$fn$;
COMMENT ON FUNCTION cspi.export_903(name, integer, text) IS
'A draft of one SSDA903 CSV file (header, episodes, reviews, uasc, oc3, missing; the other kinds with their header row only) for a collection year, from a source schema of the data contract: the episodes open during the year (those still open on 31 March without DEC and REC; PLACE_PROVIDER, PL_POST and URN where the source has the placement columns), their children, the reviews held, UASC status, each care leaver''s latest record and the missing episodes in the year. Not validated against the DfE''s rules; the columns cspi does not hold are empty. A field holding a comma, quote or line end is quoted; a field beginning with =, +, - or @ (a spreadsheet formula) is an error naming the child and the column.';

-- Whether a source relation has a column (an optional one of the
-- contract), for the exports that write it only where it is given.
CREATE OR REPLACE FUNCTION cspi_internal.source_has_column(source_schema name, relation name, column_name name)
    RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    RETURN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = to_regclass(format('%I.%I', source_schema, relation))
                      AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped);
COMMENT ON FUNCTION cspi_internal.source_has_column(name, name, name) IS
'Whether source_schema.relation exists and has the column (not dropped).';

CREATE OR REPLACE FUNCTION cspi.export_cin_census(source_schema name, collection_year integer) RETURNS xml
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    year_start date := make_date(collection_year - 1, 4, 1);
    year_end date := make_date(collection_year, 3, 31);
    doc xml;
    -- The referral's optional columns, where the source has them.
    source_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'referral', 'source')
                             THEN 'btrim(r.source::text)' ELSE 'NULL::text' END;
    -- The plan's categories of abuse, where the source has them.
    initial_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'cp_plan', 'initial_category')
                              THEN 'nullif(btrim(p.initial_category::text), '''')' ELSE 'NULL::text' END;
    latest_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'cp_plan', 'latest_category')
                             THEN 'nullif(btrim(p.latest_category::text), '''')' ELSE 'NULL::text' END;
    nfa_expr text := CASE WHEN cspi_internal.source_has_column(source_schema, 'referral', 'nfa')
                          THEN 'r.nfa::boolean' ELSE 'NULL::boolean' END;
BEGIN
    -- Each assessment, enquiry and plan of the year belongs to the child's
    -- latest referral on or before it (else the child's first referral).
    -- One with no referral at all goes in a CINdetails without a
    -- CINreferralDate: the DfE would refuse it, and the draft shows where
    -- the source lacks the referral (importing it adds no referral).
    EXECUTE format($q$
        WITH referral AS (
            -- One CINdetails per child and referral date (the census has no
            -- referral id): the first referral of the day gives its source
            -- and whether it ended in no further action.
            SELECT DISTINCT ON (r.child_id::text, r.referral_date)
                   r.child_id::text AS child_id, r.referral_date, %2$s AS source, %3$s AS nfa
              FROM %1$I.referral r WHERE r.referral_date IS NOT NULL
             ORDER BY r.child_id::text, r.referral_date, r.referral_id::text
        ), item AS (
            SELECT 'assessment' AS kind, a.child_id::text AS child_id, a.start_date AS item_date,
                   xmlelement(name "Assessments",
                       xmlelement(name "AssessmentActualStartDate", a.start_date),
                       CASE WHEN a.authorised_date <= $2
                            THEN xmlelement(name "AssessmentAuthorisationDate", a.authorised_date) END) AS node
              FROM %1$I.assessment a
             WHERE a.start_date <= $2 AND (a.authorised_date IS NULL OR a.authorised_date >= $1)
            UNION ALL
            SELECT 's47', s.child_id::text, s.strategy_date,
                   xmlelement(name "Section47",
                       xmlelement(name "S47ActualStartDate", s.strategy_date),
                       CASE WHEN s.icpc_date <= $2 THEN xmlelement(name "DateOfInitialCPC", s.icpc_date) END)
              FROM %1$I.s47_enquiry s
             WHERE s.strategy_date <= $2 AND (s.icpc_date IS NULL OR s.icpc_date >= $1)
            UNION ALL
            SELECT 'plan', p.child_id::text, p.start_date,
                   xmlelement(name "ChildProtectionPlans",
                       xmlelement(name "CPPstartDate", p.start_date),
                       CASE WHEN p.end_date <= $2 THEN xmlelement(name "CPPendDate", p.end_date) END,
                       (SELECT xmlelement(name "InitialCategoryOfAbuse", x) FROM (SELECT %4$s AS x) v WHERE x IS NOT NULL),
                       (SELECT xmlelement(name "LatestCategoryOfAbuse", x) FROM (SELECT %5$s AS x) v WHERE x IS NOT NULL),
                       (SELECT xmlelement(name "Reviews", xmlagg(xmlelement(name "CPPreviewDate", v.review_date) ORDER BY v.review_date))
                          FROM %1$I.cp_review v
                         WHERE v.plan_id::text = p.plan_id::text AND v.review_date BETWEEN $1 AND $2
                         HAVING count(*) > 0))
              FROM %1$I.cp_plan p
             WHERE p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date >= $1)
        ), placed AS (
            SELECT i.*, coalesce((SELECT max(r.referral_date) FROM referral r
                                   WHERE r.child_id = i.child_id AND r.referral_date <= i.item_date),
                                 (SELECT min(r.referral_date) FROM referral r WHERE r.child_id = i.child_id))
                        AS referral_date
              FROM item i
        ), details AS (
            SELECT d.child_id, d.referral_date,
                   xmlelement(name "CINdetails",
                       CASE WHEN d.referral_date IS NOT NULL
                            THEN xmlelement(name "CINreferralDate", d.referral_date) END,
                       CASE WHEN nullif(r.source, '') IS NOT NULL
                            THEN xmlelement(name "ReferralSource", r.source) END,
                       -- in the schema's order: assessments, enquiries,
                       -- ReferralNFA, plans
                       (SELECT xmlagg(p.node ORDER BY array_position(ARRAY['assessment', 's47'], p.kind), p.item_date)
                          FROM placed p
                         WHERE p.child_id = d.child_id AND p.referral_date IS NOT DISTINCT FROM d.referral_date
                           AND p.kind IN ('assessment', 's47')),
                       CASE WHEN r.nfa IS NOT NULL
                            THEN xmlelement(name "ReferralNFA", CASE WHEN r.nfa THEN 'true' ELSE 'false' END) END,
                       (SELECT xmlagg(p.node ORDER BY p.item_date)
                          FROM placed p
                         WHERE p.child_id = d.child_id AND p.referral_date IS NOT DISTINCT FROM d.referral_date
                           AND p.kind = 'plan')) AS node
              FROM (SELECT child_id, referral_date FROM referral WHERE referral_date BETWEEN $1 AND $2
                    UNION
                    SELECT child_id, referral_date FROM placed) d
              LEFT JOIN referral r ON r.child_id = d.child_id AND r.referral_date = d.referral_date
        )
        SELECT xmlelement(name "Message",
                   xmlelement(name "Header",
                       xmlelement(name "CollectionDetails",
                           xmlelement(name "Collection", 'CIN'),
                           xmlelement(name "Year", $3),
                           xmlelement(name "ReferenceDate", $2))),
                   xmlelement(name "Children",
                       (SELECT xmlagg(xmlelement(name "Child",
                                   xmlelement(name "ChildIdentifiers",
                                       xmlelement(name "LAchildID", c.child_id),
                                       xmlelement(name "PersonBirthDate", ch.date_of_birth)),
                                   (SELECT xmlagg(d.node ORDER BY d.referral_date) FROM details d WHERE d.child_id = c.child_id))
                               ORDER BY c.child_id)
                          FROM (SELECT DISTINCT child_id FROM details) c
                          LEFT JOIN %1$I.child ch ON ch.child_id::text = c.child_id)))
        $q$, source_schema, source_expr, nfa_expr, initial_expr, latest_expr) INTO doc USING year_start, year_end, collection_year;
    RETURN doc;
END
$fn$;
COMMENT ON FUNCTION cspi.export_cin_census(name, integer) IS
'A draft Children in Need census (the DfE''s XML layout) for a collection year from a source schema of the data contract: each child with a referral, assessment, section 47 enquiry or child protection plan in the year, one CINdetails per referral (with its ReferralSource and ReferralNFA where the source has them) holding the assessments, enquiries and plans that followed it (with the plans'' categories of abuse where the source has them, and their reviews in the year; those of a child with no referral at all in a CINdetails without CINreferralDate); what is still open on 31 March is written without its end. Not validated against the DfE''s rules.';
