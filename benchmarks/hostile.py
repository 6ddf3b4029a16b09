"""Hostile inputs through the real `attache ingest`, beside good articles, twice.

Writes ``--hostile`` (1,000) hostile inputs into one folder: binary files, empty ones, files
over the size limit, text in broken or lying encodings, broken and malicious HTML, lines of
hundreds of kilobytes without a space, symbolic link loops, links to devices and to the
kernel's files, FIFOs and sockets, file names with newlines, direction controls, bytes that
are not UTF-8 or terminal escapes, and JSONL lines nested 1,000 to 100,000 deep, holding lone
surrogates, or malformed; and ``--good`` good articles written for this script (files, and
JSONL lines between the bad ones). It ingests the folder into a fresh SQLite store with the
real command, as a user would, and prints:

- inputs reported one by one: each input that must fail named by exactly one stderr line;
  each dirty input that may be readable stored or named by one line; stderr lines that name
  no input (a file name with a newline would split its line);
- good articles stored (found by their origin in the store), odd names with good text stored;
- tracebacks on stderr;
- stalls: the longest time the progress count stood still (a stall is longer than the
  per-document time limit and a margin), and whether the run ended at all.

Then it runs the same command again and prints whether anything in the store changed.

    python benchmarks/hostile.py [--hostile 1000] [--good 80] [--jobs 2] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from attache.batch import DEFAULT_TIMEOUT  # noqa: E402
from attache.display import one_line  # noqa: E402
from tests.reliability.cli import COMMAND, env, snapshot  # noqa: E402

STALL_SECONDS = DEFAULT_TIMEOUT + 30  # the progress count may stand still this long, no longer
RUN_LIMIT = 3 * 3600.0  # a run still going after this is killed and counted as stalled
PROGRESS = re.compile(r"ingest: (\d+)(?:/\d+)? docs")
# Share of the hostile inputs per kind (they add up to 1).
QUOTAS = {"binary": 0.10, "empty": 0.04, "oversize": 0.01, "encoding": 0.12, "html": 0.15, "long line": 0.10,
          "link": 0.08, "special file": 0.02, "odd name": 0.12, "jsonl": 0.26}


@dataclass(frozen=True)
class Made:
    """One input written: how attache names it, its kind, and what must become of it:
    ``fail`` (named by one stderr line), ``stored``, or ``either`` (one of the two)."""

    origin: str
    kind: str
    expect: str


# --- good articles, written for this script ----------------------------------------------------

PAIRS = (("Turkmenistan", "Japan", "Ashgabat", "Tokyo"), ("Kazakhstan", "Korea", "Astana", "Seoul"),
         ("Uzbekistan", "Malaysia", "Tashkent", "Kuala Lumpur"), ("Azerbaijan", "Hungary", "Baku", "Budapest"),
         ("Georgia", "Poland", "Tbilisi", "Warsaw"), ("Mongolia", "Canada", "Ulaanbaatar", "Ottawa"),
         ("Kyrgyzstan", "Egypt", "Bishkek", "Cairo"), ("Armenia", "India", "Yerevan", "New Delhi"))
MONTHS = ("January February March April May June July August September October November December").split()
TEMPLATES = (
    "{CITY}, {day} {month} {year}. Political consultations between the Ministries of Foreign Affairs of {a} and "
    "{b} were held in {city}. It was round {n} of the consultations. The delegations discussed trade, energy "
    "and transport, and agreed to hold the next round in {city_b}.",
    "{CITY}, {day} {month} {year}. The Minister of Foreign Affairs of {a} held talks with the Foreign Minister "
    "of {b} in {city}. The sides reviewed cooperation in education and culture (meeting number {n}) and signed "
    "a memorandum of understanding on tourism.",
    "{CITY}, {day} {month} {year}. A delegation of {b} led by the Deputy Minister of Foreign Affairs visited {a}. "
    "In {city} the guests met the Deputy Prime Minister and discussed joint projects in agriculture; the "
    "intergovernmental commission will meet for the {n}th time in {city_b} next year.",
)


def good_text(n: int) -> str:
    a, b, city, city_b = PAIRS[n % len(PAIRS)]
    return TEMPLATES[n % len(TEMPLATES)].format(
        CITY=city.upper(), city=city, city_b=city_b, a=a, b=b, day=1 + n % 28, month=MONTHS[n % 12],
        year=2020 + n % 6, n=n + 3) + "\n"


def write_good(folder: Path, count: int) -> list[Made]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        path = folder / f"article_{n:03d}.txt"
        path.write_text(good_text(n), encoding="utf-8")
        made.append(Made(str(path), "good", "stored"))
    return made


# --- hostile inputs, one writer per kind (each writes exactly ``count``) --------------------------

def _put(folder: Path, name: str | bytes, data: bytes) -> str:
    """Write ``data`` under ``name`` (bytes: a name that need not be UTF-8); the origin attache gives it."""
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data)
    return one_line(os.fsdecode(path))


def write_binary(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    magic = (b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF\x02",
             b"GIF89a", b"\x1f\x8b\x08")
    return [Made(_put(folder, f"binary_{i:04d}.txt", magic[i % len(magic)] + rng.randbytes(rng.randrange(16, 65536))),
                 "binary", "fail") for i in range(count)]


def write_empty(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    bodies = (b"", b" ", b"\n\n\n", b"\t \r\n \x0c", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\xff\xfe",
              b"\xff\xfe \x00\n\x00")
    return [Made(_put(folder, f"empty_{i:04d}.txt", bodies[i % len(bodies)] * (1 + i // len(bodies))), "empty", "fail")
            for i in range(count)]


def write_oversize(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    made = []
    for i in range(count):
        path = folder / f"oversize_{i:02d}{'.jsonl' if i % 3 == 2 else '.txt'}"
        with open(path, "wb") as handle:  # sparse: no disk is spent on the zeros
            handle.truncate(10_000_001 + i * 7_000_000)
        origin = str(path) + (":1" if path.suffix == ".jsonl" else "")
        made.append(Made(origin, "oversize", "fail"))
    return made


def write_encodings(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    def mangled(n: int) -> tuple[bytes, str]:
        text = good_text(first + n)
        variants = (
            (text.encode("cp1251"), "either"), (text.encode("utf-16-le"), "either"),
            (text.encode("utf-16-be"), "either"),
            (text.encode("utf-32-le"), "either"), (text.encode("cp500"), "either"), (text.encode("utf-7"), "either"),
            (_inject(text.encode(), b"\xff\xfe\xc0\xaf\xed\xa0\x80", rng), "either"),
            (text.encode()[:-1] + b"\xe2\x82", "either"), (text.encode("utf-16")[:-1], "either"),
            (text.encode() + b"\x1b[31m\x1b[2J\x1b]0;title\x07", "either"),
            (_inject(text.encode(), bytes(range(1, 9)) * 8, rng), "either"),
            (text.encode("utf-8").replace(b" ", b"\x00 "), "either"),
            (bytes(rng.randrange(128, 256) for _ in range(rng.randrange(64, 4096))), "either"),
            (("Сообщение " * 50 + text).encode("koi8-r", errors="replace"), "either"),
        )
        return variants[n % len(variants)]

    made = []
    for i in range(count):
        data, expect = mangled(i)
        made.append(Made(_put(folder, f"encoding_{i:04d}.txt", data), "encoding", expect))
    return made


def _inject(data: bytes, junk: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + junk + data[at:]


def write_html(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    def page(n: int) -> bytes:
        text = good_text(first + n).strip()
        pages = (
            f"<html><body><div><p>{text}<div><span><b>" * 3,
            "<!doctype html><html><body>" + "<div>" * 20_000 + f"<p>{text}</p>" + "</div>" * 20_000,
            "<html><body>" + "<i>" * 40_000 + text,
            "<!---->" * 400 + f"<html><body><article><p>{text}</p></article></body></html>",
            "<!---->" * 400 + text,
            "<html><head><script>" + "while(1){}" * 1000 + "</script></head><body><script>x()</script></body></html>",
            "<!doctype html><html><body><p>" + "&amp;&#x41;&nbsp;&bogus;&#0;&#xD800;" * 50_000 + f"</p><p>{text}</p>",
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + "".join(
                f'<!ENTITY a{k} "{"&a%s;" % (k - 1 if k > 1 else "") * 10}">' for k in range(1, 10))
            + f"]><html><body><p>&a9;</p><p>{text}</p></body></html>",
            f'<html><head><meta charset="x-no-such-charset"></head><body><article><p>{text}</p></article>',
            f'<html><head><meta charset="utf-16"></head><body><article><p>{text}</p></article></body></html>',
            '<html><body><p title="' + "x" * 1_000_000 + f'">{text}</p></body></html>',
            "<html><body><!-- never closed " + text,
            f"<html><body><table>{'<tr><td><table>' * 3000}<p>{text}</p></body></html>",
            f"<html><head><base href='javascript:alert(1)'></head><frameset><frame src='file:///etc/passwd'>{text}",
            "<html>",
            f"<html><body><svg><script>alert(1)</script><foreignObject><p>{text}</p></foreignObject></svg></body></html>",
            f"<html\x00><body\x00><p>{text}\x00</p></body></html>",
        )
        return pages[n % len(pages)].encode("utf-8", errors="surrogatepass")

    return [Made(_put(folder, f"page_{i:04d}.html", page(i)), "html", "either") for i in range(count)]


LONG_SHAPES = ("a", "a.", "a.jpg?", ". //", "Ab, ", "1.", "http://x/", "\u5916\u4ea4", "QUJD+/=", "a \t ", "-", "_",
               "May 1, ", "<!---->")
SLOW_SHAPES = ("A-", "A. ")  # shapes the extractor is slow on: each such input takes the time limit


def write_long_lines(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    made = []
    for i in range(count):
        shapes = SLOW_SHAPES if i < 2 * len(SLOW_SHAPES) else LONG_SHAPES
        shape = shapes[i % len(shapes)]
        size = rng.choice((100_000, 300_000, 1_000_000))
        line = f"{i}" + (shape * (size // len(shape) + 1))[:size]  # each input its own: no duplicates
        text = line if i % 2 else good_text(first + i) + line + "\n" + good_text(first + count + i)
        made.append(Made(_put(folder, f"long_line_{i:04d}.txt", text.encode()), "long line", "either"))
    return made


LINK_TARGETS = ("/dev/zero", "/dev/urandom", "/dev/null", "/dev/full", "/dev/tty", "/proc/self/mem",
                "/proc/self/environ", "/proc/kmsg", "/proc/1/mem", "/proc/self/fd/0", "/sys/kernel/notes")


def write_links(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    """Loops on themselves, rings of two, links to devices and kernel files, dangling links."""
    suffixes = (".txt", ".jsonl", ".html")
    links: list[tuple[str, str]] = []  # (name, target)
    for i in range(count):
        name = f"link_{i:04d}{suffixes[i % 3]}"
        if i % 4 == 0:
            links.append((name, name))
        elif i % 4 == 1:
            links += [(name, f"ring_{i:04d}.txt"), (f"ring_{i:04d}.txt", name)]
        elif i % 4 == 2:
            links.append((name, str(folder / f"no_such_target_{i}")))
        else:
            links.append((name, LINK_TARGETS[(i // 4) % len(LINK_TARGETS)]))
    for name, target in links[:count]:
        (folder / name).symlink_to(target)
    return [Made(str(folder / name), "link", "fail") for name, _ in links[:count]]


def write_special_files(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    made = []
    for i in range(count):
        path = folder / f"special_{i:03d}.txt"
        if i % 2:
            os.mkfifo(path)
        else:
            with socket.socket(socket.AF_UNIX) as bound:
                bound.bind(str(path))  # the socket file stays after the socket is closed
        made.append(Made(str(path), "special file", "fail"))
    return made


ODD_NAMES = ("new\nline{i}.txt", "\u202e{i}txt.exe", "mark\u200f\u200e{i}.txt", b"caf\xe9{i}.txt", b"\xff\xfe{i}.txt",
             b"bad\xc3\x28{i}.txt", "tab\t{i}.txt", "cr\r{i}.txt", "esc\x1b[2J{i}.txt", "-rf {i}.txt",
             "x{i}.txt: injected: line", " spaced {i} .txt", "{i}" + "n" * 230 + ".txt", "emoji\U0001F30D{i}.txt",
             "zero\u200bwidth{i}.txt", "e\u0301{i}.txt", "bell\x07{i}.txt", "del\x7f{i}.txt", "sep\u2028{i}.txt",
             "isolate\u2066{i}\u2069.txt", "back\\slash{i}.txt", "quote\"'{i}.txt")


def write_odd_names(folder: Path, count: int, rng: random.Random, first: int) -> list[Made]:
    made = []
    for i in range(count):
        pattern = ODD_NAMES[i % len(ODD_NAMES)]
        name = pattern.replace(b"{i}", str(i).encode()) if isinstance(pattern, bytes) else pattern.format(i=i)
        good = i % 2 == 0
        data = good_text(first + i).encode() if good else rng.randbytes(512)
        made.append(Made(_put(folder, name, data), "odd name", "stored" if good else "fail"))
    return made


def write_jsonl(folder: Path, count: int, rng: random.Random, first: int) -> tuple[list[Made], list[Made]]:
    """Bad lines (``count`` inputs), with a good line after every few (returned apart)."""
    def bad_line(n: int) -> str:
        text = good_text(first + n).strip()
        depth = (1_000, 5_000, 100_000)[n % 3]
        lines = (
            '{"text": ' + "[" * depth + "]" * depth + "}",
            '{"id": "x", "text": "t", "meta": ' + '{"a": ' * depth + "1" + "}" * depth + "}",
            json.dumps({"text": text})[:-2] + '\\ud800"}',
            '{"text": "' + text + '", "title": "\\udfff"}',
            '{"text": "' + text + '", "source": "a\\udc80b"}',
            '{"text": "' + text + '", "url": "http://x/\\ud834"}',
            '{"text": "' + text + '", "published": "\\ud800"}',
            "{not json", '{"text": "unterminated', "[1, 2, 3]", "42", "null", '"a string"',
            json.dumps({"id": "no text"}), json.dumps({"text": ""}), json.dumps({"text": 12}),
            json.dumps({"text": ["a", "b"]}), json.dumps({"text": text, "published": "2025-02-30"}),
            json.dumps({"text": text, "published": "2025-01-01" + "9" * 100_000}),
            json.dumps({"text": text, "title": {"nested": True}}), json.dumps({"html": "<html><body></body></html>"}),
            json.dumps({"text": "\u0000" * 100}),
        )
        return lines[n % len(lines)]

    bad, good = [], []
    per_file = 50
    for file_number in range((count + per_file - 1) // per_file):
        path = folder / f"lines_{file_number:02d}.jsonl"
        lines, number = [], 0
        for n in range(file_number * per_file, min(count, (file_number + 1) * per_file)):
            lines.append(bad_line(n))
            number += 1
            bad.append(Made(f"{path}:{number}", "jsonl", "fail"))
            if n % 5 == 4:
                lines.append(json.dumps({"id": f"good-{first + n}", "text": good_text(first + 10_000 + n)}))
                number += 1
                good.append(Made(f"{path}:{number}", "good", "stored"))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return bad, good


WRITERS = {"binary": write_binary, "empty": write_empty, "oversize": write_oversize, "encoding": write_encodings,
           "html": write_html, "long line": write_long_lines, "link": write_links, "special file": write_special_files,
           "odd name": write_odd_names}


def write_inputs(folder: Path, hostile: int, good: int, seed: int = 11) -> list[Made]:
    """Every input written under ``folder``: ``hostile`` hostile ones (by ``QUOTAS``) and ``good``
    good articles (files, and JSONL lines between bad lines)."""
    rng = random.Random(seed)
    counts = {kind: int(share * hostile) for kind, share in QUOTAS.items()}
    counts["jsonl"] += hostile - sum(counts.values())
    made, first = [], 1_000
    jsonl_bad, jsonl_good = write_jsonl(_folder(folder, "jsonl"), counts["jsonl"], rng, first)
    for kind, writer in WRITERS.items():
        made += writer(_folder(folder, kind), counts[kind], rng, first)
        first += 2 * counts[kind] + 10
    files = write_good(folder / "good", max(0, good - len(jsonl_good)))
    return made + jsonl_bad + jsonl_good + files


def _folder(root: Path, kind: str) -> Path:
    folder = root / kind.replace(" ", "_")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- a run of the real command, watched -------------------------------------------------------------

@dataclass
class Run:
    status: int | None
    seconds: float
    stderr: list[str]
    longest_still: float  # seconds the progress count stood still, at most
    ended: bool


def run_ingest(folder: Path, db: Path, jobs: int) -> Run:
    command = [*COMMAND, "ingest", str(folder), "--db", str(db), "--jobs", str(jobs)]
    process = subprocess.Popen(command, env=env() | {"ATTACHE_PROGRESS_SECONDS": "2"}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="backslashreplace")
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend((time.monotonic(), line.rstrip("\n"))
                                                          for line in process.stderr), daemon=True)
    started = time.monotonic()
    reader.start()
    try:
        process.wait(RUN_LIMIT)
        ended = True
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        ended = False
    reader.join(30)
    finished = time.monotonic()
    return Run(process.returncode, finished - started, [line for _, line in lines],
               _longest_still(lines, started, finished), ended)


def _longest_still(lines: list[tuple[float, str]], started: float, finished: float) -> float:
    """The longest time between two changes of the progress count (from start to end)."""
    changes, last_count = [started], None
    for moment, line in lines:
        found = PROGRESS.match(line)
        if found and found.group(1) != last_count:
            last_count = found.group(1)
            changes.append(moment)
    changes.append(finished)
    return max(b - a for a, b in zip(changes, changes[1:]))


# --- what became of each input ------------------------------------------------------------------------

def reported_lines(stderr: list[str], origins: list[str]) -> tuple[Counter, Counter, list[str]]:
    """How many stderr lines name each origin (the longest origin a line starts with, then ": "),
    the reasons they give (numbers as #), and the lines that are neither progress, summary,
    nor naming an input."""
    by_length = sorted(set(origins), key=len, reverse=True)
    named: Counter = Counter()
    reasons: Counter = Counter()
    stray = []
    for line in stderr:
        if PROGRESS.match(line) or line.startswith("stored "):
            continue
        origin = next((o for o in by_length if line.startswith(o + ": ")), None)
        if origin is None:
            stray.append(line)
            continue
        named[origin] += 1
        reasons[re.sub(r"\d[\d,.]*", "#", line[len(origin) + 2:])[:100]] += 1
    return named, reasons, stray


def stored_origins(db: Path) -> set[str]:
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        return {row["origin"] for row in store.rows("SELECT origin FROM document_origins")}


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def report_run(label: str, run: Run, made: list[Made], db: Path, show_reasons: bool = False) -> None:
    named, reasons, stray = reported_lines(run.stderr, [m.origin for m in made])
    stored = stored_origins(db)
    say(f"{label}: exit status {run.status}, {run.seconds:.1f} s")
    by_kind: dict[str, Counter] = {}
    problems = []
    for m in made:
        outcome = _outcome(m, named[m.origin], m.origin in stored)
        by_kind.setdefault(m.kind, Counter())[outcome] += 1
        if outcome.startswith("WRONG"):
            problems.append(f"    {outcome}: {m.origin!r} ({m.kind}, must be {m.expect}, "
                            f"named {named[m.origin]} times)")
    say(f"  {'kind':<13} {'inputs':>6} {'reported':>9} {'stored':>7} {'wrong':>6}")
    for kind, counts in by_kind.items():
        wrong = sum(n for outcome, n in counts.items() if outcome.startswith("WRONG"))
        say(f"  {kind:<13} {sum(counts.values()):>6} {counts['reported']:>9} {counts['stored']:>7} {wrong:>6}")
    hostile = [m for m in made if m.kind != "good"]
    each_once = sum(1 for m in hostile if named[m.origin] == 1 or (m.expect != "fail" and named[m.origin] == 0
                                                                   and m.origin in stored))
    good = [m for m in made if m.kind == "good"]
    say(f"  inputs reported one by one: {each_once}/{len(hostile)} hostile inputs each named by exactly one "
        f"stderr line or stored; stderr lines naming no input: {len(stray)}")
    say(f"  good articles stored: {sum(1 for m in good if m.origin in stored)}/{len(good)}")
    say(f"  tracebacks: {sum(line.startswith('Traceback') for line in run.stderr)}")
    stalled = (not run.ended) or run.longest_still > STALL_SECONDS
    say(f"  stalls: {int(stalled)} (longest time without progress {run.longest_still:.1f} s; a stall is over "
        f"{STALL_SECONDS:g} s{'' if run.ended else '; the run did not end and was killed'})")
    for line in problems[:15] + [f"    stray line: {line!r}" for line in stray[:10]]:
        say(line)
    if show_reasons:
        say(f"  the {len(reasons)} reasons given, with how many inputs gave each (numbers as #):")
        for reason, times in reasons.most_common():
            say(f"    {times:>4}  {reason}")


def _outcome(m: Made, times_named: int, stored: bool) -> str:
    if times_named == 1 and not stored and m.expect in ("fail", "either"):
        return "reported"
    if times_named == 0 and stored and m.expect in ("stored", "either"):
        return "stored"
    if times_named > 1:
        return "WRONG: named more than once"
    if stored:
        return "WRONG: stored"
    return "WRONG: reported" if times_named else "WRONG: neither stored nor reported"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hostile", type=int, default=1000)
    parser.add_argument("--good", type=int, default=80)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="folder to write into (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attache-hostile-") as tmp:
        work = args.work or Path(tmp)
        folder, db = work / "inputs", work / "store.db"
        made = write_inputs(folder, args.hostile, args.good)
        kinds = Counter(m.kind for m in made)
        say(f"written: {sum(n for k, n in kinds.items() if k != 'good')} hostile inputs "
            f"({', '.join(f'{k} {n}' for k, n in kinds.items() if k != 'good')}) and {kinds['good']} good articles")
        say(f"command: attache ingest {folder} --db {db} --jobs {args.jobs} (a fresh store)")
        first = run_ingest(folder, db, args.jobs)
        report_run("run 1", first, made, db, show_reasons=True)
        before = snapshot(db)
        second = run_ingest(folder, db, args.jobs)
        report_run("run 2, the same command again", second, made, db)
        say(f"  second run changed the store: {snapshot(db) != before}")


if __name__ == "__main__":
    main()
