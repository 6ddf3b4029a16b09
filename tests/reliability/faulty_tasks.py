"""Per-document tasks that misbehave on purpose, for the batch's fault tests.

They live in a module (not in a test) so that worker processes can import them by name.
A document's text says what to do: "crash" kills the worker, "hang" sleeps, "raise" raises
a bug-like exception; anything else is processed normally. The workers warm up on a text
without names, so that these tests do not wait for spaCy to load.
"""

from __future__ import annotations

import ctypes
import os
import time

from attache.ingest.raw import RawDocument
from attache.pipeline import Outcome, process


def quick(raw) -> Outcome:
    """``process``; the warm-up is a short text that does not need spaCy."""
    if raw.origin == "<warmup>":
        return process(RawDocument(doc="w", origin="<warmup>", text="Talks were held in Ashgabat on 3 March 2025."))
    return process(raw)


def misbehave(raw) -> Outcome:
    if raw.text == "crash":
        os._exit(3)
    if raw.text == "hang":
        time.sleep(600)
    if raw.text == "hang briefly":  # long enough to pass a test's time limit, short enough to end
        time.sleep(20)
    if raw.text == "hang catching":  # code that catches every Exception must not hide the limit
        try:
            time.sleep(20)
        except Exception:  # noqa: BLE001 - on purpose
            return Outcome(raw.origin, record={"caught": True})
    if raw.text == "raise":
        raise ValueError("a bug in the extractor")
    return quick(raw)


def report_pid(raw) -> Outcome:
    """An outcome whose record names the worker process that made it (after a short sleep,
    so that one worker cannot take the whole batch before the other has started)."""
    time.sleep(0.05)
    return Outcome(raw.origin, record={"pid": os.getpid(), "doc": raw.doc})


def echo(raw) -> Outcome:
    """An outcome as large as the document (to fill the pipes both ways)."""
    return Outcome(raw.origin, record={"text": raw.text})


LOCK_SECONDS = 20


def hold_lock_or_echo(raw) -> Outcome:
    """``echo``; but a document reading "hold-lock" keeps the worker's interpreter lock for
    ``LOCK_SECONDS`` (a C call that does not release it, as a long regular-expression match
    does): meanwhile the worker's own thread cannot take in what the parent sends it."""
    if raw.text == "hold-lock":
        ctypes.PyDLL(None).sleep(LOCK_SECONDS)
    return echo(raw)
