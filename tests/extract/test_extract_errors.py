"""scripts/extract_errors.py: per-document errors of a prediction against a gold file.

The documents, people and places below are invented for these tests.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "extract_errors.py"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ee = load_module(SCRIPT, "extract_errors_under_test")


def gold_event(**kw):
    e = {"type": "meeting", "date": "2031-03-04", "date_end": None, "location": "Valparaiso",
         "countries": ["CL", "UY"],
         "participants": [{"name": "Tomas Aravena", "title": "Minister of Foreign Affairs", "country": "CL"},
                          {"name": "Lucia Ferreyra", "title": "Foreign Minister", "country": "UY"}],
         "topics": ["trade", "energy"], "agreements_signed": False}
    e.update(kw)
    return e


def pred_event(**kw):
    e = {"status": "occurred", "type": "meeting", "date": "2031-03-04",
         "location": {"name": "Valparaiso", "country": "CL"}, "countries": ["CL", "UY"],
         "participants": [{"name": "Tomas Aravena", "title": "Minister of Foreign Affairs", "country": "CL"},
                          {"name": "Lucia Ferreyra", "title": "Foreign Minister", "country": "UY"}],
         "topics": ["trade", "energy"], "agreements_signed": False,
         "evidence": [{"start": 0, "end": 60, "text": "Tomas Aravena met Lucia Ferreyra in Valparaiso on Tuesday."}]}
    e.update(kw)
    return e


def gold_doc(doc, events, planned=(), organizations=(), money=()):
    return {"doc": doc, "published": "2031-03-05", "events": list(events), "planned": list(planned),
            "organizations": list(organizations), "money": list(money)}


def pred_doc(doc, events, organizations=(), money=()):
    return {"doc": doc, "published": "2031-03-05", "events": list(events),
            "organizations": list(organizations), "money": list(money)}


def write(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def report(tmp_path, gold_records, pred_records, **kw):
    gold = ee.load(write(tmp_path / "gold.jsonl", gold_records))
    pred = ee.load(write(tmp_path / "pred.jsonl", pred_records))
    return ee.compare(gold, pred, **kw)


def run_cli(*args):
    done = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


# ---- events ----

def test_missing_and_extra_events(tmp_path):
    talks = gold_event(type="talks", date="2031-02-10", location="Montevideo",
                       participants=[{"name": "Ingrid Halvorsen", "title": "State Secretary", "country": "IS"}],
                       countries=["IS", "UY"])
    extra = pred_event(type="forum", date="2031-01-20", location={"name": "Reykjavik", "country": "IS"},
                       countries=["IS"], participants=[{"name": "Bjarki Sturluson", "title": "Minister",
                                                        "country": "IS"}],
                       evidence=[{"start": 5, "end": 70, "text": "Bjarki Sturluson opened the Arctic Fisheries Forum."}],
                       why={"type": "cue 'opened the'", "location": "'Reykjavik' near the cue"})
    [r] = report(tmp_path, [gold_doc("d1.txt", [gold_event(), talks])], [pred_doc("d1.txt", [pred_event(), extra])])
    assert (r["gold_events"], r["pred_events"], r["matched"]) == (2, 2, 1)
    [missing] = r["missing_events"]
    assert missing["type"] == "talks" and missing["date"] == "2031-02-10" and missing["location"] == "Montevideo"
    assert missing["countries"] == ["IS", "UY"] and missing["participants"] == ["Ingrid Halvorsen"]
    [added] = r["extra_events"]
    assert added["type"] == "forum" and added["location"] == "Reykjavik (IS)"
    assert added["evidence"] == "Bjarki Sturluson opened the Arctic Fisheries Forum."
    assert "cue 'opened the'" in added["why"]
    assert r["field_errors"] == []
    assert r["counts"] == {"missing events": 1, "extra events": 1, "missing people": 1, "extra people": 1}

    text = ee.format_doc(r)
    assert "- MISSING  gold#2 talks 2031-02-10 @Montevideo [IS UY] Ingrid Halvorsen" in text
    assert "+ EXTRA    pred#2 forum 2031-01-20 @Reykjavik (IS) [IS] Bjarki Sturluson" in text
    assert "evidence: Bjarki Sturluson opened the Arctic Fisheries Forum." in text


def test_wrong_date_location_type_and_sets_of_a_matched_pair(tmp_path):
    gold = gold_event(agreements_signed=True)
    pred = pred_event(type="talks", date="2031-03", location={"name": "Santiago", "country": "CL"},
                      countries=["CL", "UY", "AR"], topics=["trade", "culture"])
    [r] = report(tmp_path, [gold_doc("d2.txt", [gold])], [pred_doc("d2.txt", [pred])])
    assert r["matched"] == 1 and not r["missing_events"] and not r["extra_events"]
    [fe] = r["field_errors"]
    d = fe["diffs"]
    assert d["date"] == {"gold": "2031-03-04", "pred": "2031-03"}
    assert d["location"] == {"gold": "Valparaiso", "pred": "Santiago (CL)"}
    assert d["type"] == {"gold": "meeting", "pred": "talks", "same_family": True}
    assert d["countries"] == {"missing": [], "extra": ["AR"]}
    assert d["topics"] == {"missing": ["energy"], "extra": ["culture"]}
    assert d["agreements_signed"] == {"gold": True, "pred": False}
    assert "participants" not in d
    text = ee.format_doc(r)
    assert "date: gold 2031-03-04, pred 2031-03" in text
    assert "topics: missing energy; extra culture" in text


def test_a_contradicting_date_leaves_the_events_unpaired(tmp_path):
    [r] = report(tmp_path, [gold_doc("d3.txt", [gold_event()])], [pred_doc("d3.txt", [pred_event(date="2031-05-01")])])
    assert r["matched"] == 0
    assert len(r["missing_events"]) == 1 and len(r["extra_events"]) == 1


def test_participants_by_initial_and_surname_first(tmp_path):
    gold = gold_event(participants=[
        {"name": "John Smith", "title": "Minister of Trade", "country": "CL"},
        {"name": "Lucia Ferreyra", "title": "Foreign Minister", "country": "UY"},
        {"name": "Marta Okonkwo", "title": "Ambassador", "country": "UY"}])
    pred = pred_event(participants=[
        {"name": "J. Smith", "title": "Minister of Trade", "country": "UY"},
        {"name": "FERREYRA Lucia", "title": "Minister of Culture", "country": "UY"},
        {"name": "Pablo Lindqvist", "title": "Consul", "country": "CL"}])
    [r] = report(tmp_path, [gold_doc("d4.txt", [gold])], [pred_doc("d4.txt", [pred])])
    [fe] = r["field_errors"]
    people = fe["diffs"]["participants"]
    assert people["missing"] == ["Marta Okonkwo"]
    assert people["extra"] == ["Pablo Lindqvist"]
    assert people["wrong_country"] == [{"name": "John Smith", "gold": "CL", "pred": "UY"}]
    assert people["wrong_title"] == [{"name": "Lucia Ferreyra", "gold": "Foreign Minister", "pred": "Minister of Culture"}]
    assert r["people"] == {"missing": ["Marta Okonkwo"], "extra": ["Pablo Lindqvist"]}
    text = ee.format_doc(r)
    assert "participants: missing Marta Okonkwo; extra Pablo Lindqvist" in text
    assert "country of John Smith: gold CL, pred UY" in text


def test_a_shorter_title_inside_the_gold_one_is_not_an_error(tmp_path):
    gold = gold_event(participants=[{"name": "Lucia Ferreyra", "title": "Uruguayan Foreign Minister", "country": "UY"}])
    pred = pred_event(participants=[{"name": "Lucia Ferreyra", "title": "Foreign Minister", "country": "UY"}])
    [r] = report(tmp_path, [gold_doc("d5.txt", [gold])], [pred_doc("d5.txt", [pred])])
    assert r["counts"] == {}


# ---- planned, organizations, money ----

def test_planned_items(tmp_path):
    planned = [{"what": "fourth round of the Andean water dialogue", "date": "2031-09", "location": "Montevideo"},
               {"what": "joint commission session", "date": None, "location": "Valparaiso"}]
    pred_planned = pred_event(status="planned", type="talks", what="next round", date="2031-09-15",
                              location=None)
    pred_stray = pred_event(status="planned", type="summit", what="leaders' summit", date="2032",
                            location={"name": "Lima", "country": "PE"})
    [r] = report(tmp_path, [gold_doc("d6.txt", [gold_event()], planned=planned)],
                 [pred_doc("d6.txt", [pred_event(), pred_planned, pred_stray])])
    assert (r["gold_planned"], r["pred_planned"]) == (2, 2)
    assert [p["what"] for p in r["missing_planned"]] == ["joint commission session"]
    assert [p["what"] for p in r["extra_planned"]] == ["leaders' summit"]
    assert r["counts"] == {"missing planned": 1, "extra planned": 1}
    text = ee.format_doc(r)
    assert '- PLANNED  "joint commission session" no-date @Valparaiso' in text
    assert '+ PLANNED  summit "leaders\' summit" 2032 @Lima (PE)' in text


def test_money_and_organizations_are_normalised(tmp_path):
    gold = gold_doc("d7.txt", [gold_event()], organizations=["Andean Water Council", "OECD"],
                    money=["$3.4 billion", "€12 million"])
    pred = pred_doc("d7.txt", [pred_event()], organizations=["AWC", "Mercosur"], money=["$3.4bn", "€15 mln"])
    [r] = report(tmp_path, [gold], [pred])
    assert r["money"] == {"missing": ["€12 million"], "extra": ["€15 mln"]}
    assert r["organizations"] == {"missing": ["OECD"], "extra": ["Mercosur"]}
    text = ee.format_doc(r)
    assert "money: missing €12 million; extra €15 mln" in text
    assert "$3.4" not in text


def test_a_prediction_identical_to_the_gold_has_no_errors(tmp_path):
    planned = [{"what": "fourth round of the Andean water dialogue", "date": "2031-09", "location": "Montevideo"}]
    gold = gold_doc("d8.txt", [gold_event()], planned=planned, organizations=["OECD"], money=["$3.4 billion"])
    pred = pred_doc("d8.txt", [pred_event(), pred_event(status="planned", what=planned[0]["what"], date="2031-09",
                                                        location={"name": "Montevideo", "country": "UY"})],
                    organizations=["OECD"], money=["$3.4 billion"])
    for prediction in (pred, gold):  # the extractor's form, and the gold file itself
        [r] = report(tmp_path, [gold], [prediction])
        assert r["counts"] == {}, r
        assert not (r["missing_events"] or r["extra_events"] or r["field_errors"] or r["missing_planned"]
                    or r["extra_planned"])
        assert r["matched"] == 1
        assert ee.format_doc(r).endswith("| no errors")


def test_a_document_without_prediction_counts_as_empty(tmp_path):
    [r] = report(tmp_path, [gold_doc("d9.txt", [gold_event()])], [pred_doc("other.txt", [])])
    assert r["predicted"] is False and len(r["missing_events"]) == 1
    assert "NO PREDICTION" in ee.format_doc(r)


# ---- the command line ----

def two_docs(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [gold_doc("alpha.txt", [gold_event()]),
                                          gold_doc("beta.txt", [gold_event(), gold_event(type="visit", date="2031-03-01")])])
    pred = write(tmp_path / "pred.jsonl", [pred_doc("alpha.txt", [pred_event(date="2031-03")]),
                                          pred_doc("beta.txt", [pred_event()])])
    return gold, pred


def test_cli_text_totals_doc_and_only(tmp_path):
    gold, pred = two_docs(tmp_path)
    out = run_cli(gold, pred)
    assert "== alpha.txt  gold 1, pred 1, matched 1" in out
    assert "== beta.txt  gold 2, pred 1, matched 1" in out
    totals = out[out.index("== TOTALS"):]
    assert "2 documents" in totals and "gold events 3, pred events 2, matched 2" in totals
    assert totals.splitlines()[1:] == ["  1  missing events", "  1  wrong date"]

    out = run_cli(gold, pred, "--doc", "bet")
    assert "alpha.txt" not in out and "beta.txt" in out

    out = run_cli(gold, pred, "--only", "fields")
    assert "MISSING" not in out and "date: gold 2031-03-04, pred 2031-03" in out
    assert out[out.index("== TOTALS"):].splitlines()[1:] == ["  1  wrong date"]


def test_cli_json(tmp_path):
    gold, pred = two_docs(tmp_path)
    rows = [json.loads(line) for line in run_cli(gold, pred, "--json").splitlines()]
    assert [r.get("doc") for r in rows] == ["alpha.txt", "beta.txt", None]
    assert rows[0]["field_errors"][0]["diffs"]["date"] == {"gold": "2031-03-04", "pred": "2031-03"}
    assert rows[1]["missing_events"][0]["type"] == "visit"
    assert rows[2] == {"totals": {"missing events": 1, "wrong date": 1}, "documents": 2}


def test_cli_run_extracts_the_articles_itself(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(
        "Chile and Uruguay discuss water cooperation\n\nMarch 5, 2031\n\n"
        "Chilean Foreign Minister Tomas Aravena met Uruguayan Foreign Minister Lucia Ferreyra "
        "in Valparaiso on March 4, 2031. The ministers discussed trade and energy.\n", encoding="utf-8")
    gold, _ = two_docs(tmp_path)
    out = run_cli(gold, "--run", corpus)
    assert "== alpha.txt  gold 1, pred " in out
    assert "beta.txt" not in out  # only the documents that were run are compared
    assert "== TOTALS over 1 documents" in out


# ---- same pairing as the project's scorer ----

@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is not beside the repository")
def test_pairing_agrees_with_the_scorer(tmp_path):
    score = load_module(SCORER, "shared_score_for_extract_errors")
    gold_records = [gold_doc("alpha.txt", [gold_event(), gold_event(type="visit", date="2031-03-01"),
                                           gold_event(countries=["CL", "AR"], date=None)],
                             planned=[{"what": "x", "date": "2031-09", "location": None}],
                             money=["$3.4 billion"], organizations=["OECD"]),
                    gold_doc("beta.txt", [gold_event(date="2031")])]
    pred_records = [pred_doc("alpha.txt", [pred_event(date="2031-03"), pred_event(type="visit"),
                                           pred_event(countries=["AR"]), pred_event(status="planned", date="2031")],
                             money=["$3.4bn", "$2 million"], organizations=["OECD", "Mercosur"]),
                    pred_doc("beta.txt", [pred_event(), pred_event(date="2031-06-01")])]
    gold_path, pred_path = write(tmp_path / "g.jsonl", gold_records), write(tmp_path / "p.jsonl", pred_records)
    expected = score.score(score.load(gold_path), score.load(pred_path))
    reports = ee.compare(ee.load(gold_path), ee.load(pred_path))
    t = ee.totals(reports)
    assert sum(r["matched"] for r in reports) == expected["events"]["tp"]
    assert t.get("extra events", 0) == expected["events"]["fp"]
    assert t.get("missing events", 0) == expected["events"]["fn"]
    assert t.get("missing planned", 0) == expected["planned"]["fn"]
    assert t.get("extra planned", 0) == expected["planned"]["fp"]
    assert t.get("extra money", 0) == expected["money"]["fp"] and t.get("missing money", 0) == expected["money"]["fn"]
    assert t.get("extra organizations", 0) == expected["organizations"]["fp"]
