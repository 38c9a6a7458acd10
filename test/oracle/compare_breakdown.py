#!/usr/bin/python3
"""Compare cspi's breakdowns with the independent Python oracle.

    compare_breakdown.py --schema SOURCE --report REPORT [--calendar C] [--dbname DB]

Runs indicators_oracle.py --breakdown on the source schema SOURCE and
compares, row for row, with REPORT.indicator_breakdown (read once, with
COPY), keyed by (indicator, period_type, period, dimension, category):
rows missing from the view, extra rows in it, and any difference of
numerator, denominator, display or unit (exactly, NULL and empty alike) or
of value (as a number: equal to 1e-13 of its size, numeric division's
16 significant digits).  Prints at most 40 differences, then one line

    breakdown: N rows compared, M differences

and exits 1 when there is any difference.
"""
import csv
import io
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal, InvalidOperation

from compare_indicators import parse_args, quote_ident, run_oracle
from compare_timeliness import report

MAX_SHOWN = 40
KEYS = 5
FIELDS = ("numerator", "denominator", "value", "display", "unit")
COLUMNS = ("indicator", "period_type", "period", "dimension", "category") + FIELDS


def rows_of(csv_text, origin):
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader, None)
    out, dups = {}, []
    if header is None:
        return out, dups
    if tuple(h.strip() for h in header) != COLUMNS:
        sys.exit("%s: unexpected header %r" % (origin, header))
    for r in reader:
        if not r:
            continue
        key = tuple(r[:KEYS])
        if key in out:
            dups.append(key)
        out[key] = tuple(r[KEYS:])
    return out, dups


def same_value(e, g):
    if e == g:
        return True
    if e == "" or g == "":
        return False
    try:
        de, dg = Decimal(e), Decimal(g)
    except InvalidOperation:
        return False
    return abs(de - dg) <= max(abs(de), Decimal(1)) * Decimal("1e-13")


def differences(e, g):
    bad = []
    for i, f in enumerate(FIELDS):
        ok = same_value(e[i], g[i]) if f == "value" else e[i] == g[i]
        if not ok:
            bad.append("%s oracle %r, cspi %r" % (f, e[i], g[i]))
    return bad


def main():
    args = parse_args(__doc__)
    # The view is computed when read: read it while the oracle runs.
    with ThreadPoolExecutor(2) as pool:
        view = pool.submit(report, args, "SELECT %s FROM %s.indicator_breakdown"
                           % (", ".join(COLUMNS), quote_ident(args.report)))
        oracle = pool.submit(run_oracle, args, "--breakdown")
        expected, edups = rows_of(oracle.result(), "oracle")
        got, dups = rows_of(view.result(), "%s.indicator_breakdown" % args.report)
    if edups:
        sys.exit("oracle produced duplicate rows: %r" % edups[:5])
    diffs = ["%s: duplicate row in the view" % " ".join(k) for k in dups]
    keys = sorted(set(expected) | set(got))
    for key in keys:
        e, g = expected.get(key), got.get(key)
        if g is None:
            diffs.append("%s: missing from the view (oracle %s)" % (" ".join(key), "/".join(e)))
        elif e is None:
            diffs.append("%s: extra row in the view (%s)" % (" ".join(key), "/".join(g)))
        else:
            bad = differences(e, g)
            if bad:
                diffs.append("%s: %s" % (" ".join(key), "; ".join(bad)))
    for d in diffs[:MAX_SHOWN]:
        print(d)
    if len(diffs) > MAX_SHOWN:
        print("... %d more" % (len(diffs) - MAX_SHOWN))
    print("breakdown: %d rows compared, %d differences" % (len(keys), len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
