#!/usr/bin/env bash
# cluster-tests.sh: the tests that need a running server.  Run by
# test/run-tests.sh inside pg_virtualenv, which has set PGHOST, PGPORT,
# PGUSER and PGPASSWORD for a throwaway cluster.  Appends "ok NAME" or
# "fail NAME" lines to $CSPI_RESULTS and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
: "${CSPI_RESULTS:?run me from test/run-tests.sh}"
status=0

record() {
	echo "$2 $1" >> "$CSPI_RESULTS"
	[ "$2" = ok ] || status=1
}

# The pg_regress and isolation suites, through PGXS's installcheck commands.  Each
# test is one result; the output format differs between PostgreSQL 15 and 16.
log=$(mktemp -t cspi-installcheck.XXXXXX)
for suite in regress isolation; do
	make -s "installcheck-$suite" PG_CONFIG="$PG_CONFIG" > "$log" 2>&1
	[ $? -eq 0 ] || status=1
	cat "$log"
	sed -n -E \
		-e "s/^(test|    ) *([a-z0-9_]+) +\.\.\. ok .*/ok $suite:\2/p" \
		-e "s/^(test|    ) *([a-z0-9_]+) +\.\.\. (FAILED|failed).*/fail $suite:\2/p" \
		-e "s/^ok +[0-9]+ +[-+] +([a-z0-9_]+) .*/ok $suite:\1/p" \
		-e "s/^not ok +[0-9]+ +[-+] +([a-z0-9_]+) .*/fail $suite:\1/p" \
		"$log" >> "$CSPI_RESULTS"
done
rm -f "$log"
# A test that printed no result (pg_regress stops at a missing expected
# file, a crash ends a suite early) is a failure too.
make -s print-tests | while read -r suite names; do
	suite=${suite%:}
	for name in $names; do
		grep -q -E "^(ok|fail) $suite:$name\$" "$CSPI_RESULTS" \
			|| echo "fail $suite:$name" >> "$CSPI_RESULTS"
	done
done
for f in test/results/regression.diffs test/results/isolation/regression.diffs; do
	[ -s "$f" ] && { echo "--- $f"; cat "$f"; }
done

# The oracle: cspi.working_days against numpy's busday_count.
if /usr/bin/python3 test/oracle/busday_oracle.py; then
	record oracle:numpy-busday-count ok
else
	record oracle:numpy-busday-count fail
fi

# Every indicator against an independent implementation of the catalogue.
if test/oracle/indicators-vs-oracle.sh; then
	record oracle:indicators ok
else
	record oracle:indicators fail
fi

# The HTML report as a browser renders it.
if test/html/report_html_test.sh; then
	record report-html:chromium ok
else
	record report-html:chromium fail
fi

# Councils' own calendar rows survive pg_dump and restore.
if test/dump-restore.sh; then
	record dump-restore ok
else
	record dump-restore fail
fi

exit $status
