"""Progress of a long batch on stderr: a bar with rate and ETA on a terminal, plain lines otherwise.

``progress(iterable)`` yields the items of ``iterable`` unchanged and reports as they pass.
On a terminal it draws a tqdm bar; when stderr is a file or a pipe (CI logs, cron) it prints
one plain line every ``interval`` seconds and one at the end, so logs stay readable.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from tqdm import tqdm

Item = TypeVar("Item")

PLAIN_INTERVAL = 10.0  # seconds between plain lines


def progress(
    iterable: Iterable[Item],
    total: int | None = None,
    label: str = "ingest",
    *,
    stream: TextIO | None = None,
    interval: float = PLAIN_INTERVAL,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Item]:
    """Yield every item of ``iterable``, reporting count, rate and (with ``total``) ETA."""
    stream = stream if stream is not None else sys.stderr
    if _is_terminal(stream):
        with tqdm(iterable, total=total, desc=label, unit="doc", file=stream, dynamic_ncols=True) as bar:
            yield from bar
        return
    yield from _plain(iterable, total, label, stream, interval, clock)


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _plain(iterable, total, label, stream, interval, clock) -> Iterator:
    started = clock()
    next_report = started + interval
    count = 0
    for item in iterable:
        yield item
        count += 1
        now = clock()
        if now >= next_report:
            stream.write(progress_line(label, count, total, now - started) + "\n")
            stream.flush()
            next_report = now + interval
    stream.write(progress_line(label, count, total, clock() - started, done=True) + "\n")
    stream.flush()


def progress_line(label: str, count: int, total: int | None, elapsed: float, done: bool = False) -> str:
    """One plain progress line: ``ingest: 1200/10000 docs, 48.2 docs/s, ETA 3m03s``."""
    rate = count / elapsed if elapsed > 0 else 0.0
    counted = f"{count}/{total}" if total is not None else f"{count}"
    line = f"{label}: {counted} docs, {rate:.1f} docs/s"
    if done:
        return f"{line}, done in {format_duration(elapsed)}"
    if total is not None and rate > 0:
        line += f", ETA {format_duration(max(total - count, 0) / rate)}"
    return line


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"
