#!/usr/bin/python3
"""Compare cspi's working-day functions with numpy's business-day functions.

numpy (python3-numpy from Debian) is an independent implementation of the
same arithmetic: busday_count(begin, end) counts the valid days in
[begin, end), so cspi.working_days(a, b), which counts the working days in
(a, b], must equal busday_count(a + 1, b + 1) for every pair, negative ones
included.  add_working_days(a, n) must equal busday_offset(a, n) rolled
backward for n > 0 and forward for n < 0, and is_working_day is is_busday.

Three calendars, 100,000 random pairs each: England and Wales from
cspi.holiday, a random calendar with a random weekmask inserted into
cspi.calendar, and the IMMUTABLE variant given a random holiday array.
Then Excel's weekend strings, which have 1 for a day off: for random
strings, cspi.networkdays_intl(a, b, string, holidays), which counts both
ends, must equal busday_count(a, b + 1) with the inverted string as numpy's
weekmask (minus busday_count(b, a + 1) when b is before a).
Runs psql against the server that PGHOST/PGPORT/PGUSER name, in a database
it creates and drops.
Exit status 0 when every value agrees.
"""
import random
import sys

import numpy as np

import oracle_psql

PAIRS = 100_000
rng = random.Random(20240328)
EPOCH = np.datetime64("2000-01-01")


DB = "cspi_oracle"


def psql(sql, db=DB):
    return oracle_psql.psql(sql, db)


def to_iso(day):
    return str(EPOCH + np.timedelta64(int(day), "D"))


def check(label, calendar_arg, holidays, weekmask, first, last):
    """calendar_arg: SQL text for the calendar argument(s)."""
    lo = int((np.datetime64(first) - EPOCH).astype(int)) + 400
    hi = int((np.datetime64(last) - EPOCH).astype(int)) - 400
    a = np.array([rng.randint(lo, hi) for _ in range(PAIRS)])
    # Mostly short intervals, as in casework, some across decades.
    span = np.array([rng.choice([rng.randint(-60, 60), rng.randint(-9000, 9000)])
                     for _ in range(PAIRS)])
    b = np.clip(a + span, lo - 300, hi + 300)
    n = np.array([rng.randint(-150, 150) for _ in range(PAIRS)])
    n[n == 0] = 1   # n = 0 returns the day itself, not numpy's rolled day

    rows = "\n".join("%d\t%s\t%s\t%d" % (i, to_iso(x), to_iso(y), k)
                     for i, (x, y, k) in enumerate(zip(a, b, n)))
    out = psql(
        "CREATE TEMP TABLE pairs (id int, a date, b date, n int);\n"
        "COPY pairs FROM STDIN;\n" + rows + "\n\\.\n"
        "SELECT id, cspi.working_days(a, b, {c}),"
        " cspi.add_working_days(a, n, {c}) - '2000-01-01'::date,"
        " cspi.is_working_day(a, {c})::int"
        " FROM pairs ORDER BY id;\n".format(c=calendar_arg))
    got = np.array([[int(v) for v in line.split("|")]
                    for line in out.splitlines() if line])

    hol = np.array(sorted(holidays), dtype="datetime64[D]")
    cal = np.busdaycalendar(weekmask=weekmask, holidays=hol)
    da = EPOCH + a.astype("timedelta64[D]")
    db = EPOCH + b.astype("timedelta64[D]")
    one = np.timedelta64(1, "D")
    expect_wd = np.busday_count(da + one, db + one, busdaycal=cal)
    fwd = np.busday_offset(da, n, roll="backward", busdaycal=cal)
    bwd = np.busday_offset(da, n, roll="forward", busdaycal=cal)
    expect_add = (np.where(n > 0, fwd, bwd) - EPOCH).astype(int)
    expect_is = np.is_busday(da, busdaycal=cal).astype(int)

    bad = 0
    for col, expect, name in ((1, expect_wd, "working_days"),
                              (2, expect_add, "add_working_days"),
                              (3, expect_is, "is_working_day")):
        wrong = np.nonzero(got[:, col] != expect)[0]
        bad += len(wrong)
        for i in wrong[:5]:
            print("  %s %s(%s, %s, n=%d): cspi %d, numpy %d"
                  % (label, name, to_iso(a[i]), to_iso(b[i]), n[i],
                     got[i, col], expect[i]))
    print("%-40s %d pairs, %d disagreements" % (label, PAIRS, bad))
    return bad


def check_excel_weekend(holidays):
    """networkdays_intl with Excel's weekend string against numpy with the
    string inverted."""
    pairs = 200
    hol = np.array(sorted(holidays), dtype="datetime64[D]")
    arr = "'{%s}'::date[]" % ",".join(holidays)
    rows, expect = [], []
    for _ in range(25):
        weekend = "".join(rng.choice("01") for _ in range(7))
        if weekend == "1111111":
            weekend = "1111110"
        inverted = "".join("1" if c == "0" else "0" for c in weekend)
        cal = np.busdaycalendar(weekmask=inverted, holidays=hol)
        for _ in range(pairs):
            a = rng.randint(-1500, 9500)
            b = a + rng.choice([rng.randint(-60, 60), rng.randint(-3000, 3000)])
            da, db = EPOCH + np.timedelta64(a, "D"), EPOCH + np.timedelta64(b, "D")
            one = np.timedelta64(1, "D")
            n = (np.busday_count(da, db + one, busdaycal=cal) if a <= b
                 else -np.busday_count(db, da + one, busdaycal=cal))
            rows.append("%d\t%s\t%s\t%s" % (len(rows), to_iso(a), to_iso(b), weekend))
            expect.append(int(n))
    out = psql(
        "CREATE TEMP TABLE excel_pairs (id int, a date, b date, weekend text);\n"
        "COPY excel_pairs FROM STDIN;\n" + "\n".join(rows) + "\n\\.\n"
        "SELECT cspi.networkdays_intl(a, b, weekend, %s) FROM excel_pairs ORDER BY id;\n"
        % arr)
    got = [int(v) for v in out.split()]
    bad = 0
    for i, (g, e) in enumerate(zip(got, expect)):
        if g != e:
            bad += 1
            if bad <= 5:
                print("  networkdays_intl %s: cspi %d, numpy %d" % (rows[i], g, e))
    bad += abs(len(got) - len(expect))
    print("%-40s %d pairs, %d disagreements"
          % ("Excel weekend strings, inverted", len(expect), bad))
    return bad


def main():
    bad = 0
    psql("DROP DATABASE IF EXISTS %s;" % DB, db="postgres")
    psql("CREATE DATABASE %s;" % DB, db="postgres")
    psql("CREATE EXTENSION cspi;")

    ew = [line for line in psql(
        "SELECT holiday_date FROM cspi.holiday"
        " WHERE calendar = 'england-and-wales'").split() if line]
    bad += check("england-and-wales (cspi.holiday)", "'england-and-wales'",
                 ew, "1111100", "1995-01-01", "2040-12-31")

    mask = "".join(rng.choice("01") for _ in range(7))
    while "1" not in mask or mask.count("1") == 7:
        mask = "".join(rng.choice("01") for _ in range(7))
    days = sorted({rng.randint(-1000, 9000) for _ in range(600)})
    hol = [to_iso(d) for d in days]
    psql("DELETE FROM cspi.calendar WHERE name = 'oracle';\n"
         "INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)"
         " VALUES ('oracle', '%s', '1997-01-01', '2024-12-31');\n"
         "INSERT INTO cspi.holiday (calendar, holiday_date) VALUES %s;\n"
         % (mask, ",".join("('oracle', '%s')" % h for h in hol)))
    bad += check("random weekmask %s (cspi.holiday)" % mask, "'oracle'",
                 hol, mask, "1997-01-01", "2024-12-31")
    psql("DELETE FROM cspi.calendar WHERE name = 'oracle';")

    mask = "0111111"
    arr = "'{%s}'::date[], '%s'" % (",".join(hol), mask)
    bad += check("holidays array, weekmask %s" % mask, arr, hol, mask,
                 "1990-01-01", "2030-12-31")
    bad += check_excel_weekend(hol)

    psql("DROP DATABASE %s;" % DB, db="postgres")
    print("oracle: %s" % ("all agree" if bad == 0 else "%d disagreements" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
