/* cspi--1.3.sql: children's social care performance indicators. */
-- Built by make from the files in src/sql/: edit those, not this file.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cspi" to load this file. \quit

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

--------------------------------------------------------------------------
-- Calendars
--------------------------------------------------------------------------

CREATE TABLE cspi.calendar (
    name        text PRIMARY KEY CHECK (name <> ''),
    weekmask    text NOT NULL DEFAULT '1111100'
                CONSTRAINT calendar_weekmask_check
                CHECK (weekmask ~ '^[01]{7}$' AND weekmask <> '0000000'),
    first_date  date NOT NULL,
    last_date   date NOT NULL,
    base        text,
    description text,
    shipped     boolean NOT NULL DEFAULT false,
    CONSTRAINT calendar_range_check CHECK (first_date <= last_date),
    CONSTRAINT calendar_base_check CHECK (base <> name)
);

COMMENT ON TABLE cspi.calendar IS
'Working-day calendars: which weekdays are worked (weekmask, Monday first, 1 = working day) and the range of dates for which the holidays in cspi.holiday are known. A calendar with a base also has all the holidays of its base calendar, and its range is the part of its own range that its base also covers. Rows with shipped = true come with cspi and cannot be changed; add your own rows.';
COMMENT ON COLUMN cspi.calendar.name IS 'Calendar name, as passed to the working-day functions.';
COMMENT ON COLUMN cspi.calendar.weekmask IS 'Seven characters 0 or 1, Monday first: 1 = a working weekday (numpy''s busday weekmask).';
COMMENT ON COLUMN cspi.calendar.first_date IS 'First date for which the holidays are known (-infinity: no limit).';
COMMENT ON COLUMN cspi.calendar.last_date IS 'Last date for which the holidays are known (infinity: no limit).';
COMMENT ON COLUMN cspi.calendar.base IS 'Optional calendar whose holidays this one inherits (checked when the calendar is used, not by a foreign key, so that pg_dump can dump the table without a circular-reference warning).';
COMMENT ON COLUMN cspi.calendar.description IS 'Free text.';
COMMENT ON COLUMN cspi.calendar.shipped IS 'True for the rows cspi ships; pg_dump keeps only the rows where it is false.';

CREATE TABLE cspi.holiday (
    calendar     text NOT NULL
                 REFERENCES cspi.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
    holiday_date date NOT NULL
                 CONSTRAINT holiday_finite_check CHECK (isfinite(holiday_date)),
    name         text,
    shipped      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (calendar, holiday_date)
);

COMMENT ON TABLE cspi.holiday IS
'Holidays of each calendar: dates that are not working days even when their weekday is. Rows with shipped = true come with cspi and cannot be changed; add your own rows.';
COMMENT ON COLUMN cspi.holiday.calendar IS 'The calendar (cspi.calendar.name).';
COMMENT ON COLUMN cspi.holiday.holiday_date IS 'The holiday.';
COMMENT ON COLUMN cspi.holiday.name IS 'What the holiday is, for people.';
COMMENT ON COLUMN cspi.holiday.shipped IS 'True for the rows cspi ships; pg_dump keeps only the rows where it is false.';

SELECT pg_catalog.pg_extension_config_dump('cspi.calendar', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('cspi.holiday', 'WHERE NOT shipped');


INSERT INTO cspi.calendar (name, weekmask, first_date, last_date, description, shipped) VALUES
    ('england-and-wales', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in England and Wales, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('scotland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Scotland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('northern-ireland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Northern Ireland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true);

CREATE OR REPLACE FUNCTION cspi.calendar_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_changed' LANGUAGE C
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION cspi.calendar_changed() FROM PUBLIC;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: gives the calendars a new version (cspi.calendar_version) and tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes. Runs as the extension''s owner, so that roles allowed to change calendars need no rights on cspi.calendar_version.';

CREATE OR REPLACE FUNCTION cspi.calendar_guard() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_guard' LANGUAGE C;
COMMENT ON FUNCTION cspi.calendar_guard() IS
'Trigger: refuses changes to the rows shipped with cspi outside its own scripts.';

CREATE OR REPLACE TRIGGER calendar_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.calendar
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
CREATE OR REPLACE TRIGGER holiday_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.holiday
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER holiday_guard_truncate BEFORE TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER holiday_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
GRANT USAGE ON SCHEMA cspi TO PUBLIC;
GRANT SELECT ON cspi.calendar, cspi.holiday TO PUBLIC;
-- A change must reach the version also when it arrives by logical
-- replication or in a session with session_replication_role = replica.
ALTER TABLE cspi.calendar ENABLE ALWAYS TRIGGER calendar_changed;
ALTER TABLE cspi.holiday ENABLE ALWAYS TRIGGER holiday_changed;

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

-- Generated by tools/gen_uk_holidays.py; checked against the published
-- lists for 2018 to 2026 by sql/calendars_govuk.sql.
INSERT INTO cspi.holiday (calendar, holiday_date, name, shipped) VALUES
    ('england-and-wales', '1995-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '1995-04-14', 'Good Friday', true),
    ('england-and-wales', '1995-04-17', 'Easter Monday', true),
    ('england-and-wales', '1995-05-08', 'Early May bank holiday (VE day)', true),
    ('england-and-wales', '1995-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '1995-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '1995-12-25', 'Christmas Day', true),
    ('england-and-wales', '1995-12-26', 'Boxing Day', true),
    ('england-and-wales', '1996-01-01', 'New Year''s Day', true),
    ('england-and-wales', '1996-04-05', 'Good Friday', true),
    ('england-and-wales', '1996-04-08', 'Easter Monday', true),
    ('england-and-wales', '1996-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '1996-05-27', 'Spring bank holiday', true),
    ('england-and-wales', '1996-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '1996-12-25', 'Christmas Day', true),
    ('england-and-wales', '1996-12-26', 'Boxing Day', true),
    ('england-and-wales', '1997-01-01', 'New Year''s Day', true),
    ('england-and-wales', '1997-03-28', 'Good Friday', true),
    ('england-and-wales', '1997-03-31', 'Easter Monday', true),
    ('england-and-wales', '1997-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '1997-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '1997-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '1997-12-25', 'Christmas Day', true),
    ('england-and-wales', '1997-12-26', 'Boxing Day', true),
    ('england-and-wales', '1998-01-01', 'New Year''s Day', true),
    ('england-and-wales', '1998-04-10', 'Good Friday', true),
    ('england-and-wales', '1998-04-13', 'Easter Monday', true),
    ('england-and-wales', '1998-05-04', 'Early May bank holiday', true),
    ('england-and-wales', '1998-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '1998-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '1998-12-25', 'Christmas Day', true),
    ('england-and-wales', '1998-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '1999-01-01', 'New Year''s Day', true),
    ('england-and-wales', '1999-04-02', 'Good Friday', true),
    ('england-and-wales', '1999-04-05', 'Easter Monday', true),
    ('england-and-wales', '1999-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '1999-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '1999-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '1999-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '1999-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '1999-12-31', 'Millennium celebrations', true),
    ('england-and-wales', '2000-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2000-04-21', 'Good Friday', true),
    ('england-and-wales', '2000-04-24', 'Easter Monday', true),
    ('england-and-wales', '2000-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2000-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2000-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2000-12-25', 'Christmas Day', true),
    ('england-and-wales', '2000-12-26', 'Boxing Day', true),
    ('england-and-wales', '2001-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2001-04-13', 'Good Friday', true),
    ('england-and-wales', '2001-04-16', 'Easter Monday', true),
    ('england-and-wales', '2001-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2001-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2001-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2001-12-25', 'Christmas Day', true),
    ('england-and-wales', '2001-12-26', 'Boxing Day', true),
    ('england-and-wales', '2002-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2002-03-29', 'Good Friday', true),
    ('england-and-wales', '2002-04-01', 'Easter Monday', true),
    ('england-and-wales', '2002-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '2002-06-03', 'Golden Jubilee bank holiday', true),
    ('england-and-wales', '2002-06-04', 'Spring bank holiday', true),
    ('england-and-wales', '2002-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '2002-12-25', 'Christmas Day', true),
    ('england-and-wales', '2002-12-26', 'Boxing Day', true),
    ('england-and-wales', '2003-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2003-04-18', 'Good Friday', true),
    ('england-and-wales', '2003-04-21', 'Easter Monday', true),
    ('england-and-wales', '2003-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2003-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2003-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2003-12-25', 'Christmas Day', true),
    ('england-and-wales', '2003-12-26', 'Boxing Day', true),
    ('england-and-wales', '2004-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2004-04-09', 'Good Friday', true),
    ('england-and-wales', '2004-04-12', 'Easter Monday', true),
    ('england-and-wales', '2004-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2004-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2004-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2004-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2004-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2005-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2005-03-25', 'Good Friday', true),
    ('england-and-wales', '2005-03-28', 'Easter Monday', true),
    ('england-and-wales', '2005-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2005-05-30', 'Spring bank holiday', true),
    ('england-and-wales', '2005-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2005-12-26', 'Boxing Day', true),
    ('england-and-wales', '2005-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2006-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2006-04-14', 'Good Friday', true),
    ('england-and-wales', '2006-04-17', 'Easter Monday', true),
    ('england-and-wales', '2006-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2006-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2006-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2006-12-25', 'Christmas Day', true),
    ('england-and-wales', '2006-12-26', 'Boxing Day', true),
    ('england-and-wales', '2007-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2007-04-06', 'Good Friday', true),
    ('england-and-wales', '2007-04-09', 'Easter Monday', true),
    ('england-and-wales', '2007-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2007-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2007-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2007-12-25', 'Christmas Day', true),
    ('england-and-wales', '2007-12-26', 'Boxing Day', true),
    ('england-and-wales', '2008-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2008-03-21', 'Good Friday', true),
    ('england-and-wales', '2008-03-24', 'Easter Monday', true),
    ('england-and-wales', '2008-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2008-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2008-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2008-12-25', 'Christmas Day', true),
    ('england-and-wales', '2008-12-26', 'Boxing Day', true),
    ('england-and-wales', '2009-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2009-04-10', 'Good Friday', true),
    ('england-and-wales', '2009-04-13', 'Easter Monday', true),
    ('england-and-wales', '2009-05-04', 'Early May bank holiday', true),
    ('england-and-wales', '2009-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '2009-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '2009-12-25', 'Christmas Day', true),
    ('england-and-wales', '2009-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2010-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2010-04-02', 'Good Friday', true),
    ('england-and-wales', '2010-04-05', 'Easter Monday', true),
    ('england-and-wales', '2010-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2010-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2010-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2010-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2010-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2011-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2011-04-22', 'Good Friday', true),
    ('england-and-wales', '2011-04-25', 'Easter Monday', true),
    ('england-and-wales', '2011-04-29', 'Royal wedding', true),
    ('england-and-wales', '2011-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2011-05-30', 'Spring bank holiday', true),
    ('england-and-wales', '2011-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2011-12-26', 'Boxing Day', true),
    ('england-and-wales', '2011-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2012-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2012-04-06', 'Good Friday', true),
    ('england-and-wales', '2012-04-09', 'Easter Monday', true),
    ('england-and-wales', '2012-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2012-06-04', 'Spring bank holiday', true),
    ('england-and-wales', '2012-06-05', 'Diamond Jubilee bank holiday', true),
    ('england-and-wales', '2012-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2012-12-25', 'Christmas Day', true),
    ('england-and-wales', '2012-12-26', 'Boxing Day', true),
    ('england-and-wales', '2013-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2013-03-29', 'Good Friday', true),
    ('england-and-wales', '2013-04-01', 'Easter Monday', true),
    ('england-and-wales', '2013-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '2013-05-27', 'Spring bank holiday', true),
    ('england-and-wales', '2013-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '2013-12-25', 'Christmas Day', true),
    ('england-and-wales', '2013-12-26', 'Boxing Day', true),
    ('england-and-wales', '2014-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2014-04-18', 'Good Friday', true),
    ('england-and-wales', '2014-04-21', 'Easter Monday', true),
    ('england-and-wales', '2014-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2014-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2014-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2014-12-25', 'Christmas Day', true),
    ('england-and-wales', '2014-12-26', 'Boxing Day', true),
    ('england-and-wales', '2015-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2015-04-03', 'Good Friday', true),
    ('england-and-wales', '2015-04-06', 'Easter Monday', true),
    ('england-and-wales', '2015-05-04', 'Early May bank holiday', true),
    ('england-and-wales', '2015-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '2015-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '2015-12-25', 'Christmas Day', true),
    ('england-and-wales', '2015-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2016-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2016-03-25', 'Good Friday', true),
    ('england-and-wales', '2016-03-28', 'Easter Monday', true),
    ('england-and-wales', '2016-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2016-05-30', 'Spring bank holiday', true),
    ('england-and-wales', '2016-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2016-12-26', 'Boxing Day', true),
    ('england-and-wales', '2016-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2017-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2017-04-14', 'Good Friday', true),
    ('england-and-wales', '2017-04-17', 'Easter Monday', true),
    ('england-and-wales', '2017-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2017-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2017-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2017-12-25', 'Christmas Day', true),
    ('england-and-wales', '2017-12-26', 'Boxing Day', true),
    ('england-and-wales', '2018-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2018-03-30', 'Good Friday', true),
    ('england-and-wales', '2018-04-02', 'Easter Monday', true),
    ('england-and-wales', '2018-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2018-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2018-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2018-12-25', 'Christmas Day', true),
    ('england-and-wales', '2018-12-26', 'Boxing Day', true),
    ('england-and-wales', '2019-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2019-04-19', 'Good Friday', true),
    ('england-and-wales', '2019-04-22', 'Easter Monday', true),
    ('england-and-wales', '2019-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '2019-05-27', 'Spring bank holiday', true),
    ('england-and-wales', '2019-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '2019-12-25', 'Christmas Day', true),
    ('england-and-wales', '2019-12-26', 'Boxing Day', true),
    ('england-and-wales', '2020-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2020-04-10', 'Good Friday', true),
    ('england-and-wales', '2020-04-13', 'Easter Monday', true),
    ('england-and-wales', '2020-05-08', 'Early May bank holiday (VE day)', true),
    ('england-and-wales', '2020-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '2020-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '2020-12-25', 'Christmas Day', true),
    ('england-and-wales', '2020-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2021-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2021-04-02', 'Good Friday', true),
    ('england-and-wales', '2021-04-05', 'Easter Monday', true),
    ('england-and-wales', '2021-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2021-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2021-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2021-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2021-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2022-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2022-04-15', 'Good Friday', true),
    ('england-and-wales', '2022-04-18', 'Easter Monday', true),
    ('england-and-wales', '2022-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2022-06-02', 'Spring bank holiday', true),
    ('england-and-wales', '2022-06-03', 'Platinum Jubilee bank holiday', true),
    ('england-and-wales', '2022-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', true),
    ('england-and-wales', '2022-12-26', 'Boxing Day', true),
    ('england-and-wales', '2022-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2023-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2023-04-07', 'Good Friday', true),
    ('england-and-wales', '2023-04-10', 'Easter Monday', true),
    ('england-and-wales', '2023-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2023-05-08', 'Bank holiday for the coronation of King Charles III', true),
    ('england-and-wales', '2023-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2023-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2023-12-25', 'Christmas Day', true),
    ('england-and-wales', '2023-12-26', 'Boxing Day', true),
    ('england-and-wales', '2024-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2024-03-29', 'Good Friday', true),
    ('england-and-wales', '2024-04-01', 'Easter Monday', true),
    ('england-and-wales', '2024-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '2024-05-27', 'Spring bank holiday', true),
    ('england-and-wales', '2024-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '2024-12-25', 'Christmas Day', true),
    ('england-and-wales', '2024-12-26', 'Boxing Day', true),
    ('england-and-wales', '2025-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2025-04-18', 'Good Friday', true),
    ('england-and-wales', '2025-04-21', 'Easter Monday', true),
    ('england-and-wales', '2025-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2025-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2025-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2025-12-25', 'Christmas Day', true),
    ('england-and-wales', '2025-12-26', 'Boxing Day', true),
    ('england-and-wales', '2026-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2026-04-03', 'Good Friday', true),
    ('england-and-wales', '2026-04-06', 'Easter Monday', true),
    ('england-and-wales', '2026-05-04', 'Early May bank holiday', true),
    ('england-and-wales', '2026-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '2026-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '2026-12-25', 'Christmas Day', true),
    ('england-and-wales', '2026-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2027-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2027-03-26', 'Good Friday', true),
    ('england-and-wales', '2027-03-29', 'Easter Monday', true),
    ('england-and-wales', '2027-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2027-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2027-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2027-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2027-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2028-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2028-04-14', 'Good Friday', true),
    ('england-and-wales', '2028-04-17', 'Easter Monday', true),
    ('england-and-wales', '2028-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2028-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2028-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2028-12-25', 'Christmas Day', true),
    ('england-and-wales', '2028-12-26', 'Boxing Day', true),
    ('england-and-wales', '2029-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2029-03-30', 'Good Friday', true),
    ('england-and-wales', '2029-04-02', 'Easter Monday', true),
    ('england-and-wales', '2029-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2029-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2029-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2029-12-25', 'Christmas Day', true),
    ('england-and-wales', '2029-12-26', 'Boxing Day', true),
    ('england-and-wales', '2030-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2030-04-19', 'Good Friday', true),
    ('england-and-wales', '2030-04-22', 'Easter Monday', true),
    ('england-and-wales', '2030-05-06', 'Early May bank holiday', true),
    ('england-and-wales', '2030-05-27', 'Spring bank holiday', true),
    ('england-and-wales', '2030-08-26', 'Summer bank holiday', true),
    ('england-and-wales', '2030-12-25', 'Christmas Day', true),
    ('england-and-wales', '2030-12-26', 'Boxing Day', true),
    ('england-and-wales', '2031-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2031-04-11', 'Good Friday', true),
    ('england-and-wales', '2031-04-14', 'Easter Monday', true),
    ('england-and-wales', '2031-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2031-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2031-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2031-12-25', 'Christmas Day', true),
    ('england-and-wales', '2031-12-26', 'Boxing Day', true),
    ('england-and-wales', '2032-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2032-03-26', 'Good Friday', true),
    ('england-and-wales', '2032-03-29', 'Easter Monday', true),
    ('england-and-wales', '2032-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2032-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2032-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2032-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2032-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2033-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2033-04-15', 'Good Friday', true),
    ('england-and-wales', '2033-04-18', 'Easter Monday', true),
    ('england-and-wales', '2033-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2033-05-30', 'Spring bank holiday', true),
    ('england-and-wales', '2033-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2033-12-26', 'Boxing Day', true),
    ('england-and-wales', '2033-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2034-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2034-04-07', 'Good Friday', true),
    ('england-and-wales', '2034-04-10', 'Easter Monday', true),
    ('england-and-wales', '2034-05-01', 'Early May bank holiday', true),
    ('england-and-wales', '2034-05-29', 'Spring bank holiday', true),
    ('england-and-wales', '2034-08-28', 'Summer bank holiday', true),
    ('england-and-wales', '2034-12-25', 'Christmas Day', true),
    ('england-and-wales', '2034-12-26', 'Boxing Day', true),
    ('england-and-wales', '2035-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2035-03-23', 'Good Friday', true),
    ('england-and-wales', '2035-03-26', 'Easter Monday', true),
    ('england-and-wales', '2035-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2035-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2035-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2035-12-25', 'Christmas Day', true),
    ('england-and-wales', '2035-12-26', 'Boxing Day', true),
    ('england-and-wales', '2036-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2036-04-11', 'Good Friday', true),
    ('england-and-wales', '2036-04-14', 'Easter Monday', true),
    ('england-and-wales', '2036-05-05', 'Early May bank holiday', true),
    ('england-and-wales', '2036-05-26', 'Spring bank holiday', true),
    ('england-and-wales', '2036-08-25', 'Summer bank holiday', true),
    ('england-and-wales', '2036-12-25', 'Christmas Day', true),
    ('england-and-wales', '2036-12-26', 'Boxing Day', true),
    ('england-and-wales', '2037-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2037-04-03', 'Good Friday', true),
    ('england-and-wales', '2037-04-06', 'Easter Monday', true),
    ('england-and-wales', '2037-05-04', 'Early May bank holiday', true),
    ('england-and-wales', '2037-05-25', 'Spring bank holiday', true),
    ('england-and-wales', '2037-08-31', 'Summer bank holiday', true),
    ('england-and-wales', '2037-12-25', 'Christmas Day', true),
    ('england-and-wales', '2037-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2038-01-01', 'New Year''s Day', true),
    ('england-and-wales', '2038-04-23', 'Good Friday', true),
    ('england-and-wales', '2038-04-26', 'Easter Monday', true),
    ('england-and-wales', '2038-05-03', 'Early May bank holiday', true),
    ('england-and-wales', '2038-05-31', 'Spring bank holiday', true),
    ('england-and-wales', '2038-08-30', 'Summer bank holiday', true),
    ('england-and-wales', '2038-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2038-12-28', 'Boxing Day (substitute day)', true),
    ('england-and-wales', '2039-01-03', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2039-04-08', 'Good Friday', true),
    ('england-and-wales', '2039-04-11', 'Easter Monday', true),
    ('england-and-wales', '2039-05-02', 'Early May bank holiday', true),
    ('england-and-wales', '2039-05-30', 'Spring bank holiday', true),
    ('england-and-wales', '2039-08-29', 'Summer bank holiday', true),
    ('england-and-wales', '2039-12-26', 'Boxing Day', true),
    ('england-and-wales', '2039-12-27', 'Christmas Day (substitute day)', true),
    ('england-and-wales', '2040-01-02', 'New Year''s Day (substitute day)', true),
    ('england-and-wales', '2040-03-30', 'Good Friday', true),
    ('england-and-wales', '2040-04-02', 'Easter Monday', true),
    ('england-and-wales', '2040-05-07', 'Early May bank holiday', true),
    ('england-and-wales', '2040-05-28', 'Spring bank holiday', true),
    ('england-and-wales', '2040-08-27', 'Summer bank holiday', true),
    ('england-and-wales', '2040-12-25', 'Christmas Day', true),
    ('england-and-wales', '2040-12-26', 'Boxing Day', true),
    ('scotland', '1995-01-02', '2nd January', true),
    ('scotland', '1995-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '1995-04-14', 'Good Friday', true),
    ('scotland', '1995-05-08', 'Early May bank holiday (VE day)', true),
    ('scotland', '1995-05-29', 'Spring bank holiday', true),
    ('scotland', '1995-08-07', 'Summer bank holiday', true),
    ('scotland', '1995-12-25', 'Christmas Day', true),
    ('scotland', '1995-12-26', 'Boxing Day', true),
    ('scotland', '1996-01-01', 'New Year''s Day', true),
    ('scotland', '1996-01-02', '2nd January', true),
    ('scotland', '1996-04-05', 'Good Friday', true),
    ('scotland', '1996-05-06', 'Early May bank holiday', true),
    ('scotland', '1996-05-27', 'Spring bank holiday', true),
    ('scotland', '1996-08-05', 'Summer bank holiday', true),
    ('scotland', '1996-12-25', 'Christmas Day', true),
    ('scotland', '1996-12-26', 'Boxing Day', true),
    ('scotland', '1997-01-01', 'New Year''s Day', true),
    ('scotland', '1997-01-02', '2nd January', true),
    ('scotland', '1997-03-28', 'Good Friday', true),
    ('scotland', '1997-05-05', 'Early May bank holiday', true),
    ('scotland', '1997-05-26', 'Spring bank holiday', true),
    ('scotland', '1997-08-04', 'Summer bank holiday', true),
    ('scotland', '1997-12-25', 'Christmas Day', true),
    ('scotland', '1997-12-26', 'Boxing Day', true),
    ('scotland', '1998-01-01', 'New Year''s Day', true),
    ('scotland', '1998-01-02', '2nd January', true),
    ('scotland', '1998-04-10', 'Good Friday', true),
    ('scotland', '1998-05-04', 'Early May bank holiday', true),
    ('scotland', '1998-05-25', 'Spring bank holiday', true),
    ('scotland', '1998-08-03', 'Summer bank holiday', true),
    ('scotland', '1998-12-25', 'Christmas Day', true),
    ('scotland', '1998-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '1999-01-01', 'New Year''s Day', true),
    ('scotland', '1999-01-04', '2nd January (substitute day)', true),
    ('scotland', '1999-04-02', 'Good Friday', true),
    ('scotland', '1999-05-03', 'Early May bank holiday', true),
    ('scotland', '1999-05-31', 'Spring bank holiday', true),
    ('scotland', '1999-08-02', 'Summer bank holiday', true),
    ('scotland', '1999-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '1999-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '1999-12-31', 'Millennium celebrations', true),
    ('scotland', '2000-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2000-01-04', '2nd January (substitute day)', true),
    ('scotland', '2000-04-21', 'Good Friday', true),
    ('scotland', '2000-05-01', 'Early May bank holiday', true),
    ('scotland', '2000-05-29', 'Spring bank holiday', true),
    ('scotland', '2000-08-07', 'Summer bank holiday', true),
    ('scotland', '2000-12-25', 'Christmas Day', true),
    ('scotland', '2000-12-26', 'Boxing Day', true),
    ('scotland', '2001-01-01', 'New Year''s Day', true),
    ('scotland', '2001-01-02', '2nd January', true),
    ('scotland', '2001-04-13', 'Good Friday', true),
    ('scotland', '2001-05-07', 'Early May bank holiday', true),
    ('scotland', '2001-05-28', 'Spring bank holiday', true),
    ('scotland', '2001-08-06', 'Summer bank holiday', true),
    ('scotland', '2001-12-25', 'Christmas Day', true),
    ('scotland', '2001-12-26', 'Boxing Day', true),
    ('scotland', '2002-01-01', 'New Year''s Day', true),
    ('scotland', '2002-01-02', '2nd January', true),
    ('scotland', '2002-03-29', 'Good Friday', true),
    ('scotland', '2002-05-06', 'Early May bank holiday', true),
    ('scotland', '2002-06-03', 'Golden Jubilee bank holiday', true),
    ('scotland', '2002-06-04', 'Spring bank holiday', true),
    ('scotland', '2002-08-05', 'Summer bank holiday', true),
    ('scotland', '2002-12-25', 'Christmas Day', true),
    ('scotland', '2002-12-26', 'Boxing Day', true),
    ('scotland', '2003-01-01', 'New Year''s Day', true),
    ('scotland', '2003-01-02', '2nd January', true),
    ('scotland', '2003-04-18', 'Good Friday', true),
    ('scotland', '2003-05-05', 'Early May bank holiday', true),
    ('scotland', '2003-05-26', 'Spring bank holiday', true),
    ('scotland', '2003-08-04', 'Summer bank holiday', true),
    ('scotland', '2003-12-25', 'Christmas Day', true),
    ('scotland', '2003-12-26', 'Boxing Day', true),
    ('scotland', '2004-01-01', 'New Year''s Day', true),
    ('scotland', '2004-01-02', '2nd January', true),
    ('scotland', '2004-04-09', 'Good Friday', true),
    ('scotland', '2004-05-03', 'Early May bank holiday', true),
    ('scotland', '2004-05-31', 'Spring bank holiday', true),
    ('scotland', '2004-08-02', 'Summer bank holiday', true),
    ('scotland', '2004-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2004-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2005-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2005-01-04', '2nd January (substitute day)', true),
    ('scotland', '2005-03-25', 'Good Friday', true),
    ('scotland', '2005-05-02', 'Early May bank holiday', true),
    ('scotland', '2005-05-30', 'Spring bank holiday', true),
    ('scotland', '2005-08-01', 'Summer bank holiday', true),
    ('scotland', '2005-12-26', 'Boxing Day', true),
    ('scotland', '2005-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2006-01-02', '2nd January', true),
    ('scotland', '2006-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2006-04-14', 'Good Friday', true),
    ('scotland', '2006-05-01', 'Early May bank holiday', true),
    ('scotland', '2006-05-29', 'Spring bank holiday', true),
    ('scotland', '2006-08-07', 'Summer bank holiday', true),
    ('scotland', '2006-12-25', 'Christmas Day', true),
    ('scotland', '2006-12-26', 'Boxing Day', true),
    ('scotland', '2007-01-01', 'New Year''s Day', true),
    ('scotland', '2007-01-02', '2nd January', true),
    ('scotland', '2007-04-06', 'Good Friday', true),
    ('scotland', '2007-05-07', 'Early May bank holiday', true),
    ('scotland', '2007-05-28', 'Spring bank holiday', true),
    ('scotland', '2007-08-06', 'Summer bank holiday', true),
    ('scotland', '2007-11-30', 'St Andrew''s Day', true),
    ('scotland', '2007-12-25', 'Christmas Day', true),
    ('scotland', '2007-12-26', 'Boxing Day', true),
    ('scotland', '2008-01-01', 'New Year''s Day', true),
    ('scotland', '2008-01-02', '2nd January', true),
    ('scotland', '2008-03-21', 'Good Friday', true),
    ('scotland', '2008-05-05', 'Early May bank holiday', true),
    ('scotland', '2008-05-26', 'Spring bank holiday', true),
    ('scotland', '2008-08-04', 'Summer bank holiday', true),
    ('scotland', '2008-12-01', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2008-12-25', 'Christmas Day', true),
    ('scotland', '2008-12-26', 'Boxing Day', true),
    ('scotland', '2009-01-01', 'New Year''s Day', true),
    ('scotland', '2009-01-02', '2nd January', true),
    ('scotland', '2009-04-10', 'Good Friday', true),
    ('scotland', '2009-05-04', 'Early May bank holiday', true),
    ('scotland', '2009-05-25', 'Spring bank holiday', true),
    ('scotland', '2009-08-03', 'Summer bank holiday', true),
    ('scotland', '2009-11-30', 'St Andrew''s Day', true),
    ('scotland', '2009-12-25', 'Christmas Day', true),
    ('scotland', '2009-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2010-01-01', 'New Year''s Day', true),
    ('scotland', '2010-01-04', '2nd January (substitute day)', true),
    ('scotland', '2010-04-02', 'Good Friday', true),
    ('scotland', '2010-05-03', 'Early May bank holiday', true),
    ('scotland', '2010-05-31', 'Spring bank holiday', true),
    ('scotland', '2010-08-02', 'Summer bank holiday', true),
    ('scotland', '2010-11-30', 'St Andrew''s Day', true),
    ('scotland', '2010-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2010-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2011-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2011-01-04', '2nd January (substitute day)', true),
    ('scotland', '2011-04-22', 'Good Friday', true),
    ('scotland', '2011-04-29', 'Royal wedding', true),
    ('scotland', '2011-05-02', 'Early May bank holiday', true),
    ('scotland', '2011-05-30', 'Spring bank holiday', true),
    ('scotland', '2011-08-01', 'Summer bank holiday', true),
    ('scotland', '2011-11-30', 'St Andrew''s Day', true),
    ('scotland', '2011-12-26', 'Boxing Day', true),
    ('scotland', '2011-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2012-01-02', '2nd January', true),
    ('scotland', '2012-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2012-04-06', 'Good Friday', true),
    ('scotland', '2012-05-07', 'Early May bank holiday', true),
    ('scotland', '2012-06-04', 'Spring bank holiday', true),
    ('scotland', '2012-06-05', 'Diamond Jubilee bank holiday', true),
    ('scotland', '2012-08-06', 'Summer bank holiday', true),
    ('scotland', '2012-11-30', 'St Andrew''s Day', true),
    ('scotland', '2012-12-25', 'Christmas Day', true),
    ('scotland', '2012-12-26', 'Boxing Day', true),
    ('scotland', '2013-01-01', 'New Year''s Day', true),
    ('scotland', '2013-01-02', '2nd January', true),
    ('scotland', '2013-03-29', 'Good Friday', true),
    ('scotland', '2013-05-06', 'Early May bank holiday', true),
    ('scotland', '2013-05-27', 'Spring bank holiday', true),
    ('scotland', '2013-08-05', 'Summer bank holiday', true),
    ('scotland', '2013-12-02', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2013-12-25', 'Christmas Day', true),
    ('scotland', '2013-12-26', 'Boxing Day', true),
    ('scotland', '2014-01-01', 'New Year''s Day', true),
    ('scotland', '2014-01-02', '2nd January', true),
    ('scotland', '2014-04-18', 'Good Friday', true),
    ('scotland', '2014-05-05', 'Early May bank holiday', true),
    ('scotland', '2014-05-26', 'Spring bank holiday', true),
    ('scotland', '2014-08-04', 'Summer bank holiday', true),
    ('scotland', '2014-12-01', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2014-12-25', 'Christmas Day', true),
    ('scotland', '2014-12-26', 'Boxing Day', true),
    ('scotland', '2015-01-01', 'New Year''s Day', true),
    ('scotland', '2015-01-02', '2nd January', true),
    ('scotland', '2015-04-03', 'Good Friday', true),
    ('scotland', '2015-05-04', 'Early May bank holiday', true),
    ('scotland', '2015-05-25', 'Spring bank holiday', true),
    ('scotland', '2015-08-03', 'Summer bank holiday', true),
    ('scotland', '2015-11-30', 'St Andrew''s Day', true),
    ('scotland', '2015-12-25', 'Christmas Day', true),
    ('scotland', '2015-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2016-01-01', 'New Year''s Day', true),
    ('scotland', '2016-01-04', '2nd January (substitute day)', true),
    ('scotland', '2016-03-25', 'Good Friday', true),
    ('scotland', '2016-05-02', 'Early May bank holiday', true),
    ('scotland', '2016-05-30', 'Spring bank holiday', true),
    ('scotland', '2016-08-01', 'Summer bank holiday', true),
    ('scotland', '2016-11-30', 'St Andrew''s Day', true),
    ('scotland', '2016-12-26', 'Boxing Day', true),
    ('scotland', '2016-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2017-01-02', '2nd January', true),
    ('scotland', '2017-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2017-04-14', 'Good Friday', true),
    ('scotland', '2017-05-01', 'Early May bank holiday', true),
    ('scotland', '2017-05-29', 'Spring bank holiday', true),
    ('scotland', '2017-08-07', 'Summer bank holiday', true),
    ('scotland', '2017-11-30', 'St Andrew''s Day', true),
    ('scotland', '2017-12-25', 'Christmas Day', true),
    ('scotland', '2017-12-26', 'Boxing Day', true),
    ('scotland', '2018-01-01', 'New Year''s Day', true),
    ('scotland', '2018-01-02', '2nd January', true),
    ('scotland', '2018-03-30', 'Good Friday', true),
    ('scotland', '2018-05-07', 'Early May bank holiday', true),
    ('scotland', '2018-05-28', 'Spring bank holiday', true),
    ('scotland', '2018-08-06', 'Summer bank holiday', true),
    ('scotland', '2018-11-30', 'St Andrew''s Day', true),
    ('scotland', '2018-12-25', 'Christmas Day', true),
    ('scotland', '2018-12-26', 'Boxing Day', true),
    ('scotland', '2019-01-01', 'New Year''s Day', true),
    ('scotland', '2019-01-02', '2nd January', true),
    ('scotland', '2019-04-19', 'Good Friday', true),
    ('scotland', '2019-05-06', 'Early May bank holiday', true),
    ('scotland', '2019-05-27', 'Spring bank holiday', true),
    ('scotland', '2019-08-05', 'Summer bank holiday', true),
    ('scotland', '2019-12-02', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2019-12-25', 'Christmas Day', true),
    ('scotland', '2019-12-26', 'Boxing Day', true),
    ('scotland', '2020-01-01', 'New Year''s Day', true),
    ('scotland', '2020-01-02', '2nd January', true),
    ('scotland', '2020-04-10', 'Good Friday', true),
    ('scotland', '2020-05-08', 'Early May bank holiday (VE day)', true),
    ('scotland', '2020-05-25', 'Spring bank holiday', true),
    ('scotland', '2020-08-03', 'Summer bank holiday', true),
    ('scotland', '2020-11-30', 'St Andrew''s Day', true),
    ('scotland', '2020-12-25', 'Christmas Day', true),
    ('scotland', '2020-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2021-01-01', 'New Year''s Day', true),
    ('scotland', '2021-01-04', '2nd January (substitute day)', true),
    ('scotland', '2021-04-02', 'Good Friday', true),
    ('scotland', '2021-05-03', 'Early May bank holiday', true),
    ('scotland', '2021-05-31', 'Spring bank holiday', true),
    ('scotland', '2021-08-02', 'Summer bank holiday', true),
    ('scotland', '2021-11-30', 'St Andrew''s Day', true),
    ('scotland', '2021-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2021-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2022-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2022-01-04', '2nd January (substitute day)', true),
    ('scotland', '2022-04-15', 'Good Friday', true),
    ('scotland', '2022-05-02', 'Early May bank holiday', true),
    ('scotland', '2022-06-02', 'Spring bank holiday', true),
    ('scotland', '2022-06-03', 'Platinum Jubilee bank holiday', true),
    ('scotland', '2022-08-01', 'Summer bank holiday', true),
    ('scotland', '2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', true),
    ('scotland', '2022-11-30', 'St Andrew''s Day', true),
    ('scotland', '2022-12-26', 'Boxing Day', true),
    ('scotland', '2022-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2023-01-02', '2nd January', true),
    ('scotland', '2023-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2023-04-07', 'Good Friday', true),
    ('scotland', '2023-05-01', 'Early May bank holiday', true),
    ('scotland', '2023-05-08', 'Bank holiday for the coronation of King Charles III', true),
    ('scotland', '2023-05-29', 'Spring bank holiday', true),
    ('scotland', '2023-08-07', 'Summer bank holiday', true),
    ('scotland', '2023-11-30', 'St Andrew''s Day', true),
    ('scotland', '2023-12-25', 'Christmas Day', true),
    ('scotland', '2023-12-26', 'Boxing Day', true),
    ('scotland', '2024-01-01', 'New Year''s Day', true),
    ('scotland', '2024-01-02', '2nd January', true),
    ('scotland', '2024-03-29', 'Good Friday', true),
    ('scotland', '2024-05-06', 'Early May bank holiday', true),
    ('scotland', '2024-05-27', 'Spring bank holiday', true),
    ('scotland', '2024-08-05', 'Summer bank holiday', true),
    ('scotland', '2024-12-02', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2024-12-25', 'Christmas Day', true),
    ('scotland', '2024-12-26', 'Boxing Day', true),
    ('scotland', '2025-01-01', 'New Year''s Day', true),
    ('scotland', '2025-01-02', '2nd January', true),
    ('scotland', '2025-04-18', 'Good Friday', true),
    ('scotland', '2025-05-05', 'Early May bank holiday', true),
    ('scotland', '2025-05-26', 'Spring bank holiday', true),
    ('scotland', '2025-08-04', 'Summer bank holiday', true),
    ('scotland', '2025-12-01', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2025-12-25', 'Christmas Day', true),
    ('scotland', '2025-12-26', 'Boxing Day', true),
    ('scotland', '2026-01-01', 'New Year''s Day', true),
    ('scotland', '2026-01-02', '2nd January', true),
    ('scotland', '2026-04-03', 'Good Friday', true),
    ('scotland', '2026-05-04', 'Early May bank holiday', true),
    ('scotland', '2026-05-25', 'Spring bank holiday', true),
    ('scotland', '2026-08-03', 'Summer bank holiday', true),
    ('scotland', '2026-11-30', 'St Andrew''s Day', true),
    ('scotland', '2026-12-25', 'Christmas Day', true),
    ('scotland', '2026-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2027-01-01', 'New Year''s Day', true),
    ('scotland', '2027-01-04', '2nd January (substitute day)', true),
    ('scotland', '2027-03-26', 'Good Friday', true),
    ('scotland', '2027-05-03', 'Early May bank holiday', true),
    ('scotland', '2027-05-31', 'Spring bank holiday', true),
    ('scotland', '2027-08-02', 'Summer bank holiday', true),
    ('scotland', '2027-11-30', 'St Andrew''s Day', true),
    ('scotland', '2027-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2027-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2028-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2028-01-04', '2nd January (substitute day)', true),
    ('scotland', '2028-04-14', 'Good Friday', true),
    ('scotland', '2028-05-01', 'Early May bank holiday', true),
    ('scotland', '2028-05-29', 'Spring bank holiday', true),
    ('scotland', '2028-08-07', 'Summer bank holiday', true),
    ('scotland', '2028-11-30', 'St Andrew''s Day', true),
    ('scotland', '2028-12-25', 'Christmas Day', true),
    ('scotland', '2028-12-26', 'Boxing Day', true),
    ('scotland', '2029-01-01', 'New Year''s Day', true),
    ('scotland', '2029-01-02', '2nd January', true),
    ('scotland', '2029-03-30', 'Good Friday', true),
    ('scotland', '2029-05-07', 'Early May bank holiday', true),
    ('scotland', '2029-05-28', 'Spring bank holiday', true),
    ('scotland', '2029-08-06', 'Summer bank holiday', true),
    ('scotland', '2029-11-30', 'St Andrew''s Day', true),
    ('scotland', '2029-12-25', 'Christmas Day', true),
    ('scotland', '2029-12-26', 'Boxing Day', true),
    ('scotland', '2030-01-01', 'New Year''s Day', true),
    ('scotland', '2030-01-02', '2nd January', true),
    ('scotland', '2030-04-19', 'Good Friday', true),
    ('scotland', '2030-05-06', 'Early May bank holiday', true),
    ('scotland', '2030-05-27', 'Spring bank holiday', true),
    ('scotland', '2030-08-05', 'Summer bank holiday', true),
    ('scotland', '2030-12-02', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2030-12-25', 'Christmas Day', true),
    ('scotland', '2030-12-26', 'Boxing Day', true),
    ('scotland', '2031-01-01', 'New Year''s Day', true),
    ('scotland', '2031-01-02', '2nd January', true),
    ('scotland', '2031-04-11', 'Good Friday', true),
    ('scotland', '2031-05-05', 'Early May bank holiday', true),
    ('scotland', '2031-05-26', 'Spring bank holiday', true),
    ('scotland', '2031-08-04', 'Summer bank holiday', true),
    ('scotland', '2031-12-01', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2031-12-25', 'Christmas Day', true),
    ('scotland', '2031-12-26', 'Boxing Day', true),
    ('scotland', '2032-01-01', 'New Year''s Day', true),
    ('scotland', '2032-01-02', '2nd January', true),
    ('scotland', '2032-03-26', 'Good Friday', true),
    ('scotland', '2032-05-03', 'Early May bank holiday', true),
    ('scotland', '2032-05-31', 'Spring bank holiday', true),
    ('scotland', '2032-08-02', 'Summer bank holiday', true),
    ('scotland', '2032-11-30', 'St Andrew''s Day', true),
    ('scotland', '2032-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2032-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2033-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2033-01-04', '2nd January (substitute day)', true),
    ('scotland', '2033-04-15', 'Good Friday', true),
    ('scotland', '2033-05-02', 'Early May bank holiday', true),
    ('scotland', '2033-05-30', 'Spring bank holiday', true),
    ('scotland', '2033-08-01', 'Summer bank holiday', true),
    ('scotland', '2033-11-30', 'St Andrew''s Day', true),
    ('scotland', '2033-12-26', 'Boxing Day', true),
    ('scotland', '2033-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2034-01-02', '2nd January', true),
    ('scotland', '2034-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2034-04-07', 'Good Friday', true),
    ('scotland', '2034-05-01', 'Early May bank holiday', true),
    ('scotland', '2034-05-29', 'Spring bank holiday', true),
    ('scotland', '2034-08-07', 'Summer bank holiday', true),
    ('scotland', '2034-11-30', 'St Andrew''s Day', true),
    ('scotland', '2034-12-25', 'Christmas Day', true),
    ('scotland', '2034-12-26', 'Boxing Day', true),
    ('scotland', '2035-01-01', 'New Year''s Day', true),
    ('scotland', '2035-01-02', '2nd January', true),
    ('scotland', '2035-03-23', 'Good Friday', true),
    ('scotland', '2035-05-07', 'Early May bank holiday', true),
    ('scotland', '2035-05-28', 'Spring bank holiday', true),
    ('scotland', '2035-08-06', 'Summer bank holiday', true),
    ('scotland', '2035-11-30', 'St Andrew''s Day', true),
    ('scotland', '2035-12-25', 'Christmas Day', true),
    ('scotland', '2035-12-26', 'Boxing Day', true),
    ('scotland', '2036-01-01', 'New Year''s Day', true),
    ('scotland', '2036-01-02', '2nd January', true),
    ('scotland', '2036-04-11', 'Good Friday', true),
    ('scotland', '2036-05-05', 'Early May bank holiday', true),
    ('scotland', '2036-05-26', 'Spring bank holiday', true),
    ('scotland', '2036-08-04', 'Summer bank holiday', true),
    ('scotland', '2036-12-01', 'St Andrew''s Day (substitute day)', true),
    ('scotland', '2036-12-25', 'Christmas Day', true),
    ('scotland', '2036-12-26', 'Boxing Day', true),
    ('scotland', '2037-01-01', 'New Year''s Day', true),
    ('scotland', '2037-01-02', '2nd January', true),
    ('scotland', '2037-04-03', 'Good Friday', true),
    ('scotland', '2037-05-04', 'Early May bank holiday', true),
    ('scotland', '2037-05-25', 'Spring bank holiday', true),
    ('scotland', '2037-08-03', 'Summer bank holiday', true),
    ('scotland', '2037-11-30', 'St Andrew''s Day', true),
    ('scotland', '2037-12-25', 'Christmas Day', true),
    ('scotland', '2037-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2038-01-01', 'New Year''s Day', true),
    ('scotland', '2038-01-04', '2nd January (substitute day)', true),
    ('scotland', '2038-04-23', 'Good Friday', true),
    ('scotland', '2038-05-03', 'Early May bank holiday', true),
    ('scotland', '2038-05-31', 'Spring bank holiday', true),
    ('scotland', '2038-08-02', 'Summer bank holiday', true),
    ('scotland', '2038-11-30', 'St Andrew''s Day', true),
    ('scotland', '2038-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2038-12-28', 'Boxing Day (substitute day)', true),
    ('scotland', '2039-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2039-01-04', '2nd January (substitute day)', true),
    ('scotland', '2039-04-08', 'Good Friday', true),
    ('scotland', '2039-05-02', 'Early May bank holiday', true),
    ('scotland', '2039-05-30', 'Spring bank holiday', true),
    ('scotland', '2039-08-01', 'Summer bank holiday', true),
    ('scotland', '2039-11-30', 'St Andrew''s Day', true),
    ('scotland', '2039-12-26', 'Boxing Day', true),
    ('scotland', '2039-12-27', 'Christmas Day (substitute day)', true),
    ('scotland', '2040-01-02', '2nd January', true),
    ('scotland', '2040-01-03', 'New Year''s Day (substitute day)', true),
    ('scotland', '2040-03-30', 'Good Friday', true),
    ('scotland', '2040-05-07', 'Early May bank holiday', true),
    ('scotland', '2040-05-28', 'Spring bank holiday', true),
    ('scotland', '2040-08-06', 'Summer bank holiday', true),
    ('scotland', '2040-11-30', 'St Andrew''s Day', true),
    ('scotland', '2040-12-25', 'Christmas Day', true),
    ('scotland', '2040-12-26', 'Boxing Day', true),
    ('northern-ireland', '1995-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '1995-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '1995-04-14', 'Good Friday', true),
    ('northern-ireland', '1995-04-17', 'Easter Monday', true),
    ('northern-ireland', '1995-05-08', 'Early May bank holiday (VE day)', true),
    ('northern-ireland', '1995-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '1995-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '1995-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '1995-12-25', 'Christmas Day', true),
    ('northern-ireland', '1995-12-26', 'Boxing Day', true),
    ('northern-ireland', '1996-01-01', 'New Year''s Day', true),
    ('northern-ireland', '1996-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '1996-04-05', 'Good Friday', true),
    ('northern-ireland', '1996-04-08', 'Easter Monday', true),
    ('northern-ireland', '1996-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '1996-05-27', 'Spring bank holiday', true),
    ('northern-ireland', '1996-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '1996-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '1996-12-25', 'Christmas Day', true),
    ('northern-ireland', '1996-12-26', 'Boxing Day', true),
    ('northern-ireland', '1997-01-01', 'New Year''s Day', true),
    ('northern-ireland', '1997-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '1997-03-28', 'Good Friday', true),
    ('northern-ireland', '1997-03-31', 'Easter Monday', true),
    ('northern-ireland', '1997-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '1997-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '1997-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '1997-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '1997-12-25', 'Christmas Day', true),
    ('northern-ireland', '1997-12-26', 'Boxing Day', true),
    ('northern-ireland', '1998-01-01', 'New Year''s Day', true),
    ('northern-ireland', '1998-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '1998-04-10', 'Good Friday', true),
    ('northern-ireland', '1998-04-13', 'Easter Monday', true),
    ('northern-ireland', '1998-05-04', 'Early May bank holiday', true),
    ('northern-ireland', '1998-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '1998-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '1998-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '1998-12-25', 'Christmas Day', true),
    ('northern-ireland', '1998-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '1999-01-01', 'New Year''s Day', true),
    ('northern-ireland', '1999-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '1999-04-02', 'Good Friday', true),
    ('northern-ireland', '1999-04-05', 'Easter Monday', true),
    ('northern-ireland', '1999-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '1999-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '1999-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '1999-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '1999-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '1999-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '1999-12-31', 'Millennium celebrations', true),
    ('northern-ireland', '2000-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2000-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2000-04-21', 'Good Friday', true),
    ('northern-ireland', '2000-04-24', 'Easter Monday', true),
    ('northern-ireland', '2000-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2000-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2000-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2000-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2000-12-25', 'Christmas Day', true),
    ('northern-ireland', '2000-12-26', 'Boxing Day', true),
    ('northern-ireland', '2001-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2001-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2001-04-13', 'Good Friday', true),
    ('northern-ireland', '2001-04-16', 'Easter Monday', true),
    ('northern-ireland', '2001-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2001-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2001-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2001-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2001-12-25', 'Christmas Day', true),
    ('northern-ireland', '2001-12-26', 'Boxing Day', true),
    ('northern-ireland', '2002-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2002-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2002-03-29', 'Good Friday', true),
    ('northern-ireland', '2002-04-01', 'Easter Monday', true),
    ('northern-ireland', '2002-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '2002-06-03', 'Golden Jubilee bank holiday', true),
    ('northern-ireland', '2002-06-04', 'Spring bank holiday', true),
    ('northern-ireland', '2002-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2002-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '2002-12-25', 'Christmas Day', true),
    ('northern-ireland', '2002-12-26', 'Boxing Day', true),
    ('northern-ireland', '2003-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2003-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2003-04-18', 'Good Friday', true),
    ('northern-ireland', '2003-04-21', 'Easter Monday', true),
    ('northern-ireland', '2003-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2003-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2003-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2003-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2003-12-25', 'Christmas Day', true),
    ('northern-ireland', '2003-12-26', 'Boxing Day', true),
    ('northern-ireland', '2004-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2004-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2004-04-09', 'Good Friday', true),
    ('northern-ireland', '2004-04-12', 'Easter Monday', true),
    ('northern-ireland', '2004-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2004-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2004-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2004-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2004-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2004-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2005-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2005-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2005-03-25', 'Good Friday', true),
    ('northern-ireland', '2005-03-28', 'Easter Monday', true),
    ('northern-ireland', '2005-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2005-05-30', 'Spring bank holiday', true),
    ('northern-ireland', '2005-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2005-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2005-12-26', 'Boxing Day', true),
    ('northern-ireland', '2005-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2006-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2006-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2006-04-14', 'Good Friday', true),
    ('northern-ireland', '2006-04-17', 'Easter Monday', true),
    ('northern-ireland', '2006-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2006-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2006-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2006-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2006-12-25', 'Christmas Day', true),
    ('northern-ireland', '2006-12-26', 'Boxing Day', true),
    ('northern-ireland', '2007-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2007-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2007-04-06', 'Good Friday', true),
    ('northern-ireland', '2007-04-09', 'Easter Monday', true),
    ('northern-ireland', '2007-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2007-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2007-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2007-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2007-12-25', 'Christmas Day', true),
    ('northern-ireland', '2007-12-26', 'Boxing Day', true),
    ('northern-ireland', '2008-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2008-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2008-03-21', 'Good Friday', true),
    ('northern-ireland', '2008-03-24', 'Easter Monday', true),
    ('northern-ireland', '2008-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2008-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2008-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2008-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2008-12-25', 'Christmas Day', true),
    ('northern-ireland', '2008-12-26', 'Boxing Day', true),
    ('northern-ireland', '2009-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2009-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2009-04-10', 'Good Friday', true),
    ('northern-ireland', '2009-04-13', 'Easter Monday', true),
    ('northern-ireland', '2009-05-04', 'Early May bank holiday', true),
    ('northern-ireland', '2009-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '2009-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2009-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '2009-12-25', 'Christmas Day', true),
    ('northern-ireland', '2009-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2010-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2010-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2010-04-02', 'Good Friday', true),
    ('northern-ireland', '2010-04-05', 'Easter Monday', true),
    ('northern-ireland', '2010-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2010-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2010-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2010-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2010-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2010-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2011-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2011-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2011-04-22', 'Good Friday', true),
    ('northern-ireland', '2011-04-25', 'Easter Monday', true),
    ('northern-ireland', '2011-04-29', 'Royal wedding', true),
    ('northern-ireland', '2011-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2011-05-30', 'Spring bank holiday', true),
    ('northern-ireland', '2011-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2011-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2011-12-26', 'Boxing Day', true),
    ('northern-ireland', '2011-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2012-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2012-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2012-04-06', 'Good Friday', true),
    ('northern-ireland', '2012-04-09', 'Easter Monday', true),
    ('northern-ireland', '2012-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2012-06-04', 'Spring bank holiday', true),
    ('northern-ireland', '2012-06-05', 'Diamond Jubilee bank holiday', true),
    ('northern-ireland', '2012-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2012-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2012-12-25', 'Christmas Day', true),
    ('northern-ireland', '2012-12-26', 'Boxing Day', true),
    ('northern-ireland', '2013-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2013-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2013-03-29', 'Good Friday', true),
    ('northern-ireland', '2013-04-01', 'Easter Monday', true),
    ('northern-ireland', '2013-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '2013-05-27', 'Spring bank holiday', true),
    ('northern-ireland', '2013-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2013-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '2013-12-25', 'Christmas Day', true),
    ('northern-ireland', '2013-12-26', 'Boxing Day', true),
    ('northern-ireland', '2014-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2014-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2014-04-18', 'Good Friday', true),
    ('northern-ireland', '2014-04-21', 'Easter Monday', true),
    ('northern-ireland', '2014-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2014-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2014-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2014-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2014-12-25', 'Christmas Day', true),
    ('northern-ireland', '2014-12-26', 'Boxing Day', true),
    ('northern-ireland', '2015-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2015-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2015-04-03', 'Good Friday', true),
    ('northern-ireland', '2015-04-06', 'Easter Monday', true),
    ('northern-ireland', '2015-05-04', 'Early May bank holiday', true),
    ('northern-ireland', '2015-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '2015-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2015-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '2015-12-25', 'Christmas Day', true),
    ('northern-ireland', '2015-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2016-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2016-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2016-03-25', 'Good Friday', true),
    ('northern-ireland', '2016-03-28', 'Easter Monday', true),
    ('northern-ireland', '2016-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2016-05-30', 'Spring bank holiday', true),
    ('northern-ireland', '2016-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2016-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2016-12-26', 'Boxing Day', true),
    ('northern-ireland', '2016-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2017-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2017-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2017-04-14', 'Good Friday', true),
    ('northern-ireland', '2017-04-17', 'Easter Monday', true),
    ('northern-ireland', '2017-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2017-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2017-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2017-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2017-12-25', 'Christmas Day', true),
    ('northern-ireland', '2017-12-26', 'Boxing Day', true),
    ('northern-ireland', '2018-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2018-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2018-03-30', 'Good Friday', true),
    ('northern-ireland', '2018-04-02', 'Easter Monday', true),
    ('northern-ireland', '2018-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2018-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2018-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2018-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2018-12-25', 'Christmas Day', true),
    ('northern-ireland', '2018-12-26', 'Boxing Day', true),
    ('northern-ireland', '2019-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2019-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2019-04-19', 'Good Friday', true),
    ('northern-ireland', '2019-04-22', 'Easter Monday', true),
    ('northern-ireland', '2019-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '2019-05-27', 'Spring bank holiday', true),
    ('northern-ireland', '2019-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2019-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '2019-12-25', 'Christmas Day', true),
    ('northern-ireland', '2019-12-26', 'Boxing Day', true),
    ('northern-ireland', '2020-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2020-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2020-04-10', 'Good Friday', true),
    ('northern-ireland', '2020-04-13', 'Easter Monday', true),
    ('northern-ireland', '2020-05-08', 'Early May bank holiday (VE day)', true),
    ('northern-ireland', '2020-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '2020-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2020-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '2020-12-25', 'Christmas Day', true),
    ('northern-ireland', '2020-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2021-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2021-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2021-04-02', 'Good Friday', true),
    ('northern-ireland', '2021-04-05', 'Easter Monday', true),
    ('northern-ireland', '2021-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2021-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2021-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2021-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2021-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2021-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2022-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2022-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2022-04-15', 'Good Friday', true),
    ('northern-ireland', '2022-04-18', 'Easter Monday', true),
    ('northern-ireland', '2022-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2022-06-02', 'Spring bank holiday', true),
    ('northern-ireland', '2022-06-03', 'Platinum Jubilee bank holiday', true),
    ('northern-ireland', '2022-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2022-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', true),
    ('northern-ireland', '2022-12-26', 'Boxing Day', true),
    ('northern-ireland', '2022-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2023-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2023-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2023-04-07', 'Good Friday', true),
    ('northern-ireland', '2023-04-10', 'Easter Monday', true),
    ('northern-ireland', '2023-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2023-05-08', 'Bank holiday for the coronation of King Charles III', true),
    ('northern-ireland', '2023-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2023-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2023-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2023-12-25', 'Christmas Day', true),
    ('northern-ireland', '2023-12-26', 'Boxing Day', true),
    ('northern-ireland', '2024-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2024-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2024-03-29', 'Good Friday', true),
    ('northern-ireland', '2024-04-01', 'Easter Monday', true),
    ('northern-ireland', '2024-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '2024-05-27', 'Spring bank holiday', true),
    ('northern-ireland', '2024-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2024-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '2024-12-25', 'Christmas Day', true),
    ('northern-ireland', '2024-12-26', 'Boxing Day', true),
    ('northern-ireland', '2025-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2025-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2025-04-18', 'Good Friday', true),
    ('northern-ireland', '2025-04-21', 'Easter Monday', true),
    ('northern-ireland', '2025-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2025-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2025-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2025-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2025-12-25', 'Christmas Day', true),
    ('northern-ireland', '2025-12-26', 'Boxing Day', true),
    ('northern-ireland', '2026-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2026-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2026-04-03', 'Good Friday', true),
    ('northern-ireland', '2026-04-06', 'Easter Monday', true),
    ('northern-ireland', '2026-05-04', 'Early May bank holiday', true),
    ('northern-ireland', '2026-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '2026-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2026-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '2026-12-25', 'Christmas Day', true),
    ('northern-ireland', '2026-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2027-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2027-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2027-03-26', 'Good Friday', true),
    ('northern-ireland', '2027-03-29', 'Easter Monday', true),
    ('northern-ireland', '2027-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2027-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2027-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2027-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2027-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2027-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2028-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2028-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2028-04-14', 'Good Friday', true),
    ('northern-ireland', '2028-04-17', 'Easter Monday', true),
    ('northern-ireland', '2028-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2028-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2028-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2028-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2028-12-25', 'Christmas Day', true),
    ('northern-ireland', '2028-12-26', 'Boxing Day', true),
    ('northern-ireland', '2029-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2029-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2029-03-30', 'Good Friday', true),
    ('northern-ireland', '2029-04-02', 'Easter Monday', true),
    ('northern-ireland', '2029-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2029-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2029-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2029-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2029-12-25', 'Christmas Day', true),
    ('northern-ireland', '2029-12-26', 'Boxing Day', true),
    ('northern-ireland', '2030-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2030-03-18', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2030-04-19', 'Good Friday', true),
    ('northern-ireland', '2030-04-22', 'Easter Monday', true),
    ('northern-ireland', '2030-05-06', 'Early May bank holiday', true),
    ('northern-ireland', '2030-05-27', 'Spring bank holiday', true),
    ('northern-ireland', '2030-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2030-08-26', 'Summer bank holiday', true),
    ('northern-ireland', '2030-12-25', 'Christmas Day', true),
    ('northern-ireland', '2030-12-26', 'Boxing Day', true),
    ('northern-ireland', '2031-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2031-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2031-04-11', 'Good Friday', true),
    ('northern-ireland', '2031-04-14', 'Easter Monday', true),
    ('northern-ireland', '2031-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2031-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2031-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2031-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2031-12-25', 'Christmas Day', true),
    ('northern-ireland', '2031-12-26', 'Boxing Day', true),
    ('northern-ireland', '2032-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2032-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2032-03-26', 'Good Friday', true),
    ('northern-ireland', '2032-03-29', 'Easter Monday', true),
    ('northern-ireland', '2032-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2032-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2032-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2032-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2032-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2032-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2033-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2033-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2033-04-15', 'Good Friday', true),
    ('northern-ireland', '2033-04-18', 'Easter Monday', true),
    ('northern-ireland', '2033-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2033-05-30', 'Spring bank holiday', true),
    ('northern-ireland', '2033-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2033-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2033-12-26', 'Boxing Day', true),
    ('northern-ireland', '2033-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2034-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2034-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2034-04-07', 'Good Friday', true),
    ('northern-ireland', '2034-04-10', 'Easter Monday', true),
    ('northern-ireland', '2034-05-01', 'Early May bank holiday', true),
    ('northern-ireland', '2034-05-29', 'Spring bank holiday', true),
    ('northern-ireland', '2034-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2034-08-28', 'Summer bank holiday', true),
    ('northern-ireland', '2034-12-25', 'Christmas Day', true),
    ('northern-ireland', '2034-12-26', 'Boxing Day', true),
    ('northern-ireland', '2035-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2035-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2035-03-23', 'Good Friday', true),
    ('northern-ireland', '2035-03-26', 'Easter Monday', true),
    ('northern-ireland', '2035-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2035-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2035-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2035-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2035-12-25', 'Christmas Day', true),
    ('northern-ireland', '2035-12-26', 'Boxing Day', true),
    ('northern-ireland', '2036-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2036-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2036-04-11', 'Good Friday', true),
    ('northern-ireland', '2036-04-14', 'Easter Monday', true),
    ('northern-ireland', '2036-05-05', 'Early May bank holiday', true),
    ('northern-ireland', '2036-05-26', 'Spring bank holiday', true),
    ('northern-ireland', '2036-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2036-08-25', 'Summer bank holiday', true),
    ('northern-ireland', '2036-12-25', 'Christmas Day', true),
    ('northern-ireland', '2036-12-26', 'Boxing Day', true),
    ('northern-ireland', '2037-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2037-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2037-04-03', 'Good Friday', true),
    ('northern-ireland', '2037-04-06', 'Easter Monday', true),
    ('northern-ireland', '2037-05-04', 'Early May bank holiday', true),
    ('northern-ireland', '2037-05-25', 'Spring bank holiday', true),
    ('northern-ireland', '2037-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day)', true),
    ('northern-ireland', '2037-08-31', 'Summer bank holiday', true),
    ('northern-ireland', '2037-12-25', 'Christmas Day', true),
    ('northern-ireland', '2037-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2038-01-01', 'New Year''s Day', true),
    ('northern-ireland', '2038-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2038-04-23', 'Good Friday', true),
    ('northern-ireland', '2038-04-26', 'Easter Monday', true),
    ('northern-ireland', '2038-05-03', 'Early May bank holiday', true),
    ('northern-ireland', '2038-05-31', 'Spring bank holiday', true),
    ('northern-ireland', '2038-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2038-08-30', 'Summer bank holiday', true),
    ('northern-ireland', '2038-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2038-12-28', 'Boxing Day (substitute day)', true),
    ('northern-ireland', '2039-01-03', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2039-03-17', 'St Patrick''s Day', true),
    ('northern-ireland', '2039-04-08', 'Good Friday', true),
    ('northern-ireland', '2039-04-11', 'Easter Monday', true),
    ('northern-ireland', '2039-05-02', 'Early May bank holiday', true),
    ('northern-ireland', '2039-05-30', 'Spring bank holiday', true),
    ('northern-ireland', '2039-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2039-08-29', 'Summer bank holiday', true),
    ('northern-ireland', '2039-12-26', 'Boxing Day', true),
    ('northern-ireland', '2039-12-27', 'Christmas Day (substitute day)', true),
    ('northern-ireland', '2040-01-02', 'New Year''s Day (substitute day)', true),
    ('northern-ireland', '2040-03-19', 'St Patrick''s Day (substitute day)', true),
    ('northern-ireland', '2040-03-30', 'Good Friday', true),
    ('northern-ireland', '2040-04-02', 'Easter Monday', true),
    ('northern-ireland', '2040-05-07', 'Early May bank holiday', true),
    ('northern-ireland', '2040-05-28', 'Spring bank holiday', true),
    ('northern-ireland', '2040-07-12', 'Battle of the Boyne (Orangemen''s Day)', true),
    ('northern-ireland', '2040-08-27', 'Summer bank holiday', true),
    ('northern-ireland', '2040-12-25', 'Christmas Day', true),
    ('northern-ireland', '2040-12-26', 'Boxing Day', true);

-- Generated by tools/gen_uk_holidays.py --any-uk: a bank holiday in any
-- part of the United Kingdom (the union of the three nations' calendars).
DO $check$ BEGIN
    IF EXISTS (SELECT 1 FROM cspi.calendar WHERE name OPERATOR(pg_catalog.=) 'uk-any') THEN
        RAISE EXCEPTION 'cspi 1.2 ships a calendar named "uk-any", and this database already has one'
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Rename your calendar (UPDATE cspi.calendar SET name = ... WHERE name = ''uk-any''), then update cspi.';
    END IF;
END $check$;
INSERT INTO cspi.calendar (name, weekmask, first_date, last_date, description, shipped) VALUES
    ('uk-any', '1111100', '1995-01-01', '2040-12-31',
     'A bank holiday in any part of the United Kingdom (England and Wales, Scotland or Northern Ireland), Monday to Friday: the working days of the Freedom of Information Act 2000, s.10(6). Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true);
INSERT INTO cspi.holiday (calendar, holiday_date, name, shipped) VALUES
    ('uk-any', '1995-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '1995-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '1995-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '1995-04-14', 'Good Friday', true),
    ('uk-any', '1995-04-17', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1995-05-08', 'Early May bank holiday (VE day)', true),
    ('uk-any', '1995-05-29', 'Spring bank holiday', true),
    ('uk-any', '1995-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '1995-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '1995-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1995-12-25', 'Christmas Day', true),
    ('uk-any', '1995-12-26', 'Boxing Day', true),
    ('uk-any', '1996-01-01', 'New Year''s Day', true),
    ('uk-any', '1996-01-02', '2nd January (Scotland)', true),
    ('uk-any', '1996-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '1996-04-05', 'Good Friday', true),
    ('uk-any', '1996-04-08', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1996-05-06', 'Early May bank holiday', true),
    ('uk-any', '1996-05-27', 'Spring bank holiday', true),
    ('uk-any', '1996-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '1996-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '1996-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1996-12-25', 'Christmas Day', true),
    ('uk-any', '1996-12-26', 'Boxing Day', true),
    ('uk-any', '1997-01-01', 'New Year''s Day', true),
    ('uk-any', '1997-01-02', '2nd January (Scotland)', true),
    ('uk-any', '1997-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '1997-03-28', 'Good Friday', true),
    ('uk-any', '1997-03-31', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1997-05-05', 'Early May bank holiday', true),
    ('uk-any', '1997-05-26', 'Spring bank holiday', true),
    ('uk-any', '1997-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '1997-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '1997-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1997-12-25', 'Christmas Day', true),
    ('uk-any', '1997-12-26', 'Boxing Day', true),
    ('uk-any', '1998-01-01', 'New Year''s Day', true),
    ('uk-any', '1998-01-02', '2nd January (Scotland)', true),
    ('uk-any', '1998-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '1998-04-10', 'Good Friday', true),
    ('uk-any', '1998-04-13', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1998-05-04', 'Early May bank holiday', true),
    ('uk-any', '1998-05-25', 'Spring bank holiday', true),
    ('uk-any', '1998-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '1998-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '1998-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1998-12-25', 'Christmas Day', true),
    ('uk-any', '1998-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '1999-01-01', 'New Year''s Day', true),
    ('uk-any', '1999-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '1999-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '1999-04-02', 'Good Friday', true),
    ('uk-any', '1999-04-05', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1999-05-03', 'Early May bank holiday', true),
    ('uk-any', '1999-05-31', 'Spring bank holiday', true),
    ('uk-any', '1999-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '1999-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '1999-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '1999-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '1999-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '1999-12-31', 'Millennium celebrations', true),
    ('uk-any', '2000-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2000-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2000-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2000-04-21', 'Good Friday', true),
    ('uk-any', '2000-04-24', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2000-05-01', 'Early May bank holiday', true),
    ('uk-any', '2000-05-29', 'Spring bank holiday', true),
    ('uk-any', '2000-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2000-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2000-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2000-12-25', 'Christmas Day', true),
    ('uk-any', '2000-12-26', 'Boxing Day', true),
    ('uk-any', '2001-01-01', 'New Year''s Day', true),
    ('uk-any', '2001-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2001-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2001-04-13', 'Good Friday', true),
    ('uk-any', '2001-04-16', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2001-05-07', 'Early May bank holiday', true),
    ('uk-any', '2001-05-28', 'Spring bank holiday', true),
    ('uk-any', '2001-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2001-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2001-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2001-12-25', 'Christmas Day', true),
    ('uk-any', '2001-12-26', 'Boxing Day', true),
    ('uk-any', '2002-01-01', 'New Year''s Day', true),
    ('uk-any', '2002-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2002-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2002-03-29', 'Good Friday', true),
    ('uk-any', '2002-04-01', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2002-05-06', 'Early May bank holiday', true),
    ('uk-any', '2002-06-03', 'Golden Jubilee bank holiday', true),
    ('uk-any', '2002-06-04', 'Spring bank holiday', true),
    ('uk-any', '2002-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2002-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2002-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2002-12-25', 'Christmas Day', true),
    ('uk-any', '2002-12-26', 'Boxing Day', true),
    ('uk-any', '2003-01-01', 'New Year''s Day', true),
    ('uk-any', '2003-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2003-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2003-04-18', 'Good Friday', true),
    ('uk-any', '2003-04-21', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2003-05-05', 'Early May bank holiday', true),
    ('uk-any', '2003-05-26', 'Spring bank holiday', true),
    ('uk-any', '2003-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2003-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2003-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2003-12-25', 'Christmas Day', true),
    ('uk-any', '2003-12-26', 'Boxing Day', true),
    ('uk-any', '2004-01-01', 'New Year''s Day', true),
    ('uk-any', '2004-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2004-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2004-04-09', 'Good Friday', true),
    ('uk-any', '2004-04-12', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2004-05-03', 'Early May bank holiday', true),
    ('uk-any', '2004-05-31', 'Spring bank holiday', true),
    ('uk-any', '2004-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2004-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2004-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2004-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2004-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2005-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2005-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2005-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2005-03-25', 'Good Friday', true),
    ('uk-any', '2005-03-28', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2005-05-02', 'Early May bank holiday', true),
    ('uk-any', '2005-05-30', 'Spring bank holiday', true),
    ('uk-any', '2005-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2005-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2005-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2005-12-26', 'Boxing Day', true),
    ('uk-any', '2005-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2006-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2006-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2006-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2006-04-14', 'Good Friday', true),
    ('uk-any', '2006-04-17', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2006-05-01', 'Early May bank holiday', true),
    ('uk-any', '2006-05-29', 'Spring bank holiday', true),
    ('uk-any', '2006-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2006-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2006-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2006-12-25', 'Christmas Day', true),
    ('uk-any', '2006-12-26', 'Boxing Day', true),
    ('uk-any', '2007-01-01', 'New Year''s Day', true),
    ('uk-any', '2007-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2007-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2007-04-06', 'Good Friday', true),
    ('uk-any', '2007-04-09', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2007-05-07', 'Early May bank holiday', true),
    ('uk-any', '2007-05-28', 'Spring bank holiday', true),
    ('uk-any', '2007-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2007-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2007-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2007-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2007-12-25', 'Christmas Day', true),
    ('uk-any', '2007-12-26', 'Boxing Day', true),
    ('uk-any', '2008-01-01', 'New Year''s Day', true),
    ('uk-any', '2008-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2008-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2008-03-21', 'Good Friday', true),
    ('uk-any', '2008-03-24', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2008-05-05', 'Early May bank holiday', true),
    ('uk-any', '2008-05-26', 'Spring bank holiday', true),
    ('uk-any', '2008-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2008-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2008-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2008-12-01', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2008-12-25', 'Christmas Day', true),
    ('uk-any', '2008-12-26', 'Boxing Day', true),
    ('uk-any', '2009-01-01', 'New Year''s Day', true),
    ('uk-any', '2009-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2009-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2009-04-10', 'Good Friday', true),
    ('uk-any', '2009-04-13', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2009-05-04', 'Early May bank holiday', true),
    ('uk-any', '2009-05-25', 'Spring bank holiday', true),
    ('uk-any', '2009-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2009-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2009-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2009-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2009-12-25', 'Christmas Day', true),
    ('uk-any', '2009-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2010-01-01', 'New Year''s Day', true),
    ('uk-any', '2010-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2010-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2010-04-02', 'Good Friday', true),
    ('uk-any', '2010-04-05', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2010-05-03', 'Early May bank holiday', true),
    ('uk-any', '2010-05-31', 'Spring bank holiday', true),
    ('uk-any', '2010-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2010-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2010-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2010-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2010-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2010-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2011-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2011-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2011-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2011-04-22', 'Good Friday', true),
    ('uk-any', '2011-04-25', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2011-04-29', 'Royal wedding', true),
    ('uk-any', '2011-05-02', 'Early May bank holiday', true),
    ('uk-any', '2011-05-30', 'Spring bank holiday', true),
    ('uk-any', '2011-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2011-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2011-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2011-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2011-12-26', 'Boxing Day', true),
    ('uk-any', '2011-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2012-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2012-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2012-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2012-04-06', 'Good Friday', true),
    ('uk-any', '2012-04-09', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2012-05-07', 'Early May bank holiday', true),
    ('uk-any', '2012-06-04', 'Spring bank holiday', true),
    ('uk-any', '2012-06-05', 'Diamond Jubilee bank holiday', true),
    ('uk-any', '2012-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2012-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2012-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2012-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2012-12-25', 'Christmas Day', true),
    ('uk-any', '2012-12-26', 'Boxing Day', true),
    ('uk-any', '2013-01-01', 'New Year''s Day', true),
    ('uk-any', '2013-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2013-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2013-03-29', 'Good Friday', true),
    ('uk-any', '2013-04-01', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2013-05-06', 'Early May bank holiday', true),
    ('uk-any', '2013-05-27', 'Spring bank holiday', true),
    ('uk-any', '2013-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2013-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2013-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2013-12-02', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2013-12-25', 'Christmas Day', true),
    ('uk-any', '2013-12-26', 'Boxing Day', true),
    ('uk-any', '2014-01-01', 'New Year''s Day', true),
    ('uk-any', '2014-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2014-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2014-04-18', 'Good Friday', true),
    ('uk-any', '2014-04-21', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2014-05-05', 'Early May bank holiday', true),
    ('uk-any', '2014-05-26', 'Spring bank holiday', true),
    ('uk-any', '2014-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2014-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2014-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2014-12-01', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2014-12-25', 'Christmas Day', true),
    ('uk-any', '2014-12-26', 'Boxing Day', true),
    ('uk-any', '2015-01-01', 'New Year''s Day', true),
    ('uk-any', '2015-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2015-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2015-04-03', 'Good Friday', true),
    ('uk-any', '2015-04-06', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2015-05-04', 'Early May bank holiday', true),
    ('uk-any', '2015-05-25', 'Spring bank holiday', true),
    ('uk-any', '2015-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2015-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2015-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2015-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2015-12-25', 'Christmas Day', true),
    ('uk-any', '2015-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2016-01-01', 'New Year''s Day', true),
    ('uk-any', '2016-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2016-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2016-03-25', 'Good Friday', true),
    ('uk-any', '2016-03-28', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2016-05-02', 'Early May bank holiday', true),
    ('uk-any', '2016-05-30', 'Spring bank holiday', true),
    ('uk-any', '2016-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2016-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2016-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2016-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2016-12-26', 'Boxing Day', true),
    ('uk-any', '2016-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2017-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2017-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2017-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2017-04-14', 'Good Friday', true),
    ('uk-any', '2017-04-17', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2017-05-01', 'Early May bank holiday', true),
    ('uk-any', '2017-05-29', 'Spring bank holiday', true),
    ('uk-any', '2017-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2017-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2017-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2017-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2017-12-25', 'Christmas Day', true),
    ('uk-any', '2017-12-26', 'Boxing Day', true),
    ('uk-any', '2018-01-01', 'New Year''s Day', true),
    ('uk-any', '2018-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2018-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2018-03-30', 'Good Friday', true),
    ('uk-any', '2018-04-02', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2018-05-07', 'Early May bank holiday', true),
    ('uk-any', '2018-05-28', 'Spring bank holiday', true),
    ('uk-any', '2018-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2018-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2018-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2018-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2018-12-25', 'Christmas Day', true),
    ('uk-any', '2018-12-26', 'Boxing Day', true),
    ('uk-any', '2019-01-01', 'New Year''s Day', true),
    ('uk-any', '2019-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2019-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2019-04-19', 'Good Friday', true),
    ('uk-any', '2019-04-22', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2019-05-06', 'Early May bank holiday', true),
    ('uk-any', '2019-05-27', 'Spring bank holiday', true),
    ('uk-any', '2019-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2019-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2019-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2019-12-02', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2019-12-25', 'Christmas Day', true),
    ('uk-any', '2019-12-26', 'Boxing Day', true),
    ('uk-any', '2020-01-01', 'New Year''s Day', true),
    ('uk-any', '2020-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2020-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2020-04-10', 'Good Friday', true),
    ('uk-any', '2020-04-13', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2020-05-08', 'Early May bank holiday (VE day)', true),
    ('uk-any', '2020-05-25', 'Spring bank holiday', true),
    ('uk-any', '2020-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2020-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2020-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2020-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2020-12-25', 'Christmas Day', true),
    ('uk-any', '2020-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2021-01-01', 'New Year''s Day', true),
    ('uk-any', '2021-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2021-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2021-04-02', 'Good Friday', true),
    ('uk-any', '2021-04-05', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2021-05-03', 'Early May bank holiday', true),
    ('uk-any', '2021-05-31', 'Spring bank holiday', true),
    ('uk-any', '2021-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2021-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2021-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2021-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2021-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2021-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2022-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2022-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2022-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2022-04-15', 'Good Friday', true),
    ('uk-any', '2022-04-18', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2022-05-02', 'Early May bank holiday', true),
    ('uk-any', '2022-06-02', 'Spring bank holiday', true),
    ('uk-any', '2022-06-03', 'Platinum Jubilee bank holiday', true),
    ('uk-any', '2022-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2022-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2022-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', true),
    ('uk-any', '2022-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2022-12-26', 'Boxing Day', true),
    ('uk-any', '2022-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2023-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2023-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2023-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2023-04-07', 'Good Friday', true),
    ('uk-any', '2023-04-10', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2023-05-01', 'Early May bank holiday', true),
    ('uk-any', '2023-05-08', 'Bank holiday for the coronation of King Charles III', true),
    ('uk-any', '2023-05-29', 'Spring bank holiday', true),
    ('uk-any', '2023-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2023-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2023-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2023-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2023-12-25', 'Christmas Day', true),
    ('uk-any', '2023-12-26', 'Boxing Day', true),
    ('uk-any', '2024-01-01', 'New Year''s Day', true),
    ('uk-any', '2024-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2024-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2024-03-29', 'Good Friday', true),
    ('uk-any', '2024-04-01', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2024-05-06', 'Early May bank holiday', true),
    ('uk-any', '2024-05-27', 'Spring bank holiday', true),
    ('uk-any', '2024-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2024-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2024-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2024-12-02', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2024-12-25', 'Christmas Day', true),
    ('uk-any', '2024-12-26', 'Boxing Day', true),
    ('uk-any', '2025-01-01', 'New Year''s Day', true),
    ('uk-any', '2025-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2025-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2025-04-18', 'Good Friday', true),
    ('uk-any', '2025-04-21', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2025-05-05', 'Early May bank holiday', true),
    ('uk-any', '2025-05-26', 'Spring bank holiday', true),
    ('uk-any', '2025-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2025-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2025-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2025-12-01', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2025-12-25', 'Christmas Day', true),
    ('uk-any', '2025-12-26', 'Boxing Day', true),
    ('uk-any', '2026-01-01', 'New Year''s Day', true),
    ('uk-any', '2026-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2026-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2026-04-03', 'Good Friday', true),
    ('uk-any', '2026-04-06', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2026-05-04', 'Early May bank holiday', true),
    ('uk-any', '2026-05-25', 'Spring bank holiday', true),
    ('uk-any', '2026-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2026-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2026-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2026-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2026-12-25', 'Christmas Day', true),
    ('uk-any', '2026-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2027-01-01', 'New Year''s Day', true),
    ('uk-any', '2027-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2027-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2027-03-26', 'Good Friday', true),
    ('uk-any', '2027-03-29', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2027-05-03', 'Early May bank holiday', true),
    ('uk-any', '2027-05-31', 'Spring bank holiday', true),
    ('uk-any', '2027-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2027-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2027-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2027-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2027-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2027-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2028-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2028-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2028-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2028-04-14', 'Good Friday', true),
    ('uk-any', '2028-04-17', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2028-05-01', 'Early May bank holiday', true),
    ('uk-any', '2028-05-29', 'Spring bank holiday', true),
    ('uk-any', '2028-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2028-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2028-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2028-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2028-12-25', 'Christmas Day', true),
    ('uk-any', '2028-12-26', 'Boxing Day', true),
    ('uk-any', '2029-01-01', 'New Year''s Day', true),
    ('uk-any', '2029-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2029-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2029-03-30', 'Good Friday', true),
    ('uk-any', '2029-04-02', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2029-05-07', 'Early May bank holiday', true),
    ('uk-any', '2029-05-28', 'Spring bank holiday', true),
    ('uk-any', '2029-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2029-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2029-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2029-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2029-12-25', 'Christmas Day', true),
    ('uk-any', '2029-12-26', 'Boxing Day', true),
    ('uk-any', '2030-01-01', 'New Year''s Day', true),
    ('uk-any', '2030-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2030-03-18', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2030-04-19', 'Good Friday', true),
    ('uk-any', '2030-04-22', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2030-05-06', 'Early May bank holiday', true),
    ('uk-any', '2030-05-27', 'Spring bank holiday', true),
    ('uk-any', '2030-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2030-08-05', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2030-08-26', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2030-12-02', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2030-12-25', 'Christmas Day', true),
    ('uk-any', '2030-12-26', 'Boxing Day', true),
    ('uk-any', '2031-01-01', 'New Year''s Day', true),
    ('uk-any', '2031-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2031-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2031-04-11', 'Good Friday', true),
    ('uk-any', '2031-04-14', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2031-05-05', 'Early May bank holiday', true),
    ('uk-any', '2031-05-26', 'Spring bank holiday', true),
    ('uk-any', '2031-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2031-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2031-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2031-12-01', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2031-12-25', 'Christmas Day', true),
    ('uk-any', '2031-12-26', 'Boxing Day', true),
    ('uk-any', '2032-01-01', 'New Year''s Day', true),
    ('uk-any', '2032-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2032-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2032-03-26', 'Good Friday', true),
    ('uk-any', '2032-03-29', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2032-05-03', 'Early May bank holiday', true),
    ('uk-any', '2032-05-31', 'Spring bank holiday', true),
    ('uk-any', '2032-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2032-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2032-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2032-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2032-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2032-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2033-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2033-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2033-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2033-04-15', 'Good Friday', true),
    ('uk-any', '2033-04-18', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2033-05-02', 'Early May bank holiday', true),
    ('uk-any', '2033-05-30', 'Spring bank holiday', true),
    ('uk-any', '2033-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2033-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2033-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2033-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2033-12-26', 'Boxing Day', true),
    ('uk-any', '2033-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2034-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2034-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2034-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2034-04-07', 'Good Friday', true),
    ('uk-any', '2034-04-10', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2034-05-01', 'Early May bank holiday', true),
    ('uk-any', '2034-05-29', 'Spring bank holiday', true),
    ('uk-any', '2034-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2034-08-07', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2034-08-28', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2034-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2034-12-25', 'Christmas Day', true),
    ('uk-any', '2034-12-26', 'Boxing Day', true),
    ('uk-any', '2035-01-01', 'New Year''s Day', true),
    ('uk-any', '2035-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2035-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2035-03-23', 'Good Friday', true),
    ('uk-any', '2035-03-26', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2035-05-07', 'Early May bank holiday', true),
    ('uk-any', '2035-05-28', 'Spring bank holiday', true),
    ('uk-any', '2035-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2035-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2035-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2035-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2035-12-25', 'Christmas Day', true),
    ('uk-any', '2035-12-26', 'Boxing Day', true),
    ('uk-any', '2036-01-01', 'New Year''s Day', true),
    ('uk-any', '2036-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2036-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2036-04-11', 'Good Friday', true),
    ('uk-any', '2036-04-14', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2036-05-05', 'Early May bank holiday', true),
    ('uk-any', '2036-05-26', 'Spring bank holiday', true),
    ('uk-any', '2036-07-14', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2036-08-04', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2036-08-25', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2036-12-01', 'St Andrew''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2036-12-25', 'Christmas Day', true),
    ('uk-any', '2036-12-26', 'Boxing Day', true),
    ('uk-any', '2037-01-01', 'New Year''s Day', true),
    ('uk-any', '2037-01-02', '2nd January (Scotland)', true),
    ('uk-any', '2037-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2037-04-03', 'Good Friday', true),
    ('uk-any', '2037-04-06', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2037-05-04', 'Early May bank holiday', true),
    ('uk-any', '2037-05-25', 'Spring bank holiday', true),
    ('uk-any', '2037-07-13', 'Battle of the Boyne (Orangemen''s Day) (substitute day) (Northern Ireland)', true),
    ('uk-any', '2037-08-03', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2037-08-31', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2037-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2037-12-25', 'Christmas Day', true),
    ('uk-any', '2037-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2038-01-01', 'New Year''s Day', true),
    ('uk-any', '2038-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2038-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2038-04-23', 'Good Friday', true),
    ('uk-any', '2038-04-26', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2038-05-03', 'Early May bank holiday', true),
    ('uk-any', '2038-05-31', 'Spring bank holiday', true),
    ('uk-any', '2038-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2038-08-02', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2038-08-30', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2038-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2038-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2038-12-28', 'Boxing Day (substitute day)', true),
    ('uk-any', '2039-01-03', 'New Year''s Day (substitute day)', true),
    ('uk-any', '2039-01-04', '2nd January (substitute day) (Scotland)', true),
    ('uk-any', '2039-03-17', 'St Patrick''s Day (Northern Ireland)', true),
    ('uk-any', '2039-04-08', 'Good Friday', true),
    ('uk-any', '2039-04-11', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2039-05-02', 'Early May bank holiday', true),
    ('uk-any', '2039-05-30', 'Spring bank holiday', true),
    ('uk-any', '2039-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2039-08-01', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2039-08-29', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2039-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2039-12-26', 'Boxing Day', true),
    ('uk-any', '2039-12-27', 'Christmas Day (substitute day)', true),
    ('uk-any', '2040-01-02', 'New Year''s Day (substitute day) / 2nd January', true),
    ('uk-any', '2040-01-03', 'New Year''s Day (substitute day) (Scotland)', true),
    ('uk-any', '2040-03-19', 'St Patrick''s Day (substitute day) (Northern Ireland)', true),
    ('uk-any', '2040-03-30', 'Good Friday', true),
    ('uk-any', '2040-04-02', 'Easter Monday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2040-05-07', 'Early May bank holiday', true),
    ('uk-any', '2040-05-28', 'Spring bank holiday', true),
    ('uk-any', '2040-07-12', 'Battle of the Boyne (Orangemen''s Day) (Northern Ireland)', true),
    ('uk-any', '2040-08-06', 'Summer bank holiday (Scotland)', true),
    ('uk-any', '2040-08-27', 'Summer bank holiday (England, Wales and Northern Ireland)', true),
    ('uk-any', '2040-11-30', 'St Andrew''s Day (Scotland)', true),
    ('uk-any', '2040-12-25', 'Christmas Day', true),
    ('uk-any', '2040-12-26', 'Boxing Day', true);

--------------------------------------------------------------------------
-- Working days against a calendar of cspi.calendar (STABLE)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.working_days("from" date, "to" date,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, text) IS
'Working days d with from < d <= to (same day = 0, next working day = 1); negative when to is before from. Errors for dates outside the calendar''s known range.';

CREATE OR REPLACE FUNCTION cspi.working_days("from" timestamp, "to" timestamp,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_timestamp'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(timestamp, timestamp, text) IS
'working_days on the calendar dates of two timestamps.';

-- Timestamps with time zone are read as dates in England (Europe/London),
-- as the indicator views read them, whatever the session's time zone: a
-- request received at 23:30 UTC on 30 June 2024 arrived on 1 July in
-- England.
CREATE OR REPLACE FUNCTION cspi.working_days("from" timestamptz, "to" timestamptz,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.working_days(("from" AT TIME ZONE 'Europe/London')::date,
                             ("to" AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.working_days(timestamptz, timestamptz, text) IS
'working_days on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.working_days_or_null("from" date, "to" date,
                                          calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_or_null'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days_or_null(date, date, text) IS
'working_days, but NULL instead of an error when a date is infinite or outside the calendar''s known range (the indicator views use it and list such dates in data_quality).';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d date, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, text) IS
'The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). working_days(d, add_working_days(d, n)) = n for n >= 0.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start date, finish date,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, text) IS
'Excel''s NETWORKDAYS: working days from start to finish counting both ends; negative when finish is before start.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, text) IS
'Excel''s WORKDAY: the date days working days after (or, when negative, before) start; start itself when days = 0.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, text) IS
'True when d is a working weekday of the calendar and not one of its holidays.';

-- The same on timestamps: a timestamp's own date; a timestamp with time
-- zone's date in England (Europe/London), whatever the session's time zone.
-- A Freedom of Information request received at 23:30 UTC on 30 June 2024
-- is due cspi.add_working_days(received, 20, 'uk-any'): 20 working days
-- after 1 July.
CREATE OR REPLACE FUNCTION cspi.add_working_days(d timestamp, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days(d::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(timestamp, integer, text) IS
'add_working_days on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d timestamptz, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days((d AT TIME ZONE 'Europe/London')::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(timestamptz, integer, text) IS
'add_working_days on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start timestamp, finish timestamp,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays(start::date, finish::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(timestamp, timestamp, text) IS
'networkdays on the dates of two timestamps.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start timestamptz, finish timestamptz,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays((start AT TIME ZONE 'Europe/London')::date,
                            (finish AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(timestamptz, timestamptz, text) IS
'networkdays on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.workday(start timestamp, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday(start::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(timestamp, integer, text) IS
'workday on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.workday(start timestamptz, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday((start AT TIME ZONE 'Europe/London')::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(timestamptz, integer, text) IS
'workday on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d timestamp,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day(d::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(timestamp, text) IS
'is_working_day on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d timestamptz,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day((d AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(timestamptz, text) IS
'is_working_day on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

-- A date written as a string (a bare literal, or a parameter a client sends
-- without a type) is that date, whatever the session's time zone: without
-- these forms PostgreSQL would take it as a timestamp with time zone,
-- midnight in the session's zone, which in a session east of London is
-- the day before in England.
CREATE OR REPLACE FUNCTION cspi.working_days("from" text, "to" text,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.working_days("from"::date, "to"::date, calendar);
COMMENT ON FUNCTION cspi.working_days(text, text, text) IS
'working_days on two dates written as text (''2024-03-28''), read as those dates whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d text, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days(d::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(text, integer, text) IS
'add_working_days on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start text, finish text,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays(start::date, finish::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(text, text, text) IS
'networkdays on two dates written as text, read as those dates whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.workday(start text, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday(start::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(text, integer, text) IS
'workday on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d text,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day(d::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(text, text) IS
'is_working_day on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.next_working_day(d date,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_next_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.next_working_day(date, text) IS
'The first working day after d (strictly after: add_working_days(d, 1)).';

CREATE OR REPLACE FUNCTION cspi.previous_working_day(d date,
                                          calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_previous_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.previous_working_day(date, text) IS
'The last working day before d (strictly before: add_working_days(d, -1)).';

--------------------------------------------------------------------------
-- Working days against holidays given as an argument (IMMUTABLE)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.working_days("from" date, "to" date, holidays date[],
                                  weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, date[], text) IS
'working_days against the given holidays and weekmask (Monday first, 1 = working day), like numpy''s busday_count shifted by one day; IMMUTABLE, for generated columns and index expressions.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d date, n integer, holidays date[],
                                      weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, date[], text) IS
'add_working_days against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start date, finish date, holidays date[],
                                 weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, date[], text) IS
'Excel''s NETWORKDAYS.INTL against the given holidays and weekmask; IMMUTABLE. The weekmask is numpy''s (1 = working day), the opposite of Excel''s weekend string (1 = day off): for Excel''s own weekend argument use networkdays_intl.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer, holidays date[],
                             weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, date[], text) IS
'Excel''s WORKDAY.INTL against the given holidays and weekmask; IMMUTABLE. The weekmask is numpy''s (1 = working day), the opposite of Excel''s weekend string (1 = day off): for Excel''s own weekend argument use workday_intl.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date, holidays date[],
                                    weekmask text DEFAULT '1111100')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, date[], text) IS
'is_working_day against the given holidays and weekmask; IMMUTABLE.';


--------------------------------------------------------------------------
-- Excel's own NETWORKDAYS.INTL and WORKDAY.INTL: Excel's weekend argument,
-- a code (1 = Saturday and Sunday ... 7 = Friday and Saturday, 11 = Sunday
-- only ... 17 = Saturday only) or seven characters with 1 for a day off,
-- Monday first; the opposite of the numpy weekmask above, where 1 is a
-- working day.  Not STRICT: a NULL weekend is Excel's omitted argument (1),
-- NULL holidays are none and NULL elements are skipped, as Excel skips
-- blank cells; a NULL date, number of days or calendar name gives NULL.
-- The holidays have a default (none, as in Excel), so the forms that name a
-- calendar take it without one.
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend integer DEFAULT 1,
                                      holidays date[] DEFAULT '{}')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, integer, date[]) IS
'Excel''s NETWORKDAYS.INTL: working days from start to finish counting both ends, negative when finish is before start, with Excel''s weekend code (1 = Saturday and Sunday ... 7 = Friday and Saturday, 11 = Sunday only ... 17 = Saturday only; NULL = 1) and the given holidays (NULL elements skipped); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend text, holidays date[] DEFAULT '{}')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_string'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, text, date[]) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend string: seven characters, Monday first, 1 = day off (''0000011'' = Saturday and Sunday; ''1111111'' counts 0); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend integer DEFAULT 1,
                                  holidays date[] DEFAULT '{}')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, integer, date[]) IS
'Excel''s WORKDAY.INTL: the date days working days after (or, when negative, before) start, start itself when days = 0, with Excel''s weekend code (1 = Saturday and Sunday ... 17 = Saturday only; NULL = 1) and the given holidays (NULL elements skipped); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend text, holidays date[] DEFAULT '{}')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_string'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, text, date[]) IS
'Excel''s WORKDAY.INTL with Excel''s weekend string: seven characters, Monday first, 1 = day off (''1111111'' is an error, as in Excel); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- A fractional number of days is truncated toward zero, as Excel truncates
-- it: 2.9 working days are 2, -2.9 are -2.

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend integer DEFAULT 1,
                                  holidays date[] DEFAULT '{}')
    RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, holidays);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, integer, date[]) IS
'workday_intl with a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend text, holidays date[] DEFAULT '{}')
    RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, holidays);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, text, date[]) IS
'workday_intl with Excel''s weekend string and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- The same on a calendar of cspi.calendar (STABLE): its holidays, every one
-- of them (a holiday on the calendar's own day off may fall on a working day
-- of Excel's weekend), and its known range, with Excel's weekend in place of
-- the calendar's weekmask.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend integer, calendar text)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, integer, text) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend code (NULL = 1) on the holidays and known range of a calendar of cspi.calendar, whose own weekmask it replaces. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend text, calendar text)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_string_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, text, text) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend string (1 = day off, Monday first) on the holidays and known range of a calendar of cspi.calendar. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, integer, text) IS
'Excel''s WORKDAY.INTL with Excel''s weekend code (NULL = 1) on the holidays and known range of a calendar of cspi.calendar, whose own weekmask it replaces. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend text, calendar text)
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_string_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, text, text) IS
'Excel''s WORKDAY.INTL with Excel''s weekend string (1 = day off, Monday first) on the holidays and known range of a calendar of cspi.calendar. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, integer, text) IS
'workday_intl on a calendar with Excel''s weekend code and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, text, text) IS
'workday_intl on a calendar with Excel''s weekend string and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on timestamps.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamp, finish timestamp,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamp, timestamp, integer, text) IS
'networkdays_intl with Excel''s weekend code on the dates of two timestamps. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamp, finish timestamp,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamp, timestamp, text, text) IS
'networkdays_intl with Excel''s weekend string on the dates of two timestamps. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, integer, integer, text) IS
'workday_intl with Excel''s weekend code on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, integer, text, text) IS
'workday_intl with Excel''s weekend string on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on timestamps with time zone (their dates in England).

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamptz, finish timestamptz,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl((start AT TIME ZONE 'Europe/London')::date, (finish AT TIME ZONE 'Europe/London')::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamptz, timestamptz, integer, text) IS
'networkdays_intl with Excel''s weekend code on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamptz, finish timestamptz,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl((start AT TIME ZONE 'Europe/London')::date, (finish AT TIME ZONE 'Europe/London')::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamptz, timestamptz, text, text) IS
'networkdays_intl with Excel''s weekend string on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, integer, integer, text) IS
'workday_intl with Excel''s weekend code on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, integer, text, text) IS
'workday_intl with Excel''s weekend string on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on dates written as text.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start text, finish text,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(text, text, integer, text) IS
'networkdays_intl with Excel''s weekend code on two dates written as text, read as those dates whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start text, finish text,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(text, text, text, text) IS
'networkdays_intl with Excel''s weekend string on two dates written as text, read as those dates whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, integer, integer, text) IS
'workday_intl with Excel''s weekend code on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, integer, text, text) IS
'workday_intl with Excel''s weekend string on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- The known range of a calendar within its bases' ranges; the chain of base
-- calendars is followed until it ends or meets a calendar twice.
CREATE OR REPLACE FUNCTION cspi.calendar_range(calendar text) RETURNS daterange
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH RECURSIVE chain (name, base, first_date, last_date, path, is_cycle) AS (
        SELECT c.name, c.base, c.first_date, c.last_date, ARRAY[c.name], false
          FROM cspi.calendar c WHERE c.name = calendar_range.calendar
        UNION ALL
        SELECT c.name, c.base, c.first_date, c.last_date, chain.path || c.name, c.name = ANY (chain.path)
          FROM chain JOIN cspi.calendar c ON c.name = chain.base
         WHERE NOT chain.is_cycle
    )
    SELECT CASE WHEN count(*) > 0 THEN daterange(max(first_date), min(last_date), '[]') END
      FROM chain WHERE NOT is_cycle;
    END;
COMMENT ON FUNCTION cspi.calendar_range(text) IS
'The dates for which a calendar''s holidays are known (its own range within its bases'' ranges); NULL for an unknown calendar.';

--------------------------------------------------------------------------
-- Ratios: the cspi.ratio type
--------------------------------------------------------------------------

CREATE TYPE cspi.ratio;

CREATE FUNCTION cspi.ratio_in(cstring) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_in(cstring) IS 'Input function of cspi.ratio: ''1119/1374''.';
CREATE FUNCTION cspi.ratio_out(cspi.ratio) RETURNS cstring
    AS 'MODULE_PATHNAME', 'cspi_ratio_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_out(cspi.ratio) IS 'Output function of cspi.ratio: ''1119/1374''.';
CREATE FUNCTION cspi.ratio_recv(internal) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_recv(internal) IS 'Binary input of cspi.ratio: two int8, numerator then denominator.';
CREATE FUNCTION cspi.ratio_send(cspi.ratio) RETURNS bytea
    AS 'MODULE_PATHNAME', 'cspi_ratio_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_send(cspi.ratio) IS 'Binary output of cspi.ratio: two int8, numerator then denominator.';

CREATE TYPE cspi.ratio (
    INPUT = cspi.ratio_in,
    OUTPUT = cspi.ratio_out,
    RECEIVE = cspi.ratio_recv,
    SEND = cspi.ratio_send,
    INTERNALLENGTH = 16,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE cspi.ratio IS
'A ratio of two non-negative counts, such as referrals completed within 1 working day over referrals completed: ''1119/1374''. Pooling adds numerators and denominators; percentages are computed exactly from the counts.';

CREATE FUNCTION cspi.ratio(numerator bigint, denominator bigint) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio(bigint, bigint) IS 'The ratio numerator/denominator; both must be non-negative.';

CREATE FUNCTION cspi.numerator(cspi.ratio) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_numerator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.numerator(cspi.ratio) IS 'The numerator of a ratio.';
CREATE FUNCTION cspi.denominator(cspi.ratio) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_denominator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.denominator(cspi.ratio) IS 'The denominator of a ratio.';

CREATE FUNCTION cspi.percent(cspi.ratio, digits integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_ratio_percent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.percent(cspi.ratio, integer) IS
'100 x numerator / denominator, rounded half away from zero to digits (0 to 15) decimal places, computed exactly; NULL when the denominator is 0.';

CREATE FUNCTION cspi.to_numeric(cspi.ratio) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_ratio_to_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.to_numeric(cspi.ratio) IS
'numerator / denominator as a fraction (not a percentage), unrounded but for numeric division''s own precision; NULL when the denominator is 0.';
CREATE FUNCTION cspi.to_float8(cspi.ratio) RETURNS double precision
    AS 'MODULE_PATHNAME', 'cspi_ratio_to_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.to_float8(cspi.ratio) IS
'numerator / denominator as a double precision fraction; NULL when the denominator is 0.';
CREATE CAST (cspi.ratio AS numeric) WITH FUNCTION cspi.to_numeric(cspi.ratio);
CREATE CAST (cspi.ratio AS double precision) WITH FUNCTION cspi.to_float8(cspi.ratio);

CREATE FUNCTION cspi.format_ratio(cspi.ratio) RETURNS text
    AS 'MODULE_PATHNAME', 'cspi_ratio_format' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.format_ratio(cspi.ratio) IS
'The report''s form: ''81.4% (1,119 / 1,374)''; ''n/a (0 / 0)'' when the denominator is 0.';

-- Operators: pooling and comparison.
CREATE FUNCTION cspi.ratio_add(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_add(cspi.ratio, cspi.ratio) IS
'Pooling: adds numerators and denominators (the + operator); an error on overflow.';
CREATE OPERATOR cspi.+ (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_add,
    COMMUTATOR = OPERATOR(cspi.+)
);
COMMENT ON OPERATOR cspi.+ (cspi.ratio, cspi.ratio) IS 'Pooling: adds numerators and denominators.';

CREATE FUNCTION cspi.ratio_cmp(cspi.ratio, cspi.ratio) RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_ratio_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_cmp(cspi.ratio, cspi.ratio) IS
'Btree comparison: by value, exactly; equal values by denominator; ratios with denominator 0 last.';
CREATE FUNCTION cspi.ratio_eq(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_eq(cspi.ratio, cspi.ratio) IS 'The same pair (the = operator): 1/2 = 2/4 is false.';
CREATE FUNCTION cspi.ratio_ne(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_ne(cspi.ratio, cspi.ratio) IS 'Not the same pair (the <> operator).';
CREATE FUNCTION cspi.ratio_lt(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_lt(cspi.ratio, cspi.ratio) IS 'Ordered before (the < operator).';
CREATE FUNCTION cspi.ratio_le(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_le(cspi.ratio, cspi.ratio) IS 'Ordered before or the same (the <= operator).';
CREATE FUNCTION cspi.ratio_gt(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_gt(cspi.ratio, cspi.ratio) IS 'Ordered after (the > operator).';
CREATE FUNCTION cspi.ratio_ge(cspi.ratio, cspi.ratio) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_ratio_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_ge(cspi.ratio, cspi.ratio) IS 'Ordered after or the same (the >= operator).';

CREATE OPERATOR cspi.= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_eq,
    COMMUTATOR = OPERATOR(cspi.=), NEGATOR = OPERATOR(cspi.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR cspi.= (cspi.ratio, cspi.ratio) IS 'The same pair.';
CREATE OPERATOR cspi.<> (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_ne,
    COMMUTATOR = OPERATOR(cspi.<>), NEGATOR = OPERATOR(cspi.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR cspi.<> (cspi.ratio, cspi.ratio) IS 'Not the same pair.';
CREATE OPERATOR cspi.< (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_lt,
    COMMUTATOR = OPERATOR(cspi.>), NEGATOR = OPERATOR(cspi.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR cspi.< (cspi.ratio, cspi.ratio) IS 'Smaller value (equal values: smaller denominator).';
CREATE OPERATOR cspi.<= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_le,
    COMMUTATOR = OPERATOR(cspi.>=), NEGATOR = OPERATOR(cspi.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR cspi.<= (cspi.ratio, cspi.ratio) IS 'Smaller value or the same pair.';
CREATE OPERATOR cspi.> (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_gt,
    COMMUTATOR = OPERATOR(cspi.<), NEGATOR = OPERATOR(cspi.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR cspi.> (cspi.ratio, cspi.ratio) IS 'Larger value (equal values: larger denominator).';
CREATE OPERATOR cspi.>= (
    LEFTARG = cspi.ratio, RIGHTARG = cspi.ratio, FUNCTION = cspi.ratio_ge,
    COMMUTATOR = OPERATOR(cspi.<=), NEGATOR = OPERATOR(cspi.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR cspi.>= (cspi.ratio, cspi.ratio) IS 'Larger value or the same pair.';

CREATE OPERATOR CLASS cspi.ratio_ops DEFAULT FOR TYPE cspi.ratio USING btree AS
    OPERATOR 1 cspi.<,
    OPERATOR 2 cspi.<=,
    OPERATOR 3 cspi.=,
    OPERATOR 4 cspi.>=,
    OPERATOR 5 cspi.>,
    FUNCTION 1 cspi.ratio_cmp(cspi.ratio, cspi.ratio),
    -- equal ratios are the same pair, so btree may deduplicate them
    FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE FUNCTION cspi.ratio_hash(cspi.ratio) RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_ratio_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_hash(cspi.ratio) IS 'Hash of the pair, for hash joins and hashed grouping.';
CREATE FUNCTION cspi.ratio_hash_extended(cspi.ratio, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'cspi_ratio_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_hash_extended(cspi.ratio, bigint) IS 'Seeded 64-bit hash of the pair.';
CREATE OPERATOR CLASS cspi.ratio_hash_ops DEFAULT FOR TYPE cspi.ratio USING hash AS
    OPERATOR 1 cspi.=,
    FUNCTION 1 cspi.ratio_hash(cspi.ratio),
    FUNCTION 2 cspi.ratio_hash_extended(cspi.ratio, bigint);

--------------------------------------------------------------------------
-- Ratio aggregates
--------------------------------------------------------------------------

CREATE FUNCTION cspi.ratio_of_transition(cspi.ratio, boolean) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_of_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_of_transition(cspi.ratio, boolean) IS
'Transition function of ratio_of: TRUE adds 1/1, FALSE adds 0/1.';
CREATE FUNCTION cspi.ratio_of_inverse(cspi.ratio, boolean) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_of_inverse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_of_inverse(cspi.ratio, boolean) IS
'Inverse transition function of ratio_of, for moving windows.';
CREATE FUNCTION cspi.ratio_sum_transition(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_sum_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_sum_transition(cspi.ratio, cspi.ratio) IS
'Transition and combine function of sum(ratio) and combine function of ratio_of: pooling.';
CREATE FUNCTION cspi.ratio_sum_inverse(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_sum_inverse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_sum_inverse(cspi.ratio, cspi.ratio) IS
'Inverse transition function of sum(ratio), for moving windows.';

CREATE AGGREGATE cspi.ratio_of(boolean) (
    SFUNC = cspi.ratio_of_transition,
    STYPE = cspi.ratio,
    INITCOND = '0/0',
    COMBINEFUNC = cspi.ratio_sum_transition,
    MSFUNC = cspi.ratio_of_transition,
    MINVFUNC = cspi.ratio_of_inverse,
    MSTYPE = cspi.ratio,
    MINITCOND = '0/0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.ratio_of(boolean) IS
'The ratio of TRUE to non-NULL values: TRUE counts in numerator and denominator, FALSE in the denominator, NULL not at all (a referral not yet completed is not counted). 0/0 over no rows.';

CREATE AGGREGATE cspi.sum(cspi.ratio) (
    SFUNC = cspi.ratio_sum_transition,
    STYPE = cspi.ratio,
    INITCOND = '0/0',
    COMBINEFUNC = cspi.ratio_sum_transition,
    MSFUNC = cspi.ratio_sum_transition,
    MINVFUNC = cspi.ratio_sum_inverse,
    MSTYPE = cspi.ratio,
    MINITCOND = '0/0',
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.sum(cspi.ratio) IS
'Pools ratios: the sum of the numerators over the sum of the denominators (months into a year, councils into a region). 0/0 over no rows.';

CREATE FUNCTION cspi.ratio_smaller(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_smaller(cspi.ratio, cspi.ratio) IS 'The smaller of two ratios in the btree order.';
CREATE FUNCTION cspi.ratio_larger(cspi.ratio, cspi.ratio) RETURNS cspi.ratio
    AS 'MODULE_PATHNAME', 'cspi_ratio_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.ratio_larger(cspi.ratio, cspi.ratio) IS 'The larger of two ratios in the btree order.';

CREATE AGGREGATE cspi.min(cspi.ratio) (
    SFUNC = cspi.ratio_smaller, STYPE = cspi.ratio, COMBINEFUNC = cspi.ratio_smaller,
    SORTOP = OPERATOR(cspi.<), PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.min(cspi.ratio) IS 'The smallest ratio by value (ratios with denominator 0 sort last).';
CREATE AGGREGATE cspi.max(cspi.ratio) (
    SFUNC = cspi.ratio_larger, STYPE = cspi.ratio, COMBINEFUNC = cspi.ratio_larger,
    SORTOP = OPERATOR(cspi.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE cspi.max(cspi.ratio) IS 'The largest ratio by value (ratios with denominator 0 sort last).';


--------------------------------------------------------------------------
-- Rates and targets
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.rate_per(count bigint, population bigint, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(bigint, bigint, integer) IS
'count per per (default 10,000) of population, unrounded; an error when count is negative or population is not positive.';
CREATE OR REPLACE FUNCTION cspi.rate_per(count numeric, population numeric, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(numeric, numeric, integer) IS
'count per per (default 10,000) of a fractional population, unrounded; an error when count is negative, NaN or infinite, or population is not positive and finite.';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count bigint, population bigint) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(bigint, bigint) IS
'count per 10,000 of population as reports show it: rounded half away from zero to one decimal place, exactly (146 in 22,256 is 65.6).';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count numeric, population numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(numeric, numeric) IS
'count per 10,000 of a fractional population, rounded half away from zero to one decimal place, exactly.';

-- integer overloads, so that calls with integer arguments (literals, int4
-- columns) are not ambiguous between the bigint and numeric versions.
CREATE OR REPLACE FUNCTION cspi.rate_per(count integer, population integer, per integer DEFAULT 10000)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.rate_per(count::bigint, population::bigint, per);
COMMENT ON FUNCTION cspi.rate_per(integer, integer, integer) IS
'rate_per for integer arguments.';
CREATE OR REPLACE FUNCTION cspi.rate_per_10k(count integer, population integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.rate_per_10k(count::bigint, population::bigint);
COMMENT ON FUNCTION cspi.rate_per_10k(integer, integer) IS
'rate_per_10k for integer arguments.';

CREATE OR REPLACE FUNCTION cspi.target_met(value numeric, target numeric, polarity text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_target_met' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.target_met(numeric, numeric, text) IS
'Whether value meets target: value >= target when polarity is ''higher'' (is better), value <= target when ''lower''; any other polarity, and a NaN value or target, is an error.';


-- The contract itself, in the database: every column deploy() checks.
CREATE TABLE cspi.contract_column (
    relation    text NOT NULL,
    column_name text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('id', 'date', 'timestamp', 'flag', 'boolean',
                                              'code', 'numeric', 'integer')),
    position    integer NOT NULL,
    meaning     text NOT NULL,
    optional    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (relation, column_name)
);
COMMENT ON TABLE cspi.contract_column IS
'The data contract: the columns cspi reads from each source relation and their kind (id: any type with equality; date: date, timestamp or timestamptz; timestamp: timestamp, timestamptz or date; flag: boolean, NULL counting as false; boolean; code: text matched ignoring case and spaces; numeric; integer).';
COMMENT ON COLUMN cspi.contract_column.relation IS 'Source relation name.';
COMMENT ON COLUMN cspi.contract_column.column_name IS 'Column name (fixed by the contract).';
COMMENT ON COLUMN cspi.contract_column.kind IS 'What cspi accepts there (see the table comment).';
COMMENT ON COLUMN cspi.contract_column.position IS 'Order of the column in the relation.';
COMMENT ON COLUMN cspi.contract_column.meaning IS 'What the column means.';
COMMENT ON COLUMN cspi.contract_column.optional IS
'The source may lack this column (the statutory returns have no referral completion date): its src_ view reads NULL, and the indicators that require relation.column are unavailable.';


--------------------------------------------------------------------------
-- The data contract: source relations
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.create_source_tables(source_schema name) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := quote_ident(source_schema);
BEGIN
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', s);
    EXECUTE format($ddl$
        CREATE TABLE %1$s.child (
            child_id text PRIMARY KEY,
            family_id text,
            date_of_birth date
        );
        CREATE TABLE %1$s.population (
            year integer PRIMARY KEY,
            children integer
        );
        CREATE TABLE %1$s.referral (
            referral_id text PRIMARY KEY,
            child_id text,
            referral_date date,
            completed_date date
        );
        CREATE TABLE %1$s.assessment (
            assessment_id text PRIMARY KEY,
            child_id text,
            start_date date,
            authorised_date date
        );
        CREATE TABLE %1$s.s47_enquiry (
            s47_id text PRIMARY KEY,
            child_id text,
            strategy_date date,
            icpc_date date,
            transfer_in boolean
        );
        CREATE TABLE %1$s.cp_plan (
            plan_id text PRIMARY KEY,
            child_id text,
            start_date date,
            end_date date
        );
        CREATE TABLE %1$s.cp_review (
            review_id text PRIMARY KEY,
            plan_id text,
            review_date date
        );
        CREATE TABLE %1$s.cla_episode (
            episode_id text PRIMARY KEY,
            child_id text,
            start_date date,
            end_date date,
            reason_new text,
            legal_status text,
            placement text,
            reason_ceased text,
            distance_miles numeric,
            uasc boolean
        );
        CREATE TABLE %1$s.cla_review (
            review_id text PRIMARY KEY,
            child_id text,
            review_date date
        );
        CREATE TABLE %1$s.visit (
            visit_id text PRIMARY KEY,
            child_id text,
            visit_type text,
            visit_date date,
            due_date date
        );
        CREATE TABLE %1$s.allocation (
            child_id text,
            start_date date,
            end_date date,
            qualified_social_worker boolean
        );
        CREATE TABLE %1$s.health_assessment (
            child_id text,
            kind text,
            due_date date,
            completed_date date
        );
        CREATE TABLE %1$s.missing_episode (
            episode_id text PRIMARY KEY,
            child_id text,
            start_at timestamp,
            returned_at timestamp,
            rhi_offered_at timestamp,
            rhi_engaged boolean,
            other_authority boolean
        );
        CREATE TABLE %1$s.care_leaver (
            child_id text,
            as_at date,
            in_touch boolean,
            accommodation_suitable boolean,
            activity text,
            PRIMARY KEY (child_id, as_at)
        );
        CREATE TABLE %1$s.family_support (
            case_id text,
            family_id text,
            child_id text,
            provider text,
            start_date date,
            end_date date,
            PRIMARY KEY (case_id, child_id)
        );
    $ddl$, s);
END
$fn$;
COMMENT ON FUNCTION cspi.create_source_tables(name) IS
'Creates the schema (if needed) and empty tables with exactly the data contract''s columns, types and keys, for councils that load their data rather than pointing cspi at views: the fifteen relations every council has. A relation an indicator family adds (cin_episode) is made by cspi.create_source_table, so that a source without it leaves its indicators unavailable rather than zero.';

-- One relation of the contract as an empty table: for a relation that an
-- indicator family adds (src/sql/indicators/), which create_source_tables
-- leaves out so that a council without such data sees its indicators
-- unavailable, not zero.
CREATE OR REPLACE FUNCTION cspi.create_source_table(source_schema name, relation text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    columns text;
BEGIN
    SELECT string_agg(format('%I %s', c.column_name, cspi_internal.contract_type(c.kind))
                      || CASE WHEN c.position = 1 AND c.kind = 'id' THEN ' PRIMARY KEY' ELSE '' END,
                      ', ' ORDER BY c.position)
      INTO columns
      FROM cspi.contract_column c WHERE c.relation = create_source_table.relation;
    IF columns IS NULL THEN
        RAISE EXCEPTION 'the data contract has no relation "%"', relation
            USING ERRCODE = 'undefined_table',
                  HINT = 'cspi.contract_column lists the relations and their columns.';
    END IF;
    IF to_regnamespace(quote_ident(source_schema)) IS NULL THEN
        EXECUTE format('CREATE SCHEMA %I', source_schema);
    END IF;
    EXECUTE format('CREATE TABLE %I.%I (%s)', source_schema, relation, columns);
END
$fn$;
COMMENT ON FUNCTION cspi.create_source_table(name, text) IS
'Creates one relation of the data contract as an empty table in source_schema (made if needed): its columns in order, with the contract''s types, keyed by its first column when that is an id. For the relations an indicator family adds to the contract (cin_episode), which cspi.create_source_tables leaves out.';

INSERT INTO cspi.contract_column (relation, column_name, kind, position, meaning) VALUES
    ('child', 'child_id', 'id', 1, 'unique'),
    ('child', 'family_id', 'id', 2, 'household/family grouping; NULL is left out of family counts'),
    ('child', 'date_of_birth', 'date', 3, 'date of birth'),
    ('population', 'year', 'integer', 1, 'ONS mid-year estimate year'),
    ('population', 'children', 'integer', 2, 'resident population aged 0 to 17'),
    ('referral', 'referral_id', 'id', 1, 'unique'),
    ('referral', 'child_id', 'id', 2, 'the child'),
    ('referral', 'referral_date', 'date', 3, 'date the referral was received'),
    ('referral', 'completed_date', 'date', 4, 'date the referral was completed; NULL = still open'),
    ('assessment', 'assessment_id', 'id', 1, 'unique'),
    ('assessment', 'child_id', 'id', 2, 'the child'),
    ('assessment', 'start_date', 'date', 3, 'start of the child and family assessment'),
    ('assessment', 'authorised_date', 'date', 4, 'date completed/authorised; NULL = not completed'),
    ('s47_enquiry', 's47_id', 'id', 1, 'unique'),
    ('s47_enquiry', 'child_id', 'id', 2, 'the child'),
    ('s47_enquiry', 'strategy_date', 'date', 3, 'strategy discussion that initiated the enquiry'),
    ('s47_enquiry', 'icpc_date', 'date', 4, 'initial child protection conference; NULL = none held'),
    ('s47_enquiry', 'transfer_in', 'flag', 5, 'a transfer-in conference (excluded from timeliness)'),
    ('cp_plan', 'plan_id', 'id', 1, 'unique'),
    ('cp_plan', 'child_id', 'id', 2, 'the child'),
    ('cp_plan', 'start_date', 'date', 3, 'start of the plan'),
    ('cp_plan', 'end_date', 'date', 4, 'end of the plan; NULL = open'),
    ('cp_review', 'review_id', 'id', 1, 'unique'),
    ('cp_review', 'plan_id', 'id', 2, 'the plan reviewed'),
    ('cp_review', 'review_date', 'date', 3, 'date the review conference was held'),
    ('cla_episode', 'episode_id', 'id', 1, 'unique'),
    ('cla_episode', 'child_id', 'id', 2, 'the child'),
    ('cla_episode', 'start_date', 'date', 3, 'SSDA903 DECOM'),
    ('cla_episode', 'end_date', 'date', 4, 'SSDA903 DEC; NULL = open'),
    ('cla_episode', 'reason_new', 'code', 5, 'SSDA903 RNE: S, L, P, T, B or U'),
    ('cla_episode', 'legal_status', 'code', 6, 'SSDA903 LS; V3 and V4 are short breaks'),
    ('cla_episode', 'placement', 'code', 7, 'SSDA903 PLACE; T0 to T4 are temporary'),
    ('cla_episode', 'reason_ceased', 'code', 8, 'SSDA903 REC; X1 continues in a new episode; NULL = open'),
    ('cla_episode', 'distance_miles', 'numeric', 9, 'SSDA903 PL_DISTANCE in miles; NULL = unknown'),
    ('cla_episode', 'uasc', 'flag', 10, 'unaccompanied asylum-seeking child during this episode'),
    ('cla_review', 'review_id', 'id', 1, 'unique'),
    ('cla_review', 'child_id', 'id', 2, 'the child'),
    ('cla_review', 'review_date', 'date', 3, 'date the looked-after review was held'),
    ('visit', 'visit_id', 'id', 1, 'unique'),
    ('visit', 'child_id', 'id', 2, 'the child'),
    ('visit', 'visit_type', 'code', 3, 'cp (child protection) or cic (child in care)'),
    ('visit', 'visit_date', 'date', 4, 'date of the statutory visit'),
    ('visit', 'due_date', 'date', 5, 'due date from the case-management system; decides cic timeliness when given'),
    ('allocation', 'child_id', 'id', 1, 'the child'),
    ('allocation', 'start_date', 'date', 2, 'start of the allocation'),
    ('allocation', 'end_date', 'date', 3, 'end of the allocation; NULL = open'),
    ('allocation', 'qualified_social_worker', 'flag', 4, 'the worker is a qualified, registered social worker'),
    ('health_assessment', 'child_id', 'id', 1, 'the child'),
    ('health_assessment', 'kind', 'code', 2, 'initial or review'),
    ('health_assessment', 'due_date', 'date', 3, 'when it fell due'),
    ('health_assessment', 'completed_date', 'date', 4, 'when it was done; NULL = not done'),
    ('missing_episode', 'episode_id', 'id', 1, 'unique'),
    ('missing_episode', 'child_id', 'id', 2, 'the child'),
    ('missing_episode', 'start_at', 'timestamp', 3, 'went missing'),
    ('missing_episode', 'returned_at', 'timestamp', 4, 'returned; NULL = still missing'),
    ('missing_episode', 'rhi_offered_at', 'timestamp', 5, 'return home interview offered; NULL = not offered'),
    ('missing_episode', 'rhi_engaged', 'flag', 6, 'the child engaged with the interview'),
    ('missing_episode', 'other_authority', 'flag', 7, 'looked after by or resident in another authority (excluded)'),
    ('care_leaver', 'child_id', 'id', 1, 'the young person'),
    ('care_leaver', 'as_at', 'date', 2, 'date the information refers to'),
    ('care_leaver', 'in_touch', 'boolean', 3, 'the authority is in touch'),
    ('care_leaver', 'accommodation_suitable', 'boolean', 4, 'suitable accommodation; NULL = unknown'),
    ('care_leaver', 'activity', 'code', 5, 'SSDA903 OC3 activity code or its group'),
    ('family_support', 'case_id', 'id', 1, 'the early help case'),
    ('family_support', 'family_id', 'id', 2, 'the family'),
    ('family_support', 'child_id', 'id', 3, 'the child supported'),
    ('family_support', 'provider', 'code', 4, 'internal (the council''s own team) or external'),
    ('family_support', 'start_date', 'date', 5, 'start of the support'),
    ('family_support', 'end_date', 'date', 6, 'end of the support; NULL = open')
ON CONFLICT (relation, column_name) DO UPDATE SET kind = EXCLUDED.kind, position = EXCLUDED.position, meaning = EXCLUDED.meaning;

-- Optional columns: a source may lack them (cspi.contract_column.optional).
UPDATE cspi.contract_column SET optional = true
 WHERE (relation, column_name) IN (('referral', 'completed_date'), ('child', 'family_id'), ('cla_episode', 'distance_miles'));

--------------------------------------------------------------------------
-- Periods
--------------------------------------------------------------------------

-- The SQL functions here and in report.sql have SQL-standard bodies: their
-- names and operators are bound when the extension is created, never looked
-- up through a caller's search_path, and they are still inlined.
CREATE OR REPLACE FUNCTION cspi.financial_year(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (extract(year FROM d)::int - (extract(month FROM d) < 4)::int)::text || '/'
           || lpad(((extract(year FROM d)::int - (extract(month FROM d) < 4)::int + 1) % 100)::text, 2, '0');
COMMENT ON FUNCTION cspi.financial_year(date) IS
'The financial year of a date: ''2023/24'' for 1 April 2023 to 31 March 2024.';

CREATE OR REPLACE FUNCTION cspi.financial_quarter(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.financial_year(d) || ' Q' || ((extract(month FROM d)::int + 8) % 12 / 3 + 1)::text;
COMMENT ON FUNCTION cspi.financial_quarter(date) IS
'The financial quarter of a date: ''2023/24 Q1'' (April to June) to ''2023/24 Q4'' (January to March).';

-- The years a report covers: dates from 1 April 1990 to the end of the
-- financial year containing today are placed in periods.  A date outside
-- (a mistyped year, a BC or year-1 date, the warehouse convention 9999-12-31
-- for "still open", an infinite date) never is: an end date there reads as
-- still open, an event dated there is not counted, and data_quality lists
-- it.  So one bad date cannot stop a refresh or add thousands of periods.
CREATE OR REPLACE FUNCTION cspi.report_first_day() RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN date '1990-04-01';
COMMENT ON FUNCTION cspi.report_first_day() IS
'The first day a report can cover: 1 April 1990. Earlier dates are not placed in periods (data_quality lists them).';
CREATE OR REPLACE FUNCTION cspi.report_last_day() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN make_date(extract(year FROM current_date)::int - (extract(month FROM current_date) < 4)::int + 1, 3, 31);
COMMENT ON FUNCTION cspi.report_last_day() IS
'The last day a report can cover: the end of the financial year containing today. Later dates (such as 9999-12-31 for "still open") are not placed in periods: an end date there reads as open, an event there is not counted (data_quality lists it).';
CREATE OR REPLACE FUNCTION cspi.in_report_years(d date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(d BETWEEN cspi.report_first_day() AND cspi.report_last_day(), false);
COMMENT ON FUNCTION cspi.in_report_years(date) IS
'Whether a date lies in the years a report can cover (cspi.report_first_day() to cspi.report_last_day()); false for NULL and infinite dates.';

-- The local (Europe/London) date of a moment: the day an event of a
-- timestamptz source falls on, whatever the session's time zone; a
-- timestamp is already local.
CREATE OR REPLACE FUNCTION cspi.local_date(moment timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (moment AT TIME ZONE 'Europe/London')::date;
COMMENT ON FUNCTION cspi.local_date(timestamptz) IS
'The date in England (Europe/London) of a moment, whatever the session''s time zone.';
CREATE OR REPLACE FUNCTION cspi.local_date(moment timestamp) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN moment::date;
COMMENT ON FUNCTION cspi.local_date(timestamp) IS
'The date of a local (wall-clock) timestamp.';

CREATE OR REPLACE FUNCTION cspi.periods_of(d date)
    RETURNS TABLE (period_type text, period text, period_start date, period_end date)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 3
    BEGIN ATOMIC
    SELECT v.period_type, v.period, v.period_start, v.period_end
      FROM (SELECT extract(year FROM d)::int - (extract(month FROM d) < 4)::int AS fy) y,
           LATERAL (VALUES
               ('year', y.fy::text || '/' || lpad(((y.fy + 1) % 100)::text, 2, '0'),
                make_date(y.fy, 4, 1), make_date(y.fy + 1, 3, 31)),
               ('quarter', y.fy::text || '/' || lpad(((y.fy + 1) % 100)::text, 2, '0')
                           || ' Q' || ((extract(month FROM d)::int + 8) % 12 / 3 + 1)::text,
                (date_trunc('quarter', d - interval '3 months') + interval '3 months')::date,
                (date_trunc('quarter', d - interval '3 months') + interval '6 months' - interval '1 day')::date),
               ('month', to_char(d, 'YYYY-MM'),
                date_trunc('month', d)::date,
                (date_trunc('month', d) + interval '1 month' - interval '1 day')::date)
           ) AS v(period_type, period, period_start, period_end)
     WHERE d IS NOT NULL;
    END;
COMMENT ON FUNCTION cspi.periods_of(date) IS
'The financial year, quarter and month a date falls in, with their first and last days; no rows for NULL.';

CREATE OR REPLACE FUNCTION cspi.period_bounds(period text,
                                   OUT period_type text, OUT period_start date, OUT period_end date)
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    m text[];
BEGIN
    m := regexp_match(period, '^(\d{4})/(\d{2})( Q([1-4]))?$');
    IF m IS NOT NULL AND ((m[1]::int + 1) % 100) = m[2]::int THEN
        IF m[4] IS NULL THEN
            period_type := 'year';
            period_start := make_date(m[1]::int, 4, 1);
            period_end := make_date(m[1]::int + 1, 3, 31);
        ELSE
            period_type := 'quarter';
            period_start := (make_date(m[1]::int, 4, 1) + (m[4]::int - 1) * interval '3 months')::date;
            period_end := (period_start + interval '3 months' - interval '1 day')::date;
        END IF;
        RETURN;
    END IF;
    m := regexp_match(period, '^(\d{4})-(\d{2})$');
    IF m IS NOT NULL AND m[2]::int BETWEEN 1 AND 12 THEN
        period_type := 'month';
        period_start := make_date(m[1]::int, m[2]::int, 1);
        period_end := (period_start + interval '1 month' - interval '1 day')::date;
        RETURN;
    END IF;
    RAISE EXCEPTION 'invalid period "%"', period
        USING ERRCODE = 'invalid_parameter_value',
              HINT = 'A period is a financial year (''2023/24''), a quarter (''2023/24 Q1'') or a month (''2023-04'').';
END
$$;
COMMENT ON FUNCTION cspi.period_bounds(text) IS
'The type, first and last day of a period label: ''2023/24'', ''2023/24 Q1'' or ''2023-04''; an error for anything else.';


--------------------------------------------------------------------------
-- The indicator catalogue and targets
--------------------------------------------------------------------------

CREATE TABLE cspi.indicator (
    code           text PRIMARY KEY CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    section        text NOT NULL,
    title          text NOT NULL,
    unit           text NOT NULL CHECK (unit IN ('%', 'count', 'per 10,000')),
    polarity       text CHECK (polarity IN ('higher', 'lower')),
    default_target numeric,
    definition     text NOT NULL,
    display_order  integer NOT NULL DEFAULT 0,
    requires       text[] NOT NULL,
    sentence       text NOT NULL,
    explanation    text,
    sort_key       numeric
);
COMMENT ON TABLE cspi.indicator IS
'The indicator catalogue, shipped with cspi: one row per indicator of the year-end report, in the report''s order.';
COMMENT ON COLUMN cspi.indicator.code IS 'Stable code, such as REF_1WD.';
COMMENT ON COLUMN cspi.indicator.section IS 'Report section.';
COMMENT ON COLUMN cspi.indicator.title IS 'Short title.';
COMMENT ON COLUMN cspi.indicator.unit IS '%, count or per 10,000.';
COMMENT ON COLUMN cspi.indicator.polarity IS 'higher or lower is better; NULL when neither.';
COMMENT ON COLUMN cspi.indicator.default_target IS 'Target unless cspi.target sets another; NULL: none.';
COMMENT ON COLUMN cspi.indicator.definition IS 'Numerator / denominator, as computed.';
COMMENT ON COLUMN cspi.indicator.display_order IS 'Order in the report and the scorecard: 1, 2, 3... by sort_key, then code (renumbered by every install and upgrade).';
COMMENT ON COLUMN cspi.indicator.sort_key IS 'Where the indicator''s family file places it in the report (src/sql/indicators/): any number, with gaps left so that an indicator can go between two others; display_order follows it.';
COMMENT ON COLUMN cspi.indicator.requires IS 'Source relations the indicator needs; without any of them it is unavailable.';

-- Each indicator's sentence in the narrative (cspi.narrative), a template
-- that councils may reword in cspi.indicator_wording.
COMMENT ON COLUMN cspi.indicator.sentence IS
'The narrative sentence template. Placeholders: {in_period} (''In 2023/24''), {period}, {period_end} (''the end of March 2024''), {display} (''81.4% (1,119 / 1,374)''), {value} (''81.4%'', ''146'', ''65.6''), {numerator}, {denominator}, {verdict} (comparison with the previous period and the target, as a sentence or nothing), {value:CODE} for another indicator''s value in the same period, and {singular|plural} for words that follow the figure (the first when the figure is a count of exactly one: ''{value} {child was|children were}''). Override it in cspi.indicator_wording.';
COMMENT ON COLUMN cspi.indicator.explanation IS
'The definition in plain words, for readers of the report (its appendix); definition gives the exact rule.';

-- The sentences themselves: each family's file of src/sql/indicators/.

CREATE TABLE cspi.indicator_wording (
    indicator text PRIMARY KEY REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    template  text NOT NULL
);
COMMENT ON TABLE cspi.indicator_wording IS
'A council''s own sentence templates for the narrative, overriding cspi.indicator.sentence: insert or update a row with plain SQL; kept by pg_dump.';
COMMENT ON COLUMN cspi.indicator_wording.indicator IS 'Indicator code.';
COMMENT ON COLUMN cspi.indicator_wording.template IS 'The template; see cspi.indicator.sentence for the placeholders.';
SELECT pg_catalog.pg_extension_config_dump('cspi.indicator_wording', '');
GRANT SELECT ON cspi.indicator_wording TO PUBLIC;



CREATE TABLE cspi.target (
    indicator   text NOT NULL REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    from_period text NOT NULL,
    target      numeric,
    PRIMARY KEY (indicator, from_period),
    CONSTRAINT target_period_check CHECK (cspi.period_bounds(from_period) IS NOT NULL)
);
COMMENT ON TABLE cspi.target IS
'A council''s own targets: from the start of from_period (''2023/24'', ''2023/24 Q3'' or ''2023-10'') the indicator''s target is target (NULL: no target). Kept by pg_dump.';
COMMENT ON COLUMN cspi.target.indicator IS 'Indicator code (cspi.indicator.code).';
COMMENT ON COLUMN cspi.target.from_period IS 'First period the target applies to.';
COMMENT ON COLUMN cspi.target.target IS 'The target, in the indicator''s unit; NULL for none.';
SELECT pg_catalog.pg_extension_config_dump('cspi.target', '');
GRANT SELECT ON cspi.indicator, cspi.target, cspi.contract_column TO PUBLIC;



--------------------------------------------------------------------------
-- The indicator engine: what deploy() builds, as data, and how it builds it
--------------------------------------------------------------------------
--
-- A report schema holds the published objects (a stable API: names and
-- columns only ever grow): the drill-down views, data_quality, period,
-- indicator_value, deployment and indicator_availability.  The materialized
-- views behind period and indicator_value live in an internal schema of the
-- deployment (cspi_internal_N, one per deploy), beside copies of the views
-- they are computed from; the published period and indicator_value are views
-- over them.  A deploy builds a whole new internal schema first, reading the
-- sources but locking nothing a reader uses, then switches the published
-- views to it with CREATE OR REPLACE VIEW (which keeps the views, grants and
-- comments that councils made over them) and drops the old one: readers wait
-- only for that last moment.
--
-- cspi.report_object holds every object's definition (files engine_*.sql,
-- one per indicator family) and cspi.indicator_measure what each indicator
-- counts; deploy() walks them.

CREATE TABLE cspi.report_object (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*$'),
    kind        text NOT NULL CHECK (kind IN ('view', 'materialized view')),
    build_order integer NOT NULL UNIQUE,
    family      text NOT NULL,
    unique_key  text,
    definition  text NOT NULL,
    comment     text NOT NULL,
    CONSTRAINT report_object_key_check CHECK ((kind = 'materialized view') = (unique_key IS NOT NULL))
);
COMMENT ON COLUMN cspi.report_object.name IS 'The object''s name in the report schema.';
COMMENT ON COLUMN cspi.report_object.kind IS 'view, or materialized view (built in the internal schema and published as a view over it).';
COMMENT ON COLUMN cspi.report_object.build_order IS 'Objects are built in this order: an object may use those before it.';
COMMENT ON COLUMN cspi.report_object.family IS 'The family of indicators it serves (the engine_*.sql file that defines it).';
COMMENT ON COLUMN cspi.report_object.unique_key IS 'Materialized views: the columns of their unique index, which REFRESH ... CONCURRENTLY needs.';
COMMENT ON COLUMN cspi.report_object.comment IS 'Its comment in the report schema.';

CREATE TABLE cspi.indicator_measure (
    indicator      text PRIMARY KEY REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('event', 'snapshot', 'query')),
    relation       text REFERENCES cspi.report_object (name),
    anchor         text,
    row_filter     text,
    count_distinct text,
    numerator      text,
    denominator    text,
    query          text,
    cases_query    text,
    CONSTRAINT indicator_measure_fields_check CHECK (CASE kind
        WHEN 'event' THEN relation IS NOT NULL AND anchor IS NOT NULL AND numerator IS NOT NULL AND query IS NULL
        WHEN 'snapshot' THEN relation IS NOT NULL AND anchor IS NULL AND numerator IS NOT NULL AND query IS NULL
        ELSE query IS NOT NULL AND cases_query IS NOT NULL AND relation IS NULL END)
);
COMMENT ON TABLE cspi.indicator_measure IS
'What each indicator counts. event: rows of relation placed in the period by anchor (a date); snapshot: rows of relation at each month end (its period_end column), a period taking its last month end; query: a hand-written query returning (period_type, period, num, den). Every indicator of the catalogue has one; adding an indicator over an existing drill-down is a row in cspi.indicator and a row here.';
COMMENT ON COLUMN cspi.indicator_measure.indicator IS 'The indicator (cspi.indicator.code).';
COMMENT ON COLUMN cspi.indicator_measure.kind IS 'event, snapshot or query.';
COMMENT ON COLUMN cspi.indicator_measure.relation IS 'The drill-down (cspi.report_object) whose rows are counted.';
COMMENT ON COLUMN cspi.indicator_measure.anchor IS 'event: the date (a column or expression of relation) that places a row in a period; rows without one are not counted.';
COMMENT ON COLUMN cspi.indicator_measure.row_filter IS 'Which rows count at all (a boolean expression over relation''s columns); NULL: every row.';
COMMENT ON COLUMN cspi.indicator_measure.count_distinct IS 'What is counted distinct (such as child_id); NULL: rows.';
COMMENT ON COLUMN cspi.indicator_measure.numerator IS 'Which counted rows are in the numerator (a boolean expression; true: all). An event measure may compare with period_end, the end of the period counted.';
COMMENT ON COLUMN cspi.indicator_measure.denominator IS 'Which counted rows are in the denominator (a boolean expression); NULL: none (counts, and rates, whose denominator is the population).';
COMMENT ON COLUMN cspi.indicator_measure.query IS 'query: the query, returning period_type, period, num and den; @R@ is the schema it runs in.';
COMMENT ON COLUMN cspi.indicator_measure.cases_query IS 'query: the cases behind a figure (cspi.cases), returning in_numerator, child_id, case_id, case_date and details for the period from $1 to $2; @R@ is the schema it runs in.';

-- Which report schema was deployed from what, by which version of cspi.
-- pg_dump keeps it.  Anyone may read it; only a role that owns a report
-- schema (or is a member of its owner) may change its row.
CREATE SEQUENCE cspi.deployment_generation_seq;
COMMENT ON SEQUENCE cspi.deployment_generation_seq IS
'Numbers the internal schemas of deployments (cspi_internal_N).';
CREATE TABLE cspi.deployment (
    report_schema   name PRIMARY KEY,
    source_schema   name NOT NULL,
    calendar        text NOT NULL,
    internal_schema name,
    cspi_version    text NOT NULL,
    deployed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    deployed_by     name NOT NULL DEFAULT CURRENT_USER,
    refreshed_at    timestamptz,
    la_code         text,
    latest_event    date
);
COMMENT ON TABLE cspi.deployment IS
'The deployment registry: each report schema, the source schema and calendar it was deployed with, its internal schema, the version of cspi that deployed it and when it was last refreshed. cspi.redeploy() reads it; pg_dump keeps it.';
COMMENT ON COLUMN cspi.deployment.report_schema IS 'The report schema.';
COMMENT ON COLUMN cspi.deployment.source_schema IS 'The source schema it reads.';
COMMENT ON COLUMN cspi.deployment.calendar IS 'The calendar working days are counted with.';
COMMENT ON COLUMN cspi.deployment.internal_schema IS 'Where its materialized views live; NULL for a schema deployed by cspi 1.0, which kept them in the report schema.';
COMMENT ON COLUMN cspi.deployment.cspi_version IS 'The version of cspi that deployed it; cspi.redeploy() brings it to the installed one.';
COMMENT ON COLUMN cspi.deployment.deployed_at IS 'When it was deployed.';
COMMENT ON COLUMN cspi.deployment.deployed_by IS 'The role that deployed it.';
COMMENT ON COLUMN cspi.deployment.refreshed_at IS 'When cspi.refresh() last refreshed it (NULL: not since it was deployed).';
COMMENT ON COLUMN cspi.deployment.latest_event IS
'The latest event in the report''s source (cspi.latest_event_date) when it was last deployed or refreshed: the date its data is as at.';
COMMENT ON COLUMN cspi.deployment.la_code IS
'The council''s local authority, its old three-digit code (cspi.local_authority): the DfE''s published figures for it, its region and its statistical neighbours go beside its own. NULL: England''s figures only.';
SELECT pg_catalog.pg_extension_config_dump('cspi.deployment', '');
SELECT pg_catalog.pg_extension_config_dump('cspi.deployment_generation_seq', '');
ALTER TABLE cspi.deployment ENABLE ROW LEVEL SECURITY;
CREATE POLICY deployment_read ON cspi.deployment FOR SELECT USING (true);
CREATE POLICY deployment_owner_insert ON cspi.deployment FOR INSERT
    WITH CHECK (pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
CREATE POLICY deployment_owner_update ON cspi.deployment FOR UPDATE
    USING (pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
CREATE POLICY deployment_owner_delete ON cspi.deployment FOR DELETE
    USING (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema)
           OR pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON cspi.deployment TO PUBLIC;
GRANT USAGE ON SEQUENCE cspi.deployment_generation_seq TO PUBLIC;
GRANT SELECT ON cspi.report_object, cspi.indicator_measure TO PUBLIC;

-- The placeholders of the report objects' definitions (since 1.2:
-- @SCHEMA@).
COMMENT ON TABLE cspi.report_object IS
'Every object cspi.deploy() creates in a report schema besides the src_ views, in build order: its kind, its family of indicators, its query and its comment. In a definition, @R@ stands for the schema it is built in (an identifier), @SCHEMA@ for its name (a literal) and @CAL@ for the calendar (a literal); indicator_value''s @EVENTS@ and @SNAPSHOTS@ are made from cspi.indicator_measure.';
COMMENT ON COLUMN cspi.report_object.definition IS 'The query, with @R@, @SCHEMA@ and @CAL@ (and @EVENTS@, @SNAPSHOTS@) placeholders, filled once, in one pass.';


--------------------------------------------------------------------------
-- The DfE's published figures: England, regions, every local authority and
-- its statistical neighbours, beside cspi's own figures
--------------------------------------------------------------------------
-- The DfE publishes each year, on Explore Education Statistics, every local
-- authority's children's social care figures with the regional and England
-- ones, as "tidy" CSV files; and a statistical-neighbour model naming each
-- authority's ten most similar authorities.  The companion extension
-- cspi_dfe ships the latest two years of the files that match cspi's
-- indicators (data/dfe/, loaded by CREATE EXTENSION cspi_dfe), and cspi
-- loads a council's newer files the same
-- way: cspi.load_dfe_file(file, content).  cspi.published_measure maps the
-- DfE's measures to cspi's indicators, saying where the definitions differ.
--
-- Shipped rows (shipped = true) are what CREATE EXTENSION loads; pg_dump
-- keeps only a council's own loads.  A council's load of a measure and
-- year shadows the shipped one (cspi.published_figure_current), so that a
-- dump restores on top of the shipped rows without a conflict.

CREATE TABLE cspi.dfe_file (
    kind        text PRIMARY KEY,
    file_name   text NOT NULL,
    columns     text[] NOT NULL,
    required    text[] NOT NULL,
    description text NOT NULL
);
COMMENT ON TABLE cspi.dfe_file IS
'The DfE files cspi.load_dfe_file() reads: each kind, the file name the DfE publishes it under (any name containing it is recognised), the columns it may have (any other is refused) and those it must have.';
COMMENT ON COLUMN cspi.dfe_file.kind IS 'The kind of file, which cspi.load_dfe_file() also accepts as its name.';
COMMENT ON COLUMN cspi.dfe_file.file_name IS 'The name, or the start of the name, of the file as published.';
COMMENT ON COLUMN cspi.dfe_file.columns IS 'Every column the file may have (matched ignoring case).';
COMMENT ON COLUMN cspi.dfe_file.required IS 'The columns it must have.';
COMMENT ON COLUMN cspi.dfe_file.description IS 'What the file holds.';
GRANT SELECT ON cspi.dfe_file TO PUBLIC;

CREATE TABLE cspi.published_measure (
    measure     text PRIMARY KEY,
    kind        text NOT NULL REFERENCES cspi.dfe_file (kind),
    indicator   text REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    unit        text NOT NULL CHECK (unit IN ('%', 'count', 'per 10,000')),
    title       text NOT NULL,
    difference  text
);
COMMENT ON TABLE cspi.published_measure IS
'Each DfE measure cspi reads, and the cspi indicator it is compared with (NULL: none), with where the two definitions differ.';
COMMENT ON COLUMN cspi.published_measure.measure IS 'The measure''s name in cspi.published_figure.';
COMMENT ON COLUMN cspi.published_measure.kind IS 'The DfE file it comes from (cspi.dfe_file).';
COMMENT ON COLUMN cspi.published_measure.indicator IS 'The cspi indicator it measures; NULL for a measure used only to compute another (the population).';
COMMENT ON COLUMN cspi.published_measure.unit IS 'Its unit, the indicator''s.';
COMMENT ON COLUMN cspi.published_measure.title IS 'What the DfE measures, in its words.';
COMMENT ON COLUMN cspi.published_measure.difference IS 'Where the DfE''s definition differs from the indicator''s (NULL: none known).';
GRANT SELECT ON cspi.published_measure TO PUBLIC;

CREATE TABLE cspi.published_figure (
    measure          text NOT NULL REFERENCES cspi.published_measure (measure) ON UPDATE CASCADE,
    time_period      integer NOT NULL,
    geographic_level text NOT NULL CHECK (geographic_level IN ('National', 'Regional', 'Local authority')),
    area_code        text NOT NULL,
    old_la_code      text,
    area_name        text NOT NULL,
    region_code      text,
    value            numeric,
    numerator        numeric,
    denominator      numeric,
    suppression      text CHECK (suppression IN ('c', 'x', 'z', 'k', 'u', 'low')),
    source_file      text NOT NULL,
    shipped          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (measure, time_period, geographic_level, area_code, shipped)
);
COMMENT ON TABLE cspi.published_figure IS
'The DfE''s published figures, one row per measure, year, area: England (National), a region or a local authority. Rows shipped with cspi have shipped = true; cspi.load_dfe_file() adds a council''s own loads, which shadow the shipped rows of the same measure and year (cspi.published_figure_current). Kept by pg_dump (a council''s loads only).';
COMMENT ON COLUMN cspi.published_figure.measure IS 'The measure (cspi.published_measure).';
COMMENT ON COLUMN cspi.published_figure.time_period IS 'The year ending 31 March of that year (2025: the financial year 2024/25); for the population, the year of the 30 June estimate.';
COMMENT ON COLUMN cspi.published_figure.geographic_level IS 'National (England), Regional or Local authority.';
COMMENT ON COLUMN cspi.published_figure.area_code IS 'The area''s ONS code: E92000001 for England, E12... for a region, the local authority''s new_la_code (its old three-digit code when the file has no ONS code).';
COMMENT ON COLUMN cspi.published_figure.old_la_code IS 'A local authority''s old three-digit code (302: Barnet).';
COMMENT ON COLUMN cspi.published_figure.area_name IS 'England, the region''s or the local authority''s name.';
COMMENT ON COLUMN cspi.published_figure.region_code IS 'A local authority''s region as the file gives it (Inner or Outer London for London boroughs).';
COMMENT ON COLUMN cspi.published_figure.value IS 'The figure in the indicator''s unit; NULL when suppressed or not published.';
COMMENT ON COLUMN cspi.published_figure.numerator IS 'The published numerator of a percentage or rate (a count, children in care), where published.';
COMMENT ON COLUMN cspi.published_figure.denominator IS 'The published denominator (the children counted, the population), where published.';
COMMENT ON COLUMN cspi.published_figure.suppression IS 'Why the value is missing: c (confidential, small numbers), x (not available), z (not applicable), k (fewer than 0.5), u (low reliability); NULL when published.';
COMMENT ON COLUMN cspi.published_figure.source_file IS 'The file it was loaded from.';
COMMENT ON COLUMN cspi.published_figure.shipped IS 'True for the figures shipped with cspi.';
SELECT pg_catalog.pg_extension_config_dump('cspi.published_figure', 'WHERE NOT shipped');
GRANT SELECT ON cspi.published_figure TO PUBLIC;

CREATE TABLE cspi.statistical_neighbour (
    old_la_code    text NOT NULL,
    la_name        text NOT NULL,
    region_name    text,
    neighbour_rank integer NOT NULL CHECK (neighbour_rank BETWEEN 1 AND 10),
    neighbour_code text NOT NULL,
    closeness      text,
    source_file    text NOT NULL,
    shipped        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (old_la_code, neighbour_rank, shipped)
);
COMMENT ON TABLE cspi.statistical_neighbour IS
'The DfE''s statistical-neighbour model: each local authority''s ten most similar authorities, closest first. A council''s own load of a model replaces the shipped one. Kept by pg_dump (a council''s loads only).';
COMMENT ON COLUMN cspi.statistical_neighbour.old_la_code IS 'The local authority''s old three-digit code.';
COMMENT ON COLUMN cspi.statistical_neighbour.la_name IS 'Its name.';
COMMENT ON COLUMN cspi.statistical_neighbour.region_name IS 'Its region.';
COMMENT ON COLUMN cspi.statistical_neighbour.neighbour_rank IS '1 for the closest neighbour to 10.';
COMMENT ON COLUMN cspi.statistical_neighbour.neighbour_code IS 'The neighbour''s old three-digit code.';
COMMENT ON COLUMN cspi.statistical_neighbour.closeness IS 'The model''s word for how close (Close, Somewhat close...).';
COMMENT ON COLUMN cspi.statistical_neighbour.source_file IS 'The file it was loaded from.';
COMMENT ON COLUMN cspi.statistical_neighbour.shipped IS 'True for the model shipped with cspi.';
SELECT pg_catalog.pg_extension_config_dump('cspi.statistical_neighbour', 'WHERE NOT shipped');
GRANT SELECT ON cspi.statistical_neighbour TO PUBLIC;

--------------------------------------------------------------------------
-- The statutory returns as a source: SSDA903 files and the CIN census in
--------------------------------------------------------------------------
-- Every English council already produces the SSDA903 return (children
-- looked after: CSV files header, episodes, reviews, uasc, oc2, oc3, ad1,
-- placed_for_adoption, previous_permanence, missing, sw_episodes) and the
-- Children in Need census (XML).  cspi loads them into staging tables in a
-- returns schema, one collection year at a time (cspi.import_903,
-- cspi.import_cin_census), and cspi.source_from_returns() makes the data
-- contract's relations as views over them (returns_source.sql).  The
-- collection year is the year the return's year ends (2024: 1 April 2023
-- to 31 March 2024), as the DfE's time_period.

CREATE TABLE cspi.return_file (
    kind         text PRIMARY KEY,
    columns      text[] NOT NULL,
    date_columns text[] NOT NULL,
    required     text[] NOT NULL,
    description  text NOT NULL
);
COMMENT ON TABLE cspi.return_file IS
'The SSDA903 files cspi.import_903() reads: each kind, its columns (the DfE''s names), which of them are dates and which a file must have.';
COMMENT ON COLUMN cspi.return_file.kind IS 'The file kind, as cspi.import_903() takes it (episodes, header...).';
COMMENT ON COLUMN cspi.return_file.columns IS 'Its columns, as the DfE names them (matched ignoring case).';
COMMENT ON COLUMN cspi.return_file.date_columns IS 'The columns that are dates (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd).';
COMMENT ON COLUMN cspi.return_file.required IS 'The columns a file of this kind must have.';
COMMENT ON COLUMN cspi.return_file.description IS 'What the file holds.';
GRANT SELECT ON cspi.return_file TO PUBLIC;

-- The DfE's code lists (the 903 guide and validator), for data_quality.
CREATE TABLE cspi.return_code (
    kind        text NOT NULL REFERENCES cspi.return_file (kind),
    column_name text NOT NULL,
    codes       text[] NOT NULL,
    PRIMARY KEY (kind, column_name)
);
COMMENT ON TABLE cspi.return_code IS
'The DfE''s code lists for SSDA903 columns: a value outside its list is listed by the returns schema''s data_quality view (the row is still loaded and used where it can be).';
COMMENT ON COLUMN cspi.return_code.kind IS 'The file kind.';
COMMENT ON COLUMN cspi.return_code.column_name IS 'The column.';
COMMENT ON COLUMN cspi.return_code.codes IS 'The codes the DfE accepts, in any collection year from 2022/23.';
GRANT SELECT ON cspi.return_code TO PUBLIC;

-- The contract's relations that the statutory returns give, as queries
-- over the staging tables (cspi.source_from_returns).
CREATE TABLE cspi.returns_relation (
    relation    text PRIMARY KEY,
    return      text NOT NULL CHECK (return IN ('any', 'ssda903', 'cin')),
    build_order integer NOT NULL UNIQUE,
    definition  text NOT NULL
);
COMMENT ON TABLE cspi.returns_relation IS
'The data contract''s relations that the statutory returns give: cspi.source_from_returns makes each a view over the staging tables, in build_order, when its return is loaded. Shipped with cspi; an indicator family that adds a relation to the contract adds its row.';
COMMENT ON COLUMN cspi.returns_relation.relation IS 'The contract relation (cspi.contract_column.relation).';
COMMENT ON COLUMN cspi.returns_relation.return IS 'The return it comes from: ssda903, cin (the CIN census) or any (either).';
COMMENT ON COLUMN cspi.returns_relation.build_order IS 'Views are made in this order.';
COMMENT ON COLUMN cspi.returns_relation.definition IS 'The view''s query; @RETURNS@ stands for the returns schema (an identifier).';
GRANT SELECT ON cspi.returns_relation TO PUBLIC;

--------------------------------------------------------------------------
-- The BI surface: the scorecard as a view, and a comment on every column
-- of every published view
--------------------------------------------------------------------------
-- BI tools (Power BI, Tableau, Metabase) list what they can read from
-- information_schema and show column comments as descriptions: every
-- object of a report schema is a plain view, and deploy() comments each of
-- its columns from cspi.report_column (src_ views: from the data contract).

CREATE TABLE cspi.report_column (
    object      text NOT NULL DEFAULT '',
    column_name text NOT NULL,
    comment     text NOT NULL,
    PRIMARY KEY (object, column_name)
);
COMMENT ON TABLE cspi.report_column IS
'The comment deploy() puts on each column of the report schema''s published views: the row for the view and column, else the row for the column in every view (object ''''). Columns of the src_ views take the data contract''s meaning (cspi.contract_column).';
COMMENT ON COLUMN cspi.report_column.object IS 'The published view; '''' for a column of that name in any view.';
COMMENT ON COLUMN cspi.report_column.column_name IS 'The column.';
COMMENT ON COLUMN cspi.report_column.comment IS 'Its comment.';
GRANT SELECT ON cspi.report_column TO PUBLIC;

--------------------------------------------------------------------------
-- The DfE's files cspi reads
--------------------------------------------------------------------------
-- One row of cspi.dfe_file per kind of file (cspi.load_dfe_file), before
-- the indicator families, whose files map the DfE's measures to their
-- indicators (cspi.published_measure).

INSERT INTO cspi.dfe_file (kind, file_name, columns, required, description) VALUES
 ('cla_numbers', 'cla_number_and_rate_per_10k_children',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000}',
  '{time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000}',
  'Children looked after on 31 March, starting and ceasing in the year: count and rate per 10,000 children.'),
 ('referrals', 'c1_children_in_need_referrals_and_rereferrals',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent}',
  '{time_period,geographic_level,referral_count,rereferral_count,rereferral_percent,rereferral_child_count}',
  'Referrals and re-referrals within 12 months, by referral and by child.'),
 ('cp_subsequent', 'd3_cpps_subsequent_plan',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent}',
  '{time_period,geographic_level,CPP_start,CPP_subsequent,CPP_subsequent_percent}',
  'Child protection plans starting in the year, and those that were a second or subsequent plan.'),
 ('cp_at_31_march', 'd5_cpps_at31march_by_duration',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_At31,3_months_or_less,3_months_or_less_percent,more_than_3_months_6_months,more_than_3_months_6_months_percent,more_than_6_months_less_than_1_year,more_than_6_months_less_than_1_year_percent,1_year_less_than_2_years,1_year_less_than_2_years_percent,2_years_or_more,2_years_or_more_percent}',
  '{time_period,geographic_level,CPP_At31}',
  'Child protection plans open on 31 March, by length.'),
 ('cla_stability', 'la_cla_placement_stability',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent}',
  '{time_period,geographic_level,cla_group,placement_stability,children_count,children_percent}',
  'Placement stability: children looked after on 31 March with 3 or more placements in the year; children looked after for 2.5 years and under 16 with the same carer for 2 years.'),
 ('care_leavers_activity', 'la_care_leavers_activity',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  '{time_period,geographic_level,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  'Care leavers by age and main activity (education, training or employment, NEET, not known).'),
 ('care_leavers_accommodation', 'la_care_leavers_accommodation_suitability',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  '{time_period,geographic_level,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  'Care leavers by age and whether their accommodation is suitable.'),
 ('population', 'ons_mid-year_population_estimates',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate}',
  '{time_period,geographic_level,age_group,population_estimate}',
  'ONS mid-year estimates of the children aged 0 to 17 (time_period is the year of the 30 June estimate).'),
 ('statistical_neighbours', 'sn_model',
  '{old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P}',
  '{old_la_code,la_name,SN_1,SN_2,SN_3,SN_4,SN_5,SN_6,SN_7,SN_8,SN_9,SN_10}',
  'The statistical-neighbour model: each local authority''s ten most similar authorities, closest first.')
ON CONFLICT (kind) DO UPDATE SET file_name = EXCLUDED.file_name, columns = EXCLUDED.columns, required = EXCLUDED.required, description = EXCLUDED.description;

--------------------------------------------------------------------------
-- Report objects: periods
--------------------------------------------------------------------------
-- The years, quarters and months a report covers (cspi.report_object rows).

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('period', 'materialized view', 10, 'periods', 'period_type, period',
'Every financial year, quarter and month from the first to the last financial year with events in the source. Refreshed by cspi.refresh() before indicator_value.',
$def$
WITH event_dates(d) AS (
    SELECT referral_date FROM @R@.src_referral UNION ALL SELECT completed_date FROM @R@.src_referral
    UNION ALL SELECT start_date FROM @R@.src_assessment UNION ALL SELECT authorised_date FROM @R@.src_assessment
    UNION ALL SELECT strategy_date FROM @R@.src_s47_enquiry UNION ALL SELECT icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT start_date FROM @R@.src_cp_plan UNION ALL SELECT end_date FROM @R@.src_cp_plan
    UNION ALL SELECT review_date FROM @R@.src_cp_review
    UNION ALL SELECT start_date FROM @R@.src_cla_episode UNION ALL SELECT end_date FROM @R@.src_cla_episode
    UNION ALL SELECT review_date FROM @R@.src_cla_review
    UNION ALL SELECT visit_date FROM @R@.src_visit
    UNION ALL SELECT start_date FROM @R@.src_allocation UNION ALL SELECT end_date FROM @R@.src_allocation
    UNION ALL SELECT completed_date FROM @R@.src_health_assessment
    UNION ALL SELECT cspi.local_date(start_at) FROM @R@.src_missing_episode
    UNION ALL SELECT cspi.local_date(returned_at) FROM @R@.src_missing_episode
    UNION ALL SELECT cspi.local_date(rhi_offered_at) FROM @R@.src_missing_episode
    UNION ALL SELECT as_at FROM @R@.src_care_leaver
    UNION ALL SELECT start_date FROM @R@.src_family_support UNION ALL SELECT end_date FROM @R@.src_family_support
), span AS (
    SELECT min(d) AS first_event, max(d) AS last_event
      FROM event_dates
     WHERE cspi.in_report_years(d)
), months AS (
    SELECT (make_date(y, 4, 1) + m * interval '1 month')::date AS month_start
      FROM span,
           generate_series(extract(year FROM span.first_event - interval '3 months')::int,
                           extract(year FROM span.last_event - interval '3 months')::int) AS y,
           generate_series(0, 11) AS m
     WHERE span.first_event IS NOT NULL
)
SELECT DISTINCT p.period_type, p.period, p.period_start, p.period_end
  FROM months CROSS JOIN LATERAL cspi.periods_of(months.month_start) AS p
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

--------------------------------------------------------------------------
-- Indicators: Missing children and care leavers
--------------------------------------------------------------------------
-- Return home interviews after missing episodes and care leavers' accommodation and activity (RHI_*, CL_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CL_ACCOM_19_21', 380, 'Missing children and care leavers',
     'Care leavers aged 19-21 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21, at their latest record in the 12 months to the end of the period, in suitable accommodation / those care leavers.',
     '{display} of our care leavers aged 19-21 were in suitable accommodation at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_ACCOM_22_25', 390, 'Missing children and care leavers',
     'Care leavers aged 22-25 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in suitable accommodation / those care leavers.',
     '{display} of our care leavers aged 22-25 were in suitable accommodation at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_NEET_19_21', 400, 'Missing children and care leavers',
     'Care leavers aged 19-21 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
     'Care leavers aged 19 to 21 whose activity is NEET / those care leavers.',
     '{display} of our care leavers aged 19-21 were not in education, employment or training at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_NEET_22_25', 410, 'Missing children and care leavers',
     'Care leavers aged 22-25 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
     'Care leavers aged 22 to 25 whose activity is NEET / those care leavers.',
     '{display} of our care leavers aged 22-25 were not in education, employment or training at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_EDUCATION_19_21', 420, 'Missing children and care leavers',
     'Care leavers aged 19-21 in education', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21 in education (including higher education) / those care leavers.',
     '{display} of our care leavers aged 19-21 were in education (including studies beyond A level) at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_EDUCATION_22_25', 430, 'Missing children and care leavers',
     'Care leavers aged 22-25 in education', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in education (including higher education) / those care leavers.',
     '{display} of our care leavers aged 22-25 were in education (including studies beyond A level) at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 440, 'Missing children and care leavers',
     'Care leavers aged 19-21 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21 in training or employment (including apprenticeships) / those care leavers.',
     '{display} of our care leavers aged 19-21 were in training or employment (including apprenticeships) at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 450, 'Missing children and care leavers',
     'Care leavers aged 22-25 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in training or employment (including apprenticeships) / those care leavers.',
     '{display} of our care leavers aged 22-25 were in training or employment (including apprenticeships) at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('care_leaver_at_period_end', 'view', 160, 'care_leavers', NULL,
'Care leavers at each month end at their latest record in the 12 months before, with age band and activity group (CL_*).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), latest AS (
    SELECT DISTINCT ON (e.period_end, l.child_id)
           e.period_end, l.child_id, l.as_at, l.in_touch, l.accommodation_suitable, l.activity
      FROM ends e
      JOIN @R@.src_care_leaver l
        ON l.as_at > e.period_end - interval '12 months' AND l.as_at <= e.period_end
     WHERE l.child_id IS NOT NULL
     ORDER BY e.period_end, l.child_id, l.as_at DESC
)
SELECT l.period_end, l.child_id, l.as_at, c.date_of_birth, a.age,
       CASE WHEN a.age BETWEEN 19 AND 21 THEN '19-21' WHEN a.age BETWEEN 22 AND 25 THEN '22-25' END AS age_band,
       l.in_touch, l.accommodation_suitable, l.activity,
       CASE WHEN l.activity IN ('F1', 'P1', 'F2', 'P2', 'EDUCATION') THEN 'education'
            WHEN l.activity IN ('F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'TRAINING_EMPLOYMENT') THEN 'training_employment'
            WHEN l.activity IN ('G4', 'G5', 'G6', 'NEET') THEN 'neet'
            ELSE 'unknown' END AS activity_group
  FROM latest l
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = l.child_id
  CROSS JOIN LATERAL (SELECT CASE WHEN isfinite(c.date_of_birth)
                              THEN extract(year FROM age(l.period_end, c.date_of_birth))::int END AS age) a
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CL_ACCOM_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''training_employment''', 'true'),
    ('CL_ACCOM_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''training_employment''', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('care_leavers_19_21_neet', 'care_leavers_activity', 'CL_NEET_19_21', '%', 'Care leavers aged 19 to 21 not in education, employment or training',
  'The DfE''s denominator is every care leaver aged 19 to 21 whose birthday fell in the year, activity recorded around that birthday; cspi''s is every care leaver aged 19 to 21 at the period''s end, at their latest record in the 12 months before.'),
 ('care_leavers_19_21_education', 'care_leavers_activity', 'CL_EDUCATION_19_21', '%', 'Care leavers aged 19 to 21 in education (higher education and other)',
  'As for NEET: the DfE takes the activity around the 19th, 20th or 21st birthday in the year; cspi the latest record in the 12 months to the period''s end.'),
 ('care_leavers_19_21_training_employment', 'care_leavers_activity', 'CL_TRAINING_EMPLOYMENT_19_21', '%', 'Care leavers aged 19 to 21 in training or employment (apprenticeships included)',
  'As for NEET: the DfE takes the activity around the 19th, 20th or 21st birthday in the year; cspi the latest record in the 12 months to the period''s end.'),
 ('care_leavers_19_21_suitable', 'care_leavers_accommodation', 'CL_ACCOM_19_21', '%', 'Care leavers aged 19 to 21 in suitable accommodation',
  'The DfE''s denominator includes care leavers with no information on their accommodation; cspi''s includes those whose suitability is unknown as not suitable, the same.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'accommodation_suitable', 'The care leaver''s accommodation is suitable (NULL: unknown).'),
 ('', 'activity', 'The care leaver''s main activity (SSDA903 OC3 code or its group).'),
 ('', 'activity_group', 'The activity''s group: education, training or employment, NEET, or other.'),
 ('', 'age_band', 'The care leaver''s age band: 19-21 or 22-25 (NULL: neither).'),
 ('', 'as_at', 'The date the care leaver''s record refers to (the latest in the 12 months to the end of the period).'),
 ('', 'in_touch', 'The authority is in touch with the care leaver.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- Indicators: Child protection
--------------------------------------------------------------------------
-- Section 47 enquiries, initial conferences, plans, reviews and visits (ICPC_*, CP_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('ICPC_15WD', 80, 'Child protection',
     'Initial child protection conferences within 15 working days', '%', 'higher', 95, '{s47_enquiry}',
     'Section 47 enquiries with icpc_date in the period, not transfer-in, and working_days(strategy_date, icpc_date) <= 15 / those with icpc_date in the period, not transfer-in.',
     '{display} of initial child protection conferences were held within 15 working days of the strategy discussion in {period}, excluding transfer-in conferences.{verdict}',
     'Of the initial child protection conferences held in the period (not counting transfer-in conferences), the share held within 15 working days of the strategy discussion.'),
    ('CP_OPEN', 90, 'Child protection',
     'Children subject to a child protection plan', 'count', NULL, NULL, '{cp_plan}',
     'Distinct children with a child protection plan open at the end of the period.',
     '{value} {child was|children were} subject to a child protection plan at {period_end}.{verdict}',
     'The number of children subject to a child protection plan on the last day of the period.'),
    ('CP_RATE', 100, 'Child protection',
     'Children subject to a child protection plan per 10,000 children', 'per 10,000', NULL, NULL, '{cp_plan,population}',
     'CP_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children subject to a child protection plan was {value} per 10,000 children at {period_end}.{verdict}',
     'Children subject to a child protection plan on the last day of the period, per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CP_STARTED', 110, 'Child protection',
     'Child protection plans started', 'count', NULL, NULL, '{cp_plan}',
     'Plans with start_date in the period.',
     '{value} child protection {plan|plans} started in {period}.{verdict}',
     'The number of child protection plans that started in the period.'),
    ('CP_REPEAT_2Y', 120, 'Child protection',
     'Child protection plans repeated within 2 years', '%', 'lower', 6, '{cp_plan}',
     'Plans starting in the period whose child has another plan with an earlier start_date and an end_date in [start_date - 2 years, start_date] / plans starting in the period.',
     '{display} of the child protection plans that started in {period} were for a child whose previous plan had ended within the 2 years before.{verdict}',
     'Of the child protection plans that started in the period, the share for a child whose previous plan ended in the 2 years before.'),
    ('CP_REPEAT_EVER', 130, 'Child protection',
     'Child protection plans for a second or subsequent time', '%', 'lower', NULL, '{cp_plan}',
     'Plans starting in the period whose child has another plan with an earlier start_date / plans starting in the period.',
     '{display} of the child protection plans that started in {period} were for a child who had been subject to a plan before (a second or subsequent plan).{verdict}',
     'Of the child protection plans that started in the period, the share for a child who had been subject to a plan before, at any time.'),
    ('CP_ALLOCATED_QSW', 140, 'Child protection',
     'Child protection cases allocated to a qualified social worker', '%', 'higher', 100, '{cp_plan,allocation}',
     'CP_OPEN children with an allocation open at the end of the period to a qualified social worker / CP_OPEN.',
     '{display} of the children subject to a child protection plan at {period_end} were allocated to a qualified social worker.{verdict}',
     'Of the children subject to a child protection plan on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CP_REVIEW_TIMELY', 150, 'Child protection',
     'Child protection reviews within timescale', '%', 'higher', 100, '{cp_review,cp_plan}',
     'Reviews held in the period in timescale (the first by plan start + 3 months, each later one by the previous review + 6 months) / reviews held in the period.',
     '{display} of child protection reviews in {period} were completed within the required timescales.{verdict}',
     'Of the child protection review conferences held in the period, the share held on time: the first within 3 months of the plan starting, each later one within 6 months of the one before.'),
    ('CP_VISIT_10WD', 160, 'Child protection',
     'Child protection visits within 10 working days', '%', 'higher', 100, '{visit,cp_plan}',
     'cp visits in the period within 10 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.',
     '{display} of child protection statutory visits were completed within 10 working days in {period}.{verdict}',
     'Of the child protection visits made in the period, the share made within 10 working days of the child''s previous visit under the plan (or of the plan starting).'),
    ('CP_VISIT_15WD', 170, 'Child protection',
     'Child protection visits within 15 working days', '%', 'higher', 100, '{visit,cp_plan}',
     'cp visits in the period within 15 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.',
     '{display} of child protection statutory visits were completed within 15 working days in {period}.{verdict}',
     'Of the child protection visits made in the period, the share made within 15 working days of the child''s previous visit under the plan (or of the plan starting).')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('icpc_timeliness', 'view', 40, 'child_protection', NULL,
'Each section 47 enquiry with its working days from strategy discussion to conference and whether within 15 (ICPC_15WD).',
$def$
SELECT s.s47_id, s.child_id, s.strategy_date, s.icpc_date, s.transfer_in, wd.working_days,
       s.icpc_date IS NOT NULL AND coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM @R@.src_s47_enquiry s
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(s.strategy_date, s.icpc_date, @CAL@) AS working_days
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_plan_detail', 'view', 50, 'child_protection', NULL,
'Each child protection plan and whether it repeats an earlier plan, within 2 years or ever (CP_STARTED, CP_REPEAT_*).',
$def$
WITH plan AS (
    -- Each row its own number: a missing or repeated plan_id must not merge
    -- two plans.
    SELECT p.*, row_number() OVER (ORDER BY p.child_id, p.start_date, p.plan_id, p.end_date) AS row_no
      FROM @R@.src_cp_plan p
), earlier AS (
    SELECT p.row_no,
           max(q.end_date) FILTER (WHERE q.end_date BETWEEN p.start_date - interval '2 years' AND p.start_date)
               AS previous_end_within_2y,
           max(q.start_date) AS previous_start
      FROM plan p
      JOIN plan q
        ON q.child_id = p.child_id AND q.row_no <> p.row_no AND q.start_date < p.start_date
     GROUP BY p.row_no
)
SELECT p.plan_id, p.child_id, p.start_date, p.end_date,
       e.previous_start AS previous_plan_start,
       e.previous_end_within_2y AS previous_plan_end_within_2y,
       e.previous_end_within_2y IS NOT NULL AS repeat_within_2y,
       e.previous_start IS NOT NULL AS repeat_ever
  FROM plan p
  LEFT JOIN earlier e ON e.row_no = p.row_no
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_review_timeliness', 'view', 60, 'child_protection', NULL,
'Each child protection review with the date it was due by and whether it was in timescale (CP_REVIEW_TIMELY).',
$def$
WITH reviews AS (
    SELECT r.review_id, r.plan_id, r.review_date,
           max(r.review_date) OVER (PARTITION BY r.plan_id ORDER BY r.review_date
                                    RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_review_date
      FROM @R@.src_cp_review r
     WHERE r.review_date IS NOT NULL
)
SELECT r.review_id, r.plan_id, p.child_id, p.start_date AS plan_start, r.review_date,
       r.previous_review_date,
       d.due_by,
       coalesce(r.review_date <= d.due_by, false) AS in_timescale
  FROM reviews r
  LEFT JOIN (SELECT DISTINCT ON (plan_id) plan_id, child_id, start_date
               FROM @R@.src_cp_plan ORDER BY plan_id, start_date) p ON p.plan_id = r.plan_id
  CROSS JOIN LATERAL (
      SELECT (CASE WHEN r.previous_review_date IS NULL THEN p.start_date + interval '3 months'
                   ELSE r.previous_review_date + interval '6 months' END)::date AS due_by
  ) d
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_visit_timeliness', 'view', 70, 'child_protection', NULL,
'Each child protection visit with the plan it belongs to, what its clock started from, its working days and whether within 10 and 15 (CP_VISIT_*).',
$def$
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date,
           row_number() OVER (ORDER BY v.child_id, v.visit_date, v.visit_id) AS row_no
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CP' AND v.visit_date IS NOT NULL
), with_plan AS (
    SELECT DISTINCT ON (v.row_no) v.*, p.plan_id, p.start_date AS plan_start
      FROM visits v
      LEFT JOIN @R@.src_cp_plan p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
     ORDER BY v.row_no, p.start_date DESC NULLS LAST, p.plan_id DESC NULLS LAST
)
SELECT w.visit_id, w.child_id, w.visit_date, w.plan_id, w.plan_start,
       CASE WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date END AS previous_visit_date,
       m.measured_from, wd.working_days,
       coalesce(wd.working_days <= 10, false) AS within_10wd,
       coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM with_plan w
  CROSS JOIN LATERAL (
      SELECT CASE WHEN w.plan_id IS NULL THEN NULL
                  WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date
                  ELSE w.plan_start END AS measured_from
  ) m
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(m.measured_from, w.visit_date, @CAL@) AS working_days
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_at_period_end', 'view', 140, 'child_protection', NULL,
'Children subject to a child protection plan at each month end, with their allocation (CP_OPEN, CP_RATE, CP_ALLOCATED_QSW).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), open_plans AS (
    SELECT DISTINCT ON (e.period_end, p.child_id) e.period_end, p.child_id, p.plan_id, p.start_date
      FROM ends e
      JOIN @R@.src_cp_plan p
        ON p.start_date <= e.period_end AND (p.end_date IS NULL OR p.end_date > e.period_end)
     WHERE p.child_id IS NOT NULL
     ORDER BY e.period_end, p.child_id, p.start_date DESC, p.plan_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_plans o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.plan_id, o.start_date AS plan_start,
       q.child_id IS NOT NULL AS allocated_qsw
  FROM open_plans o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('ICPC_15WD', 'event', 'icpc_timeliness', 'icpc_date', 'NOT transfer_in', NULL, 'within_15wd', 'true'),
    ('CP_STARTED', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'true', NULL),
    ('CP_REPEAT_2Y', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_within_2y', 'true'),
    ('CP_REPEAT_EVER', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_ever', 'true'),
    ('CP_REVIEW_TIMELY', 'event', 'cp_review_timeliness', 'review_date', NULL, NULL, 'in_timescale', 'true'),
    ('CP_VISIT_10WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_10wd', 'true'),
    ('CP_VISIT_15WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_15wd', 'true'),
    ('CP_OPEN', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_RATE', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_ALLOCATED_QSW', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'allocated_qsw', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('cp_subsequent_plans', 'cp_subsequent', 'CP_REPEAT_EVER', '%', 'Child protection plans starting in the year that were a second or subsequent plan',
  'The DfE counts any earlier plan, however long ago, as cspi''s CP_REPEAT_EVER does (CP_REPEAT_2Y, within 2 years, has no DfE equivalent).'),
 ('cp_started', 'cp_subsequent', 'CP_STARTED', 'count', 'Child protection plans starting in the year',
  'The same definition: plans, not children.'),
 ('cp_31_march', 'cp_at_31_march', 'CP_OPEN', 'count', 'Child protection plans open on 31 March',
  'The DfE counts plans, cspi children; a child has one plan at a time, so the two agree unless the source holds overlapping plans.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'icpc_date', 'The date of the initial child protection conference.'),
 ('', 'measured_from', 'The date the visit''s timescale runs from: the previous visit in the plan, or the plan''s start.'),
 ('', 'plan_id', 'The child protection plan (source id).'),
 ('', 'plan_start', 'The start of the child protection plan.'),
 ('', 'previous_plan_end_within_2y', 'The end of the child''s previous plan that ended within 2 years before this one started.'),
 ('', 'previous_plan_start', 'The start of the child''s previous plan.'),
 ('', 'repeat_ever', 'The child has had an earlier child protection plan.'),
 ('', 'repeat_within_2y', 'The child had a plan that ended within 2 years before this one started.'),
 ('', 's47_id', 'The section 47 enquiry (source id).'),
 ('', 'strategy_date', 'The date of the strategy discussion.'),
 ('', 'transfer_in', 'The conference was a transfer-in.'),
 ('', 'within_10wd', 'Within 10 working days.'),
 ('', 'within_15wd', 'Within 15 working days.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- Indicators: Children in care
--------------------------------------------------------------------------
-- Children looked after: who they are, how they came and left, placements, reviews, visits and health (CIC_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CIC_OPEN', 180, 'Children in care',
     'Children in care', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with an episode of care (not a short break) open at the end of the period.',
     '{value} {child was|children were} in care at {period_end}.{verdict}',
     'The number of children in care on the last day of the period, not counting children on short breaks.'),
    ('CIC_UASC', 190, 'Children in care',
     'Children in care who are unaccompanied asylum-seeking children', 'count', NULL, NULL, '{cla_episode}',
     'CIC_OPEN children whose open episode has uasc true.',
     '{value} of the children in care at {period_end} {was an unaccompanied asylum-seeking child|were unaccompanied asylum-seeking children}.{verdict}',
     'Of the children in care on the last day of the period, the number who are unaccompanied asylum-seeking children.'),
    ('CIC_RATE', 200, 'Children in care',
     'Children in care per 10,000 children', 'per 10,000', NULL, NULL, '{cla_episode,population}',
     'CIC_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children in care was {value} per 10,000 children at {period_end}.{verdict}',
     'Children in care on the last day of the period per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CIC_STARTED', 210, 'Children in care',
     'Children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with a period of care starting in the period.',
     '{value} {child|children} came into care in {period}.{verdict}',
     'The number of children who started a period of care in the period.'),
    ('CIC_STARTED_FAMILIES', 220, 'Children in care',
     'Families of children who started to be looked after', 'count', NULL, NULL, '{cla_episode,child,child.family_id}',
     'Distinct families of the CIC_STARTED children.',
     'The children who came into care in {period} were from {value} {family|families}.{verdict}',
     'The number of families the children who started to be looked after belong to.'),
    ('CIC_STARTED_UASC', 230, 'Children in care',
     'Unaccompanied asylum-seeking children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
     'CIC_STARTED children whose first period of care starting in the period has uasc true on its first episode.',
     '{value} of the children who came into care in {period} {was an unaccompanied asylum-seeking child|were unaccompanied asylum-seeking children}.{verdict}',
     'Of the children who started to be looked after, the number who were unaccompanied asylum-seeking children when they came into care.'),
    ('CIC_STARTED_BEFORE', 240, 'Children in care',
     'Children who started to be looked after who had been looked after before', 'count', NULL, NULL, '{cla_episode}',
     'CIC_STARTED children with a period of care ending before the first one that starts in the period.',
     '{value} of the children who came into care in {period} had been in care before.{verdict}',
     'Of the children who started to be looked after, the number who had been in care before.'),
    ('CIC_CEASED', 250, 'Children in care',
     'Children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with a period of care ending in the period.',
     '{value} {child|children} ceased to be in care in {period}.{verdict}',
     'The number of children whose period of care ended in the period.'),
    ('CIC_CEASED_FAMILIES', 260, 'Children in care',
     'Families of children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode,child,child.family_id}',
     'Distinct families of the CIC_CEASED children.',
     'The children who ceased to be in care in {period} were from {value} {family|families}.{verdict}',
     'The number of families the children who ceased to be looked after belong to.'),
    ('CIC_CEASED_HOME', 270, 'Children in care',
     'Children ceasing care who returned home', '%', 'higher', NULL, '{cla_episode}',
     'Periods of care ending in the period whose last episode''s reason_ceased is E4A or E4B / periods of care ending in the period.',
     '{display} of the periods of care that ended in {period} ended with the child returning home to their parents or others with parental responsibility.{verdict}',
     'Of the periods of care that ended in the period, the share that ended with the child returning home to their parents or others with parental responsibility.'),
    ('CIC_20_MILES', 280, 'Children in care',
     'Children in care placed 20 miles or more from home', '%', 'lower', NULL, '{cla_episode,cla_episode.distance_miles}',
     'CIC_OPEN children (not UASC, distance known) placed 20 miles or more away / those children.',
     '{display} of our children in care at {period_end} (excluding unaccompanied asylum-seeking children) were placed 20 or more miles from home.{verdict}',
     'Of the children in care on the last day of the period (not counting unaccompanied asylum-seeking children, and only where the distance is known), the share placed 20 miles or more from home.'),
    ('CIC_ALLOCATED_QSW', 290, 'Children in care',
     'Children in care allocated to a qualified social worker', '%', 'higher', 100, '{cla_episode,allocation}',
     'CIC_OPEN children with an allocation open at the end of the period to a qualified social worker / CIC_OPEN.',
     '{display} of children in care were allocated to a qualified social worker at {period_end}.{verdict}',
     'Of the children in care on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CIC_REVIEW_TIMELY', 300, 'Children in care',
     'Looked-after reviews within timescale', '%', 'higher', 100, '{cla_review,cla_episode}',
     'Reviews held in the period in timescale (the first of a period of care within 20 working days of its start, the second by the first + 3 months, each later one by the previous + 6 months) / reviews held in the period.',
     '{display} of looked-after reviews in {period} were completed within the required timescales.{verdict}',
     'Of the looked-after reviews held in the period, the share held on time: the first within 20 working days of coming into care, the second within 3 months of the first, each later one within 6 months of the one before.'),
    ('CIC_VISIT_TIMELY', 310, 'Children in care',
     'Children in care visits within timescale', '%', 'higher', 100, '{visit,cla_episode}',
     'cic visits in the period in timescale (by the due date where given; else the first of a placement within 7 days of its start, each later one within 42 days of the previous visit) / cic visits in the period.',
     '{display} of statutory visits for children in care were completed in timescale in {period}.{verdict}',
     'Of the statutory visits to children in care made in the period, the share made on time: by the due date where one is recorded, otherwise within 7 days of a new placement and within 6 weeks of the previous visit.'),
    ('CIC_RHA_DONE', 320, 'Children in care',
     'Review health assessments completed', '%', 'higher', 100, '{health_assessment}',
     'Review health assessments due in the period and completed by its end / review health assessments due in the period.',
     '{display} of the review health assessments due in {period} were completed by {period_end}.{verdict}',
     'Of the review health assessments due in the period, the share completed by the end of the period.'),
    ('CIC_HEALTH_CURRENT', 330, 'Children in care',
     'Children in care with an up-to-date health assessment', '%', 'higher', 100, '{cla_episode,health_assessment,child}',
     'CIC_OPEN children in care for 12 months or more whose latest health assessment was in the last 12 months (6 for under-5s) / those children.',
     '{display} of the children in care for a year or more had an up-to-date health assessment at {period_end}.{verdict}',
     'Of the children who on the last day of the period had been in care for 12 months or more, the share whose latest health assessment was in the last 12 months (6 months for children under 5).'),
    ('CIC_STABILITY_LONG', 340, 'Children in care',
     'Long-term placement stability', '%', 'higher', 68, '{cla_episode,child}',
     'CIC_OPEN children under 16 looked after for at least 2.5 years who have been in their current placement for at least 2 years / CIC_OPEN children under 16 looked after for at least 2.5 years.',
     '{display} of our children in care aged under 16 who have been looked after for at least 2.5 years have been in their current placement for at least 2 years at {period_end}.{verdict}',
     'Of the children in care under 16 on the last day of the period who had been looked after for at least 2.5 years, the share who had been in the same placement for at least 2 years.'),
    ('CIC_STABILITY_SHORT', 350, 'Children in care',
     'Children in care with 3 or more placements in 12 months', '%', 'lower', 10, '{cla_episode}',
     'CIC_OPEN children with 3 or more placements during the 12 months to the end of the period / CIC_OPEN.',
     '{display} of our children in care at {period_end} have had 3 or more placements within the previous 12 months.{verdict}',
     'Of the children in care on the last day of the period, the share who had 3 or more placements in the 12 months before.'),
    ('RHI_72H', 360, 'Missing children and care leavers',
     'Return home interviews offered within 72 hours', '%', 'higher', NULL, '{missing_episode}',
     'Missing episodes (not other authority) returning in the period with an interview offered within 72 hours of the return / missing episodes (not other authority) returning in the period.',
     '{in_period}, a return home interview was offered within 72 hours for {display} of the missing episodes that ended (excluding children looked after by other authorities).{verdict}',
     'Of the missing episodes that ended in the period (not counting children looked after by other authorities), the share where a return home interview was offered within 72 hours of the child returning.'),
    ('RHI_ENGAGED', 370, 'Missing children and care leavers',
     'Return home interviews with the child''s engagement', '%', 'higher', NULL, '{missing_episode}',
     'RHI_72H episodes offered an interview with rhi_engaged true / RHI_72H episodes offered an interview.',
     '{in_period}, the child engaged in {display} of the return home interviews offered.{verdict}',
     'Of the missing episodes where a return home interview was offered within 72 hours, the share where the child engaged in the interview.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_episode_detail', 'view', 80, 'children_in_care', NULL,
'Each episode of care (short breaks left out) with its period of care and placement numbers.',
$def$
WITH ep AS (
    SELECT e.*,
           e.placement IN ('T0', 'T1', 'T2', 'T3', 'T4') AS temporary,
           row_number() OVER w AS seq,
           lag(e.end_date) OVER w AS previous_end,
           lag(e.reason_ceased) OVER w AS previous_reason_ceased
      FROM @R@.src_cla_episode e
     WHERE e.legal_status IS DISTINCT FROM 'V3' AND e.legal_status IS DISTINCT FROM 'V4'
       AND e.start_date IS NOT NULL
    WINDOW w AS (PARTITION BY e.child_id ORDER BY e.start_date, e.episode_id)
), marked AS (
    SELECT ep.*,
           (ep.seq = 1 OR ep.reason_new = 'S'
            OR (ep.previous_end IS NOT NULL AND ep.previous_reason_ceased IS DISTINCT FROM 'X1'))
               AS starts_period_of_care
      FROM ep
), numbered AS (
    SELECT marked.*,
           sum(starts_period_of_care::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
               AS period_of_care
      FROM marked
), placement_marked AS (
    SELECT numbered.*,
           (reason_new IN ('S', 'P', 'B') AND NOT coalesce(temporary, false)
            AND NOT coalesce(lag(temporary) OVER (PARTITION BY child_id, period_of_care
                                                  ORDER BY start_date, episode_id), false))
               AS starts_placement
      FROM numbered
)
SELECT episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
       reason_ceased, distance_miles, uasc, coalesce(temporary, false) AS temporary,
       period_of_care, starts_period_of_care, starts_placement,
       sum(starts_placement::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
           AS placement_number
  FROM placement_marked
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_period_of_care', 'view', 90, 'children_in_care', NULL,
'Each period of care: start, end, first and last episode, UASC at start, whether the child returned home, and the child''s family.',
$def$
SELECT g.child_id, g.period_of_care, g.start_date,
       CASE WHEN g.last_end_date IS NOT NULL AND g.last_reason_ceased IS DISTINCT FROM 'X1'
            THEN g.last_end_date END AS end_date,
       g.first_episode_id, g.last_episode_id, g.first_reason_new,
       g.first_reason_new = 'S' AS starts_with_s,
       g.uasc_at_start, g.last_reason_ceased,
       g.last_end_date IS NOT NULL AND g.last_reason_ceased IN ('E4A', 'E4B') AS returned_home,
       g.episodes, c.family_id
  FROM (SELECT child_id, period_of_care,
               min(start_date) AS start_date,
               (array_agg(end_date ORDER BY start_date DESC, episode_id DESC))[1] AS last_end_date,
               (array_agg(reason_ceased ORDER BY start_date DESC, episode_id DESC))[1] AS last_reason_ceased,
               (array_agg(episode_id ORDER BY start_date, episode_id))[1] AS first_episode_id,
               (array_agg(episode_id ORDER BY start_date DESC, episode_id DESC))[1] AS last_episode_id,
               (array_agg(reason_new ORDER BY start_date, episode_id))[1] AS first_reason_new,
               (array_agg(uasc ORDER BY start_date, episode_id))[1] AS uasc_at_start,
               count(*) AS episodes
          FROM @R@.cla_episode_detail
         GROUP BY child_id, period_of_care) g
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = g.child_id
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_placement', 'view', 100, 'children_in_care', NULL,
'Each placement (temporary placements and returns from them are not new placements), with its start and end.',
$def$
SELECT s.child_id, s.placement_number, s.period_of_care, s.episode_id AS first_episode_id,
       s.placement AS placement_type, s.start_date,
       least(lead(s.start_date) OVER (PARTITION BY s.child_id ORDER BY s.placement_number),
             poc.end_date) AS end_date
  FROM @R@.cla_episode_detail s
  JOIN @R@.cla_period_of_care poc ON poc.child_id = s.child_id AND poc.period_of_care = s.period_of_care
 WHERE s.starts_placement
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_review_timeliness', 'view', 110, 'children_in_care', NULL,
'Each looked-after review with its period of care, its number in it and whether it was in timescale (CIC_REVIEW_TIMELY).',
$def$
WITH with_poc AS (
    -- One row per review row: a missing or repeated review_id must not merge
    -- two reviews.
    SELECT DISTINCT ON (r.row_no) r.review_id, r.child_id, r.review_date,
           poc.period_of_care, poc.start_date AS period_of_care_start
      FROM (SELECT x.*, row_number() OVER (ORDER BY x.child_id, x.review_date, x.review_id) AS row_no
              FROM @R@.src_cla_review x) r
      LEFT JOIN @R@.cla_period_of_care poc
        ON poc.child_id = r.child_id AND poc.start_date <= r.review_date
       AND (poc.end_date IS NULL OR poc.end_date >= r.review_date)
     WHERE r.review_date IS NOT NULL
     ORDER BY r.row_no, poc.start_date DESC NULLS LAST, poc.period_of_care DESC NULLS LAST
), ranked AS (
    SELECT w.*,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               dense_rank() OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date) END
               AS review_number,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               max(w.review_date) OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date
                                        RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING) END
               AS previous_review_date
      FROM with_poc w
)
SELECT r.review_id, r.child_id, r.review_date, r.period_of_care, r.period_of_care_start,
       r.review_number, r.previous_review_date, wd.working_days_from_start,
       CASE WHEN r.review_number = 2 THEN (r.previous_review_date + interval '3 months')::date
            WHEN r.review_number > 2 THEN (r.previous_review_date + interval '6 months')::date END AS due_by,
       CASE WHEN r.period_of_care IS NULL THEN false
            WHEN r.review_number = 1 THEN coalesce(wd.working_days_from_start <= 20, false)
            WHEN r.review_number = 2 THEN r.review_date <= r.previous_review_date + interval '3 months'
            ELSE r.review_date <= r.previous_review_date + interval '6 months' END AS in_timescale
  FROM ranked r
  CROSS JOIN LATERAL (
      SELECT CASE WHEN r.review_number = 1
                  THEN cspi.working_days_or_null(r.period_of_care_start, r.review_date, @CAL@) END
                 AS working_days_from_start
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cic_visit_timeliness', 'view', 120, 'children_in_care', NULL,
'Each child-in-care visit with its placement, the previous visit and whether it was in timescale (CIC_VISIT_TIMELY).',
$def$
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date, v.due_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date,
           row_number() OVER (ORDER BY v.child_id, v.visit_date, v.visit_id) AS row_no
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CIC' AND v.visit_date IS NOT NULL
), with_placement AS (
    SELECT DISTINCT ON (v.row_no) v.*, p.placement_number, p.start_date AS placement_start
      FROM visits v
      LEFT JOIN @R@.cla_placement p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
     ORDER BY v.row_no, p.start_date DESC NULLS LAST, p.placement_number DESC NULLS LAST
)
SELECT w.visit_id, w.child_id, w.visit_date, w.due_date, w.placement_number, w.placement_start,
       w.previous_visit_date, f.first_of_placement,
       CASE WHEN w.due_date IS NOT NULL THEN w.visit_date <= w.due_date
            WHEN w.placement_number IS NULL THEN false
            WHEN f.first_of_placement THEN w.visit_date - w.placement_start <= 7
            ELSE w.visit_date - w.previous_visit_date <= 42 END AS in_timescale
  FROM with_placement w
  CROSS JOIN LATERAL (
      SELECT w.placement_number IS NOT NULL
             AND (w.previous_visit_date IS NULL OR w.previous_visit_date < w.placement_start)
                 AS first_of_placement
  ) f
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('missing_return_interview', 'view', 130, 'children_in_care', NULL,
'Each missing episode with the time to the return home interview offer and whether within 72 hours (RHI_*): real hours when the source has timestamptz columns (a clock change does not count), wall-clock hours when it has timestamp columns.',
$def$
SELECT m.episode_id, m.child_id, m.start_at, m.returned_at, m.rhi_offered_at,
       m.rhi_offered_at - m.returned_at AS time_to_offer,
       coalesce(m.rhi_offered_at <= m.returned_at + interval '72 hours', false) AS offered_within_72h,
       m.rhi_offered_at IS NOT NULL AS offered,
       m.rhi_engaged AS engaged,
       m.other_authority
  FROM @R@.src_missing_episode m
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cic_at_period_end', 'view', 150, 'children_in_care', NULL,
'Children in care at each month end with every snapshot flag: UASC, distance, allocation, health, placement stability.',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), episode AS MATERIALIZED (
    SELECT * FROM @R@.cla_episode_detail
), placement AS MATERIALIZED (
    SELECT * FROM @R@.cla_placement
), open_episode AS MATERIALIZED (
    SELECT DISTINCT ON (e.period_end, x.child_id)
           e.period_end, x.child_id, x.episode_id, x.uasc, x.distance_miles, x.period_of_care
      FROM ends e
      JOIN episode x
        ON x.start_date <= e.period_end AND (x.end_date IS NULL OR x.end_date > e.period_end)
     WHERE x.child_id IS NOT NULL
     ORDER BY e.period_end, x.child_id, x.start_date DESC, x.episode_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_episode o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
), current_placement AS (
    SELECT DISTINCT ON (o.period_end, o.child_id) o.period_end, o.child_id, p.start_date
      FROM open_episode o
      JOIN placement p
        ON p.child_id = o.child_id AND p.start_date <= o.period_end
       AND (p.end_date IS NULL OR p.end_date > o.period_end)
     ORDER BY o.period_end, o.child_id, p.start_date DESC, p.placement_number DESC
), placements_12m AS (
    SELECT o.period_end, o.child_id, count(*) AS placements
      FROM open_episode o
      JOIN placement p
        ON p.child_id = o.child_id AND p.start_date <= o.period_end
       AND (p.start_date >= (o.period_end - interval '12 months' + interval '1 day')
            OR p.end_date IS NULL
            OR p.end_date > (o.period_end - interval '12 months' + interval '1 day'))
     GROUP BY o.period_end, o.child_id
), health AS (
    SELECT o.period_end, o.child_id, max(h.completed_date) AS latest
      FROM open_episode o
      JOIN @R@.src_health_assessment h
        ON h.child_id = o.child_id AND h.completed_date <= o.period_end
       AND h.kind IN ('INITIAL', 'REVIEW')
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.episode_id, o.uasc, o.distance_miles,
       NOT o.uasc AND o.distance_miles IS NOT NULL AS distance_counted,
       NOT o.uasc AND coalesce(o.distance_miles >= 20, false) AS placed_20_miles_or_more,
       q.child_id IS NOT NULL AS allocated_qsw,
       c.date_of_birth, a.age,
       poc.start_date AS period_of_care_start,
       cp.start_date AS placement_start,
       coalesce(p12.placements, 0) AS placements_12m,
       coalesce(p12.placements, 0) >= 3 AS three_or_more_placements,
       h.latest AS latest_health_assessment,
       coalesce(poc.start_date <= o.period_end - interval '12 months', false) AS health_counted,
       coalesce(h.latest >= o.period_end - CASE WHEN a.age < 5 THEN interval '6 months'
                                                 ELSE interval '12 months' END, false) AS health_current,
       coalesce(a.age < 16 AND poc.start_date <= o.period_end - interval '30 months', false)
           AS stability_counted,
       coalesce(cp.start_date <= o.period_end - interval '2 years', false) AS placement_2_years
  FROM open_episode o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id
  LEFT JOIN @R@.cla_period_of_care poc ON poc.child_id = o.child_id AND poc.period_of_care = o.period_of_care
  LEFT JOIN current_placement cp ON cp.period_end = o.period_end AND cp.child_id = o.child_id
  LEFT JOIN placements_12m p12 ON p12.period_end = o.period_end AND p12.child_id = o.child_id
  LEFT JOIN health h ON h.period_end = o.period_end AND h.child_id = o.child_id
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = o.child_id
  CROSS JOIN LATERAL (SELECT CASE WHEN isfinite(c.date_of_birth)
                              THEN extract(year FROM age(o.period_end, c.date_of_birth))::int END AS age) a
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('health_review_due', 'view', 125, 'children_in_care', NULL,
'Each review health assessment with its due date and the date it was done, if it was (CIC_RHA_DONE: due in the period, done by its end).',
$def$
SELECT h.child_id, h.due_date, h.completed_date
  FROM @R@.src_health_assessment h
 WHERE h.kind = 'REVIEW' AND h.due_date IS NOT NULL
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CIC_STARTED', 'event', 'cla_period_of_care', 'start_date', NULL, 'child_id', 'true', NULL),
    ('CIC_STARTED_FAMILIES', 'event', 'cla_period_of_care', 'start_date', NULL, 'family_id', 'true', NULL),
    ('CIC_CEASED', 'event', 'cla_period_of_care', 'end_date', NULL, 'child_id', 'true', NULL),
    ('CIC_CEASED_FAMILIES', 'event', 'cla_period_of_care', 'end_date', NULL, 'family_id', 'true', NULL),
    ('CIC_CEASED_HOME', 'event', 'cla_period_of_care', 'end_date', NULL, NULL, 'returned_home', 'true'),
    ('CIC_REVIEW_TIMELY', 'event', 'cla_review_timeliness', 'review_date', NULL, NULL, 'in_timescale', 'true'),
    ('CIC_VISIT_TIMELY', 'event', 'cic_visit_timeliness', 'visit_date', NULL, NULL, 'in_timescale', 'true'),
    ('CIC_RHA_DONE', 'event', 'health_review_due', 'due_date', NULL, NULL, 'completed_date <= period_end', 'true'),
    ('RHI_72H', 'event', 'missing_return_interview', 'cspi.local_date(returned_at)', 'NOT other_authority', NULL, 'offered_within_72h', 'true'),
    ('RHI_ENGAGED', 'event', 'missing_return_interview', 'cspi.local_date(returned_at)', 'NOT other_authority', NULL, 'offered AND engaged', 'offered'),
    ('CIC_OPEN', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'true', NULL),
    ('CIC_UASC', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'uasc', NULL),
    ('CIC_RATE', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'true', NULL),
    ('CIC_20_MILES', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'placed_20_miles_or_more', 'distance_counted'),
    ('CIC_ALLOCATED_QSW', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'allocated_qsw', 'true'),
    ('CIC_HEALTH_CURRENT', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'health_counted AND health_current', 'health_counted'),
    ('CIC_STABILITY_LONG', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'stability_counted AND placement_2_years', 'stability_counted'),
    ('CIC_STABILITY_SHORT', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'three_or_more_placements', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- A child's first period of care starting in a period decides these two.
INSERT INTO cspi.indicator_measure (indicator, kind, query, cases_query) VALUES
    ('CIC_STARTED_UASC', 'query', $q$
SELECT s.period_type, s.period, count(*) FILTER (WHERE s.first_in_period AND s.uasc_at_start) AS num, NULL::bigint AS den
  FROM (SELECT q.*, p.period_type, p.period,
               row_number() OVER (PARTITION BY q.child_id, p.period_type, p.period
                                  ORDER BY q.start_date, q.period_of_care) = 1 AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
          CROSS JOIN LATERAL cspi.periods_of(q.start_date) p
         WHERE cspi.in_report_years(q.start_date)) s
 GROUP BY 1, 2
$q$, $q$
SELECT true, s.child_id, s.first_episode_id, s.start_date, to_jsonb(s)
  FROM (SELECT q.*,
               row_number() OVER (PARTITION BY q.child_id ORDER BY q.start_date, q.period_of_care) = 1
                   AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
         WHERE cspi.in_report_years(q.start_date) AND q.start_date BETWEEN $1 AND $2) s
 WHERE s.first_in_period AND s.uasc_at_start
$q$),
    ('CIC_STARTED_BEFORE', 'query', $q$
SELECT s.period_type, s.period, count(*) FILTER (WHERE s.first_in_period AND s.child_first_end < s.start_date) AS num, NULL::bigint AS den
  FROM (SELECT q.*, p.period_type, p.period,
               row_number() OVER (PARTITION BY q.child_id, p.period_type, p.period
                                  ORDER BY q.start_date, q.period_of_care) = 1 AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
          CROSS JOIN LATERAL cspi.periods_of(q.start_date) p
         WHERE cspi.in_report_years(q.start_date)) s
 GROUP BY 1, 2
$q$, $q$
SELECT true, s.child_id, s.first_episode_id, s.start_date, to_jsonb(s)
  FROM (SELECT q.*,
               row_number() OVER (PARTITION BY q.child_id ORDER BY q.start_date, q.period_of_care) = 1
                   AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
         WHERE cspi.in_report_years(q.start_date) AND q.start_date BETWEEN $1 AND $2) s
 WHERE s.first_in_period AND s.child_first_end < s.start_date
$q$)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, query = EXCLUDED.query, cases_query = EXCLUDED.cases_query;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('cla_31_march', 'cla_numbers', 'CIC_OPEN', 'count', 'Children looked after on 31 March',
  'The DfE counts children looked after on 31 March; cspi''s CIC_OPEN for a financial year is the same snapshot at its last day (short breaks excluded in both). Figures are rounded by the DfE to the nearest 10 nationally and regionally.'),
 ('cla_31_march_rate', 'cla_numbers', 'CIC_RATE', 'per 10,000', 'Children looked after on 31 March per 10,000 children aged under 18',
  'The DfE divides by the ONS mid-year estimate of the year before (30 June), as cspi does, and rounds to a whole number: cspi recomputes it to one decimal from the published count and population.'),
 ('cla_started', 'cla_numbers', 'CIC_STARTED', 'count', 'Children starting to be looked after during the year',
  'The DfE counts each child once however many periods of care started in the year, as cspi does.'),
 ('cla_ceased', 'cla_numbers', 'CIC_CEASED', 'count', 'Children ceasing to be looked after during the year',
  'The DfE counts each child once however many periods of care ended in the year, as cspi does.'),
 ('cla_stability_long', 'cla_stability', 'CIC_STABILITY_LONG', '%', 'Children under 16 looked after continuously for at least 2.5 years, living with the same carer for at least 2 years',
  'The DfE asks for the same carer (a placement with the same carer after a change of placement type counts as one); cspi asks for the same placement, which temporary placements and same-carer changes do not end.'),
 ('cla_three_placements', 'cla_stability', 'CIC_STABILITY_SHORT', '%', 'Children looked after on 31 March with 3 or more placements during the year',
  'The DfE counts placements during the year ending 31 March; cspi during the 12 months to the period''s end, the same for a financial year.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'distance_counted', 'The child counts in the 20-miles indicator (not UASC, distance known).'),
 ('', 'distance_miles', 'Distance of the placement from home, in miles.'),
 ('', 'due_date', 'The date it was due.'),
 ('', 'engaged', 'The child engaged with the return home interview.'),
 ('', 'episodes', 'How many episodes the period of care has.'),
 ('', 'first_episode_id', 'The first episode of the period of care or placement.'),
 ('', 'first_of_placement', 'The visit is the first of its placement.'),
 ('', 'first_reason_new', 'The reason for new episode (RNE) of the period''s first episode.'),
 ('', 'health_counted', 'The child counts in CIC_HEALTH_CURRENT (in care for 12 months or more).'),
 ('', 'health_current', 'The child''s latest health assessment is up to date.'),
 ('', 'last_episode_id', 'The last episode of the period of care.'),
 ('', 'last_reason_ceased', 'The reason episode ceased (REC) of the period''s last episode.'),
 ('', 'latest_health_assessment', 'The date of the child''s latest health assessment before the end of the period.'),
 ('', 'legal_status', 'The legal status (SSDA903 LS).'),
 ('', 'offered', 'A return home interview was offered.'),
 ('', 'offered_within_72h', 'The interview was offered within 72 hours of the return.'),
 ('', 'other_authority', 'The child is looked after by another authority.'),
 ('', 'period_of_care', 'The period of care (numbered per child, from 1).'),
 ('', 'period_of_care_start', 'The start of the period of care.'),
 ('', 'placed_20_miles_or_more', 'The child is placed 20 miles or more from home.'),
 ('', 'placement', 'The placement type (SSDA903 PLACE).'),
 ('', 'placement_2_years', 'The child has been in the current placement for at least 2 years.'),
 ('', 'placement_number', 'The placement (numbered per period of care, from 1).'),
 ('', 'placement_start', 'The start of the placement.'),
 ('', 'placement_type', 'The placement type (SSDA903 PLACE).'),
 ('', 'placements_12m', 'Placements the child had in the 12 months to the end of the period.'),
 ('', 'reason_ceased', 'The reason episode ceased (SSDA903 REC).'),
 ('', 'reason_new', 'The reason for new episode (SSDA903 RNE).'),
 ('', 'returned_at', 'When the child returned.'),
 ('', 'returned_home', 'The period of care ended with the child returning home (REC E4A or E4B).'),
 ('', 'review_number', 'The review''s number in the period of care, from 1.'),
 ('', 'rhi_offered_at', 'When the return home interview was offered.'),
 ('', 'stability_counted', 'The child counts in CIC_STABILITY_LONG (under 16, looked after for at least 2.5 years).'),
 ('', 'start_at', 'When the missing episode started.'),
 ('', 'starts_period_of_care', 'The episode starts a period of care.'),
 ('', 'starts_placement', 'The episode starts a placement.'),
 ('', 'starts_with_s', 'The period of care is a series of short breaks (legal status V1 or V3 on its first episode).'),
 ('', 'temporary', 'The episode is a temporary placement change (not a new placement).'),
 ('', 'three_or_more_placements', 'The child had 3 or more placements in the 12 months to the end of the period.'),
 ('', 'time_to_offer', 'Time from the return to the interview''s offer.'),
 ('', 'uasc', 'The child is an unaccompanied asylum-seeking child.'),
 ('', 'uasc_at_start', 'The child was an unaccompanied asylum-seeking child at the start of the period of care.'),
 ('', 'working_days_from_start', 'Working days from the start of the period of care to the review.'),
 ('health_review_due', 'completed_date', 'The date the review health assessment was completed (NULL: not yet).'),
 ('cla_review_timeliness', 'working_days', 'Working days from the start of the period of care to the review.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- Indicators: Children in need
--------------------------------------------------------------------------
-- Children in need on the last day of the period per 10,000 children
-- (CIN_RATE), as the DfE's children in need statistics count them (the b1
-- file: episodes open on 31 March, over the ONS mid-year estimate).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the source relation it
-- adds to the data contract and how the CIN census gives it, the
-- drill-down view it counts (cspi.report_object) and what it counts in it
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CIN_RATE', 75, 'Children in need',
     'Children in need per 10,000 children', 'per 10,000', NULL, NULL, '{cin_episode,population}',
     'Distinct children with a children in need episode open at the end of the period (start_date on or before it, end_date NULL or after it), per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children in need was {value} per 10,000 children at {period_end}.{verdict}',
     'Children in need on the last day of the period (an episode of need started and not yet closed, as the DfE''s children in need census counts them: children on a child protection plan and children in care included) per 10,000 children living in the area (latest mid-year population estimate).')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

-- The source relation: a council's children in need episodes (optional:
-- without it CIN_RATE is unavailable).  One episode runs from the referral
-- that opens it to its closure, as the CIN census's CINdetails does.
INSERT INTO cspi.contract_column (relation, column_name, kind, position, meaning) VALUES
    ('cin_episode', 'episode_id', 'id', 1, 'unique'),
    ('cin_episode', 'child_id', 'id', 2, 'the child'),
    ('cin_episode', 'start_date', 'date', 3, 'the date the episode of need started (the referral date)'),
    ('cin_episode', 'end_date', 'date', 4, 'the date it closed; NULL while open')
ON CONFLICT (relation, column_name) DO UPDATE SET kind = EXCLUDED.kind, position = EXCLUDED.position, meaning = EXCLUDED.meaning;

-- From the CIN census: one episode per child and CINreferralDate, the
-- latest collection year's row (its CINclosureDate, if any).
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cin_episode', 'cin', 100, $def$
SELECT DISTINCT ON (upper(btrim(d.la_child_id)), d.cin_referral_date)
       upper(btrim(d.la_child_id)) || '/' || to_char(d.cin_referral_date, 'YYYY-MM-DD') AS episode_id,
       upper(btrim(d.la_child_id)) AS child_id, d.cin_referral_date AS start_date, d.cin_closure_date AS end_date
  FROM @RETURNS@.cin_details d WHERE d.cin_referral_date IS NOT NULL AND d.la_child_id IS NOT NULL
 ORDER BY upper(btrim(d.la_child_id)), d.cin_referral_date, d.collection_year DESC
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cin_at_period_end', 'view', 135, 'children_in_need', NULL,
'Children in need at each month end: each child with an episode of need open then, its latest such episode (CIN_RATE).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
)
SELECT DISTINCT ON (e.period_end, c.child_id) e.period_end, c.child_id, c.episode_id,
       c.start_date AS cin_start
  FROM ends e
  JOIN @R@.src_cin_episode c
    ON c.start_date <= e.period_end AND (c.end_date IS NULL OR c.end_date > e.period_end)
 WHERE c.child_id IS NOT NULL
 ORDER BY e.period_end, c.child_id, c.start_date DESC, c.episode_id DESC
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
    ('cin_at_period_end', 'cin_start', 'The start of the child''s episode of need open at the month end.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CIN_RATE', 'snapshot', 'cin_at_period_end', NULL, NULL, 'child_id', 'true', NULL)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

--------------------------------------------------------------------------
-- Indicators: Early help
--------------------------------------------------------------------------
-- Families and children supported by the council's own team and by external agencies (EH_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('EH_FAMILIES_INTERNAL', 460, 'Early help',
     'Families supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
     'Distinct families with internal family support open at the end of the period.',
     '{value} {family was|families were} open to the council''s own family support team at {period_end}.{verdict}',
     'The number of families receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_CHILDREN_INTERNAL', 470, 'Early help',
     'Children supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
     'Distinct children with internal family support open at the end of the period.',
     '{value} {child was|children were} open to the council''s own family support team at {period_end}.{verdict}',
     'The number of children receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_FAMILIES_EXTERNAL', 480, 'Early help',
     'Families supported by an external agency', 'count', NULL, NULL, '{family_support}',
     'Distinct families with external family support open at the end of the period.',
     '{value} {family was|families were} open to an external agency supporting families at {period_end}.{verdict}',
     'The number of families receiving early help from an external agency on the last day of the period.'),
    ('EH_CHILDREN_EXTERNAL', 490, 'Early help',
     'Children supported by an external agency', 'count', NULL, NULL, '{family_support}',
     'Distinct children with external family support open at the end of the period.',
     '{value} {child was|children were} open to an external agency supporting their families at {period_end}.{verdict}',
     'The number of children receiving early help from an external agency on the last day of the period.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('family_support_at_period_end', 'view', 170, 'early_help', NULL,
'Family support open at each month end (EH_*).',
$def$
SELECT e.period_end, f.provider, f.case_id, f.family_id, f.child_id, f.start_date, f.end_date
  FROM (SELECT period_end FROM @R@.period WHERE period_type = 'month') e
  JOIN @R@.src_family_support f
    ON f.start_date <= e.period_end AND (f.end_date IS NULL OR f.end_date > e.period_end)
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('EH_FAMILIES_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'child_id', 'true', NULL),
    ('EH_FAMILIES_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'child_id', 'true', NULL)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'case_id', 'The family support case (source id).'),
 ('', 'provider', 'Who gives the family support: internal or external.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- Indicators: Front door and assessment
--------------------------------------------------------------------------
-- Referrals, re-referrals and child and family assessments (REF_*, REREFERRAL_*, CFA_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('REF_1WD', 10, 'Front door and assessment',
     'Referrals completed within 1 working day', '%', 'higher', 90, '{referral,referral.completed_date}',
     'Referrals with completed_date in the period and working_days(referral_date, completed_date) <= 1 / referrals with completed_date in the period.',
     '{in_period}, {display} of referrals were completed within 1 working day.{verdict}',
     'Of the referrals completed in the period, the share completed within 1 working day of being received (weekends and bank holidays are not working days).'),
    ('REF_OVER_3WD', 20, 'Front door and assessment',
     'Referrals taking over 3 working days', '%', 'lower', 5, '{referral,referral.completed_date}',
     'Referrals with completed_date in the period and working_days(referral_date, completed_date) > 3 / referrals with completed_date in the period.',
     '{in_period}, {value} of referrals took over 3 working days to be completed.{verdict}',
     'Of the referrals completed in the period, the share that took more than 3 working days to complete.'),
    ('REREFERRAL_12M', 30, 'Front door and assessment',
     'Re-referrals within 12 months', '%', 'lower', NULL, '{referral}',
     'Referrals with referral_date in the period whose child has another referral with referral_date in [referral_date - 12 months, referral_date) / referrals with referral_date in the period.',
     '{in_period}, {display} of referrals were re-referrals within 12 months of a previous referral.{verdict}',
     'Of the referrals received in the period, the share for a child who had another referral in the 12 months before.'),
    ('REREFERRAL_CHILDREN', 40, 'Front door and assessment',
     'Children re-referred within 12 months', 'count', NULL, NULL, '{referral}',
     'Distinct children with a referral counted in the REREFERRAL_12M numerator.',
     'During {period}, {value} {child was|children were} re-referred within 12 months of a previous referral.{verdict}',
     'The number of children with a referral in the period who had another referral in the 12 months before it.'),
    ('REREFERRAL_FAMILIES', 50, 'Front door and assessment',
     'Families of children re-referred within 12 months', 'count', NULL, NULL, '{referral,child,child.family_id}',
     'Distinct families (child.family_id) of the REREFERRAL_CHILDREN children.',
     'The children re-referred within 12 months during {period} came from {value} {family|families}.{verdict}',
     'The number of families those re-referred children belong to.'),
    ('CFA_COMPLETED', 60, 'Front door and assessment',
     'Child and family assessments completed', 'count', NULL, NULL, '{assessment}',
     'Assessments with authorised_date in the period.',
     '{value} child and family {assessment was|assessments were} completed in {period}.{verdict}',
     'The number of child and family assessments completed (authorised) in the period; a child may have more than one.'),
    ('CFA_45WD', 70, 'Front door and assessment',
     'Child and family assessments completed within 45 working days', '%', 'higher', 90, '{assessment}',
     'Assessments with authorised_date in the period and working_days(start_date, authorised_date) <= 45 / assessments with authorised_date in the period.',
     '{display} of child and family assessments were completed within 45 working days in {period}.{verdict}',
     'Of the child and family assessments completed in the period, the share completed within 45 working days of starting.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('referral_timeliness', 'view', 20, 'front_door', NULL,
'Each referral with its working days from receipt to completion, whether within 1 and over 3 working days, and whether it was a re-referral within 12 months (REF_1WD, REF_OVER_3WD, REREFERRAL_*).',
$def$
WITH referral AS (
    -- Each row its own number: a missing or repeated referral_id must not
    -- merge two referrals (or two children's).
    SELECT r.*, row_number() OVER (ORDER BY r.child_id, r.referral_date, r.referral_id, r.completed_date) AS row_no
      FROM @R@.src_referral r
), previous AS (
    SELECT r.row_no, max(p.referral_date) AS previous_referral_date
      FROM referral r
      JOIN referral p
        ON p.child_id = r.child_id AND p.row_no <> r.row_no
       AND p.referral_date >= r.referral_date - interval '12 months'
       AND p.referral_date < r.referral_date
     GROUP BY r.row_no
)
SELECT r.referral_id, r.child_id, c.family_id, r.referral_date, r.completed_date,
       wd.working_days,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days <= 1, false) AS within_1wd,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days > 3, true) AS over_3wd,
       pr.previous_referral_date,
       pr.previous_referral_date IS NOT NULL AS rereferral_12m
  FROM referral r
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = r.child_id
  LEFT JOIN previous pr ON pr.row_no = r.row_no
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(r.referral_date, r.completed_date, @CAL@) AS working_days
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('assessment_timeliness', 'view', 30, 'front_door', NULL,
'Each assessment with its working days from start to authorisation and whether within 45 (CFA_*).',
$def$
SELECT a.assessment_id, a.child_id, a.start_date, a.authorised_date, wd.working_days,
       a.authorised_date IS NOT NULL AND coalesce(wd.working_days <= 45, false) AS within_45wd
  FROM @R@.src_assessment a
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(a.start_date, a.authorised_date, @CAL@) AS working_days
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('REF_1WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'within_1wd', 'true'),
    ('REF_OVER_3WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'over_3wd', 'true'),
    ('REREFERRAL_12M', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'rereferral_12m', 'true'),
    ('REREFERRAL_CHILDREN', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'child_id', 'true', NULL),
    ('REREFERRAL_FAMILIES', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'family_id', 'true', NULL),
    ('CFA_COMPLETED', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'true', NULL),
    ('CFA_45WD', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'within_45wd', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('rereferrals', 'referrals', 'REREFERRAL_12M', '%', 'Referrals within 12 months of a previous referral',
  'The same definition (referrals in the year within 12 months of the same child''s previous referral, over the referrals in the year), from the children in need census; cspi counts the referrals of its source, which may hold contacts a council does not return as referrals.'),
 ('rereferral_children', 'referrals', 'REREFERRAL_CHILDREN', 'count', 'Children with a re-referral within 12 months',
  'The same definition: children with a referral in the year within 12 months of a previous one.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'assessment_id', 'The child and family assessment (source id).'),
 ('', 'authorised_date', 'The date the assessment was completed (authorised).'),
 ('', 'over_3wd', 'The referral took over 3 working days to complete.'),
 ('', 'previous_referral_date', 'The date of the child''s previous referral within 12 months.'),
 ('', 'referral_date', 'The date of the referral.'),
 ('', 'referral_id', 'The referral (source id).'),
 ('', 'rereferral_12m', 'The child had another referral in the 12 months before this one.'),
 ('', 'within_1wd', 'Completed within 1 working day.'),
 ('', 'within_45wd', 'Completed within 45 working days.'),
 ('referral_timeliness', 'completed_date', 'The date the referral was completed.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- The report's order
--------------------------------------------------------------------------
-- Each family file (src/sql/indicators/) places its indicators with a
-- sort_key that leaves gaps; display_order, which the scorecard, the
-- narrative and BI tools sort by, is renumbered from it by every install
-- and upgrade: 1, 2, 3... by sort_key, then code.

UPDATE cspi.indicator i
   SET display_order = o.n
  FROM (SELECT code, row_number() OVER (ORDER BY sort_key NULLS LAST, code) AS n
          FROM cspi.indicator) o
 WHERE o.code = i.code AND i.display_order IS DISTINCT FROM o.n;

-- The measure every rate divides by: the ONS estimate of the children
-- (the indicator families map the DfE's other measures to their indicators).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('children_0_17', 'population', NULL, 'count', 'ONS mid-year estimate of children aged 0 to 17',
  'Used for rates: the DfE''s rate for the year ending 31 March divides by the estimate of 30 June the year before, as cspi does.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The figures in force: a council's load shadows the shipped row.
CREATE OR REPLACE VIEW cspi.published_figure_current AS
SELECT DISTINCT ON (f.measure, f.time_period, f.geographic_level, f.area_code)
       f.measure, f.time_period, f.geographic_level, f.area_code, f.old_la_code, f.area_name, f.region_code,
       f.value, f.numerator, f.denominator, f.suppression, f.source_file, f.shipped
  FROM cspi.published_figure f
 ORDER BY f.measure, f.time_period, f.geographic_level, f.area_code, f.shipped;
COMMENT ON VIEW cspi.published_figure_current IS
'The published figures in force: for each measure, year and area, a council''s own load if any, else the shipped figure.';
GRANT SELECT ON cspi.published_figure_current TO PUBLIC;

CREATE OR REPLACE VIEW cspi.statistical_neighbour_current AS
SELECT n.old_la_code, n.la_name, n.region_name, n.neighbour_rank, n.neighbour_code, n.closeness, n.source_file
  FROM cspi.statistical_neighbour n
 WHERE n.shipped = NOT EXISTS (SELECT 1 FROM cspi.statistical_neighbour o WHERE NOT o.shipped);
COMMENT ON VIEW cspi.statistical_neighbour_current IS
'The statistical-neighbour model in force: a council''s own load if any, else the shipped model.';
GRANT SELECT ON cspi.statistical_neighbour_current TO PUBLIC;

-- The local authorities: every one the published figures or the model name.
CREATE OR REPLACE VIEW cspi.local_authority AS
WITH la AS (
    SELECT DISTINCT ON (f.old_la_code) f.old_la_code, f.area_code, f.area_name,
           -- Inner and Outer London are parts of the London region.
           CASE WHEN f.region_code IN ('E13000001', 'E13000002') THEN 'E12000007' ELSE f.region_code END AS region_code
      FROM cspi.published_figure_current f
     WHERE f.geographic_level = 'Local authority' AND f.old_la_code IS NOT NULL
     ORDER BY f.old_la_code, f.time_period DESC, f.area_code DESC
), region AS (
    SELECT DISTINCT ON (f.area_code) f.area_code, f.area_name
      FROM cspi.published_figure_current f
     WHERE f.geographic_level = 'Regional'
     ORDER BY f.area_code, f.time_period DESC
), model AS (
    SELECT n.old_la_code, n.la_name, n.region_name
      FROM cspi.statistical_neighbour_current n WHERE n.neighbour_rank = 1
)
SELECT coalesce(la.old_la_code, model.old_la_code) AS old_la_code, la.area_code AS new_la_code,
       coalesce(la.area_name, model.la_name) AS la_name, la.region_code,
       coalesce(region.area_name, model.region_name) AS region_name
  FROM la
  FULL JOIN model ON model.old_la_code = la.old_la_code
  LEFT JOIN region ON region.area_code = la.region_code;
COMMENT ON VIEW cspi.local_authority IS
'Every local authority the published figures or the statistical-neighbour model name: old three-digit code, ONS code, name and region (London boroughs in the London region).';
GRANT SELECT ON cspi.local_authority TO PUBLIC;

--------------------------------------------------------------------------
-- Reading the DfE's CSV files
--------------------------------------------------------------------------

-- The records of a CSV file given as text, each as its fields: RFC 4180,
-- read by src/csv.c (the rules are in doc/statutory-returns.md).  With a
-- file name, an error about the text begins with it.
CREATE OR REPLACE FUNCTION cspi.csv_lines(content text) RETURNS TABLE (line integer, fields text[])
    AS 'MODULE_PATHNAME', 'cspi_csv_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.csv_lines(text) IS
'The records of a CSV file given as text (RFC 4180), numbered by the line each starts on, each as its fields: a quoted field may hold commas, doubled quotes and line breaks; line ends LF, CRLF or CR; a leading byte-order mark dropped; blank records and records of empty fields (as a spreadsheet leaves) skipped. A quoted field without its closing quote, anything but a comma or a line end after a closing quote, or a quote in a field that is not quoted is an error naming the line and column.';

CREATE OR REPLACE FUNCTION cspi.csv_lines(content text, file text) RETURNS TABLE (line integer, fields text[])
    AS 'MODULE_PATHNAME', 'cspi_csv_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.csv_lines(text, text) IS
'As cspi.csv_lines(content), with errors beginning with file (such as "episodes file, line 3, column 2: ...").';

-- A published cell as a number: NULL for an empty or suppressed cell; an
-- error naming the file, line and column for anything else.
CREATE OR REPLACE FUNCTION cspi_internal.published_number(cell text, file text, line integer, column_name text)
    RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF cell IS NULL OR btrim(cell) = '' OR lower(btrim(cell)) IN ('c', 'x', 'z', 'k', 'u', 'low') THEN
        RETURN NULL;
    END IF;
    IF btrim(cell) !~ '^-?[0-9]+(\.[0-9]+)?$' THEN
        RAISE EXCEPTION '%, line %, column %: "%" is not a number', file, line, column_name, cell
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'A published figure is a number, or a suppression code: c, x, z, k, u or low.';
    END IF;
    RETURN btrim(cell)::numeric;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.published_number(text, text, integer, text) IS
'A cell of a DfE file as a number: NULL when empty or suppressed (c, x, z, k, u, low), never 0; an error naming the file, line and column when it is neither.';

CREATE OR REPLACE FUNCTION cspi_internal.published_suppression(cell text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN lower(btrim(cell)) IN ('c', 'x', 'z', 'k', 'u', 'low') THEN lower(btrim(cell)) END;
COMMENT ON FUNCTION cspi_internal.published_suppression(text) IS
'The suppression code of a DfE cell (c, x, z, k, u, low), or NULL.';

-- Load one DfE file: parse it, check its columns, map its rows to cspi's
-- measures and replace what an earlier load of those measures and years
-- held.  All or nothing: an error leaves the figures as they were.
CREATE OR REPLACE FUNCTION cspi.load_dfe_file(file text, content text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    spec cspi.dfe_file;
    header text[];
    unknown text[];
    missing text[];
    bad record;
    loaded bigint;
    -- cspi_dfe's script loads the shipped figures with
    -- cspi.loading_shipped_figures set (src/sql/dfe/figures.sql).
    shipping boolean := coalesce(current_setting('cspi.loading_shipped_figures', true), '') = 'on';
    base text := regexp_replace(file, '^.*/', '');
BEGIN
    IF file IS NULL OR content IS NULL THEN
        RAISE EXCEPTION 'cspi.load_dfe_file needs a file name and its content'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT * INTO spec FROM cspi.dfe_file d
     WHERE d.kind = base OR strpos(lower(base), lower(d.file_name)) > 0
     ORDER BY d.kind = base DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown DfE file "%"', file
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'cspi reads these files (or kinds): '
                         || (SELECT string_agg(d.file_name || '*.csv (' || d.kind || ')', ', ' ORDER BY d.kind) FROM cspi.dfe_file d) || '.';
    END IF;

    -- The records (cspi.csv_lines: no byte-order mark, no blank lines).
    -- Work tables, dropped again before returning (an error rolls them back).
    DROP TABLE IF EXISTS pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row, pg_temp.cspi_dfe_figure;
    CREATE TEMPORARY TABLE cspi_dfe_line AS SELECT l.line AS n, l.fields
      FROM cspi.csv_lines(content, format('DfE file "%s"', file)) l;
    SELECT array_agg(lower(btrim(h)) ORDER BY i) INTO header
      FROM cspi_dfe_line, unnest(fields) WITH ORDINALITY AS u(h, i) WHERE n = (SELECT min(n) FROM cspi_dfe_line);
    IF header IS NULL THEN
        RAISE EXCEPTION 'DfE file "%" is empty', file USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A column named twice would keep only one of its values.
    SELECT u.h AS name INTO bad FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE u.h <> '' GROUP BY u.h HAVING count(*) > 1 ORDER BY min(u.i) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: the header names column % more than once', file,
              (SELECT min(n) FROM cspi_dfe_line), bad.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Each column is named once in the header row.';
    END IF;
    SELECT array_agg(h ORDER BY i) INTO unknown
      FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE h <> ALL (SELECT lower(c) FROM unnest(spec.columns) AS c);
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'DfE file "%" (%) has columns cspi does not know: %', file, spec.kind, array_to_string(unknown, ', ')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A ' || spec.kind || ' file has the columns ' || array_to_string(spec.columns, ', ') || '.',
                  HINT = 'The DfE may have changed the file''s format: check it, and load only files of the format cspi.dfe_file describes.';
    END IF;
    SELECT array_agg(c) INTO missing FROM unnest(spec.required) AS c WHERE lower(c) <> ALL (header);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'DfE file "%" (%) has no column %', file, spec.kind, array_to_string(missing, ', ')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    PERFORM 1 FROM cspi_dfe_line l
     WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header);
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: % fields, but the header has %', file,
              (SELECT min(n) FROM cspi_dfe_line l
                WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header)),
              (SELECT cardinality(fields) FROM cspi_dfe_line l
                WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header)
                ORDER BY n LIMIT 1),
              cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Each data row as a json object of its cells, by lower-case column.
    CREATE TEMPORARY TABLE cspi_dfe_row (n integer, r jsonb);
    INSERT INTO cspi_dfe_row
    SELECT l.n, jsonb_object(header, l.fields)
      FROM cspi_dfe_line l WHERE l.n > (SELECT min(n) FROM cspi_dfe_line);
    PERFORM 1 FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$' AND spec.kind <> 'statistical_neighbours';
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: time_period "%" is not a year', file,
              (SELECT min(n) FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$'),
              (SELECT r->>'time_period' FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$' ORDER BY n LIMIT 1)
            USING ERRCODE = 'invalid_datetime_format';
    END IF;

    -- Every cell of a figure's column is a number or a suppression code.
    SELECT x.n, c.key AS column_name, c.value AS cell INTO bad
      FROM cspi_dfe_row x, jsonb_each_text(x.r) AS c
     WHERE spec.kind <> 'statistical_neighbours'
       AND c.key NOT IN ('time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name',
                         'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name', 'category',
                         'population_type', 'cla_group', 'placement_stability', 'care_leaver_age', 'breakdown',
                         'age_group')
       AND btrim(c.value) !~ '^(-?[0-9]+(\.[0-9]+)?|[cxzkuCXZKU]|low|)$'
     ORDER BY x.n, c.key LIMIT 1;
    IF FOUND THEN
        PERFORM cspi_internal.published_number(bad.cell, base, bad.n, bad.column_name);
    END IF;

    IF spec.kind = 'statistical_neighbours' THEN
        DELETE FROM cspi.statistical_neighbour n WHERE n.shipped = shipping;
        INSERT INTO cspi.statistical_neighbour (old_la_code, la_name, region_name, neighbour_rank, neighbour_code,
                                                closeness, source_file, shipped)
        SELECT btrim(x.r->>'old_la_code'), btrim(x.r->>'la_name'), nullif(btrim(x.r->>'region_name'), ''),
               k, btrim(x.r->>('sn_' || k)), nullif(btrim(x.r->>('sn_' || k || 'p')), ''), base, shipping
          FROM cspi_dfe_row x CROSS JOIN generate_series(1, 10) AS k
         WHERE nullif(btrim(x.r->>('sn_' || k)), '') IS NOT NULL;
        GET DIAGNOSTICS loaded = ROW_COUNT;
        DROP TABLE pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row;
        RETURN loaded;
    END IF;

    -- The figures of this file, one row per measure and area.
    CREATE TEMPORARY TABLE cspi_dfe_figure (LIKE cspi.published_figure);
    INSERT INTO cspi_dfe_figure (measure, time_period, geographic_level, area_code, old_la_code, area_name, region_code,
                                 value, numerator, denominator, suppression, source_file, shipped)
    WITH geo AS (
        SELECT x.n, x.r, (x.r->>'time_period')::integer AS time_period, btrim(x.r->>'geographic_level') AS level,
               CASE btrim(x.r->>'geographic_level')
                   WHEN 'National' THEN coalesce(nullif(btrim(x.r->>'country_code'), ''), 'E92000001')
                   WHEN 'Regional' THEN btrim(x.r->>'region_code')
                   ELSE coalesce(nullif(btrim(x.r->>'new_la_code'), ''), btrim(x.r->>'old_la_code')) END AS area_code,
               nullif(btrim(x.r->>'old_la_code'), '') AS old_la_code,
               CASE btrim(x.r->>'geographic_level')
                   WHEN 'National' THEN coalesce(nullif(btrim(x.r->>'country_name'), ''), 'England')
                   WHEN 'Regional' THEN btrim(x.r->>'region_name')
                   ELSE btrim(x.r->>'la_name') END AS area_name,
               CASE WHEN btrim(x.r->>'geographic_level') = 'Local authority' THEN nullif(btrim(x.r->>'region_code'), '') END AS region_code
          FROM cspi_dfe_row x
         WHERE btrim(x.r->>'geographic_level') IN ('National', 'Regional', 'Local authority')
    ), cells AS (
        -- measure, the value cell, numerator and denominator cells; for the
        -- files with one row per breakdown, the rows are summed per area.
        SELECT g.*, m.measure, m.value_column, m.value_cell, m.numerator_cell, m.denominator_cell
          FROM geo g
          CROSS JOIN LATERAL (
              SELECT * FROM (VALUES
                  ('cla_numbers', 'Children looked after on 31 March each year', 'cla_31_march', 'children_count',
                   g.r->>'children_count', NULL::text, NULL::text),
                  ('cla_numbers', 'Children looked after on 31 March each year', 'cla_31_march_rate', 'rate_per_10000',
                   g.r->>'rate_per_10000', g.r->>'children_count', g.r->>'population_estimate'),
                  ('cla_numbers', 'Children starting to be looked after each year', 'cla_started', 'children_count',
                   g.r->>'children_count', NULL, NULL),
                  ('cla_numbers', 'Children ceasing to be looked after each year', 'cla_ceased', 'children_count',
                   g.r->>'children_count', NULL, NULL),
                  ('referrals', NULL, 'rereferrals', 'rereferral_percent',
                   g.r->>'rereferral_percent', g.r->>'rereferral_count', g.r->>'referral_count'),
                  ('referrals', NULL, 'rereferral_children', 'rereferral_child_count',
                   g.r->>'rereferral_child_count', NULL, NULL),
                  ('cp_subsequent', NULL, 'cp_subsequent_plans', 'cpp_subsequent_percent',
                   g.r->>'cpp_subsequent_percent', g.r->>'cpp_subsequent', g.r->>'cpp_start'),
                  ('cp_subsequent', NULL, 'cp_started', 'cpp_start', g.r->>'cpp_start', NULL, NULL),
                  ('cp_at_31_march', NULL, 'cp_31_march', 'cpp_at31', g.r->>'cpp_at31', NULL, NULL),
                  ('population', NULL, 'children_0_17', 'population_estimate', g.r->>'population_estimate', NULL, NULL)
              ) AS v(kind, population_type, measure, value_column, value_cell, numerator_cell, denominator_cell)
             WHERE v.kind = spec.kind
               AND (v.population_type IS NULL OR btrim(g.r->>'population_type') = v.population_type)
               AND (spec.kind <> 'population' OR btrim(g.r->>'age_group') = 'Children aged 0 to 17 years')
          ) m
    )
    SELECT c.measure, c.time_period, c.level, c.area_code, c.old_la_code, c.area_name, c.region_code,
           cspi_internal.published_number(c.value_cell, base, c.n, c.value_column),
           cspi_internal.published_number(c.numerator_cell, base, c.n, c.value_column),
           cspi_internal.published_number(c.denominator_cell, base, c.n, c.value_column),
           cspi_internal.published_suppression(c.value_cell), base, false
      FROM cells c
    UNION ALL
    -- Files with a row per breakdown: a percentage is the breakdowns'
    -- counts over the total's, suppressed when any of them is.
    SELECT b.measure, b.time_period, b.level, b.area_code, b.old_la_code, b.area_name, b.region_code,
           CASE WHEN b.num IS NOT NULL AND b.den > 0 AND NOT b.any_suppressed THEN round(100 * b.num / b.den, 1) END,
           CASE WHEN NOT b.any_suppressed THEN b.num END, b.den,
           CASE WHEN b.any_suppressed OR b.den IS NULL THEN coalesce(b.first_suppression, 'x') END, base, false
      FROM (SELECT g.time_period, g.level, g.area_code, g.old_la_code, g.area_name, g.region_code, p.measure,
                   sum(cspi_internal.published_number(g.r->>p.count_column, base, g.n, p.count_column)) FILTER (WHERE p.in_numerator) AS num,
                   sum(cspi_internal.published_number(g.r->>p.count_column, base, g.n, p.count_column)) FILTER (WHERE p.is_total) AS den,
                   bool_or(cspi_internal.published_suppression(g.r->>p.count_column) IS NOT NULL) AS any_suppressed,
                   min(cspi_internal.published_suppression(g.r->>p.count_column)) AS first_suppression
              FROM geo g
              JOIN (VALUES
                  ('cla_stability', 'cla_stability_long', 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', 'Living with the same carer for at least 2 years', 'children_count', true, false),
                  ('cla_stability', 'cla_stability_long', 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', 'Total children', 'children_count', false, true),
                  ('cla_stability', 'cla_three_placements', 'CLA on 31 March', 'With 3 or more placements during the year', 'children_count', true, false),
                  ('cla_stability', 'cla_three_placements', 'CLA on 31 March', 'Total children', 'children_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_neet', '19 to 21 years', 'Total not in education, employment or training', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_neet', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Education other than higher education', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Higher education i.e. studies beyond A level', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'In an apprenticeship', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'In training or employment (excl. apprenticeship)', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_accommodation', 'care_leavers_19_21_suitable', '19 to 21 years', 'Accommodation considered suitable', 'care_leaver_count', true, false),
                  ('care_leavers_accommodation', 'care_leavers_19_21_suitable', '19 to 21 years', 'Suitability total', 'care_leaver_count', false, true)
              ) AS p(kind, measure, grp, breakdown, count_column, in_numerator, is_total)
                ON p.kind = spec.kind
               AND btrim(coalesce(g.r->>'cla_group', g.r->>'care_leaver_age')) = p.grp
               AND btrim(coalesce(g.r->>'placement_stability', g.r->>'breakdown')) = p.breakdown
             GROUP BY g.time_period, g.level, g.area_code, g.old_la_code, g.area_name, g.region_code, p.measure) b;

    PERFORM 1 FROM cspi_dfe_figure GROUP BY measure, time_period, geographic_level, area_code HAVING count(*) > 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%" has more than one row for the same year and area', file
            USING ERRCODE = 'unique_violation';
    END IF;
    -- Replace the earlier loads of these measures and years (the council's,
    -- or while the extension ships its figures, the shipped ones).
    DELETE FROM cspi.published_figure f
     WHERE f.shipped = shipping
       AND (f.measure, f.time_period) IN (SELECT DISTINCT measure, time_period FROM cspi_dfe_figure);
    UPDATE cspi_dfe_figure SET shipped = shipping;
    INSERT INTO cspi.published_figure SELECT * FROM cspi_dfe_figure;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row, pg_temp.cspi_dfe_figure;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.load_dfe_file(text, text) IS
'Loads a DfE file of published figures (the tidy CSV of Explore Education Statistics, or the statistical-neighbour model) passed as text: file is its name as published (or its kind, cspi.dfe_file), content the whole file. Replaces the figures of the measures and years it holds (the statistical-neighbour model: the whole model). Refuses unknown files, CSV that is not well formed (cspi.csv_lines), unknown columns and a column named twice; suppressed cells are NULL with their code. Returns the figures loaded.';

-- Fill a council's population from the ONS mid-year estimates.
CREATE OR REPLACE FUNCTION cspi.fill_population(source_schema name, la_code text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    la cspi.local_authority;
    filled bigint;
BEGIN
    la := cspi.find_local_authority(la_code);
    IF to_regclass(format('%I.population', source_schema)) IS NULL THEN
        RAISE EXCEPTION 'source schema "%" has no population relation', source_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create it with cspi.create_source_tables(), or a table population(year, children).';
    END IF;
    EXECUTE format('DELETE FROM %I.population WHERE year IN (SELECT time_period FROM cspi.published_figure_current
                                                             WHERE measure = ''children_0_17'' AND old_la_code = $1)',
                   source_schema) USING la.old_la_code;
    EXECUTE format('INSERT INTO %I.population (year, children)
                    SELECT time_period, value FROM cspi.published_figure_current
                     WHERE measure = ''children_0_17'' AND old_la_code = $1 AND value IS NOT NULL', source_schema)
        USING la.old_la_code;
    GET DIAGNOSTICS filled = ROW_COUNT;
    RETURN filled;
END
$fn$;
COMMENT ON FUNCTION cspi.fill_population(name, text) IS
'Fills source_schema.population (year, children) with the ONS mid-year estimates of children aged 0 to 17 for a local authority (its old three-digit or ONS code), replacing those years. Returns the years filled.';

-- A local authority by its old three-digit code or its ONS code; an error
-- listing the nearest ones otherwise.
CREATE OR REPLACE FUNCTION cspi.find_local_authority(la_code text) RETURNS cspi.local_authority
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    la cspi.local_authority;
    code text := upper(btrim(la_code));
BEGIN
    SELECT * INTO la FROM cspi.local_authority a WHERE a.old_la_code = code OR upper(a.new_la_code) = code
     ORDER BY a.old_la_code LIMIT 1;
    IF la.old_la_code IS NULL AND NOT EXISTS (SELECT 1 FROM cspi.local_authority) THEN
        RAISE EXCEPTION 'local authority "%" cannot be found: no DfE figures are installed', la_code
            USING ERRCODE = 'undefined_object',
                  HINT = 'CREATE EXTENSION cspi_dfe installs the DfE''s published figures (make install installs it beside cspi), or load the DfE''s files with cspi.load_dfe_file().';
    ELSIF la.old_la_code IS NULL THEN
        RAISE EXCEPTION 'unknown local authority code "%"', la_code
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'The nearest codes: ' || coalesce((
                      SELECT string_agg(format('%s %s (%s)', x.old_la_code, x.la_name, coalesce(x.new_la_code, 'no ONS code')), ', ' ORDER BY x.distance, x.old_la_code)
                        FROM (SELECT a.*,
                                     CASE WHEN code ~ '^[0-9]{1,4}$' AND a.old_la_code ~ '^[0-9]+$'
                                          THEN abs(a.old_la_code::integer - code::integer)
                                          ELSE 1000 - (SELECT coalesce(max(i), 0)
                                                         FROM generate_series(1, least(length(code), length(coalesce(a.new_la_code, '')))) AS i
                                                        WHERE left(code, i) = left(upper(a.new_la_code), i)) END AS distance
                                FROM cspi.local_authority a
                               ORDER BY distance, a.old_la_code LIMIT 5) x), 'none loaded') || '.',
                  HINT = 'Use the old three-digit code (302) or the ONS code (E09000003) of cspi.local_authority.';
    END IF;
    RETURN la;
END
$fn$;
COMMENT ON FUNCTION cspi.find_local_authority(text) IS
'The local authority (cspi.local_authority) with this old three-digit code or ONS code; an error listing the five nearest codes otherwise.';

--------------------------------------------------------------------------
-- The published figures as cspi's indicators
--------------------------------------------------------------------------

-- Every published figure of a measure that maps to an indicator, in the
-- indicator's unit: a percentage or rate recomputed to one decimal from its
-- published numerator and denominator when both are published (the DfE
-- rounds some to whole numbers), else as published.  CP_RATE, which the DfE
-- does not publish in these files, is derived: plans open on 31 March per
-- 10,000 of the ONS estimate of the June before, as for CIC_RATE.
CREATE OR REPLACE VIEW cspi.published_indicator_value AS
SELECT m.indicator, f.time_period, f.geographic_level, f.area_code, f.old_la_code, f.area_name,
       CASE WHEN f.region_code IN ('E13000001', 'E13000002') THEN 'E12000007' ELSE f.region_code END AS region_code,
       CASE WHEN m.unit = '%' AND f.numerator IS NOT NULL AND f.denominator > 0
                THEN round(100 * f.numerator / f.denominator, 1)
            WHEN m.unit = 'per 10,000' AND f.numerator IS NOT NULL AND f.denominator > 0
                THEN round(10000 * f.numerator / f.denominator, 1)
            ELSE f.value END AS value,
       f.numerator, f.denominator, f.suppression, m.measure, false AS derived
  FROM cspi.published_figure_current f
  JOIN cspi.published_measure m ON m.measure = f.measure
 WHERE m.indicator IS NOT NULL
UNION ALL
SELECT 'CP_RATE', p.time_period, p.geographic_level, p.area_code, p.old_la_code, p.area_name,
       CASE WHEN p.region_code IN ('E13000001', 'E13000002') THEN 'E12000007' ELSE p.region_code END,
       CASE WHEN p.value IS NOT NULL AND pop.value > 0 THEN round(10000 * p.value / pop.value, 1) END,
       p.value, pop.value, coalesce(p.suppression, CASE WHEN pop.value IS NULL THEN 'x' END), 'cp_31_march', true
  FROM cspi.published_figure_current p
  LEFT JOIN cspi.published_figure_current pop
         ON pop.measure = 'children_0_17' AND pop.time_period = p.time_period - 1
        AND pop.geographic_level = p.geographic_level AND pop.area_code = p.area_code
 WHERE p.measure = 'cp_31_march';
COMMENT ON VIEW cspi.published_indicator_value IS
'The DfE''s published figures as cspi''s indicators (cspi.published_measure), one row per indicator, year ending 31 March and area, in the indicator''s unit (percentages and rates to one decimal from the published numerator and denominator where both are published); CP_RATE derived from the plans open on 31 March and the ONS estimate of the June before (derived = true). Suppressed figures are NULL, with their code.';
GRANT SELECT ON cspi.published_indicator_value TO PUBLIC;

-- England, the region, the statistical neighbours and the authority itself
-- for each indicator in a financial year.
CREATE OR REPLACE FUNCTION cspi.benchmarks(period text, la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, time_period integer, england numeric, region numeric,
                   statistical_neighbours numeric, neighbours_published integer,
                   la_published numeric, la_rank integer, authorities_ranked integer, la_quartile integer)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    b record;
    la cspi.local_authority;
    neighbours text[];
    year_ending integer;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    -- The DfE's figures are for years ending 31 March: a financial year's.
    IF b.period_type <> 'year' THEN
        RETURN;
    END IF;
    year_ending := extract(year FROM b.period_end)::integer;
    IF la_code IS NOT NULL THEN
        la := cspi.find_local_authority(la_code);
    END IF;
    SELECT coalesce(array_agg(n.neighbour_code), '{}') INTO neighbours
      FROM cspi.statistical_neighbour_current n WHERE n.old_la_code = la.old_la_code;
    RETURN QUERY
    WITH v AS (
        SELECT p.indicator, p.geographic_level, p.area_code, p.old_la_code, p.value
          FROM cspi.published_indicator_value p WHERE p.time_period = year_ending
    ), ranked AS (
        SELECT v.indicator, v.old_la_code,
               rank() OVER w AS r, count(*) OVER (PARTITION BY v.indicator) AS n
          FROM v JOIN cspi.indicator i ON i.code = v.indicator
         WHERE v.geographic_level = 'Local authority' AND v.value IS NOT NULL AND i.polarity IS NOT NULL
        WINDOW w AS (PARTITION BY v.indicator
                     ORDER BY CASE WHEN i.polarity = 'higher' THEN -v.value ELSE v.value END)
    ), figures AS (
        SELECT v.indicator,
               max(v.value) FILTER (WHERE v.geographic_level = 'National') AS england,
               max(v.value) FILTER (WHERE v.geographic_level = 'Regional' AND v.area_code = la.region_code) AS region,
               round(avg(v.value) FILTER (WHERE v.geographic_level = 'Local authority'
                                            AND v.old_la_code = ANY (neighbours)), 1) AS neighbours_mean,
               (count(v.value) FILTER (WHERE v.geographic_level = 'Local authority'
                                         AND v.old_la_code = ANY (neighbours)))::integer AS neighbours_published,
               max(v.value) FILTER (WHERE v.geographic_level = 'Local authority' AND v.old_la_code = la.old_la_code) AS own
          FROM v GROUP BY v.indicator
    )
    SELECT i.code, year_ending, f.england, f.region, f.neighbours_mean, f.neighbours_published, f.own,
           r.r::integer, r.n::integer,
           -- Quartiles by rank, so that tied authorities share one.
           CASE WHEN r.r IS NOT NULL THEN least(4, ceil(4.0 * r.r / r.n))::integer END
      FROM cspi.indicator i
      JOIN figures f ON f.indicator = i.code
      LEFT JOIN ranked r ON r.indicator = i.code AND r.old_la_code = la.old_la_code
     ORDER BY i.display_order;
END
$fn$;
COMMENT ON FUNCTION cspi.benchmarks(text, text) IS
'For a financial year (''2024/25'': the DfE''s year ending 31 March 2025) and optionally a local authority (old three-digit or ONS code), per indicator the DfE publishes: England''s figure, the region''s, the mean of the ten statistical neighbours'' published figures (suppressed ones left out; neighbours_published says how many were averaged), the authority''s own, and its rank and quartile among all authorities (1: the best, for indicators where higher or lower is better). No rows for quarters and months.';

--------------------------------------------------------------------------
-- Deploying the indicators over a council's source schema
--------------------------------------------------------------------------

-- The type a column really has: a domain's base type (through domains over
-- domains), the type itself otherwise.
CREATE OR REPLACE FUNCTION cspi_internal.contract_base_type(found regtype) RETURNS regtype
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH RECURSIVE base(t, depth) AS (
        SELECT found::oid, 0
        UNION ALL
        SELECT ty.typbasetype, base.depth + 1
          FROM base JOIN pg_catalog.pg_type ty ON ty.oid = base.t
         WHERE ty.typtype = 'd' AND base.depth < 10
    )
    SELECT t::pg_catalog.regtype FROM base ORDER BY depth DESC LIMIT 1;
    END;
COMMENT ON FUNCTION cspi_internal.contract_base_type(regtype) IS
'The base type of a domain (through domains over domains), or found itself when it is not a domain: what cspi_internal.contract_accepts and cspi_internal.contract_expression look at.';

-- What each kind accepts.  An id is anything that can be a key: a type
-- (after domains) with the equality of a btree or hash operator class, its
-- own or one it reaches through an implicit binary-coercible cast, as its
-- = finds it (varchar has no = of its own and uses text's), or any string
-- type (text, varchar, char(n), citext).  So json, point or xml are
-- refused (xml's cast to text is not implicit), and so is box, whose =
-- compares areas.
CREATE OR REPLACE FUNCTION cspi_internal.contract_accepts(kind text, found regtype) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH b AS (
        SELECT cspi_internal.contract_base_type(found)::oid AS t
    )
    SELECT CASE kind
        WHEN 'id' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
                       OR EXISTS (SELECT 1
                                    FROM pg_catalog.pg_amop ao
                                    JOIN pg_catalog.pg_am am ON am.oid = ao.amopmethod, b
                                   WHERE ((am.amname = 'btree' AND ao.amopstrategy = 3)
                                          OR (am.amname = 'hash' AND ao.amopstrategy = 1))
                                     AND ao.amoplefttype = ao.amoprighttype
                                     AND (ao.amoplefttype = b.t
                                          OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast c
                                                      WHERE c.castsource = b.t
                                                        AND c.casttarget = ao.amoplefttype
                                                        AND c.castmethod = 'b' AND c.castcontext = 'i')))
        WHEN 'date' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'timestamp' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'flag' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'boolean' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'code' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
        WHEN 'numeric' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'N'
        WHEN 'integer' THEN (SELECT t FROM b) IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype,
                                                  'pg_catalog.int8'::pg_catalog.regtype, 'pg_catalog.numeric'::pg_catalog.regtype)
        END;
    END;
COMMENT ON FUNCTION cspi_internal.contract_accepts(text, regtype) IS
'Whether a column of type found is usable where the data contract asks for kind (see cspi.contract_column), looking through domains to their base type. An id is any string type (text, varchar, char(n), citext) or a type whose equality is that of a btree or hash operator class, its own or reached through an implicit binary-coercible cast (integer, bigint, numeric, uuid, date...); json, xml, point or box are not.';

CREATE OR REPLACE FUNCTION cspi_internal.contract_kind_words(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE kind
        WHEN 'id' THEN 'an id (a column of any type that can be compared for equality)'
        WHEN 'date' THEN 'a date (date, timestamp or timestamp with time zone)'
        WHEN 'timestamp' THEN 'a timestamp (timestamp, timestamp with time zone or date)'
        WHEN 'flag' THEN 'true or false (boolean; NULL counts as false)'
        WHEN 'boolean' THEN 'true or false (boolean; NULL means not known)'
        WHEN 'code' THEN 'a code (text, varchar or char)'
        WHEN 'numeric' THEN 'a number (any numeric type)'
        WHEN 'integer' THEN 'a whole number (smallint, integer, bigint or numeric)'
        ELSE kind END;
COMMENT ON FUNCTION cspi_internal.contract_kind_words(text) IS
'A kind of cspi.contract_column in words, for deploy()''s errors: ''a date (date, timestamp or timestamp with time zone)''.';

-- Ids are read as text and compared as text: two relations' ids match when
-- they are spelled the same, whatever their types.  A char(n) id loses its
-- trailing blanks (its cast to text drops them, as char(n) comparison
-- ignores them), so 'C1' in a char(10) column matches 'C1' in a varchar
-- one.  A date, timestamp or timestamptz is read by what it is under any
-- domain.
CREATE OR REPLACE FUNCTION cspi_internal.contract_expression(kind text, found regtype, column_name text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE kind
        WHEN 'id' THEN CASE b.t
            WHEN 'pg_catalog.bpchar'::pg_catalog.regtype THEN format('rtrim((%I)::text)', column_name)
            ELSE format('(%I)::text', column_name) END
        WHEN 'date' THEN CASE b.t
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I AT TIME ZONE ''Europe/London'')::date', column_name)
            ELSE format('(%I)::date', column_name) END
        WHEN 'timestamp' THEN CASE b.t
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I)::timestamptz', column_name)
            ELSE format('(%I)::timestamp', column_name) END
        WHEN 'flag' THEN format('coalesce((%I)::boolean, false)', column_name)
        WHEN 'boolean' THEN format('(%I)::boolean', column_name)
        WHEN 'code' THEN format('upper(btrim((%I)::text))', column_name)
        WHEN 'numeric' THEN format('(%I)::numeric', column_name)
        WHEN 'integer' THEN format('(%I)::bigint', column_name)
        END
      FROM (SELECT cspi_internal.contract_base_type(found) AS t) b;
    END;
COMMENT ON FUNCTION cspi_internal.contract_expression(text, regtype, text) IS
'The SQL expression that reads a source column of type found (a domain by its base type) as the contract''s kind: ids as text (a char(n) id without its trailing blanks, so that it matches the same id in a text or varchar column), dates of a timestamptz in Europe/London, timestamps kept as the source has them (a timestamptz as a real instant, so that elapsed hours are real hours across a clock change; a timestamp as wall-clock time), NULL flags as false, codes upper-cased and trimmed.';

-- Whether the current role owns a schema (or is a member of its owner),
-- and the error when it does not: deploy, create_region and a region's
-- refresh ask the same.
CREATE OR REPLACE FUNCTION cspi_internal.owns_schema(schema name) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(pg_catalog.pg_has_role(CURRENT_USER,
                        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) schema),
                        'USAGE'), false);
COMMENT ON FUNCTION cspi_internal.owns_schema(name) IS
'Whether the current role owns schema (or is a member of its owner); false when it does not exist.';
CREATE OR REPLACE FUNCTION cspi_internal.check_schema_owner(schema name, noun text, hint text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF NOT cspi_internal.owns_schema(schema) THEN
        RAISE EXCEPTION '% "%" belongs to role %, not to %', noun, schema,
                        (SELECT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = schema), current_user
            USING ERRCODE = 'insufficient_privilege', HINT = hint;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.check_schema_owner(name, text, text) IS
'Raises insufficient_privilege, naming noun and schema, its owner and the current role, with hint, unless the current role owns schema (or is a member of its owner).';

-- The error of a function given a schema that holds no report.
CREATE OR REPLACE FUNCTION cspi_internal.require_indicator_value(report_schema name,
        hint text DEFAULT 'Run cspi.deploy(source_schema, report_schema) first.') RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table', HINT = hint;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.require_indicator_value(name, text) IS
'Raises undefined_table, with hint, unless report_schema has an indicator_value (a council''s report or a region): refresh, cases, scorecard and grant_published_figures check it first.';

-- Acting for a report's or region's owner.  Its source views, internal
-- schema and foreign tables are the owner's, and may call functions of the
-- owner's: whoever acts on the report (an administrator's redeploy, a
-- superuser's pg_cron job), that code must run with the owner's rights
-- only.  SET ROLE would not do (the owner's function could RESET ROLE), so
-- cspi does what PostgreSQL does for REFRESH MATERIALIZED VIEW: the query
-- runs as the owner inside a security-restricted operation (owner_context.c).
CREATE OR REPLACE FUNCTION cspi.execute_as_owner(owner regrole, query text, time_limit_ms integer DEFAULT NULL)
    RETURNS jsonb
    AS 'MODULE_PATHNAME', 'cspi_execute_as_owner' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION cspi.execute_as_owner(regrole, text, integer) IS
'Runs query (one row of one jsonb column, or none: NULL) as role owner inside a security-restricted operation, as PostgreSQL runs REFRESH MATERIALIZED VIEW: the owner''s functions run with the owner''s rights only and cannot SET or RESET ROLE, GUC changes are undone, the search path is pg_catalog, pg_temp. The caller must have the owner''s privileges (a member of it, or a superuser), so it only ever narrows what runs. With time_limit_ms, a query still running then is cancelled and the call fails with program_limit_exceeded (an error an exception block catches, unlike a cancel). deploy, redeploy, refresh and a region''s refresh act for the owner through it.';

CREATE OR REPLACE FUNCTION cspi.in_restricted_operation() RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_in_restricted_operation' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.in_restricted_operation() IS
'Whether this runs inside a security-restricted operation (cspi.execute_as_owner, REFRESH MATERIALIZED VIEW): the functions that act for an owner refuse to run outside one.';

CREATE OR REPLACE FUNCTION cspi_internal.require_restricted_operation(what text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF NOT cspi.in_restricted_operation() THEN
        RAISE EXCEPTION '% acts for a report''s owner and runs only inside cspi.execute_as_owner()', what
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Call cspi.deploy(), cspi.redeploy() or cspi.refresh() instead.';
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.require_restricted_operation(text) IS
'Raises insufficient_privilege, naming what, unless called inside a security-restricted operation: the internal functions that act for an owner call it first.';

-- deploy(): the checks anyone may see, then the deploy itself as the
-- report schema's owner (the caller, for a new schema).
CREATE OR REPLACE FUNCTION cspi.deploy(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales', la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    owner oid := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = report_schema);
BEGIN
    IF source_schema IS NULL OR report_schema IS NULL OR calendar IS NULL THEN
        RAISE EXCEPTION 'cspi.deploy needs a source schema, a report schema and a calendar'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF owner IS NULL THEN
        owner := current_user::regrole;
    ELSE
        PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Deploy into a schema you own, or as its owner.');
    END IF;
    IF btrim(la_code) <> '' THEN
        PERFORM cspi.find_local_authority(la_code);     -- an unknown code is an error naming the nearest
    END IF;
    RETURN QUERY
        SELECT r.indicator, r.available, r.missing_relations
          FROM jsonb_to_recordset(cspi.execute_as_owner(owner::regrole, format(
                   'SELECT pg_catalog.jsonb_agg(d) FROM cspi_internal.deploy_restricted(%L, %L, %L, %L) d',
                   source_schema, report_schema, calendar, la_code)))
               AS r(indicator text, available boolean, missing_relations text[]);
END
$fn$;
COMMENT ON FUNCTION cspi.deploy(name, name, text, text) IS
'Checks the source schema against the data contract (listing every problem at once) and creates or replaces the report objects in report_schema: the drill-down views, data_quality, period and indicator_value (materialized in an internal schema), deployment and indicator_availability. A new deploy is built beside the old one and switched to at the end, so readers are blocked only for that moment, and views that councils made over the published objects are kept. Records the deployment in cspi.deployment, with la_code, the council''s local authority (old three-digit or ONS code; an unknown code is an error listing the nearest), which puts the DfE''s published figures beside the council''s (kept from the previous deploy when NULL; '''' clears it). An absent source relation makes the indicators that need it unavailable. The deploy runs as the report schema''s owner (the caller, for a new schema) inside a security-restricted operation (cspi.execute_as_owner), so the source''s functions never run with anyone else''s rights; a source relation owned by another role whose privileges that owner holds (a superuser deploying over a council role''s views) is refused. Returns each indicator and whether it is available.';

-- The deploy itself, as the report's owner (called by deploy only).
CREATE OR REPLACE FUNCTION cspi_internal.deploy_restricted(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales', la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    -- Compiling the long indicator queries with JIT costs seconds, far more
    -- than running them.
    SET jit = off
    AS $fn$
DECLARE
    problems text[] := '{}';
    present text[] := '{}';
    rel record;
    col record;
    relid oid;
    found_type regtype;
    previous record;
    internal name;
    rel_owner oid;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.deploy_restricted');
    -- The council's local authority (old three-digit or ONS code), for the
    -- DfE's published figures beside its own; kept from the previous deploy
    -- when not given.
    IF la_code IS NULL THEN
        SELECT d.la_code INTO la_code FROM cspi.deployment d WHERE d.report_schema = deploy_restricted.report_schema;
    ELSIF btrim(la_code) = '' THEN
        la_code := NULL;        -- '' clears it
    ELSE
        la_code := (cspi.find_local_authority(la_code)).old_la_code;
    END IF;
    IF cspi.calendar_range(calendar) IS NULL THEN
        RAISE EXCEPTION 'calendar "%" does not exist', calendar
            USING ERRCODE = 'undefined_object',
                  HINT = 'Known calendars: ' || (SELECT string_agg(name, ', ' ORDER BY name) FROM cspi.calendar) || '.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source_schema) THEN
        RAISE EXCEPTION 'source schema "%" does not exist', source_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Create it with cspi.create_source_tables(), or name the schema that holds your views over the warehouse.';
    END IF;
    IF source_schema = report_schema THEN
        RAISE EXCEPTION 'the report schema must not be the source schema "%"', source_schema
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF report_schema IN ('public', 'cspi', 'pg_catalog', 'information_schema')
       OR report_schema LIKE 'pg\_%' OR report_schema LIKE 'cspi\_internal\_%' THEN
        RAISE EXCEPTION 'cannot deploy a report into schema "%"', report_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Name a schema of its own for the report, such as cspi_report.';
    END IF;
    IF calendar !~ '^[A-Za-z0-9][A-Za-z0-9 _.()-]*$' THEN
        RAISE EXCEPTION 'calendar name "%" has characters a report cannot use', calendar
            USING ERRCODE = 'invalid_name',
                  HINT = 'Name calendars with letters, digits, spaces, hyphens, underscores, dots and brackets.';
    END IF;
    -- An existing report schema must be the caller's, and hold only what a
    -- deploy made (a schema in the registry) or nothing at all.
    IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = report_schema) THEN
        PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Deploy into a schema you own, or as its owner.');
        IF NOT EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = deploy_restricted.report_schema)
           AND (EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = report_schema)
                OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE n.nspname = report_schema)) THEN
            RAISE EXCEPTION 'schema "%" already holds objects that cspi.deploy() did not create', report_schema
                USING ERRCODE = 'duplicate_schema',
                      HINT = 'Deploy into a new or empty schema; cspi.deployment lists the schemas cspi deployed.';
        END IF;
    END IF;

    -- Check every relation of the contract that the source has.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        SELECT k.oid, k.relowner INTO relid, rel_owner
          FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
         WHERE n.nspname = source_schema AND k.relname = rel.relation
           AND k.relkind IN ('r', 'v', 'm', 'f', 'p');
        IF relid IS NULL THEN
            CONTINUE;
        END IF;
        -- The source is read with the report owner's rights: a relation of
        -- another role whose privileges the owner holds (a council role's
        -- view, deployed by a superuser) would run that role's functions
        -- with more rights than its own.
        IF rel_owner <> current_user::regrole AND pg_has_role(current_user, rel_owner, 'USAGE') THEN
            RAISE EXCEPTION 'source relation %.% belongs to role %, whose functions would run with the rights of role %',
                            source_schema, rel.relation, pg_get_userbyid(rel_owner), current_user
                USING ERRCODE = 'insufficient_privilege',
                      HINT = format('Deploy the report as role %s: create the report schema for it (CREATE SCHEMA %s AUTHORIZATION %s) and deploy into that schema, or give the source to role %s.',
                                    pg_get_userbyid(rel_owner), quote_ident(report_schema),
                                    quote_ident(pg_get_userbyid(rel_owner)), current_user);
        END IF;
        present := present || rel.relation;
        FOR col IN SELECT c.column_name, c.kind, c.optional FROM cspi.contract_column c
                    WHERE c.relation = rel.relation ORDER BY c.position LOOP
            SELECT a.atttypid::regtype INTO found_type
              FROM pg_attribute a
             WHERE a.attrelid = relid AND a.attname = col.column_name AND a.attnum > 0 AND NOT a.attisdropped;
            IF found_type IS NULL AND col.optional THEN
                CONTINUE;       -- the indicators that need it are unavailable
            ELSIF found_type IS NULL THEN
                problems := problems || format('%s.%s: missing; it should be %s', rel.relation, col.column_name,
                                               cspi_internal.contract_kind_words(col.kind));
            ELSIF NOT cspi_internal.contract_accepts(col.kind, found_type) THEN
                problems := problems || format('%s.%s: found %s, but it should be %s', rel.relation, col.column_name,
                                               format_type(found_type, NULL), cspi_internal.contract_kind_words(col.kind));
            ELSIF col.optional THEN
                present := present || (rel.relation || '.' || col.column_name);
            END IF;
        END LOOP;
    END LOOP;
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'source schema "%" does not fit the data contract (% problems)', source_schema, cardinality(problems)
            USING ERRCODE = 'invalid_table_definition',
                  DETAIL = array_to_string(problems, E'\n'),
                  HINT = 'Rename or cast the columns in your source views; cspi.contract_column lists what each relation needs.';
    END IF;

    -- One deploy of a report schema at a time.
    PERFORM pg_advisory_xact_lock(hashtext('cspi.deploy'), hashtext(report_schema));
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', report_schema);
    -- The previous generation: the internal schema that the published
    -- indicator_value reads now (never a schema the registry merely names,
    -- which its owner could point anywhere).
    SELECT min(n.nspname) AS internal_schema INTO previous
      FROM pg_depend d
      JOIN pg_rewrite rw ON rw.oid = d.objid
      JOIN pg_class c ON c.oid = d.refobjid AND c.relkind = 'm'
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
       AND rw.ev_class = to_regclass(format('%I.indicator_value', report_schema))
       AND n.nspname ~ '^cspi_internal_[0-9]+$';

    -- The new generation, built in an internal schema of its own: the
    -- materialized views are filled here, while readers go on reading the
    -- published views over the previous generation.
    -- A name no one holds: another role may have made cspi_internal_N
    -- first (to block this deploy, or by chance).
    FOR attempt IN 1 .. 1000 LOOP
        internal := 'cspi_internal_' || nextval('cspi.deployment_generation_seq');
        BEGIN
            EXECUTE format('CREATE SCHEMA %I', internal);
            EXIT;
        EXCEPTION WHEN duplicate_schema THEN
            internal := NULL;
        END;
    END LOOP;
    IF internal IS NULL THEN
        RAISE EXCEPTION 'could not find a free name for the internal schema of report schema "%"', report_schema
            USING ERRCODE = 'duplicate_schema',
                  HINT = 'Other roles hold a thousand schemas named cspi_internal_N: drop those that cspi.deployment does not name.';
    END IF;
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', internal,
                   format('The materialized views of report schema %s, and the views they are computed from (cspi.deploy). Read the report schema, not this one.',
                          report_schema));
    PERFORM cspi_internal.build_report_objects(source_schema, internal, internal, calendar, present, '{}', la_code);

    -- The switch, which readers wait for: the published views of the report
    -- schema over the new generation, then the previous generation dropped.
    PERFORM cspi_internal.lock_published_views(report_schema);
    PERFORM cspi_internal.build_report_objects(source_schema, report_schema, internal, calendar, present,
                                      ARRAY[report_schema, internal], la_code);
    INSERT INTO cspi.deployment AS d (report_schema, source_schema, calendar, internal_schema, cspi_version,
                                      deployed_at, deployed_by, refreshed_at, la_code, latest_event)
    VALUES (report_schema, source_schema, calendar, internal,
            (SELECT extversion FROM pg_extension WHERE extname = 'cspi'), now(), current_user, NULL, la_code,
            cspi.latest_event_date(report_schema))
    ON CONFLICT ON CONSTRAINT deployment_pkey DO UPDATE
       SET source_schema = EXCLUDED.source_schema, calendar = EXCLUDED.calendar,
           internal_schema = EXCLUDED.internal_schema, cspi_version = EXCLUDED.cspi_version,
           deployed_at = EXCLUDED.deployed_at, deployed_by = EXCLUDED.deployed_by, refreshed_at = NULL,
           la_code = EXCLUDED.la_code, latest_event = EXCLUDED.latest_event;
    IF previous.internal_schema IS NOT NULL AND previous.internal_schema <> internal THEN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', previous.internal_schema);
    END IF;

    RETURN QUERY EXECUTE format('SELECT a.indicator, a.available, a.missing_relations
                                   FROM %I.indicator_availability a
                                   JOIN cspi.indicator i ON i.code = a.indicator
                                  ORDER BY i.display_order', report_schema);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.deploy_restricted(name, name, text, text) IS
'cspi.deploy() itself, run as the report schema''s owner inside a security-restricted operation (cspi.execute_as_owner): refuses to run outside one.';

-- Take the switch's locks on the published views of report_schema without
-- ever waiting while holding some: each attempt locks them all (each with a
-- no-op ALTER VIEW, which locks the view alone; LOCK TABLE would lock the
-- sources behind it too) under a short lock_timeout, and a busy view makes
-- it give all back and try again a moment later.  A reader that holds one
-- view and goes on to read another therefore never deadlocks with a deploy;
-- the deploy waits until no reader is in the middle of a statement over
-- them.  indicator_value and period come first: readers read them first.
-- It waits no longer than the caller's lock_timeout (when set) and
-- cspi.switch_timeout (default 1 minute), then fails naming the sessions
-- that hold the views: the deploy rolls back and the report keeps its
-- previous figures.  A statement_timeout cancels it as any statement.
CREATE OR REPLACE FUNCTION cspi_internal.lock_published_views(report_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    v record;
    callers_timeout text := current_setting('lock_timeout');
    wait interval := coalesce(current_setting('cspi.switch_timeout', true), '1min')::interval;
    deadline timestamptz;
    holders text;
BEGIN
    IF callers_timeout::interval > '0' THEN
        wait := least(wait, callers_timeout::interval);
    END IF;
    deadline := clock_timestamp() + wait;
    LOOP
        BEGIN
            PERFORM set_config('lock_timeout', '100ms', true);
            FOR v IN SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) AS owner
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = report_schema AND c.relkind IN ('v', 'm', 'r')
                      ORDER BY c.relname <> 'indicator_value', c.relname <> 'period', c.relname LOOP
                IF v.relkind = 'v' THEN
                    EXECUTE format('ALTER VIEW %I.%I RESET (check_option)', report_schema, v.relname);
                ELSIF v.relkind = 'm' THEN
                    -- cspi 1.0's materialized views, which LOCK TABLE refuses:
                    -- the same owner again is a no-op that takes the lock
                    EXECUTE format('ALTER MATERIALIZED VIEW %I.%I OWNER TO %I', report_schema, v.relname, v.owner);
                ELSE
                    EXECUTE format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE', report_schema, v.relname);
                END IF;
            END LOOP;
            PERFORM set_config('lock_timeout', callers_timeout, true);
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            EXIT WHEN clock_timestamp() >= deadline;
            PERFORM pg_sleep(0.01 + random() * 0.05);
        END;
    END LOOP;
    PERFORM set_config('lock_timeout', callers_timeout, true);
    -- Who holds them, as far as this role may see.
    SELECT string_agg(format('pid %s (%s%s%s)', a.pid,
                             coalesce('application_name ' || nullif(a.application_name, '') || ', ', ''),
                             coalesce(a.state, 'state not visible'),
                             coalesce(' since ' || to_char(coalesce(a.xact_start, a.state_change) AT TIME ZONE 'UTC',
                                                           'YYYY-MM-DD HH24:MI:SS "UTC"'), '')),
                      '; ' ORDER BY a.pid)
      INTO holders
      FROM (SELECT DISTINCT l.pid FROM pg_locks l
             WHERE l.granted AND l.pid <> pg_backend_pid() AND l.locktype = 'relation'
               AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
               AND l.relation IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                   WHERE n.nspname = report_schema)) h
      LEFT JOIN pg_stat_activity a ON a.pid = h.pid;
    RAISE EXCEPTION 'could not switch report schema "%" to its new deploy: its views were busy for % s',
                    report_schema, rtrim(rtrim(round(extract(epoch FROM wait), 3)::text, '0'), '.')
        USING ERRCODE = 'lock_not_available',
              DETAIL = 'Held by ' || coalesce(holders, 'sessions that have ended since') || '.',
              HINT = 'The report keeps its previous deploy. End those transactions (pg_terminate_backend(pid)), or wait longer (SET cspi.switch_timeout, lock_timeout), then deploy again.';
END
$fn$;
COMMENT ON FUNCTION cspi_internal.lock_published_views(name) IS
'Locks the published views of a report schema for deploy''s switch, giving every lock back and trying again while any is busy, so that readers never deadlock with a deploy (called by deploy). Waits no longer than the caller''s lock_timeout (when set) and the setting cspi.switch_timeout (default 1 minute), then fails with lock_not_available, naming the sessions that hold the views (pid, application_name, state, since when).';

CREATE OR REPLACE FUNCTION cspi.redeploy(report_schema name)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
BEGIN
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = redeploy.report_schema;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report schema "%" is not in the deployment registry', report_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'Deploy it with cspi.deploy(source_schema, report_schema, calendar); cspi.deployment lists the deployed schemas.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = report_schema) THEN
        RAISE EXCEPTION 'report schema "%" does not exist', report_schema
            USING ERRCODE = 'invalid_schema_name';
    END IF;
    PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Redeploy as its owner, or as a member of that role.');
    -- deploy() runs as the schema's owner, restricted: the objects stay the
    -- owner's, and what the registry row names (which the owner may change)
    -- is read with the owner's rights only.
    RETURN QUERY SELECT * FROM cspi.deploy(d.source_schema, d.report_schema, d.calendar, d.la_code);
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy(name) IS
'Deploys report_schema again, as the schema''s owner inside a security-restricted operation (see cspi.deploy), from the source schema and calendar it was deployed with (cspi.deployment), with the installed version of cspi: run it after ALTER EXTENSION cspi UPDATE. Views that councils made over the published objects are kept.';

CREATE OR REPLACE FUNCTION cspi.redeploy()
    RETURNS TABLE (report_schema name, cspi_version_before text, indicators_available bigint,
                   outcome text, message text)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
BEGIN
    -- The schemas the caller may act for: those owned by a role whose
    -- privileges it has (every one, for a superuser).  Each in a
    -- subtransaction of its own: one that fails (an owner's registry row
    -- naming a schema it cannot read) leaves the others redeployed.
    FOR d IN SELECT r.* FROM cspi.deployment r JOIN pg_namespace n ON n.nspname = r.report_schema
              WHERE pg_has_role(current_user, n.nspowner, 'USAGE')
              ORDER BY 1 LOOP
        report_schema := d.report_schema;
        cspi_version_before := d.cspi_version;
        BEGIN
            SELECT count(*) FILTER (WHERE r.available) INTO indicators_available FROM cspi.redeploy(d.report_schema) r;
            outcome := 'redeployed';
            message := NULL;
        EXCEPTION WHEN OTHERS THEN
            indicators_available := NULL;
            outcome := 'failed';
            message := SQLERRM;
            RAISE WARNING 'could not redeploy report schema "%": %', d.report_schema, SQLERRM
                USING HINT = 'The schema keeps its previous deploy; the other schemas were redeployed. Mend it and run cspi.redeploy(' || quote_literal(d.report_schema) || ').';
        END;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy() IS
'Redeploys every report schema of the deployment registry (cspi.deployment) that the caller may act for (owned by a role whose privileges it has; all for a superuser), each as its owner inside a security-restricted operation and in a subtransaction of its own, and returns one row per schema: the version of cspi that had deployed it, its available indicators, outcome (redeployed or failed) and, when it failed, the message (also raised as a warning). A schema that fails keeps its previous deploy and does not stop the others.';

CREATE OR REPLACE FUNCTION cspi.check_deployment(report_schema name) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    deployed text;
    installed text := (SELECT extversion FROM pg_extension WHERE extname = 'cspi');
BEGIN
    SELECT d.cspi_version INTO deployed FROM cspi.deployment d WHERE d.report_schema = check_deployment.report_schema;
    IF deployed IS NOT NULL AND deployed <> installed THEN
        RAISE WARNING 'report schema "%" was deployed by cspi %, but cspi % is installed', report_schema, deployed, installed
            USING HINT = format('Run SELECT cspi.redeploy(%L) to bring it up to date.', report_schema);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.check_deployment(name) IS
'Warns when report_schema was deployed by another version of cspi than the one installed (scorecard calls it, and so narrative and report_html).';

CREATE OR REPLACE FUNCTION cspi.refresh(report_schema name DEFAULT 'cspi_report') RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    d record;
    o record;
    target name;
    populated boolean;
    refreshed integer := 0;
    owner oid;
BEGIN
    -- A region pulls its members' figures instead.
    IF EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = refresh.report_schema) THEN
        PERFORM cspi.refresh_region(report_schema);
        RETURN;
    END IF;
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = refresh.report_schema;
    owner := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = report_schema);
    IF owner IS NOT NULL THEN
        PERFORM cspi_internal.check_schema_owner(report_schema, 'report schema',
            'Refresh it as its owner, or as a role with its owner''s privileges.');
    END IF;
    PERFORM cspi_internal.require_indicator_value(report_schema);
    -- cspi's own materialized views, dependencies first: in the internal
    -- schema, or in the report schema as cspi 1.0 deployed them.
    target := coalesce(d.internal_schema, report_schema);
    FOR o IN SELECT * FROM cspi.report_object WHERE kind = 'materialized view' ORDER BY build_order LOOP
        SELECT c.relispopulated INTO populated
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = target AND c.relname = o.name AND c.relkind = 'm';
        CONTINUE WHEN NOT FOUND;
        IF populated THEN
            EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', target, o.name);
        ELSE
            EXECUTE format('REFRESH MATERIALIZED VIEW %I.%I', target, o.name);
        END IF;
        refreshed := refreshed + 1;
    END LOOP;
    IF refreshed = 0 THEN
        RAISE EXCEPTION 'found nothing to refresh for report schema "%"', report_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'Its row in cspi.deployment is missing or names no internal schema: run cspi.deploy() for it again.';
    END IF;
    -- REFRESH MATERIALIZED VIEW ran the owner's views as the owner,
    -- restricted; the latest event is read the same way.
    UPDATE cspi.deployment r
       SET refreshed_at = now(),
           latest_event = (cspi.execute_as_owner(owner::regrole, format(
                               'SELECT pg_catalog.to_jsonb(cspi.latest_event_date(%L))', refresh.report_schema)) #>> '{}')::date
     WHERE r.report_schema = refresh.report_schema;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh(name) IS
'Refreshes the report schema''s own materialized views (period, then indicator_value) concurrently, so readers are not blocked, and records the time in cspi.deployment.refreshed_at. Touches nothing else in the schema. Only its owner (or a role with the owner''s privileges, such as a superuser) may refresh it, and whatever of the owner''s it reads runs as the owner, restricted (cspi.execute_as_owner), as REFRESH MATERIALIZED VIEW runs it. For a region schema (cspi.create_region), pulls the members'' published figures and pools them again (cspi.refresh_region).';

-- Placeholders filled once, in one pass: a value is never scanned again, so
-- a schema or calendar name containing "@R@" cannot expand twice.
CREATE OR REPLACE FUNCTION cspi_internal.fill_template(template text, names text[], fill text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    parts text[] := regexp_split_to_array(template, '@[A-Z]+@');
    tokens text[];
    result text;
    pos integer;
BEGIN
    SELECT array_agg(m[1] ORDER BY n) INTO tokens
      FROM regexp_matches(template, '@([A-Z]+)@', 'g') WITH ORDINALITY AS t(m, n);
    result := parts[1];
    FOR i IN 1 .. coalesce(cardinality(tokens), 0) LOOP
        pos := array_position(names, tokens[i]);
        IF pos IS NULL THEN
            RAISE EXCEPTION 'unknown placeholder @%@ in a report object''s definition', tokens[i]
                USING ERRCODE = 'syntax_error';
        END IF;
        result := result || fill[pos] || parts[i + 1];
    END LOOP;
    RETURN result;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.fill_template(text, text[], text[]) IS
'Replaces each @NAME@ of template by the value of that name, in one pass (a value is never scanned again); an unknown placeholder is an error.';

-- One measure's part of a counting query: its aggregates (n<k> counts the
-- numerator rows, d<k> the denominator rows, distinct or not) and its row
-- of the VALUES list that turns them into (indicator, num, den).
CREATE OR REPLACE FUNCTION cspi_internal.measure_columns(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('count(%1$s) FILTER (WHERE %2$s) AS n%3$s', coalesce('DISTINCT ' || m.count_distinct, '*'),
                  m.numerator, k)
           || CASE WHEN m.denominator IS NOT NULL
                   THEN format(', count(%1$s) FILTER (WHERE %2$s) AS d%3$s',
                               coalesce('DISTINCT ' || m.count_distinct, '*'), m.denominator, k)
                   ELSE '' END;
COMMENT ON FUNCTION cspi_internal.measure_columns(cspi.indicator_measure, bigint) IS
'The aggregates of measure m, numbered k, in a counting query of indicator_value (used by measure_queries).';
CREATE OR REPLACE FUNCTION cspi_internal.measure_row(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('(%L, g.n%s, %s)', m.indicator, k,
                  CASE WHEN m.denominator IS NULL THEN 'NULL::bigint' ELSE 'g.d' || k END);
COMMENT ON FUNCTION cspi_internal.measure_row(cspi.indicator_measure, bigint) IS
'The (indicator, num, den) row of measure m, numbered k, in a counting query of indicator_value (used by measure_queries).';

-- The counting queries of indicator_value, made from cspi.indicator_measure:
-- event measures that can be added up month by month are counted per month
-- in one scan of their relation and rolled up into quarters and years;
-- distinct counts, and numerators that compare with period_end, are counted
-- per period; snapshots per month end.  Returns a UNION ALL of
-- (indicator, period_type, period, num, den) and (indicator, period_end,
-- num, den) parts for schema (an identifier, quoted).
CREATE OR REPLACE FUNCTION cspi_internal.measure_queries(schema text, OUT events text, OUT snapshots text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    g record;
    parts text[] := '{}';
    snaps text[] := '{}';
BEGIN
    -- Additive events: per month, then rolled up.
    FOR g IN
        SELECT m.relation, m.anchor, m.row_filter,
               string_agg(cspi_internal.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi_internal.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
          FROM cspi.indicator_measure m
          JOIN (SELECT indicator, row_number() OVER (ORDER BY indicator) AS n FROM cspi.indicator_measure) k
            USING (indicator)
         WHERE m.kind = 'event' AND m.count_distinct IS NULL
           AND NOT (m.numerator ~ '\mperiod_end\M' OR coalesce(m.denominator ~ '\mperiod_end\M', false))
         GROUP BY m.relation, m.anchor, m.row_filter
         ORDER BY m.relation, m.anchor, m.row_filter
    LOOP
        parts := parts || format(
$q$SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
  FROM (SELECT date_trunc('month', (%1$s)::date)::date AS month, %2$s
          FROM %3$s.%4$I t WHERE cspi.in_report_years((%1$s)::date) AND (%5$s) GROUP BY 1) g
 CROSS JOIN LATERAL cspi.periods_of(g.month) p
 CROSS JOIN LATERAL (VALUES %6$s) x(indicator, num, den)
 GROUP BY 1, 2, 3$q$,
            g.anchor, g.aggregates, schema, g.relation, coalesce(g.row_filter, 'true'), g.rows_of);
    END LOOP;

    -- Events counted per period: distinct counts, period_end comparisons.
    FOR g IN
        SELECT m.relation, m.anchor, m.row_filter,
               string_agg(cspi_internal.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi_internal.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
          FROM cspi.indicator_measure m
          JOIN (SELECT indicator, row_number() OVER (ORDER BY indicator) AS n FROM cspi.indicator_measure) k
            USING (indicator)
         WHERE m.kind = 'event'
           AND (m.count_distinct IS NOT NULL
                OR m.numerator ~ '\mperiod_end\M' OR coalesce(m.denominator ~ '\mperiod_end\M', false))
         GROUP BY m.relation, m.anchor, m.row_filter
         ORDER BY m.relation, m.anchor, m.row_filter
    LOOP
        parts := parts || format(
$q$SELECT x.indicator, g.period_type, g.period, x.num, x.den
  FROM (SELECT p.period_type, p.period, %2$s
          FROM %3$s.%4$I t CROSS JOIN LATERAL cspi.periods_of((%1$s)::date) p
         WHERE cspi.in_report_years((%1$s)::date) AND (%5$s)
         GROUP BY 1, 2) g
 CROSS JOIN LATERAL (VALUES %6$s) x(indicator, num, den)$q$,
            g.anchor, g.aggregates, schema, g.relation, coalesce(g.row_filter, 'true'), g.rows_of);
    END LOOP;

    -- Hand-written queries.
    SELECT parts || coalesce(array_agg(format('SELECT %L, q.period_type, q.period, q.num, q.den FROM (%s) q',
                                              m.indicator,
                                              cspi_internal.fill_template(m.query, ARRAY['R'], ARRAY[schema]))
                                       ORDER BY m.indicator), '{}')
      INTO parts
      FROM cspi.indicator_measure m WHERE m.kind = 'query';

    -- Snapshots at each month end.
    FOR g IN
        SELECT m.relation, m.row_filter,
               string_agg(cspi_internal.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi_internal.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
          FROM cspi.indicator_measure m
          JOIN (SELECT indicator, row_number() OVER (ORDER BY indicator) AS n FROM cspi.indicator_measure) k
            USING (indicator)
         WHERE m.kind = 'snapshot'
         GROUP BY m.relation, m.row_filter
         ORDER BY m.relation, m.row_filter
    LOOP
        snaps := snaps || format(
$q$SELECT x.indicator, g.period_end, x.num, x.den
  FROM (SELECT t.period_end, %1$s FROM %2$s.%3$I t WHERE (%4$s) GROUP BY 1) g
 CROSS JOIN LATERAL (VALUES %5$s) x(indicator, num, den)$q$,
            g.aggregates, schema, g.relation, coalesce(g.row_filter, 'true'), g.rows_of);
    END LOOP;

    events := array_to_string(parts, E'\nUNION ALL\n');
    snapshots := array_to_string(snaps, E'\nUNION ALL\n');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.measure_queries(text) IS
'The counting queries of indicator_value made from cspi.indicator_measure, for the report objects in schema (a quoted identifier): events (indicator, period_type, period, num, den) and snapshots (indicator, period_end, num, den), each a UNION ALL.';

-- Views (and materialized views) that depend on relid, outside cspi's own
-- report objects, in an order that recreates them: a council's own views
-- over a published object, with their owners, grants and comments.
CREATE OR REPLACE FUNCTION cspi_internal.dependent_views(relid regclass, skip_schemas name[])
    RETURNS TABLE (view_oid oid, depth integer)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    WITH RECURSIVE deps(oid, depth) AS (
        SELECT DISTINCT r.ev_class, 1
          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
         WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = relid AND r.ev_class <> relid
        UNION
        SELECT r.ev_class, deps.depth + 1
          FROM deps JOIN pg_depend d ON d.refobjid = deps.oid AND d.refclassid = 'pg_class'::regclass
                                    AND d.classid = 'pg_rewrite'::regclass
          JOIN pg_rewrite r ON r.oid = d.objid
         WHERE r.ev_class <> deps.oid AND deps.depth < 100
    )
    SELECT deps.oid, max(deps.depth)::integer
      FROM deps JOIN pg_class c ON c.oid = deps.oid
     WHERE NOT EXISTS (
               -- cspi's own objects, which the deploy rebuilds: everything in
               -- an internal schema, and in the report schema only what
               -- cspi names (a council's own view there is kept)
               SELECT 1 FROM pg_namespace n
                WHERE n.oid = c.relnamespace AND n.nspname = ANY (skip_schemas)
                  AND (n.nspname ~ '^cspi_internal_[0-9]+$'
                       OR c.relname IN (SELECT o.name FROM cspi.report_object o)
                       OR c.relname IN ('deployment', 'indicator_availability')
                       OR c.relname LIKE 'src\_%'))
     GROUP BY deps.oid
$fn$;
COMMENT ON FUNCTION cspi_internal.dependent_views(regclass, name[]) IS
'The views and materialized views that depend on relid, directly or through others, but for cspi''s own objects in the schemas skipped (everything in an internal schema; in a report schema, the objects cspi names), with their depth (recreate them by increasing depth).';

CREATE OR REPLACE FUNCTION cspi_internal.view_statements(view_oid oid) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT coalesce(array_agg(s.stmt ORDER BY s.n), '{}')
      FROM pg_class c
      CROSS JOIN LATERAL (
          SELECT 1 AS n, format('CREATE %s %s%s AS %s',
                                CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                                c.oid::regclass,
                                coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', ''),
                                rtrim(pg_get_viewdef(c.oid), ';')) AS stmt
          UNION ALL
          SELECT 2, format('ALTER %s %s OWNER TO %I',
                           CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                           c.oid::regclass, pg_get_userbyid(c.relowner))
          UNION ALL
          SELECT 3, format('COMMENT ON %s %s IS %L',
                           CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                           c.oid::regclass, obj_description(c.oid, 'pg_class'))
           WHERE obj_description(c.oid, 'pg_class') IS NOT NULL
          UNION ALL
          SELECT 4, format('GRANT %s ON %s TO %s', a.privilege_type, c.oid::regclass,
                           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END)
            FROM aclexplode(c.relacl) a
           WHERE a.grantee <> c.relowner
          UNION ALL
          SELECT 5, pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = c.oid AND c.relkind = 'm'
      ) s
     WHERE c.oid = view_oid
$fn$;
COMMENT ON FUNCTION cspi_internal.view_statements(oid) IS
'The statements that create a view (or materialized view) again as it is: its definition, owner, comment, grants and (materialized views) indexes.';

CREATE OR REPLACE FUNCTION cspi_internal.recreate_statements(relid regclass, skip_schemas name[]) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT coalesce(array_agg(u.stmt ORDER BY d.depth, d.view_oid, u.n), '{}')
      FROM cspi_internal.dependent_views(relid, skip_schemas) d
      CROSS JOIN LATERAL unnest(cspi_internal.view_statements(d.view_oid)) WITH ORDINALITY AS u(stmt, n)
$fn$;
COMMENT ON FUNCTION cspi_internal.recreate_statements(regclass, name[]) IS
'The statements that recreate the views depending on relid (see cspi_internal.dependent_views), with their owners, comments, grants and (materialized views) indexes, in order.';

-- Make schema.name the view query, keeping what depends on it: in place
-- (CREATE OR REPLACE VIEW) when its columns allow it; otherwise (another
-- kind of relation, as cspi 1.0 made, or columns that changed) the views
-- that depend on it are recreated after it.
CREATE OR REPLACE FUNCTION cspi_internal.publish_view(schema name, name text, query text, invoker boolean, skip_schemas name[])
    RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    relid regclass := to_regclass(format('%I.%I', schema, name));
    kind "char";
    options text := CASE WHEN invoker THEN ' WITH (security_invoker = true)' ELSE '' END;
    saved text[];
BEGIN
    IF relid IS NOT NULL THEN
        SELECT c.relkind INTO kind FROM pg_class c WHERE c.oid = relid;
    END IF;
    IF relid IS NULL THEN
        EXECUTE format('CREATE VIEW %I.%I%s AS %s', schema, name, options, query);
        RETURN '{}';
    END IF;
    IF kind = 'v' THEN
        BEGIN
            EXECUTE format('CREATE OR REPLACE VIEW %I.%I%s AS %s', schema, name, options, query);
            RETURN '{}';
        EXCEPTION WHEN invalid_table_definition OR feature_not_supported OR datatype_mismatch THEN
            NULL;       -- columns changed: recreate, with what depends on it
        END;
    END IF;
    saved := cspi_internal.recreate_statements(relid, skip_schemas);
    EXECUTE format('DROP %s %I.%I CASCADE',
                   CASE kind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   schema, name);
    EXECUTE format('CREATE VIEW %I.%I%s AS %s', schema, name, options, query);
    RETURN saved;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.publish_view(name, text, text, boolean, name[]) IS
'Creates or replaces the published view schema.name. When it cannot be replaced in place, returns the statements that recreate the views depending on it (with their grants and comments), to run once the whole report is rebuilt (called by deploy).';

-- The SQL type of each kind of contract column, for a column that is not there.
CREATE OR REPLACE FUNCTION cspi_internal.contract_type(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE kind WHEN 'id' THEN 'text' WHEN 'date' THEN 'date'
                     WHEN 'timestamp' THEN 'timestamp' WHEN 'flag' THEN 'boolean'
                     WHEN 'boolean' THEN 'boolean' WHEN 'code' THEN 'text'
                     WHEN 'numeric' THEN 'numeric' ELSE 'bigint' END;
COMMENT ON FUNCTION cspi_internal.contract_type(text) IS
'The SQL type a src_ view gives a contract column of this kind that the source lacks (an absent relation, an optional column).';

-- Build every report object in schema (src_ views, tables and the objects
-- of cspi.report_object).  internal: materialized views are built here (the
-- internal schema); otherwise they are published as views over internal.
CREATE OR REPLACE FUNCTION cspi_internal.build_report_objects(source_schema name, schema name, internal name,
                                          calendar text, present text[], skip_schemas name[], la_code text)
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    building_internal boolean := schema = internal;
    pending text[] := '{}';
    stmt text;
    rel record;
    o record;
    select_list text;
    query text;
    measures record;
BEGIN
    -- One view per source relation, reading it as the contract says; an
    -- empty one with the same columns for a relation the source lacks.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        IF rel.relation = ANY (present) THEN
            -- An optional column the source lacks reads as NULL.
            SELECT string_agg(CASE WHEN a.atttypid IS NULL THEN format('NULL::%s', cspi_internal.contract_type(c.kind))
                                   ELSE cspi_internal.contract_expression(c.kind, a.atttypid::regtype, c.column_name) END
                              || ' AS ' || quote_ident(c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c
              LEFT JOIN LATERAL (
                  SELECT a.atttypid FROM pg_attribute a
                    JOIN pg_class k ON k.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = k.relnamespace
                   WHERE a.attname = c.column_name AND a.attnum > 0 AND NOT a.attisdropped
                     AND k.relname = rel.relation AND n.nspname = source_schema) a ON true
             WHERE c.relation = rel.relation;
            query := format('SELECT %s FROM %I.%I', select_list, source_schema, rel.relation);
        ELSE
            SELECT string_agg(format('NULL::%s AS %I', cspi_internal.contract_type(c.kind), c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c WHERE c.relation = rel.relation;
            query := format('SELECT %s WHERE false', select_list);
        END IF;
        pending := pending || cspi_internal.publish_view(schema, 'src_' || rel.relation, query, true, skip_schemas);
        EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, 'src_' || rel.relation,
                       CASE WHEN rel.relation = ANY (present)
                            THEN format('%I.%I read as the data contract says (ids as text, codes upper-case, NULL flags false).',
                                        source_schema, rel.relation)
                            ELSE format('Empty: the source schema %I has no relation %I.', source_schema, rel.relation) END);
        PERFORM cspi_internal.comment_report_columns(schema, 'src_' || rel.relation);
    END LOOP;

    -- What was deployed, and which indicators it can compute: tables in the
    -- internal schema, published as views.
    IF building_internal THEN
        EXECUTE format('CREATE TABLE %I.deployment AS SELECT %L::name AS source_schema, %L::text AS calendar,
                               %L::text[] AS present_relations, now() AS deployed_at,
                               (SELECT extversion FROM pg_extension WHERE extname = ''cspi'') AS cspi_version,
                               %L::text AS la_code',
                       schema, source_schema, calendar, present, la_code);
        EXECUTE format('CREATE TABLE %I.indicator_availability AS
                        SELECT i.code AS indicator, m.missing = ''{}'' AS available, m.missing AS missing_relations
                          FROM cspi.indicator i
                          CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), ''{}'') AS missing
                                                FROM unnest(i.requires) AS x WHERE NOT x = ANY (%L::text[])) m',
                       schema, present);
    ELSE
        pending := pending || cspi_internal.publish_view(schema, 'deployment', format('SELECT * FROM %I.deployment', internal), false, skip_schemas);
        pending := pending || cspi_internal.publish_view(schema, 'indicator_availability',
                                  format('SELECT * FROM %I.indicator_availability', internal), false, skip_schemas);
    END IF;
    EXECUTE format('COMMENT ON %s %I.deployment IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'What cspi.deploy() made this schema from: the source schema, the calendar and the relations it found.');
    EXECUTE format('COMMENT ON %s %I.indicator_availability IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'Each indicator of the catalogue and whether the source has the relations it needs.');
    PERFORM cspi_internal.comment_report_columns(schema, 'deployment');
    PERFORM cspi_internal.comment_report_columns(schema, 'indicator_availability');

    -- The report objects, in build order.
    SELECT * INTO measures FROM cspi_internal.measure_queries(quote_ident(schema));
    FOR o IN SELECT * FROM cspi.report_object ORDER BY build_order LOOP
        query := cspi_internal.fill_template(o.definition, ARRAY['R', 'CAL', 'EVENTS', 'SNAPSHOTS', 'SCHEMA'],
                                    ARRAY[quote_ident(schema), quote_literal(calendar),
                                          measures.events, measures.snapshots, quote_literal(schema)]);
        BEGIN
            IF o.kind = 'view' THEN
                pending := pending || cspi_internal.publish_view(schema, o.name, query, true, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSIF building_internal THEN
                -- Filled by REFRESH, not by CREATE ... AS: REFRESH writes
                -- its rows frozen, so that a reader whose snapshot is older
                -- than this deploy's commit, once the switch points it
                -- here, sees every new figure rather than none (the new
                -- relation is reachable only after the commit).
                EXECUTE format('CREATE MATERIALIZED VIEW %I.%I AS %s WITH NO DATA', schema, o.name, query);
                EXECUTE format('REFRESH MATERIALIZED VIEW %I.%I', schema, o.name);
                EXECUTE format('CREATE UNIQUE INDEX ON %I.%I (%s)', schema, o.name, o.unique_key);
                EXECUTE format('COMMENT ON MATERIALIZED VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSE
                pending := pending || cspi_internal.publish_view(schema, o.name, format('SELECT * FROM %I.%I', internal, o.name),
                                          false, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            END IF;
            PERFORM cspi_internal.comment_report_columns(schema, o.name);
        EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION 'could not build %.% (report object %, family %): %',
                            schema, o.name, o.kind, o.family, SQLERRM
                USING ERRCODE = SQLSTATE;
        END;
    END LOOP;

    -- Councils' own views that had to be dropped with an object that could
    -- not be replaced in place.
    FOREACH stmt IN ARRAY pending LOOP
        EXECUTE stmt;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.build_report_objects(name, name, name, text, text[], name[], text) IS
'Builds the report objects in schema: in the internal schema with materialized views, in the report schema as published views (called by deploy).';


--------------------------------------------------------------------------
-- Report objects: data quality
--------------------------------------------------------------------------
-- The source rows that break the data contract or its logic.

-- How data_quality names a row: by its id; by the columns that place it
-- (its child and date) when its id is missing; by both when other rows
-- have the same id, so that each of them can be told apart.
CREATE OR REPLACE FUNCTION cspi.data_quality_row_id(id text, repeated boolean, described text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN id IS NULL THEN described
                WHEN repeated THEN id || ' (' || described || ')'
                ELSE id END;
COMMENT ON FUNCTION cspi.data_quality_row_id(text, boolean, text) IS
'The row_id a report''s data_quality view gives a source row: its id; described (the columns that place it, such as ''child C5 received 2024-06-03'') when the id is missing; both, ''V1 (child C1 on 2024-05-01)'', when repeated (other rows have the same id).';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('data_quality', 'view', 180, 'data_quality', NULL,
'Source rows that break the data contract or its logic, each with its relation, row id and the problem; none is dropped silently. Every row whose id is missing or repeated is listed; such a row is named by the columns that place it (its child and date), after its id when it has one.',
$def$
WITH cal AS (
    SELECT lower(r) AS lo, upper(r) - 1 AS hi FROM cspi.calendar_range(@CAL@) AS r
), has_child AS (
    SELECT 'child' = ANY (present_relations) AS yes FROM @R@.deployment
), known_child AS (
    SELECT DISTINCT child_id FROM @R@.src_child
),
-- The keys of the contract that more than one row has, and how many (a
-- key of two columns as a JSON array of both).  A missing key is not
-- repeated: it is listed as missing.
repeated_keys(relation, key, n) AS (
    SELECT 'child', child_id, count(*) FROM @R@.src_child WHERE child_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'population', year::text, count(*) FROM @R@.src_population WHERE year IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'referral', referral_id, count(*) FROM @R@.src_referral WHERE referral_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'assessment', assessment_id, count(*) FROM @R@.src_assessment WHERE assessment_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 's47_enquiry', s47_id, count(*) FROM @R@.src_s47_enquiry WHERE s47_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cp_plan', plan_id, count(*) FROM @R@.src_cp_plan WHERE plan_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cp_review', review_id, count(*) FROM @R@.src_cp_review WHERE review_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cla_episode', episode_id, count(*) FROM @R@.src_cla_episode WHERE episode_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'cla_review', review_id, count(*) FROM @R@.src_cla_review WHERE review_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'visit', visit_id, count(*) FROM @R@.src_visit WHERE visit_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'missing_episode', episode_id, count(*) FROM @R@.src_missing_episode WHERE episode_id IS NOT NULL GROUP BY 2 HAVING count(*) > 1
    UNION ALL SELECT 'care_leaver', jsonb_build_array(child_id, as_at)::text, count(*) FROM @R@.src_care_leaver
     WHERE child_id IS NOT NULL AND as_at IS NOT NULL GROUP BY child_id, as_at HAVING count(*) > 1
    UNION ALL SELECT 'family_support', jsonb_build_array(case_id, child_id)::text, count(*) FROM @R@.src_family_support
     WHERE case_id IS NOT NULL AND child_id IS NOT NULL GROUP BY case_id, child_id HAVING count(*) > 1
),
-- Each source row with its row_id (cspi.data_quality_row_id): its id, the
-- columns that place it when the id is missing, both when it is repeated.
-- A key of two columns names a missing part '?'.
child_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.child_id,
                    s.child_id IN (SELECT key FROM repeated_keys WHERE relation = 'child'),
                    format('born %s, family %s', coalesce(s.date_of_birth::text, '?'), coalesce(s.family_id, '?'))) AS row_id
      FROM @R@.src_child s
), population_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.year::text,
                    s.year::text IN (SELECT key FROM repeated_keys WHERE relation = 'population'),
                    format('%s children', coalesce(s.children::text, '?'))) AS row_id
      FROM @R@.src_population s
), referral_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.referral_id,
                    s.referral_id IN (SELECT key FROM repeated_keys WHERE relation = 'referral'),
                    format('child %s received %s', coalesce(s.child_id, '?'), coalesce(s.referral_date::text, '?'))) AS row_id
      FROM @R@.src_referral s
), assessment_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.assessment_id,
                    s.assessment_id IN (SELECT key FROM repeated_keys WHERE relation = 'assessment'),
                    format('child %s started %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_assessment s
), s47_enquiry_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.s47_id,
                    s.s47_id IN (SELECT key FROM repeated_keys WHERE relation = 's47_enquiry'),
                    format('child %s strategy %s', coalesce(s.child_id, '?'), coalesce(s.strategy_date::text, '?'))) AS row_id
      FROM @R@.src_s47_enquiry s
), cp_plan_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.plan_id,
                    s.plan_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_plan'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_cp_plan s
), cp_review_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.review_id,
                    s.review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_review'),
                    format('plan %s on %s', coalesce(s.plan_id, '?'), coalesce(s.review_date::text, '?'))) AS row_id
      FROM @R@.src_cp_review s
), cla_episode_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.episode_id,
                    s.episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_episode'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_date::text, '?'))) AS row_id
      FROM @R@.src_cla_episode s
), cla_review_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.review_id,
                    s.review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_review'),
                    format('child %s on %s', coalesce(s.child_id, '?'), coalesce(s.review_date::text, '?'))) AS row_id
      FROM @R@.src_cla_review s
), visit_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.visit_id,
                    s.visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                    format('child %s on %s', coalesce(s.child_id, '?'), coalesce(s.visit_date::text, '?'))) AS row_id
      FROM @R@.src_visit s
), allocation_rows AS NOT MATERIALIZED (
    SELECT s.*, coalesce(s.child_id, '?') || ' from ' || coalesce(s.start_date::text, '?') AS row_id
      FROM @R@.src_allocation s
), health_assessment_rows AS NOT MATERIALIZED (
    SELECT s.*, coalesce(s.child_id, '?') || ' due ' || coalesce(s.due_date::text, '?') AS row_id
      FROM @R@.src_health_assessment s
), missing_episode_rows AS NOT MATERIALIZED (
    SELECT s.*, cspi.data_quality_row_id(s.episode_id,
                    s.episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'missing_episode'),
                    format('child %s from %s', coalesce(s.child_id, '?'), coalesce(s.start_at::text, '?'))) AS row_id
      FROM @R@.src_missing_episode s
), care_leaver_rows AS NOT MATERIALIZED (
    SELECT s.*, k.key,
           coalesce(s.child_id, '?') || ' at ' || coalesce(s.as_at::text, '?')
           || CASE WHEN k.key IS NULL OR k.key IN (SELECT key FROM repeated_keys WHERE relation = 'care_leaver')
                   THEN format(' (in touch %s, activity %s)', coalesce(s.in_touch::text, '?'), coalesce(s.activity, '?'))
                   ELSE '' END AS row_id
      FROM @R@.src_care_leaver s
     CROSS JOIN LATERAL (SELECT CASE WHEN s.child_id IS NOT NULL AND s.as_at IS NOT NULL
                                  THEN jsonb_build_array(s.child_id, s.as_at)::text END AS key) k
), family_support_rows AS NOT MATERIALIZED (
    SELECT s.*, k.key,
           coalesce(s.case_id, '?') || '/' || coalesce(s.child_id, '?')
           || CASE WHEN k.key IS NULL OR k.key IN (SELECT key FROM repeated_keys WHERE relation = 'family_support')
                   THEN format(' (family %s, %s, from %s)', coalesce(s.family_id, '?'), coalesce(lower(s.provider), '?'),
                               coalesce(s.start_date::text, '?'))
                   ELSE '' END AS row_id
      FROM @R@.src_family_support s
     CROSS JOIN LATERAL (SELECT CASE WHEN s.case_id IS NOT NULL AND s.child_id IS NOT NULL
                                  THEN jsonb_build_array(s.case_id, s.child_id)::text END AS key) k
),
-- The keyed rows with their key and what a missing key means for the row.
keyed(relation, key_name, key, row_id, missing) AS NOT MATERIALIZED (
    SELECT 'child', 'child_id', child_id, row_id, 'child_id is missing (matches no event)' FROM child_rows
    UNION ALL SELECT 'population', 'year', year::text, row_id, 'year is missing: not used' FROM population_rows
    UNION ALL SELECT 'referral', 'referral_id', referral_id, row_id, 'referral_id is missing (counted all the same)' FROM referral_rows
    UNION ALL SELECT 'assessment', 'assessment_id', assessment_id, row_id, 'assessment_id is missing (counted all the same)' FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', 's47_id', s47_id, row_id, 's47_id is missing (counted all the same)' FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', 'plan_id', plan_id, row_id, 'plan_id is missing (counted all the same, but a cp visit it alone is open for counts as having no plan)' FROM cp_plan_rows
    UNION ALL SELECT 'cp_review', 'review_id', review_id, row_id, 'review_id is missing (counted all the same)' FROM cp_review_rows
    UNION ALL SELECT 'cla_episode', 'episode_id', episode_id, row_id, 'episode_id is missing (counted all the same)' FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', 'review_id', review_id, row_id, 'review_id is missing (counted all the same)' FROM cla_review_rows
    UNION ALL SELECT 'visit', 'visit_id', visit_id, row_id, 'visit_id is missing (counted all the same)' FROM visit_rows
    UNION ALL SELECT 'missing_episode', 'episode_id', episode_id, row_id, 'episode_id is missing (counted all the same)' FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', '(child_id, as_at)', key, row_id,
                     CASE WHEN child_id IS NULL AND as_at IS NULL THEN 'child_id and as_at are missing: not counted'
                          WHEN child_id IS NULL THEN 'child_id is missing: not counted'
                          ELSE 'as_at is missing: not counted' END
      FROM care_leaver_rows
    UNION ALL SELECT 'family_support', '(case_id, child_id)', key, row_id,
                     CASE WHEN child_id IS NULL AND case_id IS NULL THEN 'case_id and child_id are missing (its family is counted, the child is not)'
                          WHEN child_id IS NULL THEN 'child_id is missing (its family is counted, the child is not)'
                          ELSE 'case_id is missing (counted all the same)' END
      FROM family_support_rows
), child_refs(relation, row_id, child_id) AS (
    SELECT 'referral', row_id, child_id FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, child_id FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, child_id FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', row_id, child_id FROM cp_plan_rows
    UNION ALL SELECT 'cla_episode', row_id, child_id FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', row_id, child_id FROM cla_review_rows
    UNION ALL SELECT 'visit', row_id, child_id FROM visit_rows
    UNION ALL SELECT 'allocation', row_id, child_id FROM allocation_rows
    UNION ALL SELECT 'health_assessment', row_id, child_id FROM health_assessment_rows
    UNION ALL SELECT 'missing_episode', row_id, child_id FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', row_id, child_id FROM care_leaver_rows
    UNION ALL SELECT 'family_support', row_id, child_id FROM family_support_rows
), working_day_dates(relation, row_id, d) AS (
    SELECT 'referral', row_id, referral_date FROM referral_rows WHERE completed_date IS NOT NULL
    UNION ALL SELECT 'referral', row_id, completed_date FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, start_date FROM assessment_rows WHERE authorised_date IS NOT NULL
    UNION ALL SELECT 'assessment', row_id, authorised_date FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, strategy_date FROM s47_enquiry_rows WHERE icpc_date IS NOT NULL
    UNION ALL SELECT 's47_enquiry', row_id, icpc_date FROM s47_enquiry_rows
    UNION ALL SELECT 'visit', row_id, visit_date FROM visit_rows WHERE visit_type = 'CP'
    UNION ALL SELECT 'cla_review', row_id, review_date FROM cla_review_rows
), event_dates(relation, row_id, column_name, d) AS (
    -- the dates that place a row in a period (end dates of spells read as
    -- open when after the report's years, so they are not here)
    SELECT 'referral', row_id, 'referral_date', referral_date FROM referral_rows
    UNION ALL SELECT 'referral', row_id, 'completed_date', completed_date FROM referral_rows
    UNION ALL SELECT 'assessment', row_id, 'start_date', start_date FROM assessment_rows
    UNION ALL SELECT 'assessment', row_id, 'authorised_date', authorised_date FROM assessment_rows
    UNION ALL SELECT 's47_enquiry', row_id, 'strategy_date', strategy_date FROM s47_enquiry_rows
    UNION ALL SELECT 's47_enquiry', row_id, 'icpc_date', icpc_date FROM s47_enquiry_rows
    UNION ALL SELECT 'cp_plan', row_id, 'start_date', start_date FROM cp_plan_rows
    UNION ALL SELECT 'cp_review', row_id, 'review_date', review_date FROM cp_review_rows
    UNION ALL SELECT 'cla_episode', row_id, 'start_date', start_date FROM cla_episode_rows
    UNION ALL SELECT 'cla_review', row_id, 'review_date', review_date FROM cla_review_rows
    UNION ALL SELECT 'visit', row_id, 'visit_date', visit_date FROM visit_rows
    UNION ALL SELECT 'health_assessment', row_id, 'completed_date', completed_date FROM health_assessment_rows
    UNION ALL SELECT 'missing_episode', row_id, 'returned_at', cspi.local_date(returned_at) FROM missing_episode_rows
    UNION ALL SELECT 'care_leaver', row_id, 'as_at', as_at FROM care_leaver_rows
    UNION ALL SELECT 'family_support', row_id, 'start_date', start_date FROM family_support_rows
), end_dates(relation, row_id, column_name, d) AS (
    SELECT 'cp_plan', row_id, 'end_date', end_date FROM cp_plan_rows
    UNION ALL SELECT 'cla_episode', row_id, 'end_date', end_date FROM cla_episode_rows
    UNION ALL SELECT 'allocation', row_id, 'end_date', end_date FROM allocation_rows
    UNION ALL SELECT 'family_support', row_id, 'end_date', end_date FROM family_support_rows
), problems(relation, row_id, problem) AS (
    -- missing keys: every such row
    SELECT k.relation, k.row_id, k.missing FROM keyed k WHERE k.key IS NULL
    -- repeated keys: every row that shares its key
    UNION ALL SELECT k.relation, k.row_id, format('duplicate %s: %s rows have it', k.key_name, r.n)
      FROM keyed k JOIN repeated_keys r ON r.relation = k.relation AND r.key = k.key
    -- dates outside the report's years: never placed in a period
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is outside the years a report covers (%s to %s): not counted',
                            e.column_name, e.d, cspi.report_first_day(), cspi.report_last_day())
      FROM event_dates e WHERE e.d IS NOT NULL AND NOT cspi.in_report_years(e.d)
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is before the years a report covers (from %s)', e.column_name, e.d, cspi.report_first_day())
      FROM end_dates e WHERE e.d < cspi.report_first_day()
    -- population rows that cannot give a rate (a missing year is listed above)
    UNION ALL SELECT 'population', row_id, 'not a positive number of children in a year from 1 to 9999: not used'
      FROM population_rows WHERE year IS NOT NULL AND NOT coalesce(year BETWEEN 1 AND 9999 AND children > 0, false)
    -- missing dates an indicator needs
    UNION ALL SELECT 'referral', row_id, 'referral_date is missing' FROM referral_rows WHERE referral_date IS NULL
    UNION ALL SELECT 'assessment', row_id, 'start_date is missing' FROM assessment_rows WHERE start_date IS NULL
    UNION ALL SELECT 's47_enquiry', row_id, 'strategy_date is missing' FROM s47_enquiry_rows WHERE strategy_date IS NULL
    UNION ALL SELECT 'cp_plan', row_id, 'start_date is missing' FROM cp_plan_rows WHERE start_date IS NULL
    UNION ALL SELECT 'cla_episode', row_id, 'start_date is missing' FROM cla_episode_rows WHERE start_date IS NULL
    UNION ALL SELECT 'cp_review', row_id, 'review_date is missing' FROM cp_review_rows WHERE review_date IS NULL
    UNION ALL SELECT 'cla_review', row_id, 'review_date is missing' FROM cla_review_rows WHERE review_date IS NULL
    UNION ALL SELECT 'visit', row_id, 'visit_date is missing' FROM visit_rows WHERE visit_date IS NULL
    UNION ALL SELECT 'child', row_id, 'date_of_birth is missing' FROM child_rows WHERE date_of_birth IS NULL
    -- an end before its start
    UNION ALL SELECT 'referral', row_id, 'completed before it was received (negative working days)' FROM referral_rows WHERE completed_date < referral_date
    UNION ALL SELECT 'assessment', row_id, 'authorised before it started (negative working days)' FROM assessment_rows WHERE authorised_date < start_date
    UNION ALL SELECT 's47_enquiry', row_id, 'conference before the strategy discussion (negative working days)' FROM s47_enquiry_rows WHERE icpc_date < strategy_date
    UNION ALL SELECT 'cp_plan', row_id, 'ends before it starts' FROM cp_plan_rows WHERE end_date < start_date
    UNION ALL SELECT 'cla_episode', row_id, 'ends before it starts' FROM cla_episode_rows WHERE end_date < start_date
    UNION ALL SELECT 'allocation', row_id, 'ends before it starts' FROM allocation_rows WHERE end_date < start_date
    UNION ALL SELECT 'family_support', row_id, 'ends before it starts' FROM family_support_rows WHERE end_date < start_date
    UNION ALL SELECT 'missing_episode', row_id, 'returned before going missing' FROM missing_episode_rows WHERE returned_at < start_at
    UNION ALL SELECT 'missing_episode', row_id, 'engaged with a return home interview that was never offered (not counted as engaged)' FROM missing_episode_rows WHERE rhi_engaged AND rhi_offered_at IS NULL
    UNION ALL SELECT 'health_assessment', row_id, 'kind is not initial or review' FROM health_assessment_rows WHERE kind IS NULL OR kind NOT IN ('INITIAL', 'REVIEW')
    -- dates the calendar cannot count working days for
    UNION ALL SELECT w.relation, w.row_id, 'date ' || w.d || ' is outside the range of calendar ' || @CAL@ || ': no working days counted'
      FROM working_day_dates w, cal WHERE w.d NOT BETWEEN cal.lo AND cal.hi
    -- children that the child relation does not know
    UNION ALL SELECT r.relation, r.row_id, 'unknown child ' || coalesce(r.child_id, 'NULL')
      FROM child_refs r, has_child
     WHERE has_child.yes
       AND NOT EXISTS (SELECT 1 FROM known_child k WHERE k.child_id = r.child_id)
    -- events with nothing to be timely against, named as above (the
    -- drill-down views keep the columns that place a row)
    UNION ALL SELECT 'cp_review', cspi.data_quality_row_id(review_id,
                         review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cp_review'),
                         format('plan %s on %s', coalesce(plan_id, '?'), coalesce(review_date::text, '?'))),
                     'review of an unknown plan: not in timescale'
      FROM @R@.cp_review_timeliness WHERE child_id IS NULL
    UNION ALL SELECT 'visit', cspi.data_quality_row_id(visit_id,
                         visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?'))),
                     'cp visit with no child protection plan open that day: not in timescale'
      FROM @R@.cp_visit_timeliness WHERE plan_id IS NULL
    UNION ALL SELECT 'cla_review', cspi.data_quality_row_id(review_id,
                         review_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_review'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(review_date::text, '?'))),
                     'looked-after review with no period of care open that day: not in timescale'
      FROM @R@.cla_review_timeliness WHERE period_of_care IS NULL
    UNION ALL SELECT 'visit', cspi.data_quality_row_id(visit_id,
                         visit_id IN (SELECT key FROM repeated_keys WHERE relation = 'visit'),
                         format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?'))),
                     'cic visit with no due date and no placement that day: not in timescale'
      FROM @R@.cic_visit_timeliness WHERE due_date IS NULL AND placement_number IS NULL
    -- care episodes
    UNION ALL SELECT 'cla_episode', e.row_id, 'overlaps the child''s previous episode'
      FROM (SELECT row_id, start_date,
                   max(coalesce(end_date, 'infinity')) OVER (PARTITION BY child_id ORDER BY start_date, episode_id
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
              FROM cla_episode_rows
             WHERE legal_status IS DISTINCT FROM 'V3' AND legal_status IS DISTINCT FROM 'V4') e
     WHERE e.start_date < e.previous_end
    UNION ALL SELECT 'cla_episode', cspi.data_quality_row_id(first_episode_id,
                         first_episode_id IN (SELECT key FROM repeated_keys WHERE relation = 'cla_episode'),
                         format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?'))),
                     'period of care does not begin with reason_new S (counted as a period of care all the same)'
      FROM @R@.cla_period_of_care WHERE NOT coalesce(starts_with_s, false)
    -- codes
    UNION ALL SELECT 'cla_episode', row_id, 'unknown reason_new ' || coalesce(reason_new, 'NULL') FROM cla_episode_rows WHERE reason_new IS NULL OR reason_new NOT IN ('S', 'L', 'P', 'T', 'B', 'U')
    UNION ALL SELECT 'visit', row_id, 'unknown visit_type ' || coalesce(visit_type, 'NULL') FROM visit_rows WHERE visit_type IS NULL OR visit_type NOT IN ('CP', 'CIC')
    UNION ALL SELECT 'family_support', row_id, 'unknown provider ' || coalesce(provider, 'NULL') FROM family_support_rows WHERE provider IS NULL OR provider NOT IN ('INTERNAL', 'EXTERNAL')
    UNION ALL SELECT 'care_leaver', row_id, 'unknown activity ' || activity FROM care_leaver_rows
     WHERE activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                            'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN')
)
SELECT relation, row_id, problem FROM problems
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

--------------------------------------------------------------------------
-- Report objects: indicator_value
--------------------------------------------------------------------------
-- Every indicator for every period, from the measures of cspi.indicator_measure
-- (@EVENTS@ and @SNAPSHOTS@, made by cspi_internal.measure_queries), with the
-- population for rates, targets and status.  Last, a check that every
-- indicator of the catalogue has a measure: a code present in the catalogue
-- but not measured is an error here, at install, never a silent 0.

-- A figure from its numerator and denominator, as every indicator_value
-- shows it: a council's, and a region's pooled from its members' counts.
-- (A function returning a table, which the planner inlines: one row.)
CREATE OR REPLACE FUNCTION cspi.indicator_figure(unit text, numerator bigint, denominator bigint)
    RETURNS TABLE (value numeric, shown numeric, display text, fraction numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE unit
               WHEN '%' THEN CASE WHEN denominator > 0 THEN numerator * 100::numeric / denominator END
               WHEN 'count' THEN numerator::numeric
               ELSE CASE WHEN denominator > 0 THEN cspi.rate_per(numerator, denominator) END END,
           CASE unit
               WHEN '%' THEN CASE WHEN denominator > 0 THEN cspi.percent(cspi.ratio(numerator, denominator), 1) END
               WHEN 'count' THEN numerator::numeric
               ELSE CASE WHEN denominator > 0 THEN cspi.rate_per_10k(numerator, denominator) END END,
           CASE unit
               WHEN '%' THEN cspi.format_ratio(cspi.ratio(numerator, denominator))
               WHEN 'count' THEN to_char(numerator, 'FM999,999,999,999,990')
               ELSE coalesce(CASE WHEN denominator > 0 THEN cspi.rate_per_10k(numerator, denominator)::text END, 'n/a') END,
           CASE WHEN unit = '%' AND denominator > 0 THEN numerator::numeric / denominator END;
    END;
COMMENT ON FUNCTION cspi.indicator_figure(text, bigint, bigint) IS
'An indicator''s figure from its numerator and denominator, by its unit (%, count or per 10,000): the exact value, the value as shown (percentages to one decimal place, rates per 10,000 to one), the display text (''81.4% (1,119 / 1,374)'') and, for a percentage, the fraction (0 to 1). NULL figures without cases or population.';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('indicator_value', 'materialized view', 190, 'indicator_value', 'indicator, period_type, period',
'Every available indicator for every year, quarter and month: numerator, denominator, exact value, value as shown, display text, target and status, percentages also as a fraction (0 to 1) for BI tools, and when the figures were computed. Refresh with cspi.refresh().',
$def$
WITH events(indicator, period_type, period, num, den) AS (
@EVENTS@
), snapshots(indicator, period_end, num, den) AS (
@SNAPSHOTS@
), counted(indicator, period_type, period, num, den) AS (
    SELECT indicator, period_type, period, num, den FROM events
    UNION ALL
    SELECT s.indicator, p.period_type, p.period, s.num, s.den
      FROM snapshots s JOIN @R@.period p ON p.period_end = s.period_end
)
SELECT i.code AS indicator, p.period_type, p.period, p.period_start, p.period_end,
       v.numerator, v.denominator, v.value, v.shown, v.display, v.target,
       cspi.target_status(v.shown, v.target, i.polarity) AS status,
       f.fraction,
       now() AS refreshed_at
  FROM cspi.indicator i
  JOIN @R@.indicator_availability a ON a.indicator = i.code AND a.available
  CROSS JOIN @R@.period p
  LEFT JOIN counted c ON c.indicator = i.code AND c.period_type = p.period_type AND c.period = p.period
  LEFT JOIN LATERAL (
      SELECT pop.children FROM @R@.src_population pop
       WHERE i.unit = 'per 10,000'
         AND CASE WHEN pop.year BETWEEN 1 AND 9999 AND pop.children > 0
                  THEN make_date(pop.year::int, 6, 30) < p.period_end ELSE false END
       ORDER BY pop.year DESC LIMIT 1) pop ON true
  CROSS JOIN LATERAL (
      SELECT coalesce(c.num, 0)::bigint AS num,
             CASE i.unit WHEN '%' THEN coalesce(c.den, 0)::bigint
                         WHEN 'per 10,000' THEN pop.children::bigint END AS den
  ) n
  CROSS JOIN LATERAL cspi.indicator_figure(i.unit, n.num, n.den) f
  CROSS JOIN LATERAL (
      SELECT n.num AS numerator, n.den AS denominator, f.value, f.shown, f.display,
             cspi.target_for(i.code, p.period) AS target
  ) v
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

DO $check$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(i.code, ', ' ORDER BY i.code) INTO missing
      FROM cspi.indicator i
     WHERE NOT EXISTS (SELECT 1 FROM cspi.indicator_measure m WHERE m.indicator = i.code);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'indicators without a measure in cspi.indicator_measure: %', missing;
    END IF;
END
$check$;

--------------------------------------------------------------------------
-- The cases behind a figure (the drill-down of any indicator)
--------------------------------------------------------------------------

-- The cases behind a figure: one row per case counted, from the measure's
-- drill-down, so that count(*) is the figure's denominator (or, for counts
-- and rates, its numerator) and count(*) FILTER (WHERE in_numerator) its
-- numerator.
CREATE OR REPLACE FUNCTION cspi.cases(indicator text, period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (in_numerator boolean, child_id text, case_id text, case_date date, details jsonb)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    m cspi.indicator_measure;
    b record;
    r text := quote_ident(report_schema);
    counted text;
    placed text;
    key text := $k$coalesce(j->>'referral_id', j->>'assessment_id', j->>'s47_id', j->>'plan_id',
                             j->>'review_id', j->>'visit_id', j->>'episode_id', j->>'case_id',
                             j->>'first_episode_id', j->>'child_id')$k$;
BEGIN
    SELECT * INTO m FROM cspi.indicator_measure x WHERE x.indicator = cases.indicator;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'indicator "%" does not exist', indicator
            USING ERRCODE = 'undefined_object',
                  HINT = 'cspi.indicator lists the indicators.';
    END IF;
    SELECT * INTO b FROM cspi.period_bounds(period);
    IF EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = cases.report_schema) THEN
        RAISE EXCEPTION 'schema "%" is a region: the cases stay with each council', report_schema
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Each member council lists its own with cspi.cases(indicator, period, its report schema).';
    END IF;
    PERFORM cspi_internal.require_indicator_value(report_schema);
    IF m.kind = 'query' THEN
        RETURN QUERY EXECUTE cspi_internal.fill_template(m.cases_query, ARRAY['R'], ARRAY[r])
            USING b.period_start, b.period_end;
        RETURN;
    END IF;
    -- the rows placed in the period, with period_end the period's last day
    placed := CASE m.kind
        WHEN 'event' THEN format('cspi.in_report_years((%1$s)::date) AND (%1$s)::date BETWEEN $1 AND $2', m.anchor)
        ELSE 't.period_end = $2' END;
    -- counted: the denominator's rows, or the numerator's for counts and rates
    counted := coalesce(m.denominator, m.numerator);
    IF m.count_distinct IS NULL THEN
        RETURN QUERY EXECUTE format(
            $q$SELECT coalesce(%1$s, false), j->>'child_id', %2$s, %3$s, j
                 FROM %4$s.%5$I t CROSS JOIN LATERAL (SELECT to_jsonb(t) AS j, $2 AS period_end) x
                WHERE %6$s AND (%7$s) AND coalesce(%8$s, false)$q$,
            m.numerator, key, CASE m.kind WHEN 'event' THEN format('(%s)::date', m.anchor) ELSE '$2' END,
            r, m.relation, placed, coalesce(m.row_filter, 'true'), counted)
            USING b.period_start, b.period_end;
    ELSE
        -- one case per distinct item, in the numerator when any of its rows is
        RETURN QUERY EXECUTE format(
            $q$SELECT bool_or(coalesce(%1$s, false)), min(j->>'child_id'), (%2$s)::text,
                      min(%3$s), jsonb_agg(j)
                 FROM %4$s.%5$I t CROSS JOIN LATERAL (SELECT to_jsonb(t) AS j, $2 AS period_end) x
                WHERE %6$s AND (%7$s) AND (%2$s) IS NOT NULL
                GROUP BY (%2$s)
               HAVING bool_or(coalesce(%8$s, false))$q$,
            m.numerator, m.count_distinct, CASE m.kind WHEN 'event' THEN format('(%s)::date', m.anchor) ELSE '$2' END,
            r, m.relation, placed, coalesce(m.row_filter, 'true'), counted)
            USING b.period_start, b.period_end;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.cases(text, text, name) IS
'The cases behind an indicator''s figure for a period: one row per case counted (each row of the denominator; each counted item for a count or a rate), with in_numerator, the child, the case''s own id and date, and the drill-down row that decided it (details). count(*) and count(*) FILTER (WHERE in_numerator) give the figure''s denominator and numerator (for counts and rates, its numerator both).';

--------------------------------------------------------------------------
-- The scorecard of a period (used by narrative and report_html too)
--------------------------------------------------------------------------
-- Warns when the report schema was deployed by another version of cspi.

-- met or not met, judged now: by the target in force (a council's target
-- changed since the last refresh counts at once).
CREATE OR REPLACE FUNCTION cspi.target_status(shown numeric, target numeric, polarity text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR target IS NULL OR polarity IS NULL THEN NULL
                WHEN cspi.target_met(shown, target, polarity) THEN 'met'
                ELSE 'not met' END;
COMMENT ON FUNCTION cspi.target_status(numeric, numeric, text) IS
'met or not met: the figure as shown against the target, by the polarity; NULL without a figure, a target or a polarity.';

-- The change from the previous comparable period, in words.
CREATE OR REPLACE FUNCTION cspi.change_word(shown numeric, previous numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR previous IS NULL THEN NULL
                WHEN shown > previous THEN 'increase'
                WHEN shown < previous THEN 'decrease'
                ELSE 'no change' END;
COMMENT ON FUNCTION cspi.change_word(numeric, numeric) IS
'increase, decrease or no change from previous to shown; NULL when either is missing.';

CREATE OR REPLACE FUNCTION cspi.change_judgement(shown numeric, previous numeric, polarity text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR previous IS NULL OR polarity IS NULL OR shown = previous THEN NULL
                WHEN (shown > previous) = (polarity = 'higher') THEN 'better'
                ELSE 'worse' END;
COMMENT ON FUNCTION cspi.change_judgement(numeric, numeric, text) IS
'better or worse, by the polarity (higher or lower is better), from previous to shown; NULL without a polarity, a change or both figures.';

CREATE OR REPLACE FUNCTION cspi.scorecard(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, section text, code text, title text, unit text,
                   display text, shown numeric, numerator bigint, denominator bigint,
                   target numeric, polarity text, status text,
                   previous_period text, previous_display text, previous_shown numeric,
                   change text, change_is text, available boolean, reason text,
                   data_as_at timestamptz,
                   england numeric, region numeric, statistical_neighbours numeric, la_published numeric,
                   la_quartile integer)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    prev text := cspi.previous_period(period);
    as_at timestamptz;
    la text;
BEGIN
    PERFORM cspi.period_bounds(period);
    PERFORM cspi_internal.require_indicator_value(report_schema);
    PERFORM cspi.check_deployment(report_schema);
    -- The council's authority, when the published figures still name it.
    SELECT coalesce(d.refreshed_at, d.deployed_at), a.old_la_code INTO as_at, la
      FROM cspi.deployment d LEFT JOIN cspi.local_authority a ON a.old_la_code = d.la_code
     WHERE d.report_schema = scorecard.report_schema;
    IF NOT FOUND THEN
        SELECT coalesce(g.refreshed_at, g.created_at) INTO as_at FROM cspi.region g
         WHERE g.region_schema = scorecard.report_schema;
    END IF;
    RETURN QUERY EXECUTE format($q$
        SELECT i.display_order, i.section, i.code, i.title, i.unit,
               v.display, v.shown, v.numerator, v.denominator,
               t.target, i.polarity, cspi.target_status(v.shown, t.target, i.polarity),
               $2, pv.display, pv.shown,
               cspi.change_word(v.shown, pv.shown), cspi.change_judgement(v.shown, pv.shown, i.polarity),
               coalesce(a.available, false) AND v.indicator IS NOT NULL,
               cspi.figure_reason(i.code, v.display, v.shown, a.available, a.missing_relations, v.indicator IS NOT NULL),
               $3,
               bm.england, bm.region, bm.statistical_neighbours, bm.la_published, bm.la_quartile
          FROM cspi.indicator i
          CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, $1) AS target) t
          LEFT JOIN cspi.benchmarks($1, $4) bm ON bm.indicator = i.code
          LEFT JOIN %1$I.indicator_availability a ON a.indicator = i.code
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN %1$I.indicator_value pv ON pv.indicator = i.code AND pv.period = $2
         ORDER BY i.display_order
        $q$, report_schema) USING period, prev, as_at, la;
END
$fn$;
COMMENT ON FUNCTION cspi.scorecard(text, name) IS
'One row per indicator of the catalogue, in display order, for a period (''2023/24'', ''2023/24 Q1'', ''2023-04''): its figure, target, status, the previous comparable period''s figure and whether the change is better or worse; unavailable indicators with the reason; data_as_at, when the report was last refreshed (or deployed); and, for a financial year, the DfE''s published figures for the year ending 31 March (cspi.benchmarks): England''s, the region''s, the mean of the statistical neighbours'' and the council''s own (la_published, to reconcile with), and the council''s quartile among all authorities (1: the best), for the local authority cspi.deploy() recorded (NULL where not published).';


--------------------------------------------------------------------------
-- The year-end report: targets, narrative, HTML (functions only)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.target_for(indicator text, period text) RETURNS numeric
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE WHEN t.found THEN t.target ELSE i.default_target END
      FROM cspi.indicator i
      LEFT JOIN LATERAL (
            SELECT true AS found, x.target
              FROM cspi.target x
             WHERE x.indicator = i.code
               AND (cspi.period_bounds(x.from_period)).period_start
                   <= (cspi.period_bounds(target_for.period)).period_start
             ORDER BY (cspi.period_bounds(x.from_period)).period_start DESC
             LIMIT 1) t ON true
     WHERE i.code = target_for.indicator;
    END;
COMMENT ON FUNCTION cspi.target_for(text, text) IS
'The target in force for an indicator in a period: the cspi.target row with the latest from_period starting on or before the period''s start, else the catalogue''s default target.';

CREATE OR REPLACE FUNCTION cspi.previous_period(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE b.period_type
               WHEN 'year' THEN cspi.financial_year((b.period_start - interval '1 year')::date)
               WHEN 'quarter' THEN cspi.financial_quarter((b.period_start - interval '1 year')::date)
               ELSE to_char(b.period_start - interval '1 year', 'YYYY-MM') END
      FROM cspi.period_bounds(previous_period.period) b;
    END;
COMMENT ON FUNCTION cspi.previous_period(text) IS
'The previous comparable period: the previous financial year for a year, the same quarter or month a year earlier otherwise.';

CREATE OR REPLACE FUNCTION cspi.period_name(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE b.period_type WHEN 'month' THEN to_char(b.period_start, 'FMMonth YYYY')
                              ELSE period_name.period END
      FROM cspi.period_bounds(period_name.period) b;
    END;
COMMENT ON FUNCTION cspi.period_name(text) IS
'A period as a sentence names it: ''2023/24'', ''2023/24 Q1'', ''April 2023''.';

CREATE OR REPLACE FUNCTION cspi.format_number(value numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN value IS NULL THEN 'n/a'
                WHEN unit = '%' THEN to_char(value, 'FM999,999,990.0') || '%'
                WHEN unit = 'per 10,000' THEN to_char(value, 'FM999,999,990.0')
                WHEN value = trunc(value) THEN to_char(value, 'FM999,999,999,999,990')
                ELSE value::text END;
COMMENT ON FUNCTION cspi.format_number(numeric, text) IS
'A shown value in its unit as the report writes it: ''81.4%'', ''65.6'', ''1,554''.';

CREATE OR REPLACE FUNCTION cspi.format_target(target numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN target IS NULL THEN NULL
                ELSE rtrim(rtrim(to_char(target, 'FM999,999,990.99'), '0'), '.')
                     || CASE WHEN unit = '%' THEN '%' ELSE '' END END;
COMMENT ON FUNCTION cspi.format_target(numeric, text) IS
'A target as the report writes it: ''90%'', ''6%'', ''10%''.';

-- The narrative's headings.  Indicators with a target are judged by it;
-- without one, an indicator where higher or lower is better is judged by
-- its change from the previous comparable period.  What cannot be judged
-- (counts and rates with neither, or no target and no change to judge) is
-- context, never "need to improve".  Indicators with no figure are listed
-- last with the reason.
CREATE OR REPLACE FUNCTION cspi.narrative_heading(available boolean, target numeric, polarity text,
                                                  status text, change_is text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN NOT coalesce(available, false) THEN 'Figures not available'
        WHEN status = 'met' THEN 'Where are we performing well?'
        WHEN status = 'not met' THEN 'Where do we need to improve?'
        WHEN target IS NULL AND change_is = 'better' THEN 'Where are we performing well?'
        WHEN target IS NULL AND change_is = 'worse' THEN 'Where do we need to improve?'
        ELSE 'Activity and context' END;
COMMENT ON FUNCTION cspi.narrative_heading(boolean, numeric, text, text, text) IS
'The narrative heading of a scorecard row: ''Figures not available'' without a figure; ''Where are we performing well?'' when the target is met or, with no target, the change from the previous period is for the better; ''Where do we need to improve?'' when the target is not met or, with no target, the change is for the worse; ''Activity and context'' otherwise (counts and rates with neither a target nor a polarity, or no target and no change to judge).';

CREATE OR REPLACE FUNCTION cspi.narrative(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, code text, heading text, sentence text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    card record;
    b record;
    period_end_text text;
    cards jsonb;
    values_by_code jsonb;
    target_text text;
    comparison text;
    verdict text;
    txt text;
    placeholder text[];
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    period_end_text := 'the end of ' || to_char(b.period_end, 'FMMonth YYYY');
    -- The scorecard once: the values every sentence may name, then the rows.
    SELECT jsonb_agg(to_jsonb(c)) INTO cards FROM cspi.scorecard(period, report_schema) c;
    SELECT jsonb_object_agg(c.code, cspi.format_number(c.shown, c.unit)) INTO values_by_code
      FROM jsonb_to_recordset(cards) AS c(code text, shown numeric, unit text);

    FOR card IN SELECT c.*, coalesce(w.template, i.sentence) AS template
                  FROM jsonb_to_recordset(cards) AS c(display_order integer, code text, title text, unit text,
                                                      display text, shown numeric, numerator bigint, denominator bigint,
                                                      target numeric, polarity text, status text, previous_period text,
                                                      previous_shown numeric, change text, change_is text,
                                                      available boolean, reason text, england numeric)
                  JOIN cspi.indicator i ON i.code = c.code
                  LEFT JOIN cspi.indicator_wording w ON w.indicator = c.code
                 ORDER BY c.display_order LOOP
        display_order := card.display_order;
        code := card.code;
        heading := cspi.narrative_heading(card.available AND card.shown IS NOT NULL, card.target,
                                          card.polarity, card.status, card.change_is);
        IF NOT card.available OR card.shown IS NULL THEN
            sentence := format('%s: %s.', card.title, card.reason);
            RETURN NEXT;
            CONTINUE;
        END IF;

        target_text := CASE
            WHEN card.target IS NULL OR card.polarity IS NULL THEN NULL
            WHEN card.status = 'met' AND card.polarity = 'higher'
                THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.status = 'met'
                THEN 'is within our ' || cspi.format_target(card.target, card.unit) || ' target (lower is better)'
            WHEN card.polarity = 'higher'
                THEN 'is below our ' || cspi.format_target(card.target, card.unit) || ' target'
            ELSE 'is above our ' || cspi.format_target(card.target, card.unit) || ' target (lower is better)' END;
        comparison := CASE
            WHEN card.change IS NULL THEN NULL
            WHEN card.change = 'no change' THEN 'is the same as the ' || cspi.format_number(card.previous_shown, card.unit)
                                                 || ' in ' || cspi.period_name(card.previous_period)
            ELSE 'is ' || CASE card.change WHEN 'increase' THEN 'an increase' ELSE 'a decrease' END
                 || ' from ' || cspi.format_number(card.previous_shown, card.unit)
                 || ' in ' || cspi.period_name(card.previous_period)
                 || CASE card.change_is WHEN 'better' THEN ', an improvement' WHEN 'worse' THEN ', a deterioration' ELSE '' END END;
        verdict := CASE
            WHEN comparison IS NOT NULL AND target_text IS NOT NULL THEN ' This ' || comparison || ', and ' || target_text || '.'
            WHEN comparison IS NOT NULL THEN ' This ' || comparison || '.'
            WHEN target_text IS NOT NULL THEN ' This ' || target_text || '.'
            ELSE '' END
            -- England's published figure for the year, for percentages and rates.
            || CASE
            WHEN card.england IS NULL OR card.unit = 'count' THEN ''
            WHEN card.polarity IS NULL OR card.shown = card.england
                THEN format(' England''s figure was %s.', cspi.format_number(card.england, card.unit)
                            || CASE WHEN card.unit = 'per 10,000' THEN ' per 10,000' ELSE '' END)
            ELSE format(' This is %s than England (%s).',
                        CASE WHEN (card.shown > card.england) = (card.polarity = 'higher') THEN 'better' ELSE 'worse' END,
                        cspi.format_number(card.england, card.unit)
                        || CASE WHEN card.unit = 'per 10,000' THEN ' per 10,000' ELSE '' END) END;

        txt := card.template;
        txt := replace(txt, '{in_period}', 'In ' || cspi.period_name(period));
        txt := replace(txt, '{period}', cspi.period_name(period));
        txt := replace(txt, '{period_end}', period_end_text);
        txt := replace(txt, '{display}', card.display);
        txt := replace(txt, '{value}', cspi.format_number(card.shown, card.unit));
        txt := replace(txt, '{numerator}', coalesce(to_char(card.numerator, 'FM999,999,999,999,990'), 'n/a'));
        txt := replace(txt, '{denominator}', coalesce(to_char(card.denominator, 'FM999,999,999,999,990'), 'n/a'));
        txt := replace(txt, '{verdict}', verdict);
        FOR placeholder IN SELECT regexp_matches(txt, '\{value:([A-Z0-9_]+)\}', 'g') LOOP
            txt := replace(txt, '{value:' || placeholder[1] || '}',
                           coalesce(values_by_code ->> placeholder[1], 'n/a'));
        END LOOP;
        -- {singular|plural}: the first when the figure is a count of exactly
        -- one ("1 child was", "1 family"), else the second.
        txt := regexp_replace(txt, '\{([^{}|]*)\|([^{}|]*)\}',
                              CASE WHEN card.unit = 'count' AND card.shown = 1 THEN '\1' ELSE '\2' END, 'g');
        -- A sentence starts with a capital letter.
        sentence := upper(left(txt, 1)) || substr(txt, 2);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.narrative(text, name) IS
'The report''s narrative for a period: per indicator, its heading (cspi.narrative_heading: ''Where are we performing well?'', ''Where do we need to improve?'', ''Activity and context'' or ''Figures not available'') and a sentence from its template (cspi.indicator_wording, else cspi.indicator.sentence) with the comparison with the previous period and the target; an indicator without a figure gets its title and the reason.';

CREATE OR REPLACE FUNCTION cspi.narrative_summary(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (with_target integer, met integer, not_met integer, compared integer,
                   improved integer, deteriorated integer, unchanged integer, unavailable integer,
                   sentence text)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
    SELECT t.with_target, t.met, t.not_met, t.compared, t.improved, t.deteriorated, t.unchanged, t.unavailable,
           CASE WHEN t.with_target = 0 THEN 'No indicator has a target for ' || cspi.period_name(period) || '.'
                ELSE format('Of the %s indicators with a target in %s, %s met it and %s did not.',
                            t.with_target, cspi.period_name(period), t.met, t.not_met) END
           || CASE WHEN t.compared = 0 THEN ''
                   ELSE format(' Of the %s indicators where higher or lower is better and %s has a figure to compare with, %s improved, %s deteriorated and %s stayed the same.',
                               t.compared, cspi.period_name(cspi.previous_period(period)),
                               t.improved, t.deteriorated, t.unchanged) END
           || CASE WHEN t.unavailable = 0 THEN ''
                   WHEN t.unavailable = 1 THEN ' 1 indicator has no figure.'
                   ELSE format(' %s indicators have no figure.', t.unavailable) END
      FROM (SELECT count(*) FILTER (WHERE c.status IS NOT NULL)::integer AS with_target,
                   count(*) FILTER (WHERE c.status = 'met')::integer AS met,
                   count(*) FILTER (WHERE c.status = 'not met')::integer AS not_met,
                   count(*) FILTER (WHERE c.polarity IS NOT NULL AND c.change IS NOT NULL)::integer AS compared,
                   count(*) FILTER (WHERE c.change_is = 'better')::integer AS improved,
                   count(*) FILTER (WHERE c.change_is = 'worse')::integer AS deteriorated,
                   count(*) FILTER (WHERE c.polarity IS NOT NULL AND c.change = 'no change')::integer AS unchanged,
                   count(*) FILTER (WHERE NOT c.available OR c.shown IS NULL)::integer AS unavailable
              FROM cspi.scorecard(narrative_summary.period, narrative_summary.report_schema) c) t;
    END;
COMMENT ON FUNCTION cspi.narrative_summary(text, name) IS
'The narrative''s opening summary for a period: how many indicators with a target met it and how many did not, how many of those where higher or lower is better improved, deteriorated or stayed the same against the previous comparable period, how many have no figure; and the same as a sentence.';

CREATE OR REPLACE FUNCTION cspi.html_escape(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN replace(replace(replace(replace(replace(raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION cspi.html_escape(text) IS 'Text made safe to put into HTML.';

-- A value axis with a sensible scale: a step of 1, 2 or 5 times a power of
-- ten giving about four intervals from a floor to a ceiling that hold every
-- value and the target (percentages within 0 to 100).
CREATE OR REPLACE FUNCTION cspi.chart_scale(lo numeric, hi numeric, unit text,
                                            OUT axis_min numeric, OUT axis_max numeric, OUT step numeric)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    raw numeric;
    magnitude numeric;
BEGIN
    IF lo > 0 AND unit <> '%' THEN lo := 0; END IF;    -- counts and rates from 0
    IF hi = lo AND unit = '%' THEN lo := lo - 5; hi := hi + 5;      -- a flat line, 10 points high
    ELSIF hi = lo THEN hi := lo + greatest(abs(lo) * 0.1, 1); END IF;
    raw := (hi - lo) / 4;
    magnitude := power(10::numeric, floor(log(raw)));
    step := CASE WHEN raw <= magnitude THEN magnitude WHEN raw <= 2 * magnitude THEN 2 * magnitude
                 WHEN raw <= 5 * magnitude THEN 5 * magnitude ELSE 10 * magnitude END;
    axis_min := floor(lo / step) * step;
    axis_max := ceil(hi / step) * step;
    IF unit = '%' THEN
        axis_min := greatest(axis_min, 0);
        axis_max := least(axis_max, 100);
    END IF;
    IF axis_max <= axis_min THEN     -- every value at 100%: the axis ends there
        IF axis_max > 0 THEN axis_min := greatest(axis_max - 4 * step, 0);
        ELSE axis_max := axis_min + 4 * step; END IF;
    END IF;
    step := trim_scale(step);
    axis_min := trim_scale(axis_min);
    axis_max := trim_scale(axis_max);
END
$fn$;
COMMENT ON FUNCTION cspi.chart_scale(numeric, numeric, text) IS
'The value axis of a chart of values from lo to hi: a minimum and maximum that are multiples of a step of 1, 2 or 5 times a power of ten, about four steps apart; counts and rates start at 0, percentages stay within 0 to 100.';

-- Where a value falls on a chart: lo..hi mapped onto the pixels from..to
-- (a value axis runs from the bottom up), to a tenth of a pixel.
CREATE OR REPLACE FUNCTION cspi.chart_position(value numeric, lo numeric, hi numeric, from_px numeric, to_px numeric)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN round(from_px + (to_px - from_px) * (value - lo) / (hi - lo), 1);
COMMENT ON FUNCTION cspi.chart_position(numeric, numeric, numeric, numeric, numeric) IS
'The position, to a tenth of a pixel, of value on a chart axis that runs from lo (at pixel from_px) to hi (at to_px); used by trend_svg for both axes.';

CREATE OR REPLACE FUNCTION cspi.trend_svg(points numeric[], target numeric, unit text, labels text[],
                                          england numeric DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    -- The plot area, inside margins for the axis labels, the latest value
    -- and the month labels.
    w constant int := 250;
    h constant int := 112;
    left_x constant int := 36;
    right_x constant int := 196;
    top_y constant int := 8;
    bottom_y constant int := 90;
    n int := coalesce(array_length(points, 1), 0);
    scale record;
    path text := '';
    x numeric;
    y numeric;
    tick numeric;
    last_i int;
    svg text;
    described text;
    suffix text := CASE WHEN unit = '%' THEN '%' ELSE '' END;
BEGIN
    IF n = 0 OR NOT EXISTS (SELECT 1 FROM unnest(points) AS v WHERE v IS NOT NULL) THEN
        RETURN '<span class="nochart">no monthly values</span>';
    END IF;
    SELECT * INTO scale
      FROM cspi.chart_scale((SELECT min(v) FROM unnest(points || ARRAY[target, england]) AS v),
                            (SELECT max(v) FROM unnest(points || ARRAY[target, england]) AS v), unit);
    SELECT max(i) INTO last_i FROM generate_subscripts(points, 1) AS i WHERE points[i] IS NOT NULL;
    SELECT string_agg(cspi.month_label(labels[i]) || ' ' || CASE WHEN points[i] IS NULL THEN 'no figure' ELSE cspi.format_number(points[i], unit) END,
                      ', ' ORDER BY i)
      INTO described FROM generate_subscripts(points, 1) AS i;
    svg := format('<svg class="trend" role="img" width="%s" height="%s" viewBox="0 0 %s %s" xmlns="http://www.w3.org/2000/svg">',
                  w, h, w, h)
        || '<title>' || cspi.html_escape(format('Monthly values from %s to %s%s',
                                               cspi.month_label(labels[1]), cspi.month_label(labels[n]),
                                               coalesce(', target ' || cspi.format_target(target, unit), ''))) || '</title>'
        || '<desc>' || cspi.html_escape(described || '.'
                                        || coalesce(' England, year to ' || cspi.month_label(labels[n]) || ': '
                                                    || cspi.format_number(england, unit) || '.', '')) || '</desc>'
        || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#f7f7f7"/>', left_x, top_y, right_x - left_x, bottom_y - top_y);
    -- The value axis: a gridline and a label at each step.
    tick := scale.axis_min;
    WHILE tick <= scale.axis_max LOOP
        y := cspi.chart_position(tick, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ccc" stroke-width="0.5"/>',
                             left_x, y, right_x, y)
                   || format('<text class="axis-label" x="%s" y="%s" font-size="11" text-anchor="end" fill="#333">%s</text>',
                             left_x - 4, y + 3, trim_scale(tick) || suffix);
        tick := tick + scale.step;
    END LOOP;
    svg := svg || format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>', left_x, top_y, left_x, bottom_y)
               || format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>', left_x, bottom_y, right_x, bottom_y);
    -- The first and last months.
    svg := svg || format('<text class="month-label" x="%s" y="%s" font-size="11" text-anchor="start" fill="#333">%s</text>',
                         left_x, bottom_y + 15, cspi.html_escape(cspi.month_label(labels[1])))
               || format('<text class="month-label" x="%s" y="%s" font-size="11" text-anchor="end" fill="#333">%s</text>',
                         right_x, bottom_y + 15, cspi.html_escape(cspi.month_label(labels[n])));
    IF target IS NOT NULL THEN
        y := cspi.chart_position(target, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<line class="target" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#b00" stroke-dasharray="4 3"/>',
                             left_x, y, right_x, y)
                   || format('<text class="target-label" x="%s" y="%s" font-size="10" text-anchor="start" fill="#b00">%s</text>',
                             left_x + 2, y - 3, cspi.html_escape('Target ' || cspi.format_target(target, unit)));
    END IF;
    FOR i IN 1..n LOOP
        CONTINUE WHEN points[i] IS NULL;
        x := cspi.chart_position(i - 1, 0, greatest(n - 1, 1), left_x, right_x);
        y := cspi.chart_position(points[i], scale.axis_min, scale.axis_max, bottom_y, top_y);
        path := path || x || ',' || y || ' ';
    END LOOP;
    -- England's published figure for the year, a grey diamond at the end.
    IF england IS NOT NULL THEN
        y := cspi.chart_position(england, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<path class="england-marker" d="M%s,%s l5,5 l-5,5 l-5,-5 z" fill="#777"><title>%s</title></path>',
                             right_x, y - 5, cspi.html_escape('England ' || cspi.format_number(england, unit)));
    END IF;
    -- The latest value: a dot on its point and the figure beside it.
    x := cspi.chart_position(last_i - 1, 0, greatest(n - 1, 1), left_x, right_x);
    y := cspi.chart_position(points[last_i], scale.axis_min, scale.axis_max, bottom_y, top_y);
    svg := svg || format('<polyline class="values" points="%s" fill="none" stroke="#1d5fa8" stroke-width="2"/>', rtrim(path))
               || format('<circle class="latest-point" cx="%s" cy="%s" r="3" fill="#1d5fa8"/>', x, y)
               || format('<text class="latest-value" x="%s" y="%s" font-size="12" font-weight="bold" fill="#1d5fa8">%s</text>',
                         right_x + 4, y + 4, cspi.html_escape(cspi.format_number(points[last_i], unit)));
    RETURN svg || '</svg>';
END
$fn$;
COMMENT ON FUNCTION cspi.trend_svg(numeric[], numeric, text, text[], numeric) IS
'An inline SVG line chart of monthly values (used by report_html): a labelled value axis on a sensible scale (cspi.chart_scale), the first and last months labelled, the latest value printed, the target drawn and labelled, England''s published figure for the year as a grey diamond at the end, and a text alternative (title and desc) giving every value.';

CREATE OR REPLACE FUNCTION cspi.month_label(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN period ~ '^\d{4}-\d{2}$' THEN to_char(to_date(period, 'YYYY-MM'), 'Mon YYYY') ELSE period END;
COMMENT ON FUNCTION cspi.month_label(text) IS 'A month period as a chart labels it: ''Apr 2023'' for ''2023-04''.';

-- The latest event in a report's source: the last date of a referral,
-- assessment, visit, plan or episode that is not in the future.
CREATE OR REPLACE FUNCTION cspi.latest_event_date(report_schema name DEFAULT 'cspi_report') RETURNS date
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    latest date;
BEGIN
    EXECUTE format($q$
        SELECT max(d) FROM (
            SELECT max(referral_date) FROM %1$I.src_referral WHERE referral_date <= $1
            UNION ALL SELECT max(completed_date) FROM %1$I.src_referral WHERE completed_date <= $1
            UNION ALL SELECT max(authorised_date) FROM %1$I.src_assessment WHERE authorised_date <= $1
            UNION ALL SELECT max(visit_date) FROM %1$I.src_visit WHERE visit_date <= $1
            UNION ALL SELECT max(start_date) FROM %1$I.src_cp_plan WHERE start_date <= $1
            UNION ALL SELECT max(end_date) FROM %1$I.src_cp_plan WHERE end_date <= $1
            UNION ALL SELECT max(start_date) FROM %1$I.src_cla_episode WHERE start_date <= $1
            UNION ALL SELECT max(end_date) FROM %1$I.src_cla_episode WHERE end_date <= $1
            UNION ALL SELECT max(start_date) FROM %1$I.src_family_support WHERE start_date <= $1) AS x(d)$q$,
        report_schema) INTO latest USING cspi.local_date(now());
    RETURN latest;
END
$fn$;
COMMENT ON FUNCTION cspi.latest_event_date(name) IS
'The latest date of an event (referral, assessment, visit, plan or episode start or end, family support) in a report''s source that is not after today: the date the data is as at.';

CREATE OR REPLACE FUNCTION cspi.report_html(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    b record;
    html text;
    item record;
    card record;
    trend record;
    summary record;
    items jsonb;
    section_heading text;
    council text := nullif(btrim(current_setting('cspi.council_name', true)), '');
    region record;
    refreshed timestamptz;
    latest date;
    count_in_section integer;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    SELECT * INTO summary FROM cspi.narrative_summary(period, report_schema);
    SELECT coalesce(d.refreshed_at, d.deployed_at) INTO refreshed
      FROM cspi.deployment d WHERE d.report_schema = report_html.report_schema;
    -- A region: its name, and its members in place of the source's events.
    SELECT * INTO region FROM cspi.region g WHERE g.region_schema = report_html.report_schema;
    IF region.region_schema IS NOT NULL THEN
        council := coalesce(region.name, region.region_schema);
        refreshed := region.refreshed_at;
    END IF;
    -- The date the data is as at, as the last deploy or refresh found it
    -- (a reader may not be allowed to read the source itself).
    SELECT d.latest_event INTO latest FROM cspi.deployment d WHERE d.report_schema = report_html.report_schema;
    IF latest IS NULL AND region.region_schema IS NULL THEN
        BEGIN
            latest := cspi.latest_event_date(report_schema);
        EXCEPTION WHEN insufficient_privilege THEN
            latest := NULL;
        END;
    END IF;
    html := '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
         || '<meta name="viewport" content="width=device-width, initial-scale=1">'
         || '<title>' || cspi.html_escape(coalesce(council || ': ', '') || 'Performance indicators ' || cspi.period_name(period)) || '</title>'
         || '<style>'
         || '@page{size:A4;margin:14mm 12mm}'
         || 'body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;padding:0 1em;color:#111;max-width:1100px;line-height:1.35}'
         || 'h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;border-bottom:2px solid #1d5fa8;padding-bottom:.2em;break-after:avoid}'
         || '.council{font-size:1.1em;font-weight:bold;color:#1d5fa8;margin:0}.summary{background:#e8eef6;padding:.6em .8em;border-left:4px solid #1d5fa8}'
         || 'table{border-collapse:collapse;width:100%;font-size:.8em;table-layout:fixed}th,td{border:1px solid #bbb;padding:.25em .3em;vertical-align:middle;overflow-wrap:break-word}th small{display:block;font-weight:normal}'
         || 'th{background:#e8eef6;text-align:left}td.num{text-align:right}'
         || 'col.c-indicator{width:21%}col.c-value{width:12%}col.c-target{width:9%}col.c-status{width:9%}col.c-prev{width:11%}col.c-change{width:10%}col.c-chart{width:28%}'
         || 'svg.trend{width:100%;max-width:300px;height:auto;display:block}'
         || 'tr{break-inside:avoid}.status-met{background:#dff0d8}.status-not-met{background:#f8d7da}.status-none{background:#f5f5f5}'
         || '.section td{background:#1d5fa8;color:#fff;font-weight:bold}.nochart{color:#666;font-size:.85em}'
         || 'li{margin-bottom:.5em}.cases{color:#555;font-size:.9em}dl.definitions dt{font-weight:bold;margin-top:.5em}dl.definitions dd{margin-left:1.5em}'
         || '@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}table{font-size:8pt}h2{break-after:avoid}}'
         || '</style></head><body>'
         || '<header>'
         || coalesce('<p class="council">' || cspi.html_escape(council) || '</p>', '')
         || '<h1>' || cspi.html_escape('Children''s services performance indicators: ' || cspi.period_name(period)) || '</h1>'
         || CASE WHEN region.region_schema IS NOT NULL THEN cspi.region_as_at_html(report_schema) ELSE
            '<p class="as-at">' || cspi.html_escape(
                'Data as at ' || coalesce(to_char(latest, 'FMDD FMMonth YYYY') || ' (the latest event recorded)', 'an unknown date (no events recorded)')
                || '; figures computed ' || coalesce(to_char(refreshed AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'at an unknown time')
                || ' (the report''s last refresh).') || '</p>' END
         || '<p>' || cspi.html_escape(format('Period %s to %s.',
                                             to_char(b.period_start, 'FMDD FMMonth YYYY'),
                                             to_char(b.period_end, 'FMDD FMMonth YYYY'))) || '</p>'
         || '</header>'
         || '<section class="summary"><h2>Summary</h2><p>' || cspi.html_escape(summary.sentence) || '</p></section>';

    -- The narrative and its scorecard once, for the four sections.
    SELECT jsonb_agg(jsonb_build_object('display_order', n.display_order, 'code', n.code, 'heading', n.heading,
                                        'sentence', n.sentence, 'unit', c.unit, 'polarity', c.polarity,
                                        'status', c.status, 'numerator', c.numerator, 'denominator', c.denominator))
      INTO items
      FROM cspi.narrative(period, report_schema) n
      JOIN cspi.scorecard(period, report_schema) c ON c.code = n.code;
    FOREACH section_heading IN ARRAY ARRAY['Where are we performing well?', 'Where do we need to improve?',
                                           'Activity and context', 'Figures not available'] LOOP
        html := html || format('<section class="narrative" data-heading="%s"><h2>%s</h2><ul>',
                               cspi.html_escape(section_heading), cspi.html_escape(section_heading));
        count_in_section := 0;
        FOR item IN SELECT x.* FROM jsonb_to_recordset(items)
                             AS x(display_order integer, code text, heading text, sentence text, unit text,
                                  polarity text, status text, numerator bigint, denominator bigint)
                     WHERE x.heading = section_heading ORDER BY x.display_order LOOP
            html := html || format('<li data-code="%s">%s', cspi.html_escape(item.code), cspi.html_escape(item.sentence));
            -- How many cases fell short, and where to find them.
            IF item.status = 'not met' AND item.unit = '%' THEN
                html := html || ' <span class="cases">' || cspi.html_escape(format(
                            CASE WHEN region.region_schema IS NULL
                                 THEN '(%s of the %s cases did not meet the standard: cspi.cases(%L, %L) lists them.)'
                                 ELSE '(%s of the %s cases did not meet the standard: each council''s cspi.cases(%L, %L) lists its own.)' END,
                            to_char(CASE item.polarity WHEN 'higher' THEN item.denominator - item.numerator ELSE item.numerator END,
                                    'FM999,999,999,990'),
                            to_char(item.denominator, 'FM999,999,999,990'), item.code, period)) || '</span>';
            END IF;
            html := html || '</li>';
            count_in_section := count_in_section + 1;
        END LOOP;
        IF count_in_section = 0 THEN
            html := html || '<li>None.</li>';
        END IF;
        html := html || '</ul></section>';
    END LOOP;

    html := html || '<section class="scorecard"><h2>Scorecard</h2><table>'
         || '<colgroup><col class="c-indicator"><col class="c-value"><col class="c-target"><col class="c-status">'
         || '<col class="c-prev"><col class="c-change"><col class="c-chart"></colgroup><thead><tr>'
         || '<th scope="col">Indicator</th><th scope="col">' || cspi.html_escape(cspi.period_name(period)) || '</th>'
         || '<th scope="col">Target</th><th scope="col">Status</th>'
         || '<th scope="col">' || cspi.html_escape(cspi.period_name(cspi.previous_period(period))) || '</th>'
         || '<th scope="col">Change</th><th scope="col">Last 24 months'
         || CASE WHEN b.period_type = 'year' THEN ' <small>(&#9670; England)</small>' ELSE '' END || '</th></tr></thead><tbody>';
    FOR card IN SELECT * FROM cspi.scorecard(period, report_schema) ORDER BY display_order LOOP
        IF card.display_order = 1 OR card.section IS DISTINCT FROM
               (SELECT i.section FROM cspi.indicator i WHERE i.display_order < card.display_order
                 ORDER BY i.display_order DESC LIMIT 1) THEN
            html := html || '<tr class="section"><td colspan="7">' || cspi.html_escape(card.section) || '</td></tr>';
        END IF;
        EXECUTE format($q$
            SELECT array_agg(v.shown ORDER BY v.period_start) AS points,
                   array_agg(v.period ORDER BY v.period_start) AS labels
              FROM %I.indicator_value v
             WHERE v.indicator = $1 AND v.period_type = 'month'
               AND v.period_end <= $2 AND v.period_end > ($2 - interval '24 months')$q$, report_schema)
          INTO trend USING card.code, b.period_end;
        html := html || format('<tr data-code="%s" class="%s">', cspi.html_escape(card.code),
                               CASE card.status WHEN 'met' THEN 'status-met' WHEN 'not met' THEN 'status-not-met' ELSE 'status-none' END)
             || '<th scope="row">' || cspi.html_escape(card.title) || ' <small>(' || cspi.html_escape(card.code) || ')</small></th>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.display, 'no figure'))
             || CASE WHEN (card.england IS NULL OR card.unit = 'count') AND card.statistical_neighbours IS NULL THEN ''
                     ELSE '<br><small class="benchmark">' || cspi.html_escape(concat_ws('; ',
                              CASE WHEN card.england IS NOT NULL AND card.unit <> 'count'
                                   THEN 'England ' || cspi.format_number(card.england, card.unit) END,
                              CASE WHEN card.statistical_neighbours IS NOT NULL
                                   THEN 'neighbours ' || cspi.format_number(card.statistical_neighbours, card.unit) END,
                              CASE WHEN card.region IS NOT NULL AND card.unit <> 'count'
                                   THEN 'region ' || cspi.format_number(card.region, card.unit) END))
                        || '</small>' END
             || '</td>'
             || '<td class="num">' || coalesce(cspi.html_escape(cspi.format_target(card.target, card.unit)), '&ndash;') || '</td>'
             || '<td>' || CASE card.status WHEN 'met' THEN '&#10004; Met' WHEN 'not met' THEN '&#10008; Not met' ELSE 'No target' END || '</td>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.previous_display, 'n/a')) || '</td>'
             || '<td>' || coalesce(cspi.html_escape(card.change || coalesce(' (' || card.change_is || ')', '')), '&ndash;') || '</td>'
             || '<td>' || CASE WHEN card.available AND trend.points IS NOT NULL
                               THEN cspi.trend_svg(trend.points, card.target, card.unit, trend.labels,
                                                   CASE WHEN card.unit <> 'count' THEN card.england END)
                               ELSE '<span class="nochart">no chart: ' || cspi.html_escape(coalesce(card.reason, 'no monthly figures')) || '</span>' END
             || '</td></tr>';
    END LOOP;
    html := html || '</tbody></table></section>';
    IF region.region_schema IS NOT NULL THEN
        html := html || cspi.region_members_html(period, report_schema);
    END IF;

    -- The definitions, in plain words.
    html := html || '<section class="definitions"><h2>Appendix: definitions</h2><dl class="definitions">';
    FOR card IN SELECT i.code, i.title, i.unit, i.polarity, coalesce(i.explanation, i.definition) AS explanation
                  FROM cspi.indicator i ORDER BY i.display_order LOOP
        html := html || format('<dt id="def-%s">%s (%s)</dt><dd>%s</dd>', cspi.html_escape(card.code),
                               cspi.html_escape(card.title), cspi.html_escape(card.code),
                               cspi.html_escape(card.explanation || CASE card.polarity WHEN 'higher' THEN ' Higher is better.'
                                                                   WHEN 'lower' THEN ' Lower is better.' ELSE '' END));
    END LOOP;
    html := html || '</dl></section></body></html>';
    RETURN html;
END
$fn$;
COMMENT ON FUNCTION cspi.report_html(text, name) IS
'The year-end (or quarter or month) report as one self-contained HTML page that prints to A4: the council''s name (setting cspi.council_name), the date the data is as at (the latest event) and the last refresh, a summary, the narrative under its four headings with the cases short of the standard, the scorecard with status shown by text and symbol as well as colour and a labelled chart of the last 24 months against the target for each indicator, and an appendix of definitions in plain words. For a region (cspi.create_region): its name, its members and how the last refresh went for each, and each member''s figure and rank beside the region''s.';

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'age', 'The child''s age in whole years at the end of the period.'),
 ('', 'allocated_qsw', 'The child has an allocation open at the end of the period to a qualified social worker.'),
 ('', 'available', 'True when the source has every relation the indicator needs.'),
 ('', 'calendar', 'The working-day calendar the report counts with.'),
 ('', 'child_id', 'The child (source id).'),
 ('', 'code', 'The indicator''s code (cspi.indicator.code).'),
 ('', 'completed_date', 'The date it was completed.'),
 ('', 'cspi_version', 'The version of cspi that deployed the report.'),
 ('', 'date_of_birth', 'The child''s date of birth.'),
 ('', 'denominator', 'The figure''s denominator: the cases counted (percentages) or the child population (rates); NULL for counts.'),
 ('', 'deployed_at', 'When the report was deployed.'),
 ('', 'display', 'The figure as the report shows it: ''81.4% (1,119 / 1,374)'', ''65.6'', ''1,554''.'),
 ('', 'due_by', 'The date the review was due by.'),
 ('', 'end_date', 'The date it ended (NULL: open).'),
 ('', 'episode_id', 'The episode (source id).'),
 ('', 'family_id', 'The child''s family (source id; NULL: not known).'),
 ('', 'fraction', 'A percentage as a fraction from 0 to 1 (numerator / denominator, exact), for BI percent formats; NULL for counts and rates.'),
 ('', 'in_timescale', 'It was held or made within its timescale.'),
 ('', 'indicator', 'The indicator''s code (cspi.indicator.code).'),
 ('', 'missing_relations', 'The source relations the indicator needs that the source lacks.'),
 ('', 'numerator', 'The figure''s numerator: the cases in timescale (percentages) or the count.'),
 ('', 'period', 'The period: a financial year ''2023/24'', a quarter ''2023/24 Q1'' or a month ''2023-04''.'),
 ('', 'period_end', 'The last day of the period.'),
 ('', 'period_start', 'The first day of the period.'),
 ('', 'period_type', 'year, quarter or month.'),
 ('', 'present_relations', 'The source relations the source schema has.'),
 ('', 'previous_review_date', 'The date of the previous review.'),
 ('', 'previous_visit_date', 'The date of the previous visit.'),
 ('', 'problem', 'What is wrong with the row, in words.'),
 ('', 'refreshed_at', 'When these figures were computed (the report''s last refresh or deploy).'),
 ('', 'relation', 'The source relation the row is in.'),
 ('', 'review_date', 'The date of the review.'),
 ('', 'review_id', 'The review (source id).'),
 ('', 'row_id', 'The row''s id in its source relation (both columns of a two-column key, ''?'' for a missing one); when its id is missing, the columns that place it instead, such as ''child C5 received 2024-06-03''.'),
 ('', 'shown', 'The figure as shown, rounded as the report rounds it (percentages 0 to 100, one decimal; rates per 10,000, one decimal).'),
 ('', 'source_schema', 'The source schema the report reads.'),
 ('', 'start_date', 'The date it started.'),
 ('', 'status', 'met or not met against the target (NULL: no target or no figure).'),
 ('', 'target', 'The target in force for the period, in the indicator''s unit (NULL: none).'),
 ('', 'unit', '%, count or per 10,000.'),
 ('', 'value', 'The exact value: percentages 0 to 100, rates per 10,000, counts.'),
 ('', 'visit_date', 'The date of the visit.'),
 ('', 'visit_id', 'The visit (source id).'),
 ('', 'working_days', 'Working days between the two dates that decide the case, on the report''s calendar.'),
 ('', 'display_order', 'The indicator''s order in the report.'),
 ('', 'section', 'The report section.'),
 ('', 'title', 'The indicator''s title.'),
 ('', 'polarity', 'higher or lower is better (NULL: neither).'),
 ('', 'previous_period', 'The previous comparable period: the year before, or the same quarter or month a year before.'),
 ('', 'previous_display', 'The figure for the previous comparable period, as shown.'),
 ('', 'previous_shown', 'The figure for the previous comparable period, rounded as shown.'),
 ('', 'change', 'increase, decrease or no change from the previous comparable period (NULL: no figure to compare).'),
 ('', 'change_is', 'better or worse, by the polarity (NULL: no polarity, no change or nothing to compare).'),
 ('', 'reason', 'Why there is no figure, in words (NULL: there is one).'),
 ('', 'data_as_at', 'When the report''s figures were last computed (its last refresh or deploy).'),
 ('', 'england', 'England''s figure as the DfE published it for the year ending 31 March (financial years only), in the indicator''s unit.'),
 ('', 'region', 'The council''s region''s published figure (London for a London borough).'),
 ('', 'statistical_neighbours', 'The mean of the published figures of the council''s ten statistical neighbours (DfE model), suppressed ones left out.'),
 ('', 'la_published', 'The council''s own figure as the DfE published it, to reconcile with cspi''s.'),
 ('', 'la_quartile', 'The council''s quartile among all local authorities by the published figure: 1 the best quarter, 4 the worst (indicators where higher or lower is better).'),
 ('', 'la_code', 'The council''s local authority (old three-digit code) given to cspi.deploy(); NULL: none.'),
 ('data_quality', 'child_id', 'The child, where the row names one.'),
 ('scorecard', 'available', 'True when the source has what the indicator needs and the report has a row for the period (the figure may still be NULL: see reason).')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

-- Comment every column of a published view.
CREATE OR REPLACE FUNCTION cspi_internal.comment_report_columns(schema name, object text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attname,
               CASE WHEN object LIKE 'src\_%'
                    THEN (SELECT upper(left(cc.meaning, 1)) || substr(cc.meaning, 2) || '.'
                            FROM cspi.contract_column cc
                           WHERE cc.relation = substr(object, 5) AND cc.column_name = a.attname)
                    ELSE coalesce((SELECT r.comment FROM cspi.report_column r
                                    WHERE r.object = comment_report_columns.object AND r.column_name = a.attname),
                                  (SELECT r.comment FROM cspi.report_column r
                                    WHERE r.object = '' AND r.column_name = a.attname)) END AS comment
          FROM pg_attribute a
         WHERE a.attrelid = format('%I.%I', schema, object)::regclass AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema, object, col.attname, col.comment);
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.comment_report_columns(name, text) IS
'Comments every column of the published view schema.object from cspi.report_column (src_ views: from the data contract); called by deploy.';

-- Why a scorecard row has no figure, as a council reader would say it.
CREATE OR REPLACE FUNCTION cspi_internal.relation_noun(relation text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE relation
        WHEN 'referral' THEN 'referrals'
        WHEN 'referral.completed_date' THEN 'the dates referrals were completed'
        WHEN 'child.family_id' THEN 'children''s families'
        WHEN 'cla_episode.distance_miles' THEN 'the distance of placements from home'
        WHEN 'assessment' THEN 'child and family assessments'
        WHEN 's47_enquiry' THEN 'section 47 enquiries'
        WHEN 'cp_plan' THEN 'child protection plans'
        WHEN 'cp_review' THEN 'child protection reviews'
        WHEN 'cla_episode' THEN 'episodes of care'
        WHEN 'cla_review' THEN 'looked-after reviews'
        WHEN 'visit' THEN 'statutory visits'
        WHEN 'allocation' THEN 'social worker allocations'
        WHEN 'health_assessment' THEN 'health assessments'
        WHEN 'missing_episode' THEN 'missing episodes'
        WHEN 'care_leaver' THEN 'care leavers'' records'
        WHEN 'family_support' THEN 'family support cases'
        WHEN 'child' THEN 'children''s details (dates of birth, families)'
        WHEN 'population' THEN 'child population estimates'
        ELSE relation END;
COMMENT ON FUNCTION cspi_internal.relation_noun(text) IS
'A data contract relation as a council reader names it: ''health assessments'' for health_assessment.';

CREATE OR REPLACE FUNCTION cspi_internal.no_figure_reason(indicator text, missing_relations text[], has_events boolean)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE
        WHEN missing_relations IS NULL
            THEN 'the report was deployed before this indicator was added: redeploy it (cspi.redeploy())'
        WHEN cardinality(missing_relations) > 0
            THEN 'the data loaded into cspi does not include '
                 || (SELECT CASE WHEN count(*) = 1 THEN min(n)
                                 ELSE string_agg(n, ', ' ORDER BY o) FILTER (WHERE o < count_all)
                                      || ' or ' || max(n) FILTER (WHERE o = count_all) END
                       FROM (SELECT cspi_internal.relation_noun(r) AS n, row_number() OVER (ORDER BY o) AS o,
                                    count(*) OVER () AS count_all
                               FROM unnest(missing_relations) WITH ORDINALITY AS u(r, o)
                              -- a column of a missing relation goes without saying
                              WHERE NOT (r LIKE '%.%' AND split_part(r, '.', 1) = ANY (missing_relations))) x)
        WHEN NOT has_events THEN 'there are no records for that period'
        WHEN i.unit = '%' THEN 'there were no cases to count'
        ELSE 'there is no child population estimate for that period' END
      FROM cspi.indicator i WHERE i.code = no_figure_reason.indicator;
    END;
COMMENT ON FUNCTION cspi_internal.no_figure_reason(text, text[], boolean) IS
'Why an indicator has no figure for a period, in words a council reader understands: the data that is missing (missing_relations; NULL: the report predates the indicator), no records in the period, no cases (a zero denominator) or no population estimate.';

-- The reason a scorecard row gives, a council's or a region's.
CREATE OR REPLACE FUNCTION cspi.figure_reason(indicator text, display text, shown numeric, available boolean,
                                              missing_relations text[], has_row boolean)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NOT NULL THEN NULL
                WHEN display = 'c' THEN 'the figure is suppressed, because it would disclose a small number'
                -- only a region has an indicator unavailable with no data missing
                WHEN NOT available AND missing_relations = '{}' THEN 'no member council''s figures for it could be read'
                ELSE cspi_internal.no_figure_reason(indicator, missing_relations, has_row) END;
COMMENT ON FUNCTION cspi.figure_reason(text, text, numeric, boolean, text[], boolean) IS
'Why a scorecard row has no figure (NULL when it has one): suppressed in a region (display ''c''), no member council''s figures read (a region), else cspi_internal.no_figure_reason.';

-- The scorecard of every period, as a view.
INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('scorecard', 'view', 200, 'report', NULL,
'The scorecard of every period (year, quarter and month): one row per indicator and period with its figure, target, status, the previous comparable period''s figure, the change and whether it is better or worse, why there is no figure, and for financial years the DfE''s published figures beside it (England, region, statistical neighbours, the council''s own, its quartile). cspi.scorecard(period) is the same for one period.',
$def$
SELECT p.period_type, p.period, p.period_start, p.period_end,
       i.display_order, i.section, i.code, i.title, i.unit,
       v.display, v.shown, v.fraction, v.numerator, v.denominator,
       t.target, i.polarity, cspi.target_status(v.shown, t.target, i.polarity) AS status,
       pp.period AS previous_period, pv.display AS previous_display, pv.shown AS previous_shown,
       cspi.change_word(v.shown, pv.shown) AS change,
       cspi.change_judgement(v.shown, pv.shown, i.polarity) AS change_is,
       coalesce(a.available, false) AND v.indicator IS NOT NULL AS available,
       cspi.figure_reason(i.code, v.display, v.shown, a.available, a.missing_relations, v.indicator IS NOT NULL) AS reason,
       (SELECT max(x.refreshed_at) FROM @R@.indicator_value x) AS data_as_at,
       bm.england, bm.region, bm.statistical_neighbours, bm.la_published, bm.la_quartile
  FROM cspi.indicator i
  CROSS JOIN @R@.period p
  CROSS JOIN LATERAL (SELECT cspi.previous_period(p.period) AS period) pp
  CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, p.period) AS target) t
  LEFT JOIN @R@.indicator_availability a ON a.indicator = i.code
  LEFT JOIN @R@.indicator_value v ON v.indicator = i.code AND v.period_type = p.period_type AND v.period = p.period
  LEFT JOIN @R@.indicator_value pv ON pv.indicator = i.code AND pv.period_type = p.period_type AND pv.period = pp.period
  -- The DfE's published figures, for financial years (cspi.benchmarks).
  LEFT JOIN (SELECT y.period, b.*
               FROM @R@.period y
              CROSS JOIN LATERAL cspi.benchmarks(y.period, (SELECT a.old_la_code FROM cspi.deployment d
                                                              JOIN cspi.local_authority a ON a.old_la_code = d.la_code
                                                             WHERE d.report_schema = @SCHEMA@)) b
              WHERE y.period_type = 'year') bm ON bm.period = p.period AND bm.indicator = i.code
$def$)
ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, build_order = excluded.build_order, family = excluded.family,
                                 unique_key = excluded.unique_key, comment = excluded.comment, definition = excluded.definition;

INSERT INTO cspi.return_file (kind, columns, date_columns, required, description) VALUES
 ('header', '{CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB}', '{DOB,MC_DOB}', '{CHILD,DOB}',
  'One row per child looked after in the year: sex, date of birth, ethnicity.'),
 ('episodes', '{CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN}',
  '{DECOM,DEC}', '{CHILD,DECOM,RNE,LS,PLACE,DEC,REC}',
  'Every episode of care open during the year: start (DECOM), reason for new episode (RNE), legal status (LS), placement (PLACE), end (DEC) and reason ceased (REC).'),
 ('reviews', '{CHILD,DOB,REVIEW,REVIEW_CODE}', '{DOB,REVIEW}', '{CHILD,REVIEW}',
  'Looked-after reviews held in the year.'),
 ('uasc', '{CHILD,SEX,DOB,DUC}', '{DOB,DUC}', '{CHILD}',
  'Unaccompanied asylum-seeking children, with the date that status ceased (DUC).'),
 ('oc2', '{CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED}',
  '{DOB}', '{CHILD}', 'Outcomes of children looked after continuously for 12 months at 31 March.'),
 ('oc3', '{CHILD,DOB,IN_TOUCH,ACTIV,ACCOM}', '{DOB}', '{CHILD,DOB,IN_TOUCH,ACTIV,ACCOM}',
  'Care leavers around their 17th to 21st birthdays in the year: in touch, main activity, accommodation.'),
 ('ad1', '{CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR}', '{DOB,DATE_INT,DATE_MATCH}', '{CHILD}',
  'Adoptions.'),
 ('placed_for_adoption', '{CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED}',
  '{DOB,DATE_PLACED,DATE_PLACED_CEASED}', '{CHILD}', 'Children placed for adoption.'),
 ('previous_permanence', '{CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM}', '{DOB}', '{CHILD}',
  'Permanence before care (DATE_PERM kept as written: it may be a partial date).'),
 ('missing', '{CHILD,DOB,MISSING,MIS_START,MIS_END}', '{DOB,MIS_START,MIS_END}', '{CHILD,MIS_START}',
  'Missing and away-from-placement episodes of children looked after.'),
 ('sw_episodes', '{CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON}', '{DOB,SW_DECOM,SW_DEC}', '{CHILD,SW_ID,SW_DECOM}',
  'Social worker episodes of children looked after (from 2023/24).'),
 ('dolo', '{CHILD,DOB,DOLO_START,DOLO_END}', '{DOB,DOLO_START,DOLO_END}', '{CHILD,DOLO_START}',
  'Deprivation of liberty orders of children looked after (from 2026/27).')
ON CONFLICT (kind) DO UPDATE SET columns = EXCLUDED.columns, date_columns = EXCLUDED.date_columns, required = EXCLUDED.required, description = EXCLUDED.description;

INSERT INTO cspi.return_code (kind, column_name, codes) VALUES
 ('header', 'SEX', '{1,2,M,F,U}'),
 ('episodes', 'RNE', '{S,L,P,T,U,B}'),
 ('episodes', 'LS', '{C1,C2,D1,E1,V2,V3,V4,J1,J2,J3,L1,L2,L3}'),
 ('episodes', 'CIN', '{N1,N2,N3,N4,N5,N6,N7,N8}'),
 ('episodes', 'PLACE', '{A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,Z11,Z12,Z13,Z14}'),
 ('episodes', 'PLACE_PROVIDER', '{PR0,PR1,PR2,PR3,PR4,PR5}'),
 ('episodes', 'REC', '{X1,E11,E12,E13,E14,E15,E16,E17,E2,E3,E41,E45,E46,E47,E48,E4A,E4B,E5,E6,E7,E8,E9}'),
 ('episodes', 'REASON_PLACE_CHANGE', '{CARPL,CLOSE,ALLEG,STAND,APPRR,CREQB,CREQO,CHILD,LAREQ,PLACE,CUSTOD,OTHER}'),
 ('reviews', 'REVIEW_CODE', '{PN0,PN1,PN2,PN3,PN4,PN5,PN6,PN7}'),
 ('oc3', 'IN_TOUCH', '{YES,NO,DIED,REFU,NREQ,RHOM}'),
 ('oc3', 'ACTIV', '{F1,P1,F2,P2,F3,P3,F4,P4,F5,P5,G4,G5,G6,0}'),
 ('oc3', 'ACCOM', '{B1,B2,C1,C2,D1,D2,E1,E2,G1,G2,H1,H2,K1,K2,R1,R2,S2,T1,T2,U1,U2,V1,V2,W1,W2,X2,Y1,Y2,Z1,Z2,0}'),
 ('missing', 'MISSING', '{M,A}')
ON CONFLICT (kind, column_name) DO UPDATE SET codes = EXCLUDED.codes;

--------------------------------------------------------------------------
-- Reading the files
--------------------------------------------------------------------------

-- A date as the returns write it.
CREATE OR REPLACE FUNCTION cspi.return_date(cell text, file text, line integer, column_name text) RETURNS date
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    v text := btrim(cell);
    m text[];
    y integer;
    mo integer;
    d integer;
BEGIN
    IF v IS NULL OR v = '' THEN
        RETURN NULL;
    END IF;
    m := regexp_match(v, '^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$');
    IF m IS NOT NULL THEN
        -- A two-digit year is the latest year ending so that is not after
        -- next year (96: 1996; 17: 2017).
        y := CASE WHEN length(m[3]) = 2
                  THEN CASE WHEN 2000 + m[3]::integer <= extract(year FROM current_date)::integer + 1
                            THEN 2000 + m[3]::integer ELSE 1900 + m[3]::integer END
                  ELSE m[3]::integer END;
        mo := m[2]::integer;
        d := m[1]::integer;
    ELSE
        m := regexp_match(v, '^(\d{4})-(\d{2})-(\d{2})([T ].*)?$');
        IF m IS NOT NULL THEN
            y := m[1]::integer;
            mo := m[2]::integer;
            d := m[3]::integer;
        END IF;
    END IF;
    -- A real day of a real month (no subtransaction: it runs in parallel).
    IF y BETWEEN 1 AND 9999 AND mo BETWEEN 1 AND 12 AND d >= 1
       AND d <= extract(day FROM (make_date(y, mo, 1) + interval '1 month - 1 day')) THEN
        RETURN make_date(y, mo, d);
    END IF;
    RAISE EXCEPTION '%: "%" is not a date', concat_ws(', ', file, 'line ' || line, column_name), cell
        USING ERRCODE = 'invalid_datetime_format',
              HINT = 'Dates are dd/mm/yyyy (as the DfE writes them), dd/mm/yy or yyyy-mm-dd.';
END
$fn$;
COMMENT ON FUNCTION cspi.return_date(text, text, integer, text) IS
'A date of a statutory return: dd/mm/yyyy, dd/mm/yy (19yy or 20yy, whichever is not after next year) or yyyy-mm-dd (a time after it ignored); NULL when empty; an error naming the file, line (NULL: none) and where (column_name: ''column DECOM'', ''element CPPstartDate'') for anything else, an impossible date (31/02/2021) included.';

-- The staging tables.
CREATE OR REPLACE FUNCTION cspi.create_return_tables(returns_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    f cspi.return_file;
BEGIN
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', returns_schema);
    FOR f IN SELECT * FROM cspi.return_file ORDER BY kind LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (collection_year integer NOT NULL, line integer NOT NULL, %s)',
                       returns_schema, 'ssda903_' || f.kind,
                       (SELECT string_agg(format('%I %s', lower(c), CASE WHEN c = ANY (f.date_columns) THEN 'date' ELSE 'text' END),
                                          ', ' ORDER BY o)
                          FROM unnest(f.columns) WITH ORDINALITY AS u(c, o)));
        EXECUTE format('COMMENT ON TABLE %I.%I IS %L', returns_schema, 'ssda903_' || f.kind,
                       format('SSDA903 %s files, one row per row of the file with its collection year and line: %s',
                              f.kind, f.description));
    END LOOP;
    EXECUTE format($t$
        CREATE TABLE IF NOT EXISTS %1$I.cin_child (
            collection_year integer NOT NULL, la_child_id text NOT NULL, upn text, former_upn text, upn_unknown text,
            person_birth_date date, expected_person_birth_date date, sex text, person_death_date date,
            ethnicity text, disabilities text[]);
        CREATE TABLE IF NOT EXISTS %1$I.cin_details (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            cin_referral_date date, referral_source text, primary_need_code text, cin_closure_date date,
            reason_for_closure text, date_of_initial_cpc date, referral_nfa text);
        CREATE TABLE IF NOT EXISTS %1$I.cin_assessment (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            assessment_no integer NOT NULL, assessment_actual_start_date date, assessment_internal_review_date date,
            assessment_authorisation_date date, assessment_factors text[]);
        CREATE TABLE IF NOT EXISTS %1$I.cin_plan (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cin_plan_start_date date, cin_plan_end_date date);
        CREATE TABLE IF NOT EXISTS %1$I.cin_section47 (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            s47_no integer NOT NULL, s47_actual_start_date date, initial_cpc_target date, date_of_initial_cpc date,
            icpc_not_required text);
        CREATE TABLE IF NOT EXISTS %1$I.cin_cp_plan (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cpp_start_date date, cpp_end_date date, initial_category_of_abuse text,
            latest_category_of_abuse text, number_of_previous_cpp integer);
        CREATE TABLE IF NOT EXISTS %1$I.cin_cp_review (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cpp_review_date date);
        COMMENT ON TABLE %1$I.cin_child IS 'CIN census: ChildIdentifiers and ChildCharacteristics, per child and collection year.';
        COMMENT ON TABLE %1$I.cin_details IS 'CIN census: CINdetails (one per referral), numbered within the child.';
        COMMENT ON TABLE %1$I.cin_assessment IS 'CIN census: Assessments of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_plan IS 'CIN census: CINPlanDates of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_section47 IS 'CIN census: Section47 of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_cp_plan IS 'CIN census: ChildProtectionPlans of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_cp_review IS 'CIN census: the review dates (CPPreviewDate) of a child protection plan.';
        $t$, returns_schema);
    IF to_regclass(format('%I.data_quality', returns_schema)) IS NULL THEN
        PERFORM cspi.create_returns_data_quality(returns_schema);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.create_return_tables(name) IS
'Creates returns_schema (if need be) and in it the staging tables of the statutory returns: ssda903_<kind> for every SSDA903 file (every column of the file, dates as dates, with the collection year and line), the CIN census tables (cin_child, cin_details, cin_assessment, cin_plan, cin_section47, cin_cp_plan, cin_cp_review), and the data_quality view of codes outside the DfE''s lists.';

-- Import one SSDA903 file of a collection year, replacing that year's rows
-- of that file.  All or nothing.
CREATE OR REPLACE FUNCTION cspi.import_903(returns_schema name, collection_year integer, file text, content text)
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    spec cspi.return_file;
    file_kind text := lower(regexp_replace(regexp_replace(coalesce(file, ''), '^.*/', ''), '\.csv$', '', 'i'));
    header text[];
    missing text[];
    unknown text[];
    bad record;
    loaded bigint;
BEGIN
    IF returns_schema IS NULL OR collection_year IS NULL OR content IS NULL THEN
        RAISE EXCEPTION 'cspi.import_903 needs a returns schema, a collection year, a file kind and the file''s content'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF collection_year NOT BETWEEN 1990 AND 2100 THEN
        RAISE EXCEPTION 'collection year % is not a year', collection_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The collection year is the year the return''s year ends: 2024 for 1 April 2023 to 31 March 2024.';
    END IF;
    SELECT * INTO spec FROM cspi.return_file f WHERE f.kind = file_kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown SSDA903 file kind "%"', file
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The kinds are ' || (SELECT string_agg(f.kind, ', ' ORDER BY f.kind) FROM cspi.return_file f) || '.';
    END IF;
    IF to_regclass(format('%I.%I', returns_schema, 'ssda903_' || spec.kind)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no table ssda903_%', returns_schema, spec.kind
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create the staging tables first: SELECT cspi.create_return_tables(''' || returns_schema || ''');';
    END IF;

    DROP TABLE IF EXISTS pg_temp.cspi_return_line;
    CREATE TEMPORARY TABLE cspi_return_line AS SELECT * FROM cspi.csv_lines(content, spec.kind || ' file');
    SELECT array_agg(upper(btrim(h)) ORDER BY i) INTO header
      FROM cspi_return_line, unnest(fields) WITH ORDINALITY AS u(h, i)
     WHERE line = (SELECT min(line) FROM cspi_return_line);
    IF header IS NULL THEN
        RAISE EXCEPTION 'SSDA903 % file is empty: it has no header row', spec.kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A column named twice (ignoring case) would keep only one of its
    -- values; empty names (a spreadsheet's unused columns) are not loaded.
    SELECT u.h AS name INTO bad FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE u.h <> '' GROUP BY u.h HAVING count(*) > 1 ORDER BY min(u.i) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'SSDA903 % file, line %: the header names column % more than once', spec.kind,
              (SELECT min(line) FROM cspi_return_line), bad.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Each column is named once in the header row (names are matched ignoring case).';
    END IF;
    SELECT array_agg(c ORDER BY c) INTO missing FROM unnest(spec.required) AS c WHERE c <> ALL (header);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'SSDA903 % file without %', spec.kind, array_to_string(missing, ', ')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Its header has ' || array_to_string(header, ', ') || '.',
                  HINT = 'A ' || spec.kind || ' file has the columns ' || array_to_string(spec.columns, ', ') || '.';
    END IF;
    SELECT array_agg(h ORDER BY h) INTO unknown FROM unnest(header) AS h WHERE h <> ALL (spec.columns);
    IF unknown IS NOT NULL THEN
        RAISE WARNING 'SSDA903 % file: columns % are not in the DfE''s list and are not loaded', spec.kind, array_to_string(unknown, ', ');
    END IF;
    SELECT l.line, cardinality(l.fields) AS n INTO bad FROM cspi_return_line l
     WHERE l.line > (SELECT min(line) FROM cspi_return_line) AND cardinality(l.fields) <> cardinality(header)
     ORDER BY l.line LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'SSDA903 % file, line %: % fields, but the header has %', spec.kind, bad.line, bad.n, cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Every date, checked before anything is loaded: the date columns'
    -- positions first, as header[i] for every i of a wide header would walk
    -- the array each time (quadratic).
    PERFORM cspi.return_date(l.fields[d.i], spec.kind || ' file', l.line, 'column ' || d.h)
       FROM (SELECT u.h, u.i::integer AS i FROM unnest(header) WITH ORDINALITY AS u(h, i)
              WHERE u.h = ANY (spec.date_columns)) AS d,
            cspi_return_line l
      WHERE l.line > (SELECT min(line) FROM cspi_return_line);

    EXECUTE format('DELETE FROM %I.%I WHERE collection_year = $1', returns_schema, 'ssda903_' || spec.kind)
        USING collection_year;
    EXECUTE format($q$
        INSERT INTO %I.%I (collection_year, line, %s)
        SELECT $1, x.line, %s
          FROM (SELECT l.line, jsonb_object($2, l.fields) AS r
                  FROM cspi_return_line l WHERE l.line > (SELECT min(line) FROM cspi_return_line)) x$q$,
        returns_schema, 'ssda903_' || spec.kind,
        (SELECT string_agg(quote_ident(lower(c)), ', ' ORDER BY o) FROM unnest(spec.columns) WITH ORDINALITY AS u(c, o)),
        (SELECT string_agg(CASE WHEN c = ANY (spec.date_columns)
                                THEN format('cspi.return_date(x.r->>%L, %L, x.line, %L)', c, spec.kind || ' file', 'column ' || c)
                                ELSE format('nullif(btrim(x.r->>%L), %L)', c, '') END, ', ' ORDER BY o)
           FROM unnest(spec.columns) WITH ORDINALITY AS u(c, o)))
        USING collection_year, header;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE pg_temp.cspi_return_line;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.import_903(name, integer, text, text) IS
'Imports one SSDA903 CSV file (file: its kind, such as episodes or episodes.csv; content: the whole file with its header row, columns in any order and case, a byte-order mark tolerated, dates dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd) for a collection year (the year it ends), replacing that year''s rows of that kind. An unknown kind, CSV that is not well formed (cspi.csv_lines), a missing required column, a column named twice, a line with the wrong number of fields or a date that is not a date is an error naming the file, line and column, and nothing is loaded. Returns the rows loaded.';

-- Import a CIN census: the XML as the DfE's schema has it (Message, Header,
-- Children/Child with ChildIdentifiers, ChildCharacteristics, CINdetails).
CREATE OR REPLACE FUNCTION cspi.import_cin_census(returns_schema name, collection_year integer, document xml)
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    year integer := collection_year;
    loaded bigint;
    bad record;
BEGIN
    IF returns_schema IS NULL OR document IS NULL THEN
        RAISE EXCEPTION 'cspi.import_cin_census needs a returns schema and the census document'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF collection_year NOT BETWEEN 1990 AND 2100 THEN
        RAISE EXCEPTION 'collection year % is not a year', collection_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The collection year is the year the census''s year ends (its reference date, 31 March): 2024 for 2023/24.';
    END IF;
    IF to_regclass(format('%I.cin_child', returns_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no table cin_child', returns_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create the staging tables first: SELECT cspi.create_return_tables(''' || returns_schema || ''');';
    END IF;
    IF NOT xpath_exists('/Message/Children', document) THEN
        RAISE EXCEPTION 'the document is not a CIN census: it has no /Message/Children'
            USING ERRCODE = 'invalid_xml_content';
    END IF;
    -- The collection year: the year of the census's reference date (31
    -- March), unless given.
    IF year IS NULL THEN
        year := extract(year FROM cspi.return_date(
                    (xpath('/Message/Header/CollectionDetails/ReferenceDate/text()', document))[1]::text,
                    'CIN census', NULL, 'element ReferenceDate'));
        IF year IS NULL THEN
            RAISE EXCEPTION 'the CIN census has no Header/CollectionDetails/ReferenceDate: give the collection year'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;

    -- The children and their nested elements, each numbered in document
    -- order within its parent.
    DROP TABLE IF EXISTS pg_temp.cspi_cin_child;
    CREATE TEMPORARY TABLE cspi_cin_child AS
    SELECT c.child_no, c.node FROM XMLTABLE('/Message/Children/Child' PASSING document
                                         COLUMNS child_no FOR ORDINALITY, node xml PATH '.') c;
    -- Every child has an LAchildID.
    PERFORM 1 FROM cspi_cin_child c
     WHERE btrim(coalesce((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text, '')) = '';
    IF FOUND THEN
        RAISE EXCEPTION 'CIN census, child %: no LAchildID',
              (SELECT min(c.child_no) FROM cspi_cin_child c
                WHERE btrim(coalesce((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text, '')) = '')
            USING ERRCODE = 'not_null_violation';
    END IF;
    -- Every date element, checked before anything is loaded.
    PERFORM cspi.return_date(d.value,
                             format('CIN census, child %s (%s)', c.child_no,
                                    coalesce(btrim((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text), 'no LAchildID')),
                             NULL, 'element ' || d.name)
       FROM cspi_cin_child c,
            XMLTABLE('//*[(contains(local-name(), ''Date'') or local-name() = ''InitialCPCtarget'') and not(*)]' PASSING c.node
                     COLUMNS name text PATH 'local-name()', value text PATH 'text()') d;

    EXECUTE format('DELETE FROM %1$I.cin_child WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_details WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_assessment WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_plan WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_section47 WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_cp_plan WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_cp_review WHERE collection_year = $1', returns_schema) USING year;
    EXECUTE format($q$
        INSERT INTO %I.cin_child
        SELECT $1, btrim(x.la_child_id), x.upn, x.former_upn, x.upn_unknown,
               cspi.return_date(x.birth, 'CIN census', NULL, 'element PersonBirthDate'),
               cspi.return_date(x.expected_birth, 'CIN census', NULL, 'element ExpectedPersonBirthDate'),
               coalesce(x.sex, x.gender), cspi.return_date(x.death, 'CIN census', NULL, 'element PersonDeathDate'),
               x.ethnicity,
               (SELECT array_agg(d.v ORDER BY d.n) FROM XMLTABLE('/Child/ChildCharacteristics/Disabilities/Disability' PASSING c.node
                        COLUMNS n FOR ORDINALITY, v text PATH 'text()') d)
          FROM cspi_cin_child c,
               XMLTABLE('/Child' PASSING c.node COLUMNS
                        la_child_id text PATH 'ChildIdentifiers/LAchildID',
                        upn text PATH 'ChildIdentifiers/UPN', former_upn text PATH 'ChildIdentifiers/FormerUPN',
                        upn_unknown text PATH 'ChildIdentifiers/UPNunknown',
                        birth text PATH 'ChildIdentifiers/PersonBirthDate',
                        expected_birth text PATH 'ChildIdentifiers/ExpectedPersonBirthDate',
                        sex text PATH 'ChildIdentifiers/Sex', gender text PATH 'ChildIdentifiers/GenderCurrent',
                        death text PATH 'ChildIdentifiers/PersonDeathDate',
                        ethnicity text PATH 'ChildCharacteristics/Ethnicity') x$q$, returns_schema) USING year;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE IF EXISTS pg_temp.cspi_cin_detail;
    CREATE TEMPORARY TABLE cspi_cin_detail AS
    SELECT btrim((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text) AS la_child_id,
           d.detail_no, d.node
      FROM cspi_cin_child c,
           XMLTABLE('/Child/CINdetails' PASSING c.node COLUMNS detail_no FOR ORDINALITY, node xml PATH '.') d;
    EXECUTE format($q$
        INSERT INTO %1$I.cin_details
        SELECT $1, d.la_child_id, d.detail_no, cspi.return_date(x.referral_date, 'CIN census', NULL, 'element referral_date'), x.referral_source, x.primary_need,
               cspi.return_date(x.closure_date, 'CIN census', NULL, 'element closure_date'), x.reason_for_closure, cspi.return_date(x.icpc, 'CIN census', NULL, 'element icpc'), x.nfa
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails' PASSING d.node COLUMNS
                        referral_date text PATH 'CINreferralDate', referral_source text PATH 'ReferralSource',
                        primary_need text PATH 'PrimaryNeedCode', closure_date text PATH 'CINclosureDate',
                        reason_for_closure text PATH 'ReasonForClosure', icpc text PATH 'DateOfInitialCPC',
                        nfa text PATH 'ReferralNFA') x;
        INSERT INTO %1$I.cin_assessment
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.review_date, 'CIN census', NULL, 'element review_date'), cspi.return_date(x.authorisation_date, 'CIN census', NULL, 'element authorisation_date'),
               (SELECT array_agg(f.v ORDER BY f.k) FROM XMLTABLE('/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors'
                        PASSING x.node COLUMNS k FOR ORDINALITY, v text PATH 'text()') f)
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/Assessments' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'AssessmentActualStartDate',
                        review_date text PATH 'AssessmentInternalReviewDate',
                        authorisation_date text PATH 'AssessmentAuthorisationDate', node xml PATH '.') x;
        INSERT INTO %1$I.cin_plan
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.end_date, 'CIN census', NULL, 'element end_date')
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/CINPlanDates' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'CINPlanStartDate', end_date text PATH 'CINPlanEndDate') x;
        INSERT INTO %1$I.cin_section47
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.target, 'CIN census', NULL, 'element target'), cspi.return_date(x.icpc, 'CIN census', NULL, 'element icpc'), x.not_required
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/Section47' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'S47ActualStartDate', target text PATH 'InitialCPCtarget',
                        icpc text PATH 'DateOfInitialCPC', not_required text PATH 'ICPCnotRequired') x;
        INSERT INTO %1$I.cin_cp_plan
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.end_date, 'CIN census', NULL, 'element end_date'), x.initial_category,
               x.latest_category, CASE WHEN btrim(x.previous) ~ '^\d{1,9}$' THEN btrim(x.previous)::integer END
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/ChildProtectionPlans' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'CPPstartDate', end_date text PATH 'CPPendDate',
                        initial_category text PATH 'InitialCategoryOfAbuse', latest_category text PATH 'LatestCategoryOfAbuse',
                        previous text PATH 'NumberOfPreviousCPP') x;
        INSERT INTO %1$I.cin_cp_review
        SELECT $1, d.la_child_id, d.detail_no, p.n, cspi.return_date(r.review_date, 'CIN census', NULL, 'element CPPreviewDate')
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/ChildProtectionPlans' PASSING d.node COLUMNS n FOR ORDINALITY, node xml PATH '.') p,
               XMLTABLE('/ChildProtectionPlans/Reviews/CPPreviewDate' PASSING p.node COLUMNS review_date text PATH 'text()') r
        $q$, returns_schema) USING year;
    DROP TABLE pg_temp.cspi_cin_child, pg_temp.cspi_cin_detail;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.import_cin_census(name, integer, xml) IS
'Imports a Children in Need census (the DfE''s XML: Message/Children/Child with ChildIdentifiers, ChildCharacteristics and CINdetails with Assessments, CINPlanDates, Section47 and ChildProtectionPlans/Reviews) into the returns schema''s cin_ tables with PostgreSQL''s XMLTABLE, replacing that collection year. collection_year NULL: the year of the header''s ReferenceDate. A date that is not a date is an error naming the child and element, and nothing is loaded. Returns the children loaded.';

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
-- year's row wins.
-- Relations the returns cannot give are left out, so that deploy() marks
-- their indicators unavailable: population (cspi.fill_population can add
-- it), visit, allocation, health_assessment, missing_episode (no return
-- interview), family_support; and three optional columns of the contract:
-- the referral's completed_date, the child's family_id and the episode's
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

-- Children: the SSDA903 header, the CIN census and OC3, the latest
-- year; the returns have no family.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('child', 'any', 10, $def$
SELECT DISTINCT ON (c.child_id) c.child_id, c.date_of_birth
  FROM (SELECT upper(btrim(h.child)) AS child_id, h.dob AS date_of_birth, h.collection_year, 1 AS pref
          FROM @RETURNS@.ssda903_header h
        UNION ALL
        SELECT upper(btrim(x.la_child_id)), coalesce(x.person_birth_date, x.expected_person_birth_date),
               x.collection_year, 2
          FROM @RETURNS@.cin_child x
        UNION ALL
        -- Care leavers are not in the header of a year they were
        -- not looked after: OC3 gives their dates of birth.
        SELECT upper(btrim(o.child)), o.dob, o.collection_year, 3
          FROM @RETURNS@.ssda903_oc3 o) c
 WHERE c.child_id IS NOT NULL
 ORDER BY c.child_id, c.collection_year DESC, c.pref
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Episodes of care: CHILD and DECOM, the latest year's row; UASC
-- while the child is in the uasc file and before its DUC.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cla_episode', 'ssda903', 20, $def$
SELECT e.child_id || '/' || to_char(e.decom, 'YYYY-MM-DD') AS episode_id, e.child_id,
       e.decom AS start_date, e.dec AS end_date, upper(btrim(e.rne)) AS reason_new,
       upper(btrim(e.ls)) AS legal_status, upper(btrim(e.place)) AS placement,
       upper(btrim(e.rec)) AS reason_ceased,
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
-- services) are not in touch.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('care_leaver', 'ssda903', 40, $def$
SELECT upper(btrim(o.child)) AS child_id, b.as_at,
       upper(btrim(o.in_touch)) = 'YES' AS in_touch,
       CASE WHEN upper(btrim(o.accom)) ~ '^[A-Z]1$' THEN true
            WHEN upper(btrim(o.accom)) ~ '^[A-Z]2$' THEN false END AS accommodation_suitable,
       upper(btrim(o.activ)) AS activity
  FROM @RETURNS@.ssda903_oc3 o
  CROSS JOIN LATERAL (SELECT cspi.birthday_in_collection_year(o.dob, o.collection_year) AS as_at) b
 WHERE o.dob IS NOT NULL AND o.child IS NOT NULL
   AND upper(btrim(coalesce(o.in_touch, ''))) NOT IN ('DIED', 'RHOM')
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

-- Referrals: one per CINdetails, the child and CINreferralDate.  The
-- census has no completion date: the column is left out.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('referral', 'cin', 50, $def$
SELECT DISTINCT ON (upper(btrim(d.la_child_id)), d.cin_referral_date)
       upper(btrim(d.la_child_id)) || '/' || to_char(d.cin_referral_date, 'YYYY-MM-DD') AS referral_id,
       upper(btrim(d.la_child_id)) AS child_id, d.cin_referral_date AS referral_date
  FROM @RETURNS@.cin_details d WHERE d.cin_referral_date IS NOT NULL
 ORDER BY upper(btrim(d.la_child_id)), d.cin_referral_date, d.collection_year DESC
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
       upper(btrim(p.la_child_id)) AS child_id, p.cpp_start_date AS start_date, p.cpp_end_date AS end_date
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
'Creates in source_schema the data contract''s relations as views over the statutory returns loaded in returns_schema, every collection year stacked (the latest year''s row of an episode, referral, assessment, enquiry, plan or review wins): child, cla_episode, cla_review and care_leaver from the SSDA903 files; referral (without completed_date), assessment, s47_enquiry, cp_plan and cp_review from the CIN census; and those an indicator family adds (cspi.returns_relation). The relations the returns cannot give, and those of a return not loaded, are left out, so cspi.deploy(source_schema, ...) marks their indicators unavailable (run it again after loading the other return). Returns the relations created.';

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
        WHEN 'episodes' THEN q || $q$
            SELECT string_agg(cspi_internal.return_csv_line($3, $4, ARRAY[e.child_id::text, cspi.return_date_text(e.start_date), e.reason_new,
                                                  e.legal_status, NULL, e.placement, NULL,
                                                  CASE WHEN e.end_date <= $2 THEN cspi.return_date_text(e.end_date) END,
                                                  CASE WHEN e.end_date <= $2 THEN e.reason_ceased END, NULL, NULL, NULL, NULL]),
                              E'\n' ORDER BY e.child_id::text, e.start_date)
              FROM episode e$q$
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
'A draft of one SSDA903 CSV file (header, episodes, reviews, uasc, oc3, missing; the other kinds with their header row only) for a collection year, from a source schema of the data contract: the episodes open during the year (those still open on 31 March without DEC and REC), their children, the reviews held, UASC status, each care leaver''s latest record and the missing episodes in the year. Not validated against the DfE''s rules; the columns cspi does not hold are empty. A field holding a comma, quote or line end is quoted; a field beginning with =, +, - or @ (a spreadsheet formula) is an error naming the child and the column.';

CREATE OR REPLACE FUNCTION cspi.export_cin_census(source_schema name, collection_year integer) RETURNS xml
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    year_start date := make_date(collection_year - 1, 4, 1);
    year_end date := make_date(collection_year, 3, 31);
    doc xml;
BEGIN
    -- Each assessment, enquiry and plan of the year belongs to the child's
    -- latest referral on or before it (else the child's first referral).
    -- One with no referral at all goes in a CINdetails without a
    -- CINreferralDate: the DfE would refuse it, and the draft shows where
    -- the source lacks the referral (importing it adds no referral).
    EXECUTE format($q$
        WITH referral AS (
            SELECT r.child_id::text AS child_id, r.referral_date FROM %1$I.referral r WHERE r.referral_date IS NOT NULL
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
                       -- in the schema's order: assessments, enquiries, plans
                       (SELECT xmlagg(p.node ORDER BY array_position(ARRAY['assessment', 's47', 'plan'], p.kind),
                                                      p.item_date)
                          FROM placed p
                         WHERE p.child_id = d.child_id AND p.referral_date IS NOT DISTINCT FROM d.referral_date)) AS node
              FROM (SELECT child_id, referral_date FROM referral WHERE referral_date BETWEEN $1 AND $2
                    UNION
                    SELECT child_id, referral_date FROM placed) d
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
        $q$, source_schema) INTO doc USING year_start, year_end, collection_year;
    RETURN doc;
END
$fn$;
COMMENT ON FUNCTION cspi.export_cin_census(name, integer) IS
'A draft Children in Need census (the DfE''s XML layout) for a collection year from a source schema of the data contract: each child with a referral, assessment, section 47 enquiry or child protection plan in the year, one CINdetails per referral holding the assessments, enquiries and plans that followed it (with the plans'' reviews in the year; those of a child with no referral at all in a CINdetails without CINreferralDate); what is still open on 31 March is written without its end. Not validated against the DfE''s rules.';

--------------------------------------------------------------------------
-- Regional pooling: several councils' published figures, pooled exactly
--------------------------------------------------------------------------
-- A region is a schema whose indicator_value pools the published
-- indicator_value of its member councils, read over postgres_fdw: the
-- numerators and denominators are summed and the figure computed again
-- (never an average of percentages; a rate from the summed counts and the
-- summed populations).  Only what a member publishes crosses the wire: its
-- report schema's indicator_value, indicator_availability and deployment,
-- never a child-level row.  cspi.refresh() pulls the members; a member that
-- cannot be read keeps its last good figures, and says why.
--
-- cspi.region and cspi.region_member are the registry; each region has an
-- internal schema (cspi_region_N) with the foreign tables of its members,
-- the figures last pulled from each, and the views (indicator_value
-- materialized) that the region schema publishes.

CREATE TABLE cspi.region (
    region_schema   name PRIMARY KEY,
    name            text,
    internal_schema name NOT NULL,
    suppress_below  integer CHECK (suppress_below BETWEEN 2 AND 1000),
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    created_by      name NOT NULL DEFAULT CURRENT_USER,
    refreshed_at    timestamptz
);
COMMENT ON TABLE cspi.region IS
'The regions (cspi.create_region): each region schema, its name, its internal schema, its small-count suppression and when it was last refreshed. pg_dump keeps it.';
COMMENT ON COLUMN cspi.region.region_schema IS 'The region schema, whose indicator_value pools the members''.';
COMMENT ON COLUMN cspi.region.name IS 'The region''s name, for its report (''North West'').';
COMMENT ON COLUMN cspi.region.internal_schema IS 'Where its foreign tables, the figures pulled from its members and the views behind its published ones live.';
COMMENT ON COLUMN cspi.region.suppress_below IS 'Counts from 1 to suppress_below - 1 are suppressed in what the region publishes (see cspi.discloses_small_count); NULL: nothing is suppressed.';
COMMENT ON COLUMN cspi.region.created_at IS 'When cspi.create_region() made it.';
COMMENT ON COLUMN cspi.region.created_by IS 'The role that made it.';
COMMENT ON COLUMN cspi.region.refreshed_at IS 'When cspi.refresh() last pulled its members (NULL: never).';

CREATE TABLE cspi.region_member (
    region_schema name NOT NULL REFERENCES cspi.region ON UPDATE CASCADE ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position > 0),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    server        name NOT NULL,
    report_schema name NOT NULL,
    la_code       text,
    status        text NOT NULL DEFAULT 'not refreshed'
                  CHECK (status IN ('not refreshed', 'ok', 'unreachable', 'incompatible', 'failed')),
    message       text,
    attempted_at  timestamptz,
    figures_from  timestamptz,
    computed_at   timestamptz,
    cspi_version  text,
    figures_version text,
    time_limit    interval NOT NULL DEFAULT '1 minute'
                  CHECK (time_limit > '0 seconds' AND time_limit <= '1 day'),
    PRIMARY KEY (region_schema, position),
    UNIQUE (region_schema, name)
);
COMMENT ON TABLE cspi.region_member IS
'The member councils of each region: the postgres_fdw server and report schema their published figures are read from, and how the last refresh went. pg_dump keeps it.';
COMMENT ON COLUMN cspi.region_member.region_schema IS 'The region.';
COMMENT ON COLUMN cspi.region_member.position IS 'The member''s place in the list given to cspi.create_region() (1, 2, ...).';
COMMENT ON COLUMN cspi.region_member.name IS 'The council''s name, as the region''s report shows it.';
COMMENT ON COLUMN cspi.region_member.server IS 'The postgres_fdw foreign server of the council''s database.';
COMMENT ON COLUMN cspi.region_member.report_schema IS 'The council''s report schema on that server.';
COMMENT ON COLUMN cspi.region_member.la_code IS 'The council''s local authority, its old three-digit code (cspi.local_authority); NULL when not given.';
COMMENT ON COLUMN cspi.region_member.status IS 'How the last refresh went: ok, unreachable (the server could not be reached), incompatible (another version of cspi, or a report schema without what the region reads), failed (any other error, such as a privilege the region''s role lacks), or not refreshed.';
COMMENT ON COLUMN cspi.region_member.message IS 'Why it is not ok; for an ok member, the indicators it has no figure for, and why.';
COMMENT ON COLUMN cspi.region_member.attempted_at IS 'When the last refresh tried to read it.';
COMMENT ON COLUMN cspi.region_member.figures_from IS 'When the figures the region holds for it were read (the last refresh that reached it); NULL: none yet.';
COMMENT ON COLUMN cspi.region_member.computed_at IS 'When the council last computed those figures (its own cspi.refresh()).';
COMMENT ON COLUMN cspi.region_member.cspi_version IS 'The version of cspi that deployed the council''s report schema, as last read.';
COMMENT ON COLUMN cspi.region_member.time_limit IS 'How long a refresh may spend reading this member (create_region''s "time_limit", default 1 minute): a member still being read then is marked failed and keeps its last good figures, and the others are refreshed.';
COMMENT ON COLUMN cspi.region_member.figures_version IS 'The version of cspi that computed the figures the region holds for it: they are pooled only while it is the region''s own version.';

SELECT pg_catalog.pg_extension_config_dump('cspi.region', '');
SELECT pg_catalog.pg_extension_config_dump('cspi.region_member', '');

-- Anyone may read the registry; only a role that owns a region schema (or
-- is a member of its owner) may change its rows (cspi_internal.owns_schema).
ALTER TABLE cspi.region ENABLE ROW LEVEL SECURITY;
ALTER TABLE cspi.region_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_read ON cspi.region FOR SELECT USING (true);
CREATE POLICY region_owner ON cspi.region USING (cspi_internal.owns_schema(region_schema)) WITH CHECK (cspi_internal.owns_schema(region_schema));
CREATE POLICY region_member_read ON cspi.region_member FOR SELECT USING (true);
CREATE POLICY region_member_owner ON cspi.region_member
    USING (cspi_internal.owns_schema(region_schema)) WITH CHECK (cspi_internal.owns_schema(region_schema));
GRANT SELECT, INSERT, UPDATE, DELETE ON cspi.region, cspi.region_member TO PUBLIC;

-- The comments BI tools show for the columns a region's views add.
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('indicator_value', 'members', 'The member councils whose figures are pooled in this one (a region).'),
 ('indicator_value', 'member_count', 'How many member councils are pooled in this figure (a region).'),
 ('', 'suppressed', 'The figure is withheld (display c, no numbers) because it would disclose a small number (a region with suppress_below).'),
 ('member_value', 'member', 'The member council.'),
 ('member_value', 'la_code', 'The member council''s local authority (old three-digit code); NULL when not given.'),
 ('member_value', 'rank', 'The council''s rank among the region''s members for this indicator and period (1: the best, by the indicator''s polarity; ties share a rank); NULL for indicators without a polarity and figures withheld or missing.'),
 ('member_value', 'ranked_of', 'How many members were ranked for this indicator and period.'),
 ('member_value', 'current', 'The figure was read at the region''s last refresh (false: kept from an earlier one, because the last could not read the council).'),
 ('member_value', 'figures_from', 'When the region read this council''s figures.'),
 ('member_value', 'member_position', 'The council''s place in the region''s list of members.'),
 ('member', 'position', 'The council''s place in the region''s list of members.'),
 ('member', 'name', 'The council''s name.'),
 ('member', 'la_code', 'The council''s local authority (old three-digit code); NULL when not given.'),
 ('member', 'server', 'The postgres_fdw server of the council''s database.'),
 ('member', 'report_schema', 'The council''s report schema on that server.'),
 ('member', 'status', 'How the last refresh went: ok, unreachable, incompatible, failed, or not refreshed.'),
 ('member', 'message', 'Why it is not ok; for an ok council, the indicators it has no figure for, and why.'),
 ('member', 'attempted_at', 'When the last refresh tried to read it.'),
 ('member', 'figures_from', 'When the figures the region holds for it were read; NULL: none yet.'),
 ('member', 'computed_at', 'When the council last computed those figures (its own refresh).'),
 ('member', 'cspi_version', 'The version of cspi that deployed the council''s report schema.'),
 ('member', 'foreign_table', 'The council''s published indicator_value as a foreign table in the region''s database.'),
 ('indicator_availability', 'members', 'The member councils that have this indicator (a region).'),
 ('indicator_availability', 'members_without', 'The member councils that do not have this indicator (as last read), or that have never been read (a region).')
ON CONFLICT (object, column_name) DO UPDATE SET comment = excluded.comment;

-- The small-count rule: a figure is suppressed when it would disclose a
-- count from 1 to below - 1 (zero is published).
CREATE OR REPLACE FUNCTION cspi.discloses_small_count(unit text, numerator bigint, denominator bigint, below integer)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(below IS NOT NULL
                    AND (numerator BETWEEN 1 AND below - 1
                         OR (unit = '%' AND (denominator BETWEEN 1 AND below - 1
                                             OR denominator - numerator BETWEEN 1 AND below - 1))), false);
COMMENT ON FUNCTION cspi.discloses_small_count(text, bigint, bigint, integer) IS
'Whether a figure discloses a small count, which a region suppresses (cspi.create_region''s suppress_below): a count or rate whose numerator is from 1 to below - 1; a percentage whose numerator, denominator or denominator minus numerator (the cases out of timescale) is. Zero is not small. false when below is NULL.';

-- The objects of a region's internal schema: the figures pulled from the
-- members, and the views the region schema publishes.
-- @I@ is the internal schema, @REGION@ the region schema as a literal,
-- @SUPPRESS@ the suppression threshold (NULL for none), @VERSION@ the
-- installed version of cspi (as an expression, so that an upgrade counts).
CREATE OR REPLACE FUNCTION cspi_internal.region_internal_sql() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN $sql$
CREATE TABLE @I@.member_figure (
    member       integer NOT NULL,
    indicator    text NOT NULL,
    period_type  text NOT NULL,
    period       text NOT NULL,
    period_start date NOT NULL,
    period_end   date NOT NULL,
    numerator    bigint,
    denominator  bigint,
    PRIMARY KEY (member, indicator, period_type, period)
);
COMMENT ON TABLE @I@.member_figure IS 'Each member''s published numerators and denominators, as last pulled (cspi.refresh()): a council publishes figures of the indicators it has only.';
CREATE TABLE @I@.member_availability (
    member            integer NOT NULL,
    indicator         text NOT NULL,
    available         boolean NOT NULL,
    missing_relations text[],
    PRIMARY KEY (member, indicator)
);
COMMENT ON TABLE @I@.member_availability IS 'Which indicators each member has, as last pulled (cspi.refresh()).';

CREATE INDEX ON @I@.member_figure (indicator, period);

-- Ranked when read: a reader of one indicator or period ranks only those
-- members' figures (the filter goes below the window functions).
CREATE VIEW @I@.member_value AS
WITH figure AS (
    SELECT m.position, m.name, m.la_code, f.indicator, f.period_type, f.period, f.period_start, f.period_end,
           f.numerator, f.denominator, i.unit, i.polarity, m.figures_from,
           m.status = 'ok' AND m.figures_version = @VERSION@ AS current,
           cspi.discloses_small_count(i.unit, f.numerator, f.denominator, @SUPPRESS@) AS small,
           -- what withholding it would withhold
           f.numerator > 0 OR (i.unit = '%' AND f.denominator > 0) AS adds
      FROM @I@.member_figure f
      JOIN cspi.region_member m ON m.region_schema = @REGION@ AND m.position = f.member
      JOIN cspi.indicator i ON i.code = f.indicator
), counted AS (
    SELECT figure.*,
           count(*) FILTER (WHERE small) OVER pool AS small_in_pool,
           coalesce(sum(numerator) FILTER (WHERE small) OVER pool, 0)::bigint AS small_numerator,
           coalesce(sum(denominator) FILTER (WHERE small) OVER pool, 0)::bigint AS small_denominator,
           (coalesce(sum(numerator) OVER candidate, 0) - coalesce(numerator, 0))::bigint AS numerator_before,
           (coalesce(sum(denominator) OVER candidate, 0) - coalesce(denominator, 0))::bigint AS denominator_before
      FROM figure
    WINDOW pool AS (PARTITION BY indicator, period_type, period),
           candidate AS (PARTITION BY indicator, period_type, period, small, adds
                         ORDER BY numerator, denominator, position ROWS UNBOUNDED PRECEDING)
), marked AS (
    -- The small figures withheld could be had back by subtracting the
    -- others from the region's: the smallest others are withheld too, as
    -- many as it takes for what is withheld together not to be small.
    SELECT counted.*,
           small OR (small_in_pool > 0 AND adds AND NOT small
                     AND cspi.discloses_small_count(unit, small_numerator + numerator_before,
                                                    small_denominator + denominator_before, @SUPPRESS@)) AS suppressed
      FROM counted
), shown AS (
    SELECT marked.*, f.value, f.shown, f.display, f.fraction,
           NOT suppressed AND f.shown IS NOT NULL AND polarity IS NOT NULL AS ranked
      FROM marked
     CROSS JOIN LATERAL cspi.indicator_figure(unit, numerator, denominator) f
)
SELECT name AS member, la_code, indicator, period_type, period, period_start, period_end,
       CASE WHEN NOT suppressed THEN numerator END AS numerator,
       CASE WHEN NOT suppressed THEN denominator END AS denominator,
       CASE WHEN NOT suppressed THEN value END AS value,
       CASE WHEN NOT suppressed THEN shown END AS shown,
       CASE WHEN suppressed THEN 'c' ELSE display END AS display,
       CASE WHEN NOT suppressed THEN fraction END AS fraction,
       CASE WHEN ranked THEN rank() OVER (PARTITION BY indicator, period_type, period, ranked
                                          ORDER BY CASE WHEN polarity = 'higher' THEN -shown ELSE shown END)::integer
            END AS rank,
       CASE WHEN ranked THEN count(*) OVER (PARTITION BY indicator, period_type, period, ranked)::integer END AS ranked_of,
       suppressed, current, figures_from, position AS member_position
  FROM shown;

CREATE MATERIALIZED VIEW @I@.indicator_value AS
WITH figure AS (
    SELECT f.*, i.unit, m.name,
           -- a rate pools the members that have a population for the period
           i.unit <> 'per 10,000' OR f.denominator > 0 AS pools
      FROM @I@.member_figure f
      JOIN cspi.region_member m ON m.region_schema = @REGION@ AND m.position = f.member
                               -- figures of another version are kept, not pooled
                               AND m.figures_version = @VERSION@
      JOIN cspi.indicator i ON i.code = f.indicator
), pooled AS (
    -- (a rate that no member has a population for keeps its count, and no
    -- figure, as a council's does)
    SELECT indicator, period_type, period, min(period_start) AS period_start, max(period_end) AS period_end,
           coalesce(sum(numerator) FILTER (WHERE pools), sum(numerator))::bigint AS numerator,
           CASE WHEN min(unit) <> 'count' THEN sum(denominator) FILTER (WHERE pools) END::bigint AS denominator,
           coalesce(array_agg(name ORDER BY member) FILTER (WHERE pools), array_agg(name ORDER BY member)) AS members
      FROM figure
     GROUP BY indicator, period_type, period
)
SELECT p.indicator, p.period_type, p.period, p.period_start, p.period_end,
       CASE WHEN NOT s.suppressed THEN p.numerator END AS numerator,
       CASE WHEN NOT s.suppressed THEN p.denominator END AS denominator,
       CASE WHEN NOT s.suppressed THEN f.value END AS value,
       CASE WHEN NOT s.suppressed THEN f.shown END AS shown,
       CASE WHEN s.suppressed THEN 'c' ELSE f.display END AS display,
       t.target,
       CASE WHEN NOT s.suppressed THEN cspi.target_status(f.shown, t.target, i.polarity) END AS status,
       CASE WHEN NOT s.suppressed THEN f.fraction END AS fraction,
       now() AS refreshed_at,
       p.members, cardinality(p.members) AS member_count, s.suppressed
  FROM pooled p
  JOIN cspi.indicator i ON i.code = p.indicator
 CROSS JOIN LATERAL cspi.indicator_figure(i.unit, p.numerator, p.denominator) f
 CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, p.period) AS target) t
 CROSS JOIN LATERAL (SELECT cspi.discloses_small_count(i.unit, p.numerator, p.denominator, @SUPPRESS@) AS suppressed) s;
CREATE UNIQUE INDEX ON @I@.indicator_value (indicator, period_type, period);
$sql$;
COMMENT ON FUNCTION cspi_internal.region_internal_sql() IS
'The statements that make a region''s internal schema: the tables of the figures pulled from its members, the view member_value (each member''s figure, ranked) and the materialized view indicator_value (pooled) (called by create_region).';

-- The foreign tables of one member: only its published objects.
CREATE OR REPLACE FUNCTION cspi_internal.region_member_sql(internal name, member integer, server name, report_schema name)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format($sql$
CREATE FOREIGN TABLE %1$I.%2$I (
    indicator text, period_type text, period text, period_start date, period_end date,
    numerator bigint, denominator bigint, status text, refreshed_at timestamptz
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'indicator_value', fetch_size '10000');
CREATE FOREIGN TABLE %1$I.%3$I (
    indicator text, available boolean, missing_relations text[]
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'indicator_availability', fetch_size '10000');
CREATE FOREIGN TABLE %1$I.%4$I (
    cspi_version text
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'deployment');
COMMENT ON FOREIGN TABLE %1$I.%2$I IS %7$L;
$sql$, internal, 'm' || member || '_indicator_value', 'm' || member || '_indicator_availability',
       'm' || member || '_deployment', server, report_schema,
       format('The published indicator_value of member %s (report schema %s on server %s), read over postgres_fdw.',
              member, report_schema, server));
COMMENT ON FUNCTION cspi_internal.region_member_sql(name, integer, name, name) IS
'The statements that make the foreign tables of a region''s member: its published indicator_value, indicator_availability and deployment, and nothing else (called by create_region).';

CREATE OR REPLACE FUNCTION cspi.create_region(region_schema name, members jsonb, name text DEFAULT NULL,
                                              suppress_below integer DEFAULT NULL)
    RETURNS TABLE (member text, status text, message text)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    m record;
    internal name;
    previous name;
    skip name[];
    pending text[] := '{}';
    stmt text;
    problems text[] := '{}';
    kept jsonb;
    region_literal text := quote_literal(region_schema);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgres_fdw') THEN
        RAISE EXCEPTION 'a region reads its members with postgres_fdw, which is not installed in this database'
            USING ERRCODE = 'undefined_object',
                  HINT = 'CREATE EXTENSION postgres_fdw; then a server and a user mapping for each member council.';
    END IF;
    IF members IS NULL OR jsonb_typeof(members) <> 'array' OR jsonb_array_length(members) = 0 THEN
        RAISE EXCEPTION 'members must be a JSON array of member councils'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'For example ''[{"server": "council_a", "schema": "cspi_report", "name": "Council A", "la_code": "E08000001"}]''.';
    END IF;
    IF region_schema IN ('public', 'cspi', 'pg_catalog', 'information_schema')
       OR region_schema LIKE 'pg\_%' OR region_schema LIKE 'cspi\_internal\_%' OR region_schema LIKE 'cspi\_region\_%' THEN
        RAISE EXCEPTION 'cannot make a region in schema "%"', region_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Name a schema of its own for the region, such as cspi_region.';
    END IF;
    IF EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = create_region.region_schema) THEN
        RAISE EXCEPTION 'schema "%" is a council''s report schema, not a region', region_schema
            USING ERRCODE = 'duplicate_schema',
                  HINT = 'Name another schema for the region.';
    END IF;
    IF suppress_below IS NOT NULL AND suppress_below NOT BETWEEN 2 AND 1000 THEN
        RAISE EXCEPTION 'suppress_below must be from 2 to 1000, or NULL for no suppression, not %', suppress_below
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The DfE suppresses counts from 1 to 5: suppress_below => 6.';
    END IF;

    -- Every member, checked at once.
    FOR m IN SELECT e.value AS item, e.ordinality::integer AS position
               FROM jsonb_array_elements(members) WITH ORDINALITY AS e LOOP
        IF jsonb_typeof(m.item) <> 'object' THEN
            problems := problems || format('member %s: not a JSON object', m.position);
            CONTINUE;
        END IF;
        problems := problems || ARRAY(
            SELECT format('member %s: unknown key "%s"', m.position, k)
              FROM jsonb_object_keys(m.item) AS k WHERE k NOT IN ('server', 'schema', 'name', 'la_code', 'time_limit') ORDER BY k);
        problems := problems || ARRAY(
            SELECT format('member %s: "%s" is missing or not a string', m.position, k)
              FROM unnest(ARRAY['server', 'schema', 'name']) AS k
             WHERE jsonb_typeof(m.item -> k) IS DISTINCT FROM 'string' OR btrim(m.item ->> k) = '');
        IF jsonb_typeof(m.item -> 'server') = 'string' AND btrim(m.item ->> 'server') <> '' AND NOT EXISTS (
               SELECT 1 FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                WHERE s.srvname = m.item ->> 'server' AND w.fdwname = 'postgres_fdw') THEN
            problems := problems || format('member %s: there is no postgres_fdw server "%s"', m.position, m.item ->> 'server');
        END IF;
        IF m.item ? 'la_code' AND jsonb_typeof(m.item -> 'la_code') NOT IN ('string', 'null') THEN
            problems := problems || format('member %s: "la_code" is not a string', m.position);
        END IF;
        IF m.item ? 'time_limit' THEN
            BEGIN
                IF jsonb_typeof(m.item -> 'time_limit') <> 'string'
                   OR (m.item ->> 'time_limit')::interval NOT BETWEEN '1 second' AND '1 day' THEN
                    RAISE invalid_parameter_value;
                END IF;
            EXCEPTION WHEN OTHERS THEN
                problems := problems || format('member %s: "time_limit" is not a time from 1 second to 1 day, such as "30 seconds"', m.position);
            END;
        END IF;
    END LOOP;
    problems := problems || ARRAY(
        SELECT format('the name "%s" is given to %s members', btrim(e ->> 'name'), count(*))
          FROM jsonb_array_elements(members) e
         WHERE jsonb_typeof(e) = 'object' AND e ? 'name'
         GROUP BY btrim(e ->> 'name') HAVING count(*) > 1 ORDER BY 1);
    -- the same council twice would be counted twice
    problems := problems || ARRAY(
        SELECT format('report schema "%s" on server "%s" is given to %s members (it would be counted %s times)',
                      e ->> 'schema', e ->> 'server', count(*), count(*))
          FROM jsonb_array_elements(members) e
         WHERE jsonb_typeof(e) = 'object' AND e ? 'server' AND e ? 'schema'
         GROUP BY e ->> 'server', e ->> 'schema' HAVING count(*) > 1 ORDER BY 1);
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'the members of region "%" are not right (% problems)', region_schema, cardinality(problems)
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = array_to_string(problems, E'\n'),
                  HINT = 'Each member is {"server": a postgres_fdw server (CREATE SERVER ... FOREIGN DATA WRAPPER postgres_fdw), "schema": its report schema there, "name": the council''s name, "la_code": optional, "time_limit": optional, such as "30 seconds"}.';
    END IF;

    -- An existing schema must be the caller's, and be this region or empty.
    IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = region_schema) THEN
        PERFORM cspi_internal.check_schema_owner(region_schema, 'schema', 'Make the region in a schema you own, or as its owner.');
        -- A remake reads the previous internal schema, which is the
        -- owner's: only the owner itself may remake it.
        IF (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = region_schema) <> current_user::regrole THEN
            RAISE EXCEPTION 'schema "%" belongs to role %: only that role may make a region in it', region_schema,
                            (SELECT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = region_schema)
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Remake the region as its owner; cspi.refresh() refreshes it as anyone with the owner''s privileges.';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = create_region.region_schema)
           AND EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = region_schema) THEN
            RAISE EXCEPTION 'schema "%" already holds objects that cspi.create_region() did not create', region_schema
                USING ERRCODE = 'duplicate_schema',
                      HINT = 'Make the region in a new or empty schema.';
        END IF;
    END IF;

    PERFORM pg_advisory_xact_lock(hashtext('cspi.region'), hashtext(region_schema));
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', region_schema);
    SELECT g.internal_schema INTO previous FROM cspi.region g WHERE g.region_schema = create_region.region_schema;
    -- (a name left by a dropped cspi is skipped)
    LOOP
        internal := 'cspi_region_' || nextval('cspi.deployment_generation_seq');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = internal);
    END LOOP;
    EXECUTE format('CREATE SCHEMA %I', internal);
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', internal,
                   format('The foreign tables of the members of region %s, the figures pulled from them and the views behind its published ones (cspi.create_region). Read the region schema, not this one.',
                          region_schema));

    INSERT INTO cspi.region AS g (region_schema, name, internal_schema, suppress_below)
    VALUES (region_schema, nullif(btrim(create_region.name), ''), internal, suppress_below)
    ON CONFLICT ON CONSTRAINT region_pkey DO UPDATE
       SET name = EXCLUDED.name, internal_schema = EXCLUDED.internal_schema,
           suppress_below = EXCLUDED.suppress_below, created_at = now(), created_by = current_user, refreshed_at = NULL;
    SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') INTO kept
      FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema;
    DELETE FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema;
    INSERT INTO cspi.region_member (region_schema, position, name, server, report_schema, la_code, time_limit)
    SELECT region_schema, e.ordinality, btrim(e.value ->> 'name'), e.value ->> 'server', e.value ->> 'schema',
           CASE WHEN nullif(btrim(e.value ->> 'la_code'), '') IS NOT NULL
                THEN (cspi.find_local_authority(e.value ->> 'la_code')).old_la_code END,
           coalesce((e.value ->> 'time_limit')::interval, '1 minute')
      FROM jsonb_array_elements(members) WITH ORDINALITY AS e;

    EXECUTE cspi_internal.fill_template(cspi_internal.region_internal_sql(), ARRAY['I', 'REGION', 'SUPPRESS', 'VERSION'],
                               ARRAY[quote_ident(internal), region_literal, coalesce(suppress_below::text, 'NULL::integer'),
                                     '(SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = ''cspi'')']);
    FOR m IN SELECT * FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema ORDER BY r.position LOOP
        EXECUTE cspi_internal.region_member_sql(internal, m.position, m.server, m.report_schema);
    END LOOP;

    -- A remake keeps what the region held for a council it still has (the
    -- same server and report schema): never losing a member's last good
    -- figures because it is down at that moment.
    UPDATE cspi.region_member n
       SET status = o.status, message = o.message, attempted_at = o.attempted_at, figures_from = o.figures_from,
           computed_at = o.computed_at, cspi_version = o.cspi_version, figures_version = o.figures_version
      FROM jsonb_populate_recordset(NULL::cspi.region_member, kept) o
     WHERE n.region_schema = create_region.region_schema AND n.server = o.server AND n.report_schema = o.report_schema;
    IF to_regclass(format('%I.member_figure', coalesce(previous, internal))) IS NOT NULL AND previous IS NOT NULL THEN
        EXECUTE format($q$
            INSERT INTO %1$I.member_figure
            SELECT n.position, f.indicator, f.period_type, f.period, f.period_start, f.period_end, f.numerator, f.denominator
              FROM %2$I.member_figure f
              JOIN jsonb_populate_recordset(NULL::cspi.region_member, $1) o ON o.position = f.member
              JOIN cspi.region_member n ON n.region_schema = $2 AND n.server = o.server AND n.report_schema = o.report_schema$q$,
            internal, previous) USING kept, region_schema;
        EXECUTE format($q$
            INSERT INTO %1$I.member_availability
            SELECT n.position, a.indicator, a.available, a.missing_relations
              FROM %2$I.member_availability a
              JOIN jsonb_populate_recordset(NULL::cspi.region_member, $1) o ON o.position = a.member
              JOIN cspi.region_member n ON n.region_schema = $2 AND n.server = o.server AND n.report_schema = o.report_schema$q$,
            internal, previous) USING kept, region_schema;
    END IF;

    -- The published views, replaced in place so that views, grants and
    -- comments made over them are kept.
    skip := ARRAY[region_schema, internal];
    pending := pending || cspi_internal.publish_view(region_schema, 'indicator_value',
                              format('SELECT * FROM %I.indicator_value', internal), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'member_value',
                              format('SELECT * FROM %I.member_value', internal), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'indicator_availability', format($q$
        SELECT i.code AS indicator, coalesce(bool_or(a.available), false) AS available,
               CASE WHEN bool_or(a.available) THEN '{}'::text[]
                    ELSE coalesce((SELECT array_agg(DISTINCT r ORDER BY r)
                                     FROM %1$I.member_availability x, unnest(x.missing_relations) AS r
                                    WHERE x.indicator = i.code), '{}') END AS missing_relations,
               coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE a.available), '{}') AS members,
               coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE a.available IS NOT TRUE), '{}') AS members_without
          FROM cspi.indicator i
          CROSS JOIN cspi.region_member m
          LEFT JOIN %1$I.member_availability a ON a.member = m.position AND a.indicator = i.code
         WHERE m.region_schema = %2$L
         GROUP BY i.code$q$, internal, region_schema), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'member', format($q$
        SELECT m.position, m.name, m.la_code, m.server, m.report_schema, m.status, m.message,
               m.attempted_at, m.figures_from, m.computed_at, m.cspi_version,
               to_regclass(format('%%I.%%I', %1$L, 'm' || m.position || '_indicator_value')) AS foreign_table
          FROM cspi.region_member m
         WHERE m.region_schema = %2$L$q$, internal, region_schema), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'period', format($q$
        SELECT DISTINCT period_type, period, period_start, period_end FROM %I.indicator_value$q$, internal), false, skip);
    -- The scorecard of every period, as a council's report has it.
    pending := pending || cspi_internal.publish_view(region_schema, 'scorecard',
                              cspi_internal.fill_template((SELECT o.definition FROM cspi.report_object o WHERE o.name = 'scorecard'),
                                                 ARRAY['R', 'SCHEMA'], ARRAY[quote_ident(region_schema), quote_literal(region_schema)]),
                              false, skip);
    EXECUTE format('COMMENT ON VIEW %I.period IS %L', region_schema,
                   'Every year, quarter and month the region has figures for.');
    EXECUTE format('COMMENT ON VIEW %I.scorecard IS %L', region_schema,
                   (SELECT o.comment FROM cspi.report_object o WHERE o.name = 'scorecard'));
    EXECUTE format('COMMENT ON VIEW %I.indicator_value IS %L', region_schema,
                   'Every indicator for every period, pooled over the region''s members that have it: numerators and denominators summed and the figure computed from them (rates from the summed counts and populations), with the members pooled (members, member_count) and whether the figure is suppressed (display ''c''). Refresh with cspi.refresh().');
    EXECUTE format('COMMENT ON VIEW %I.member_value IS %L', region_schema,
                   'Each member''s own figure for every indicator and period, for league tables: its rank among the members (1: the best, by the indicator''s polarity), whether it is suppressed, and whether it is current (false: kept from an earlier refresh, because the last one could not read the member).');
    EXECUTE format('COMMENT ON VIEW %I.indicator_availability IS %L', region_schema,
                   'Each indicator of the catalogue: available when at least one member has it, which members have it and which do not; missing_relations, when none has it, what their data lacks.');
    EXECUTE format('COMMENT ON VIEW %I.member IS %L', region_schema,
                   'The region''s member councils and how the last refresh went for each (status, message), when the figures held for each were read, and the foreign table of its published indicator_value (for queries of one member''s figures, whose aggregates postgres_fdw runs on the member when its server lists cspi in its extensions option).');
    PERFORM cspi_internal.comment_report_columns(region_schema, o)
       FROM unnest(ARRAY['indicator_value', 'member_value', 'period', 'scorecard', 'member', 'indicator_availability']) AS o;
    FOREACH stmt IN ARRAY pending LOOP
        EXECUTE stmt;
    END LOOP;
    IF previous IS NOT NULL AND previous <> internal THEN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', previous);
    END IF;

    PERFORM cspi.refresh_region(region_schema);
    RETURN QUERY SELECT r.name, r.status, r.message FROM cspi.region_member r
                  WHERE r.region_schema = create_region.region_schema ORDER BY r.position;
END
$fn$;
COMMENT ON FUNCTION cspi.create_region(name, jsonb, text, integer) IS
'Creates (or remakes) a region in region_schema over member councils: members is a JSON array of {"server": a postgres_fdw server, "schema": the council''s report schema there, "name": its name, "la_code": optional, "time_limit": how long a refresh may spend reading it, optional, default "1 minute"}. Only the region schema''s owner may remake it. The region schema gets indicator_value (pooled over the members that have each indicator), member_value (each member''s own figure and rank), indicator_availability and member; cspi.scorecard, cspi.narrative and cspi.report_html work on it. Only the members'' published indicator_value, indicator_availability and deployment are read. suppress_below: counts from 1 to suppress_below - 1 are published as ''c'' (cspi.discloses_small_count). Refreshes it at once and returns each member and how its refresh went.';

-- The bounds of a period label, or NULLs for anything that is not one
-- (what a member publishes is checked with it, never trusted).
CREATE OR REPLACE FUNCTION cspi.period_bounds_or_null(period text,
                                   OUT period_type text, OUT period_start date, OUT period_end date)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF period ~ '^(19|20)\d{2}/\d{2}( Q[1-4])?$' AND ((substr(period, 1, 4)::int + 1) % 100) = substr(period, 6, 2)::int
       OR period ~ '^(19|20)\d{2}-(0[1-9]|1[0-2])$' THEN
        SELECT b.period_type, b.period_start, b.period_end INTO period_type, period_start, period_end
          FROM cspi.period_bounds(period) b;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.period_bounds_or_null(text) IS
'The type, first and last day of a period label (as cspi.period_bounds), or NULLs when it is not one: a region checks its members'' periods with it.';

-- What a region checks of each member's published figures before they
-- replace its last good ones: a member's owner can publish anything.
CREATE OR REPLACE FUNCTION cspi.region_figure_limit() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 1000000000000;
COMMENT ON FUNCTION cspi.region_figure_limit() IS
'The largest count or denominator a region accepts from a member: 10^12, far above any council''s, and low enough that the pooled sums of a million members cannot overflow bigint.';

-- Pull one member of a region: run as the region's owner, restricted and
-- within the member's time limit (cspi.execute_as_owner), by refresh_region
-- in a subtransaction of its own, so that a member that fails keeps its
-- last good figures.  Returns its status, cspi version, message and when
-- it computed its figures; an error when it cannot be read or its figures
-- fail the checks.
CREATE OR REPLACE FUNCTION cspi_internal.pull_region_member(region_schema name, member integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    g cspi.region;
    m cspi.region_member;
    t text;
    installed text := (SELECT extversion FROM pg_extension WHERE extname = 'cspi');
    found_version text;
    computed timestamptz;
    problems text;
    message text;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.pull_region_member');
    SELECT * INTO STRICT g FROM cspi.region r WHERE r.region_schema = pull_region_member.region_schema;
    SELECT * INTO STRICT m FROM cspi.region_member r
     WHERE r.region_schema = pull_region_member.region_schema AND r.position = pull_region_member.member;
    t := quote_ident(g.internal_schema) || '.' || quote_ident('m' || m.position);
    EXECUTE format('SELECT min(cspi_version) FROM %s_deployment', t) INTO found_version;
    IF found_version IS DISTINCT FROM installed THEN
        RETURN jsonb_build_object('status', 'incompatible', 'cspi_version', found_version, 'message',
            CASE WHEN found_version IS NULL
                 THEN format('its report schema %s records no deployment', m.report_schema)
                 ELSE format('its report schema %s was deployed by cspi %s, but the region runs cspi %s, and figures are pooled only when computed by the same definitions: bring both to the same version (ALTER EXTENSION cspi UPDATE, then cspi.redeploy())',
                             m.report_schema, found_version, installed) END);
    END IF;
    EXECUTE format('DELETE FROM %I.member_figure WHERE member = $1', g.internal_schema) USING m.position;
    EXECUTE format($q$INSERT INTO %I.member_figure
                      SELECT $1, indicator, period_type, period, period_start, period_end, numerator, denominator
                        FROM %s_indicator_value$q$, g.internal_schema, t) USING m.position;
    EXECUTE format('DELETE FROM %I.member_availability WHERE member = $1', g.internal_schema) USING m.position;
    EXECUTE format($q$INSERT INTO %I.member_availability
                      SELECT $1, indicator, available, missing_relations FROM %s_indicator_availability$q$,
                   g.internal_schema, t) USING m.position;

    -- Every row checked before it replaces the last good figures.
    EXECUTE format($q$
        WITH f AS (
            SELECT f.*, i.code IS NOT NULL AS known, i.unit, b.period_type AS bound_type,
                   b.period_start AS bound_start, b.period_end AS bound_end,
                   f.indicator || ' ' || f.period_type || ' ' || f.period AS example
              FROM %1$I.member_figure f
              LEFT JOIN cspi.indicator i ON i.code = f.indicator
              LEFT JOIN LATERAL cspi.period_bounds_or_null(f.period) b ON true
             WHERE f.member = $1
        ), problem AS (
            SELECT 1 AS rule_order, 'an indicator cspi does not have' AS rule, example FROM f WHERE NOT known
            UNION ALL
            SELECT 2, 'a period that is not a year, quarter or month of the years a report covers', example FROM f
             WHERE bound_type IS NULL OR bound_type <> period_type OR bound_start <> period_start OR bound_end <> period_end
                OR NOT cspi.in_report_years(period_start) OR NOT cspi.in_report_years(period_end)
            UNION ALL
            SELECT 3, 'a negative count', example FROM f WHERE numerator < 0 OR denominator < 0
            UNION ALL
            SELECT 4, 'no numerator over a denominator', example FROM f WHERE numerator IS NULL AND denominator IS NOT NULL
            UNION ALL
            SELECT 5, 'a numerator above its denominator in a percentage', example FROM f
             WHERE unit = '%%' AND numerator > denominator
            UNION ALL
            SELECT 6, 'a count above ' || cspi.region_figure_limit(), example FROM f
             WHERE numerator > cspi.region_figure_limit() OR denominator > cspi.region_figure_limit()
            UNION ALL
            SELECT 7, 'availability of an indicator cspi does not have', a.indicator FROM %1$I.member_availability a
             WHERE a.member = $1 AND NOT EXISTS (SELECT 1 FROM cspi.indicator i WHERE i.code = a.indicator)
        )
        SELECT string_agg(format('%%s %%s with %%s (the first: %%s)', n, CASE WHEN n = 1 THEN 'row' ELSE 'rows' END, rule, example),
                          '; ' ORDER BY rule_order)
          FROM (SELECT rule_order, rule, count(*) AS n, min(example) AS example FROM problem GROUP BY 1, 2) x$q$,
        g.internal_schema) INTO problems USING m.position;
    IF problems IS NOT NULL THEN
        RAISE EXCEPTION 'its published figures were refused: %', problems
            USING ERRCODE = 'data_exception';
    END IF;

    EXECUTE format('SELECT max(refreshed_at) FROM %s_indicator_value', t) INTO computed;
    -- The indicators it has no figure for, by reason.
    EXECUTE format($q$
        SELECT string_agg(format('no figure for %%s (%%s)', codes, reason), '; ' ORDER BY first)
          FROM (SELECT cspi_internal.no_figure_reason(a.indicator, a.missing_relations, true) AS reason,
                       string_agg(a.indicator, ', ' ORDER BY i.display_order) AS codes,
                       min(i.display_order) AS first
                  FROM %I.member_availability a JOIN cspi.indicator i ON i.code = a.indicator
                 WHERE a.member = $1 AND NOT a.available
                 GROUP BY 1) x$q$, g.internal_schema) INTO message USING m.position;
    RETURN jsonb_build_object('status', 'ok', 'cspi_version', found_version, 'computed_at', computed, 'message', message);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.pull_region_member(name, integer) IS
'Pulls one member''s published figures into its region (called by cspi.refresh_region as the region''s owner, inside cspi.execute_as_owner: refuses to run outside one), checking every row first: a known indicator, a year, quarter or month of the years a report covers with its own first and last day, counts neither negative nor above cspi.region_figure_limit(), a numerator wherever there is a denominator and none above it in a percentage. A row that fails is an error naming each rule broken, and the member keeps its last good figures.';

CREATE OR REPLACE FUNCTION cspi.refresh_region(region_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    g cspi.region;
    m record;
    owner oid;
    pulled jsonb;
    found_version text;
    new_status text;
    new_message text;
    detail text;
    hint text;
BEGIN
    -- One refresh (or remake) of a region at a time; then what it is now.
    PERFORM pg_advisory_xact_lock(hashtext('cspi.region'), hashtext(region_schema));
    SELECT * INTO g FROM cspi.region r WHERE r.region_schema = refresh_region.region_schema;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'schema "%" is not a region', region_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'cspi.region lists the regions; cspi.create_region() makes one.';
    END IF;
    owner := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = region_schema);
    IF owner IS NULL THEN
        RAISE EXCEPTION 'region schema "%" does not exist', region_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Make it again with cspi.create_region(), or remove its row from cspi.region.';
    END IF;
    PERFORM cspi_internal.check_schema_owner(region_schema, 'region', 'Refresh it as its owner, or as a member of that role.');
    FOR m IN SELECT * FROM cspi.region_member r WHERE r.region_schema = refresh_region.region_schema ORDER BY r.position LOOP
        found_version := NULL;
        detail := NULL;
        -- Each member as the region's owner (its internal schema and user
        -- mappings are the owner's), restricted, within its time limit, in
        -- a subtransaction of its own: one that fails keeps the figures
        -- last pulled from it.
        BEGIN
            pulled := cspi.execute_as_owner(owner::regrole,
                          format('SELECT cspi_internal.pull_region_member(%L, %s)', region_schema, m.position),
                          least(extract(epoch FROM m.time_limit) * 1000, 2147483647)::integer);
            new_status := pulled ->> 'status';
            new_message := pulled ->> 'message';
            found_version := pulled ->> 'cspi_version';
            IF new_status = 'ok' THEN
                UPDATE cspi.region_member r
                   SET figures_from = now(), computed_at = (pulled ->> 'computed_at')::timestamptz,
                       figures_version = found_version
                 WHERE r.region_schema = refresh_region.region_schema AND r.position = m.position;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
            new_status := CASE WHEN SQLSTATE LIKE '08%' THEN 'unreachable'
                               WHEN SQLSTATE IN ('42P01', '42703', '3F000', '42883') THEN 'incompatible'
                               ELSE 'failed' END;
            new_message := CASE
                WHEN new_status = 'unreachable' THEN 'the region could not connect to it: ' || SQLERRM
                WHEN new_status = 'incompatible' THEN format('its report schema %s does not have what the region reads: ', m.report_schema) || SQLERRM
                WHEN SQLSTATE = '54000' THEN format('reading it took longer than its time limit of %s', m.time_limit)
                WHEN SQLSTATE = '22000' THEN SQLERRM
                ELSE 'reading it failed: ' || SQLERRM END;
            detail := regexp_replace(btrim(detail), '\s+', ' ', 'g');
        END;
        UPDATE cspi.region_member r
           SET status = new_status, message = new_message || coalesce(' (' || nullif(detail, '') || ')', ''),
               attempted_at = now(),
               cspi_version = coalesce(found_version, r.cspi_version)
         WHERE r.region_schema = refresh_region.region_schema AND r.position = m.position
         RETURNING * INTO m;
        IF new_status <> 'ok' THEN
            new_message := format('region %s: member "%s" is %s: %s', region_schema, m.name, new_status, new_message);
            hint := CASE WHEN m.figures_from IS NULL THEN 'The region has no figures for it yet.'
                         ELSE format('The region keeps its figures read on %s.',
                                     to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')) END;
            IF coalesce(detail, '') = '' THEN
                RAISE WARNING '%', new_message USING HINT = hint;
            ELSE
                RAISE WARNING '%', new_message USING DETAIL = detail, HINT = hint;
            END IF;
        END IF;
    END LOOP;
    -- PostgreSQL runs both as the owner of what they touch, restricted.
    EXECUTE format('ANALYZE %I.member_figure', g.internal_schema);
    EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.indicator_value', g.internal_schema);
    UPDATE cspi.region r SET refreshed_at = now() WHERE r.region_schema = refresh_region.region_schema;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh_region(name) IS
'Pulls the published figures of each member of a region (cspi.refresh() calls it for a region schema) and pools them again. Each member is read as the region''s owner inside a security-restricted operation, within its time limit (region_member.time_limit), and its rows are checked (cspi_internal.pull_region_member) before they replace its last good figures. A member that cannot be reached, is on another version of cspi, cannot be read, is slower than its time limit or publishes figures that fail the checks keeps the figures last pulled from it; each is named in a warning and in the region''s member view, and the other members are refreshed.';

-- Who may read the published figures of a report or region schema, and
-- nothing else: the role a region's user mapping uses on a council.
CREATE OR REPLACE FUNCTION cspi.grant_published_figures(report_schema name, grantee name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    object text;
    is_region boolean := EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = grant_published_figures.report_schema);
BEGIN
    PERFORM cspi_internal.require_indicator_value(report_schema,
                                         'Run cspi.deploy(source_schema, report_schema) or cspi.create_region() first.');
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = grantee) THEN
        RAISE EXCEPTION 'role "%" does not exist', grantee
            USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', report_schema, grantee);
    FOREACH object IN ARRAY CASE WHEN is_region THEN ARRAY['indicator_value', 'indicator_availability', 'member_value', 'member',
                                                           'period', 'scorecard']
                                 ELSE ARRAY['indicator_value', 'indicator_availability', 'deployment'] END LOOP
        EXECUTE format('GRANT SELECT ON %I.%I TO %I', report_schema, object, grantee);
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.grant_published_figures(name, name) IS
'Grants grantee the published figures of a report schema and nothing else: indicator_value, indicator_availability and deployment (of a region: indicator_value, indicator_availability, member_value, member, period and scorecard). The role a region''s user mapping uses on a council needs exactly this; no drill-down, source or child-level row. Grants survive redeploys.';

-- The region's report: who is pooled, and how fresh each member's figures are.
CREATE OR REPLACE FUNCTION cspi.region_as_at_html(region_schema name) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT '<p class="as-at">'
           || cspi.html_escape(format('Pooled from %s: %s. Figures computed %s (the region''s last refresh).',
                  CASE WHEN count(m.figures_from) = 1 THEN '1 council' ELSE count(m.figures_from) || ' councils' END,
                  coalesce(string_agg(m.name, ', ' ORDER BY m.position) FILTER (WHERE m.figures_from IS NOT NULL), 'none'),
                  coalesce(to_char(min(g.refreshed_at) AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'never')))
           || '</p>'
           || coalesce('<p class="stale">' || cspi.html_escape(string_agg(
                  format('%s: %s. %s', m.name, m.message,
                         CASE WHEN m.figures_from IS NULL THEN 'The region has no figures for it, so its figures are left out.'
                              ELSE format('Its figures here are those read on %s.',
                                          to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')) END),
                  ' ' ORDER BY m.position) FILTER (WHERE m.status <> 'ok')) || '</p>', '')
      FROM cspi.region g JOIN cspi.region_member m ON m.region_schema = g.region_schema
     WHERE g.region_schema = region_as_at_html.region_schema;
    END;
COMMENT ON FUNCTION cspi.region_as_at_html(name) IS
'The paragraphs that open a region''s report (cspi.report_html): the councils pooled and the region''s last refresh, and each member whose last refresh failed, why, and from when its figures are.';

-- Each member beside the region: the members, then every indicator's
-- figures in rank order.
CREATE OR REPLACE FUNCTION cspi.region_members_html(period text, region_schema name) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    html text;
    row_html text;
BEGIN
    SELECT '<section class="members"><h2>Councils</h2><table><thead><tr><th scope="col">Council</th>'
           || '<th scope="col">Local authority</th><th scope="col">Status at the last refresh</th>'
           || '<th scope="col">Figures read</th><th scope="col">Figures computed by the council</th></tr></thead><tbody>'
           || string_agg('<tr><th scope="row">' || cspi.html_escape(m.name) || '</th><td>'
                         || coalesce(cspi.html_escape(a.la_name || ' (' || m.la_code || ')'), cspi.html_escape(m.la_code), '&ndash;') || '</td><td>'
                         || cspi.html_escape(m.status || coalesce(': ' || m.message, '')) || '</td><td>'
                         || coalesce(to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'never') || '</td><td>'
                         || coalesce(to_char(m.computed_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), '&ndash;') || '</td></tr>',
                         '' ORDER BY m.position)
           || '</tbody></table>'
      INTO html
      FROM cspi.region_member m LEFT JOIN cspi.local_authority a ON a.old_la_code = m.la_code
     WHERE m.region_schema = region_members_html.region_schema;

    EXECUTE format($q$
        SELECT string_agg(format('<tr data-code="%%s"><th scope="row">%%s <small>(%%s)</small></th><td class="num">%%s</td><td>%%s</td></tr>',
                                 cspi.html_escape(i.code), cspi.html_escape(i.title), cspi.html_escape(i.code),
                                 cspi.html_escape(coalesce(v.display, 'no figure')),
                                 coalesce(cspi.html_escape(league.list), '')
                                 || CASE WHEN cardinality(a.members_without) > 0
                                         THEN ' <small class="not-pooled">' || cspi.html_escape(
                                              'Not pooled: ' || array_to_string(a.members_without, ', ') || ' (no figure).') || '</small>'
                                         ELSE '' END),
                          '' ORDER BY i.display_order)
          FROM cspi.indicator i
          JOIN %1$I.indicator_availability a ON a.indicator = i.code AND a.available
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN LATERAL (
              SELECT string_agg(coalesce(mv.rank || '. ', '') || mv.member || CASE WHEN mv.current THEN '' ELSE '*' END
                                || ': ' || CASE WHEN mv.suppressed THEN 'c' ELSE cspi.format_number(mv.shown, i.unit) END,
                                '; ' ORDER BY mv.rank NULLS LAST, mv.member_position) AS list
                FROM %1$I.member_value mv
               WHERE mv.indicator = i.code AND mv.period = $1) league ON true$q$, region_schema)
      INTO row_html USING period;
    RETURN html
        || '<h3>Each council beside the region, ' || cspi.html_escape(cspi.period_name(period)) || '</h3>'
        || '<p>' || cspi.html_escape('Councils in rank order (1: the best) where higher or lower is better; otherwise in the order the region lists them. '
                                     || 'c: suppressed to protect small numbers. *: figures kept from an earlier refresh.') || '</p>'
        || '<table><colgroup><col style="width:30%"><col style="width:16%"><col></colgroup><thead><tr>'
        || '<th scope="col">Indicator</th><th scope="col">Region</th><th scope="col">Councils</th></tr></thead><tbody>'
        || coalesce(row_html, '') || '</tbody></table></section>';
END
$fn$;
COMMENT ON FUNCTION cspi.region_members_html(text, name) IS
'The section of a region''s report (cspi.report_html) that puts each member beside the region: the members and how the last refresh went for each, then for every indicator the region''s figure and each member''s, in rank order.';

