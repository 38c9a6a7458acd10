-- Placeholders filled once, in one pass: a value is never scanned again, so
-- a schema or calendar name containing "@R@" cannot expand twice.
CREATE OR REPLACE FUNCTION cspi_internal.fill_template(template text, names text[], fill text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    parts text[] := regexp_split_to_array(template, '@[A-Z]+@');
    tokens text[];
    result text;
    pos integer;
BEGIN
    SELECT array_agg(m[1] ORDER BY n) INTO tokens
      FROM regexp_matches(template, '@([A-Z]+)@', 'g') WITH ORDINALITY AS t(m, n);
    result := parts[1];
    FOR i IN 1 .. coalesce(cardinality(tokens), 0) LOOP
        pos := array_position(names, tokens[i]);
        IF pos IS NULL THEN
            RAISE EXCEPTION 'unknown placeholder @%@ in a report object''s definition', tokens[i]
                USING ERRCODE = 'syntax_error';
        END IF;
        result := result || fill[pos] || parts[i + 1];
    END LOOP;
    RETURN result;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.fill_template(text, text[], text[]) IS
'Replaces each @NAME@ of template by the value of that name, in one pass (a value is never scanned again); an unknown placeholder is an error.';

-- One measure's part of a counting query: its aggregates (n<k> counts the
-- numerator rows, d<k> the denominator rows, distinct or not, each among
-- the rows its row filter keeps) and its row of the VALUES list that turns
-- them into (indicator, num, den).  The row filter is part of each
-- aggregate's FILTER, so that the measures of one relation with different
-- row filters are counted in one scan.
CREATE OR REPLACE FUNCTION cspi_internal.measure_columns(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('count(%1$s) FILTER (WHERE (%4$s) AND (%2$s)) AS n%3$s', coalesce('DISTINCT ' || m.count_distinct, '*'),
                  m.numerator, k, coalesce(m.row_filter, 'true'))
           || CASE WHEN m.denominator IS NOT NULL
                   THEN format(', count(%1$s) FILTER (WHERE (%4$s) AND (%2$s)) AS d%3$s',
                               coalesce('DISTINCT ' || m.count_distinct, '*'), m.denominator, k,
                               coalesce(m.row_filter, 'true'))
                   ELSE '' END;
COMMENT ON FUNCTION cspi_internal.measure_columns(cspi.indicator_measure, bigint) IS
'The aggregates of measure m, numbered k, in a counting query of indicator_value, its row filter included (used by measure_queries).';
CREATE OR REPLACE FUNCTION cspi_internal.measure_row(m cspi.indicator_measure, k bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format('(%L, g.n%s, %s)', m.indicator, k,
                  CASE WHEN m.denominator IS NULL THEN 'NULL::bigint' ELSE 'g.d' || k END);
COMMENT ON FUNCTION cspi_internal.measure_row(cspi.indicator_measure, bigint) IS
'The (indicator, num, den) row of measure m, numbered k, in a counting query of indicator_value (used by measure_queries).';

-- The event measures grouped as indicator_value counts them: one counting
-- query per relation, anchor date, and whether it is counted per month and
-- rolled up (additive) or per period (distinct counts, and expressions that
-- compare with period_end), with the aggregates and VALUES rows of its
-- measures.  Additive measures with different row filters share a query
-- (the filter is in each aggregate's FILTER); a distinct count is cheaper
-- with its rows filtered first, so per-period queries are also one per row
-- filter, which is their WHERE.
CREATE OR REPLACE FUNCTION cspi_internal.measure_groups(families boolean DEFAULT NULL)
    RETURNS TABLE (relation name, anchor text, per_period boolean, row_filter text, aggregates text, rows_of text)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT m.relation, m.anchor, p.per_period, CASE WHEN p.per_period THEN m.row_filter END,
           string_agg(cspi_internal.measure_columns(m, k.n), ', ' ORDER BY m.indicator),
           string_agg(cspi_internal.measure_row(m, k.n), ', ' ORDER BY m.indicator)
      FROM cspi.indicator_measure m
      JOIN (SELECT i.indicator, row_number() OVER (ORDER BY i.indicator) AS n FROM cspi.indicator_measure i) k
        ON k.indicator = m.indicator
     CROSS JOIN LATERAL (
         SELECT m.count_distinct IS NOT NULL
                OR concat_ws(' ', m.numerator, m.denominator, m.row_filter) ~ '\mperiod_end\M' AS per_period) p
     WHERE m.kind = 'event'
       AND (measure_groups.families IS NULL OR (m.count_distinct IS NOT DISTINCT FROM 'family_id') = measure_groups.families)
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4;
    END;
COMMENT ON FUNCTION cspi_internal.measure_groups(boolean) IS
'The event measures of cspi.indicator_measure grouped into the counting queries of indicator_value: relation, anchor, whether counted per period (else per month and rolled up), the row filter of a per-period query, the aggregates and the VALUES rows (used by measure_queries). With families true, only the measures that count distinct families; false, only the others.';

-- A hand-written measure's query over the report objects of schema (a
-- quoted identifier), each relation of shared read from its common table
-- expression shared_<relation> instead (cspi_internal.measure_queries).
CREATE OR REPLACE FUNCTION cspi_internal.shared_references(query text, schema text, shared text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    filled text := cspi_internal.fill_template(query, ARRAY['R'], ARRAY['"@R@"']);
    r text;
BEGIN
    FOREACH r IN ARRAY shared LOOP
        filled := regexp_replace(filled, format('"@R@"\.("?)%s\1(?![a-z_0-9])', r), quote_ident('shared_' || r), 'g');
    END LOOP;
    RETURN replace(filled, '"@R@".', schema || '.');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.shared_references(text, text, text[]) IS
'For cspi_internal.measure_queries: a hand-written measure''s query (@R@ the schema) over the report objects of schema, each relation of shared read from its common table expression shared_<relation>.';

-- A snapshot relation's counting query when some of its measures count
-- distinct values (cspi_internal.measure_queries): the relation's rows
-- grouped once by month end alone and by month end and each distinct key
-- (GROUPING SETS), then counted by month end.  In the inner query a
-- measure without a key counts its rows (read from the month end's own
-- set, one row) and a measure with one says whether any row of the key's
-- value meets it (read from that key's set, its NULL value left out).
CREATE OR REPLACE FUNCTION cspi_internal.distinct_snapshot_query(schema text, relation name, measures cspi.indicator_measure[],
                                                                 numbers bigint[], keys text[], rows_of text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    m cspi.indicator_measure;
    k bigint;
    width integer := cardinality(keys);
    everything integer := (1 << cardinality(keys)) - 1;
    grouped text := array_to_string(ARRAY(SELECT format('(%s)', x) FROM unnest(keys) AS x), ', ');
    sets text := '(t.period_end)';
    inner_columns text[] := '{}';
    outer_columns text[] := '{}';
    part text;
    j integer;
    mask integer;
BEGIN
    FOR j IN 1 .. width LOOP
        sets := sets || format(', (t.period_end, (%s))', keys[j]);
        inner_columns := inner_columns || format('(%s) AS k%s', keys[j], j);
    END LOOP;
    FOR i IN 1 .. cardinality(measures) LOOP
        m := measures[i];
        k := numbers[i];
        FOREACH part IN ARRAY ARRAY['n', 'd'] LOOP
            CONTINUE WHEN part = 'd' AND m.denominator IS NULL;
            IF m.count_distinct IS NULL THEN
                inner_columns := inner_columns || format('count(*) FILTER (WHERE (%s) AND (%s)) AS %s%s',
                                                         coalesce(m.row_filter, 'true'),
                                                         CASE part WHEN 'n' THEN m.numerator ELSE m.denominator END, part, k);
                outer_columns := outer_columns || format('max(y.%1$s%2$s) FILTER (WHERE y.grouped_by = %3$s) AS %1$s%2$s',
                                                         part, k, everything);
            ELSE
                j := array_position(keys, m.count_distinct);
                -- GROUPING() sets a bit for each key not grouped by, the
                -- last key the lowest.
                mask := everything - (1 << (width - j));
                inner_columns := inner_columns || format('coalesce(bool_or((%s) AND (%s)), false) AS %s%s',
                                                         coalesce(m.row_filter, 'true'),
                                                         CASE part WHEN 'n' THEN m.numerator ELSE m.denominator END, part, k);
                outer_columns := outer_columns || format('count(*) FILTER (WHERE y.grouped_by = %3$s AND y.k%4$s IS NOT NULL AND y.%1$s%2$s) AS %1$s%2$s',
                                                         part, k, mask, j);
            END IF;
        END LOOP;
    END LOOP;
    RETURN format(
$q$SELECT x.indicator, g.period_end, x.num, x.den
  FROM (SELECT y.period_end, %1$s
          FROM (SELECT t.period_end, GROUPING(%2$s) AS grouped_by, %3$s
                  FROM %4$s.%5$I t
                 GROUP BY GROUPING SETS (%6$s)) y
         GROUP BY 1) g
 CROSS JOIN LATERAL (VALUES %7$s) x(indicator, num, den)$q$,
        array_to_string(outer_columns, ', '), grouped, array_to_string(inner_columns, ', '),
        schema, relation, sets, rows_of);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.distinct_snapshot_query(text, name, cspi.indicator_measure[], bigint[], text[], text) IS
'For cspi_internal.measure_queries: the counting query of a snapshot relation (in schema, a quoted identifier) some of whose measures (numbered by numbers) count distinct values of keys, grouping its rows once by month end and by each key (GROUPING SETS) instead of sorting them for each count(DISTINCT); rows_of are the measures'' VALUES rows.';

-- The counting queries of indicator_value, made from cspi.indicator_measure.
-- Every relation is computed once: a relation that more than one counting
-- query reads (one anchor date counted per month, another per period) is a
-- MATERIALIZED common table expression of the events query.  Event
-- measures that can be added up month by month are counted per month, in
-- one scan per relation and anchor, and rolled up into quarters and years;
-- distinct counts, and numerators that compare with period_end, are counted
-- per period; snapshots per month end, in one scan per relation.  Returns
-- (indicator, period_type, period, num, den) and (indicator, period_end,
-- num, den) queries for schema (an identifier, quoted).
CREATE OR REPLACE FUNCTION cspi_internal.measure_queries(schema text, relation name DEFAULT NULL, families boolean DEFAULT NULL,
                                                         OUT events text, OUT snapshots text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    g record;
    parts text[] := '{}';
    snaps text[] := '{}';
    shared text[];
    ctes text[] := '{}';
    source text;
BEGIN
    -- The relations more than one event query reads (a hand-written
    -- query counting as one for each relation it names).
    SELECT coalesce(array_agg(r.relation ORDER BY r.relation), '{}') INTO shared
      FROM (SELECT x.relation
              FROM (SELECT mg.relation::text FROM cspi_internal.measure_groups(measure_queries.families) mg
                     WHERE mg.relation = coalesce(measure_queries.relation, mg.relation)
                    UNION ALL
                    SELECT DISTINCT ON (m.indicator, x.name) x.name
                      FROM cspi.indicator_measure m
                     CROSS JOIN LATERAL (SELECT (regexp_matches(m.query, '@R@\.([a-z_0-9]+)', 'g'))[1] AS name) x
                     WHERE m.kind = 'query' AND measure_queries.relation IS NULL
                       AND (measure_queries.families IS NULL
                            OR (m.count_distinct IS NOT DISTINCT FROM 'family_id') = measure_queries.families)) x
             GROUP BY x.relation HAVING count(*) > 1) r;
    SELECT coalesce(array_agg(format('%I AS MATERIALIZED (SELECT * FROM %s.%I)', 'shared_' || r, schema, r)
                              ORDER BY r), '{}')
      INTO ctes FROM unnest(shared) AS r;

    FOR g IN SELECT * FROM cspi_internal.measure_groups(measure_queries.families) m
              WHERE m.relation = coalesce(measure_queries.relation, m.relation) LOOP
        source := CASE WHEN g.relation = ANY (shared) THEN format('%I', 'shared_' || g.relation)
                       ELSE format('%s.%I', schema, g.relation) END;
        -- An event is kept when its date is in the years a report can
        -- cover (cspi.in_report_years, with the last day computed once for
        -- the query, not for each row) and placed in its month (a date's
        -- month, as a timestamp without time zone: no time zone to look up).
        IF NOT g.per_period THEN
            -- Additive: per month, then rolled up.
            parts := parts || format(
$q$SELECT x.indicator, p.period_type, p.period, sum(x.num), sum(x.den)
  FROM (SELECT date_trunc('month', (%1$s)::date::timestamp)::date AS month, %2$s
          FROM %3$s t WHERE (%1$s)::date BETWEEN cspi.report_first_day() AND (SELECT cspi.report_last_day()) GROUP BY 1) g
 CROSS JOIN LATERAL cspi.periods_of(g.month) p
 CROSS JOIN LATERAL (VALUES %4$s) x(indicator, num, den)
 GROUP BY 1, 2, 3$q$,
                g.anchor, g.aggregates, source, g.rows_of);
        ELSE
            -- Distinct counts, period_end comparisons: per period.  A
            -- date's periods are its month's, so each event is joined to
            -- its month's periods (cspi_month_period, made once for every
            -- month a report can cover, below) instead of computing the
            -- periods' names for each event.
            parts := parts || format(
$q$SELECT x.indicator, g.period_type, g.period, x.num, x.den
  FROM (SELECT p.period_type, p.period, %2$s
          FROM (SELECT t.*, date_trunc('month', (%1$s)::date::timestamp)::date AS cspi_month
                  FROM %3$s t
                 WHERE (%1$s)::date BETWEEN cspi.report_first_day() AND (SELECT cspi.report_last_day()) AND (%5$s)) t
          JOIN cspi_month_period p ON p.cspi_month = t.cspi_month
         GROUP BY 1, 2) g
 CROSS JOIN LATERAL (VALUES %4$s) x(indicator, num, den)$q$,
                g.anchor, g.aggregates, source, g.rows_of, coalesce(g.row_filter, 'true'));
        END IF;
    END LOOP;

    -- Hand-written queries, reading a shared relation from its common
    -- table expression.
    SELECT parts || coalesce(array_agg(format('SELECT %L, q.period_type, q.period, q.num, q.den FROM (%s) q',
                                              m.indicator,
                                              cspi_internal.shared_references(m.query, schema, shared))
                                       ORDER BY m.indicator), '{}')
      INTO parts
      FROM cspi.indicator_measure m WHERE m.kind = 'query' AND measure_queries.relation IS NULL
       AND (measure_queries.families IS NULL OR (m.count_distinct IS NOT DISTINCT FROM 'family_id') = measure_queries.families);

    -- Snapshots at each month end: one scan per relation.  Where some of
    -- a relation's measures count distinct values (children, families),
    -- its rows are first grouped by month end and each such value, every
    -- key in the same statement (GROUPING SETS: one sort or hash per key,
    -- where count(DISTINCT) sorts the month's rows once for each
    -- aggregate): a value is counted when some row of it meets the
    -- measure's filter and numerator (or denominator); the other measures
    -- are counted in the set of the month end alone.  NULL values are not
    -- counted, as count(DISTINCT) skips them.
    FOR g IN
        SELECT m.relation,
               array_agg(m ORDER BY m.indicator) AS measures,
               array_agg(k.n ORDER BY m.indicator) AS numbers,
               coalesce(array_agg(DISTINCT m.count_distinct) FILTER (WHERE m.count_distinct IS NOT NULL), '{}') AS keys,
               string_agg(cspi_internal.measure_columns(m, k.n), ', ' ORDER BY m.indicator) AS aggregates,
               string_agg(cspi_internal.measure_row(m, k.n), ', ' ORDER BY m.indicator) AS rows_of
          FROM cspi.indicator_measure m
          JOIN (SELECT indicator, row_number() OVER (ORDER BY indicator) AS n FROM cspi.indicator_measure) k
            USING (indicator)
         WHERE m.kind = 'snapshot' AND m.relation = coalesce(measure_queries.relation, m.relation)
           AND (measure_queries.families IS NULL OR (m.count_distinct IS NOT DISTINCT FROM 'family_id') = measure_queries.families)
         GROUP BY m.relation
         ORDER BY m.relation
    LOOP
        IF cardinality(g.keys) = 0 THEN
            snaps := snaps || format(
$q$SELECT x.indicator, g.period_end, x.num, x.den
  FROM (SELECT t.period_end, %1$s FROM %2$s.%3$I t GROUP BY 1) g
 CROSS JOIN LATERAL (VALUES %4$s) x(indicator, num, den)$q$,
                g.aggregates, schema, g.relation, g.rows_of);
        ELSE
            snaps := snaps || cspi_internal.distinct_snapshot_query(schema, g.relation, g.measures, g.numbers, g.keys, g.rows_of);
        END IF;
    END LOOP;

    IF EXISTS (SELECT 1 FROM cspi_internal.measure_groups(measure_queries.families) m
                WHERE m.relation = coalesce(measure_queries.relation, m.relation) AND m.per_period) THEN
        ctes := ctes || ($q$cspi_month_period AS MATERIALIZED (
    SELECT m.month::date AS cspi_month, q.period_type, q.period, q.period_start, q.period_end
      FROM generate_series(cspi.report_first_day(), cspi.report_last_day(), interval '1 month') AS m(month)
     CROSS JOIN LATERAL cspi.periods_of(m.month::date) q)$q$)::text;
    END IF;
    events := CASE WHEN cardinality(ctes) > 0 THEN 'WITH ' || array_to_string(ctes, E',\n') || E'\n' ELSE '' END
              || array_to_string(parts, E'\nUNION ALL\n');
    snapshots := array_to_string(snaps, E'\nUNION ALL\n');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.measure_queries(text, name, boolean) IS
'The counting queries of indicator_value made from cspi.indicator_measure, for the report objects in schema (a quoted identifier): events (indicator, period_type, period, num, den) and snapshots (indicator, period_end, num, den), each a UNION ALL (empty when there are none); a relation that several event queries read is computed once (a MATERIALIZED common table expression).  With relation, only the measures over that report object (the benchmark times each object''s share of a refresh this way); the hand-written query measures only without. With families true, only the measures that count distinct families; false, only the others (the incremental refresh counts them over different children).';

-- The counts behind every figure, (indicator, period_type, period, num,
-- den), for the report objects in schema (a quoted identifier): the event
-- counts, and the snapshot counts placed in every period ending on their
-- month end.  A deploy stores them in the internal schema's table
-- indicator_count, which indicator_value reads; a full refresh computes
-- them again, an incremental one adds the difference that the changed
-- children make (cspi_internal.refresh_counts).
CREATE OR REPLACE FUNCTION cspi_internal.count_query(schema text, families boolean DEFAULT NULL) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    m record;
BEGIN
    m := cspi_internal.measure_queries(schema, NULL, families);
    -- A part without measures counts nothing.
    m.events := coalesce(nullif(m.events, ''), 'SELECT NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint WHERE false');
    m.snapshots := coalesce(nullif(m.snapshots, ''), 'SELECT NULL::text, NULL::date, NULL::bigint, NULL::bigint WHERE false');
    RETURN format($q$WITH events(indicator, period_type, period, num, den) AS (
%1$s
), snapshots(indicator, period_end, num, den) AS (
%2$s
)
SELECT c.indicator, c.period_type, c.period, sum(c.num)::bigint AS num, sum(c.den)::bigint AS den
  FROM (SELECT e.indicator, e.period_type, e.period, e.num, e.den FROM events e
        UNION ALL
        SELECT s.indicator, p.period_type, p.period, s.num, s.den
          FROM snapshots s JOIN %3$s.period p ON p.period_end = s.period_end) c
 GROUP BY 1, 2, 3$q$, m.events, m.snapshots, schema);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.count_query(text, boolean) IS
'The query of the counts behind every figure, (indicator, period_type, period, num, den), over the report objects in schema (a quoted identifier): what a deploy stores in indicator_count and a refresh computes again (whole, or for the changed children only). families: as for measure_queries.';

-- A query over the report objects of the schema "@R@" made a query over
-- the common table expressions of one side of a counting statement
-- (count_statement, count_difference): "@R@".name becomes "side.name".
CREATE OR REPLACE FUNCTION cspi_internal.side_references(query text, side text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(query, '"@R@"\.("?)([a-z_0-9]+)\1', format('"%s.\2"', side), 'g');
COMMENT ON FUNCTION cspi_internal.side_references(text, text) IS
'For the counting statements (cspi_internal.count_statement, count_difference): query, over report objects named "@R@".name, made to read the common table expressions "side.name" instead.';

-- The report objects the counts read (every view built before
-- indicator_value, data_quality aside), in build order.
CREATE OR REPLACE FUNCTION cspi_internal.counted_objects() RETURNS SETOF cspi.report_object
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT r.* FROM cspi.report_object r
     WHERE r.kind = 'view' AND r.name <> 'data_quality'
       AND r.build_order < (SELECT i.build_order FROM cspi.report_object i WHERE i.name = 'indicator_value')
     ORDER BY r.build_order;
    END;
COMMENT ON FUNCTION cspi_internal.counted_objects() IS
'The report objects the counts behind indicator_value read (every view built before it but data_quality), in build order: what cspi_internal.count_statement and the incremental refresh compute as common table expressions.';

-- A report object's definition as a common table expression of one side
-- of a counting statement: filled for the calendar and the internal schema,
-- its objects read as "side.name" (cspi_internal.side_references).
CREATE OR REPLACE FUNCTION cspi_internal.side_definition(definition text, side text, calendar text, internal name) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN cspi_internal.side_references(
               cspi_internal.fill_template(definition, ARRAY['R', 'CAL', 'SCHEMA'],
                                           ARRAY['"@R@"', quote_literal(calendar), quote_literal(internal)]),
               side);
COMMENT ON FUNCTION cspi_internal.side_definition(text, text, text, name) IS
'A report object''s definition for a counting statement: filled for calendar and the internal schema, reading the common table expressions "side.name" of the objects it reads.';

-- A query over the report objects of the schema "@R@" as one statement
-- that computes each report object once: the objects are common table
-- expressions of it, materialized when more than one object or the query
-- reads them (the episodes of care, the periods of care and the placements
-- are read by several), else inlined as the views would be; the source
-- relations, periods and deployment are the internal schema's.  Over the
-- views themselves, each object that reads another computes it again.
CREATE OR REPLACE FUNCTION cspi_internal.objects_once(query text, internal name, calendar text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    o record;
    names text[] := '{}';
    bodies text[] := '{}';
    side_query text := cspi_internal.side_references(query, 'c');
    ctes text[] := '{}';
    everything text;
    refs integer;
BEGIN
    FOR o IN SELECT * FROM cspi_internal.counted_objects() LOOP
        names := names || o.name;
        bodies := bodies || cspi_internal.side_definition(o.definition, 'c', calendar, internal);
    END LOOP;
    everything := array_to_string(bodies, E'\n') || E'\n' || side_query;
    -- What the objects read of the internal schema: inlined.
    SELECT coalesce(array_agg(format('%I AS NOT MATERIALIZED (SELECT * FROM %I.%I)', 'c.' || x.name, internal, x.name)
                              ORDER BY x.name), '{}')
      INTO ctes
      FROM (SELECT DISTINCT (regexp_matches(everything, '"c\.([a-z_0-9]+)"', 'g'))[1] AS name) x
     WHERE NOT x.name = ANY (names);
    FOR i IN 1 .. cardinality(names) LOOP
        SELECT count(*) INTO refs FROM regexp_matches(everything, format('"c\.%s"', names[i]), 'g');
        ctes := ctes || format('%I AS %s (%s)', 'c.' || names[i],
                               CASE WHEN refs > 1 THEN 'MATERIALIZED' ELSE 'NOT MATERIALIZED' END, bodies[i]);
    END LOOP;
    RETURN 'WITH ' || array_to_string(ctes, E',\n') || E'\nSELECT * FROM (' || side_query || ') AS q';
END
$fn$;
COMMENT ON FUNCTION cspi_internal.objects_once(text, name, text) IS
'query, over report objects named "@R@".name, as one statement over the internal schema that computes each report object once (a common table expression, materialized when read more than once), on the calendar given: the counts (cspi_internal.count_statement) and one period''s breakdowns (cspi_internal.breakdown_statement).';

-- count_query as one statement that computes each report object once: what
-- a deploy and a full refresh store in indicator_count.
CREATE OR REPLACE FUNCTION cspi_internal.count_statement(internal name, calendar text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    RETURN cspi_internal.objects_once(cspi_internal.count_query('"@R@"'), internal, calendar);
COMMENT ON FUNCTION cspi_internal.count_statement(name, text) IS
'count_query over the internal schema as one statement that computes each report object once (cspi_internal.objects_once), on the calendar given: what a deploy and a full refresh store in indicator_count.';

-- Views (and materialized views) that depend on relid, outside cspi's own
-- report objects, in an order that recreates them: a council's own views
-- over a published object, with their owners, grants and comments.
CREATE OR REPLACE FUNCTION cspi_internal.dependent_views(relid regclass, skip_schemas name[])
    RETURNS TABLE (view_oid oid, depth integer)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    WITH RECURSIVE deps(oid, depth) AS (
        SELECT DISTINCT r.ev_class, 1
          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
         WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = relid AND r.ev_class <> relid
        UNION
        SELECT r.ev_class, deps.depth + 1
          FROM deps JOIN pg_depend d ON d.refobjid = deps.oid AND d.refclassid = 'pg_class'::regclass
                                    AND d.classid = 'pg_rewrite'::regclass
          JOIN pg_rewrite r ON r.oid = d.objid
         WHERE r.ev_class <> deps.oid AND deps.depth < 100
    )
    SELECT deps.oid, max(deps.depth)::integer
      FROM deps JOIN pg_class c ON c.oid = deps.oid
     WHERE NOT EXISTS (
               -- cspi's own objects, which the deploy rebuilds: everything in
               -- an internal schema, and in the report schema only what
               -- cspi names (a council's own view there is kept)
               SELECT 1 FROM pg_namespace n
                WHERE n.oid = c.relnamespace AND n.nspname = ANY (skip_schemas)
                  AND (n.nspname ~ '^cspi_internal_[0-9]+$'
                       OR c.relname IN (SELECT o.name FROM cspi.report_object o)
                       OR c.relname IN ('deployment', 'indicator_availability')
                       OR c.relname LIKE 'src\_%'))
     GROUP BY deps.oid
$fn$;
COMMENT ON FUNCTION cspi_internal.dependent_views(regclass, name[]) IS
'The views and materialized views that depend on relid, directly or through others, but for cspi''s own objects in the schemas skipped (everything in an internal schema; in a report schema, the objects cspi names), with their depth (recreate them by increasing depth).';

CREATE OR REPLACE FUNCTION cspi_internal.view_statements(view_oid oid) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT coalesce(array_agg(s.stmt ORDER BY s.n), '{}')
      FROM pg_class c
      CROSS JOIN LATERAL (
          SELECT 1 AS n, format('CREATE %s %s%s AS %s',
                                CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                                c.oid::regclass,
                                coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', ''),
                                rtrim(pg_get_viewdef(c.oid), ';')) AS stmt
          UNION ALL
          SELECT 2, format('ALTER %s %s OWNER TO %I',
                           CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                           c.oid::regclass, pg_get_userbyid(c.relowner))
          UNION ALL
          SELECT 3, format('COMMENT ON %s %s IS %L',
                           CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                           c.oid::regclass, obj_description(c.oid, 'pg_class'))
           WHERE obj_description(c.oid, 'pg_class') IS NOT NULL
          UNION ALL
          SELECT 4, format('GRANT %s ON %s TO %s', a.privilege_type, c.oid::regclass,
                           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END)
            FROM aclexplode(c.relacl) a
           WHERE a.grantee <> c.relowner
          UNION ALL
          SELECT 5, pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = c.oid AND c.relkind = 'm'
      ) s
     WHERE c.oid = view_oid
$fn$;
COMMENT ON FUNCTION cspi_internal.view_statements(oid) IS
'The statements that create a view (or materialized view) again as it is: its definition, owner, comment, grants and (materialized views) indexes.';

CREATE OR REPLACE FUNCTION cspi_internal.recreate_statements(relid regclass, skip_schemas name[]) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT coalesce(array_agg(u.stmt ORDER BY d.depth, d.view_oid, u.n), '{}')
      FROM cspi_internal.dependent_views(relid, skip_schemas) d
      CROSS JOIN LATERAL unnest(cspi_internal.view_statements(d.view_oid)) WITH ORDINALITY AS u(stmt, n)
$fn$;
COMMENT ON FUNCTION cspi_internal.recreate_statements(regclass, name[]) IS
'The statements that recreate the views depending on relid (see cspi_internal.dependent_views), with their owners, comments, grants and (materialized views) indexes, in order.';

-- Make schema.name the view query, keeping what depends on it: in place
-- (CREATE OR REPLACE VIEW) when its columns allow it; otherwise (another
-- kind of relation, as cspi 1.0 made, or columns that changed) the views
-- that depend on it are recreated after it.
CREATE OR REPLACE FUNCTION cspi_internal.publish_view(schema name, name text, query text, invoker boolean, skip_schemas name[])
    RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    relid regclass := to_regclass(format('%I.%I', schema, name));
    kind "char";
    options text := CASE WHEN invoker THEN ' WITH (security_invoker = true)' ELSE '' END;
    saved text[];
BEGIN
    IF relid IS NOT NULL THEN
        SELECT c.relkind INTO kind FROM pg_class c WHERE c.oid = relid;
    END IF;
    IF relid IS NULL THEN
        EXECUTE format('CREATE VIEW %I.%I%s AS %s', schema, name, options, query);
        RETURN '{}';
    END IF;
    IF kind = 'v' THEN
        BEGIN
            EXECUTE format('CREATE OR REPLACE VIEW %I.%I%s AS %s', schema, name, options, query);
            RETURN '{}';
        EXCEPTION WHEN invalid_table_definition OR feature_not_supported OR datatype_mismatch THEN
            NULL;       -- columns changed: recreate, with what depends on it
        END;
    END IF;
    saved := cspi_internal.recreate_statements(relid, skip_schemas);
    EXECUTE format('DROP %s %I.%I CASCADE',
                   CASE kind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   schema, name);
    EXECUTE format('CREATE VIEW %I.%I%s AS %s', schema, name, options, query);
    RETURN saved;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.publish_view(name, text, text, boolean, name[]) IS
'Creates or replaces the published view schema.name. When it cannot be replaced in place, returns the statements that recreate the views depending on it (with their grants and comments), to run once the whole report is rebuilt (called by deploy).';
