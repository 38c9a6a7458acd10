#!/usr/bin/env bash
# run-bench.sh: cspi's benchmarks in a throwaway cluster (what `make bench`
# runs).  Prepares the machine like `make test`, starts a cluster with
# pg_virtualenv and runs each bench/*.sql in it; the results are printed
# (per-row times and their ratio to the plain-SQL baselines, in one run).
# Environment: BENCH_ROWS (default 10000000), BENCH (one of the file names
# without .sql or .sh: workdays, region, ...), PGVERSION (default 15);
# bench/region.sh: BENCH_COUNCILS (default 30), BENCH_SCALE (default 1);
# bench/ssd.sh: BENCH_SSD_SCALE (default 1), BENCH_SSD_RUNS (default 3).
set -eu
cd "$(dirname "$0")/.."
export "$(tools/prepare.sh)"
PGVERSION=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
export BENCH_ROWS=${BENCH_ROWS:-10000000}

run() {
	for f in bench/*.sql; do
		name=$(basename "$f" .sql)
		[ -n "${BENCH:-}" ] && [ "$BENCH" != "$name" ] && continue
		echo "=== $name"
		createdb "bench_$name"
		psql -X -q -v ON_ERROR_STOP=1 -v rows="$BENCH_ROWS" -d "bench_$name" -f "$f"
		dropdb "bench_$name"
	done
	# Benchmarks of several databases (regional pooling) are scripts.
	for f in bench/*.sh; do
		name=$(basename "$f" .sh)
		[ "$name" = run-bench ] && continue
		[ -n "${BENCH:-}" ] && [ "$BENCH" != "$name" ] && continue
		echo "=== $name"
		"$f"
	done
}
export -f run
# PostgreSQL's default settings: the figures are what a council gets.
PATH="$("$PG_CONFIG" --bindir):$PATH" tools/throwaway-cluster.sh "$PGVERSION" bash -c run
