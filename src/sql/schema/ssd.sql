--------------------------------------------------------------------------
-- The Standard Safeguarding Dataset as a source: its code map
--------------------------------------------------------------------------
-- Data to Insight's Standard Safeguarding Dataset (SSD) is built from
-- SystemC, Mosaic, Eclipse and other case-management systems; its builds
-- spell the same items differently (the SystemC build writes descriptions
-- where the Eclipse build writes codes).  cspi.source_from_ssd()
-- (ssd_source.sql) reads every coded SSD column through this map; a value
-- the map lacks is read as given and listed by the source schema's
-- data_quality view.  cspi ships the DfE's codes and the spellings of both
-- builds that are known; a council adds its own rows.

CREATE TABLE cspi.ssd_code_map (
    item    text NOT NULL CHECK (item ~ '^[a-z][a-z_]*$'),
    value   text NOT NULL,
    key     text GENERATED ALWAYS AS (upper(btrim(value))) STORED,
    code    text,
    shipped boolean NOT NULL DEFAULT false,
    PRIMARY KEY (item, key)
);
COMMENT ON TABLE cspi.ssd_code_map IS
'How cspi.source_from_ssd() reads the coded columns of the Standard Safeguarding Dataset: for each item (legal_status, reason_new, reason_ceased, placement, immigration_status, activity, accommodation_suitable, in_touch, ...; doc/ssd.md lists them and the columns they read), each value an SSD build writes (matched ignoring case and surrounding spaces) and the data contract''s code it stands for (NULL: a placeholder, read as missing). Shipped rows hold the DfE''s codes and the known spellings of the SystemC and Eclipse builds; a council adds its own (kept by pg_dump). A value with no row is read as given and listed by the source schema''s data_quality view.';
COMMENT ON COLUMN cspi.ssd_code_map.item IS 'What the value is (doc/ssd.md lists the items and the SSD columns each reads).';
COMMENT ON COLUMN cspi.ssd_code_map.value IS 'The value as an SSD build writes it (a code or a description).';
COMMENT ON COLUMN cspi.ssd_code_map.key IS 'The value upper-cased and trimmed: what a value is matched on.';
COMMENT ON COLUMN cspi.ssd_code_map.code IS 'The data contract''s code for it; NULL: the value is a placeholder (such as Eclipse''s DQ placement type), read as missing.';
COMMENT ON COLUMN cspi.ssd_code_map.shipped IS 'Shipped by cspi (replaced by an upgrade); a council''s own rows, or shipped rows it changed and marked false, are kept by pg_dump and by upgrades.';
SELECT pg_catalog.pg_extension_config_dump('cspi.ssd_code_map', 'WHERE NOT shipped');
GRANT SELECT ON cspi.ssd_code_map TO PUBLIC;
