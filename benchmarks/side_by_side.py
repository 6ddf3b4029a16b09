"""Run one benchmark script on a baseline release and on this tree, alternately, in one run.

    .venv/bin/python benchmarks/side_by_side.py --baseline f7c8f2a --repeat 2 -- writer.py -n 1000
    .venv/bin/python benchmarks/side_by_side.py --baseline f7c8f2a -- store.py --events 200000 --runs 100 --db {tmp}/s.db

The machine is shared and noisy, so a figure means something only beside the baseline's,
measured in the same minutes: runs alternate (baseline, current, then current, baseline, ...).
The baseline is exported and installed once under ``~/.cache/attache-bench/<sha>`` (as
``benchmarks/extract.py`` does) and runs its own copy of the script. ``{tmp}`` in the
arguments becomes a fresh scratch folder per run. Prints each run's output, labelled.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks")]

from extract import DEFAULT_CACHE, baseline_python  # noqa: E402


def run(label: str, python: Path, tree: Path, script: str, arguments: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="attache-side-") as scratch:
        command = [str(python), str(tree / "benchmarks" / script), *[a.replace("{tmp}", scratch) for a in arguments]]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=tree, env=os.environ | {"PYTHONPATH": str(tree)})
    print(f"--- {label} ({time.perf_counter() - started:.0f} s, exit {done.returncode})")
    print(done.stdout.rstrip())
    if done.returncode != 0:
        print(done.stderr.rstrip()[-2000:])
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, metavar="REF", help="git ref of the release to compare with")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("script", help="a script in benchmarks/, e.g. writer.py")
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    arguments = args.arguments[1:] if args.arguments[:1] == ["--"] else args.arguments
    python, tree, sha = baseline_python(args.baseline, args.cache_dir.expanduser())
    sides = [(f"baseline {args.baseline} ({sha[:10]})", python, tree), ("current tree", Path(sys.executable), ROOT)]
    for round_number in range(args.repeat):
        for label, side_python, side_tree in (sides if round_number % 2 == 0 else sides[::-1]):
            run(label, side_python, side_tree, args.script, arguments)


if __name__ == "__main__":
    main()
