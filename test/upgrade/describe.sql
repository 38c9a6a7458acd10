-- describe.sql: everything extension cspi owns, as text, so that an
-- extension upgraded from an older release can be compared with a fresh
-- install of the current one (test/upgrade/upgrade.sh).  Lines are sorted;
-- the calendar version (a sequence value) is left out, everything else is in.
SET datestyle = 'ISO, YMD';
SET extra_float_digits = 0;
\pset format unaligned
\pset tuples_only on

WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'cspi'),
members AS (
    SELECT d.classid, d.objid, d.objsubid
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid
       AND d.deptype = 'e'),
lines AS (
    -- every member object
    SELECT 'member ' || pg_describe_object(classid, objid, objsubid) AS line
      FROM members
    UNION ALL
    -- functions: definition, comment, privileges, settings
    SELECT 'function ' || p.oid::regprocedure || E'\n'
           || CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE pg_get_functiondef(p.oid) END
           || E'\ncomment ' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
           || E'\nacl ' || coalesce(p.proacl::text, '-')
      FROM pg_proc p WHERE p.pronamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'aggregate ' || a.aggfnoid::regprocedure || ' ' || a.aggtransfn::regproc || ' '
           || a.aggcombinefn::regproc || ' ' || a.aggmtransfn::regproc || ' '
           || a.aggminvtransfn::regproc || ' ' || coalesce(a.agginitval, '-') || ' '
           || a.aggsortop::regoperator || ' ' || p.proparallel::text
      FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
     WHERE p.pronamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    -- relations: kind, privileges, comment, columns, constraints, indexes,
    -- view definitions, triggers and whether they fire
    SELECT 'relation ' || c.oid::regclass || ' ' || c.relkind::text || ' acl '
           || coalesce(c.relacl::text, '-') || ' comment '
           || coalesce(obj_description(c.oid, 'pg_class'), '-')
      FROM pg_class c WHERE c.relnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'column ' || a.attrelid::regclass || '.' || a.attname || ' '
           || format_type(a.atttypid, a.atttypmod) || ' notnull ' || a.attnotnull
           || ' default ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '-')
           || ' comment ' || coalesce(col_description(a.attrelid, a.attnum), '-')
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE c.relnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace) AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'index ' || pg_get_indexdef(indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'view ' || c.oid::regclass || E'\n' || pg_get_viewdef(c.oid)
      FROM pg_class c WHERE c.relnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace) AND c.relkind IN ('v', 'm')
    UNION ALL
    SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace) AND NOT t.tgisinternal
    UNION ALL
    -- types, operators, operator families and casts
    SELECT 'type ' || t.oid::regtype || ' ' || t.typlen || ' ' || t.typalign::text || ' '
           || t.typstorage::text || ' comment ' || coalesce(obj_description(t.oid, 'pg_type'), '-')
      FROM pg_type t WHERE t.typnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'operator ' || o.oid::regoperator || ' ' || o.oprcode::regproc || ' '
           || o.oprcom::regoperator || ' ' || o.oprnegate::regoperator || ' '
           || o.oprrest::regproc || ' ' || o.oprjoin::regproc || ' '
           || o.oprcanmerge || ' ' || o.oprcanhash
           || ' comment ' || coalesce(obj_description(o.oid, 'pg_operator'), '-')
      FROM pg_operator o WHERE o.oprnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'opfamily ' || f.opfname || ' ' || am.amname || ' proc ' || p.amprocnum || ' '
           || p.amproclefttype::regtype || ' ' || p.amprocrighttype::regtype || ' '
           || p.amproc::regprocedure
      FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
      JOIN pg_am am ON am.oid = f.opfmethod
     WHERE f.opfnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'opfamily ' || f.opfname || ' ' || am.amname || ' op ' || o.amopstrategy || ' '
           || o.amopopr::regoperator
      FROM pg_amop o JOIN pg_opfamily f ON f.oid = o.amopfamily
      JOIN pg_am am ON am.oid = f.opfmethod
     WHERE f.opfnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'opclass ' || c.opcname || ' ' || am.amname || ' default ' || c.opcdefault
      FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod
     WHERE c.opcnamespace IN ('cspi'::regnamespace, 'cspi_internal'::regnamespace)
    UNION ALL
    SELECT 'cast ' || c.castsource::regtype || ' -> ' || c.casttarget::regtype || ' '
           || c.castfunc::regprocedure || ' ' || c.castcontext::text
      FROM pg_cast c WHERE c.castsource = 'cspi.ratio'::regtype OR c.casttarget = 'cspi.ratio'::regtype
    UNION ALL
    SELECT 'schema acl ' || coalesce(nspacl::text, '-') FROM pg_namespace WHERE nspname = 'cspi'
    UNION ALL
    -- Each configuration table with its own dump condition (the arrays'
    -- order is the order of registration, which may differ).
    SELECT 'config ' || u.tab::regclass || ' ' || coalesce(nullif(u.cond, ''), '-')
      FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS u(tab, cond)
     WHERE e.extname = 'cspi'
)
SELECT line FROM lines ORDER BY line;

-- The data the extension ships (the council's own calendar rows are its own).
SELECT 'rows cspi.calendar ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.calendar t WHERE shipped;
SELECT 'rows cspi.holiday ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.holiday t WHERE shipped;
SELECT 'rows cspi.indicator ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.indicator t;
SELECT 'rows cspi.contract_column ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.contract_column t;
SELECT 'rows cspi.calendar_version ' || count(*) FROM cspi.calendar_version;
SELECT 'rows cspi.report_object ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.report_object t;
SELECT 'rows cspi.indicator_measure ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.indicator_measure t;
SELECT 'rows cspi.report_column ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.report_column t;
SELECT 'rows cspi.dfe_file ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.dfe_file t;
SELECT 'rows cspi.published_measure ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.published_measure t;
SELECT 'rows cspi.published_figure ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.published_figure t WHERE shipped;
SELECT 'rows cspi.statistical_neighbour ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM cspi.statistical_neighbour t WHERE shipped;
