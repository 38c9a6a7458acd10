--------------------------------------------------------------------------
-- The statutory returns as a source: SSDA903 files and the CIN census in
--------------------------------------------------------------------------
-- Every English council already produces the SSDA903 return (children
-- looked after: CSV files header, episodes, reviews, uasc, oc2, oc3, ad1,
-- placed_for_adoption, previous_permanence, missing, sw_episodes) and the
-- Children in Need census (XML).  cspi loads them into staging tables in a
-- returns schema, one collection year at a time (cspi.import_903,
-- cspi.import_cin_census), and cspi.source_from_returns() makes the data
-- contract's relations as views over them (returns_source.sql).  The
-- collection year is the year the return's year ends (2024: 1 April 2023
-- to 31 March 2024), as the DfE's time_period.

CREATE TABLE cspi.return_file (
    kind         text PRIMARY KEY,
    columns      text[] NOT NULL,
    date_columns text[] NOT NULL,
    required     text[] NOT NULL,
    description  text NOT NULL
);
COMMENT ON TABLE cspi.return_file IS
'The SSDA903 files cspi.import_903() reads: each kind, its columns (the DfE''s names), which of them are dates and which a file must have.';
COMMENT ON COLUMN cspi.return_file.kind IS 'The file kind, as cspi.import_903() takes it (episodes, header...).';
COMMENT ON COLUMN cspi.return_file.columns IS 'Its columns, as the DfE names them (matched ignoring case).';
COMMENT ON COLUMN cspi.return_file.date_columns IS 'The columns that are dates (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd).';
COMMENT ON COLUMN cspi.return_file.required IS 'The columns a file of this kind must have.';
COMMENT ON COLUMN cspi.return_file.description IS 'What the file holds.';
GRANT SELECT ON cspi.return_file TO PUBLIC;

-- The DfE's code lists (the 903 guide and validator), for data_quality.
CREATE TABLE cspi.return_code (
    kind        text NOT NULL REFERENCES cspi.return_file (kind),
    column_name text NOT NULL,
    codes       text[] NOT NULL,
    PRIMARY KEY (kind, column_name)
);
COMMENT ON TABLE cspi.return_code IS
'The DfE''s code lists for SSDA903 columns: a value outside its list is listed by the returns schema''s data_quality view (the row is still loaded and used where it can be).';
COMMENT ON COLUMN cspi.return_code.kind IS 'The file kind.';
COMMENT ON COLUMN cspi.return_code.column_name IS 'The column.';
COMMENT ON COLUMN cspi.return_code.codes IS 'The codes the DfE accepts, in any collection year from 2022/23.';
GRANT SELECT ON cspi.return_code TO PUBLIC;
