#!/usr/bin/env bash
# build-update-script.sh FROM--TO: print the upgrade script cspi--FROM--TO.sql
# made from src/sql/updates/FROM--TO.sql, each "-- include: FILE" line
# replaced by src/sql/FILE, so that what an upgrade adds or changes has one
# source.  `make update-scripts` writes the committed cspi--FROM--TO.sql
# with it; test/built-sql.sh checks the committed file equals its output.
set -eu
cd "$(dirname "$0")/.."
step=$1
src=src/sql/updates/$step.sql
[ -f "$src" ] || { echo "build-update-script: no $src" >&2; exit 1; }
printf '%s\n' \
	"/* cspi--$step.sql: upgrade cspi (ALTER EXTENSION cspi UPDATE). */" \
	"-- Made by tools/build-update-script.sh from $src (make update-scripts):" \
	"-- edit that, not this file." \
	'' \
	'-- complain if script is sourced in psql, rather than via ALTER EXTENSION' \
	'\echo Use "ALTER EXTENSION cspi UPDATE" to load this file. \quit' \
	''
awk '/^-- include: / {
	f = "src/sql/" $3
	if ((getline line < f) <= 0) { print "build-update-script: no " f > "/dev/stderr"; exit 1 }
	print line
	while ((getline line < f) > 0) print line
	close(f); next }
	{ print }' "$src"
