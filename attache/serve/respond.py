"""Turn one page context into HTML or JSON, and every error into the same shape.

A page is a template name plus a context dict; the JSON twin is that same dict, so the UI
cannot drift from the API.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from http import HTTPStatus

import jinja2
import orjson
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from attache.display import without_direction_controls
from attache.errors import AttacheError, BadValue, Moved, NotFound, QueryTimeout
from attache.serve import fragments

logger = logging.getLogger(__name__)

JSON_SUFFIX = ".json"
# URLs that machines read: their errors come as JSON too.
MACHINE_SUFFIXES = (JSON_SUFFIX, ".jsonl", ".csv")


def create_templates() -> jinja2.Environment:
    """The Jinja environment: package templates, autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("attache.serve", "templates"),
        autoescape=True,
        finalize=shown,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # package files: no stat of each template file on every render
    )
    env.filters.update(fragments.FILTERS)
    env.globals.update(fragments.GLOBALS)
    return env


def shown(value):
    """Every value a template prints, as it is shown: direction controls neutralised (in text
    and in the HTML that fragments build alike; replacing one character keeps markup intact)."""
    if isinstance(value, Markup):
        return Markup(without_direction_controls(str(value)))
    if isinstance(value, str):
        return without_direction_controls(value)
    return value


def wants_json(request: Request) -> bool:
    """The JSON twin is asked for by a ``.json`` URL or an ``Accept: application/json`` header
    (downloads, ``.csv`` and ``.jsonl``, also report errors as JSON)."""
    if request.url.path.endswith(MACHINE_SUFFIXES):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_response(payload, status: int = 200) -> Response:
    body = orjson.dumps(payload, default=_default, option=orjson.OPT_NON_STR_KEYS)
    return Response(body, status_code=status, media_type="application/json")


def render_page(request: Request, template: str, context: dict, status: int = 200) -> Response:
    """HTML from ``template`` or the JSON twin of ``context``, as the request asks."""
    if wants_json(request):
        return json_response(context, status)
    templates: jinja2.Environment = request.app.state.templates
    html = templates.get_template(template).render(
        page=context, request=request, json_url=json_twin_url(request)
    )
    return HTMLResponse(html, status_code=status)


def json_twin_url(request: Request) -> str:
    """The URL of the JSON twin of the page being rendered."""
    path = request.url.path
    if path == "/":
        path = "/index"
    twin = path if path.endswith(JSON_SUFFIX) else path + JSON_SUFFIX
    query = request.url.query
    return f"{twin}?{query}" if query else twin


def error_response(request: Request, status: int, message: str) -> Response:
    """``{"ok": false, "error": ..., "status": ...}`` for JSON, the error page for HTML."""
    payload = {"ok": False, "error": message, "status": status}
    if wants_json(request):
        return json_response(payload, status)
    templates: jinja2.Environment = request.app.state.templates
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    html = templates.get_template("error.html").render(
        page=payload, title=title, request=request, json_url=None
    )
    return HTMLResponse(html, status_code=status)


def moved_response(request: Request, moved: Moved) -> Response:
    """301 to the event that holds a merged-away event's reports (same suffix and query)."""
    suffix = JSON_SUFFIX if request.url.path.endswith(JSON_SUFFIX) else ""
    target = f"/event/{moved.event_id}{suffix}" + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(target, status_code=301, headers={"X-Attache-Moved": moved.reason[:200]})


def error_for(request: Request, exc: Exception) -> Response:
    """The error page (or JSON) for an exception a view raised: its own status for an
    ``HTTPException``, 404 for ``NotFound``, 400 for ``BadValue`` (a parameter no answer can
    have), 422 for ``QueryTimeout`` (a question too broad to answer in time), 500 for
    anything else (logged)."""
    if isinstance(exc, HTTPException):
        return error_response(request, exc.status_code, str(exc.detail))
    if isinstance(exc, Moved):
        return moved_response(request, exc)
    if isinstance(exc, NotFound):
        return error_response(request, 404, str(exc) or "not found")
    if isinstance(exc, BadValue):
        return error_response(request, 400, str(exc))
    if isinstance(exc, QueryTimeout):
        return error_response(request, 422, str(exc))
    if isinstance(exc, AttacheError):
        logger.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 500, str(exc))
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal server error")
