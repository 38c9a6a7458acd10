#!/usr/bin/python3
"""Compare cspi.networkdays_intl and cspi.workday_intl with a spreadsheet.

LibreOffice Calc (Debian's, headless) is an independent implementation of
Excel's NETWORKDAYS.INTL and WORKDAY.INTL.  Seeded random cases (negative
intervals, starts on weekends and holidays, zero and fractional numbers of
days, duplicate holidays and holidays on days off, blank holiday cells,
every weekend code, random weekend strings including "1111111", bad codes
and strings, an omitted weekend) are written as a flat ODF spreadsheet
(.fods) with one formula a row; `soffice --headless --convert-to csv`
recalculates it, and every result is compared with cspi's, as an error or a
value.  Cases with the holidays as an array, and cases on a calendar of
cspi.calendar whose holidays are the same cells for the spreadsheet.

The spreadsheet is checked to have recalculated: every formula cell is
written with a cached value of -999999, and Microsoft's documented examples
come first.

Microsoft's documentation is the reference where LibreOffice departs from
it: a weekend that is neither a code nor seven 0/1 is an error, "1111111" is
0 working days for NETWORKDAYS.INTL and an error for WORKDAY.INTL.  Cases
where LibreOffice's answer contradicts that are listed and left out of the
comparison with LibreOffice, and cspi is held to Microsoft's rule on them.
Which error (#NUM! or #VALUE!) a bad argument gives is not compared: cspi
raises one SQL error for both.

Runs psql against the server that PGHOST/PGPORT/PGUSER name, in a database
it creates and drops.  Exit status 0 when every case agrees.
"""
import datetime
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

import oracle_psql

SEED = 20060131
CASES = {"nwd": 1500, "wd": 1500, "nwd-cal": 500, "wd-cal": 500}
DB = "cspi_excel_oracle"
CALENDAR = "oracle-excel-intl"
EXCEL_EPOCH = datetime.date(1899, 12, 30)
CACHED = "-999999"   # what every formula cell says before recalculation

CODES = [1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17]
BAD_CODES = [0, 8, 9, 10, 18, -1, 99, 100]
BAD_STRINGS = ["000001", "00000110", "0000O11", "1", "", "0000 11",
               "2000000", "11111111", "abcdefg"]

rng = random.Random(SEED)


def serial(day):
    return (day - EXCEL_EPOCH).days


def rand_day(lo, hi):
    return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


def weekend_choice():
    r = rng.random()
    if r < 0.43:
        return ("code", rng.choice(CODES))
    if r < 0.73:
        return ("string", "".join(rng.choice("01") for _ in range(7)))
    if r < 0.76:
        return ("string", "1111111")
    if r < 0.78:
        return ("string", "0000000")
    if r < 0.88:
        return ("omitted", None)
    if r < 0.94:
        return ("code", rng.choice(BAD_CODES))
    return ("string", rng.choice(BAD_STRINGS))


def days_choice():
    r = rng.random()
    if r < 0.12:
        return "0"
    if r < 0.65:
        return str(rng.randint(-60, 60))
    whole = rng.randint(0, 40)
    frac = rng.choice(["1", "25", "5", "75", "9", "99"])
    return "%s%d.%s" % (rng.choice(["", "-"]), whole, frac)


def holiday_cells(lo, hi, start):
    """Six cells: dates (duplicates, the start, days off) or blanks."""
    cells = []
    for _ in range(6):
        r = rng.random()
        if r < 0.15:
            cells.append(None)
        elif r < 0.30 and any(cells):
            cells.append(rng.choice([c for c in cells if c]))
        elif r < 0.40:
            cells.append(start)
        else:
            cells.append(rand_day(lo, hi))
    return cells


def make_cases(calendar_holidays):
    cases = []
    for kind, n in CASES.items():
        on_calendar = kind.endswith("-cal")
        for _ in range(n):
            if on_calendar:
                start = rand_day(datetime.date(2024, 1, 1), datetime.date(2026, 12, 31))
            else:
                start = rand_day(datetime.date(2001, 1, 1), datetime.date(2029, 6, 30))
            case = {"kind": kind, "start": start, "weekend": weekend_choice(),
                    "calendar": on_calendar}
            if kind.startswith("nwd"):
                r = rng.random()
                span = (0 if r < 0.1 else rng.randint(-40, 40) if r < 0.7
                        else rng.randint(-400, 400))
                case["finish"] = start + datetime.timedelta(days=span)
                lo, hi = min(start, case["finish"]), max(start, case["finish"])
            else:
                case["days"] = days_choice()
                reach = abs(int(float(case["days"]))) * 2 + 7
                lo = start - datetime.timedelta(days=reach if case["days"].startswith("-") else 7)
                hi = start + datetime.timedelta(days=7 if case["days"].startswith("-") else reach)
            lo -= datetime.timedelta(days=3)
            hi += datetime.timedelta(days=3)
            if on_calendar:
                case["holidays"] = calendar_holidays
            elif rng.random() < 0.25:
                case["holidays"] = None        # no holidays argument
            else:
                case["holidays"] = holiday_cells(lo, hi, start)
            cases.append(case)
    return cases


# -- The spreadsheet ---------------------------------------------------------

def date_cell(day):
    if day is None:
        return "<table:table-cell/>"
    return ('<table:table-cell office:value-type="date" office:date-value="%s"/>'
            % day.isoformat())


def float_cell(text):
    return '<table:table-cell office:value-type="float" office:value="%s"/>' % text


def formula_cell(formula):
    return ('<table:table-cell table:formula="of:=%s" office:value-type="float"'
            ' office:value="%s"/>' % (escape(formula, {'"': "&quot;"}), CACHED))


def formula(case, row, ncal):
    kind, value = case["weekend"]
    if case["calendar"]:
        hol = "[$Calendar.$A$1:.$A$%d]" % ncal
    elif case["holidays"] is None:
        hol = None
    else:
        hol = "[.C%d:.H%d]" % (row, row)
    args = ["[.A%d]" % row, "[.B%d]" % row]
    if kind == "code":
        args.append(str(value))
    elif kind == "string":
        args.append('"%s"' % value)
    elif hol is not None:
        args.append("")                # NETWORKDAYS.INTL(a;b;;holidays)
    if hol is not None:
        args.append(hol)
    if case["kind"].startswith("nwd"):
        return "COM.MICROSOFT.NETWORKDAYS.INTL(%s)" % ";".join(args)
    return "N(COM.MICROSOFT.WORKDAY.INTL(%s))" % ";".join(args)


# Microsoft's documented examples, first: they show the sheet recalculated.
KNOWN = [
    ("COM.MICROSOFT.NETWORKDAYS.INTL(DATE(2006;1;1);DATE(2006;1;31))", "22"),
    ("COM.MICROSOFT.NETWORKDAYS.INTL(DATE(2006;2;28);DATE(2006;1;31))", "-21"),
    ("COM.MICROSOFT.NETWORKDAYS.INTL(DATE(2006;1;1);DATE(2006;2;1);7;{38719;38733})", "22"),
    ('COM.MICROSOFT.NETWORKDAYS.INTL(DATE(2006;1;1);DATE(2006;2;1);"0010001";{38719;38733})', "20"),
    ("N(COM.MICROSOFT.WORKDAY.INTL(DATE(2012;1;1);90;11))", "41013"),
    ("N(COM.MICROSOFT.WORKDAY.INTL(DATE(2012;1;1);30;17))", "40944"),
]


def write_fods(path, cases, calendar_holidays):
    rows = []
    for f, _ in KNOWN:
        rows.append("<table:table-row>%s</table:table-row>"
                    % ("<table:table-cell/>" * 8 + formula_cell(f)))
    first = len(KNOWN) + 1
    for i, case in enumerate(cases):
        row = first + i
        second = (date_cell(case["finish"]) if "finish" in case
                  else float_cell(case["days"]))
        hols = case["holidays"] if not case["calendar"] and case["holidays"] else []
        hols = list(hols) + [None] * (6 - len(hols))
        cells = ([date_cell(case["start"]), second] + [date_cell(h) for h in hols]
                 + [formula_cell(formula(case, row, len(calendar_holidays)))])
        rows.append("<table:table-row>%s</table:table-row>" % "".join(cells))
    cal_rows = ["<table:table-row>%s</table:table-row>" % date_cell(h)
                for h in calendar_holidays]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
            ' xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
            ' office:version="1.2"'
            ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
            '<office:body><office:spreadsheet>\n'
            '<table:table table:name="Cases">\n%s\n</table:table>\n'
            '<table:table table:name="Calendar">\n%s\n</table:table>\n'
            '</office:spreadsheet></office:body></office:document>\n'
            % ("\n".join(rows), "\n".join(cal_rows)))


def recalculate(fods, workdir):
    """The formula column of the first sheet, as LibreOffice computes it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("excel-intl oracle: no soffice; install libreoffice-calc-nogui")
    profile = os.path.join(workdir, "profile")
    out = subprocess.run(
        [soffice, "-env:UserInstallation=file://" + profile, "--headless",
         "--norestore", "--convert-to", "csv", "--outdir", workdir, fods],
        capture_output=True, text=True, timeout=600,
        env=dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8"))
    csv = os.path.splitext(fods)[0] + ".csv"
    if out.returncode != 0 or not os.path.exists(csv):
        sys.exit("excel-intl oracle: soffice failed:\n%s%s" % (out.stdout, out.stderr))
    with open(csv, encoding="utf-8") as f:
        return [line.rstrip("\n").split(",")[-1] for line in f]


# -- cspi --------------------------------------------------------------------

def psql(sql, db=DB):
    return oracle_psql.psql(sql, db)


SETUP = r"""
CREATE TABLE cases (id int, kind text, s date, f date, days numeric,
                    wkind text, wcode int, wstr text, h date[], cal text);
-- Every case, errors included, through PL/pgSQL: the arguments are
-- parameters there, so a call site sees them change from call to call.
CREATE FUNCTION oracle_intl(c cases) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    IF c.kind LIKE 'nwd%' THEN
        IF c.wkind = 'string' AND c.cal IS NOT NULL THEN
            RETURN cspi.networkdays_intl(c.s, c.f, c.wstr, c.cal)::text;
        ELSIF c.wkind = 'string' THEN
            RETURN cspi.networkdays_intl(c.s, c.f, c.wstr, c.h)::text;
        ELSIF c.cal IS NOT NULL THEN
            RETURN cspi.networkdays_intl(c.s, c.f, c.wcode, c.cal)::text;
        ELSE
            RETURN cspi.networkdays_intl(c.s, c.f, c.wcode, c.h)::text;
        END IF;
    END IF;
    IF c.wkind = 'string' AND c.cal IS NOT NULL THEN
        RETURN cspi.workday_intl(c.s, c.days, c.wstr, c.cal)::text;
    ELSIF c.wkind = 'string' THEN
        RETURN cspi.workday_intl(c.s, c.days, c.wstr, c.h)::text;
    ELSIF c.cal IS NOT NULL THEN
        RETURN cspi.workday_intl(c.s, c.days, c.wcode, c.cal)::text;
    ELSE
        RETURN cspi.workday_intl(c.s, c.days, c.wcode, c.h)::text;
    END IF;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN 'error';
END $$;
"""

# The cases without an error, again in plain SQL: the omitted weekend as
# omitted (the default), whole numbers of days as integer.
PLAIN = r"""
SELECT id, CASE
    WHEN kind = 'nwd' AND wkind = 'omitted' AND h IS NULL THEN cspi.networkdays_intl(s, f)
    WHEN kind = 'nwd' AND wkind = 'omitted' THEN cspi.networkdays_intl(s, f, holidays => h)
    WHEN kind = 'nwd' AND wkind = 'string' THEN cspi.networkdays_intl(s, f, wstr, h)
    WHEN kind = 'nwd' THEN cspi.networkdays_intl(s, f, wcode, h)
    WHEN kind = 'nwd-cal' AND wkind = 'string' THEN cspi.networkdays_intl(s, f, wstr, cal)
    WHEN kind = 'nwd-cal' THEN cspi.networkdays_intl(s, f, wcode, cal)
  END::text,
  CASE
    WHEN kind = 'wd' AND days <> trunc(days) AND wkind = 'string' THEN cspi.workday_intl(s, days, wstr, h)
    WHEN kind = 'wd' AND days <> trunc(days) THEN cspi.workday_intl(s, days, wcode, h)
    WHEN kind = 'wd' AND wkind = 'omitted' AND h IS NULL THEN cspi.workday_intl(s, days::integer)
    WHEN kind = 'wd' AND wkind = 'omitted' THEN cspi.workday_intl(s, days::integer, holidays => h)
    WHEN kind = 'wd' AND wkind = 'string' THEN cspi.workday_intl(s, days::integer, wstr, h)
    WHEN kind = 'wd' THEN cspi.workday_intl(s, days::integer, wcode, h)
    WHEN kind = 'wd-cal' AND days <> trunc(days) AND wkind = 'string' THEN cspi.workday_intl(s, days, wstr, cal)
    WHEN kind = 'wd-cal' AND days <> trunc(days) THEN cspi.workday_intl(s, days, wcode, cal)
    WHEN kind = 'wd-cal' AND wkind = 'string' THEN cspi.workday_intl(s, days::integer, wstr, cal)
    WHEN kind = 'wd-cal' THEN cspi.workday_intl(s, days::integer, wcode, cal)
  END::text
  FROM cases WHERE id = ANY ('{%s}'::int[]) ORDER BY id;
"""


def sql_array(cells):
    if cells is None:
        return r"\N"
    return "{%s}" % ",".join("NULL" if c is None else c.isoformat() for c in cells)


def copy_rows(cases):
    lines = []
    for i, c in enumerate(cases):
        kind, value = c["weekend"]
        lines.append("\t".join([
            str(i), c["kind"], c["start"].isoformat(),
            c["finish"].isoformat() if "finish" in c else r"\N",
            c.get("days", r"\N"), kind,
            str(value) if kind == "code" else r"\N",
            value if kind == "string" else r"\N",
            r"\N" if c["calendar"] else sql_array(c["holidays"]),
            CALENDAR if c["calendar"] else r"\N"]))
    return "\n".join(lines)


# -- Microsoft's rules where LibreOffice might depart from them --------------

def microsoft_says(case):
    """'error', '0', or None when Microsoft's documentation leaves it to
    the arithmetic."""
    kind, value = case["weekend"]
    if kind == "code" and value not in CODES:
        return "error"
    if kind == "string" and not re.fullmatch(r"[01]{7}", value):
        return "error"
    if kind == "string" and value == "1111111":
        return "0" if case["kind"].startswith("nwd") else "error"
    return None


def lo_value(case, text):
    """LibreOffice's result as cspi would print it, or 'error'."""
    if not re.fullmatch(r"-?\d+", text):
        return "error"
    if case["kind"].startswith("wd"):
        return (EXCEL_EPOCH + datetime.timedelta(days=int(text))).isoformat()
    return text


def main():
    calendar_holidays = sorted({rand_day(datetime.date(2023, 12, 1),
                                         datetime.date(2027, 1, 31))
                                for _ in range(90)})
    cases = make_cases(calendar_holidays)
    workdir = tempfile.mkdtemp(prefix="cspi-excel-intl.")
    try:
        fods = os.path.join(workdir, "excel_intl.fods")
        write_fods(fods, cases, calendar_holidays)
        results = recalculate(fods, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    bad = 0
    if len(results) != len(KNOWN) + len(cases):
        sys.exit("excel-intl oracle: %d result rows for %d formulas"
                 % (len(results), len(KNOWN) + len(cases)))
    for (f, expect), got in zip(KNOWN, results):
        if got != expect:
            print("  LibreOffice %s = %s, Microsoft documents %s%s"
                  % (f, got, expect, " (not recalculated)" if got == CACHED else ""))
            bad += 1
    if bad:
        sys.exit("excel-intl oracle: LibreOffice does not give Microsoft's examples")
    results = results[len(KNOWN):]
    if CACHED in results:
        sys.exit("excel-intl oracle: LibreOffice left cached values in place")

    psql("DROP DATABASE IF EXISTS %s;" % DB, db="postgres")
    psql("CREATE DATABASE %s;" % DB, db="postgres")
    try:
        psql("CREATE EXTENSION cspi;\n" + SETUP)
        psql("INSERT INTO cspi.calendar (name, weekmask, first_date, last_date)"
             " VALUES ('%s', '0111110', '2022-01-01', '2028-12-31');\n"
             "INSERT INTO cspi.holiday (calendar, holiday_date) VALUES %s;\n"
             % (CALENDAR, ",".join("('%s', '%s')" % (CALENDAR, h.isoformat())
                                   for h in calendar_holidays)))
        out = psql("COPY cases FROM STDIN;\n" + copy_rows(cases) + "\n\\.\n"
                   "SELECT id, oracle_intl(c) FROM cases c ORDER BY id;\n")
        wrapped = {int(i): v for i, v in
                   (line.split("|") for line in out.splitlines() if line)}
        plain_ids = [i for i in range(len(cases)) if wrapped[i] != "error"]
        out = psql(PLAIN % ",".join(map(str, plain_ids)))
        plain = {}
        for line in out.splitlines():
            if line:
                i, n, w = line.split("|")
                plain[int(i)] = n or w
    finally:
        psql("DROP DATABASE IF EXISTS %s;" % DB, db="postgres")

    agree = 0
    lo_differs = []
    counts = {}
    for i, case in enumerate(cases):
        lo = lo_value(case, results[i])
        ms = microsoft_says(case)
        cspi = wrapped[i]
        label = "%s start=%s %s weekend=%s holidays=%s" % (
            case["kind"], case["start"],
            "finish=%s" % case["finish"] if "finish" in case else "days=%s" % case["days"],
            case["weekend"][1] if case["weekend"][0] != "omitted" else "(omitted)",
            CALENDAR if case["calendar"] else sql_array(case["holidays"]))
        if i in plain and plain[i] != cspi:
            print("  %s: plain SQL %s, through PL/pgSQL %s" % (label, plain[i], cspi))
            bad += 1
            continue
        if ms is not None and lo != ms:
            lo_differs.append((label, results[i], ms, cspi))
            if cspi != ms:
                print("  %s: cspi %s, Microsoft documents %s" % (label, cspi, ms))
                bad += 1
            continue
        counts[case["kind"]] = counts.get(case["kind"], 0) + 1
        if cspi == lo:
            agree += 1
        else:
            bad += 1
            if bad <= 30:
                print("  %s: cspi %s, LibreOffice %s (%s)" % (label, cspi, lo, results[i]))

    for label, got, ms, cspi in lo_differs[:10]:
        print("  LibreOffice departs from Microsoft: %s: LibreOffice %s, Microsoft %s, cspi %s"
              % (label, got, ms, cspi))
    errors = sum(1 for i in range(len(cases)) if wrapped[i] == "error")
    print("excel-intl oracle: %d cases (%s), %d agree with LibreOffice, %d errors"
          " among them; %d where LibreOffice departs from Microsoft's"
          " documentation (cspi follows Microsoft); %d disagreements"
          % (len(cases), ", ".join("%s %d" % kv for kv in sorted(counts.items())),
             agree, errors, len(lo_differs), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
