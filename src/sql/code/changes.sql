--------------------------------------------------------------------------
-- The incremental refresh: a source's change log, and counting again only
-- the children a change touched
--------------------------------------------------------------------------
-- Source tables made by cspi.create_source_tables() log every change:
-- statement triggers with transition tables write the old and new rows
-- to the source schema's table cspi_change.  A refresh of a report over
-- such a source locks the log (writers wait, readers do not), and unless a
-- full refresh is needed (doc/speed.md says when) counts again only the
-- children the logged changes touch, closed under family: their counts
-- before the changes (their rows now, less the new rows logged, plus the
-- old ones) and after, through the same report object definitions over
-- views restricted to them, and adds the difference to indicator_count.
-- Every figure is a count of rows, of distinct children or of distinct
-- families, and every row a report object counts belongs to one child (a
-- child-protection review through its plan), so the difference is exact.

-- Names for a message: the first three, and how many more.
CREATE OR REPLACE FUNCTION cspi_internal.name_list(names text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN cardinality(names) > 3
                THEN array_to_string(names[1:3], ', ') || format(' and %s more', cardinality(names) - 3)
                ELSE array_to_string(names, ', ') END;
COMMENT ON FUNCTION cspi_internal.name_list(text[]) IS
'The names for a message: all of them, or the first three and how many more.';

-- Start or stop logging the changes of source_schema's contract tables.
CREATE OR REPLACE FUNCTION cspi.track_changes(source_schema name, track boolean DEFAULT true) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    s text := quote_ident(source_schema);
    rel record;
    others text;
BEGIN
    IF source_schema IS NULL OR track IS NULL THEN
        RAISE EXCEPTION 'cspi.track_changes: no argument may be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = source_schema) THEN
        RAISE EXCEPTION 'schema "%" does not exist', source_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = format('Make the source tables first: SELECT cspi.create_source_tables(%L);', source_schema);
    END IF;
    SELECT cspi_internal.name_list(array_agg(DISTINCT c.relname::text)) INTO others
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN cspi.contract_column k ON k.relation = c.relname
     WHERE n.nspname = source_schema AND c.relkind = 'r' AND NOT pg_has_role(c.relowner, 'USAGE');
    IF others IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.track_changes: % in schema "%" belong to another role than %', others, source_schema, current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Only the owner of the source tables can start or stop logging their changes.';
    END IF;
    IF track THEN
        IF to_regclass(format('%s.cspi_change', s)) IS NULL THEN
            EXECUTE format($ddl$
            CREATE TABLE %1$s.cspi_change (
                seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                relation   name NOT NULL,
                is_new     boolean,
                row        jsonb,
                changed_at timestamptz NOT NULL DEFAULT pg_catalog.now()
            );
            COMMENT ON TABLE %1$s.cspi_change IS
            'The changes of this schema''s contract tables since the oldest refresh that still needs them (cspi.track_changes): each old row (is_new false) and new row (true) of every INSERT, UPDATE and DELETE; is_new NULL marks a change that was not logged (TRUNCATE, logging stopped), after which every report over this schema is refreshed in full. cspi.refresh() reads it and deletes what every report has counted.';
            $ddl$, s);
        END IF;
        EXECUTE format($ddl$
            CREATE OR REPLACE FUNCTION %1$s.cspi_log_change() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $body$
            BEGIN
                IF TG_OP = 'TRUNCATE' THEN
                    INSERT INTO %1$s.cspi_change (relation, is_new, row) VALUES (TG_TABLE_NAME, NULL, NULL);
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    INSERT INTO %1$s.cspi_change (relation, is_new, row)
                    SELECT TG_TABLE_NAME, false, pg_catalog.to_jsonb(o) FROM cspi_old o;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO %1$s.cspi_change (relation, is_new, row)
                    SELECT TG_TABLE_NAME, true, pg_catalog.to_jsonb(n) FROM cspi_new n;
                END IF;
                RETURN NULL;
            END
            $body$;
            COMMENT ON FUNCTION %1$s.cspi_log_change() IS
            'Logs the rows a statement changed in cspi_change (cspi.track_changes): runs as this schema''s owner, so that whoever may change a table can log its change and nothing else.';
            REVOKE ALL ON FUNCTION %1$s.cspi_log_change() FROM PUBLIC;
        $ddl$, s);
        -- Logging starts now: whatever changed before was not logged.
        EXECUTE format('INSERT INTO %s.cspi_change (relation, is_new, row) VALUES (''*'', NULL, NULL)', s);
        FOR rel IN
            SELECT DISTINCT c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN cspi.contract_column k ON k.relation = c.relname
             WHERE n.nspname = source_schema AND c.relkind = 'r'
             ORDER BY 1
        LOOP
            EXECUTE format($ddl$
                CREATE OR REPLACE TRIGGER cspi_change_insert AFTER INSERT ON %1$s.%2$I
                    REFERENCING NEW TABLE AS cspi_new FOR EACH STATEMENT EXECUTE FUNCTION %1$s.cspi_log_change();
                CREATE OR REPLACE TRIGGER cspi_change_update AFTER UPDATE ON %1$s.%2$I
                    REFERENCING OLD TABLE AS cspi_old NEW TABLE AS cspi_new FOR EACH STATEMENT EXECUTE FUNCTION %1$s.cspi_log_change();
                CREATE OR REPLACE TRIGGER cspi_change_delete AFTER DELETE ON %1$s.%2$I
                    REFERENCING OLD TABLE AS cspi_old FOR EACH STATEMENT EXECUTE FUNCTION %1$s.cspi_log_change();
                CREATE OR REPLACE TRIGGER cspi_change_truncate AFTER TRUNCATE ON %1$s.%2$I
                    FOR EACH STATEMENT EXECUTE FUNCTION %1$s.cspi_log_change();
                ALTER TABLE %1$s.%2$I ENABLE ALWAYS TRIGGER cspi_change_insert;
                ALTER TABLE %1$s.%2$I ENABLE ALWAYS TRIGGER cspi_change_update;
                ALTER TABLE %1$s.%2$I ENABLE ALWAYS TRIGGER cspi_change_delete;
                ALTER TABLE %1$s.%2$I ENABLE ALWAYS TRIGGER cspi_change_truncate;
            $ddl$, s, rel.relname);
            -- What an incremental refresh looks its children up by.
            IF EXISTS (SELECT 1 FROM cspi.contract_column k WHERE k.relation = rel.relname AND k.column_name = 'child_id')
               AND to_regclass(format('%s.%I', s, rel.relname || '_cspi_child')) IS NULL THEN
                EXECUTE format('CREATE INDEX %I ON %s.%I (child_id)', rel.relname || '_cspi_child', s, rel.relname);
            END IF;
            IF rel.relname IN ('cp_review', 'family_support', 'child')
               AND to_regclass(format('%s.%I', s, rel.relname || '_cspi_group')) IS NULL THEN
                EXECUTE format('CREATE INDEX %I ON %s.%I (%I)', rel.relname || '_cspi_group', s, rel.relname,
                               CASE rel.relname WHEN 'cp_review' THEN 'plan_id' ELSE 'family_id' END);
            END IF;
        END LOOP;
    ELSE
        FOR rel IN
            SELECT DISTINCT c.relname
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = source_schema AND t.tgname LIKE 'cspi\_change\_%'
        LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS cspi_change_insert ON %1$s.%2$I;
                            DROP TRIGGER IF EXISTS cspi_change_update ON %1$s.%2$I;
                            DROP TRIGGER IF EXISTS cspi_change_delete ON %1$s.%2$I;
                            DROP TRIGGER IF EXISTS cspi_change_truncate ON %1$s.%2$I', s, rel.relname);
        END LOOP;
        IF to_regclass(format('%s.cspi_change', s)) IS NOT NULL THEN
            EXECUTE format('INSERT INTO %s.cspi_change (relation, is_new, row) VALUES (''*'', NULL, NULL)', s);
        END IF;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.track_changes(name, boolean) IS
'Starts (track true, the default) or stops logging the changes of source_schema''s contract tables, so that cspi.refresh() of a report over it counts again only the children they touch: statement triggers on every contract table (they fire even with session_replication_role = replica) write the changed rows to the table cspi_change in source_schema, through a function there that runs as the schema''s owner; an index on child_id of each table, and on cp_review''s plan_id and child''s and family_support''s family_id. cspi.create_source_tables() starts it; a bulk load is cheaper with it stopped (cspi.generate_source does so), after which the next refresh of every report over the schema is a full one. Only the owner of the source tables may call it.';

-- The state of a report's source change log, for refresh (as the report's
-- owner): whether the changes of every relation deployed are logged, and
-- if so the log locked (SHARE: writers of the source wait until the
-- refresh commits, so the log and what the refresh reads agree) and its
-- last entry.  Returns {"position": n} or {"why": "..."}.
CREATE OR REPLACE FUNCTION cspi_internal.lock_change_log(source_schema name, internal name) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    log regclass := to_regclass(format('%I.cspi_change', source_schema));
    present text[];
    untracked text;
    last_entry bigint;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.lock_change_log');
    IF log IS NULL THEN
        RETURN jsonb_build_object('why', format('the changes of source schema %s are not logged (cspi.track_changes)', source_schema));
    END IF;
    EXECUTE format('SELECT present_relations FROM %I.deployment', internal) INTO present;
    SELECT cspi_internal.name_list(array_agg(r ORDER BY r)) INTO untracked
      FROM unnest(present) AS r
     WHERE r <> 'population' AND strpos(r, '.') = 0
       AND NOT EXISTS (
           SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_trigger t ON t.tgrelid = c.oid
            WHERE n.nspname = source_schema AND c.relname = r AND c.relkind = 'r'
              AND t.tgname IN ('cspi_change_insert', 'cspi_change_update', 'cspi_change_delete', 'cspi_change_truncate')
              AND t.tgenabled = 'A'
           HAVING count(*) = 4);
    IF untracked IS NOT NULL THEN
        RETURN jsonb_build_object('why', format('the changes of %s are not logged', untracked));
    END IF;
    IF NOT (has_table_privilege(log, 'SELECT') AND has_table_privilege(log, 'DELETE')) THEN
        RETURN jsonb_build_object('why', format('the report''s owner may not read and delete %s', log));
    END IF;
    EXECUTE format('LOCK TABLE %s IN SHARE MODE', log);
    EXECUTE format('SELECT coalesce(max(seq), 0) FROM %s', log) INTO last_entry;
    RETURN jsonb_build_object('position', last_entry);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.lock_change_log(name, name) IS
'For cspi.refresh(), as the report''s owner: whether every source relation deployed has its changes logged (cspi.track_changes) and, if so, the log locked until the refresh commits and its last entry ({"position": n}), or why not ({"why": ...}).';

-- The difference the logged changes make to the counts, for one set of
-- children (cspi_internal.refresh_counts): each source relation restricted
-- to them as it is (after) and as it was (before: those rows, plus the old
-- rows logged, less the new ones), as tables in two scratch schemas; the
-- report objects the counts read, over those; the counts after less the
-- counts before, added to indicator_count.  families false: every measure
-- but those counting distinct families, over every report object, after a
-- check that the years the report covers are the same (else it returns
-- why not, and changes nothing); true: the family measures only, over the
-- objects they read.
CREATE OR REPLACE FUNCTION cspi_internal.count_difference(source_schema name, internal name, calendar text, changes text,
                                                          present text[], children text[], families text[], plans text[],
                                                          with_null boolean, count_families boolean)
    RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    suffix text := CASE WHEN count_families THEN '_families' ELSE '_children' END;
    before_schema name;
    after_schema name;
    scratch name;
    needed text[];
    rel text;
    cols text;
    restriction text;
    logged text;
    o record;
    period_query text := (SELECT r.definition FROM cspi.report_object r WHERE r.name = 'period');
    span_start date;
    span_end date;
    before_start date;
    before_end date;
    after_start date;
    after_end date;
    changed boolean;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.count_difference');
    -- The report objects (and src_ relations) the measures read: all of
    -- them, or those the family measures read, and what those read in turn.
    WITH RECURSIVE need(name) AS (
        SELECT r.name FROM cspi.report_object r
         WHERE r.kind = 'view' AND r.name <> 'data_quality'
           AND r.build_order < (SELECT i.build_order FROM cspi.report_object i WHERE i.name = 'indicator_value')
           AND (NOT count_families OR r.name IN (SELECT m.relation FROM cspi.indicator_measure m WHERE m.count_distinct = 'family_id'))
        UNION
        SELECT x.name
          FROM need n JOIN cspi.report_object r ON r.name = n.name
          CROSS JOIN LATERAL (SELECT (regexp_matches(r.definition, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
    )
    SELECT array_agg(name) INTO needed FROM need;
    IF NOT count_families THEN
        needed := needed || ARRAY(SELECT 'src_' || c.relation FROM cspi.contract_column c);
    END IF;

    -- Two free schema names: another role's schema of the same name is
    -- stepped over, as a deploy steps over one named as its internal schema.
    FOR k IN 0..99 LOOP
        before_schema := internal || '_before' || suffix || CASE WHEN k > 0 THEN '_' || k ELSE '' END;
        after_schema := internal || '_after' || suffix || CASE WHEN k > 0 THEN '_' || k ELSE '' END;
        EXIT WHEN to_regnamespace(quote_ident(before_schema)) IS NULL AND to_regnamespace(quote_ident(after_schema)) IS NULL;
    END LOOP;
    EXECUTE format('CREATE SCHEMA %I', before_schema);
    EXECUTE format('CREATE SCHEMA %I', after_schema);
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c WHERE 'src_' || c.relation = ANY (needed) ORDER BY 1 LOOP
        IF NOT rel = ANY (present) THEN
            SELECT string_agg(format('NULL::%s AS %I', cspi_internal.contract_type(c.kind), c.column_name), ', ' ORDER BY c.position)
              INTO cols FROM cspi.contract_column c WHERE c.relation = rel;
            FOREACH scratch IN ARRAY ARRAY[before_schema, after_schema] LOOP
                EXECUTE format('CREATE VIEW %I.%I AS SELECT %s WHERE false', scratch, 'src_' || rel, cols);
            END LOOP;
            CONTINUE;
        END IF;
        -- A row without a child is counted with every other such row.
        restriction := CASE
            WHEN rel = 'population' THEN 'true'
            WHEN rel = 'cp_review' THEN format('(%1$s = ANY (%2$L::text[]) OR (%1$s IS NULL AND %3$s))',
                                               cspi_internal.source_column(source_schema, rel, 'plan_id'), plans, with_null::text)
            ELSE format('(%1$s = ANY (%2$L::text[]) OR (%1$s IS NULL AND %3$s))',
                        cspi_internal.source_column(source_schema, rel, 'child_id'), children, with_null::text)
                 || CASE WHEN rel = 'family_support' AND count_families
                         THEN format(' OR %s = ANY (%L::text[])', cspi_internal.source_column(source_schema, rel, 'family_id'), families)
                         ELSE '' END END;
        -- The contract's columns the table has (what the src_ view reads).
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
          FROM pg_attribute a
          JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace s ON s.oid = k.relnamespace
         WHERE s.nspname = source_schema AND k.relname = rel AND a.attnum > 0 AND NOT a.attisdropped
           AND EXISTS (SELECT 1 FROM cspi.contract_column c WHERE c.relation = rel AND c.column_name = a.attname);
        logged := format('SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t
                           WHERE l.relation = %L AND (%s) AND ', cols, changes, source_schema, rel, rel, restriction);
        EXECUTE format('CREATE UNLOGGED TABLE %I.%I AS SELECT %s FROM (SELECT %s FROM %I.%I WHERE %s) AS %I',
                       after_schema, 'src_' || rel, cspi_internal.source_select_list(source_schema, rel),
                       cols, source_schema, rel, restriction, rel);
        EXECUTE format('CREATE UNLOGGED TABLE %1$I.%2$I AS SELECT * FROM %3$I.%2$I
                        UNION ALL SELECT %4$s FROM (%5$s) AS %6$I
                        EXCEPT ALL SELECT %4$s FROM (%7$s) AS %6$I',
                       before_schema, 'src_' || rel, after_schema, cspi_internal.source_select_list(source_schema, rel),
                       logged || 'NOT l.is_new', rel, logged || 'l.is_new');
        EXECUTE format('ANALYZE %I.%I, %I.%I', before_schema, 'src_' || rel, after_schema, 'src_' || rel);
    END LOOP;

    IF NOT count_families THEN
        -- The years the report covers: the same unless the changed
        -- children's events now reach beyond them, or the first or last
        -- year may have lost its last event (then the report's own
        -- periods are computed again and compared).
        EXECUTE format('SELECT min(period_start), max(period_end) FROM %I.period WHERE period_type = ''year''', internal)
           INTO span_start, span_end;
        EXECUTE format('SELECT min(period_start), max(period_end) FROM (%s) p WHERE period_type = ''year''',
                       cspi_internal.fill_template(period_query, ARRAY['R'], ARRAY[quote_ident(after_schema)]))
           INTO after_start, after_end;
        EXECUTE format('SELECT min(period_start), max(period_end) FROM (%s) p WHERE period_type = ''year''',
                       cspi_internal.fill_template(period_query, ARRAY['R'], ARRAY[quote_ident(before_schema)]))
           INTO before_start, before_end;
        IF after_start < span_start OR after_end > span_end OR (span_start IS NULL AND after_start IS NOT NULL) THEN
            changed := true;
        ELSIF (before_start = span_start AND after_start IS DISTINCT FROM span_start)
              OR (before_end = span_end AND after_end IS DISTINCT FROM span_end) THEN
            EXECUTE format('SELECT (SELECT string_agg(concat_ws(''|'', period_type, period, period_start, period_end), '','' ORDER BY period_type, period) FROM (%s) p)
                                   IS DISTINCT FROM
                                   (SELECT string_agg(concat_ws(''|'', period_type, period, period_start, period_end), '','' ORDER BY period_type, period) FROM %I.period)',
                           cspi_internal.fill_template(period_query, ARRAY['R'], ARRAY[quote_ident(internal)]), internal)
               INTO changed;
        END IF;
        IF changed THEN
            EXECUTE format('DROP SCHEMA %I CASCADE', before_schema);
            EXECUTE format('DROP SCHEMA %I CASCADE', after_schema);
            RETURN 'the years the report covers changed';
        END IF;
    END IF;

    FOREACH scratch IN ARRAY ARRAY[before_schema, after_schema] LOOP
        EXECUTE format('CREATE VIEW %I.period AS SELECT * FROM %I.period', scratch, internal);
        EXECUTE format('CREATE VIEW %I.deployment AS SELECT * FROM %I.deployment', scratch, internal);
        EXECUTE format('CREATE VIEW %I.indicator_availability AS SELECT * FROM %I.indicator_availability', scratch, internal);
        FOR o IN SELECT * FROM cspi.report_object r
                  WHERE r.name = ANY (needed) AND r.kind = 'view' AND r.name <> 'data_quality'
                    AND r.build_order < (SELECT i.build_order FROM cspi.report_object i WHERE i.name = 'indicator_value')
                  ORDER BY r.build_order LOOP
            EXECUTE format('CREATE UNLOGGED TABLE %I.%I AS %s', scratch, o.name,
                           cspi_internal.fill_template(o.definition, ARRAY['R', 'CAL', 'SCHEMA'],
                                                       ARRAY[quote_ident(scratch), quote_literal(calendar), quote_literal(scratch)]));
            EXECUTE format('ANALYZE %I.%I', scratch, o.name);
        END LOOP;
    END LOOP;
    EXECUTE format($q$
        INSERT INTO %1$I.indicator_count AS c (indicator, period_type, period, num, den)
        SELECT d.indicator, d.period_type, d.period, sum(d.num), sum(d.den)
          FROM (SELECT a.indicator, a.period_type, a.period, a.num, a.den FROM (%2$s) a
                UNION ALL
                SELECT b.indicator, b.period_type, b.period, -b.num, -b.den FROM (%3$s) b) d
         GROUP BY 1, 2, 3
        HAVING sum(d.num) <> 0 OR coalesce(sum(d.den), 0) <> 0
        ON CONFLICT (indicator, period_type, period) DO UPDATE
           SET num = c.num + EXCLUDED.num,
               den = CASE WHEN c.den IS NULL AND EXCLUDED.den IS NULL THEN NULL
                          ELSE coalesce(c.den, 0) + coalesce(EXCLUDED.den, 0) END$q$,
        internal, cspi_internal.count_query(quote_ident(after_schema), count_families),
        cspi_internal.count_query(quote_ident(before_schema), count_families));
    EXECUTE format('DROP SCHEMA %I CASCADE', before_schema);
    EXECUTE format('DROP SCHEMA %I CASCADE', after_schema);
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.count_difference(name, name, text, text, text[], text[], text[], text[], boolean, boolean) IS
'For cspi_internal.refresh_counts, as the report''s owner: adds to indicator_count the difference that the logged changes (changes, a subquery of the log) make to the counts of the given children (families: of the given children and families, for the measures that count distinct families), computed over tables of their rows in two scratch schemas; NULL, or why the counts cannot be changed in place (the years the report covers changed).';

-- The child-protection plans whose reviews belong to the children: their
-- plans now, the plans logged, and those the logged reviews name (plans).
CREATE OR REPLACE FUNCTION cspi_internal.plans_of(source_schema name, internal name, present text[], changes text,
                                                  children text[], plans text[])
    RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    found text[] := plans;
BEGIN
    IF 'cp_plan' = ANY (present) THEN
        EXECUTE format('SELECT coalesce(array_agg(DISTINCT x.id) FILTER (WHERE x.id IS NOT NULL), ''{}'') FROM (
                          SELECT p.plan_id FROM %I.src_cp_plan p WHERE p.child_id = ANY (%L::text[])
                          UNION ALL SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.cp_plan, l.row) AS t WHERE l.relation = ''cp_plan''
                          UNION ALL SELECT unnest(%L::text[])) AS x(id)',
                       internal, children,
                       cspi_internal.source_column(source_schema, 'cp_plan', 'plan_id'), changes, source_schema, plans) INTO found;
    END IF;
    RETURN found;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.plans_of(name, name, text[], text, text[], text[]) IS
'For cspi_internal.refresh_counts: the child-protection plans whose reviews are counted with the children: their plans now, every plan in the log (changes) and the plans given.';

-- The counts behind indicator_value again, as the report's owner: the
-- difference the logged changes make (from entry seen to last_entry), or
-- all of them when full_reason says why.  The children counted again are
-- those the logged rows name (a review's through its plan); for the
-- measures of distinct families, every child of their families too.
CREATE OR REPLACE FUNCTION cspi_internal.refresh_counts(source_schema name, report_schema name, internal name, calendar text,
                                                        seen bigint, last_entry bigint, full_reason text)
    RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    reason text := full_reason;
    log text := format('%I.cspi_change', source_schema);
    changes text;
    n bigint;
    unlogged bigint;
    population_changes bigint;
    source_rows numeric;
    with_null boolean;
    present text[];
    children text[];
    family_children text[];
    families text[];
    plans text[];
    grown text[];
    rel text;
    parts text[];
    result text;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.refresh_counts');
    IF reason IS NULL THEN
        changes := format('(SELECT * FROM %s WHERE seq > %s AND seq <= %s)', log, seen, last_entry);
        EXECUTE format('SELECT count(*), count(*) FILTER (WHERE is_new IS NULL), count(*) FILTER (WHERE relation = ''population'') FROM %s c',
                       changes) INTO n, unlogged, population_changes;
        IF unlogged > 0 THEN
            reason := 'changes were made that were not logged (TRUNCATE, or logging stopped)';
        ELSIF population_changes > 0 THEN
            reason := 'the population changed';
        ELSE
            SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) INTO source_rows
              FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
             WHERE s.nspname = source_schema AND c.relkind = 'r' AND c.relname <> 'cspi_change';
            IF n > greatest(1000, source_rows * 0.02) THEN
                reason := format('%s changes, more than 2%% of the source''s rows', n);
            END IF;
        END IF;
    END IF;

    IF full_reason IS NOT NULL THEN
        -- Computed by CREATE TABLE AS, which can use parallel workers (an
        -- INSERT ... SELECT cannot), then put in place.
        EXECUTE format('CREATE UNLOGGED TABLE %I.indicator_count_new AS %s', internal, cspi_internal.count_query(quote_ident(internal)));
        EXECUTE format('DELETE FROM %I.indicator_count', internal);
        EXECUTE format('INSERT INTO %1$I.indicator_count SELECT * FROM %1$I.indicator_count_new', internal);
        EXECUTE format('DROP TABLE %I.indicator_count_new', internal);
        result := 'full: ' || full_reason;
    ELSIF reason IS NOT NULL THEN
        RETURN jsonb_build_object('full', reason);
    ELSIF n = 0 THEN
        result := 'incremental: no changes';
    ELSE
        EXECUTE format('SELECT present_relations FROM %I.deployment', internal) INTO present;
        -- The children the logged rows name, as the src_ views read them,
        -- and whether a row without one changed.
        parts := '{}';
        FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c
                    WHERE c.column_name = 'child_id' AND c.relation = ANY (present) ORDER BY 1 LOOP
            parts := parts || format('SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t WHERE l.relation = %L',
                                     cspi_internal.source_column(source_schema, rel, 'child_id'), changes, source_schema, rel, rel);
        END LOOP;
        -- A child-protection review's child, through its plan (now, or as
        -- logged).
        plans := '{}';
        IF 'cp_review' = ANY (present) AND 'cp_plan' = ANY (present) THEN
            EXECUTE format('SELECT coalesce(array_agg(DISTINCT t.plan_id) FILTER (WHERE t.plan_id IS NOT NULL), ''{}'')
                              FROM (SELECT %s AS plan_id FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.cp_review, l.row) AS t
                                     WHERE l.relation = ''cp_review'') t',
                           cspi_internal.source_column(source_schema, 'cp_review', 'plan_id'), changes, source_schema) INTO plans;
            parts := parts || format('SELECT p.child_id FROM %I.src_cp_plan p WHERE p.plan_id = ANY (%L::text[])', internal, plans)
                           || format('SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.cp_plan, l.row) AS t
                                       WHERE l.relation = ''cp_plan'' AND %s = ANY (%L::text[])',
                                     cspi_internal.source_column(source_schema, 'cp_plan', 'child_id'), changes, source_schema,
                                     cspi_internal.source_column(source_schema, 'cp_plan', 'plan_id'), plans);
        END IF;
        EXECUTE format('SELECT coalesce(array_agg(DISTINCT x.c) FILTER (WHERE x.c IS NOT NULL), ''{}''), coalesce(bool_or(x.c IS NULL), false)
                          FROM (%s) AS x(c)',
                       array_to_string(parts, E'\nUNION ALL\n')) INTO children, with_null;

        -- For the family measures, closed under family: the families of
        -- the logged rows of child and family_support, then in turn the
        -- families of the children and the children of the families (the
        -- src_ views, by the indexes cspi.track_changes made).
        parts := '{}';
        FOREACH rel IN ARRAY ARRAY['child', 'family_support'] LOOP
            IF rel = ANY (present) THEN
                parts := parts || format('SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t WHERE l.relation = %L',
                                         cspi_internal.source_column(source_schema, rel, 'family_id'), changes, source_schema, rel, rel);
            END IF;
        END LOOP;
        families := '{}';
        IF cardinality(parts) > 0 THEN
            EXECUTE format('SELECT coalesce(array_agg(DISTINCT e.f) FILTER (WHERE e.f IS NOT NULL), ''{}'') FROM (%s) AS e(f)',
                           array_to_string(parts, E'\nUNION ALL\n')) INTO families;
        END IF;
        family_children := children;
        LOOP
            EXECUTE format('SELECT coalesce(array_agg(DISTINCT x.id) FILTER (WHERE x.id IS NOT NULL), ''{}'') FROM (
                              SELECT unnest(%2$L::text[])
                              UNION ALL SELECT c.family_id FROM %1$I.src_child c WHERE c.child_id = ANY (%3$L::text[])
                              UNION ALL SELECT f.family_id FROM %1$I.src_family_support f WHERE f.child_id = ANY (%3$L::text[])) AS x(id)',
                           internal, families, family_children) INTO families;
            EXECUTE format('SELECT coalesce(array_agg(DISTINCT x.id) FILTER (WHERE x.id IS NOT NULL), ''{}'') FROM (
                              SELECT unnest(%3$L::text[])
                              UNION ALL SELECT c.child_id FROM %1$I.src_child c WHERE c.family_id = ANY (%2$L::text[])
                              UNION ALL SELECT f.child_id FROM %1$I.src_family_support f WHERE f.family_id = ANY (%2$L::text[])) AS x(id)',
                           internal, families, family_children) INTO grown;
            EXIT WHEN cardinality(grown) = cardinality(family_children);
            family_children := grown;
        END LOOP;
        -- The child-protection plans of the children, now and logged,
        -- whose reviews are theirs.
        reason := cspi_internal.count_difference(source_schema, internal, calendar, changes, present, children, families,
                                                 cspi_internal.plans_of(source_schema, internal, present, changes, children, plans),
                                                 with_null, false);
        IF reason IS NOT NULL THEN
            RETURN jsonb_build_object('full', reason);
        END IF;
        PERFORM cspi_internal.count_difference(source_schema, internal, calendar, changes, present, family_children, families,
                                               cspi_internal.plans_of(source_schema, internal, present, changes, family_children, plans),
                                               with_null, true);
        result := format('incremental: %s %s, %s %s counted again (%s with their families)',
                         n, CASE WHEN n = 1 THEN 'change' ELSE 'changes' END,
                         cardinality(children), CASE WHEN cardinality(children) = 1 THEN 'child' ELSE 'children' END,
                         cardinality(family_children));
    END IF;

    -- What every report over this source has counted goes from the log.
    IF last_entry IS NOT NULL THEN
        EXECUTE format('DELETE FROM %s WHERE seq <= %s', log,
                       least(last_entry, (SELECT min(d.changes_seen) FROM cspi.deployment d
                                           WHERE d.source_schema = refresh_counts.source_schema
                                             AND d.report_schema <> refresh_counts.report_schema)));
    END IF;
    RETURN jsonb_build_object('how', result);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.refresh_counts(name, name, name, text, bigint, bigint, text) IS
'For cspi.refresh(), as the report''s owner: computes the counts of the internal schema''s indicator_count again in full when full_reason says why ({"how": "full: ..."}); else adds the difference that the changes logged after entry seen up to last_entry make ({"how": "incremental: ..."}, cspi_internal.count_difference), unless those changes call for a full refresh, which it leaves to the caller, the periods first ({"full": reason}). Then deletes the log entries every report over the source has counted.';
