"""Store commands: ingest, reextract, export, and the query commands (timeline, person,
country, events, search). Each parses options, calls one library function, renders."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from attache import query
from attache.cli.common import BadInput, Failure, db_option, error_line
from attache.display import counted
from attache.errors import AttacheError
from attache.query import export as exporting

TEXT_WIDTH = 60
WIDE_COLUMNS = {"snippet": 160, "doc_id": 16}


def _format_options(func):
    func = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(func)
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(func)


def _open_read(db_path: Path):
    from attache.store import open_store

    if not db_path.exists():
        raise Failure(f"{db_path}: no such database; create it with `attache ingest PATHS --db {db_path}`")
    return open_store(db_path, read_only=True)


def _run_query(db_path: Path, func, *args, **kwargs) -> dict:
    try:
        with _open_read(db_path) as store:
            return func(store, *args, **kwargs)
    except ValueError as e:
        raise BadInput(str(e)) from e
    except AttacheError as e:
        raise Failure(str(e)) from e


# rendering ---------------------------------------------------------------------------------

def _cell(value, width: int = TEXT_WIDTH) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return _cell(", ".join(_cell(v, width) for v in value), width)
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: list[dict], columns: list[str]) -> str:
    """Rows as plain text in aligned columns under a header line (long cells cut with …)."""
    cells = [[_cell(row.get(c), WIDE_COLUMNS.get(c, TEXT_WIDTH)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _csv_value(row.get(c)) for c in columns})
    return out.getvalue().rstrip("\n")


def _csv_value(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def _matching(total: int, noun: str, capped: bool) -> str:
    """``1 event matches``, ``3 events match``, ``100+ events match``."""
    verb = "matches" if total == 1 and not capped else "match"
    return f"{counted(total, noun, capped=capped)} {verb}"


def _event_rows(events: list[dict]) -> list[dict]:
    rows = []
    for e in events:
        location = e["location"] or {}
        rows.append({"id": e["event_id"], "date": e["date"], "status": e["status"], "type": e["type"],
                     "countries": e["countries"], "place": location.get("name"),
                     "participants": [p["name"] for p in e["participants"]], "topics": e["topics"],
                     "sources": e["source_count"],
                     "first_source": (e["sources"][0]["source"] or e["sources"][0]["doc"]) if e["sources"] else None,
                     "doc_ids": [s["doc_id"] for s in e["sources"]]})
    return rows


EVENT_COLUMNS = ["id", "date", "status", "type", "countries", "place", "participants", "sources", "first_source"]
EVENT_CSV_COLUMNS = EVENT_COLUMNS + ["topics", "doc_ids"]


def _emit(result: dict, as_json: bool, as_csv: bool, sections: list[tuple[str, list[dict], list[str]]],
          header: str = "") -> None:
    """Print ``result`` as JSON, or its sections as CSV (the first section) or tables."""
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if as_csv:
        title, rows, columns = sections[0]
        click.echo(_csv(rows, columns))
        return
    parts = [header] if header else []
    for title, rows, columns in sections:
        parts.append(f"{title} ({len(rows)})\n" + (table(rows, columns) if rows else "  (none)"))
    click.echo("\n\n".join(parts))


# ingest ------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, type=str)
@db_option()
@click.option("--jobs", default=os.cpu_count() or 1, show_default="number of cores", type=click.IntRange(min=1),
              help="Worker processes for cleaning and extraction.")
@click.option("--published", metavar="DATE", help="Publication date for inputs that do not give one (YYYY-MM-DD).")
@click.option("--strict", is_flag=True, help="Stop at the first input that fails.")
@click.option("--urls", "urls_file", type=click.Path(exists=True, dir_okay=False), help="File of URLs to fetch, one a line.")
@click.option("--feed", metavar="URL", help="RSS or Atom feed whose items to fetch.")
def ingest(paths: tuple[str, ...], db_path: Path, jobs: int, published: str | None, strict: bool,
           urls_file: str | None, feed: str | None) -> None:
    """Extract PATHS (files, directories, '-' for stdin, .jsonl) and store them.

    Re-running adds only what is new. One line on stderr per input that fails, then
    "stored N, duplicates N, failed N". Exit status 1 if any input failed.
    """
    from attache.ingest.counting import count_inputs
    from attache.ingest.sources import iter_sources
    from attache.progress import Progress
    from attache.resolve import ingest as ingest_items
    from attache.store import open_store

    if not paths and not urls_file and not feed:
        raise click.UsageError("give PATHS, --urls FILE or --feed URL")
    counts: Counter = Counter()
    shown = Progress(count_inputs(paths, urls_file=urls_file, feed=feed), "ingest")

    def done(status: str) -> None:
        counts[status] += 1
        shown.step({"stored": counts["stored"], "duplicates": counts["duplicate"], "failed": counts["failed"]})

    try:
        with open_store(db_path) as store:
            def already_stored(url: str) -> bool:  # a URL skipped unfetched is an input done
                if not store.url_exists(url):
                    return False
                done("duplicate")
                return True

            items = iter_sources(paths, urls_file=urls_file, feed=feed, published=published, skip_url=already_stored)
            for result in ingest_items(store, items, jobs):
                done(result.status)
                if result.status == "failed":
                    shown.write(error_line(result.origin, result.reason))
                    if strict:
                        break
    except AttacheError as e:
        raise Failure(str(e)) from e
    finally:
        shown.close()
    click.echo(f"stored {counts['stored']}, duplicates {counts['duplicate']}, failed {counts['failed']}", err=True)
    if counts["failed"]:
        sys.exit(1)


@click.command()
@db_option()
@click.option("--jobs", default=os.cpu_count() or 1, show_default="number of cores", type=click.IntRange(min=1),
              help="Worker processes for extraction.")
def reextract(db_path: Path, jobs: int) -> None:
    """Run the current extractor again over every stored text and rebuild events and people.

    Documents are kept; the rebuild is one transaction (interrupting it changes nothing).
    """
    from attache.progress import Progress
    from attache.resolve import reextract as run_reextract
    from attache.store import open_store

    if not db_path.exists():
        raise Failure(f"{db_path}: no such database")
    try:
        with open_store(db_path) as store, Progress(store.total("documents"), "reextract") as shown:
            counts = run_reextract(store, jobs, on_document=lambda done: shown.step(
                {"events": done["events"], "failed": done["failed"]}))
    except AttacheError as e:
        raise Failure(str(e)) from e
    click.echo(f"re-extracted {counted(counts['documents'], 'document')}: {counted(counts['events'], 'event')}, "
               f"{counts['failed']} failed", err=True)
    if counts.get("aliased"):
        click.echo(f"note: {counts['aliased']} event ids now redirect to the event that holds their reports"
                   " (`attache event ID` says where)", err=True)


@click.command()
@db_option()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "plover", "parquet"]), default="jsonl",
              show_default=True, help="jsonl: full events with sources; plover: PLOVER-style JSON lines.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
def export(db_path: Path, fmt: str, output: Path | None) -> None:
    """Write every merged event, with its sources and evidence."""
    try:
        with _open_read(db_path) as store:
            summaries = exporting.iter_events(store)
            if fmt == "parquet":
                _write_parquet(summaries, output)
                return
            handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == "csv":
                    writer = csv.DictWriter(handle, fieldnames=exporting.CSV_COLUMNS, lineterminator="\n")
                    writer.writeheader()
                    for summary in summaries:
                        row = exporting.flat_row(summary)
                        writer.writerow({k: _csv_value(v) for k, v in row.items()})
                else:
                    shape = exporting.plover_record if fmt == "plover" else (lambda s: s)
                    for summary in summaries:
                        handle.write(json.dumps(shape(summary), ensure_ascii=False) + "\n")
            finally:
                if output:
                    handle.close()
    except AttacheError as e:
        raise Failure(str(e)) from e


def _write_parquet(summaries, output: Path | None, batch: int = 10_000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def column_type(name: str):
        if name in exporting.LIST_COLUMNS:
            return pa.list_(pa.string())
        return {"lat": pa.float64(), "lon": pa.float64(), "event_id": pa.int64(), "source_count": pa.int64(),
                "agreements_signed": pa.bool_()}.get(name, pa.string())

    schema = pa.schema([(name, column_type(name)) for name in exporting.CSV_COLUMNS])
    sink = str(output) if output else pa.PythonFile(sys.stdout.buffer, mode="w")
    with pq.ParquetWriter(sink, schema) as writer:
        rows = []
        for summary in summaries:
            rows.append(exporting.flat_row(summary))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))


# queries -----------------------------------------------------------------------------------

@click.command()
@click.argument("a")
@click.argument("b")
@db_option()
@click.option("--status", type=click.Choice(["occurred", "planned"]))
@click.option("--order", type=click.Choice(["latest", "earliest"]), default="latest", show_default=True)
@click.option("--limit", default=200, show_default=True, type=click.IntRange(min=1))
@_format_options
def timeline(a: str, b: str, db_path: Path, status, order, limit, as_json: bool, as_csv: bool) -> None:
    """Every event between states A and B (ISO codes, e.g. TM JP), dated, with sources."""
    result = _run_query(db_path, query.timeline, a, b, status=status, order=order, limit=limit)
    header = f"{result['a_name']} – {result['b_name']}: {counted(result['total'], 'event', capped=result['total_capped'])}"
    columns = EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS
    _emit(result, as_json, as_csv, [("Events", _event_rows(result["events"]), columns)], header)


@click.command()
@click.argument("name")
@db_option()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1, max=1000),
              help="Latest events to list.")
@_format_options
def person(name: str, db_path: Path, limit: int, as_json: bool, as_csv: bool) -> None:
    """A person's titles over time, events, counterparts and sources (NAME as written, or surname)."""
    result = _run_query(db_path, query.person, name, limit=limit)
    events = [{**row, "as": (e["as"] or {}).get("title")} for row, e in zip(_event_rows(result["events"]), result["events"])]
    header = f"{result['name']} ({result['country'] or '?'}), {counted(result['event_count'], 'event')}; also written: " \
             f"{', '.join(n for n in result['names'] if n != result['name']) or '-'}"
    if result["other_matches"]:
        header += "\nOther people with this name: " + ", ".join(
            f"{p['name']} ({p['country'] or '?'}, id {p['person_id']})" for p in result["other_matches"])
    columns = EVENT_CSV_COLUMNS + ["as"] if as_csv else ["id", "date", "type", "countries", "place", "as",
                                                        "participants", "first_source"]
    _emit(result, as_json, as_csv, [
        ("Events", events, columns),
        ("Titles", result["titles"], ["title", "country", "first_seen", "last_seen"]),
        ("Counterparts", result["counterparts"], ["name", "country", "events"]),
        ("Sources", result["sources"], ["published", "source", "title", "doc"]),
    ], header)


@click.command()
@click.argument("code")
@db_option()
@_format_options
def country(code: str, db_path: Path, as_json: bool, as_csv: bool) -> None:
    """A state's partners by number of events, topics, people, places and latest events."""
    result = _run_query(db_path, query.country, code)
    _emit(result, as_json, as_csv, [
        ("Partners", result["partners"], ["country", "name", "count"]),
        ("Topics", result["topics"], ["topic", "count"]),
        ("People", result["people"], ["name", "events"]),
        ("Places", result["locations"], ["name", "country", "count"]),
        ("Latest events", _event_rows(result["latest_events"]), EVENT_COLUMNS),
    ], f"{result['name']} ({result['code']}): {counted(result['event_count'], 'event')}")


@click.command()
@db_option()
@click.option("--country", "countries", multiple=True, metavar="CODE",
              help="ISO code of a state that took part; twice for the events of a pair.")
@click.option("--type", "type_", help="Event type (consultation, visit, meeting, talks, summit, ...).")
@click.option("--topic", help="Topic (energy, trade, ...).")
@click.option("--from", "date_from", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Up to this date, inclusive.")
@click.option("--status", type=click.Choice(["occurred", "planned"]))
@click.option("--person", help="A person who took part (name or id).")
@click.option("--order", type=click.Choice(["latest", "earliest", "sources"]), default="latest", show_default=True)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1, max=1000))
@click.option("--offset", default=0, type=click.IntRange(min=0))
@_format_options
def events(db_path: Path, countries, type_, topic, date_from, date_to, status, person, order, limit, offset,
           as_json: bool, as_csv: bool) -> None:
    """Events matching every filter given."""
    if len(countries) > 2:
        raise click.UsageError("--country takes one state, or two for a pair")
    country, country2 = (tuple(countries) + (None, None))[:2]
    result = _run_query(db_path, query.events, country=country, country2=country2, type=type_, topic=topic, date_from=date_from,
                        date_to=date_to, status=status, person=person, order=order, limit=limit, offset=offset)
    columns = EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS
    _emit(result, as_json, as_csv, [("Events", _event_rows(result["events"]), columns)],
          _matching(result["total"], "event", result["total_capped"]))


@click.command()
@click.argument("q")
@db_option()
@click.option("--country")
@click.option("--type", "type_")
@click.option("--topic")
@click.option("--year", type=int)
@click.option("--status", type=click.Choice(["occurred", "planned"]))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1, max=1000))
@_format_options
def search(q: str, db_path: Path, country, type_, topic, year, status, limit, as_json: bool, as_csv: bool) -> None:
    """Full-text search over articles and evidence: ranked hits with [highlighted] snippets."""
    result = _run_query(db_path, query.search, q, country=country, type=type_, topic=topic, year=year,
                        status=status, limit=limit)
    facets = [{"facet": name, "value": f["value"], "count": f["count"]}
              for name, values in result["facets"].items() for f in values[:10]]
    _emit(result, as_json, as_csv, [
        ("Documents", result["hits"], ["published", "source", "title", "snippet", "doc_id"]),
        ("Evidence", result["evidence_hits"], ["event_id", "snippet", "doc_id"]),
        ("Facets (events)", facets, ["facet", "value", "count"]),
    ], f"{_matching(result['total'], 'document', result['total_capped'])} {q!r}"
       + (" (too many to rank: newest first)" if result["order"] == "recent" else ""))


def register(main: click.Group) -> None:
    for command in (ingest, reextract, export, timeline, person, country, events, search):
        main.add_command(command)
