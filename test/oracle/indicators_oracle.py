#!/usr/bin/python3
"""Independent reference implementation (test oracle) of every cspi indicator.

Written from ../../shared/spec/indicators.md, data-contract.md and
doc/indicator-decisions.md alone, never from the extension's SQL, so that a
disagreement between the two points at a bug in one of them.

    indicators_oracle.py --schema SOURCE [--calendar england-and-wales] [--dbname DB]
    indicators_oracle.py --schema SOURCE --breakdown [...]
    indicators_oracle.py --self-test

Reads every source relation of SOURCE that exists (psql COPY ... TO STDOUT,
connection from PGHOST/PGPORT/PGUSER/PGDATABASE, -d DB when given), the
calendar from cspi.calendar / cspi.holiday, and prints CSV:

    indicator,period_type,period,numerator,denominator,shown

one row per available indicator and period (year '2023/24', quarter
'2023/24 Q1', month '2023-04') of every financial year from the first to the
last with an event (decision 2).  Working days are numpy.busday_count;
percentages and rates are rounded exactly (fractions), half away from zero.

Dates are held as proleptic ordinals (int); +/- infinity as sentinels.

Choices where the specs and doc/indicator-decisions.md leave room (listed here so
that a disagreement with the SQL can be traced to one of them):

 1. Periods of care: a child's first episode (after short breaks are removed)
    starts a period of care even when its reason_new is not S (the data
    error "a period of care that does not begin with S", still counted).
 2. An episode with an end_date and a NULL reason_ceased ends its period of
    care (NULL is "other than X1").
 3. No working-day count (a date outside the calendar's range, or a NULL
    start date) counts as not within timescale and, for REF_OVER_3WD, as
    over 3 working days (decision 5 applied to NULL too).
 4. CIC_STABILITY_SHORT: "the placement still open on the window's first
    day" is open by the contract's snapshot rule (started before that day,
    end NULL or after it): one whose period of care ended on that day does
    not count, nor one that the next placement replaced on that day.
 5. RHI_ENGAGED's numerator is taken within its denominator: engaged true
    and rhi_offered_at not NULL.
 6. CIC_HEALTH_CURRENT: only kinds 'initial' and 'review' count as health
    assessments; a child with no date of birth (or no child row) is not
    under 5, so the 12-month rule applies; such a child is still counted.
    CIC_STABILITY_LONG and CL_* leave children of unknown age out (they
    are not "aged under 16" / "aged 19 to 21").
 7. Population: decision 28, the latest estimate dated (30 June) strictly
    before the period's last day, so June 2023 and 2023/24 Q1 use mid-2022
    as the contract's examples say.
    A population row whose children is NULL or not above 0 is not an
    estimate: the one before it is used (data-contract.md).
 8. Ties: the plan a visit belongs to and the open episode break ties on
    start date by the id's order in PostgreSQL (dense_rank over the id
    column, so the column's type and collation decide).
 9. Activity codes, providers, kinds, visit types and reason codes are
    compared after trimming surrounding white space and upper-casing.
10. Timestamps (missing_episode): compared as PostgreSQL would compare the
    columns: wall-clock for timestamp columns, absolute instants when a
    column is timestamptz; their dates are taken in Europe/London.
11. CIN_RATE (cin_episode, a relation the children_in_need family adds):
    its dates are not events, so they add no periods (decision 2 predates
    it; doc/indicator-decisions.md).
12. The DfE's measures (REFERRAL_RATE ... CL_EET_17_18), written from the
    catalogue's definitions: rates are not annualised and use the
    population of choice 7; CP_2YEARS_PLUS counts plan rows (a NULL
    child_id too); CIC_SW_3PLUS compares worker_id as text exactly (an
    empty one is a worker), leaves out allocations with no start_date or
    no worker_id, and counts every allocation, qualified or not;
    CL_EET_17_18 takes care leavers as CL_*_19_21 does.  An indicator
    needing an optional column (referral.nfa, allocation.worker_id) is
    not output when the source lacks it.

With --breakdown it prints the view indicator_breakdown instead (written
from doc/indicators.md, "For which children: breakdowns"):

    indicator,period_type,period,dimension,category,numerator,denominator,value,display,unit

Each case the counts above count (a row in a figure's numerator or
denominator; an item of a distinct count once, in the numerator or
denominator when any of its rows is, with the child and day of its first
counted row: earliest day, then lowest child_id, NULL last) is put in one
category of each dimension the source has the relations and columns for,
read on the case's day (the event's date, or a snapshot's period end).
Choices where that text leaves room:

13. A child with several child rows takes the one with the earliest date of
    birth (NULL last); ids are unique in every source tested.
14. uasc reads every cla_episode row (an "episode of care" of the
    contract), short breaks included: the short-break rule removes them
    from the children-in-care indicators, and the dimension is not one.
15. team and locality: an allocation with start_date NULL is never in
    force; in the tie rule a NULL team (locality) sorts after every team;
    a team that is empty once trimmed has none (unknown).
16. A rate's age band uses population_age_band as the headline uses
    population (choice 7): the latest estimate dated before the period's
    last day; its children NULL gives a count, 0 a rate with no value.
17. allocation.role personal_advisor (a care leaver's personal advisor,
    since 1.4): not a social worker's allocation, so none is read at all,
    for the figures, the teams and localities and the periods alike.
"""
import argparse
import bisect
import csv
import datetime
import os
import subprocess
import sys
import math
from decimal import Decimal
from fractions import Fraction

import numpy as np

INF = 10 ** 8          # date 'infinity' (and years past 9999)
NINF = -10 ** 8        # date '-infinity' (and BC dates)

INDICATORS = """REF_1WD REF_OVER_3WD REFERRAL_RATE REFERRAL_NFA REREFERRAL_12M
REREFERRAL_CHILDREN REREFERRAL_FAMILIES CFA_COMPLETED CFA_45WD CIN_RATE S47_RATE
ICPC_RATE ICPC_15WD CP_OPEN CP_RATE CP_STARTED CP_STARTED_RATE CP_REPEAT_2Y
CP_REPEAT_EVER CP_2YEARS_PLUS CP_ALLOCATED_QSW CP_REVIEW_TIMELY CP_VISIT_10WD
CP_VISIT_15WD CIC_OPEN CIC_UASC CIC_RATE CIC_STARTED CIC_STARTED_RATE
CIC_STARTED_FAMILIES CIC_STARTED_UASC CIC_STARTED_BEFORE CIC_CEASED
CIC_CEASED_FAMILIES CIC_CEASED_HOME CIC_20_MILES CIC_ALLOCATED_QSW
CIC_REVIEW_TIMELY CIC_VISIT_TIMELY CIC_RHA_DONE CIC_HEALTH_CURRENT
CIC_STABILITY_LONG CIC_STABILITY_SHORT CIC_SW_3PLUS RHI_72H RHI_ENGAGED
CL_EET_17_18 CL_ACCOM_19_21
CL_ACCOM_22_25 CL_NEET_19_21 CL_NEET_22_25 CL_EDUCATION_19_21
CL_EDUCATION_22_25 CL_TRAINING_EMPLOYMENT_19_21 CL_TRAINING_EMPLOYMENT_22_25
EH_FAMILIES_INTERNAL EH_CHILDREN_INTERNAL EH_FAMILIES_EXTERNAL
EH_CHILDREN_EXTERNAL""".split()

# unit: '%', 'count' or 'rate'; needs: the relations (and optional columns,
# as 'relation.column') that must all exist (available()).
SPEC = {
    "REF_1WD": ("%", ["referral"]),
    "REF_OVER_3WD": ("%", ["referral"]),
    "REFERRAL_RATE": ("rate", ["referral", "population"]),
    "REFERRAL_NFA": ("%", ["referral", "referral.nfa"]),
    "REREFERRAL_12M": ("%", ["referral"]),
    "REREFERRAL_CHILDREN": ("count", ["referral"]),
    "REREFERRAL_FAMILIES": ("count", ["referral", "child"]),
    "CFA_COMPLETED": ("count", ["assessment"]),
    "CFA_45WD": ("%", ["assessment"]),
    "S47_RATE": ("rate", ["s47_enquiry", "population"]),
    "ICPC_RATE": ("rate", ["s47_enquiry", "population"]),
    "ICPC_15WD": ("%", ["s47_enquiry"]),
    "CIN_RATE": ("rate", ["cin_episode", "population"]),
    "CP_OPEN": ("count", ["cp_plan"]),
    "CP_RATE": ("rate", ["cp_plan", "population"]),
    "CP_STARTED": ("count", ["cp_plan"]),
    "CP_STARTED_RATE": ("rate", ["cp_plan", "population"]),
    "CP_2YEARS_PLUS": ("%", ["cp_plan"]),
    "CP_REPEAT_2Y": ("%", ["cp_plan"]),
    "CP_REPEAT_EVER": ("%", ["cp_plan"]),
    "CP_ALLOCATED_QSW": ("%", ["cp_plan", "allocation"]),
    "CP_REVIEW_TIMELY": ("%", ["cp_review", "cp_plan"]),
    "CP_VISIT_10WD": ("%", ["visit", "cp_plan"]),
    "CP_VISIT_15WD": ("%", ["visit", "cp_plan"]),
    "CIC_OPEN": ("count", ["cla_episode"]),
    "CIC_UASC": ("count", ["cla_episode"]),
    "CIC_RATE": ("rate", ["cla_episode", "population"]),
    "CIC_STARTED": ("count", ["cla_episode"]),
    "CIC_STARTED_RATE": ("rate", ["cla_episode", "population"]),
    "CIC_STARTED_FAMILIES": ("count", ["cla_episode", "child"]),
    "CIC_STARTED_UASC": ("count", ["cla_episode"]),
    "CIC_STARTED_BEFORE": ("count", ["cla_episode"]),
    "CIC_CEASED": ("count", ["cla_episode"]),
    "CIC_CEASED_FAMILIES": ("count", ["cla_episode", "child"]),
    "CIC_CEASED_HOME": ("%", ["cla_episode"]),
    "CIC_20_MILES": ("%", ["cla_episode"]),
    "CIC_ALLOCATED_QSW": ("%", ["cla_episode", "allocation"]),
    "CIC_REVIEW_TIMELY": ("%", ["cla_review", "cla_episode"]),
    "CIC_VISIT_TIMELY": ("%", ["visit", "cla_episode"]),
    "CIC_RHA_DONE": ("%", ["health_assessment"]),
    "CIC_HEALTH_CURRENT": ("%", ["cla_episode", "health_assessment", "child"]),
    "CIC_STABILITY_LONG": ("%", ["cla_episode", "child"]),
    "CIC_STABILITY_SHORT": ("%", ["cla_episode"]),
    "CIC_SW_3PLUS": ("%", ["cla_episode", "allocation", "allocation.worker_id"]),
    "RHI_72H": ("%", ["missing_episode"]),
    "RHI_ENGAGED": ("%", ["missing_episode"]),
    "EH_FAMILIES_INTERNAL": ("count", ["family_support"]),
    "EH_CHILDREN_INTERNAL": ("count", ["family_support"]),
    "EH_FAMILIES_EXTERNAL": ("count", ["family_support"]),
    "EH_CHILDREN_EXTERNAL": ("count", ["family_support"]),
    "CL_EET_17_18": ("%", ["care_leaver", "child"]),
}
for _band in ("19_21", "22_25"):
    for _what in ("ACCOM", "NEET", "EDUCATION", "TRAINING_EMPLOYMENT"):
        SPEC["CL_%s_%s" % (_what, _band)] = ("%", ["care_leaver", "child"])
assert set(SPEC) == set(INDICATORS)

# Source relations: columns in the order the oracle holds them.  Kinds:
# id/text (str), date (ordinal), bool, int, num (Decimal), epoch (Decimal
# seconds, for timestamps compared with hours), rank (the id's sort position).
RELATIONS = {
    "child": [("child_id", "id"), ("family_id", "id"), ("date_of_birth", "date")],
    "population": [("year", "int"), ("children", "int")],
    "referral": [("referral_id", "id"), ("child_id", "id"),
                 ("referral_date", "date"), ("completed_date", "date")],
    "assessment": [("assessment_id", "id"), ("child_id", "id"),
                   ("start_date", "date"), ("authorised_date", "date")],
    "s47_enquiry": [("s47_id", "id"), ("child_id", "id"), ("strategy_date", "date"),
                    ("icpc_date", "date"), ("transfer_in", "bool")],
    "cp_plan": [("plan_id", "id"), ("child_id", "id"), ("start_date", "date"),
                ("end_date", "date"), ("plan_id", "rank")],
    "cp_review": [("review_id", "id"), ("plan_id", "id"), ("review_date", "date")],
    "cla_episode": [("episode_id", "id"), ("child_id", "id"), ("start_date", "date"),
                    ("end_date", "date"), ("reason_new", "text"),
                    ("legal_status", "text"), ("placement", "text"),
                    ("reason_ceased", "text"), ("distance_miles", "num"),
                    ("uasc", "bool"), ("episode_id", "rank")],
    "cla_review": [("review_id", "id"), ("child_id", "id"), ("review_date", "date")],
    "visit": [("visit_id", "id"), ("child_id", "id"), ("visit_type", "text"),
              ("visit_date", "date"), ("due_date", "date")],
    "allocation": [("child_id", "id"), ("start_date", "date"), ("end_date", "date"),
                   ("qualified_social_worker", "bool")],
    "health_assessment": [("child_id", "id"), ("kind", "text"), ("due_date", "date"),
                          ("completed_date", "date")],
    "missing_episode": [("episode_id", "id"), ("child_id", "id"), ("start_at", "date"),
                        ("returned_at", "date"), ("rhi_offered_at", "date"),
                        ("returned_at", "epoch"), ("rhi_offered_at", "epoch"),
                        ("rhi_engaged", "bool"), ("other_authority", "bool")],
    "care_leaver": [("child_id", "id"), ("as_at", "date"), ("in_touch", "bool"),
                    ("accommodation_suitable", "bool"), ("activity", "text")],
    "cin_episode": [("episode_id", "id"), ("child_id", "id"), ("start_date", "date"),
                    ("end_date", "date")],
    "family_support": [("case_id", "id"), ("family_id", "id"), ("child_id", "id"),
                       ("provider", "text"), ("start_date", "date"),
                       ("end_date", "date")],
    "population_age_band": [("year", "int"), ("age_band", "text"), ("children", "int")],
}

# The optional columns, loaded (when the relation is present) as
# pseudo-relations, NULL for a column the source lacks; Source.columns says
# which it has.  The breakdowns read child_dims (child_id, date_of_birth,
# sex, ethnicity, disability) and allocation_dims (child_id, start_date,
# end_date, team, locality); REFERRAL_NFA reads referral_nfa (child_id,
# referral_date, nfa) and CIC_SW_3PLUS allocation_workers (child_id,
# start_date, end_date, worker_id).
OPTIONAL_COLUMNS = {
    "child": ("sex", "ethnicity", "disability"),
    "allocation": ("worker_id", "team", "locality"),
    "referral": ("nfa",),
}
DIMS_RELATIONS = {
    "child_dims": ("child", [("child_id", "id"), ("date_of_birth", "date"), ("sex", "text"),
                             ("ethnicity", "text"), ("disability", "text")]),
    "allocation_dims": ("allocation", [("child_id", "id"), ("start_date", "date"),
                                       ("end_date", "date"), ("team", "text"),
                                       ("locality", "text")]),
    "allocation_workers": ("allocation", [("child_id", "id"), ("start_date", "date"),
                                          ("end_date", "date"), ("worker_id", "id")]),
    "referral_nfa": ("referral", [("child_id", "id"), ("referral_date", "date"),
                                  ("nfa", "bool")]),
}

# Event columns (decision 2): every date/timestamp column except
# child.date_of_birth, population.year and the due dates.  Positions in the
# tuples above.
EVENT_COLUMNS = {
    "referral": [2, 3], "assessment": [2, 3], "s47_enquiry": [2, 3],
    "cp_plan": [2, 3], "cp_review": [2], "cla_episode": [2, 3],
    "cla_review": [2], "visit": [3], "allocation": [1, 2],
    "health_assessment": [3], "missing_episode": [2, 3, 4],
    "care_leaver": [1], "family_support": [4, 5],
}


# ---------------------------------------------------------------------------
# Dates


_date_cache = {}


def parse_date(s):
    """ISO text from PostgreSQL (DateStyle ISO) to an ordinal; None for NULL."""
    if s is None:
        return None
    o = _date_cache.get(s)
    if o is None:
        if s == "infinity":
            o = INF
        elif s == "-infinity" or s.endswith(" BC"):
            o = NINF
        else:
            try:
                o = datetime.date.fromisoformat(s).toordinal()
            except ValueError:      # a year past 9999
                o = INF
        _date_cache[s] = o
    return o


def d2o(text):
    return datetime.date.fromisoformat(text).toordinal()


def o2d(o):
    return datetime.date.fromordinal(o)


def finite(o):
    return o is not None and NINF < o < INF


_month_cache = {}


def add_months(o, n):
    """PostgreSQL's date + interval 'n months': the day clamped to the
    month's last day (31 Jan + 1 month = 29 Feb in a leap year)."""
    if not NINF < o < INF:
        return o
    key = (o, n)
    r = _month_cache.get(key)
    if r is None:
        d = o2d(o)
        y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
        m += 1
        if y < 1:
            r = NINF
        elif y > 9999:
            r = INF
        else:
            last = (datetime.date(y + (m == 12), m % 12 + 1, 1)
                    - datetime.timedelta(days=1)).day
            r = datetime.date(y, m, min(d.day, last)).toordinal()
        _month_cache[key] = r
    return r


def age_years(dob, at):
    """Whole years from dob to at, as PostgreSQL's age(at, dob) counts them:
    a 29 February birthday falls on 1 March in other years."""
    if not finite(dob) or not finite(at):
        return None
    b, a = o2d(dob), o2d(at)
    return a.year - b.year - ((a.month, a.day) < (b.month, b.day))


def norm(code):
    """Codes are matched ignoring case and surrounding spaces."""
    return None if code is None else code.strip().upper()


def name_category(name):
    """A team or locality: the name without surrounding spaces (btrim), or
    unknown when there is none."""
    name = None if name is None else name.strip(" ")
    return name if name else "unknown"


def fy_of(o):
    d = o2d(o)
    return d.year if d.month >= 4 else d.year - 1


# ---------------------------------------------------------------------------
# Calendar and working days


class Calendar:
    def __init__(self, weekmask, holidays, first, last):
        self.first, self.last = first, last
        hol = sorted(o2d(h) for h in holidays if finite(h))
        self.cal = np.busdaycalendar(weekmask=weekmask,
                                     holidays=np.array(hol, dtype="datetime64[D]"))
        self.epoch = np.datetime64("2000-01-01")
        self.cum = {}

    def _c(self, o):
        # busday_count(epoch, o + 1): working days up to o inclusive (shifted)
        c = self.cum.get(o)
        if c is None:
            c = int(np.busday_count(self.epoch,
                                    np.datetime64(o2d(o)) + np.timedelta64(1, "D"),
                                    busdaycal=self.cal))
            self.cum[o] = c
        return c

    def wd(self, a, b):
        """working_days(a, b): working days d with a < d <= b, negative when
        b < a, i.e. np.busday_count(a + 1, b + 1); None when either date is
        NULL or outside the calendar's known range (decision 5)."""
        if not (finite(a) and finite(b)):
            return None
        if not (self.first <= a <= self.last and self.first <= b <= self.last):
            return None
        return self._c(b) - self._c(a)


def calendar_from_rows(name, calendars, holidays):
    """calendars: name -> (weekmask, first, last, base);
    holidays: name -> [ordinal].  A base calendar's holidays are inherited
    and the range is the part of the own range that the base covers."""
    if name not in calendars:
        sys.exit("calendar %r not found in cspi.calendar" % name)
    weekmask, first, last, _ = calendars[name]
    hol, seen, cur = set(), set(), name
    while cur is not None:
        if cur in seen or cur not in calendars:
            sys.exit("calendar %r: bad base chain at %r" % (name, cur))
        seen.add(cur)
        _, f, l, base = calendars[cur]
        first, last = max(first, f), min(last, l)
        hol.update(holidays.get(cur, ()))
        cur = base
    return Calendar(weekmask, hol, first, last)


# ---------------------------------------------------------------------------
# Periods


class Periods:
    """Every year, quarter and month of the financial years fy_first..fy_last.
    self.items[i] = (period_type, label, first_day, last_day)."""

    def __init__(self, fy_first, fy_last):
        self.items = []
        self.by_month = {}      # (year, month) -> (year idx, quarter idx, month idx)
        for fy in range(fy_first, fy_last + 1):
            yl = "%d/%02d" % (fy, (fy + 1) % 100)
            yi = len(self.items)
            self.items.append(("year", yl, d2o("%04d-04-01" % fy),
                               d2o("%04d-03-31" % (fy + 1))))
            for q in range(4):
                qi = len(self.items)
                months = [(fy + (m > 12), (m - 1) % 12 + 1)
                          for m in range(4 + 3 * q, 7 + 3 * q)]
                (y0, m0), (y2, m2) = months[0], months[2]
                self.items.append(("quarter", "%s Q%d" % (yl, q + 1),
                                   datetime.date(y0, m0, 1).toordinal(),
                                   add_months(datetime.date(y2, m2, 1).toordinal(), 1) - 1))
                for (y, m) in months:
                    mi = len(self.items)
                    self.items.append(("month", "%04d-%02d" % (y, m),
                                       datetime.date(y, m, 1).toordinal(),
                                       add_months(datetime.date(y, m, 1).toordinal(), 1) - 1))
                    self.by_month[(y, m)] = (yi, qi, mi)
        # Distinct period ends (the month ends), for snapshots.
        self.ends = sorted({it[3] for it in self.items})
        self.end_index = {e: j for j, e in enumerate(self.ends)}
        self.periods_of_end = [[] for _ in self.ends]
        for i, it in enumerate(self.items):
            self.periods_of_end[self.end_index[it[3]]].append(i)
        self._cache = {}

    def __len__(self):
        return len(self.items)

    def of(self, o):
        """Indexes of the periods (year, quarter, month) containing date o."""
        if o is None:
            return ()
        r = self._cache.get(o)
        if r is None:
            if NINF < o < INF:
                d = o2d(o)
                r = self.by_month.get((d.year, d.month), ())
            else:
                r = ()
            self._cache[o] = r
        return r

    def open_range(self, start, end):
        """Indexes j of self.ends with start <= end_j and (end is None or
        end > end_j): the snapshot rule 'open at period end'."""
        if start is None:
            return range(0)
        lo = bisect.bisect_left(self.ends, start)
        hi = len(self.ends) if end is None else bisect.bisect_left(self.ends, end)
        return range(lo, max(lo, hi))


# ---------------------------------------------------------------------------
# Values


def round_half_away(x):
    """x: Fraction -> integer, halves away from zero."""
    if x >= 0:
        return int(x + Fraction(1, 2)) if x.denominator != 1 else int(x)
    return -round_half_away(-x)


def one_decimal(x):
    """Fraction -> text rounded half away from zero to one decimal place."""
    r = round_half_away(x * 10)
    sign = "-" if r < 0 else ""
    r = abs(r)
    return "%s%d.%d" % (sign, r // 10, r % 10)


def shown_pct(num, den):
    return "" if not den else one_decimal(Fraction(100 * num, den))


def shown_rate(count, population):
    return "" if not population else one_decimal(Fraction(10000 * count, population))


# ---------------------------------------------------------------------------
# The source


class Source:
    """relations: name -> list of tuples in RELATIONS order (absent: missing);
    columns: relation -> the OPTIONAL_COLUMNS it has."""

    def __init__(self, relations, columns=None):
        self.rel = relations
        self.columns = columns or {}

    def has(self, *names):
        return all(n in self.rel for n in names)

    def has_column(self, name):
        """'relation' or 'relation.column' (an optional column)."""
        rel, _, col = name.partition(".")
        if not col:
            return rel in self.rel
        return rel in self.rel and col in self.columns.get(rel, ())

    def available(self, code):
        """The indicator's relations and optional columns are all there."""
        return all(self.has_column(n) for n in SPEC[code][1])

    def fy_range(self):
        lo = hi = None
        for name, cols in EVENT_COLUMNS.items():
            rows = self.rel.get(name)
            if not rows:
                continue
            for c in cols:
                vals = [r[c] for r in rows if r[c] is not None and NINF < r[c] < INF]
                if vals:
                    a, b = min(vals), max(vals)
                    lo = a if lo is None or a < lo else lo
                    hi = b if hi is None or b > hi else hi
        if lo is None:
            return None
        return fy_of(lo), fy_of(hi)


class Result:
    def __init__(self, periods):
        self.n = len(periods)
        self.num = {}
        self.den = {}
        self.days = {}      # code -> per period, the working days of each case (None: not counted)

    def case_days(self, code):
        if code not in self.days:
            self.days[code] = [[] for _ in range(self.n)]
        return self.days[code]

    def ensure(self, code):
        if code not in self.num:
            self.num[code] = [0] * self.n
            self.den[code] = [0] * self.n
        return self.num[code], self.den[code]


# ---------------------------------------------------------------------------
# Breakdowns (indicator_breakdown): the categories of each case


# dimension -> the relations or relation.columns it needs
DIMENSIONS = [
    ("age_band", ("child",)),
    ("sex", ("child.sex",)),
    ("ethnicity_group", ("child.ethnicity",)),
    ("disability", ("child.disability",)),
    ("uasc", ("cla_episode",)),
    ("team", ("allocation.team",)),
    ("locality", ("allocation.locality",)),
]

AGE_BANDS = ("under 1", "1-4", "5-9", "10-15", "16 and over")
SEX = {"1": "male", "M": "male", "MALE": "male",
       "2": "female", "F": "female", "FEMALE": "female",
       "9": "not stated or indeterminate", "U": "not stated or indeterminate",
       "I": "not stated or indeterminate"}
ETHNIC_GROUP = {"W": "White", "M": "Mixed or multiple ethnic groups",
                "A": "Asian or Asian British",
                "B": "Black, African, Caribbean or Black British",
                "O": "Other ethnic group"}
DISABLED = {"TRUE", "T", "Y", "YES", "1", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR",
            "VIS", "BEH", "CON", "AUT", "DDA"}
NOT_DISABLED = {"FALSE", "F", "N", "NO", "0", "NONE"}


def age_band(dob, day):
    if dob is None or not finite(dob) or dob > day:
        return "unknown"
    age = age_years(dob, day)
    if age is None:
        return "unknown"
    if age < 1:
        return "under 1"
    if age < 5:
        return "1-4"
    if age < 10:
        return "5-9"
    if age < 16:
        return "10-15"
    return "16 and over"


def sex_category(code):
    return SEX.get(norm(code), "unknown")


def ethnicity_category(code):
    c = norm(code)
    if c == "REFU":
        return "refused"
    if c == "NOBT":
        return "information not yet obtained"
    if c == "CHNE":
        return "Asian or Asian British"
    if c is not None and len(c) == 4 and all("A" <= x <= "Z" for x in c):
        return ETHNIC_GROUP.get(c[0], "unknown")
    return "unknown"


def disability_category(code):
    c = norm(code)
    if c in DISABLED:
        return "disabled"
    if c in NOT_DISABLED:
        return "not disabled"
    return "unknown"


class Breakdown:
    """The cases of every figure by category.  case() counts one case of
    figure code in period k (its child, its day, whether in the numerator
    and the denominator); item() one row of a distinct count, whose item
    becomes a case at flush()."""

    def __init__(self, src):
        self.dims = [d for d, needs in DIMENSIONS
                     if all(src.has_column(n) for n in needs)]
        self.counts = {}        # (code, k) -> {categories tuple: [num, den]}
        self.items = {}         # (code, k) -> {item: [num, den, order, child, day]}
        self.cache = {}
        self.child = {}         # child_id -> (dob, sex, ethnicity, disability)
        for cid, dob, sex, eth, dis in src.rel.get("child_dims", ()):
            if cid is None:
                continue
            cur = self.child.get(cid)
            if cur is None or (dob is not None and (cur[0] is None or dob < cur[0])):
                self.child[cid] = (dob, sex, eth, dis)
        self.uasc_from = {}     # child_id -> first start of an episode flagged uasc
        for row in src.rel.get("cla_episode", ()):
            cid, st, uasc = row[1], row[2], row[9]
            if uasc is True and cid is not None and st is not None:
                if cid not in self.uasc_from or st < self.uasc_from[cid]:
                    self.uasc_from[cid] = st
        self.allocs = {}        # child_id -> [(start, end, team, locality)]
        for cid, st, en, team, loc in src.rel.get("allocation_dims", ()):
            if cid is not None and st is not None:
                # team and locality are names, as the source spells them
                self.allocs.setdefault(cid, []).append((st, en, team, loc))
        funcs = {
            "age_band": lambda c, d, ch, al: age_band(ch[0] if ch else None, d),
            "sex": lambda c, d, ch, al: sex_category(ch[1] if ch else None),
            "ethnicity_group": lambda c, d, ch, al: ethnicity_category(ch[2] if ch else None),
            "disability": lambda c, d, ch, al: disability_category(ch[3] if ch else None),
            "uasc": lambda c, d, ch, al: ("UASC" if c in self.uasc_from
                                          and self.uasc_from[c] <= d else "not UASC"),
            "team": lambda c, d, ch, al: name_category(al[2] if al is not None else None),
            "locality": lambda c, d, ch, al: name_category(al[3] if al is not None else None),
        }
        self.funcs = [funcs[d] for d in self.dims]

    def allocation_at(self, cid, day):
        """The allocation in force on day (start <= day <= end, open counting):
        the latest started, then the open one or the later end, then the
        lowest team and locality (byte order, NULL last)."""
        best = bkey = None
        for a in self.allocs.get(cid, ()):
            st, en, team, loc = a
            if st <= day and (en is None or en >= day):
                key = (-st, 0 if en is None else 1, 0 if en is None else -en,
                       (team is None, team or ""), (loc is None, loc or ""))
                if best is None or key < bkey:
                    best, bkey = a, key
        return best

    def categories(self, cid, day):
        key = (cid, day)
        r = self.cache.get(key)
        if r is None:
            ch = self.child.get(cid) if cid is not None else None
            al = self.allocation_at(cid, day) if cid is not None else None
            r = self.cache[key] = tuple(f(cid, day, ch, al) for f in self.funcs)
        return r

    def case(self, code, k, cid, day, num, den):
        if not (num or den):
            return
        c = self.counts.get((code, k))
        if c is None:
            c = self.counts[(code, k)] = {}
        t = self.categories(cid, day)
        v = c.get(t)
        if v is None:
            v = c[t] = [0, 0]
        if num:
            v[0] += 1
        if den:
            v[1] += 1

    def item(self, code, k, key, cid, day, num, den):
        if key is None or not (num or den):
            return
        d = self.items.get((code, k))
        if d is None:
            d = self.items[(code, k)] = {}
        order = (day, cid is None, cid or "")
        cur = d.get(key)
        if cur is None:
            d[key] = [bool(num), bool(den), order, cid, day]
        else:
            cur[0] = cur[0] or bool(num)
            cur[1] = cur[1] or bool(den)
            if order < cur[2]:
                cur[2], cur[3], cur[4] = order, cid, day

    def flush(self):
        items, self.items = self.items, {}
        for (code, k), d in items.items():
            for num, den, _, cid, day in d.values():
                self.case(code, k, cid, day, num, den)

    def same_as(self, code, other, n):
        """code's cases are other's (a rate and its count)."""
        for k in range(n):
            if (other, k) in self.counts:
                self.counts[(code, k)] = self.counts[(other, k)]


class NoBreakdown:
    """What compute() records when no breakdown is asked for: nothing."""

    def case(self, *a):
        pass

    def item(self, *a):
        pass

    def flush(self):
        pass

    def same_as(self, *a):
        pass


def compute(src, cal, B=None):
    """Returns (Periods, Result), or None when the source has no event.
    B: a Breakdown to record every case in (its categories)."""
    rng = src.fy_range()
    if rng is None:
        return None
    P = Periods(*rng)
    R = Result(P)
    NE = len(P.ends)
    if B is None:
        B = NoBreakdown()

    children = {}       # child_id -> (set of family_ids, date_of_birth)
    if src.has("child"):
        for cid, fam, dob in src.rel["child"]:
            if cid is None:
                continue
            e = children.get(cid)
            if e is None:
                e = children[cid] = [set(), dob]
            if fam is not None:
                e[0].add(fam)
            if e[1] is None:
                e[1] = dob

    def families(child_ids):
        out = set()
        for c in child_ids:
            e = children.get(c)
            if e:
                out |= e[0]
        return out

    def dob_of(cid):
        e = children.get(cid)
        return e[1] if e else None

    qsw_allocs = {}     # child_id -> [(start, end)] with qualified_social_worker true
    if src.has("allocation"):
        for cid, s, e, q in src.rel["allocation"]:
            if q is True and cid is not None and s is not None:
                qsw_allocs.setdefault(cid, []).append((s, e))

    def qsw_at(cid, pe):
        for s, e in qsw_allocs.get(cid, ()):
            if s <= pe and (e is None or e > pe):
                return True
        return False

    # --- front door -------------------------------------------------------
    if src.has("referral"):
        rows = src.rel["referral"]
        n1, d1 = R.ensure("REF_1WD")
        n3, d3 = R.ensure("REF_OVER_3WD")
        nr, dr = R.ensure("REREFERRAL_12M")
        nc, _ = R.ensure("REREFERRAL_CHILDREN")
        nrate, _ = R.ensure("REFERRAL_RATE")    # its population comes below
        rechildren = [set() for _ in range(len(P))]
        by_child = {}
        for rid, cid, rd, cd in rows:
            if cid is not None and rd is not None:
                by_child.setdefault(cid, []).append((rd, rid))
        for cid in by_child:
            lst = sorted(by_child[cid], key=lambda t: t[0])
            by_child[cid] = ([t[0] for t in lst], [t[1] for t in lst])
        days1, days3 = R.case_days("REF_1WD"), R.case_days("REF_OVER_3WD")
        for rid, cid, rd, cd in rows:
            ks = P.of(cd)
            if ks:
                w = cal.wd(rd, cd)
                within1 = w is not None and w <= 1
                over3 = w is None or w > 3
                for k in ks:
                    days1[k].append(w)
                    days3[k].append(w)
                    d1[k] += 1
                    d3[k] += 1
                    if within1:
                        n1[k] += 1
                    if over3:
                        n3[k] += 1
                    B.case("REF_1WD", k, cid, cd, within1, True)
                    B.case("REF_OVER_3WD", k, cid, cd, over3, True)
            ks = P.of(rd)
            if ks:
                rerefer = False
                if cid is not None:
                    dates, ids = by_child[cid]
                    lo = bisect.bisect_left(dates, add_months(rd, -12))
                    hi = bisect.bisect_left(dates, rd)
                    rerefer = any(ids[i] != rid for i in range(lo, hi))
                fams = families((cid,)) if rerefer and src.has("child") else ()
                for k in ks:
                    dr[k] += 1
                    nrate[k] += 1
                    B.case("REFERRAL_RATE", k, cid, rd, True, False)
                    B.case("REREFERRAL_12M", k, cid, rd, rerefer, True)
                    if rerefer:
                        nr[k] += 1
                        rechildren[k].add(cid)
                        B.item("REREFERRAL_CHILDREN", k, cid, cid, rd, True, False)
                        for f in fams:
                            B.item("REREFERRAL_FAMILIES", k, f, cid, rd, True, False)
        for k in range(len(P)):
            nc[k] = len(rechildren[k])
        if src.has("child"):
            nf, _ = R.ensure("REREFERRAL_FAMILIES")
            for k in range(len(P)):
                nf[k] = len(families(rechildren[k]))
        # REFERRAL_NFA: the period's referrals (by referral_date) that ended
        # in no further action; nfa NULL (not known) in the denominator only.
        if src.has_column("referral.nfa"):
            nn, dn = R.ensure("REFERRAL_NFA")
            for cid, rd, nfa in src.rel["referral_nfa"]:
                for k in P.of(rd):
                    dn[k] += 1
                    if nfa is True:
                        nn[k] += 1
                    B.case("REFERRAL_NFA", k, cid, rd, nfa is True, True)

    if src.has("assessment"):
        nc, _ = R.ensure("CFA_COMPLETED")
        n45, d45 = R.ensure("CFA_45WD")
        days45 = R.case_days("CFA_45WD")
        for aid, cid, s, a in src.rel["assessment"]:
            ks = P.of(a)
            if ks:
                w = cal.wd(s, a)
                ok = w is not None and w <= 45
                for k in ks:
                    days45[k].append(w)
                    nc[k] += 1
                    d45[k] += 1
                    if ok:
                        n45[k] += 1
                    B.case("CFA_COMPLETED", k, cid, a, True, False)
                    B.case("CFA_45WD", k, cid, a, ok, True)

    # --- child protection ---------------------------------------------------
    if src.has("s47_enquiry"):
        n, d = R.ensure("ICPC_15WD")
        ns47, _ = R.ensure("S47_RATE")          # their population comes below
        nicpc, _ = R.ensure("ICPC_RATE")
        days15 = R.case_days("ICPC_15WD")
        for sid, cid, sd, icpc, tin in src.rel["s47_enquiry"]:
            if tin is True:             # transfer-in (NULL: not)
                continue
            for k in P.of(sd):
                ns47[k] += 1
                B.case("S47_RATE", k, cid, sd, True, False)
            for k in P.of(icpc):
                nicpc[k] += 1
                B.case("ICPC_RATE", k, cid, icpc, True, False)
            ks = P.of(icpc)
            if ks:
                w = cal.wd(sd, icpc)
                ok = w is not None and w <= 15
                for k in ks:
                    days15[k].append(w)
                    d[k] += 1
                    if ok:
                        n[k] += 1
                    B.case("ICPC_15WD", k, cid, icpc, ok, True)

    plans_by_child = {}
    plans_by_id = {}
    if src.has("cp_plan"):
        plans = src.rel["cp_plan"]      # (plan_id, child_id, start, end, rank)
        for p in plans:
            if p[1] is not None:
                plans_by_child.setdefault(p[1], []).append(p)
            if p[0] not in plans_by_id:
                plans_by_id[p[0]] = p
        open_children = [set() for _ in range(NE)]
        for pid, cid, s, e, rk in plans:
            if cid is None:
                continue
            for j in P.open_range(s, e):
                open_children[j].add(cid)
        no, _ = R.ensure("CP_OPEN")
        qsw = src.has("allocation")
        if qsw:
            nq, dq = R.ensure("CP_ALLOCATED_QSW")
        for j, pe in enumerate(P.ends):
            cnt = len(open_children[j])
            q = 0
            for c in open_children[j]:
                at = qsw and qsw_at(c, pe)
                if at:
                    q += 1
                for k in P.periods_of_end[j]:
                    B.case("CP_OPEN", k, c, pe, True, False)
                    if qsw:
                        B.case("CP_ALLOCATED_QSW", k, c, pe, at, True)
            for k in P.periods_of_end[j]:
                no[k] = cnt
                if qsw:
                    nq[k], dq[k] = q, cnt
        # CP_2YEARS_PLUS: plan rows (not children; a NULL child_id too)
        # open at the period's last day D, over those started on or before
        # D - 2 years (PostgreSQL's interval: 29 Feb less 2 years is 28 Feb).
        n2y, d2y = R.ensure("CP_2YEARS_PLUS")
        for pid, cid, s, e, rk in plans:
            for j in P.open_range(s, e):
                pe = P.ends[j]
                lasted = s <= add_months(pe, -24)
                for k in P.periods_of_end[j]:
                    d2y[k] += 1
                    if lasted:
                        n2y[k] += 1
                    B.case("CP_2YEARS_PLUS", k, cid, pe, lasted, True)
        ns, _ = R.ensure("CP_STARTED")
        n2, d2 = R.ensure("CP_REPEAT_2Y")
        nv, dv = R.ensure("CP_REPEAT_EVER")
        for p in plans:
            pid, cid, s, e, rk = p
            ks = P.of(s)
            if not ks:
                continue
            ever = two = False
            if cid is not None:
                lim = add_months(s, -24)
                for o in plans_by_child[cid]:
                    if o is p or o[2] is None or not o[2] < s:
                        continue
                    ever = True
                    if o[3] is not None and lim <= o[3] <= s:
                        two = True
            for k in ks:
                ns[k] += 1
                d2[k] += 1
                dv[k] += 1
                if two:
                    n2[k] += 1
                if ever:
                    nv[k] += 1
                B.case("CP_STARTED", k, cid, s, True, False)
                B.case("CP_REPEAT_2Y", k, cid, s, two, True)
                B.case("CP_REPEAT_EVER", k, cid, s, ever, True)

    def plan_at(cid, d):
        """Decision 9: the child's plan with start <= d <= end (or open); the
        later start wins, then the larger plan_id."""
        best = None
        for p in plans_by_child.get(cid, ()):
            s, e = p[2], p[3]
            if s is not None and s <= d and (e is None or e >= d):
                if best is None or (s, p[4]) > (best[2], best[4]):
                    best = p
        return best

    if src.has("cp_review", "cp_plan"):
        n, dd = R.ensure("CP_REVIEW_TIMELY")
        rev_dates = {}
        for rid, pid, rd in src.rel["cp_review"]:
            if rd is not None:
                rev_dates.setdefault(pid, set()).add(rd)
        rev_dates = {k: sorted(v) for k, v in rev_dates.items()}
        for rid, pid, rd in src.rel["cp_review"]:
            ks = P.of(rd)
            if not ks:
                continue
            plan = plans_by_id.get(pid) if pid is not None else None
            ok = False
            if plan is not None:
                dates = rev_dates[pid]
                i = bisect.bisect_left(dates, rd)
                if i == 0:
                    ok = plan[2] is not None and rd <= add_months(plan[2], 3)
                else:
                    ok = rd <= add_months(dates[i - 1], 6)
            for k in ks:
                dd[k] += 1
                if ok:
                    n[k] += 1
                B.case("CP_REVIEW_TIMELY", k, plan[1] if plan is not None else None, rd,
                       ok, True)

    visits_cp, visits_cic = [], []
    if src.has("visit"):
        for v in src.rel["visit"]:
            t = norm(v[2])
            if t == "CP":
                visits_cp.append(v)
            elif t == "CIC":
                visits_cic.append(v)

    def dates_by_child(visits):
        out = {}
        for v in visits:
            if v[1] is not None and v[3] is not None:
                out.setdefault(v[1], set()).add(v[3])
        return {k: sorted(s) for k, s in out.items()}

    if src.has("visit", "cp_plan"):
        n10, d10 = R.ensure("CP_VISIT_10WD")
        n15, d15 = R.ensure("CP_VISIT_15WD")
        cpdates = dates_by_child(visits_cp)
        for vid, cid, vt, vd, due in visits_cp:
            ks = P.of(vd)
            if not ks:
                continue
            w = None
            plan = plan_at(cid, vd) if cid is not None else None
            if plan is not None:
                dates = cpdates[cid]
                i = bisect.bisect_left(dates, vd)
                frm = plan[2]
                if i > 0 and dates[i - 1] >= plan[2]:
                    frm = dates[i - 1]
                w = cal.wd(frm, vd)
            ok10 = w is not None and w <= 10
            ok15 = w is not None and w <= 15
            for k in ks:
                R.case_days("CP_VISIT_10WD")[k].append(w)
                R.case_days("CP_VISIT_15WD")[k].append(w)
                d10[k] += 1
                d15[k] += 1
                if ok10:
                    n10[k] += 1
                if ok15:
                    n15[k] += 1
                B.case("CP_VISIT_10WD", k, cid, vd, ok10, True)
                B.case("CP_VISIT_15WD", k, cid, vd, ok15, True)

    # --- children in care ---------------------------------------------------
    if src.has("cla_episode"):
        cic(src, P, R, cal, children, families, dob_of, qsw_at, visits_cic,
            dates_by_child, B)

    if src.has("health_assessment"):
        n, d = R.ensure("CIC_RHA_DONE")
        for cid, kind, due, done in src.rel["health_assessment"]:
            if norm(kind) != "REVIEW":
                continue
            for k in P.of(due):
                d[k] += 1
                ok = done is not None and done <= P.items[k][3]
                if ok:
                    n[k] += 1
                B.case("CIC_RHA_DONE", k, cid, due, ok, True)

    # --- missing children -----------------------------------------------------
    if src.has("missing_episode"):
        n72, d72 = R.ensure("RHI_72H")
        ne, de = R.ensure("RHI_ENGAGED")
        hours72 = Decimal(72 * 3600)
        for (eid, cid, st, ret, off, ret_s, off_s, engaged,
             other) in src.rel["missing_episode"]:
            if other is True:
                continue
            ks = P.of(ret)
            if not ks:
                continue
            offered = off_s is not None
            in_time = offered and ret_s is not None and off_s <= ret_s + hours72
            eng = offered and engaged is True
            for k in ks:
                d72[k] += 1
                if in_time:
                    n72[k] += 1
                if offered:
                    de[k] += 1
                if eng:
                    ne[k] += 1
                B.case("RHI_72H", k, cid, ret, in_time, True)
                if offered:
                    B.case("RHI_ENGAGED", k, cid, ret, eng, True)

    # --- care leavers -----------------------------------------------------------
    if src.has("care_leaver", "child"):
        groups = {}
        for c in ("F1", "P1", "F2", "P2", "EDUCATION"):
            groups[c] = "EDUCATION"
        for c in ("F4", "P4", "F5", "P5", "F3", "P3", "TRAINING_EMPLOYMENT"):
            groups[c] = "TRAINING_EMPLOYMENT"
        for c in ("G4", "G5", "G6", "NEET"):
            groups[c] = "NEET"
        arrays = {("EET", "17_18"): R.ensure("CL_EET_17_18")}
        for band in ("19_21", "22_25"):
            for what in ("ACCOM", "NEET", "EDUCATION", "TRAINING_EMPLOYMENT"):
                arrays[(what, band)] = R.ensure("CL_%s_%s" % (what, band))
        by_child = {}
        for cid, asat, in_touch, accom, activity in src.rel["care_leaver"]:
            if cid is not None and asat is not None:
                by_child.setdefault(cid, []).append(
                    (asat, accom, groups.get(norm(activity), "UNKNOWN")))
        for cid, rows in by_child.items():
            rows.sort(key=lambda r: r[0])
            asats = [r[0] for r in rows]
            dob = dob_of(cid)
            for j, pe in enumerate(P.ends):
                i = bisect.bisect_right(asats, pe) - 1
                if i < 0 or not asats[i] > add_months(pe, -12):
                    continue
                age = age_years(dob, pe)
                if age is None:
                    continue
                if 17 <= age <= 18:
                    # CL_EET_17_18: education, training or employment, over
                    # all of them (activity not known, not in touch included)
                    num, den = arrays[("EET", "17_18")]
                    hit = rows[i][2] in ("EDUCATION", "TRAINING_EMPLOYMENT")
                    for k in P.periods_of_end[j]:
                        den[k] += 1
                        if hit:
                            num[k] += 1
                        B.case("CL_EET_17_18", k, cid, pe, hit, True)
                    continue
                if 19 <= age <= 21:
                    band = "19_21"
                elif 22 <= age <= 25:
                    band = "22_25"
                else:
                    continue
                _, accom, group = rows[i]
                for what in ("ACCOM", "NEET", "EDUCATION", "TRAINING_EMPLOYMENT"):
                    num, den = arrays[(what, band)]
                    hit = accom is True if what == "ACCOM" else group == what
                    for k in P.periods_of_end[j]:
                        den[k] += 1
                        if hit:
                            num[k] += 1
                        B.case("CL_%s_%s" % (what, band), k, cid, pe, hit, True)

    # --- early help ---------------------------------------------------------------
    if src.has("family_support"):
        sets = {(p, w): [set() for _ in range(NE)]
                for p in ("INTERNAL", "EXTERNAL") for w in ("FAMILIES", "CHILDREN")}
        for case, fam, cid, prov, s, e in src.rel["family_support"]:
            p = norm(prov)
            if p not in ("INTERNAL", "EXTERNAL"):
                continue
            for j in P.open_range(s, e):
                if fam is not None:
                    sets[(p, "FAMILIES")][j].add(fam)
                if cid is not None:
                    sets[(p, "CHILDREN")][j].add(cid)
                pe = P.ends[j]
                for k in P.periods_of_end[j]:
                    B.item("EH_FAMILIES_" + p, k, fam, cid, pe, True, False)
                    B.item("EH_CHILDREN_" + p, k, cid, cid, pe, True, False)
        for (p, w), per_end in sets.items():
            num, _ = R.ensure("EH_%s_%s" % (w, p))
            for j in range(NE):
                for k in P.periods_of_end[j]:
                    num[k] = len(per_end[j])

    # --- populations for rates ----------------------------------------------------
    population = [None] * len(P)
    if src.has("population"):
        years = sorted((y, c) for y, c in src.rel["population"] if y is not None)
        for k, it in enumerate(P.items):
            pe = it[3]
            best = None
            for y, c in years:
                if 1 <= y <= 9999 and c is not None and c > 0 and datetime.date(y, 6, 30).toordinal() < pe:
                    best = (y, c)
            population[k] = None if best is None else best[1]
        # CIN_RATE: distinct children with a children in need episode open
        # at the period's end (the snapshot rule), over the population.
        if src.has("cin_episode"):
            open_cin = [set() for _ in range(NE)]
            for eid, cid, st, en in src.rel["cin_episode"]:
                if cid is not None:
                    for j in P.open_range(st, en):
                        open_cin[j].add(cid)
            n, d = R.ensure("CIN_RATE")
            for j in range(NE):
                for k in P.periods_of_end[j]:
                    n[k] = len(open_cin[j])
                    d[k] = population[k]
                    for c in open_cin[j]:
                        B.case("CIN_RATE", k, c, P.ends[j], True, False)
        for code, count in RATE_OF_COUNT:
            if count in R.num:
                n, d = R.ensure(code)
                for k in range(len(P)):
                    n[k] = R.num[count][k]
                    d[k] = population[k]
        # Rates of events counted above (not annualised: a quarter's rate
        # is the quarter's count over the population).
        for code in ("REFERRAL_RATE", "S47_RATE", "ICPC_RATE"):
            if code in R.num:
                R.den[code] = list(population)
    B.flush()
    for code, count in RATE_OF_COUNT:
        B.same_as(code, count, len(P))
    return P, R


# Rates whose numerator (and cases) are a count indicator's.
RATE_OF_COUNT = (("CP_RATE", "CP_OPEN"), ("CIC_RATE", "CIC_OPEN"),
                 ("CP_STARTED_RATE", "CP_STARTED"), ("CIC_STARTED_RATE", "CIC_STARTED"))


class Ep:
    __slots__ = ("id", "child", "s", "e", "rn", "ls", "pl", "rc", "dist", "uasc",
                 "rank", "temp", "poc")

    def __init__(self, row):
        (self.id, self.child, self.s, self.e, rn, ls, pl, rc, self.dist,
         self.uasc, self.rank) = row
        self.rn, self.ls, self.pl, self.rc = norm(rn), norm(ls), norm(pl), norm(rc)
        self.temp = self.pl in ("T0", "T1", "T2", "T3", "T4")
        self.poc = None


class Poc:
    """A period of care: its episodes, start and end (None: not ended)."""
    __slots__ = ("eps", "s", "e", "order")

    def __init__(self, order):
        self.eps, self.order = [], order


def build_care(eps):
    """eps: one child's episodes (short breaks removed), sorted.  Returns
    (periods of care, placements [start, end, poc]) per decisions 15 and 19."""
    pocs = []
    prev = None
    for ep in eps:
        if (prev is None or ep.rn == "S"
                or (prev.e is not None and prev.rc != "X1")):
            pocs.append(Poc(len(pocs)))
        poc = pocs[-1]
        poc.eps.append(ep)
        ep.poc = poc
        prev = ep
    for poc in pocs:
        poc.s = poc.eps[0].s
        last = poc.eps[-1]
        poc.e = last.e if (last.e is not None and last.rc != "X1") else None
    placements = []
    for poc in pocs:
        before = None
        for ep in poc.eps:
            if (ep.s is not None and ep.rn in ("S", "P", "B") and not ep.temp
                    and (before is None or not before.temp)):
                placements.append([ep.s, None, poc])
            before = ep
    for i, pl in enumerate(placements):
        ends = [x for x in (placements[i + 1][0] if i + 1 < len(placements) else None,
                            pl[2].e) if x is not None]
        pl[1] = min(ends) if ends else None
    return pocs, placements


def cic(src, P, R, cal, children, families, dob_of, qsw_at, visits_cic,
        dates_by_child, B):
    NE = len(P.ends)
    by_child = {}
    for row in src.rel["cla_episode"]:
        if norm(row[5]) in ("V3", "V4"):       # short breaks, decision 14
            continue
        ep = Ep(row)
        by_child.setdefault(ep.child, []).append(ep)
    care = {}
    for cid, eps in by_child.items():
        eps.sort(key=lambda e: (e.s is None, e.s if e.s is not None else 0, e.rank))
        care[cid] = build_care(eps)

    has_child = src.has("child")
    has_alloc = src.has("allocation")
    has_ha = src.has("health_assessment")

    n_open, _ = R.ensure("CIC_OPEN")
    n_uasc, _ = R.ensure("CIC_UASC")
    n_start, _ = R.ensure("CIC_STARTED")
    n_suasc, _ = R.ensure("CIC_STARTED_UASC")
    n_sbefore, _ = R.ensure("CIC_STARTED_BEFORE")
    n_ceased, _ = R.ensure("CIC_CEASED")
    n_home, d_home = R.ensure("CIC_CEASED_HOME")
    n_20, d_20 = R.ensure("CIC_20_MILES")
    n_short, d_short = R.ensure("CIC_STABILITY_SHORT")
    if has_alloc:
        n_q, d_q = R.ensure("CIC_ALLOCATED_QSW")
    has_workers = has_alloc and src.has_column("allocation.worker_id")
    if has_workers:
        n_sw, d_sw = R.ensure("CIC_SW_3PLUS")
        workers = {}    # child_id -> [(start, end, worker_id)], both not NULL
        for wcid, ws_, we_, wid in src.rel["allocation_workers"]:
            if wcid is not None and ws_ is not None and wid is not None:
                workers.setdefault(wcid, []).append((ws_, we_, wid))
    if has_child:
        n_long, d_long = R.ensure("CIC_STABILITY_LONG")
    if has_child and has_ha:
        n_h, d_h = R.ensure("CIC_HEALTH_CURRENT")
        ha_done = {}
        for cid, kind, due, done in src.rel["health_assessment"]:
            if cid is not None and done is not None and norm(kind) in ("INITIAL", "REVIEW"):
                ha_done.setdefault(cid, set()).add(done)
        ha_done = {k: sorted(v) for k, v in ha_done.items()}

    started = [set() for _ in range(len(P))]
    ceased = [set() for _ in range(len(P))]
    # Snapshot counts per distinct period end j (copied to periods later).
    s_open = [0] * NE
    s_uasc = [0] * NE
    s_20 = [[0, 0] for _ in range(NE)]
    s_q = [0] * NE
    s_h = [[0, 0] for _ in range(NE)]
    s_long = [[0, 0] for _ in range(NE)]
    s_short = [0] * NE
    s_sw = [0] * NE
    twenty = Decimal(20)

    for cid, (pocs, placements) in care.items():
        counted = cid is not None
        # -- periods of care starting / ending in a period
        first_in = {}
        for poc in pocs:
            for k in P.of(poc.s):
                if k not in first_in:
                    first_in[k] = poc
            home = poc.eps[-1].rc in ("E4A", "E4B")
            fams = families((cid,)) if counted and has_child else ()
            for k in P.of(poc.e):
                if counted:
                    ceased[k].add(cid)
                    B.item("CIC_CEASED", k, cid, cid, poc.e, True, False)
                    for f in fams:
                        B.item("CIC_CEASED_FAMILIES", k, f, cid, poc.e, True, False)
                d_home[k] += 1
                if home:
                    n_home[k] += 1
                B.case("CIC_CEASED_HOME", k, cid, poc.e, home, True)
        if counted:
            fams = families((cid,)) if has_child else ()
            for k, poc in first_in.items():
                started[k].add(cid)
                # the child's first period of care starting in k: its day
                B.case("CIC_STARTED", k, cid, poc.s, True, False)
                for f in fams:
                    B.item("CIC_STARTED_FAMILIES", k, f, cid, poc.s, True, False)
                if poc.eps[0].uasc is True:
                    n_suasc[k] += 1
                    B.case("CIC_STARTED_UASC", k, cid, poc.s, True, False)
                if any(o is not poc and o.e is not None and o.e < poc.s for o in pocs):
                    n_sbefore[k] += 1
                    B.case("CIC_STARTED_BEFORE", k, cid, poc.s, True, False)
        if not counted:
            continue
        # -- snapshots: the open episode at each period end (decision 18)
        open_ep = {}
        for ep in by_child[cid]:
            for j in P.open_range(ep.s, ep.e):
                open_ep[j] = ep        # sorted, so the latest start wins
        if not open_ep:
            continue
        pl_starts = [pl[0] for pl in placements]
        dob = dob_of(cid) if has_child else None
        for j, ep in open_ep.items():
            pe = P.ends[j]
            ks = P.periods_of_end[j]
            s_open[j] += 1
            for k in ks:
                B.case("CIC_OPEN", k, cid, pe, True, False)
            if ep.uasc is True:
                s_uasc[j] += 1
                for k in ks:
                    B.case("CIC_UASC", k, cid, pe, True, False)
            elif ep.dist is not None:
                s_20[j][1] += 1
                far = ep.dist >= twenty
                if far:
                    s_20[j][0] += 1
                for k in ks:
                    B.case("CIC_20_MILES", k, cid, pe, far, True)
            if has_alloc:
                at = qsw_at(cid, pe)
                if at:
                    s_q[j] += 1
                for k in ks:
                    B.case("CIC_ALLOCATED_QSW", k, cid, pe, at, True)
            poc_start = ep.poc.s
            if has_child and has_ha and poc_start <= add_months(pe, -12):
                age = age_years(dob, pe)
                months = 6 if age is not None and age < 5 else 12
                s_h[j][1] += 1
                dates = ha_done.get(cid, ())
                i = bisect.bisect_right(dates, pe) - 1
                current = i >= 0 and dates[i] >= add_months(pe, -months)
                if current:
                    s_h[j][0] += 1
                for k in ks:
                    B.case("CIC_HEALTH_CURRENT", k, cid, pe, current, True)
            if has_child:
                age = age_years(dob, pe)
                if age is not None and age < 16 and poc_start <= add_months(pe, -30):
                    s_long[j][1] += 1
                    stable = False
                    i = bisect.bisect_right(pl_starts, pe) - 1
                    if i >= 0:
                        st, en, _ = placements[i]
                        if (en is None or en > pe) and st <= add_months(pe, -24):
                            s_long[j][0] += 1
                            stable = True
                    for k in ks:
                        B.case("CIC_STABILITY_LONG", k, cid, pe, stable, True)
            # stability short (decision 23)
            ws = add_months(pe, -12) + 1
            lo = bisect.bisect_left(pl_starts, ws)
            hi = bisect.bisect_right(pl_starts, pe)
            count = hi - lo
            i = bisect.bisect_right(pl_starts, ws) - 1
            if i >= 0:
                st, en, _ = placements[i]
                if st < ws and (en is None or en > ws):
                    count += 1
            if count >= 3:
                s_short[j] += 1
            for k in ks:
                B.case("CIC_STABILITY_SHORT", k, cid, pe, count >= 3, True)
            # CIC_SW_3PLUS: distinct workers of allocations started by pe
            # and open after W, the later of the 12 months' first day and
            # the start of the current period of care (allocation rows with
            # no start or no worker_id left out; qualified or not).
            if has_workers:
                w_from = max(ws, poc_start)
                seen = {wid for a_s, a_e, wid in workers.get(cid, ())
                        if a_s <= pe and (a_e is None or a_e > w_from)}
                three = len(seen) >= 3
                if three:
                    s_sw[j] += 1
                for k in ks:
                    B.case("CIC_SW_3PLUS", k, cid, pe, three, True)

    for k in range(len(P)):
        n_start[k] = len(started[k])
        n_ceased[k] = len(ceased[k])
    if has_child:
        nf, _ = R.ensure("CIC_STARTED_FAMILIES")
        nc, _ = R.ensure("CIC_CEASED_FAMILIES")
        for k in range(len(P)):
            nf[k] = len(families(started[k]))
            nc[k] = len(families(ceased[k]))
    for j in range(NE):
        for k in P.periods_of_end[j]:
            n_open[k] = s_open[j]
            n_uasc[k] = s_uasc[j]
            n_20[k], d_20[k] = s_20[j]
            n_short[k], d_short[k] = s_short[j], s_open[j]
            if has_alloc:
                n_q[k], d_q[k] = s_q[j], s_open[j]
            if has_workers:
                n_sw[k], d_sw[k] = s_sw[j], s_open[j]
            if has_child:
                n_long[k], d_long[k] = s_long[j]
            if has_child and has_ha:
                n_h[k], d_h[k] = s_h[j]

    def poc_at(cid, d):
        """The period of care open on d; the later start wins when two touch."""
        pocs = care.get(cid, ((), ()))[0]
        for poc in reversed(pocs):
            if poc.s is not None and poc.s <= d and (poc.e is None or d <= poc.e):
                return poc
        return None

    def placement_at(cid, d):
        pls = care.get(cid, ((), ()))[1]
        best = None
        for pl in pls:
            if pl[0] <= d:
                best = pl
            else:
                break
        if best is not None and (best[1] is None or d <= best[1]):
            return best
        return None

    if src.has("cla_review"):
        n, dd = R.ensure("CIC_REVIEW_TIMELY")
        reviews = src.rel["cla_review"]
        poc_dates = {}
        placed = []
        for rid, cid, rd in reviews:
            poc = poc_at(cid, rd) if (rd is not None and cid is not None) else None
            placed.append(poc)
            if poc is not None:
                poc_dates.setdefault(id(poc), set()).add(rd)
        poc_dates = {k: sorted(v) for k, v in poc_dates.items()}
        for (rid, cid, rd), poc in zip(reviews, placed):
            ks = P.of(rd)
            if not ks:
                continue
            ok = False
            if poc is not None:
                dates = poc_dates[id(poc)]
                i = bisect.bisect_left(dates, rd)
                if i == 0:
                    w = cal.wd(poc.s, rd)
                    ok = w is not None and w <= 20
                elif i == 1:
                    ok = rd <= add_months(dates[0], 3)
                else:
                    ok = rd <= add_months(dates[i - 1], 6)
            for k in ks:
                dd[k] += 1
                if ok:
                    n[k] += 1
                B.case("CIC_REVIEW_TIMELY", k, cid, rd, ok, True)

    if src.has("visit"):
        n, dd = R.ensure("CIC_VISIT_TIMELY")
        cicdates = dates_by_child(visits_cic)
        for vid, cid, vt, vd, due in visits_cic:
            ks = P.of(vd)
            if not ks:
                continue
            if due is not None:
                ok = vd <= due
            else:
                ok = False
                pl = placement_at(cid, vd) if cid is not None else None
                if pl is not None:
                    dates = cicdates[cid]
                    i = bisect.bisect_left(dates, vd)
                    if i > 0 and dates[i - 1] >= pl[0]:
                        ok = vd - dates[i - 1] <= 42
                    else:
                        ok = vd - pl[0] <= 7
            for k in ks:
                dd[k] += 1
                if ok:
                    n[k] += 1
                B.case("CIC_VISIT_TIMELY", k, cid, vd, ok, True)


def output_rows(src, P, R):
    rows = []
    for code in INDICATORS:
        unit, needs = SPEC[code]
        if not src.available(code):
            continue
        num, den = R.num[code], R.den[code]
        for k, (ptype, label, first, last) in enumerate(P.items):
            if unit == "count":
                rows.append((code, ptype, label, str(num[k]), "", str(num[k])))
            elif unit == "%":
                rows.append((code, ptype, label, str(num[k]), str(den[k]),
                             shown_pct(num[k], den[k])))
            else:
                pop = den[k]
                rows.append((code, ptype, label, str(num[k]),
                             "" if pop is None else str(pop),
                             "" if pop is None else shown_rate(num[k], pop)))
    return rows


def run(src, cal):
    res = compute(src, cal)
    if res is None:
        return []
    return output_rows(src, *res)


# The breakdowns (the view indicator_breakdown).


def thousands(n):
    return "{:,}".format(n)


def decimal_text(x):
    """A Fraction as decimal text (28 significant digits)."""
    if x.denominator == 1:
        return str(x.numerator)
    return str(Decimal(x.numerator) / Decimal(x.denominator))


def band_populations(src, P):
    """(period index, AGE BAND) -> children of the band's latest estimate
    dated (30 June) before the period's last day, as choice 7 for the
    headline (an estimate of NULL or 0 children is none); a band without
    one is left out."""
    rows = src.rel.get("population_age_band")
    if not rows:
        return {}
    by_band = {}
    for y, band, c in rows:
        if y is not None and band is not None and 1 <= y <= 9999 and c is not None and c > 0:
            by_band.setdefault(norm(band), []).append((datetime.date(y, 6, 30).toordinal(), y, c))
    out = {}
    for band, lst in by_band.items():
        lst.sort()
        for k, it in enumerate(P.items):
            best = None
            for dated, y, c in lst:
                if dated < it[3]:
                    best = c
            if best is not None:
                out[(k, band)] = best
    return out


def breakdown_figure(unit, num, den):
    """(numerator, denominator, value, display, unit) of a category."""
    if unit == "%":
        value = Fraction(100 * num, den) if den else None
        display = ("%s%% (%s / %s)" % (one_decimal(value), thousands(num), thousands(den))
                   if den else "n/a (%s / %s)" % (thousands(num), thousands(den)))
        return str(num), str(den), value, display, "%"
    if unit == "per 10,000":
        value = Fraction(10000 * num, den) if den else None
        return str(num), str(den), value, shown_rate(num, den) if den else "n/a", unit
    return str(num), "", Fraction(num), thousands(num), "count"


def breakdown_rows(src, P, R, B):
    """Every available indicator's categories with cases, for every
    period and dimension; checks that each dimension's categories add up to
    the headline's numerator (and denominator)."""
    pops = band_populations(src, P)
    rows, bad = [], []
    for code in INDICATORS:
        unit, needs = SPEC[code]
        if not src.available(code):
            continue
        for k, (ptype, label, first, last) in enumerate(P.items):
            cases = B.counts.get((code, k), {})
            for i, dim in enumerate(B.dims):
                cats = {}
                for t, (num, den) in cases.items():
                    v = cats.get(t[i])
                    if v is None:
                        v = cats[t[i]] = [0, 0]
                    v[0] += num
                    v[1] += den
                total_num = sum(v[0] for v in cats.values())
                total_den = sum(v[1] for v in cats.values())
                if total_num != R.num[code][k] or (unit == "%" and total_den != R.den[code][k]):
                    bad.append("%s %s %s: categories %d/%d, headline %s/%s"
                               % (code, label, dim, total_num, total_den,
                                  R.num[code][k], R.den[code][k]))
                for cat in sorted(cats):
                    num, den = cats[cat]
                    if unit == "%":
                        fig = breakdown_figure("%", num, den)
                    elif unit == "rate" and dim == "age_band" and pops.get((k, cat.upper())) is not None:
                        fig = breakdown_figure("per 10,000", num, pops[(k, cat.upper())])
                    else:
                        fig = breakdown_figure("count", num, None)
                    n, d, value, display, u = fig
                    rows.append((code, ptype, label, dim, cat, n, d,
                                 "" if value is None else decimal_text(value), display, u))
    if bad:
        sys.exit("oracle: breakdown categories do not add up to the headline:\n  "
                 + "\n  ".join(bad[:20]))
    return rows


def run_breakdown(src, cal):
    B = Breakdown(src)
    res = compute(src, cal, B)
    if res is None:
        return []
    return breakdown_rows(src, res[0], res[1], B)


# The distributions of the indicators measured in working days (the views
# timeliness and timeliness_band), written from the issue's words: each
# figure's cases and those in its numerator, the nearest-rank quartiles
# (the value at position ceil(p * n) of the n counted working days in
# order), the 90th percentile and the longest; the bands the DfE and LAIT
# publish (conferences 0-10, 11-15, 16-20, 21 and over; assessments 0-20,
# 21-45, 46-65, over 65) and the indicators' own thresholds otherwise.
TIMELINESS_BANDS = {
    "REF_1WD": [(0, 1), (2, 3), (4, None)],
    "REF_OVER_3WD": [(0, 1), (2, 3), (4, None)],
    "CFA_45WD": [(0, 20), (21, 45), (46, 65), (66, None)],
    "ICPC_15WD": [(0, 10), (11, 15), (16, 20), (21, None)],
    "CP_VISIT_10WD": [(0, 10), (11, 15), (16, None)],
    "CP_VISIT_15WD": [(0, 10), (11, 15), (16, None)],
}


def nearest_rank(sorted_days, p):
    if not sorted_days:
        return None
    pos = math.ceil(p * len(sorted_days))
    return sorted_days[max(pos, 1) - 1]


def timeliness_rows(src, P, R):
    rows = []
    for code in INDICATORS:
        if code not in TIMELINESS_BANDS or code not in R.days or not src.available(code):
            continue
        for k, (ptype, label, first, last) in enumerate(P.items):
            days = R.days[code][k]
            if not days:
                continue
            counted = sorted(w for w in days if w is not None)
            q = [nearest_rank(counted, p) for p in (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(9, 10))]
            rows.append((code, ptype, label, str(len(days)), str(R.num[code][k]))
                        + tuple("" if x is None else str(x) for x in q)
                        + ("" if not counted else str(counted[-1]),))
    return rows


def band_rows(src, P, R):
    rows = []
    for code in INDICATORS:
        if code not in TIMELINESS_BANDS or code not in R.days or not src.available(code):
            continue
        bands = TIMELINESS_BANDS[code]
        for k, (ptype, label, first, last) in enumerate(P.items):
            days = R.days[code][k]
            if not days:
                continue
            for i, (lo, hi) in enumerate(bands):
                n = sum(1 for w in days if w is not None and w >= lo and (hi is None or w <= hi))
                name = "%d-%d" % (lo, hi) if hi is not None else "%d and over" % lo
                rows.append((code, ptype, label, name, str(n)))
            under = sum(1 for w in days if w is not None and w < 0)
            if under:
                rows.append((code, ptype, label, "under 0 (dates in the wrong order)", str(under)))
            unknown = sum(1 for w in days if w is None)
            if unknown:
                rows.append((code, ptype, label, "not known", str(unknown)))
    return rows


# ---------------------------------------------------------------------------
# Reading the database


def quote_ident(s):
    return '"' + s.replace('"', '""') + '"'


def quote_literal(s):
    return "'" + s.replace("'", "''") + "'"


def psql_copy(sql, dbname):
    """Runs COPY (sql) TO STDOUT (text format); returns a list of field lists
    with None for NULL."""
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    if dbname:
        cmd += ["-d", dbname]
    script = ("SET TimeZone = 'Europe/London';\nSET DateStyle = 'ISO, YMD';\n"
              "SET IntervalStyle = 'postgres';\nSET extra_float_digits = 3;\n"
              "COPY (%s) TO STDOUT;\n" % sql)
    out = subprocess.run(cmd, input=script.encode(), capture_output=True)
    if out.returncode != 0:
        sys.exit("psql failed: %s\n%s" % (sql, out.stderr.decode(errors="replace")))
    text = out.stdout.decode()
    rows = []
    for line in text.split("\n"):
        if not line:
            continue
        rows.append([unescape(f) for f in line.split("\t")])
    return rows


_ESC = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def unescape(f):
    if f == "\\N":
        return None
    if "\\" not in f:
        return f
    out, i = [], 0
    while i < len(f):
        c = f[i]
        if c == "\\" and i + 1 < len(f):
            n = f[i + 1]
            if n in _ESC:
                out.append(_ESC[n])
                i += 2
                continue
            if n in "01234567":
                j = i + 1
                while j < len(f) and j < i + 4 and f[j] in "01234567":
                    j += 1
                out.append(chr(int(f[i + 1:j], 8)))
                i = j
                continue
            if n == "x":
                j = i + 2
                while j < len(f) and j < i + 4 and f[j] in "0123456789abcdefABCDEF":
                    j += 1
                out.append(chr(int(f[i + 2:j], 16)))
                i = j
                continue
            out.append(n)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def social_work_only(relation, columns):
    """A personal advisor's allocation (allocation.role personal_advisor or
    personal_adviser, any case, surrounding spaces) is not a social worker's: no figure reads
    it, so it is not loaded at all."""
    if relation == "allocation" and "role" in columns:
        return (" WHERE upper(btrim(role::text)) IS NULL OR upper(btrim(role::text))"
                " NOT IN ('PERSONAL_ADVISOR', 'PERSONAL_ADVISER')")
    return ""


def load_source(schema, dbname):
    present = {r[0] for r in psql_copy(
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = %s"
        " AND c.relkind IN ('r', 'v', 'm', 'f', 'p')" % quote_literal(schema), dbname)}
    rel = {}
    for name, cols in RELATIONS.items():
        if name not in present:
            continue
        qname = "%s.%s" % (quote_ident(schema), quote_ident(name))
        types = dict(psql_copy(
            "SELECT attname, pg_catalog.format_type(atttypid, atttypmod)"
            " FROM pg_catalog.pg_attribute WHERE attrelid = %s::regclass"
            " AND attnum > 0 AND NOT attisdropped" % quote_literal(qname), dbname))
        epoch_tz = name == "missing_episode" and any(
            types.get(c, "") == "timestamp with time zone"
            for c in ("returned_at", "rhi_offered_at"))
        exprs = []
        for col, kind in cols:
            q = quote_ident(col)
            if kind in ("id", "text"):
                exprs.append("%s::text" % q)
            elif kind == "date":
                exprs.append("%s::date" % q)
            elif kind == "bool":
                exprs.append("%s::boolean" % q)
            elif kind == "int":
                exprs.append("%s::bigint" % q)
            elif kind == "num":
                exprs.append("%s::numeric" % q)
            elif kind == "epoch":
                exprs.append("extract(epoch FROM %s::%s)"
                             % (q, "timestamptz" if epoch_tz else "timestamp"))
            elif kind == "rank":
                exprs.append("dense_rank() OVER (ORDER BY %s)" % q)
        raw = psql_copy("SELECT %s FROM %s%s" % (", ".join(exprs), qname,
                                                  social_work_only(name, types)), dbname)
        conv = []
        for col, kind in cols:
            if kind == "date":
                conv.append(parse_date)
            elif kind == "bool":
                conv.append(lambda v: None if v is None else v == "t")
            elif kind in ("int", "rank"):
                conv.append(lambda v: None if v is None else int(v))
            elif kind in ("num", "epoch"):
                conv.append(lambda v: None if v is None else Decimal(v))
            else:
                conv.append(None)
        idx = list(enumerate(conv))
        rows = []
        for r in raw:
            rows.append(tuple(r[i] if f is None else f(r[i]) for i, f in idx))
        rel[name] = rows
    # The optional columns: which the source has.
    columns = {}
    for name, (base, cols) in DIMS_RELATIONS.items():
        if base not in present:
            continue
        qname = "%s.%s" % (quote_ident(schema), quote_ident(base))
        have = {r[0] for r in psql_copy(
            "SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = %s::regclass"
            " AND attnum > 0 AND NOT attisdropped" % quote_literal(qname), dbname)}
        columns[base] = {c for c in OPTIONAL_COLUMNS[base] if c in have}
        exprs = []
        for col, kind in cols:
            if col not in have:
                exprs.append("NULL")
            elif kind == "date":
                exprs.append("%s::date" % quote_ident(col))
            elif kind == "bool":
                exprs.append("%s::boolean" % quote_ident(col))
            else:
                exprs.append("%s::text" % quote_ident(col))
        raw = psql_copy("SELECT %s FROM %s%s" % (", ".join(exprs), qname,
                                                  social_work_only(base, have)), dbname)
        conv = {"date": parse_date, "bool": lambda v: None if v is None else v == "t"}
        rel[name] = [tuple(conv[kind](v) if kind in conv else v
                           for v, (col, kind) in zip(r, cols)) for r in raw]
    return Source(rel, columns)


def load_calendar(name, dbname):
    cals = {}
    for n, wm, f, l, base in psql_copy(
            "SELECT name, weekmask, first_date, last_date, base FROM cspi.calendar",
            dbname):
        cals[n] = (wm, parse_date(f), parse_date(l), base)
    hol = {}
    for n, d in psql_copy(
            "SELECT calendar, holiday_date FROM cspi.holiday WHERE calendar IN"
            " (WITH RECURSIVE c(name, base) AS (SELECT name, base FROM cspi.calendar"
            " WHERE name = %s UNION SELECT k.name, k.base FROM cspi.calendar k"
            " JOIN c ON k.name = c.base) SELECT name FROM c)" % quote_literal(name),
            dbname):
        hol.setdefault(n, []).append(parse_date(d))
    return calendar_from_rows(name, cals, hol)


def write_csv(rows, fh):
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["indicator", "period_type", "period", "numerator", "denominator",
                "shown"])
    w.writerows(rows)


# ---------------------------------------------------------------------------
# Self-test: a tiny in-memory source, values worked by hand.


EW_HOLIDAYS = """2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29
2023-08-28 2023-12-25 2023-12-26 2024-01-01 2024-03-29 2024-04-01 2024-05-06
2024-05-27 2024-08-26 2024-12-25 2024-12-26 2025-01-01 2025-04-18 2025-04-21
2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26""".split()


def self_test_relations():
    """The hand-made source of the self-test."""
    D = d2o
    n = None
    rel = {
        "child": [("c1", "f1", D("2010-06-15")), ("c2", "f1", D("2020-01-10")),
                  ("c3", "f2", D("2004-02-29")), ("c4", None, D("2002-05-01")),
                  ("c5", "f3", D("2015-03-01")), ("c6", "f4", D("2019-01-01")),
                  ("c8", "f5", D("2000-01-01")), ("c9", "f6", D("2006-09-01"))],
        "population": [(2022, 20000), (2023, 22256)],
        "referral": [
            # received Thu 28 Mar 2024, completed Tue 2 Apr 2024: 1 WD (2024/25)
            ("r1", "c1", D("2024-03-28"), D("2024-04-02")),
            # Mon 8 to Fri 12 Apr: 4 WD; c1 referred within 12 months before (r1)
            ("r2", "c1", D("2024-04-08"), D("2024-04-12")),
            # same day as r2: re-referral through r1 only, not through r2
            ("r3", "c1", D("2024-04-08"), n),
            # 0 WD, 2023/24
            ("r4", "c2", D("2024-02-29"), D("2024-02-29")),
            # Fri 28 Feb 2025 to Mon 3 Mar: 1 WD; re-referral (r4 on 29 Feb 2024)
            ("r5", "c2", D("2025-02-28"), D("2025-03-03")),
            # completed outside the calendar's range (2025/26): no count, so
            # not within 1 WD and over 3 WD
            ("r6", "c3", D("2025-12-30"), D("2026-01-02")),
            # 1 Mar 2025 - 12 months = 1 Mar 2024: inclusive
            ("r7", "c4", D("2024-03-01"), n),
            ("r8", "c4", D("2025-03-01"), n),
            # 29 Feb 2024 is before 1 Mar 2024: not a re-referral
            ("r9", "c5", D("2024-02-29"), n),
            ("r10", "c5", D("2025-03-01"), n),
        ],
        "assessment": [
            # Mon 3 Apr 2023: Easter, 1 May, 8 May and 29 May make 12 June the 45th WD
            ("a1", "c1", D("2023-04-03"), D("2023-06-12")),
            ("a2", "c2", D("2023-04-03"), D("2023-06-13")),
        ],
        "s47_enquiry": [
            # from Thu 28 Mar 2024 (Easter): 19 Apr is 14 WD, 22 Apr 15, 23 Apr 16
            ("s1", "c1", D("2024-03-28"), D("2024-04-19"), False),
            ("s2", "c2", D("2024-03-28"), D("2024-04-23"), False),
            ("s3", "c3", D("2024-03-28"), D("2024-05-30"), True),   # transfer in
            ("s4", "c4", D("2024-03-28"), D("2024-04-22"), n),
        ],
        # allocation: (child, start, end, qualified) and, for
        # allocation_workers, the worker_id.
        "allocation": [
            ("c1", D("2024-01-01"), n, True, "X1"),
            ("c2", D("2024-01-01"), n, False, "X2"),
            ("c5", D("2024-04-02"), n, n, "A1"),
            # c5's period of care starts on 2 Apr 2024: A2 is open after
            # that day (a worker while in care), A3 ends on it (not)
            ("c5", D("2023-01-01"), D("2024-04-03"), n, "A2"),
            ("c5", D("2023-01-01"), D("2024-04-02"), n, "A3"),
            ("c6", D("2020-01-01"), D("2025-03-31"), True, "B1"),    # ends on 31 Mar
            ("c7", D("2024-01-10"), n, False, "W1"),
            ("c7", D("2024-02-01"), n, True, "W2"),                  # co-working
            # c7 in care from 10 Jan 2024: W3 ends on 1 Apr 2024, the first
            # day of the 12 months to 31 Mar 2025 (not in them), but within
            # those to 28 Feb 2025 (from 29 Feb 2024)
            ("c7", D("2024-01-10"), D("2024-04-01"), n, "W3"),
            ("c7", D("2024-06-01"), D("2024-07-01"), n, "W1"),       # W1 again
            ("c7", D("2024-03-01"), n, n, n),                        # no worker
            ("c7", n, n, n, "W8"),                                   # no start
            ("c7", D("2025-04-15"), n, n, "W9"),                     # from 15 Apr 2025
        ],
        "cp_plan": [
            ("p1", "c1", D("2022-01-10"), D("2023-06-30"), 1),
            ("p2", "c1", D("2024-05-01"), n, 2),          # repeat within 2 years
            ("p3", "c2", D("2019-01-01"), D("2021-12-31"), 3),   # first event: 2018/19
            ("p4", "c2", D("2024-06-01"), D("2025-03-31"), 4),   # repeat ever, not 2Y
            # no child; started 29 Feb 2020: 28 Feb 2022 less 2 years is
            # 28 Feb 2020, so not 2 years on 28 Feb 2022, but on 31 Mar
            ("p5", n, D("2020-02-29"), D("2022-06-01"), 5),
        ],
        "cp_review": [
            ("cr1", "p2", D("2024-08-01")),   # plan start + 3 months = 1 Aug: in time
            ("cr2", "p2", D("2025-02-02")),   # 1 Aug + 6 months = 1 Feb: late
            ("cr3", "p4", D("2024-09-02")),   # 1 Jun + 3 months = 1 Sep: late
            ("cr4", "zz", D("2024-09-02")),   # unknown plan: not in timescale
        ],
        "visit": [
            # c1's plan p2 from Wed 1 May 2024: 16 May is 10 WD later (6 May
            # a bank holiday).
            ("v1", "c1", "cp", D("2024-05-16"), n),      # 10 WD: both
            ("v2", "c1", " CP ", D("2024-06-07"), n),    # 15 WD after 16 May (27 May): 15 only
            ("v3", "c1", "cp", D("2024-06-07"), n),      # same day: measured from 16 May too
            ("v4", "c3", "cp", D("2024-06-07"), n),      # no plan: neither
            # cic visits of c5 (placement from 2 Apr 2024)
            ("v5", "c5", "cic", D("2024-04-09"), n),     # 7 days: in time
            ("v6", "c5", "cic", D("2024-05-21"), n),     # 42 days after v5: in time
            ("v7", "c5", "cic", D("2024-07-03"), n),     # 43 days: late
            ("v8", "c5", "CIC", D("2024-09-30"), D("2024-10-01")),  # due date: in time
            ("v9", "c4", "cic", D("2024-05-01"), n),     # no placement: late
        ],
        "cla_episode": [
            # c5: period of care from 2 Apr 2024; a temporary placement and
            # its return do not start placements; a move on 1 Oct 2024 does.
            ("e1", "c5", D("2024-04-02"), D("2024-06-01"), "S", "C2", "U1", "X1",
             Decimal("25.5"), False, 1),
            ("e2", "c5", D("2024-06-01"), D("2024-06-05"), "P", "C2", "T1", "X1",
             Decimal("25.5"), False, 2),
            ("e3", "c5", D("2024-06-05"), D("2024-10-01"), "P", "C2", "U1", "X1",
             Decimal("25.5"), False, 3),
            ("e4", "c5", D("2024-10-01"), n, "P", "C2", "U3", n, Decimal("3"), False, 4),
            # c3: a period of care 2021-22, then a UASC one 2023-24 ended home.
            ("e0", "c3", D("2021-01-01"), D("2022-01-01"), "S", "C2", "U1", "E11",
             n, False, 0),
            ("e5", "c3", D("2023-05-01"), D("2024-05-01"), "S", "C2", "U1", "E4A",
             n, True, 5),
            # a short break (open) is ignored
            ("e6", "c1", D("2024-04-02"), n, "S", " v3", "U1", n, n, False, 6),
            # c6: in care since 15 Jan 2020, current placement from 1 Jun 2021
            ("e7", "c6", D("2020-01-15"), D("2021-06-01"), "S", "C2", "U1", "X1",
             n, n, 7),
            ("e8", "c6", D("2021-06-01"), n, "P", "C2", "U1", n, n, n, 8),
            # c7 (no child row): placements from 10 Jan, 1 May, 1 Nov 2024
            ("e9", "c7", D("2024-01-10"), D("2024-05-01"), "S", "C2", "U1", "X1",
             n, n, 9),
            ("e10", "c7", D("2024-05-01"), D("2024-11-01"), "P", "C2", "U1", "x1 ",
             n, n, 10),
            ("e11", "c7", D("2024-11-01"), n, "B", "C2", "U1", n, n, n, 11),
        ],
        "cla_review": [
            ("l1", "c5", D("2024-04-30")),   # 20 WD after 2 Apr 2024: in time
            ("l2", "c5", D("2024-07-31")),   # 30 Apr + 3 months = 30 Jul: late
            ("l3", "c5", D("2025-01-31")),   # 31 Jul + 6 months = 31 Jan: in time
            ("l4", "c4", D("2024-06-01")),   # no period of care
        ],
        "health_assessment": [
            ("c5", "review", D("2024-06-10"), D("2024-06-30")),
            ("c5", "review", D("2024-06-12"), n),
            ("c5", " Review", D("2024-07-12"), D("2024-09-01")),
            ("c5", "initial", D("2024-04-30"), D("2024-04-20")),
            ("c6", "initial", n, D("2023-03-30")),
        ],
        "missing_episode": [
            ("m1", "c1", D("2024-04-01"), D("2024-04-02"), D("2024-04-05"),
             Decimal(1000), Decimal(1000 + 72 * 3600), True, n),     # exactly 72h
            ("m2", "c1", D("2024-04-03"), D("2024-04-04"), D("2024-04-07"),
             Decimal(5000), Decimal(5001 + 72 * 3600), n, False),    # 1s late
            ("m3", "c1", D("2024-04-05"), D("2024-04-06"), n, Decimal(9000), n, n, n),
            ("m4", "c1", D("2024-04-05"), D("2024-04-06"), D("2024-04-06"),
             Decimal(9000), Decimal(9000), True, True),              # other authority
        ],
        "care_leaver": [
            ("c3", D("2022-06-01"), True, True, "education"),
            ("c3", D("2024-02-28"), True, True, "F1"),
            ("c3", D("2024-03-01"), True, False, " g4 "),   # latest row wins
            ("c4", D("2023-03-31"), False, n, n),           # 31 Mar 2023 only
            ("c8", D("2024-01-01"), True, True, "Training_Employment"),
            ("c9", D("2023-10-01"), False, n, n),          # 17 on 31 Mar 2024
            ("c9", D("2024-06-15"), True, True, " p4"),    # 18 on 31 Mar 2025
        ],
        "cin_episode": [
            ("e1", "c1", D("2023-01-01"), n),
            ("e2", "c2", D("2023-06-01"), D("2024-03-31")),   # ends on 31 Mar 2024
            ("e3", "c1", D("2023-02-01"), D("2023-12-31")),   # c1's second, overlapping
        ],
        "family_support": [
            ("k1", "f1", "c1", "internal", D("2023-05-01"), n),
            ("k1", "f1", "c2", " Internal", D("2023-05-01"), D("2024-03-31")),
            ("k2", "f2", "c3", "external", D("2024-01-01"), n),
        ],
    }
    # The optional columns: referral.nfa (referral_nfa) and
    # allocation.worker_id (allocation_workers).
    nfa = {"r1": True, "r2": True, "r5": False, "r8": True}
    rel["referral_nfa"] = [(cid, rd, nfa.get(rid)) for rid, cid, rd, cd in rel["referral"]]
    rel["allocation_workers"] = [(c, s, e, w) for c, s, e, q, w in rel["allocation"]]
    rel["allocation"] = [(c, s, e, q) for c, s, e, q, w in rel["allocation"]]
    return rel


SELF_TEST_COLUMNS = {"referral": {"nfa"}, "allocation": {"worker_id"}}


def self_test():
    D = d2o
    cal = Calendar("1111100", [D(h) for h in EW_HOLIDAYS], D("2023-01-01"),
                   D("2025-12-31"))
    checks = []

    def check(label, got, want):
        checks.append((label, got == want, got, want))

    # working days, as the contract's examples
    check("wd Thu 28 Mar -> Tue 2 Apr 2024", cal.wd(D("2024-03-28"), D("2024-04-02")), 1)
    check("wd same day", cal.wd(D("2024-03-28"), D("2024-03-28")), 0)
    check("wd Sat -> Mon", cal.wd(D("2024-03-09"), D("2024-03-11")), 1)
    check("wd negative", cal.wd(D("2024-04-02"), D("2024-03-28")), -1)
    check("wd out of range", cal.wd(D("2022-12-30"), D("2023-01-03")), None)
    check("45th working day from 3 Apr 2023", cal.wd(D("2023-04-03"), D("2023-06-12")), 45)
    check("add_months 31 Jan + 1", o2d(add_months(D("2024-01-31"), 1)).isoformat(),
          "2024-02-29")
    check("add_months 29 Feb - 12", o2d(add_months(D("2024-02-29"), -12)).isoformat(),
          "2023-02-28")
    check("age 29 Feb on 28 Feb", age_years(D("2008-02-29"), D("2023-02-28")), 14)
    check("age 29 Feb on 1 Mar", age_years(D("2008-02-29"), D("2023-03-01")), 15)
    check("round 81.35 -> 81.4", one_decimal(Fraction(8135, 100)), "81.4")
    check("shown 1119/1374", shown_pct(1119, 1374), "81.4")
    check("shown 2/3", shown_pct(2, 3), "66.7")
    check("shown 1/1", shown_pct(1, 1), "100.0")
    check("shown 0/0", shown_pct(0, 0), "")
    check("shown 1/8 = 12.5", shown_pct(1, 8), "12.5")
    check("shown 1/16 = 6.25 -> 6.3", shown_pct(1, 16), "6.3")
    check("rate 146 / 22256", shown_rate(146, 22256), "65.6")

    rel = self_test_relations()
    src = Source(rel, SELF_TEST_COLUMNS)
    res = {(r[0], r[2]): r[3:] for r in run(src, cal)}

    def val(code, period):
        return res.get((code, period))

    check("periods 2018/19 (first event) to 2025/26 (last), months included",
          [val("CP_OPEN", p) is not None
           for p in ("2017/18", "2018/19", "2025/26", "2026-03", "2026/27")],
          [False, True, True, True, False])
    check("REF_1WD 2024/25", val("REF_1WD", "2024/25"), ("2", "3", "66.7"))
    check("REF_OVER_3WD 2024/25", val("REF_OVER_3WD", "2024/25"), ("1", "3", "33.3"))
    check("REF_1WD 2023/24 (0 WD)", val("REF_1WD", "2023/24"), ("1", "1", "100.0"))
    check("REF_1WD 2025/26 (no WD count)", val("REF_1WD", "2025/26"), ("0", "1", "0.0"))
    check("REF_OVER_3WD 2025/26 (no WD count)", val("REF_OVER_3WD", "2025/26"),
          ("1", "1", "100.0"))
    check("REREFERRAL_12M 2024/25", val("REREFERRAL_12M", "2024/25"), ("4", "5", "80.0"))
    check("REREFERRAL_CHILDREN 2024/25", val("REREFERRAL_CHILDREN", "2024/25"),
          ("3", "", "3"))
    check("REREFERRAL_FAMILIES 2024/25", val("REREFERRAL_FAMILIES", "2024/25"),
          ("1", "", "1"))
    check("CP_OPEN 2024-05", val("CP_OPEN", "2024-05"), ("1", "", "1"))
    check("CP_OPEN 2024/25 (p4 ends on 31 Mar 2025)", val("CP_OPEN", "2024/25"),
          ("1", "", "1"))
    check("CP_OPEN 2023-06 (p1 ends on 30 Jun 2023)", val("CP_OPEN", "2023-06"),
          ("0", "", "0"))
    check("CP_RATE 2024/25 (mid-2023)", val("CP_RATE", "2024/25"), ("1", "22256", "0.4"))
    check("CP_RATE 2023-05 (mid-2022)", val("CP_RATE", "2023-05"), ("1", "20000", "0.5"))
    check("CP_RATE 2023-06 (mid-2023 is dated the last day: mid-2022)",
          val("CP_RATE", "2023-06"), ("0", "20000", "0.0"))
    check("CP_RATE 2021/22 (no estimate)", val("CP_RATE", "2021/22"), ("1", "", ""))
    check("CFA_COMPLETED 2023/24 Q1", val("CFA_COMPLETED", "2023/24 Q1"), ("2", "", "2"))
    check("CFA_45WD 2023/24 Q1", val("CFA_45WD", "2023/24 Q1"), ("1", "2", "50.0"))
    check("ICPC_15WD 2024/25", val("ICPC_15WD", "2024/25"), ("2", "3", "66.7"))
    check("CP_ALLOCATED_QSW 2024/25", val("CP_ALLOCATED_QSW", "2024/25"), ("1", "1", "100.0"))
    check("CP_ALLOCATED_QSW 2024-06", val("CP_ALLOCATED_QSW", "2024-06"), ("1", "2", "50.0"))
    check("CIC_ALLOCATED_QSW 2024/25", val("CIC_ALLOCATED_QSW", "2024/25"),
          ("1", "3", "33.3"))
    check("CP_STARTED 2024/25", val("CP_STARTED", "2024/25"), ("2", "", "2"))
    check("CP_REPEAT_2Y 2024/25", val("CP_REPEAT_2Y", "2024/25"), ("1", "2", "50.0"))
    check("CP_REPEAT_EVER 2024/25", val("CP_REPEAT_EVER", "2024/25"), ("2", "2", "100.0"))
    check("CP_REVIEW_TIMELY 2024/25", val("CP_REVIEW_TIMELY", "2024/25"), ("1", "4", "25.0"))
    check("CP_VISIT_10WD 2024/25", val("CP_VISIT_10WD", "2024/25"), ("1", "4", "25.0"))
    check("CP_VISIT_15WD 2024/25", val("CP_VISIT_15WD", "2024/25"), ("3", "4", "75.0"))
    check("CIC_OPEN 2023/24 (c3, c6, c7)", val("CIC_OPEN", "2023/24"), ("3", "", "3"))
    check("CIC_UASC 2023/24", val("CIC_UASC", "2023/24"), ("1", "", "1"))
    check("CIC_OPEN 2024/25 (c5, c6, c7)", val("CIC_OPEN", "2024/25"), ("3", "", "3"))
    check("CIC_OPEN 2024-04 (short break left out)", val("CIC_OPEN", "2024-04"),
          ("4", "", "4"))
    check("CIC_RATE 2024/25", val("CIC_RATE", "2024/25"), ("3", "22256", "1.3"))
    check("CIC_STARTED 2023/24 (c3, c7)", val("CIC_STARTED", "2023/24"), ("2", "", "2"))
    check("CIC_STARTED_FAMILIES 2023/24 (c7 unknown)", val("CIC_STARTED_FAMILIES", "2023/24"),
          ("1", "", "1"))
    check("CIC_STARTED_UASC 2023/24", val("CIC_STARTED_UASC", "2023/24"), ("1", "", "1"))
    check("CIC_STARTED_BEFORE 2023/24", val("CIC_STARTED_BEFORE", "2023/24"), ("1", "", "1"))
    check("CIC_STARTED 2024/25", val("CIC_STARTED", "2024/25"), ("1", "", "1"))
    check("CIC_CEASED 2024/25", val("CIC_CEASED", "2024/25"), ("1", "", "1"))
    check("CIC_CEASED_HOME 2024/25", val("CIC_CEASED_HOME", "2024/25"), ("1", "1", "100.0"))
    check("CIC_CEASED_HOME 2021/22 (adopted)", val("CIC_CEASED_HOME", "2021/22"),
          ("0", "1", "0.0"))
    check("CIC_20_MILES 2024-09 (25.5 miles)", val("CIC_20_MILES", "2024-09"),
          ("1", "1", "100.0"))
    check("CIC_20_MILES 2024/25 (3 miles)", val("CIC_20_MILES", "2024/25"),
          ("0", "1", "0.0"))
    check("CIC_20_MILES 2023/24 (uasc, unknown left out)", val("CIC_20_MILES", "2023/24"),
          ("0", "0", ""))
    check("CIC_STABILITY_SHORT 2024/25 (c7: 3 placements)",
          val("CIC_STABILITY_SHORT", "2024/25"), ("1", "3", "33.3"))
    check("CIC_STABILITY_SHORT 2025-04 (c7: move on the window's first day)",
          val("CIC_STABILITY_SHORT", "2025-04"), ("0", "3", "0.0"))
    check("CIC_STABILITY_LONG 2023-05", val("CIC_STABILITY_LONG", "2023-05"),
          ("0", "1", "0.0"))
    check("CIC_STABILITY_LONG 2023/24 Q2", val("CIC_STABILITY_LONG", "2023/24 Q2"),
          ("1", "1", "100.0"))
    check("CIC_HEALTH_CURRENT 2023/24 Q2 (under 5: 6 months)",
          val("CIC_HEALTH_CURRENT", "2023/24 Q2"), ("1", "1", "100.0"))
    check("CIC_HEALTH_CURRENT 2023-10", val("CIC_HEALTH_CURRENT", "2023-10"),
          ("0", "1", "0.0"))
    check("CIC_HEALTH_CURRENT 2024-01 (aged 5: 12 months)",
          val("CIC_HEALTH_CURRENT", "2024-01"), ("1", "1", "100.0"))
    check("CIC_VISIT_TIMELY 2024/25", val("CIC_VISIT_TIMELY", "2024/25"), ("3", "5", "60.0"))
    check("CIC_REVIEW_TIMELY 2024/25", val("CIC_REVIEW_TIMELY", "2024/25"),
          ("2", "4", "50.0"))
    check("CIC_RHA_DONE 2024-06", val("CIC_RHA_DONE", "2024-06"), ("1", "2", "50.0"))
    check("CIC_RHA_DONE 2024/25", val("CIC_RHA_DONE", "2024/25"), ("2", "3", "66.7"))
    check("CIC_RHA_DONE 2024/25 Q2", val("CIC_RHA_DONE", "2024/25 Q2"), ("1", "1", "100.0"))
    check("CIC_RHA_DONE 2024-07 (done after the month)", val("CIC_RHA_DONE", "2024-07"),
          ("0", "1", "0.0"))
    check("RHI_72H 2024/25", val("RHI_72H", "2024/25"), ("1", "3", "33.3"))
    check("RHI_ENGAGED 2024/25", val("RHI_ENGAGED", "2024/25"), ("1", "2", "50.0"))
    check("CL_NEET_19_21 2023/24", val("CL_NEET_19_21", "2023/24"), ("1", "1", "100.0"))
    check("CL_ACCOM_19_21 2023/24", val("CL_ACCOM_19_21", "2023/24"), ("0", "1", "0.0"))
    check("CL_EDUCATION_19_21 2023-02 (29 Feb birthday: 18)",
          val("CL_EDUCATION_19_21", "2023-02"), ("0", "0", ""))
    check("CL_EDUCATION_19_21 2022/23", val("CL_EDUCATION_19_21", "2022/23"),
          ("1", "2", "50.0"))
    check("CL_TRAINING_EMPLOYMENT_22_25 2023/24",
          val("CL_TRAINING_EMPLOYMENT_22_25", "2023/24"), ("1", "1", "100.0"))
    check("CL_ACCOM_22_25 2023/24", val("CL_ACCOM_22_25", "2023/24"), ("1", "1", "100.0"))
    check("EH_CHILDREN_INTERNAL 2023/24", val("EH_CHILDREN_INTERNAL", "2023/24"),
          ("1", "", "1"))
    check("EH_FAMILIES_INTERNAL 2023-12", val("EH_FAMILIES_INTERNAL", "2023-12"),
          ("1", "", "1"))
    check("EH_CHILDREN_INTERNAL 2023-12", val("EH_CHILDREN_INTERNAL", "2023-12"),
          ("2", "", "2"))
    check("EH_FAMILIES_EXTERNAL 2024/25", val("EH_FAMILIES_EXTERNAL", "2024/25"),
          ("1", "", "1"))
    # CIN_RATE: children with an episode open at the period's end.
    check("CIN_RATE 2022/23 (c1 twice: one child; mid-2022)", val("CIN_RATE", "2022/23"),
          ("1", "20000", "0.5"))
    check("CIN_RATE 2023-09 (c1, c2; mid-2023)", val("CIN_RATE", "2023-09"), ("2", "22256", "0.9"))
    check("CIN_RATE 2023/24 (e2 ends on 31 Mar 2024)", val("CIN_RATE", "2023/24"),
          ("1", "22256", "0.4"))
    # The DfE's measures.  Populations: mid-2022 20000 until June 2023,
    # then mid-2023 22256.
    check("REFERRAL_RATE 2024/25 (r2, r3, r5, r8, r10)", val("REFERRAL_RATE", "2024/25"),
          ("5", "22256", "2.2"))
    check("REFERRAL_RATE 2024/25 Q4 (not annualised)", val("REFERRAL_RATE", "2024/25 Q4"),
          ("3", "22256", "1.3"))
    check("REFERRAL_RATE 2023-05", val("REFERRAL_RATE", "2023-05"), ("0", "20000", "0.0"))
    check("REFERRAL_NFA 2024/25 (r3, r10 not known: denominator)",
          val("REFERRAL_NFA", "2024/25"), ("2", "5", "40.0"))
    check("REFERRAL_NFA 2023/24 (r1, r4, r7, r9)", val("REFERRAL_NFA", "2023/24"),
          ("1", "4", "25.0"))
    check("S47_RATE 2023/24 (s3 transfer-in; s4 NULL is not)", val("S47_RATE", "2023/24"),
          ("3", "22256", "1.3"))
    check("S47_RATE 2024/25", val("S47_RATE", "2024/25"), ("0", "22256", "0.0"))
    check("ICPC_RATE 2024/25 Q1", val("ICPC_RATE", "2024/25 Q1"), ("3", "22256", "1.3"))
    check("ICPC_RATE 2023/24", val("ICPC_RATE", "2023/24"), ("0", "22256", "0.0"))
    check("CP_STARTED_RATE 2024/25", val("CP_STARTED_RATE", "2024/25"), ("2", "22256", "0.9"))
    check("CIC_STARTED_RATE 2023/24", val("CIC_STARTED_RATE", "2023/24"),
          ("2", "22256", "0.9"))
    check("CP_2YEARS_PLUS 2022-02 (p5 from 29 Feb 2020: not yet)",
          val("CP_2YEARS_PLUS", "2022-02"), ("0", "2", "0.0"))
    check("CP_2YEARS_PLUS 2021/22 (p5 has)", val("CP_2YEARS_PLUS", "2021/22"),
          ("1", "2", "50.0"))
    check("CP_2YEARS_PLUS 2021-01 (p3 from 1 Jan 2019)", val("CP_2YEARS_PLUS", "2021-01"),
          ("1", "2", "50.0"))
    check("CP_2YEARS_PLUS 2020-12", val("CP_2YEARS_PLUS", "2020-12"), ("0", "2", "0.0"))
    check("CIC_SW_3PLUS 2024-10 (c7: W1, W2, W3; c5: A3 ends as care starts)",
          val("CIC_SW_3PLUS", "2024-10"), ("1", "3", "33.3"))
    check("CIC_SW_3PLUS 2025-02 (W3 ends on 1 Apr 2024, after 29 Feb)",
          val("CIC_SW_3PLUS", "2025-02"), ("1", "3", "33.3"))
    check("CIC_SW_3PLUS 2024/25 (W3 ends on the first day; W1 twice)",
          val("CIC_SW_3PLUS", "2024/25"), ("0", "3", "0.0"))
    check("CIC_SW_3PLUS 2025-04 (W9 from 15 Apr 2025)", val("CIC_SW_3PLUS", "2025-04"),
          ("1", "3", "33.3"))
    check("CL_EET_17_18 2023-02 (c3 18, education)", val("CL_EET_17_18", "2023-02"),
          ("1", "1", "100.0"))
    check("CL_EET_17_18 2022/23 (c3 19)", val("CL_EET_17_18", "2022/23"), ("0", "0", ""))
    check("CL_EET_17_18 2023/24 (c9 17, activity not known)", val("CL_EET_17_18", "2023/24"),
          ("0", "1", "0.0"))
    check("CL_EET_17_18 2024/25 (c9 18, P4)", val("CL_EET_17_18", "2024/25"),
          ("1", "1", "100.0"))
    check("no referral.nfa nor allocation.worker_id: REFERRAL_NFA, CIC_SW_3PLUS not output",
          sorted({r[0] for r in run(Source(rel, {"allocation": {"team"}}), cal)}
                 & {"REFERRAL_NFA", "CIC_SW_3PLUS", "REFERRAL_RATE"}),
          ["REFERRAL_RATE"])
    check("every indicator has 17 periods a year",
          len(res) == len(INDICATORS) * 17 * 8, True)

    # Availability: without child, the *_FAMILIES, CL_*, STABILITY_LONG and
    # HEALTH_CURRENT indicators are not output.
    rel2 = dict(rel)
    del rel2["child"]
    codes = {r[0] for r in run(Source(rel2), cal)}
    check("no child: no families/CL/LONG/HEALTH",
          sorted(c for c in ("REREFERRAL_FAMILIES", "CIC_STARTED_FAMILIES",
                             "CL_NEET_19_21", "CIC_STABILITY_LONG", "CIC_HEALTH_CURRENT",
                             "REF_1WD", "CIC_RHA_DONE") if c in codes),
          ["CIC_RHA_DONE", "REF_1WD"])

    # Breakdowns: doc/indicators.md's example.  A (born 1 May 2020, sex 2)
    # started Fri 15 Mar 2024 and B (born 10 Jan 2008, no sex) Fri 16 Feb
    # 2024; both authorised Tue 30 Apr 2024: 30 working days for A (18-28
    # Mar: 9, April without Easter Monday: 21) and 50 for B (20 more from
    # 19 Feb to 15 Mar).  A is 3 that day (4 on 1 May), B is 16.
    check("example: A 30 WD", cal.wd(D("2024-03-15"), D("2024-04-30")), 30)
    check("example: B 50 WD", cal.wd(D("2024-02-16"), D("2024-04-30")), 50)
    ex = Source({
        "child": [("A", None, D("2020-05-01")), ("B", None, D("2008-01-10"))],
        "child_dims": [("A", D("2020-05-01"), "2", None, None),
                       ("B", D("2008-01-10"), None, None, None)],
        "assessment": [("a1", "A", D("2024-03-15"), D("2024-04-30")),
                       ("a2", "B", D("2024-02-16"), D("2024-04-30"))],
    }, {"child": {"sex"}})
    exb = {(r[0], r[2], r[3], r[4]): r[5:] for r in run_breakdown(ex, cal)}
    check("example: CFA_45WD 2024/25", {k[2:]: v for k, v in exb.items()
                                        if k[:2] == ("CFA_45WD", "2024/25")},
          {("age_band", "1-4"): ("1", "1", "100", "100.0% (1 / 1)", "%"),
           ("age_band", "16 and over"): ("0", "1", "0", "0.0% (0 / 1)", "%"),
           ("sex", "female"): ("1", "1", "100", "100.0% (1 / 1)", "%"),
           ("sex", "unknown"): ("0", "1", "0", "0.0% (0 / 1)", "%")})
    check("example: CFA_COMPLETED 2024-04 by sex",
          {k[3]: v for k, v in exb.items() if k[:3] == ("CFA_COMPLETED", "2024-04", "sex")},
          {"female": ("1", "", "1", "1", "count"), "unknown": ("1", "", "1", "1", "count")})

    # The categories' codes, trimmed and upper-cased.
    check("sex codes", [sex_category(c) for c in ("1", " m", "Female", "9", "i", "0", None, "X")],
          ["male", "male", "female", "not stated or indeterminate",
           "not stated or indeterminate", "unknown", "unknown", "unknown"])
    check("ethnicity codes", [ethnicity_category(c) for c in
                              ("WBRI", " wrom", "CHNE", "AIND", "BAFR", "MWBC", "OOEG",
                               "REFU", "nobt", "XYZZ", "W1", "WBRI1", None)],
          ["White", "White", "Asian or Asian British", "Asian or Asian British",
           "Black, African, Caribbean or Black British", "Mixed or multiple ethnic groups",
           "Other ethnic group", "refused", "information not yet obtained",
           "unknown", "unknown", "unknown", "unknown"])
    check("disability codes", [disability_category(c) for c in
                               ("TRUE", "yes", "1", " mob", "DDA", "false", "No", "0", "NONE",
                                "T", "f", "MAYBE", None)],
          ["disabled"] * 5 + ["not disabled"] * 4 + ["disabled", "not disabled"] + ["unknown"] * 2)
    check("age band on 29 Feb birthdays",
          [age_band(D("2019-02-28"), D("2024-02-27")), age_band(D("2020-02-29"), D("2021-02-28")),
           age_band(D("2020-02-29"), D("2021-03-01")), age_band(D("2024-05-01"), D("2024-04-30")),
           age_band(None, D("2024-04-30")), age_band(D("2008-04-30"), D("2024-04-30"))],
          ["1-4", "under 1", "1-4", "unknown", "unknown", "16 and over"])

    # The self-test's source with the breakdowns' columns: c1 has three
    # allocations from 1 Jan 2024 (the open ones win, then the lowest team
    # as spelled, in byte order: " north" before "east"; listed trimmed, as
    # the source names it); population_age_band has 10-15 for 2023.
    rel3 = dict(rel)
    rel3["child_dims"] = [(c, dob, None, None, None) for c, f, dob in rel["child"]]
    rel3["allocation_dims"] = [("c1", D("2024-01-01"), None, " north", "Area 1"),
                               ("c1", D("2024-01-01"), D("2024-12-31"), "Court", "Area 2"),
                               ("c1", D("2024-01-01"), None, "east", None)]
    rel3["population_age_band"] = [(2023, "10-15 ", 5000), (2023, "UNDER 1", 10)]
    src3 = Source(rel3, {"allocation": {"team", "locality"}})
    b3 = {}
    for r in run_breakdown(src3, cal):
        b3.setdefault((r[0], r[2], r[3]), {})[r[4]] = r[5:]
    cats = lambda code, period, dim: {c: v[0] for c, v in b3.get((code, period, dim), {}).items()}
    check("breakdown: CP_OPEN 2024-05 team (tie: open, then lowest team)",
          cats("CP_OPEN", "2024-05", "team"), {"north": "1"})
    check("breakdown: CP_OPEN 2024-05 locality (the same allocation's)",
          cats("CP_OPEN", "2024-05", "locality"), {"Area 1": "1"})
    check("breakdown: CP_RATE 2024-05 by age band (10-15 has a population)",
          b3[("CP_RATE", "2024-05", "age_band")], {"10-15": ("1", "5000", "2", "2.0", "per 10,000")})
    check("breakdown: CP_RATE 2024-05 by team (a count)",
          b3[("CP_RATE", "2024-05", "team")], {"north": ("1", "", "1", "1", "count")})
    check("breakdown: REREFERRAL_FAMILIES 2024/25 (f1 placed by c1, 8 Apr 2024, aged 13)",
          cats("REREFERRAL_FAMILIES", "2024/25", "age_band"), {"10-15": "1"})
    check("breakdown: REREFERRAL_FAMILIES 2025-02 (f1 placed by c2, aged 5)",
          cats("REREFERRAL_FAMILIES", "2025-02", "age_band"), {"5-9": "1"})
    check("breakdown: EH_FAMILIES_INTERNAL 2023-12 (f1 placed by c1, not c2)",
          cats("EH_FAMILIES_INTERNAL", "2023-12", "age_band"), {"10-15": "1"})
    check("breakdown: CIC_OPEN 2023/24 uasc (c3 UASC since May 2023; c7 no child row)",
          cats("CIC_OPEN", "2023/24", "uasc"), {"UASC": "1", "not UASC": "2"})
    check("breakdown: CIC_OPEN 2023/24 age band (c7 unknown)",
          cats("CIC_OPEN", "2023/24", "age_band"), {"16 and over": "1", "5-9": "1", "unknown": "1"})
    check("breakdown: REFERRAL_RATE 2024/25 by age band (10-15: r2, r3 of c1, r10 of c5)",
          b3[("REFERRAL_RATE", "2024/25", "age_band")],
          {"10-15": ("3", "5000", "6", "6.0", "per 10,000"),
           "5-9": ("1", "", "1", "1", "count"), "16 and over": ("1", "", "1", "1", "count")})
    check("breakdown: CP_2YEARS_PLUS 2022-02 by age band (p5 has no child)",
          b3[("CP_2YEARS_PLUS", "2022-02", "age_band")],
          {"10-15": ("0", "1", "0", "0.0% (0 / 1)", "%"),
           "unknown": ("0", "1", "0", "0.0% (0 / 1)", "%")})
    check("breakdown: CIC_SW_3PLUS, REFERRAL_NFA: none without their columns",
          any(k[0] in ("CIC_SW_3PLUS", "REFERRAL_NFA") for k in b3), False)
    check("breakdown: no sex without child.sex",
          any(k[2] == "sex" for k in b3), False)

    passed = sum(1 for c in checks if c[1])
    failed = len(checks) - passed
    for label, ok, got, want in checks:
        if not ok:
            print("FAIL %s: got %r, want %r" % (label, got, want))
    print("oracle self-test: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--schema")
    ap.add_argument("--calendar", default="england-and-wales")
    ap.add_argument("--dbname")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--timeliness", action="store_true",
                    help="print the working-day distributions (the view timeliness) instead")
    ap.add_argument("--bands", action="store_true",
                    help="print the cases by band of working days (the view timeliness_band) instead")
    ap.add_argument("--breakdown", action="store_true",
                    help="print every figure by category (the view indicator_breakdown) instead")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if not args.schema:
        ap.error("--schema is required")
    src = load_source(args.schema, args.dbname)
    cal = load_calendar(args.calendar, args.dbname)
    if args.timeliness or args.bands:
        res = compute(src, cal)
        w = csv.writer(sys.stdout, lineterminator="\n")
        if args.timeliness:
            w.writerow(["indicator", "period_type", "period", "cases", "within_timescale", "lower_quartile",
                        "median", "upper_quartile", "p90", "longest"])
            w.writerows(timeliness_rows(src, *res) if res else [])
        else:
            w.writerow(["indicator", "period_type", "period", "band", "cases"])
            w.writerows(band_rows(src, *res) if res else [])
        return 0
    if args.breakdown:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["indicator", "period_type", "period", "dimension", "category", "numerator",
                    "denominator", "value", "display", "unit"])
        w.writerows(run_breakdown(src, cal))
        return 0
    write_csv(run(src, cal), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
