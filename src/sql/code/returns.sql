INSERT INTO cspi.return_file (kind, columns, date_columns, required, description) VALUES
 ('header', '{CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB}', '{DOB,MC_DOB}', '{CHILD,DOB}',
  'One row per child looked after in the year: sex, date of birth, ethnicity.'),
 ('episodes', '{CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN}',
  '{DECOM,DEC}', '{CHILD,DECOM,RNE,LS,PLACE,DEC,REC}',
  'Every episode of care open during the year: start (DECOM), reason for new episode (RNE), legal status (LS), placement (PLACE), end (DEC) and reason ceased (REC).'),
 ('reviews', '{CHILD,DOB,REVIEW,REVIEW_CODE}', '{DOB,REVIEW}', '{CHILD,REVIEW}',
  'Looked-after reviews held in the year.'),
 ('uasc', '{CHILD,SEX,DOB,DUC}', '{DOB,DUC}', '{CHILD}',
  'Unaccompanied asylum-seeking children, with the date that status ceased (DUC).'),
 ('oc2', '{CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED}',
  '{DOB}', '{CHILD}', 'Outcomes of children looked after continuously for 12 months at 31 March.'),
 ('oc3', '{CHILD,DOB,IN_TOUCH,ACTIV,ACCOM}', '{DOB}', '{CHILD,DOB,IN_TOUCH,ACTIV,ACCOM}',
  'Care leavers around their 17th to 21st birthdays in the year: in touch, main activity, accommodation.'),
 ('ad1', '{CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR}', '{DOB,DATE_INT,DATE_MATCH}', '{CHILD}',
  'Adoptions.'),
 ('placed_for_adoption', '{CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED}',
  '{DOB,DATE_PLACED,DATE_PLACED_CEASED}', '{CHILD}', 'Children placed for adoption.'),
 ('previous_permanence', '{CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM}', '{DOB}', '{CHILD}',
  'Permanence before care (DATE_PERM kept as written: it may be a partial date).'),
 ('missing', '{CHILD,DOB,MISSING,MIS_START,MIS_END}', '{DOB,MIS_START,MIS_END}', '{CHILD,MIS_START}',
  'Missing and away-from-placement episodes of children looked after.'),
 ('sw_episodes', '{CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON}', '{DOB,SW_DECOM,SW_DEC}', '{CHILD,SW_ID,SW_DECOM}',
  'Social worker episodes of children looked after (from 2023/24).'),
 ('dolo', '{CHILD,DOB,DOLO_START,DOLO_END}', '{DOB,DOLO_START,DOLO_END}', '{CHILD,DOLO_START}',
  'Deprivation of liberty orders of children looked after (from 2026/27).')
ON CONFLICT (kind) DO UPDATE SET columns = EXCLUDED.columns, date_columns = EXCLUDED.date_columns, required = EXCLUDED.required, description = EXCLUDED.description;

INSERT INTO cspi.return_code (kind, column_name, codes) VALUES
 ('header', 'SEX', '{1,2,M,F,U}'),
 ('episodes', 'RNE', '{S,L,P,T,U,B}'),
 ('episodes', 'LS', '{C1,C2,D1,E1,V2,V3,V4,J1,J2,J3,L1,L2,L3}'),
 ('episodes', 'CIN', '{N1,N2,N3,N4,N5,N6,N7,N8}'),
 ('episodes', 'PLACE', '{A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,Z11,Z12,Z13,Z14}'),
 ('episodes', 'PLACE_PROVIDER', '{PR0,PR1,PR2,PR3,PR4,PR5}'),
 ('episodes', 'REC', '{X1,E11,E12,E13,E14,E15,E16,E17,E2,E3,E41,E45,E46,E47,E48,E4A,E4B,E5,E6,E7,E8,E9}'),
 ('episodes', 'REASON_PLACE_CHANGE', '{CARPL,CLOSE,ALLEG,STAND,APPRR,CREQB,CREQO,CHILD,LAREQ,PLACE,CUSTOD,OTHER}'),
 ('reviews', 'REVIEW_CODE', '{PN0,PN1,PN2,PN3,PN4,PN5,PN6,PN7}'),
 ('oc3', 'IN_TOUCH', '{YES,NO,DIED,REFU,NREQ,RHOM}'),
 ('oc3', 'ACTIV', '{F1,P1,F2,P2,F3,P3,F4,P4,F5,P5,G4,G5,G6,0}'),
 ('oc3', 'ACCOM', '{B1,B2,C1,C2,D1,D2,E1,E2,G1,G2,H1,H2,K1,K2,R1,R2,S2,T1,T2,U1,U2,V1,V2,W1,W2,X2,Y1,Y2,Z1,Z2,0}'),
 ('missing', 'MISSING', '{M,A}')
ON CONFLICT (kind, column_name) DO UPDATE SET codes = EXCLUDED.codes;

--------------------------------------------------------------------------
-- Reading the files
--------------------------------------------------------------------------

-- A date as the returns write it.
CREATE OR REPLACE FUNCTION cspi.return_date(cell text, file text, line integer, column_name text) RETURNS date
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    v text := btrim(cell);
    m text[];
    y integer;
    mo integer;
    d integer;
BEGIN
    IF v IS NULL OR v = '' THEN
        RETURN NULL;
    END IF;
    m := regexp_match(v, '^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$');
    IF m IS NOT NULL THEN
        -- A two-digit year is the latest year ending so that is not after
        -- next year (96: 1996; 17: 2017).
        y := CASE WHEN length(m[3]) = 2
                  THEN CASE WHEN 2000 + m[3]::integer <= extract(year FROM current_date)::integer + 1
                            THEN 2000 + m[3]::integer ELSE 1900 + m[3]::integer END
                  ELSE m[3]::integer END;
        mo := m[2]::integer;
        d := m[1]::integer;
    ELSE
        m := regexp_match(v, '^(\d{4})-(\d{2})-(\d{2})([T ].*)?$');
        IF m IS NOT NULL THEN
            y := m[1]::integer;
            mo := m[2]::integer;
            d := m[3]::integer;
        END IF;
    END IF;
    -- A real day of a real month (no subtransaction: it runs in parallel).
    IF y BETWEEN 1 AND 9999 AND mo BETWEEN 1 AND 12 AND d >= 1
       AND d <= extract(day FROM (make_date(y, mo, 1) + interval '1 month - 1 day')) THEN
        RETURN make_date(y, mo, d);
    END IF;
    RAISE EXCEPTION '%: "%" is not a date', concat_ws(', ', file, 'line ' || line, column_name), cell
        USING ERRCODE = 'invalid_datetime_format',
              HINT = 'Dates are dd/mm/yyyy (as the DfE writes them), dd/mm/yy or yyyy-mm-dd.';
END
$fn$;
COMMENT ON FUNCTION cspi.return_date(text, text, integer, text) IS
'A date of a statutory return: dd/mm/yyyy, dd/mm/yy (19yy or 20yy, whichever is not after next year) or yyyy-mm-dd (a time after it ignored); NULL when empty; an error naming the file, line (NULL: none) and where (column_name: ''column DECOM'', ''element CPPstartDate'') for anything else, an impossible date (31/02/2021) included.';

-- The staging tables.
CREATE OR REPLACE FUNCTION cspi.create_return_tables(returns_schema name) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    f cspi.return_file;
BEGIN
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', returns_schema);
    FOR f IN SELECT * FROM cspi.return_file ORDER BY kind LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (collection_year integer NOT NULL, line integer NOT NULL, %s)',
                       returns_schema, 'ssda903_' || f.kind,
                       (SELECT string_agg(format('%I %s', lower(c), CASE WHEN c = ANY (f.date_columns) THEN 'date' ELSE 'text' END),
                                          ', ' ORDER BY o)
                          FROM unnest(f.columns) WITH ORDINALITY AS u(c, o)));
        EXECUTE format('COMMENT ON TABLE %I.%I IS %L', returns_schema, 'ssda903_' || f.kind,
                       format('SSDA903 %s files, one row per row of the file with its collection year and line: %s',
                              f.kind, f.description));
    END LOOP;
    EXECUTE format($t$
        CREATE TABLE IF NOT EXISTS %1$I.cin_child (
            collection_year integer NOT NULL, la_child_id text NOT NULL, upn text, former_upn text, upn_unknown text,
            person_birth_date date, expected_person_birth_date date, sex text, person_death_date date,
            ethnicity text, disabilities text[]);
        CREATE TABLE IF NOT EXISTS %1$I.cin_details (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            cin_referral_date date, referral_source text, primary_need_code text, cin_closure_date date,
            reason_for_closure text, date_of_initial_cpc date, referral_nfa text);
        CREATE TABLE IF NOT EXISTS %1$I.cin_assessment (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            assessment_no integer NOT NULL, assessment_actual_start_date date, assessment_internal_review_date date,
            assessment_authorisation_date date, assessment_factors text[]);
        CREATE TABLE IF NOT EXISTS %1$I.cin_plan (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cin_plan_start_date date, cin_plan_end_date date);
        CREATE TABLE IF NOT EXISTS %1$I.cin_section47 (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            s47_no integer NOT NULL, s47_actual_start_date date, initial_cpc_target date, date_of_initial_cpc date,
            icpc_not_required text);
        CREATE TABLE IF NOT EXISTS %1$I.cin_cp_plan (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cpp_start_date date, cpp_end_date date, initial_category_of_abuse text,
            latest_category_of_abuse text, number_of_previous_cpp integer);
        CREATE TABLE IF NOT EXISTS %1$I.cin_cp_review (
            collection_year integer NOT NULL, la_child_id text NOT NULL, detail_no integer NOT NULL,
            plan_no integer NOT NULL, cpp_review_date date);
        COMMENT ON TABLE %1$I.cin_child IS 'CIN census: ChildIdentifiers and ChildCharacteristics, per child and collection year.';
        COMMENT ON TABLE %1$I.cin_details IS 'CIN census: CINdetails (one per referral), numbered within the child.';
        COMMENT ON TABLE %1$I.cin_assessment IS 'CIN census: Assessments of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_plan IS 'CIN census: CINPlanDates of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_section47 IS 'CIN census: Section47 of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_cp_plan IS 'CIN census: ChildProtectionPlans of a CINdetails.';
        COMMENT ON TABLE %1$I.cin_cp_review IS 'CIN census: the review dates (CPPreviewDate) of a child protection plan.';
        $t$, returns_schema);
    IF to_regclass(format('%I.data_quality', returns_schema)) IS NULL THEN
        PERFORM cspi.create_returns_data_quality(returns_schema);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.create_return_tables(name) IS
'Creates returns_schema (if need be) and in it the staging tables of the statutory returns: ssda903_<kind> for every SSDA903 file (every column of the file, dates as dates, with the collection year and line), the CIN census tables (cin_child, cin_details, cin_assessment, cin_plan, cin_section47, cin_cp_plan, cin_cp_review), and the data_quality view of codes outside the DfE''s lists.';

-- Import one SSDA903 file of a collection year, replacing that year's rows
-- of that file.  All or nothing.
CREATE OR REPLACE FUNCTION cspi.import_903(returns_schema name, collection_year integer, file text, content text)
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    spec cspi.return_file;
    file_kind text := lower(regexp_replace(regexp_replace(coalesce(file, ''), '^.*/', ''), '\.csv$', '', 'i'));
    header text[];
    missing text[];
    unknown text[];
    bad record;
    loaded bigint;
BEGIN
    IF returns_schema IS NULL OR collection_year IS NULL OR content IS NULL THEN
        RAISE EXCEPTION 'cspi.import_903 needs a returns schema, a collection year, a file kind and the file''s content'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF collection_year NOT BETWEEN 1990 AND 2100 THEN
        RAISE EXCEPTION 'collection year % is not a year', collection_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The collection year is the year the return''s year ends: 2024 for 1 April 2023 to 31 March 2024.';
    END IF;
    SELECT * INTO spec FROM cspi.return_file f WHERE f.kind = file_kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown SSDA903 file kind "%"', file
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The kinds are ' || (SELECT string_agg(f.kind, ', ' ORDER BY f.kind) FROM cspi.return_file f) || '.';
    END IF;
    IF to_regclass(format('%I.%I', returns_schema, 'ssda903_' || spec.kind)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no table ssda903_%', returns_schema, spec.kind
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create the staging tables first: SELECT cspi.create_return_tables(''' || returns_schema || ''');';
    END IF;

    DROP TABLE IF EXISTS pg_temp.cspi_return_line;
    CREATE TEMPORARY TABLE cspi_return_line AS SELECT * FROM cspi.csv_lines(content, spec.kind || ' file');
    SELECT array_agg(upper(btrim(h)) ORDER BY i) INTO header
      FROM cspi_return_line, unnest(fields) WITH ORDINALITY AS u(h, i)
     WHERE line = (SELECT min(line) FROM cspi_return_line);
    IF header IS NULL THEN
        RAISE EXCEPTION 'SSDA903 % file is empty: it has no header row', spec.kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A column named twice (ignoring case) would keep only one of its
    -- values; empty names (a spreadsheet's unused columns) are not loaded.
    SELECT u.h AS name INTO bad FROM unnest(header) WITH ORDINALITY AS u(h, i)
     WHERE u.h <> '' GROUP BY u.h HAVING count(*) > 1 ORDER BY min(u.i) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'SSDA903 % file, line %: the header names column % more than once', spec.kind,
              (SELECT min(line) FROM cspi_return_line), bad.name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Each column is named once in the header row (names are matched ignoring case).';
    END IF;
    SELECT array_agg(c ORDER BY c) INTO missing FROM unnest(spec.required) AS c WHERE c <> ALL (header);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'SSDA903 % file without %', spec.kind, array_to_string(missing, ', ')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Its header has ' || array_to_string(header, ', ') || '.',
                  HINT = 'A ' || spec.kind || ' file has the columns ' || array_to_string(spec.columns, ', ') || '.';
    END IF;
    SELECT array_agg(h ORDER BY h) INTO unknown FROM unnest(header) AS h WHERE h <> ALL (spec.columns);
    IF unknown IS NOT NULL THEN
        RAISE WARNING 'SSDA903 % file: columns % are not in the DfE''s list and are not loaded', spec.kind, array_to_string(unknown, ', ');
    END IF;
    SELECT l.line, cardinality(l.fields) AS n INTO bad FROM cspi_return_line l
     WHERE l.line > (SELECT min(line) FROM cspi_return_line) AND cardinality(l.fields) <> cardinality(header)
     ORDER BY l.line LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'SSDA903 % file, line %: % fields, but the header has %', spec.kind, bad.line, bad.n, cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Every date, checked before anything is loaded: the date columns'
    -- positions first, as header[i] for every i of a wide header would walk
    -- the array each time (quadratic).
    PERFORM cspi.return_date(l.fields[d.i], spec.kind || ' file', l.line, 'column ' || d.h)
       FROM (SELECT u.h, u.i::integer AS i FROM unnest(header) WITH ORDINALITY AS u(h, i)
              WHERE u.h = ANY (spec.date_columns)) AS d,
            cspi_return_line l
      WHERE l.line > (SELECT min(line) FROM cspi_return_line);

    EXECUTE format('DELETE FROM %I.%I WHERE collection_year = $1', returns_schema, 'ssda903_' || spec.kind)
        USING collection_year;
    EXECUTE format($q$
        INSERT INTO %I.%I (collection_year, line, %s)
        SELECT $1, x.line, %s
          FROM (SELECT l.line, jsonb_object($2, l.fields) AS r
                  FROM cspi_return_line l WHERE l.line > (SELECT min(line) FROM cspi_return_line)) x$q$,
        returns_schema, 'ssda903_' || spec.kind,
        (SELECT string_agg(quote_ident(lower(c)), ', ' ORDER BY o) FROM unnest(spec.columns) WITH ORDINALITY AS u(c, o)),
        (SELECT string_agg(CASE WHEN c = ANY (spec.date_columns)
                                THEN format('cspi.return_date(x.r->>%L, %L, x.line, %L)', c, spec.kind || ' file', 'column ' || c)
                                ELSE format('nullif(btrim(x.r->>%L), %L)', c, '') END, ', ' ORDER BY o)
           FROM unnest(spec.columns) WITH ORDINALITY AS u(c, o)))
        USING collection_year, header;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE pg_temp.cspi_return_line;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.import_903(name, integer, text, text) IS
'Imports one SSDA903 CSV file (file: its kind, such as episodes or episodes.csv; content: the whole file with its header row, columns in any order and case, a byte-order mark tolerated, dates dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd) for a collection year (the year it ends), replacing that year''s rows of that kind. An unknown kind, CSV that is not well formed (cspi.csv_lines), a missing required column, a column named twice, a line with the wrong number of fields or a date that is not a date is an error naming the file, line and column, and nothing is loaded. Returns the rows loaded.';

-- Import a CIN census: the XML as the DfE's schema has it (Message, Header,
-- Children/Child with ChildIdentifiers, ChildCharacteristics, CINdetails).
CREATE OR REPLACE FUNCTION cspi.import_cin_census(returns_schema name, collection_year integer, document xml)
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET client_min_messages = warning
    AS $fn$
DECLARE
    year integer := collection_year;
    loaded bigint;
    bad record;
BEGIN
    IF returns_schema IS NULL OR document IS NULL THEN
        RAISE EXCEPTION 'cspi.import_cin_census needs a returns schema and the census document'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF collection_year NOT BETWEEN 1990 AND 2100 THEN
        RAISE EXCEPTION 'collection year % is not a year', collection_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The collection year is the year the census''s year ends (its reference date, 31 March): 2024 for 2023/24.';
    END IF;
    IF to_regclass(format('%I.cin_child', returns_schema)) IS NULL THEN
        RAISE EXCEPTION 'schema "%" has no table cin_child', returns_schema
            USING ERRCODE = 'undefined_table',
                  HINT = 'Create the staging tables first: SELECT cspi.create_return_tables(''' || returns_schema || ''');';
    END IF;
    IF NOT xpath_exists('/Message/Children', document) THEN
        RAISE EXCEPTION 'the document is not a CIN census: it has no /Message/Children'
            USING ERRCODE = 'invalid_xml_content';
    END IF;
    -- The collection year: the year of the census's reference date (31
    -- March), unless given.
    IF year IS NULL THEN
        year := extract(year FROM cspi.return_date(
                    (xpath('/Message/Header/CollectionDetails/ReferenceDate/text()', document))[1]::text,
                    'CIN census', NULL, 'element ReferenceDate'));
        IF year IS NULL THEN
            RAISE EXCEPTION 'the CIN census has no Header/CollectionDetails/ReferenceDate: give the collection year'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;

    -- The children and their nested elements, each numbered in document
    -- order within its parent.
    DROP TABLE IF EXISTS pg_temp.cspi_cin_child;
    CREATE TEMPORARY TABLE cspi_cin_child AS
    SELECT c.child_no, c.node FROM XMLTABLE('/Message/Children/Child' PASSING document
                                         COLUMNS child_no FOR ORDINALITY, node xml PATH '.') c;
    -- Every child has an LAchildID.
    PERFORM 1 FROM cspi_cin_child c
     WHERE btrim(coalesce((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text, '')) = '';
    IF FOUND THEN
        RAISE EXCEPTION 'CIN census, child %: no LAchildID',
              (SELECT min(c.child_no) FROM cspi_cin_child c
                WHERE btrim(coalesce((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text, '')) = '')
            USING ERRCODE = 'not_null_violation';
    END IF;
    -- Every date element, checked before anything is loaded.
    PERFORM cspi.return_date(d.value,
                             format('CIN census, child %s (%s)', c.child_no,
                                    coalesce(btrim((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text), 'no LAchildID')),
                             NULL, 'element ' || d.name)
       FROM cspi_cin_child c,
            XMLTABLE('//*[(contains(local-name(), ''Date'') or local-name() = ''InitialCPCtarget'') and not(*)]' PASSING c.node
                     COLUMNS name text PATH 'local-name()', value text PATH 'text()') d;

    EXECUTE format('DELETE FROM %1$I.cin_child WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_details WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_assessment WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_plan WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_section47 WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_cp_plan WHERE collection_year = $1;
                    DELETE FROM %1$I.cin_cp_review WHERE collection_year = $1', returns_schema) USING year;
    EXECUTE format($q$
        INSERT INTO %I.cin_child
        SELECT $1, btrim(x.la_child_id), x.upn, x.former_upn, x.upn_unknown,
               cspi.return_date(x.birth, 'CIN census', NULL, 'element PersonBirthDate'),
               cspi.return_date(x.expected_birth, 'CIN census', NULL, 'element ExpectedPersonBirthDate'),
               coalesce(x.sex, x.gender), cspi.return_date(x.death, 'CIN census', NULL, 'element PersonDeathDate'),
               x.ethnicity,
               (SELECT array_agg(d.v ORDER BY d.n) FROM XMLTABLE('/Child/ChildCharacteristics/Disabilities/Disability' PASSING c.node
                        COLUMNS n FOR ORDINALITY, v text PATH 'text()') d)
          FROM cspi_cin_child c,
               XMLTABLE('/Child' PASSING c.node COLUMNS
                        la_child_id text PATH 'ChildIdentifiers/LAchildID',
                        upn text PATH 'ChildIdentifiers/UPN', former_upn text PATH 'ChildIdentifiers/FormerUPN',
                        upn_unknown text PATH 'ChildIdentifiers/UPNunknown',
                        birth text PATH 'ChildIdentifiers/PersonBirthDate',
                        expected_birth text PATH 'ChildIdentifiers/ExpectedPersonBirthDate',
                        sex text PATH 'ChildIdentifiers/Sex', gender text PATH 'ChildIdentifiers/GenderCurrent',
                        death text PATH 'ChildIdentifiers/PersonDeathDate',
                        ethnicity text PATH 'ChildCharacteristics/Ethnicity') x$q$, returns_schema) USING year;
    GET DIAGNOSTICS loaded = ROW_COUNT;
    DROP TABLE IF EXISTS pg_temp.cspi_cin_detail;
    CREATE TEMPORARY TABLE cspi_cin_detail AS
    SELECT btrim((xpath('/Child/ChildIdentifiers/LAchildID/text()', c.node))[1]::text) AS la_child_id,
           d.detail_no, d.node
      FROM cspi_cin_child c,
           XMLTABLE('/Child/CINdetails' PASSING c.node COLUMNS detail_no FOR ORDINALITY, node xml PATH '.') d;
    EXECUTE format($q$
        INSERT INTO %1$I.cin_details
        SELECT $1, d.la_child_id, d.detail_no, cspi.return_date(x.referral_date, 'CIN census', NULL, 'element referral_date'), x.referral_source, x.primary_need,
               cspi.return_date(x.closure_date, 'CIN census', NULL, 'element closure_date'), x.reason_for_closure, cspi.return_date(x.icpc, 'CIN census', NULL, 'element icpc'), x.nfa
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails' PASSING d.node COLUMNS
                        referral_date text PATH 'CINreferralDate', referral_source text PATH 'ReferralSource',
                        primary_need text PATH 'PrimaryNeedCode', closure_date text PATH 'CINclosureDate',
                        reason_for_closure text PATH 'ReasonForClosure', icpc text PATH 'DateOfInitialCPC',
                        nfa text PATH 'ReferralNFA') x;
        INSERT INTO %1$I.cin_assessment
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.review_date, 'CIN census', NULL, 'element review_date'), cspi.return_date(x.authorisation_date, 'CIN census', NULL, 'element authorisation_date'),
               (SELECT array_agg(f.v ORDER BY f.k) FROM XMLTABLE('/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors'
                        PASSING x.node COLUMNS k FOR ORDINALITY, v text PATH 'text()') f)
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/Assessments' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'AssessmentActualStartDate',
                        review_date text PATH 'AssessmentInternalReviewDate',
                        authorisation_date text PATH 'AssessmentAuthorisationDate', node xml PATH '.') x;
        INSERT INTO %1$I.cin_plan
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.end_date, 'CIN census', NULL, 'element end_date')
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/CINPlanDates' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'CINPlanStartDate', end_date text PATH 'CINPlanEndDate') x;
        INSERT INTO %1$I.cin_section47
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.target, 'CIN census', NULL, 'element target'), cspi.return_date(x.icpc, 'CIN census', NULL, 'element icpc'), x.not_required
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/Section47' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'S47ActualStartDate', target text PATH 'InitialCPCtarget',
                        icpc text PATH 'DateOfInitialCPC', not_required text PATH 'ICPCnotRequired') x;
        INSERT INTO %1$I.cin_cp_plan
        SELECT $1, d.la_child_id, d.detail_no, x.n, cspi.return_date(x.start_date, 'CIN census', NULL, 'element start_date'), cspi.return_date(x.end_date, 'CIN census', NULL, 'element end_date'), x.initial_category,
               x.latest_category, CASE WHEN btrim(x.previous) ~ '^\d{1,9}$' THEN btrim(x.previous)::integer END
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/ChildProtectionPlans' PASSING d.node COLUMNS
                        n FOR ORDINALITY, start_date text PATH 'CPPstartDate', end_date text PATH 'CPPendDate',
                        initial_category text PATH 'InitialCategoryOfAbuse', latest_category text PATH 'LatestCategoryOfAbuse',
                        previous text PATH 'NumberOfPreviousCPP') x;
        INSERT INTO %1$I.cin_cp_review
        SELECT $1, d.la_child_id, d.detail_no, p.n, cspi.return_date(r.review_date, 'CIN census', NULL, 'element CPPreviewDate')
          FROM cspi_cin_detail d,
               XMLTABLE('/CINdetails/ChildProtectionPlans' PASSING d.node COLUMNS n FOR ORDINALITY, node xml PATH '.') p,
               XMLTABLE('/ChildProtectionPlans/Reviews/CPPreviewDate' PASSING p.node COLUMNS review_date text PATH 'text()') r
        $q$, returns_schema) USING year;
    DROP TABLE pg_temp.cspi_cin_child, pg_temp.cspi_cin_detail;
    RETURN loaded;
END
$fn$;
COMMENT ON FUNCTION cspi.import_cin_census(name, integer, xml) IS
'Imports a Children in Need census (the DfE''s XML: Message/Children/Child with ChildIdentifiers, ChildCharacteristics and CINdetails with Assessments, CINPlanDates, Section47 and ChildProtectionPlans/Reviews) into the returns schema''s cin_ tables with PostgreSQL''s XMLTABLE, replacing that collection year. collection_year NULL: the year of the header''s ReferenceDate. A date that is not a date is an error naming the child and element, and nothing is loaded. Returns the children loaded.';
