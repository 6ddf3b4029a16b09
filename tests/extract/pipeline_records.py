"""The extraction record of a short text through the whole pipeline (clean + extract), cached
per text: shared by the tests that read our own invented articles."""

from __future__ import annotations

from functools import cache

from attache.ingest.raw import RawDocument
from attache.pipeline import process


@cache
def record(text: str) -> dict:
    outcome = process(RawDocument(doc="x.txt", origin="x.txt", kind="text", content=text.encode()))
    assert outcome.ok, outcome.error
    return outcome.record


def events(text: str) -> list[dict]:
    return record(text)["events"]
