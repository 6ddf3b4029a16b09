"""Held-out evaluation: how the extractor generalises to outlets, countries and styles it was not
tuned on (wire services, Gulf agencies, Chinese MFA readouts, EU and Latin American ministries,
regional-bloc summits, credentials, commissions, multi-day visits, announcements, boilerplate).

The articles in tests/fixtures/heldout/ are annotated in expected.jsonl in the form of the dev
gold (occurred events under ``events``, announced ones under ``planned``). Every article goes
through ``attache.pipeline.process``; the predictions are written as JSONL and scored with the
project's scorer, ``../shared/tools/score.py`` beside the repository (the test fails when
that file is absent). The figures must stay at or above the floors in heldout_floors.json.

Run the module as a script to print the full score table (add --verbose for per-document
missing/extra people, --pred PATH to keep the predictions):
    .venv/bin/python tests/extract/test_heldout.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from functools import cache
from pathlib import Path

import pycountry
import pytest

from attache.ingest.raw import RawDocument
from attache.pipeline import process

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
EXPECTED = HELDOUT / "expected.jsonl"
FLOORS = HERE / "heldout_floors.json"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"

TYPES = {"consultation", "visit", "meeting", "talks", "summit", "forum", "commission",
         "phone_call", "signing", "other"}
TOPICS = set("politics trade economy energy oil_gas transport logistics culture education science "
             "health security environment digital finance agriculture tourism water humanitarian "
             "investment industry".split())
DATE_FORMAT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}


def load_expected() -> list[dict]:
    with EXPECTED.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def article_paths() -> list[Path]:
    return sorted(p for p in HELDOUT.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


def raw_from_file(path: Path) -> RawDocument:
    kind = "html" if path.suffix.lower() in {".html", ".htm"} else "text"
    return RawDocument(doc=path.name, origin=str(path), kind=kind, content=path.read_bytes())


@cache
def predictions() -> tuple[tuple[str, dict], ...]:
    """(doc, record) for every held-out article, computed once per session; {} when it failed."""
    records = []
    for path in article_paths():
        outcome = process(raw_from_file(path))
        records.append((path.name, outcome.record if outcome.ok else {"doc": path.name}))
    return tuple(records)


def write_predictions(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _, record in predictions():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def load_scorer():
    """The project's scorer module, or None when ../shared/tools/score.py is not beside the repo."""
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("attache_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_predictions(scorer, prediction_file: Path, verbose: bool = False) -> dict:
    return scorer.score(scorer.load(EXPECTED), scorer.load(prediction_file), verbose)


def headline(result: dict) -> dict:
    """The four figures the floors hold, by the names used in heldout_floors.json."""
    return {"overall": result["overall"], "events_f1": result["events"]["f1"],
            "participants_f1": result["participants"]["f1"], "date": result["date"]}


# ---- the annotation itself ----

def test_every_heldout_article_is_annotated():
    assert {p.name for p in article_paths()} == {g["doc"] for g in load_expected()}


@pytest.mark.parametrize("annotation", load_expected(), ids=lambda g: g["doc"])
def test_heldout_annotation_uses_the_schema_vocabularies(annotation):
    assert annotation["published"] is None or DATE_FORMAT.match(annotation["published"])
    for event in annotation["events"]:
        assert event["type"] in TYPES
        for key in ("date", "date_end"):
            assert event[key] is None or DATE_FORMAT.match(event[key]), event[key]
        if annotation["published"] and event["date"]:
            assert event["date"] <= annotation["published"], "an occurred event after publication"
        codes = event["countries"] + [p["country"] for p in event["participants"]]
        assert all(pycountry.countries.get(alpha_2=code) for code in codes), codes
        assert {p["country"] for p in event["participants"]} <= set(event["countries"])
        assert set(event["topics"]) <= TOPICS
        assert event["location"] is None or isinstance(event["location"], str)
    for item in annotation["planned"]:
        assert set(item) == {"what", "date", "location"}
        assert item["date"] is None or DATE_FORMAT.match(item["date"]), item["date"]


# ---- the gate ----

@pytest.fixture(scope="module")
def scorer():
    module = load_scorer()
    if module is None:
        pytest.fail(f"the project scorer {SCORER} is not beside the repository (CI checks out ../shared)")
    return module


@pytest.mark.slow
def test_scorer_counts_the_annotation_itself_as_perfect(scorer):
    gold = scorer.load(EXPECTED)
    result = scorer.score(gold, gold)
    assert result["overall"] == 1.0, result


@pytest.mark.slow
def test_heldout_scores_stay_above_the_floors(scorer, tmp_path):
    prediction_file = tmp_path / "heldout_predictions.jsonl"
    write_predictions(prediction_file)
    figures = headline(score_predictions(scorer, prediction_file))
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = [f"{name} {figures[name]} < {floor}" for name, floor in floors.items()
             if figures[name] is None or figures[name] < floor]
    assert not below, f"held-out quality below the floors: {below}; figures: {figures}"


# ---- the score table ----

def format_table(result: dict) -> str:
    rows = []
    for key, value in result.items():
        if key == "details":
            rows.extend("   " + json.dumps(item, ensure_ascii=False) for item in value)
        elif isinstance(value, dict):
            rows.append(f"{key:20s} P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f}"
                        f"  (tp={value['tp']} fp={value['fp']} fn={value['fn']})")
        else:
            rows.append(f"{key:20s} {value}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description="Score the extractor on the held-out articles.")
    parser.add_argument("--pred", type=Path, help="keep the predictions in this JSONL file")
    parser.add_argument("--verbose", action="store_true", help="per-document missing/extra people")
    options = parser.parse_args()
    scorer = load_scorer()
    if scorer is None:
        sys.stderr.write(f"no scorer at {SCORER}\n")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        prediction_file = options.pred or Path(scratch) / "heldout_predictions.jsonl"
        write_predictions(prediction_file)
        result = score_predictions(scorer, prediction_file, options.verbose)
    sys.stdout.write(format_table(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
