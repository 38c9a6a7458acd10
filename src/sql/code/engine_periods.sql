--------------------------------------------------------------------------
-- Report objects: periods
--------------------------------------------------------------------------
-- The years, quarters and months a report covers (cspi.report_object rows).

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('period', 'materialized view', 10, 'periods', 'period_type, period',
'Every financial year, quarter and month from the first to the last financial year with events in the source. Refreshed by cspi.refresh() before indicator_value.',
$def$
WITH event_dates(d) AS (
    SELECT referral_date FROM @R@.src_referral UNION ALL SELECT completed_date FROM @R@.src_referral
    UNION ALL SELECT start_date FROM @R@.src_assessment UNION ALL SELECT authorised_date FROM @R@.src_assessment
    UNION ALL SELECT strategy_date FROM @R@.src_s47_enquiry UNION ALL SELECT icpc_date FROM @R@.src_s47_enquiry
    UNION ALL SELECT start_date FROM @R@.src_cp_plan UNION ALL SELECT end_date FROM @R@.src_cp_plan
    UNION ALL SELECT review_date FROM @R@.src_cp_review
    UNION ALL SELECT start_date FROM @R@.src_cla_episode UNION ALL SELECT end_date FROM @R@.src_cla_episode
    UNION ALL SELECT review_date FROM @R@.src_cla_review
    UNION ALL SELECT visit_date FROM @R@.src_visit
    -- (a personal advisor's allocation is not a social worker's: only
    -- Annex A reads it)
    UNION ALL SELECT start_date FROM @R@.src_allocation WHERE NOT cspi_internal.is_personal_advisor(role)
    UNION ALL SELECT end_date FROM @R@.src_allocation WHERE NOT cspi_internal.is_personal_advisor(role)
    UNION ALL SELECT completed_date FROM @R@.src_health_assessment
    UNION ALL SELECT cspi.local_date(start_at) FROM @R@.src_missing_episode
    UNION ALL SELECT cspi.local_date(returned_at) FROM @R@.src_missing_episode
    UNION ALL SELECT cspi.local_date(rhi_offered_at) FROM @R@.src_missing_episode
    UNION ALL SELECT as_at FROM @R@.src_care_leaver
    UNION ALL SELECT start_date FROM @R@.src_family_support UNION ALL SELECT end_date FROM @R@.src_family_support
), span AS (
    -- The dates cspi.in_report_years() admits, its last day computed once
    -- rather than for each of the source's dates.
    SELECT min(d) AS first_event, max(d) AS last_event
      FROM event_dates
     WHERE d BETWEEN cspi.report_first_day() AND (SELECT cspi.report_last_day())
), months AS (
    SELECT (make_date(y, 4, 1) + m * interval '1 month')::date AS month_start
      FROM span,
           generate_series(extract(year FROM span.first_event - interval '3 months')::int,
                           extract(year FROM span.last_event - interval '3 months')::int) AS y,
           generate_series(0, 11) AS m
     WHERE span.first_event IS NOT NULL
)
SELECT DISTINCT p.period_type, p.period, p.period_start, p.period_end
  FROM months CROSS JOIN LATERAL cspi.periods_of(months.month_start) AS p
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;
