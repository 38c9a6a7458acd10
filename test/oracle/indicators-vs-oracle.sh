#!/usr/bin/env bash
# indicators-vs-oracle.sh: every indicator value of cspi.deploy(), and the
# working-day distributions (views timeliness and timeliness_band), against
# the independent Python implementation of the catalogue
# (test/oracle/indicators_oracle.py), on the hand-built fixture and on a
# synthetic council from cspi.generate_source (three years, scale 0.5, two
# seeds).  Needs a server (PGHOST/PGPORT/PGUSER); uses its own database.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_oracle_indicators
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

/usr/bin/python3 test/oracle/indicators_oracle.py --self-test

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe" >/dev/null
q -f sql/indicators_fixture.sql >/dev/null
status=0
/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
	--schema fixture --report fixture_report || status=1
/usr/bin/python3 test/oracle/compare_timeliness.py --dbname "$db" \
	--schema fixture --report fixture_report || status=1

for seed in 1 2; do
	q -c "SELECT cspi.create_source_tables('synthetic_$seed')" >/dev/null
	q -c "SELECT cspi.generate_source('synthetic_$seed', 0.5, $seed, 2021, 2024)" >/dev/null
	q -c "SELECT count(*) FROM cspi.deploy('synthetic_$seed', 'synthetic_${seed}_report')" >/dev/null
	/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
		--schema "synthetic_$seed" --report "synthetic_${seed}_report" || status=1
	/usr/bin/python3 test/oracle/compare_timeliness.py --dbname "$db" \
		--schema "synthetic_$seed" --report "synthetic_${seed}_report" || status=1
done
exit $status
