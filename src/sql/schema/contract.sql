-- The contract itself, in the database: every column deploy() checks.
CREATE TABLE cspi.contract_column (
    relation    text NOT NULL,
    column_name text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('id', 'date', 'timestamp', 'flag', 'boolean',
                                              'code', 'code or flag', 'numeric', 'integer')),
    position    integer NOT NULL,
    meaning     text NOT NULL,
    optional    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (relation, column_name)
);
COMMENT ON TABLE cspi.contract_column IS
'The data contract: the columns cspi reads from each source relation and their kind (id: any type with equality; date: date, timestamp or timestamptz; timestamp: timestamp, timestamptz or date; flag: boolean, NULL counting as false; boolean; code: text matched ignoring case and spaces; code or flag: a code, or a boolean read as TRUE or FALSE; numeric; integer).';
COMMENT ON COLUMN cspi.contract_column.relation IS 'Source relation name.';
COMMENT ON COLUMN cspi.contract_column.column_name IS 'Column name (fixed by the contract).';
COMMENT ON COLUMN cspi.contract_column.kind IS 'What cspi accepts there (see the table comment).';
COMMENT ON COLUMN cspi.contract_column.position IS 'Order of the column in the relation.';
COMMENT ON COLUMN cspi.contract_column.meaning IS 'What the column means.';
COMMENT ON COLUMN cspi.contract_column.optional IS
'The source may lack this column (the statutory returns have no referral completion date): its src_ view reads NULL, and the indicators that require relation.column are unavailable.';

