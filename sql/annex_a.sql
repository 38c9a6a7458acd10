-- Ofsted's Annex A (issue 26): the lists annex_a_list_1 ... annex_a_list_11
-- of a report, cspi.annex_a() for any day, and annex_a_gaps, worked by hand
-- on a small council.  Every row and cell below is worked out in these
-- comments from doc/annex-a.md, never copied from the output.
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

-- The lists are as at Wednesday 27 March 2024: the six months ("window")
-- run from 27 September 2023 to 27 March 2024, both days included.
--
-- Children (common columns at 27 March 2024):
--   C1 sex 1, WBRI, NONE, born 2015-06-01: a) Male, a) WBRI, b) No, age 8;
--   C2 sex F, no ethnicity, MOB, born 2010-03-27: b) Female, s) NOBT (not
--      yet obtained), a) Yes, age 14 (its birthday is as_at);
--   C3 no sex, WENG (an extended code, no label), no disability, born
--      2024-05-01 (unborn): c) Not stated/recorded, blank, c) Unknown, -1;
--   C4 sex I, ' chne ' (read as CHNE), true, no date of birth: d) Neither,
--      q) CHNE, a) Yes, blank date and age;
--   C5 sex 2, BAFR, false, born 2012-01-01: b) Female, o) BAFR, b) No, 12;
--   C9 is named by a contact but not in child: every child column blank
--      but its id.
SELECT cspi.create_source_tables('aa_src');
SELECT cspi.create_source_table('aa_src', 'cin_episode');
INSERT INTO aa_src.child (child_id, family_id, date_of_birth, sex, ethnicity, disability) VALUES
    ('C1', 'F1', '2015-06-01', '1', 'WBRI', 'NONE'),
    ('C2', 'F2', '2010-03-27', 'F', NULL, 'MOB'),
    ('C3', 'F3', '2024-05-01', NULL, 'WENG', NULL),
    ('C4', 'F4', NULL, 'I', ' chne ', 'true'),
    ('C5', 'F5', '2012-01-01', '2', 'BAFR', 'false');
INSERT INTO aa_src.population VALUES (2023, 10000);

-- Allocations: C1 North/W1 from 2023-06-01 to 2023-12-31, South/W2 from
-- 2024-01-15; C2 East/W3 from 2023-01-01 to as_at itself (in force on
-- as_at: the end day counts); C4 West/W4 from 2024-01-01 to 2024-03-26 (not
-- in force on as_at, nor on 27 March); C3 and C5 none.
INSERT INTO aa_src.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, locality) VALUES
    ('C1', '2023-06-01', '2023-12-31', true, 'W1', 'North', NULL),
    ('C1', '2024-01-15', NULL, true, 'W2', 'South', NULL),
    ('C2', '2023-01-01', '2024-03-27', true, 'W3', 'East', NULL),
    ('C4', '2024-01-01', '2024-03-26', true, 'W4', 'West', NULL);

-- List 1, contacts received in the window: K1 (26 September, the day
-- before) and K5 (28 March, after as_at) are out; in date order:
--   K2 C1 2023-09-27 (the window's first day), source ' 3a ' -> g) 3A:
--      Health services;
--   K4 C9 2024-01-10, source 6 -> q) 6: Police (C9's child columns blank);
--   K3 C2 2024-03-27 (as_at), source 5D -> blank (no label in the template).
INSERT INTO aa_src.contact (contact_id, child_id, contact_date, source) VALUES
    ('K1', 'C1', '2023-09-26', '2A'), ('K2', 'C1', '2023-09-27', ' 3a '),
    ('K3', 'C2', '2024-03-27', '5D'), ('K4', 'C9', '2024-01-10', '6'),
    ('K5', 'C3', '2024-03-28', '1A');

-- List 2, early help cases started by as_at and open on or after 27
-- September (FS3 ended the 26th: out), in order of start:
--   FS1 C1 2023-06-01, ended 2023-09-27 (the window's first day): shown;
--   FS4 C5 2024-02-01, ended 2024-04-05 (after as_at): completion blank;
--   FS2 C3 2024-03-27, open.  Organisation: blank (not in the contract).
INSERT INTO aa_src.family_support (case_id, family_id, child_id, provider, start_date, end_date) VALUES
    ('FS1', 'F1', 'C1', 'internal', '2023-06-01', '2023-09-27'),
    ('FS2', 'F3', 'C3', 'internal', '2024-03-27', NULL),
    ('FS3', 'F2', 'C2', 'external', '2023-01-01', '2023-09-26'),
    ('FS4', 'F5', 'C5', 'external', '2024-02-01', '2024-04-05');

-- List 3, referrals received in the window (R1, R2 before it; R6 after
-- as_at), in date order:
--   R3 C1 2023-12-01, 2A e) 2A: Schools, NFA a) Yes; C1's latest referral
--      by as_at is R4 (2024-02-01), and its referrals from 2023-02-01 to
--      2024-01-31 are R2 (2023-05-01) and R3: 2 (R1, 2023-01-10, is
--      before); allocation on 1 December: North, W1;
--   R7 C5 2024-01-08, 1A a) 1A: Individual, a) Yes; C5's only referral: 0;
--      no allocation;
--   R4 C1 2024-02-01, no source (blank), NFA not known (blank), 2 again;
--      allocation on 1 February: South, W2;
--   R5 C2 2024-03-27, 10 u) 10: Unknown, b) No; C2's latest by as_at is R5
--      itself (R6, 1 April, is after as_at), none in the 12 months before
--      it: 0; allocation on 27 March: East, W3 (its last day).
INSERT INTO aa_src.referral (referral_id, child_id, referral_date, completed_date, source, nfa) VALUES
    ('R1', 'C1', '2023-01-10', NULL, '8', NULL),
    ('R2', 'C1', '2023-05-01', NULL, '8', NULL),
    ('R3', 'C1', '2023-12-01', NULL, '2A', true),
    ('R4', 'C1', '2024-02-01', NULL, NULL, NULL),
    ('R5', 'C2', '2024-03-27', NULL, '10', false),
    ('R6', 'C2', '2024-04-01', NULL, '10', false),
    ('R7', 'C5', '2024-01-08', NULL, '1A', true);

-- List 4, assessments started by as_at and authorised on or after 27
-- September or not by as_at (A1, authorised the 26th, and A5, started
-- after as_at, are out), in order of start:
--   A2 C1 started 2023-08-01, authorised 2023-09-27: shown; allocation on
--      the authorisation's day: North, W1;
--   A3 C2 started 2024-03-01, open: authorisation blank; allocation on
--      as_at: East, W3;
--   A4 C3 started 2024-03-20, authorised 2024-04-02 (after as_at): blank;
--      no allocation.
-- "Requiring support": A2's child's episode of need CE1 (1 May to 26
--   September 2023) holds its start and closed with RC8 (closed after
--   assessment, no further action): b) No; A3 is open and A4 authorised
--   after as_at: blank.
-- Child seen: blank (not in the contract).
INSERT INTO aa_src.assessment (assessment_id, child_id, start_date, authorised_date) VALUES
    ('A1', 'C1', '2023-08-01', '2023-09-26'), ('A2', 'C1', '2023-08-01', '2023-09-27'),
    ('A3', 'C2', '2024-03-01', NULL), ('A4', 'C3', '2024-03-20', '2024-04-02'),
    ('A5', 'C4', '2024-03-28', NULL);

-- List 5, enquiries whose strategy discussion or conference falls in the
-- window (S1: both in March 2023, out), in order of strategy discussion:
--   S2 C2 2023-09-01 (before the window), conference 2023-10-02 (in it):
--      deemed unnecessary b) No (one was held); C2's plan P2 starts
--      2023-10-03, not on the conference's day: b) No;
--   S4 C4 2023-11-01, no conference: those three blank;
--   S5 C4 2024-01-05, conference 2024-01-20, the day C4's plan P3 starts:
--      b) No, a) Yes;
--   S3 C2 2024-03-01, conference 2024-03-28 (after as_at): blank, blank,
--      blank.
-- Counts: C2's latest strategy discussion by as_at is S3 (2024-03-01); from
-- 2023-03-01 to 2024-02-29 it had S1 (2023-03-01, the first day) and S2:
-- 2 enquiries, and conferences on 2023-03-20 and 2023-10-02: 2 ICPCs (S3's
-- is after it).  C4's latest is S5 (2024-01-05): S4 only, 1 enquiry, 0
-- ICPCs (S5's conference is after it).  Allocation on as_at: C2 East, W3;
-- C4 none (its allocation ended the day before).
INSERT INTO aa_src.s47_enquiry (s47_id, child_id, strategy_date, icpc_date, transfer_in) VALUES
    ('S1', 'C2', '2023-03-01', '2023-03-20', false), ('S2', 'C2', '2023-09-01', '2023-10-02', false),
    ('S3', 'C2', '2024-03-01', '2024-03-28', false), ('S4', 'C4', '2023-11-01', NULL, false),
    ('S5', 'C4', '2024-01-05', '2024-01-20', false);

-- List 7, each child's latest plan started by as_at, open then or ended in
-- the window (P4 ended 26 September, P5 starts after as_at: out):
--   C2 P2 from 2023-10-03, open: its last cp visit by as_at 2024-03-27
--      (2024-03-28 is after as_at, the 2024-03-20 visit is cic); its
--      latest review by as_at 2024-01-02 (2024-04-01 is after); end blank;
--      C2's episode of care under L2 (EPO) ended 2023-09-27, in the window:
--      a) Yes; one earlier plan (P1, 2022): 1; allocation on as_at: East, W3;
--   C4 P3 2024-01-20 to 2024-03-27 (as_at: ended in the window, end date
--      shown); last cp visit 2024-03-26 (2024-03-29 is after the plan);
--      no review: blank; no EPO: b) No; 0 earlier plans; allocation on
--      2024-03-27: none.
-- Categories of abuse, the plan's own (not an earlier plan's): C2's P2
--   initial NEG a) Neglect (P1's SAB is not it), latest ' emo ' (read
--   trimmed, in upper case) d) Emotional abuse; C4's P3 initial PHY
--   b) Physical abuse, latest not known: blank.
-- "Seen alone": blank (not in the contract).
INSERT INTO aa_src.cp_plan (plan_id, child_id, start_date, end_date, initial_category, latest_category) VALUES
    ('P1', 'C2', '2022-01-01', '2022-06-30', 'SAB', 'SAB'), ('P2', 'C2', '2023-10-03', NULL, 'NEG', ' emo '),
    ('P3', 'C4', '2024-01-20', '2024-03-27', 'PHY', NULL), ('P4', 'C1', '2023-01-01', '2023-09-26', 'MUL', 'MUL'),
    ('P5', 'C3', '2024-03-28', NULL, 'NEG', 'NEG');
INSERT INTO aa_src.cp_review (review_id, plan_id, review_date) VALUES
    ('RV1', 'P2', '2024-01-02'), ('RV2', 'P2', '2024-04-01');
INSERT INTO aa_src.visit (visit_id, child_id, visit_type, visit_date) VALUES
    ('V1', 'C2', 'cp', '2023-12-01'), ('V2', 'C2', 'cp', '2024-03-27'), ('V3', 'C2', 'cp', '2024-03-28'),
    ('V4', 'C2', 'cic', '2024-03-20'), ('V5', 'C4', 'cp', '2024-03-26'), ('V6', 'C4', 'cp', '2024-03-29');
INSERT INTO aa_src.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
                                reason_ceased, distance_miles, uasc, placement_provider, placement_postcode,
                                placement_urn) VALUES
    ('E1', 'C2', '2023-09-20', '2023-09-27', 'S', 'L2', 'U4', 'E4A', NULL, false, 'PR1', 'ab1 2c', 'XXXXXXX');

-- List 6, each child's latest episode of need started by as_at, open then
-- or closed in the window, one row per child in child order:
--   C1 CE2 from 2024-02-01 (CE1 closed 26 September: not it), open; no
--      visit since: blank; no care, plan open? P4 ended; a CIN plan open
--      (CP1): c) Child in need plan; allocation on as_at: South, W2;
--   C2 CE3 from 2023-10-03, open; last seen 2024-03-27 (any type; the 28th
--      is after as_at); a CP plan open: b) Child Protection plan; East, W3;
--   C3 CE4 from 2024-03-20, open; not seen; A4 open at as_at: d) Open
--      assessment; no allocation;
--   C4 CE5 2024-01-05 to 2024-03-27 (as_at): closed, e) Closed episode,
--      closure 2024-03-27; last seen 2024-03-26; allocation on 27 March:
--      none;
--   C5's only episode CE7 began with R7, a referral of the same day ending
--      in no further action: not on the list.
-- Primary need, the episode's own, and the reason for closure when closed
-- by as_at:
--   C1 CE2 N1 N1 - Abuse or neglect (CE1's N4 is not it), open: blank;
--   C2 CE3 'n2' N2 - Child’s disability, open: blank;
--   C3 CE4 no need: blank; its RC7 is blank too, as the episode is open;
--   C4 CE5 N4 N4 - Family in acute stress, closed with RC8: RC8 - Case
--      closed after assessment, no further action.
INSERT INTO aa_src.cin_episode (episode_id, child_id, start_date, end_date, primary_need, reason_closed) VALUES
    ('CE1', 'C1', '2023-05-01', '2023-09-26', 'N4', 'RC8'), ('CE2', 'C1', '2024-02-01', NULL, 'N1', NULL),
    ('CE3', 'C2', '2023-10-03', NULL, 'n2', NULL), ('CE4', 'C3', '2024-03-20', NULL, NULL, 'RC7'),
    ('CE5', 'C4', '2024-01-05', '2024-03-27', 'N4', 'RC8'), ('CE7', 'C5', '2024-01-08', '2024-01-09', 'N9', 'RC8');
-- An IRO's visit is not a social worker's: C1's on 1 March 2024 (V12)
-- leaves its "last seen" blank.
INSERT INTO aa_src.visit (visit_id, child_id, visit_type, visit_date) VALUES
    ('V12', 'C1', 'iro', '2024-03-01');
INSERT INTO aa_src.cin_plan (plan_id, child_id, start_date, end_date) VALUES
    ('CP1', 'C1', '2024-02-10', NULL);

-- List 8, each child's latest period of care (short breaks left out)
-- started by as_at and open then or ended in the window; the year runs
-- from 27 March 2023.  Two more children: C6 sex M, MWBC, NONE, born
-- 2009-07-15 (a) Male, f) MWBC, b) No, 14); C7 sex 2, WIRI, no disability,
-- born 2007-03-28 (b) Female, b) WIRI, c) Unknown, 16: 17 the day after).
-- C3's only care is a short break (V3) and C4's ended 26 September: not on
-- the list.  In child order:
--   C2 E1, 2023-09-20 to 2023-09-27 (ended on the window's first day): not
--      UASC b) No; no earlier period b) No; legal status L2 (L2: EPO) since
--      2023-09-20; no review, no cic visit in the period (V4 is after it),
--      no health assessment: blank; 1 placement (from 2023-09-20), type U4
--      d) U4: Foster placement - long term; ceased 2023-09-27, E4A
--      e) E4A: Returned home to live with parents or relatives - part of
--      planning; missing episode M6 (2023-09-25, in the year and the
--      period): 1, interview offered a) Yes, accepted a) Yes; allocation
--      on 27 September: East, W3;
--   C6 E2 2023-01-10 S V2 U4 (X1), E3 2023-06-01 L C2 U4 (X1), E4 2023-11-15
--      P C2 K2, open: one period from 2023-01-10; b) No, b) No; C2: FCO
--      since 2023-06-01 (E3 and E4 are C2, E2 is V2); latest review by
--      as_at 2024-01-05 (CR3, 1 April, is after); last cic visit
--      2024-03-01 (V8 is cp); last health assessment 2024-02-20 (the one
--      completed 30 March is after as_at); placements from 2023-01-10 (to
--      2023-11-15, open on 28 March 2023, the 12 months' first day) and
--      2023-11-15: 2, the latest from 2023-11-15, K2 p) K2: Children’s
--      Homes; not ceased: blank, blank; missing M2 (2023-10-01) and M3
--      (2024-02-01): 2 (M1, 20 March 2023, is before the year, M4 after
--      as_at); the latest, M3, was not offered an interview: b) No,
--      accepted blank; allocation on as_at: Care, W6;
--   C7 E6 2023-04-01 to 2023-05-01 S V2 U6 (E4A), E7 2023-10-01 S V2 U6
--      UASC, open: the period from 2023-10-01; UASC a) Yes; an earlier
--      period ended 2023-05-01, in the year: a) Yes; V2: Single period
--      under S20 since 2023-10-01; no review, visit or health assessment;
--      placements from 2023-04-01 (to 2023-05-01) and 2023-10-01: 2, the
--      latest from 2023-10-01, U6 f) U6: Foster placement - not FFA; M5
--      (2023-04-15) is in the year but before the period: 0, and the
--      interview columns blank; no allocation.
-- The placement's provider, postcode and URN are those of the period's
-- last episode started by as_at:
--   C2 E1: PR1 b) PR1: Own provision, 'ab1 2c' as AB1 2C, XXXXXXX (the
--      903's none applies) as written;
--   C6 E4 (not E2's or E3's PR1, SW1 1A, 1234567): PR4 e) PR4: Private
--      provision, M1 1, SC123456;
--   C7 E7: PR9 (no such code) blank, no postcode or URN: blank.
-- The IRO's visits (visit type iro) in the period to as_at: C6's latest
-- is 2023-12-01 (V10; V9, 1 December 2022, is before the period, V11
-- after as_at); C2 and C7 have none: blank.  Dental checks (health
-- assessment kind dental) done by as_at: C6's latest 2024-03-01 (the one of
-- 30 March is after as_at), and it is not a health assessment (that stays
-- 2024-02-20); C2 and C7 none: blank.
-- Category of need, permanence plan, location, LA and absences: blank
-- (not in the contract).
INSERT INTO aa_src.child (child_id, family_id, date_of_birth, sex, ethnicity, disability) VALUES
    ('C6', 'F6', '2009-07-15', 'M', 'MWBC', 'NONE'),
    ('C7', 'F7', '2007-03-28', '2', 'WIRI', NULL);
INSERT INTO aa_src.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
                                reason_ceased, distance_miles, uasc, placement_provider, placement_postcode,
                                placement_urn) VALUES
    ('E2', 'C6', '2023-01-10', '2023-06-01', 'S', 'V2', 'U4', 'X1', NULL, false, 'PR1', 'SW1 1A', '1234567'),
    ('E3', 'C6', '2023-06-01', '2023-11-15', 'L', 'C2', 'U4', 'X1', NULL, false, 'PR1', 'SW1 1A', '1234567'),
    ('E4', 'C6', '2023-11-15', NULL, 'P', 'C2', 'K2', NULL, NULL, false, 'PR4', 'M1 1', 'SC123456'),
    ('E6', 'C7', '2023-04-01', '2023-05-01', 'S', 'V2', 'U6', 'E4A', NULL, false, 'PR2', 'B1 1', NULL),
    ('E7', 'C7', '2023-10-01', NULL, 'S', 'V2', 'U6', NULL, NULL, true, 'PR9', NULL, NULL),
    ('E8', 'C3', '2024-01-01', NULL, 'S', 'V3', 'R1', NULL, NULL, false, NULL, NULL, NULL),
    ('E9', 'C4', '2023-01-01', '2023-09-26', 'S', 'C1', 'U1', 'E11', NULL, false, NULL, NULL, NULL);
INSERT INTO aa_src.cla_review (review_id, child_id, review_date) VALUES
    ('CR1', 'C6', '2023-07-01'), ('CR2', 'C6', '2024-01-05'), ('CR3', 'C6', '2024-04-01');
INSERT INTO aa_src.visit (visit_id, child_id, visit_type, visit_date) VALUES
    ('V7', 'C6', 'cic', '2024-03-01'), ('V8', 'C6', 'cp', '2024-03-10'),
    ('V9', 'C6', 'iro', '2022-12-01'), ('V10', 'C6', 'IRO', '2023-12-01'), ('V11', 'C6', 'iro', '2024-03-28');
INSERT INTO aa_src.health_assessment (child_id, kind, due_date, completed_date) VALUES
    ('C6', 'initial', '2023-02-07', '2023-02-01'), ('C6', 'review', '2024-02-01', '2024-02-20'),
    ('C6', 'review', '2024-08-01', '2024-03-30'),
    ('C6', 'dental', NULL, '2023-08-01'), ('C6', 'dental', NULL, '2024-03-01'), ('C6', 'dental', NULL, '2024-03-30');
INSERT INTO aa_src.missing_episode (episode_id, child_id, start_at, returned_at, rhi_offered_at, rhi_engaged, other_authority) VALUES
    ('M1', 'C6', '2023-03-20 10:00', '2023-03-20 18:00', NULL, false, false),
    ('M2', 'C6', '2023-10-01 22:00', '2023-10-02 08:00', '2023-10-03 10:00', false, false),
    ('M3', 'C6', '2024-02-01 20:00', '2024-02-02 09:00', NULL, false, false),
    ('M4', 'C6', '2024-03-28 20:00', NULL, NULL, false, false),
    ('M5', 'C7', '2023-04-15 21:00', '2023-04-16 07:00', '2023-04-17 09:00', true, false),
    ('M6', 'C2', '2023-09-25 19:00', '2023-09-26 06:00', '2023-09-26 15:00', true, false);
INSERT INTO aa_src.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, locality) VALUES
    ('C6', '2023-01-10', NULL, true, 'W6', 'Care', NULL);

-- List 9, care leavers: each young person whose leaving_care entitlement is
-- open on as_at (started by it, not ended by it), in id order:
--   C10 sex 1, WBRI, NONE, born 2005-06-01 (a) Male, a) WBRI, b) No, 18):
--      former_relevant from 2023-06-01 (its relevant entitlement ended
--      then): b) Former relevant child; its episode of care (2020 to June
--      2023, ended before the window, so not on List 8) was UASC: a) Yes;
--      allocation on as_at: Leaving, W10 (its personal advisor PA7's,
--      started later, is not a social worker's allocation); personal
--      advisor on as_at PA7 (PA6's ended 31 August); pathway plan reviews 2023-10-01,
--      2024-03-27 (as_at) and 2024-04-10 (after): 2024-03-27; contacts
--      (visit type care_leaver, either case) 2024-02-01, 2024-03-20 and
--      2024-03-28 (after): 2024-03-20; its latest care_leaver row by as_at
--      (2024-03-01; the one of 1 April is after) has code ' yes ': a) Yes,
--      in touch; accommodation 'u1': U: Independent living, and with no
--      accommodation_suitable its digit 1 a) Suitable; activity F4 (newer
--      than the template): F4: Young person engaged full time in an
--      apprenticeship;
--   C11 sex 2, OOTH, true, born 2007-01-15 (b) Female, r) OOTH, a) Yes,
--      17): relevant to 2024-03-27 (ended on as_at: not open) and
--      qualifying from 2024-03-27: c) Qualifying care leaver; no episode of
--      care: b) No; no social worker's allocation, review or contact:
--      blank; personal advisor PA8 (role ' Personal_Advisor ', read
--      trimmed in upper case); latest row
--      2024-02-01, no code, in_touch false: b) No, so accommodation D2,
--      suitability and G5 are blank (not in touch); its row of June 2023
--      has codes MAYBE and Q1, unknown (data-quality problems);
--   C12 sex 9, REFU, no disability, born 2004-12-01 (c) Not
--      stated/recorded, s) REFU, c) Unknown, 19): eligible since
--      2022-12-01: d) Eligible child; b) No; its allocation's role
--      'manager' is not a code (a data-quality problem) and is read as a
--      social worker's: Leaving, W12; no personal advisor; code REFU:
--      d) Refu, not in touch (in_touch NULL), so B1 and its activity are
--      blank;
--   C13 sex 2, WBRI, false, born 2006-02-10 (b) Female, a) WBRI, b) No,
--      18): ' former_relevant ' from 2024-02-10 (read trimmed):
--      b) Former relevant child; b) No; no code, in_touch true: a) Yes; Z:
--      With former foster carers, accommodation_suitable true a) Suitable
--      (the letter has no digit); activity 'education', a group, blank;
--   C14's entitlement starts 2024-03-28, after as_at: not on the list.
-- A personal advisor's allocation is read by List 9 only: C2's (spelt
-- Personal_Adviser, the other spelling) and C6's (qualified, later
-- started, other workers and team) change neither their team and worker on
-- lists 7 and 8 nor any figure (checked below).
SELECT cspi.create_source_table('aa_src', 'leaving_care');
SELECT cspi.create_source_table('aa_src', 'pathway_plan_review');
SELECT cspi.create_source_table('aa_src', 'adoption');
SELECT cspi.create_source_table('aa_src', 'adopter');
INSERT INTO aa_src.child (child_id, family_id, date_of_birth, sex, ethnicity, disability) VALUES
    ('C10', 'F10', '2005-06-01', '1', 'WBRI', 'NONE'),
    ('C11', 'F11', '2007-01-15', '2', 'OOTH', 'true'),
    ('C12', 'F12', '2004-12-01', '9', 'REFU', NULL),
    ('C13', 'F13', '2006-02-10', '2', 'WBRI', 'false');
INSERT INTO aa_src.leaving_care (child_id, eligibility, start_date, end_date) VALUES
    ('C10', 'relevant', '2021-06-01', '2023-06-01'), ('C10', 'former_relevant', '2023-06-01', NULL),
    ('C11', 'relevant', '2024-01-15', '2024-03-27'), ('C11', 'qualifying', '2024-03-27', NULL),
    ('C12', 'eligible', '2022-12-01', NULL), ('C13', ' former_relevant ', '2024-02-10', NULL),
    ('C14', 'staying_put', '2024-03-28', NULL);
INSERT INTO aa_src.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
                                reason_ceased, distance_miles, uasc) VALUES
    ('E10', 'C10', '2020-01-01', '2023-06-01', 'S', 'V2', 'U6', 'E5', NULL, true);
INSERT INTO aa_src.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id, team, locality, role) VALUES
    ('C10', '2023-06-01', NULL, false, 'W10', 'Leaving', NULL, NULL),
    ('C10', '2023-06-01', '2023-08-31', false, 'PA6', 'Leaving Care', NULL, 'personal_advisor'),
    ('C10', '2023-09-01', NULL, false, 'PA7', 'Leaving Care', NULL, 'personal_advisor'),
    ('C11', '2024-01-15', NULL, false, 'PA8', 'Leaving Care', NULL, ' Personal_Advisor '),
    ('C12', '2024-01-01', NULL, true, 'W12', 'Leaving', NULL, 'manager'),
    ('C2', '2024-03-01', NULL, true, 'PA11', 'Leaving Care', 'Central', 'Personal_Adviser'),
    ('C6', '2023-12-01', NULL, true, 'PA9', 'Leaving Care', 'Central', 'personal_advisor'),
    ('C6', '2024-01-01', NULL, true, 'PA10', 'Leaving Care', 'Central', 'personal_advisor');
INSERT INTO aa_src.pathway_plan_review (review_id, child_id, review_date) VALUES
    ('PR1', 'C10', '2023-10-01'), ('PR2', 'C10', '2024-03-27'), ('PR3', 'C10', '2024-04-10');
INSERT INTO aa_src.visit (visit_id, child_id, visit_type, visit_date) VALUES
    ('V13', 'C10', 'care_leaver', '2024-02-01'), ('V14', 'C10', 'Care_Leaver', '2024-03-20'),
    ('V15', 'C10', 'care_leaver', '2024-03-28');
INSERT INTO aa_src.care_leaver (child_id, as_at, in_touch, accommodation_suitable, activity, in_touch_code, accommodation) VALUES
    ('C10', '2023-06-01', true, true, 'F2', 'YES', 'D1'),
    ('C10', '2024-03-01', true, NULL, 'F4', ' yes ', 'u1'),
    ('C10', '2024-04-01', false, NULL, 'G5', 'NO', NULL),
    ('C11', '2023-06-01', true, true, 'F2', 'MAYBE', 'Q1'),
    ('C11', '2024-02-01', false, false, 'G5', NULL, 'D2'),
    ('C12', '2023-12-01', NULL, true, 'F1', 'REFU', 'B1'),
    ('C13', '2024-02-10', true, true, 'education', NULL, 'Z');

-- List 10, adoption: each child's latest decision to place for adoption by
-- as_at, with the period of care open on the decision's day (else the
-- first started after it); listed when adopted (an adoption order: the
-- period ended E11 or E12 by as_at) or reversed in the year (from 27 March
-- 2023), or neither by as_at.  In id order:
--   C20 sex 1, WBRI, NONE, born 2021-05-01 (a) Male, a) WBRI, b) No, 2):
--      family AF1; care from 2022-01-10 (E20 C2 U4, E21 E1 from
--      2022-09-01, E22 A5 from 2023-02-01 to 2023-08-20, E12: ended before
--      the window, so not on List 8); decision 2022-08-15 (in that
--      period); placement order 2022-09-01; matched 2023-01-10; no
--      placed_date: the first A3-A6 episode, 2023-02-01; adoption order
--      2023-08-20 (in the year); not reversed; no U2/U5 episode: blank;
--   C22 sex F, BCRB, NONE, born 2020-02-02 (b) Female, n) BCRB, b) No, 4):
--      no family; decisions 2021-03-01 and 2022-11-01 (the latest), reversed
--      2023-05-01 (in the year), ' rd2 ': RD2 - The Court did not make a
--      placement order; never in care: entered care, placement order,
--      placed, order and FFA blank;
--   C26 sex 2, MWBA, no disability, born 2021-12-01 (b) Female, g) MWBA,
--      c) Unknown, 2): family AF3; decision 2022-05-01, in care from
--      2022-03-01 (E26 C2 U5, E27 E1 U5 from 2022-10-01, E28 A3 from
--      2023-02-01 to 2023-09-26, E11: the day before the window); placement
--      order 2022-10-01; matched 2023-01-15; placed_date 2023-02-01 given;
--      adoption order 2023-09-26; FFA (U5) from 2022-03-01;
--   C7 (List 8's, 16): family AF2; decision 2024-01-10; its period from
--      2023-10-01 (the April one ended before the decision); V2 only: no
--      placement order; matched 2024-03-27 (as_at); placed_date 2024-03-28,
--      after as_at: blank (given, so not read from the episodes); open: no
--      order; not reversed.
--   C27 sex 1, WBRI, NONE, born 2022-05-01 (a) Male, a) WBRI, b) No, 1):
--      no family; a period of care to 2023-05-01 (E30, returned home,
--      E4A) and the next from that day (E31 E1 U5, E32 A5 from 2023-06-01
--      to 2023-09-20, E11): the decision of 2023-05-01 reads the later
--      started, as the contract has two periods that touch: entered care
--      2023-05-01, placement order 2023-05-01, placed (first A5)
--      2023-06-01, adoption order 2023-09-20 (in the year, the week before
--      the window: not on List 8), FFA (U5) 2023-05-01.
--   Not listed: C23 reversed 2023-03-26 (before the year); C24, whose
--   decision (2020-12-01) came before its care (2021-01-01 to 2022-06-01,
--   E11): adopted before the year; C25's decision is after as_at.
INSERT INTO aa_src.child (child_id, family_id, date_of_birth, sex, ethnicity, disability) VALUES
    ('C20', 'F20', '2021-05-01', '1', 'WBRI', 'NONE'),
    ('C22', 'F22', '2020-02-02', 'F', 'BCRB', 'NONE'),
    ('C26', 'F26', '2021-12-01', '2', 'MWBA', NULL),
    ('C27', 'F27', '2022-05-01', '1', 'WBRI', 'NONE');
INSERT INTO aa_src.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
                                reason_ceased, distance_miles, uasc) VALUES
    ('E20', 'C20', '2022-01-10', '2022-09-01', 'S', 'C2', 'U4', 'X1', NULL, false),
    ('E21', 'C20', '2022-09-01', '2023-02-01', 'L', 'E1', 'U4', 'X1', NULL, false),
    ('E22', 'C20', '2023-02-01', '2023-08-20', 'P', 'E1', 'A5', 'E12', NULL, false),
    ('E24', 'C24', '2021-01-01', '2022-06-01', 'S', 'E1', 'A4', 'E11', NULL, false),
    ('E26', 'C26', '2022-03-01', '2022-10-01', 'S', 'C2', 'U5', 'X1', NULL, false),
    ('E27', 'C26', '2022-10-01', '2023-02-01', 'L', 'E1', 'U5', 'X1', NULL, false),
    ('E28', 'C26', '2023-02-01', '2023-09-26', 'P', 'E1', 'A3', 'E11', NULL, false),
    ('E30', 'C27', '2022-06-01', '2023-05-01', 'S', 'C2', 'U4', 'E4A', NULL, false),
    ('E31', 'C27', '2023-05-01', '2023-06-01', 'S', 'E1', 'U5', 'X1', NULL, false),
    ('E32', 'C27', '2023-06-01', '2023-09-20', 'P', 'E1', 'A5', 'E11', NULL, false);
INSERT INTO aa_src.adoption (child_id, decision_date, matched_date, placed_date, reversed_date, reversed_reason, adoptive_family_id) VALUES
    ('C20', '2022-08-15', '2023-01-10', NULL, NULL, NULL, 'AF1'),
    ('C22', '2021-03-01', NULL, NULL, '2021-09-01', 'RD3', NULL),
    ('C22', '2022-11-01', NULL, NULL, '2023-05-01', ' rd2 ', NULL),
    ('C23', '2022-01-01', NULL, NULL, '2023-03-26', 'RD1', NULL),
    ('C24', '2020-12-01', '2021-02-01', '2021-03-01', NULL, NULL, 'AF9'),
    ('C25', '2024-03-28', NULL, NULL, '2024-04-01', 'RD9', NULL),
    ('C26', '2022-05-01', '2023-01-15', '2023-02-01', NULL, NULL, 'AF3'),
    ('C27', '2023-05-01', NULL, NULL, NULL, NULL, NULL),
    ('C7', '2024-01-10', '2024-03-27', '2024-03-28', NULL, NULL, 'AF2');

-- List 11, adopters who applied (or started Stage 1) by as_at and were in
-- the process in the year: not adopted or left before 27 March 2023, not
-- put on hold; in family then id order:
--   AD1 AF1 'm' a) Male, WBRI a) WBRI, disability false b) No, FFA false
--      No; enquiry 2021-09-01, Stage 1 2021-10-01 to 2021-12-01, Stage 2
--      2021-12-05 to 2022-04-01, no application or approval, matched
--      2023-01-10, placed 2023-02-01, 1 child, adoption order 2023-08-20
--      (in the year), not left;
--   AD2 AF1 F b) Female, no ethnicity s) NOBT, disability and FFA not
--      known: blank; the same dates;
--   AD3 AF2 9 d) Not stated/recorded, WENG (extended: blank), disabled
--      a) Yes, FFA Yes; application 2023-05-01, approved 2023-11-01,
--      matched 2024-03-27 (as_at), placed 2024-03-28 (after: blank, and so
--      is its one child placed);
--   AD6 AF5 N c) Neither, AIND j) AIND, b) No, No; Stage 1 from
--      2023-06-01, left 2023-10-01: 3 - Application refused;
--   AD8 no family, no gender d) Not stated/recorded, a) WBRI, b) No, No;
--      application 2024-03-27 (as_at); leaves 2024-04-01, after as_at:
--      both blank.
--   Not listed: AD4 (an enquiry only), AD5 (left 2023-03-26, before the
--   year), AD7 (put on hold, reason 2, on 2024-01-01), AD9 (applied after
--   as_at), AD10 (adoption order 2023-03-26, before the year).  AD4's
--   reason for leaving '02' and AD9's gender X are not codes: data-quality
--   problems (as are C14's eligibility staying_put and C25's reason RD9).
INSERT INTO aa_src.adopter (adopter_id, family_id, gender, ethnicity, disability, fostering_for_adoption, enquiry_date,
                            stage1_start_date, stage1_end_date, stage2_start_date, stage2_end_date, application_date,
                            approval_date, matched_date, placed_date, children_placed, adoption_order_date, left_date,
                            left_reason) VALUES
    ('AD1', 'AF1', 'm', 'WBRI', false, false, '2021-09-01', '2021-10-01', '2021-12-01', '2021-12-05', '2022-04-01',
     NULL, NULL, '2023-01-10', '2023-02-01', 1, '2023-08-20', NULL, NULL),
    ('AD2', 'AF1', 'F', NULL, NULL, NULL, '2021-09-01', '2021-10-01', '2021-12-01', '2021-12-05', '2022-04-01',
     NULL, NULL, '2023-01-10', '2023-02-01', 1, '2023-08-20', NULL, NULL),
    ('AD3', 'AF2', '9', 'WENG', true, true, NULL, NULL, NULL, NULL, NULL,
     '2023-05-01', '2023-11-01', '2024-03-27', '2024-03-28', 1, NULL, NULL, NULL),
    ('AD4', 'AF3', 'M', 'WBRI', false, false, '2023-12-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '02'),
    ('AD5', 'AF4', 'F', 'WBRI', false, false, NULL, NULL, NULL, NULL, NULL,
     '2022-01-01', NULL, NULL, NULL, NULL, NULL, '2023-03-26', '1'),
    ('AD6', 'AF5', 'N', 'AIND', false, false, NULL, '2023-06-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2023-10-01', '3'),
    ('AD7', 'AF6', 'M', 'WBRI', false, false, NULL, '2023-07-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-01', '2'),
    ('AD8', NULL, NULL, 'WBRI', false, false, NULL, NULL, NULL, NULL, NULL, '2024-03-27', NULL, NULL, NULL, NULL, NULL, '2024-04-01', '1'),
    ('AD9', 'AF8', 'X', 'WBRI', false, false, NULL, NULL, NULL, NULL, NULL, '2024-03-28', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('AD10', 'AF7', 'M', 'WBRI', false, false, NULL, '2020-01-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2023-03-26', NULL, NULL);

SELECT count(*) > 0 AS deployed FROM cspi.deploy('aa_src', 'aa_report');

-- The day the views are as at: the deployment's annex_a_as_at (NULL:
-- today), which a deploy keeps.
SELECT cspi.annex_a_as_at('aa_report') = cspi.local_date(now()) AS today_by_default;
UPDATE cspi.deployment SET annex_a_as_at = '2024-03-27' WHERE report_schema = 'aa_report';
SELECT count(*) > 0 AS redeployed FROM cspi.redeploy('aa_report');
SELECT annex_a_as_at FROM cspi.deployment WHERE report_schema = 'aa_report';

\pset null '.'
SELECT * FROM aa_report.annex_a_list_1;
SELECT * FROM aa_report.annex_a_list_2;
SELECT * FROM aa_report.annex_a_list_3;
\x on
SELECT * FROM aa_report.annex_a_list_4;
SELECT * FROM aa_report.annex_a_list_5;
SELECT * FROM aa_report.annex_a_list_6;
SELECT * FROM aa_report.annex_a_list_7;
SELECT * FROM aa_report.annex_a_list_8;
\x off
-- A code outside the DfE's list (C7's PR9; C11's in-touch code MAYBE and
-- accommodation Q1, of an earlier row) is a blank cell, and a problem of
-- the data-quality view.
SELECT relation, problem FROM aa_report.data_quality WHERE problem LIKE '%Annex A%' ORDER BY relation, problem;
-- So is C12's allocation role 'manager', read as a social worker's.
SELECT relation, row_id, problem FROM aa_report.data_quality WHERE problem LIKE 'unknown role%';
\x on
SELECT * FROM aa_report.annex_a_list_9;
SELECT * FROM aa_report.annex_a_list_10;
SELECT * FROM aa_report.annex_a_list_11;
\x off

-- Every list view's columns are the catalogue's, in order, typed as it
-- says, each commented; the catalogue's headings are the column names
-- except the twelve longer than 63 bytes.
SELECT c.list, count(*) AS columns,
       count(*) FILTER (WHERE a.attname = c.column_name AND format_type(a.atttypid, NULL) =
                               CASE c.data_type WHEN 'text' THEN 'text' WHEN 'date' THEN 'date' ELSE 'integer' END
                          AND col_description(a.attrelid, a.attnum) IS NOT NULL) AS matching,
       count(*) FILTER (WHERE c.column_name <> c.heading) AS shortened
  FROM cspi.annex_a_column c
  LEFT JOIN pg_attribute a ON a.attrelid = format('aa_report.annex_a_list_%s', c.list)::regclass
                          AND a.attnum = c.position AND NOT a.attisdropped
 GROUP BY c.list ORDER BY c.list;
SELECT count(*) AS extra_view_columns
  FROM generate_series(1, 11) l
  JOIN pg_attribute a ON a.attrelid = format('aa_report.annex_a_list_%s', l)::regclass AND a.attnum > 0
 WHERE a.attnum > (SELECT max(c.position) FROM cspi.annex_a_column c WHERE c.list = l);
SELECT heading, column_name FROM cspi.annex_a_column WHERE column_name <> heading ORDER BY list, position;
SELECT col_description('aa_report.annex_a_list_5'::regclass, 10);

-- annex_a_gaps: this source has every relation and column, so the gaps
-- are the contract's: List 2's organisation; List 4's child seen; List
-- 7's seen alone; List 8's category of need, permanence plan, location,
-- LA and absences (5).
SELECT list, count(*) FROM aa_report.annex_a_gaps GROUP BY list ORDER BY list;
SELECT list, position, heading, reason FROM aa_report.annex_a_gaps ORDER BY list, position;

-- cspi.annex_a(list, as_at, report): the same rows for the report's day,
-- cells in the template's order.
SELECT * FROM cspi.annex_a(3, '2024-03-27', 'aa_report');
-- For every list, its rows from cspi.annex_a() (each cell named by the
-- catalogue) are the view's rows, neither more nor fewer.
WITH v(list, r) AS (
    SELECT 1, to_jsonb(v) FROM aa_report.annex_a_list_1 v UNION ALL
    SELECT 2, to_jsonb(v) FROM aa_report.annex_a_list_2 v UNION ALL
    SELECT 3, to_jsonb(v) FROM aa_report.annex_a_list_3 v UNION ALL
    SELECT 4, to_jsonb(v) FROM aa_report.annex_a_list_4 v UNION ALL
    SELECT 5, to_jsonb(v) FROM aa_report.annex_a_list_5 v UNION ALL
    SELECT 6, to_jsonb(v) FROM aa_report.annex_a_list_6 v UNION ALL
    SELECT 7, to_jsonb(v) FROM aa_report.annex_a_list_7 v UNION ALL
    SELECT 8, to_jsonb(v) FROM aa_report.annex_a_list_8 v UNION ALL
    SELECT 9, to_jsonb(v) FROM aa_report.annex_a_list_9 v UNION ALL
    SELECT 10, to_jsonb(v) FROM aa_report.annex_a_list_10 v UNION ALL
    SELECT 11, to_jsonb(v) FROM aa_report.annex_a_list_11 v),
f(list, r) AS (
    SELECT l, (SELECT jsonb_object_agg(c.column_name, a.cells -> (c.position - 1))
                 FROM cspi.annex_a_column c WHERE c.list = l)
      FROM generate_series(1, 11) l CROSS JOIN LATERAL cspi.annex_a(l, '2024-03-27', 'aa_report') a)
SELECT (SELECT count(*) FROM v) AS view_rows, (SELECT count(*) FROM f) AS function_rows,
       (SELECT count(*) FROM (SELECT * FROM v EXCEPT ALL SELECT * FROM f) x) AS only_in_views,
       (SELECT count(*) FROM (SELECT * FROM f EXCEPT ALL SELECT * FROM v) x) AS only_in_function;
-- A personal advisor's allocation changes no figure and no breakdown: the
-- report is the same as one over the same source without them.  Read as
-- social workers' allocations (role cleared), they would change some:
-- at 31 March 2024 the children on plans are C2 and C3 (P5 from 28
-- March), neither allocated to a qualified social worker (C2's ended on
-- the 27th), but PA11 would make it C2: CP_ALLOCATED_QSW 1 / 2; the
-- children in care are C6 and C7, and C6's W6, PA9 and PA10 would be three
-- workers: CIC_SW_3PLUS 1 / 2; and C6's team would be Leaving Care.  The
-- comparison can tell.
CREATE SCHEMA aa_no_pa;
CREATE SCHEMA aa_pa_as_sw;
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'aa_src'::regnamespace AND c.relkind = 'r' LOOP
        EXECUTE format('CREATE VIEW aa_no_pa.%1$I AS SELECT * FROM aa_src.%1$I', r.relname)
             || CASE WHEN r.relname = 'allocation'
                     THEN ' WHERE coalesce(upper(btrim(role)), '''') NOT IN (''PERSONAL_ADVISOR'', ''PERSONAL_ADVISER'')' ELSE '' END;
        IF r.relname = 'allocation' THEN
            EXECUTE 'CREATE VIEW aa_pa_as_sw.allocation AS SELECT child_id, start_date, end_date, qualified_social_worker,
                                                                  worker_id, team, locality, NULL::text AS role FROM aa_src.allocation';
        ELSE
            EXECUTE format('CREATE VIEW aa_pa_as_sw.%1$I AS SELECT * FROM aa_src.%1$I', r.relname);
        END IF;
    END LOOP;
END $$;
SELECT count(*) > 0 AS deployed FROM cspi.deploy('aa_no_pa', 'aa_no_pa_report');
SELECT count(*) > 0 AS deployed FROM cspi.deploy('aa_pa_as_sw', 'aa_pa_as_sw_report');
WITH a AS (SELECT indicator, period, numerator, denominator, display FROM aa_report.indicator_value),
     b AS (SELECT indicator, period, numerator, denominator, display FROM aa_no_pa_report.indicator_value),
     c AS (SELECT indicator, period, numerator, denominator, display FROM aa_pa_as_sw_report.indicator_value)
SELECT (SELECT count(*) FROM a) > 0 AS figures,
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b) x)
       + (SELECT count(*) FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a) x) AS differ_without_pa,
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM c) x) > 0 AS differ_as_social_workers;
SELECT x.indicator, x.period, x.numerator, x.denominator
  FROM (SELECT indicator, period, numerator, denominator FROM aa_pa_as_sw_report.indicator_value
        EXCEPT SELECT indicator, period, numerator, denominator FROM aa_report.indicator_value) x
 WHERE x.period = '2023/24' AND x.indicator IN ('CP_ALLOCATED_QSW', 'CIC_SW_3PLUS') ORDER BY 1;
SELECT count(*) AS breakdown_cells,
       count(*) FILTER (WHERE (a.numerator, a.denominator) IS DISTINCT FROM (b.numerator, b.denominator)) AS differ_without_pa
  FROM aa_report.indicator_breakdown a
  FULL JOIN aa_no_pa_report.indicator_breakdown b USING (indicator, period, dimension, category);

-- Another day: as at 27 September 2023 the window runs from 27 March 2023,
-- so List 1 holds K1 (26 September) and K2 (27 September); C1 was 8.
SELECT * FROM cspi.annex_a(1, '2023-09-27', 'aa_report');

-- Errors: a list outside 1 to 11, no day, no such report, a region.
SELECT * FROM cspi.annex_a(0, '2024-03-27', 'aa_report');
SELECT * FROM cspi.annex_a(12, '2024-03-27', 'aa_report');
SELECT * FROM cspi.annex_a(NULL, '2024-03-27', 'aa_report');
SELECT * FROM cspi.annex_a(1, NULL, 'aa_report');
SELECT * FROM cspi.annex_a(1, '2024-03-27', 'no_such_report');
SELECT * FROM cspi.annex_a(1, '2024-03-27', 'aa_src');
-- A region's registry row (made by hand here): its lists stay with its
-- members.
INSERT INTO cspi.region (region_schema, internal_schema) VALUES ('aa_region', 'aa_region_internal');
SELECT * FROM cspi.annex_a(1, '2024-03-27', 'aa_region');
DELETE FROM cspi.region WHERE region_schema = 'aa_region';

-- A source without child.ethnicity and without referrals: Ethnicity is
-- blank (not s) NOBT: the council gives no ethnicity at all), and the gaps
-- say what the source lacks.  Its child protection plans have the 1.3
-- contract's columns only: the categories of abuse are blank, and the
-- gaps say the source has no cp_plan.initial_category, latest_category.
CREATE SCHEMA aa_thin;
CREATE TABLE aa_thin.child (child_id text, family_id text, date_of_birth date, sex text);
CREATE TABLE aa_thin.contact (contact_id text, child_id text, contact_date date, source text, outcome text);
CREATE TABLE aa_thin.cp_plan (plan_id text, child_id text, start_date date, end_date date);
INSERT INTO aa_thin.child VALUES ('T1', NULL, '2020-01-01', '2');
INSERT INTO aa_thin.contact VALUES ('TK1', 'T1', '2024-03-01', '9', NULL);
INSERT INTO aa_thin.cp_plan VALUES ('TP1', 'T1', '2024-03-02', NULL);
SELECT count(*) > 0 AS deployed FROM cspi.deploy('aa_thin', 'aa_thin_report');
UPDATE cspi.deployment SET annex_a_as_at = '2024-03-27' WHERE report_schema = 'aa_thin_report';
SELECT * FROM aa_thin_report.annex_a_list_1;
SELECT list, position, heading, reason, missing_from_source FROM aa_thin_report.annex_a_gaps
 WHERE list IN (1, 3) ORDER BY list, position;
-- Without leaving_care, adoption or adopter, lists 9 to 11 have no rows
-- and every column is a gap naming the relation.
SELECT (SELECT count(*) FROM aa_thin_report.annex_a_list_9) + (SELECT count(*) FROM aa_thin_report.annex_a_list_10)
       + (SELECT count(*) FROM aa_thin_report.annex_a_list_11) AS rows_9_to_11;
SELECT list, count(*) AS columns,
       count(*) FILTER (WHERE (ARRAY['leaving_care', 'adoption', 'adopter'])[list - 8] = ANY (missing_from_source))
         AS naming_the_relation
  FROM aa_thin_report.annex_a_gaps WHERE list >= 9 GROUP BY list ORDER BY list;
SELECT "Child Unique ID", "Initial Category of Abuse", "Latest Category of Abuse" FROM aa_thin_report.annex_a_list_7;
SELECT list, position, heading, reason, missing_from_source FROM aa_thin_report.annex_a_gaps
 WHERE list = 7 AND position IN (8, 9) ORDER BY list, position;

-- Who may read it.  A BI role granted the view (and, as for every
-- drill-down, what it reads with the reader's rights) reads it; without
-- the grant, cspi.annex_a() refuses as the view would.  The report owned
-- by another role, a superuser's cspi.annex_a() reads it as that owner,
-- restricted (cspi.execute_as_owner), never running the owner's code with
-- its own rights.
CREATE ROLE aa_bi NOLOGIN;
CREATE ROLE aa_owner NOLOGIN;
GRANT USAGE ON SCHEMA aa_report, aa_src TO aa_bi;
GRANT SELECT ON aa_report.annex_a_list_1, aa_report.src_contact, aa_report.src_child, aa_report.deployment,
                aa_src.contact, aa_src.child TO aa_bi;
SET ROLE aa_bi;
SELECT count(*) AS bi_rows FROM aa_report.annex_a_list_1;
SELECT count(*) AS bi_rows FROM cspi.annex_a(1, '2024-03-27', 'aa_report');
SELECT count(*) FROM cspi.annex_a(3, '2024-03-27', 'aa_report');
RESET ROLE;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO aa_owner', current_database()); END $$;
CREATE SCHEMA aa_owned AUTHORIZATION aa_owner;
GRANT USAGE ON SCHEMA aa_thin TO aa_owner;
GRANT SELECT ON ALL TABLES IN SCHEMA aa_thin TO aa_owner;
-- The owner's source: a view that records who runs its function.
CREATE TABLE aa_seen (who name);
GRANT INSERT ON aa_seen TO aa_owner;
SET ROLE aa_owner;
CREATE SCHEMA aa_owner_src;
CREATE FUNCTION aa_owner_src.who() RETURNS text LANGUAGE plpgsql VOLATILE
    AS $$ BEGIN INSERT INTO public.aa_seen VALUES (current_user); RETURN 'T1'; END $$;
CREATE VIEW aa_owner_src.child AS SELECT * FROM aa_thin.child;
CREATE VIEW aa_owner_src.contact AS SELECT c.contact_id, aa_owner_src.who() AS child_id, c.contact_date, c.source, c.outcome
  FROM aa_thin.contact c;
SELECT count(*) > 0 AS deployed FROM cspi.deploy('aa_owner_src', 'aa_owned');
RESET ROLE;
DELETE FROM aa_seen;
SELECT * FROM cspi.annex_a(1, '2024-03-27', 'aa_owned');
SELECT DISTINCT who FROM aa_seen;

-- Clean up.
DROP SCHEMA aa_owned, aa_owner_src CASCADE;
SELECT internal_schema AS aa_internal FROM cspi.deployment WHERE report_schema = 'aa_owned' \gset
DROP SCHEMA :"aa_internal" CASCADE;
DELETE FROM cspi.deployment WHERE report_schema = 'aa_owned';
DROP TABLE aa_seen;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM aa_owner', current_database()); END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA aa_thin FROM aa_owner;
REVOKE ALL ON SCHEMA aa_thin FROM aa_owner;
REVOKE ALL ON ALL TABLES IN SCHEMA aa_report FROM aa_bi;
REVOKE ALL ON ALL TABLES IN SCHEMA aa_src FROM aa_bi;
REVOKE ALL ON SCHEMA aa_report, aa_src FROM aa_bi;
DROP ROLE aa_bi, aa_owner;
