#!/usr/bin/env bash
# build-postgresql.sh MAJOR: make a PostgreSQL that Debian 12 has no binary
# packages for (18; 17 or 16 work the same way) available to the tests, built
# from Debian sid's source package, so that `pg_virtualenv -v MAJOR` and PGXS
# use it exactly as they use the packaged 15.  Prints PG_CONFIG=... last.
#
#  1. adds a deb-src-only entry for sid (never sid binaries), fetches the
#     source package with `apt-get source --download-only postgresql-MAJOR`,
#  2. installs the build dependencies from bookworm when they are missing,
#  3. builds the upstream tarball with libxml and installs the server,
#     the contrib modules the tests use (postgres_fdw, pageinspect) and PGXS's pg_regress and pg_isolation_regress into
#     $CSPI_PG_CACHE/MAJOR/install (default /var/cache/cspi-postgresql),
#  4. links /usr/lib/postgresql/MAJOR and /usr/share/postgresql/MAJOR to it,
#     which is where postgresql-common (pg_virtualenv, pg_createcluster,
#     pg_wrapper) looks for an installed version.
#
# A stamp file holding the Debian source version is written last; when it
# matches sid's version in the local apt lists, nothing is done.  Needs root
# (or sudo) unless the build is already there.
#
# Run from `make test`, this inherits make's variables (MAKELEVEL=1,
# MAKEFLAGS...); PostgreSQL's makefiles generate their headers only at
# MAKELEVEL 0, so the build stopped at utils/errcodes.h.  They are removed
# here, before anything runs.  `build-postgresql.sh --print-env MAJOR`
# prints the make variables left (none) and exits: test/run-tests.sh checks
# it under MAKELEVEL=1.
set -eu
unset MAKELEVEL MAKEFLAGS MFLAGS MAKEOVERRIDES GNUMAKEFLAGS MAKEFILES MAKE_TERMOUT MAKE_TERMERR
if [ "${1:-}" = --print-env ]; then
	env | grep -E '^(MAKE|MFLAGS|GNUMAKEFLAGS)' || true
	exit 0
fi

die() { echo "build-postgresql: $*" >&2; exit 1; }

major=${1:-}
case $major in
	1[6-9]|[2-9][0-9]) ;;
	*) die "usage: $0 MAJOR (e.g. 18)" ;;
esac
cache=${CSPI_PG_CACHE:-/var/cache/cspi-postgresql}/$major
case $cache in /*) ;; *) die "CSPI_PG_CACHE must be an absolute path" ;; esac
prefix=$cache/install
stamp=$cache/stamp
bindir=/usr/lib/postgresql/$major
sharedir=/usr/share/postgresql/$major
pg_config=$bindir/bin/pg_config
# The contrib modules the tests use.
contrib="postgres_fdw pageinspect"

# The newest postgresql-MAJOR source version in the local apt lists.
sid_version() {
	apt-cache showsrc --only-source "postgresql-$major" 2>/dev/null \
		| sed -n 's/^Version: //p' | sort -V | tail -n 1
}
# Installed and complete: the stamp matches and the links point at the build.
is_done() {
	[ -n "$1" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$1" ] \
		&& [ "$(readlink "$bindir")" = "$prefix" ] && [ -L "$sharedir" ] \
		&& [ -x "$pg_config" ] && has_contrib
}
has_contrib() {
	for m in $contrib; do
		[ -e "$prefix/share/extension/$m.control" ] || return 1
	done
}
# The server runs as user postgres, which must be able to reach the install
# through every directory above it: a cache made with `mktemp -d` is mode
# 0700, and initdb then fails with "Permission denied".  Directories of the
# cache itself are opened (search permission only); anything above the cache
# is the user's to change, so that is an error naming it.
open_path() {
	root=${CSPI_PG_CACHE:-/var/cache/cspi-postgresql}
	d=$prefix
	while [ "$d" != / ]; do
		if [ "$(( 0$(stat -c %a "$d") & 1 ))" = 0 ]; then
			case $d/ in
				"${root%/}"/*)
					chmod o+x "$d" 2>/dev/null \
						|| die "the server user cannot reach $prefix: $d is not searchable by others (chmod o+x $d)" ;;
				*)
					die "the server user cannot reach $prefix: $d is not searchable by others (chmod o+x $d)" ;;
			esac
		fi
		d=$(dirname "$d")
	done
}

version=$(sid_version)
if is_done "$version"; then
	open_path
	echo "PG_CONFIG=$pg_config"
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null 2>&1 || die "need root or sudo to build PostgreSQL $major"
	exec sudo CSPI_PG_CACHE="${CSPI_PG_CACHE:-}" "$0" "$@"
fi
umask 022
export DEBIAN_FRONTEND=noninteractive
apt="apt-get -o DPkg::Lock::Timeout=600"	# wait while another apt runs
for d in "$bindir" "$sharedir"; do
	# Never replace a real installation (say a postgresql-$major package).
	if [ -e "$d" ] && ! [ -L "$d" ]; then
		die "$d exists and is not our symlink; refusing to replace it"
	fi
done
mkdir -p "$cache/src"
exec 9>"$cache/lock"
flock 9 || die "could not lock $cache/lock"

# --- 1. the source package, from sid (deb-src only) ---------------------
list=/etc/apt/sources.list.d/cspi-sid-src.sources
if ! [ -f "$list" ]; then
	echo "==> adding $list (deb-src only)" >&2
	cat > "$list" <<-EOF
	# Added by cspi's tools/build-postgresql.sh: source packages only, to
	# build PostgreSQL versions that bookworm has no binaries for.
	Types: deb-src
	URIs: http://deb.debian.org/debian
	Suites: sid
	Components: main
	Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
fi
echo "==> apt-get update" >&2
$apt update -qq >&2 || die "apt-get update failed"
version=$(sid_version)
[ -n "$version" ] || die "Debian sid has no source package postgresql-$major (apt-cache showsrc found nothing)"
if is_done "$version"; then
	open_path
	echo "PG_CONFIG=$pg_config"
	exit 0
fi
upstream=${version#*:}
upstream=${upstream%-*}
pgversion=${upstream//\~/}	# 18~beta1 in Debian is 18beta1 upstream

# A build starts by forgetting the old one, so that an interrupted build is
# never taken for a finished one.
rm -f "$stamp" "$bindir" "$sharedir"
echo "==> downloading the source of postgresql-$major $version from sid" >&2
# apt downloads as user _apt when it may write there, and warns otherwise.
chown _apt "$cache/src" 2>/dev/null || true
(cd "$cache/src" && $apt source -qq --download-only "postgresql-$major=$version" >&2) \
	|| die "apt-get source postgresql-$major=$version failed"

# --- 2. build dependencies, from bookworm --------------------------------
# readline and ICU are optional upstream but Debian's own builds (the 15
# here too) have them, so psql and collations behave the same way.
missing=""
for p in gcc make perl bison flex pkg-config bzip2 \
	libxml2-dev zlib1g-dev libreadline-dev libicu-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "==> installing:$missing" >&2
	$apt install -y -qq --no-install-recommends $missing >&2 \
		|| die "could not install the build dependencies:$missing"
fi

# --- 3. build and install -------------------------------------------------
# Only the pristine upstream tarball is built.  Debian's patches assume
# Debian's layout (/usr/lib/postgresql/MAJOR, sockets in /var/run/postgresql)
# and the configure flags of debian/rules; they would fight a prefix in the
# cache.  Nothing the tests need depends on them: pg_createcluster writes
# the socket directory into postgresql.conf and pg_virtualenv connects
# over TCP.  (apt has already checked the tarball against sid's signed index.)
orig=$(ls "$cache/src/postgresql-${major}_$upstream.orig.tar."* 2>/dev/null | head -n 1)
[ -n "$orig" ] || die "no upstream tarball postgresql-${major}_$upstream.orig.tar.* in $cache/src"
build=$cache/build
log=$cache/build.log
rm -rf "$build" "$prefix"
mkdir -p "$build"
: > "$log"
run() {
	"$@" >> "$log" 2>&1 || {
		tail -n 30 "$log" >&2
		die "failed: $* (full log: $log)"
	}
}
echo "==> unpacking $(basename "$orig")" >&2
run tar -xf "$orig" -C "$build"
src=$build/postgresql-$pgversion
[ -f "$src/configure" ] || die "$orig did not unpack to $src"

echo "==> building PostgreSQL $pgversion in $src (log: $log)" >&2
cd "$src"
run ./configure --prefix="$prefix" --with-libxml
run make -j2
for m in $contrib; do run make -C "contrib/$m" -j2; done
echo "==> installing into $prefix" >&2
run make install
for m in $contrib; do run make -C "contrib/$m" install; done
# pg_regress and pg_isolation_regress, where PGXS's installcheck looks.
run make -C src/test/regress install
run make -C src/test/isolation install

pgxs=$("$prefix/bin/pg_config" --pgxs)
for f in "$pgxs" \
	"$(dirname "$pgxs")/../test/regress/pg_regress" \
	"$(dirname "$pgxs")/../test/isolation/pg_isolation_regress" \
	$(for m in $contrib; do
		echo "$("$prefix/bin/pg_config" --sharedir)/extension/$m.control"
		echo "$("$prefix/bin/pg_config" --pkglibdir)/$m.so"
	done); do
	[ -e "$f" ] || die "the installation lacks $f"
done

# --- 4. where postgresql-common looks -------------------------------------
mkdir -p "$(dirname "$bindir")" "$(dirname "$sharedir")"
ln -sfn "$prefix" "$bindir"
ln -sfn "$("$prefix/bin/pg_config" --sharedir)" "$sharedir"
"$pg_config" --version | grep -qx "PostgreSQL $pgversion" \
	|| die "$pg_config does not report PostgreSQL $pgversion"
open_path
echo "$version" > "$stamp"
echo "==> PostgreSQL $pgversion installed in $prefix" >&2
echo "PG_CONFIG=$pg_config"
