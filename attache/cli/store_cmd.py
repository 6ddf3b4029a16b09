"""Store commands: ingest, reextract, export (the query commands are in ``query_cmd``).
Each parses options, calls one library function, renders."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from attache.cli.common import Failure, db_option, error_line, open_read
from attache.cli.render import csv_value
from attache.display import counted
from attache.errors import AttacheError
from attache.query import export as exporting


@click.command()
@click.argument("paths", nargs=-1, type=str)
@db_option()
@click.option("--jobs", default=os.cpu_count() or 1, show_default="number of cores", type=click.IntRange(min=1),
              help="Worker processes for cleaning and extraction.")
@click.option("--published", metavar="DATE", help="Publication date for inputs that do not give one (YYYY-MM-DD).")
@click.option("--strict", is_flag=True, help="Stop at the first input that fails.")
@click.option("--urls", "urls_file", type=click.Path(exists=True, dir_okay=False),
              help="File of URLs to fetch, one a line.")
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
        with open_read(db_path) as store:
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
                        writer.writerow({k: csv_value(v) for k, v in row.items()})
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


def register(main: click.Group) -> None:
    for command in (ingest, reextract, export):
        main.add_command(command)
