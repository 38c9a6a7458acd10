--------------------------------------------------------------------------
-- Indicators: Children in care
--------------------------------------------------------------------------
-- Children looked after: who they are, how they came and left, placements, reviews, visits and health (CIC_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CIC_OPEN', 180, 'Children in care',
     'Children in care', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with an episode of care (not a short break) open at the end of the period.',
     '{value} {child was|children were} in care at {period_end}.{verdict}',
     'The number of children in care on the last day of the period, not counting children on short breaks.'),
    ('CIC_UASC', 190, 'Children in care',
     'Children in care who are unaccompanied asylum-seeking children', 'count', NULL, NULL, '{cla_episode,cla_episode.uasc}',
     'CIC_OPEN children whose open episode has uasc true.',
     '{value} of the children in care at {period_end} {was an unaccompanied asylum-seeking child|were unaccompanied asylum-seeking children}.{verdict}',
     'Of the children in care on the last day of the period, the number who are unaccompanied asylum-seeking children.'),
    ('CIC_RATE', 200, 'Children in care',
     'Children in care per 10,000 children', 'per 10,000', NULL, NULL, '{cla_episode,population}',
     'CIC_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children in care was {value} per 10,000 children at {period_end}.{verdict}',
     'Children in care on the last day of the period per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CIC_STARTED', 210, 'Children in care',
     'Children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with a period of care starting in the period.',
     '{value} {child|children} came into care in {period}.{verdict}',
     'The number of children who started a period of care in the period.'),
    ('CIC_STARTED_RATE', 215, 'Children in care',
     'Children who started to be looked after per 10,000 children', 'per 10,000', NULL, NULL, '{cla_episode,population}',
     'CIC_STARTED per 10,000 of the latest mid-year child population estimate on or before the end of the period (not annualised).',
     '{in_period}, children came into care at a rate of {value} per 10,000 children.{verdict}',
     'The number of children who started a period of care in the period (each child once) for every 10,000 children living in the area.'),
    ('CIC_STARTED_FAMILIES', 220, 'Children in care',
     'Families of children who started to be looked after', 'count', NULL, NULL, '{cla_episode,child,child.family_id}',
     'Distinct families of the CIC_STARTED children.',
     'The children who came into care in {period} were from {value} {family|families}.{verdict}',
     'The number of families the children who started to be looked after belong to.'),
    ('CIC_STARTED_UASC', 230, 'Children in care',
     'Unaccompanied asylum-seeking children who started to be looked after', 'count', NULL, NULL, '{cla_episode,cla_episode.uasc}',
     'CIC_STARTED children whose first period of care starting in the period has uasc true on its first episode.',
     '{value} of the children who came into care in {period} {was an unaccompanied asylum-seeking child|were unaccompanied asylum-seeking children}.{verdict}',
     'Of the children who started to be looked after, the number who were unaccompanied asylum-seeking children when they came into care.'),
    ('CIC_STARTED_BEFORE', 240, 'Children in care',
     'Children who started to be looked after who had been looked after before', 'count', NULL, NULL, '{cla_episode}',
     'CIC_STARTED children with a period of care ending before the first one that starts in the period.',
     '{value} of the children who came into care in {period} had been in care before.{verdict}',
     'Of the children who started to be looked after, the number who had been in care before.'),
    ('CIC_CEASED', 250, 'Children in care',
     'Children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode}',
     'Distinct children with a period of care ending in the period.',
     '{value} {child|children} ceased to be in care in {period}.{verdict}',
     'The number of children whose period of care ended in the period.'),
    ('CIC_CEASED_FAMILIES', 260, 'Children in care',
     'Families of children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode,child,child.family_id}',
     'Distinct families of the CIC_CEASED children.',
     'The children who ceased to be in care in {period} were from {value} {family|families}.{verdict}',
     'The number of families the children who ceased to be looked after belong to.'),
    ('CIC_CEASED_HOME', 270, 'Children in care',
     'Children ceasing care who returned home', '%', 'higher', NULL, '{cla_episode}',
     'Periods of care ending in the period whose last episode''s reason_ceased is E4A or E4B / periods of care ending in the period.',
     '{display} of the periods of care that ended in {period} ended with the child returning home to their parents or others with parental responsibility.{verdict}',
     'Of the periods of care that ended in the period, the share that ended with the child returning home to their parents or others with parental responsibility.'),
    ('CIC_20_MILES', 280, 'Children in care',
     'Children in care placed 20 miles or more from home', '%', 'lower', NULL, '{cla_episode,cla_episode.distance_miles}',
     'CIC_OPEN children (not UASC, distance known) placed 20 miles or more away / those children.',
     '{display} of our children in care at {period_end} (excluding unaccompanied asylum-seeking children) were placed 20 or more miles from home.{verdict}',
     'Of the children in care on the last day of the period (not counting unaccompanied asylum-seeking children, and only where the distance is known), the share placed 20 miles or more from home.'),
    ('CIC_ALLOCATED_QSW', 290, 'Children in care',
     'Children in care allocated to a qualified social worker', '%', 'higher', 100, '{cla_episode,allocation,allocation.qualified_social_worker}',
     'CIC_OPEN children with an allocation open at the end of the period to a qualified social worker / CIC_OPEN.',
     '{display} of children in care were allocated to a qualified social worker at {period_end}.{verdict}',
     'Of the children in care on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CIC_REVIEW_TIMELY', 300, 'Children in care',
     'Looked-after reviews within timescale', '%', 'higher', 100, '{cla_review,cla_episode}',
     'Reviews held in the period in timescale (the first of a period of care within 20 working days of its start, the second by the first + 3 months, each later one by the previous + 6 months) / reviews held in the period.',
     '{display} of looked-after reviews in {period} were completed within the required timescales.{verdict}',
     'Of the looked-after reviews held in the period, the share held on time: the first within 20 working days of coming into care, the second within 3 months of the first, each later one within 6 months of the one before.'),
    ('CIC_VISIT_TIMELY', 310, 'Children in care',
     'Children in care visits within timescale', '%', 'higher', 100, '{visit,cla_episode}',
     'cic visits in the period in timescale (by the due date where given; else the first of a placement within 7 days of its start, each later one within 42 days of the previous visit) / cic visits in the period.',
     '{display} of statutory visits for children in care were completed in timescale in {period}.{verdict}',
     'Of the statutory visits to children in care made in the period, the share made on time: by the due date where one is recorded, otherwise within 7 days of a new placement and within 6 weeks of the previous visit.'),
    ('CIC_RHA_DONE', 320, 'Children in care',
     'Review health assessments completed', '%', 'higher', 100, '{health_assessment,health_assessment.due_date}',
     'Review health assessments due in the period and completed by its end / review health assessments due in the period.',
     '{display} of the review health assessments due in {period} were completed by {period_end}.{verdict}',
     'Of the review health assessments due in the period, the share completed by the end of the period.'),
    ('CIC_HEALTH_CURRENT', 330, 'Children in care',
     'Children in care with an up-to-date health assessment', '%', 'higher', 100, '{cla_episode,health_assessment,child}',
     'CIC_OPEN children in care for 12 months or more whose latest health assessment was in the last 12 months (6 for under-5s) / those children.',
     '{display} of the children in care for a year or more had an up-to-date health assessment at {period_end}.{verdict}',
     'Of the children who on the last day of the period had been in care for 12 months or more, the share whose latest health assessment was in the last 12 months (6 months for children under 5).'),
    ('CIC_STABILITY_LONG', 340, 'Children in care',
     'Long-term placement stability', '%', 'higher', 68, '{cla_episode,child}',
     'CIC_OPEN children under 16 looked after for at least 2.5 years who have been in their current placement for at least 2 years / CIC_OPEN children under 16 looked after for at least 2.5 years.',
     '{display} of our children in care aged under 16 who have been looked after for at least 2.5 years have been in their current placement for at least 2 years at {period_end}.{verdict}',
     'Of the children in care under 16 on the last day of the period who had been looked after for at least 2.5 years, the share who had been in the same placement for at least 2 years.'),
    ('CIC_STABILITY_SHORT', 350, 'Children in care',
     'Children in care with 3 or more placements in 12 months', '%', 'lower', 10, '{cla_episode}',
     'CIC_OPEN children with 3 or more placements during the 12 months to the end of the period / CIC_OPEN.',
     '{display} of our children in care at {period_end} have had 3 or more placements within the previous 12 months.{verdict}',
     'Of the children in care on the last day of the period, the share who had 3 or more placements in the 12 months before.'),
    ('CIC_SW_3PLUS', 355, 'Children in care',
     'Children in care with 3 or more social workers in 12 months', '%', 'lower', NULL, '{cla_episode,allocation,allocation.worker_id}',
     'CIC_OPEN children with allocations to 3 or more distinct workers (worker_id) open at some time in the 12 months to the end of the period while in their current period of care (allocation start_date on or before the end of the period, end_date NULL or after the later of the first day of those 12 months and the start of the period of care) / CIC_OPEN.',
     '{display} of our children in care at {period_end} had 3 or more social workers in the previous 12 months.{verdict}',
     'Of the children in care on the last day of the period, the share who had been allocated to 3 or more different workers while in care in the 12 months before.'),
    ('RHI_72H', 360, 'Missing children and care leavers',
     'Return home interviews offered within 72 hours', '%', 'higher', NULL, '{missing_episode}',
     'Missing episodes (not other authority) returning in the period with an interview offered within 72 hours of the return / missing episodes (not other authority) returning in the period.',
     '{in_period}, a return home interview was offered within 72 hours for {display} of the missing episodes that ended (excluding children looked after by other authorities).{verdict}',
     'Of the missing episodes that ended in the period (not counting children looked after by other authorities), the share where a return home interview was offered within 72 hours of the child returning.'),
    ('RHI_ENGAGED', 370, 'Missing children and care leavers',
     'Return home interviews with the child''s engagement', '%', 'higher', NULL, '{missing_episode}',
     'RHI_72H episodes offered an interview with rhi_engaged true / RHI_72H episodes offered an interview.',
     '{in_period}, the child engaged in {display} of the return home interviews offered.{verdict}',
     'Of the missing episodes where a return home interview was offered within 72 hours, the share where the child engaged in the interview.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_episode_detail', 'view', 80, 'children_in_care', NULL,
'Each episode of care (short breaks left out) with its period of care and placement numbers.',
$def$
WITH ep AS (
    SELECT e.*,
           e.placement IN ('T0', 'T1', 'T2', 'T3', 'T4') AS temporary,
           row_number() OVER w AS seq,
           lag(e.end_date) OVER w AS previous_end,
           lag(e.reason_ceased) OVER w AS previous_reason_ceased
      FROM @R@.src_cla_episode e
     WHERE e.legal_status IS DISTINCT FROM 'V3' AND e.legal_status IS DISTINCT FROM 'V4'
       AND e.start_date IS NOT NULL
    WINDOW w AS (PARTITION BY e.child_id ORDER BY e.start_date, e.episode_id)
), marked AS (
    SELECT ep.*,
           (ep.seq = 1 OR ep.reason_new = 'S'
            OR (ep.previous_end IS NOT NULL AND ep.previous_reason_ceased IS DISTINCT FROM 'X1'))
               AS starts_period_of_care
      FROM ep
), numbered AS (
    SELECT marked.*,
           sum(starts_period_of_care::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
               AS period_of_care
      FROM marked
), placement_marked AS (
    SELECT numbered.*,
           (reason_new IN ('S', 'P', 'B') AND NOT coalesce(temporary, false)
            AND NOT coalesce(lag(temporary) OVER (PARTITION BY child_id, period_of_care
                                                  ORDER BY start_date, episode_id), false))
               AS starts_placement
      FROM numbered
)
SELECT episode_id, child_id, start_date, end_date, reason_new, legal_status, placement,
       reason_ceased, distance_miles, uasc, coalesce(temporary, false) AS temporary,
       period_of_care, starts_period_of_care, starts_placement,
       sum(starts_placement::int) OVER (PARTITION BY child_id ORDER BY start_date, episode_id)
           AS placement_number
  FROM placement_marked
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_period_of_care', 'view', 90, 'children_in_care', NULL,
'Each period of care: start, end, first and last episode, UASC at start, whether the child returned home, and the child''s family.',
$def$
SELECT g.child_id, g.period_of_care, g.start_date,
       CASE WHEN g.last_end_date IS NOT NULL AND g.last_reason_ceased IS DISTINCT FROM 'X1'
            THEN g.last_end_date END AS end_date,
       g.first_episode_id, g.last_episode_id, g.first_reason_new,
       g.first_reason_new = 'S' AS starts_with_s,
       g.uasc_at_start, g.last_reason_ceased,
       g.last_end_date IS NOT NULL AND g.last_reason_ceased IN ('E4A', 'E4B') AS returned_home,
       g.episodes, c.family_id
  FROM (SELECT child_id, period_of_care,
               min(start_date) AS start_date,
               (array_agg(end_date ORDER BY start_date DESC, episode_id DESC))[1] AS last_end_date,
               (array_agg(reason_ceased ORDER BY start_date DESC, episode_id DESC))[1] AS last_reason_ceased,
               (array_agg(episode_id ORDER BY start_date, episode_id))[1] AS first_episode_id,
               (array_agg(episode_id ORDER BY start_date DESC, episode_id DESC))[1] AS last_episode_id,
               (array_agg(reason_new ORDER BY start_date, episode_id))[1] AS first_reason_new,
               (array_agg(uasc ORDER BY start_date, episode_id))[1] AS uasc_at_start,
               count(*) AS episodes
          FROM @R@.cla_episode_detail
         GROUP BY child_id, period_of_care) g
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = g.child_id
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_placement', 'view', 100, 'children_in_care', NULL,
'Each placement (temporary placements and returns from them are not new placements), with its start and end.',
$def$
SELECT s.child_id, s.placement_number, s.period_of_care, s.episode_id AS first_episode_id,
       s.placement AS placement_type, s.start_date,
       least(lead(s.start_date) OVER (PARTITION BY s.child_id ORDER BY s.placement_number),
             poc.end_date) AS end_date
  FROM @R@.cla_episode_detail s
  JOIN @R@.cla_period_of_care poc ON poc.child_id = s.child_id AND poc.period_of_care = s.period_of_care
 WHERE s.starts_placement
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cla_review_timeliness', 'view', 110, 'children_in_care', NULL,
'Each looked-after review with its period of care, its number in it and whether it was in timescale (CIC_REVIEW_TIMELY).',
$def$
WITH with_poc AS (
    -- One row per review row: a missing or repeated review_id must not merge
    -- two reviews.
    SELECT DISTINCT ON (r.row_no) r.review_id, r.child_id, r.review_date,
           poc.period_of_care, poc.start_date AS period_of_care_start
      FROM (SELECT x.*, row_number() OVER (ORDER BY x.child_id, x.review_date, x.review_id) AS row_no
              FROM @R@.src_cla_review x) r
      LEFT JOIN @R@.cla_period_of_care poc
        ON poc.child_id = r.child_id AND poc.start_date <= r.review_date
       AND (poc.end_date IS NULL OR poc.end_date >= r.review_date)
     WHERE r.review_date IS NOT NULL
     ORDER BY r.row_no, poc.start_date DESC NULLS LAST, poc.period_of_care DESC NULLS LAST
), ranked AS (
    SELECT w.*,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               dense_rank() OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date) END
               AS review_number,
           CASE WHEN w.period_of_care IS NOT NULL THEN
               max(w.review_date) OVER (PARTITION BY w.child_id, w.period_of_care ORDER BY w.review_date
                                        RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING) END
               AS previous_review_date
      FROM with_poc w
)
SELECT r.review_id, r.child_id, r.review_date, r.period_of_care, r.period_of_care_start,
       r.review_number, r.previous_review_date, wd.working_days_from_start,
       CASE WHEN r.review_number = 2 THEN (r.previous_review_date + interval '3 months')::date
            WHEN r.review_number > 2 THEN (r.previous_review_date + interval '6 months')::date END AS due_by,
       CASE WHEN r.period_of_care IS NULL THEN false
            WHEN r.review_number = 1 THEN coalesce(wd.working_days_from_start <= 20, false)
            WHEN r.review_number = 2 THEN r.review_date <= r.previous_review_date + interval '3 months'
            ELSE r.review_date <= r.previous_review_date + interval '6 months' END AS in_timescale
  FROM ranked r
  CROSS JOIN LATERAL (
      SELECT CASE WHEN r.review_number = 1
                  THEN cspi.working_days_or_null(r.period_of_care_start, r.review_date, @CAL@) END
                 AS working_days_from_start
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cic_visit_timeliness', 'view', 120, 'children_in_care', NULL,
'Each child-in-care visit with its placement, the previous visit and whether it was in timescale (CIC_VISIT_TIMELY).',
$def$
WITH visits AS (
    SELECT v.visit_id, v.child_id, v.visit_date, v.due_date,
           max(v.visit_date) OVER (PARTITION BY v.child_id ORDER BY v.visit_date
                                   RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING)
               AS previous_visit_date
      FROM @R@.src_visit v
     WHERE v.visit_type = 'CIC' AND v.visit_date IS NOT NULL
), placement_reign AS (
    -- The visit's placement is the latest started (then the highest
    -- numbered) of those open on the visit day.  A child's placements
    -- follow one another (each ends by the next one's start, and its
    -- period of care's end), so that is the latest started by the visit
    -- day, when it is still open then, and none when it is not: each
    -- placement that can be open on some day (it ends on or after its
    -- start) is the latest started from its start to the next such
    -- placement's start, and a visit is joined to at most one, with no
    -- sort to pick one per visit.
    SELECT p.child_id, p.placement_number, p.start_date, p.end_date,
           lead(p.start_date) OVER (PARTITION BY p.child_id ORDER BY p.start_date, p.placement_number) AS next_start
      FROM @R@.cla_placement p
     WHERE p.end_date IS NULL OR p.end_date >= p.start_date
), with_placement AS (
    SELECT v.*, p.placement_number, p.start_date AS placement_start
      FROM visits v
      LEFT JOIN placement_reign p
        ON p.child_id = v.child_id AND p.start_date <= v.visit_date
       AND (p.next_start IS NULL OR v.visit_date < p.next_start)
       AND (p.end_date IS NULL OR p.end_date >= v.visit_date)
)
SELECT w.visit_id, w.child_id, w.visit_date, w.due_date, w.placement_number, w.placement_start,
       w.previous_visit_date, f.first_of_placement,
       CASE WHEN w.due_date IS NOT NULL THEN w.visit_date <= w.due_date
            WHEN w.placement_number IS NULL THEN false
            WHEN f.first_of_placement THEN w.visit_date - w.placement_start <= 7
            ELSE w.visit_date - w.previous_visit_date <= 42 END AS in_timescale
  FROM with_placement w
  CROSS JOIN LATERAL (
      SELECT w.placement_number IS NOT NULL
             AND (w.previous_visit_date IS NULL OR w.previous_visit_date < w.placement_start)
                 AS first_of_placement
  ) f
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('missing_return_interview', 'view', 130, 'children_in_care', NULL,
'Each missing episode with the time to the return home interview offer and whether within 72 hours (RHI_*): real hours when the source has timestamptz columns (a clock change does not count), wall-clock hours when it has timestamp columns.',
$def$
SELECT m.episode_id, m.child_id, m.start_at, m.returned_at, m.rhi_offered_at,
       m.rhi_offered_at - m.returned_at AS time_to_offer,
       coalesce(m.rhi_offered_at <= m.returned_at + interval '72 hours', false) AS offered_within_72h,
       m.rhi_offered_at IS NOT NULL AS offered,
       m.rhi_engaged AS engaged,
       m.other_authority
  FROM @R@.src_missing_episode m
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cic_at_period_end', 'view', 150, 'children_in_care', NULL,
'Children in care at each month end with every snapshot flag: UASC, distance, allocation, health, placement stability.',
$def$
WITH open_episode AS (
    -- The month ends each episode is open on (start_date <= period_end <
    -- end_date), generated from the episode rather than found by comparing
    -- it with every month end: the first days of the months after its start
    -- up to its end, each less a day, kept to the report's months.  (No
    -- common table expression is read twice, so that the whole can run in
    -- a parallel worker beside the other counting queries.)  The report's
    -- first and last month ends are scalar subqueries, computed once for
    -- the statement rather than once for each episode, and the rows come
    -- out in the child's order, the order the stream below is read in.
    -- The start of the episode's period of care and the child's date of
    -- birth are found once for each episode, before it becomes a row for
    -- each of its month ends.
    SELECT DISTINCT ON (x.child_id, e.period_end)
           e.period_end, x.child_id, x.episode_id, x.uasc, x.distance_miles, x.period_of_care,
           poc.start_date AS period_of_care_start, c.date_of_birth
      FROM @R@.cla_episode_detail x
      LEFT JOIN @R@.cla_period_of_care poc ON poc.child_id = x.child_id AND poc.period_of_care = x.period_of_care
      LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, date_of_birth FROM @R@.src_child ORDER BY child_id) c
        ON c.child_id = x.child_id
     CROSS JOIN LATERAL generate_series(
               greatest(x.start_date - extract(day FROM x.start_date)::int + 1 + interval '1 month',
                        (SELECT min(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
               least(x.end_date, (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') + 1),
               interval '1 month') AS m(month_start)
      JOIN @R@.period e ON e.period_type = 'month' AND e.period_end = m.month_start::date - 1
     WHERE x.child_id IS NOT NULL AND x.start_date IS NOT NULL AND x.start_date < 'infinity'
       AND (SELECT max(period_end) FROM @R@.period WHERE period_type = 'month') IS NOT NULL
     ORDER BY x.child_id, e.period_end, x.start_date DESC, x.episode_id DESC
), stream AS (
    -- Each child's month ends in care and the events that say what holds on
    -- each, in one stream ordered by date, read in one pass (window
    -- functions over the child's stream) rather than joined to every month
    -- end: placements started (P) and no longer open (Q, on the later of
    -- start and end), placements ended before a 12-month window opens (R,
    -- on the later of the end and the day after the start, so that a
    -- placement is out of the window ending on a month end exactly when it
    -- started before the window and ended by its first day), a qualified
    -- social worker's allocations started (A) and no longer open (B), and
    -- health assessments completed (H).
    SELECT o.child_id, o.period_end AS d, 'M' AS kind, o.episode_id, o.uasc, o.distance_miles, o.period_of_care,
           o.period_of_care_start, o.date_of_birth
      FROM open_episode o
    UNION ALL
    SELECT p.child_id, e.d, e.kind, NULL, NULL, NULL, NULL, NULL, NULL
      FROM @R@.cla_placement p
     CROSS JOIN LATERAL (VALUES (p.start_date, 'P'),
                                (CASE WHEN p.end_date IS NOT NULL THEN greatest(p.start_date, p.end_date) END, 'Q'),
                                (CASE WHEN p.end_date IS NOT NULL THEN greatest(p.end_date, p.start_date + 1) END, 'R')) AS e(d, kind)
     WHERE p.child_id IS NOT NULL AND e.d IS NOT NULL
    UNION ALL
    SELECT a.child_id, e.d, e.kind, NULL, NULL, NULL, NULL, NULL, NULL
      FROM @R@.src_allocation a
     CROSS JOIN LATERAL (VALUES (a.start_date, 'A'),
                                (CASE WHEN a.end_date IS NOT NULL THEN greatest(a.start_date, a.end_date) END, 'B')) AS e(d, kind)
     WHERE a.qualified_social_worker AND NOT cspi_internal.is_personal_advisor(a.role)
       AND a.child_id IS NOT NULL AND a.start_date IS NOT NULL AND e.d IS NOT NULL
    UNION ALL
    SELECT h.child_id, h.completed_date, 'H', NULL, NULL, NULL, NULL, NULL, NULL
      FROM @R@.src_health_assessment h
     WHERE h.kind IN ('INITIAL', 'REVIEW') AND h.child_id IS NOT NULL AND h.completed_date IS NOT NULL
), swept AS (
    -- On each month end: placements started by it, how many of those are
    -- no longer open, how many ended before the 12 months to it began, the
    -- latest start; allocations open; the latest health assessment.
    SELECT s.*,
           count(*) FILTER (WHERE s.kind = 'P') OVER upto AS placements_started,
           count(*) FILTER (WHERE s.kind = 'Q') OVER upto AS placements_closed,
           count(*) FILTER (WHERE s.kind = 'R') OVER before_year AS placements_before_year,
           max(s.d) FILTER (WHERE s.kind = 'P') OVER upto AS latest_placement_start,
           count(*) FILTER (WHERE s.kind = 'A') OVER upto - count(*) FILTER (WHERE s.kind = 'B') OVER upto
               AS allocations_open,
           max(s.d) FILTER (WHERE s.kind = 'H') OVER upto AS latest_health
      FROM stream s
    WINDOW upto AS (PARTITION BY s.child_id ORDER BY s.d RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           before_year AS (PARTITION BY s.child_id ORDER BY s.d
                           RANGE BETWEEN UNBOUNDED PRECEDING AND interval '12 months -1 day' PRECEDING)
), month_end AS (
    -- A child's placements follow one another (each ends by the next one's
    -- start), so only the latest started by the month end can be open on
    -- it: the current placement, when one is.
    SELECT w.d AS period_end, w.child_id, w.episode_id, w.uasc, w.distance_miles, w.period_of_care,
           w.period_of_care_start, w.date_of_birth,
           w.allocations_open > 0 AS allocated_qsw,
           w.placements_started - w.placements_before_year AS placements_12m,
           CASE WHEN w.placements_started > w.placements_closed THEN w.latest_placement_start END AS current_start,
           w.latest_health
      FROM swept w
     WHERE w.kind = 'M'
)
SELECT o.period_end, o.child_id, o.episode_id, o.uasc, o.distance_miles,
       NOT o.uasc AND o.distance_miles IS NOT NULL AS distance_counted,
       NOT o.uasc AND coalesce(o.distance_miles >= 20, false) AS placed_20_miles_or_more,
       o.allocated_qsw,
       o.date_of_birth, a.age,
       o.period_of_care_start,
       o.current_start AS placement_start,
       o.placements_12m,
       o.placements_12m >= 3 AS three_or_more_placements,
       o.latest_health AS latest_health_assessment,
       coalesce(o.period_of_care_start <= o.period_end - interval '12 months', false) AS health_counted,
       coalesce(o.latest_health >= o.period_end - CASE WHEN a.age < 5 THEN interval '6 months'
                                                      ELSE interval '12 months' END, false) AS health_current,
       coalesce(a.age < 16 AND o.period_of_care_start <= o.period_end - interval '30 months', false)
           AS stability_counted,
       coalesce(o.current_start <= o.period_end - interval '2 years', false) AS placement_2_years,
       sw.social_workers_12m,
       -- (Fewer than 3 allocations cannot be 3 workers: the count is not
       -- made again for them.)
       coalesce(cardinality(al.workers) >= 3 AND sw.social_workers_12m >= 3, false) AS three_or_more_social_workers
  FROM month_end o
  -- Each child's allocated workers, gathered once per child (one hash
  -- join), then counted for each month end from the child's own few: an
  -- allocation counts when it started by the month end and had not ended
  -- by the later of the first day of the 12 months and the start of the
  -- period of care.  Most children have had one allocation, which is
  -- tested in place; only a child with several is counted by a subquery.
  LEFT JOIN (SELECT a.child_id, array_agg(a.worker_id) AS workers, array_agg(a.start_date) AS starts,
                    array_agg(a.end_date) AS ends
               FROM @R@.src_allocation a
              WHERE a.child_id IS NOT NULL AND a.worker_id IS NOT NULL AND a.start_date IS NOT NULL
                AND NOT cspi_internal.is_personal_advisor(a.role)
              GROUP BY a.child_id) al ON al.child_id = o.child_id
  CROSS JOIN LATERAL (SELECT greatest((o.period_end - interval '12 months')::date + 1, o.period_of_care_start) AS since) y
  CROSS JOIN LATERAL (
      SELECT CASE WHEN al.child_id IS NULL THEN 0
                  WHEN cardinality(al.workers) = 1
                  THEN (al.starts[1] <= o.period_end AND (al.ends[1] IS NULL OR al.ends[1] > y.since))::int
                  ELSE (SELECT count(DISTINCT w.worker_id)
                          FROM unnest(al.workers, al.starts, al.ends) AS w(worker_id, start_date, end_date)
                         WHERE w.start_date <= o.period_end
                           AND (w.end_date IS NULL OR w.end_date > y.since)) END AS social_workers_12m) sw
  CROSS JOIN LATERAL (SELECT CASE WHEN isfinite(o.date_of_birth)
                              THEN extract(year FROM age(o.period_end, o.date_of_birth))::int END AS age) a
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('health_review_due', 'view', 125, 'children_in_care', NULL,
'Each review health assessment with its due date and the date it was done, if it was (CIC_RHA_DONE: due in the period, done by its end).',
$def$
SELECT h.child_id, h.due_date, h.completed_date
  FROM @R@.src_health_assessment h
 WHERE h.kind = 'REVIEW' AND h.due_date IS NOT NULL
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CIC_STARTED', 'event', 'cla_period_of_care', 'start_date', NULL, 'child_id', 'true', NULL),
    ('CIC_STARTED_RATE', 'event', 'cla_period_of_care', 'start_date', NULL, 'child_id', 'true', NULL),
    ('CIC_STARTED_FAMILIES', 'event', 'cla_period_of_care', 'start_date', NULL, 'family_id', 'true', NULL),
    ('CIC_CEASED', 'event', 'cla_period_of_care', 'end_date', NULL, 'child_id', 'true', NULL),
    ('CIC_CEASED_FAMILIES', 'event', 'cla_period_of_care', 'end_date', NULL, 'family_id', 'true', NULL),
    ('CIC_CEASED_HOME', 'event', 'cla_period_of_care', 'end_date', NULL, NULL, 'returned_home', 'true'),
    ('CIC_REVIEW_TIMELY', 'event', 'cla_review_timeliness', 'review_date', NULL, NULL, 'in_timescale', 'true'),
    ('CIC_VISIT_TIMELY', 'event', 'cic_visit_timeliness', 'visit_date', NULL, NULL, 'in_timescale', 'true'),
    ('CIC_RHA_DONE', 'event', 'health_review_due', 'due_date', NULL, NULL, 'completed_date <= period_end', 'true'),
    ('RHI_72H', 'event', 'missing_return_interview', 'cspi.local_date(returned_at)', 'NOT other_authority', NULL, 'offered_within_72h', 'true'),
    ('RHI_ENGAGED', 'event', 'missing_return_interview', 'cspi.local_date(returned_at)', 'NOT other_authority', NULL, 'offered AND engaged', 'offered'),
    ('CIC_OPEN', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'true', NULL),
    ('CIC_UASC', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'uasc', NULL),
    ('CIC_RATE', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'true', NULL),
    ('CIC_20_MILES', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'placed_20_miles_or_more', 'distance_counted'),
    ('CIC_ALLOCATED_QSW', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'allocated_qsw', 'true'),
    ('CIC_HEALTH_CURRENT', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'health_counted AND health_current', 'health_counted'),
    ('CIC_STABILITY_LONG', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'stability_counted AND placement_2_years', 'stability_counted'),
    ('CIC_STABILITY_SHORT', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'three_or_more_placements', 'true'),
    ('CIC_SW_3PLUS', 'snapshot', 'cic_at_period_end', NULL, NULL, NULL, 'three_or_more_social_workers', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- A child's first period of care starting in a period decides these two.
INSERT INTO cspi.indicator_measure (indicator, kind, query, cases_query) VALUES
    ('CIC_STARTED_UASC', 'query', $q$
SELECT s.period_type, s.period, count(*) FILTER (WHERE s.first_in_period AND s.uasc_at_start) AS num, NULL::bigint AS den
  FROM (SELECT q.*, p.period_type, p.period,
               row_number() OVER (PARTITION BY q.child_id, p.period_type, p.period
                                  ORDER BY q.start_date, q.period_of_care) = 1 AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
          CROSS JOIN LATERAL cspi.periods_of(q.start_date) p
         WHERE cspi.in_report_years(q.start_date)) s
 GROUP BY 1, 2
$q$, $q$
SELECT true, s.child_id, s.first_episode_id, s.start_date, to_jsonb(s)
  FROM (SELECT q.*,
               row_number() OVER (PARTITION BY q.child_id ORDER BY q.start_date, q.period_of_care) = 1
                   AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
         WHERE cspi.in_report_years(q.start_date) AND q.start_date BETWEEN $1 AND $2) s
 WHERE s.first_in_period AND s.uasc_at_start
$q$),
    ('CIC_STARTED_BEFORE', 'query', $q$
SELECT s.period_type, s.period, count(*) FILTER (WHERE s.first_in_period AND s.child_first_end < s.start_date) AS num, NULL::bigint AS den
  FROM (SELECT q.*, p.period_type, p.period,
               row_number() OVER (PARTITION BY q.child_id, p.period_type, p.period
                                  ORDER BY q.start_date, q.period_of_care) = 1 AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
          CROSS JOIN LATERAL cspi.periods_of(q.start_date) p
         WHERE cspi.in_report_years(q.start_date)) s
 GROUP BY 1, 2
$q$, $q$
SELECT true, s.child_id, s.first_episode_id, s.start_date, to_jsonb(s)
  FROM (SELECT q.*,
               row_number() OVER (PARTITION BY q.child_id ORDER BY q.start_date, q.period_of_care) = 1
                   AS first_in_period
          FROM (SELECT poc.*, min(poc.end_date) OVER (PARTITION BY poc.child_id) AS child_first_end
                  FROM @R@.cla_period_of_care poc) q
         WHERE cspi.in_report_years(q.start_date) AND q.start_date BETWEEN $1 AND $2) s
 WHERE s.first_in_period AND s.child_first_end < s.start_date
$q$)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, query = EXCLUDED.query, cases_query = EXCLUDED.cases_query;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('cla_31_march', 'cla_numbers', 'CIC_OPEN', 'count', 'Children looked after on 31 March',
  'The DfE counts children looked after on 31 March; cspi''s CIC_OPEN for a financial year is the same snapshot at its last day (short breaks excluded in both). Figures are rounded by the DfE to the nearest 10 nationally and regionally.'),
 ('cla_31_march_rate', 'cla_numbers', 'CIC_RATE', 'per 10,000', 'Children looked after on 31 March per 10,000 children aged under 18',
  'The DfE divides by the ONS mid-year estimate of the year before (30 June), as cspi does, and rounds to a whole number: cspi recomputes it to one decimal from the published count and population.'),
 ('cla_started', 'cla_numbers', 'CIC_STARTED', 'count', 'Children starting to be looked after during the year',
  'The DfE counts each child once however many periods of care started in the year, as cspi does.'),
 ('cla_ceased', 'cla_numbers', 'CIC_CEASED', 'count', 'Children ceasing to be looked after during the year',
  'The DfE counts each child once however many periods of care ended in the year, as cspi does.'),
 ('cla_stability_long', 'cla_stability', 'CIC_STABILITY_LONG', '%', 'Children under 16 looked after continuously for at least 2.5 years, living with the same carer for at least 2 years',
  'The DfE asks for the same carer (a placement with the same carer after a change of placement type counts as one); cspi asks for the same placement, which temporary placements and same-carer changes do not end.'),
 ('cla_three_placements', 'cla_stability', 'CIC_STABILITY_SHORT', '%', 'Children looked after on 31 March with 3 or more placements during the year',
  'The DfE counts placements during the year ending 31 March; cspi during the 12 months to the period''s end, the same for a financial year.'),
 ('cla_started_rate', 'cla_numbers', 'CIC_STARTED_RATE', 'per 10,000', 'Children starting to be looked after during the year per 10,000 children aged under 18',
  'The same definition (each child once), over the ONS estimate of the June before, as cspi''s; the DfE rounds to a whole number, cspi recomputes one decimal from the published count and population.'),
 ('cla_three_social_workers', 'cla_social_workers', 'CIC_SW_3PLUS', '%', 'Children looked after on 31 March with 3 or more social workers during the year',
  'The DfE counts the social workers the SSDA903 records for the child during the year ending 31 March; cspi counts the distinct workers of the child''s allocations open at some time in the 12 months to the period''s end while in the current period of care (all allocated workers, qualified or not).')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('cic_at_period_end', 'social_workers_12m', 'The distinct workers (allocation worker_id) allocated to the child at some time in the 12 months to the month end while in the current period of care.'),
 ('cic_at_period_end', 'three_or_more_social_workers', 'The child had 3 or more workers in those 12 months (CIC_SW_3PLUS).'),
 ('', 'distance_counted', 'The child counts in the 20-miles indicator (not UASC, distance known).'),
 ('', 'distance_miles', 'Distance of the placement from home, in miles.'),
 ('', 'due_date', 'The date it was due.'),
 ('', 'engaged', 'The child engaged with the return home interview.'),
 ('', 'episodes', 'How many episodes the period of care has.'),
 ('', 'first_episode_id', 'The first episode of the period of care or placement.'),
 ('', 'first_of_placement', 'The visit is the first of its placement.'),
 ('', 'first_reason_new', 'The reason for new episode (RNE) of the period''s first episode.'),
 ('', 'health_counted', 'The child counts in CIC_HEALTH_CURRENT (in care for 12 months or more).'),
 ('', 'health_current', 'The child''s latest health assessment is up to date.'),
 ('', 'last_episode_id', 'The last episode of the period of care.'),
 ('', 'last_reason_ceased', 'The reason episode ceased (REC) of the period''s last episode.'),
 ('', 'latest_health_assessment', 'The date of the child''s latest health assessment before the end of the period.'),
 ('', 'legal_status', 'The legal status (SSDA903 LS).'),
 ('', 'offered', 'A return home interview was offered.'),
 ('', 'offered_within_72h', 'The interview was offered within 72 hours of the return.'),
 ('', 'other_authority', 'The child is looked after by another authority.'),
 ('', 'period_of_care', 'The period of care (numbered per child, from 1).'),
 ('', 'period_of_care_start', 'The start of the period of care.'),
 ('', 'placed_20_miles_or_more', 'The child is placed 20 miles or more from home.'),
 ('', 'placement', 'The placement type (SSDA903 PLACE).'),
 ('', 'placement_2_years', 'The child has been in the current placement for at least 2 years.'),
 ('', 'placement_number', 'The placement (numbered per period of care, from 1).'),
 ('', 'placement_start', 'The start of the placement.'),
 ('', 'placement_type', 'The placement type (SSDA903 PLACE).'),
 ('', 'placements_12m', 'Placements the child had in the 12 months to the end of the period.'),
 ('', 'reason_ceased', 'The reason episode ceased (SSDA903 REC).'),
 ('', 'reason_new', 'The reason for new episode (SSDA903 RNE).'),
 ('', 'returned_at', 'When the child returned.'),
 ('', 'returned_home', 'The period of care ended with the child returning home (REC E4A or E4B).'),
 ('', 'review_number', 'The review''s number in the period of care, from 1.'),
 ('', 'rhi_offered_at', 'When the return home interview was offered.'),
 ('', 'stability_counted', 'The child counts in CIC_STABILITY_LONG (under 16, looked after for at least 2.5 years).'),
 ('', 'start_at', 'When the missing episode started.'),
 ('', 'starts_period_of_care', 'The episode starts a period of care.'),
 ('', 'starts_placement', 'The episode starts a placement.'),
 ('', 'starts_with_s', 'The period of care is a series of short breaks (legal status V1 or V3 on its first episode).'),
 ('', 'temporary', 'The episode is a temporary placement change (not a new placement).'),
 ('', 'three_or_more_placements', 'The child had 3 or more placements in the 12 months to the end of the period.'),
 ('', 'time_to_offer', 'Time from the return to the interview''s offer.'),
 ('', 'uasc', 'The child is an unaccompanied asylum-seeking child.'),
 ('', 'uasc_at_start', 'The child was an unaccompanied asylum-seeking child at the start of the period of care.'),
 ('', 'working_days_from_start', 'Working days from the start of the period of care to the review.'),
 ('health_review_due', 'completed_date', 'The date the review health assessment was completed (NULL: not yet).'),
 ('cla_review_timeliness', 'working_days', 'Working days from the start of the period of care to the review.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;
