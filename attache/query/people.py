"""A resolved person: name forms, dated titles, events, counterparts, sources."""

from __future__ import annotations

from attache.errors import NotFound
from attache.query.shapes import event_summaries
from attache.query.values import SQL_INT_MAX, whole_number
from attache.resolve import names

EVENT_LIMIT = 25  # latest events on the profile (events(person=id) pages through all)
MAX_LIMIT = 1000
SOURCE_LIMIT = 25  # articles of the latest events shown on the profile


def find_person(store, name: int | str) -> dict:
    """The person row a name (or id) refers to: one with that exact name form first, then
    one with the surname and a compatible first name; the most active wins. Raises NotFound."""
    person_id = _person_id(name)
    if person_id is not None:
        row = store.person_row(person_id) if person_id <= SQL_INT_MAX else None
        if row is None:
            raise NotFound(f"no person {name}")
        return row
    key = names.name_key(name or "")
    if key is not None:
        candidates = store.people_by_surname(key["surname"])
        written = " ".join(name.split()).casefold()
        exact = [p for p in candidates
                 if written in {form.casefold() for form in store.person_forms(p["id"]) + [p["name"]]}]
        matches = exact or [p for p in candidates if names.compatible(key, p)]
        if matches:
            return max(matches, key=lambda p: (p["event_count"], -p["id"]))
    raise NotFound(f"no person named {name!r}")


def _person_id(name: int | str) -> int | None:
    """The id that ``name`` is (an int, or ASCII digits), else None for a name."""
    if isinstance(name, int) and not isinstance(name, bool):
        return name
    text = str(name or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    return int(text) if len(text) <= 19 else SQL_INT_MAX + 1  # more digits than any id has


def person(store, name: int | str, limit: int = EVENT_LIMIT) -> dict:
    """Profile of the person ``name`` (a name as written, a surname, or a person id)::

        {"person_id", "name", "country", "event_count",
         "names": [str]  (every form seen),
         "titles": [{"title", "country", "first_seen", "last_seen", "doc_id"}]  (oldest first),
         "events": [event summary + "as": {"name", "title", "doc_id"}]  (latest first, up to ``limit``;
                    ``event_count`` says how many there are, ``events(person=id)`` pages through them),
         "counterparts": [{"person_id", "name", "country", "events"}],
         "sources": [{"doc_id", "doc", "title", "source", "url", "published"}]  (latest first,
                     up to SOURCE_LIMIT),
         "other_matches": [{"person_id", "name", "country", "event_count"}]}

    ``other_matches`` lists other people the name could mean (same surname). Raises NotFound.
    """
    limit = whole_number(limit, "limit", 1, MAX_LIMIT)
    row = find_person(store, name)
    person_id = row["id"]
    ids, _, _ = store.find_event_ids(person_id=person_id, limit=limit)
    participations = store.event_participations(ids)
    found_events = event_summaries(store, ids, participations=participations)
    mine = {}
    for event_id, rows in participations.items():
        for r in rows:
            if r["person_id"] == person_id and event_id not in mine:
                mine[event_id] = {"name": r["name"], "title": r["title"], "doc_id": r["doc_id"]}
    for summary in found_events:
        summary["as"] = mine.get(summary["event_id"])
    others = []
    if _person_id(name) is None:
        key = names.name_key(name)
        if key:
            others = [{"person_id": p["id"], "name": p["name"], "country": p["country"],
                       "event_count": p["event_count"]}
                      for p in store.people_by_surname(key["surname"]) if p["id"] != person_id]
    return {"person_id": person_id, "name": row["name"], "country": row["country"],
            "event_count": row["event_count"], "names": store.person_forms(person_id),
            "titles": store.person_title_rows(person_id), "events": found_events,
            "counterparts": store.counterparts(person_id),
            "sources": store.person_sources(person_id, limit=SOURCE_LIMIT),
            "other_matches": others}
