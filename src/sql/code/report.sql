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

-- The narrative's headings.  Indicators with a target are judged by it;
-- without one, an indicator where higher or lower is better is judged by
-- its change from the previous comparable period.  What cannot be judged
-- (counts and rates with neither, or no target and no change to judge) is
-- context, never "need to improve".  Indicators with no figure are listed
-- last with the reason.
CREATE OR REPLACE FUNCTION cspi.narrative_heading(available boolean, target numeric, polarity text,
                                                  status text, change_is text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN NOT coalesce(available, false) THEN 'Figures not available'
        WHEN status = 'met' THEN 'Where are we performing well?'
        WHEN status = 'not met' THEN 'Where do we need to improve?'
        WHEN target IS NULL AND change_is = 'better' THEN 'Where are we performing well?'
        WHEN target IS NULL AND change_is = 'worse' THEN 'Where do we need to improve?'
        ELSE 'Activity and context' END;
COMMENT ON FUNCTION cspi.narrative_heading(boolean, numeric, text, text, text) IS
'The narrative heading of a scorecard row: ''Figures not available'' without a figure; ''Where are we performing well?'' when the target is met or, with no target, the change from the previous period is for the better; ''Where do we need to improve?'' when the target is not met or, with no target, the change is for the worse; ''Activity and context'' otherwise (counts and rates with neither a target nor a polarity, or no target and no change to judge).';

-- One plain sentence per percentage on the widest gap between the groups
-- of a dimension in a period, where it is wide (10 percentage points or
-- more between the groups' figures) and both groups are not small (20
-- cases or more each, and published: a region's suppressed cells are left
-- out); groups without a value (unknown, refused, not yet obtained, not
-- stated) are not compared.  The dimension with the widest gap is named
-- (on a tie, the first in cspi.breakdown_dimension's order), with the
-- lowest and highest groups' figures as the breakdown shows them.  It
-- says what the figures are, never why.
CREATE OR REPLACE FUNCTION cspi_internal.breakdown_gaps(period text, report_schema name) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    result jsonb;
    cells text;
    owner oid;
    internal name;
    rows jsonb;
BEGIN
    -- The period's breakdowns.  A caller with the report owner's
    -- privileges (the owner, a member, a superuser: a scheduled report)
    -- reads them as the owner, restricted (cspi.execute_as_owner), from the
    -- internal schema's indicator_breakdown_for_period, which computes the
    -- period's breakdowns of every indicator in one statement.  Anyone else
    -- reads the report's published view, as a SELECT on it would, which
    -- computes each percentage's breakdowns for every period and keeps the
    -- period's: the same cells, far slower on a large council.  Never a
    -- function of the report's owner called by name with the caller's
    -- rights.
    SELECT n.nspowner, d.internal_schema INTO owner, internal
      FROM cspi.deployment d JOIN pg_namespace n ON n.nspname = d.report_schema
     WHERE d.report_schema = breakdown_gaps.report_schema;
    IF owner IS NOT NULL AND internal IS NOT NULL AND pg_has_role(current_user, owner, 'USAGE') THEN
        -- (a report deployed before 1.4 has no such function: redeployed, it has)
        IF to_regprocedure(format('%I.indicator_breakdown_for_period(text)', internal)) IS NULL THEN
            owner := NULL;
        END IF;
    ELSE
        owner := NULL;
    END IF;
    IF owner IS NOT NULL THEN
        rows := cspi.execute_as_owner(owner::regrole, format(
                    'SELECT pg_catalog.jsonb_agg(b) FROM %I.indicator_breakdown_for_period(%L) b WHERE b.unit OPERATOR(pg_catalog.=) %L',
                    internal, period, '%'));
        cells := 'cspi.indicator i JOIN pg_catalog.jsonb_to_recordset(coalesce($2, ''[]'')) AS b(indicator text, period text, dimension text, category text, numerator bigint, denominator bigint, value numeric, display text, unit text) ON b.indicator = i.code';
    ELSE
        cells := format('cspi.indicator i JOIN %I.indicator_breakdown b ON b.indicator = i.code', report_schema);
    END IF;
    EXECUTE format($q$
        WITH cell AS (
            SELECT b.indicator, b.dimension, b.category, b.value, b.display, d.display_order
              FROM %s
              JOIN cspi.breakdown_dimension d ON d.dimension = b.dimension
             WHERE i.unit = '%%'
               AND b.period = $1 AND b.unit = '%%' AND b.numerator IS NOT NULL AND b.denominator >= 20
               AND b.category NOT IN ('unknown', 'refused', 'information not yet obtained', 'not stated or indeterminate')
        ), ranked AS (
            SELECT cell.*,
                   row_number() OVER (PARTITION BY indicator, dimension ORDER BY value, category COLLATE "C") AS from_low,
                   row_number() OVER (PARTITION BY indicator, dimension ORDER BY value DESC, category COLLATE "C") AS from_high,
                   max(value) OVER (PARTITION BY indicator, dimension) - min(value) OVER (PARTITION BY indicator, dimension) AS gap
              FROM cell
        ), widest AS (
            SELECT DISTINCT ON (lo.indicator) lo.indicator, lo.dimension, lo.category AS low_category, lo.display AS low_display,
                   hi.category AS high_category, hi.display AS high_display
              FROM ranked lo JOIN ranked hi ON hi.indicator = lo.indicator AND hi.dimension = lo.dimension AND hi.from_high = 1
             WHERE lo.from_low = 1 AND lo.gap >= 10
             ORDER BY lo.indicator, lo.gap DESC, lo.display_order
        )
        SELECT jsonb_object_agg(indicator, format('By %%s, the figure ranged from %%s for %%s to %%s for %%s.',
                   CASE dimension WHEN 'age_band' THEN 'age' WHEN 'ethnicity_group' THEN 'ethnic group'
                                  WHEN 'uasc' THEN 'whether the children were unaccompanied asylum seekers'
                                  ELSE replace(dimension, '_', ' ') END,
                   low_display, CASE dimension WHEN 'age_band' THEN 'children aged ' || low_category
                                               WHEN 'team' THEN 'team ' || low_category ELSE low_category END,
                   high_display, CASE dimension WHEN 'age_band' THEN 'children aged ' || high_category
                                                WHEN 'team' THEN 'team ' || high_category ELSE high_category END))
          FROM widest$q$, cells)
      INTO result USING period, rows;
    RETURN coalesce(result, '{}');
END
$fn$;
COMMENT ON FUNCTION cspi_internal.breakdown_gaps(text, name) IS
'For cspi.narrative: per percentage indicator of report_schema''s indicator_breakdown in period, one sentence on the widest gap between the groups of a dimension, where the groups'' figures differ by 10 percentage points or more and each group has 20 cases or more (groups without a value, and suppressed cells, left out): {"CFA_45WD": "By ethnic group, the figure ranged from ... for ... to ... for ...."}.';

CREATE OR REPLACE FUNCTION cspi.narrative(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (display_order integer, code text, heading text, sentence text)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    card record;
    b record;
    period_end_text text;
    cards jsonb;
    values_by_code jsonb;
    target_text text;
    comparison text;
    verdict text;
    txt text;
    placeholder text[];
    gaps jsonb := '{}';
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    -- The widest gap between groups of each percentage (the breakdowns,
    -- where the report has them): cspi_internal.breakdown_gaps.
    IF to_regclass(format('%I.indicator_breakdown', report_schema)) IS NOT NULL THEN
        gaps := cspi_internal.breakdown_gaps(period, report_schema);
    END IF;
    period_end_text := 'the end of ' || to_char(b.period_end, 'FMMonth YYYY');
    -- The scorecard once: the values every sentence may name, then the rows.
    SELECT jsonb_agg(to_jsonb(c)) INTO cards FROM cspi.scorecard(period, report_schema) c;
    SELECT jsonb_object_agg(c.code, cspi.format_number(c.shown, c.unit)) INTO values_by_code
      FROM jsonb_to_recordset(cards) AS c(code text, shown numeric, unit text);

    FOR card IN SELECT c.*, coalesce(w.template, i.sentence) AS template
                  FROM jsonb_to_recordset(cards) AS c(display_order integer, code text, title text, unit text,
                                                      display text, shown numeric, numerator bigint, denominator bigint,
                                                      target numeric, polarity text, status text, previous_period text,
                                                      previous_shown numeric, change text, change_is text,
                                                      available boolean, reason text, england numeric)
                  JOIN cspi.indicator i ON i.code = c.code
                  LEFT JOIN cspi.indicator_wording w ON w.indicator = c.code
                 ORDER BY c.display_order LOOP
        display_order := card.display_order;
        code := card.code;
        heading := cspi.narrative_heading(card.available AND card.shown IS NOT NULL, card.target,
                                          card.polarity, card.status, card.change_is);
        IF NOT card.available OR card.shown IS NULL THEN
            sentence := format('%s: %s.', card.title, card.reason);
            RETURN NEXT;
            CONTINUE;
        END IF;

        target_text := CASE
            WHEN card.target IS NULL OR card.polarity IS NULL THEN NULL
            WHEN card.status = 'met' AND card.polarity = 'higher'
                THEN 'meets our ' || cspi.format_target(card.target, card.unit) || ' target'
            WHEN card.status = 'met'
                THEN 'is within our ' || cspi.format_target(card.target, card.unit) || ' target (lower is better)'
            WHEN card.polarity = 'higher'
                THEN 'is below our ' || cspi.format_target(card.target, card.unit) || ' target'
            ELSE 'is above our ' || cspi.format_target(card.target, card.unit) || ' target (lower is better)' END;
        comparison := CASE
            WHEN card.change IS NULL THEN NULL
            WHEN card.change = 'no change' THEN 'is the same as the ' || cspi.format_number(card.previous_shown, card.unit)
                                                 || ' in ' || cspi.period_name(card.previous_period)
            ELSE 'is ' || CASE card.change WHEN 'increase' THEN 'an increase' ELSE 'a decrease' END
                 || ' from ' || cspi.format_number(card.previous_shown, card.unit)
                 || ' in ' || cspi.period_name(card.previous_period)
                 || CASE card.change_is WHEN 'better' THEN ', an improvement' WHEN 'worse' THEN ', a deterioration' ELSE '' END END;
        verdict := CASE
            WHEN comparison IS NOT NULL AND target_text IS NOT NULL THEN ' This ' || comparison || ', and ' || target_text || '.'
            WHEN comparison IS NOT NULL THEN ' This ' || comparison || '.'
            WHEN target_text IS NOT NULL THEN ' This ' || target_text || '.'
            ELSE '' END
            -- England's published figure for the year, for percentages and rates.
            || CASE
            WHEN card.england IS NULL OR card.unit = 'count' THEN ''
            WHEN card.polarity IS NULL OR card.shown = card.england
                THEN format(' England''s figure was %s.', cspi.format_number(card.england, card.unit)
                            || CASE WHEN card.unit = 'per 10,000' THEN ' per 10,000' ELSE '' END)
            ELSE format(' This is %s than England (%s).',
                        CASE WHEN (card.shown > card.england) = (card.polarity = 'higher') THEN 'better' ELSE 'worse' END,
                        cspi.format_number(card.england, card.unit)
                        || CASE WHEN card.unit = 'per 10,000' THEN ' per 10,000' ELSE '' END) END;

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
        -- {singular|plural}: the first when the figure is a count of exactly
        -- one ("1 child was", "1 family"), else the second.
        txt := regexp_replace(txt, '\{([^{}|]*)\|([^{}|]*)\}',
                              CASE WHEN card.unit = 'count' AND card.shown = 1 THEN '\1' ELSE '\2' END, 'g');
        -- A sentence starts with a capital letter.
        sentence := upper(left(txt, 1)) || substr(txt, 2) || coalesce(' ' || (gaps ->> card.code), '');
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi.narrative(text, name) IS
'The report''s narrative for a period: per indicator, its heading (cspi.narrative_heading: ''Where are we performing well?'', ''Where do we need to improve?'', ''Activity and context'' or ''Figures not available'') and a sentence from its template (cspi.indicator_wording, else cspi.indicator.sentence) with the comparison with the previous period and the target, and for a percentage the widest gap between groups where it is wide and the groups are not small (cspi_internal.breakdown_gaps); an indicator without a figure gets its title and the reason.';

CREATE OR REPLACE FUNCTION cspi.narrative_summary(period text, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (with_target integer, met integer, not_met integer, compared integer,
                   improved integer, deteriorated integer, unchanged integer, unavailable integer,
                   sentence text)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
    SELECT t.with_target, t.met, t.not_met, t.compared, t.improved, t.deteriorated, t.unchanged, t.unavailable,
           CASE WHEN t.with_target = 0 THEN 'No indicator has a target for ' || cspi.period_name(period) || '.'
                ELSE format('Of the %s indicators with a target in %s, %s met it and %s did not.',
                            t.with_target, cspi.period_name(period), t.met, t.not_met) END
           || CASE WHEN t.compared = 0 THEN ''
                   ELSE format(' Of the %s indicators where higher or lower is better and %s has a figure to compare with, %s improved, %s deteriorated and %s stayed the same.',
                               t.compared, cspi.period_name(cspi.previous_period(period)),
                               t.improved, t.deteriorated, t.unchanged) END
           || CASE WHEN t.unavailable = 0 THEN ''
                   WHEN t.unavailable = 1 THEN ' 1 indicator has no figure.'
                   ELSE format(' %s indicators have no figure.', t.unavailable) END
      FROM (SELECT count(*) FILTER (WHERE c.status IS NOT NULL)::integer AS with_target,
                   count(*) FILTER (WHERE c.status = 'met')::integer AS met,
                   count(*) FILTER (WHERE c.status = 'not met')::integer AS not_met,
                   count(*) FILTER (WHERE c.polarity IS NOT NULL AND c.change IS NOT NULL)::integer AS compared,
                   count(*) FILTER (WHERE c.change_is = 'better')::integer AS improved,
                   count(*) FILTER (WHERE c.change_is = 'worse')::integer AS deteriorated,
                   count(*) FILTER (WHERE c.polarity IS NOT NULL AND c.change = 'no change')::integer AS unchanged,
                   count(*) FILTER (WHERE NOT c.available OR c.shown IS NULL)::integer AS unavailable
              FROM cspi.scorecard(narrative_summary.period, narrative_summary.report_schema) c) t;
    END;
COMMENT ON FUNCTION cspi.narrative_summary(text, name) IS
'The narrative''s opening summary for a period: how many indicators with a target met it and how many did not, how many of those where higher or lower is better improved, deteriorated or stayed the same against the previous comparable period, how many have no figure; and the same as a sentence.';

CREATE OR REPLACE FUNCTION cspi.html_escape(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN replace(replace(replace(replace(replace(raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION cspi.html_escape(text) IS 'Text made safe to put into HTML.';

-- A value axis with a sensible scale: a step of 1, 2 or 5 times a power of
-- ten giving about four intervals from a floor to a ceiling that hold every
-- value and the target (percentages within 0 to 100).
CREATE OR REPLACE FUNCTION cspi.chart_scale(lo numeric, hi numeric, unit text,
                                            OUT axis_min numeric, OUT axis_max numeric, OUT step numeric)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    raw numeric;
    magnitude numeric;
BEGIN
    IF lo > 0 AND unit <> '%' THEN lo := 0; END IF;    -- counts and rates from 0
    IF hi = lo AND unit = '%' THEN lo := lo - 5; hi := hi + 5;      -- a flat line, 10 points high
    ELSIF hi = lo THEN hi := lo + greatest(abs(lo) * 0.1, 1); END IF;
    raw := (hi - lo) / 4;
    magnitude := power(10::numeric, floor(log(raw)));
    step := CASE WHEN raw <= magnitude THEN magnitude WHEN raw <= 2 * magnitude THEN 2 * magnitude
                 WHEN raw <= 5 * magnitude THEN 5 * magnitude ELSE 10 * magnitude END;
    axis_min := floor(lo / step) * step;
    axis_max := ceil(hi / step) * step;
    IF unit = '%' THEN
        axis_min := greatest(axis_min, 0);
        axis_max := least(axis_max, 100);
    END IF;
    IF axis_max <= axis_min THEN     -- every value at 100%: the axis ends there
        IF axis_max > 0 THEN axis_min := greatest(axis_max - 4 * step, 0);
        ELSE axis_max := axis_min + 4 * step; END IF;
    END IF;
    step := trim_scale(step);
    axis_min := trim_scale(axis_min);
    axis_max := trim_scale(axis_max);
END
$fn$;
COMMENT ON FUNCTION cspi.chart_scale(numeric, numeric, text) IS
'The value axis of a chart of values from lo to hi: a minimum and maximum that are multiples of a step of 1, 2 or 5 times a power of ten, about four steps apart; counts and rates start at 0, percentages stay within 0 to 100.';

-- Where a value falls on a chart: lo..hi mapped onto the pixels from..to
-- (a value axis runs from the bottom up), to a tenth of a pixel.
CREATE OR REPLACE FUNCTION cspi.chart_position(value numeric, lo numeric, hi numeric, from_px numeric, to_px numeric)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN round(from_px + (to_px - from_px) * (value - lo) / (hi - lo), 1);
COMMENT ON FUNCTION cspi.chart_position(numeric, numeric, numeric, numeric, numeric) IS
'The position, to a tenth of a pixel, of value on a chart axis that runs from lo (at pixel from_px) to hi (at to_px); used by trend_svg for both axes.';

CREATE OR REPLACE FUNCTION cspi.trend_svg(points numeric[], target numeric, unit text, labels text[],
                                          england numeric DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    -- The plot area, inside margins for the axis labels, the latest value
    -- and the month labels.
    w constant int := 250;
    h constant int := 112;
    left_x constant int := 36;
    right_x constant int := 196;
    top_y constant int := 8;
    bottom_y constant int := 90;
    n int := coalesce(array_length(points, 1), 0);
    scale record;
    path text := '';
    x numeric;
    y numeric;
    tick numeric;
    last_i int;
    svg text;
    described text;
    suffix text := CASE WHEN unit = '%' THEN '%' ELSE '' END;
BEGIN
    IF n = 0 OR NOT EXISTS (SELECT 1 FROM unnest(points) AS v WHERE v IS NOT NULL) THEN
        RETURN '<span class="nochart">no monthly values</span>';
    END IF;
    SELECT * INTO scale
      FROM cspi.chart_scale((SELECT min(v) FROM unnest(points || ARRAY[target, england]) AS v),
                            (SELECT max(v) FROM unnest(points || ARRAY[target, england]) AS v), unit);
    SELECT max(i) INTO last_i FROM generate_subscripts(points, 1) AS i WHERE points[i] IS NOT NULL;
    SELECT string_agg(cspi.month_label(labels[i]) || ' ' || CASE WHEN points[i] IS NULL THEN 'no figure' ELSE cspi.format_number(points[i], unit) END,
                      ', ' ORDER BY i)
      INTO described FROM generate_subscripts(points, 1) AS i;
    svg := format('<svg class="trend" role="img" width="%s" height="%s" viewBox="0 0 %s %s" xmlns="http://www.w3.org/2000/svg">',
                  w, h, w, h)
        || '<title>' || cspi.html_escape(format('Monthly values from %s to %s%s',
                                               cspi.month_label(labels[1]), cspi.month_label(labels[n]),
                                               coalesce(', target ' || cspi.format_target(target, unit), ''))) || '</title>'
        || '<desc>' || cspi.html_escape(described || '.'
                                        || coalesce(' England, year to ' || cspi.month_label(labels[n]) || ': '
                                                    || cspi.format_number(england, unit) || '.', '')) || '</desc>'
        || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#f7f7f7"/>', left_x, top_y, right_x - left_x, bottom_y - top_y);
    -- The value axis: a gridline and a label at each step.
    tick := scale.axis_min;
    WHILE tick <= scale.axis_max LOOP
        y := cspi.chart_position(tick, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ccc" stroke-width="0.5"/>',
                             left_x, y, right_x, y)
                   || format('<text class="axis-label" x="%s" y="%s" font-size="11" text-anchor="end" fill="#333">%s</text>',
                             left_x - 4, y + 3, trim_scale(tick) || suffix);
        tick := tick + scale.step;
    END LOOP;
    svg := svg || format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>', left_x, top_y, left_x, bottom_y)
               || format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>', left_x, bottom_y, right_x, bottom_y);
    -- The first and last months.
    svg := svg || format('<text class="month-label" x="%s" y="%s" font-size="11" text-anchor="start" fill="#333">%s</text>',
                         left_x, bottom_y + 15, cspi.html_escape(cspi.month_label(labels[1])))
               || format('<text class="month-label" x="%s" y="%s" font-size="11" text-anchor="end" fill="#333">%s</text>',
                         right_x, bottom_y + 15, cspi.html_escape(cspi.month_label(labels[n])));
    IF target IS NOT NULL THEN
        y := cspi.chart_position(target, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<line class="target" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#b00" stroke-dasharray="4 3"/>',
                             left_x, y, right_x, y)
                   || format('<text class="target-label" x="%s" y="%s" font-size="10" text-anchor="start" fill="#b00">%s</text>',
                             left_x + 2, y - 3, cspi.html_escape('Target ' || cspi.format_target(target, unit)));
    END IF;
    FOR i IN 1..n LOOP
        CONTINUE WHEN points[i] IS NULL;
        x := cspi.chart_position(i - 1, 0, greatest(n - 1, 1), left_x, right_x);
        y := cspi.chart_position(points[i], scale.axis_min, scale.axis_max, bottom_y, top_y);
        path := path || x || ',' || y || ' ';
    END LOOP;
    -- England's published figure for the year, a grey diamond at the end.
    IF england IS NOT NULL THEN
        y := cspi.chart_position(england, scale.axis_min, scale.axis_max, bottom_y, top_y);
        svg := svg || format('<path class="england-marker" d="M%s,%s l5,5 l-5,5 l-5,-5 z" fill="#777"><title>%s</title></path>',
                             right_x, y - 5, cspi.html_escape('England ' || cspi.format_number(england, unit)));
    END IF;
    -- The latest value: a dot on its point and the figure beside it.
    x := cspi.chart_position(last_i - 1, 0, greatest(n - 1, 1), left_x, right_x);
    y := cspi.chart_position(points[last_i], scale.axis_min, scale.axis_max, bottom_y, top_y);
    svg := svg || format('<polyline class="values" points="%s" fill="none" stroke="#1d5fa8" stroke-width="2"/>', rtrim(path))
               || format('<circle class="latest-point" cx="%s" cy="%s" r="3" fill="#1d5fa8"/>', x, y)
               || format('<text class="latest-value" x="%s" y="%s" font-size="12" font-weight="bold" fill="#1d5fa8">%s</text>',
                         right_x + 4, y + 4, cspi.html_escape(cspi.format_number(points[last_i], unit)));
    RETURN svg || '</svg>';
END
$fn$;
COMMENT ON FUNCTION cspi.trend_svg(numeric[], numeric, text, text[], numeric) IS
'An inline SVG line chart of monthly values (used by report_html): a labelled value axis on a sensible scale (cspi.chart_scale), the first and last months labelled, the latest value printed, the target drawn and labelled, England''s published figure for the year as a grey diamond at the end, and a text alternative (title and desc) giving every value.';

CREATE OR REPLACE FUNCTION cspi.month_label(period text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN period ~ '^\d{4}-\d{2}$' THEN to_char(to_date(period, 'YYYY-MM'), 'Mon YYYY') ELSE period END;
COMMENT ON FUNCTION cspi.month_label(text) IS 'A month period as a chart labels it: ''Apr 2023'' for ''2023-04''.';

-- The events that say what date a report's data is as at: a relation of
-- the contract and a date column of it.
CREATE OR REPLACE FUNCTION cspi_internal.event_columns() RETURNS TABLE (relation text, column_name text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$
    VALUES ('referral', 'referral_date'), ('referral', 'completed_date'), ('assessment', 'authorised_date'),
           ('visit', 'visit_date'), ('cp_plan', 'start_date'), ('cp_plan', 'end_date'),
           ('cla_episode', 'start_date'), ('cla_episode', 'end_date'), ('family_support', 'start_date')
$fn$;
COMMENT ON FUNCTION cspi_internal.event_columns() IS
'The events whose latest date is the date a report''s data is as at (cspi.latest_event_date): referrals received and completed, assessments authorised, visits, plans and care episodes started and ended, family support started; each a relation of the contract and its date column.';

-- The latest event in a report's source not after today, and the first
-- one after today (infinity when there is none), in one scan of each
-- relation: {"latest": date, "next": date}.  An incremental refresh needs
-- the second to know that the first still holds without this scan.
CREATE OR REPLACE FUNCTION cspi_internal.event_bounds(report_schema name, today date) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    parts text[];
    bounds jsonb;
BEGIN
    SELECT array_agg(format('SELECT greatest(%s), least(%s) FROM %I.%I', g.latest, g.next, report_schema, 'src_' || g.relation)
                     ORDER BY g.relation)
      INTO parts
      FROM (SELECT e.relation,
                   string_agg(format('max(%1$I) FILTER (WHERE %1$I <= $1)', e.column_name), ', ') AS latest,
                   string_agg(format('min(%1$I) FILTER (WHERE %1$I > $1)', e.column_name), ', ') AS next
              FROM cspi_internal.event_columns() e GROUP BY e.relation) g;
    EXECUTE format('SELECT jsonb_build_object(''latest'', max(x.latest), ''next'', coalesce(min(x.next), ''infinity''))
                      FROM (%s) AS x(latest, next)', array_to_string(parts, ' UNION ALL '))
       INTO bounds USING today;
    RETURN bounds;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.event_bounds(name, date) IS
'The latest event (cspi_internal.event_columns) in a report''s source not after today and the first after today (infinity when there is none): {"latest": date, "next": date}. deploy and refresh keep both in cspi.deployment.';

-- The latest event in a report's source: the last date of a referral,
-- assessment, visit, plan or episode that is not in the future.
CREATE OR REPLACE FUNCTION cspi.latest_event_date(report_schema name DEFAULT 'cspi_report') RETURNS date
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    RETURN (cspi_internal.event_bounds(report_schema, cspi.local_date(now())) ->> 'latest')::date;
COMMENT ON FUNCTION cspi.latest_event_date(name) IS
'The latest date of an event (referral, assessment, visit, plan or episode start or end, family support) in a report''s source that is not after today: the date the data is as at.';

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
    summary record;
    items jsonb;
    section_heading text;
    council text := nullif(btrim(current_setting('cspi.council_name', true)), '');
    region record;
    refreshed timestamptz;
    latest date;
    count_in_section integer;
BEGIN
    SELECT * INTO b FROM cspi.period_bounds(period);
    SELECT * INTO summary FROM cspi.narrative_summary(period, report_schema);
    SELECT coalesce(d.refreshed_at, d.deployed_at) INTO refreshed
      FROM cspi.deployment d WHERE d.report_schema = report_html.report_schema;
    -- A region: its name, and its members in place of the source's events.
    SELECT * INTO region FROM cspi.region g WHERE g.region_schema = report_html.report_schema;
    IF region.region_schema IS NOT NULL THEN
        council := coalesce(region.name, region.region_schema);
        refreshed := region.refreshed_at;
    END IF;
    -- The date the data is as at, as the last deploy or refresh found it
    -- (a reader may not be allowed to read the source itself).
    SELECT d.latest_event INTO latest FROM cspi.deployment d WHERE d.report_schema = report_html.report_schema;
    IF latest IS NULL AND region.region_schema IS NULL THEN
        BEGIN
            latest := cspi.latest_event_date(report_schema);
        EXCEPTION WHEN insufficient_privilege THEN
            latest := NULL;
        END;
    END IF;
    html := '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
         || '<meta name="viewport" content="width=device-width, initial-scale=1">'
         || '<title>' || cspi.html_escape(coalesce(council || ': ', '') || 'Performance indicators ' || cspi.period_name(period)) || '</title>'
         || '<style>'
         || '@page{size:A4;margin:14mm 12mm}'
         || 'body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;padding:0 1em;color:#111;max-width:1100px;line-height:1.35}'
         || 'h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;border-bottom:2px solid #1d5fa8;padding-bottom:.2em;break-after:avoid}'
         || '.council{font-size:1.1em;font-weight:bold;color:#1d5fa8;margin:0}.summary{background:#e8eef6;padding:.6em .8em;border-left:4px solid #1d5fa8}'
         || 'table{border-collapse:collapse;width:100%;font-size:.8em;table-layout:fixed}th,td{border:1px solid #bbb;padding:.25em .3em;vertical-align:middle;overflow-wrap:break-word}th small{display:block;font-weight:normal}'
         || 'th{background:#e8eef6;text-align:left}td.num{text-align:right}'
         || 'col.c-indicator{width:21%}col.c-value{width:12%}col.c-target{width:9%}col.c-status{width:9%}col.c-prev{width:11%}col.c-change{width:10%}col.c-chart{width:28%}'
         || 'svg.trend{width:100%;max-width:300px;height:auto;display:block}'
         || 'tr{break-inside:avoid}.status-met{background:#dff0d8}.status-not-met{background:#f8d7da}.status-none{background:#f5f5f5}'
         || '.section td{background:#1d5fa8;color:#fff;font-weight:bold}.nochart{color:#666;font-size:.85em}'
         || 'li{margin-bottom:.5em}.cases{color:#555;font-size:.9em}dl.definitions dt{font-weight:bold;margin-top:.5em}dl.definitions dd{margin-left:1.5em}'
         || '@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}table{font-size:8pt}h2{break-after:avoid}}'
         || '</style></head><body>'
         || '<header>'
         || coalesce('<p class="council">' || cspi.html_escape(council) || '</p>', '')
         || '<h1>' || cspi.html_escape('Children''s services performance indicators: ' || cspi.period_name(period)) || '</h1>'
         || CASE WHEN region.region_schema IS NOT NULL THEN cspi.region_as_at_html(report_schema) ELSE
            '<p class="as-at">' || cspi.html_escape(
                'Data as at ' || coalesce(to_char(latest, 'FMDD FMMonth YYYY') || ' (the latest event recorded)', 'an unknown date (no events recorded)')
                || '; figures computed ' || coalesce(to_char(refreshed AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY, HH24:MI'), 'at an unknown time')
                || ' (the report''s last refresh).') || '</p>' END
         || '<p>' || cspi.html_escape(format('Period %s to %s.',
                                             to_char(b.period_start, 'FMDD FMMonth YYYY'),
                                             to_char(b.period_end, 'FMDD FMMonth YYYY'))) || '</p>'
         || '</header>'
         || '<section class="summary"><h2>Summary</h2><p>' || cspi.html_escape(summary.sentence) || '</p></section>';

    -- The narrative and its scorecard once, for the four sections.
    SELECT jsonb_agg(jsonb_build_object('display_order', n.display_order, 'code', n.code, 'heading', n.heading,
                                        'sentence', n.sentence, 'unit', c.unit, 'polarity', c.polarity,
                                        'status', c.status, 'numerator', c.numerator, 'denominator', c.denominator))
      INTO items
      FROM cspi.narrative(period, report_schema) n
      JOIN cspi.scorecard(period, report_schema) c ON c.code = n.code;
    FOREACH section_heading IN ARRAY ARRAY['Where are we performing well?', 'Where do we need to improve?',
                                           'Activity and context', 'Figures not available'] LOOP
        html := html || format('<section class="narrative" data-heading="%s"><h2>%s</h2><ul>',
                               cspi.html_escape(section_heading), cspi.html_escape(section_heading));
        count_in_section := 0;
        FOR item IN SELECT x.* FROM jsonb_to_recordset(items)
                             AS x(display_order integer, code text, heading text, sentence text, unit text,
                                  polarity text, status text, numerator bigint, denominator bigint)
                     WHERE x.heading = section_heading ORDER BY x.display_order LOOP
            html := html || format('<li data-code="%s">%s', cspi.html_escape(item.code), cspi.html_escape(item.sentence));
            -- How many cases fell short, and where to find them.
            IF item.status = 'not met' AND item.unit = '%' THEN
                html := html || ' <span class="cases">' || cspi.html_escape(format(
                            CASE WHEN region.region_schema IS NULL
                                 THEN '(%s of the %s cases did not meet the standard: cspi.cases(%L, %L) lists them.)'
                                 ELSE '(%s of the %s cases did not meet the standard: each council''s cspi.cases(%L, %L) lists its own.)' END,
                            to_char(CASE item.polarity WHEN 'higher' THEN item.denominator - item.numerator ELSE item.numerator END,
                                    'FM999,999,999,990'),
                            to_char(item.denominator, 'FM999,999,999,990'), item.code, period)) || '</span>';
            END IF;
            html := html || '</li>';
            count_in_section := count_in_section + 1;
        END LOOP;
        IF count_in_section = 0 THEN
            html := html || '<li>None.</li>';
        END IF;
        html := html || '</ul></section>';
    END LOOP;

    html := html || '<section class="scorecard"><h2>Scorecard</h2><table>'
         || '<colgroup><col class="c-indicator"><col class="c-value"><col class="c-target"><col class="c-status">'
         || '<col class="c-prev"><col class="c-change"><col class="c-chart"></colgroup><thead><tr>'
         || '<th scope="col">Indicator</th><th scope="col">' || cspi.html_escape(cspi.period_name(period)) || '</th>'
         || '<th scope="col">Target</th><th scope="col">Status</th>'
         || '<th scope="col">' || cspi.html_escape(cspi.period_name(cspi.previous_period(period))) || '</th>'
         || '<th scope="col">Change</th><th scope="col">Last 24 months'
         || CASE WHEN b.period_type = 'year' THEN ' <small>(&#9670; England)</small>' ELSE '' END || '</th></tr></thead><tbody>';
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
             || '<td class="num">' || cspi.html_escape(coalesce(card.display, 'no figure'))
             || CASE WHEN (card.england IS NULL OR card.unit = 'count') AND card.statistical_neighbours IS NULL THEN ''
                     ELSE '<br><small class="benchmark">' || cspi.html_escape(concat_ws('; ',
                              CASE WHEN card.england IS NOT NULL AND card.unit <> 'count'
                                   THEN 'England ' || cspi.format_number(card.england, card.unit) END,
                              CASE WHEN card.statistical_neighbours IS NOT NULL
                                   THEN 'neighbours mean ' || cspi.format_number(card.statistical_neighbours, card.unit)
                                        || coalesce(', median ' || cspi.format_number(card.statistical_neighbours_median, card.unit), '') END,
                              CASE WHEN card.region IS NOT NULL AND card.unit <> 'count'
                                   THEN 'region ' || cspi.format_number(card.region, card.unit) END))
                        || '</small>' END
             || '</td>'
             || '<td class="num">' || coalesce(cspi.html_escape(cspi.format_target(card.target, card.unit)), '&ndash;') || '</td>'
             || '<td>' || CASE card.status WHEN 'met' THEN '&#10004; Met' WHEN 'not met' THEN '&#10008; Not met' ELSE 'No target' END || '</td>'
             || '<td class="num">' || cspi.html_escape(coalesce(card.previous_display, 'n/a')) || '</td>'
             || '<td>' || coalesce(cspi.html_escape(card.change || coalesce(' (' || card.change_is || ')', '')), '&ndash;') || '</td>'
             || '<td>' || CASE WHEN card.available AND trend.points IS NOT NULL
                               THEN cspi.trend_svg(trend.points, card.target, card.unit, trend.labels,
                                                   CASE WHEN card.unit <> 'count' THEN card.england END)
                               ELSE '<span class="nochart">no chart: ' || cspi.html_escape(coalesce(card.reason, 'no monthly figures')) || '</span>' END
             || '</td></tr>';
    END LOOP;
    html := html || '</tbody></table></section>';
    IF region.region_schema IS NOT NULL THEN
        html := html || cspi.region_members_html(period, report_schema);
    END IF;

    -- The definitions, in plain words.
    html := html || '<section class="definitions"><h2>Appendix: definitions</h2><dl class="definitions">';
    FOR card IN SELECT i.code, i.title, i.unit, i.polarity, coalesce(i.explanation, i.definition) AS explanation
                  FROM cspi.indicator i ORDER BY i.display_order LOOP
        html := html || format('<dt id="def-%s">%s (%s)</dt><dd>%s</dd>', cspi.html_escape(card.code),
                               cspi.html_escape(card.title), cspi.html_escape(card.code),
                               cspi.html_escape(card.explanation || CASE card.polarity WHEN 'higher' THEN ' Higher is better.'
                                                                   WHEN 'lower' THEN ' Lower is better.' ELSE '' END));
    END LOOP;
    html := html || '</dl></section></body></html>';
    RETURN html;
END
$fn$;
COMMENT ON FUNCTION cspi.report_html(text, name) IS
'The year-end (or quarter or month) report as one self-contained HTML page that prints to A4: the council''s name (setting cspi.council_name), the date the data is as at (the latest event) and the last refresh, a summary, the narrative under its four headings with the cases short of the standard, the scorecard with status shown by text and symbol as well as colour and a labelled chart of the last 24 months against the target for each indicator, and an appendix of definitions in plain words. For a region (cspi.create_region): its name, its members and how the last refresh went for each, and each member''s figure and rank beside the region''s.';
