#!/usr/bin/env bash
# prepare.sh: make this Debian machine ready to run cspi, from nothing.
# Installs the Debian packages it needs when they are missing (as root, or
# through sudo), builds the extension (with warnings as errors when given
# --werror) and installs it.  Prints PG_CONFIG=... last, for the caller.
#
# Used by `make test`, `make bench` and `make demo`.
# Environment: PGVERSION (default: the newest installed, else 15);
# CSPI_EXTRA_PACKAGES (more Debian packages to install).
set -eu
cd "$(dirname "$0")/.."

werror=""
[ "${1:-}" = "--werror" ] && werror="-Werror"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@";
	elif command -v sudo >/dev/null 2>&1; then sudo "$@";
	else echo "prepare: need root or sudo to run: $*" >&2; return 1; fi
}

if [ -z "${PGVERSION:-}" ]; then
	PGVERSION=$(ls -v /usr/lib/postgresql 2>/dev/null | tail -n 1)
	[ -n "$PGVERSION" ] || PGVERSION=15
fi
packages="make gcc postgresql-common postgresql-$PGVERSION postgresql-server-dev-$PGVERSION python3-numpy ${CSPI_EXTRA_PACKAGES:-}"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "==> installing:$missing" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >&2
fi
PG_CONFIG=/usr/lib/postgresql/$PGVERSION/bin/pg_config

echo "==> building cspi for PostgreSQL $PGVERSION${werror:+ (warnings are errors)}" >&2
make -s clean PG_CONFIG="$PG_CONFIG" >/dev/null
make -s PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$werror" >&2
echo "==> installing cspi" >&2
as_root make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
echo "PG_CONFIG=$PG_CONFIG"
