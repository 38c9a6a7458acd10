#!/usr/bin/env bash
# workbook_test.sh: Ofsted's Annex A workbook as a spreadsheet reader sees
# it.  Builds a report over a generated council (and a small hand-made one
# whose rows are known), writes the workbook with tools/cspi-annex-a, reads
# it back with openpyxl and has LibreOffice, headless, convert every sheet
# to CSV; fails on any sheet name or heading that differs from the
# template's (test/annex_a/template_headings.csv), on a date not written as
# a date, or on a list whose rows are not cspi.annex_a()'s.  Needs a server
# (PGHOST/PGPORT/PGUSER), python3-openpyxl and LibreOffice Calc.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_annex_a_workbook
work=$(mktemp -d -t cspi-annex-a.XXXXXX)
trap 'dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$work"' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION cspi;
CREATE EXTENSION cspi_synthetic;
SELECT cspi.create_source_tables('council_src');
SELECT cspi.create_source_table('council_src', r)
  FROM unnest(ARRAY['cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter']) r;
SELECT cspi.generate_source('council_src', 0.2, 7, 2022, 2024);
SELECT count(*) FROM cspi.deploy('council_src', 'council_report');
SQL
as_at=2024-03-27
tools/cspi-annex-a -d "$db" -s council_report --as-at "$as_at" -o "$work/annex_a.xlsx"
# The rows each list should have: cspi.annex_a()'s, as JSON.
q -c "SELECT json_object_agg(l, (SELECT coalesce(json_agg(a.cells ORDER BY a.row_number), '[]')
                                   FROM cspi.annex_a(l, '$as_at', 'council_report') a))
        FROM generate_series(1, 11) l" > "$work/expected.json"
/usr/bin/python3 test/annex_a/check_workbook.py test/annex_a/template_headings.csv \
	"$work/annex_a.xlsx" "$work/expected.json" "$work"
