-- For which children (issue 24): every figure broken down by age band,
-- sex, ethnic group, disability, UASC, team and locality (view
-- indicator_breakdown, the dimensions of cspi.cases()), worked by hand on a
-- small council; the categories add up to the headline on a generated one.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS cspi_synthetic CASCADE;

-- Four children and four assessments authorised in April 2024 (2024/25):
--   A1 C1 (born 2020-05-01: 3 on 10 April 2024, so 1-4), female, WBRI,
--      NONE, started 2 April, authorised 10 April: within 45 working days;
--   A2 C2 (born 2008-01-10: 16 on 15 April, 16 and over), sex not
--      recorded, CHNE (Asian or Asian British), MOB (disabled), started 2
--      January, authorised 15 April (over 45 working days);
--   A3 C3 (born 2024-01-15: under 1), M (male), XXXX (unknown group), Y
--      (disabled), 1 to 5 April: within;
--   A4 C4 (no date of birth: unknown), 9 (not stated or indeterminate),
--      REFU (refused), no disability recorded (unknown), 3 to 4 April: within.
-- CFA_45WD 2024/25: 3 of 4.  Allocations: C1 had South/West from 2023 to
-- 30 April 2024 and North/East from 1 January 2024 (the latest started wins
-- on 10 April: North, East); C2 South/West ending 15 April, the day of the
-- authorisation (in force: South, West); C3 none (unknown); C4 an open one
-- without a team, in West.  So team North 1/1, South 0/1, unknown 2/2;
-- locality East 1/1, West 1/2, unknown 1/1.  C2 came into care as an
-- unaccompanied asylum seeker on 20 April, after the day of A2: every
-- assessment is not UASC (3/4); at 31 March 2025 C2 (17) is in care:
-- CIC_OPEN 1, in 16 and over and UASC.
SELECT cspi.create_source_tables('bd_src');
INSERT INTO bd_src.child (child_id, family_id, date_of_birth, sex, ethnicity, disability) VALUES
    ('C1', 'F1', '2020-05-01', '2', 'WBRI', 'NONE'),
    ('C2', 'F2', '2008-01-10', NULL, ' chne ', 'MOB'),
    ('C3', 'F3', '2024-01-15', 'M', 'XXXX', 'Y'),
    ('C4', 'F4', NULL, '9', 'REFU', NULL);
INSERT INTO bd_src.population VALUES (2023, 10000), (2024, 10000);
INSERT INTO bd_src.assessment VALUES
    ('A1', 'C1', '2024-04-02', '2024-04-10'), ('A2', 'C2', '2024-01-02', '2024-04-15'),
    ('A3', 'C3', '2024-04-01', '2024-04-05'), ('A4', 'C4', '2024-04-03', '2024-04-04');
INSERT INTO bd_src.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, locality) VALUES
    ('C1', '2023-01-01', '2024-04-30', true, 'W1', 'South', 'West'),
    ('C1', '2024-01-01', NULL, true, 'W2', 'North', 'East'),
    ('C2', '2023-06-01', '2024-04-15', true, 'W1', 'South', 'West'),
    ('C4', '2024-02-01', NULL, true, 'W3', NULL, 'West');
INSERT INTO bd_src.cla_episode VALUES
    ('E1', 'C2', '2024-04-20', NULL, 'S', 'V2', 'U1', NULL, 5, true);
SELECT count(*) FROM cspi.deploy('bd_src', 'bd_report');

SELECT indicator, numerator, denominator FROM bd_report.indicator_value
 WHERE indicator IN ('CFA_45WD', 'CIC_OPEN', 'CIC_UASC', 'CIC_RATE') AND period = '2024/25' ORDER BY indicator;
SELECT dimension, category, numerator, denominator, display, unit FROM bd_report.indicator_breakdown
 WHERE indicator = 'CFA_45WD' AND period = '2024/25'
 ORDER BY dimension, category;
-- The month of April 2024 has the same cases.
SELECT count(*) AS same_in_april FROM (
    SELECT dimension, category, numerator, denominator FROM bd_report.indicator_breakdown
     WHERE indicator = 'CFA_45WD' AND period = '2024/25'
    INTERSECT
    SELECT dimension, category, numerator, denominator FROM bd_report.indicator_breakdown
     WHERE indicator = 'CFA_45WD' AND period = '2024-04') x;
-- Each case's categories, on the day it is counted.
SELECT case_id, in_numerator, case_date, age_band, sex, ethnicity_group, disability, uasc, team, locality
  FROM cspi.cases('CFA_45WD', '2024/25', 'bd_report') ORDER BY case_id;
-- A rate's categories are counts until the population of the age band is
-- loaded: then 1 child of 16 and over per 500 is 20.0 per 10,000.
SELECT dimension, category, numerator, denominator, display, unit FROM bd_report.indicator_breakdown
 WHERE indicator = 'CIC_RATE' AND period = '2024/25' ORDER BY dimension, category;
INSERT INTO bd_src.population_age_band VALUES (2024, '16 and over', 500), (2024, '10-15', 3400);
SELECT dimension, category, numerator, denominator, display, unit FROM bd_report.indicator_breakdown
 WHERE indicator = 'CIC_RATE' AND period = '2024/25' AND dimension = 'age_band';
SELECT * FROM bd_report.breakdown_availability ORDER BY dimension;
-- An unknown code is counted as unknown, and data_quality says so.
SELECT relation, row_id, problem FROM bd_report.data_quality WHERE problem LIKE 'unknown%' ORDER BY 1, 2, 3;

-- A source without the optional columns: those dimensions are unavailable
-- (no rows, NULL in cases()), with what they lack; a disability given as a
-- boolean is read as true/false.
CREATE SCHEMA bd_lean;
CREATE TABLE bd_lean.child (child_id text, family_id text, date_of_birth date, disability boolean);
INSERT INTO bd_lean.child VALUES ('C1', 'F1', '2020-05-01', true), ('C2', 'F2', '2008-01-10', false);
CREATE VIEW bd_lean.assessment AS SELECT * FROM bd_src.assessment WHERE child_id IN ('C1', 'C2');
CREATE VIEW bd_lean.population AS SELECT * FROM bd_src.population;
SELECT count(*) FROM cspi.deploy('bd_lean', 'bd_lean_report');
SELECT dimension, available, missing_columns FROM bd_lean_report.breakdown_availability ORDER BY dimension;
SELECT dimension, category, numerator, denominator FROM bd_lean_report.indicator_breakdown
 WHERE indicator = 'CFA_45WD' AND period = '2024/25' ORDER BY dimension, category;
SELECT case_id, age_band, sex, disability, team FROM cspi.cases('CFA_45WD', '2024/25', 'bd_lean_report') ORDER BY case_id;

-- On a generated council, every figure with cases is broken down in every
-- dimension, and each dimension adds up to the headline: numerators for
-- all, denominators for percentages.
SELECT cspi.create_source_tables('bd_gen');
SELECT count(*) > 0 FROM cspi.generate_source('bd_gen', 0.2, 5, 2022, 2024);
UPDATE bd_gen.child SET sex = (ARRAY['1', '2', '9', NULL])[1 + abs(hashtext(child_id)) % 4],
                        ethnicity = (ARRAY['WBRI', 'MWBC', 'AIND', 'BAFR', 'OOTH', 'NOBT', NULL])[1 + abs(hashtext(child_id || 'e')) % 7];
UPDATE bd_gen.allocation SET team = (ARRAY['North', 'South', NULL])[1 + abs(hashtext(child_id || start_date)) % 3];
SELECT count(*) FROM cspi.deploy('bd_gen', 'bd_gen_report');
WITH b AS MATERIALIZED (
    SELECT indicator, period_type, period, dimension, sum(numerator) AS n, sum(denominator) AS d
      FROM bd_gen_report.indicator_breakdown GROUP BY 1, 2, 3, 4
), f AS (
    SELECT v.indicator, v.period_type, v.period, v.numerator, v.denominator, i.unit
      FROM bd_gen_report.indicator_value v JOIN cspi.indicator i ON i.code = v.indicator
     WHERE v.numerator > 0 OR (i.unit = '%' AND v.denominator > 0)
)
SELECT count(*) AS figures,
       count(*) FILTER (WHERE x.dimensions IS DISTINCT FROM 7) AS without_every_dimension,
       sum(x.numerators_off) AS numerators_off, sum(x.denominators_off) AS denominators_off,
       (SELECT count(*) FROM b WHERE NOT EXISTS (
            SELECT 1 FROM f WHERE (f.indicator, f.period_type, f.period) = (b.indicator, b.period_type, b.period))) AS cells_of_no_figure
  FROM f
  LEFT JOIN LATERAL (SELECT count(*) AS dimensions, count(*) FILTER (WHERE b.n <> f.numerator) AS numerators_off,
                            count(*) FILTER (WHERE f.unit = '%' AND b.d <> f.denominator) AS denominators_off
                       FROM b WHERE (b.indicator, b.period_type, b.period) = (f.indicator, f.period_type, f.period)) x ON true;
-- A cell is its cases: the cases of one category of a distinct count.
SELECT (SELECT numerator FROM bd_gen_report.indicator_breakdown
         WHERE indicator = 'CIC_STARTED' AND period = '2023/24' AND dimension = 'sex' AND category = 'female')
     = (SELECT count(*) FROM cspi.cases('CIC_STARTED', '2023/24', 'bd_gen_report') WHERE sex = 'female') AS cell_is_its_cases;

-- One figure at a time: the report's indicator_breakdown_of(indicator,
-- period) gives the view's rows for that figure, computing only those.
SELECT count(*) AS rows, count(*) FILTER (WHERE v.category IS NULL) AS missing_from_the_view
  FROM bd_report.indicator_breakdown_of('CFA_45WD', '2024-04') f
  LEFT JOIN bd_report.indicator_breakdown v
    ON (v.indicator, v.period_type, v.period, v.dimension, v.category, v.numerator, v.denominator, v.display)
     = (f.indicator, f.period_type, f.period, f.dimension, f.category, f.numerator, f.denominator, f.display);
-- The breakdowns are counts read with the owner's rights, as
-- indicator_value's figures: a role granted the view reads them without
-- the source rows; one that is not granted it may not call the function.
CREATE ROLE regress_bd_reader;
GRANT USAGE ON SCHEMA bd_report TO regress_bd_reader;
GRANT SELECT ON bd_report.indicator_breakdown TO regress_bd_reader;
CREATE ROLE regress_bd_other;
GRANT USAGE ON SCHEMA bd_report TO regress_bd_other;
SET ROLE regress_bd_reader;
SELECT sum(numerator) AS read_without_the_rows FROM bd_report.indicator_breakdown
 WHERE indicator = 'CFA_45WD' AND period = '2024/25' AND dimension = 'sex';
SELECT count(*) FROM bd_report.indicator_breakdown_of('CFA_45WD', '2024/25');
SELECT count(*) FROM bd_report.src_child;
RESET ROLE;
SET ROLE regress_bd_other;
SELECT count(*) FROM bd_report.indicator_breakdown_of('CFA_45WD', '2024/25');
RESET ROLE;
DROP OWNED BY regress_bd_reader, regress_bd_other;
DROP ROLE regress_bd_reader, regress_bd_other;

-- The narrative's sentence on the widest gap: each names two groups of the
-- breakdown of that figure, 20 cases or more each, 10 points or more apart.
SELECT count(*) > 0 AS some_gaps,
       count(*) FILTER (WHERE NOT EXISTS (
           SELECT 1 FROM bd_gen_report.indicator_breakdown lo, bd_gen_report.indicator_breakdown hi
            WHERE lo.indicator = n.code AND hi.indicator = n.code AND lo.period = '2023/24' AND hi.period = '2023/24'
              AND lo.dimension = hi.dimension AND lo.denominator >= 20 AND hi.denominator >= 20
              AND hi.value - lo.value >= 10
              AND strpos(n.sentence, 'ranged from ' || lo.display || ' for ') > 0
              AND strpos(n.sentence, ' to ' || hi.display || ' for ') > 0)) AS not_in_the_breakdown
  FROM cspi.narrative('2023/24', 'bd_gen_report') n
 WHERE n.sentence LIKE '%the figure ranged from%';

-- The narrative reads a period's breakdowns of every indicator in one
-- statement (the internal schema's indicator_breakdown_for_period, as the
-- owner): the view's cells of that period exactly, for a year, a quarter
-- and a month.
SELECT internal_schema AS bd_gen_internal FROM cspi.deployment WHERE report_schema = 'bd_gen_report' \gset
SELECT w.period, (SELECT count(*) FROM :"bd_gen_internal".indicator_breakdown_for_period(w.period)) AS cells,
       (SELECT count(*) FROM (SELECT * FROM :"bd_gen_internal".indicator_breakdown_for_period(w.period)
                              EXCEPT ALL SELECT * FROM bd_gen_report.indicator_breakdown v WHERE v.period = w.period) x)
       + (SELECT count(*) FROM (SELECT * FROM bd_gen_report.indicator_breakdown v WHERE v.period = w.period
                                EXCEPT ALL SELECT * FROM :"bd_gen_internal".indicator_breakdown_for_period(w.period)) x)
         AS differ_from_the_view
  FROM (VALUES ('2023/24'), ('2023/24 Q3'), ('2023-11')) w(period) ORDER BY 1;
-- A role that may read the view but does not hold the owner's privileges
-- gets the same gap sentences, read through the view.
CREATE ROLE regress_bd_narrator;
GRANT USAGE ON SCHEMA bd_gen_report TO regress_bd_narrator;
GRANT SELECT ON bd_gen_report.indicator_breakdown TO regress_bd_narrator;
SELECT cspi_internal.breakdown_gaps('2023/24', 'bd_gen_report') AS owners_gaps \gset
SELECT :'owners_gaps'::jsonb <> '{}' AS some_gaps;
SET ROLE regress_bd_narrator;
SELECT cspi_internal.breakdown_gaps('2023/24', 'bd_gen_report') = :'owners_gaps'::jsonb AS same_through_the_view;
RESET ROLE;
DROP OWNED BY regress_bd_narrator;
DROP ROLE regress_bd_narrator;
