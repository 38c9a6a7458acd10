#!/usr/bin/env python3
"""Generate the UK bank holidays that cspi ships, 1995 to 2040.

Prints the INSERT into cspi.holiday that `make` puts into the install script
(src/sql/holidays.sql, built; see the Makefile).
The rules are those of the Banking and Financial Dealings Act 1971 and the
St Andrew's Day Bank Holiday (Scotland) Act 2007 as applied by royal
proclamation, with every one-off change since 1995.  Years that the UK
government has not yet published follow the rules and are provisional.

The regression test sql/calendars_govuk.sql checks the output against the
government's published lists for 2018 to 2026, typed in independently.

Usage: tools/gen_uk_holidays.py > src/sql/schema/holidays.sql
       tools/gen_uk_holidays.py --any-uk > src/sql/schema/holidays_uk_any.sql
"""
import datetime as dt

FIRST_YEAR, LAST_YEAR = 1995, 2040
MON, FRI, SAT, SUN = 0, 4, 5, 6


def easter(y):
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def first_monday(y, m):
    d = dt.date(y, m, 1)
    return d + dt.timedelta(days=(MON - d.weekday()) % 7)


def last_monday(y, m):
    d = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - MON) % 7)


def next_monday_if_weekend(d, name):
    """A single holiday on a weekend moves to the next Monday."""
    if d.weekday() >= SAT:
        return [(d + dt.timedelta(days=7 - d.weekday()), name + " (substitute day)")]
    return [(d, name)]


def pair(d1, name1, name2):
    """Two consecutive holidays (25/26 December, 1/2 January) and their
    substitutes: whichever falls on a weekend moves to the next free weekday."""
    wd = d1.weekday()
    d2 = d1 + dt.timedelta(days=1)
    if wd < FRI:
        return [(d1, name1), (d2, name2)]
    if wd == FRI:
        return [(d1, name1), (d1 + dt.timedelta(days=3), name2 + " (substitute day)")]
    if wd == SAT:
        return [(d1 + dt.timedelta(days=2), name1 + " (substitute day)"),
                (d1 + dt.timedelta(days=3), name2 + " (substitute day)")]
    # Sunday: the second day stands, the first moves to the Tuesday.
    return [(d2, name2), (d1 + dt.timedelta(days=2), name1 + " (substitute day)")]


def early_may(y):
    if y in (1995, 2020):   # moved to VE Day, 8 May (Monday 1995, Friday 2020)
        return [(dt.date(y, 5, 8), "Early May bank holiday (VE day)")]
    return [(first_monday(y, 5), "Early May bank holiday")]


def spring(y):
    moved = {2002: dt.date(2002, 6, 4), 2012: dt.date(2012, 6, 4),
             2022: dt.date(2022, 6, 2)}
    return [(moved.get(y, last_monday(y, 5)), "Spring bank holiday")]


ONE_OFF = [
    (dt.date(1999, 12, 31), "Millennium celebrations"),
    (dt.date(2002, 6, 3), "Golden Jubilee bank holiday"),
    (dt.date(2011, 4, 29), "Royal wedding"),
    (dt.date(2012, 6, 5), "Diamond Jubilee bank holiday"),
    (dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    (dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    (dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
]


def england_and_wales(y):
    e = easter(y)
    return (next_monday_if_weekend(dt.date(y, 1, 1), "New Year's Day")
            + [(e - dt.timedelta(days=2), "Good Friday"),
               (e + dt.timedelta(days=1), "Easter Monday")]
            + early_may(y) + spring(y)
            + [(last_monday(y, 8), "Summer bank holiday")]
            + pair(dt.date(y, 12, 25), "Christmas Day", "Boxing Day"))


def scotland(y):
    e = easter(y)
    days = (pair(dt.date(y, 1, 1), "New Year's Day", "2nd January")
            + [(e - dt.timedelta(days=2), "Good Friday")]
            + early_may(y) + spring(y)
            + [(first_monday(y, 8), "Summer bank holiday")])
    if y >= 2007:
        days += next_monday_if_weekend(dt.date(y, 11, 30), "St Andrew's Day")
    return days + pair(dt.date(y, 12, 25), "Christmas Day", "Boxing Day")


def northern_ireland(y):
    return (england_and_wales(y)
            + next_monday_if_weekend(dt.date(y, 3, 17), "St Patrick's Day")
            + next_monday_if_weekend(dt.date(y, 7, 12),
                                     "Battle of the Boyne (Orangemen's Day)"))


RULES = (("england-and-wales", england_and_wales),
         ("scotland", scotland),
         ("northern-ireland", northern_ireland))

# The calendar of a bank holiday in any part of the United Kingdom, as the
# Freedom of Information Act 2000 (s.10(6)) counts working days: the union
# of the three nations' holidays.
ANY_UK = "uk-any"


def holidays(rule):
    """The (date, name) pairs of one nation, in date order."""
    days = []
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        days += rule(y)
        days += [(d, n) for d, n in ONE_OFF if d.year == y]
    seen = set()
    for d, n in sorted(days):
        assert d not in seen, (rule.__name__, d)
        seen.add(d)
    return sorted(days)


def any_uk():
    """The union of the three nations' holidays, each date named once with
    the nations that keep it when not all of them do."""
    nations = {"england-and-wales": "England and Wales", "scotland": "Scotland",
               "northern-ireland": "Northern Ireland"}
    by_date = {}
    for cal, rule in RULES:
        for d, n in holidays(rule):
            by_date.setdefault(d, []).append((cal, n))
    days = []
    for d in sorted(by_date):
        kept = by_date[d]
        names = sorted(set(n for _, n in kept), key=lambda n: [x for _, x in kept].index(n))
        name = " / ".join(names)
        where = [c for c, _ in kept]
        if where == ["england-and-wales", "northern-ireland"]:
            name += " (England, Wales and Northern Ireland)"
        elif len(where) < len(RULES):
            name += " (%s)" % " and ".join(nations[c] for c in where)
        days.append((d, name))
    return days


def row(cal, d, n):
    return "    ('%s', '%s', '%s', true)" % (cal, d.isoformat(), n.replace("'", "''"))


def main(argv):
    if argv[1:] == ["--any-uk"]:
        print("-- Generated by tools/gen_uk_holidays.py --any-uk: a bank holiday in any")
        print("-- part of the United Kingdom (the union of the three nations' calendars).")
        # An upgrade meets a council's own calendar of that name: say so.
        print("DO $check$ BEGIN")
        print("    IF EXISTS (SELECT 1 FROM cspi.calendar WHERE name OPERATOR(pg_catalog.=) '%s') THEN" % ANY_UK)
        print("        RAISE EXCEPTION 'cspi 1.2 ships a calendar named \"%s\", and this database already has one'" % ANY_UK)
        print("            USING ERRCODE = 'duplicate_object',")
        print("                  HINT = 'Rename your calendar (UPDATE cspi.calendar SET name = ... WHERE name = ''%s''), then update cspi.';" % ANY_UK)
        print("    END IF;")
        print("END $check$;")
        print("INSERT INTO cspi.calendar (name, weekmask, first_date, last_date, description, shipped) VALUES")
        print("    ('%s', '1111100', '%d-01-01', '%d-12-31'," % (ANY_UK, FIRST_YEAR, LAST_YEAR))
        print("     'A bank holiday in any part of the United Kingdom (England and Wales, Scotland or Northern Ireland), "
              "Monday to Friday: the working days of the Freedom of Information Act 2000, s.10(6). "
              "Dates after 2027 follow the statutory rules and are provisional until the UK government publishes them.', true);")
        print("INSERT INTO cspi.holiday (calendar, holiday_date, name, shipped) VALUES")
        print(",\n".join(row(ANY_UK, d, n) for d, n in any_uk()) + ";")
        return
    if argv[1:]:
        raise SystemExit("usage: gen_uk_holidays.py [--any-uk]")
    rows = [row(cal, d, n) for cal, rule in RULES for d, n in holidays(rule)]
    print("-- Generated by tools/gen_uk_holidays.py; checked against the published")
    print("-- lists for 2018 to 2026 by sql/calendars_govuk.sql.")
    print("INSERT INTO cspi.holiday (calendar, holiday_date, name, shipped) VALUES")
    print(",\n".join(rows) + ";")


if __name__ == "__main__":
    import sys
    main(sys.argv)
