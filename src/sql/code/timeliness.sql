--------------------------------------------------------------------------
-- How late the late ones are: the working-day distributions of the
-- indicators measured in working days (views timeliness, timeliness_band)
--------------------------------------------------------------------------
-- A percentage within timescale says how many cases were late, not by how
-- much.  For every indicator of cspi.indicator_timeliness, the view
-- timeliness gives each figure's cases (its denominator), those within
-- the timescale (its numerator) and the quartiles, 90th percentile and
-- longest of their working days; timeliness_band counts the cases in each
-- band.  An indicator the source cannot give (indicator_availability) has
-- no rows.  Both are plain views over the drill-downs, computed when read,
-- so a refresh does not pay for them.  Quartiles are by the nearest-rank
-- rule (percentile_disc: the smallest working days of a case at or above
-- that share of the cases in order), so each is the working days of a real
-- case; cases whose working days cannot be counted (a date outside the
-- calendar) are in cases but not in the distribution.

-- The query of the view timeliness (bands false) or timeliness_band (true)
-- over the report objects of schema (a quoted identifier): one part per
-- indicator, in the report's order.
CREATE OR REPLACE FUNCTION cspi_internal.timeliness_query(schema text, bands boolean) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    parts text[];
BEGIN
    IF NOT bands THEN
        SELECT array_agg(format($q$SELECT %1$L::text AS indicator, p.period_type, p.period,
       count(*) AS cases, count(*) FILTER (WHERE %2$s) AS within_timescale,
       percentile_disc(0.25) WITHIN GROUP (ORDER BY %3$s) AS lower_quartile,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY %3$s) AS median,
       percentile_disc(0.75) WITHIN GROUP (ORDER BY %3$s) AS upper_quartile,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY %3$s) AS p90,
       max(%3$s) AS longest
  FROM %4$s.%5$I t CROSS JOIN LATERAL cspi.periods_of((%6$s)::date) p
 WHERE cspi.in_report_years((%6$s)::date) AND (%7$s) AND (%8$s)
   AND EXISTS (SELECT 1 FROM %4$s.indicator_availability a WHERE a.indicator = %1$L AND a.available)
 GROUP BY p.period_type, p.period$q$,
                                 t.indicator, m.numerator, t.days, schema, m.relation, m.anchor,
                                 coalesce(m.row_filter, 'true'), m.denominator)
                          ORDER BY i.display_order, i.code)
          INTO parts
          FROM cspi.indicator_timeliness t
          JOIN cspi.indicator_measure m ON m.indicator = t.indicator
          JOIN cspi.indicator i ON i.code = t.indicator
         WHERE m.kind = 'event' AND m.denominator IS NOT NULL;
        RETURN coalesce(array_to_string(parts, E'\nUNION ALL\n'),
                        'SELECT NULL::text AS indicator, NULL::text AS period_type, NULL::text AS period, NULL::bigint AS cases, NULL::bigint AS within_timescale, NULL::integer AS lower_quartile, NULL::integer AS median, NULL::integer AS upper_quartile, NULL::integer AS p90, NULL::integer AS longest WHERE false');
    END IF;
    -- Bands: band_order 1, 2, ... from the first working day of each band
    -- (width_bucket over cspi.indicator_timeliness.bands); 0 for negative
    -- working days (the dates in the wrong order) and NULL for those that
    -- cannot be counted, listed only when there are some.  Every other
    -- band is listed for every period with a case, so that the bands of a
    -- period add up to its cases.
    SELECT array_agg(format($q$SELECT %1$L::text AS indicator, g.period_type, g.period, b.band_order, b.band, b.lower_days, b.upper_days,
       coalesce(c.cases, 0)::bigint AS cases
  FROM (SELECT p.period_type, p.period,
               CASE WHEN (%2$s) IS NOT NULL THEN width_bucket(%2$s, %3$L::integer[]) END AS band_order,
               count(*) AS cases
          FROM %4$s.%5$I t CROSS JOIN LATERAL cspi.periods_of((%6$s)::date) p
         WHERE cspi.in_report_years((%6$s)::date) AND (%7$s) AND (%8$s)
         GROUP BY 1, 2, 3) c
  RIGHT JOIN ((SELECT DISTINCT c2.period_type, c2.period FROM %4$s.%5$I t CROSS JOIN LATERAL cspi.periods_of((%6$s)::date) AS c2
                WHERE cspi.in_report_years((%6$s)::date) AND (%7$s) AND (%8$s)
                  AND EXISTS (SELECT 1 FROM %4$s.indicator_availability a WHERE a.indicator = %1$L AND a.available)) g
              CROSS JOIN (VALUES %9$s) AS b(band_order, band, lower_days, upper_days))
    ON c.period_type = g.period_type AND c.period = g.period AND c.band_order IS NOT DISTINCT FROM b.band_order
 WHERE b.band_order BETWEEN 1 AND %10$s OR c.cases IS NOT NULL$q$,
                             t.indicator, t.days, t.bands, schema, m.relation, m.anchor,
                             coalesce(m.row_filter, 'true'), m.denominator,
                             (SELECT string_agg(format('(%s, %L, %s, %s)', k, t.bands[k] || CASE WHEN k < cardinality(t.bands)
                                                                                        THEN '-' || (t.bands[k + 1] - 1)
                                                                                        ELSE ' and over' END,
                                                      t.bands[k], coalesce((t.bands[k + 1] - 1)::text, 'NULL')), ', ' ORDER BY k)
                                FROM generate_subscripts(t.bands, 1) AS k)
                             || ', (0, ''under 0 (dates in the wrong order)'', NULL, -1), (NULL, ''not known'', NULL, NULL)',
                             cardinality(t.bands))
                      ORDER BY i.display_order, i.code)
      INTO parts
      FROM cspi.indicator_timeliness t
      JOIN cspi.indicator_measure m ON m.indicator = t.indicator
      JOIN cspi.indicator i ON i.code = t.indicator
     WHERE m.kind = 'event' AND m.denominator IS NOT NULL AND t.bands IS NOT NULL;
    RETURN coalesce(array_to_string(parts, E'\nUNION ALL\n'),
                    'SELECT NULL::text AS indicator, NULL::text AS period_type, NULL::text AS period, NULL::integer AS band_order, NULL::text AS band, NULL::integer AS lower_days, NULL::integer AS upper_days, NULL::bigint AS cases WHERE false');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.timeliness_query(text, boolean) IS
'The query of the report view timeliness (bands false: each figure''s cases, those within the timescale, and the nearest-rank quartiles, 90th percentile and longest of their working days) or timeliness_band (true: the cases in each band of working days), over the drill-downs of schema (a quoted identifier), from cspi.indicator_timeliness and cspi.indicator_measure.';

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition) VALUES
('timeliness', 'view', 210, 'timeliness', NULL,
 'How late the late ones are: for each indicator measured in working days and each period, its cases (the figure''s denominator), those within the timescale (its numerator) and the working days of the cases at the lower quartile, median, upper quartile and 90th percentile (nearest rank) and the longest. Computed when read.',
 '@TIMELINESS@'),
('timeliness_band', 'view', 220, 'timeliness', NULL,
 'The cases of each indicator measured in working days, by band of working days (the DfE''s and LAIT''s bands where they publish them, else the indicator''s own thresholds: cspi.indicator_timeliness), for each period: the bands of a period add up to its cases in timeliness. Computed when read.',
 '@BANDS@')
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('timeliness', 'cases', 'The cases of the figure: its denominator in indicator_value.'),
 ('timeliness', 'within_timescale', 'The cases counted in the figure''s numerator in indicator_value (for REF_OVER_3WD, those over 3 working days).'),
 ('timeliness', 'lower_quartile', 'The working days of the case a quarter of the way through the cases in order of working days (nearest rank).'),
 ('timeliness', 'median', 'The working days of the case half way through the cases in order of working days (nearest rank).'),
 ('timeliness', 'upper_quartile', 'The working days of the case three quarters of the way through the cases in order of working days (nearest rank).'),
 ('timeliness', 'p90', 'The working days of the case nine tenths of the way through the cases in order of working days (nearest rank).'),
 ('timeliness', 'longest', 'The most working days any case took.'),
 ('timeliness_band', 'band_order', 'The band''s place: 1 for the first band; 0 for cases whose dates are in the wrong order; NULL for cases whose working days cannot be counted.'),
 ('timeliness_band', 'band', 'The band of working days, as published (''0-10'', ''21 and over'').'),
 ('timeliness_band', 'lower_days', 'The band''s first working day.'),
 ('timeliness_band', 'upper_days', 'The band''s last working day (NULL: no upper limit).'),
 ('timeliness_band', 'cases', 'The cases of the figure whose working days are in the band.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;
