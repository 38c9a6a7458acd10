--------------------------------------------------------------------------
-- The indicator catalogue and targets
--------------------------------------------------------------------------

CREATE TABLE cspi.indicator (
    code           text PRIMARY KEY CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    section        text NOT NULL,
    title          text NOT NULL,
    unit           text NOT NULL CHECK (unit IN ('%', 'count', 'per 10,000')),
    polarity       text CHECK (polarity IN ('higher', 'lower')),
    default_target numeric,
    definition     text NOT NULL,
    display_order  integer NOT NULL DEFAULT 0,
    requires       text[] NOT NULL,
    sentence       text NOT NULL,
    explanation    text,
    sort_key       numeric
);
COMMENT ON TABLE cspi.indicator IS
'The indicator catalogue, shipped with cspi: one row per indicator of the year-end report, in the report''s order.';
COMMENT ON COLUMN cspi.indicator.code IS 'Stable code, such as REF_1WD.';
COMMENT ON COLUMN cspi.indicator.section IS 'Report section.';
COMMENT ON COLUMN cspi.indicator.title IS 'Short title.';
COMMENT ON COLUMN cspi.indicator.unit IS '%, count or per 10,000.';
COMMENT ON COLUMN cspi.indicator.polarity IS 'higher or lower is better; NULL when neither.';
COMMENT ON COLUMN cspi.indicator.default_target IS 'Target unless cspi.target sets another; NULL: none.';
COMMENT ON COLUMN cspi.indicator.definition IS 'Numerator / denominator, as computed.';
COMMENT ON COLUMN cspi.indicator.display_order IS 'Order in the report and the scorecard: 1, 2, 3... by sort_key, then code (renumbered by every install and upgrade).';
COMMENT ON COLUMN cspi.indicator.sort_key IS 'Where the indicator''s family file places it in the report (src/sql/indicators/): any number, with gaps left so that an indicator can go between two others; display_order follows it.';
COMMENT ON COLUMN cspi.indicator.requires IS 'Source relations the indicator needs; without any of them it is unavailable.';

-- Each indicator's sentence in the narrative (cspi.narrative), a template
-- that councils may reword in cspi.indicator_wording.
COMMENT ON COLUMN cspi.indicator.sentence IS
'The narrative sentence template. Placeholders: {in_period} (''In 2023/24''), {period}, {period_end} (''the end of March 2024''), {display} (''81.4% (1,119 / 1,374)''), {value} (''81.4%'', ''146'', ''65.6''), {numerator}, {denominator}, {verdict} (comparison with the previous period and the target, as a sentence or nothing), {value:CODE} for another indicator''s value in the same period, and {singular|plural} for words that follow the figure (the first when the figure is a count of exactly one: ''{value} {child was|children were}''). Override it in cspi.indicator_wording.';
COMMENT ON COLUMN cspi.indicator.explanation IS
'The definition in plain words, for readers of the report (its appendix); definition gives the exact rule.';

-- The sentences themselves: each family's file of src/sql/indicators/.

CREATE TABLE cspi.indicator_wording (
    indicator text PRIMARY KEY REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    template  text NOT NULL
);
COMMENT ON TABLE cspi.indicator_wording IS
'A council''s own sentence templates for the narrative, overriding cspi.indicator.sentence: insert or update a row with plain SQL; kept by pg_dump.';
COMMENT ON COLUMN cspi.indicator_wording.indicator IS 'Indicator code.';
COMMENT ON COLUMN cspi.indicator_wording.template IS 'The template; see cspi.indicator.sentence for the placeholders.';
SELECT pg_catalog.pg_extension_config_dump('cspi.indicator_wording', '');
GRANT SELECT ON cspi.indicator_wording TO PUBLIC;



CREATE TABLE cspi.target (
    indicator   text NOT NULL REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    from_period text NOT NULL,
    target      numeric,
    PRIMARY KEY (indicator, from_period),
    CONSTRAINT target_period_check CHECK (cspi.period_bounds(from_period) IS NOT NULL)
);
COMMENT ON TABLE cspi.target IS
'A council''s own targets: from the start of from_period (''2023/24'', ''2023/24 Q3'' or ''2023-10'') the indicator''s target is target (NULL: no target). Kept by pg_dump.';
COMMENT ON COLUMN cspi.target.indicator IS 'Indicator code (cspi.indicator.code).';
COMMENT ON COLUMN cspi.target.from_period IS 'First period the target applies to.';
COMMENT ON COLUMN cspi.target.target IS 'The target, in the indicator''s unit; NULL for none.';
SELECT pg_catalog.pg_extension_config_dump('cspi.target', '');
GRANT SELECT ON cspi.indicator, cspi.target, cspi.contract_column TO PUBLIC;


