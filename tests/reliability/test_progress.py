"""Progress and progress(): plain lines off a terminal, a bar with rate and ETA on one; items unchanged."""

from __future__ import annotations

import io

from attache.progress import (
    INTERVAL_ENV,
    PLAIN_INTERVAL,
    Progress,
    format_duration,
    plain_interval,
    progress,
    progress_line,
)


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


def test_progress_shows_outcome_counts_and_writes_lines_between_reports():
    stream = io.StringIO()
    with Progress(total=4, label="ingest", stream=stream, interval=1.0, clock=FakeClock(1.0)) as shown:
        shown.step({"stored": 1, "failed": 0})
        shown.write("bad.txt: empty document")
        shown.step({"stored": 1, "failed": 1})
    shown.close()  # closing twice prints nothing more
    assert stream.getvalue().splitlines() == [
        "ingest: 1/4 docs, 1.0 docs/s, ETA 3s; stored 1, failed 0",
        "bad.txt: empty document",
        "ingest: 2/4 docs, 1.0 docs/s, ETA 2s; stored 1, failed 1",
        "ingest: 2/4 docs, 0.7 docs/s, done in 3s; stored 1, failed 1",
    ]


def test_terminal_bar_has_eta_counts_and_lines_above_it():
    stream = FakeTerminal()
    with Progress(total=3, label="ingest", stream=stream) as shown:
        shown.step({"stored": 1, "duplicates": 0, "failed": 0})
        shown.write("bad.txt: empty document")
        shown.step({"stored": 1, "duplicates": 0, "failed": 1})
        shown.step({"stored": 2, "duplicates": 0, "failed": 1})
    screen = stream.getvalue()
    assert "3/3" in screen and "stored 2, duplicates 0, failed 1" in screen
    assert "<" in screen  # tqdm's [elapsed<remaining]: the ETA
    assert "bad.txt: empty document\n" in screen.replace("\r", "\n")


def test_plain_interval_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(INTERVAL_ENV, "0.5")
    assert plain_interval() == 0.5
    for bad in ("soon", "-1"):
        monkeypatch.setenv(INTERVAL_ENV, bad)
        assert plain_interval() == PLAIN_INTERVAL
    monkeypatch.delenv(INTERVAL_ENV)
    assert plain_interval() == PLAIN_INTERVAL
