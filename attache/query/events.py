"""Lists of events under filters, and one merged event in full."""

from __future__ import annotations

from attache.errors import NotFound
from attache.query.people import find_person
from attache.query.shapes import country_code, date_bound, event_summaries

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
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    limit = max(0, min(int(limit), MAX_LIMIT))
    person_id = find_person(store, person)["id"] if person not in (None, "") else None
    countries = list(dict.fromkeys(country_code(code) for code in (country, country2) if code))
    ids, total, capped = store.find_event_ids(
        countries=countries, type=type or None, topic=topic or None,
        date_from=date_bound(date_from, end=False), date_to=date_bound(date_to, end=True),
        status=status or None, person_id=person_id, order=order, limit=limit, offset=int(offset))
    return {"filters": {"country": countries[0] if countries else None,
                        "country2": countries[1] if len(countries) > 1 else None, "type": type, "topic": topic,
                        "date_from": date_from, "date_to": date_to, "status": status, "person": person,
                        "order": order},
            "total": total, "total_capped": capped, "limit": limit, "offset": int(offset),
            "events": event_summaries(store, ids)}


def event(store, event_id: int | str) -> dict:
    """One merged event with everything known about it::

        {event summary (see shapes.event_summaries), plus
         "mentions": [{"person_id", "name", "title", "country", "doc_id"}]  (each source's wording),
         "sources": [{..., "evidence": [...], "reported": {"date", "location"}}],
         "conflicts": [{"field": "date" | "location_name",
                        "values": [{"value", "doc_ids": [doc id]}]}],
         "money": [{"doc_id", "title", "published", "money": [str]}]  (its sources' figures, in source order),
         "planned": [event summary]   (announcements this event fulfilled),
         "occurred": [event summary]  (the later event this announcement led to)}

    Raises NotFound for an unknown id.
    """
    try:
        event_id = int(event_id)
    except (TypeError, ValueError) as e:
        raise NotFound(f"no event {event_id!r}") from e
    found = event_summaries(store, [event_id])
    if not found:
        raise NotFound(f"no event {event_id}")
    detail = found[0]
    detail["mentions"] = [{"person_id": r["person_id"], "name": r["name"], "title": r["title"],
                           "country": r["country"], "doc_id": r["doc_id"]}
                          for r in store.event_participations([event_id]).get(event_id, [])]
    reported = {s["doc_event_id"]: s for s in store.event_source_rows([event_id]).get(event_id, [])}
    for source, row in zip(detail["sources"], reported.values()):
        source["reported"] = {"date": row["date"], "location": row["location_name"]}
    detail["conflicts"] = store.event_conflicts(event_id)
    source_ids = [source["doc_id"] for source in detail["sources"]]
    money = {m["doc_id"]: m for m in store.document_money(source_ids)}
    detail["money"] = [money[doc_id] for doc_id in dict.fromkeys(source_ids) if doc_id in money]
    links = store.planned_links_of(event_id)
    detail["planned"] = event_summaries(store, links["planned"], with_evidence=False)
    detail["occurred"] = event_summaries(store, links["occurred"], with_evidence=False)
    return detail
