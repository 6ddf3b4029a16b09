"""Per-pair summaries (topics by year, people, agreements) kept up to date while writing match
a straightforward computation over the base tables, on the ingest path (with merging), the
bulk path, and after migration 6 backfills an older store."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest

from attache import query
from attache.resolve import add_document
from attache.resolve.bulk import bulk_add
from attache.store import open_store
from attache.store.writes import country_pairs
from store.builders import article, event, person, record

STATES = ("TM", "JP", "KZ", "UZ")
DAYS = ("2023-03-02", "2023-03-02", "2024-05-16", "2024-05", "2025-01-20", None)
TOPICS = ("energy", "trade", "transport", "culture", "politics")
PEOPLE = {"TM": ("Serdar Annayev", "Merdan Karayev"), "JP": ("Kenji Morita", "Aiko Tanabe"),
          "KZ": ("Nurlan Bekov",), "UZ": ("Bakhtiyor Saidov", "Dilshod Rakhimov")}


def generated_documents(seed: int, count: int) -> list[tuple[dict, dict]]:
    """Short reports of talks between two or three of a few states on a few days, so that
    many of them merge (and merged events gain states, topics, agreements and people)."""
    rng = random.Random(seed)
    pairs = []
    for number in range(count):
        states = rng.sample(STATES, rng.choice((2, 2, 3)))
        day = rng.choice(DAYS)
        sentence = (f"Report {number}: delegations of {' and '.join(states)} held talks"
                    f"{' on ' + day if day else ''}.")
        text = f"Agency wire {number}\n{sentence}\n"
        participants = [person(rng.choice(PEOPLE[code]), "Minister of Foreign Affairs", code)
                        for code in states if rng.random() < 0.7]
        art = article(f"gen_{seed}_{number}.txt", text, published="2025-02-01", source="agency")
        pairs.append((art, record(art, event(text, sentence, type="talks", date=day, countries=states[:2],
                                             participants=participants,
                                             topics=rng.sample(TOPICS, rng.randint(0, 3)),
                                             agreements_signed=rng.random() < 0.3))))
    return pairs


def straightforward(store, a: str, b: str) -> dict:
    """The pair's summaries computed from events, their states, topics and participations."""
    both = ("SELECT c1.event_id FROM event_countries c1 JOIN event_countries c2"
            " ON c2.event_id = c1.event_id AND c2.country = ? WHERE c1.country = ?")
    topics: dict = defaultdict(dict)
    for row in store.rows(f"SELECT substr(e.date_lo, 1, 4) AS year, t.topic, count(*) AS n FROM events e"
                          f" JOIN event_topics t ON t.event_id = e.id WHERE e.id IN ({both})"
                          f" AND e.date_lo IS NOT NULL GROUP BY year, t.topic", (b, a)):
        topics[row["year"]][row["topic"]] = row["n"]
    people = store.rows(f"SELECT pe.id AS person_id, pe.name, pe.country, count(DISTINCT p.event_id) AS events"
                        f" FROM participations p JOIN people pe ON pe.id = p.person_id WHERE p.event_id IN ({both})"
                        f" GROUP BY pe.id ORDER BY events DESC, pe.name, pe.id", (b, a))
    agreements = [r["id"] for r in store.rows(f"SELECT id FROM events WHERE agreements_signed = 1 AND id IN ({both})"
                                              f" ORDER BY date_lo DESC, id DESC", (b, a))]
    return {"topics": dict(topics), "people": people, "agreements": agreements}


def assert_summaries_match(store) -> int:
    """Compare every pair; return how many pairs had events."""
    compared = 0
    for a, b in country_pairs(STATES):
        expected = straightforward(store, a, b)
        by_year = store.pair_topics_by_year(b, a)
        assert by_year == expected["topics"], (a, b)
        assert list(by_year) == sorted(by_year) and all(list(t) == sorted(t) for t in by_year.values())
        assert store.pair_people(a, b, limit=3) == expected["people"][:3], (a, b)
        assert store.pair_people(a, b) == expected["people"][:50], (a, b)
        assert store.pair_agreements(a, b, limit=4) == (expected["agreements"][:4], len(expected["agreements"]))
        compared += bool(expected["people"] or expected["topics"] or expected["agreements"])
    return compared


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ingest_path_keeps_pair_summaries_exact_through_merges(tmp_path, seed):
    with open_store(tmp_path / "ingest.db") as store:
        for art, rec in generated_documents(seed, 60):
            add_document(store, art, rec)
        assert store.scalar("SELECT count(*) FROM events") < 60  # merges happened
        assert store.scalar("SELECT count(*) FROM event_pairs WHERE agreements_signed = 1") > 0
        assert assert_summaries_match(store) == len(country_pairs(STATES))


def test_bulk_path_keeps_pair_summaries_exact(tmp_path):
    with open_store(tmp_path / "bulk.db") as store:
        with store.transaction():
            bulk_add(store, generated_documents(4, 60), {})
        assert assert_summaries_match(store) == len(country_pairs(STATES))


def store_before_migration(path, number: int, undo: tuple[str, ...]) -> None:
    """A store of generated documents at ``path``, then taken back to the schema it had
    before migration ``number`` by the ``undo`` statements (so that opening it again
    runs the migration over the data already there)."""
    with open_store(path) as store:
        for art, rec in generated_documents(5, 40):
            add_document(store, art, rec)
        store.execute("BEGIN")  # not store.transaction(): its commit would write cards to undone tables
        for statement in (*undo, f"DELETE FROM migrations WHERE number = {int(number)}"):
            store.execute(statement)
        store.execute("COMMIT")


def test_migration_backfills_pair_summaries_of_an_older_store(tmp_path):
    path = tmp_path / "old.db"
    store_before_migration(path, 6, ("DELETE FROM migrations WHERE number = 10", "DROP TABLE pair_years",
                                     "DROP TABLE pair_people",
                                     "DROP INDEX event_pairs_agreements",
                                     "ALTER TABLE event_pairs DROP COLUMN agreements_signed"))
    with open_store(path) as store:
        assert store.scalar("SELECT 1 FROM migrations WHERE number = 6") == 1
        assert assert_summaries_match(store) == len(country_pairs(STATES))


def test_relationship_reads_the_summaries(tmp_path):
    with open_store(tmp_path / "rel.db") as store:
        for art, rec in generated_documents(6, 40):
            add_document(store, art, rec)
        expected = straightforward(store, "JP", "TM")
        found = query.relationship(store, "TM", "JP", limit=2, agreements=2)
        assert {y["year"]: y["topics"] for y in found["topics_by_year"]} == expected["topics"]
        sides = [p["person_id"] for side in ("a", "b", "other") for p in found["people"][side]]
        assert sorted(sides) == sorted(p["person_id"] for p in expected["people"])
        assert all(p["country"] == "TM" for p in found["people"]["a"])
        assert [e["event_id"] for e in found["agreements"]] == expected["agreements"][:2]
        assert found["agreements_total"] == len(expected["agreements"])
        assert found["timeline"]["total"] == store.scalar(
            "SELECT count(*) FROM event_pairs WHERE a = 'JP' AND b = 'TM'")


def test_topic_counts_that_fall_to_zero_leave_the_relationship(tmp_path):
    """A merge that moves an event to another year takes its topics off the old year."""
    with open_store(tmp_path / "counts.db") as store:
        with store.transaction():
            store.bump_pair_topics(Counter({("JP", "TM", "2023", "energy"): 2, ("JP", "TM", "2023", "trade"): 1,
                                            ("JP", "TM", "2024", "energy"): 1}))
            store.bump_pair_topics(Counter({("JP", "TM", "2023", "trade"): -1, ("JP", "TM", "2024", "energy"): -1,
                                            ("JP", "TM", "2024", "culture"): 1, ("JP", "TM", "2022", "energy"): 0}))
        assert store.pair_topics_by_year("TM", "JP") == {"2023": {"energy": 2}, "2024": {"culture": 1}}
        assert list(store.pair_topics_by_year("JP", "TM")["2023"]) == ["energy"]
