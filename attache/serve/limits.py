"""A time limit on the reads of each page, and a lane that keeps slow pages out of the way.

A watchdog thread interrupts the reads of a page that has run past its time limit: the page
fails with ``QueryTimeout`` (HTTP 422), and its thread is free again.

Pages computed in the server's own threads take a compute slot first: at most
``view_threads`` compute at once, because more Python threads only contend for the GIL
(see ``app.VIEW_THREADS``). A page that still computes after ``SLOW_AFTER`` seconds gives its
slot to the next page and finishes beside it (a slow read waits on SQLite, not on the GIL),
so one slow page does not hold up the quick ones behind it. ``SLOW_LANES`` more threads than
slots let that many slow pages run at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from attache.errors import QueryTimeout

TIME_LIMIT = 5.0  # seconds a page's reads may take (`attache serve --time-limit`)
SLOW_AFTER = 0.25  # seconds after which a page gives its compute slot up
SLOW_LANES = 2  # threads beyond the compute slots, for pages that gave theirs up


class ComputeSlot:
    """One of ``slots``' places, taken on creation and given back once (by whoever first calls
    ``give_back``: the page when it ends, or the watchdog when the page turns slow)."""

    def __init__(self, slots: threading.Semaphore):
        self._slots = slots
        self._lock = threading.Lock()
        self._held = True
        slots.acquire()

    def give_back(self) -> None:
        with self._lock:
            held, self._held = self._held, False
        if held:
            self._slots.release()


class _Watched:
    __slots__ = ("store", "limit", "deadline", "slow_at", "on_slow")

    def __init__(self, store, limit: float, on_slow: Callable[[], None] | None, now: float):
        self.store, self.limit, self.on_slow = store, limit, on_slow
        self.deadline, self.slow_at = now + limit, now + SLOW_AFTER


class Watchdog:
    """One thread per process that stops the reads of pages past their time limit and tells
    pages that turned slow (``watch``). It sleeps while no page is watched. With ``thread``
    false no thread runs, and whoever holds the watchdog calls ``check`` (tests)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, thread: bool = True):
        self.clock, self.thread = clock, thread
        self._watched: dict[int, _Watched] = {}
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, store, limit: float = TIME_LIMIT, on_slow: Callable[[], None] | None = None) -> Iterator[None]:
        """Run the block's reads on ``store`` under ``limit`` seconds (QueryTimeout past it);
        ``on_slow()`` is called once if the block runs longer than ``SLOW_AFTER``."""
        key = id(store)
        with self._changed:
            self._watched[key] = _Watched(store, limit, on_slow, self.clock())
            self._start()
            self._changed.notify()
        try:
            with store.interruptible():
                yield
        except QueryTimeout:
            raise QueryTimeout(f"this page took longer than {limit:g} s to compute and was stopped; "
                               "ask a narrower question (more filters, fewer or longer search words)") from None
        finally:
            with self._changed:
                del self._watched[key]

    def _start(self) -> None:
        if self.thread and (self._thread is None or not self._thread.is_alive()):
            self._thread = threading.Thread(target=self._run, name="attache-watchdog", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        with self._changed:
            while True:
                self._changed.wait(self.check(self.clock()))

    def check(self, now: float) -> float | None:
        """Interrupt the reads of watched pages past their limit (again at each check: a page
        between two reads is stopped at its next), tell slow pages; return the seconds until
        the next check is due (None: nothing is watched). Called with the lock held."""
        due = []
        for watched in self._watched.values():
            if watched.on_slow is not None:
                if now >= watched.slow_at:
                    watched.on_slow()
                    watched.on_slow = None
                else:
                    due.append(watched.slow_at)
            if now >= watched.deadline:
                watched.store.interrupt()
                due.append(now + SLOW_AFTER)
            else:
                due.append(watched.deadline)
        return max(0.0, min(due) - now) if due else None
