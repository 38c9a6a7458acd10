-- The SQL type of each kind of contract column, for a column that is not there.
CREATE OR REPLACE FUNCTION cspi_internal.contract_type(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE kind WHEN 'id' THEN 'text' WHEN 'date' THEN 'date'
                     WHEN 'timestamp' THEN 'timestamp' WHEN 'flag' THEN 'boolean'
                     WHEN 'boolean' THEN 'boolean' WHEN 'code' THEN 'text' WHEN 'code or flag' THEN 'text'
                     WHEN 'numeric' THEN 'numeric' ELSE 'bigint' END;
COMMENT ON FUNCTION cspi_internal.contract_type(text) IS
'The SQL type a src_ view gives a contract column of this kind that the source lacks (an absent relation, an optional column).';

-- A contract column of a source relation as its src_ view reads it (ids as
-- text, codes upper-case, ...: cspi_internal.contract_expression), over
-- the relation's own column names; NULL of the contract's type for an
-- optional column the source lacks.
CREATE OR REPLACE FUNCTION cspi_internal.source_column(source_schema name, relation text, column_name text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT CASE WHEN a.atttypid IS NULL THEN format('NULL::%s', cspi_internal.contract_type(c.kind))
                ELSE cspi_internal.contract_expression(c.kind, a.atttypid::regtype, c.column_name) END
      FROM cspi.contract_column c
      LEFT JOIN LATERAL (
          SELECT a.atttypid FROM pg_attribute a
            JOIN pg_class k ON k.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = k.relnamespace
           WHERE a.attname = c.column_name AND a.attnum > 0 AND NOT a.attisdropped
             AND k.relname = source_column.relation AND n.nspname = source_column.source_schema) a ON true
     WHERE c.relation = source_column.relation AND c.column_name = source_column.column_name;
    END;
COMMENT ON FUNCTION cspi_internal.source_column(name, text, text) IS
'A contract column of source_schema.relation as its src_ view reads it (an expression over the relation''s columns), or NULL of the contract''s type when the relation lacks it.';

-- The select list of a src_ view: every contract column of relation, by
-- cspi_internal.source_column, named as the contract names it.
CREATE OR REPLACE FUNCTION cspi_internal.source_select_list(source_schema name, relation text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT string_agg(cspi_internal.source_column(source_schema, relation, c.column_name) || ' AS ' || quote_ident(c.column_name),
                      ', ' ORDER BY c.position)
      FROM cspi.contract_column c
     WHERE c.relation = source_select_list.relation;
    END;
COMMENT ON FUNCTION cspi_internal.source_select_list(name, text) IS
'The select list of the src_ view of relation over source_schema.relation: each contract column by cspi_internal.source_column.';

-- Build every report object in schema (src_ views, tables and the objects
-- of cspi.report_object).  internal: materialized views are built here (the
-- internal schema); otherwise they are published as views over internal.
CREATE OR REPLACE FUNCTION cspi_internal.build_report_objects(source_schema name, schema name, internal name,
                                          calendar text, present text[], skip_schemas name[], la_code text)
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    building_internal boolean := schema = internal;
    -- the rows of indicator_breakdown, as its functions return them, and
    -- the head of those of the internal schema (the owner's rights)
    breakdown_rows constant text := 'RETURNS TABLE (indicator text, period_type text, period text, dimension text, category text,
                   numerator bigint, denominator bigint, value numeric, display text, unit text)';
    definer_head constant text := breakdown_rows || '
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET jit = off';
    pending text[] := '{}';
    stmt text;
    rel record;
    o record;
    select_list text;
    query text;
    gap_items text[] := '{}';
    gap_reasons text[] := '{}';
BEGIN
    -- One view per source relation, reading it as the contract says; an
    -- empty one with the same columns for a relation the source lacks.
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c ORDER BY 1 LOOP
        IF rel.relation = ANY (present) THEN
            select_list := cspi_internal.source_select_list(source_schema, rel.relation);
            query := format('SELECT %s FROM %I.%I', select_list, source_schema, rel.relation);
        ELSE
            SELECT string_agg(format('NULL::%s AS %I', cspi_internal.contract_type(c.kind), c.column_name), ', ' ORDER BY c.position)
              INTO select_list
              FROM cspi.contract_column c WHERE c.relation = rel.relation;
            query := format('SELECT %s WHERE false', select_list);
        END IF;
        pending := pending || cspi_internal.publish_view(schema, 'src_' || rel.relation, query, true, skip_schemas);
        EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, 'src_' || rel.relation,
                       CASE WHEN rel.relation = ANY (present)
                            THEN format('%I.%I read as the data contract says (ids as text, codes upper-case, NULL flags false).',
                                        source_schema, rel.relation)
                            ELSE format('Empty: the source schema %I has no relation %I.', source_schema, rel.relation) END);
        PERFORM cspi_internal.comment_report_columns(schema, 'src_' || rel.relation);
    END LOOP;

    -- What was deployed, and which indicators it can compute: tables in the
    -- internal schema, published as views.
    IF building_internal THEN
        EXECUTE format('CREATE TABLE %I.deployment AS SELECT %L::name AS source_schema, %L::text AS calendar,
                               %L::text[] AS present_relations, now() AS deployed_at,
                               (SELECT extversion FROM pg_extension WHERE extname = ''cspi'') AS cspi_version,
                               %L::text AS la_code',
                       schema, source_schema, calendar, present, la_code);
        -- Why an indicator is unavailable: for each relation or column
        -- it needs that the source lacks, the reason the source gives in
        -- its optional relation source_gap (an adapter such as
        -- cspi.source_from_ssd writes it), else that the source lacks it.
        IF to_regclass(format('%I.source_gap', source_schema)) IS NOT NULL THEN
            EXECUTE format('SELECT coalesce(array_agg(btrim(g.item::text) ORDER BY btrim(g.item::text)), ''{}''),
                                   coalesce(array_agg(g.reason::text ORDER BY btrim(g.item::text)), ''{}'')
                              FROM (SELECT DISTINCT ON (btrim(item::text)) item, reason FROM %I.source_gap
                                     WHERE item IS NOT NULL AND reason IS NOT NULL
                                     ORDER BY btrim(item::text), reason::text) g', source_schema)
               INTO gap_items, gap_reasons;
        END IF;
        EXECUTE format('CREATE TABLE %1$I.indicator_availability AS
                        SELECT i.code AS indicator, m.missing = ''{}'' AS available, m.missing AS missing_relations,
                               m.reason
                          FROM cspi.indicator i
                          CROSS JOIN LATERAL (
                              SELECT coalesce(array_agg(x ORDER BY x), ''{}'') AS missing,
                                     string_agg(coalesce((%3$L::text[])[array_position(%2$L::text[], x)],
                                                         CASE WHEN x LIKE ''%%.%%''
                                                              THEN format(''the source has no column %%s'', x)
                                                              ELSE format(''the source has no relation %%s'', x) END),
                                                ''; '' ORDER BY x) AS reason
                                FROM unnest(i.requires) AS x WHERE NOT x = ANY (%4$L::text[])) m',
                       schema, gap_items, gap_reasons, present);
    ELSE
        pending := pending || cspi_internal.publish_view(schema, 'deployment', format('SELECT * FROM %I.deployment', internal), false, skip_schemas);
        pending := pending || cspi_internal.publish_view(schema, 'indicator_availability',
                                  format('SELECT * FROM %I.indicator_availability', internal), false, skip_schemas);
    END IF;
    EXECUTE format('COMMENT ON %s %I.deployment IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'What cspi.deploy() made this schema from: the source schema, the calendar and the relations it found.');
    EXECUTE format('COMMENT ON %s %I.indicator_availability IS %L', CASE WHEN building_internal THEN 'TABLE' ELSE 'VIEW' END, schema,
                   'Each indicator of the catalogue and whether the source has the relations it needs.');
    PERFORM cspi_internal.comment_report_columns(schema, 'deployment');
    PERFORM cspi_internal.comment_report_columns(schema, 'indicator_availability');

    -- The report objects, in build order.
    FOR o IN SELECT * FROM cspi.report_object ORDER BY build_order LOOP
        -- (@ASAT@: the day the report's Annex A views are as at.)
        query := cspi_internal.fill_template(o.definition, ARRAY['R', 'CAL', 'SCHEMA', 'TIMELINESS', 'BANDS', 'ASAT'],
                                    ARRAY[quote_ident(schema), quote_literal(calendar), quote_literal(schema),
                                          CASE WHEN o.definition LIKE '%@TIMELINESS@%'
                                               THEN cspi_internal.timeliness_query(quote_ident(schema), false) END,
                                          CASE WHEN o.definition LIKE '%@BANDS@%'
                                               THEN cspi_internal.timeliness_query(quote_ident(schema), true) END,
                                          format('cspi.annex_a_as_at(%L)', schema)]);
        BEGIN
            IF o.kind = 'view' AND o.name = 'indicator_breakdown' THEN
                -- The breakdowns are counts, as indicator_value's figures
                -- are: whoever may read them (a BI role, a region's reader)
                -- reads every case's count without the rows behind them,
                -- whatever row-level security would show it.  Computed
                -- when read, with the owner's rights: a function of the
                -- internal schema, SECURITY DEFINER, one indicator (and
                -- period) at a time, so that a reader of one computes only
                -- its cases; the view calls it for each indicator, and the
                -- report's function indicator_breakdown_of(indicator,
                -- period) for one figure, after checking that its caller
                -- may read the view.  Without JIT: compiling the
                -- expressions of every indicator's part costs far more
                -- than running one.
                IF building_internal THEN
                    -- Each indicator's query, planned alone when read.
                    EXECUTE format('CREATE TABLE %I.breakdown_query AS
                                    SELECT i.code AS indicator, cspi_internal.breakdown_query(%L, %L, i.code) AS query
                                      FROM cspi.indicator i', schema, quote_ident(schema), present);
                    EXECUTE format('ALTER TABLE %I.breakdown_query ADD PRIMARY KEY (indicator)', schema);
                    EXECUTE format('COMMENT ON TABLE %I.breakdown_query IS %L', schema,
                                   'The query of each indicator''s breakdowns (indicator_breakdown_of runs it).');
                    EXECUTE format($f$CREATE FUNCTION %1$I.indicator_breakdown_of(wanted_indicator text, wanted_period text DEFAULT NULL)
    %2$s
    AS $body$
DECLARE
    q text := (SELECT b.query FROM %1$I.breakdown_query b WHERE b.indicator = wanted_indicator);
BEGIN
    IF q IS NOT NULL THEN
        RETURN QUERY EXECUTE q USING wanted_period;
    END IF;
END
$body$$f$, schema, definer_head);
                    EXECUTE format('COMMENT ON FUNCTION %I.indicator_breakdown_of(text, text) IS %L', schema,
                                   'The breakdowns of one indicator, for one period or every period (NULL), computed with the rights of the deployment''s owner (the view indicator_breakdown).');
                    -- Every indicator's breakdowns for one period, in one
                    -- statement (cspi_internal.breakdown_statement): what
                    -- the narrative reads, as the owner.
                    EXECUTE format($f$CREATE FUNCTION %1$I.indicator_breakdown_for_period(wanted_period text)
    %3$s
    AS $body$
BEGIN
    RETURN QUERY EXECUTE %2$L USING wanted_period;
END
$body$$f$, schema, cspi_internal.breakdown_statement(schema, calendar, present), definer_head);
                    EXECUTE format('COMMENT ON FUNCTION %I.indicator_breakdown_for_period(text) IS %L', schema,
                                   'Every indicator''s breakdowns for one period, in one statement that computes each report object once, with the rights of the deployment''s owner: what cspi.narrative reads, as the owner (cspi.execute_as_owner).');
                ELSE
                    query := format('SELECT * FROM %I.%I', internal, o.name);
                END IF;
                pending := pending || cspi_internal.publish_view(schema, o.name, query, false, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
                IF NOT building_internal THEN
                    EXECUTE format($f$CREATE OR REPLACE FUNCTION %1$I.indicator_breakdown_of(wanted_indicator text, wanted_period text)
    %4$s
    LANGUAGE sql STABLE
    SET jit = off
    BEGIN ATOMIC
    SELECT b.* FROM %2$I.indicator_breakdown_of(wanted_indicator, wanted_period) b
     WHERE cspi_internal.may_read_breakdowns(%3$L);
    END$f$, schema, internal, schema, breakdown_rows);
                    EXECUTE format('COMMENT ON FUNCTION %I.indicator_breakdown_of(text, text) IS %L', schema,
                                   'The rows of indicator_breakdown for one indicator and one period (NULL: every period), computing only those: for a BI tool or report that reads one figure at a time. Needs SELECT on indicator_breakdown.');
                END IF;
            ELSIF o.kind = 'view' THEN
                pending := pending || cspi_internal.publish_view(schema, o.name, query, true, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSIF building_internal THEN
                IF o.name = 'indicator_value' THEN
                    -- The counts indicator_value is made from, once every
                    -- view they count exists: a table, which a refresh
                    -- computes again or changes where the source changed.
                    EXECUTE format('CREATE TABLE %I.indicator_count AS %s', schema, cspi_internal.count_statement(schema, calendar));
                    EXECUTE format('CREATE UNIQUE INDEX ON %I.indicator_count (indicator, period_type, period)', schema);
                    EXECUTE format('COMMENT ON TABLE %I.indicator_count IS %L', schema,
                                   'The counts behind indicator_value: each measure''s numerator and denominator by period (cspi.refresh() changes them).');
                END IF;
                -- Filled by REFRESH, not by CREATE ... AS: REFRESH writes
                -- its rows frozen, so that a reader whose snapshot is older
                -- than this deploy's commit, once the switch points it
                -- here, sees every new figure rather than none (the new
                -- relation is reachable only after the commit).
                EXECUTE format('CREATE MATERIALIZED VIEW %I.%I AS %s WITH NO DATA', schema, o.name, query);
                EXECUTE format('REFRESH MATERIALIZED VIEW %I.%I', schema, o.name);
                EXECUTE format('CREATE UNIQUE INDEX ON %I.%I (%s)', schema, o.name, o.unique_key);
                -- Its statistics now, not when autovacuum comes by: the
                -- counting statement joins every object to the month ends,
                -- and planned without them (a guess of one month end) it
                -- compares every case with every month end.
                EXECUTE format('ANALYZE %I.%I', schema, o.name);
                EXECUTE format('COMMENT ON MATERIALIZED VIEW %I.%I IS %L', schema, o.name, o.comment);
            ELSE
                pending := pending || cspi_internal.publish_view(schema, o.name, format('SELECT * FROM %I.%I', internal, o.name),
                                          false, skip_schemas);
                EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema, o.name, o.comment);
            END IF;
            PERFORM cspi_internal.comment_report_columns(schema, o.name);
        EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION 'could not build %.% (report object %, family %): %',
                            schema, o.name, o.kind, o.family, SQLERRM
                USING ERRCODE = SQLSTATE;
        END;
    END LOOP;

    -- Councils' own views that had to be dropped with an object that could
    -- not be replaced in place.
    FOREACH stmt IN ARRAY pending LOOP
        EXECUTE stmt;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.build_report_objects(name, name, name, text, text[], name[], text) IS
'Builds the report objects in schema: in the internal schema with materialized views, in the report schema as published views (called by deploy).';

