-- Bad input to the calendar functions: a clear error, never a silent count.
SET datestyle = 'ISO, YMD';
\set VERBOSITY default

-- An unknown calendar; the hint lists the known ones.
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date, 'england');
-- Dates outside the calendar's known range (1995-01-01 to 2040-12-31).
SELECT cspi.working_days('1994-12-30'::date, '2024-04-02'::date);
SELECT cspi.working_days('2024-03-28'::date, '2041-01-02'::date);
SELECT cspi.is_working_day('1990-01-01');
SELECT cspi.networkdays('2024-03-28', '2041-01-01');
-- ... and results that would leave it.
SELECT cspi.add_working_days('2040-12-24', 10);
SELECT cspi.add_working_days('1995-01-05', -10);
SELECT cspi.next_working_day('2040-12-31');
-- The ends of the range themselves are fine: 2 January 1995 was the New
-- Year substitute day, so 1 to 6 January 1995 is 4 working days and the
-- first working day was Tuesday 3 January; 24 to 31 December 2040 counting
-- both ends is 4 (24, 27, 28, 31: Christmas falls on Tuesday).
SELECT cspi.working_days('1995-01-01'::date, '1995-01-06'::date) AS first_week,
       cspi.previous_working_day('1995-01-04') AS first_working_day,
       cspi.networkdays('2040-12-24', '2040-12-31') AS last_week;
-- ... but the day before the first working day is not known.
SELECT cspi.previous_working_day('1995-01-03');
-- working_days_or_null answers NULL where working_days errors (the
-- indicator views use it), and counts like it elsewhere.
SELECT cspi.working_days_or_null('1994-12-30'::date, '2024-04-02'::date) IS NULL AS before_range,
       cspi.working_days_or_null('2024-03-28'::date, 'infinity'::date) IS NULL AS infinite,
       cspi.working_days_or_null('2024-03-28'::date, '2024-04-02'::date) AS easter_2024;
SELECT cspi.working_days_or_null('2024-03-28'::date, '2024-04-02'::date, 'england');
-- Infinite dates.
SELECT cspi.working_days('-infinity'::date, '2024-04-02'::date);
SELECT cspi.add_working_days('infinity', 1);
SELECT cspi.working_days('infinity'::timestamp, '2024-04-02'::timestamp);
-- A bad calendar row is refused when it is written.
INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)
VALUES ('bad', '0000000', '2024-01-01', '2024-12-31');
INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)
VALUES ('bad', '11111', '2024-01-01', '2024-12-31');
INSERT INTO cspi.calendar (name, first_date, last_date)
VALUES ('bad', '2024-12-31', '2024-01-01');
INSERT INTO cspi.holiday (calendar, holiday_date) VALUES ('no-such-calendar', '2024-01-01');
INSERT INTO cspi.holiday (calendar, holiday_date) VALUES ('england-and-wales', 'infinity');
