-- Create the extension; every public object it makes has a comment.
CREATE EXTENSION cspi;
-- The synthetic council generator is not part of cspi: it comes with the
-- companion extension cspi_synthetic, in schema cspi, for the tests.
SELECT to_regproc('cspi.generate_source') IS NULL AS no_generator_in_cspi;
CREATE EXTENSION cspi_synthetic;
-- The DfE's published figures are the companion extension cspi_dfe: without
-- it, a deploy for a local authority says how to get them.
SELECT count(*) AS published_figures FROM cspi.published_figure;
SELECT cspi.find_local_authority('302');
CREATE EXTENSION cspi_dfe;
SELECT extversion FROM pg_extension WHERE extname = 'cspi_dfe';
SELECT count(*) > 0 AS published_figures, (cspi.find_local_authority('302')).la_name FROM cspi.published_figure;
SELECT e.extname, e.extversion, n.nspname AS schema,
       (SELECT array_agg(r.extname) FROM pg_extension r WHERE r.oid = ANY (d.refs)) AS requires
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  CROSS JOIN LATERAL (SELECT array_agg(dep.refobjid) AS refs FROM pg_depend dep
                       WHERE dep.classid = 'pg_extension'::regclass AND dep.objid = e.oid
                         AND dep.refclassid = 'pg_extension'::regclass) d
 WHERE e.extname = 'cspi_synthetic';

SELECT extversion FROM pg_extension WHERE extname = 'cspi';

-- Functions (of schemas cspi and cspi_internal), tables, views and types
-- of schema cspi without a comment.
SELECT p.oid::regprocedure::text AS uncommented
  FROM pg_proc p
 WHERE p.pronamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
   AND obj_description(p.oid, 'pg_proc') IS NULL
UNION ALL
SELECT c.oid::regclass::text
  FROM pg_class c
 WHERE c.relnamespace = 'cspi'::regnamespace AND c.relkind IN ('r', 'v', 'm')
   AND obj_description(c.oid, 'pg_class') IS NULL
UNION ALL
SELECT t.oid::regtype::text
  FROM pg_type t
 WHERE t.typnamespace = 'cspi'::regnamespace AND t.typtype IN ('b', 'd', 'e')
   AND t.typcategory <> 'A'
   AND obj_description(t.oid, 'pg_type') IS NULL;

-- Every function with its volatility, parallel safety and strictness: the
-- table-backed working-day functions are STABLE and the ones given their
-- holidays IMMUTABLE, all PARALLEL SAFE and STRICT except Excel's .INTL
-- twins, where NULL means an omitted argument; so are the ratio and
-- rate functions; deploy and its helpers change the database (VOLATILE).
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
  FROM pg_proc p
 WHERE p.pronamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace) AND p.prorettype <> 'trigger'::regtype
 ORDER BY p.proname, p.oid::regprocedure::text;
