"""Lists of events under filters, and one merged event in full."""

from __future__ import annotations

from attache.errors import Moved, NotFound
from attache.query.people import find_person
from attache.query.shapes import event_summaries
from attache.query.values import MAX_OFFSET, SQL_INT_MAX, country_code, date_range, known, one_of, whole_number
from attache.schema import EVENT_TYPES, STATUSES, TOPICS

ORDERS = ("latest", "earliest", "sources")
MAX_LIMIT = 1000


def events(store, country: str | None = None, type: str | None = None, topic: str | None = None,
           date_from: str | None = None, date_to: str | None = None, status: str | None = None,
           person: int | str | None = None, order: str = "latest", limit: int = 50, offset: int = 0,
           country2: str | None = None) -> dict:
    """Events matching every given filter.

    ``country`` and ``country2`` are states that both took part (``country2`` alone acts
    as ``country``; the pair's events are what ``timeline()`` lists).
    ``date_from``/``date_to`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (inclusive);
    ``person`` is a person id or a name (resolved like ``person()``); ``order`` is
    ``latest`` (default), ``earliest`` or ``sources`` (most reported first). Returns::

        {"filters": {...as given...}, "total": int, "total_capped": bool,
         "limit": int, "offset": int, "events": [event summary, see shapes.event_summaries]}

    ``total`` is exact for no filter, a country or a pair alone; otherwise counting stops at
    max(100, offset + 2 * limit) and ``total_capped`` is true when it did.

    A value no event can have (a type, topic, status, order or country code not in the
    vocabulary, a malformed date, a limit or offset out of range) raises ``BadValue`` naming
    the valid values and the nearest one; an unknown person raises ``NotFound``.
    """
    order = one_of(order, "order", ORDERS)
    limit = whole_number(limit, "limit", 0, MAX_LIMIT)
    offset = whole_number(offset, "offset", 0, MAX_OFFSET)
    first_day, last_day = date_range(date_from, date_to)
    countries = list(dict.fromkeys(country_code(code) for code in (country, country2) if code))
    person_id = find_person(store, person)["id"] if person not in (None, "") else None
    ids, total, capped = store.find_event_ids(
        countries=countries, type=known(type, "type", EVENT_TYPES), topic=known(topic, "topic", TOPICS),
        date_from=first_day, date_to=last_day, status=known(status, "status", STATUSES),
        person_id=person_id, order=order, limit=limit, offset=offset)
    return {"filters": {"country": countries[0] if countries else None,
                        "country2": countries[1] if len(countries) > 1 else None, "type": type, "topic": topic,
                        "date_from": date_from, "date_to": date_to, "status": status, "person": person,
                        "order": order},
            "total": total, "total_capped": capped, "limit": limit, "offset": offset,
            "events": event_summaries(store, ids)}


def event(store, event_id: int | str) -> dict:
    """One merged event with everything known about it::

        {event summary (see shapes.event_summaries), plus
         "mentions": [{"person_id", "name", "title", "country", "doc_id"}]  (each source's wording),
         "sources": [{..., "evidence": [...], "reported": {"date", "location"},
                      "merge": {"score": int | None (None: it opened the event), "reasons": [str]}}],
         "conflicts": [{"field": "date" | "location_name",
                        "values": [{"value", "doc_ids": [doc id]}]}],
         "money": [{"doc_id", "title", "published", "money": [str]}]  (its sources' figures, in source order),
         "planned": [event summary]   (announcements this event fulfilled),
         "occurred": [event summary]  (the later event this announcement led to)}

    ``event_id`` is the event's id or its stable key. Raises ``Moved`` for an id whose
    reports now belong to another event, NotFound for an unknown one.
    """
    event_id = event_id_of(store, event_id)
    found = event_summaries(store, [event_id])
    if not found:
        alias = store.event_alias(event_id)
        if alias and alias["event_id"] is not None:
            raise Moved(event_id, alias["event_id"], alias["reason"])
        raise NotFound(f"no event {event_id}" + (f": {alias['reason']}" if alias else ""))
    detail = found[0]
    detail["mentions"] = [{"person_id": r["person_id"], "name": r["name"], "title": r["title"],
                           "country": r["country"], "doc_id": r["doc_id"]}
                          for r in store.event_participations([event_id]).get(event_id, [])]
    reported = {s["doc_event_id"]: s for s in store.event_source_rows([event_id]).get(event_id, [])}
    for source, row in zip(detail["sources"], reported.values()):
        source["reported"] = {"date": row["date"], "location": row["location_name"]}
        source["merge"] = {"score": row["merge_score"], "reasons": row["merge_reasons"]}
    detail["conflicts"] = store.event_conflicts(event_id)
    source_ids = [source["doc_id"] for source in detail["sources"]]
    money = {m["doc_id"]: m for m in store.document_money(source_ids)}
    detail["money"] = [money[doc_id] for doc_id in dict.fromkeys(source_ids) if doc_id in money]
    links = store.planned_links_of(event_id)
    detail["planned"] = event_summaries(store, links["planned"], with_evidence=False)
    detail["occurred"] = event_summaries(store, links["occurred"], with_evidence=False)
    detail["corrections"] = corrections_of_event(store, event_id, [p["name"] for p in detail["mentions"]])
    return detail


def event_id_of(store, value: int | str) -> int:
    """An event id from an id or a stable key (``"3f2a9c0d1e4b-0"``); NotFound otherwise."""
    if isinstance(value, int):
        if not 0 < value <= SQL_INT_MAX:  # no row has it (and SQLite could not read it)
            raise NotFound(f"no event {value!r}")
        return value
    text = str(value).strip()
    if text.isascii() and text.isdigit() and len(text) < 19:  # "²".isdigit() too, but int() refuses it
        return int(text)
    found = store.event_id_of_key(text) if text else None
    if found is None:
        raise NotFound(f"no event {value!r}")
    return found


def corrections_of_event(store, event_id: int, names: list[str]) -> list[dict]:
    """The analysts' corrections that shape this event: those naming its reports or the name
    forms of its participants."""
    anchors = {tuple(a) for a in store.anchors_of_event(event_id)}
    written = set(names)
    found = []
    for correction in store.corrections():
        sides = correction["subject"] + correction["object"]
        if correction["kind"] in ("merge", "split"):
            touches = any(tuple(a) in anchors for a in sides)
        else:
            touches = bool(written & set(sides))
        if touches:
            found.append(correction)
    return found
