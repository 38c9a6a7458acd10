--------------------------------------------------------------------------
-- The cases behind a figure (the drill-down of any indicator)
--------------------------------------------------------------------------

-- The cases behind a figure: one row per case counted, from the measure's
-- drill-down, so that count(*) is the figure's denominator (or, for counts
-- and rates, its numerator) and count(*) FILTER (WHERE in_numerator) its
-- numerator.
CREATE OR REPLACE FUNCTION cspi.cases(indicator text, period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (in_numerator boolean, child_id text, case_id text, case_date date, details jsonb,
                   age_band text, sex text, ethnicity_group text, disability text, uasc text, team text, locality text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    m cspi.indicator_measure;
    b record;
    r text := quote_ident(report_schema);
    counted text;
    placed text;
    listed text;
    dims record;
    present text[];
    key text := $k$coalesce(j->>'referral_id', j->>'assessment_id', j->>'s47_id', j->>'plan_id',
                             j->>'review_id', j->>'visit_id', j->>'episode_id', j->>'case_id',
                             j->>'first_episode_id', j->>'child_id')$k$;
BEGIN
    SELECT * INTO m FROM cspi.indicator_measure x WHERE x.indicator = cases.indicator;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'indicator "%" does not exist', indicator
            USING ERRCODE = 'undefined_object',
                  HINT = 'cspi.indicator lists the indicators.';
    END IF;
    SELECT * INTO b FROM cspi.period_bounds(period);
    IF EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = cases.report_schema) THEN
        RAISE EXCEPTION 'schema "%" is a region: the cases stay with each council', report_schema
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Each member council lists its own with cspi.cases(indicator, period, its report schema).';
    END IF;
    PERFORM cspi_internal.require_indicator_value(report_schema);
    IF m.kind = 'query' THEN
        listed := cspi_internal.fill_template(m.cases_query, ARRAY['R'], ARRAY[r]);
    ELSE
        -- the rows placed in the period, with period_end the period's last day
        placed := CASE m.kind
            WHEN 'event' THEN format('cspi.in_report_years((%1$s)::date) AND (%1$s)::date BETWEEN $1 AND $2', m.anchor)
            ELSE 't.period_end = $2' END;
        -- counted: the denominator's rows, or the numerator's for counts and rates
        counted := coalesce(m.denominator, m.numerator);
        IF m.count_distinct IS NULL THEN
            listed := format(
                $q$SELECT coalesce(%1$s, false), j->>'child_id', %2$s, %3$s, j
                     FROM %4$s.%5$I t CROSS JOIN LATERAL (SELECT to_jsonb(t) AS j, $2 AS period_end) x
                    WHERE %6$s AND (%7$s) AND coalesce(%8$s, false)$q$,
                m.numerator, key, CASE m.kind WHEN 'event' THEN format('(%s)::date', m.anchor) ELSE '$2' END,
                r, m.relation, placed, coalesce(m.row_filter, 'true'), counted);
        ELSE
            -- one case per distinct item, in the numerator when any of its
            -- rows is; its child and day those of its first counted row
            -- (as indicator_breakdown places it)
            listed := format(
                $q$SELECT bool_or(coalesce(%1$s, false)), (array_agg(j->>'child_id' ORDER BY %3$s, (j->>'child_id') COLLATE "C")
                                                            FILTER (WHERE coalesce(%1$s, false) OR coalesce(%9$s, false)))[1],
                          (%2$s)::text,
                          min(%3$s) FILTER (WHERE coalesce(%1$s, false) OR coalesce(%9$s, false)), jsonb_agg(j)
                     FROM %4$s.%5$I t CROSS JOIN LATERAL (SELECT to_jsonb(t) AS j, $2 AS period_end) x
                    WHERE %6$s AND (%7$s) AND (%2$s) IS NOT NULL
                    GROUP BY (%2$s)
                   HAVING bool_or(coalesce(%8$s, false))$q$,
                m.numerator, m.count_distinct, CASE m.kind WHEN 'event' THEN format('(%s)::date', m.anchor) ELSE '$2' END,
                r, m.relation, placed, coalesce(m.row_filter, 'true'), counted, coalesce(m.denominator, 'false'));
        END IF;
    END IF;
    -- Each case's category in every dimension the source can give.
    EXECUTE format('SELECT y.present_relations FROM %s.deployment y', r) INTO present;
    dims := cspi_internal.breakdown_sql(r, coalesce(present, '{}'));
    RETURN QUERY EXECUTE format(
        $q$SELECT c.in_numerator, c.child_id, c.case_id, c.case_date, c.details,
       %1$s
  FROM (SELECT x.*, x.case_date AS at_date
          FROM (%2$s) x(in_numerator, child_id, case_id, case_date, details)) c%3$s$q$,
        dims.columns, listed, dims.joins)
        USING b.period_start, b.period_end;
END
$fn$;
COMMENT ON FUNCTION cspi.cases(text, text, name) IS
'The cases behind an indicator''s figure for a period: one row per case counted (each row of the denominator; each counted item for a count or a rate), with in_numerator, the child, the case''s own id and date, the drill-down row that decided it (details), and its category in each dimension of the breakdowns (cspi.breakdown_dimension; NULL for a dimension the source cannot give), on the case''s date. count(*) and count(*) FILTER (WHERE in_numerator) give the figure''s denominator and numerator (for counts and rates, its numerator both), and, for the cases of one category, that category''s cell of indicator_breakdown. An item of a distinct count (a child, a family) takes the child and date of its first counted row.';
