"""Merging across outlets, measured: ingest a corpus, then check the store against a groups file.

    .venv/bin/python benchmarks/merging.py ../shared/dev/corpus ../shared/dev/same_event_groups.json

The groups file (the shape of ``same_event_groups.json``) lists groups of files that report
one real event (``events``: per file, ``events[i]`` for an occurred report or ``planned[i]``
for an announcement) and look-alike pairs (``hard_negatives``) that report different events.
Prints, per group and in total:

- groups merged: the occurred reports of a group (two files or more) share one stored
  occurred event; announcements of one event in two files or more share a planned event;
- links made: an announcement in one file is linked to the occurred event of another (a
  mapping with ``planned[i]`` in one file and ``events[j]`` in another, or a file a group
  lists under ``announced_in``);
- look-alikes kept apart: no stored event holds both files of a pair;
- wrong merges: stored events whose sources come from files of two groups that share no group.

Files are matched to stored events by their name (the stored document's ``doc``). A pair
that is both a look-alike pair and part of one group's mapping can only satisfy one of the
two; such pairs are counted, and listed, apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from attache.store import open_store


def ingest(corpus: Path, db: Path, jobs: int) -> None:
    command = [sys.executable, "-c", "import sys; from attache.cli import main; sys.exit(main())",
               "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stored_events(db: Path) -> tuple[dict[int, dict], dict[int, set[int]]]:
    """{event id: {"status", "docs"}} and {planned event id: linked occurred event ids}."""
    with open_store(db, read_only=True) as store:
        events: dict[int, dict] = {}
        for event_id, status, doc in store.tuples(
                "SELECT e.id, e.status, d.doc FROM events e JOIN event_sources s ON s.event_id = e.id"
                " JOIN documents d ON d.id = s.doc_id"):
            events.setdefault(event_id, {"status": status, "docs": set()})["docs"].add(Path(doc).name)
        links = defaultdict(set)
        for planned, occurred in store.tuples("SELECT planned_event_id, occurred_event_id FROM planned_links"):
            links[planned].add(occurred)
    return events, links


def check(groups: dict, events: dict[int, dict], links: dict[int, set[int]]) -> dict:
    found = {"merged": 0, "to_merge": 0, "linked": 0, "to_link": 0, "apart": 0, "lookalikes": 0,
             "contradictory": [], "misses": []}
    lookalike_pairs = [frozenset(h["docs"]) for h in groups.get("hard_negatives", [])]
    for group in groups.get("groups", []):
        for mapping in group.get("events", []):
            occurred = {d for d, r in mapping.items() if str(r).startswith("events[")}
            planned = {d for d, r in mapping.items() if str(r).startswith("planned[")}
            if any(frozenset(pair) <= occurred for pair in lookalike_pairs):
                found["contradictory"].append((group["id"], sorted(occurred)))
                continue
            for docs, status in ((occurred, "occurred"), (planned, "planned")):
                if len(docs) >= 2:
                    found["to_merge"] += 1
                    if any(e["status"] == status and docs <= e["docs"] for e in events.values()):
                        found["merged"] += 1
                    else:
                        found["misses"].append(f"{group['id']}: {status} reports not merged: {sorted(docs)}")
            if occurred and planned:
                found["to_link"] += 1
                targets = {i for i, e in events.items() if e["status"] == "occurred" and occurred <= e["docs"]}
                announced = [i for i, e in events.items() if e["status"] == "planned" and planned & e["docs"]]
                if any(links.get(i, set()) & targets for i in announced):
                    found["linked"] += 1
                else:
                    found["misses"].append(f"{group['id']}: announcement in {sorted(planned)} not linked to"
                                           f" the event reported in {sorted(occurred)}")
        for announcing in group.get("announced_in", []):  # files that only announced the group's event
            occurred = set(group["docs"]) - set(group.get("announced_in", []))
            found["to_link"] += 1
            targets = {i for i, e in events.items() if e["status"] == "occurred" and e["docs"] & occurred}
            announced = [i for i, e in events.items() if e["status"] == "planned" and announcing in e["docs"]]
            if any(links.get(i, set()) & targets for i in announced):
                found["linked"] += 1
            else:
                found["misses"].append(f"{group['id']}: announcement in {announcing} not linked to the group's event")
    for pair in lookalike_pairs:
        found["lookalikes"] += 1
        if any(pair <= e["docs"] for e in events.values()):
            found["misses"].append(f"look-alikes merged: {sorted(pair)}")
        else:
            found["apart"] += 1
    group_of = defaultdict(set)
    for group in groups.get("groups", []):
        for doc in group["docs"]:
            group_of[doc].add(group["id"])
    found["wrong"] = []
    for event_id, event in events.items():
        memberships = [group_of[d] for d in event["docs"] if d in group_of]
        if len({frozenset(m) for m in memberships}) > 1 and not set.intersection(*memberships):
            found["wrong"].append((event_id, sorted(event["docs"])))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("groups", type=Path)
    parser.add_argument("--db", type=Path, help="check this store instead of ingesting the corpus afresh")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    groups = json.loads(args.groups.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "merging.db"
            ingest(args.corpus, db, args.jobs)
        events, links = stored_events(db)
    found = check(groups, events, links)
    print(f"groups merged        {found['merged']}/{found['to_merge']}")
    print(f"links made           {found['linked']}/{found['to_link']}")
    print(f"look-alikes apart    {found['apart']}/{found['lookalikes']}")
    print(f"wrong merges         {len(found['wrong'])}")
    print(f"stored events        {len(events)}")
    for group_id, docs in found["contradictory"]:
        print(f"  not counted: group {group_id} maps reports of {docs}, also listed as look-alikes")
    for miss in found["misses"]:
        print(f"  {miss}")
    for event_id, docs in found["wrong"]:
        print(f"  wrong merge: event {event_id} holds {docs}")


if __name__ == "__main__":
    main()
