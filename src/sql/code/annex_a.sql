--------------------------------------------------------------------------
-- Ofsted's Annex A (issue 26): the eleven lists of children an inspection
-- asks for, as report views annex_a_list_1 ... annex_a_list_11 with
-- Ofsted's headings, cspi.annex_a() for any day, and annex_a_gaps
--------------------------------------------------------------------------
-- The template followed: Ofsted's "Annex A - Child level data, Lists 1 -
-- 11" of August 2019, with the 2023 revision of List 9 (doc/annex-a.md).
-- Each list is one report object whose definition uses @ASAT@, the day the
-- lists are as at: in the report schema's views, cspi.annex_a_as_at(the
-- report) (the deployment's annex_a_as_at, else today); in cspi.annex_a(),
-- the day asked for.  One definition serves both.
--
-- The lists' six months ("window") run from as_at - 6 months to as_at, both
-- days included; "the year" from as_at - 12 months to as_at.  What the data
-- contract cannot fill is NULL (a blank cell), never made up;
-- cspi.annex_a_column.gap says why, and the view annex_a_gaps lists those
-- columns for a report, with the relations and columns its source lacks.

-- Ofsted's label for a code the contract holds (NULL: no label).
CREATE OR REPLACE FUNCTION cspi.annex_a_label(dimension text, code text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT c.ofsted_label FROM cspi.annex_a_code c
     WHERE c.dimension = annex_a_label.dimension AND c.dfe_code = upper(btrim(annex_a_label.code));
    END;
COMMENT ON FUNCTION cspi.annex_a_label(text, text) IS
'Ofsted''s Annex A label for a code of the data contract (cspi.annex_a_code: gender, ethnicity, source, disability, category_of_abuse, legal_status, placement_type, reason_ceased, primary_need, reason_closed, placement_provider, eligibility, in_touch, accommodation, activity, reversed_reason, adopter_gender, left_reason), the code matched ignoring case and surrounding spaces; NULL for a code Ofsted has no label for.';

-- Age in years at the last birthday on as_at; -1 for a child born after
-- it (Ofsted: an unborn child, given with the expected date of birth).
CREATE OR REPLACE FUNCTION cspi_internal.annex_a_age(date_of_birth date, as_at date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN CASE WHEN date_of_birth IS NULL OR as_at IS NULL OR NOT isfinite(date_of_birth) THEN NULL
                WHEN date_of_birth > as_at THEN -1
                ELSE extract(year FROM age(as_at, date_of_birth))::integer END;
COMMENT ON FUNCTION cspi_internal.annex_a_age(date, date) IS
'Annex A''s "Age of Child (Years)": whole years at the last birthday on as_at (as age() counts them); -1 for a child born after as_at (an unborn child''s expected date of birth); NULL without a date of birth.';

-- The day a report's Annex A views are as at.
CREATE OR REPLACE FUNCTION cspi.annex_a_as_at(report_schema name) RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    BEGIN ATOMIC
    SELECT coalesce((SELECT d.annex_a_as_at FROM cspi.deployment d WHERE d.report_schema = annex_a_as_at.report_schema),
                    cspi.local_date(now()));
    END;
COMMENT ON FUNCTION cspi.annex_a_as_at(name) IS
'The day report_schema''s Annex A views (annex_a_list_1 ... annex_a_list_11) are as at: cspi.deployment.annex_a_as_at, set by the report''s owner, else today in Europe/London.';

--------------------------------------------------------------------------
-- Ofsted's code labels (the 2019 template's Codes_used tab)
--------------------------------------------------------------------------
INSERT INTO cspi.annex_a_code (dimension, dfe_code, ofsted_label) VALUES
 -- Gender, from the contract's sex (DfE 1 male, 2 female, 9 not stated or
 -- indeterminate, 0 not known; the 903's M, F, U; I indeterminate).  No
 -- value, or a code not listed, is c) Not stated/recorded (in the views).
 ('gender', '1', 'a) Male'), ('gender', 'M', 'a) Male'), ('gender', 'MALE', 'a) Male'),
 ('gender', '2', 'b) Female'), ('gender', 'F', 'b) Female'), ('gender', 'FEMALE', 'b) Female'),
 ('gender', '9', 'c) Not stated/recorded'), ('gender', 'U', 'c) Not stated/recorded'),
 ('gender', '0', 'c) Not stated/recorded'),
 ('gender', 'I', 'd) Neither'),
 -- Ethnicity: the DfE's main codes (no value is s) NOBT, in the views; an
 -- extended code has no label: blank).  The template gives REFU and NOBT
 -- the same letter.
 ('ethnicity', 'WBRI', 'a) WBRI'), ('ethnicity', 'WIRI', 'b) WIRI'), ('ethnicity', 'WIRT', 'c) WIRT'),
 ('ethnicity', 'WOTH', 'd) WOTH'), ('ethnicity', 'WROM', 'e) WROM'), ('ethnicity', 'MWBC', 'f) MWBC'),
 ('ethnicity', 'MWBA', 'g) MWBA'), ('ethnicity', 'MWAS', 'h) MWAS'), ('ethnicity', 'MOTH', 'i) MOTH'),
 ('ethnicity', 'AIND', 'j) AIND'), ('ethnicity', 'APKN', 'k) APKN'), ('ethnicity', 'ABAN', 'l) ABAN'),
 ('ethnicity', 'AOTH', 'm) AOTH'), ('ethnicity', 'BCRB', 'n) BCRB'), ('ethnicity', 'BAFR', 'o) BAFR'),
 ('ethnicity', 'BOTH', 'p) BOTH'), ('ethnicity', 'CHNE', 'q) CHNE'), ('ethnicity', 'OOTH', 'r) OOTH'),
 ('ethnicity', 'REFU', 's) REFU'), ('ethnicity', 'NOBT', 's) NOBT'),
 -- Contact and referral source (CIN census).  5D is newer than the
 -- template: no label.
 ('source', '1A', 'a) 1A: Individual'), ('source', '1B', 'b) 1B: Individual'),
 ('source', '1C', 'c) 1C: Individual'), ('source', '1D', 'd) 1D: Individual'),
 ('source', '2A', 'e) 2A: Schools'), ('source', '2B', 'f) 2B: Education services'),
 ('source', '3A', 'g) 3A: Health services'), ('source', '3B', 'h) 3B: Health services'),
 ('source', '3C', 'i) 3C: Health services'), ('source', '3D', 'j) 3D: Health services'),
 ('source', '3E', 'k) 3E: Health services'), ('source', '3F', 'l) 3F: Health services'),
 ('source', '4', 'm) 4: Housing'), ('source', '5A', 'n) 5A: LA services'),
 ('source', '5B', 'o) 5B: LA services'), ('source', '5C', 'p) 5C: LA services'),
 ('source', '6', 'q) 6: Police'), ('source', '7', 'r) 7: Other legal agency'),
 ('source', '8', 's) 8: Other'), ('source', '9', 't) 9: Anonymous'), ('source', '10', 'u) 10: Unknown'),
 -- Disability: the contract's code or flag (no value, or a code not
 -- listed, is c) Unknown, in the views).
 ('disability', 'TRUE', 'a) Yes'), ('disability', 'T', 'a) Yes'), ('disability', 'Y', 'a) Yes'),
 ('disability', 'YES', 'a) Yes'), ('disability', '1', 'a) Yes'),
 ('disability', 'MOB', 'a) Yes'), ('disability', 'HAND', 'a) Yes'), ('disability', 'PC', 'a) Yes'),
 ('disability', 'INC', 'a) Yes'), ('disability', 'COMM', 'a) Yes'), ('disability', 'LD', 'a) Yes'),
 ('disability', 'HEAR', 'a) Yes'), ('disability', 'VIS', 'a) Yes'), ('disability', 'BEH', 'a) Yes'),
 ('disability', 'CON', 'a) Yes'), ('disability', 'AUT', 'a) Yes'), ('disability', 'DDA', 'a) Yes'),
 ('disability', 'NONE', 'b) No'), ('disability', 'FALSE', 'b) No'), ('disability', 'F', 'b) No'),
 ('disability', 'N', 'b) No'), ('disability', 'NO', 'b) No'), ('disability', '0', 'b) No'),
 -- Category of abuse (CIN census cp_plan.initial_category, latest_category), List 7.
 ('category_of_abuse', 'NEG', 'a) Neglect'), ('category_of_abuse', 'PHY', 'b) Physical abuse'),
 ('category_of_abuse', 'SAB', 'c) Sexual abuse'), ('category_of_abuse', 'EMO', 'd) Emotional abuse'),
 ('category_of_abuse', 'MUL', 'e) Multiple/not recommended'),
 -- Legal status (SSDA903 LS), no letter.
 ('legal_status', 'C1', 'C1: ICO'), ('legal_status', 'C2', 'C2: FCO'),
 ('legal_status', 'D1', 'D1: Freeing order'), ('legal_status', 'E1', 'E1: Placement order'),
 ('legal_status', 'V2', 'V2: Single period under S20'),
 ('legal_status', 'L1', 'L1: Police protection LA accommodation'), ('legal_status', 'L2', 'L2: EPO'),
 ('legal_status', 'L3', 'L3: Child assessment order LA accommodation'),
 ('legal_status', 'J1', 'J1: Remanded to LA or youth detention'),
 ('legal_status', 'J2', 'J2: LA accommodation under PACE'),
 ('legal_status', 'J3', 'J3: Youth rehabilitation order'),
 ('legal_status', 'V3', 'V3: Short term breaks, episodes recorded'),
 ('legal_status', 'V4', 'V4: Short term breaks, agreements recorded'),
 -- Placement type (SSDA903 PLACE).  K3 and Z11-Z14 are newer: no label.
 ('placement_type', 'U1', 'a) U1: Foster placement - relatives - long term'),
 ('placement_type', 'U2', 'b) U2: Foster placement - relative - FFA'),
 ('placement_type', 'U3', 'c) U3: Foster placement - relative - not FFA'),
 ('placement_type', 'U4', 'd) U4: Foster placement - long term'),
 ('placement_type', 'U5', 'e) U5: Foster placement - FFA'),
 ('placement_type', 'U6', 'f) U6: Foster placement - not FFA'),
 ('placement_type', 'A3', 'g) A3: Placed for adoption - consent - current foster'),
 ('placement_type', 'A4', 'h) A4: Placed for adoption - consent - not foster'),
 ('placement_type', 'A5', 'i) A5: Placed for adoption - order - foster'),
 ('placement_type', 'A6', 'j) A6: Placed for adoption - order - not foster'),
 ('placement_type', 'P1', 'k) P1: Placed with parents'),
 ('placement_type', 'P2', 'l) P2: Independent living'),
 ('placement_type', 'P3', 'm) P3: Residential employment'),
 ('placement_type', 'H5', 'n) H5: Residential accommodation'),
 ('placement_type', 'K1', 'o) K1: Secure Children’s Homes'),
 ('placement_type', 'K2', 'p) K2: Children’s Homes'),
 ('placement_type', 'R1', 'q) R1: Residential Care Home'),
 ('placement_type', 'R2', 'r) R2: NHS/Health Trust'),
 ('placement_type', 'R3', 's) R3: Family Centre or Mother and Baby Unit'),
 ('placement_type', 'R5', 't) R5: Young Offender Institution'),
 ('placement_type', 'S1', 'u) S1: Residential school'),
 ('placement_type', 'Z1', 'v) Z1: Other placements'),
 ('placement_type', 'T0', 'w) T0: Temporary placement'),
 ('placement_type', 'T1', 'x) T1: Temporary placement - hospital'),
 ('placement_type', 'T2', 'y) T2: Temporary placement - holiday'),
 ('placement_type', 'T3', 'z) T3: Temporary placement - carer holiday'),
 ('placement_type', 'T4', 'zz) T4: Temporary placement - seven days or less'),
 -- Reason ceased to be looked after (SSDA903 REC).  E17 is newer: no label.
 ('reason_ceased', 'E11', 'a) E11: Adopted - application unopposed'),
 ('reason_ceased', 'E12', 'b) E12: Adopted - consent dispensed'),
 ('reason_ceased', 'E2', 'c) E2: Died'),
 ('reason_ceased', 'E3', 'd) E3: Care taken by another LA'),
 ('reason_ceased', 'E4A', 'e) E4A: Returned home to live with parents or relatives - part of planning'),
 ('reason_ceased', 'E4B', 'f) E4B: Returned home to live with parents or relatives - not part of planning'),
 ('reason_ceased', 'E13', 'g) E13: Parents, relatives or other with no parental responsibility'),
 ('reason_ceased', 'E41', 'h) E41: Residence order granted'),
 ('reason_ceased', 'E45', 'i) E45: Special Guardianship Orders - former carer relative/friend'),
 ('reason_ceased', 'E46', 'j) E46: Special Guardianship Orders - former carer other'),
 ('reason_ceased', 'E47', 'k) E47: Special Guardianship Orders - relative/friend'),
 ('reason_ceased', 'E48', 'l) E48: Special Guardianship Orders - other'),
 ('reason_ceased', 'E5', 'm) E5: Moved into independent living - supported'),
 ('reason_ceased', 'E6', 'n) E6: Moved into independent living - no support'),
 ('reason_ceased', 'E7', 'o) E7: Transferred to residential care funded by adult social services'),
 ('reason_ceased', 'E9', 'p) E9: Sentenced to custody'),
 ('reason_ceased', 'E14', 'q) E14: Accommodation on remand ended'),
 ('reason_ceased', 'E15', 'r) E15: Age assessment determined child was 18 or over'),
 ('reason_ceased', 'E16', 's) E16: Child moved abroad'),
 ('reason_ceased', 'E8', 't) E8: Care ceased for any other reason'),
 ('reason_ceased', 'X1', 'u) X1:CodeError'),
 -- Primary need (CIN census PrimaryNeedCode), List 6.
 ('primary_need', 'N1', 'N1 - Abuse or neglect'), ('primary_need', 'N2', 'N2 - Child’s disability'),
 ('primary_need', 'N3', 'N3 - Parental disability or illness'), ('primary_need', 'N4', 'N4 - Family in acute stress'),
 ('primary_need', 'N5', 'N5 - Family dysfunction'), ('primary_need', 'N6', 'N6 - Socially unacceptable behaviour'),
 ('primary_need', 'N7', 'N7 - Low income'), ('primary_need', 'N8', 'N8 - Absent parenting'),
 ('primary_need', 'N9', 'N9 - Cases other than children in need'), ('primary_need', 'N0', 'N0 - Not stated'),
 -- Reason for closure (CIN census ReasonForClosure), List 6.  RC9 is
 -- newer than the template: no label.
 ('reason_closed', 'RC1', 'RC1 - Adopted'), ('reason_closed', 'RC2', 'RC2 - Died'),
 ('reason_closed', 'RC3', 'RC3 - Child arrangements order'),
 ('reason_closed', 'RC4', 'RC4 - Special guardianship order'),
 ('reason_closed', 'RC5', 'RC5 - Transferred to services of another local authority'),
 ('reason_closed', 'RC6', 'RC6 - Transferred to adult social care services'),
 ('reason_closed', 'RC7', 'RC7 - Services ceased for any other reason, including child no longer in need'),
 ('reason_closed', 'RC8', 'RC8 - Case closed after assessment, no further action'),
 -- Placement provider (SSDA903 PLACE_PROVIDER), List 8.
 ('placement_provider', 'PR0', 'a) PR0: Parents/Parental responsibility'),
 ('placement_provider', 'PR1', 'b) PR1: Own provision'),
 ('placement_provider', 'PR2', 'c) PR2: Other LA provision'),
 ('placement_provider', 'PR3', 'd) PR3: Other public provision'),
 ('placement_provider', 'PR4', 'e) PR4: Private provision'),
 ('placement_provider', 'PR5', 'f) PR5: Voluntary/third sector'),
 -- Eligibility for leaving-care services (leaving_care.eligibility), List 9.
 -- The 2023 cohort wording adds eligible children: the SSD extract's label.
 ('eligibility', 'RELEVANT', 'a) Relevant child'), ('eligibility', 'FORMER_RELEVANT', 'b) Former relevant child'),
 ('eligibility', 'QUALIFYING', 'c) Qualifying care leaver'), ('eligibility', 'ELIGIBLE', 'd) Eligible child'),
 -- LA in touch (SSDA903 OC3 IN_TOUCH), List 9.
 ('in_touch', 'YES', 'a) Yes'), ('in_touch', 'NO', 'b) No'), ('in_touch', 'DIED', 'c) Died'),
 ('in_touch', 'REFU', 'd) Refu'), ('in_touch', 'NREQ', 'e) NREQ'), ('in_touch', 'RHOM', 'f) Rhom'),
 -- Type of accommodation (SSDA903 OC3 ACCOM's letter), List 9.
 ('accommodation', 'B', 'B: Parents/relatives'), ('accommodation', 'C', 'C: Community home / residential care'),
 ('accommodation', 'D', 'D: Semi-independent, transitional accommodation and self-contained accommodation'),
 ('accommodation', 'E', 'E: Supported lodgings'), ('accommodation', 'G', 'G: Abroad'),
 ('accommodation', 'H', 'H: Deported'), ('accommodation', 'K', 'K: Ordinary lodgings, without formal support'),
 ('accommodation', 'R', 'R: Residence not known'), ('accommodation', 'S', 'S: No fixed abode / homeless'),
 ('accommodation', 'T', 'T: Foyers and similar supported accommodation'), ('accommodation', 'U', 'U: Independent living'),
 ('accommodation', 'V', 'V: Emergency accommodation'), ('accommodation', 'W', 'W: Bed and breakfast'),
 ('accommodation', 'X', 'X: In custody'), ('accommodation', 'Y', 'Y: Other accommodation'),
 ('accommodation', 'Z', 'Z: With former foster carers'),
 -- Activity status (SSDA903 OC3 ACTIV), List 9.  The 903 replaced F3 and
 -- P3 by F4, P4 (apprenticeships) and F5, P5 around 2022, after the
 -- template: a care leaver in work or training would otherwise be blank,
 -- so they take the labels the SSD extract and SFDL write.
 ('activity', 'F1', 'F1: Full time in higher education'), ('activity', 'P1', 'P1: Part time in higher education'),
 ('activity', 'F2', 'F2: Full time in education other than higher'),
 ('activity', 'P2', 'P2: Part time in education other than higher'),
 ('activity', 'F3', 'F3: Full time in training or employment'),
 ('activity', 'P3', 'P3: Part time in training or employment'),
 ('activity', 'G4', 'G4: Not in education, employment or training - illness or disability'),
 ('activity', 'G5', 'G5: Not in education, employment or training - other'),
 ('activity', 'G6', 'G6: Not in education, employment or training - pregnancy or parenting'),
 ('activity', 'F4', 'F4: Young person engaged full time in an apprenticeship'),
 ('activity', 'P4', 'P4: Young person engaged part time in an apprenticeship'),
 ('activity', 'F5', 'F5: Young person engaged full time in training or employment (not apprenticeship)'),
 ('activity', 'P5', 'P5: Young person engaged part time in training or employment (not apprenticeship)'),
 -- Reason why a child is no longer placed for adoption (SSDA903
 -- REASON_PLACED_CEASED), List 10.
 ('reversed_reason', 'RD1', 'RD1 - The child’s needs changed subsequent to the decision'),
 ('reversed_reason', 'RD2', 'RD2 - The Court did not make a placement order'),
 ('reversed_reason', 'RD3', 'RD3 - Prospective adopters could not be found'),
 ('reversed_reason', 'RD4', 'RD4 - Any other reason'),
 -- An adopter's gender, List 11 (c and d the other way round from the
 -- children's lists).  No value is d) Not stated/recorded (in the view).
 ('adopter_gender', 'M', 'a) Male'), ('adopter_gender', '1', 'a) Male'), ('adopter_gender', 'MALE', 'a) Male'),
 ('adopter_gender', 'F', 'b) Female'), ('adopter_gender', '2', 'b) Female'), ('adopter_gender', 'FEMALE', 'b) Female'),
 ('adopter_gender', 'N', 'c) Neither'),
 ('adopter_gender', 'U', 'd) Not stated/recorded'), ('adopter_gender', '9', 'd) Not stated/recorded'),
 ('adopter_gender', '0', 'd) Not stated/recorded'),
 -- Reason for leaving the adoption process, List 11.
 ('left_reason', '1', '1 - Adopter withdrew from process'), ('left_reason', '2', '2 - Process put on hold'),
 ('left_reason', '3', '3 - Application refused')
ON CONFLICT (dimension, dfe_code) DO UPDATE SET ofsted_label = EXCLUDED.ofsted_label;

--------------------------------------------------------------------------
-- The catalogue: every list's columns, in the template's order
--------------------------------------------------------------------------
-- A row with NULL data_type, derivation and requires takes them from
-- common (the columns every child list shares); every column also requires
-- the relation its list is made from.
WITH common(heading, data_type, derivation, requires) AS (VALUES
 ('Child Unique ID', 'text', 'The child''s child_id as the source has it.', '{}'::text[]),
 ('Gender', 'text',
  'child.sex as Ofsted labels it (cspi.annex_a_code, gender): 1, M a) Male; 2, F b) Female; I d) Neither; 9, U, 0, no value or any other code c) Not stated/recorded. Blank when the source has no sex column or the child is not in child.',
  '{child,child.sex}'),
 ('Ethnicity', 'text',
  'child.ethnicity, a DfE main code, with Ofsted''s letter (a) WBRI ... s) NOBT); no value s) NOBT (not yet obtained); an extended or unknown code is blank. Blank when the source has no ethnicity column or the child is not in child.',
  '{child,child.ethnicity}'),
 ('Date of Birth', 'date', 'child.date_of_birth (an unborn child''s expected date); blank if not known.', '{child}'),
 ('Age of Child (Years)', 'integer',
  'Whole years at the last birthday on as_at (age()); -1 for a child born after as_at (unborn); blank without a date of birth.',
  '{child}'),
 ('Does the Child have a Disability', 'text',
  'child.disability: true, yes or a CIN census disability code a) Yes; false, no or NONE b) No; no value or any other code c) Unknown. Blank when the source has no disability column or the child is not in child.',
  '{child,child.disability}')
), list_relation(list, relation) AS (VALUES
 (1, 'contact'), (2, 'family_support'), (3, 'referral'), (4, 'assessment'), (5, 's47_enquiry'),
 (6, 'cin_episode'), (7, 'cp_plan'), (8, 'cla_episode'), (9, 'leaving_care'), (10, 'adoption'), (11, 'adopter')
), team_worker(heading, data_type, derivation, requires) AS (VALUES
 ('Allocated Team', 'text', 'The team of the child''s allocation in force on the day given (start on or before it, end on or after it or open; the latest started, then the one open longest; a personal advisor''s left out).', '{allocation,allocation.team}'::text[]),
 ('Allocated Worker', 'text', 'The worker_id of the same allocation (the contract has no worker''s name yet).', '{allocation,allocation.worker_id}')
), short(list, position, column_name) AS (VALUES
 -- The headings longer than a PostgreSQL identifier (63 bytes): the view's
 -- column takes a shortened form.
 (4, 10, 'Assessed as requiring LA children’s social care support'),
 (5, 10, 'Did the ICPC Result in a Child Protection Plan'),
 (7, 14, 'Subject to EPO or Police Protection in Last Six Months (Y/N)'),
 (8, 6, 'UASC within the Last 12 Months (Y/N)'),
 (8, 10, 'Second or subsequent period Looked After in 12 months (Y/N)'),
 (8, 29, 'Number of Episodes ‘Missing’ from Placement in 12 months'),
 (8, 30, 'Number of Episodes ‘Absent’ from Placement in 12 months'),
 (8, 31, 'Offered a Return Interview after last missing episode (Y/N)?'),
 (8, 32, 'Accepted a Return Interview after last missing episode (Y/N)?'),
 (9, 6, 'UASC, or formerly UASC if 18 or over (Y/N)'),
 (10, 14, 'Date of Decision Child Should No Longer be Placed for Adoption'),
 (10, 16, 'Date placed for fostering in FFA or concurrent planning')
), rows(list, position, heading, data_type, derivation, requires, gap) AS (VALUES
 -- List 1: contacts received in the six months.
 (1, 1, 'Child Unique ID', NULL, NULL, NULL::text[], NULL),
 (1, 2, 'Gender', NULL, NULL, NULL, NULL),
 (1, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (1, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (1, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (1, 6, 'Date of Contact', 'date', 'contact.contact_date: every contact received from as_at - 6 months to as_at (both days), one row per contact.', '{}', NULL),
 (1, 7, 'Contact Source', 'text', 'contact.source (CIN census referral source) as Ofsted labels it (a) 1A: Individual ... u) 10: Unknown); blank for no value or a code without a label (5D).', '{}', NULL),
 -- List 2: early help.
 (2, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (2, 2, 'Gender', NULL, NULL, NULL, NULL),
 (2, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (2, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (2, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (2, 6, 'Assessment start date', 'date', 'family_support.start_date: every early help case and child started on or before as_at and open on or after as_at - 6 months (the contract''s early help case stands in for the assessment, as Ofsted''s "closest match" allows).', '{}', NULL),
 (2, 7, 'Assessment completion date', 'date', 'family_support.end_date when on or before as_at (Ofsted accepts the day the early help ended); blank while open.', '{}', NULL),
 (2, 8, 'Organisation completing assessment', 'text', 'Blank.', '{}', 'not in the data contract yet: family_support.organisation (its provider says only internal or external)'),
 -- List 3: referrals received in the six months.
 (3, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (3, 2, 'Gender', NULL, NULL, NULL, NULL),
 (3, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (3, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (3, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (3, 6, 'Date of referral', 'date', 'referral.referral_date: every referral received from as_at - 6 months to as_at, one row per referral.', '{}', NULL),
 (3, 7, 'Referral Source', 'text', 'referral.source as Ofsted labels it (as List 1''s Contact Source).', '{referral.source}', NULL),
 (3, 8, 'Referral NFA?', 'text', 'referral.nfa: true a) Yes, false b) No, not known blank.', '{referral.nfa}', NULL),
 (3, 9, 'Number of Referrals in Last 12 Months', 'integer', 'The child''s referrals received in the 12 months before the child''s latest referral on or before as_at (from L - 12 months to the day before L, L that latest referral: REREFERRAL_12M''s window); the same on each of the child''s rows; 0 at least.', '{}', NULL),
 (3, 10, 'Allocated Team', NULL, NULL, NULL, NULL),
 (3, 11, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 4: assessments in the six months, open ones included.
 (4, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (4, 2, 'Gender', NULL, NULL, NULL, NULL),
 (4, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (4, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (4, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (4, 6, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (4, 7, 'Continuous Assessment Start Date', 'date', 'assessment.start_date: every assessment started on or before as_at and not authorised before as_at - 6 months (open ones included), one row per assessment.', '{}', NULL),
 (4, 8, 'Child Seen During Continuous Assessment', 'text', 'Blank.', '{}', 'not in the data contract yet: assessment.child_seen'),
 (4, 9, 'Continuous Assessment Date of Authorisation', 'date', 'assessment.authorised_date when on or before as_at; blank while open.', '{}', NULL),
 (4, 10, 'Was the child assessed as requiring LA children’s social care support', 'text', 'b) No when the assessment was authorised by as_at and an episode of need of the child holding its start (cin_episode: started on or before it, not ended before it) closed by as_at with reason_closed RC8 (closed after assessment, no further action: the guidance''s pointer); otherwise blank (the contract has no assessment.support_required to say a) Yes).', '{cin_episode,cin_episode.reason_closed}', NULL),
 (4, 11, 'Allocated Team', NULL, NULL, NULL, NULL),
 (4, 12, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 5: section 47 enquiries and ICPCs in the six months.
 (5, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (5, 2, 'Gender', NULL, NULL, NULL, NULL),
 (5, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (5, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (5, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (5, 6, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (5, 7, 'Strategy discussion initiating Section 47 Enquiry Start Date', 'date', 's47_enquiry.strategy_date: every enquiry whose strategy discussion or conference falls from as_at - 6 months to as_at (the contract has no end of an enquiry), one row per enquiry; transfer-in conferences included.', '{}', NULL),
 (5, 8, 'Was an Initial Child Protection Conference deemed unnecessary?', 'text', 'b) No when a conference was held on or before as_at; otherwise blank (the contract does not say whether a conference was found unnecessary).', '{}', NULL),
 (5, 9, 'Date of Initial Child Protection Conference', 'date', 's47_enquiry.icpc_date when on or before as_at.', '{}', NULL),
 (5, 10, 'Did the Initial Child Protection Conference Result in a Child Protection Plan', 'text', 'Blank without a conference on or before as_at; a) Yes if a cp_plan of the child starts on the conference''s day, else b) No.', '{cp_plan}', NULL),
 (5, 11, 'Number of Section 47 Enquiries in the last 12 months', 'integer', 'The child''s enquiries whose strategy discussion is in the 12 months before the child''s latest one on or before as_at (L - 12 months to the day before L); the same on each of the child''s rows.', '{}', NULL),
 (5, 12, 'Number of ICPCs in the last 12 months', 'integer', 'The child''s initial conferences in the same 12 months (before the latest strategy discussion).', '{}', NULL),
 (5, 13, 'Allocated Team', NULL, NULL, NULL, NULL),
 (5, 14, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 6: children in need.
 (6, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (6, 2, 'Gender', NULL, NULL, NULL, NULL),
 (6, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (6, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (6, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (6, 6, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (6, 7, 'CIN Start Date', 'date', 'cin_episode.start_date of the child''s latest episode started on or before as_at and open then or ended from as_at - 6 months (an episode that began with a referral of the same child and day ending in no further action left out); one row per child.', '{}', NULL),
 (6, 8, 'Primary Need Code', 'text', 'The episode''s cin_episode.primary_need as Ofsted labels it (N1 - Abuse or neglect ... N0 - Not stated); blank for no value or a code without a label.', '{cin_episode.primary_need}', NULL),
 (6, 9, 'Date Child Was Last Seen', 'date', 'The child''s latest statutory visit (visit, any type but iro and care_leaver: an independent reviewing officer''s or a contact with a care leaver is not a social worker seeing the child) from the episode''s start to its end or as_at, whichever is earlier.', '{visit}', NULL),
 (6, 10, 'CIN Closure Date', 'date', 'cin_episode.end_date when on or before as_at.', '{}', NULL),
 (6, 11, 'Reason for Closure', 'text', 'When closed by as_at, the episode''s cin_episode.reason_closed as Ofsted labels it (RC1 - Adopted ... RC8 - Case closed after assessment, no further action); blank while open, for no value or a code without a label (RC9).', '{cin_episode.reason_closed}', NULL),
 (6, 12, 'Case status', 'text', 'e) Closed episode when closed by as_at; else the first that holds at as_at: a) Looked after child (an episode of care open, short breaks V3/V4 left out), b) Child Protection plan (a cp_plan open), c) Child in need plan (a cin_plan open), d) Open assessment (an assessment started and not authorised); none of them c) Child in need plan.', '{}', NULL),
 (6, 13, 'Allocated Team', NULL, NULL, NULL, NULL),
 (6, 14, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 7: child protection.
 (7, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (7, 2, 'Gender', NULL, NULL, NULL, NULL),
 (7, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (7, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (7, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (7, 6, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (7, 7, 'Child Protection Plan Start Date', 'date', 'cp_plan.start_date of the child''s latest plan started on or before as_at and open then or ended from as_at - 6 months; one row per child.', '{}', NULL),
 (7, 8, 'Initial Category of Abuse', 'text', 'The plan''s cp_plan.initial_category as Ofsted labels it (a) Neglect ... e) Multiple/not recommended); blank for no value or another code.', '{cp_plan.initial_category}', NULL),
 (7, 9, 'Latest Category of Abuse', 'text', 'The plan''s cp_plan.latest_category, labelled as the initial one; blank for no value or another code.', '{cp_plan.latest_category}', NULL),
 (7, 10, 'Date of the Last Statutory Visit', 'date', 'The child''s latest cp visit from the plan''s start to its end or as_at, whichever is earlier.', '{visit}', NULL),
 (7, 11, 'Was the Child Seen Alone?', 'text', 'Blank.', '{}', 'not in the data contract yet: visit.seen_alone'),
 (7, 12, 'Date of latest review conference', 'date', 'The plan''s latest cp_review on or before as_at.', '{cp_review}', NULL),
 (7, 13, 'Child Protection Plan End Date', 'date', 'cp_plan.end_date when on or before as_at.', '{}', NULL),
 (7, 14, 'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'text', 'a) Yes if an episode of care of the child with legal status L1 (police protection) or L2 (EPO) overlaps the six months, else b) No (emergency protection without an episode of care is not in the contract yet).', '{cla_episode}', NULL),
 (7, 15, 'Number of Previous Child Protection Plans', 'integer', 'The child''s plans that started before this one.', '{}', NULL),
 (7, 16, 'Allocated Team', NULL, NULL, NULL, NULL),
 (7, 17, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 8: children in care.
 (8, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (8, 2, 'Gender', NULL, NULL, NULL, NULL),
 (8, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (8, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (8, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (8, 6, 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'text', 'a) Yes if an episode of care of the child (short breaks left out) with uasc overlaps the year (as_at - 12 months to as_at), else b) No; blank when the source has no cla_episode.uasc.', '{cla_episode.uasc}', NULL),
 (8, 7, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (8, 8, 'Date Started to be Looked After', 'date', 'The start of the child''s latest period of care (cla_period_of_care: short breaks V3/V4 left out, as in every children-in-care figure) started on or before as_at and open then or ended from as_at - 6 months; one row per child.', '{}', NULL),
 (8, 9, 'Child''s Category of Need', 'text', 'Blank.', '{}', 'not in the data contract yet: cla_episode.category_of_need'),
 (8, 10, 'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)', 'text', 'a) Yes if an earlier period of care of the child ended on or after as_at - 12 months, else b) No.', '{}', NULL),
 (8, 11, 'Start date of current legal status', 'date', 'The start of the earliest episode of the unbroken run, back from the period''s last episode started by as_at, with that episode''s legal status.', '{}', NULL),
 (8, 12, 'Child''s Legal Status', 'text', 'The legal_status of the period''s last episode started by as_at, as Ofsted labels it (C2: FCO); blank for a code without a label.', '{}', NULL),
 (8, 13, 'Date of Latest Statutory Review', 'date', 'The child''s latest cla_review from the period''s start to its end or as_at, whichever is earlier.', '{cla_review}', NULL),
 (8, 14, 'Date of Last Social Work Visit', 'date', 'The child''s latest cic visit from the period''s start to its end or as_at, whichever is earlier.', '{visit}', NULL),
 (8, 15, 'What is the permanence plan for this child?', 'text', 'Blank.', '{}', 'not in the data contract yet: permanence_plan'),
 (8, 16, 'Date of Last IRO Visit / Contact to the Child', 'date', 'The child''s latest iro visit from the period''s start to its end or as_at, whichever is earlier; blank without one.', '{visit}', NULL),
 (8, 17, 'Date of Last Health Assessment', 'date', 'The child''s latest completed health assessment (initial or review) on or before as_at.', '{health_assessment}', NULL),
 (8, 18, 'Date of Last Dental Check', 'date', 'The child''s latest dental check (health_assessment kind dental) completed on or before as_at; blank without one.', '{health_assessment}', NULL),
 (8, 19, 'Number of Placements in the Last 12 months', 'integer', 'The child''s placements (cla_placement: temporary placements and returns from them are not new ones) started by as_at and open on or after the first day of the 12 months to as_at: CIC_STABILITY_SHORT''s count, on as_at.', '{}', NULL),
 (8, 20, 'Date Ceased to be Looked After', 'date', 'The end of the period of care when on or before as_at.', '{}', NULL),
 (8, 21, 'Reason Ceased to be Looked After', 'text', 'When ceased by as_at, the period''s last reason_ceased as Ofsted labels it (a) E11: Adopted - application unopposed ...); blank for a code without a label (E17).', '{}', NULL),
 (8, 22, 'Start Date of Most Recent Placement', 'date', 'The start of the period''s latest placement started by as_at.', '{}', NULL),
 (8, 23, 'Placement Type', 'text', 'The placement of the period''s last episode started by as_at, as Ofsted labels it (p) K2: Children’s Homes); blank for a code without a label (K3, Z11-Z14).', '{}', NULL),
 (8, 24, 'Placement Provider', 'text', 'The placement_provider of the period''s last episode started by as_at, as Ofsted labels it (a) PR0: Parents/Parental responsibility ... f) PR5: Voluntary/third sector); blank for no value or another code.', '{cla_episode.placement_provider}', NULL),
 (8, 25, 'Placement postcode', 'text', 'The placement_postcode of the same episode, as the source writes it (upper case); blank for no value or an empty one.', '{cla_episode.placement_postcode}', NULL),
 (8, 26, 'URN of Placement', 'text', 'The placement_urn of the same episode, as the source writes it (the 903''s XXXXXXX where none applies); blank for no value or an empty one.', '{cla_episode.placement_urn}', NULL),
 (8, 27, 'Placement Location', 'text', 'Blank.', '{}', 'not in the data contract yet: cla_episode.placement_la (the SSDA903 does not carry it: the DfE derives it from the postcode)'),
 (8, 28, 'LA of Placement', 'text', 'Blank.', '{}', 'not in the data contract yet: cla_episode.placement_la (the SSDA903 does not carry it: the DfE derives it from the postcode)'),
 (8, 29, 'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months', 'integer', 'The child''s missing episodes starting from as_at - 12 months (or the period''s start, if later) to as_at (the contract does not tell missing from absent: every episode counts as missing).', '{missing_episode}', NULL),
 (8, 30, 'Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months', 'integer', 'Blank.', '{}', 'not in the data contract yet: missing_episode.kind'),
 (8, 31, 'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'text', 'The latest episode counted in the missing column: a) Yes if a return interview was offered (rhi_offered_at), else b) No; blank without one.', '{missing_episode}', NULL),
 (8, 32, 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'text', 'The same episode, when an interview was offered: a) Yes if the child engaged (rhi_engaged), else b) No; blank when none was offered or there is no episode.', '{missing_episode}', NULL),
 (8, 33, 'Allocated Team', NULL, NULL, NULL, NULL),
 (8, 34, 'Allocated Worker', NULL, NULL, NULL, NULL),
 -- List 9: care leavers, from leaving_care.
 (9, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (9, 2, 'Gender', NULL, NULL, NULL, NULL),
 (9, 3, 'Ethnicity', NULL, NULL, NULL, NULL),
 (9, 4, 'Date of Birth', NULL, NULL, NULL, NULL),
 (9, 5, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (9, 6, 'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', 'text', 'a) Yes if any episode of care of the young person started on or before as_at has uasc, else b) No; blank when the source has no cla_episode or its uasc.', '{cla_episode,cla_episode.uasc}', NULL),
 (9, 7, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (9, 8, 'Allocated Team', NULL, NULL, NULL, NULL),
 (9, 9, 'Allocated Worker', NULL, NULL, NULL, NULL),
 (9, 10, 'Allocated Personal Advisor', 'text', 'The worker_id of the young person''s allocation with role personal_advisor in force on as_at (the latest started, then the one open longest); blank without one.', '{allocation,allocation.role,allocation.worker_id}', NULL),
 (9, 11, 'Eligibility Category', 'text', 'leaving_care.eligibility of the entitlement listed, as Ofsted labels it: relevant a) Relevant child, former_relevant b) Former relevant child, qualifying c) Qualifying care leaver, eligible d) Eligible child (the SSD extract''s label); blank for another value.', '{}', NULL),
 (9, 12, 'Latest Pathway Plan Review Date', 'date', 'The young person''s latest pathway_plan_review on or before as_at; blank without one.', '{pathway_plan_review}', NULL),
 (9, 13, 'LA In Touch', 'text', 'The young person''s latest care_leaver row (its as_at on or before the lists'' as_at): its in_touch_code as Ofsted labels it (a) Yes, b) No, c) Died, d) Refu, e) NREQ, f) Rhom; blank for another code); without a code, in_touch true a) Yes, false b) No. Blank without a care_leaver row.', '{care_leaver}', NULL),
 (9, 14, 'Latest Date of Contact', 'date', 'The young person''s latest visit of type care_leaver on or before as_at; blank without one.', '{visit}', NULL),
 (9, 15, 'Type of Accommodation', 'text', 'When in touch (in_touch_code YES, or no code and in_touch true), the same care_leaver row''s accommodation (a letter and its suitability digit, U1, or the letter alone) as Ofsted labels its letter (U: Independent living); blank when not in touch or for another value (a digit other than 1 or 2 too).', '{care_leaver,care_leaver.accommodation}', NULL),
 (9, 16, 'Suitability of Accommodation', 'text', 'When in touch, the same row''s accommodation_suitable: true a) Suitable, false b) Unsuitable; without it, the accommodation code''s digit: 1 a) Suitable, 2 b) Unsuitable; else blank.', '{care_leaver}', NULL),
 (9, 17, 'Activity Status', 'text', 'When in touch, the same row''s activity code as Ofsted labels it (F1: Full time in higher education ... G6; F4, P4, F5 and P5, newer than the template, as the SSD extract labels them); blank when not in touch, for 0 or a group name (education...).', '{care_leaver}', NULL),
 -- List 10: adoption, from adoption and the periods of care.
 (10, 1, 'Child Unique ID', NULL, NULL, NULL, NULL),
 (10, 2, 'Family identifier', 'text', 'adoption.adoptive_family_id: the adoptive family the child is matched or placed with (List 11''s Family identifier).', '{adoption.adoptive_family_id}', NULL),
 (10, 3, 'Gender', NULL, NULL, NULL, NULL),
 (10, 4, 'Ethnicity', NULL, NULL, NULL, NULL),
 (10, 5, 'Date of Birth', NULL, NULL, NULL, NULL),
 (10, 6, 'Age of Child (Years)', NULL, NULL, NULL, NULL),
 (10, 7, 'Does the Child have a Disability', NULL, NULL, NULL, NULL),
 (10, 8, 'Date the Child Entered Care', 'date', 'The start of the period of care the adoption is read from: the child''s period of care (short breaks left out) open on the decision''s day (started by it and not ended before it; of two that touch that day, the later started), else the first started after it by as_at; blank without one.', '{cla_episode}', NULL),
 (10, 9, 'Date of Decision that Child Should be Placed for Adoption', 'date', 'adoption.decision_date: the child''s latest decision on or before as_at, one row per child.', '{}', NULL),
 (10, 10, 'Date of Placement Order', 'date', 'The earliest start of the period''s episodes with legal status E1 (placement order) or D1 (freeing order), started on or before as_at.', '{cla_episode}', NULL),
 (10, 11, 'Date of Matching Child and Prospective Adopters', 'date', 'adoption.matched_date, when on or before as_at.', '{}', NULL),
 (10, 12, 'Date Placed for Adoption', 'date', 'adoption.placed_date when given (blank when after as_at); else the earliest start of the period''s episodes with placement A3 to A6, started on or before as_at.', '{}', NULL),
 (10, 13, 'Date of Adoption Order', 'date', 'The period''s end when on or before as_at and its last reason_ceased is E11 or E12 (adopted).', '{cla_episode}', NULL),
 (10, 14, 'Date of Decision that Child Should No Longer be Placed for Adoption', 'date', 'adoption.reversed_date, when on or before as_at.', '{}', NULL),
 (10, 15, 'Reason Why Child No Longer Placed for Adoption', 'text', 'When the decision was reversed by as_at, adoption.reversed_reason as Ofsted labels it (RD1 - The child’s needs changed subsequent to the decision ... RD4 - Any other reason); blank for another code.', '{}', NULL),
 (10, 16, 'Date the child was placed for fostering in FFA or concurrent planning placement', 'date', 'The earliest start of the period''s episodes with placement U2 or U5 (foster for adoption, concurrent planning), started on or before as_at.', '{cla_episode}', NULL),
 -- List 11: adopters, passed through from adopter.
 (11, 1, 'Individual adopter identifier', 'text', 'adopter.adopter_id: every adopter who applied (or started Stage 1) on or before as_at and was not adopted (adoption order) or left before as_at - 12 months, nor put on hold (left_reason 2 by as_at); one row per adopter, two for a couple.', '{}', NULL),
 (11, 2, 'Family identifier', 'text', 'adopter.family_id (List 10''s Family identifier).', '{}', NULL),
 (11, 3, 'Gender', 'text', 'adopter.gender as Ofsted labels an adopter''s: M (1) a) Male, F (2) b) Female, N c) Neither, U (9, 0) or no value d) Not stated/recorded; blank for another code.', '{}', NULL),
 (11, 4, 'Ethnicity', 'text', 'adopter.ethnicity, a DfE main code, with Ofsted''s letter (a) WBRI ... s) NOBT); no value s) NOBT; another code blank.', '{}', NULL),
 (11, 5, 'Disability', 'text', 'adopter.disability: true a) Yes, false b) No, no value blank.', '{}', NULL),
 (11, 6, 'Is the (prospective) adopter fostering for adoption?', 'text', 'adopter.fostering_for_adoption: true Yes, false No, no value blank.', '{}', NULL),
 (11, 7, 'Date enquiry received', 'date', 'adopter.enquiry_date, when on or before as_at.', '{}', NULL),
 (11, 8, 'Date Stage 1 started', 'date', 'adopter.stage1_start_date, when on or before as_at.', '{}', NULL),
 (11, 9, 'Date Stage 1 ended', 'date', 'adopter.stage1_end_date, when on or before as_at.', '{}', NULL),
 (11, 10, 'Date Stage 2 started', 'date', 'adopter.stage2_start_date, when on or before as_at.', '{}', NULL),
 (11, 11, 'Date Stage 2 ended', 'date', 'adopter.stage2_end_date, when on or before as_at.', '{}', NULL),
 (11, 12, 'Date application submitted', 'date', 'adopter.application_date, when on or before as_at.', '{}', NULL),
 (11, 13, 'Date application approved', 'date', 'adopter.approval_date, when on or before as_at.', '{}', NULL),
 (11, 14, 'Date adopter matched with child(ren)', 'date', 'adopter.matched_date, when on or before as_at.', '{}', NULL),
 (11, 15, 'Date child/children placed with adopter(s)', 'date', 'adopter.placed_date, when on or before as_at.', '{}', NULL),
 (11, 16, 'No. of children placed', 'integer', 'adopter.children_placed, as given; blank when the placement (placed_date) is after as_at.', '{}', NULL),
 (11, 17, 'Date of Adoption Order', 'date', 'adopter.adoption_order_date, when on or before as_at.', '{}', NULL),
 (11, 18, 'Date of leaving adoption process', 'date', 'adopter.left_date, when on or before as_at.', '{}', NULL),
 (11, 19, 'Reason for leaving adoption process', 'text', 'When the adopter left by as_at, adopter.left_reason as Ofsted labels it (1 - Adopter withdrew from process, 2 - Process put on hold, 3 - Application refused); blank for another code.', '{}', NULL)
)
INSERT INTO cspi.annex_a_column (list, position, sheet, heading, column_name, data_type, derivation, requires, gap)
SELECT r.list, r.position, 'List ' || r.list, r.heading, coalesce(s.column_name, r.heading),
       coalesce(r.data_type, c.data_type, t.data_type),
       coalesce(r.derivation, c.derivation,
                t.derivation || CASE r.list WHEN 3 THEN ' The day: the referral''s.'
                                            WHEN 4 THEN ' The day: the authorisation''s (as_at while open).'
                                            WHEN 5 THEN ' The day: as_at (the contract has no end of an enquiry).'
                                            WHEN 9 THEN ' The day: as_at.'
                                            ELSE ' The day: as_at while open, else the day it ended.' END),
       -- the list's relation first, then what the column reads
       ARRAY(SELECT DISTINCT x FROM unnest(array_remove(ARRAY[l.relation], NULL)
                                           || coalesce(r.requires, c.requires, t.requires)) x
              ORDER BY x),
       r.gap
  FROM rows r
  JOIN list_relation l ON l.list = r.list
  LEFT JOIN common c ON c.heading = r.heading AND r.list <> 11
  LEFT JOIN team_worker t ON t.heading = r.heading
  LEFT JOIN short s ON s.list = r.list AND s.position = r.position
ON CONFLICT (list, position) DO UPDATE SET sheet = EXCLUDED.sheet, heading = EXCLUDED.heading, column_name = EXCLUDED.column_name,
    data_type = EXCLUDED.data_type, derivation = EXCLUDED.derivation, requires = EXCLUDED.requires, gap = EXCLUDED.gap;

--------------------------------------------------------------------------
-- The lists as report objects
--------------------------------------------------------------------------
-- Each definition reads @ASAT@ once (a), the six months' and the year's
-- first days and the source's relations (cfg), the list's rows (t), the
-- child (ch: one src_child row, as the breakdowns take it) and, for the
-- allocated team and worker, the allocation in force on the list's day
-- (al).  The columns every child list shares are written once, here.
WITH part(name, text) AS (VALUES
 ('cfg', $p$(SELECT @ASAT@ AS as_at) a
 CROSS JOIN LATERAL (SELECT (a.as_at - interval '6 months')::date AS window_start,
                            (a.as_at - interval '12 months')::date AS year_start,
                            coalesce((SELECT y.present_relations FROM @R@.deployment y), '{}') AS present) cfg$p$),
 ('child', $p$LEFT JOIN LATERAL (SELECT k.* FROM @R@.src_child k WHERE k.child_id = t.child_id
                     ORDER BY k.date_of_birth LIMIT 1) ch ON true$p$),
 -- the shared columns after the id (List 10 puts its family identifier
 -- between them); 'five' below is the id and these
 ('four', $p$CASE WHEN ch.child_id IS NOT NULL AND 'child.sex' = ANY (cfg.present)
            THEN coalesce(cspi.annex_a_label('gender', ch.sex), 'c) Not stated/recorded') END AS "Gender",
       CASE WHEN ch.child_id IS NOT NULL AND 'child.ethnicity' = ANY (cfg.present)
            THEN CASE WHEN nullif(ch.ethnicity, '') IS NULL THEN 's) NOBT'
                      ELSE cspi.annex_a_label('ethnicity', ch.ethnicity) END END AS "Ethnicity",
       ch.date_of_birth AS "Date of Birth",
       cspi_internal.annex_a_age(ch.date_of_birth, a.as_at) AS "Age of Child (Years)"$p$),
 ('disability', $p$CASE WHEN ch.child_id IS NOT NULL AND 'child.disability' = ANY (cfg.present)
            THEN coalesce(cspi.annex_a_label('disability', ch.disability), 'c) Unknown') END AS "Does the Child have a Disability"$p$),
 -- The allocation in force on a day (%1$s) that is (%2$s true) or is not
 -- (false) a personal advisor's, as %3$s: the social worker's of every
 -- list (al), and List 9's personal advisor (pa).
 ('allocation_of', $p$LEFT JOIN LATERAL (SELECT nullif(btrim(x.team), '') AS team, nullif(btrim(x.worker_id), '') AS worker
                     FROM @R@.src_allocation x
                    WHERE x.child_id = t.child_id AND x.start_date <= (%1$s) AND (x.end_date IS NULL OR x.end_date >= (%1$s))
                      AND cspi_internal.is_personal_advisor(x.role) = %2$s
                    ORDER BY x.start_date DESC, x.end_date DESC NULLS FIRST, x.team COLLATE "C", x.worker_id COLLATE "C"
                    LIMIT 1) %3$s ON true$p$),
 ('team', $p$al.team AS "Allocated Team", al.worker AS "Allocated Worker"$p$)
), p AS (SELECT jsonb_object_agg(name, text)
                 -- %s: the day the social worker's allocation is in force
                 || jsonb_build_object('allocation', format((SELECT text FROM part WHERE name = 'allocation_of'), '%1$s', 'false', 'al'))
                 || jsonb_build_object('five', 't.child_id AS "Child Unique ID",' || E'\n       '
                                               || (SELECT text FROM part WHERE name = 'four')) AS j
            FROM part),
list(n, comment, definition) AS (
 SELECT 1, 'Annex A List 1, contacts: every contact received in the six months to the day the lists are as at (cspi.annex_a_as_at), one row per contact, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       t.contact_date AS "Date of Contact",
       cspi.annex_a_label('source', t.source) AS "Contact Source"
  FROM %s
  JOIN @R@.src_contact t ON t.contact_date BETWEEN cfg.window_start AND a.as_at
  %s
 ORDER BY t.contact_date, t.child_id COLLATE "C", t.contact_id COLLATE "C"$d$, j->>'five', j->>'cfg', j->>'child') FROM p
 UNION ALL
 SELECT 2, 'Annex A List 2, early help: every early help case and child started by the day the lists are as at and open in the six months before it, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       t.start_date AS "Assessment start date",
       CASE WHEN t.end_date <= a.as_at THEN t.end_date END AS "Assessment completion date",
       NULL::text AS "Organisation completing assessment"
  FROM %s
  JOIN @R@.src_family_support t ON t.start_date <= a.as_at AND (t.end_date IS NULL OR t.end_date >= cfg.window_start)
  %s
 ORDER BY t.start_date, t.child_id COLLATE "C", t.case_id COLLATE "C"$d$, j->>'five', j->>'cfg', j->>'child') FROM p
 UNION ALL
 SELECT 3, 'Annex A List 3, referrals: every referral received in the six months to the day the lists are as at, one row per referral, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       t.referral_date AS "Date of referral",
       cspi.annex_a_label('source', t.source) AS "Referral Source",
       CASE t.nfa WHEN true THEN 'a) Yes' WHEN false THEN 'b) No' END AS "Referral NFA?",
       coalesce(n.referrals, 0)::integer AS "Number of Referrals in Last 12 Months",
       %s
  FROM %s
  JOIN @R@.src_referral t ON t.referral_date BETWEEN cfg.window_start AND a.as_at
  %s
  LEFT JOIN LATERAL (SELECT count(*) AS referrals FROM @R@.src_referral r
                      WHERE r.child_id = t.child_id
                        AND r.referral_date >= (l.latest - interval '12 months')::date AND r.referral_date < l.latest
                    ) n ON true
  %s
 ORDER BY t.referral_date, t.child_id COLLATE "C", t.referral_id COLLATE "C"$d$,
        j->>'five', j->>'team', j->>'cfg', (j->>'child')
          || $l$
  CROSS JOIN LATERAL (SELECT max(r.referral_date) AS latest FROM @R@.src_referral r
                       WHERE r.child_id = t.child_id AND r.referral_date <= a.as_at) l$l$,
        format(j->>'allocation', 't.referral_date')) FROM p
 UNION ALL
 SELECT 4, 'Annex A List 4, assessments: every assessment started by the day the lists are as at and authorised in the six months before it or still open, one row per assessment, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       %s,
       t.start_date AS "Continuous Assessment Start Date",
       NULL::text AS "Child Seen During Continuous Assessment",
       au.authorised AS "Continuous Assessment Date of Authorisation",
       CASE WHEN au.authorised IS NOT NULL
                 AND EXISTS (SELECT 1 FROM @R@.src_cin_episode e
                              WHERE e.child_id = t.child_id AND e.start_date <= t.start_date
                                AND e.end_date >= t.start_date AND e.end_date <= a.as_at AND e.reason_closed = 'RC8')
            THEN 'b) No' END AS "Assessed as requiring LA children’s social care support",
       %s
  FROM %s
  JOIN @R@.src_assessment t ON t.start_date <= a.as_at AND (t.authorised_date IS NULL OR t.authorised_date >= cfg.window_start)
  CROSS JOIN LATERAL (SELECT CASE WHEN t.authorised_date <= a.as_at THEN t.authorised_date END AS authorised) au
  %s
  %s
 ORDER BY t.start_date, t.child_id COLLATE "C", t.assessment_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation', 'coalesce(au.authorised, a.as_at)')) FROM p
 UNION ALL
 SELECT 5, 'Annex A List 5, section 47 enquiries and initial child protection conferences: every enquiry whose strategy discussion or conference falls in the six months to the day the lists are as at, one row per enquiry, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       %s,
       t.strategy_date AS "Strategy discussion initiating Section 47 Enquiry Start Date",
       CASE WHEN ic.icpc IS NOT NULL THEN 'b) No' END AS "Was an Initial Child Protection Conference deemed unnecessary?",
       ic.icpc AS "Date of Initial Child Protection Conference",
       CASE WHEN ic.icpc IS NULL OR NOT 'cp_plan' = ANY (cfg.present) THEN NULL
            WHEN EXISTS (SELECT 1 FROM @R@.src_cp_plan q WHERE q.child_id = t.child_id AND q.start_date = ic.icpc)
            THEN 'a) Yes' ELSE 'b) No' END
         AS "Did the ICPC Result in a Child Protection Plan",
       coalesce(n.enquiries, 0)::integer AS "Number of Section 47 Enquiries in the last 12 months",
       coalesce(n.conferences, 0)::integer AS "Number of ICPCs in the last 12 months",
       %s
  FROM %s
  JOIN @R@.src_s47_enquiry t
    ON t.strategy_date BETWEEN cfg.window_start AND a.as_at
    OR (t.icpc_date BETWEEN cfg.window_start AND a.as_at AND (t.strategy_date IS NULL OR t.strategy_date <= a.as_at))
  CROSS JOIN LATERAL (SELECT CASE WHEN t.icpc_date <= a.as_at THEN t.icpc_date END AS icpc) ic
  %s
  CROSS JOIN LATERAL (SELECT max(e.strategy_date) AS latest FROM @R@.src_s47_enquiry e
                       WHERE e.child_id = t.child_id AND e.strategy_date <= a.as_at) l
  LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.strategy_date >= (l.latest - interval '12 months')::date
                                                 AND e.strategy_date < l.latest) AS enquiries,
                            count(*) FILTER (WHERE e.icpc_date >= (l.latest - interval '12 months')::date
                                                 AND e.icpc_date < l.latest) AS conferences
                       FROM @R@.src_s47_enquiry e WHERE e.child_id = t.child_id) n ON true
  %s
 ORDER BY t.strategy_date, t.child_id COLLATE "C", t.s47_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation', 'a.as_at')) FROM p
 UNION ALL
 SELECT 6, 'Annex A List 6, children in need: each child''s latest episode of need started by the day the lists are as at and open then or closed in the six months before it, one row per child, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       %s,
       t.start_date AS "CIN Start Date",
       cspi.annex_a_label('primary_need', t.primary_need) AS "Primary Need Code",
       (SELECT max(v.visit_date) FROM @R@.src_visit v
         WHERE v.child_id = t.child_id AND coalesce(v.visit_type, '') NOT IN ('IRO', 'CARE_LEAVER') AND v.visit_date >= t.start_date
           AND v.visit_date <= least(coalesce(t.end_date, a.as_at), a.as_at)) AS "Date Child Was Last Seen",
       st.closed AS "CIN Closure Date",
       CASE WHEN st.closed IS NOT NULL THEN cspi.annex_a_label('reason_closed', t.reason_closed) END AS "Reason for Closure",
       CASE WHEN st.closed IS NOT NULL THEN 'e) Closed episode'
            WHEN EXISTS (SELECT 1 FROM @R@.src_cla_episode e
                          WHERE e.child_id = t.child_id AND e.start_date <= a.as_at
                            AND (e.end_date IS NULL OR e.end_date > a.as_at)
                            AND e.legal_status IS DISTINCT FROM 'V3' AND e.legal_status IS DISTINCT FROM 'V4')
                 THEN 'a) Looked after child'
            WHEN EXISTS (SELECT 1 FROM @R@.src_cp_plan q
                          WHERE q.child_id = t.child_id AND q.start_date <= a.as_at
                            AND (q.end_date IS NULL OR q.end_date > a.as_at))
                 THEN 'b) Child Protection plan'
            WHEN EXISTS (SELECT 1 FROM @R@.src_cin_plan q
                          WHERE q.child_id = t.child_id AND q.start_date <= a.as_at
                            AND (q.end_date IS NULL OR q.end_date > a.as_at))
                 THEN 'c) Child in need plan'
            WHEN EXISTS (SELECT 1 FROM @R@.src_assessment s
                          WHERE s.child_id = t.child_id AND s.start_date <= a.as_at
                            AND (s.authorised_date IS NULL OR s.authorised_date > a.as_at))
                 THEN 'd) Open assessment'
            ELSE 'c) Child in need plan' END AS "Case status",
       %s
  FROM %s
  JOIN LATERAL (SELECT DISTINCT ON (e.child_id) e.* FROM @R@.src_cin_episode e
                 WHERE e.start_date <= a.as_at AND (e.end_date IS NULL OR e.end_date >= cfg.window_start)
                   AND NOT EXISTS (SELECT 1 FROM @R@.src_referral r
                                    WHERE r.child_id = e.child_id AND r.referral_date = e.start_date AND r.nfa)
                 ORDER BY e.child_id, e.start_date DESC, e.end_date DESC NULLS FIRST, e.episode_id COLLATE "C") t ON true
  CROSS JOIN LATERAL (SELECT CASE WHEN t.end_date <= a.as_at THEN t.end_date END AS closed) st
  %s
  %s
 ORDER BY t.child_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation', 'coalesce(st.closed, a.as_at)')) FROM p
 UNION ALL
 SELECT 7, 'Annex A List 7, child protection: each child''s latest child protection plan started by the day the lists are as at and open then or ended in the six months before it, one row per child, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       %s,
       t.start_date AS "Child Protection Plan Start Date",
       cspi.annex_a_label('category_of_abuse', t.initial_category) AS "Initial Category of Abuse",
       cspi.annex_a_label('category_of_abuse', t.latest_category) AS "Latest Category of Abuse",
       (SELECT max(v.visit_date) FROM @R@.src_visit v
         WHERE v.child_id = t.child_id AND v.visit_type = 'CP' AND v.visit_date >= t.start_date
           AND v.visit_date <= least(coalesce(t.end_date, a.as_at), a.as_at)) AS "Date of the Last Statutory Visit",
       NULL::text AS "Was the Child Seen Alone?",
       (SELECT max(r.review_date) FROM @R@.src_cp_review r
         WHERE r.plan_id = t.plan_id AND r.review_date <= a.as_at) AS "Date of latest review conference",
       st.ended AS "Child Protection Plan End Date",
       CASE WHEN NOT 'cla_episode' = ANY (cfg.present) THEN NULL
            WHEN EXISTS (SELECT 1 FROM @R@.src_cla_episode e
                          WHERE e.child_id = t.child_id AND e.legal_status IN ('L1', 'L2')
                            AND e.start_date <= a.as_at AND (e.end_date IS NULL OR e.end_date >= cfg.window_start))
            THEN 'a) Yes' ELSE 'b) No' END
         AS "Subject to EPO or Police Protection in Last Six Months (Y/N)",
       (SELECT count(*) FROM @R@.src_cp_plan q
         WHERE q.child_id = t.child_id AND q.start_date < t.start_date)::integer AS "Number of Previous Child Protection Plans",
       %s
  FROM %s
  JOIN LATERAL (SELECT DISTINCT ON (q.child_id) q.* FROM @R@.src_cp_plan q
                 WHERE q.start_date <= a.as_at AND (q.end_date IS NULL OR q.end_date >= cfg.window_start)
                 ORDER BY q.child_id, q.start_date DESC, q.end_date DESC NULLS FIRST, q.plan_id COLLATE "C") t ON true
  CROSS JOIN LATERAL (SELECT CASE WHEN t.end_date <= a.as_at THEN t.end_date END AS ended) st
  %s
  %s
 ORDER BY t.child_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation', 'coalesce(st.ended, a.as_at)')) FROM p
 UNION ALL
 SELECT 8, 'Annex A List 8, children in care: each child''s latest period of care (short breaks left out) started by the day the lists are as at and open then or ended in the six months before it, one row per child, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       CASE WHEN NOT 'cla_episode.uasc' = ANY (cfg.present) THEN NULL
            WHEN EXISTS (SELECT 1 FROM @R@.cla_episode_detail e
                          WHERE e.child_id = t.child_id AND e.uasc AND e.start_date <= a.as_at
                            AND (e.end_date IS NULL OR e.end_date >= cfg.year_start))
            THEN 'a) Yes' ELSE 'b) No' END AS "UASC within the Last 12 Months (Y/N)",
       %s,
       t.start_date AS "Date Started to be Looked After",
       NULL::text AS "Child's Category of Need",
       CASE WHEN EXISTS (SELECT 1 FROM @R@.cla_period_of_care q
                          WHERE q.child_id = t.child_id AND q.start_date < t.start_date AND q.end_date >= cfg.year_start)
            THEN 'a) Yes' ELSE 'b) No' END AS "Second or subsequent period Looked After in 12 months (Y/N)",
       ls.start_date AS "Start date of current legal status",
       cspi.annex_a_label('legal_status', le.legal_status) AS "Child's Legal Status",
       (SELECT max(r.review_date) FROM @R@.src_cla_review r
         WHERE r.child_id = t.child_id AND r.review_date >= t.start_date AND r.review_date <= st.until)
         AS "Date of Latest Statutory Review",
       (SELECT max(v.visit_date) FROM @R@.src_visit v
         WHERE v.child_id = t.child_id AND v.visit_type = 'CIC' AND v.visit_date >= t.start_date AND v.visit_date <= st.until)
         AS "Date of Last Social Work Visit",
       NULL::text AS "What is the permanence plan for this child?",
       (SELECT max(v.visit_date) FROM @R@.src_visit v
         WHERE v.child_id = t.child_id AND v.visit_type = 'IRO' AND v.visit_date >= t.start_date AND v.visit_date <= st.until)
         AS "Date of Last IRO Visit / Contact to the Child",
       (SELECT max(h.completed_date) FROM @R@.src_health_assessment h
         WHERE h.child_id = t.child_id AND h.kind IN ('INITIAL', 'REVIEW') AND h.completed_date <= a.as_at)
         AS "Date of Last Health Assessment",
       (SELECT max(h.completed_date) FROM @R@.src_health_assessment h
         WHERE h.child_id = t.child_id AND h.kind = 'DENTAL' AND h.completed_date <= a.as_at)
         AS "Date of Last Dental Check",
       -- open on the first day of the 12 months to as_at (as_at - 12 months
       -- + 1 day), as CIC_STABILITY_SHORT counts them at a month end
       (SELECT count(*) FROM @R@.cla_placement p
         WHERE p.child_id = t.child_id AND p.start_date <= a.as_at
           AND (p.end_date IS NULL OR greatest(p.end_date, p.start_date + 1) > cfg.year_start + 1))::integer
         AS "Number of Placements in the Last 12 months",
       st.ceased AS "Date Ceased to be Looked After",
       CASE WHEN st.ceased IS NOT NULL THEN cspi.annex_a_label('reason_ceased', t.last_reason_ceased) END
         AS "Reason Ceased to be Looked After",
       (SELECT max(p.start_date) FROM @R@.cla_placement p
         WHERE p.child_id = t.child_id AND p.period_of_care = t.period_of_care AND p.start_date <= a.as_at)
         AS "Start Date of Most Recent Placement",
       cspi.annex_a_label('placement_type', le.placement) AS "Placement Type",
       cspi.annex_a_label('placement_provider', pl.placement_provider) AS "Placement Provider",
       nullif(pl.placement_postcode, '') AS "Placement postcode",
       nullif(pl.placement_urn, '') AS "URN of Placement",
       NULL::text AS "Placement Location",
       NULL::text AS "LA of Placement",
       CASE WHEN 'missing_episode' = ANY (cfg.present) THEN coalesce(ms.episodes, 0)::integer END
         AS "Number of Episodes ‘Missing’ from Placement in 12 months",
       NULL::integer AS "Number of Episodes ‘Absent’ from Placement in 12 months",
       CASE WHEN ms.episodes > 0 THEN CASE WHEN ms.offered THEN 'a) Yes' ELSE 'b) No' END END
         AS "Offered a Return Interview after last missing episode (Y/N)?",
       CASE WHEN ms.episodes > 0 AND ms.offered THEN CASE WHEN ms.engaged THEN 'a) Yes' ELSE 'b) No' END END
         AS "Accepted a Return Interview after last missing episode (Y/N)?",
       %s
  FROM %s
  JOIN LATERAL (SELECT DISTINCT ON (q.child_id) q.* FROM @R@.cla_period_of_care q
                 WHERE q.start_date <= a.as_at AND (q.end_date IS NULL OR q.end_date >= cfg.window_start)
                 ORDER BY q.child_id, q.start_date DESC) t ON true
  CROSS JOIN LATERAL (SELECT CASE WHEN t.end_date <= a.as_at THEN t.end_date END AS ceased,
                             least(coalesce(t.end_date, a.as_at), a.as_at) AS until) st
  -- the period's last episode started by as_at, and the start of the
  -- unbroken run of episodes with its legal status
  LEFT JOIN LATERAL (SELECT e.* FROM @R@.cla_episode_detail e
                      WHERE e.child_id = t.child_id AND e.period_of_care = t.period_of_care AND e.start_date <= a.as_at
                      ORDER BY e.start_date DESC, e.episode_id DESC LIMIT 1) le ON true
  -- its placement's provider, postcode and URN (the source's row of it)
  LEFT JOIN LATERAL (SELECT x.placement_provider, x.placement_postcode, x.placement_urn
                       FROM @R@.src_cla_episode x
                      WHERE x.episode_id = le.episode_id AND x.child_id = le.child_id AND x.start_date = le.start_date
                      LIMIT 1) pl ON true
  LEFT JOIN LATERAL (SELECT min(e.start_date) AS start_date FROM @R@.cla_episode_detail e
                      WHERE e.child_id = t.child_id AND e.period_of_care = t.period_of_care
                        AND e.start_date <= le.start_date
                        AND e.start_date > coalesce((SELECT max(x.start_date) FROM @R@.cla_episode_detail x
                                                      WHERE x.child_id = t.child_id AND x.period_of_care = t.period_of_care
                                                        AND x.start_date <= le.start_date
                                                        AND x.legal_status IS DISTINCT FROM le.legal_status),
                                                    '-infinity')) ls ON true
  -- missing episodes started in the year and the period of care; the
  -- latest of them
  LEFT JOIN LATERAL (SELECT count(*) AS episodes,
                            (array_agg(m.rhi_offered_at IS NOT NULL ORDER BY m.start_at DESC, m.episode_id DESC))[1] AS offered,
                            (array_agg(m.rhi_engaged ORDER BY m.start_at DESC, m.episode_id DESC))[1] AS engaged
                       FROM @R@.src_missing_episode m
                      WHERE m.child_id = t.child_id AND m.start_at IS NOT NULL
                        AND m.start_at::date >= greatest(cfg.year_start, t.start_date) AND m.start_at::date <= a.as_at) ms ON true
  %s
  %s
 ORDER BY t.child_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation', 'coalesce(st.ceased, a.as_at)')) FROM p
 UNION ALL
 SELECT 9, 'Annex A List 9, care leavers: each young person whose entitlement to leaving-care services (leaving_care) is open on the day the lists are as at, one row per young person, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT %s,
       CASE WHEN 'cla_episode.uasc' = ANY (cfg.present)
            THEN CASE WHEN EXISTS (SELECT 1 FROM @R@.src_cla_episode e
                                    WHERE e.child_id = t.child_id AND e.uasc AND e.start_date <= a.as_at)
                      THEN 'a) Yes' ELSE 'b) No' END END
         AS "UASC, or formerly UASC if 18 or over (Y/N)",
       %s,
       %s,
       pa.worker AS "Allocated Personal Advisor",
       cspi.annex_a_label('eligibility', t.eligibility) AS "Eligibility Category",
       (SELECT max(r.review_date) FROM @R@.src_pathway_plan_review r
         WHERE r.child_id = t.child_id AND r.review_date <= a.as_at) AS "Latest Pathway Plan Review Date",
       CASE WHEN cl.code IS NOT NULL THEN cspi.annex_a_label('in_touch', cl.code)
            WHEN cl.in_touch THEN 'a) Yes' WHEN NOT cl.in_touch THEN 'b) No' END AS "LA In Touch",
       (SELECT max(v.visit_date) FROM @R@.src_visit v
         WHERE v.child_id = t.child_id AND v.visit_type = 'CARE_LEAVER' AND v.visit_date <= a.as_at)
         AS "Latest Date of Contact",
       CASE WHEN cl.in_touch_now AND cl.accommodation ~ '^[A-Z][12]?$'
            THEN cspi.annex_a_label('accommodation', left(cl.accommodation, 1)) END AS "Type of Accommodation",
       CASE WHEN cl.in_touch_now
            THEN CASE coalesce(cl.accommodation_suitable,
                               CASE WHEN cl.accommodation ~ '^[A-Z]1$' THEN true WHEN cl.accommodation ~ '^[A-Z]2$' THEN false END)
                      WHEN true THEN 'a) Suitable' WHEN false THEN 'b) Unsuitable' END END
         AS "Suitability of Accommodation",
       CASE WHEN cl.in_touch_now THEN cspi.annex_a_label('activity', cl.activity) END AS "Activity Status"
  FROM %s
  JOIN LATERAL (SELECT DISTINCT ON (l.child_id) l.* FROM @R@.src_leaving_care l
                 WHERE l.start_date <= a.as_at AND (l.end_date IS NULL OR l.end_date > a.as_at)
                 ORDER BY l.child_id, l.start_date DESC, l.end_date DESC NULLS FIRST, l.eligibility COLLATE "C") t ON true
  %s
  -- the latest care_leaver record by as_at; "in touch": its code YES, or
  -- no code and in_touch true
  LEFT JOIN LATERAL (SELECT x.in_touch, x.accommodation_suitable, x.activity,
                            nullif(x.in_touch_code, '') AS code, nullif(x.accommodation, '') AS accommodation,
                            coalesce(nullif(x.in_touch_code, '') = 'YES', x.in_touch, false) AS in_touch_now
                       FROM @R@.src_care_leaver x
                      WHERE x.child_id = t.child_id AND x.as_at <= a.as_at
                      ORDER BY x.as_at DESC LIMIT 1) cl ON true
  -- the personal advisor allocated on as_at, as the team and worker are
  %s
  %s
 ORDER BY t.child_id COLLATE "C"$d$,
        j->>'five', j->>'disability', j->>'team', j->>'cfg', j->>'child',
        format(j->>'allocation_of', 'a.as_at', 'true', 'pa'), format(j->>'allocation', 'a.as_at')) FROM p
 UNION ALL
 SELECT 10, 'Annex A List 10, adoption: each child whose latest decision to be placed for adoption (adoption), made by the day the lists are as at, led to an adoption order or was reversed in the twelve months before it, or neither yet, one row per child, with Ofsted''s headings (cspi.annex_a_column).',
        format($d$SELECT t.child_id AS "Child Unique ID",
       t.adoptive_family_id AS "Family identifier",
       %s,
       %s,
       pc.start_date AS "Date the Child Entered Care",
       t.decision_date AS "Date of Decision that Child Should be Placed for Adoption",
       ep.placement_order AS "Date of Placement Order",
       CASE WHEN t.matched_date <= a.as_at THEN t.matched_date END AS "Date of Matching Child and Prospective Adopters",
       CASE WHEN t.placed_date IS NOT NULL THEN CASE WHEN t.placed_date <= a.as_at THEN t.placed_date END
            ELSE ep.placed END AS "Date Placed for Adoption",
       st.adopted AS "Date of Adoption Order",
       st.reversed AS "Date of Decision Child Should No Longer be Placed for Adoption",
       CASE WHEN st.reversed IS NOT NULL THEN cspi.annex_a_label('reversed_reason', t.reversed_reason) END
         AS "Reason Why Child No Longer Placed for Adoption",
       ep.ffa AS "Date placed for fostering in FFA or concurrent planning"
  FROM %s
  JOIN LATERAL (SELECT DISTINCT ON (d.child_id) d.* FROM @R@.src_adoption d
                 WHERE d.decision_date <= a.as_at
                 ORDER BY d.child_id, d.decision_date DESC, d.adoptive_family_id COLLATE "C" NULLS LAST) t ON true
  -- the period of care the adoption is read from: the one open on the
  -- decision's day (started by it, not ended before it; of two that touch
  -- that day, the later started, as the contract has it), else the first
  -- started after it (by as_at)
  LEFT JOIN LATERAL (SELECT q.* FROM @R@.cla_period_of_care q
                      WHERE q.child_id = t.child_id AND q.start_date <= a.as_at
                        AND (q.end_date IS NULL OR q.end_date >= t.decision_date)
                      ORDER BY q.start_date <= t.decision_date DESC,
                               CASE WHEN q.start_date <= t.decision_date THEN q.start_date END DESC,
                               q.start_date
                      LIMIT 1) pc ON true
  LEFT JOIN LATERAL (SELECT min(e.start_date) FILTER (WHERE e.legal_status IN ('E1', 'D1')) AS placement_order,
                            min(e.start_date) FILTER (WHERE e.placement IN ('A3', 'A4', 'A5', 'A6')) AS placed,
                            min(e.start_date) FILTER (WHERE e.placement IN ('U2', 'U5')) AS ffa
                       FROM @R@.cla_episode_detail e
                      WHERE e.child_id = t.child_id AND e.period_of_care = pc.period_of_care
                        AND e.start_date <= a.as_at) ep ON true
  CROSS JOIN LATERAL (SELECT CASE WHEN pc.end_date <= a.as_at AND pc.last_reason_ceased IN ('E11', 'E12')
                                  THEN pc.end_date END AS adopted,
                             CASE WHEN t.reversed_date <= a.as_at THEN t.reversed_date END AS reversed) st
  %s
 WHERE (st.adopted IS NULL AND st.reversed IS NULL) OR st.adopted >= cfg.year_start OR st.reversed >= cfg.year_start
 ORDER BY t.child_id COLLATE "C"$d$,
        j->>'four', j->>'disability', j->>'cfg', j->>'child') FROM p
 UNION ALL
 SELECT 11, 'Annex A List 11, adopters: every adopter (adopter) who applied or started Stage 1 by the day the lists are as at and was in the adoption process in the twelve months before it (not adopted or left before them, not put on hold), one row per adopter, with Ofsted''s headings (cspi.annex_a_column).',
        $d$SELECT t.adopter_id AS "Individual adopter identifier",
       t.family_id AS "Family identifier",
       coalesce(cspi.annex_a_label('adopter_gender', t.gender),
                CASE WHEN nullif(t.gender, '') IS NULL THEN 'd) Not stated/recorded' END) AS "Gender",
       CASE WHEN nullif(t.ethnicity, '') IS NULL THEN 's) NOBT' ELSE cspi.annex_a_label('ethnicity', t.ethnicity) END AS "Ethnicity",
       CASE t.disability WHEN true THEN 'a) Yes' WHEN false THEN 'b) No' END AS "Disability",
       CASE t.fostering_for_adoption WHEN true THEN 'Yes' WHEN false THEN 'No' END
         AS "Is the (prospective) adopter fostering for adoption?",
       CASE WHEN t.enquiry_date <= a.as_at THEN t.enquiry_date END AS "Date enquiry received",
       CASE WHEN t.stage1_start_date <= a.as_at THEN t.stage1_start_date END AS "Date Stage 1 started",
       CASE WHEN t.stage1_end_date <= a.as_at THEN t.stage1_end_date END AS "Date Stage 1 ended",
       CASE WHEN t.stage2_start_date <= a.as_at THEN t.stage2_start_date END AS "Date Stage 2 started",
       CASE WHEN t.stage2_end_date <= a.as_at THEN t.stage2_end_date END AS "Date Stage 2 ended",
       CASE WHEN t.application_date <= a.as_at THEN t.application_date END AS "Date application submitted",
       CASE WHEN t.approval_date <= a.as_at THEN t.approval_date END AS "Date application approved",
       CASE WHEN t.matched_date <= a.as_at THEN t.matched_date END AS "Date adopter matched with child(ren)",
       CASE WHEN t.placed_date <= a.as_at THEN t.placed_date END AS "Date child/children placed with adopter(s)",
       CASE WHEN t.placed_date > a.as_at THEN NULL ELSE t.children_placed::integer END AS "No. of children placed",
       CASE WHEN t.adoption_order_date <= a.as_at THEN t.adoption_order_date END AS "Date of Adoption Order",
       CASE WHEN t.left_date <= a.as_at THEN t.left_date END AS "Date of leaving adoption process",
       CASE WHEN t.left_date <= a.as_at THEN cspi.annex_a_label('left_reason', t.left_reason) END
         AS "Reason for leaving adoption process"
  FROM (SELECT @ASAT@ AS as_at) a
 CROSS JOIN LATERAL (SELECT (a.as_at - interval '12 months')::date AS year_start) cfg
  JOIN @R@.src_adopter t
    ON least(t.application_date, t.stage1_start_date) <= a.as_at
   AND NOT coalesce(t.adoption_order_date < cfg.year_start, false)
   AND NOT coalesce(t.left_date < cfg.year_start, false)
   -- put on hold: Ofsted asks for them to be left out
   AND NOT coalesce(t.left_reason = '2' AND coalesce(t.left_date <= a.as_at, true), false)
 ORDER BY t.family_id COLLATE "C" NULLS LAST, t.adopter_id COLLATE "C"$d$
)
INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition)
SELECT 'annex_a_list_' || l.n, 'view', 300 + l.n, 'annex_a', NULL, l.comment, l.definition
  FROM list l
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family,
    unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_object (name, kind, build_order, family, unique_key, comment, definition) VALUES
('annex_a_gaps', 'view', 312, 'annex_a', NULL,
 'Each column of Ofsted''s Annex A lists that this report cannot fill, and why: the data contract has nothing for it yet, or the source lacks a relation or optional column it reads (a blank column in annex_a_list_N). The other columns are filled from the source.',
 $def$SELECT c.list, c.sheet, c.position, c.heading, c.column_name,
       coalesce(c.gap, 'the source has no ' || array_to_string(m.missing, ', ')) AS reason,
       m.missing AS missing_from_source
  FROM cspi.annex_a_column c
 CROSS JOIN (SELECT coalesce((SELECT y.present_relations FROM @R@.deployment y), '{}') AS present) y
 CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), '{}') AS missing
                       FROM unnest(c.requires) AS x
                      WHERE NOT x = ANY (y.present)
                        -- a column of a missing relation goes without saying
                        AND NOT (x LIKE '%.%' AND NOT split_part(x, '.', 1) = ANY (y.present))) m
 WHERE c.gap IS NOT NULL OR m.missing <> '{}'
 ORDER BY c.list, c.position$def$)
ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, build_order = EXCLUDED.build_order, family = EXCLUDED.family,
    unique_key = EXCLUDED.unique_key, comment = EXCLUDED.comment, definition = EXCLUDED.definition;

INSERT INTO cspi.report_column (object, column_name, comment) VALUES
 ('annex_a_gaps', 'list', 'The Annex A list, 1 to 11.'),
 ('annex_a_gaps', 'sheet', 'Its sheet in the workbook: List 1 ... List 11.'),
 ('annex_a_gaps', 'position', 'The column''s place in the list.'),
 ('annex_a_gaps', 'heading', 'The column''s heading, as Ofsted''s template writes it.'),
 ('annex_a_gaps', 'column_name', 'The column''s name in the view annex_a_list_N (the heading, shortened where longer than 63 bytes).'),
 ('annex_a_gaps', 'reason', 'Why the column is blank: not in the data contract yet (and what the contract would need), or the relations and columns the source lacks.'),
 ('annex_a_gaps', 'missing_from_source', 'The contract relations and optional columns (relation.column) the column reads that the source lacks; empty when the gap is the contract''s or the list''s.')
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

-- Every column of the list views is commented from the catalogue: its
-- derivation, and what leaves it blank.
INSERT INTO cspi.report_column (object, column_name, comment)
SELECT 'annex_a_list_' || c.list, c.column_name,
       CASE WHEN c.column_name <> c.heading THEN format('Ofsted''s heading: %s. ', c.heading) ELSE '' END
       || c.derivation || CASE WHEN c.gap IS NOT NULL THEN ' Blank: ' || c.gap || '.' ELSE '' END
  FROM cspi.annex_a_column c
ON CONFLICT (object, column_name) DO UPDATE SET comment = EXCLUDED.comment;

--------------------------------------------------------------------------
-- cspi.annex_a(list, as_at, report_schema): one list, for any day
--------------------------------------------------------------------------
-- One shape for the eleven lists, whose columns differ: a row number and
-- the row's cells as a JSON array in the template's order (dates as
-- 'YYYY-MM-DD', integers as numbers, blanks as null); cspi.annex_a_column
-- gives each cell's heading and type.  A BI tool reads the typed views;
-- the workbook writer (tools/cspi-annex-a) and anyone wanting another day
-- read this.  It reads the report's views with the caller's rights, as a
-- SELECT on annex_a_list_N would (the drill-downs read the source with the
-- reader's rights); a caller holding the report owner's privileges without
-- being the owner (a superuser, a member) reads them as the owner inside a
-- security-restricted operation, so that the owner's functions never run
-- with the caller's rights.
CREATE OR REPLACE FUNCTION cspi.annex_a(list integer, as_at date, report_schema name DEFAULT 'cspi_report')
    RETURNS TABLE (row_number integer, cells jsonb)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET jit = off
    AS $fn$
DECLARE
    definition text;
    cells_sql text;
    query text;
    owner oid;
BEGIN
    IF list IS NULL OR list NOT BETWEEN 1 AND 11 THEN
        RAISE EXCEPTION 'Annex A has no list %', coalesce(list::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Ofsted''s Annex A has lists 1 to 11 (cspi.annex_a_column).';
    END IF;
    IF as_at IS NULL THEN
        RAISE EXCEPTION 'cspi.annex_a needs the day the lists are as at'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Give the day the lists end on, such as the Wednesday before the inspection: cspi.annex_a(1, ''2024-03-27'', ''cspi_report'').';
    END IF;
    IF EXISTS (SELECT 1 FROM cspi.region g WHERE g.region_schema = annex_a.report_schema) THEN
        RAISE EXCEPTION 'schema "%" is a region: Annex A lists children, who stay with each council', report_schema
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Each member council writes its own with cspi.annex_a(list, as_at, its report schema).';
    END IF;
    SELECT n.nspowner INTO owner FROM pg_namespace n WHERE n.nspname = annex_a.report_schema;
    IF report_schema IS NULL OR owner IS NULL
       OR NOT EXISTS (SELECT 1 FROM cspi.deployment d WHERE d.report_schema = annex_a.report_schema) THEN
        RAISE EXCEPTION 'report schema "%" does not exist', report_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'cspi.deployment lists the report schemas; deploy one with cspi.deploy(source_schema, report_schema).';
    END IF;
    IF to_regclass(format('%I.annex_a_list_%s', report_schema, list)) IS NULL THEN
        RAISE EXCEPTION 'report schema "%" has no Annex A lists', report_schema
            USING ERRCODE = 'undefined_table',
                  HINT = format('It was deployed by an earlier version of cspi: redeploy it (SELECT cspi.redeploy(%L)).', report_schema);
    END IF;
    -- Reading the list as a reader of the view would: needs SELECT on it.
    IF NOT has_table_privilege(format('%I.annex_a_list_%s', report_schema, list), 'SELECT') THEN
        RAISE EXCEPTION 'permission denied for view annex_a_list_%', list
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('cspi.annex_a(%s, ...) needs SELECT on %I.annex_a_list_%s.', list, report_schema, list);
    END IF;
    SELECT o.definition INTO definition FROM cspi.report_object o WHERE o.name = 'annex_a_list_' || list;
    SELECT string_agg(format('q.%I', c.column_name), ', ' ORDER BY c.position) INTO cells_sql
      FROM cspi.annex_a_column c WHERE c.list = annex_a.list;
    query := format('SELECT (row_number() OVER ())::integer, jsonb_build_array(%s) FROM (%s) q',
                    cells_sql,
                    cspi_internal.fill_template(definition, ARRAY['R', 'ASAT'],
                                                ARRAY[quote_ident(report_schema), quote_literal(as_at) || '::date']));
    IF owner <> current_user::regrole AND pg_has_role(current_user, owner, 'USAGE') THEN
        RETURN QUERY
            SELECT (x.r ->> 0)::integer, x.r -> 1
              FROM jsonb_array_elements(cspi.execute_as_owner(owner::regrole,
                       format('SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(l.n, l.c) ORDER BY l.n) FROM (%s) l(n, c)', query))) x(r)
             ORDER BY 1;
    ELSE
        RETURN QUERY EXECUTE query || ' ORDER BY 1';
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.annex_a(integer, date, name) IS
'One of Ofsted''s Annex A lists (1 to 11) of report_schema as at a day: the rows annex_a_list_N would give were the report''s annex_a_as_at that day, each as row_number and cells, a JSON array of the row''s cells in the template''s order (dates ''YYYY-MM-DD'', integers as numbers, blanks null; cspi.annex_a_column names and types them). One shape for the eleven lists, for the workbook writer (tools/cspi-annex-a) and any client. Needs SELECT on report_schema.annex_a_list_N and reads as a SELECT on it would; a caller with the report owner''s privileges who is not the owner (a superuser) reads as the owner, restricted (cspi.execute_as_owner). Errors: a list outside 1 to 11, a NULL day, a schema that is not a deployed report (a region: its members'' lists stay with them).';
