-- The upgrade from cspi 1.2 to 1.3: the changes to what src/sql/schema/
-- creates once (tables, types, their comments), by hand.  make builds
-- cspi--1.2--1.3.sql from this delta followed by every file of
-- src/sql/code/ and src/sql/indicators/, which are run again whole.

-- The report's order comes from each indicator's sort_key (its family file
-- leaves gaps), so that adding an indicator renumbers nothing by hand;
-- display_order is renumbered from it (code/indicator_order.sql).
ALTER TABLE cspi.indicator DROP CONSTRAINT indicator_display_order_key;
ALTER TABLE cspi.indicator ALTER COLUMN display_order SET DEFAULT 0;
ALTER TABLE cspi.indicator ADD COLUMN sort_key numeric;
COMMENT ON COLUMN cspi.indicator.display_order IS 'Order in the report and the scorecard: 1, 2, 3... by sort_key, then code (renumbered by every install and upgrade).';
COMMENT ON COLUMN cspi.indicator.sort_key IS 'Where the indicator''s family file places it in the report (src/sql/indicators/): any number, with gaps left so that an indicator can go between two others; display_order follows it.';

-- The contract relations the statutory returns give become rows, so that
-- an indicator family can add one in its own file.
CREATE TABLE cspi.returns_relation (
    relation    text PRIMARY KEY,
    return      text NOT NULL CHECK (return IN ('any', 'ssda903', 'cin')),
    build_order integer NOT NULL UNIQUE,
    definition  text NOT NULL
);
COMMENT ON TABLE cspi.returns_relation IS
'The data contract''s relations that the statutory returns give: cspi.source_from_returns makes each a view over the staging tables, in build_order, when its return is loaded. Shipped with cspi; an indicator family that adds a relation to the contract adds its row.';
COMMENT ON COLUMN cspi.returns_relation.relation IS 'The contract relation (cspi.contract_column.relation).';
COMMENT ON COLUMN cspi.returns_relation.return IS 'The return it comes from: ssda903, cin (the CIN census) or any (either).';
COMMENT ON COLUMN cspi.returns_relation.build_order IS 'Views are made in this order.';
COMMENT ON COLUMN cspi.returns_relation.definition IS 'The view''s query; @RETURNS@ stands for the returns schema (an identifier).';
GRANT SELECT ON cspi.returns_relation TO PUBLIC;

-- The synthetic council generator moves to the companion extension
-- cspi_synthetic (CREATE EXTENSION cspi_synthetic brings it back, in schema
-- cspi, with the same name and signature): it is not part of what a
-- council's warehouse needs.
DROP FUNCTION cspi.generate_source(name, numeric, integer, integer, integer);

-- The DfE's published figures move to the companion extension cspi_dfe
-- (versioned by publication year): its rows shipped with cspi go, a
-- council's own loads stay.  CREATE EXTENSION cspi_dfe brings them back.
DELETE FROM cspi.published_figure WHERE shipped;
DELETE FROM cspi.statistical_neighbour WHERE shipped;
DO $dfe$
BEGIN
    RAISE NOTICE 'the DfE''s published figures are now the extension cspi_dfe'
        USING HINT = 'Run CREATE EXTENSION cspi_dfe to have them again beside your figures.';
END
$dfe$;

-- Sentences say singular and plural with {singular|plural} (one notation,
-- in place of eight fixed rewrites of "1 children were" and the like).
COMMENT ON COLUMN cspi.indicator.sentence IS
'The narrative sentence template. Placeholders: {in_period} (''In 2023/24''), {period}, {period_end} (''the end of March 2024''), {display} (''81.4% (1,119 / 1,374)''), {value} (''81.4%'', ''146'', ''65.6''), {numerator}, {denominator}, {verdict} (comparison with the previous period and the target, as a sentence or nothing), {value:CODE} for another indicator''s value in the same period, and {singular|plural} for words that follow the figure (the first when the figure is a count of exactly one: ''{value} {child was|children were}''). Override it in cspi.indicator_wording.';

-- Internal helpers leave the API schema for cspi_internal (the code that
-- follows creates them there again, CREATE OR REPLACE).
CREATE SCHEMA cspi_internal;
COMMENT ON SCHEMA cspi_internal IS
'cspi''s internal helpers: SQL generation, the checks of a source against the data contract, the steps of deploy and of a region''s refresh. Not an API: they may change in any version. Called by the functions of schema cspi.';
GRANT USAGE ON SCHEMA cspi_internal TO PUBLIC;
ALTER FUNCTION cspi.published_number(text,text,integer,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.published_suppression(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.contract_base_type(regtype) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.contract_accepts(text,regtype) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.contract_kind_words(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.contract_expression(text,regtype,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.owns_schema(name) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.check_schema_owner(name,text,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.require_indicator_value(name,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.require_restricted_operation(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.deploy_restricted(name,name,text,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.lock_published_views(name) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.fill_template(text,text[],text[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.measure_columns(cspi.indicator_measure,bigint) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.measure_row(cspi.indicator_measure,bigint) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.measure_queries(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.dependent_views(regclass,name[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.view_statements(oid) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.recreate_statements(regclass,name[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.publish_view(name,text,text,boolean,name[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.contract_type(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.build_report_objects(name,name,name,text,text[],name[],text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.comment_report_columns(name,text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.relation_noun(text) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.no_figure_reason(text,text[],boolean) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.csv_line(text[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.return_csv_line(text,text[],text[]) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.region_internal_sql() SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.region_member_sql(name,integer,name,name) SET SCHEMA cspi_internal;
ALTER FUNCTION cspi.pull_region_member(name,integer) SET SCHEMA cspi_internal;
