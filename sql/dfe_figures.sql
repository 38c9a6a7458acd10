-- The DfE's published figures beside cspi's own (data/dfe/, shipped and
-- loaded at CREATE EXTENSION).  Figures checked by hand against the CSV
-- files; test/oracle/dfe-figures-vs-oracle.sh compares every authority with
-- an independent reading of them.
\pset null '(null)'

-- What shipped: two years of each measure, the statistical-neighbour model.
SELECT measure, min(time_period) AS first_year, max(time_period) AS last_year,
       count(*) FILTER (WHERE geographic_level = 'National') AS england_rows,
       count(*) FILTER (WHERE geographic_level = 'Local authority') AS la_rows
  FROM cspi.published_figure WHERE shipped GROUP BY measure ORDER BY measure;
SELECT count(*) AS neighbour_rows, count(DISTINCT old_la_code) AS authorities FROM cspi.statistical_neighbour;

-- Barnet (302, E09000003, a London borough), year ending 31 March 2025,
-- read from the files:
--   cla_number...: "2025,...,National,...,Children looked after on 31 March
--   each year,12183016,81770,67": CIC_RATE 81,770 x 10,000 / 12,183,016 =
--   67.1 (the DfE rounds it to 67); Barnet "...,302,Barnet,E09000003,
--   Children looked after on 31 March each year,93851,343,37": 36.5.
--   la_care_leavers_activity: England 19 to 21, "In an apprenticeship 740",
--   "In training or employment (excl. apprenticeship) 9600", "Total 38440":
--   CL_TRAINING_EMPLOYMENT_19_21 (740 + 9,600) / 38,440 = 26.9% ("In
--   training or employment" itself is z, not applicable, from 2024);
--   Barnet's "Higher education ... c,c": its CL_EDUCATION_19_21 is NULL,
--   suppressed, never 0.
--   sn_model: Barnet's neighbours 320, 870, 310, 317, 315, 306, 209, 312,
--   309, 307; the region is London (the file says Outer London).
SELECT * FROM cspi.local_authority WHERE old_la_code = '302';
SELECT indicator, england, region, statistical_neighbours, neighbours_published, la_published, la_quartile
  FROM cspi.benchmarks('2024/25', '302');
SELECT indicator, england, la_published FROM cspi.benchmarks('2024/25', 'E09000003')
 WHERE indicator IN ('CIC_RATE', 'CL_TRAINING_EMPLOYMENT_19_21');
-- The DfE's years end on 31 March: a quarter or month has none.
SELECT count(*) AS quarter_rows FROM cspi.benchmarks('2024/25 Q4', '302');
-- Suppressed cells are NULL with their code, never 0.
SELECT count(*) FILTER (WHERE suppression IS NOT NULL) > 0 AS some_suppressed,
       count(*) FILTER (WHERE suppression IS NOT NULL AND value IS NOT NULL) AS suppressed_with_a_value
  FROM cspi.published_figure;
SELECT measure, value, numerator, suppression FROM cspi.published_figure
 WHERE old_la_code = '302' AND time_period = 2025 AND measure = 'care_leavers_19_21_education';

-- An unknown code is an error listing the nearest.
SELECT * FROM cspi.benchmarks('2024/25', '300');
SELECT * FROM cspi.benchmarks('2024/25', 'E0900000');

-- A council loads a newer file: its figures replace the shipped ones of
-- those measures and years, and a second load replaces the first.
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children_2026.csv', $csv$time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000
2026,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,12200000,80000,66
2026,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,Barnet,E09000003,Children looked after on 31 March each year,94000,c,c
2025,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,12183016,81800,67
$csv$) AS loaded;
SELECT time_period, area_name, value, numerator, suppression, shipped FROM cspi.published_figure_current
 WHERE measure = 'cla_31_march_rate' AND geographic_level IN ('National') OR (measure = 'cla_31_march_rate' AND old_la_code = '302')
 ORDER BY time_period, area_name;
SELECT indicator, england FROM cspi.benchmarks('2025/26') WHERE indicator IN ('CIC_OPEN', 'CIC_RATE');
SELECT cspi.load_dfe_file('cla_numbers', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026,National,Children looked after on 31 March each year,12200000,79000,65
$csv$) AS reloaded;
SELECT time_period, value, numerator FROM cspi.published_figure_current
 WHERE measure = 'cla_31_march' AND geographic_level = 'National' ORDER BY 1;
SELECT count(*) AS council_rows FROM cspi.published_figure WHERE NOT shipped;

-- Bad files change nothing.
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children.csv', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000,mystery_column
2026,National,Children looked after on 31 March each year,1,1,1,1
$csv$);
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children.csv', $csv$time_period,geographic_level,population_type,population_estimate,rate_per_10000
2026,National,Children looked after on 31 March each year,1,1
$csv$);
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children.csv', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026,National,Children looked after on 31 March each year,12200000,lots,65
$csv$);
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children.csv', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026/27,National,Children looked after on 31 March each year,12200000,1,65
$csv$);
SELECT cspi.load_dfe_file('cla_number_and_rate_per_10k_children.csv', $csv$time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026,National,Children looked after on 31 March each year,12200000,1,65,7
$csv$);
SELECT cspi.load_dfe_file('c3_factors_identified_at_end_of_assessment_2018_to_2025.csv', 'time_period');
SELECT count(*) AS council_rows_still FROM cspi.published_figure WHERE NOT shipped;

-- A council's local authority, given to deploy (old or ONS code), puts
-- England, its region, its neighbours and its own published figure beside
-- each of its own (2023/24: the DfE's year ending 31 March 2024).
SELECT count(*) FROM cspi.deploy('fixture', 'bench_report', 'england-and-wales', 'E09000003');
SELECT la_code FROM cspi.deployment WHERE report_schema = 'bench_report';
SELECT code, display, england, region, statistical_neighbours, la_published, la_quartile
  FROM cspi.scorecard('2023/24', 'bench_report')
 WHERE code IN ('REREFERRAL_12M', 'CP_REPEAT_EVER', 'CIC_RATE', 'CIC_STABILITY_SHORT', 'CL_NEET_19_21', 'REF_1WD')
 ORDER BY display_order;
-- The same in the scorecard view.
SELECT code, england, statistical_neighbours FROM bench_report.scorecard
 WHERE period = '2023/24' AND code IN ('CIC_RATE', 'CL_NEET_19_21') ORDER BY display_order;
-- The narrative compares percentages and rates with England.
SELECT sentence FROM cspi.narrative('2023/24', 'bench_report') WHERE code IN ('REREFERRAL_12M', 'CIC_RATE', 'CIC_OPEN');
-- A redeploy keeps the code; an unknown one is refused.
SELECT count(*) FROM cspi.redeploy('bench_report');
SELECT la_code FROM cspi.deployment WHERE report_schema = 'bench_report';
SELECT count(*) FROM cspi.deploy('fixture', 'bench_report', 'england-and-wales', '999');
-- '' clears it: England's figures only.
SELECT count(*) FROM cspi.deploy('fixture', 'bench_report', 'england-and-wales', '');
SELECT la_code FROM cspi.deployment WHERE report_schema = 'bench_report';
SELECT code, england, region, la_published FROM cspi.scorecard('2023/24', 'bench_report') WHERE code = 'CIC_RATE';

-- The ONS estimates fill a council's population.
SELECT cspi.create_source_tables('bench_population');
SELECT cspi.fill_population('bench_population', '302') AS years_filled;
SELECT year, children FROM bench_population.population ORDER BY year;

DROP SCHEMA bench_population CASCADE;
DELETE FROM cspi.published_figure WHERE NOT shipped;
