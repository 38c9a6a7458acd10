#!/usr/bin/env bash
# run-tests.sh: every test of cspi, on a Debian machine that may have nothing
# installed yet (this is what `make test` and .ci/run run).
#
#  1. installs the Debian packages it needs when they are missing (as root,
#     or through sudo),
#  2. builds the extension with warnings as errors and installs it,
#  3. runs the C unit tests of the calendar core, plain and under
#     AddressSanitizer and UndefinedBehaviorSanitizer,
#  4. starts a throwaway cluster with Debian's pg_virtualenv (a temporary
#     directory, owned by the postgres user since initdb refuses root, on a
#     free port) and runs test/cluster-tests.sh in it: the pg_regress and
#     isolation suites and the oracle tests; pg_virtualenv stops and removes
#     the cluster however the tests end,
#  5. prints one line per test and ends with "N passed, N failed".
#
# Environment: PGVERSION (default: the newest installed, else 15).
set -u
cd "$(dirname "$0")/.."
top=$(pwd)

log() { printf '==> %s\n' "$*"; }

# --- 1. packages ---------------------------------------------------------
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@";
	elif command -v sudo >/dev/null 2>&1; then sudo "$@";
	else echo "run-tests: need root or sudo to run: $*" >&2; return 1; fi
}

if [ -z "${PGVERSION:-}" ]; then
	PGVERSION=$(ls -v /usr/lib/postgresql 2>/dev/null | tail -n 1)
	[ -n "$PGVERSION" ] || PGVERSION=15
fi
packages="make gcc postgresql-common postgresql-$PGVERSION postgresql-server-dev-$PGVERSION python3-numpy"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing="$missing $p"
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || exit 1
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing || exit 1
fi
export PG_CONFIG=/usr/lib/postgresql/$PGVERSION/bin/pg_config

# --- results -------------------------------------------------------------
results=$(mktemp -t cspi-results.XXXXXX)
trap 'rm -f "$results"' EXIT
export CSPI_RESULTS="$results"
record() {	# record NAME ok|fail
	echo "$2 $1" >> "$results"
}

# --- 2. build and install ------------------------------------------------
log "building with PostgreSQL $PGVERSION (warnings are errors)"
if make -s clean >/dev/null && make -s PG_CFLAGS="-Werror" all; then
	record build ok
else
	record build fail
	echo "0 passed, 1 failed"
	exit 1
fi
log "installing"
if as_root make -s install PG_CONFIG="$PG_CONFIG" >/dev/null; then
	record install ok
else
	record install fail
	echo "1 passed, 1 failed"
	exit 1
fi

# --- 3. C unit tests -----------------------------------------------------
for target in unit unit-sanitize; do
	log "make $target"
	if make -s "$target"; then record "$target" ok; else record "$target" fail; fi
done

# --- 4. tests in a throwaway cluster -------------------------------------
log "starting a throwaway PostgreSQL $PGVERSION cluster (pg_virtualenv)"
if ! PGPORT=$(test/free-port.sh) pg_virtualenv -t -v "$PGVERSION" test/cluster-tests.sh; then
	record cluster-tests fail
fi

# --- 5. summary ----------------------------------------------------------
echo
echo "Results:"
sed 's/^/  /' "$results"
passed=$(grep -c '^ok ' "$results")
failed=$(grep -c '^fail ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
