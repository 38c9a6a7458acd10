--------------------------------------------------------------------------
-- A day's casework on a synthetic council: random inserts, updates and
-- deletes of a share of every source table's rows, for the tests and the
-- benchmark of the incremental refresh (cspi.refresh).
--------------------------------------------------------------------------
-- A date of the casework: moved by up to ten days either way, within the
-- dates the column already holds (a day's casework adds no year).
CREATE OR REPLACE FUNCTION cspi_internal.casework_date(source_schema name, relation name, column_name name, kind text) RETURNS text
    LANGUAGE sql STABLE
    RETURN format('least(greatest(%1$I + ((random() * 20)::int - 10)%4$s, (SELECT min(%1$I) FROM %2$I.%3$I)), (SELECT max(%1$I) FROM %2$I.%3$I))',
                  column_name, source_schema, relation, CASE WHEN kind = 'timestamp' THEN ' * interval ''1 day''' ELSE '' END);
COMMENT ON FUNCTION cspi_internal.casework_date(name, name, name, text) IS
'The expression of a date column in cspi.simulate_casework: moved by up to ten days either way, but not before the column''s first date or after its last.';

CREATE OR REPLACE FUNCTION cspi.simulate_casework(source_schema name, share numeric DEFAULT 0.001, seed integer DEFAULT 1)
    RETURNS TABLE (relation name, inserted bigint, updated bigint, deleted bigint)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    rel record;
    n bigint;
    k bigint;
    key_column text;
    dates text;
    moves text;
    columns text;
    copies text;
BEGIN
    IF source_schema IS NULL OR share IS NULL OR seed IS NULL THEN
        RAISE EXCEPTION 'cspi.simulate_casework: no argument may be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF share <= 0 OR share > 0.5 THEN
        RAISE EXCEPTION 'cspi.simulate_casework: share must be greater than 0 and at most 0.5, not %', share
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM setseed(((seed % 1000) + 1) / 1001.0);
    -- The relations in order of their names, but those the contract gained
    -- in 1.4 (contact, cin_plan, and the relations an indicator family or
    -- Annex A adds) last, so that the others draw the same random numbers
    -- as before the generator filled them (which rows they pick still
    -- follows the tables' layout: wider rows may change it).
    -- No population estimates, by year or by age band.
    FOR rel IN
        SELECT c.relname, min(k.column_name) FILTER (WHERE k.position = 1) AS first_column
          FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
          JOIN cspi.contract_column k ON k.relation = c.relname
         WHERE s.nspname = source_schema AND c.relkind = 'r' AND c.relname NOT IN ('population', 'population_age_band')
         GROUP BY c.relname
         ORDER BY c.relname IN ('contact', 'cin_plan', 'cin_episode', 'leaving_care', 'pathway_plan_review', 'adoption', 'adopter'),
                  c.relname
    LOOP
        EXECUTE format('SELECT count(*) FROM %I.%I', source_schema, rel.relname) INTO n;
        k := ceil(n * share / 3);
        CONTINUE WHEN n = 0;
        key_column := rel.first_column;
        -- Every date and time moved by up to ten days either way; some
        -- rows moved to another child (a child to another family).
        SELECT string_agg(format('%I = %s', k.column_name, cspi_internal.casework_date(source_schema, rel.relname, k.column_name, k.kind)), ', ')
          INTO dates
          FROM cspi.contract_column k WHERE k.relation = rel.relname AND k.kind IN ('date', 'timestamp')
           -- (not a date of the key: leaving_care's and adoption's)
           AND (k.relation, k.column_name) NOT IN (('leaving_care', 'start_date'), ('adoption', 'decision_date'));
        moves := CASE
            WHEN rel.relname = 'child' THEN
                format('family_id = CASE WHEN random() < 0.3 THEN (SELECT o.family_id FROM %I.child o OFFSET (random() * %s)::int LIMIT 1) ELSE family_id END', source_schema, n - 1)
            WHEN EXISTS (SELECT 1 FROM cspi.contract_column k WHERE k.relation = rel.relname AND k.column_name = 'child_id')
                 AND rel.relname NOT IN ('care_leaver', 'family_support', 'leaving_care', 'adoption') THEN
                format('child_id = CASE WHEN random() < 0.2 THEN (SELECT o.child_id FROM %I.child o OFFSET (random() * 100)::int LIMIT 1) ELSE child_id END', source_schema)
            END;
        updated := 0;
        IF concat_ws(', ', dates, moves) <> '' THEN
            EXECUTE format('UPDATE %I.%I SET %s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %I.%I ORDER BY random() LIMIT %s))',
                           source_schema, rel.relname, concat_ws(', ', dates, moves), source_schema, rel.relname, k);
            GET DIAGNOSTICS updated = ROW_COUNT;
        END IF;
        EXECUTE format('DELETE FROM %I.%I WHERE ctid = ANY (ARRAY(SELECT ctid FROM %I.%I ORDER BY random() LIMIT %s))',
                       source_schema, rel.relname, source_schema, rel.relname, k);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        -- New rows: copies of others, under a new key, their dates moved.
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               string_agg(CASE WHEN a.attname = key_column AND rel.relname NOT IN ('care_leaver', 'leaving_care', 'adoption')
                               THEN format('%I || %L || row_number() OVER ()', a.attname, '-new-' || seed || '-')
                               WHEN k.kind IN ('date', 'timestamp')
                               THEN cspi_internal.casework_date(source_schema, rel.relname, a.attname, k.kind)
                               ELSE quote_ident(a.attname) END, ', ' ORDER BY a.attnum)
          INTO columns, copies
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace s ON s.oid = c.relnamespace
          LEFT JOIN cspi.contract_column k ON k.relation = c.relname AND k.column_name = a.attname
         WHERE s.nspname = source_schema AND c.relname = rel.relname AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format('INSERT INTO %I.%I (%s) SELECT %s FROM (SELECT * FROM %I.%I ORDER BY random() LIMIT %s) AS x ON CONFLICT DO NOTHING',
                       source_schema, rel.relname, columns, copies, source_schema, rel.relname, k);
        GET DIAGNOSTICS inserted = ROW_COUNT;
        relation := rel.relname;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.simulate_casework(name, numeric, integer) IS
'A day''s casework on the source tables of source_schema (a synthetic council, cspi.generate_source): for each contract table but population and population_age_band (contact, cin_plan and the relations an indicator family or Annex A adds last; the keys of leaving_care and adoption, a young person or child and a day, kept), a third of share of its rows updated (every date moved by up to ten days either way, within the dates its column holds; a fifth of them moved to another child, three in ten children to another family), as many deleted, and as many inserted (copies of random rows under a new key, their dates moved). Returns what it did to each table; seed gives other changes. For the tests and the benchmark of the incremental refresh.';
