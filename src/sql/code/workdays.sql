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
'Excel''s NETWORKDAYS.INTL against the given holidays and weekmask; IMMUTABLE. The weekmask is numpy''s (1 = working day), the opposite of Excel''s weekend string (1 = day off): for Excel''s own weekend argument use networkdays_intl.';

CREATE OR REPLACE FUNCTION cspi.workday(start date, days integer, holidays date[],
                             weekmask text DEFAULT '1111100')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_add_working_days_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday(date, integer, date[], text) IS
'Excel''s WORKDAY.INTL against the given holidays and weekmask; IMMUTABLE. The weekmask is numpy''s (1 = working day), the opposite of Excel''s weekend string (1 = day off): for Excel''s own weekend argument use workday_intl.';

CREATE OR REPLACE FUNCTION cspi.is_working_day(d date, holidays date[],
                                    weekmask text DEFAULT '1111100')
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_is_working_day_holidays'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.is_working_day(date, date[], text) IS
'is_working_day against the given holidays and weekmask; IMMUTABLE.';


--------------------------------------------------------------------------
-- Excel's own NETWORKDAYS.INTL and WORKDAY.INTL: Excel's weekend argument,
-- a code (1 = Saturday and Sunday ... 7 = Friday and Saturday, 11 = Sunday
-- only ... 17 = Saturday only) or seven characters with 1 for a day off,
-- Monday first; the opposite of the numpy weekmask above, where 1 is a
-- working day.  Not STRICT: a NULL weekend is Excel's omitted argument (1),
-- NULL holidays are none and NULL elements are skipped, as Excel skips
-- blank cells; a NULL date, number of days or calendar name gives NULL.
-- The holidays have a default (none, as in Excel), so the forms that name a
-- calendar take it without one.
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend integer DEFAULT 1,
                                      holidays date[] DEFAULT '{}')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, integer, date[]) IS
'Excel''s NETWORKDAYS.INTL: working days from start to finish counting both ends, negative when finish is before start, with Excel''s weekend code (1 = Saturday and Sunday ... 7 = Friday and Saturday, 11 = Sunday only ... 17 = Saturday only; NULL = 1) and the given holidays (NULL elements skipped); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend text, holidays date[] DEFAULT '{}')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_string'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, text, date[]) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend string: seven characters, Monday first, 1 = day off (''0000011'' = Saturday and Sunday; ''1111111'' counts 0); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend integer DEFAULT 1,
                                  holidays date[] DEFAULT '{}')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, integer, date[]) IS
'Excel''s WORKDAY.INTL: the date days working days after (or, when negative, before) start, start itself when days = 0, with Excel''s weekend code (1 = Saturday and Sunday ... 17 = Saturday only; NULL = 1) and the given holidays (NULL elements skipped); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend text, holidays date[] DEFAULT '{}')
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_string'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, text, date[]) IS
'Excel''s WORKDAY.INTL with Excel''s weekend string: seven characters, Monday first, 1 = day off (''1111111'' is an error, as in Excel); IMMUTABLE. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- A fractional number of days is truncated toward zero, as Excel truncates
-- it: 2.9 working days are 2, -2.9 are -2.

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend integer DEFAULT 1,
                                  holidays date[] DEFAULT '{}')
    RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, holidays);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, integer, date[]) IS
'workday_intl with a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend text, holidays date[] DEFAULT '{}')
    RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, holidays);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, text, date[]) IS
'workday_intl with Excel''s weekend string and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- The same on a calendar of cspi.calendar (STABLE): its holidays, every one
-- of them (a holiday on the calendar's own day off may fall on a working day
-- of Excel's weekend), and its known range, with Excel's weekend in place of
-- the calendar's weekmask.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend integer, calendar text)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, integer, text) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend code (NULL = 1) on the holidays and known range of a calendar of cspi.calendar, whose own weekmask it replaces. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start date, finish date,
                                      weekend text, calendar text)
    RETURNS integer
    AS 'MODULE_PATHNAME', 'cspi_networkdays_intl_string_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.networkdays_intl(date, date, text, text) IS
'Excel''s NETWORKDAYS.INTL with Excel''s weekend string (1 = day off, Monday first) on the holidays and known range of a calendar of cspi.calendar. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, integer, text) IS
'Excel''s WORKDAY.INTL with Excel''s weekend code (NULL = 1) on the holidays and known range of a calendar of cspi.calendar, whose own weekmask it replaces. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days integer,
                                  weekend text, calendar text)
    RETURNS date
    AS 'MODULE_PATHNAME', 'cspi_workday_intl_string_calendar'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.workday_intl(date, integer, text, text) IS
'Excel''s WORKDAY.INTL with Excel''s weekend string (1 = day off, Monday first) on the holidays and known range of a calendar of cspi.calendar. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, integer, text) IS
'workday_intl on a calendar with Excel''s weekend code and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start date, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(date, numeric, text, text) IS
'workday_intl on a calendar with Excel''s weekend string and a fractional number of days, truncated toward zero as Excel truncates it. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on timestamps.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamp, finish timestamp,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamp, timestamp, integer, text) IS
'networkdays_intl with Excel''s weekend code on the dates of two timestamps. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamp, finish timestamp,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamp, timestamp, text, text) IS
'networkdays_intl with Excel''s weekend string on the dates of two timestamps. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, integer, integer, text) IS
'workday_intl with Excel''s weekend code on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, integer, text, text) IS
'workday_intl with Excel''s weekend string on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamp, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamp, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on the date of a timestamp. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on timestamps with time zone (their dates in England).

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamptz, finish timestamptz,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl((start AT TIME ZONE 'Europe/London')::date, (finish AT TIME ZONE 'Europe/London')::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamptz, timestamptz, integer, text) IS
'networkdays_intl with Excel''s weekend code on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start timestamptz, finish timestamptz,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl((start AT TIME ZONE 'Europe/London')::date, (finish AT TIME ZONE 'Europe/London')::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(timestamptz, timestamptz, text, text) IS
'networkdays_intl with Excel''s weekend string on the dates in England (Europe/London) of two timestamps with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, integer, integer, text) IS
'workday_intl with Excel''s weekend code on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, integer, text, text) IS
'workday_intl with Excel''s weekend string on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start timestamptz, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl((start AT TIME ZONE 'Europe/London')::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(timestamptz, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on the date in England (Europe/London) of a timestamp with time zone, whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

-- networkdays_intl and workday_intl on a calendar, on dates written as text.

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start text, finish text,
                                      weekend integer, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(text, text, integer, text) IS
'networkdays_intl with Excel''s weekend code on two dates written as text, read as those dates whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.networkdays_intl(start text, finish text,
                                      weekend text, calendar text)
    RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.networkdays_intl(start::date, finish::date,
                                 weekend, calendar);
COMMENT ON FUNCTION cspi.networkdays_intl(text, text, text, text) IS
'networkdays_intl with Excel''s weekend string on two dates written as text, read as those dates whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days integer,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, integer, integer, text) IS
'workday_intl with Excel''s weekend code on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days integer,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, days, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, integer, text, text) IS
'workday_intl with Excel''s weekend string on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days numeric,
                                  weekend integer, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, numeric, integer, text) IS
'workday_intl with Excel''s weekend code and a fractional number of days (truncated toward zero, as Excel truncates it) on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

CREATE OR REPLACE FUNCTION cspi.workday_intl(start text, days numeric,
                                  weekend text, calendar text)
    RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN cspi.workday_intl(start::date, pg_catalog.trunc(days)::integer, weekend, calendar);
COMMENT ON FUNCTION cspi.workday_intl(text, numeric, text, text) IS
'workday_intl with Excel''s weekend string and a fractional number of days (truncated toward zero, as Excel truncates it) on a date written as text, read as that date whatever the session''s time zone. Unlike the weekmask of networkdays and workday (numpy''s, 1 = working day), Excel''s weekend string has 1 for a day off.';

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
