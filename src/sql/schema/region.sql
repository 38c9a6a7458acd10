--------------------------------------------------------------------------
-- Regional pooling: several councils' published figures, pooled exactly
--------------------------------------------------------------------------
-- A region is a schema whose indicator_value pools the published
-- indicator_value of its member councils, read over postgres_fdw: the
-- numerators and denominators are summed and the figure computed again
-- (never an average of percentages; a rate from the summed counts and the
-- summed populations).  Only what a member publishes crosses the wire: its
-- report schema's indicator_value, indicator_availability and deployment,
-- never a child-level row.  cspi.refresh() pulls the members; a member that
-- cannot be read keeps its last good figures, and says why.
--
-- cspi.region and cspi.region_member are the registry; each region has an
-- internal schema (cspi_region_N) with the foreign tables of its members,
-- the figures last pulled from each, and the views (indicator_value
-- materialized) that the region schema publishes.

CREATE TABLE cspi.region (
    region_schema   name PRIMARY KEY,
    name            text,
    internal_schema name NOT NULL,
    suppress_below  integer CHECK (suppress_below BETWEEN 2 AND 1000),
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    created_by      name NOT NULL DEFAULT CURRENT_USER,
    refreshed_at    timestamptz
);
COMMENT ON TABLE cspi.region IS
'The regions (cspi.create_region): each region schema, its name, its internal schema, its small-count suppression and when it was last refreshed. pg_dump keeps it.';
COMMENT ON COLUMN cspi.region.region_schema IS 'The region schema, whose indicator_value pools the members''.';
COMMENT ON COLUMN cspi.region.name IS 'The region''s name, for its report (''North West'').';
COMMENT ON COLUMN cspi.region.internal_schema IS 'Where its foreign tables, the figures pulled from its members and the views behind its published ones live.';
COMMENT ON COLUMN cspi.region.suppress_below IS 'Counts from 1 to suppress_below - 1 are suppressed in what the region publishes (see cspi.discloses_small_count); NULL: nothing is suppressed.';
COMMENT ON COLUMN cspi.region.created_at IS 'When cspi.create_region() made it.';
COMMENT ON COLUMN cspi.region.created_by IS 'The role that made it.';
COMMENT ON COLUMN cspi.region.refreshed_at IS 'When cspi.refresh() last pulled its members (NULL: never).';

CREATE TABLE cspi.region_member (
    region_schema name NOT NULL REFERENCES cspi.region ON UPDATE CASCADE ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position > 0),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    server        name NOT NULL,
    report_schema name NOT NULL,
    la_code       text,
    status        text NOT NULL DEFAULT 'not refreshed'
                  CHECK (status IN ('not refreshed', 'ok', 'unreachable', 'incompatible', 'failed')),
    message       text,
    attempted_at  timestamptz,
    figures_from  timestamptz,
    computed_at   timestamptz,
    cspi_version  text,
    figures_version text,
    time_limit    interval NOT NULL DEFAULT '1 minute'
                  CHECK (time_limit > '0 seconds' AND time_limit <= '1 day'),
    PRIMARY KEY (region_schema, position),
    UNIQUE (region_schema, name)
);
COMMENT ON TABLE cspi.region_member IS
'The member councils of each region: the postgres_fdw server and report schema their published figures are read from, and how the last refresh went. pg_dump keeps it.';
COMMENT ON COLUMN cspi.region_member.region_schema IS 'The region.';
COMMENT ON COLUMN cspi.region_member.position IS 'The member''s place in the list given to cspi.create_region() (1, 2, ...).';
COMMENT ON COLUMN cspi.region_member.name IS 'The council''s name, as the region''s report shows it.';
COMMENT ON COLUMN cspi.region_member.server IS 'The postgres_fdw foreign server of the council''s database.';
COMMENT ON COLUMN cspi.region_member.report_schema IS 'The council''s report schema on that server.';
COMMENT ON COLUMN cspi.region_member.la_code IS 'The council''s local authority, its old three-digit code (cspi.local_authority); NULL when not given.';
COMMENT ON COLUMN cspi.region_member.status IS 'How the last refresh went: ok, unreachable (the server could not be reached), incompatible (another version of cspi, or a report schema without what the region reads), failed (any other error, such as a privilege the region''s role lacks), or not refreshed.';
COMMENT ON COLUMN cspi.region_member.message IS 'Why it is not ok; for an ok member, the indicators it has no figure for, and why.';
COMMENT ON COLUMN cspi.region_member.attempted_at IS 'When the last refresh tried to read it.';
COMMENT ON COLUMN cspi.region_member.figures_from IS 'When the figures the region holds for it were read (the last refresh that reached it); NULL: none yet.';
COMMENT ON COLUMN cspi.region_member.computed_at IS 'When the council last computed those figures (its own cspi.refresh()).';
COMMENT ON COLUMN cspi.region_member.cspi_version IS 'The version of cspi that deployed the council''s report schema, as last read.';
COMMENT ON COLUMN cspi.region_member.time_limit IS 'How long a refresh may spend reading this member (create_region''s "time_limit", default 1 minute): a member still being read then is marked failed and keeps its last good figures, and the others are refreshed.';
COMMENT ON COLUMN cspi.region_member.figures_version IS 'The version of cspi that computed the figures the region holds for it: they are pooled only while it is the region''s own version.';

SELECT pg_catalog.pg_extension_config_dump('cspi.region', '');
SELECT pg_catalog.pg_extension_config_dump('cspi.region_member', '');

-- Anyone may read the registry; only a role that owns a region schema (or
-- is a member of its owner) may change its rows (cspi_internal.owns_schema).
ALTER TABLE cspi.region ENABLE ROW LEVEL SECURITY;
ALTER TABLE cspi.region_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_read ON cspi.region FOR SELECT USING (true);
CREATE POLICY region_owner ON cspi.region USING (cspi_internal.owns_schema(region_schema)) WITH CHECK (cspi_internal.owns_schema(region_schema));
CREATE POLICY region_member_read ON cspi.region_member FOR SELECT USING (true);
CREATE POLICY region_member_owner ON cspi.region_member
    USING (cspi_internal.owns_schema(region_schema)) WITH CHECK (cspi_internal.owns_schema(region_schema));
GRANT SELECT, INSERT, UPDATE, DELETE ON cspi.region, cspi.region_member TO PUBLIC;
