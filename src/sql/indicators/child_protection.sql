--------------------------------------------------------------------------
-- Indicators: Child protection
--------------------------------------------------------------------------
-- Section 47 enquiries, initial conferences, plans, reviews and visits (ICPC_*, CP_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('S47_RATE', 77, 'Child protection',
     'Section 47 enquiries per 10,000 children', 'per 10,000', NULL, NULL, '{s47_enquiry,population}',
     'Section 47 enquiries with strategy_date in the period, not transfer-in, per 10,000 of the latest mid-year child population estimate on or before the end of the period (not annualised).',
     '{in_period}, section 47 enquiries started at a rate of {value} per 10,000 children.{verdict}',
     'The number of section 47 enquiries started in the period (not counting transfer-in conferences, which follow another authority''s enquiry) for every 10,000 children living in the area.'),
    ('ICPC_RATE', 78, 'Child protection',
     'Initial child protection conferences per 10,000 children', 'per 10,000', NULL, NULL, '{s47_enquiry,population}',
     'Section 47 enquiries with icpc_date in the period, not transfer-in, per 10,000 of the latest mid-year child population estimate on or before the end of the period (not annualised).',
     '{in_period}, initial child protection conferences were held at a rate of {value} per 10,000 children.{verdict}',
     'The number of initial child protection conferences held in the period (not counting transfer-in conferences) for every 10,000 children living in the area.'),
    ('ICPC_15WD', 80, 'Child protection',
     'Initial child protection conferences within 15 working days', '%', 'higher', 95, '{s47_enquiry}',
     'Section 47 enquiries with icpc_date in the period, not transfer-in, and working_days(strategy_date, icpc_date) <= 15 / those with icpc_date in the period, not transfer-in.',
     '{display} of initial child protection conferences were held within 15 working days of the strategy discussion in {period}, excluding transfer-in conferences.{verdict}',
     'Of the initial child protection conferences held in the period (not counting transfer-in conferences), the share held within 15 working days of the strategy discussion.'),
    ('CP_OPEN', 90, 'Child protection',
     'Children subject to a child protection plan', 'count', NULL, NULL, '{cp_plan}',
     'Distinct children with a child protection plan open at the end of the period.',
     '{value} {child was|children were} subject to a child protection plan at {period_end}.{verdict}',
     'The number of children subject to a child protection plan on the last day of the period.'),
    ('CP_RATE', 100, 'Child protection',
     'Children subject to a child protection plan per 10,000 children', 'per 10,000', NULL, NULL, '{cp_plan,population}',
     'CP_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children subject to a child protection plan was {value} per 10,000 children at {period_end}.{verdict}',
     'Children subject to a child protection plan on the last day of the period, per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CP_STARTED', 110, 'Child protection',
     'Child protection plans started', 'count', NULL, NULL, '{cp_plan}',
     'Plans with start_date in the period.',
     '{value} child protection {plan|plans} started in {period}.{verdict}',
     'The number of child protection plans that started in the period.'),
    ('CP_STARTED_RATE', 115, 'Child protection',
     'Child protection plans started per 10,000 children', 'per 10,000', NULL, NULL, '{cp_plan,population}',
     'CP_STARTED per 10,000 of the latest mid-year child population estimate on or before the end of the period (not annualised).',
     '{in_period}, child protection plans started at a rate of {value} per 10,000 children.{verdict}',
     'The number of child protection plans that started in the period for every 10,000 children living in the area.'),
    ('CP_REPEAT_2Y', 120, 'Child protection',
     'Child protection plans repeated within 2 years', '%', 'lower', 6, '{cp_plan}',
     'Plans starting in the period whose child has another plan with an earlier start_date and an end_date in [start_date - 2 years, start_date] / plans starting in the period.',
     '{display} of the child protection plans that started in {period} were for a child whose previous plan had ended within the 2 years before.{verdict}',
     'Of the child protection plans that started in the period, the share for a child whose previous plan ended in the 2 years before.'),
    ('CP_REPEAT_EVER', 130, 'Child protection',
     'Child protection plans for a second or subsequent time', '%', 'lower', NULL, '{cp_plan}',
     'Plans starting in the period whose child has another plan with an earlier start_date / plans starting in the period.',
     '{display} of the child protection plans that started in {period} were for a child who had been subject to a plan before (a second or subsequent plan).{verdict}',
     'Of the child protection plans that started in the period, the share for a child who had been subject to a plan before, at any time.'),
    ('CP_2YEARS_PLUS', 135, 'Child protection',
     'Child protection plans open for 2 years or more', '%', 'lower', NULL, '{cp_plan}',
     'Plans open at the end of the period (start_date on or before it, end_date NULL or after it) with start_date on or before the end of the period less 2 years / plans open at the end of the period.',
     '{display} of the child protection plans open at {period_end} had lasted 2 years or more.{verdict}',
     'Of the child protection plans open on the last day of the period, the share that had been open for 2 years or more (plans, not children, as the DfE counts them).'),
    ('CP_ALLOCATED_QSW', 140, 'Child protection',
     'Child protection cases allocated to a qualified social worker', '%', 'higher', 100, '{cp_plan,allocation,allocation.qualified_social_worker}',
     'CP_OPEN children with an allocation open at the end of the period to a qualified social worker / CP_OPEN.',
     '{display} of the children subject to a child protection plan at {period_end} were allocated to a qualified social worker.{verdict}',
     'Of the children subject to a child protection plan on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CP_REVIEW_TIMELY', 150, 'Child protection',
     'Child protection reviews within timescale', '%', 'higher', 100, '{cp_review,cp_plan}',
     'Reviews held in the period in timescale (the first by plan start + 3 months, each later one by the previous review + 6 months) / reviews held in the period.',
     '{display} of child protection reviews in {period} were completed within the required timescales.{verdict}',
     'Of the child protection review conferences held in the period, the share held on time: the first within 3 months of the plan starting, each later one within 6 months of the one before.'),
    ('CP_VISIT_10WD', 160, 'Child protection',
     'Child protection visits within 10 working days', '%', 'higher', 100, '{visit,cp_plan}',
     'cp visits in the period within 10 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.',
     '{display} of child protection statutory visits were completed within 10 working days in {period}.{verdict}',
     'Of the child protection visits made in the period, the share made within 10 working days of the child''s previous visit under the plan (or of the plan starting).'),
    ('CP_VISIT_15WD', 170, 'Child protection',
     'Child protection visits within 15 working days', '%', 'higher', 100, '{visit,cp_plan}',
     'cp visits in the period within 15 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.',
     '{display} of child protection statutory visits were completed within 15 working days in {period}.{verdict}',
     'Of the child protection visits made in the period, the share made within 15 working days of the child''s previous visit under the plan (or of the plan starting).')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

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
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

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
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

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
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

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
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_at_period_end', 'view', 140, 'child_protection', NULL,
'Children subject to a child protection plan at each month end, with their allocation (CP_OPEN, CP_RATE, CP_ALLOCATED_QSW).',
$def$
WITH open_plans AS (
    -- The plan a child is on at each month end: of the plans open on it
    -- (cp_plan_at_period_end, which generates each plan's month ends), the
    -- latest started.
    SELECT DISTINCT ON (p.period_end, p.child_id) p.period_end, p.child_id, p.plan_id, p.plan_start AS start_date
      FROM @R@.cp_plan_at_period_end p
     WHERE p.child_id IS NOT NULL
     ORDER BY p.period_end, p.child_id, p.plan_start DESC, p.plan_id DESC
), qualified AS (
    SELECT o.period_end, o.child_id
      FROM open_plans o
      JOIN @R@.src_allocation a
        ON a.child_id = o.child_id AND a.qualified_social_worker AND NOT cspi_internal.is_personal_advisor(a.role)
       AND a.start_date <= o.period_end AND (a.end_date IS NULL OR a.end_date > o.period_end)
     GROUP BY o.period_end, o.child_id
)
SELECT o.period_end, o.child_id, o.plan_id, o.start_date AS plan_start,
       q.child_id IS NOT NULL AS allocated_qsw
  FROM open_plans o
  LEFT JOIN qualified q ON q.period_end = o.period_end AND q.child_id = o.child_id
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cp_plan_at_period_end', 'view', 138, 'child_protection', NULL,
'Child protection plans open at each month end (plans, not children: a child with two overlapping plans has two rows), with how long each had lasted and whether 2 years or more (CP_2YEARS_PLUS).',
$def$
-- The month ends each plan is open on (start_date <= period_end <
-- end_date), generated from the plan: the first days of the months after
-- its start's up to its end, each less a day, kept to the report's months
-- (the first and last month ends computed once, as scalar subqueries),
-- rather than found by comparing every plan with every month end.
SELECT e.period_end, p.plan_id, p.child_id, p.start_date AS plan_start,
       p.start_date <= e.period_end - interval '2 years' AS lasted_2_years
  FROM @R@.src_cp_plan p
 CROSS JOIN LATERAL generate_series(
           greatest(p.start_date - extract(day FROM p.start_date)::int + 1 + interval '1 month',
                    (SELECT min(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
           least(p.end_date, (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
           interval '1 month') AS m(month_start)
  JOIN @R@.period e ON e.period_type = 'month' AND e.period_end = m.month_start::date - 1
 WHERE p.start_date < 'infinity'
   AND (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') IS NOT NULL
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('S47_RATE', 'event', 'icpc_timeliness', 'strategy_date', 'NOT transfer_in', NULL, 'true', NULL),
    ('ICPC_RATE', 'event', 'icpc_timeliness', 'icpc_date', 'NOT transfer_in', NULL, 'true', NULL),
    ('CP_STARTED_RATE', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'true', NULL),
    ('CP_2YEARS_PLUS', 'snapshot', 'cp_plan_at_period_end', NULL, NULL, NULL, 'lasted_2_years', 'true'),
    ('ICPC_15WD', 'event', 'icpc_timeliness', 'icpc_date', 'NOT transfer_in', NULL, 'within_15wd', 'true'),
    ('CP_STARTED', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'true', NULL),
    ('CP_REPEAT_2Y', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_within_2y', 'true'),
    ('CP_REPEAT_EVER', 'event', 'cp_plan_detail', 'start_date', NULL, NULL, 'repeat_ever', 'true'),
    ('CP_REVIEW_TIMELY', 'event', 'cp_review_timeliness', 'review_date', NULL, NULL, 'in_timescale', 'true'),
    ('CP_VISIT_10WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_10wd', 'true'),
    ('CP_VISIT_15WD', 'event', 'cp_visit_timeliness', 'visit_date', NULL, NULL, 'within_15wd', 'true'),
    ('CP_OPEN', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_RATE', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'true', NULL),
    ('CP_ALLOCATED_QSW', 'snapshot', 'cp_at_period_end', NULL, NULL, 'child_id', 'allocated_qsw', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('cp_subsequent_plans', 'cp_subsequent', 'CP_REPEAT_EVER', '%', 'Child protection plans starting in the year that were a second or subsequent plan',
  'The DfE counts any earlier plan, however long ago, as cspi''s CP_REPEAT_EVER does (CP_REPEAT_2Y, within 2 years, has no DfE equivalent).'),
 ('cp_started', 'cp_subsequent', 'CP_STARTED', 'count', 'Child protection plans starting in the year',
  'The same definition: plans, not children.'),
 ('cp_31_march', 'cp_at_31_march', 'CP_OPEN', 'count', 'Child protection plans open on 31 March',
  'The DfE counts plans, cspi children; a child has one plan at a time, so the two agree unless the source holds overlapping plans.'),
 ('cp_31_march_rate', 'cp_at_31_march', 'CP_RATE', 'per 10,000', 'Child protection plans open on 31 March per 10,000 children',
  'Derived: the DfE publishes the plans open on 31 March (CPP_At31), and the rate is computed, as cspi''s, per 10,000 of the ONS estimate of the June before. The DfE counts plans, cspi children: the same unless the source holds overlapping plans.'),
 ('cp_started_rate', 'cp_subsequent', 'CP_STARTED_RATE', 'per 10,000', 'Child protection plans starting in the year per 10,000 children',
  'Derived: the DfE publishes the plans starting (CPP_start), and the rate is computed, as cspi''s, per 10,000 of the ONS estimate of the June before the year''s end.'),
 ('cp_31_march_2_years', 'cp_at_31_march', 'CP_2YEARS_PLUS', '%', 'Child protection plans open on 31 March that had lasted 2 years or more',
  'The same definition: plans, not children (2_years_or_more over CPP_At31).')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'icpc_date', 'The date of the initial child protection conference.'),
 ('', 'measured_from', 'The date the visit''s timescale runs from: the previous visit in the plan, or the plan''s start.'),
 ('', 'plan_id', 'The child protection plan (source id).'),
 ('', 'plan_start', 'The start of the child protection plan.'),
 ('cp_plan_at_period_end', 'lasted_2_years', 'The plan had been open for 2 years or more at the month end (it started on or before the month end less 2 years).'),
 ('', 'previous_plan_end_within_2y', 'The end of the child''s previous plan that ended within 2 years before this one started.'),
 ('', 'previous_plan_start', 'The start of the child''s previous plan.'),
 ('', 'repeat_ever', 'The child has had an earlier child protection plan.'),
 ('', 'repeat_within_2y', 'The child had a plan that ended within 2 years before this one started.'),
 ('', 's47_id', 'The section 47 enquiry (source id).'),
 ('', 'strategy_date', 'The date of the strategy discussion.'),
 ('', 'transfer_in', 'The conference was a transfer-in.'),
 ('', 'within_10wd', 'Within 10 working days.'),
 ('', 'within_15wd', 'Within 15 working days.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

-- Measured in working days: the distribution of each figure's cases
-- (timeliness) and their bands (timeliness_band).  The conference bands
-- are those the DfE and LAIT publish for the working days from strategy
-- discussion to initial child protection conference; the visit bands are
-- the thresholds of CP_VISIT_10WD and CP_VISIT_15WD.
INSERT INTO cspi.indicator_timeliness (indicator, days, bands, bands_source) VALUES
    ('ICPC_15WD', 'working_days', '{0,11,16,21}', 'the DfE and LAIT: working days from strategy discussion to initial child protection conference (0-10, 11-15, 16-20, 21 and over)'),
    ('CP_VISIT_10WD', 'working_days', '{0,11,16}', 'cspi: the thresholds of CP_VISIT_10WD (10 working days) and CP_VISIT_15WD (15)'),
    ('CP_VISIT_15WD', 'working_days', '{0,11,16}', 'cspi: the thresholds of CP_VISIT_10WD (10 working days) and CP_VISIT_15WD (15)')
ON CONFLICT (indicator) DO UPDATE SET days = EXCLUDED.days, bands = EXCLUDED.bands, bands_source = EXCLUDED.bands_source;
