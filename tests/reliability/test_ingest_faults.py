"""`attache ingest` as a user runs it (a real subprocess): bad inputs, kill -9, serving meanwhile."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import threading
import time
import urllib.request

import pytest

from .bad_inputs import write_bad_inputs, write_good
from .cli import document_count, integrity, run, snapshot, start


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A store holding four good articles, and the folder they came from."""
    root = tmp_path_factory.mktemp("seeded")
    write_good(root / "seed", 4)
    db = root / "seed.db"
    result = run("ingest", str(root / "seed"), "--db", str(db), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert document_count(db) == 4
    return root, db


def copy_db(db, target):
    shutil.copy(db, target)
    return target


def test_each_bad_input_is_one_line_and_nothing_changes(seeded, tmp_path):
    root, seed_db = seeded
    db = copy_db(seed_db, tmp_path / "store.db")
    before = snapshot(db)
    made = write_bad_inputs(tmp_path / "inputs")
    result = run("ingest", str(tmp_path / "inputs" / "fail"), "--db", str(db), "--jobs", "2")
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    for origin, expectation in made.items():
        if expectation == "fail" and "/fail/" in origin:
            assert len([line for line in lines if f"{origin}: " in line]) == 1, (origin, lines)
    assert snapshot(db) == before


@pytest.mark.slow
def test_dirty_inputs_end_stored_or_reported_and_the_batch_goes_on(seeded, tmp_path):
    root, seed_db = seeded
    db = copy_db(seed_db, tmp_path / "store.db")
    seed_rows = snapshot(db)["documents"]
    write_bad_inputs(tmp_path / "inputs")
    good = write_good(tmp_path / "inputs" / "either", 3, start=40)
    started = time.monotonic()
    result = run("ingest", str(tmp_path / "inputs" / "either"), str(tmp_path / "inputs" / "fail"),
                 "--db", str(db), "--jobs", "2")
    assert time.monotonic() - started < 240
    assert result.returncode != 0
    assert document_count(db) >= 4 + len(good)
    assert set(seed_rows) <= set(snapshot(db)["documents"])  # what was stored is untouched
    assert integrity(db) == "ok"
    assert "Traceback" not in result.stderr


def test_boilerplate_only_page_is_reported(seeded, tmp_path):
    _root, seed_db = seeded
    db = copy_db(seed_db, tmp_path / "store.db")
    before = snapshot(db)
    write_bad_inputs(tmp_path / "inputs")
    result = run("ingest", str(tmp_path / "inputs" / "boilerplate"), "--db", str(db), "--jobs", "1")
    assert result.returncode != 0 and "boilerplate.txt" in result.stderr
    assert snapshot(db) == before


def test_a_file_that_cannot_be_opened_is_reported(tmp_path):
    # A socket in the folder: no one can open it to read, root included (who reads a chmod 000
    # file anyway); unreadable files of other kinds are tests/ingest/test_readers.py's.
    write_good(tmp_path / "in", 1)
    unreadable = tmp_path / "in" / "socket.txt"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(unreadable))
        result = run("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"), "--jobs", "1")
    assert result.returncode != 0 and f"{unreadable}: " in result.stderr
    assert document_count(tmp_path / "s.db") == 1


def _descendants(pid: int) -> set[int]:
    tree: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as handle:
                tree.setdefault(int(handle.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
        except OSError:
            continue
    found, stack = set(), [pid]
    while stack:
        for child in tree.get(stack.pop(), ()):
            found.add(child)
            stack.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_kill_9_mid_batch_loses_nothing_committed_and_rerun_completes(tmp_path):
    total = 240
    write_good(tmp_path / "batch", total)
    db = tmp_path / "store.db"
    process = start("ingest", str(tmp_path / "batch"), "--db", str(db), "--jobs", "2")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and document_count(db) >= 20:
            break
        time.sleep(0.2)
    assert process.poll() is None, "the batch ended before it could be killed"
    workers = _descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert integrity(db) == "ok"
    committed = snapshot(db)["documents"]
    assert 20 <= len(committed) < total
    time.sleep(2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived a killed ingest"

    rerun = run("ingest", str(tmp_path / "batch"), "--db", str(db), "--jobs", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert document_count(db) == total
    assert set(committed) <= set(snapshot(db)["documents"])
    again = run("ingest", str(tmp_path / "batch"), "--db", str(db), "--jobs", "1")
    assert again.returncode == 0 and document_count(db) == total


@pytest.mark.slow
def test_serve_answers_20_clients_while_ingest_writes(seeded, tmp_path):
    from attache.serve.server import free_port

    _root, seed_db = seeded
    db = copy_db(seed_db, tmp_path / "store.db")
    write_good(tmp_path / "more", 120, start=100)
    port = free_port()
    server = start("serve", "--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/index.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        ingest = start("ingest", str(tmp_path / "more"), "--db", str(db), "--jobs", "1")
        failures, answers = [], []
        paths = ["/index.json", "/events.json", "/search.json?q=consultations", "/events.json?country=TM"]

        def client(number: int) -> None:
            while ingest.poll() is None:
                path = paths[number % len(paths)]
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as response:
                        json.loads(response.read())
                        answers.append(response.status)
                except (OSError, ValueError) as error:
                    failures.append(f"{path}: {error}")

        clients = [threading.Thread(target=client, args=(n,)) for n in range(20)]
        for thread in clients:
            thread.start()
        ingest.communicate(timeout=300)
        for thread in clients:
            thread.join(60)
        assert ingest.returncode == 0
        assert failures == []
        assert len(answers) >= 20 and set(answers) == {200}
        assert document_count(db) == 4 + 120
    finally:
        server.terminate()
        server.communicate(timeout=30)
