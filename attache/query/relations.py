"""Two states: the timeline of their events, and the relationship in the round."""

from __future__ import annotations

from attache.errors import BadValue
from attache.query.shapes import event_briefs, event_summaries
from attache.query.values import MAX_OFFSET, country_code, known, one_of, whole_number
from attache.resolve.places import country_name
from attache.schema import STATUSES

AGREEMENTS_SHOWN = 10  # latest signings listed on a relationship (agreements_total counts all)
ORDERS = ("latest", "earliest")
MAX_LIMIT = 1000


def _pair(a: str, b: str) -> tuple[str, str]:
    a, b = country_code(a), country_code(b)
    if a == b:
        raise BadValue(f"a relationship needs two different states, got {a} twice")
    return a, b


def timeline(store, a: str, b: str, status: str | None = None, order: str = "latest",
             limit: int = 200, offset: int = 0) -> dict:
    """Every event in which both ``a`` and ``b`` took part, dated, with sources and evidence::

        {"a", "b", "a_name", "b_name", "total": int, "total_capped": bool,
         "events": [event summary]}   (``order`` latest first by default, or ``earliest``)

    ``total`` is exact without ``status``; with it, counted as in ``events()``.
    """
    a, b = _pair(a, b)
    ids, total, capped = store.find_event_ids(
        countries=[a, b], status=known(status, "status", STATUSES), order=one_of(order, "order", ORDERS),
        limit=whole_number(limit, "limit", 0, MAX_LIMIT), offset=whole_number(offset, "offset", 0, MAX_OFFSET))
    return {"a": a, "b": b, "a_name": country_name(a), "b_name": country_name(b),
            "total": total, "total_capped": capped, "events": event_summaries(store, ids)}


def relationship(store, a: str, b: str, limit: int = 200, agreements: int = AGREEMENTS_SHOWN) -> dict:
    """The relationship between two states::

        {"a", "b", "a_name", "b_name", "timeline": timeline(...) ,
         "topics_by_year": [{"year", "topics": {topic: count}}],
         "people": {"a": [{"person_id", "name", "country", "events"}], "b": [...], "other": [...]},
         "agreements": [event brief]  (events where agreements were signed, latest first,
                                        up to ``agreements``), "agreements_total": int,
         "money": [{"doc_id", "title", "published", "money": [str]}]}
    """
    a, b = _pair(a, b)
    line = timeline(store, a, b, limit=limit)
    agreement_ids, agreements_total = store.pair_agreements(a, b, limit=agreements)
    people = {"a": [], "b": [], "other": []}
    for row in store.pair_people(a, b):
        people["a" if row["country"] == a else "b" if row["country"] == b else "other"].append(row)
    return {"a": a, "b": b, "a_name": country_name(a), "b_name": country_name(b), "timeline": line,
            "topics_by_year": [{"year": year, "topics": topics}
                               for year, topics in store.pair_topics_by_year(a, b).items()],
            "people": people, "agreements": event_briefs(store, agreement_ids), "agreements_total": agreements_total,
            "money": store.document_money([source["doc_id"] for event in line["events"]
                                           for source in event["sources"]])}
