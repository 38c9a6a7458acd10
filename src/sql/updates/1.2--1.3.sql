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
