--------------------------------------------------------------------------
-- cspi 1.3 to 1.4: what changes in the run-once schema
--------------------------------------------------------------------------
-- Run by cspi--1.3--1.4.sql before every file of src/sql/code/ and
-- src/sql/indicators/ runs again.

-- measure_queries gains a relation (to time one report object's share of a
-- refresh); the one-argument version goes so that CREATE OR REPLACE makes
-- the new one rather than an overload beside it.
DROP FUNCTION cspi_internal.measure_queries(text);

-- The incremental refresh: where each deployment is in its source's change
-- log, how it was last refreshed, and the first event after its latest.  refresh() gains its incremental
-- argument (the old one goes, as for measure_queries).
ALTER TABLE cspi.deployment ADD COLUMN changes_seen bigint, ADD COLUMN last_refresh text, ADD COLUMN next_event date;
COMMENT ON COLUMN cspi.deployment.next_event IS
'The first event in the report''s source after the day latest_event was found (infinity when there was none): while today is before it, an incremental refresh knows the latest event from the changes alone. NULL: not known.';
COMMENT ON COLUMN cspi.deployment.changes_seen IS
'The last entry of the source''s change log (cspi.track_changes) that its figures include: the next refresh counts the changes after it. NULL: the next refresh is a full one.';
COMMENT ON COLUMN cspi.deployment.last_refresh IS
'How cspi.refresh() last refreshed it: incremental, with the changes and children it counted again, or full, and why.';
DROP FUNCTION cspi.refresh(name);

-- The working-day distributions (issue 24): which indicators are measured
-- in working days, and their bands.
-- The indicators whose cases are measured in working days, for the
-- distributions of the views timeliness and timeliness_band: the working
-- days of each case, and the bands they are counted in.
CREATE TABLE cspi.indicator_timeliness (
    indicator    text PRIMARY KEY REFERENCES cspi.indicator_measure (indicator) ON UPDATE CASCADE,
    days         text NOT NULL,
    bands        integer[] CHECK (bands IS NULL OR (cardinality(bands) > 0 AND bands[1] = 0)),
    bands_source text,
    CONSTRAINT indicator_timeliness_source_check CHECK ((bands IS NULL) = (bands_source IS NULL))
);
COMMENT ON TABLE cspi.indicator_timeliness IS
'The indicators measured in working days (an event measure over a drill-down with each case''s working days): the distribution of the working days of each figure''s cases (the view timeliness) and their counts by band (timeliness_band). Shipped by the indicator family files.';
COMMENT ON COLUMN cspi.indicator_timeliness.indicator IS 'The indicator (its measure in cspi.indicator_measure says which rows are its cases and which are within the timescale).';
COMMENT ON COLUMN cspi.indicator_timeliness.days IS 'The working days of a case: an expression over the measure''s relation (NULL where they cannot be counted).';
COMMENT ON COLUMN cspi.indicator_timeliness.bands IS 'The first working day of each band, from 0: {0,11,16,21} is 0-10, 11-15, 16-20 and 21 and over. NULL: no bands.';
COMMENT ON COLUMN cspi.indicator_timeliness.bands_source IS 'Who publishes the bands (the DfE, LAIT, or cspi''s own from the indicator''s thresholds).';
GRANT SELECT ON cspi.indicator_timeliness TO PUBLIC;


-- Breakdowns (issue 24): the dimensions every figure is broken down by.
CREATE TABLE cspi.breakdown_dimension (
    dimension     text PRIMARY KEY CHECK (dimension ~ '^[a-z][a-z0-9_]*$'),
    display_order integer NOT NULL UNIQUE,
    requires      text[] NOT NULL,
    category      text NOT NULL,
    title         text NOT NULL
);
COMMENT ON TABLE cspi.breakdown_dimension IS
'The dimensions every figure is broken down by in the report view indicator_breakdown and that cspi.cases() gives each case: age band, sex, ethnic group, disability, unaccompanied asylum seekers, team and locality. A dimension whose source relations or columns are missing is left out (breakdown_availability says why). Shipped by cspi; adding a dimension is a row here.';
COMMENT ON COLUMN cspi.breakdown_dimension.dimension IS 'The dimension''s name (a column of cspi.cases()).';
COMMENT ON COLUMN cspi.breakdown_dimension.display_order IS 'Its place among the dimensions.';
COMMENT ON COLUMN cspi.breakdown_dimension.requires IS 'The contract relations (child) or optional columns (child.sex) it needs.';
COMMENT ON COLUMN cspi.breakdown_dimension.category IS 'The case''s category: an SQL expression over c (the case: child_id, at_date, the day the figure counts it), ch (the child''s src_child row) and al (the social worker''s src_allocation row in force on at_date, not a personal advisor''s), @R@ the report schema; it must never be NULL (unknown holds what has no value).';
COMMENT ON COLUMN cspi.breakdown_dimension.title IS 'What the dimension is, in words.';
GRANT SELECT ON cspi.breakdown_dimension TO PUBLIC;

-- cspi.cases() gains a column per dimension: its result type changes.
DROP FUNCTION cspi.cases(text, text, name);

-- A code or a flag (child.disability: a CIN census code, or true/false).
ALTER TABLE cspi.contract_column DROP CONSTRAINT contract_column_kind_check,
    ADD CONSTRAINT contract_column_kind_check CHECK (kind IN ('id', 'date', 'timestamp', 'flag', 'boolean',
                                                              'code', 'code or flag', 'numeric', 'integer'));
COMMENT ON TABLE cspi.contract_column IS
'The data contract: the columns cspi reads from each source relation and their kind (id: any type with equality; date: date, timestamp or timestamptz; timestamp: timestamp, timestamptz or date; flag: boolean, NULL counting as false; boolean; code: text matched ignoring case and spaces; code or flag: a code, or a boolean read as TRUE or FALSE; numeric; integer).';

-- The statistical neighbours' median beside their mean (issue 25):
-- cspi.benchmarks() and cspi.scorecard() gain statistical_neighbours_median,
-- a new result type, so they are dropped and created again.  Views over them
-- are kept: a council's own views over scorecard(), and every report's and
-- region's scorecard view (over benchmarks()), with what depends on them
-- (a council's views over those), are saved here with their owners,
-- comments and grants, dropped with the functions, and created again as
-- they were by src/sql/code/restore_views.sql once the new functions exist.
-- A redeploy then gives the scorecard views the new column.
DO $save$
DECLARE
    saved text[] := '{}';
    names text[] := '{}';
    v regclass;
BEGIN
    FOR v IN SELECT DISTINCT rw.ev_class::pg_catalog.regclass
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_rewrite rw ON rw.oid OPERATOR(pg_catalog.=) d.objid
              WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                AND d.refobjid IN ('cspi.scorecard(text, name)'::pg_catalog.regprocedure,
                                   'cspi.benchmarks(text, text)'::pg_catalog.regprocedure)
    LOOP
        saved := saved OPERATOR(pg_catalog.||) cspi_internal.view_statements(v)
                       OPERATOR(pg_catalog.||) cspi_internal.recreate_statements(v, '{}');
        SELECT names OPERATOR(pg_catalog.||) pg_catalog.array_agg(
                   CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW ' ELSE 'VIEW ' END
                   OPERATOR(pg_catalog.||) c.oid::pg_catalog.regclass::text)
          INTO names
          FROM pg_catalog.pg_class c
         WHERE c.oid OPERATOR(pg_catalog.=) v
            OR c.oid IN (SELECT view_oid FROM cspi_internal.dependent_views(v, '{}'));
    END LOOP;
    PERFORM pg_catalog.set_config('cspi.saved_views', saved::text, true);
    PERFORM pg_catalog.set_config('cspi.saved_view_names', names::text, true);
END
$save$;
DROP FUNCTION cspi.scorecard(text, name) CASCADE;
DROP FUNCTION cspi.benchmarks(text, text) CASCADE;

-- CP_RATE has its own measure from 1.4, cp_31_march_rate, which
-- cspi.load_dfe_file() gives for every file of plans open on 31 March (the
-- count; cspi.published_indicator_value derives the rate, as for the other
-- rates the DfE publishes only as counts).  The plans open on 31 March
-- already loaded, a council's own and cspi_dfe's, give it too, so that no
-- CP_RATE figure is lost.  (The measure's full row comes with
-- src/sql/indicators/child_protection.sql.)
INSERT INTO cspi.published_measure (measure, kind, indicator, unit, title)
VALUES ('cp_31_march_rate', 'cp_at_31_march', 'CP_RATE', 'per 10,000',
        'Child protection plans open on 31 March per 10,000 children')
ON CONFLICT (measure) DO NOTHING;
INSERT INTO cspi.published_figure (measure, time_period, geographic_level, area_code, old_la_code, area_name,
                                   region_code, value, numerator, denominator, suppression, source_file, shipped)
SELECT 'cp_31_march_rate', f.time_period, f.geographic_level, f.area_code, f.old_la_code, f.area_name,
       f.region_code, NULL, f.value, NULL, f.suppression, f.source_file, f.shipped
  FROM cspi.published_figure f
 WHERE f.measure = 'cp_31_march'
ON CONFLICT DO NOTHING;

-- Ofsted's Annex A (issue 26): the day a report's Annex A views are as at,
-- and the catalogue of the lists' columns and Ofsted's code labels (the
-- same DDL as src/sql/schema/annex_a.sql).
ALTER TABLE cspi.deployment ADD COLUMN annex_a_as_at date;
COMMENT ON COLUMN cspi.deployment.annex_a_as_at IS
'The day the report''s Annex A views (annex_a_list_1 ... annex_a_list_11) are as at: the lists'' six months end on it. NULL: today (in Europe/London). Its owner sets it (UPDATE cspi.deployment SET annex_a_as_at = ...); a deploy keeps it; cspi.annex_a() takes any day.';
CREATE TABLE cspi.annex_a_column (
    list       integer NOT NULL CHECK (list BETWEEN 1 AND 11),
    position   integer NOT NULL CHECK (position > 0),
    sheet      text NOT NULL,
    heading    text NOT NULL,
    column_name text NOT NULL CHECK (octet_length(column_name) <= 63),
    data_type  text NOT NULL CHECK (data_type IN ('text', 'date', 'integer')),
    derivation text NOT NULL,
    requires   text[] NOT NULL,
    gap        text,
    PRIMARY KEY (list, position),
    UNIQUE (list, heading),
    UNIQUE (list, column_name),
    CONSTRAINT annex_a_column_sheet_check CHECK (sheet = 'List ' || list)
);
COMMENT ON TABLE cspi.annex_a_column IS
'Ofsted''s Annex A (the eleven lists of children an inspection of children''s services asks for; doc/annex-a.md): every column of every list, its heading exactly as Ofsted''s template writes it, in the template''s order, its column name in the report views, and how cspi fills it from the data contract. The report views annex_a_list_1 ... annex_a_list_11 have these columns, and annex_a_gaps lists those the loaded data cannot fill. Shipped by cspi.';
COMMENT ON COLUMN cspi.annex_a_column.list IS 'The list, 1 to 11 (List 1 contacts ... List 11 adopters).';
COMMENT ON COLUMN cspi.annex_a_column.position IS 'The column''s place in the list, from 1, as in the template.';
COMMENT ON COLUMN cspi.annex_a_column.sheet IS 'The workbook sheet of the list: List 1 ... List 11.';
COMMENT ON COLUMN cspi.annex_a_column.heading IS 'The column''s heading, exactly as Ofsted''s template writes it (its trailing spaces trimmed): the workbook''s heading.';
COMMENT ON COLUMN cspi.annex_a_column.column_name IS 'The column''s name in the report view annex_a_list_N: the heading itself, or, for the twelve headings longer than a PostgreSQL identifier (63 bytes), a shortened form (the view column''s comment gives the heading).';
COMMENT ON COLUMN cspi.annex_a_column.data_type IS 'What the column holds: text, date or integer (the workbook writes dates as dates, integers as numbers).';
COMMENT ON COLUMN cspi.annex_a_column.derivation IS 'How cspi fills the column from the data contract, in words, and when it leaves it blank.';
COMMENT ON COLUMN cspi.annex_a_column.requires IS 'The contract relations (cp_plan) and optional columns (child.sex) the column reads: a source without one of them leaves it blank (annex_a_gaps).';
COMMENT ON COLUMN cspi.annex_a_column.gap IS 'Why cspi cannot fill the column yet whatever the source holds (the data contract has nothing for it), in words; NULL: it fills it from requires.';
GRANT SELECT ON cspi.annex_a_column TO PUBLIC;

CREATE TABLE cspi.annex_a_code (
    dimension    text NOT NULL,
    dfe_code     text NOT NULL CHECK (dfe_code = upper(btrim(dfe_code))),
    ofsted_label text NOT NULL,
    PRIMARY KEY (dimension, dfe_code)
);
COMMENT ON TABLE cspi.annex_a_code IS
'The labels Ofsted''s Annex A writes for the codes the data contract holds (its Codes_used tab): for each dimension (gender, ethnicity, source, disability, category_of_abuse, legal_status, placement_type, reason_ceased, primary_need, reason_closed, placement_provider, eligibility, in_touch, accommodation, activity, reversed_reason, adopter_gender, left_reason), each DfE code, as the contract reads it (upper case, trimmed), and Ofsted''s label (a) Male, q) 6: Police, C2: FCO). A code without a row gives a blank cell. Shipped by cspi.';
COMMENT ON COLUMN cspi.annex_a_code.dimension IS 'What the code is: gender (from child.sex), ethnicity, source (contact and referral source), disability, category_of_abuse, legal_status, placement_type, reason_ceased, primary_need, reason_closed, placement_provider, eligibility (leaving_care), in_touch, accommodation, activity (care_leaver), reversed_reason (adoption), adopter_gender, left_reason (adopter).';
COMMENT ON COLUMN cspi.annex_a_code.dfe_code IS 'The code as the data contract holds it (upper case, trimmed): a CIN census or SSDA903 code, or a value the contract accepts (TRUE, NONE).';
COMMENT ON COLUMN cspi.annex_a_code.ofsted_label IS 'Ofsted''s label for it, character for character (curly apostrophes included).';
GRANT SELECT ON cspi.annex_a_code TO PUBLIC;

-- The Standard Safeguarding Dataset as a source (issue 27): its code map.
CREATE TABLE cspi.ssd_code_map (
    item    text NOT NULL CHECK (item ~ '^[a-z][a-z_]*$'),
    value   text NOT NULL,
    key     text GENERATED ALWAYS AS (upper(btrim(value))) STORED,
    code    text,
    shipped boolean NOT NULL DEFAULT false,
    PRIMARY KEY (item, key)
);
COMMENT ON TABLE cspi.ssd_code_map IS
'How cspi.source_from_ssd() reads the coded columns of the Standard Safeguarding Dataset: for each item (legal_status, reason_new, reason_ceased, placement, immigration_status, activity, accommodation_suitable, in_touch, ...; doc/ssd.md lists them and the columns they read), each value an SSD build writes (matched ignoring case and surrounding spaces) and the data contract''s code it stands for (NULL: a placeholder, read as missing). Shipped rows hold the DfE''s codes and the known spellings of the SystemC and Eclipse builds; a council adds its own (kept by pg_dump). A value with no row is read as given and listed by the source schema''s data_quality view.';
COMMENT ON COLUMN cspi.ssd_code_map.item IS 'What the value is (doc/ssd.md lists the items and the SSD columns each reads).';
COMMENT ON COLUMN cspi.ssd_code_map.value IS 'The value as an SSD build writes it (a code or a description).';
COMMENT ON COLUMN cspi.ssd_code_map.key IS 'The value upper-cased and trimmed: what a value is matched on.';
COMMENT ON COLUMN cspi.ssd_code_map.code IS 'The data contract''s code for it; NULL: the value is a placeholder (such as Eclipse''s DQ placement type), read as missing.';
COMMENT ON COLUMN cspi.ssd_code_map.shipped IS 'Shipped by cspi (replaced by an upgrade); a council''s own rows, or shipped rows it changed and marked false, are kept by pg_dump and by upgrades.';
SELECT pg_catalog.pg_extension_config_dump('cspi.ssd_code_map', 'WHERE NOT shipped');
GRANT SELECT ON cspi.ssd_code_map TO PUBLIC;
