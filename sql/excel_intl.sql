-- Excel's own NETWORKDAYS.INTL and WORKDAY.INTL: networkdays_intl and
-- workday_intl take Excel's weekend argument, a code or a string with 1 for
-- a day off (the opposite of numpy's weekmask).  Every expected value here
-- is worked by hand or is Microsoft's documented answer; each query shows
-- it beside cspi's.
SET datestyle = 'ISO, YMD';
\set VERBOSITY default

-- Microsoft's examples of NETWORKDAYS.INTL.
SELECT formula, got, expected, got = expected AS ok
  FROM (VALUES
    ('NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))',
     cspi.networkdays_intl('2006-01-01', '2006-01-31'), 22),
    ('NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))',
     cspi.networkdays_intl('2006-02-28', '2006-01-31'), -21),
    ('NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{"2006/1/2","2006/1/16"})',
     cspi.networkdays_intl('2006-01-01', '2006-02-01', 7, '{2006-01-02,2006-01-16}'::date[]), 22),
    ('NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),"0010001",{"2006/1/2","2006/1/16"})',
     cspi.networkdays_intl('2006-01-01', '2006-02-01', '0010001', '{2006-01-02,2006-01-16}'::date[]), 20)
  ) AS t(formula, got, expected);

-- Microsoft's examples of WORKDAY.INTL: 41013 is 14 April 2012 (the
-- 90th working day after Sunday 1 January with Sundays off: 15 weeks of 6),
-- 40944 is 5 February 2012.
SELECT formula, got, expected, got = expected AS ok
  FROM (VALUES
    ('WORKDAY.INTL(DATE(2012,1,1),90,11)',
     cspi.workday_intl('2012-01-01', 90, 11), '2012-04-14'::date),
    ('WORKDAY.INTL(DATE(2012,1,1),30,17)',
     cspi.workday_intl('2012-01-01', 30, 17), '2012-02-05')
  ) AS t(formula, got, expected);
-- WORKDAY.INTL(DATE(2012,1,1),30,0) is #NUM!: 0 is not a weekend code.
SELECT cspi.workday_intl('2012-01-01', 30, 0);

-- Every code, and its string, in January 2024 (it starts on a Monday:
-- five Mondays, Tuesdays and Wednesdays, four of each other day), counted
-- both ends; and 5 working days after Monday 1 January, 1 before Monday
-- 8 January.  ok: the code and the string both give the expected values.
SELECT code, string, days_off,
       cspi.networkdays_intl('2024-01-01', '2024-01-31', code) AS by_code,
       expected,
       cspi.workday_intl('2024-01-01', 5, code) AS plus_5,
       cspi.workday_intl('2024-01-08', -1, code) AS minus_1,
       cspi.networkdays_intl('2024-01-01', '2024-01-31', code) = expected
         AND cspi.networkdays_intl('2024-01-01', '2024-01-31', string) = expected
         AND cspi.workday_intl('2024-01-01', 5, code) = expected_plus_5
         AND cspi.workday_intl('2024-01-01', 5, string) = expected_plus_5
         AND cspi.workday_intl('2024-01-08', -1, code) = expected_minus_1
         AND cspi.workday_intl('2024-01-08', -1, string) = expected_minus_1 AS ok
  FROM (VALUES
    (1,  '0000011', 'Saturday, Sunday',    31 - 8,  '2024-01-08'::date, '2024-01-05'::date),
    (2,  '1000001', 'Sunday, Monday',      31 - 9,  '2024-01-06', '2024-01-06'),
    (3,  '1100000', 'Monday, Tuesday',     31 - 10, '2024-01-07', '2024-01-07'),
    (4,  '0110000', 'Tuesday, Wednesday',  31 - 10, '2024-01-08', '2024-01-07'),
    (5,  '0011000', 'Wednesday, Thursday', 31 - 9,  '2024-01-08', '2024-01-07'),
    (6,  '0001100', 'Thursday, Friday',    31 - 8,  '2024-01-08', '2024-01-07'),
    (7,  '0000110', 'Friday, Saturday',    31 - 8,  '2024-01-08', '2024-01-07'),
    (11, '0000001', 'Sunday',              31 - 4,  '2024-01-06', '2024-01-06'),
    (12, '1000000', 'Monday',              31 - 5,  '2024-01-06', '2024-01-07'),
    (13, '0100000', 'Tuesday',             31 - 5,  '2024-01-07', '2024-01-07'),
    (14, '0010000', 'Wednesday',           31 - 5,  '2024-01-07', '2024-01-07'),
    (15, '0001000', 'Thursday',            31 - 4,  '2024-01-07', '2024-01-07'),
    (16, '0000100', 'Friday',              31 - 4,  '2024-01-07', '2024-01-07'),
    (17, '0000010', 'Saturday',            31 - 4,  '2024-01-07', '2024-01-07')
  ) AS t(code, string, days_off, expected, expected_plus_5, expected_minus_1)
 ORDER BY code;

-- No day off: every day counts.  Every day off ("1111111"): NETWORKDAYS.INTL
-- counts 0, either way round; WORKDAY.INTL refuses it.
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '0000000') AS every_day,
       cspi.networkdays_intl('2024-01-01', '2024-01-31', '1111111') AS no_day,
       cspi.networkdays_intl('2024-01-31', '2024-01-01', '1111111') AS no_day_backwards,
       cspi.networkdays_intl('2024-03-28', '2024-04-02', '1111111', 'england-and-wales') AS no_day_calendar;
SELECT cspi.workday_intl('2024-01-01', 1, '1111111');
SELECT cspi.workday_intl('2024-01-01', 0, '1111111', 'england-and-wales');

-- Excel's string is the opposite of numpy's weekmask: '0010001' is
-- Wednesday and Sunday off for Excel, the only working days for numpy
-- (Wednesdays and Sundays from 1 January to 1 February 2006: 5 + 5 = 10).
-- The inverted string gives numpy's answer.
SELECT cspi.networkdays_intl('2006-01-01', '2006-02-01', '0010001') AS excel_weekend,
       cspi.networkdays('2006-01-01', '2006-02-01', '{}'::date[], '0010001') AS numpy_weekmask,
       cspi.networkdays_intl('2006-01-01', '2006-02-01', '1101110') AS inverted;

-- Holidays: duplicates, any order, one on a day off (Saturday 30 March 2024
-- is a holiday only when Saturday is worked), starts on weekends and
-- holidays, zero offsets.
SELECT cspi.networkdays_intl('2024-03-28', '2024-04-02', 1,
                             '{2024-04-01,2024-03-29,2024-03-29,2024-03-30}'::date[]) AS sat_sun_off,  -- Thu, Tue: 2
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 11,
                             '{2024-04-01,2024-03-29,2024-03-29,2024-03-30}'::date[]) AS sun_off,      -- Thu, Tue: 2
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 11,
                             '{2024-04-01,2024-03-29}'::date[]) AS sun_off_sat_worked,                -- Thu, Sat, Tue: 3
       cspi.workday_intl('2024-03-29', 0, 1, '{2024-03-29}'::date[]) AS zero_on_holiday,             -- itself
       cspi.workday_intl('2024-03-30', 0) AS zero_on_saturday,                                       -- itself
       cspi.workday_intl('2024-03-30', 1, 1, '{2024-03-29,2024-04-01}'::date[]) AS from_saturday,    -- Tue 2 Apr
       cspi.workday_intl('2024-04-01', -1, 1, '{2024-03-29,2024-04-01}'::date[]) AS back_from_holiday, -- Thu 28 Mar
       cspi.networkdays_intl('2024-03-30', '2024-03-31') AS weekend_only;                            -- 0

-- NULL: a NULL element is a blank cell, skipped; NULL holidays are none; a
-- NULL weekend is the omitted argument (1); a NULL date, number of days or
-- calendar gives NULL.
SELECT cspi.networkdays_intl('2024-03-28', '2024-04-02', 1,
                             '{2024-03-29,NULL,2024-04-01}'::date[]) AS null_element,     -- 2
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 1, NULL::date[]) AS null_holidays,  -- 4
       cspi.networkdays_intl('2006-01-01', '2006-01-31', NULL) AS null_weekend,           -- 22
       cspi.networkdays_intl('2006-01-01', '2006-01-31', NULL::integer) AS null_code,     -- 22
       cspi.workday_intl('2012-01-01', 30, NULL) AS null_weekend_workday,                 -- Fri 10 Feb
       cspi.workday_intl('2012-01-01', 30, NULL, NULL::date[]) AS both_null;              -- Fri 10 Feb
SELECT cspi.networkdays_intl(NULL, '2024-01-31') IS NULL AS null_start,
       cspi.networkdays_intl('2024-01-01', NULL, '0000011') IS NULL AS null_finish,
       cspi.workday_intl('2024-01-01', NULL::integer) IS NULL AS null_days,
       cspi.workday_intl(NULL, 1.5) IS NULL AS null_start_numeric,
       cspi.networkdays_intl('2024-01-01', '2024-01-31', 1, NULL::text) IS NULL AS null_calendar,
       cspi.workday_intl('2024-01-01', 1, '0000011', NULL::text) IS NULL AS null_calendar_workday;

-- A fractional number of days is truncated toward zero, as Excel does:
-- 2.9 after Monday 1 January 2024 is 2 (Wednesday 3rd), -2.9 before Friday
-- 5 January is -2 (Wednesday 3rd), 0.5 is 0 (the start itself).
SELECT cspi.workday_intl('2024-01-01', 2.9) AS plus_2_9,
       cspi.workday_intl('2024-01-05', -2.9, '0000011') AS minus_2_9,
       cspi.workday_intl('2024-01-06', 0.5) AS plus_half,
       cspi.workday_intl('2024-01-06', -0.5, 1, '{}'::date[]) AS minus_half,
       cspi.workday_intl('2024-03-28', 1.99, 1, 'england-and-wales') AS calendar_1_99;  -- Tue 2 Apr

-- On a calendar of cspi.calendar: its holidays and range, Excel's weekend.
-- Easter 2024 on England and Wales: Saturday and Sunday off, 2 (Thursday
-- and Tuesday); Sundays off, 3 (Saturday too); Saturdays off, 3 (Sunday).
SELECT code, cspi.networkdays_intl('2024-03-28', '2024-04-02', code, 'england-and-wales') AS got, expected
  FROM (VALUES (1, 2), (11, 3), (1, 2), (17, 3), (2, 3), (11, 3)) AS t(code, expected);
-- The weekend may vary from row to row, as strings too.
SELECT weekend, cspi.workday_intl('2024-03-28', 1, weekend, 'england-and-wales') AS got, expected
  FROM (VALUES ('0000011', '2024-04-02'::date), ('0000001', '2024-03-30'),
               ('0000011', '2024-04-02'), ('0000000', '2024-03-30'),
               ('1000011', '2024-04-02')) AS t(weekend, expected);
-- A calendar's holiday on its own day off counts when Excel's weekend works
-- that day: Saturday 30 March is a holiday of this Monday-to-Friday
-- calendar, and a working day with Sundays off (11).  Its weekmask plays no
-- part.
INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)
VALUES ('excel-intl', '1111100', '2024-01-01', '2024-12-31'),
       ('excel-intl-six', '1111110', '2024-01-01', '2024-12-31');
INSERT INTO cspi.holiday (calendar, holiday_date)
VALUES ('excel-intl', '2024-03-29'), ('excel-intl', '2024-03-30'),
       ('excel-intl-six', '2024-03-29');
SELECT cspi.networkdays_intl('2024-03-28', '2024-04-02', 11, 'excel-intl') AS saturday_holiday,  -- Thu, Mon, Tue: 3
       cspi.networkdays('2024-03-28', '2024-04-02', 'excel-intl') AS own_weekmask,            -- Thu, Mon, Tue: 3
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 1, 'excel-intl') AS sat_sun_off,     -- 3
       cspi.workday_intl('2024-03-28', 1, 11, 'excel-intl') AS next_sundays_off,              -- Mon 1 Apr
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 1, 'excel-intl-six') AS six_day_calendar;  -- Thu, Mon, Tue: 3
-- ... and its range still holds.
SELECT cspi.networkdays_intl('2023-12-29', '2024-01-02', 1, 'excel-intl');
SELECT cspi.networkdays_intl('2023-12-29', '2024-01-02', '1111111', 'excel-intl');
SELECT cspi.workday_intl('2024-12-30', 5, 11, 'excel-intl');
DELETE FROM cspi.holiday WHERE calendar IN ('excel-intl', 'excel-intl-six');
DELETE FROM cspi.calendar WHERE name IN ('excel-intl', 'excel-intl-six');

-- Timestamps and text: a timestamp's date; a timestamp with time zone's
-- date in England (23:30 UTC on Sunday 30 June 2024 is Monday 1 July there;
-- 20 working days later with a bank holiday anywhere in the UK, 12 July in
-- Northern Ireland, is Tuesday 30 July); a bare literal is that date.
SET timezone = 'UTC';
SELECT cspi.networkdays_intl('2024-03-28 10:00'::timestamp, '2024-04-02 09:00'::timestamp, 1,
                             'england-and-wales') AS timestamps,                                    -- 2
       cspi.workday_intl('2024-06-30 23:30+00'::timestamptz, 20, 1, 'uk-any') AS timestamptz_20,    -- 2024-07-30
       cspi.workday_intl('2024-06-30 23:30+00'::timestamptz, 20.7, '0000011', 'uk-any') AS timestamptz_20_7,
       cspi.networkdays_intl('2024-03-28', '2024-04-02', 1, 'england-and-wales') AS text_dates,     -- 2
       cspi.workday_intl('2024-03-28', 1, '0000011', 'england-and-wales') AS text_workday;          -- 2024-04-02
RESET timezone;

-- IMMUTABLE with the holidays as an argument: a generated column.
CREATE TABLE excel_intl_wd (
    start_date date,
    finish_date date,
    nwd integer GENERATED ALWAYS AS
        (cspi.networkdays_intl(start_date, finish_date, 7, '{2006-01-02,2006-01-16}'::date[])) STORED
);
INSERT INTO excel_intl_wd VALUES ('2006-01-01', '2006-02-01'), ('2006-02-01', '2006-01-01');
SELECT * FROM excel_intl_wd ORDER BY start_date;
DROP TABLE excel_intl_wd;

-- Bad input: a clear error, never a silent count.
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 0);
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 8);
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 10);
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 18);
SELECT cspi.workday_intl('2024-01-01', 1, -1);
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '000001');
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '00000110');
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '0000O11');
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '1');
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', '');
SELECT cspi.workday_intl('2024-01-01', 1, 'MTWTFss', 'england-and-wales');
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 1, 'england');
SELECT cspi.networkdays_intl('1994-12-30', '2024-01-31', 1, 'england-and-wales');
SELECT cspi.networkdays_intl('2024-01-01', 'infinity', 1);
SELECT cspi.networkdays_intl('-infinity', '2024-01-01', '1111111');
SELECT cspi.workday_intl('5874897-12-30', 5);
-- (terse: where the SQL function's context line goes differs by version)
\set VERBOSITY terse
SELECT cspi.workday_intl('2024-01-01', 1e10);
\set VERBOSITY default
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 1, '{infinity}'::date[]);
SELECT cspi.networkdays_intl('2024-01-01', '2024-01-31', 1, '{{2024-01-02},{2024-01-03}}'::date[]);
