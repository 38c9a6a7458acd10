#!/usr/bin/env bash
# roundtrip.sh: a generated council (cspi.generate_source) written out as
# its statutory returns, one collection year at a time
# (cspi.export_903, cspi.export_cin_census), imported back
# (cspi.import_903, cspi.import_cin_census), made a source again
# (cspi.source_from_returns) and deployed: every figure of every indicator
# the returns support equals the figure from the original source, for
# every period whose look-back the exported years cover.  Needs a server
# (PGHOST/PGPORT/PGUSER); uses its own database.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_returns_roundtrip
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe" >/dev/null
q -c "SELECT cspi.create_source_tables('original')" >/dev/null
q -c "SELECT cspi.generate_source('original', ${ROUNDTRIP_SCALE:-0.3}, ${ROUNDTRIP_SEED:-5}, 2019, 2024)" >/dev/null
q -c "SELECT cspi.create_return_tables('returns')" >/dev/null

# Every collection year the data touches, written out and read back as the
# files themselves (text), as a council's files would arrive.
for year in 2019 2020 2021 2022 2023 2024 2025; do
	for kind in header episodes reviews uasc oc3 missing; do
		q -c "SELECT cspi.import_903('returns', $year, '$kind', cspi.export_903('original', $year, '$kind'))" >/dev/null
	done
	q -c "SELECT cspi.import_cin_census('returns', NULL, cspi.export_cin_census('original', $year)::text::xml)" >/dev/null
done
q -c "SELECT cspi.source_from_returns('from_returns', 'returns')" >/dev/null
# The population is in neither return: a council adds it beside the views
# (cspi.fill_population, or its own table), as here the original's, so
# that the rates (REFERRAL_RATE, CP_STARTED_RATE, CIC_STARTED_RATE, ...)
# are compared too.
q -c "CREATE TABLE from_returns.population AS SELECT * FROM original.population" >/dev/null
q -c "SELECT count(*) FROM cspi.deploy('original', 'original_report')" >/dev/null
q -c "SELECT count(*) FROM cspi.deploy('from_returns', 'returns_report')" >/dev/null

# The indicators the returns support: available from the returns, less those
# whose definition reads what the returns record differently: care leavers
# (the returns hold each young person at their birthday, the source at any
# date) and ICPC_15WD (the census cannot mark the transfer-in conferences
# the indicator leaves out; nor, so, S47_RATE and ICPC_RATE, which leave
# them out too).  CIC_20_MILES and the family counts have no
# data in the returns and are unavailable.  Periods from 2021/22, by when the look-backs (12
# months, 2 years, 2.5 years of care) are covered by the years exported.
result=$(q <<'SQL'
WITH supported AS (
    SELECT a.indicator FROM returns_report.indicator_availability a
     WHERE a.available AND a.indicator NOT LIKE 'CL\_%' AND a.indicator NOT IN ('ICPC_15WD', 'S47_RATE', 'ICPC_RATE')
), compared AS (
    SELECT s.indicator, o.period, o.numerator AS o_num, o.denominator AS o_den,
           r.numerator AS r_num, r.denominator AS r_den
      FROM supported s
      JOIN original_report.indicator_value o ON o.indicator = s.indicator
      LEFT JOIN returns_report.indicator_value r
             ON r.indicator = o.indicator AND r.period_type = o.period_type AND r.period = o.period
     WHERE o.period_start >= '2021-04-01' AND o.period_end <= '2024-03-31'
)
SELECT count(DISTINCT indicator) || ' indicators, ' || count(*) || ' figures, '
       || count(*) FILTER (WHERE (o_num, o_den) IS DISTINCT FROM (r_num, r_den)) || ' different'
  FROM compared;
SQL
)
echo "returns round trip: $result"
diffs=$(q <<'SQL'
SELECT o.indicator || ' ' || o.period || ': ' || o.numerator || '/' || coalesce(o.denominator::text, '-')
       || ' from the source, ' || coalesce(r.numerator::text, '?') || '/' || coalesce(r.denominator::text, '-')
       || ' from the returns'
  FROM returns_report.indicator_availability a
  JOIN original_report.indicator_value o ON o.indicator = a.indicator
  LEFT JOIN returns_report.indicator_value r
         ON r.indicator = o.indicator AND r.period_type = o.period_type AND r.period = o.period
 WHERE a.available AND a.indicator NOT LIKE 'CL\_%' AND a.indicator NOT IN ('ICPC_15WD', 'S47_RATE', 'ICPC_RATE')
   AND o.period_start >= '2021-04-01' AND o.period_end <= '2024-03-31'
   AND (o.numerator, o.denominator) IS DISTINCT FROM (r.numerator, r.denominator)
 ORDER BY o.indicator, o.period_start, o.period_type LIMIT 20;
SQL
)
if [ -n "$diffs" ]; then
	echo "$diffs"
	exit 1
fi
# What Ofsted's Annex A reads besides, through the same files: every
# episode's placement provider, postcode and URN (903 PLACE_PROVIDER,
# PL_POST, URN) and every plan's categories of abuse (the census's), by
# child and start, the same both ways.
annex=$(q <<'SQL'
WITH o AS (SELECT 'episode' AS k, child_id, start_date, placement_provider AS a, placement_postcode AS b, placement_urn AS c
             FROM original.cla_episode
           UNION ALL
           SELECT 'plan', child_id, start_date, initial_category, latest_category, NULL FROM original.cp_plan),
     r AS (SELECT 'episode' AS k, child_id, start_date, placement_provider, placement_postcode, placement_urn
             FROM from_returns.cla_episode
           UNION ALL
           SELECT 'plan', child_id, start_date, initial_category, latest_category, NULL FROM from_returns.cp_plan)
SELECT (SELECT count(*) FROM o) || ' episodes and plans, '
       || (SELECT count(*) FROM (SELECT * FROM o EXCEPT ALL SELECT * FROM r) x) + (SELECT count(*) FROM (SELECT * FROM r EXCEPT ALL SELECT * FROM o) x)
       || ' different'
SQL
)
echo "returns round trip (Annex A's columns): $annex"
case "$annex" in
*" 0 different") ;;
*) exit 1 ;;
esac
