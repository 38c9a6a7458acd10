-- indicators_fixture: a small hand-built source whose expected value for
-- every indicator is worked out by hand from the specification
-- (shared/spec/indicators.md, data-contract.md, doc/indicator-decisions.md),
-- in the comments beside the data and above the queries; never copied from
-- the extension's output.
--
-- Every event date lies in 2022/23 or 2023/24 (1 April 2022 to 31 March
-- 2024), so the report has exactly those 2 years, 8 quarters and 24 months.
-- WD = working days on the england-and-wales calendar, counted as the
-- contract says: days d with from < d <= to.  Bank holidays used here:
-- 2022: 15 Apr (Good Friday), 18 Apr (Easter Monday), 2 May, 2-3 Jun
-- (Platinum Jubilee), 29 Aug, 19 Sep (State Funeral), 26-27 Dec (Christmas
-- Day fell on a Sunday: 27 Dec is its substitute);
-- 2023: 2 Jan (substitute for New Year's Day, a Sunday), 7 Apr (Good
-- Friday), 10 Apr (Easter Monday), 1 May, 8 May (Coronation), 29 May, 28 Aug,
-- 25-26 Dec; 2024: 1 Jan, 29 Mar (Good Friday).
-- Fixture and fixture_report are kept for the tests that follow.
SET datestyle = 'ISO, YMD';
SELECT cspi.create_source_tables('fixture');

-- Children.  C01-C12: front door and child protection; C13-C20: children in
-- care; L01-L09: care leavers; K01-K07: early help.  family_id F01 is shared
-- by C01 and C03 (siblings), F07 by C17 and C18, F06 by C15 and C16; C06, C14
-- and L01 have no family (left out of family counts).
INSERT INTO fixture.child (child_id, family_id, date_of_birth) VALUES
 ('C01', 'F01', '2012-03-14'),
 ('C02', 'F02', '2016-08-09'),
 ('C03', 'F01', '2014-11-30'),
 ('C04', 'F03', '2019-01-22'),
 ('C05', 'F04', '2010-06-17'),
 ('C06', NULL,  '2008-02-02'),
 ('C07', 'F03', '2020-09-09'),
 ('C08', 'F12', '2013-04-04'),
 ('C09', 'F13', '2011-01-01'),
 ('C10', 'F14', '2017-07-07'),
 ('C11', 'F15', '2018-12-12'),
 ('C12', 'F16', '2009-09-09'),
 ('C13', 'F05', '2012-05-20'),  -- in care throughout; 10 at 31/3/2023, 11 at 31/3/2024
 ('C14', NULL,  '2007-01-10'),  -- UASC, no family recorded
 ('C15', 'F06', '2010-03-03'),
 ('C16', 'F06', '2015-06-06'),  -- short breaks only
 ('C17', 'F07', '2020-01-15'),  -- under 5 at both year ends (age 3, then 4)
 ('C18', 'F07', '2019-03-31'),  -- 4 at 31/3/2023, exactly 5 at 31/3/2024 (no longer under 5)
 ('C19', 'F08', '2011-11-11'),
 ('C20', 'F09', '2021-02-02'),
 ('L01', NULL,  '2004-02-29'),  -- age() : 18 at 2023-02-28, 19 at 2023-03-31, 20 at 2024-02-29 and 2024-03-31
 ('L02', 'F20', '2002-06-15'),  -- 20 at 31/3/2023, 21 at 31/3/2024
 ('L03', 'F21', '2001-09-01'),  -- 21, then 22: moves from the 19-21 band to 22-25
 ('L04', 'F22', '1999-12-10'),  -- 23, then 24
 ('L05', 'F23', '1998-05-05'),  -- 24, then 25
 ('L06', 'F24', '1998-03-20'),  -- 25, then 26 (too old in 2023/24)
 ('L07', 'F25', '2005-01-20'),  -- 18 (too young in 2022/23), then 19
 ('L08', 'F26', '2003-10-10'),  -- 19, then 20
 ('L09', 'F27', '2000-07-07'),  -- 22, then 23
 ('L10', 'F28', '2006-05-01'),  -- 16 at 31/3/2023, 17 at 31/3/2024
 ('L11', 'F29', '2006-04-01'),  -- 17 at 31/3/2024 (18 the next day)
 ('L12', 'F30', '2006-03-31'),  -- exactly 17 on 31/3/2023, 18 at 31/3/2024
 ('K01', 'H10', '2015-01-01'),
 ('K02', 'H10', '2016-01-01'),
 ('K03', 'H11', '2017-01-01'),
 ('K04', 'H12', '2012-01-01'),
 ('K05', 'H12', '2013-01-01'),
 ('K06', 'H13', '2014-01-01'),
 ('K07', 'H14', '2011-01-01');

-- Mid-year estimates.  A rate uses the latest one whose 30 June is before
-- the period's last day (the contract's examples: April to June 2023 use
-- mid-2022): 2022/23 and months July 2022 to June 2023 use mid-2022
-- (20,000); 2023/24 and months from July 2023 use mid-2023 (24,000); April
-- to June 2022 and 2022/23 Q1 have no estimate (rate n/a).  The year is not
-- an event, so it does not add periods.
INSERT INTO fixture.population (year, children) VALUES
 (2022, 20000),
 (2023, 24000);

-- Children in need episodes (CIN_RATE), a relation the children_in_need
-- family adds to the contract: create_source_tables leaves it out, and
-- create_source_table makes it.  Open at a day = started on or before it
-- and not ended (end_date NULL or after it), as for plans.
SELECT cspi.create_source_table('fixture', 'cin_episode');
INSERT INTO fixture.cin_episode (episode_id, child_id, start_date, end_date) VALUES
 ('CE01', 'C01', '2022-05-10', '2022-09-30'),   -- closed on 30 Sep 2022
 ('CE02', 'C02', '2022-06-01', NULL),           -- open throughout
 ('CE03', 'C03', '2023-03-31', NULL),           -- starts on 31 Mar 2023: open that day
 ('CE04', 'C04', '2022-11-01', '2023-03-31'),   -- closes on 31 Mar 2023: not open that day
 ('CE05', 'C12', '2022-04-20', '2024-03-31'),   -- closes on 31 Mar 2024
 ('CE06', 'C12', '2023-01-10', NULL),           -- C12's second episode, overlapping
 ('CE07', 'C05', '2024-04-01', NULL);           -- after the last period

-- Referrals.  REF_1WD / REF_OVER_3WD count by completed_date, REREFERRAL_*
-- by referral_date.
INSERT INTO fixture.referral (referral_id, child_id, referral_date, completed_date) VALUES
 -- 2022/23 completions
 ('R01', 'C01', '2022-12-23', '2022-12-28'),  -- Fri -> Wed over Christmas: 24-25 weekend, 26 and 27 (substitute) holidays: 1 WD, within 1
 ('R02', 'C02', '2022-07-04', '2022-07-04'),  -- same day: 0 WD, within 1
 ('R03', 'C03', '2022-08-25', '2022-09-01'),  -- Thu -> Thu over the 29 Aug holiday: 26, 30, 31, 1 = 4 WD, over 3
 ('R04', 'C01', '2023-03-20', '2023-03-22'),  -- 2 WD; re-referral: C01's R01 (2022-12-23) is in [2022-03-20, 2023-03-20)
 -- received 2022/23, completed 2023/24
 ('R12', 'C07', '2023-03-30', '2023-04-03'),  -- Thu -> Mon: 31 Mar, 3 Apr = 2 WD; in 2023/24's REF_* and 2022/23's REREFERRAL_12M
 -- 2023/24
 ('R05', 'C04', '2023-04-06', '2023-04-11'),  -- Thu -> Tue over Easter (7 and 10 Apr): 1 WD, within 1
 ('R07', 'C02', '2023-07-05', '2023-07-10'),  -- 3 WD: neither within 1 nor over 3; not a re-referral: R02 (2022-07-04) is one day before 2023-07-05 - 12 months
 ('R10', 'C03', '2023-08-24', '2023-08-24'),  -- 0 WD; re-referral: R03 (2022-08-25) is in [2022-08-24, 2023-08-24)
 ('R08', 'C05', '2023-09-09', '2023-09-11'),  -- received on a Saturday, completed Monday: 1 WD, within 1
 ('R11', 'C05', '2023-09-09', '2023-09-12'),  -- 2 WD; same child and day as R08: neither is a re-referral of the other
 ('R09', 'C06', '2023-12-22', '2024-01-02'),  -- Fri -> Tue: 27, 28, 29 Dec and 2 Jan (25, 26 Dec and 1 Jan holidays) = 4 WD, over 3
 ('R06', 'C01', '2024-03-20', NULL);          -- still open: in no REF_* denominator; re-referral: R04 (2023-03-20) is exactly 2024-03-20 - 12 months

-- Which referrals ended in no further action (REFERRAL_NFA, counted by
-- referral_date): R02, R07 and R11 did, R03 did not; the others (R09
-- among them) are NULL, not known: in the denominator only.
UPDATE fixture.referral SET nfa = true WHERE referral_id IN ('R02', 'R07', 'R11');
UPDATE fixture.referral SET nfa = false WHERE referral_id = 'R03';

-- Child and family assessments (counted by authorised_date).
INSERT INTO fixture.assessment (assessment_id, child_id, start_date, authorised_date) VALUES
 ('A01', 'C01', '2022-06-01', '2022-07-20'),  -- 33 WD (2-3 Jun Jubilee holidays): within 45
 ('A07', 'C07', '2022-12-01', '2023-01-05'),  -- 22 WD (26, 27 Dec and 2 Jan holidays): within 45
 ('A02', 'C02', '2022-11-01', '2023-01-20'),  -- 55 WD: not within 45
 ('A03', 'C04', '2023-02-13', '2023-04-19'),  -- exactly 45 WD across Easter 2023: within 45 (2023/24)
 ('A06', 'C03', '2023-05-01', '2023-07-06'),  -- 46 WD (8 May Coronation, 29 May holidays): not within 45
 ('A04', 'C05', '2023-09-11', '2024-01-15'),  -- 87 WD: not within 45
 ('A05', 'C06', '2024-01-03', NULL);          -- not completed: not counted

-- Section 47 enquiries (counted by icpc_date, transfer-ins left out).
INSERT INTO fixture.s47_enquiry (s47_id, child_id, strategy_date, icpc_date, transfer_in) VALUES
 ('S01', 'C02', '2022-12-12', '2023-01-04', false),  -- 14 WD over Christmas and 2 Jan: within 15 (2022/23)
 ('S02', 'C08', '2023-03-22', '2023-04-14', NULL),   -- exactly 15 WD across Easter: within 15 (2023/24); NULL transfer_in = not a transfer-in
 ('S03', 'C09', '2023-04-03', '2023-06-01', true),   -- transfer-in conference: left out of numerator and denominator (it took 40 WD)
 ('S04', 'C10', '2023-10-02', '2023-10-24', false),  -- 16 WD: not within 15
 ('S05', 'C11', '2024-02-01', NULL, false);          -- no conference held: not counted

-- Child protection plans.
INSERT INTO fixture.cp_plan (plan_id, child_id, start_date, end_date) VALUES
 ('P03', 'C08', '2022-05-10', '2022-12-15'),  -- first plan of C08
 ('P05', 'C12', '2022-06-01', '2023-09-15'),  -- first plan of C12; still open on 2023-08-31 when P06 starts (plans overlap)
 ('P01', 'C02', '2023-01-04', '2023-08-31'),  -- first plan of C02; ends on the last day of month 2023-08, so not open at its end
 ('P04', 'C08', '2023-04-14', '2024-01-31'),  -- repeat within 2 years: P03 ended 2022-12-15, in [2021-04-14, 2023-04-14]
 ('P06', 'C12', '2023-08-31', NULL),          -- second plan of C12, but P05 ends 2023-09-15, after this start: not in [2021-08-31, 2023-08-31], so a repeat only "ever".
                                              -- (A plan ending more than 2 years earlier cannot be built inside the two-year window.)
 ('P02', 'C02', '2023-10-16', NULL),          -- repeat within 2 years: P01 ended 2023-08-31
 ('P07', 'C10', '2023-10-24', NULL);          -- first plan of C10

-- Child protection review conferences: first review by plan start + 3 months,
-- each later one by the previous review + 6 months (PostgreSQL month arithmetic).
INSERT INTO fixture.cp_review (review_id, plan_id, review_date) VALUES
 ('RV01', 'P03', '2022-08-10'),  -- first: due 2022-05-10 + 3 months = 2022-08-10: in time (on the day)
 ('RV02', 'P05', '2022-09-02'),  -- first: due 2022-06-01 + 3 months = 2022-09-01: late
 ('RV03', 'P05', '2023-03-02'),  -- second: due 2022-09-02 + 6 months = 2023-03-02: in time
 ('RV05', 'P01', '2023-04-04'),  -- first: due 2023-01-04 + 3 months = 2023-04-04: in time
 ('RV10', 'P99', '2023-06-01'),  -- unknown plan (data error): counted, not in time
 ('RV06', 'P04', '2023-07-10'),  -- first: due 2023-07-14: in time
 ('RV04', 'P05', '2023-09-05'),  -- third: due 2023-03-02 + 6 months = 2023-09-02: late
 ('RV08', 'P06', '2023-11-30'),  -- first: due 2023-08-31 + 3 months = 2023-11-30 (month end): in time
 ('RV07', 'P04', '2024-01-11'),  -- second: due 2023-07-10 + 6 months = 2024-01-10: late
 ('RV09', 'P02', '2024-01-17');  -- first: due 2023-10-16 + 3 months = 2024-01-16: late

-- Statutory visits.  cp visits: WD from the child's previous cp visit on or
-- after the start of the plan the visit belongs to, else from the plan's
-- start.  cic visits: by due_date when given; else the first of a placement
-- within 7 days of its start, a later one within 42 days of the child's
-- previous cic visit.
INSERT INTO fixture.visit (visit_id, child_id, visit_type, visit_date, due_date) VALUES
 -- cp, 2022/23
 ('V01', 'C08', 'cp', '2022-05-20', NULL),  -- P03, first visit: 8 WD from the plan start 2022-05-10: within 10 and 15
 ('V02', 'C08', 'cp', '2022-06-14', NULL),  -- P03, from V01: 15 WD (2-3 Jun holidays): within 15 only
 ('V03', 'C12', 'cp', '2022-06-30', NULL),  -- P05, first visit: 19 WD from 2022-06-01: neither
 ('V04', 'C02', 'cp', '2023-01-18', NULL),  -- P01, first visit: exactly 10 WD from 2023-01-04: within 10 and 15
 -- cp, 2023/24
 ('V14', 'C11', 'cp', '2023-06-15', NULL),  -- C11 has no plan (data error): counted, in neither
 ('V05', 'C08', 'cp', '2023-04-20', NULL),  -- P04, first visit of the new plan (V02 is before its start): 4 WD from 2023-04-14: both
 ('V06', 'C12', 'cp', '2023-09-08', NULL),  -- P05 and P06 both open: belongs to P06 (starts later); first of P06: 6 WD from 2023-08-31: both
 ('V07', 'C12', 'cp', '2023-09-29', NULL),  -- P06, from V06: 15 WD: within 15 only
 ('V08', 'C02', 'cp', '2023-11-01', NULL),  -- P02, first visit: 12 WD from 2023-10-16: within 15 only
 ('V11', 'C10', 'cp', '2023-11-13', NULL),  -- P07, two visits the same day: each measured from the plan start 2023-10-24:
 ('V12', 'C10', 'cp', '2023-11-13', NULL),  --   14 WD, within 15 only (not 0 WD from each other)
 ('V13', 'C10', 'cp', '2023-11-24', NULL),  -- P07, from 2023-11-13: 9 WD: both
 ('V09', 'C02', 'cp', '2023-12-20', NULL),  -- P02, from V08: 35 WD: neither
 ('V10', 'C02', 'cp', '2024-01-05', NULL),  -- P02, from V09 over Christmas and New Year: 9 WD: both
 -- cic, 2022/23
 ('CV01', 'C18', 'cic', '2022-07-07', NULL),          -- first of C18's first placement (2022-07-01): 6 days: in time
 ('CV02', 'C18', 'cic', '2022-08-19', NULL),          -- 43 days after CV01: late
 ('CV11', 'C13', 'cic', '2023-03-01', NULL),          -- first of C13's placement (2022-04-05): far more than 7 days: late
 -- cic, 2023/24
 ('CV09', 'C14', 'cic', '2023-05-05', NULL),          -- first of placement (2023-05-02): 3 days: in time
 ('CV06', 'C13', 'cic', '2023-06-30', '2023-07-01'),  -- due date decides: in time (121 days after CV11 would be late)
 ('CV10', 'C20', 'cic', '2023-07-05', NULL),          -- C20 is between periods of care, no placement, no due date: late
 ('CV03', 'C18', 'cic', '2023-07-08', NULL),          -- first of placement 2 (2023-06-30; CV02 is before it): 8 days: late
 ('CV08', 'C17', 'cic', '2023-07-10', NULL),          -- first of C17's placement (2022-10-03): late
 ('CV07', 'C17', 'cic', '2023-08-10', NULL),          -- same placement (the 2023-07-25 return from a temporary placement is not a new one): 31 days after CV08: in time
 ('CV04', 'C18', 'cic', '2023-08-19', NULL),          -- exactly 42 days after CV03: in time
 ('CV05', 'C18', 'cic', '2023-11-24', '2023-11-22');  -- after its due date: late

-- Allocations.  A child counts when any allocation open at period end
-- (start <= end and (no end or end > period end)) is to a qualified worker.
-- worker_id: CIC_SW_3PLUS counts a child in care's distinct workers with an
-- allocation open on some day from W to the period end, W the later of the
-- first day of the 12 months and the start of the current period of care
-- (start <= period end and (no end or end > W)).  The rows after the first
-- eleven are unqualified workers, so no QSW count changes.
INSERT INTO fixture.allocation (child_id, start_date, end_date, qualified_social_worker, worker_id) VALUES
 ('C02', '2023-01-04', NULL,         true,  'W60'),  -- CP: qualified at both year ends
 ('C12', '2022-06-01', NULL,         false, 'W61'),  -- CP: unqualified worker throughout ...
 ('C12', '2023-06-01', NULL,         true,  'W62'),  -- ... co-worked by a qualified one from June 2023: qualified at 31/3/2024 only
 ('C10', '2023-10-24', '2024-03-31', true,  'W63'),  -- CP: ends on the period end, so not open at 31/3/2024 ...
 ('C10', '2024-03-31', NULL,         NULL,  'W64'),  -- ... and the open one has a NULL flag (= false): C10 not qualified
 ('C13', '2022-04-05', NULL,         true,  'W10'),  -- CIC: qualified
 ('C14', '2023-05-02', NULL,         true,  'W40'),  -- CIC: qualified
 ('C15', '2023-06-01', NULL,         false, 'W30'),  -- CIC: unqualified
 ('C17', '2022-10-03', '2024-03-31', true,  'W20'),  -- CIC: qualified at 31/3/2023, ended at 31/3/2024
 ('C18', '2022-07-01', NULL,         true,  'W1'),   -- CIC: qualified
 ('C19', '2022-11-01', '2023-12-01', true,  'W50'),  -- CIC: qualified while in care
 ('C13', '2022-04-01', '2022-04-05', false, 'W11'),  -- ends the day C13's care starts: never counted
 ('C15', '2022-06-10', '2022-11-20', false, 'W31'),  -- C15's first period of care: not the current one at 31/3/2024
 ('C15', '2023-04-01', '2023-06-02', false, 'W32'),  -- open on 1 June 2023, the first day of C15's current period of care: counted
 ('C15', '2023-05-01', '2023-06-01', false, 'W33'),  -- ends on that day: not counted
 ('C15', '2024-03-31', NULL,         false, 'W34'),  -- starts on the period end: counted
 ('C17', '2023-05-01', '2023-06-01', false, 'W21'),  -- W21 twice: one worker
 ('C17', '2023-08-01', '2023-09-01', false, 'W21'),
 ('C17', '2023-10-01', '2023-11-01', false, NULL),   -- no worker recorded: not counted
 ('C18', '2023-01-01', '2023-06-30', false, 'W2'),
 ('C18', '2023-07-01', '2023-09-30', false, 'W3');

-- Episodes of care.  Periods of care (short breaks removed first):
--   C13: 2022-04-05 -> open (E01 X1 E02)          C14: 2023-05-02 -> open (UASC)
--   C15: 2022-06-10 -> 2022-11-20 (E4A); 2023-06-01 -> open
--   C17: 2022-10-03 -> open (E09 X1 E11 X1 E12 X1 E13 X1 E14)
--   C18: 2022-07-01 -> open (E15 X1 E16 X1 E17)
--   C19: 2022-11-01 -> 2023-12-01 (E18 X1 E19, ends E4A)
--   C20: 2023-05-10 -> 2023-06-20 (E4B); 2023-08-01 -> 2024-02-14 (E11)
-- Placements (S, P or B, not temporary, not the return from a temporary one):
--   C13 2022-04-05; C14 2023-05-02; C15 2022-06-10, 2023-06-01;
--   C17 2022-10-03 only; C18 2022-07-01, 2023-06-30, 2023-11-15;
--   C19 2022-11-01, 2023-04-20; C20 2023-05-10, 2023-08-01.
INSERT INTO fixture.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased, distance_miles, uasc) VALUES
 ('E01', 'C13', '2022-04-05', '2022-09-30', 'S', 'C1', 'U4', 'X1', 25, false),    -- starts C13's period of care and placement
 ('E02', 'C13', '2022-09-30', NULL,         'L', 'C2', 'U4', NULL, 25, false),    -- legal status change only: same placement; open, 25 miles (20+)
 ('E03', 'C14', '2023-05-02', NULL,         'S', 'C2', 'H5', NULL, 40, true),     -- UASC: in CIC_UASC and CIC_STARTED_UASC, left out of CIC_20_MILES
 ('E04', 'C15', '2022-06-10', '2022-11-20', 'S', 'V2', 'U4', 'E4A', 4, false),    -- ceases care by returning home (E4A) in 2022/23
 ('E06', 'C15', '2023-01-10', '2023-01-12', 'S', 'V3', 'U4', 'E8', 4, false),     -- short break (V3): ignored (else a second period ending in 2022/23)
 ('E05', 'C15', '2023-06-01', NULL,         'S', 'C2', 'U4', NULL, NULL, false),  -- starts again: looked after before (E04 ended 2022-11-20); distance unknown
 ('E08', 'C16', '2024-03-29', NULL,         'S', 'V3', 'U4', NULL, 2, false),     -- open short break at 31/3/2024: ignored (C16 is not in care)
 ('E09', 'C17', '2022-10-03', '2023-07-20', 'S', 'C2', 'U4', 'X1', 5, false),     -- C17's placement from 2022-10-03
 ('E11', 'C17', '2023-07-20', '2023-07-25', 'P', 'C2', 'T1', 'X1', NULL, false),  -- temporary placement (T1): not a placement
 ('E12', 'C17', '2023-07-25', '2023-10-02', 'P', 'C2', 'U4', 'X1', 5, false),     -- return from the temporary placement: not a new placement
 ('E13', 'C17', '2023-10-02', '2024-01-08', 'T', 'C2', 'U5', 'X1', 6, false),     -- T: change of placement, same carer: not a new placement
 ('E14', 'C17', '2024-01-08', NULL,         'U', 'E1', 'A5', NULL, 12, false),    -- U: legal status and placement, same carer: not new; 12 miles
 ('E15', 'C18', '2022-07-01', '2023-06-30', 'S', 'C2', 'U4', 'X1', 3, false),     -- placement 1
 ('E16', 'C18', '2023-06-30', '2023-11-15', 'P', 'C2', 'U4', 'X1', 30, false),    -- placement 2
 ('E17', 'C18', '2023-11-15', NULL,         'P', 'C2', 'R1', NULL, 20, false),    -- placement 3; exactly 20 miles counts as 20+
 ('E18', 'C19', '2022-11-01', '2023-04-20', 'S', 'V2', 'U6', 'X1', 2, false),     -- X1: the period of care continues into E19
 ('E19', 'C19', '2023-04-20', '2023-12-01', 'B', 'C2', 'U4', 'E4A', 2, false),    -- new placement; period ends: returned home (E4A) in 2023/24
 ('E20', 'C20', '2023-05-10', '2023-06-20', 'S', 'V2', 'U4', 'E4B', 1, false),    -- first period: returned home (E4B)
 ('E21', 'C20', '2023-08-01', '2024-02-14', 'S', 'C2', 'A4', 'E11', 1, false);    -- second period in the same year: adopted (E11)

-- Looked-after reviews: the first of a period of care within 20 WD of its
-- start, the second by the first + 3 months, later ones by the previous + 6
-- months.
INSERT INTO fixture.cla_review (review_id, child_id, review_date) VALUES
 ('LR01', 'C13', '2022-05-03'),  -- 1st: 17 WD from 2022-04-05 (Easter 2022 and 2 May holidays): in time
 ('LR09', 'C15', '2022-07-11'),  -- 1st of C15's first period: 21 WD from 2022-06-10: late
 ('LR02', 'C13', '2022-08-03'),  -- 2nd: due 2022-05-03 + 3 months = 2022-08-03: in time
 ('LR05', 'C17', '2022-11-01'),  -- 1st: 21 WD from 2022-10-03: late
 ('LR11', 'C19', '2022-11-29'),  -- 1st: exactly 20 WD from 2022-11-01: in time
 ('LR06', 'C17', '2023-01-31'),  -- 2nd: due 2022-11-01 + 3 months = 2023-02-01: in time
 ('LR03', 'C13', '2023-02-06'),  -- 3rd: due 2022-08-03 + 6 months = 2023-02-03: late
 ('LR12', 'C19', '2023-02-28'),  -- 2nd: due 2022-11-29 + 3 months = 2023-02-28 (no 29 Feb 2023): in time
 ('LR07', 'C14', '2023-05-31'),  -- 1st: 19 WD from 2023-05-02 (8 and 29 May holidays): in time
 ('LR08', 'C15', '2023-06-29'),  -- 1st of C15's second period (the count restarts): exactly 20 WD from 2023-06-01: in time
 ('LR10', 'C20', '2023-07-03'),  -- C20 between periods of care (data error): not in time
 ('LR04', 'C13', '2023-08-01'),  -- 4th: due 2023-02-06 + 6 months = 2023-08-06: in time
 ('LR13', 'C19', '2023-08-28');  -- 3rd of the period E18-E19 (X1 does not end it): due 2023-02-28 + 6 months = 2023-08-28: in time

-- Health assessments.
INSERT INTO fixture.health_assessment (child_id, kind, due_date, completed_date) VALUES
 ('C13', 'review',  '2022-10-05', '2022-09-28'),  -- due 2022/23, done early
 ('C13', 'review',  '2023-09-20', '2023-09-25'),  -- due 2023/24, done late but within the year; C13's latest
 ('C17', 'initial', '2022-10-31', '2022-10-25'),  -- initial: not in CIC_RHA_DONE
 ('C17', 'review',  '2023-04-25', '2023-05-02'),  -- due 2023/24, done; C17's latest, more than 6 months before 31/3/2024
 ('C18', 'review',  '2023-03-28', '2023-04-05'),  -- due 2022/23 but done after 31/3/2023: not done in 2022/23; C18's latest
 ('C18', 'review',  '2024-03-20', NULL),          -- due 2023/24, not done
 ('C19', 'Review',  '2023-05-01', '2023-05-10'),  -- kind matched ignoring case; due 2023/24, done
 ('C14', 'initial', '2023-05-30', '2023-05-25');  -- initial

-- Missing episodes: a return home interview offered within 72 hours of the
-- return.
INSERT INTO fixture.missing_episode (episode_id, child_id, start_at, returned_at, rhi_offered_at, rhi_engaged, other_authority) VALUES
 ('M01', 'C19', '2022-12-01 20:00', '2022-12-02 09:00', '2022-12-05 09:00', true,  false),  -- offered exactly 72 hours after: in time; engaged
 ('M02', 'C13', '2023-03-30 22:00', '2023-03-31 23:30', '2023-04-04 10:00', false, false),  -- returned on 31 March (2022/23); offered after 72 hours; not engaged
 ('M03', 'C18', '2023-06-10 18:00', '2023-06-11 08:00', '2023-06-12 12:00', NULL,  false),  -- in time; engaged NULL = not engaged
 ('M04', 'C20', '2023-07-01 15:00', '2023-07-02 10:00', NULL,               false, false),  -- never offered: not in time, not in RHI_ENGAGED's denominator
 ('M05', 'C14', '2023-08-14 21:00', '2023-08-15 07:00', '2023-08-15 12:00', true,  true),   -- other authority: left out
 ('M06', 'C19', '2023-11-01 19:00', '2023-11-03 17:00', '2023-11-06 16:59', true,  false),  -- a minute inside 72 hours; engaged
 ('M09', 'C18', '2023-12-26 22:00', '2023-12-27 10:00', '2023-12-29 09:00', true,  NULL),   -- in time; engaged; NULL other_authority = false
 ('M08', 'C18', '2024-01-09 20:00', '2024-01-10 12:00', '2024-01-16 12:00', true,  false),  -- offered after 72 hours; engaged
 ('M07', 'C13', '2024-03-30 18:00', NULL,               NULL,               NULL,  false);  -- still missing: left out

-- Care leavers: each taken at their latest row with as_at in
-- (period end - 12 months, period end], in the age band of their age at
-- period end.
INSERT INTO fixture.care_leaver (child_id, as_at, in_touch, accommodation_suitable, activity) VALUES
 ('L01', '2023-02-28', true,  true,  'F1'),                   -- 2022/23: 19-21, suitable, education (18 at 2023-02-28: not in month 2023-02)
 ('L01', '2024-02-29', true,  true,  'training_employment'),  -- 2023/24: 19-21, suitable, group name training_employment
 ('L02', '2022-06-20', true,  true,  'G4'),                   -- 2022/23: 19-21, suitable, NEET
 ('L02', '2023-06-20', true,  false, ' p5 '),                 -- 2023/24: 19-21, unsuitable, P5 (case and spaces ignored): training/employment
 ('L03', '2022-09-05', true,  true,  'F4'),                   -- 2022/23: 19-21, suitable, apprenticeship: training/employment
 ('L03', '2023-09-04', false, NULL,  NULL),                   -- 2023/24: 22-25, not in touch: counted, not suitable, unknown activity
 ('L04', '2022-12-12', true,  true,  'neet'),                 -- 2022/23: 22-25, suitable, group name neet
 ('L04', '2023-12-11', true,  true,  'G6'),                   -- 2023/24: 22-25, suitable, NEET
 ('L05', '2022-05-06', true,  true,  'P2'),                   -- 2022/23: 22-25, suitable, education; no row in 2023/24's 12 months: not counted then
 ('L06', '2023-03-21', true,  false, 'F3'),                   -- 2022/23: 22-25 (25), unsuitable, legacy F3: training/employment
 ('L06', '2024-03-20', true,  true,  'F5'),                   -- 2023/24: aged 26: not counted
 ('L07', '2023-01-25', true,  true,  'education'),            -- 2022/23: aged 18: not counted
 ('L07', '2024-01-22', true,  true,  '0'),                    -- 2023/24: 19-21, suitable, '0' = unknown
 ('L08', '2023-04-01', true,  false, 'F2'),                   -- superseded by the later row below in 2023/24 (and after 2022/23's end)
 ('L08', '2023-10-12', true,  true,  'G5'),                   -- 2023/24: 19-21, suitable, NEET
 ('L09', '2022-07-08', true,  true,  'P4'),                   -- 2022/23: 22-25, suitable, apprenticeship: training/employment
 ('L09', '2023-07-10', true,  true,  'education'),            -- 2023/24: 22-25, suitable, group name education
 ('L10', '2023-11-01', true,  true,  'G5'),                   -- 2023/24: 17-18 (17), NEET
 ('L11', '2024-03-31', true,  true,  'F4'),                   -- 2023/24: 17-18 (17), apprenticeship: training/employment
 ('L12', '2022-10-01', false, NULL,  NULL);                   -- 2022/23: 17-18 (17 on 31/3/2023 itself), not in touch; too old a row for 2023/24

-- Family support (early help), open at period end by the snapshot rule.
INSERT INTO fixture.family_support (case_id, family_id, child_id, provider, start_date, end_date) VALUES
 ('FS01', 'H10', 'K01', 'internal',  '2022-05-01', NULL),          -- open at both year ends
 ('FS01', 'H10', 'K02', 'internal',  '2022-05-01', '2023-06-30'),  -- open at 31/3/2023, closed in 2023/24
 ('FS02', 'H11', 'K03', 'internal',  '2023-01-10', '2023-03-31'),  -- closed on 31/3/2023 itself: not open then
 ('FS03', 'H12', 'K04', 'external',  '2022-09-01', NULL),          -- two children of one family, open at both year ends
 ('FS03', 'H12', 'K05', 'external',  '2022-09-01', NULL),
 ('FS04', 'H13', 'K06', 'EXTERNAL',  '2023-11-01', '2024-02-15'),  -- opened and closed within 2023/24
 ('FS05', 'H10', 'K01', 'External',  '2023-10-01', NULL),          -- K01's family also supported by an agency from October 2023
 ('FS06', 'H14', 'K07', ' INTERNAL', '2024-03-31', NULL);          -- starts on 31/3/2024: open then; provider matched ignoring case and spaces

-- Deploy: every relation is present, so all 59 indicators are available.
SELECT * FROM cspi.deploy('fixture', 'fixture_report');

-- 59 indicators x (2 years + 8 quarters + 24 months) rows.
SELECT count(*) AS indicator_rows FROM fixture_report.indicator_value;

-- Expected values for the two years, worked by hand (num / den -> shown):
--
-- REF_1WD          2022/23: completed R01 (1 WD), R02 (0), R03 (4), R04 (2):
--                  within 1 = R01, R02: 2/4 = 50.0%, target 90 not met.
--                  2023/24: completed R12 (2), R05 (1), R07 (3), R10 (0),
--                  R08 (1), R11 (2), R09 (4); R06 open: 3/7 = 42.9%, not met.
-- REF_OVER_3WD     2022/23: R03: 1/4 = 25.0%; 2023/24: R09: 1/7 = 14.3%
--                  (R07 at exactly 3 WD is not over); target 5 (lower): not met.
-- REREFERRAL_12M   2022/23: received R01, R02, R03, R04, R12; re-referral R04:
--                  1/5 = 20.0%.  2023/24: received R05, R07, R10, R08, R11,
--                  R09, R06; re-referrals R10, R06: 2/7 = 28.6%.
-- REFERRAL_RATE    received 5 and 7 (as REREFERRAL_12M): 5 * 10000 / 20000 =
--                  2.5; 7 * 10000 / 24000 = 2.917 -> 2.9.
-- REFERRAL_NFA     2022/23: R02 of 5: 1/5 = 20.0% (R03 false, the rest not
--                  known).  2023/24: R07, R11 of 7: 2/7 = 28.6% (R09 not known).
-- REREFERRAL_CHILDREN  2022/23: C01 = 1; 2023/24: C03, C01 = 2.
-- REREFERRAL_FAMILIES  2022/23: F01 = 1; 2023/24: C01 and C03 are both F01 = 1.
-- CFA_COMPLETED    2022/23: A01, A07, A02 = 3; 2023/24: A03, A06, A04 = 3.
-- CFA_45WD         2022/23: A01 (33), A07 (22): 2/3 = 66.7%; 2023/24: A03 (45):
--                  1/3 = 33.3%; target 90 not met.
-- ICPC_15WD        2022/23: S01 (14 WD): 1/1 = 100.0%, target 95 met.
--                  2023/24: S02 (15) in, S04 (16) out, S03 transfer-in left out:
--                  1/2 = 50.0%, not met.
-- S47_RATE         strategy discussions 2022/23: S01, S02 = 2, 2 * 10000 /
--                  20000 = 1.0.  2023/24: S04, S05 (S03 transfer-in left
--                  out) = 2, 2 * 10000 / 24000 = 0.833 -> 0.8.
-- ICPC_RATE        conferences 2022/23: S01 = 1 -> 0.5.  2023/24: S02, S04
--                  (S03 transfer-in left out, S05 none held) = 2 -> 0.8.
-- CP_OPEN          31/3/2023: P05 (C12), P01 (C02) = 2.  31/3/2024: P06 (C12),
--                  P02 (C02), P07 (C10) = 3 (P04 ended 2024-01-31).
-- CP_RATE          2 * 10000 / 20000 = 1.0; 3 * 10000 / 24000 = 1.25 -> 1.3.
-- CIN_RATE         31/3/2023: C02 (CE02), C03 (CE03), C12 (CE05, CE06: one
--                  child) = 3, 3 * 10000 / 20000 = 1.5.  31/3/2024: C02, C03,
--                  C12 (CE06; CE05 ends that day) = 3, 3 * 10000 / 24000 =
--                  1.25 -> 1.3.
-- CP_STARTED       2022/23: P03, P05, P01 = 3; 2023/24: P04, P06, P02, P07 = 4.
-- CP_STARTED_RATE  3 * 10000 / 20000 = 1.5; 4 * 10000 / 24000 = 1.667 -> 1.7.
-- CP_2YEARS_PLUS   31/3/2023: P05, P01 open, neither started by 2021-03-31:
--                  0/2 = 0.0%.  31/3/2024: P06, P02, P07 open, none started
--                  by 2022-03-31: 0/3 = 0.0% (no plan here can be 2 years old:
--                  the second source below, fixture_long, has those).
-- CP_REPEAT_2Y     2022/23: 0/3 = 0.0%, target 6 met.  2023/24: P04, P02:
--                  2/4 = 50.0%, not met.
-- CP_REPEAT_EVER   2022/23: 0/3 = 0.0%; 2023/24: P04, P06, P02: 3/4 = 75.0%.
-- CP_ALLOCATED_QSW 31/3/2023: C02 yes, C12 no: 1/2 = 50.0%.  31/3/2024: C02,
--                  C12 yes, C10 no: 2/3 = 66.7%.  Target 100 not met.
-- CP_REVIEW_TIMELY 2022/23: RV01 in, RV02 late, RV03 in: 2/3 = 66.7%.
--                  2023/24: RV05, RV06, RV08 in; RV10, RV04, RV07, RV09 not:
--                  3/7 = 42.9%.  Target 100 not met.
-- CP_VISIT_10WD    2022/23: V01, V04 of V01-V04: 2/4 = 50.0%.  2023/24: V05,
--                  V06, V10, V13 of 10 visits: 4/10 = 40.0%.  Not met.
-- CP_VISIT_15WD    2022/23: V01, V02, V04: 3/4 = 75.0%.  2023/24: all but V09
--                  and V14: 8/10 = 80.0%.  Not met.
-- CIC_OPEN         31/3/2023: C13, C17, C18, C19 = 4.  31/3/2024: C13, C14,
--                  C15, C17, C18 = 5 (C16's short break not counted).
-- CIC_UASC         0; 1 (C14).
-- CIC_RATE         4 * 10000 / 20000 = 2.0; 5 * 10000 / 24000 = 2.083 -> 2.1.
-- CIC_STARTED      2022/23: C13, C15, C18, C17, C19 = 5.  2023/24: C14, C15,
--                  C20 (two periods, one child) = 3.
-- CIC_STARTED_RATE 5 * 10000 / 20000 = 2.5; 3 * 10000 / 24000 = 1.25 -> 1.3
--                  (half away from zero).
-- CIC_STARTED_FAMILIES  2022/23: F05, F06, F07 (C17 and C18), F08 = 4.
--                  2023/24: F06, F09 (C14 has none) = 2.
-- CIC_STARTED_UASC 0; 1 (C14).
-- CIC_STARTED_BEFORE  2022/23: 0.  2023/24: C15 (period ended 2022-11-20) = 1;
--                  C20's first period in the year had none before it.
-- CIC_CEASED       2022/23: C15 = 1.  2023/24: C19, C20 = 2.
-- CIC_CEASED_FAMILIES  F06 = 1; F08, F09 = 2.
-- CIC_CEASED_HOME  2022/23: C15's period (E4A): 1/1 = 100.0% (the short break
--                  E06 is no period of care).  2023/24: C19 (E4A), C20 first
--                  (E4B), C20 second (E11): 2/3 = 66.7%.
-- CIC_20_MILES     31/3/2023: C13 (25) of C13, C17 (5), C18 (3), C19 (2):
--                  1/4 = 25.0%.  31/3/2024: C13 (25), C18 (20) of C13, C17 (12),
--                  C18 (C14 UASC, C15 unknown left out): 2/3 = 66.7%.
-- CIC_ALLOCATED_QSW  31/3/2023: all 4: 4/4 = 100.0%, target 100 met.
--                  31/3/2024: C13, C14, C18 (not C15, C17): 3/5 = 60.0%, not met.
-- CIC_REVIEW_TIMELY  2022/23: LR01, LR02, LR11, LR06, LR12 in; LR09, LR05, LR03
--                  late: 5/8 = 62.5%.  2023/24: LR07, LR08, LR04, LR13 in, LR10
--                  not: 4/5 = 80.0%.  Not met.
-- CIC_VISIT_TIMELY 2022/23: CV01 of CV01, CV02, CV11: 1/3 = 33.3%.  2023/24:
--                  CV09, CV06, CV07, CV04 of 8: 4/8 = 50.0%.  Not met.
-- CIC_RHA_DONE     2022/23: reviews due C13 (done), C18 (done after 31/3/2023):
--                  1/2 = 50.0%.  2023/24: C13, C17, C19 done, C18 not: 3/4 =
--                  75.0%.  Not met.
-- CIC_HEALTH_CURRENT  31/3/2023: no open child's period of care started on or
--                  before 2022-03-31: 0/0, n/a.  31/3/2024: C13 (latest
--                  2023-09-25 >= 2023-03-31), C17 (under 5: latest 2023-05-02 <
--                  2023-09-30: no), C18 (5: latest 2023-04-05 >= 2023-03-31);
--                  C14, C15 in care under 12 months: 2/3 = 66.7%, not met.
-- CIC_STABILITY_LONG  needs a period of care started by period end - 30 months
--                  (2020-09-30, 2021-09-30), before any data: 0/0, n/a both years.
-- CIC_STABILITY_SHORT  31/3/2023: every child has 1 placement in 2022/23:
--                  0/4 = 0.0%, target 10 met.  31/3/2024: C18 (placements from
--                  2022-07-01 still open on 2023-04-01, 2023-06-30, 2023-11-15);
--                  C17 has 1: 1/5 = 20.0%, not met.
-- CIC_SW_3PLUS     31/3/2023 (12 months from 2022-04-01): C13 W10 (W11 ends
--                  on its care's first day) = 1; C17 W20 = 1; C18 W1, W2 =
--                  2; C19 W50 = 1: 0/4 = 0.0%.  31/3/2024 (from 2023-04-01):
--                  C13 W10 = 1; C14 W40 = 1; C15 (care from 2023-06-01) W30,
--                  W32, W34 (not W31, W33) = 3; C17 W20, W21 (twice), no
--                  NULL = 2; C18 W1, W2, W3 = 3: 2/5 = 40.0%.
-- RHI_72H          2022/23: M01 in time, M02 late: 1/2 = 50.0%.  2023/24: M03,
--                  M06, M09 in time; M04 (never offered), M08 late; M05 other
--                  authority, M07 not returned: 3/5 = 60.0%.
-- RHI_ENGAGED      2022/23: M01 of M01, M02: 1/2 = 50.0%.  2023/24: M06, M09,
--                  M08 of M03, M06, M09, M08: 3/4 = 75.0%.
-- Care leavers, 2022/23: 19-21 = L01 (suitable, education), L02 (suitable,
--   NEET), L03 (suitable, training/employment); 22-25 = L04 (suitable, NEET),
--   L05 (suitable, education), L06 (unsuitable, training/employment), L09
--   (suitable, training/employment).  2023/24: 19-21 = L01 (suitable, t/e),
--   L02 (unsuitable, t/e), L07 (suitable, unknown), L08 (suitable, NEET);
--   22-25 = L03 (not suitable, unknown), L04 (suitable, NEET), L09 (suitable,
--   education).
--   17-18: 2022/23 L07 (18, education), L12 (17, not in touch); 2023/24 L10
--   (17, NEET), L11 (17, apprenticeship); L12's only row is too old then.
-- CL_EET_17_18     1/2 = 50.0%; 1/2 = 50.0%.
-- CL_ACCOM_19_21   3/3 = 100.0%; 3/4 = 75.0%.
-- CL_ACCOM_22_25   3/4 = 75.0%; 2/3 = 66.7%.
-- CL_NEET_19_21    1/3 = 33.3% (target 30 not met); 1/4 = 25.0% (met).
-- CL_NEET_22_25    1/4 = 25.0% (met); 1/3 = 33.3% (not met).
-- CL_EDUCATION_19_21  1/3 = 33.3%; 0/4 = 0.0%.
-- CL_EDUCATION_22_25  1/4 = 25.0%; 1/3 = 33.3%.
-- CL_TRAINING_EMPLOYMENT_19_21  1/3 = 33.3%; 2/4 = 50.0%.
-- CL_TRAINING_EMPLOYMENT_22_25  2/4 = 50.0%; 0/3 = 0.0%.
-- EH_FAMILIES_INTERNAL  31/3/2023: H10 = 1; 31/3/2024: H10, H14 = 2.
-- EH_CHILDREN_INTERNAL  K01, K02 = 2; K01, K07 = 2.
-- EH_FAMILIES_EXTERNAL  H12 = 1; H12, H10 = 2.
-- EH_CHILDREN_EXTERNAL  K04, K05 = 2; K04, K05, K01 = 3.
SELECT indicator, period, numerator, denominator, shown, display, target, status
  FROM fixture_report.indicator_value
 WHERE period_type = 'year'
 ORDER BY indicator COLLATE "C", period;

-- Months and quarters worked by hand:
-- CIC_OPEN, CIC_UASC, CIC_RATE at 2023-09-30 (month 2023-09 and quarter
--   2023/24 Q2 end the same day): C13, C14, C15, C17 (E12), C18 (E16), C19
--   (E19), C20 (E21) = 7, UASC 1 (C14), rate 7 * 10000 / 24000 = 2.917 -> 2.9.
-- CL_ACCOM_19_21 2023-02: L01 is 18 on 2023-02-28 (born 29 Feb): L02, L03
--   only: 2/2; 2023-03: L01 is 19 on 2023-03-31: 3/3.
-- CP_OPEN 2023-08: P05 and P06 (one child, C12) and P04 (C08); P01 ends on
--   2023-08-31: 2.  2023-09 and 2023/24 Q2: P04 (C08), P06 (C12) = 2;
--   CP_RATE 2 * 10000 / 24000 = 0.833 -> 0.8.
-- CP_RATE 2022-05: P03 open, but no estimate dated before 2022-05-31: n/a.
--   2022/23 Q1 ends on 30 June 2022, the date of mid-2022, which is not
--   before it: P03, P05 = 2 children, no estimate, n/a.
-- CIN_RATE 2022-09: CE01 ends on 30 Sep 2022, not open; C02 (CE02), C12
--   (CE05) = 2, mid-2022 estimate: 2 * 10000 / 20000 = 1.0.
-- CP_VISIT_10WD 2023-11: V08, V11, V12 out, V13 in: 1/4 = 25.0%.
-- EH at 2023-09-30: internal H10 (K01) = 1 family; external K04, K05 = 2
--   children (FS05 starts 2023-10-01).
-- REF_1WD 2023-04: completed R12 (2 WD), R05 (1 WD): 1/2 = 50.0%.
-- REREFERRAL_12M 2023-04: received R05 only, not a re-referral: 0/1 = 0.0%.
-- REFERRAL_NFA 2023-09: received R08, R11 (NFA): 1/2 = 50.0%.
-- CIC_SW_3PLUS 2023-07 (12 months from 2022-08-01): in care C13 (W10), C14
--   (W40), C15 (W30, W32), C17 (W20, W21), C18 (W1, W2, W3), C19 (W50); C20
--   between periods: 1/6 = 16.7%.
-- CL_EET_17_18 2023-02: L01 is 18 on 2023-02-28 (education), L07 18
--   (education); L12 is 16: 2/2 = 100.0%.
SELECT indicator, period_type, period, numerator, denominator, shown, display, target, status
  FROM fixture_report.indicator_value
 WHERE (indicator, period) IN (('CIC_OPEN', '2023-09'), ('CIC_OPEN', '2023/24 Q2'),
                               ('CIC_UASC', '2023-09'), ('CIC_UASC', '2023/24 Q2'),
                               ('CIC_RATE', '2023-09'), ('CIC_RATE', '2023/24 Q2'),
                               ('CIN_RATE', '2022-09'),
                               ('CL_ACCOM_19_21', '2023-02'), ('CL_ACCOM_19_21', '2023-03'),
                               ('CP_OPEN', '2023-08'), ('CP_OPEN', '2023-09'), ('CP_OPEN', '2023/24 Q2'),
                               ('CP_RATE', '2022-05'), ('CP_RATE', '2022/23 Q1'),
                               ('CP_RATE', '2023-09'), ('CP_RATE', '2023/24 Q2'),
                               ('CP_VISIT_10WD', '2023-11'),
                               ('EH_FAMILIES_INTERNAL', '2023-09'), ('EH_FAMILIES_INTERNAL', '2023/24 Q2'),
                               ('EH_CHILDREN_EXTERNAL', '2023-09'), ('EH_CHILDREN_EXTERNAL', '2023/24 Q2'),
                               ('REF_1WD', '2023-04'), ('REREFERRAL_12M', '2023-04'),
                               ('REFERRAL_NFA', '2023-09'), ('CIC_SW_3PLUS', '2023-07'),
                               ('CL_EET_17_18', '2023-02'))
 ORDER BY indicator COLLATE "C", period_type, period;

-- The same source as views, without family_support and population: the EH_*
-- and *_RATE indicators are unavailable and have no rows; the other 47 have
-- the same 34 periods (the remaining relations still have events in both
-- years) and the same values as over the tables.
CREATE SCHEMA fixture_views;
CREATE VIEW fixture_views.child AS SELECT * FROM fixture.child;
CREATE VIEW fixture_views.referral AS SELECT * FROM fixture.referral;
CREATE VIEW fixture_views.assessment AS SELECT * FROM fixture.assessment;
CREATE VIEW fixture_views.s47_enquiry AS SELECT * FROM fixture.s47_enquiry;
CREATE VIEW fixture_views.cp_plan AS SELECT * FROM fixture.cp_plan;
CREATE VIEW fixture_views.cp_review AS SELECT * FROM fixture.cp_review;
CREATE VIEW fixture_views.cla_episode AS SELECT * FROM fixture.cla_episode;
CREATE VIEW fixture_views.cla_review AS SELECT * FROM fixture.cla_review;
CREATE VIEW fixture_views.visit AS SELECT * FROM fixture.visit;
CREATE VIEW fixture_views.allocation AS SELECT * FROM fixture.allocation;
CREATE VIEW fixture_views.health_assessment AS SELECT * FROM fixture.health_assessment;
CREATE VIEW fixture_views.missing_episode AS SELECT * FROM fixture.missing_episode;
CREATE VIEW fixture_views.care_leaver AS SELECT * FROM fixture.care_leaver;
SELECT indicator, available, missing_relations
  FROM cspi.deploy('fixture_views', 'fixture_views_report')
 WHERE NOT available;

-- 47 indicators x 34 periods; none of them EH_* or *_RATE.
SELECT count(*) AS indicator_rows, count(DISTINCT indicator) AS indicators,
       count(DISTINCT period) AS periods,
       count(*) FILTER (WHERE indicator LIKE 'EH\_%' OR indicator LIKE '%\_RATE') AS eh_or_rate_rows
  FROM fixture_views_report.indicator_value;

-- REF_1WD 2023/24 over the views is the tables' 3/7, and no row differs.
SELECT v.indicator, v.period, v.display AS views_display, t.display AS tables_display
  FROM fixture_views_report.indicator_value v
  JOIN fixture_report.indicator_value t USING (indicator, period_type, period)
 WHERE v.indicator = 'REF_1WD' AND v.period = '2023/24';
SELECT count(*) AS differing_rows
  FROM fixture_views_report.indicator_value v
  JOIN fixture_report.indicator_value t USING (indicator, period_type, period)
 WHERE (v.numerator, v.denominator, v.shown, v.display, v.target, v.status)
       IS DISTINCT FROM (t.numerator, t.denominator, t.shown, t.display, t.target, t.status);

-- CP_2YEARS_PLUS needs plans older than the two years above: a second
-- source, fixture_long, of child protection plans only (its other
-- relations empty), from 29 February 2020 to 2024.  Open at D = start on
-- or before D and no end or end after D; lasted 2 years = start on or
-- before D - 2 years (PostgreSQL: 2022-02-28 - 2 years = 2020-02-28, so a
-- plan started on 29 February 2020 has lasted 2 years from 1 March 2022).
-- Plans, not children: D01 has two.
--   Q1 D01 2021-03-31 open          Q2 D02 2021-04-01 open
--   Q3 D03 2020-06-01 -> 2023-03-31  Q4 D04 2022-01-15 -> 2024-01-15
--   Q5 D05 2020-02-29 -> 2022-04-10  Q6 D01 2023-06-01 open
-- 31/3/2020: Q5 (1 month): 0/1 = 0.0%.
-- 31/3/2021 (D - 2y = 2019-03-31): Q1, Q3, Q5 open, none: 0/3 = 0.0%.
-- 31/3/2022 (2020-03-31): Q1, Q2, Q3, Q4, Q5 open; Q5 only: 1/5 = 20.0%.
-- 31/3/2023 (2021-03-31): Q1 (exactly 2 years), Q2 (a day short), Q4 open;
--   Q3 ends that day: 1/3 = 33.3%.
-- 31/3/2024 (2022-03-31): Q1, Q2, Q6 open (Q4 ended): Q1, Q2: 2/3 = 66.7%.
-- Month 2022-02 (2020-02-28): Q1-Q5 open; Q5 started 2020-02-29: 0/5 = 0.0%.
-- Month 2022-06 (2020-06-30): Q1, Q2, Q3, Q4 open; Q3: 1/4 = 25.0%.
SELECT cspi.create_source_tables('fixture_long');
INSERT INTO fixture_long.cp_plan (plan_id, child_id, start_date, end_date) VALUES
 ('Q1', 'D01', '2021-03-31', NULL),
 ('Q2', 'D02', '2021-04-01', NULL),
 ('Q3', 'D03', '2020-06-01', '2023-03-31'),
 ('Q4', 'D04', '2022-01-15', '2024-01-15'),
 ('Q5', 'D05', '2020-02-29', '2022-04-10'),
 ('Q6', 'D01', '2023-06-01', NULL);
-- Available: all 59 but CIN_RATE (create_source_tables makes no cin_episode).
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('fixture_long', 'fixture_long_report');
SELECT period_type, period, numerator, denominator, display
  FROM fixture_long_report.indicator_value
 WHERE indicator = 'CP_2YEARS_PLUS'
   AND (period_type = 'year' OR period IN ('2022-02', '2022-06'))
 ORDER BY period_end, period_type DESC;

-- Keep fixture and fixture_report for later tests; drop the views' schemas
-- (quietly: the number of objects the report schema holds is not this
-- test's business).
SET client_min_messages = warning;
DROP SCHEMA fixture_views_report CASCADE;
DROP SCHEMA fixture_views CASCADE;
DROP SCHEMA fixture_long_report CASCADE;
DROP SCHEMA fixture_long CASCADE;
RESET client_min_messages;
