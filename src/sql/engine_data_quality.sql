--------------------------------------------------------------------------
-- Report objects: data quality
--------------------------------------------------------------------------
-- The source rows that break the data contract or its logic.

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('data_quality', 'view', 180, 'data_quality', NULL,
'Source rows that break the data contract or its logic, each with its relation, row id and the problem; none is dropped silently.',
$def$
WITH cal AS (
    SELECT lower(r) AS lo, upper(r) - 1 AS hi FROM cspi.calendar_range(@CAL@) AS r
), has_child AS (
    SELECT 'child' = ANY (present_relations) AS yes FROM @R@.deployment
), known_child AS (
    SELECT DISTINCT child_id FROM @R@.src_child
), child_refs(relation, row_id, child_id) AS (
    SELECT 'referral', referral_id, child_id FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, child_id FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, child_id FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'cp_plan', plan_id, child_id FROM @R@.src_cp_plan
    UNION ALL SELECT 'cla_episode', episode_id, child_id FROM @R@.src_cla_episode
    UNION ALL SELECT 'cla_review', review_id, child_id FROM @R@.src_cla_review
    UNION ALL SELECT 'visit', visit_id, child_id FROM @R@.src_visit
    UNION ALL SELECT 'allocation', child_id || ' from ' || coalesce(start_date::text, '?'), child_id FROM @R@.src_allocation
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), child_id FROM @R@.src_health_assessment
    UNION ALL SELECT 'missing_episode', episode_id, child_id FROM @R@.src_missing_episode
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || coalesce(as_at::text, '?'), child_id FROM @R@.src_care_leaver
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, child_id FROM @R@.src_family_support
), working_day_dates(relation, row_id, d) AS (
    SELECT 'referral', referral_id, referral_date FROM @R@.src_referral WHERE completed_date IS NOT NULL
    UNION ALL SELECT 'referral', referral_id, completed_date FROM @R@.src_referral
    UNION ALL SELECT 'assessment', assessment_id, start_date FROM @R@.src_assessment WHERE authorised_date IS NOT NULL
    UNION ALL SELECT 'assessment', assessment_id, authorised_date FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', s47_id, strategy_date FROM @R@.src_s47_enquiry WHERE icpc_date IS NOT NULL
    UNION ALL SELECT 's47_enquiry', s47_id, icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'visit', visit_id, visit_date FROM @R@.src_visit WHERE visit_type = 'CP'
    UNION ALL SELECT 'cla_review', review_id, review_date FROM @R@.src_cla_review
), event_dates(relation, row_id, column_name, d) AS (
    -- the dates that place a row in a period (end dates of spells read as
    -- open when after the report's years, so they are not here)
    SELECT 'referral', coalesce(referral_id, '(no id)'), 'referral_date', referral_date FROM @R@.src_referral
    UNION ALL SELECT 'referral', coalesce(referral_id, '(no id)'), 'completed_date', completed_date FROM @R@.src_referral
    UNION ALL SELECT 'assessment', coalesce(assessment_id, '(no id)'), 'start_date', start_date FROM @R@.src_assessment
    UNION ALL SELECT 'assessment', coalesce(assessment_id, '(no id)'), 'authorised_date', authorised_date FROM @R@.src_assessment
    UNION ALL SELECT 's47_enquiry', coalesce(s47_id, '(no id)'), 'strategy_date', strategy_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 's47_enquiry', coalesce(s47_id, '(no id)'), 'icpc_date', icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT 'cp_plan', coalesce(plan_id, '(no id)'), 'start_date', start_date FROM @R@.src_cp_plan
    UNION ALL SELECT 'cp_review', coalesce(review_id, '(no id)'), 'review_date', review_date FROM @R@.src_cp_review
    UNION ALL SELECT 'cla_episode', coalesce(episode_id, '(no id)'), 'start_date', start_date FROM @R@.src_cla_episode
    UNION ALL SELECT 'cla_review', coalesce(review_id, '(no id)'), 'review_date', review_date FROM @R@.src_cla_review
    UNION ALL SELECT 'visit', coalesce(visit_id, '(no id)'), 'visit_date', visit_date FROM @R@.src_visit
    UNION ALL SELECT 'health_assessment', coalesce(child_id, '?') || ' due ' || coalesce(due_date::text, '?'), 'completed_date', completed_date FROM @R@.src_health_assessment
    UNION ALL SELECT 'missing_episode', coalesce(episode_id, '(no id)'), 'returned_at', cspi.local_date(returned_at) FROM @R@.src_missing_episode
    UNION ALL SELECT 'care_leaver', coalesce(child_id, '?') || ' at ' || coalesce(as_at::text, '?'), 'as_at', as_at FROM @R@.src_care_leaver
    UNION ALL SELECT 'family_support', coalesce(case_id, '?') || '/' || coalesce(child_id, '?'), 'start_date', start_date FROM @R@.src_family_support
), end_dates(relation, row_id, column_name, d) AS (
    SELECT 'cp_plan', coalesce(plan_id, '(no id)'), 'end_date', end_date FROM @R@.src_cp_plan
    UNION ALL SELECT 'cla_episode', coalesce(episode_id, '(no id)'), 'end_date', end_date FROM @R@.src_cla_episode
    UNION ALL SELECT 'allocation', coalesce(child_id, '?') || ' from ' || coalesce(start_date::text, '?'), 'end_date', end_date FROM @R@.src_allocation
    UNION ALL SELECT 'family_support', coalesce(case_id, '?') || '/' || coalesce(child_id, '?'), 'end_date', end_date FROM @R@.src_family_support
), problems(relation, row_id, problem) AS (
    -- duplicate keys
    SELECT 'child', child_id, 'duplicate child_id' FROM @R@.src_child GROUP BY child_id HAVING count(*) > 1
    UNION ALL SELECT 'population', year::text, 'duplicate year' FROM @R@.src_population GROUP BY year HAVING count(*) > 1
    UNION ALL SELECT 'referral', referral_id, 'duplicate referral_id' FROM @R@.src_referral GROUP BY referral_id HAVING count(*) > 1
    UNION ALL SELECT 'assessment', assessment_id, 'duplicate assessment_id' FROM @R@.src_assessment GROUP BY assessment_id HAVING count(*) > 1
    UNION ALL SELECT 's47_enquiry', s47_id, 'duplicate s47_id' FROM @R@.src_s47_enquiry GROUP BY s47_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_plan', plan_id, 'duplicate plan_id' FROM @R@.src_cp_plan GROUP BY plan_id HAVING count(*) > 1
    UNION ALL SELECT 'cp_review', review_id, 'duplicate review_id' FROM @R@.src_cp_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_episode', episode_id, 'duplicate episode_id' FROM @R@.src_cla_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'cla_review', review_id, 'duplicate review_id' FROM @R@.src_cla_review GROUP BY review_id HAVING count(*) > 1
    UNION ALL SELECT 'visit', visit_id, 'duplicate visit_id' FROM @R@.src_visit GROUP BY visit_id HAVING count(*) > 1
    UNION ALL SELECT 'missing_episode', episode_id, 'duplicate episode_id' FROM @R@.src_missing_episode GROUP BY episode_id HAVING count(*) > 1
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'duplicate (child_id, as_at)' FROM @R@.src_care_leaver GROUP BY child_id, as_at HAVING count(*) > 1
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'duplicate (case_id, child_id)' FROM @R@.src_family_support GROUP BY case_id, child_id HAVING count(*) > 1
    -- missing ids: the row is still counted, under a number of its own
    UNION ALL SELECT 'child', format('born %s, family %s', coalesce(date_of_birth::text, '?'), coalesce(family_id, '?')), 'child_id is missing' FROM @R@.src_child WHERE child_id IS NULL
    UNION ALL SELECT 'referral', format('child %s received %s', coalesce(child_id, '?'), coalesce(referral_date::text, '?')), 'referral_id is missing (counted all the same)' FROM @R@.src_referral WHERE referral_id IS NULL
    UNION ALL SELECT 'assessment', format('child %s started %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'assessment_id is missing (counted all the same)' FROM @R@.src_assessment WHERE assessment_id IS NULL
    UNION ALL SELECT 's47_enquiry', format('child %s strategy %s', coalesce(child_id, '?'), coalesce(strategy_date::text, '?')), 's47_id is missing (counted all the same)' FROM @R@.src_s47_enquiry WHERE s47_id IS NULL
    UNION ALL SELECT 'cp_plan', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'plan_id is missing (counted all the same)' FROM @R@.src_cp_plan WHERE plan_id IS NULL
    UNION ALL SELECT 'cp_review', format('plan %s on %s', coalesce(plan_id, '?'), coalesce(review_date::text, '?')), 'review_id is missing (counted all the same)' FROM @R@.src_cp_review WHERE review_id IS NULL
    UNION ALL SELECT 'cla_episode', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_date::text, '?')), 'episode_id is missing (counted all the same)' FROM @R@.src_cla_episode WHERE episode_id IS NULL
    UNION ALL SELECT 'cla_review', format('child %s on %s', coalesce(child_id, '?'), coalesce(review_date::text, '?')), 'review_id is missing (counted all the same)' FROM @R@.src_cla_review WHERE review_id IS NULL
    UNION ALL SELECT 'visit', format('child %s on %s', coalesce(child_id, '?'), coalesce(visit_date::text, '?')), 'visit_id is missing (counted all the same)' FROM @R@.src_visit WHERE visit_id IS NULL
    UNION ALL SELECT 'missing_episode', format('child %s from %s', coalesce(child_id, '?'), coalesce(start_at::text, '?')), 'episode_id is missing (counted all the same)' FROM @R@.src_missing_episode WHERE episode_id IS NULL
    -- dates outside the report's years: never placed in a period
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is outside the years a report covers (%s to %s): not counted',
                            e.column_name, e.d, cspi.report_first_day(), cspi.report_last_day())
      FROM event_dates e WHERE e.d IS NOT NULL AND NOT cspi.in_report_years(e.d)
    UNION ALL SELECT e.relation, e.row_id,
                     format('%s %s is before the years a report covers (from %s)', e.column_name, e.d, cspi.report_first_day())
      FROM end_dates e WHERE e.d < cspi.report_first_day()
    -- population rows that cannot give a rate
    UNION ALL SELECT 'population', coalesce(year::text, '?'), 'not a positive number of children in a year from 1 to 9999: not used'
      FROM @R@.src_population WHERE NOT coalesce(year BETWEEN 1 AND 9999 AND children > 0, false)
    -- missing dates an indicator needs
    UNION ALL SELECT 'referral', referral_id, 'referral_date is missing' FROM @R@.src_referral WHERE referral_date IS NULL
    UNION ALL SELECT 'assessment', assessment_id, 'start_date is missing' FROM @R@.src_assessment WHERE start_date IS NULL
    UNION ALL SELECT 's47_enquiry', s47_id, 'strategy_date is missing' FROM @R@.src_s47_enquiry WHERE strategy_date IS NULL
    UNION ALL SELECT 'cp_plan', plan_id, 'start_date is missing' FROM @R@.src_cp_plan WHERE start_date IS NULL
    UNION ALL SELECT 'cla_episode', episode_id, 'start_date is missing' FROM @R@.src_cla_episode WHERE start_date IS NULL
    UNION ALL SELECT 'cp_review', review_id, 'review_date is missing' FROM @R@.src_cp_review WHERE review_date IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'review_date is missing' FROM @R@.src_cla_review WHERE review_date IS NULL
    UNION ALL SELECT 'visit', visit_id, 'visit_date is missing' FROM @R@.src_visit WHERE visit_date IS NULL
    UNION ALL SELECT 'child', child_id, 'date_of_birth is missing' FROM @R@.src_child WHERE date_of_birth IS NULL
    -- an end before its start
    UNION ALL SELECT 'referral', referral_id, 'completed before it was received (negative working days)' FROM @R@.src_referral WHERE completed_date < referral_date
    UNION ALL SELECT 'assessment', assessment_id, 'authorised before it started (negative working days)' FROM @R@.src_assessment WHERE authorised_date < start_date
    UNION ALL SELECT 's47_enquiry', s47_id, 'conference before the strategy discussion (negative working days)' FROM @R@.src_s47_enquiry WHERE icpc_date < strategy_date
    UNION ALL SELECT 'cp_plan', plan_id, 'ends before it starts' FROM @R@.src_cp_plan WHERE end_date < start_date
    UNION ALL SELECT 'cla_episode', episode_id, 'ends before it starts' FROM @R@.src_cla_episode WHERE end_date < start_date
    UNION ALL SELECT 'allocation', child_id || ' from ' || start_date, 'ends before it starts' FROM @R@.src_allocation WHERE end_date < start_date
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'ends before it starts' FROM @R@.src_family_support WHERE end_date < start_date
    UNION ALL SELECT 'missing_episode', episode_id, 'returned before going missing' FROM @R@.src_missing_episode WHERE returned_at < start_at
    UNION ALL SELECT 'missing_episode', episode_id, 'engaged with a return home interview that was never offered (not counted as engaged)' FROM @R@.src_missing_episode WHERE rhi_engaged AND rhi_offered_at IS NULL
    UNION ALL SELECT 'health_assessment', child_id || ' due ' || coalesce(due_date::text, '?'), 'kind is not initial or review' FROM @R@.src_health_assessment WHERE kind IS NULL OR kind NOT IN ('INITIAL', 'REVIEW')
    -- dates the calendar cannot count working days for
    UNION ALL SELECT w.relation, w.row_id, 'date ' || w.d || ' is outside the range of calendar ' || @CAL@ || ': no working days counted'
      FROM working_day_dates w, cal WHERE w.d NOT BETWEEN cal.lo AND cal.hi
    -- children that the child relation does not know
    UNION ALL SELECT r.relation, r.row_id, 'unknown child ' || coalesce(r.child_id, 'NULL')
      FROM child_refs r, has_child
     WHERE has_child.yes
       AND NOT EXISTS (SELECT 1 FROM known_child k WHERE k.child_id = r.child_id)
    -- events with nothing to be timely against
    UNION ALL SELECT 'cp_review', review_id, 'review of an unknown plan: not in timescale' FROM @R@.cp_review_timeliness WHERE child_id IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cp visit with no child protection plan open that day: not in timescale' FROM @R@.cp_visit_timeliness WHERE plan_id IS NULL
    UNION ALL SELECT 'cla_review', review_id, 'looked-after review with no period of care open that day: not in timescale' FROM @R@.cla_review_timeliness WHERE period_of_care IS NULL
    UNION ALL SELECT 'visit', visit_id, 'cic visit with no due date and no placement that day: not in timescale' FROM @R@.cic_visit_timeliness WHERE due_date IS NULL AND placement_number IS NULL
    -- care episodes
    UNION ALL SELECT 'cla_episode', e.episode_id, 'overlaps the child''s previous episode'
      FROM (SELECT episode_id, start_date,
                   max(coalesce(end_date, 'infinity')) OVER (PARTITION BY child_id ORDER BY start_date, episode_id
                                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
              FROM @R@.src_cla_episode
             WHERE legal_status IS DISTINCT FROM 'V3' AND legal_status IS DISTINCT FROM 'V4') e
     WHERE e.start_date < e.previous_end
    UNION ALL SELECT 'cla_episode', first_episode_id, 'period of care does not begin with reason_new S (counted as a period of care all the same)'
      FROM @R@.cla_period_of_care WHERE NOT coalesce(starts_with_s, false)
    -- codes
    UNION ALL SELECT 'cla_episode', episode_id, 'unknown reason_new ' || coalesce(reason_new, 'NULL') FROM @R@.src_cla_episode WHERE reason_new IS NULL OR reason_new NOT IN ('S', 'L', 'P', 'T', 'B', 'U')
    UNION ALL SELECT 'visit', visit_id, 'unknown visit_type ' || coalesce(visit_type, 'NULL') FROM @R@.src_visit WHERE visit_type IS NULL OR visit_type NOT IN ('CP', 'CIC')
    UNION ALL SELECT 'family_support', case_id || '/' || child_id, 'unknown provider ' || coalesce(provider, 'NULL') FROM @R@.src_family_support WHERE provider IS NULL OR provider NOT IN ('INTERNAL', 'EXTERNAL')
    UNION ALL SELECT 'care_leaver', child_id || ' at ' || as_at, 'unknown activity ' || activity FROM @R@.src_care_leaver
     WHERE activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                            'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN')
)
SELECT relation, row_id, problem FROM problems
$def$);
