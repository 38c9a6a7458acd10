#!/usr/bin/env bash
# region.sh: pooling 30 councils (BENCH_COUNCILS) of scale 1 (BENCH_SCALE)
# into a region over loopback postgres_fdw, all in this cluster: how long
# cspi.refresh() of the region takes (pulling every member's published
# figures and pooling them), against the plain-SQL way
# of pulling the same figures over the same foreign tables and summing
# them; then reading the members' ranked figures, the region's scorecard
# and its report.  Run by bench/run-bench.sh
# (`make bench`) inside a throwaway cluster, with PostgreSQL's default
# settings.
set -eu
cd "$(dirname "$0")/.."
councils=${BENCH_COUNCILS:-30}
scale=${BENCH_SCALE:-1}
reader=cspi_bench_reader
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
cleanup() {
	for i in $(seq 1 "$councils"); do dropdb --if-exists "bench_council_$i" >/dev/null 2>&1 || true; done
	dropdb --if-exists bench_region >/dev/null 2>&1 || true
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $reader" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
q postgres -c "CREATE ROLE $reader LOGIN PASSWORD '$password'"

# The councils, two at a time (the machine's two cores): each its own
# database, seed and deploy, granting the region's role its published
# figures only.
council() {
	local db=bench_council_$1
	createdb "$db"
	q "$db" -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe" -c "SELECT cspi.create_source_tables('src')" \
		-c "SELECT count(*) FROM cspi.generate_source('src', $scale, $1)" \
		-c "SELECT count(*) FROM cspi.deploy('src', 'cspi_report')" \
		-c "SELECT cspi.grant_published_figures('cspi_report', '$reader')" >/dev/null
}
export -f council q
export scale reader
start=$(date +%s)
seq 1 "$councils" | xargs -P 2 -I{} bash -c 'council {}'
echo "set-up: $councils councils of scale $scale generated and deployed in $(( $(date +%s) - start )) s"

createdb bench_region
q bench_region -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" -c "CREATE EXTENSION postgres_fdw"
members=$(for i in $(seq 1 "$councils"); do
	q bench_region -c "CREATE SERVER council_$i FOREIGN DATA WRAPPER postgres_fdw
	                       OPTIONS (host '${PGHOST:-localhost}', port '$PGPORT', dbname 'bench_council_$i', extensions 'cspi')" \
	               -c "CREATE USER MAPPING FOR CURRENT_USER SERVER council_$i OPTIONS (user '$reader', password '$password')"
	printf '{"server": "council_%s", "schema": "cspi_report", "name": "Council %s"}\n' "$i" "$i"
done | paste -sd, -)
q bench_region -c "SELECT count(*) FROM cspi.create_region('bench', '[$members]', 'Bench region')" >/dev/null

psql -X -q -v ON_ERROR_STOP=1 -d bench_region <<'SQL'
\set QUIET on
SET client_min_messages = warning;
CREATE TEMP TABLE timing (method text, run int, seconds numeric);
-- The plain-SQL way: the same figures over the same foreign tables, summed.
SELECT format('CREATE TEMP VIEW plain_pool AS SELECT indicator, period_type, period, sum(numerator) AS numerator, sum(denominator) AS denominator FROM (%s) x GROUP BY 1, 2, 3',
              string_agg(format('SELECT indicator, period_type, period, numerator, denominator FROM %s', foreign_table), ' UNION ALL '))
  FROM bench.member \gexec
DO $$
DECLARE
    t0 timestamptz;
BEGIN
    FOR run IN 1 .. 3 LOOP
        t0 := clock_timestamp();
        PERFORM cspi.refresh('bench');
        INSERT INTO timing VALUES ('cspi.refresh(region)', run, extract(epoch FROM clock_timestamp() - t0));
        t0 := clock_timestamp();
        DROP TABLE IF EXISTS plain_result;
        CREATE TEMP TABLE plain_result AS SELECT * FROM plain_pool;
        INSERT INTO timing VALUES ('plain SQL: pull and sum', run, extract(epoch FROM clock_timestamp() - t0));
    END LOOP;
    t0 := clock_timestamp();
    PERFORM sum(rank), count(display) FROM bench.member_value WHERE period = '2023/24';
    INSERT INTO timing VALUES ('member_value, one year ranked', 1, extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    PERFORM sum(rank), count(display) FROM bench.member_value;
    INSERT INTO timing VALUES ('member_value, every figure ranked', 1, extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    PERFORM count(*) FROM cspi.scorecard('2023/24', 'bench');
    INSERT INTO timing VALUES ('cspi.scorecard(2023/24, region)', 1, extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    PERFORM length(cspi.report_html('2023/24', 'bench'));
    INSERT INTO timing VALUES ('cspi.report_html(2023/24, region)', 1, extract(epoch FROM clock_timestamp() - t0));
END
$$;
\set QUIET off
\pset footer off
SELECT method, round(min(seconds), 2) AS best_seconds, round(max(seconds), 2) AS worst_seconds
  FROM timing GROUP BY method ORDER BY min(run), method;
SELECT round(min(seconds) FILTER (WHERE method = 'cspi.refresh(region)')
             / min(seconds) FILTER (WHERE method = 'plain SQL: pull and sum'), 2) AS refresh_over_plain_sql
  FROM timing;
SELECT (SELECT count(*) FROM bench.member WHERE status = 'ok') AS members_ok,
       (SELECT count(*) FROM bench.member_value) AS member_figures,
       (SELECT count(*) FROM bench.indicator_value) AS pooled_figures,
       (SELECT count(*) FROM plain_result) AS plain_sql_figures,
       (SELECT count(*) FROM bench.indicator_value v JOIN plain_result p USING (indicator, period_type, period)
         WHERE (v.numerator, v.denominator) IS DISTINCT FROM (p.numerator::bigint, CASE WHEN v.denominator IS NULL THEN NULL ELSE p.denominator::bigint END)) AS different;
SQL
