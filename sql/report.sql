-- The year-end report over the hand-worked fixture (sql/indicators_fixture.sql
-- made fixture and fixture_report): scorecard, narrative, targets, HTML.
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never

-- The 2023/24 scorecard: every indicator in display order with its figure,
-- target, status, the 2022/23 figure and whether the change is better or
-- worse for its polarity (higher: REF_1WD fell 50.0 -> 42.9, worse; lower:
-- REF_OVER_3WD fell 25.0 -> 14.3, better).  The figures are those worked by
-- hand in indicators_fixture.
SELECT display_order AS n, code, display, target, polarity, status,
       previous_period AS prev, previous_display, change, change_is, available
  FROM cspi.scorecard('2023/24', 'fixture_report')
 ORDER BY display_order;

-- A quarter compares with the same quarter a year earlier; a month likewise.
SELECT code, display, previous_period, previous_display, change
  FROM cspi.scorecard('2023/24 Q2', 'fixture_report')
 WHERE code IN ('CIC_OPEN', 'CP_OPEN', 'CIC_RATE');
SELECT cspi.previous_period('2023/24') AS year, cspi.previous_period('2023/24 Q4') AS quarter,
       cspi.previous_period('2024-02') AS month, cspi.period_name('2023-04') AS month_name;

-- The narrative: with a target, the heading follows the status; without
-- one, an indicator where higher or lower is better follows its change;
-- counts and rates with neither (and no change to judge) are context; an
-- indicator without a figure is listed last with the reason.  Each
-- sentence names what is counted: assessments (CFA_COMPLETED), plans
-- (CP_REPEAT_*), periods of care (CIC_CEASED_HOME), missing episodes
-- (RHI_72H); and says one fact (CP_OPEN no longer repeats CP_RATE).
SELECT heading, code, sentence
  FROM cspi.narrative('2023/24', 'fixture_report')
 ORDER BY heading DESC, display_order;

-- A council's own target, from a period on: REF_1WD at 40% from 2023/24
-- is met by 42.9% after a refresh, while 2022/23 keeps the default 90.
INSERT INTO cspi.target (indicator, from_period, target) VALUES ('REF_1WD', '2023/24', 40);
SELECT cspi.target_for('REF_1WD', '2022/23') AS before, cspi.target_for('REF_1WD', '2023/24') AS from_then,
       cspi.target_for('REF_1WD', '2024-01') AS a_month_later, cspi.target_for('CP_OPEN', '2023/24') AS none;
SELECT cspi.refresh('fixture_report');
SELECT period, display, target, status FROM fixture_report.indicator_value
 WHERE indicator = 'REF_1WD' AND period_type = 'year' ORDER BY period;
SELECT heading, sentence FROM cspi.narrative('2023/24', 'fixture_report') WHERE code = 'REF_1WD';
-- ... and a council's own wording.
INSERT INTO cspi.indicator_wording VALUES
    ('REF_1WD', '{display} of the referrals completed in {period} took no more than a working day.{verdict}');
SELECT sentence FROM cspi.narrative('2023/24', 'fixture_report') WHERE code = 'REF_1WD';
DELETE FROM cspi.indicator_wording;
-- A target changed since the last refresh counts at once in the scorecard:
-- CFA_45WD's 33.3% meets a target of 30% before any refresh.
INSERT INTO cspi.target (indicator, from_period, target) VALUES ('CFA_45WD', '2023/24', 30);
SELECT code, display, target, status FROM cspi.scorecard('2023/24', 'fixture_report') WHERE code = 'CFA_45WD';
SELECT heading, sentence FROM cspi.narrative('2023/24', 'fixture_report') WHERE code = 'CFA_45WD';
DELETE FROM cspi.target;
SELECT cspi.refresh('fixture_report');

-- Unavailable indicators are listed with the reason, not left out.
CREATE SCHEMA fixture_partial;
CREATE VIEW fixture_partial.referral AS SELECT * FROM fixture.referral;
CREATE VIEW fixture_partial.cp_plan AS SELECT * FROM fixture.cp_plan;
SELECT count(*) FILTER (WHERE available) AS available, count(*) AS indicators
  FROM cspi.deploy('fixture_partial', 'fixture_partial_report');
SELECT code, available, reason FROM cspi.scorecard('2023/24', 'fixture_partial_report')
 WHERE code IN ('REF_1WD', 'REREFERRAL_FAMILIES', 'CP_RATE', 'CIC_OPEN', 'EH_FAMILIES_INTERNAL')
 ORDER BY display_order;
SELECT heading, sentence FROM cspi.narrative('2023/24', 'fixture_partial_report')
 WHERE code IN ('CP_RATE', 'CIC_OPEN');
SET client_min_messages = warning;
DROP SCHEMA fixture_partial_report CASCADE;
DROP SCHEMA fixture_partial CASCADE;
RESET client_min_messages;

-- Bad input.
SELECT * FROM cspi.scorecard('2023-24', 'fixture_report');
SELECT * FROM cspi.scorecard('2023/24', 'no_such_schema');

-- The HTML page: self-contained (no scripts, no external files), every
-- indicator in the scorecard and a chart for each one with monthly values
-- (48: CIC_STABILITY_LONG has none in the fixture's two years).
SELECT length(h) > 10000 AS has_content,
       h LIKE '<!DOCTYPE html>%' AS is_html,
       h NOT LIKE '%<script%' AND h NOT LIKE '%src=%' AND h NOT LIKE '%href=%' AS self_contained,
       (SELECT count(*) FROM regexp_matches(h, '<tr data-code="', 'g')) AS scorecard_rows,
       (SELECT count(*) FROM regexp_matches(h, '<polyline class="values"', 'g')) AS charts,
       (SELECT count(*) FROM regexp_matches(h, '<li data-code="', 'g')) AS sentences,
       h LIKE '%Where are we performing well?%Where do we need to improve?%Activity and context%Figures not available%' AS four_headings
  FROM cspi.report_html('2023/24', 'fixture_report') AS h;

-- The registry records the last refresh, and the scorecard (so the CSV)
-- and the page say when that was.
SELECT (SELECT refreshed_at IS NOT NULL FROM cspi.deployment WHERE report_schema = 'fixture_report') AS refreshed,
       (SELECT count(DISTINCT data_as_at) FROM cspi.scorecard('2023/24', 'fixture_report')) = 1
       AND (SELECT min(data_as_at) FROM cspi.scorecard('2023/24', 'fixture_report'))
           = (SELECT refreshed_at FROM cspi.deployment WHERE report_schema = 'fixture_report') AS scorecard_as_at,
       cspi.report_html('2023/24', 'fixture_report')
           ~ '<p class="as-at">Data as at \d{1,2} [A-Z][a-z]+ \d{4} \(the latest event recorded\); figures computed \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d \(the report&#39;s last refresh\)\.</p>' AS page_as_at;

-- The summary at the top.  By hand from the scorecard above: 18 indicators
-- have a target, 17 with a figure (not CIC_STABILITY_LONG); only
-- CL_NEET_19_21 (25.0% against 30%, lower is better) meets it.  Of the 30
-- with a polarity, 28 have a 2022/23 figure to compare (not
-- CIC_HEALTH_CURRENT nor CIC_STABILITY_LONG): 11 improved (REF_OVER_3WD,
-- CP_ALLOCATED_QSW, CP_VISIT_15WD, CIC_REVIEW_TIMELY, CIC_VISIT_TIMELY,
-- CIC_RHA_DONE, RHI_72H, RHI_ENGAGED, CL_NEET_19_21, CL_EDUCATION_22_25,
-- CL_TRAINING_EMPLOYMENT_19_21), the other 17 deteriorated, none stayed
-- the same.
SELECT with_target, met, not_met, compared, improved, deteriorated, unchanged, unavailable
  FROM cspi.narrative_summary('2023/24', 'fixture_report');
SELECT sentence FROM cspi.narrative_summary('2023/24', 'fixture_report');
SELECT cspi.narrative_heading(true, 90, 'higher', 'met', 'worse') AS met_but_worse,
       cspi.narrative_heading(true, NULL, 'lower', NULL, NULL) AS polarity_no_change,
       cspi.narrative_heading(true, NULL, NULL, NULL, NULL) AS count,
       cspi.narrative_heading(false, 90, 'higher', NULL, NULL) AS no_figure;

-- The charts' value axes: a step of 1, 2 or 5 times a power of ten; a
-- change from 1.2% to 10.6% drawn from 0 to 15, not on 0 to 100.
SELECT cspi.chart_scale(1.2, 10.6, '%') AS small_percent,
       cspi.chart_scale(85, 95, '%') AS high_percent,
       cspi.chart_scale(100, 100, '%') AS all_met,
       cspi.chart_scale(120, 340, 'count') AS count,
       cspi.chart_scale(0, 0, 'count') AS zero;

-- The BI surface: every published object is a view that information_schema
-- lists, every column has a comment, and the scorecard view gives for any
-- period what cspi.scorecard() gives.
SELECT table_name, table_type FROM information_schema.tables
 WHERE table_schema = 'fixture_report' AND table_name IN ('indicator_value', 'period', 'scorecard')
 ORDER BY table_name;
SELECT count(*) AS columns,
       count(*) FILTER (WHERE col_description(format('%I.%I', c.table_schema, c.table_name)::regclass,
                                              c.ordinal_position::int) IS NULL) AS without_comment
  FROM information_schema.columns c WHERE c.table_schema = 'fixture_report';
SELECT col_description('fixture_report.indicator_value'::regclass, a.attnum) AS fraction_comment
  FROM pg_attribute a WHERE a.attrelid = 'fixture_report.indicator_value'::regclass AND a.attname = 'fraction';
SELECT p.period,
       (SELECT count(*) FROM (SELECT display_order, section, code, title, unit, display, shown, numerator, denominator,
                                     target, polarity, status, previous_period, previous_display, previous_shown,
                                     change, change_is, available, reason, data_as_at,
                                     england, region, statistical_neighbours, la_published, la_quartile,
                                     statistical_neighbours_median
                                FROM fixture_report.scorecard v WHERE v.period = p.period
                              EXCEPT
                              SELECT * FROM cspi.scorecard(p.period, 'fixture_report')) x) AS view_only,
       (SELECT count(*) FROM (SELECT * FROM cspi.scorecard(p.period, 'fixture_report')
                              EXCEPT
                              SELECT display_order, section, code, title, unit, display, shown, numerator, denominator,
                                     target, polarity, status, previous_period, previous_display, previous_shown,
                                     change, change_is, available, reason, data_as_at,
                                     england, region, statistical_neighbours, la_published, la_quartile,
                                     statistical_neighbours_median
                                FROM fixture_report.scorecard v WHERE v.period = p.period) x) AS function_only
  FROM (VALUES ('2023/24'), ('2022/23'), ('2023/24 Q4'), ('2024-02'), ('2022-04')) AS p(period);
-- Percentages also as a fraction (REF_1WD 2023/24: 3 / 7), counts and
-- rates not; and when the figures were computed.
SELECT round(fraction, 4) AS ref_1wd_fraction FROM fixture_report.indicator_value
 WHERE indicator = 'REF_1WD' AND period = '2023/24';
SELECT count(*) FILTER (WHERE fraction IS DISTINCT FROM
                              CASE WHEN i.unit = '%' AND v.denominator > 0 THEN v.numerator::numeric / v.denominator END)
           AS wrong_fractions,
       count(DISTINCT v.refreshed_at) AS refresh_times,
       min(v.refreshed_at) = (SELECT refreshed_at FROM cspi.deployment WHERE report_schema = 'fixture_report') AS refreshed_at
  FROM fixture_report.indicator_value v JOIN cspi.indicator i ON i.code = v.indicator;
