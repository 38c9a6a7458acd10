#!/usr/bin/env bash
# annex-a-vs-oracle.sh: Ofsted's Annex A lists 1 to 8 of generated councils,
# cspi.annex_a() against the independent Python reading
# (test/oracle/annex_a_oracle.py), as at several days: a Wednesday, a
# quarter end whose six months end on the 30th, and 29 February (its year
# before has none).  The generator has no episodes of need: each council
# gets one from each referral (some open, some ended, with a primary need
# and a reason for closure, some in lower case, some unknown or missing),
# so that List 6 has rows, closed and open, some left out by a same-day
# NFA referral.  IRO visits and dental checks (which the generator does
# not make either) are added to the children in care.  Needs a
# server (PGHOST/PGPORT/PGUSER).
set -eu
cd "$(dirname "$0")/../.."
db=cspi_annex_a_oracle
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" >/dev/null
status=0
for seed in 1 2; do
	q >/dev/null <<SQL
SET client_min_messages = warning;
SELECT cspi.create_source_tables('council_$seed');
SELECT cspi.create_source_table('council_$seed', 'cin_episode');
SELECT cspi.generate_source('council_$seed', 0.3, $seed, 2022, 2024);
INSERT INTO council_$seed.cin_episode (episode_id, child_id, start_date, end_date, primary_need, reason_closed)
SELECT 'CE' || r.referral_id, r.child_id, r.referral_date,
       CASE WHEN abs(hashtext(r.referral_id)) % 4 = 0 THEN NULL
            ELSE r.referral_date + abs(hashtext(r.referral_id || 'x')) % 400 END,
       (ARRAY['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9', 'N0', ' n1 ', 'N1', 'X9', NULL])
           [1 + abs(hashtext(r.referral_id || 'need')) % 14],
       (ARRAY['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9', 'rc7', NULL])
           [1 + abs(hashtext(r.referral_id || 'rc')) % 11]
  FROM council_$seed.referral r;
-- Nor has it the IRO's visits or dental checks: each child in care gets
-- some, from before care to after the last day, and an IRO visit the day
-- after each child protection visit (List 6's last seen must not count it).
INSERT INTO council_$seed.visit (visit_id, child_id, visit_type, visit_date)
SELECT 'VI' || e.episode_id || '/' || g, e.child_id, CASE WHEN g = 2 THEN 'IRO' ELSE 'iro' END,
       e.start_date - 30 + abs(hashtext(e.episode_id || g)) % 500
  FROM council_$seed.cla_episode e CROSS JOIN generate_series(1, 3) g;
INSERT INTO council_$seed.visit (visit_id, child_id, visit_type, visit_date)
SELECT 'VJ' || v.visit_id, v.child_id, 'iro', v.visit_date + 1 FROM council_$seed.visit v WHERE v.visit_type = 'cp';
INSERT INTO council_$seed.health_assessment (child_id, kind, due_date, completed_date)
SELECT e.child_id, CASE WHEN g = 1 THEN 'dental' ELSE 'Dental' END, NULL,
       e.start_date - 60 + abs(hashtext(e.episode_id || 'd' || g)) % 700
  FROM council_$seed.cla_episode e CROSS JOIN generate_series(1, 2) g;
SELECT count(*) FROM cspi.deploy('council_$seed', 'council_${seed}_report');
SQL
	/usr/bin/python3 test/oracle/annex_a_oracle.py --dbname "$db" --schema "council_$seed" \
		--report "council_${seed}_report" --as-at 2024-03-27 --as-at 2023-09-30 --as-at 2024-02-29 || status=1
done
exit $status
