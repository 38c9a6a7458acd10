-- The shipped calendars: ranges, yearly counts and every one-off change
-- since 1995.  The published dates for 2018-2026 are in calendars_govuk.
SET datestyle = 'ISO, YMD';

SELECT name, weekmask, first_date, last_date, base, shipped
  FROM cspi.calendar ORDER BY name;

-- Bank holidays a year in England and Wales: 8, with 9 in 1999 (millennium),
-- 2002 (golden jubilee), 2011 (royal wedding), 2012 (diamond jubilee) and
-- 2023 (coronation), and 10 in 2022 (platinum jubilee, state funeral).
-- 1995 and 2020 moved early May to VE day without adding one.  Scotland
-- has as many before 2007 and one more from 2007 (St Andrew's Day: it
-- adds it to 2 January in place of Easter Monday), Northern Ireland two
-- more (St Patrick's Day, the Battle of the Boyne).
SELECT extract(year FROM holiday_date)::int AS year,
       count(*) FILTER (WHERE calendar = 'england-and-wales') AS ew,
       count(*) FILTER (WHERE calendar = 'scotland') AS sc,
       count(*) FILTER (WHERE calendar = 'northern-ireland') AS ni
  FROM cspi.holiday
 WHERE extract(year FROM holiday_date) IN (1995, 1999, 2000, 2002, 2006, 2007, 2011, 2012, 2020, 2022, 2023, 2027, 2040)
 GROUP BY 1 ORDER BY 1;

-- The one-off changes are holidays in all three nations ...
SELECT d::date AS one_off,
       count(h.calendar) AS calendars
  FROM unnest(ARRAY['1995-05-08', '1999-12-31', '2002-06-03', '2002-06-04',
                    '2011-04-29', '2012-06-04', '2012-06-05', '2020-05-08',
                    '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) AS d
  LEFT JOIN cspi.holiday h ON h.holiday_date = d::date
 GROUP BY d ORDER BY d;

-- ... and the days they replaced are working days everywhere.
SELECT d::date AS moved_from,
       cspi.is_working_day(d::date, 'england-and-wales') AS ew,
       cspi.is_working_day(d::date, 'scotland') AS sc,
       cspi.is_working_day(d::date, 'northern-ireland') AS ni
  FROM unnest(ARRAY['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04',
                    '2022-05-30']) AS d
 ORDER BY d;

-- No shipped holiday falls on a Saturday or Sunday (substitutes do not).
SELECT count(*) AS weekend_holidays
  FROM cspi.holiday WHERE extract(isodow FROM holiday_date) > 5;

-- Christmas on a Saturday (2021) and on a Sunday (2022): the substitutes.
SELECT calendar, holiday_date, name
  FROM cspi.holiday
 WHERE calendar = 'england-and-wales'
   AND holiday_date BETWEEN '2021-12-20' AND '2023-01-05'
   AND holiday_date NOT BETWEEN '2022-01-05' AND '2022-12-20'
 ORDER BY holiday_date;
