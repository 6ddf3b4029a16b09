"""Fault runs of the real `attache ingest`: bad inputs, then kill -9 in the middle of a batch.

1. Bad inputs: a store is seeded with generated articles; then a folder of inputs that must
   all fail (binary, empty, 50 MB, invalid JSONL lines, dangling symlink, unreadable file ...)
   and a folder of dirty-but-maybe-readable ones (cp1251, UTF-16, mixed encodings, hostile and
   10k-deep HTML, entity bombs) are ingested. Prints inputs tried, how many failed with exactly
   one stderr line naming them, the exit status, and whether the stored rows are unchanged.
2. kill -9: ingest N generated articles with 2 jobs, SIGKILL the command after a share of
   them is stored, check PRAGMA integrity_check, re-run the same command, and print the
   counts: committed before the kill, after the re-run (each document once), committed rows intact.

    python benchmarks/faults.py [-n 600] [--kill-at 0.3]
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import write_corpus  # noqa: E402

from tests.reliability.bad_inputs import write_bad_inputs  # noqa: E402
from tests.reliability.cli import document_count, integrity, run, snapshot, start  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def bad_inputs(work: Path, seed_count: int) -> None:
    db = work / "bad.db"
    write_corpus(work / "seed", seed_count, seed=5)
    seeded = run("ingest", str(work / "seed"), "--db", str(db))
    say(f"[bad inputs] seeded store: {document_count(db)} documents (exit {seeded.returncode})")
    before = snapshot(db)
    made = write_bad_inputs(work / "inputs")
    must_fail = [origin for origin, expectation in made.items() if expectation == "fail" and "/fail/" in origin]
    started = time.perf_counter()
    result = run("ingest", str(work / "inputs" / "fail"), "--db", str(db))
    lines = result.stderr.splitlines()
    clean = [origin for origin in must_fail if len([line for line in lines if f"{origin}: " in line]) == 1]
    say(f"[bad inputs] must-fail folder: {len(must_fail)} inputs tried, {len(clean)} failed cleanly "
        f"(one stderr line naming each), exit status {result.returncode}, {time.perf_counter() - started:.1f} s; "
        f"stored rows unchanged: {snapshot(db) == before}")
    for origin in sorted(set(must_fail) - set(clean)):
        say(f"    not reported exactly once: {origin}")
    seed_rows = set(snapshot(db)["documents"])
    count = document_count(db)
    started = time.perf_counter()
    result = run("ingest", str(work / "inputs" / "either"), "--db", str(db))
    either = [origin for origin, expectation in made.items() if "/either/" in origin]
    named = sum(1 for line in result.stderr.splitlines() if "/either/" in line)
    say(f"[bad inputs] dirty folder: {len(either)} files, {document_count(db) - count} stored, {named} reported, "
        f"exit status {result.returncode}, {time.perf_counter() - started:.1f} s, traceback: "
        f"{'Traceback' in result.stderr}; earlier rows intact: {seed_rows <= set(snapshot(db)['documents'])}; "
        f"integrity: {integrity(db)}")
    boiler = run("ingest", str(work / "inputs" / "boilerplate"), "--db", str(db))
    say(f"[bad inputs] boilerplate-only page: exit status {boiler.returncode}, "
        f"reported: {'boilerplate.txt' in boiler.stderr}")


def kill_nine(work: Path, total: int, kill_at: float) -> None:
    corpus, db = work / "kill", work / "kill.db"
    write_corpus(corpus, total, seed=9)
    process = start("ingest", str(corpus), "--db", str(db), "--jobs", "2")
    target = max(1, int(total * kill_at))
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and document_count(db) >= target:
            break
        time.sleep(0.2)
    if process.poll() is not None:
        say(f"[kill -9] the batch ended (exit {process.returncode}) before {target} documents were stored")
        return
    process.send_signal(signal.SIGKILL)
    process.communicate()
    check = integrity(db)
    committed = snapshot(db)["documents"]
    say(f"[kill -9] killed after {len(committed)}/{total} documents were committed; integrity_check: {check}")
    started = time.perf_counter()
    rerun = run("ingest", str(corpus), "--db", str(db), "--jobs", "2", timeout=3600)
    after = snapshot(db)["documents"]
    summary = rerun.stderr.strip().splitlines()[-1] if rerun.stderr.strip() else ""
    say(f"[kill -9] re-run: exit {rerun.returncode} in {time.perf_counter() - started:.1f} s ({summary}); "
        f"stored now {document_count(db)} of {total} (each once: {document_count(db) == total}); "
        f"committed rows intact: {set(committed) <= set(after)}; integrity_check: {integrity(db)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=600, help="articles in the kill -9 batch")
    parser.add_argument("--seed-count", type=int, default=40, help="articles stored before the bad inputs")
    parser.add_argument("--kill-at", type=float, default=0.3, help="share of the batch stored before the kill")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        bad_inputs(Path(work), args.seed_count)
        kill_nine(Path(work), args.n, args.kill_at)


if __name__ == "__main__":
    main()
