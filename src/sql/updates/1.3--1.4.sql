--------------------------------------------------------------------------
-- cspi 1.3 to 1.4: what changes in the run-once schema
--------------------------------------------------------------------------
-- Run by cspi--1.3--1.4.sql before every file of src/sql/code/ and
-- src/sql/indicators/ runs again.

-- measure_queries gains a relation (to time one report object's share of a
-- refresh); the one-argument version goes so that CREATE OR REPLACE makes
-- the new one rather than an overload beside it.
DROP FUNCTION cspi_internal.measure_queries(text);
