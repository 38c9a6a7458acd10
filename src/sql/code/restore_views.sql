--------------------------------------------------------------------------
-- Views an upgrade saved, created again
--------------------------------------------------------------------------
-- When a function's result type changes, the upgrade's delta
-- (src/sql/updates/) saves the views over it (a council's own, a report's
-- or a region's, and what depends on them) in the settings
-- cspi.saved_views and cspi.saved_view_names, and drops the function with
-- them.  This file, the last that every script runs, creates them again
-- as they were, now that the new functions exist, and leaves them to their
-- owners: they are not the extension's (so pg_dump keeps them).  On an
-- install, or an upgrade that saved none, it does nothing.
DO $restore$
DECLARE
    stmt text;
BEGIN
    FOREACH stmt IN ARRAY coalesce(nullif(pg_catalog.current_setting('cspi.saved_views', true), ''), '{}')::text[] LOOP
        EXECUTE stmt;
    END LOOP;
    FOREACH stmt IN ARRAY coalesce(nullif(pg_catalog.current_setting('cspi.saved_view_names', true), ''), '{}')::text[] LOOP
        EXECUTE 'ALTER EXTENSION cspi DROP ' OPERATOR(pg_catalog.||) stmt;
    END LOOP;
    PERFORM pg_catalog.set_config('cspi.saved_views', '', true);
    PERFORM pg_catalog.set_config('cspi.saved_view_names', '', true);
END
$restore$;
