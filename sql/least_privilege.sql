-- Least privilege, as the README's recipe grants it: a role that owns,
-- deploys and refreshes the report (no superuser), a BI role that reads the
-- published figures and one drill-down it is entitled to (with the
-- source's row-level security still applied), and a role that may add a
-- council calendar, a target and a wording.
SET datestyle = 'ISO, YMD';
CREATE ROLE csc_reports NOLOGIN;
CREATE ROLE csc_bi NOLOGIN;
CREATE ROLE csc_business NOLOGIN;

-- The warehouse (here: made by the superuser) and what the report owner may
-- read of it.
SELECT cspi.create_source_tables('lp_warehouse');
SELECT count(*) > 0 AS generated FROM cspi.generate_source('lp_warehouse', 0.05, 1, 2022, 2024);
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO csc_reports', current_database()); END $$;
GRANT USAGE ON SCHEMA lp_warehouse TO csc_reports;
GRANT SELECT ON ALL TABLES IN SCHEMA lp_warehouse TO csc_reports;
-- The BI role reads referrals through the drill-down, so it needs them in
-- the source too; a policy lets it see the referrals of even ages only.
GRANT USAGE ON SCHEMA lp_warehouse TO csc_bi;
GRANT SELECT ON lp_warehouse.referral, lp_warehouse.child TO csc_bi;
ALTER TABLE lp_warehouse.referral ENABLE ROW LEVEL SECURITY;
CREATE POLICY lp_reports_all ON lp_warehouse.referral TO csc_reports USING (true);
CREATE POLICY lp_bi_some ON lp_warehouse.referral TO csc_bi
    USING (right(referral_id, 1) IN ('0', '2', '4', '6', '8'));
-- Calendars, targets and wordings.
GRANT INSERT, UPDATE, DELETE ON cspi.calendar, cspi.holiday, cspi.target, cspi.indicator_wording TO csc_business;

-- The report owner deploys, refreshes and grants the BI role what it may read.
SET ROLE csc_reports;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('lp_warehouse', 'lp_report');
SELECT cspi.refresh('lp_report');
GRANT USAGE ON SCHEMA lp_report TO csc_bi;
GRANT SELECT ON lp_report.indicator_value, lp_report.period, lp_report.indicator_availability,
                lp_report.scorecard, lp_report.referral_timeliness, lp_report.src_referral, lp_report.src_child TO csc_bi;
RESET ROLE;

-- The BI role: the published figures, the scorecard, and the referrals the
-- policy allows it; not the other drill-downs (permission denied), and it
-- cannot change the registry's rows.
SET ROLE csc_bi;
SELECT count(*) > 0 AS figures FROM lp_report.indicator_value;
SELECT count(*) AS scorecard FROM cspi.scorecard('2023/24', 'lp_report');
SELECT count(*) AS scorecard_view FROM lp_report.scorecard WHERE period = '2023/24';
SELECT count(*) > 0 AND bool_and(right(referral_id, 1) IN ('0', '2', '4', '6', '8')) AS only_its_referrals
  FROM lp_report.referral_timeliness;
-- (which relation the error names differs between versions: the SQLSTATE)
\set VERBOSITY sqlstate
SELECT count(*) FROM lp_report.cp_plan_detail;
\set VERBOSITY default
WITH changed AS (UPDATE cspi.deployment SET calendar = 'scotland' WHERE report_schema = 'lp_report' RETURNING 1)
SELECT count(*) AS registry_rows_changed FROM changed;
RESET ROLE;
SELECT (SELECT count(*) FROM lp_report.referral_timeliness)
       > (SELECT count(*) FROM lp_report.referral_timeliness WHERE right(referral_id, 1) IN ('0', '2', '4', '6', '8'))
       AS owner_sees_more;

-- Calendars, targets and wordings, by the role allowed them.
SET ROLE csc_business;
INSERT INTO cspi.calendar (name, base, first_date, last_date) VALUES ('lp-offices', 'england-and-wales', '2000-01-01', '2039-12-31');
INSERT INTO cspi.holiday (calendar, holiday_date, name) VALUES ('lp-offices', '2024-12-27', 'closure');
INSERT INTO cspi.target (indicator, from_period, target) VALUES ('REF_1WD', '2030/31', 88);
INSERT INTO cspi.indicator_wording VALUES ('REF_1WD', '{display} of referrals were decided in a day.{verdict}');
SELECT cspi.working_days('2024-12-24'::date, '2025-01-02'::date, 'lp-offices') AS council_days;
RESET ROLE;

-- The report owner may change its registry row, but that gives it nothing:
-- pointing internal_schema at another schema does not make a superuser's
-- redeploy drop that schema (the previous generation is the schema the
-- published views read), and the redeploy runs as the schema's owner, so
-- the objects stay the owner's.
CREATE SCHEMA lp_victim;
CREATE TABLE lp_victim.payroll (amount integer);
SET ROLE csc_reports;
UPDATE cspi.deployment SET internal_schema = 'lp_victim' WHERE report_schema = 'lp_report';
RESET ROLE;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.redeploy('lp_report');
SELECT to_regclass('lp_victim.payroll') IS NOT NULL AS victim_kept,
       pg_get_userbyid(c.relowner) AS indicator_value_owner
  FROM pg_class c WHERE c.oid = 'lp_report.indicator_value'::regclass;
DROP SCHEMA lp_victim CASCADE;
-- A role that owns no report redeploys nothing.
SET ROLE csc_bi;
SELECT count(*) AS redeployed FROM cspi.redeploy();
RESET ROLE;

-- The trigger that versions the calendars runs as the extension's owner: no
-- other role may attach it, and it refuses any table but cspi's two.
SET ROLE csc_business;
CREATE TEMP TABLE lp_trap (x integer);
CREATE TRIGGER lp_trap AFTER INSERT ON lp_trap FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
RESET ROLE;
CREATE TEMP TABLE lp_trap2 (x integer);
CREATE TRIGGER lp_trap2 AFTER INSERT ON lp_trap2 FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
INSERT INTO lp_trap2 VALUES (1);

-- A redeploy by the owner keeps the BI role's grants.
SET ROLE csc_reports;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.redeploy('lp_report');
RESET ROLE;
SET ROLE csc_bi;
SELECT count(*) > 0 AS still_readable FROM lp_report.indicator_value;
RESET ROLE;

-- Tidy up: the roles are the cluster's.
DELETE FROM cspi.indicator_wording WHERE indicator = 'REF_1WD';
DELETE FROM cspi.target WHERE from_period = '2030/31';
DELETE FROM cspi.calendar WHERE name = 'lp-offices';
-- Without its registry row a report has nothing cspi may refresh: an error,
-- not a refresh that silently does nothing.
SELECT internal_schema AS lp_internal FROM cspi.deployment WHERE report_schema = 'lp_report' \gset
DELETE FROM cspi.deployment WHERE report_schema = 'lp_report';
SELECT cspi.refresh('lp_report');
SET client_min_messages = warning;
DROP TABLE lp_trap, lp_trap2;
DROP SCHEMA :"lp_internal" CASCADE;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM csc_reports', current_database()); END $$;
DROP SCHEMA lp_report CASCADE;
DROP SCHEMA lp_warehouse CASCADE;
REVOKE ALL ON cspi.calendar, cspi.holiday, cspi.target, cspi.indicator_wording FROM csc_business;
RESET client_min_messages;
DROP ROLE csc_reports, csc_bi, csc_business;
