--------------------------------------------------------------------------
-- Report objects and measures: care leavers
--------------------------------------------------------------------------
-- Care leavers at each month end and what CL_* count, per age band.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('care_leaver_at_period_end', 'view', 160, 'care_leavers', NULL,
'Care leavers at each month end at their latest record in the 12 months before, with age band and activity group (CL_*).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), latest AS (
    SELECT DISTINCT ON (e.period_end, l.child_id)
           e.period_end, l.child_id, l.as_at, l.in_touch, l.accommodation_suitable, l.activity
      FROM ends e
      JOIN @R@.src_care_leaver l
        ON l.as_at > e.period_end - interval '12 months' AND l.as_at <= e.period_end
     WHERE l.child_id IS NOT NULL
     ORDER BY e.period_end, l.child_id, l.as_at DESC
)
SELECT l.period_end, l.child_id, l.as_at, c.date_of_birth, a.age,
       CASE WHEN a.age BETWEEN 19 AND 21 THEN '19-21' WHEN a.age BETWEEN 22 AND 25 THEN '22-25' END AS age_band,
       l.in_touch, l.accommodation_suitable, l.activity,
       CASE WHEN l.activity IN ('F1', 'P1', 'F2', 'P2', 'EDUCATION') THEN 'education'
            WHEN l.activity IN ('F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'TRAINING_EMPLOYMENT') THEN 'training_employment'
            WHEN l.activity IN ('G4', 'G5', 'G6', 'NEET') THEN 'neet'
            ELSE 'unknown' END AS activity_group
  FROM latest l
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = l.child_id
  CROSS JOIN LATERAL (SELECT CASE WHEN isfinite(c.date_of_birth)
                              THEN extract(year FROM age(l.period_end, c.date_of_birth))::int END AS age) a
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CL_ACCOM_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''19-21''', NULL, 'activity_group = ''training_employment''', 'true'),
    ('CL_ACCOM_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'accommodation_suitable', 'true'),
    ('CL_NEET_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''neet''', 'true'),
    ('CL_EDUCATION_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''education''', 'true'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 'snapshot', 'care_leaver_at_period_end', NULL, 'age_band = ''22-25''', NULL, 'activity_group = ''training_employment''', 'true');
