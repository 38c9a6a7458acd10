-- Every calendar function in a parallel plan gives the serial answer: the
-- workers read the calendar with their leader's snapshot.
SET datestyle = 'ISO, YMD';

-- A council calendar on top of a shipped one, with a holiday of its own and
-- a holiday added in this transaction, which the workers must see too.
INSERT INTO cspi.calendar (name, first_date, last_date, base)
VALUES ('parallel-council', '2000-01-01', '2039-12-31', 'england-and-wales');
INSERT INTO cspi.holiday (calendar, holiday_date, name)
VALUES ('parallel-council', '2024-12-27', 'Office closed');

CREATE TABLE parallel_dates AS
SELECT g AS id,
       date '2015-01-01' + (g::bigint * 7919 % 4000)::integer AS a,
       date '2015-01-01' + (g::bigint * 104729 % 4000)::integer AS b,
       (g % 61) - 30 AS n
  FROM generate_series(1, 60000) AS g;
ANALYZE parallel_dates;

-- The checks, as one row of sums: each function over every row.
CREATE VIEW parallel_sums AS
SELECT sum(cspi.working_days(a, b)) AS working_days,
       sum(cspi.working_days(a::timestamp, b::timestamp)) AS working_days_ts,
       sum(cspi.working_days(a::timestamptz, b::timestamptz)) AS working_days_tstz,
       sum(cspi.working_days_or_null(a, b + 9000)) AS or_null,
       count(cspi.working_days_or_null(a, b + 9000)) AS or_null_count,
       sum(cspi.add_working_days(a, n) - a) AS add_working_days,
       sum(cspi.workday(a, n) - a) AS workday,
       sum(cspi.networkdays(a, b)) AS networkdays,
       count(*) FILTER (WHERE cspi.is_working_day(a)) AS is_working_day,
       sum(cspi.next_working_day(a) - a) AS next_working_day,
       sum(cspi.previous_working_day(a) - a) AS previous_working_day,
       sum(cspi.working_days(a, b, 'parallel-council')) AS council,
       sum(cspi.working_days(a, b, 'scotland')) AS scotland,
       sum(cspi.working_days(a, b, ARRAY['2020-12-25', '2021-01-01']::date[])) AS holidays_array,
       sum(cspi.add_working_days(a, n, ARRAY['2020-12-25']::date[], '1111110') - a) AS add_array,
       sum(cspi.networkdays(a, b, '{}'::date[], '0111111')) AS networkdays_array,
       count(*) FILTER (WHERE cspi.is_working_day(a, ARRAY[a]::date[])) AS is_working_day_array
  FROM parallel_dates;

-- Serial.
SET max_parallel_workers_per_gather = 0;
SELECT * FROM parallel_sums \gset serial_

-- Parallel, with the leader only gathering, so that workers compute every
-- row; the plan has a Gather.
BEGIN;
INSERT INTO cspi.holiday (calendar, holiday_date, name)
VALUES ('parallel-council', '2024-12-30', 'Not committed yet');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT * FROM parallel_sums;
SELECT * FROM parallel_sums \gset parallel_
-- The uncommitted holiday is seen by the workers, as by the leader: it is
-- a Monday, so a row's count loses one when the day lies in (a, b], and its
-- negative count gains one when it lies in (b, a].
SELECT count(*) FILTER (WHERE a < '2024-12-30' AND b >= '2024-12-30') AS forwards,
       count(*) FILTER (WHERE b < '2024-12-30' AND a >= '2024-12-30') AS backwards
  FROM parallel_dates \gset
SELECT :forwards > 0 AND :backwards > 0 AS both_kinds_present,
       :parallel_council = :serial_council - :forwards + :backwards AS council_sees_own_change;
ROLLBACK;

SELECT :'serial_working_days' = :'parallel_working_days' AS working_days,
       :'serial_working_days_ts' = :'parallel_working_days_ts' AS working_days_ts,
       :'serial_working_days_tstz' = :'parallel_working_days_tstz' AS working_days_tstz,
       :'serial_or_null' = :'parallel_or_null' AS or_null,
       :'serial_or_null_count' = :'parallel_or_null_count' AS or_null_count,
       :'serial_add_working_days' = :'parallel_add_working_days' AS add_working_days,
       :'serial_workday' = :'parallel_workday' AS workday,
       :'serial_networkdays' = :'parallel_networkdays' AS networkdays,
       :'serial_is_working_day' = :'parallel_is_working_day' AS is_working_day,
       :'serial_next_working_day' = :'parallel_next_working_day' AS next_working_day,
       :'serial_previous_working_day' = :'parallel_previous_working_day' AS previous_working_day,
       :'serial_scotland' = :'parallel_scotland' AS scotland,
       :'serial_holidays_array' = :'parallel_holidays_array' AS holidays_array,
       :'serial_add_array' = :'parallel_add_array' AS add_array,
       :'serial_networkdays_array' = :'parallel_networkdays_array' AS networkdays_array,
       :'serial_is_working_day_array' = :'parallel_is_working_day_array' AS is_working_day_array;

-- Rows past the calendar's range were counted as NULL, not as an error.
SELECT :serial_or_null_count < 60000 AS some_rows_out_of_range;

-- An error raised in a worker (one row is out of range, so the message does
-- not depend on which worker reads it) reaches the client as in a serial plan (its
-- CONTEXT line, "parallel worker", is not shown: force_parallel_mode =
-- regress hides it, and make test runs this file in both modes).
\set SHOW_CONTEXT never
BEGIN;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT sum(cspi.working_days(a, CASE WHEN id = 777 THEN date '2045-01-01' ELSE b END)) FROM parallel_dates;
ROLLBACK;
\set SHOW_CONTEXT errors

RESET max_parallel_workers_per_gather;
DROP VIEW parallel_sums;
DROP TABLE parallel_dates;
DELETE FROM cspi.calendar WHERE name = 'parallel-council';
