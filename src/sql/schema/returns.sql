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

-- The contract's relations that the statutory returns give, as queries
-- over the staging tables (cspi.source_from_returns).
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
