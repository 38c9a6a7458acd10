#!/usr/bin/env bash
# report_html_test.sh: render cspi.report_html() in headless Chromium, as a
# committee member's browser would, and check the page: every indicator of
# the catalogue is in the scorecard, every available one has a drawn trend
# chart, both narrative headings are there, and the page loads nothing from
# outside.  Uses the fixture of sql/indicators_fixture.sql, loaded into its
# own database.  Needs a server (PGHOST/PGPORT/PGUSER) and Debian's chromium.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_html_test
work=$(mktemp -d -t cspi-html.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" >/dev/null
q -f sql/indicators_fixture.sql >/dev/null
q -At -c "SELECT cspi.report_html('2023/24', 'fixture_report')" > "$work/report.html"
chmod -R a+rX "$work"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "report-html: chromium is not installed"
	exit 1
fi
flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir=$work/profile"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$work/report.html" > "$work/dom.html" 2>"$work/chromium.log"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1280,4000 --screenshot="$work/report.png" \
	"file://$work/report.html" >/dev/null 2>>"$work/chromium.log"

fail=0
check() {	# check DESCRIPTION COMMAND...
	if "${@:2}"; then echo "report-html: ok: $1"; else echo "report-html: FAILED: $1"; fail=1; fi
}
codes=$(q -At -c "SELECT code FROM cspi.indicator ORDER BY display_order")
missing=""
for code in $codes; do
	grep -q "data-code=\"$code\"" "$work/dom.html" || missing="$missing $code"
done
check "every indicator of the catalogue is in the rendered scorecard${missing:+ (missing:$missing)}" test -z "$missing"
charts=$(grep -o '<polyline class="values" points="[0-9]' "$work/dom.html" | wc -l)
with_values=$(q -At -c "SELECT count(DISTINCT indicator) FROM fixture_report.indicator_value
                         WHERE period_type = 'month' AND shown IS NOT NULL AND period_end > '2022-03-31'")
check "a drawn trend chart for each of the $with_values indicators with monthly values ($charts)" \
	test "$charts" -eq "$with_values" -a "$charts" -ge 40
targets=$(grep -o '<line class="target"' "$work/dom.html" | wc -l)
check "target lines on the charts of indicators with a target ($targets)" test "$targets" -ge 10
check "both narrative headings" grep -q 'Where do we need to improve?' "$work/dom.html"
check "the first sentence of the narrative" grep -q 'In 2023/24, 42.9% (3 / 7) of referrals were completed within 1 working day.' "$work/dom.html"
check "status in words, not colour alone" grep -q 'Not met' "$work/dom.html"
check "no scripts or external files" bash -c "! grep -q -E '<script|src=|href=' '$work/report.html'"
check "a screenshot was rendered" test -s "$work/report.png"
if [ -s "$work/report.png" ]; then
	size=$(stat -c %s "$work/report.png")
	check "the screenshot is not blank ($size bytes)" test "$size" -gt 20000
fi
if [ -n "${CSPI_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$CSPI_KEEP_SCREENSHOT"; fi
exit $fail
