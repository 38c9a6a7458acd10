-- Shipped calendars against the UK government's published bank holidays,
-- 2018 to 2026 (gov.uk/bank-holidays), typed into expected/calendars_govuk.out
-- as published; uk-any (a bank holiday in any part of the UK) is their union.
-- Names are not compared: only the dates.
SET datestyle = 'ISO, YMD';
\pset format unaligned
\pset footer off
SELECT calendar, holiday_date, to_char(holiday_date, 'Dy') AS weekday
  FROM cspi.holiday
 WHERE holiday_date BETWEEN '2018-01-01' AND '2026-12-31'
 ORDER BY calendar, holiday_date;
