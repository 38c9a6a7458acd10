#!/usr/bin/env bash
# built-sql.sh: the scripts make builds are what the sources say, never
# hand-edited copies.  The generated sources (bank holidays, the DfE's
# figures) equal a fresh generation; the install script cspi--VERSION.sql
# holds every source file in the Makefile's order; the upgrade script from
# the last release holds its delta (src/sql/updates/) and then every file of
# src/sql/code/ and src/sql/indicators/, in the same order, and no file of
# src/sql/schema/ (those run once).  Every source file is in the Makefile.
# Once the current version is released, make builds its scripts again under
# build/ and they must equal the committed ones byte for byte: the sources
# still make what was released.  No server needed.
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)
fresh=$(mktemp -t cspi-holidays.XXXXXX)
trap 'rm -f "$fresh"' EXIT
python3 tools/gen_uk_holidays.py > "$fresh"
if ! cmp -s "$fresh" src/sql/schema/holidays.sql; then
	echo "built-sql: src/sql/schema/holidays.sql differs from a fresh tools/gen_uk_holidays.py"
	exit 1
fi
if ! python3 tools/gen_dfe_data.py | cmp -s - src/sql/dfe/figures.sql; then
	echo "built-sql: src/sql/dfe/figures.sql differs from a fresh tools/gen_dfe_data.py"
	exit 1
fi
# cspi_dfe holds the figures, and so does its upgrade from the release
# before (which replaces the shipped figures); its version is the latest
# year they cover, or that year and an edition (2025.1).
dfe=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi_dfe.control)
dfe_update=$(make -s print-dfe-update)
for script in "cspi_dfe--$dfe.sql" $dfe_update; do
	if ! tail -n +7 "$script" 2>/dev/null | cmp -s - src/sql/dfe/figures.sql; then
		echo "built-sql: $script does not hold src/sql/dfe/figures.sql"
		exit 1
	fi
done
latest=$(python3 -c 'import csv, glob
print(max(int(r["time_period"]) for f in glob.glob("data/dfe/*.csv")
          for r in csv.DictReader(open(f, encoding="utf-8-sig")) if r.get("time_period", "").isdigit()))')
case $dfe in
	"$latest"|"$latest".[1-9]|"$latest".[1-9][0-9]) ;;
	*)
		echo "built-sql: cspi_dfe.control is at $dfe, but the latest figures in data/dfe/ are for $latest (version $latest, or $latest.N for a later edition)"
		exit 1 ;;
esac
if ! python3 tools/gen_uk_holidays.py --any-uk | cmp -s - src/sql/schema/holidays_uk_any.sql; then
	echo "built-sql: src/sql/schema/holidays_uk_any.sql differs from a fresh tools/gen_uk_holidays.py --any-uk"
	exit 1
fi
# Released scripts: what the sources make now is what was released.
for built in $(make -s print-built-scripts); do
	case $built in build/*) ;; *) continue ;; esac
	released=${built#build/}
	if ! cmp -s "$built" "$released"; then
		echo "built-sql: the sources no longer make the released $released (make built $built):"
		echo "  a change after a release goes into the next version: set default_version in the"
		echo "  control file to it and start its delta (doc/releasing.md); released scripts are never edited"
		diff -u "$released" "$built" | head -n 20
		exit 1
	fi
done
dir=$(make -s print-built-dir)
python3 - "$fresh" "${dir}cspi--$version.sql" "$dir$(make -s print-update-script)" "$(make -s print-sql-sources)" "$(make -s print-rerun-sources)" <<'PY'
import glob, os, sys
fresh, built, update, sources, rerun = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5].split()

def in_order(script, files):
    text = open(script).read()
    pos = 0
    for src in files:
        body = open(src).read()
        at = text.find(body, pos)
        if at < 0:
            sys.exit("built-sql: %s does not hold %s in the Makefile's order" % (script, src))
        pos = at + len(body)
    return text

text = in_order(built, sources)
if open(fresh).read() not in text:
    sys.exit("built-sql: %s does not hold the generated holidays verbatim" % built)
step = os.path.basename(update)[len("cspi--"):-len(".sql")]
delta = "src/sql/updates/%s.sql" % step
in_order(update, [delta] + rerun)
if any(s.startswith("src/sql/schema/") for s in rerun):
    sys.exit("built-sql: the upgrade script runs a file of src/sql/schema/ again")
listed = set(sources)
for f in glob.glob("src/sql/schema/*.sql") + glob.glob("src/sql/code/*.sql") + glob.glob("src/sql/indicators/*.sql"):
    if f not in listed:
        sys.exit("built-sql: %s is in no script (add it to SQL_SOURCES or INDICATOR_SOURCES in the Makefile)" % f)
print("built-sql: %s is the %d sources, the generated holidays included; %s is %s and the %d files run again"
      % (built, len(sources), update, delta, len(rerun)))
PY
synthetic=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi_synthetic.control)
if [ "$synthetic" != "$version" ]; then
	echo "built-sql: cspi_synthetic.control is at $synthetic, cspi.control at $version: the companion follows cspi's version"
	exit 1
fi
# PGXN's META.json describes the last release.
last=$(make -s print-releases | awk '{print $NF}')
meta=$(python3 -c 'import json; m = json.load(open("META.json")); print(m["version"], m["provides"]["cspi"]["version"], m["provides"]["cspi"]["file"])')
if [ "$meta" != "$last.0 $last.0 cspi--$last.sql" ]; then
	echo "built-sql: META.json says \"$meta\", but the last release is $last (version $last.0, file cspi--$last.sql)"
	exit 1
fi
