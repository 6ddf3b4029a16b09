"""A fast write path for loading many prepared documents at once (benchmarks, imports).

It writes what ``attache.resolve.bulk`` prepared: every document event becomes its own
merged event (no cross-document merging) and ids are assigned by the caller from
``next_ids()``, so it assumes a single writer. Use inside ``store.transaction()``.
"""

from __future__ import annotations

import json
from collections import Counter

from attache.store.connection import now_iso
from attache.store.writes import (
    DOC_EVENT_FIELDS,
    EVENT_FIELDS,
    TITLE_UPSERT,
    country_pairs,
    event_contribution,
    pair_topic_contribution,
    person_link_contribution,
)


class StoreBulk:
    """Mixed into the store class; ``self`` has ``executemany``, ``scalar``, ``bump_aggregates``."""

    def next_ids(self) -> dict[str, int]:
        last = max(self.scalar("SELECT max(id) FROM events") or 0,
                   self.scalar("SELECT last FROM id_sequence WHERE name = 'events'") or 0)
        return {"events": last + 1,
                "doc_events": (self.scalar("SELECT max(id) FROM doc_events") or 0) + 1}

    def bulk_insert(self, documents: list[dict]) -> None:
        """Write prepared documents: ``{"fields": document columns, "events": [event]}`` where
        each event has ``id``, ``doc_event_id``, the normalized fields, ``countries``,
        ``topics``, ``evidence`` and ``people`` ([(person id, participant)])."""
        stamp = now_iso()
        self.executemany(
            "INSERT INTO documents (id, raw_hash, doc, origin, url, source, published, title, text, extractor,"
            " organizations, money, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d["fields"]["id"], d["fields"].get("raw_hash"), d["fields"]["doc"], d["fields"].get("origin"),
              d["fields"].get("url"), d["fields"].get("source"), d["fields"].get("published"),
              d["fields"].get("title"), d["fields"]["text"], d["fields"].get("extractor"),
              json.dumps(d["fields"].get("organizations") or []), json.dumps(d["fields"].get("money") or []), stamp)
             for d in documents])
        self.executemany("INSERT INTO document_origins (doc_id, origin, url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [(d["fields"]["id"], d["fields"].get("origin") or d["fields"]["doc"], d["fields"].get("url"))
                          for d in documents])
        events = [(d, e) for d in documents for e in d["events"]]
        self.executemany(
            f"INSERT INTO events (id, source_count, {', '.join(EVENT_FIELDS)})"
            f" VALUES (?, 1, {', '.join('?' * len(EVENT_FIELDS))})",
            [[e["id"]] + [e.get(name) for name in EVENT_FIELDS] for _, e in events])
        self.executemany(
            f"INSERT INTO doc_events (id, doc_id, idx, event_id, {', '.join(DOC_EVENT_FIELDS)}, countries,"
            f" participants, topics, evidence, evidence_text)"
            f" VALUES (?, ?, ?, ?, {', '.join('?' * len(DOC_EVENT_FIELDS))}, ?, ?, ?, ?, ?)",
            [[e["doc_event_id"], d["fields"]["id"], e["idx"], e["id"]] + [e.get(name) for name in DOC_EVENT_FIELDS]
             + [json.dumps(e["countries"]), json.dumps([p for _, p in e["people"]]), json.dumps(e["topics"]),
                json.dumps(e["evidence"]), " … ".join(s["text"] for s in e["evidence"])]
             for d, e in events])
        self.executemany("INSERT INTO event_sources (event_id, doc_event_id, doc_id) VALUES (?, ?, ?)",
                         [(e["id"], e["doc_event_id"], d["fields"]["id"]) for d, e in events])
        self.executemany("INSERT INTO event_countries (event_id, country, status, date_lo, type) VALUES (?, ?, ?, ?, ?)",
                         [(e["id"], c, e["status"], e.get("date_lo"), e.get("type"))
                          for _, e in events for c in e["countries"]])
        self.executemany("INSERT INTO event_pairs (a, b, event_id, date_lo, agreements_signed) VALUES (?, ?, ?, ?, ?)",
                         [(a, b, e["id"], e.get("date_lo"), int(bool(e.get("agreements_signed"))))
                          for _, e in events for a, b in country_pairs(e["countries"])])
        self.executemany("INSERT INTO event_topics (event_id, topic, date_lo) VALUES (?, ?, ?)",
                         [(e["id"], t, e.get("date_lo")) for _, e in events for t in e["topics"]])
        self.executemany(
            "INSERT INTO participations (event_id, person_id, doc_event_id, doc_id, name, title, country, date_lo)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(e["id"], pid, e["doc_event_id"], d["fields"]["id"], p.get("name"), p.get("title"), p.get("country"),
              e.get("date_lo")) for d, e in events for pid, p in e["people"]])
        event_counts = Counter(pid for _, e in events for pid in {pid for pid, _ in e["people"]})
        self.executemany("UPDATE people SET event_count = event_count + ? WHERE id = ?",
                         [(n, pid) for pid, n in event_counts.items()])
        titles: dict = {}
        for d, e in events:
            seen = e["date"] if e.get("date_precision") == "day" else d["fields"].get("published")
            for pid, p in e["people"]:
                if p.get("title"):
                    known = titles.get((pid, p["title"]))
                    if known is None or (seen or "") < (known[1] or ""):
                        titles[(pid, p["title"])] = (p.get("country"), seen, known[2] if known else seen,
                                                     d["fields"]["id"])
                    elif (seen or "") > (known[2] or ""):
                        titles[(pid, p["title"])] = known[:2] + (seen, known[3])
        self.executemany(TITLE_UPSERT, [(pid, title, country, first, last, doc_id)
                                        for (pid, title), (country, first, last, doc_id) in titles.items()])
        self.executemany("INSERT INTO places (name, country, lat, lon) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         {(e["location_name"], e["location_country"], e["lat"], e["lon"]) for _, e in events
                          if e.get("location_name") and e.get("location_country")})
        totals: Counter = Counter({("documents", "", "", ""): len(documents)})
        for _, e in events:
            totals.update(event_contribution(e))
        self.bump_aggregates(totals)
        pair_topics: Counter = Counter()
        pair_people: Counter = Counter()
        for _, e in events:
            pair_topics.update(pair_topic_contribution(e))
            for a, b in country_pairs(e["countries"]):
                pair_people.update((a, b, pid) for pid in {pid for pid, _ in e["people"]})
        self.bump_pair_topics(pair_topics)
        self.bump_pair_people(pair_people)
        person_links: Counter = Counter()
        for _, e in events:
            person_links.update(person_link_contribution([pid for pid, _ in e["people"]], []))
        self.bump_person_links(person_links)
