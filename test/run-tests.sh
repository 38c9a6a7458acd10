#!/usr/bin/env bash
# run-tests.sh: every test of cspi, on every supported PostgreSQL version
# this machine can have, on a Debian machine that may have nothing
# installed yet (this is what `make test` and .ci/run run).
#
# For each version (PostgreSQL 15 from Debian 12's packages, 18 built from
# Debian's source package by tools/build-postgresql.sh; CSPI_PG_VERSIONS
# overrides the list):
#  1. installs the Debian packages it needs when they are missing (as root,
#     or through sudo), or builds that PostgreSQL,
#  2. builds the extension with warnings as errors and installs it,
#  3. runs the C unit tests of the pure cores, plain and under
#     AddressSanitizer and UndefinedBehaviorSanitizer,
#  4. starts a throwaway cluster with Debian's pg_virtualenv
#     (tools/throwaway-cluster.sh: a temporary directory, owned by the
#     postgres user since initdb refuses root, a free port, the socket in a
#     temporary directory) and runs test/cluster-tests.sh in it: the
#     pg_regress and isolation suites, again with parallel query forced, the
#     oracles, the upgrade, HTML, hot standby and dump tests; the cluster
#     (and the standby's) is stopped and removed however the tests end,
#  5. prints one line per test and "PostgreSQL N: N passed, N failed".
# It ends with the overall "N passed, N failed".  A version that cannot be
# built or installed is a failure, with the reason, never a skip.
set -u
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

versions=${CSPI_PG_VERSIONS:-15 18}
all=$(mktemp -t cspi-results.XXXXXX)
results=$(mktemp -t cspi-results.XXXXXX)
trap 'rm -f "$all" "$results"' EXIT
export CSPI_RESULTS="$results"
export CSPI_PG_CRON=1		# preload pg_cron where a version has it
record() {	# record NAME ok|fail
	echo "$2 $1" >> "$results"
}
summaries=""

for version in $versions; do
	: > "$results"
	log "PostgreSQL $version"

	# --- 1, 2. packages (or a source build), build, install ---------------
	# Chromium renders the HTML report (test/html/report_html_test.sh);
	# node reads the published views as a BI tool would (test/bi);
	# LibreOffice Calc, headless, is the spreadsheet oracle of the Excel
	# twins (test/oracle/excel_intl_oracle.py).
	if prepared=$(PGVERSION=$version CSPI_EXTRA_PACKAGES="chromium libreoffice-calc-nogui" CSPI_NODE=1 tools/prepare.sh --werror); then
		record build-and-install ok
		export "$prepared"
	else
		echo "PostgreSQL $version could not be built or installed: see the messages above" >&2
		record build-and-install fail
	fi

	if grep -q '^ok build-and-install' "$results"; then
		# The install script is the sources, built (no server needed).
		if test/built-sql.sh; then record built-sql ok; else record built-sql fail; fi
		# The PostgreSQL build never sees make's variables, even when make
		# runs this (as `make test` does): a build under MAKELEVEL=1 stopped
		# at utils/errcodes.h on a fresh machine.
		left=$(MAKELEVEL=1 MAKEFLAGS=-s MFLAGS=-s tools/build-postgresql.sh --print-env 18)
		if [ -z "$left" ]; then record build-script-env ok; else
			echo "build-postgresql.sh keeps make's variables: $left" >&2
			record build-script-env fail
		fi

		# --- 3. C unit tests ------------------------------------------------
		for target in unit unit-sanitize; do
			log "make $target"
			if make -s "$target"; then record "$target" ok; else record "$target" fail; fi
		done

		# --- 4. tests in a throwaway cluster ------------------------------
		log "starting a throwaway PostgreSQL $version cluster (pg_virtualenv)"
		if ! tools/throwaway-cluster.sh "$version" test/cluster-tests.sh; then
			grep -q '^fail ' "$results" || record cluster-tests fail
		fi
	fi

	# --- 5. this version's results ------------------------------------------
	echo
	echo "Results on PostgreSQL $version:"
	sed 's/^/  /' "$results"
	passed=$(grep -c '^ok ' "$results")
	failed=$(grep -c '^fail ' "$results")
	skipped=$(grep -c '^skip ' "$results")
	summaries="${summaries}PostgreSQL $version: $passed passed, $failed failed"
	[ "$skipped" -gt 0 ] && summaries="$summaries, $skipped skipped"
	summaries="$summaries
"
	sed "s/\$/ (PostgreSQL $version)/" "$results" >> "$all"
done

echo
printf '%s' "$summaries"
passed=$(grep -c '^ok ' "$all")
failed=$(grep -c '^fail ' "$all")
skipped=$(grep -c '^skip ' "$all")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
