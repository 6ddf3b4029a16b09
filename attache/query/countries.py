"""A country's record, and the overview of the whole store."""

from __future__ import annotations

from attache.query.shapes import event_summaries
from attache.query.values import country_code
from attache.resolve.places import country_name

LATEST = 10
TOP_RELATIONSHIPS = 10


def country(store, code: str) -> dict:
    """What the store knows of one state (ISO 3166-1 alpha-2; BadValue if not a known code)::

        {"code", "name", "event_count",
         "partners": [{"country", "name", "count"}]  (by number of shared events),
         "topics": [{"topic", "count"}],
         "people": [{"person_id", "name", "events"}]  (its officials, most active first),
         "locations": [{"name", "country", "lat", "lon", "count"}]  (where its events took place),
         "latest_events": [event summary]}
    """
    code = country_code(code)
    partners = [{"country": r["k2"], "name": country_name(r["k2"]), "count": r["n"]}
                for r in store.aggregate("pair", code)]
    topics = [{"topic": r["k2"], "count": r["n"]} for r in store.aggregate("country_topic", code)]
    locations = store.country_locations(code)
    ids, _, _ = store.find_event_ids(countries=[code], limit=LATEST)
    counted = store.aggregate("country", code)
    return {"code": code, "name": country_name(code), "event_count": counted[0]["n"] if counted else 0,
            "partners": partners, "topics": topics, "people": store.country_people(code),
            "locations": locations, "latest_events": event_summaries(store, ids)}


def stats(store) -> dict:
    """Overview::

        {"documents", "events", "people", "countries": int,
         "by_status": {status: count},
         "latest_events": [event summary],
         "top_relationships": [{"a", "b", "a_name", "b_name", "count"}]}
    """
    pairs = store.top_pairs(TOP_RELATIONSHIPS)
    ids, _, _ = store.find_event_ids(limit=LATEST)
    return {
        "documents": store.total("documents"), "events": store.total("events"),
        "people": store.total("people"), "countries": store.count_keys("country"),
        "by_status": {r["k1"]: r["n"] for r in store.aggregate_all("status")},
        "latest_events": event_summaries(store, ids),
        "top_relationships": [{"a": r["k1"], "b": r["k2"], "a_name": country_name(r["k1"]),
                               "b_name": country_name(r["k2"]), "count": r["n"]} for r in pairs],
    }
