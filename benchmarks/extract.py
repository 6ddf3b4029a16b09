"""Extraction throughput on real articles through ``run_batch`` (no store), this tree against a baseline release.

    python benchmarks/extract.py [-n 1000] [--jobs 1 2] [--corpus DIR | --generated]
                                 [--baseline REF | --no-baseline] [--repeat K] [--cache-dir DIR]

Input: the real articles of ``--corpus`` (default ``../shared/dev/corpus`` beside the
repository; ``*.txt`` as text, ``*.html``/``*.htm`` as HTML), read at run time (never
copied into the repository), repeated until there are ``-n`` of them, each repetition under
its own document name (``r0003_<file name>``). ``--generated`` uses generated articles of the
genre (``benchmarks/corpus.py``, ``--seed``) instead. Files are read before the clock starts.

Each configuration (``--jobs`` value) runs the per-document pipeline (``attache.batch.run_batch``)
in a fresh subprocess, so that the peaks belong to that run alone, and prints articles/s with
start-up (loading spaCy in each worker, as a user sees it) and after the first document,
words/s, events found, the parent's peak RSS (``resource.getrusage``) and the peak RSS of the
whole process tree (parent, forkserver and workers, summed, sampled from /proc every 0.2 s),
and the load average.

Baseline: ``--baseline REF`` (default ``BASELINE_REF``, the last release before the extractor
rebuild) is exported once (``git archive``) into ``--cache-dir`` (default
``~/.cache/attache-bench/<sha>/tree``, outside the repository) and given its own venv
(``python -m venv`` + ``pip install -e`` of that tree), both kept for the next run. The same
measurement (this script, the same corpus) then runs with that venv's python on that tree,
alternating baseline and current runs (B C, then C B, ...) ``--repeat`` times each, since the
machine is shared. Each side's runs start in its own tree with it on PYTHONPATH, and check that
the parent and the batch workers imported attache from that tree. A table follows: per configuration, the median articles/s of each side,
the ratio current/baseline and the peak tree memory of each, beside the targets
(>= 25 articles/s with 2 jobs, process tree under 1 GiB). ``--no-baseline`` measures this tree
only. Linux only (reads /proc).

    python benchmarks/extract.py -n 100 --jobs 1 2
    python benchmarks/extract.py -n 2000 --jobs 2 --repeat 3 --baseline v0.1.0
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(__file__).resolve().parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "dev" / "corpus"
# The last landed release before the extractor rebuild (spaCy md pipeline, sentence parses):
# "page pool: when a replacement process cannot start ...". Change it when a new release lands.
BASELINE_REF = "2608899"
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "attache-bench"
TARGET_PER_S, TARGET_JOBS = 25.0, 2  # articles/s with start-up, on 2 cores
TARGET_TREE_MIB = 1024  # peak RSS of the whole process tree
KINDS = {".txt": "text", ".html": "html", ".htm": "html"}

if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))


# --- one measured run (in a fresh subprocess, with the python of the tree measured) ----------


def real_articles(directory: Path) -> list[tuple[str, str, bytes]]:
    """(file name, kind, bytes) of every article file in ``directory``, by name."""
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in KINDS and not p.name.startswith("."))
    if not files:
        raise SystemExit(f"no article files ({', '.join(KINDS)}) in {directory}")
    return [(p.name, KINDS[p.suffix.lower()], p.read_bytes()) for p in files]


def word_count(kind: str, data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    if kind == "html":
        import re

        text = re.sub(r"<[^>]*>", " ", text)
    return len(text.split())


def one_run(args: argparse.Namespace) -> dict:
    tree = Path(args.tree).resolve()
    sys.path.insert(0, str(tree))
    import attache  # before anything that edits sys.path: the tree measured must be the one imported

    saved_path = list(sys.path)
    from ingest import PeakTreeMemory  # ingest.py puts this checkout first on sys.path at import

    sys.path[:] = saved_path  # forkserver workers start with this sys.path: keep the measured tree first
    imported = Path(attache.__file__).resolve()
    if tree not in imported.parents:
        raise SystemExit(f"imported attache from {imported}, not from {tree}")

    from attache.batch import run_batch
    from attache.ingest.raw import RawDocument

    n, words = args.n, 0
    if args.generated:
        from corpus import generate

        def documents():
            nonlocal words
            for name, _published, text in generate(n, args.seed):
                words += len(text.split())
                yield RawDocument(doc=name, origin=name, kind="text", content=text.encode("utf-8"))
    else:
        files = real_articles(Path(args.corpus))
        counts = {name: word_count(kind, data) for name, kind, data in files}

        def documents():
            nonlocal words
            for index in range(n):
                name, kind, data = files[index % len(files)]
                rep = index // len(files)
                words += counts[name]
                yield RawDocument(doc=f"r{rep:04d}_{name}", origin=f"{args.corpus}/{name}#r{rep}", kind=kind, content=data)

    memory = PeakTreeMemory(os.getpid())
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    first = None
    ok = events = 0
    for outcome in run_batch(documents(), jobs=args.jobs[0]):
        if first is None:
            first = time.perf_counter()
        if outcome.ok:
            ok += 1
            events += len(outcome.record.get("events", []))
    elapsed = time.perf_counter() - started
    peak_tree_mb, peak_tree_anon_mb = memory.stop()
    after_first = time.perf_counter() - first if first else 0.0
    if args.jobs[0] > 1:  # which attache the workers imported (forkserver: not necessarily the parent's)
        probes = [RawDocument(doc=f"probe{i}", origin=f"probe{i}", text="probe") for i in range(4 * args.jobs[0])]
        for where in {o.record["attache"] for o in run_batch(probes, jobs=args.jobs[0], task=_where_attache)}:
            if tree not in Path(where).parents:
                raise SystemExit(f"a worker imported attache from {where}, not from {tree}")
    return {
        "n": n, "jobs": args.jobs[0], "ok": ok, "events": events, "words": words, "seconds": round(elapsed, 2),
        "per_s": round(n / elapsed, 1), "per_s_after_first": round((n - 1) / after_first, 1) if after_first else None,
        "words_per_s": round(words / elapsed),
        "peak_rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_rss_tree_mb": round(peak_tree_mb), "peak_anon_tree_mb": round(peak_tree_anon_mb),
        "load_average": round(max(load_before, os.getloadavg()[0]), 1), "attache": str(imported.parent),
    }


def _where_attache(raw):
    """A batch task that tells where the worker imported attache from."""
    import attache
    from attache.pipeline import Outcome

    return Outcome(raw.origin, None, {"attache": str(Path(attache.__file__).resolve())})


# --- the baseline: an exported tree with its own venv, built once ------------------------------


def git(*command: str) -> str:
    return subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), *command], check=True, capture_output=True, text=True).stdout.strip()


def baseline_python(ref: str, cache: Path) -> tuple[Path, Path, str]:
    """(python, tree, sha) of ``ref``: the tree exported and installed under ``cache/<sha>``
    the first time, reused afterwards. A lock keeps two runs from building it at once."""
    sha = git("rev-parse", "--verify", f"{ref}^{{commit}}")
    home = cache / sha
    tree, venv, ready = home / "tree", home / "venv", home / "ready"
    python = venv / "bin" / "python"
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ready.exists():
            sys.stdout.write(f"building the baseline {ref} ({sha[:10]}) in {home} (once) ...\n")
            sys.stdout.flush()
            started = time.perf_counter()
            shutil.rmtree(tree, ignore_errors=True)
            shutil.rmtree(venv, ignore_errors=True)
            tree.mkdir()
            archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", sha], stdout=subprocess.PIPE)
            subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, check=True)
            if archive.wait() != 0:
                raise SystemExit(f"git archive {sha} failed")
            # The same base interpreter as this one (venv's python run with -m venv uses its base).
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            log = home / "pip.log"
            with open(log, "w") as out:
                done = subprocess.run([str(python), "-m", "pip", "install", "-e", str(tree)], stdout=out, stderr=subprocess.STDOUT)
            if done.returncode != 0:
                raise SystemExit(f"pip install of the baseline failed: see {log}")
            ready.write_text(sha + "\n")
            sys.stdout.write(f"baseline built in {time.perf_counter() - started:.0f} s\n")
    return python, tree, sha


# --- the comparison ---------------------------------------------------------------------------


def run_child(python: Path, tree: Path, args: argparse.Namespace, jobs: int) -> dict:
    command = [str(python), str(Path(__file__).resolve()), "--one-run", "--tree", str(tree),
               "-n", str(args.n), "--jobs", str(jobs), "--seed", str(args.seed)]
    command += ["--generated"] if args.generated else ["--corpus", str(args.corpus)]
    # The tree measured comes first everywhere, workers included: Python 3.11's forkserver does not
    # take the parent's sys.path (it starts with "python -c", so the working directory comes first,
    # then PYTHONPATH), and a run started from this checkout would give the baseline's workers
    # this tree's attache. Hence cwd and PYTHONPATH are the tree's; workers are checked after the run.
    env = os.environ | {"PYTHONPATH": str(tree)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tree)
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-4:])
        return {"failed": f"exit {done.returncode}: {tail}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def describe(label: str, result: dict) -> str:
    if "failed" in result:
        return f"{label} jobs=?: FAILED {result['failed']}\n"
    return (
        f"{label} jobs={result['jobs']}: {result['per_s']} articles/s ({result['per_s_after_first']} after the first), "
        f"{result['words_per_s']} words/s, {result['ok']}/{result['n']} ok, {result['events']} events, "
        f"{result['seconds']} s; peak RSS parent {result['peak_rss_parent_mb']} MB, "
        f"whole process tree {result['peak_rss_tree_mb']} MB ({result['peak_anon_tree_mb']} MB anonymous); "
        f"load average {result['load_average']}\n"
    )


def summary(results: list[dict]) -> dict | None:
    good = [r for r in results if "failed" not in r]
    if not good:
        return None
    after = [r["per_s_after_first"] for r in good if r["per_s_after_first"]]
    return {
        "per_s": statistics.median(r["per_s"] for r in good),
        "after": statistics.median(after) if after else None,
        "tree": max(r["peak_rss_tree_mb"] for r in good),
        "events": sorted({r["events"] for r in good}),
        "failed": len(results) - len(good),
    }


def table(jobs_list: list[int], runs: dict, with_baseline: bool) -> str:
    def cell(value, fmt="{:.1f}"):
        return "-" if value is None else fmt.format(value)

    head = ["config", "baseline art/s", "current art/s", "current/baseline", "after start-up B / C",
            "peak tree MiB B", "peak tree MiB C", "events B / C", "targets (current)"]
    rows = []
    for jobs in jobs_list:
        b = summary(runs.get(("baseline", jobs), [])) if with_baseline else None
        c = summary(runs.get(("current", jobs), []))
        ratio = c["per_s"] / b["per_s"] if b and c and b["per_s"] else None
        targets = []
        if c:
            if jobs == TARGET_JOBS:
                mark = "ok" if c["per_s"] >= TARGET_PER_S else "MISSED"
                targets.append(f">= {TARGET_PER_S:g}/s {mark}")
            targets.append(f"tree < {TARGET_TREE_MIB} MiB {'ok' if c['tree'] < TARGET_TREE_MIB else 'MISSED'}")
        else:
            targets.append("current FAILED")
        rows.append([
            f"jobs={jobs}", cell(b and b["per_s"]), cell(c and c["per_s"]), cell(ratio, "{:.2f}x"),
            f"{cell(b and b['after'])} / {cell(c and c['after'])}",
            cell(b and b["tree"], "{:.0f}"), cell(c and c["tree"], "{:.0f}"),
            f"{'/'.join(map(str, b['events'])) if b else '-'} / {'/'.join(map(str, c['events'])) if c else '-'}",
            ", ".join(targets),
        ])
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() for row in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:5]))
    parser.add_argument("-n", type=int, default=1000, help="articles per run (the corpus repeated to reach it; default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to measure (default 1 2)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"directory of real articles (default {DEFAULT_CORPUS})")
    parser.add_argument("--generated", action="store_true", help="generated articles (benchmarks/corpus.py) instead of --corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of --generated")
    parser.add_argument("--baseline", default=BASELINE_REF, metavar="REF", help=f"git ref to compare with (default {BASELINE_REF})")
    parser.add_argument("--no-baseline", action="store_true", help="measure this tree only")
    parser.add_argument("--repeat", type=int, default=1, metavar="K", help="runs of each side per configuration, alternated (default 1)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help=f"where baselines are built (default {DEFAULT_CACHE})")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_run:
        sys.stdout.write(json.dumps(one_run(args)) + "\n")
        return
    args.corpus = args.corpus.resolve()
    if args.generated:
        source = f"{args.n} generated articles (seed {args.seed})"
    else:
        files = real_articles(args.corpus)
        words = sum(word_count(kind, data) for _name, kind, data in files)
        times = f"repeated {args.n / len(files):.1f} times" if args.n > len(files) else f"the first {args.n} of them"
        source = (f"{args.n} articles: the {len(files)} real articles of {args.corpus} ({words / len(files):.0f} words each "
                  f"on average), {times}")
    sides = [("current", Path(sys.executable), ROOT)]
    if not args.no_baseline:
        python, tree, sha = baseline_python(args.baseline, args.cache_dir.expanduser())
        sides.insert(0, ("baseline", python, tree))
        source += f"; baseline {args.baseline} = {sha[:10]} ({tree})"
    head = git("rev-parse", "--short", "HEAD")
    dirty = " + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    sys.stdout.write(f"extract benchmark: {source}; current = this tree ({head}{dirty}); {os.cpu_count()} cores, "
                     f"load average {os.getloadavg()[0]:.1f}\n")
    sys.stdout.flush()
    runs: dict[tuple[str, int], list[dict]] = {}
    shown: set[str] = set()
    for rep in range(args.repeat):
        for jobs in args.jobs:
            order = sides if rep % 2 == 0 else sides[::-1]  # B C, then C B: drift in the load falls on both
            for label, python, tree in order:
                result = run_child(python, tree, args, jobs)
                runs.setdefault((label, jobs), []).append(result)
                if label not in shown and "attache" in result:
                    shown.add(label)
                    sys.stdout.write(f"{label} runs {python} with attache imported from {result['attache']} (workers checked)\n")
                sys.stdout.write(describe(f"{label:8s}", result).replace("jobs=?", f"jobs={jobs}"))
                sys.stdout.flush()
    sys.stdout.write(f"\nmedian of {args.repeat} run(s) per side; peak tree = the largest; targets: >= {TARGET_PER_S:g} "
                     f"articles/s with {TARGET_JOBS} jobs (start-up included), process tree under {TARGET_TREE_MIB} MiB; "
                     f"load average now {os.getloadavg()[0]:.1f}\n")
    sys.stdout.write(table(args.jobs, runs, not args.no_baseline))
    if any("failed" in r for results in runs.values() for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
