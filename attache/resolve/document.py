"""Store one document and resolve its events into the record: the ingest step per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from attache.resolve import corrections, dates
from attache.resolve.blocks import country_blocks
from attache.resolve.corrections import Constraints
from attache.resolve.events import (
    UNDATED_REACH_DAYS,
    can_merge,
    incompatible_types,
    merge,
    merge_reasons,
    merge_score,
    reach_back,
)
from attache.resolve.identity import Previous
from attache.resolve.people import new_person, resolve_participant
from attache.resolve.planned import link_planned
from attache.resolve.record import record_events
from attache.store import content_id, stable_key

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


def resolve_events(store, doc_id: str, text: str, record: dict, published: str | None,
                   previous: Previous | None = None, constraints: Constraints | None = None) -> list[int]:
    """Write the record's events for a stored document; return the merged event ids.

    Two events of one document are never merged with each other: the extractor already
    decided they differ. ``previous`` (a rebuild) gives events back their ids;
    ``constraints`` are the analysts' corrections (read from the store when not given).
    """
    return resolve_normalized(store, doc_id, record_events(record, text), published, previous, constraints)


def resolve_normalized(store, doc_id: str, events: list[dict], published: str | None,
                       previous: Previous | None = None, constraints: Constraints | None = None) -> list[int]:
    """``resolve_events`` for events already in the resolver's shape (``record.normalize_event``)."""
    if constraints is None:
        constraints = corrections.load(store)
    used: list[int] = []
    for idx, event in enumerate(events):
        anchor = (doc_id, idx)
        doc_event_id = store.insert_doc_event(doc_id, idx, event)
        seen = event["date"] if event["date_precision"] == "day" else (published or event["date"])
        people = {}
        for participant in event["participants"]:
            person_id = person_of(store, participant, seen, doc_id, constraints)
            if person_id is not None:
                people[person_id] = (participant, participant.get("country"))
        old_id, old_key = previous_identity(store, previous, anchor)
        state = {**{k: v for k, v in event.items() if k not in ("participants", "evidence")},
                 "people": {pid: country for pid, (_, country) in people.items()},
                 "first_published": published, "id": old_id, "stable_key": old_key or stable_key(doc_id, idx)}
        placed = place_event(store, state, exclude=set(used), anchor=anchor, constraints=constraints)
        event_id, state = placed.event_id, placed.state
        used.append(event_id)
        store.add_event_source(event_id, doc_event_id, doc_id, placed.score, placed.reasons)
        for conflicting in placed.conflicts:
            store.set_conflict(event_id, conflicting, store.doc_event_values(event_id, conflicting))
        for person_id, (participant, _) in people.items():
            store.add_participation(event_id, person_id, doc_event_id, doc_id, participant, state.get("date_lo"))
        if event["location_name"] and event["location_country"]:
            store.remember_place(event["location_name"], event["location_country"], event["lat"], event["lon"])
        link_planned(store, state)
    return used


def previous_identity(store, previous: Previous | None, anchor: tuple) -> tuple[int | None, str | None]:
    """The id (and key) a rebuild gives back to an event this report opens: its event's id
    before the rebuild, unless an earlier report took it (the event was split); else an id
    that held this report before and now redirects (a merge undone); else none."""
    if previous is None:
        return None, None
    old_id, old_key = previous.identity_for(anchor)
    if old_id is not None and not store.event_exists(old_id):
        return old_id, old_key
    for retired in previous.retired_ids(anchor):
        if not store.event_exists(retired):
            return retired, None
    return None, None


@dataclass
class Placed:
    """Where a report went: its event, the event's state after it, and why."""

    event_id: int
    state: dict
    score: int | None = None
    reasons: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def place_event(store, state: dict, exclude: set[int], anchor: tuple | None = None,
                constraints: Constraints | None = None) -> Placed:
    """Merge ``state`` into the best matching stored event, or create a new one.

    An analyst's ``merge`` correction sends the report to the event holding a report it was
    joined to (even one of the same document); a ``split`` correction keeps it out of events holding reports it was parted from.
    """
    constraints = constraints or Constraints()
    forced = corrections.events_to_join(store, constraints, anchor) if anchor else {}
    if forced:
        target = min(forced)
        old = store.event_states([target])[0]
        return _merge_into(store, state, old, merge_score(state, old),
                           [f"an analyst joined these reports (correction {forced[target]})"])
    refused = corrections.events_kept_apart(store, constraints, anchor) if anchor else set()
    candidates = [old for old in store.event_states([i for i in candidate_ids(store, state)
                                                     if i not in exclude and i not in refused]
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
        return _merge_into(store, state, old, merge_score(state, old), merge_reasons(state, old))
    event_id = store.create_event(state)
    reasons = ["first report of this event"]
    if anchor and constraints.kept_apart.get(anchor):
        reasons.append("an analyst kept it apart from " + ", ".join(
            f"correction {n}" for n in sorted(set(constraints.kept_apart[anchor].values()))))
    return Placed(event_id, {**state, "id": event_id}, None, reasons)


def _merge_into(store, state: dict, old: dict, score: int, reasons: list[str]) -> Placed:
    merged, conflicts = merge(old, state)
    merged["id"] = old["id"]
    store.update_event(old["id"], old, merged)
    return Placed(old["id"], merged, score, reasons, conflicts)


def person_of(store, participant: dict, seen: str | None, doc_id: str, constraints: Constraints) -> int | None:
    """The person behind a participant, as the analysts' corrections allow: a name they
    joined to other name forms goes to the person written so; a person they parted from
    this name is never chosen for it."""
    name = participant.get("name")
    joined = corrections.same_person_forms(constraints, name)
    if joined:
        found = store.people_named(joined)
        if found:
            store.add_person_name(found[0], name)
            if participant.get("title"):
                store.record_title(found[0], participant["title"], participant.get("country"), seen, doc_id)
            return found[0]
    person_id = resolve_participant(store, participant, seen, doc_id)
    parted = corrections.different_person_forms(constraints, name)
    if person_id is None or not parted or not set(store.person_name_forms(person_id)) & set(parted):
        return person_id
    return separate_person(store, participant, person_id, parted, seen, doc_id)


def separate_person(store, participant: dict, wrong_id: int, parted, seen, doc_id) -> int:
    """A person for ``participant`` other than ``wrong_id`` (whose name forms include one an
    analyst parted from this name): one already written this way without those forms, or new."""
    name = participant["name"]
    for person_id in store.people_named([name]):
        if person_id != wrong_id and not set(store.person_name_forms(person_id)) & set(parted):
            break
    else:
        person_id = new_person(store, name, participant.get("country"))
    store.add_person_name(person_id, name)
    if participant.get("title"):
        store.record_title(person_id, participant["title"], participant.get("country"), seen, doc_id)
    return person_id


def candidate_ids(store, state: dict) -> list[int]:
    """Stored events that may be the event of ``state``, for ``can_merge`` to judge.

    Events of the same pair and time (undated ones for an undated report), plus the undated
    events of the pair for a dated report, and, for a report without a date, the pair's
    events of the days its publication allows; then the events its people took part in
    (undated ones for a dated report, dated ones too for an undated report).
    """
    people = list(state.get("people") or ())
    excluded = incompatible_types(state.get("type"))
    lo, hi = state.get("date_lo"), state.get("date_hi")
    window = None if lo else undated_window(state)
    ids: list[int] = []
    for countries in country_blocks(state.get("countries")):
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
    return dates.shift(published, -reach_back(state)), published
