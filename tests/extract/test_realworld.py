"""Real-world tests in the trafilatura style: for each annotated fixture article, what the
extraction record must hold and what must appear nowhere in it; the evidence invariant over
fixtures and bundled examples; and a quality gate with floors in quality_floors.json.

Run the module as a script to print the current quality figures:
    .venv/bin/python tests/extract/test_realworld.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "quality_floors.json"

TYPES = {"consultation", "visit", "meeting", "talks", "summit", "forum", "commission",
         "phone_call", "signing", "other"}
TYPE_FAMILY = {
    "consultation": "consult", "talks": "consult", "meeting": "consult", "visit": "consult",
    "phone_call": "consult", "commission": "consult",
    "summit": "multilateral", "forum": "multilateral",
    "signing": "agree", "other": "other",
}
TOPICS = set("politics trade economy energy oil_gas transport logistics culture education science "
             "health security environment digital finance agriculture tourism water humanitarian "
             "investment industry".split())
DATE_FORMAT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ---- small helpers shared by the per-fixture tests and the quality gate ----

def words(text) -> list[str]:
    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]+", " ", plain.lower()).split()


def same_person(a: str, b: str) -> bool:
    """Same surname, compatible first name or initial; surname-first order counts too."""
    ta, tb = words(a), words(b)
    if not ta or not tb:
        return False
    if len(ta) > 1 and sorted(ta) == sorted(tb):
        return True
    if ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0][0] == tb[0][0]


def status_of(event: dict) -> str:
    return event.get("status") or "occurred"


def occurred(events) -> list[dict]:
    return [e for e in events or [] if status_of(e) == "occurred"]


def planned(events) -> list[dict]:
    return [e for e in events or [] if status_of(e) == "planned"]


def location_name(location) -> str | None:
    if isinstance(location, dict):
        location = location.get("name")
    return " ".join(words(location)) or None


def people(events) -> list[dict]:
    """Distinct participants over ``events`` (one entry per person)."""
    seen: list[dict] = []
    for event in events:
        for person in event.get("participants") or []:
            if not any(same_person(person.get("name", ""), other.get("name", "")) for other in seen):
                seen.append(person)
    return seen


def is_match(gold_event: dict, event: dict) -> bool:
    """An extracted event stands for a gold occurred event: type family, countries, date."""
    return (TYPE_FAMILY.get(gold_event["type"]) == TYPE_FAMILY.get(event.get("type"))
            and bool(set(gold_event["countries"]) & set(event.get("countries") or []))
            and gold_event["date"] == event.get("date"))


def is_planned_match(gold_event: dict, event: dict) -> bool:
    if gold_event["date"]:
        return gold_event["date"] == event.get("date")
    return (location_name(gold_event["location"]) == location_name(event.get("location"))
            or bool(set(gold_event["countries"]) & set(event.get("countries") or [])))


def record_of(outcome) -> dict:
    assert outcome.ok, f"{outcome.origin}: {outcome.error}"
    return outcome.record


# ---- the annotation itself ----

def test_every_fixture_article_is_annotated(fixture_files, golds):
    assert fixture_files == {g["doc"] for g in golds}


def test_annotation_uses_the_schema_vocabularies(gold):
    assert gold["published"] is None or DATE_FORMAT.match(gold["published"])
    for event in gold["events"]:
        assert event["status"] in {"occurred", "planned"}
        assert event["type"] in TYPES
        for key in ("date", "date_end"):
            assert event[key] is None or DATE_FORMAT.match(event[key]), event[key]
        codes = event["countries"] + [p["country"] for p in event["participants"]]
        assert all(pycountry.countries.get(alpha_2=code) for code in codes), codes
        assert {p["country"] for p in event["participants"]} <= set(event["countries"])
        assert set(event["topics"]) <= TOPICS
        if event["status"] == "occurred" and gold["published"] and event["date"]:
            assert event["date"] <= gold["published"]


# ---- per-fixture content: what must and must not be found ----

def test_document_is_processed(gold, outcome):
    record = record_of(outcome)
    assert record["doc"] == gold["doc"]


def test_published_date(gold, outcome):
    assert record_of(outcome)["published"] == gold["published"]


def test_expected_participants_found(gold, outcome):
    found = people(record_of(outcome)["events"])
    for person in people(gold["events"]):
        match = next((f for f in found if same_person(person["name"], f.get("name", ""))), None)
        assert match is not None, f"{person['name']} not among {[f.get('name') for f in found]}"
        assert match.get("country") == person["country"], (person["name"], match.get("country"))


def test_must_not_appear_anywhere(gold, outcome):
    record = record_of(outcome)
    extracted = json.dumps({key: record.get(key) for key in ("events", "organizations", "money")},
                           ensure_ascii=False).lower()
    for text in gold["must_not"]:
        assert text.lower() not in extracted, f"{text!r} leaked into the record"


def test_occurred_events_found(gold, outcome):
    extracted = occurred(record_of(outcome)["events"])
    for event in occurred(gold["events"]):
        assert any(is_match(event, e) for e in extracted), (
            f"no {event['type']} {event['countries']} on {event['date']} among "
            f"{[(e.get('type'), e.get('countries'), e.get('date')) for e in extracted]}")


def test_planned_events_found(gold, outcome):
    extracted = planned(record_of(outcome)["events"])
    for event in planned(gold["events"]):
        assert any(is_planned_match(event, e) for e in extracted), (
            f"planned {event.get('what')} ({event['date']}, {event['location']}) not found")


# ---- invariants: must hold from the first commit on ----

def assert_record_invariants(outcome) -> None:
    """Every evidence span is exact; vocabularies respected; occurred is not after published."""
    record, text = record_of(outcome), outcome.article.text
    for event in record["events"]:
        assert event.get("evidence"), f"event without evidence: {event}"
        for span in event["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(text), span
            assert text[span["start"]:span["end"]] == span["text"], span
        assert status_of(event) in {"occurred", "planned"}
        assert event.get("type") in TYPES
        assert set(event.get("topics") or []) <= TOPICS
        for code in event.get("countries") or []:
            assert pycountry.countries.get(alpha_2=code), code
        for key in ("date", "date_end"):
            assert event.get(key) is None or DATE_FORMAT.match(event[key]), event[key]
        published = record.get("published")
        if status_of(event) == "occurred" and published and event.get("date"):
            assert event["date"][:len(published)] <= published, (event["date"], published)


def test_record_invariants_on_fixtures(gold, outcome):
    assert_record_invariants(outcome)


def test_record_invariants_on_examples(example_outcome):
    assert_record_invariants(example_outcome)


# ---- quality gate ----

def prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3)}


def match_events(gold_events: list[dict], events: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching: same type family and overlapping countries; same date first."""
    pairs = []
    for i, g in enumerate(gold_events):
        for j, e in enumerate(events):
            shared = set(g["countries"]) & set(e.get("countries") or [])
            if shared and TYPE_FAMILY.get(g["type"]) == TYPE_FAMILY.get(e.get("type")):
                score = 2 * (g["date"] == e.get("date")) + len(shared) / len(set(g["countries"]) | set(e["countries"]))
                pairs.append((score, i, j))
    used_gold, used_pred, matched = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matched.append((gold_events[i], events[j]))
    return matched


def quality(golds: list[dict], records: dict) -> dict:
    """Precision/recall/F1 of occurred events, participants and event dates over all fixtures."""
    counts = {key: [0, 0, 0] for key in ("events", "participants", "dates")}
    for gold in golds:
        record = records.get(gold["doc"]) or {}
        gold_events, events = occurred(gold["events"]), occurred(record.get("events"))
        matched = match_events(gold_events, events)
        counts["events"][0] += len(matched)
        counts["events"][1] += len(events) - len(matched)
        counts["events"][2] += len(gold_events) - len(matched)

        gold_people, found = people(gold_events), people(events)
        hits = sum(any(same_person(p["name"], f.get("name", "")) for f in found) for p in gold_people)
        counts["participants"][0] += hits
        counts["participants"][1] += sum(
            not any(same_person(p["name"], f.get("name", "")) for p in gold_people) for f in found)
        counts["participants"][2] += len(gold_people) - hits

        right_dates = sum(1 for g, e in matched if g["date"] and g["date"] == e.get("date"))
        counts["dates"][0] += right_dates
        counts["dates"][1] += sum(1 for e in events if e.get("date")) - right_dates
        counts["dates"][2] += sum(1 for g in gold_events if g["date"]) - right_dates
    return {key: prf(*value) for key, value in counts.items()}


def test_quality_gate(golds, fixture_records):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores = quality(golds, fixture_records)
    below = [f"{field} {metric} {scores[field][metric]} < {floor}"
             for field, metrics in floors.items() for metric, floor in metrics.items()
             if scores[field][metric] < floor]
    assert not below, f"quality below the floors: {below}; all scores: {scores}"


def test_scorer_counts_a_perfect_record_as_perfect(golds):
    scores = quality(golds, {g["doc"]: g for g in golds})
    assert all(metrics == {"p": 1.0, "r": 1.0, "f1": 1.0} for metrics in scores.values()), scores


def test_scorer_counts_an_empty_record_as_zero_recall(golds):
    scores = quality(golds, {})
    assert all(metrics["r"] == 0.0 for metrics in scores.values()), scores


def main() -> None:
    """Print the current quality figures (the numbers the floors are raised to)."""
    sys.path[:0] = [str(HERE), str(HERE.parents[1])]
    from conftest import fixture_outcome, load_expected

    golds = load_expected()
    records = {}
    for gold in golds:
        result = fixture_outcome(gold["doc"])
        records[gold["doc"]] = result.record if result.ok else {}
    json.dump(quality(golds, records), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
