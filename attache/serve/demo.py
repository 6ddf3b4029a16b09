"""Build a store from the bundled example articles, through the same path as `attache ingest`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from attache.ingest.readers import iter_raw
from attache.resolve import ingest
from attache.store import open_store

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def example_paths(examples_dir: Path = EXAMPLES_DIR) -> list[str]:
    """The example articles (the folder's README is not one)."""
    return sorted(str(p) for p in examples_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


def build_demo_store(db_path: str | Path, examples_dir: Path = EXAMPLES_DIR, jobs: int = 1) -> dict:
    """Ingest every example article into the store at ``db_path``; returns counts by outcome."""
    counts: Counter = Counter()
    with open_store(db_path) as store:
        for stored in ingest(store, iter_raw(example_paths(examples_dir)), jobs):
            counts[stored.status] += 1
    return dict(counts)
