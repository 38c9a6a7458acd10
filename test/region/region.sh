#!/usr/bin/env bash
# region.sh: regional pooling over loopback postgres_fdw (cspi.create_region).
#
# Three council databases in this cluster (different seeds and scales of
# the generator; the second without health assessments) and a fourth on
# cspi 1.1, each deployed, each granting a role "the region's reader" its
# published figures and nothing else.  A region database pools them over
# postgres_fdw servers, and checks:
#   - every pooled figure (numerator, denominator, display) equals the one
#     cspi computes from the three sources put together in one database
#     (ids prefixed per council so that children stay apart, populations
#     summed), for every indicator and period;
#   - the reader role can read nothing on a council but its published
#     figures, and the region's foreign tables name nothing else;
#   - a member with a missing indicator, a member on another version of
#     cspi and a member whose server is down, each with its message; the
#     region keeps the down member's last figures and its report says so;
#   - small-count suppression, with the complementary rule, of figures and
#     of breakdown cells; every pooled breakdown cell against the combined
#     sources too;
#   - cspi.ratio_of and sum(ratio) pushed down to a member whose server
#     lists cspi in its extensions option (EXPLAIN VERBOSE), and not to one
#     that does not;
#   - the scorecard, narrative and HTML report on the region schema.
# Needs a server (PGHOST/PGPORT/PGUSER/PGPASSWORD, as pg_virtualenv sets).
set -eu
cd "$(dirname "$0")/../.."
pre=cspi_region_test
region_db=${pre}_region
reader=cspi_region_test_reader
reader_password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
admin=cspi_region_test_admin
admin_password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
fail=0

cleanup() {
	for db in a b c d region; do dropdb --if-exists "${pre}_$db" >/dev/null 2>&1 || true; done
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $reader" -c "DROP ROLE IF EXISTS $admin" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
check() {	# check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "region: ok: $1"
	else
		echo "region: FAILED: $1"
		echo "  expected: $2"
		echo "  actual:   $3"
		fail=1
	fi
}
contains() {	# contains DESCRIPTION NEEDLE HAYSTACK
	if grep -qF -- "$2" <<<"$3"; then
		echo "region: ok: $1"
	else
		echo "region: FAILED: $1 (no \"$2\")"
		echo "$3" | head -20 | sed 's/^/  /'
		fail=1
	fi
}

q postgres -c "CREATE ROLE $reader LOGIN PASSWORD '$reader_password'"

# The councils: seed, scale, and a source relation left out.
council() {	# council LETTER SEED SCALE VERSION [RELATION_TO_DROP]
	local db=${pre}_$1
	createdb "$db"
	q "$db" -c "CREATE EXTENSION cspi VERSION '$4'" \
		-c "SELECT cspi.create_source_tables('src')" \
		-c "DO \$\$ BEGIN IF to_regproc('cspi.generate_source') IS NULL THEN CREATE EXTENSION cspi_synthetic; CREATE EXTENSION cspi_dfe; END IF; END \$\$" \
		-c "SELECT count(*) FROM cspi.generate_source('src', $3, $2)" >/dev/null
	[ -n "${5:-}" ] && q "$db" -c "DROP TABLE src.$5" >/dev/null
	q "$db" -c "SELECT count(*) FROM cspi.deploy('src', 'cspi_report')" >/dev/null
	if [ "$4" = 1.1 ]; then	# 1.1 has no grant_published_figures
		q "$db" -c "GRANT USAGE ON SCHEMA cspi_report TO $reader" \
			-c "GRANT SELECT ON cspi_report.indicator_value, cspi_report.indicator_availability, cspi_report.deployment TO $reader"
	else
		q "$db" -c "SELECT cspi.grant_published_figures('cspi_report', '$reader')" >/dev/null
	fi
}
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" cspi.control)
council a 11 0.3 "$current"
council b 12 0.5 "$current" health_assessment
council c 13 0.4 "$current"
council d 14 0.2 1.1

createdb "$region_db"
R() { q "$region_db" "$@"; }
R -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_dfe" -c "CREATE EXTENSION postgres_fdw"
for m in a b c d; do
	# a and b list cspi in their extensions option (aggregates pushed
	# down); c and d do not.
	case $m in a|b) ext=", extensions 'cspi'" ;; *) ext="" ;; esac
	R -c "CREATE SERVER council_$m FOREIGN DATA WRAPPER postgres_fdw
	          OPTIONS (host '${PGHOST:-localhost}', port '$PGPORT', dbname '${pre}_$m'$ext)" \
	  -c "CREATE USER MAPPING FOR CURRENT_USER SERVER council_$m OPTIONS (user '$reader', password '$reader_password')"
done

# --- The region, and a member on another version -----------------------
members='[{"server": "council_a", "schema": "cspi_report", "name": "Council A", "la_code": "350"},
          {"server": "council_b", "schema": "cspi_report", "name": "Council B"},
          {"server": "council_c", "schema": "cspi_report", "name": "Council C"},
          {"server": "council_d", "schema": "cspi_report", "name": "Council D"}]'
created=$(R -F '|' -c "SELECT member, status, message FROM cspi.create_region('north', '$members', 'North West')" 2>&1)
check "create_region: A, B and C ok, D incompatible" "ok ok ok incompatible" \
	"$(R -c "SELECT string_agg(status, ' ' ORDER BY position) FROM north.member")"
contains "the member on cspi 1.1 is named, with the versions" \
	"Council D|incompatible|its report schema cspi_report was deployed by cspi 1.1, but the region runs cspi $current" "$created"
contains "the member without health assessments is named, with what it lacks" \
	"no figure for CIC_RHA_DONE, CIC_HEALTH_CURRENT (the data loaded into cspi does not include health assessments)" \
	"$(grep '^Council B|ok|' <<<"$created")"
check "an indicator pooled only over the members that have it, and which they were" \
	'{"Council A","Council C"}|{"Council B","Council D"}' \
	"$(R -c "SELECT members::text || '|' || members_without::text FROM north.indicator_availability WHERE indicator = 'CIC_RHA_DONE'")"
check "the incompatible member's figures are not pooled" 0 \
	"$(R -c "SELECT count(*) FROM north.indicator_value WHERE 'Council D' = ANY (members)")"

# --- Every pooled figure against the three sources put together ---------
# The sources, read by the superuser of this test (not by the region).
for m in a b c; do
	R -c "CREATE SERVER raw_$m FOREIGN DATA WRAPPER postgres_fdw
	          OPTIONS (host '${PGHOST:-localhost}', port '$PGPORT', dbname '${pre}_$m')" \
	  -c "CREATE USER MAPPING FOR CURRENT_USER SERVER raw_$m OPTIONS (user '$PGUSER', password '${PGPASSWORD:-}')" \
	  -c "CREATE SCHEMA raw_$m" -c "IMPORT FOREIGN SCHEMA src FROM SERVER raw_$m INTO raw_$m"
done
# combined SCHEMA LETTERS...: the sources of those councils put together.
combined() {
	local schema=$1
	shift
	R -v schema="$schema" -v letters="$*" <<'SQL'
CREATE SCHEMA :"schema";
SELECT set_config('test.schema', :'schema', false), set_config('test.letters', :'letters', false) \g /dev/null
DO $$
DECLARE
    target name := current_setting('test.schema');
    rel text;
    cols text;
    letter text;
    parts text[];
BEGIN
    FOR rel IN SELECT DISTINCT relation FROM cspi.contract_column ORDER BY 1 LOOP
        parts := '{}';
        FOREACH letter IN ARRAY string_to_array(current_setting('test.letters'), ' ') LOOP
            CONTINUE WHEN to_regclass(format('raw_%s.%I', letter, rel)) IS NULL;
            -- ids prefixed with the council's letter keep children apart
            SELECT string_agg(CASE WHEN c.kind = 'id' THEN format('%L || %I::text AS %I', letter || ':', c.column_name, c.column_name)
                                   ELSE quote_ident(c.column_name) END, ', ' ORDER BY c.position)
              INTO cols FROM cspi.contract_column c WHERE c.relation = rel;
            parts := parts || format('SELECT %s FROM raw_%s.%I', cols, letter, rel);
        END LOOP;
        IF rel = 'population' THEN
            -- populations summed
            EXECUTE format('CREATE TABLE %I.population AS SELECT year, sum(children)::bigint AS children FROM (%s) x GROUP BY year',
                           target, array_to_string(parts, ' UNION ALL '));
        ELSIF cardinality(parts) > 0 THEN
            EXECUTE format('CREATE TABLE %I.%I AS %s', target, rel, array_to_string(parts, ' UNION ALL '));
        END IF;
    END LOOP;
END
$$;
SQL
	R -c "SELECT count(*) FROM cspi.deploy('$schema', '${schema}_report')" >/dev/null
}
combined combined a b c
# CIC_RHA_DONE and CIC_HEALTH_CURRENT are pooled over A and C only (B has
# no health assessments): those against A's and C's sources together.
combined combined_ac a c
compare="SELECT count(*) AS compared,
                count(*) FILTER (WHERE (c.numerator, c.denominator, c.display) IS DISTINCT FROM (r.numerator, r.denominator, r.display)) AS different,
                count(DISTINCT indicator) AS indicators
           FROM north.indicator_value r
           FULL JOIN (SELECT * FROM combined_report.indicator_value
                       WHERE indicator NOT IN (SELECT indicator FROM north.indicator_availability WHERE 'Council B' = ANY (members_without))
                      UNION ALL
                      SELECT * FROM combined_ac_report.indicator_value
                       WHERE indicator IN (SELECT indicator FROM north.indicator_availability WHERE 'Council B' = ANY (members_without))) c
                 USING (indicator, period_type, period)"
result=$(R -F ' ' -c "$compare")
compared=${result%% *}
check "every pooled figure equals the combined sources' ($result: figures, different, indicators)" 0 "$(cut -d' ' -f2 <<<"$result")"
# Every indicator some member has (no generated council has CIN episodes).
check "figures of every indicator compared" \
	"$(R -c "SELECT count(*) FROM north.indicator_availability WHERE cardinality(members) > 0")" "$(cut -d' ' -f3 <<<"$result")"
[ "$compared" -gt 3000 ] || { echo "region: FAILED: only $compared figures compared"; fail=1; }
check "a rate pooled from summed counts and summed populations" \
	"$(R -c "SELECT sum(numerator) || '/' || sum(denominator) FROM north.member_value WHERE indicator = 'CIC_RATE' AND period = '2023/24'")" \
	"$(R -c "SELECT numerator || '/' || denominator FROM north.indicator_value WHERE indicator = 'CIC_RATE' AND period = '2023/24'")"
check "each member's own figure equals its own report's" \
	"$(q ${pre}_b -c "SELECT display FROM cspi_report.indicator_value WHERE indicator = 'CFA_45WD' AND period = '2023/24'")" \
	"$(R -c "SELECT display FROM north.member_value WHERE member = 'Council B' AND indicator = 'CFA_45WD' AND period = '2023/24'")"
# The breakdowns: every cell of the dimensions that are the children's own
# against the three sources put together (a rate's cells by their counts:
# the region's are counts, the combined council's rates over the summed
# populations by age band); a team is a member's own.
compare="SELECT count(*) AS compared,
                count(*) FILTER (WHERE CASE WHEN (SELECT unit FROM cspi.indicator WHERE code = indicator) = 'per 10,000'
                                            THEN c.numerator IS DISTINCT FROM r.numerator
                                            ELSE (c.numerator, c.denominator, c.display, c.unit) IS DISTINCT FROM (r.numerator, r.denominator, r.display, r.unit) END) AS different,
                count(DISTINCT dimension) AS dimensions
           FROM (SELECT * FROM north.indicator_breakdown WHERE dimension NOT IN ('team', 'locality')) r
           FULL JOIN (SELECT * FROM combined_report.indicator_breakdown
                       WHERE indicator NOT IN (SELECT indicator FROM north.indicator_availability WHERE 'Council B' = ANY (members_without))
                      UNION ALL
                      SELECT * FROM combined_ac_report.indicator_breakdown
                       WHERE indicator IN (SELECT indicator FROM north.indicator_availability WHERE 'Council B' = ANY (members_without))) c
                 USING (indicator, period_type, period, dimension, category)
          WHERE dimension NOT IN ('team', 'locality')"
result=$(R -F ' ' -c "$compare")
check "every pooled breakdown cell equals the combined sources' ($result: cells, different, dimensions)" 0 "$(cut -d' ' -f2 <<<"$result")"
[ "${result%% *}" -gt 20000 ] || { echo "region: FAILED: only ${result%% *} breakdown cells compared"; fail=1; }
check "a member's teams are its own, and add up to its figure" \
	"$(R -c "SELECT numerator FROM north.member_value WHERE member = 'Council B' AND indicator = 'CFA_45WD' AND period = '2023/24'")" \
	"$(R -c "SELECT sum(numerator) FROM north.indicator_breakdown WHERE dimension = 'team' AND category LIKE 'Council B: %' AND indicator = 'CFA_45WD' AND period = '2023/24'")"
check "members ranked by polarity (1: the best)" t \
	"$(R -c "SELECT bool_and(ok) FROM (SELECT (lag(shown) OVER w IS NULL OR CASE i.polarity WHEN 'higher' THEN lag(shown) OVER w >= shown ELSE lag(shown) OVER w <= shown END) AS ok
	                                     FROM north.member_value v JOIN cspi.indicator i ON i.code = v.indicator
	                                    WHERE v.rank IS NOT NULL
	                                   WINDOW w AS (PARTITION BY v.indicator, v.period_type, v.period ORDER BY v.rank)) x")"

# --- Only published figures cross the wire ------------------------------
readable=$(q ${pre}_a -c "SELECT string_agg(c.oid::regclass::text, ' ' ORDER BY c.oid::regclass::text)
                           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
                            AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'cspi')
                            AND has_table_privilege('$reader', c.oid, 'SELECT')")
check "the region's role reads nothing on a council but its published figures" \
	"cspi_report.deployment cspi_report.indicator_availability cspi_report.indicator_breakdown cspi_report.indicator_value" "$readable"
check "... and no relation anywhere with a row per child, family or case" "" \
	"$(q ${pre}_a -c "SELECT string_agg(DISTINCT c.oid::regclass::text, ' ')
	                    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	                   WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
	                     AND a.attname ~ '^(child|family|case|referral|assessment|episode|plan|visit)_id$'
	                     AND has_table_privilege('$reader', c.oid, 'SELECT')")"
check "... though there are such relations" t \
	"$(q ${pre}_a -c "SELECT count(DISTINCT a.attrelid) > 20 FROM pg_attribute a WHERE a.attname = 'child_id'")"
denied=$(PGUSER=$reader PGPASSWORD=$reader_password psql -X -q -A -t -d ${pre}_a \
	-c "SELECT count(*) FROM cspi_report.src_child" 2>&1 || true)
contains "the role cannot read a council's children" "permission denied" "$denied"
denied=$(PGUSER=$reader PGPASSWORD=$reader_password psql -X -q -A -t -d ${pre}_a \
	-c "SELECT count(*) FROM cspi.cases('CFA_45WD', '2023/24')" 2>&1 || true)
contains "... nor the cases behind a figure" "permission denied" "$denied"
check "the region's foreign tables read only published objects" "deployment indicator_availability indicator_breakdown indicator_value" \
	"$(R -c "SELECT string_agg(DISTINCT o, ' ' ORDER BY o)
	           FROM pg_foreign_table t JOIN pg_class c ON c.oid = t.ftrelid
	           JOIN pg_namespace n ON n.oid = c.relnamespace
	           CROSS JOIN LATERAL pg_options_to_table(t.ftoptions) x(k, v) CROSS JOIN LATERAL (SELECT x.v AS o) y
	          WHERE n.nspname = (SELECT internal_schema FROM cspi.region WHERE region_schema = 'north') AND x.k = 'table_name'")"

# --- Aggregates pushed down -----------------------------------------------
ft_a=$(R -c "SELECT foreign_table FROM north.member WHERE name = 'Council A'")
ft_c=$(R -c "SELECT foreign_table FROM north.member WHERE name = 'Council C'")
agg="SELECT indicator, cspi.sum(cspi.ratio(numerator, denominator)) AS pooled FROM %s
      WHERE period_type = 'month' AND period BETWEEN '2023-04' AND '2024-03' GROUP BY indicator"
plan=$(R -c "EXPLAIN (VERBOSE, COSTS OFF) $(printf "$agg" "$ft_a")")
echo "$plan" | sed 's/^/  /'
contains "sum(ratio) runs on a member whose server lists cspi" \
	"Remote SQL: SELECT indicator, cspi.sum(cspi.ratio(numerator, denominator)) FROM cspi_report.indicator_value" "$plan"
plan=$(R -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT period, cspi.ratio_of(status = 'met') FROM $ft_a WHERE period_type = 'year' GROUP BY period")
echo "$plan" | sed 's/^/  /'
contains "ratio_of runs on a member whose server lists cspi" "Remote SQL: SELECT period, cspi.ratio_of((status = 'met'))" "$plan"
plan=$(R -c "EXPLAIN (VERBOSE, COSTS OFF) $(printf "$agg" "$ft_c")")
contains "... and in the region for a server that does not" "Remote SQL: SELECT indicator, numerator, denominator FROM" "$plan"
check "the pushed-down sum equals the member's own" \
	"$(q ${pre}_a -c "SELECT string_agg(indicator || '=' || pooled, ' ' ORDER BY indicator) FROM ($(printf "$agg" cspi_report.indicator_value)) x")" \
	"$(R -c "SELECT string_agg(indicator || '=' || pooled, ' ' ORDER BY indicator) FROM ($(printf "$agg" "$ft_a")) x")"

# --- The report on the region --------------------------------------------
check "the scorecard has every indicator" "$(R -c "SELECT count(*) FROM cspi.indicator")" \
	"$(R -c "SELECT count(*) FROM cspi.scorecard('2023/24', 'north')")"
check "the narrative tells the pooled figure" \
	"$(R -c "SELECT display FROM north.indicator_value WHERE indicator = 'CFA_45WD' AND period = '2023/24'")" \
	"$(R -c "SELECT substring(sentence FROM '[0-9.]+% \([0-9,]+ / [0-9,]+\)') FROM cspi.narrative('2023/24', 'north') WHERE code = 'CFA_45WD'")"
html=$(R -c "SELECT cspi.report_html('2023/24', 'north')")
contains "the report is the region's" "<p class=\"council\">North West</p>" "$html"
contains "the report names the members pooled" "Pooled from 3 councils: Council A, Council B, Council C." "$html"
contains "the report ranks each member beside the region" \
	"$(R -c "SELECT string_agg(rank || '. ' || member || ': ' || cspi.format_number(shown, '%'), '; ' ORDER BY rank, member_position)
	           FROM north.member_value WHERE indicator = 'CFA_45WD' AND period = '2023/24'")" "$html"
contains "the report says which members an indicator was not pooled over" "Not pooled: Council B, Council D (no figure)." "$html"
contains "the report names the incompatible member" "Council D: its report schema cspi_report was deployed by cspi 1.1" "$html"

check "the scorecard view, as a council's, for BI tools" \
	"$(R -c "SELECT string_agg(code || '=' || coalesce(display, reason), ';' ORDER BY display_order) FROM cspi.scorecard('2023/24', 'north')")" \
	"$(R -c "SELECT string_agg(code || '=' || coalesce(display, reason), ';' ORDER BY display_order) FROM north.scorecard WHERE period = '2023/24'")"
check "every column of the region's views described, for BI tools" "" \
	"$(R -c "SELECT string_agg(c.relname || '.' || a.attname, ' ') FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	          JOIN pg_namespace n ON n.oid = c.relnamespace
	         WHERE n.nspname = 'north' AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL")"

# --- A member down -----------------------------------------------------------
before=$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")
R -c "ALTER SERVER council_c OPTIONS (SET port '1')"
warning=$(R -c "SELECT cspi.refresh('north')" 2>&1)
contains "a member down is named in a warning" 'region north: member "Council C" is unreachable: the region could not connect to it: could not connect to server "council_c"' "$warning"
contains "... which says the region keeps its figures" "HINT:  The region keeps its figures read on" "$warning"
check "... and the region keeps them" "$before" \
	"$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")"
check "... marked as not current" "f" "$(R -c "SELECT bool_or(current) FROM north.member_value WHERE member = 'Council C'")"
check "... and the others current" "t" "$(R -c "SELECT bool_and(current) FROM north.member_value WHERE member <> 'Council C'")"
html=$(R -c "SELECT cspi.report_html('2023/24', 'north')")
contains "the report says so" "Council C: the region could not connect to it: could not connect to server &quot;council_c&quot;" "$html"
contains "... and from when its figures are" "Its figures here are those read on" "$html"
R -c "SELECT count(*) FROM cspi.create_region('north', '$members', 'North West')" >/dev/null 2>&1
check "remade while it is down, the region still holds its figures" "$before" \
	"$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")"
R -c "ALTER SERVER council_c OPTIONS (SET port '$PGPORT')"
R -c "SELECT cspi.refresh('north')" >/dev/null 2>&1
check "back up, it is current again" "ok true" "$(R -c "SELECT m.status || ' ' || bool_and(v.current) FROM north.member m JOIN north.member_value v ON v.member = m.name WHERE m.name = 'Council C' GROUP BY m.status")"

# --- A member that fails half-way: reachable, but its figures refused ---------
q ${pre}_a -c "REVOKE SELECT ON cspi_report.indicator_value FROM $reader"
warning=$(R -c "SELECT cspi.refresh('north')" 2>&1)
contains "a member whose figures are refused is named" 'region north: member "Council A" is failed: reading it failed: permission denied for view indicator_value' "$warning"
check "... and the region keeps its figures" "$before" \
	"$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")"
q ${pre}_a -c "SELECT cspi.grant_published_figures('cspi_report', '$reader')" >/dev/null
R -c "SELECT cspi.refresh('north')" >/dev/null 2>&1

# --- A hostile member: impossible figures, junk, slowness ---------------------
# Council A's owner replaces its published indicator_value.  Each time the
# region refuses the member's rows (named, with the rule), keeps its last
# good figures, and refreshes the other members.
before=$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")
q ${pre}_a -c "ALTER VIEW cspi_report.indicator_value RENAME TO indicator_value_real"
hostile() {	# hostile DESCRIPTION EXPECTED_MESSAGE NUMERATOR DENOMINATOR [EXTRA_ROWS]
	q ${pre}_a -c "DROP VIEW IF EXISTS cspi_report.indicator_value" \
		-c "CREATE VIEW cspi_report.indicator_value AS
		    SELECT indicator, period_type, period, period_start, period_end,
		           CASE WHEN indicator = 'CFA_45WD' AND period = '2023/24' THEN $3 ELSE numerator END AS numerator,
		           CASE WHEN indicator = 'CFA_45WD' AND period = '2023/24' THEN $4 ELSE denominator END AS denominator,
		           status, refreshed_at
		      FROM cspi_report.indicator_value_real ${5:-}" \
		-c "GRANT SELECT ON cspi_report.indicator_value TO $reader" >/dev/null
	warning=$(R -c "SET statement_timeout = '20s'" -c "SELECT cspi.refresh('north')" 2>&1)
	contains "$1: the member is failed, with the rule" "region north: member \"Council A\" is failed: $2" "$warning"
	check "... and the region keeps its figures" "$before" \
		"$(R -c "SELECT md5(string_agg(indicator || period || display, ',' ORDER BY indicator, period_type, period)) FROM north.indicator_value")"
	check "... and the other members were refreshed" "ok ok" \
		"$(R -c "SELECT string_agg(status, ' ' ORDER BY position) FROM north.member WHERE name IN ('Council B', 'Council C')")"
}
hostile "a negative count" \
	"its published figures were refused: 1 row with a negative count (the first: CFA_45WD year 2023/24)" -1000 denominator
hostile "1000 of 10 for a percentage" \
	"its published figures were refused: 1 row with a numerator above its denominator in a percentage (the first: CFA_45WD year 2023/24)" 1000 10
hostile "a NULL numerator over a denominator" \
	"its published figures were refused: 1 row with no numerator over a denominator (the first: CFA_45WD year 2023/24)" NULL denominator
hostile "a count that would overflow the pooled sum" \
	"its published figures were refused: 1 row with a count above 1000000000000 (the first: CFA_45WD year 2023/24)" 9223372036854775807 9223372036854775807
hostile "20,000 junk periods and an unknown indicator" \
	"its published figures were refused: 1 row with an indicator cspi does not have (the first: HACK month 2023-04); 20000 rows with a period that is not a year, quarter or month of the years a report covers (the first:" \
	numerator denominator \
	"UNION ALL SELECT 'CFA_45WD', 'month', 'junk' || g, date '2023-04-01', date '2023-04-30', 1, 2, NULL, now() FROM generate_series(1, 20000) g
	 UNION ALL SELECT 'HACK', 'month', '2023-04', date '2023-04-01', date '2023-04-30', 1, 2, NULL, now()"
R -c "UPDATE cspi.region_member SET time_limit = '2 seconds' WHERE region_schema = 'north' AND name = 'Council A'"
hostile "a member slower than its time limit, under a statement_timeout of 20 s" \
	"reading it took longer than its time limit of 00:00:02" numerator denominator \
	"CROSS JOIN (SELECT pg_sleep(60)) AS slow"
R -c "UPDATE cspi.region_member SET time_limit = '1 minute' WHERE region_schema = 'north' AND name = 'Council A'"
q ${pre}_a -c "DROP VIEW cspi_report.indicator_value" -c "ALTER VIEW cspi_report.indicator_value_real RENAME TO indicator_value"
R -c "SELECT cspi.refresh('north')" >/dev/null 2>&1
check "mended, the member is ok again" ok "$(R -c "SELECT status FROM north.member WHERE name = 'Council A'")"
check "create_region refuses a time limit that is not one" "member 1: \"time_limit\" is not a time from 1 second to 1 day, such as \"30 seconds\"" \
	"$(R -c "SELECT * FROM cspi.create_region('west', '[{\"server\": \"council_a\", \"schema\": \"cspi_report\", \"name\": \"A\", \"time_limit\": \"soon\"}]')" 2>&1 | sed -n 's/^DETAIL:  //p')"

# --- Remade, what councils built over it stays ------------------------------
R -c "CREATE VIEW public.north_cfa AS SELECT period, display, members FROM north.indicator_value WHERE indicator = 'CFA_45WD'"
old_internal=$(R -c "SELECT internal_schema FROM cspi.region WHERE region_schema = 'north'")
R -c "SELECT count(*) FROM cspi.create_region('north', '$members', 'North West')" >/dev/null 2>&1
check "remade, a view made over the region is kept, over the new figures" \
	"$(R -c "SELECT display FROM north.indicator_value WHERE indicator = 'CFA_45WD' AND period = '2023/24'")" \
	"$(R -c "SELECT display FROM public.north_cfa WHERE period = '2023/24'")"
check "... and the old internal schema is gone" 0 "$(R -c "SELECT count(*) FROM pg_namespace WHERE nspname = '$old_internal'")"

# --- Small counts suppressed ------------------------------------------------
R -c "SELECT count(*) FROM cspi.create_region('south', '$members', 'South', suppress_below => 6)" >/dev/null 2>&1
check "no published count from 1 to 5" 0 \
	"$(R -c "SELECT count(*) FROM (SELECT numerator, denominator, i.unit FROM south.indicator_value v JOIN cspi.indicator i ON i.code = v.indicator
	                                UNION ALL SELECT numerator, denominator, i.unit FROM south.member_value v JOIN cspi.indicator i ON i.code = v.indicator) x
	          WHERE numerator BETWEEN 1 AND 5 OR (unit = '%' AND (denominator BETWEEN 1 AND 5 OR denominator - numerator BETWEEN 1 AND 5))")"
check "suppressed figures published as c, with no numbers" "t" \
	"$(R -c "SELECT count(*) > 0 AND bool_and(display = 'c' AND numerator IS NULL AND shown IS NULL AND rank IS NULL) FROM south.member_value WHERE suppressed")"
south_internal=$(R -c "SELECT internal_schema FROM cspi.region WHERE region_schema = 'south'")
check "no withheld member figure can be had back by subtracting the published ones from the region's" 0 \
	"$(R -c "SELECT count(*) FROM (
	           SELECT i.unit, sum(f.numerator) FILTER (WHERE v.suppressed)::bigint AS withheld_numerator,
	                  sum(f.denominator) FILTER (WHERE v.suppressed)::bigint AS withheld_denominator
	             FROM south.member_value v
	             JOIN $south_internal.member_figure f ON f.member = v.member_position AND f.indicator = v.indicator
	                                                  AND f.period_type = v.period_type AND f.period = v.period
	             JOIN cspi.indicator i ON i.code = v.indicator
	             JOIN south.indicator_value r ON r.indicator = v.indicator AND r.period_type = v.period_type AND r.period = v.period
	            WHERE NOT r.suppressed
	            GROUP BY v.indicator, v.period_type, v.period, i.unit) x
	          WHERE cspi.discloses_small_count(unit, withheld_numerator, withheld_denominator, 6)")"
check "... and figures are withheld beside the small ones to make sure" t \
	"$(R -c "SELECT count(*) > 0 FROM south.member_value v JOIN $south_internal.member_figure f
	           ON f.member = v.member_position AND f.indicator = v.indicator AND f.period_type = v.period_type AND f.period = v.period
	          JOIN cspi.indicator i ON i.code = v.indicator
	         WHERE v.suppressed AND NOT cspi.discloses_small_count(i.unit, f.numerator, f.denominator, 6)")"
check "the same figures where nothing is small" 0 \
	"$(R -c "SELECT count(*) FROM south.indicator_value s JOIN north.indicator_value n USING (indicator, period_type, period)
	          WHERE NOT s.suppressed AND s.display IS DISTINCT FROM n.display")"
check "no breakdown cell publishes a count from 1 to 5" 0 \
	"$(R -c "SELECT count(*) FROM south.indicator_breakdown
	          WHERE numerator BETWEEN 1 AND 5 OR (unit = '%' AND (denominator BETWEEN 1 AND 5 OR denominator - numerator BETWEEN 1 AND 5))")"
check "no withheld cell can be had back from the figure and the other cells of its dimension" 0 \
	"$(R -c "SELECT count(*) FROM (
	           SELECT b.unit, sum(n.numerator) FILTER (WHERE b.suppressed)::bigint AS withheld_numerator,
	                  sum(n.denominator) FILTER (WHERE b.suppressed)::bigint AS withheld_denominator
	             FROM south.indicator_breakdown b
	             JOIN north.indicator_breakdown n USING (indicator, period_type, period, dimension, category)
	             JOIN south.indicator_value r USING (indicator, period_type, period)
	            WHERE NOT r.suppressed
	            GROUP BY b.indicator, b.period_type, b.period, b.dimension, b.unit) x
	          WHERE cspi.discloses_small_count(unit, withheld_numerator, withheld_denominator, 6)")"
check "... with cells withheld beside the small ones, and the rest as north's" "true 0" \
	"$(R -c "SELECT (count(*) FILTER (WHERE s.suppressed AND NOT cspi.discloses_small_count(s.unit, n.numerator, n.denominator, 6)) > 0)
	                || ' ' || count(*) FILTER (WHERE NOT s.suppressed AND s.display IS DISTINCT FROM n.display)
	           FROM south.indicator_breakdown s JOIN north.indicator_breakdown n USING (indicator, period_type, period, dimension, category)")"
contains "the scorecard says why a figure is missing" "the figure is suppressed, because it would disclose a small number" \
	"$(R -c "SELECT DISTINCT c.reason FROM (SELECT period FROM south.indicator_value WHERE suppressed LIMIT 1) p
	          CROSS JOIN LATERAL cspi.scorecard(p.period, 'south') c WHERE c.reason LIKE '%suppressed%'")"

# --- A region made and refreshed by a role that is not a superuser ---------
q postgres -c "CREATE ROLE $admin LOGIN PASSWORD '$admin_password'"
R -c "GRANT CREATE ON DATABASE $region_db TO $admin" \
  -c "GRANT USAGE ON FOREIGN SERVER council_a, council_b TO $admin" \
  -c "CREATE USER MAPPING FOR $admin SERVER council_a OPTIONS (user '$reader', password '$reader_password')" \
  -c "CREATE USER MAPPING FOR $admin SERVER council_b OPTIONS (user '$reader', password '$reader_password')"
A() { PGUSER=$admin PGPASSWORD=$admin_password q "$region_db" "$@"; }
check "a region made by a role that is not a superuser" "ok ok" \
	"$(A -c "SELECT string_agg(status, ' ' ORDER BY member) FROM cspi.create_region('east', '[{\"server\": \"council_a\", \"schema\": \"cspi_report\", \"name\": \"Council A\"}, {\"server\": \"council_b\", \"schema\": \"cspi_report\", \"name\": \"Council B\"}]', 'East')")"
check "... pools as the superuser's does" \
	"$(R -c "SELECT sum(numerator) FROM north.member_value WHERE member IN ('Council A', 'Council B') AND indicator = 'CFA_45WD' AND period = '2023/24'")" \
	"$(A -c "SELECT numerator FROM east.indicator_value WHERE indicator = 'CFA_45WD' AND period = '2023/24'")"
A -c "SELECT cspi.refresh('east')" >/dev/null
check "... refreshes it and reports on it" t "$(A -c "SELECT cspi.report_html('2023/24', 'east') LIKE '%<p class=\"council\">East</p>%'")"
check "... and cannot change another region's registry rows" "0" \
	"$(A -c "WITH u AS (UPDATE cspi.region_member SET name = 'taken' WHERE region_schema = 'north' RETURNING 1) SELECT count(*) FROM u")"
denied=$(A -c "SELECT cspi.refresh('north')" 2>&1 || true)
contains "... nor refresh it" "ERROR:  region \"north\" belongs to role $PGUSER, not to $admin" "$denied"

[ $fail -eq 0 ] && echo "region: all checks passed"
exit $fail
