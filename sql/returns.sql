-- The statutory returns as a source: a small council's SSDA903 files and CIN
-- census for the collection year 2024 (1 April 2023 to 31 March 2024), in
-- the DfE's formats, imported, made a source and deployed; the figures are
-- worked by hand below.  (test/returns/roundtrip.sh compares every figure
-- of generated councils; test/returns/samples.sh loads public sample files.)
\pset null '(null)'
SELECT cspi.create_return_tables('ret');

-- Episodes: a byte-order mark, lower-case names in another order, and the
-- three date forms (dd/mm/yyyy, dd/mm/yy, yyyy-mm-dd).
--   C1: looked after from 1 May 2023 (U1), moved 1 September (U2), open.
--   C2: 10 January to 20 February 2024, returned home (E4A).
--   C3: an unaccompanied asylum-seeking child from 1 June 2023, open.
--   C4: a short break (V3) from 1 February 2024: never "in care".
SELECT cspi.import_903('ret', 2024, 'episodes.csv', E'\uFEFF' || $csv$child,rne,decom,ls,place,dec,rec,cin,place_provider,reason_place_change,home_post,pl_post,urn
C1,S,01/05/2023,C2,U1,01/09/2023,X1,N1,PR1,CARPL,,,
C1,P,01/09/2023,C2,U2,,,N1,PR1,,,ls1 4,SC654321
C2,S,10/01/24,V2,U3,20/02/24,E4A,N2,PR1,,,,
C3,S,2023-06-01,V2,H5,,,N1,PR4,,,M1 1,XXXXXXX
C4,S,01/02/2024,V3,U4,,,N6,PR1,,,,
$csv$) AS episodes;
-- A spreadsheet's trailing rows of empty fields are not rows; a two-digit
-- year is 19yy when 20yy would be after next year (C4's mother: 1996).
SELECT cspi.import_903('ret', 2024, 'header', $csv$CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
C1,1,01/06/2010,WBRI,,,
C2,2,15/03/2015,WBRI,,,
C3,M,20/08/2007,OOTH,,,
C4,F,01/01/12,WBRI,,1,15/03/96
,,,,,,
,,,,,,
$csv$) AS header;
SELECT child, dob, mc_dob FROM ret.ssda903_header WHERE child = 'C4';
SELECT cspi.import_903('ret', 2024, 'uasc', $csv$CHILD,SEX,DOB,DUC
C3,M,20/08/2007,
$csv$) AS uasc;
-- C1's first review, 15 May 2023, is 9 working days after 1 May (the early
-- May bank holiday) with the coronation (8 May) between: within 20.  Its
-- second, 10 September, is after the first + 3 months (15 August): late.
SELECT cspi.import_903('ret', 2024, 'reviews', $csv$CHILD,DOB,REVIEW,REVIEW_CODE
C1,01/06/2010,15/05/2023,PN1
C1,01/06/2010,10/09/2023,PN9
$csv$) AS reviews;
-- Care leavers: C5 (20 on 31 March 2024) in touch, in education (F1),
-- suitably housed (B1); C7 (20) not in touch, NEET (G4), accommodation
-- unknown (0); C6 died: left out, as the DfE does.
SELECT cspi.import_903('ret', 2024, 'oc3', $csv$CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
C5,10/10/2003,YES,F1,B1
C6,05/05/2004,DIED,0,0
C7,01/12/2003,NO,G4,0
$csv$) AS oc3;

-- Bad files are refused with the file kind, line and column, and change
-- nothing: the episodes are still the five loaded above.
SELECT cspi.import_903('ret', 2024, 'episodes', $csv$CHILD,RNE,LS,PLACE,DEC,REC
C9,S,C2,U1,,
$csv$);
SELECT cspi.import_903('ret', 2024, 'episodes', $csv$CHILD,DECOM,RNE,LS,PLACE,DEC,REC
C9,31/02/2021,S,C2,U1,,
$csv$);
SELECT cspi.import_903('ret', 2024, 'episodes', $csv$CHILD,DECOM,RNE,LS,PLACE,DEC,REC
C9,01/02/2021,S,C2,U1,
$csv$);
SELECT cspi.import_903('ret', 2024, 'placements', 'CHILD');
SELECT cspi.import_903('ret', 24, 'episodes', 'CHILD');
SELECT count(*) AS episodes_still FROM ret.ssda903_episodes;
-- A code outside the DfE's list is loaded and listed, not refused: PN9 is
-- not a review code.
SELECT file, collection_year, line, child, column_name, value, problem FROM ret.data_quality;

-- The CIN census: K1 referred 1 June 2023, assessed (authorised 20 July:
-- 35 working days), a section 47 enquiry from 5 June with its conference on
-- 20 June (11 working days), a plan from 20 June still open, reviewed 15
-- September (the first review is due by plan start + 3 months).  K2
-- referred 1 March 2023 (an episode open at the year's start) and again 10
-- January 2024, a re-referral within 12 months; assessed 10 January to 28
-- March 2024: 56 working days.
SELECT cspi.import_cin_census('ret', NULL, $xml$<Message>
  <Header><CollectionDetails><Collection>CIN</Collection><Year>2023</Year><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails></Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>K1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments><AssessmentActualStartDate>2023-06-01</AssessmentActualStartDate><AssessmentAuthorisationDate>2023-07-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
        <Section47><S47ActualStartDate>2023-06-05</S47ActualStartDate><DateOfInitialCPC>2023-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
        <ChildProtectionPlans><CPPstartDate>2023-06-20</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse> emo </LatestCategoryOfAbuse>
          <Reviews><CPPreviewDate>2023-09-15</CPPreviewDate></Reviews></ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>K2</LAchildID><PersonBirthDate>2012-05-05</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <CINdetails><CINreferralDate>2023-03-01</CINreferralDate><CINclosureDate>2023-04-15</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure></CINdetails>
      <CINdetails><CINreferralDate>2024-01-10</CINreferralDate>
        <Assessments><AssessmentActualStartDate>2024-01-10</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-03-28</AssessmentAuthorisationDate></Assessments>
      </CINdetails>
    </Child>
  </Children>
</Message>$xml$) AS children;
SELECT la_child_id, person_birth_date, sex, ethnicity, disabilities FROM ret.cin_child ORDER BY 1;
SELECT la_child_id, detail_no, cin_referral_date, cin_closure_date FROM ret.cin_details ORDER BY 1, 2;
-- A date that is not a date, in a census: refused, nothing changes.
SELECT cspi.import_cin_census('ret', 2024, $xml$<Message><Children><Child><ChildIdentifiers><LAchildID>K9</LAchildID><PersonBirthDate>2023-02-30</PersonBirthDate></ChildIdentifiers></Child></Children></Message>$xml$);
SELECT cspi.import_cin_census('ret', 2024, '<Message><Header/></Message>');
SELECT cspi.import_cin_census('ret', 2024, '<Message><Children><Child><ChildIdentifiers><UPN>A1</UPN></ChildIdentifiers></Child></Children></Message>');
SELECT cspi.import_cin_census('ret', 24, '<Message><Children/></Message>');
SELECT count(*) AS census_children_still FROM ret.cin_child;

-- The source, and which indicators the returns support: the rest are
-- unavailable, with the reason.
SELECT cspi.source_from_returns('ret_source', 'ret');
-- Children in need episodes from the census (CIN_RATE's relation), one per
-- CINdetails: K1 from 1 June 2023, open, primary need N1; K2 from 1 March
-- to 15 April 2023, closed RC8, and from 10 January 2024, open.
SELECT episode_id, child_id, start_date, end_date, primary_need, reason_closed FROM ret_source.cin_episode ORDER BY episode_id;
-- What Annex A reads besides: K1's plan's categories of abuse (NEG, and
-- ' emo ' as EMO), each episode's PLACE_PROVIDER, PL_POST and URN as
-- written (upper case; empty: NULL).
SELECT plan_id, initial_category, latest_category FROM ret_source.cp_plan ORDER BY plan_id;
SELECT episode_id, placement_provider, placement_postcode, placement_urn FROM ret_source.cla_episode ORDER BY episode_id;
-- And List 9's: each care leaver's IN_TOUCH and ACCOM as coded: C5 YES,
-- B1; C7 NO, and ACCOM 0 (none recorded) no value.  C6, who died, is
-- left out as for the indicators.
SELECT child_id, in_touch, in_touch_code, accommodation_suitable, accommodation FROM ret_source.care_leaver ORDER BY child_id;
SELECT indicator, available, missing_relations FROM cspi.deploy('ret_source', 'ret_report') WHERE NOT available;

-- The figures for 2023/24, worked by hand above:
--   CIC_OPEN 2 (C1, C3; C4's short break is not care), CIC_UASC 1 (C3),
--   CIC_STARTED 3 (C1, C2, C3), CIC_STARTED_UASC 1, CIC_CEASED 1 (C2),
--   CIC_CEASED_HOME 1 / 1, CIC_REVIEW_TIMELY 1 / 2; CL_ACCOM_19_21 1 / 2,
--   CL_EDUCATION_19_21 1 / 2 and CL_NEET_19_21 1 / 2 (C6 left out);
--   CFA_COMPLETED 2, CFA_45WD 1 / 2, ICPC_15WD 1 / 1, CP_OPEN 1,
--   CP_STARTED 1, CP_REVIEW_TIMELY 1 / 1, REREFERRAL_12M 1 / 2.
SELECT indicator, numerator, denominator, display FROM ret_report.indicator_value
 WHERE period = '2023/24' AND indicator IN ('CIC_OPEN', 'CIC_UASC', 'CIC_STARTED', 'CIC_STARTED_UASC', 'CIC_CEASED',
       'CIC_CEASED_HOME', 'CIC_REVIEW_TIMELY', 'CL_ACCOM_19_21', 'CL_EDUCATION_19_21', 'CL_NEET_19_21',
       'CFA_COMPLETED', 'CFA_45WD', 'ICPC_15WD', 'CP_OPEN', 'CP_STARTED', 'CP_REVIEW_TIMELY', 'REREFERRAL_12M')
 ORDER BY indicator;

-- Importing a year again replaces it.
SELECT cspi.import_903('ret', 2024, 'reviews', $csv$CHILD,DOB,REVIEW,REVIEW_CODE
C1,01/06/2010,15/05/2023,PN1
$csv$) AS reviews_again;
SELECT count(*) AS reviews FROM ret.ssda903_reviews;

-- The same council written out again as its returns (a draft for the
-- council; test/returns/roundtrip.sh reads such drafts back).
SELECT cspi.export_903('ret_source', 2024, 'episodes');
SELECT cspi.export_903('ret_source', 2024, 'uasc');
SELECT (xpath('count(/Message/Children/Child)', x))[1]::text AS children,
       (xpath('count(//CINdetails)', x))[1]::text AS referrals,
       (xpath('count(//Assessments)', x))[1]::text AS assessments,
       (xpath('count(//Section47)', x))[1]::text AS enquiries,
       (xpath('count(//ChildProtectionPlans)', x))[1]::text AS plans,
       (xpath('//Child[ChildIdentifiers/LAchildID = "K1"]/CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate/text()', x))[1]::text AS k1_review
  FROM cspi.export_cin_census('ret_source', 2024) AS x;
SELECT cspi.export_903('ret_source', 2024, 'placements');


-- Who the children are.  The council above: each child's sex, ethnicity,
-- disability and UPN as its latest return gives them (C1's sex 1 and C3's M
-- from the SSDA903 header of 2023/24, K1's M and K2's F from the census's
-- Sex; K1's only disability NONE; OC3 gives only dates of birth), and K1's
-- referral with its source (1A) and no ReferralNFA.
SELECT child_id, date_of_birth, sex, ethnicity, disability, upn FROM ret_source.child ORDER BY child_id;
SELECT referral_id, source, nfa FROM ret_source.referral ORDER BY referral_id;
-- Both codings of sex read alike: the children in care on 31 March 2024,
-- C1 (1) and C3 (M), are both male.
SELECT dimension, category, numerator FROM ret_report.indicator_breakdown
 WHERE indicator = 'CIC_OPEN' AND period = '2023/24' AND dimension = 'sex' ORDER BY category;

-- Two years of returns written by hand from the DfE's formats
-- (test/returns/characteristics/: read here by psql, and by
-- cspi-import-returns in test/returns/characteristics.sh), 2023/24 with
-- the old codings of sex (1, 2, 9; the census's GenderCurrent) and 2024/25
-- with the new (M, F, U; the census's Sex):
--   H1: header 2024 1 WBRI UPN A123456789012; header 2025 M WBRI the same
--       UPN; census 2025 M WIRI UPN A999999999999, disability LD: in one
--       year the header wins (M, WBRI, A123456789012), LD from the census.
--   H2: header 2024 2 BAFR no UPN; census 2025 F BAFR B123456789012,
--       disabilities VIS, AUT, LD: the census is later (F, B123456789012),
--       AUT is the first of the codes in alphabetical order.
--   H3: header 2024 9 NOBT C123456789012; header 2025 U MWBA no UPN:
--       U, MWBA, and the UPN of 2024, the latest return that gives one.
--   H4: header 2024 only, 2 CHNE E123456789012: kept as 2.
--   K1: census 2024 GenderCurrent 2 AIND NONE; census 2025 Sex F AIND,
--       disabilities NONE and MOB: F, MOB (a code other than NONE wins).
--   K2: census 2024 only, GenderCurrent 1, REFU, NONE, no UPN (UPNunknown
--       UN1 is a reason, not a UPN): 1, NONE, no UPN.
SELECT cspi.create_return_tables('retc');
\set content `cat test/returns/characteristics/2024/header.csv`
SELECT cspi.import_903('retc', 2024, 'header', :'content') AS header_2024;
\set content `cat test/returns/characteristics/2024/episodes.csv`
SELECT cspi.import_903('retc', 2024, 'episodes', :'content') AS episodes_2024;
\set content `cat test/returns/characteristics/2024/cin_census.xml`
SELECT cspi.import_cin_census('retc', NULL, :'content') AS census_2024;
\set content `cat test/returns/characteristics/2025/header.csv`
SELECT cspi.import_903('retc', 2025, 'header', :'content') AS header_2025;
\set content `cat test/returns/characteristics/2025/episodes.csv`
SELECT cspi.import_903('retc', 2025, 'episodes', :'content') AS episodes_2025;
\set content `cat test/returns/characteristics/2025/cin_census.xml`
SELECT cspi.import_cin_census('retc', NULL, :'content') AS census_2025;
SELECT collection_year, la_child_id, sex, disabilities FROM retc.cin_child ORDER BY la_child_id, collection_year;
SELECT cspi.source_from_returns('retc_source', 'retc');
SELECT child_id, date_of_birth, sex, ethnicity, disability, upn FROM retc_source.child ORDER BY child_id;
-- Referrals with their source and NFA, the latest census's row: K1's of
-- 10 May 2023 (NFA false in 2024, 0 in 2025: false), K2's (6, NFA 1:
-- true), H1's (5B, false), H2's of 3 June 2024 (2A, true) and of 14
-- October 2024 (neither given).
SELECT referral_id, child_id, referral_date, source, nfa FROM retc_source.referral ORDER BY referral_id;
-- Child in need plans: K1's from 1 July to 15 December 2023 (census 2024
-- only); from 20 January 2024, open in the census of 2024 and ended 30
-- September 2024 in that of 2025 (the later wins); from 1 February 2025,
-- open on 31 March 2025; H2's from 20 November 2024, open.
SELECT plan_id, child_id, start_date, end_date FROM retc_source.cin_plan ORDER BY plan_id;
-- The returns give no contacts, allocations (so no team or locality) or
-- population by age band: those relations are left out, as the others the
-- returns lack.
SELECT r AS relation, to_regclass(format('retc_source.%I', r)) IS NOT NULL AS made
  FROM unnest(ARRAY['contact', 'allocation', 'population_age_band', 'population']) AS r;
-- The breakdowns: sex, ethnic group and disability come from the returns,
-- team and locality cannot.  The four children who started to be looked
-- after in 2023/24: H1 M (male, WBRI White, LD disabled), H2 F (female,
-- BAFR Black, AUT disabled), H3 U (not stated, MWBA Mixed, disability
-- unknown), H4 2 (female, CHNE Asian, disability unknown).
SELECT count(*) > 0 AS deployed FROM cspi.deploy('retc_source', 'retc_report');
SELECT dimension, available, missing_columns FROM retc_report.breakdown_availability ORDER BY dimension;
SELECT dimension, category, numerator FROM retc_report.indicator_breakdown
 WHERE indicator = 'CIC_STARTED' AND period = '2023/24' AND dimension IN ('sex', 'ethnicity_group', 'disability')
 ORDER BY dimension, category;
