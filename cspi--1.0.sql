/* cspi--1.0.sql: children's social care performance indicators */

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

GRANT SELECT ON cspi.calendar, cspi.holiday TO PUBLIC;

CREATE FUNCTION cspi.calendar_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_changed' LANGUAGE C;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes.';

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

INSERT INTO cspi.calendar (name, weekmask, first_date, last_date, description, shipped) VALUES
    ('england-and-wales', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in England and Wales, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('scotland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Scotland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true),
    ('northern-ireland', '1111100', '1995-01-01', '2040-12-31',
     'Bank holidays in Northern Ireland, Monday to Friday. Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true);

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

CREATE FUNCTION cspi.working_days("from" date, "to" date,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, text) IS
'Working days d with from < d <= to (same day = 0, next working day = 1); negative when to is before from. Errors for dates outside the calendar''s known range.';

CREATE FUNCTION cspi.working_days("from" timestamp, "to" timestamp,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_timestamp'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(timestamp, timestamp, text) IS
'working_days on the calendar dates of two timestamps.';

CREATE FUNCTION cspi.working_days("from" timestamptz, "to" timestamptz,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_timestamptz'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(timestamptz, timestamptz, text) IS
'working_days on the calendar dates of two timestamps with time zone, in the session time zone.';

CREATE FUNCTION cspi.add_working_days(d date, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, text) IS
'The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). working_days(d, add_working_days(d, n)) = n for n >= 0.';

CREATE FUNCTION cspi.networkdays(start date, finish date,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, text) IS
'Excel''s NETWORKDAYS: working days from start to finish counting both ends; negative when finish is before start.';

CREATE FUNCTION cspi.workday(start date, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, text) IS
'Excel''s WORKDAY: the date days working days after (or, when negative, before) start; start itself when days = 0.';

CREATE FUNCTION cspi.is_working_day(d date,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, text) IS
'True when d is a working weekday of the calendar and not one of its holidays.';

CREATE FUNCTION cspi.next_working_day(d date,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_next_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.next_working_day(date, text) IS
'The first working day after d (strictly after: add_working_days(d, 1)).';

CREATE FUNCTION cspi.previous_working_day(d date,
                                          calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_previous_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.previous_working_day(date, text) IS
'The last working day before d (strictly before: add_working_days(d, -1)).';

--------------------------------------------------------------------------
-- Working days against holidays given as an argument (IMMUTABLE)
--------------------------------------------------------------------------

CREATE FUNCTION cspi.working_days("from" date, "to" date, holidays date[],
                                  weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, date[], text) IS
'working_days against the given holidays and weekmask (Monday first, 1 = working day), like numpy''s busday_count shifted by one day; IMMUTABLE, for generated columns and index expressions.';

CREATE FUNCTION cspi.add_working_days(d date, n integer, holidays date[],
                                      weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, date[], text) IS
'add_working_days against the given holidays and weekmask; IMMUTABLE.';

CREATE FUNCTION cspi.networkdays(start date, finish date, holidays date[],
                                 weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, date[], text) IS
'Excel''s NETWORKDAYS.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE FUNCTION cspi.workday(start date, days integer, holidays date[],
                             weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, date[], text) IS
'Excel''s WORKDAY.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE FUNCTION cspi.is_working_day(d date, holidays date[],
                                    weekmask text DEFAULT '1111100')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, date[], text) IS
'is_working_day against the given holidays and weekmask; IMMUTABLE.';

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
    FUNCTION 1 cspi.ratio_cmp(cspi.ratio, cspi.ratio);

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

CREATE FUNCTION cspi.rate_per(count bigint, population bigint, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(bigint, bigint, integer) IS
'count per per (default 10,000) of population, unrounded; an error when population is not positive.';
CREATE FUNCTION cspi.rate_per(count numeric, population numeric, per integer DEFAULT 10000)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per(numeric, numeric, integer) IS
'count per per (default 10,000) of a fractional population, unrounded.';
CREATE FUNCTION cspi.rate_per_10k(count bigint, population bigint) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(bigint, bigint) IS
'count per 10,000 of population as reports show it: rounded half away from zero to one decimal place, exactly (146 in 22,256 is 65.6).';
CREATE FUNCTION cspi.rate_per_10k(count numeric, population numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cspi_rate_per_10k_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.rate_per_10k(numeric, numeric) IS
'count per 10,000 of a fractional population, rounded half away from zero to one decimal place, exactly.';

-- integer overloads, so that calls with integer arguments (literals, int4
-- columns) are not ambiguous between the bigint and numeric versions.
CREATE FUNCTION cspi.rate_per(count integer, population integer, per integer DEFAULT 10000)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT cspi.rate_per($1::bigint, $2::bigint, $3) $$;
COMMENT ON FUNCTION cspi.rate_per(integer, integer, integer) IS
'rate_per for integer arguments.';
CREATE FUNCTION cspi.rate_per_10k(count integer, population integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT cspi.rate_per_10k($1::bigint, $2::bigint) $$;
COMMENT ON FUNCTION cspi.rate_per_10k(integer, integer) IS
'rate_per_10k for integer arguments.';

CREATE FUNCTION cspi.target_met(value numeric, target numeric, polarity text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_target_met' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.target_met(numeric, numeric, text) IS
'Whether value meets target: value >= target when polarity is ''higher'' (is better), value <= target when ''lower''; any other polarity is an error.';
