-- "Within 72 hours" across a clock change (RHI_72H).  England's clocks went
-- forward at 01:00 GMT on Sunday 31 March 2024.  A child who returned at
-- 12:00 on Saturday 30 March (GMT) and was offered a return home interview
-- at 12:30 on Tuesday 2 April (BST) waited 71.5 real hours, although the
-- wall clock moved on 72.5.  Another, returned at 12:00 on 1 April and
-- offered at 12:30 on 4 April, waited 72.5 hours by either reckoning.
--
-- A source with timestamptz columns records instants: the first is within
-- 72 hours, the second is not.  A source with timestamp columns records
-- wall-clock times, and cspi reads them so (documented): both are over 72.
-- The session's time zone plays no part in either.
SET TimeZone = 'America/New_York';
SET datestyle = 'ISO, YMD';

CREATE SCHEMA elapsed_tz;
CREATE TABLE elapsed_tz.missing_episode (
    episode_id text, child_id text, start_at timestamptz, returned_at timestamptz,
    rhi_offered_at timestamptz, rhi_engaged boolean, other_authority boolean);
INSERT INTO elapsed_tz.missing_episode VALUES
    ('M1', 'C1', '2024-03-29 20:00 Europe/London', '2024-03-30 12:00 Europe/London',
     '2024-04-02 12:30 Europe/London', true, false),
    ('M2', 'C2', '2024-03-31 20:00 Europe/London', '2024-04-01 12:00 Europe/London',
     '2024-04-04 12:30 Europe/London', false, false);

CREATE SCHEMA elapsed_wall;
CREATE TABLE elapsed_wall.missing_episode AS
SELECT episode_id, child_id,
       (start_at AT TIME ZONE 'Europe/London') AS start_at,
       (returned_at AT TIME ZONE 'Europe/London') AS returned_at,
       (rhi_offered_at AT TIME ZONE 'Europe/London') AS rhi_offered_at,
       rhi_engaged, other_authority
  FROM elapsed_tz.missing_episode;

SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('elapsed_tz', 'elapsed_tz_report');
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('elapsed_wall', 'elapsed_wall_report');

SELECT 'timestamptz' AS source, episode_id, time_to_offer, offered_within_72h
  FROM elapsed_tz_report.missing_return_interview
UNION ALL
SELECT 'timestamp', episode_id, time_to_offer, offered_within_72h
  FROM elapsed_wall_report.missing_return_interview
 ORDER BY 1 DESC, 2;

-- M1 returned on 30 March (2023/24), M2 on 1 April (2024/25), by the
-- English date whatever the session's time zone.
SELECT 'timestamptz' AS source, period, numerator, denominator
  FROM elapsed_tz_report.indicator_value
 WHERE indicator = 'RHI_72H' AND period_type = 'year' AND denominator > 0
UNION ALL
SELECT 'timestamp', period, numerator, denominator
  FROM elapsed_wall_report.indicator_value
 WHERE indicator = 'RHI_72H' AND period_type = 'year' AND denominator > 0
 ORDER BY 1 DESC, 2;

RESET TimeZone;
