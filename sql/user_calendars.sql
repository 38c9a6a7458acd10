-- A council's own calendars: plain INSERT/UPDATE/DELETE, seen at once.
SET datestyle = 'ISO, YMD';

-- Office closure days on top of England and Wales: a calendar with a base.
-- Its range is the part of its own (here unbounded) that the base covers.
INSERT INTO cspi.calendar (name, base, first_date, last_date, description)
VALUES ('council-offices', 'england-and-wales', '-infinity', 'infinity',
        'Bank holidays plus the council''s Christmas closure');
INSERT INTO cspi.holiday (calendar, holiday_date, name) VALUES
    ('council-offices', '2024-12-27', 'Christmas closure'),
    ('council-offices', '2024-12-30', 'Christmas closure'),
    ('council-offices', '2024-12-31', 'Christmas closure');
-- Tuesday 24 December 2024 to Thursday 2 January 2025: 27, 30, 31 December
-- are working days for England and Wales (4 with 2 January), not for the
-- council (1: 2 January).
SELECT cspi.working_days('2024-12-24'::date, '2025-01-02'::date) AS bank_holidays_only,
       cspi.working_days('2024-12-24'::date, '2025-01-02'::date, 'council-offices') AS with_closure;
-- The base's range applies.
SELECT cspi.working_days('2024-12-24'::date, '2041-01-02'::date, 'council-offices');

-- A change is seen by the next statement, and a rolled-back one is undone.
INSERT INTO cspi.holiday (calendar, holiday_date, name)
VALUES ('council-offices', '2025-01-02', 'Extra closure');
SELECT cspi.working_days('2024-12-24'::date, '2025-01-03'::date, 'council-offices') AS after_insert;
BEGIN;
DELETE FROM cspi.holiday WHERE calendar = 'council-offices' AND holiday_date = '2025-01-02';
SELECT cspi.working_days('2024-12-24'::date, '2025-01-03'::date, 'council-offices') AS in_transaction;
ROLLBACK;
SELECT cspi.working_days('2024-12-24'::date, '2025-01-03'::date, 'council-offices') AS after_rollback;

-- The calendar may change from call to call, also through a PL/pgSQL
-- variable (a Param, not a constant): Tuesday 31 December 2024 to Friday
-- 3 January 2025 is 2 working days in England and Wales, 1 in Scotland
-- (2 January); likewise for a holiday array.
CREATE FUNCTION pg_temp.each_calendar(calendars text[]) RETURNS TABLE (calendar text, wd integer)
LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY calendars LOOP
        calendar := c;
        wd := cspi.working_days('2024-12-31'::date, '2025-01-03'::date, c);
        RETURN NEXT;
    END LOOP;
END $$;
SELECT * FROM pg_temp.each_calendar(ARRAY['england-and-wales', 'scotland', 'england-and-wales', 'scotland']);
CREATE FUNCTION pg_temp.each_holiday_list(lists text[]) RETURNS TABLE (holidays date[], wd integer)
LANGUAGE plpgsql AS $$
DECLARE
    h text;
BEGIN
    FOREACH h IN ARRAY lists LOOP
        holidays := h::date[];
        wd := cspi.working_days('2024-12-31'::date, '2025-01-03'::date, holidays);
        RETURN NEXT;
    END LOOP;
END $$;
SELECT * FROM pg_temp.each_holiday_list(ARRAY['{2025-01-01}', '{2025-01-01,2025-01-02}', '{}']);

-- A 24/7 service: every day a working day, no holidays, no range limit.
INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)
VALUES ('seven-days', '1111111', '-infinity', 'infinity');
SELECT cspi.working_days('1900-01-01'::date, '2100-01-01'::date, 'seven-days') AS days,
       '2100-01-01'::date - '1900-01-01'::date AS difference;
-- Changing its weekmask to Monday-Saturday is seen at once.
UPDATE cspi.calendar SET weekmask = '1111110' WHERE name = 'seven-days';
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date, 'seven-days') AS six_days;

-- Renaming a calendar carries its holidays; deleting it removes them.
UPDATE cspi.calendar SET name = 'council' WHERE name = 'council-offices';
SELECT calendar, count(*) FROM cspi.holiday WHERE NOT shipped GROUP BY 1;
SELECT cspi.working_days('2024-12-24'::date, '2025-01-03'::date, 'council') AS renamed;

-- A cycle of base calendars is reported when the calendar is used.
INSERT INTO cspi.calendar (name, base, first_date, last_date)
VALUES ('loop-a', NULL, '2024-01-01', '2024-12-31'),
       ('loop-b', 'loop-a', '2024-01-01', '2024-12-31');
UPDATE cspi.calendar SET base = 'loop-b' WHERE name = 'loop-a';
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date, 'loop-a');
DELETE FROM cspi.calendar WHERE name IN ('loop-a', 'loop-b');
-- So is a base calendar that does not exist.
INSERT INTO cspi.calendar (name, base, first_date, last_date)
VALUES ('orphan', 'no-such-base', '2024-01-01', '2024-12-31');
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date, 'orphan');
DELETE FROM cspi.calendar WHERE name = 'orphan';
-- A chain of base calendars may be as long as a council needs: only a cycle
-- stops it.  chain-1 is based on england-and-wales and chain-k on
-- chain-(k-1); each adds one of the 20 weekdays of June 2024 (3 to 7, 10 to
-- 14, 17 to 21, 24 to 28 June; no bank holiday that month) as a holiday.
-- 31 May to 30 June is 20 working days in England, 10 with chain-10's ten
-- holidays, none with chain-20's twenty.
INSERT INTO cspi.calendar (name, base, first_date, last_date)
SELECT 'chain-' || k, CASE WHEN k = 1 THEN 'england-and-wales' ELSE 'chain-' || (k - 1) END,
       '2024-01-01', '2024-12-31'
  FROM generate_series(1, 20) AS k;
INSERT INTO cspi.holiday (calendar, holiday_date, name)
SELECT 'chain-' || k, d, 'level ' || k
  FROM (SELECT row_number() OVER (ORDER BY d) AS k, d
          FROM generate_series(date '2024-06-01', date '2024-06-30', interval '1 day') AS g(d)
         WHERE extract(isodow FROM d) < 6) AS weekdays;
SELECT cspi.working_days('2024-05-31'::date, '2024-06-30'::date) AS england,
       cspi.working_days('2024-05-31'::date, '2024-06-30'::date, 'chain-10') AS chain_10,
       cspi.working_days('2024-05-31'::date, '2024-06-30'::date, 'chain-20') AS chain_20;
DELETE FROM cspi.calendar WHERE name LIKE 'chain-%';

-- The shipped rows cannot change outside cspi's own scripts: the table is
-- not in the state the change needs (SQLSTATE 55000), whoever asks.
UPDATE cspi.calendar SET last_date = '2050-12-31' WHERE name = 'england-and-wales';
\set VERBOSITY sqlstate
DELETE FROM cspi.holiday WHERE calendar = 'scotland' AND holiday_date = '2024-12-02';
\set VERBOSITY default
DELETE FROM cspi.holiday WHERE calendar = 'scotland' AND holiday_date = '2024-11-29';
DELETE FROM cspi.holiday WHERE calendar = 'scotland' AND holiday_date = '2024-12-02';
DELETE FROM cspi.calendar WHERE name = 'northern-ireland';
INSERT INTO cspi.holiday (calendar, holiday_date, shipped) VALUES ('council', '2026-01-05', true);
TRUNCATE cspi.holiday;
-- The guard refuses to run as anything but the BEFORE trigger it must be.
CREATE TABLE guard_misuse (shipped boolean);
CREATE TRIGGER guard_misuse AFTER INSERT ON guard_misuse
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
INSERT INTO guard_misuse VALUES (false);
DROP TABLE guard_misuse;
-- Users' own holidays in a shipped calendar are allowed (and dumped).
INSERT INTO cspi.holiday (calendar, holiday_date, name)
VALUES ('england-and-wales', '2040-12-27', 'A future one-off');
SELECT cspi.is_working_day('2040-12-27') AS one_off_is_working;
DELETE FROM cspi.holiday WHERE calendar = 'england-and-wales' AND NOT shipped;
SELECT cspi.is_working_day('2040-12-27') AS deleted_again;

DELETE FROM cspi.calendar WHERE NOT shipped;
SELECT count(*) AS own_rows_left FROM cspi.holiday WHERE NOT shipped;
