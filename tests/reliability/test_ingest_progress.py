"""`attache ingest` progress as a user sees it: plain lines in a log, a bar with ETA on a terminal,
one line per failed input either way, and the summary last."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios

from .bad_inputs import write_good
from .cli import COMMAND, env, run
from .test_ingest_urls import serve_pages


def _inputs(folder):
    write_good(folder, 3)
    (folder / "empty.txt").write_text("")
    return folder


def test_plain_lines_with_totals_counts_and_failures(tmp_path):
    folder = _inputs(tmp_path / "news")
    result = subprocess.run([*COMMAND, "ingest", str(folder), "--db", str(tmp_path / "p.db"), "--jobs", "1"],
                            env=env() | {"ATTACHE_PROGRESS_SECONDS": "0"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    reports = [line for line in lines if line.startswith("ingest: ")]
    assert [line.split()[1] for line in reports] == ["1/4", "2/4", "3/4", "4/4", "4/4"]
    assert all("ETA" in line for line in reports[:-1]) and "done in" in reports[-1]
    assert reports[-1].endswith("; stored 3, duplicates 0, failed 1")
    assert len([line for line in lines if line == f"{folder / 'empty.txt'}: empty document"]) == 1
    assert lines[-1] == "stored 3, duplicates 0, failed 1"


def test_a_terminal_gets_a_bar_with_eta_and_the_failure_above_it(tmp_path):
    folder = _inputs(tmp_path / "news")
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    process = subprocess.Popen([*COMMAND, "ingest", str(folder), "--db", str(tmp_path / "t.db"), "--jobs", "1"],
                               env=env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal is gone once the command has exited
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    assert process.wait(timeout=300) == 1
    text = screen.decode("utf-8", "replace").replace("\r\n", "\n")
    assert "ingest:" in text and "%|" in text and "4/4" in text
    assert "<" in text  # tqdm's [elapsed<remaining]: the ETA, known from the counted inputs
    assert "stored 3, duplicates 0, failed 1]" in text  # the counts beside the bar
    assert f"\n{folder / 'empty.txt'}: empty document\n" in text.replace("\r", "\n")
    assert text.rstrip().endswith("stored 3, duplicates 0, failed 1")


def test_urls_already_stored_count_as_duplicates(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(serve_pages(server)) + "\n")
    db = str(tmp_path / "u.db")
    first = run("ingest", "--urls", str(listing), "--db", db, "--jobs", "1")
    assert first.stderr.splitlines()[-1] == "stored 3, duplicates 0, failed 1"
    again = run("ingest", "--urls", str(listing), "--db", db, "--jobs", "1")
    assert again.stderr.splitlines()[-1] == "stored 0, duplicates 3, failed 1"
    assert [line for line in again.stderr.splitlines() if line.startswith("ingest: 4/4 docs")]
