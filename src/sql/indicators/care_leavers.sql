--------------------------------------------------------------------------
-- Indicators: Missing children and care leavers
--------------------------------------------------------------------------
-- Return home interviews after missing episodes and care leavers' accommodation and activity (RHI_*, CL_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CL_EET_17_18', 375, 'Missing children and care leavers',
     'Care leavers aged 17-18 in education, employment or training', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 17 or 18, at their latest record in the 12 months to the end of the period, whose activity is education, training or employment (apprenticeships included) / those care leavers (activity not known included).',
     '{display} of our care leavers aged 17-18 were in education, employment or training at {period_end}.{verdict}',
     'Of the care leavers aged 17 or 18, as last recorded in the 12 months to the end of the period, the share in education, training or employment.'),
    ('CL_ACCOM_19_21', 380, 'Missing children and care leavers',
     'Care leavers aged 19-21 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21, at their latest record in the 12 months to the end of the period, in suitable accommodation / those care leavers.',
     '{display} of our care leavers aged 19-21 were in suitable accommodation at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_ACCOM_22_25', 390, 'Missing children and care leavers',
     'Care leavers aged 22-25 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in suitable accommodation / those care leavers.',
     '{display} of our care leavers aged 22-25 were in suitable accommodation at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_NEET_19_21', 400, 'Missing children and care leavers',
     'Care leavers aged 19-21 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
     'Care leavers aged 19 to 21 whose activity is NEET / those care leavers.',
     '{display} of our care leavers aged 19-21 were not in education, employment or training at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_NEET_22_25', 410, 'Missing children and care leavers',
     'Care leavers aged 22-25 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
     'Care leavers aged 22 to 25 whose activity is NEET / those care leavers.',
     '{display} of our care leavers aged 22-25 were not in education, employment or training at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_EDUCATION_19_21', 420, 'Missing children and care leavers',
     'Care leavers aged 19-21 in education', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21 in education (including higher education) / those care leavers.',
     '{display} of our care leavers aged 19-21 were in education (including studies beyond A level) at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_EDUCATION_22_25', 430, 'Missing children and care leavers',
     'Care leavers aged 22-25 in education', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in education (including higher education) / those care leavers.',
     '{display} of our care leavers aged 22-25 were in education (including studies beyond A level) at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 440, 'Missing children and care leavers',
     'Care leavers aged 19-21 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 19 to 21 in training or employment (including apprenticeships) / those care leavers.',
     '{display} of our care leavers aged 19-21 were in training or employment (including apprenticeships) at {period_end}.{verdict}',
     'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 450, 'Missing children and care leavers',
     'Care leavers aged 22-25 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
     'Care leavers aged 22 to 25 in training or employment (including apprenticeships) / those care leavers.',
     '{display} of our care leavers aged 22-25 were in training or employment (including apprenticeships) at {period_end}.{verdict}',
     'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('care_leaver_at_period_end', 'view', 160, 'care_leavers', NULL,
'Care leavers at each month end at their latest record in the 12 months before, with age band and activity group (CL_*).',
$def$
WITH record AS (
    -- Each record with the date of the child's next one (the contract's
    -- key is the child and as_at: of two records with the same date, one
    -- is kept) and the child's date of birth, found once for each record
    -- before it becomes a row for each of its month ends.
    SELECT l.child_id, l.as_at, l.in_touch, l.accommodation_suitable, l.activity, c.date_of_birth,
           lead(l.as_at) OVER (PARTITION BY l.child_id ORDER BY l.as_at) AS next_as_at
      FROM @R@.src_care_leaver l
      LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
        ON c.child_id = l.child_id
     WHERE l.child_id IS NOT NULL AND isfinite(l.as_at)
), latest AS (
    -- The month ends a record is the child's latest news on (as_at in the
    -- 12 months to the month end, and no later record by it): the month
    -- ends of its own month and the twelve after, kept to those the rule
    -- admits and to the report's months, rather than every month end
    -- compared with every record and the latest picked by sorting.
    SELECT e.period_end, r.child_id, r.as_at, r.in_touch, r.accommodation_suitable, r.activity, r.date_of_birth
      FROM record r
     CROSS JOIN LATERAL generate_series(r.as_at - extract(day FROM r.as_at)::int + 1 + interval '1 month',
                                        r.as_at - extract(day FROM r.as_at)::int + 1 + interval '13 months',
                                        interval '1 month') AS m(month_start)
      JOIN @R@.period e ON e.period_type = 'month' AND e.period_end = m.month_start::date - 1
     WHERE r.as_at > e.period_end - interval '12 months' AND r.as_at <= e.period_end
       AND (r.next_as_at IS NULL OR r.next_as_at > e.period_end)
)
SELECT l.period_end, l.child_id, l.as_at, l.date_of_birth, a.age,
       CASE WHEN a.age BETWEEN 17 AND 18 THEN '17-18' WHEN a.age BETWEEN 19 AND 21 THEN '19-21'
            WHEN a.age BETWEEN 22 AND 25 THEN '22-25' END AS age_band,
       l.in_touch, l.accommodation_suitable, l.activity,
       CASE WHEN l.activity IN ('F1', 'P1', 'F2', 'P2', 'EDUCATION') THEN 'education'
            WHEN l.activity IN ('F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'TRAINING_EMPLOYMENT') THEN 'training_employment'
            WHEN l.activity IN ('G4', 'G5', 'G6', 'NEET') THEN 'neet'
            ELSE 'unknown' END AS activity_group
  FROM latest l
  CROSS JOIN LATERAL (SELECT CASE WHEN isfinite(l.date_of_birth)
                              THEN extract(year FROM age(l.period_end, l.date_of_birth))::int END AS age) a
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CL_EET_17_18', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''17-18''', NULL, 'activity_group IN (''education'', ''training_employment'')', 'true'),
    ('CL_ACCOM_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''training_employment''', 'true'),
    ('CL_ACCOM_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''training_employment''', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('care_leavers_19_21_neet', 'care_leavers_activity', 'CL_NEET_19_21', '%', 'Care leavers aged 19 to 21 not in education, employment or training',
  'The DfE''s denominator is every care leaver aged 19 to 21 whose birthday fell in the year, activity recorded around that birthday; cspi''s is every care leaver aged 19 to 21 at the period''s end, at their latest record in the 12 months before.'),
 ('care_leavers_19_21_education', 'care_leavers_activity', 'CL_EDUCATION_19_21', '%', 'Care leavers aged 19 to 21 in education (higher education and other)',
  'As for NEET: the DfE takes the activity around the 19th, 20th or 21st birthday in the year; cspi the latest record in the 12 months to the period''s end.'),
 ('care_leavers_19_21_training_employment', 'care_leavers_activity', 'CL_TRAINING_EMPLOYMENT_19_21', '%', 'Care leavers aged 19 to 21 in training or employment (apprenticeships included)',
  'As for NEET: the DfE takes the activity around the 19th, 20th or 21st birthday in the year; cspi the latest record in the 12 months to the period''s end.'),
 ('care_leavers_17_18_eet', 'care_leavers_activity', 'CL_EET_17_18', '%', 'Care leavers aged 17 to 18 in education, employment or training',
  'The DfE''s denominator is every care leaver aged 17 or 18 whose birthday fell in the year, activity recorded around that birthday (information not known included); cspi''s is every care leaver aged 17 or 18 at the period''s end, at their latest record in the 12 months before (activity not known included).'),
 ('care_leavers_19_21_suitable', 'care_leavers_accommodation', 'CL_ACCOM_19_21', '%', 'Care leavers aged 19 to 21 in suitable accommodation',
  'The DfE''s denominator includes care leavers with no information on their accommodation; cspi''s includes those whose suitability is unknown as not suitable, the same.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'accommodation_suitable', 'The care leaver''s accommodation is suitable (NULL: unknown).'),
 ('', 'activity', 'The care leaver''s main activity (SSDA903 OC3 code or its group).'),
 ('', 'activity_group', 'The activity''s group: education, training or employment, NEET, or other.'),
 ('', 'age_band', 'The care leaver''s age band: 17-18, 19-21 or 22-25 (NULL: none of them).'),
 ('', 'as_at', 'The date the care leaver''s record refers to (the latest in the 12 months to the end of the period).'),
 ('', 'in_touch', 'The authority is in touch with the care leaver.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;
