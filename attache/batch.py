"""Map the per-document pipeline over many inputs: in order, streaming, on every core.

``run_batch(items, jobs)`` yields one ``Outcome`` per input, in input order, while it is
still reading the input: at most a small window of documents is held at any time, so memory
stays flat whatever the batch size.

With ``jobs > 1`` the documents go to worker processes (forkserver where the platform has
it, spawn otherwise), started with the first document; each loads the extractor once, on a
warm-up document. Each worker holds at most ``PREFETCH`` documents and reads them in order,
so the batch knows which input every worker is reading: a worker that dies (a crash in a
native library, the OOM killer) or runs past ``timeout`` seconds on one document is
replaced, that input ends as an error outcome, the documents queued behind it go to the
other workers, and the batch goes on. With ``jobs=1`` the documents are read in this
process, under an alarm (``_time_limit``, in the main thread where signals are delivered):
past ``timeout`` seconds a document is stopped at its next Python step (a long C call, such
as one regular-expression match, runs to its end first: the patterns of clean/ read bounded
pieces for that reason) and ends as an error outcome.

Every item first passes ``attache.ingest.guard.guard`` (size, valid Unicode, names kept to
one line), whoever read it. The parent process never blocks on a worker: documents go to each
worker through a thread of its own (``_Sender``), so that a worker stuck in one document
(a long C call that holds its interpreter lock, so that it reads nothing more) cannot stop
the parent from seeing the time limit pass and replacing it. Workers start from an
interpreter that imports what this process imports, wherever it was started from
(``_worker_environment``).

Outcomes cross the process boundary as plain tuples: ``InputError`` does not pickle (its
``__init__`` takes two arguments but the exception keeps one message in ``args``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait

from attache.errors import AttacheError, InputError
from attache.ingest.guard import guard
from attache.ingest.raw import RawDocument
from attache.pipeline import Outcome, process

DEFAULT_TIMEOUT = 60.0  # seconds one worker may spend on one document
WINDOW_PER_JOB = 4  # documents read ahead of the output, per worker
PREFETCH = 2  # documents given to a worker at once, so it never waits for the parent
# Written to reach every lazily loaded part of the extractor (dates, places, people: spaCy).
WARMUP_TEXT = (
    "ASHGABAT, 3 March 2025. Political consultations between the Ministries of Foreign "
    "Affairs of Turkmenistan and Japan were held in Tokyo. Deputy Minister of Foreign Affairs "
    "Aman Berdiyev met with Kenji Sato, Director-General of the European Affairs Bureau, and "
    "the sides signed a Memorandum on trade worth 5 million US dollars. Nurlan Tokayev "
    "welcomed the guests at Oguz Han Hall."
)


def run_batch(
    items: Iterable[RawDocument | InputError],
    jobs: int | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    task: Callable[[RawDocument], Outcome] = process,
) -> Iterator[Outcome]:
    """Yield one Outcome per input, in input order; reader errors pass through as outcomes.

    ``jobs`` defaults to the number of cores; ``jobs=1`` runs in this process. ``task`` is
    the per-document function (a module-level function, so that workers can import it); each
    worker runs it once on a short warm-up document before taking inputs. A document that
    takes longer than ``timeout`` seconds is stopped and ends as an error outcome.
    """
    jobs = jobs or os.cpu_count() or 1
    guarded = (guard(item) for item in items)
    if jobs <= 1:
        for item in guarded:
            yield _outcome_of(item, task, timeout)
        return
    pool = _WorkerPool(jobs, timeout, task)
    try:
        yield from pool.map(guarded)
    finally:
        pool.close()


def _outcome_of(item: RawDocument | InputError, task, timeout: float) -> Outcome:
    if isinstance(item, InputError):
        return Outcome(item.origin, error=item)
    try:
        with _time_limit(timeout):
            return _run_guarded(task, item)
    except _TimeLimitReached:
        return Outcome(item.origin, error=InputError(item.origin, _too_long(timeout)))


def _too_long(timeout: float) -> str:
    return f"took longer than {timeout:g} s to read; stopped"


class _TimeLimitReached(BaseException):
    """Raised by the alarm into a document read in this process; a BaseException, so that no
    ``except Exception`` of the code reading it swallows it."""


def _raise_time_limit(_signal, _frame) -> None:
    raise _TimeLimitReached


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``_TimeLimitReached`` in this thread after ``seconds``, where an alarm can be
    set: in the main thread, when no one else uses SIGALRM (elsewhere the code runs unlimited)."""
    if not _alarm_is_free():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_time_limit)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _alarm_is_free() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _run_guarded(task, raw: RawDocument) -> Outcome:
    """``task`` with a last guard: a bug on one document is that input's error, not the batch's."""
    try:
        return task(raw)
    except Exception as e:  # noqa: BLE001 - one document's bug must not end the batch
        return Outcome(raw.origin, error=InputError(raw.origin, f"internal error ({type(e).__name__}: {e})"))


# --- the wire format between parent and workers -------------------------------------------


def _to_wire(outcome: Outcome) -> tuple:
    error = (outcome.error.origin, outcome.error.reason) if outcome.error else None
    return (outcome.origin, outcome.article, outcome.record, error)


def _from_wire(wire: tuple) -> Outcome:
    origin, article, record, error = wire
    return Outcome(origin, article, record, InputError(*error) if error else None)


# --- worker side ----------------------------------------------------------------------------


def _worker_main(conn, task) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:  # load what the extractor loads lazily (spaCy model, vocabularies) once
        task(RawDocument(doc="warmup", origin="<warmup>", text=WARMUP_TEXT))
    except Exception:  # noqa: BLE001 - reported to the parent, which stops the batch
        conn.send(("failed", traceback.format_exc()))
        return
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    # A thread keeps reading documents while this one works and sends results, so that the
    # parent never blocks sending a document to a worker that is itself blocked sending.
    threading.Thread(target=_read_tasks, args=(conn, inbox), daemon=True).start()
    conn.send(("ready", None))
    while (message := inbox.get()) is not None:
        seq, raw = message
        conn.send((seq, _to_wire(_run_guarded(task, raw))))


def _read_tasks(conn, inbox: queue.SimpleQueue) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        inbox.put(message)
        if message is None:
            return


# --- parent side ----------------------------------------------------------------------------


def _context():
    """forkserver where there is one: it imports the pipeline once, and every worker (and every
    replacement for a dead one) starts as a fork of it; spawn elsewhere."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["attache.pipeline"])
    with _environment(_worker_environment()):
        multiprocessing.forkserver.ensure_running()
    return ctx


def _worker_environment() -> dict[str, str]:
    """Variables for the interpreter the forkserver runs in, so that it imports what this
    process imports, wherever it was started from.

    It is started as ``python -c``, which puts the current directory first on its path,
    and Python 3.11 does not give it this process's path as later versions do. Run from the
    folder that holds a checkout named ``attache``, the workers then imported that folder as
    an empty namespace package ("cannot import name '__version__' from 'attache' (unknown
    location)"). ``PYTHONSAFEPATH`` keeps the current directory off its path; ``PYTHONPATH``
    gives it this process's path, in order (the current directory only where this process
    has it too).
    """
    path = [entry or os.getcwd() for entry in sys.path]
    return {"PYTHONSAFEPATH": "1", "PYTHONPATH": os.pathsep.join(path)}


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Sender:
    """Sends documents to one worker from a thread of its own, so the parent never waits on a
    full pipe; it stops at ``close()`` or when the worker is gone (the pipe breaks)."""

    def __init__(self, conn):
        self.conn = conn
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def send(self, message) -> None:
        self.outbox.put(message)

    def close(self, wait_seconds: float = 5.0) -> None:
        self.outbox.put(None)
        self.thread.join(wait_seconds)

    def _run(self) -> None:
        while (message := self.outbox.get()) is not None:
            try:
                self.conn.send(message)
            except (OSError, ValueError):  # the worker died or was stopped: nothing more to send
                return


class _Worker:
    """One worker process and the documents given to it, oldest (the one it reads) first."""

    def __init__(self, ctx, task):
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child_conn, task), daemon=True)
        self.process.start()
        child_conn.close()
        self.sender = _Sender(self.conn)
        self.ready = False
        self.tasks: deque[tuple[int, RawDocument]] = deque()
        self.started = 0.0  # when the oldest task began (as far as the parent can tell)

    def give(self, seq: int, raw: RawDocument) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((seq, raw))
        self.sender.send((seq, raw))

    def finished(self) -> None:
        self.tasks.popleft()
        self.started = time.monotonic()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.sender.close()  # a send in progress ends with the broken pipe
        self.conn.close()


class _WorkerPool:
    def __init__(self, jobs: int, timeout: float, task):
        self.jobs = jobs
        self.timeout = timeout
        self.task = task
        self.window = jobs * WINDOW_PER_JOB
        self.ctx = None
        self.workers: list[_Worker] = []  # started with the first document (none if all are errors)
        self.queued: deque[tuple[int, RawDocument]] = deque()  # read, not yet given to a worker

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def map(self, items: Iterable[RawDocument | InputError]) -> Iterator[Outcome]:
        source = iter(items)
        exhausted = False
        done: dict[int, Outcome] = {}  # finished, waiting for their turn in the output
        read = 0  # documents read from ``items``
        emitted = 0  # outcomes yielded
        while True:
            while not exhausted and read - emitted < self.window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, InputError):
                    done[read] = Outcome(item.origin, error=item)
                else:
                    self.queued.append((read, item))
                read += 1
            self._dispatch()
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1
            if exhausted and emitted == read:
                return
            if not exhausted and read - emitted < self.window:
                continue
            self._collect(done)

    def _dispatch(self) -> None:
        if self.queued and not self.workers:
            self.ctx = self.ctx or _context()
            self.workers = [_Worker(self.ctx, self.task) for _ in range(self.jobs)]
        for depth in range(PREFETCH):
            for worker in self.workers:
                if self.queued and worker.ready and len(worker.tasks) <= depth:
                    worker.give(*self.queued.popleft())

    def _collect(self, done: dict[int, Outcome]) -> None:
        """Wait for results, a dead worker or a timeout, and record what happened."""
        deadline = min((w.started + self.timeout for w in self.workers if w.tasks), default=None)
        wait_for = None if deadline is None else max(0.0, deadline - time.monotonic())
        handles = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(wait(handles, wait_for))
        for index, worker in enumerate(self.workers):
            if worker.conn in ready:
                self._receive(index, done)
            elif worker.process.sentinel in ready:
                self._replace(index, done, None)
            elif worker.tasks and time.monotonic() - worker.started >= self.timeout:
                self._replace(index, done, _too_long(self.timeout))

    def _receive(self, index: int, done: dict[int, Outcome]) -> None:
        """Every message worker ``index`` has sent so far (results, or that it is ready)."""
        worker = self.workers[index]
        while True:
            try:
                if not worker.conn.poll():
                    return
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(index, done, None)
                return
            if kind == "ready":
                worker.ready = True
            elif kind == "failed":
                raise AttacheError(f"a batch worker could not start the extractor:\n{payload}")
            else:
                done[kind] = _from_wire(payload)
                worker.finished()

    def _replace(self, index: int, done: dict[int, Outcome], reason: str | None) -> None:
        """Stop worker ``index`` and start another; its oldest document ends with ``reason``
        (None: the worker died by itself), the documents queued behind it go to the others."""
        worker = self.workers[index]
        if reason is None:
            worker.process.join(5)
            reason = f"the worker process died while reading it (exit code {worker.process.exitcode})"
        if not worker.ready:
            raise AttacheError(f"a batch worker died while starting: {reason}")
        if worker.tasks:
            seq, raw = worker.tasks.popleft()
            done[seq] = Outcome(raw.origin, error=InputError(raw.origin, reason))
            self.queued.extendleft(reversed(worker.tasks))
        worker.stop()
        self.workers[index] = _Worker(self.ctx, self.task)
