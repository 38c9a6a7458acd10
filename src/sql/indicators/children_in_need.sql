--------------------------------------------------------------------------
-- Indicators: Children in need
--------------------------------------------------------------------------
-- Children in need on the last day of the period per 10,000 children
-- (CIN_RATE), as the DfE's children in need statistics count them (the b1
-- file: episodes open on 31 March, over the ONS mid-year estimate).
--
-- Everything about each indicator of the family, as upserts that every
-- install and upgrade runs again: its catalogue row (with its narrative
-- sentence and its explanation in plain words), the source relation it
-- adds to the data contract and how the CIN census gives it, the
-- drill-down view it counts (cspi.report_object) and what it counts in it
-- (cspi.indicator_measure).  sort_key places it in the report: leave gaps,
-- so that an indicator can go between two others without renumbering
-- (cspi.indicator.display_order is renumbered from it).

INSERT INTO cspi.indicator AS i (code, sort_key, section, title, unit, polarity, default_target, requires, definition, sentence, explanation) VALUES
    ('CIN_RATE', 75, 'Children in need',
     'Children in need per 10,000 children', 'per 10,000', NULL, NULL, '{cin_episode,population}',
     'Distinct children with a children in need episode open at the end of the period (start_date on or before it, end_date NULL or after it), per 10,000 of the latest mid-year child population estimate on or before the end of the period.',
     'The rate of children in need was {value} per 10,000 children at {period_end}.{verdict}',
     'Children in need on the last day of the period (an episode of need started and not yet closed, as the DfE''s children in need census counts them: children on a child protection plan and children in care included) per 10,000 children living in the area (latest mid-year population estimate).')
ON CONFLICT (code) DO UPDATE SET sort_key = EXCLUDED.sort_key, section = EXCLUDED.section, title = EXCLUDED.title, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity, default_target = EXCLUDED.default_target, requires = EXCLUDED.requires, definition = EXCLUDED.definition, sentence = EXCLUDED.sentence, explanation = EXCLUDED.explanation;

-- The source relation: a council's children in need episodes (optional:
-- without it CIN_RATE is unavailable).  One episode runs from the referral
-- that opens it to its closure, as the CIN census's CINdetails does.
INSERT INTO cspi.contract_column (relation, column_name, kind, position, meaning) VALUES
    ('cin_episode', 'episode_id', 'id', 1, 'unique'),
    ('cin_episode', 'child_id', 'id', 2, 'the child'),
    ('cin_episode', 'start_date', 'date', 3, 'the date the episode of need started (the referral date)'),
    ('cin_episode', 'end_date', 'date', 4, 'the date it closed; NULL while open'),
    ('cin_episode', 'primary_need', 'code', 5, 'CIN census PrimaryNeedCode: N1 abuse or neglect, N2 child''s disability or illness, N3 parental disability or illness, N4 family in acute stress, N5 family dysfunction, N6 socially unacceptable behaviour, N7 low income, N8 absent parenting, N9 cases other than children in need, N0 not stated; NULL = not known'),
    ('cin_episode', 'reason_closed', 'code', 6, 'CIN census ReasonForClosure: RC1 adopted, RC2 died, RC3 child arrangements order, RC4 special guardianship order, RC5 transferred to another local authority, RC6 transferred to adult social care, RC7 services ceased for another reason, RC8 case closed after assessment, no further action, RC9 case closed after assessment, referred to early help; NULL = open or not known')
ON CONFLICT (relation, column_name) DO UPDATE SET kind = EXCLUDED.kind, position = EXCLUDED.position, meaning = EXCLUDED.meaning;
-- Optional: Ofsted's Annex A (List 6) reads them, nothing else needs them.
UPDATE cspi.contract_column SET optional = true
 WHERE relation = 'cin_episode' AND column_name IN ('primary_need', 'reason_closed');

-- From the CIN census: one episode per child and CINreferralDate, the
-- latest collection year's row (its CINclosureDate, if any), with its
-- PrimaryNeedCode and ReasonForClosure as coded.
INSERT INTO cspi.returns_relation (relation, return, build_order, definition)
VALUES ('cin_episode', 'cin', 100, $def$
SELECT DISTINCT ON (upper(btrim(d.la_child_id)), d.cin_referral_date)
       upper(btrim(d.la_child_id)) || '/' || to_char(d.cin_referral_date, 'YYYY-MM-DD') AS episode_id,
       upper(btrim(d.la_child_id)) AS child_id, d.cin_referral_date AS start_date, d.cin_closure_date AS end_date,
       upper(nullif(btrim(d.primary_need_code), '')) AS primary_need,
       upper(nullif(btrim(d.reason_for_closure), '')) AS reason_closed
  FROM @RETURNS@.cin_details d WHERE d.cin_referral_date IS NOT NULL AND d.la_child_id IS NOT NULL
 ORDER BY upper(btrim(d.la_child_id)), d.cin_referral_date, d.collection_year DESC
$def$)
ON CONFLICT (relation) DO UPDATE SET return = EXCLUDED.return, build_order = EXCLUDED.build_order, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
VALUES ('cin_at_period_end', 'view', 135, 'children_in_need', NULL,
'Children in need at each month end: each child with an episode of need open then, its latest such episode (CIN_RATE).',
$def$
WITH ends AS (
    SELECT period_end FROM @R@.period WHERE period_type = 'month'
)
SELECT DISTINCT ON (e.period_end, c.child_id) e.period_end, c.child_id, c.episode_id,
       c.start_date AS cin_start
  FROM ends e
  JOIN @R@.src_cin_episode c
    ON c.start_date <= e.period_end AND (c.end_date IS NULL OR c.end_date > e.period_end)
 WHERE c.child_id IS NOT NULL
 ORDER BY e.period_end, c.child_id, c.start_date DESC, c.episode_id DESC
$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family, unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
    ('cin_at_period_end', 'cin_start', 'The start of the child''s episode of need open at the month end.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

INSERT INTO cspi.indicator_measure (indicator, kind, relation, anchor, row_filter, count_distinct, numerator, denominator) VALUES
    ('CIN_RATE', 'snapshot', 'cin_at_period_end', NULL, NULL, 'child_id', 'true', NULL)
ON CONFLICT (indicator) DO UPDATE SET kind = EXCLUDED.kind, relation = EXCLUDED.relation, anchor = EXCLUDED.anchor, row_filter = EXCLUDED.row_filter, count_distinct = EXCLUDED.count_distinct, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator;

-- The DfE's published measure of this family's indicator, beside which the
-- scorecard puts the council's figure (cspi.published_indicator_value).
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title, difference) VALUES
 ('cin_31_march_rate', 'children_in_need', 'CIN_RATE', 'per 10,000', 'Children in need on 31 March per 10,000 children',
  'Derived: the DfE publishes the episodes open on 31 March (At31_episodes), and the rate is computed, as cspi''s, per 10,000 of the ONS estimate of the June before. The DfE counts episodes, cspi children: the same unless a child has two episodes open at once.')
ON CONFLICT (measure) DO UPDATE SET kind = EXCLUDED.kind, indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, title = EXCLUDED.title, difference = EXCLUDED.difference;
