#!/usr/bin/env bash
# samples.sh: public sample files of the statutory returns, made by other
# tools (test/returns/samples/README.md), load without error through the
# command-line wrapper tools/cspi-import-returns, as an analyst would run
# it; their deliberate bad codes are listed by data_quality; and the source
# made from them deploys.  Needs a server (PGHOST/PGPORT/PGUSER).
set -eu
cd "$(dirname "$0")/../.."
db=cspi_returns_samples
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" >/dev/null
out=$(tools/cspi-import-returns -d "$db" -s returns -y 2018 test/returns/samples/*.csv)
echo "$out" | tail -1
tools/cspi-import-returns -d "$db" -s returns -y header test/returns/samples/CIN_Census_2021.xml \
	test/returns/samples/CIN_Census_2024.xml | tail -1
counts=$(q -c "SELECT (SELECT count(*) FROM returns.ssda903_episodes) || ' episodes, '
                      || (SELECT count(*) FROM returns.ssda903_header) || ' children, '
                      || (SELECT count(*) FROM returns.cin_child) || ' CIN children, '
                      || (SELECT count(*) FROM returns.cin_cp_plan) || ' CP plans'")
echo "samples: $counts"
[ "$counts" = "300 episodes, 300 children, 3 CIN children, 2 CP plans" ] \
	|| { echo "samples: not what the files hold"; exit 1; }
dq=$(q -c "SELECT count(*) FROM returns.data_quality")
echo "samples: $dq rows listed by data_quality"
[ "$dq" -gt 0 ] || { echo "samples: the fake files' bad codes were not listed"; exit 1; }
q -c "SELECT cspi.source_from_returns('from_returns', 'returns')" >/dev/null
available=$(q -c "SELECT count(*) FILTER (WHERE available) FROM cspi.deploy('from_returns', 'returns_report')")
echo "samples: deployed, $available indicators available"
[ "$available" -ge 25 ] || { echo "samples: too few indicators available"; exit 1; }
