--------------------------------------------------------------------------
-- The indicator engine: what deploy() builds, as data, and how it builds it
--------------------------------------------------------------------------
--
-- A report schema holds the published objects (a stable API: names and
-- columns only ever grow): the drill-down views, data_quality, period,
-- indicator_value, deployment and indicator_availability.  The materialized
-- views behind period and indicator_value live in an internal schema of the
-- deployment (cspi_internal_N, one per deploy), beside copies of the views
-- they are computed from; the published period and indicator_value are views
-- over them.  A deploy builds a whole new internal schema first, reading the
-- sources but locking nothing a reader uses, then switches the published
-- views to it with CREATE OR REPLACE VIEW (which keeps the views, grants and
-- comments that councils made over them) and drops the old one: readers wait
-- only for that last moment.
--
-- cspi.report_object holds every object's definition (files engine_*.sql,
-- one per indicator family) and cspi.indicator_measure what each indicator
-- counts; deploy() walks them.

CREATE TABLE cspi.report_object (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*$'),
    kind        text NOT NULL CHECK (kind IN ('view', 'materialized view')),
    build_order integer NOT NULL UNIQUE,
    family      text NOT NULL,
    unique_key  text,
    definition  text NOT NULL,
    comment     text NOT NULL,
    CONSTRAINT report_object_key_check CHECK ((kind = 'materialized view') = (unique_key IS NOT NULL))
);
COMMENT ON COLUMN cspi.report_object.name IS 'The object''s name in the report schema.';
COMMENT ON COLUMN cspi.report_object.kind IS 'view, or materialized view (built in the internal schema and published as a view over it).';
COMMENT ON COLUMN cspi.report_object.build_order IS 'Objects are built in this order: an object may use those before it.';
COMMENT ON COLUMN cspi.report_object.family IS 'The family of indicators it serves (the engine_*.sql file that defines it).';
COMMENT ON COLUMN cspi.report_object.unique_key IS 'Materialized views: the columns of their unique index, which REFRESH ... CONCURRENTLY needs.';
COMMENT ON COLUMN cspi.report_object.comment IS 'Its comment in the report schema.';

CREATE TABLE cspi.indicator_measure (
    indicator      text PRIMARY KEY REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('event', 'snapshot', 'query')),
    relation       text REFERENCES cspi.report_object (name),
    anchor         text,
    row_filter     text,
    count_distinct text,
    numerator      text,
    denominator    text,
    query          text,
    cases_query    text,
    CONSTRAINT indicator_measure_fields_check CHECK (CASE kind
        WHEN 'event' THEN relation IS NOT NULL AND anchor IS NOT NULL AND numerator IS NOT NULL AND query IS NULL
        WHEN 'snapshot' THEN relation IS NOT NULL AND anchor IS NULL AND numerator IS NOT NULL AND query IS NULL
        ELSE query IS NOT NULL AND cases_query IS NOT NULL AND relation IS NULL END)
);
COMMENT ON TABLE cspi.indicator_measure IS
'What each indicator counts. event: rows of relation placed in the period by anchor (a date); snapshot: rows of relation at each month end (its period_end column), a period taking its last month end; query: a hand-written query returning (period_type, period, num, den). Every indicator of the catalogue has one; adding an indicator over an existing drill-down is a row in cspi.indicator and a row here.';
COMMENT ON COLUMN cspi.indicator_measure.indicator IS 'The indicator (cspi.indicator.code).';
COMMENT ON COLUMN cspi.indicator_measure.kind IS 'event, snapshot or query.';
COMMENT ON COLUMN cspi.indicator_measure.relation IS 'The drill-down (cspi.report_object) whose rows are counted.';
COMMENT ON COLUMN cspi.indicator_measure.anchor IS 'event: the date (a column or expression of relation) that places a row in a period; rows without one are not counted.';
COMMENT ON COLUMN cspi.indicator_measure.row_filter IS 'Which rows count at all (a boolean expression over relation''s columns); NULL: every row.';
COMMENT ON COLUMN cspi.indicator_measure.count_distinct IS 'What is counted distinct (such as child_id); NULL: rows.';
COMMENT ON COLUMN cspi.indicator_measure.numerator IS 'Which counted rows are in the numerator (a boolean expression; true: all). An event measure may compare with period_end, the end of the period counted.';
COMMENT ON COLUMN cspi.indicator_measure.denominator IS 'Which counted rows are in the denominator (a boolean expression); NULL: none (counts, and rates, whose denominator is the population).';
COMMENT ON COLUMN cspi.indicator_measure.query IS 'query: the query, returning period_type, period, num and den; @R@ is the schema it runs in.';
COMMENT ON COLUMN cspi.indicator_measure.cases_query IS 'query: the cases behind a figure (cspi.cases), returning in_numerator, child_id, case_id, case_date and details for the period from $1 to $2; @R@ is the schema it runs in.';

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

-- Which report schema was deployed from what, by which version of cspi.
-- pg_dump keeps it.  Anyone may read it; only a role that owns a report
-- schema (or is a member of its owner) may change its row.
CREATE SEQUENCE cspi.deployment_generation_seq;
COMMENT ON SEQUENCE cspi.deployment_generation_seq IS
'Numbers the internal schemas of deployments (cspi_internal_N).';
CREATE TABLE cspi.deployment (
    report_schema   name PRIMARY KEY,
    source_schema   name NOT NULL,
    calendar        text NOT NULL,
    internal_schema name,
    cspi_version    text NOT NULL,
    deployed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    deployed_by     name NOT NULL DEFAULT CURRENT_USER,
    refreshed_at    timestamptz,
    la_code         text,
    latest_event    date,
    changes_seen    bigint,
    last_refresh    text,
    next_event      date,
    annex_a_as_at   date
);
COMMENT ON TABLE cspi.deployment IS
'The deployment registry: each report schema, the source schema and calendar it was deployed with, its internal schema, the version of cspi that deployed it and when it was last refreshed. cspi.redeploy() reads it; pg_dump keeps it.';
COMMENT ON COLUMN cspi.deployment.report_schema IS 'The report schema.';
COMMENT ON COLUMN cspi.deployment.source_schema IS 'The source schema it reads.';
COMMENT ON COLUMN cspi.deployment.calendar IS 'The calendar working days are counted with.';
COMMENT ON COLUMN cspi.deployment.internal_schema IS 'Where its materialized views live; NULL for a schema deployed by cspi 1.0, which kept them in the report schema.';
COMMENT ON COLUMN cspi.deployment.cspi_version IS 'The version of cspi that deployed it; cspi.redeploy() brings it to the installed one.';
COMMENT ON COLUMN cspi.deployment.deployed_at IS 'When it was deployed.';
COMMENT ON COLUMN cspi.deployment.deployed_by IS 'The role that deployed it.';
COMMENT ON COLUMN cspi.deployment.refreshed_at IS 'When cspi.refresh() last refreshed it (NULL: not since it was deployed).';
COMMENT ON COLUMN cspi.deployment.latest_event IS
'The latest event in the report''s source (cspi.latest_event_date) when it was last deployed or refreshed: the date its data is as at.';
COMMENT ON COLUMN cspi.deployment.next_event IS
'The first event in the report''s source after the day latest_event was found (infinity when there was none): while today is before it, an incremental refresh knows the latest event from the changes alone. NULL: not known.';
COMMENT ON COLUMN cspi.deployment.changes_seen IS
'The last entry of the source''s change log (cspi.track_changes) that its figures include: the next refresh counts the changes after it. NULL: the next refresh is a full one.';
COMMENT ON COLUMN cspi.deployment.last_refresh IS
'How cspi.refresh() last refreshed it: incremental, with the changes and children it counted again, or full, and why.';
COMMENT ON COLUMN cspi.deployment.annex_a_as_at IS
'The day the report''s Annex A views (annex_a_list_1 ... annex_a_list_11) are as at: the lists'' six months end on it. NULL: today (in Europe/London). Its owner sets it (UPDATE cspi.deployment SET annex_a_as_at = ...); a deploy keeps it; cspi.annex_a() takes any day.';
COMMENT ON COLUMN cspi.deployment.la_code IS
'The council''s local authority, its old three-digit code (cspi.local_authority): the DfE''s published figures for it, its region and its statistical neighbours go beside its own. NULL: England''s figures only.';
SELECT pg_catalog.pg_extension_config_dump('cspi.deployment', '');
SELECT pg_catalog.pg_extension_config_dump('cspi.deployment_generation_seq', '');
ALTER TABLE cspi.deployment ENABLE ROW LEVEL SECURITY;
CREATE POLICY deployment_read ON cspi.deployment FOR SELECT USING (true);
CREATE POLICY deployment_owner_insert ON cspi.deployment FOR INSERT
    WITH CHECK (pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
CREATE POLICY deployment_owner_update ON cspi.deployment FOR UPDATE
    USING (pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
CREATE POLICY deployment_owner_delete ON cspi.deployment FOR DELETE
    USING (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema)
           OR pg_catalog.pg_has_role(CURRENT_USER,
        (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.=) report_schema), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON cspi.deployment TO PUBLIC;
GRANT USAGE ON SEQUENCE cspi.deployment_generation_seq TO PUBLIC;
GRANT SELECT ON cspi.report_object, cspi.indicator_measure TO PUBLIC;

-- The placeholders of the report objects' definitions (since 1.2:
-- @SCHEMA@).
COMMENT ON TABLE cspi.report_object IS
'Every object cspi.deploy() creates in a report schema besides the src_ views, in build order: its kind, its family of indicators, its query and its comment. In a definition, @R@ stands for the schema it is built in (an identifier), @SCHEMA@ for its name (a literal) and @CAL@ for the calendar (a literal); indicator_value''s @EVENTS@ and @SNAPSHOTS@ are made from cspi.indicator_measure.';
COMMENT ON COLUMN cspi.report_object.definition IS 'The query, with @R@, @SCHEMA@ and @CAL@ (and @EVENTS@, @SNAPSHOTS@) placeholders, filled once, in one pass.';


-- The dimensions a figure is broken down by (the view indicator_breakdown,
-- and cspi.cases()): which contract relations or columns each needs, and
-- how a case's category is found.
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
