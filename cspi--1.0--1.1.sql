/* cspi--1.0--1.1.sql: upgrade cspi 1.0 to 1.1 (ALTER EXTENSION cspi UPDATE). */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION cspi UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- Calendars read as MVCC does: a version row that every change sets.
--------------------------------------------------------------------------

CREATE SEQUENCE cspi.calendar_version_seq;
CREATE TABLE cspi.calendar_version (
    version  bigint NOT NULL,
    only_row boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (only_row)
);
INSERT INTO cspi.calendar_version (version)
    VALUES (pg_catalog.nextval('cspi.calendar_version_seq'::pg_catalog.regclass));
COMMENT ON SEQUENCE cspi.calendar_version_seq IS
'Versions of the calendars (cspi.calendar_version).';
COMMENT ON TABLE cspi.calendar_version IS
'One row: the version of cspi.calendar and cspi.holiday, changed by a trigger with every change to them. The working-day functions reuse a compiled calendar while the version their snapshot sees is the same.';
COMMENT ON COLUMN cspi.calendar_version.version IS 'A value of cspi.calendar_version_seq, new with every change to a calendar or holiday.';
COMMENT ON COLUMN cspi.calendar_version.only_row IS 'Always true: keeps the table to one row.';
GRANT SELECT ON cspi.calendar_version TO PUBLIC;

ALTER FUNCTION cspi.calendar_changed() SECURITY DEFINER;
ALTER FUNCTION cspi.calendar_changed() SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: gives the calendars a new version (cspi.calendar_version) and tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes. Runs as the extension''s owner, so that roles allowed to change calendars need no rights on cspi.calendar_version.';

ALTER TABLE cspi.calendar ENABLE ALWAYS TRIGGER calendar_changed;
ALTER TABLE cspi.holiday ENABLE ALWAYS TRIGGER holiday_changed;

--------------------------------------------------------------------------
-- Ratios: btree deduplication (equal ratios are the same pair).
--------------------------------------------------------------------------

ALTER OPERATOR FAMILY cspi.ratio_ops USING btree
    ADD FUNCTION 4 (cspi.ratio) pg_catalog.btequalimage(oid);

--------------------------------------------------------------------------
-- Rates and targets: comments for the new checks.
--------------------------------------------------------------------------

COMMENT ON FUNCTION cspi.rate_per(bigint, bigint, integer) IS
'count per per (default 10,000) of population, unrounded; an error when count is negative or population is not positive.';
COMMENT ON FUNCTION cspi.rate_per(numeric, numeric, integer) IS
'count per per (default 10,000) of a fractional population, unrounded; an error when count is negative, NaN or infinite, or population is not positive and finite.';
COMMENT ON FUNCTION cspi.target_met(numeric, numeric, text) IS
'Whether value meets target: value >= target when polarity is ''higher'' (is better), value <= target when ''lower''; any other polarity, and a NaN value or target, is an error.';
