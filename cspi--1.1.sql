/* cspi--1.1.sql: children's social care performance indicators. */
-- Released install script of cspi 1.1, kept as released: built by make from src/sql/ at the 1.1 release.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cspi" to load this file. \quit

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

GRANT USAGE ON SCHEMA cspi TO PUBLIC;
GRANT SELECT ON cspi.calendar, cspi.holiday TO PUBLIC;

CREATE FUNCTION cspi.calendar_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_changed' LANGUAGE C
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION cspi.calendar_changed() FROM PUBLIC;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: gives the calendars a new version (cspi.calendar_version) and tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes. Runs as the extension''s owner, so that roles allowed to change calendars need no rights on cspi.calendar_version.';

CREATE FUNCTION cspi.calendar_guard() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_guard' LANGUAGE C;
COMMENT ON FUNCTION cspi.calendar_guard() IS
'Trigger: refuses changes to the rows shipped with cspi outside its own scripts.';

CREATE TRIGGER calendar_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.calendar
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
CREATE TRIGGER holiday_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.holiday
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE TRIGGER holiday_guard_truncate BEFORE TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE TRIGGER holiday_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
-- A change must reach the version also when it arrives by logical
-- replication or in a session with session_replication_role = replica.
ALTER TABLE cspi.calendar ENABLE ALWAYS TRIGGER calendar_changed;
ALTER TABLE cspi.holiday ENABLE ALWAYS TRIGGER holiday_changed;

INSERT INTO cspi.calendar (name, weekmask, first_date, last_date, description, shipped) VALUES
    ('england-and-wales', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in England and Wales, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('scotland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Scotland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('northern-ireland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Northern Ireland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true);

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

CREATE OR REPLACE FUNCTION cspi.working_days("from" timestamptz, "to" timestamptz,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_timestamptz'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(timestamptz, timestamptz, text) IS
'working_days on the calendar dates of two timestamps with time zone, in the session time zone.';

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
'Excel''s NETWORKDAYS.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer, holidays date[],
                             weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, date[], text) IS
'Excel''s WORKDAY.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date, holidays date[],
                                    weekmask text DEFAULT '1111100')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, date[], text) IS
'is_working_day against the given holidays and weekmask; IMMUTABLE.';


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


--------------------------------------------------------------------------
-- The data contract: source relations
--------------------------------------------------------------------------

CREATE FUNCTION cspi.create_source_tables(source_schema name) RETURNS void
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
'Creates the schema (if needed) and empty tables with exactly the data contract''s columns, types and keys, for councils that load their data rather than pointing cspi at views.';

-- The contract itself, in the database: every column deploy() checks.
CREATE TABLE cspi.contract_column (
    relation    text NOT NULL,
    column_name text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('id', 'date', 'timestamp', 'flag', 'boolean',
                                              'code', 'numeric', 'integer')),
    position    integer NOT NULL,
    meaning     text NOT NULL,
    PRIMARY KEY (relation, column_name)
);
COMMENT ON TABLE cspi.contract_column IS
'The data contract: the columns cspi reads from each source relation and their kind (id: any type with equality; date: date, timestamp or timestamptz; timestamp: timestamp, timestamptz or date; flag: boolean, NULL counting as false; boolean; code: text matched ignoring case and spaces; numeric; integer).';
COMMENT ON COLUMN cspi.contract_column.relation IS 'Source relation name.';
COMMENT ON COLUMN cspi.contract_column.column_name IS 'Column name (fixed by the contract).';
COMMENT ON COLUMN cspi.contract_column.kind IS 'What cspi accepts there (see the table comment).';
COMMENT ON COLUMN cspi.contract_column.position IS 'Order of the column in the relation.';
COMMENT ON COLUMN cspi.contract_column.meaning IS 'What the column means.';

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
    ('family_support', 'end_date', 'date', 6, 'end of the support; NULL = open');


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
    display_order  integer NOT NULL UNIQUE,
    requires       text[] NOT NULL
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
COMMENT ON COLUMN cspi.indicator.display_order IS 'Order in the report and the scorecard.';
COMMENT ON COLUMN cspi.indicator.requires IS 'Source relations the indicator needs; without any of them it is unavailable.';

INSERT INTO cspi.indicator (display_order, code, section, title, unit, polarity, default_target, requires, definition) VALUES
 (1, 'REF_1WD', 'Front door and assessment', 'Referrals completed within 1 working day', '%', 'higher', 90, '{referral}',
  'Referrals with completed_date in the period and working_days(referral_date, completed_date) <= 1 / referrals with completed_date in the period.'),
 (2, 'REF_OVER_3WD', 'Front door and assessment', 'Referrals taking over 3 working days', '%', 'lower', 5, '{referral}',
  'Referrals with completed_date in the period and working_days(referral_date, completed_date) > 3 / referrals with completed_date in the period.'),
 (3, 'REREFERRAL_12M', 'Front door and assessment', 'Re-referrals within 12 months', '%', 'lower', NULL, '{referral}',
  'Referrals with referral_date in the period whose child has another referral with referral_date in [referral_date - 12 months, referral_date) / referrals with referral_date in the period.'),
 (4, 'REREFERRAL_CHILDREN', 'Front door and assessment', 'Children re-referred within 12 months', 'count', NULL, NULL, '{referral}',
  'Distinct children with a referral counted in the REREFERRAL_12M numerator.'),
 (5, 'REREFERRAL_FAMILIES', 'Front door and assessment', 'Families of children re-referred within 12 months', 'count', NULL, NULL, '{referral,child}',
  'Distinct families (child.family_id) of the REREFERRAL_CHILDREN children.'),
 (6, 'CFA_COMPLETED', 'Front door and assessment', 'Child and family assessments completed', 'count', NULL, NULL, '{assessment}',
  'Assessments with authorised_date in the period.'),
 (7, 'CFA_45WD', 'Front door and assessment', 'Child and family assessments completed within 45 working days', '%', 'higher', 90, '{assessment}',
  'Assessments with authorised_date in the period and working_days(start_date, authorised_date) <= 45 / assessments with authorised_date in the period.'),
 (8, 'ICPC_15WD', 'Child protection', 'Initial child protection conferences within 15 working days', '%', 'higher', 95, '{s47_enquiry}',
  'Section 47 enquiries with icpc_date in the period, not transfer-in, and working_days(strategy_date, icpc_date) <= 15 / those with icpc_date in the period, not transfer-in.'),
 (9, 'CP_OPEN', 'Child protection', 'Children subject to a child protection plan', 'count', NULL, NULL, '{cp_plan}',
  'Distinct children with a child protection plan open at the end of the period.'),
 (10, 'CP_RATE', 'Child protection', 'Children subject to a child protection plan per 10,000 children', 'per 10,000', NULL, NULL, '{cp_plan,population}',
  'CP_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.'),
 (11, 'CP_STARTED', 'Child protection', 'Child protection plans started', 'count', NULL, NULL, '{cp_plan}',
  'Plans with start_date in the period.'),
 (12, 'CP_REPEAT_2Y', 'Child protection', 'Child protection plans repeated within 2 years', '%', 'lower', 6, '{cp_plan}',
  'Plans starting in the period whose child has another plan with an earlier start_date and an end_date in [start_date - 2 years, start_date] / plans starting in the period.'),
 (13, 'CP_REPEAT_EVER', 'Child protection', 'Child protection plans for a second or subsequent time', '%', 'lower', NULL, '{cp_plan}',
  'Plans starting in the period whose child has another plan with an earlier start_date / plans starting in the period.'),
 (14, 'CP_ALLOCATED_QSW', 'Child protection', 'Child protection cases allocated to a qualified social worker', '%', 'higher', 100, '{cp_plan,allocation}',
  'CP_OPEN children with an allocation open at the end of the period to a qualified social worker / CP_OPEN.'),
 (15, 'CP_REVIEW_TIMELY', 'Child protection', 'Child protection reviews within timescale', '%', 'higher', 100, '{cp_review,cp_plan}',
  'Reviews held in the period in timescale (the first by plan start + 3 months, each later one by the previous review + 6 months) / reviews held in the period.'),
 (16, 'CP_VISIT_10WD', 'Child protection', 'Child protection visits within 10 working days', '%', 'higher', 100, '{visit,cp_plan}',
  'cp visits in the period within 10 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.'),
 (17, 'CP_VISIT_15WD', 'Child protection', 'Child protection visits within 15 working days', '%', 'higher', 100, '{visit,cp_plan}',
  'cp visits in the period within 15 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.'),
 (18, 'CIC_OPEN', 'Children in care', 'Children in care', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with an episode of care (not a short break) open at the end of the period.'),
 (19, 'CIC_UASC', 'Children in care', 'Children in care who are unaccompanied asylum-seeking children', 'count', NULL, NULL, '{cla_episode}',
  'CIC_OPEN children whose open episode has uasc true.'),
 (20, 'CIC_RATE', 'Children in care', 'Children in care per 10,000 children', 'per 10,000', NULL, NULL, '{cla_episode,population}',
  'CIC_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.'),
 (21, 'CIC_STARTED', 'Children in care', 'Children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with a period of care starting in the period.'),
 (22, 'CIC_STARTED_FAMILIES', 'Children in care', 'Families of children who started to be looked after', 'count', NULL, NULL, '{cla_episode,child}',
  'Distinct families of the CIC_STARTED children.'),
 (23, 'CIC_STARTED_UASC', 'Children in care', 'Unaccompanied asylum-seeking children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'CIC_STARTED children whose first period of care starting in the period has uasc true on its first episode.'),
 (24, 'CIC_STARTED_BEFORE', 'Children in care', 'Children who started to be looked after who had been looked after before', 'count', NULL, NULL, '{cla_episode}',
  'CIC_STARTED children with a period of care ending before the first one that starts in the period.'),
 (25, 'CIC_CEASED', 'Children in care', 'Children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with a period of care ending in the period.'),
 (26, 'CIC_CEASED_FAMILIES', 'Children in care', 'Families of children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode,child}',
  'Distinct families of the CIC_CEASED children.'),
 (27, 'CIC_CEASED_HOME', 'Children in care', 'Children ceasing care who returned home', '%', 'higher', NULL, '{cla_episode}',
  'Periods of care ending in the period whose last episode''s reason_ceased is E4A or E4B / periods of care ending in the period.'),
 (28, 'CIC_20_MILES', 'Children in care', 'Children in care placed 20 miles or more from home', '%', 'lower', NULL, '{cla_episode}',
  'CIC_OPEN children (not UASC, distance known) placed 20 miles or more away / those children.'),
 (29, 'CIC_ALLOCATED_QSW', 'Children in care', 'Children in care allocated to a qualified social worker', '%', 'higher', 100, '{cla_episode,allocation}',
  'CIC_OPEN children with an allocation open at the end of the period to a qualified social worker / CIC_OPEN.'),
 (30, 'CIC_REVIEW_TIMELY', 'Children in care', 'Looked-after reviews within timescale', '%', 'higher', 100, '{cla_review,cla_episode}',
  'Reviews held in the period in timescale (the first of a period of care within 20 working days of its start, the second by the first + 3 months, each later one by the previous + 6 months) / reviews held in the period.'),
 (31, 'CIC_VISIT_TIMELY', 'Children in care', 'Children in care visits within timescale', '%', 'higher', 100, '{visit,cla_episode}',
  'cic visits in the period in timescale (by the due date where given; else the first of a placement within 7 days of its start, each later one within 42 days of the previous visit) / cic visits in the period.'),
 (32, 'CIC_RHA_DONE', 'Children in care', 'Review health assessments completed', '%', 'higher', 100, '{health_assessment}',
  'Review health assessments due in the period and completed by its end / review health assessments due in the period.'),
 (33, 'CIC_HEALTH_CURRENT', 'Children in care', 'Children in care with an up-to-date health assessment', '%', 'higher', 100, '{cla_episode,health_assessment,child}',
  'CIC_OPEN children in care for 12 months or more whose latest health assessment was in the last 12 months (6 for under-5s) / those children.'),
 (34, 'CIC_STABILITY_LONG', 'Children in care', 'Long-term placement stability', '%', 'higher', 68, '{cla_episode,child}',
  'CIC_OPEN children under 16 looked after for at least 2.5 years who have been in their current placement for at least 2 years / CIC_OPEN children under 16 looked after for at least 2.5 years.'),
 (35, 'CIC_STABILITY_SHORT', 'Children in care', 'Children in care with 3 or more placements in 12 months', '%', 'lower', 10, '{cla_episode}',
  'CIC_OPEN children with 3 or more placements during the 12 months to the end of the period / CIC_OPEN.'),
 (36, 'RHI_72H', 'Missing children and care leavers', 'Return home interviews offered within 72 hours', '%', 'higher', NULL, '{missing_episode}',
  'Missing episodes (not other authority) returning in the period with an interview offered within 72 hours of the return / missing episodes (not other authority) returning in the period.'),
 (37, 'RHI_ENGAGED', 'Missing children and care leavers', 'Return home interviews with the child''s engagement', '%', 'higher', NULL, '{missing_episode}',
  'RHI_72H episodes offered an interview with rhi_engaged true / RHI_72H episodes offered an interview.'),
 (38, 'CL_ACCOM_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21, at their latest record in the 12 months to the end of the period, in suitable accommodation / those care leavers.'),
 (39, 'CL_ACCOM_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in suitable accommodation / those care leavers.'),
 (40, 'CL_NEET_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
  'Care leavers aged 19 to 21 whose activity is NEET / those care leavers.'),
 (41, 'CL_NEET_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
  'Care leavers aged 22 to 25 whose activity is NEET / those care leavers.'),
 (42, 'CL_EDUCATION_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in education', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21 in education (including higher education) / those care leavers.'),
 (43, 'CL_EDUCATION_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in education', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in education (including higher education) / those care leavers.'),
 (44, 'CL_TRAINING_EMPLOYMENT_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21 in training or employment (including apprenticeships) / those care leavers.'),
 (45, 'CL_TRAINING_EMPLOYMENT_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in training or employment (including apprenticeships) / those care leavers.'),
 (46, 'EH_FAMILIES_INTERNAL', 'Early help', 'Families supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
  'Distinct families with internal family support open at the end of the period.'),
 (47, 'EH_CHILDREN_INTERNAL', 'Early help', 'Children supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
  'Distinct children with internal family support open at the end of the period.'),
 (48, 'EH_FAMILIES_EXTERNAL', 'Early help', 'Families supported by an external agency', 'count', NULL, NULL, '{family_support}',
  'Distinct families with external family support open at the end of the period.'),
 (49, 'EH_CHILDREN_EXTERNAL', 'Early help', 'Children supported by an external agency', 'count', NULL, NULL, '{family_support}',
  'Distinct children with external family support open at the end of the period.');

-- Each indicator's sentence in the narrative (cspi.narrative), a template
-- that councils may reword in cspi.indicator_wording.
ALTER TABLE cspi.indicator ADD COLUMN sentence text;
COMMENT ON COLUMN cspi.indicator.sentence IS
'The narrative sentence template. Placeholders: {in_period} (''In 2023/24''), {period}, {period_end} (''the end of March 2024''), {display} (''81.4% (1,119 / 1,374)''), {value} (''81.4%'', ''146'', ''65.6''), {numerator}, {denominator}, {verdict} (comparison with the previous period and the target, as a sentence or nothing), and {value:CODE} for another indicator''s value in the same period. Override it in cspi.indicator_wording.';

UPDATE cspi.indicator SET sentence = t.sentence
  FROM (VALUES
    ('REF_1WD', '{in_period}, {display} of referrals were completed within 1 working day.{verdict}'),
    ('REF_OVER_3WD', '{in_period}, {value} of referrals took over 3 working days to be completed.{verdict}'),
    ('REREFERRAL_12M', '{in_period}, {display} of referrals were re-referrals within 12 months of a previous referral.{verdict}'),
    ('REREFERRAL_CHILDREN', 'During {period}, {value} children from {value:REREFERRAL_FAMILIES} families had a new referral within 12 months of their last referral.{verdict}'),
    ('REREFERRAL_FAMILIES', 'During {period}, {value} families had a child re-referred within 12 months of a previous referral.{verdict}'),
    ('CFA_COMPLETED', '{value} children had a child and family assessment completed in {period}.{verdict}'),
    ('CFA_45WD', '{display} of child and family assessments were completed within 45 working days in {period}.{verdict}'),
    ('ICPC_15WD', '{display} of initial child protection conferences were held within 15 working days of the strategy discussion in {period}, excluding transfer-in conferences.{verdict}'),
    ('CP_OPEN', '{value} children were subject to a child protection plan at {period_end}, a rate of {value:CP_RATE} per 10,000 children.{verdict}'),
    ('CP_RATE', 'The rate of children subject to a child protection plan was {value} per 10,000 children at {period_end}.{verdict}'),
    ('CP_STARTED', '{value} child protection plans started in {period}.{verdict}'),
    ('CP_REPEAT_2Y', '{display} of the children who became subject to a child protection plan in {period} did so for a second or subsequent time within 2 years of a previous plan ending.{verdict}'),
    ('CP_REPEAT_EVER', '{display} of the children who became subject to a child protection plan in {period} did so for a second or subsequent time.{verdict}'),
    ('CP_ALLOCATED_QSW', '{display} of child protection cases were allocated to a qualified social worker at {period_end}.{verdict}'),
    ('CP_REVIEW_TIMELY', '{display} of child protection reviews in {period} were completed within the required timescales.{verdict}'),
    ('CP_VISIT_10WD', '{display} of child protection statutory visits were completed within 10 working days in {period}.{verdict}'),
    ('CP_VISIT_15WD', '{display} of child protection statutory visits were completed within 15 working days in {period}.{verdict}'),
    ('CIC_OPEN', '{value} children were in care at {period_end}, {value:CIC_UASC} of whom are unaccompanied asylum-seeking children.{verdict}'),
    ('CIC_UASC', '{value} of the children in care at {period_end} are unaccompanied asylum-seeking children.{verdict}'),
    ('CIC_RATE', 'The rate of children in care was {value} per 10,000 children at {period_end}.{verdict}'),
    ('CIC_STARTED', '{value} children came into care in {period} from {value:CIC_STARTED_FAMILIES} families.{verdict}'),
    ('CIC_STARTED_FAMILIES', 'The children who came into care in {period} were from {value} families.{verdict}'),
    ('CIC_STARTED_UASC', '{value} of the young people who came into care in {period} were unaccompanied asylum-seeking children.{verdict}'),
    ('CIC_STARTED_BEFORE', '{value} of the children who came into care in {period} had been in care before.{verdict}'),
    ('CIC_CEASED', '{value} children and young people, from {value:CIC_CEASED_FAMILIES} families, ceased to be in care in {period}.{verdict}'),
    ('CIC_CEASED_FAMILIES', 'The children who ceased to be in care in {period} were from {value} families.{verdict}'),
    ('CIC_CEASED_HOME', '{display} of the children who ceased to be in care in {period} returned home to their parent(s).{verdict}'),
    ('CIC_20_MILES', '{display} of our children in care were placed 20 or more miles away from home at {period_end}.{verdict}'),
    ('CIC_ALLOCATED_QSW', '{display} of children in care were allocated to a qualified social worker at {period_end}.{verdict}'),
    ('CIC_REVIEW_TIMELY', '{display} of looked-after reviews in {period} were completed within the required timescales.{verdict}'),
    ('CIC_VISIT_TIMELY', '{display} of statutory visits for children in care were completed in timescale in {period}.{verdict}'),
    ('CIC_RHA_DONE', '{display} of the children due a review health assessment in {period} had one completed by {period_end}.{verdict}'),
    ('CIC_HEALTH_CURRENT', '{display} of the children in care for a year or more had an up-to-date health assessment at {period_end}.{verdict}'),
    ('CIC_STABILITY_LONG', '{display} of our children in care aged under 16 who have been looked after for at least 2.5 years have been in their current placement for at least 2 years at {period_end}.{verdict}'),
    ('CIC_STABILITY_SHORT', '{display} of our children in care at {period_end} have had 3 or more placements within the previous 12 months.{verdict}'),
    ('RHI_72H', '{in_period}, {display} of return home interviews (excluding children from other authorities) were offered within 72 hours.{verdict}'),
    ('RHI_ENGAGED', '{in_period}, {display} of the return home interviews offered had the child''s engagement.{verdict}'),
    ('CL_ACCOM_19_21', '{display} of our care leavers aged 19-21 were in suitable accommodation at {period_end}.{verdict}'),
    ('CL_ACCOM_22_25', '{display} of our care leavers aged 22-25 were in suitable accommodation at {period_end}.{verdict}'),
    ('CL_NEET_19_21', '{display} of our care leavers aged 19-21 were not in education, employment or training at {period_end}.{verdict}'),
    ('CL_NEET_22_25', '{display} of our care leavers aged 22-25 were not in education, employment or training at {period_end}.{verdict}'),
    ('CL_EDUCATION_19_21', '{display} of the young people aged 19-21 were engaging in education (including studies beyond A level) at {period_end}.{verdict}'),
    ('CL_EDUCATION_22_25', '{display} of the young people aged 22-25 were engaging in education (including studies beyond A level) at {period_end}.{verdict}'),
    ('CL_TRAINING_EMPLOYMENT_19_21', '{display} of the young people aged 19-21 were in training or employment (including apprenticeships) at {period_end}.{verdict}'),
    ('CL_TRAINING_EMPLOYMENT_22_25', '{display} of the young people aged 22-25 were in training or employment (including apprenticeships) at {period_end}.{verdict}'),
    ('EH_FAMILIES_INTERNAL', 'At {period_end}, there were {value} families with {value:EH_CHILDREN_INTERNAL} children open to the council''s own family support team.{verdict}'),
    ('EH_CHILDREN_INTERNAL', '{value} children were open to the council''s own family support team at {period_end}.{verdict}'),
    ('EH_FAMILIES_EXTERNAL', 'A further {value} families with {value:EH_CHILDREN_EXTERNAL} children were open to an external agency supporting the families at {period_end}.{verdict}'),
    ('EH_CHILDREN_EXTERNAL', '{value} children were open to an external agency supporting their families at {period_end}.{verdict}')
  ) AS t(code, sentence)
 WHERE t.code = indicator.code;
ALTER TABLE cspi.indicator ALTER COLUMN sentence SET NOT NULL;

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
-- Deploying the indicators over a council's source schema
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.contract_accepts(kind text, found regtype) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH RECURSIVE base(t, depth) AS (
        SELECT found::oid, 0
        UNION ALL
        SELECT ty.typbasetype, base.depth + 1
          FROM base JOIN pg_catalog.pg_type ty ON ty.oid = base.t
         WHERE ty.typtype = 'd' AND base.depth < 10
    ), b AS (
        SELECT t FROM base ORDER BY depth DESC LIMIT 1
    )
    SELECT CASE kind
        WHEN 'id' THEN EXISTS (SELECT 1 FROM pg_catalog.pg_operator o, b
                                WHERE o.oprname = '=' AND o.oprleft = b.t AND o.oprright = b.t
                                  AND o.oprresult = 'pg_catalog.bool'::pg_catalog.regtype)
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
COMMENT ON FUNCTION cspi.contract_accepts(text, regtype) IS
'Whether a column of type found is usable where the data contract asks for kind (see cspi.contract_column).';

CREATE OR REPLACE FUNCTION cspi.contract_expression(kind text, found regtype, column_name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE kind
        WHEN 'id' THEN format('(%I)::text', column_name)
        WHEN 'date' THEN CASE found
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I AT TIME ZONE ''Europe/London'')::date', column_name)
            ELSE format('(%I)::date', column_name) END
        WHEN 'timestamp' THEN CASE found
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I)::timestamptz', column_name)
            ELSE format('(%I)::timestamp', column_name) END
        WHEN 'flag' THEN format('coalesce((%I)::boolean, false)', column_name)
        WHEN 'boolean' THEN format('(%I)::boolean', column_name)
        WHEN 'code' THEN format('upper(btrim((%I)::text))', column_name)
        WHEN 'numeric' THEN format('(%I)::numeric', column_name)
        WHEN 'integer' THEN format('(%I)::bigint', column_name)
        END;
COMMENT ON FUNCTION cspi.contract_expression(text, regtype, text) IS
'The SQL expression that reads a source column of type found as the contract''s kind: ids as text, dates of a timestamptz in Europe/London, timestamps kept as the source has them (a timestamptz as a real instant, so that elapsed hours are real hours across a clock change; a timestamp as wall-clock time), NULL flags as false, codes upper-cased and trimmed.';

CREATE OR REPLACE FUNCTION cspi.deploy(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales')
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
BEGIN
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
        IF NOT pg_has_role(current_user, (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = report_schema), 'USAGE') THEN
            RAISE EXCEPTION 'schema "%" belongs to role %, not to %', report_schema,
                            (SELECT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = report_schema), current_user
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Deploy into a schema you own, or as its owner.';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = deploy.report_schema)
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
        SELECT k.oid INTO relid
          FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
         WHERE n.nspname = source_schema AND k.relname = rel.relation
           AND k.relkind IN ('r', 'v', 'm', 'f', 'p');
        IF relid IS NULL THEN
            CONTINUE;
        END IF;
        present := present || rel.relation;
        FOR col IN SELECT c.column_name, c.kind FROM cspi.contract_column c
                    WHERE c.relation = rel.relation ORDER BY c.position LOOP
            SELECT a.atttypid::regtype INTO found_type
              FROM pg_attribute a
             WHERE a.attrelid = relid AND a.attname = col.column_name AND a.attnum > 0 AND NOT a.attisdropped;
            IF found_type IS NULL THEN
                problems := problems || format('%s.%s: missing (expected %s)', rel.relation, col.column_name, col.kind);
            ELSIF NOT cspi.contract_accepts(col.kind, found_type) THEN
                problems := problems || format('%s.%s: found %s, expected %s', rel.relation, col.column_name,
                                               format_type(found_type, NULL), col.kind);
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
    internal := 'cspi_internal_' || nextval('cspi.deployment_generation_seq');
    EXECUTE format('CREATE SCHEMA %I', internal);
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', internal,
                   format('The materialized views of report schema %s, and the views they are computed from (cspi.deploy). Read the report schema, not this one.',
                          report_schema));
    PERFORM cspi.build_report_objects(source_schema, internal, internal, calendar, present, '{}');

    -- The switch, which readers wait for: the published views of the report
    -- schema over the new generation, then the previous generation dropped.
    PERFORM cspi.lock_published_views(report_schema);
    PERFORM cspi.build_report_objects(source_schema, report_schema, internal, calendar, present,
                                      ARRAY[report_schema, internal]);
    INSERT INTO cspi.deployment AS d (report_schema, source_schema, calendar, internal_schema, cspi_version,
                                      deployed_at, deployed_by, refreshed_at)
    VALUES (report_schema, source_schema, calendar, internal,
            (SELECT extversion FROM pg_extension WHERE extname = 'cspi'), now(), current_user, NULL)
    ON CONFLICT ON CONSTRAINT deployment_pkey DO UPDATE
       SET source_schema = EXCLUDED.source_schema, calendar = EXCLUDED.calendar,
           internal_schema = EXCLUDED.internal_schema, cspi_version = EXCLUDED.cspi_version,
           deployed_at = EXCLUDED.deployed_at, deployed_by = EXCLUDED.deployed_by, refreshed_at = NULL;
    IF previous.internal_schema IS NOT NULL AND previous.internal_schema <> internal THEN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', previous.internal_schema);
    END IF;

    RETURN QUERY EXECUTE format('SELECT a.indicator, a.available, a.missing_relations
                                   FROM %I.indicator_availability a
                                   JOIN cspi.indicator i ON i.code = a.indicator
                                  ORDER BY i.display_order', report_schema);
END
$fn$;
COMMENT ON FUNCTION cspi.deploy(name, name, text) IS
'Checks the source schema against the data contract (listing every problem at once) and creates or replaces the report objects in report_schema: the drill-down views, data_quality, period and indicator_value (materialized in an internal schema), deployment and indicator_availability. A new deploy is built beside the old one and switched to at the end, so readers are blocked only for that moment, and views that councils made over the published objects are kept. Records the deployment in cspi.deployment. An absent source relation makes the indicators that need it unavailable. Returns each indicator and whether it is available.';

-- Take the switch's locks on the published views of report_schema without
-- ever waiting while holding some: each attempt locks them all (each with a
-- no-op ALTER VIEW, which locks the view alone; LOCK TABLE would lock the
-- sources behind it too) under a short lock_timeout, and a busy view makes
-- it give all back and try again a moment later.  A reader that holds one
-- view and goes on to read another therefore never deadlocks with a deploy;
-- the deploy waits until no reader is in the middle of a statement over
-- them.  indicator_value and period come first: readers read them first.
CREATE FUNCTION cspi.lock_published_views(report_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    v record;
    callers_timeout text := current_setting('lock_timeout');
BEGIN
    FOR attempt IN 1 .. 6000 LOOP
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
            PERFORM pg_sleep(0.01 + random() * 0.05);
        END;
    END LOOP;
    RAISE EXCEPTION 'could not lock the views of report schema "%": readers kept them busy for ten minutes', report_schema
        USING ERRCODE = 'lock_not_available',
              HINT = 'Deploy again when fewer readers are busy.';
END
$fn$;
COMMENT ON FUNCTION cspi.lock_published_views(name) IS
'Locks the published views of a report schema for deploy''s switch, giving every lock back and trying again while any is busy, so that readers never deadlock with a deploy (called by deploy).';

CREATE FUNCTION cspi.redeploy(report_schema name)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
    owner oid;
    callers_role text;
BEGIN
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = redeploy.report_schema;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report schema "%" is not in the deployment registry', report_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'Deploy it with cspi.deploy(source_schema, report_schema, calendar); cspi.deployment lists the deployed schemas.';
    END IF;
    SELECT n.nspowner INTO owner FROM pg_namespace n WHERE n.nspname = report_schema;
    IF owner IS NULL THEN
        RAISE EXCEPTION 'report schema "%" does not exist', report_schema
            USING ERRCODE = 'invalid_schema_name';
    END IF;
    IF NOT pg_has_role(current_user, owner, 'MEMBER') THEN
        RAISE EXCEPTION 'schema "%" belongs to role %, not to %', report_schema, pg_get_userbyid(owner), current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Redeploy as its owner, or as a member of that role.';
    END IF;
    -- Deploy as the schema's owner: the objects stay the owner's (so the
    -- owner can go on refreshing them), and what the registry row names
    -- (which the owner may change) runs with the owner's rights only.
    callers_role := current_setting('role');
    PERFORM set_config('role', pg_get_userbyid(owner), true);
    RETURN QUERY SELECT * FROM cspi.deploy(d.source_schema, d.report_schema, d.calendar);
    PERFORM set_config('role', callers_role, true);
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy(name) IS
'Deploys report_schema again, as the schema''s owner, from the source schema and calendar it was deployed with (cspi.deployment), with the installed version of cspi: run it after ALTER EXTENSION cspi UPDATE. Views that councils made over the published objects are kept.';

CREATE FUNCTION cspi.redeploy()
    RETURNS TABLE (report_schema name, cspi_version_before text, indicators_available bigint)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
BEGIN
    -- The schemas the caller may redeploy: those owned by a role it is a
    -- member of (every one, for a superuser).
    FOR d IN SELECT r.* FROM cspi.deployment r JOIN pg_namespace n ON n.nspname = r.report_schema
              WHERE pg_has_role(current_user, n.nspowner, 'MEMBER')
              ORDER BY 1 LOOP
        report_schema := d.report_schema;
        cspi_version_before := d.cspi_version;
        SELECT count(*) FILTER (WHERE r.available) INTO indicators_available FROM cspi.redeploy(d.report_schema) r;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy() IS
'Redeploys every report schema of the deployment registry (cspi.deployment) that the caller may act for (owned by a role it is a member of; all for a superuser), each as its owner, and returns each, the version of cspi that had deployed it and its available indicators.';

CREATE FUNCTION cspi.check_deployment(report_schema name) RETURNS void
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
BEGIN
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = refresh.report_schema;
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Run cspi.deploy(source_schema, report_schema) first.';
    END IF;
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
    UPDATE cspi.deployment r SET refreshed_at = now() WHERE r.report_schema = refresh.report_schema;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh(name) IS
'Refreshes the report schema''s own materialized views (period, then indicator_value) concurrently, so readers are not blocked, and records the time in cspi.deployment.refreshed_at. Touches nothing else in the schema.';

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
COMMENT ON TABLE cspi.report_object IS
'Every object cspi.deploy() creates in a report schema besides the src_ views, in build order: its kind, its family of indicators, its query and its comment. In a definition, @R@ stands for the schema it is built in and @CAL@ for the calendar (a literal); indicator_value''s @MEASURES@ is made from cspi.indicator_measure.';
COMMENT ON COLUMN cspi.report_object.name IS 'The object''s name in the report schema.';
COMMENT ON COLUMN cspi.report_object.kind IS 'view, or materialized view (built in the internal schema and published as a view over it).';
COMMENT ON COLUMN cspi.report_object.build_order IS 'Objects are built in this order: an object may use those before it.';
COMMENT ON COLUMN cspi.report_object.family IS 'The family of indicators it serves (the engine_*.sql file that defines it).';
COMMENT ON COLUMN cspi.report_object.unique_key IS 'Materialized views: the columns of their unique index, which REFRESH ... CONCURRENTLY needs.';
COMMENT ON COLUMN cspi.report_object.definition IS 'The query, with @R@ and @CAL@ (and @MEASURES@) placeholders, filled once, in one pass.';
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
    refreshed_at    timestamptz
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

-- Placeholders filled once, in one pass: a value is never scanned again, so
-- a schema or calendar name containing "@R@" cannot expand twice.
CREATE FUNCTION cspi.fill_template(template text, names text[], fill text[]) RETURNS text
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
COMMENT ON FUNCTION cspi.fill_template(text, text[], text[]) IS
'Replaces each @NAME@ of template by the value of that name, in one pass (a value is never scanned again); an unknown placeholder is an error.';

-- One measure's part of a counting query: its aggregates (n<k> counts the
-- numerator rows, d<k> the denominator rows, distinct or not) and its row
-- of the VALUES list that turns them into (indicator, num, den).
CREATE FUNCTION cspi.measure_columns(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('count(%1$s) FILTER (WHERE %2$s) AS n%3$s', coalesce('DISTINCT ' || m.count_distinct, '*'),
                  m.numerator, k)
           || CASE WHEN m.denominator IS NOT NULL
                   THEN format(', count(%1$s) FILTER (WHERE %2$s) AS d%3$s',
                               coalesce('DISTINCT ' || m.count_distinct, '*'), m.denominator, k)
                   ELSE '' END;
COMMENT ON FUNCTION cspi.measure_columns(cspi.indicator_measure, bigint) IS
'The aggregates of measure m, numbered k, in a counting query of indicator_value (used by measure_queries).';
CREATE FUNCTION cspi.measure_row(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('(%L, g.n%s, %s)', m.indicator, k,
                  CASE WHEN m.denominator IS NULL THEN 'NULL::bigint' ELSE 'g.d' || k END);
COMMENT ON FUNCTION cspi.measure_row(cspi.indicator_measure, bigint) IS
'The (indicator, num, den) row of measure m, numbered k, in a counting query of indicator_value (used by measure_queries).';

-- The counting queries of indicator_value, made from cspi.indicator_measure:
-- event measures that can be added up month by month are counted per month
-- in one scan of their relation and rolled up into quarters and years;
-- distinct counts, and numerators that compare with period_end, are counted
-- per period; snapshots per month end.  Returns a UNION ALL of
-- (indicator, period_type, period, num, den) and (indicator, period_end,
-- num, den) parts for schema (an identifier, quoted).
CREATE FUNCTION cspi.measure_queries(schema text, OUT events text, OUT snapshots text)
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
               string_agg(cspi.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
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
               string_agg(cspi.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
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
                                              cspi.fill_template(m.query, ARRAY['R'], ARRAY[schema]))
                                       ORDER BY m.indicator), '{}')
      INTO parts
      FROM cspi.indicator_measure m WHERE m.kind = 'query';

    -- Snapshots at each month end.
    FOR g IN
        SELECT m.relation, m.row_filter,
               string_agg(cspi.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
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
COMMENT ON FUNCTION cspi.measure_queries(text) IS
'The counting queries of indicator_value made from cspi.indicator_measure, for the report objects in schema (a quoted identifier): events (indicator, period_type, period, num, den) and snapshots (indicator, period_end, num, den), each a UNION ALL.';

-- Views (and materialized views) that depend on relid, outside cspi's own
-- report objects, in an order that recreates them: a council's own views
-- over a published object, with their owners, grants and comments.
CREATE FUNCTION cspi.dependent_views(relid regclass, skip_schemas name[])
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
COMMENT ON FUNCTION cspi.dependent_views(regclass, name[]) IS
'The views and materialized views that depend on relid, directly or through others, but for cspi''s own objects in the schemas skipped (everything in an internal schema; in a report schema, the objects cspi names), with their depth (recreate them by increasing depth).';

CREATE FUNCTION cspi.view_statements(view_oid oid) RETURNS text[]
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
COMMENT ON FUNCTION cspi.view_statements(oid) IS
'The statements that create a view (or materialized view) again as it is: its definition, owner, comment, grants and (materialized views) indexes.';

CREATE FUNCTION cspi.recreate_statements(relid regclass, skip_schemas name[]) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT coalesce(array_agg(u.stmt ORDER BY d.depth, d.view_oid, u.n), '{}')
      FROM cspi.dependent_views(relid, skip_schemas) d
      CROSS JOIN LATERAL unnest(cspi.view_statements(d.view_oid)) WITH ORDINALITY AS u(stmt, n)
$fn$;
COMMENT ON FUNCTION cspi.recreate_statements(regclass, name[]) IS
'The statements that recreate the views depending on relid (see cspi.dependent_views), with their owners, comments, grants and (materialized views) indexes, in order.';

-- Make schema.name the view query, keeping what depends on it: in place
-- (CREATE OR REPLACE VIEW) when its columns allow it; otherwise (another
-- kind of relation, as cspi 1.0 made, or columns that changed) the views
-- that depend on it are recreated after it.
CREATE FUNCTION cspi.publish_view(schema name, name text, query text, invoker boolean, skip_schemas name[])
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
    saved := cspi.recreate_statements(relid, skip_schemas);
    EXECUTE format('DROP %s %I.%I CASCADE',
                   CASE kind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   schema, name);
    EXECUTE format('CREATE VIEW %I.%I%s AS %s', schema, name, options, query);
    RETURN saved;
END
$fn$;
COMMENT ON FUNCTION cspi.publish_view(name, text, text, boolean, name[]) IS
'Creates or replaces the published view schema.name. When it cannot be replaced in place, returns the statements that recreate the views depending on it (with their grants and comments), to run once the whole report is rebuilt (called by deploy).';

-- Build every report object in schema (src_ views, tables and the objects
-- of cspi.report_object).  internal: materialized views are built here (the
-- internal schema); otherwise they are published as views over internal.
CREATE FUNCTION cspi.build_report_objects(source_schema name, schema name, internal name,
                                          calendar text, present text[], skip_schemas name[])
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
            SELECT string_agg(cspi.contract_expression(c.kind, a.atttypid::regtype, c.column_name)
                              || ' AS ' || quote_ident(c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c
              JOIN pg_attribute a ON a.attname = c.column_name AND a.attnum > 0 AND NOT a.attisdropped
              JOIN pg_class k ON k.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = k.relnamespace
             WHERE c.relation = rel.relation AND k.relname = rel.relation AND n.nspname = source_schema;
            query := format('SELECT %s FROM %I.%I', select_list, source_schema, rel.relation);
        ELSE
            SELECT string_agg(format('NULL::%s AS %I',
                                     CASE c.kind WHEN 'id' THEN 'text' WHEN 'date' THEN 'date'
                                                 WHEN 'timestamp' THEN 'timestamp' WHEN 'flag' THEN 'boolean'
                                                 WHEN 'boolean' THEN 'boolean' WHEN 'code' THEN 'text'
                                                 WHEN 'numeric' THEN 'numeric' ELSE 'bigint' END,
                                     c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c WHERE c.relation = rel.relation;
            query := format('SELECT %s WHERE false', select_list);
        END IF;
        pending := pending || cspi.publish_view(schema, 'src_' || rel.relation, query, true, skip_schemas);
        EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, 'src_' || rel.relation,
                       CASE WHEN rel.relation = ANY (present)
                            THEN format('%I.%I read as the data contract says (ids as text, codes upper-case, NULL flags false).',
                                        source_schema, rel.relation)
                            ELSE format('Empty: the source schema %I has no relation %I.', source_schema, rel.relation) END);
    END LOOP;

    -- What was deployed, and which indicators it can compute: tables in the
    -- internal schema, published as views.
    IF building_internal THEN
        EXECUTE format('CREATE TABLE %I.deployment AS SELECT %L::name AS source_schema, %L::text AS calendar,
                               %L::text[] AS present_relations, now() AS deployed_at,
                               (SELECT extversion FROM pg_extension WHERE extname = ''cspi'') AS cspi_version',
                       schema, source_schema, calendar, present);
        EXECUTE format('CREATE TABLE %I.indicator_availability AS
                        SELECT i.code AS indicator, m.missing = ''{}'' AS available, m.missing AS missing_relations
                          FROM cspi.indicator i
                          CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), ''{}'') AS missing
                                                FROM unnest(i.requires) AS x WHERE NOT x = ANY (%L::text[])) m',
                       schema, present);
    ELSE
        pending := pending || cspi.publish_view(schema, 'deployment', format('SELECT * FROM %I.deployment', internal), false, skip_schemas);
        pending := pending || cspi.publish_view(schema, 'indicator_availability',
                                  format('SELECT * FROM %I.indicator_availability', internal), false, skip_schemas);
    END IF;
    EXECUTE format('COMMENT ON %s %I.deployment IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'What cspi.deploy() made this schema from: the source schema, the calendar and the relations it found.');
    EXECUTE format('COMMENT ON %s %I.indicator_availability IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'Each indicator of the catalogue and whether the source has the relations it needs.');

    -- The report objects, in build order.
    SELECT * INTO measures FROM cspi.measure_queries(quote_ident(schema));
    FOR o IN SELECT * FROM cspi.report_object ORDER BY build_order LOOP
        query := cspi.fill_template(o.definition, ARRAY['R', 'CAL', 'EVENTS', 'SNAPSHOTS'],
                                    ARRAY[quote_ident(schema), quote_literal(calendar),
                                          measures.events, measures.snapshots]);
        BEGIN
            IF o.kind = 'view' THEN
                pending := pending || cspi.publish_view(schema, o.name, query, true, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSIF building_internal THEN
                EXECUTE format('CREATE MATERIALIZED VIEW %I.%I AS %s', schema, o.name, query);
                EXECUTE format('CREATE UNIQUE INDEX ON %I.%I (%s)', schema, o.name, o.unique_key);
                EXECUTE format('COMMENT ON MATERIALIZED VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSE
                pending := pending || cspi.publish_view(schema, o.name, format('SELECT * FROM %I.%I', internal, o.name),
                                          false, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            END IF;
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
COMMENT ON FUNCTION cspi.build_report_objects(name, name, name, text, text[], name[]) IS
'Builds the report objects in schema: in the internal schema with materialized views, in the report schema as published views (called by deploy).';

-- The cases behind a figure: one row per case counted, from the measure's
-- drill-down, so that count(*) is the figure's denominator (or, for counts
-- and rates, its numerator) and count(*) FILTER (WHERE in_numerator) its
-- numerator.
CREATE FUNCTION cspi.cases(indicator text, period text, report_schema name DEFAULT 'cspi_report')
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
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Run cspi.deploy(source_schema, report_schema) first.';
    END IF;
    IF m.kind = 'query' THEN
        RETURN QUERY EXECUTE cspi.fill_template(m.cases_query, ARRAY['R'], ARRAY[r])
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
$def$);

--------------------------------------------------------------------------
-- Report objects and measures: the front door
--------------------------------------------------------------------------
-- Referrals and assessments: their drill-down views and what REF_*, REREFERRAL_*
-- and CFA_* count.

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
$def$);

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
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('REF_1WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'within_1wd', 'true'),
    ('REF_OVER_3WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'over_3wd', 'true'),
    ('REREFERRAL_12M', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'rereferral_12m', 'true'),
    ('REREFERRAL_CHILDREN', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'child_id', 'true', NULL),
    ('REREFERRAL_FAMILIES', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'family_id', 'true', NULL),
    ('CFA_COMPLETED', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'true', NULL),
    ('CFA_45WD', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'within_45wd', 'true');

--------------------------------------------------------------------------
-- Report objects and measures: child protection
--------------------------------------------------------------------------
-- Section 47 enquiries, plans, reviews and visits: their drill-down views and
-- what ICPC_15WD and CP_* count.

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
$def$);

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
$def$);

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
$def$);

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
$def$);

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
$def$);

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
    ('CP_ALLOCATED_QSW', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'allocated_qsw', 'true');

--------------------------------------------------------------------------
-- Report objects and measures: children in care
--------------------------------------------------------------------------
-- Episodes, periods of care, placements, reviews, visits, health and missing
-- episodes: their drill-down views and what CIC_* and RHI_* count.  Two
-- measures are hand-written queries: a child's first period of care that
-- starts in a period decides CIC_STARTED_UASC and CIC_STARTED_BEFORE.

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
$def$);

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
$def$);

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
$def$);

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
$def$);

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
$def$);

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
$def$);

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
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('health_review_due', 'view', 125, 'children_in_care', NULL,
'Each review health assessment with its due date and the date it was done, if it was (CIC_RHA_DONE: due in the period, done by its end).',
$def$
SELECT h.child_id, h.due_date, h.completed_date
  FROM @R@.src_health_assessment h
 WHERE h.kind = 'REVIEW' AND h.due_date IS NOT NULL
$def$);

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
    ('CIC_STABILITY_SHORT', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'three_or_more_placements', 'true');

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
$q$);

--------------------------------------------------------------------------
-- Report objects and measures: care leavers
--------------------------------------------------------------------------
-- Care leavers at each month end and what CL_* count, per age band.

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
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CL_ACCOM_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''training_employment''', 'true'),
    ('CL_ACCOM_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''training_employment''', 'true');

--------------------------------------------------------------------------
-- Report objects and measures: early help
--------------------------------------------------------------------------
-- Family support open at each month end and what EH_* count.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('family_support_at_period_end', 'view', 170, 'early_help', NULL,
'Family support open at each month end (EH_*).',
$def$
SELECT e.period_end, f.provider, f.case_id, f.family_id, f.child_id, f.start_date, f.end_date
  FROM (SELECT period_end FROM @R@.period WHERE period_type = 'month') e
  JOIN @R@.src_family_support f
    ON f.start_date <= e.period_end AND (f.end_date IS NULL OR f.end_date > e.period_end)
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('EH_FAMILIES_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'child_id', 'true', NULL),
    ('EH_FAMILIES_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'child_id', 'true', NULL);

--------------------------------------------------------------------------
-- Report objects: data quality
--------------------------------------------------------------------------
-- The source rows that break the data contract or its logic.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('data_quality', 'view', 180, 'data_quality', NULL,
'Source rows that break the data contract or its logic, each with its relation, row id and the problem; none is dropped silently.',
$def$
WITH cal AS (
    SELECT lower(r) AS lo, upper(r) - 1 AS hi FROM cspi.calendar_range(@CAL@) AS r
), has_child AS (
    SELECT 'child' = ANY (present_relations) AS yes FROM @R@.deployment
), known_child AS (
    SELECT DISTINCT child_id FROM @R@.src_child
), child_refs(relation, row_id, child_id) AS (
    SELECT 'referral', referral_id, child_id FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, child_id FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, child_id FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'cp_plan', plan_id, child_id FROM @R@.src_cp_plan
    UNION ALL SELECT 'cla_episode', episode_id, child_id FROM @R@.src_cla_episode
    UNION ALL SELECT 'cla_review', review_id, child_id FROM @R@.src_cla_review
    UNION ALL SELECT 'visit', visit_id, child_id FROM @R@.src_visit
    UNION ALL SELECT 'allocation', child_id || ' from ' || coalesce(start_date::text, '?'), child_id FROM @R@.src_allocation
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), child_id FROM @R@.src_health_assessment
    UNION ALL SELECT 'missing_episode', episode_id, child_id FROM @R@.src_missing_episode
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || coalesce(as_at::text, '?'), child_id FROM @R@.src_care_leaver
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, child_id FROM @R@.src_family_support
), working_day_dates(relation, row_id, d) AS (
    SELECT 'referral', referral_id, referral_date FROM @R@.src_referral WHERE completed_date IS NOT NULL
    UNION ALL SELECT 'referral', referral_id, completed_date FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, start_date FROM @R@.src_assessment WHERE authorised_date IS NOT NULL
    UNION ALL SELECT 'assessment', assessment_id, authorised_date FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, strategy_date FROM @R@.src_s47_enquiry WHERE icpc_date IS NOT NULL
    UNION ALL SELECT 's47_enquiry', s47_id, icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'visit', visit_id, visit_date FROM @R@.src_visit WHERE visit_type = 'CP'
    UNION ALL SELECT 'cla_review', review_id, review_date FROM @R@.src_cla_review
), event_dates(relation, row_id, column_name, d) AS (
    -- the dates that place a row in a period (end dates of spells read as
    -- open when after the report's years, so they are not here)
    SELECT 'referral', coalesce(referral_id, '(no id)'), 'referral_date', referral_date FROM @R@.src_referral
    UNION ALL SELECT 'referral', coalesce(referral_id, '(no id)'), 'completed_date', completed_date FROM @R@.src_referral
    UNION ALL SELECT 'assessment', coalesce(assessment_id, '(no id)'), 'start_date', start_date FROM @R@.src_assessment
    UNION ALL SELECT 'assessment', coalesce(assessment_id, '(no id)'), 'authorised_date', authorised_date FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', coalesce(s47_id, '(no id)'), 'strategy_date', strategy_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 's47_enquiry', coalesce(s47_id, '(no id)'), 'icpc_date', icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'cp_plan', coalesce(plan_id, '(no id)'), 'start_date', start_date FROM @R@.src_cp_plan
    UNION ALL SELECT 'cp_review', coalesce(review_id, '(no id)'), 'review_date', review_date FROM @R@.src_cp_review
    UNION ALL SELECT 'cla_episode', coalesce(episode_id, '(no id)'), 'start_date', start_date FROM @R@.src_cla_episode
    UNION ALL SELECT 'cla_review', coalesce(review_id, '(no id)'), 'review_date', review_date FROM @R@.src_cla_review
    UNION ALL SELECT 'visit', coalesce(visit_id, '(no id)'), 'visit_date', visit_date FROM @R@.src_visit
    UNION ALL SELECT 'health_assessment', coalesce(child_id, '?') || ' due ' || coalesce(due_date::text, '?'), 'completed_date', completed_date FROM @R@.src_health_assessment
    UNION ALL SELECT 'missing_episode', coalesce(episode_id, '(no id)'), 'returned_at', cspi.local_date(returned_at) FROM @R@.src_missing_episode
    UNION ALL SELECT 'care_leaver', coalesce(child_id, '?') || ' at ' || coalesce(as_at::text, '?'), 'as_at', as_at FROM @R@.src_care_leaver
    UNION ALL SELECT 'family_support', coalesce(case_id, '?') || '/' || coalesce(child_id, '?'), 'start_date', start_date FROM @R@.src_family_support
), end_dates(relation, row_id, column_name, d) AS (
    SELECT 'cp_plan', coalesce(plan_id, '(no id)'), 'end_date', end_date FROM @R@.src_cp_plan
    UNION ALL SELECT 'cla_episode', coalesce(episode_id, '(no id)'), 'end_date', end_date FROM @R@.src_cla_episode
    UNION ALL SELECT 'allocation', coalesce(child_id, '?') || ' from ' || coalesce(start_date::text, '?'), 'end_date', end_date FROM @R@.src_allocation
    UNION ALL SELECT 'family_support', coalesce(case_id, '?') || '/' || coalesce(child_id, '?'), 'end_date', end_date FROM @R@.src_family_support
), problems(relation, row_id, problem) AS (
    -- duplicate keys
    SELECT 'child', child_id, 'duplicate child_id' FROM @R@.src_child GROUP BY child_id HAVING count(*) > 1
    UNION ALL SELECT 'population', year::text, 'duplicate year' FROM @R@.src_population GROUP BY year HAVING count(*) > 1
    UNION ALL SELECT 'referral', referral_id, 'duplicate referral_id' FROM @R@.src_referral GROUP BY referral_id HAVING count(*) > 1
    UNION ALL SELECT 'assessment', assessment_id, 'duplicate assessment_id' FROM @R@.src_assessment GROUP BY assessment_id HAVING count(*) > 1
    UNION ALL SELECT 's47_enquiry', s47_id, 'duplicate s47_id' FROM @R@.src_s47_enquiry GROUP BY s47_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_plan', plan_id, 'duplicate plan_id' FROM @R@.src_cp_plan GROUP BY plan_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_review', review_id, 'duplicate review_id' FROM @R@.src_cp_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_episode', episode_id, 'duplicate episode_id' FROM @R@.src_cla_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_review', review_id, 'duplicate review_id' FROM @R@.src_cla_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'visit', visit_id, 'duplicate visit_id' FROM @R@.src_visit GROUP BY visit_id HAVING count(*) > 1
    UNION ALL SELECT 'missing_episode', episode_id, 'duplicate episode_id' FROM @R@.src_missing_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'duplicate (child_id, as_at)' FROM @R@.src_care_leaver GROUP BY child_id, as_at HAVING count(*) > 1
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'duplicate (case_id, child_id)' FROM @R@.src_family_support GROUP BY case_id, child_id HAVING count(*) > 1
    -- missing ids: the row is still counted, under a number of its own
    UNION ALL SELECT 'child', format('born %s, family %s', coalesce(date_of_birth::text, '?'), coalesce(family_id, '?')), 'child_id is missing' FROM @R@.src_child WHERE child_id IS NULL
    UNION ALL SELECT 'referral', format('child %s received %s', coalesce(child_id, '?'), coalesce(referral_date::text, '?')), 'referral_id is missing (counted all the same)' FROM @R@.src_referral WHERE referral_id IS NULL
    UNION ALL SELECT 'assessment', format('child %s started %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'assessment_id is missing (counted all the same)' FROM @R@.src_assessment WHERE assessment_id IS NULL
    UNION ALL SELECT 's47_enquiry', format('child %s strategy %s', coalesce(child_id, '?'), coalesce(strategy_date::text, '?')), 's47_id is missing (counted all the same)' FROM @R@.src_s47_enquiry WHERE s47_id IS NULL
    UNION ALL SELECT 'cp_plan', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'plan_id is missing (counted all the same)' FROM @R@.src_cp_plan WHERE plan_id IS NULL
    UNION ALL SELECT 'cp_review', format('plan %s on %s', coalesce(plan_id, '?'), coalesce(review_date::text, '?')), 'review_id is missing (counted all the same)' FROM @R@.src_cp_review WHERE review_id IS NULL
    UNION ALL SELECT 'cla_episode', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'episode_id is missing (counted all the same)' FROM @R@.src_cla_episode WHERE episode_id IS NULL
    UNION ALL SELECT 'cla_review', format('child %s on %s', coalesce(child_id, '?'), coalesce(review_date::text, '?')), 'review_id is missing (counted all the same)' FROM @R@.src_cla_review WHERE review_id IS NULL
    UNION ALL SELECT 'visit', format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?')), 'visit_id is missing (counted all the same)' FROM @R@.src_visit WHERE visit_id IS NULL
    UNION ALL SELECT 'missing_episode', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_at::text, '?')), 'episode_id is missing (counted all the same)' FROM @R@.src_missing_episode WHERE episode_id IS NULL
    -- dates outside the report's years: never placed in a period
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is outside the years a report covers (%s to %s): not counted',
                            e.column_name, e.d, cspi.report_first_day(), cspi.report_last_day())
      FROM event_dates e WHERE e.d IS NOT NULL AND NOT cspi.in_report_years(e.d)
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is before the years a report covers (from %s)', e.column_name, e.d, cspi.report_first_day())
      FROM end_dates e WHERE e.d < cspi.report_first_day()
    -- population rows that cannot give a rate
    UNION ALL SELECT 'population', coalesce(year::text, '?'), 'not a positive number of children in a year from 1 to 9999: not used'
      FROM @R@.src_population WHERE NOT coalesce(year BETWEEN 1 AND 9999 AND children > 0, false)
    -- missing dates an indicator needs
    UNION ALL SELECT 'referral', referral_id, 'referral_date is missing' FROM @R@.src_referral WHERE referral_date IS NULL
    UNION ALL SELECT 'assessment', assessment_id, 'start_date is missing' FROM @R@.src_assessment WHERE start_date IS NULL
    UNION ALL SELECT 's47_enquiry', s47_id, 'strategy_date is missing' FROM @R@.src_s47_enquiry WHERE strategy_date IS NULL
    UNION ALL SELECT 'cp_plan', plan_id, 'start_date is missing' FROM @R@.src_cp_plan WHERE start_date IS NULL
    UNION ALL SELECT 'cla_episode', episode_id, 'start_date is missing' FROM @R@.src_cla_episode WHERE start_date IS NULL
    UNION ALL SELECT 'cp_review', review_id, 'review_date is missing' FROM @R@.src_cp_review WHERE review_date IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'review_date is missing' FROM @R@.src_cla_review WHERE review_date IS NULL
    UNION ALL SELECT 'visit', visit_id, 'visit_date is missing' FROM @R@.src_visit WHERE visit_date IS NULL
    UNION ALL SELECT 'child', child_id, 'date_of_birth is missing' FROM @R@.src_child WHERE date_of_birth IS NULL
    -- an end before its start
    UNION ALL SELECT 'referral', referral_id, 'completed before it was received (negative working days)' FROM @R@.src_referral WHERE completed_date < referral_date
    UNION ALL SELECT 'assessment', assessment_id, 'authorised before it started (negative working days)' FROM @R@.src_assessment WHERE authorised_date < start_date
    UNION ALL SELECT 's47_enquiry', s47_id, 'conference before the strategy discussion (negative working days)' FROM @R@.src_s47_enquiry WHERE icpc_date < strategy_date
    UNION ALL SELECT 'cp_plan', plan_id, 'ends before it starts' FROM @R@.src_cp_plan WHERE end_date < start_date
    UNION ALL SELECT 'cla_episode', episode_id, 'ends before it starts' FROM @R@.src_cla_episode WHERE end_date < start_date
    UNION ALL SELECT 'allocation', child_id || ' from ' || start_date, 'ends before it starts' FROM @R@.src_allocation WHERE end_date < start_date
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'ends before it starts' FROM @R@.src_family_support WHERE end_date < start_date
    UNION ALL SELECT 'missing_episode', episode_id, 'returned before going missing' FROM @R@.src_missing_episode WHERE returned_at < start_at
    UNION ALL SELECT 'missing_episode', episode_id, 'engaged with a return home interview that was never offered (not counted as engaged)' FROM @R@.src_missing_episode WHERE rhi_engaged AND rhi_offered_at IS NULL
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), 'kind is not initial or review' FROM @R@.src_health_assessment WHERE kind IS NULL OR kind NOT IN ('INITIAL', 'REVIEW')
    -- dates the calendar cannot count working days for
    UNION ALL SELECT w.relation, w.row_id, 'date ' || w.d || ' is outside the range of calendar ' || @CAL@ || ': no working days counted'
      FROM working_day_dates w, cal WHERE w.d NOT BETWEEN cal.lo AND cal.hi
    -- children that the child relation does not know
    UNION ALL SELECT r.relation, r.row_id, 'unknown child ' || coalesce(r.child_id, 'NULL')
      FROM child_refs r, has_child
     WHERE has_child.yes
       AND NOT EXISTS (SELECT 1 FROM known_child k WHERE k.child_id = r.child_id)
    -- events with nothing to be timely against
    UNION ALL SELECT 'cp_review', review_id, 'review of an unknown plan: not in timescale' FROM @R@.cp_review_timeliness WHERE child_id IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cp visit with no child protection plan open that day: not in timescale' FROM @R@.cp_visit_timeliness WHERE plan_id IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'looked-after review with no period of care open that day: not in timescale' FROM @R@.cla_review_timeliness WHERE period_of_care IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cic visit with no due date and no placement that day: not in timescale' FROM @R@.cic_visit_timeliness WHERE due_date IS NULL AND placement_number IS NULL
    -- care episodes
    UNION ALL SELECT 'cla_episode', e.episode_id, 'overlaps the child''s previous episode'
      FROM (SELECT episode_id, start_date,
                   max(coalesce(end_date, 'infinity')) OVER (PARTITION BY child_id ORDER BY start_date, episode_id
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
              FROM @R@.src_cla_episode
             WHERE legal_status IS DISTINCT FROM 'V3' AND legal_status IS DISTINCT FROM 'V4') e
     WHERE e.start_date < e.previous_end
    UNION ALL SELECT 'cla_episode', first_episode_id, 'period of care does not begin with reason_new S (counted as a period of care all the same)'
      FROM @R@.cla_period_of_care WHERE NOT coalesce(starts_with_s, false)
    -- codes
    UNION ALL SELECT 'cla_episode', episode_id, 'unknown reason_new ' || coalesce(reason_new, 'NULL') FROM @R@.src_cla_episode WHERE reason_new IS NULL OR reason_new NOT IN ('S', 'L', 'P', 'T', 'B', 'U')
    UNION ALL SELECT 'visit', visit_id, 'unknown visit_type ' || coalesce(visit_type, 'NULL') FROM @R@.src_visit WHERE visit_type IS NULL OR visit_type NOT IN ('CP', 'CIC')
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'unknown provider ' || coalesce(provider, 'NULL') FROM @R@.src_family_support WHERE provider IS NULL OR provider NOT IN ('INTERNAL', 'EXTERNAL')
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'unknown activity ' || activity FROM @R@.src_care_leaver
     WHERE activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                            'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN')
)
SELECT relation, row_id, problem FROM problems
$def$);

--------------------------------------------------------------------------
-- Report objects: indicator_value
--------------------------------------------------------------------------
-- Every indicator for every period, from the measures of cspi.indicator_measure
-- (@EVENTS@ and @SNAPSHOTS@, made by cspi.measure_queries), with the
-- population for rates, targets and status.  Last, a check that every
-- indicator of the catalogue has a measure: a code present in the catalogue
-- but not measured is an error here, at install, never a silent 0.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('indicator_value', 'materialized view', 190, 'indicator_value', 'indicator, period_type, period',
'Every available indicator for every year, quarter and month: numerator, denominator, exact value, value as shown, display text, target and status. Refresh with cspi.refresh().',
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
       CASE WHEN v.target IS NULL OR v.shown IS NULL OR i.polarity IS NULL THEN NULL
            WHEN cspi.target_met(v.shown, v.target, i.polarity) THEN 'met'
            ELSE 'not met' END AS status
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
  CROSS JOIN LATERAL (
      SELECT n.num AS numerator, n.den AS denominator,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN n.num * 100::numeric / n.den END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per(n.num, n.den) END END AS value,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN cspi.percent(cspi.ratio(n.num, n.den), 1) END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den) END END AS shown,
             CASE i.unit
                 WHEN '%' THEN cspi.format_ratio(cspi.ratio(n.num, n.den))
                 WHEN 'count' THEN to_char(n.num, 'FM999,999,999,999,990')
                 ELSE coalesce(CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den)::text END, 'n/a') END AS display,
             cspi.target_for(i.code, p.period) AS target
  ) v
$def$);

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

CREATE OR REPLACE FUNCTION cspi.narrative(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, code text, heading text, sentence text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    card record;
    b record;
    period_end_text text;
    values_by_code jsonb;
    target_text text;
    comparison text;
    verdict text;
    template text;
    txt text;
    placeholder text[];
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    period_end_text := 'the end of ' || to_char(b.period_end, 'FMMonth YYYY');
    SELECT jsonb_object_agg(c.code, cspi.format_number(c.shown, c.unit)) INTO values_by_code
      FROM cspi.scorecard(period, report_schema) c;

    FOR card IN SELECT c.*, coalesce(w.template, i.sentence) AS template
                  FROM cspi.scorecard(period, report_schema) c
                  JOIN cspi.indicator i ON i.code = c.code
                  LEFT JOIN cspi.indicator_wording w ON w.indicator = c.code
                 ORDER BY c.display_order LOOP
        display_order := card.display_order;
        code := card.code;
        IF NOT card.available OR card.shown IS NULL THEN
            heading := 'Where do we need to improve?';
            sentence := format('There is no figure for %s in %s: %s.', lower(left(card.title, 1)) || substr(card.title, 2),
                               cspi.period_name(period), card.reason);
            RETURN NEXT;
            CONTINUE;
        END IF;

        target_text := CASE
            WHEN card.target IS NULL OR card.polarity IS NULL THEN NULL
            WHEN card.polarity = 'higher' AND card.status = 'met' THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.polarity = 'higher' THEN 'does not meet our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.shown < card.target THEN 'is positively below our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.shown = card.target THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            ELSE 'is negatively above our ' || cspi.format_target(card.target, card.unit) || ' target' END;
        comparison := CASE
            WHEN card.change IS NULL THEN NULL
            WHEN card.change = 'no change' THEN 'is the same as the ' || cspi.format_number(card.previous_shown, card.unit)
                                                 || ' in ' || cspi.period_name(card.previous_period)
            ELSE 'is ' || CASE card.change WHEN 'increase' THEN 'an increase' ELSE 'a decrease' END
                 || ' when compared with ' || cspi.format_number(card.previous_shown, card.unit)
                 || ' in ' || cspi.period_name(card.previous_period) END;
        verdict := CASE
            WHEN comparison IS NOT NULL AND target_text IS NOT NULL THEN ' This ' || comparison || ' and ' || target_text || '.'
            WHEN comparison IS NOT NULL THEN ' This ' || comparison || '.'
            WHEN target_text IS NOT NULL THEN ' This ' || target_text || '.'
            ELSE '' END;

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
        -- A sentence starts with a capital letter.
        sentence := upper(left(txt, 1)) || substr(txt, 2);
        heading := CASE WHEN card.status = 'met' OR (card.target IS NULL AND card.change_is = 'better')
                        THEN 'Where are we performing well?'
                        ELSE 'Where do we need to improve?' END;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.narrative(text, name) IS
'The report''s narrative for a period: per indicator, its heading (''Where are we performing well?'' when the target is met, or there is no target and the change is for the better; otherwise ''Where do we need to improve?'') and a sentence from its template (cspi.indicator_wording, else cspi.indicator.sentence).';

CREATE OR REPLACE FUNCTION cspi.html_escape(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN replace(replace(replace(replace(replace(raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION cspi.html_escape(text) IS 'Text made safe to put into HTML.';

CREATE OR REPLACE FUNCTION cspi.trend_svg(points numeric[], target numeric, unit text, labels text[])
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    w constant int := 240;
    h constant int := 60;
    lo numeric;
    hi numeric;
    n int := coalesce(array_length(points, 1), 0);
    path text := '';
    x numeric;
    y numeric;
    ty numeric;
    svg text;
BEGIN
    SELECT min(v), max(v) INTO lo, hi FROM unnest(points || ARRAY[target]) AS v;
    IF n = 0 OR NOT EXISTS (SELECT 1 FROM unnest(points) AS v WHERE v IS NOT NULL) THEN
        RETURN '<span class="nochart">no monthly values</span>';
    END IF;
    IF unit = '%' THEN lo := least(lo, 0); hi := greatest(hi, 100); END IF;
    lo := least(lo, 0);
    IF hi = lo THEN hi := lo + 1; END IF;
    FOR i IN 1..n LOOP
        CONTINUE WHEN points[i] IS NULL;
        x := round(4 + (w - 8) * (i - 1) / greatest(n - 1, 1)::numeric, 1);
        y := round(h - 4 - (h - 8) * (points[i] - lo) / (hi - lo), 1);
        path := path || x || ',' || y || ' ';
    END LOOP;
    svg := format('<svg class="trend" role="img" width="%s" height="%s" viewBox="0 0 %s %s" xmlns="http://www.w3.org/2000/svg">'
                  '<title>%s</title><rect x="0" y="0" width="%s" height="%s" fill="#f7f7f7"/>',
                  w, h, w, h,
                  cspi.html_escape(format('Monthly values %s to %s', labels[1], labels[n])), w, h);
    IF target IS NOT NULL THEN
        ty := round(h - 4 - (h - 8) * (target - lo) / (hi - lo), 1);
        svg := svg || format('<line class="target" x1="0" y1="%s" x2="%s" y2="%s" stroke="#555" stroke-dasharray="4 3"/>', ty, w, ty);
    END IF;
    svg := svg || format('<polyline class="values" points="%s" fill="none" stroke="#1d5fa8" stroke-width="2"/>', rtrim(path));
    RETURN svg || '</svg>';
END
$fn$;
COMMENT ON FUNCTION cspi.trend_svg(numeric[], numeric, text, text[]) IS
'A small inline SVG line chart of monthly values with a dashed target line (used by report_html).';

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
    section_heading text;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    html := '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
         || '<title>' || cspi.html_escape('Performance indicators ' || cspi.period_name(period)) || '</title>'
         || '<style>'
         || 'body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#111;max-width:1200px}'
         || 'h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:2px solid #1d5fa8;padding-bottom:.2em}'
         || 'table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:middle}'
         || 'th{background:#e8eef6;text-align:left}td.num{text-align:right;white-space:nowrap}'
         || '.status-met{background:#dff0d8}.status-not-met{background:#f8d7da}.status-none{background:#f0f0f0}'
         || '.section td{background:#1d5fa8;color:#fff;font-weight:bold}.nochart{color:#777;font-size:.8em}'
         || 'li{margin-bottom:.5em}'
         || '</style></head><body>'
         || '<h1>' || cspi.html_escape('Children''s services performance indicators: ' || cspi.period_name(period)) || '</h1>'
         || '<p class="as-at">' || cspi.html_escape(coalesce(
                'Figures as at ' || to_char((SELECT coalesce(d.refreshed_at, d.deployed_at) FROM cspi.deployment d
                                              WHERE d.report_schema = report_html.report_schema)
                                             AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')
                || ' (the report''s last refresh).', 'The time of the report''s last refresh is not known.')) || '</p>'
         || '<p>' || cspi.html_escape(format('Period %s to %s. Figures from cspi report schema %s.',
                                             to_char(b.period_start, 'FMDD FMMonth YYYY'),
                                             to_char(b.period_end, 'FMDD FMMonth YYYY'), report_schema)) || '</p>';

    FOREACH section_heading IN ARRAY ARRAY['Where are we performing well?', 'Where do we need to improve?'] LOOP
        html := html || '<section class="narrative"><h2>' || cspi.html_escape(section_heading) || '</h2><ul>';
        FOR item IN SELECT n.* FROM cspi.narrative(period, report_schema) n
                     WHERE n.heading = section_heading ORDER BY n.display_order LOOP
            html := html || format('<li data-code="%s">%s</li>', cspi.html_escape(item.code), cspi.html_escape(item.sentence));
        END LOOP;
        html := html || '</ul></section>';
    END LOOP;

    html := html || '<section class="scorecard"><h2>Scorecard</h2><table><thead><tr>'
         || '<th scope="col">Indicator</th><th scope="col">' || cspi.html_escape(cspi.period_name(period)) || '</th>'
         || '<th scope="col">Target</th><th scope="col">Status</th>'
         || '<th scope="col">' || cspi.html_escape(cspi.period_name(cspi.previous_period(period))) || '</th>'
         || '<th scope="col">Change</th><th scope="col">Last 24 months (dashed: target)</th></tr></thead><tbody>';
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
             || '<td class="num">' || cspi.html_escape(coalesce(card.display, card.reason, 'n/a')) || '</td>'
             || '<td class="num">' || coalesce(cspi.html_escape(cspi.format_target(card.target, card.unit)), '&ndash;') || '</td>'
             || '<td>' || CASE card.status WHEN 'met' THEN '&#10004; Met' WHEN 'not met' THEN '&#10008; Not met' ELSE 'No target' END || '</td>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.previous_display, 'n/a')) || '</td>'
             || '<td>' || coalesce(cspi.html_escape(card.change || coalesce(' (' || card.change_is || ')', '')), '&ndash;') || '</td>'
             || '<td>' || CASE WHEN card.available AND trend.points IS NOT NULL
                               THEN cspi.trend_svg(trend.points, card.target, card.unit, trend.labels)
                               ELSE '<span class="nochart">unavailable</span>' END || '</td></tr>';
    END LOOP;
    html := html || '</tbody></table></section></body></html>';
    RETURN html;
END
$fn$;
COMMENT ON FUNCTION cspi.report_html(text, name) IS
'The year-end (or quarter or month) report as one self-contained HTML page: the narrative under its two headings, the scorecard with status shown by text and symbol as well as colour, and an inline SVG chart of the last 24 months against the target for each indicator.';


--------------------------------------------------------------------------
-- The scorecard of a period (used by narrative and report_html too)
--------------------------------------------------------------------------
-- Warns when the report schema was deployed by another version of cspi.

CREATE OR REPLACE FUNCTION cspi.scorecard(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, section text, code text, title text, unit text,
                   display text, shown numeric, numerator bigint, denominator bigint,
                   target numeric, polarity text, status text,
                   previous_period text, previous_display text, previous_shown numeric,
                   change text, change_is text, available boolean, reason text,
                   data_as_at timestamptz)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    prev text := cspi.previous_period(period);
    as_at timestamptz;
BEGIN
    PERFORM cspi.period_bounds(period);
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Run cspi.deploy(source_schema, report_schema) first.';
    END IF;
    PERFORM cspi.check_deployment(report_schema);
    SELECT coalesce(d.refreshed_at, d.deployed_at) INTO as_at
      FROM cspi.deployment d WHERE d.report_schema = scorecard.report_schema;
    RETURN QUERY EXECUTE format($q$
        SELECT i.display_order, i.section, i.code, i.title, i.unit,
               v.display, v.shown, v.numerator, v.denominator,
               coalesce(v.target, cspi.target_for(i.code, $1)), i.polarity, v.status,
               $2, pv.display, pv.shown,
               CASE WHEN v.shown IS NULL OR pv.shown IS NULL THEN NULL
                    WHEN v.shown > pv.shown THEN 'increase'
                    WHEN v.shown < pv.shown THEN 'decrease'
                    ELSE 'no change' END AS change,
               CASE WHEN v.shown IS NULL OR pv.shown IS NULL OR i.polarity IS NULL OR v.shown = pv.shown THEN NULL
                    WHEN (v.shown > pv.shown) = (i.polarity = 'higher') THEN 'better'
                    ELSE 'worse' END AS change_is,
               coalesce(a.available, false) AND v.indicator IS NOT NULL,
               CASE WHEN NOT coalesce(a.available, false)
                        THEN 'the source has no ' || array_to_string(a.missing_relations, ' or ') || ' relation'
                    WHEN v.indicator IS NULL THEN 'the source has no events in that period'
                    WHEN v.shown IS NULL AND i.unit = '%%' THEN 'there were no cases (a zero denominator)'
                    WHEN v.shown IS NULL THEN 'there is no population estimate for it' END,
               $3
          FROM cspi.indicator i
          LEFT JOIN %1$I.indicator_availability a ON a.indicator = i.code
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN %1$I.indicator_value pv ON pv.indicator = i.code AND pv.period = $2
         ORDER BY i.display_order
        $q$, report_schema) USING period, prev, as_at;
END
$fn$;
COMMENT ON FUNCTION cspi.scorecard(text, name) IS
'One row per indicator of the catalogue, in display order, for a period (''2023/24'', ''2023/24 Q1'', ''2023-04''): its figure, target, status, the previous comparable period''s figure and whether the change is better or worse; unavailable indicators with the reason; and data_as_at, when the report was last refreshed (or deployed).';


--------------------------------------------------------------------------
-- A synthetic council: cspi.generate_source
--------------------------------------------------------------------------
--
-- cspi.generate_source(source_schema, scale, seed, first_year, last_year)
-- fills the empty source tables made by cspi.create_source_tables with a
-- deterministic synthetic council for 1 April first_year to 31 March
-- last_year, and returns one row per relation with its row count.  At
-- scale 1 a year has about 22,000 children, 1,400 referrals (81% completed
-- within 1 working day, 24% re-referrals), 1,550 assessments (60-65% within
-- 45 working days), 250 children in section 47 enquiries, 200 child
-- protection plans (about 146 open at 31 March, 3,000 visits), 120
-- children starting care (about 300 in care), 3,800 visits to children in
-- care, a few hundred missing episodes, 120 care leavers aged 19-21 and 95
-- aged 22-25, and 200 internal and 64 external family-support families open
-- at any 31 March.  scale multiplies every volume and the population; seed
-- gives another council of the same shape.
--
-- Every event lies between the first and the last day: nothing starts
-- before the data do, so the first year builds up the stocks of plans and
-- of children in care (the first year's "children starting care" includes
-- the children who stay, the care population a real extract would
-- inherit).
--
-- The strands: referral chains of families (re-referrals) and the
-- assessments that follow; child-protection journeys of families (section
-- 47 enquiry, conference, plan, reviews, visits, allocation) with repeat
-- journeys; periods of care (SSDA903 episodes with X1 continuations, legal
-- changes, placement moves, temporary placements and returns, same-carer
-- changes, exits by class; re-entries), short breaks, looked-after reviews,
-- visits, health assessments, allocations, missing episodes; family
-- support cases; care leavers' birthday rows.  Ids are text: child ids
-- numeric (1xxxxxxxx referred children, 2... child protection, 3... in
-- care, 35... short breaks, 4... care leavers, 5... family support, 6...
-- children of other authorities, 9... edge cases), family ids 'F' and a
-- number, other ids a letter prefix and a number.
--
-- Determinism: every pseudo-random number is a hash of (seed, a stream
-- name, a key), never random(), and every numbering is ordered by unique
-- keys, so the same arguments give the same rows whatever plans the
-- server chooses.
--
-- How it is written.  The work is a list of set-based statements over
-- temporary tables (pg_temp.cspi_gen_*, dropped at the end), run with
-- EXECUTE after three macros are expanded in their text (the macros keep
-- the SQL readable and avoid a function call per row, which a helper with
-- its own search_path would cost):
--   rnd('stream', key)  a uniform number in [0, 1) from hashtextextended of
--                       'stream:' || key with the seed ($1); key is an
--                       expression without parentheses;
--   ordof(d)            the number of working days from the calendar's
--                       first day up to and including date d, so that
--                       ordof(b) - ordof(a) is cspi.working_days(a, b);
--   wdn(n)              the n-th working day: wdn(ordof(d) + k) is the k-th
--                       working day after d (k >= 1), wdn(ordof(d)) the last
--                       working day on or before d.
-- ordof and wdn read two arrays built once from the bank holidays of the
-- shipped england-and-wales calendar, so the generator calls no cspi
-- function per row.  {s} stands for
-- the quoted source schema, {round} for the round of the repeat-plan and
-- re-entry loops.  Parameters of every statement: $1 seed, $2 scale, $3
-- first day (1 April first_year), $4 last day (31 March last_year), $5
-- first_year, $6 last_year, $7 the ordinal array, $8 its first date, $9
-- the working-day array, $10 the bank holidays.  JIT is off: compiling
-- these long expressions costs far more than running them.

CREATE OR REPLACE FUNCTION cspi.generate_source(source_schema name, scale numeric DEFAULT 1,
                                     seed integer DEFAULT 1,
                                     first_year integer DEFAULT 2019,
                                     last_year integer DEFAULT 2024)
    RETURNS TABLE (relation name, row_count bigint)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $fn$
DECLARE
    rels CONSTANT text[] := ARRAY['child', 'population', 'referral', 'assessment',
        's47_enquiry', 'cp_plan', 'cp_review', 'cla_episode', 'cla_review', 'visit',
        'allocation', 'health_assessment', 'missing_episode', 'care_leaver',
        'family_support'];
    temps CONSTANT text[] := ARRAY['cspi_gen_kid', 'cspi_gen_rchain', 'cspi_gen_rkid',
        'cspi_gen_ref', 'cspi_gen_asmt', 'cspi_gen_cpj', 'cspi_gen_cprev',
        'cspi_gen_cpkid', 'cspi_gen_s47', 'cspi_gen_cpvis', 'cspi_gen_clap',
        'cspi_gen_ep', 'cspi_gen_sb', 'cspi_gen_clarev', 'cspi_gen_vis',
        'cspi_gen_health', 'cspi_gen_alloc', 'cspi_gen_miss', 'cspi_gen_fs',
        'cspi_gen_clv', 'cspi_gen_cl', 'cspi_gen_plan'];
    s text;
    d0 date;
    d1 date;
    cal_base date;
    cal_end date;
    hols date[];
    ords integer[];
    wds date[];
    absent text[];
    wrong text[];
    filled text[];
    rel text;
    kind "char";
    nonempty boolean;
    n bigint;
    stmts text[];
    setup text[];
    cp_round text[];
    cla_round text[];
    rest text[];
    stmt text;
    q text;
    q2 text;
    step integer := 0;
    t_step timestamptz;
    err_state text;
    err_msg text;
    err_detail text;
BEGIN
    ------------------------------------------------------------------
    -- Arguments and the target tables
    ------------------------------------------------------------------
    IF source_schema IS NULL OR scale IS NULL OR seed IS NULL
       OR first_year IS NULL OR last_year IS NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: no argument may be NULL';
    END IF;
    IF scale <= 0 OR scale > 1000 THEN
        RAISE EXCEPTION 'cspi.generate_source: scale must be greater than 0 and at most 1000, not %', scale;
    END IF;
    IF last_year <= first_year THEN
        RAISE EXCEPTION 'cspi.generate_source: last_year (%) must be after first_year (%)',
            last_year, first_year
            USING HINT = 'The data run from 1 April first_year to 31 March last_year: 2019 and 2024 give the financial years 2019/20 to 2023/24.';
    END IF;
    IF first_year < 1995 OR last_year > 2040 THEN
        RAISE EXCEPTION 'cspi.generate_source: the years must lie between 1995 and 2040, not % to %',
            first_year, last_year
            USING HINT = 'The shipped calendars know the bank holidays of 1995 to 2040 only.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = source_schema) THEN
        RAISE EXCEPTION 'cspi.generate_source: schema "%" does not exist', source_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = format('Create the source tables first: SELECT cspi.create_source_tables(%L);', source_schema);
    END IF;
    s := pg_catalog.quote_ident(source_schema);
    FOREACH rel IN ARRAY rels LOOP
        SELECT c.relkind INTO kind
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
         WHERE ns.nspname = source_schema AND c.relname = rel;
        IF NOT FOUND THEN
            absent := absent || rel;
        ELSIF kind NOT IN ('r', 'p') THEN
            wrong := wrong || rel;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s.%I)', s, rel) INTO nonempty;
            IF nonempty THEN
                filled := filled || rel;
            END IF;
        END IF;
    END LOOP;
    IF absent IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: schema "%" lacks the source table(s) %',
            source_schema, array_to_string(absent, ', ')
            USING ERRCODE = 'undefined_table',
                  HINT = format('Create them with SELECT cspi.create_source_tables(%L) (in a schema of their own): generate_source fills the tables it makes.', source_schema);
    END IF;
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: % in schema "%" must be table(s), not views or foreign tables',
            array_to_string(wrong, ', '), source_schema
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Generate into a schema of its own, made with cspi.create_source_tables.';
    END IF;
    IF filled IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: the source table(s) % in schema "%" are not empty',
            array_to_string(filled, ', '), source_schema
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'generate_source fills empty tables only: use a new schema (cspi.create_source_tables) or TRUNCATE the tables first.';
    END IF;

    ------------------------------------------------------------------
    -- The working-day calendar (England and Wales bank holidays)
    ------------------------------------------------------------------
    d0 := make_date(first_year, 4, 1);
    d1 := make_date(last_year, 3, 31);
    cal_base := make_date(first_year - 3, 1, 1);
    cal_end := make_date(last_year + 2, 12, 31);

    -- The shipped calendar's bank holidays, not a copy of their rules.
    SELECT coalesce(array_agg(h.holiday_date ORDER BY h.holiday_date), '{}') INTO hols
      FROM cspi.holiday h
     WHERE h.calendar = 'england-and-wales' AND h.holiday_date BETWEEN cal_base AND cal_end;

    SELECT array_agg(o ORDER BY d), array_agg(d ORDER BY d) FILTER (WHERE w)
      INTO ords, wds
      FROM (SELECT d, w, (sum(w::integer) OVER (ORDER BY d))::integer AS o
              FROM (SELECT cal_base + i AS d,
                           extract(isodow FROM cal_base + i) < 6 AND NOT (cal_base + i = ANY (hols)) AS w
                      FROM generate_series(0, cal_end - cal_base) AS i) a) b;

    ------------------------------------------------------------------
    -- Setup, population, referrals and assessments
    ------------------------------------------------------------------
    setup := ARRAY[
    -- every child of every strand, gathered for the child table at the end
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_kid (child_id text PRIMARY KEY, family_id text, dob date) ON COMMIT DROP$q$,

    -- population: a mid-year estimate for every year whose 30 June can be
    -- the latest on or before a period end of the data
    $q$INSERT INTO {s}.population (year, children)
       SELECT y, round($2 * (22255 + 45 * (y - 2023) + 80 * (rnd('pop', y) - 0.5)))::integer
         FROM generate_series($5 - 1, $6 - 1) AS y$q$,

    -- Referrals come from families: a chain of referral events of one
    -- family (all its children under 18 are referred together), chains
    -- starting from two years before the data so that volumes are steady
    -- from the first year (only events in the period are kept, so the
    -- first year's re-referrals lack their earlier referrals).  About 31%
    -- of events are followed by another, 78% of those within 12 months:
    -- 24% re-referrals.
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_rchain ON COMMIT DROP AS
       SELECT c, t0,
              least(8, 1 + floor(ln(1 - rnd('ref.k', c)) / ln(0.31)))::integer AS kk,
              CASE WHEN uz < 0.55 THEN 1 WHEN uz < 0.80 THEN 2 WHEN uz < 0.92 THEN 3
                   WHEN uz < 0.98 THEN 4 ELSE 5 END AS z,
              t0 - floor(rnd('ref.age', c) * 6400)::integer AS dob1
         FROM (SELECT c, make_date(y, 4, 1) + floor(rnd('ref.t0', c) * fyd)::integer AS t0,
                      rnd('ref.z', c) AS uz
                 FROM (SELECT y, y::bigint * 1000000 + n AS c,
                              make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd
                         FROM generate_series($5 - 2, $6 - 1) AS y
                        CROSS JOIN LATERAL generate_series(1,
                              round(545 * $2 * (0.92 + 0.16 * rnd('ref.vol', y)))::integer) AS n) a) b$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_rkid ON COMMIT DROP AS
       SELECT c, j, (100000000 + row_number() OVER (ORDER BY c, j))::text AS child_id,
              'F' || (100000000 + dense_rank() OVER (ORDER BY c))::text AS family_id, dob
         FROM (SELECT ch.c, j,
                      ch.dob1 + CASE WHEN j = 1 THEN 0
                                     ELSE (j - 1) * 450 + floor(rnd('ref.sib', ch.c || '.' || j) * 500)::integer END AS dob
                 FROM pg_temp.cspi_gen_rchain ch
                CROSS JOIN LATERAL generate_series(1, ch.z) AS j) a$q$,

    -- referral rows: one per event and child under 18 then; completion in
    -- working days 0 (42%), 1 (39%), 2, 3 and, for 2%, 4 to 10; 7% of
    -- events keep their calendar date (a weekend or holiday referral), the
    -- rest move to the next working day
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_ref ON COMMIT DROP AS
       SELECT e.c || '.' || e.k || '.' || kd.j AS rkey, kd.child_id, e.rdate,
              CASE WHEN x.cd > $4 THEN NULL
                   WHEN e.rdate > $4 - 60 AND rnd('ref.stuck', e.c || '.' || e.k) < 0.02 THEN NULL
                   ELSE x.cd END AS cdate
         FROM (SELECT c, k, rdate,
                      CASE WHEN u < 0.42 THEN 0 WHEN u < 0.81 THEN 1 WHEN u < 0.91 THEN 2
                           WHEN u < 0.98 THEN 3
                           ELSE 4 + floor(rnd('ref.wdx', c || '.' || k) * 7)::integer END AS wdk
                 FROM (SELECT c, k,
                              CASE WHEN rnd('ref.wkend', c || '.' || k) < 0.07 THEN t
                                   ELSE wdn(ordof(t - 1) + 1) END AS rdate,
                              rnd('ref.wd', c || '.' || k) AS u
                         FROM (SELECT ch.c, g.k,
                                      ch.t0 + (sum(g.gap) OVER (PARTITION BY ch.c ORDER BY g.k))::integer AS t
                                 FROM pg_temp.cspi_gen_rchain ch
                                CROSS JOIN LATERAL (
                                      SELECT k, CASE WHEN k = 1 THEN 0
                                                     WHEN rnd('ref.gl', ch.c || '.' || k) < 0.78
                                                     THEN 20 + floor(rnd('ref.g', ch.c || '.' || k) * 345)
                                                     ELSE 366 + floor(rnd('ref.g', ch.c || '.' || k) * 735) END AS gap
                                        FROM generate_series(1, ch.kk) AS k) g) a
                        WHERE t BETWEEN $3 - 7 AND $4) b
                WHERE rdate BETWEEN $3 AND $4) e
         JOIN pg_temp.cspi_gen_rkid kd ON kd.c = e.c
        CROSS JOIN LATERAL (SELECT CASE WHEN e.wdk = 0 THEN e.rdate
                                        ELSE wdn(ordof(e.rdate) + e.wdk) END AS cd) x
        WHERE kd.dob <= e.rdate AND e.rdate < (kd.dob + interval '18 years')::date$q$,

    -- edge cases: a referral received on the last working day before each
    -- bank holiday (Thursday before Good Friday, Christmas Eve, before a
    -- substitute day ...) and one received on the holiday itself, both
    -- completed on the next working day (1 working day; still open when
    -- that is after the last day, as on Thursday 28 March 2024); a
    -- Saturday referral each June completed on the Monday (1 working day)
    -- and each November completed the same Saturday (0); one received on
    -- Christmas Day when it falls at a weekend (2021, 2022)
    $q$INSERT INTO pg_temp.cspi_gen_ref (rkey, child_id, rdate, cdate)
       SELECT 'edge.' || n, (900000000 + n)::text, rd, CASE WHEN cd <= $4 THEN cd END
         FROM (SELECT row_number() OVER (ORDER BY rd, cd) AS n, rd, cd
                 FROM (SELECT wdn(ordof(h - 1)) AS rd, wdn(ordof(h - 1) + 1) AS cd
                         FROM unnest($10) AS h WHERE h BETWEEN $3 + 7 AND $4
                       UNION ALL
                       SELECT h, wdn(ordof(h) + 1) FROM unnest($10) AS h WHERE h BETWEEN $3 AND $4
                       UNION ALL
                       SELECT xmas, wdn(ordof(xmas) + 1)
                         FROM (SELECT make_date(y, 12, 25) AS xmas FROM generate_series($5, $6 - 1) AS y) a
                        WHERE extract(isodow FROM xmas) > 5
                       UNION ALL
                       SELECT sat, wdn(ordof(sat) + 1)
                         FROM (SELECT make_date(y, 6, 1) + (13 - extract(isodow FROM make_date(y, 6, 1))::integer) % 7 AS sat
                                 FROM generate_series($5, $6 - 1) AS y) a
                       UNION ALL
                       SELECT sat, sat
                         FROM (SELECT make_date(y, 11, 1) + (13 - extract(isodow FROM make_date(y, 11, 1))::integer) % 7 AS sat
                                 FROM generate_series($5, $6 - 1) AS y) a) e) f$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, 'F' || child_id, rdate - 1100 - floor(rnd('edge.age', rkey) * 4000)::integer
         FROM pg_temp.cspi_gen_ref WHERE rkey LIKE 'edge.%'$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_rkid$q$,

    $q$ANALYZE pg_temp.cspi_gen_ref$q$,

    -- assessments: 95% of completed referrals lead to one, starting 1 to 3
    -- working days after; 19% of those to a second one later.  Within 45
    -- working days: 53% when due to finish April to October, 80% otherwise
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_asmt ON COMMIT DROP AS
       WITH a1 AS (
           SELECT rkey, child_id, 1 AS seq, st, wdn(ordof(st) + dur) AS au
             FROM (SELECT rkey, child_id, st,
                          CASE WHEN rnd('asm.in', rkey) < CASE WHEN extract(month FROM st + 42) BETWEEN 4 AND 10 THEN 0.53 ELSE 0.80 END
                               THEN 5 + floor(rnd('asm.d', rkey) * 41)::integer
                               ELSE 46 + floor(rnd('asm.d', rkey) ^ 2 * 25)::integer END AS dur
                     FROM (SELECT rkey, child_id, wdn(ordof(cdate) + lg) AS st
                             FROM (SELECT rkey, child_id, cdate, 1 + floor(rnd('asm.lag', rkey) * 3)::integer AS lg
                                     FROM pg_temp.cspi_gen_ref
                                    WHERE cdate IS NOT NULL AND rnd('asm.has', rkey) < 0.95) r0) r1) r2
       ), a2 AS (
           SELECT rkey, child_id, 2 AS seq, st, wdn(ordof(st) + dur) AS au
             FROM (SELECT rkey, child_id, st,
                          CASE WHEN rnd('asm2.in', rkey) < CASE WHEN extract(month FROM st + 42) BETWEEN 4 AND 10 THEN 0.53 ELSE 0.80 END
                               THEN 5 + floor(rnd('asm2.d', rkey) * 41)::integer
                               ELSE 46 + floor(rnd('asm2.d', rkey) ^ 2 * 25)::integer END AS dur
                     FROM (SELECT rkey, child_id, wdn(ordof(x) + 1) AS st
                             FROM (SELECT rkey, child_id, au + 19 + floor(rnd('asm2.gap', rkey) * 100)::integer AS x
                                     FROM a1 WHERE au <= $4 AND rnd('asm2.has', rkey) < 0.19) r0) r1) r2
       )
       SELECT rkey, child_id, seq, st, CASE WHEN au <= $4 THEN au END AS au
         FROM (SELECT * FROM a1 UNION ALL SELECT * FROM a2) a
        WHERE st <= $4$q$,

    ------------------------------------------------------------------
    -- Child protection: journeys of a family (s47 enquiry, initial
    -- conference, plan, reviews, visits), with repeat journeys in rounds
    ------------------------------------------------------------------
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpj (
           jid bigint PRIMARY KEY, rno integer NOT NULL, fam bigint NOT NULL, sd date NOT NULL,
           edge_icpc date, edge_r1 date, icpc date, ti boolean, has_plan boolean,
           ps date, kmax integer, ee date, pe date) ON COMMIT DROP$q$,
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cprev (jid bigint, k integer, rdate date, PRIMARY KEY (jid, k)) ON COMMIT DROP$q$,

    -- about 155 family journeys a year (260 children in s47 enquiries)
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd)
       SELECT jid, 1, jid, sd
         FROM (SELECT jid, wdn(ordof(t - 1) + 1) AS sd
                 FROM (SELECT y::bigint * 1000000 + n AS jid,
                              make_date(y, 4, 1) + floor(rnd('cp.sd', y::bigint * 1000000 + n) * fyd)::integer AS t
                         FROM generate_series($5, $6 - 1) AS y
                        CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) f
                        CROSS JOIN LATERAL generate_series(1,
                              round(155 * $2 * (0.9 + 0.2 * rnd('cp.vol', y)))::integer) AS n) a) b
        WHERE sd <= $4$q$,

    -- edge cases: two one-child plans starting 31 August of the last year
    -- but one, first reviewed on 30 November (in time: 31 August + 3 months)
    -- and on 1 December (a day late)
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd, edge_icpc, edge_r1)
       SELECT 9000000000 + i, 1, 9000000000 + i, wdn(ordof(ic) - 12), ic, r1
         FROM (VALUES (1, make_date($6 - 1, 8, 31), make_date($6 - 1, 11, 30)),
                      (2, make_date($6 - 1, 8, 31), make_date($6 - 1, 12, 1))) AS v(i, ic, r1)$q$
    ];

    cp_round := ARRAY[
    -- repeat journeys: 6% of families whose plan ended come back, 70% of
    -- them within two years
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd)
       SELECT jid, {round}, fam, sd
         FROM (SELECT jid, fam, wdn(ordof(t - 1) + 1) AS sd
                 FROM (SELECT p.jid + {round}::bigint * 10000000000 AS jid, p.fam,
                              p.pe + CASE WHEN rnd('cp.rg', p.jid) < 0.7
                                          THEN 30 + floor(rnd('cp.rgd', p.jid) * 670)
                                          ELSE 731 + floor(rnd('cp.rgd', p.jid) * 730) END::integer AS t
                         FROM pg_temp.cspi_gen_cpj p
                        WHERE p.rno = {round} - 1 AND p.pe IS NOT NULL
                          AND rnd('cp.rep', p.jid) < 0.06) a) b
        WHERE sd <= $4$q$,

    -- conference: 85% of enquiries; 5% of those transfer-in; otherwise
    -- 79.5% within 15 working days of the strategy discussion; 92% lead to
    -- a plan (all transfer-ins); plans end at the 1st (18%), 2nd (58%),
    -- 3rd, 4th or 5th review, or (10%) 1 to 8 months in, between reviews
    $q$UPDATE pg_temp.cspi_gen_cpj j
          SET icpc = x.icpc, ti = x.ti, has_plan = x.has_plan,
              ps = CASE WHEN x.has_plan THEN x.icpc END,
              kmax = CASE WHEN x.ee IS NOT NULL THEN 99 ELSE x.kmax END,
              ee = CASE WHEN x.has_plan THEN x.ee END
         FROM (SELECT jid, icpc, ti,
                      icpc IS NOT NULL AND (ti OR edge OR rnd('cp.plan', jid) < 0.92) AS has_plan,
                      CASE WHEN edge THEN 3 WHEN uk < 0.18 THEN 1 WHEN uk < 0.76 THEN 2 WHEN uk < 0.94 THEN 3
                           WHEN uk < 0.99 THEN 4 ELSE 5 END AS kmax,
                      CASE WHEN NOT edge AND icpc IS NOT NULL AND rnd('cp.ee', jid) < 0.10
                           THEN wdn(ordof(eex) + 1) END AS ee
                 FROM (SELECT jid, edge, ti, uk, CASE WHEN ic <= $4 THEN ic END AS icpc,
                              ic + 29 + floor(rnd('cp.eed', jid) * 210)::integer AS eex
                         FROM (SELECT jid, edge, ti, rnd('cp.k', jid) AS uk,
                                      CASE WHEN edge THEN edge_icpc WHEN held THEN wdn(ordof(sd) + w) END AS ic
                                 FROM (SELECT jid, sd, edge_icpc, edge, held, ti,
                                              CASE WHEN ti THEN 3 + floor(rnd('cp.w', jid) * 23)::integer
                                                   WHEN rnd('cp.wl', jid) < 0.795 THEN 5 + floor(rnd('cp.w', jid) * 11)::integer
                                                   ELSE 16 + floor(rnd('cp.w', jid) ^ 1.5 * 20)::integer END AS w
                                         FROM (SELECT jid, sd, edge_icpc, edge_icpc IS NOT NULL AS edge,
                                                      edge_icpc IS NOT NULL OR rnd('cp.held', jid) < 0.85 AS held,
                                                      edge_icpc IS NULL AND rnd('cp.ti', jid) < 0.05 AS ti
                                                 FROM pg_temp.cspi_gen_cpj WHERE rno = {round}) a) b) c) d) x
        WHERE j.jid = x.jid$q$,

    -- reviews: the first on or before start + 3 months, then each on or
    -- before the previous + 6 months (98%: 0 to 20 days early, on a
    -- working day), else 1 to 10 working days late
    $q$INSERT INTO pg_temp.cspi_gen_cprev (jid, k, rdate)
       WITH RECURSIVE rv (jid, k, kmax, ee, rdate) AS (
           SELECT j.jid, 1, j.kmax, j.ee, coalesce(j.edge_r1, x.r)
             FROM pg_temp.cspi_gen_cpj j
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('cpr.late', key) < 0.02 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('cpr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('cpr.e', key) ^ 2 * 21)::integer AS e
                            FROM (SELECT (j.ps + interval '3 months')::date AS due, j.jid || '.1' AS key) z0) z) x
            WHERE j.rno = {round} AND j.has_plan
           UNION ALL
           SELECT rv.jid, rv.k + 1, rv.kmax, rv.ee, x.r
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('cpr.late', key) < 0.02 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('cpr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('cpr.e', key) ^ 2 * 21)::integer AS e
                            FROM (SELECT (rv.rdate + interval '6 months')::date AS due,
                                         rv.jid || '.' || rv.k + 1 AS key) z0) z) x
            WHERE rv.k < rv.kmax AND rv.rdate <= $4 AND (rv.ee IS NULL OR rv.rdate < rv.ee)
       )
       SELECT jid, k, rdate FROM rv WHERE rdate <= $4 AND (ee IS NULL OR rdate < ee)$q$,

    $q$UPDATE pg_temp.cspi_gen_cpj j
          SET pe = CASE WHEN j.ee IS NOT NULL THEN CASE WHEN j.ee <= $4 THEN j.ee END
                        ELSE (SELECT r.rdate FROM pg_temp.cspi_gen_cprev r WHERE r.jid = j.jid AND r.k = j.kmax) END
        WHERE j.rno = {round} AND j.has_plan$q$,

    $q$ANALYZE pg_temp.cspi_gen_cpj$q$
    ];

    cla_round := ARRAY[
    -- re-entry: 40% of children who returned home come back into care,
    -- 1 to 24 months later
    $q$INSERT INTO pg_temp.cspi_gen_clap (pid, rno, fid, child_id, family_id, dob, uasc, legacy, st)
       SELECT pid, {round}, fid, child_id, family_id, dob, false, false, st
         FROM (SELECT p.pid + {round}::bigint * 1000000000000 AS pid, p.fid, p.child_id, p.family_id, p.dob,
                      p.en + 30 + floor(rnd('cla.gap', p.pid) ^ 2 * 700)::integer AS st
                 FROM pg_temp.cspi_gen_clap p
                WHERE p.rno = {round} - 1 AND p.cls = 'home' AND p.en <= $4
                  AND rnd('cla.re', p.pid) < 0.4) a
        WHERE st <= $4 AND st < (dob + interval '17 years 6 months')::date$q$,

    -- the course of a period of care, fixed at its start: how it ends
    -- (home, special guardianship or child arrangements, adoption, at 18,
    -- other) by age, the legal track (police protection, interim then full
    -- care order, placement order) and how often placements change
    $q$UPDATE pg_temp.cspi_gen_clap p
          SET cls = x.cls, en = x.en, rc = x.rc, pp = x.pp, t_pp = x.t_pp, track = x.track,
              t_c2 = x.t_c2, t_e1 = x.t_e1, t_a = x.t_a, stab = x.stab, early = x.early
         FROM (SELECT pid, cls, en, pp, t_pp, track, t_c2, t_e1, t_a, stab, early,
                      CASE cls
                        WHEN 'home' THEN CASE WHEN ur < 0.7 THEN 'E4A' ELSE 'E4B' END
                        WHEN 'sgo' THEN CASE WHEN ur < 0.45 THEN 'E45' WHEN ur < 0.60 THEN 'E46'
                                             WHEN ur < 0.70 THEN 'E47' WHEN ur < 0.75 THEN 'E48' ELSE 'E41' END
                        WHEN 'adopt' THEN CASE WHEN ur < 0.7 THEN 'E11' ELSE 'E12' END
                        WHEN 'age18' THEN CASE WHEN ur < 0.35 THEN 'E17' WHEN ur < 0.65 THEN 'E5'
                                               WHEN ur < 0.80 THEN 'E6' WHEN ur < 0.90 THEN 'E13' ELSE 'E8' END
                        ELSE CASE WHEN ur < 0.5 THEN 'E8' WHEN ur < 0.85 THEN 'E3' ELSE 'E16' END END AS rc
                 FROM (SELECT pid, pp, t_pp, track, t_c2, t_e1, t_a, stab, early, ur, en,
                              CASE WHEN en >= b18 THEN 'age18' ELSE cls0 END AS cls
                         FROM (SELECT pid, pp, t_pp, track, t_c2, t_e1, t_a, stab, early, cls0, b18,
                                      rnd('cla.rc', pid) AS ur,
                                      CASE WHEN cls0 = 'age18' THEN b18 ELSE least(st + dur, b18) END AS en
                                 FROM (SELECT c.*,
                                              CASE WHEN legacy AND cls0 = 'sgo' THEN 365 + floor(ud2 * 1435)
                                                   WHEN legacy AND cls0 = 'home' THEN 180 + floor(ud2 * 1320) ELSE
                                              CASE cls0
                                                WHEN 'home' THEN CASE WHEN ud < 0.4 THEN 7 + floor(ud2 * 83)
                                                                      WHEN ud < 0.75 THEN 90 + floor(ud2 * 275)
                                                                      ELSE 365 + floor(ud2 * 535) END
                                                WHEN 'sgo' THEN 240 + floor(ud2 * 660)
                                                WHEN 'adopt' THEN t_a + 150 + floor(ud2 * 250)
                                                ELSE 30 + floor(ud2 * 670) END END::integer AS dur
                                         FROM (SELECT b.*,
                                                      CASE WHEN cls0 = 'adopt' THEN t_c2 + 30 + floor(rnd('cla.te1', pid) * 170)::integer END AS t_e1,
                                                      CASE WHEN cls0 = 'adopt' THEN t_c2 + 60 + floor(rnd('cla.te1', pid) * 170)::integer
                                                                                       + floor(rnd('cla.ta', pid) * 150)::integer END AS t_a,
                                                      rnd('cla.dur', pid) AS ud, rnd('cla.dur2', pid) AS ud2
                                                 FROM (SELECT a.*,
                                                              CASE WHEN track = 'C' THEN 120 + floor(rnd('cla.tc2', pid) * CASE WHEN cls0 = 'adopt' THEN 210 ELSE 280 END)::integer END AS t_c2
                                                         FROM (SELECT pid, st, dob, b18, cls0, legacy,
                                                                      CASE WHEN uasc THEN 'V'
                                                                           WHEN cls0 = 'adopt' THEN 'C'
                                                                           WHEN rnd('cla.track', pid) < CASE cls0 WHEN 'sgo' THEN 0.85 WHEN 'age18' THEN 0.6
                                                                                                                  WHEN 'home' THEN 0.35 ELSE 0.4 END THEN 'C'
                                                                           ELSE 'V' END AS track,
                                                                      CASE WHEN NOT uasc AND rnd('cla.pp', pid) < 0.08
                                                                           THEN CASE WHEN rnd('cla.ppc', pid) < 0.65 THEN 'L2' ELSE 'L1' END END AS pp,
                                                                      1 + floor(rnd('cla.tpp', pid) * 8)::integer AS t_pp,
                                                                      CASE WHEN legacy THEN CASE WHEN rnd('cla.stab', pid) < 0.2 THEN 'stable' ELSE 'normal' END
                                                                           WHEN rnd('cla.stab', pid) < 0.13 THEN 'unstable'
                                                                           WHEN rnd('cla.stab', pid) < 0.75 THEN 'normal' ELSE 'stable' END AS stab,
                                                                      CASE WHEN legacy THEN 0 ELSE 1 + floor(rnd('cla.early', pid) * 3)::integer END AS early
                                                                 FROM (SELECT pid, st, dob, uasc, legacy, (dob + interval '18 years')::date AS b18,
                                                                              CASE WHEN legacy THEN CASE WHEN uc < 0.6 THEN 'age18' WHEN uc < 0.8 THEN 'sgo' ELSE 'home' END
                                                                                   WHEN uasc THEN CASE WHEN uc < 0.9 THEN 'age18' ELSE 'other' END
                                                                                   WHEN age < 5 THEN CASE WHEN uc < 0.36 THEN 'home' WHEN uc < 0.55 THEN 'sgo'
                                                                                                          WHEN uc < 0.85 THEN 'adopt' WHEN uc < 0.95 THEN 'age18' ELSE 'other' END
                                                                                   WHEN age < 12 THEN CASE WHEN uc < 0.48 THEN 'home' WHEN uc < 0.66 THEN 'sgo'
                                                                                                           WHEN uc < 0.95 THEN 'age18' ELSE 'other' END
                                                                                   ELSE CASE WHEN uc < 0.46 THEN 'home' WHEN uc < 0.94 THEN 'age18' ELSE 'other' END END AS cls0
                                                                         FROM (SELECT pid, st, dob, uasc, legacy, (st - dob) / 365.25 AS age,
                                                                                      CASE WHEN rno > 1 OR rnd('cla.own', pid) < 0.3 THEN rnd('cla.cls', pid)
                                                                                           ELSE rnd('cla.cls', fid) END AS uc
                                                                                 FROM pg_temp.cspi_gen_clap WHERE rno = {round}) z) y) a) b) c) d) e) f) x
        WHERE p.pid = x.pid$q$,

    $q$ANALYZE pg_temp.cspi_gen_clap$q$
    ];

    rest := ARRAY[
    -- the children of the child-protection families (one for the edge
    -- families): eldest 0 to 15, siblings younger, some born later
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpkid ON COMMIT DROP AS
       SELECT fam, j, (200000000 + row_number() OVER (ORDER BY fam, j))::text AS child_id,
              'F' || (200000000 + dense_rank() OVER (ORDER BY fam))::text AS family_id, dob
         FROM (SELECT f.fam, j,
                      f.dob1 + CASE WHEN j = 1 THEN 0
                                    ELSE (j - 1) * 420 + floor(rnd('cpk.sib', f.fam || '.' || j) * 500)::integer END AS dob
                 FROM (SELECT fam, sd - floor(rnd('cpk.age', fam) * 5800)::integer AS dob1,
                              CASE WHEN fam >= 9000000000 THEN 1 WHEN u < 0.5 THEN 1 WHEN u < 0.78 THEN 2
                                   WHEN u < 0.92 THEN 3 ELSE 4 END AS z
                         FROM (SELECT fam, sd, rnd('cpk.z', fam) AS u FROM pg_temp.cspi_gen_cpj WHERE rno = 1) a) f
                CROSS JOIN LATERAL generate_series(1, f.z) AS j) b$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_s47 ON COMMIT DROP AS
       SELECT j.jid, k.child_id, j.sd, j.icpc, j.ti, j.fam,
              j.has_plan AND (k.dob + interval '18 years')::date > coalesce(j.pe, $4) AS on_plan,
              j.ps, j.pe
         FROM pg_temp.cspi_gen_cpj j
         JOIN pg_temp.cspi_gen_cpkid k ON k.fam = j.fam
        WHERE k.dob <= j.sd AND j.sd < (k.dob + interval '18 years')::date$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_cpkid$q$,

    -- visits to a family on a plan: gaps of 9 or 10 working days (69%),
    -- 11 to 15 (21.5%) or 16 to 60, from the start of the plan to its end
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpvis ON COMMIT DROP AS
       SELECT jid, wdn(o) AS vdate
         FROM (SELECT j.jid, ordof(j.ps) + (sum(g.gap) OVER (PARTITION BY j.jid ORDER BY g.m))::integer AS o,
                      ordof(j.pend) AS oend
                 FROM (SELECT jid, ps, coalesce(pe, $4) AS pend FROM pg_temp.cspi_gen_cpj WHERE has_plan) j
                CROSS JOIN LATERAL (
                      SELECT m, CASE WHEN u < 0.69 THEN 9 + floor(u2 * 2)
                                     WHEN u < 0.905 THEN 11 + floor(u2 * 5)
                                     ELSE 16 + floor(u2 ^ 1.5 * 45) END AS gap
                        FROM generate_series(1, (ordof(j.pend) - ordof(j.ps)) / 7 + 2) AS m
                       CROSS JOIN LATERAL (SELECT rnd('cpv.u', j.jid || '.' || m) AS u,
                                                  rnd('cpv.v', j.jid || '.' || m) AS u2) r) g) a
        WHERE o <= oend$q$,

    ------------------------------------------------------------------
    -- Children in care: the episodes of each period of care
    ------------------------------------------------------------------
    -- change points of a period: placement moves (80% a new carer, 7% the
    -- same carer, 13% a temporary placement T0-T4 of 1 to 7 days followed
    -- by a return) and the legal changes (end of police protection, full
    -- care order, placement order, adoptive placement); a move within 8
    -- days of another change is dropped
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_ep ON COMMIT DROP AS
       WITH p AS (
           SELECT pid, child_id, dob, uasc, st, en, rc, least(en, $4) - st AS span, en <= $4 AS ended,
                  stab, early, pp, t_pp, track, t_c2, t_e1, t_a
             FROM pg_temp.cspi_gen_clap
       ), mv AS (
           SELECT g.pid, g.t, g.kind, g.forced, 2 AS prio, g.tl
             FROM (SELECT p.pid, p.span, p.ended,
                          (sum(x.gap) OVER (PARTITION BY p.pid ORDER BY x.m))::integer AS t,
                          x.kind, x.forced, x.tl
                     FROM p
                    CROSS JOIN LATERAL (
                          SELECT m,
                                 CASE p.stab WHEN 'unstable' THEN 30 + floor(u1 * 170)
                                             WHEN 'stable' THEN 700 + floor(u1 * 2800)
                                             ELSE CASE WHEN m <= p.early THEN 20 + floor(u1 * 230)
                                                       WHEN u2 < CASE WHEN p.early = 0 THEN 0.45 ELSE 0.6 END THEN 800 + floor(u1 * 2400)
                                                       ELSE 200 + floor(u1 * 600) END END AS gap,
                                 CASE WHEN u3 < 0.80 THEN 'P' WHEN u3 < 0.87 THEN 'T' ELSE 'TMP' END AS kind,
                                 CASE WHEN u3 >= 0.87 THEN (ARRAY['T0', 'T1', 'T2', 'T3', 'T4'])[1 + floor(u4 * 5)::integer] END AS forced,
                                 1 + floor(u5 * 7)::integer AS tl
                            FROM generate_series(1, CASE p.stab WHEN 'unstable' THEN p.span / 30 + 1
                                                                WHEN 'stable' THEN p.span / 700 + 1
                                                                ELSE p.early + p.span / 200 + 1 END) AS m
                           CROSS JOIN LATERAL (SELECT rnd('ep.g', p.pid || '.' || m) AS u1,
                                                      rnd('ep.b', p.pid || '.' || m) AS u2,
                                                      rnd('ep.k', p.pid || '.' || m) AS u3,
                                                      rnd('ep.c', p.pid || '.' || m) AS u4,
                                                      rnd('ep.l', p.pid || '.' || m) AS u5) r) x) g
            WHERE g.t <= g.span AND (NOT g.ended OR g.t <= g.span - 9)
              AND (g.kind <> 'TMP' OR g.t + g.tl <= g.span - 1)
       ), lg AS (
           SELECT pid, t_pp AS t, CASE WHEN rnd('ep.lpp', pid) < 0.8 THEN 'L' ELSE 'B' END AS kind,
                  NULL::text AS forced, span, ended
             FROM p WHERE pp IS NOT NULL
           UNION ALL
           SELECT pid, t_c2, CASE WHEN rnd('ep.lc2', pid) < 0.7 THEN 'L' WHEN rnd('ep.lc2', pid) < 0.85 THEN 'B' ELSE 'T' END,
                  NULL, span, ended
             FROM p WHERE t_c2 IS NOT NULL
           UNION ALL
           SELECT pid, t_e1, CASE WHEN rnd('ep.le1', pid) < 0.85 THEN 'L' ELSE 'T' END, NULL, span, ended
             FROM p WHERE t_e1 IS NOT NULL
           UNION ALL
           SELECT pid, t_a, CASE WHEN rnd('ep.la', pid) < 0.55 THEN 'T' ELSE 'P' END,
                  CASE WHEN rnd('ep.la', pid) < 0.55 THEN 'A5' ELSE 'A6' END, span, ended
             FROM p WHERE t_a IS NOT NULL
       ), cand AS (
           SELECT pid, t, kind, forced, prio, tl FROM mv
           UNION ALL
           SELECT pid, t, kind, forced, 1, 0 FROM lg
            WHERE t >= 1 AND t <= span AND (NOT ended OR t <= span - 1)
       ), kept AS (
           SELECT pid, t, kind, forced, tl
             FROM (SELECT c.*, lag(t) OVER w AS pt, lead(t) OVER w AS nt
                     FROM cand c WINDOW w AS (PARTITION BY pid ORDER BY t, prio, kind)) c
            WHERE ((prio = 1 AND (pt IS NULL OR t > pt))
                   OR (prio = 2 AND t >= 8 AND (pt IS NULL OR t - pt >= 8)))
              AND (kind <> 'TMP' OR nt IS NULL OR nt > t + tl)
       ), pts AS (
           SELECT pid, 0 AS t, 'S' AS kind, NULL::text AS forced FROM p
           UNION ALL
           SELECT pid, t, kind, forced FROM kept
           UNION ALL
           SELECT pid, t + tl, 'RET', NULL FROM kept WHERE kind = 'TMP'
       ), e1 AS (
           SELECT pts.pid, pts.t, pts.kind, pts.forced, p.child_id, p.dob, p.uasc, p.st + pts.t AS sd,
                  p.en, p.rc, p.ended,
                  CASE WHEN p.pp IS NOT NULL AND pts.t < p.t_pp THEN p.pp
                       WHEN p.track = 'V' THEN 'V2'
                       WHEN pts.t < p.t_c2 THEN 'C1'
                       WHEN p.t_e1 IS NULL OR pts.t < p.t_e1 THEN 'C2'
                       ELSE 'E1' END AS ls,
                  pts.kind IN ('S', 'P', 'B') AS np
             FROM pts JOIN p USING (pid)
       ), e2 AS (
           SELECT e1.*,
                  CASE WHEN kind = 'S' THEN 'S' WHEN kind = 'L' THEN 'L'
                       WHEN kind = 'T' THEN CASE WHEN ls <> lag(ls) OVER w THEN 'U' ELSE 'T' END
                       ELSE CASE WHEN ls <> lag(ls) OVER w THEN 'B' ELSE 'P' END END AS reason_new,
                  count(*) FILTER (WHERE np) OVER w AS pno,
                  lead(sd) OVER w AS next_sd
             FROM e1 WINDOW w AS (PARTITION BY pid ORDER BY t)
       ), e3 AS (
           SELECT e2.*, first_value(sd) OVER (PARTITION BY pid, pno ORDER BY t) AS pstart FROM e2
       ), e4 AS (
           SELECT e.*,
                  CASE WHEN kind = 'TMP' THEN NULL
                       WHEN forced IS NOT NULL THEN forced
                       WHEN np THEN base
                       WHEN kind = 'T' THEN CASE base WHEN 'U6' THEN 'U4' WHEN 'U3' THEN 'U1' WHEN 'U5' THEN 'U4'
                                                      WHEN 'U2' THEN 'U1' ELSE base END END AS set_code
             FROM (SELECT e3.*,
                          CASE WHEN uasc THEN CASE WHEN u < 0.5 THEN 'H5' WHEN u < 0.8 THEN 'U6' ELSE 'K2' END
                               WHEN age < 5 THEN CASE WHEN u < 0.50 THEN 'U6' WHEN u < 0.70 THEN 'U3' WHEN u < 0.85 THEN 'U4'
                                                      WHEN u < 0.90 THEN 'U5' WHEN u < 0.95 THEN 'U2' ELSE 'P1' END
                               WHEN age < 12 THEN CASE WHEN u < 0.35 THEN 'U6' WHEN u < 0.65 THEN 'U4' WHEN u < 0.77 THEN 'U3'
                                                       WHEN u < 0.85 THEN 'U1' WHEN u < 0.93 THEN 'K2' WHEN u < 0.97 THEN 'P1' ELSE 'R1' END
                               WHEN age < 16 THEN CASE WHEN u < 0.25 THEN 'U6' WHEN u < 0.50 THEN 'U4' WHEN u < 0.75 THEN 'K2'
                                                       WHEN u < 0.83 THEN 'U3' WHEN u < 0.88 THEN 'U1' WHEN u < 0.95 THEN 'R1' ELSE 'S1' END
                               ELSE CASE WHEN u < 0.35 THEN 'H5' WHEN u < 0.55 THEN 'K2' WHEN u < 0.75 THEN 'U6'
                                         WHEN u < 0.85 THEN 'U4' WHEN u < 0.95 THEN 'P2' ELSE 'R1' END END AS base
                     FROM (SELECT e3.*, rnd('ep.pl', pid || '.' || pno) AS u, (pstart - dob) / 365.25 AS age FROM e3) e3) e
       ), e5 AS (
           SELECT e4.*, count(set_code) OVER (PARTITION BY pid ORDER BY t) AS grp FROM e4
       )
       SELECT pid, child_id, t, sd AS start_date,
              coalesce(next_sd, CASE WHEN ended THEN en END) AS end_date,
              reason_new, ls AS legal_status,
              CASE WHEN kind = 'TMP' THEN forced
                   ELSE first_value(set_code) OVER (PARTITION BY pid, grp ORDER BY t) END AS placement,
              CASE WHEN next_sd IS NOT NULL THEN 'X1' WHEN ended THEN rc END AS reason_ceased,
              CASE WHEN kind = 'TMP' THEN NULL
                   WHEN uasc AND ud < 0.5 THEN NULL
                   WHEN ud < 0.05 THEN NULL
                   WHEN ud < 0.16 THEN round((20 + ud2 ^ 2 * 80)::numeric, 1)
                   ELSE round((0.3 + ud2 * 19.6)::numeric, 1) END AS distance_miles,
              uasc, np, kind, least(en, $4) AS hz
         FROM (SELECT e5.*, rnd('ep.dist', pid || '.' || pno) AS ud, rnd('ep.dm', pid || '.' || pno) AS ud2 FROM e5) e$q$,

    $q$ANALYZE pg_temp.cspi_gen_ep$q$,

    -- short breaks: children with a series of one- to three-night breaks
    -- under V3 or V4, each an episode of its own
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_sb ON COMMIT DROP AS
       WITH k AS (
           SELECT i, (350000000 + i)::text AS child_id, ws,
                  ws + 365 + floor(rnd('sb.len', i) * 1100)::integer AS we,
                  ws - 1830 - floor(rnd('sb.age', i) * 3650)::integer AS dob,
                  CASE WHEN rnd('sb.ls', i) < 0.7 THEN 'V3' ELSE 'V4' END AS ls,
                  CASE WHEN rnd('sb.pl', i) < 0.6 THEN 'K2' ELSE 'U6' END AS pl
             FROM (SELECT i, $3 - 700 + floor(rnd('sb.ws', i) * ($4 - $3 + 700))::integer AS ws
                     FROM generate_series(1, greatest(1, round(6 * $2 * ($6 - $5 + 1))::integer)) AS i) a
       )
       SELECT i, child_id, dob, sd AS start_date, sd + nights AS end_date, ls AS legal_status, pl AS placement
         FROM (SELECT k.*, m, k.ws + (sum(gap) OVER (PARTITION BY k.i ORDER BY m))::integer AS sd,
                      1 + floor(rnd('sb.n', k.i || '.' || m) * 3)::integer AS nights
                 FROM k
                CROSS JOIN LATERAL (SELECT m, 20 + floor(rnd('sb.g', k.i || '.' || m) * 30) AS gap
                                      FROM generate_series(1, (k.we - k.ws) / 20 + 1) AS m) g) a
        WHERE sd BETWEEN $3 AND $4 - 4 AND sd <= we AND sd < (dob + interval '18 years')::date$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_clap
       UNION
       SELECT child_id, 'F' || child_id, dob FROM pg_temp.cspi_gen_sb$q$,

    -- looked-after reviews: the first within 20 working days (93%: 6 to 20,
    -- else 21 to 30), the second by the first + 3 months, then by the
    -- previous + 6 months (93%: up to 27 days early, else 1 to 10 working
    -- days late)
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clarev ON COMMIT DROP AS
       WITH RECURSIVE rv (pid, child_id, k, hz, rdate) AS (
           SELECT p.pid, p.child_id, 1, least(p.en, $4),
                  CASE WHEN p.late THEN wdn(ordof(p.st) + p.lg) ELSE wdn(ordof(p.st) + p.e) END
             FROM (SELECT pid, child_id, st, en, rnd('lr.late', pid || '.1') < 0.065 AS late,
                          21 + floor(rnd('lr.lg', pid || '.1') * 10)::integer AS lg,
                          20 - floor(rnd('lr.e', pid || '.1') ^ 2 * 15)::integer AS e
                     FROM pg_temp.cspi_gen_clap) p
           UNION ALL
           SELECT rv.pid, rv.child_id, rv.k + 1, rv.hz, x.r
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('lr.late', key) < 0.065 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('lr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('lr.e', key) ^ 2 * 28)::integer AS e
                            FROM (SELECT (rv.rdate + CASE WHEN rv.k = 1 THEN interval '3 months' ELSE interval '6 months' END)::date AS due,
                                         rv.pid || '.' || rv.k + 1 AS key) z0) z) x
            WHERE rv.rdate <= rv.hz
       )
       SELECT pid, child_id, k, rdate FROM rv WHERE rdate <= hz$q$,

    -- visits to children in care, placement by placement: the first 1 to 7
    -- days after the placement starts (85%), then every 10 to 42 days
    -- (81%) or 43 to 70; 3% of children are visited three-monthly with a
    -- due date on every visit, 15% have due dates (previous + 42 days)
    -- recorded in the last two years
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_vis ON COMMIT DROP AS
       SELECT child_id, 'cic'::text AS vtype, vdate,
              CASE WHEN dd3 THEN coalesce(pv + 91, ss + 7)
                   WHEN dd AND vdate >= make_date($6 - 2, 4, 1) THEN coalesce(pv + 42, ss + 7) END AS due
         FROM (SELECT child_id, dd3, dd, ss, vdate,
                      lag(vdate) OVER (PARTITION BY child_id, ss ORDER BY vdate) AS pv
                 FROM (SELECT sg.child_id, sg.dd3, sg.dd, sg.ss, sg.se,
                              sg.ss + (sum(g.gap) OVER (PARTITION BY sg.child_id, sg.ss ORDER BY g.m))::integer AS vdate
                         FROM (SELECT child_id, ss, se,
                                      rnd('vis.dd3', child_id) < 0.03 AS dd3,
                                      rnd('vis.dd', child_id) < 0.15 AS dd
                                 FROM (SELECT e.child_id, e.start_date AS ss,
                                              coalesce(lead(e.start_date) OVER (PARTITION BY e.pid ORDER BY e.t) - 1, e.hz) AS se
                                         FROM pg_temp.cspi_gen_ep e WHERE e.np) s) sg
                        CROSS JOIN LATERAL (
                              SELECT m, CASE WHEN m = 1 THEN CASE WHEN u < 0.85 THEN 1 + floor(u2 * 7) ELSE 8 + floor(u2 * 13) END
                                             WHEN sg.dd3 THEN CASE WHEN u < 0.9 THEN 56 + floor(u2 * 36) ELSE 92 + floor(u2 * 19) END
                                             WHEN u < 0.81 THEN 10 + floor(u2 * 33)
                                             ELSE 43 + floor(u2 * 28) END AS gap
                                FROM generate_series(1, (sg.se - sg.ss) / 14 + 2) AS m
                               CROSS JOIN LATERAL (SELECT rnd('vis.u', sg.child_id || '.' || sg.ss || '.' || m) AS u,
                                                          rnd('vis.v', sg.child_id || '.' || sg.ss || '.' || m) AS u2) r) g) a
                WHERE vdate <= se) b$q$,

    $q$INSERT INTO pg_temp.cspi_gen_vis (child_id, vtype, vdate, due)
       SELECT s.child_id, 'cp', v.vdate, NULL
         FROM pg_temp.cspi_gen_s47 s JOIN pg_temp.cspi_gen_cpvis v ON v.jid = s.jid
        WHERE s.on_plan$q$,

    -- health assessments: the initial one due 20 working days after the
    -- period starts; reviews due 6 months (under 5) or 12 months after the
    -- previous assessment; 84% done by the due date, 9% later, 7% never
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_health ON COMMIT DROP AS
       WITH RECURSIVE ini AS (
           SELECT pid, child_id, dob, hz, due,
                  CASE WHEN done <= hz THEN done END AS done
             FROM (SELECT p.pid, p.child_id, p.dob, least(p.en, $4) AS hz, wdn(ordof(p.st) + 20) AS due,
                          CASE WHEN u < 0.70 THEN wdn(ordof(p.st) + a1)
                               WHEN u < 0.95 THEN wdn(ordof(p.st) + a2) END AS done
                     FROM (SELECT p.*, rnd('ha.i', pid) AS u,
                                  5 + floor(rnd('ha.a', pid) * 16)::integer AS a1,
                                  21 + floor(rnd('ha.a', pid) * 40)::integer AS a2
                             FROM pg_temp.cspi_gen_clap p) p) a
            WHERE due <= hz
       ), rv (pid, child_id, dob, hz, k, base, due, done) AS (
           SELECT pid, child_id, dob, hz, 0, coalesce(done, due), due, done FROM ini
           UNION ALL
           SELECT rv.pid, rv.child_id, rv.dob, rv.hz, rv.k + 1, coalesce(x.done, x.due), x.due, x.done
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT due, CASE WHEN u < 0.84 THEN due - floor(u2 ^ 2 * 45)::integer
                                   WHEN u < 0.93 THEN due + 1 + floor(u2 * 90)::integer END AS done
                    FROM (SELECT (rv.base + CASE WHEN rv.base < (rv.dob + interval '5 years')::date
                                                 THEN interval '6 months' ELSE interval '12 months' END)::date AS due,
                                 rnd('ha.u', rv.pid || '.' || rv.k) AS u,
                                 rnd('ha.v', rv.pid || '.' || rv.k) AS u2) z) x
            WHERE rv.due <= rv.hz
       )
       SELECT child_id, CASE WHEN k = 0 THEN 'initial' ELSE 'review' END AS kind, due,
              CASE WHEN done <= hz AND done <= $4 THEN done END AS done
         FROM rv WHERE due <= hz$q$,

    -- allocations: one qualified social worker for each plan (from the
    -- strategy discussion) and each period of care; 12% change worker on
    -- the way; 3% have an unqualified co-worker for a while
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_alloc ON COMMIT DROP AS
       WITH a AS (
           SELECT child_id || '.' || sd AS key, child_id, sd AS st, CASE WHEN pe <= $4 THEN pe END AS en,
                  coalesce(pe, $4) AS hz
             FROM pg_temp.cspi_gen_s47 WHERE on_plan
           UNION ALL
           SELECT child_id || '.' || st, child_id, st, CASE WHEN en <= $4 THEN en END, least(en, $4)
             FROM pg_temp.cspi_gen_clap
       ), b AS (
           SELECT a.*, rnd('al.ch', key) < 0.12 AND hz - st > 30 AS ch,
                  st + 1 + floor(rnd('al.m', key) * (hz - st - 1))::integer AS m
             FROM a
       )
       SELECT child_id, st, CASE WHEN ch THEN m ELSE en END AS en, true AS qsw FROM b
       UNION ALL
       SELECT child_id, m, en, true FROM b WHERE ch
       UNION ALL
       SELECT child_id, st + 5, CASE WHEN st + 95 <= $4 AND (en IS NULL OR st + 95 < en) THEN st + 95 ELSE en END, false
         FROM b WHERE rnd('al.co', key) < 0.03 AND st + 5 <= hz$q$,

    -- missing episodes: a third of children in care aged 11 or over go
    -- missing, 2 to 21 times a year; some children referred at 12 to 17;
    -- some children of other authorities placed here; one child in care
    -- goes missing on the last day and is still missing
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_miss ON COMMIT DROP AS
       WITH src AS (
           SELECT 'c.' || p.pid AS key, p.child_id, ws, we, false AS oa,
                  floor((2 + floor(rnd('mis.l', p.pid) ^ 3 * 20)) * (we - ws) / 365.25 + rnd('mis.n', p.pid))::integer AS n
             FROM (SELECT pid, child_id, greatest(st, (dob + interval '11 years')::date) AS ws, least(en, $4) AS we
                     FROM pg_temp.cspi_gen_clap WHERE rnd('mis.f', pid) < 0.33) p
            WHERE we - ws > 30
           UNION ALL
           SELECT 'r.' || rkey, child_id, greatest(rdate - 30, $3), least(rdate + 120, $4), false,
                  1 + floor(rnd('mis.rn', rkey) * 3)::integer
             FROM (SELECT r.rkey, r.child_id, r.rdate
                     FROM pg_temp.cspi_gen_ref r JOIN pg_temp.cspi_gen_kid k USING (child_id)
                    WHERE r.rdate >= (k.dob + interval '12 years')::date AND rnd('mis.r', r.rkey) < 0.06) r
           UNION ALL
           SELECT 'e.' || pid, child_id, $4, $4, false, 1
             FROM (SELECT pid, child_id FROM pg_temp.cspi_gen_clap
                    WHERE en > $4 AND st < $4 - 30 AND $4 >= (dob + interval '12 years')::date
                    ORDER BY pid LIMIT 1) e
           UNION ALL
           SELECT 'o.' || i, (600000000 + i)::text, ws, least(ws + 200, $4), true,
                  1 + floor(rnd('mis.on', i) * 3)::integer
             FROM (SELECT i, $3 + floor(rnd('mis.ow', i) * ($4 - $3))::integer AS ws
                     FROM generate_series(1, round(15 * $2 * ($6 - $5))::integer) AS i) o
       ), ep AS (
           SELECT src.key || '.' || j AS ekey, src.child_id, src.oa,
                  (src.ws + floor((j - 1 + 0.7 * rnd('mis.t', src.key || '.' || j)) * (src.we - src.ws) / src.n)::integer)
                  + make_interval(hours => (14 + floor(rnd('mis.h', src.key || '.' || j) * 14)::integer) % 24,
                                  mins => floor(rnd('mis.mi', src.key || '.' || j) * 60)::integer) AS start_at
             FROM src CROSS JOIN LATERAL generate_series(1, src.n) AS j
            WHERE src.n > 0
       ), ret AS (
           SELECT ep.*, start_at + make_interval(mins => floor(60 * CASE WHEN u < 0.7 THEN 1 + u2 * 23
                                                                         WHEN u < 0.95 THEN 24 + u2 * 48
                                                                         ELSE 72 + u2 * 168 END)::integer) AS r
             FROM (SELECT ep.*, rnd('mis.d', ekey) AS u, rnd('mis.d2', ekey) AS u2 FROM ep) ep
       ), rhi AS (
           SELECT ret.*, CASE WHEN r::date <= $4 AND ekey NOT LIKE 'e.%' THEN r END AS returned_at,
                  CASE WHEN uo < 0.878 THEN r + make_interval(mins => floor(60 + uo2 * 71 * 60)::integer)
                       WHEN uo < 0.993 THEN r + make_interval(mins => floor(73 * 60 + uo2 * 167 * 60)::integer) END AS offered
             FROM (SELECT ret.*, rnd('mis.o', ekey) AS uo, rnd('mis.o2', ekey) AS uo2 FROM ret) ret
       )
       SELECT ekey, child_id, start_at, returned_at,
              CASE WHEN returned_at IS NOT NULL AND offered::date <= $4 THEN offered END AS rhi_offered_at,
              CASE WHEN returned_at IS NULL OR offered IS NULL OR offered::date > $4 THEN NULL
                   WHEN rnd('mis.e', ekey) < 0.77 THEN true
                   WHEN rnd('mis.e', ekey) < 0.97 THEN false END AS rhi_engaged,
              CASE WHEN oa THEN true WHEN rnd('mis.oa', ekey) < 0.1 THEN NULL ELSE false END AS other_authority
         FROM rhi
        WHERE start_at::date BETWEEN $3 AND $4$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT DISTINCT child_id, NULL::text, $3 - 4400 - floor(rnd('mis.age', child_id) * 2000)::integer
         FROM pg_temp.cspi_gen_miss WHERE child_id LIKE '6%'$q$,

    ------------------------------------------------------------------
    -- Family support, care leavers
    ------------------------------------------------------------------
    -- about 245 internal and 78 external family cases a year, open 3 to
    -- 23 months (about 200 and 64 families open at any 31 March)
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_fs ON COMMIT DROP AS
       WITH f AS (
           SELECT fk, prov, st, CASE WHEN st + dur <= $4 THEN st + dur END AS en, z,
                  st - 730 - floor(rnd('fs.age', fk) * 5500)::integer AS dob1
             FROM (SELECT fk, prov, make_date(y, 4, 1) + floor(rnd('fs.st', fk) * fyd)::integer AS st,
                          CASE WHEN ud < 0.4 THEN 90 + floor(ud2 * 150) WHEN ud < 0.85 THEN 240 + floor(ud2 * 180)
                               ELSE 420 + floor(ud2 * 280) END::integer AS dur,
                          CASE WHEN prov = 'internal'
                               THEN CASE WHEN uz < 0.30 THEN 1 WHEN uz < 0.65 THEN 2 WHEN uz < 0.86 THEN 3 WHEN uz < 0.96 THEN 4 ELSE 5 END
                               ELSE CASE WHEN uz < 0.36 THEN 1 WHEN uz < 0.70 THEN 2 WHEN uz < 0.92 THEN 3 ELSE 4 END END AS z
                     FROM (SELECT y, prov, fyd, y::bigint * 1000000 + CASE WHEN prov = 'internal' THEN 0 ELSE 500000 END + n AS fk
                             FROM generate_series($5, $6 - 1) AS y
                            CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) d
                            CROSS JOIN (VALUES ('internal', 245), ('external', 78)) AS pv(prov, rate)
                            CROSS JOIN LATERAL generate_series(1, round(rate * $2 * (0.92 + 0.16 * rnd('fs.vol', y || prov)))::integer) AS n) a
                    CROSS JOIN LATERAL (SELECT rnd('fs.d', fk) AS ud, rnd('fs.d2', fk) AS ud2, rnd('fs.z', fk) AS uz) u) b
       )
       SELECT fk, dense_rank() OVER (ORDER BY fk) AS fno, prov, st, en, j,
              dob, (500000000 + row_number() OVER (ORDER BY fk, j))::text AS child_id,
              'F' || (500000000 + dense_rank() OVER (ORDER BY fk))::text AS family_id
         FROM (SELECT f.*, j,
                      f.dob1 + CASE WHEN j = 1 THEN 0 ELSE (j - 1) * 400 + floor(rnd('fs.sib', f.fk || '.' || j) * 600)::integer END AS dob
                 FROM f CROSS JOIN LATERAL generate_series(1, f.z) AS j) a
        WHERE dob <= st$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_fs$q$,

    -- care leavers: young people born so as to be 17 to 25 in the data,
    -- about 41 a year of birth, with an OC3 row around each birthday from
    -- 17 to 21 (36%) or 25; one born on 29 February
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clv ON COMMIT DROP AS
       SELECT i, (400000000 + i)::text AS child_id,
              lo + floor(rnd('cl.dob', i) * (hi - lo + 1))::integer AS dob,
              CASE WHEN rnd('cl.max', i) < 0.36 THEN 21 ELSE 25 END AS maxage,
              CASE WHEN rnd('cl.fam', i) < 0.4 THEN 'F' || (400000000 + i) END AS family_id
         FROM (SELECT ($3 - interval '26 years')::date AS lo, ($4 - interval '17 years')::date AS hi) b
        CROSS JOIN generate_series(1, round(41 * $2 * ($6 - $5 + 9))::integer) AS i
       UNION ALL
       SELECT 0, '400000000', make_date(ly, 3, 1) - 1, 25, 'F400000000'
         FROM (SELECT ($6 - 20) - ($6 - 20) % 4 AS ly) l$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cl ON COMMIT DROP AS
       SELECT child_id, as_at, in_touch,
              CASE WHEN in_touch THEN rnd('cl.acc', key) < 0.997 END AS accommodation_suitable,
              CASE WHEN grp = 'unknown' THEN CASE WHEN uv < 0.5 THEN '0' END
                   WHEN uv < 0.10 THEN grp
                   WHEN uv < 0.12 THEN lower(code) || ' '
                   ELSE code END AS activity
         FROM (SELECT child_id, as_at, in_touch, key, grp, rnd('cl.var', key) AS uv,
                      CASE grp WHEN 'education' THEN (ARRAY['F1', 'P1', 'F2', 'P2'])[1 + floor(uc * 4)::integer]
                               WHEN 'training_employment' THEN (ARRAY['F4', 'P4', 'F5', 'P5', 'F5', 'P5', 'F3', 'P3'])[1 + floor(uc * 8)::integer]
                               WHEN 'neet' THEN (ARRAY['G4', 'G5', 'G6'])[1 + floor(uc * 3)::integer] END AS code
                 FROM (SELECT child_id, as_at, in_touch, key, rnd('cl.code', key) AS uc,
                              CASE WHEN NOT in_touch THEN 'unknown'
                                   WHEN a <= 18 THEN CASE WHEN ua < 0.60 THEN 'education' WHEN ua < 0.80 THEN 'training_employment'
                                                          WHEN ua < 0.95 THEN 'neet' ELSE 'unknown' END
                                   WHEN a <= 21 THEN CASE WHEN ua < 0.135 THEN 'education' WHEN ua < 0.72 THEN 'training_employment'
                                                          WHEN ua < 0.948 THEN 'neet' ELSE 'unknown' END
                                   ELSE CASE WHEN ua < 0.083 THEN 'education' WHEN ua < 0.855 THEN 'training_employment'
                                             ELSE 'neet' END END AS grp
                         FROM (SELECT c.child_id, a, x.as_at, c.i || '.' || a AS key,
                                      rnd('cl.touch', c.i || '.' || a) < CASE WHEN a <= 21 THEN 0.997 ELSE 0.995 END AS in_touch,
                                      rnd('cl.act', c.i || '.' || a) AS ua
                                 FROM pg_temp.cspi_gen_clv c
                                CROSS JOIN LATERAL generate_series(17, c.maxage) AS a
                                CROSS JOIN LATERAL (
                                      SELECT ((c.dob - 1) + make_interval(years => a))::date + 1
                                             + CASE WHEN c.i = 0 THEN 0 ELSE floor(rnd('cl.off', c.i || '.' || a) * 29)::integer END AS as_at) x
                                WHERE x.as_at BETWEEN $3 AND $4) a) b) c$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_clv$q$,

    ------------------------------------------------------------------
    -- The source tables
    ------------------------------------------------------------------
    $q$INSERT INTO {s}.referral (referral_id, child_id, referral_date, completed_date)
       SELECT 'R' || (10000000 + row_number() OVER (ORDER BY rdate, child_id, rkey)), child_id, rdate, cdate
         FROM pg_temp.cspi_gen_ref$q$,

    $q$INSERT INTO {s}.assessment (assessment_id, child_id, start_date, authorised_date)
       SELECT 'A' || (10000000 + row_number() OVER (ORDER BY st, child_id, rkey, seq)), child_id, st, au
         FROM pg_temp.cspi_gen_asmt$q$,

    $q$INSERT INTO {s}.s47_enquiry (s47_id, child_id, strategy_date, icpc_date, transfer_in)
       SELECT 'S' || (10000000 + row_number() OVER (ORDER BY sd, child_id, jid)), child_id, sd, icpc,
              coalesce(ti, false)
         FROM pg_temp.cspi_gen_s47$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_plan ON COMMIT DROP AS
       SELECT 'CP' || (10000000 + row_number() OVER (ORDER BY ps, child_id, jid)) AS plan_id, jid, child_id, ps, pe
         FROM pg_temp.cspi_gen_s47 WHERE on_plan$q$,

    $q$INSERT INTO {s}.cp_plan (plan_id, child_id, start_date, end_date)
       SELECT plan_id, child_id, ps, pe FROM pg_temp.cspi_gen_plan$q$,

    $q$INSERT INTO {s}.cp_review (review_id, plan_id, review_date)
       SELECT 'CR' || (10000000 + row_number() OVER (ORDER BY r.rdate, p.plan_id)), p.plan_id, r.rdate
         FROM pg_temp.cspi_gen_plan p JOIN pg_temp.cspi_gen_cprev r ON r.jid = p.jid$q$,

    $q$INSERT INTO {s}.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status,
                                    placement, reason_ceased, distance_miles, uasc)
       SELECT 'E' || (10000000 + row_number() OVER (ORDER BY start_date, child_id)),
              child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
              distance_miles, uasc
         FROM (SELECT child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
                      distance_miles, uasc
                 FROM pg_temp.cspi_gen_ep
               UNION ALL
               SELECT child_id, start_date, end_date, 'S', legal_status, placement, 'E4A',
                      round((1 + rnd('sb.dist', i) * 9)::numeric, 1), false
                 FROM pg_temp.cspi_gen_sb) e$q$,

    $q$INSERT INTO {s}.cla_review (review_id, child_id, review_date)
       SELECT 'LR' || (10000000 + row_number() OVER (ORDER BY rdate, child_id)), child_id, rdate
         FROM pg_temp.cspi_gen_clarev$q$,

    $q$INSERT INTO {s}.visit (visit_id, child_id, visit_type, visit_date, due_date)
       SELECT 'V' || (10000000 + row_number() OVER (ORDER BY vdate, child_id, vtype)), child_id, vtype, vdate, due
         FROM pg_temp.cspi_gen_vis$q$,

    $q$INSERT INTO {s}.allocation (child_id, start_date, end_date, qualified_social_worker)
       SELECT child_id, st, en, qsw FROM pg_temp.cspi_gen_alloc ORDER BY st, child_id, qsw$q$,

    $q$INSERT INTO {s}.health_assessment (child_id, kind, due_date, completed_date)
       SELECT child_id, kind, due, done FROM pg_temp.cspi_gen_health ORDER BY due, child_id, kind$q$,

    $q$INSERT INTO {s}.missing_episode (episode_id, child_id, start_at, returned_at, rhi_offered_at,
                                        rhi_engaged, other_authority)
       SELECT 'M' || (10000000 + row_number() OVER (ORDER BY start_at, child_id, ekey)), child_id, start_at,
              returned_at, rhi_offered_at, rhi_engaged, other_authority
         FROM pg_temp.cspi_gen_miss$q$,

    $q$INSERT INTO {s}.care_leaver (child_id, as_at, in_touch, accommodation_suitable, activity)
       SELECT child_id, as_at, in_touch, accommodation_suitable, activity FROM pg_temp.cspi_gen_cl
        ORDER BY as_at, child_id$q$,

    $q$INSERT INTO {s}.family_support (case_id, family_id, child_id, provider, start_date, end_date)
       SELECT 'FS' || (1000000 + fno), family_id, child_id,
              CASE WHEN rnd('fs.case', fk) < 0.02 THEN initcap(prov) || ' ' ELSE prov END, st, en
         FROM pg_temp.cspi_gen_fs ORDER BY fno, child_id$q$,

    -- every child referred to anywhere, once
    $q$INSERT INTO {s}.child (child_id, family_id, date_of_birth)
       SELECT k.child_id, k.family_id, k.dob
         FROM pg_temp.cspi_gen_kid k
        WHERE k.child_id IN (SELECT child_id FROM {s}.referral
                             UNION SELECT child_id FROM {s}.s47_enquiry
                             UNION SELECT child_id FROM {s}.cla_episode
                             UNION SELECT child_id FROM {s}.missing_episode
                             UNION SELECT child_id FROM {s}.care_leaver
                             UNION SELECT child_id FROM {s}.family_support)
        ORDER BY k.child_id$q$
    ];

    ------------------------------------------------------------------
    -- Run: setup, the child-protection and care rounds, the rest
    ------------------------------------------------------------------
    stmts := setup;
    FOR r IN 1..3 LOOP
        stmts := stmts || ARRAY(SELECT replace(x, '{round}', r::text)
                                  FROM unnest(cp_round) WITH ORDINALITY AS u(x, o) ORDER BY o);
    END LOOP;
    stmts := stmts || ARRAY[
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clap (
           pid bigint PRIMARY KEY, rno integer NOT NULL, fid bigint, child_id text, family_id text,
           dob date, uasc boolean, legacy boolean, st date,
           cls text, en date, rc text, pp text, t_pp integer, track text, t_c2 integer, t_e1 integer,
           t_a integer, stab text, early integer) ON COMMIT DROP$q$,

    -- round 1: families coming into care (about 62 a year, 1.6 children
    -- each), unaccompanied asylum-seeking children (11 a year, 15 to 17),
    -- and in the first two years (65 then 12 families a year) children who
    -- mostly stay, many until 18 (the care population a real extract would
    -- have inherited)
    $q$INSERT INTO pg_temp.cspi_gen_clap (pid, rno, fid, child_id, family_id, dob, uasc, legacy, st)
       SELECT pid, 1, fid, (300000000 + row_number() OVER (ORDER BY pid))::text,
              'F' || (300000000 + dense_rank() OVER (ORDER BY fid))::text, dob, uasc, legacy, t0
         FROM (SELECT f.fid * 10 + j AS pid, f.fid, f.uasc, f.legacy, f.t0,
                      f.t0 - f.age1 + CASE WHEN j = 1 THEN 0
                                           ELSE (j - 1) * 480 + floor(rnd('cla.sib', f.fid || '.' || j) * 600)::integer END AS dob
                 FROM (SELECT fid, uasc, legacy, t0,
                              CASE WHEN uasc THEN 1
                                   WHEN legacy THEN CASE WHEN uz < 0.7 THEN 1 WHEN uz < 0.9 THEN 2 ELSE 3 END
                                   WHEN uz < 0.50 THEN 1 WHEN uz < 0.78 THEN 2 WHEN uz < 0.92 THEN 3 ELSE 4 END AS z,
                              CASE WHEN uasc THEN 5480 + floor(ua2 * 985)
                                   WHEN legacy THEN 365 + floor(ua2 * 5600)
                                   WHEN ua < 0.17 THEN floor(ua2 ^ 2 * 365)
                                   WHEN ua < 0.32 THEN 365 + floor(ua2 * 1460)
                                   WHEN ua < 0.50 THEN 1826 + floor(ua2 * 1826)
                                   WHEN ua < 0.75 THEN 3652 + floor(ua2 * 1461)
                                   ELSE 5113 + floor(ua2 * 1400) END::integer AS age1
                         FROM (SELECT fid, uasc, legacy,
                                      make_date(y, 4, 1) + floor(rnd('cla.t0', fid) * fyd)::integer AS t0,
                                      rnd('cla.z', fid) AS uz, rnd('cla.a', fid) AS ua, rnd('cla.a2', fid) AS ua2
                                 FROM (SELECT y, fyd, y::bigint * 1000000 + n AS fid, n >= 500000 AND n < 800000 AS uasc,
                                              n >= 800000 AS legacy
                                         FROM generate_series($5, $6 - 1) AS y
                                        CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) d
                                        CROSS JOIN LATERAL (
                                              SELECT generate_series(1, round(62 * $2 * (0.88 + 0.24 * rnd('cla.vol', y)))::integer)
                                              UNION ALL
                                              SELECT 500000 + generate_series(1, round(11 * $2 * (0.7 + 0.6 * rnd('cla.uvol', y)))::integer)
                                              UNION ALL
                                              SELECT 800000 + generate_series(1, round($2 * CASE y - $5 WHEN 0 THEN 65 WHEN 1 THEN 12 ELSE 0 END)::integer)
                                              ) AS g(n)) a) b) f
                CROSS JOIN LATERAL generate_series(1, f.z) AS j) k
        WHERE dob <= t0$q$,

    -- edge case: a young child in care born on 29 February
    $q$UPDATE pg_temp.cspi_gen_clap c
          SET dob = x.leap
         FROM (SELECT pid, (SELECT max(make_date(yy, 3, 1) - 1)
                              FROM generate_series(extract(year FROM st)::integer - 4, extract(year FROM st)::integer) AS yy
                             WHERE (yy % 4 = 0 AND yy % 100 <> 0 OR yy % 400 = 0) AND make_date(yy, 3, 1) - 1 <= st) AS leap
                 FROM pg_temp.cspi_gen_clap
                WHERE NOT uasc AND NOT legacy AND st - dob < 3 * 365 AND st >= $3 + 365
                ORDER BY pid LIMIT 1) x
        WHERE c.pid = x.pid$q$
    ];
    FOR r IN 1..3 LOOP
        stmts := stmts || ARRAY(SELECT replace(x, '{round}', r::text)
                                  FROM unnest(cla_round) WITH ORDINALITY AS u(x, o) ORDER BY o);
    END LOOP;
    stmts := stmts || rest;

    FOREACH stmt IN ARRAY stmts LOOP
        step := step + 1;
        q := replace(stmt, '{s}', s);
        LOOP
            q2 := regexp_replace(q, '\mordof\(([^()]+)\)', '$7[\1 - $8 + 1]', 'g');
            q2 := regexp_replace(q2, '\mwdn\(([^()]+)\)', '$9[\1]', 'g');
            EXIT WHEN q2 = q;
            q := q2;
        END LOOP;
        q := regexp_replace(q, $re$\mrnd\('([^']+)',\s*([^()]+)\)$re$,
                            $re$((pg_catalog.hashtextextended('\1:' || (\2)::text, $1) & 9007199254740991)::float8 / 9007199254740992.0)$re$,
                            'g');
        t_step := clock_timestamp();
        BEGIN
            EXECUTE q USING seed::bigint, scale, d0, d1, first_year, last_year, ords, cal_base, wds, hols;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE, err_msg = MESSAGE_TEXT,
                                    err_detail = PG_EXCEPTION_DETAIL;
            RAISE EXCEPTION 'cspi.generate_source: step % failed: %', step, err_msg
                USING ERRCODE = err_state,
                      DETAIL = coalesce(err_detail || E'\n', '') || left(q, 2000);
        END;
        RAISE DEBUG 'cspi.generate_source: step % took % ms: %', step,
            round(extract(epoch FROM clock_timestamp() - t_step) * 1000), left(regexp_replace(stmt, '\s+', ' ', 'g'), 80);
    END LOOP;

    FOREACH rel IN ARRAY temps LOOP
        EXECUTE format('DROP TABLE IF EXISTS pg_temp.%I', rel);
    END LOOP;

    FOREACH rel IN ARRAY rels LOOP
        EXECUTE format('SELECT count(*) FROM %s.%I', s, rel) INTO n;
        relation := rel;
        row_count := n;
        RETURN NEXT;
    END LOOP;
END
$fn$;

COMMENT ON FUNCTION cspi.generate_source(name, numeric, integer, integer, integer) IS
'Fills the empty source tables of source_schema (made by cspi.create_source_tables) with a deterministic synthetic council for 1 April first_year to 31 March last_year and returns the number of rows of each relation. scale multiplies volumes and population (scale 1: about 22,000 children; a year has 1,400 referrals, 1,550 assessments, 200 child-protection plans, 120 children starting care, about 300 in care); seed gives another council of the same shape; the same arguments always give the same rows. Every event lies in the period, so stocks of plans and of children in care build up in the first year or two. Edge cases: referrals received on the working day before each bank holiday and on the holiday (Easter, Christmas, substitute days; still open when the next working day is after the end), on Saturdays and on a weekend Christmas Day; records open at the end; transfer-in conferences; short breaks (V3, V4); X1 continuations; same-carer changes (T, U); temporary placements T0-T4 followed by a return; 6-monthly health reviews under 5; children born on 29 February; two plans starting 31 August of the last year but one, first reviewed on 30 November (in time) and on 1 December (late); visits with a due date; a child missing at the end.';

