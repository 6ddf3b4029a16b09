"""`attache demo` stopped by a signal leaves no temporary folder behind."""

from __future__ import annotations

import signal
import subprocess

import pytest

from .cli import COMMAND, env


def _stop_demo_after(line_start: str, tmp_path) -> tuple[int, str]:
    """Start `attache demo`, send SIGTERM once stderr shows a line starting with ``line_start``;
    return its exit status and stderr. Its temporary folders go under ``tmp_path``."""
    demo = subprocess.Popen([*COMMAND, "demo", "--no-browser"], env=env() | {"TMPDIR": str(tmp_path)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = []
    try:
        for line in demo.stderr:
            seen.append(line)
            if line.startswith(line_start):
                demo.send_signal(signal.SIGTERM)
                break
        rest = demo.communicate(timeout=120)[1]
    finally:
        if demo.poll() is None:
            demo.kill()
    return demo.returncode, "".join(seen) + rest


@pytest.mark.slow
@pytest.mark.parametrize("when", ["Reading the bundled example articles", "Serving the demo"])
def test_sigterm_removes_the_demo_folder(tmp_path, when):
    status, stderr = _stop_demo_after(when, tmp_path)
    assert when in stderr
    assert status == 128 + signal.SIGTERM, stderr
    assert list(tmp_path.iterdir()) == [], stderr
    assert "Traceback" not in stderr
