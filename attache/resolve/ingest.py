"""Batches: store pipeline outcomes one document per transaction, and re-extract stored texts."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from attache.batch import run_batch
from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.resolve.document import add_document, resolve_events


@dataclass(frozen=True)
class Stored:
    """What became of one input in the store: ``status`` is stored, duplicate or failed."""

    origin: str
    status: str
    doc_id: str | None = None
    reason: str | None = None


def raw_hash(raw: RawDocument) -> str:
    """Hash of the input as read, so a re-run can skip it before cleaning and extraction."""
    body = raw.content if raw.content is not None else (raw.text or raw.html or "").encode("utf-8")
    return hashlib.sha256(raw.kind.encode() + b"\0" + body).hexdigest()


def ingest(store, items: Iterable[RawDocument | InputError], jobs: int = 1) -> Iterator[Stored]:
    """Read, clean, extract and store ``items``, one document per transaction.

    An input whose exact bytes are already stored is reported as a duplicate without being
    extracted again; other duplicates are found by content after cleaning. Yields one
    ``Stored`` per input.
    """
    pending_hashes: deque = deque()
    known: deque[Stored] = deque()

    def new_items():
        for item in items:
            if isinstance(item, RawDocument):
                digest = raw_hash(item)
                if store.raw_hash_exists(digest):
                    known.append(Stored(item.origin, "duplicate"))
                    continue
                pending_hashes.append(digest)
            else:
                pending_hashes.append(None)
            yield item

    for outcome in run_batch(new_items(), jobs):
        while known:
            yield known.popleft()
        digest = pending_hashes.popleft()
        yield store_outcome(store, outcome, digest)
    while known:
        yield known.popleft()


def store_outcome(store, outcome, digest: str | None = None) -> Stored:
    """Write one pipeline Outcome (article + record, or error) in its own transaction."""
    if outcome.error is not None:
        return Stored(outcome.origin, "failed", reason=outcome.error.reason)
    status, doc_id = add_document(store, outcome.article, outcome.record, raw_hash=digest)
    return Stored(outcome.origin, status, doc_id)


def reextract(store, jobs: int = 1) -> dict:
    """Run extraction again over every stored text and rebuild everything derived from it.

    Documents are kept; the rebuild is one transaction, so an interrupted run changes nothing.
    Returns counts: documents, events, failed.
    """
    documents = store.stored_documents()
    raws = (RawDocument(doc=d["doc"], origin=d["origin"] or d["doc"], kind="text", text=store.document_text(d["id"]),
                        published=d["published"], url=d["url"], source=d["source"], title=d["title"])
            for d in documents)
    counts = {"documents": 0, "events": 0, "failed": 0}
    with store.transaction():
        store.clear_derived()
        for document, outcome in zip(documents, run_batch(raws, jobs)):
            if outcome.error is not None:
                counts["failed"] += 1
                continue
            store.update_document_extraction(document["id"], outcome.record)
            published = outcome.record.get("published") or document["published"]
            counts["events"] += len(resolve_events(store, document["id"], outcome.article.text,
                                                   outcome.record, published))
            counts["documents"] += 1
    return counts
