--------------------------------------------------------------------------
-- The data contract: source relations
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION cspi.create_source_tables(source_schema name) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := quote_ident(source_schema);
BEGIN
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', s);
    EXECUTE format($ddl$
        CREATE TABLE %1$s.child (
            child_id text PRIMARY KEY,
            family_id text,
            date_of_birth date,
            sex text,
            ethnicity text,
            disability text,
            upn text
        );
        CREATE TABLE %1$s.population (
            year integer PRIMARY KEY,
            children integer
        );
        CREATE TABLE %1$s.referral (
            referral_id text PRIMARY KEY,
            child_id text,
            referral_date date,
            completed_date date,
            source text,
            nfa boolean
        );
        CREATE TABLE %1$s.assessment (
            assessment_id text PRIMARY KEY,
            child_id text,
            start_date date,
            authorised_date date
        );
        CREATE TABLE %1$s.s47_enquiry (
            s47_id text PRIMARY KEY,
            child_id text,
            strategy_date date,
            icpc_date date,
            transfer_in boolean
        );
        CREATE TABLE %1$s.cp_plan (
            plan_id text PRIMARY KEY,
            child_id text,
            start_date date,
            end_date date,
            initial_category text,
            latest_category text
        );
        CREATE TABLE %1$s.cp_review (
            review_id text PRIMARY KEY,
            plan_id text,
            review_date date
        );
        CREATE TABLE %1$s.cla_episode (
            episode_id text PRIMARY KEY,
            child_id text,
            start_date date,
            end_date date,
            reason_new text,
            legal_status text,
            placement text,
            reason_ceased text,
            distance_miles numeric,
            uasc boolean,
            placement_provider text,
            placement_postcode text,
            placement_urn text
        );
        CREATE TABLE %1$s.cla_review (
            review_id text PRIMARY KEY,
            child_id text,
            review_date date
        );
        CREATE TABLE %1$s.visit (
            visit_id text PRIMARY KEY,
            child_id text,
            visit_type text,
            visit_date date,
            due_date date
        );
        CREATE TABLE %1$s.allocation (
            child_id text,
            start_date date,
            end_date date,
            qualified_social_worker boolean,
            worker_id text,
            team text,
            locality text,
            role text
        );
        CREATE TABLE %1$s.health_assessment (
            child_id text,
            kind text,
            due_date date,
            completed_date date
        );
        CREATE TABLE %1$s.missing_episode (
            episode_id text PRIMARY KEY,
            child_id text,
            start_at timestamp,
            returned_at timestamp,
            rhi_offered_at timestamp,
            rhi_engaged boolean,
            other_authority boolean
        );
        CREATE TABLE %1$s.care_leaver (
            child_id text,
            as_at date,
            in_touch boolean,
            accommodation_suitable boolean,
            activity text,
            in_touch_code text,
            accommodation text,
            PRIMARY KEY (child_id, as_at)
        );
        CREATE TABLE %1$s.family_support (
            case_id text,
            family_id text,
            child_id text,
            provider text,
            start_date date,
            end_date date,
            PRIMARY KEY (case_id, child_id)
        );
        CREATE TABLE %1$s.contact (
            contact_id text PRIMARY KEY,
            child_id text,
            contact_date date,
            source text,
            outcome text
        );
        CREATE TABLE %1$s.cin_plan (
            plan_id text PRIMARY KEY,
            child_id text,
            start_date date,
            end_date date
        );
        CREATE TABLE %1$s.population_age_band (
            year integer,
            age_band text,
            children integer,
            PRIMARY KEY (year, age_band)
        );
    $ddl$, s);
    -- Their changes are logged, for the incremental refresh.
    PERFORM cspi.track_changes(source_schema);
END
$fn$;
COMMENT ON FUNCTION cspi.create_source_tables(name) IS
'Creates the schema (if needed) and empty tables with exactly the data contract''s columns, types and keys, for councils that load their data rather than pointing cspi at views: the relations every council has (the fifteen of release 1.0, and contact, cin_plan and population_age_band, which nothing requires yet: empty, they give counts rather than rates by age band). A relation an indicator family adds (cin_episode), and those only Annex A reads (leaving_care, pathway_plan_review, adoption, adopter), are made by cspi.create_source_table, so that a source without one leaves its indicators unavailable rather than zero, or its Annex A list without rows. Their changes are logged from the start (cspi.track_changes), so that a refresh counts again only what changed.';

-- One relation of the contract as an empty table: for a relation that an
-- indicator family adds (src/sql/indicators/), which create_source_tables
-- leaves out so that a council without such data sees its indicators
-- unavailable, not zero.
CREATE OR REPLACE FUNCTION cspi.create_source_table(source_schema name, relation text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    columns text;
BEGIN
    -- Keyed by the first column when it is an id, except the two whose key
    -- is a young person's and a day (doc/data-contract.md, Keys).
    SELECT string_agg(format('%I %s', c.column_name, cspi_internal.contract_type(c.kind))
                      || CASE WHEN c.position = 1 AND c.kind = 'id' AND k.key IS NULL THEN ' PRIMARY KEY' ELSE '' END,
                      ', ' ORDER BY c.position)
             || coalesce(', PRIMARY KEY (' || min(k.key) || ')', '')
      INTO columns
      FROM cspi.contract_column c
      LEFT JOIN (VALUES ('leaving_care', 'child_id, start_date'), ('adoption', 'child_id, decision_date')) k(relation, key)
        ON k.relation = c.relation
     WHERE c.relation = create_source_table.relation;
    IF columns IS NULL THEN
        RAISE EXCEPTION 'the data contract has no relation "%"', relation
            USING ERRCODE = 'undefined_table',
                  HINT = 'cspi.contract_column lists the relations and their columns.';
    END IF;
    IF to_regnamespace(quote_ident(source_schema)) IS NULL THEN
        EXECUTE format('CREATE SCHEMA %I', source_schema);
    END IF;
    EXECUTE format('CREATE TABLE %I.%I (%s)', source_schema, relation, columns);
    -- Logged as the schema's other tables are.
    IF to_regclass(format('%I.cspi_change', source_schema)) IS NOT NULL THEN
        PERFORM cspi.track_changes(source_schema);
    END IF;
END
$fn$;
COMMENT ON FUNCTION cspi.create_source_table(name, text) IS
'Creates one relation of the data contract as an empty table in source_schema (made if needed): its columns in order, with the contract''s types, keyed by its first column when that is an id (leaving_care by child_id and start_date, adoption by child_id and decision_date). For the relations an indicator family or Annex A adds to the contract (cin_episode; leaving_care, pathway_plan_review, adoption, adopter), which cspi.create_source_tables leaves out. In a schema whose changes are logged, its changes are logged too.';

-- A personal advisor's allocation (allocation.role, as the src_ view reads
-- it: upper case, trimmed), in either spelling: not a social worker's, so
-- that no figure, breakdown or list but Annex A List 9 reads it.
CREATE OR REPLACE FUNCTION cspi_internal.is_personal_advisor(role text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(role IN ('PERSONAL_ADVISOR', 'PERSONAL_ADVISER'), false);
COMMENT ON FUNCTION cspi_internal.is_personal_advisor(text) IS
'Whether an allocation''s role (as its src_ view reads it) is a care leaver''s personal advisor: PERSONAL_ADVISOR or PERSONAL_ADVISER; false for a social worker''s (SOCIAL_WORKER, NULL or any other value).';

INSERT INTO cspi.contract_column (relation, column_name, kind, position, meaning) VALUES
    ('child', 'child_id', 'id', 1, 'unique'),
    ('child', 'family_id', 'id', 2, 'household/family grouping; NULL is left out of family counts'),
    ('child', 'date_of_birth', 'date', 3, 'date of birth'),
    ('child', 'sex', 'code', 4, 'DfE code: 1 male, 2 female, 9 not stated or indeterminate (the 903''s M, F, U from 2024-25 too; 0 or NULL: not known)'),
    ('child', 'ethnicity', 'code', 5, 'DfE ethnicity code (WBRI, MWBC, AIND, BAFR, CHNE, OOTH..., REFU refused, NOBT not yet obtained)'),
    ('child', 'disability', 'code or flag', 6, 'true or a CIN census disability code (MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA): disabled; false or NONE: not; NULL: not known'),
    ('child', 'upn', 'code', 7, 'unique pupil number'),
    ('population_age_band', 'year', 'integer', 1, 'ONS mid-year estimate year'),
    ('population_age_band', 'age_band', 'code', 2, 'the DfE''s age band: under 1, 1-4, 5-9, 10-15 or 16 and over (16 and 17)'),
    ('population_age_band', 'children', 'integer', 3, 'resident children of that age'),
    ('contact', 'contact_id', 'id', 1, 'unique'),
    ('contact', 'child_id', 'id', 2, 'the child'),
    ('contact', 'contact_date', 'date', 3, 'date the contact was received'),
    ('contact', 'source', 'code', 4, 'DfE referral source code, as the CIN census''s (1A to 1D individual, 2A and 2B education, 3A to 3F health, 4 housing, 5A to 5D local authority services, 6 police, 7 other legal agency, 8 other, 9 anonymous, 10 unknown)'),
    ('contact', 'outcome', 'code', 5, 'what the front door decided (such as REFERRAL, NFA, EARLY HELP)'),
    ('cin_plan', 'plan_id', 'id', 1, 'unique'),
    ('cin_plan', 'child_id', 'id', 2, 'the child'),
    ('cin_plan', 'start_date', 'date', 3, 'start of the child in need plan'),
    ('cin_plan', 'end_date', 'date', 4, 'end of the plan; NULL = open'),
    ('population', 'year', 'integer', 1, 'ONS mid-year estimate year'),
    ('population', 'children', 'integer', 2, 'resident population aged 0 to 17'),
    ('referral', 'referral_id', 'id', 1, 'unique'),
    ('referral', 'child_id', 'id', 2, 'the child'),
    ('referral', 'referral_date', 'date', 3, 'date the referral was received'),
    ('referral', 'completed_date', 'date', 4, 'date the referral was completed; NULL = still open'),
    ('referral', 'source', 'code', 5, 'DfE referral source code (CIN census: 1A to 10, as contact.source)'),
    ('referral', 'nfa', 'boolean', 6, 'the referral ended in no further action (CIN census REFNFA); NULL = not known'),
    ('assessment', 'assessment_id', 'id', 1, 'unique'),
    ('assessment', 'child_id', 'id', 2, 'the child'),
    ('assessment', 'start_date', 'date', 3, 'start of the child and family assessment'),
    ('assessment', 'authorised_date', 'date', 4, 'date completed/authorised; NULL = not completed'),
    ('s47_enquiry', 's47_id', 'id', 1, 'unique'),
    ('s47_enquiry', 'child_id', 'id', 2, 'the child'),
    ('s47_enquiry', 'strategy_date', 'date', 3, 'strategy discussion that initiated the enquiry'),
    ('s47_enquiry', 'icpc_date', 'date', 4, 'initial child protection conference; NULL = none held'),
    ('s47_enquiry', 'transfer_in', 'flag', 5, 'a transfer-in conference (excluded from timeliness)'),
    ('cp_plan', 'plan_id', 'id', 1, 'unique'),
    ('cp_plan', 'child_id', 'id', 2, 'the child'),
    ('cp_plan', 'start_date', 'date', 3, 'start of the plan'),
    ('cp_plan', 'end_date', 'date', 4, 'end of the plan; NULL = open'),
    ('cp_plan', 'initial_category', 'code', 5, 'CIN census InitialCategoryOfAbuse: NEG neglect, PHY physical, SAB sexual, EMO emotional, MUL multiple; NULL = not known'),
    ('cp_plan', 'latest_category', 'code', 6, 'CIN census LatestCategoryOfAbuse (same codes); NULL = not known'),
    ('cp_review', 'review_id', 'id', 1, 'unique'),
    ('cp_review', 'plan_id', 'id', 2, 'the plan reviewed'),
    ('cp_review', 'review_date', 'date', 3, 'date the review conference was held'),
    ('cla_episode', 'episode_id', 'id', 1, 'unique'),
    ('cla_episode', 'child_id', 'id', 2, 'the child'),
    ('cla_episode', 'start_date', 'date', 3, 'SSDA903 DECOM'),
    ('cla_episode', 'end_date', 'date', 4, 'SSDA903 DEC; NULL = open'),
    ('cla_episode', 'reason_new', 'code', 5, 'SSDA903 RNE: S, L, P, T, B or U'),
    ('cla_episode', 'legal_status', 'code', 6, 'SSDA903 LS; V3 and V4 are short breaks'),
    ('cla_episode', 'placement', 'code', 7, 'SSDA903 PLACE; T0 to T4 are temporary'),
    ('cla_episode', 'reason_ceased', 'code', 8, 'SSDA903 REC; X1 continues in a new episode; NULL = open'),
    ('cla_episode', 'distance_miles', 'numeric', 9, 'SSDA903 PL_DISTANCE in miles; NULL = unknown'),
    ('cla_episode', 'uasc', 'flag', 10, 'unaccompanied asylum-seeking child during this episode'),
    ('cla_episode', 'placement_provider', 'code', 11, 'SSDA903 PLACE_PROVIDER: PR0 parents or other person with parental responsibility, PR1 own provision (the council), PR2 other local authority, PR3 other public provision, PR4 private, PR5 voluntary or third sector; NULL = not known'),
    ('cla_episode', 'placement_postcode', 'code', 12, 'SSDA903 PL_POST: the placement''s postcode (as the 903 writes it, the first half and the first character of the second, or in full); NULL = not known'),
    ('cla_episode', 'placement_urn', 'code', 13, 'SSDA903 URN: Ofsted''s unique reference number of the placement (a children''s home, a fostering agency); XXXXXXX = none applies; NULL = not known'),
    ('cla_review', 'review_id', 'id', 1, 'unique'),
    ('cla_review', 'child_id', 'id', 2, 'the child'),
    ('cla_review', 'review_date', 'date', 3, 'date the looked-after review was held'),
    ('visit', 'visit_id', 'id', 1, 'unique'),
    ('visit', 'child_id', 'id', 2, 'the child'),
    ('visit', 'visit_type', 'code', 3, 'cp (child protection), cic (child in care), iro (the independent reviewing officer''s visit to or contact with a child in care: Annex A only) or care_leaver (contact with a care leaver: Annex A only)'),
    ('visit', 'visit_date', 'date', 4, 'date of the statutory visit'),
    ('visit', 'due_date', 'date', 5, 'due date from the case-management system; decides cic timeliness when given'),
    ('allocation', 'child_id', 'id', 1, 'the child'),
    ('allocation', 'start_date', 'date', 2, 'start of the allocation'),
    ('allocation', 'end_date', 'date', 3, 'end of the allocation; NULL = open'),
    ('allocation', 'qualified_social_worker', 'flag', 4, 'the worker is a qualified, registered social worker'),
    ('allocation', 'worker_id', 'id', 5, 'the worker allocated'),
    ('allocation', 'team', 'id', 6, 'the worker''s team: a case''s team at a date is that of its allocation then'),
    ('allocation', 'locality', 'id', 7, 'the team''s locality (area office)'),
    ('allocation', 'role', 'code', 8, 'social_worker (NULL too): a social worker''s allocation; personal_advisor (or personal_adviser): a care leaver''s personal advisor, whom only Annex A reads (List 9''s Allocated Personal Advisor): no indicator, breakdown or other list counts such an allocation'),
    ('health_assessment', 'child_id', 'id', 1, 'the child'),
    ('health_assessment', 'kind', 'code', 2, 'initial, review or dental (a dental check: Annex A only)'),
    ('health_assessment', 'due_date', 'date', 3, 'when it fell due'),
    ('health_assessment', 'completed_date', 'date', 4, 'when it was done; NULL = not done'),
    ('missing_episode', 'episode_id', 'id', 1, 'unique'),
    ('missing_episode', 'child_id', 'id', 2, 'the child'),
    ('missing_episode', 'start_at', 'timestamp', 3, 'went missing'),
    ('missing_episode', 'returned_at', 'timestamp', 4, 'returned; NULL = still missing'),
    ('missing_episode', 'rhi_offered_at', 'timestamp', 5, 'return home interview offered; NULL = not offered'),
    ('missing_episode', 'rhi_engaged', 'flag', 6, 'the child engaged with the interview'),
    ('missing_episode', 'other_authority', 'flag', 7, 'looked after by or resident in another authority (excluded)'),
    ('care_leaver', 'child_id', 'id', 1, 'the young person'),
    ('care_leaver', 'as_at', 'date', 2, 'date the information refers to'),
    ('care_leaver', 'in_touch', 'boolean', 3, 'the authority is in touch'),
    ('care_leaver', 'accommodation_suitable', 'boolean', 4, 'suitable accommodation; NULL = unknown'),
    ('care_leaver', 'activity', 'code', 5, 'SSDA903 OC3 activity code or its group'),
    ('care_leaver', 'in_touch_code', 'code', 6, 'SSDA903 OC3 IN_TOUCH: YES, NO, DIED, REFU (refuses contact), NREQ (no longer requires services), RHOM (returned home); NULL = not recorded (in_touch stays the flag the indicators read; Annex A List 9)'),
    ('care_leaver', 'accommodation', 'code', 7, 'SSDA903 OC3 ACCOM: the accommodation''s letter (B parents or relatives ... Z with former foster carers) then its suitability digit (1 suitable, 2 unsuitable), such as U1, or the letter alone; NULL = not recorded (Annex A List 9)'),
    -- Annex A lists 9 to 11 (issue 26): relations nothing else reads, made
    -- by cspi.create_source_table, so that a source without them has no
    -- rows in those lists rather than empty ones.
    ('leaving_care', 'child_id', 'id', 1, 'the young person'),
    ('leaving_care', 'eligibility', 'code', 2, 'the leaving-care category: relevant, former_relevant, qualifying or eligible (Children Act 1989 s19B, 23A, 23C, 24)'),
    ('leaving_care', 'start_date', 'date', 3, 'start of the entitlement to leaving-care services in that category'),
    ('leaving_care', 'end_date', 'date', 4, 'its end; NULL = open'),
    ('pathway_plan_review', 'review_id', 'id', 1, 'unique'),
    ('pathway_plan_review', 'child_id', 'id', 2, 'the young person'),
    ('pathway_plan_review', 'review_date', 'date', 3, 'date the pathway plan was reviewed'),
    ('adoption', 'child_id', 'id', 1, 'the child'),
    ('adoption', 'decision_date', 'date', 2, 'the decision that the child should be placed for adoption'),
    ('adoption', 'matched_date', 'date', 3, 'the child matched with prospective adopters; NULL = not (yet)'),
    ('adoption', 'placed_date', 'date', 4, 'the child placed for adoption with them; NULL = not (yet), or read from the episodes of care'),
    ('adoption', 'reversed_date', 'date', 5, 'the decision that the child should no longer be placed for adoption; NULL = none'),
    ('adoption', 'reversed_reason', 'code', 6, 'SSDA903 REASON_PLACED_CEASED: RD1 the child''s needs changed, RD2 the court did not make a placement order, RD3 prospective adopters could not be found, RD4 any other reason'),
    ('adoption', 'adoptive_family_id', 'id', 7, 'the adoptive family the child is matched or placed with (adopter.family_id)'),
    ('adopter', 'adopter_id', 'id', 1, 'unique: one row per adopter, two for a couple'),
    ('adopter', 'family_id', 'id', 2, 'the adoptive family (adoption.adoptive_family_id)'),
    ('adopter', 'gender', 'code', 3, 'M male, F female, N neither, U not stated or recorded (the DfE''s 1, 2, 9 read as M, F, U)'),
    ('adopter', 'ethnicity', 'code', 4, 'DfE ethnicity code, as child.ethnicity'),
    ('adopter', 'disability', 'boolean', 5, 'the adopter is disabled; NULL = not known'),
    ('adopter', 'fostering_for_adoption', 'boolean', 6, 'the (prospective) adopter is fostering for adoption or has a concurrent planning placement'),
    ('adopter', 'enquiry_date', 'date', 7, 'first enquiry'),
    ('adopter', 'stage1_start_date', 'date', 8, 'Stage 1 started (registration of interest received)'),
    ('adopter', 'stage1_end_date', 'date', 9, 'Stage 1 ended'),
    ('adopter', 'stage2_start_date', 'date', 10, 'Stage 2 (assessment) started'),
    ('adopter', 'stage2_end_date', 'date', 11, 'Stage 2 ended (the agency decision-maker''s decision)'),
    ('adopter', 'application_date', 'date', 12, 'application submitted (the original approval process)'),
    ('adopter', 'approval_date', 'date', 13, 'application approved'),
    ('adopter', 'matched_date', 'date', 14, 'matched with a child or children'),
    ('adopter', 'placed_date', 'date', 15, 'a child or children placed with the adopter'),
    ('adopter', 'children_placed', 'integer', 16, 'the children placed with the adoptive family'),
    ('adopter', 'adoption_order_date', 'date', 17, 'the adoption order'),
    ('adopter', 'left_date', 'date', 18, 'left the adoption process; NULL = has not'),
    ('adopter', 'left_reason', 'code', 19, '1 the adopter withdrew, 2 the process was put on hold, 3 the application was refused'),
    ('family_support', 'case_id', 'id', 1, 'the early help case'),
    ('family_support', 'family_id', 'id', 2, 'the family'),
    ('family_support', 'child_id', 'id', 3, 'the child supported'),
    ('family_support', 'provider', 'code', 4, 'internal (the council''s own team) or external'),
    ('family_support', 'start_date', 'date', 5, 'start of the support'),
    ('family_support', 'end_date', 'date', 6, 'end of the support; NULL = open')
ON CONFLICT (relation, column_name) DO UPDATE SET kind = EXCLUDED.kind, position = EXCLUDED.position, meaning = EXCLUDED.meaning;

-- Optional columns: a source may lack them (cspi.contract_column.optional).
UPDATE cspi.contract_column SET optional = true
 WHERE (relation, column_name) IN (('referral', 'completed_date'), ('child', 'family_id'), ('cla_episode', 'distance_miles'),
                                   ('child', 'sex'), ('child', 'ethnicity'), ('child', 'disability'), ('child', 'upn'),
                                   ('referral', 'source'), ('referral', 'nfa'),
                                   ('allocation', 'worker_id'), ('allocation', 'team'), ('allocation', 'locality'),
                                   -- Ofsted's Annex A (issue 26)
                                   ('cp_plan', 'initial_category'), ('cp_plan', 'latest_category'),
                                   ('cla_episode', 'placement_provider'), ('cla_episode', 'placement_postcode'),
                                   ('cla_episode', 'placement_urn'),
                                   ('care_leaver', 'in_touch_code'), ('care_leaver', 'accommodation'),
                                   ('allocation', 'role'),
                                   ('adoption', 'adoptive_family_id'),
                                   -- What the Standard Safeguarding Dataset cannot
                                   -- give, or gives only by an inference that can be
                                   -- switched off (issue 27): without them CIC_UASC
                                   -- and CIC_STARTED_UASC, the allocated-QSW
                                   -- indicators and CIC_RHA_DONE are unavailable.
                                   ('cla_episode', 'uasc'), ('allocation', 'qualified_social_worker'),
                                   ('health_assessment', 'due_date'));
