-- Nothing cspi runs looks a name up through the caller's search_path.  An
-- unprivileged role plants look-alike functions, operators and an aggregate
-- in a schema it owns (as it could in a writable public): some match the
-- argument types exactly, so that they would beat pg_catalog's own (which
-- need a cast) wherever the schema is on the path; the others win because
-- the path names the schema first.  Each records its call.  Then the
-- superuser, with that schema first on its search_path, runs every public
-- function of cspi, and none of the look-alikes is called.
SET datestyle = 'ISO, YMD';
CREATE ROLE cspi_hijacker;
CREATE SCHEMA hijack AUTHORIZATION cspi_hijacker;
CREATE TABLE hijack.calls (fn text);
GRANT INSERT ON hijack.calls TO PUBLIC;

SET ROLE cspi_hijacker;
CREATE FUNCTION hijack.logged(fn text) RETURNS void LANGUAGE sql
    AS $$ INSERT INTO hijack.calls VALUES (fn) $$;
-- exact matches for calls that pg_catalog serves with a cast
CREATE FUNCTION hijack.date_trunc(text, date) RETURNS timestamp LANGUAGE sql
    AS $$ SELECT hijack.logged('date_trunc(text, date)'); SELECT pg_catalog.date_trunc($1, $2::timestamp) $$;
CREATE FUNCTION hijack.to_char(date, text) RETURNS text LANGUAGE sql
    AS $$ SELECT hijack.logged('to_char(date, text)'); SELECT pg_catalog.to_char($1::timestamp, $2) $$;
CREATE FUNCTION hijack.num_lt_int(numeric, integer) RETURNS boolean LANGUAGE sql
    AS $$ SELECT hijack.logged('numeric < integer'); SELECT $1 OPERATOR(pg_catalog.<) $2::numeric $$;
CREATE OPERATOR hijack.< (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = hijack.num_lt_int);
CREATE FUNCTION hijack.int_mul_num(integer, numeric) RETURNS numeric LANGUAGE sql
    AS $$ SELECT hijack.logged('integer * numeric'); SELECT $1::numeric OPERATOR(pg_catalog.*) $2 $$;
CREATE OPERATOR hijack.* (LEFTARG = integer, RIGHTARG = numeric, FUNCTION = hijack.int_mul_num);
-- the same signatures as pg_catalog's, first on the path
CREATE FUNCTION hijack.lpad(text, integer, text) RETURNS text LANGUAGE sql
    AS $$ SELECT hijack.logged('lpad'); SELECT pg_catalog.lpad($1, $2, $3) $$;
CREATE FUNCTION hijack.make_date(integer, integer, integer) RETURNS date LANGUAGE sql
    AS $$ SELECT hijack.logged('make_date'); SELECT pg_catalog.make_date($1, $2, $3) $$;
CREATE FUNCTION hijack.replace(text, text, text) RETURNS text LANGUAGE sql
    AS $$ SELECT hijack.logged('replace'); SELECT pg_catalog.replace($1, $2, $3) $$;
CREATE FUNCTION hijack.upper(text) RETURNS text LANGUAGE sql
    AS $$ SELECT hijack.logged('upper'); SELECT pg_catalog.upper($1) $$;
CREATE FUNCTION hijack.text_eq(text, text) RETURNS boolean LANGUAGE sql
    AS $$ SELECT hijack.logged('text = text'); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR hijack.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hijack.text_eq);
CREATE FUNCTION hijack.text_cat(text, text) RETURNS text LANGUAGE sql
    AS $$ SELECT hijack.logged('text || text'); SELECT $1 OPERATOR(pg_catalog.||) $2 $$;
CREATE OPERATOR hijack.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = hijack.text_cat);
CREATE FUNCTION hijack.date_larger(date, date) RETURNS date LANGUAGE sql
    AS $$ SELECT hijack.logged('max(date)'); SELECT pg_catalog.date_larger($1, $2) $$;
CREATE AGGREGATE hijack.max(date) (SFUNC = hijack.date_larger, STYPE = date);
RESET ROLE;

-- The administrator, with the look-alikes first on the path.
SET search_path = hijack, pg_catalog, public;
SELECT cspi.working_days('2024-03-28'::date, '2024-04-02'::date) AS easter,
       cspi.add_working_days('2024-03-28'::date, 1) AS next,
       cspi.is_working_day('2024-04-01'::date) AS easter_monday,
       cspi.calendar_range('england-and-wales') AS known;
SELECT * FROM cspi.periods_of('2024-03-31');
SELECT cspi.financial_year('2024-03-31'), cspi.financial_quarter('2024-03-31'),
       cspi.period_name('2023-04'), cspi.previous_period('2023/24'),
       cspi.local_date('2024-03-31 00:30+00'::timestamptz) AS local,
       cspi.target_for('REF_1WD', '2023/24'), cspi.format_number(81.4, '%'),
       cspi.format_target(90, '%'), cspi.html_escape('<b>&</b>'),
       cspi.rate_per(146, 22256), cspi.rate_per_10k(146, 22256);
SELECT cspi.create_source_tables('hijack_src');
SELECT count(*) > 0 AS generated FROM cspi.generate_source('hijack_src', 0.05, 1, 2022, 2024);
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('hijack_src', 'hijack_report');
SELECT cspi.refresh('hijack_report');
SELECT count(*) > 0 AS figures FROM hijack_report.indicator_value;
SELECT count(*) >= 0 AS checked FROM hijack_report.data_quality;
SELECT count(*) AS scorecard FROM cspi.scorecard('2023/24', 'hijack_report');
SELECT count(*) AS sentences FROM cspi.narrative('2023/24', 'hijack_report');
SELECT length(cspi.report_html('2023/24', 'hijack_report')) > 1000 AS page;
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.redeploy('hijack_report');
INSERT INTO cspi.holiday (calendar, holiday_date, name) VALUES ('england-and-wales', '2040-12-27', 'one-off');
RESET search_path;
DELETE FROM cspi.holiday WHERE calendar = 'england-and-wales' AND NOT shipped;

-- None of the look-alikes ran.
SELECT fn, count(*) FROM hijack.calls GROUP BY fn ORDER BY fn;
-- (They do run for a query that names them through the path, so the trap
-- was armed.)
SET search_path = hijack, pg_catalog, public;
SELECT date_trunc('month', '2024-03-31'::date) AS armed;
RESET search_path;
SELECT fn, count(*) FROM hijack.calls GROUP BY fn ORDER BY fn;

SET client_min_messages = warning;
DROP SCHEMA hijack CASCADE;
RESET client_min_messages;
DROP ROLE cspi_hijacker;
