--------------------------------------------------------------------------
-- Deploying the indicators over a council's source schema
--------------------------------------------------------------------------

CREATE FUNCTION cspi.contract_accepts(kind text, found regtype) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$
    WITH RECURSIVE base(t, depth) AS (
        SELECT found::oid, 0
        UNION ALL
        SELECT ty.typbasetype, base.depth + 1
          FROM base JOIN pg_catalog.pg_type ty ON ty.oid = base.t
         WHERE ty.typtype = 'd' AND base.depth < 10
    ), b AS (
        SELECT t FROM base ORDER BY depth DESC LIMIT 1
    )
    SELECT CASE kind
        WHEN 'id' THEN EXISTS (SELECT 1 FROM pg_catalog.pg_operator o, b
                                WHERE o.oprname = '=' AND o.oprleft = b.t AND o.oprright = b.t
                                  AND o.oprresult = 'pg_catalog.bool'::pg_catalog.regtype)
        WHEN 'date' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'timestamp' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'flag' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'boolean' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'code' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
        WHEN 'numeric' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'N'
        WHEN 'integer' THEN (SELECT t FROM b) IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype,
                                                  'pg_catalog.int8'::pg_catalog.regtype, 'pg_catalog.numeric'::pg_catalog.regtype)
        END
    $$;
COMMENT ON FUNCTION cspi.contract_accepts(text, regtype) IS
'Whether a column of type found is usable where the data contract asks for kind (see cspi.contract_column).';

CREATE FUNCTION cspi.contract_expression(kind text, found regtype, column_name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT CASE kind
        WHEN 'id' THEN format('(%I)::text', column_name)
        WHEN 'date' THEN CASE found
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I AT TIME ZONE ''Europe/London'')::date', column_name)
            ELSE format('(%I)::date', column_name) END
        WHEN 'timestamp' THEN CASE found
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I AT TIME ZONE ''Europe/London'')', column_name)
            ELSE format('(%I)::timestamp', column_name) END
        WHEN 'flag' THEN format('coalesce((%I)::boolean, false)', column_name)
        WHEN 'boolean' THEN format('(%I)::boolean', column_name)
        WHEN 'code' THEN format('upper(btrim((%I)::text))', column_name)
        WHEN 'numeric' THEN format('(%I)::numeric', column_name)
        WHEN 'integer' THEN format('(%I)::bigint', column_name)
        END
    $$;
COMMENT ON FUNCTION cspi.contract_expression(text, regtype, text) IS
'The SQL expression that reads a source column of type found as the contract''s kind: ids as text, timestamptz in Europe/London, NULL flags as false, codes upper-cased and trimmed.';

CREATE FUNCTION cspi.deploy(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales')
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    problems text[] := '{}';
    present text[] := '{}';
    rel record;
    col record;
    relid oid;
    found_type regtype;
    select_list text;
    r text := quote_ident(report_schema);
    view_options text := CASE WHEN current_setting('server_version_num')::int >= 150000
                              THEN 'WITH (security_invoker = true)' ELSE '' END;
    template text;
    stmt text;
BEGIN
    IF cspi.calendar_range(calendar) IS NULL THEN
        RAISE EXCEPTION 'calendar "%" does not exist', calendar
            USING ERRCODE = 'undefined_object',
                  HINT = 'Known calendars: ' || (SELECT string_agg(name, ', ' ORDER BY name) FROM cspi.calendar) || '.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source_schema) THEN
        RAISE EXCEPTION 'source schema "%" does not exist', source_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Create it with cspi.create_source_tables(), or name the schema that holds your views over the warehouse.';
    END IF;
    IF source_schema = report_schema THEN
        RAISE EXCEPTION 'the report schema must not be the source schema "%"', source_schema
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Check every relation of the contract that the source has.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        SELECT k.oid INTO relid
          FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
         WHERE n.nspname = source_schema AND k.relname = rel.relation
           AND k.relkind IN ('r', 'v', 'm', 'f', 'p');
        IF relid IS NULL THEN
            CONTINUE;
        END IF;
        present := present || rel.relation;
        FOR col IN SELECT c.column_name, c.kind FROM cspi.contract_column c
                    WHERE c.relation = rel.relation ORDER BY c.position LOOP
            SELECT a.atttypid::regtype INTO found_type
              FROM pg_attribute a
             WHERE a.attrelid = relid AND a.attname = col.column_name AND a.attnum > 0 AND NOT a.attisdropped;
            IF found_type IS NULL THEN
                problems := problems || format('%s.%s: missing (expected %s)', rel.relation, col.column_name, col.kind);
            ELSIF NOT cspi.contract_accepts(col.kind, found_type) THEN
                problems := problems || format('%s.%s: found %s, expected %s', rel.relation, col.column_name,
                                               format_type(found_type, NULL), col.kind);
            END IF;
        END LOOP;
    END LOOP;
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'source schema "%" does not fit the data contract (% problems)', source_schema, cardinality(problems)
            USING ERRCODE = 'invalid_table_definition',
                  DETAIL = array_to_string(problems, E'\n'),
                  HINT = 'Rename or cast the columns in your source views; cspi.contract_column lists what each relation needs.';
    END IF;

    -- Replace what an earlier deploy made, in reverse dependency order.
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', r);
    EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS %s.indicator_value', r);
    FOREACH stmt IN ARRAY ARRAY['data_quality', 'family_support_at_period_end', 'care_leaver_at_period_end',
                               'cic_at_period_end', 'cp_at_period_end', 'missing_return_interview',
                               'cic_visit_timeliness', 'cla_review_timeliness', 'cla_placement',
                               'cla_period_of_care', 'cla_episode_detail', 'cp_visit_timeliness',
                               'cp_review_timeliness', 'cp_plan_detail', 'icpc_timeliness',
                               'assessment_timeliness', 'referral_timeliness'] LOOP
        EXECUTE format('DROP VIEW IF EXISTS %s.%I', r, stmt);
    END LOOP;
    EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS %s.period', r);
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c LOOP
        EXECUTE format('DROP VIEW IF EXISTS %s.%I', r, 'src_' || rel.relation);
    END LOOP;
    EXECUTE format('DROP TABLE IF EXISTS %s.indicator_availability, %s.deployment', r, r);

    -- What was deployed, and which indicators it can compute.
    EXECUTE format('CREATE TABLE %s.deployment AS SELECT %L::name AS source_schema, %L::text AS calendar,
                           %L::text[] AS present_relations, now() AS deployed_at,
                           (SELECT extversion FROM pg_extension WHERE extname = ''cspi'') AS cspi_version',
                   r, source_schema, calendar, present);
    EXECUTE format('COMMENT ON TABLE %s.deployment IS %L', r,
                   'What cspi.deploy() made this schema from: the source schema, the calendar and the relations it found.');
    EXECUTE format('CREATE TABLE %s.indicator_availability AS
                    SELECT i.code AS indicator, m.missing = ''{}'' AS available, m.missing AS missing_relations
                      FROM cspi.indicator i
                      CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), ''{}'') AS missing
                                            FROM unnest(i.requires) AS x WHERE NOT x = ANY (%L::text[])) m',
                   r, present);
    EXECUTE format('COMMENT ON TABLE %s.indicator_availability IS %L', r,
                   'Each indicator of the catalogue and whether the source has the relations it needs.');

    -- One view per source relation, reading it as the contract says; an
    -- empty one with the same columns for a relation the source lacks.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        IF rel.relation = ANY (present) THEN
            SELECT string_agg(cspi.contract_expression(c.kind, a.atttypid::regtype, c.column_name)
                              || ' AS ' || quote_ident(c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c
              JOIN pg_attribute a ON a.attname = c.column_name AND a.attnum > 0 AND NOT a.attisdropped
              JOIN pg_class k ON k.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = k.relnamespace
             WHERE c.relation = rel.relation AND k.relname = rel.relation AND n.nspname = source_schema;
            EXECUTE format('CREATE VIEW %s.%I %s AS SELECT %s FROM %I.%I', r, 'src_' || rel.relation,
                           view_options, select_list, source_schema, rel.relation);
        ELSE
            SELECT string_agg(format('NULL::%s AS %I',
                                     CASE c.kind WHEN 'id' THEN 'text' WHEN 'date' THEN 'date'
                                                 WHEN 'timestamp' THEN 'timestamp' WHEN 'flag' THEN 'boolean'
                                                 WHEN 'boolean' THEN 'boolean' WHEN 'code' THEN 'text'
                                                 WHEN 'numeric' THEN 'numeric' ELSE 'bigint' END,
                                     c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c WHERE c.relation = rel.relation;
            EXECUTE format('CREATE VIEW %s.%I %s AS SELECT %s WHERE false', r, 'src_' || rel.relation,
                           view_options, select_list);
        END IF;
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', r, 'src_' || rel.relation,
                       CASE WHEN rel.relation = ANY (present)
                            THEN format('%I.%I read as the data contract says (ids as text, codes upper-case, NULL flags false).',
                                        source_schema, rel.relation)
                            ELSE format('Empty: the source schema %I has no relation %I.', source_schema, rel.relation) END);
    END LOOP;

    -- The indicator views.
    template := $tpl$
-- @R@: report schema; @CAL@: calendar literal; @SI@: view options.
-- Working days are counted with cspi.working_days_or_null: no count (NULL)
-- for a date outside the calendar's range; data_quality lists such dates.

CREATE MATERIALIZED VIEW @R@.period AS
WITH event_dates(d) AS (
    SELECT referral_date FROM @R@.src_referral UNION ALL SELECT completed_date FROM @R@.src_referral
    UNION ALL SELECT start_date FROM @R@.src_assessment UNION ALL SELECT authorised_date FROM @R@.src_assessment
    UNION ALL SELECT strategy_date FROM @R@.src_s47_enquiry UNION ALL SELECT icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT start_date FROM @R@.src_cp_plan UNION ALL SELECT end_date FROM @R@.src_cp_plan
    UNION ALL SELECT review_date FROM @R@.src_cp_review
    UNION ALL SELECT start_date FROM @R@.src_cla_episode UNION ALL SELECT end_date FROM @R@.src_cla_episode
    UNION ALL SELECT review_date FROM @R@.src_cla_review
    UNION ALL SELECT visit_date FROM @R@.src_visit
    UNION ALL SELECT start_date FROM @R@.src_allocation UNION ALL SELECT end_date FROM @R@.src_allocation
    UNION ALL SELECT completed_date FROM @R@.src_health_assessment
    UNION ALL SELECT start_at::date FROM @R@.src_missing_episode
    UNION ALL SELECT returned_at::date FROM @R@.src_missing_episode
    UNION ALL SELECT rhi_offered_at::date FROM @R@.src_missing_episode
    UNION ALL SELECT as_at FROM @R@.src_care_leaver
    UNION ALL SELECT start_date FROM @R@.src_family_support UNION ALL SELECT end_date FROM @R@.src_family_support
), span AS (
    SELECT min(d) AS first_event, max(d) AS last_event
      FROM event_dates
     WHERE isfinite(d)
), months AS (
    SELECT (make_date(y, 4, 1) + m * interval '1 month')::date AS month_start
      FROM span,
           generate_series(extract(year FROM span.first_event - interval '3 months')::int,
                           extract(year FROM span.last_event - interval '3 months')::int) AS y,
           generate_series(0, 11) AS m
     WHERE span.first_event IS NOT NULL
)
SELECT DISTINCT p.period_type, p.period, p.period_start, p.period_end
  FROM months CROSS JOIN LATERAL cspi.periods_of(months.month_start) AS p;

CREATE UNIQUE INDEX period_key ON @R@.period (period_type, period);

CREATE VIEW @R@.referral_timeliness @SI@ AS
WITH previous AS (
    SELECT r.referral_id, max(p.referral_date) AS previous_referral_date
      FROM @R@.src_referral r
      JOIN @R@.src_referral p
        ON p.child_id = r.child_id AND p.referral_id <> r.referral_id
       AND p.referral_date >= r.referral_date - interval '12 months'
       AND p.referral_date < r.referral_date
     GROUP BY r.referral_id
)
SELECT r.referral_id, r.child_id, c.family_id, r.referral_date, r.completed_date,
       wd.working_days,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days <= 1, false) AS within_1wd,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days > 3, true) AS over_3wd,
       pr.previous_referral_date,
       pr.previous_referral_date IS NOT NULL AS rereferral_12m
  FROM @R@.src_referral r
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = r.child_id
  LEFT JOIN previous pr ON pr.referral_id = r.referral_id
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(r.referral_date, r.completed_date, @CAL@) AS working_days
  ) wd;

CREATE VIEW @R@.assessment_timeliness @SI@ AS
SELECT a.assessment_id, a.child_id, a.start_date, a.authorised_date, wd.working_days,
       a.authorised_date IS NOT NULL AND coalesce(wd.working_days <= 45, false) AS within_45wd
  FROM @R@.src_assessment a
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(a.start_date, a.authorised_date, @CAL@) AS working_days
  ) wd;

CREATE VIEW @R@.icpc_timeliness @SI@ AS
SELECT s.s47_id, s.child_id, s.strategy_date, s.icpc_date, s.transfer_in, wd.working_days,
       s.icpc_date IS NOT NULL AND coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM @R@.src_s47_enquiry s
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(s.strategy_date, s.icpc_date, @CAL@) AS working_days
  ) wd;

CREATE VIEW @R@.cp_plan_detail @SI@ AS
WITH earlier AS (
    SELECT p.plan_id,
           max(q.end_date) FILTER (WHERE q.end_date BETWEEN p.start_date - interval '2 years' AND p.start_date)
               AS previous_end_within_2y,
           max(q.start_date) AS previous_start
      FROM @R@.src_cp_plan p
      JOIN @R@.src_cp_plan q
        ON q.child_id = p.child_id AND q.plan_id <> p.plan_id AND q.start_date < p.start_date
     GROUP BY p.plan_id
)
SELECT p.plan_id, p.child_id, p.start_date, p.end_date,
       e.previous_start AS previous_plan_start,
       e.previous_end_within_2y AS previous_plan_end_within_2y,
       e.previous_end_within_2y IS NOT NULL AS repeat_within_2y,
       e.previous_start IS NOT NULL AS repeat_ever
  FROM @R@.src_cp_plan p
  LEFT JOIN earlier e ON e.plan_id = p.plan_id;

CREATE VIEW @R@.cp_review_timeliness @SI@ AS
WITH reviews AS (
    SELECT r.review_id, r.plan_id, r.review_date,
           max(r.review_date) OVER (PARTITION BY r.plan_id ORDER BY r.review_date
                                    RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_review_date
      FROM @R@.src_cp_review r
     WHERE r.review_date IS NOT NULL
)
SELECT r.review_id, r.plan_id, p.child_id, p.start_date AS plan_start, r.review_date,
       r.previous_review_date,
       d.due_by,
       coalesce(r.review_date <= d.due_by, false) AS in_timescale
  FROM reviews r
  LEFT JOIN (SELECT DISTINCT ON (plan_id) plan_id, child_id, start_date
               FROM @R@.src_cp_plan ORDER BY plan_id, start_date) p ON p.plan_id = r.plan_id
  CROSS JOIN LATERAL (
      SELECT (CASE WHEN r.previous_review_date IS NULL THEN p.start_date + interval '3 months'
                   ELSE r.previous_review_date + interval '6 months' END)::date AS due_by
  ) d;

CREATE VIEW @R@.cp_visit_timeliness @SI@ AS
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CP' AND v.visit_date IS NOT NULL
), with_plan AS (
    SELECT DISTINCT ON (v.visit_id) v.*, p.plan_id, p.start_date AS plan_start
      FROM visits v
      LEFT JOIN @R@.src_cp_plan p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
     ORDER BY v.visit_id, p.start_date DESC NULLS LAST, p.plan_id DESC NULLS LAST
)
SELECT w.visit_id, w.child_id, w.visit_date, w.plan_id, w.plan_start,
       CASE WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date END AS previous_visit_date,
       m.measured_from, wd.working_days,
       coalesce(wd.working_days <= 10, false) AS within_10wd,
       coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM with_plan w
  CROSS JOIN LATERAL (
      SELECT CASE WHEN w.plan_id IS NULL THEN NULL
                  WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date
                  ELSE w.plan_start END AS measured_from
  ) m
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(m.measured_from, w.visit_date, @CAL@) AS working_days
  ) wd;

CREATE VIEW @R@.cla_episode_detail @SI@ AS
WITH ep AS (
    SELECT e.*,
           e.placement IN ('T0', 'T1', 'T2', 'T3', 'T4') AS temporary,
           row_number() OVER w AS seq,
           lag(e.end_date) OVER w AS previous_end,
           lag(e.reason_ceased) OVER w AS previous_reason_ceased
      FROM @R@.src_cla_episode e
     WHERE e.legal_status IS DISTINCT FROM 'V3' AND e.legal_status IS DISTINCT FROM 'V4'
       AND e.start_date IS NOT NULL
    WINDOW w AS (PARTITION BY e.child_id ORDER BY e.start_date, e.episode_id)
), marked AS (
    SELECT ep.*,
           (ep.seq = 1 OR ep.reason_new = 'S'
            OR (ep.previous_end IS NOT NULL AND ep.previous_reason_ceased IS DISTINCT FROM 'X1'))
               AS starts_period_of_care
      FROM ep
), numbered AS (
    SELECT marked.*,
           sum(starts_period_of_care::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
               AS period_of_care
      FROM marked
), placement_marked AS (
    SELECT numbered.*,
           (reason_new IN ('S', 'P', 'B') AND NOT coalesce(temporary, false)
            AND NOT coalesce(lag(temporary) OVER (PARTITION BY child_id, period_of_care
                                                  ORDER BY start_date, episode_id), false))
               AS starts_placement
      FROM numbered
)
SELECT episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
       reason_ceased, distance_miles, uasc, coalesce(temporary, false) AS temporary,
       period_of_care, starts_period_of_care, starts_placement,
       sum(starts_placement::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
           AS placement_number
  FROM placement_marked;

CREATE VIEW @R@.cla_period_of_care @SI@ AS
SELECT g.child_id, g.period_of_care, g.start_date,
       CASE WHEN g.last_end_date IS NOT NULL AND g.last_reason_ceased IS DISTINCT FROM 'X1'
            THEN g.last_end_date END AS end_date,
       g.first_episode_id, g.last_episode_id, g.first_reason_new,
       g.first_reason_new = 'S' AS starts_with_s,
       g.uasc_at_start, g.last_reason_ceased,
       g.last_end_date IS NOT NULL AND g.last_reason_ceased IN ('E4A', 'E4B') AS returned_home,
       g.episodes
  FROM (SELECT child_id, period_of_care,
               min(start_date) AS start_date,
               (array_agg(end_date ORDER BY start_date DESC, episode_id DESC))[1] AS last_end_date,
               (array_agg(reason_ceased ORDER BY start_date DESC, episode_id DESC))[1] AS last_reason_ceased,
               (array_agg(episode_id ORDER BY start_date, episode_id))[1] AS first_episode_id,
               (array_agg(episode_id ORDER BY start_date DESC, episode_id DESC))[1] AS last_episode_id,
               (array_agg(reason_new ORDER BY start_date, episode_id))[1] AS first_reason_new,
               (array_agg(uasc ORDER BY start_date, episode_id))[1] AS uasc_at_start,
               count(*) AS episodes
          FROM @R@.cla_episode_detail
         GROUP BY child_id, period_of_care) g;

CREATE VIEW @R@.cla_placement @SI@ AS
SELECT s.child_id, s.placement_number, s.period_of_care, s.episode_id AS first_episode_id,
       s.placement AS placement_type, s.start_date,
       least(lead(s.start_date) OVER (PARTITION BY s.child_id ORDER BY s.placement_number),
             poc.end_date) AS end_date
  FROM @R@.cla_episode_detail s
  JOIN @R@.cla_period_of_care poc ON poc.child_id = s.child_id AND poc.period_of_care = s.period_of_care
 WHERE s.starts_placement;

CREATE VIEW @R@.cla_review_timeliness @SI@ AS
WITH with_poc AS (
    SELECT DISTINCT ON (r.review_id) r.review_id, r.child_id, r.review_date,
           poc.period_of_care, poc.start_date AS period_of_care_start
      FROM @R@.src_cla_review r
      LEFT JOIN @R@.cla_period_of_care poc
        ON poc.child_id = r.child_id AND poc.start_date <= r.review_date
       AND (poc.end_date IS NULL OR poc.end_date >= r.review_date)
     WHERE r.review_date IS NOT NULL
     ORDER BY r.review_id, poc.start_date DESC NULLS LAST, poc.period_of_care DESC NULLS LAST
), ranked AS (
    SELECT w.*,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               dense_rank() OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date) END
               AS review_number,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               max(w.review_date) OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date
                                        RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING) END
               AS previous_review_date
      FROM with_poc w
)
SELECT r.review_id, r.child_id, r.review_date, r.period_of_care, r.period_of_care_start,
       r.review_number, r.previous_review_date, wd.working_days_from_start,
       CASE WHEN r.review_number = 2 THEN (r.previous_review_date + interval '3 months')::date
            WHEN r.review_number > 2 THEN (r.previous_review_date + interval '6 months')::date END AS due_by,
       CASE WHEN r.period_of_care IS NULL THEN false
            WHEN r.review_number = 1 THEN coalesce(wd.working_days_from_start <= 20, false)
            WHEN r.review_number = 2 THEN r.review_date <= r.previous_review_date + interval '3 months'
            ELSE r.review_date <= r.previous_review_date + interval '6 months' END AS in_timescale
  FROM ranked r
  CROSS JOIN LATERAL (
      SELECT CASE WHEN r.review_number = 1
                  THEN cspi.working_days_or_null(r.period_of_care_start, r.review_date, @CAL@) END
                 AS working_days_from_start
  ) wd;

CREATE VIEW @R@.cic_visit_timeliness @SI@ AS
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date, v.due_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CIC' AND v.visit_date IS NOT NULL
), with_placement AS (
    SELECT DISTINCT ON (v.visit_id) v.*, p.placement_number, p.start_date AS placement_start
      FROM visits v
      LEFT JOIN @R@.cla_placement p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
     ORDER BY v.visit_id, p.start_date DESC NULLS LAST, p.placement_number DESC NULLS LAST
)
SELECT w.visit_id, w.child_id, w.visit_date, w.due_date, w.placement_number, w.placement_start,
       w.previous_visit_date, f.first_of_placement,
       CASE WHEN w.due_date IS NOT NULL THEN w.visit_date <= w.due_date
            WHEN w.placement_number IS NULL THEN false
            WHEN f.first_of_placement THEN w.visit_date - w.placement_start <= 7
            ELSE w.visit_date - w.previous_visit_date <= 42 END AS in_timescale
  FROM with_placement w
  CROSS JOIN LATERAL (
      SELECT w.placement_number IS NOT NULL
             AND (w.previous_visit_date IS NULL OR w.previous_visit_date < w.placement_start)
                 AS first_of_placement
  ) f;

CREATE VIEW @R@.missing_return_interview @SI@ AS
SELECT m.episode_id, m.child_id, m.start_at, m.returned_at, m.rhi_offered_at,
       m.rhi_offered_at - m.returned_at AS time_to_offer,
       coalesce(m.rhi_offered_at <= m.returned_at + interval '72 hours', false) AS offered_within_72h,
       m.rhi_offered_at IS NOT NULL AS offered,
       m.rhi_engaged AS engaged,
       m.other_authority
  FROM @R@.src_missing_episode m;

CREATE VIEW @R@.cp_at_period_end @SI@ AS
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), open_plans AS (
    SELECT DISTINCT ON (e.period_end, p.child_id) e.period_end, p.child_id, p.plan_id, p.start_date
      FROM ends e
      JOIN @R@.src_cp_plan p
        ON p.start_date <= e.period_end AND (p.end_date IS NULL OR p.end_date > e.period_end)
     WHERE p.child_id IS NOT NULL
     ORDER BY e.period_end, p.child_id, p.start_date DESC, p.plan_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_plans o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.plan_id, o.start_date AS plan_start,
       q.child_id IS NOT NULL AS allocated_qsw
  FROM open_plans o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id;

CREATE VIEW @R@.cic_at_period_end @SI@ AS
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), episode AS MATERIALIZED (
    SELECT * FROM @R@.cla_episode_detail
), placement AS MATERIALIZED (
    SELECT * FROM @R@.cla_placement
), open_episode AS MATERIALIZED (
    SELECT DISTINCT ON (e.period_end, x.child_id)
           e.period_end, x.child_id, x.episode_id, x.uasc, x.distance_miles, x.period_of_care
      FROM ends e
      JOIN episode x
        ON x.start_date <= e.period_end AND (x.end_date IS NULL OR x.end_date > e.period_end)
     WHERE x.child_id IS NOT NULL
     ORDER BY e.period_end, x.child_id, x.start_date DESC, x.episode_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_episode o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
), current_placement AS (
    SELECT DISTINCT ON (o.period_end, o.child_id) o.period_end, o.child_id, p.start_date
      FROM open_episode o
      JOIN placement p
        ON p.child_id = o.child_id AND p.start_date <= o.period_end
       AND (p.end_date IS NULL OR p.end_date > o.period_end)
     ORDER BY o.period_end, o.child_id, p.start_date DESC, p.placement_number DESC
), placements_12m AS (
    SELECT o.period_end, o.child_id, count(*) AS placements
      FROM open_episode o
      JOIN placement p
        ON p.child_id = o.child_id AND p.start_date <= o.period_end
       AND (p.start_date >= (o.period_end - interval '12 months' + interval '1 day')
            OR p.end_date IS NULL
            OR p.end_date > (o.period_end - interval '12 months' + interval '1 day'))
     GROUP BY o.period_end, o.child_id
), health AS (
    SELECT o.period_end, o.child_id, max(h.completed_date) AS latest
      FROM open_episode o
      JOIN @R@.src_health_assessment h
        ON h.child_id = o.child_id AND h.completed_date <= o.period_end
       AND h.kind IN ('INITIAL', 'REVIEW')
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.episode_id, o.uasc, o.distance_miles,
       NOT o.uasc AND o.distance_miles IS NOT NULL AS distance_counted,
       NOT o.uasc AND coalesce(o.distance_miles >= 20, false) AS placed_20_miles_or_more,
       q.child_id IS NOT NULL AS allocated_qsw,
       c.date_of_birth, a.age,
       poc.start_date AS period_of_care_start,
       cp.start_date AS placement_start,
       coalesce(p12.placements, 0) AS placements_12m,
       coalesce(p12.placements, 0) >= 3 AS three_or_more_placements,
       h.latest AS latest_health_assessment,
       coalesce(poc.start_date <= o.period_end - interval '12 months', false) AS health_counted,
       coalesce(h.latest >= o.period_end - CASE WHEN a.age < 5 THEN interval '6 months'
                                                 ELSE interval '12 months' END, false) AS health_current,
       coalesce(a.age < 16 AND poc.start_date <= o.period_end - interval '30 months', false)
           AS stability_counted,
       coalesce(cp.start_date <= o.period_end - interval '2 years', false) AS placement_2_years
  FROM open_episode o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id
  LEFT JOIN @R@.cla_period_of_care poc ON poc.child_id = o.child_id AND poc.period_of_care = o.period_of_care
  LEFT JOIN current_placement cp ON cp.period_end = o.period_end AND cp.child_id = o.child_id
  LEFT JOIN placements_12m p12 ON p12.period_end = o.period_end AND p12.child_id = o.child_id
  LEFT JOIN health h ON h.period_end = o.period_end AND h.child_id = o.child_id
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = o.child_id
  CROSS JOIN LATERAL (SELECT extract(year FROM age(o.period_end, c.date_of_birth))::int AS age) a;

CREATE VIEW @R@.care_leaver_at_period_end @SI@ AS
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), latest AS (
    SELECT DISTINCT ON (e.period_end, l.child_id)
           e.period_end, l.child_id, l.as_at, l.in_touch, l.accommodation_suitable, l.activity
      FROM ends e
      JOIN @R@.src_care_leaver l
        ON l.as_at > e.period_end - interval '12 months' AND l.as_at <= e.period_end
     WHERE l.child_id IS NOT NULL
     ORDER BY e.period_end, l.child_id, l.as_at DESC
)
SELECT l.period_end, l.child_id, l.as_at, c.date_of_birth, a.age,
       CASE WHEN a.age BETWEEN 19 AND 21 THEN '19-21' WHEN a.age BETWEEN 22 AND 25 THEN '22-25' END AS age_band,
       l.in_touch, l.accommodation_suitable, l.activity,
       CASE WHEN l.activity IN ('F1', 'P1', 'F2', 'P2', 'EDUCATION') THEN 'education'
            WHEN l.activity IN ('F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'TRAINING_EMPLOYMENT') THEN 'training_employment'
            WHEN l.activity IN ('G4', 'G5', 'G6', 'NEET') THEN 'neet'
            ELSE 'unknown' END AS activity_group
  FROM latest l
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = l.child_id
  CROSS JOIN LATERAL (SELECT extract(year FROM age(l.period_end, c.date_of_birth))::int AS age) a;

CREATE VIEW @R@.family_support_at_period_end @SI@ AS
SELECT e.period_end, f.provider, f.case_id, f.family_id, f.child_id, f.start_date, f.end_date
  FROM (SELECT period_end FROM @R@.period WHERE period_type = 'month') e
  JOIN @R@.src_family_support f
    ON f.start_date <= e.period_end AND (f.end_date IS NULL OR f.end_date > e.period_end);

CREATE VIEW @R@.data_quality @SI@ AS
WITH cal AS (
    SELECT lower(r) AS lo, upper(r) - 1 AS hi FROM cspi.calendar_range(@CAL@) AS r
), has_child AS (
    SELECT 'child' = ANY (present_relations) AS yes FROM @R@.deployment
), known_child AS (
    SELECT DISTINCT child_id FROM @R@.src_child
), child_refs(relation, row_id, child_id) AS (
    SELECT 'referral', referral_id, child_id FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, child_id FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, child_id FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'cp_plan', plan_id, child_id FROM @R@.src_cp_plan
    UNION ALL SELECT 'cla_episode', episode_id, child_id FROM @R@.src_cla_episode
    UNION ALL SELECT 'cla_review', review_id, child_id FROM @R@.src_cla_review
    UNION ALL SELECT 'visit', visit_id, child_id FROM @R@.src_visit
    UNION ALL SELECT 'allocation', child_id || ' from ' || coalesce(start_date::text, '?'), child_id FROM @R@.src_allocation
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), child_id FROM @R@.src_health_assessment
    UNION ALL SELECT 'missing_episode', episode_id, child_id FROM @R@.src_missing_episode
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || coalesce(as_at::text, '?'), child_id FROM @R@.src_care_leaver
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, child_id FROM @R@.src_family_support
), working_day_dates(relation, row_id, d) AS (
    SELECT 'referral', referral_id, referral_date FROM @R@.src_referral WHERE completed_date IS NOT NULL
    UNION ALL SELECT 'referral', referral_id, completed_date FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, start_date FROM @R@.src_assessment WHERE authorised_date IS NOT NULL
    UNION ALL SELECT 'assessment', assessment_id, authorised_date FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, strategy_date FROM @R@.src_s47_enquiry WHERE icpc_date IS NOT NULL
    UNION ALL SELECT 's47_enquiry', s47_id, icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'visit', visit_id, visit_date FROM @R@.src_visit WHERE visit_type = 'CP'
    UNION ALL SELECT 'cla_review', review_id, review_date FROM @R@.src_cla_review
), problems(relation, row_id, problem) AS (
    -- duplicate keys
    SELECT 'child', child_id, 'duplicate child_id' FROM @R@.src_child GROUP BY child_id HAVING count(*) > 1
    UNION ALL SELECT 'population', year::text, 'duplicate year' FROM @R@.src_population GROUP BY year HAVING count(*) > 1
    UNION ALL SELECT 'referral', referral_id, 'duplicate referral_id' FROM @R@.src_referral GROUP BY referral_id HAVING count(*) > 1
    UNION ALL SELECT 'assessment', assessment_id, 'duplicate assessment_id' FROM @R@.src_assessment GROUP BY assessment_id HAVING count(*) > 1
    UNION ALL SELECT 's47_enquiry', s47_id, 'duplicate s47_id' FROM @R@.src_s47_enquiry GROUP BY s47_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_plan', plan_id, 'duplicate plan_id' FROM @R@.src_cp_plan GROUP BY plan_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_review', review_id, 'duplicate review_id' FROM @R@.src_cp_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_episode', episode_id, 'duplicate episode_id' FROM @R@.src_cla_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_review', review_id, 'duplicate review_id' FROM @R@.src_cla_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'visit', visit_id, 'duplicate visit_id' FROM @R@.src_visit GROUP BY visit_id HAVING count(*) > 1
    UNION ALL SELECT 'missing_episode', episode_id, 'duplicate episode_id' FROM @R@.src_missing_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'duplicate (child_id, as_at)' FROM @R@.src_care_leaver GROUP BY child_id, as_at HAVING count(*) > 1
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'duplicate (case_id, child_id)' FROM @R@.src_family_support GROUP BY case_id, child_id HAVING count(*) > 1
    -- missing dates an indicator needs
    UNION ALL SELECT 'referral', referral_id, 'referral_date is missing' FROM @R@.src_referral WHERE referral_date IS NULL
    UNION ALL SELECT 'assessment', assessment_id, 'start_date is missing' FROM @R@.src_assessment WHERE start_date IS NULL
    UNION ALL SELECT 's47_enquiry', s47_id, 'strategy_date is missing' FROM @R@.src_s47_enquiry WHERE strategy_date IS NULL
    UNION ALL SELECT 'cp_plan', plan_id, 'start_date is missing' FROM @R@.src_cp_plan WHERE start_date IS NULL
    UNION ALL SELECT 'cla_episode', episode_id, 'start_date is missing' FROM @R@.src_cla_episode WHERE start_date IS NULL
    UNION ALL SELECT 'cp_review', review_id, 'review_date is missing' FROM @R@.src_cp_review WHERE review_date IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'review_date is missing' FROM @R@.src_cla_review WHERE review_date IS NULL
    UNION ALL SELECT 'visit', visit_id, 'visit_date is missing' FROM @R@.src_visit WHERE visit_date IS NULL
    UNION ALL SELECT 'child', child_id, 'date_of_birth is missing' FROM @R@.src_child WHERE date_of_birth IS NULL
    -- an end before its start
    UNION ALL SELECT 'referral', referral_id, 'completed before it was received (negative working days)' FROM @R@.src_referral WHERE completed_date < referral_date
    UNION ALL SELECT 'assessment', assessment_id, 'authorised before it started (negative working days)' FROM @R@.src_assessment WHERE authorised_date < start_date
    UNION ALL SELECT 's47_enquiry', s47_id, 'conference before the strategy discussion (negative working days)' FROM @R@.src_s47_enquiry WHERE icpc_date < strategy_date
    UNION ALL SELECT 'cp_plan', plan_id, 'ends before it starts' FROM @R@.src_cp_plan WHERE end_date < start_date
    UNION ALL SELECT 'cla_episode', episode_id, 'ends before it starts' FROM @R@.src_cla_episode WHERE end_date < start_date
    UNION ALL SELECT 'allocation', child_id || ' from ' || start_date, 'ends before it starts' FROM @R@.src_allocation WHERE end_date < start_date
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'ends before it starts' FROM @R@.src_family_support WHERE end_date < start_date
    UNION ALL SELECT 'missing_episode', episode_id, 'returned before going missing' FROM @R@.src_missing_episode WHERE returned_at < start_at
    UNION ALL SELECT 'missing_episode', episode_id, 'engaged with a return home interview that was never offered (not counted as engaged)' FROM @R@.src_missing_episode WHERE rhi_engaged AND rhi_offered_at IS NULL
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), 'kind is not initial or review' FROM @R@.src_health_assessment WHERE kind IS NULL OR kind NOT IN ('INITIAL', 'REVIEW')
    -- dates the calendar cannot count working days for
    UNION ALL SELECT w.relation, w.row_id, 'date ' || w.d || ' is outside the range of calendar ' || @CAL@ || ': no working days counted'
      FROM working_day_dates w, cal WHERE w.d NOT BETWEEN cal.lo AND cal.hi
    -- children that the child relation does not know
    UNION ALL SELECT r.relation, r.row_id, 'unknown child ' || coalesce(r.child_id, 'NULL')
      FROM child_refs r, has_child
     WHERE has_child.yes
       AND NOT EXISTS (SELECT 1 FROM known_child k WHERE k.child_id = r.child_id)
    -- events with nothing to be timely against
    UNION ALL SELECT 'cp_review', review_id, 'review of an unknown plan: not in timescale' FROM @R@.cp_review_timeliness WHERE child_id IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cp visit with no child protection plan open that day: not in timescale' FROM @R@.cp_visit_timeliness WHERE plan_id IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'looked-after review with no period of care open that day: not in timescale' FROM @R@.cla_review_timeliness WHERE period_of_care IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cic visit with no due date and no placement that day: not in timescale' FROM @R@.cic_visit_timeliness WHERE due_date IS NULL AND placement_number IS NULL
    -- care episodes
    UNION ALL SELECT 'cla_episode', e.episode_id, 'overlaps the child''s previous episode'
      FROM (SELECT episode_id, start_date,
                   max(coalesce(end_date, 'infinity')) OVER (PARTITION BY child_id ORDER BY start_date, episode_id
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
              FROM @R@.src_cla_episode
             WHERE legal_status IS DISTINCT FROM 'V3' AND legal_status IS DISTINCT FROM 'V4') e
     WHERE e.start_date < e.previous_end
    UNION ALL SELECT 'cla_episode', first_episode_id, 'period of care does not begin with reason_new S (counted as a period of care all the same)'
      FROM @R@.cla_period_of_care WHERE NOT coalesce(starts_with_s, false)
    -- codes
    UNION ALL SELECT 'cla_episode', episode_id, 'unknown reason_new ' || coalesce(reason_new, 'NULL') FROM @R@.src_cla_episode WHERE reason_new IS NULL OR reason_new NOT IN ('S', 'L', 'P', 'T', 'B', 'U')
    UNION ALL SELECT 'visit', visit_id, 'unknown visit_type ' || coalesce(visit_type, 'NULL') FROM @R@.src_visit WHERE visit_type IS NULL OR visit_type NOT IN ('CP', 'CIC')
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'unknown provider ' || coalesce(provider, 'NULL') FROM @R@.src_family_support WHERE provider IS NULL OR provider NOT IN ('INTERNAL', 'EXTERNAL')
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'unknown activity ' || activity FROM @R@.src_care_leaver
     WHERE activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                            'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN')
)
SELECT relation, row_id, problem FROM problems;

CREATE MATERIALIZED VIEW @R@.indicator_value AS
WITH events(indicator, period_type, period, num, den) AS (
    -- Events are counted per month first and the months rolled up into
    -- quarters and years (counts add up); distinct children and families
    -- are counted per period from the few rows that need them.
    -- Referrals completed in the period.
    SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
      FROM (SELECT date_trunc('month', t.completed_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.within_1wd) AS within_1wd,
                   count(*) FILTER (WHERE t.over_3wd) AS over_3wd
              FROM @R@.referral_timeliness t WHERE t.completed_date IS NOT NULL GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     CROSS JOIN LATERAL (VALUES ('REF_1WD', g.within_1wd, g.n), ('REF_OVER_3WD', g.over_3wd, g.n)) x(indicator, num, den)
     GROUP BY 1, 2, 3
    UNION ALL
    -- Referrals received in the period.
    SELECT 'REREFERRAL_12M', p.period_type, p.period, sum(g.rereferrals), sum(g.n)
      FROM (SELECT date_trunc('month', t.referral_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.rereferral_12m) AS rereferrals
              FROM @R@.referral_timeliness t WHERE t.referral_date IS NOT NULL GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT x.indicator, g.period_type, g.period, x.num, x.den
      FROM (SELECT p.period_type, p.period,
                   count(DISTINCT t.child_id) AS children,
                   count(DISTINCT t.family_id) AS families
              FROM @R@.referral_timeliness t CROSS JOIN LATERAL cspi.periods_of(t.referral_date) p
             WHERE t.rereferral_12m
             GROUP BY 1, 2) g
     CROSS JOIN LATERAL (VALUES ('REREFERRAL_CHILDREN', g.children, NULL::bigint),
                                ('REREFERRAL_FAMILIES', g.families, NULL::bigint)) x(indicator, num, den)
    UNION ALL
    SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
      FROM (SELECT date_trunc('month', t.authorised_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.within_45wd) AS within_45wd
              FROM @R@.assessment_timeliness t WHERE t.authorised_date IS NOT NULL GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     CROSS JOIN LATERAL (VALUES ('CFA_COMPLETED', g.n, NULL::bigint), ('CFA_45WD', g.within_45wd, g.n)) x(indicator, num, den)
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'ICPC_15WD', p.period_type, p.period, sum(g.within_15wd), sum(g.n)
      FROM (SELECT date_trunc('month', t.icpc_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.within_15wd) AS within_15wd
              FROM @R@.icpc_timeliness t WHERE t.icpc_date IS NOT NULL AND NOT t.transfer_in GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
      FROM (SELECT date_trunc('month', t.start_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.repeat_within_2y) AS within_2y,
                   count(*) FILTER (WHERE t.repeat_ever) AS ever
              FROM @R@.cp_plan_detail t WHERE t.start_date IS NOT NULL GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     CROSS JOIN LATERAL (VALUES ('CP_STARTED', g.n, NULL::bigint), ('CP_REPEAT_2Y', g.within_2y, g.n),
                                ('CP_REPEAT_EVER', g.ever, g.n)) x(indicator, num, den)
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'CP_REVIEW_TIMELY', p.period_type, p.period, sum(g.in_timescale), sum(g.n)
      FROM (SELECT date_trunc('month', t.review_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.in_timescale) AS in_timescale
              FROM @R@.cp_review_timeliness t GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
      FROM (SELECT date_trunc('month', t.visit_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.within_10wd) AS within_10wd,
                   count(*) FILTER (WHERE t.within_15wd) AS within_15wd
              FROM @R@.cp_visit_timeliness t GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     CROSS JOIN LATERAL (VALUES ('CP_VISIT_10WD', g.within_10wd, g.n), ('CP_VISIT_15WD', g.within_15wd, g.n)) x(indicator, num, den)
     GROUP BY 1, 2, 3
    UNION ALL
    -- Periods of care starting in the period.
    SELECT x.indicator, g.period_type, g.period, x.num, x.den
      FROM (SELECT s.period_type, s.period,
                   count(DISTINCT s.child_id) AS children,
                   count(DISTINCT c.family_id) AS families,
                   count(*) FILTER (WHERE s.first_in_period AND s.uasc_at_start) AS uasc,
                   count(*) FILTER (WHERE s.first_in_period AND s.child_first_end < s.start_date) AS before
              FROM (SELECT q.*, p.period_type, p.period,
                           row_number() OVER (PARTITION BY q.child_id, p.period_type, p.period
                                              ORDER BY q.start_date, q.period_of_care) = 1 AS first_in_period
                      FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                              FROM @R@.cla_period_of_care poc) q
                      CROSS JOIN LATERAL cspi.periods_of(q.start_date) p) s
              LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
                ON c.child_id = s.child_id
             GROUP BY 1, 2) g
     CROSS JOIN LATERAL (VALUES ('CIC_STARTED', g.children, NULL::bigint), ('CIC_STARTED_FAMILIES', g.families, NULL::bigint),
                                ('CIC_STARTED_UASC', g.uasc, NULL::bigint), ('CIC_STARTED_BEFORE', g.before, NULL::bigint))
           x(indicator, num, den)
    UNION ALL
    -- Periods of care ending in the period.
    SELECT x.indicator, g.period_type, g.period, x.num, x.den
      FROM (SELECT p.period_type, p.period, count(*) AS n,
                   count(*) FILTER (WHERE poc.returned_home) AS home,
                   count(DISTINCT poc.child_id) AS children,
                   count(DISTINCT c.family_id) AS families
              FROM @R@.cla_period_of_care poc CROSS JOIN LATERAL cspi.periods_of(poc.end_date) p
              LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
                ON c.child_id = poc.child_id
             GROUP BY 1, 2) g
     CROSS JOIN LATERAL (VALUES ('CIC_CEASED', g.children, NULL::bigint), ('CIC_CEASED_FAMILIES', g.families, NULL::bigint),
                                ('CIC_CEASED_HOME', g.home, g.n)) x(indicator, num, den)
    UNION ALL
    SELECT 'CIC_REVIEW_TIMELY', p.period_type, p.period, sum(g.in_timescale), sum(g.n)
      FROM (SELECT date_trunc('month', t.review_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.in_timescale) AS in_timescale
              FROM @R@.cla_review_timeliness t GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'CIC_VISIT_TIMELY', p.period_type, p.period, sum(g.in_timescale), sum(g.n)
      FROM (SELECT date_trunc('month', t.visit_date)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE t.in_timescale) AS in_timescale
              FROM @R@.cic_visit_timeliness t GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    -- Review health assessments due in the period, done by its end (every
    -- period ends at a month end, so the month of completion decides).
    SELECT 'CIC_RHA_DONE', p.period_type, p.period,
           sum(g.n) FILTER (WHERE g.done_month <= p.period_end), sum(g.n)
      FROM (SELECT date_trunc('month', h.due_date)::date AS month,
                   (date_trunc('month', h.completed_date) + interval '1 month' - interval '1 day')::date AS done_month,
                   count(*) AS n
              FROM @R@.src_health_assessment h WHERE h.kind = 'REVIEW' AND h.due_date IS NOT NULL GROUP BY 1, 2) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
      FROM (SELECT date_trunc('month', m.returned_at)::date AS month, count(*) AS n,
                   count(*) FILTER (WHERE m.offered_within_72h) AS in_72h,
                   count(*) FILTER (WHERE m.offered AND m.engaged) AS engaged,
                   count(*) FILTER (WHERE m.offered) AS offered
              FROM @R@.missing_return_interview m
             WHERE NOT m.other_authority AND m.returned_at IS NOT NULL
             GROUP BY 1) g
     CROSS JOIN LATERAL cspi.periods_of(g.month) p
     CROSS JOIN LATERAL (VALUES ('RHI_72H', g.in_72h, g.n), ('RHI_ENGAGED', g.engaged, g.offered)) x(indicator, num, den)
     GROUP BY 1, 2, 3
), snapshots(indicator, period_end, num, den) AS (
    SELECT x.indicator, g.period_end, x.num, x.den
      FROM (SELECT period_end, count(DISTINCT child_id) AS open,
                   count(DISTINCT child_id) FILTER (WHERE allocated_qsw) AS qsw
              FROM @R@.cp_at_period_end GROUP BY 1) g
     CROSS JOIN LATERAL (VALUES ('CP_OPEN', g.open, NULL::bigint), ('CP_RATE', g.open, NULL::bigint),
                                ('CP_ALLOCATED_QSW', g.qsw, g.open)) x(indicator, num, den)
    UNION ALL
    SELECT x.indicator, g.period_end, x.num, x.den
      FROM (SELECT period_end, count(*) AS open,
                   count(*) FILTER (WHERE uasc) AS uasc,
                   count(*) FILTER (WHERE placed_20_miles_or_more) AS far,
                   count(*) FILTER (WHERE distance_counted) AS distance_counted,
                   count(*) FILTER (WHERE allocated_qsw) AS qsw,
                   count(*) FILTER (WHERE health_counted AND health_current) AS health_current,
                   count(*) FILTER (WHERE health_counted) AS health_counted,
                   count(*) FILTER (WHERE stability_counted AND placement_2_years) AS stable,
                   count(*) FILTER (WHERE stability_counted) AS stability_counted,
                   count(*) FILTER (WHERE three_or_more_placements) AS three_placements
              FROM @R@.cic_at_period_end GROUP BY 1) g
     CROSS JOIN LATERAL (VALUES ('CIC_OPEN', g.open, NULL::bigint), ('CIC_UASC', g.uasc, NULL::bigint), ('CIC_RATE', g.open, NULL::bigint),
                                ('CIC_20_MILES', g.far, g.distance_counted), ('CIC_ALLOCATED_QSW', g.qsw, g.open),
                                ('CIC_HEALTH_CURRENT', g.health_current, g.health_counted),
                                ('CIC_STABILITY_LONG', g.stable, g.stability_counted),
                                ('CIC_STABILITY_SHORT', g.three_placements, g.open)) x(indicator, num, den)
    UNION ALL
    SELECT x.indicator || '_' || replace(g.age_band, '-', '_'), g.period_end, x.num, x.den
      FROM (SELECT period_end, age_band, count(*) AS n,
                   count(*) FILTER (WHERE accommodation_suitable) AS accommodation,
                   count(*) FILTER (WHERE activity_group = 'neet') AS neet,
                   count(*) FILTER (WHERE activity_group = 'education') AS education,
                   count(*) FILTER (WHERE activity_group = 'training_employment') AS training_employment
              FROM @R@.care_leaver_at_period_end WHERE age_band IS NOT NULL GROUP BY 1, 2) g
     CROSS JOIN LATERAL (VALUES ('CL_ACCOM', g.accommodation, g.n), ('CL_NEET', g.neet, g.n),
                                ('CL_EDUCATION', g.education, g.n),
                                ('CL_TRAINING_EMPLOYMENT', g.training_employment, g.n)) x(indicator, num, den)
    UNION ALL
    SELECT 'EH_' || x.what || '_' || g.provider, g.period_end, x.num, NULL::bigint
      FROM (SELECT period_end, provider, count(DISTINCT family_id) AS families,
                   count(DISTINCT child_id) AS children
              FROM @R@.family_support_at_period_end WHERE provider IN ('INTERNAL', 'EXTERNAL') GROUP BY 1, 2) g
     CROSS JOIN LATERAL (VALUES ('FAMILIES', g.families), ('CHILDREN', g.children)) x(what, num)
), counted(indicator, period_type, period, num, den) AS (
    SELECT indicator, period_type, period, num, den FROM events
    UNION ALL
    SELECT s.indicator, p.period_type, p.period, s.num, s.den
      FROM snapshots s JOIN @R@.period p ON p.period_end = s.period_end
)
SELECT i.code AS indicator, p.period_type, p.period, p.period_start, p.period_end,
       v.numerator, v.denominator, v.value, v.shown, v.display, v.target,
       CASE WHEN v.target IS NULL OR v.shown IS NULL OR i.polarity IS NULL THEN NULL
            WHEN cspi.target_met(v.shown, v.target, i.polarity) THEN 'met'
            ELSE 'not met' END AS status
  FROM cspi.indicator i
  JOIN @R@.indicator_availability a ON a.indicator = i.code AND a.available
  CROSS JOIN @R@.period p
  LEFT JOIN counted c ON c.indicator = i.code AND c.period_type = p.period_type AND c.period = p.period
  LEFT JOIN LATERAL (
      SELECT pop.children FROM @R@.src_population pop
       WHERE i.unit = 'per 10,000' AND make_date(pop.year::int, 6, 30) < p.period_end
       ORDER BY pop.year DESC LIMIT 1) pop ON true
  CROSS JOIN LATERAL (
      SELECT coalesce(c.num, 0)::bigint AS num,
             CASE i.unit WHEN '%' THEN coalesce(c.den, 0)::bigint
                         WHEN 'per 10,000' THEN pop.children::bigint END AS den
  ) n
  CROSS JOIN LATERAL (
      SELECT n.num AS numerator, n.den AS denominator,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN n.num * 100::numeric / n.den END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per(n.num, n.den) END END AS value,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN cspi.percent(cspi.ratio(n.num, n.den), 1) END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den) END END AS shown,
             CASE i.unit
                 WHEN '%' THEN cspi.format_ratio(cspi.ratio(n.num, n.den))
                 WHEN 'count' THEN to_char(n.num, 'FM999,999,999,999,990')
                 ELSE coalesce(CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den)::text END, 'n/a') END AS display,
             cspi.target_for(i.code, p.period) AS target
  ) v;

CREATE UNIQUE INDEX indicator_value_key ON @R@.indicator_value (indicator, period_type, period);
$tpl$;
    template := replace(replace(replace(template, '@R@', r), '@CAL@', quote_literal(calendar)),
                        '@SI@', view_options);
    EXECUTE template;
    PERFORM cspi.comment_report_objects(report_schema);

    RETURN QUERY EXECUTE format('SELECT a.indicator, a.available, a.missing_relations
                                   FROM %s.indicator_availability a
                                   JOIN cspi.indicator i ON i.code = a.indicator
                                  ORDER BY i.display_order', r);
END
$fn$;
COMMENT ON FUNCTION cspi.deploy(name, name, text) IS
'Checks the source schema against the data contract (listing every problem at once) and creates the report objects in report_schema, replacing an earlier deploy''s: the indicator_value materialized view, drill-down views per indicator family and the data_quality view. An absent source relation makes the indicators that need it unavailable. Returns each indicator and whether it is available.';

CREATE FUNCTION cspi.comment_report_objects(report_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM (VALUES
        ('period', 'm', 'Every financial year, quarter and month from the first to the last financial year with events in the source. Refreshed by cspi.refresh() before indicator_value.'),
        ('referral_timeliness', 'v', 'Each referral with its working days from receipt to completion, whether within 1 and over 3 working days, and whether it was a re-referral within 12 months (REF_1WD, REF_OVER_3WD, REREFERRAL_*).'),
        ('assessment_timeliness', 'v', 'Each assessment with its working days from start to authorisation and whether within 45 (CFA_*).'),
        ('icpc_timeliness', 'v', 'Each section 47 enquiry with its working days from strategy discussion to conference and whether within 15 (ICPC_15WD).'),
        ('cp_plan_detail', 'v', 'Each child protection plan and whether it repeats an earlier plan, within 2 years or ever (CP_STARTED, CP_REPEAT_*).'),
        ('cp_review_timeliness', 'v', 'Each child protection review with the date it was due by and whether it was in timescale (CP_REVIEW_TIMELY).'),
        ('cp_visit_timeliness', 'v', 'Each child protection visit with the plan it belongs to, what its clock started from, its working days and whether within 10 and 15 (CP_VISIT_*).'),
        ('cla_episode_detail', 'v', 'Each episode of care (short breaks left out) with its period of care and placement numbers.'),
        ('cla_period_of_care', 'v', 'Each period of care: start, end, first and last episode, UASC at start, whether the child returned home.'),
        ('cla_placement', 'v', 'Each placement (temporary placements and returns from them are not new placements), with its start and end.'),
        ('cla_review_timeliness', 'v', 'Each looked-after review with its period of care, its number in it and whether it was in timescale (CIC_REVIEW_TIMELY).'),
        ('cic_visit_timeliness', 'v', 'Each child-in-care visit with its placement, the previous visit and whether it was in timescale (CIC_VISIT_TIMELY).'),
        ('missing_return_interview', 'v', 'Each missing episode with the time to the return home interview offer and whether within 72 hours (RHI_*).'),
        ('cp_at_period_end', 'v', 'Children subject to a child protection plan at each month end, with their allocation (CP_OPEN, CP_RATE, CP_ALLOCATED_QSW).'),
        ('cic_at_period_end', 'v', 'Children in care at each month end with every snapshot flag: UASC, distance, allocation, health, placement stability.'),
        ('care_leaver_at_period_end', 'v', 'Care leavers at each month end at their latest record in the 12 months before, with age band and activity group (CL_*).'),
        ('family_support_at_period_end', 'v', 'Family support open at each month end (EH_*).'),
        ('data_quality', 'v', 'Source rows that break the data contract or its logic, each with its relation, row id and the problem; none is dropped silently.'),
        ('indicator_value', 'm', 'Every available indicator for every year, quarter and month: numerator, denominator, exact value, value as shown, display text, target and status. Refresh with cspi.refresh().')
    ) AS t(name, kind, comment) LOOP
        EXECUTE format('COMMENT ON %s %I.%I IS %L',
                       CASE c.kind WHEN 'v' THEN 'VIEW' ELSE 'MATERIALIZED VIEW' END,
                       report_schema, c.name, c.comment);
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.comment_report_objects(name) IS
'Comments on the objects cspi.deploy() creates (called by deploy).';

CREATE FUNCTION cspi.refresh(report_schema name DEFAULT 'cspi_report') RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    mv record;
BEGIN
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Run cspi.deploy(source_schema, report_schema) first.';
    END IF;
    -- Every materialized view deploy made, dependencies first.
    FOR mv IN SELECT c.relname, c.relispopulated
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = report_schema AND c.relkind = 'm'
               ORDER BY c.oid LOOP
        IF mv.relispopulated THEN
            EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', report_schema, mv.relname);
        ELSE
            EXECUTE format('REFRESH MATERIALIZED VIEW %I.%I', report_schema, mv.relname);
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh(name) IS
'Refreshes the report schema''s materialized views in dependency order, concurrently (readers are not blocked) once they have been populated.';

