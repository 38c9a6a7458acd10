#!/usr/bin/env bash
# built-sql.sh: the install script is what make builds from src/sql/, never
# a hand-edited copy: a fresh generation of the bank holidays by
# tools/gen_uk_holidays.py equals src/sql/holidays.sql, and the built
# cspi--VERSION.sql holds it verbatim, as it holds every source file in the
# Makefile's order; and each committed upgrade script is what
# tools/build-update-script.sh makes of its source.  No server needed.
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)
fresh=$(mktemp -t cspi-holidays.XXXXXX)
trap 'rm -f "$fresh"' EXIT
python3 tools/gen_uk_holidays.py > "$fresh"
if ! cmp -s "$fresh" src/sql/holidays.sql; then
	echo "built-sql: src/sql/holidays.sql differs from a fresh tools/gen_uk_holidays.py"
	exit 1
fi
if ! python3 tools/gen_dfe_data.py | cmp -s - src/sql/benchmarks_data.sql; then
	echo "built-sql: src/sql/benchmarks_data.sql differs from a fresh tools/gen_dfe_data.py"
	exit 1
fi
if ! python3 tools/gen_uk_holidays.py --any-uk | cmp -s - src/sql/holidays_uk_any.sql; then
	echo "built-sql: src/sql/holidays_uk_any.sql differs from a fresh tools/gen_uk_holidays.py --any-uk"
	exit 1
fi
for f in $(make -s print-update-scripts); do
	step=${f#cspi--}; step=${step%.sql}
	if ! tools/build-update-script.sh "$step" | cmp -s - "$f"; then
		echo "built-sql: $f is not what tools/build-update-script.sh makes of src/sql/updates/$step.sql (run make update-scripts)"
		exit 1
	fi
done
python3 - "$fresh" "cspi--$version.sql" $(make -s print-sql-sources) <<'PY'
import sys
fresh, built, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(built).read()
if open(fresh).read() not in text:
    sys.exit("built-sql: %s does not hold the generated holidays verbatim" % built)
pos = 0
for src in sources:
    body = open(src).read()
    at = text.find(body, pos)
    if at < 0:
        sys.exit("built-sql: %s does not hold %s in the Makefile's order" % (built, src))
    pos = at + len(body)
print("built-sql: %s is the %d sources, the generated holidays included" % (built, len(sources)))
PY
