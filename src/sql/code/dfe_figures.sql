-- The measure every rate divides by: the ONS estimate of the children
-- (the indicator families map the DfE's other measures to their indicators).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('children_0_17', 'population', NULL, 'count', 'ONS mid-year estimate of children aged 0 to 17',
  'Used for rates: the DfE''s rate for the year ending 31 March divides by the estimate of 30 June the year before, as cspi does.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The figures in force: a council's load shadows the shipped row.
CREATE OR REPLACE VIEW cspi.published_figure_current AS
SELECT DISTINCT ON (f.measure, f.time_period, f.geographic_level, f.area_code)
       f.measure, f.time_period, f.geographic_level, f.area_code, f.old_la_code, f.area_name, f.region_code,
       f.value, f.numerator, f.denominator, f.suppression, f.source_file, f.shipped
  FROM cspi.published_figure f
 ORDER BY f.measure, f.time_period, f.geographic_level, f.area_code, f.shipped;
COMMENT ON VIEW cspi.published_figure_current IS
'The published figures in force: for each measure, year and area, a council''s own load if any, else the shipped figure.';
GRANT SELECT ON cspi.published_figure_current TO PUBLIC;

CREATE OR REPLACE VIEW cspi.statistical_neighbour_current AS
SELECT n.old_la_code, n.la_name, n.region_name, n.neighbour_rank, n.neighbour_code, n.closeness, n.source_file
  FROM cspi.statistical_neighbour n
 WHERE n.shipped = NOT EXISTS (SELECT 1 FROM cspi.statistical_neighbour o WHERE NOT o.shipped);
COMMENT ON VIEW cspi.statistical_neighbour_current IS
'The statistical-neighbour model in force: a council''s own load if any, else the shipped model.';
GRANT SELECT ON cspi.statistical_neighbour_current TO PUBLIC;

-- The local authorities: every one the published figures or the model name.
CREATE OR REPLACE VIEW cspi.local_authority AS
WITH la AS (
    SELECT DISTINCT ON (f.old_la_code) f.old_la_code, f.area_code, f.area_name,
           -- Inner and Outer London are parts of the London region.
           CASE WHEN f.region_code IN ('E13000001', 'E13000002') THEN 'E12000007' ELSE f.region_code END AS region_code
      FROM cspi.published_figure_current f
     WHERE f.geographic_level = 'Local authority' AND f.old_la_code IS NOT NULL
     ORDER BY f.old_la_code, f.time_period DESC, f.area_code DESC
), region AS (
    SELECT DISTINCT ON (f.area_code) f.area_code, f.area_name
      FROM cspi.published_figure_current f
     WHERE f.geographic_level = 'Regional'
     ORDER BY f.area_code, f.time_period DESC
), model AS (
    SELECT n.old_la_code, n.la_name, n.region_name
      FROM cspi.statistical_neighbour_current n WHERE n.neighbour_rank = 1
)
SELECT coalesce(la.old_la_code, model.old_la_code) AS old_la_code, la.area_code AS new_la_code,
       coalesce(la.area_name, model.la_name) AS la_name, la.region_code,
       coalesce(region.area_name, model.region_name) AS region_name
  FROM la
  FULL JOIN model ON model.old_la_code = la.old_la_code
  LEFT JOIN region ON region.area_code = la.region_code;
COMMENT ON VIEW cspi.local_authority IS
'Every local authority the published figures or the statistical-neighbour model name: old three-digit code, ONS code, name and region (London boroughs in the London region).';
GRANT SELECT ON cspi.local_authority TO PUBLIC;

--------------------------------------------------------------------------
-- Reading the DfE's CSV files
--------------------------------------------------------------------------

-- The records of a CSV file given as text, each as its fields: RFC 4180,
-- read by src/csv.c (the rules are in doc/statutory-returns.md).  With a
-- file name, an error about the text begins with it.
CREATE OR REPLACE FUNCTION cspi.csv_lines(content text) RETURNS TABLE (line integer, fields text[])
    AS 'MODULE_PATHNAME', 'cspi_csv_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.csv_lines(text) IS
'The records of a CSV file given as text (RFC 4180), numbered by the line each starts on, each as its fields: a quoted field may hold commas, doubled quotes and line breaks; line ends LF, CRLF or CR; a leading byte-order mark dropped; blank records and records of empty fields (as a spreadsheet leaves) skipped. A quoted field without its closing quote, anything but a comma or a line end after a closing quote, or a quote in a field that is not quoted is an error naming the line and column.';

CREATE OR REPLACE FUNCTION cspi.csv_lines(content text, file text) RETURNS TABLE (line integer, fields text[])
    AS 'MODULE_PATHNAME', 'cspi_csv_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cspi.csv_lines(text, text) IS
'As cspi.csv_lines(content), with errors beginning with file (such as "episodes file, line 3, column 2: ...").';

-- A published cell as a number: NULL for an empty or suppressed cell; an
-- error naming the file, line and column for anything else.
CREATE OR REPLACE FUNCTION cspi_internal.published_number(cell text, file text, line integer, column_name text)
    RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF cell IS NULL OR btrim(cell) = '' OR lower(btrim(cell)) IN ('c', 'x', 'z', 'k', 'u', 'low') THEN
        RETURN NULL;
    END IF;
    IF btrim(cell) !~ '^-?[0-9]+(\.[0-9]+)?$' THEN
        RAISE EXCEPTION '%, line %, column %: "%" is not a number', file, line, column_name, cell
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'A published figure is a number, or a suppression code: c, x, z, k, u or low.';
    END IF;
    RETURN btrim(cell)::numeric;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.published_number(text, text, integer, text) IS
'A cell of a DfE file as a number: NULL when empty or suppressed (c, x, z, k, u, low), never 0; an error naming the file, line and column when it is neither.';

CREATE OR REPLACE FUNCTION cspi_internal.published_suppression(cell text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN lower(btrim(cell)) IN ('c', 'x', 'z', 'k', 'u', 'low') THEN lower(btrim(cell)) END;
COMMENT ON FUNCTION cspi_internal.published_suppression(text) IS
'The suppression code of a DfE cell (c, x, z, k, u, low), or NULL.';

-- Load one DfE file: parse it, check its columns, map its rows to cspi's
-- measures and replace what an earlier load of those measures and years
-- held.  All or nothing: an error leaves the figures as they were.
CREATE OR REPLACE FUNCTION cspi.load_dfe_file(file text, content text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    spec cspi.dfe_file;
    header text[];
    unknown text[];
    missing text[];
    bad record;
    loaded bigint;
    -- cspi_dfe's script loads the shipped figures with
    -- cspi.loading_shipped_figures set (src/sql/dfe/figures.sql).
    shipping boolean := coalesce(current_setting('cspi.loading_shipped_figures', true), '') = 'on';
    base text := regexp_replace(file, '^.*/', '');
BEGIN
    IF file IS NULL OR content IS NULL THEN
        RAISE EXCEPTION 'cspi.load_dfe_file needs a file name and its content'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT * INTO spec FROM cspi.dfe_file d
     WHERE d.kind = base OR strpos(lower(base), lower(d.file_name)) > 0
     ORDER BY d.kind = base DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown DfE file "%"', file
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'cspi reads these files (or kinds): '
                         || (SELECT string_agg(d.file_name || '*.csv (' || d.kind || ')', ', ' ORDER BY d.kind) FROM cspi.dfe_file d) || '.';
    END IF;

    -- The records (cspi.csv_lines: no byte-order mark, no blank lines).
    -- Work tables, dropped again before returning (an error rolls them back).
    DROP TABLE IF EXISTS pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row, pg_temp.cspi_dfe_figure;
    CREATE TEMPORARY TABLE cspi_dfe_line AS SELECT l.line AS n, l.fields
      FROM cspi.csv_lines(content, format('DfE file "%s"', file)) l;
    SELECT array_agg(lower(btrim(h)) ORDER BY i) INTO header
      FROM cspi_dfe_line, unnest(fields) WITH ORDINALITY AS u(h, i) WHERE n = (SELECT min(n) FROM cspi_dfe_line);
    IF header IS NULL THEN
        RAISE EXCEPTION 'DfE file "%" is empty', file USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A column named twice would keep only one of its values.
    SELECT u.h AS name INTO bad FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE u.h <> '' GROUP BY u.h HAVING count(*) > 1 ORDER BY min(u.i) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: the header names column % more than once', file,
              (SELECT min(n) FROM cspi_dfe_line), bad.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Each column is named once in the header row.';
    END IF;
    SELECT array_agg(h ORDER BY i) INTO unknown
      FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE h <> ALL (SELECT lower(c) FROM unnest(spec.columns) AS c);
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'DfE file "%" (%) has columns cspi does not know: %', file, spec.kind, array_to_string(unknown, ', ')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A ' || spec.kind || ' file has the columns ' || array_to_string(spec.columns, ', ') || '.',
                  HINT = 'The DfE may have changed the file''s format: check it, and load only files of the format cspi.dfe_file describes.';
    END IF;
    SELECT array_agg(c) INTO missing FROM unnest(spec.required) AS c WHERE lower(c) <> ALL (header);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'DfE file "%" (%) has no column %', file, spec.kind, array_to_string(missing, ', ')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    PERFORM 1 FROM cspi_dfe_line l
     WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header);
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: % fields, but the header has %', file,
              (SELECT min(n) FROM cspi_dfe_line l
                WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header)),
              (SELECT cardinality(fields) FROM cspi_dfe_line l
                WHERE l.n > (SELECT min(n) FROM cspi_dfe_line) AND cardinality(l.fields) <> cardinality(header)
                ORDER BY n LIMIT 1),
              cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Each data row as a json object of its cells, by lower-case column.
    CREATE TEMPORARY TABLE cspi_dfe_row (n integer, r jsonb);
    INSERT INTO cspi_dfe_row
    SELECT l.n, jsonb_object(header, l.fields)
      FROM cspi_dfe_line l WHERE l.n > (SELECT min(n) FROM cspi_dfe_line);
    PERFORM 1 FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$' AND spec.kind <> 'statistical_neighbours';
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%", line %: time_period "%" is not a year', file,
              (SELECT min(n) FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$'),
              (SELECT r->>'time_period' FROM cspi_dfe_row WHERE coalesce(r->>'time_period', '') !~ '^[0-9]{4}$' ORDER BY n LIMIT 1)
            USING ERRCODE = 'invalid_datetime_format';
    END IF;

    -- Every cell of a figure's column is a number or a suppression code.
    SELECT x.n, c.key AS column_name, c.value AS cell INTO bad
      FROM cspi_dfe_row x, jsonb_each_text(x.r) AS c
     WHERE spec.kind <> 'statistical_neighbours'
       AND c.key NOT IN ('time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name',
                         'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name', 'category',
                         'population_type', 'cla_group', 'placement_stability', 'sw_stability', 'care_leaver_age',
                         'breakdown', 'age_group')
       AND btrim(c.value) !~ '^(-?[0-9]+(\.[0-9]+)?|[cxzkuCXZKU]|low|)$'
     ORDER BY x.n, c.key LIMIT 1;
    IF FOUND THEN
        PERFORM cspi_internal.published_number(bad.cell, base, bad.n, bad.column_name);
    END IF;

    IF spec.kind = 'statistical_neighbours' THEN
        DELETE FROM cspi.statistical_neighbour n WHERE n.shipped = shipping;
        INSERT INTO cspi.statistical_neighbour (old_la_code, la_name, region_name, neighbour_rank, neighbour_code,
                                                closeness, source_file, shipped)
        SELECT btrim(x.r->>'old_la_code'), btrim(x.r->>'la_name'), nullif(btrim(x.r->>'region_name'), ''),
               k, btrim(x.r->>('sn_' || k)), nullif(btrim(x.r->>('sn_' || k || 'p')), ''), base, shipping
          FROM cspi_dfe_row x CROSS JOIN generate_series(1, 10) AS k
         WHERE nullif(btrim(x.r->>('sn_' || k)), '') IS NOT NULL;
        GET DIAGNOSTICS loaded = ROW_COUNT;
        DROP TABLE pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row;
        RETURN loaded;
    END IF;

    -- The figures of this file, one row per measure and area.
    CREATE TEMPORARY TABLE cspi_dfe_figure (LIKE cspi.published_figure);
    INSERT INTO cspi_dfe_figure (measure, time_period, geographic_level, area_code, old_la_code, area_name, region_code,
                                 value, numerator, denominator, suppression, source_file, shipped)
    WITH geo AS (
        SELECT x.n, x.r, (x.r->>'time_period')::integer AS time_period, btrim(x.r->>'geographic_level') AS level,
               CASE btrim(x.r->>'geographic_level')
                   WHEN 'National' THEN coalesce(nullif(btrim(x.r->>'country_code'), ''), 'E92000001')
                   WHEN 'Regional' THEN btrim(x.r->>'region_code')
                   ELSE coalesce(nullif(btrim(x.r->>'new_la_code'), ''), btrim(x.r->>'old_la_code')) END AS area_code,
               nullif(btrim(x.r->>'old_la_code'), '') AS old_la_code,
               CASE btrim(x.r->>'geographic_level')
                   WHEN 'National' THEN coalesce(nullif(btrim(x.r->>'country_name'), ''), 'England')
                   WHEN 'Regional' THEN btrim(x.r->>'region_name')
                   ELSE btrim(x.r->>'la_name') END AS area_name,
               CASE WHEN btrim(x.r->>'geographic_level') = 'Local authority' THEN nullif(btrim(x.r->>'region_code'), '') END AS region_code
          FROM cspi_dfe_row x
         WHERE btrim(x.r->>'geographic_level') IN ('National', 'Regional', 'Local authority')
    ), cells AS (
        -- measure, the value cell, numerator and denominator cells; for the
        -- files with one row per breakdown, the rows are summed per area.
        -- A rate the file gives only as its count (no value and no
        -- denominator column: the rate per 10,000 of the referrals, the
        -- plans and the children in need) keeps the count as its numerator
        -- and is derived over the ONS estimate by
        -- cspi.published_indicator_value.  A measure whose columns the file
        -- lacks (needs) is not read from it.
        SELECT g.*, m.measure, m.value_column, m.value_cell, m.numerator_cell, m.denominator_cell
          FROM geo g
          CROSS JOIN LATERAL (
              SELECT * FROM (VALUES
                  ('cla_numbers', 'Children looked after on 31 March each year', 'cla_31_march', 'children_count',
                   g.r->>'children_count', NULL::text, NULL::text, NULL::text[]),
                  ('cla_numbers', 'Children looked after on 31 March each year', 'cla_31_march_rate', 'rate_per_10000',
                   g.r->>'rate_per_10000', g.r->>'children_count', g.r->>'population_estimate', NULL),
                  ('cla_numbers', 'Children starting to be looked after each year', 'cla_started', 'children_count',
                   g.r->>'children_count', NULL, NULL, NULL),
                  ('cla_numbers', 'Children starting to be looked after each year', 'cla_started_rate', 'rate_per_10000',
                   g.r->>'rate_per_10000', g.r->>'children_count', g.r->>'population_estimate', NULL),
                  ('cla_numbers', 'Children ceasing to be looked after each year', 'cla_ceased', 'children_count',
                   g.r->>'children_count', NULL, NULL, NULL),
                  ('referrals', NULL, 'rereferrals', 'rereferral_percent',
                   g.r->>'rereferral_percent', g.r->>'rereferral_count', g.r->>'referral_count', NULL),
                  ('referrals', NULL, 'rereferral_children', 'rereferral_child_count',
                   g.r->>'rereferral_child_count', NULL, NULL, NULL),
                  ('referrals', NULL, 'referral_rate', 'referral_count', NULL, g.r->>'referral_count', NULL, NULL),
                  ('referrals', NULL, 'referral_nfa', 'no_further_action_percent',
                   g.r->>'no_further_action_percent', g.r->>'no_further_action_count', g.r->>'referral_count',
                   '{no_further_action_count,no_further_action_percent}'),
                  ('cp_subsequent', NULL, 'cp_subsequent_plans', 'cpp_subsequent_percent',
                   g.r->>'cpp_subsequent_percent', g.r->>'cpp_subsequent', g.r->>'cpp_start', NULL),
                  ('cp_subsequent', NULL, 'cp_started', 'cpp_start', g.r->>'cpp_start', NULL, NULL, NULL),
                  ('cp_subsequent', NULL, 'cp_started_rate', 'cpp_start', NULL, g.r->>'cpp_start', NULL, NULL),
                  ('cp_at_31_march', NULL, 'cp_31_march', 'cpp_at31', g.r->>'cpp_at31', NULL, NULL, NULL),
                  ('cp_at_31_march', NULL, 'cp_31_march_rate', 'cpp_at31', NULL, g.r->>'cpp_at31', NULL, NULL),
                  ('cp_at_31_march', NULL, 'cp_31_march_2_years', '2_years_or_more_percent',
                   g.r->>'2_years_or_more_percent', g.r->>'2_years_or_more', g.r->>'cpp_at31',
                   '{2_years_or_more,2_years_or_more_percent}'),
                  ('children_in_need', NULL, 'cin_31_march_rate', 'at31_episodes', NULL, g.r->>'at31_episodes', NULL, NULL),
                  ('population', NULL, 'children_0_17', 'population_estimate', g.r->>'population_estimate', NULL, NULL, NULL)
              ) AS v(kind, population_type, measure, value_column, value_cell, numerator_cell, denominator_cell, needs)
             WHERE v.kind = spec.kind
               AND (v.needs IS NULL OR header @> v.needs)
               AND (v.population_type IS NULL OR btrim(g.r->>'population_type') = v.population_type)
               AND (spec.kind <> 'population' OR btrim(g.r->>'age_group') = 'Children aged 0 to 17 years')
          ) m
    )
    SELECT c.measure, c.time_period, c.level, c.area_code, c.old_la_code, c.area_name, c.region_code,
           cspi_internal.published_number(c.value_cell, base, c.n, c.value_column),
           cspi_internal.published_number(c.numerator_cell, base, c.n, c.value_column),
           cspi_internal.published_number(c.denominator_cell, base, c.n, c.value_column),
           cspi_internal.published_suppression(coalesce(c.value_cell, c.numerator_cell)), base, false
      FROM cells c
    UNION ALL
    -- Files with a row per breakdown: a percentage is the breakdowns'
    -- counts over the total's, suppressed when any of them is.
    SELECT b.measure, b.time_period, b.level, b.area_code, b.old_la_code, b.area_name, b.region_code,
           CASE WHEN b.num IS NOT NULL AND b.den > 0 AND NOT b.any_suppressed THEN round(100 * b.num / b.den, 1) END,
           CASE WHEN NOT b.any_suppressed THEN b.num END, b.den,
           CASE WHEN b.any_suppressed OR b.den IS NULL THEN coalesce(b.first_suppression, 'x') END, base, false
      FROM (SELECT g.time_period, g.level, g.area_code, g.old_la_code, g.area_name, g.region_code, p.measure,
                   sum(cspi_internal.published_number(g.r->>p.count_column, base, g.n, p.count_column)) FILTER (WHERE p.in_numerator) AS num,
                   sum(cspi_internal.published_number(g.r->>p.count_column, base, g.n, p.count_column)) FILTER (WHERE p.is_total) AS den,
                   bool_or(cspi_internal.published_suppression(g.r->>p.count_column) IS NOT NULL) AS any_suppressed,
                   min(cspi_internal.published_suppression(g.r->>p.count_column)) AS first_suppression
              FROM geo g
              JOIN (VALUES
                  ('cla_stability', 'cla_stability_long', 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', 'Living with the same carer for at least 2 years', 'children_count', true, false),
                  ('cla_stability', 'cla_stability_long', 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', 'Total children', 'children_count', false, true),
                  ('cla_stability', 'cla_three_placements', 'CLA on 31 March', 'With 3 or more placements during the year', 'children_count', true, false),
                  ('cla_stability', 'cla_three_placements', 'CLA on 31 March', 'Total children', 'children_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_neet', '19 to 21 years', 'Total not in education, employment or training', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_neet', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Education other than higher education', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Higher education i.e. studies beyond A level', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_education', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'In an apprenticeship', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'In training or employment (excl. apprenticeship)', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_19_21_training_employment', '19 to 21 years', 'Total', 'care_leaver_count', false, true),
                  ('care_leavers_activity', 'care_leavers_17_18_eet', '17 to 18 years', 'Total in education, employment or training', 'care_leaver_count', true, false),
                  ('care_leavers_activity', 'care_leavers_17_18_eet', '17 to 18 years', 'Total', 'care_leaver_count', false, true),
                  ('cla_social_workers', 'cla_three_social_workers', 'CLA on 31 March', '3 or more social workers during the year', 'number', true, false),
                  ('cla_social_workers', 'cla_three_social_workers', 'CLA on 31 March', 'Total children', 'number', false, true),
                  ('care_leavers_accommodation', 'care_leavers_19_21_suitable', '19 to 21 years', 'Accommodation considered suitable', 'care_leaver_count', true, false),
                  ('care_leavers_accommodation', 'care_leavers_19_21_suitable', '19 to 21 years', 'Suitability total', 'care_leaver_count', false, true)
              ) AS p(kind, measure, grp, breakdown, count_column, in_numerator, is_total)
                ON p.kind = spec.kind
               AND btrim(coalesce(g.r->>'cla_group', g.r->>'care_leaver_age')) = p.grp
               AND btrim(coalesce(g.r->>'placement_stability', g.r->>'sw_stability', g.r->>'breakdown')) = p.breakdown
             GROUP BY g.time_period, g.level, g.area_code, g.old_la_code, g.area_name, g.region_code, p.measure) b;

    PERFORM 1 FROM cspi_dfe_figure GROUP BY measure, time_period, geographic_level, area_code HAVING count(*) > 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DfE file "%" has more than one row for the same year and area', file
            USING ERRCODE = 'unique_violation';
    END IF;
    -- Replace the earlier loads of these measures and years (the council's,
    -- or while the extension ships its figures, the shipped ones).
    DELETE FROM cspi.published_figure f
     WHERE f.shipped = shipping
       AND (f.measure, f.time_period) IN (SELECT DISTINCT measure, time_period FROM cspi_dfe_figure);
    UPDATE cspi_dfe_figure SET shipped = shipping;
    INSERT INTO cspi.published_figure SELECT * FROM cspi_dfe_figure;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE pg_temp.cspi_dfe_line, pg_temp.cspi_dfe_row, pg_temp.cspi_dfe_figure;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.load_dfe_file(text, text) IS
'Loads a DfE file of published figures (the tidy CSV of Explore Education Statistics, or the statistical-neighbour model) passed as text: file is its name as published (or its kind, cspi.dfe_file), content the whole file. Replaces the figures of the measures and years it holds (the statistical-neighbour model: the whole model). Refuses unknown files, CSV that is not well formed (cspi.csv_lines), unknown columns and a column named twice; suppressed cells are NULL with their code. Returns the figures loaded.';

-- Fill a council's population from the ONS mid-year estimates.
CREATE OR REPLACE FUNCTION cspi.fill_population(source_schema name, la_code text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    la cspi.local_authority;
    filled bigint;
BEGIN
    la := cspi.find_local_authority(la_code);
    IF to_regclass(format('%I.population', source_schema)) IS NULL THEN
        RAISE EXCEPTION 'source schema "%" has no population relation', source_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create it with cspi.create_source_tables(), or a table population(year, children).';
    END IF;
    EXECUTE format('DELETE FROM %I.population WHERE year IN (SELECT time_period FROM cspi.published_figure_current
                                                             WHERE measure = ''children_0_17'' AND old_la_code = $1)',
                   source_schema) USING la.old_la_code;
    EXECUTE format('INSERT INTO %I.population (year, children)
                    SELECT time_period, value FROM cspi.published_figure_current
                     WHERE measure = ''children_0_17'' AND old_la_code = $1 AND value IS NOT NULL', source_schema)
        USING la.old_la_code;
    GET DIAGNOSTICS filled = ROW_COUNT;
    RETURN filled;
END
$fn$;
COMMENT ON FUNCTION cspi.fill_population(name, text) IS
'Fills source_schema.population (year, children) with the ONS mid-year estimates of children aged 0 to 17 for a local authority (its old three-digit or ONS code), replacing those years. Returns the years filled.';

-- A local authority by its old three-digit code or its ONS code; an error
-- listing the nearest ones otherwise.
CREATE OR REPLACE FUNCTION cspi.find_local_authority(la_code text) RETURNS cspi.local_authority
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    la cspi.local_authority;
    code text := upper(btrim(la_code));
BEGIN
    SELECT * INTO la FROM cspi.local_authority a WHERE a.old_la_code = code OR upper(a.new_la_code) = code
     ORDER BY a.old_la_code LIMIT 1;
    IF la.old_la_code IS NULL AND NOT EXISTS (SELECT 1 FROM cspi.local_authority) THEN
        RAISE EXCEPTION 'local authority "%" cannot be found: no DfE figures are installed', la_code
            USING ERRCODE = 'undefined_object',
                  HINT = 'CREATE EXTENSION cspi_dfe installs the DfE''s published figures (make install installs it beside cspi), or load the DfE''s files with cspi.load_dfe_file().';
    ELSIF la.old_la_code IS NULL THEN
        RAISE EXCEPTION 'unknown local authority code "%"', la_code
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'The nearest codes: ' || coalesce((
                      SELECT string_agg(format('%s %s (%s)', x.old_la_code, x.la_name, coalesce(x.new_la_code, 'no ONS code')), ', ' ORDER BY x.distance, x.old_la_code)
                        FROM (SELECT a.*,
                                     CASE WHEN code ~ '^[0-9]{1,4}$' AND a.old_la_code ~ '^[0-9]+$'
                                          THEN abs(a.old_la_code::integer - code::integer)
                                          ELSE 1000 - (SELECT coalesce(max(i), 0)
                                                         FROM generate_series(1, least(length(code), length(coalesce(a.new_la_code, '')))) AS i
                                                        WHERE left(code, i) = left(upper(a.new_la_code), i)) END AS distance
                                FROM cspi.local_authority a
                               ORDER BY distance, a.old_la_code LIMIT 5) x), 'none loaded') || '.',
                  HINT = 'Use the old three-digit code (302) or the ONS code (E09000003) of cspi.local_authority.';
    END IF;
    RETURN la;
END
$fn$;
COMMENT ON FUNCTION cspi.find_local_authority(text) IS
'The local authority (cspi.local_authority) with this old three-digit code or ONS code; an error listing the five nearest codes otherwise.';

--------------------------------------------------------------------------
-- The published figures as cspi's indicators
--------------------------------------------------------------------------

-- Every published figure of a measure that maps to an indicator, in the
-- indicator's unit: a percentage or rate recomputed to one decimal from its
-- published numerator and denominator when both are published (the DfE
-- rounds some to whole numbers), else as published.  A rate the DfE's files
-- give only as its count (a figure with a numerator but neither a value nor
-- a denominator: CP_RATE, CP_STARTED_RATE, REFERRAL_RATE, CIN_RATE) is
-- derived: the count per 10,000 of the ONS estimate of the June before, as
-- the DfE computes CIC_RATE and cspi its own rates.
CREATE OR REPLACE VIEW cspi.published_indicator_value AS
SELECT m.indicator, f.time_period, f.geographic_level, f.area_code, f.old_la_code, f.area_name,
       CASE WHEN f.region_code IN ('E13000001', 'E13000002') THEN 'E12000007' ELSE f.region_code END AS region_code,
       CASE WHEN d.derived THEN CASE WHEN pop.value > 0 THEN round(10000 * f.numerator / pop.value, 1) END
            WHEN m.unit = '%' AND f.numerator IS NOT NULL AND f.denominator > 0
                THEN round(100 * f.numerator / f.denominator, 1)
            WHEN m.unit = 'per 10,000' AND f.numerator IS NOT NULL AND f.denominator > 0
                THEN round(10000 * f.numerator / f.denominator, 1)
            ELSE f.value END AS value,
       f.numerator,
       CASE WHEN d.derived THEN pop.value ELSE f.denominator END AS denominator,
       CASE WHEN d.derived THEN coalesce(f.suppression, CASE WHEN pop.value IS NULL THEN 'x' END)
            ELSE f.suppression END AS suppression,
       m.measure, d.derived
  FROM cspi.published_figure_current f
  JOIN cspi.published_measure m ON m.measure = f.measure
  CROSS JOIN LATERAL (SELECT m.unit = 'per 10,000' AND f.value IS NULL AND f.denominator IS NULL
                             AND f.numerator IS NOT NULL AS derived) d
  LEFT JOIN cspi.published_figure_current pop
         ON d.derived AND pop.measure = 'children_0_17' AND pop.time_period = f.time_period - 1
        AND pop.geographic_level = f.geographic_level AND pop.area_code = f.area_code
 WHERE m.indicator IS NOT NULL;
COMMENT ON VIEW cspi.published_indicator_value IS
'The DfE''s published figures as cspi''s indicators (cspi.published_measure), one row per indicator, year ending 31 March and area, in the indicator''s unit (percentages and rates to one decimal from the published numerator and denominator where both are published); a rate the files give only as its count (CP_RATE, CP_STARTED_RATE, REFERRAL_RATE, CIN_RATE) derived from the count and the ONS estimate of the June before (derived = true; denominator the estimate). Suppressed figures are NULL, with their code.';
GRANT SELECT ON cspi.published_indicator_value TO PUBLIC;

-- England, the region, the statistical neighbours and the authority itself
-- for each indicator in a financial year.
CREATE OR REPLACE FUNCTION cspi.benchmarks(period text, la_code text DEFAULT NULL)
    RETURNS TABLE (indicator text, time_period integer, england numeric, region numeric,
                   statistical_neighbours numeric, neighbours_published integer,
                   la_published numeric, la_rank integer, authorities_ranked integer, la_quartile integer,
                   statistical_neighbours_median numeric)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    b record;
    la cspi.local_authority;
    neighbours text[];
    year_ending integer;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    -- The DfE's figures are for years ending 31 March: a financial year's.
    IF b.period_type <> 'year' THEN
        RETURN;
    END IF;
    year_ending := extract(year FROM b.period_end)::integer;
    IF la_code IS NOT NULL THEN
        la := cspi.find_local_authority(la_code);
    END IF;
    SELECT coalesce(array_agg(n.neighbour_code), '{}') INTO neighbours
      FROM cspi.statistical_neighbour_current n WHERE n.old_la_code = la.old_la_code;
    RETURN QUERY
    WITH v AS (
        SELECT p.indicator, p.geographic_level, p.area_code, p.old_la_code, p.value
          FROM cspi.published_indicator_value p WHERE p.time_period = year_ending
    ), ranked AS (
        SELECT v.indicator, v.old_la_code,
               rank() OVER w AS r, count(*) OVER (PARTITION BY v.indicator) AS n
          FROM v JOIN cspi.indicator i ON i.code = v.indicator
         WHERE v.geographic_level = 'Local authority' AND v.value IS NOT NULL AND i.polarity IS NOT NULL
        WINDOW w AS (PARTITION BY v.indicator
                     ORDER BY CASE WHEN i.polarity = 'higher' THEN -v.value ELSE v.value END)
    ), figures AS (
        SELECT v.indicator,
               max(v.value) FILTER (WHERE v.geographic_level = 'National') AS england,
               max(v.value) FILTER (WHERE v.geographic_level = 'Regional' AND v.area_code = la.region_code) AS region,
               round(avg(v.value) FILTER (WHERE v.geographic_level = 'Local authority'
                                            AND v.old_la_code = ANY (neighbours)), 1) AS neighbours_mean,
               -- The neighbours' published figures in order, for the median.
               array_agg(v.value ORDER BY v.value) FILTER (WHERE v.geographic_level = 'Local authority'
                                                          AND v.old_la_code = ANY (neighbours)
                                                          AND v.value IS NOT NULL) AS neighbour_values,
               (count(v.value) FILTER (WHERE v.geographic_level = 'Local authority'
                                         AND v.old_la_code = ANY (neighbours)))::integer AS neighbours_published,
               max(v.value) FILTER (WHERE v.geographic_level = 'Local authority' AND v.old_la_code = la.old_la_code) AS own
          FROM v GROUP BY v.indicator
    )
    SELECT i.code, year_ending, f.england, f.region, f.neighbours_mean, f.neighbours_published, f.own,
           r.r::integer, r.n::integer,
           -- Quartiles by rank, so that tied authorities share one.
           CASE WHEN r.r IS NOT NULL THEN least(4, ceil(4.0 * r.r / r.n))::integer END,
           -- The median: the middle figure, or the mean of the middle two
           -- (exact numeric, then rounded as the mean is).  Last, as a new
           -- column goes: a view over the function names its columns by
           -- position.
           round((f.neighbour_values[(cardinality(f.neighbour_values) + 1) / 2]
                  + f.neighbour_values[cardinality(f.neighbour_values) / 2 + 1]) / 2, 1)
      FROM cspi.indicator i
      JOIN figures f ON f.indicator = i.code
      LEFT JOIN ranked r ON r.indicator = i.code AND r.old_la_code = la.old_la_code
     ORDER BY i.display_order;
END
$fn$;
COMMENT ON FUNCTION cspi.benchmarks(text, text) IS
'For a financial year (''2024/25'': the DfE''s year ending 31 March 2025) and optionally a local authority (old three-digit or ONS code), per indicator the DfE publishes: England''s figure, the region''s, the mean and the median of the ten statistical neighbours'' published figures (suppressed ones left out; neighbours_published says how many; LAIT gives the mean, the DfE''s dashboard the median), the authority''s own, and its rank and quartile among all authorities (1: the best, for indicators where higher or lower is better). No rows for quarters and months.';
