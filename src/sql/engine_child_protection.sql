--------------------------------------------------------------------------
-- Report objects and measures: child protection
--------------------------------------------------------------------------
-- Section 47 enquiries, plans, reviews and visits: their drill-down views and
-- what ICPC_15WD and CP_* count.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('icpc_timeliness', 'view', 40, 'child_protection', NULL,
'Each section 47 enquiry with its working days from strategy discussion to conference and whether within 15 (ICPC_15WD).',
$def$
SELECT s.s47_id, s.child_id, s.strategy_date, s.icpc_date, s.transfer_in, wd.working_days,
       s.icpc_date IS NOT NULL AND coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM @R@.src_s47_enquiry s
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(s.strategy_date, s.icpc_date, @CAL@) AS working_days
  ) wd
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_plan_detail', 'view', 50, 'child_protection', NULL,
'Each child protection plan and whether it repeats an earlier plan, within 2 years or ever (CP_STARTED, CP_REPEAT_*).',
$def$
WITH plan AS (
    -- Each row its own number: a missing or repeated plan_id must not merge
    -- two plans.
    SELECT p.*, row_number() OVER (ORDER BY p.child_id, p.start_date, p.plan_id, p.end_date) AS row_no
      FROM @R@.src_cp_plan p
), earlier AS (
    SELECT p.row_no,
           max(q.end_date) FILTER (WHERE q.end_date BETWEEN p.start_date - interval '2 years' AND p.start_date)
               AS previous_end_within_2y,
           max(q.start_date) AS previous_start
      FROM plan p
      JOIN plan q
        ON q.child_id = p.child_id AND q.row_no <> p.row_no AND q.start_date < p.start_date
     GROUP BY p.row_no
)
SELECT p.plan_id, p.child_id, p.start_date, p.end_date,
       e.previous_start AS previous_plan_start,
       e.previous_end_within_2y AS previous_plan_end_within_2y,
       e.previous_end_within_2y IS NOT NULL AS repeat_within_2y,
       e.previous_start IS NOT NULL AS repeat_ever
  FROM plan p
  LEFT JOIN earlier e ON e.row_no = p.row_no
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_review_timeliness', 'view', 60, 'child_protection', NULL,
'Each child protection review with the date it was due by and whether it was in timescale (CP_REVIEW_TIMELY).',
$def$
WITH reviews AS (
    SELECT r.review_id, r.plan_id, r.review_date,
           max(r.review_date) OVER (PARTITION BY r.plan_id ORDER BY r.review_date
                                    RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_review_date
      FROM @R@.src_cp_review r
     WHERE r.review_date IS NOT NULL
)
SELECT r.review_id, r.plan_id, p.child_id, p.start_date AS plan_start, r.review_date,
       r.previous_review_date,
       d.due_by,
       coalesce(r.review_date <= d.due_by, false) AS in_timescale
  FROM reviews r
  LEFT JOIN (SELECT DISTINCT ON (plan_id) plan_id, child_id, start_date
               FROM @R@.src_cp_plan ORDER BY plan_id, start_date) p ON p.plan_id = r.plan_id
  CROSS JOIN LATERAL (
      SELECT (CASE WHEN r.previous_review_date IS NULL THEN p.start_date + interval '3 months'
                   ELSE r.previous_review_date + interval '6 months' END)::date AS due_by
  ) d
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_visit_timeliness', 'view', 70, 'child_protection', NULL,
'Each child protection visit with the plan it belongs to, what its clock started from, its working days and whether within 10 and 15 (CP_VISIT_*).',
$def$
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date,
           row_number() OVER (ORDER BY v.child_id, v.visit_date, v.visit_id) AS row_no
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CP' AND v.visit_date IS NOT NULL
), with_plan AS (
    SELECT DISTINCT ON (v.row_no) v.*, p.plan_id, p.start_date AS plan_start
      FROM visits v
      LEFT JOIN @R@.src_cp_plan p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
     ORDER BY v.row_no, p.start_date DESC NULLS LAST, p.plan_id DESC NULLS LAST
)
SELECT w.visit_id, w.child_id, w.visit_date, w.plan_id, w.plan_start,
       CASE WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date END AS previous_visit_date,
       m.measured_from, wd.working_days,
       coalesce(wd.working_days <= 10, false) AS within_10wd,
       coalesce(wd.working_days <= 15, false) AS within_15wd
  FROM with_plan w
  CROSS JOIN LATERAL (
      SELECT CASE WHEN w.plan_id IS NULL THEN NULL
                  WHEN w.previous_visit_date >= w.plan_start THEN w.previous_visit_date
                  ELSE w.plan_start END AS measured_from
  ) m
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(m.measured_from, w.visit_date, @CAL@) AS working_days
  ) wd
$def$);

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_at_period_end', 'view', 140, 'child_protection', NULL,
'Children subject to a child protection plan at each month end, with their allocation (CP_OPEN, CP_RATE, CP_ALLOCATED_QSW).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
), open_plans AS (
    SELECT DISTINCT ON (e.period_end, p.child_id) e.period_end, p.child_id, p.plan_id, p.start_date
      FROM ends e
      JOIN @R@.src_cp_plan p
        ON p.start_date <= e.period_end AND (p.end_date IS NULL OR p.end_date > e.period_end)
     WHERE p.child_id IS NOT NULL
     ORDER BY e.period_end, p.child_id, p.start_date DESC, p.plan_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_plans o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.plan_id, o.start_date AS plan_start,
       q.child_id IS NOT NULL AS allocated_qsw
  FROM open_plans o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id
$def$);

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('ICPC_15WD', 'event', 'icpc_timeliness', 'icpc_date', 'NOT transfer_in', NULL, 'within_15wd', 'true'),
    ('CP_STARTED', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'true', NULL),
    ('CP_REPEAT_2Y', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_within_2y', 'true'),
    ('CP_REPEAT_EVER', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_ever', 'true'),
    ('CP_REVIEW_TIMELY', 'event', 'cp_review_timeliness', 'review_date', NULL, NULL, 'in_timescale', 'true'),
    ('CP_VISIT_10WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_10wd', 'true'),
    ('CP_VISIT_15WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_15wd', 'true'),
    ('CP_OPEN', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_RATE', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_ALLOCATED_QSW', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'allocated_qsw', 'true');
