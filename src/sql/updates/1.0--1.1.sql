-- The upgrade from cspi 1.0 to 1.1.  `make update-scripts` writes the
-- committed cspi--1.0--1.1.sql from this file, replacing each
-- "-- include: FILE" line by that file of src/sql/, so that a definition
-- that 1.1 adds or changes has one source.

--------------------------------------------------------------------------
-- Calendars read as MVCC does: a version row that every change sets.
--------------------------------------------------------------------------

-- include: calendar_version.sql

ALTER FUNCTION cspi.calendar_changed() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION cspi.calendar_changed() FROM PUBLIC;
ALTER FUNCTION cspi.calendar_changed() SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: gives the calendars a new version (cspi.calendar_version) and tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes. Runs as the extension''s owner, so that roles allowed to change calendars need no rights on cspi.calendar_version.';

ALTER TABLE cspi.calendar ENABLE ALWAYS TRIGGER calendar_changed;
ALTER TABLE cspi.holiday ENABLE ALWAYS TRIGGER holiday_changed;

--------------------------------------------------------------------------
-- Ratios: btree deduplication (equal ratios are the same pair).
--------------------------------------------------------------------------

ALTER OPERATOR FAMILY cspi.ratio_ops USING btree
    ADD FUNCTION 4 (cspi.ratio) pg_catalog.btequalimage(oid);

--------------------------------------------------------------------------
-- Functions bound at creation (SQL-standard bodies), the new checks of the
-- rate functions, local dates, the indicator codes' pattern.
--------------------------------------------------------------------------

-- include: periods.sql
-- include: workdays.sql
-- include: rates.sql
ALTER TABLE cspi.indicator ADD CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Z][A-Z0-9_]*$');

--------------------------------------------------------------------------
-- The indicator engine as data, published views over an internal schema,
-- the deployment registry, redeploy().
--------------------------------------------------------------------------

DROP FUNCTION cspi.comment_report_objects(name);
-- include: deploy.sql
-- include: engine.sql
-- include: engine_periods.sql
-- include: engine_front_door.sql
-- include: engine_child_protection.sql
-- include: engine_children_in_care.sql
-- include: engine_care_leavers.sql
-- include: engine_early_help.sql
-- include: engine_data_quality.sql
-- include: engine_indicator_value.sql
-- include: report.sql
-- scorecard() gains data_as_at, a new result type, so it is dropped and
-- created again.  Views over it (a council's, say) are kept: saved here with
-- what depends on them, dropped with it, and created again after it.
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
                AND d.refobjid OPERATOR(pg_catalog.=) 'cspi.scorecard(text, name)'::pg_catalog.regprocedure
    LOOP
        saved := saved OPERATOR(pg_catalog.||) cspi.view_statements(v)
                       OPERATOR(pg_catalog.||) cspi.recreate_statements(v, '{}');
        SELECT names OPERATOR(pg_catalog.||) pg_catalog.array_agg(
                   CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW ' ELSE 'VIEW ' END
                   OPERATOR(pg_catalog.||) c.oid::pg_catalog.regclass::text)
          INTO names
          FROM pg_catalog.pg_class c
         WHERE c.oid OPERATOR(pg_catalog.=) v
            OR c.oid IN (SELECT view_oid FROM cspi.dependent_views(v, '{}'));
    END LOOP;
    PERFORM pg_catalog.set_config('cspi.saved_views', saved::text, true);
    PERFORM pg_catalog.set_config('cspi.saved_view_names', names::text, true);
END
$save$;
DROP FUNCTION cspi.scorecard(text, name) CASCADE;
-- include: report_scorecard.sql
DO $restore$
DECLARE
    stmt text;
BEGIN
    FOREACH stmt IN ARRAY pg_catalog.current_setting('cspi.saved_views')::text[] LOOP
        EXECUTE stmt;
    END LOOP;
    -- They are the council's, not the extension's (so pg_dump keeps them).
    FOREACH stmt IN ARRAY pg_catalog.current_setting('cspi.saved_view_names')::text[] LOOP
        EXECUTE 'ALTER EXTENSION cspi DROP ' OPERATOR(pg_catalog.||) stmt;
    END LOOP;
END
$restore$;
-- include: generator.sql

-- The report schemas that cspi 1.0 deployed, into the registry, so that
-- cspi.redeploy() finds them (and scorecard() says they need it).  1.0 kept
-- a table "deployment" in each, beside its indicator_value.
DO $register$
DECLARE
    s record;
    d record;
BEGIN
    FOR s IN SELECT n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner
               FROM pg_catalog.pg_namespace n
              WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                             WHERE c.relnamespace OPERATOR(pg_catalog.=) n.oid
                               AND c.relname OPERATOR(pg_catalog.=) 'deployment' AND c.relkind OPERATOR(pg_catalog.=) 'r')
                AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                             WHERE c.relnamespace OPERATOR(pg_catalog.=) n.oid
                               AND c.relname OPERATOR(pg_catalog.=) 'indicator_value' AND c.relkind OPERATOR(pg_catalog.=) 'm')
    LOOP
        EXECUTE pg_catalog.format('SELECT source_schema, calendar, deployed_at, cspi_version FROM %I.deployment LIMIT 1',
                                  s.nspname) INTO d;
        CONTINUE WHEN d IS NULL;
        INSERT INTO cspi.deployment (report_schema, source_schema, calendar, internal_schema, cspi_version,
                                     deployed_at, deployed_by)
        VALUES (s.nspname, d.source_schema, d.calendar, NULL, d.cspi_version, d.deployed_at, s.owner)
        ON CONFLICT DO NOTHING;
    END LOOP;
END
$register$;
