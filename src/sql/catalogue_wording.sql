--------------------------------------------------------------------------
-- Each indicator's sentence in the narrative (cspi.narrative)
--------------------------------------------------------------------------
-- A template per indicator that councils may reword in
-- cspi.indicator_wording.  Each sentence names what the indicator counts
-- (children, assessments, plans, periods of care, missing episodes...)
-- and says one fact: a figure another indicator gives (a rate, the
-- families of the children counted) is that indicator's sentence.

UPDATE cspi.indicator SET sentence = t.sentence
  FROM (VALUES
    ('REF_1WD', '{in_period}, {display} of referrals were completed within 1 working day.{verdict}'),
    ('REF_OVER_3WD', '{in_period}, {value} of referrals took over 3 working days to be completed.{verdict}'),
    ('REREFERRAL_12M', '{in_period}, {display} of referrals were re-referrals within 12 months of a previous referral.{verdict}'),
    ('REREFERRAL_CHILDREN', 'During {period}, {value} children were re-referred within 12 months of a previous referral.{verdict}'),
    ('REREFERRAL_FAMILIES', 'The children re-referred within 12 months during {period} came from {value} families.{verdict}'),
    ('CFA_COMPLETED', '{value} child and family assessments were completed in {period}.{verdict}'),
    ('CFA_45WD', '{display} of child and family assessments were completed within 45 working days in {period}.{verdict}'),
    ('ICPC_15WD', '{display} of initial child protection conferences were held within 15 working days of the strategy discussion in {period}, excluding transfer-in conferences.{verdict}'),
    ('CP_OPEN', '{value} children were subject to a child protection plan at {period_end}.{verdict}'),
    ('CP_RATE', 'The rate of children subject to a child protection plan was {value} per 10,000 children at {period_end}.{verdict}'),
    ('CP_STARTED', '{value} child protection plans started in {period}.{verdict}'),
    ('CP_REPEAT_2Y', '{display} of the child protection plans that started in {period} were for a child whose previous plan had ended within the 2 years before.{verdict}'),
    ('CP_REPEAT_EVER', '{display} of the child protection plans that started in {period} were for a child who had been subject to a plan before (a second or subsequent plan).{verdict}'),
    ('CP_ALLOCATED_QSW', '{display} of the children subject to a child protection plan at {period_end} were allocated to a qualified social worker.{verdict}'),
    ('CP_REVIEW_TIMELY', '{display} of child protection reviews in {period} were completed within the required timescales.{verdict}'),
    ('CP_VISIT_10WD', '{display} of child protection statutory visits were completed within 10 working days in {period}.{verdict}'),
    ('CP_VISIT_15WD', '{display} of child protection statutory visits were completed within 15 working days in {period}.{verdict}'),
    ('CIC_OPEN', '{value} children were in care at {period_end}.{verdict}'),
    ('CIC_UASC', '{value} of the children in care at {period_end} were unaccompanied asylum-seeking children.{verdict}'),
    ('CIC_RATE', 'The rate of children in care was {value} per 10,000 children at {period_end}.{verdict}'),
    ('CIC_STARTED', '{value} children came into care in {period}.{verdict}'),
    ('CIC_STARTED_FAMILIES', 'The children who came into care in {period} were from {value} families.{verdict}'),
    ('CIC_STARTED_UASC', '{value} of the children who came into care in {period} were unaccompanied asylum-seeking children.{verdict}'),
    ('CIC_STARTED_BEFORE', '{value} of the children who came into care in {period} had been in care before.{verdict}'),
    ('CIC_CEASED', '{value} children ceased to be in care in {period}.{verdict}'),
    ('CIC_CEASED_FAMILIES', 'The children who ceased to be in care in {period} were from {value} families.{verdict}'),
    ('CIC_CEASED_HOME', '{display} of the periods of care that ended in {period} ended with the child returning home to their parents or others with parental responsibility.{verdict}'),
    ('CIC_20_MILES', '{display} of our children in care at {period_end} (excluding unaccompanied asylum-seeking children) were placed 20 or more miles from home.{verdict}'),
    ('CIC_ALLOCATED_QSW', '{display} of children in care were allocated to a qualified social worker at {period_end}.{verdict}'),
    ('CIC_REVIEW_TIMELY', '{display} of looked-after reviews in {period} were completed within the required timescales.{verdict}'),
    ('CIC_VISIT_TIMELY', '{display} of statutory visits for children in care were completed in timescale in {period}.{verdict}'),
    ('CIC_RHA_DONE', '{display} of the review health assessments due in {period} were completed by {period_end}.{verdict}'),
    ('CIC_HEALTH_CURRENT', '{display} of the children in care for a year or more had an up-to-date health assessment at {period_end}.{verdict}'),
    ('CIC_STABILITY_LONG', '{display} of our children in care aged under 16 who have been looked after for at least 2.5 years have been in their current placement for at least 2 years at {period_end}.{verdict}'),
    ('CIC_STABILITY_SHORT', '{display} of our children in care at {period_end} have had 3 or more placements within the previous 12 months.{verdict}'),
    ('RHI_72H', '{in_period}, a return home interview was offered within 72 hours for {display} of the missing episodes that ended (excluding children looked after by other authorities).{verdict}'),
    ('RHI_ENGAGED', '{in_period}, the child engaged in {display} of the return home interviews offered.{verdict}'),
    ('CL_ACCOM_19_21', '{display} of our care leavers aged 19-21 were in suitable accommodation at {period_end}.{verdict}'),
    ('CL_ACCOM_22_25', '{display} of our care leavers aged 22-25 were in suitable accommodation at {period_end}.{verdict}'),
    ('CL_NEET_19_21', '{display} of our care leavers aged 19-21 were not in education, employment or training at {period_end}.{verdict}'),
    ('CL_NEET_22_25', '{display} of our care leavers aged 22-25 were not in education, employment or training at {period_end}.{verdict}'),
    ('CL_EDUCATION_19_21', '{display} of our care leavers aged 19-21 were in education (including studies beyond A level) at {period_end}.{verdict}'),
    ('CL_EDUCATION_22_25', '{display} of our care leavers aged 22-25 were in education (including studies beyond A level) at {period_end}.{verdict}'),
    ('CL_TRAINING_EMPLOYMENT_19_21', '{display} of our care leavers aged 19-21 were in training or employment (including apprenticeships) at {period_end}.{verdict}'),
    ('CL_TRAINING_EMPLOYMENT_22_25', '{display} of our care leavers aged 22-25 were in training or employment (including apprenticeships) at {period_end}.{verdict}'),
    ('EH_FAMILIES_INTERNAL', '{value} families were open to the council''s own family support team at {period_end}.{verdict}'),
    ('EH_CHILDREN_INTERNAL', '{value} children were open to the council''s own family support team at {period_end}.{verdict}'),
    ('EH_FAMILIES_EXTERNAL', '{value} families were open to an external agency supporting families at {period_end}.{verdict}'),
    ('EH_CHILDREN_EXTERNAL', '{value} children were open to an external agency supporting their families at {period_end}.{verdict}')
  ) AS t(code, sentence)
 WHERE t.code = indicator.code;
ALTER TABLE cspi.indicator ALTER COLUMN sentence SET NOT NULL;

-- Each indicator's definition in plain words, for the report's appendix
-- (cspi.indicator.definition keeps the exact rule).
ALTER TABLE cspi.indicator ADD COLUMN IF NOT EXISTS explanation text;
COMMENT ON COLUMN cspi.indicator.explanation IS
'The definition in plain words, for readers of the report (its appendix); definition gives the exact rule.';

UPDATE cspi.indicator SET explanation = t.explanation
  FROM (VALUES
    ('REF_1WD', 'Of the referrals completed in the period, the share completed within 1 working day of being received (weekends and bank holidays are not working days).'),
    ('REF_OVER_3WD', 'Of the referrals completed in the period, the share that took more than 3 working days to complete.'),
    ('REREFERRAL_12M', 'Of the referrals received in the period, the share for a child who had another referral in the 12 months before.'),
    ('REREFERRAL_CHILDREN', 'The number of children with a referral in the period who had another referral in the 12 months before it.'),
    ('REREFERRAL_FAMILIES', 'The number of families those re-referred children belong to.'),
    ('CFA_COMPLETED', 'The number of child and family assessments completed (authorised) in the period; a child may have more than one.'),
    ('CFA_45WD', 'Of the child and family assessments completed in the period, the share completed within 45 working days of starting.'),
    ('ICPC_15WD', 'Of the initial child protection conferences held in the period (not counting transfer-in conferences), the share held within 15 working days of the strategy discussion.'),
    ('CP_OPEN', 'The number of children subject to a child protection plan on the last day of the period.'),
    ('CP_RATE', 'Children subject to a child protection plan on the last day of the period, per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CP_STARTED', 'The number of child protection plans that started in the period.'),
    ('CP_REPEAT_2Y', 'Of the child protection plans that started in the period, the share for a child whose previous plan ended in the 2 years before.'),
    ('CP_REPEAT_EVER', 'Of the child protection plans that started in the period, the share for a child who had been subject to a plan before, at any time.'),
    ('CP_ALLOCATED_QSW', 'Of the children subject to a child protection plan on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CP_REVIEW_TIMELY', 'Of the child protection review conferences held in the period, the share held on time: the first within 3 months of the plan starting, each later one within 6 months of the one before.'),
    ('CP_VISIT_10WD', 'Of the child protection visits made in the period, the share made within 10 working days of the child''s previous visit under the plan (or of the plan starting).'),
    ('CP_VISIT_15WD', 'Of the child protection visits made in the period, the share made within 15 working days of the child''s previous visit under the plan (or of the plan starting).'),
    ('CIC_OPEN', 'The number of children in care on the last day of the period, not counting children on short breaks.'),
    ('CIC_UASC', 'Of the children in care on the last day of the period, the number who are unaccompanied asylum-seeking children.'),
    ('CIC_RATE', 'Children in care on the last day of the period per 10,000 children living in the area (latest mid-year population estimate).'),
    ('CIC_STARTED', 'The number of children who started a period of care in the period.'),
    ('CIC_STARTED_FAMILIES', 'The number of families the children who started to be looked after belong to.'),
    ('CIC_STARTED_UASC', 'Of the children who started to be looked after, the number who were unaccompanied asylum-seeking children when they came into care.'),
    ('CIC_STARTED_BEFORE', 'Of the children who started to be looked after, the number who had been in care before.'),
    ('CIC_CEASED', 'The number of children whose period of care ended in the period.'),
    ('CIC_CEASED_FAMILIES', 'The number of families the children who ceased to be looked after belong to.'),
    ('CIC_CEASED_HOME', 'Of the periods of care that ended in the period, the share that ended with the child returning home to their parents or others with parental responsibility.'),
    ('CIC_20_MILES', 'Of the children in care on the last day of the period (not counting unaccompanied asylum-seeking children, and only where the distance is known), the share placed 20 miles or more from home.'),
    ('CIC_ALLOCATED_QSW', 'Of the children in care on the last day of the period, the share allocated to a qualified social worker on that day.'),
    ('CIC_REVIEW_TIMELY', 'Of the looked-after reviews held in the period, the share held on time: the first within 20 working days of coming into care, the second within 3 months of the first, each later one within 6 months of the one before.'),
    ('CIC_VISIT_TIMELY', 'Of the statutory visits to children in care made in the period, the share made on time: by the due date where one is recorded, otherwise within 7 days of a new placement and within 6 weeks of the previous visit.'),
    ('CIC_RHA_DONE', 'Of the review health assessments due in the period, the share completed by the end of the period.'),
    ('CIC_HEALTH_CURRENT', 'Of the children who on the last day of the period had been in care for 12 months or more, the share whose latest health assessment was in the last 12 months (6 months for children under 5).'),
    ('CIC_STABILITY_LONG', 'Of the children in care under 16 on the last day of the period who had been looked after for at least 2.5 years, the share who had been in the same placement for at least 2 years.'),
    ('CIC_STABILITY_SHORT', 'Of the children in care on the last day of the period, the share who had 3 or more placements in the 12 months before.'),
    ('RHI_72H', 'Of the missing episodes that ended in the period (not counting children looked after by other authorities), the share where a return home interview was offered within 72 hours of the child returning.'),
    ('RHI_ENGAGED', 'Of the missing episodes where a return home interview was offered within 72 hours, the share where the child engaged in the interview.'),
    ('CL_ACCOM_19_21', 'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_ACCOM_22_25', 'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in suitable accommodation.'),
    ('CL_NEET_19_21', 'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_NEET_22_25', 'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share not in education, employment or training.'),
    ('CL_EDUCATION_19_21', 'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_EDUCATION_22_25', 'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in education, including higher education.'),
    ('CL_TRAINING_EMPLOYMENT_19_21', 'Of the care leavers aged 19 to 21, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.'),
    ('CL_TRAINING_EMPLOYMENT_22_25', 'Of the care leavers aged 22 to 25, as last recorded in the 12 months to the end of the period, the share in training or employment, including apprenticeships.'),
    ('EH_FAMILIES_INTERNAL', 'The number of families receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_CHILDREN_INTERNAL', 'The number of children receiving early help from the council''s own family support team on the last day of the period.'),
    ('EH_FAMILIES_EXTERNAL', 'The number of families receiving early help from an external agency on the last day of the period.'),
    ('EH_CHILDREN_EXTERNAL', 'The number of children receiving early help from an external agency on the last day of the period.')
  ) AS t(code, explanation)
 WHERE t.code = indicator.code;
