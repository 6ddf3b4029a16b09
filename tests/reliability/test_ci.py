"""`.ci/run` fails, never skips: a test skipped in CI (chromium or a server missing) is a failure."""

from __future__ import annotations

import os
import subprocess
import sys

from .cli import ROOT

SAMPLE = '''
import pytest

def test_runs():
    pass

@pytest.mark.skipif(True, reason="no chromium binary on PATH")
def test_needs_chromium():
    pass

def test_needs_a_server():
    pytest.skip("no server on port 9")

@pytest.mark.xfail(strict=True, reason="known")
def test_known_failure():
    assert False
'''


def test_a_skip_fails_the_ci_run_with_its_reason(tmp_path):
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = os.environ | {"PYTHONPATH": str(ROOT / ".ci"), "COLUMNS": "300"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no_skips", "-p", "no:cacheprovider", "-rfE",
                             str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert "skipped in CI, where every test must run: no chromium binary on PATH" in result.stdout
    assert "skipped in CI, where every test must run: no server on port 9" in result.stdout
    # (a skip decided before the test runs, by a mark, fails its set-up: pytest counts an error)
    assert "1 failed, 1 passed, 1 xfailed, 1 error" in result.stdout


def test_ci_runs_the_tests_with_that_plugin():
    script = (ROOT / ".ci" / "run").read_text()
    assert "pytest -p no_skips" in script and 'PYTHONPATH=".ci' in script
