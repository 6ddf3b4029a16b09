"""iter_raw: files, directories, stdin, JSONL; every bad input is an InputError, never a raise."""

from __future__ import annotations

import io
import json
import os

import pytest

from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.ingest.readers import iter_raw, looks_like_html

ARTICLE = "Talks between Georgia and Armenia were held in Tbilisi on Monday.\n"


def read_all(*inputs, **options):
    return list(iter_raw([str(i) for i in inputs], **options))


def errors(items):
    return [(item.origin, item.reason) for item in items if isinstance(item, InputError)]


def test_text_file(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE)
    (raw,) = read_all(path)
    assert isinstance(raw, RawDocument)
    assert (raw.doc, raw.origin, raw.kind, raw.content) == ("talks.txt", str(path), "text", ARTICLE.encode())
    assert raw.published is None


def test_published_hint_is_given_to_every_document(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (raw,) = read_all(tmp_path / "a.txt", published="2025-02-04")
    assert (raw.published, raw.published_fallback) == (None, "2025-02-04")


def test_malformed_published_hint_raises_at_once():
    with pytest.raises(InputError) as caught:
        iter_raw([], published="4 Feb")
    assert caught.value.origin == "--published"


def test_directory_is_recursed_sorted_and_hidden_names_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    for name in ["b/2.txt", "b/1.txt", "c.txt", "a.txt"]:
        (tmp_path / name).write_text(ARTICLE)
    docs = [raw.origin for raw in read_all(tmp_path)]
    assert docs == [str(tmp_path / name) for name in ["a.txt", "b/1.txt", "b/2.txt", "c.txt"]]


def test_directory_symlink_loop_ends(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [raw.doc for raw in read_all(tmp_path)] == ["a.txt"]


def test_html_by_extension_and_by_sniffing(tmp_path):
    (tmp_path / "page.htm").write_text("<p>Talks in Baku.</p>")
    (tmp_path / "page.txt").write_text(
        "\ufeff<!-- saved -->\n<!DOCTYPE html><html><body><p>x</p></body></html>"
    )
    (tmp_path / "plain.txt").write_text("The <html> tag was not discussed at the talks.")
    kinds = {raw.doc: raw.kind for raw in read_all(tmp_path)}
    assert kinds == {"page.htm": "html", "page.txt": "html", "plain.txt": "text"}


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<html lang='en'>", True),
        (b"  <!doctype HTML>", True),
        (b"<?xml version='1.0'?>\n<html>", True),
        (b"Hello", False),
        (b"<!-- a --> <!-- b -->\n<!doctype html>", True),
        # A comment ends at its first "-->" (the pattern cannot try every way to split a run
        # of comments: 30 empty comments before a non-HTML start took minutes).
        (b"<!-- a --> not html --><html>", False),
        (b"<!---->" * 290 + b"x", False),
    ],
)
def test_html_sniffing(head, expected):
    assert looks_like_html(head) is expected


def test_stdin_is_read_from_the_given_stream():
    (raw,) = read_all("-", stdin=io.BytesIO(ARTICLE.encode()), published="2024-01-05")
    assert (raw.doc, raw.origin, raw.content, raw.published_fallback) == (
        "stdin",
        "<stdin>",
        ARTICLE.encode(),
        "2024-01-05",
    )


def test_stdin_over_the_limit_is_an_error():
    (item,) = read_all("-", stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert errors([item]) == [("<stdin>", "input is over the 0.0001 MB limit")]


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": ARTICLE,
                "published": "2024-05-17",
                "url": "https://e.org/1",
                "source": "nCa",
                "title": "T",
            }
        ),
        "{not json",
        "",
        json.dumps({"id": 7, "html": "<html><body><p>Talks.</p></body></html>"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "x", "title": "no body"}),
        json.dumps({"id": "y", "text": ARTICLE, "published": "17/05/2024"}),
        json.dumps({"id": "z", "text": ARTICLE, "published": "2024-05-17T08:00:00Z"}),
        json.dumps({"text": ARTICLE, "source": 5}),
        json.dumps({"text": ARTICLE}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path, published="2020-01-01")
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [(d.doc, d.origin, d.kind, d.published or d.published_fallback) for d in docs] == [
        ("a1", f"{path}:1", "text", "2024-05-17"),
        ("7", f"{path}:4", "html", "2020-01-01"),
        ("z", f"{path}:8", "text", "2024-05-17"),
        ("batch.jsonl:10", f"{path}:10", "text", "2020-01-01"),
    ]
    first = docs[0]
    assert (first.text, first.url, first.source, first.title) == (ARTICLE, "https://e.org/1", "nCa", "T")
    bad = dict(errors(items))
    assert list(bad) == [f"{path}:{n}" for n in (2, 5, 6, 7, 9)]
    assert bad[f"{path}:2"].startswith("invalid JSON")
    assert bad[f"{path}:5"] == "line is a JSON list, not an object"
    assert bad[f"{path}:6"] == 'line has no "text" or "html"'
    assert "is not a date" in bad[f"{path}:7"]
    assert bad[f"{path}:9"] == '"source" must be a string, not int'


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "x" * 500}) + "\n" + json.dumps({"id": "ok", "text": "fine"}) + "\n"
    )
    items = read_all(path, max_bytes=100)
    assert errors(items) == [(f"{path}:1", "line is over the 0.0001 MB limit")]
    assert [item.doc for item in items if isinstance(item, RawDocument)] == ["ok"]


def test_oversize_file_is_an_error_and_the_next_file_is_read(tmp_path):
    big = tmp_path / "a_big.txt"
    with open(big, "wb") as handle:
        handle.truncate(52_400_000)
    (tmp_path / "b_small.txt").write_text(ARTICLE)
    items = read_all(tmp_path)
    assert errors(items) == [(str(big), "file is 52.4 MB, over the 10 MB limit")]
    assert items[1].doc == "b_small.txt"


def test_missing_file_and_dangling_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = read_all(tmp_path / "missing.txt", tmp_path)
    assert errors(items) == [
        (str(tmp_path / "missing.txt"), "no such file or directory"),
        (str(tmp_path / "gone.txt"), "broken symbolic link (its target does not exist)"),
    ]


def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    (tmp_path / "open.txt").write_text(ARTICLE)
    real_open = os.open

    def refusing_open(path, *args, **kwargs):  # (root reads a chmod 000 file anyway)
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    items = read_all(tmp_path)
    assert errors(items) == [(str(locked), "permission denied")]
    assert [item.doc for item in items if isinstance(item, RawDocument)] == ["open.txt"]


def test_unreadable_directory_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "private").mkdir()
    real_scandir = os.scandir

    def refusing_scandir(path):
        if str(path).endswith("private"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    items = read_all(tmp_path)
    assert errors(items) == [(str(tmp_path / "private"), "cannot read directory: permission denied")]
    assert items[0].doc == "a.txt"
