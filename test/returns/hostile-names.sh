#!/usr/bin/env bash
# hostile-names.sh: tools/cspi-import-returns never runs a file name or a
# schema name as SQL or as a psql command.  A file named
#   uasc<newline>commit;copy (select 1) to program $$touch MARKER$$;<newline>-- .csv
# once ran that COPY on the server and committed what was loaded before it
# (issue 20).  Now such a name, given or found in a folder, and such a
# schema (-s) are refused with a message naming them, before anything
# runs: the marker is not made, nothing is committed.  Names with quotes,
# spaces, $(...) and backquotes, and a schema with quotes, load as they
# are.  Needs a server (PGHOST/PGPORT/PGUSER, a superuser, as in
# test/run-tests.sh); uses its own database.
set -eu
cd "$(dirname "$0")/../.."
tool=$PWD/tools/cspi-import-returns
db=cspi_returns_hostile
dir=$(mktemp -d -t cspi-hostile.XXXXXX)
trap 'rm -rf "$dir"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
fail() { echo "hostile-names: $*"; exit 1; }
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION cspi" >/dev/null

# COPY ... TO PROGRAM runs in the server's data directory: the marker, if
# made, is there, where pg_stat_file() looks.
marker=cspi_hostile_marker_$$
made() { [ "$(q -c "SELECT (pg_stat_file('$1', true)).size IS NOT NULL")" = t ]; }
made "$marker" && fail "a marker $marker is there before the test"

mkdir "$dir/folder"
printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/06/2010,WBRI,,,\n' > "$dir/folder/header.csv"
printf 'CHILD,SEX,DOB,DUC\nC1,1,01/06/2010,\n' > "$dir/uasc.csv"
hostile="uasc
commit;copy (select 1) to program \$\$touch $marker\$\$;
-- .csv"
cp "$dir/uasc.csv" "$dir/folder/$hostile"
cp "$dir/uasc.csv" "$dir/$hostile"
tab="$dir/uasc	tab.csv"
cp "$dir/uasc.csv" "$tab"

# expect_refused WHAT ARGS...: the tool exits 2 before psql runs, saying
# what it refuses, and nothing is made or committed.
expect_refused() {
	local what=$1 out status=0
	shift
	out=$("$tool" -d "$db" "$@" 2>&1) || status=$?
	made "$marker" && fail "$what: the name ran as SQL (the server made $marker): $out"
	[ "$(q -c "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'hostile%'")" = 0 ] \
		|| fail "$what: something was committed: $out"
	[ "$status" -eq 2 ] || fail "$what: exit status $status, not 2: $out"
	case $out in
		*"holds a control character"*) ;;
		*) fail "$what: no clear refusal: $out" ;;
	esac
	echo "hostile-names: $what refused: $(echo "$out" | head -1)"
}
# The good file first: the injected COMMIT would have committed it.
expect_refused "a file name with new lines" -s hostile -y 2024 "$dir/folder/header.csv" "$dir/$hostile"
case $("$tool" -d "$db" -s hostile -y 2024 "$dir/$hostile" 2>&1) in
	*"the file name"*) ;;
	*) fail "the message does not say it is the file name" ;;
esac
expect_refused "a folder holding that file" -s hostile -y 2024 "$dir/folder"
expect_refused "a file name with a tab" -s hostile -y 2024 "$dir/folder/header.csv" "$tab"
expect_refused "a schema with new lines" -s "hostile
commit;copy (select 1) to program \$\$touch $marker\$\$;
-- " -y 2024 "$dir/folder/header.csv"
case $("$tool" -d "$db" -s "a
b" -y 2024 "$dir/folder/header.csv" 2>&1) in
	*"the schema (-s)"*) ;;
	*) fail "the message does not say it is the schema" ;;
esac

# Quotes, spaces, $(...) and backquotes in a file name, and quotes in a
# schema, are values, not code: they load.  Run from the folder, so that a
# name run by the shell would make its file there.
odd="$dir/odd"
mkdir "$odd"
name="it's \$(touch client_marker) \`touch client_marker\` \"header\".csv"
cp "$dir/folder/header.csv" "$odd/$name"
schema="hostile we'ird \"schema\"; drop schema public"
out=$(cd "$odd" && "$tool" -d "$db" -s "$schema" -y 2024 "$name" "$dir/uasc.csv") \
	|| fail "odd but legal names did not load: $out"
echo "$out" | sed 's/^/hostile-names: /'
[ -e "$odd/client_marker" ] && fail "the file name ran in a shell"
loaded=$(q -v schema="$schema" <<'SQL'
SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = :'schema') || ' schema, '
       || (SELECT count(*) FROM pg_namespace WHERE nspname = 'public') || ' public';
SELECT format('SELECT count(*) || '' children, '' FROM %I.ssda903_header', :'schema') \gexec
SELECT format('SELECT count(*) || '' uasc'' FROM %I.ssda903_uasc', :'schema') \gexec
SQL
)
loaded=$(echo $loaded)
echo "hostile-names: odd names loaded: $loaded"
[ "$loaded" = "1 schema, 1 public 1 children, 1 uasc" ] || fail "odd names: $loaded"
made "$marker" && fail "the server made $marker"
echo "hostile-names: no name ran as SQL or in a shell"
