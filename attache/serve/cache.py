"""A small LRU cache of rendered pages, valid while the database files are unchanged.

The server only reads, so a page depends on its URL, its format and the store's contents.
The store's contents are stood for by the size and modification time of the database file
and its write-ahead log: any committed write (an `attache ingest` running beside the
server) changes them and so misses every older entry.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

MAX_ENTRY_BYTES = 1 << 20


def store_version(db_path: Path) -> tuple:
    """(size, mtime) of the database file and of its WAL, if any."""
    version = []
    for path in (db_path, Path(f"{db_path}-wal")):
        try:
            found = os.stat(path)
        except FileNotFoundError:
            version.append(None)
            continue
        version.append((found.st_size, found.st_mtime_ns))
    return tuple(version)


class PageCache:
    """Thread-safe LRU of ``key -> (body, media_type)``; ``max_entries`` 0 disables it."""

    def __init__(self, db_path: str | Path, max_entries: int = 256):
        self.db_path = Path(db_path)
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def key(self, *parts) -> tuple | None:
        if not self.max_entries:
            return None
        return (store_version(self.db_path), *parts)

    def get(self, key):
        if key is None:
            return None
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key, body: bytes, media_type: str) -> None:
        if key is None or len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            self._entries[key] = (body, media_type)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
