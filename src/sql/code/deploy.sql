--------------------------------------------------------------------------
-- Deploying the indicators over a council's source schema
--------------------------------------------------------------------------

-- The type a column really has: a domain's base type (through domains over
-- domains), the type itself otherwise.
CREATE OR REPLACE FUNCTION cspi_internal.contract_base_type(found regtype) RETURNS regtype
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH RECURSIVE base(t, depth) AS (
        SELECT found::oid, 0
        UNION ALL
        SELECT ty.typbasetype, base.depth + 1
          FROM base JOIN pg_catalog.pg_type ty ON ty.oid = base.t
         WHERE ty.typtype = 'd' AND base.depth < 10
    )
    SELECT t::pg_catalog.regtype FROM base ORDER BY depth DESC LIMIT 1;
    END;
COMMENT ON FUNCTION cspi_internal.contract_base_type(regtype) IS
'The base type of a domain (through domains over domains), or found itself when it is not a domain: what cspi_internal.contract_accepts and cspi_internal.contract_expression look at.';

-- What each kind accepts.  An id is anything that can be a key: a type
-- (after domains) with the equality of a btree or hash operator class, its
-- own or one it reaches through an implicit binary-coercible cast, as its
-- = finds it (varchar has no = of its own and uses text's), or any string
-- type (text, varchar, char(n), citext).  So json, point or xml are
-- refused (xml's cast to text is not implicit), and so is box, whose =
-- compares areas.
CREATE OR REPLACE FUNCTION cspi_internal.contract_accepts(kind text, found regtype) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    WITH b AS (
        SELECT cspi_internal.contract_base_type(found)::oid AS t
    )
    SELECT CASE kind
        WHEN 'id' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
                       OR EXISTS (SELECT 1
                                    FROM pg_catalog.pg_amop ao
                                    JOIN pg_catalog.pg_am am ON am.oid = ao.amopmethod, b
                                   WHERE ((am.amname = 'btree' AND ao.amopstrategy = 3)
                                          OR (am.amname = 'hash' AND ao.amopstrategy = 1))
                                     AND ao.amoplefttype = ao.amoprighttype
                                     AND (ao.amoplefttype = b.t
                                          OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast c
                                                      WHERE c.castsource = b.t
                                                        AND c.casttarget = ao.amoplefttype
                                                        AND c.castmethod = 'b' AND c.castcontext = 'i')))
        WHEN 'date' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'timestamp' THEN (SELECT t FROM b) IN ('pg_catalog.date'::pg_catalog.regtype, 'pg_catalog.timestamp'::pg_catalog.regtype, 'pg_catalog.timestamptz'::pg_catalog.regtype)
        WHEN 'flag' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'boolean' THEN (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'code' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
        WHEN 'code or flag' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'S'
                                 OR (SELECT t FROM b) = 'pg_catalog.bool'::pg_catalog.regtype
        WHEN 'numeric' THEN (SELECT ty.typcategory FROM pg_catalog.pg_type ty, b WHERE ty.oid = b.t) = 'N'
        WHEN 'integer' THEN (SELECT t FROM b) IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype,
                                                  'pg_catalog.int8'::pg_catalog.regtype, 'pg_catalog.numeric'::pg_catalog.regtype)
        END;
    END;
COMMENT ON FUNCTION cspi_internal.contract_accepts(text, regtype) IS
'Whether a column of type found is usable where the data contract asks for kind (see cspi.contract_column), looking through domains to their base type. An id is any string type (text, varchar, char(n), citext) or a type whose equality is that of a btree or hash operator class, its own or reached through an implicit binary-coercible cast (integer, bigint, numeric, uuid, date...); json, xml, point or box are not.';

CREATE OR REPLACE FUNCTION cspi_internal.contract_kind_words(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE kind
        WHEN 'id' THEN 'an id (a column of any type that can be compared for equality)'
        WHEN 'date' THEN 'a date (date, timestamp or timestamp with time zone)'
        WHEN 'timestamp' THEN 'a timestamp (timestamp, timestamp with time zone or date)'
        WHEN 'flag' THEN 'true or false (boolean; NULL counts as false)'
        WHEN 'boolean' THEN 'true or false (boolean; NULL means not known)'
        WHEN 'code' THEN 'a code (text, varchar or char)'
        WHEN 'code or flag' THEN 'a code (text, varchar or char) or true or false (boolean)'
        WHEN 'numeric' THEN 'a number (any numeric type)'
        WHEN 'integer' THEN 'a whole number (smallint, integer, bigint or numeric)'
        ELSE kind END;
COMMENT ON FUNCTION cspi_internal.contract_kind_words(text) IS
'A kind of cspi.contract_column in words, for deploy()''s errors: ''a date (date, timestamp or timestamp with time zone)''.';

-- Ids are read as text and compared as text: two relations' ids match when
-- they are spelled the same, whatever their types.  A char(n) id loses its
-- trailing blanks (its cast to text drops them, as char(n) comparison
-- ignores them), so 'C1' in a char(10) column matches 'C1' in a varchar
-- one.  A date, timestamp or timestamptz is read by what it is under any
-- domain.
CREATE OR REPLACE FUNCTION cspi_internal.contract_expression(kind text, found regtype, column_name text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE kind
        WHEN 'id' THEN CASE b.t
            WHEN 'pg_catalog.bpchar'::pg_catalog.regtype THEN format('rtrim((%I)::text)', column_name)
            ELSE format('(%I)::text', column_name) END
        WHEN 'date' THEN CASE b.t
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I AT TIME ZONE ''Europe/London'')::date', column_name)
            ELSE format('(%I)::date', column_name) END
        WHEN 'timestamp' THEN CASE b.t
            WHEN 'pg_catalog.timestamptz'::pg_catalog.regtype THEN format('(%I)::timestamptz', column_name)
            ELSE format('(%I)::timestamp', column_name) END
        WHEN 'flag' THEN format('coalesce((%I)::boolean, false)', column_name)
        WHEN 'boolean' THEN format('(%I)::boolean', column_name)
        WHEN 'code' THEN format('upper(btrim((%I)::text))', column_name)
        WHEN 'code or flag' THEN CASE b.t
            WHEN 'pg_catalog.bool'::pg_catalog.regtype THEN format('CASE WHEN %1$I THEN ''TRUE'' WHEN NOT %1$I THEN ''FALSE'' END', column_name)
            ELSE format('upper(btrim((%I)::text))', column_name) END
        WHEN 'numeric' THEN format('(%I)::numeric', column_name)
        WHEN 'integer' THEN format('(%I)::bigint', column_name)
        END
      FROM (SELECT cspi_internal.contract_base_type(found) AS t) b;
    END;
COMMENT ON FUNCTION cspi_internal.contract_expression(text, regtype, text) IS
'The SQL expression that reads a source column of type found (a domain by its base type) as the contract''s kind: ids as text (a char(n) id without its trailing blanks, so that it matches the same id in a text or varchar column), dates of a timestamptz in Europe/London, timestamps kept as the source has them (a timestamptz as a real instant, so that elapsed hours are real hours across a clock change; a timestamp as wall-clock time), NULL flags as false, codes upper-cased and trimmed (a boolean where a code or a flag may be given as TRUE or FALSE).';

-- Whether the current role owns a schema (or is a member of its owner),
-- and the error when it does not: deploy, create_region and a region's
-- refresh ask the same.
CREATE OR REPLACE FUNCTION cspi_internal.owns_schema(schema name) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(pg_catalog.pg_has_role(CURRENT_USER,
                        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) schema),
                        'USAGE'), false);
COMMENT ON FUNCTION cspi_internal.owns_schema(name) IS
'Whether the current role owns schema (or is a member of its owner); false when it does not exist.';
CREATE OR REPLACE FUNCTION cspi_internal.check_schema_owner(schema name, noun text, hint text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF NOT cspi_internal.owns_schema(schema) THEN
        RAISE EXCEPTION '% "%" belongs to role %, not to %', noun, schema,
                        (SELECT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = schema), current_user
            USING ERRCODE = 'insufficient_privilege', HINT = hint;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.check_schema_owner(name, text, text) IS
'Raises insufficient_privilege, naming noun and schema, its owner and the current role, with hint, unless the current role owns schema (or is a member of its owner).';

-- The error of a function given a schema that holds no report.
CREATE OR REPLACE FUNCTION cspi_internal.require_indicator_value(report_schema name,
        hint text DEFAULT 'Run cspi.deploy(source_schema, report_schema) first.') RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table', HINT = hint;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.require_indicator_value(name, text) IS
'Raises undefined_table, with hint, unless report_schema has an indicator_value (a council''s report or a region): refresh, cases, scorecard and grant_published_figures check it first.';

-- Acting for a report's or region's owner.  Its source views, internal
-- schema and foreign tables are the owner's, and may call functions of the
-- owner's: whoever acts on the report (an administrator's redeploy, a
-- superuser's pg_cron job), that code must run with the owner's rights
-- only.  SET ROLE would not do (the owner's function could RESET ROLE), so
-- cspi does what PostgreSQL does for REFRESH MATERIALIZED VIEW: the query
-- runs as the owner inside a security-restricted operation (owner_context.c).
CREATE OR REPLACE FUNCTION cspi.execute_as_owner(owner regrole, query text, time_limit_ms integer DEFAULT NULL)
    RETURNS jsonb
    AS 'MODULE_PATHNAME', 'cspi_execute_as_owner' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION cspi.execute_as_owner(regrole, text, integer) IS
'Runs query (one row of one jsonb column, or none: NULL) as role owner inside a security-restricted operation, as PostgreSQL runs REFRESH MATERIALIZED VIEW: the owner''s functions run with the owner''s rights only and cannot SET or RESET ROLE, GUC changes are undone, the search path is pg_catalog, pg_temp. The caller must have the owner''s privileges (a member of it, or a superuser), so it only ever narrows what runs. With time_limit_ms, a query still running then is cancelled and the call fails with program_limit_exceeded (an error an exception block catches, unlike a cancel). deploy, redeploy, refresh and a region''s refresh act for the owner through it.';

CREATE OR REPLACE FUNCTION cspi.in_restricted_operation() RETURNS boolean
    AS 'MODULE_PATHNAME', 'cspi_in_restricted_operation' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION cspi.in_restricted_operation() IS
'Whether this runs inside a security-restricted operation (cspi.execute_as_owner, REFRESH MATERIALIZED VIEW): the functions that act for an owner refuse to run outside one.';

CREATE OR REPLACE FUNCTION cspi_internal.require_restricted_operation(what text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF NOT cspi.in_restricted_operation() THEN
        RAISE EXCEPTION '% acts for a report''s owner and runs only inside cspi.execute_as_owner()', what
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Call cspi.deploy(), cspi.redeploy() or cspi.refresh() instead.';
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.require_restricted_operation(text) IS
'Raises insufficient_privilege, naming what, unless called inside a security-restricted operation: the internal functions that act for an owner call it first.';

-- deploy(): the checks anyone may see, then the deploy itself as the
-- report schema's owner (the caller, for a new schema).
CREATE OR REPLACE FUNCTION cspi.deploy(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales', la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    owner oid := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = report_schema);
BEGIN
    IF source_schema IS NULL OR report_schema IS NULL OR calendar IS NULL THEN
        RAISE EXCEPTION 'cspi.deploy needs a source schema, a report schema and a calendar'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF owner IS NULL THEN
        owner := current_user::regrole;
    ELSE
        PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Deploy into a schema you own, or as its owner.');
    END IF;
    IF btrim(la_code) <> '' THEN
        PERFORM cspi.find_local_authority(la_code);     -- an unknown code is an error naming the nearest
    END IF;
    RETURN QUERY
        SELECT r.indicator, r.available, r.missing_relations
          FROM jsonb_to_recordset(cspi.execute_as_owner(owner::regrole, format(
                   'SELECT pg_catalog.jsonb_agg(d) FROM cspi_internal.deploy_restricted(%L, %L, %L, %L) d',
                   source_schema, report_schema, calendar, la_code)))
               AS r(indicator text, available boolean, missing_relations text[]);
END
$fn$;
COMMENT ON FUNCTION cspi.deploy(name, name, text, text) IS
'Checks the source schema against the data contract (listing every problem at once) and creates or replaces the report objects in report_schema: the drill-down views, data_quality, period and indicator_value (materialized in an internal schema), deployment and indicator_availability. A new deploy is built beside the old one and switched to at the end, so readers are blocked only for that moment, and views that councils made over the published objects are kept. Records the deployment in cspi.deployment, with la_code, the council''s local authority (old three-digit or ONS code; an unknown code is an error listing the nearest), which puts the DfE''s published figures beside the council''s (kept from the previous deploy when NULL; '''' clears it). An absent source relation makes the indicators that need it unavailable. The deploy runs as the report schema''s owner (the caller, for a new schema) inside a security-restricted operation (cspi.execute_as_owner), so the source''s functions never run with anyone else''s rights; a source relation owned by another role whose privileges that owner holds (a superuser deploying over a council role''s views) is refused. Returns each indicator and whether it is available.';

-- The deploy itself, as the report's owner (called by deploy only).
CREATE OR REPLACE FUNCTION cspi_internal.deploy_restricted(source_schema name, report_schema name DEFAULT 'cspi_report',
                            calendar text DEFAULT 'england-and-wales', la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    -- Compiling the long indicator queries with JIT costs seconds, far more
    -- than running them.
    SET jit = off
    AS $fn$
DECLARE
    problems text[] := '{}';
    present text[] := '{}';
    rel record;
    col record;
    relid oid;
    found_type regtype;
    previous record;
    internal name;
    rel_owner oid;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.deploy_restricted');
    -- The council's local authority (old three-digit or ONS code), for the
    -- DfE's published figures beside its own; kept from the previous deploy
    -- when not given.
    IF la_code IS NULL THEN
        SELECT d.la_code INTO la_code FROM cspi.deployment d WHERE d.report_schema = deploy_restricted.report_schema;
    ELSIF btrim(la_code) = '' THEN
        la_code := NULL;        -- '' clears it
    ELSE
        la_code := (cspi.find_local_authority(la_code)).old_la_code;
    END IF;
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
    IF report_schema IN ('public', 'cspi', 'pg_catalog', 'information_schema')
       OR report_schema LIKE 'pg\_%' OR report_schema LIKE 'cspi\_internal\_%' THEN
        RAISE EXCEPTION 'cannot deploy a report into schema "%"', report_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Name a schema of its own for the report, such as cspi_report.';
    END IF;
    IF calendar !~ '^[A-Za-z0-9][A-Za-z0-9 _.()-]*$' THEN
        RAISE EXCEPTION 'calendar name "%" has characters a report cannot use', calendar
            USING ERRCODE = 'invalid_name',
                  HINT = 'Name calendars with letters, digits, spaces, hyphens, underscores, dots and brackets.';
    END IF;
    -- An existing report schema must be the caller's, and hold only what a
    -- deploy made (a schema in the registry) or nothing at all.
    IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = report_schema) THEN
        PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Deploy into a schema you own, or as its owner.');
        IF NOT EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = deploy_restricted.report_schema)
           AND (EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = report_schema)
                OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE n.nspname = report_schema)) THEN
            RAISE EXCEPTION 'schema "%" already holds objects that cspi.deploy() did not create', report_schema
                USING ERRCODE = 'duplicate_schema',
                      HINT = 'Deploy into a new or empty schema; cspi.deployment lists the schemas cspi deployed.';
        END IF;
    END IF;

    -- Check every relation of the contract that the source has.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        SELECT k.oid, k.relowner INTO relid, rel_owner
          FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
         WHERE n.nspname = source_schema AND k.relname = rel.relation
           AND k.relkind IN ('r', 'v', 'm', 'f', 'p');
        IF relid IS NULL THEN
            CONTINUE;
        END IF;
        -- The source is read with the report owner's rights: a relation of
        -- another role whose privileges the owner holds (a council role's
        -- view, deployed by a superuser) would run that role's functions
        -- with more rights than its own.
        IF rel_owner <> current_user::regrole AND pg_has_role(current_user, rel_owner, 'USAGE') THEN
            RAISE EXCEPTION 'source relation %.% belongs to role %, whose functions would run with the rights of role %',
                            source_schema, rel.relation, pg_get_userbyid(rel_owner), current_user
                USING ERRCODE = 'insufficient_privilege',
                      HINT = format('Deploy the report as role %s: create the report schema for it (CREATE SCHEMA %s AUTHORIZATION %s) and deploy into that schema, or give the source to role %s.',
                                    pg_get_userbyid(rel_owner), quote_ident(report_schema),
                                    quote_ident(pg_get_userbyid(rel_owner)), current_user);
        END IF;
        present := present || rel.relation;
        FOR col IN SELECT c.column_name, c.kind, c.optional FROM cspi.contract_column c
                    WHERE c.relation = rel.relation ORDER BY c.position LOOP
            SELECT a.atttypid::regtype INTO found_type
              FROM pg_attribute a
             WHERE a.attrelid = relid AND a.attname = col.column_name AND a.attnum > 0 AND NOT a.attisdropped;
            IF found_type IS NULL AND col.optional THEN
                CONTINUE;       -- the indicators that need it are unavailable
            ELSIF found_type IS NULL THEN
                problems := problems || format('%s.%s: missing; it should be %s', rel.relation, col.column_name,
                                               cspi_internal.contract_kind_words(col.kind));
            ELSIF NOT cspi_internal.contract_accepts(col.kind, found_type) THEN
                problems := problems || format('%s.%s: found %s, but it should be %s', rel.relation, col.column_name,
                                               format_type(found_type, NULL), cspi_internal.contract_kind_words(col.kind));
            ELSIF col.optional THEN
                present := present || (rel.relation || '.' || col.column_name);
            END IF;
        END LOOP;
    END LOOP;
    -- The source's reasons for what it lacks (source_gap, optional), read
    -- by the same rule.
    SELECT k.relowner INTO rel_owner
      FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
     WHERE n.nspname = source_schema AND k.relname = 'source_gap' AND k.relkind IN ('r', 'v', 'm', 'f', 'p');
    IF FOUND AND rel_owner <> current_user::regrole AND pg_has_role(current_user, rel_owner, 'USAGE') THEN
        RAISE EXCEPTION 'source relation %.source_gap belongs to role %, whose functions would run with the rights of role %',
                        source_schema, pg_get_userbyid(rel_owner), current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('Deploy the report as role %s, or give the source to role %s.',
                                pg_get_userbyid(rel_owner), current_user);
    END IF;
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'source schema "%" does not fit the data contract (% problems)', source_schema, cardinality(problems)
            USING ERRCODE = 'invalid_table_definition',
                  DETAIL = array_to_string(problems, E'\n'),
                  HINT = 'Rename or cast the columns in your source views; cspi.contract_column lists what each relation needs.';
    END IF;

    -- One deploy of a report schema at a time.
    PERFORM pg_advisory_xact_lock(hashtext('cspi.deploy'), hashtext(report_schema));
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', report_schema);
    -- The previous generation: the internal schema that the published
    -- indicator_value reads now (never a schema the registry merely names,
    -- which its owner could point anywhere).
    SELECT min(n.nspname) AS internal_schema INTO previous
      FROM pg_depend d
      JOIN pg_rewrite rw ON rw.oid = d.objid
      JOIN pg_class c ON c.oid = d.refobjid AND c.relkind = 'm'
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
       AND rw.ev_class = to_regclass(format('%I.indicator_value', report_schema))
       AND n.nspname ~ '^cspi_internal_[0-9]+$';

    -- The new generation, built in an internal schema of its own: the
    -- materialized views are filled here, while readers go on reading the
    -- published views over the previous generation.
    -- A name no one holds: another role may have made cspi_internal_N
    -- first (to block this deploy, or by chance).
    FOR attempt IN 1 .. 1000 LOOP
        internal := 'cspi_internal_' || nextval('cspi.deployment_generation_seq');
        BEGIN
            EXECUTE format('CREATE SCHEMA %I', internal);
            EXIT;
        EXCEPTION WHEN duplicate_schema THEN
            internal := NULL;
        END;
    END LOOP;
    IF internal IS NULL THEN
        RAISE EXCEPTION 'could not find a free name for the internal schema of report schema "%"', report_schema
            USING ERRCODE = 'duplicate_schema',
                  HINT = 'Other roles hold a thousand schemas named cspi_internal_N: drop those that cspi.deployment does not name.';
    END IF;
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', internal,
                   format('The materialized views of report schema %s, and the views they are computed from (cspi.deploy). Read the report schema, not this one.',
                          report_schema));
    PERFORM cspi_internal.build_report_objects(source_schema, internal, internal, calendar, present, '{}', la_code);

    -- The switch, which readers wait for: the published views of the report
    -- schema over the new generation, then the previous generation dropped.
    PERFORM cspi_internal.lock_published_views(report_schema);
    PERFORM cspi_internal.build_report_objects(source_schema, report_schema, internal, calendar, present,
                                      ARRAY[report_schema, internal], la_code);
    INSERT INTO cspi.deployment AS d (report_schema, source_schema, calendar, internal_schema, cspi_version,
                                      deployed_at, deployed_by, refreshed_at, la_code, latest_event, next_event)
    SELECT report_schema, source_schema, calendar, internal,
           (SELECT extversion FROM pg_extension WHERE extname = 'cspi'), now(), current_user, NULL, la_code,
           (b.bounds ->> 'latest')::date, (b.bounds ->> 'next')::date
      FROM (SELECT cspi_internal.event_bounds(report_schema, cspi.local_date(now())) AS bounds) b
    ON CONFLICT ON CONSTRAINT deployment_pkey DO UPDATE
       SET source_schema = EXCLUDED.source_schema, calendar = EXCLUDED.calendar,
           internal_schema = EXCLUDED.internal_schema, cspi_version = EXCLUDED.cspi_version,
           deployed_at = EXCLUDED.deployed_at, deployed_by = EXCLUDED.deployed_by, refreshed_at = NULL,
           la_code = EXCLUDED.la_code, latest_event = EXCLUDED.latest_event, next_event = EXCLUDED.next_event,
           changes_seen = NULL, last_refresh = NULL;
    IF previous.internal_schema IS NOT NULL AND previous.internal_schema <> internal THEN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', previous.internal_schema);
    END IF;

    RETURN QUERY EXECUTE format('SELECT a.indicator, a.available, a.missing_relations
                                   FROM %I.indicator_availability a
                                   JOIN cspi.indicator i ON i.code = a.indicator
                                  ORDER BY i.display_order', report_schema);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.deploy_restricted(name, name, text, text) IS
'cspi.deploy() itself, run as the report schema''s owner inside a security-restricted operation (cspi.execute_as_owner): refuses to run outside one.';

-- Take the switch's locks on the published views of report_schema without
-- ever waiting while holding some: each attempt locks them all (each with a
-- no-op ALTER VIEW, which locks the view alone; LOCK TABLE would lock the
-- sources behind it too) under a short lock_timeout, and a busy view makes
-- it give all back and try again a moment later.  A reader that holds one
-- view and goes on to read another therefore never deadlocks with a deploy;
-- the deploy waits until no reader is in the middle of a statement over
-- them.  indicator_value and period come first: readers read them first.
-- It waits no longer than the caller's lock_timeout (when set) and
-- cspi.switch_timeout (default 1 minute), then fails naming the sessions
-- that hold the views: the deploy rolls back and the report keeps its
-- previous figures.  A statement_timeout cancels it as any statement.
CREATE OR REPLACE FUNCTION cspi_internal.lock_published_views(report_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    v record;
    callers_timeout text := current_setting('lock_timeout');
    wait interval := coalesce(current_setting('cspi.switch_timeout', true), '1min')::interval;
    deadline timestamptz;
    holders text;
BEGIN
    IF callers_timeout::interval > '0' THEN
        wait := least(wait, callers_timeout::interval);
    END IF;
    deadline := clock_timestamp() + wait;
    LOOP
        BEGIN
            PERFORM set_config('lock_timeout', '100ms', true);
            FOR v IN SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) AS owner
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = report_schema AND c.relkind IN ('v', 'm', 'r')
                      ORDER BY c.relname <> 'indicator_value', c.relname <> 'period', c.relname LOOP
                IF v.relkind = 'v' THEN
                    EXECUTE format('ALTER VIEW %I.%I RESET (check_option)', report_schema, v.relname);
                ELSIF v.relkind = 'm' THEN
                    -- cspi 1.0's materialized views, which LOCK TABLE refuses:
                    -- the same owner again is a no-op that takes the lock
                    EXECUTE format('ALTER MATERIALIZED VIEW %I.%I OWNER TO %I', report_schema, v.relname, v.owner);
                ELSE
                    EXECUTE format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE', report_schema, v.relname);
                END IF;
            END LOOP;
            PERFORM set_config('lock_timeout', callers_timeout, true);
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            EXIT WHEN clock_timestamp() >= deadline;
            PERFORM pg_sleep(0.01 + random() * 0.05);
        END;
    END LOOP;
    PERFORM set_config('lock_timeout', callers_timeout, true);
    -- Who holds them, as far as this role may see.
    SELECT string_agg(format('pid %s (%s%s%s)', a.pid,
                             coalesce('application_name ' || nullif(a.application_name, '') || ', ', ''),
                             coalesce(a.state, 'state not visible'),
                             coalesce(' since ' || to_char(coalesce(a.xact_start, a.state_change) AT TIME ZONE 'UTC',
                                                           'YYYY-MM-DD HH24:MI:SS "UTC"'), '')),
                      '; ' ORDER BY a.pid)
      INTO holders
      FROM (SELECT DISTINCT l.pid FROM pg_locks l
             WHERE l.granted AND l.pid <> pg_backend_pid() AND l.locktype = 'relation'
               AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
               AND l.relation IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                   WHERE n.nspname = report_schema)) h
      LEFT JOIN pg_stat_activity a ON a.pid = h.pid;
    RAISE EXCEPTION 'could not switch report schema "%" to its new deploy: its views were busy for % s',
                    report_schema, rtrim(rtrim(round(extract(epoch FROM wait), 3)::text, '0'), '.')
        USING ERRCODE = 'lock_not_available',
              DETAIL = 'Held by ' || coalesce(holders, 'sessions that have ended since') || '.',
              HINT = 'The report keeps its previous deploy. End those transactions (pg_terminate_backend(pid)), or wait longer (SET cspi.switch_timeout, lock_timeout), then deploy again.';
END
$fn$;
COMMENT ON FUNCTION cspi_internal.lock_published_views(name) IS
'Locks the published views of a report schema for deploy''s switch, giving every lock back and trying again while any is busy, so that readers never deadlock with a deploy (called by deploy). Waits no longer than the caller''s lock_timeout (when set) and the setting cspi.switch_timeout (default 1 minute), then fails with lock_not_available, naming the sessions that hold the views (pid, application_name, state, since when).';

CREATE OR REPLACE FUNCTION cspi.redeploy(report_schema name)
    RETURNS TABLE (indicator text, available boolean, missing_relations text[])
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
BEGIN
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = redeploy.report_schema;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report schema "%" is not in the deployment registry', report_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'Deploy it with cspi.deploy(source_schema, report_schema, calendar); cspi.deployment lists the deployed schemas.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = report_schema) THEN
        RAISE EXCEPTION 'report schema "%" does not exist', report_schema
            USING ERRCODE = 'invalid_schema_name';
    END IF;
    PERFORM cspi_internal.check_schema_owner(report_schema, 'schema', 'Redeploy as its owner, or as a member of that role.');
    -- deploy() runs as the schema's owner, restricted: the objects stay the
    -- owner's, and what the registry row names (which the owner may change)
    -- is read with the owner's rights only.
    RETURN QUERY SELECT * FROM cspi.deploy(d.source_schema, d.report_schema, d.calendar, d.la_code);
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy(name) IS
'Deploys report_schema again, as the schema''s owner inside a security-restricted operation (see cspi.deploy), from the source schema and calendar it was deployed with (cspi.deployment), with the installed version of cspi: run it after ALTER EXTENSION cspi UPDATE. Views that councils made over the published objects are kept.';

CREATE OR REPLACE FUNCTION cspi.redeploy()
    RETURNS TABLE (report_schema name, cspi_version_before text, indicators_available bigint,
                   outcome text, message text)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    d record;
BEGIN
    -- The schemas the caller may act for: those owned by a role whose
    -- privileges it has (every one, for a superuser).  Each in a
    -- subtransaction of its own: one that fails (an owner's registry row
    -- naming a schema it cannot read) leaves the others redeployed.
    FOR d IN SELECT r.* FROM cspi.deployment r JOIN pg_namespace n ON n.nspname = r.report_schema
              WHERE pg_has_role(current_user, n.nspowner, 'USAGE')
              ORDER BY 1 LOOP
        report_schema := d.report_schema;
        cspi_version_before := d.cspi_version;
        BEGIN
            SELECT count(*) FILTER (WHERE r.available) INTO indicators_available FROM cspi.redeploy(d.report_schema) r;
            outcome := 'redeployed';
            message := NULL;
        EXCEPTION WHEN OTHERS THEN
            indicators_available := NULL;
            outcome := 'failed';
            message := SQLERRM;
            RAISE WARNING 'could not redeploy report schema "%": %', d.report_schema, SQLERRM
                USING HINT = 'The schema keeps its previous deploy; the other schemas were redeployed. Mend it and run cspi.redeploy(' || quote_literal(d.report_schema) || ').';
        END;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.redeploy() IS
'Redeploys every report schema of the deployment registry (cspi.deployment) that the caller may act for (owned by a role whose privileges it has; all for a superuser), each as its owner inside a security-restricted operation and in a subtransaction of its own, and returns one row per schema: the version of cspi that had deployed it, its available indicators, outcome (redeployed or failed) and, when it failed, the message (also raised as a warning). A schema that fails keeps its previous deploy and does not stop the others.';

CREATE OR REPLACE FUNCTION cspi.check_deployment(report_schema name) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    deployed text;
    installed text := (SELECT extversion FROM pg_extension WHERE extname = 'cspi');
BEGIN
    SELECT d.cspi_version INTO deployed FROM cspi.deployment d WHERE d.report_schema = check_deployment.report_schema;
    IF deployed IS NOT NULL AND deployed <> installed THEN
        RAISE WARNING 'report schema "%" was deployed by cspi %, but cspi % is installed', report_schema, deployed, installed
            USING HINT = format('Run SELECT cspi.redeploy(%L) to bring it up to date.', report_schema);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.check_deployment(name) IS
'Warns when report_schema was deployed by another version of cspi than the one installed (scorecard calls it, and so narrative and report_html).';

CREATE OR REPLACE FUNCTION cspi.refresh(report_schema name DEFAULT 'cspi_report', incremental boolean DEFAULT true) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    d record;
    o record;
    target name;
    populated boolean;
    refreshed integer := 0;
    owner oid;
    log jsonb;
    counted jsonb;
    bounds jsonb;
    why text;
    how text;
BEGIN
    IF incremental IS NULL THEN
        RAISE EXCEPTION 'cspi.refresh: incremental may not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- A region pulls its members' figures instead.
    IF EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = refresh.report_schema) THEN
        PERFORM cspi.refresh_region(report_schema);
        RETURN;
    END IF;
    SELECT * INTO d FROM cspi.deployment r WHERE r.report_schema = refresh.report_schema;
    owner := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = report_schema);
    IF owner IS NOT NULL THEN
        PERFORM cspi_internal.check_schema_owner(report_schema, 'report schema',
            'Refresh it as its owner, or as a role with its owner''s privileges.');
    END IF;
    PERFORM cspi_internal.require_indicator_value(report_schema);
    -- cspi's own materialized views, dependencies first: in the internal
    -- schema, or in the report schema as cspi 1.0 deployed them.
    target := coalesce(d.internal_schema, report_schema);
    IF to_regclass(format('%I.indicator_count', target)) IS NULL THEN
        -- Deployed before cspi 1.4: indicator_value computes its counts.
        FOR o IN SELECT * FROM cspi.report_object WHERE kind = 'materialized view' ORDER BY build_order LOOP
            SELECT c.relispopulated INTO populated
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = target AND c.relname = o.name AND c.relkind = 'm';
            CONTINUE WHEN NOT FOUND;
            IF populated THEN
                EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', target, o.name);
            ELSE
                EXECUTE format('REFRESH MATERIALIZED VIEW %I.%I', target, o.name);
            END IF;
            refreshed := refreshed + 1;
        END LOOP;
        IF refreshed = 0 THEN
            RAISE EXCEPTION 'found nothing to refresh for report schema "%"', report_schema
                USING ERRCODE = 'undefined_object',
                      HINT = 'Its row in cspi.deployment is missing or names no internal schema: run cspi.deploy() for it again.';
        END IF;
        how := format('full: deployed by cspi %s (after cspi.redeploy() a refresh can be incremental)', d.cspi_version);
    ELSE
        -- The source's change log first, locked: what the refresh reads
        -- and the log then agree.
        log := cspi.execute_as_owner(owner::regrole, format('SELECT cspi_internal.lock_change_log(%L, %L)', d.source_schema, target));
        why := CASE WHEN NOT incremental THEN 'asked for (incremental => false)'
                    WHEN log ? 'why' THEN log ->> 'why'
                    WHEN d.changes_seen IS NULL AND d.refreshed_at IS NULL THEN 'the first refresh since the deploy'
                    WHEN d.changes_seen IS NULL THEN 'the last refresh did not read the change log' END;
        -- Counted again where the changes touch, when it can be; else
        -- the periods (REFRESH runs the owner's views as the owner,
        -- restricted), then every count.
        IF why IS NULL THEN
            counted := cspi.execute_as_owner(owner::regrole, format('SELECT cspi_internal.refresh_counts(%L, %L, %L, %L, %s, %s, NULL, %L, %L)',
                                                                    d.source_schema, report_schema, target, d.calendar,
                                                                    d.changes_seen, log ->> 'position', d.latest_event, d.next_event));
            why := counted ->> 'full';
        END IF;
        IF why IS NOT NULL THEN
            FOR o IN SELECT * FROM cspi.report_object WHERE kind = 'materialized view' AND name <> 'indicator_value' ORDER BY build_order LOOP
                EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', target, o.name);
                -- Statistics for the counting statement's plan (see
                -- cspi_internal.build_report_objects).
                EXECUTE format('ANALYZE %I.%I', target, o.name);
            END LOOP;
            counted := cspi.execute_as_owner(owner::regrole, format('SELECT cspi_internal.refresh_counts(%L, %L, %L, %L, %s, %s, %L, NULL, NULL)',
                                                                    d.source_schema, report_schema, target, d.calendar,
                                                                    coalesce(d.changes_seen, 0), coalesce(log ->> 'position', 'NULL'), why));
        END IF;
        how := counted ->> 'how';
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.indicator_value', target);
    END IF;
    -- The latest event: from the changes, when an incremental refresh
    -- could tell; else read as REFRESH MATERIALIZED VIEW ran the owner's
    -- views, as the owner, restricted.
    IF counted ? 'next' THEN
        bounds := counted;
    ELSE
        bounds := cspi.execute_as_owner(owner::regrole, format('SELECT cspi_internal.event_bounds(%L, cspi.local_date(now()))',
                                                               refresh.report_schema));
    END IF;
    UPDATE cspi.deployment r
       SET refreshed_at = now(),
           latest_event = (bounds ->> 'latest')::date,
           next_event = (bounds ->> 'next')::date,
           changes_seen = (log ->> 'position')::bigint,
           last_refresh = how
     WHERE r.report_schema = refresh.report_schema;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh(name, boolean) IS
'Refreshes the report schema''s figures without blocking readers: its periods, the counts behind every figure and indicator_value; records when and how in cspi.deployment (refreshed_at, last_refresh). When the source''s changes are logged (tables made by cspi.create_source_tables; cspi.track_changes) and incremental is true (the default), only the children that the changes since the last refresh touch are counted again, exactly; otherwise (a source of views, the first refresh after a deploy, changed years or population, a TRUNCATE, many changes) everything is, and last_refresh says why. Writers of a logged source wait while it runs. Only its owner (or a role with the owner''s privileges, such as a superuser) may refresh it, and whatever of the owner''s it reads runs as the owner, restricted (cspi.execute_as_owner), as REFRESH MATERIALIZED VIEW runs it. For a region schema (cspi.create_region), pulls the members'' published figures and pools them again (cspi.refresh_region).';
