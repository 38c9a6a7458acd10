#!/usr/bin/env python3
"""An independent reading of the DfE files cspi ships (data/dfe/), for
test/oracle/dfe-figures-vs-oracle.sh.

For every local authority of the statistical-neighbour model and both
years shipped, prints one line per indicator:

    la|year|indicator|england|region|neighbours' mean|neighbours' median|neighbours published|own|rank|quartile

worked out from the CSV files with Python's csv module, following the
mapping written in doc/dfe-figures.md, not cspi's SQL: a percentage is the
breakdowns' counts over the total's (the DfE's numerator over its
denominator where it publishes both), a rate per 10,000 the count over the
population estimate, to one decimal rounded half up; a suppressed cell
(c, x, z, k, u, low) is missing, never 0; London boroughs belong to the
London region; a rate the files give only as a count (CP_RATE,
CP_STARTED_RATE, REFERRAL_RATE, CIN_RATE) is that count per 10,000 of the
ONS estimate of the June before.  The neighbours' mean and median are of
their published figures (the suppressed ones left out): the median the
middle one, or the mean of the middle two, then to one decimal.
"""
import csv
import decimal
import os
import sys

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "data", "dfe")
SUPPRESSED = {"c", "x", "z", "k", "u", "low"}
LONDON_PARTS = {"E13000001", "E13000002"}


def rows(name):
    with open(os.path.join(DATA, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def number(cell):
    cell = (cell or "").strip()
    if cell == "" or cell.lower() in SUPPRESSED:
        return None
    return decimal.Decimal(cell)


def one_decimal(x):
    return None if x is None else x.quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)


def area(r):
    level = r["geographic_level"]
    if level == "National":
        return ("National", "E92000001")
    if level == "Regional":
        return ("Regional", r["region_code"])
    return ("Local authority", r["old_la_code"])


def index(name, key=lambda r: ()):
    """{(year, level, code, key...): row}"""
    out = {}
    for r in rows(name):
        if r["geographic_level"] not in ("National", "Regional", "Local authority"):
            continue
        out[(int(r["time_period"]),) + area(r) + key(r)] = r
    return out


def median(values):
    if not values:
        return None
    values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return one_decimal(values[middle])
    return one_decimal((values[middle - 1] + values[middle]) / 2)


def ratio(num, den, scale):
    if num is None or den is None or den == 0:
        return None
    return one_decimal(num * scale / den)


def main():
    figures = {}    # (indicator, year, level, code) -> value

    def put(ind, k, value):
        figures[(ind, k[0], k[1], k[2])] = value

    population = {}
    for k, r in index("ons_mid-year_population_estimates_2012_to_2024.csv").items():
        if r["age_group"] == "Children aged 0 to 17 years":
            population[k] = number(r["population_estimate"])

    def per_population(count, k):
        """A count per 10,000 of the estimate of 30 June the year before."""
        return ratio(count, population.get((k[0] - 1,) + k[1:]), 10000)

    cla = index("cla_number_and_rate_per_10k_children.csv", lambda r: (r["population_type"],))
    for k, r in cla.items():
        base, kind = k[:3], k[3]
        count = number(r["children_count"])
        rate = ratio(count, number(r["population_estimate"]), 10000)
        if rate is None:
            rate = number(r["rate_per_10000"])
        if kind == "Children looked after on 31 March each year":
            put("CIC_OPEN", base, count)
            put("CIC_RATE", base, rate)
        elif kind == "Children starting to be looked after each year":
            put("CIC_STARTED", base, count)
            put("CIC_STARTED_RATE", base, rate)
        elif kind == "Children ceasing to be looked after each year":
            put("CIC_CEASED", base, count)

    for k, r in index("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").items():
        pct = ratio(number(r["rereferral_count"]), number(r["referral_count"]), 100)
        put("REREFERRAL_12M", k, pct if pct is not None else number(r["rereferral_percent"]))
        put("REREFERRAL_CHILDREN", k, number(r["rereferral_child_count"]))
        put("REFERRAL_RATE", k, per_population(number(r["referral_count"]), k))
        pct = ratio(number(r["no_further_action_count"]), number(r["referral_count"]), 100)
        put("REFERRAL_NFA", k, pct if pct is not None else number(r["no_further_action_percent"]))

    for k, r in index("d3_cpps_subsequent_plan_2013_to_2025.csv").items():
        pct = ratio(number(r["CPP_subsequent"]), number(r["CPP_start"]), 100)
        put("CP_REPEAT_EVER", k, pct if pct is not None else number(r["CPP_subsequent_percent"]))
        put("CP_STARTED", k, number(r["CPP_start"]))
        put("CP_STARTED_RATE", k, per_population(number(r["CPP_start"]), k))

    for k, r in index("d5_cpps_at31march_by_duration_2013_to_2025.csv").items():
        plans = number(r["CPP_At31"])
        put("CP_OPEN", k, plans)
        put("CP_RATE", k, per_population(plans, k))
        pct = ratio(number(r["2_years_or_more"]), plans, 100)
        put("CP_2YEARS_PLUS", k, pct if pct is not None else number(r["2_years_or_more_percent"]))

    for k, r in index("b1_children_in_need_2013_to_2025.csv").items():
        put("CIN_RATE", k, per_population(number(r["At31_episodes"]), k))

    def breakdowns(name, group_col, breakdown_col, specs, count_col):
        table = index(name, lambda r: (r[group_col], r[breakdown_col]))
        keys = {k[:3] for k in table}
        for base in keys:
            for ind, group, parts, total in specs:
                cells = [table.get(base + (group, p)) for p in parts]
                tot = table.get(base + (group, total))
                if tot is None or any(c is None for c in cells):
                    continue
                nums = [number(c[count_col]) for c in cells]
                den = number(tot[count_col])
                put(ind, base, None if any(n is None for n in nums) else ratio(sum(nums), den, 100))

    long_group = "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"
    breakdowns("la_cla_placement_stability.csv", "cla_group", "placement_stability", [
        ("CIC_STABILITY_LONG", long_group, ["Living with the same carer for at least 2 years"], "Total children"),
        ("CIC_STABILITY_SHORT", "CLA on 31 March", ["With 3 or more placements during the year"], "Total children"),
    ], "children_count")
    breakdowns("la_cla_swcount.csv", "cla_group", "sw_stability", [
        ("CIC_SW_3PLUS", "CLA on 31 March", ["3 or more social workers during the year"], "Total children"),
    ], "number")
    age = "19 to 21 years"
    breakdowns("la_care_leavers_activity.csv", "care_leaver_age", "breakdown", [
        ("CL_NEET_19_21", age, ["Total not in education, employment or training"], "Total"),
        ("CL_EDUCATION_19_21", age, ["Education other than higher education",
                                     "Higher education i.e. studies beyond A level"], "Total"),
        ("CL_TRAINING_EMPLOYMENT_19_21", age, ["In an apprenticeship",
                                               "In training or employment (excl. apprenticeship)"], "Total"),
        ("CL_EET_17_18", "17 to 18 years", ["Total in education, employment or training"], "Total"),
    ], "care_leaver_count")
    breakdowns("la_care_leavers_accommodation_suitability.csv", "care_leaver_age", "breakdown", [
        ("CL_ACCOM_19_21", age, ["Accommodation considered suitable"], "Suitability total"),
    ], "care_leaver_count")

    # Each authority's region (from any file's local-authority rows) and
    # its neighbours.
    region = {}
    for r in rows("cla_number_and_rate_per_10k_children.csv"):
        if r["geographic_level"] == "Local authority":
            code = r["region_code"]
            region[r["old_la_code"]] = "E12000007" if code in LONDON_PARTS else code
    neighbours = {}
    for r in rows("sn_model_2025_wide.csv"):
        neighbours[r["old_la_code"]] = [r["SN_%d" % k].strip() for k in range(1, 11) if r["SN_%d" % k].strip()]

    # Rank among all authorities with a figure (1: the best, ties share
    # the rank), and the quartile of that rank, for the indicators where
    # higher or lower is better.
    polarity = {"CIC_STABILITY_LONG": 1, "CL_ACCOM_19_21": 1, "CL_EDUCATION_19_21": 1,
                "CL_TRAINING_EMPLOYMENT_19_21": 1, "REREFERRAL_12M": -1, "CP_REPEAT_EVER": -1,
                "CIC_STABILITY_SHORT": -1, "CL_NEET_19_21": -1,
                "CL_EET_17_18": 1, "CP_2YEARS_PLUS": -1, "CIC_SW_3PLUS": -1}

    def rank(ind, year, la):
        if ind not in polarity:
            return None, None
        mine = figures.get((ind, year, "Local authority", la))
        if mine is None:
            return None, None
        others = [v for k, v in figures.items()
                  if k[0] == ind and k[1] == year and k[2] == "Local authority" and v is not None]
        better = sum(1 for v in others if (v - mine) * polarity[ind] > 0)
        r = better + 1
        return r, min(4, -(-4 * r // len(others)))

    indicators = sorted({k[0] for k in figures})
    years = sorted({k[1] for k in figures})
    fmt = lambda v: "" if v is None else str(v)
    for la in sorted(neighbours):
        for year in years:
            for ind in indicators:
                if not any(k[0] == ind and k[1] == year for k in figures):
                    continue
                values = [figures.get((ind, year, "Local authority", n)) for n in neighbours[la]]
                published = [v for v in values if v is not None]
                mean = one_decimal(sum(published) / len(published)) if published else None
                print("|".join([la, str(year), ind,
                                fmt(figures.get((ind, year, "National", "E92000001"))),
                                fmt(figures.get((ind, year, "Regional", region.get(la)))),
                                fmt(mean), fmt(median(published)), str(len(published)),
                                fmt(figures.get((ind, year, "Local authority", la)))]
                               + [fmt(x) for x in rank(ind, year, la)]))


if __name__ == "__main__":
    sys.exit(main())
