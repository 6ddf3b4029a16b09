"""Batch workers import the same attache as the command that started them, wherever it runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .bad_inputs import write_good
from .cli import document_count

# What pip writes as the `attache` command: a script in another folder, which puts its own
# folder (not the current directory) first on the path.
SCRIPT = "import sys\nfrom attache.cli import main\nif __name__ == '__main__':\n    sys.exit(main())\n"


def _run_installed(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    script = cwd.parent / f"{cwd.name}-bin" / "attache_command.py"
    return subprocess.run([sys.executable, str(script), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def beside_a_checkout(tmp_path):
    """The folder that holds a checkout named ``attache`` (whose top has no __init__.py), as
    after ``git clone``: in it, ``attache`` names that folder as a namespace package."""
    folder = tmp_path / "work"
    write_good(folder / "attache" / "attache" / "examples", 3)
    (tmp_path / "work-bin").mkdir()
    (tmp_path / "work-bin" / "attache_command.py").write_text(SCRIPT)
    found = _run_installed("--version", cwd=folder)
    assert found.returncode == 0, f"attache must be installed in this environment (pip install -e .): {found.stderr}"
    return folder


@pytest.mark.slow
def test_ingest_with_workers_from_the_folder_holding_the_checkout(beside_a_checkout):
    result = _run_installed("ingest", "attache/attache/examples/", "--db", "x.db", "--jobs", "2", cwd=beside_a_checkout)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert document_count(beside_a_checkout / "x.db") == 3


@pytest.mark.slow
def test_extract_with_workers_from_the_folder_holding_the_checkout(beside_a_checkout):
    result = _run_installed("extract", "-j", "2", "attache/attache/examples/", cwd=beside_a_checkout)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [
        "good_000.txt", "good_001.txt", "good_002.txt"]
