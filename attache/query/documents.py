"""One stored document with the events read from it."""

from __future__ import annotations

from attache.errors import NotFound


def document(store, doc_id: str) -> dict:
    """A document by id (content hash) or by its stored name::

        {"doc_id", "doc", "origin", "origins": [{"origin", "url"}], "url", "source", "published",
         "title", "text", "extractor", "organizations", "money", "ingested_at",
         "events": [{"idx", "event_id", "status", "type", "plover", "what", "date", "date_end",
                     "location": {"name", "country", "lat", "lon", "inferred"} | None,
                     "countries", "participants": [{"name", "title", "country"}], "topics",
                     "agreements_signed", "evidence": [{"start", "end", "text"}]}]}

    ``evidence`` offsets index ``text``. Raises NotFound.
    """
    row = store.document_row(doc_id)
    if row is None:
        by_name = store.document_id_by_name(doc_id)
        row = store.document_row(by_name) if by_name else None
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    row["doc_id"] = row.pop("id")
    row["events"] = [_doc_event(e) for e in store.doc_event_rows(row["doc_id"])]
    return row


def _doc_event(row: dict) -> dict:
    location = None
    if row["location_name"]:
        location = {"name": row["location_name"], "country": row["location_country"], "lat": row["lat"],
                    "lon": row["lon"], "inferred": bool(row["location_inferred"])}
    return {"idx": row["idx"], "event_id": row["event_id"], "status": row["status"], "type": row["type"],
            "plover": row["plover"], "what": row["what"], "date": row["date"], "date_end": row["date_end"],
            "location": location, "countries": row["countries"], "participants": row["participants"],
            "topics": row["topics"], "agreements_signed": bool(row["agreements_signed"]),
            "evidence": row["evidence"]}
