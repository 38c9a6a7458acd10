-- The upgrade from cspi 1.1 to 1.2.  `make update-scripts` writes the
-- committed cspi--1.1--1.2.sql from this file, replacing each
-- "-- include: FILE" line by that file of src/sql/, so that a definition
-- that 1.2 adds or changes has one source.

--------------------------------------------------------------------------
-- A calendar of a bank holiday in any part of the UK (FOI deadlines), and
-- timestamp forms of every working-day function, reading timestamps with
-- time zone in England rather than in the session's time zone.
--------------------------------------------------------------------------

-- include: holidays_uk_any.sql
-- include: workdays.sql

--------------------------------------------------------------------------
-- Narrative sentences that name what each indicator counts and say each
-- fact once; definitions in plain words.
--------------------------------------------------------------------------

-- include: catalogue_wording.sql

--------------------------------------------------------------------------
-- The DfE's published figures (England, regions, local authorities,
-- statistical neighbours), shipped and loadable, mapped to the indicators.
--------------------------------------------------------------------------

-- include: benchmarks.sql
-- include: benchmarks_data.sql

--------------------------------------------------------------------------
-- deploy() records the council's local authority (la_code) and explains
-- the contract's kinds in words; the BI surface: indicator_value's fraction
-- and refreshed_at, the scorecard view, a comment on every published
-- column.  Report schemas gain them with cspi.redeploy().
--------------------------------------------------------------------------

DROP FUNCTION cspi.deploy(name, name, text);
-- redeploy() gains outcome and message columns.
DROP FUNCTION cspi.redeploy();
-- include: deploy.sql
DROP FUNCTION cspi.build_report_objects(name, name, name, text, text[], name[]);
-- include: engine_build.sql
DELETE FROM cspi.report_object WHERE name = 'indicator_value';
-- include: engine_indicator_value.sql
-- include: engine_cases.sql
-- data_quality names every row whose id is missing or repeated (each row
-- of a repeated id), by the columns that place it.
DELETE FROM cspi.report_object WHERE name = 'data_quality';
-- include: engine_data_quality.sql

--------------------------------------------------------------------------
-- The report: plain-words reasons, four narrative headings and a summary,
-- charts with axes and labels, the council's name, an appendix, England
-- and the statistical neighbours beside each figure.
--------------------------------------------------------------------------

-- scorecard() gains the DfE's published figures (england, region,
-- statistical_neighbours, la_published, la_quartile), a new result type, so
-- it is dropped and created again.  Views over it (a council's, say) are
-- kept: saved here with what depends on them, dropped with it, and created
-- again after it (as the upgrade from 1.0 did).
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
DROP FUNCTION cspi.trend_svg(numeric[], numeric, text, text[]);
-- include: report.sql
-- include: report_bi.sql

--------------------------------------------------------------------------
-- The statutory returns as a source: SSDA903 files and the CIN census in,
-- the contract's relations out (and back out as draft returns).
--------------------------------------------------------------------------

-- include: returns.sql
-- include: returns_source.sql

--------------------------------------------------------------------------
-- Regions: several councils' published figures pooled exactly over
-- postgres_fdw (cspi.create_region), refreshed by cspi.refresh().
--------------------------------------------------------------------------

-- include: region.sql
