--------------------------------------------------------------------------
-- The BI surface: the scorecard as a view, and a comment on every column
-- of every published view
--------------------------------------------------------------------------
-- BI tools (Power BI, Tableau, Metabase) list what they can read from
-- information_schema and show column comments as descriptions: every
-- object of a report schema is a plain view, and deploy() comments each of
-- its columns from cspi.report_column (src_ views: from the data contract).

CREATE TABLE cspi.report_column (
    object      text NOT NULL DEFAULT '',
    column_name text NOT NULL,
    comment     text NOT NULL,
    PRIMARY KEY (object, column_name)
);
COMMENT ON TABLE cspi.report_column IS
'The comment deploy() puts on each column of the report schema''s published views: the row for the view and column, else the row for the column in every view (object ''''). Columns of the src_ views take the data contract''s meaning (cspi.contract_column).';
COMMENT ON COLUMN cspi.report_column.object IS 'The published view; '''' for a column of that name in any view.';
COMMENT ON COLUMN cspi.report_column.column_name IS 'The column.';
COMMENT ON COLUMN cspi.report_column.comment IS 'Its comment.';
GRANT SELECT ON cspi.report_column TO PUBLIC;
