#!/usr/bin/env bash
# upgrade.sh [OLD]: the upgrade path from release OLD (default 1.0), as a
# council lives it.  Installs cspi OLD exactly as released (cspi--OLD.sql), deploys a report
# over a synthetic council, adds a council's own calendar and its own view
# over the report (with a comment and a grant), runs ALTER EXTENSION cspi
# UPDATE, and checks that
#   - the extension is at the version of cspi.control,
#   - the council's view, refreshed, gives the same figures as before,
#   - the scorecard warns that the report needs redeploying, and
#     cspi.redeploy() (twice: from OLD's layout, then from the current one) keeps the
#     council's view, its comment and grant, and its figures,
#   - the council's calendar counts as before,
#   - everything the extension owns (objects, definitions, comments,
#     privileges, triggers and whether they fire, shipped rows) equals a
#     fresh install of the current version (test/upgrade/describe.sql).
# Needs a server (PGHOST/PGPORT/PGUSER); uses two scratch databases.
set -eu
cd "$(dirname "$0")/../.."
old=${1:-1.0}
new=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)
up=cspi_upgrade_from_$(echo "$old" | tr . _)
fresh=cspi_upgrade_fresh
work=$(mktemp -d -t cspi-upgrade.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists "$up"; dropdb --if-exists "$fresh"; psql -X -q -d postgres -c "DROP ROLE IF EXISTS council_bi" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$up"; dropdb --if-exists "$fresh"
createdb "$up"
createdb "$fresh"

# From 1.3 on, the generator is the companion cspi_synthetic, at cspi's version.
case $old in
	1.0|1.1|1.2) synthetic="" ;;
	*) synthetic="CREATE EXTENSION cspi_synthetic VERSION '$old';" ;;
esac
q -d "$up" <<SQL >/dev/null
CREATE EXTENSION cspi VERSION '$old';
$synthetic
SELECT cspi.create_source_tables('council_src');
SELECT cspi.generate_source('council_src', 0.3, 7, 2022, 2024);
SELECT count(*) FROM cspi.deploy('council_src', 'council_report');
INSERT INTO cspi.calendar (name, base, first_date, last_date)
VALUES ('council-offices', 'england-and-wales', '2000-01-01', '2039-12-31');
INSERT INTO cspi.holiday (calendar, holiday_date, name)
VALUES ('council-offices', '2024-12-27', 'closure');
CREATE SCHEMA council;
CREATE VIEW council.year_end AS
SELECT indicator, period, numerator, denominator, display
  FROM council_report.indicator_value
 WHERE period_type = 'year';
COMMENT ON VIEW council.year_end IS 'Our year-end figures';
-- A council's view over the scorecard function, whose result type 1.1
-- changes.
CREATE VIEW council.scorecard_2324 AS
SELECT code, display FROM cspi.scorecard('2023/24', 'council_report');
COMMENT ON VIEW council.scorecard_2324 IS 'Our scorecard';
-- A council's own view in the report schema itself (cspi 1.0 allowed it).
CREATE VIEW council_report.our_refs AS
SELECT period, display FROM council_report.indicator_value WHERE indicator = 'REF_1WD';
CREATE ROLE council_bi;
GRANT SELECT ON council.year_end TO council_bi;
SQL

# A council's own load of a DfE file (1.2 and later have the loader): the
# upgrade keeps it, and removes only the rows cspi shipped (cspi_dfe's since 1.3).
own_load() {
	q -d "$up" -c "SELECT count(*) FROM cspi.published_figure WHERE NOT shipped AND time_period = 2026"
}
if [ "$old" != 1.0 ] && [ "$old" != 1.1 ]; then
	q -d "$up" -c "SELECT cspi.load_dfe_file('cla_numbers', 'time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2026,National,Children looked after on 31 March each year,12200000,81000,66')" >/dev/null
	[ "$(own_load)" -gt 0 ] || { echo "upgrade: the council's own DfE load did not load"; exit 1; }
fi
own_before=$(own_load 2>/dev/null || echo 0)

figures() {
	q -d "$up" -c "SELECT * FROM council.year_end ORDER BY indicator, period"
}
# Tue 24 Dec 2024 to Thu 2 Jan 2025: 27, 30, 31 Dec and 2 Jan in England
# and Wales (4); the council also closes on 27 Dec (3).
days() {
	q -d "$up" -c "SELECT cspi.working_days('2024-12-24'::date, '2025-01-02'::date),
	                      cspi.working_days('2024-12-24'::date, '2025-01-02'::date, 'council-offices')"
}
figures > "$work/before"
[ "$(days)" = "4|3" ] || { echo "upgrade: working days before the upgrade: $(days)"; exit 1; }
[ "$(wc -l < "$work/before")" -gt 50 ] || { echo "upgrade: too few figures to compare"; exit 1; }

q -d "$up" -c "ALTER EXTENSION cspi UPDATE" >/dev/null
# The generator comes back as the companion (1.0 to 1.2 had it in cspi, and
# the upgrade to 1.3 drops it), or follows cspi's version.
if [ -n "$synthetic" ]; then
	q -d "$up" -c "ALTER EXTENSION cspi_synthetic UPDATE" >/dev/null
else
	q -d "$up" -c "CREATE EXTENSION cspi_synthetic" >/dev/null
fi
[ "$(q -d "$up" -c "SELECT extversion FROM pg_extension WHERE extname = 'cspi_synthetic'")" = "$new" ] \
	|| { echo "upgrade: cspi_synthetic is not at $new after the upgrade"; exit 1; }
version=$(q -d "$up" -c "SELECT extversion FROM pg_extension WHERE extname = 'cspi'")
sc=$(q -d "$up" -c "SELECT count(*), obj_description('council.scorecard_2324'::regclass, 'pg_class') FROM council.scorecard_2324" 2>/dev/null)
indicators=$(q -d "$up" -c "SELECT count(*) FROM cspi.indicator")
[ "$sc" = "$indicators|Our scorecard" ] || { echo "upgrade: the council's view over scorecard() was not kept: $sc"; exit 1; }
[ "$version" = "$new" ] || { echo "upgrade: at version $version, not $new"; exit 1; }

q -d "$up" -c "SELECT cspi.refresh('council_report')" >/dev/null
figures > "$work/after"
if ! diff -u "$work/before" "$work/after"; then
	echo "upgrade: the council's figures changed"
	exit 1
fi
[ "$(days)" = "4|3" ] || { echo "upgrade: working days after the upgrade: $(days)"; exit 1; }

# The scorecard says the report was deployed by the old version.
warning=$(psql -X -q -d "$up" -c "SELECT count(*) FROM cspi.scorecard('2023/24', 'council_report')" 2>&1 >/dev/null)
grep -q "was deployed by cspi $old, but cspi $new is installed" <<<"$warning" \
	|| { echo "upgrade: no warning that the report needs redeploying: $warning"; exit 1; }

# Redeploy from the registry: from OLD's layout, then again from the current.
for pass in 1 2; do
	q -d "$up" -c "SELECT count(*) FROM cspi.redeploy('council_report')" >/dev/null
	# The indicators the old version had keep their figures; those the
	# new version adds (its redeploy builds them) are new rows.
	figures > "$work/redeployed.all"
	awk -F'|' 'NR == FNR { had[$1] = 1; next } ($1 in had)' "$work/before" "$work/redeployed.all" > "$work/redeployed"
	if ! diff -u "$work/before" "$work/redeployed"; then
		echo "upgrade: the council's figures changed with redeploy $pass"
		exit 1
	fi
	[ "$(q -d "$up" -c "SELECT count(*) > 0 FROM council_report.our_refs")" = t ] \
		|| { echo "upgrade: the council's own view in the report schema was lost by redeploy $pass"; exit 1; }
	kept=$(q -d "$up" -c "SELECT obj_description('council.year_end'::regclass, 'pg_class'),
	                             has_table_privilege('council_bi', 'council.year_end', 'SELECT'),
	                             (SELECT cspi_version FROM cspi.deployment WHERE report_schema = 'council_report')")
	[ "$kept" = "Our year-end figures|t|$new" ] \
		|| { echo "upgrade: after redeploy $pass the council's view or the registry is not as it was: $kept"; exit 1; }
done
# The redeployed report has what this version publishes: the scorecard
# view, the fraction, a comment on every column.
bi=$(q -d "$up" -c "SELECT (SELECT count(*) FROM council_report.scorecard WHERE period = '2023/24'),
                           (SELECT count(*) FROM council_report.indicator_value WHERE fraction IS NOT NULL) > 0,
                           (SELECT count(*) FROM information_schema.columns c
                             WHERE c.table_schema = 'council_report' AND c.table_name <> 'our_refs'
                               AND col_description(format('%I.%I', c.table_schema, c.table_name)::regclass,
                                                   c.ordinal_position::int) IS NULL)")
[ "$bi" = "$indicators|t|0" ] || { echo "upgrade: the redeployed report lacks the scorecard view, fractions or column comments: $bi"; exit 1; }
warning=$(psql -X -q -d "$up" -c "SELECT count(*) FROM cspi.scorecard('2023/24', 'council_report')" 2>&1 >/dev/null)
[ -z "$warning" ] || { echo "upgrade: the scorecard still warns after redeploy: $warning"; exit 1; }

[ "$(own_load)" = "$own_before" ] || { echo "upgrade: the council's own DfE figures were not kept: $(own_load), not $own_before"; exit 1; }
[ "$(q -d "$up" -c "SELECT count(*) FROM cspi.published_figure WHERE shipped")" = 0 ] \
	|| { echo "upgrade: figures shipped by $old are still there without cspi_dfe"; exit 1; }
q -d "$fresh" -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" -c "CREATE EXTENSION cspi_synthetic" >/dev/null
q -d "$up" -c "CREATE EXTENSION cspi_dfe" >/dev/null
[ "$(own_load)" = "$own_before" ] || { echo "upgrade: CREATE EXTENSION cspi_dfe removed the council's own DfE figures"; exit 1; }
q -d "$up" -f test/upgrade/describe.sql > "$work/upgraded"
q -d "$fresh" -f test/upgrade/describe.sql > "$work/fresh"
if ! diff -u "$work/fresh" "$work/upgraded"; then
	echo "upgrade: $old upgraded to $new differs from a fresh $new install (- fresh, + upgraded)"
	exit 1
fi
echo "upgrade: $old -> $new and two redeploys keep the council's view and its $(wc -l < "$work/before") figures; the upgraded extension equals a fresh install ($(wc -l < "$work/fresh") lines compared)"
