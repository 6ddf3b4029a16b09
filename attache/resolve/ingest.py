"""Batches: store pipeline outcomes in grouped transactions, and re-extract stored texts.

The single writer is the slow end of a parallel ingest, and a commit (with the WAL
checkpoints it triggers) costs more than most documents' writes, so outcomes are written in
groups: up to ``GROUP_DOCUMENTS`` documents, or what arrived within ``GROUP_SECONDS``, in one
transaction, each document in its own savepoint. The outcomes of a group are buffered in
memory while they arrive and written at once, so the write lock is never held while the
batch waits for the extractor or the network. A document is reported only once its group
is committed: a killed run loses at most the group in flight, never a reported document.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from attache.batch import run_batch
from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.resolve import corrections, identity
from attache.resolve.document import add_document, resolve_events, resolve_normalized
from attache.resolve.record import stored_event

GROUP_DOCUMENTS = 64  # outcomes written in one transaction at most
GROUP_SECONDS = 1.0  # an outcome waits at most about this long (plus the next arrival) to be written


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


def ingest(store, items: Iterable[RawDocument | InputError], jobs: int = 1, *,
           group_documents: int = GROUP_DOCUMENTS, group_seconds: float = GROUP_SECONDS) -> Iterator[Stored]:
    """Read, clean, extract and store ``items``, a group of documents per transaction.

    An input whose exact bytes are already stored is reported as a duplicate without being
    extracted again; other duplicates are found by content after cleaning. Yields one
    ``Stored`` per input, once its document is committed (the ones skipped by raw hash
    as they come between groups).
    """
    pending_hashes: deque = deque()
    known: deque[Stored] = deque()  # inputs skipped by raw hash, reported between groups
    group: list = []  # (outcome, raw hash) read from the batch, not yet written
    group_started = 0.0

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
        if not group:
            yield from _drain(known)
            group_started = time.monotonic()
        group.append((outcome, pending_hashes.popleft()))
        if len(group) >= group_documents or time.monotonic() - group_started >= group_seconds:
            yield from store_group(store, group)
            group = []
    yield from store_group(store, group)
    yield from _drain(known)


def _drain(known: deque) -> Iterator[Stored]:
    while known:
        yield known.popleft()


def store_group(store, group: list) -> list[Stored]:
    """Write ``(outcome, raw hash)`` pairs in one transaction, each in its own savepoint.

    If one document's writes raise, its savepoint is undone, the documents before it are
    committed, and the error goes on to the caller.
    """
    written: list[Stored] = []
    if not group:
        return written
    failure = None
    with store.transaction():
        for outcome, digest in group:
            try:
                with store.transaction():  # a savepoint: a failure undoes this document alone
                    written.append(store_outcome(store, outcome, digest))
            except Exception as error:  # noqa: BLE001 - re-raised below, after the commit
                failure = error
                break
    if failure is not None:
        raise failure
    return written


def store_outcome(store, outcome, digest: str | None = None) -> Stored:
    """Write one pipeline Outcome (article + record, or error) in its own transaction (a
    savepoint inside a group's)."""
    if outcome.error is not None:
        return Stored(outcome.origin, "failed", reason=outcome.error.reason)
    status, doc_id = add_document(store, outcome.article, outcome.record, raw_hash=digest)
    return Stored(outcome.origin, status, doc_id)


def reextract(store, jobs: int = 1, on_document: Callable[[dict], None] = lambda counts: None) -> dict:
    """Run extraction again over every stored text and rebuild everything derived from it.

    Documents and analysts' corrections are kept, and so are event ids: an event opened by
    a report takes back the id that report's event had, and an id no event takes back
    becomes an alias of the event holding its reports. The rebuild is one transaction, so an
    interrupted run changes nothing. Returns counts: documents, events, failed, aliased;
    ``on_document(counts)`` is called after each document (for progress).
    """
    documents = store.stored_documents()
    raws = (RawDocument(doc=d["doc"], origin=d["origin"] or d["doc"], kind="text", text=store.document_text(d["id"]),
                        published=d["published"], url=d["url"], source=d["source"], title=d["title"])
            for d in documents)
    counts = {"documents": 0, "events": 0, "failed": 0}
    with store.transaction():
        previous, constraints = identity.remember(store), corrections.load(store)
        store.clear_derived()
        for document, outcome in zip(documents, run_batch(raws, jobs)):
            if outcome.error is not None:
                counts["failed"] += 1
                on_document(counts)
                continue
            store.update_document_extraction(document["id"], outcome.record)
            published = outcome.record.get("published") or document["published"]
            counts["events"] += len(resolve_events(store, document["id"], outcome.article.text,
                                                   outcome.record, published, previous, constraints))
            counts["documents"] += 1
            on_document(counts)
        counts["aliased"] = len(identity.leave_aliases(store, previous, "re-extraction"))
    return counts


def rebuild(store, why: str = "rebuild") -> dict:
    """Resolve every stored report again without extracting (after a correction or its undo):
    the same as ``reextract`` with the records already stored. Returns counts: documents,
    events, aliased (ids that now redirect)."""
    documents = store.stored_documents()
    counts = {"documents": 0, "events": 0}
    with store.transaction():
        previous, constraints = identity.remember(store), corrections.load(store)
        reports = {d["id"]: [stored_event(row) for row in store.stored_reports(d["id"])] for d in documents}
        store.clear_derived()
        for document in documents:
            counts["events"] += len(resolve_normalized(store, document["id"], reports[document["id"]],
                                                       document["published"], previous, constraints))
            counts["documents"] += 1
        counts["aliased"] = len(identity.leave_aliases(store, previous, why))
    return counts
