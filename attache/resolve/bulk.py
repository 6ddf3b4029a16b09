"""Load many documents fast: people matched by exact name, no cross-document event merging.

For generated benchmark stores and trusted imports; `attache ingest` uses ``add_document``.
"""

from __future__ import annotations

from attache.resolve.document import article_fields
from attache.resolve.people import new_person
from attache.resolve.record import record_events
from attache.store import content_id, stable_key


def bulk_add(store, pairs, people: dict[str, int]) -> tuple[int, int]:
    """Store (article, record) pairs in one ``bulk_insert``; ``people`` caches name -> person id
    across calls. Returns (documents stored, events stored); known documents are skipped."""
    ids = store.next_ids()
    prepared, seen = [], set()
    for article, record in pairs:
        fields = article_fields(article)
        doc_id = content_id(fields["text"])
        if doc_id in seen or store.document_exists(doc_id):
            continue
        seen.add(doc_id)
        published = record.get("published") or fields.get("published")
        fields.update(id=doc_id, doc=fields.get("doc") or doc_id, published=published,
                      extractor=record.get("extractor"), organizations=record.get("organizations"),
                      money=record.get("money"))
        events = []
        for idx, event in enumerate(record_events(record, fields["text"])):
            people_here = []
            for participant in event["participants"]:
                if participant["name"]:
                    people_here.append((_person(store, participant, people), participant))
            events.append({**event, "idx": idx, "id": ids["events"], "doc_event_id": ids["doc_events"],
                           "people": people_here, "first_published": published,
                           "stable_key": stable_key(doc_id, idx)})
            ids["events"] += 1
            ids["doc_events"] += 1
        prepared.append({"fields": fields, "events": events})
    store.bulk_insert(prepared)
    store.reserve_event_ids(ids["events"] - 1)
    return len(prepared), sum(len(d["events"]) for d in prepared)


def _person(store, participant: dict, people: dict[str, int]) -> int:
    name = participant["name"]
    if name not in people:
        people[name] = new_person(store, name, participant.get("country"))
    return people[name]
