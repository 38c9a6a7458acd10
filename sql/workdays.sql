-- Working days against the shipped calendars: hand-worked examples.
SET datestyle = 'ISO, YMD';

-- Easter 2024: a referral received Thursday 28 March and completed Tuesday
-- 2 April took 1 working day (Good Friday 29 March and Easter Monday
-- 1 April are bank holidays, 30-31 March a weekend).
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date) AS easter_2024;
-- The same day is day 0; the next working day is 1; backwards is negative.
SELECT cspi.working_days('2024-03-28'::date, '2024-03-28'::date) AS same_day,
       cspi.working_days('2024-03-27'::date, '2024-03-28'::date) AS next_day,
       cspi.working_days('2024-04-02'::date, '2024-03-28'::date) AS backwards;
-- The clock starts on the day of receipt even on a weekend: Saturday
-- 9 March to Monday 11 March 2024 is 1 working day.
SELECT cspi.working_days('2024-03-09'::date, '2024-03-11'::date) AS saturday_to_monday;
-- The 2022 jubilee week: spring bank holiday moved from Monday 30 May to
-- Thursday 2 June, plus Friday 3 June.  Wednesday 1 June to Monday 6 June
-- is 1; Friday 27 May to Tuesday 7 June is 5 (30, 31 May, 1, 6, 7 June).
SELECT cspi.working_days('2022-06-01'::date, '2022-06-06'::date) AS jubilee_1,
       cspi.working_days('2022-05-27'::date, '2022-06-07'::date) AS jubilee_5;
-- Christmas 2021 fell on a Saturday: Friday 24 to Wednesday 29 December is 1.
SELECT cspi.working_days('2021-12-24'::date, '2021-12-29'::date) AS christmas_2021;
-- An assessment started Monday 3 April 2023 is due on its 45th working day:
-- Easter (7, 10 April), early May (1 May), the coronation (8 May) and the
-- spring bank holiday (29 May) push it from 5 June to Monday 12 June.
SELECT cspi.add_working_days('2023-04-03', 45) AS due_45wd,
       cspi.working_days('2023-04-03'::date, '2023-06-12'::date) AS back_45;

-- Nations differ: Easter Monday is a working day in Scotland, 2 January
-- and St Andrew's Day (Thursday 30 November 2023) are not; St Patrick's
-- Day 2024 fell on a Sunday, so Monday 18 March was Northern Ireland's.
SELECT d::date,
       cspi.is_working_day(d::date) AS ew,
       cspi.is_working_day(d::date, 'scotland') AS sc,
       cspi.is_working_day(d::date, 'northern-ireland') AS ni
  FROM unnest(ARRAY['2024-04-01', '2024-01-02', '2023-11-30', '2024-03-18',
                    '2024-03-30', '2024-04-02']) AS d;

-- add_working_days, next and previous working day, Excel's WORKDAY.
SELECT cspi.add_working_days('2024-03-28', 1) AS plus_1,
       cspi.add_working_days('2024-03-28', 2) AS plus_2,
       cspi.add_working_days('2024-04-02', -1) AS minus_1,
       cspi.add_working_days('2024-03-30', 0) AS plus_0_saturday,
       cspi.next_working_day('2024-03-28') AS next_wd,
       cspi.next_working_day('2024-03-30') AS next_from_saturday,
       cspi.previous_working_day('2024-04-02') AS previous_wd,
       cspi.workday('2024-03-28', 2) AS workday_2,
       cspi.workday('2024-03-30', 0) AS workday_0;

-- Excel's NETWORKDAYS counts both ends: 28 March to 2 April 2024 is 2, and
-- -2 the other way; a weekend day alone is 0; 1 to 31 January 2024 is 22
-- (23 weekdays less New Year's Day).
SELECT cspi.networkdays('2024-03-28', '2024-04-02') AS easter,
       cspi.networkdays('2024-04-02', '2024-03-28') AS reversed,
       cspi.networkdays('2024-03-30', '2024-03-30') AS saturday,
       cspi.networkdays('2024-01-01', '2024-01-31') AS january_2024;

-- Timestamps are taken at their calendar date; a timestamptz at its date
-- in England (Europe/London), whatever the session's time zone.  02:00
-- UTC on Tuesday 2 April 2024 is 2 April in England (03:00 BST), in a New
-- York session too, where it is still Easter Monday: (28 March, 2 April]
-- holds Good Friday, Easter Monday and 2 April, one working day.
SELECT cspi.working_days('2024-03-28 23:30'::timestamp, '2024-04-02 00:10'::timestamp) AS ts;
SET timezone = 'Europe/London';
SELECT cspi.working_days('2024-03-28 12:00+00'::timestamptz, '2024-04-02 02:00+00'::timestamptz) AS london;
SET timezone = 'America/New_York';
SELECT cspi.working_days('2024-03-28 12:00+00'::timestamptz, '2024-04-02 02:00+00'::timestamptz) AS new_york;

-- The other functions have the same timestamp forms.  A Freedom of
-- Information request received at 23:30 UTC on Sunday 30 June 2024 was
-- received on Monday 1 July in England (00:30 BST).  Its deadline is the
-- 20th working day after that, on the calendar of a bank holiday in any
-- part of the UK (uk-any): 2-5, 8-11, 15-19, 22-26, 29 and 30 July, since
-- Friday 12 July is a bank holiday in Northern Ireland: Tuesday 30 July.
-- In England and Wales alone it is Monday 29 July.  Read in the session's
-- time zone (UTC) it would be received on Sunday 30 June, due 29 July.
SET timezone = 'UTC';
SELECT cspi.add_working_days('2024-06-30 23:30+00'::timestamptz, 20, 'uk-any') AS foi_deadline,
       cspi.add_working_days('2024-06-30 23:30+00'::timestamptz, 20) AS england_and_wales,
       cspi.add_working_days(('2024-06-30 23:30+00'::timestamptz)::date, 20, 'uk-any') AS session_date;
-- 23:30 UTC on Easter Monday 1 April 2024 is 00:30 on Tuesday 2 April in
-- England: a working day.  28 March (Thursday, 23:30 GMT) to 2 April
-- counts two working days both ends included (28 March and 2 April); the
-- first working day after 28 March is 2 April.
SELECT cspi.is_working_day('2024-04-01 23:30+00'::timestamptz) AS tuesday_in_england,
       cspi.is_working_day('2024-04-01 12:00+00'::timestamptz) AS easter_monday,
       cspi.networkdays('2024-03-28 23:30+00'::timestamptz, '2024-04-01 23:30+00'::timestamptz) AS networkdays_tz,
       cspi.workday('2024-03-28 23:30+00'::timestamptz, 1) AS workday_tz;
RESET timezone;
-- Timestamps without time zone: their own date.
SELECT cspi.add_working_days('2024-03-28 23:30'::timestamp, 1) AS add_ts,
       cspi.is_working_day('2024-04-01 12:00'::timestamp) AS easter_monday_ts,
       cspi.networkdays('2024-03-28 09:00'::timestamp, '2024-04-02 17:00'::timestamp) AS networkdays_ts,
       cspi.workday('2024-04-02 09:00'::timestamp, -1) AS workday_ts;
-- A date written as a bare literal (or sent as an untyped parameter) reads
-- as that date, even in a session east of London, where midnight is the
-- evening before in England: 28 March to 2 April is 1 working day, the
-- first after 28 March is 2 April, Easter Monday is not one.
SELECT cspi.add_working_days('2024-03-28', 1) AS literal;
SET timezone = 'Europe/Berlin';
SELECT cspi.working_days('2024-03-28', '2024-04-02') AS berlin_wd,
       cspi.add_working_days('2024-03-28', 1) AS berlin_add,
       cspi.networkdays('2024-03-28', '2024-04-02') AS berlin_networkdays,
       cspi.workday('2024-04-02', -1) AS berlin_workday,
       cspi.is_working_day('2024-04-01') AS berlin_easter_monday;
RESET timezone;

-- Properties over every day of 2023 and 0..60 working days:
-- working_days(d, add_working_days(d, n)) = n, and NETWORKDAYS equals
-- working_days plus the start day when it is a working day.
SELECT count(*) AS checked,
       count(*) FILTER (WHERE cspi.working_days(d, cspi.add_working_days(d, n)) <> n) AS round_trip_failures,
       count(*) FILTER (WHERE cspi.networkdays(d, d + n)
                              <> cspi.working_days(d, d + n) + cspi.is_working_day(d)::int) AS networkdays_failures
  FROM (SELECT d::date FROM generate_series('2023-01-01'::date, '2023-12-31', '1 day') AS g(d)) AS days,
       generate_series(0, 60) AS n;

-- NULL in, NULL out.
SELECT cspi.working_days(NULL::date, '2024-01-01'::date) IS NULL AS a,
       cspi.working_days('2024-01-01'::date, NULL::date) IS NULL AS b,
       cspi.working_days('2024-01-01'::date, '2024-01-02'::date, NULL::text) IS NULL AS c,
       cspi.add_working_days('2024-01-01', NULL) IS NULL AS d,
       cspi.is_working_day(NULL) IS NULL AS e;
