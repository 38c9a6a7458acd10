"""Check an Annex A workbook written by tools/cspi-annex-a.

    check_workbook.py TEMPLATE_HEADINGS.csv WORKBOOK.xlsx EXPECTED.json WORKDIR

Reads the workbook with openpyxl and, separately, has LibreOffice (headless)
convert every sheet to CSV; both must show exactly the sheets "List 1" ...
"List 11", in order, each with the template's headings (TEMPLATE_HEADINGS,
transcribed from Ofsted's sample workbook) in row 1, and below them the
rows cspi.annex_a() gives (EXPECTED, {list: [cells...]}): dates as dates
(shown DD/MM/YYYY), counts as numbers, blanks empty.  Exits non-zero,
saying what differs, on the first list that does not.
"""

import csv
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys

import openpyxl


def fail(message):
    sys.exit("annex-a workbook: " + message)


def template(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    sheets = {}
    for r in rows:
        sheets.setdefault(r["sheet"], []).append((int(r["position"]), r["heading"]))
    names = sorted(sheets, key=lambda s: int(s.split()[1]))
    return names, {s: [h for _, h in sorted(sheets[s])] for s in names}


def kind_of(value):
    """The type a cell of cspi.annex_a() holds: date, integer or text."""
    if value is None:
        return None
    if isinstance(value, int):
        return "integer"
    try:
        datetime.date.fromisoformat(value)
        return "date"
    except ValueError:
        return "text"


def check_openpyxl(path, names, headings, expected):
    book = openpyxl.load_workbook(path)
    if book.sheetnames != names:
        fail("openpyxl: sheets %r, the template's %r" % (book.sheetnames, names))
    if book.defined_names and len(list(book.defined_names)) > 0:
        fail("openpyxl: the workbook has defined names: %r" % list(book.defined_names))
    for name in names:
        sheet = book[name]
        got = [c.value for c in sheet[1]]
        if got != headings[name]:
            fail("openpyxl: %s headings differ:\n  got      %r\n  template %r" % (name, got, headings[name]))
        rows = expected[name.split()[1]]
        if sheet.max_row != 1 + len(rows) and not (sheet.max_row == 1 and not rows):
            fail("openpyxl: %s has %d rows below the headings, cspi.annex_a() %d"
                 % (name, sheet.max_row - 1, len(rows)))
        if sheet.max_column != len(headings[name]):
            fail("openpyxl: %s has %d columns, the template %d" % (name, sheet.max_column, len(headings[name])))
        for i, (row, want) in enumerate(zip(sheet.iter_rows(min_row=2, values_only=True), rows), start=2):
            for j, (value, w) in enumerate(zip(row, want), start=1):
                k = kind_of(w)
                if k == "date":
                    ok = isinstance(value, datetime.datetime) and value.date() == datetime.date.fromisoformat(w)
                elif k == "integer":
                    ok = isinstance(value, int) and value == w
                else:
                    ok = value == w
                if not ok:
                    fail("openpyxl: %s row %d column %d (%s): %r, cspi.annex_a() %r"
                         % (name, i, j, headings[name][j - 1], value, w))
    return sum(len(rows) for rows in expected.values())


def check_libreoffice(path, names, headings, expected, workdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        fail("no soffice; install libreoffice-calc-nogui")
    outdir = os.path.join(workdir, "csv")
    os.makedirs(outdir, exist_ok=True)
    # Every sheet to its own CSV (the 12th option, -1), UTF-8 (76), cells
    # as shown (the 9th, true): a date shows as the workbook formats it.
    out = subprocess.run(
        [soffice, "-env:UserInstallation=file://" + os.path.join(workdir, "profile"), "--headless",
         "--norestore", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
         "--outdir", outdir, path],
        capture_output=True, text=True, timeout=600,
        env=dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8"))
    base = os.path.splitext(os.path.basename(path))[0]
    made = sorted(glob.glob(os.path.join(outdir, base + "-*.csv")))
    if out.returncode != 0 or not made:
        fail("soffice failed:\n%s%s" % (out.stdout, out.stderr))
    sheets = sorted((os.path.basename(m)[len(base) + 1:-4] for m in made), key=lambda s: int(s.split()[-1]))
    if sheets != names:
        fail("LibreOffice: sheets %r, the template's %r" % (sheets, names))
    for name in names:
        with open(os.path.join(outdir, "%s-%s.csv" % (base, name)), encoding="utf-8", newline="") as f:
            lines = list(csv.reader(f))
        if not lines or lines[0] != headings[name]:
            fail("LibreOffice: %s headings differ:\n  got      %r\n  template %r"
                 % (name, lines[0] if lines else None, headings[name]))
        rows = expected[name.split()[1]]
        if len(lines) - 1 != len(rows):
            fail("LibreOffice: %s has %d rows below the headings, cspi.annex_a() %d" % (name, len(lines) - 1, len(rows)))
        for i, (line, want) in enumerate(zip(lines[1:], rows), start=2):
            shown = []
            for w in want:
                k = kind_of(w)
                if k == "date":
                    shown.append(datetime.date.fromisoformat(w).strftime("%d/%m/%Y"))
                elif w is None:
                    shown.append("")
                else:
                    shown.append(str(w))
            if line != shown:
                fail("LibreOffice: %s row %d:\n  got      %r\n  expected %r" % (name, i, line, shown))


def main():
    headings_csv, workbook, expected_json, workdir = sys.argv[1:5]
    names, headings = template(headings_csv)
    if names != ["List %d" % n for n in range(1, 12)]:
        fail("the template file lists sheets %r" % names)
    with open(expected_json, encoding="utf-8") as f:
        expected = json.load(f)
    rows = check_openpyxl(workbook, names, headings, expected)
    check_libreoffice(workbook, names, headings, expected, workdir)
    print("annex-a workbook: 11 sheets, %d headings as the template's, %d rows (%s), read by openpyxl and LibreOffice"
          % (sum(len(h) for h in headings.values()), rows,
             ", ".join("%s %d" % (n, len(expected[n.split()[1]])) for n in names)))


if __name__ == "__main__":
    main()
