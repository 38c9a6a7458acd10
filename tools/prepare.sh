#!/usr/bin/env bash
# prepare.sh: make this Debian machine ready to run cspi, from nothing.
# Installs the Debian packages it needs when they are missing (as root, or
# through sudo), builds the extension (with warnings as errors when given
# --werror) and installs it.  Prints PG_CONFIG=... last, for the caller.
#
# Used by `make test`, `make bench` and `make demo`.
# Environment: PGVERSION (default 15, Debian 12's; others are built from
# Debian's source packages by tools/build-postgresql.sh);
# CSPI_EXTRA_PACKAGES (more Debian packages to install); CSPI_NODE=1
# (Node.js and npm, when the machine has none).
set -eu
cd "$(dirname "$0")/.."

werror=""
[ "${1:-}" = "--werror" ] && werror="-Werror"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@";
	elif command -v sudo >/dev/null 2>&1; then sudo "$@";
	else echo "prepare: need root or sudo to run: $*" >&2; return 1; fi
}

# Debian 12 packages PostgreSQL 15; other versions are built from Debian's
# source packages (tools/build-postgresql.sh).
PGVERSION=${PGVERSION:-15}
case $PGVERSION in
	# pg_cron: the tests schedule cspi.refresh() with it, as doc/operations.md says.
	15) server_packages="postgresql-$PGVERSION postgresql-server-dev-$PGVERSION postgresql-$PGVERSION-cron" ;;
	*) server_packages="" ;;
esac
packages="make gcc python3 postgresql-common $server_packages python3-numpy python3-openpyxl ${CSPI_EXTRA_PACKAGES:-}"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing="$missing $p"
done
# Node.js and npm (CSPI_NODE=1): the BI client test reads the report with
# node's pg from npm.  Any node and npm will do (a machine may have them
# from elsewhere); otherwise Debian's.
if [ "${CSPI_NODE:-}" = 1 ] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
	echo "==> installing:$missing" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >&2
fi
if [ -n "$server_packages" ]; then
	PG_CONFIG=/usr/lib/postgresql/$PGVERSION/bin/pg_config
else
	built=$(tools/build-postgresql.sh "$PGVERSION") \
		|| { echo "prepare: could not build PostgreSQL $PGVERSION" >&2; exit 1; }
	PG_CONFIG=${built#PG_CONFIG=}
fi

echo "==> building cspi for PostgreSQL $PGVERSION${werror:+ (warnings are errors)}" >&2
make -s clean PG_CONFIG="$PG_CONFIG" >/dev/null
make -s PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$werror" >&2
echo "==> installing cspi" >&2
as_root make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
echo "PG_CONFIG=$PG_CONFIG"
