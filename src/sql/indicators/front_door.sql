--------------------------------------------------------------------------
-- Indicators: Front door and assessment
--------------------------------------------------------------------------
-- Referrals, re-referrals and child and family assessments (REF_*, REREFERRAL_*, CFA_*).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the drill-down views it
-- counts (cspi.report_object) and what it counts in them
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('REF_1WD', 10, 'Front door and assessment',
     'Referrals completed within 1 working day', '%', 'higher', 90, '{referral,referral.completed_date}',
     'Referrals with completed_date in the period and working_days(referral_date, completed_date) <= 1 / referrals with completed_date in the period.',
     '{in_period}, {display} of referrals were completed within 1 working day.{verdict}',
     'Of the referrals completed in the period, the share completed within 1 working day of being received (weekends and bank holidays are not working days).'),
    ('REF_OVER_3WD', 20, 'Front door and assessment',
     'Referrals taking over 3 working days', '%', 'lower', 5, '{referral,referral.completed_date}',
     'Referrals with completed_date in the period and working_days(referral_date, completed_date) > 3 / referrals with completed_date in the period.',
     '{in_period}, {value} of referrals took over 3 working days to be completed.{verdict}',
     'Of the referrals completed in the period, the share that took more than 3 working days to complete.'),
    ('REFERRAL_RATE', 25, 'Front door and assessment',
     'Referrals per 10,000 children', 'per 10,000', NULL, NULL, '{referral,population}',
     'Referrals with referral_date in the period per 10,000 of the latest mid-year child population estimate on or before the end of the period (not annualised: a quarter''s rate is a quarter''s referrals).',
     '{in_period}, the council received referrals at a rate of {value} per 10,000 children.{verdict}',
     'The number of referrals received in the period for every 10,000 children living in the area (latest mid-year population estimate), as the DfE''s children in need statistics count them (a quarter''s or month''s rate counts that period''s referrals only).'),
    ('REFERRAL_NFA', 27, 'Front door and assessment',
     'Referrals ending in no further action', '%', NULL, NULL, '{referral,referral.nfa}',
     'Referrals with referral_date in the period and nfa true / referrals with referral_date in the period (a referral whose nfa is NULL, not known, is in the denominator only).',
     '{in_period}, {display} of referrals ended in no further action.{verdict}',
     'Of the referrals received in the period, the share that ended in no further action (the DfE''s children in need census: referrals that led to no further action), over all the period''s referrals.'),
    ('REREFERRAL_12M', 30, 'Front door and assessment',
     'Re-referrals within 12 months', '%', 'lower', NULL, '{referral}',
     'Referrals with referral_date in the period whose child has another referral with referral_date in [referral_date - 12 months, referral_date) / referrals with referral_date in the period.',
     '{in_period}, {display} of referrals were re-referrals within 12 months of a previous referral.{verdict}',
     'Of the referrals received in the period, the share for a child who had another referral in the 12 months before.'),
    ('REREFERRAL_CHILDREN', 40, 'Front door and assessment',
     'Children re-referred within 12 months', 'count', NULL, NULL, '{referral}',
     'Distinct children with a referral counted in the REREFERRAL_12M numerator.',
     'During {period}, {value} {child was|children were} re-referred within 12 months of a previous referral.{verdict}',
     'The number of children with a referral in the period who had another referral in the 12 months before it.'),
    ('REREFERRAL_FAMILIES', 50, 'Front door and assessment',
     'Families of children re-referred within 12 months', 'count', NULL, NULL, '{referral,child,child.family_id}',
     'Distinct families (child.family_id) of the REREFERRAL_CHILDREN children.',
     'The children re-referred within 12 months during {period} came from {value} {family|families}.{verdict}',
     'The number of families those re-referred children belong to.'),
    ('CFA_COMPLETED', 60, 'Front door and assessment',
     'Child and family assessments completed', 'count', NULL, NULL, '{assessment}',
     'Assessments with authorised_date in the period.',
     '{value} child and family {assessment was|assessments were} completed in {period}.{verdict}',
     'The number of child and family assessments completed (authorised) in the period; a child may have more than one.'),
    ('CFA_45WD', 70, 'Front door and assessment',
     'Child and family assessments completed within 45 working days', '%', 'higher', 90, '{assessment}',
     'Assessments with authorised_date in the period and working_days(start_date, authorised_date) <= 45 / assessments with authorised_date in the period.',
     '{display} of child and family assessments were completed within 45 working days in {period}.{verdict}',
     'Of the child and family assessments completed in the period, the share completed within 45 working days of starting.')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('referral_timeliness', 'view', 20, 'front_door', NULL,
'Each referral with its working days from receipt to completion, whether within 1 and over 3 working days, and whether it was a re-referral within 12 months (REF_1WD, REF_OVER_3WD, REREFERRAL_*).',
$def$
WITH referral AS (
    -- The child's latest referral in the 12 months before this one (not on
    -- the same day), read from the child's referrals in date order rather
    -- than by joining each referral to the others; none for a referral
    -- without a child or a finite date (infinity less 12 months is still
    -- infinity, so the window would find the referral itself).
    SELECT r.*,
           CASE WHEN r.child_id IS NOT NULL AND isfinite(r.referral_date)
                THEN max(r.referral_date) OVER (PARTITION BY r.child_id ORDER BY r.referral_date
                                                RANGE BETWEEN interval '12 months' PRECEDING AND interval '1 day' PRECEDING)
           END AS previous_referral_date
      FROM @R@.src_referral r
)
SELECT r.referral_id, r.child_id, c.family_id, r.referral_date, r.completed_date,
       r.nfa, wd.working_days,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days <= 1, false) AS within_1wd,
       r.completed_date IS NOT NULL AND coalesce(wd.working_days > 3, true) AS over_3wd,
       r.previous_referral_date,
       r.previous_referral_date IS NOT NULL AS rereferral_12m
  FROM referral r
  LEFT JOIN (SELECT DISTINCT ON (child_id) child_id, family_id FROM @R@.src_child ORDER BY child_id) c
    ON c.child_id = r.child_id
  CROSS JOIN LATERAL (
      SELECT cspi.working_days_or_null(r.referral_date, r.completed_date, @CAL@) AS working_days
  ) wd
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

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
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('REF_1WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'within_1wd', 'true'),
    ('REF_OVER_3WD', 'event', 'referral_timeliness', 'completed_date', NULL, NULL, 'over_3wd', 'true'),
    ('REFERRAL_RATE', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'true', NULL),
    ('REFERRAL_NFA', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'coalesce(nfa, false)', 'true'),
    ('REREFERRAL_12M', 'event', 'referral_timeliness', 'referral_date', NULL, NULL, 'rereferral_12m', 'true'),
    ('REREFERRAL_CHILDREN', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'child_id', 'true', NULL),
    ('REREFERRAL_FAMILIES', 'event', 'referral_timeliness', 'referral_date', 'rereferral_12m', 'family_id', 'true', NULL),
    ('CFA_COMPLETED', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'true', NULL),
    ('CFA_45WD', 'event', 'assessment_timeliness', 'authorised_date', NULL, NULL, 'within_45wd', 'true')
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measures of this family's indicators, beside which
-- the scorecard puts the council's figures (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('rereferrals', 'referrals', 'REREFERRAL_12M', '%', 'Referrals within 12 months of a previous referral',
  'The same definition (referrals in the year within 12 months of the same child''s previous referral, over the referrals in the year), from the children in need census; cspi counts the referrals of its source, which may hold contacts a council does not return as referrals.'),
 ('rereferral_children', 'referrals', 'REREFERRAL_CHILDREN', 'count', 'Children with a re-referral within 12 months',
  'The same definition: children with a referral in the year within 12 months of a previous one.'),
 ('referral_rate', 'referrals', 'REFERRAL_RATE', 'per 10,000', 'Referrals in the year per 10,000 children',
  'Derived: the DfE publishes the referrals (referral_count), and the rate is computed, as cspi''s, per 10,000 of the ONS estimate of the June before the year''s end.'),
 ('referral_nfa', 'referrals', 'REFERRAL_NFA', '%', 'Referrals in the year that led to no further action',
  'The same definition (no_further_action_count over referral_count); the census requires the flag, so the DfE has no referral whose outcome is not known, where cspi counts one in the denominator only.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;

-- The comments of the columns only this family's published views have
-- (object '': that column in any view; see cspi_internal.comment_report_columns).
INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('', 'assessment_id', 'The child and family assessment (source id).'),
 ('', 'authorised_date', 'The date the assessment was completed (authorised).'),
 ('', 'nfa', 'The referral ended in no further action (NULL: not known).'),
 ('', 'over_3wd', 'The referral took over 3 working days to complete.'),
 ('', 'previous_referral_date', 'The date of the child''s previous referral within 12 months.'),
 ('', 'referral_date', 'The date of the referral.'),
 ('', 'referral_id', 'The referral (source id).'),
 ('', 'rereferral_12m', 'The child had another referral in the 12 months before this one.'),
 ('', 'within_1wd', 'Completed within 1 working day.'),
 ('', 'within_45wd', 'Completed within 45 working days.'),
 ('referral_timeliness', 'completed_date', 'The date the referral was completed.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

-- Measured in working days: the distribution of each figure's cases
-- (timeliness) and their bands (timeliness_band).  The assessment bands
-- are those the DfE and LAIT publish for the working days to an
-- assessment's authorisation; the referral bands are the thresholds of
-- REF_1WD and REF_OVER_3WD.
INSERT INTO cspi.indicator_timeliness (indicator, days, bands, bands_source) VALUES
    ('REF_1WD', 'working_days', '{0,2,4}', 'cspi: the thresholds of REF_1WD (1 working day) and REF_OVER_3WD (over 3)'),
    ('REF_OVER_3WD', 'working_days', '{0,2,4}', 'cspi: the thresholds of REF_1WD (1 working day) and REF_OVER_3WD (over 3)'),
    ('CFA_45WD', 'working_days', '{0,21,46,66}', 'the DfE and LAIT: working days to the authorisation of the assessment (0-20, 21-45, 46-65, over 65)')
ON CONFLICT (indicator) DO UPDATE SET days = EXCLUDED.days, bands = EXCLUDED.bands, bands_source = EXCLUDED.bands_source;
