--------------------------------------------------------------------------
-- A synthetic council: cspi.generate_source
--------------------------------------------------------------------------
--
-- cspi.generate_source(source_schema, scale, seed, first_year, last_year)
-- fills the empty source tables made by cspi.create_source_tables with a
-- deterministic synthetic council for 1 April first_year to 31 March
-- last_year, and returns one row per relation with its row count.  At
-- scale 1 a year has about 22,000 children, 1,400 referrals (81% completed
-- within 1 working day, 24% re-referrals), 1,550 assessments (60-65% within
-- 45 working days), 250 children in section 47 enquiries, 200 child
-- protection plans (about 146 open at 31 March, 3,000 visits), 120
-- children starting care (about 300 in care), 3,800 visits to children in
-- care, a few hundred missing episodes, 120 care leavers aged 19-21 and 95
-- aged 22-25, and 200 internal and 64 external family-support families open
-- at any 31 March.  scale multiplies every volume and the population; seed
-- gives another council of the same shape.
--
-- Every event lies between the first and the last day: nothing starts
-- before the data do, so the first year builds up the stocks of plans and
-- of children in care (the first year's "children starting care" includes
-- the children who stay, the care population a real extract would
-- inherit).
--
-- The strands: referral chains of families (re-referrals) and the
-- assessments that follow; child-protection journeys of families (section
-- 47 enquiry, conference, plan, reviews, visits, allocation) with repeat
-- journeys; periods of care (SSDA903 episodes with X1 continuations, legal
-- changes, placement moves, temporary placements and returns, same-carer
-- changes, exits by class; re-entries), short breaks, looked-after reviews,
-- visits, health assessments, allocations, missing episodes; family
-- support cases; care leavers' birthday rows.  Ids are text: child ids
-- numeric (1xxxxxxxx referred children, 2... child protection, 3... in
-- care, 35... short breaks, 4... care leavers, 5... family support, 6...
-- children of other authorities, 9... edge cases), family ids 'F' and a
-- number, other ids a letter prefix and a number.
--
-- The contract's optional columns and relations (the breakdowns' child
-- sex, ethnicity, disability and UPN; the allocation's worker, team and
-- locality; the referral's source and NFA flag; Annex A's categories of
-- abuse of a child protection plan and an episode of care's placement
-- provider, postcode and URN; a care leaver's in-touch code and
-- accommodation; contact, cin_plan and population_age_band; Annex A's
-- leaving_care, pathway_plan_review, adoption and adopter, and the
-- children in need family's cin_episode, which cspi.create_source_table
-- makes) are filled where the target tables
-- have them and left out where they do not (tables made by an older
-- create_source_tables, a council's own); such a relation that is a view
-- or a foreign table is left alone.  Their values are hashes of streams
-- of their own (ch.*, upn.*, ref.src, al.team and the like, cp.cat*,
-- cla.prov and the like, cl.itc* and cl.acc*, ct.*, cin.*, pop.band,
-- lc.*, pp.*, ad.*, adr.*, adp.*, ce.*), so they change nothing else: the same arguments give the
-- columns and relations of release 1.0 the same rows with or without
-- them.  Sex 52% male (1), 47% female (2), 0.6% not stated (9), 0.4%
-- NULL; ethnicity as the children in need's (70% White, most WBRI; 9%
-- Mixed, 8% Asian, 7% Black, 3% Other with CHNE), one code for a family,
-- 2% REFU or NOBT and 1% NULL child by child; disability 10% a CIN census
-- code (most short-break children), 85% NONE, 5% NULL; a UPN with a
-- valid check letter for a child who has started school, 3% of them
-- NULL; the referral's source in the CIN census's shares (police 29%,
-- schools 20%, health 15%, ...; 1.5% NULL), one for the children of a
-- family referred together; NFA true for a completed referral that no
-- assessment follows (about 5%), NULL while open and for 2%; for every
-- allocation a team (Front Door, Assessment North or South, Child
-- Protection, Children in Care, Leaving Care: the case moves on when its
-- worker changes), the team's locality (Central: Front Door, Leaving
-- Care; North: Assessment North, Child Protection; South: the others)
-- and a worker of the team's pool, 2% without team and locality, 1%
-- without worker; a contact on or up to a week before each referral
-- (outcome REFERRAL, the referral's source), one and a half others a
-- referral around it (NFA, INFORMATION AND ADVICE, EARLY HELP), one
-- before most family-support cases (EARLY HELP); a child in need plan
-- after a quarter of the completed assessments and two in five ended
-- protection plans (stepping down), some open at the end; the population
-- by the DfE's age bands (about 5.5% under 1, 22% 1-4, 28% 5-9, 34%
-- 10-15, 10.5% 16 and over), adding up to each year's population; a
-- care leaver's OC3 in-touch code and accommodation as in_touch and
-- accommodation_suitable have it; leaving care for the care leavers and
-- for the children in care at 16 or over (eligible, relevant, former
-- relevant, qualifying) with pathway plan reviews every 4 to 7 months;
-- the decision to place for adoption, the match and the placement of the
-- children adopted (a family shared by siblings), some decisions
-- reversed; one or two adopters for each adoptive family and prospective
-- adopters who withdrew, were put on hold or refused, or wait; an
-- episode of need for the referred children from a referral to the end
-- of what followed it (closed within days after no further action, else
-- after the assessments and child in need plans; a re-referral while
-- open starts none), with a primary need (N1 most) and a reason for
-- closure as it ended (RC8 after no further action or an assessment,
-- RC7 after a plan, RC9, RC5, RC6 at 18 and a few RC3 and RC4), open
-- while involvement goes on at the end (the children of protection plans
-- and of care have no referrals, so no episodes: the strands' children
-- differ).  Where
-- one of their uniform numbers is read by several branches of a CASE,
-- its subquery ends in OFFSET 0 (or is a MATERIALIZED common table
-- expression), so that the planner does not merge it into the query
-- above and hash it again in every branch.
--
-- Determinism: every pseudo-random number is a hash of (seed, a stream
-- name, a key), never random(), and every numbering is ordered by unique
-- keys, so the same arguments give the same rows whatever plans the
-- server chooses.
--
-- How it is written.  The work is a list of set-based statements over
-- temporary tables (pg_temp.cspi_gen_*, dropped at the end), run with
-- EXECUTE after three macros are expanded in their text (the macros keep
-- the SQL readable and avoid a function call per row, which a helper with
-- its own search_path would cost):
--   rnd('stream', key)  a uniform number in [0, 1) from hashtextextended of
--                       'stream:' || key with the seed ($1); key is an
--                       expression without parentheses;
--   ordof(d)            the number of working days from the calendar's
--                       first day up to and including date d, so that
--                       ordof(b) - ordof(a) is cspi.working_days(a, b);
--   wdn(n)              the n-th working day: wdn(ordof(d) + k) is the k-th
--                       working day after d (k >= 1), wdn(ordof(d)) the last
--                       working day on or before d.
-- ordof and wdn read two arrays built once from the bank holidays of the
-- shipped england-and-wales calendar, so the generator calls no cspi
-- function per row.  @S@ stands for
-- the quoted source schema, @ROUND@ for the round of the repeat-plan and
-- re-entry loops (the placeholders of all of cspi's generated SQL); the
-- macros are expanded before the schema is filled in.  Parameters of every statement: $1 seed, $2 scale, $3
-- first day (1 April first_year), $4 last day (31 March last_year), $5
-- first_year, $6 last_year, $7 the ordinal array, $8 its first date, $9
-- the working-day array, $10 the bank holidays.  JIT is off: compiling
-- these long expressions costs far more than running them.

CREATE OR REPLACE FUNCTION cspi.generate_source(source_schema name, scale numeric DEFAULT 1,
                                     seed integer DEFAULT 1,
                                     first_year integer DEFAULT 2019,
                                     last_year integer DEFAULT 2024)
    RETURNS TABLE (relation name, row_count bigint)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $fn$
DECLARE
    rels CONSTANT text[] := ARRAY['child', 'population', 'referral', 'assessment',
        's47_enquiry', 'cp_plan', 'cp_review', 'cla_episode', 'cla_review', 'visit',
        'allocation', 'health_assessment', 'missing_episode', 'care_leaver',
        'family_support'];
    temps CONSTANT text[] := ARRAY['cspi_gen_kid', 'cspi_gen_rchain', 'cspi_gen_rkid',
        'cspi_gen_ref', 'cspi_gen_asmt', 'cspi_gen_cpj', 'cspi_gen_cprev',
        'cspi_gen_cpkid', 'cspi_gen_s47', 'cspi_gen_cpvis', 'cspi_gen_clap',
        'cspi_gen_ep', 'cspi_gen_sb', 'cspi_gen_clarev', 'cspi_gen_vis',
        'cspi_gen_health', 'cspi_gen_alloc', 'cspi_gen_miss', 'cspi_gen_fs',
        'cspi_gen_clv', 'cspi_gen_cl', 'cspi_gen_plan', 'cspi_gen_lc', 'cspi_gen_adopt',
        'cspi_gen_cinp'];
    -- the contract's relations added after release 1.0, filled where present
    -- (Annex A's leaving_care, pathway_plan_review, adoption and adopter,
    -- and cin_episode, too: cspi.create_source_table makes them)
    opt_rels CONSTANT text[] := ARRAY['contact', 'cin_plan', 'population_age_band',
        'leaving_care', 'pathway_plan_review', 'adoption', 'adopter', 'cin_episode'];
    present_opt text[] := '{}';
    -- every relation.column of the target tables
    have text[];
    -- the optional columns of a statement present in its target table:
    -- the column list and the value list, each with a leading comma
    child_cols text;
    child_vals text;
    -- every child some relation names
    referred text := $q$(SELECT child_id FROM @S@.referral
                         UNION SELECT child_id FROM @S@.s47_enquiry
                         UNION SELECT child_id FROM @S@.cla_episode
                         UNION SELECT child_id FROM @S@.missing_episode
                         UNION SELECT child_id FROM @S@.care_leaver
                         UNION SELECT child_id FROM @S@.family_support)$q$;
    ref_cols text;
    ref_vals text;
    alloc_cols text;
    alloc_vals text;
    cpp_cols text;
    cpp_vals text;
    ep_cols text;
    ep_vals text;
    cl_cols text;
    cl_vals text;
    -- draws from the code lists (format strings: %1$s is the uniform)
    pick_source text;
    pick_ethnicity text;
    pick_disability text;
    pick_accom_ok text;
    pick_accom_bad text;
    ref_src text;
    opt_cols text;
    opt_vals text;
    opt record;
    s text;
    d0 date;
    d1 date;
    cal_base date;
    cal_end date;
    hols date[];
    ords integer[];
    wds date[];
    absent text[];
    wrong text[];
    filled text[];
    rel text;
    kind "char";
    nonempty boolean;
    n bigint;
    stmts text[];
    setup text[];
    cp_round text[];
    cla_round text[];
    rest text[];
    stmt text;
    q text;
    q2 text;
    step integer := 0;
    t_step timestamptz;
    err_state text;
    err_msg text;
    err_detail text;
    paused boolean;
BEGIN
    ------------------------------------------------------------------
    -- Arguments and the target tables
    ------------------------------------------------------------------
    IF source_schema IS NULL OR scale IS NULL OR seed IS NULL
       OR first_year IS NULL OR last_year IS NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: no argument may be NULL';
    END IF;
    IF scale <= 0 OR scale > 1000 THEN
        RAISE EXCEPTION 'cspi.generate_source: scale must be greater than 0 and at most 1000, not %', scale;
    END IF;
    IF last_year <= first_year THEN
        RAISE EXCEPTION 'cspi.generate_source: last_year (%) must be after first_year (%)',
            last_year, first_year
            USING HINT = 'The data run from 1 April first_year to 31 March last_year: 2019 and 2024 give the financial years 2019/20 to 2023/24.';
    END IF;
    IF first_year < 1995 OR last_year > 2040 THEN
        RAISE EXCEPTION 'cspi.generate_source: the years must lie between 1995 and 2040, not % to %',
            first_year, last_year
            USING HINT = 'The shipped calendars know the bank holidays of 1995 to 2040 only.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = source_schema) THEN
        RAISE EXCEPTION 'cspi.generate_source: schema "%" does not exist', source_schema
            USING ERRCODE = 'invalid_schema_name',
                  HINT = format('Create the source tables first: SELECT cspi.create_source_tables(%L);', source_schema);
    END IF;
    s := pg_catalog.quote_ident(source_schema);
    FOREACH rel IN ARRAY rels LOOP
        SELECT c.relkind INTO kind
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
         WHERE ns.nspname = source_schema AND c.relname = rel;
        IF NOT FOUND THEN
            absent := absent || rel;
        ELSIF kind NOT IN ('r', 'p') THEN
            wrong := wrong || rel;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s.%I)', s, rel) INTO nonempty;
            IF nonempty THEN
                filled := filled || rel;
            END IF;
        END IF;
    END LOOP;
    -- The relations added after release 1.0: filled when they are tables
    -- (empty, as the others), left alone when absent or views.
    FOREACH rel IN ARRAY opt_rels LOOP
        SELECT c.relkind INTO kind
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
         WHERE ns.nspname = source_schema AND c.relname = rel;
        IF FOUND AND kind IN ('r', 'p') THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s.%I)', s, rel) INTO nonempty;
            IF nonempty THEN
                filled := filled || rel;
            END IF;
            present_opt := present_opt || rel;
        ELSIF FOUND THEN
            RAISE NOTICE 'cspi.generate_source: % in schema "%" is not a table: it is left as it is', rel, source_schema;
        END IF;
    END LOOP;
    SELECT array_agg(c.relname || '.' || a.attname) INTO have
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
     WHERE ns.nspname = source_schema AND c.relname = ANY (rels || present_opt)
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    IF absent IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: schema "%" lacks the source table(s) %',
            source_schema, array_to_string(absent, ', ')
            USING ERRCODE = 'undefined_table',
                  HINT = format('Create them with SELECT cspi.create_source_tables(%L) (in a schema of their own): generate_source fills the tables it makes.', source_schema);
    END IF;
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: % in schema "%" must be table(s), not views or foreign tables',
            array_to_string(wrong, ', '), source_schema
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Generate into a schema of its own, made with cspi.create_source_tables.';
    END IF;
    IF filled IS NOT NULL THEN
        RAISE EXCEPTION 'cspi.generate_source: the source table(s) % in schema "%" are not empty',
            array_to_string(filled, ', '), source_schema
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'generate_source fills empty tables only: use a new schema (cspi.create_source_tables) or TRUNCATE the tables first.';
    END IF;

    ------------------------------------------------------------------
    -- The working-day calendar (England and Wales bank holidays)
    ------------------------------------------------------------------
    d0 := make_date(first_year, 4, 1);
    d1 := make_date(last_year, 3, 31);
    cal_base := make_date(first_year - 3, 1, 1);
    cal_end := make_date(last_year + 2, 12, 31);

    -- The shipped calendar's bank holidays, not a copy of their rules.
    SELECT coalesce(array_agg(h.holiday_date ORDER BY h.holiday_date), '{}') INTO hols
      FROM cspi.holiday h
     WHERE h.calendar = 'england-and-wales' AND h.holiday_date BETWEEN cal_base AND cal_end;

    SELECT array_agg(o ORDER BY d), array_agg(d ORDER BY d) FILTER (WHERE w)
      INTO ords, wds
      FROM (SELECT d, w, (sum(w::integer) OVER (ORDER BY d))::integer AS o
              FROM (SELECT cal_base + i AS d,
                           extract(isodow FROM cal_base + i) < 6 AND NOT (cal_base + i = ANY (hols)) AS w
                      FROM generate_series(0, cal_end - cal_base) AS i) a) b;

    ------------------------------------------------------------------
    -- The optional columns: which the target tables have, and the code
    -- lists they are drawn from
    ------------------------------------------------------------------
    -- (disability may be a flag, as the contract allows: then true for a
    -- code, false for NONE)
    SELECT string_agg(', ' || c, '' ORDER BY o),
           string_agg(CASE WHEN c = 'disability' AND EXISTS (
                                SELECT 1 FROM pg_catalog.pg_attribute a
                                  JOIN pg_catalog.pg_class r ON r.oid = a.attrelid
                                  JOIN pg_catalog.pg_namespace ns ON ns.oid = r.relnamespace
                                 WHERE ns.nspname = source_schema AND r.relname = 'child' AND a.attname = 'disability'
                                   AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, NULL) = 'boolean')
                           THEN $q$, x.disability <> 'NONE'$q$ ELSE ', x.' || c END, '' ORDER BY o)
      INTO child_cols, child_vals
      FROM unnest(ARRAY['sex', 'ethnicity', 'disability', 'upn']) WITH ORDINALITY AS u(c, o)
     WHERE 'child.' || c = ANY (have);
    SELECT string_agg(', ' || c, '' ORDER BY o), string_agg(', x.' || c, '' ORDER BY o)
      INTO ref_cols, ref_vals
      FROM unnest(ARRAY['source', 'nfa']) WITH ORDINALITY AS u(c, o)
     WHERE 'referral.' || c = ANY (have);
    SELECT string_agg(', ' || c, '' ORDER BY o), string_agg(', x.' || c, '' ORDER BY o)
      INTO alloc_cols, alloc_vals
      FROM unnest(ARRAY['worker_id', 'team', 'locality']) WITH ORDINALITY AS u(c, o)
     WHERE 'allocation.' || c = ANY (have);
    -- Ofsted's Annex A (issue 26), each from streams of its own keyed by
    -- the plan or by the child and placement code (so a change of legal
    -- status in the same placement keeps its provider, postcode and URN).
    -- A child protection plan's categories of abuse, as the CIN census has
    -- them (2022/23: neglect 50%, emotional 37%, physical 5%, sexual 4%,
    -- multiple 4%), 2% not known; the latest the initial one for 85%, else
    -- drawn again.
    SELECT string_agg(', ' || c, '' ORDER BY o),
           string_agg(', ' || CASE c WHEN 'initial_category' THEN format(cat, 'cp.cat1', 'cp.cat1na')
                                 ELSE format($q$CASE WHEN rnd('cp.catsame', x.plan_id) < 0.85 THEN %s ELSE %s END$q$,
                                             format(cat, 'cp.cat1', 'cp.cat1na'), format(cat, 'cp.cat2', 'cp.cat2na')) END,
                      '' ORDER BY o)
      INTO cpp_cols, cpp_vals
      FROM unnest(ARRAY['initial_category', 'latest_category']) WITH ORDINALITY AS u(c, o)
     CROSS JOIN (SELECT $q$CASE WHEN rnd('%2$s', x.plan_id) < 0.02 THEN NULL
                               ELSE CASE WHEN rnd('%1$s', x.plan_id) < 0.50 THEN 'NEG' WHEN rnd('%1$s', x.plan_id) < 0.87 THEN 'EMO'
                                         WHEN rnd('%1$s', x.plan_id) < 0.92 THEN 'PHY' WHEN rnd('%1$s', x.plan_id) < 0.96 THEN 'SAB'
                                         ELSE 'MUL' END END$q$ AS cat) k
     WHERE 'cp_plan.' || c = ANY (have);
    -- An episode's placement provider as the placement type has it (with
    -- parents PR0; health and custody PR3; relatives, temporary placements
    -- PR1; foster care PR1 60%, private 30%, voluntary 10%; children's
    -- homes and other residential care private 70%, voluntary 15%, own
    -- 15%; secure homes own 60%, another council's 40%; adoption own 75%,
    -- voluntary 25%), 4% not known; a postcode as the 903 writes it
    -- (district and sector: B12 3), 4% not known; an Ofsted URN (SC and
    -- six digits) for children's homes, residential care homes and schools and
    -- for agency foster care, else XXXXXXX (none applies), 4% not known.
    SELECT string_agg(', placement_' || c, '' ORDER BY o),
           string_agg(', ' || CASE c
               WHEN 'provider' THEN $q$CASE WHEN rnd('cla.provna', x.child_id || '/' || x.placement) < 0.04 THEN NULL
                    WHEN x.placement = 'P1' THEN 'PR0'
                    WHEN x.placement IN ('R2', 'R3', 'R5') THEN 'PR3'
                    WHEN x.placement IN ('U1', 'U2', 'U3', 'T0', 'T1', 'T2', 'T3', 'T4') THEN 'PR1'
                    WHEN x.placement IN ('U4', 'U5', 'U6')
                         THEN CASE WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.6 THEN 'PR1'
                                   WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.9 THEN 'PR4' ELSE 'PR5' END
                    WHEN x.placement = 'K1'
                         THEN CASE WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.6 THEN 'PR1' ELSE 'PR2' END
                    WHEN x.placement IN ('A3', 'A4', 'A5', 'A6')
                         THEN CASE WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.75 THEN 'PR1' ELSE 'PR5' END
                    ELSE CASE WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.7 THEN 'PR4'
                              WHEN rnd('cla.prov', x.child_id || '/' || x.placement) < 0.85 THEN 'PR5' ELSE 'PR1' END END$q$
               WHEN 'postcode' THEN $q$CASE WHEN rnd('cla.postna', x.child_id || '/' || x.placement) >= 0.04
                    THEN (ARRAY['B', 'BD', 'BS', 'CV', 'DE', 'LS', 'M', 'NE', 'NG', 'S', 'SE', 'SW', 'WF', 'WV'])[1 + floor(rnd('cla.pc1', x.child_id || '/' || x.placement) * 14)::integer]
                         || (1 + floor(rnd('cla.pc2', x.child_id || '/' || x.placement) * 20)::integer)::text || ' '
                         || floor(rnd('cla.pc3', x.child_id || '/' || x.placement) * 10)::integer::text END$q$
               ELSE $q$CASE WHEN rnd('cla.urnna', x.child_id || '/' || x.placement) < 0.04 THEN NULL
                    WHEN x.placement IN ('K1', 'K2', 'R1', 'S1')
                         OR x.placement IN ('U4', 'U5', 'U6') AND rnd('cla.prov', x.child_id || '/' || x.placement) >= 0.6
                         THEN 'SC' || lpad(floor(rnd('cla.urn', x.child_id || '/' || x.placement) * 1000000)::integer::text, 6, '0')
                    ELSE 'XXXXXXX' END$q$ END, '' ORDER BY o)
      INTO ep_cols, ep_vals
      FROM unnest(ARRAY['provider', 'postcode', 'urn']) WITH ORDINALITY AS u(c, o)
     WHERE 'cla_episode.placement_' || c = ANY (have);

    -- Each list's codes with their weights (per cent of its draws; a NULL
    -- code is a missing value), made into a CASE on a uniform number: the
    -- referral's (and contact's) source as the CIN census's referrals
    -- come (2022/23: police 29%, schools 19%, health 15%, local authority
    -- services 14%, individuals 8%...); a family's ethnicity as the
    -- children in need's, less the 3% recorded child by child (REFU, NOBT,
    -- NULL); a disabled child's CIN census disability code; a care
    -- leaver's accommodation (the OC3 ACCOM letter), suitable (independent
    -- living, semi-independent, with parents or relatives, with former
    -- foster carers ...) and unsuitable (custody, no fixed abode,
    -- emergency accommodation, bed and breakfast, and some of the others).
    SELECT max(c) FILTER (WHERE l = 'source'), max(c) FILTER (WHERE l = 'ethnicity'),
           max(c) FILTER (WHERE l = 'disability'), max(c) FILTER (WHERE l = 'accom_ok'),
           max(c) FILTER (WHERE l = 'accom_bad')
      INTO pick_source, pick_ethnicity, pick_disability, pick_accom_ok, pick_accom_bad
      FROM (SELECT l, 'CASE' || string_agg(format(' WHEN %%1$s < %s THEN %L', cum, code), '' ORDER BY o) || ' END' AS c
              FROM (SELECT v.l, u.o, u.code,
                           round(sum(u.w) OVER (PARTITION BY v.l ORDER BY u.o) / sum(u.w) OVER (PARTITION BY v.l), 6) AS cum
                      FROM (VALUES
                            ('source',
                             ARRAY['6', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '5A', '5B', '5C', '5D',
                                   '1A', '1B', '1C', '1D', '4', '7', '8', '9', '10', NULL],
                             ARRAY[29, 19, 1, 2, 2.5, 0.5, 2.5, 4, 3.5, 6, 3, 1.5, 3.5,
                                   1, 3.5, 1, 2.5, 2, 4, 4, 1.5, 1, 1.5]::numeric[]),
                            ('ethnicity',
                             ARRAY['WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH',
                                   'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH'],
                             ARRAY[60, 0.5, 8, 0.3, 1.2, 3, 1.2, 1.3, 3.5,
                                   1.5, 3.5, 1.3, 1.7, 1.5, 4.5, 1, 0.3, 2.7]::numeric[]),
                            ('disability',
                             ARRAY['AUT', 'LD', 'BEH', 'COMM', 'CON', 'MOB', 'HAND', 'PC', 'DDA', 'HEAR', 'VIS', 'INC'],
                             ARRAY[25, 18, 14, 12, 6, 5, 4, 4, 3, 3, 3, 3]::numeric[]),
                            ('accom_ok',
                             ARRAY['U', 'D', 'B', 'Z', 'E', 'T', 'C', 'K', 'Y', 'G'],
                             ARRAY[34, 23, 12, 9, 6, 5, 3, 3, 3, 1]::numeric[]),
                            ('accom_bad',
                             ARRAY['X', 'S', 'V', 'W', 'U', 'B', 'D', 'K', 'H'],
                             ARRAY[30, 15, 12, 10, 10, 8, 8, 5, 2]::numeric[])) AS v(l, codes, weights)
                     CROSS JOIN LATERAL unnest(v.codes, v.weights) WITH ORDINALITY AS u(code, w, o)) z
             GROUP BY l) y;

    -- A care leaver's OC3 in-touch code and accommodation (Annex A List 9),
    -- from streams of their own keyed by the row (cl.itc*, cl.acc*), as
    -- the row's in_touch and accommodation_suitable have it: YES in touch;
    -- out of touch NO, REFU (refuses contact), NREQ (no longer needs
    -- services) or RHOM (returned home), DIED for a tenth of those on
    -- their last row; the accommodation's letter then the suitability
    -- digit (1 suitable, 2 unsuitable; 3% the letter alone), the letter
    -- alone where suitability is not known (out of touch: R, residence
    -- not known, for half, else none); 3% of each not recorded, a few in
    -- lower case or with a space, as a council's data have them.
    SELECT string_agg(', ' || c, '' ORDER BY o),
           string_agg(', ' || CASE c
               WHEN 'in_touch_code' THEN $q$CASE WHEN rnd('cl.itcna', x.key) < 0.03 THEN NULL
                    WHEN x.in_touch THEN CASE WHEN rnd('cl.itcv', x.key) < 0.03 THEN 'yes'
                                              WHEN rnd('cl.itcv', x.key) < 0.05 THEN 'YES ' ELSE 'YES' END
                    WHEN x.last AND rnd('cl.died', x.child_id) < 0.1 THEN 'DIED'
                    WHEN rnd('cl.itc', x.key) < 0.45 THEN 'NO' WHEN rnd('cl.itc', x.key) < 0.7 THEN 'REFU'
                    WHEN rnd('cl.itc', x.key) < 0.9 THEN 'NREQ' ELSE 'RHOM' END$q$
               ELSE $q$CASE WHEN rnd('cl.accna', x.key) < 0.03 THEN NULL
                    WHEN x.accommodation_suitable IS NULL THEN CASE WHEN rnd('cl.accr', x.key) < 0.5 THEN 'R' END
                    WHEN rnd('cl.accv', x.key) < 0.03 THEN lower(x.accom)
                    WHEN rnd('cl.accv', x.key) < 0.05 THEN ' ' || x.accom ELSE x.accom END$q$ END,
               '' ORDER BY o)
      INTO cl_cols, cl_vals
      FROM unnest(ARRAY['in_touch_code', 'accommodation']) WITH ORDINALITY AS u(c, o)
     WHERE 'care_leaver.' || c = ANY (have);

    ------------------------------------------------------------------
    -- Setup, population, referrals and assessments
    ------------------------------------------------------------------
    setup := ARRAY[
    -- every child of every strand, gathered for the child table at the end
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_kid (child_id text PRIMARY KEY, family_id text, dob date) ON COMMIT DROP$q$,

    -- population: a mid-year estimate for every year whose 30 June can be
    -- the latest on or before a period end of the data
    $q$INSERT INTO @S@.population (year, children)
       SELECT y, round($2 * (22255 + 45 * (y - 2023) + 80 * (rnd('pop', y) - 0.5)))::integer
         FROM generate_series($5 - 1, $6 - 1) AS y$q$,

    -- Referrals come from families: a chain of referral events of one
    -- family (all its children under 18 are referred together), chains
    -- starting from two years before the data so that volumes are steady
    -- from the first year (only events in the period are kept, so the
    -- first year's re-referrals lack their earlier referrals).  About 31%
    -- of events are followed by another, 78% of those within 12 months:
    -- 24% re-referrals.
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_rchain ON COMMIT DROP AS
       SELECT c, t0,
              least(8, 1 + floor(ln(1 - rnd('ref.k', c)) / ln(0.31)))::integer AS kk,
              CASE WHEN uz < 0.55 THEN 1 WHEN uz < 0.80 THEN 2 WHEN uz < 0.92 THEN 3
                   WHEN uz < 0.98 THEN 4 ELSE 5 END AS z,
              t0 - floor(rnd('ref.age', c) * 6400)::integer AS dob1
         FROM (SELECT c, make_date(y, 4, 1) + floor(rnd('ref.t0', c) * fyd)::integer AS t0,
                      rnd('ref.z', c) AS uz
                 FROM (SELECT y, y::bigint * 1000000 + n AS c,
                              make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd
                         FROM generate_series($5 - 2, $6 - 1) AS y
                        CROSS JOIN LATERAL generate_series(1,
                              round(545 * $2 * (0.92 + 0.16 * rnd('ref.vol', y)))::integer) AS n) a) b$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_rkid ON COMMIT DROP AS
       SELECT c, j, (100000000 + row_number() OVER (ORDER BY c, j))::text AS child_id,
              'F' || (100000000 + dense_rank() OVER (ORDER BY c))::text AS family_id, dob
         FROM (SELECT ch.c, j,
                      ch.dob1 + CASE WHEN j = 1 THEN 0
                                     ELSE (j - 1) * 450 + floor(rnd('ref.sib', ch.c || '.' || j) * 500)::integer END AS dob
                 FROM pg_temp.cspi_gen_rchain ch
                CROSS JOIN LATERAL generate_series(1, ch.z) AS j) a$q$,

    -- referral rows: one per event and child under 18 then; completion in
    -- working days 0 (42%), 1 (39%), 2, 3 and, for 2%, 4 to 10; 7% of
    -- events keep their calendar date (a weekend or holiday referral), the
    -- rest move to the next working day
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_ref ON COMMIT DROP AS
       SELECT e.c || '.' || e.k || '.' || kd.j AS rkey, kd.child_id, e.rdate,
              CASE WHEN x.cd > $4 THEN NULL
                   WHEN e.rdate > $4 - 60 AND rnd('ref.stuck', e.c || '.' || e.k) < 0.02 THEN NULL
                   ELSE x.cd END AS cdate
         FROM (SELECT c, k, rdate,
                      CASE WHEN u < 0.42 THEN 0 WHEN u < 0.81 THEN 1 WHEN u < 0.91 THEN 2
                           WHEN u < 0.98 THEN 3
                           ELSE 4 + floor(rnd('ref.wdx', c || '.' || k) * 7)::integer END AS wdk
                 FROM (SELECT c, k,
                              CASE WHEN rnd('ref.wkend', c || '.' || k) < 0.07 THEN t
                                   ELSE wdn(ordof(t - 1) + 1) END AS rdate,
                              rnd('ref.wd', c || '.' || k) AS u
                         FROM (SELECT ch.c, g.k,
                                      ch.t0 + (sum(g.gap) OVER (PARTITION BY ch.c ORDER BY g.k))::integer AS t
                                 FROM pg_temp.cspi_gen_rchain ch
                                CROSS JOIN LATERAL (
                                      SELECT k, CASE WHEN k = 1 THEN 0
                                                     WHEN rnd('ref.gl', ch.c || '.' || k) < 0.78
                                                     THEN 20 + floor(rnd('ref.g', ch.c || '.' || k) * 345)
                                                     ELSE 366 + floor(rnd('ref.g', ch.c || '.' || k) * 735) END AS gap
                                        FROM generate_series(1, ch.kk) AS k) g) a
                        WHERE t BETWEEN $3 - 7 AND $4) b
                WHERE rdate BETWEEN $3 AND $4) e
         JOIN pg_temp.cspi_gen_rkid kd ON kd.c = e.c
        CROSS JOIN LATERAL (SELECT CASE WHEN e.wdk = 0 THEN e.rdate
                                        ELSE wdn(ordof(e.rdate) + e.wdk) END AS cd) x
        WHERE kd.dob <= e.rdate AND e.rdate < (kd.dob + interval '18 years')::date$q$,

    -- edge cases: a referral received on the last working day before each
    -- bank holiday (Thursday before Good Friday, Christmas Eve, before a
    -- substitute day ...) and one received on the holiday itself, both
    -- completed on the next working day (1 working day; still open when
    -- that is after the last day, as on Thursday 28 March 2024); a
    -- Saturday referral each June completed on the Monday (1 working day)
    -- and each November completed the same Saturday (0); one received on
    -- Christmas Day when it falls at a weekend (2021, 2022)
    $q$INSERT INTO pg_temp.cspi_gen_ref (rkey, child_id, rdate, cdate)
       SELECT 'edge.' || n, (900000000 + n)::text, rd, CASE WHEN cd <= $4 THEN cd END
         FROM (SELECT row_number() OVER (ORDER BY rd, cd) AS n, rd, cd
                 FROM (SELECT wdn(ordof(h - 1)) AS rd, wdn(ordof(h - 1) + 1) AS cd
                         FROM unnest($10) AS h WHERE h BETWEEN $3 + 7 AND $4
                       UNION ALL
                       SELECT h, wdn(ordof(h) + 1) FROM unnest($10) AS h WHERE h BETWEEN $3 AND $4
                       UNION ALL
                       SELECT xmas, wdn(ordof(xmas) + 1)
                         FROM (SELECT make_date(y, 12, 25) AS xmas FROM generate_series($5, $6 - 1) AS y) a
                        WHERE extract(isodow FROM xmas) > 5
                       UNION ALL
                       SELECT sat, wdn(ordof(sat) + 1)
                         FROM (SELECT make_date(y, 6, 1) + (13 - extract(isodow FROM make_date(y, 6, 1))::integer) % 7 AS sat
                                 FROM generate_series($5, $6 - 1) AS y) a
                       UNION ALL
                       SELECT sat, sat
                         FROM (SELECT make_date(y, 11, 1) + (13 - extract(isodow FROM make_date(y, 11, 1))::integer) % 7 AS sat
                                 FROM generate_series($5, $6 - 1) AS y) a) e) f$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, 'F' || child_id, rdate - 1100 - floor(rnd('edge.age', rkey) * 4000)::integer
         FROM pg_temp.cspi_gen_ref WHERE rkey LIKE 'edge.%'$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_rkid$q$,

    $q$ANALYZE pg_temp.cspi_gen_ref$q$,

    -- assessments: 95% of completed referrals lead to one, starting 1 to 3
    -- working days after; 19% of those to a second one later.  Within 45
    -- working days: 53% when due to finish April to October, 80% otherwise
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_asmt ON COMMIT DROP AS
       WITH a1 AS (
           SELECT rkey, child_id, 1 AS seq, st, wdn(ordof(st) + dur) AS au
             FROM (SELECT rkey, child_id, st,
                          CASE WHEN rnd('asm.in', rkey) < CASE WHEN extract(month FROM st + 42) BETWEEN 4 AND 10 THEN 0.53 ELSE 0.80 END
                               THEN 5 + floor(rnd('asm.d', rkey) * 41)::integer
                               ELSE 46 + floor(rnd('asm.d', rkey) ^ 2 * 25)::integer END AS dur
                     FROM (SELECT rkey, child_id, wdn(ordof(cdate) + lg) AS st
                             FROM (SELECT rkey, child_id, cdate, 1 + floor(rnd('asm.lag', rkey) * 3)::integer AS lg
                                     FROM pg_temp.cspi_gen_ref
                                    WHERE cdate IS NOT NULL AND rnd('asm.has', rkey) < 0.95) r0) r1) r2
       ), a2 AS (
           SELECT rkey, child_id, 2 AS seq, st, wdn(ordof(st) + dur) AS au
             FROM (SELECT rkey, child_id, st,
                          CASE WHEN rnd('asm2.in', rkey) < CASE WHEN extract(month FROM st + 42) BETWEEN 4 AND 10 THEN 0.53 ELSE 0.80 END
                               THEN 5 + floor(rnd('asm2.d', rkey) * 41)::integer
                               ELSE 46 + floor(rnd('asm2.d', rkey) ^ 2 * 25)::integer END AS dur
                     FROM (SELECT rkey, child_id, wdn(ordof(x) + 1) AS st
                             FROM (SELECT rkey, child_id, au + 19 + floor(rnd('asm2.gap', rkey) * 100)::integer AS x
                                     FROM a1 WHERE au <= $4 AND rnd('asm2.has', rkey) < 0.19) r0) r1) r2
       )
       SELECT rkey, child_id, seq, st, CASE WHEN au <= $4 THEN au END AS au
         FROM (SELECT * FROM a1 UNION ALL SELECT * FROM a2) a
        WHERE st <= $4$q$,

    ------------------------------------------------------------------
    -- Child protection: journeys of a family (s47 enquiry, initial
    -- conference, plan, reviews, visits), with repeat journeys in rounds
    ------------------------------------------------------------------
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpj (
           jid bigint PRIMARY KEY, rno integer NOT NULL, fam bigint NOT NULL, sd date NOT NULL,
           edge_icpc date, edge_r1 date, icpc date, ti boolean, has_plan boolean,
           ps date, kmax integer, ee date, pe date) ON COMMIT DROP$q$,
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cprev (jid bigint, k integer, rdate date, PRIMARY KEY (jid, k)) ON COMMIT DROP$q$,

    -- about 155 family journeys a year (260 children in s47 enquiries)
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd)
       SELECT jid, 1, jid, sd
         FROM (SELECT jid, wdn(ordof(t - 1) + 1) AS sd
                 FROM (SELECT y::bigint * 1000000 + n AS jid,
                              make_date(y, 4, 1) + floor(rnd('cp.sd', y::bigint * 1000000 + n) * fyd)::integer AS t
                         FROM generate_series($5, $6 - 1) AS y
                        CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) f
                        CROSS JOIN LATERAL generate_series(1,
                              round(155 * $2 * (0.9 + 0.2 * rnd('cp.vol', y)))::integer) AS n) a) b
        WHERE sd <= $4$q$,

    -- edge cases: two one-child plans starting 31 August of the last year
    -- but one, first reviewed on 30 November (in time: 31 August + 3 months)
    -- and on 1 December (a day late)
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd, edge_icpc, edge_r1)
       SELECT 9000000000 + i, 1, 9000000000 + i, wdn(ordof(ic) - 12), ic, r1
         FROM (VALUES (1, make_date($6 - 1, 8, 31), make_date($6 - 1, 11, 30)),
                      (2, make_date($6 - 1, 8, 31), make_date($6 - 1, 12, 1))) AS v(i, ic, r1)$q$
    ];

    cp_round := ARRAY[
    -- repeat journeys: 6% of families whose plan ended come back, 70% of
    -- them within two years
    $q$INSERT INTO pg_temp.cspi_gen_cpj (jid, rno, fam, sd)
       SELECT jid, @ROUND@, fam, sd
         FROM (SELECT jid, fam, wdn(ordof(t - 1) + 1) AS sd
                 FROM (SELECT p.jid + @ROUND@::bigint * 10000000000 AS jid, p.fam,
                              p.pe + CASE WHEN rnd('cp.rg', p.jid) < 0.7
                                          THEN 30 + floor(rnd('cp.rgd', p.jid) * 670)
                                          ELSE 731 + floor(rnd('cp.rgd', p.jid) * 730) END::integer AS t
                         FROM pg_temp.cspi_gen_cpj p
                        WHERE p.rno = @ROUND@ - 1 AND p.pe IS NOT NULL
                          AND rnd('cp.rep', p.jid) < 0.06) a) b
        WHERE sd <= $4$q$,

    -- conference: 85% of enquiries; 5% of those transfer-in; otherwise
    -- 79.5% within 15 working days of the strategy discussion; 92% lead to
    -- a plan (all transfer-ins); plans end at the 1st (18%), 2nd (58%),
    -- 3rd, 4th or 5th review, or (10%) 1 to 8 months in, between reviews
    $q$UPDATE pg_temp.cspi_gen_cpj j
          SET icpc = x.icpc, ti = x.ti, has_plan = x.has_plan,
              ps = CASE WHEN x.has_plan THEN x.icpc END,
              kmax = CASE WHEN x.ee IS NOT NULL THEN 99 ELSE x.kmax END,
              ee = CASE WHEN x.has_plan THEN x.ee END
         FROM (SELECT jid, icpc, ti,
                      icpc IS NOT NULL AND (ti OR edge OR rnd('cp.plan', jid) < 0.92) AS has_plan,
                      CASE WHEN edge THEN 3 WHEN uk < 0.18 THEN 1 WHEN uk < 0.76 THEN 2 WHEN uk < 0.94 THEN 3
                           WHEN uk < 0.99 THEN 4 ELSE 5 END AS kmax,
                      CASE WHEN NOT edge AND icpc IS NOT NULL AND rnd('cp.ee', jid) < 0.10
                           THEN wdn(ordof(eex) + 1) END AS ee
                 FROM (SELECT jid, edge, ti, uk, CASE WHEN ic <= $4 THEN ic END AS icpc,
                              ic + 29 + floor(rnd('cp.eed', jid) * 210)::integer AS eex
                         FROM (SELECT jid, edge, ti, rnd('cp.k', jid) AS uk,
                                      CASE WHEN edge THEN edge_icpc WHEN held THEN wdn(ordof(sd) + w) END AS ic
                                 FROM (SELECT jid, sd, edge_icpc, edge, held, ti,
                                              CASE WHEN ti THEN 3 + floor(rnd('cp.w', jid) * 23)::integer
                                                   WHEN rnd('cp.wl', jid) < 0.795 THEN 5 + floor(rnd('cp.w', jid) * 11)::integer
                                                   ELSE 16 + floor(rnd('cp.w', jid) ^ 1.5 * 20)::integer END AS w
                                         FROM (SELECT jid, sd, edge_icpc, edge_icpc IS NOT NULL AS edge,
                                                      edge_icpc IS NOT NULL OR rnd('cp.held', jid) < 0.85 AS held,
                                                      edge_icpc IS NULL AND rnd('cp.ti', jid) < 0.05 AS ti
                                                 FROM pg_temp.cspi_gen_cpj WHERE rno = @ROUND@) a) b) c) d) x
        WHERE j.jid = x.jid$q$,

    -- reviews: the first on or before start + 3 months, then each on or
    -- before the previous + 6 months (98%: 0 to 20 days early, on a
    -- working day), else 1 to 10 working days late
    $q$INSERT INTO pg_temp.cspi_gen_cprev (jid, k, rdate)
       WITH RECURSIVE rv (jid, k, kmax, ee, rdate) AS (
           SELECT j.jid, 1, j.kmax, j.ee, coalesce(j.edge_r1, x.r)
             FROM pg_temp.cspi_gen_cpj j
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('cpr.late', key) < 0.02 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('cpr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('cpr.e', key) ^ 2 * 21)::integer AS e
                            FROM (SELECT (j.ps + interval '3 months')::date AS due, j.jid || '.1' AS key) z0) z) x
            WHERE j.rno = @ROUND@ AND j.has_plan
           UNION ALL
           SELECT rv.jid, rv.k + 1, rv.kmax, rv.ee, x.r
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('cpr.late', key) < 0.02 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('cpr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('cpr.e', key) ^ 2 * 21)::integer AS e
                            FROM (SELECT (rv.rdate + interval '6 months')::date AS due,
                                         rv.jid || '.' || rv.k + 1 AS key) z0) z) x
            WHERE rv.k < rv.kmax AND rv.rdate <= $4 AND (rv.ee IS NULL OR rv.rdate < rv.ee)
       )
       SELECT jid, k, rdate FROM rv WHERE rdate <= $4 AND (ee IS NULL OR rdate < ee)$q$,

    $q$UPDATE pg_temp.cspi_gen_cpj j
          SET pe = CASE WHEN j.ee IS NOT NULL THEN CASE WHEN j.ee <= $4 THEN j.ee END
                        ELSE (SELECT r.rdate FROM pg_temp.cspi_gen_cprev r WHERE r.jid = j.jid AND r.k = j.kmax) END
        WHERE j.rno = @ROUND@ AND j.has_plan$q$,

    $q$ANALYZE pg_temp.cspi_gen_cpj$q$
    ];

    cla_round := ARRAY[
    -- re-entry: 40% of children who returned home come back into care,
    -- 1 to 24 months later
    $q$INSERT INTO pg_temp.cspi_gen_clap (pid, rno, fid, child_id, family_id, dob, uasc, legacy, st)
       SELECT pid, @ROUND@, fid, child_id, family_id, dob, false, false, st
         FROM (SELECT p.pid + @ROUND@::bigint * 1000000000000 AS pid, p.fid, p.child_id, p.family_id, p.dob,
                      p.en + 30 + floor(rnd('cla.gap', p.pid) ^ 2 * 700)::integer AS st
                 FROM pg_temp.cspi_gen_clap p
                WHERE p.rno = @ROUND@ - 1 AND p.cls = 'home' AND p.en <= $4
                  AND rnd('cla.re', p.pid) < 0.4) a
        WHERE st <= $4 AND st < (dob + interval '17 years 6 months')::date$q$,

    -- the course of a period of care, fixed at its start: how it ends
    -- (home, special guardianship or child arrangements, adoption, at 18,
    -- other) by age, the legal track (police protection, interim then full
    -- care order, placement order) and how often placements change
    $q$UPDATE pg_temp.cspi_gen_clap p
          SET cls = x.cls, en = x.en, rc = x.rc, pp = x.pp, t_pp = x.t_pp, track = x.track,
              t_c2 = x.t_c2, t_e1 = x.t_e1, t_a = x.t_a, stab = x.stab, early = x.early
         FROM (SELECT pid, cls, en, pp, t_pp, track, t_c2, t_e1, t_a, stab, early,
                      CASE cls
                        WHEN 'home' THEN CASE WHEN ur < 0.7 THEN 'E4A' ELSE 'E4B' END
                        WHEN 'sgo' THEN CASE WHEN ur < 0.45 THEN 'E45' WHEN ur < 0.60 THEN 'E46'
                                             WHEN ur < 0.70 THEN 'E47' WHEN ur < 0.75 THEN 'E48' ELSE 'E41' END
                        WHEN 'adopt' THEN CASE WHEN ur < 0.7 THEN 'E11' ELSE 'E12' END
                        WHEN 'age18' THEN CASE WHEN ur < 0.35 THEN 'E17' WHEN ur < 0.65 THEN 'E5'
                                               WHEN ur < 0.80 THEN 'E6' WHEN ur < 0.90 THEN 'E13' ELSE 'E8' END
                        ELSE CASE WHEN ur < 0.5 THEN 'E8' WHEN ur < 0.85 THEN 'E3' ELSE 'E16' END END AS rc
                 FROM (SELECT pid, pp, t_pp, track, t_c2, t_e1, t_a, stab, early, ur, en,
                              CASE WHEN en >= b18 THEN 'age18' ELSE cls0 END AS cls
                         FROM (SELECT pid, pp, t_pp, track, t_c2, t_e1, t_a, stab, early, cls0, b18,
                                      rnd('cla.rc', pid) AS ur,
                                      CASE WHEN cls0 = 'age18' THEN b18 ELSE least(st + dur, b18) END AS en
                                 FROM (SELECT c.*,
                                              CASE WHEN legacy AND cls0 = 'sgo' THEN 365 + floor(ud2 * 1435)
                                                   WHEN legacy AND cls0 = 'home' THEN 180 + floor(ud2 * 1320) ELSE
                                              CASE cls0
                                                WHEN 'home' THEN CASE WHEN ud < 0.4 THEN 7 + floor(ud2 * 83)
                                                                      WHEN ud < 0.75 THEN 90 + floor(ud2 * 275)
                                                                      ELSE 365 + floor(ud2 * 535) END
                                                WHEN 'sgo' THEN 240 + floor(ud2 * 660)
                                                WHEN 'adopt' THEN t_a + 150 + floor(ud2 * 250)
                                                ELSE 30 + floor(ud2 * 670) END END::integer AS dur
                                         FROM (SELECT b.*,
                                                      CASE WHEN cls0 = 'adopt' THEN t_c2 + 30 + floor(rnd('cla.te1', pid) * 170)::integer END AS t_e1,
                                                      CASE WHEN cls0 = 'adopt' THEN t_c2 + 60 + floor(rnd('cla.te1', pid) * 170)::integer
                                                                                       + floor(rnd('cla.ta', pid) * 150)::integer END AS t_a,
                                                      rnd('cla.dur', pid) AS ud, rnd('cla.dur2', pid) AS ud2
                                                 FROM (SELECT a.*,
                                                              CASE WHEN track = 'C' THEN 120 + floor(rnd('cla.tc2', pid) * CASE WHEN cls0 = 'adopt' THEN 210 ELSE 280 END)::integer END AS t_c2
                                                         FROM (SELECT pid, st, dob, b18, cls0, legacy,
                                                                      CASE WHEN uasc THEN 'V'
                                                                           WHEN cls0 = 'adopt' THEN 'C'
                                                                           WHEN rnd('cla.track', pid) < CASE cls0 WHEN 'sgo' THEN 0.85 WHEN 'age18' THEN 0.6
                                                                                                                  WHEN 'home' THEN 0.35 ELSE 0.4 END THEN 'C'
                                                                           ELSE 'V' END AS track,
                                                                      CASE WHEN NOT uasc AND rnd('cla.pp', pid) < 0.08
                                                                           THEN CASE WHEN rnd('cla.ppc', pid) < 0.65 THEN 'L2' ELSE 'L1' END END AS pp,
                                                                      1 + floor(rnd('cla.tpp', pid) * 8)::integer AS t_pp,
                                                                      CASE WHEN legacy THEN CASE WHEN rnd('cla.stab', pid) < 0.2 THEN 'stable' ELSE 'normal' END
                                                                           WHEN rnd('cla.stab', pid) < 0.13 THEN 'unstable'
                                                                           WHEN rnd('cla.stab', pid) < 0.75 THEN 'normal' ELSE 'stable' END AS stab,
                                                                      CASE WHEN legacy THEN 0 ELSE 1 + floor(rnd('cla.early', pid) * 3)::integer END AS early
                                                                 FROM (SELECT pid, st, dob, uasc, legacy, (dob + interval '18 years')::date AS b18,
                                                                              CASE WHEN legacy THEN CASE WHEN uc < 0.6 THEN 'age18' WHEN uc < 0.8 THEN 'sgo' ELSE 'home' END
                                                                                   WHEN uasc THEN CASE WHEN uc < 0.9 THEN 'age18' ELSE 'other' END
                                                                                   WHEN age < 5 THEN CASE WHEN uc < 0.36 THEN 'home' WHEN uc < 0.55 THEN 'sgo'
                                                                                                          WHEN uc < 0.85 THEN 'adopt' WHEN uc < 0.95 THEN 'age18' ELSE 'other' END
                                                                                   WHEN age < 12 THEN CASE WHEN uc < 0.48 THEN 'home' WHEN uc < 0.66 THEN 'sgo'
                                                                                                           WHEN uc < 0.95 THEN 'age18' ELSE 'other' END
                                                                                   ELSE CASE WHEN uc < 0.46 THEN 'home' WHEN uc < 0.94 THEN 'age18' ELSE 'other' END END AS cls0
                                                                         FROM (SELECT pid, st, dob, uasc, legacy, (st - dob) / 365.25 AS age,
                                                                                      CASE WHEN rno > 1 OR rnd('cla.own', pid) < 0.3 THEN rnd('cla.cls', pid)
                                                                                           ELSE rnd('cla.cls', fid) END AS uc
                                                                                 FROM pg_temp.cspi_gen_clap WHERE rno = @ROUND@) z) y) a) b) c) d) e) f) x
        WHERE p.pid = x.pid$q$,

    $q$ANALYZE pg_temp.cspi_gen_clap$q$
    ];

    -- The referrals with their source (for the optional referral.source
    -- and the contacts): one draw for the children of a family referred
    -- together (the event c.k of rkey c.k.j), one for each edge case.
    ref_src := $q$(SELECT r.*, $q$ || format(pick_source, 'r.us') || $q$ AS source
          FROM (SELECT r.*, rnd('ref.src', r.ekey) AS us
                  FROM (SELECT r.*, CASE WHEN r.rkey LIKE 'edge.%' THEN r.rkey
                                         ELSE split_part(r.rkey, '.', 1) || '.' || split_part(r.rkey, '.', 2) END AS ekey
                          FROM pg_temp.cspi_gen_ref r) r
                OFFSET 0) r)$q$;

    rest := ARRAY[
    -- the children of the child-protection families (one for the edge
    -- families): eldest 0 to 15, siblings younger, some born later
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpkid ON COMMIT DROP AS
       SELECT fam, j, (200000000 + row_number() OVER (ORDER BY fam, j))::text AS child_id,
              'F' || (200000000 + dense_rank() OVER (ORDER BY fam))::text AS family_id, dob
         FROM (SELECT f.fam, j,
                      f.dob1 + CASE WHEN j = 1 THEN 0
                                    ELSE (j - 1) * 420 + floor(rnd('cpk.sib', f.fam || '.' || j) * 500)::integer END AS dob
                 FROM (SELECT fam, sd - floor(rnd('cpk.age', fam) * 5800)::integer AS dob1,
                              CASE WHEN fam >= 9000000000 THEN 1 WHEN u < 0.5 THEN 1 WHEN u < 0.78 THEN 2
                                   WHEN u < 0.92 THEN 3 ELSE 4 END AS z
                         FROM (SELECT fam, sd, rnd('cpk.z', fam) AS u FROM pg_temp.cspi_gen_cpj WHERE rno = 1) a) f
                CROSS JOIN LATERAL generate_series(1, f.z) AS j) b$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_s47 ON COMMIT DROP AS
       SELECT j.jid, k.child_id, j.sd, j.icpc, j.ti, j.fam,
              j.has_plan AND (k.dob + interval '18 years')::date > coalesce(j.pe, $4) AS on_plan,
              j.ps, j.pe
         FROM pg_temp.cspi_gen_cpj j
         JOIN pg_temp.cspi_gen_cpkid k ON k.fam = j.fam
        WHERE k.dob <= j.sd AND j.sd < (k.dob + interval '18 years')::date$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_cpkid$q$,

    -- visits to a family on a plan: gaps of 9 or 10 working days (69%),
    -- 11 to 15 (21.5%) or 16 to 60, from the start of the plan to its end
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cpvis ON COMMIT DROP AS
       SELECT jid, wdn(o) AS vdate
         FROM (SELECT j.jid, ordof(j.ps) + (sum(g.gap) OVER (PARTITION BY j.jid ORDER BY g.m))::integer AS o,
                      ordof(j.pend) AS oend
                 FROM (SELECT jid, ps, coalesce(pe, $4) AS pend FROM pg_temp.cspi_gen_cpj WHERE has_plan) j
                CROSS JOIN LATERAL (
                      SELECT m, CASE WHEN u < 0.69 THEN 9 + floor(u2 * 2)
                                     WHEN u < 0.905 THEN 11 + floor(u2 * 5)
                                     ELSE 16 + floor(u2 ^ 1.5 * 45) END AS gap
                        FROM generate_series(1, (ordof(j.pend) - ordof(j.ps)) / 7 + 2) AS m
                       CROSS JOIN LATERAL (SELECT rnd('cpv.u', j.jid || '.' || m) AS u,
                                                  rnd('cpv.v', j.jid || '.' || m) AS u2) r) g) a
        WHERE o <= oend$q$,

    ------------------------------------------------------------------
    -- Children in care: the episodes of each period of care
    ------------------------------------------------------------------
    -- change points of a period: placement moves (80% a new carer, 7% the
    -- same carer, 13% a temporary placement T0-T4 of 1 to 7 days followed
    -- by a return) and the legal changes (end of police protection, full
    -- care order, placement order, adoptive placement); a move within 8
    -- days of another change is dropped
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_ep ON COMMIT DROP AS
       WITH p AS (
           SELECT pid, child_id, dob, uasc, st, en, rc, least(en, $4) - st AS span, en <= $4 AS ended,
                  stab, early, pp, t_pp, track, t_c2, t_e1, t_a
             FROM pg_temp.cspi_gen_clap
       ), mv AS (
           SELECT g.pid, g.t, g.kind, g.forced, 2 AS prio, g.tl
             FROM (SELECT p.pid, p.span, p.ended,
                          (sum(x.gap) OVER (PARTITION BY p.pid ORDER BY x.m))::integer AS t,
                          x.kind, x.forced, x.tl
                     FROM p
                    CROSS JOIN LATERAL (
                          SELECT m,
                                 CASE p.stab WHEN 'unstable' THEN 30 + floor(u1 * 170)
                                             WHEN 'stable' THEN 700 + floor(u1 * 2800)
                                             ELSE CASE WHEN m <= p.early THEN 20 + floor(u1 * 230)
                                                       WHEN u2 < CASE WHEN p.early = 0 THEN 0.45 ELSE 0.6 END THEN 800 + floor(u1 * 2400)
                                                       ELSE 200 + floor(u1 * 600) END END AS gap,
                                 CASE WHEN u3 < 0.80 THEN 'P' WHEN u3 < 0.87 THEN 'T' ELSE 'TMP' END AS kind,
                                 CASE WHEN u3 >= 0.87 THEN (ARRAY['T0', 'T1', 'T2', 'T3', 'T4'])[1 + floor(u4 * 5)::integer] END AS forced,
                                 1 + floor(u5 * 7)::integer AS tl
                            FROM generate_series(1, CASE p.stab WHEN 'unstable' THEN p.span / 30 + 1
                                                                WHEN 'stable' THEN p.span / 700 + 1
                                                                ELSE p.early + p.span / 200 + 1 END) AS m
                           CROSS JOIN LATERAL (SELECT rnd('ep.g', p.pid || '.' || m) AS u1,
                                                      rnd('ep.b', p.pid || '.' || m) AS u2,
                                                      rnd('ep.k', p.pid || '.' || m) AS u3,
                                                      rnd('ep.c', p.pid || '.' || m) AS u4,
                                                      rnd('ep.l', p.pid || '.' || m) AS u5) r) x) g
            WHERE g.t <= g.span AND (NOT g.ended OR g.t <= g.span - 9)
              AND (g.kind <> 'TMP' OR g.t + g.tl <= g.span - 1)
       ), lg AS (
           SELECT pid, t_pp AS t, CASE WHEN rnd('ep.lpp', pid) < 0.8 THEN 'L' ELSE 'B' END AS kind,
                  NULL::text AS forced, span, ended
             FROM p WHERE pp IS NOT NULL
           UNION ALL
           SELECT pid, t_c2, CASE WHEN rnd('ep.lc2', pid) < 0.7 THEN 'L' WHEN rnd('ep.lc2', pid) < 0.85 THEN 'B' ELSE 'T' END,
                  NULL, span, ended
             FROM p WHERE t_c2 IS NOT NULL
           UNION ALL
           SELECT pid, t_e1, CASE WHEN rnd('ep.le1', pid) < 0.85 THEN 'L' ELSE 'T' END, NULL, span, ended
             FROM p WHERE t_e1 IS NOT NULL
           UNION ALL
           SELECT pid, t_a, CASE WHEN rnd('ep.la', pid) < 0.55 THEN 'T' ELSE 'P' END,
                  CASE WHEN rnd('ep.la', pid) < 0.55 THEN 'A5' ELSE 'A6' END, span, ended
             FROM p WHERE t_a IS NOT NULL
       ), cand AS (
           SELECT pid, t, kind, forced, prio, tl FROM mv
           UNION ALL
           SELECT pid, t, kind, forced, 1, 0 FROM lg
            WHERE t >= 1 AND t <= span AND (NOT ended OR t <= span - 1)
       ), kept AS (
           SELECT pid, t, kind, forced, tl
             FROM (SELECT c.*, lag(t) OVER w AS pt, lead(t) OVER w AS nt
                     FROM cand c WINDOW w AS (PARTITION BY pid ORDER BY t, prio, kind)) c
            WHERE ((prio = 1 AND (pt IS NULL OR t > pt))
                   OR (prio = 2 AND t >= 8 AND (pt IS NULL OR t - pt >= 8)))
              AND (kind <> 'TMP' OR nt IS NULL OR nt > t + tl)
       ), pts AS (
           SELECT pid, 0 AS t, 'S' AS kind, NULL::text AS forced FROM p
           UNION ALL
           SELECT pid, t, kind, forced FROM kept
           UNION ALL
           SELECT pid, t + tl, 'RET', NULL FROM kept WHERE kind = 'TMP'
       ), e1 AS (
           SELECT pts.pid, pts.t, pts.kind, pts.forced, p.child_id, p.dob, p.uasc, p.st + pts.t AS sd,
                  p.en, p.rc, p.ended,
                  CASE WHEN p.pp IS NOT NULL AND pts.t < p.t_pp THEN p.pp
                       WHEN p.track = 'V' THEN 'V2'
                       WHEN pts.t < p.t_c2 THEN 'C1'
                       WHEN p.t_e1 IS NULL OR pts.t < p.t_e1 THEN 'C2'
                       ELSE 'E1' END AS ls,
                  pts.kind IN ('S', 'P', 'B') AS np
             FROM pts JOIN p USING (pid)
       ), e2 AS (
           SELECT e1.*,
                  CASE WHEN kind = 'S' THEN 'S' WHEN kind = 'L' THEN 'L'
                       WHEN kind = 'T' THEN CASE WHEN ls <> lag(ls) OVER w THEN 'U' ELSE 'T' END
                       ELSE CASE WHEN ls <> lag(ls) OVER w THEN 'B' ELSE 'P' END END AS reason_new,
                  count(*) FILTER (WHERE np) OVER w AS pno,
                  lead(sd) OVER w AS next_sd
             FROM e1 WINDOW w AS (PARTITION BY pid ORDER BY t)
       ), e3 AS (
           SELECT e2.*, first_value(sd) OVER (PARTITION BY pid, pno ORDER BY t) AS pstart FROM e2
       ), e4 AS (
           SELECT e.*,
                  CASE WHEN kind = 'TMP' THEN NULL
                       WHEN forced IS NOT NULL THEN forced
                       WHEN np THEN base
                       WHEN kind = 'T' THEN CASE base WHEN 'U6' THEN 'U4' WHEN 'U3' THEN 'U1' WHEN 'U5' THEN 'U4'
                                                      WHEN 'U2' THEN 'U1' ELSE base END END AS set_code
             FROM (SELECT e3.*,
                          CASE WHEN uasc THEN CASE WHEN u < 0.5 THEN 'H5' WHEN u < 0.8 THEN 'U6' ELSE 'K2' END
                               WHEN age < 5 THEN CASE WHEN u < 0.50 THEN 'U6' WHEN u < 0.70 THEN 'U3' WHEN u < 0.85 THEN 'U4'
                                                      WHEN u < 0.90 THEN 'U5' WHEN u < 0.95 THEN 'U2' ELSE 'P1' END
                               WHEN age < 12 THEN CASE WHEN u < 0.35 THEN 'U6' WHEN u < 0.65 THEN 'U4' WHEN u < 0.77 THEN 'U3'
                                                       WHEN u < 0.85 THEN 'U1' WHEN u < 0.93 THEN 'K2' WHEN u < 0.97 THEN 'P1' ELSE 'R1' END
                               WHEN age < 16 THEN CASE WHEN u < 0.25 THEN 'U6' WHEN u < 0.50 THEN 'U4' WHEN u < 0.75 THEN 'K2'
                                                       WHEN u < 0.83 THEN 'U3' WHEN u < 0.88 THEN 'U1' WHEN u < 0.95 THEN 'R1' ELSE 'S1' END
                               ELSE CASE WHEN u < 0.35 THEN 'H5' WHEN u < 0.55 THEN 'K2' WHEN u < 0.75 THEN 'U6'
                                         WHEN u < 0.85 THEN 'U4' WHEN u < 0.95 THEN 'P2' ELSE 'R1' END END AS base
                     FROM (SELECT e3.*, rnd('ep.pl', pid || '.' || pno) AS u, (pstart - dob) / 365.25 AS age FROM e3) e3) e
       ), e5 AS (
           SELECT e4.*, count(set_code) OVER (PARTITION BY pid ORDER BY t) AS grp FROM e4
       )
       SELECT pid, child_id, t, sd AS start_date,
              coalesce(next_sd, CASE WHEN ended THEN en END) AS end_date,
              reason_new, ls AS legal_status,
              CASE WHEN kind = 'TMP' THEN forced
                   ELSE first_value(set_code) OVER (PARTITION BY pid, grp ORDER BY t) END AS placement,
              CASE WHEN next_sd IS NOT NULL THEN 'X1' WHEN ended THEN rc END AS reason_ceased,
              CASE WHEN kind = 'TMP' THEN NULL
                   WHEN uasc AND ud < 0.5 THEN NULL
                   WHEN ud < 0.05 THEN NULL
                   WHEN ud < 0.16 THEN round((20 + ud2 ^ 2 * 80)::numeric, 1)
                   ELSE round((0.3 + ud2 * 19.6)::numeric, 1) END AS distance_miles,
              uasc, np, kind, least(en, $4) AS hz
         FROM (SELECT e5.*, rnd('ep.dist', pid || '.' || pno) AS ud, rnd('ep.dm', pid || '.' || pno) AS ud2 FROM e5) e$q$,

    $q$ANALYZE pg_temp.cspi_gen_ep$q$,

    -- short breaks: children with a series of one- to three-night breaks
    -- under V3 or V4, each an episode of its own
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_sb ON COMMIT DROP AS
       WITH k AS (
           SELECT i, (350000000 + i)::text AS child_id, ws,
                  ws + 365 + floor(rnd('sb.len', i) * 1100)::integer AS we,
                  ws - 1830 - floor(rnd('sb.age', i) * 3650)::integer AS dob,
                  CASE WHEN rnd('sb.ls', i) < 0.7 THEN 'V3' ELSE 'V4' END AS ls,
                  CASE WHEN rnd('sb.pl', i) < 0.6 THEN 'K2' ELSE 'U6' END AS pl
             FROM (SELECT i, $3 - 700 + floor(rnd('sb.ws', i) * ($4 - $3 + 700))::integer AS ws
                     FROM generate_series(1, greatest(1, round(6 * $2 * ($6 - $5 + 1))::integer)) AS i) a
       )
       SELECT i, child_id, dob, sd AS start_date, sd + nights AS end_date, ls AS legal_status, pl AS placement
         FROM (SELECT k.*, m, k.ws + (sum(gap) OVER (PARTITION BY k.i ORDER BY m))::integer AS sd,
                      1 + floor(rnd('sb.n', k.i || '.' || m) * 3)::integer AS nights
                 FROM k
                CROSS JOIN LATERAL (SELECT m, 20 + floor(rnd('sb.g', k.i || '.' || m) * 30) AS gap
                                      FROM generate_series(1, (k.we - k.ws) / 20 + 1) AS m) g) a
        WHERE sd BETWEEN $3 AND $4 - 4 AND sd <= we AND sd < (dob + interval '18 years')::date$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_clap
       UNION
       SELECT child_id, 'F' || child_id, dob FROM pg_temp.cspi_gen_sb$q$,

    -- looked-after reviews: the first within 20 working days (93%: 6 to 20,
    -- else 21 to 30), the second by the first + 3 months, then by the
    -- previous + 6 months (93%: up to 27 days early, else 1 to 10 working
    -- days late)
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clarev ON COMMIT DROP AS
       WITH RECURSIVE rv (pid, child_id, k, hz, rdate) AS (
           SELECT p.pid, p.child_id, 1, least(p.en, $4),
                  CASE WHEN p.late THEN wdn(ordof(p.st) + p.lg) ELSE wdn(ordof(p.st) + p.e) END
             FROM (SELECT pid, child_id, st, en, rnd('lr.late', pid || '.1') < 0.065 AS late,
                          21 + floor(rnd('lr.lg', pid || '.1') * 10)::integer AS lg,
                          20 - floor(rnd('lr.e', pid || '.1') ^ 2 * 15)::integer AS e
                     FROM pg_temp.cspi_gen_clap) p
           UNION ALL
           SELECT rv.pid, rv.child_id, rv.k + 1, rv.hz, x.r
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT CASE WHEN rnd('lr.late', key) < 0.065 THEN wdn(ordof(due) + lg)
                              ELSE wdn(ordof(due - e)) END AS r
                    FROM (SELECT due, key, 1 + floor(rnd('lr.lg', key) * 10)::integer AS lg,
                                 floor(rnd('lr.e', key) ^ 2 * 28)::integer AS e
                            FROM (SELECT (rv.rdate + CASE WHEN rv.k = 1 THEN interval '3 months' ELSE interval '6 months' END)::date AS due,
                                         rv.pid || '.' || rv.k + 1 AS key) z0) z) x
            WHERE rv.rdate <= rv.hz
       )
       SELECT pid, child_id, k, rdate FROM rv WHERE rdate <= hz$q$,

    -- visits to children in care, placement by placement: the first 1 to 7
    -- days after the placement starts (85%), then every 10 to 42 days
    -- (81%) or 43 to 70; 3% of children are visited three-monthly with a
    -- due date on every visit, 15% have due dates (previous + 42 days)
    -- recorded in the last two years
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_vis ON COMMIT DROP AS
       SELECT child_id, 'cic'::text AS vtype, vdate,
              CASE WHEN dd3 THEN coalesce(pv + 91, ss + 7)
                   WHEN dd AND vdate >= make_date($6 - 2, 4, 1) THEN coalesce(pv + 42, ss + 7) END AS due
         FROM (SELECT child_id, dd3, dd, ss, vdate,
                      lag(vdate) OVER (PARTITION BY child_id, ss ORDER BY vdate) AS pv
                 FROM (SELECT sg.child_id, sg.dd3, sg.dd, sg.ss, sg.se,
                              sg.ss + (sum(g.gap) OVER (PARTITION BY sg.child_id, sg.ss ORDER BY g.m))::integer AS vdate
                         FROM (SELECT child_id, ss, se,
                                      rnd('vis.dd3', child_id) < 0.03 AS dd3,
                                      rnd('vis.dd', child_id) < 0.15 AS dd
                                 FROM (SELECT e.child_id, e.start_date AS ss,
                                              coalesce(lead(e.start_date) OVER (PARTITION BY e.pid ORDER BY e.t) - 1, e.hz) AS se
                                         FROM pg_temp.cspi_gen_ep e WHERE e.np) s) sg
                        CROSS JOIN LATERAL (
                              SELECT m, CASE WHEN m = 1 THEN CASE WHEN u < 0.85 THEN 1 + floor(u2 * 7) ELSE 8 + floor(u2 * 13) END
                                             WHEN sg.dd3 THEN CASE WHEN u < 0.9 THEN 56 + floor(u2 * 36) ELSE 92 + floor(u2 * 19) END
                                             WHEN u < 0.81 THEN 10 + floor(u2 * 33)
                                             ELSE 43 + floor(u2 * 28) END AS gap
                                FROM generate_series(1, (sg.se - sg.ss) / 14 + 2) AS m
                               CROSS JOIN LATERAL (SELECT rnd('vis.u', sg.child_id || '.' || sg.ss || '.' || m) AS u,
                                                          rnd('vis.v', sg.child_id || '.' || sg.ss || '.' || m) AS u2) r) g) a
                WHERE vdate <= se) b$q$,

    $q$INSERT INTO pg_temp.cspi_gen_vis (child_id, vtype, vdate, due)
       SELECT s.child_id, 'cp', v.vdate, NULL
         FROM pg_temp.cspi_gen_s47 s JOIN pg_temp.cspi_gen_cpvis v ON v.jid = s.jid
        WHERE s.on_plan$q$,

    -- health assessments: the initial one due 20 working days after the
    -- period starts; reviews due 6 months (under 5) or 12 months after the
    -- previous assessment; 84% done by the due date, 9% later, 7% never
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_health ON COMMIT DROP AS
       WITH RECURSIVE ini AS (
           SELECT pid, child_id, dob, hz, due,
                  CASE WHEN done <= hz THEN done END AS done
             FROM (SELECT p.pid, p.child_id, p.dob, least(p.en, $4) AS hz, wdn(ordof(p.st) + 20) AS due,
                          CASE WHEN u < 0.70 THEN wdn(ordof(p.st) + a1)
                               WHEN u < 0.95 THEN wdn(ordof(p.st) + a2) END AS done
                     FROM (SELECT p.*, rnd('ha.i', pid) AS u,
                                  5 + floor(rnd('ha.a', pid) * 16)::integer AS a1,
                                  21 + floor(rnd('ha.a', pid) * 40)::integer AS a2
                             FROM pg_temp.cspi_gen_clap p) p) a
            WHERE due <= hz
       ), rv (pid, child_id, dob, hz, k, base, due, done) AS (
           SELECT pid, child_id, dob, hz, 0, coalesce(done, due), due, done FROM ini
           UNION ALL
           SELECT rv.pid, rv.child_id, rv.dob, rv.hz, rv.k + 1, coalesce(x.done, x.due), x.due, x.done
             FROM rv
            CROSS JOIN LATERAL (
                  SELECT due, CASE WHEN u < 0.84 THEN due - floor(u2 ^ 2 * 45)::integer
                                   WHEN u < 0.93 THEN due + 1 + floor(u2 * 90)::integer END AS done
                    FROM (SELECT (rv.base + CASE WHEN rv.base < (rv.dob + interval '5 years')::date
                                                 THEN interval '6 months' ELSE interval '12 months' END)::date AS due,
                                 rnd('ha.u', rv.pid || '.' || rv.k) AS u,
                                 rnd('ha.v', rv.pid || '.' || rv.k) AS u2) z) x
            WHERE rv.due <= rv.hz
       )
       SELECT child_id, CASE WHEN k = 0 THEN 'initial' ELSE 'review' END AS kind, due,
              CASE WHEN done <= hz AND done <= $4 THEN done END AS done
         FROM rv WHERE due <= hz$q$,

    -- allocations: one qualified social worker for each plan (from the
    -- strategy discussion) and each period of care; 12% change worker on
    -- the way; 3% have an unqualified co-worker for a while.  The team
    -- (for the optional columns): a plan's allocation is with Child
    -- Protection, or with the assessment team of the family's area (or
    -- the Front Door) until its worker changes; a period of care's with
    -- Children in Care (Leaving Care from 16), or first with the team that
    -- had the child before; the co-worker in the first worker's team.  The
    -- worker is one of the team's pool (qualified W..., unqualified U...),
    -- another one when the case changes worker within the team.
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_alloc ON COMMIT DROP AS
       WITH a AS (
           SELECT child_id || '.' || sd AS key, child_id, sd AS st, CASE WHEN pe <= $4 THEN pe END AS en,
                  coalesce(pe, $4) AS hz, true AS cp, 'cp.' || fam AS area, NULL::date AS b16
             FROM pg_temp.cspi_gen_s47 WHERE on_plan
           UNION ALL
           SELECT child_id || '.' || st, child_id, st, CASE WHEN en <= $4 THEN en END, least(en, $4),
                  false, 'cla.' || fid, (dob + interval '16 years')::date
             FROM pg_temp.cspi_gen_clap
       ), b AS MATERIALIZED (
           SELECT a.*, rnd('al.ch', key) < 0.12 AND hz - st > 30 AS ch,
                  st + 1 + floor(rnd('al.m', key) * (hz - st - 1))::integer AS m,
                  CASE WHEN rnd('al.area', area) < 0.5 THEN 'Assessment North' ELSE 'Assessment South' END AS asm,
                  rnd('al.team', key) AS ut
             FROM a
       ), c AS (
           SELECT b.*,
                  CASE WHEN cp AND ch THEN CASE WHEN ut < 0.2 THEN 'Front Door' ELSE asm END
                       WHEN cp THEN CASE WHEN ut < 0.85 THEN 'Child Protection' ELSE asm END
                       WHEN ch THEN CASE WHEN ut < 0.4 THEN 'Child Protection' WHEN ut < 0.5 THEN asm
                                         WHEN st >= b16 THEN 'Leaving Care' ELSE 'Children in Care' END
                       WHEN st >= b16 AND ut < 0.6 THEN 'Leaving Care'
                       ELSE 'Children in Care' END AS team1,
                  CASE WHEN cp THEN 'Child Protection' WHEN m >= b16 THEN 'Leaving Care'
                       ELSE 'Children in Care' END AS team2
             FROM b
       ), d AS (
           SELECT c.*, t1, t2, p1, p2, floor(rnd('al.w', key || '.1') * p1)::integer AS w1,
                  floor(rnd('al.w', key || '.2') * p2)::integer AS w2x,
                  floor(rnd('al.w', key || '.2') * (p2 - 1))::integer AS w2y
             FROM c
            CROSS JOIN LATERAL (
                  SELECT array_position(tl, c.team1) AS t1, array_position(tl, c.team2) AS t2,
                         greatest(1, round($2 * sz[array_position(tl, c.team1)]))::integer AS p1,
                         greatest(1, round($2 * sz[array_position(tl, c.team2)]))::integer AS p2
                    FROM (SELECT ARRAY['Front Door', 'Assessment North', 'Assessment South', 'Child Protection',
                                       'Children in Care', 'Leaving Care'] AS tl,
                                 ARRAY[6, 8, 8, 10, 10, 5] AS sz) z) p
       )
       SELECT child_id, st, en, qsw,
              CASE WHEN rnd('al.wn', akey) >= 0.01
                   THEN CASE WHEN qsw THEN 'W' ELSE 'U' END || (tno * 100000 + w + 1) END AS worker_id,
              CASE WHEN NOT tn THEN team END AS team,
              CASE WHEN NOT tn THEN CASE WHEN team IN ('Assessment North', 'Child Protection') THEN 'North'
                                         WHEN team IN ('Assessment South', 'Children in Care') THEN 'South'
                                         ELSE 'Central' END END AS locality
         FROM (SELECT u.*, rnd('al.tn', akey) < 0.02 AS tn
                 FROM (SELECT child_id, st, CASE WHEN ch THEN m ELSE en END AS en, true AS qsw,
                              key || '.1' AS akey, team1 AS team, t1 AS tno, w1 AS w
                         FROM d
                       UNION ALL
                       SELECT child_id, m, en, true, key || '.2', team2, t2,
                              CASE WHEN t2 = t1 AND p2 > 1 THEN (w1 + 1 + w2y) % p2 ELSE w2x END
                         FROM d WHERE ch
                       UNION ALL
                       SELECT child_id, st + 5, CASE WHEN st + 95 <= $4 AND (en IS NULL OR st + 95 < en) THEN st + 95 ELSE en END, false,
                              key || '.0', team1, t1, floor(rnd('al.wu', key) * greatest(1, round($2 * 2)))::integer
                         FROM d WHERE rnd('al.co', key) < 0.03 AND st + 5 <= hz) u
                OFFSET 0) v$q$,

    -- missing episodes: a third of children in care aged 11 or over go
    -- missing, 2 to 21 times a year; some children referred at 12 to 17;
    -- some children of other authorities placed here; one child in care
    -- goes missing on the last day and is still missing
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_miss ON COMMIT DROP AS
       WITH src AS (
           SELECT 'c.' || p.pid AS key, p.child_id, ws, we, false AS oa,
                  floor((2 + floor(rnd('mis.l', p.pid) ^ 3 * 20)) * (we - ws) / 365.25 + rnd('mis.n', p.pid))::integer AS n
             FROM (SELECT pid, child_id, greatest(st, (dob + interval '11 years')::date) AS ws, least(en, $4) AS we
                     FROM pg_temp.cspi_gen_clap WHERE rnd('mis.f', pid) < 0.33) p
            WHERE we - ws > 30
           UNION ALL
           SELECT 'r.' || rkey, child_id, greatest(rdate - 30, $3), least(rdate + 120, $4), false,
                  1 + floor(rnd('mis.rn', rkey) * 3)::integer
             FROM (SELECT r.rkey, r.child_id, r.rdate
                     FROM pg_temp.cspi_gen_ref r JOIN pg_temp.cspi_gen_kid k USING (child_id)
                    WHERE r.rdate >= (k.dob + interval '12 years')::date AND rnd('mis.r', r.rkey) < 0.06) r
           UNION ALL
           SELECT 'e.' || pid, child_id, $4, $4, false, 1
             FROM (SELECT pid, child_id FROM pg_temp.cspi_gen_clap
                    WHERE en > $4 AND st < $4 - 30 AND $4 >= (dob + interval '12 years')::date
                    ORDER BY pid LIMIT 1) e
           UNION ALL
           SELECT 'o.' || i, (600000000 + i)::text, ws, least(ws + 200, $4), true,
                  1 + floor(rnd('mis.on', i) * 3)::integer
             FROM (SELECT i, $3 + floor(rnd('mis.ow', i) * ($4 - $3))::integer AS ws
                     FROM generate_series(1, round(15 * $2 * ($6 - $5))::integer) AS i) o
       ), ep AS (
           SELECT src.key || '.' || j AS ekey, src.child_id, src.oa,
                  (src.ws + floor((j - 1 + 0.7 * rnd('mis.t', src.key || '.' || j)) * (src.we - src.ws) / src.n)::integer)
                  + make_interval(hours => (14 + floor(rnd('mis.h', src.key || '.' || j) * 14)::integer) % 24,
                                  mins => floor(rnd('mis.mi', src.key || '.' || j) * 60)::integer) AS start_at
             FROM src CROSS JOIN LATERAL generate_series(1, src.n) AS j
            WHERE src.n > 0
       ), ret AS (
           SELECT ep.*, start_at + make_interval(mins => floor(60 * CASE WHEN u < 0.7 THEN 1 + u2 * 23
                                                                         WHEN u < 0.95 THEN 24 + u2 * 48
                                                                         ELSE 72 + u2 * 168 END)::integer) AS r
             FROM (SELECT ep.*, rnd('mis.d', ekey) AS u, rnd('mis.d2', ekey) AS u2 FROM ep) ep
       ), rhi AS (
           SELECT ret.*, CASE WHEN r::date <= $4 AND ekey NOT LIKE 'e.%' THEN r END AS returned_at,
                  CASE WHEN uo < 0.878 THEN r + make_interval(mins => floor(60 + uo2 * 71 * 60)::integer)
                       WHEN uo < 0.993 THEN r + make_interval(mins => floor(73 * 60 + uo2 * 167 * 60)::integer) END AS offered
             FROM (SELECT ret.*, rnd('mis.o', ekey) AS uo, rnd('mis.o2', ekey) AS uo2 FROM ret) ret
       )
       SELECT ekey, child_id, start_at, returned_at,
              CASE WHEN returned_at IS NOT NULL AND offered::date <= $4 THEN offered END AS rhi_offered_at,
              CASE WHEN returned_at IS NULL OR offered IS NULL OR offered::date > $4 THEN NULL
                   WHEN rnd('mis.e', ekey) < 0.77 THEN true
                   WHEN rnd('mis.e', ekey) < 0.97 THEN false END AS rhi_engaged,
              CASE WHEN oa THEN true WHEN rnd('mis.oa', ekey) < 0.1 THEN NULL ELSE false END AS other_authority
         FROM rhi
        WHERE start_at::date BETWEEN $3 AND $4$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT DISTINCT child_id, NULL::text, $3 - 4400 - floor(rnd('mis.age', child_id) * 2000)::integer
         FROM pg_temp.cspi_gen_miss WHERE child_id LIKE '6%'$q$,

    ------------------------------------------------------------------
    -- Family support, care leavers
    ------------------------------------------------------------------
    -- about 245 internal and 78 external family cases a year, open 3 to
    -- 23 months (about 200 and 64 families open at any 31 March)
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_fs ON COMMIT DROP AS
       WITH f AS (
           SELECT fk, prov, st, CASE WHEN st + dur <= $4 THEN st + dur END AS en, z,
                  st - 730 - floor(rnd('fs.age', fk) * 5500)::integer AS dob1
             FROM (SELECT fk, prov, make_date(y, 4, 1) + floor(rnd('fs.st', fk) * fyd)::integer AS st,
                          CASE WHEN ud < 0.4 THEN 90 + floor(ud2 * 150) WHEN ud < 0.85 THEN 240 + floor(ud2 * 180)
                               ELSE 420 + floor(ud2 * 280) END::integer AS dur,
                          CASE WHEN prov = 'internal'
                               THEN CASE WHEN uz < 0.30 THEN 1 WHEN uz < 0.65 THEN 2 WHEN uz < 0.86 THEN 3 WHEN uz < 0.96 THEN 4 ELSE 5 END
                               ELSE CASE WHEN uz < 0.36 THEN 1 WHEN uz < 0.70 THEN 2 WHEN uz < 0.92 THEN 3 ELSE 4 END END AS z
                     FROM (SELECT y, prov, fyd, y::bigint * 1000000 + CASE WHEN prov = 'internal' THEN 0 ELSE 500000 END + n AS fk
                             FROM generate_series($5, $6 - 1) AS y
                            CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) d
                            CROSS JOIN (VALUES ('internal', 245), ('external', 78)) AS pv(prov, rate)
                            CROSS JOIN LATERAL generate_series(1, round(rate * $2 * (0.92 + 0.16 * rnd('fs.vol', y || prov)))::integer) AS n) a
                    CROSS JOIN LATERAL (SELECT rnd('fs.d', fk) AS ud, rnd('fs.d2', fk) AS ud2, rnd('fs.z', fk) AS uz) u) b
       )
       SELECT fk, dense_rank() OVER (ORDER BY fk) AS fno, prov, st, en, j,
              dob, (500000000 + row_number() OVER (ORDER BY fk, j))::text AS child_id,
              'F' || (500000000 + dense_rank() OVER (ORDER BY fk))::text AS family_id
         FROM (SELECT f.*, j,
                      f.dob1 + CASE WHEN j = 1 THEN 0 ELSE (j - 1) * 400 + floor(rnd('fs.sib', f.fk || '.' || j) * 600)::integer END AS dob
                 FROM f CROSS JOIN LATERAL generate_series(1, f.z) AS j) a
        WHERE dob <= st$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_fs$q$,

    -- care leavers: young people born so as to be 17 to 25 in the data,
    -- about 41 a year of birth, with an OC3 row around each birthday from
    -- 17 to 21 (36%) or 25; one born on 29 February
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clv ON COMMIT DROP AS
       SELECT i, (400000000 + i)::text AS child_id,
              lo + floor(rnd('cl.dob', i) * (hi - lo + 1))::integer AS dob,
              CASE WHEN rnd('cl.max', i) < 0.36 THEN 21 ELSE 25 END AS maxage,
              CASE WHEN rnd('cl.fam', i) < 0.4 THEN 'F' || (400000000 + i) END AS family_id
         FROM (SELECT ($3 - interval '26 years')::date AS lo, ($4 - interval '17 years')::date AS hi) b
        CROSS JOIN generate_series(1, round(41 * $2 * ($6 - $5 + 9))::integer) AS i
       UNION ALL
       SELECT 0, '400000000', make_date(ly, 3, 1) - 1, 25, 'F400000000'
         FROM (SELECT ($6 - 20) - ($6 - 20) % 4 AS ly) l$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_cl ON COMMIT DROP AS
       SELECT child_id, as_at, in_touch,
              CASE WHEN in_touch THEN rnd('cl.acc', key) < 0.997 END AS accommodation_suitable,
              CASE WHEN grp = 'unknown' THEN CASE WHEN uv < 0.5 THEN '0' END
                   WHEN uv < 0.10 THEN grp
                   WHEN uv < 0.12 THEN lower(code) || ' '
                   ELSE code END AS activity
         FROM (SELECT child_id, as_at, in_touch, key, grp, rnd('cl.var', key) AS uv,
                      CASE grp WHEN 'education' THEN (ARRAY['F1', 'P1', 'F2', 'P2'])[1 + floor(uc * 4)::integer]
                               WHEN 'training_employment' THEN (ARRAY['F4', 'P4', 'F5', 'P5', 'F5', 'P5', 'F3', 'P3'])[1 + floor(uc * 8)::integer]
                               WHEN 'neet' THEN (ARRAY['G4', 'G5', 'G6'])[1 + floor(uc * 3)::integer] END AS code
                 FROM (SELECT child_id, as_at, in_touch, key, rnd('cl.code', key) AS uc,
                              CASE WHEN NOT in_touch THEN 'unknown'
                                   WHEN a <= 18 THEN CASE WHEN ua < 0.60 THEN 'education' WHEN ua < 0.80 THEN 'training_employment'
                                                          WHEN ua < 0.95 THEN 'neet' ELSE 'unknown' END
                                   WHEN a <= 21 THEN CASE WHEN ua < 0.135 THEN 'education' WHEN ua < 0.72 THEN 'training_employment'
                                                          WHEN ua < 0.948 THEN 'neet' ELSE 'unknown' END
                                   ELSE CASE WHEN ua < 0.083 THEN 'education' WHEN ua < 0.855 THEN 'training_employment'
                                             ELSE 'neet' END END AS grp
                         FROM (SELECT c.child_id, a, x.as_at, c.i || '.' || a AS key,
                                      rnd('cl.touch', c.i || '.' || a) < CASE WHEN a <= 21 THEN 0.997 ELSE 0.995 END AS in_touch,
                                      rnd('cl.act', c.i || '.' || a) AS ua
                                 FROM pg_temp.cspi_gen_clv c
                                CROSS JOIN LATERAL generate_series(17, c.maxage) AS a
                                CROSS JOIN LATERAL (
                                      SELECT ((c.dob - 1) + make_interval(years => a))::date + 1
                                             + CASE WHEN c.i = 0 THEN 0 ELSE floor(rnd('cl.off', c.i || '.' || a) * 29)::integer END AS as_at) x
                                WHERE x.as_at BETWEEN $3 AND $4) a) b) c$q$,

    $q$INSERT INTO pg_temp.cspi_gen_kid (child_id, family_id, dob)
       SELECT child_id, family_id, dob FROM pg_temp.cspi_gen_clv$q$,

    ------------------------------------------------------------------
    -- The source tables
    ------------------------------------------------------------------
    -- (the optional source and NFA flag where the table has them)
    $q$INSERT INTO @S@.referral (referral_id, child_id, referral_date, completed_date$q$ || coalesce(ref_cols, '') || $q$)
       SELECT 'R' || (10000000 + row_number() OVER (ORDER BY rdate, child_id, rkey)), child_id, rdate, cdate$q$
              || coalesce(ref_vals, '') || $q$
         FROM (SELECT r.*,
                      CASE WHEN r.cdate IS NULL OR rnd('ref.nfan', r.rkey) < 0.02 THEN NULL
                           ELSE rnd('asm.has', r.rkey) >= 0.95 END AS nfa
                 FROM $q$ || ref_src || $q$ r) x$q$,

    $q$INSERT INTO @S@.assessment (assessment_id, child_id, start_date, authorised_date)
       SELECT 'A' || (10000000 + row_number() OVER (ORDER BY st, child_id, rkey, seq)), child_id, st, au
         FROM pg_temp.cspi_gen_asmt$q$,

    $q$INSERT INTO @S@.s47_enquiry (s47_id, child_id, strategy_date, icpc_date, transfer_in)
       SELECT 'S' || (10000000 + row_number() OVER (ORDER BY sd, child_id, jid)), child_id, sd, icpc,
              coalesce(ti, false)
         FROM pg_temp.cspi_gen_s47$q$,

    $q$CREATE TEMP TABLE pg_temp.cspi_gen_plan ON COMMIT DROP AS
       SELECT 'CP' || (10000000 + row_number() OVER (ORDER BY ps, child_id, jid)) AS plan_id, jid, child_id, ps, pe
         FROM pg_temp.cspi_gen_s47 WHERE on_plan$q$,

    $q$INSERT INTO @S@.cp_plan (plan_id, child_id, start_date, end_date$q$ || coalesce(cpp_cols, '') || $q$)
       SELECT plan_id, child_id, ps, pe$q$ || coalesce(cpp_vals, '') || $q$ FROM pg_temp.cspi_gen_plan x$q$,

    $q$INSERT INTO @S@.cp_review (review_id, plan_id, review_date)
       SELECT 'CR' || (10000000 + row_number() OVER (ORDER BY r.rdate, p.plan_id)), p.plan_id, r.rdate
         FROM pg_temp.cspi_gen_plan p JOIN pg_temp.cspi_gen_cprev r ON r.jid = p.jid$q$,

    $q$INSERT INTO @S@.cla_episode (episode_id, child_id, start_date, end_date, reason_new, legal_status,
                                    placement, reason_ceased, distance_miles, uasc$q$ || coalesce(ep_cols, '') || $q$)
       SELECT 'E' || (10000000 + row_number() OVER (ORDER BY start_date, child_id)),
              child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
              distance_miles, uasc$q$ || coalesce(ep_vals, '') || $q$
         FROM (SELECT child_id, start_date, end_date, reason_new, legal_status, placement, reason_ceased,
                      distance_miles, uasc
                 FROM pg_temp.cspi_gen_ep
               UNION ALL
               SELECT child_id, start_date, end_date, 'S', legal_status, placement, 'E4A',
                      round((1 + rnd('sb.dist', i) * 9)::numeric, 1), false
                 FROM pg_temp.cspi_gen_sb) x$q$,

    $q$INSERT INTO @S@.cla_review (review_id, child_id, review_date)
       SELECT 'LR' || (10000000 + row_number() OVER (ORDER BY rdate, child_id)), child_id, rdate
         FROM pg_temp.cspi_gen_clarev$q$,

    $q$INSERT INTO @S@.visit (visit_id, child_id, visit_type, visit_date, due_date)
       SELECT 'V' || (10000000 + row_number() OVER (ORDER BY vdate, child_id, vtype)), child_id, vtype, vdate, due
         FROM pg_temp.cspi_gen_vis$q$,

    $q$INSERT INTO @S@.allocation (child_id, start_date, end_date, qualified_social_worker$q$ || coalesce(alloc_cols, '') || $q$)
       SELECT child_id, st, en, qsw$q$ || coalesce(alloc_vals, '') || $q$
         FROM pg_temp.cspi_gen_alloc x ORDER BY st, child_id, qsw$q$,

    $q$INSERT INTO @S@.health_assessment (child_id, kind, due_date, completed_date)
       SELECT child_id, kind, due, done FROM pg_temp.cspi_gen_health ORDER BY due, child_id, kind$q$,

    $q$INSERT INTO @S@.missing_episode (episode_id, child_id, start_at, returned_at, rhi_offered_at,
                                        rhi_engaged, other_authority)
       SELECT 'M' || (10000000 + row_number() OVER (ORDER BY start_at, child_id, ekey)), child_id, start_at,
              returned_at, rhi_offered_at, rhi_engaged, other_authority
         FROM pg_temp.cspi_gen_miss$q$,

    -- (the optional in-touch code and accommodation where the table has
    -- them)
    $q$INSERT INTO @S@.care_leaver (child_id, as_at, in_touch, accommodation_suitable, activity$q$ || coalesce(cl_cols, '') || $q$)
       SELECT child_id, as_at, in_touch, accommodation_suitable, activity$q$ || coalesce(cl_vals, '') || $q$
         FROM (SELECT x.*,
                      CASE WHEN x.accommodation_suitable THEN $q$ || format(pick_accom_ok, 'x.ua') || $q$
                           ELSE $q$ || format(pick_accom_bad, 'x.ua') || $q$ END
                      || CASE WHEN rnd('cl.accl', x.key) < 0.03 THEN ''
                              WHEN x.accommodation_suitable THEN '1' ELSE '2' END AS accom
                 FROM (SELECT x.*, rnd('cl.acc', x.key) AS ua
                         FROM (SELECT c.*, c.child_id || '.' || to_char(c.as_at, 'YYYYMMDD') AS key,
                                      c.as_at = max(c.as_at) OVER (PARTITION BY c.child_id) AS last
                                 FROM pg_temp.cspi_gen_cl c) x
                       OFFSET 0) x) x
        ORDER BY as_at, child_id$q$,

    $q$INSERT INTO @S@.family_support (case_id, family_id, child_id, provider, start_date, end_date)
       SELECT 'FS' || (1000000 + fno), family_id, child_id,
              CASE WHEN rnd('fs.case', fk) < 0.02 THEN initcap(prov) || ' ' ELSE prov END, st, en
         FROM pg_temp.cspi_gen_fs ORDER BY fno, child_id$q$,

    -- every child referred to anywhere, once (with the optional columns
    -- where the table has them: a family's ethnicity, a child's own
    -- missing one; short-break children mostly disabled; a UPN for a
    -- child who started school (reception the September after turning
    -- 4) before the last day, 3% of them missing: its check letter, the
    -- council's LA number (15% another's) and 9 digits that are a
    -- permutation of the child's numeric id, so that no two are the same)
    CASE WHEN child_cols IS NULL THEN
    $q$INSERT INTO @S@.child (child_id, family_id, date_of_birth)
       SELECT k.child_id, k.family_id, k.dob
         FROM pg_temp.cspi_gen_kid k
        WHERE k.child_id IN $q$ || referred || $q$
        ORDER BY k.child_id$q$
    ELSE
    $q$INSERT INTO @S@.child (child_id, family_id, date_of_birth$q$ || child_cols || $q$)
       SELECT x.child_id, x.family_id, x.dob$q$ || child_vals || $q$
         FROM (SELECT k.child_id, k.family_id, k.dob,
                      CASE WHEN us < 0.52 THEN '1' WHEN us < 0.99 THEN '2' WHEN us < 0.996 THEN '9' END AS sex,
                      CASE WHEN um < 0.007 THEN 'REFU' WHEN um < 0.02 THEN 'NOBT' WHEN um >= 0.03 THEN $q$
                      || format(pick_ethnicity, 'ue') || $q$ END AS ethnicity,
                      CASE WHEN ud < CASE WHEN sb THEN 0.03 ELSE 0.05 END THEN NULL
                           WHEN ud < CASE WHEN sb THEN 0.93 ELSE 0.15 END THEN $q$ || format(pick_disability, 'ud2') || $q$
                           ELSE 'NONE' END AS disability,
                      substr('ABCDEFGHJKLMNPQRTUVWXYZ',
                             1 + (la / 100 * 2 + la / 10 % 10 * 3 + la % 10 * 4
                                  + (p / 100000000)::integer * 5 + (p / 10000000 % 10)::integer * 6
                                  + (p / 1000000 % 10)::integer * 7 + (p / 100000 % 10)::integer * 8
                                  + (p / 10000 % 10)::integer * 9 + (p / 1000 % 10)::integer * 10
                                  + (p / 100 % 10)::integer * 11 + (p / 10 % 10)::integer * 12
                                  + (p % 10)::integer * 13) % 23, 1)
                      || la::text || lpad(p::text, 9, '0') AS upn
                 FROM (SELECT k.*,
                              CASE WHEN up THEN CASE WHEN rnd('upn.moved', k.child_id) < 0.15
                                                     THEN 201 + floor(rnd('upn.ola', k.child_id) * 737)
                                                     ELSE 201 + floor(rnd('upn.la', 0) * 737) END::integer END AS la,
                              CASE WHEN up THEN (k.child_id::bigint * 398712377 + floor(rnd('upn.off', 0) * 1e9)::bigint)
                                                % 1000000000 END AS p
                         FROM (SELECT k.*, k.child_id LIKE '35_______' AS sb,
                                      make_date(extract(year FROM k.dob + interval '4 months')::integer + 4, 9, 1) <= $4
                                      AND rnd('upn.miss', k.child_id) >= 0.03 AS up,
                                      rnd('ch.sex', k.child_id) AS us, rnd('ch.ethm', k.child_id) AS um,
                                      rnd('ch.eth', k.fk) AS ue,
                                      rnd('ch.dis', k.child_id) AS ud, rnd('ch.dis2', k.child_id) AS ud2
                                 FROM (SELECT k.*, coalesce(k.family_id, k.child_id) AS fk
                                         FROM pg_temp.cspi_gen_kid k
                                        WHERE k.child_id IN $q$ || referred || $q$) k
                               OFFSET 0) k
                       OFFSET 0) k) x
        ORDER BY x.child_id$q$
    END
    ];

    ------------------------------------------------------------------
    -- Annex A's leaving care and adoption (lists 9 to 11), where their
    -- relations are present: the facts their statements share, from
    -- streams of their own (lc.*, pp.*, ad.*, adr.*, adp.*)
    ------------------------------------------------------------------
    -- Leaving care: each care leaver of the care leavers' strand (those
    -- with an OC3 row) left care at 18 (72%: former relevant from 18), at
    -- 16 or 17 (20%: relevant until 18, then former relevant) or, not
    -- looked after long enough, is a qualifying care leaver (8%, from
    -- leaving care to 21); a child in care whose last period of care goes
    -- on past 16 is former relevant from 18 when it lasts until then,
    -- else relevant until 18 after 13 weeks in care from 14 (qualifying
    -- before that, or under a special guardianship order), and for 30%
    -- of those 13 weeks an eligible child while still in care from 16.
    -- Former relevant until 21 (36%) or 25, 8% ending earlier (no longer
    -- wanting the service).  A row's true dates here; the relation's rows
    -- start on the first day at the earliest, as the other stocks do.
    IF present_opt && ARRAY['leaving_care', 'pathway_plan_review'] THEN
        rest := rest || ARRAY[$q$CREATE TEMP TABLE pg_temp.cspi_gen_lc ON COMMIT DROP AS
       WITH yp AS (
           SELECT 'l.' || c.i AS key, c.child_id, c.dob,
                  c.maxage,
                  CASE WHEN c.i = 0 OR u.h < 0.72 THEN 'at18' WHEN u.h < 0.92 THEN 'early' ELSE 'qual' END AS how,
                  (c.dob + interval '16 years')::date + floor(u.l * 700)::integer AS lft,
                  NULL::date AS elig_from
             FROM pg_temp.cspi_gen_clv c
            CROSS JOIN LATERAL (SELECT rnd('lc.how', c.i) AS h, rnd('lc.left', c.i) AS l) u
            WHERE EXISTS (SELECT 1 FROM pg_temp.cspi_gen_cl l WHERE l.child_id = c.child_id)
           UNION ALL
           SELECT 'c.' || p.pid, p.child_id, p.dob,
                  CASE WHEN rnd('lc.max', p.pid) < 0.36 THEN 21 ELSE 25 END,
                  CASE WHEN p.en >= p.b18 THEN 'at18'
                       WHEN p.cls = 'sgo' OR p.en - greatest(p.st, p.b14) < 91 THEN 'qual' ELSE 'early' END,
                  p.en,
                  CASE WHEN p.en - greatest(p.st, p.b14) >= 91 AND rnd('lc.elig', p.pid) < 0.3
                       THEN greatest(p.st, p.b16) END
             FROM (SELECT p.*, (p.dob + interval '14 years')::date AS b14, (p.dob + interval '16 years')::date AS b16,
                          (p.dob + interval '18 years')::date AS b18,
                          row_number() OVER (PARTITION BY p.child_id ORDER BY p.st DESC) AS latest
                     FROM pg_temp.cspi_gen_clap p) p
            WHERE p.latest = 1 AND p.en > p.b16
       ), y AS (
           SELECT yp.*, b.b18, b.b21,
                  least(b.bmax, CASE WHEN rnd('lc.stop', yp.key) < 0.08
                                     THEN b.b18 + 90 + floor(rnd('lc.stopd', yp.key) * (b.bmax - b.b18 - 90))::integer END) AS fr_end
             FROM yp
            CROSS JOIN LATERAL (SELECT (yp.dob + interval '18 years')::date AS b18, (yp.dob + interval '21 years')::date AS b21,
                                       (yp.dob + make_interval(years => yp.maxage))::date AS bmax) b
       )
       SELECT key, child_id, 'eligible'::text AS eligibility, elig_from AS sd, lft AS ed FROM y WHERE elig_from IS NOT NULL
       UNION ALL
       SELECT key, child_id, 'relevant', lft, b18 FROM y WHERE how = 'early'
       UNION ALL
       SELECT key, child_id, 'former_relevant', b18, fr_end FROM y WHERE how IN ('at18', 'early')
       UNION ALL
       SELECT key, child_id, 'qualifying', lft, b21 FROM y WHERE how = 'qual'$q$];
    END IF;
    -- Adoption: a child whose period of care ends in adoption has the
    -- decision that it should be placed for adoption 3 weeks to 4 months
    -- before its placement order, is matched 1 to 8 weeks before its
    -- adoptive placement (2 weeks after the decision at the earliest) and
    -- placed on the day its adoptive placement (A5, A6) starts, left
    -- blank for 15% (the episodes tell); a quarter of the children under
    -- 5 whose care ends otherwise (special guardianship, at 18, other)
    -- have a decision that is reversed 2 to 12 months later (RD1 to RD4,
    -- within the period of care).  The adoptive family is shared by
    -- siblings (85% of birth families; else each child's own), once
    -- matched.
    IF present_opt && ARRAY['adoption', 'adopter'] THEN
        rest := rest || ARRAY[$q$CREATE TEMP TABLE pg_temp.cspi_gen_adopt ON COMMIT DROP AS
       WITH pl AS (
           SELECT pid, min(start_date) AS placed
             FROM pg_temp.cspi_gen_ep WHERE placement IN ('A3', 'A4', 'A5', 'A6') GROUP BY pid
       ), a AS (
           SELECT p.pid, p.child_id, p.en, pl.placed, d.dec,
                  greatest(d.dec + 14, p.st + p.t_a - 7 - floor(rnd('ad.match', p.pid) * 50)::integer) AS matched,
                  rnd('ad.sib', p.fid) >= 0.85 AS own, CASE WHEN rnd('ad.sib', p.fid) < 0.85 THEN p.fid ELSE p.pid END AS gk,
                  NULL::date AS rev, NULL::text AS reason
             FROM pg_temp.cspi_gen_clap p
             LEFT JOIN pl ON pl.pid = p.pid
            CROSS JOIN LATERAL (SELECT p.st + p.t_e1 - 20 - floor(rnd('ad.dec', p.pid) * 100)::integer AS dec) d
            WHERE p.cls = 'adopt'
           UNION ALL
           SELECT p.pid, p.child_id, p.en, NULL, d.dec, NULL, NULL, NULL,
                  least(d.dec + 60 + floor(rnd('ad.rgap', p.pid) * 300)::integer, p.en - 1),
                  CASE WHEN rnd('ad.rr', p.pid) < 0.25 THEN 'RD1' WHEN rnd('ad.rr', p.pid) < 0.55 THEN 'RD2'
                       WHEN rnd('ad.rr', p.pid) < 0.85 THEN 'RD3' ELSE 'RD4' END
             FROM pg_temp.cspi_gen_clap p
            CROSS JOIN LATERAL (SELECT p.st + 90 + floor(rnd('ad.rdec', p.pid) * 240)::integer AS dec) d
            WHERE p.cls IN ('sgo', 'age18', 'other') AND NOT p.uasc AND p.st - p.dob < 1826
              AND rnd('ad.rev', p.pid) < 0.25 AND d.dec < p.en - 30
       )
       SELECT a.*, CASE WHEN a.matched <= $4 THEN dense_rank() OVER (ORDER BY a.own, a.gk) END AS fno
         FROM a WHERE a.dec <= $4$q$];
    END IF;

    -- child in need plans: after a quarter of the completed assessments
    -- (1 to 10 working days after), 2 to 6 months (30%), 6 to 12 (50%) or
    -- 12 to 24; stepping down from two in five ended protection plans,
    -- starting the day the plan ends, for 3 to 9 months or until the
    -- child's next protection plan (the children of assessments have
    -- none: the strands' children differ); none starting in a child's
    -- last month before 18, none starting while the child has one, each
    -- ended by 18
    IF present_opt && ARRAY['cin_plan', 'cin_episode'] THEN
        rest := rest || ARRAY[$q$CREATE TEMP TABLE pg_temp.cspi_gen_cinp ON COMMIT DROP AS
       SELECT x.key, x.rkey, x.child_id, x.ps, x.pe, x.pe = x.b18 AS at18
         FROM (SELECT b.*, max(b.pe) OVER (PARTITION BY b.child_id ORDER BY b.ps, b.key COLLATE "C"
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
                 FROM (SELECT c.key, c.rkey, c.child_id, c.ps, least(c.ps + c.dur, k.b18) AS pe, k.b18
                         FROM (SELECT a.key, a.rkey, a.child_id, wdn(ordof(a.au) + a.lg) AS ps,
                                      CASE WHEN a.ud < 0.3 THEN 60 + floor(a.ud2 * 120) WHEN a.ud < 0.8 THEN 180 + floor(a.ud2 * 185)
                                           ELSE 365 + floor(a.ud2 * 365) END::integer AS dur
                                 FROM (SELECT a.*, 1 + floor(rnd('cin.lag', a.key) * 10)::integer AS lg,
                                              rnd('cin.d', a.key) AS ud, rnd('cin.d2', a.key) AS ud2
                                         FROM (SELECT 'a.' || rkey || '.' || seq AS key, rkey, child_id, au
                                                 FROM pg_temp.cspi_gen_asmt WHERE au IS NOT NULL) a
                                        WHERE rnd('cin.has', a.key) < 0.25 OFFSET 0) a
                               UNION ALL
                               SELECT 'p.' || p.plan_id, NULL, p.child_id, p.pe,
                                      least(90 + floor(rnd('cin.pd', p.plan_id) * 180)::integer, p.next - p.pe)
                                 FROM (SELECT p.*, lead(p.ps) OVER (PARTITION BY p.child_id ORDER BY p.ps, p.plan_id) AS next
                                         FROM pg_temp.cspi_gen_plan p) p
                                WHERE p.pe IS NOT NULL AND rnd('cin.cp', p.plan_id) < 0.4) c
                         JOIN (SELECT child_id, (dob + interval '18 years')::date AS b18 FROM pg_temp.cspi_gen_kid) k
                           ON k.child_id = c.child_id
                        WHERE c.ps <= $4 AND c.ps < k.b18 - 30) b) x
        WHERE x.prev_end IS NULL OR x.prev_end < x.ps$q$];
    END IF;

    ------------------------------------------------------------------
    -- The relations added after release 1.0, where present: each filled
    -- in the columns its table has, by one statement (no temporary table
    -- but that of child in need plans above, which episodes of need read)
    ------------------------------------------------------------------
    FOR opt IN
        SELECT v.rel, v.cols, v.vals, v.src
          FROM (VALUES
    -- contacts: the one that became each referral (its source; on the
    -- day for 70%, 1 to 7 days before for the rest, not before the first
    -- day); 0 to 6 others about each referred child (1.5 on average) in
    -- the year before and the half year after the referral, ending in no
    -- further action (40%), information and advice (35%) or early help;
    -- the one before 85% of the children of family-support cases
    ('contact', ARRAY['contact_id', 'child_id', 'contact_date', 'source', 'outcome'],
     ARRAY[$q$'CT' || (10000000 + row_number() OVER (ORDER BY x.cdate, x.child_id COLLATE "C", x.key COLLATE "C"))$q$,
           'x.child_id', 'x.cdate', 'x.source', 'x.outcome'],
     $q$(SELECT 'r.' || r.rkey AS key, r.child_id,
                greatest($3, r.rdate - CASE WHEN r.ul < 0.7 THEN 0 WHEN r.ul < 0.9 THEN 1
                                            ELSE 2 + floor(r.ul2 * 6)::integer END) AS cdate,
                r.source, 'REFERRAL' AS outcome
           FROM (SELECT r.*, rnd('ct.lag', r.rkey) AS ul, rnd('ct.lag2', r.rkey) AS ul2
                   FROM $q$ || ref_src || $q$ r OFFSET 0) r
         UNION ALL
         SELECT x.key, x.child_id, x.cdate, $q$ || format(pick_source, 'x.us') || $q$,
                CASE WHEN x.uo < 0.4 THEN 'NFA' WHEN x.uo < 0.75 THEN 'INFORMATION AND ADVICE'
                     WHEN x.uo < 0.995 THEN 'EARLY HELP' END
           FROM (SELECT x.key, x.child_id, x.rdate - 365 + floor(rnd('ct.xd', x.key) * 546)::integer AS cdate,
                        rnd('ct.xs', x.key) AS us, rnd('ct.xo', x.key) AS uo
                   FROM (SELECT 'x.' || r.rkey || '.' || j AS key, r.child_id, r.rdate
                           FROM (SELECT r.*, rnd('ct.n', r.rkey) AS un, rnd('ct.n2', r.rkey) AS un2
                                   FROM pg_temp.cspi_gen_ref r OFFSET 0) r
                          CROSS JOIN LATERAL generate_series(1,
                                CASE WHEN r.un < 0.3 THEN 0 WHEN r.un < 0.6 THEN 1 WHEN r.un < 0.8 THEN 2
                                     WHEN r.un < 0.92 THEN 3 ELSE 4 + floor(r.un2 * 3)::integer END) AS j) x
                 OFFSET 0) x
           JOIN pg_temp.cspi_gen_kid k ON k.child_id = x.child_id
          WHERE x.cdate BETWEEN greatest($3, k.dob) AND least($4, (k.dob + interval '18 years')::date - 1)
         UNION ALL
         SELECT f.key, f.child_id, greatest($3, f.st - floor(rnd('ct.fd', f.key) * 30)::integer),
                $q$ || format(pick_source, 'f.us') || $q$, 'EARLY HELP'
           FROM (SELECT f.*, rnd('ct.fs', f.key) AS us
                   FROM (SELECT 'f.' || fk || '.' || j AS key, child_id, st FROM pg_temp.cspi_gen_fs) f
                  WHERE rnd('ct.fh', f.key) < 0.85 OFFSET 0) f) x$q$),
    -- child in need plans (above)
    ('cin_plan', ARRAY['plan_id', 'child_id', 'start_date', 'end_date'],
     ARRAY[$q$'CIN' || (10000000 + row_number() OVER (ORDER BY x.ps, x.child_id COLLATE "C", x.key COLLATE "C"))$q$,
           'x.child_id', 'x.ps', 'CASE WHEN x.pe <= $4 THEN x.pe END'],
     $q$(SELECT key, child_id, ps, pe FROM pg_temp.cspi_gen_cinp) x$q$),
    -- episodes of need (the CIN census's CINdetails) of the referred
    -- children, the only ones with referrals (the strands' children
    -- differ: those of protection plans and of care have none, so none of
    -- their episodes).  Each referral's involvement: a referral that no
    -- assessment follows (no further action; NFA or not recorded) ends on
    -- its completion; otherwise it lasts while the referral's assessments
    -- and the child in need plans after them do, to the end of the last
    -- (an assessment or plan still open on the last day, a referral still
    -- open or whose assessment starts after the last day: still
    -- involved).  The episode is closed that day (65% of NFA, 40% of
    -- others) or 1 to 3 (NFA) or 1 to 10 days later, open (NULL) when
    -- that is after the last day.  A referral on or before the day the
    -- child's open episode closes joins it (a re-referral starts no new
    -- one): an episode starts on its first referral and ends with the
    -- latest closing, so a child's episodes never overlap.  Reason for
    -- closure as the last involvement ended: after NFA RC8 (80%) or RC9;
    -- after an assessment RC8 (70%), RC9 (25%) or RC7; after a child in
    -- need plan RC7 (92%), RC5 (transferred, 5%), RC3 or RC4 (1.5% each),
    -- at 18 RC6 (adult services) for disabled children and 20% of the
    -- others, else RC7.  Primary need N2 for 65% of disabled children,
    -- N9 for half the NFA episodes, else N1 46%, N2 4%, N3 5%, N4 14%, N5
    -- 17%, N6 5%, N7 1.5%, N8 3.5%, N9 1%, N0 2%, NULL 1%; 1% in lower
    -- case.  Streams ce.*; a disabled child as the child's disability
    -- (ch.dis) has it.
    ('cin_episode', ARRAY['episode_id', 'child_id', 'start_date', 'end_date', 'primary_need', 'reason_closed'],
     ARRAY[$q$'CE' || (10000000 + row_number() OVER (ORDER BY x.sd, x.child_id COLLATE "C"))$q$,
           'x.child_id', 'x.sd', 'CASE WHEN x.cl <= $4 THEN x.cl END', 'x.need',
           'CASE WHEN x.cl <= $4 THEN x.rc END'],
     $q$(WITH r AS (
             SELECT r.rkey, r.child_id, r.rdate,
                    CASE WHEN r.cdate IS NULL THEN 'infinity'::date
                         WHEN r.nfa THEN r.cdate
                         WHEN e.rkey IS NULL THEN 'infinity'::date
                         ELSE e.iend END AS iend,
                    CASE WHEN r.nfa THEN 'nfa' ELSE e.kind END AS kind
               FROM (SELECT r.rkey, r.child_id, r.rdate, r.cdate,
                            r.cdate IS NOT NULL AND rnd('asm.has', r.rkey) >= 0.95 AS nfa
                       FROM pg_temp.cspi_gen_ref r) r
               LEFT JOIN (SELECT e.rkey, max(e.d) AS iend, (array_agg(e.kind ORDER BY e.d DESC, e.o DESC))[1] AS kind
                            FROM (SELECT a.rkey, coalesce(a.au, 'infinity'::date) AS d, 1 AS o, 'asmt' AS kind
                                    FROM pg_temp.cspi_gen_asmt a
                                  UNION ALL
                                  SELECT p.rkey, CASE WHEN p.pe <= $4 THEN p.pe ELSE 'infinity'::date END, 2,
                                         CASE WHEN p.at18 THEN 'plan18' ELSE 'plan' END
                                    FROM pg_temp.cspi_gen_cinp p WHERE p.rkey IS NOT NULL) e
                           GROUP BY e.rkey) e ON e.rkey = r.rkey
         ), c AS (
             SELECT r.rkey, r.child_id, r.rdate, r.kind,
                    CASE WHEN r.iend = 'infinity' OR r.ul < CASE WHEN r.kind = 'nfa' THEN 0.65 ELSE 0.4 END THEN r.iend
                         ELSE r.iend + 1 + floor(r.ul2 * CASE WHEN r.kind = 'nfa' THEN 3 ELSE 10 END)::integer END AS cl
               FROM (SELECT r.*, rnd('ce.lag', r.rkey) AS ul, rnd('ce.lag2', r.rkey) AS ul2 FROM r OFFSET 0) r
         ), i AS (
             SELECT c.*, count(*) FILTER (WHERE c.prev IS NULL OR c.rdate > c.prev)
                                 OVER (PARTITION BY c.child_id ORDER BY c.rdate, c.rkey COLLATE "C") AS eno
               FROM (SELECT c.*, max(c.cl) OVER (PARTITION BY c.child_id ORDER BY c.rdate, c.rkey COLLATE "C"
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
                       FROM c) c
         ), e AS (
             SELECT e.*, u.ud >= 0.05 AND u.ud < 0.15 AS dis, u.uk, u.un, u.uc, u.ur
               FROM (SELECT i.child_id, min(i.rdate) AS sd, max(i.cl) AS cl,
                            (array_agg(i.kind ORDER BY i.cl DESC, i.rdate DESC))[1] AS kind,
                            (array_agg(i.rkey ORDER BY i.rdate))[1] AS key
                       FROM i GROUP BY i.child_id, i.eno) e
              CROSS JOIN LATERAL (SELECT rnd('ch.dis', e.child_id) AS ud, rnd('ce.needk', e.key) AS uk,
                                         rnd('ce.need', e.key) AS un, rnd('ce.needc', e.key) AS uc,
                                         rnd('ce.rc', e.key) AS ur OFFSET 0) u
         )
         SELECT e.child_id, e.sd, e.cl,
                CASE WHEN e.uc < 0.01 THEN lower(e.nc) ELSE e.nc END AS need,
                CASE e.kind
                  WHEN 'nfa' THEN CASE WHEN e.ur < 0.8 THEN 'RC8' ELSE 'RC9' END
                  WHEN 'asmt' THEN CASE WHEN e.ur < 0.7 THEN 'RC8' WHEN e.ur < 0.95 THEN 'RC9' ELSE 'RC7' END
                  WHEN 'plan18' THEN CASE WHEN e.dis OR e.ur < 0.2 THEN 'RC6' ELSE 'RC7' END
                  ELSE CASE WHEN e.ur < 0.92 THEN 'RC7' WHEN e.ur < 0.97 THEN 'RC5'
                            WHEN e.ur < 0.985 THEN 'RC3' ELSE 'RC4' END END AS rc
           FROM (SELECT e.*,
                        CASE WHEN e.dis AND e.uk < 0.65 THEN 'N2'
                             WHEN e.kind = 'nfa' AND e.uk < 0.5 THEN 'N9'
                             WHEN e.un < 0.46 THEN 'N1' WHEN e.un < 0.50 THEN 'N2' WHEN e.un < 0.55 THEN 'N3'
                             WHEN e.un < 0.69 THEN 'N4' WHEN e.un < 0.86 THEN 'N5' WHEN e.un < 0.91 THEN 'N6'
                             WHEN e.un < 0.925 THEN 'N7' WHEN e.un < 0.96 THEN 'N8' WHEN e.un < 0.97 THEN 'N9'
                             WHEN e.un < 0.99 THEN 'N0' END AS nc
                   FROM e OFFSET 0) e) x$q$),
    -- the population by age band: the DfE's bands in shares about those
    -- of England's mid-year estimates, each within 3% of its share a
    -- year, adding up to the year's population (the last band takes the
    -- rounding)
    ('population_age_band', ARRAY['year', 'age_band', 'children'],
     ARRAY['x.year', 'x.age_band',
           'CASE WHEN x.o < 5 THEN x.n ELSE x.children - sum(x.n) OVER (PARTITION BY x.year ORDER BY x.o ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END'],
     $q$(SELECT y.year, y.children, y.age_band, y.o,
                round(y.children * y.w / sum(y.w) OVER (PARTITION BY y.year))::integer AS n
           FROM (SELECT p.year, p.children, b.age_band, b.o,
                        b.share * (0.97 + 0.06 * rnd('pop.band', p.year || '.' || b.o)) AS w
                   FROM @S@.population p
                  CROSS JOIN (VALUES ('under 1', 1, 0.055), ('1-4', 2, 0.22), ('5-9', 3, 0.28),
                                     ('10-15', 4, 0.34), ('16 and over', 5, 0.105)) AS b(age_band, o, share)
                  WHERE p.children IS NOT NULL) y) x$q$),
    -- leaving care (Annex A List 9): the rows above in the period, from
    -- the first day at the earliest, open (NULL) when they end after the
    -- last; 2% of categories capitalised
    ('leaving_care', ARRAY['child_id', 'eligibility', 'start_date', 'end_date'],
     ARRAY['x.child_id', 'x.eligibility', 'x.sd', 'x.ed'],
     $q$(SELECT l.child_id,
                CASE WHEN rnd('lc.case', l.key || '.' || l.eligibility) < 0.02 THEN initcap(l.eligibility)
                     ELSE l.eligibility END AS eligibility,
                greatest(l.sd, $3) AS sd, CASE WHEN l.ed <= $4 THEN l.ed END AS ed
           FROM pg_temp.cspi_gen_lc l
          WHERE l.sd <= $4 AND l.ed > $3) x$q$),
    -- pathway plans reviewed every 4 to 7 months from the first day of
    -- leaving care (of being eligible) to the end of the last, those in
    -- the period; 5% of young people without any
    ('pathway_plan_review', ARRAY['review_id', 'child_id', 'review_date'],
     ARRAY[$q$'PR' || (10000000 + row_number() OVER (ORDER BY x.rdate, x.child_id COLLATE "C"))$q$,
           'x.child_id', 'x.rdate'],
     $q$(SELECT y.child_id, y.pe,
                y.ps + (sum(g.gap) OVER (PARTITION BY y.child_id ORDER BY g.m))::integer AS rdate
           FROM (SELECT child_id, min(sd) AS ps, max(ed) AS pe
                   FROM pg_temp.cspi_gen_lc GROUP BY child_id) y
          CROSS JOIN LATERAL (
                SELECT m, 120 + floor(rnd('pp.g', y.child_id || '.' || m) * 90)::integer AS gap
                  FROM generate_series(1, (least(y.pe, $4) - y.ps) / 120 + 1) AS m) g
          WHERE rnd('pp.none', y.child_id) >= 0.05) x
      WHERE x.rdate BETWEEN $3 AND least(x.pe, $4)$q$),
    -- adoption decisions (above): a date after the last day blank; 5% of
    -- reasons in lower case
    ('adoption', ARRAY['child_id', 'decision_date', 'matched_date', 'placed_date', 'reversed_date',
                       'reversed_reason', 'adoptive_family_id'],
     ARRAY['x.child_id', 'x.dec', 'x.matched', 'x.placed', 'x.rev', 'x.reason', 'x.family_id'],
     $q$(SELECT a.child_id, a.dec, CASE WHEN a.matched <= $4 THEN a.matched END AS matched,
                CASE WHEN rnd('ad.pnull', a.pid) >= 0.15 THEN a.placed END AS placed,
                CASE WHEN a.rev <= $4 THEN a.rev END AS rev,
                CASE WHEN a.rev > $4 THEN NULL WHEN rnd('ad.rcase', a.pid) < 0.05 THEN lower(a.reason)
                     ELSE a.reason END AS reason,
                'AF' || (100000 + a.fno) AS family_id
           FROM pg_temp.cspi_gen_adopt a) x$q$),
    -- adopters: one (25%) or two for each adoptive family matched, their
    -- approval 1 to 10 months before the match, and back from it the
    -- agency decision, Stage 2 (4 to 6 months), Stage 1 (about 2 months,
    -- up to 3 months before Stage 2), the enquiry (1 week to 4 months
    -- before); the family's first match and placement, the children
    -- placed and the first adoption order (the end of a period of care by
    -- E11 or E12); and prospective adopters (15 families a year, from the
    -- year before the first) who have not been matched: withdrawn (30%),
    -- on hold (12%, a fifth without a date), refused at the end of Stage 2
    -- (8%), the rest in the process or approved and waiting.  The
    -- application is the start of Stage 2 (80%; else not recorded).
    -- Couples man and woman 80%, two women 10%, two men 10%; single
    -- adopters 80% women; 2.5% of genders neither, not stated or missing,
    -- 5% of families' coded 1 and 2; ethnicity as the children's, mostly
    -- the family's; disabled 4% (7% not known); fostering for adoption
    -- 12% of families (5% not known).  Dates after the last day blank.
    ('adopter', ARRAY['adopter_id', 'family_id', 'gender', 'ethnicity', 'disability', 'fostering_for_adoption',
                      'enquiry_date', 'stage1_start_date', 'stage1_end_date', 'stage2_start_date',
                      'stage2_end_date', 'application_date', 'approval_date', 'matched_date', 'placed_date',
                      'children_placed', 'adoption_order_date', 'left_date', 'left_reason'],
     ARRAY[$q$'AD' || (100000 + row_number() OVER (ORDER BY x.fno, x.j))$q$, $q$'AF' || x.fno$q$,
           $q$CASE WHEN x.ug < 0.005 THEN 'N' WHEN x.ug < 0.015 THEN 'U' WHEN x.ug < 0.025 THEN NULL
                   WHEN rnd('adr.gnum', x.fkey) < 0.05 THEN CASE x.g WHEN 'M' THEN '1' ELSE '2' END ELSE x.g END$q$,
           $q$CASE WHEN x.ue < 0.02 THEN NULL WHEN x.ue < 0.03 THEN 'REFU' ELSE $q$ || format(pick_ethnicity, 'x.ue2') || $q$ END$q$,
           $q$CASE WHEN rnd('adr.dis', x.akey) < 0.04 THEN true WHEN rnd('adr.dis', x.akey) < 0.93 THEN false END$q$,
           $q$CASE WHEN rnd('adr.ffa', x.fkey) < 0.12 THEN true WHEN rnd('adr.ffa', x.fkey) < 0.95 THEN false END$q$,
           'x.enq', 'x.s1s', 'x.s1e', 'x.s2s', 'x.s2e', 'x.appl', 'x.appr', 'x.fm', 'x.fp', 'x.np', 'x.ford',
           'x.lft', 'x.lr'],
     $q$(SELECT f.*, a.j, a.akey, a.ug, a.ue, a.ue2,
                CASE WHEN f.z = 1 THEN CASE WHEN f.uc < 0.8 THEN 'F' ELSE 'M' END
                     WHEN f.uc < 0.8 THEN CASE a.j WHEN 1 THEN 'M' ELSE 'F' END
                     WHEN f.uc < 0.9 THEN 'F' ELSE 'M' END AS g
           FROM (SELECT f.*, CASE WHEN rnd('adr.z', f.fkey) < 0.75 THEN 2 ELSE 1 END AS z, rnd('adr.comp', f.fkey) AS uc
                   FROM (SELECT 'm.' || fam.fno AS fkey, 100000 + fam.fno AS fno,
                                CASE WHEN d.enq <= $4 THEN d.enq END AS enq, CASE WHEN d.s1s <= $4 THEN d.s1s END AS s1s,
                                CASE WHEN d.s1e <= $4 THEN d.s1e END AS s1e, CASE WHEN d.s2s <= $4 THEN d.s2s END AS s2s,
                                CASE WHEN d.s2e <= $4 THEN d.s2e END AS s2e,
                                CASE WHEN d.s2s <= $4 AND rnd('adr.appl', fam.fno) < 0.8 THEN d.s2s END AS appl,
                                CASE WHEN d.appr <= $4 THEN d.appr END AS appr,
                                fam.fm, fam.fp, fam.np, fam.ford, NULL::date AS lft, NULL::text AS lr
                           FROM (SELECT fno, min(matched) AS fm, min(placed) AS fp,
                                        nullif(count(placed), 0)::integer AS np,
                                        min(en) FILTER (WHERE en <= $4) AS ford
                                   FROM pg_temp.cspi_gen_adopt WHERE fno IS NOT NULL GROUP BY fno) fam
                          CROSS JOIN LATERAL (SELECT fam.fm - 30 - floor(rnd('adr.wait', fam.fno) * 270)::integer AS appr) a1
                          CROSS JOIN LATERAL (SELECT a1.appr - floor(rnd('adr.adm', fam.fno) * 14)::integer AS s2e) a2
                          CROSS JOIN LATERAL (SELECT a2.s2e - 120 - floor(rnd('adr.s2', fam.fno) * 60)::integer AS s2s) a3
                          CROSS JOIN LATERAL (SELECT a3.s2s - floor(rnd('adr.gap', fam.fno) * 90)::integer AS s1e) a4
                          CROSS JOIN LATERAL (SELECT a4.s1e - 45 - floor(rnd('adr.s1', fam.fno) * 30)::integer AS s1s) a5
                          CROSS JOIN LATERAL (SELECT a1.appr, a2.s2e, a3.s2s, a4.s1e, a5.s1s,
                                                     a5.s1s - 7 - floor(rnd('adr.enq', fam.fno) * 120)::integer AS enq) d
                         UNION ALL
                         SELECT 'p.' || p.k, 500000 + row_number() OVER (ORDER BY p.k),
                                CASE WHEN p.enq <= $4 THEN p.enq END, p.s1s,
                                CASE WHEN p.s1e <= p.t AND p.s1e <= $4 THEN p.s1e END,
                                CASE WHEN p.s2s <= p.t AND p.s2s <= $4 THEN p.s2s END,
                                CASE WHEN p.s2e <= p.t AND p.s2e <= $4 THEN p.s2e END,
                                CASE WHEN p.s2s <= p.t AND p.s2s <= $4 AND rnd('adp.appl', p.k) < 0.8 THEN p.s2s END,
                                CASE WHEN p.lr IS DISTINCT FROM '3' AND p.appr <= p.t AND p.appr <= $4 THEN p.appr END,
                                NULL, NULL, NULL, NULL,
                                CASE WHEN p.lft <= $4 AND NOT (p.lr = '2' AND rnd('adp.nodate', p.k) < 0.2) THEN p.lft END,
                                CASE WHEN p.lft <= $4 THEN p.lr END
                           FROM (SELECT p.*, coalesce(p.lft, p.appr) AS t
                                   FROM (SELECT p.*,
                                                CASE WHEN p.uo < 0.30 THEN p.s1s + 10 + floor(p.ut * (p.appr - p.s1s - 10))::integer
                                                     WHEN p.uo < 0.42 THEN p.s1e + floor(p.ut * (p.s2e - p.s1e))::integer
                                                     WHEN p.uo < 0.50 THEN p.s2e END AS lft,
                                                CASE WHEN p.uo < 0.30 THEN '1' WHEN p.uo < 0.42 THEN '2'
                                                     WHEN p.uo < 0.50 THEN '3' END AS lr
                                           FROM (SELECT p.*, p.s2e + floor(rnd('adp.adm', p.k) * 14)::integer AS appr
                                                   FROM (SELECT p.*, p.s2s + 120 + floor(rnd('adp.s2', p.k) * 60)::integer AS s2e
                                                           FROM (SELECT p.*, p.s1e + floor(rnd('adp.gap', p.k) * 60)::integer AS s2s
                                                                   FROM (SELECT p.k, p.s1s, p.s1s - 7 - floor(rnd('adp.enq', p.k) * 120)::integer AS enq,
                                                                                p.s1s + 45 + floor(rnd('adp.s1', p.k) * 30)::integer AS s1e,
                                                                                rnd('adp.out', p.k) AS uo, rnd('adp.t', p.k) AS ut
                                                                           FROM (SELECT y * 1000 + n AS k,
                                                                                        make_date(y, 4, 1) + floor(rnd('adp.t0', y * 1000 + n) * 365)::integer AS s1s
                                                                                   FROM generate_series($5 - 1, $6 - 1) AS y
                                                                                  CROSS JOIN LATERAL generate_series(1,
                                                                                        round(15 * $2 * (0.8 + 0.4 * rnd('adp.vol', y)))::integer) AS n) p
                                                                          WHERE p.s1s <= $4) p) p) p) p) p) p) f) f
          CROSS JOIN LATERAL (SELECT a.*, CASE WHEN rnd('adr.ethown', a.akey) < 0.15 THEN rnd('adr.eth', a.akey)
                                               ELSE rnd('adr.eth', f.fkey) END AS ue2
                                FROM (SELECT j, f.fkey || '.' || j AS akey, rnd('adr.g', f.fkey || '.' || j) AS ug,
                                             rnd('adr.ethm', f.fkey || '.' || j) AS ue
                                        FROM generate_series(1, f.z) AS j) a) a) x$q$)) AS v(rel, cols, vals, src)
         WHERE v.rel = ANY (present_opt)
    LOOP
        SELECT string_agg(c, ', ' ORDER BY o), string_agg(e, ', ' ORDER BY o) INTO opt_cols, opt_vals
          FROM unnest(opt.cols, opt.vals) WITH ORDINALITY AS u(c, e, o)
         WHERE opt.rel || '.' || c = ANY (have);
        IF opt_cols IS NOT NULL THEN
            rest := rest || format('INSERT INTO @S@.%I (%s) SELECT %s FROM %s', opt.rel, opt_cols, opt_vals, opt.src);
        END IF;
    END LOOP;

    ------------------------------------------------------------------
    -- Run: setup, the child-protection and care rounds, the rest
    ------------------------------------------------------------------
    stmts := setup;
    FOR r IN 1..3 LOOP
        stmts := stmts || ARRAY(SELECT replace(x, '@ROUND@', r::text)
                                  FROM unnest(cp_round) WITH ORDINALITY AS u(x, o) ORDER BY o);
    END LOOP;
    stmts := stmts || ARRAY[
    $q$CREATE TEMP TABLE pg_temp.cspi_gen_clap (
           pid bigint PRIMARY KEY, rno integer NOT NULL, fid bigint, child_id text, family_id text,
           dob date, uasc boolean, legacy boolean, st date,
           cls text, en date, rc text, pp text, t_pp integer, track text, t_c2 integer, t_e1 integer,
           t_a integer, stab text, early integer) ON COMMIT DROP$q$,

    -- round 1: families coming into care (about 62 a year, 1.6 children
    -- each), unaccompanied asylum-seeking children (11 a year, 15 to 17),
    -- and in the first two years (65 then 12 families a year) children who
    -- mostly stay, many until 18 (the care population a real extract would
    -- have inherited)
    $q$INSERT INTO pg_temp.cspi_gen_clap (pid, rno, fid, child_id, family_id, dob, uasc, legacy, st)
       SELECT pid, 1, fid, (300000000 + row_number() OVER (ORDER BY pid))::text,
              'F' || (300000000 + dense_rank() OVER (ORDER BY fid))::text, dob, uasc, legacy, t0
         FROM (SELECT f.fid * 10 + j AS pid, f.fid, f.uasc, f.legacy, f.t0,
                      f.t0 - f.age1 + CASE WHEN j = 1 THEN 0
                                           ELSE (j - 1) * 480 + floor(rnd('cla.sib', f.fid || '.' || j) * 600)::integer END AS dob
                 FROM (SELECT fid, uasc, legacy, t0,
                              CASE WHEN uasc THEN 1
                                   WHEN legacy THEN CASE WHEN uz < 0.7 THEN 1 WHEN uz < 0.9 THEN 2 ELSE 3 END
                                   WHEN uz < 0.50 THEN 1 WHEN uz < 0.78 THEN 2 WHEN uz < 0.92 THEN 3 ELSE 4 END AS z,
                              CASE WHEN uasc THEN 5480 + floor(ua2 * 985)
                                   WHEN legacy THEN 365 + floor(ua2 * 5600)
                                   WHEN ua < 0.17 THEN floor(ua2 ^ 2 * 365)
                                   WHEN ua < 0.32 THEN 365 + floor(ua2 * 1460)
                                   WHEN ua < 0.50 THEN 1826 + floor(ua2 * 1826)
                                   WHEN ua < 0.75 THEN 3652 + floor(ua2 * 1461)
                                   ELSE 5113 + floor(ua2 * 1400) END::integer AS age1
                         FROM (SELECT fid, uasc, legacy,
                                      make_date(y, 4, 1) + floor(rnd('cla.t0', fid) * fyd)::integer AS t0,
                                      rnd('cla.z', fid) AS uz, rnd('cla.a', fid) AS ua, rnd('cla.a2', fid) AS ua2
                                 FROM (SELECT y, fyd, y::bigint * 1000000 + n AS fid, n >= 500000 AND n < 800000 AS uasc,
                                              n >= 800000 AS legacy
                                         FROM generate_series($5, $6 - 1) AS y
                                        CROSS JOIN LATERAL (SELECT make_date(y + 1, 4, 1) - make_date(y, 4, 1) AS fyd) d
                                        CROSS JOIN LATERAL (
                                              SELECT generate_series(1, round(62 * $2 * (0.88 + 0.24 * rnd('cla.vol', y)))::integer)
                                              UNION ALL
                                              SELECT 500000 + generate_series(1, round(11 * $2 * (0.7 + 0.6 * rnd('cla.uvol', y)))::integer)
                                              UNION ALL
                                              SELECT 800000 + generate_series(1, round($2 * CASE y - $5 WHEN 0 THEN 65 WHEN 1 THEN 12 ELSE 0 END)::integer)
                                              ) AS g(n)) a) b) f
                CROSS JOIN LATERAL generate_series(1, f.z) AS j) k
        WHERE dob <= t0$q$,

    -- edge case: a young child in care born on 29 February
    $q$UPDATE pg_temp.cspi_gen_clap c
          SET dob = x.leap
         FROM (SELECT pid, (SELECT max(make_date(yy, 3, 1) - 1)
                              FROM generate_series(extract(year FROM st)::integer - 4, extract(year FROM st)::integer) AS yy
                             WHERE (yy % 4 = 0 AND yy % 100 <> 0 OR yy % 400 = 0) AND make_date(yy, 3, 1) - 1 <= st) AS leap
                 FROM pg_temp.cspi_gen_clap
                WHERE NOT uasc AND NOT legacy AND st - dob < 3 * 365 AND st >= $3 + 365
                ORDER BY pid LIMIT 1) x
        WHERE c.pid = x.pid$q$
    ];
    FOR r IN 1..3 LOOP
        stmts := stmts || ARRAY(SELECT replace(x, '@ROUND@', r::text)
                                  FROM unnest(cla_round) WITH ORDINALITY AS u(x, o) ORDER BY o);
    END LOOP;
    stmts := stmts || rest;

    -- A bulk load: the change log (cspi.track_changes) would hold a copy of
    -- every row, so logging stops while it runs (the next refresh of a
    -- report over this schema is a full one), where the caller may stop it.
    paused := EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t
                        JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                        JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
                       WHERE ns.nspname = source_schema AND t.tgname = 'cspi_change_insert')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                                JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
                               WHERE ns.nspname = source_schema AND c.relname = ANY (rels || present_opt)
                                 AND NOT pg_catalog.pg_has_role(c.relowner, 'USAGE'));
    IF paused THEN
        PERFORM cspi.track_changes(source_schema, false);
    END IF;

    FOREACH stmt IN ARRAY stmts LOOP
        step := step + 1;
        -- The macros first, then the schema in one pass (cspi's one notation
        -- for generated SQL, cspi_internal.fill_template): nothing expands
        -- inside the schema's name.
        q := stmt;
        LOOP
            q2 := regexp_replace(q, '\mordof\(([^()]+)\)', '$7[\1 - $8 + 1]', 'g');
            q2 := regexp_replace(q2, '\mwdn\(([^()]+)\)', '$9[\1]', 'g');
            EXIT WHEN q2 = q;
            q := q2;
        END LOOP;
        q := regexp_replace(q, $re$\mrnd\('([^']+)',\s*([^()]+)\)$re$,
                            $re$((pg_catalog.hashtextextended('\1:' || (\2)::text, $1) & 9007199254740991)::float8 / 9007199254740992.0)$re$,
                            'g');
        q := cspi_internal.fill_template(q, ARRAY['S'], ARRAY[s]);
        t_step := clock_timestamp();
        BEGIN
            EXECUTE q USING seed::bigint, scale, d0, d1, first_year, last_year, ords, cal_base, wds, hols;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE, err_msg = MESSAGE_TEXT,
                                    err_detail = PG_EXCEPTION_DETAIL;
            RAISE EXCEPTION 'cspi.generate_source: step % failed: %', step, err_msg
                USING ERRCODE = err_state,
                      DETAIL = coalesce(err_detail || E'\n', '') || left(q, 2000);
        END;
        RAISE DEBUG 'cspi.generate_source: step % took % ms: %', step,
            round(extract(epoch FROM clock_timestamp() - t_step) * 1000), left(regexp_replace(stmt, '\s+', ' ', 'g'), 80);
    END LOOP;

    -- (those of absent relations were never made: no notice for them)
    FOREACH rel IN ARRAY temps LOOP
        IF to_regclass(format('pg_temp.%I', rel)) IS NOT NULL THEN
            EXECUTE format('DROP TABLE pg_temp.%I', rel);
        END IF;
    END LOOP;
    IF paused THEN
        PERFORM cspi.track_changes(source_schema, true);
    END IF;

    FOREACH rel IN ARRAY rels || present_opt LOOP
        EXECUTE format('SELECT count(*) FROM %s.%I', s, rel) INTO n;
        relation := rel;
        row_count := n;
        RETURN NEXT;
    END LOOP;
END
$fn$;

COMMENT ON FUNCTION cspi.generate_source(name, numeric, integer, integer, integer) IS
'Fills the empty source tables of source_schema (made by cspi.create_source_tables) with a deterministic synthetic council for 1 April first_year to 31 March last_year and returns the number of rows of each relation. scale multiplies volumes and population (scale 1: about 22,000 children; a year has 1,400 referrals, 1,550 assessments, 200 child-protection plans, 120 children starting care, about 300 in care); seed gives another council of the same shape; the same arguments always give the same rows. Where the tables have them, it also fills the contract''s optional columns and relations: the child''s sex, ethnicity, disability and UPN (some missing), the referral''s source and NFA flag, the allocation''s worker, team and locality, a child protection plan''s initial and latest categories of abuse (2% not known), an episode of care''s placement provider (as its placement type has it), postcode (district and sector) and Ofsted URN (XXXXXXX where none applies; each 4% not known), contacts (one before each referral, others ending in NFA, information and advice or early help), child in need plans and the population by age band, a care leaver''s in-touch code and accommodation (OC3), Annex A''s leaving care (eligibility and its dates), pathway plan reviews, adoption decisions (matched, placed, some reversed) and adopters (those of the adoptive families and prospective ones who left or wait), and the referred children''s episodes of need (from a referral to the end of the assessments and child in need plans after it, or closed within days after no further action; a re-referral while open starts none; primary need and reason for closure as it ended; open while still involved at the end); tables without them (made by an older create_source_tables) get the same rows in the columns they have, and such a relation that is a view is left alone. Every event lies in the period, so stocks of plans and of children in care build up in the first year or two. Edge cases: referrals received on the working day before each bank holiday and on the holiday (Easter, Christmas, substitute days; still open when the next working day is after the end), on Saturdays and on a weekend Christmas Day; records open at the end; transfer-in conferences; short breaks (V3, V4); X1 continuations; same-carer changes (T, U); temporary placements T0-T4 followed by a return; 6-monthly health reviews under 5; children born on 29 February; two plans starting 31 August of the last year but one, first reviewed on 30 November (in time) and on 1 December (late); visits with a due date; a child missing at the end. Where the caller owns the tables, the logging of their changes (cspi.track_changes) stops while it fills them and starts again after, so that the log holds no copy of the council (the next refresh of a report over them is a full one).';
