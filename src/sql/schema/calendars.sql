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
