CREATE OR REPLACE FUNCTION cspi.calendar_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_changed' LANGUAGE C
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION cspi.calendar_changed() FROM PUBLIC;
COMMENT ON FUNCTION cspi.calendar_changed() IS
'Trigger: gives the calendars a new version (cspi.calendar_version) and tells every session to drop its compiled calendars when cspi.calendar or cspi.holiday changes. Runs as the extension''s owner, so that roles allowed to change calendars need no rights on cspi.calendar_version.';

CREATE OR REPLACE FUNCTION cspi.calendar_guard() RETURNS trigger
    AS 'MODULE_PATHNAME', 'cspi_calendar_guard' LANGUAGE C;
COMMENT ON FUNCTION cspi.calendar_guard() IS
'Trigger: refuses changes to the rows shipped with cspi outside its own scripts.';

CREATE OR REPLACE TRIGGER calendar_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.calendar
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
CREATE OR REPLACE TRIGGER holiday_guard BEFORE INSERT OR UPDATE OR DELETE ON cspi.holiday
    FOR EACH ROW EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER holiday_guard_truncate BEFORE TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_guard();
CREATE OR REPLACE TRIGGER holiday_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cspi.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION cspi.calendar_changed();
GRANT USAGE ON SCHEMA cspi TO PUBLIC;
GRANT SELECT ON cspi.calendar, cspi.holiday TO PUBLIC;
-- A change must reach the version also when it arrives by logical
-- replication or in a session with session_replication_role = replica.
ALTER TABLE cspi.calendar ENABLE ALWAYS TRIGGER calendar_changed;
ALTER TABLE cspi.holiday ENABLE ALWAYS TRIGGER holiday_changed;
