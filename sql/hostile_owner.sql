-- Hostile owners: a report's or region's owner puts a function of its own
-- in what cspi reads for it (a source view, a relation of its internal
-- schema).  Whoever acts on that report afterwards (a superuser's
-- redeploy() after an upgrade, a nightly refresh, a second role with the
-- owner's privileges), the function must run as the owner and nothing
-- more: it cannot RESET ROLE to the caller, and a superuser's rights never
-- reach it.  On cspi 1.2 as reviewed, redeploy() and refresh() ran it with
-- the caller's rights, and the owner made itself a superuser.
SET client_min_messages = warning;
CREATE ROLE regress_hostile_owner NOLOGIN;
CREATE ROLE regress_hostile_admin NOLOGIN;      -- a second ordinary role, with the owner's privileges
CREATE ROLE regress_hostile_other NOLOGIN;      -- a third, without them
GRANT regress_hostile_owner TO regress_hostile_admin;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO regress_hostile_owner', current_database()); END $$;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER regress_hostile_down FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '1', dbname 'nowhere');
GRANT USAGE ON FOREIGN SERVER regress_hostile_down TO regress_hostile_owner;

-- The owner's source, with a function in its referral view that tries to
-- become whoever called it and records who it ran as.
SET ROLE regress_hostile_owner;
SELECT cspi.create_source_tables('hsrc');
SELECT cspi.generate_source('hsrc', 0.05, 1, 2022, 2024);
CREATE TABLE hsrc.seen (who name, could_reset_role boolean);
CREATE FUNCTION hsrc.pwn(d date) RETURNS date LANGUAGE plpgsql AS $$
DECLARE
    could_reset boolean := true;
BEGIN
    BEGIN
        RESET ROLE;
    EXCEPTION WHEN OTHERS THEN
        could_reset := false;
    END;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE 'ALTER ROLE regress_hostile_owner SUPERUSER';
    END IF;
    INSERT INTO hsrc.seen VALUES (current_user, could_reset);
    RETURN d;
END $$;
ALTER TABLE hsrc.referral RENAME TO referral_t;
CREATE VIEW hsrc.referral AS
    SELECT referral_id, child_id, hsrc.pwn(referral_date) AS referral_date, completed_date FROM hsrc.referral_t;
SELECT count(*) > 0 AS deployed FROM cspi.deploy('hsrc', 'hrep');
RESET ROLE;

-- Who the owner's function ran as, whether it could leave the owner's
-- rights, and whether the owner became a superuser.
CREATE FUNCTION pg_temp.outcome() RETURNS TABLE (ran_as name, could_reset_role boolean, owner_is_superuser boolean)
    LANGUAGE sql AS $$
    SELECT s.who, s.could_reset_role, (SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_hostile_owner')
      FROM hsrc.seen s GROUP BY 1, 2 ORDER BY 1, 2 $$;
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;

-- As a superuser: the README's steps after an upgrade, and the refresh.
SELECT report_schema, outcome, message FROM cspi.redeploy() WHERE report_schema = 'hrep';
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;
SELECT count(*) > 0 AS redeployed FROM cspi.redeploy('hrep');
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;
SELECT cspi.refresh('hrep');
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;

-- As a second ordinary role with the owner's privileges.
SET ROLE regress_hostile_admin;
SELECT report_schema, outcome, message FROM cspi.redeploy() WHERE report_schema = 'hrep';
SELECT count(*) > 0 AS redeployed FROM cspi.redeploy('hrep');
SELECT cspi.refresh('hrep');
RESET ROLE;
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;

-- A role without the owner's privileges is refused, plainly.
SET ROLE regress_hostile_other;
SELECT cspi.refresh('hrep');
SELECT * FROM cspi.redeploy('hrep');
SELECT * FROM cspi.deploy('hsrc', 'hrep');
SELECT count(*) AS redeployed FROM cspi.redeploy();
RESET ROLE;
SELECT count(*) AS ran FROM hsrc.seen;

-- A superuser deploying a report of its own over the owner's views would
-- run the owner's function with a superuser's rights: refused, with the
-- way to deploy it as the owner.
SELECT * FROM cspi.deploy('hsrc', 'hrep_superuser');
SELECT count(*) AS ran FROM hsrc.seen;

-- The functions that act for an owner run only inside the restricted
-- operation, and execute_as_owner only ever narrows what runs.
SELECT * FROM cspi_internal.deploy_restricted('hsrc', 'hrep');
SET ROLE regress_hostile_other;
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.to_jsonb(current_user)');
RESET ROLE;
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.jsonb_build_array(current_user, cspi.in_restricted_operation())');
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT 1');
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.to_jsonb(g) FROM generate_series(1, 2) g');
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.to_jsonb(1) WHERE false') IS NULL AS no_row_is_null;
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.to_jsonb(pg_catalog.pg_sleep(5))', 200);
SELECT cspi.execute_as_owner('regress_hostile_owner', 'SELECT pg_catalog.to_jsonb(1)', 0);
SELECT current_user = session_user AS back_to_the_caller, cspi.in_restricted_operation() AS still_restricted;

-- A region's owner replaces a relation of the region's internal schema
-- (its member's foreign table) with a view over such a function; the
-- region's refresh by a superuser or the admin runs it as the owner.
SET ROLE regress_hostile_owner;
CREATE USER MAPPING FOR regress_hostile_owner SERVER regress_hostile_down OPTIONS (user 'nobody', password 'x');
SELECT member, status FROM cspi.create_region('hreg',
    '[{"server": "regress_hostile_down", "schema": "cspi_report", "name": "Down"}]');
DO $$
DECLARE
    internal name := (SELECT internal_schema FROM cspi.region WHERE region_schema = 'hreg');
BEGIN
    EXECUTE format('DROP FOREIGN TABLE %I.m1_deployment', internal);
    EXECUTE format('CREATE VIEW %I.m1_deployment AS SELECT hsrc.pwn(date ''2024-06-30'')::text AS cspi_version', internal);
END $$;
RESET ROLE;
SELECT cspi.refresh('hreg');
SELECT * FROM pg_temp.outcome();
TRUNCATE hsrc.seen;
SET ROLE regress_hostile_admin;
SELECT cspi.refresh('hreg');
RESET ROLE;
SELECT * FROM pg_temp.outcome();
SET ROLE regress_hostile_other;
SELECT cspi.refresh('hreg');
RESET ROLE;

-- One role cannot block another's deploy: a schema named as the next
-- internal schema would be, made first by another role, is stepped over.
DO $$ BEGIN
    EXECUTE format('CREATE SCHEMA cspi_internal_%s AUTHORIZATION regress_hostile_other',
                   (SELECT last_value + 1 FROM cspi.deployment_generation_seq));
    EXECUTE format('CREATE SCHEMA cspi_internal_%s AUTHORIZATION regress_hostile_other',
                   (SELECT last_value + 2 FROM cspi.deployment_generation_seq));
END $$;
SELECT count(*) > 0 AS redeployed FROM cspi.redeploy('hrep');
SELECT internal_schema NOT IN (SELECT nspname FROM pg_namespace WHERE nspowner = 'regress_hostile_other'::regrole) AS own_internal_schema
  FROM cspi.deployment WHERE report_schema = 'hrep';

-- One owner's registry row naming a schema it cannot read does not stop a
-- superuser's redeploy() of everyone else: that schema fails, with its
-- message, and keeps its previous deploy; the others are redeployed.
CREATE SCHEMA hsecret AUTHORIZATION regress_hostile_other;
CREATE TABLE hsecret.referral (referral_id text, child_id text, referral_date date, completed_date date);
ALTER TABLE hsecret.referral OWNER TO regress_hostile_other;
SET ROLE regress_hostile_owner;
SELECT cspi.create_source_tables('hsrc2');
SELECT count(*) > 0 AS deployed FROM cspi.deploy('hsrc2', 'hrep2');
UPDATE cspi.deployment SET source_schema = 'hsecret' WHERE report_schema = 'hrep2';
CREATE TEMP TABLE before_redeploy AS SELECT internal_schema FROM cspi.deployment WHERE report_schema = 'hrep2';
RESET ROLE;
SELECT report_schema, outcome, message FROM cspi.redeploy() WHERE report_schema IN ('hrep', 'hrep2') ORDER BY 1;
SELECT d.internal_schema = b.internal_schema AS keeps_previous_deploy, d.source_schema
  FROM cspi.deployment d, before_redeploy b WHERE d.report_schema = 'hrep2';
SELECT count(*) > 0 AS still_readable FROM hrep2.indicator_availability;

-- Tidy up.
SET client_min_messages = warning;
DROP SCHEMA hreg, hrep, hrep2, hsecret CASCADE;
DO $$
DECLARE
    s name;
BEGIN
    FOR s IN SELECT nspname FROM pg_namespace
              WHERE nspowner IN ('regress_hostile_owner'::regrole, 'regress_hostile_other'::regrole) LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', s);
    END LOOP;
END $$;
DELETE FROM cspi.deployment WHERE report_schema IN ('hrep', 'hrep2');
DELETE FROM cspi.region WHERE region_schema = 'hreg';
DROP USER MAPPING FOR regress_hostile_owner SERVER regress_hostile_down;
DROP SERVER regress_hostile_down;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM regress_hostile_owner', current_database()); END $$;
DROP OWNED BY regress_hostile_admin, regress_hostile_other, regress_hostile_owner;
DROP ROLE regress_hostile_admin, regress_hostile_other, regress_hostile_owner;
