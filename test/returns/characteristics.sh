#!/usr/bin/env bash
# characteristics.sh: the hand-written returns of test/returns/characteristics/
# (two collection years, each a folder of SSDA903 files and a CIN census)
# load through the command-line wrapper tools/cspi-import-returns, one
# folder per year as an analyst would load them, and the source made from
# them gives each child's sex, ethnicity, disability and UPN, each
# referral's source and NFA, and the child in need plans, as worked out by
# hand in sql/returns.sql.  Needs a server (PGHOST/PGPORT/PGUSER); uses its
# own database.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_returns_characteristics
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
fail() { echo "characteristics: $*"; exit 1; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" >/dev/null
for year in 2024 2025; do
	tools/cspi-import-returns -d "$db" -s returns -y "$year" "test/returns/characteristics/$year/" \
		| sed 's/^/characteristics: /'
done
q -c "SELECT cspi.source_from_returns('from_returns', 'returns')" >/dev/null

# check WHAT QUERY EXPECTED: the query's rows (fields separated by |) are
# those expected, one a line.
check() {
	local got
	got=$(q -c "$2")
	[ "$got" = "$3" ] || fail "$1: got
$got
expected
$3"
	echo "characteristics: $1 as expected ($(echo "$got" | wc -l) rows)"
}
check children "SELECT child_id, date_of_birth, sex, ethnicity, disability, upn FROM from_returns.child ORDER BY child_id" \
"H1|2012-02-14|M|WBRI|LD|A123456789012
H2|2016-09-03|F|BAFR|AUT|B123456789012
H3|2008-11-22|U|MWBA||C123456789012
H4|2010-04-30|2|CHNE||E123456789012
K1|2014-04-04|F|AIND|MOB|D123456789012
K2|2019-12-01|1|REFU|NONE|"
check referrals "SELECT referral_id, source, nfa FROM from_returns.referral ORDER BY referral_id" \
"H1/2024-08-01|5B|f
H2/2024-06-03|2A|t
H2/2024-10-14||
K1/2023-05-10|3A|f
K2/2023-11-01|6|t"
check "child in need plans" "SELECT plan_id, child_id, start_date, end_date FROM from_returns.cin_plan ORDER BY plan_id" \
"H2/2024-11-20|H2|2024-11-20|
K1/2023-07-01|K1|2023-07-01|2023-12-15
K1/2024-01-20|K1|2024-01-20|2024-09-30
K1/2025-02-01|K1|2025-02-01|"
check "relations left out" "SELECT string_agg(r, ',' ORDER BY r) FROM unnest(ARRAY['contact', 'allocation', 'population_age_band']) AS r
                            WHERE to_regclass(format('from_returns.%I', r)) IS NULL" \
"allocation,contact,population_age_band"
