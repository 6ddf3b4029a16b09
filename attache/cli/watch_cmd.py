"""`attache watch`: keep a store up to date with a folder or a feed, polling for what is new."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import click

from attache.cli.common import Failure, db_option, error_line
from attache.errors import AttacheError
from attache.resolve import ingest
from attache.store import open_store

SETTLE_SECONDS = 2.0  # a file must be unchanged this long before it is read (still being written?)


def new_files(directory: str, seen: dict[str, tuple[int, int]], *, settle: float, now: float) -> list[str]:
    """Files under ``directory`` (sorted, hidden names skipped) that are new or changed since
    they were last seen and have not been modified for ``settle`` seconds; marks them seen."""
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:  # vanished, or a dangling link: let the reader report it once
                info = os.lstat(path) if os.path.lexists(path) else None
                if info is None:
                    continue
            signature = (info.st_size, info.st_mtime_ns)
            if seen.get(path) == signature or now - info.st_mtime < settle:
                continue
            seen[path] = signature
            found.append(path)
    return found


def poll(store, *, directory: str | None, feed: str | None, fetcher,
         seen_files: dict, seen_urls: set, jobs: int, settle: float,
         report: Callable[[str], None]) -> Counter:
    """Ingest what is new in ``directory`` and ``feed`` once; count what became of each input."""
    paths = new_files(directory, seen_files, settle=settle, now=time.time()) if directory else []
    if not paths and not feed:
        return Counter()

    def already_stored(url: str) -> bool:
        return url in seen_urls or store.url_exists(url)

    from attache.ingest.sources import iter_sources  # loads on use: `attache --version` stays quick

    items = iter_sources(paths, feed=feed, fetcher=fetcher, skip_url=already_stored)
    counts: Counter = Counter()
    for result in ingest(store, items, jobs):
        counts[result.status] += 1
        if result.origin.startswith(("http://", "https://")):
            seen_urls.add(result.origin)
        if result.status == "failed":
            report(error_line(result.origin, result.reason))
    return counts


@click.command()
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--feed", metavar="URL", help="RSS or Atom feed to follow (instead of or as well as DIR).")
@db_option("SQLite store to write (created if missing).")
@click.option("--interval", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds between two polls.")
@click.option("--once", is_flag=True, help="Poll once, ingest what is there, and exit.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes per poll (1 keeps the extractor loaded between polls).")
def watch(directory: str | None, feed: str | None, db_path: Path, interval: float, once: bool, jobs: int) -> None:
    """Ingest new files in DIR, or new items of --feed URL, as they appear.

    Files are read once they have stopped changing; feed items already stored are not
    fetched again. One line on stderr per input that fails; a summary line per poll that
    found something. Stop with Ctrl-C. With --once the exit status is 1 if any input failed.
    """
    if not directory and not feed:
        raise click.UsageError("give a DIR to watch, --feed URL, or both")
    seen_files: dict = {}
    seen_urls: set = set()
    totals: Counter = Counter()
    from attache.ingest.fetch import Fetcher

    fetcher = Fetcher() if feed else None
    try:
        with open_store(db_path) as store:
            while True:
                counts = poll(store, directory=directory, feed=feed, fetcher=fetcher, seen_files=seen_files,
                              seen_urls=seen_urls, jobs=jobs, settle=0.0 if once else SETTLE_SECONDS,
                              report=_error_line)
                totals.update(counts)
                if counts:
                    _summary(counts)
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        _summary(totals, label="watch stopped")
    except AttacheError as error:
        raise Failure(str(error)) from error
    finally:
        if fetcher is not None:
            fetcher.close()
    if once and totals["failed"]:
        sys.exit(1)


def _error_line(message: str) -> None:
    click.echo(message, err=True)  # "origin: reason", as `attache ingest` prints it


def _summary(counts: Counter, label: str = "watch") -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    click.echo(f"{stamp} {label}: {counts['stored']} stored, {counts['duplicate']} duplicates, "
               f"{counts['failed']} failed", err=True)


def register(main: click.Group) -> None:
    main.add_command(watch)
