"""Event cards: each merged event's summary (the shape every answer shows it in) kept as one
JSON text, so that a page of events is one read.

Migration 9's triggers drop the card of any event whose shown data changes and mark it
stale; the store calls ``refresh_event_cards`` at the end of every write transaction, inside
it (``SqliteStore.before_commit``: once per transaction, whatever the write path); readers
build the summary of an event without a card from the tables (``live_summaries``), so a card
is never out of date. The facet rows of migration 11 are rewritten with the cards.
"""

from __future__ import annotations

import orjson

CARDS_PER_BATCH = 500


def refresh_event_cards(store) -> int:
    """Rebuild the cards of the events the store's triggers marked stale (inside the
    writer's transaction, so that cards commit with what they show); returns how many
    events were looked at."""
    looked = 0
    while ids := store.stale_event_ids(CARDS_PER_BATCH):
        store.put_event_cards(ids, {summary["event_id"]: orjson.dumps(summary).decode()
                                    for summary in live_summaries(store, ids)})
        looked += len(ids)
    return looked


def live_briefs(store, event_ids: list[int]) -> list[dict]:
    """Briefs (summaries without participants and sources) built from the tables."""
    if not event_ids:
        return []
    rows = store.event_rows(event_ids)
    countries, topics = store.event_keys(event_ids)
    return [_summary(rows[event_id], countries.get(event_id, []), topics.get(event_id, []))
            for event_id in event_ids if event_id in rows]


def live_summaries(store, event_ids: list[int],
                   participations: dict[int, list[dict]] | None = None) -> list[dict]:
    """Summaries built from the tables (with evidence)."""
    found = live_briefs(store, event_ids)
    if not found:
        return found
    ids = [summary["event_id"] for summary in found]
    if participations is None:
        participations = store.event_participations(ids)
    sources = store.event_source_rows(ids)
    for summary in found:
        event_id = summary["event_id"]
        summary["participants"] = _participants(participations.get(event_id, []))
        summary["sources"] = [_source(s) for s in sources.get(event_id, [])]
    return found


def _summary(row: dict, countries: list[str], topics: list[str]) -> dict:
    location = None
    if row["location_name"]:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "lat": row["lat"], "lon": row["lon"]}
    return {"event_id": row["id"], "key": row.get("stable_key"), "status": row["status"], "type": row["type"], "plover": row["plover"],
            "what": row["what"], "date": row["date"], "date_end": row["date_end"],
            "date_precision": row["date_precision"], "location": location, "countries": countries,
            "topics": topics, "agreements_signed": bool(row["agreements_signed"]),
            "source_count": row["source_count"]}


def _participants(rows: list[dict]) -> list[dict]:
    seen: dict[int, dict] = {}
    for row in rows:
        if row["person_id"] not in seen:
            seen[row["person_id"]] = {"person_id": row["person_id"], "name": row["person_name"],
                                      "country": row["person_country"] or row["country"],
                                      "title": row["title"], "doc_id": row["doc_id"]}
        elif not seen[row["person_id"]]["title"] and row["title"]:
            seen[row["person_id"]]["title"] = row["title"]
    return list(seen.values())


def _source(row: dict) -> dict:
    return {**{name: row[name] for name in ("doc_id", "doc", "title", "source", "url", "published")},
            "evidence": row["evidence"]}
