"""Write operations the resolver needs, as methods of the store.

Callers wrap a document's writes in ``store.transaction()``. Every method takes and returns
plain dicts and lists; JSON columns are encoded here.
"""

from __future__ import annotations

import json
from collections import Counter

from attache.store.connection import now_iso
from attache.store.migrations import EVENT_FACET_KEYS

EVENT_FIELDS = ("status", "type", "plover", "what", "date", "date_end", "date_precision",
                "date_lo", "date_hi", "location_name", "location_country", "lat", "lon",
                "agreements_signed", "first_published", "month_day", "stable_key")

DOC_EVENT_FIELDS = ("status", "type", "plover", "what", "date", "date_end", "date_precision",
                    "location_name", "location_country", "lat", "lon", "location_inferred",
                    "agreements_signed", "month_day")

# Add a title to a person's history, or widen its first/last-seen dates (first doc kept).
TITLE_UPSERT = (
    "INSERT INTO person_titles (person_id, title, country, first_seen, last_seen, doc_id)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, title) DO UPDATE SET"
    " first_seen = CASE WHEN person_titles.first_seen IS NULL OR excluded.first_seen < person_titles.first_seen"
    "   THEN excluded.first_seen ELSE person_titles.first_seen END,"
    " last_seen = CASE WHEN person_titles.last_seen IS NULL OR excluded.last_seen > person_titles.last_seen"
    "   THEN excluded.last_seen ELSE person_titles.last_seen END,"
    " doc_id = CASE WHEN person_titles.first_seen IS NULL OR excluded.first_seen < person_titles.first_seen"
    "   THEN excluded.doc_id ELSE person_titles.doc_id END")


def country_pairs(codes) -> list[tuple[str, str]]:
    """Every unordered pair of distinct codes, each as (smaller, larger)."""
    ordered = sorted(set(codes))
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


def event_contribution(state: dict) -> Counter:
    """What one merged event adds to the aggregate counters (for stats/country pages)."""
    counts: Counter = Counter()
    counts[("events", "", "", "")] += 1
    counts[("status", state["status"], "", "")] += 1
    countries = sorted(set(state.get("countries") or ()))
    for country in countries:
        counts[("country", country, "", "")] += 1
        for partner in countries:
            if partner != country:
                counts[("pair", country, partner, "")] += 1
        for topic in set(state.get("topics") or ()):
            counts[("country_topic", country, topic, "")] += 1
        if state.get("location_name"):
            counts[("country_location", country, state["location_name"],
                    state.get("location_country") or "")] += 1
    return counts


# one row a pair and year holding {topic: events}: a relationship's topics over time are a
# few dozen short rows to read, where a row per topic made hundreds
PAIR_YEAR_UPSERT = (
    "INSERT INTO pair_years (a, b, year, topics) VALUES (?, ?, ?, json_object(?, ?))"
    " ON CONFLICT (a, b, year) DO UPDATE SET"
    " topics = json_set(pair_years.topics, ?, coalesce(json_extract(pair_years.topics, ?), 0) + ?)")


def pair_topic_contribution(state: dict) -> Counter:
    """What one merged event adds to the pairs' topic counts (``pair_years``):
    {(a, b, year, topic): 1} for every pair of its states and each of its topics, when it is dated."""
    counts: Counter = Counter()
    if state.get("date_lo"):
        year = state["date_lo"][:4]
        for a, b in country_pairs(state.get("countries") or ()):
            for topic in set(state.get("topics") or ()):
                counts[(a, b, year, topic)] += 1
    return counts


def person_link_contribution(joining, present) -> Counter:
    """What people ``joining`` an event where ``present`` already are add to ``person_links``:
    one shared event for each two of them, counted in both directions."""
    counts: Counter = Counter()
    joining = list(dict.fromkeys(joining))
    for number, person_id in enumerate(joining):
        for other in [*present, *joining[:number]]:
            if other != person_id:
                counts[(person_id, other)] += 1
                counts[(other, person_id)] += 1
    return counts


class StoreWrites:
    """Mixed into the store class; ``self`` has ``execute``, ``rows``, ``row``, ``scalar``."""

    # documents

    def insert_document(self, fields: dict) -> None:
        self.execute(
            "INSERT INTO documents (id, raw_hash, doc, origin, url, source, published, title, text,"
            " extractor, organizations, money, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fields["id"], fields.get("raw_hash"), fields["doc"], fields.get("origin"),
             fields.get("url"), fields.get("source"), fields.get("published"), fields.get("title"),
             fields["text"], fields.get("extractor"), json.dumps(fields.get("organizations") or []),
             json.dumps(fields.get("money") or []), fields.get("ingested_at") or now_iso()))
        self.add_document_origin(fields["id"], fields.get("origin") or fields["doc"], fields.get("url"))
        self.bump_aggregates(Counter({("documents", "", "", ""): 1}))

    def add_document_origin(self, doc_id: str, origin: str, url: str | None) -> None:
        self.execute("INSERT INTO document_origins (doc_id, origin, url) VALUES (?, ?, ?)"
                     " ON CONFLICT DO NOTHING", (doc_id, origin, url))

    def update_document_extraction(self, doc_id: str, record: dict) -> None:
        self.execute("UPDATE documents SET extractor = ?, organizations = ?, money = ? WHERE id = ?",
                     (record.get("extractor"), json.dumps(record.get("organizations") or []),
                      json.dumps(record.get("money") or []), doc_id))

    def insert_doc_event(self, doc_id: str, idx: int, event: dict) -> int:
        columns = ("doc_id", "idx") + DOC_EVENT_FIELDS + (
            "countries", "participants", "topics", "evidence", "evidence_text")
        values = [doc_id, idx] + [event.get(name) for name in DOC_EVENT_FIELDS] + [
            json.dumps(event.get("countries") or []), json.dumps(event.get("participants") or []),
            json.dumps(event.get("topics") or []), json.dumps(event.get("evidence") or []),
            " … ".join(span["text"] for span in event.get("evidence") or ())]
        cursor = self.execute(
            f"INSERT INTO doc_events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            values)
        return cursor.lastrowid

    # merged events

    def create_event(self, state: dict) -> int:
        """A new merged event; its id is ``state["id"]`` when no event holds that id (a
        rebuild giving an event back the id it had), else one never handed out before."""
        event_id = self.allocate_event_id(state.get("id"))
        self.execute(
            f"INSERT INTO events (id, {', '.join(EVENT_FIELDS)}) VALUES (?, {', '.join('?' * len(EVENT_FIELDS))})",
            [event_id] + [state.get(name) for name in EVENT_FIELDS])
        self._add_event_keys(event_id, state, state.get("countries") or (), state.get("topics") or ())
        self.bump_aggregates(event_contribution(state))
        self.bump_pair_topics(pair_topic_contribution(state))
        return event_id

    def update_event(self, event_id: int, old: dict, new: dict) -> None:
        """Write ``new`` over ``old`` (both full states of the same event)."""
        self.execute(f"UPDATE events SET {', '.join(f'{name} = ?' for name in EVENT_FIELDS)} WHERE id = ?",
                     [new.get(name) for name in EVENT_FIELDS] + [event_id])
        if new.get("date_lo") != old.get("date_lo") or new["status"] != old["status"] or new.get("type") != old.get("type"):
            self.execute("UPDATE event_countries SET date_lo = ?, status = ?, type = ? WHERE event_id = ?",
                         (new.get("date_lo"), new["status"], new.get("type"), event_id))
            self.execute("UPDATE event_topics SET date_lo = ? WHERE event_id = ?", (new.get("date_lo"), event_id))
            self.execute("UPDATE participations SET date_lo = ? WHERE event_id = ?", (new.get("date_lo"), event_id))
        if new.get("date_lo") != old.get("date_lo") or bool(new.get("agreements_signed")) != bool(old.get("agreements_signed")):
            self.execute("UPDATE event_pairs SET date_lo = ?, agreements_signed = ? WHERE event_id = ?",
                         (new.get("date_lo"), int(bool(new.get("agreements_signed"))), event_id))
        added_countries = [c for c in new.get("countries") or () if c not in set(old.get("countries") or ())]
        added_topics = [t for t in new.get("topics") or () if t not in set(old.get("topics") or ())]
        self._add_event_keys(event_id, new, added_countries, added_topics)
        delta = event_contribution(new)
        delta.subtract(event_contribution(old))
        self.bump_aggregates(delta)
        pair_delta = pair_topic_contribution(new)
        pair_delta.subtract(pair_topic_contribution(old))
        self.bump_pair_topics(pair_delta)

    def _add_event_keys(self, event_id: int, state: dict, countries, topics) -> None:
        every_country = sorted(set(state.get("countries") or ()))
        new_pairs = [(a, b) for a, b in country_pairs(every_country) if a in countries or b in countries]
        agreements = int(bool(state.get("agreements_signed")))
        self.executemany("INSERT INTO event_pairs (a, b, event_id, date_lo, agreements_signed) VALUES (?, ?, ?, ?, ?)"
                         " ON CONFLICT DO NOTHING",
                         [(a, b, event_id, state.get("date_lo"), agreements) for a, b in new_pairs])
        if new_pairs:
            # people already in the event now also took part in it for the new pairs
            people = [r[0] for r in self.execute("SELECT DISTINCT person_id FROM participations WHERE event_id = ?",
                                                 (event_id,))]
            self.bump_pair_people(Counter({(a, b, pid): 1 for a, b in new_pairs for pid in people}))
        self.executemany("INSERT INTO event_countries (event_id, country, status, date_lo, type) VALUES (?, ?, ?, ?, ?)"
                         " ON CONFLICT DO NOTHING",
                         [(event_id, c, state["status"], state.get("date_lo"), state.get("type")) for c in countries])
        self.executemany("INSERT INTO event_topics (event_id, topic, date_lo) VALUES (?, ?, ?)"
                         " ON CONFLICT DO NOTHING",
                         [(event_id, t, state.get("date_lo")) for t in topics])

    def add_event_source(self, event_id: int, doc_event_id: int, doc_id: str,
                         score: int | None = None, reasons: list[str] = ()) -> None:
        """Add a report to an event, with why it was merged there (``score`` None: it opened the event)."""
        self.execute("INSERT INTO event_sources (event_id, doc_event_id, doc_id, merge_score, merge_reasons)"
                     " VALUES (?, ?, ?, ?, ?)", (event_id, doc_event_id, doc_id, score, json.dumps(list(reasons))))
        self.execute("UPDATE doc_events SET event_id = ? WHERE id = ?", (event_id, doc_event_id))
        self.execute("UPDATE events SET source_count = source_count + 1 WHERE id = ?", (event_id,))

    def set_conflict(self, event_id: int, field: str, values: list[dict]) -> None:
        self.execute("INSERT INTO conflicts (event_id, field, vals) VALUES (?, ?, ?)"
                     " ON CONFLICT (event_id, field) DO UPDATE SET vals = excluded.vals",
                     (event_id, field, json.dumps(values)))

    def link_planned(self, planned_event_id: int, occurred_event_id: int) -> None:
        self.execute("INSERT INTO planned_links (planned_event_id, occurred_event_id) VALUES (?, ?)"
                     " ON CONFLICT DO NOTHING", (planned_event_id, occurred_event_id))

    def remember_place(self, name: str, country: str, lat: float | None, lon: float | None) -> None:
        self.execute("INSERT INTO places (name, country, lat, lon) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (name, country) DO UPDATE SET"
                     " lat = COALESCE(places.lat, excluded.lat), lon = COALESCE(places.lon, excluded.lon)",
                     (name, country, lat, lon))

    def bump_pair_topics(self, delta: Counter) -> None:
        """Add counts keyed (a, b, year, topic) to the topic counts of ``pair_years`` (topics
        are vocabulary slugs, safe inside a JSON path)."""
        self.executemany(PAIR_YEAR_UPSERT, [(a, b, year, topic, n, f'$."{topic}"', f'$."{topic}"', n)
                                            for (a, b, year, topic), n in delta.items() if n])

    def bump_pair_people(self, delta: Counter) -> None:
        """Add event counts keyed (a, b, person id) to ``pair_people``."""
        self.executemany("INSERT INTO pair_people (a, b, person_id, n) VALUES (?, ?, ?, ?)"
                         " ON CONFLICT (a, b, person_id) DO UPDATE SET n = pair_people.n + excluded.n",
                         [(*key, n) for key, n in delta.items() if n])

    def bump_person_links(self, delta: Counter) -> None:
        """Add shared-event counts keyed (person id, other person id) to ``person_links``."""
        self.executemany("INSERT INTO person_links (person_id, other_id, n) VALUES (?, ?, ?)"
                         " ON CONFLICT (person_id, other_id) DO UPDATE SET n = person_links.n + excluded.n",
                         [(*key, n) for key, n in delta.items() if n])

    def bump_aggregates(self, delta: Counter) -> None:
        rows = [(kind, k1, k2, k3, n) for (kind, k1, k2, k3), n in delta.items() if n]
        self.executemany("INSERT INTO aggregates (kind, k1, k2, k3, n) VALUES (?, ?, ?, ?, ?)"
                         " ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET n = aggregates.n + excluded.n",
                         rows)

    # people

    def create_person(self, name: str, surname_key: str, first_key: str | None, country: str | None) -> int:
        cursor = self.execute("INSERT INTO people (name, surname_key, first_key, country) VALUES (?, ?, ?, ?)",
                              (name, surname_key, first_key, country))
        self.bump_aggregates(Counter({("people", "", "", ""): 1}))
        return cursor.lastrowid

    def update_person(self, person_id: int, name: str, first_key: str | None, country: str | None,
                      surname_key: str | None = None) -> None:
        """Set a person's shown name, first-name key and state (and surname key when given)."""
        self.execute("UPDATE people SET name = ?, first_key = ?, country = ?,"
                     " surname_key = coalesce(?, surname_key) WHERE id = ?",
                     (name, first_key, country, surname_key, person_id))

    def add_person_keys(self, person_id: int, keys) -> None:
        """File a person under look-up keys of the spellings of its surname (``person_keys``)."""
        self.executemany("INSERT INTO person_keys (key, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         [(key, person_id) for key in sorted(set(keys))])

    def add_person_name(self, person_id: int, name: str) -> None:
        self.execute("INSERT INTO person_names (person_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                     (person_id, name))

    def record_title(self, person_id: int, title: str, country: str | None, seen: str | None,
                     doc_id: str) -> None:
        """Add a title to a person's history, widening its first/last-seen dates."""
        self.execute(TITLE_UPSERT, (person_id, title, country, seen, seen, doc_id))

    def add_participation(self, event_id: int, person_id: int, doc_event_id: int, doc_id: str,
                          participant: dict, date_lo: str | None) -> None:
        already = self.scalar("SELECT 1 FROM participations WHERE event_id = ? AND person_id = ? LIMIT 1",
                              (event_id, person_id))
        self.execute("INSERT INTO participations (event_id, person_id, doc_event_id, doc_id, name, title,"
                     " country, date_lo) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (event_id, person_id, doc_event_id, doc_id, participant.get("name"),
                      participant.get("title"), participant.get("country"), date_lo))
        if not already:
            self.execute("UPDATE people SET event_count = event_count + 1 WHERE id = ?", (person_id,))
            self.bump_pair_people(Counter({(a, b, person_id): 1 for a, b in self.execute(
                "SELECT a, b FROM event_pairs WHERE event_id = ?", (event_id,))}))
            others = [r[0] for r in self.execute("SELECT DISTINCT person_id FROM participations"
                                                 " WHERE event_id = ? AND person_id <> ?", (event_id, person_id))]
            self.bump_person_links(person_link_contribution([person_id], others))

    # event cards (migration 9: triggers mark what changed)

    def stale_event_ids(self, limit: int) -> list[int]:
        return [r[0] for r in self.tuples("SELECT event_id FROM event_cards_stale LIMIT ?", (limit,))]

    def put_event_cards(self, event_ids: list[int], cards: dict[int, str]) -> None:
        """Store ``cards`` (event id -> summary JSON), rewrite the facet keys of ``event_ids``
        and clear them from the stale list (ids without a card are events that no longer exist)."""
        ids, among = list(event_ids), f"IN ({', '.join('?' * len(event_ids))})"
        self.executemany("INSERT OR REPLACE INTO event_cards (event_id, card) VALUES (?, ?)", cards.items())
        self.execute(f"DELETE FROM event_facets WHERE event_id {among}", ids)
        self.execute(f"INSERT INTO event_facets (event_id, keys) SELECT e.id, {EVENT_FACET_KEYS} FROM events e"
                     f" WHERE e.id {among}", ids)
        self.execute(f"DELETE FROM event_cards_stale WHERE event_id {among}", ids)

    # rebuilding

    def clear_derived(self) -> None:
        """Drop everything computed from extraction (documents and their origins stay)."""
        for table in ("pair_years", "pair_people", "person_links", "planned_links", "conflicts", "participations", "person_titles", "person_names",
                      "event_sources", "event_topics", "event_pairs", "event_countries", "doc_events", "people",
                      "event_cards", "event_facets", "events", "event_cards_stale", "places"):
            self.execute(f"DELETE FROM {table}")
        self.execute("DELETE FROM aggregates WHERE kind <> 'documents'")
