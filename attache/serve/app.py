"""The Starlette application: routes, static files, error handlers.

Every page is registered twice, as ``PATH`` (HTML, or JSON on ``Accept: application/json``)
and ``PATH.json``; both call the same view and render the same context.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from pathlib import Path

import anyio.to_thread
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from attache.errors import AttacheError
from attache.resolve.places import country_name
from attache.serve import downloads, figures, pages, pool
from attache.serve.backend import StoreHandles
from attache.serve.cache import PageCache
from attache.serve.limits import SLOW_LANES, TIME_LIMIT, ComputeSlot, Watchdog
from attache.serve.respond import create_templates, error_for, render_page, wants_json

STATIC_DIR = Path(__file__).parent / "static"

# One view at a time per process by default (`attache serve --workers N` uses more cores):
# with the store in the OS page cache a view is Python computing under the GIL, and more
# threads only add switching and make every request under load as slow as the slowest
# (benchmarks/serve.py, 1M events: relationship pages 55 req/s with anyio's 40 threads, 80
# with 2). A store on a slow disk may do better with 2: one view waits while another computes.
VIEW_THREADS = 1

# Content-Security-Policy: everything from this server, nothing from anywhere else.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}

# says whether a page came from the page cache ("hit") or was computed ("miss"); absent
# when the cache is off
CACHE_HEADER = "x-attache-cache"

# (path, view, template); the JSON twin is the same path with ".json".
PAGES = (
    ("/event/{event_id}", pages.event_page, "event.html"),
    ("/document/{doc_id}", pages.document_page, "document.html"),
    ("/relationship/{a}/{b}", pages.relationship_page, "relationship.html"),
    ("/country/{code}", pages.country_page, "country.html"),
    ("/person/{person_id}", pages.person_page, "person.html"),
    ("/search", pages.search_page, "search.html"),
    ("/events", pages.events_page, "events.html"),
)


def _endpoint(view, template):
    accepted = pages.PARAMETERS.get(view.__name__, ())

    async def endpoint(request: Request):
        pages.check_parameters(request, accepted)
        cache: PageCache = request.app.state.cache
        key = cache.key(request.url.path, request.url.query, wants_json(request))
        cached = cache.get(key)
        if cached is not None:
            return Response(cached[0], media_type=cached[1], headers={CACHE_HEADER: "hit"})
        if request.app.state.pool is not None:
            status, body, media_type = await pool.page(request.app, view.__name__, template, request)
            response = Response(body, status_code=status, media_type=media_type)
        else:
            response = await run_in_threadpool(_compute, view, template, request)
        if key is not None and response.status_code == 200:
            cache.put(key, response.body, response.media_type)
            response.headers[CACHE_HEADER] = "miss"
        return response

    endpoint.__name__ = view.__name__
    return endpoint


def _compute(view, template, request: Request) -> Response:
    """A page computed in this process (in a thread of its pool), in a compute slot that it
    gives up if it turns slow (``limits``), its reads under the time limit."""
    state = request.app.state
    slot = ComputeSlot(state.compute_slots)
    try:
        store = state.stores.get()
        with state.watchdog.watch(store, state.time_limit, on_slow=slot.give_back):
            context = view(request, store)
        return render_page(request, template, context)
    except (HTTPException, AttacheError):
        raise
    except Exception as e:  # noqa: BLE001 - any bug becomes one logged 500, the connection stays usable
        return error_for(request, e)
    finally:
        slot.give_back()


def _routes() -> list:
    home = _endpoint(pages.home_page, "home.html")
    routes = [Route("/", home), Route("/index.json", home), Route("/.json", home)]
    for path, view, template in PAGES:
        endpoint = _endpoint(view, template)
        routes.append(Route(path + ".json", endpoint))
        if path == "/events":
            routes.append(Route("/events.csv", downloads.events_csv))
            routes.append(Route("/events.jsonl", downloads.events_jsonl))
        routes.append(Route(path, endpoint))
    routes.append(Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"))
    return routes


async def _error(request: Request, exc: Exception):
    return error_for(request, exc)


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every HTTP response."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def settle(app: Starlette) -> None:
    """Load what every process keeps (templates, vocabularies), then move the heap out of the
    garbage collector's sight: its full passes would otherwise walk those objects again and
    again, as pauses in the middle of requests (person pages of a 1M-event store under 20
    clients, three runs each: p99 158-188 ms without, 92-127 ms with; same throughput)."""
    for name in app.state.templates.list_templates():
        app.state.templates.get_template(name)
    country_name("FR")
    figures.iso_numeric("FR")
    gc.collect()
    gc.freeze()


def create_app(db_path, read_only: bool = True, cache_entries: int = 256,
               view_threads: int = VIEW_THREADS, page_processes: int = 0, time_limit: float = TIME_LIMIT) -> Starlette:
    """The web UI and JSON API over the store at ``db_path`` (read-only by default).

    ``cache_entries`` rendered pages are kept while the database files are unchanged (0: none).
    Pages are computed in this process, at most ``view_threads`` at once (a page that turns
    slow gives its place up: ``limits``), or with ``page_processes`` > 0 by that many
    processes taking requests from one queue (``pool``). A page's reads stop after
    ``time_limit`` seconds (HTTP 422).
    """
    stores = StoreHandles(db_path, read_only=read_only)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        # sync views run in anyio's thread pool: one thread per compute slot, and more for
        # pages that turned slow and gave their slot up
        anyio.to_thread.current_default_thread_limiter().total_tokens = view_threads + SLOW_LANES
        if page_processes:
            app.state.pool = await pool.PagePool(stores.db_path, page_processes, time_limit).start()
        settle(app)
        yield
        if app.state.pool is not None:
            app.state.pool.close()
        stores.close_all()

    app = Starlette(
        routes=_routes(),
        exception_handlers={HTTPException: _error, AttacheError: _error, Exception: _error},
        middleware=[Middleware(SecurityHeaders)],
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.compute_slots = threading.BoundedSemaphore(view_threads)
    app.state.watchdog = Watchdog()
    app.state.time_limit = time_limit
    app.state.templates = create_templates()
    app.state.read_only = read_only
    app.state.cache = PageCache(db_path, cache_entries)
    app.state.pool = None
    return app
