"""End-to-end ingest throughput: ``attache ingest`` of N generated articles into a fresh store.

For each ``--jobs`` value: generates the corpus once (``benchmarks/corpus.py``), runs the real
``attache ingest DIR --db DB --jobs J`` in a subprocess, and prints articles/s (wall clock,
start-up included), the stored document count, the database size and the peak RSS of the
whole process tree (the command, its forkserver and its workers, summed, sampled from /proc
every 0.2 s), all of it and its anonymous part (without the memory-mapped database and
libraries). Also prints the load average before each run: other work on the machine slows
the figures down. Linux only (reads /proc).

    python benchmarks/ingest.py -n 10000 --jobs 1 2
    python benchmarks/ingest.py -n 100000 --jobs 2 --format jsonl
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

def attache_command() -> list[str]:
    """How to run the CLI from this checkout, installed or not."""
    return [sys.executable, "-c", "import sys; from attache.cli import main; sys.exit(main())"]


def child_env() -> dict:
    return os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def tree_rss_kb(root: int) -> tuple[int, int]:
    """Resident memory of ``root`` and all its descendants, in KiB: (all, anonymous only).

    "All" includes file pages mapped into the processes (SQLite's memory-mapped database,
    shared libraries), which the kernel can drop at will; "anonymous" is the heap.
    """
    tree, total, anonymous, stack = _children(), 0, 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        total += int(fields.get("VmRSS", "0 kB").split()[0])
        anonymous += int(fields.get("RssAnon", "0 kB").split()[0])
    return total, anonymous


class PeakTreeMemory:
    """Samples the process tree under ``pid`` in a thread; ``stop()`` gives the peaks in MB
    (all resident memory, anonymous memory only)."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak_kb, self.peak_anon_kb = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total, anonymous = tree_rss_kb(self.pid)
            self.peak_kb = max(self.peak_kb, total)
            self.peak_anon_kb = max(self.peak_anon_kb, anonymous)
            self._stop.wait(self.interval)

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024, self.peak_anon_kb / 1024


def run_ingest(corpus: Path, db: Path, jobs: int) -> dict:
    command = attache_command() + ["ingest", str(corpus), "--db", str(db), "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakTreeMemory(process.pid)
    _out, err = process.communicate()
    elapsed = time.perf_counter() - started
    peak_mb, peak_anon_mb = memory.stop()
    return {"seconds": elapsed, "peak_mb": peak_mb, "peak_anon_mb": peak_anon_mb, "exit": process.returncode, "stderr_tail": err.strip().splitlines()[-3:]}


def stored_documents(db: Path) -> int:
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        return store.scalar("SELECT count(*) FROM documents")


def main(argv: list[str] | None = None) -> None:
    from corpus import write_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="where to put the corpus and databases (default: a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as work:
        corpus = Path(work) / "corpus"
        started = time.perf_counter()
        words = write_corpus(corpus, args.n, seed=args.seed, fmt=args.format)
        sys.stdout.write(
            f"ingest benchmark: {args.n} generated articles ({words / args.n:.0f} words each, {args.format}), "
            f"generated in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores\n"
        )
        for jobs in args.jobs:
            db = Path(work) / f"jobs{jobs}.db"
            sys.stdout.write(f"load average before jobs={jobs}: {os.getloadavg()[0]:.1f}\n")
            result = run_ingest(corpus, db, jobs)
            stored = stored_documents(db) if db.exists() else 0
            size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
            sys.stdout.write(
                f"jobs={jobs}: {args.n / result['seconds']:.1f} articles/s end-to-end "
                f"({result['seconds']:.1f} s), stored {stored}, exit {result['exit']}, "
                f"db {size_mb:.1f} MB, peak RSS of the process tree {result['peak_mb']:.0f} MB "
                f"({result['peak_anon_mb']:.0f} MB anonymous)\n"
            )
            if result["exit"] not in (0, None) or stored != args.n:
                sys.stdout.write("  stderr: " + " | ".join(result["stderr_tail"]) + "\n")


if __name__ == "__main__":
    main()
