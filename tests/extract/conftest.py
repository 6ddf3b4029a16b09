"""Shared helpers for the real-world extraction tests: the annotated fixture articles
(tests/fixtures/articles/ + expected.jsonl) and the bundled examples (attache/examples/).

Each document goes through ``attache.pipeline.process`` once per test session.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from attache.ingest.raw import RawDocument
from attache.pipeline import process

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
EXPECTED = ARTICLES / "expected.jsonl"
EXAMPLES = ROOT / "attache" / "examples"


def load_expected() -> list[dict]:
    """The gold-style annotation of every fixture article, one dict per line."""
    with EXPECTED.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def raw_from_file(path: Path) -> RawDocument:
    kind = "html" if path.suffix.lower() in {".html", ".htm"} else "text"
    return RawDocument(doc=path.name, origin=str(path), kind=kind, content=path.read_bytes())


def raws_from_jsonl(path: Path) -> list[RawDocument]:
    raws = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            raws.append(RawDocument(doc=item["id"], origin=f"{path}:{number}", kind="text",
                                    text=item["text"], published=item.get("published"),
                                    url=item.get("url"), source=item.get("source")))
    return raws


def example_raws() -> list[RawDocument]:
    """Every bundled example document (files and JSONL lines), sorted by file name."""
    raws = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".jsonl":
            raws.extend(raws_from_jsonl(path))
        elif path.suffix in {".txt", ".html"}:
            raws.append(raw_from_file(path))
    return raws


@cache
def fixture_outcome(name: str):
    """The pipeline outcome for one fixture article, computed once per session."""
    return process(raw_from_file(ARTICLES / name))


@cache
def example_outcomes() -> dict:
    return {raw.doc: process(raw) for raw in example_raws()}


def pytest_generate_tests(metafunc):
    """Parametrize ``gold`` over expected.jsonl and ``example_doc`` over the bundled examples."""
    if "gold" in metafunc.fixturenames:
        golds = load_expected()
        metafunc.parametrize("gold", golds, ids=[g["doc"] for g in golds])
    if "example_doc" in metafunc.fixturenames:
        names = [raw.doc for raw in example_raws()]
        metafunc.parametrize("example_doc", names, ids=names)


@pytest.fixture
def outcome(gold):
    """The pipeline outcome for the fixture named by ``gold``."""
    return fixture_outcome(gold["doc"])


@pytest.fixture
def example_outcome(example_doc):
    """The pipeline outcome for the bundled example named by ``example_doc``."""
    return example_outcomes()[example_doc]


@pytest.fixture(scope="session")
def golds() -> list[dict]:
    return load_expected()


@pytest.fixture(scope="session")
def fixture_records(golds) -> dict:
    """Extraction record per fixture name ({} for a document that failed)."""
    records = {}
    for gold in golds:
        result = fixture_outcome(gold["doc"])
        records[gold["doc"]] = result.record if result.ok else {}
    return records


@pytest.fixture(scope="session")
def fixture_files() -> set[str]:
    return {p.name for p in ARTICLES.iterdir() if p.name != EXPECTED.name}
