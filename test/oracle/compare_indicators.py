#!/usr/bin/python3
"""Compare cspi's indicator values with the independent Python oracle.

    compare_indicators.py --schema SOURCE --report REPORT [--calendar C] [--dbname DB]

Runs indicators_oracle.py on the source schema SOURCE, reads
    SELECT indicator, period_type, period, numerator, denominator, shown
    FROM REPORT.indicator_value
with psql (connection from PGHOST/PGPORT/PGUSER/PGDATABASE, -d DB when
given) and compares the two row sets keyed by (indicator, period_type,
period): rows missing from the report, extra rows in it, and differing
numerator, denominator or shown (compared as decimals, so 81.4 = 81.40; NULL
and empty are the same).  Prints at most 40 differences grouped by indicator,
then one line

    indicators: N rows compared, M differences

and exits 1 when there is any difference.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "indicators_oracle.py")
MAX_SHOWN = 40
FIELDS = ("numerator", "denominator", "shown")


def quote_ident(s):
    return '"' + s.replace('"', '""') + '"'


class Field:
    """A field compared as a decimal (NULL and empty alike) and shown as given."""
    __slots__ = ("raw", "key")

    def __init__(self, v):
        self.raw = None if v is None or v.strip() == "" else v.strip()
        self.key = None
        if self.raw is not None:
            try:
                self.key = Decimal(self.raw)
            except InvalidOperation:
                self.key = self.raw

    def __eq__(self, other):
        return self.key == other.key

    def __ne__(self, other):
        return not self == other


def text(f):
    return "NULL" if f.raw is None else f.raw


def read_rows(csv_text, origin):
    rows, dups = {}, []
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader, None)
    if header is None:
        return rows, dups
    want = ["indicator", "period_type", "period"] + list(FIELDS)
    if [h.strip() for h in header] != want:
        sys.exit("%s: unexpected header %r" % (origin, header))
    for r in reader:
        if not r:
            continue
        key = tuple(r[:3])
        vals = tuple(Field(x) for x in r[3:6])
        if key in rows:
            dups.append(key)
        rows[key] = vals
    return rows, dups


def run_oracle(args, *flags):
    """The oracle's CSV for args.schema (with flags such as --timeliness)."""
    cmd = ["/usr/bin/python3", ORACLE, "--schema", args.schema,
           "--calendar", args.calendar, *flags]
    if args.dbname:
        cmd += ["--dbname", args.dbname]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("oracle failed:\n" + out.stderr)
    return out.stdout


def read_report(args):
    sql = ("COPY (SELECT indicator, period_type, period, numerator, denominator, shown"
           " FROM %s.indicator_value) TO STDOUT WITH (FORMAT csv, HEADER)"
           % quote_ident(args.report))
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    if args.dbname:
        cmd += ["-d", args.dbname]
    out = subprocess.run(cmd + ["-c", sql], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("psql failed reading %s.indicator_value:\n%s" % (args.report, out.stderr))
    return out.stdout


def period_order(key):
    indicator, ptype, period = key
    return (indicator, {"year": 0, "quarter": 1, "month": 2}.get(ptype, 3), period)


def compare(expected, got, dups):
    """Returns (rows compared, [(indicator, message)])."""
    diffs = []
    for key in dups:
        diffs.append((key[0], "%s %s: duplicate row in the report" % (key[1], key[2])))
    keys = sorted(set(expected) | set(got), key=period_order)
    for key in keys:
        ind, ptype, period = key
        e, g = expected.get(key), got.get(key)
        if g is None:
            diffs.append((ind, "%s %s: missing from the report (oracle %s)"
                          % (ptype, period, "/".join(text(v) for v in e))))
        elif e is None:
            diffs.append((ind, "%s %s: extra row in the report (%s)"
                          % (ptype, period, "/".join(text(v) for v in g))))
        else:
            bad = ["%s report %s, oracle %s" % (f, text(gv), text(ev))
                   for f, ev, gv in zip(FIELDS, e, g) if ev != gv]
            if bad:
                diffs.append((ind, "%s %s: %s" % (ptype, period, "; ".join(bad))))
    return len(keys), diffs


def parse_args(doc):
    """The arguments every compare_*.py takes: --schema, --report,
    --calendar and --dbname (doc: the script's docstring)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--schema", required=True, help="the source schema")
    ap.add_argument("--report", required=True, help="the report schema")
    ap.add_argument("--calendar", default="england-and-wales")
    ap.add_argument("--dbname")
    return ap.parse_args()


def main():
    args = parse_args(__doc__)

    expected, edups = read_rows(run_oracle(args), "oracle")
    if edups:
        sys.exit("oracle produced duplicate rows: %r" % edups[:5])
    got, dups = read_rows(read_report(args), "%s.indicator_value" % args.report)
    n, diffs = compare(expected, got, dups)

    # At most MAX_SHOWN lines, shared round-robin among the differing
    # indicators so that none is hidden behind another's many differences.
    per_ind = {}
    for ind, msg in diffs:
        per_ind.setdefault(ind, []).append(msg)
    inds = sorted(per_ind)
    by_ind, taken, depth = {}, 0, 0
    while taken < min(MAX_SHOWN, len(diffs)):
        for ind in inds:
            if depth < len(per_ind[ind]) and taken < MAX_SHOWN:
                by_ind.setdefault(ind, []).append(per_ind[ind][depth])
                taken += 1
        depth += 1
    for ind in inds:
        total = len(per_ind[ind])
        print("%s (%d difference%s)" % (ind, total, "" if total == 1 else "s"))
        for msg in by_ind.get(ind, ()):
            print("  " + msg)
        more = total - len(by_ind.get(ind, ()))
        if more:
            print("  ... %d more" % more)
    print("indicators: %d rows compared, %d differences" % (n, len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
