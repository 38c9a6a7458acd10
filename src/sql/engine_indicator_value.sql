--------------------------------------------------------------------------
-- Report objects: indicator_value
--------------------------------------------------------------------------
-- Every indicator for every period, from the measures of cspi.indicator_measure
-- (@EVENTS@ and @SNAPSHOTS@, made by cspi.measure_queries), with the
-- population for rates, targets and status.  Last, a check that every
-- indicator of the catalogue has a measure: a code present in the catalogue
-- but not measured is an error here, at install, never a silent 0.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('indicator_value', 'materialized view', 190, 'indicator_value', 'indicator, period_type, period',
'Every available indicator for every year, quarter and month: numerator, denominator, exact value, value as shown, display text, target and status, percentages also as a fraction (0 to 1) for BI tools, and when the figures were computed. Refresh with cspi.refresh().',
$def$
WITH events(indicator, period_type, period, num, den) AS (
@EVENTS@
), snapshots(indicator, period_end, num, den) AS (
@SNAPSHOTS@
), counted(indicator, period_type, period, num, den) AS (
    SELECT indicator, period_type, period, num, den FROM events
    UNION ALL
    SELECT s.indicator, p.period_type, p.period, s.num, s.den
      FROM snapshots s JOIN @R@.period p ON p.period_end = s.period_end
)
SELECT i.code AS indicator, p.period_type, p.period, p.period_start, p.period_end,
       v.numerator, v.denominator, v.value, v.shown, v.display, v.target,
       CASE WHEN v.target IS NULL OR v.shown IS NULL OR i.polarity IS NULL THEN NULL
            WHEN cspi.target_met(v.shown, v.target, i.polarity) THEN 'met'
            ELSE 'not met' END AS status,
       CASE WHEN i.unit = '%' AND v.denominator > 0 THEN v.numerator::numeric / v.denominator END AS fraction,
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
  CROSS JOIN LATERAL (
      SELECT n.num AS numerator, n.den AS denominator,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN n.num * 100::numeric / n.den END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per(n.num, n.den) END END AS value,
             CASE i.unit
                 WHEN '%' THEN CASE WHEN n.den > 0 THEN cspi.percent(cspi.ratio(n.num, n.den), 1) END
                 WHEN 'count' THEN n.num::numeric
                 ELSE CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den) END END AS shown,
             CASE i.unit
                 WHEN '%' THEN cspi.format_ratio(cspi.ratio(n.num, n.den))
                 WHEN 'count' THEN to_char(n.num, 'FM999,999,999,999,990')
                 ELSE coalesce(CASE WHEN n.den > 0 THEN cspi.rate_per_10k(n.num, n.den)::text END, 'n/a') END AS display,
             cspi.target_for(i.code, p.period) AS target
  ) v
$def$);

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
