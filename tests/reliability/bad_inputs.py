"""Dirty and hostile inputs written to folders, for the fault tests and benchmarks/faults.py.

``write_bad_inputs(folder)`` returns ``{origin: expectation}`` and writes ``folder/fail``
(inputs that must each be reported by one stderr line naming them, and stored nowhere) and
``folder/either`` (dirty but possibly readable inputs: stored or reported, never a crash, a
hang, or a change to what is already stored); ``folder/boilerplate`` holds a page of only
boilerplate, which must fail too.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

FIFTY_MB = 50 * 1024 * 1024

GOOD = """ date 2025-03-1{n} Submit Release
Consultations between {a} and {b}

{city}, 1{n} March 2025. Political consultations between the Ministries of Foreign Affairs of
{a} and {b} were held in {city}. It was the {round}th round of consultations. The delegations
were headed by Deputy Ministers of Foreign Affairs. The sides discussed trade and energy.
"""
PAIRS = (("Turkmenistan", "Japan", "ASHGABAT"), ("Kazakhstan", "Korea", "ASTANA"), ("Uzbekistan", "Malaysia", "TASHKENT"),
         ("Azerbaijan", "Hungary", "BAKU"), ("Georgia", "Poland", "TBILISI"), ("Mongolia", "Canada", "ULAANBAATAR"))


def good_article(n: int) -> str:
    a, b, city = PAIRS[n % len(PAIRS)]
    return GOOD.format(a=a, b=b, city=city, n=n % 10, round=n + 4)


def write_good(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"good_{n:03d}.txt"
        path.write_text(good_article(n), encoding="utf-8")
        paths.append(path)
    return paths


def write_bad_inputs(root: Path) -> dict[str, str]:
    rng = random.Random(7)
    made: dict[str, str] = {}
    for sub in ("fail", "either", "boilerplate"):
        (root / sub).mkdir(parents=True, exist_ok=True)

    def put(name: str, data: bytes | str, expectation: str, sub: str | None = None) -> None:
        path = root / (sub or expectation) / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made[str(path)] = expectation

    folder = root / "fail"
    put("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), "fail")
    put("image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256) for _ in range(2000)), "fail")
    put("empty.txt", b"", "fail")
    put("whitespace.txt", b" \n\t\n  \r\n", "fail")
    put("boilerplate.txt", "Share this article\nViews: 1532\nOther news\nPrint version\nSubscribe to our newsletter\n", "fail",
        sub="boilerplate")
    with open(folder / "huge.txt", "wb") as handle:
        line = b"The sides discussed cooperation in the field of energy. " * 20 + b"\n"
        for _ in range(FIFTY_MB // len(line) + 1):
            handle.write(line)
    made[str(folder / "huge.txt")] = "fail"
    put("cyrillic_cp1251.txt", (good_article(11) + "\nМинистр иностранных дел провёл переговоры.\n").encode("cp1251"), "either")
    put("mixed_encoding.txt", good_article(12).encode("utf-8") + "Caf\u00e9 \u2014 ".encode("cp1252") + "naïve".encode(), "either")
    put("utf16.txt", good_article(13).encode("utf-16"), "either")
    put("hostile_scripts.html", "<!doctype html><html><head><script>while(true){}</script><style>p{}</style></head><body>"
        + "<script>document.write('<p>' + 'x'.repeat(1e6))</script><article><p>"
        + good_article(14).replace("\n", " ") + "</p></article><iframe src=javascript:alert(1)></iframe></body></html>", "either")
    put("nested_10k.html", "<!doctype html><html><body>" + "<div>" * 10000 + good_article(15) + "</div>" * 10000 + "</body></html>", "either")
    put("unclosed_10k.html", "<!doctype html><html><body>" + "<div><span><b>" * 4000 + "Talks were held.", "either")
    put("entity_bomb.html", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % (i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
        + ']><html><body><p>&lol9;</p></body></html>', "either")
    put("entity_flood.html", "<!doctype html><html><body><p>" + "&amp;&#x41;&nbsp;&bogus;" * 200000 + "</p></body></html>", "either")
    bad_lines = ["{not json", json.dumps(["a", "list"]), json.dumps({"id": "no-text"}),
                 json.dumps({"id": "bad-date", "text": good_article(17), "published": "2025-02-30"})]
    put("bad_lines.jsonl", "\n".join(bad_lines) + "\n", "fail")
    made.pop(str(folder / "bad_lines.jsonl"))
    for number in range(1, len(bad_lines) + 1):
        made[f"{folder / 'bad_lines.jsonl'}:{number}"] = "fail"
    put("mixed_lines.jsonl", "\n".join([json.dumps({"id": "ok-line", "text": good_article(16)}), *bad_lines]) + "\n",
        "either")
    os.symlink(folder / "no-such-target.txt", folder / "dangling.txt")
    made[str(folder / "dangling.txt")] = "fail"
    os.symlink("/proc/self/mem", folder / "io_error.txt")  # a file of the kernel's: refused unread
    made[str(folder / "io_error.txt")] = "fail"
    return made
