#!/usr/bin/env bash
# dfe-figures-vs-oracle.sh: cspi.benchmarks() for every local authority of
# the statistical-neighbour model and both years shipped (England, region,
# neighbours' mean, median and count, own figure, rank and quartile, per indicator) against an
# independent reading of the CSV files (test/oracle/dfe_figures_oracle.py).
# Needs a server (PGHOST/PGPORT/PGUSER); uses its own database.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_oracle_dfe_figures
work=$(mktemp -d -t cspi-dfe-figures.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" >/dev/null
python3 test/oracle/dfe_figures_oracle.py | sort > "$work/oracle"
psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" > "$work/cspi" <<'SQL'
SELECT concat_ws('|', la.old_la_code, b.time_period, b.indicator, coalesce(b.england::text, ''),
                 coalesce(b.region::text, ''), coalesce(b.statistical_neighbours::text, ''),
                 coalesce(b.statistical_neighbours_median::text, ''), b.neighbours_published, coalesce(b.la_published::text, ''),
                 coalesce(b.la_rank::text, ''), coalesce(b.la_quartile::text, ''))
  FROM (SELECT DISTINCT old_la_code FROM cspi.statistical_neighbour_current) la
 CROSS JOIN (VALUES ('2023/24'), ('2024/25')) AS y(period)
 CROSS JOIN LATERAL cspi.benchmarks(y.period, la.old_la_code) b;
SQL
sort -o "$work/cspi" "$work/cspi"
lines=$(wc -l < "$work/oracle")
if ! diff -u "$work/oracle" "$work/cspi" > "$work/diff"; then
	echo "dfe-figures: cspi differs from the independent reading of the DfE files (- oracle, + cspi):"
	head -40 "$work/diff"
	exit 1
fi
[ "$lines" -gt 4000 ] || { echo "dfe-figures: only $lines figures compared"; exit 1; }
echo "dfe-figures: $lines figures (153 authorities, 2 years: England, region, neighbours' mean and median, own, rank, quartile) equal to the independent reading"
