"""The store: SQLite today, one small surface so PostgreSQL can follow. Nothing else imports sqlite3.

``open_store(path)`` returns a ``SqliteStore``: ``transaction()`` for writes, the write
methods of ``StoreWrites`` (used by ``attache.resolve``) and the read methods of
``StoreReads`` (used by ``attache.query``), those of ``StoreIdentity`` (stable ids, aliases,
corrections); ``StoreBulk`` is a fast path for loading
prepared documents without cross-document merging (benchmarks, imports).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from attache.store.bulk import StoreBulk
from attache.store.cards import refresh_event_cards
from attache.store.connection import Connection
from attache.store.identity import StoreIdentity, stable_key
from attache.store.reads import HIT_END, HIT_START, StoreReads
from attache.store.writes import StoreWrites

__all__ = ["HIT_END", "HIT_START", "SqliteStore", "content_id", "open_store", "stable_key"]

_WHITESPACE = re.compile(r"\s+")


class SqliteStore(Connection, StoreWrites, StoreReads, StoreBulk, StoreIdentity):
    """An open SQLite store (WAL, foreign keys, busy timeout, migrations applied)."""

    def before_commit(self) -> None:
        """Rebuild the event cards and facet rows the triggers marked stale, so that they commit
        with what they show, whatever the write path: once per transaction (an event merged by
        three documents of a group is rebuilt once)."""
        refresh_event_cards(self)


def open_store(path: str | Path, read_only: bool = False) -> SqliteStore:
    """Open (creating and migrating if needed) the store at ``path``; ``read_only`` never writes."""
    return SqliteStore(path, read_only=read_only)


def content_id(text: str) -> str:
    """Document id: sha256 of the text with whitespace runs collapsed and ends stripped."""
    return hashlib.sha256(_WHITESPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()
