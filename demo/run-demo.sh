#!/usr/bin/env bash
# run-demo.sh: cspi's main job, what `make demo` runs.  On a Debian machine
# that may have nothing installed: prepares it like `make test`, starts a
# throwaway cluster (pg_virtualenv), generates a synthetic council
# (cspi.generate_source at SCALE), deploys and refreshes the indicators,
# prints the PERIOD scorecard and narrative, writes demo/out/scorecard-*.csv,
# demo/out/report-*.html and Ofsted's Annex A workbook
# (demo/out/annex-a-*.xlsx), and removes the cluster.
# Environment: PERIOD (default 2023/24), SCALE (default 1).
set -eu
cd "$(dirname "$0")/.."
export PERIOD=${PERIOD:-2023/24}
export SCALE=${SCALE:-1}
export "$(tools/prepare.sh)"
PGVERSION=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
mkdir -p demo/out
export OUT=$(cd demo/out && pwd)
export SLUG=$(echo "$PERIOD" | tr '/ ' '-_')

# The years to generate: up to the end of PERIOD's financial year, five before.
fy_start=$(echo "$PERIOD" | cut -c1-4)
case "$PERIOD" in
	????-??) [ "$(echo "$PERIOD" | cut -c6-7 | sed 's/^0//')" -lt 4 ] && fy_start=$((fy_start - 1)) ;;
esac
export LAST_YEAR=$((fy_start + 1))
export FIRST_YEAR=$((LAST_YEAR - 5))

demo() {
	set -eu
	started=$(date +%s)
	q() { psql -X -q -v ON_ERROR_STOP=1 -d cspi_demo "$@"; }
	createdb cspi_demo
	q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe"
	echo "==> generating a synthetic council at scale $SCALE, 1 April $FIRST_YEAR to 31 March $LAST_YEAR"
	q -c "SELECT cspi.create_source_tables('council')" >/dev/null
	# and the relations an indicator family or Annex A adds (episodes of
	# need: CIN_RATE and List 6; lists 9 to 11), which the generator fills
	# where they exist
	q -c "SELECT cspi.create_source_table('council', r)
	        FROM unnest(ARRAY['cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter']) r" >/dev/null
	q -c "SELECT cspi.generate_source('council', $SCALE, 1, $FIRST_YEAR, $LAST_YEAR)" >/dev/null
	echo "==> deploying and refreshing the indicators"
	q -c "SELECT count(*) FILTER (WHERE available) AS available_indicators FROM cspi.deploy('council', 'cspi_report')"
	q -c "SELECT cspi.refresh('cspi_report')" >/dev/null
	echo
	echo "Scorecard $PERIOD"
	q -c "SELECT code, display AS \"$PERIOD\", cspi.format_target(target, unit) AS target,
	             coalesce(status, '') AS status, coalesce(previous_display, '') AS \"previous\",
	             coalesce(change || coalesce(' (' || change_is || ')', ''), '') AS change
	        FROM cspi.scorecard('$PERIOD') ORDER BY display_order"
	echo "Summary"
	q -At -c "SELECT '  ' || sentence FROM cspi.narrative_summary('$PERIOD')"
	echo
	for heading in 'Where are we performing well?' 'Where do we need to improve?' 'Activity and context' 'Figures not available'; do
		echo "$heading"
		q -At -c "SELECT coalesce(string_agg('  - ' || sentence, E'\\n' ORDER BY display_order), '  (none)')
		            FROM cspi.narrative('$PERIOD') WHERE heading = '$heading'"
		echo
	done
	echo "For which children: assessments within 45 working days, $PERIOD, by age band and ethnic group"
	q -c "SELECT dimension, category, display FROM cspi_report.indicator_breakdown_of('CFA_45WD', '$PERIOD')
	       WHERE dimension IN ('age_band', 'ethnicity_group') ORDER BY dimension, category"
	q -v period="$PERIOD" -v report=cspi_report -f demo/scorecard-csv.sql > "$OUT/scorecard-$SLUG.csv"
	PGOPTIONS="-c cspi.council_name=Synthetic\\ Borough\\ Council\\ (demo\\ data)" \
		q -At -c "SELECT cspi.report_html('$PERIOD')" > "$OUT/report-$SLUG.html"
	# Ofsted's Annex A, as at the last day of the generated years.
	tools/cspi-annex-a -d cspi_demo -s cspi_report --as-at "$LAST_YEAR-03-31" -o "$OUT/annex-a-$LAST_YEAR-03-31.xlsx"
	echo "==> done in $(( $(date +%s) - started )) s"
}
export -f demo
tools/throwaway-cluster.sh "$PGVERSION" bash -c demo
echo
echo "Written:"
echo "  $OUT/scorecard-$SLUG.csv"
echo "  $OUT/report-$SLUG.html"
echo "  $OUT/annex-a-$LAST_YEAR-03-31.xlsx"
