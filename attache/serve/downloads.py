"""CSV and JSON Lines downloads of every event under the events page's current filter."""

from __future__ import annotations

import csv
import io
import json

from starlette.requests import Request
from starlette.responses import StreamingResponse

from attache import query
from attache.query.export import CSV_COLUMNS, LIST_COLUMNS, flat_row
from attache.serve.pages import DOWNLOAD_PARAMETERS, EVENT_FILTERS, check_parameters, text_params

BATCH = 500
MAX_ROWS = 100_000
# Spreadsheet programs run cells starting with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _filters(request: Request) -> dict:
    check_parameters(request, DOWNLOAD_PARAMETERS)
    filters = text_params(request, EVENT_FILTERS)
    filters["order"] = request.query_params.get("order", "") or "latest"
    return filters


def _batches(request: Request, filters: dict):
    """Pages of event summaries under ``filters``, each read under the time limit; validates
    on the first page (400 on bad input)."""
    state = request.app.state

    def page(offset: int) -> dict:
        store = state.stores.get()
        with state.watchdog.watch(store, state.time_limit):
            return query.events(store, limit=BATCH, offset=offset, **filters)

    first = page(0)

    def pages():
        found, offset = first, 0
        while found["events"]:
            yield found["events"]
            offset += BATCH
            if offset >= MAX_ROWS or len(found["events"]) < BATCH:
                return
            found = page(offset)

    return pages()


def _safe_cell(value):
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def events_csv(request: Request) -> StreamingResponse:
    batches = _batches(request, _filters(request))

    def lines():
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        yield out.getvalue()
        for events in batches:
            out.seek(0)
            out.truncate()
            for summary in events:
                row = flat_row(summary)
                writer.writerow({name: _safe_cell(row[name]) if name in LIST_COLUMNS or isinstance(row[name], str)
                                 else row[name] for name in CSV_COLUMNS})
            yield out.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="events.csv"'})


def events_jsonl(request: Request) -> StreamingResponse:
    batches = _batches(request, _filters(request))

    def lines():
        for events in batches:
            yield "".join(json.dumps(summary, ensure_ascii=False) + "\n" for summary in events)

    return StreamingResponse(lines(), media_type="application/x-ndjson; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="events.jsonl"'})
