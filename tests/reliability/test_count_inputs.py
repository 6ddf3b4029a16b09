"""count_inputs(): the batch size known before reading (for the ETA) equals what the readers yield."""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.ingest import readers
from attache.ingest.counting import count_inputs
from attache.ingest.readers import iter_raw
from attache.ingest.sources import read_url_list

ARTICLE = "Santiago, 2 May 2024\nThe Ministers of Foreign Affairs of Chile and Vietnam held talks in Santiago.\n"


def _line(n: int) -> str:
    return json.dumps({"id": f"d{n}", "text": ARTICLE}) + "\n"


@pytest.fixture
def tree(tmp_path):
    """Files, a nested folder, hidden names, JSONL with blank lines and bad lines, a dangling link."""
    root = tmp_path / "news"
    (root / "2024" / "may").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "b.html").write_text("<html><body><p>talks</p></body></html>")
    (root / ".hidden.txt").write_text(ARTICLE)
    (root / "2024" / "may" / "c.txt").write_text("")
    (root / "2024" / "items.jsonl").write_text(_line(1) + "\n  \n" + "not json\n" + _line(2) + "\r\n" + _line(3).rstrip("\n"))
    (root / "2024" / "EMPTY.JSONL").write_text("\n\n")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    single = tmp_path / "single.jsonl"
    single.write_text("".join(_line(n) for n in range(5)))
    return root, single


def test_counts_what_the_readers_yield(tree):
    root, single = tree
    inputs = [str(root), str(single), str(root / "a.txt"), str(root / "nowhere.txt")]
    assert count_inputs(inputs) == len(list(iter_raw(inputs)))
    # a.txt, b.html, dangling.txt, c.txt, 4 JSONL lines (one invalid); 5 lines; a.txt again; a missing path
    assert count_inputs(inputs) == 4 + 4 + 5 + 1 + 1


def test_stdin_and_feeds_are_unknown(tree):
    root, _ = tree
    assert count_inputs([str(root), "-"]) is None
    assert count_inputs([str(root)], feed="http://127.0.0.1:9/rss") is None


def test_url_lists_count_every_entry_the_list_yields(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# ministry pages\nhttp://127.0.0.1:9/a\n\nftp://example.org/x\n  https://127.0.0.1:9/b  \n")
    assert count_inputs(urls_file=str(listing)) == len(list(read_url_list(str(listing)))) == 3
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert count_inputs([str(tmp_path / "a.txt")], urls_file=str(listing)) == 4


def test_a_100000_line_jsonl_counts_in_well_under_a_second(tmp_path):
    path = tmp_path / "big.jsonl"
    line = _line(0).encode()
    with open(path, "wb") as handle:
        for _ in range(100):
            handle.write(line * 1000)
    started = time.perf_counter()
    assert count_inputs([str(path)]) == 100_000
    assert time.perf_counter() - started < 0.5


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.lists(st.sampled_from(
    [b"", b" ", b"\t", b"\r", b"\x0b", b"\xef\xbb\xbf", b"{}", b'{"text": "Talks."}', b"x y"]), max_size=20).map(b"\n".join))
def test_jsonl_lines_counted_as_the_reader_reads_them_across_chunks(tmp_path, monkeypatch, data):
    monkeypatch.setattr(readers, "_COUNT_CHUNK", 5)
    path = tmp_path / "lines.jsonl"
    path.write_bytes(data)
    assert count_inputs([str(path)]) == len(list(iter_raw([str(path)])))
