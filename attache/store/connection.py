"""Open an SQLite database, apply migrations, and run transactions.

This is the only place a connection is made. A PostgreSQL backend would provide the same
``SqliteStore`` surface (the methods of ``writes.StoreWrites`` and ``reads.StoreReads``)
over psycopg, with ``migrations`` translated and FTS5 replaced by ``tsvector``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from attache.errors import StoreError
from attache.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000
WAL_CHECKPOINT_PAGES = 8192


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


READER_MMAP_BYTES = 1 << 40


def connect(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with WAL and foreign keys."""
    path = Path(path)
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # checkpoint every ~32 MiB of log instead of 4 MiB: pages a batch rewrites often
            # (indexes, per-pair summaries) are copied to the database once, not each time
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        # page cache in KiB: the writer's index pages for large stores; readers are many, keep them small
        conn.execute(f"PRAGMA cache_size = {-65536 if read_only else -262144}")
        # readers map as much of the file as SQLite allows (it clamps the request to its build's
        # maximum, 2 GiB in common builds): pages read through the mapping cost far less than
        # through the page cache (benchmarks/serve.py, 3.3 GB store: 8.6 ms of server CPU per
        # person page with 1 GiB mapped, 6.6 with 2 GiB); the mapping is the OS page cache, not
        # private memory. The writer maps nothing (its 256 MiB page cache holds what it rereads;
        # mapping gained no speed) so that a long ingest's resident memory stays its heap and that cache
        conn.execute(f"PRAGMA mmap_size = {READER_MMAP_BYTES if read_only else 0}")
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open database ({e})") from e
    return conn


def applied_migrations(conn: sqlite3.Connection) -> set[int]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return set()
    return {row[0] for row in conn.execute("SELECT number FROM migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction; return those applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations ("
                 "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    newly_applied = []
    for number, name, script in MIGRATIONS:
        if number in applied_migrations(conn):
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            if number in applied_migrations(conn):  # another writer got there first
                conn.execute("ROLLBACK")
                continue
            for statement in split_statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                         (number, name, now_iso()))
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {number} ({name}) failed: {e}") from e
        newly_applied.append(number)
    return newly_applied


def upgrade(path: Path) -> None:
    """Apply pending migrations to a database about to be opened read-only."""
    try:
        conn = connect(path)
    except StoreError as e:
        raise StoreError(f"{path}: made by an older attache and cannot be upgraded here ({e})") from e
    try:
        migrate(conn)
    finally:
        conn.close()


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Connection:
    """Holds the connection and the transaction depth; a nested ``transaction()`` is a savepoint."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database")
        if read_only:
            self.conn = connect(self.path, read_only=True)
            if applied_migrations(self.conn) != {number for number, _, _ in MIGRATIONS}:
                self.conn.close()
                upgrade(self.path)
                self.conn = connect(self.path, read_only=True)
        else:
            self.conn = connect(self.path)
            migrate(self.conn)
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside commits together or not at all.

        A ``transaction()`` inside another is a savepoint: if its block raises, its own writes
        are undone and the error goes on to the outer block, which decides about the rest
        (``resolve.ingest`` writes a group of documents, one savepoint each, in one commit).
        """
        if self._depth:
            name = f"nested_{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self.before_commit()
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def before_commit(self) -> None:
        """Called at the end of each outermost transaction, inside it (savepoints don't)."""

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def tuples(self, sql: str, params=()) -> sqlite3.Cursor:
        """A cursor yielding plain tuples (for reads by position: several times cheaper per
        row than the connection's ``sqlite3.Row``)."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)

    def _named_tuples(self, sql: str, params) -> tuple[sqlite3.Cursor, list[str]]:
        """A tuple cursor and its column names (zipped into dicts: half the cost of
        dict(sqlite3.Row))."""
        cursor = self.tuples(sql, params)
        return cursor, [column[0] for column in cursor.description]

    def rows(self, sql: str, params=()) -> list[dict]:
        cursor, names = self._named_tuples(sql, params)
        return [dict(zip(names, row)) for row in cursor]

    def row(self, sql: str, params=()) -> dict | None:
        cursor, names = self._named_tuples(sql, params)
        found = cursor.fetchone()
        cursor.close()
        return dict(zip(names, found)) if found is not None else None

    def scalar(self, sql: str, params=()):
        found = self.tuples(sql, params).fetchone()
        return found[0] if found is not None else None

    def optimize(self) -> None:
        """Refresh the planner's statistics (after a bulk load)."""
        self.conn.execute("ANALYZE")
        self.conn.execute("PRAGMA optimize")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
