--------------------------------------------------------------------------
-- The Standard Safeguarding Dataset: the shipped code map
--------------------------------------------------------------------------
-- The rows of cspi.ssd_code_map that cspi ships (doc/ssd.md): for each
-- item, the DfE's codes as themselves, then the spellings of the SystemC
-- (SQL Server) build, which writes descriptions, and of the Eclipse
-- (PostgreSQL) build, which writes codes or its own names, as the SSD
-- repository (data-to-insight/ssd-data-model @ 4987c73f, v1.4.5/v1.4.4),
-- its code lists (data/categories__future_release/) and D2I's own Annex A
-- script show them.  A council's rows (shipped false) win over these.

INSERT INTO cspi.ssd_code_map AS m (item, value, code, shipped)
SELECT v.item, v.value, v.code, true
  FROM (
    -- Legal status (SSDA903 LS): codes, the DfE's wording (SSD's list,
    -- legal_status.yml), and the SystemC descriptions D2I's Annex A
    -- script reads.  Regular occasional accommodation is a short break.
    SELECT 'legal_status' AS item, c AS value, c AS code
      FROM unnest(ARRAY['C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4']) AS c
    UNION ALL
    SELECT 'legal_status', d, c FROM (VALUES
        ('Interim care order', 'C1'), ('Full care order', 'C2'), ('Freeing order granted', 'D1'),
        ('Placement order granted', 'E1'),
        ('Single period of accommodation under section 20 (Children Act 1989)', 'V2'),
        ('Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded', 'V3'),
        ('Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)', 'V4'),
        ('Under police protection and in local authority accommodation', 'L1'),
        ('Emergency protection order (EPO)', 'L2'),
        ('Under child assessment order and in local authority accommodation', 'L3'),
        ('Remanded to local authority accommodation or to youth detention accommodation', 'J1'),
        -- SystemC (D2I's Annex A script)
        ('Interim care order Sec. 38(1)', 'C1'), ('Care Order Sec. 31(a)', 'C2'),
        ('Child freed for adoption', 'D1'), ('Placement Order (Sec. 21)', 'E1'),
        ('Care Order Sec.31(a) & Placement Order (Sec. 21)', 'E1'),
        ('Single placement acc. by LA S20(1) CA under 16', 'V2'),
        ('Single placement acc. by LA S20(3) CA 16 & over', 'V2'),
        ('Regular occ. acc by LA S20(3) CA 16 & over', 'V3'),
        ('regular occ. acc. by LA S.20(1) CA under 16', 'V3'),
        ('Police protection power Sec.38(1)', 'L1'), ('Emergency protection order - LA', 'L2'),
        ('Child assessment order Sec. 43(1)', 'L3'), ('Remanded to LA accommodation S20', 'J1'),
        ('P.A.C.E Interview (CYP)', 'J2'), ('S.43 CJA 91 Post-sent Und 22', 'J3')) AS x(d, c)
    UNION ALL
    -- Reason for new episode (SSDA903 RNE): codes and the DfE's wording.
    SELECT 'reason_new', c, c FROM unnest(ARRAY['S', 'L', 'P', 'T', 'B', 'U']) AS c
    UNION ALL
    SELECT 'reason_new', d, c FROM (VALUES
        ('Started to be looked after', 'S'), ('Change of legal status only', 'L'),
        ('Change of placement and carer(s) only', 'P'), ('Change of placement only (but same carer(s))', 'T'),
        ('Change of legal status and placement and carer(s) at the same time', 'B'),
        ('Change of legal status and change of placement (but same carer(s)) at the same time', 'U')) AS x(d, c)
    UNION ALL
    -- Reason episode ceased (SSDA903 REC): codes, the DfE's short
    -- wording and the Eclipse descriptions its CIN closure logic names.
    SELECT 'reason_ceased', c, c
      FROM unnest(ARRAY['E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48',
                        'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'X1']) AS c
    UNION ALL
    SELECT 'reason_ceased', d, c FROM (VALUES
        ('Adopted - application for an adoption order unopposed', 'E11'),
        ('Adopted - consent dispensed with by the court', 'E12'),
        ('Died', 'E2'), ('Care taken by another local authority', 'E3'),
        ('Sentenced to custody', 'E9'), ('Child moved abroad', 'E16'),
        ('Accommodation on remand ended', 'E14'),
        ('Special guardianship made to former foster carers', 'E45'),
        ('Transferred to residential care funded by Adult Social Services', 'E7'),
        ('Episode ceases, and new episode begins on same day, for any reason', 'X1')) AS x(d, c)
    UNION ALL
    -- Placement type (SSDA903 PLACE): codes, and Eclipse's own names
    -- (ssd_cla_placement); its DQ is a placeholder.
    SELECT 'placement', c, c
      FROM unnest(ARRAY['A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
                        'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
                        'A1', 'A2', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'H1', 'H2', 'H3', 'H4', 'M2', 'M3', 'Q1', 'Q2']) AS c
    UNION ALL
    SELECT 'placement', d, c FROM (VALUES
        ('APP_ADOPT', 'A3'), ('CONS_ADOPT_NOTFP', 'A4'), ('ORD_ADOPT_FP', 'A5'), ('ORD_ADOPT_NOTFP', 'A6'),
        ('NO_CHREGS', 'H5'), ('CHLD_HOME', 'K2'), ('PARENT', 'P1'), ('IND_LIV', 'P2'), ('RES_CARE', 'R1'),
        ('NHS', 'R2'), ('YOI', 'R5'), ('RES_SCH', 'S1'), ('REL', 'U1'), ('REL_NOT_LT_ADOPT', 'U3'),
        ('LT', 'U4'), ('NOT_LT_ADOPT', 'U6'), ('OTH', 'Z1'), ('DQ', NULL)) AS x(d, c)
    UNION ALL
    -- Immigration status: only UASC matters (the cla_episode's uasc).
    SELECT 'immigration_status', d, c FROM (VALUES
        ('Unaccompanied Asylum Seeking Child', 'UASC'), ('UASC', 'UASC'),
        ('Indefinite Leave to Remain in the UK (ILR)', 'OTHER'),
        ('Discretionary Leave to Remain in the UK to 18 (DLR)', 'OTHER'),
        ('Refugee Status', 'OTHER'), ('Adult Asylum Seeker', 'OTHER')) AS x(d, c)
    UNION ALL
    -- Care leavers' activity (OC3 ACTIV) and in touch (IN_TOUCH): codes.
    SELECT 'activity', c, c
      FROM unnest(ARRAY['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0',
                        -- the contract's groups, which a source may give instead
                        'EDUCATION', 'TRAINING_EMPLOYMENT', 'NEET', 'UNKNOWN']) AS c
    UNION ALL
    SELECT 'in_touch', c, c FROM unnest(ARRAY['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM']) AS c
    UNION ALL
    SELECT 'in_touch', d, c FROM (VALUES ('Y', 'YES'), ('N', 'NO')) AS x(d, c)
    UNION ALL
    -- Suitability of accommodation: Eclipse's 1 and 2, and the spellings
    -- D2I's Annex A script accepts from SystemC.
    SELECT 'accommodation_suitable', d, c FROM (VALUES
        ('1', 'TRUE'), ('Y', 'TRUE'), ('Yes', 'TRUE'), ('Suitable', 'TRUE'),
        ('Accommodation considered suitable', 'TRUE'),
        ('2', 'FALSE'), ('N', 'FALSE'), ('No', 'FALSE'), ('Not Suitable', 'FALSE'), ('Unsuitable', 'FALSE'),
        ('Accommodation considered unsuitable', 'FALSE')) AS x(d, c)
    UNION ALL
    -- Care leavers' accommodation (OC3 ACCOM): its letter, with or without
    -- the suitability digit.
    SELECT 'accommodation', l || d, l || d
      FROM unnest(ARRAY['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z']) AS l
     CROSS JOIN unnest(ARRAY['', '1', '2']) AS d
    UNION ALL
    SELECT 'accommodation', '0', NULL
    UNION ALL
    -- Placement provider (SSDA903 PLACE_PROVIDER).
    SELECT 'placement_provider', c, c FROM unnest(ARRAY['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']) AS c
    UNION ALL
    -- The child: sex (M F U, and SystemC's I), ethnicity (Eclipse's CNHE
    -- typo and its ?? for unmapped), disability.
    SELECT 'sex', d, c FROM (VALUES ('M', 'M'), ('F', 'F'), ('U', 'U'), ('I', 'U'),
                                    ('1', '1'), ('2', '2'), ('9', '9'), ('0', '0'),
                                    ('Male', 'M'), ('Female', 'F'), ('Unknown', NULL)) AS x(d, c)
    UNION ALL
    SELECT 'ethnicity', c, c
      FROM unnest(ARRAY['WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN',
                        'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT']) AS c
    UNION ALL
    SELECT 'ethnicity', d, c FROM (VALUES ('CNHE', 'CHNE'), ('??', NULL)) AS x(d, c)
    UNION ALL
    SELECT 'disability', c, c
      FROM unnest(ARRAY['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA']) AS c
    UNION ALL
    -- Referral and contact source (CIN census codes).
    SELECT s.item, c, c FROM unnest(ARRAY['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4',
                                          '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10']) AS c
     CROSS JOIN (VALUES ('referral_source'), ('contact_source')) AS s(item)
    UNION ALL
    -- Categories of abuse: SSD's own list and the census's codes.
    SELECT 'category_of_abuse', d, c FROM (VALUES
        ('NEG', 'NEG'), ('PHY', 'PHY'), ('SAB', 'SAB'), ('EMO', 'EMO'), ('MUL', 'MUL'),
        ('Neglect', 'NEG'), ('Physical abuse', 'PHY'), ('Sexual abuse', 'SAB'), ('Emotional abuse', 'EMO'),
        ('Multiple', 'MUL')) AS x(d, c)
    UNION ALL
    -- Health checks (ssd_cla_health): which are health assessments, and
    -- which are done.
    SELECT 'health_check_type', d, c FROM (VALUES
        ('Health check', 'HEALTH'), ('Health assessment', 'HEALTH'), ('Initial health assessment', 'HEALTH'),
        ('Review health assessment', 'HEALTH'), ('Dental check', 'DENTAL'), ('Optician check', 'OTHER')) AS x(d, c)
    UNION ALL
    SELECT 'health_check_status', d, c FROM (VALUES
        ('Completed', 'COMPLETED'), ('Complete', 'COMPLETED'), ('Planned', 'NOT DONE'), ('Refused', 'NOT DONE'),
        ('Cancelled', 'NOT DONE')) AS x(d, c)
    UNION ALL
    -- Involvements (ssd_involvements): SystemC's case worker is an
    -- allocation; other roles are not.
    SELECT 'involvement_role', d, c FROM (VALUES
        ('CW', 'SOCIAL_WORKER'), ('PA', 'PERSONAL_ADVISOR')) AS x(d, c)
    UNION ALL
    -- Early help: SSD names the organisation, not whether it is the
    -- council's own team; cspi.export_ssd writes internal or external.
    SELECT 'early_help_provider', d, c FROM (VALUES ('internal', 'INTERNAL'), ('external', 'EXTERNAL')) AS x(d, c)
  ) v
ON CONFLICT (item, key) DO UPDATE SET value = EXCLUDED.value, code = EXCLUDED.code WHERE m.shipped;
