#!/usr/bin/env bash
# refresh.sh: what deploy() and refresh() cost as a council grows in size and
# in years, and where a refresh spends its time.  Run by `make bench` in a
# throwaway cluster with PostgreSQL's default settings (parallel query
# included); needs PGHOST/PGPORT/PGUSER.
#
# For each council of BENCH_REFRESH (SCALE:YEARS pairs, default "10:5 10:10
# 30:5 30:10 100:5": scale 10 is a county ten times the seed council, scale
# 100 what issue 23 calls national scale (2.2 million children), five
# years are 2019/20 to 2023/24, ten 2014/15 to 2023/24) it generates the
# source in a database of its own, deploys a report and refreshes it in full three
# times, and prints
#   - a table: source rows, periods, deploy, the best of the three refreshes,
#     the time per 1,000 source rows, the best of three incremental
#     refreshes after a day's casework (0.1% of every table's rows
#     inserted, updated or deleted by cspi.simulate_casework; cspi 1.4 on)
#     and the server's peak memory while it
#     deployed and refreshed (the proportional set size, PSS, of the
#     postmaster and all its children, sampled four times a second from
#     /proc: shared buffers are counted once, parallel workers included);
#   - the ratios issue 23 asks about: ten years against five (linear would
#     be about 2.1, the ratio of the rows; the goal is at most 2.4), and
#     scale 30 against 10;
#   - for the council BENCH_PROFILE (default 10:10), each report object's
#     share of a refresh: the counting query of indicator_value over that object alone
#     (cspi_internal.measure_queries(schema, object)), timed (the two
#     hand-written measures, CIC_STARTED_UASC and CIC_STARTED_BEFORE, are
#     not in it).
set -eu
cd "$(dirname "$0")/.."
councils=${BENCH_REFRESH:-10:5 10:10 30:5 30:10 100:5}
# The council whose refresh is profiled (BENCH_PROFILE, SCALE:YEARS).
profile=${BENCH_PROFILE:-10:10}
# BENCH_CSPI_VERSION: an earlier release to measure instead (1.3 or later,
# which have the companion cspi_synthetic), for a before-and-after in one
# cluster; the profile needs 1.4 or later.
version=""
full=", incremental => false"
if [ -n "${BENCH_CSPI_VERSION:-}" ]; then
	version="VERSION '$BENCH_CSPI_VERSION'"
	# Before 1.4 every refresh was a full one.
	full=""
fi
out=$(mktemp -d -t cspi-bench-refresh.XXXXXX)
trap 'rm -rf "$out"' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# The server's memory: the sum of the PSS of the postmaster and its
# children, in MB, sampled until the file $1 disappears; the peak is
# written to $2.
postmaster=$(head -n 1 "$(q -c 'SHOW data_directory')/postmaster.pid")
sample_memory() {
	local peak=0 now p
	while [ -e "$1" ]; do
		now=0
		for p in "$postmaster" $(pgrep -P "$postmaster"); do
			now=$((now + $(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
		done
		[ "$now" -gt "$peak" ] && peak=$now
		sleep 0.25
	done
	echo $((peak / 1024)) > "$2"
}

printf '%-24s %12s %8s %10s %12s %14s %15s %10s\n' council "source rows" periods "deploy s" "refresh s" "ms/1000 rows" "incremental s" "peak MB" > "$out/table"
profiled=""
for c in $councils; do
	scale=${c%%:*}
	years=${c##*:}
	first=$((2024 - years))
	db=bench_refresh_${scale}_${years}
	dropdb --if-exists "$db" >/dev/null 2>&1
	createdb "$db"
	q -d "$db" <<-SQL > "$out/$db"
	SET jit = off;
	CREATE EXTENSION cspi $version;
	CREATE EXTENSION cspi_synthetic $version;
	CREATE EXTENSION cspi_dfe;
	SELECT cspi.create_source_tables('county');
	SELECT sum(row_count) FROM cspi.generate_source('county', $scale, 1, $first, 2024);
	VACUUM ANALYZE;
	SQL
	source_rows=$(grep -E '^[0-9]+$' "$out/$db" | tail -n 1)
	# Memory is sampled from the deploy to the last refresh.
	touch "$out/sampling"
	sample_memory "$out/sampling" "$out/peak" &
	sampler=$!
	q -d "$db" -v source_rows="$source_rows" <<-SQL > "$out/$db"
	SET jit = off;
	CREATE TABLE timing (step text, seconds numeric, how text);
	SELECT clock_timestamp() AS t0 \gset
	SELECT count(*) FROM cspi.deploy('county', 'county_report');
	INSERT INTO timing SELECT 'deploy', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
	SELECT clock_timestamp() AS t0 \gset
	SELECT cspi.refresh('county_report' $full);
	INSERT INTO timing SELECT 'refresh', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
	SELECT clock_timestamp() AS t0 \gset
	SELECT cspi.refresh('county_report' $full);
	INSERT INTO timing SELECT 'refresh', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
	SELECT clock_timestamp() AS t0 \gset
	SELECT cspi.refresh('county_report' $full);
	INSERT INTO timing SELECT 'refresh', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
	SQL
	# A day's casework (0.1% of the rows inserted, updated or deleted),
	# then a refresh, three times: the incremental refresh (cspi 1.4 on).
	incremental=n/a
	if [ -z "$version" ]; then
		q -d "$db" <<-SQL >> "$out/$db"
		SET jit = off;
		SELECT count(*) FROM cspi.simulate_casework('county', 0.001, 1);
		SELECT clock_timestamp() AS t0 \gset
		SELECT cspi.refresh('county_report');
		INSERT INTO timing SELECT 'incremental', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz),
		                          (SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'county_report');
		SELECT count(*) FROM cspi.simulate_casework('county', 0.001, 2);
		SELECT clock_timestamp() AS t0 \gset
		SELECT cspi.refresh('county_report');
		INSERT INTO timing SELECT 'incremental', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz),
		                          (SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'county_report');
		SELECT count(*) FROM cspi.simulate_casework('county', 0.001, 3);
		SELECT clock_timestamp() AS t0 \gset
		SELECT cspi.refresh('county_report');
		INSERT INTO timing SELECT 'incremental', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz),
		                          (SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'county_report');
		\t on
		SELECT 'incremental', round(min(seconds), 2) FROM timing WHERE step = 'incremental';
		SELECT 'how', how FROM timing WHERE step = 'incremental';
		SQL
		incremental=$(grep '^incremental|' "$out/$db" | cut -d'|' -f2)
		grep '^how|' "$out/$db" | cut -d'|' -f2 | sed "s/^/scale $scale, $years years: /" >> "$out/how"
	fi
	q -d "$db" -v source_rows="$source_rows" <<-SQL >> "$out/$db"
	\t on
	SELECT 'result', :source_rows, (SELECT count(*) FROM county_report.period),
	       (SELECT round(seconds, 1) FROM timing WHERE step = 'deploy'),
	       (SELECT round(min(seconds), 1) FROM timing WHERE step = 'refresh'),
	       (SELECT round(min(seconds) * 1000 * 1000 / :source_rows, 2) FROM timing WHERE step = 'refresh');
	SQL
	rm "$out/sampling"
	wait "$sampler"
	read -r _ rows periods deploy refresh per <<<"$(grep '^result|' "$out/$db" | tr '|' ' ')"
	printf '%-24s %12s %8s %10s %12s %14s %15s %10s\n' "scale $scale, $years years" "$rows" "$periods" "$deploy" "$refresh" "$per" "$incremental" "$(cat "$out/peak")" >> "$out/table"
	echo "$scale $years $rows $periods $deploy $refresh" >> "$out/results"
	if [ "$c" = "$profile" ]; then
		profiled=$db
	else
		dropdb "$db"
	fi
done

echo "--- deploy and refresh (best of three refreshes), cspi ${BENCH_CSPI_VERSION:-$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)}, PostgreSQL's default settings"
cat "$out/table"
if [ -e "$out/how" ]; then
	echo "--- how each refresh after a day's casework went (cspi.deployment.last_refresh)"
	cat "$out/how"
fi
echo "--- growth (linear in rows would be the ratio of the rows)"
awk '
	{ rows[$1 "/" $2] = $3; dep[$1 "/" $2] = $5; ref[$1 "/" $2] = $6; scales[$1] = 1 }
	END {
		for (s in scales) if ((s "/5") in ref && (s "/10") in ref)
			printf "scale %s, ten years against five: rows x%.2f, deploy x%.2f, refresh x%.2f (goal: at most 2.4)\n",
				s, rows[s "/10"] / rows[s "/5"], dep[s "/10"] / dep[s "/5"], ref[s "/10"] / ref[s "/5"]
		for (s = 30; s <= 100; s += 70) for (y = 5; y <= 10; y += 5) if (("10/" y) in ref && (s "/" y) in ref)
			printf "%d years, scale %d against 10: rows x%.2f, deploy x%.2f, refresh x%.2f\n",
				y, s, rows[s "/" y] / rows["10/" y], dep[s "/" y] / dep["10/" y], ref[s "/" y] / ref["10/" y]
	}' "$out/results"

if [ -n "$profiled" ] && [ -n "${BENCH_CSPI_VERSION:-}" ]; then
	dropdb "$profiled"
elif [ -n "$profiled" ]; then
	echo "--- where a refresh of $profiled spends its time: each report object's counting query"
	q -d "$profiled" <<-'SQL'
	SET jit = off;
	CREATE TEMP TABLE share (object text, ms numeric);
	DO $$
	DECLARE
	    internal name := (SELECT internal_schema FROM cspi.deployment WHERE report_schema = 'county_report');
	    o record;
	    m record;
	    t timestamptz;
	    n bigint;
	BEGIN
	    FOR o IN SELECT DISTINCT relation FROM cspi.indicator_measure WHERE relation IS NOT NULL ORDER BY 1 LOOP
	        m := cspi_internal.measure_queries(quote_ident(internal), o.relation);
	        t := clock_timestamp();
	        IF m.events <> '' THEN
	            EXECUTE format('SELECT count(*) FROM (%s) x', m.events) INTO n;
	        END IF;
	        IF m.snapshots <> '' THEN
	            EXECUTE format('SELECT count(*) FROM (%s) x', m.snapshots) INTO n;
	        END IF;
	        INSERT INTO share VALUES (o.relation,
	                                  extract(epoch FROM clock_timestamp() - t) * 1000);
	    END LOOP;
	END
	$$;
	\pset tuples_only off
	\pset format aligned
	SELECT object, round(ms) AS ms, round(100 * ms / sum(ms) OVER (), 1) AS "% of the sum"
	  FROM share ORDER BY ms DESC;
	SQL
	q -d "$profiled" <<-'SQL'
	SELECT clock_timestamp() AS t0 \gset
	SELECT count(*) FROM county_report.data_quality \gset
	SELECT 'data_quality (every check): ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) || ' s, ' || :'count' || ' problems';
	SELECT clock_timestamp() AS t0 \gset
	SELECT length(cspi.report_html('2023/24', 'county_report')) AS html \gset
	SELECT 'report_html: ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) || ' s, ' || :'html' || ' bytes';
	SQL
	dropdb "$profiled"
fi
