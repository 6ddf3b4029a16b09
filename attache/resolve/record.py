"""Read one extraction record into the resolver's plain event dicts, checking evidence spans."""

from __future__ import annotations

import logging
import re

from attache.resolve import dates, places

log = logging.getLogger(__name__)

STATUSES = ("occurred", "planned")
_CODE = re.compile(r"^[A-Z]{2}$")


def record_events(record: dict, text: str) -> list[dict]:
    """The record's events (including a gold-style ``planned`` list) in the resolver's shape.

    Evidence spans whose offsets do not give their text are dropped with a warning; a span
    with offsets only gets its text filled from ``text``.
    """
    raw_events = list(record.get("events") or [])
    raw_events += [dict(event, status="planned") for event in record.get("planned") or []]
    return [normalize_event(event, text, record.get("doc") or "") for event in raw_events
            if isinstance(event, dict)]


def normalize_event(event: dict, text: str, doc: str = "") -> dict:
    status = event.get("status") if event.get("status") in STATUSES else "occurred"
    date = dates.parse_date(event.get("date"))
    date_end = dates.parse_date(event.get("date_end"))
    if date is None:
        date_end = None
    location = _location(event.get("location"))
    countries = _codes(event.get("countries"))
    participants = [p for p in (_participant(p) for p in event.get("participants") or ()) if p]
    for participant in participants:
        if participant["country"] and participant["country"] not in countries:
            countries.append(participant["country"])
    lo, hi = dates.interval(date, date_end)
    return {
        "status": status,
        "type": (event.get("type") or "other").strip().lower() or "other",
        "plover": event.get("plover") or None,
        "what": (event.get("what") or "").strip() or None,
        "date": date,
        "date_end": date_end,
        "date_precision": dates.precision(date),
        "month_day": None if date else dates.parse_month_day(event.get("month_day")),
        "date_lo": lo,
        "date_hi": hi,
        **location,
        "countries": countries,
        "participants": participants,
        "topics": list(dict.fromkeys(t for t in event.get("topics") or () if isinstance(t, str) and t)),
        "agreements_signed": 1 if event.get("agreements_signed") else 0,
        "evidence": valid_evidence(event.get("evidence") or (), text, doc),
    }


def stored_event(row: dict) -> dict:
    """A stored report (``store.stored_reports`` row) back in the resolver's shape."""
    event = {name: row[name] for name in (
        "status", "type", "plover", "what", "date", "date_end", "date_precision", "month_day", "location_name",
        "location_country", "lat", "lon", "location_inferred", "countries", "participants", "topics",
        "agreements_signed", "evidence")}
    event["date_lo"], event["date_hi"] = dates.interval(row["date"], row["date_end"])
    return event


def valid_evidence(spans, text: str, doc: str = "") -> list[dict]:
    kept = []
    for span in spans:
        if not isinstance(span, dict):
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            log.warning("%s: evidence span %r..%r is outside the text; dropped", doc, start, end)
            continue
        quoted = span.get("text")
        if quoted is not None and text[start:end] != quoted:
            log.warning("%s: evidence %d..%d does not match its text; dropped", doc, start, end)
            continue
        kept.append({"start": start, "end": end, "text": text[start:end]})
    return kept


def _codes(values) -> list[str]:
    codes = []
    for value in values or ():
        code = str(value).strip().upper()
        if _CODE.match(code) and code not in codes:
            codes.append(code)
    return codes


def _participant(value) -> dict | None:
    if not isinstance(value, dict):
        return None
    name = (value.get("name") or "").strip() or None
    title = (value.get("title") or "").strip() or None
    if not name and not title:
        return None
    country = _codes([value.get("country")] if value.get("country") else [])
    return {"name": name, "title": title, "country": country[0] if country else None}


def _location(value) -> dict:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        value = {}
    name = (value.get("name") or "").strip() or None
    country = _codes([value["country"]] if value.get("country") else [])
    country = country[0] if country else (places.place_country(name) if name else None)
    lat, lon = value.get("lat"), value.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        lat, lon = places.coordinates(name, country) if name else (None, None)
    return {"location_name": name, "location_country": country, "lat": lat, "lon": lon,
            "location_inferred": 1 if value.get("inferred") else 0}
