--------------------------------------------------------------------------
-- cspi 1.3 to 1.4: what changes in the run-once schema
--------------------------------------------------------------------------
-- Run by cspi--1.3--1.4.sql before every file of src/sql/code/ and
-- src/sql/indicators/ runs again.

-- measure_queries gains a relation (to time one report object's share of a
-- refresh); the one-argument version goes so that CREATE OR REPLACE makes
-- the new one rather than an overload beside it.
DROP FUNCTION cspi_internal.measure_queries(text);

-- The incremental refresh: where each deployment is in its source's change
-- log, how it was last refreshed, and the first event after its latest.  refresh() gains its incremental
-- argument (the old one goes, as for measure_queries).
ALTER TABLE cspi.deployment ADD COLUMN changes_seen bigint, ADD COLUMN last_refresh text, ADD COLUMN next_event date;
COMMENT ON COLUMN cspi.deployment.next_event IS
'The first event in the report''s source after the day latest_event was found (infinity when there was none): while today is before it, an incremental refresh knows the latest event from the changes alone. NULL: not known.';
COMMENT ON COLUMN cspi.deployment.changes_seen IS
'The last entry of the source''s change log (cspi.track_changes) that its figures include: the next refresh counts the changes after it. NULL: the next refresh is a full one.';
COMMENT ON COLUMN cspi.deployment.last_refresh IS
'How cspi.refresh() last refreshed it: incremental, with the changes and children it counted again, or full, and why.';
DROP FUNCTION cspi.refresh(name);
