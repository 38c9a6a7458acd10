--------------------------------------------------------------------------
-- The indicator catalogue and targets
--------------------------------------------------------------------------

CREATE TABLE cspi.indicator (
    code           text PRIMARY KEY CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    section        text NOT NULL,
    title          text NOT NULL,
    unit           text NOT NULL CHECK (unit IN ('%', 'count', 'per 10,000')),
    polarity       text CHECK (polarity IN ('higher', 'lower')),
    default_target numeric,
    definition     text NOT NULL,
    display_order  integer NOT NULL UNIQUE,
    requires       text[] NOT NULL
);
COMMENT ON TABLE cspi.indicator IS
'The indicator catalogue, shipped with cspi: one row per indicator of the year-end report, in the report''s order.';
COMMENT ON COLUMN cspi.indicator.code IS 'Stable code, such as REF_1WD.';
COMMENT ON COLUMN cspi.indicator.section IS 'Report section.';
COMMENT ON COLUMN cspi.indicator.title IS 'Short title.';
COMMENT ON COLUMN cspi.indicator.unit IS '%, count or per 10,000.';
COMMENT ON COLUMN cspi.indicator.polarity IS 'higher or lower is better; NULL when neither.';
COMMENT ON COLUMN cspi.indicator.default_target IS 'Target unless cspi.target sets another; NULL: none.';
COMMENT ON COLUMN cspi.indicator.definition IS 'Numerator / denominator, as computed.';
COMMENT ON COLUMN cspi.indicator.display_order IS 'Order in the report and the scorecard.';
COMMENT ON COLUMN cspi.indicator.requires IS 'Source relations the indicator needs; without any of them it is unavailable.';

INSERT INTO cspi.indicator (display_order, code, section, title, unit, polarity, default_target, requires, definition) VALUES
 (1, 'REF_1WD', 'Front door and assessment', 'Referrals completed within 1 working day', '%', 'higher', 90, '{referral}',
  'Referrals with completed_date in the period and working_days(referral_date, completed_date) <= 1 / referrals with completed_date in the period.'),
 (2, 'REF_OVER_3WD', 'Front door and assessment', 'Referrals taking over 3 working days', '%', 'lower', 5, '{referral}',
  'Referrals with completed_date in the period and working_days(referral_date, completed_date) > 3 / referrals with completed_date in the period.'),
 (3, 'REREFERRAL_12M', 'Front door and assessment', 'Re-referrals within 12 months', '%', 'lower', NULL, '{referral}',
  'Referrals with referral_date in the period whose child has another referral with referral_date in [referral_date - 12 months, referral_date) / referrals with referral_date in the period.'),
 (4, 'REREFERRAL_CHILDREN', 'Front door and assessment', 'Children re-referred within 12 months', 'count', NULL, NULL, '{referral}',
  'Distinct children with a referral counted in the REREFERRAL_12M numerator.'),
 (5, 'REREFERRAL_FAMILIES', 'Front door and assessment', 'Families of children re-referred within 12 months', 'count', NULL, NULL, '{referral,child}',
  'Distinct families (child.family_id) of the REREFERRAL_CHILDREN children.'),
 (6, 'CFA_COMPLETED', 'Front door and assessment', 'Child and family assessments completed', 'count', NULL, NULL, '{assessment}',
  'Assessments with authorised_date in the period.'),
 (7, 'CFA_45WD', 'Front door and assessment', 'Child and family assessments completed within 45 working days', '%', 'higher', 90, '{assessment}',
  'Assessments with authorised_date in the period and working_days(start_date, authorised_date) <= 45 / assessments with authorised_date in the period.'),
 (8, 'ICPC_15WD', 'Child protection', 'Initial child protection conferences within 15 working days', '%', 'higher', 95, '{s47_enquiry}',
  'Section 47 enquiries with icpc_date in the period, not transfer-in, and working_days(strategy_date, icpc_date) <= 15 / those with icpc_date in the period, not transfer-in.'),
 (9, 'CP_OPEN', 'Child protection', 'Children subject to a child protection plan', 'count', NULL, NULL, '{cp_plan}',
  'Distinct children with a child protection plan open at the end of the period.'),
 (10, 'CP_RATE', 'Child protection', 'Children subject to a child protection plan per 10,000 children', 'per 10,000', NULL, NULL, '{cp_plan,population}',
  'CP_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.'),
 (11, 'CP_STARTED', 'Child protection', 'Child protection plans started', 'count', NULL, NULL, '{cp_plan}',
  'Plans with start_date in the period.'),
 (12, 'CP_REPEAT_2Y', 'Child protection', 'Child protection plans repeated within 2 years', '%', 'lower', 6, '{cp_plan}',
  'Plans starting in the period whose child has another plan with an earlier start_date and an end_date in [start_date - 2 years, start_date] / plans starting in the period.'),
 (13, 'CP_REPEAT_EVER', 'Child protection', 'Child protection plans for a second or subsequent time', '%', 'lower', NULL, '{cp_plan}',
  'Plans starting in the period whose child has another plan with an earlier start_date / plans starting in the period.'),
 (14, 'CP_ALLOCATED_QSW', 'Child protection', 'Child protection cases allocated to a qualified social worker', '%', 'higher', 100, '{cp_plan,allocation}',
  'CP_OPEN children with an allocation open at the end of the period to a qualified social worker / CP_OPEN.'),
 (15, 'CP_REVIEW_TIMELY', 'Child protection', 'Child protection reviews within timescale', '%', 'higher', 100, '{cp_review,cp_plan}',
  'Reviews held in the period in timescale (the first by plan start + 3 months, each later one by the previous review + 6 months) / reviews held in the period.'),
 (16, 'CP_VISIT_10WD', 'Child protection', 'Child protection visits within 10 working days', '%', 'higher', 100, '{visit,cp_plan}',
  'cp visits in the period within 10 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.'),
 (17, 'CP_VISIT_15WD', 'Child protection', 'Child protection visits within 15 working days', '%', 'higher', 100, '{visit,cp_plan}',
  'cp visits in the period within 15 working days of the child''s previous cp visit in the plan (or of the plan''s start) / cp visits in the period.'),
 (18, 'CIC_OPEN', 'Children in care', 'Children in care', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with an episode of care (not a short break) open at the end of the period.'),
 (19, 'CIC_UASC', 'Children in care', 'Children in care who are unaccompanied asylum-seeking children', 'count', NULL, NULL, '{cla_episode}',
  'CIC_OPEN children whose open episode has uasc true.'),
 (20, 'CIC_RATE', 'Children in care', 'Children in care per 10,000 children', 'per 10,000', NULL, NULL, '{cla_episode,population}',
  'CIC_OPEN per 10,000 of the latest mid-year child population estimate on or before the end of the period.'),
 (21, 'CIC_STARTED', 'Children in care', 'Children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with a period of care starting in the period.'),
 (22, 'CIC_STARTED_FAMILIES', 'Children in care', 'Families of children who started to be looked after', 'count', NULL, NULL, '{cla_episode,child}',
  'Distinct families of the CIC_STARTED children.'),
 (23, 'CIC_STARTED_UASC', 'Children in care', 'Unaccompanied asylum-seeking children who started to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'CIC_STARTED children whose first period of care starting in the period has uasc true on its first episode.'),
 (24, 'CIC_STARTED_BEFORE', 'Children in care', 'Children who started to be looked after who had been looked after before', 'count', NULL, NULL, '{cla_episode}',
  'CIC_STARTED children with a period of care ending before the first one that starts in the period.'),
 (25, 'CIC_CEASED', 'Children in care', 'Children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode}',
  'Distinct children with a period of care ending in the period.'),
 (26, 'CIC_CEASED_FAMILIES', 'Children in care', 'Families of children who ceased to be looked after', 'count', NULL, NULL, '{cla_episode,child}',
  'Distinct families of the CIC_CEASED children.'),
 (27, 'CIC_CEASED_HOME', 'Children in care', 'Children ceasing care who returned home', '%', 'higher', NULL, '{cla_episode}',
  'Periods of care ending in the period whose last episode''s reason_ceased is E4A or E4B / periods of care ending in the period.'),
 (28, 'CIC_20_MILES', 'Children in care', 'Children in care placed 20 miles or more from home', '%', 'lower', NULL, '{cla_episode}',
  'CIC_OPEN children (not UASC, distance known) placed 20 miles or more away / those children.'),
 (29, 'CIC_ALLOCATED_QSW', 'Children in care', 'Children in care allocated to a qualified social worker', '%', 'higher', 100, '{cla_episode,allocation}',
  'CIC_OPEN children with an allocation open at the end of the period to a qualified social worker / CIC_OPEN.'),
 (30, 'CIC_REVIEW_TIMELY', 'Children in care', 'Looked-after reviews within timescale', '%', 'higher', 100, '{cla_review,cla_episode}',
  'Reviews held in the period in timescale (the first of a period of care within 20 working days of its start, the second by the first + 3 months, each later one by the previous + 6 months) / reviews held in the period.'),
 (31, 'CIC_VISIT_TIMELY', 'Children in care', 'Children in care visits within timescale', '%', 'higher', 100, '{visit,cla_episode}',
  'cic visits in the period in timescale (by the due date where given; else the first of a placement within 7 days of its start, each later one within 42 days of the previous visit) / cic visits in the period.'),
 (32, 'CIC_RHA_DONE', 'Children in care', 'Review health assessments completed', '%', 'higher', 100, '{health_assessment}',
  'Review health assessments due in the period and completed by its end / review health assessments due in the period.'),
 (33, 'CIC_HEALTH_CURRENT', 'Children in care', 'Children in care with an up-to-date health assessment', '%', 'higher', 100, '{cla_episode,health_assessment,child}',
  'CIC_OPEN children in care for 12 months or more whose latest health assessment was in the last 12 months (6 for under-5s) / those children.'),
 (34, 'CIC_STABILITY_LONG', 'Children in care', 'Long-term placement stability', '%', 'higher', 68, '{cla_episode,child}',
  'CIC_OPEN children under 16 looked after for at least 2.5 years who have been in their current placement for at least 2 years / CIC_OPEN children under 16 looked after for at least 2.5 years.'),
 (35, 'CIC_STABILITY_SHORT', 'Children in care', 'Children in care with 3 or more placements in 12 months', '%', 'lower', 10, '{cla_episode}',
  'CIC_OPEN children with 3 or more placements during the 12 months to the end of the period / CIC_OPEN.'),
 (36, 'RHI_72H', 'Missing children and care leavers', 'Return home interviews offered within 72 hours', '%', 'higher', NULL, '{missing_episode}',
  'Missing episodes (not other authority) returning in the period with an interview offered within 72 hours of the return / missing episodes (not other authority) returning in the period.'),
 (37, 'RHI_ENGAGED', 'Missing children and care leavers', 'Return home interviews with the child''s engagement', '%', 'higher', NULL, '{missing_episode}',
  'RHI_72H episodes offered an interview with rhi_engaged true / RHI_72H episodes offered an interview.'),
 (38, 'CL_ACCOM_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21, at their latest record in the 12 months to the end of the period, in suitable accommodation / those care leavers.'),
 (39, 'CL_ACCOM_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in suitable accommodation', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in suitable accommodation / those care leavers.'),
 (40, 'CL_NEET_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
  'Care leavers aged 19 to 21 whose activity is NEET / those care leavers.'),
 (41, 'CL_NEET_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 not in education, employment or training', '%', 'lower', 30, '{care_leaver,child}',
  'Care leavers aged 22 to 25 whose activity is NEET / those care leavers.'),
 (42, 'CL_EDUCATION_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in education', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21 in education (including higher education) / those care leavers.'),
 (43, 'CL_EDUCATION_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in education', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in education (including higher education) / those care leavers.'),
 (44, 'CL_TRAINING_EMPLOYMENT_19_21', 'Missing children and care leavers', 'Care leavers aged 19-21 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 19 to 21 in training or employment (including apprenticeships) / those care leavers.'),
 (45, 'CL_TRAINING_EMPLOYMENT_22_25', 'Missing children and care leavers', 'Care leavers aged 22-25 in training or employment', '%', 'higher', NULL, '{care_leaver,child}',
  'Care leavers aged 22 to 25 in training or employment (including apprenticeships) / those care leavers.'),
 (46, 'EH_FAMILIES_INTERNAL', 'Early help', 'Families supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
  'Distinct families with internal family support open at the end of the period.'),
 (47, 'EH_CHILDREN_INTERNAL', 'Early help', 'Children supported by the council''s own team', 'count', NULL, NULL, '{family_support}',
  'Distinct children with internal family support open at the end of the period.'),
 (48, 'EH_FAMILIES_EXTERNAL', 'Early help', 'Families supported by an external agency', 'count', NULL, NULL, '{family_support}',
  'Distinct families with external family support open at the end of the period.'),
 (49, 'EH_CHILDREN_EXTERNAL', 'Early help', 'Children supported by an external agency', 'count', NULL, NULL, '{family_support}',
  'Distinct children with external family support open at the end of the period.');

-- Each indicator's sentence in the narrative (cspi.narrative), a template
-- that councils may reword in cspi.indicator_wording.
ALTER TABLE cspi.indicator ADD COLUMN sentence text;
COMMENT ON COLUMN cspi.indicator.sentence IS
'The narrative sentence template. Placeholders: {in_period} (''In 2023/24''), {period}, {period_end} (''the end of March 2024''), {display} (''81.4% (1,119 / 1,374)''), {value} (''81.4%'', ''146'', ''65.6''), {numerator}, {denominator}, {verdict} (comparison with the previous period and the target, as a sentence or nothing), and {value:CODE} for another indicator''s value in the same period. Override it in cspi.indicator_wording.';

-- The sentences themselves: catalogue_wording.sql.

CREATE TABLE cspi.indicator_wording (
    indicator text PRIMARY KEY REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    template  text NOT NULL
);
COMMENT ON TABLE cspi.indicator_wording IS
'A council''s own sentence templates for the narrative, overriding cspi.indicator.sentence: insert or update a row with plain SQL; kept by pg_dump.';
COMMENT ON COLUMN cspi.indicator_wording.indicator IS 'Indicator code.';
COMMENT ON COLUMN cspi.indicator_wording.template IS 'The template; see cspi.indicator.sentence for the placeholders.';
SELECT pg_catalog.pg_extension_config_dump('cspi.indicator_wording', '');
GRANT SELECT ON cspi.indicator_wording TO PUBLIC;



CREATE TABLE cspi.target (
    indicator   text NOT NULL REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    from_period text NOT NULL,
    target      numeric,
    PRIMARY KEY (indicator, from_period),
    CONSTRAINT target_period_check CHECK (cspi.period_bounds(from_period) IS NOT NULL)
);
COMMENT ON TABLE cspi.target IS
'A council''s own targets: from the start of from_period (''2023/24'', ''2023/24 Q3'' or ''2023-10'') the indicator''s target is target (NULL: no target). Kept by pg_dump.';
COMMENT ON COLUMN cspi.target.indicator IS 'Indicator code (cspi.indicator.code).';
COMMENT ON COLUMN cspi.target.from_period IS 'First period the target applies to.';
COMMENT ON COLUMN cspi.target.target IS 'The target, in the indicator''s unit; NULL for none.';
SELECT pg_catalog.pg_extension_config_dump('cspi.target', '');
GRANT SELECT ON cspi.indicator, cspi.target, cspi.contract_column TO PUBLIC;


