"""`attache serve` and `attache demo` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from attache.cli import main
from attache.serve.demo import example_paths
from attache.serve.server import free_port


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
