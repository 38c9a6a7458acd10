#!/usr/bin/env bash
# annex-a-vs-oracle.sh: Ofsted's Annex A lists 1 to 11 of generated councils,
# cspi.annex_a() against the independent Python reading
# (test/oracle/annex_a_oracle.py), as at several days: a Wednesday, a
# quarter end whose six months end on the 30th, and 29 February (its year
# before has none).  The generator's episodes of need (its councils have
# cin_episode) give List 6 rows, closed and open, some left out by a
# same-day NFA referral (checked below); some of their codes are made odd
# for the rules to read (padded, lower case, unknown, blank, missing, a
# reason on an open episode), their dates left as they are so that a
# child's episodes still do not overlap.  IRO visits and dental checks
# (which the generator does not make) are added to the children in care.
# Each council has
# Annex A's leaving care, pathway plan reviews, adoption and adopters
# (made before the generator runs, so it fills them), from the years 2020
# to 2024 so that adoptions, which take a year or two, have rows; to them
# are added contacts with the care leavers (visits of type care_leaver,
# which the generator does not make) and a few of each unusual value the
# rules of lists 9 to 11 read: in-touch codes and accommodation out of the
# OC3's lists, blank or not in the row's terms, suitability left to the
# code's digit, a second leaving-care row open at once, a decision made
# again after a reversal, decisions for children never in care and just
# before coming into care, adopters'
# genders and ethnicities out of the code lists, the old approval process
# (an application, no Stage 1).  Needs a server (PGHOST/PGPORT/PGUSER).
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
SELECT cspi.create_source_table('council_$seed', r)
  FROM unnest(ARRAY['cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter']) r;
SELECT cspi.generate_source('council_$seed', 0.3, $seed, 2020, 2024);
-- Episodes of need: a primary need for one in eight, a reason for
-- closure for one in eight closed and a few open (blank while open), out
-- of the lists or in other spellings; the reasons the generator does not
-- give (RC1, RC2) too.
UPDATE council_$seed.cin_episode
   SET primary_need = (ARRAY['N0', 'N3', 'N6', 'N7', 'N8', ' n1 ', 'n4', 'X9', '', NULL])
                          [1 + abs(hashtext(episode_id || 'need')) % 10]
 WHERE abs(hashtext(episode_id || 'need2')) % 8 = 0;
UPDATE council_$seed.cin_episode
   SET reason_closed = (ARRAY['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'rc7', ' RC8 ', 'rc8', 'RC9', 'X9', NULL])
                           [1 + abs(hashtext(episode_id || 'rc')) % 12]
 WHERE end_date IS NOT NULL AND abs(hashtext(episode_id || 'rc2')) % 8 = 0;
UPDATE council_$seed.cin_episode SET reason_closed = CASE WHEN abs(hashtext(episode_id || 'ro')) % 2 = 0 THEN 'RC7' ELSE 'RC8' END
 WHERE end_date IS NULL AND abs(hashtext(episode_id || 'ro2')) % 10 = 0;
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
-- Contacts with the care leavers, every two months or so from the start
-- of leaving care, none for a tenth of them.
INSERT INTO council_$seed.visit (visit_id, child_id, visit_type, visit_date)
SELECT 'VL' || l.child_id || '/' || l.start_date || '/' || g, l.child_id,
       CASE WHEN g % 5 = 0 THEN 'Care_Leaver' WHEN g % 7 = 0 THEN ' care_leaver ' ELSE 'care_leaver' END,
       l.start_date - 20 + g * 55 + abs(hashtext(l.child_id || g)) % 20
  FROM council_$seed.leaving_care l CROSS JOIN generate_series(1, 12) g
 WHERE abs(hashtext(l.child_id || 'v')) % 10 <> 0;
-- The OC3 codes List 9 reads, beyond the generator's: unsuitable
-- accommodation (rare in its data), suitability not known (the
-- accommodation's digit decides), in-touch codes of every kind
-- (unknown, blank, not in the flag's terms), no code (the flag decides),
-- accommodation out of the list or pattern.
UPDATE council_$seed.care_leaver SET accommodation_suitable = abs(hashtext(child_id || as_at || 's')) % 6 = 1
 WHERE abs(hashtext(child_id || as_at || 's')) % 6 IN (0, 1);
UPDATE council_$seed.care_leaver SET accommodation_suitable = NULL
 WHERE abs(hashtext(child_id || as_at || 's')) % 6 = 2;
UPDATE council_$seed.care_leaver
   SET in_touch_code = (ARRAY['no', ' DIED', 'Refu', 'NREQ ', 'rhom', 'XX', '', NULL])[1 + abs(hashtext(child_id || as_at || 'c')) % 8]
 WHERE abs(hashtext(child_id || as_at || 't')) % 8 = 0;
UPDATE council_$seed.care_leaver
   SET in_touch_code = NULL, in_touch = (ARRAY[true, false, NULL])[1 + abs(hashtext(child_id || as_at || 'f')) % 3]
 WHERE abs(hashtext(child_id || as_at || 't')) % 8 = 1;
UPDATE council_$seed.care_leaver
   SET accommodation = (ARRAY['A1', 'U3', ' z2 ', 'UX', 'u', '', 'D12', 'k 1', NULL, 'X2', 's2', 'W'])[1 + abs(hashtext(child_id || as_at || 'a')) % 12]
 WHERE abs(hashtext(child_id || as_at || 'a2')) % 5 = 0;
-- A second leaving-care row open at the same time (the later start
-- counts), its category in other spellings or unknown.
INSERT INTO council_$seed.leaving_care (child_id, eligibility, start_date, end_date)
SELECT child_id, (ARRAY[' Relevant ', 'QUALIFYING', 'staying_put', NULL])[1 + abs(hashtext(child_id || 'e')) % 4],
       start_date + 45, NULL
  FROM council_$seed.leaving_care
 WHERE end_date IS NULL AND abs(hashtext(child_id || 'dup')) % 10 = 0
ON CONFLICT DO NOTHING;
-- Adoption: a decision made again after half the reversals, decisions for
-- a few children never in care, a reason out of the list.
INSERT INTO council_$seed.adoption (child_id, decision_date)
SELECT child_id, reversed_date + 90 FROM council_$seed.adoption
 WHERE reversed_date IS NOT NULL AND abs(hashtext(child_id || 'again')) % 2 = 0
ON CONFLICT DO NOTHING;
INSERT INTO council_$seed.adoption (child_id, decision_date, matched_date, adoptive_family_id)
SELECT child_id, referral_date + 30, referral_date + 100, 'AFX' || referral_id FROM council_$seed.referral
 WHERE abs(hashtext(referral_id || 'ad')) % 100 = 0 AND referral_date >= '2022-06-01'
ON CONFLICT DO NOTHING;
-- Decisions made 20 days before a child came into care (List 10 reads
-- the period of care that follows), for a few children in care.
INSERT INTO council_$seed.adoption (child_id, decision_date)
SELECT e.child_id, min(e.start_date) - 20 FROM council_$seed.cla_episode e
 WHERE abs(hashtext(e.child_id || 'before')) % 25 = 0
   AND NOT EXISTS (SELECT 1 FROM council_$seed.adoption a WHERE a.child_id = e.child_id)
 GROUP BY e.child_id;
UPDATE council_$seed.adoption SET reversed_reason = 'RD9' WHERE abs(hashtext(child_id || 'rd')) % 5 = 0 AND reversed_reason IS NOT NULL;
-- Adopters: genders and ethnicities out of the lists or in other
-- spellings, a reason for leaving out of the list, the old process.
UPDATE council_$seed.adopter SET gender = (ARRAY['MALE', 'female', '0', '9', 'X', ' m '])[1 + abs(hashtext(adopter_id || 'g')) % 6]
 WHERE abs(hashtext(adopter_id || 'g2')) % 5 = 0;
UPDATE council_$seed.adopter SET ethnicity = (ARRAY['', 'ZZZZ', ' wbri'])[1 + abs(hashtext(adopter_id || 'e')) % 3]
 WHERE abs(hashtext(adopter_id || 'e2')) % 6 = 0;
UPDATE council_$seed.adopter SET left_reason = '4' WHERE left_reason = '1' AND abs(hashtext(adopter_id || 'l')) % 3 = 0;
UPDATE council_$seed.adopter SET stage1_start_date = NULL, stage1_end_date = NULL, application_date = coalesce(application_date, stage2_start_date)
 WHERE abs(hashtext(adopter_id || 'old')) % 8 = 0;
-- Personal advisors (allocation role personal_advisor, in any spelling):
-- one for most young people leaving care, some ended, and one for a few
-- children in care, qualified, started later than their social worker's
-- (lists 6 to 8 must not take it for the team and worker); some social
-- workers' allocations say so.
INSERT INTO council_$seed.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, role)
SELECT l.child_id, l.start_date + abs(hashtext(l.child_id || 'pa')) % 60,
       CASE WHEN abs(hashtext(l.child_id || 'pe')) % 3 = 0 THEN l.start_date + 200 END, false,
       'PA' || abs(hashtext(l.child_id || 'pw')) % 40, 'Leaving Care',
       (ARRAY['personal_advisor', ' Personal_Advisor ', 'PERSONAL_ADVISOR', 'personal_adviser'])[1 + abs(hashtext(l.child_id || 'r')) % 4]
  FROM council_$seed.leaving_care l
 WHERE abs(hashtext(l.child_id || 'p')) % 8 <> 0;
INSERT INTO council_$seed.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, role)
SELECT e.child_id, min(e.start_date) + 30, NULL, true, 'PX' || abs(hashtext(e.child_id)) % 20, 'Leaving Care', 'personal_advisor'
  FROM council_$seed.cla_episode e WHERE abs(hashtext(e.child_id || 'px')) % 5 = 0 GROUP BY e.child_id;
UPDATE council_$seed.allocation SET role = 'social_worker'
 WHERE role IS NULL AND abs(hashtext(child_id || start_date || 'sw')) % 7 = 0;
SELECT count(*) FROM cspi.deploy('council_$seed', 'council_${seed}_report');
SQL
	# List 6 has rows closed and open as at the first day, and leaves out
	# some episodes that a same-day NFA referral started.
	q >/dev/null <<SQL
DO \$\$
DECLARE closed bigint; still_open bigint; nfa bigint;
BEGIN
    SELECT count(*) FILTER (WHERE cells->>11 = 'e) Closed episode'), count(*) FILTER (WHERE cells->>11 <> 'e) Closed episode')
      INTO closed, still_open FROM cspi.annex_a(6, '2024-03-27', 'council_${seed}_report');
    SELECT count(*) INTO nfa
      FROM council_$seed.cin_episode e JOIN council_$seed.referral r ON r.child_id = e.child_id AND r.referral_date = e.start_date
     WHERE r.nfa AND e.start_date <= '2024-03-27' AND (e.end_date IS NULL OR e.end_date >= '2023-09-27');
    IF closed = 0 OR still_open = 0 OR nfa = 0 THEN
        RAISE EXCEPTION 'council_$seed List 6: % closed, % open, % episodes of NFA referrals in the window', closed, still_open, nfa;
    END IF;
END
\$\$;
SQL
	/usr/bin/python3 test/oracle/annex_a_oracle.py --dbname "$db" --schema "council_$seed" \
		--report "council_${seed}_report" --as-at 2024-03-27 --as-at 2023-09-30 --as-at 2024-02-29 || status=1
done
exit $status
