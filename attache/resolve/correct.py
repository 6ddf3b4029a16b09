"""What an analyst can say about the record: these events are one, this source is another
event, these names are one person, these are two. Each is stored as a correction (reports
and name forms, never ids) and the record is rebuilt from the stored reports, so the
correction holds across later ingests, ``reextract`` and rebuilds until it is undone.
"""

from __future__ import annotations

from attache.errors import AttacheError, NotFound
from attache.resolve.ingest import rebuild


class CorrectionError(AttacheError):
    """A correction that cannot be made as asked (same event twice, a source not in the event)."""


def merge_events(store, first: int, second: int, note: str = "") -> dict:
    """Join two events; the one whose report is resolved first keeps its id, the other's id
    redirects there."""
    first, second = live_event(store, first), live_event(store, second)
    if first == second:
        raise CorrectionError(f"events {first} and {second} are already one event")
    return _correct(store, "merge", store.anchors_of_event(first), store.anchors_of_event(second),
                    note or f"events {first} and {second} are one event", watch=[first, second])


def split_event(store, event_id: int, source: str, note: str = "") -> dict:
    """Take the reports of document ``source`` (a doc id, its prefix, or a file name / URL
    it came from) out of an event; they become an event of their own."""
    event_id = live_event(store, event_id)
    doc_id = document_id(store, source)
    anchors = store.anchors_of_event(event_id)
    moved = [a for a in anchors if a[0] == doc_id]
    kept = [a for a in anchors if a[0] != doc_id]
    if not moved:
        raise CorrectionError(f"event {event_id} has no report from document {source}")
    if not kept:
        raise CorrectionError(f"event {event_id} has no other source than {source}: nothing to split from")
    return _correct(store, "split", kept, moved, note or f"{source} reports another event than event {event_id}",
                    watch=[event_id])


def same_person(store, first: str, second: str, note: str = "") -> dict:
    """The people written ``first`` and ``second`` (ids or name forms) are one person."""
    forms_a, forms_b = person_forms(store, first), person_forms(store, second)
    if set(forms_a) & set(forms_b):
        raise CorrectionError(f"{first} and {second} are already one person")
    return _correct(store, "same_person", forms_a, forms_b, note or f"{first} and {second} are one person")


def different_person(store, first: str, second: str, note: str = "") -> dict:
    """``second`` (an id or a name form) is not the person ``first``: the name forms of
    ``second`` are parted from the others of that person."""
    forms_a = person_forms(store, first)
    forms_b = [second] if not str(second).isdigit() else person_forms(store, second)
    forms_a = [f for f in forms_a if f not in forms_b]
    if not forms_a:
        raise CorrectionError(f"{first} has no other name form than {second}")
    return _correct(store, "different_person", forms_a, forms_b, note or f"{first} and {second} are two people")


def undo(store, correction_id: int | None = None) -> dict:
    """Remove a correction (the latest when no id is given) and rebuild without it."""
    found = store.corrections()
    if not found:
        raise CorrectionError("there is no correction to undo")
    chosen = found[-1] if correction_id is None else next((c for c in found if c["id"] == correction_id), None)
    if chosen is None:
        raise NotFound(f"no correction {correction_id}")
    with store.transaction():
        store.delete_correction(chosen["id"])
        counts = rebuild(store, f"correction {chosen['id']} undone")
    return {"undone": chosen, "rebuild": counts}


def _correct(store, kind: str, subject, obj, note: str, watch: list[int] = ()) -> dict:
    with store.transaction():
        number = store.add_correction(kind, [list(a) if isinstance(a, tuple) else a for a in subject],
                                      [list(a) if isinstance(a, tuple) else a for a in obj], note)
        counts = rebuild(store, f"correction {number}")
    now = {}
    for event_id in watch:
        alias = store.event_alias(event_id)
        now[event_id] = alias["event_id"] if alias else event_id
    return {"correction": number, "kind": kind, "note": note, "events": now, "rebuild": counts}


def live_event(store, event_id) -> int:
    """The id of the event ``event_id`` names now (following aliases); NotFound if none."""
    event_id = int(event_id)
    if store.event_exists(event_id):
        return event_id
    alias = store.event_alias(event_id)
    if alias and alias["event_id"] is not None:
        return alias["event_id"]
    raise NotFound(f"no event {event_id}")


def document_id(store, source: str) -> str:
    """A stored document's id from its id, an id prefix (8+ characters) or an origin (file name, URL)."""
    found = store.document_ids_named(source)
    if not found:
        raise NotFound(f"no document {source!r}")
    if len(found) > 1:
        raise CorrectionError(f"{source!r} names {len(found)} documents; give more of the id")
    return found[0]


def person_forms(store, person: str) -> list[str]:
    """The name forms of a person given by id, or the name form itself when it was seen."""
    text = str(person).strip()
    if text.isdigit():
        forms = store.person_name_forms(int(text))
        if not forms:
            raise NotFound(f"no person {text}")
        return forms
    if not store.people_named([text]):
        raise NotFound(f"no person written {text!r}")
    return [text]
