--------------------------------------------------------------------------
-- The Standard Safeguarding Dataset as the data contract's relations
--------------------------------------------------------------------------
-- cspi.source_from_ssd() creates, in a source schema, the contract's
-- relations as views over the tables of Data to Insight's Standard
-- Safeguarding Dataset (SSD; data-to-insight/ssd-data-model, followed at
-- commit 4987c73f, v1.4.5 of the SystemC build and v1.4.4 of the Eclipse
-- build), with SSD's own table and column names.  Every coded column is
-- read through cspi.ssd_code_map, so that the SystemC build's
-- descriptions and the Eclipse build's codes give the same codes; SSD's
-- placeholders (the date 1900-01-01, the text SSD_PH, the id -1, the
-- distance 999.9, Eclipse's DQ placement) are read as missing.  What SSD
-- cannot give is left out, and the view source_gap says why, which
-- deploy() shows in indicator_availability.reason; the rows it could not
-- map are listed by the view data_quality.  doc/ssd.md has the mapping,
-- column by column, with every inference and gap.

-- An SSD id: trimmed; empty, SSD_PH and -1 (placeholders) are missing.
CREATE OR REPLACE FUNCTION cspi.ssd_id(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN btrim(value) IN ('', 'SSD_PH', '-1') THEN NULL ELSE btrim(value) END;
COMMENT ON FUNCTION cspi.ssd_id(text) IS
'An id of the Standard Safeguarding Dataset as cspi.source_from_ssd reads it: trimmed; empty, the placeholder SSD_PH and -1 (SystemC''s unknown) are NULL.';

-- An SSD date: the SystemC build writes 1900-01-01 for "none".
CREATE OR REPLACE FUNCTION cspi.ssd_date(value date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN nullif(value, DATE '1900-01-01');
COMMENT ON FUNCTION cspi.ssd_date(date) IS
'A date of the Standard Safeguarding Dataset as cspi.source_from_ssd reads it: 1900-01-01, the SystemC build''s placeholder for none (an assessment not authorised), is NULL.';

-- A coded SSD value: the contract's code from cspi.ssd_code_map; a
-- placeholder (a row whose code is NULL), an empty value and SSD_PH are
-- missing; a value the map lacks is read as given, upper-cased and
-- trimmed (the source's data_quality view lists it).  Inlined by the
-- planner: one index probe per value.
CREATE OR REPLACE FUNCTION cspi.ssd_code(item text, value text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN nullif(nullif(coalesce((SELECT coalesce(m.code, '') FROM cspi.ssd_code_map m
                                    WHERE m.item = ssd_code.item AND m.key = upper(btrim(ssd_code.value))),
                                   upper(btrim(value))), ''), 'SSD_PH');
COMMENT ON FUNCTION cspi.ssd_code(text, text) IS
'A coded value of the Standard Safeguarding Dataset as cspi.source_from_ssd reads it: the data contract''s code that cspi.ssd_code_map gives for the item and value (matched ignoring case and surrounding spaces); NULL for a placeholder (a map row with no code), an empty value or SSD_PH; a value the map lacks is returned as given, upper-cased and trimmed.';

-- The same as an SQL expression over value_expr with the map of item as it
-- is now, a jsonb constant (what the views of source_from_ssd read: some
-- ten times faster than calling cspi.ssd_code for every row, which the
-- planner cannot inline because it reads a table).
CREATE OR REPLACE FUNCTION cspi_internal.ssd_code_expression(item text, value_expr text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT format($e$nullif(nullif(CASE WHEN %1$L::jsonb ? upper(btrim(%2$s)) THEN coalesce(%1$L::jsonb ->> upper(btrim(%2$s)), '') ELSE upper(btrim(%2$s)) END, ''), 'SSD_PH')$e$,
                  coalesce(jsonb_object_agg(m.key, m.code), '{}'::jsonb)::text, value_expr)
      FROM cspi.ssd_code_map m WHERE m.item = ssd_code_expression.item;
    END;
COMMENT ON FUNCTION cspi_internal.ssd_code_expression(text, text) IS
'cspi.ssd_code(item, value_expr) as an SQL expression holding the map of item as it is now (a jsonb constant), for the views of cspi.source_from_ssd.';

-- A view's SQL with each cspi.ssd_code('item', alias.column::text) written
-- as cspi_internal.ssd_code_expression.
CREATE OR REPLACE FUNCTION cspi_internal.ssd_inline_codes(view_sql text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    m text[];
BEGIN
    FOR m IN SELECT DISTINCT regexp_matches(view_sql, $r$cspi\.ssd_code\('([a-z_]+)', ([a-z0-9_]+\.[a-z0-9_]+::text)\)$r$, 'g') LOOP
        view_sql := replace(view_sql, format('cspi.ssd_code(%L, %s)', m[1], m[2]), cspi_internal.ssd_code_expression(m[1], m[2]));
    END LOOP;
    RETURN view_sql;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.ssd_inline_codes(text) IS
'The SQL of a view of cspi.source_from_ssd with each cspi.ssd_code(''item'', alias.column::text) replaced by the map as it is now (cspi_internal.ssd_code_expression).';

-- The inferences source_from_ssd makes, each of which can be switched off
-- (doc/ssd.md): what each infers, and what is left out without it.
CREATE OR REPLACE FUNCTION cspi.ssd_inferences() RETURNS TABLE (inference text, infers text, without_it text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT * FROM (VALUES
        ('uasc', 'cla_episode.uasc: the child has an immigration status (ssd_immigration_status) that cspi.ssd_code_map reads as UASC on the day the episode starts',
         'cla_episode.uasc is left out: CIC_UASC, CIC_STARTED_UASC and the UASC breakdown are unavailable'),
        ('qualified_social_worker', 'allocation.qualified_social_worker: the worker (ssd_professionals) has a Social Work England registration number (prof_social_worker_registration_no beginning SW); a worker without one reads as not qualified',
         'allocation.qualified_social_worker is left out: CP_ALLOCATED_QSW and CIC_ALLOCATED_QSW are unavailable'),
        ('family', 'child.family_id and family_support.family_id: the first of the child''s families in ssd_family (which neither build dates)',
         'child.family_id and family_support are left out: the family counts and the early help indicators are unavailable'),
        ('care_leaver_as_at', 'care_leaver.as_at: the latest contact (clea_care_leaver_latest_contact), else the day the view is read (SSD holds a care leaver''s current record, with no birthday snapshot)',
         'care_leaver is left out: the care leavers'' indicators are unavailable'),
        ('health_check_kind', 'health_assessment: each completed health check (ssd_cla_health) read as a review health assessment, a dental check as a dental check (SSD has no initial or review kind and no due date)',
         'health_assessment is left out: CIC_HEALTH_CURRENT is unavailable'),
        ('cla_review_child', 'cla_review.child_id, where ssd_cla_reviews has no clar_cla_person_id (the Eclipse build): the child of the review''s period of care (clar_cla_id = ssd_cla_episodes.clae_cla_id)',
         'a review is read only with its clar_cla_person_id'),
        ('cp_review_plan', 'cp_review.plan_id, where cppr_cp_plan_id is missing (the Eclipse build leaves it empty for an open plan): the child''s plan open on the day of the review, the latest started',
         'a review is read only with its cppr_cp_plan_id')
    ) AS v(inference, infers, without_it);
    END;
COMMENT ON FUNCTION cspi.ssd_inferences() IS
'The inferences cspi.source_from_ssd makes from the Standard Safeguarding Dataset where it lacks what the data contract asks for: each one''s name (what source_from_ssd''s inferences argument takes), what it infers and what is left out when it is switched off.';

CREATE OR REPLACE FUNCTION cspi.source_from_ssd(source_schema name, ssd_schema name, inferences text[] DEFAULT NULL)
    RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    s constant text := quote_ident(ssd_schema);
    infer text[] := coalesce(inferences, ARRAY(SELECT i.inference FROM cspi.ssd_inferences() i));
    unknown text;
    -- What an inference gives, when it is made and its SSD table is there.
    with_family boolean;
    with_uasc boolean;
    with_qsw boolean;
    no_provider boolean;
    made text[] := '{}';
    gap text[] := '{}';         -- item, reason, item, reason...
    missing_tables text;
    q text;
    quality text[] := '{}';
    rel text;
    defs jsonb := '{}';
BEGIN
    SELECT string_agg(x, ', ') INTO unknown
      FROM unnest(infer) AS x WHERE x IS NULL OR x NOT IN (SELECT i.inference FROM cspi.ssd_inferences() i);
    IF unknown IS NOT NULL OR array_position(infer, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'unknown inference "%"', coalesce(unknown, 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The inferences are ' || (SELECT string_agg(i.inference, ', ') FROM cspi.ssd_inferences() i)
                         || ' (cspi.ssd_inferences() says what each does); NULL makes them all.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ssd_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', ssd_schema
            USING ERRCODE = 'invalid_schema_name';
    END IF;
    IF to_regclass(format('%s.ssd_person', s)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no table ssd_person of the Standard Safeguarding Dataset', ssd_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Point source_from_ssd at the schema where the SSD build made its tables (or make them with cspi.export_ssd).';
    END IF;
    IF source_schema = ssd_schema THEN
        RAISE EXCEPTION 'the source schema must not be the SSD schema "%"', ssd_schema
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The views run with the rights of whoever reads them: not over
    -- another role's tables whose functions would gain the caller's.
    PERFORM cspi_internal.check_relation_owners(ssd_schema, ARRAY(SELECT t.ssd_table FROM cspi_internal.ssd_tables() t),
                                                'cspi.source_from_ssd');
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', source_schema);
    with_family := 'family' = ANY (infer) AND cspi_internal.ssd_has(ssd_schema, 'ssd_family');
    with_uasc := 'uasc' = ANY (infer) AND cspi_internal.ssd_has(ssd_schema, 'ssd_immigration_status');
    with_qsw := 'qualified_social_worker' = ANY (infer) AND cspi_internal.ssd_has(ssd_schema, 'ssd_professionals');

    -- child ← ssd_person, ssd_family, ssd_disability
    defs := defs || jsonb_build_object('child', format($q$
SELECT cspi.ssd_id(p.pers_person_id::text) AS child_id,
       %2$s AS family_id,
       cspi.ssd_date(p.pers_dob::date) AS date_of_birth,
       cspi.ssd_code('sex', p.pers_sex::text) AS sex,
       cspi.ssd_code('ethnicity', p.pers_ethnicity::text) AS ethnicity,
       %3$s AS disability,
       %4$s AS upn
  FROM %1$s.ssd_person p%5$s%6$s$q$, s,
        CASE WHEN with_family THEN 'f.family_id' ELSE NULL END,
        CASE WHEN cspi_internal.ssd_has(ssd_schema, 'ssd_disability') THEN 'd.disability' ELSE 'NULL::text' END,
        CASE WHEN cspi_internal.source_has_column(ssd_schema, 'ssd_person', 'pers_upn')
             THEN 'nullif(btrim(p.pers_upn::text), '''')' ELSE 'NULL::text' END,
        CASE WHEN with_family THEN format($j$
  LEFT JOIN (SELECT cspi.ssd_id(x.fami_person_id::text) AS person_id, min(cspi.ssd_id(x.fami_family_id::text) COLLATE "C") AS family_id
               FROM %s.ssd_family x GROUP BY 1) f ON f.person_id = cspi.ssd_id(p.pers_person_id::text)$j$, s) ELSE '' END,
        CASE WHEN cspi_internal.ssd_has(ssd_schema, 'ssd_disability') THEN format($j$
  LEFT JOIN (SELECT x.person_id, coalesce(min(x.code) FILTER (WHERE x.code <> 'NONE'), min(x.code)) AS disability
               FROM (SELECT cspi.ssd_id(y.disa_person_id::text) AS person_id,
                            cspi.ssd_code('disability', y.disa_disability_code::text) COLLATE "C" AS code
                       FROM %s.ssd_disability y) x
              GROUP BY 1) d ON d.person_id = cspi.ssd_id(p.pers_person_id::text)$j$, s) ELSE '' END));
    IF NOT with_family THEN
        -- without the family inference, the optional column is left out
        defs := jsonb_set(defs, '{child}', to_jsonb(regexp_replace(defs->>'child', '\n\s*AS family_id,', '')));
        gap := gap || ARRAY['child.family_id',
                            CASE WHEN 'family' = ANY (infer) THEN 'the SSD schema has no table ssd_family'
                                 ELSE 'the inference family is switched off (cspi.source_from_ssd)' END];
    END IF;

    -- referral and cin_episode ← ssd_cin_episodes (no decision date)
    defs := defs || jsonb_build_object('referral', format($q$
SELECT cspi.ssd_id(e.cine_referral_id::text) AS referral_id, cspi.ssd_id(e.cine_person_id::text) AS child_id,
       cspi.ssd_date(e.cine_referral_date::date) AS referral_date,
       cspi.ssd_code('referral_source', e.cine_referral_source_code::text) AS source,
       CASE upper(btrim(e.cine_referral_nfa::text)) WHEN 'Y' THEN true WHEN 'N' THEN false END AS nfa
  FROM %s.ssd_cin_episodes e$q$, s));
    gap := gap || ARRAY['referral.completed_date',
                        'SSD has no date the referral was decided or completed (cine_close_date closes the child in need episode, usually months later)'];
    defs := defs || jsonb_build_object('cin_episode', format($q$
SELECT cspi.ssd_id(e.cine_referral_id::text) AS episode_id, cspi.ssd_id(e.cine_person_id::text) AS child_id,
       cspi.ssd_date(e.cine_referral_date::date) AS start_date, cspi.ssd_date(e.cine_close_date::date) AS end_date,
       %2$s AS primary_need
  FROM %1$s.ssd_cin_episodes e$q$, s,
        CASE WHEN cspi_internal.source_has_column(ssd_schema, 'ssd_cin_episodes', 'cine_cin_primary_need_code')
             THEN 'nullif(upper(btrim(e.cine_cin_primary_need_code::text)), '''')' ELSE 'NULL::text' END));

    -- contact ← ssd_contacts (the outcome from SystemC's JSON flags)
    defs := defs || jsonb_build_object('contact', format($q$
SELECT cspi.ssd_id(c.cont_contact_id::text) AS contact_id, cspi.ssd_id(c.cont_person_id::text) AS child_id,
       cspi.ssd_date(c.cont_contact_date::date) AS contact_date,
       cspi.ssd_code('contact_source', c.cont_contact_source_code::text) AS source,
       CASE WHEN upper(replace(c.cont_contact_outcome_json::text, ' ', '')) LIKE '%%"NEW_REFERRAL_FLAG":"Y"%%' THEN 'REFERRAL'
            WHEN upper(replace(c.cont_contact_outcome_json::text, ' ', '')) LIKE '%%"NFA_FLAG":"Y"%%' THEN 'NFA' END AS outcome
  FROM %s.ssd_contacts c$q$, s));

    defs := defs || jsonb_build_object('cin_plan', format($q$
SELECT cspi.ssd_id(p.cinp_cin_plan_id::text) AS plan_id, cspi.ssd_id(p.cinp_person_id::text) AS child_id,
       cspi.ssd_date(p.cinp_cin_plan_start_date::date) AS start_date, cspi.ssd_date(p.cinp_cin_plan_end_date::date) AS end_date
  FROM %s.ssd_cin_plans p$q$, s));

    -- assessment ← ssd_cin_assessments (SystemC: 1900-01-01 not authorised)
    defs := defs || jsonb_build_object('assessment', format($q$
SELECT cspi.ssd_id(a.cina_assessment_id::text) AS assessment_id, cspi.ssd_id(a.cina_person_id::text) AS child_id,
       cspi.ssd_date(a.cina_assessment_start_date::date) AS start_date,
       cspi.ssd_date(a.cina_assessment_auth_date::date) AS authorised_date
  FROM %s.ssd_cin_assessments a$q$, s));

    -- s47_enquiry ← ssd_s47_enquiry and its first initial conference
    defs := defs || jsonb_build_object('s47_enquiry', format($q$
SELECT cspi.ssd_id(e.s47e_s47_enquiry_id::text) AS s47_id, cspi.ssd_id(e.s47e_person_id::text) AS child_id,
       cspi.ssd_date(e.s47e_s47_start_date::date) AS strategy_date, c.icpc_date, coalesce(c.transfer_in, false) AS transfer_in
  FROM %1$s.ssd_s47_enquiry e
  LEFT JOIN (SELECT DISTINCT ON (1) cspi.ssd_id(x.icpc_s47_enquiry_id::text) AS s47_id,
                    cspi.ssd_date(x.icpc_icpc_date::date) AS icpc_date,
                    upper(btrim(x.icpc_icpc_transfer_in::text)) = 'Y' AS transfer_in
               FROM %1$s.ssd_initial_cp_conference x
              WHERE cspi.ssd_id(x.icpc_s47_enquiry_id::text) IS NOT NULL
              ORDER BY 1, 2 NULLS LAST, cspi.ssd_id(x.icpc_icpc_id::text)) c
         ON c.s47_id = cspi.ssd_id(e.s47e_s47_enquiry_id::text)$q$, s));

    defs := defs || jsonb_build_object('cp_plan', format($q$
SELECT cspi.ssd_id(p.cppl_cp_plan_id::text) AS plan_id, cspi.ssd_id(p.cppl_person_id::text) AS child_id,
       cspi.ssd_date(p.cppl_cp_plan_start_date::date) AS start_date, cspi.ssd_date(p.cppl_cp_plan_end_date::date) AS end_date,
       cspi.ssd_code('category_of_abuse', p.cppl_cp_plan_initial_category::text) AS initial_category,
       cspi.ssd_code('category_of_abuse', p.cppl_cp_plan_latest_category::text) AS latest_category
  FROM %s.ssd_cp_plans p$q$, s));

    -- cp_review ← ssd_cp_reviews: the review id, else its meeting's; the
    -- plan, else (cp_review_plan) the child's plan open that day.
    defs := defs || jsonb_build_object('cp_review', format($q$
SELECT DISTINCT ON (r.cppr_cp_review_id, %2$s, r.cppr_person_id, r.cppr_cp_review_date, r.cppr_cp_plan_id)
       coalesce(cspi.ssd_id(r.cppr_cp_review_id::text), cspi.ssd_id(%2$s::text)) AS review_id,
       %3$s AS plan_id,
       cspi.ssd_date(r.cppr_cp_review_date::date) AS review_date
  FROM %1$s.ssd_cp_reviews r%4$s
 ORDER BY r.cppr_cp_review_id, %2$s, r.cppr_person_id, r.cppr_cp_review_date, r.cppr_cp_plan_id,
          p.cppl_cp_plan_start_date DESC NULLS LAST, cspi.ssd_id(p.cppl_cp_plan_id::text)$q$, s,
        CASE WHEN cspi_internal.source_has_column(ssd_schema, 'ssd_cp_reviews', 'cppr_cp_review_meeting_id')
             THEN 'r.cppr_cp_review_meeting_id' ELSE 'NULL::text' END,
        CASE WHEN 'cp_review_plan' = ANY (infer) THEN 'coalesce(cspi.ssd_id(r.cppr_cp_plan_id::text), cspi.ssd_id(p.cppl_cp_plan_id::text))'
             ELSE 'cspi.ssd_id(r.cppr_cp_plan_id::text)' END,
        CASE WHEN 'cp_review_plan' = ANY (infer) THEN format($j$
  LEFT JOIN %1$s.ssd_cp_plans p
         ON cspi.ssd_id(r.cppr_cp_plan_id::text) IS NULL
        AND cspi.ssd_id(p.cppl_person_id::text) = cspi.ssd_id(r.cppr_person_id::text)
        AND p.cppl_cp_plan_start_date::date <= r.cppr_cp_review_date::date
        AND (cspi.ssd_date(p.cppl_cp_plan_end_date::date) IS NULL OR p.cppl_cp_plan_end_date::date >= r.cppr_cp_review_date::date)$j$, s)
             ELSE format($j$
  LEFT JOIN %1$s.ssd_cp_plans p ON false$j$, s) END));

    -- cla_episode ← ssd_cla_episodes, its placement (ssd_cla_placement),
    -- the legal status in force on its first day (ssd_legal_status) and,
    -- with uasc, the immigration status then (ssd_immigration_status).
    defs := defs || jsonb_build_object('cla_episode', format($q$
SELECT DISTINCT ON (e.clae_cla_episode_id, e.clae_person_id, e.clae_cla_episode_start_date)
       cspi.ssd_id(e.clae_cla_episode_id::text) AS episode_id, cspi.ssd_id(e.clae_person_id::text) AS child_id,
       cspi.ssd_date(e.clae_cla_episode_start_date::date) AS start_date,
       cspi.ssd_date(e.clae_cla_episode_ceased_date::date) AS end_date,
       cspi.ssd_code('reason_new', e.clae_cla_episode_start_reason::text) AS reason_new,
       cspi.ssd_code('legal_status', l.lega_legal_status::text) AS legal_status,
       cspi.ssd_code('placement', p.clap_cla_placement_type::text) AS placement,
       cspi.ssd_code('reason_ceased', e.clae_cla_episode_ceased_reason::text) AS reason_ceased,
       nullif(p.clap_cla_placement_distance::numeric, 999.9) AS distance_miles,
       %2$s AS uasc,
       cspi.ssd_code('placement_provider', p.clap_cla_placement_provider::text) AS placement_provider,
       nullif(btrim(p.clap_cla_placement_postcode::text), '') AS placement_postcode,
       nullif(btrim(p.clap_cla_placement_urn::text), '') AS placement_urn
  FROM %1$s.ssd_cla_episodes e
  LEFT JOIN (SELECT DISTINCT ON (1) cspi.ssd_id(x.clap_cla_placement_id::text) AS placement_id, x.*
               FROM %1$s.ssd_cla_placement x
              ORDER BY 1, x.clap_cla_placement_start_date DESC NULLS LAST) p
         ON p.placement_id = cspi.ssd_id(e.clae_cla_placement_id::text)
  LEFT JOIN %1$s.ssd_legal_status l
         ON cspi.ssd_id(l.lega_person_id::text) = cspi.ssd_id(e.clae_person_id::text)
        AND l.lega_legal_status_start_date::date <= e.clae_cla_episode_start_date::date
        AND (cspi.ssd_date(l.lega_legal_status_end_date::date) IS NULL
             OR l.lega_legal_status_end_date::date >= e.clae_cla_episode_start_date::date)%3$s
 ORDER BY e.clae_cla_episode_id, e.clae_person_id, e.clae_cla_episode_start_date,
          l.lega_legal_status_start_date DESC NULLS LAST, cspi.ssd_id(l.lega_legal_status_id::text)$q$, s,
        CASE WHEN with_uasc
             THEN 'u.episode_id IS NOT NULL' ELSE 'NULL::boolean' END,
        CASE WHEN with_uasc THEN format($j$
  LEFT JOIN (SELECT DISTINCT cspi.ssd_id(x.clae_cla_episode_id::text) AS episode_id
               FROM %1$s.ssd_cla_episodes x
               JOIN %1$s.ssd_immigration_status y ON cspi.ssd_id(y.immi_person_id::text) = cspi.ssd_id(x.clae_person_id::text)
                AND y.immi_immigration_status_start_date::date <= x.clae_cla_episode_start_date::date
                AND (cspi.ssd_date(y.immi_immigration_status_end_date::date) IS NULL
                     OR y.immi_immigration_status_end_date::date >= x.clae_cla_episode_start_date::date)
              WHERE cspi.ssd_code('immigration_status', y.immi_immigration_status::text) = 'UASC') u
         ON u.episode_id = cspi.ssd_id(e.clae_cla_episode_id::text)$j$, s) ELSE '' END));
    IF NOT with_uasc THEN
        defs := jsonb_set(defs, '{cla_episode}', to_jsonb(replace(defs->>'cla_episode', E'\n       NULL::boolean AS uasc,', '')));
        gap := gap || ARRAY['cla_episode.uasc',
                            CASE WHEN 'uasc' = ANY (infer) THEN 'the SSD schema has no table ssd_immigration_status'
                                 ELSE 'the inference uasc is switched off (cspi.source_from_ssd)' END];
    END IF;

    -- cla_review ← ssd_cla_reviews, cancelled ones left out; the child
    -- from clar_cla_person_id, else (cla_review_child) the period of care.
    defs := defs || jsonb_build_object('cla_review', format($q$
SELECT cspi.ssd_id(r.clar_cla_review_id::text) AS review_id, %2$s AS child_id,
       cspi.ssd_date(r.clar_cla_review_date::date) AS review_date
  FROM %1$s.ssd_cla_reviews r%3$s
 WHERE upper(btrim(coalesce(r.clar_cla_review_cancelled::text, ''))) <> 'Y'$q$, s,
        CASE WHEN 'cla_review_child' = ANY (infer) AND cspi_internal.source_has_column(ssd_schema, 'ssd_cla_reviews', 'clar_cla_person_id')
             THEN 'coalesce(cspi.ssd_id(r.clar_cla_person_id::text), c.person_id)'
             WHEN 'cla_review_child' = ANY (infer) THEN 'c.person_id'
             WHEN cspi_internal.source_has_column(ssd_schema, 'ssd_cla_reviews', 'clar_cla_person_id')
             THEN 'cspi.ssd_id(r.clar_cla_person_id::text)'
             ELSE 'NULL::text' END,
        CASE WHEN 'cla_review_child' = ANY (infer) AND cspi_internal.ssd_has(ssd_schema, 'ssd_cla_episodes') THEN format($j$
  LEFT JOIN (SELECT DISTINCT ON (1) cspi.ssd_id(x.clae_cla_id::text) AS cla_id, cspi.ssd_id(x.clae_person_id::text) AS person_id
               FROM %s.ssd_cla_episodes x WHERE cspi.ssd_id(x.clae_cla_id::text) IS NOT NULL
              ORDER BY 1, 2) c ON c.cla_id = cspi.ssd_id(r.clar_cla_id::text)$j$, s) ELSE '' END));
    IF defs->>'cla_review' LIKE '%c.person_id%' AND NOT cspi_internal.ssd_has(ssd_schema, 'ssd_cla_episodes') THEN
        defs := jsonb_set(defs, '{cla_review}', to_jsonb(replace(defs->>'cla_review', 'c.person_id', 'NULL::text')));
    END IF;

    -- visit ← ssd_cp_visits and ssd_cla_visits (no due date)
    defs := defs || jsonb_build_object('visit', format($q$
SELECT 'cp:' || cspi.ssd_id(v.cppv_cp_visit_id::text) AS visit_id, cspi.ssd_id(v.cppv_person_id::text) AS child_id,
       'cp' AS visit_type, cspi.ssd_date(v.cppv_cp_visit_date::date) AS visit_date, NULL::date AS due_date
  FROM %1$s.ssd_cp_visits v
UNION ALL
SELECT 'cic:' || cspi.ssd_id(v.clav_cla_visit_id::text), cspi.ssd_id(v.clav_person_id::text),
       'cic', cspi.ssd_date(v.clav_cla_visit_date::date), NULL::date
  FROM %1$s.ssd_cla_visits v$q$, s));

    -- allocation ← ssd_involvements of a case worker or personal advisor
    -- (cspi.ssd_code_map, item involvement_role), the worker's
    -- registration (ssd_professionals) and team (ssd_department).
    defs := defs || jsonb_build_object('allocation', format($q$
SELECT cspi.ssd_id(i.invo_person_id::text) AS child_id,
       cspi.ssd_date(i.invo_involvement_start_date::date) AS start_date,
       cspi.ssd_date(i.invo_involvement_end_date::date) AS end_date,
       %2$s AS qualified_social_worker,
       cspi.ssd_id(i.invo_professional_id::text) AS worker_id,
       %3$s AS team,
       lower(cspi.ssd_code('involvement_role', i.invo_professional_role_id::text)) AS role
  FROM %1$s.ssd_involvements i%4$s%5$s
 WHERE cspi.ssd_code('involvement_role', i.invo_professional_role_id::text) IN ('SOCIAL_WORKER', 'PERSONAL_ADVISOR')$q$, s,
        CASE WHEN with_qsw
             THEN 'coalesce(w.registered, false)' ELSE 'NULL::boolean' END,
        CASE WHEN cspi_internal.ssd_has(ssd_schema, 'ssd_department')
             THEN 'coalesce(t.team_name, cspi.ssd_id(i.invo_professional_team::text))'
             ELSE 'cspi.ssd_id(i.invo_professional_team::text)' END,
        CASE WHEN with_qsw THEN format($j$
  LEFT JOIN (SELECT cspi.ssd_id(x.prof_professional_id::text) AS worker_id,
                    bool_or(x.prof_social_worker_registration_no::text ~* '^\s*SW\s*[0-9]') AS registered
               FROM %s.ssd_professionals x GROUP BY 1) w ON w.worker_id = cspi.ssd_id(i.invo_professional_id::text)$j$, s)
             ELSE '' END,
        CASE WHEN cspi_internal.ssd_has(ssd_schema, 'ssd_department') THEN format($j$
  LEFT JOIN (SELECT DISTINCT ON (1) cspi.ssd_id(x.dept_team_id::text) AS team_id, nullif(btrim(x.dept_team_name::text), '') AS team_name
               FROM %s.ssd_department x ORDER BY 1, 2) t ON t.team_id = cspi.ssd_id(i.invo_professional_team::text)$j$, s)
             ELSE '' END));
    IF NOT with_qsw THEN
        defs := jsonb_set(defs, '{allocation}', to_jsonb(replace(defs->>'allocation', E'\n       NULL::boolean AS qualified_social_worker,', '')));
        gap := gap || ARRAY['allocation.qualified_social_worker',
                            CASE WHEN 'qualified_social_worker' = ANY (infer) THEN 'the SSD schema has no table ssd_professionals'
                                 ELSE 'the inference qualified_social_worker is switched off (cspi.source_from_ssd)' END];
    END IF;

    -- health_assessment ← ssd_cla_health: completed checks only, with no
    -- due date (CIC_RHA_DONE unavailable).
    IF 'health_check_kind' = ANY (infer) THEN
        defs := defs || jsonb_build_object('health_assessment', format($q$
SELECT cspi.ssd_id(h.clah_person_id::text) AS child_id,
       CASE cspi.ssd_code('health_check_type', h.clah_health_check_type::text) WHEN 'DENTAL' THEN 'dental' ELSE 'review' END AS kind,
       cspi.ssd_date(h.clah_health_check_date::date) AS completed_date
  FROM %s.ssd_cla_health h
 WHERE cspi.ssd_code('health_check_type', h.clah_health_check_type::text) IN ('HEALTH', 'DENTAL')
   AND cspi.ssd_code('health_check_status', h.clah_health_check_status::text) = 'COMPLETED'$q$, s));
        gap := gap || ARRAY['health_assessment.due_date',
                            'SSD records the health checks done (ssd_cla_health), not when each health assessment fell due nor whether it was an initial or a review assessment'];
    ELSE
        gap := gap || ARRAY['health_assessment', 'the inference health_check_kind is switched off (cspi.source_from_ssd)'];
    END IF;

    -- missing_episode: not in SSD as the contract needs it.
    gap := gap || ARRAY['missing_episode',
                        'SSD records only whether a return home interview was offered and accepted (miss_missing_rhi_offered, miss_missing_rhi_accepted), not when it was offered, nor whether the child is looked after by or lives in another authority'];

    -- care_leaver ← ssd_care_leavers (those who died or returned home left
    -- out, as the DfE's tables leave them out).
    IF 'care_leaver_as_at' = ANY (infer) THEN
        defs := defs || jsonb_build_object('care_leaver', format($q$
SELECT cspi.ssd_id(c.clea_person_id::text) AS child_id,
       coalesce(cspi.ssd_date(c.clea_care_leaver_latest_contact::date), current_date) AS as_at,
       coalesce(cspi.ssd_code('in_touch', c.clea_care_leaver_in_touch::text) = 'YES', false) AS in_touch,
       CASE cspi.ssd_code('accommodation_suitable', c.clea_care_leaver_accom_suitable::text)
            WHEN 'TRUE' THEN true WHEN 'FALSE' THEN false END AS accommodation_suitable,
       cspi.ssd_code('activity', c.clea_care_leaver_activity::text) AS activity,
       cspi.ssd_code('in_touch', c.clea_care_leaver_in_touch::text) AS in_touch_code,
       cspi.ssd_code('accommodation', c.clea_care_leaver_accommodation::text) AS accommodation
  FROM %s.ssd_care_leavers c
 WHERE coalesce(cspi.ssd_code('in_touch', c.clea_care_leaver_in_touch::text), '') NOT IN ('DIED', 'RHOM')$q$, s));
    ELSE
        gap := gap || ARRAY['care_leaver', 'the inference care_leaver_as_at is switched off (cspi.source_from_ssd)'];
    END IF;

    -- family_support ← ssd_early_help_episodes: the provider from the
    -- organisation through cspi.ssd_code_map (item early_help_provider),
    -- the family from ssd_family.
    IF NOT with_family THEN
        gap := gap || ARRAY['family_support',
                            CASE WHEN 'family' = ANY (infer) THEN 'the SSD schema has no table ssd_family, which gives the family'
                                 ELSE 'the inference family is switched off (cspi.source_from_ssd)' END];
    ELSIF cspi_internal.ssd_has(ssd_schema, 'ssd_early_help_episodes') THEN
        EXECUTE format($q$SELECT NOT EXISTS (SELECT 1 FROM %s.ssd_early_help_episodes e
                                              WHERE cspi.ssd_code('early_help_provider', e.earl_episode_organisation::text) IN ('INTERNAL', 'EXTERNAL'))
                             AND EXISTS (SELECT 1 FROM %1$s.ssd_early_help_episodes)$q$, s) INTO STRICT no_provider;
        IF no_provider THEN
            gap := gap || ARRAY['family_support',
                                'no organisation of ssd_early_help_episodes (earl_episode_organisation) is mapped to internal or external in cspi.ssd_code_map (item early_help_provider), so SSD cannot say who provided the support'];
        ELSE
            defs := defs || jsonb_build_object('family_support', format($q$
SELECT cspi.ssd_id(e.earl_episode_id::text) AS case_id, f.family_id, cspi.ssd_id(e.earl_person_id::text) AS child_id,
       lower(cspi.ssd_code('early_help_provider', e.earl_episode_organisation::text)) AS provider,
       cspi.ssd_date(e.earl_episode_start_date::date) AS start_date, cspi.ssd_date(e.earl_episode_end_date::date) AS end_date
  FROM %1$s.ssd_early_help_episodes e
  LEFT JOIN (SELECT cspi.ssd_id(x.fami_person_id::text) AS person_id, min(cspi.ssd_id(x.fami_family_id::text) COLLATE "C") AS family_id
               FROM %1$s.ssd_family x GROUP BY 1) f ON f.person_id = cspi.ssd_id(e.earl_person_id::text)$q$, s));
        END IF;
    END IF;

    -- A team's locality: SystemC's department parent is a department type,
    -- Eclipse's is empty.
    gap := gap || ARRAY['allocation.locality',
                        'SSD has no locality of a team (the SystemC build''s dept_team_parent_name is a department type, the Eclipse build''s is empty)'];
    gap := gap || ARRAY['population', 'SSD holds no population: load the ONS estimates beside these views (cspi.fill_population)',
                        'population_age_band', 'SSD holds no population: load the ONS estimates by age band beside these views'];

    -- Create a view for each relation whose SSD tables are all there.
    FOR rel IN SELECT k FROM jsonb_object_keys(defs) AS k ORDER BY k LOOP
        SELECT string_agg(t, ', ' ORDER BY t) INTO missing_tables
          FROM (SELECT DISTINCT (regexp_matches(defs->>rel, '\.(ssd_[a-z_]+)\M(?!\s*\()', 'g'))[1] AS t) x
         WHERE NOT cspi_internal.ssd_has(ssd_schema, t);
        IF missing_tables IS NOT NULL THEN
            gap := gap || ARRAY[rel, format('the SSD schema has no table %s', missing_tables)];
            CONTINUE;
        END IF;
        EXECUTE format('CREATE OR REPLACE VIEW %I.%I AS %s', source_schema, rel, cspi_internal.ssd_inline_codes(defs->>rel));
        EXECUTE format('COMMENT ON VIEW %I.%I IS %L', source_schema, rel,
                       format('The data contract''s %s over the Standard Safeguarding Dataset in schema %s (cspi.source_from_ssd, with cspi.ssd_code_map as it was then: run it again after changing the map).', rel, ssd_schema));
        made := made || rel;
    END LOOP;

    -- Why the rest is not there, for deploy()'s indicator_availability.
    EXECUTE format('CREATE OR REPLACE VIEW %I.source_gap AS SELECT g.item, g.reason FROM (VALUES %s) AS g(item, reason)',
                   source_schema,
                   (SELECT string_agg(format('(%L, %L)', gap[2 * i - 1], gap[2 * i]), ', ' ORDER BY i)
                      FROM generate_series(1, cardinality(gap) / 2) AS i));
    EXECUTE format('COMMENT ON VIEW %I.source_gap IS %L', source_schema,
                   'What the Standard Safeguarding Dataset cannot give the data contract (a relation, or relation.column), and why: deploy() gives the reason in indicator_availability.reason.');

    -- The rows whose values cspi.ssd_code_map does not map.
    PERFORM cspi_internal.create_ssd_data_quality(source_schema, ssd_schema);
    RETURN made;
END
$fn$;
COMMENT ON FUNCTION cspi.source_from_ssd(name, name, text[]) IS
'Creates in source_schema the data contract''s relations as views over the Standard Safeguarding Dataset''s tables in ssd_schema (Data to Insight''s SSD, its SystemC and Eclipse builds, SSD''s own table and column names; doc/ssd.md): child, referral (without completed_date), cin_episode, contact, cin_plan, assessment, s47_enquiry, cp_plan, cp_review, cla_episode, cla_review, visit (without due dates), allocation, health_assessment (completed checks, without due_date), care_leaver and family_support, each only when its SSD tables are there. Coded values are read through cspi.ssd_code_map (descriptions and codes alike; placeholders such as 1900-01-01, SSD_PH, -1, 999.9 and DQ as missing). inferences names those of cspi.ssd_inferences() to make (NULL: all); without one, what it infers is left out. What SSD cannot give (referral.completed_date, missing_episode, health_assessment.due_date, the population) is left out, and the view source_gap says why, which deploy() gives in indicator_availability.reason; the view data_quality lists every SSD row with a value the map lacks. Returns the relations created.';

-- The rule deploy() keeps, for what source_from_ssd and export_ssd read
-- or write with the caller's rights: no relation of another role whose
-- privileges the caller holds (a superuser over a council role's views,
-- whose functions, policies or triggers would run with the superuser's
-- rights).
CREATE OR REPLACE FUNCTION cspi_internal.check_relation_owners(schema name, relations text[], what text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    r record;
BEGIN
    SELECT c.relname, pg_get_userbyid(c.relowner) AS owner INTO r
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = schema AND c.relname = ANY (relations)
       AND c.relowner <> current_user::regrole AND pg_has_role(current_user, c.relowner, 'USAGE')
     ORDER BY c.relname LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%.% belongs to role %, whose functions would run with the rights of role %', schema, r.relname, r.owner, current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('Run %s as role %s, or give the relation to role %s.', what, r.owner, current_user);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.check_relation_owners(name, text[], text) IS
'Raises insufficient_privilege, naming the relation, its owner and what to run as whom, when a relation of schema named in relations belongs to another role whose privileges the current role holds (so its functions would run with more rights than its owner''s): the rule deploy() keeps, for cspi.source_from_ssd and cspi.export_ssd.';

-- Whether the SSD schema has a table (or view) of that name.
CREATE OR REPLACE FUNCTION cspi_internal.ssd_has(ssd_schema name, ssd_table text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    RETURN to_regclass(format('%I.%I', ssd_schema, ssd_table)) IS NOT NULL;
COMMENT ON FUNCTION cspi_internal.ssd_has(name, text) IS 'Whether ssd_schema has a relation named ssd_table (for cspi.source_from_ssd).';

-- The SSD columns read through cspi.ssd_code_map: table, the column that
-- names the row, the coded column and its item.
CREATE OR REPLACE FUNCTION cspi_internal.ssd_coded_columns()
    RETURNS TABLE (ssd_table text, id_column text, value_column text, item text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT * FROM (VALUES
        ('ssd_person', 'pers_person_id', 'pers_sex', 'sex'),
        ('ssd_person', 'pers_person_id', 'pers_ethnicity', 'ethnicity'),
        ('ssd_disability', 'disa_person_id', 'disa_disability_code', 'disability'),
        ('ssd_cin_episodes', 'cine_referral_id', 'cine_referral_source_code', 'referral_source'),
        ('ssd_contacts', 'cont_contact_id', 'cont_contact_source_code', 'contact_source'),
        ('ssd_cp_plans', 'cppl_cp_plan_id', 'cppl_cp_plan_initial_category', 'category_of_abuse'),
        ('ssd_cp_plans', 'cppl_cp_plan_id', 'cppl_cp_plan_latest_category', 'category_of_abuse'),
        ('ssd_cla_episodes', 'clae_cla_episode_id', 'clae_cla_episode_start_reason', 'reason_new'),
        ('ssd_cla_episodes', 'clae_cla_episode_id', 'clae_cla_episode_ceased_reason', 'reason_ceased'),
        ('ssd_legal_status', 'lega_legal_status_id', 'lega_legal_status', 'legal_status'),
        ('ssd_cla_placement', 'clap_cla_placement_id', 'clap_cla_placement_type', 'placement'),
        ('ssd_cla_placement', 'clap_cla_placement_id', 'clap_cla_placement_provider', 'placement_provider'),
        ('ssd_immigration_status', 'immi_immigration_status_id', 'immi_immigration_status', 'immigration_status'),
        ('ssd_involvements', 'invo_involvements_id', 'invo_professional_role_id', 'involvement_role'),
        ('ssd_cla_health', 'clah_health_check_id', 'clah_health_check_type', 'health_check_type'),
        ('ssd_cla_health', 'clah_health_check_id', 'clah_health_check_status', 'health_check_status'),
        ('ssd_care_leavers', 'clea_table_id', 'clea_care_leaver_in_touch', 'in_touch'),
        ('ssd_care_leavers', 'clea_table_id', 'clea_care_leaver_accom_suitable', 'accommodation_suitable'),
        ('ssd_care_leavers', 'clea_table_id', 'clea_care_leaver_activity', 'activity'),
        ('ssd_care_leavers', 'clea_table_id', 'clea_care_leaver_accommodation', 'accommodation'),
        ('ssd_early_help_episodes', 'earl_episode_id', 'earl_episode_organisation', 'early_help_provider')
    ) AS v(ssd_table, id_column, value_column, item);
    END;
COMMENT ON FUNCTION cspi_internal.ssd_coded_columns() IS
'The coded columns of the Standard Safeguarding Dataset that cspi.source_from_ssd reads through cspi.ssd_code_map: each one''s table, the column naming its rows, and its item.';

-- The source schema's data_quality view: every SSD row with a coded value
-- the map lacks (read as given), and the reviews whose child or plan
-- could not be found (each names its table, row, column and value).
CREATE OR REPLACE FUNCTION cspi_internal.create_ssd_data_quality(source_schema name, ssd_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    parts text[];
BEGIN
    SELECT array_agg(format($q$SELECT %1$L::text AS ssd_table, cspi.ssd_id(x.%2$I::text) AS row_id, %3$L::text AS column_name,
                                      x.%3$I::text AS value,
                                      format('%%s is not in cspi.ssd_code_map (item %%s): read as %%s', x.%3$I, %4$L, upper(btrim(x.%3$I::text))) AS problem
                                 FROM %5$I.%1$I x
                                WHERE nullif(btrim(x.%3$I::text), '') IS NOT NULL AND upper(btrim(x.%3$I::text)) <> 'SSD_PH'
                                  AND NOT EXISTS (SELECT 1 FROM cspi.ssd_code_map m
                                                   WHERE m.item = %4$L AND m.key = upper(btrim(x.%3$I::text)))$q$,
                            c.ssd_table, c.id_column, c.value_column, c.item, ssd_schema) ORDER BY c.ssd_table, c.value_column)
      INTO parts
      FROM cspi_internal.ssd_coded_columns() c
     WHERE cspi_internal.source_has_column(ssd_schema, c.ssd_table, c.value_column)
       AND cspi_internal.source_has_column(ssd_schema, c.ssd_table, c.id_column);
    IF to_regclass(format('%I.cla_review', source_schema)) IS NOT NULL THEN
        parts := parts || format($q$SELECT 'ssd_cla_reviews', r.review_id, 'clar_cla_id', NULL::text,
                                           'no child: neither clar_cla_person_id nor a period of care (clar_cla_id) names one' FROM %I.cla_review r WHERE r.child_id IS NULL$q$,
                                 source_schema);
    END IF;
    IF to_regclass(format('%I.cp_review', source_schema)) IS NOT NULL THEN
        parts := parts || format($q$SELECT 'ssd_cp_reviews', r.review_id, 'cppr_cp_plan_id', NULL::text,
                                           'no plan: cppr_cp_plan_id is empty and the child had no plan open that day' FROM %I.cp_review r WHERE r.plan_id IS NULL$q$,
                                 source_schema);
    END IF;
    EXECUTE format('CREATE OR REPLACE VIEW %I.data_quality AS %s', source_schema,
                   coalesce(array_to_string(parts, E'\nUNION ALL\n'),
                            'SELECT NULL::text AS ssd_table, NULL::text AS row_id, NULL::text AS column_name, NULL::text AS value, NULL::text AS problem WHERE false'));
    EXECUTE format('COMMENT ON VIEW %I.data_quality IS %L', source_schema,
                   format('Rows of the Standard Safeguarding Dataset in schema %s that cspi.source_from_ssd could not read as the data contract asks: a coded value that cspi.ssd_code_map lacks (read as given; add a row to the map), a review with no child or plan.', ssd_schema));
END
$fn$;
COMMENT ON FUNCTION cspi_internal.create_ssd_data_quality(name, name) IS
'Creates the data_quality view of a source schema made by cspi.source_from_ssd: every SSD row whose coded value cspi.ssd_code_map lacks, and every review with no child or plan.';
