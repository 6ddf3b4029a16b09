#!/usr/bin/env python3
"""Per-document extraction errors against a gold file, for working from the errors.

    .venv/bin/python scripts/extract_errors.py GOLD.jsonl PRED.jsonl [options]
    .venv/bin/python scripts/extract_errors.py GOLD.jsonl --run DIR_OR_FILE... [options]

GOLD.jsonl is in the form of ../shared/dev/gold.jsonl (occurred events under ``events``,
announced ones under ``planned``); PRED.jsonl is what ``attache extract`` prints (all events
under ``events`` with ``status``). With ``--run`` the articles (files, or directories whose
.txt/.html/.htm files are taken) go through ``attache.pipeline.process`` here, and only the
gold documents that were run are compared.

Events are paired per document exactly as ../shared/tools/score.py pairs them (greedy
best-first on the same match score; the rules are reimplemented below, this script imports
nothing from ../shared). For each document it prints:

  - MISSING   gold occurred events with no predicted partner
  + EXTRA     predicted occurred events with no gold partner (with evidence and `why`)
  ~ gold#i ~ pred#j   the fields of a matched pair that differ (type, date, location,
              countries, participants, agreements_signed, topics)
  - PLANNED / + PLANNED   gold planned items not found / predicted planned events unmatched
  people / organizations / money   document-level missing and extra items

then totals of every error kind across the documents, biggest first. A document missing from
PRED counts as an empty prediction, as in score.py.

Options: --doc SUBSTRING keeps documents whose name contains it; --only missing|extra|fields
(repeatable) keeps what gold has and the prediction lacks / what the prediction adds / the
field differences of matched pairs; --json prints one JSON object per document and, last, one
object {"totals": {...}, "documents": N}.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
EVIDENCE_CHARS = 200
WHY_CHARS = 160

# ---------------------------------------------------------------------------------------------
# Rules mirrored from ../shared/tools/score.py (keep in step with it).
# ---------------------------------------------------------------------------------------------

TYPE_FAMILY = {
    "consultation": "consult", "talks": "consult", "meeting": "consult",
    "visit": "consult", "phone_call": "consult", "commission": "consult",
    "summit": "multilateral", "forum": "multilateral",
    "signing": "agree", "other": "other",
}


def load(path):
    """{doc base name: record}, as score.load reads a JSONL file."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
            out[str(rec.get("doc", "")).rsplit("/", 1)[-1]] = rec
    return out


def norm(s):
    s = unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]+", " ", s.lower()).split()


def loc_name(loc):
    if isinstance(loc, dict):
        loc = loc.get("name")
    return " ".join(norm(loc)) or None


def same_person(a, b):
    """Same surname and compatible first name or initial ('J. Smith' == 'John Smith');
    surname-first order counts too ('SMITH John' == 'John Smith'). Mirrors score.py."""
    ta, tb = norm(a), norm(b)
    if not ta or not tb:
        return False
    if len(ta) > 1 and sorted(ta) == sorted(tb):
        return True
    if ta[-1] != tb[-1]:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0][0] == tb[0][0]


def date_ok(gold, pred):
    """None when gold has no date (not scored); else whether pred agrees at gold's precision."""
    if not gold:
        return None
    if not pred:
        return False
    return str(pred)[: len(gold)] == gold and len(str(pred)) >= len(gold)


def occurred(events):
    return [e for e in events or [] if e.get("status", "occurred") == "occurred"]


def match_score(g, p):
    """score.py's pairing score: 0 when countries Jaccard < 0.5 or the dates contradict."""
    gc, pc = set(g.get("countries") or []), set(p.get("countries") or [])
    if not gc or not pc:
        return 0.0
    jac = len(gc & pc) / len(gc | pc)
    if jac < 0.5:
        return 0.0
    d = date_ok(g.get("date"), p.get("date"))
    if d is False and p.get("date") and not str(g.get("date") or "").startswith(str(p["date"])):
        return 0.0
    score = jac + (0.5 if d else 0.0)
    gp = [x["name"] for x in g.get("participants") or []]
    pp = [x.get("name", "") for x in p.get("participants") or []]
    if gp:
        score += 0.5 * sum(any(same_person(a, b) for b in pp) for a in gp) / len(gp)
    if g.get("type") == p.get("type"):
        score += 0.25
    return score


def match_events(gev, pev):
    """Greedy best-first pairing as in score.score: [(gold index, pred index)], best first."""
    pairs = sorted(((match_score(a, b), i, j) for i, a in enumerate(gev) for j, b in enumerate(pev)),
                   reverse=True)
    mg, mp, matched = set(), set(), []
    for s, i, j in pairs:
        if s > 0 and i not in mg and j not in mp:
            mg.add(i)
            mp.add(j)
            matched.append((i, j))
    return matched


def set_match(gold, pred, eq):
    """score.set_counts, returning the unmatched gold and pred indices instead of counts."""
    used, missing = set(), []
    for gi, g in enumerate(gold):
        for i, p in enumerate(pred):
            if i not in used and eq(g, p):
                used.add(i)
                break
        else:
            missing.append(gi)
    return missing, [i for i in range(len(pred)) if i not in used]


def planned_eq(a, b):
    return date_ok(a.get("date"), b.get("date")) or (
        not a.get("date") and loc_name(a.get("location")) == loc_name(b.get("location")))


def money_key(s):
    s = str(s).lower().replace(",", "").replace("-", " ")
    m = re.search(r"(\d+(?:\.\d+)?)\s*(thousand|million|mln|mn|billion|bln|bn|trillion|tn)?", s)
    if not m:
        return s
    mult = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
            "trillion": 1e12, "tn": 1e12}
    return round(float(m.group(1)) * mult.get(m.group(2) or "", 1))


_ORG_SMALL = {"of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "le"}


def org_key(s):
    """Acronym and full name meet: 'Organization of Turkic States' -> 'ots' as 'OTS' does."""
    words = norm(s)
    if len(words) > 1 and not re.search(r"\d", s):
        caps = [w for w in str(s).replace("-", " ").split() if w[:1].isupper() and w.lower() not in _ORG_SMALL]
        if len(caps) >= 2 and len(caps) == len([w for w in words if w not in _ORG_SMALL]):
            return "".join(w if w.isupper() else w[0] for w in caps).lower()
    return " ".join(words)


def doc_people(evs):
    """Distinct participants over the events (score.py's people())."""
    seen = []
    for e in evs:
        for x in e.get("participants") or []:
            if not any(same_person(x.get("name", ""), y.get("name", "")) for y in seen):
                seen.append(x)
    return seen


# ---------------------------------------------------------------------------------------------
# Error report
# ---------------------------------------------------------------------------------------------

# error kind -> the --only section it belongs to
KIND_SECTION = {
    "missing events": "missing", "extra events": "extra",
    "missing planned": "missing", "extra planned": "extra",
    "missing people": "missing", "extra people": "extra",
    "missing organizations": "missing", "extra organizations": "extra",
    "missing money": "missing", "extra money": "extra",
    "wrong type": "fields", "wrong date": "fields", "wrong location": "fields",
    "missing countries": "fields", "extra countries": "fields",
    "missing participants": "fields", "extra participants": "fields",
    "wrong participant title": "fields", "wrong participant country": "fields",
    "wrong agreements_signed": "fields", "missing topics": "fields", "extra topics": "fields",
}


def loc_text(loc):
    if isinstance(loc, dict):
        name, country = loc.get("name"), loc.get("country")
        return f"{name} ({country})" if name and country else name
    return loc or None


def trim(s, n):
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def why_text(why):
    if not why:
        return None
    if isinstance(why, dict):
        return "; ".join(f"{k}: {trim(v, WHY_CHARS)}" for k, v in why.items() if v)
    return trim(why, 3 * WHY_CHARS)


def event_view(e, with_evidence=False):
    out = {"type": e.get("type"), "date": e.get("date"), "location": loc_text(e.get("location")),
           "countries": list(e.get("countries") or []),
           "participants": [x.get("name") for x in e.get("participants") or []]}
    if e.get("what"):
        out["what"] = e["what"]
    if with_evidence:
        ev = e.get("evidence") or []
        out["evidence"] = trim(ev[0].get("text"), EVIDENCE_CHARS) if ev and isinstance(ev[0], dict) else None
        out["why"] = why_text(e.get("why"))
    return out


def planned_view(e, with_evidence=False):
    out = {"what": e.get("what"), "type": e.get("type"), "date": e.get("date"),
           "location": loc_text(e.get("location"))}
    if with_evidence:
        ev = e.get("evidence") or []
        out["evidence"] = trim(ev[0].get("text"), EVIDENCE_CHARS) if ev and isinstance(ev[0], dict) else None
    return {k: v for k, v in out.items() if v is not None or k in ("date", "location")}


def title_differs(gold, pred):
    """Titles are not scored by score.py; one counts as wrong only when neither title's words
    contain the other's ('Foreign Minister' is fine for 'Russian Foreign Minister')."""
    a, b = set(norm(gold)), set(norm(pred))
    return not (a <= b or b <= a) or not b


def pair_diffs(g, p):
    """Field differences of one matched pair, scored the way score.py scores them where it does."""
    d = {}
    if date_ok(g.get("date"), p.get("date")) is False:
        d["date"] = {"gold": g.get("date"), "pred": p.get("date")}
    if g.get("location") and loc_name(g["location"]) != loc_name(p.get("location")):
        d["location"] = {"gold": loc_text(g["location"]), "pred": loc_text(p.get("location"))}
    if g.get("type") != p.get("type"):
        d["type"] = {"gold": g.get("type"), "pred": p.get("type"),
                     "same_family": TYPE_FAMILY.get(g.get("type")) == TYPE_FAMILY.get(p.get("type"))}
    gc, pc = list(g.get("countries") or []), list(p.get("countries") or [])
    if set(gc) != set(pc):
        d["countries"] = {"missing": [c for c in gc if c not in pc], "extra": [c for c in pc if c not in gc]}
    gp, pp = list(g.get("participants") or []), list(p.get("participants") or [])
    people = {"missing": [x["name"] for x in gp if not any(same_person(x["name"], y.get("name", "")) for y in pp)],
              "extra": [y.get("name") for y in pp if not any(same_person(x["name"], y.get("name", "")) for x in gp)],
              "wrong_title": [], "wrong_country": []}
    for x in gp:
        y = next((y for y in pp if same_person(x["name"], y.get("name", ""))), None)
        if y is None:
            continue
        if x.get("title") and title_differs(x["title"], y.get("title")):
            people["wrong_title"].append({"name": x["name"], "gold": x["title"], "pred": y.get("title")})
        if x.get("country") and x["country"] != y.get("country"):
            people["wrong_country"].append({"name": x["name"], "gold": x["country"], "pred": y.get("country")})
    if any(people.values()):
        d["participants"] = people
    if bool(g.get("agreements_signed")) != bool(p.get("agreements_signed")):
        d["agreements_signed"] = {"gold": bool(g.get("agreements_signed")), "pred": bool(p.get("agreements_signed"))}
    gt, pt = list(g.get("topics") or []), list(p.get("topics") or [])
    if set(gt) != set(pt):
        d["topics"] = {"missing": [t for t in gt if t not in pt], "extra": [t for t in pt if t not in gt]}
    return d


def diff_counts(d):
    c = {}
    for field in ("date", "location", "type", "agreements_signed"):
        if field in d:
            c[f"wrong {field}"] = 1
    for field in ("countries", "topics"):
        if field in d:
            c[f"missing {field}"] = len(d[field]["missing"])
            c[f"extra {field}"] = len(d[field]["extra"])
    if "participants" in d:
        pd = d["participants"]
        c["missing participants"] = len(pd["missing"])
        c["extra participants"] = len(pd["extra"])
        c["wrong participant title"] = len(pd["wrong_title"])
        c["wrong participant country"] = len(pd["wrong_country"])
    return {k: v for k, v in c.items() if v}


def keyed_diff(gold_items, pred_items, key):
    """Missing/extra items of a document-level set compared by key, shown as first written."""
    gk, pk = {}, {}
    for x in gold_items or []:
        gk.setdefault(key(x), x)
    for x in pred_items or []:
        pk.setdefault(key(x), x)
    return ([v for k, v in gk.items() if k not in pk], [v for k, v in pk.items() if k not in gk])


def compare_doc(doc, g, p):
    """Everything wrong with one document's prediction, as a JSON-ready dict."""
    gev, pev = occurred(g.get("events")), occurred(p.get("events"))
    matched = match_events(gev, pev)
    mg, mp = {i for i, _ in matched}, {j for _, j in matched}
    r = {"doc": doc, "predicted": bool(p), "gold_events": len(gev), "pred_events": len(pev),
         "matched": len(matched)}
    r["missing_events"] = [dict(event_view(e), gold_index=i + 1) for i, e in enumerate(gev) if i not in mg]
    r["extra_events"] = [dict(event_view(e, True), pred_index=j + 1) for j, e in enumerate(pev) if j not in mp]
    r["field_errors"] = []
    for i, j in sorted(matched):
        d = pair_diffs(gev[i], pev[j])
        if d:
            r["field_errors"].append({"gold_index": i + 1, "pred_index": j + 1, "gold": event_view(gev[i]),
                                      "diffs": d})
    gpl = list(g.get("planned") or [])
    ppl = [e for e in p.get("events") or [] if e.get("status") == "planned"] + list(p.get("planned") or [])
    miss, extra = set_match(gpl, ppl, planned_eq)
    r["gold_planned"], r["pred_planned"] = len(gpl), len(ppl)
    r["missing_planned"] = [planned_view(gpl[i]) for i in miss]
    r["extra_planned"] = [planned_view(ppl[j], True) for j in extra]
    gpp, ppp = doc_people(gev), doc_people(pev)
    r["people"] = {"missing": [x["name"] for x in gpp if not any(same_person(x["name"], y.get("name", "")) for y in ppp)],
                   "extra": [y.get("name") for y in ppp if not any(same_person(x["name"], y.get("name", "")) for x in gpp)]}
    m, e = keyed_diff(g.get("organizations"), p.get("organizations"), org_key)
    r["organizations"] = {"missing": m, "extra": e}
    m, e = keyed_diff(g.get("money"), p.get("money"), money_key)
    r["money"] = {"missing": m, "extra": e}
    counts = {"missing events": len(r["missing_events"]), "extra events": len(r["extra_events"]),
              "missing planned": len(r["missing_planned"]), "extra planned": len(r["extra_planned"])}
    for key in ("people", "organizations", "money"):
        counts[f"missing {key}"] = len(r[key]["missing"])
        counts[f"extra {key}"] = len(r[key]["extra"])
    for fe in r["field_errors"]:
        for k, v in diff_counts(fe["diffs"]).items():
            counts[k] = counts.get(k, 0) + v
    r["counts"] = {k: v for k, v in counts.items() if v}
    return r


def restrict(r, only):
    """Keep only the sections named in --only ('missing', 'extra', 'fields')."""
    if not only:
        return r
    r = dict(r)
    if "missing" not in only:
        r["missing_events"], r["missing_planned"] = [], []
    if "extra" not in only:
        r["extra_events"], r["extra_planned"] = [], []
    if "fields" not in only:
        r["field_errors"] = []
    for key in ("people", "organizations", "money"):
        r[key] = {side: (v if side in only else []) for side, v in r[key].items()}
    r["counts"] = {k: v for k, v in r["counts"].items() if KIND_SECTION.get(k) in only}
    return r


def compare(gold, pred, doc_filter=None, only=None):
    reports = []
    for doc, g in gold.items():
        if doc_filter and doc_filter.lower() not in doc.lower():
            continue
        reports.append(restrict(compare_doc(doc, g, pred.get(doc, {})), only))
    return reports


def totals(reports):
    t = {}
    for r in reports:
        for k, v in r["counts"].items():
            t[k] = t.get(k, 0) + v
    return dict(sorted(t.items(), key=lambda kv: (-kv[1], kv[0])))


# ---------------------------------------------------------------------------------------------
# Text output
# ---------------------------------------------------------------------------------------------

def names(xs):
    return ", ".join(str(x) for x in xs) if xs else "-"


def event_line(v):
    parts = [v.get("type") or "?", v.get("date") or "no-date", "@" + (v.get("location") or "-"),
             "[" + " ".join(v.get("countries") or []) + "]"]
    if v.get("what"):
        parts.append(f"\"{trim(v['what'], 80)}\"")
    parts.append(names(v.get("participants")))
    return " ".join(parts)


def planned_line(v):
    parts = []
    if v.get("type"):
        parts.append(v["type"])
    parts.append(f"\"{trim(v.get('what') or '', 80)}\"" if v.get("what") else "(no what)")
    parts += [v.get("date") or "no-date", "@" + (v.get("location") or "-")]
    return " ".join(parts)


def diff_lines(d):
    out = []
    if "type" in d:
        fam = " (same family)" if d["type"]["same_family"] else " (other family)"
        out.append(f"type: gold {d['type']['gold']}, pred {d['type']['pred']}{fam}")
    if "date" in d:
        out.append(f"date: gold {d['date']['gold']}, pred {d['date']['pred'] or 'none'}")
    if "location" in d:
        out.append(f"location: gold {d['location']['gold']}, pred {d['location']['pred'] or 'none'}")
    for field in ("countries", "topics"):
        if field in d:
            bits = [f"{side} {' '.join(d[field][side])}" for side in ("missing", "extra") if d[field][side]]
            out.append(f"{field}: " + "; ".join(bits))
    if "participants" in d:
        pd = d["participants"]
        bits = [f"{side} {names(pd[side])}" for side in ("missing", "extra") if pd[side]]
        if bits:
            out.append("participants: " + "; ".join(bits))
        out += [f"title of {x['name']}: gold '{x['gold']}', pred '{x['pred'] or ''}'" for x in pd["wrong_title"]]
        out += [f"country of {x['name']}: gold {x['gold']}, pred {x['pred'] or 'none'}" for x in pd["wrong_country"]]
    if "agreements_signed" in d:
        out.append(f"agreements_signed: gold {str(d['agreements_signed']['gold']).lower()}, "
                   f"pred {str(d['agreements_signed']['pred']).lower()}")
    return out


def format_doc(r):
    head = (f"== {r['doc']}  gold {r['gold_events']}, pred {r['pred_events']}, matched {r['matched']}"
            f"  | planned gold {r['gold_planned']}, pred {r['pred_planned']}")
    if not r["predicted"]:
        head += "  | NO PREDICTION"
    if not r["counts"]:
        head += "  | no errors"
    lines = [head]
    for v in r["missing_events"]:
        lines.append(f"  - MISSING  gold#{v['gold_index']} {event_line(v)}")
    for v in r["extra_events"]:
        lines.append(f"  + EXTRA    pred#{v['pred_index']} {event_line(v)}")
        if v.get("evidence"):
            lines.append(f"      evidence: {v['evidence']}")
        if v.get("why"):
            lines.append(f"      why: {v['why']}")
    for fe in r["field_errors"]:
        lines.append(f"  ~ gold#{fe['gold_index']} ~ pred#{fe['pred_index']}  {event_line(fe['gold'])}")
        lines += [f"      {x}" for x in diff_lines(fe["diffs"])]
    for v in r["missing_planned"]:
        lines.append(f"  - PLANNED  {planned_line(v)}")
    for v in r["extra_planned"]:
        lines.append(f"  + PLANNED  {planned_line(v)}")
        if v.get("evidence"):
            lines.append(f"      evidence: {v['evidence']}")
    for key in ("people", "organizations", "money"):
        bits = [f"{side} {names(r[key][side])}" for side in ("missing", "extra") if r[key][side]]
        if bits:
            lines.append(f"  {key}: " + "; ".join(bits))
    return "\n".join(lines)


def format_totals(reports):
    t = totals(reports)
    g = sum(r["gold_events"] for r in reports)
    p = sum(r["pred_events"] for r in reports)
    m = sum(r["matched"] for r in reports)
    clean = sum(1 for r in reports if not r["counts"])
    lines = [f"== TOTALS over {len(reports)} documents ({clean} without errors): "
             f"gold events {g}, pred events {p}, matched {m}"]
    if not t:
        lines.append("  no errors")
    width = max((len(str(v)) for v in t.values()), default=1)
    lines += [f"  {v:>{width}}  {k}" for k, v in t.items()]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# --run: extract here
# ---------------------------------------------------------------------------------------------

def article_files(inputs):
    files = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            sys.exit(f"extract_errors: no such file or directory: {name}")
    return files


def run_pipeline(inputs):
    """{doc: record} for the articles, through attache.pipeline.process as the tests read them."""
    from attache.ingest.raw import RawDocument
    from attache.pipeline import process

    pred = {}
    for path in article_files(inputs):
        kind = "html" if path.suffix.lower() in {".html", ".htm"} else "text"
        outcome = process(RawDocument(doc=path.name, origin=str(path), kind=kind, content=path.read_bytes()))
        if not outcome.ok:
            sys.stderr.write(f"extract_errors: {path}: {outcome.error.reason}\n")
        pred[path.name] = outcome.record if outcome.ok else {"doc": path.name}
    return pred


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="gold JSONL")
    ap.add_argument("pred", nargs="?", help="prediction JSONL (as `attache extract` prints)")
    ap.add_argument("--run", nargs="+", metavar="DIR_OR_FILE",
                    help="extract these articles here instead of reading PRED")
    ap.add_argument("--doc", metavar="SUBSTRING", help="only documents whose name contains this")
    ap.add_argument("--only", action="append", choices=("missing", "extra", "fields"),
                    help="only this kind of error (repeatable)")
    ap.add_argument("--json", action="store_true", help="one JSON object per document, then the totals")
    a = ap.parse_args(argv)
    if bool(a.pred) == bool(a.run):
        ap.error("give exactly one of PRED.jsonl or --run DIR_OR_FILE...")
    gold = load(a.gold)
    if a.run:
        pred = run_pipeline(a.run)
        unknown = sorted(set(pred) - set(gold))
        if unknown:
            sys.stderr.write(f"extract_errors: not in gold, ignored: {', '.join(unknown)}\n")
        gold = {doc: g for doc, g in gold.items() if doc in pred}
    else:
        pred = load(a.pred)
    reports = compare(gold, pred, a.doc, set(a.only or ()))
    if a.json:
        for r in reports:
            print(json.dumps(r, ensure_ascii=False))
        print(json.dumps({"totals": totals(reports), "documents": len(reports)}, ensure_ascii=False))
        return 0
    for r in reports:
        print(format_doc(r))
    print(format_totals(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
