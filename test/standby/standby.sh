#!/usr/bin/env bash
# standby.sh: a streaming hot standby serves a council's report, as BI
# tools that read from a replica see it.
#
# A database of its own on the primary (the cluster that pg_virtualenv
# started: PGHOST/PGPORT/PGUSER/PGPASSWORD, $PG_CONFIG the version under
# test) with a generated council deployed to cspi_report; a standby made
# from it with pg_basebackup --checkpoint=fast -X stream -R (a replication
# slot of its own), on a free port with its own socket directory,
# hot_standby = on.  Then:
#   - every read of the report (the published views indicator_value,
#     period, scorecard and indicator_availability, cspi.scorecard(),
#     narrative(), report_html(), cases(), a figure, and the calendar
#     functions working_days, add_working_days and networkdays on the
#     default calendar) gives on the standby what it gives on the primary;
#   - a holiday added to england-and-wales and a source row changed and
#     refreshed on the primary reach the standby: the same reads again equal
#     the primary's, the working-day counts and the figure differ from
#     before, and a session on the standby that counted before the change
#     counts with the new calendar after it (its cached calendar dropped).
# Prints "standby: N of N reads equal".  The standby is stopped and its
# directory removed however the script ends; every wait is bounded.
set -eu
cd "$(dirname "$0")/../.."
: "${PG_CONFIG:?set PG_CONFIG to the pg_config of the version under test}"
bindir=$("$PG_CONFIG" --bindir)
export PATH="$bindir:$PATH"
db=cspi_standby_test
slot=cspi_standby_test
fail=0
reads=0
equal=0

# The cluster runs as the postgres OS user when we are root (initdb and
# postgres refuse root): so do the standby's files and server.
as_server_user() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
work=$(mktemp -d -t cspi-standby.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
standby_dir=$work/data
socket_dir=$work/socket
standby_log=$work/standby.log
as_server_user mkdir -m 0700 "$socket_dir"
hba_file=
hba_saved=
session_pid=

cleanup() {
	set +e
	if [ -n "$session_pid" ]; then
		kill "$session_pid" 2>/dev/null
		wait "$session_pid" 2>/dev/null
	fi
	if [ -f "$standby_dir/postmaster.pid" ]; then
		as_server_user pg_ctl -D "$standby_dir" -m immediate -w -t 60 stop >/dev/null 2>&1
	fi
	if [ $fail -ne 0 ] && [ -s "$standby_log" ]; then
		echo "standby: the standby's log (last 30 lines):"
		tail -30 "$standby_log" | sed 's/^/  /'
	fi
	rm -rf "$work"
	psql -X -q -A -t -d postgres \
		-c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot'" >/dev/null 2>&1
	if [ -n "$hba_saved" ]; then
		cat "$hba_saved" > "$hba_file"
		rm -f "$hba_saved"
		psql -X -q -A -t -d postgres -c "SELECT pg_reload_conf()" >/dev/null 2>&1
	fi
	dropdb --if-exists "$db" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM PIPE

P() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }	# the primary
S() { PGHOST=localhost PGPORT=$standby_port psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }	# the standby
check() {	# check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "standby: ok: $1"
	else
		echo "standby: FAILED: $1"
		echo "  expected: $2"
		echo "  actual:   $3"
		fail=1
	fi
}
differs() {	# differs DESCRIPTION BEFORE AFTER
	if [ "$2" != "$3" ]; then
		echo "standby: ok: $1 ($2, then $3)"
	else
		echo "standby: FAILED: $1 (still $3)"
		fail=1
	fi
}
die() {
	echo "standby: FAILED: $*"
	fail=1
	exit 1
}

# --- The council, on the primary ------------------------------------------
dropdb --if-exists "$db" 2>/dev/null
createdb "$db"
P -c "CREATE EXTENSION cspi" -c "CREATE EXTENSION cspi_synthetic" -c "CREATE EXTENSION cspi_dfe" \
  -c "SELECT cspi.create_source_tables('src')" \
  -c "SELECT count(*) FROM cspi.generate_source('src', 0.1, 1)" \
  -c "SELECT count(*) FROM cspi.deploy('src', 'cspi_report')" >/dev/null

# --- The standby -------------------------------------------------------------
# The superuser replicates over TCP, as pg_basebackup -R then writes it into
# the standby's primary_conninfo: pg_hba.conf must allow it (Debian's does).
hba_file=$(P -c "SHOW hba_file")
if [ "$(P -c "SELECT count(*) FROM pg_hba_file_rules WHERE type = 'host' AND 'replication' = ANY (database) AND error IS NULL")" = 0 ]; then
	hba_saved=$(mktemp -t cspi-standby-hba.XXXXXX)
	cat "$hba_file" > "$hba_saved"
	printf '%s\n' "host replication all 127.0.0.1/32 scram-sha-256" \
		"host replication all ::1/128 scram-sha-256" >> "$hba_file"
	P -c "SELECT pg_reload_conf()" >/dev/null
fi
P -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot'" >/dev/null
as_server_user pg_basebackup -D "$standby_dir" -R --checkpoint=fast -X stream -C -S "$slot" \
	|| die "pg_basebackup"

# Debian keeps postgresql.conf, pg_hba.conf and pg_ident.conf outside the
# data directory: the standby gets its own, with the primary's rules and the
# settings a hot standby must have at least as high as its primary.
standby_port=$(test/free-port.sh)
as_server_user cp "$hba_file" "$standby_dir/pg_hba.conf"
as_server_user cp "$(P -c "SHOW ident_file")" "$standby_dir/pg_ident.conf"
{
	echo "# the throwaway standby of test/standby/standby.sh"
	echo "listen_addresses = 'localhost'"
	echo "hot_standby = on"
	echo "fsync = off"
	echo "shared_preload_libraries = ''"
	echo "logging_collector = off"
	for setting in max_connections max_worker_processes max_wal_senders \
		max_prepared_transactions max_locks_per_transaction; do
		echo "$setting = $(P -c "SHOW $setting")"
	done
} | as_server_user tee -a "$standby_dir/postgresql.conf" >/dev/null
# A free port can be taken between its pick and the bind (another test
# suite on the machine): pick another one, up to five times.
for attempt in 1 2 3 4 5; do
	if as_server_user pg_ctl -D "$standby_dir" -l "$standby_log" \
		-o "-p $standby_port -c unix_socket_directories=$socket_dir" -w -t 60 start >/dev/null; then
		break
	fi
	grep -q 'Address already in use' "$standby_log" && [ "$attempt" -lt 5 ] || die "the standby did not start"
	standby_port=$(test/free-port.sh)
done

for _ in $(seq 600); do
	[ "$(S -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ] && break
	sleep 0.1
done
check "the standby accepts connections, in recovery (a hot standby)" t "$(S -c "SELECT pg_is_in_recovery()" 2>&1)"
# wait_for_replay: until the standby has replayed the primary's current LSN
# (60 s at most).
wait_for_replay() {
	local lsn
	lsn=$(P -c "SELECT pg_current_wal_lsn()")
	for _ in $(seq 600); do
		[ "$(S -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 2>/dev/null)" = t ] && return 0
		sleep 0.1
	done
	die "the standby had not replayed $lsn after 60 s (it has $(S -c "SELECT pg_last_wal_replay_lsn()" 2>&1))"
}
wait_for_replay
check "... streaming from the primary, through its slot" "streaming streaming" \
	"$(psql -X -q -A -t -d postgres -c "SELECT r.state FROM pg_replication_slots s JOIN pg_stat_replication r ON r.pid = s.active_pid WHERE s.slot_name = '$slot'") $(S -c "SELECT status FROM pg_stat_wal_receiver" 2>&1)"

# --- The reads ---------------------------------------------------------------
# Each read is one value (an md5 and a count for the many rows); the
# primary's and the standby's, errors and warnings included, must be equal.
names=(indicator_value period scorecard-view indicator_availability
	'scorecard()' 'narrative()' 'report_html()' 'cases()' figure
	working_days add_working_days networkdays)
declare -A sql=(
	[indicator_value]="SELECT md5(string_agg(v::text, E'\n' ORDER BY v.indicator, v.period_type, v.period)) || ' ' || count(*) FROM cspi_report.indicator_value v"
	[period]="SELECT md5(string_agg(p::text, E'\n' ORDER BY p::text)) || ' ' || count(*) FROM cspi_report.period p"
	[scorecard-view]="SELECT md5(string_agg(s::text, E'\n' ORDER BY s::text)) || ' ' || count(*) FROM cspi_report.scorecard s"
	[indicator_availability]="SELECT md5(string_agg(a::text, E'\n' ORDER BY a::text)) || ' ' || count(*) FROM cspi_report.indicator_availability a"
	['scorecard()']="SELECT md5(string_agg(s::text, E'\n' ORDER BY s.ordinality)) || ' ' || count(*) FROM cspi.scorecard('2023/24', 'cspi_report') WITH ORDINALITY s"
	['narrative()']="SELECT md5(string_agg(s::text, E'\n' ORDER BY s.ordinality)) || ' ' || count(*) FROM cspi.narrative('2023/24', 'cspi_report') WITH ORDINALITY s"
	['report_html()']="SELECT md5(h) || ' ' || length(h) FROM cspi.report_html('2023/24', 'cspi_report') h"
	['cases()']="SELECT md5(string_agg(c::text, E'\n' ORDER BY c::text)) || ' ' || count(*) FROM cspi.cases('REF_1WD', '2023/24', 'cspi_report') c"
	[figure]="SELECT display FROM cspi_report.indicator_value WHERE indicator = 'REF_1WD' AND period_type = 'quarter' AND period = '2023/24 Q1'"
	# January 2024, on the default calendar (england-and-wales)
	[working_days]="SELECT cspi.working_days('2024-01-01'::date, '2024-01-31'::date)"
	[add_working_days]="SELECT cspi.add_working_days('2024-01-10'::date, 5)"
	[networkdays]="SELECT cspi.networkdays('2024-01-01'::date, '2024-01-31'::date)"
)
declare -A before after
read_all() {	# read_all ROUND: every read on both, into the array named ROUND
	local name p s
	local -n into=$1
	for name in "${names[@]}"; do
		p=$(P -c "SET datestyle = 'ISO, YMD'" -c "${sql[$name]}" 2>&1) || true
		s=$(S -c "SET datestyle = 'ISO, YMD'" -c "${sql[$name]}" 2>&1) || true
		reads=$((reads + 1))
		if [ -n "$p" ] && [ "$p" = "$s" ]; then
			equal=$((equal + 1))
			echo "standby: ok: $1: $name equal ($s)"
		else
			echo "standby: FAILED: $1: $name differs"
			echo "  primary: $p"
			echo "  standby: $s"
			fail=1
		fi
		into[$name]=$s
	done
}
read_all before
contains_error() { grep -q -E '^(ERROR|psql):' <<<"$1"; }
for name in "${names[@]}"; do
	contains_error "${before[$name]}" && { echo "standby: FAILED: $name: ${before[$name]}"; fail=1; }
done

# A session on the standby that compiles the default calendar now and keeps
# it in its cache across the change.
coproc standby_session {
	PGHOST=localhost PGPORT=$standby_port exec psql -X -q -A -t -d "$db" 2>&1
}
session_pid=$standby_session_PID
in_session() {	# in_session SQL: its one-line answer from the standing session
	local line out=""
	printf '%s\n\\echo __end__\n' "$1" >&"${standby_session[1]}"
	while IFS= read -r -t 30 line <&"${standby_session[0]}"; do
		[ "$line" = __end__ ] && { printf '%s' "$out"; return 0; }
		out+=$line
	done
	printf '%s(no answer in 30 s)' "$out"
}
session_before=$(in_session "${sql[working_days]};")
check "a standing session on the standby counts as the primary" "${before[working_days]}" "$session_before"

# --- A change on the primary: a holiday and a source row, refreshed -----------
# A holiday on Monday 15 January 2024; a referral completed within a working
# day in April or May 2023 completed 30 days later instead (in the same
# quarter, which the holiday leaves alone).
P -c "INSERT INTO cspi.holiday (calendar, holiday_date, name) VALUES ('england-and-wales', '2024-01-15', 'a council''s one-off closure')" >/dev/null
check "a source row changed on the primary" 1 \
	"$(P -c "WITH changed AS (
	            UPDATE src.referral SET completed_date = completed_date + 30
	             WHERE referral_id = (SELECT referral_id FROM cspi_report.referral_timeliness
	                                   WHERE within_1wd AND completed_date BETWEEN '2023-04-01' AND '2023-05-31'
	                                   ORDER BY referral_id LIMIT 1)
	            RETURNING 1)
	          SELECT count(*) FROM changed")"
P -c "SELECT cspi.refresh('cspi_report')" >/dev/null
wait_for_replay

read_all after
for name in working_days add_working_days networkdays; do
	differs "the standby follows the calendar change: $name" "${before[$name]}" "${after[$name]}"
done
differs "the standby follows the refresh: REF_1WD 2023/24 Q1" "${before[figure]}" "${after[figure]}"
differs "... and its indicator_value" "${before[indicator_value]}" "${after[indicator_value]}"
check "the standing session counts with the new calendar" "${after[working_days]}" "$(in_session "${sql[working_days]};")"

echo "standby: $equal of $reads reads equal"
[ "$equal" -eq "$reads" ] || fail=1
[ $fail -eq 0 ] && echo "standby: all checks passed"
exit $fail
