"""Generate diplomatic news articles in the genre, for benchmarks (not for tests of accuracy).

Articles are built from templates and attache's own vocabularies (countries with their
demonyms and capitals, topics): varied countries, invented names, titles, dates, event types
and header styles. Each article is distinct (its header carries a running counter), so a
store keeps every one. The same seed gives the same corpus.

    python benchmarks/corpus.py OUT_DIR -n 10000 [--format txt|jsonl] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

FIRST = ("Rashid Aziz Daniyar Erlan Murat Kenji Hiroshi Amir Omar Farid Sergei Ivan Pavel Jan Lukas Tomas Ahmed "
         "Karim Sardor Bakhyt Aibek Nurlan Mehmet Emre Arjun Ravi Luis Pedro Jonas Marta Aigerim Dilnoza Leyla "
         "Nadia Sofia Elena Mariam Yuki Akiko Ana").split()
SURNAME_PARTS = ("Ber Kal Nur Sar Tok Mam Dov Ash Tur Kem Ora Lin Sato Mura Vel Ost Rav Zan Hol Bek Dar Mir Sul "
                 "Yam Kov Petr Alim Bay Gul Kar").split()
SURNAME_ENDS = "ov ova ev eva ayev ulin ani ura oto en berg ic ski ez ir yan dze aki".split()
MINISTER_TITLES = (
    "Minister of Foreign Affairs",
    "Deputy Minister of Foreign Affairs",
    "First Deputy Minister of Foreign Affairs",
    "Deputy Prime Minister, Minister of Foreign Affairs",
    "Minister of Economy",
    "Minister of Energy",
    "Ambassador",
    "Special Envoy",
)
EVENTS = (
    ("political consultations", "Political consultations between the Ministries of Foreign Affairs of {A} and {B} were held in {city}"),
    ("talks", "{pa}, {ta} of {A}, held talks with {pb}, {tb} of {B}, in {city}"),
    ("visit", "{pa}, {ta} of {A}, paid an official visit to {B}, where he met with {pb}, {tb}"),
    ("meeting", "{pa}, {ta} of {A}, met with {pb}, {tb} of {B}, in {city}"),
    ("phone call", "{pa}, {ta} of {A}, had a telephone conversation with {pb}, {tb} of {B}"),
    ("summit", "The {A_dem}-{B_dem} summit took place in {city} with the participation of the heads of state"),
    ("signing", "Following the talks in {city}, {pa} and {pb} signed a Memorandum of Understanding on {topic} cooperation"),
    ("commission", "The {n}th session of the Intergovernmental Commission on Trade and Economic Cooperation between {A} and {B} was held in {city}"),
    ("forum", "A {A_dem}-{B_dem} business forum on {topic} opened in {city}, bringing together more than {k} companies"),
)
BODY = (
    "The sides discussed the state and prospects of {A_dem}-{B_dem} cooperation in the political, "
    "trade, economic and cultural spheres.",
    "Particular attention was paid to {topic} and {topic2}, including joint projects and the expansion of "
    "direct contacts between business circles.",
    "{pb} noted the constructive nature of the dialogue and the mutual interest in strengthening the "
    "partnership on a long-term basis.",
    "The {A_dem} side informed its partners about the priorities of its chairmanship in regional "
    "organizations and initiatives put forward at the United Nations.",
    "It was agreed to hold the next round of consultations in {city2} in {next_month}.",
    "Trade turnover between the two countries reached {money} million US dollars last year, and both "
    "sides expressed readiness to increase it.",
    "The parties exchanged views on regional and international issues of mutual interest, including "
    "security and stability in the region.",
    "Within the framework of the visit, {pa} also held meetings with representatives of the {B_dem} "
    "business community and visited a {topic} research centre.",
    "Following the meeting, a Plan of cooperation between the two Ministries for {year}-{year2} was signed.",
    "The sides emphasized the importance of the upcoming summit, which is expected to be held in {city2} next year.",
)
FOOTERS = (
    "",
    "\nShare this article\nViews: {views}\n",
    "\nOther news\n{B} and {A} discuss transit corridors\nNew cultural centre opens in {city2}\n",
    "\nPhoto: press service of the Ministry of Foreign Affairs of {A}\n",
)


def load_countries() -> list[dict]:
    with resources.files("attache.data").joinpath("countries.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["capital"] and row["demonyms"]]
    return rows


def load_topics() -> list[str]:
    text = resources.files("attache.data").joinpath("topics.tsv").read_text(encoding="utf-8")
    names = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    return [name.replace("_", " and ") for name in names]


def _person(rng: random.Random) -> str:
    surname = rng.choice(SURNAME_PARTS) + rng.choice(SURNAME_ENDS)
    return f"{rng.choice(FIRST)} {surname}"


def _header(rng: random.Random, day: datetime.date, counter: int) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f" date {day.isoformat()} Submit Release\n"
    if style == 1:
        return f"{rng.randrange(8, 23):02d}:{rng.randrange(60):02d} {day.strftime('%d.%m.%Y')} {counter}\n"
    if style == 2:
        return f"{day.strftime('%d %B %Y')} | Views: {counter}\n"
    return f"{day.strftime('%B %d, %Y')}  No. {counter}\n"


def article(index: int, rng: random.Random, countries: list[dict], topics: list[str]) -> tuple[str, str, str]:
    """(name, published YYYY-MM-DD, text) of one generated article."""
    a, b = rng.sample(countries, 2)
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    topic, topic2 = rng.sample(topics, 2)
    values = {
        "A": a["name"], "B": b["name"],
        "A_dem": a["demonyms"].split("|")[0], "B_dem": b["demonyms"].split("|")[0],
        "city": rng.choice((a["capital"], b["capital"])), "city2": rng.choice((a["capital"], b["capital"])),
        "pa": _person(rng), "pb": _person(rng),
        "ta": rng.choice(MINISTER_TITLES), "tb": rng.choice(MINISTER_TITLES),
        "topic": topic, "topic2": topic2, "n": rng.randrange(3, 19), "k": rng.randrange(40, 400),
        "money": rng.randrange(50, 3000), "views": index + 1000, "year": day.year, "year2": day.year + 2,
        "next_month": (day + datetime.timedelta(days=rng.randrange(30, 300))).strftime("%B"),
    }
    kind, lead = rng.choice(EVENTS)
    lead = lead.format(**values)
    title = f"{values['A_dem']}-{values['B_dem']} {kind}" + ("" if kind == "phone call" else f" in {values['city']}")
    dateline = f"{values['city'].upper()}, {day.day} {day.strftime('%B')} {day.year}. "
    if rng.random() < 0.4:
        dateline = f"On {day.strftime('%A')}, {day.day} {day.strftime('%B')}, "
        if lead.split()[0] in ("The", "A", "Political", "Following"):
            lead = lead[0].lower() + lead[1:]
    sentences = [s.format(**values) for s in rng.sample(BODY, rng.randrange(5, len(BODY) + 1))]
    cuts = sorted(rng.sample(range(1, len(sentences)), 2))
    paragraphs = [dateline + lead + "."] + [" ".join(part) for part in
                                           (sentences[: cuts[0]], sentences[cuts[0] : cuts[1]], sentences[cuts[1] :])]
    text = (_header(rng, day, index + 1000) + title + "\n\n" + title + "\n\n" + "\n\n".join(paragraphs) + "\n"
            + rng.choice(FOOTERS).format(**values))
    name = f"{index:06d}_{a['code'].lower()}_{b['code'].lower()}_{kind.replace(' ', '_')}"
    return name, day.isoformat(), text


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, str, str]]:
    """Yield ``n`` articles as (name, published, text)."""
    rng = random.Random(seed)
    countries, topics = load_countries(), load_topics()
    for index in range(n):
        yield article(index, rng, countries, topics)


def write_corpus(directory: Path, n: int, *, seed: int = 1, fmt: str = "txt", per_dir: int = 1000) -> int:
    """Write ``n`` articles under ``directory`` (``txt``: one file each, in subfolders of
    ``per_dir``; ``jsonl``: one ``articles.jsonl``). Returns the number of words written."""
    directory.mkdir(parents=True, exist_ok=True)
    words = 0
    if fmt == "jsonl":
        with (directory / "articles.jsonl").open("w", encoding="utf-8") as out:
            for name, _published, text in generate(n, seed):
                out.write(json.dumps({"id": name, "text": text}) + "\n")
                words += len(text.split())
        return words
    for index, (name, _published, text) in enumerate(generate(n, seed)):
        folder = directory / f"part{index // per_dir:04d}"
        if index % per_dir == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = parser.parse_args(argv)
    words = write_corpus(args.out, args.n, seed=args.seed, fmt=args.format)
    sys.stdout.write(f"wrote {args.n} articles ({words} words, {words / max(args.n, 1):.0f} per article) to {args.out}\n")


if __name__ == "__main__":
    main()
