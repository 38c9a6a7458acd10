-- ratio_of(boolean) and sum(ratio): semantics, parallel plans, windows.
SET search_path = public, cspi;
SET datestyle = 'ISO, YMD';

-- TRUE counts in numerator and denominator, FALSE in the denominator only,
-- NULL (a referral not yet completed) not at all; no rows give 0/0.
SELECT ratio_of(x) FROM (VALUES (true), (false), (NULL), (true)) AS v(x);
SELECT ratio_of(x), format_ratio(ratio_of(x)) FROM (VALUES (NULL::boolean)) AS v(x);
SELECT ratio_of(x) FROM (VALUES (true)) AS v(x) WHERE false;
SELECT sum(r) FROM (VALUES ('1/2'::ratio), ('2/4'), (NULL), ('0/3')) AS v(r);

-- Referrals completed within 1 working day, per month and pooled:
-- the year is the sum of the months, not the mean of their percentages.
CREATE TEMP TABLE referral AS
SELECT i AS id,
       date '2023-04-01' + (i % 365) AS completed,
       (i * 7919) % 13 < 11 AS within_1wd
  FROM generate_series(1, 1374) AS i;
CREATE TEMP TABLE monthly AS
SELECT date_trunc('month', completed)::date AS month, ratio_of(within_1wd) AS r
  FROM referral GROUP BY 1;
SELECT (SELECT ratio_of(within_1wd) FROM referral) AS whole_year,
       (SELECT sum(r) FROM monthly) AS pooled_months,
       (SELECT ratio_of(within_1wd) FROM referral) = (SELECT sum(r) FROM monthly) AS same;

-- A parallel plan (Partial Aggregate in the workers, combined in the
-- leader) gives the serial plan's answer.
CREATE TABLE ratio_big AS
SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 7919) % 13 < 11 END AS x,
       ratio((i % 5)::bigint, 5) AS r
  FROM generate_series(1, 200000) AS i;
ANALYZE ratio_big;
SET max_parallel_workers_per_gather = 0;
SELECT ratio_of(x) AS serial_ratio_of, sum(r) AS serial_sum,
       count(*) FILTER (WHERE x) AS expected_numerator, count(x) AS expected_denominator
  FROM ratio_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT ratio_of(x), sum(r) FROM ratio_big;
SELECT ratio_of(x) AS parallel_ratio_of, sum(r) AS parallel_sum FROM ratio_big;
-- Grouped, too (per-group partial states combined).
EXPLAIN (COSTS OFF) SELECT i % 3 AS g, ratio_of(x) FROM ratio_big GROUP BY 1;
CREATE TEMP TABLE parallel_groups AS SELECT i % 3 AS g, ratio_of(x) AS r FROM ratio_big GROUP BY 1;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT g, p.r AS parallel, s.r AS serial, p.r = s.r AS same
  FROM parallel_groups p
  JOIN (SELECT i % 3 AS g, ratio_of(x) AS r FROM ratio_big GROUP BY 1) s USING (g)
 ORDER BY g;
RESET max_parallel_workers_per_gather;
DROP TABLE ratio_big;

-- A rolling 12 months with moving-aggregate support, against a self-join.
SELECT count(*) AS months,
       count(*) FILTER (WHERE w.rolling = j.rolling) AS agree
  FROM (SELECT month, sum(r) OVER (ORDER BY month ROWS 11 PRECEDING) AS rolling
          FROM monthly) w
  JOIN (SELECT a.month, sum(b.r) AS rolling
          FROM monthly a JOIN monthly b
            ON b.month BETWEEN a.month - interval '11 months' AND a.month
         GROUP BY a.month) j USING (month);
-- ratio_of over a window of rows: each referral with the 11 before it.
SELECT count(*) AS rows,
       count(*) FILTER (WHERE w.r = j.r) AS agree
  FROM (SELECT id, ratio_of(within_1wd) OVER (ORDER BY id ROWS 11 PRECEDING) AS r
          FROM referral) w
  JOIN (SELECT a.id, ratio_of(b.within_1wd) AS r
          FROM referral a JOIN referral b ON b.id BETWEEN a.id - 11 AND a.id
         GROUP BY a.id) j USING (id);
-- and with a time range: the 12 months up to each month.
SELECT month, sum(r) OVER (ORDER BY month RANGE BETWEEN interval '11 months' PRECEDING AND CURRENT ROW) AS rolling,
       format_ratio(sum(r) OVER (ORDER BY month RANGE BETWEEN interval '11 months' PRECEDING AND CURRENT ROW)) AS report
  FROM monthly ORDER BY month;

-- Overflow of a pooled sum is an error, never a wrapped number.
SELECT sum(r) FROM (VALUES ('9223372036854775807/9223372036854775807'::ratio), ('0/1')) AS v(r);
