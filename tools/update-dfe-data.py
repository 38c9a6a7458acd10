#!/usr/bin/env python3
"""Copy the DfE published figures that cspi ships into data/dfe/.

Usage: tools/update-dfe-data.py SOURCE_DIR

SOURCE_DIR holds the DfE's tidy CSV files (Explore Education Statistics, as
kept in data-raw/ of dfe-analytical-services/CSC_outcomes_and_enablers).
For each file cspi maps to its indicators this keeps the header and the
rows of the latest two years it holds (the latest three mid-years of the
ONS population estimates, which rates divide by the year before; the
social workers file holds one year so far, 2024), and of those only the
rows cspi reads (the care leavers' activity: ages 17 to 18 and 19 to 21;
their accommodation: 19 to 21), unchanged byte for byte.  The
statistical-neighbour model is copied whole.  `make`
turns data/dfe/ into src/sql/dfe/figures.sql, the script of cspi_dfe (tools/gen_dfe_data.py).
"""
import csv
import io
import os
import sys

FILES = {
    "cla_number_and_rate_per_10k_children.csv": 2,
    "b1_children_in_need_2013_to_2025.csv": 2,
    "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv": 2,
    "d3_cpps_subsequent_plan_2013_to_2025.csv": 2,
    "d5_cpps_at31march_by_duration_2013_to_2025.csv": 2,
    "la_cla_placement_stability.csv": 2,
    "la_cla_swcount.csv": 2,
    "la_care_leavers_activity.csv": 2,
    "la_care_leavers_accommodation_suitability.csv": 2,
    "ons_mid-year_population_estimates_2012_to_2024.csv": 3,
}


def keep_row(name, row):
    if name.startswith("la_care_leavers_activity"):
        return row.get("care_leaver_age") in ("17 to 18 years", "19 to 21 years")
    if name.startswith("la_care_leavers"):
        return row.get("care_leaver_age") == "19 to 21 years"
    return True


def main(src):
    out_dir = os.path.join(os.path.dirname(__file__), "..", "data", "dfe")
    for name, years in FILES.items():
        raw = open(os.path.join(src, name), "rb").read().decode("utf-8")
        lines = raw.splitlines(keepends=True)
        header = next(csv.reader([lines[0].lstrip("\ufeff")]))
        periods = set()
        parsed = []
        for line in lines[1:]:
            row = dict(zip(header, next(csv.reader([line]))))
            periods.add(int(row["time_period"]))
            parsed.append((line, row))
        latest = sorted(periods)[-years:]
        kept = [line for line, row in parsed
                if int(row["time_period"]) in latest and keep_row(name, row)]
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(lines[0])
            f.writelines(kept)
        print("%s: %d of %d rows (%s)" % (name, len(kept), len(parsed),
                                          ", ".join(map(str, latest))))
    sn = "sn_model_2025_wide.csv"
    with open(os.path.join(src, sn), "rb") as i, open(os.path.join(out_dir, sn), "wb") as o:
        o.write(i.read())
    print("%s: copied" % sn)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
