#!/usr/bin/env bash
# run-tests.sh: every test of cspi, on a Debian machine that may have nothing
# installed yet (this is what `make test` and .ci/run run).
#
#  1. installs the Debian packages it needs when they are missing (as root,
#     or through sudo),
#  2. builds the extension with warnings as errors and installs it,
#  3. runs the C unit tests of the calendar core, plain and under
#     AddressSanitizer and UndefinedBehaviorSanitizer,
#  4. starts a throwaway cluster with Debian's pg_virtualenv
#     (tools/throwaway-cluster.sh: a temporary directory, owned by the
#     postgres user since initdb refuses root, a free port, the socket in a
#     temporary directory) and runs test/cluster-tests.sh in it: the
#     pg_regress and isolation suites, the oracles, the HTML and dump tests;
#     the cluster is stopped and removed however the tests end,
#  5. prints one line per test and ends with "N passed, N failed".
#
# Environment: PGVERSION (default: the newest installed, else 15).
set -u
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

# --- results -------------------------------------------------------------
results=$(mktemp -t cspi-results.XXXXXX)
trap 'rm -f "$results"' EXIT
export CSPI_RESULTS="$results"
record() {	# record NAME ok|fail
	echo "$2 $1" >> "$results"
}

# --- 1, 2. packages, build, install ---------------------------------------
# Chromium renders the HTML report (test/html/report_html_test.sh).
if prepared=$(CSPI_EXTRA_PACKAGES=chromium tools/prepare.sh --werror); then
	record build-and-install ok
	export "$prepared"
	PGVERSION=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
else
	record build-and-install fail
	echo "0 passed, 1 failed"
	exit 1
fi

# --- 3. C unit tests -----------------------------------------------------
for target in unit unit-sanitize; do
	log "make $target"
	if make -s "$target"; then record "$target" ok; else record "$target" fail; fi
done

# --- 4. tests in a throwaway cluster -------------------------------------
log "starting a throwaway PostgreSQL $PGVERSION cluster (pg_virtualenv)"
if ! tools/throwaway-cluster.sh "$PGVERSION" test/cluster-tests.sh; then
	record cluster-tests fail
fi

# --- 5. summary ----------------------------------------------------------
echo
echo "Results:"
sed 's/^/  /' "$results"
passed=$(grep -c '^ok ' "$results")
failed=$(grep -c '^fail ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
