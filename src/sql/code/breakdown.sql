--------------------------------------------------------------------------
-- For which children: every figure broken down by who the children are
-- and who works with them (view indicator_breakdown, cspi.cases()'s
-- dimensions)
--------------------------------------------------------------------------
-- Each case a figure counts is one row of its drill-down (or one item of a
-- distinct count) on one day: the day the figure counts it (the measure's
-- anchor date for an event, the period's last day for a snapshot).  Its
-- categories are read on that day: the child's age band then, the child's
-- sex, ethnic group and disability, whether the child was ever an
-- unaccompanied asylum seeker in care by then, and the team and locality
-- of the allocation in force then.  Each case has exactly one category per
-- dimension (unknown for what has no value), so the categories of a
-- dimension add up to the headline figure's numerator and denominator.
-- An item of a distinct count (a child, a family) takes the child and day
-- of its first counted row (earliest day, then lowest child_id).

INSERT INTO cspi.breakdown_dimension (dimension, display_order, requires, category, title) VALUES
('age_band', 1, '{child}', $e$CASE
    WHEN ch.date_of_birth IS NULL OR NOT isfinite(ch.date_of_birth) OR ch.date_of_birth > c.at_date THEN 'unknown'
    ELSE CASE WHEN extract(year FROM age(c.at_date, ch.date_of_birth)) < 1 THEN 'under 1'
              WHEN extract(year FROM age(c.at_date, ch.date_of_birth)) < 5 THEN '1-4'
              WHEN extract(year FROM age(c.at_date, ch.date_of_birth)) < 10 THEN '5-9'
              WHEN extract(year FROM age(c.at_date, ch.date_of_birth)) < 16 THEN '10-15'
              ELSE '16 and over' END END$e$,
 'The child''s age in whole years (as age() counts them) on the day the figure counts the case, in the DfE''s bands: under 1, 1-4, 5-9, 10-15, 16 and over (unknown: no date of birth, or born after that day).'),
('sex', 2, '{child.sex}', $e$CASE
    WHEN ch.sex IN ('1', 'M', 'MALE') THEN 'male'
    WHEN ch.sex IN ('2', 'F', 'FEMALE') THEN 'female'
    WHEN ch.sex IN ('9', 'U', 'I') THEN 'not stated or indeterminate'
    ELSE 'unknown' END$e$,
 'The child''s sex: male (DfE code 1, or M), female (2, or F), not stated or indeterminate (9, or U); unknown for 0, no value or any other code.'),
('ethnicity_group', 3, '{child.ethnicity}', $e$CASE
    WHEN ch.ethnicity = 'REFU' THEN 'refused'
    WHEN ch.ethnicity = 'NOBT' THEN 'information not yet obtained'
    WHEN ch.ethnicity ~ '^W[A-Z]{3}$' THEN 'White'
    WHEN ch.ethnicity ~ '^M[A-Z]{3}$' THEN 'Mixed or multiple ethnic groups'
    WHEN ch.ethnicity ~ '^A[A-Z]{3}$' OR ch.ethnicity = 'CHNE' THEN 'Asian or Asian British'
    WHEN ch.ethnicity ~ '^B[A-Z]{3}$' THEN 'Black, African, Caribbean or Black British'
    WHEN ch.ethnicity ~ '^O[A-Z]{3}$' THEN 'Other ethnic group'
    ELSE 'unknown' END$e$,
 'The DfE''s major ethnic group of the child''s ethnicity code (its first letter: W White, M Mixed or multiple ethnic groups, A Asian or Asian British, with CHNE Chinese, B Black, African, Caribbean or Black British, O Other ethnic group), REFU refused, NOBT information not yet obtained; unknown for no value or any other code.'),
('disability', 4, '{child.disability}', $e$CASE
    WHEN ch.disability IN ('NONE', 'FALSE', 'F', 'N', 'NO', '0') THEN 'not disabled'
    WHEN ch.disability IN ('TRUE', 'T', 'Y', 'YES', '1', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS',
                           'BEH', 'CON', 'AUT', 'DDA') THEN 'disabled'
    ELSE 'unknown' END$e$,
 'Whether the child is disabled: true, yes or a CIN census disability code (MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA) is disabled, false, no or NONE is not; unknown for no value or any other code.'),
('uasc', 5, '{cla_episode,cla_episode.uasc}', $e$CASE WHEN EXISTS (SELECT 1 FROM @R@.src_cla_episode e
                         WHERE e.child_id = c.child_id AND e.uasc AND e.start_date <= c.at_date)
          THEN 'UASC' ELSE 'not UASC' END$e$,
 'Whether the child had, by the day the figure counts the case, an episode of care as an unaccompanied asylum-seeking child (UASC).'),
('team', 6, '{allocation.team}', $e$coalesce(nullif(btrim(al.team), ''), 'unknown')$e$,
 'The team of the child''s allocation in force on the day the figure counts the case (the latest started, then the one open longest); unknown when none is, or it has no team.'),
('locality', 7, '{allocation.locality}', $e$coalesce(nullif(btrim(al.locality), ''), 'unknown')$e$,
 'The locality of the child''s allocation in force on the day the figure counts the case (as for team); unknown when none is, or it has no locality.')
ON CONFLICT (dimension) DO UPDATE SET display_order = EXCLUDED.display_order, requires = EXCLUDED.requires,
    category = EXCLUDED.category, title = EXCLUDED.title;

-- The dimensions the source of a report can give: those whose relations
-- and columns are all present.
CREATE OR REPLACE FUNCTION cspi_internal.breakdown_dimensions(present text[])
    RETURNS SETOF cspi.breakdown_dimension
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT d.* FROM cspi.breakdown_dimension d
     WHERE d.requires <@ present
     ORDER BY d.display_order;
    END;
COMMENT ON FUNCTION cspi_internal.breakdown_dimensions(text[]) IS
'The dimensions of cspi.breakdown_dimension whose required relations and columns are all in present (a deployment''s present_relations), in order.';

-- The joins and columns that give each case of a query its categories:
-- the cases are c (child_id, at_date); joins adds the child (ch, one row
-- per child_id) and the allocation in force on at_date (al), columns the
-- category of every dimension, NULL for a dimension the source cannot give.
CREATE OR REPLACE FUNCTION cspi_internal.breakdown_sql(schema text, present text[], OUT joins text, OUT columns text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    joins := format($j$
  LEFT JOIN (SELECT DISTINCT ON (k.child_id) k.* FROM %1$s.src_child k
              ORDER BY k.child_id, k.date_of_birth) ch ON ch.child_id = c.child_id
  LEFT JOIN LATERAL (SELECT a.* FROM %1$s.src_allocation a
                      WHERE a.child_id = c.child_id AND a.start_date <= c.at_date
                        AND (a.end_date IS NULL OR a.end_date >= c.at_date)
                        AND NOT cspi_internal.is_personal_advisor(a.role)
                      ORDER BY a.start_date DESC, a.end_date DESC NULLS FIRST,
                               a.team COLLATE "C", a.locality COLLATE "C" LIMIT 1) al ON true$j$, schema);
    SELECT string_agg(CASE WHEN d.requires <@ present
                           THEN format('(%s)::text AS %I', cspi_internal.fill_template(d.category, ARRAY['R'], ARRAY[schema]), d.dimension)
                           ELSE format('NULL::text AS %I', d.dimension) END,
                      E',\n       ' ORDER BY d.display_order)
      INTO columns FROM cspi.breakdown_dimension d;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.breakdown_sql(text, text[]) IS
'For a query over cases c (child_id, at_date) in the report schema schema (a quoted identifier): the joins that find each case''s child (ch) and the allocation in force on at_date (al), and the select list of each dimension''s category (NULL where present lacks what it requires).';

-- The cases of every figure, one row per case and period, as the counts
-- behind indicator_value count them: (indicator, period_type, period,
-- child_id, at_date, in_num, in_den).  An event's rows are placed in the
-- periods of their anchor date, a snapshot's at the periods ending on
-- their month end; an item of a distinct count is one case, on the day and
-- with the child of its first counted row; a hand-written measure's cases
-- are those cspi.cases() lists (its cases_query, for each period).
CREATE OR REPLACE FUNCTION cspi_internal.case_query(schema text, indicator text DEFAULT NULL) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    m record;
    parts text[] := '{}';
    placed text;
    at_date text;
    counted text;
BEGIN
    FOR m IN SELECT x.*, i.display_order FROM cspi.indicator_measure x JOIN cspi.indicator i ON i.code = x.indicator
              WHERE x.indicator = coalesce(case_query.indicator, x.indicator)
              ORDER BY i.display_order, i.code LOOP
        IF m.kind = 'query' THEN
            -- $1 and $2 of cases_query are the period's first and last days.
            parts := parts || format($q$SELECT %1$L::text AS indicator, p.period_type, p.period, q.child_id, q.case_date AS at_date,
       coalesce(q.in_numerator, false) AS in_num, true AS in_den
  FROM %2$s.period p
 CROSS JOIN LATERAL (%3$s) q(in_numerator, child_id, case_id, case_date, details)$q$,
                m.indicator, schema,
                regexp_replace(regexp_replace(cspi_internal.fill_template(m.cases_query, ARRAY['R'], ARRAY[schema]),
                                              '\$1(?![0-9])', 'p.period_start', 'g'),
                               '\$2(?![0-9])', 'p.period_end', 'g'));
            CONTINUE;
        END IF;
        IF m.kind = 'event' THEN
            placed := format('%1$s.%2$I t CROSS JOIN LATERAL cspi.periods_of((%3$s)::date) p', schema, m.relation, m.anchor);
            at_date := format('(%s)::date', m.anchor);
        ELSE
            -- (the period's last day renamed, so that period_end is the
            -- snapshot's own, as in the counts)
            placed := format('%1$s.%2$I t JOIN (SELECT y.period_type, y.period, y.period_end AS last_day FROM %1$s.period y) p ON p.last_day = t.period_end',
                             schema, m.relation);
            at_date := 't.period_end';
        END IF;
        -- The rows the counts count: kept by the row filter, in the
        -- numerator or the denominator, placed in a report year; an event
        -- of the period wanted ($1) only, kept by its date before it is
        -- placed (placing every event of every year costs more than the
        -- rest of a period's breakdowns).
        counted := format('(%s) AND (coalesce((%s), false) OR coalesce((%s), false))%s',
                          coalesce(m.row_filter, 'true'), m.numerator, coalesce(m.denominator, 'false'),
                          CASE WHEN m.kind = 'event'
                               THEN format(' AND cspi.in_report_years(%1$s)
   AND ($1::text IS NULL OR %1$s BETWEEN (SELECT w.period_start FROM %2$s.period w WHERE w.period = $1::text)
                                     AND (SELECT w.period_end FROM %2$s.period w WHERE w.period = $1::text))',
                                           at_date, schema)
                               ELSE '' END);
        IF m.count_distinct IS NULL THEN
            parts := parts || format($q$SELECT %1$L::text AS indicator, p.period_type, p.period, t.child_id, %2$s AS at_date,
       coalesce((%3$s), false) AS in_num, coalesce((%4$s), false) AS in_den
  FROM %5$s
 WHERE %6$s$q$,
                m.indicator, at_date, m.numerator, coalesce(m.denominator, 'false'), placed, counted);
        ELSE
            parts := parts || format($q$SELECT %1$L::text AS indicator, q.period_type, q.period, q.child_id, q.at_date, q.in_num, q.in_den
  FROM (SELECT p.period_type, p.period,
               (array_agg(t.child_id ORDER BY %2$s, t.child_id COLLATE "C"))[1] AS child_id,
               min(%2$s) AS at_date,
               bool_or(coalesce((%3$s), false)) AS in_num, bool_or(coalesce((%4$s), false)) AS in_den
          FROM %5$s
         WHERE %6$s AND (%7$s) IS NOT NULL
         GROUP BY p.period_type, p.period, (%7$s)) q$q$,
                m.indicator, at_date, m.numerator, coalesce(m.denominator, 'false'), placed, counted, m.count_distinct);
        END IF;
    END LOOP;
    RETURN array_to_string(parts, E'\nUNION ALL\n');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.case_query(text, text) IS
'The query of every figure''s cases (with indicator, of that indicator''s only) over the report objects of schema (a quoted identifier): (indicator, period_type, period, child_id, at_date, in_num, in_den), one row per case and period, counted as indicator_value counts them (an item of a distinct count once, with the child and day of its first counted row); $1 (text) is the period wanted, or NULL for every period: an event outside it is left out before it is placed.';

-- The query of the breakdowns of one indicator (NULL: of every indicator)
-- for one period ($1) or all (NULL): its cases in periods of the report,
-- counted by category of every dimension the source can give, if the
-- indicator is available.
CREATE OR REPLACE FUNCTION cspi_internal.breakdown_query(schema text, present text[], indicator text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    b record;
    dims text;
BEGIN
    b := cspi_internal.breakdown_sql(schema, present);
    SELECT string_agg(format('(%s, %L, x.%I)', d.display_order, d.dimension, d.dimension), ', ' ORDER BY d.display_order)
      INTO dims FROM cspi_internal.breakdown_dimensions(present) d;
    IF dims IS NULL THEN
        RETURN 'SELECT NULL::text AS indicator, NULL::text AS period_type, NULL::text AS period, NULL::text AS dimension, NULL::text AS category, NULL::bigint AS numerator, NULL::bigint AS denominator, NULL::numeric AS value, NULL::text AS display, NULL::text AS unit WHERE false';
    END IF;
    RETURN format($q$SELECT g.indicator, g.period_type, g.period, g.dimension, g.category,
       g.numerator, n.denominator, f.value, f.display, n.unit
  FROM (SELECT x.indicator, x.period_type, x.period, d.dimension, d.category,
               count(*) FILTER (WHERE x.in_num) AS numerator, count(*) FILTER (WHERE x.in_den) AS cases
          FROM (SELECT c.indicator, c.period_type, c.period, c.in_num, c.in_den,
       %1$s
                  FROM (SELECT c.* FROM (%2$s) c
                         WHERE ($1 IS NULL OR c.period = $1)
                           AND EXISTS (SELECT 1 FROM %5$s.indicator_availability a WHERE a.indicator = c.indicator AND a.available)) c%3$s) x
         CROSS JOIN LATERAL (VALUES %4$s) d(dimension_order, dimension, category)
         GROUP BY x.indicator, x.period_type, x.period, d.dimension, d.category) g
  JOIN cspi.indicator i ON i.code = g.indicator
  JOIN %5$s.period p ON p.period_type = g.period_type AND p.period = g.period
  -- A rate's category has a rate only where the population of that age
  -- band is loaded (the latest mid-year estimate before the period ends,
  -- as for the headline rate); else it is a count.
  LEFT JOIN LATERAL (
      SELECT pb.children FROM %5$s.src_population_age_band pb
       WHERE i.unit = 'per 10,000' AND g.dimension = 'age_band' AND pb.age_band = upper(g.category)
         AND CASE WHEN pb.year BETWEEN 1 AND 9999 AND pb.children > 0
                  THEN make_date(pb.year::int, 6, 30) < p.period_end ELSE false END
       ORDER BY pb.year DESC LIMIT 1) pop ON true
  CROSS JOIN LATERAL (
      SELECT CASE WHEN i.unit = '%%' THEN g.cases WHEN pop.children IS NOT NULL THEN pop.children::bigint END AS denominator,
             CASE WHEN i.unit = '%%' OR pop.children IS NOT NULL THEN i.unit ELSE 'count' END AS unit) n
  CROSS JOIN LATERAL cspi.indicator_figure(n.unit, g.numerator, n.denominator) f$q$,
        b.columns, cspi_internal.case_query(schema, indicator), b.joins, dims, schema);
END
$fn$;
COMMENT ON FUNCTION cspi_internal.breakdown_query(text, text[], text) IS
'The query of the breakdowns of indicator (NULL: of every indicator) for one period ($1, or NULL for every period) over the report objects of schema (a quoted identifier), for a source with the relations and columns present: what the internal schema''s indicator_breakdown_of runs, behind the view indicator_breakdown.';

-- Every indicator's breakdowns for one period ($1) in one statement that
-- computes each report object once (cspi_internal.objects_once): one
-- indicator at a time, each would compute again the objects it reads
-- (the month-end snapshots of children in care for each of their
-- percentages), and the view reading every period of an indicator to
-- keep one costs minutes on a county's ten years.  What the internal
-- schema's indicator_breakdown_for_period runs (the narrative's gap
-- sentences).
CREATE OR REPLACE FUNCTION cspi_internal.breakdown_statement(internal name, calendar text, present text[]) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    RETURN cspi_internal.objects_once(cspi_internal.breakdown_query('"@R@"', present, NULL), internal, calendar);
COMMENT ON FUNCTION cspi_internal.breakdown_statement(name, text, text[]) IS
'Every indicator''s breakdowns for one period ($1) over the internal schema, as one statement computing each report object once (cspi_internal.objects_once): what the internal schema''s indicator_breakdown_for_period runs.';

-- Whether the current role may read a report's breakdowns (SELECT on its
-- view indicator_breakdown): the report's function indicator_breakdown_of
-- asks it of whoever calls it, as the view would.
CREATE OR REPLACE FUNCTION cspi_internal.may_read_breakdowns(report_schema name) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF NOT has_table_privilege(format('%I.indicator_breakdown', report_schema), 'SELECT') THEN
        RAISE EXCEPTION 'permission denied for view indicator_breakdown'
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('Reading %I.indicator_breakdown_of() needs SELECT on %I.indicator_breakdown.', report_schema, report_schema);
    END IF;
    RETURN true;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.may_read_breakdowns(name) IS
'true when the current role has SELECT on report_schema.indicator_breakdown, else an insufficient_privilege error: what a report''s indicator_breakdown_of(indicator, period) checks first.';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition) VALUES
('indicator_breakdown', 'view', 230, 'breakdown', NULL,
 'Every available indicator for every period broken down by who the children are and who works with them: for each dimension the source can give (cspi.breakdown_dimension: age band, sex, ethnic group, disability, UASC, team, locality), the figure''s cases by category, which add up to the figure''s numerator and denominator in indicator_value (an unknown category holds what has no value). A rate''s categories are counts, unless the population of that age band is loaded (src_population_age_band). Only categories with cases are listed. Computed when read.',
 $def$SELECT i.code AS indicator, b.period_type, b.period, b.dimension, b.category, b.numerator,
       b.denominator, b.value, b.display, b.unit
  FROM cspi.indicator i CROSS JOIN LATERAL @R@.indicator_breakdown_of(i.code) b$def$),
('breakdown_availability', 'view', 240, 'breakdown', NULL,
 'Each dimension of the breakdowns and whether the source can give it: the relations and columns it needs that the source lacks.',
 $def$SELECT d.dimension, d.title, m.missing = '{}' AS available, m.missing AS missing_columns
  FROM cspi.breakdown_dimension d
 CROSS JOIN @R@.deployment y
 CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), '{}') AS missing
                       FROM unnest(d.requires) AS x
                      WHERE NOT x = ANY (y.present_relations)) m
 ORDER BY d.display_order$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('indicator_breakdown', 'dimension', 'What the figure is broken down by (cspi.breakdown_dimension): age_band, sex, ethnicity_group, disability, uasc, team or locality.'),
 ('indicator_breakdown', 'category', 'The category of the dimension (unknown: the source has no value for these cases).'),
 ('indicator_breakdown', 'numerator', 'The cases of the category in the figure''s numerator (for counts and rates, the category''s count).'),
 ('indicator_breakdown', 'denominator', 'The cases of the category in the figure''s denominator; for a rate, the population of the age band where loaded; NULL for a count.'),
 ('indicator_breakdown', 'value', 'The category''s figure: a percentage, a rate per 10,000, or a count (see unit).'),
 ('indicator_breakdown', 'display', 'The category''s figure as text, as indicator_value shows figures.'),
 ('indicator_breakdown', 'unit', 'What value is: %, per 10,000, or count (a rate''s category without a population is a count).'),
 ('breakdown_availability', 'dimension', 'The dimension (cspi.breakdown_dimension).'),
 ('breakdown_availability', 'title', 'What the dimension is, in words.'),
 ('breakdown_availability', 'available', 'The source has every relation and column the dimension needs: indicator_breakdown has its categories.'),
 ('breakdown_availability', 'missing_columns', 'The relations or columns (relation.column) the dimension needs that the source lacks.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;
