"""The code passes ruff with the project's settings (pyproject.toml, [tool.ruff])."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ruff.__main__ import find_ruff_bin

ROOT = Path(__file__).resolve().parents[1]


def test_the_code_passes_ruff():
    checked = subprocess.run([find_ruff_bin(), "check", "--no-cache", str(ROOT)], capture_output=True, text=True,
                             cwd=ROOT, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
