"""Extraction throughput: generated articles through ``run_batch`` with 1 and 2 jobs (no store).

Prints articles/s, words/s, events found and peak memory: the parent's peak RSS
(``resource.getrusage``) and the peak RSS of the whole process tree (parent, forkserver and
workers, summed, sampled from /proc). Each configuration runs in a fresh subprocess so that
the peaks belong to that run alone. Start-up (loading spaCy in each
worker) is counted in the rate, as a user would see it; the rate after the first document
is printed too.

    python benchmarks/extract.py -n 2000 --jobs 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def one_run(n: int, jobs: int, seed: int) -> dict:
    from corpus import generate
    from ingest import PeakTreeMemory

    from attache.batch import run_batch
    from attache.ingest.raw import RawDocument

    words = 0

    def documents():
        nonlocal words
        for name, _published, text in generate(n, seed):
            words += len(text.split())
            yield RawDocument(doc=name, origin=name, kind="text", content=text.encode("utf-8"))

    memory = PeakTreeMemory(os.getpid())
    started = time.perf_counter()
    first = None
    ok = events = 0
    for outcome in run_batch(documents(), jobs=jobs):
        if first is None:
            first = time.perf_counter()
        if outcome.ok:
            ok += 1
            events += len(outcome.record.get("events", []))
    elapsed = time.perf_counter() - started
    peak_tree_mb, peak_tree_anon_mb = memory.stop()
    after_first = time.perf_counter() - first if first else 0.0
    return {
        "n": n, "jobs": jobs, "ok": ok, "events": events, "words": words, "seconds": round(elapsed, 2),
        "per_s": round(n / elapsed, 1), "per_s_after_first": round((n - 1) / after_first, 1) if after_first else None,
        "words_per_s": round(words / elapsed),
        "peak_rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_rss_tree_mb": round(peak_tree_mb), "peak_anon_tree_mb": round(peak_tree_anon_mb),
        "load_average": round(os.getloadavg()[0], 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_run:
        sys.stdout.write(json.dumps(one_run(args.n, args.jobs[0], args.seed)) + "\n")
        return
    sys.stdout.write(f"extract benchmark: {args.n} generated articles, {os.cpu_count()} cores\n")
    for jobs in args.jobs:
        command = [sys.executable, __file__, "--one-run", "-n", str(args.n), "--jobs", str(jobs), "--seed", str(args.seed)]
        result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        sys.stdout.write(
            f"jobs={jobs}: {result['per_s']} articles/s ({result['per_s_after_first']} after the first), "
            f"{result['words_per_s']} words/s, {result['ok']}/{result['n']} ok, {result['events']} events, "
            f"{result['seconds']} s; peak RSS parent {result['peak_rss_parent_mb']} MB, "
            f"whole process tree {result['peak_rss_tree_mb']} MB ({result['peak_anon_tree_mb']} MB anonymous); "
            f"load average {result['load_average']}\n"
        )


if __name__ == "__main__":
    main()
