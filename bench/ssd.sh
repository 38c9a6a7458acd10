#!/usr/bin/env bash
# ssd.sh: what deploying from the Standard Safeguarding Dataset costs.  A
# generated council of scale BENCH_SSD_SCALE (default 1) is written out as
# SSD (cspi.export_ssd) and made a source again (cspi.source_from_ssd);
# then a direct deploy and a deploy from SSD, and a full refresh of each,
# alternate BENCH_SSD_RUNS times (default 3) and the best of each is
# printed with their ratio (the goal: at most 1.5).  Run by
# bench/run-bench.sh (`make bench`, BENCH=ssd) inside a throwaway cluster,
# with PostgreSQL's default settings.
set -eu
cd "$(dirname "$0")/.."
scale=${BENCH_SSD_SCALE:-1}
runs=${BENCH_SSD_RUNS:-3}
db=bench_ssd
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<SQL
CREATE EXTENSION cspi; CREATE EXTENSION cspi_synthetic;
SELECT cspi.create_source_tables('direct');
SELECT count(*) FROM cspi.generate_source('direct', $scale, 1);
SELECT count(*) FROM cspi.export_ssd('direct', 'ssd');
SELECT cspi.source_from_ssd('from_ssd', 'ssd');
-- The generated council has no child in need episodes: SSD's, written
-- without close dates, would read back as open ones (doc/ssd.md).
DROP VIEW from_ssd.cin_episode;
CREATE TABLE from_ssd.population AS SELECT * FROM direct.population;
CREATE TABLE from_ssd.population_age_band AS SELECT * FROM direct.population_age_band;
VACUUM ANALYZE;
SQL
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
\set QUIET on
SET client_min_messages = warning;
CREATE TEMP TABLE timing (source text, step text, run int, seconds numeric);
DO \$\$
DECLARE t timestamptz; src text;
BEGIN
    FOR run IN 1 .. $runs LOOP
        FOREACH src IN ARRAY ARRAY['direct', 'from_ssd'] LOOP
            t := clock_timestamp();
            PERFORM count(*) FROM cspi.deploy(src::name, ('report_' || src)::name);
            INSERT INTO timing VALUES (src, 'deploy', run, extract(epoch FROM clock_timestamp() - t));
            t := clock_timestamp();
            PERFORM cspi.refresh(('report_' || src)::name, false);
            INSERT INTO timing VALUES (src, 'refresh', run, extract(epoch FROM clock_timestamp() - t));
        END LOOP;
    END LOOP;
END \$\$;
\pset footer off
\echo 'Deploying from SSD (cspi.source_from_ssd) against a direct deploy of the same council, scale $scale, best of $runs:'
SELECT step,
       round(min(seconds) FILTER (WHERE source = 'direct'), 2) AS direct_s,
       round(min(seconds) FILTER (WHERE source = 'from_ssd'), 2) AS from_ssd_s,
       round(min(seconds) FILTER (WHERE source = 'from_ssd') / min(seconds) FILTER (WHERE source = 'direct'), 2) AS ratio
  FROM timing GROUP BY step ORDER BY step;
\echo 'The same figures both ways (indicators available both ways, figures different):'
SELECT count(DISTINCT o.indicator) AS indicators,
       count(*) FILTER (WHERE (o.numerator, o.denominator) IS DISTINCT FROM (s.numerator, s.denominator)) AS different
  FROM report_direct.indicator_value o
  JOIN report_from_ssd.indicator_value s USING (indicator, period_type, period)
 WHERE o.indicator NOT IN ('CIC_VISIT_TIMELY', 'CP_ALLOCATED_QSW', 'CIC_ALLOCATED_QSW');
SQL
