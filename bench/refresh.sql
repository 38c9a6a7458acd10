-- refresh.sql: how long a county ten times the seed council's size takes,
-- over ten financial years (2014/15 to 2023/24): generating the source,
-- deploy() (which builds and fills every report object) and refresh() (the
-- scheduled job: both materialized views, concurrently).  The goal is a
-- refresh under 30 seconds on a 2-core machine.  The refresh runs twice,
-- with no parallel workers and with PostgreSQL's default two, side by side;
-- every other setting is PostgreSQL's default.
\set ON_ERROR_STOP on
CREATE EXTENSION cspi;
CREATE EXTENSION cspi_synthetic;
CREATE EXTENSION cspi_dfe;
SET jit = off;
CREATE TEMP TABLE timing (step text, seconds numeric, note text);

SELECT clock_timestamp() AS t0 \gset
SELECT cspi.create_source_tables('county');
SELECT sum(row_count) AS source_rows FROM cspi.generate_source('county', 10, 1, 2014, 2024) \gset
INSERT INTO timing SELECT 'generate_source(scale 10, 2014-2024)',
    round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1), :'source_rows' || ' source rows';
VACUUM ANALYZE;

SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('county', 'county_report') \gset
INSERT INTO timing SELECT 'deploy', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1),
    :'available' || ' indicators available';

SET max_parallel_workers_per_gather = 0;
SELECT clock_timestamp() AS t0 \gset
SELECT cspi.refresh('county_report');
INSERT INTO timing SELECT 'refresh (concurrently), 0 parallel workers', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1),
    (SELECT count(*) FROM county_report.indicator_value) || ' indicator values';
RESET max_parallel_workers_per_gather;

SELECT clock_timestamp() AS t0 \gset
SELECT cspi.refresh('county_report');
INSERT INTO timing SELECT 'refresh (concurrently), 2 parallel workers (default)', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1),
    (SELECT count(*) FROM county_report.indicator_value) || ' indicator values';

SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FROM county_report.data_quality \gset
INSERT INTO timing SELECT 'data_quality (all checks)', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1),
    :'count' || ' problems';

SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FROM cspi.scorecard('2023/24', 'county_report') \gset
SELECT length(cspi.report_html('2023/24', 'county_report')) AS html \gset
INSERT INTO timing SELECT 'scorecard + report_html', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1),
    :'html' || ' bytes of HTML';

SELECT indicator, display FROM county_report.indicator_value
 WHERE period = '2023/24' AND indicator IN ('REF_1WD', 'CFA_COMPLETED', 'CP_VISIT_10WD', 'CIC_OPEN', 'CIC_VISIT_TIMELY')
 ORDER BY indicator;
SELECT * FROM timing;
