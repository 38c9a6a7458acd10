--------------------------------------------------------------------------
-- Ofsted's Annex A (issue 26): the catalogue of its lists' columns and the
-- code labels Ofsted asks for
--------------------------------------------------------------------------
-- The rows are the product's, upserted by src/sql/code/annex_a.sql; the
-- same DDL is in src/sql/updates/1.3--1.4.sql for an upgrade.

CREATE TABLE cspi.annex_a_column (
    list       integer NOT NULL CHECK (list BETWEEN 1 AND 11),
    position   integer NOT NULL CHECK (position > 0),
    sheet      text NOT NULL,
    heading    text NOT NULL,
    column_name text NOT NULL CHECK (octet_length(column_name) <= 63),
    data_type  text NOT NULL CHECK (data_type IN ('text', 'date', 'integer')),
    derivation text NOT NULL,
    requires   text[] NOT NULL,
    gap        text,
    PRIMARY KEY (list, position),
    UNIQUE (list, heading),
    UNIQUE (list, column_name),
    CONSTRAINT annex_a_column_sheet_check CHECK (sheet = 'List ' || list)
);
COMMENT ON TABLE cspi.annex_a_column IS
'Ofsted''s Annex A (the eleven lists of children an inspection of children''s services asks for; doc/annex-a.md): every column of every list, its heading exactly as Ofsted''s template writes it, in the template''s order, its column name in the report views, and how cspi fills it from the data contract. The report views annex_a_list_1 ... annex_a_list_11 have these columns, and annex_a_gaps lists those the loaded data cannot fill. Shipped by cspi.';
COMMENT ON COLUMN cspi.annex_a_column.list IS 'The list, 1 to 11 (List 1 contacts ... List 11 adopters).';
COMMENT ON COLUMN cspi.annex_a_column.position IS 'The column''s place in the list, from 1, as in the template.';
COMMENT ON COLUMN cspi.annex_a_column.sheet IS 'The workbook sheet of the list: List 1 ... List 11.';
COMMENT ON COLUMN cspi.annex_a_column.heading IS 'The column''s heading, exactly as Ofsted''s template writes it (its trailing spaces trimmed): the workbook''s heading.';
COMMENT ON COLUMN cspi.annex_a_column.column_name IS 'The column''s name in the report view annex_a_list_N: the heading itself, or, for the twelve headings longer than a PostgreSQL identifier (63 bytes), a shortened form (the view column''s comment gives the heading).';
COMMENT ON COLUMN cspi.annex_a_column.data_type IS 'What the column holds: text, date or integer (the workbook writes dates as dates, integers as numbers).';
COMMENT ON COLUMN cspi.annex_a_column.derivation IS 'How cspi fills the column from the data contract, in words, and when it leaves it blank.';
COMMENT ON COLUMN cspi.annex_a_column.requires IS 'The contract relations (cp_plan) and optional columns (child.sex) the column reads: a source without one of them leaves it blank (annex_a_gaps).';
COMMENT ON COLUMN cspi.annex_a_column.gap IS 'Why cspi cannot fill the column yet whatever the source holds (the data contract has nothing for it), in words; NULL: it fills it from requires.';
GRANT SELECT ON cspi.annex_a_column TO PUBLIC;

CREATE TABLE cspi.annex_a_code (
    dimension    text NOT NULL,
    dfe_code     text NOT NULL CHECK (dfe_code = upper(btrim(dfe_code))),
    ofsted_label text NOT NULL,
    PRIMARY KEY (dimension, dfe_code)
);
COMMENT ON TABLE cspi.annex_a_code IS
'The labels Ofsted''s Annex A writes for the codes the data contract holds (its Codes_used tab): for each dimension (gender, ethnicity, source, disability, category_of_abuse, legal_status, placement_type, reason_ceased, primary_need, reason_closed, placement_provider, eligibility, in_touch, accommodation, activity, reversed_reason, adopter_gender, left_reason), each DfE code, as the contract reads it (upper case, trimmed), and Ofsted''s label (a) Male, q) 6: Police, C2: FCO). A code without a row gives a blank cell. Shipped by cspi.';
COMMENT ON COLUMN cspi.annex_a_code.dimension IS 'What the code is: gender (from child.sex), ethnicity, source (contact and referral source), disability, category_of_abuse, legal_status, placement_type, reason_ceased, primary_need, reason_closed, placement_provider, eligibility (leaving_care), in_touch, accommodation, activity (care_leaver), reversed_reason (adoption), adopter_gender, left_reason (adopter).';
COMMENT ON COLUMN cspi.annex_a_code.dfe_code IS 'The code as the data contract holds it (upper case, trimmed): a CIN census or SSDA903 code, or a value the contract accepts (TRUE, NONE).';
COMMENT ON COLUMN cspi.annex_a_code.ofsted_label IS 'Ofsted''s label for it, character for character (curly apostrophes included).';
GRANT SELECT ON cspi.annex_a_code TO PUBLIC;
