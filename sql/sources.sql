-- Sources that are not plain tables: views (in indicators_fixture), foreign
-- tables through postgres_fdw, and row-level security applying to whoever
-- queries the drill-down views.  Uses the fixture of indicators_fixture.
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never

-- The data-quality view lists the fixture's deliberate data errors, each
-- counted as not in timescale.
SELECT relation, row_id, problem FROM fixture_report.data_quality ORDER BY relation, row_id, problem;

-- Foreign tables over a loopback postgres_fdw server give the same figures.
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
\set host ''
\set port ''
\set password ''
\getenv host PGHOST
\getenv port PGPORT
\getenv password PGPASSWORD
SELECT current_database() AS dbname \gset
CREATE SERVER cspi_loopback FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'host', port :'port', dbname :'dbname');
CREATE USER MAPPING FOR CURRENT_USER SERVER cspi_loopback
    OPTIONS (user :'USER', password :'password');
CREATE SCHEMA fixture_fdw;
IMPORT FOREIGN SCHEMA fixture FROM SERVER cspi_loopback INTO fixture_fdw;
-- Sixteen contract tables, and the change log (cspi_change).
SELECT count(*) AS foreign_tables FROM information_schema.foreign_tables WHERE foreign_table_schema = 'fixture_fdw';
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('fixture_fdw', 'fixture_fdw_report');
SELECT count(*) AS rows,
       count(*) FILTER (WHERE (f.numerator, f.denominator, f.shown, f.display)
                              IS DISTINCT FROM (t.numerator, t.denominator, t.shown, t.display)) AS differing
  FROM fixture_fdw_report.indicator_value f
  FULL JOIN fixture_report.indicator_value t USING (indicator, period_type, period);
SET client_min_messages = warning;
DROP SCHEMA fixture_fdw_report CASCADE;
DROP SCHEMA fixture_fdw CASCADE;
DROP USER MAPPING FOR CURRENT_USER SERVER cspi_loopback;
DROP SERVER cspi_loopback;
RESET client_min_messages;

-- Row-level security on a source table limits what a role sees through the
-- drill-down views (security_invoker views).
CREATE SCHEMA rls_source;
CREATE TABLE rls_source.referral AS SELECT * FROM fixture.referral;
CREATE TABLE rls_source.child AS SELECT * FROM fixture.child;
CREATE ROLE cspi_north_team NOLOGIN;
ALTER TABLE rls_source.referral ENABLE ROW LEVEL SECURITY;
CREATE POLICY north ON rls_source.referral FOR SELECT TO cspi_north_team
    USING (child_id IN ('C01', 'C02'));
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('rls_source', 'rls_report');
GRANT USAGE ON SCHEMA rls_source, rls_report TO cspi_north_team;
GRANT SELECT ON ALL TABLES IN SCHEMA rls_source, rls_report TO cspi_north_team;
-- The table's owner sees every referral ...
SELECT count(*) AS referrals, string_agg(DISTINCT child_id, ', ' ORDER BY child_id) AS children
  FROM rls_report.referral_timeliness;
-- ... the north team only its own children's.
SET ROLE cspi_north_team;
SELECT count(*) AS referrals, string_agg(DISTINCT child_id, ', ' ORDER BY child_id) AS children
  FROM rls_report.referral_timeliness;
SELECT referral_id, child_id, working_days, within_1wd FROM rls_report.referral_timeliness ORDER BY referral_id;
RESET ROLE;
SET client_min_messages = warning;
DROP SCHEMA rls_report CASCADE;
DROP SCHEMA rls_source CASCADE;
DROP ROLE cspi_north_team;
RESET client_min_messages;

-- A source that does not fit the contract: every problem in one error.
CREATE SCHEMA bad_source;
CREATE TABLE bad_source.referral (referral_id text, child_id text, referral_date text);
CREATE TABLE bad_source.visit (visit_id int, child_id int, visit_type text, visit_date date, due_date integer);
CREATE VIEW bad_source.cp_plan AS SELECT 'p1'::text AS plan_id, 'c1'::text AS child_id,
                                         now() AS start_date, NULL::date AS end_date;
SELECT * FROM cspi.deploy('bad_source', 'bad_report');
SET client_min_messages = warning;
DROP SCHEMA bad_source CASCADE;
RESET client_min_messages;
SELECT * FROM cspi.deploy('no_such_schema', 'bad_report');
SELECT * FROM cspi.deploy('fixture', 'bad_report', 'no-such-calendar');

-- deploy() never touches a schema that is not a report's: not public or
-- cspi, not a schema holding objects it did not create, not a schema that
-- another role owns; and a calendar name must be plain.
SELECT * FROM cspi.deploy('fixture', 'public');
SELECT * FROM cspi.deploy('fixture', 'cspi');
CREATE SCHEMA council_work;
CREATE TABLE council_work.notes (note text);
SELECT * FROM cspi.deploy('fixture', 'council_work');
SELECT count(*) AS notes_still_there FROM council_work.notes;
DROP SCHEMA council_work CASCADE;
CREATE ROLE cspi_other_owner NOLOGIN;
CREATE ROLE cspi_deployer NOLOGIN;
GRANT USAGE ON SCHEMA fixture TO cspi_deployer;
CREATE SCHEMA someone_elses AUTHORIZATION cspi_other_owner;
SET ROLE cspi_deployer;
SELECT * FROM cspi.deploy('fixture', 'someone_elses');
RESET ROLE;
DROP SCHEMA someone_elses;
REVOKE USAGE ON SCHEMA fixture FROM cspi_deployer;
DROP ROLE cspi_other_owner, cspi_deployer;
INSERT INTO cspi.calendar (name, first_date, last_date) VALUES ('x''); DROP TABLE y; --', '2020-01-01', '2025-12-31');
SELECT * FROM cspi.deploy('fixture', 'bad_report', 'x''); DROP TABLE y; --');
DELETE FROM cspi.calendar WHERE name = 'x''); DROP TABLE y; --';

-- create_source_table makes one relation of the contract (those the
-- indicator families add); it refuses a relation the contract lacks.
SELECT cspi.create_source_table('fixture', 'no_such_relation');
