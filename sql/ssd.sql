-- The Standard Safeguarding Dataset as a source (cspi.source_from_ssd):
-- hand-worked SSD tables in the spellings of both builds, SystemC's
-- (descriptions, 1900-01-01, SSD_PH, clar_cla_person_id) and Eclipse's
-- (codes, its own placement names, DQ, CNHE, ??, no person on a
-- looked-after review, no plan on a review of an open plan), read as the
-- data contract's relations; what could not be mapped; the inferences
-- switched off; what deploy() says is unavailable, and why.
SET client_min_messages = warning;
-- SSD's empty tables, made by exporting an empty source.
SELECT cspi.create_source_tables('ssd_nothing');
SELECT count(*) AS tables, sum(rows) AS rows FROM cspi.export_ssd('ssd_nothing', 'ssd_systemc');
SELECT count(*) AS tables FROM cspi.export_ssd('ssd_nothing', 'ssd_eclipse');
-- The Eclipse build's looked-after reviews have no person column; its CP
-- reviews may have no id (here a council's copy without the key).
ALTER TABLE ssd_eclipse.ssd_cla_reviews DROP COLUMN clar_cla_person_id;
ALTER TABLE ssd_eclipse.ssd_cp_reviews DROP CONSTRAINT ssd_cp_reviews_pkey, ALTER COLUMN cppr_cp_review_id DROP NOT NULL;

-- SystemC: child S1 (female, White British) looked after from 2 May 2023
-- on an interim care order, then a full care order from 11 September
-- (a new episode, changing legal status only, the first ending X1, all
-- written as descriptions); child S2 on a short break (regular occasional
-- accommodation: V3) from 1 June 2023 to 3 June, then under "Wardship",
-- which the map lacks.
INSERT INTO ssd_systemc.ssd_person (pers_person_id, pers_sex, pers_ethnicity, pers_dob, pers_upn) VALUES
    ('S1', 'F', 'WBRI', '2010-05-01', 'A123456789012'), ('S2', 'M', 'WIRI', '2009-02-11 00:00', NULL);
INSERT INTO ssd_systemc.ssd_family VALUES ('F1/S1', 'F1', 'S1'), ('F9/S1', 'F9', 'S1'), ('F2/S2', 'F2', 'S2');
INSERT INTO ssd_systemc.ssd_disability VALUES ('d1', 'S1', 'NONE'), ('d2', 'S2', 'NONE'), ('d3', 'S2', 'AUT');
INSERT INTO ssd_systemc.ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_placement_id, clae_cla_episode_start_date,
                                          clae_cla_episode_start_reason, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason, clae_cla_id) VALUES
    ('E1', 'S1', 'PL1', '2023-05-02', 'Started to be looked after', '2023-09-11',
     'Episode ceases, and new episode begins on same day, for any reason', 'C1'),
    ('E2', 'S1', 'PL1', '2023-09-11', 'Change of legal status only', NULL, NULL, 'C1'),
    ('E3', 'S2', 'PL3', '2023-06-01', 'Started to be looked after', '2023-06-03', 'Period of being looked-after ceased for any other reason', 'C3'),
    ('E4', 'S2', 'PL3', '2023-07-01', 'Started to be looked after', NULL, NULL, 'C4');
INSERT INTO ssd_systemc.ssd_legal_status VALUES
    ('L1', 'S1', 'Interim care order Sec. 38(1)', '2023-05-02', '2023-09-11'),
    ('L2', 'S1', 'Care Order Sec. 31(a)', '2023-09-11', NULL),
    ('L3', 'S2', 'Regular occ. acc by LA S20(3) CA 16 & over', '2023-06-01', '2023-06-03'),
    ('L4', 'S2', 'Wardship', '2023-07-01', NULL);
INSERT INTO ssd_systemc.ssd_cla_placement (clap_cla_placement_id, clap_person_id, clap_cla_placement_start_date, clap_cla_placement_type,
                                           clap_cla_placement_distance, clap_cla_placement_provider) VALUES
    ('PL1', 'S1', '2023-05-02', 'U4', 999.9, 'PR1'), ('PL3', 'S2', '2023-06-01', 'K2', 25.5, 'PR4');
-- An assessment not authorised (SystemC's 1900-01-01) and one authorised.
INSERT INTO ssd_systemc.ssd_cin_assessments (cina_assessment_id, cina_person_id, cina_assessment_start_date, cina_assessment_auth_date) VALUES
    ('A1', 'S1', '2023-04-03', '1900-01-01'), ('A2', 'S2', '2023-04-03', '2023-05-30 16:20');
-- Reviews: held, and cancelled (left out).
INSERT INTO ssd_systemc.ssd_cla_reviews (clar_cla_review_id, clar_cla_id, clar_cla_review_date, clar_cla_review_cancelled, clar_cla_person_id) VALUES
    ('R1', 'C1', '2023-06-01', 'N', 'S1'), ('R2', 'C1', '2023-06-02', 'Y', 'S1');
-- Involvements: a registered case worker, an unregistered one, an IRO
-- (a role the map lacks: no allocation, listed).
INSERT INTO ssd_systemc.ssd_involvements (invo_involvements_id, invo_professional_id, invo_professional_role_id, invo_professional_team,
                                          invo_person_id, invo_involvement_start_date, invo_involvement_end_date) VALUES
    ('I1', 'W1', 'CW', 'T1', 'S1', '2023-05-02', NULL), ('I2', 'W2', 'CW', 'T9', 'S2', '2023-06-01', NULL),
    ('I3', 'W3', 'IRO', 'T1', 'S1', '2023-05-02', NULL);
INSERT INTO ssd_systemc.ssd_professionals (prof_professional_id, prof_social_worker_registration_no) VALUES
    ('W1', 'SW123456'), ('W2', NULL), ('W3', 'SW654321');
INSERT INTO ssd_systemc.ssd_department (dept_team_id, dept_team_name) VALUES ('T1', 'North CIC team');
-- Early help whose organisation is a code the map does not know.
INSERT INTO ssd_systemc.ssd_early_help_episodes (earl_episode_id, earl_person_id, earl_episode_start_date, earl_episode_organisation, earl_episode_worker_id) VALUES
    ('EH1', 'S2', '2023-04-01', 'ORG42', 'SSD_PH');
-- Care leavers: SystemC's descriptions for suitability; an activity the
-- map lacks.
INSERT INTO ssd_systemc.ssd_care_leavers (clea_table_id, clea_person_id, clea_care_leaver_in_touch, clea_care_leaver_latest_contact,
                                          clea_care_leaver_accom_suitable, clea_care_leaver_activity) VALUES
    ('CL1', 'S2', 'YES', '2024-02-11', 'Suitable', 'F4'),
    ('CL2', 'S1', 'NO', '2024-03-01', 'Not Suitable', 'Full time employment');

-- Eclipse: child E1 (sex U, Eclipse's CNHE for Chinese) looked after from
-- 8 January 2024 with relatives (Eclipse's REL, U1), moved on 1 February
-- to a placement Eclipse could not code (DQ); an unaccompanied asylum
-- seeker from 1 January 2024.  Child E2 (Eclipse's ?? ethnicity) on a
-- child protection plan from 1 November 2023, reviewed on 15 January
-- 2024 with no plan id (inferred), and "reviewed" on 1 October 2023,
-- before any plan (no plan: listed).
INSERT INTO ssd_eclipse.ssd_person (pers_person_id, pers_sex, pers_ethnicity, pers_dob) VALUES
    ('E1', 'U', 'CNHE', '2008-03-10'), ('E2', 'F', '??', '2015-07-21');
INSERT INTO ssd_eclipse.ssd_immigration_status (immi_immigration_status_id, immi_person_id, immi_immigration_status,
                                                immi_immigration_status_start_date) VALUES
    ('IM1', 'E1', 'Unaccompanied Asylum Seeking Child', '2024-01-01');
INSERT INTO ssd_eclipse.ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_placement_id, clae_cla_episode_start_date,
                                          clae_cla_episode_start_reason, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason, clae_cla_id) VALUES
    ('X1', 'E1', 'P1', '2024-01-08', 'S', '2024-02-01', 'X1', 'K1'),
    ('X2', 'E1', 'P2', '2024-02-01', 'P', NULL, NULL, 'K1');
INSERT INTO ssd_eclipse.ssd_legal_status VALUES ('LS1', 'E1', 'V2', '2024-01-08', NULL);
INSERT INTO ssd_eclipse.ssd_cla_placement (clap_cla_placement_id, clap_person_id, clap_cla_placement_start_date, clap_cla_placement_type,
                                           clap_cla_placement_distance) VALUES
    ('P1', 'E1', '2024-01-08', 'REL', 3.2), ('P2', 'E1', '2024-02-01', 'DQ', 41);
INSERT INTO ssd_eclipse.ssd_cla_reviews (clar_cla_review_id, clar_cla_id, clar_cla_review_date, clar_cla_review_cancelled) VALUES
    ('RV1', 'K1', '2024-02-05', 'N'), ('RV2', 'K7', '2024-02-06', 'N');
INSERT INTO ssd_eclipse.ssd_cp_plans (cppl_cp_plan_id, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_initial_category) VALUES
    ('CP1', 'E2', '2023-11-01', 'Neglect');
INSERT INTO ssd_eclipse.ssd_cp_reviews (cppr_cp_review_id, cppr_person_id, cppr_cp_plan_id, cppr_cp_review_date, cppr_cp_review_meeting_id) VALUES
    (NULL::text, 'E2', NULL, '2024-01-15', 'M1'), ('CR2', 'E2', NULL, '2023-10-01', 'M2');
INSERT INTO ssd_eclipse.ssd_cla_health VALUES
    ('H1', 'E1', 'Health check', '2024-01-20', 'COMPLETE'), ('H2', 'E1', 'Dental Check', '2024-01-22', 'Complete'),
    ('H3', 'E1', 'Optician check', '2024-01-23', 'Complete'), ('H4', 'E1', 'Health check', '2024-03-01', 'Refused');
INSERT INTO ssd_eclipse.ssd_early_help_episodes (earl_episode_id, earl_person_id, earl_episode_start_date, earl_episode_organisation) VALUES
    ('EH1', 'E2', '2023-09-01', 'Internal');
INSERT INTO ssd_eclipse.ssd_family VALUES ('F5/E2', 'F5', 'E2');

SELECT cspi.source_from_ssd('src_systemc', 'ssd_systemc');
SELECT cspi.source_from_ssd('src_eclipse', 'ssd_eclipse');

-- The child: S1's first family (F1 before F9), a disability code over
-- NONE, CNHE read as CHNE and ?? as not known.
SELECT * FROM src_systemc.child UNION ALL SELECT * FROM src_eclipse.child ORDER BY child_id;
-- Episodes: the descriptions read as codes (S, L, X1; C1, C2, V3), the
-- legal status in force on the episode's first day (S1's second episode
-- starts the day L1 ends and L2 starts: L2), 999.9 miles as not known;
-- Wardship as given; Eclipse's REL as U1 and DQ as not known; E1 a UASC.
SELECT episode_id, child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
       distance_miles, uasc, placement_provider
  FROM src_systemc.cla_episode UNION ALL
SELECT episode_id, child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
       distance_miles, uasc, placement_provider
  FROM src_eclipse.cla_episode ORDER BY episode_id;
-- 1900-01-01 is not authorised.
SELECT * FROM src_systemc.assessment ORDER BY assessment_id;
-- Reviews: the cancelled one left out; Eclipse's child from its period of
-- care (K1: E1; K7: none).
SELECT * FROM src_systemc.cla_review UNION ALL SELECT * FROM src_eclipse.cla_review ORDER BY review_id;
-- CP reviews: the id from the meeting when the review has none; the plan
-- open on the day.
SELECT * FROM src_eclipse.cp_review ORDER BY review_date;
-- Allocations of case workers only; W1 registered, W2 not; a team with no
-- department row keeps its id.
SELECT * FROM src_systemc.allocation ORDER BY worker_id;
-- Completed health and dental checks only, as review assessments.
SELECT * FROM src_eclipse.health_assessment ORDER BY completed_date;
SELECT * FROM src_systemc.care_leaver ORDER BY child_id;
SELECT * FROM src_eclipse.family_support;
-- What each could not give, and why.
SELECT * FROM src_systemc.source_gap ORDER BY item;
SELECT item FROM src_eclipse.source_gap ORDER BY item;
-- What could not be mapped.
SELECT * FROM src_systemc.data_quality ORDER BY ssd_table, row_id, column_name;
SELECT * FROM src_eclipse.data_quality ORDER BY ssd_table, row_id, column_name;

-- A council maps its own spellings: Wardship read as a full care order,
-- ORG42 as the council's own early help team.
INSERT INTO cspi.ssd_code_map (item, value, code) VALUES
    ('legal_status', 'Wardship', 'C2'), ('early_help_provider', ' org42 ', 'INTERNAL');
SELECT cspi.source_from_ssd('src_systemc', 'ssd_systemc');
SELECT episode_id, legal_status FROM src_systemc.cla_episode WHERE episode_id = 'E4';
SELECT * FROM src_systemc.family_support;
SELECT count(*) AS still_unmapped FROM src_systemc.data_quality;

-- Deployed: what SSD cannot give is unavailable with SSD's reason.
SELECT count(*) FROM cspi.deploy('src_eclipse', 'ssd_report');
SELECT indicator, reason FROM ssd_report.indicator_availability WHERE NOT available ORDER BY indicator;
-- Hand-worked: at the end of March 2024 E1 is in care (V2, not a short
-- break), a UASC; one child started in 2023/24, a UASC; one CP plan open;
-- RV1 (20 working days after E1 came into care) in time, RV2 (no child) not.
SELECT indicator, numerator, denominator FROM ssd_report.indicator_value
 WHERE period = '2023/24' AND indicator IN ('CIC_OPEN', 'CIC_UASC', 'CIC_STARTED', 'CIC_STARTED_UASC', 'CP_OPEN', 'CIC_REVIEW_TIMELY')
 ORDER BY indicator;
-- The report's own data quality: the review with no child and the CP
-- review with no plan.
SELECT relation, row_id, problem FROM ssd_report.data_quality ORDER BY relation, row_id, problem;

-- The inferences switched off: what they give is left out, and why.
SELECT cspi.source_from_ssd('src_none', 'ssd_eclipse', '{}');
SELECT * FROM src_none.source_gap WHERE reason LIKE '%switched off%' ORDER BY item;
SELECT * FROM src_none.cla_review ORDER BY review_id;
SELECT * FROM src_none.cp_review ORDER BY review_date;
SELECT count(*) FROM cspi.deploy('src_none', 'ssd_none_report');
SELECT indicator, reason FROM ssd_none_report.indicator_availability
 WHERE NOT available AND reason LIKE '%switched off%' ORDER BY indicator;
SELECT inference FROM cspi.ssd_inferences();

-- Errors.  A hostile neighbour: an SSD table (or a source relation)
-- of a council role, read by a superuser, whose policies or functions
-- would run with the superuser's rights.
CREATE ROLE regress_ssd_council;
CREATE SCHEMA ssd_theirs AUTHORIZATION regress_ssd_council;
SET ROLE regress_ssd_council;
CREATE TABLE ssd_theirs.ssd_person (pers_person_id varchar(48));
RESET ROLE;
SELECT cspi.source_from_ssd('src_x', 'ssd_theirs');
SELECT cspi.export_ssd('ssd_nothing', 'ssd_theirs');
ALTER TABLE ssd_theirs.ssd_person RENAME TO child;
SELECT cspi.export_ssd('ssd_theirs', 'ssd_x');
DROP SCHEMA ssd_theirs CASCADE;
DROP ROLE regress_ssd_council;
SELECT cspi.source_from_ssd('src_x', 'ssd_eclipse', '{uasc,guesswork}');
SELECT cspi.source_from_ssd('src_x', 'no_such_schema');
SELECT cspi.source_from_ssd('src_x', 'ssd_nothing');
SELECT cspi.source_from_ssd('ssd_eclipse', 'ssd_eclipse');
SELECT cspi.export_ssd('ssd_nothing', 'ssd_systemc');
SELECT cspi.export_ssd('no_such_schema', 'ssd_x');
-- The map's keys: matched ignoring case and spaces, one row per key.
INSERT INTO cspi.ssd_code_map (item, value, code) VALUES ('legal_status', 'WARDSHIP ', 'C1');
SELECT cspi.ssd_code('legal_status', '  care order sec. 31(A) '), cspi.ssd_code('placement', 'dq'),
       cspi.ssd_code('placement', 'Q9'), cspi.ssd_code('sex', 'SSD_PH'), cspi.ssd_code('sex', NULL),
       cspi.ssd_id(' SSD_PH '), cspi.ssd_id('-1'), cspi.ssd_id(' 42 '), cspi.ssd_date('1900-01-01'), cspi.ssd_date('2024-01-01');

-- As the council's own reporting role, not a superuser: its SSD, its
-- views, its report.  The map is the extension owner's: the role reads it.
CREATE ROLE regress_ssd_analyst NOLOGIN;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO regress_ssd_analyst', current_database()); END $$;
SET ROLE regress_ssd_analyst;
SELECT cspi.create_source_tables('an_empty');
SELECT count(*) AS tables FROM cspi.export_ssd('an_empty', 'an_ssd');
INSERT INTO an_ssd.ssd_person (pers_person_id, pers_dob) VALUES ('A1', '2012-01-01');
INSERT INTO an_ssd.ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_placement_id, clae_cla_episode_start_date,
                                     clae_cla_episode_start_reason) VALUES ('AE1', 'A1', 'AP1', '2023-10-02', 'Started to be looked after');
INSERT INTO an_ssd.ssd_legal_status VALUES ('AL1', 'A1', 'Care Order Sec. 31(a)', '2023-10-02', NULL);
INSERT INTO an_ssd.ssd_cla_placement (clap_cla_placement_id, clap_cla_placement_type) VALUES ('AP1', 'U4');
SELECT cspi.source_from_ssd('an_source', 'an_ssd');
SELECT count(*) FILTER (WHERE available) AS available FROM cspi.deploy('an_source', 'an_report');
SELECT indicator, numerator FROM an_report.indicator_value WHERE period = '2023/24' AND indicator IN ('CIC_OPEN', 'CIC_STARTED') ORDER BY 1;
INSERT INTO cspi.ssd_code_map (item, value, code) VALUES ('legal_status', 'Ward of court', 'C2');
RESET ROLE;
SELECT internal_schema AS an_internal FROM cspi.deployment WHERE report_schema = 'an_report' \gset
DELETE FROM cspi.deployment WHERE report_schema = 'an_report';
DROP SCHEMA :"an_internal", an_report, an_source, an_ssd, an_empty CASCADE;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM regress_ssd_analyst', current_database()); END $$;
DROP ROLE regress_ssd_analyst;

DROP SCHEMA ssd_report, ssd_none_report, src_systemc, src_eclipse, src_none, ssd_systemc, ssd_eclipse, ssd_nothing CASCADE;
DELETE FROM cspi.ssd_code_map WHERE NOT shipped;
RESET client_min_messages;
