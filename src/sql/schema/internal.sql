--------------------------------------------------------------------------
-- The schema of cspi's internal helpers
--------------------------------------------------------------------------
-- Schema cspi holds what councils and BI tools call (the API); schema
-- cspi_internal holds the helpers that deploy, redeploy, refresh, the
-- regions and the returns use to build SQL and check their input, which
-- no user calls.  They run with their caller's rights (those that act for
-- a report's owner refuse to run outside cspi.execute_as_owner), so a
-- report's owner, whatever its role, may execute them: USAGE for all.
CREATE SCHEMA cspi_internal;
COMMENT ON SCHEMA cspi_internal IS
'cspi''s internal helpers: SQL generation, the checks of a source against the data contract, the steps of deploy and of a region''s refresh. Not an API: they may change in any version. Called by the functions of schema cspi.';
GRANT USAGE ON SCHEMA cspi_internal TO PUBLIC;
