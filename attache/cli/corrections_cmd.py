"""One event by id or key (following ids that moved), and the analyst's corrections:
merge, split, same-person, different-person, corrections, undo."""

from __future__ import annotations

import json
from pathlib import Path

import click

from attache.cli.common import db_option, open_read, run_query
from attache.cli.render import table
from attache.errors import AttacheError, Moved


@click.command()
@click.argument("event_id")
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def event(event_id: str, db_path: Path, as_json: bool) -> None:
    """One merged event (by id or stable key) with its sources and why each was merged.

    An id whose reports now belong to another event shows that event, with a note."""
    from attache import query

    try:
        found = run_query(db_path, query.event, event_id)
    except click.ClickException:
        moved = _moved(db_path, event_id)
        if moved is None:
            raise
        click.echo(f"note: {moved}", err=True)
        found = run_query(db_path, query.event, moved.event_id)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    click.echo(_describe(found))


def _moved(db_path: Path, event_id: str) -> Moved | None:
    from attache import query

    try:
        with open_read(db_path) as store:
            query.event(store, event_id)
    except Moved as moved:
        return moved
    except AttacheError:
        return None
    return None


def _describe(found: dict) -> str:
    place = (found["location"] or {}).get("name") or "?"
    lines = [f"event {found['event_id']} (key {found['key']}): {found['status']} {found['type']}"
             f" {found['date'] or 'undated'} at {place}; states {', '.join(found['countries']) or '?'}"]
    if found["what"]:
        lines.append(f"  {found['what']}")
    lines.append("participants:")
    lines += [f"  {p['name']} ({p['country'] or '?'}) {p['title'] or ''}".rstrip() for p in found["participants"]]
    lines.append("sources (why each joined):")
    for source in found["sources"]:
        merge = source.get("merge") or {}
        score = "" if merge.get("score") is None else f" score {merge['score']}:"
        lines.append(f"  {source['doc']} [{source['doc_id'][:12]}]{score} {'; '.join(merge.get('reasons') or [])}")
    if found.get("corrections"):
        lines.append("analysts' corrections:")
        lines += [f"  #{c['id']} {c['kind']}: {c['note']} ({c['created'][:10]})" for c in found["corrections"]]
    return "\n".join(lines)


def _correcting(db_path: Path, func, *args) -> dict:
    from attache.store import open_store

    if not db_path.exists():
        raise click.ClickException(f"{db_path}: no such database")
    try:
        with open_store(db_path) as store:
            return func(store, *args)
    except AttacheError as e:
        raise click.ClickException(str(e)) from e


def _report(done: dict) -> None:
    click.echo(f"correction {done['correction']} ({done['kind']}): {done['note']}")
    for old, now in done.get("events", {}).items():
        if now != old:
            click.echo(f"  event {old} is now event {now} (its old id redirects there)")
    click.echo(f"  record rebuilt: {done['rebuild']['events']} event reports resolved;"
               f" undo with `attache undo {done['correction']}`")


@click.command()
@click.argument("first", type=int)
@click.argument("second", type=int)
@db_option()
@click.option("--note", default="", help="Why (kept with the correction).")
def merge(first: int, second: int, db_path: Path, note: str) -> None:
    """Say that events FIRST and SECOND are one event (kept across re-extraction)."""
    from attache.resolve.correct import merge_events

    _report(_correcting(db_path, merge_events, first, second, note))


@click.command()
@click.argument("event_id", type=int)
@click.option("--source", required=True,
              help="The document to take out: id (or 8+ first characters), file name or URL.")
@db_option()
@click.option("--note", default="", help="Why (kept with the correction).")
def split(event_id: int, source: str, db_path: Path, note: str) -> None:
    """Say that one source of an event reports another event."""
    from attache.resolve.correct import split_event

    _report(_correcting(db_path, split_event, event_id, source, note))


def _person_command(name: str, run_name: str, help_text: str) -> click.Command:
    """`same-person` / `different-person`: two people (ids or names as written) and a note."""

    @click.command(name, help=help_text)
    @click.argument("first")
    @click.argument("second")
    @db_option()
    @click.option("--note", default="", help="Why (kept with the correction).")
    def command(first: str, second: str, db_path: Path, note: str) -> None:
        from attache.resolve import correct

        _report(_correcting(db_path, getattr(correct, run_name), first, second, note))

    return command


same_person = _person_command("same-person", "same_person",
                              "Say that FIRST and SECOND (person ids or names as written) are one person.")
different_person = _person_command("different-person", "different_person",
                                   "Say that SECOND (a name as written, or a person id) is not the person FIRST.")


@click.command()
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def corrections(db_path: Path, as_json: bool) -> None:
    """List the analysts' corrections, oldest first."""
    found = run_query(db_path, lambda store: store.corrections())
    if as_json:
        click.echo(json.dumps({"corrections": found}, ensure_ascii=False, indent=2))
        return
    rows = [{"id": c["id"], "kind": c["kind"], "note": c["note"], "created": c["created"][:19]} for c in found]
    click.echo(table(rows, ["id", "kind", "note", "created"]) if rows else "no corrections")


@click.command()
@click.argument("correction_id", type=int, required=False)
@db_option()
def undo(correction_id: int | None, db_path: Path) -> None:
    """Remove a correction (the latest when no id is given) and rebuild the record without it."""
    from attache.resolve.correct import undo as run

    done = _correcting(db_path, run, correction_id)
    click.echo(f"undid correction {done['undone']['id']} ({done['undone']['kind']}): {done['undone']['note']};"
               f" record rebuilt ({done['rebuild']['events']} event reports resolved)")


def register(main: click.Group) -> None:
    for command in (event, merge, split, same_person, different_person, corrections, undo):
        main.add_command(command)
