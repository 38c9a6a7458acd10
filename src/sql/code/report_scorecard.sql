--------------------------------------------------------------------------
-- The scorecard of a period (used by narrative and report_html too)
--------------------------------------------------------------------------
-- Warns when the report schema was deployed by another version of cspi.

-- met or not met, judged now: by the target in force (a council's target
-- changed since the last refresh counts at once).
CREATE OR REPLACE FUNCTION cspi.target_status(shown numeric, target numeric, polarity text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR target IS NULL OR polarity IS NULL THEN NULL
                WHEN cspi.target_met(shown, target, polarity) THEN 'met'
                ELSE 'not met' END;
COMMENT ON FUNCTION cspi.target_status(numeric, numeric, text) IS
'met or not met: the figure as shown against the target, by the polarity; NULL without a figure, a target or a polarity.';

-- The change from the previous comparable period, in words.
CREATE OR REPLACE FUNCTION cspi.change_word(shown numeric, previous numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR previous IS NULL THEN NULL
                WHEN shown > previous THEN 'increase'
                WHEN shown < previous THEN 'decrease'
                ELSE 'no change' END;
COMMENT ON FUNCTION cspi.change_word(numeric, numeric) IS
'increase, decrease or no change from previous to shown; NULL when either is missing.';

CREATE OR REPLACE FUNCTION cspi.change_judgement(shown numeric, previous numeric, polarity text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NULL OR previous IS NULL OR polarity IS NULL OR shown = previous THEN NULL
                WHEN (shown > previous) = (polarity = 'higher') THEN 'better'
                ELSE 'worse' END;
COMMENT ON FUNCTION cspi.change_judgement(numeric, numeric, text) IS
'better or worse, by the polarity (higher or lower is better), from previous to shown; NULL without a polarity, a change or both figures.';

CREATE OR REPLACE FUNCTION cspi.scorecard(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, section text, code text, title text, unit text,
                   display text, shown numeric, numerator bigint, denominator bigint,
                   target numeric, polarity text, status text,
                   previous_period text, previous_display text, previous_shown numeric,
                   change text, change_is text, available boolean, reason text,
                   data_as_at timestamptz,
                   england numeric, region numeric, statistical_neighbours numeric, la_published numeric,
                   la_quartile integer, statistical_neighbours_median numeric)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    prev text := cspi.previous_period(period);
    as_at timestamptz;
    la text;
BEGIN
    PERFORM cspi.period_bounds(period);
    PERFORM cspi_internal.require_indicator_value(report_schema);
    PERFORM cspi.check_deployment(report_schema);
    -- The council's authority, when the published figures still name it.
    SELECT coalesce(d.refreshed_at, d.deployed_at), a.old_la_code INTO as_at, la
      FROM cspi.deployment d LEFT JOIN cspi.local_authority a ON a.old_la_code = d.la_code
     WHERE d.report_schema = scorecard.report_schema;
    IF NOT FOUND THEN
        SELECT coalesce(g.refreshed_at, g.created_at) INTO as_at FROM cspi.region g
         WHERE g.region_schema = scorecard.report_schema;
    END IF;
    RETURN QUERY EXECUTE format($q$
        SELECT i.display_order, i.section, i.code, i.title, i.unit,
               v.display, v.shown, v.numerator, v.denominator,
               t.target, i.polarity, cspi.target_status(v.shown, t.target, i.polarity),
               $2, pv.display, pv.shown,
               cspi.change_word(v.shown, pv.shown), cspi.change_judgement(v.shown, pv.shown, i.polarity),
               coalesce(a.available, false) AND v.indicator IS NOT NULL,
               cspi.figure_reason(i.code, v.display, v.shown, a.available, a.missing_relations, v.indicator IS NOT NULL),
               $3,
               bm.england, bm.region, bm.statistical_neighbours, bm.la_published, bm.la_quartile,
               -- Last, as a new column goes: a view over the function
               -- names its columns by position.
               bm.statistical_neighbours_median
          FROM cspi.indicator i
          CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, $1) AS target) t
          LEFT JOIN cspi.benchmarks($1, $4) bm ON bm.indicator = i.code
          LEFT JOIN %1$I.indicator_availability a ON a.indicator = i.code
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN %1$I.indicator_value pv ON pv.indicator = i.code AND pv.period = $2
         ORDER BY i.display_order
        $q$, report_schema) USING period, prev, as_at, la;
END
$fn$;
COMMENT ON FUNCTION cspi.scorecard(text, name) IS
'One row per indicator of the catalogue, in display order, for a period (''2023/24'', ''2023/24 Q1'', ''2023-04''): its figure, target, status, the previous comparable period''s figure and whether the change is better or worse; unavailable indicators with the reason; data_as_at, when the report was last refreshed (or deployed); and, for a financial year, the DfE''s published figures for the year ending 31 March (cspi.benchmarks): England''s, the region''s, the mean and the median of the statistical neighbours'' and the council''s own (la_published, to reconcile with), and the council''s quartile among all authorities (1: the best), for the local authority cspi.deploy() recorded (NULL where not published).';

