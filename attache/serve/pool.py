"""Pages computed by a pool of processes behind one HTTP process (``attache serve --workers N``).

Computing a page is Python (one core per process). With N server processes each owning the
connections it happened to accept, clients that keep their connections open stay unevenly
spread (13 and 7 of 20 were seen), and the busier process sets the latency. Here one process
speaks HTTP and N processes compute pages, taking requests from one queue: whichever is free
takes the next. A page process gets the parts of the request a view reads (path, query,
headers, path parameters) and sends back the status, body and media type; errors become the
same error pages and JSON as in the server process.

Each page process sits behind a pipe that the HTTP process's event loop watches; requests
wait in a queue in the event loop. No thread is involved: a ``ProcessPoolExecutor`` hands
every call through two threads of its own, and their wake-ups and lock hand-offs cost the
HTTP process about as much as the rest of a request.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from collections import deque
from multiprocessing.connection import Connection

from starlette.requests import Request

from attache.errors import AttacheError
from attache.serve.limits import TIME_LIMIT

logger = logging.getLogger(__name__)

# what a view and the renderer read of an HTTP request (the ASGI scope minus the app)
SCOPE_KEYS = ("type", "http_version", "method", "scheme", "server", "root_path", "path", "raw_path",
              "query_string", "headers", "path_params")
STOP_SECONDS = 5.0

_app = None  # in a page process: the app whose store handles and templates the views use


class PagePool:
    """``size`` page processes over the store at ``db_path``; ``await call(fn, *args)`` runs
    ``fn(*args)`` in a page process (``fn`` and its arguments are pickled). Made and used
    inside the event loop that serves requests.

    A call goes to a process with nothing to do, else one request is queued behind the one a
    process computes (``DEPTH`` 2), else it waits here. The request queued ahead spares a
    process the round trip between two requests, in which it would sleep and lose its CPU
    caches to the HTTP process (search pages: 20% more CPU per page without it).
    """

    DEPTH = 2

    def __init__(self, db_path, size: int, time_limit: float = TIME_LIMIT):
        self.db_path, self.size, self.time_limit = str(db_path), size, time_limit
        self.context = multiprocessing.get_context("spawn")  # fresh interpreters: no copied threads
        self.loop = asyncio.get_running_loop()
        self.waiting: deque[tuple[tuple, asyncio.Future]] = deque()
        self.workers: list[_Worker] = []
        self.stopped: list[_Worker] = []  # taken out of service; close() joins them
        self.closed = False

    async def start(self) -> PagePool:
        """Start the processes; return once each has loaded the store and templates."""
        started = [self._spawn() for _ in range(self.size)]
        await asyncio.gather(*(worker.ready for worker in started))
        return self

    async def call(self, fn, *args):
        if self.closed:
            raise AttacheError("the server is stopping")
        if not self.workers:
            raise AttacheError("no page process is running (one could not start; see the server's log)")
        future = self.loop.create_future()
        self.waiting.append(((fn, args), future))
        self._dispatch()
        return await future

    def close(self) -> None:
        """Stop every process (requests waiting or in progress fail)."""
        self.closed = True
        stopping = AttacheError("the server is stopping")
        _fail([future for _, future in self.waiting], stopping)
        self.waiting.clear()
        for worker in list(self.workers):
            self._retire(worker)
            _fail(worker.pending, stopping)
        for worker in self.stopped:  # each sees the end of its pipe and returns
            worker.process.join(STOP_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()

    @property
    def pids(self) -> list[int]:
        return [worker.process.pid for worker in self.workers]

    def _spawn(self) -> _Worker:
        here, there = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(there, self.db_path, self.time_limit), daemon=True,
                                       name="attache-page")
        process.start()
        there.close()
        worker = _Worker(process, here, self.loop.create_future())
        try:
            self.loop.add_reader(here.fileno(), self._answered, worker)
        except NotImplementedError:  # Windows' proactor loop watches no pipes
            process.kill()
            process.join()
            raise AttacheError("page processes need an event loop that watches pipes (Linux, macOS);"
                               " use --workers 1") from None
        self.workers.append(worker)
        # uvloop makes a watched descriptor non-blocking; messages are read and written whole
        # (a page process writes its answer at once, so a read waits at most for the rest)
        os.set_blocking(here.fileno(), True)
        return worker

    def _dispatch(self) -> None:
        while self.waiting:
            ready = [w for w in self.workers if w.ready.done() and len(w.pending) < self.DEPTH]
            if not ready:
                return
            worker = min(ready, key=lambda w: len(w.pending))
            message, future = self.waiting.popleft()
            if future.done():  # the client went away while it waited
                continue
            worker.pending.append(future)
            try:
                worker.conn.send(message)
            except (OSError, ValueError) as e:  # its pipe broke: it died
                self._died(worker, f"could not be reached ({e})")

    def _answered(self, worker: _Worker) -> None:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            self._died(worker, f"exit code {worker.process.exitcode}")
            return
        if kind == "ready":
            worker.ready.set_result(True)
        else:
            future = worker.pending.popleft()
            if not future.done():  # else its client went away
                future.set_result(value) if kind == "ok" else future.set_exception(value)
        self._dispatch()

    def _died(self, worker: _Worker, reason: str) -> None:
        """A page process died: the requests it held fail, a new process takes its place."""
        self._retire(worker)
        _fail(worker.pending, AttacheError("the page could not be computed (its process died); try again"))
        if not worker.ready.done():
            error = AttacheError(f"a page process died while starting: {reason}")
            worker.ready.set_exception(error)
            worker.ready.exception()  # start() raises it; a replacement's is logged here
            logger.error("%s", error)
            if not self.workers:  # nothing is left to answer the requests that wait
                _fail([future for _, future in self.waiting], error)
                self.waiting.clear()
            return  # a process that cannot start is not started again and again
        logger.error("a page process died (%s); starting another", reason)
        if not self.closed:
            self._spawn()

    def _retire(self, worker: _Worker) -> None:
        self.loop.remove_reader(worker.conn.fileno())
        worker.conn.close()
        self.workers.remove(worker)
        self.stopped.append(worker)


class _Worker:
    __slots__ = ("process", "conn", "ready", "pending")

    def __init__(self, process, conn: Connection, ready: asyncio.Future):
        self.process, self.conn, self.ready = process, conn, ready
        self.pending: deque[asyncio.Future] = deque()  # sent, in the order answers come


def _fail(futures, error: Exception) -> None:
    for future in futures:
        if not future.done():
            future.set_exception(error)


def _serve(conn: Connection, db_path: str, time_limit: float = TIME_LIMIT) -> None:
    """A page process: load the app once, then answer one call at a time until the pipe closes
    (Ctrl+C in a terminal reaches every process of the group: the HTTP process handles it and
    closes the pipes)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _open(db_path, time_limit)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = ("ok", fn(*args))
        except Exception as e:  # noqa: BLE001 - sent back to the caller, which raises it
            answer = ("error", e)
        conn.send(answer)


def _open(db_path: str, time_limit: float) -> None:
    global _app
    from attache.serve.app import create_app, settle

    _app = create_app(db_path, cache_entries=0, time_limit=time_limit)
    settle(_app)


def compute(view_name: str, template: str, scope: dict) -> tuple[int, bytes, str]:
    """In a page process: the page (or error page) for ``scope`` as (status, body, media type)."""
    from attache.serve import pages
    from attache.serve.respond import error_for, render_page

    request = Request({**scope, "app": _app})
    state = _app.state
    try:
        store = state.stores.get()
        with state.watchdog.watch(store, state.time_limit):
            context = getattr(pages, view_name)(request, store)
        response = render_page(request, template, context)
    except Exception as e:  # noqa: BLE001 - errors answer as the server process's handlers do
        response = error_for(request, e)
    return response.status_code, response.body, response.media_type


async def page(app, view_name: str, template: str, request: Request) -> tuple[int, bytes, str]:
    """Have the pool of ``app`` compute a page (a request whose process died answers 500)."""
    scope = {key: request.scope[key] for key in SCOPE_KEYS if key in request.scope}
    return await app.state.pool.call(compute, view_name, template, scope)
