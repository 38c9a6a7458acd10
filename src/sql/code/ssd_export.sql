--------------------------------------------------------------------------
-- A council's source written out as the Standard Safeguarding Dataset
--------------------------------------------------------------------------
-- cspi.export_ssd() writes the data contract's relations into SSD's tables,
-- with the names and types of SSD's PostgreSQL (Eclipse) build, v1.4.4
-- (and SystemC's clar_cla_person_id, which makes a review's child
-- certain): so that a council without SSD can produce it, and so that
-- cspi.source_from_ssd() can be tested by a round trip (test/ssd/).  Codes
-- are written as the DfE's codes (as the Eclipse build writes most of
-- them).  What SSD has no column for is lost: a referral's completion,
-- visits' and health assessments' due dates, health assessments not done,
-- the kind of a health assessment, when a return interview was offered
-- and whether a child missing is another authority's, contact outcomes
-- other than referral and no further action, the population.  doc/ssd.md
-- lists each table's columns and what fills them.

-- The SSD tables export_ssd makes and fills, in SSD's column order, with
-- the PostgreSQL build's types.
CREATE OR REPLACE FUNCTION cspi_internal.ssd_tables() RETURNS TABLE (ssd_table text, columns text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT * FROM (VALUES
        ('ssd_person', 'pers_legacy_id varchar(48), pers_person_id varchar(48) PRIMARY KEY, pers_upn varchar(13), pers_forename varchar(100), pers_surname varchar(255), pers_sex varchar(20), pers_gender varchar(10), pers_ethnicity varchar(48), pers_dob timestamp, pers_single_unique_id varchar(48), pers_upn_unknown varchar(6), pers_send_flag char(5), pers_expected_dob timestamp, pers_death_date timestamp, pers_is_mother char(1), pers_nationality varchar(48)'),
        ('ssd_family', 'fami_table_id varchar(48) PRIMARY KEY, fami_family_id varchar(48), fami_person_id varchar(48)'),
        ('ssd_disability', 'disa_table_id varchar(48) PRIMARY KEY, disa_person_id varchar(48) NOT NULL, disa_disability_code varchar(48) NOT NULL'),
        ('ssd_immigration_status', 'immi_immigration_status_id varchar(48) PRIMARY KEY, immi_person_id varchar(48), immi_immigration_status_start_date timestamp, immi_immigration_status_end_date timestamp, immi_immigration_status varchar(100)'),
        ('ssd_cin_episodes', 'cine_referral_id varchar(48) PRIMARY KEY, cine_person_id varchar(48), cine_referral_date timestamp, cine_cin_primary_need_code varchar(3), cine_referral_source_code varchar(48), cine_referral_source_desc varchar(255), cine_referral_outcome_json varchar(4000), cine_referral_nfa char(1), cine_close_reason varchar(100), cine_close_date timestamp, cine_referral_team varchar(48), cine_referral_worker_id varchar(100)'),
        ('ssd_contacts', 'cont_contact_id varchar(48) PRIMARY KEY, cont_person_id varchar(48), cont_contact_date timestamp, cont_contact_source_code varchar(48), cont_contact_source_desc varchar(255), cont_contact_outcome_json varchar(4000)'),
        ('ssd_cin_plans', 'cinp_cin_plan_id varchar(48) PRIMARY KEY, cinp_referral_id varchar(48), cinp_person_id varchar(48), cinp_cin_plan_start_date timestamp, cinp_cin_plan_end_date timestamp, cinp_cin_plan_team varchar(48), cinp_cin_plan_worker_id varchar(100)'),
        ('ssd_cin_assessments', 'cina_assessment_id varchar(48) PRIMARY KEY, cina_person_id varchar(48), cina_referral_id varchar(48), cina_assessment_start_date timestamp, cina_assessment_child_seen char(1), cina_assessment_auth_date timestamp, cina_assessment_outcome_json varchar(1000), cina_assessment_outcome_nfa char(1), cina_assessment_team varchar(48), cina_assessment_worker_id varchar(100)'),
        ('ssd_s47_enquiry', 's47e_s47_enquiry_id varchar(48) PRIMARY KEY, s47e_referral_id varchar(48), s47e_person_id varchar(48), s47e_s47_start_date timestamp, s47e_s47_end_date timestamp, s47e_s47_nfa char(1), s47e_s47_outcome_json varchar(1000), s47e_s47_completed_by_team varchar(48), s47e_s47_completed_by_worker_id varchar(100)'),
        ('ssd_initial_cp_conference', 'icpc_icpc_id varchar(48) PRIMARY KEY, icpc_icpc_meeting_id varchar(48), icpc_s47_enquiry_id varchar(48), icpc_person_id varchar(48), icpc_cp_plan_id varchar(48), icpc_referral_id varchar(48), icpc_icpc_transfer_in char(1), icpc_icpc_target_date timestamp, icpc_icpc_date timestamp, icpc_icpc_outcome_cp_flag char(1), icpc_icpc_outcome_json varchar(1000), icpc_icpc_team varchar(48), icpc_icpc_worker_id varchar(100)'),
        ('ssd_cp_plans', 'cppl_cp_plan_id varchar(48) PRIMARY KEY, cppl_referral_id varchar(48), cppl_icpc_id varchar(48), cppl_person_id varchar(48), cppl_cp_plan_start_date timestamp, cppl_cp_plan_end_date timestamp, cppl_cp_plan_ola char(1), cppl_cp_plan_initial_category varchar(100), cppl_cp_plan_latest_category varchar(100)'),
        ('ssd_cp_reviews', 'cppr_cp_review_id varchar(48) PRIMARY KEY, cppr_person_id varchar(48), cppr_cp_plan_id varchar(48), cppr_cp_review_due timestamp, cppr_cp_review_date timestamp, cppr_cp_review_meeting_id varchar(48), cppr_cp_review_outcome_continue_cp char(1), cppr_cp_review_quorate varchar(100), cppr_cp_review_participation varchar(100)'),
        ('ssd_cp_visits', 'cppv_cp_visit_id varchar(48) PRIMARY KEY, cppv_person_id varchar(48), cppv_cp_plan_id varchar(48), cppv_cp_visit_date timestamp, cppv_cp_visit_seen char(1), cppv_cp_visit_seen_alone char(1), cppv_cp_visit_bedroom char(1)'),
        ('ssd_cla_episodes', 'clae_cla_episode_id varchar(48) PRIMARY KEY, clae_person_id varchar(48), clae_cla_placement_id varchar(48), clae_cla_episode_start_date timestamp, clae_cla_episode_start_reason varchar(100), clae_cla_primary_need_code varchar(3), clae_cla_episode_ceased_date timestamp, clae_cla_episode_ceased_reason varchar(255), clae_cla_id varchar(48), clae_referral_id varchar(48), clae_cla_last_iro_contact_date timestamp, clae_entered_care_date timestamp'),
        ('ssd_legal_status', 'lega_legal_status_id varchar(48) PRIMARY KEY, lega_person_id varchar(48), lega_legal_status varchar(100), lega_legal_status_start_date timestamp, lega_legal_status_end_date timestamp'),
        ('ssd_cla_placement', 'clap_cla_placement_id varchar(48) PRIMARY KEY, clap_cla_id varchar(48), clap_person_id varchar(48), clap_cla_placement_start_date timestamp, clap_cla_placement_type varchar(100), clap_cla_placement_urn varchar(48), clap_cla_placement_distance double precision, clap_cla_placement_provider varchar(48), clap_cla_placement_postcode varchar(8), clap_cla_placement_end_date timestamp, clap_cla_placement_change_reason varchar(100)'),
        ('ssd_cla_reviews', 'clar_cla_review_id varchar(48) PRIMARY KEY, clar_cla_id varchar(48), clar_cla_review_due_date timestamp, clar_cla_review_date timestamp, clar_cla_review_cancelled char(1), clar_cla_review_participation varchar(100), clar_cla_person_id varchar(48)'),
        ('ssd_cla_visits', 'clav_cla_visit_id varchar(48) PRIMARY KEY, clav_cla_id varchar(48), clav_person_id varchar(48), clav_cla_visit_date timestamp, clav_cla_visit_seen char(1), clav_cla_visit_seen_alone char(1)'),
        ('ssd_cla_health', 'clah_health_check_id varchar(48) PRIMARY KEY, clah_person_id varchar(48), clah_health_check_type varchar(500), clah_health_check_date timestamp, clah_health_check_status varchar(48)'),
        ('ssd_missing', 'miss_table_id varchar(48) PRIMARY KEY, miss_person_id varchar(48), miss_missing_episode_start_date timestamp, miss_missing_episode_type varchar(100), miss_missing_episode_end_date timestamp, miss_missing_rhi_offered varchar(2), miss_missing_rhi_accepted varchar(2)'),
        ('ssd_care_leavers', 'clea_table_id varchar(48) PRIMARY KEY, clea_person_id varchar(48), clea_care_leaver_eligibility varchar(100), clea_care_leaver_in_touch varchar(100), clea_care_leaver_latest_contact timestamp, clea_care_leaver_accommodation varchar(100), clea_care_leaver_accom_suitable varchar(100), clea_care_leaver_activity varchar(100), clea_pathway_plan_review_date timestamp, clea_care_leaver_personal_advisor varchar(100), clea_care_leaver_allocated_team varchar(48), clea_care_leaver_worker_id varchar(100)'),
        ('ssd_early_help_episodes', 'earl_episode_id varchar(48) PRIMARY KEY, earl_person_id varchar(48), earl_episode_start_date timestamp, earl_episode_end_date timestamp, earl_episode_reason text, earl_episode_end_reason text, earl_episode_organisation text, earl_episode_worker_id varchar(100)'),
        ('ssd_involvements', 'invo_involvements_id varchar(48) PRIMARY KEY, invo_professional_id varchar(48), invo_professional_role_id varchar(200), invo_professional_team varchar(48), invo_person_id varchar(48), invo_involvement_start_date timestamp, invo_involvement_end_date timestamp, invo_worker_change_reason varchar(200), invo_referral_id varchar(48)'),
        ('ssd_professionals', 'prof_professional_id varchar(48) PRIMARY KEY, prof_staff_id varchar(48), prof_professional_name varchar(300), prof_social_worker_registration_no varchar(48), prof_agency_worker_flag char(1), prof_professional_job_title varchar(500), prof_professional_caseload integer, prof_professional_department varchar(100), prof_full_time_equivalency double precision'),
        ('ssd_department', 'dept_team_id varchar(48) PRIMARY KEY, dept_team_name varchar(255), dept_team_parent_id varchar(48), dept_team_parent_name varchar(255)')
    ) AS v(ssd_table, columns);
    END;
COMMENT ON FUNCTION cspi_internal.ssd_tables() IS
'The tables of the Standard Safeguarding Dataset that cspi.export_ssd makes and fills: each one''s columns with the types of SSD''s PostgreSQL build (v1.4.4), and SystemC''s clar_cla_person_id.';

-- A source relation read as the data contract reads it (ids as text,
-- codes upper-case and trimmed, NULL flags false; NULL for an optional
-- column it lacks), or no rows with the contract's columns when the source
-- lacks the relation.
CREATE OR REPLACE FUNCTION cspi_internal.source_as_contract(source_schema name, relation text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT CASE WHEN to_regclass(format('%I.%I', source_schema, relation)) IS NOT NULL
                THEN format('(SELECT %s FROM %I.%I)', cspi_internal.source_select_list(source_schema, relation), source_schema, relation)
                ELSE format('(SELECT %s WHERE false)',
                            (SELECT string_agg(format('NULL::%s AS %I', cspi_internal.contract_type(c.kind), c.column_name), ', ' ORDER BY c.position)
                               FROM cspi.contract_column c WHERE c.relation = source_as_contract.relation)) END;
    END;
COMMENT ON FUNCTION cspi_internal.source_as_contract(name, text) IS
'A subquery reading source_schema.relation as its src_ view would (cspi_internal.source_select_list), or an empty one with the contract''s columns when the source lacks the relation.';

CREATE OR REPLACE FUNCTION cspi.export_ssd(source_schema name, ssd_schema name) RETURNS TABLE (ssd_table text, rows bigint)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    t record;
    fill jsonb := '{}';
    src text;
    cols text;
    vals text;
    n bigint;
    -- @name@ in the fills below: the source relation, read as the contract reads it.
    names constant text[] := ARRAY['child', 'referral', 'cin_episode', 'contact', 'cin_plan', 'assessment', 's47_enquiry',
                                   'cp_plan', 'cp_review', 'visit', 'cla_episode', 'cla_review', 'health_assessment',
                                   'missing_episode', 'care_leaver', 'family_support', 'allocation'];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', source_schema USING ERRCODE = 'invalid_schema_name';
    END IF;
    IF source_schema = ssd_schema THEN
        RAISE EXCEPTION 'the SSD schema must not be the source schema "%"', source_schema
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM cspi_internal.check_relation_owners(source_schema, names, 'cspi.export_ssd');
    PERFORM cspi_internal.check_relation_owners(ssd_schema, ARRAY(SELECT x.ssd_table FROM cspi_internal.ssd_tables() x),
                                                'cspi.export_ssd');
    -- What fills each table: a query whose columns are named as SSD's.
    -- A child's sex is written M, F or U; disability as its code (DDA for
    -- a disabled child with no code, NONE for none).  A period of care is
    -- numbered within its child; an episode's legal status and placement
    -- are one row each with the episode's id and dates.
    fill := jsonb_build_object(
        'ssd_person', $q$SELECT c.child_id AS pers_person_id, c.upn AS pers_upn,
                            CASE c.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' WHEN '9' THEN 'U' WHEN 'MALE' THEN 'M'
                                       WHEN 'FEMALE' THEN 'F' WHEN '0' THEN NULL ELSE c.sex END AS pers_sex,
                            c.ethnicity AS pers_ethnicity, c.date_of_birth AS pers_dob
                       FROM @child@ c WHERE c.child_id IS NOT NULL$q$,
        'ssd_family', $q$SELECT c.family_id || '/' || c.child_id AS fami_table_id, c.family_id AS fami_family_id, c.child_id AS fami_person_id
                       FROM @child@ c WHERE c.child_id IS NOT NULL AND c.family_id IS NOT NULL$q$,
        'ssd_disability', $q$SELECT c.child_id AS disa_table_id, c.child_id AS disa_person_id,
                                CASE c.disability WHEN 'TRUE' THEN 'DDA' WHEN 'FALSE' THEN 'NONE' ELSE c.disability END AS disa_disability_code
                           FROM @child@ c WHERE c.child_id IS NOT NULL AND c.disability IS NOT NULL$q$,
        'ssd_immigration_status', $q$SELECT e.episode_id AS immi_immigration_status_id, e.child_id AS immi_person_id,
                                        e.start_date AS immi_immigration_status_start_date, e.end_date AS immi_immigration_status_end_date,
                                        'Unaccompanied Asylum Seeking Child' AS immi_immigration_status
                                   FROM @cla_episode@ e WHERE e.uasc AND e.episode_id IS NOT NULL$q$,
        'ssd_cin_episodes', $q$SELECT r.referral_id AS cine_referral_id, r.child_id AS cine_person_id, r.referral_date AS cine_referral_date,
                                  x.primary_need AS cine_cin_primary_need_code, r.source AS cine_referral_source_code,
                                  CASE WHEN r.nfa THEN 'Y' WHEN NOT r.nfa THEN 'N' END AS cine_referral_nfa,
                                  x.end_date AS cine_close_date
                             FROM @referral@ r
                             LEFT JOIN LATERAL (SELECT e.end_date, e.primary_need FROM @cin_episode@ e
                                                 WHERE e.child_id = r.child_id AND e.start_date = r.referral_date
                                                 ORDER BY e.episode_id LIMIT 1) x ON true
                            WHERE r.referral_id IS NOT NULL$q$,
        'ssd_contacts', $q$SELECT c.contact_id AS cont_contact_id, c.child_id AS cont_person_id, c.contact_date AS cont_contact_date,
                              c.source AS cont_contact_source_code,
                              CASE c.outcome WHEN 'REFERRAL' THEN '{"NEW_REFERRAL_FLAG":"Y","NFA_FLAG":"N"}'
                                             WHEN 'NFA' THEN '{"NEW_REFERRAL_FLAG":"N","NFA_FLAG":"Y"}' END AS cont_contact_outcome_json
                         FROM @contact@ c WHERE c.contact_id IS NOT NULL$q$,
        'ssd_cin_plans', $q$SELECT p.plan_id AS cinp_cin_plan_id, p.child_id AS cinp_person_id, p.start_date AS cinp_cin_plan_start_date,
                               p.end_date AS cinp_cin_plan_end_date
                          FROM @cin_plan@ p WHERE p.plan_id IS NOT NULL$q$,
        'ssd_cin_assessments', $q$SELECT a.assessment_id AS cina_assessment_id, a.child_id AS cina_person_id,
                                     a.start_date AS cina_assessment_start_date, a.authorised_date AS cina_assessment_auth_date
                                FROM @assessment@ a WHERE a.assessment_id IS NOT NULL$q$,
        'ssd_s47_enquiry', $q$SELECT s.s47_id AS s47e_s47_enquiry_id, s.child_id AS s47e_person_id, s.strategy_date AS s47e_s47_start_date
                            FROM @s47_enquiry@ s WHERE s.s47_id IS NOT NULL$q$,
        'ssd_initial_cp_conference', $q$SELECT s.s47_id AS icpc_icpc_id, s.s47_id AS icpc_s47_enquiry_id, s.child_id AS icpc_person_id,
                                           CASE WHEN s.transfer_in THEN 'Y' ELSE 'N' END AS icpc_icpc_transfer_in, s.icpc_date AS icpc_icpc_date
                                      FROM @s47_enquiry@ s WHERE s.s47_id IS NOT NULL AND (s.icpc_date IS NOT NULL OR s.transfer_in)$q$,
        'ssd_cp_plans', $q$SELECT p.plan_id AS cppl_cp_plan_id, p.child_id AS cppl_person_id, p.start_date AS cppl_cp_plan_start_date,
                              p.end_date AS cppl_cp_plan_end_date, p.initial_category AS cppl_cp_plan_initial_category,
                              p.latest_category AS cppl_cp_plan_latest_category
                         FROM @cp_plan@ p WHERE p.plan_id IS NOT NULL$q$,
        'ssd_cp_reviews', $q$SELECT r.review_id AS cppr_cp_review_id,
                                (SELECT min(p.child_id) FROM @cp_plan@ p WHERE p.plan_id = r.plan_id) AS cppr_person_id,
                                r.plan_id AS cppr_cp_plan_id, r.review_date AS cppr_cp_review_date
                           FROM @cp_review@ r WHERE r.review_id IS NOT NULL$q$,
        'ssd_cp_visits', $q$SELECT v.visit_id AS cppv_cp_visit_id, v.child_id AS cppv_person_id, v.visit_date AS cppv_cp_visit_date
                          FROM @visit@ v WHERE v.visit_type = 'CP' AND v.visit_id IS NOT NULL$q$,
        'ssd_cla_episodes', $q$SELECT e.episode_id AS clae_cla_episode_id, e.child_id AS clae_person_id, e.episode_id AS clae_cla_placement_id,
                                  e.start_date AS clae_cla_episode_start_date, e.reason_new AS clae_cla_episode_start_reason,
                                  e.end_date AS clae_cla_episode_ceased_date, e.reason_ceased AS clae_cla_episode_ceased_reason,
                                  e.child_id || '/' || count(*) FILTER (WHERE e.reason_new = 'S')
                                                          OVER (PARTITION BY e.child_id ORDER BY e.start_date, e.episode_id) AS clae_cla_id
                             FROM @cla_episode@ e WHERE e.episode_id IS NOT NULL$q$,
        'ssd_legal_status', $q$SELECT e.episode_id AS lega_legal_status_id, e.child_id AS lega_person_id, e.legal_status AS lega_legal_status,
                                  e.start_date AS lega_legal_status_start_date, e.end_date AS lega_legal_status_end_date
                             FROM @cla_episode@ e WHERE e.episode_id IS NOT NULL AND e.legal_status IS NOT NULL$q$,
        'ssd_cla_placement', $q$SELECT e.episode_id AS clap_cla_placement_id, e.child_id AS clap_person_id,
                                   e.start_date AS clap_cla_placement_start_date, e.placement AS clap_cla_placement_type,
                                   e.placement_urn AS clap_cla_placement_urn, e.distance_miles::double precision AS clap_cla_placement_distance,
                                   e.placement_provider AS clap_cla_placement_provider, e.placement_postcode AS clap_cla_placement_postcode,
                                   e.end_date AS clap_cla_placement_end_date
                              FROM @cla_episode@ e WHERE e.episode_id IS NOT NULL$q$,
        -- A review's period of care: the child's, open that day.
        'ssd_cla_reviews', $q$SELECT DISTINCT ON (r.review_id) r.review_id AS clar_cla_review_id, p.cla_id AS clar_cla_id,
                                 r.review_date AS clar_cla_review_date, 'N' AS clar_cla_review_cancelled,
                                 r.child_id AS clar_cla_person_id
                            FROM @cla_review@ r
                            LEFT JOIN (SELECT e.child_id, e.start_date, e.end_date,
                                              e.child_id || '/' || count(*) FILTER (WHERE e.reason_new = 'S')
                                                  OVER (PARTITION BY e.child_id ORDER BY e.start_date, e.episode_id) AS cla_id
                                         FROM @cla_episode@ e) p
                                   ON p.child_id = r.child_id AND p.start_date <= r.review_date
                                  AND (p.end_date IS NULL OR p.end_date >= r.review_date)
                           WHERE r.review_id IS NOT NULL
                           ORDER BY r.review_id, p.start_date DESC NULLS LAST$q$,
        'ssd_cla_visits', $q$SELECT v.visit_id AS clav_cla_visit_id, v.child_id AS clav_person_id, v.visit_date AS clav_cla_visit_date
                           FROM @visit@ v WHERE v.visit_type = 'CIC' AND v.visit_id IS NOT NULL$q$,
        'ssd_cla_health', $q$SELECT row_number() OVER (ORDER BY h.child_id, h.completed_date, h.kind)::text AS clah_health_check_id,
                                h.child_id AS clah_person_id,
                                CASE h.kind WHEN 'DENTAL' THEN 'Dental check' ELSE 'Health check' END AS clah_health_check_type,
                                h.completed_date AS clah_health_check_date, 'Completed' AS clah_health_check_status
                           FROM @health_assessment@ h
                          WHERE h.completed_date IS NOT NULL AND h.kind IN ('INITIAL', 'REVIEW', 'DENTAL')$q$,
        'ssd_missing', $q$SELECT m.episode_id AS miss_table_id, m.child_id AS miss_person_id, m.start_at AS miss_missing_episode_start_date,
                             'M' AS miss_missing_episode_type, m.returned_at AS miss_missing_episode_end_date,
                             CASE WHEN m.rhi_offered_at IS NOT NULL THEN 'Y' ELSE 'N' END AS miss_missing_rhi_offered,
                             CASE WHEN m.rhi_engaged THEN 'Y' ELSE 'N' END AS miss_missing_rhi_accepted
                        FROM @missing_episode@ m WHERE m.episode_id IS NOT NULL$q$,
        'ssd_care_leavers', $q$SELECT l.child_id || '/' || l.as_at AS clea_table_id, l.child_id AS clea_person_id,
                                  coalesce(l.in_touch_code, CASE WHEN l.in_touch THEN 'YES' ELSE 'NO' END) AS clea_care_leaver_in_touch,
                                  l.as_at AS clea_care_leaver_latest_contact, l.accommodation AS clea_care_leaver_accommodation,
                                  CASE WHEN l.accommodation_suitable THEN '1' WHEN NOT l.accommodation_suitable THEN '2' END
                                      AS clea_care_leaver_accom_suitable,
                                  l.activity AS clea_care_leaver_activity
                             FROM @care_leaver@ l WHERE l.child_id IS NOT NULL AND l.as_at IS NOT NULL$q$,
        'ssd_early_help_episodes', $q$SELECT f.case_id || '/' || f.child_id AS earl_episode_id, f.child_id AS earl_person_id,
                                         f.start_date AS earl_episode_start_date, f.end_date AS earl_episode_end_date,
                                         lower(f.provider) AS earl_episode_organisation
                                    FROM @family_support@ f WHERE f.case_id IS NOT NULL AND f.child_id IS NOT NULL$q$,
        'ssd_involvements', $q$SELECT row_number() OVER (ORDER BY a.child_id, a.start_date, a.worker_id, a.end_date)::text AS invo_involvements_id,
                                  a.worker_id AS invo_professional_id,
                                  CASE WHEN a.role = 'PERSONAL_ADVISOR' THEN 'PA' ELSE 'CW' END AS invo_professional_role_id,
                                  a.team AS invo_professional_team, a.child_id AS invo_person_id,
                                  a.start_date AS invo_involvement_start_date, a.end_date AS invo_involvement_end_date
                             FROM @allocation@ a WHERE a.child_id IS NOT NULL$q$,
        -- A qualified worker gets a made-up Social Work England number.
        'ssd_professionals', $q$SELECT a.worker_id AS prof_professional_id,
                                   CASE WHEN bool_or(a.qualified_social_worker)
                                        THEN 'SW' || lpad((row_number() OVER (ORDER BY a.worker_id))::text, 6, '0') END
                                       AS prof_social_worker_registration_no
                              FROM @allocation@ a WHERE a.worker_id IS NOT NULL GROUP BY a.worker_id$q$,
        'ssd_department', $q$SELECT a.team AS dept_team_id, a.team AS dept_team_name, min(a.locality) AS dept_team_parent_name
                           FROM @allocation@ a WHERE a.team IS NOT NULL GROUP BY a.team$q$);

    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', ssd_schema);
    FOR t IN SELECT * FROM cspi_internal.ssd_tables() LOOP
        IF to_regclass(format('%I.%I', ssd_schema, t.ssd_table)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I.%I (%s)', ssd_schema, t.ssd_table, t.columns);
            EXECUTE format('COMMENT ON TABLE %I.%I IS %L', ssd_schema, t.ssd_table,
                           format('The Standard Safeguarding Dataset''s %s, written by cspi.export_ssd from source schema %s.',
                                  t.ssd_table, source_schema));
        ELSE
            EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I.%I LIMIT 1) x', ssd_schema, t.ssd_table) INTO n;
            IF n > 0 THEN
                RAISE EXCEPTION 'table %.% already holds rows', ssd_schema, t.ssd_table
                    USING ERRCODE = 'object_not_in_prerequisite_state',
                          HINT = 'export_ssd fills empty SSD tables or makes them: empty them (TRUNCATE) or name another schema.';
            END IF;
        END IF;
        src := fill->>t.ssd_table;
        FOR i IN 1 .. cardinality(names) LOOP
            IF position('@' || names[i] || '@' IN src) > 0 THEN
                src := replace(src, '@' || names[i] || '@', cspi_internal.source_as_contract(source_schema, names[i]));
            END IF;
        END LOOP;
        -- The columns of the fill that the table has (an SSD build's own
        -- table may lack some), cast to the table's types.
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               string_agg(format('q.%I::%s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
          INTO cols, vals
          FROM pg_attribute a
         WHERE a.attrelid = to_regclass(format('%I.%I', ssd_schema, t.ssd_table)) AND a.attnum > 0 AND NOT a.attisdropped
           AND src ~ ('\mAS ' || a.attname || '\M');
        EXECUTE format('INSERT INTO %I.%I (%s) SELECT %s FROM (%s) q', ssd_schema, t.ssd_table, cols, vals, src);
        GET DIAGNOSTICS n = ROW_COUNT;
        ssd_table := t.ssd_table;
        rows := n;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.export_ssd(name, name) IS
'Writes a council''s source (a schema of the data contract) into the Standard Safeguarding Dataset''s tables in ssd_schema: makes each table with SSD''s names and the types of its PostgreSQL build (v1.4.4) when absent, fills it when present and empty (an SSD build''s own table, with the columns it has). Codes are the DfE''s; a qualified social worker gets a made-up Social Work England number; each episode of care its own legal status and placement row; a UASC episode an immigration status. What SSD has no column for is lost: a referral''s completion, due dates, health assessments not done and their kind, when a return interview was offered, contact outcomes other than referral and NFA, the population (doc/ssd.md). Returns each table and the rows written.';
