-- How late the late ones are (issue 24): the working-day distributions of
-- the indicators measured in working days (views timeliness and
-- timeliness_band), worked by hand on a small council and checked against
-- indicator_value on a generated one.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS cspi_synthetic CASCADE;

-- Referrals received on Monday 3 July 2023 (England and Wales, no bank
-- holiday in July), completed the same day (0 working days), on Tuesday 4
-- (1), Wednesday 5 (2), Thursday 6 (3), Monday 10 (5) and Monday 17 July
-- (10); one received Monday 10 July and recorded as completed on Wednesday
-- 5 July, before it was received (-3: the dates are in the wrong order);
-- one not completed (not a case).  Seven cases in 2023/24, its second
-- quarter and July 2023; their working days in order: -3, 0, 1, 2, 3, 5, 10.
-- Nearest rank (the case at position ceil(p x 7)): lower quartile the 2nd
-- (0), median the 4th (2), upper quartile the 6th (5), 90th percentile the
-- 7th (10), longest 10.  REF_1WD: 3 within 1 working day (-3, 0 and 1; a
-- completion recorded before the referral counts as within, as in the
-- figure); REF_OVER_3WD: 2 over 3 (5 and 10).  Bands 0-1: 2, 2-3: 2, 4 and
-- over: 2, under 0: 1.
SELECT cspi.create_source_tables('tl_src');
INSERT INTO tl_src.child VALUES ('C1', 'F1', '2015-01-01'), ('C2', 'F2', '2016-01-01');
INSERT INTO tl_src.population VALUES (2023, 1000);
INSERT INTO tl_src.referral VALUES
    ('R1', 'C1', '2023-07-03', '2023-07-03'), ('R2', 'C1', '2023-07-03', '2023-07-04'),
    ('R3', 'C2', '2023-07-03', '2023-07-05'), ('R4', 'C2', '2023-07-03', '2023-07-06'),
    ('R5', 'C1', '2023-07-03', '2023-07-10'), ('R6', 'C2', '2023-07-03', '2023-07-17'),
    ('R7', 'C1', '2023-07-10', '2023-07-05'), ('R8', 'C2', '2023-07-03', NULL);
-- Section 47 enquiries with a strategy discussion on Monday 4 September
-- 2023 and the conference on Monday 18 September (10 working days),
-- Monday 25 September (15), Monday 2 October (20) and Tuesday 3 October
-- (21); one transferred in (not a case).  ICPC_15WD: 2 of 4; working days
-- 10, 15, 20, 21: lower quartile the 1st (10), median the 2nd (15), upper
-- quartile the 3rd (20), 90th percentile the 4th (21).  The DfE's bands:
-- one case in each of 0-10, 11-15, 16-20 and 21 and over.  The second
-- quarter holds the September conferences (10 and 15 working days, both
-- in time: lower quartile and median 10, upper quartile, 90th percentile
-- and longest 15), the third the October ones (20 and 21, both late; its
-- first two bands are listed with no case).
INSERT INTO tl_src.s47_enquiry VALUES
    ('S1', 'C1', '2023-09-04', '2023-09-18', false), ('S2', 'C2', '2023-09-04', '2023-09-25', false),
    ('S3', 'C1', '2023-09-04', '2023-10-02', false), ('S4', 'C2', '2023-09-04', '2023-10-03', false),
    ('S5', 'C1', '2023-09-04', '2023-09-05', true);
-- A referral dated infinity (not in any period): the drill-down does not
-- take it for its own re-referral (infinity less 12 months is infinity).
INSERT INTO tl_src.referral VALUES ('R9', 'C1', 'infinity', NULL);
SELECT count(*) FROM cspi.deploy('tl_src', 'tl_rep');
SELECT referral_id, previous_referral_date, rereferral_12m FROM tl_rep.referral_timeliness WHERE referral_id = 'R9';

SELECT indicator, period, cases, within_timescale, lower_quartile, median, upper_quartile, p90, longest
  FROM tl_rep.timeliness WHERE period IN ('2023/24', '2023/24 Q2', '2023/24 Q3', '2023-07', '2023-10')
 ORDER BY indicator, period;
SELECT indicator, period, band_order, band, lower_days, upper_days, cases
  FROM tl_rep.timeliness_band WHERE period IN ('2023/24', '2023/24 Q3')
 ORDER BY indicator, period, band_order NULLS LAST;

-- Every row agrees with the figures: cases are the denominator, within the
-- timescale the numerator, and the bands add up to the cases.
SELECT count(*) AS disagreements
  FROM tl_rep.timeliness t
  FULL JOIN (SELECT v.* FROM tl_rep.indicator_value v
              WHERE v.indicator IN (SELECT indicator FROM cspi.indicator_timeliness) AND v.denominator > 0) v
    ON v.indicator = t.indicator AND v.period_type = t.period_type AND v.period = t.period
 WHERE t.cases IS DISTINCT FROM v.denominator OR t.within_timescale IS DISTINCT FROM v.numerator;

-- The same on a generated council, and the quartiles in order.
SELECT cspi.create_source_tables('tl_gen');
SELECT sum(row_count) > 0 AS generated FROM cspi.generate_source('tl_gen', 0.3, 7, 2021, 2024);
SELECT count(*) FROM cspi.deploy('tl_gen', 'tl_gen_rep');
SELECT t.indicator, count(*) AS periods,
       count(*) FILTER (WHERE t.cases IS DISTINCT FROM v.denominator OR t.within_timescale IS DISTINCT FROM v.numerator) AS disagreements,
       count(*) FILTER (WHERE NOT (t.lower_quartile <= t.median AND t.median <= t.upper_quartile
                                   AND t.upper_quartile <= t.p90 AND t.p90 <= t.longest)) AS out_of_order
  FROM tl_gen_rep.timeliness t
  LEFT JOIN tl_gen_rep.indicator_value v ON v.indicator = t.indicator AND v.period_type = t.period_type AND v.period = t.period
 GROUP BY t.indicator ORDER BY t.indicator;
SELECT count(*) AS figures_missing
  FROM tl_gen_rep.indicator_value v
 WHERE v.indicator IN (SELECT indicator FROM cspi.indicator_timeliness) AND v.denominator > 0
   AND NOT EXISTS (SELECT 1 FROM tl_gen_rep.timeliness t
                    WHERE t.indicator = v.indicator AND t.period_type = v.period_type AND t.period = v.period);
SELECT count(*) AS band_sums_wrong
  FROM (SELECT indicator, period_type, period, sum(cases) AS cases FROM tl_gen_rep.timeliness_band GROUP BY 1, 2, 3) b
  JOIN tl_gen_rep.timeliness t USING (indicator, period_type, period)
 WHERE b.cases <> t.cases;

-- Published like every other view: comments on the views and every column.
SELECT c.relname, obj_description(c.oid) IS NOT NULL AS commented,
       count(*) FILTER (WHERE col_description(c.oid, a.attnum) IS NULL) AS columns_without_comment
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'tl_rep'::regnamespace AND c.relname LIKE 'timeliness%'
 GROUP BY c.oid, c.relname ORDER BY 1;

DO $$
DECLARE d record;
BEGIN
    FOR d IN SELECT * FROM cspi.deployment WHERE report_schema LIKE 'tl\_%' LOOP
        EXECUTE format('DROP SCHEMA %I, %I CASCADE', d.report_schema, d.internal_schema);
        DELETE FROM cspi.deployment WHERE report_schema = d.report_schema;
    END LOOP;
END
$$;
DROP SCHEMA tl_src, tl_gen CASCADE;
