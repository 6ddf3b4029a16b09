"""`attache serve` and `attache demo` as a user runs them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from attache.cli import main
from attache.serve.demo import example_paths
from attache.serve.server import free_port
from serve.conftest import serving


def test_serve_and_demo_have_help():
    runner = CliRunner()
    for command in ("serve", "demo"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "--port" in result.output


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "nothing.db")])
    assert result.exit_code != 0 and "no such database" in result.output


def test_serve_binds_loopback_by_default():
    serve = next(c for c in main.commands.values() if c.name == "serve")
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.slow
def test_demo_builds_the_examples_and_serves_them(tmp_path):
    port = free_port()
    log_path = tmp_path / "demo.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", "from attache.cli import main; main()",
                                    "demo", "--no-browser", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                home = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=5)
                if home.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.3)
        assert home.json()["documents"] >= len(example_paths()) - 1
        assert home.json()["events"] > 0
        assert f"http://127.0.0.1:{port}/" in log_path.read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if parent == pid:
                found.append(int(entry))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="counts worker processes through /proc")
def test_serve_with_workers_computes_pages_in_that_many_processes(demo_db, tmp_path):
    with serving(demo_db, tmp_path / "server.log", "--workers", "2", "--threads", "2") as (base_url, process):
        deadline = time.monotonic() + 20
        while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(process.pid)
        assert len(workers) >= 2, (tmp_path / "server.log").read_text()

        async def many():
            async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
                paths = ["/index.json", "/events.json", "/events.json?limit=500"] * 10
                return await asyncio.gather(*(http.get(path) for path in paths))

        answers = asyncio.run(many())
        assert [a.status_code for a in answers] == [200] * 30
        assert answers[0].json()["events"] == answers[3].json()["events"] > 0
        # an answer larger than a pipe's buffer comes whole from a page process
        assert len(answers[2].content) > 65536 and answers[2].json()["events"] == answers[5].json()["events"]
    assert process.wait(timeout=10) is not None
    deadline = time.monotonic() + 15
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in workers)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            return "zombie" not in handle.read().lower()
    except OSError:
        return False


def test_serve_uses_the_default_store_and_attache_db(demo_db, tmp_path, monkeypatch):
    served = []
    monkeypatch.setattr("attache.serve.server.run", lambda db_path, **options: served.append(db_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTACHE_DB", raising=False)
    missing = CliRunner().invoke(main, ["serve"])
    assert missing.exit_code == 1 and "attache.db: no such database" in missing.stderr
    assert CliRunner().invoke(main, ["serve"], env={"ATTACHE_DB": str(demo_db)}).exit_code == 0
    (tmp_path / "attache.db").write_bytes(demo_db.read_bytes())
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    assert [str(path) for path in served] == [str(demo_db), "attache.db"]
