"""`attache extract`: one JSON line per document, to stdout."""

from __future__ import annotations

import json
import sys

import click

from attache.cli.common import error_line
from attache.display import one_line
from attache.errors import InputError


def register(main: click.Group) -> None:
    main.add_command(extract)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Readable summary instead of JSON lines.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for documents whose text lacks one.")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--no-why", is_flag=True, help="Leave out the 'why' explanations of each event.")
def extract(inputs: tuple[str, ...], pretty: bool, published: str | None, jobs: int, no_why: bool) -> None:
    """Extract events from INPUTS (files, directories, .jsonl, or - for stdin).

    One extraction record per document (see the schema) is printed as a JSON line; a bad
    input prints one line on stderr naming it, the rest go on, and the exit status is 1.
    """
    from attache.batch import run_batch  # the pipeline loads on use: `attache --version` stays quick
    from attache.ingest.readers import iter_raw

    try:
        items = iter_raw(inputs, published=published, stdin=sys.stdin.buffer)
    except InputError as e:
        raise click.UsageError(one_line(str(e))) from None
    failed = 0
    for outcome in run_batch(items, jobs=jobs):
        if outcome.error is not None:
            failed += 1
            click.echo("attache: " + error_line(outcome.error.origin, outcome.error.reason), err=True)
            continue
        record = outcome.record
        if no_why:
            record = dict(record, events=[{k: v for k, v in e.items() if k != "why"} for e in record["events"]])
        click.echo(format_pretty(record) if pretty else json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(1)


def format_pretty(record: dict) -> str:
    """A short human reading of one record: header, then each event with its evidence."""
    lines = [f"== {record['doc']}  published {record.get('published') or '?'}  source {record.get('source') or '?'}"]
    if record.get("title"):
        lines.append(f"   {record['title']}")
    for i, e in enumerate(record["events"], 1):
        date = e.get("date") or "?"
        if e.get("date_end"):
            date += f" .. {e['date_end']}"
        where = (e.get("location") or {}).get("name") or "?"
        lines.append(f"-- event {i}: {e['status']} {e['type']} ({e['plover']})  {date}  at {where}  "
                     f"countries {', '.join(e['countries']) or '-'}")
        if e.get("what"):
            lines.append(f"   what: {e['what']}")
        for p in e["participants"]:
            lines.append(f"   person: {p['name']} | {p.get('title') or '-'} | {p.get('country') or '?'}")
        if e["topics"]:
            lines.append(f"   topics: {', '.join(e['topics'])}")
        if e.get("agreements_signed"):
            lines.append("   agreements signed")
        for ev in e["evidence"]:
            lines.append(f"   [{ev['start']}:{ev['end']}] {ev['text'][:160]}")
    if record.get("organizations"):
        lines.append(f"organizations: {', '.join(record['organizations'])}")
    if record.get("money"):
        lines.append(f"money: {', '.join(record['money'])}")
    return "\n".join(lines)
