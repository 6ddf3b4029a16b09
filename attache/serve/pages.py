"""One view per page: parse the request, call one query function, add what the figures need.

Each view returns the page's context dict; the HTML template and the JSON twin both render
exactly that dict. No SQL here: everything comes from ``attache.query``.
"""

from __future__ import annotations

from urllib.parse import quote_plus, urlencode

from starlette.requests import Request

from attache import query
from attache.errors import BadValue, NotFound
from attache.query.values import MAX_OFFSET, one_of, whole_number
from attache.serve import figures
from attache.serve.highlight import evidence_segments

EVENT_FILTERS = ("country", "country2", "type", "topic", "date_from", "date_to", "status", "person")
SEARCH_FILTERS = ("country", "type", "topic", "year", "status")
PAGE_SIZE = 25
MAX_PAGE_SIZE = 500
SEARCH_PAGE_SIZE = 20
EVIDENCE_COLOURS = 4
TIMELINE_SIZE = 25
MAX_TIMELINE_SIZE = 1000


# the query parameters each page takes; any other is an error (400), never silently ignored
PARAMETERS = {
    "events_page": (*EVENT_FILTERS, "order", "limit", "offset"),
    "search_page": ("q", *SEARCH_FILTERS, "limit", "offset"),
    "relationship_page": ("limit",),
}
DOWNLOAD_PARAMETERS = (*EVENT_FILTERS, "order")


def check_parameters(request: Request, accepted) -> None:
    """BadValue (400) for a query parameter the page does not take, or one given twice."""
    names = [name for name, _ in request.query_params.multi_items()]
    for name in names:
        if not accepted:
            raise BadValue(f"this page takes no parameters, got {name!r}")
        one_of(name, "parameter", accepted)
        if names.count(name) > 1:
            raise BadValue(f"parameter {name!r} is given {names.count(name)} times; give it once")


def _suffixless(value: str) -> str:
    """A path parameter without the ``.json`` of the JSON twin's URL."""
    return value[: -len(".json")] if value.endswith(".json") else value


def _int_param(request: Request, name: str, default: int, lowest: int = 0, highest: int = MAX_OFFSET) -> int:
    raw = request.query_params.get(name, "")
    return default if raw == "" else whole_number(raw, name, lowest, highest)


def text_params(request: Request, names) -> dict:
    return {name: request.query_params.get(name, "").strip() or None for name in names}


def in_path(call, *args, **kwargs):
    """Run a query on values taken from the URL's path: one that names nothing (a code not in
    the vocabulary, a pair of one state) is a page that does not exist (404)."""
    try:
        return call(*args, **kwargs)
    except BadValue as e:
        raise NotFound(str(e)) from e


def home_page(request: Request, store) -> dict:
    return query.stats(store)


def event_page(request: Request, store) -> dict:
    return query.event(store, _suffixless(request.path_params["event_id"]))


def document_page(request: Request, store) -> dict:
    found = query.document(store, _suffixless(request.path_params["doc_id"]))
    keys = [_event_key(event) for event in found["events"]]
    spans = [{"start": span["start"], "end": span["end"], "event": key}
             for key, event in zip(keys, found["events"]) for span in event["evidence"]]
    found["segments"] = evidence_segments(found["text"], spans)
    colour_of = {key: position % EVIDENCE_COLOURS for position, key in enumerate(keys)}
    for segment in found["segments"]:
        segment["colour"] = colour_of.get(segment["events"][0]) if segment["events"] else None
    for key, event in zip(keys, found["events"]):
        event["key"] = key
    return found


def _event_key(event: dict) -> str:
    """The merged event's id, or ``d<idx>`` for an event the resolver did not keep."""
    return str(event["event_id"]) if event.get("event_id") else f"d{event['idx']}"


def relationship_page(request: Request, store) -> dict:
    limit = _int_param(request, "limit", TIMELINE_SIZE, 1, MAX_TIMELINE_SIZE)
    found = in_path(query.relationship, store, request.path_params["a"], _suffixless(request.path_params["b"]),
                    limit=limit)
    shown = len(found["timeline"]["events"])
    more = shown < found["timeline"]["total"]
    found["more"] = _with(request, limit=min(MAX_TIMELINE_SIZE, limit * 4)) if more else None
    found["topics_chart"] = figures.topics_chart(found["topics_by_year"])
    found["events_link"] = "/events?" + urlencode({"country": found["a"], "country2": found["b"]})
    return found


def country_page(request: Request, store) -> dict:
    found = in_path(query.country, store, _suffixless(request.path_params["code"]))
    found["partner_graph"] = figures.partner_graph(found["code"], found["name"], found["partners"])
    found["event_map"] = figures.event_map([found["code"]], found["locations"])
    return found


def person_page(request: Request, store) -> dict:
    found = query.person(store, _suffixless(request.path_params["person_id"]))
    found["counterpart_graph"] = figures.counterpart_graph(found)
    return found


def search_page(request: Request, store) -> dict:
    q = request.query_params.get("q", "").strip()
    filters = text_params(request, SEARCH_FILTERS)
    limit = _int_param(request, "limit", SEARCH_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    offset = _int_param(request, "offset", 0)
    found = query.search(store, q, limit=limit, offset=offset, **filters)
    found["limit"], found["offset"] = limit, offset
    found["pages"] = _pages(request, found["total"], limit, offset)
    found["facet_links"] = _facet_links(request, found["facets"], found["filters"])
    return found


def events_page(request: Request, store) -> dict:
    filters = text_params(request, EVENT_FILTERS)
    order = request.query_params.get("order", "") or "latest"
    limit = _int_param(request, "limit", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    offset = _int_param(request, "offset", 0)
    found = query.events(store, order=order, limit=limit, offset=offset, **filters)
    found["pages"] = _pages(request, found["total"], limit, offset)
    kept = {name: value for name, value in {**filters, "order": order}.items() if value}
    encoded = urlencode(kept)
    found["downloads"] = {"csv": f"/events.csv?{encoded}", "jsonl": f"/events.jsonl?{encoded}"}
    found["sort_links"] = {o: "/events?" + urlencode({**kept, "order": o}) for o in ("latest", "earliest", "sources")}
    return found


def _with(request: Request, **changes) -> str:
    """The current URL's path and query string with some parameters changed (None removes)."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    path = _suffixless(request.url.path)
    return f"{path}?{urlencode(params)}" if params else path


def _pages(request: Request, total: int, limit: int, offset: int) -> dict:
    """Previous/next links and the range shown."""
    shown_to = min(total, offset + limit)
    return {
        "from": offset + 1 if total and offset < total else 0,
        "to": shown_to,
        "previous": _with(request, offset=max(0, offset - limit) or None) if offset > 0 else None,
        "next": _with(request, offset=offset + limit) if offset + limit < total else None,
    }


def _facet_links(request: Request, facets: dict, filters: dict) -> dict:
    """For each facet value, the URL that toggles it as a filter (first page again)."""
    path = _suffixless(request.url.path)
    params = {name: value for name, value in request.query_params.items() if name != "offset"}
    links = {}
    for name, values in facets.items():
        current = str(filters.get(name))
        others = urlencode({key: value for key, value in params.items() if key != name})
        without = f"{path}?{others}" if others else path  # the URL with this facet off
        links[name] = []
        for item in values:
            on = str(item["value"]) == current
            href = without if on else f"{without}{'&' if others else '?'}{name}={quote_plus(str(item['value']))}"
            links[name].append({"value": item["value"], "count": item["count"], "on": on, "href": href})
    return links
