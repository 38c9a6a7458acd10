#!/usr/bin/env bash
# indicators-vs-oracle.sh: every indicator value of cspi.deploy(), the
# working-day distributions (views timeliness and timeliness_band) and the
# breakdowns (view indicator_breakdown), against the independent Python
# implementation of the catalogue (test/oracle/indicators_oracle.py), on
# the hand-built fixture (with its second source fixture_long, and as
# views without the optional columns referral.nfa and allocation.worker_id)
# and on a synthetic council from cspi.generate_source (three years, scale
# 0.5, two seeds; a tenth of its plans left open).  Neither fills the
# columns the breakdowns read (child.sex, ethnicity, disability,
# allocation.team, locality), so they are filled here, deterministically
# from md5 of the ids, before the deploy.  Needs a server
# (PGHOST/PGPORT/PGUSER); uses its own database.
set -eu
cd "$(dirname "$0")/../.."
db=cspi_oracle_indicators
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# fill_breakdown_columns SCHEMA: codes of every kind the breakdowns tell
# apart (several ways to write each, NULL, unknown codes), and, for some
# allocations, a second one from the same day (open, or with another team)
# that the tie rule decides; its qualified_social_worker is false, so the
# QSW counts do not change.  Its worker_id (CIC_SW_3PLUS counts distinct
# workers) is the first one's again, none, or a worker of its own.
fill_breakdown_columns() {
	q -v s="$1" <<'SQL'
SET client_min_messages = warning;
ALTER TABLE :"s".child ADD COLUMN IF NOT EXISTS sex text,
	ADD COLUMN IF NOT EXISTS ethnicity text, ADD COLUMN IF NOT EXISTS disability text;
ALTER TABLE :"s".allocation ADD COLUMN IF NOT EXISTS team text,
	ADD COLUMN IF NOT EXISTS locality text;
UPDATE :"s".child SET
	sex = (ARRAY['1', '1', '2', '2', 'M', ' f ', '9', 'U', '0', 'X', NULL, 'Female', 'male', 'I'])
		[1 + get_byte(decode(md5('sex' || child_id), 'hex'), 0) % 14],
	ethnicity = (ARRAY['WBRI', 'WIRI', 'wrom ', 'MWBC', 'AIND', 'APKN', 'CHNE', 'BAFR', 'BCRB',
	                   'OOTH', 'REFU', 'NOBT', NULL, 'XYZZ', 'W1', 'WBRI1', ' nobt', 'OOEG'])
		[1 + get_byte(decode(md5('ethnicity' || child_id), 'hex'), 0) % 18],
	disability = (ARRAY['NONE', 'NONE', 'NONE', 'MOB', 'LD', ' aut', NULL, 'Y', 'no', '0', '1',
	                    'XYZ', 'true', 'False', 'DDA', 'yes'])
		[1 + get_byte(decode(md5('disability' || child_id), 'hex'), 0) % 16];
INSERT INTO :"s".allocation (child_id, start_date, end_date, qualified_social_worker, worker_id)
SELECT child_id, start_date,
       CASE WHEN get_byte(decode(md5('tie' || child_id || start_date), 'hex'), 1) % 2 = 0
            THEN NULL ELSE end_date END,
       false,
       CASE get_byte(decode(md5('tie' || child_id || start_date), 'hex'), 2) % 3
            WHEN 0 THEN worker_id WHEN 1 THEN NULL
            ELSE 'T' || left(md5('tie' || child_id || start_date), 8) END
  FROM :"s".allocation
 WHERE get_byte(decode(md5('tie' || child_id || start_date), 'hex'), 0) % 4 = 0;
UPDATE :"s".allocation SET
	team = (ARRAY['North', 'north ', 'South', 'East', NULL, 'West', '', 'Court Team'])
		[1 + get_byte(decode(md5('team' || child_id || start_date || coalesce(end_date::text, '')
		                         || coalesce(qualified_social_worker::text, '')), 'hex'), 0) % 8],
	locality = (ARRAY['Area 1', 'AREA 2', NULL, 'area 1 ', 'Area 3'])
		[1 + get_byte(decode(md5('locality' || child_id || start_date || coalesce(end_date::text, '')
		                         || coalesce(qualified_social_worker::text, '')), 'hex'), 0) % 5];
SQL
}

# The population of each age band (ONS mid-year estimates), spelled in
# several ways; 5-9 has no 2023 estimate, so it keeps 2022's, and under 1
# none before 2021, so its rows until June 2021 are counts.
fill_population_age_band() {
	q -v s="$1" <<'SQL'
DELETE FROM :"s".population_age_band;    -- the generator's, replaced
INSERT INTO :"s".population_age_band (year, age_band, children)
SELECT y, b, 900 + 37 * (y - 2019) + 11 * length(b)
  FROM generate_series(2020, 2023) y,
       unnest(ARRAY[' Under 1', '1-4', '5-9 ', '10-15', '16 AND OVER']) b
 WHERE NOT (y = 2023 AND b = '5-9 ') AND NOT (y = 2020 AND b = ' Under 1');
SQL
}

# Long plans: the generator's last about a year, so that no plan is open 2
# years (CP_2YEARS_PLUS); a tenth of them are left open, which also makes a
# child's plans overlap (CP_2YEARS_PLUS counts plans, CP_OPEN children).
lengthen_plans() {
	q -v s="$1" <<'SQL'
UPDATE :"s".cp_plan SET end_date = NULL
 WHERE get_byte(decode(md5('long' || plan_id), 'hex'), 0) % 10 = 0;
SQL
}

# A source without the optional columns referral.nfa and
# allocation.worker_id: views of the fixture's relations, every column but
# those.  REFERRAL_NFA and CIC_SW_3PLUS are then not available, and must be
# missing from indicator_value and indicator_breakdown as from the oracle.
views_lacking_optional_columns() {
	q <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA fixture_lacking;
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT c.relname,
	                string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols
	           FROM pg_catalog.pg_class c
	           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	           JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
	          WHERE n.nspname = 'fixture' AND c.relkind = 'r' AND a.attnum > 0
	            AND NOT a.attisdropped
	            AND (c.relname, a.attname) NOT IN (('referral', 'nfa'), ('allocation', 'worker_id'))
	          GROUP BY c.relname
	LOOP
		EXECUTE format('CREATE VIEW fixture_lacking.%I AS SELECT %s FROM fixture.%I',
		               r.relname, r.cols, r.relname);
	END LOOP;
END $$;
SQL
}

/usr/bin/python3 test/oracle/indicators_oracle.py --self-test

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe" >/dev/null
# The fixture's second source, fixture_long (plans of 2 years and more, for
# CP_2YEARS_PLUS), is dropped at its end: kept here, to be compared too.
sed '/^DROP SCHEMA fixture_long/d' sql/indicators_fixture.sql | q -f - >/dev/null
# The fixture deploys itself: deploy again once its breakdown columns are filled.
fill_breakdown_columns fixture
q -c "SELECT count(*) FROM cspi.deploy('fixture', 'fixture_report')" >/dev/null
status=0
/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
	--schema fixture --report fixture_report || status=1
/usr/bin/python3 test/oracle/compare_timeliness.py --dbname "$db" \
	--schema fixture --report fixture_report || status=1
/usr/bin/python3 test/oracle/compare_breakdown.py --dbname "$db" \
	--schema fixture --report fixture_report || status=1
/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
	--schema fixture_long --report fixture_long_report || status=1
/usr/bin/python3 test/oracle/compare_breakdown.py --dbname "$db" \
	--schema fixture_long --report fixture_long_report || status=1
views_lacking_optional_columns
q -c "SELECT count(*) FROM cspi.deploy('fixture_lacking', 'fixture_lacking_report')" >/dev/null
/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
	--schema fixture_lacking --report fixture_lacking_report || status=1
/usr/bin/python3 test/oracle/compare_breakdown.py --dbname "$db" \
	--schema fixture_lacking --report fixture_lacking_report || status=1

for seed in 1 2; do
	q -c "SELECT cspi.create_source_tables('synthetic_$seed')" >/dev/null
	q -c "SELECT cspi.generate_source('synthetic_$seed', 0.5, $seed, 2021, 2024)" >/dev/null
	fill_breakdown_columns "synthetic_$seed"
	lengthen_plans "synthetic_$seed"
	if [ "$seed" = 1 ]; then
		fill_population_age_band "synthetic_$seed"
	fi
	q -c "SELECT count(*) FROM cspi.deploy('synthetic_$seed', 'synthetic_${seed}_report')" >/dev/null
	/usr/bin/python3 test/oracle/compare_indicators.py --dbname "$db" \
		--schema "synthetic_$seed" --report "synthetic_${seed}_report" || status=1
	/usr/bin/python3 test/oracle/compare_timeliness.py --dbname "$db" \
		--schema "synthetic_$seed" --report "synthetic_${seed}_report" || status=1
	/usr/bin/python3 test/oracle/compare_breakdown.py --dbname "$db" \
		--schema "synthetic_$seed" --report "synthetic_${seed}_report" || status=1
done
exit $status
