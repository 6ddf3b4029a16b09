"""`attache ingest`, `watch --once` and `extract` as a user runs them (real subprocesses), on
hostile inputs beside good ones: one stderr line per bad input, naming it, every good input
stored, no traceback, and nothing stored before is changed."""

from __future__ import annotations

import json
import os

import pytest

from .bad_inputs import good_article, write_good
from .cli import document_count, run, snapshot

DEEP = '{"text": ' + "[" * 1_000 + "]" * 1_000 + "}"


def write_hostile_jsonl(path) -> list[str]:
    """Good lines after a deeply nested line and after lone surrogates; returns the bad origins."""
    lines = [DEEP, json.dumps({"id": "good-1", "text": good_article(11)}),
             '{"id": "lone", "text": "\\ud800 ' + good_article(12).replace("\n", " ") + '"}',
             json.dumps({"id": "good-3", "text": good_article(13)})]
    path.write_text("\n".join(lines) + "\n")
    return [f"{path}:1", f"{path}:3"]


def write_hostile_folder(folder) -> list[str]:
    """Good articles beside a symlink loop, device links and file names that are not UTF-8
    or hold a newline; returns the inputs that must fail."""
    write_good(folder, 2)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "mem.txt").symlink_to("/proc/self/mem")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as handle:
        handle.write(good_article(14))
    with open(os.path.join(os.fsencode(folder), b"new\nline.txt"), "w") as handle:
        handle.write(good_article(15))
    return [str(folder / name) for name in ("loop.txt", "mem.txt", "zero.txt")]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": " in line and not line.startswith(("ingest:", "stored"))]


def assert_each_reported_once(stderr: str, origins: list[str]) -> None:
    for origin in origins:
        assert len([line for line in stderr.splitlines() if line.startswith(f"{origin}: ")]) == 1, (origin, stderr)
    assert "Traceback" not in stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_reports_hostile_inputs_and_stores_every_good_one(tmp_path, jobs):
    bad = write_hostile_jsonl(tmp_path / "lines.jsonl") + write_hostile_folder(tmp_path / "folder")
    db = tmp_path / "store.db"
    result = run("ingest", str(tmp_path / "lines.jsonl"), str(tmp_path / "folder"), "--db", str(db), "--jobs", jobs)
    assert result.returncode == 1
    assert_each_reported_once(result.stderr, bad)
    assert document_count(db) == 2 + 2 + 2  # two JSONL lines, two articles, the two oddly named files
    before = snapshot(db)
    again = run("ingest", str(tmp_path / "lines.jsonl"), str(tmp_path / "folder"), "--db", str(db), "--jobs", jobs)
    assert again.returncode == 1
    assert_each_reported_once(again.stderr, bad)
    assert snapshot(db) == before


def test_watch_once_reports_hostile_inputs_and_stores_every_good_one(tmp_path):
    inbox = tmp_path / "inbox"
    bad = write_hostile_folder(inbox) + write_hostile_jsonl(inbox / "lines.jsonl")
    db = tmp_path / "store.db"
    result = run("watch", str(inbox), "--once", "--db", str(db))
    assert result.returncode == 1
    assert_each_reported_once(result.stderr, bad)
    assert document_count(db) == 6


def test_extract_prints_every_good_document(tmp_path):
    bad = write_hostile_jsonl(tmp_path / "lines.jsonl")
    result = run("extract", str(tmp_path / "lines.jsonl"))
    assert result.returncode == 1
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == bad
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["good-1", "good-3"]


def test_malformed_url_lines_are_reported_and_fetched_pages_kept(server, tmp_path):
    pages = [server.page(f"/news/{n}", f"<html><body><article><p>{good_article(n)}</p></article></body></html>")
             for n in range(3)]
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join([pages[0], "http://[::1", pages[1], "https://exa mple.org/x", "file:///etc/passwd",
                                  "http://127.0.0.1:99999/x", pages[2]]) + "\n")
    db = tmp_path / "u.db"
    result = run("ingest", "--urls", str(listing), "--db", str(db), "--jobs", "1")
    assert result.returncode == 1
    assert_each_reported_once(result.stderr, [f"{listing}:{line}" for line in (2, 4, 5, 6)])
    assert document_count(db) == 3
