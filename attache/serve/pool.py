"""Pages computed by a pool of processes behind one HTTP process (``attache serve --workers N``).

Computing a page is Python (one core per process). With N server processes each owning the
connections it happened to accept, clients that keep their connections open stay unevenly
spread (13 and 7 of 20 were seen), and the busier process sets the latency. Here one process
speaks HTTP and N processes compute pages, taking requests from one queue: whichever is free
takes the next. A page process gets the parts of the request a view reads (path, query,
headers, path parameters) and sends back the status, body and media type; errors become the
same error pages and JSON as in the server process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from starlette.requests import Request

from attache.errors import AttacheError

logger = logging.getLogger(__name__)

# what a view and the renderer read of an HTTP request (the ASGI scope minus the app)
SCOPE_KEYS = ("type", "http_version", "method", "scheme", "server", "root_path", "path", "raw_path",
              "query_string", "headers", "path_params")

_app = None  # in a page process: the app whose store handles and templates the views use


def start(db_path, processes: int) -> ProcessPoolExecutor:
    """``processes`` page processes over the store at ``db_path``, started now (fresh
    interpreters: the server process runs threads and an event loop, which a fork would copy)."""
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_open, initargs=(str(db_path),))
    list(pool.map(_ready, range(processes)))
    return pool


def _open(db_path: str) -> None:
    global _app
    from attache.serve.app import create_app, settle

    _app = create_app(db_path, cache_entries=0)
    settle(_app)


def _ready(_) -> bool:
    return _app is not None


def compute(view_name: str, template: str, scope: dict) -> tuple[int, bytes, str]:
    """In a page process: the page (or error page) for ``scope`` as (status, body, media type)."""
    from attache.serve import pages
    from attache.serve.respond import error_for, render_page

    request = Request({**scope, "app": _app})
    try:
        response = render_page(request, template, getattr(pages, view_name)(request, _app.state.stores.get()))
    except Exception as e:  # noqa: BLE001 - errors answer as the server process's handlers do
        response = error_for(request, e)
    return response.status_code, response.body, response.media_type


async def page(app, view_name: str, template: str, request: Request) -> tuple[int, bytes, str]:
    """Have the pool of ``app`` compute a page; a pool whose process died is replaced (the
    request that met it answers 500)."""
    scope = {key: request.scope[key] for key in SCOPE_KEYS if key in request.scope}
    pool = app.state.pool
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, compute, view_name, template, scope)
    except BrokenProcessPool:
        if app.state.pool is pool:  # the first request to meet the broken pool replaces it
            logger.error("a page process died; starting the pool again")
            app.state.pool = start(app.state.stores.db_path, app.state.pool_size)
            pool.shutdown(wait=False, cancel_futures=True)
        raise AttacheError("the page could not be computed (its process died); try again") from None
