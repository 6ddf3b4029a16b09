"""Progress of a long batch on stderr: a bar with rate and ETA on a terminal, plain lines otherwise.

``Progress(total)`` is stepped once per input done, with the running counts of outcomes
(stored, duplicates, failed) to show beside the rate. On a terminal it draws a tqdm bar
and ``write(line)`` prints a line above it without garbling it; when the stream is a file
or a pipe (CI logs, cron) it prints one plain line every ``interval`` seconds and one at
the end, so logs stay readable. ``progress(iterable)`` wraps an iterable the same way.

The plain-line interval is ``PLAIN_INTERVAL`` seconds, or the ``ATTACHE_PROGRESS_SECONDS``
environment variable when set (e.g. ``0`` for a line per input).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO, TypeVar

from tqdm import tqdm

Item = TypeVar("Item")

PLAIN_INTERVAL = 10.0  # seconds between plain lines
INTERVAL_ENV = "ATTACHE_PROGRESS_SECONDS"


class Progress:
    """Inputs done out of ``total`` (None when unknown): count, rate, ETA and outcome counts.

    Use as a context manager, or call ``close()``: it finishes the bar, or prints the last
    plain line with the elapsed time.
    """

    def __init__(
        self,
        total: int | None = None,
        label: str = "ingest",
        *,
        stream: TextIO | None = None,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.label = label
        self.interval = interval if interval is not None else plain_interval()
        self.clock = clock
        self.count = 0
        self.counts: dict[str, int] = {}
        self.closed = False
        self.started = clock()
        self.next_report = self.started + self.interval
        self.bar = None
        if _is_terminal(self.stream):
            self.bar = tqdm(total=total, desc=label, unit="doc", file=self.stream, dynamic_ncols=True)

    def step(self, counts: Mapping[str, int] | None = None) -> None:
        """One more input done; ``counts`` (e.g. ``{"stored": 9, "failed": 1}``) replaces the shown counts."""
        self.count += 1
        if counts is not None:
            self.counts = dict(counts)
        if self.bar is not None:
            if counts is not None:
                self.bar.set_postfix_str(counts_text(self.counts), refresh=False)
            self.bar.update(1)
            return
        now = self.clock()
        if now >= self.next_report:
            self._plain_line(now - self.started)
            self.next_report = now + self.interval

    def write(self, line: str) -> None:
        """Print ``line`` (e.g. one failed input) on its own line, above the bar on a terminal."""
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
            return
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.bar is not None:
            self.bar.close()
        else:
            self._plain_line(self.clock() - self.started, done=True)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _plain_line(self, elapsed: float, done: bool = False) -> None:
        self.stream.write(progress_line(self.label, self.count, self.total, elapsed, done, self.counts) + "\n")
        self.stream.flush()


def progress(
    iterable: Iterable[Item],
    total: int | None = None,
    label: str = "ingest",
    *,
    stream: TextIO | None = None,
    interval: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Item]:
    """Yield every item of ``iterable``, reporting count, rate and (with ``total``) ETA."""
    with Progress(total, label, stream=stream, interval=interval, clock=clock) as shown:
        for item in iterable:
            yield item
            shown.step()


def plain_interval() -> float:
    """Seconds between plain lines: ``$ATTACHE_PROGRESS_SECONDS`` if it is a number >= 0, else the default."""
    try:
        seconds = float(os.environ.get(INTERVAL_ENV, PLAIN_INTERVAL))
    except ValueError:
        return PLAIN_INTERVAL
    return seconds if seconds >= 0 else PLAIN_INTERVAL


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress_line(label: str, count: int, total: int | None, elapsed: float, done: bool = False,
                  counts: Mapping[str, int] | None = None) -> str:
    """One plain progress line: ``ingest: 1200/10000 docs, 48.2 docs/s, ETA 3m03s; stored 1150, failed 50``."""
    rate = count / elapsed if elapsed > 0 else 0.0
    counted = f"{count}/{total}" if total is not None else f"{count}"
    line = f"{label}: {counted} docs, {rate:.1f} docs/s"
    if done:
        line += f", done in {format_duration(elapsed)}"
    elif total is not None and rate > 0:
        line += f", ETA {format_duration(max(total - count, 0) / rate)}"
    return f"{line}; {counts_text(counts)}" if counts else line


def counts_text(counts: Mapping[str, int]) -> str:
    """``stored 9, duplicates 0, failed 1`` from ``{"stored": 9, "duplicates": 0, "failed": 1}``."""
    return ", ".join(f"{name} {number}" for name, number in counts.items())


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"
