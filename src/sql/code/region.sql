-- The comments BI tools show for the columns a region's views add.
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('indicator_value', 'members', 'The member councils whose figures are pooled in this one (a region).'),
 ('indicator_value', 'member_count', 'How many member councils are pooled in this figure (a region).'),
 ('', 'suppressed', 'The figure is withheld (display c, no numbers) because it would disclose a small number (a region with suppress_below).'),
 ('indicator_breakdown', 'members', 'The member councils whose cases are pooled in this cell (a region).'),
 ('member_value', 'member', 'The member council.'),
 ('member_value', 'la_code', 'The member council''s local authority (old three-digit code); NULL when not given.'),
 ('member_value', 'rank', 'The council''s rank among the region''s members for this indicator and period (1: the best, by the indicator''s polarity; ties share a rank); NULL for indicators without a polarity and figures withheld or missing.'),
 ('member_value', 'ranked_of', 'How many members were ranked for this indicator and period.'),
 ('member_value', 'current', 'The figure was read at the region''s last refresh (false: kept from an earlier one, because the last could not read the council).'),
 ('member_value', 'figures_from', 'When the region read this council''s figures.'),
 ('member_value', 'member_position', 'The council''s place in the region''s list of members.'),
 ('member', 'position', 'The council''s place in the region''s list of members.'),
 ('member', 'name', 'The council''s name.'),
 ('member', 'la_code', 'The council''s local authority (old three-digit code); NULL when not given.'),
 ('member', 'server', 'The postgres_fdw server of the council''s database.'),
 ('member', 'report_schema', 'The council''s report schema on that server.'),
 ('member', 'status', 'How the last refresh went: ok, unreachable, incompatible, failed, or not refreshed.'),
 ('member', 'message', 'Why it is not ok; for an ok council, the indicators it has no figure for, and why.'),
 ('member', 'attempted_at', 'When the last refresh tried to read it.'),
 ('member', 'figures_from', 'When the figures the region holds for it were read; NULL: none yet.'),
 ('member', 'computed_at', 'When the council last computed those figures (its own refresh).'),
 ('member', 'cspi_version', 'The version of cspi that deployed the council''s report schema.'),
 ('member', 'foreign_table', 'The council''s published indicator_value as a foreign table in the region''s database.'),
 ('indicator_availability', 'members', 'The member councils that have this indicator (a region).'),
 ('indicator_availability', 'members_without', 'The member councils that do not have this indicator (as last read), or that have never been read (a region).')
ON CONFLICT (object, column_name) DO UPDATE SET comment = excluded.comment;

-- The small-count rule: a figure is suppressed when it would disclose a
-- count from 1 to below - 1 (zero is published).
CREATE OR REPLACE FUNCTION cspi.discloses_small_count(unit text, numerator bigint, denominator bigint, below integer)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(below IS NOT NULL
                    AND (numerator BETWEEN 1 AND below - 1
                         OR (unit = '%' AND (denominator BETWEEN 1 AND below - 1
                                             OR denominator - numerator BETWEEN 1 AND below - 1))), false);
COMMENT ON FUNCTION cspi.discloses_small_count(text, bigint, bigint, integer) IS
'Whether a figure discloses a small count, which a region suppresses (cspi.create_region''s suppress_below): a count or rate whose numerator is from 1 to below - 1; a percentage whose numerator, denominator or denominator minus numerator (the cases out of timescale) is. Zero is not small. false when below is NULL.';

-- The complementary suppression of a region (doc/regions.md, "Small
-- numbers"), for the figures of source (a relation with unit, numerator,
-- denominator, small: whether the figure itself discloses a small count,
-- and adds: whether withholding it withholds anything) pooled by pool (the
-- columns whose figures add up to a published one): each small figure is
-- withheld, and the others of its pool that add something, smallest
-- numerator first (then denominator, then tie), until what is withheld
-- together is not small, so that none can be had back as the published
-- figure minus the others.  Returns source's rows with suppressed, as a
-- query (@SUPPRESS@ the threshold, filled with the region's statements).
CREATE OR REPLACE FUNCTION cspi_internal.region_suppression_sql(source text, pool text, tie text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN format($q$SELECT c.*,
           c.small OR (c.small_in_pool > 0 AND c.adds AND NOT c.small
                       AND cspi.discloses_small_count(c.unit, c.small_numerator + c.numerator_before,
                                                      c.small_denominator + c.denominator_before, @SUPPRESS@)) AS suppressed
      FROM (SELECT s.*,
                   count(*) FILTER (WHERE s.small) OVER pool AS small_in_pool,
                   coalesce(sum(s.numerator) FILTER (WHERE s.small) OVER pool, 0)::bigint AS small_numerator,
                   coalesce(sum(s.denominator) FILTER (WHERE s.small) OVER pool, 0)::bigint AS small_denominator,
                   (coalesce(sum(s.numerator) OVER candidate, 0) - coalesce(s.numerator, 0))::bigint AS numerator_before,
                   (coalesce(sum(s.denominator) OVER candidate, 0) - coalesce(s.denominator, 0))::bigint AS denominator_before
              FROM %1$s s
            WINDOW pool AS (PARTITION BY %2$s),
                   candidate AS (PARTITION BY %2$s, small, adds
                                 ORDER BY numerator, denominator, %3$s ROWS UNBOUNDED PRECEDING)) c$q$,
                  source, pool, tie);
COMMENT ON FUNCTION cspi_internal.region_suppression_sql(text, text, text) IS
'The query that marks which of source''s figures a region withholds (suppressed): the small ones, and the smallest others of their pool (the columns pool) until what is withheld together is not small; tie orders figures of equal numerator and denominator. Used by region_internal_sql for member_value and indicator_breakdown.';

-- The objects of a region's internal schema: the figures pulled from the
-- members, and the views the region schema publishes.
-- @I@ is the internal schema, @REGION@ the region schema as a literal,
-- @SUPPRESS@ the suppression threshold (NULL for none), @VERSION@ the
-- installed version of cspi (as an expression, so that an upgrade counts).
CREATE OR REPLACE FUNCTION cspi_internal.region_internal_sql() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN $sql$
CREATE TABLE @I@.member_figure (
    member       integer NOT NULL,
    indicator    text NOT NULL,
    period_type  text NOT NULL,
    period       text NOT NULL,
    period_start date NOT NULL,
    period_end   date NOT NULL,
    numerator    bigint,
    denominator  bigint,
    PRIMARY KEY (member, indicator, period_type, period)
);
COMMENT ON TABLE @I@.member_figure IS 'Each member''s published numerators and denominators, as last pulled (cspi.refresh()): a council publishes figures of the indicators it has only.';
CREATE TABLE @I@.member_availability (
    member            integer NOT NULL,
    indicator         text NOT NULL,
    available         boolean NOT NULL,
    missing_relations text[],
    PRIMARY KEY (member, indicator)
);
COMMENT ON TABLE @I@.member_availability IS 'Which indicators each member has, as last pulled (cspi.refresh()).';

CREATE INDEX ON @I@.member_figure (indicator, period);

-- Each member's published breakdowns (its indicator_breakdown), as last
-- pulled: pooled and suppressed when read (indicator_breakdown below).
CREATE TABLE @I@.member_breakdown (
    member       integer NOT NULL,
    indicator    text NOT NULL,
    period_type  text NOT NULL,
    period       text NOT NULL,
    dimension    text NOT NULL,
    category     text NOT NULL,
    numerator    bigint,
    denominator  bigint,
    unit         text,
    PRIMARY KEY (member, indicator, period_type, period, dimension, category)
);
COMMENT ON TABLE @I@.member_breakdown IS 'Each member''s published breakdowns (indicator_breakdown), as last pulled (cspi.refresh()).';
CREATE TABLE @I@.member_breakdown_pulled (
    member      integer PRIMARY KEY,
    computed_at timestamptz
);
COMMENT ON TABLE @I@.member_breakdown_pulled IS 'When each member had computed the figures whose breakdowns were last pulled: a refresh pulls them again only after the member refreshed.';

-- The breakdowns pooled: every cell summed over the members of the
-- region's version that have it (a team or locality is a member's own, so
-- it keeps the member's name); a rate's cells are counts (the members'
-- populations by age band are not pulled).  Small cells are suppressed as
-- indicator_value is, and, within a dimension, the smallest other cells
-- until what is withheld together is not small, so that no withheld cell
-- can be had back from the figure and the others.
CREATE VIEW @I@.indicator_breakdown AS
WITH cell AS (
    SELECT b.indicator, b.period_type, b.period, b.dimension,
           CASE WHEN b.dimension IN ('team', 'locality') THEN m.name || ': ' || b.category ELSE b.category END AS category,
           CASE WHEN i.unit = '%' THEN '%' ELSE 'count' END AS unit,
           sum(b.numerator)::bigint AS numerator,
           CASE WHEN i.unit = '%' THEN sum(b.denominator)::bigint END AS denominator,
           array_agg(m.name ORDER BY m.position) AS members
      FROM @I@.member_breakdown b
      JOIN cspi.region_member m ON m.region_schema = @REGION@ AND m.position = b.member
                               AND m.figures_version = @VERSION@
      JOIN cspi.indicator i ON i.code = b.indicator
     GROUP BY 1, 2, 3, 4, 5, 6, i.unit
), judged AS (
    SELECT cell.*, cspi.discloses_small_count(unit, numerator, denominator, @SUPPRESS@) AS small,
           numerator > 0 OR (unit = '%' AND denominator > 0) AS adds
      FROM cell
), marked AS (
    $sql$ || cspi_internal.region_suppression_sql('judged', 'indicator, period_type, period, dimension', 'category COLLATE "C"') || $sql$
)
SELECT x.indicator, x.period_type, x.period, x.dimension, x.category,
       CASE WHEN NOT x.suppressed THEN x.numerator END AS numerator,
       CASE WHEN NOT x.suppressed THEN x.denominator END AS denominator,
       CASE WHEN NOT x.suppressed THEN f.value END AS value,
       CASE WHEN x.suppressed THEN 'c' ELSE f.display END AS display,
       x.unit, x.members, x.suppressed
  FROM marked x
 CROSS JOIN LATERAL cspi.indicator_figure(x.unit, x.numerator, x.denominator) f;

-- Ranked when read: a reader of one indicator or period ranks only those
-- members' figures (the filter goes below the window functions).
CREATE VIEW @I@.member_value AS
WITH figure AS (
    SELECT m.position, m.name, m.la_code, f.indicator, f.period_type, f.period, f.period_start, f.period_end,
           f.numerator, f.denominator, i.unit, i.polarity, m.figures_from,
           m.status = 'ok' AND m.figures_version = @VERSION@ AS current,
           cspi.discloses_small_count(i.unit, f.numerator, f.denominator, @SUPPRESS@) AS small,
           -- what withholding it would withhold
           f.numerator > 0 OR (i.unit = '%' AND f.denominator > 0) AS adds
      FROM @I@.member_figure f
      JOIN cspi.region_member m ON m.region_schema = @REGION@ AND m.position = f.member
      JOIN cspi.indicator i ON i.code = f.indicator
), marked AS (
    $sql$ || cspi_internal.region_suppression_sql('figure', 'indicator, period_type, period', 'position') || $sql$
), shown AS (
    SELECT marked.*, f.value, f.shown, f.display, f.fraction,
           NOT suppressed AND f.shown IS NOT NULL AND polarity IS NOT NULL AS ranked
      FROM marked
     CROSS JOIN LATERAL cspi.indicator_figure(unit, numerator, denominator) f
)
SELECT name AS member, la_code, indicator, period_type, period, period_start, period_end,
       CASE WHEN NOT suppressed THEN numerator END AS numerator,
       CASE WHEN NOT suppressed THEN denominator END AS denominator,
       CASE WHEN NOT suppressed THEN value END AS value,
       CASE WHEN NOT suppressed THEN shown END AS shown,
       CASE WHEN suppressed THEN 'c' ELSE display END AS display,
       CASE WHEN NOT suppressed THEN fraction END AS fraction,
       CASE WHEN ranked THEN rank() OVER (PARTITION BY indicator, period_type, period, ranked
                                          ORDER BY CASE WHEN polarity = 'higher' THEN -shown ELSE shown END)::integer
            END AS rank,
       CASE WHEN ranked THEN count(*) OVER (PARTITION BY indicator, period_type, period, ranked)::integer END AS ranked_of,
       suppressed, current, figures_from, position AS member_position
  FROM shown;

CREATE MATERIALIZED VIEW @I@.indicator_value AS
WITH figure AS (
    SELECT f.*, i.unit, m.name,
           -- a rate pools the members that have a population for the period
           i.unit <> 'per 10,000' OR f.denominator > 0 AS pools
      FROM @I@.member_figure f
      JOIN cspi.region_member m ON m.region_schema = @REGION@ AND m.position = f.member
                               -- figures of another version are kept, not pooled
                               AND m.figures_version = @VERSION@
      JOIN cspi.indicator i ON i.code = f.indicator
), pooled AS (
    -- (a rate that no member has a population for keeps its count, and no
    -- figure, as a council's does)
    SELECT indicator, period_type, period, min(period_start) AS period_start, max(period_end) AS period_end,
           coalesce(sum(numerator) FILTER (WHERE pools), sum(numerator))::bigint AS numerator,
           CASE WHEN min(unit) <> 'count' THEN sum(denominator) FILTER (WHERE pools) END::bigint AS denominator,
           coalesce(array_agg(name ORDER BY member) FILTER (WHERE pools), array_agg(name ORDER BY member)) AS members
      FROM figure
     GROUP BY indicator, period_type, period
)
SELECT p.indicator, p.period_type, p.period, p.period_start, p.period_end,
       CASE WHEN NOT s.suppressed THEN p.numerator END AS numerator,
       CASE WHEN NOT s.suppressed THEN p.denominator END AS denominator,
       CASE WHEN NOT s.suppressed THEN f.value END AS value,
       CASE WHEN NOT s.suppressed THEN f.shown END AS shown,
       CASE WHEN s.suppressed THEN 'c' ELSE f.display END AS display,
       t.target,
       CASE WHEN NOT s.suppressed THEN cspi.target_status(f.shown, t.target, i.polarity) END AS status,
       CASE WHEN NOT s.suppressed THEN f.fraction END AS fraction,
       now() AS refreshed_at,
       p.members, cardinality(p.members) AS member_count, s.suppressed
  FROM pooled p
  JOIN cspi.indicator i ON i.code = p.indicator
 CROSS JOIN LATERAL cspi.indicator_figure(i.unit, p.numerator, p.denominator) f
 CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, p.period) AS target) t
 CROSS JOIN LATERAL (SELECT cspi.discloses_small_count(i.unit, p.numerator, p.denominator, @SUPPRESS@) AS suppressed) s;
CREATE UNIQUE INDEX ON @I@.indicator_value (indicator, period_type, period);
$sql$;
COMMENT ON FUNCTION cspi_internal.region_internal_sql() IS
'The statements that make a region''s internal schema: the tables of the figures pulled from its members, the view member_value (each member''s figure, ranked) and the materialized view indicator_value (pooled) (called by create_region).';

-- The foreign tables of one member: only its published objects.
CREATE OR REPLACE FUNCTION cspi_internal.region_member_sql(internal name, member integer, server name, report_schema name)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN format($sql$
CREATE FOREIGN TABLE %1$I.%2$I (
    indicator text, period_type text, period text, period_start date, period_end date,
    numerator bigint, denominator bigint, status text, refreshed_at timestamptz
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'indicator_value', fetch_size '10000');
CREATE FOREIGN TABLE %1$I.%3$I (
    indicator text, available boolean, missing_relations text[]
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'indicator_availability', fetch_size '10000');
CREATE FOREIGN TABLE %1$I.%4$I (
    cspi_version text
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'deployment');
CREATE FOREIGN TABLE %1$I.%8$I (
    indicator text, period_type text, period text, dimension text, category text,
    numerator bigint, denominator bigint, unit text
) SERVER %5$I OPTIONS (schema_name %6$L, table_name 'indicator_breakdown', fetch_size '10000');
COMMENT ON FOREIGN TABLE %1$I.%2$I IS %7$L;
$sql$, internal, 'm' || member || '_indicator_value', 'm' || member || '_indicator_availability',
       'm' || member || '_deployment', server, report_schema,
       format('The published indicator_value of member %s (report schema %s on server %s), read over postgres_fdw.',
              member, report_schema, server),
       'm' || member || '_indicator_breakdown');
COMMENT ON FUNCTION cspi_internal.region_member_sql(name, integer, name, name) IS
'The statements that make the foreign tables of a region''s member: its published indicator_value, indicator_availability, deployment and indicator_breakdown, and nothing else (called by create_region).';

CREATE OR REPLACE FUNCTION cspi.create_region(region_schema name, members jsonb, name text DEFAULT NULL,
                                              suppress_below integer DEFAULT NULL)
    RETURNS TABLE (member text, status text, message text)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    m record;
    internal name;
    previous name;
    skip name[];
    pending text[] := '{}';
    stmt text;
    problems text[] := '{}';
    kept jsonb;
    region_literal text := quote_literal(region_schema);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgres_fdw') THEN
        RAISE EXCEPTION 'a region reads its members with postgres_fdw, which is not installed in this database'
            USING ERRCODE = 'undefined_object',
                  HINT = 'CREATE EXTENSION postgres_fdw; then a server and a user mapping for each member council.';
    END IF;
    IF members IS NULL OR jsonb_typeof(members) <> 'array' OR jsonb_array_length(members) = 0 THEN
        RAISE EXCEPTION 'members must be a JSON array of member councils'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'For example ''[{"server": "council_a", "schema": "cspi_report", "name": "Council A", "la_code": "E08000001"}]''.';
    END IF;
    IF region_schema IN ('public', 'cspi', 'pg_catalog', 'information_schema')
       OR region_schema LIKE 'pg\_%' OR region_schema LIKE 'cspi\_internal\_%' OR region_schema LIKE 'cspi\_region\_%' THEN
        RAISE EXCEPTION 'cannot make a region in schema "%"', region_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Name a schema of its own for the region, such as cspi_region.';
    END IF;
    IF EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = create_region.region_schema) THEN
        RAISE EXCEPTION 'schema "%" is a council''s report schema, not a region', region_schema
            USING ERRCODE = 'duplicate_schema',
                  HINT = 'Name another schema for the region.';
    END IF;
    IF suppress_below IS NOT NULL AND suppress_below NOT BETWEEN 2 AND 1000 THEN
        RAISE EXCEPTION 'suppress_below must be from 2 to 1000, or NULL for no suppression, not %', suppress_below
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The DfE suppresses counts from 1 to 5: suppress_below => 6.';
    END IF;

    -- Every member, checked at once.
    FOR m IN SELECT e.value AS item, e.ordinality::integer AS position
               FROM jsonb_array_elements(members) WITH ORDINALITY AS e LOOP
        IF jsonb_typeof(m.item) <> 'object' THEN
            problems := problems || format('member %s: not a JSON object', m.position);
            CONTINUE;
        END IF;
        problems := problems || ARRAY(
            SELECT format('member %s: unknown key "%s"', m.position, k)
              FROM jsonb_object_keys(m.item) AS k WHERE k NOT IN ('server', 'schema', 'name', 'la_code', 'time_limit') ORDER BY k);
        problems := problems || ARRAY(
            SELECT format('member %s: "%s" is missing or not a string', m.position, k)
              FROM unnest(ARRAY['server', 'schema', 'name']) AS k
             WHERE jsonb_typeof(m.item -> k) IS DISTINCT FROM 'string' OR btrim(m.item ->> k) = '');
        IF jsonb_typeof(m.item -> 'server') = 'string' AND btrim(m.item ->> 'server') <> '' AND NOT EXISTS (
               SELECT 1 FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                WHERE s.srvname = m.item ->> 'server' AND w.fdwname = 'postgres_fdw') THEN
            problems := problems || format('member %s: there is no postgres_fdw server "%s"', m.position, m.item ->> 'server');
        END IF;
        IF m.item ? 'la_code' AND jsonb_typeof(m.item -> 'la_code') NOT IN ('string', 'null') THEN
            problems := problems || format('member %s: "la_code" is not a string', m.position);
        END IF;
        IF m.item ? 'time_limit' THEN
            BEGIN
                IF jsonb_typeof(m.item -> 'time_limit') <> 'string'
                   OR (m.item ->> 'time_limit')::interval NOT BETWEEN '1 second' AND '1 day' THEN
                    RAISE invalid_parameter_value;
                END IF;
            EXCEPTION WHEN OTHERS THEN
                problems := problems || format('member %s: "time_limit" is not a time from 1 second to 1 day, such as "30 seconds"', m.position);
            END;
        END IF;
    END LOOP;
    problems := problems || ARRAY(
        SELECT format('the name "%s" is given to %s members', btrim(e ->> 'name'), count(*))
          FROM jsonb_array_elements(members) e
         WHERE jsonb_typeof(e) = 'object' AND e ? 'name'
         GROUP BY btrim(e ->> 'name') HAVING count(*) > 1 ORDER BY 1);
    -- the same council twice would be counted twice
    problems := problems || ARRAY(
        SELECT format('report schema "%s" on server "%s" is given to %s members (it would be counted %s times)',
                      e ->> 'schema', e ->> 'server', count(*), count(*))
          FROM jsonb_array_elements(members) e
         WHERE jsonb_typeof(e) = 'object' AND e ? 'server' AND e ? 'schema'
         GROUP BY e ->> 'server', e ->> 'schema' HAVING count(*) > 1 ORDER BY 1);
    IF cardinality(problems) > 0 THEN
        RAISE EXCEPTION 'the members of region "%" are not right (% problems)', region_schema, cardinality(problems)
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = array_to_string(problems, E'\n'),
                  HINT = 'Each member is {"server": a postgres_fdw server (CREATE SERVER ... FOREIGN DATA WRAPPER postgres_fdw), "schema": its report schema there, "name": the council''s name, "la_code": optional, "time_limit": optional, such as "30 seconds"}.';
    END IF;

    -- An existing schema must be the caller's, and be this region or empty.
    IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = region_schema) THEN
        PERFORM cspi_internal.check_schema_owner(region_schema, 'schema', 'Make the region in a schema you own, or as its owner.');
        -- A remake reads the previous internal schema, which is the
        -- owner's: only the owner itself may remake it.
        IF (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = region_schema) <> current_user::regrole THEN
            RAISE EXCEPTION 'schema "%" belongs to role %: only that role may make a region in it', region_schema,
                            (SELECT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = region_schema)
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Remake the region as its owner; cspi.refresh() refreshes it as anyone with the owner''s privileges.';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = create_region.region_schema)
           AND EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = region_schema) THEN
            RAISE EXCEPTION 'schema "%" already holds objects that cspi.create_region() did not create', region_schema
                USING ERRCODE = 'duplicate_schema',
                      HINT = 'Make the region in a new or empty schema.';
        END IF;
    END IF;

    PERFORM pg_advisory_xact_lock(hashtext('cspi.region'), hashtext(region_schema));
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', region_schema);
    SELECT g.internal_schema INTO previous FROM cspi.region g WHERE g.region_schema = create_region.region_schema;
    -- (a name left by a dropped cspi is skipped)
    LOOP
        internal := 'cspi_region_' || nextval('cspi.deployment_generation_seq');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = internal);
    END LOOP;
    EXECUTE format('CREATE SCHEMA %I', internal);
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', internal,
                   format('The foreign tables of the members of region %s, the figures pulled from them and the views behind its published ones (cspi.create_region). Read the region schema, not this one.',
                          region_schema));

    INSERT INTO cspi.region AS g (region_schema, name, internal_schema, suppress_below)
    VALUES (region_schema, nullif(btrim(create_region.name), ''), internal, suppress_below)
    ON CONFLICT ON CONSTRAINT region_pkey DO UPDATE
       SET name = EXCLUDED.name, internal_schema = EXCLUDED.internal_schema,
           suppress_below = EXCLUDED.suppress_below, created_at = now(), created_by = current_user, refreshed_at = NULL;
    SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') INTO kept
      FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema;
    DELETE FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema;
    INSERT INTO cspi.region_member (region_schema, position, name, server, report_schema, la_code, time_limit)
    SELECT region_schema, e.ordinality, btrim(e.value ->> 'name'), e.value ->> 'server', e.value ->> 'schema',
           CASE WHEN nullif(btrim(e.value ->> 'la_code'), '') IS NOT NULL
                THEN (cspi.find_local_authority(e.value ->> 'la_code')).old_la_code END,
           coalesce((e.value ->> 'time_limit')::interval, '1 minute')
      FROM jsonb_array_elements(members) WITH ORDINALITY AS e;

    EXECUTE cspi_internal.fill_template(cspi_internal.region_internal_sql(), ARRAY['I', 'REGION', 'SUPPRESS', 'VERSION'],
                               ARRAY[quote_ident(internal), region_literal, coalesce(suppress_below::text, 'NULL::integer'),
                                     '(SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = ''cspi'')']);
    FOR m IN SELECT * FROM cspi.region_member r WHERE r.region_schema = create_region.region_schema ORDER BY r.position LOOP
        EXECUTE cspi_internal.region_member_sql(internal, m.position, m.server, m.report_schema);
    END LOOP;

    -- A remake keeps what the region held for a council it still has (the
    -- same server and report schema): never losing a member's last good
    -- figures because it is down at that moment.
    UPDATE cspi.region_member n
       SET status = o.status, message = o.message, attempted_at = o.attempted_at, figures_from = o.figures_from,
           computed_at = o.computed_at, cspi_version = o.cspi_version, figures_version = o.figures_version
      FROM jsonb_populate_recordset(NULL::cspi.region_member, kept) o
     WHERE n.region_schema = create_region.region_schema AND n.server = o.server AND n.report_schema = o.report_schema;
    IF to_regclass(format('%I.member_figure', coalesce(previous, internal))) IS NOT NULL AND previous IS NOT NULL THEN
        EXECUTE format($q$
            INSERT INTO %1$I.member_figure
            SELECT n.position, f.indicator, f.period_type, f.period, f.period_start, f.period_end, f.numerator, f.denominator
              FROM %2$I.member_figure f
              JOIN jsonb_populate_recordset(NULL::cspi.region_member, $1) o ON o.position = f.member
              JOIN cspi.region_member n ON n.region_schema = $2 AND n.server = o.server AND n.report_schema = o.report_schema$q$,
            internal, previous) USING kept, region_schema;
        EXECUTE format($q$
            INSERT INTO %1$I.member_availability
            SELECT n.position, a.indicator, a.available, a.missing_relations
              FROM %2$I.member_availability a
              JOIN jsonb_populate_recordset(NULL::cspi.region_member, $1) o ON o.position = a.member
              JOIN cspi.region_member n ON n.region_schema = $2 AND n.server = o.server AND n.report_schema = o.report_schema$q$,
            internal, previous) USING kept, region_schema;
    END IF;

    -- The published views, replaced in place so that views, grants and
    -- comments made over them are kept.
    skip := ARRAY[region_schema, internal];
    pending := pending || cspi_internal.publish_view(region_schema, 'indicator_value',
                              format('SELECT * FROM %I.indicator_value', internal), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'member_value',
                              format('SELECT * FROM %I.member_value', internal), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'indicator_breakdown',
                              format('SELECT * FROM %I.indicator_breakdown', internal), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'indicator_availability', format($q$
        SELECT i.code AS indicator, coalesce(bool_or(a.available), false) AS available,
               CASE WHEN bool_or(a.available) THEN '{}'::text[]
                    ELSE coalesce((SELECT array_agg(DISTINCT r ORDER BY r)
                                     FROM %1$I.member_availability x, unnest(x.missing_relations) AS r
                                    WHERE x.indicator = i.code), '{}') END AS missing_relations,
               coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE a.available), '{}') AS members,
               coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE a.available IS NOT TRUE), '{}') AS members_without
          FROM cspi.indicator i
          CROSS JOIN cspi.region_member m
          LEFT JOIN %1$I.member_availability a ON a.member = m.position AND a.indicator = i.code
         WHERE m.region_schema = %2$L
         GROUP BY i.code$q$, internal, region_schema), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'member', format($q$
        SELECT m.position, m.name, m.la_code, m.server, m.report_schema, m.status, m.message,
               m.attempted_at, m.figures_from, m.computed_at, m.cspi_version,
               to_regclass(format('%%I.%%I', %1$L, 'm' || m.position || '_indicator_value')) AS foreign_table
          FROM cspi.region_member m
         WHERE m.region_schema = %2$L$q$, internal, region_schema), false, skip);
    pending := pending || cspi_internal.publish_view(region_schema, 'period', format($q$
        SELECT DISTINCT period_type, period, period_start, period_end FROM %I.indicator_value$q$, internal), false, skip);
    -- The scorecard of every period, as a council's report has it.
    pending := pending || cspi_internal.publish_view(region_schema, 'scorecard',
                              cspi_internal.fill_template((SELECT o.definition FROM cspi.report_object o WHERE o.name = 'scorecard'),
                                                 ARRAY['R', 'SCHEMA'], ARRAY[quote_ident(region_schema), quote_literal(region_schema)]),
                              false, skip);
    EXECUTE format('COMMENT ON VIEW %I.period IS %L', region_schema,
                   'Every year, quarter and month the region has figures for.');
    EXECUTE format('COMMENT ON VIEW %I.scorecard IS %L', region_schema,
                   (SELECT o.comment FROM cspi.report_object o WHERE o.name = 'scorecard'));
    EXECUTE format('COMMENT ON VIEW %I.indicator_value IS %L', region_schema,
                   'Every indicator for every period, pooled over the region''s members that have it: numerators and denominators summed and the figure computed from them (rates from the summed counts and populations), with the members pooled (members, member_count) and whether the figure is suppressed (display ''c''). Refresh with cspi.refresh().');
    EXECUTE format('COMMENT ON VIEW %I.member_value IS %L', region_schema,
                   'Each member''s own figure for every indicator and period, for league tables: its rank among the members (1: the best, by the indicator''s polarity), whether it is suppressed, and whether it is current (false: kept from an earlier refresh, because the last one could not read the member).');
    EXECUTE format('COMMENT ON VIEW %I.indicator_breakdown IS %L', region_schema,
                   'Every figure broken down by who the children are, pooled over the region''s members: each category''s cases summed over the members that have it (members), so that the categories add up to the pooled figure; a team or locality is a member''s own and keeps its name (''Council A: North''); a rate''s categories are counts. A small cell is suppressed (display ''c''), and so are the smallest others of its dimension until what is withheld together is not small. Computed when read from the breakdowns each refresh pulls (cspi.refresh()).');
    EXECUTE format('COMMENT ON VIEW %I.indicator_availability IS %L', region_schema,
                   'Each indicator of the catalogue: available when at least one member has it, which members have it and which do not; missing_relations, when none has it, what their data lacks.');
    EXECUTE format('COMMENT ON VIEW %I.member IS %L', region_schema,
                   'The region''s member councils and how the last refresh went for each (status, message), when the figures held for each were read, and the foreign table of its published indicator_value (for queries of one member''s figures, whose aggregates postgres_fdw runs on the member when its server lists cspi in its extensions option).');
    PERFORM cspi_internal.comment_report_columns(region_schema, o)
       FROM unnest(ARRAY['indicator_value', 'member_value', 'period', 'scorecard', 'member', 'indicator_availability',
                         'indicator_breakdown']) AS o;
    FOREACH stmt IN ARRAY pending LOOP
        EXECUTE stmt;
    END LOOP;
    IF previous IS NOT NULL AND previous <> internal THEN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', previous);
    END IF;

    PERFORM cspi.refresh_region(region_schema);
    RETURN QUERY SELECT r.name, r.status, r.message FROM cspi.region_member r
                  WHERE r.region_schema = create_region.region_schema ORDER BY r.position;
END
$fn$;
COMMENT ON FUNCTION cspi.create_region(name, jsonb, text, integer) IS
'Creates (or remakes) a region in region_schema over member councils: members is a JSON array of {"server": a postgres_fdw server, "schema": the council''s report schema there, "name": its name, "la_code": optional, "time_limit": how long a refresh may spend reading it, optional, default "1 minute"}. Only the region schema''s owner may remake it. The region schema gets indicator_value (pooled over the members that have each indicator), member_value (each member''s own figure and rank), indicator_breakdown (the members'' breakdowns pooled, suppressed as the figures are), indicator_availability and member; cspi.scorecard, cspi.narrative and cspi.report_html work on it. Only the members'' published indicator_value, indicator_availability, deployment and indicator_breakdown are read. suppress_below: counts from 1 to suppress_below - 1 are published as ''c'' (cspi.discloses_small_count). Refreshes it at once and returns each member and how its refresh went.';

-- The bounds of a period label, or NULLs for anything that is not one
-- (what a member publishes is checked with it, never trusted).
CREATE OR REPLACE FUNCTION cspi.period_bounds_or_null(period text,
                                   OUT period_type text, OUT period_start date, OUT period_end date)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF period ~ '^(19|20)\d{2}/\d{2}( Q[1-4])?$' AND ((substr(period, 1, 4)::int + 1) % 100) = substr(period, 6, 2)::int
       OR period ~ '^(19|20)\d{2}-(0[1-9]|1[0-2])$' THEN
        SELECT b.period_type, b.period_start, b.period_end INTO period_type, period_start, period_end
          FROM cspi.period_bounds(period) b;
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.period_bounds_or_null(text) IS
'The type, first and last day of a period label (as cspi.period_bounds), or NULLs when it is not one: a region checks its members'' periods with it.';

-- What a region checks of each member's published figures before they
-- replace its last good ones: a member's owner can publish anything.
CREATE OR REPLACE FUNCTION cspi.region_figure_limit() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 1000000000000;
COMMENT ON FUNCTION cspi.region_figure_limit() IS
'The largest count or denominator a region accepts from a member: 10^12, far above any council''s, and low enough that the pooled sums of a million members cannot overflow bigint.';

-- Pull one member of a region: run as the region's owner, restricted and
-- within the member's time limit (cspi.execute_as_owner), by refresh_region
-- in a subtransaction of its own, so that a member that fails keeps its
-- last good figures.  Returns its status, cspi version, message and when
-- it computed its figures; an error when it cannot be read or its figures
-- fail the checks.
CREATE OR REPLACE FUNCTION cspi_internal.pull_region_member(region_schema name, member integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    g cspi.region;
    m cspi.region_member;
    t text;
    installed text := (SELECT extversion FROM pg_extension WHERE extname = 'cspi');
    found_version text;
    computed timestamptz;
    problems text;
    message text;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.pull_region_member');
    SELECT * INTO STRICT g FROM cspi.region r WHERE r.region_schema = pull_region_member.region_schema;
    SELECT * INTO STRICT m FROM cspi.region_member r
     WHERE r.region_schema = pull_region_member.region_schema AND r.position = pull_region_member.member;
    t := quote_ident(g.internal_schema) || '.' || quote_ident('m' || m.position);
    EXECUTE format('SELECT min(cspi_version) FROM %s_deployment', t) INTO found_version;
    IF found_version IS DISTINCT FROM installed THEN
        RETURN jsonb_build_object('status', 'incompatible', 'cspi_version', found_version, 'message',
            CASE WHEN found_version IS NULL
                 THEN format('its report schema %s records no deployment', m.report_schema)
                 ELSE format('its report schema %s was deployed by cspi %s, but the region runs cspi %s, and figures are pooled only when computed by the same definitions: bring both to the same version (ALTER EXTENSION cspi UPDATE, then cspi.redeploy())',
                             m.report_schema, found_version, installed) END);
    END IF;
    EXECUTE format('DELETE FROM %I.member_figure WHERE member = $1', g.internal_schema) USING m.position;
    EXECUTE format($q$INSERT INTO %I.member_figure
                      SELECT $1, indicator, period_type, period, period_start, period_end, numerator, denominator
                        FROM %s_indicator_value$q$, g.internal_schema, t) USING m.position;
    EXECUTE format('DELETE FROM %I.member_availability WHERE member = $1', g.internal_schema) USING m.position;
    EXECUTE format($q$INSERT INTO %I.member_availability
                      SELECT $1, indicator, available, missing_relations FROM %s_indicator_availability$q$,
                   g.internal_schema, t) USING m.position;

    -- Every row checked before it replaces the last good figures.
    EXECUTE format($q$
        WITH f AS (
            SELECT f.*, i.code IS NOT NULL AS known, i.unit, b.period_type AS bound_type,
                   b.period_start AS bound_start, b.period_end AS bound_end,
                   f.indicator || ' ' || f.period_type || ' ' || f.period AS example
              FROM %1$I.member_figure f
              LEFT JOIN cspi.indicator i ON i.code = f.indicator
              LEFT JOIN LATERAL cspi.period_bounds_or_null(f.period) b ON true
             WHERE f.member = $1
        ), problem AS (
            SELECT 1 AS rule_order, 'an indicator cspi does not have' AS rule, example FROM f WHERE NOT known
            UNION ALL
            SELECT 2, 'a period that is not a year, quarter or month of the years a report covers', example FROM f
             WHERE bound_type IS NULL OR bound_type <> period_type OR bound_start <> period_start OR bound_end <> period_end
                OR NOT cspi.in_report_years(period_start) OR NOT cspi.in_report_years(period_end)
            UNION ALL
            SELECT 3, 'a negative count', example FROM f WHERE numerator < 0 OR denominator < 0
            UNION ALL
            SELECT 4, 'no numerator over a denominator', example FROM f WHERE numerator IS NULL AND denominator IS NOT NULL
            UNION ALL
            SELECT 5, 'a numerator above its denominator in a percentage', example FROM f
             WHERE unit = '%%' AND numerator > denominator
            UNION ALL
            SELECT 6, 'a count above ' || cspi.region_figure_limit(), example FROM f
             WHERE numerator > cspi.region_figure_limit() OR denominator > cspi.region_figure_limit()
            UNION ALL
            SELECT 7, 'availability of an indicator cspi does not have', a.indicator FROM %1$I.member_availability a
             WHERE a.member = $1 AND NOT EXISTS (SELECT 1 FROM cspi.indicator i WHERE i.code = a.indicator)
        )
        SELECT string_agg(format('%%s %%s with %%s (the first: %%s)', n, CASE WHEN n = 1 THEN 'row' ELSE 'rows' END, rule, example),
                          '; ' ORDER BY rule_order)
          FROM (SELECT rule_order, rule, count(*) AS n, min(example) AS example FROM problem GROUP BY 1, 2) x$q$,
        g.internal_schema) INTO problems USING m.position;
    IF problems IS NOT NULL THEN
        RAISE EXCEPTION 'its published figures were refused: %', problems
            USING ERRCODE = 'data_exception';
    END IF;

    EXECUTE format('SELECT max(refreshed_at) FROM %s_indicator_value', t) INTO computed;
    -- The indicators it has no figure for, by reason.
    EXECUTE format($q$
        SELECT string_agg(format('no figure for %%s (%%s)', codes, reason), '; ' ORDER BY first)
          FROM (SELECT cspi_internal.no_figure_reason(a.indicator, a.missing_relations, true) AS reason,
                       string_agg(a.indicator, ', ' ORDER BY i.display_order) AS codes,
                       min(i.display_order) AS first
                  FROM %I.member_availability a JOIN cspi.indicator i ON i.code = a.indicator
                 WHERE a.member = $1 AND NOT a.available
                 GROUP BY 1) x$q$, g.internal_schema) INTO message USING m.position;
    RETURN jsonb_build_object('status', 'ok', 'cspi_version', found_version, 'computed_at', computed, 'message', message);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.pull_region_member(name, integer) IS
'Pulls one member''s published figures into its region (called by cspi.refresh_region as the region''s owner, inside cspi.execute_as_owner: refuses to run outside one), checking every row first: a known indicator, a year, quarter or month of the years a report covers with its own first and last day, counts neither negative nor above cspi.region_figure_limit(), a numerator wherever there is a denominator and none above it in a percentage. A row that fails is an error naming each rule broken, and the member keeps its last good figures.';

-- One member's breakdowns pulled into its region: as pull_region_member,
-- in an operation of its own (so that a member whose breakdowns are slow
-- or refused keeps its figures and its last good breakdowns), every row
-- checked first.
CREATE OR REPLACE FUNCTION cspi_internal.pull_region_member_breakdown(region_schema name, member integer) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    g cspi.region;
    t text;
    problems text;
    pulled bigint;
    computed timestamptz;
    current boolean;
BEGIN
    PERFORM cspi_internal.require_restricted_operation('cspi_internal.pull_region_member_breakdown');
    SELECT * INTO STRICT g FROM cspi.region r WHERE r.region_schema = pull_region_member_breakdown.region_schema;
    t := quote_ident(g.internal_schema) || '.' || quote_ident('m' || member || '_indicator_breakdown');
    -- Pulled again only when the member has refreshed since (its figures
    -- were computed at another time): a council's breakdowns are read
    -- whole, which costs far more than its figures.
    SELECT r.computed_at INTO computed FROM cspi.region_member r
     WHERE r.region_schema = pull_region_member_breakdown.region_schema AND r.position = member;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.member_breakdown_pulled p WHERE p.member = $1 AND p.computed_at = $2)',
                   g.internal_schema) INTO current USING member, computed;
    IF current THEN
        RETURN NULL;
    END IF;
    EXECUTE format('DELETE FROM %I.member_breakdown WHERE member = $1', g.internal_schema) USING member;
    EXECUTE format($q$INSERT INTO %I.member_breakdown
                      SELECT $1, indicator, period_type, period, dimension, category, numerator, denominator, unit
                        FROM %s$q$, g.internal_schema, t) USING member;
    GET DIAGNOSTICS pulled = ROW_COUNT;
    EXECUTE format($q$
        WITH f AS (
            SELECT f.*, i.code IS NOT NULL AS known, i.unit AS indicator_unit, b.period_type AS bound_type,
                   d.dimension IS NOT NULL AS known_dimension,
                   f.indicator || ' ' || f.period || ' ' || f.dimension || ' ' || coalesce(f.category, 'NULL') AS example
              FROM %1$I.member_breakdown f
              LEFT JOIN cspi.indicator i ON i.code = f.indicator
              LEFT JOIN cspi.breakdown_dimension d ON d.dimension = f.dimension
              LEFT JOIN LATERAL cspi.period_bounds_or_null(f.period) b ON true
             WHERE f.member = $1
        ), problem AS (
            SELECT 1 AS rule_order, 'an indicator cspi does not have' AS rule, example FROM f WHERE NOT known
            UNION ALL
            SELECT 2, 'a dimension cspi does not have', example FROM f WHERE NOT known_dimension
            UNION ALL
            SELECT 3, 'a period that is not a year, quarter or month of the years a report covers', example FROM f
             WHERE bound_type IS NULL OR bound_type <> period_type
            UNION ALL
            SELECT 4, 'no category', example FROM f WHERE btrim(category) = ''
            UNION ALL
            SELECT 5, 'a negative or missing count', example FROM f WHERE numerator IS NULL OR numerator < 0 OR denominator < 0
            UNION ALL
            SELECT 6, 'a numerator above its denominator in a percentage', example FROM f
             WHERE indicator_unit = '%%' AND (denominator IS NULL OR numerator > denominator)
            UNION ALL
            SELECT 7, 'a count above ' || cspi.region_figure_limit(), example FROM f
             WHERE numerator > cspi.region_figure_limit() OR denominator > cspi.region_figure_limit()
        )
        SELECT string_agg(format('%%s %%s with %%s (the first: %%s)', n, CASE WHEN n = 1 THEN 'row' ELSE 'rows' END, rule, example),
                          '; ' ORDER BY rule_order)
          FROM (SELECT rule_order, rule, count(*) AS n, min(example) AS example FROM problem GROUP BY 1, 2) x$q$,
        g.internal_schema) INTO problems USING member;
    IF problems IS NOT NULL THEN
        RAISE EXCEPTION 'its published breakdowns were refused: %', problems
            USING ERRCODE = 'data_exception';
    END IF;
    EXECUTE format('INSERT INTO %I.member_breakdown_pulled AS p VALUES ($1, $2)
                    ON CONFLICT (member) DO UPDATE SET computed_at = EXCLUDED.computed_at', g.internal_schema)
        USING member, computed;
    RETURN pulled;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.pull_region_member_breakdown(name, integer) IS
'Pulls one member''s published breakdowns (its indicator_breakdown) into its region (called by cspi.refresh_region as the region''s owner, inside cspi.execute_as_owner, after its figures), checking every row first: a known indicator and dimension, a year, quarter or month, a category, counts neither negative nor above cspi.region_figure_limit(), none above its denominator in a percentage. Only when the member has refreshed since they were last pulled (its computed_at); returns the rows pulled (NULL: not pulled); a row that fails is an error, and the member keeps its last good breakdowns.';

CREATE OR REPLACE FUNCTION cspi.refresh_region(region_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    g cspi.region;
    m record;
    owner oid;
    pulled jsonb;
    found_version text;
    new_status text;
    new_message text;
    detail text;
    hint text;
BEGIN
    -- One refresh (or remake) of a region at a time; then what it is now.
    PERFORM pg_advisory_xact_lock(hashtext('cspi.region'), hashtext(region_schema));
    SELECT * INTO g FROM cspi.region r WHERE r.region_schema = refresh_region.region_schema;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'schema "%" is not a region', region_schema
            USING ERRCODE = 'undefined_object',
                  HINT = 'cspi.region lists the regions; cspi.create_region() makes one.';
    END IF;
    owner := (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = region_schema);
    IF owner IS NULL THEN
        RAISE EXCEPTION 'region schema "%" does not exist', region_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Make it again with cspi.create_region(), or remove its row from cspi.region.';
    END IF;
    PERFORM cspi_internal.check_schema_owner(region_schema, 'region', 'Refresh it as its owner, or as a member of that role.');
    FOR m IN SELECT * FROM cspi.region_member r WHERE r.region_schema = refresh_region.region_schema ORDER BY r.position LOOP
        found_version := NULL;
        detail := NULL;
        -- Each member as the region's owner (its internal schema and user
        -- mappings are the owner's), restricted, within its time limit, in
        -- a subtransaction of its own: one that fails keeps the figures
        -- last pulled from it.
        BEGIN
            pulled := cspi.execute_as_owner(owner::regrole,
                          format('SELECT cspi_internal.pull_region_member(%L, %s)', region_schema, m.position),
                          least(extract(epoch FROM m.time_limit) * 1000, 2147483647)::integer);
            new_status := pulled ->> 'status';
            new_message := pulled ->> 'message';
            found_version := pulled ->> 'cspi_version';
            IF new_status = 'ok' THEN
                UPDATE cspi.region_member r
                   SET figures_from = now(), computed_at = (pulled ->> 'computed_at')::timestamptz,
                       figures_version = found_version
                 WHERE r.region_schema = refresh_region.region_schema AND r.position = m.position;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
            new_status := CASE WHEN SQLSTATE LIKE '08%' THEN 'unreachable'
                               WHEN SQLSTATE IN ('42P01', '42703', '3F000', '42883') THEN 'incompatible'
                               ELSE 'failed' END;
            new_message := CASE
                WHEN new_status = 'unreachable' THEN 'the region could not connect to it: ' || SQLERRM
                WHEN new_status = 'incompatible' THEN format('its report schema %s does not have what the region reads: ', m.report_schema) || SQLERRM
                WHEN SQLSTATE = '54000' THEN format('reading it took longer than its time limit of %s', m.time_limit)
                WHEN SQLSTATE = '22000' THEN SQLERRM
                ELSE 'reading it failed: ' || SQLERRM END;
            detail := regexp_replace(btrim(detail), '\s+', ' ', 'g');
        END;
        -- Its breakdowns, in an operation of their own: a member whose
        -- breakdowns cannot be read keeps its new figures and its last
        -- good breakdowns, and the message says so.  (A region made
        -- before cspi 1.4 has none until it is made again.)
        IF new_status = 'ok' AND to_regclass(format('%I.member_breakdown', g.internal_schema)) IS NOT NULL THEN
            BEGIN
                PERFORM cspi.execute_as_owner(owner::regrole,
                            format('SELECT pg_catalog.to_jsonb(cspi_internal.pull_region_member_breakdown(%L, %s))', region_schema, m.position),
                            least(extract(epoch FROM m.time_limit) * 1000, 2147483647)::integer);
            EXCEPTION WHEN OTHERS THEN
                new_message := concat_ws('; ', new_message,
                    'its breakdowns could not be read (the region keeps those read before): '
                    || CASE WHEN SQLSTATE = '54000' THEN format('reading them took longer than its time limit of %s', m.time_limit)
                            ELSE SQLERRM END);
                RAISE WARNING 'region %: member "%": %', region_schema, m.name, new_message;
            END;
        END IF;
        UPDATE cspi.region_member r
           SET status = new_status, message = new_message || coalesce(' (' || nullif(detail, '') || ')', ''),
               attempted_at = now(),
               cspi_version = coalesce(found_version, r.cspi_version)
         WHERE r.region_schema = refresh_region.region_schema AND r.position = m.position
         RETURNING * INTO m;
        IF new_status <> 'ok' THEN
            new_message := format('region %s: member "%s" is %s: %s', region_schema, m.name, new_status, new_message);
            hint := CASE WHEN m.figures_from IS NULL THEN 'The region has no figures for it yet.'
                         ELSE format('The region keeps its figures read on %s.',
                                     to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')) END;
            IF coalesce(detail, '') = '' THEN
                RAISE WARNING '%', new_message USING HINT = hint;
            ELSE
                RAISE WARNING '%', new_message USING DETAIL = detail, HINT = hint;
            END IF;
        END IF;
    END LOOP;
    -- PostgreSQL runs both as the owner of what they touch, restricted.
    EXECUTE format('ANALYZE %I.member_figure', g.internal_schema);
    EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.indicator_value', g.internal_schema);
    UPDATE cspi.region r SET refreshed_at = now() WHERE r.region_schema = refresh_region.region_schema;
END
$fn$;
COMMENT ON FUNCTION cspi.refresh_region(name) IS
'Pulls the published figures of each member of a region (cspi.refresh() calls it for a region schema) and pools them again. Each member is read as the region''s owner inside a security-restricted operation, within its time limit (region_member.time_limit), and its rows are checked (cspi_internal.pull_region_member) before they replace its last good figures. A member that cannot be reached, is on another version of cspi, cannot be read, is slower than its time limit or publishes figures that fail the checks keeps the figures last pulled from it; each is named in a warning and in the region''s member view, and the other members are refreshed.';

-- Who may read the published figures of a report or region schema, and
-- nothing else: the role a region's user mapping uses on a council.
CREATE OR REPLACE FUNCTION cspi.grant_published_figures(report_schema name, grantee name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    object text;
    is_region boolean := EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = grant_published_figures.report_schema);
BEGIN
    PERFORM cspi_internal.require_indicator_value(report_schema,
                                         'Run cspi.deploy(source_schema, report_schema) or cspi.create_region() first.');
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = grantee) THEN
        RAISE EXCEPTION 'role "%" does not exist', grantee
            USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', report_schema, grantee);
    FOREACH object IN ARRAY CASE WHEN is_region THEN ARRAY['indicator_value', 'indicator_availability', 'member_value', 'member',
                                                           'period', 'scorecard', 'indicator_breakdown']
                                 ELSE ARRAY['indicator_value', 'indicator_availability', 'deployment', 'indicator_breakdown'] END LOOP
        -- (a report deployed before cspi 1.4 has no breakdowns until redeployed)
        CONTINUE WHEN to_regclass(format('%I.%I', report_schema, object)) IS NULL;
        EXECUTE format('GRANT SELECT ON %I.%I TO %I', report_schema, object, grantee);
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.grant_published_figures(name, name) IS
'Grants grantee the published figures of a report schema and nothing else: indicator_value, indicator_availability, deployment and indicator_breakdown (of a region: indicator_value, indicator_availability, member_value, member, period, scorecard and indicator_breakdown). The role a region''s user mapping uses on a council needs exactly this; no drill-down, source or child-level row (indicator_breakdown holds counts only, and is read with its owner''s rights). Grants survive redeploys.';

-- The region's report: who is pooled, and how fresh each member's figures are.
CREATE OR REPLACE FUNCTION cspi.region_as_at_html(region_schema name) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT '<p class="as-at">'
           || cspi.html_escape(format('Pooled from %s: %s. Figures computed %s (the region''s last refresh).',
                  CASE WHEN count(m.figures_from) = 1 THEN '1 council' ELSE count(m.figures_from) || ' councils' END,
                  coalesce(string_agg(m.name, ', ' ORDER BY m.position) FILTER (WHERE m.figures_from IS NOT NULL), 'none'),
                  coalesce(to_char(min(g.refreshed_at) AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'never')))
           || '</p>'
           || coalesce('<p class="stale">' || cspi.html_escape(string_agg(
                  format('%s: %s. %s', m.name, m.message,
                         CASE WHEN m.figures_from IS NULL THEN 'The region has no figures for it, so its figures are left out.'
                              ELSE format('Its figures here are those read on %s.',
                                          to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')) END),
                  ' ' ORDER BY m.position) FILTER (WHERE m.status <> 'ok')) || '</p>', '')
      FROM cspi.region g JOIN cspi.region_member m ON m.region_schema = g.region_schema
     WHERE g.region_schema = region_as_at_html.region_schema;
    END;
COMMENT ON FUNCTION cspi.region_as_at_html(name) IS
'The paragraphs that open a region''s report (cspi.report_html): the councils pooled and the region''s last refresh, and each member whose last refresh failed, why, and from when its figures are.';

-- Each member beside the region: the members, then every indicator's
-- figures in rank order.
CREATE OR REPLACE FUNCTION cspi.region_members_html(period text, region_schema name) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    html text;
    row_html text;
BEGIN
    SELECT '<section class="members"><h2>Councils</h2><table><thead><tr><th scope="col">Council</th>'
           || '<th scope="col">Local authority</th><th scope="col">Status at the last refresh</th>'
           || '<th scope="col">Figures read</th><th scope="col">Figures computed by the council</th></tr></thead><tbody>'
           || string_agg('<tr><th scope="row">' || cspi.html_escape(m.name) || '</th><td>'
                         || coalesce(cspi.html_escape(a.la_name || ' (' || m.la_code || ')'), cspi.html_escape(m.la_code), '&ndash;') || '</td><td>'
                         || cspi.html_escape(m.status || coalesce(': ' || m.message, '')) || '</td><td>'
                         || coalesce(to_char(m.figures_from AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'never') || '</td><td>'
                         || coalesce(to_char(m.computed_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), '&ndash;') || '</td></tr>',
                         '' ORDER BY m.position)
           || '</tbody></table>'
      INTO html
      FROM cspi.region_member m LEFT JOIN cspi.local_authority a ON a.old_la_code = m.la_code
     WHERE m.region_schema = region_members_html.region_schema;

    EXECUTE format($q$
        SELECT string_agg(format('<tr data-code="%%s"><th scope="row">%%s <small>(%%s)</small></th><td class="num">%%s</td><td>%%s</td></tr>',
                                 cspi.html_escape(i.code), cspi.html_escape(i.title), cspi.html_escape(i.code),
                                 cspi.html_escape(coalesce(v.display, 'no figure')),
                                 coalesce(cspi.html_escape(league.list), '')
                                 || CASE WHEN cardinality(a.members_without) > 0
                                         THEN ' <small class="not-pooled">' || cspi.html_escape(
                                              'Not pooled: ' || array_to_string(a.members_without, ', ') || ' (no figure).') || '</small>'
                                         ELSE '' END),
                          '' ORDER BY i.display_order)
          FROM cspi.indicator i
          JOIN %1$I.indicator_availability a ON a.indicator = i.code AND a.available
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN LATERAL (
              SELECT string_agg(coalesce(mv.rank || '. ', '') || mv.member || CASE WHEN mv.current THEN '' ELSE '*' END
                                || ': ' || CASE WHEN mv.suppressed THEN 'c' ELSE cspi.format_number(mv.shown, i.unit) END,
                                '; ' ORDER BY mv.rank NULLS LAST, mv.member_position) AS list
                FROM %1$I.member_value mv
               WHERE mv.indicator = i.code AND mv.period = $1) league ON true$q$, region_schema)
      INTO row_html USING period;
    RETURN html
        || '<h3>Each council beside the region, ' || cspi.html_escape(cspi.period_name(period)) || '</h3>'
        || '<p>' || cspi.html_escape('Councils in rank order (1: the best) where higher or lower is better; otherwise in the order the region lists them. '
                                     || 'c: suppressed to protect small numbers. *: figures kept from an earlier refresh.') || '</p>'
        || '<table><colgroup><col style="width:30%"><col style="width:16%"><col></colgroup><thead><tr>'
        || '<th scope="col">Indicator</th><th scope="col">Region</th><th scope="col">Councils</th></tr></thead><tbody>'
        || coalesce(row_html, '') || '</tbody></table></section>';
END
$fn$;
COMMENT ON FUNCTION cspi.region_members_html(text, name) IS
'The section of a region''s report (cspi.report_html) that puts each member beside the region: the members and how the last refresh went for each, then for every indicator the region''s figure and each member''s, in rank order.';
