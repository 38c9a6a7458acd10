--------------------------------------------------------------------------
-- Working days against a calendar of cspi.calendar (STABLE)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.working_days("from" date, "to" date,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, text) IS
'Working days d with from < d <= to (same day = 0, next working day = 1); negative when to is before from. Errors for dates outside the calendar''s known range.';

CREATE OR REPLACE FUNCTION cspi.working_days("from" timestamp, "to" timestamp,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_timestamp'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(timestamp, timestamp, text) IS
'working_days on the calendar dates of two timestamps.';

-- Timestamps with time zone are read as dates in England (Europe/London),
-- as the indicator views read them, whatever the session's time zone: a
-- request received at 23:30 UTC on 30 June 2024 arrived on 1 July in
-- England.
CREATE OR REPLACE FUNCTION cspi.working_days("from" timestamptz, "to" timestamptz,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.working_days(("from" AT TIME ZONE 'Europe/London')::date,
                             ("to" AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.working_days(timestamptz, timestamptz, text) IS
'working_days on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.working_days_or_null("from" date, "to" date,
                                          calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_or_null'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days_or_null(date, date, text) IS
'working_days, but NULL instead of an error when a date is infinite or outside the calendar''s known range (the indicator views use it and list such dates in data_quality).';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d date, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, text) IS
'The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). working_days(d, add_working_days(d, n)) = n for n >= 0.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start date, finish date,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, text) IS
'Excel''s NETWORKDAYS: working days from start to finish counting both ends; negative when finish is before start.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, text) IS
'Excel''s WORKDAY: the date days working days after (or, when negative, before) start; start itself when days = 0.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, text) IS
'True when d is a working weekday of the calendar and not one of its holidays.';

-- The same on timestamps: a timestamp's own date; a timestamp with time
-- zone's date in England (Europe/London), whatever the session's time zone.
-- A Freedom of Information request received at 23:30 UTC on 30 June 2024
-- is due cspi.add_working_days(received, 20, 'uk-any'): 20 working days
-- after 1 July.
CREATE OR REPLACE FUNCTION cspi.add_working_days(d timestamp, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days(d::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(timestamp, integer, text) IS
'add_working_days on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d timestamptz, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days((d AT TIME ZONE 'Europe/London')::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(timestamptz, integer, text) IS
'add_working_days on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start timestamp, finish timestamp,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays(start::date, finish::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(timestamp, timestamp, text) IS
'networkdays on the dates of two timestamps.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start timestamptz, finish timestamptz,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays((start AT TIME ZONE 'Europe/London')::date,
                            (finish AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(timestamptz, timestamptz, text) IS
'networkdays on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.workday(start timestamp, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday(start::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(timestamp, integer, text) IS
'workday on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.workday(start timestamptz, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday((start AT TIME ZONE 'Europe/London')::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(timestamptz, integer, text) IS
'workday on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d timestamp,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day(d::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(timestamp, text) IS
'is_working_day on the date of a timestamp.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d timestamptz,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day((d AT TIME ZONE 'Europe/London')::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(timestamptz, text) IS
'is_working_day on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone.';

-- A date written as a string (a bare literal, or a parameter a client sends
-- without a type) is that date, whatever the session's time zone: without
-- these forms PostgreSQL would take it as a timestamp with time zone,
-- midnight in the session's zone, which in a session east of London is
-- the day before in England.
CREATE OR REPLACE FUNCTION cspi.working_days("from" text, "to" text,
                                  calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.working_days("from"::date, "to"::date, calendar);
COMMENT ON FUNCTION cspi.working_days(text, text, text) IS
'working_days on two dates written as text (''2024-03-28''), read as those dates whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d text, n integer,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.add_working_days(d::date, n, calendar);
COMMENT ON FUNCTION cspi.add_working_days(text, integer, text) IS
'add_working_days on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start text, finish text,
                                 calendar text DEFAULT 'england-and-wales')
    RETURNS integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.networkdays(start::date, finish::date, calendar);
COMMENT ON FUNCTION cspi.networkdays(text, text, text) IS
'networkdays on two dates written as text, read as those dates whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.workday(start text, days integer,
                             calendar text DEFAULT 'england-and-wales')
    RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.workday(start::date, days, calendar);
COMMENT ON FUNCTION cspi.workday(text, integer, text) IS
'workday on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d text,
                                    calendar text DEFAULT 'england-and-wales')
    RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN cspi.is_working_day(d::date, calendar);
COMMENT ON FUNCTION cspi.is_working_day(text, text) IS
'is_working_day on a date written as text, read as that date whatever the session''s time zone.';

CREATE OR REPLACE FUNCTION cspi.next_working_day(d date,
                                      calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_next_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.next_working_day(date, text) IS
'The first working day after d (strictly after: add_working_days(d, 1)).';

CREATE OR REPLACE FUNCTION cspi.previous_working_day(d date,
                                          calendar text DEFAULT 'england-and-wales')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_previous_working_day'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.previous_working_day(date, text) IS
'The last working day before d (strictly before: add_working_days(d, -1)).';

--------------------------------------------------------------------------
-- Working days against holidays given as an argument (IMMUTABLE)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.working_days("from" date, "to" date, holidays date[],
                                  weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.working_days(date, date, date[], text) IS
'working_days against the given holidays and weekmask (Monday first, 1 = working day), like numpy''s busday_count shifted by one day; IMMUTABLE, for generated columns and index expressions.';

CREATE OR REPLACE FUNCTION cspi.add_working_days(d date, n integer, holidays date[],
                                      weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.add_working_days(date, integer, date[], text) IS
'add_working_days against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.networkdays(start date, finish date, holidays date[],
                                 weekmask text DEFAULT '1111100')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays(date, date, date[], text) IS
'Excel''s NETWORKDAYS.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer, holidays date[],
                             weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, date[], text) IS
'Excel''s WORKDAY.INTL against the given holidays and weekmask; IMMUTABLE.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date, holidays date[],
                                    weekmask text DEFAULT '1111100')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, date[], text) IS
'is_working_day against the given holidays and weekmask; IMMUTABLE.';


-- The known range of a calendar within its bases' ranges; the chain of base
-- calendars is followed until it ends or meets a calendar twice.
CREATE OR REPLACE FUNCTION cspi.calendar_range(calendar text) RETURNS daterange
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH RECURSIVE chain (name, base, first_date, last_date, path, is_cycle) AS (
        SELECT c.name, c.base, c.first_date, c.last_date, ARRAY[c.name], false
          FROM cspi.calendar c WHERE c.name = calendar_range.calendar
        UNION ALL
        SELECT c.name, c.base, c.first_date, c.last_date, chain.path || c.name, c.name = ANY (chain.path)
          FROM chain JOIN cspi.calendar c ON c.name = chain.base
         WHERE NOT chain.is_cycle
    )
    SELECT CASE WHEN count(*) > 0 THEN daterange(max(first_date), min(last_date), '[]') END
      FROM chain WHERE NOT is_cycle;
    END;
COMMENT ON FUNCTION cspi.calendar_range(text) IS
'The dates for which a calendar''s holidays are known (its own range within its bases'' ranges); NULL for an unknown calendar.';
