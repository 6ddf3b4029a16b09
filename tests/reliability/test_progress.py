"""progress(): plain lines off a terminal, a bar with rate and ETA on one; items unchanged."""

from __future__ import annotations

import io

from attache.progress import format_duration, progress, progress_line


class FakeClock:
    def __init__(self, step: float):
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_every_interval_with_rate_and_eta():
    stream = io.StringIO()
    items = list(progress(range(100), total=100, label="ingest", stream=stream, interval=10.0, clock=FakeClock(0.5)))
    assert items == list(range(100))
    lines = stream.getvalue().splitlines()
    # one item per 0.5 s: a line every 20 items, plus the closing line
    assert len(lines) == 5 + 1
    assert lines[0].startswith("ingest: 20/100 docs, 2.0 docs/s, ETA ")
    assert "done in" in lines[-1] and lines[-1].startswith("ingest: 100/100 docs")


def test_plain_without_total_has_no_eta():
    stream = io.StringIO()
    list(progress(iter(range(30)), stream=stream, interval=1.0, clock=FakeClock(1.0)))
    assert "ETA" not in stream.getvalue()
    assert stream.getvalue().splitlines()[-1].startswith("ingest: 30 docs")


def test_terminal_gets_a_bar_with_rate():
    stream = FakeTerminal()
    assert list(progress(range(50), total=50, label="extract", stream=stream)) == list(range(50))
    assert "extract" in stream.getvalue() and "50/50" in stream.getvalue() and "doc/s" in stream.getvalue()


def test_line_and_duration_format():
    assert progress_line("ingest", 1200, 10000, 25.0) == "ingest: 1200/10000 docs, 48.0 docs/s, ETA 3m03s"
    assert format_duration(3725) == "1h02m05s"
    assert format_duration(4.4) == "4s"
