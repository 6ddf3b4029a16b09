"""How merged events look in every answer: one shape, built in batches for a page of ids."""

from __future__ import annotations

import orjson

from attache.store.cards import live_briefs, live_summaries

BRIEF_ONLY = ("participants", "sources")  # what a summary has beyond a brief


def event_briefs(store, event_ids: list[int]) -> list[dict]:
    """Events in the order of ``event_ids`` without participants and sources (for lists
    that show what, when and where), each as the first fields of an event summary::

        {"event_id", "status", "type", "plover", "what", "date", "date_end", "date_precision",
         "location": {"name", "country", "lat", "lon"} | None, "countries": [code],
         "topics": [str], "agreements_signed": bool, "source_count": int}
    """
    found = _read(store, list(event_ids), lambda missing: live_briefs(store, missing))
    for brief in found:
        for name in BRIEF_ONLY:
            brief.pop(name, None)
    return found


def event_summaries(store, event_ids: list[int], with_evidence: bool = True,
                    participations: dict[int, list[dict]] | None = None) -> list[dict]:
    """Events in the order of ``event_ids``, each as an event brief (``event_briefs``) and::

        {..., "participants": [{"person_id", "name", "country", "title", "doc_id"}],
              "sources": [{"doc_id", "doc", "title", "source", "url", "published",
                           "evidence": [{"start", "end", "text"}]}]}

    ``participants[].name``/``title`` are as the first source wrote them; ``person_id``
    names the resolved person. ``evidence`` is omitted with ``with_evidence=False``.
    Read from the events' cards (one JSON text each, kept by the writer); an event without
    a card is built from the tables (``participations``: ``store.event_participations``
    of those events, if the caller has it).
    """
    found = _read(store, list(event_ids), lambda missing: live_summaries(store, missing, participations))
    if not with_evidence:
        for summary in found:
            for source in summary["sources"]:
                source.pop("evidence", None)
    return found


def _read(store, ids: list[int], build) -> list[dict]:
    """The events of ``ids`` (in order; unknown ids left out) from their cards, and those
    without a card from ``build(ids without a card)``."""
    cards = store.event_cards(ids)
    built = {event["event_id"]: event for event in build([i for i in ids if i not in cards])}
    return [orjson.loads(cards[i]) if i in cards else built[i] for i in ids if i in cards or i in built]
