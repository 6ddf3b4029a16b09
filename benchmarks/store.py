"""Store benchmark: bulk-load generated records, then time the query layer.

    .venv/bin/python benchmarks/store.py --events 1000000 --db /tmp/bench.db

Records are generated (not extracted): short articles in the genre assembled from
templates, with one evidence sentence per event, the first ``--resolved``
events go through ``add_document`` as in `attache ingest` (resolution, merging, links),
the rest through the store's bulk path (``attache.resolve.bulk``: no cross-document
merging), so a million events load in minutes. Prints the ingest rate,
database size, and p50/p95 latency of timeline, person, country, events-filter and search.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from attache import query
from attache.resolve import add_document
from attache.resolve.bulk import bulk_add
from attache.store import open_store

COUNTRIES = ["TM", "KZ", "UZ", "KG", "TJ", "JP", "RU", "CN", "TR", "IR", "AZ", "AF", "IN", "PK", "US", "DE", "FR",
             "GB", "IT", "KR", "AE", "SA", "QA", "HU", "PL", "UA", "BY", "GE", "AM", "MN", "VN", "EG", "CH", "AT"]
WEIGHTS = [30, 20, 18, 10, 10, 8, 12, 12, 9, 7, 8, 4, 5, 4, 6, 5, 4, 4, 3, 4, 5, 3, 3, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2]
CITY = {"TM": "Ashgabat", "KZ": "Astana", "UZ": "Tashkent", "KG": "Bishkek", "TJ": "Dushanbe", "JP": "Tokyo",
        "RU": "Moscow", "CN": "Beijing", "TR": "Ankara", "IR": "Tehran", "AZ": "Baku"}
TYPES = ["consultation", "talks", "meeting", "visit", "phone_call", "summit", "forum", "commission", "signing"]
TOPICS = ["politics", "trade", "economy", "energy", "oil_gas", "transport", "logistics", "culture", "education",
          "science", "health", "security", "environment", "digital", "finance", "agriculture", "tourism", "water"]
TITLES = ["Minister of Foreign Affairs", "Deputy Minister of Foreign Affairs", "Ambassador", "Minister of Energy",
          "Deputy Prime Minister", "Chairman of the Parliament", "Minister of Economy", "Special Representative"]
SYLLABLES = ["ra", "mer", "dov", "ka", "sa", "bek", "tur", "an", "ya", "li", "mo", "ri", "ta", "na", "ko", "zu",
             "ha", "shi", "ser", "gei", "ol", "ga", "ru", "din", "nur", "ay", "el", "vi", "to", "mi"]
RARE_WORDS = ["hydrogen", "desalination", "satellite", "vaccine", "lithium", "biodiversity", "hackathon"]
SENTENCE = ("On {day}, {type_word} between {a_name} and {b_name} took place in {city}: {pa} met {pb} "
            "to discuss {topics}.")
MONEY_SHARE = 0.2  # articles that report a money figure
MONEY_SENTENCE = "Trade between the two countries reached {amount} last year."
FILLER = ("The sides reviewed the state and prospects of bilateral cooperation and exchanged views on regional "
          "and international issues of mutual interest.")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_people(rng: random.Random, per_country: int) -> dict[str, list[tuple[str, str, str]]]:
    people = {}
    for code in COUNTRIES:
        people[code] = [(_word(rng, 2), _word(rng, 3) + rng.choice(["ov", "ev", "a", "i", "yan", ""]), rng.choice(TITLES))
                        for _ in range(per_country)]
    return people


def name_form(rng: random.Random, first: str, last: str) -> str:
    roll = rng.random()
    return f"{first} {last}" if roll < 0.8 else f"{first[0]}. {last}" if roll < 0.9 else last


def make_document(rng: random.Random, number: int, events: int, people) -> tuple[dict, dict]:
    start = date(2000, 1, 1)
    published = start + timedelta(days=rng.randrange(9300))
    lines = [f"{published.isoformat()}", f"Report {number}: diplomatic news of the day"]
    record_events = []
    for _ in range(events):
        a, b = rng.sample(COUNTRIES, 2) if rng.random() < 0.5 else (
            rng.choices(COUNTRIES, WEIGHTS)[0], rng.choices(COUNTRIES, WEIGHTS)[0])
        if a == b:
            b = "TM" if a != "TM" else "KZ"
        planned = rng.random() < 0.12
        day = published + timedelta(days=rng.randrange(10, 120)) if planned else published - timedelta(days=rng.randrange(0, 3))
        precision = rng.random()
        when = day.isoformat() if precision < 0.85 else day.isoformat()[:7] if precision < 0.95 else day.isoformat()[:4]
        first_a, last_a, title_a = rng.choice(people[a])
        first_b, last_b, title_b = rng.choice(people[b])
        topics = rng.sample(TOPICS, rng.randint(1, 4))
        type_ = rng.choice(TYPES)
        city = CITY.get(rng.choice([a, b]), "the capital")
        words = " and ".join(topics) + (f" and {rng.choice(RARE_WORDS)}" if rng.random() < 0.05 else "")
        sentence = SENTENCE.format(day=when, type_word=type_.replace("_", " "), a_name=a, b_name=b, city=city,
                                   pa=name_form(rng, first_a, last_a), pb=name_form(rng, first_b, last_b), topics=words)
        offset = sum(len(line) + 1 for line in lines)
        lines += [sentence, FILLER]
        record_events.append({
            "status": "planned" if planned else "occurred", "type": type_, "plover": "CONSULT", "date": when,
            "location": {"name": city, "country": a} if city != "the capital" else None, "countries": [a, b],
            "participants": [{"name": f"{first_a} {last_a}", "title": title_a, "country": a},
                             {"name": f"{first_b} {last_b}", "title": title_b, "country": b}],
            "topics": topics, "agreements_signed": rng.random() < 0.1,
            "evidence": [{"start": offset, "end": offset + len(sentence), "text": sentence}]})
    money = []
    if rng.random() < MONEY_SHARE:
        money = [f"US ${rng.randrange(50, 3000)} million"]
        lines.append(MONEY_SENTENCE.format(amount=money[0]))
    text = "\n".join(lines) + "\n"
    article = {"doc": f"gen{number:07d}.txt", "origin": f"generated/{number}", "text": text,
               "published": published.isoformat(), "source": rng.choice(["mfa.gov.tm", "tna.tm", "kazinform.kz",
                                                                         "uza.uz", "akorda.kz"]),
               "url": None, "title": lines[1]}
    record = {"doc": article["doc"], "published": article["published"], "events": record_events,
              "organizations": [], "money": money, "extractor": "benchmark/1"}
    return article, record


def load(db: Path, target_events: int, seed: int, batch: int, resolved: int) -> list[str]:
    """Load ``resolved`` events through ``add_document`` (the ingest path: people and events
    resolved, merged, linked) and the rest through the bulk path; return report lines."""
    rng = random.Random(seed)
    people = make_people(rng, per_country=400)
    store = open_store(db)
    report = []
    made, number = 0, 0
    started = time.perf_counter()
    while made < min(resolved, target_events):
        with store.transaction():
            for _ in range(batch // 10):
                count = min(rng.choice([1, 2, 2, 3, 3, 4]), target_events - made)
                add_document(store, *make_document(rng, number, count, people))
                made += count
                number += 1
    elapsed = time.perf_counter() - started
    if made:
        report.append(f"ingest path (resolve + merge, per-document SQL): {made:,} events from {number:,} documents "
                      f"in {elapsed:,.1f} s = {made / elapsed:,.0f} events/s, {number / elapsed:,.0f} documents/s")
    bulk_started, bulk_made, bulk_docs, names_seen = time.perf_counter(), 0, 0, {}
    while made < target_events:
        pairs = []
        for _ in range(batch):
            if made >= target_events:
                break
            count = min(rng.choice([1, 2, 2, 3, 3, 4]), target_events - made)
            pairs.append(make_document(rng, number, count, people))
            made += count
            number += 1
        with store.transaction():
            docs, events = bulk_add(store, pairs, names_seen)
        bulk_made += events
        bulk_docs += docs
        if bulk_docs % (batch * 25) == 0:
            rate = bulk_made / (time.perf_counter() - bulk_started)
            print(f"  bulk: {made:,} events, {rate:,.0f} events/s", file=sys.stderr)
    elapsed = time.perf_counter() - bulk_started
    if bulk_made:
        report.append(f"bulk path (no cross-document merging): {bulk_made:,} events from {bulk_docs:,} documents "
                      f"in {elapsed:,.1f} s = {bulk_made / elapsed:,.0f} events/s")
    optimize_started = time.perf_counter()
    store.optimize()
    report.append(f"ANALYZE: {time.perf_counter() - optimize_started:,.1f} s")
    store.close()
    return report


def measure(db: Path, runs: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed + 1)
    store = open_store(db, read_only=True)
    surnames = [row["name"] for row in store.rows("SELECT name FROM people ORDER BY random() LIMIT 500")]
    cases = {
        "timeline": lambda: query.timeline(store, *rng.sample(COUNTRIES[:12], 2), limit=50),
        "person": lambda: query.person(store, rng.choice(surnames)),
        "country": lambda: query.country(store, rng.choice(COUNTRIES)),
        "events-filter": lambda: query.events(store, country=rng.choice(COUNTRIES), type=rng.choice(TYPES),
                                              topic=rng.choice(TOPICS) if rng.random() < 0.5 else None,
                                              date_from=str(rng.randrange(2000, 2024)), limit=50),
        "search": lambda: query.search(store, rng.choice(RARE_WORDS + [rng.choice(surnames).split()[-1],
                                                                         "energy hydrogen"]), limit=20),
        # a word in a quarter of all documents: bm25 ranks every match, so this is the slow end
        "search-common": lambda: query.search(store, "Ashgabat", limit=20),
    }
    timings = {}
    for name, case in cases.items():
        case()
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            case()
            samples.append((time.perf_counter() - started) * 1000)
        timings[name] = samples
    store.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("bench-store.db"))
    parser.add_argument("--runs", type=int, default=200, help="timed calls per query")
    parser.add_argument("--batch", type=int, default=2000, help="documents per bulk transaction")
    parser.add_argument("--resolved", type=int, default=20_000,
                        help="events loaded through the full ingest path before switching to the bulk path")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="skip loading if --db exists")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        for line in load(args.db, args.events, args.seed, args.batch, args.resolved):
            print(line)
    with open_store(args.db, read_only=True) as store:
        stats = query.stats(store)
    size = sum(os.path.getsize(f"{args.db}{s}") for s in ("", "-wal") if os.path.exists(f"{args.db}{s}"))
    print(f"store: {stats['documents']:,} documents, {stats['events']:,} merged events, {stats['people']:,} people, "
          f"{size / 2**20:,.0f} MiB")
    for name, samples in measure(args.db, args.runs, args.seed).items():
        q = statistics.quantiles(samples, n=20)
        print(f"{name:14s} p50 {statistics.median(samples):7.1f} ms   p95 {q[18]:7.1f} ms   ({len(samples)} calls)")


if __name__ == "__main__":
    main()
