-- A hostile warehouse: bad rows never stop a deploy or a refresh, never
-- leak into other rows, and data_quality lists each.  Figures worked by
-- hand (2024/25; 2024 holidays: none between April and July but 6 May and
-- 27 May).
--
-- Referrals (child, received, completed):
--   R1  C1  Mon  8 Apr 2024, Tue  9 Apr 2024   1 working day
--   R2  C1  Mon 13 May 2024, infinity           completed "never": not counted
--                                                as completed; a re-referral (R1)
--   R3  C2  1 Feb in year 1, Wed 10 Apr 2024   received outside the report's
--                                                years; completed in 2024/25 with
--                                                no working-day count: not in time
--   R4  C3  1 Jun 10 BC, open                  outside the years
--   R5  C4  31 Dec 9999, open                  outside the years
--   (no id) C5 Mon 3 Jun 2024, same day         0 working days; counted
--   DUP C6  Mon 1 Jul 2024, Tue 2 Jul 2024     1 working day; not a re-referral
--   DUP C7  Mon 15 Jul 2024, Tue 16 Jul 2024   1; a re-referral (R9): the
--                                                shared id must not lend R9 to C6
--   R9  C7  Mon 10 Jun 2024, same day          0
-- REF_1WD 2024/25: completed in the year R1, R3, (no id), DUP, DUP, R9 = 6;
--   within 1 working day all but R3 = 5.          -> 5/6
-- REREFERRAL_12M 2024/25: received in the year R1, R2, (no id), DUP, DUP,
--   R9 = 6; re-referrals R2 (R1) and DUP of C7 (R9) -> 2/6
-- CP plan P1 of C1 from 15 Apr 2024 "ending" 9999-12-31 (the usual warehouse
--   "open"): open at 31 March 2025. CP_OPEN 2024/25 = 1; CP_STARTED = 1.
-- Population: 2023: 22,000; year 0 and 2024 with 0 children are unusable, so
--   CP_RATE 2024/25 uses mid-2023: 1 / 22,000 x 10,000 = 0.45 -> 0.5.
-- Periods: only 2024/25 has events in the report's years: 1 year, 4
--   quarters, 12 months = 17.
SET datestyle = 'ISO, YMD';
SELECT cspi.create_source_tables('hostile');
-- A warehouse's relation has no primary key to refuse NULL or repeated ids.
DROP TABLE hostile.referral;
CREATE TABLE hostile.referral (referral_id text, child_id text, referral_date date, completed_date date);
INSERT INTO hostile.child (child_id, family_id, date_of_birth) VALUES
    ('C1', 'F1', '2015-01-01'), ('C2', 'F2', '2016-01-01'), ('C3', 'F3', 'infinity'),
    ('C4', 'F4', '2017-01-01'), ('C5', 'F5', '2018-01-01'), ('C6', 'F6', '2019-01-01'),
    ('C7', 'F7', '2020-01-01');
INSERT INTO hostile.referral (referral_id, child_id, referral_date, completed_date) VALUES
    ('R1', 'C1', '2024-04-08', '2024-04-09'),
    ('R2', 'C1', '2024-05-13', 'infinity'),
    ('R3', 'C2', '0001-02-01', '2024-04-10'),
    ('R4', 'C3', '0010-06-01 BC', NULL),
    ('R5', 'C4', '9999-12-31', NULL),
    (NULL, 'C5', '2024-06-03', '2024-06-03'),
    ('DUP', 'C6', '2024-07-01', '2024-07-02'),
    ('DUP', 'C7', '2024-07-15', '2024-07-16'),
    ('R9', 'C7', '2024-06-10', '2024-06-10');
INSERT INTO hostile.cp_plan (plan_id, child_id, start_date, end_date) VALUES
    ('P1', 'C1', '2024-04-15', '9999-12-31');
INSERT INTO hostile.population (year, children) VALUES (2023, 22000), (0, 5), (2024, 0);

SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('hostile', 'hostile_report');
SELECT cspi.refresh('hostile_report');

SELECT count(*) AS periods, min(period_start) AS first_day, max(period_end) AS last_day
  FROM hostile_report.period;
SELECT indicator, numerator, denominator, display
  FROM hostile_report.indicator_value
 WHERE period = '2024/25'
   AND indicator IN ('REF_1WD', 'REREFERRAL_12M', 'CP_OPEN', 'CP_STARTED', 'CP_RATE')
 ORDER BY indicator;

-- Each referral as the drill-down has it: the two DUP rows stay apart.
SELECT referral_id, child_id, referral_date, working_days, within_1wd, rereferral_12m
  FROM hostile_report.referral_timeliness
 ORDER BY child_id, referral_date;

-- What data_quality says of the bad rows (the years' last day, which moves
-- with today, is left out).
SELECT relation, row_id, split_part(problem, ' (', 1) AS problem
  FROM hostile_report.data_quality
 WHERE relation IN ('referral', 'population', 'cp_plan')
 ORDER BY 1, 2, 3;
