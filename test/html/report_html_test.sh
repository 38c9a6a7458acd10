#!/usr/bin/env bash
# report_html_test.sh: render cspi.report_html() in headless Chromium, as a
# committee member's browser and printer would, and check the page:
#   - the header names the council (setting cspi.council_name) and the date
#     the data is as at; the summary and the four narrative headings;
#   - every indicator of the catalogue is in the scorecard and the appendix
#     of definitions; every available one has a chart with a labelled value
#     axis, its first and last months, its latest value, its target drawn
#     and labelled, and a text alternative (title and desc) with the values;
#   - at A4 width (186 mm of text, 703 CSS pixels) nothing overflows the
#     page or its table cell, and the text is laid out (measured by a script
#     in a copy of the page; the report itself has no script);
#   - printed to PDF, the pages are A4; the screenshot has the width asked
#     for and is not blank;
#   - the page loads nothing from outside.
# Uses the fixture of sql/indicators_fixture.sql, loaded into its own
# database.  Needs a server (PGHOST/PGPORT/PGUSER) and Debian's chromium.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_html_test
work=$(mktemp -d -t cspi-html.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" >/dev/null
q -f sql/indicators_fixture.sql >/dev/null
PGOPTIONS="-c cspi.council_name=Fixture\\ Borough\\ Council" \
	q -At -c "SELECT cspi.report_html('2023/24', 'fixture_report')" > "$work/report.html"
# A copy with a script that measures the laid-out page and writes what it
# found into the DOM, for --dump-dom.
{
	sed 's#</body></html>$##' "$work/report.html"
	cat <<'JS'
<script>
(function () {
  var d = document.documentElement, out = [];
  out.push("overflow-page=" + (d.scrollWidth > d.clientWidth + 1 ? "yes" : "no"));
  var bad = 0;
  document.querySelectorAll("svg.trend").forEach(function (s) {
    var r = s.getBoundingClientRect(), c = s.parentElement.getBoundingClientRect();
    if (r.right > c.right + 1 || r.left < c.left - 1 || r.width < 100) bad++;
  });
  out.push("overflow-charts=" + bad);
  var h = Array.prototype.map.call(document.querySelectorAll("h2"), function (e) { return e.offsetHeight > 0 ? e.textContent : ""; });
  out.push("visible-headings=" + h.join("|"));
  out.push("text-length=" + document.body.innerText.length);
  var p = document.createElement("pre"); p.id = "measured"; p.textContent = out.join("\n"); document.body.appendChild(p);
})();
</script></body></html>
JS
} > "$work/measure.html"
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
timeout 120 "$browser" $flags --window-size=703,1000 --dump-dom "file://$work/measure.html" > "$work/measured.html" 2>>"$work/chromium.log"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=703,3000 --screenshot="$work/report.png" \
	"file://$work/report.html" >/dev/null 2>>"$work/chromium.log"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --no-pdf-header-footer --print-to-pdf="$work/report.pdf" \
	"file://$work/report.html" >/dev/null 2>>"$work/chromium.log"

fail=0
check() {	# check DESCRIPTION COMMAND...
	if "${@:2}"; then echo "report-html: ok: $1"; else echo "report-html: FAILED: $1"; fail=1; fi
}
count() { grep -o "$1" "$work/dom.html" | wc -l; }
codes=$(q -At -c "SELECT code FROM cspi.indicator ORDER BY display_order")
missing=""
for code in $codes; do
	grep -q "<tr data-code=\"$code\"" "$work/dom.html" || missing="$missing $code"
done
check "every indicator of the catalogue is in the rendered scorecard${missing:+ (missing:$missing)}" test -z "$missing"
definitions=$(count '<dt id="def-')
check "an appendix defining each of the $(wc -w <<<"$codes") indicators ($definitions)" test "$definitions" -eq "$(wc -w <<<"$codes")"
check "the plain-words definition of REF_1WD" grep -q 'Of the referrals completed in the period, the share completed within 1 working day of being received' "$work/dom.html"

charts=$(count '<polyline class="values" points="[0-9]')
with_values=$(q -At -c "SELECT count(DISTINCT indicator) FROM fixture_report.indicator_value
                         WHERE period_type = 'month' AND shown IS NOT NULL AND period_end > '2022-03-31'")
check "a drawn chart for each of the $with_values indicators with monthly values ($charts)" \
	test "$charts" -eq "$with_values" -a "$charts" -ge 40
axis_labels=$(count 'class="axis-label"')
check "a labelled value axis on every chart ($axis_labels labels, at least 2 a chart)" test "$axis_labels" -ge $((2 * charts))
months=$(count 'class="month-label"')
check "the first and last months labelled on every chart ($months)" test "$months" -eq $((2 * charts))
check "the first month is April 2022 and the last March 2024" \
	grep -q '<text class="month-label"[^>]*>Apr 2022</text><text class="month-label"[^>]*>Mar 2024</text>' "$work/dom.html"
latest=$(count 'class="latest-value"')
check "the latest value printed on every chart ($latest)" test "$latest" -eq "$charts"
targets=$(count '<line class="target"')
target_labels=$(count 'class="target-label"')
with_target=$(q -At -c "SELECT count(*) FROM cspi.scorecard('2023/24', 'fixture_report') c
                         WHERE c.target IS NOT NULL AND c.available
                           AND EXISTS (SELECT 1 FROM fixture_report.indicator_value v
                                        WHERE v.indicator = c.code AND v.period_type = 'month' AND v.shown IS NOT NULL
                                          AND v.period_end > '2022-03-31')")
check "the target drawn and labelled on the $with_target charts of indicators with a target ($targets, $target_labels)" \
	test "$targets" -eq "$with_target" -a "$target_labels" -eq "$with_target" -a "$with_target" -ge 10
descs=$(count '<desc>Apr 2022 [^<]*Mar 2024 [^<]*</desc>')
england=$(count '<path class="england-marker"')
with_england=$(q -At -c "SELECT count(*) FROM cspi.scorecard('2023/24', 'fixture_report') c
                          WHERE c.england IS NOT NULL AND c.unit <> 'count'
                            AND EXISTS (SELECT 1 FROM fixture_report.indicator_value v
                                         WHERE v.indicator = c.code AND v.period_type = 'month' AND v.shown IS NOT NULL
                                           AND v.period_end > '2022-03-31')")
check "a text alternative giving the values on every chart ($descs)" test "$descs" -eq "$charts"
check "England's published figure marked on the $with_england charts of percentages and rates that have one ($england)" \
	test "$england" -eq "$with_england" -a "$with_england" -ge 8
check "England and the neighbours beside the figures" grep -q '<small class="benchmark">England ' "$work/dom.html"
read -r ref_code ref_value <<<"$(q -At -F ' ' -c "SELECT v.indicator, cspi.format_number(v.shown, i.unit)
                         FROM fixture_report.indicator_value v JOIN cspi.indicator i ON i.code = v.indicator
                        WHERE v.period = '2024-03' AND v.shown IS NOT NULL AND i.unit = '%'
                        ORDER BY i.display_order LIMIT 1")"
check "$ref_code's text alternative ends with March 2024's value, $ref_value" \
	grep -q -P "<tr data-code=\"$ref_code\"(?:(?!</tr>).)*<desc>Apr 2022 [^<]*Mar 2024 \Q$ref_value\E\.( England, year to Mar 2024: [0-9.]+%\.)?</desc>" "$work/dom.html"
check "the council's name in the header" grep -q '<p class="council">Fixture Borough Council</p>' "$work/dom.html"
check "the date the data is as at" grep -q -E 'Data as at [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2} \(the latest event recorded\)' "$work/dom.html"
summary=$(q -At -c "SELECT sentence FROM cspi.narrative_summary('2023/24', 'fixture_report')")
check "the summary: $summary" grep -qF "$summary" "$work/dom.html"
for heading in 'Where are we performing well?' 'Where do we need to improve?' 'Activity and context' 'Figures not available'; do
	check "the narrative heading \"$heading\"" grep -qF "<h2>$heading</h2>" "$work/dom.html"
done
check "the first sentence of the narrative" grep -q 'In 2023/24, 42.9% (3 / 7) of referrals were completed within 1 working day.' "$work/dom.html"
check "status in words, not colour alone" grep -q 'Not met' "$work/dom.html"
check "no scripts or external files" bash -c "! grep -q -E '<script|src=|href=' '$work/report.html'"

measured=$(sed -n '/<pre id="measured">/,/<\/pre>/p' "$work/measured.html")
check "at A4 width the page does not overflow" grep -q 'overflow-page=no' <<<"$measured"
check "at A4 width every chart fits its cell" grep -q 'overflow-charts=0' <<<"$measured"
check "the headings are laid out" grep -q 'visible-headings=Summary|Where are we performing well?|Where do we need to improve?|Activity and context|Figures not available|Scorecard|Appendix: definitions' <<<"$measured"
chars=$(sed -n 's/.*text-length=\([0-9]*\).*/\1/p' <<<"$measured")
check "the text is laid out (${chars:-0} characters)" test "${chars:-0}" -gt 10000

check "printed to PDF" test -s "$work/report.pdf"
if [ -s "$work/report.pdf" ]; then
	pages=$(grep -a -c '/Type /Page\b' "$work/report.pdf" || true)
	a4=$(grep -a -o '/MediaBox \[0 0 59[0-9.]* 84[0-9.]*\]' "$work/report.pdf" | wc -l)
	check "every printed page is A4 ($a4 of $pages pages)" test "$a4" -ge "$pages" -a "$pages" -ge 2
fi
check "a screenshot was rendered" test -s "$work/report.png"
if [ -s "$work/report.png" ]; then
	size=$(stat -c %s "$work/report.png")
	width=$(od -An -tu1 -j16 -N4 "$work/report.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
	check "the screenshot is 703 pixels wide ($width) and not blank ($size bytes)" test "$width" -eq 703 -a "$size" -gt 20000
fi
if [ -n "${CSPI_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$CSPI_KEEP_SCREENSHOT"; fi
exit $fail
