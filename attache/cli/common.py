"""What several command families share, defined once: the ``--db`` option, and error lines
that stay one line whatever the names and texts in them hold."""

from __future__ import annotations

import os
from pathlib import Path

import click

from attache.display import one_line
from attache.errors import AttacheError

DEFAULT_DB = "attache.db"
DB_ENV = "ATTACHE_DB"


def default_db() -> str:
    """``$ATTACHE_DB``, else ``./attache.db``: the store every command uses unless ``--db`` says."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def db_option(help_text: str = "SQLite store."):
    """``--db PATH``, defaulting to ``default_db()`` (read when the command runs)."""
    return click.option("--db", "db_path", default=default_db, show_default=f"${DB_ENV} or ./{DEFAULT_DB}",
                        type=click.Path(dir_okay=False, path_type=Path), help=help_text)


class Failure(click.ClickException):
    """An error the command reports as one line on stderr (``Error: ...``, exit status 1)."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


class BadInput(click.BadParameter):
    """A value the user gave that no answer can have (exit status 2), as one line."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


def open_read(db_path: Path):
    """The store at ``db_path`` opened read-only; Failure if there is none."""
    from attache.store import open_store

    if not db_path.exists():
        raise Failure(f"{db_path}: no such database; create it with `attache ingest PATHS --db {db_path}`")
    return open_store(db_path, read_only=True)


def run_query(db_path: Path, func, *args, **kwargs):
    """``func(store, *args, **kwargs)`` on the store at ``db_path`` read-only; a value no answer
    can have is a usage error (exit status 2), any other error of attache's one line (exit 1)."""
    try:
        with open_read(db_path) as store:
            return func(store, *args, **kwargs)
    except ValueError as e:  # BadValue
        raise BadInput(str(e)) from e
    except AttacheError as e:
        raise Failure(str(e)) from e


def error_line(origin: str, reason: str) -> str:
    """``origin: reason`` for stderr, on one line whatever the file name or reason holds."""
    return one_line(f"{origin}: {reason}")
