--------------------------------------------------------------------------
-- Periods
--------------------------------------------------------------------------

-- The SQL functions here and in report.sql have SQL-standard bodies: their
-- names and operators are bound when the extension is created, never looked
-- up through a caller's search_path, and they are still inlined.
CREATE OR REPLACE FUNCTION cspi.financial_year(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (extract(year FROM d)::int - (extract(month FROM d) < 4)::int)::text || '/'
           || lpad(((extract(year FROM d)::int - (extract(month FROM d) < 4)::int + 1) % 100)::text, 2, '0');
COMMENT ON FUNCTION cspi.financial_year(date) IS
'The financial year of a date: ''2023/24'' for 1 April 2023 to 31 March 2024.';

CREATE OR REPLACE FUNCTION cspi.financial_quarter(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi.financial_year(d) || ' Q' || ((extract(month FROM d)::int + 8) % 12 / 3 + 1)::text;
COMMENT ON FUNCTION cspi.financial_quarter(date) IS
'The financial quarter of a date: ''2023/24 Q1'' (April to June) to ''2023/24 Q4'' (January to March).';

-- The years a report covers: dates from 1 April 1990 to the end of the
-- financial year containing today are placed in periods.  A date outside
-- (a mistyped year, a BC or year-1 date, the warehouse convention 9999-12-31
-- for "still open", an infinite date) never is: an end date there reads as
-- still open, an event dated there is not counted, and data_quality lists
-- it.  So one bad date cannot stop a refresh or add thousands of periods.
CREATE OR REPLACE FUNCTION cspi.report_first_day() RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN date '1990-04-01';
COMMENT ON FUNCTION cspi.report_first_day() IS
'The first day a report can cover: 1 April 1990. Earlier dates are not placed in periods (data_quality lists them).';
CREATE OR REPLACE FUNCTION cspi.report_last_day() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN make_date(date_part('year', current_date)::int - (date_part('month', current_date) < 4)::int + 1, 3, 31);
COMMENT ON FUNCTION cspi.report_last_day() IS
'The last day a report can cover: the end of the financial year containing today. Later dates (such as 9999-12-31 for "still open") are not placed in periods: an end date there reads as open, an event there is not counted (data_quality lists it).';
CREATE OR REPLACE FUNCTION cspi.in_report_years(d date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(d BETWEEN cspi.report_first_day() AND cspi.report_last_day(), false);
COMMENT ON FUNCTION cspi.in_report_years(date) IS
'Whether a date lies in the years a report can cover (cspi.report_first_day() to cspi.report_last_day()); false for NULL and infinite dates.';

-- The local (Europe/London) date of a moment: the day an event of a
-- timestamptz source falls on, whatever the session's time zone; a
-- timestamp is already local.
CREATE OR REPLACE FUNCTION cspi.local_date(moment timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (moment AT TIME ZONE 'Europe/London')::date;
COMMENT ON FUNCTION cspi.local_date(timestamptz) IS
'The date in England (Europe/London) of a moment, whatever the session''s time zone.';
CREATE OR REPLACE FUNCTION cspi.local_date(moment timestamp) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN moment::date;
COMMENT ON FUNCTION cspi.local_date(timestamp) IS
'The date of a local (wall-clock) timestamp.';

CREATE OR REPLACE FUNCTION cspi.periods_of(d date)
    RETURNS TABLE (period_type text, period text, period_start date, period_end date)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 3
    BEGIN ATOMIC
    SELECT v.period_type, v.period, v.period_start, v.period_end
      FROM (SELECT extract(year FROM d)::int - (extract(month FROM d) < 4)::int AS fy) y,
           LATERAL (VALUES
               ('year', y.fy::text || '/' || lpad(((y.fy + 1) % 100)::text, 2, '0'),
                make_date(y.fy, 4, 1), make_date(y.fy + 1, 3, 31)),
               ('quarter', y.fy::text || '/' || lpad(((y.fy + 1) % 100)::text, 2, '0')
                           || ' Q' || ((extract(month FROM d)::int + 8) % 12 / 3 + 1)::text,
                (date_trunc('quarter', d - interval '3 months') + interval '3 months')::date,
                (date_trunc('quarter', d - interval '3 months') + interval '6 months' - interval '1 day')::date),
               ('month', to_char(d, 'YYYY-MM'),
                date_trunc('month', d)::date,
                (date_trunc('month', d) + interval '1 month' - interval '1 day')::date)
           ) AS v(period_type, period, period_start, period_end)
     WHERE d IS NOT NULL;
    END;
COMMENT ON FUNCTION cspi.periods_of(date) IS
'The financial year, quarter and month a date falls in, with their first and last days; no rows for NULL.';

CREATE OR REPLACE FUNCTION cspi.period_bounds(period text,
                                   OUT period_type text, OUT period_start date, OUT period_end date)
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    m text[];
BEGIN
    m := regexp_match(period, '^(\d{4})/(\d{2})( Q([1-4]))?$');
    IF m IS NOT NULL AND ((m[1]::int + 1) % 100) = m[2]::int THEN
        IF m[4] IS NULL THEN
            period_type := 'year';
            period_start := make_date(m[1]::int, 4, 1);
            period_end := make_date(m[1]::int + 1, 3, 31);
        ELSE
            period_type := 'quarter';
            period_start := (make_date(m[1]::int, 4, 1) + (m[4]::int - 1) * interval '3 months')::date;
            period_end := (period_start + interval '3 months' - interval '1 day')::date;
        END IF;
        RETURN;
    END IF;
    m := regexp_match(period, '^(\d{4})-(\d{2})$');
    IF m IS NOT NULL AND m[2]::int BETWEEN 1 AND 12 THEN
        period_type := 'month';
        period_start := make_date(m[1]::int, m[2]::int, 1);
        period_end := (period_start + interval '1 month' - interval '1 day')::date;
        RETURN;
    END IF;
    RAISE EXCEPTION 'invalid period "%"', period
        USING ERRCODE = 'invalid_parameter_value',
              HINT = 'A period is a financial year (''2023/24''), a quarter (''2023/24 Q1'') or a month (''2023-04'').';
END
$$;
COMMENT ON FUNCTION cspi.period_bounds(text) IS
'The type, first and last day of a period label: ''2023/24'', ''2023/24 Q1'' or ''2023-04''; an error for anything else.';

