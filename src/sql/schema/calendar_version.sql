--------------------------------------------------------------------------
-- The calendars' version (read by the working-day functions, set by the
-- calendar_changed trigger): see src/calendar_cache.c
--------------------------------------------------------------------------

-- The version of the calendars: one row, set to a fresh value of the
-- sequence by every statement that changes cspi.calendar or cspi.holiday.
-- Changes to calendars are serialised on this row, so the version that a
-- snapshot sees names the calendar contents that it sees, and the working-day
-- functions reuse a compiled calendar for as long as the version is the same
-- (see src/calendar_cache.c).
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
