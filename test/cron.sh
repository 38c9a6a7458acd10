#!/usr/bin/env bash
# cron.sh: doc/operations.md's scheduled refresh, as written there, works: pg_cron
# (preloaded by tools/throwaway-cluster.sh, with cron.use_background_workers
# = on) runs cspi.refresh() in the council's database from the database it
# lives in (cron.database_name, postgres by default), and
# cron.job_run_details records that it succeeded; the deployment registry
# records the refresh.  As the doc says, the report belongs to a role of
# its own and the job runs as that role (pg_cron's username), never as the
# superuser.  The doc schedules it nightly ('0 2 * * *'); here
# it runs every minute, so this waits for up to two minutes.  Needs a server
# with pg_cron preloaded (PGHOST/PGPORT/PGUSER); uses its own database.
set -eu
db=cspi_cron
owner=cspi_cron_reports
trap 'psql -X -q -d postgres -c "DROP EXTENSION IF EXISTS pg_cron" >/dev/null 2>&1; dropdb --if-exists "$db" >/dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -d postgres -c "DROP ROLE IF EXISTS $owner" -c "CREATE ROLE $owner LOGIN" >/dev/null
q -d "$db" -c "GRANT CREATE ON DATABASE $db TO $owner" >/dev/null
q -d "$db" -v owner="$owner" >/dev/null <<'SQL'
CREATE EXTENSION cspi;
CREATE EXTENSION cspi_synthetic;
CREATE EXTENSION cspi_dfe;
SET ROLE :"owner";
SELECT cspi.create_source_tables('csc_source');
SELECT cspi.generate_source('csc_source', 0.05, 1, 2022, 2024);
SELECT count(*) FROM cspi.deploy('csc_source', 'cspi_report');
SQL

# The doc's recipe, in the database pg_cron lives in.
q -d postgres >/dev/null <<SQL
CREATE EXTENSION pg_cron;
SELECT cron.schedule_in_database('cspi-refresh', '* * * * *',
                                 \$\$SELECT cspi.refresh('cspi_report')\$\$, '$db', username => '$owner');
SQL

status=""
for i in $(seq 1 75); do
	status=$(q -d postgres -c "SELECT d.status FROM cron.job_run_details d JOIN cron.job j USING (jobid)
	                            WHERE j.jobname = 'cspi-refresh' AND d.status IN ('succeeded', 'failed')
	                            ORDER BY d.runid LIMIT 1")
	[ -n "$status" ] && break
	sleep 2
done
if [ "$status" != succeeded ]; then
	echo "cron: the scheduled refresh did not succeed (status: ${status:-no run in 150 s})"
	q -d postgres -c "SELECT status, return_message FROM cron.job_run_details" || true
	exit 1
fi
refreshed=$(q -d "$db" -c "SELECT refreshed_at IS NOT NULL FROM cspi.deployment WHERE report_schema = 'cspi_report'")
[ "$refreshed" = t ] || { echo "cron: the registry did not record the refresh"; exit 1; }
q -d postgres -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'cspi-refresh'" >/dev/null
echo "cron: pg_cron ran cspi.refresh() in $db and it succeeded"
