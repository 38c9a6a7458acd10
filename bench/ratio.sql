-- ratio.sql: cspi.ratio_of(x) against the plain-SQL pair of counts
-- count(*) FILTER (WHERE x), count(x), over the same rows, in one run; and
-- the speed-up of ratio_of with 2 parallel workers over the serial plan.
-- Each query runs three times; the best counts.
\set ON_ERROR_STOP on
CREATE EXTENSION cspi;
SET jit = off;

\i bench/common.sql

-- Ten million outcomes: 80% within timescale, 10% not yet completed (NULL).
CREATE TABLE outcome AS
SELECT CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.8 END AS x
  FROM generate_series(1, :rows);
VACUUM ANALYZE outcome;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;

CREATE TEMP TABLE result AS
SELECT * FROM pg_temp.bench('count(*) FILTER (WHERE x), count(x)',
    'SELECT (count(*) FILTER (WHERE x))::text || ''/'' || count(x) FROM outcome', :rows, 0)
UNION ALL
SELECT * FROM pg_temp.bench('cspi.ratio_of(x)',
    'SELECT cspi.ratio_of(x)::text FROM outcome', :rows, 0)
UNION ALL
SELECT * FROM pg_temp.bench('cspi.ratio_of(x), 2 parallel workers',
    'SELECT cspi.ratio_of(x)::text FROM outcome', :rows, 2)
UNION ALL
SELECT * FROM pg_temp.bench('count pair, 2 parallel workers',
    'SELECT (count(*) FILTER (WHERE x))::text || ''/'' || count(x) FROM outcome', :rows, 2);

SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT cspi.ratio_of(x) FROM outcome;

SELECT method, ms, ns_per_row, result,
       round(ms / (SELECT ms FROM result WHERE method LIKE 'count(*)%'), 2) AS vs_count_pair,
       round((SELECT ms FROM result WHERE method = 'cspi.ratio_of(x)') / ms, 2) AS speedup_vs_serial_ratio_of
  FROM result;
