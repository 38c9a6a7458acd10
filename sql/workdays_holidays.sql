-- The IMMUTABLE variants: holidays as a date[] and numpy's weekmask.
SET datestyle = 'ISO, YMD';

-- Easter 2024 with its two bank holidays given: as the calendar says.
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{2024-03-29,2024-04-01}'::date[]) AS easter;
-- A Monday-to-Saturday service: Saturday 30 March now counts, so 2.
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{2024-03-29,2024-04-01}'::date[], '1111110') AS six_days;
-- Seven days a week without holidays: plain day differences.
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{}'::date[], '1111111') AS every_day,
       '2024-04-02'::date - '2024-03-28'::date AS difference;
-- Holidays on non-working days, duplicates and any order change nothing.
SELECT cspi.working_days('2024-03-28', '2024-04-02',
                         '{2024-04-01,2024-03-30,2024-03-29,2024-04-01}'::date[]) AS messy_list;
-- Sunday-only working (0000001): Sundays after 1 Jan 2024 up to 31 Jan: 4.
SELECT cspi.working_days('2024-01-01', '2024-01-31', '{}'::date[], '0000001') AS sundays;

SELECT cspi.add_working_days('2024-03-28', 1, '{2024-03-29,2024-04-01}'::date[]) AS plus_1,
       cspi.add_working_days('2024-04-02', -1, '{2024-03-29,2024-04-01}'::date[]) AS minus_1,
       cspi.workday('2024-03-28', 1, '{2024-03-29,2024-04-01}'::date[], '1111110') AS workday_six_days,
       cspi.networkdays('2024-03-28', '2024-04-02', '{2024-03-29,2024-04-01}'::date[]) AS networkdays,
       cspi.is_working_day('2024-03-29', '{2024-03-29,2024-04-01}'::date[]) AS good_friday;

-- The holiday list and weekmask may vary from row to row.
SELECT mask, cspi.working_days('2024-03-28', '2024-04-02', hol, mask) AS wd
  FROM (VALUES ('{2024-03-29}'::date[], '1111100'),
               ('{2024-03-29,2024-04-01}', '1111100'),
               ('{}', '1111100'),
               ('{2024-03-29}', '1111111')) AS v(hol, mask);

-- IMMUTABLE: usable in a generated column and an index expression.
CREATE TABLE referral_wd (
    referral_date date,
    completed_date date,
    wd integer GENERATED ALWAYS AS
        (cspi.working_days(referral_date, completed_date, '{2024-03-29,2024-04-01}'::date[])) STORED
);
CREATE INDEX ON referral_wd (cspi.working_days(referral_date, completed_date,
                                               '{2024-03-29,2024-04-01}'::date[]));
INSERT INTO referral_wd VALUES ('2024-03-28', '2024-04-02'), ('2024-03-28', '2024-03-28'),
                               ('2024-03-25', '2024-04-05');
SELECT * FROM referral_wd ORDER BY referral_date, completed_date;
DROP TABLE referral_wd;

-- Bad input.
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{}'::date[], '0000000');
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{}'::date[], '11111');
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{}'::date[], 'MTWTFss');
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{2024-03-29,NULL}'::date[]);
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{infinity}'::date[]);
SELECT cspi.working_days('2024-03-28', '2024-04-02', '{{2024-03-29},{2024-04-01}}'::date[]);
SELECT cspi.working_days('2024-03-28', 'infinity', '{}'::date[]);
SELECT cspi.add_working_days('5874897-12-30', 5, '{}'::date[]);
SELECT cspi.working_days('2024-03-28', '2024-04-02', NULL::date[]) IS NULL AS null_holidays;
