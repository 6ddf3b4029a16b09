"""run_batch: order, streaming, reader errors, crashes and timeouts become error outcomes."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from attache.batch import run_batch
from attache.clean.article import Article, Span
from attache.errors import InputError
from attache.ingest.raw import RawDocument

from .faulty_tasks import echo, hold_lock_or_echo, misbehave, quick, report_pid


def _doc(i: int, text: str | None = None) -> RawDocument:
    return RawDocument(doc=f"d{i}", origin=f"in/{i}.txt", text=text if text is not None else f"Talks were held {i}.")


def test_outcome_parts_pickle_except_input_error():
    article = Article(doc="d", origin="o", text="t", body=(Span(0, 1),))
    assert pickle.loads(pickle.dumps(article)) == article
    assert pickle.loads(pickle.dumps(_doc(1))) == _doc(1)
    # InputError keeps one message in args but __init__ wants two: it cannot cross a process
    # boundary, which is why the batch sends (origin, reason) instead.
    with pytest.raises(TypeError):
        pickle.loads(pickle.dumps(InputError("a.txt", "empty")))


@pytest.mark.parametrize("jobs", [1, 2])
def test_outcomes_in_input_order_with_reader_errors_passed_through(jobs):
    items = [InputError(f"bad{i}", "unreadable") if i % 5 == 2 else _doc(i) for i in range(40)]
    outcomes = list(run_batch(iter(items), jobs=jobs, task=quick))
    assert [o.origin for o in outcomes] == [i.origin for i in items]
    for item, outcome in zip(items, outcomes):
        if isinstance(item, InputError):
            assert not outcome.ok and outcome.error.reason == "unreadable"
        else:
            assert outcome.ok and outcome.record is not None


def test_workers_share_the_work():
    outcomes = list(run_batch((_doc(i) for i in range(60)), jobs=2, task=report_pid))
    assert len({o.record["pid"] for o in outcomes}) == 2
    assert all(o.record["pid"] != os.getpid() for o in outcomes)


def test_streams_without_reading_the_whole_input():
    read = []

    def endless():
        i = 0
        while True:
            read.append(i)
            yield _doc(i)
            i += 1

    batch = run_batch(endless(), jobs=2, task=report_pid)
    first = [next(batch) for _ in range(5)]
    batch.close()
    assert [o.origin for o in first] == [f"in/{i}.txt" for i in range(5)]
    assert len(read) < 5 + 2 * 8  # a window ahead of the output, not the input


def test_bug_in_one_document_is_that_documents_error():
    items = [_doc(0), _doc(1, "raise"), _doc(2)]
    for jobs in (1, 2):
        outcomes = list(run_batch(items, jobs=jobs, task=misbehave))
        assert [o.ok for o in outcomes] == [True, False, True]
        assert "ValueError" in outcomes[1].error.reason


@pytest.mark.slow
def test_worker_crash_is_an_error_outcome_and_the_batch_goes_on():
    items = [_doc(i) for i in range(6)] + [_doc(6, "crash")] + [_doc(i) for i in range(7, 14)]
    outcomes = list(run_batch(items, jobs=2, task=misbehave))
    assert [o.origin for o in outcomes] == [d.origin for d in items]
    failed = [o for o in outcomes if not o.ok]
    assert [o.origin for o in failed] == ["in/6.txt"]
    assert "died" in failed[0].error.reason and "exit code 3" in failed[0].error.reason


@pytest.mark.slow
def test_document_past_the_timeout_is_stopped():
    items = [_doc(0), _doc(1, "hang"), _doc(2), _doc(3)]
    started = time.monotonic()
    outcomes = list(run_batch(items, jobs=2, timeout=5, task=misbehave))
    assert time.monotonic() - started < 60
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "longer than 5 s" in outcomes[1].error.reason


def test_document_past_the_timeout_is_stopped_in_this_process_too():
    items = [_doc(0), _doc(1, "hang briefly"), _doc(2, "hang catching"), _doc(3)]
    outcomes = list(run_batch(items, jobs=1, timeout=1, task=misbehave))
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert outcomes[1].error.reason == outcomes[2].error.reason == "took longer than 1 s to read; stopped"


@pytest.mark.slow
def test_workers_warm_up_with_the_real_extractor():
    outcomes = list(run_batch([_doc(0), _doc(1, "")], jobs=2))
    assert [o.ok for o in outcomes] == [True, False]


def test_no_worker_starts_when_every_input_is_an_error():
    started = time.monotonic()
    outcomes = list(run_batch((InputError(f"x{i}", "unreadable") for i in range(100)), jobs=2))
    assert len(outcomes) == 100 and not any(o.ok for o in outcomes)
    assert time.monotonic() - started < 0.5


def test_large_documents_and_results_both_ways_do_not_deadlock():
    big = [_doc(i, f"{i} " + "x" * 2_000_000) for i in range(12)]
    outcomes = list(run_batch(iter(big), jobs=2, task=echo, timeout=60))
    assert [o.record["text"][:3] for o in outcomes] == [d.text[:3] for d in big]


@pytest.mark.slow
def test_a_worker_holding_its_interpreter_lock_is_stopped_though_a_large_document_waits_for_it():
    # The first worker takes "hold-lock", then a large document it cannot read while it holds
    # its lock: the parent must not wait on that pipe, but stop the worker at the time limit.
    large = "Talks were held. " * 500_000
    items = [_doc(0, "hold-lock"), _doc(1, large), _doc(2, large), _doc(3)]
    outcomes = list(run_batch(items, jobs=2, timeout=3, task=hold_lock_or_echo))
    assert [o.origin for o in outcomes] == [d.origin for d in items]
    assert [o.ok for o in outcomes] == [False, True, True, True]
    assert "longer than 3 s" in outcomes[0].error.reason
    assert [len(o.record["text"]) for o in outcomes[1:]] == [len(large), len(large), len(items[3].text)]


def test_every_item_passes_the_guard_whoever_read_it():
    items = [_doc(0, "Talks were held \ud800 in Ashgabat."), RawDocument(doc="d1", origin="in/new\nline.txt",
                                                                          text="Talks were held.")]
    for jobs in (1, 2):
        outcomes = list(run_batch(items, jobs=jobs, task=echo))
        assert not outcomes[0].ok and "lone surrogate (U+D800)" in outcomes[0].error.reason
        assert outcomes[1].ok and outcomes[1].origin == "in/new\\nline.txt"
