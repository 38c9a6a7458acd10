#!/usr/bin/python3
"""Compare cspi's working-day distributions with the independent Python oracle.

    compare_timeliness.py --schema SOURCE --report REPORT [--calendar C] [--dbname DB]

Runs indicators_oracle.py --timeliness and --bands on the source schema
SOURCE and compares, row for row and exactly, with REPORT.timeliness and
REPORT.timeliness_band (the bands by their names).  Prints at most 40
differences, then one line

    timeliness: N rows compared, M differences

and exits 1 when there is any difference.
"""
import csv
import io
import subprocess
import sys

from compare_indicators import parse_args, quote_ident, run_oracle

MAX_SHOWN = 40


def rows_of(csv_text, keys):
    reader = csv.reader(io.StringIO(csv_text))
    next(reader, None)
    out = {}
    for r in reader:
        if r:
            out[tuple(r[:keys])] = tuple(r[keys:])
    return out


def report(args, query):
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    if args.dbname:
        cmd += ["-d", args.dbname]
    out = subprocess.run(cmd + ["-c", "COPY (%s) TO STDOUT WITH (FORMAT csv, HEADER)" % query],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("psql failed:\n" + out.stderr)
    return out.stdout


def main():
    args = parse_args(__doc__)
    r = quote_ident(args.report)
    pairs = [
        (rows_of(run_oracle(args, "--timeliness"), 3),
         rows_of(report(args, "SELECT indicator, period_type, period, cases, within_timescale, lower_quartile, median,"
                              " upper_quartile, p90, longest FROM %s.timeliness" % r), 3)),
        (rows_of(run_oracle(args, "--bands"), 4),
         rows_of(report(args, "SELECT indicator, period_type, period, band, cases FROM %s.timeliness_band" % r), 4)),
    ]
    compared, diffs = 0, []
    for expected, got in pairs:
        for key in sorted(set(expected) | set(got)):
            compared += 1
            e, g = expected.get(key), got.get(key)
            if e != g:
                diffs.append("%s: oracle %s, cspi %s" % (" ".join(key), e, g))
    for d in diffs[:MAX_SHOWN]:
        print(d)
    print("timeliness: %d rows compared, %d differences" % (compared, len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
