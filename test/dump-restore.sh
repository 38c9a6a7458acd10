#!/usr/bin/env bash
# dump-restore.sh: a council's own calendars, holidays, targets and wording,
# and its deployed report, survive pg_dump and pg_restore, the shipped rows
# are not duplicated, the restored calendars count as before and the
# report's materialized views are populated with the same figures.  Needs a server (PGHOST/PGPORT/PGUSER); uses two scratch
# databases and drops them.
set -eu
src=cspi_dump_src
dst=cspi_dump_dst
dump=$(mktemp -t cspi-dump.XXXXXX)
trap 'rm -f "$dump"; dropdb --if-exists "$src"; dropdb --if-exists "$dst"' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$src"; dropdb --if-exists "$dst"
createdb "$src"
q -d "$src" <<'SQL' >/dev/null
CREATE EXTENSION cspi;
CREATE EXTENSION cspi_synthetic;
CREATE EXTENSION cspi_dfe;
INSERT INTO cspi.calendar (name, base, first_date, last_date, description)
VALUES ('council-offices', 'england-and-wales', '-infinity', 'infinity', 'closures');
INSERT INTO cspi.holiday (calendar, holiday_date, name) VALUES
    ('council-offices', '2024-12-27', 'closure'),
    ('council-offices', '2024-12-30', 'closure'),
    ('england-and-wales', '2040-12-27', 'a future one-off');
INSERT INTO cspi.target (indicator, from_period, target) VALUES ('REF_1WD', '2023/24', 85);
INSERT INTO cspi.indicator_wording VALUES ('REF_1WD', '{display} of referrals were decided in a day.{verdict}');
-- A council's own load of a DfE file, shadowing a shipped year: pg_dump
-- keeps it, and the restore puts it back beside the shipped rows.
SELECT cspi.load_dfe_file('cla_numbers', 'time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000
2025,National,Children looked after on 31 March each year,12183016,81800,67');
-- A deployed report: pg_restore refreshes its materialized views, whose
-- queries call the working-day functions (in parallel plans, too).
SELECT cspi.create_source_tables('council_src');
SELECT cspi.generate_source('council_src', 0.2, 3, 2022, 2024);
SELECT count(*) FROM cspi.deploy('council_src', 'council_report');
SQL

state() {
	q -d "$1" <<'SQL'
SET datestyle = 'ISO, YMD';
SELECT name, base, weekmask, first_date, last_date, shipped FROM cspi.calendar ORDER BY name;
SELECT calendar, holiday_date, name FROM cspi.holiday WHERE NOT shipped ORDER BY 1, 2;
SELECT count(*) FROM cspi.holiday WHERE shipped;
SELECT indicator, from_period, target FROM cspi.target;
SELECT indicator, template FROM cspi.indicator_wording;
SELECT count(*) FROM cspi.indicator;
SELECT extname FROM pg_extension WHERE extname LIKE 'cspi%' ORDER BY 1;
SELECT count(*) FILTER (WHERE shipped), count(*) FILTER (WHERE NOT shipped) FROM cspi.published_figure;
SELECT value FROM cspi.published_figure_current
 WHERE measure = 'cla_31_march' AND time_period = 2025 AND geographic_level = 'National';
-- Tue 24 Dec 2024 to Thu 2 Jan 2025: 27, 30, 31 Dec and 2 Jan for England
-- and Wales (4); without 27 and 30 Dec for the council (2).
SELECT cspi.working_days('2024-12-24'::date, '2025-01-02'::date),
       cspi.working_days('2024-12-24'::date, '2025-01-02'::date, 'council-offices'),
       cspi.is_working_day('2040-12-27');
-- The report's figures, restored and populated (refreshed_at is when they
-- were computed: the restore's refresh, by design).
SELECT md5(string_agg((v.indicator, v.period_type, v.period, v.period_start, v.period_end, v.numerator,
                       v.denominator, v.value, v.shown, v.display, v.target, v.status, v.fraction)::text,
                      ',' ORDER BY v.indicator, v.period_type, v.period)),
       count(*)
  FROM council_report.indicator_value v;
SQL
}

pg_dump -Fc "$src" > "$dump"
createdb "$dst"
pg_restore -d "$dst" --exit-on-error "$dump"

before=$(state "$src")
after=$(state "$dst")
expected_counts="4|2|f"
if [ "$before" != "$after" ]; then
	echo "dump-restore: the restored database differs"
	diff <(echo "$before") <(echo "$after") || true
	exit 1
fi
if ! grep -qx "$expected_counts" <<<"$after"; then
	echo "dump-restore: expected working days $expected_counts, got:"
	echo "$after"
	exit 1
fi
grep -qx "REF_1WD|2023/24|85" <<<"$after" || { echo "dump-restore: the council's target was lost"; exit 1; }
grep -qx "81800" <<<"$after" || { echo "dump-restore: the council's own DfE figures were lost"; exit 1; }
echo "dump-restore: own calendars, holidays, targets, wording and DfE figures restored, shipped rows not duplicated"
