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
     WHERE r NOT IN ('population', 'population_age_band') AND strpos(r, '.') = 0
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
-- children (cspi_internal.refresh_counts), in one statement: each source
-- relation restricted to them as it is (after) and as it was (before:
-- those rows, plus the old rows logged, less the new ones), the report
-- objects the counts read over those, each a materialized common table
-- expression of the statement (named "after.cic_at_period_end" and so
-- on: no table is made, analyzed or dropped, and what the counts do not
-- read is never computed), then the counts after less the counts before,
-- added to indicator_count.
--
-- families false: every measure but those counting distinct families,
-- over every report object, after a check that the years the report
-- covers are the same (else it returns why not, and changes nothing).
-- Each object is computed only for the children whose rows changed in a
-- relation that it, or a measured object reading it, reads (changed: the
-- children with the relation their logged row is in): a child whose rows
-- there did not change has the same rows in it before and after, which
-- count the same and cancel.  true: the family measures only, over the
-- objects they read, for every child given.
CREATE OR REPLACE FUNCTION cspi_internal.count_difference(source_schema name, internal name, calendar text, changes text,
                                                          present text[], children text[], families text[], plans text[],
                                                          with_null boolean, count_families boolean,
                                                          changed_children text[] DEFAULT NULL, changed_relations text[] DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    needed text[];
    reads jsonb;
    ctes text[] := '{}';
    side text;
    rel text;
    cols text;
    restriction text;
    logged text;
    o record;
    body text;
    statement text;
    period_query text := cspi_internal.fill_template((SELECT r.definition FROM cspi.report_object r WHERE r.name = 'period'),
                                                     ARRAY['R'], ARRAY['"@R@"']);
    span_start date;
    span_end date;
    before_start date;
    before_end date;
    after_start date;
    after_end date;
    changed boolean := false;
    delta jsonb;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.count_difference');
    -- The report objects (and src_ relations) the measures read: all of
    -- them, or those the family measures read, and what those read in turn
    -- (the periods, the deployment and the availability are the report's
    -- own, whatever they read).
    WITH RECURSIVE need(name) AS (
        SELECT r.name FROM cspi_internal.counted_objects() r
         WHERE NOT count_families OR r.name IN (SELECT m.relation FROM cspi.indicator_measure m WHERE m.count_distinct = 'family_id')
        UNION
        SELECT x.name
          FROM need n JOIN cspi.report_object r ON r.name = n.name
          CROSS JOIN LATERAL (SELECT (regexp_matches(r.definition, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
         WHERE n.name NOT IN ('period', 'deployment', 'indicator_availability')
    )
    SELECT array_agg(name) INTO needed FROM need;
    IF NOT count_families THEN
        -- The years the report covers are found again from every relation.
        needed := needed || ARRAY(SELECT 'src_' || c.relation FROM cspi.contract_column c);
    END IF;

    -- The source relations each object is computed over the changes of:
    -- those read, directly or through other objects, by each measured
    -- object (or hand-written measure) that reads it or is it.
    IF changed_children IS NOT NULL THEN
        WITH RECURSIVE reach(reader, name) AS (
            SELECT r.name, x.name
              FROM cspi.report_object r
              CROSS JOIN LATERAL (SELECT (regexp_matches(r.definition, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
             WHERE r.name = ANY (needed)
            UNION
            SELECT m.indicator, x.name
              FROM cspi.indicator_measure m
              CROSS JOIN LATERAL (SELECT (regexp_matches(m.query, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
             WHERE m.kind = 'query' AND m.count_distinct IS DISTINCT FROM 'family_id'
            UNION
            SELECT reach.reader, x.name
              FROM reach JOIN cspi.report_object r ON r.name = reach.name
              CROSS JOIN LATERAL (SELECT (regexp_matches(r.definition, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
             WHERE reach.name NOT IN ('period', 'deployment', 'indicator_availability')
        ), measured(name) AS (
            SELECT m.relation FROM cspi.indicator_measure m
             WHERE m.kind <> 'query' AND m.count_distinct IS DISTINCT FROM 'family_id'
            UNION
            SELECT m.indicator FROM cspi.indicator_measure m
             WHERE m.kind = 'query' AND m.count_distinct IS DISTINCT FROM 'family_id'
        ), serves(object, reader) AS (
            SELECT m.name, m.name FROM measured m
            UNION
            SELECT r.name, r.reader FROM reach r JOIN measured m ON m.name = r.reader
        )
        SELECT jsonb_object_agg(s.object, (SELECT coalesce(jsonb_agg(DISTINCT substr(r.name, 5)), '[]')
                                             FROM reach r
                                            WHERE r.reader IN (SELECT s2.reader FROM serves s2 WHERE s2.object = s.object)
                                              AND r.name LIKE 'src\_%'))
          INTO reads
          FROM (SELECT DISTINCT object FROM serves) s;
        ctes := ctes || 'changed AS MATERIALIZED (SELECT * FROM unnest($5::text[], $6::text[]) AS c(child_id, relation))'::text;
    END IF;

    FOREACH side IN ARRAY ARRAY['after', 'before'] LOOP
        ctes := ctes || format('%I AS NOT MATERIALIZED (SELECT * FROM %I.period)', side || '.period', internal)
                     || format('%I AS NOT MATERIALIZED (SELECT * FROM %I.deployment)', side || '.deployment', internal)
                     || format('%I AS NOT MATERIALIZED (SELECT * FROM %I.indicator_availability)', side || '.indicator_availability', internal);
    END LOOP;
    FOR rel IN SELECT DISTINCT c.relation FROM cspi.contract_column c WHERE 'src_' || c.relation = ANY (needed) ORDER BY 1 LOOP
        IF NOT rel = ANY (present) THEN
            SELECT string_agg(format('NULL::%s AS %I', cspi_internal.contract_type(c.kind), c.column_name), ', ' ORDER BY c.position)
              INTO cols FROM cspi.contract_column c WHERE c.relation = rel;
            FOREACH side IN ARRAY ARRAY['after', 'before'] LOOP
                ctes := ctes || format('%I AS (SELECT %s WHERE false)', side || '.src_' || rel, cols);
            END LOOP;
            CONTINUE;
        END IF;
        -- A row without a child is counted with every other such row.
        restriction := CASE
            WHEN NOT EXISTS (SELECT 1 FROM cspi.contract_column c WHERE c.relation = rel AND c.column_name IN ('child_id', 'plan_id'))
                THEN 'true'
            WHEN rel = 'cp_review' THEN format('(%1$s = ANY ($2) OR (%1$s IS NULL AND %2$s))',
                                               cspi_internal.source_column(source_schema, rel, 'plan_id'), with_null::text)
            ELSE format('(%1$s = ANY ($1) OR (%1$s IS NULL AND %2$s))',
                        cspi_internal.source_column(source_schema, rel, 'child_id'), with_null::text)
                 || CASE WHEN rel = 'family_support' AND count_families
                         THEN format(' OR %s = ANY ($3)', cspi_internal.source_column(source_schema, rel, 'family_id'))
                         ELSE '' END END;
        -- The contract's columns the table has (what the src_ view reads).
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
          FROM pg_attribute a
          JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace s ON s.oid = k.relnamespace
         WHERE s.nspname = source_schema AND k.relname = rel AND a.attnum > 0 AND NOT a.attisdropped
           AND EXISTS (SELECT 1 FROM cspi.contract_column c WHERE c.relation = rel AND c.column_name = a.attname);
        logged := format('SELECT %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t
                           WHERE l.relation = %L AND (%s) AND ', cols, changes, source_schema, rel, rel, restriction);
        ctes := ctes
            || format('%I AS MATERIALIZED (SELECT %s FROM (SELECT %s FROM %I.%I WHERE %s) AS %I)',
                      'after.src_' || rel, cspi_internal.source_select_list(source_schema, rel),
                      cols, source_schema, rel, restriction, rel)
            || format('%1$I AS MATERIALIZED (SELECT * FROM %2$I
                                             UNION ALL SELECT %3$s FROM (%4$s) AS %5$I
                                             EXCEPT ALL SELECT %3$s FROM (%6$s) AS %5$I)',
                      'before.src_' || rel, 'after.src_' || rel, cspi_internal.source_select_list(source_schema, rel),
                      logged || 'NOT l.is_new', rel, logged || 'l.is_new');
    END LOOP;
    FOR o IN SELECT * FROM cspi_internal.counted_objects() r WHERE r.name = ANY (needed) LOOP
        FOREACH side IN ARRAY ARRAY['after', 'before'] LOOP
            body := cspi_internal.side_definition(o.definition, side, calendar, internal);
            IF changed_children IS NOT NULL THEN
                -- The object reads the source relations restricted to the
                -- children whose changes it is computed over.
                FOR rel IN SELECT DISTINCT (regexp_matches(o.definition, '@R@\.src_([a-z_0-9]+)', 'g'))[1] LOOP
                    IF rel = ANY (present)
                       AND EXISTS (SELECT 1 FROM cspi.contract_column c WHERE c.relation = rel AND c.column_name = 'child_id') THEN
                        ctes := ctes || format('%I AS NOT MATERIALIZED (SELECT * FROM %I t WHERE t.child_id IN (SELECT c.child_id FROM changed c WHERE c.relation = ANY (%L::text[])) OR (t.child_id IS NULL AND %s))',
                                               side || '.src_' || rel || '/' || o.name, side || '.src_' || rel,
                                               ARRAY(SELECT jsonb_array_elements_text(reads -> o.name)), with_null::text);
                    ELSE
                        ctes := ctes || format('%I AS NOT MATERIALIZED (SELECT * FROM %I)',
                                               side || '.src_' || rel || '/' || o.name, side || '.src_' || rel);
                    END IF;
                END LOOP;
                ctes := ctes || format('%I AS MATERIALIZED (%s)', side || '.' || o.name,
                                       regexp_replace(body, format('"%s\.src_([a-z_0-9]+)"', side), format('"%s.src_\1/%s"', side, o.name), 'g'));
            ELSE
                ctes := ctes || format('%I AS MATERIALIZED (%s)', side || '.' || o.name, body);
            END IF;
        END LOOP;
    END LOOP;
    statement := 'WITH ' || array_to_string(ctes, E',\n') || E'\n';

    -- The counts after less the counts before; and the years the report
    -- covers (found again from the changed children's rows, for the check
    -- below).
    statement := statement || format($q$
        SELECT sa.first_start, sa.last_end, sb.first_start, sb.last_end,
               (SELECT jsonb_agg(jsonb_build_array(d.indicator, d.period_type, d.period, d.num, d.den))
                  FROM (SELECT d.indicator, d.period_type, d.period, sum(d.num) AS num, sum(d.den) AS den
                          FROM (SELECT a.indicator, a.period_type, a.period, a.num, a.den FROM (%1$s) a
                                UNION ALL
                                SELECT b.indicator, b.period_type, b.period, -b.num, -b.den FROM (%2$s) b) d
                         GROUP BY 1, 2, 3
                        HAVING sum(d.num) <> 0 OR coalesce(sum(d.den), 0) <> 0) d)
          FROM (SELECT min(period_start) AS first_start, max(period_end) AS last_end FROM (%3$s) p WHERE period_type = 'year') sa,
               (SELECT min(period_start) AS first_start, max(period_end) AS last_end FROM (%4$s) p WHERE period_type = 'year') sb$q$,
        cspi_internal.side_references(cspi_internal.count_query('"@R@"', count_families), 'after'),
        cspi_internal.side_references(cspi_internal.count_query('"@R@"', count_families), 'before'),
        CASE WHEN count_families THEN 'SELECT NULL::text AS period_type, NULL::date AS period_start, NULL::date AS period_end'
             ELSE cspi_internal.side_references(period_query, 'after') END,
        CASE WHEN count_families THEN 'SELECT NULL::text AS period_type, NULL::date AS period_start, NULL::date AS period_end'
             ELSE cspi_internal.side_references(period_query, 'before') END);
    EXECUTE statement INTO after_start, after_end, before_start, before_end, delta
      USING children, plans, families, NULL::text, changed_children, changed_relations;

    -- The years the report covers: the same unless the changed children's
    -- events now reach beyond them, or the first or last year may have
    -- lost its last event (then the report's own periods are computed
    -- again and compared).
    IF NOT count_families THEN
        EXECUTE format('SELECT min(period_start), max(period_end) FROM %I.period WHERE period_type = ''year''', internal)
           INTO span_start, span_end;
        IF after_start < span_start OR after_end > span_end OR (span_start IS NULL AND after_start IS NOT NULL) THEN
            changed := true;
        ELSIF (before_start = span_start AND after_start IS DISTINCT FROM span_start)
              OR (before_end = span_end AND after_end IS DISTINCT FROM span_end) THEN
            EXECUTE format('SELECT (SELECT string_agg(concat_ws(''|'', period_type, period, period_start, period_end), '','' ORDER BY period_type, period) FROM (%s) p)
                                   IS DISTINCT FROM
                                   (SELECT string_agg(concat_ws(''|'', period_type, period, period_start, period_end), '','' ORDER BY period_type, period) FROM %I.period)',
                           cspi_internal.fill_template((SELECT r.definition FROM cspi.report_object r WHERE r.name = 'period'),
                                                       ARRAY['R'], ARRAY[quote_ident(internal)]), internal)
               INTO changed;
        END IF;
        IF changed THEN
            RETURN 'the years the report covers changed';
        END IF;
    END IF;

    EXECUTE format($q$
        INSERT INTO %1$I.indicator_count AS c (indicator, period_type, period, num, den)
        SELECT d ->> 0, d ->> 1, d ->> 2, (d ->> 3)::bigint, (d ->> 4)::bigint
          FROM jsonb_array_elements($1) AS d
        ON CONFLICT (indicator, period_type, period) DO UPDATE
           SET num = c.num + EXCLUDED.num,
               den = CASE WHEN c.den IS NULL AND EXCLUDED.den IS NULL THEN NULL
                          ELSE coalesce(c.den, 0) + coalesce(EXCLUDED.den, 0) END$q$, internal)
      USING coalesce(delta, '[]');
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.count_difference(name, name, text, text, text[], text[], text[], text[], boolean, boolean, text[], text[]) IS
'For cspi_internal.refresh_counts, as the report''s owner: adds to indicator_count the difference that the logged changes (changes, a subquery of the log) make to the counts of the given children (families: of the given children and families, for the measures that count distinct families), computed in one statement over their rows before and after (common table expressions, no tables), each report object only for the children whose changes it depends on when those are given (changed_children, with the relation of each logged row in changed_relations); NULL, or why the counts cannot be changed in place (the years the report covers changed).';

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
                                                        seen bigint, last_entry bigint, full_reason text,
                                                        latest date, next_event date)
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
    changed_children text[];
    changed_relations text[];
    review_without_plan boolean := false;
    families text[];
    plans text[];
    rel text;
    parts text[];
    result text;
    bounds jsonb := '{}';
    today date := cspi.local_date(now());
    lost boolean;
    new_latest date;
    new_next date;
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
        EXECUTE format('CREATE UNLOGGED TABLE %I.indicator_count_new AS %s', internal, cspi_internal.count_statement(internal, calendar));
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
            parts := parts || format('SELECT %s, l.relation FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t WHERE l.relation = %L',
                                     cspi_internal.source_column(source_schema, rel, 'child_id'), changes, source_schema, rel, rel);
        END LOOP;
        -- A child-protection review's child, through its plan (now, or as
        -- logged).
        plans := '{}';
        IF 'cp_review' = ANY (present) AND 'cp_plan' = ANY (present) THEN
            EXECUTE format('SELECT coalesce(array_agg(DISTINCT t.plan_id) FILTER (WHERE t.plan_id IS NOT NULL), ''{}''),
                                   coalesce(bool_or(t.plan_id IS NULL), false)
                              FROM (SELECT %s AS plan_id FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.cp_review, l.row) AS t
                                     WHERE l.relation = ''cp_review'') t',
                           cspi_internal.source_column(source_schema, 'cp_review', 'plan_id'), changes, source_schema)
               INTO plans, review_without_plan;
            parts := parts || format('SELECT p.child_id, ''cp_review'' FROM %I.src_cp_plan p WHERE p.plan_id = ANY (%L::text[])', internal, plans)
                           || format('SELECT %s, ''cp_review'' FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.cp_plan, l.row) AS t
                                       WHERE l.relation = ''cp_plan'' AND %s = ANY (%L::text[])',
                                     cspi_internal.source_column(source_schema, 'cp_plan', 'child_id'), changes, source_schema,
                                     cspi_internal.source_column(source_schema, 'cp_plan', 'plan_id'), plans);
        END IF;
        EXECUTE format('WITH x(c, relation) AS MATERIALIZED (%s)
                        SELECT (SELECT coalesce(array_agg(DISTINCT x.c) FILTER (WHERE x.c IS NOT NULL), ''{}'') FROM x),
                               (SELECT coalesce(bool_or(x.c IS NULL), false) FROM x),
                               (SELECT coalesce(array_agg(y.c ORDER BY y.relation, y.c), ''{}'') FROM (SELECT DISTINCT x.c, x.relation FROM x WHERE x.c IS NOT NULL) y),
                               (SELECT coalesce(array_agg(y.relation ORDER BY y.relation, y.c), ''{}'') FROM (SELECT DISTINCT x.c, x.relation FROM x WHERE x.c IS NOT NULL) y)',
                       array_to_string(parts, E'\nUNION ALL\n')) INTO children, with_null, changed_children, changed_relations;
        -- A review without a plan is counted with the rows without a child.
        with_null := with_null OR review_without_plan;

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
        EXECUTE format('WITH RECURSIVE closure(is_family, id) AS (
                            SELECT false, c FROM unnest($1::text[]) AS c
                            UNION SELECT true, f FROM unnest($2::text[]) AS f
                            UNION
                            SELECT n.is_family, n.id
                              FROM closure k
                              CROSS JOIN LATERAL (
                                  SELECT true, c.family_id FROM %1$I.src_child c WHERE NOT k.is_family AND c.child_id = k.id
                                  UNION ALL SELECT true, f.family_id FROM %1$I.src_family_support f WHERE NOT k.is_family AND f.child_id = k.id
                                  UNION ALL SELECT false, c.child_id FROM %1$I.src_child c WHERE k.is_family AND c.family_id = k.id
                                  UNION ALL SELECT false, f.child_id FROM %1$I.src_family_support f WHERE k.is_family AND f.family_id = k.id
                              ) AS n(is_family, id)
                             WHERE n.id IS NOT NULL)
                        SELECT coalesce(array_agg(k.id) FILTER (WHERE NOT k.is_family), ''{}''),
                               coalesce(array_agg(k.id) FILTER (WHERE k.is_family), ''{}'')
                          FROM closure k', internal)
           INTO family_children, families USING children, families;
        -- The child-protection plans of the children, now and logged,
        -- whose reviews are theirs.
        reason := cspi_internal.count_difference(source_schema, internal, calendar, changes, present, children, families,
                                                 cspi_internal.plans_of(source_schema, internal, present, changes, children, plans),
                                                 with_null, false, changed_children, changed_relations);
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

    -- The latest event, from the changes when that tells (else the caller
    -- reads the source): the same, or a later one logged, unless a logged
    -- old row was on the latest day or after it (it may have been the only
    -- one on that day, or a row inserted and changed again within the
    -- changes, whose new date is logged but gone) or a later event known
    -- before may be due by now.
    IF full_reason IS NULL AND next_event IS NOT NULL AND next_event > today THEN
        SELECT array_agg(format('SELECT l.is_new, %s FROM %s l CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, l.row) AS t WHERE l.relation = %L',
                                cspi_internal.source_column(source_schema, e.relation, e.column_name), changes, source_schema, e.relation, e.relation))
          INTO parts
          FROM cspi_internal.event_columns() e
         WHERE e.relation = ANY (present);
        EXECUTE format('SELECT coalesce(bool_or(NOT x.is_new AND x.d IS NOT NULL AND ($1 IS NULL OR x.d >= $1)), false),
                               max(x.d) FILTER (WHERE x.is_new AND x.d <= $2),
                               min(x.d) FILTER (WHERE x.is_new AND x.d > $2)
                          FROM (%s) AS x(is_new, d)', coalesce(array_to_string(parts, ' UNION ALL '), 'SELECT NULL::boolean, NULL::date WHERE false'))
           INTO lost, new_latest, new_next USING latest, today;
        IF NOT lost THEN
            bounds := jsonb_build_object('latest', greatest(latest, new_latest), 'next', least(next_event, new_next));
        END IF;
    END IF;

    -- What every report over this source has counted goes from the log.
    IF last_entry IS NOT NULL THEN
        EXECUTE format('DELETE FROM %s WHERE seq <= %s', log,
                       least(last_entry, (SELECT min(d.changes_seen) FROM cspi.deployment d
                                           WHERE d.source_schema = refresh_counts.source_schema
                                             AND d.report_schema <> refresh_counts.report_schema)));
    END IF;
    RETURN jsonb_build_object('how', result) || bounds;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.refresh_counts(name, name, name, text, bigint, bigint, text, date, date) IS
'For cspi.refresh(), as the report''s owner: computes the counts of the internal schema''s indicator_count again in full when full_reason says why ({"how": "full: ..."}); else adds the difference that the changes logged after entry seen up to last_entry make ({"how": "incremental: ..."}, cspi_internal.count_difference), unless those changes call for a full refresh, which it leaves to the caller, the periods first ({"full": reason}); with the report''s latest event and the next one after it (cspi.deployment), adds them as the changes leave them ("latest", "next") when the changes tell. Then deletes the log entries every report over the source has counted.';
