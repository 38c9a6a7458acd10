#!/usr/bin/env bash
# throwaway-cluster.sh PGVERSION COMMAND...: run COMMAND against a throwaway
# PostgreSQL cluster made by Debian's pg_virtualenv: initdb in a temporary
# directory (owned by the postgres user when we are root, since initdb
# refuses root), on a free port, with its Unix socket in a temporary
# directory of its own (and pg_cron preloaded with CSPI_PG_CRON=1).
# pg_virtualenv sets PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE for COMMAND, and stops and removes the cluster
# however COMMAND ends; the socket directory goes too.  Exits with
# COMMAND's status.
set -eu
cd "$(dirname "$0")/.."
version=$1
shift
socket_dir=$(mktemp -d -t cspi-socket.XXXXXX)
trap 'rm -rf "$socket_dir"' EXIT
if [ "$(id -u)" = 0 ]; then
	chown postgres:postgres "$socket_dir"
fi
chmod 0755 "$socket_dir"
# With CSPI_PG_CRON=1, pg_cron is preloaded when this version has it, with
# background workers (no password for its jobs' connections) and room for
# them beside the parallel workers.
cron=()
if [ "${CSPI_PG_CRON:-}" = 1 ] &&
	[ -e "/usr/share/postgresql/$version/extension/pg_cron.control" ]; then
	cron=(-o shared_preload_libraries=pg_cron -o cron.use_background_workers=on
		-o max_worker_processes=16)
fi
PGPORT=$(test/free-port.sh) pg_virtualenv -t -v "$version" \
	-o "unix_socket_directories=$socket_dir" "${cron[@]}" "$@"
