"""The query commands (timeline, person, country, events, search): each parses its options,
calls one function of ``attache.query`` on the store read-only, and prints the answer
(``render``: a text table, ``--json``, or ``--csv`` of one table, chosen with ``--table``)."""

from __future__ import annotations

from pathlib import Path

import click

from attache import query
from attache.cli.common import db_option, run_query
from attache.cli.render import EVENT_COLUMNS, EVENT_CSV_COLUMNS, Section, emit, event_rows, matching
from attache.display import counted

PERSON_TABLES = ("events", "titles", "counterparts", "sources")
COUNTRY_TABLES = ("partners", "topics", "people", "places", "events")
SEARCH_TABLES = ("documents", "evidence", "facets")


def format_options(tables: tuple[str, ...] = ()):
    """``--json`` and ``--csv``; with ``tables``, ``--table NAME`` too (the one table CSV holds)."""
    def add(func):
        if tables:
            func = click.option("--table", "table_name", type=click.Choice(tables),
                                help=f"Print only this table (with --csv: which table; default {tables[0]}).")(func)
        func = click.option("--csv", "as_csv", is_flag=True, help="Print CSV (one table: see --table).")(func)
        return click.option("--json", "as_json", is_flag=True, help="Print JSON (every table).")(func)
    return add


def _emit_tables(result: dict, sections: list[Section], header: str, as_json: bool, as_csv: bool,
                 table_name: str | None) -> None:
    """``emit``, refusing ``--table`` with ``--json`` and naming on stderr the tables a CSV leaves out."""
    if as_json and table_name:
        raise click.UsageError("--table picks a table for --csv or the text output; --json prints them all")
    if as_csv and not table_name and len(sections) > 1:
        others = ", ".join(section.name for section in sections[1:])
        click.echo(f"attache: CSV of the {sections[0].name} table; the others: {others} (--table NAME)", err=True)
    emit(result, sections, header, as_json, as_csv, table_name)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option()
@click.option("--status", type=click.Choice(["occurred", "planned"]))
@click.option("--order", type=click.Choice(["latest", "earliest"]), default="latest", show_default=True)
@click.option("--limit", default=200, show_default=True, type=click.IntRange(min=1, max=1000))
@format_options()
def timeline(a: str, b: str, db_path: Path, status, order, limit, as_json: bool, as_csv: bool) -> None:
    """Every event between states A and B (ISO codes, e.g. TM TR), dated, with sources."""
    result = run_query(db_path, query.timeline, a, b, status=status, order=order, limit=limit)
    total = counted(result["total"], "event", capped=result["total_capped"])
    header = f"{result['a_name']} – {result['b_name']}: {total}"
    columns = EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS
    emit(result, [Section("events", "Events", event_rows(result["events"]), columns)], header, as_json, as_csv)


@click.command()
@click.argument("name")
@db_option()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1, max=1000),
              help="Latest events to list.")
@format_options(PERSON_TABLES)
def person(name: str, db_path: Path, limit: int, as_json: bool, as_csv: bool, table_name: str | None) -> None:
    """A person's titles over time, events, counterparts and sources (NAME as written, or surname)."""
    result = run_query(db_path, query.person, name, limit=limit)
    events = [{**row, "as": (e["as"] or {}).get("title")}
              for row, e in zip(event_rows(result["events"]), result["events"])]
    also = ", ".join(n for n in result["names"] if n != result["name"]) or "-"
    header = f"{result['name']} ({result['country'] or '?'}), {counted(result['event_count'], 'event')}; " \
             f"also written: {also}"
    if result["other_matches"]:
        header += "\nOther people with this name: " + ", ".join(
            f"{p['name']} ({p['country'] or '?'}, id {p['person_id']})" for p in result["other_matches"])
    columns = EVENT_CSV_COLUMNS + ["as"] if as_csv else ["id", "date", "type", "countries", "place", "as",
                                                        "participants", "first_source"]
    _emit_tables(result, [
        Section("events", "Events", events, columns),
        Section("titles", "Titles", result["titles"], ["title", "country", "first_seen", "last_seen"]),
        Section("counterparts", "Counterparts", result["counterparts"], ["name", "country", "events"]),
        Section("sources", "Sources", result["sources"], ["published", "source", "title", "doc"]),
    ], header, as_json, as_csv, table_name)


@click.command()
@click.argument("code")
@db_option()
@format_options(COUNTRY_TABLES)
def country(code: str, db_path: Path, as_json: bool, as_csv: bool, table_name: str | None) -> None:
    """A state's partners by number of events, topics, people, places and latest events."""
    result = run_query(db_path, query.country, code)
    _emit_tables(result, [
        Section("partners", "Partners", result["partners"], ["country", "name", "count"]),
        Section("topics", "Topics", result["topics"], ["topic", "count"]),
        Section("people", "People", result["people"], ["name", "events"]),
        Section("places", "Places", result["locations"], ["name", "country", "count"]),
        Section("events", "Latest events", event_rows(result["latest_events"]),
                EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS),
    ], f"{result['name']} ({result['code']}): {counted(result['event_count'], 'event')}", as_json, as_csv, table_name)


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
@format_options()
def events(db_path: Path, countries, type_, topic, date_from, date_to, status, person, order, limit, offset,
           as_json: bool, as_csv: bool) -> None:
    """Events matching every filter given."""
    if len(countries) > 2:
        raise click.UsageError("--country takes one state, or two for a pair")
    country, country2 = (tuple(countries) + (None, None))[:2]
    result = run_query(db_path, query.events, country=country, country2=country2, type=type_, topic=topic,
                        date_from=date_from, date_to=date_to, status=status, person=person, order=order,
                        limit=limit, offset=offset)
    columns = EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS
    emit(result, [Section("events", "Events", event_rows(result["events"]), columns)],
         matching(result["total"], "event", result["total_capped"]), as_json, as_csv)


@click.command()
@click.argument("q")
@db_option()
@click.option("--country")
@click.option("--type", "type_")
@click.option("--topic")
@click.option("--year", type=int)
@click.option("--status", type=click.Choice(["occurred", "planned"]))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1, max=1000))
@format_options(SEARCH_TABLES)
def search(q: str, db_path: Path, country, type_, topic, year, status, limit, as_json: bool, as_csv: bool,
           table_name: str | None) -> None:
    """Full-text search over articles and evidence: ranked hits with [highlighted] snippets."""
    result = run_query(db_path, query.search, q, country=country, type=type_, topic=topic, year=year,
                        status=status, limit=limit)
    facets = [{"facet": name, "value": f["value"], "count": f["count"]}
              for name, values in result["facets"].items() for f in values[:10]]
    _emit_tables(result, [
        Section("documents", "Documents", result["hits"], ["published", "source", "title", "snippet", "doc_id"]),
        Section("evidence", "Evidence", result["evidence_hits"], ["event_id", "snippet", "doc_id"]),
        Section("facets", "Facets (events)", facets, ["facet", "value", "count"]),
    ], f"{matching(result['total'], 'document', result['total_capped'])} {q!r}"
       + (" (too many to rank: newest first)" if result["order"] == "recent" else ""), as_json, as_csv, table_name)


def register(main: click.Group) -> None:
    for command in (timeline, person, country, events, search):
        main.add_command(command)
