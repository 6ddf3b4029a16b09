"""benchmarks/merging.py's check: groups merged, links, look-alikes, wrong merges, counted by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "merging.py"
spec = importlib.util.spec_from_file_location("merging_benchmark", SCRIPT)
merging = importlib.util.module_from_spec(spec)
spec.loader.exec_module(merging)

GROUPS = {
    "groups": [
        {"id": "G1", "docs": ["a.txt", "b.txt"], "events": [{"a.txt": "events[0]", "b.txt": "events[1]"}]},
        {"id": "G2", "docs": ["c.txt", "d.txt", "e.txt"],
         "events": [{"c.txt": "events[0]", "d.txt": "events[0]", "e.txt": "planned[2]"}]},
        {"id": "G3", "docs": ["f.txt", "g.txt"], "announced_in": ["g.txt"], "events": []},
    ],
    "hard_negatives": [{"docs": ["a.txt", "c.txt"]}, {"docs": ["b.txt", "d.txt"]}],
}


def test_counts_merges_links_lookalikes_and_wrong_merges():
    events = {1: {"status": "occurred", "docs": {"a.txt", "b.txt"}},
              2: {"status": "occurred", "docs": {"c.txt"}},
              3: {"status": "occurred", "docs": {"d.txt", "b.txt"}},  # G1 and G2 mixed, and a look-alike pair
              4: {"status": "planned", "docs": {"e.txt"}},
              5: {"status": "occurred", "docs": {"f.txt"}},
              6: {"status": "planned", "docs": {"g.txt"}}}
    links = {4: {2}, 6: {5}}
    found = merging.check(GROUPS, events, links)
    assert (found["merged"], found["to_merge"]) == (1, 2)
    assert (found["linked"], found["to_link"]) == (1, 2)  # e.txt's link goes to an event without d.txt
    assert (found["apart"], found["lookalikes"]) == (1, 2)
    assert found["wrong"] == [(3, ["b.txt", "d.txt"])]
