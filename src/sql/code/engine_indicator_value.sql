--------------------------------------------------------------------------
-- Report objects: indicator_value
--------------------------------------------------------------------------
-- Every indicator for every period, from the counts of the measures of
-- cspi.indicator_measure (the table indicator_count, made by
-- cspi_internal.count_query), with the population for rates, targets and
-- status.  Last, a check that every
-- indicator of the catalogue has a measure: a code present in the catalogue
-- but not measured is an error here, at install, never a silent 0.

-- A figure from its numerator and denominator, as every indicator_value
-- shows it: a council's, and a region's pooled from its members' counts.
-- (A function returning a table, which the planner inlines: one row.)
CREATE OR REPLACE FUNCTION cspi.indicator_figure(unit text, numerator bigint, denominator bigint)
    RETURNS TABLE (value numeric, shown numeric, display text, fraction numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE unit
               WHEN '%' THEN CASE WHEN denominator > 0 THEN numerator * 100::numeric / denominator END
               WHEN 'count' THEN numerator::numeric
               ELSE CASE WHEN denominator > 0 THEN cspi.rate_per(numerator, denominator) END END,
           CASE unit
               WHEN '%' THEN CASE WHEN denominator > 0 THEN cspi.percent(cspi.ratio(numerator, denominator), 1) END
               WHEN 'count' THEN numerator::numeric
               ELSE CASE WHEN denominator > 0 THEN cspi.rate_per_10k(numerator, denominator) END END,
           CASE unit
               WHEN '%' THEN cspi.format_ratio(cspi.ratio(numerator, denominator))
               WHEN 'count' THEN to_char(numerator, 'FM999,999,999,999,990')
               ELSE coalesce(CASE WHEN denominator > 0 THEN cspi.rate_per_10k(numerator, denominator)::text END, 'n/a') END,
           CASE WHEN unit = '%' AND denominator > 0 THEN numerator::numeric / denominator END;
    END;
COMMENT ON FUNCTION cspi.indicator_figure(text, bigint, bigint) IS
'An indicator''s figure from its numerator and denominator, by its unit (%, count or per 10,000): the exact value, the value as shown (percentages to one decimal place, rates per 10,000 to one), the display text (''81.4% (1,119 / 1,374)'') and, for a percentage, the fraction (0 to 1). NULL figures without cases or population.';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('indicator_value', 'materialized view', 190, 'indicator_value', 'indicator, period_type, period',
'Every available indicator for every year, quarter and month: numerator, denominator, exact value, value as shown, display text, target and status, percentages also as a fraction (0 to 1) for BI tools, and when the figures were computed. Refresh with cspi.refresh().',
$def$
WITH counted(indicator, period_type, period, num, den) AS (
    SELECT c.indicator, c.period_type, c.period, c.num, c.den FROM @R@.indicator_count c
)
SELECT i.code AS indicator, p.period_type, p.period, p.period_start, p.period_end,
       v.numerator, v.denominator, v.value, v.shown, v.display, v.target,
       cspi.target_status(v.shown, v.target, i.polarity) AS status,
       f.fraction,
       now() AS refreshed_at
  FROM cspi.indicator i
  JOIN @R@.indicator_availability a ON a.indicator = i.code AND a.available
  CROSS JOIN @R@.period p
  LEFT JOIN counted c ON c.indicator = i.code AND c.period_type = p.period_type AND c.period = p.period
  LEFT JOIN LATERAL (
      SELECT pop.children FROM @R@.src_population pop
       WHERE i.unit = 'per 10,000'
         AND CASE WHEN pop.year BETWEEN 1 AND 9999 AND pop.children > 0
                  THEN make_date(pop.year::int, 6, 30) < p.period_end ELSE false END
       ORDER BY pop.year DESC LIMIT 1) pop ON true
  CROSS JOIN LATERAL (
      SELECT coalesce(c.num, 0)::bigint AS num,
             CASE i.unit WHEN '%' THEN coalesce(c.den, 0)::bigint
                         WHEN 'per 10,000' THEN pop.children::bigint END AS den
  ) n
  CROSS JOIN LATERAL cspi.indicator_figure(i.unit, n.num, n.den) f
  -- The target in force (cspi.target_for, written out: one lookup, not a
  -- function call per figure).
  LEFT JOIN LATERAL (
      SELECT true AS found, x.target FROM cspi.target x
       WHERE x.indicator = i.code AND (cspi.period_bounds(x.from_period)).period_start <= p.period_start
       ORDER BY (cspi.period_bounds(x.from_period)).period_start DESC
       LIMIT 1) t ON true
  CROSS JOIN LATERAL (
      SELECT n.num AS numerator, n.den AS denominator, f.value, f.shown, f.display,
             CASE WHEN t.found THEN t.target ELSE i.default_target END AS target
  ) v
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

DO $check$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(i.code, ', ' ORDER BY i.code) INTO missing
      FROM cspi.indicator i
     WHERE NOT EXISTS (SELECT 1 FROM cspi.indicator_measure m WHERE m.indicator = i.code);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'indicators without a measure in cspi.indicator_measure: %', missing;
    END IF;
END
$check$;
