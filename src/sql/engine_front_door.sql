--------------------------------------------------------------------------
-- Report objects and measures: the front door
--------------------------------------------------------------------------
-- Referrals and assessments: their drill-down views and what REF_*, REREFERRAL_*
-- and CFA_* count.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('referral_timeliness', 'view', 20, 'front_door', NULL,
'Each referral with its working days from receipt to completion, whether within 1 and over 3 working days, and whether it was a re-referral within 12 months (REF_1WD, REF_OVER_3WD, REREFERRAL_*).',
$def$
WITH referral AS (
    -- Each row its own number: a missing or repeated referral_id must not
    -- merge two referrals (or two children's).
    SELECT r.*, row_number() OVER (ORDER BY r.child_id, r.referral_date, r.referral_id, r.completed_date) AS row_no
      FROM @R@.src_referral r
), previous AS (
    SELECT r.row_no, max(p.referral_date) AS previous_referral_date
      FROM referral r
      JOIN referral p
        ON p.child_id = r.child_id AND p.row_no <> r.row_no
       AND p.referral_date >= r.referral_date - interval '12 months'
       AND p.referral_date < r.referral_date
     GROUP BY r.row_no
)
SELECT r.referral_id, r.child_id, c.family_id, r.referral_date, r.completed_date,
       wd.working_days,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days <= 1, false) AS within_1wd,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days > 3, true) AS over_3wd,
       pr.previous_referral_date,
       pr.previous_referral_date IS NOT NULL AS rereferral_12m
  FROM referral r
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = r.child_id
  LEFT JOIN previous pr ON pr.row_no = r.row_no
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(r.referral_date, r.completed_date, @CAL@) AS working_days
  ) wd
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('assessment_timeliness', 'view', 30, 'front_door', NULL,
'Each assessment with its working days from start to authorisation and whether within 45 (CFA_*).',
$def$
SELECT a.assessment_id, a.child_id, a.start_date, a.authorised_date, wd.working_days,
       a.authorised_date IS NOT NULL AND coalesce(wd.working_days <= 45, false) AS within_45wd
  FROM @R@.src_assessment a
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(a.start_date, a.authorised_date, @CAL@) AS working_days
  ) wd
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('REF_1WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'within_1wd', 'true'),
    ('REF_OVER_3WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'over_3wd', 'true'),
    ('REREFERRAL_12M', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'rereferral_12m', 'true'),
    ('REREFERRAL_CHILDREN', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'child_id', 'true', NULL),
    ('REREFERRAL_FAMILIES', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'family_id', 'true', NULL),
    ('CFA_COMPLETED', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'true', NULL),
    ('CFA_45WD', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'within_45wd', 'true');
