"""Pages computed by a pool of processes behind one HTTP process (``attache serve --workers N``).

Computing a page is Python (one core per process). With N server processes each owning the
connections it happened to accept, clients that keep their connections open stay unevenly
spread (13 and 7 of 20 were seen), and the busier process sets the latency. Here one process
speaks HTTP and N processes compute pages, taking requests from one queue: whichever is free
takes the next. A page process gets the parts of the request a view reads (path, query,
headers, path parameters) and sends back the status, body and media type; errors become the
same error pages and JSON as in the server process.

Each page process has a pipe to the HTTP process, which waits for answers on its event loop
(no threads: ``concurrent.futures.ProcessPoolExecutor`` would add a feeder and a result
thread contending for the HTTP process's interpreter lock on every request).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os

from starlette.exceptions import HTTPException
from starlette.requests import Request

from attache.errors import AttacheError, NotFound

logger = logging.getLogger(__name__)

# what a view and the renderer read of an HTTP request (the ASGI scope minus the app)
SCOPE_KEYS = ("type", "http_version", "method", "scheme", "server", "root_path", "path", "raw_path",
              "query_string", "headers", "path_params")
READY = "ready"

_app = None  # in a page process: the app whose store handles and templates the views use


class PagePool:
    """``processes`` page processes over the store at ``db_path``, each started now as a fresh
    interpreter (the HTTP process runs threads and an event loop, which a fork would copy)
    and serving one request at a time over its pipe."""

    def __init__(self, db_path, processes: int):
        self.db_path = str(db_path)
        self._context = multiprocessing.get_context("spawn")
        self._workers = [self._spawn() for _ in range(processes)]
        self._idle: asyncio.Queue | None = None

    def _spawn(self) -> tuple:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self.db_path), daemon=True,
                                        name="attache-page")
        process.start()
        theirs.close()
        if ours.recv() != READY:
            raise AttacheError("a page process did not start")
        return process, ours

    def pids(self) -> list[int]:
        return [process.pid for process, _ in self._workers]

    async def page(self, view_name: str, template: str, scope: dict) -> tuple[int, bytes, str]:
        """The page from the next free page process; a process that died is replaced (the
        request that met it answers 500)."""
        if self._idle is None:  # made on the event loop that uses it
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        worker = await self._idle.get()
        process, pipe = worker
        try:
            pipe.send((view_name, template, scope))
            return await self._answer(pipe)
        except (EOFError, OSError):
            logger.error("page process %s died; starting another", process.pid)
            pipe.close()
            process.join(timeout=1)
            worker = self._spawn()
            self._workers = [worker if w[0] is process else w for w in self._workers]
            raise AttacheError("the page could not be computed (its process died); try again") from None
        finally:
            self._idle.put_nowait(worker)

    @staticmethod
    async def _answer(pipe):
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        loop.add_reader(pipe.fileno(), lambda: readable.done() or readable.set_result(None))
        try:
            await readable
        finally:
            loop.remove_reader(pipe.fileno())
        # the answer has begun to arrive; uvloop leaves the descriptor non-blocking, and an
        # answer larger than the pipe's buffer is read whole only in blocking mode
        os.set_blocking(pipe.fileno(), True)
        return pipe.recv()

    def close(self) -> None:
        for process, pipe in self._workers:
            pipe.close()  # the process reads end-of-file and returns
        for process, _ in self._workers:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()


def _serve(pipe, db_path: str) -> None:
    """A page process: answer requests from ``pipe`` until it closes."""
    global _app
    from attache.serve.app import create_app, settle

    _app = create_app(db_path, cache_entries=0)
    settle(_app)
    pipe.send(READY)
    while True:
        try:
            request = pipe.recv()
        except (EOFError, OSError):
            return
        pipe.send(compute(*request))


def compute(view_name: str, template: str, scope: dict) -> tuple[int, bytes, str]:
    """In a page process: the page (or error page) for ``scope`` as (status, body, media type)."""
    from attache.serve import pages
    from attache.serve.respond import error_response, render_page

    request = Request({**scope, "app": _app})
    try:
        response = render_page(request, template, getattr(pages, view_name)(request, _app.state.stores.get()))
    except HTTPException as e:
        response = error_response(request, e.status_code, str(e.detail))
    except NotFound as e:
        response = error_response(request, 404, str(e) or "not found")
    except AttacheError as e:
        logger.error("%s %s: %s", request.method, request.url.path, e)
        response = error_response(request, 500, str(e))
    except Exception:  # noqa: BLE001 - any bug becomes one logged 500, the process stays usable
        logger.exception("%s %s failed", request.method, request.url.path)
        response = error_response(request, 500, "internal server error")
    return response.status_code, response.body, response.media_type


async def page(app, view_name: str, template: str, request: Request) -> tuple[int, bytes, str]:
    """Have the page processes of ``app`` compute a page."""
    scope = {key: request.scope[key] for key in SCOPE_KEYS if key in request.scope}
    return await app.state.pool.page(view_name, template, scope)

