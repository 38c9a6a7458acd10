--------------------------------------------------------------------------
-- Indicators: Early help
--------------------------------------------------------------------------
-- Families and children supported by the council's own team and by external agencies (EH_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('EH_FAMILIES_INTERNAL', 460, 'Early help',
     'Families supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
     'Distinct families with internal family support open at the end of the period.',
     '{value} {family was|families were} open to the council''s own family support team at {period_end}.{verdict}',
     'The number of families receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_CHILDREN_INTERNAL', 470, 'Early help',
     'Children supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
     'Distinct children with internal family support open at the end of the period.',
     '{value} {child was|children were} open to the council''s own family support team at {period_end}.{verdict}',
     'The number of children receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_FAMILIES_EXTERNAL', 480, 'Early help',
     'Families supported by an external agency', 'count', NULL, NULL, '{family_support}',
     'Distinct families with external family support open at the end of the period.',
     '{value} {family was|families were} open to an external agency supporting families at {period_end}.{verdict}',
     'The number of families receiving early help from an external agency on the last day of the period.'),
    ('EH_CHILDREN_EXTERNAL', 490, 'Early help',
     'Children supported by an external agency', 'count', NULL, NULL, '{family_support}',
     'Distinct children with external family support open at the end of the period.',
     '{value} {child was|children were} open to an external agency supporting their families at {period_end}.{verdict}',
     'The number of children receiving early help from an external agency on the last day of the period.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('family_support_at_period_end', 'view', 170, 'early_help', NULL,
'Family support open at each month end (EH_*).',
$def$
-- The month ends each case is open on (start_date <= period_end <
-- end_date), generated from the case (the last days of the months from its
-- start's to the one before its end, kept to the report's months) rather
-- than found by comparing it with every month end.
-- (The first and last month ends are scalar subqueries, computed once for
-- the statement rather than once for each case.)
SELECT e.period_end, f.provider, f.case_id, f.family_id, f.child_id, f.start_date, f.end_date
  FROM @R@.src_family_support f
 CROSS JOIN LATERAL generate_series(
           greatest(f.start_date - extract(day FROM f.start_date)::int + 1 + interval '1 month',
                    (SELECT min(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
           least(f.end_date, (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
           interval '1 month') AS m(month_start)
  JOIN @R@.period e ON e.period_type = 'month' AND e.period_end = m.month_start::date - 1
 WHERE f.start_date IS NOT NULL AND f.start_date < 'infinity'
   AND (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') IS NOT NULL
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('EH_FAMILIES_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'child_id', 'true', NULL),
    ('EH_FAMILIES_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'child_id', 'true', NULL)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'case_id', 'The family support case (source id).'),
 ('', 'provider', 'Who gives the family support: internal or external.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;
