#!/usr/bin/python3
"""An independent Python reading of Ofsted's Annex A lists 1 to 11, compared
with cspi.annex_a().

    annex_a_oracle.py --dbname DB --schema SOURCE --report REPORT --as-at DATE [--as-at DATE...]

Reads the source relations themselves (not the report's src_ views) with
psql, applies the data contract's reading (codes upper-cased and trimmed, a
NULL flag false) and doc/annex-a.md's rules to compute every row and cell of
lists 1 to 11 as at each day, and compares them, as multisets of rows, with
what cspi.annex_a(list, day, REPORT) returns (and, for lists 9 to 11, the
order of the rows too).  Ofsted's labels are data, not logic: for lists 1 to
8 they are read from cspi.annex_a_code; which label a cell takes, and what a
missing code or column gives, is decided here.  Lists 9 to 11 (care leavers,
adoption, adopters) follow the rules of cspi 1.4 (issue 26, slice 3), their
labels written here as those rules give them, so that the labels are
checked too.  Prints the first differences and one line per day, and exits
1 on any difference.
"""

import argparse
import datetime
import json
import subprocess
import sys


def psql_json(sql, db):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db],
                         input="SET datestyle = 'ISO, YMD';\n" + sql, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("annex-a oracle: psql failed:\n" + out.stderr)
    text = out.stdout.strip()
    return json.loads(text) if text else None


def quote_ident(s):
    return '"' + s.replace('"', '""') + '"'


def quote_literal(s):
    return "'" + s.replace("'", "''") + "'"


def d(text):
    return None if text is None else datetime.date.fromisoformat(text[:10])


def add_months(day, n):
    """PostgreSQL's date + n months: the day clamped to the month's end."""
    y, m = divmod(day.year * 12 + day.month - 1 + n, 12)
    m += 1
    last = ((datetime.date(y + (m == 12), m % 12 + 1, 1)) - datetime.timedelta(days=1)).day
    return datetime.date(y, m, min(day.day, last))


def age(dob, at):
    if dob is None:
        return None
    if dob > at:
        return -1
    return at.year - dob.year - ((at.month, at.day) < (dob.month, dob.day))


def norm(code):
    return None if code is None else str(code).strip().upper()


def iso(day):
    return None if day is None else day.isoformat()


class Source:
    """The source relations, as the contract reads them."""

    COLUMNS = {
        "child": ["child_id", "date_of_birth", "sex", "ethnicity", "disability"],
        "contact": ["contact_id", "child_id", "contact_date", "source"],
        "family_support": ["case_id", "child_id", "start_date", "end_date"],
        "referral": ["referral_id", "child_id", "referral_date", "source", "nfa"],
        "assessment": ["assessment_id", "child_id", "start_date", "authorised_date"],
        "s47_enquiry": ["s47_id", "child_id", "strategy_date", "icpc_date"],
        "cp_plan": ["plan_id", "child_id", "start_date", "end_date", "initial_category", "latest_category"],
        "cp_review": ["review_id", "plan_id", "review_date"],
        "cla_episode": ["episode_id", "child_id", "start_date", "end_date", "reason_new", "legal_status",
                        "placement", "reason_ceased", "uasc", "placement_provider", "placement_postcode",
                        "placement_urn"],
        "cla_review": ["review_id", "child_id", "review_date"],
        "visit": ["visit_id", "child_id", "visit_type", "visit_date"],
        "allocation": ["child_id", "start_date", "end_date", "worker_id", "team", "role"],
        "health_assessment": ["child_id", "kind", "completed_date"],
        "missing_episode": ["episode_id", "child_id", "start_at", "rhi_offered_at", "rhi_engaged"],
        "cin_episode": ["episode_id", "child_id", "start_date", "end_date", "primary_need", "reason_closed"],
        "cin_plan": ["plan_id", "child_id", "start_date", "end_date"],
        # Annex A lists 9 to 11
        "care_leaver": ["child_id", "as_at", "in_touch", "accommodation_suitable", "activity", "in_touch_code",
                        "accommodation"],
        "leaving_care": ["child_id", "eligibility", "start_date", "end_date"],
        "pathway_plan_review": ["review_id", "child_id", "review_date"],
        "adoption": ["child_id", "decision_date", "matched_date", "placed_date", "reversed_date", "reversed_reason",
                     "adoptive_family_id"],
        "adopter": ["adopter_id", "family_id", "gender", "ethnicity", "disability", "fostering_for_adoption",
                    "enquiry_date", "stage1_start_date", "stage1_end_date", "stage2_start_date", "stage2_end_date",
                    "application_date", "approval_date", "matched_date", "placed_date", "children_placed",
                    "adoption_order_date", "left_date", "left_reason"],
    }
    DATES = {"date_of_birth", "contact_date", "start_date", "end_date", "referral_date", "authorised_date",
             "strategy_date", "icpc_date", "review_date", "visit_date", "completed_date", "as_at",
             "decision_date", "matched_date", "placed_date", "reversed_date", "enquiry_date", "stage1_start_date",
             "stage1_end_date", "stage2_start_date", "stage2_end_date", "application_date", "approval_date",
             "adoption_order_date", "left_date"}
    # codes, read upper-cased and trimmed (the adopter's disability is a flag)
    CODES = {"sex", "ethnicity", "disability", "source", "reason_new", "legal_status", "placement", "reason_ceased",
             "visit_type", "kind", "initial_category", "latest_category", "placement_provider", "placement_postcode",
             "placement_urn", "primary_need", "reason_closed", "activity", "in_touch_code", "accommodation",
             "eligibility", "reversed_reason", "gender", "left_reason", "role"}

    def __init__(self, db, schema):
        have = psql_json(
            "SELECT json_object_agg(c.relname, (SELECT json_agg(a.attname) FROM pg_catalog.pg_attribute a"
            " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))"
            " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relkind IN ('r', 'v', 'm', 'f', 'p')" % quote_literal(schema), db) or {}
        self.present = set(have)
        self.columns = {r: set(cols) for r, cols in have.items()}
        self.rows = {}
        for rel, cols in self.COLUMNS.items():
            if rel not in have:
                self.rows[rel] = []
                continue
            exprs = []
            for c in cols:
                if c not in have[rel]:
                    exprs.append("NULL AS %s" % quote_ident(c))
                elif c in self.DATES:
                    exprs.append("(%s)::date AS %s" % (quote_ident(c), quote_ident(c)))
                elif c == "start_at":
                    exprs.append("(%s)::timestamp::text AS %s" % (quote_ident(c), quote_ident(c)))
                else:
                    exprs.append("%s AS %s" % (quote_ident(c), quote_ident(c)))
            rows = psql_json("SELECT json_agg(t) FROM (SELECT %s FROM %s.%s) t"
                             % (", ".join(exprs), quote_ident(schema), quote_ident(rel)), db) or []
            for r in rows:
                for c in cols:
                    v = r[c]
                    if c in self.DATES:
                        r[c] = d(v)
                    elif c.endswith("_id") and v is not None:
                        r[c] = str(v)
                    elif c in self.CODES and not (rel == "adopter" and c == "disability"):
                        r[c] = None if v is None else norm(v if not isinstance(v, bool) else str(v))
            self.rows[rel] = rows

    def has(self, rel, col=None):
        return rel in self.present and (col is None or col in self.columns[rel])

    def by_child(self, rel):
        out = {}
        for r in self.rows[rel]:
            out.setdefault(r["child_id"], []).append(r)
        return out


class Oracle:
    def __init__(self, src, labels):
        self.src = src
        self.labels = labels
        self.child = {}
        for r in sorted(src.rows["child"], key=lambda r: (r["date_of_birth"] is None, r["date_of_birth"] or 0)):
            self.child.setdefault(r["child_id"], r)
        self.alloc = src.by_child("allocation")

    def label(self, dimension, code):
        return self.labels.get((dimension, norm(code)))

    def five(self, child_id, at):
        ch = self.child.get(child_id)
        gender = ethnicity = None
        if ch is not None and self.src.has("child", "sex"):
            gender = self.label("gender", ch["sex"]) or "c) Not stated/recorded"
        if ch is not None and self.src.has("child", "ethnicity"):
            e = ch["ethnicity"]
            ethnicity = "s) NOBT" if e is None or e == "" else self.label("ethnicity", e)
        dob = ch["date_of_birth"] if ch else None
        return [child_id, gender, ethnicity, iso(dob), age(dob, at)]

    def disability(self, child_id):
        ch = self.child.get(child_id)
        if ch is None or not self.src.has("child", "disability"):
            return None
        return self.label("disability", ch["disability"]) or "c) Unknown"

    def team_worker(self, child_id, day, personal_advisor=False):
        """The allocation in force on day: the latest started, then the one
        open longest, then by team and worker; a social worker's (role not
        PERSONAL_ADVISOR), or with personal_advisor a personal advisor's."""
        found = [a for a in self.alloc.get(child_id, [])
                 if a["start_date"] is not None and a["start_date"] <= day
                 and (a["end_date"] is None or a["end_date"] >= day)
                 and (a["role"] in ("PERSONAL_ADVISOR", "PERSONAL_ADVISER")) == personal_advisor]
        if not found:
            return [None, None]

        def key(a):
            return (-a["start_date"].toordinal(),
                    0 if a["end_date"] is None else 1,
                    -(a["end_date"].toordinal() if a["end_date"] else 0),
                    a["team"] is None, a["team"] or "", a["worker_id"] is None, a["worker_id"] or "")
        a = min(found, key=key)

        def blank(v):
            v = None if v is None else str(v).strip()
            return v or None
        return [blank(a["team"]), blank(a["worker_id"])]

    @staticmethod
    def periods_of_care(eps):
        """A child's episodes (short breaks V3, V4 left out), in order, and
        its periods of care: each starts with the first episode, one whose
        reason_new is S, or one after an episode that ended other than by
        X1; s its start, e its end (NULL while open or continued by X1)."""
        eps = sorted((x for x in eps if x["start_date"] is not None and x["legal_status"] not in ("V3", "V4")),
                     key=lambda x: (x["start_date"], x["episode_id"]))
        pocs, prev = [], None
        for x in eps:
            if prev is None or x["reason_new"] == "S" or (prev["end_date"] is not None
                                                          and prev["reason_ceased"] != "X1"):
                pocs.append({"eps": []})
            pocs[-1]["eps"].append(x)
            x["poc"] = len(pocs) - 1
            prev = x
        for poc in pocs:
            poc["s"] = poc["eps"][0]["start_date"]
            last = poc["eps"][-1]
            poc["e"] = last["end_date"] if last["end_date"] is not None and last["reason_ceased"] != "X1" else None
        return eps, pocs

    def lists(self, at):
        ws, ys = add_months(at, -6), add_months(at, -12)
        src = self.src
        out = {}

        def yes_no(b):
            return None if b is None else ("a) Yes" if b else "b) No")

        # List 1
        out[1] = [self.five(r["child_id"], at) + [iso(r["contact_date"]), self.label("source", r["source"])]
                  for r in src.rows["contact"]
                  if r["contact_date"] is not None and ws <= r["contact_date"] <= at]
        # List 2
        out[2] = [self.five(r["child_id"], at)
                  + [iso(r["start_date"]), iso(r["end_date"]) if r["end_date"] and r["end_date"] <= at else None, None]
                  for r in src.rows["family_support"]
                  if r["start_date"] is not None and r["start_date"] <= at
                  and (r["end_date"] is None or r["end_date"] >= ws)]
        # List 3
        refs = src.by_child("referral")
        out[3] = []
        for r in src.rows["referral"]:
            if r["referral_date"] is None or not ws <= r["referral_date"] <= at:
                continue
            mine = [x["referral_date"] for x in refs.get(r["child_id"], []) if x["referral_date"] is not None]
            latest = max(x for x in mine if x <= at)
            n = sum(1 for x in mine if add_months(latest, -12) <= x < latest)
            out[3].append(self.five(r["child_id"], at)
                          + [iso(r["referral_date"]), self.label("source", r["source"]), yes_no(r["nfa"]), n]
                          + self.team_worker(r["child_id"], r["referral_date"]))
        # List 4
        out[4] = []
        for r in src.rows["assessment"]:
            if r["start_date"] is None or r["start_date"] > at:
                continue
            if r["authorised_date"] is not None and r["authorised_date"] < ws:
                continue
            auth = r["authorised_date"] if r["authorised_date"] and r["authorised_date"] <= at else None
            rc8 = auth is not None and any(
                e["start_date"] is not None and e["end_date"] is not None and e["start_date"] <= r["start_date"]
                and r["start_date"] <= e["end_date"] <= at and e["reason_closed"] == "RC8"
                for e in src.rows["cin_episode"] if e["child_id"] == r["child_id"])
            out[4].append(self.five(r["child_id"], at) + [self.disability(r["child_id"]), iso(r["start_date"]), None,
                                                          iso(auth), "b) No" if rc8 else None]
                          + self.team_worker(r["child_id"], auth or at))
        # List 5
        enq = src.by_child("s47_enquiry")
        plans = src.by_child("cp_plan")
        out[5] = []
        for r in src.rows["s47_enquiry"]:
            s, i = r["strategy_date"], r["icpc_date"]
            if not ((s is not None and ws <= s <= at)
                    or (i is not None and ws <= i <= at and (s is None or s <= at))):
                continue
            icpc = i if i is not None and i <= at else None
            if icpc is None or not src.has("cp_plan"):
                plan = None
            else:
                plan = yes_no(any(p["start_date"] == icpc for p in plans.get(r["child_id"], [])))
            mine = enq.get(r["child_id"], [])
            starts = [x["strategy_date"] for x in mine if x["strategy_date"] is not None and x["strategy_date"] <= at]
            latest = max(starts) if starts else None
            if latest is None:
                n_enq = n_icpc = 0
            else:
                lo = add_months(latest, -12)
                n_enq = sum(1 for x in mine if x["strategy_date"] is not None and lo <= x["strategy_date"] < latest)
                n_icpc = sum(1 for x in mine if x["icpc_date"] is not None and lo <= x["icpc_date"] < latest)
            out[5].append(self.five(r["child_id"], at)
                          + [self.disability(r["child_id"]), iso(s), "b) No" if icpc else None, iso(icpc), plan,
                             n_enq, n_icpc]
                          + self.team_worker(r["child_id"], at))
        # List 6
        nfa_days = {(x["child_id"], x["referral_date"]) for x in src.rows["referral"] if x["nfa"]}
        visits = src.by_child("visit")
        cla = src.by_child("cla_episode")
        cin_plans = src.by_child("cin_plan")
        assessments = src.by_child("assessment")

        def open_at(rows):
            return any(x["start_date"] is not None and x["start_date"] <= at
                       and (x["end_date"] is None or x["end_date"] > at) for x in rows)

        def latest_each(rows, id_col):
            best = {}
            for x in rows:
                k = (x["start_date"], x["end_date"] is None, x["end_date"] or datetime.date.min)
                cur = best.get(x["child_id"])
                if cur is None or k > cur[0] or (k == cur[0] and x[id_col] < cur[1][id_col]):
                    best[x["child_id"]] = (k, x)
            return [x for _, x in best.values()]
        cohort = [e for e in src.rows["cin_episode"]
                  if e["start_date"] is not None and e["start_date"] <= at
                  and (e["end_date"] is None or e["end_date"] >= ws)
                  and (e["child_id"], e["start_date"]) not in nfa_days]
        out[6] = []
        for e in latest_each(cohort, "episode_id"):
            until = min(e["end_date"] or at, at)
            seen = [v["visit_date"] for v in visits.get(e["child_id"], [])
                    if v["visit_date"] is not None and v["visit_type"] not in ("IRO", "CARE_LEAVER")
                    and e["start_date"] <= v["visit_date"] <= until]
            closed = e["end_date"] if e["end_date"] and e["end_date"] <= at else None
            if closed:
                status = "e) Closed episode"
            elif open_at([x for x in cla.get(e["child_id"], []) if x["legal_status"] not in ("V3", "V4")]):
                status = "a) Looked after child"
            elif open_at(plans.get(e["child_id"], [])):
                status = "b) Child Protection plan"
            elif open_at(cin_plans.get(e["child_id"], [])):
                status = "c) Child in need plan"
            elif any(x["start_date"] is not None and x["start_date"] <= at
                     and (x["authorised_date"] is None or x["authorised_date"] > at)
                     for x in assessments.get(e["child_id"], [])):
                status = "d) Open assessment"
            else:
                status = "c) Child in need plan"
            out[6].append(self.five(e["child_id"], at)
                          + [self.disability(e["child_id"]), iso(e["start_date"]),
                             self.label("primary_need", e["primary_need"]), iso(max(seen) if seen else None),
                             iso(closed), self.label("reason_closed", e["reason_closed"]) if closed else None, status]
                          + self.team_worker(e["child_id"], closed or at))
        # List 7
        reviews = {}
        for r in src.rows["cp_review"]:
            reviews.setdefault(r["plan_id"], []).append(r["review_date"])
        cohort = [p for p in src.rows["cp_plan"]
                  if p["start_date"] is not None and p["start_date"] <= at
                  and (p["end_date"] is None or p["end_date"] >= ws)]
        out[7] = []
        for p in latest_each(cohort, "plan_id"):
            until = min(p["end_date"] or at, at)
            seen = [v["visit_date"] for v in visits.get(p["child_id"], [])
                    if v["visit_type"] == "CP" and v["visit_date"] is not None
                    and p["start_date"] <= v["visit_date"] <= until]
            rv = [x for x in reviews.get(p["plan_id"], []) if x is not None and x <= at]
            ended = p["end_date"] if p["end_date"] and p["end_date"] <= at else None
            if not src.has("cla_episode"):
                epo = None
            else:
                epo = yes_no(any(x["legal_status"] in ("L1", "L2") and x["start_date"] is not None
                                 and x["start_date"] <= at and (x["end_date"] is None or x["end_date"] >= ws)
                                 for x in cla.get(p["child_id"], [])))
            previous = sum(1 for q in plans.get(p["child_id"], [])
                           if q["start_date"] is not None and q["start_date"] < p["start_date"])
            out[7].append(self.five(p["child_id"], at)
                          + [self.disability(p["child_id"]), iso(p["start_date"]),
                             self.label("category_of_abuse", p["initial_category"]),
                             self.label("category_of_abuse", p["latest_category"]),
                             iso(max(seen) if seen else None), None, iso(max(rv) if rv else None), iso(ended), epo,
                             previous]
                          + self.team_worker(p["child_id"], ended or at))
        # List 8: periods of care and placements (short breaks left out)
        out[8] = []
        cla_reviews = src.by_child("cla_review")
        health = src.by_child("health_assessment")
        missing = src.by_child("missing_episode")
        for child_id, eps in cla.items():
            eps, pocs = self.periods_of_care(eps)
            if not eps:
                continue
            places = []
            for n, poc in enumerate(pocs):
                before = None
                for x in poc["eps"]:
                    temp = x["placement"] in ("T0", "T1", "T2", "T3", "T4")
                    if x["reason_new"] in ("S", "P", "B") and not temp and not (
                            before is not None and before["placement"] in ("T0", "T1", "T2", "T3", "T4")):
                        places.append([x["start_date"], None, n])
                    before = x
            for i, pl in enumerate(places):
                ends = [v for v in (places[i + 1][0] if i + 1 < len(places) else None, pocs[pl[2]]["e"])
                        if v is not None]
                pl[1] = min(ends) if ends else None
            cands = [n for n, poc in enumerate(pocs)
                     if poc["s"] <= at and (poc["e"] is None or poc["e"] >= ws)]
            if not cands:
                continue
            n = max(cands, key=lambda k: pocs[k]["s"])
            poc = pocs[n]
            until = min(poc["e"] or at, at)
            le = [x for x in poc["eps"] if x["start_date"] <= at][-1]
            differ = [x["start_date"] for x in poc["eps"]
                      if x["start_date"] <= le["start_date"] and x["legal_status"] != le["legal_status"]]
            b = max(differ) if differ else None
            legal_start = min(x["start_date"] for x in poc["eps"]
                              if x["start_date"] <= le["start_date"] and (b is None or x["start_date"] > b))
            uasc = any(x["uasc"] and x["start_date"] <= at and (x["end_date"] is None or x["end_date"] >= ys)
                       for x in eps)
            second = any(k != n and q["s"] < poc["s"] and q["e"] is not None and q["e"] >= ys
                         for k, q in enumerate(pocs))
            rv = [r["review_date"] for r in cla_reviews.get(child_id, [])
                  if r["review_date"] is not None and poc["s"] <= r["review_date"] <= until]
            sw = [v["visit_date"] for v in visits.get(child_id, [])
                  if v["visit_type"] == "CIC" and v["visit_date"] is not None and poc["s"] <= v["visit_date"] <= until]
            ha = [h["completed_date"] for h in health.get(child_id, [])
                  if h["kind"] in ("INITIAL", "REVIEW") and h["completed_date"] is not None and h["completed_date"] <= at]
            iro = [v["visit_date"] for v in visits.get(child_id, [])
                   if v["visit_type"] == "IRO" and v["visit_date"] is not None and poc["s"] <= v["visit_date"] <= until]
            dental = [h["completed_date"] for h in health.get(child_id, [])
                      if h["kind"] == "DENTAL" and h["completed_date"] is not None and h["completed_date"] <= at]
            first_day = ys + datetime.timedelta(days=1)
            n_places = sum(1 for s, e, _ in places
                           if s <= at and (e is None or max(e, s + datetime.timedelta(days=1)) > first_day))
            ceased = poc["e"] if poc["e"] is not None and poc["e"] <= at else None
            recent = [s for s, _, k in places if k == n and s <= at]
            if src.has("missing_episode"):
                counted = sorted((m for m in missing.get(child_id, [])
                                  if m["start_at"] is not None
                                  and max(ys, poc["s"]) <= d(m["start_at"]) <= at),
                                 key=lambda m: (m["start_at"], m["episode_id"]))
                n_missing = len(counted)
                offered = accepted = None
                if counted:
                    last = counted[-1]
                    offered = yes_no(last["rhi_offered_at"] is not None)
                    if last["rhi_offered_at"] is not None:
                        accepted = yes_no(bool(last["rhi_engaged"]))
            else:
                n_missing = offered = accepted = None
            out[8].append(self.five(child_id, at)
                          + [yes_no(uasc), self.disability(child_id), iso(poc["s"]), None, yes_no(second),
                             iso(legal_start), self.label("legal_status", le["legal_status"]),
                             iso(max(rv) if rv else None), iso(max(sw) if sw else None), None,
                             iso(max(iro) if iro else None),
                             iso(max(ha) if ha else None), iso(max(dental) if dental else None), n_places, iso(ceased),
                             self.label("reason_ceased", poc["eps"][-1]["reason_ceased"]) if ceased else None,
                             iso(max(recent) if recent else None), self.label("placement_type", le["placement"]),
                             self.label("placement_provider", le["placement_provider"]),
                             le["placement_postcode"] or None, le["placement_urn"] or None,
                             None, None, n_missing, None, offered, accepted]
                          + self.team_worker(child_id, ceased or at))
        out[9] = self.list_9(at)
        out[10] = self.list_10(at)
        out[11] = self.list_11(at)
        return out

    # Lists 9 to 11: the labels as the rules of cspi 1.4 give them.
    ELIGIBILITY = {"RELEVANT": "a) Relevant child", "FORMER_RELEVANT": "b) Former relevant child",
                   "QUALIFYING": "c) Qualifying care leaver", "ELIGIBLE": "d) Eligible child"}
    IN_TOUCH = {"YES": "a) Yes", "NO": "b) No", "DIED": "c) Died", "REFU": "d) Refu", "NREQ": "e) NREQ",
                "RHOM": "f) Rhom"}
    ACCOMMODATION = {
        "B": "B: Parents/relatives", "C": "C: Community home / residential care",
        "D": "D: Semi-independent, transitional accommodation and self-contained accommodation",
        "E": "E: Supported lodgings", "G": "G: Abroad", "H": "H: Deported",
        "K": "K: Ordinary lodgings, without formal support", "R": "R: Residence not known",
        "S": "S: No fixed abode / homeless", "T": "T: Foyers and similar supported accommodation",
        "U": "U: Independent living", "V": "V: Emergency accommodation", "W": "W: Bed and breakfast",
        "X": "X: In custody", "Y": "Y: Other accommodation", "Z": "Z: With former foster carers"}
    ACTIVITY = {
        "F1": "F1: Full time in higher education", "P1": "P1: Part time in higher education",
        "F2": "F2: Full time in education other than higher", "P2": "P2: Part time in education other than higher",
        "F3": "F3: Full time in training or employment", "P3": "P3: Part time in training or employment",
        "G4": "G4: Not in education, employment or training - illness or disability",
        "G5": "G5: Not in education, employment or training - other",
        "G6": "G6: Not in education, employment or training - pregnancy or parenting",
        "F4": "F4: Young person engaged full time in an apprenticeship",
        "P4": "P4: Young person engaged part time in an apprenticeship",
        "F5": "F5: Young person engaged full time in training or employment (not apprenticeship)",
        "P5": "P5: Young person engaged part time in training or employment (not apprenticeship)"}
    REVERSED = {"RD1": "RD1 - The child\u2019s needs changed subsequent to the decision",
                "RD2": "RD2 - The Court did not make a placement order",
                "RD3": "RD3 - Prospective adopters could not be found",
                "RD4": "RD4 - Any other reason"}
    ADOPTER_GENDER = {"M": "a) Male", "1": "a) Male", "MALE": "a) Male",
                      "F": "b) Female", "2": "b) Female", "FEMALE": "b) Female",
                      "N": "c) Neither",
                      "U": "d) Not stated/recorded", "9": "d) Not stated/recorded", "0": "d) Not stated/recorded"}
    LEFT_REASON = {"1": "1 - Adopter withdrew from process", "2": "2 - Process put on hold",
                   "3": "3 - Application refused"}

    @staticmethod
    def blank_after(day, at):
        return None if day is None or day > at else iso(day)

    def list_9(self, at):
        """Care leavers: one row per young person whose leaving care is open
        at as_at (the latest started of those open)."""
        src = self.src
        by_child = {}
        for r in src.rows["leaving_care"]:
            if r["start_date"] is None or r["start_date"] > at or (r["end_date"] is not None and r["end_date"] <= at):
                continue
            cur = by_child.get(r["child_id"])
            if cur is None or r["start_date"] > cur["start_date"]:
                by_child[r["child_id"]] = r
        episodes = src.by_child("cla_episode")
        reviews = src.by_child("pathway_plan_review")
        returns = src.by_child("care_leaver")
        visits = src.by_child("visit")
        rows = []
        for child_id, lc in by_child.items():
            if src.has("cla_episode"):
                uasc = "a) Yes" if any(e["uasc"] and e["start_date"] is not None and e["start_date"] <= at
                                       for e in episodes.get(child_id, [])) else "b) No"
            else:
                uasc = None
            rv = [r["review_date"] for r in reviews.get(child_id, [])
                  if r["review_date"] is not None and r["review_date"] <= at]
            seen = [v["visit_date"] for v in visits.get(child_id, [])
                    if v["visit_type"] == "CARE_LEAVER" and v["visit_date"] is not None and v["visit_date"] <= at]
            oc3 = [r for r in returns.get(child_id, []) if r["as_at"] is not None and r["as_at"] <= at]
            touch = accommodation = suitable = activity = None
            if oc3:
                cl = max(oc3, key=lambda r: r["as_at"])
                code = cl["in_touch_code"] or None      # '' is blank
                if code is not None:
                    touch = self.IN_TOUCH.get(code)
                    in_touch = code == "YES"
                else:
                    touch = None if cl["in_touch"] is None else ("a) Yes" if cl["in_touch"] else "b) No")
                    in_touch = cl["in_touch"] is True
                if in_touch:
                    acc = cl["accommodation"] or ""
                    letter = digit = None
                    if len(acc) in (1, 2) and "A" <= acc[0] <= "Z" and (len(acc) == 1 or acc[1] in "12"):
                        letter, digit = acc[0], acc[1:] or None
                    accommodation = self.ACCOMMODATION.get(letter)
                    if cl["accommodation_suitable"] is not None:
                        suitable = "a) Suitable" if cl["accommodation_suitable"] else "b) Unsuitable"
                    else:
                        suitable = {"1": "a) Suitable", "2": "b) Unsuitable"}.get(digit)
                    activity = self.ACTIVITY.get(cl["activity"])
            rows.append(self.five(child_id, at)
                        + [uasc, self.disability(child_id)] + self.team_worker(child_id, at)
                        + [self.team_worker(child_id, at, personal_advisor=True)[1],
                           self.ELIGIBILITY.get(lc["eligibility"]), iso(max(rv) if rv else None), touch,
                           iso(max(seen) if seen else None), accommodation, suitable, activity])
        return rows

    def list_10(self, at):
        """Adoption: one row per child whose latest decision on or before
        as_at is in the year, undone, or reversed or adopted in the year."""
        src, ys = self.src, add_months(at, -12)
        latest = {}
        for r in src.rows["adoption"]:
            if r["decision_date"] is None or r["decision_date"] > at:
                continue
            cur = latest.get(r["child_id"])
            if cur is None or r["decision_date"] > cur["decision_date"]:
                latest[r["child_id"]] = r
        episodes = src.by_child("cla_episode")
        rows = []
        for child_id, d in latest.items():
            # p: the period open on the decision's day (started by it, not
            # ended before it; of two touching that day the later started),
            # else the first started after it, by as_at
            _, pocs = self.periods_of_care(episodes.get(child_id, []))
            dd = d["decision_date"]
            open_then = [q for q in pocs if q["s"] <= at and (q["e"] is None or q["e"] >= dd)]
            on_day = [q for q in open_then if q["s"] <= dd]
            if on_day:
                p = max(on_day, key=lambda q: q["s"])
            else:
                p = min(open_then, key=lambda q: q["s"]) if open_then else None

            def first(test):
                found = [x["start_date"] for x in (p["eps"] if p else []) if x["start_date"] <= at and test(x)]
                return iso(min(found)) if found else None
            order = None
            if p is not None and p["e"] is not None and p["e"] <= at and p["eps"][-1]["reason_ceased"] in ("E11", "E12"):
                order = p["e"]
            reversed_ = d["reversed_date"] if d["reversed_date"] is not None and d["reversed_date"] <= at else None
            if not ((order is None and reversed_ is None) or (order is not None and order >= ys)
                    or (reversed_ is not None and reversed_ >= ys)):
                continue
            if d["placed_date"] is not None:
                placed = self.blank_after(d["placed_date"], at)
            else:
                placed = first(lambda x: x["placement"] in ("A3", "A4", "A5", "A6"))
            five = self.five(child_id, at)
            rows.append([child_id, d["adoptive_family_id"]] + five[1:]
                        + [self.disability(child_id), iso(p["s"]) if p else None, iso(d["decision_date"]),
                           first(lambda x: x["legal_status"] in ("E1", "D1")),
                           self.blank_after(d["matched_date"], at), placed, iso(order), iso(reversed_),
                           self.REVERSED.get(d["reversed_reason"]) if reversed_ else None,
                           first(lambda x: x["placement"] in ("U2", "U5"))])
        return rows

    def list_11(self, at):
        """Adopters: one row per adopter in the process by as_at, not
        adopted or left before the year, not on hold."""
        ys = add_months(at, -12)
        rows = []
        for a in self.src.rows["adopter"]:
            began = [x for x in (a["application_date"], a["stage1_start_date"]) if x is not None]
            if not began or min(began) > at:
                continue
            if a["adoption_order_date"] is not None and a["adoption_order_date"] < ys:
                continue
            if a["left_date"] is not None and a["left_date"] < ys:
                continue
            if a["left_reason"] == "2" and (a["left_date"] is None or a["left_date"] <= at):
                continue
            e = a["ethnicity"]
            ethnicity = "s) NOBT" if e is None or e == "" else self.label("ethnicity", e)
            gender = "d) Not stated/recorded" if a["gender"] is None else self.ADOPTER_GENDER.get(a["gender"])
            left = self.blank_after(a["left_date"], at)
            rows.append([a["adopter_id"], a["family_id"], gender, ethnicity,
                         None if a["disability"] is None else ("a) Yes" if a["disability"] else "b) No"),
                         None if a["fostering_for_adoption"] is None else ("Yes" if a["fostering_for_adoption"] else "No")]
                        + [self.blank_after(a[c], at) for c in
                           ("enquiry_date", "stage1_start_date", "stage1_end_date", "stage2_start_date",
                            "stage2_end_date", "application_date", "approval_date", "matched_date", "placed_date")]
                        + [None if a["placed_date"] is not None and a["placed_date"] > at else a["children_placed"],
                           self.blank_after(a["adoption_order_date"], at), left,
                           self.LEFT_REASON.get(a["left_reason"]) if left else None])
        return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dbname", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--as-at", action="append", required=True)
    args = ap.parse_args()
    db = args.dbname
    labels = {(r["dimension"], r["dfe_code"]): r["ofsted_label"]
              for r in psql_json("SELECT json_agg(c) FROM cspi.annex_a_code c", db)}
    oracle = Oracle(Source(db, args.schema), labels)
    differences = 0
    for at_text in args.as_at:
        at = datetime.date.fromisoformat(at_text)
        mine = oracle.lists(at)
        theirs = psql_json(
            "SELECT json_object_agg(l, (SELECT coalesce(json_agg(a.cells ORDER BY a.row_number), '[]')"
            " FROM cspi.annex_a(l, %s, %s) a)) FROM generate_series(1, 11) l"
            % (quote_literal(at_text), quote_literal(args.report)), db)
        counts = []
        for n in range(1, 12):
            a = sorted(json.dumps(r, ensure_ascii=False) for r in mine[n])
            b = sorted(json.dumps(r, ensure_ascii=False) for r in theirs[str(n)])
            counts.append("%d: %d" % (n, len(b)))
            if a != b:
                only_oracle = [r for r in a if r not in b][:3]
                only_cspi = [r for r in b if r not in a][:3]
                differences += 1
                print("annex-a oracle: as at %s, List %d differs (%d rows here, %d from cspi)"
                      % (at_text, n, len(a), len(b)))
                for r in only_oracle:
                    print("  oracle only: " + r)
                for r in only_cspi:
                    print("  cspi only:   " + r)
            # Lists 9 and 10 are in the order of the id, List 11 of the
            # family then the adopter (C collation: code points; NULLs last).
            if n in (9, 10, 11):
                rows = theirs[str(n)]
                if n == 11:
                    want = sorted(rows, key=lambda r: (r[1] is None, r[1] or "", r[0] is None, r[0] or ""))
                else:
                    want = sorted(rows, key=lambda r: (r[0] is None, r[0] or ""))
                if rows != want:
                    differences += 1
                    print("annex-a oracle: as at %s, List %d is not in order" % (at_text, n))
        print("annex-a oracle: as at %s, lists %s rows" % (at_text, ", ".join(counts)))
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
