"""Options several command families share, defined once."""

from __future__ import annotations

import os
from pathlib import Path

import click

DEFAULT_DB = "attache.db"
DB_ENV = "ATTACHE_DB"


def default_db() -> str:
    """``$ATTACHE_DB``, else ``./attache.db``: the store every command uses unless ``--db`` says."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def db_option(help_text: str = "SQLite store."):
    """``--db PATH``, defaulting to ``default_db()`` (read when the command runs)."""
    return click.option("--db", "db_path", default=default_db, show_default=f"${DB_ENV} or ./{DEFAULT_DB}",
                        type=click.Path(dir_okay=False, path_type=Path), help=help_text)
