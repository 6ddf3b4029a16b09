"""Every merged event, streamed, as export rows: full JSON, flat CSV columns, PLOVER-style records."""

from __future__ import annotations

from collections.abc import Iterator

from attache.query.shapes import event_summaries

BATCH = 500
CSV_COLUMNS = ("event_id", "key", "status", "type", "plover", "what", "date", "date_end", "date_precision",
               "location", "location_country", "lat", "lon", "countries", "participants", "topics",
               "agreements_signed", "source_count", "doc_ids", "urls")
LIST_COLUMNS = ("countries", "participants", "topics", "doc_ids", "urls")


def iter_events(store, batch: int = BATCH) -> Iterator[dict]:
    """Every merged event as an event summary (with sources and evidence), by id."""
    last = 0
    while True:
        ids = store.all_event_ids(after=last, batch=batch)
        if not ids:
            return
        yield from event_summaries(store, ids)
        last = ids[-1]


def flat_row(summary: dict) -> dict:
    """One event as flat columns; list columns hold lists (joined with "; " for CSV)."""
    location = summary["location"] or {}
    return {
        "event_id": summary["event_id"], "key": summary.get("key"), "status": summary["status"],
        "type": summary["type"],
        "plover": summary["plover"], "what": summary["what"], "date": summary["date"],
        "date_end": summary["date_end"], "date_precision": summary["date_precision"],
        "location": location.get("name"), "location_country": location.get("country"),
        "lat": location.get("lat"), "lon": location.get("lon"), "countries": summary["countries"],
        "participants": [f"{p['name']} ({p['country'] or '?'})" for p in summary["participants"]],
        "topics": summary["topics"], "agreements_signed": summary["agreements_signed"],
        "source_count": summary["source_count"], "doc_ids": [s["doc_id"] for s in summary["sources"]],
        "urls": [s["url"] for s in summary["sources"] if s["url"]],
    }


def plover_record(summary: dict) -> dict:
    """One event in the shape of a PLOVER event record (event_type, mode, actors, date, location)."""
    location = summary["location"] or {}
    first = summary["sources"][0] if summary["sources"] else {}
    return {
        "id": f"attache-{summary.get('key') or summary['event_id']}",
        "event_id": summary["event_id"],
        "event_type": summary["plover"] or "CONSULT",
        "mode": summary["type"],
        "context": summary["topics"],
        "event_status": summary["status"],
        "date": summary["date"],
        "date_end": summary["date_end"],
        "date_precision": summary["date_precision"],
        "actors": [{"name": p["name"], "title": p["title"], "country": p["country"]}
                   for p in summary["participants"]],
        "actor_countries": summary["countries"],
        "location": {"name": location.get("name"), "country": location.get("country"),
                     "lat": location.get("lat"), "lon": location.get("lon")},
        "agreements_signed": summary["agreements_signed"],
        "source_count": summary["source_count"],
        "publication_date": first.get("published"),
        "sources": [{"doc_id": s["doc_id"], "url": s["url"], "source": s["source"], "published": s["published"],
                     "evidence": [e["text"] for e in s.get("evidence", [])]} for s in summary["sources"]],
    }
