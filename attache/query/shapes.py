"""How merged events look in every answer: one shape, built in batches for a page of ids."""

from __future__ import annotations

from attache.errors import NotFound
from attache.resolve.dates import interval, parse_date
from attache.resolve.places import country_name


def event_briefs(store, event_ids: list[int]) -> list[dict]:
    """Events in the order of ``event_ids`` without participants and sources (for lists
    that show what, when and where), each as the first fields of an event summary::

        {"event_id", "status", "type", "plover", "what", "date", "date_end", "date_precision",
         "location": {"name", "country", "lat", "lon"} | None, "countries": [code],
         "topics": [str], "agreements_signed": bool, "source_count": int}
    """
    ids = list(event_ids)
    rows = store.event_rows(ids)
    countries, topics = store.event_keys(ids)
    return [_summary(rows[event_id], countries.get(event_id, []), topics.get(event_id, []))
            for event_id in ids if event_id in rows]


def event_summaries(store, event_ids: list[int], with_evidence: bool = True,
                    participations: dict[int, list[dict]] | None = None,
                    briefs: dict[int, dict] | None = None) -> list[dict]:
    """Events in the order of ``event_ids``, each as an event brief (``event_briefs``) and::

        {..., "participants": [{"person_id", "name", "country", "title", "doc_id"}],
              "sources": [{"doc_id", "doc", "title", "source", "url", "published",
                           "evidence": [{"start", "end", "text"}]}]}

    ``participants[].name``/``title`` are as the first source wrote them; ``person_id``
    names the resolved person. ``evidence`` is omitted with ``with_evidence=False``.
    ``participations``: ``store.event_participations(event_ids)`` if the caller has it;
    ``briefs``: ``event_briefs`` of (at least) these ids by id, if the caller read them in a
    larger batch (they are completed in place).
    """
    if briefs is None:
        found = event_briefs(store, event_ids)
    else:
        found = [briefs[event_id] for event_id in event_ids if event_id in briefs]
    ids = [summary["event_id"] for summary in found]
    if participations is None:
        participations = store.event_participations(ids)
    sources = store.event_source_rows(ids)
    for summary in found:
        event_id = summary["event_id"]
        summary["participants"] = _participants(participations.get(event_id, []))
        summary["sources"] = [_source(s, with_evidence) for s in sources.get(event_id, [])]
    return found


def _summary(row: dict, countries: list[str], topics: list[str]) -> dict:
    location = None
    if row["location_name"]:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "lat": row["lat"], "lon": row["lon"]}
    return {"event_id": row["id"], "status": row["status"], "type": row["type"], "plover": row["plover"],
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


def _source(row: dict, with_evidence: bool) -> dict:
    source = {name: row[name] for name in ("doc_id", "doc", "title", "source", "url", "published")}
    if with_evidence:
        source["evidence"] = row["evidence"]
    return source


def country_code(code: str) -> str:
    """An upper-case ISO code known to the vocabulary, or NotFound."""
    normalized = (code or "").strip().upper()
    if country_name(normalized) is None:
        raise NotFound(f"unknown country code {code!r}")
    return normalized


def date_bound(value: str | None, end: bool) -> str | None:
    """``2024`` / ``2024-05`` / ``2024-05-17`` as the first (or last) day it covers."""
    if value is None or value == "":
        return None
    parsed = parse_date(str(value))
    if parsed is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    lo, hi = interval(parsed)
    return hi if end else lo
