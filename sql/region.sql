--
-- Regions: councils' published figures pooled over postgres_fdw.  The
-- pooling itself, over three real council databases, is checked by
-- test/region/region.sh; here: the figure arithmetic, the small-count
-- rule, the checks of create_region's arguments and members that cannot
-- be reached.
--
\set VERBOSITY terse
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;

-- A figure from its numerator and denominator, as indicator_value shows it:
-- 1,119 of 1,374 is 81.44...%, shown 81.4; 146 in 22,256 children is 65.60
-- per 10,000, shown 65.6.
SELECT * FROM cspi.indicator_figure('%', 1119, 1374);
SELECT * FROM cspi.indicator_figure('per 10,000', 146, 22256);
SELECT * FROM cspi.indicator_figure('count', 1554, NULL);
SELECT * FROM cspi.indicator_figure('%', 0, 0);
SELECT * FROM cspi.indicator_figure('per 10,000', 3, NULL);

-- Small counts (below 6): numerators 1 to 5, and for a percentage also a
-- denominator or cases out of timescale 1 to 5.  Zero is not small.
SELECT unit, n, d, cspi.discloses_small_count(unit, n, d, 6) AS small
  FROM (VALUES ('count', 0, NULL), ('count', 5, NULL), ('count', 6, NULL),
               ('per 10,000', 4, 20000), ('per 10,000', 40, 20000),
               ('%', 0, 0), ('%', 0, 3), ('%', 0, 40), ('%', 3, 40), ('%', 37, 40), ('%', 35, 40), ('%', 40, 40))
       AS x(unit, n, d);
SELECT cspi.discloses_small_count('count', 3, NULL, NULL) AS without_suppression;

-- Servers of councils that cannot be reached.
CREATE SERVER test_down_a FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '1', dbname 'nowhere');
CREATE SERVER test_down_b FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '1', dbname 'nowhere');
CREATE USER MAPPING FOR CURRENT_USER SERVER test_down_a OPTIONS (user 'nobody', password 'x');
CREATE USER MAPPING FOR CURRENT_USER SERVER test_down_b OPTIONS (user 'nobody', password 'x');

-- create_region's arguments.
SELECT * FROM cspi.create_region('test_region', 'null');
SELECT * FROM cspi.create_region('test_region', '{"server": "x"}');
SELECT * FROM cspi.create_region('test_region', '[]');
\set VERBOSITY default
SELECT * FROM cspi.create_region('test_region',
    '[1, {"server": "no_such_server", "schema": "cspi_report", "name": "A", "extra": true},
      {"name": "A", "schema": 7}, {"server": "", "schema": "s", "name": "B", "la_code": 350}]');
-- The same council twice would be counted twice; names are trimmed.
SELECT * FROM cspi.create_region('test_region',
    '[{"server": "test_down_a", "schema": "cspi_report", "name": "A"},
      {"server": "test_down_a", "schema": "cspi_report", "name": "A "}]');
\set VERBOSITY terse
SELECT * FROM cspi.create_region('public', '[{"server": "s", "schema": "r", "name": "A"}]');
SELECT * FROM cspi.create_region('cspi_region_1', '[{"server": "s", "schema": "r", "name": "A"}]');
SELECT * FROM cspi.create_region('test_region', '[{"server": "s", "schema": "r", "name": "A"}]', suppress_below => 1);
CREATE SCHEMA test_occupied;
CREATE TABLE test_occupied.t (x int);
SELECT * FROM cspi.create_region('test_occupied', '[{"server": "test_down_a", "schema": "r", "name": "A"}]');
SELECT * FROM cspi.create_region('test_region', '[{"server": "test_down_a", "schema": "r", "name": "A", "la_code": "E99999999"}]');

-- Members that cannot be reached: named, with no figures yet; the region
-- is made all the same, and reads as having nothing.
SELECT member, status, left(message, 79) AS message
  FROM cspi.create_region('test_region', '[{"server": "test_down_a", "schema": "cspi_report", "name": "Council A", "la_code": "350"},
                                           {"server": "test_down_b", "schema": "cspi_report", "name": "Council B"},
                                           {"server": "test_down_a", "schema": "other_report", "name": "Council C"}]',
                          'Test Region', 6);
SELECT region_schema, name, suppress_below, internal_schema ~ '^cspi_region_[0-9]+$' AS internal, refreshed_at IS NOT NULL AS refreshed
  FROM cspi.region;
SELECT position, name, la_code, server, report_schema, status, figures_from, foreign_table::text ~ '^cspi_region_[0-9]+\.m[123]_indicator_value$' AS foreign_table
  FROM test_region.member ORDER BY position;
SELECT count(*) FROM test_region.indicator_value;
SELECT count(*) FROM test_region.member_value;
SELECT count(*) AS indicators, count(*) FILTER (WHERE available) AS available,
       bool_and(members = '{}' AND members_without = '{Council A,Council B,Council C}') AS none_pooled
  FROM test_region.indicator_availability;
SELECT cspi.refresh('test_region');
SELECT count(*) AS rows, count(*) FILTER (WHERE available) AS available, min(reason) AS reason
  FROM cspi.scorecard('2023/24', 'test_region');
SELECT * FROM cspi.cases('CFA_45WD', '2023/24', 'test_region');
SELECT cspi.refresh_region('no_such_region');

-- Pooling and small counts, on figures made by hand as if pulled from the
-- three councils (the refresh cannot reach them, so it keeps them).
SELECT internal_schema AS internal FROM cspi.region WHERE region_schema = 'test_region' \gset
INSERT INTO :"internal".member_figure VALUES
-- CFA_COMPLETED 2023/24: 3 (small), 0 and 100.  Withholding 3 alone, 103 -
-- 0 - 100 would give it back; 0 withholds nothing, so 100 is withheld too.
 (1, 'CFA_COMPLETED', 'year', '2023/24', '2023-04-01', '2024-03-31', 3, NULL),
 (2, 'CFA_COMPLETED', 'year', '2023/24', '2023-04-01', '2024-03-31', 0, NULL),
 (3, 'CFA_COMPLETED', 'year', '2023/24', '2023-04-01', '2024-03-31', 100, NULL),
-- 2023/24 Q1: 1 and 1 (small, and 2 together), so 50 is withheld too.
 (1, 'CFA_COMPLETED', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 1, NULL),
 (2, 'CFA_COMPLETED', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 1, NULL),
 (3, 'CFA_COMPLETED', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 50, NULL),
-- CFA_45WD 2023/24: 2 of 3 (small) and 38 of 40 (2 out of timescale:
-- small) withhold 40 of 43, 3 out: still small, so 90 of 100 too.  The
-- region: 130 of 143, 90.9%.
 (1, 'CFA_45WD', 'year', '2023/24', '2023-04-01', '2024-03-31', 2, 3),
 (2, 'CFA_45WD', 'year', '2023/24', '2023-04-01', '2024-03-31', 38, 40),
 (3, 'CFA_45WD', 'year', '2023/24', '2023-04-01', '2024-03-31', 90, 100),
-- 2023/24 Q1: 20 of 26 (76.9%), 30 of 40 (75.0%), 44 of 50 (88.0%):
-- nothing small; ranked C, A, B (higher is better).  The region: 94 of
-- 116, 81.0% (not the 80.0% mean of the three percentages).
 (1, 'CFA_45WD', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 20, 26),
 (2, 'CFA_45WD', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 30, 40),
 (3, 'CFA_45WD', 'quarter', '2023/24 Q1', '2023-04-01', '2023-06-30', 44, 50);
UPDATE cspi.region_member SET figures_version = (SELECT extversion FROM pg_extension WHERE extname = 'cspi')
 WHERE region_schema = 'test_region';
SELECT cspi.refresh('test_region');
SELECT indicator, period, member, display, numerator, denominator, suppressed, rank, ranked_of, current
  FROM test_region.member_value ORDER BY indicator, period, member_position;
SELECT indicator, period, display, members, member_count, suppressed
  FROM test_region.indicator_value ORDER BY indicator, period;
SELECT code, display, reason FROM cspi.scorecard('2023/24', 'test_region') WHERE code LIKE 'CFA%';

-- Figures computed by another version of cspi are kept, not pooled.
UPDATE cspi.region_member SET figures_version = '1.1' WHERE region_schema = 'test_region' AND position = 3;
SELECT cspi.refresh('test_region');
SELECT indicator, period, display, members FROM test_region.indicator_value WHERE period = '2023/24 Q1' ORDER BY indicator;
SELECT member, display, current FROM test_region.member_value
 WHERE indicator = 'CFA_45WD' AND period = '2023/24 Q1' ORDER BY member_position;

-- The role a region reads a council with: its published figures only.
SELECT cspi.grant_published_figures('test_region', 'no_such_role');
SELECT cspi.grant_published_figures('no_such_schema', 'public');

-- Remade with other members, the old internal schema goes ...
SELECT internal_schema AS old_internal FROM cspi.region WHERE region_schema = 'test_region' \gset
SELECT member, status FROM cspi.create_region('test_region', '[{"server": "test_down_b", "schema": "cspi_report", "name": "Council B"}]');
SELECT count(*) AS old_internal_left FROM pg_namespace WHERE nspname = :'old_internal';
SELECT name FROM test_region.member;
-- ... keeping what it held for the council it still has (shown in full:
-- this remake asks for no suppression).
SELECT indicator, period, member, display FROM test_region.member_value ORDER BY indicator, period;
SELECT indicator, period, display, members FROM test_region.indicator_value ORDER BY indicator, period;

DROP SCHEMA test_region CASCADE;
DO $$ BEGIN EXECUTE (SELECT format('DROP SCHEMA %I CASCADE', internal_schema) FROM cspi.region WHERE region_schema = 'test_region'); END $$;
DELETE FROM cspi.region WHERE region_schema = 'test_region';
DROP SCHEMA test_occupied CASCADE;
DROP SERVER test_down_a, test_down_b CASCADE;
RESET client_min_messages;
