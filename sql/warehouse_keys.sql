-- A warehouse's own types.  Councils point cspi at views over their
-- warehouse, whose ids are varchar(48) (as in the Standard Safeguarding
-- Dataset), char(n), domains over text or integer, or citext, and whose
-- dates are timestamps, timestamptz or domains.  Views of those types over
-- a generated council give every figure of the same council read from
-- plain tables.  Then the rows whose id is missing or repeated, in several
-- relations, as data_quality lists them (worked by hand).
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never
-- New York: a timestamptz read at its date in the session's time zone
-- rather than in Europe/London would fall on the day before.
SET TimeZone = 'America/New_York';

-- What each kind accepts, through domains.
CREATE SCHEMA wk_types;
CREATE DOMAIN wk_types.text_key AS text;
CREATE DOMAIN wk_types.int_key AS integer;
CREATE DOMAIN wk_types.varchar_key AS varchar(48);
CREATE DOMAIN wk_types.key_of_key AS wk_types.varchar_key;
CREATE DOMAIN wk_types.day AS date;
CREATE DOMAIN wk_types.instant AS timestamptz;
CREATE DOMAIN wk_types.wall_clock AS timestamp;
CREATE DOMAIN wk_types.json_key AS json;
-- citext where the extension is available (Debian's postgresql-contrib);
-- elsewhere a domain over varchar stands in, so that the output is the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'citext') THEN
        CREATE EXTENSION IF NOT EXISTS citext SCHEMA public;
        CREATE DOMAIN wk_types.ci_key AS public.citext;
    ELSE
        CREATE DOMAIN wk_types.ci_key AS varchar(48);
    END IF;
END
$$;
SELECT format_type(cspi_internal.contract_base_type('wk_types.ci_key'), NULL) IN ('citext', 'character varying') AS ci_key_is_citext_or_varchar;

SELECT t AS type, format_type(cspi_internal.contract_base_type(t), NULL) AS base,
       cspi_internal.contract_accepts('id', t) AS id, cspi_internal.contract_accepts('date', t) AS date,
       cspi_internal.contract_accepts('timestamp', t) AS timestamp, cspi_internal.contract_accepts('code', t) AS code
  FROM unnest(ARRAY['text', 'varchar', 'char', '"char"', 'name',
                    'integer', 'bigint', 'numeric', 'uuid', 'date', 'timestamp', 'timestamptz',
                    'wk_types.text_key', 'wk_types.int_key', 'wk_types.varchar_key', 'wk_types.key_of_key',
                    'wk_types.day', 'wk_types.instant', 'wk_types.wall_clock',
                    'json', 'jsonb', 'xml', 'point', 'box', 'wk_types.json_key']::regtype[]) AS t;

-- How each is read: a char(n) id without its trailing blanks; a date or
-- timestamp by its base type, a timestamptz at its date in Europe/London.
SELECT k.kind, t AS type, cspi_internal.contract_expression(k.kind, t, 'x') AS read_as
  FROM (VALUES ('id', 'varchar(48)'::regtype), ('id', 'char(12)'), ('id', 'wk_types.int_key'),
               ('date', 'wk_types.day'), ('date', 'wk_types.instant'), ('date', 'timestamptz'),
               ('date', 'wk_types.wall_clock'), ('timestamp', 'wk_types.instant'),
               ('timestamp', 'wk_types.wall_clock')) AS k(kind, t);

-- A source of plain tables, generated, and views of a warehouse's types
-- over the same rows: every relation has ids of two or more types.
SELECT cspi.create_source_tables('wk_plain');
SELECT count(*) AS relations, bool_and(row_count > 0) AS all_filled
  FROM cspi.generate_source('wk_plain', 0.3, 5, 2021, 2024);
CREATE SCHEMA wk_typed;
CREATE FUNCTION wk_typed.london(d date) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE RETURN d::timestamp AT TIME ZONE 'Europe/London';
CREATE VIEW wk_typed.child AS
    SELECT child_id::varchar(48) AS child_id, family_id::char(12) AS family_id,
           date_of_birth::wk_types.day AS date_of_birth
      FROM wk_plain.child;
CREATE VIEW wk_typed.population AS
    SELECT year::wk_types.int_key AS year, children::bigint AS children FROM wk_plain.population;
CREATE VIEW wk_typed.referral AS
    SELECT referral_id::varchar(48) AS referral_id, child_id::char(12) AS child_id,
           wk_typed.london(referral_date) AS referral_date, completed_date::timestamp AS completed_date, nfa
      FROM wk_plain.referral;
CREATE VIEW wk_typed.assessment AS
    SELECT assessment_id::char(12) AS assessment_id, child_id::varchar(48) AS child_id,
           wk_typed.london(start_date)::wk_types.instant AS start_date,
           authorised_date::wk_types.day AS authorised_date
      FROM wk_plain.assessment;
CREATE VIEW wk_typed.s47_enquiry AS
    SELECT s47_id::wk_types.text_key AS s47_id, child_id::wk_types.text_key AS child_id,
           strategy_date::wk_types.wall_clock AS strategy_date, icpc_date, transfer_in
      FROM wk_plain.s47_enquiry;
-- 'CP10000123' as 10000123: every plan id has the same number of digits,
-- so the ids sort as before.
CREATE VIEW wk_typed.cp_plan AS
    SELECT substr(plan_id, 3)::wk_types.int_key AS plan_id, child_id::wk_types.int_key AS child_id,
           start_date::wk_types.day AS start_date, wk_typed.london(end_date) AS end_date
      FROM wk_plain.cp_plan;
CREATE VIEW wk_typed.cp_review AS
    SELECT review_id::wk_types.key_of_key AS review_id, substr(plan_id, 3)::integer AS plan_id,
           review_date::timestamp AS review_date
      FROM wk_plain.cp_review;
CREATE VIEW wk_typed.cla_episode AS
    SELECT episode_id::wk_types.ci_key AS episode_id, child_id::varchar(48) AS child_id,
           wk_typed.london(start_date)::wk_types.instant AS start_date, end_date::wk_types.day AS end_date,
           reason_new::char(1) AS reason_new, legal_status::varchar(4) AS legal_status,
           placement::char(4) AS placement, reason_ceased::varchar(8) AS reason_ceased,
           distance_miles, uasc
      FROM wk_plain.cla_episode;
CREATE VIEW wk_typed.cla_review AS
    SELECT review_id::wk_types.ci_key AS review_id, child_id::char(12) AS child_id,
           review_date::timestamp AS review_date
      FROM wk_plain.cla_review;
CREATE VIEW wk_typed.visit AS
    SELECT visit_id::varchar(48) AS visit_id, child_id::wk_types.text_key AS child_id,
           visit_type::varchar(3) AS visit_type, wk_typed.london(visit_date) AS visit_date,
           due_date::wk_types.day AS due_date
      FROM wk_plain.visit;
CREATE VIEW wk_typed.allocation AS
    SELECT child_id::char(12) AS child_id, wk_typed.london(start_date) AS start_date,
           end_date::timestamp AS end_date, qualified_social_worker, worker_id::varchar(48) AS worker_id
      FROM wk_plain.allocation;
CREATE VIEW wk_typed.health_assessment AS
    SELECT child_id::wk_types.int_key AS child_id, kind::varchar(10) AS kind,
           due_date::wk_types.day AS due_date, wk_typed.london(completed_date) AS completed_date
      FROM wk_plain.health_assessment;
CREATE VIEW wk_typed.missing_episode AS
    SELECT episode_id::char(12) AS episode_id, child_id::varchar(48) AS child_id,
           start_at::wk_types.wall_clock AS start_at, returned_at::wk_types.wall_clock AS returned_at,
           rhi_offered_at, rhi_engaged, other_authority
      FROM wk_plain.missing_episode;
CREATE VIEW wk_typed.care_leaver AS
    SELECT child_id::varchar(48) AS child_id, wk_typed.london(as_at)::wk_types.instant AS as_at,
           in_touch, accommodation_suitable, activity::varchar(20) AS activity
      FROM wk_plain.care_leaver;
CREATE VIEW wk_typed.family_support AS
    SELECT case_id::char(10) AS case_id, family_id::varchar(48) AS family_id,
           child_id::wk_types.text_key AS child_id, provider::char(10) AS provider,
           start_date::wk_types.day AS start_date, wk_typed.london(end_date) AS end_date
      FROM wk_plain.family_support;

-- Every type of the typed source, by kind of contract column (of the
-- relations it has: it has no cin_episode).
SELECT c.kind, string_agg(DISTINCT format_type(a.atttypid, a.atttypmod), ', ') AS types
  FROM cspi.contract_column c
  JOIN pg_attribute a ON a.attrelid = to_regclass(format('wk_typed.%I', c.relation)) AND a.attname = c.column_name
 WHERE c.kind IN ('id', 'date', 'timestamp')
 GROUP BY c.kind ORDER BY c.kind;

SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('wk_plain', 'wk_plain_report');
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('wk_typed', 'wk_typed_report');

-- Every figure the same.
SELECT count(*) AS figures, count(*) > 1000 AS over_1000,
       count(*) FILTER (WHERE x.numerator > 0) AS nonzero
  FROM wk_plain_report.indicator_value x
  FULL JOIN wk_typed_report.indicator_value y USING (indicator, period_type, period);
SELECT count(*) AS differing
  FROM wk_plain_report.indicator_value x
  FULL JOIN wk_typed_report.indicator_value y USING (indicator, period_type, period)
 WHERE (x.numerator, x.denominator) IS DISTINCT FROM (y.numerator, y.denominator);
-- The same rows in the drill-down views, with the same ids (a char(n) id
-- without its blanks), and nothing for data_quality: every child id of a
-- char(12), varchar(48), text or integer column found its child.
SELECT count(*) AS referrals,
       count(*) FILTER (WHERE (t.child_id, t.family_id, t.referral_date, t.completed_date, t.working_days)
                              IS DISTINCT FROM (p.child_id, p.family_id, p.referral_date, p.completed_date, p.working_days))
           AS differing
  FROM wk_plain_report.referral_timeliness p
  FULL JOIN wk_typed_report.referral_timeliness t USING (referral_id);
SELECT count(*) AS episodes,
       count(*) FILTER (WHERE (t.child_id, t.start_date, t.end_date, t.placement, t.period_of_care, t.placement_number)
                              IS DISTINCT FROM (p.child_id, p.start_date, p.end_date, p.placement, p.period_of_care, p.placement_number))
           AS differing
  FROM wk_plain_report.cla_episode_detail p
  FULL JOIN wk_typed_report.cla_episode_detail t USING (episode_id);
SELECT (SELECT count(*) FROM wk_plain_report.data_quality) AS plain_problems,
       (SELECT count(*) FROM wk_typed_report.data_quality) AS typed_problems;

-- A type that cannot be a key is still refused, each with its column.
CREATE SCHEMA wk_bad;
CREATE VIEW wk_bad.referral AS
    SELECT NULL::json AS referral_id, NULL::point AS child_id, NULL::date AS referral_date, NULL::date AS completed_date;
CREATE VIEW wk_bad.visit AS
    SELECT NULL::xml AS visit_id, NULL::box AS child_id, 'cp'::text AS visit_type,
           NULL::date AS visit_date, NULL::date AS due_date;
CREATE VIEW wk_bad.cla_review AS
    SELECT NULL::wk_types.json_key AS review_id, NULL::text AS child_id, NULL::wk_types.int_key AS review_date;
SELECT * FROM cspi.deploy('wk_bad', 'wk_bad_report');

SET client_min_messages = warning;
DROP SCHEMA wk_plain_report, wk_typed_report, wk_plain, wk_typed, wk_bad CASCADE;
RESET client_min_messages;

-- Rows whose id is missing or repeated, in several relations: every one
-- is listed, with each problem it has.  A row with no id is named by the
-- columns that place it (its child and date), a row of a repeated id by
-- its id and those columns; a key of two columns names a missing part '?'.
-- The figures count them as before.  Worked by hand (2024/25):
--
--   child       C1, C2, C3; (no id) born 2019-05-05 family F9; C3 again
--               born 2020-01-01 (a repeated child_id).
--   referral    R1 C1 received Mon 8 Apr 2024 completed Tue 9 Apr (1 wd);
--               (no id) C2 received Mon 3 Jun 2024, completed Fri 7 Jun
--               (4 wd) and (no id) C2 received Mon 10 Jun 2024, open: two
--               rows with no id, each counted, not a duplicate;
--               (no id) child NULL, received Mon 1 Jul 2024 completed the
--               same day (0 wd): unknown child too.
--               REF_1WD 2024/25: completed R1, (no id) 7 Jun, (no id) 1 Jul:
--               within 1 wd R1 and 1 Jul -> 2/3; REREFERRAL_12M: received
--               4, re-referrals the 10 Jun one (C2 3 Jun) -> 1/4.
--   visit       V1 C1 cp 2024-05-01; V1 C1 cp 2024-05-20 (repeated);
--               (no id) C1 cic 2024-06-01.  No plan or placement: each
--               listed as having nothing to be timely against, under its
--               row id.
--   cla_review  (no id) C3 on 2024-07-01 with no period of care.
--   population  2023: 20,000; (no year) 5 children; 2023 again, 30,000.
--   care_leaver (C1, 2024-05-01) twice; (no child) at 2024-05-01;
--               C2 at (no date).
--   family_support (FS1, C1) twice; (no case) C2; (FS2, no child).
CREATE SCHEMA wk_dq;
CREATE TABLE wk_dq.child (child_id text, family_id text, date_of_birth date);
CREATE TABLE wk_dq.referral (referral_id text, child_id text, referral_date date, completed_date date);
CREATE TABLE wk_dq.visit (visit_id text, child_id text, visit_type text, visit_date date, due_date date);
CREATE TABLE wk_dq.cla_review (review_id text, child_id text, review_date date);
CREATE TABLE wk_dq.population (year integer, children integer);
CREATE TABLE wk_dq.care_leaver (child_id text, as_at date, in_touch boolean, accommodation_suitable boolean, activity text);
CREATE TABLE wk_dq.family_support (case_id text, family_id text, child_id text, provider text, start_date date, end_date date);
INSERT INTO wk_dq.child VALUES
    ('C1', 'F1', '2010-01-01'), ('C2', 'F2', '2012-02-02'), ('C3', 'F3', '2014-03-03'),
    (NULL, 'F9', '2019-05-05'), ('C3', 'F3', '2020-01-01');
INSERT INTO wk_dq.referral VALUES
    ('R1', 'C1', '2024-04-08', '2024-04-09'),
    (NULL, 'C2', '2024-06-03', '2024-06-07'),
    (NULL, 'C2', '2024-06-10', NULL),
    (NULL, NULL, '2024-07-01', '2024-07-01');
INSERT INTO wk_dq.visit VALUES
    ('V1', 'C1', 'cp', '2024-05-01', NULL),
    ('V1', 'C1', 'cp', '2024-05-20', NULL),
    (NULL, 'C1', 'cic', '2024-06-01', NULL);
INSERT INTO wk_dq.cla_review VALUES (NULL, 'C3', '2024-07-01');
INSERT INTO wk_dq.population VALUES (2023, 20000), (NULL, 5), (2023, 30000);
INSERT INTO wk_dq.care_leaver VALUES
    ('C1', '2024-05-01', true, true, 'F1'), ('C1', '2024-05-01', true, false, 'G4'),
    (NULL, '2024-05-01', false, NULL, NULL), ('C2', NULL, true, true, 'P1');
INSERT INTO wk_dq.family_support VALUES
    ('FS1', 'F1', 'C1', 'internal', '2024-04-01', NULL),
    ('FS1', 'F1', 'C1', 'internal', '2024-09-01', NULL),
    (NULL, 'F2', 'C2', 'external', '2024-05-01', '2024-08-31'),
    ('FS2', 'F3', NULL, 'internal', '2024-06-01', NULL);
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('wk_dq', 'wk_dq_report');
SELECT relation, row_id, problem
  FROM wk_dq_report.data_quality
 ORDER BY relation, row_id, problem;
SELECT indicator, numerator, denominator
  FROM wk_dq_report.indicator_value
 WHERE period = '2024/25' AND indicator IN ('REF_1WD', 'REREFERRAL_12M')
 ORDER BY indicator;
SET client_min_messages = warning;
DROP SCHEMA wk_dq_report, wk_dq, wk_types CASCADE;
DROP EXTENSION IF EXISTS citext;
RESET client_min_messages;
RESET TimeZone;
