--------------------------------------------------------------------------
-- Report objects and measures: early help
--------------------------------------------------------------------------
-- Family support open at each month end and what EH_* count.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('family_support_at_period_end', 'view', 170, 'early_help', NULL,
'Family support open at each month end (EH_*).',
$def$
SELECT e.period_end, f.provider, f.case_id, f.family_id, f.child_id, f.start_date, f.end_date
  FROM (SELECT period_end FROM @R@.period WHERE period_type = 'month') e
  JOIN @R@.src_family_support f
    ON f.start_date <= e.period_end AND (f.end_date IS NULL OR f.end_date > e.period_end)
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('EH_FAMILIES_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_INTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''INTERNAL''', 'child_id', 'true', NULL),
    ('EH_FAMILIES_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'family_id', 'true', NULL),
    ('EH_CHILDREN_EXTERNAL', 'snapshot', 'family_support_at_period_end', NULL, 'provider = ''EXTERNAL''', 'child_id', 'true', NULL);
