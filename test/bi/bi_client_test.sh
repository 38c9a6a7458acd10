#!/usr/bin/env bash
# bi_client_test.sh: the published report as a BI tool reads it.  Loads the
# hand-worked fixture (sql/indicators_fixture.sql) into its own database,
# grants a read-only login role what doc/operations.md tells councils to grant a
# BI role, and runs test/bi/bi_client_test.js with node's pg (installed
# from npm into test/bi/node_modules, at the version package.json pins).
# Then checks the CSV that `make demo` writes (demo/scorecard-csv.sql): a
# period column and booleans as true and false.  Needs a server
# (PGHOST/PGPORT/PGUSER) and node with npm.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_bi_test
role=cspi_bi_reader
password=cspi-bi-test
work=$(mktemp -d -t cspi-bi.XXXXXX)
drop() {
	dropdb --if-exists "$db" >/dev/null 2>&1 || true
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}
trap 'rm -rf "$work"; drop' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

if [ ! -d test/bi/node_modules/pg ]; then
	(cd test/bi && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null) \
		|| { echo "bi-client: could not install node's pg from npm"; exit 1; }
fi

drop
createdb "$db"
q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" >/dev/null
q -f sql/indicators_fixture.sql >/dev/null
q <<SQL >/dev/null
CREATE ROLE $role LOGIN PASSWORD '$password';
GRANT USAGE ON SCHEMA fixture_report TO $role;
GRANT SELECT ON fixture_report.indicator_value, fixture_report.period, fixture_report.scorecard,
                fixture_report.indicator_availability TO $role;
SQL
PGDATABASE=$db BI_USER=$role BI_PASSWORD=$password REPORT=fixture_report PGPASSWORD=$password \
	node test/bi/bi_client_test.js || exit 1

# The demo's CSV.
psql -X -q -d "$db" -v period=2023/24 -v report=fixture_report -f demo/scorecard-csv.sql > "$work/scorecard.csv"
fail=0
check() {	# check DESCRIPTION COMMAND...
	if "${@:2}"; then echo "bi-client: ok: $1"; else echo "bi-client: FAILED: $1"; fail=1; fi
}
header=$(head -1 "$work/scorecard.csv")
check "the CSV starts with the period and its days ($header)" grep -q '^period,period_start,period_end,' <<<"$header"
rows=$(($(wc -l < "$work/scorecard.csv") - 1))
check "the CSV has a row per indicator ($rows)" test "$rows" -eq "$(q -At -c 'SELECT count(*) FROM cspi.indicator')"
check "every CSV row names the period" test "$(grep -c '^2023/24,2023-04-01,2024-03-31,' "$work/scorecard.csv")" -eq "$rows"
available=$(python3 -c 'import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
print(" ".join("%s:%d" % kv for kv in sorted(collections.Counter(r["available"] for r in rows).items())))' "$work/scorecard.csv")
check "booleans are written true and false ($available)" grep -q -E '^(false:[0-9]+ )?true:[0-9]+$' <<<"$available"
exit $fail
