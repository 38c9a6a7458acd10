--------------------------------------------------------------------------
-- The scorecard of a period (used by narrative and report_html too)
--------------------------------------------------------------------------
-- Warns when the report schema was deployed by another version of cspi.

CREATE OR REPLACE FUNCTION cspi.scorecard(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, section text, code text, title text, unit text,
                   display text, shown numeric, numerator bigint, denominator bigint,
                   target numeric, polarity text, status text,
                   previous_period text, previous_display text, previous_shown numeric,
                   change text, change_is text, available boolean, reason text,
                   data_as_at timestamptz,
                   england numeric, region numeric, statistical_neighbours numeric, la_published numeric,
                   la_quartile integer)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    prev text := cspi.previous_period(period);
    as_at timestamptz;
    la text;
BEGIN
    PERFORM cspi.period_bounds(period);
    IF to_regclass(format('%I.indicator_value', report_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no indicator_value', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Run cspi.deploy(source_schema, report_schema) first.';
    END IF;
    PERFORM cspi.check_deployment(report_schema);
    SELECT coalesce(d.refreshed_at, d.deployed_at), d.la_code INTO as_at, la
      FROM cspi.deployment d WHERE d.report_schema = scorecard.report_schema;
    RETURN QUERY EXECUTE format($q$
        SELECT i.display_order, i.section, i.code, i.title, i.unit,
               v.display, v.shown, v.numerator, v.denominator,
               coalesce(v.target, cspi.target_for(i.code, $1)), i.polarity, v.status,
               $2, pv.display, pv.shown,
               CASE WHEN v.shown IS NULL OR pv.shown IS NULL THEN NULL
                    WHEN v.shown > pv.shown THEN 'increase'
                    WHEN v.shown < pv.shown THEN 'decrease'
                    ELSE 'no change' END AS change,
               CASE WHEN v.shown IS NULL OR pv.shown IS NULL OR i.polarity IS NULL OR v.shown = pv.shown THEN NULL
                    WHEN (v.shown > pv.shown) = (i.polarity = 'higher') THEN 'better'
                    ELSE 'worse' END AS change_is,
               coalesce(a.available, false) AND v.indicator IS NOT NULL,
               CASE WHEN v.shown IS NULL
                    THEN cspi.no_figure_reason(i.code, coalesce(a.missing_relations, i.requires), v.indicator IS NOT NULL) END,
               $3,
               bm.england, bm.region, bm.statistical_neighbours, bm.la_published, bm.la_quartile
          FROM cspi.indicator i
          LEFT JOIN cspi.benchmarks($1, $4) bm ON bm.indicator = i.code
          LEFT JOIN %1$I.indicator_availability a ON a.indicator = i.code
          LEFT JOIN %1$I.indicator_value v ON v.indicator = i.code AND v.period = $1
          LEFT JOIN %1$I.indicator_value pv ON pv.indicator = i.code AND pv.period = $2
         ORDER BY i.display_order
        $q$, report_schema) USING period, prev, as_at, la;
END
$fn$;
COMMENT ON FUNCTION cspi.scorecard(text, name) IS
'One row per indicator of the catalogue, in display order, for a period (''2023/24'', ''2023/24 Q1'', ''2023-04''): its figure, target, status, the previous comparable period''s figure and whether the change is better or worse; unavailable indicators with the reason; data_as_at, when the report was last refreshed (or deployed); and, for a financial year, the DfE''s published figures for the year ending 31 March (cspi.benchmarks): England''s, the region''s, the mean of the statistical neighbours'' and the council''s own (la_published, to reconcile with), and the council''s quartile among all authorities (1: the best), for the local authority cspi.deploy() recorded (NULL where not published).';

