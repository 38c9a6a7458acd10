#!/usr/bin/env bash
# cluster-tests.sh: the tests that need a running server.  Run by
# test/run-tests.sh inside pg_virtualenv, which has set PGHOST, PGPORT,
# PGUSER and PGPASSWORD for a throwaway cluster.  Appends "ok NAME" or
# "fail NAME" lines to $CSPI_RESULTS and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
: "${CSPI_RESULTS:?run me from test/run-tests.sh}"
status=0
# The clients of the version under test (psql, pg_dump, pg_restore,
# createdb), not whichever version Debian's wrappers would pick.
export PATH="$("$PG_CONFIG" --bindir):$PATH"

record() {
	echo "$2 $1" >> "$CSPI_RESULTS"
	[ "$2" = ok ] || status=1
}

# check NAME COMMAND...: one result, ok when COMMAND succeeds.
check() {
	local name=$1
	shift
	if "$@"; then record "$name" ok; else record "$name" fail; fi
}

# The pg_regress and isolation suites, through PGXS's installcheck commands.
# Each test is one result; the output format differs between PostgreSQL 15
# and 16.  run_suites PREFIX OUTDIR runs both, results named PREFIX:NAME.
run_suites() {
	local prefix=$1 outdir=$2 suite log opts
	mkdir -p "$outdir/isolation"
	log=$(mktemp -t cspi-installcheck.XXXXXX)
	for suite in regress isolation; do
		if [ $suite = regress ]; then
			opts="--inputdir=. --outputdir=$outdir"
		else
			opts="--inputdir=test/isolation --outputdir=$outdir/isolation"
		fi
		make -s "installcheck-$suite" PG_CONFIG="$PG_CONFIG" \
			"$(echo "$suite" | tr a-z A-Z)_OPTS=$opts" > "$log" 2>&1
		[ $? -eq 0 ] || status=1
		cat "$log"
		sed -n -E \
			-e "s/^(test|    ) *([a-z0-9_]+) +\.\.\. ok .*/ok $prefix$suite:\2/p" \
			-e "s/^(test|    ) *([a-z0-9_]+) +\.\.\. (FAILED|failed).*/fail $prefix$suite:\2/p" \
			-e "s/^ok +[0-9]+ +[-+] +([a-z0-9_]+) .*/ok $prefix$suite:\1/p" \
			-e "s/^not ok +[0-9]+ +[-+] +([a-z0-9_]+) .*/fail $prefix$suite:\1/p" \
			"$log" >> "$CSPI_RESULTS"
	done
	rm -f "$log"
	# A test that printed no result (pg_regress stops at a missing expected
	# file, a crash ends a suite early) is a failure too.
	make -s print-tests | while read -r suite names; do
		suite=${suite%:}
		for name in $names; do
			grep -q -E "^(ok|fail) $prefix$suite:$name\$" "$CSPI_RESULTS" \
				|| echo "fail $prefix$suite:$name" >> "$CSPI_RESULTS"
		done
	done
	for f in "$outdir/regression.diffs" "$outdir/isolation/regression.diffs"; do
		[ -s "$f" ] && { echo "--- $f"; cat "$f"; }
	done
}
run_suites "" test/results

# The same again with parallel query forced, as PostgreSQL's buildfarm does
# it: every query that can run in a worker does ("regress" hides the extra
# Gather in EXPLAIN and the worker's CONTEXT line, so the expected files
# are the same).  The setting was renamed in PostgreSQL 16.
if [ "$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')" -ge 16 ]; then
	force_parallel="-c debug_parallel_query=regress"
else
	force_parallel="-c force_parallel_mode=regress"
fi
PGOPTIONS="${PGOPTIONS:-} $force_parallel" run_suites "parallel-" test/results/parallel

# The oracle: cspi.working_days against numpy's busday_count.
check oracle:numpy-busday-count /usr/bin/python3 test/oracle/busday_oracle.py

# Excel's NETWORKDAYS.INTL and WORKDAY.INTL against a spreadsheet:
# LibreOffice Calc, headless.
check oracle:excel-intl-libreoffice /usr/bin/python3 test/oracle/excel_intl_oracle.py

# Every indicator against an independent implementation of the catalogue,
# then again with parallel query forced.
check oracle:indicators test/oracle/indicators-vs-oracle.sh
PGOPTIONS="${PGOPTIONS:-} $force_parallel" check parallel-oracle:indicators test/oracle/indicators-vs-oracle.sh

# The DfE's published figures for every authority against an independent
# reading of the shipped files.
check oracle:dfe-figures test/oracle/dfe-figures-vs-oracle.sh

# The statutory returns: a generated council written out as its returns and
# read back gives the same figures; public sample files load; hand-written
# returns give each child's sex, ethnicity, disability and UPN; no file or
# schema name runs as SQL.
check returns:round-trip test/returns/roundtrip.sh
check returns:public-samples test/returns/samples.sh
check returns:characteristics test/returns/characteristics.sh
check returns:hostile-names test/returns/hostile-names.sh

# The Standard Safeguarding Dataset: generated councils written out as SSD
# and deployed from it give the direct deploy's figures, for several seeds
# and scales.
check ssd:round-trip test/ssd/roundtrip.sh

# Ofsted's Annex A: the workbook tools/cspi-annex-a writes, read back by
# openpyxl and converted to CSV by LibreOffice, with the template's sheet
# names and headings (test/annex_a/template_headings.csv).
check annex-a:workbook test/annex_a/workbook_test.sh
# Lists 1 to 8 of generated councils against an independent Python reading.
check oracle:annex-a test/oracle/annex-a-vs-oracle.sh

# The upgrade from the last release keeps a council's report and equals a
# fresh install.
# Every release before the current version (the Makefile's RELEASES): 1.0
# (through each release after it), 1.1, 1.2...
current=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)
for old in $(make -s print-releases); do
	[ "$old" = "$current" ] && continue
	check "upgrade:$old-to-current" test/upgrade/upgrade.sh "$old"
done

# The HTML report as a browser renders it.
check report-html:chromium test/html/report_html_test.sh

# The published report as a BI tool reads it (node's pg, a read-only role),
# and the demo's CSV.
check bi-client:node-pg test/bi/bi_client_test.sh

# ... and from a streaming hot standby: a second cluster made with
# pg_basebackup, whose reads of the report and the calendars equal the
# primary's before and after a calendar change and a refresh.
check standby:hot-standby test/standby/standby.sh

# Regional pooling: three council databases and a region over loopback
# postgres_fdw, every pooled figure against the sources put together.
check region:pooling test/region/region.sh

# The scheduled refresh, as doc/operations.md sets it up with pg_cron, where this
# version has pg_cron (Debian 12 packages it for 15 only).
if [ "$(psql -X -A -t -c "SELECT 'pg_cron' = ANY (string_to_array(current_setting('shared_preload_libraries'), ','))")" = t ]; then
	check cron:scheduled-refresh test/cron.sh
else
	echo "skip cron:scheduled-refresh (no pg_cron for PostgreSQL $("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/') here)" >> "$CSPI_RESULTS"
fi

# Councils' own calendar rows survive pg_dump and restore.
check dump-restore test/dump-restore.sh
# ... also when pg_restore's refresh of the report runs in parallel workers.
PGOPTIONS="${PGOPTIONS:-} $force_parallel" check parallel-dump-restore test/dump-restore.sh

exit $status
