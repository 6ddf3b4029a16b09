"""The single writer alone: milliseconds per document to resolve and store extracted articles.

Prints wall-clock and CPU milliseconds per document (CPU varies less on a shared machine).
Extracts ``-n`` generated articles first (``benchmarks/corpus.py``, 2 worker processes, not
timed), then times writing them with ``attache.resolve.ingest.store_group`` in groups of
``--group`` documents into a fresh store, or into a copy of ``--base`` (a store made by an
earlier ingest: the writer's cost grows with what is stored). ``--seed`` other than the base's
keeps the new articles distinct from the stored ones.

    python benchmarks/writer.py -n 3000 --group 1 64
    python benchmarks/writer.py -n 2000 --base big.db --seed 5
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import corpus  # noqa: E402

from attache import store as store_module  # noqa: E402
from attache.batch import run_batch  # noqa: E402
from attache.ingest.raw import RawDocument  # noqa: E402
from attache.resolve.ingest import store_group  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="generated articles to write")
    parser.add_argument("--group", type=int, nargs="+", default=[64], help="documents per transaction (one run each)")
    parser.add_argument("--base", type=Path, help="store to copy and write into (default: a fresh one)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    raws = [RawDocument(doc=name, origin=name, kind="text", text=text) for name, _, text in corpus.generate(args.n, args.seed)]
    outcomes = list(run_batch(raws, 2))
    print(f"extracted {len(outcomes)} generated articles in {time.perf_counter() - started:.1f} s (not timed below)")
    with tempfile.TemporaryDirectory(prefix="attache-writer-bench-") as tmp:
        for group in args.group:
            db = Path(tmp) / f"group{group}.db"
            if args.base:
                shutil.copy(args.base, db)
            with store_module.open_store(db) as store:
                before = store.scalar("SELECT count(*) FROM documents")
                started, cpu_started = time.perf_counter(), time.process_time()
                for i in range(0, len(outcomes), group):
                    store_group(store, [(outcome, None) for outcome in outcomes[i:i + group]])
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            print(f"group {group}: {1000 * elapsed / len(outcomes):.1f} ms per document, "
                  f"{1000 * cpu / len(outcomes):.2f} ms of it CPU "
                  f"({len(outcomes)} documents in {elapsed:.1f} s, {before:,} stored before)")


if __name__ == "__main__":
    main()
