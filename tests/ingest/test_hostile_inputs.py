"""Hostile inputs in a folder or a JSONL file: each is its own one-line error, the rest is read."""

from __future__ import annotations

import json
import os
import socket
import threading

import pytest

from attache.display import one_line
from attache.errors import InputError
from attache.ingest.guard import guard
from attache.ingest.raw import RawDocument
from attache.ingest.readers import count_documents, iter_raw

ARTICLE = "Talks between Georgia and Armenia were held in Tbilisi on Monday.\n"


def read_all(*inputs):
    return list(iter_raw([str(i) if not isinstance(i, bytes) else os.fsdecode(i) for i in inputs]))


def errors(items):
    return {item.origin: item.reason for item in items if isinstance(item, InputError)}


def documents(items):
    return [item.doc for item in items if isinstance(item, RawDocument)]


def test_a_symlink_loop_is_its_own_error_and_the_folder_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "ring1").symlink_to(tmp_path / "ring2")
    (tmp_path / "ring2").symlink_to(tmp_path / "ring1")
    (tmp_path / "z.txt").write_text(ARTICLE)
    items = read_all(tmp_path)
    loop = "symbolic link loop (too many levels of symbolic links)"
    assert errors(items) == {str(tmp_path / name): loop for name in ("loop", "ring1", "ring2")}
    assert documents(items) == ["a.txt", "z.txt"]
    assert count_documents([str(tmp_path)]) == len(items)


@pytest.mark.parametrize(("target", "reason"), [
    ("/dev/zero", "not a regular file (a character device)"),
    ("/dev/null", "not a regular file (a character device)"),
    ("/proc/self/mem", "is a file of the kernel's"),
    ("/proc/self/environ", "is a file of the kernel's"),
])
def test_links_to_devices_and_kernel_files_are_refused_unread(tmp_path, target, reason):
    assert os.path.exists(target), f"{target} is needed by this test"
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "device.txt").symlink_to(target)
    (tmp_path / "device.jsonl").symlink_to(target)
    items = read_all(tmp_path)
    assert sorted(errors(items)) == [str(tmp_path / "device.jsonl"), str(tmp_path / "device.txt")]
    assert all(found.startswith(reason) for found in errors(items).values())
    assert documents(items) == ["a.txt"]


def test_counting_a_folder_ahead_of_a_batch_reads_no_device(tmp_path):
    # The count for the progress bar reads JSONL files: a link to /dev/zero must not be read
    # (it never ends), as the reader does not read it.
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "loop.jsonl").symlink_to(tmp_path / "loop.jsonl")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n\n" + json.dumps({"text": ARTICLE}))
    counted = []
    counting = threading.Thread(target=lambda: counted.append(count_documents([str(tmp_path)])), daemon=True)
    counting.start()
    counting.join(60)  # (only a guard against hanging the test run: it takes milliseconds)
    assert counted == [len(read_all(tmp_path))] == [4]


def test_a_fifo_and_a_socket_are_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as bound:
        bound.bind(str(tmp_path / "socket.txt"))
    (tmp_path / "z.txt").write_text(ARTICLE)
    items = read_all(tmp_path)  # opening a FIFO to read would wait for a writer forever
    assert errors(items) == {str(tmp_path / "pipe.txt"): "not a regular file (a FIFO)",
                             str(tmp_path / "socket.txt"): "not a regular file (a socket)"}
    assert documents(items) == ["z.txt"]


def test_file_names_that_are_not_utf8_or_hold_controls_name_their_input_on_one_line(tmp_path):
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"new\nline.txt", "\u202etxt.exe".encode()):
        with open(os.path.join(folder, name), "w") as handle:
            handle.write(ARTICLE)
    with open(os.path.join(folder, b"empty\xff.txt"), "w"):
        pass
    items = read_all(tmp_path)
    origins = sorted(item.origin.removeprefix(f"{tmp_path}/") for item in items)
    assert origins == sorted(["caf\\udce9.txt", "empty\\udcff.txt", "new\\nline.txt", "\\u202etxt.exe"])
    for item in items:
        assert item.origin == one_line(item.origin)
        assert item.origin.encode("utf-8")  # can be printed and stored
    assert sorted(documents(items)) == origins


def test_deeply_nested_jsonl_line_is_that_lines_error(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    + json.dumps({"id": "after", "text": ARTICLE}) + "\n")
    items = read_all(path)
    assert errors(items) == {f"{path}:1": "JSON is nested too deeply to read"}
    assert documents(items) == ["after"]


def test_lone_surrogates_in_jsonl_fields_are_that_lines_error(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text('{"id": "s1", "text": "\\ud800 ' + ARTICLE.strip() + '"}\n'
                    '{"id": "s2", "text": "' + ARTICLE.strip() + '", "title": "T \\udfff"}\n'
                    '{"id": "pair", "text": "\\ud83c\\udf0d ' + ARTICLE.strip() + '"}\n')
    items = read_all(path)
    assert errors(items) == {
        f"{path}:1": "text holds a lone surrogate (U+D800) at character 0: not valid Unicode text",
        f"{path}:2": "title holds a lone surrogate (U+DFFF) at character 2: not valid Unicode text",
    }
    assert documents(items) == ["pair"]  # a surrogate pair is one character: the globe


def test_a_published_value_too_long_to_be_a_date_is_refused(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "published": "2025-01-01" + "9" * 1_000_000}) + "\n")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.reason.endswith("is not a date (use YYYY-MM-DD)")
    assert len(error.reason) < 100


def test_the_guard_refuses_oversize_texts_and_leaves_good_documents_as_they_are():
    good = RawDocument(doc="d", origin="in/d.txt", text=ARTICLE)
    assert guard(good) is good
    too_long = guard(RawDocument(doc="d", origin="in/d.txt", html="x" * 11), max_bytes=10)
    assert isinstance(too_long, InputError) and too_long.reason == "html is 11 characters, over the 10 limit"
    error = InputError("in/bad\n.txt", "empty document")
    assert guard(error) is error and error.origin == "in/bad\\n.txt"
