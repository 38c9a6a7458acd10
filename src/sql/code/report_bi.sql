INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'age', 'The child''s age in whole years at the end of the period.'),
 ('', 'allocated_qsw', 'The child has an allocation open at the end of the period to a qualified social worker.'),
 ('', 'available', 'True when the source has every relation the indicator needs.'),
 ('', 'calendar', 'The working-day calendar the report counts with.'),
 ('', 'child_id', 'The child (source id).'),
 ('', 'code', 'The indicator''s code (cspi.indicator.code).'),
 ('', 'completed_date', 'The date it was completed.'),
 ('', 'cspi_version', 'The version of cspi that deployed the report.'),
 ('', 'date_of_birth', 'The child''s date of birth.'),
 ('', 'denominator', 'The figure''s denominator: the cases counted (percentages) or the child population (rates); NULL for counts.'),
 ('', 'deployed_at', 'When the report was deployed.'),
 ('', 'display', 'The figure as the report shows it: ''81.4% (1,119 / 1,374)'', ''65.6'', ''1,554''.'),
 ('', 'due_by', 'The date the review was due by.'),
 ('', 'end_date', 'The date it ended (NULL: open).'),
 ('', 'episode_id', 'The episode (source id).'),
 ('', 'family_id', 'The child''s family (source id; NULL: not known).'),
 ('', 'fraction', 'A percentage as a fraction from 0 to 1 (numerator / denominator, exact), for BI percent formats; NULL for counts and rates.'),
 ('', 'in_timescale', 'It was held or made within its timescale.'),
 ('', 'indicator', 'The indicator''s code (cspi.indicator.code).'),
 ('', 'missing_relations', 'The source relations the indicator needs that the source lacks.'),
 ('indicator_availability', 'reason', 'Why the indicator is unavailable, in words: for each relation or column it needs that the source lacks, the reason the source gives (its optional relation source_gap, which cspi.source_from_ssd writes), else that the source lacks it; NULL when available.'),
 ('', 'numerator', 'The figure''s numerator: the cases in timescale (percentages) or the count.'),
 ('', 'period', 'The period: a financial year ''2023/24'', a quarter ''2023/24 Q1'' or a month ''2023-04''.'),
 ('', 'period_end', 'The last day of the period.'),
 ('', 'period_start', 'The first day of the period.'),
 ('', 'period_type', 'year, quarter or month.'),
 ('', 'present_relations', 'The source relations the source schema has.'),
 ('', 'previous_review_date', 'The date of the previous review.'),
 ('', 'previous_visit_date', 'The date of the previous visit.'),
 ('', 'problem', 'What is wrong with the row, in words.'),
 ('', 'refreshed_at', 'When these figures were computed (the report''s last refresh or deploy).'),
 ('', 'relation', 'The source relation the row is in.'),
 ('', 'review_date', 'The date of the review.'),
 ('', 'review_id', 'The review (source id).'),
 ('', 'row_id', 'The row''s id in its source relation (both columns of a two-column key, ''?'' for a missing one); when its id is missing, the columns that place it instead, such as ''child C5 received 2024-06-03''.'),
 ('', 'shown', 'The figure as shown, rounded as the report rounds it (percentages 0 to 100, one decimal; rates per 10,000, one decimal).'),
 ('', 'source_schema', 'The source schema the report reads.'),
 ('', 'start_date', 'The date it started.'),
 ('', 'status', 'met or not met against the target (NULL: no target or no figure).'),
 ('', 'target', 'The target in force for the period, in the indicator''s unit (NULL: none).'),
 ('', 'unit', '%, count or per 10,000.'),
 ('', 'value', 'The exact value: percentages 0 to 100, rates per 10,000, counts.'),
 ('', 'visit_date', 'The date of the visit.'),
 ('', 'visit_id', 'The visit (source id).'),
 ('', 'working_days', 'Working days between the two dates that decide the case, on the report''s calendar.'),
 ('', 'display_order', 'The indicator''s order in the report.'),
 ('', 'section', 'The report section.'),
 ('', 'title', 'The indicator''s title.'),
 ('', 'polarity', 'higher or lower is better (NULL: neither).'),
 ('', 'previous_period', 'The previous comparable period: the year before, or the same quarter or month a year before.'),
 ('', 'previous_display', 'The figure for the previous comparable period, as shown.'),
 ('', 'previous_shown', 'The figure for the previous comparable period, rounded as shown.'),
 ('', 'change', 'increase, decrease or no change from the previous comparable period (NULL: no figure to compare).'),
 ('', 'change_is', 'better or worse, by the polarity (NULL: no polarity, no change or nothing to compare).'),
 ('', 'reason', 'Why there is no figure, in words (NULL: there is one).'),
 ('', 'data_as_at', 'When the report''s figures were last computed (its last refresh or deploy).'),
 ('', 'england', 'England''s figure as the DfE published it for the year ending 31 March (financial years only), in the indicator''s unit.'),
 ('', 'region', 'The council''s region''s published figure (London for a London borough).'),
 ('', 'statistical_neighbours', 'The mean of the published figures of the council''s ten statistical neighbours (DfE model), suppressed ones left out, to one decimal (LAIT''s comparison).'),
 ('', 'statistical_neighbours_median', 'The median of the same neighbours'' published figures, suppressed ones left out, to one decimal (the DfE dashboard''s comparison).'),
 ('', 'la_published', 'The council''s own figure as the DfE published it, to reconcile with cspi''s.'),
 ('', 'la_quartile', 'The council''s quartile among all local authorities by the published figure: 1 the best quarter, 4 the worst (indicators where higher or lower is better).'),
 ('', 'la_code', 'The council''s local authority (old three-digit code) given to cspi.deploy(); NULL: none.'),
 ('data_quality', 'child_id', 'The child, where the row names one.'),
 ('scorecard', 'available', 'True when the source has what the indicator needs and the report has a row for the period (the figure may still be NULL: see reason).')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

-- Comment every column of a published view.
CREATE OR REPLACE FUNCTION cspi_internal.comment_report_columns(schema name, object text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attname,
               CASE WHEN object LIKE 'src\_%'
                    THEN (SELECT upper(left(cc.meaning, 1)) || substr(cc.meaning, 2) || '.'
                            FROM cspi.contract_column cc
                           WHERE cc.relation = substr(object, 5) AND cc.column_name = a.attname)
                    ELSE coalesce((SELECT r.comment FROM cspi.report_column r
                                    WHERE r.object = comment_report_columns.object AND r.column_name = a.attname),
                                  (SELECT r.comment FROM cspi.report_column r
                                    WHERE r.object = '' AND r.column_name = a.attname)) END AS comment
          FROM pg_attribute a
         WHERE a.attrelid = format('%I.%I', schema, object)::regclass AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema, object, col.attname, col.comment);
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION cspi_internal.comment_report_columns(name, text) IS
'Comments every column of the published view schema.object from cspi.report_column (src_ views: from the data contract); called by deploy.';

-- Why a scorecard row has no figure, as a council reader would say it.
CREATE OR REPLACE FUNCTION cspi_internal.relation_noun(relation text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE relation
        WHEN 'referral' THEN 'referrals'
        WHEN 'referral.completed_date' THEN 'the dates referrals were completed'
        WHEN 'child.family_id' THEN 'children''s families'
        WHEN 'cla_episode.distance_miles' THEN 'the distance of placements from home'
        WHEN 'assessment' THEN 'child and family assessments'
        WHEN 's47_enquiry' THEN 'section 47 enquiries'
        WHEN 'cp_plan' THEN 'child protection plans'
        WHEN 'cp_review' THEN 'child protection reviews'
        WHEN 'cla_episode' THEN 'episodes of care'
        WHEN 'cla_review' THEN 'looked-after reviews'
        WHEN 'visit' THEN 'statutory visits'
        WHEN 'allocation' THEN 'social worker allocations'
        WHEN 'health_assessment' THEN 'health assessments'
        WHEN 'missing_episode' THEN 'missing episodes'
        WHEN 'care_leaver' THEN 'care leavers'' records'
        WHEN 'family_support' THEN 'family support cases'
        WHEN 'child' THEN 'children''s details (dates of birth, families)'
        WHEN 'population' THEN 'child population estimates'
        ELSE relation END;
COMMENT ON FUNCTION cspi_internal.relation_noun(text) IS
'A data contract relation as a council reader names it: ''health assessments'' for health_assessment.';

CREATE OR REPLACE FUNCTION cspi_internal.no_figure_reason(indicator text, missing_relations text[], has_events boolean)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
    SELECT CASE
        WHEN missing_relations IS NULL
            THEN 'the report was deployed before this indicator was added: redeploy it (cspi.redeploy())'
        WHEN cardinality(missing_relations) > 0
            THEN 'the data loaded into cspi does not include '
                 || (SELECT CASE WHEN count(*) = 1 THEN min(n)
                                 ELSE string_agg(n, ', ' ORDER BY o) FILTER (WHERE o < count_all)
                                      || ' or ' || max(n) FILTER (WHERE o = count_all) END
                       FROM (SELECT cspi_internal.relation_noun(r) AS n, row_number() OVER (ORDER BY o) AS o,
                                    count(*) OVER () AS count_all
                               FROM unnest(missing_relations) WITH ORDINALITY AS u(r, o)
                              -- a column of a missing relation goes without saying
                              WHERE NOT (r LIKE '%.%' AND split_part(r, '.', 1) = ANY (missing_relations))) x)
        WHEN NOT has_events THEN 'there are no records for that period'
        WHEN i.unit = '%' THEN 'there were no cases to count'
        ELSE 'there is no child population estimate for that period' END
      FROM cspi.indicator i WHERE i.code = no_figure_reason.indicator;
    END;
COMMENT ON FUNCTION cspi_internal.no_figure_reason(text, text[], boolean) IS
'Why an indicator has no figure for a period, in words a council reader understands: the data that is missing (missing_relations; NULL: the report predates the indicator), no records in the period, no cases (a zero denominator) or no population estimate.';

-- The reason a scorecard row gives, a council's or a region's.
CREATE OR REPLACE FUNCTION cspi.figure_reason(indicator text, display text, shown numeric, available boolean,
                                              missing_relations text[], has_row boolean)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN shown IS NOT NULL THEN NULL
                WHEN display = 'c' THEN 'the figure is suppressed, because it would disclose a small number'
                -- only a region has an indicator unavailable with no data missing
                WHEN NOT available AND missing_relations = '{}' THEN 'no member council''s figures for it could be read'
                ELSE cspi_internal.no_figure_reason(indicator, missing_relations, has_row) END;
COMMENT ON FUNCTION cspi.figure_reason(text, text, numeric, boolean, text[], boolean) IS
'Why a scorecard row has no figure (NULL when it has one): suppressed in a region (display ''c''), no member council''s figures read (a region), else cspi_internal.no_figure_reason.';

-- The scorecard of every period, as a view.
INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('scorecard', 'view', 200, 'report', NULL,
'The scorecard of every period (year, quarter and month): one row per indicator and period with its figure, target, status, the previous comparable period''s figure, the change and whether it is better or worse, why there is no figure, and for financial years the DfE''s published figures beside it (England, region, the statistical neighbours'' mean and median, the council''s own, its quartile). cspi.scorecard(period) is the same for one period.',
$def$
SELECT p.period_type, p.period, p.period_start, p.period_end,
       i.display_order, i.section, i.code, i.title, i.unit,
       v.display, v.shown, v.fraction, v.numerator, v.denominator,
       t.target, i.polarity, cspi.target_status(v.shown, t.target, i.polarity) AS status,
       pp.period AS previous_period, pv.display AS previous_display, pv.shown AS previous_shown,
       cspi.change_word(v.shown, pv.shown) AS change,
       cspi.change_judgement(v.shown, pv.shown, i.polarity) AS change_is,
       coalesce(a.available, false) AND v.indicator IS NOT NULL AS available,
       cspi.figure_reason(i.code, v.display, v.shown, a.available, a.missing_relations, v.indicator IS NOT NULL) AS reason,
       (SELECT max(x.refreshed_at) FROM @R@.indicator_value x) AS data_as_at,
       bm.england, bm.region, bm.statistical_neighbours, bm.statistical_neighbours_median,
       bm.la_published, bm.la_quartile
  FROM cspi.indicator i
  CROSS JOIN @R@.period p
  CROSS JOIN LATERAL (SELECT cspi.previous_period(p.period) AS period) pp
  CROSS JOIN LATERAL (SELECT cspi.target_for(i.code, p.period) AS target) t
  LEFT JOIN @R@.indicator_availability a ON a.indicator = i.code
  LEFT JOIN @R@.indicator_value v ON v.indicator = i.code AND v.period_type = p.period_type AND v.period = p.period
  LEFT JOIN @R@.indicator_value pv ON pv.indicator = i.code AND pv.period_type = p.period_type AND pv.period = pp.period
  -- The DfE's published figures, for financial years (cspi.benchmarks).
  LEFT JOIN (SELECT y.period, b.*
               FROM @R@.period y
              CROSS JOIN LATERAL cspi.benchmarks(y.period, (SELECT a.old_la_code FROM cspi.deployment d
                                                              JOIN cspi.local_authority a ON a.old_la_code = d.la_code
                                                             WHERE d.report_schema = @SCHEMA@)) b
              WHERE y.period_type = 'year') bm ON bm.period = p.period AND bm.indicator = i.code
$def$)
ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, build_order = excluded.build_order, family = excluded.family,
                                 unique_key = excluded.unique_key, comment = excluded.comment, definition = excluded.definition;
