--------------------------------------------------------------------------
-- The year-end report: targets, narrative, HTML (functions only)
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.target_for(indicator text, period text) RETURNS numeric
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE WHEN t.found THEN t.target ELSE i.default_target END
      FROM cspi.indicator i
      LEFT JOIN LATERAL (
            SELECT true AS found, x.target
              FROM cspi.target x
             WHERE x.indicator = i.code
               AND (cspi.period_bounds(x.from_period)).period_start
                   <= (cspi.period_bounds(target_for.period)).period_start
             ORDER BY (cspi.period_bounds(x.from_period)).period_start DESC
             LIMIT 1) t ON true
     WHERE i.code = target_for.indicator;
    END;
COMMENT ON FUNCTION cspi.target_for(text, text) IS
'The target in force for an indicator in a period: the cspi.target row with the latest from_period starting on or before the period''s start, else the catalogue''s default target.';

CREATE OR REPLACE FUNCTION cspi.previous_period(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE b.period_type
               WHEN 'year' THEN cspi.financial_year((b.period_start - interval '1 year')::date)
               WHEN 'quarter' THEN cspi.financial_quarter((b.period_start - interval '1 year')::date)
               ELSE to_char(b.period_start - interval '1 year', 'YYYY-MM') END
      FROM cspi.period_bounds(previous_period.period) b;
    END;
COMMENT ON FUNCTION cspi.previous_period(text) IS
'The previous comparable period: the previous financial year for a year, the same quarter or month a year earlier otherwise.';

CREATE OR REPLACE FUNCTION cspi.period_name(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE b.period_type WHEN 'month' THEN to_char(b.period_start, 'FMMonth YYYY')
                              ELSE period_name.period END
      FROM cspi.period_bounds(period_name.period) b;
    END;
COMMENT ON FUNCTION cspi.period_name(text) IS
'A period as a sentence names it: ''2023/24'', ''2023/24 Q1'', ''April 2023''.';

CREATE OR REPLACE FUNCTION cspi.format_number(value numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN value IS NULL THEN 'n/a'
                WHEN unit = '%' THEN to_char(value, 'FM999,999,990.0') || '%'
                WHEN unit = 'per 10,000' THEN to_char(value, 'FM999,999,990.0')
                WHEN value = trunc(value) THEN to_char(value, 'FM999,999,999,999,990')
                ELSE value::text END;
COMMENT ON FUNCTION cspi.format_number(numeric, text) IS
'A shown value in its unit as the report writes it: ''81.4%'', ''65.6'', ''1,554''.';

CREATE OR REPLACE FUNCTION cspi.format_target(target numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN target IS NULL THEN NULL
                ELSE rtrim(rtrim(to_char(target, 'FM999,999,990.99'), '0'), '.')
                     || CASE WHEN unit = '%' THEN '%' ELSE '' END END;
COMMENT ON FUNCTION cspi.format_target(numeric, text) IS
'A target as the report writes it: ''90%'', ''6%'', ''10%''.';

CREATE OR REPLACE FUNCTION cspi.narrative(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, code text, heading text, sentence text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    card record;
    b record;
    period_end_text text;
    values_by_code jsonb;
    target_text text;
    comparison text;
    verdict text;
    template text;
    txt text;
    placeholder text[];
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    period_end_text := 'the end of ' || to_char(b.period_end, 'FMMonth YYYY');
    SELECT jsonb_object_agg(c.code, cspi.format_number(c.shown, c.unit)) INTO values_by_code
      FROM cspi.scorecard(period, report_schema) c;

    FOR card IN SELECT c.*, coalesce(w.template, i.sentence) AS template
                  FROM cspi.scorecard(period, report_schema) c
                  JOIN cspi.indicator i ON i.code = c.code
                  LEFT JOIN cspi.indicator_wording w ON w.indicator = c.code
                 ORDER BY c.display_order LOOP
        display_order := card.display_order;
        code := card.code;
        IF NOT card.available OR card.shown IS NULL THEN
            heading := 'Where do we need to improve?';
            sentence := format('There is no figure for %s in %s: %s.', lower(left(card.title, 1)) || substr(card.title, 2),
                               cspi.period_name(period), card.reason);
            RETURN NEXT;
            CONTINUE;
        END IF;

        target_text := CASE
            WHEN card.target IS NULL OR card.polarity IS NULL THEN NULL
            WHEN card.polarity = 'higher' AND card.status = 'met' THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.polarity = 'higher' THEN 'does not meet our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.shown < card.target THEN 'is positively below our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.shown = card.target THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            ELSE 'is negatively above our ' || cspi.format_target(card.target, card.unit) || ' target' END;
        comparison := CASE
            WHEN card.change IS NULL THEN NULL
            WHEN card.change = 'no change' THEN 'is the same as the ' || cspi.format_number(card.previous_shown, card.unit)
                                                 || ' in ' || cspi.period_name(card.previous_period)
            ELSE 'is ' || CASE card.change WHEN 'increase' THEN 'an increase' ELSE 'a decrease' END
                 || ' when compared with ' || cspi.format_number(card.previous_shown, card.unit)
                 || ' in ' || cspi.period_name(card.previous_period) END;
        verdict := CASE
            WHEN comparison IS NOT NULL AND target_text IS NOT NULL THEN ' This ' || comparison || ' and ' || target_text || '.'
            WHEN comparison IS NOT NULL THEN ' This ' || comparison || '.'
            WHEN target_text IS NOT NULL THEN ' This ' || target_text || '.'
            ELSE '' END;

        txt := card.template;
        txt := replace(txt, '{in_period}', 'In ' || cspi.period_name(period));
        txt := replace(txt, '{period}', cspi.period_name(period));
        txt := replace(txt, '{period_end}', period_end_text);
        txt := replace(txt, '{display}', card.display);
        txt := replace(txt, '{value}', cspi.format_number(card.shown, card.unit));
        txt := replace(txt, '{numerator}', coalesce(to_char(card.numerator, 'FM999,999,999,999,990'), 'n/a'));
        txt := replace(txt, '{denominator}', coalesce(to_char(card.denominator, 'FM999,999,999,999,990'), 'n/a'));
        txt := replace(txt, '{verdict}', verdict);
        FOR placeholder IN SELECT regexp_matches(txt, '\{value:([A-Z0-9_]+)\}', 'g') LOOP
            txt := replace(txt, '{value:' || placeholder[1] || '}',
                           coalesce(values_by_code ->> placeholder[1], 'n/a'));
        END LOOP;
        -- A sentence starts with a capital letter.
        sentence := upper(left(txt, 1)) || substr(txt, 2);
        heading := CASE WHEN card.status = 'met' OR (card.target IS NULL AND card.change_is = 'better')
                        THEN 'Where are we performing well?'
                        ELSE 'Where do we need to improve?' END;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.narrative(text, name) IS
'The report''s narrative for a period: per indicator, its heading (''Where are we performing well?'' when the target is met, or there is no target and the change is for the better; otherwise ''Where do we need to improve?'') and a sentence from its template (cspi.indicator_wording, else cspi.indicator.sentence).';

CREATE OR REPLACE FUNCTION cspi.html_escape(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN replace(replace(replace(replace(replace(raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION cspi.html_escape(text) IS 'Text made safe to put into HTML.';

CREATE OR REPLACE FUNCTION cspi.trend_svg(points numeric[], target numeric, unit text, labels text[])
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    w constant int := 240;
    h constant int := 60;
    lo numeric;
    hi numeric;
    n int := coalesce(array_length(points, 1), 0);
    path text := '';
    x numeric;
    y numeric;
    ty numeric;
    svg text;
BEGIN
    SELECT min(v), max(v) INTO lo, hi FROM unnest(points || ARRAY[target]) AS v;
    IF n = 0 OR NOT EXISTS (SELECT 1 FROM unnest(points) AS v WHERE v IS NOT NULL) THEN
        RETURN '<span class="nochart">no monthly values</span>';
    END IF;
    IF unit = '%' THEN lo := least(lo, 0); hi := greatest(hi, 100); END IF;
    lo := least(lo, 0);
    IF hi = lo THEN hi := lo + 1; END IF;
    FOR i IN 1..n LOOP
        CONTINUE WHEN points[i] IS NULL;
        x := round(4 + (w - 8) * (i - 1) / greatest(n - 1, 1)::numeric, 1);
        y := round(h - 4 - (h - 8) * (points[i] - lo) / (hi - lo), 1);
        path := path || x || ',' || y || ' ';
    END LOOP;
    svg := format('<svg class="trend" role="img" width="%s" height="%s" viewBox="0 0 %s %s" xmlns="http://www.w3.org/2000/svg">'
                  '<title>%s</title><rect x="0" y="0" width="%s" height="%s" fill="#f7f7f7"/>',
                  w, h, w, h,
                  cspi.html_escape(format('Monthly values %s to %s', labels[1], labels[n])), w, h);
    IF target IS NOT NULL THEN
        ty := round(h - 4 - (h - 8) * (target - lo) / (hi - lo), 1);
        svg := svg || format('<line class="target" x1="0" y1="%s" x2="%s" y2="%s" stroke="#555" stroke-dasharray="4 3"/>', ty, w, ty);
    END IF;
    svg := svg || format('<polyline class="values" points="%s" fill="none" stroke="#1d5fa8" stroke-width="2"/>', rtrim(path));
    RETURN svg || '</svg>';
END
$fn$;
COMMENT ON FUNCTION cspi.trend_svg(numeric[], numeric, text, text[]) IS
'A small inline SVG line chart of monthly values with a dashed target line (used by report_html).';

CREATE OR REPLACE FUNCTION cspi.report_html(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    b record;
    html text;
    item record;
    card record;
    trend record;
    section_heading text;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    html := '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
         || '<title>' || cspi.html_escape('Performance indicators ' || cspi.period_name(period)) || '</title>'
         || '<style>'
         || 'body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#111;max-width:1200px}'
         || 'h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:2px solid #1d5fa8;padding-bottom:.2em}'
         || 'table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:middle}'
         || 'th{background:#e8eef6;text-align:left}td.num{text-align:right;white-space:nowrap}'
         || '.status-met{background:#dff0d8}.status-not-met{background:#f8d7da}.status-none{background:#f0f0f0}'
         || '.section td{background:#1d5fa8;color:#fff;font-weight:bold}.nochart{color:#777;font-size:.8em}'
         || 'li{margin-bottom:.5em}'
         || '</style></head><body>'
         || '<h1>' || cspi.html_escape('Children''s services performance indicators: ' || cspi.period_name(period)) || '</h1>'
         || '<p class="as-at">' || cspi.html_escape(coalesce(
                'Figures as at ' || to_char((SELECT coalesce(d.refreshed_at, d.deployed_at) FROM cspi.deployment d
                                              WHERE d.report_schema = report_html.report_schema)
                                             AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI')
                || ' (the report''s last refresh).', 'The time of the report''s last refresh is not known.')) || '</p>'
         || '<p>' || cspi.html_escape(format('Period %s to %s. Figures from cspi report schema %s.',
                                             to_char(b.period_start, 'FMDD FMMonth YYYY'),
                                             to_char(b.period_end, 'FMDD FMMonth YYYY'), report_schema)) || '</p>';

    FOREACH section_heading IN ARRAY ARRAY['Where are we performing well?', 'Where do we need to improve?'] LOOP
        html := html || '<section class="narrative"><h2>' || cspi.html_escape(section_heading) || '</h2><ul>';
        FOR item IN SELECT n.* FROM cspi.narrative(period, report_schema) n
                     WHERE n.heading = section_heading ORDER BY n.display_order LOOP
            html := html || format('<li data-code="%s">%s</li>', cspi.html_escape(item.code), cspi.html_escape(item.sentence));
        END LOOP;
        html := html || '</ul></section>';
    END LOOP;

    html := html || '<section class="scorecard"><h2>Scorecard</h2><table><thead><tr>'
         || '<th scope="col">Indicator</th><th scope="col">' || cspi.html_escape(cspi.period_name(period)) || '</th>'
         || '<th scope="col">Target</th><th scope="col">Status</th>'
         || '<th scope="col">' || cspi.html_escape(cspi.period_name(cspi.previous_period(period))) || '</th>'
         || '<th scope="col">Change</th><th scope="col">Last 24 months (dashed: target)</th></tr></thead><tbody>';
    FOR card IN SELECT * FROM cspi.scorecard(period, report_schema) ORDER BY display_order LOOP
        IF card.display_order = 1 OR card.section IS DISTINCT FROM
               (SELECT i.section FROM cspi.indicator i WHERE i.display_order < card.display_order
                 ORDER BY i.display_order DESC LIMIT 1) THEN
            html := html || '<tr class="section"><td colspan="7">' || cspi.html_escape(card.section) || '</td></tr>';
        END IF;
        EXECUTE format($q$
            SELECT array_agg(v.shown ORDER BY v.period_start) AS points,
                   array_agg(v.period ORDER BY v.period_start) AS labels
              FROM %I.indicator_value v
             WHERE v.indicator = $1 AND v.period_type = 'month'
               AND v.period_end <= $2 AND v.period_end > ($2 - interval '24 months')$q$, report_schema)
          INTO trend USING card.code, b.period_end;
        html := html || format('<tr data-code="%s" class="%s">', cspi.html_escape(card.code),
                               CASE card.status WHEN 'met' THEN 'status-met' WHEN 'not met' THEN 'status-not-met' ELSE 'status-none' END)
             || '<th scope="row">' || cspi.html_escape(card.title) || ' <small>(' || cspi.html_escape(card.code) || ')</small></th>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.display, card.reason, 'n/a')) || '</td>'
             || '<td class="num">' || coalesce(cspi.html_escape(cspi.format_target(card.target, card.unit)), '&ndash;') || '</td>'
             || '<td>' || CASE card.status WHEN 'met' THEN '&#10004; Met' WHEN 'not met' THEN '&#10008; Not met' ELSE 'No target' END || '</td>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.previous_display, 'n/a')) || '</td>'
             || '<td>' || coalesce(cspi.html_escape(card.change || coalesce(' (' || card.change_is || ')', '')), '&ndash;') || '</td>'
             || '<td>' || CASE WHEN card.available AND trend.points IS NOT NULL
                               THEN cspi.trend_svg(trend.points, card.target, card.unit, trend.labels)
                               ELSE '<span class="nochart">unavailable</span>' END || '</td></tr>';
    END LOOP;
    html := html || '</tbody></table></section></body></html>';
    RETURN html;
END
$fn$;
COMMENT ON FUNCTION cspi.report_html(text, name) IS
'The year-end (or quarter or month) report as one self-contained HTML page: the narrative under its two headings, the scorecard with status shown by text and symbol as well as colour, and an inline SVG chart of the last 24 months against the target for each indicator.';

