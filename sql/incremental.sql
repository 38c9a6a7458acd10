-- The incremental refresh (issue 23): a source made by
-- cspi.create_source_tables logs its changes, and cspi.refresh() counts
-- again only the children they touch, with exactly the figures of a full
-- refresh; it says how it refreshed in cspi.deployment.last_refresh, and
-- refreshes in full when it must.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS cspi_synthetic CASCADE;

-- A hand-worked council.  REF_1WD 2023/24 (referrals completed within one
-- working day, England and Wales):
--   R1, child C1: received Friday 2 June 2023, completed Monday 5 June: 1 working day, in time
--   R2, child C3: received Monday 3 July, completed Friday 7 July: 4, late
-- so 1 of 2 before the changes.
SELECT cspi.create_source_tables('inc_src');
INSERT INTO inc_src.child VALUES ('C1', 'F1', '2015-01-01'), ('C2', 'F1', '2016-01-01'),
                                 ('C3', 'F2', '2012-01-01'), ('C4', NULL, '2010-01-01');
INSERT INTO inc_src.population VALUES (2023, 1000);
INSERT INTO inc_src.referral VALUES ('R1', 'C1', '2023-06-02', '2023-06-05'),
                                    ('R2', 'C3', '2023-07-03', '2023-07-07');
-- The log is on from the start: a mark where logging began, then every row.
SELECT relation, is_new, row IS NULL AS marker FROM inc_src.cspi_change ORDER BY seq;
SELECT count(*) FROM cspi.deploy('inc_src', 'inc_rep');
SELECT count(*) FROM cspi.deploy('inc_src', 'inc_full');
-- The first refresh after a deploy counts everything.
SELECT cspi.refresh('inc_rep');
SELECT cspi.refresh('inc_full');
SELECT report_schema, last_refresh FROM cspi.deployment WHERE report_schema LIKE 'inc\_%' ORDER BY 1;
SELECT count(*) AS log_entries FROM inc_src.cspi_change;

CREATE FUNCTION pg_temp.differences(a name, b name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM ((SELECT indicator, period_type, period, numerator, denominator, display, status FROM %1$I.indicator_value
                                           EXCEPT ALL SELECT indicator, period_type, period, numerator, denominator, display, status FROM %2$I.indicator_value)
                                          UNION ALL
                                          (SELECT indicator, period_type, period, numerator, denominator, display, status FROM %2$I.indicator_value
                                           EXCEPT ALL SELECT indicator, period_type, period, numerator, denominator, display, status FROM %1$I.indicator_value)) d', a, b)
       INTO n;
    RETURN n;
END $$;

-- A day's casework: R3 for C2 (Tuesday 1 August, completed Wednesday 2
-- August: 1 working day, in time), R2 completed on Tuesday 4 July
-- instead (1: in time), R1 deleted: 2 of 2.  Four entries in the log
-- (R3's new row, R2's old and new rows, R1's old row); children C1, C2 and
-- C3 counted again, and for the family measures their families' children
-- too: the same three (C1 and C2 are family F1, C3 family F2; C4 is not).
INSERT INTO inc_src.referral VALUES ('R3', 'C2', '2023-08-01', '2023-08-02');
UPDATE inc_src.referral SET completed_date = '2023-07-04' WHERE referral_id = 'R2';
DELETE FROM inc_src.referral WHERE referral_id = 'R1';
SELECT cspi.refresh('inc_rep');
SELECT cspi.refresh('inc_full', incremental => false);
SELECT report_schema, last_refresh FROM cspi.deployment WHERE report_schema LIKE 'inc\_%' ORDER BY 1;
SELECT numerator, denominator, display FROM inc_rep.indicator_value WHERE indicator = 'REF_1WD' AND period = '2023/24';
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;
-- What both reports have counted has left the log.
SELECT count(*) AS log_entries FROM inc_src.cspi_change;

-- A child moving family: C3 is counted again, and for the family
-- measures both families' children (C3 to family F1: C1, C2 and C3).
UPDATE inc_src.child SET family_id = 'F1' WHERE child_id = 'C3';
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT cspi.refresh('inc_full', incremental => false);
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;

-- Nothing changed.
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';

-- The date the data is as at follows the changes, and equals what the
-- source says: the latest event is R3's completion on 2 August 2023, with
-- no event after it (infinity).  A referral for 1 May 2099 (a date in the
-- future, outside the report's years) is the next event; deleted again,
-- its old row dated after the latest day makes the refresh read the source
-- (no next event, the latest unchanged).  R2 completed on 2 August too,
-- then R3 deleted: R3 was on the latest day, so the refresh reads the
-- source: R2's 2 August, and no event after it.
SELECT latest_event, next_event, latest_event = cspi.latest_event_date('inc_rep') AS as_source
  FROM cspi.deployment WHERE report_schema = 'inc_rep';
INSERT INTO inc_src.referral VALUES ('R9', 'C4', '2099-05-01', NULL);
SELECT cspi.refresh('inc_rep');
SELECT last_refresh, latest_event, next_event, latest_event = cspi.latest_event_date('inc_rep') AS as_source
  FROM cspi.deployment WHERE report_schema = 'inc_rep';
DELETE FROM inc_src.referral WHERE referral_id = 'R9';
SELECT cspi.refresh('inc_rep');
SELECT latest_event, next_event, latest_event = cspi.latest_event_date('inc_rep') AS as_source
  FROM cspi.deployment WHERE report_schema = 'inc_rep';
UPDATE inc_src.referral SET completed_date = '2023-08-02' WHERE referral_id = 'R2';
DELETE FROM inc_src.referral WHERE referral_id = 'R3';
SELECT cspi.refresh('inc_rep');
SELECT last_refresh, latest_event, next_event, latest_event = cspi.latest_event_date('inc_rep') AS as_source
  FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT cspi.refresh('inc_full', incremental => false);
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;
-- A referral for 1 September 2023, inserted and deleted again between two
-- refreshes: its date is in the log as a new row, but it is gone, so the
-- latest event stays 2 August (a logged old row after the latest day
-- makes the refresh read the source).
INSERT INTO inc_src.referral VALUES ('R10', 'C4', '2023-09-01', NULL);
DELETE FROM inc_src.referral WHERE referral_id = 'R10';
SELECT cspi.refresh('inc_rep');
SELECT latest_event, next_event, latest_event = cspi.latest_event_date('inc_rep') AS as_source
  FROM cspi.deployment WHERE report_schema = 'inc_rep';

-- When it must count everything, it says why.
TRUNCATE inc_src.visit;
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
UPDATE inc_src.population SET children = 1200;
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
-- A referral in 2024/25: the report covers another year.
INSERT INTO inc_src.referral VALUES ('R4', 'C4', '2024-05-01', '2024-05-02');
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
-- Logging stopped and started again: what changed meanwhile is not in the log.
SELECT cspi.track_changes('inc_src', false);
SELECT count(*) AS cspi_triggers FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = 'inc_src'::regnamespace AND t.tgname LIKE 'cspi\_change\_%';
INSERT INTO inc_src.referral VALUES ('R5', 'C4', '2024-06-03', '2024-06-04');
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT cspi.track_changes('inc_src');
SELECT count(*) AS cspi_triggers FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = 'inc_src'::regnamespace AND t.tgname LIKE 'cspi\_change\_%';
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
-- A trigger disabled by hand: not every change is logged.
ALTER TABLE inc_src.assessment DISABLE TRIGGER cspi_change_insert;
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
ALTER TABLE inc_src.assessment ENABLE ALWAYS TRIGGER cspi_change_insert;
-- Asked for.
SELECT cspi.refresh('inc_rep', incremental => false);
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT cspi.refresh('inc_full', incremental => false);
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;
-- A clerk who may only insert referrals: the change is logged (the log
-- function runs as the tables' owner), but the clerk cannot write to the
-- log, or read it.  R6 for C1 (family F1, with C2 and C3): one child, three
-- with the family.
CREATE ROLE inc_clerk;
GRANT USAGE ON SCHEMA inc_src TO inc_clerk;
GRANT INSERT ON inc_src.referral TO inc_clerk;
SET ROLE inc_clerk;
INSERT INTO inc_src.referral VALUES ('R6', 'C1', '2024-07-01', '2024-07-02');
INSERT INTO inc_src.cspi_change (relation, is_new, row) VALUES ('referral', true, '{}');
SELECT count(*) FROM inc_src.cspi_change;
RESET ROLE;
SELECT cspi.refresh('inc_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT cspi.refresh('inc_full', incremental => false);
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;
REVOKE ALL ON SCHEMA inc_src FROM inc_clerk;
REVOKE ALL ON inc_src.referral FROM inc_clerk;
DROP ROLE inc_clerk;

-- The refresh makes no schema or table of its own (the rows before and
-- after are common table expressions of one statement), so a neighbour's
-- schema named as cspi 1.4's development builds named theirs is neither
-- used nor an error, and the schemas are the same after the refresh.
CREATE ROLE inc_neighbour;
DO $$ BEGIN
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION inc_neighbour',
                   (SELECT internal_schema FROM cspi.deployment WHERE report_schema = 'inc_rep') || '_before_children');
END $$;
INSERT INTO inc_src.referral VALUES ('R7', 'C2', '2024-07-08', '2024-07-09');
CREATE TEMP TABLE schemas_before AS SELECT oid FROM pg_namespace;
SELECT cspi.refresh('inc_rep');
SELECT count(*) AS new_schemas FROM pg_namespace WHERE oid NOT IN (SELECT oid FROM schemas_before);
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_rep';
SELECT count(*) AS neighbour_objects FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE pg_get_userbyid(n.nspowner) = 'inc_neighbour';
DO $$ BEGIN
    EXECUTE format('DROP SCHEMA %I', (SELECT internal_schema FROM cspi.deployment WHERE report_schema = 'inc_rep') || '_before_children');
END $$;
DROP ROLE inc_neighbour;
SELECT cspi.refresh('inc_full', incremental => false);
SELECT pg_temp.differences('inc_rep', 'inc_full') AS differences;

-- A source of views: cspi cannot see its changes.
CREATE SCHEMA inc_views;
CREATE VIEW inc_views.child AS SELECT * FROM inc_src.child;
CREATE VIEW inc_views.referral AS SELECT * FROM inc_src.referral;
SELECT count(*) FROM cspi.deploy('inc_views', 'inc_view_rep');
SELECT cspi.refresh('inc_view_rep');
SELECT last_refresh FROM cspi.deployment WHERE report_schema = 'inc_view_rep';

-- Bad arguments.
SELECT cspi.refresh('inc_rep', NULL);
SELECT cspi.track_changes(NULL);
SELECT cspi.track_changes('no_such_schema');
SELECT cspi.simulate_casework('inc_src', 0.9);
-- A role that does not own the tables cannot stop their log.
CREATE ROLE inc_stranger;
SET ROLE inc_stranger;
SELECT cspi.track_changes('inc_src', false);
RESET ROLE;
DROP ROLE inc_stranger;

-- Random casework on a generated council, against a full refresh: a
-- share of every table's rows inserted, updated (dates moved, rows moved
-- to another child, children to another family) and deleted, round after
-- round; rows without a child, reviews moved to another plan, children
-- deleted, reviews without a plan.  Then rounds that change one or two
-- relations only, so that each report object is counted again for a
-- different set of children
-- (those whose rows changed in a relation it depends on): visits; care
-- episodes; dates of birth of children in care; allocations and health
-- assessments; child-protection plans and reviews.
SELECT cspi.create_source_tables('inc_gen');
SELECT sum(row_count) > 0 AS generated FROM cspi.generate_source('inc_gen', 0.2, 5, 2019, 2024);
SELECT count(*) FROM cspi.deploy('inc_gen', 'inc_gen_rep');
SELECT count(*) FROM cspi.deploy('inc_gen', 'inc_gen_full');
SELECT cspi.refresh('inc_gen_rep');
SELECT cspi.refresh('inc_gen_full');
CREATE TEMP TABLE rounds (round integer, how text, differences bigint);
DO $$
BEGIN
    FOR r IN 1..11 LOOP
        IF r <= 6 THEN
            PERFORM cspi.simulate_casework('inc_gen', CASE WHEN r % 2 = 1 THEN 0.01 ELSE 0.002 END, r);
        END IF;
        IF r = 2 THEN
            UPDATE inc_gen.referral SET child_id = NULL
             WHERE referral_id IN (SELECT referral_id FROM inc_gen.referral ORDER BY referral_id LIMIT 3);
        ELSIF r = 3 THEN
            UPDATE inc_gen.cp_review SET plan_id = (SELECT min(plan_id) FROM inc_gen.cp_plan)
             WHERE review_id IN (SELECT review_id FROM inc_gen.cp_review ORDER BY review_id DESC LIMIT 4);
        ELSIF r = 4 THEN
            DELETE FROM inc_gen.child WHERE child_id IN (SELECT child_id FROM inc_gen.child ORDER BY child_id DESC LIMIT 5);
        ELSIF r = 5 THEN
            UPDATE inc_gen.cp_review SET plan_id = NULL
             WHERE review_id IN (SELECT review_id FROM inc_gen.cp_review ORDER BY review_id LIMIT 2);
        ELSIF r = 7 THEN
            UPDATE inc_gen.visit SET visit_date = visit_date - 9
             WHERE visit_id IN (SELECT visit_id FROM inc_gen.visit WHERE visit_date BETWEEN '2020-06-01' AND '2023-06-01'
                                 ORDER BY md5(visit_id) LIMIT 40);
            DELETE FROM inc_gen.visit
             WHERE visit_id IN (SELECT visit_id FROM inc_gen.visit WHERE visit_date BETWEEN '2020-06-01' AND '2023-06-01'
                                 ORDER BY md5(visit_id) DESC LIMIT 10);
        ELSIF r = 8 THEN
            UPDATE inc_gen.cla_episode SET end_date = end_date + 45
             WHERE episode_id IN (SELECT episode_id FROM inc_gen.cla_episode WHERE end_date BETWEEN '2020-06-01' AND '2023-06-01'
                                   ORDER BY md5(episode_id) LIMIT 15);
            UPDATE inc_gen.cla_episode SET start_date = start_date - 20
             WHERE episode_id IN (SELECT episode_id FROM inc_gen.cla_episode WHERE start_date BETWEEN '2020-06-01' AND '2023-06-01'
                                   ORDER BY md5(episode_id) DESC LIMIT 15);
        ELSIF r = 9 THEN
            UPDATE inc_gen.child SET date_of_birth = date_of_birth - 700
             WHERE child_id IN (SELECT child_id FROM inc_gen.cla_episode ORDER BY md5(episode_id) LIMIT 20);
        ELSIF r = 10 THEN
            UPDATE inc_gen.allocation SET qualified_social_worker = NOT qualified_social_worker
             WHERE child_id IN (SELECT child_id FROM inc_gen.cla_episode ORDER BY md5(episode_id) DESC LIMIT 20);
            UPDATE inc_gen.health_assessment SET completed_date = completed_date + 60
             WHERE completed_date BETWEEN '2020-06-01' AND '2023-06-01'
               AND child_id IN (SELECT child_id FROM inc_gen.cla_episode ORDER BY md5(episode_id) LIMIT 30);
        ELSIF r = 11 THEN
            UPDATE inc_gen.cp_plan SET end_date = end_date + 100
             WHERE plan_id IN (SELECT plan_id FROM inc_gen.cp_plan WHERE end_date BETWEEN '2020-06-01' AND '2023-06-01'
                                ORDER BY md5(plan_id) LIMIT 10);
            UPDATE inc_gen.cp_review SET review_date = review_date + 30
             WHERE review_id IN (SELECT review_id FROM inc_gen.cp_review WHERE review_date BETWEEN '2020-06-01' AND '2023-06-01'
                                  ORDER BY md5(review_id) LIMIT 10);
        END IF;
        PERFORM cspi.refresh('inc_gen_rep');
        PERFORM cspi.refresh('inc_gen_full', incremental => false);
        INSERT INTO rounds
        SELECT r, regexp_replace(d.last_refresh, '[0-9]+', 'N', 'g'), pg_temp.differences('inc_gen_rep', 'inc_gen_full')
          FROM cspi.deployment d WHERE d.report_schema = 'inc_gen_rep';
    END LOOP;
END
$$;
SELECT * FROM rounds ORDER BY round;

DO $$
DECLARE d record;
BEGIN
    FOR d IN SELECT * FROM cspi.deployment WHERE report_schema LIKE 'inc\_%' LOOP
        EXECUTE format('DROP SCHEMA %I, %I CASCADE', d.report_schema, d.internal_schema);
        DELETE FROM cspi.deployment WHERE report_schema = d.report_schema;
    END LOOP;
END
$$;
DROP SCHEMA inc_src, inc_views, inc_gen CASCADE;
