--------------------------------------------------------------------------
-- The DfE's published figures: England, regions, every local authority and
-- its statistical neighbours, beside cspi's own figures
--------------------------------------------------------------------------
-- The DfE publishes each year, on Explore Education Statistics, every local
-- authority's children's social care figures with the regional and England
-- ones, as "tidy" CSV files; and a statistical-neighbour model naming each
-- authority's ten most similar authorities.  The companion extension
-- cspi_dfe ships the latest two years of the files that match cspi's
-- indicators (data/dfe/, loaded by CREATE EXTENSION cspi_dfe), and cspi
-- loads a council's newer files the same
-- way: cspi.load_dfe_file(file, content).  cspi.published_measure maps the
-- DfE's measures to cspi's indicators, saying where the definitions differ.
--
-- Shipped rows (shipped = true) are what CREATE EXTENSION loads; pg_dump
-- keeps only a council's own loads.  A council's load of a measure and
-- year shadows the shipped one (cspi.published_figure_current), so that a
-- dump restores on top of the shipped rows without a conflict.

CREATE TABLE cspi.dfe_file (
    kind        text PRIMARY KEY,
    file_name   text NOT NULL,
    columns     text[] NOT NULL,
    required    text[] NOT NULL,
    description text NOT NULL
);
COMMENT ON TABLE cspi.dfe_file IS
'The DfE files cspi.load_dfe_file() reads: each kind, the file name the DfE publishes it under (any name containing it is recognised), the columns it may have (any other is refused) and those it must have.';
COMMENT ON COLUMN cspi.dfe_file.kind IS 'The kind of file, which cspi.load_dfe_file() also accepts as its name.';
COMMENT ON COLUMN cspi.dfe_file.file_name IS 'The name, or the start of the name, of the file as published.';
COMMENT ON COLUMN cspi.dfe_file.columns IS 'Every column the file may have (matched ignoring case).';
COMMENT ON COLUMN cspi.dfe_file.required IS 'The columns it must have.';
COMMENT ON COLUMN cspi.dfe_file.description IS 'What the file holds.';
GRANT SELECT ON cspi.dfe_file TO PUBLIC;

CREATE TABLE cspi.published_measure (
    measure     text PRIMARY KEY,
    kind        text NOT NULL REFERENCES cspi.dfe_file (kind),
    indicator   text REFERENCES cspi.indicator (code) ON UPDATE CASCADE,
    unit        text NOT NULL CHECK (unit IN ('%', 'count', 'per 10,000')),
    title       text NOT NULL,
    difference  text
);
COMMENT ON TABLE cspi.published_measure IS
'Each DfE measure cspi reads, and the cspi indicator it is compared with (NULL: none), with where the two definitions differ.';
COMMENT ON COLUMN cspi.published_measure.measure IS 'The measure''s name in cspi.published_figure.';
COMMENT ON COLUMN cspi.published_measure.kind IS 'The DfE file it comes from (cspi.dfe_file).';
COMMENT ON COLUMN cspi.published_measure.indicator IS 'The cspi indicator it measures; NULL for a measure used only to compute another (the population).';
COMMENT ON COLUMN cspi.published_measure.unit IS 'Its unit, the indicator''s.';
COMMENT ON COLUMN cspi.published_measure.title IS 'What the DfE measures, in its words.';
COMMENT ON COLUMN cspi.published_measure.difference IS 'Where the DfE''s definition differs from the indicator''s (NULL: none known).';
GRANT SELECT ON cspi.published_measure TO PUBLIC;

CREATE TABLE cspi.published_figure (
    measure          text NOT NULL REFERENCES cspi.published_measure (measure) ON UPDATE CASCADE,
    time_period      integer NOT NULL,
    geographic_level text NOT NULL CHECK (geographic_level IN ('National', 'Regional', 'Local authority')),
    area_code        text NOT NULL,
    old_la_code      text,
    area_name        text NOT NULL,
    region_code      text,
    value            numeric,
    numerator        numeric,
    denominator      numeric,
    suppression      text CHECK (suppression IN ('c', 'x', 'z', 'k', 'u', 'low')),
    source_file      text NOT NULL,
    shipped          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (measure, time_period, geographic_level, area_code, shipped)
);
COMMENT ON TABLE cspi.published_figure IS
'The DfE''s published figures, one row per measure, year, area: England (National), a region or a local authority. Rows shipped with cspi have shipped = true; cspi.load_dfe_file() adds a council''s own loads, which shadow the shipped rows of the same measure and year (cspi.published_figure_current). Kept by pg_dump (a council''s loads only).';
COMMENT ON COLUMN cspi.published_figure.measure IS 'The measure (cspi.published_measure).';
COMMENT ON COLUMN cspi.published_figure.time_period IS 'The year ending 31 March of that year (2025: the financial year 2024/25); for the population, the year of the 30 June estimate.';
COMMENT ON COLUMN cspi.published_figure.geographic_level IS 'National (England), Regional or Local authority.';
COMMENT ON COLUMN cspi.published_figure.area_code IS 'The area''s ONS code: E92000001 for England, E12... for a region, the local authority''s new_la_code (its old three-digit code when the file has no ONS code).';
COMMENT ON COLUMN cspi.published_figure.old_la_code IS 'A local authority''s old three-digit code (302: Barnet).';
COMMENT ON COLUMN cspi.published_figure.area_name IS 'England, the region''s or the local authority''s name.';
COMMENT ON COLUMN cspi.published_figure.region_code IS 'A local authority''s region as the file gives it (Inner or Outer London for London boroughs).';
COMMENT ON COLUMN cspi.published_figure.value IS 'The figure in the indicator''s unit; NULL when suppressed or not published.';
COMMENT ON COLUMN cspi.published_figure.numerator IS 'The published numerator of a percentage or rate (a count, children in care), where published.';
COMMENT ON COLUMN cspi.published_figure.denominator IS 'The published denominator (the children counted, the population), where published.';
COMMENT ON COLUMN cspi.published_figure.suppression IS 'Why the value is missing: c (confidential, small numbers), x (not available), z (not applicable), k (fewer than 0.5), u (low reliability); NULL when published.';
COMMENT ON COLUMN cspi.published_figure.source_file IS 'The file it was loaded from.';
COMMENT ON COLUMN cspi.published_figure.shipped IS 'True for the figures shipped with cspi.';
SELECT pg_catalog.pg_extension_config_dump('cspi.published_figure', 'WHERE NOT shipped');
GRANT SELECT ON cspi.published_figure TO PUBLIC;

CREATE TABLE cspi.statistical_neighbour (
    old_la_code    text NOT NULL,
    la_name        text NOT NULL,
    region_name    text,
    neighbour_rank integer NOT NULL CHECK (neighbour_rank BETWEEN 1 AND 10),
    neighbour_code text NOT NULL,
    closeness      text,
    source_file    text NOT NULL,
    shipped        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (old_la_code, neighbour_rank, shipped)
);
COMMENT ON TABLE cspi.statistical_neighbour IS
'The DfE''s statistical-neighbour model: each local authority''s ten most similar authorities, closest first. A council''s own load of a model replaces the shipped one. Kept by pg_dump (a council''s loads only).';
COMMENT ON COLUMN cspi.statistical_neighbour.old_la_code IS 'The local authority''s old three-digit code.';
COMMENT ON COLUMN cspi.statistical_neighbour.la_name IS 'Its name.';
COMMENT ON COLUMN cspi.statistical_neighbour.region_name IS 'Its region.';
COMMENT ON COLUMN cspi.statistical_neighbour.neighbour_rank IS '1 for the closest neighbour to 10.';
COMMENT ON COLUMN cspi.statistical_neighbour.neighbour_code IS 'The neighbour''s old three-digit code.';
COMMENT ON COLUMN cspi.statistical_neighbour.closeness IS 'The model''s word for how close (Close, Somewhat close...).';
COMMENT ON COLUMN cspi.statistical_neighbour.source_file IS 'The file it was loaded from.';
COMMENT ON COLUMN cspi.statistical_neighbour.shipped IS 'True for the model shipped with cspi.';
SELECT pg_catalog.pg_extension_config_dump('cspi.statistical_neighbour', 'WHERE NOT shipped');
GRANT SELECT ON cspi.statistical_neighbour TO PUBLIC;
