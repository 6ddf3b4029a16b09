"""Run the real `attache` command in a subprocess, from this checkout (installed or not)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-c", "import sys; from attache.cli import main; sys.exit(main())"]


def env() -> dict:
    return os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], env=env(), capture_output=True, text=True, timeout=timeout)


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*COMMAND, *args], env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(db: Path) -> dict:
    """Every row of every table of the store, sorted: equal snapshots mean nothing changed."""
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        tables = [row["name"] for row in store.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(map(repr, (tuple(row.values()) for row in store.rows(f'SELECT * FROM "{table}"'))))
                for table in tables}


def integrity(db: Path) -> str:
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        return store.scalar("PRAGMA integrity_check")


def document_count(db: Path) -> int:
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        return store.scalar("SELECT count(*) FROM documents")
