"""Store one document and resolve its events into the record: the ingest step per document."""

from __future__ import annotations

from attache.resolve import dates
from attache.resolve.events import UNDATED_REACH_DAYS, can_merge, incompatible_types, merge, merge_score
from attache.resolve.people import resolve_participant
from attache.resolve.planned import link_planned
from attache.resolve.record import record_events
from attache.store import content_id

ARTICLE_FIELDS = ("doc", "origin", "text", "published", "source", "url", "title")
SPAN_FLOOR_DAYS = 14  # a multi-day event may start this long before another report's date
MAX_CANDIDATES = 500
# what can_merge and merge_score read of a stored event (besides its countries and people)
MATCH_COLUMNS = ("status", "type", "date", "date_lo", "date_hi", "what", "location_name", "location_country",
                 "month_day", "first_published")


def article_fields(article) -> dict:
    """The stored fields of an ``Article`` (or of a dict with the same keys)."""
    if isinstance(article, dict):
        return {name: article.get(name) for name in ARTICLE_FIELDS}
    return {name: getattr(article, name, None) for name in ARTICLE_FIELDS}


def add_document(store, article, record: dict, raw_hash: str | None = None) -> tuple[str, str]:
    """Store a document and its events in one transaction; ("stored" | "duplicate", doc id).

    The same text (whitespace aside) is stored once, whatever file name or URL it came by.
    """
    fields = article_fields(article)
    doc_id = content_id(fields["text"])
    origin = fields.get("origin") or fields.get("doc") or doc_id
    with store.transaction():
        if store.document_exists(doc_id):
            store.add_document_origin(doc_id, origin, fields.get("url"))
            return "duplicate", doc_id
        published = record.get("published") or fields.get("published")
        store.insert_document({
            **fields, "id": doc_id, "raw_hash": raw_hash, "origin": origin,
            "doc": fields.get("doc") or record.get("doc") or origin, "published": published,
            "title": fields.get("title") or record.get("title"), "source": fields.get("source") or record.get("source"),
            "url": fields.get("url") or record.get("url"), "extractor": record.get("extractor"),
            "organizations": record.get("organizations"), "money": record.get("money")})
        resolve_events(store, doc_id, fields["text"], record, published)
    return "stored", doc_id


def resolve_events(store, doc_id: str, text: str, record: dict, published: str | None) -> list[int]:
    """Write the record's events for a stored document; return the merged event ids.

    Two events of one document are never merged with each other: the extractor already
    decided they differ.
    """
    used: list[int] = []
    for idx, event in enumerate(record_events(record, text)):
        doc_event_id = store.insert_doc_event(doc_id, idx, event)
        seen = event["date"] if event["date_precision"] == "day" else (published or event["date"])
        people = {}
        for participant in event["participants"]:
            person_id = resolve_participant(store, participant, seen, doc_id)
            if person_id is not None:
                people[person_id] = (participant, participant.get("country"))
        state = {**{k: v for k, v in event.items() if k not in ("participants", "evidence")},
                 "people": {pid: country for pid, (_, country) in people.items()},
                 "first_published": published}
        event_id, state, conflicts = place_event(store, state, exclude=set(used))
        used.append(event_id)
        store.add_event_source(event_id, doc_event_id, doc_id)
        for field in conflicts:
            store.set_conflict(event_id, field, store.doc_event_values(event_id, field))
        for person_id, (participant, _) in people.items():
            store.add_participation(event_id, person_id, doc_event_id, doc_id, participant, state.get("date_lo"))
        if event["location_name"] and event["location_country"]:
            store.remember_place(event["location_name"], event["location_country"], event["lat"], event["lon"])
        link_planned(store, state)
    return used


def place_event(store, state: dict, exclude: set[int]) -> tuple[int, dict, list[str]]:
    """Merge ``state`` into the best matching stored event, or create a new one."""
    candidates = [old for old in store.event_states([i for i in candidate_ids(store, state) if i not in exclude]
                                                    [:MAX_CANDIDATES], columns=MATCH_COLUMNS)
                  if can_merge(state, old)]
    if not state.get("date_lo"):
        dated = [c for c in candidates if c.get("date_lo")]
        if dated and max(c["date_lo"] for c in dated) > min(c["date_hi"] for c in dated):
            # a report without a date that fits events of different days cannot choose between them
            candidates = [c for c in candidates if not c.get("date_lo")]
    if candidates:
        best = max(candidates, key=lambda c: (merge_score(state, c), -c["id"]))
        old = store.event_states([best["id"]])[0]
        merged, conflicts = merge(old, state)
        merged["id"] = old["id"]
        store.update_event(old["id"], old, merged)
        return old["id"], merged, conflicts
    event_id = store.create_event(state)
    return event_id, {**state, "id": event_id}, []


def candidate_ids(store, state: dict) -> list[int]:
    """Stored events that may be the event of ``state``, for ``can_merge`` to judge.

    Events of the same pair and time (undated ones for an undated report), plus the undated
    events of the pair for a dated report, and, for a report without a date, the pair's
    events of the year its publication allows; then the events its people took part in
    (undated ones for a dated report, dated ones too for an undated report).
    """
    countries = list(state.get("countries") or ())[:2]
    people = list(state.get("people") or ())
    excluded = incompatible_types(state.get("type"))
    lo, hi = state.get("date_lo"), state.get("date_hi")
    window = None if lo else undated_window(state)
    ids: list[int] = []
    if countries:
        ids += store.merge_candidate_ids(
            state["status"], countries, lo, hi, dates.containers(state["date"]) if state.get("date") else [],
            dates.shift(lo, -SPAN_FLOOR_DAYS) if lo else None, excluded)
        if lo:
            ids += store.merge_candidate_ids(state["status"], countries, None, None, [], None, excluded)
        elif window:
            ids += store.merge_candidate_ids(state["status"], countries, window[0], window[1],
                                             dates.containers(window[0]), window[0], excluded)
    if people:
        if lo:
            ids += store.person_candidate_ids(state["status"], people, exclude_types=excluded, limit=MAX_CANDIDATES)
        else:
            reach = window or ("0000-01-01", "9999-12-31")
            ids += store.person_candidate_ids(state["status"], people, reach[0], reach[1], excluded, MAX_CANDIDATES)
    return sorted(set(ids))


def undated_window(state: dict) -> tuple[str, str] | None:
    """The days an undated report's event can fall on, from its publication (see ``undated_fits``)."""
    published = (state.get("first_published") or "")[:10]
    if not dates.parse_date(published) or dates.precision(published) != "day":
        return None
    if state["status"] == "planned":
        return published, dates.shift(published, UNDATED_REACH_DAYS)
    return dates.shift(published, -UNDATED_REACH_DAYS), published
