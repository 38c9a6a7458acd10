-- workdays.sql: cspi.working_days against the plain-SQL ways of counting
-- working days, per row, over the same random date pairs, in one run.
--
--   floor          sum(b - a): one built-in function call a row
--   cspi           sum(cspi.working_days(a, b))
--   closed form    weekdays by arithmetic (weeks x 5 plus the remainder)
--                  minus a count of holidays from cspi.holiday
--   generate_series  count the days between that are weekdays and not
--                  holidays, the usual way in SQL
--
-- The slow ways run over the first rows only (1,000,000 and 20,000): the
-- figure is their time per row.  Most pairs are up to 60 days apart, as
-- casework is; the "wide" rows repeat the comparison for pairs up to a year
-- apart, where the generate_series way costs six times as much and cspi the
-- same.  Each query runs three times; the best counts.  Serial plans, so
-- that per-row costs compare; then the floor and cspi again with PostgreSQL's
-- default two parallel workers, side by side.  Two per-row-array cases: a
-- holiday array that changes with every row (compiled every row), and the
-- sparse {0001-01-01, 9999-12-31}, which must not cost an index of 14 MB a
-- row (it is binary-searched).  Server settings are PostgreSQL's defaults.
\set ON_ERROR_STOP on
CREATE EXTENSION cspi;
SET jit = off;

\i bench/common.sql

-- Random pairs in 1996 to 2039: most within 60 days, as casework is.
CREATE TABLE pairs AS
SELECT id, a, a + (random() * 60)::int AS b
  FROM (SELECT id, '1996-01-01'::date + (random() * 16000)::int AS a
          FROM generate_series(1, :rows) AS id) s;
VACUUM ANALYZE pairs;
CREATE TABLE pairs_1m AS SELECT * FROM pairs WHERE id <= 1000000;
CREATE TABLE pairs_20k AS SELECT * FROM pairs WHERE id <= 20000;
-- Pairs up to a year apart ("within 12 months"), for the methods whose cost
-- grows with the length of the interval.
CREATE TABLE wide_pairs AS
SELECT id, a, a + (random() * 365)::int AS b
  FROM (SELECT id, '1996-01-01'::date + (random() * 15800)::int AS a
          FROM generate_series(1, least(:rows, 1000000)) AS id) s;
CREATE TABLE wide_pairs_5k AS SELECT * FROM wide_pairs WHERE id <= 5000;
VACUUM ANALYZE pairs_1m, pairs_20k, wide_pairs, wide_pairs_5k;

CREATE TEMP TABLE result AS
SELECT * FROM pg_temp.bench('floor: sum(b - a)',
    'SELECT sum(b - a) FROM pairs', :rows)
UNION ALL
SELECT * FROM pg_temp.bench('cspi.working_days(a, b)',
    'SELECT sum(cspi.working_days(a, b)) FROM pairs', :rows)
UNION ALL
SELECT * FROM pg_temp.bench('cspi.working_days(a, b, holidays[])',
    $q$SELECT sum(cspi.working_days(a, b, (SELECT array_agg(holiday_date) FROM cspi.holiday WHERE calendar = 'england-and-wales'))) FROM pairs$q$, :rows)
UNION ALL
SELECT * FROM pg_temp.bench('per-row holiday array (1M rows)',
    $q$SELECT sum(cspi.working_days(a, b, ARRAY[a + 1, a + 8, b - 1]::date[])) FROM pairs_1m$q$,
    (SELECT count(*) FROM pairs_1m))
UNION ALL
SELECT * FROM pg_temp.bench('per-row sparse array {0001-01-01 + id % 2, 9999-12-31} (1M rows)',
    $q$SELECT sum(cspi.working_days(a, b, ARRAY[date '0001-01-01' + (id % 2)::int, date '9999-12-31'])) FROM pairs_1m$q$,
    (SELECT count(*) FROM pairs_1m))
UNION ALL
SELECT * FROM pg_temp.bench('parallel: floor: sum(b - a)',
    'SELECT sum(b - a) FROM pairs', :rows, 2)
UNION ALL
SELECT * FROM pg_temp.bench('parallel: cspi.working_days(a, b)',
    'SELECT sum(cspi.working_days(a, b)) FROM pairs', :rows, 2)
UNION ALL
SELECT * FROM pg_temp.bench('closed form SQL (1M rows)',
    $q$SELECT sum(
        ((b - '1995-01-02'::date) / 7) * 5 + least((b - '1995-01-02'::date) % 7 + 1, 5)
      - ((a - '1995-01-02'::date) / 7) * 5 - least((a - '1995-01-02'::date) % 7 + 1, 5)
      - (SELECT count(*) FROM cspi.holiday h
          WHERE h.calendar = 'england-and-wales'
            AND h.holiday_date > a AND h.holiday_date <= b))
       FROM pairs_1m$q$, (SELECT count(*) FROM pairs_1m))
UNION ALL
SELECT * FROM pg_temp.bench('generate_series SQL (20k rows)',
    $q$SELECT sum((SELECT count(*) FROM generate_series(a + 1, b, interval '1 day') AS g(d)
                    WHERE extract(isodow FROM d) < 6
                      AND NOT EXISTS (SELECT 1 FROM cspi.holiday h
                                       WHERE h.calendar = 'england-and-wales'
                                         AND h.holiday_date = d::date)))
       FROM pairs_20k$q$, (SELECT count(*) FROM pairs_20k))
UNION ALL
SELECT * FROM pg_temp.bench('wide: floor: sum(b - a) (1M rows)',
    'SELECT sum(b - a) FROM wide_pairs', (SELECT count(*) FROM wide_pairs))
UNION ALL
SELECT * FROM pg_temp.bench('wide: cspi.working_days(a, b) (1M rows)',
    'SELECT sum(cspi.working_days(a, b)) FROM wide_pairs', (SELECT count(*) FROM wide_pairs))
UNION ALL
SELECT * FROM pg_temp.bench('wide: generate_series SQL (5k rows)',
    $q$SELECT sum((SELECT count(*) FROM generate_series(a + 1, b, interval '1 day') AS g(d)
                    WHERE extract(isodow FROM d) < 6
                      AND NOT EXISTS (SELECT 1 FROM cspi.holiday h
                                       WHERE h.calendar = 'england-and-wales'
                                         AND h.holiday_date = d::date)))
       FROM wide_pairs_5k$q$, (SELECT count(*) FROM wide_pairs_5k));

-- Every method agrees on the first 20,000 rows.
SELECT count(*) FILTER (WHERE cspi.working_days(a, b) <> (
           ((b - '1995-01-02'::date) / 7) * 5 + least((b - '1995-01-02'::date) % 7 + 1, 5)
         - ((a - '1995-01-02'::date) / 7) * 5 - least((a - '1995-01-02'::date) % 7 + 1, 5)
         - (SELECT count(*) FROM cspi.holiday h
             WHERE h.calendar = 'england-and-wales'
               AND h.holiday_date > a AND h.holiday_date <= b))) AS closed_form_disagreements
  FROM pairs_20k;

SELECT method, rows_run, ns_per_row, result,
       round(ns_per_row / (SELECT ns_per_row FROM result r
                            WHERE r.method LIKE CASE WHEN result.method LIKE 'wide%' THEN 'wide: floor%'
                                                    WHEN result.method LIKE 'parallel%' THEN 'parallel: floor%'
                                                    ELSE 'floor%' END), 2) AS vs_floor,
       round((SELECT ns_per_row FROM result r
               WHERE r.method LIKE CASE WHEN result.method LIKE 'wide%' THEN 'wide: generate_series%' ELSE 'generate_series%' END) / ns_per_row, 0) AS speedup_vs_generate_series
  FROM result;

-- Parallel against serial, for the floor and for cspi.
SELECT round((SELECT ms FROM result WHERE method = 'floor: sum(b - a)')
             / (SELECT ms FROM result WHERE method = 'parallel: floor: sum(b - a)'), 2) AS floor_parallel_speedup,
       round((SELECT ms FROM result WHERE method = 'cspi.working_days(a, b)')
             / (SELECT ms FROM result WHERE method = 'parallel: cspi.working_days(a, b)'), 2) AS cspi_parallel_speedup;
