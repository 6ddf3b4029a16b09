"""The Python API (attache/api.py): the README's example runs, extraction gives the records
`attache extract` prints, and a store answers as the CLI does (the same query layer)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import attache
from attache.cli import main
from attache.errors import BadValue, InputError, NotFound, StoreError
from attache.query.export import CSV_COLUMNS

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLES = Path(__file__).resolve().parents[2] / "attache" / "examples"
TALKS = ("Astana, 8 February 2024\n"
         "On 8 February 2024, Minister of Foreign Affairs of Kazakhstan Aigerim Sadykova held talks in Astana "
         "with Minister of Foreign Affairs of Mongolia Batbayar Enkhjargal on trade and transport.\n")


@pytest.fixture(scope="module")
def store(example_db):
    with attache.open(example_db) as opened:
        yield opened


def test_the_readme_python_example_runs_on_the_example_store(example_db, tmp_path, monkeypatch):
    [code] = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    shutil.copy(example_db, tmp_path / "attache.db")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), namespace)
    assert printed.getvalue().splitlines()[0] == "talks 2024-02-08 ['KZ', 'MN'] ['Aigerim Sadykova', 'Batbayar Enkhjargal']"
    assert namespace["found"]["total"] >= 1 and len(namespace["frame"]) >= 1


def test_extract_text_gives_the_record_attache_extract_prints(tmp_path):
    (tmp_path / "talks.txt").write_text(TALKS, encoding="utf-8")
    printed = json.loads(CliRunner().invoke(main, ["extract", str(tmp_path / "talks.txt")]).stdout)
    record = attache.extract_text(TALKS, name="talks.txt")
    assert record["events"] == printed["events"] and record["published"] == printed["published"] == "2024-02-08"


def test_extract_text_takes_a_publication_date_for_a_text_without_one():
    record = attache.extract_text(TALKS.split("\n", 1)[1].replace("On 8 February 2024, ", "Yesterday "),
                                  published="2024-02-09")
    assert record["published"] == "2024-02-09" and record["events"][0]["date"] == "2024-02-08"


def test_extract_file_gives_one_record_per_document_and_names_a_bad_input(tmp_path):
    records = attache.extract_file(EXAMPLES / "regional_wire_digest.jsonl")
    assert [r["doc"] for r in records] == ["tj_pk_commission_dushanbe", "ph_my_foreign_ministers_kuala_lumpur",
                                         "ge_lt_consultations_vilnius"]
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt"):
        attache.extract_file(tmp_path / "empty.txt")


@pytest.mark.parametrize("command, call", [
    (["events", "--country", "UZ", "--type", "consultation"], lambda s: s.events(country="UZ", type="consultation")),
    (["timeline", "UZ", "KR"], lambda s: s.timeline("UZ", "KR")),
    (["person", "Rakhimbaev"], lambda s: s.person("Rakhimbaev")),
    (["country", "KZ"], lambda s: s.country("KZ")),
    (["search", "memorandum"], lambda s: s.search("memorandum")),
])
def test_a_store_answers_as_the_cli_does(example_db, store, command, call):
    printed = CliRunner().invoke(main, [*command, "--db", str(example_db), "--json"]).stdout
    assert json.loads(json.dumps(call(store), ensure_ascii=False)) == json.loads(printed)


def test_a_store_raises_what_the_queries_raise(store, tmp_path):
    with pytest.raises(BadValue, match="did you mean 'visit'"):
        store.events(type="vist")
    with pytest.raises(NotFound):
        store.event(10**9)
    with pytest.raises(StoreError, match="no such database"):
        attache.open(tmp_path / "none.db")


def test_events_frame_holds_every_event_of_the_filter_in_the_export_columns(store):
    frame = store.events_frame(country="UZ")
    listed = store.events(country="UZ", limit=1000)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert list(frame["event_id"]) == [e["event_id"] for e in listed["events"]] and len(frame) == listed["total"]
    assert all("UZ" in countries for countries in frame["countries"])


def test_event_rows_page_through_more_events_than_one_read(store, monkeypatch):
    monkeypatch.setattr("attache.api.PAGE", 2)
    assert [row["event_id"] for row in store.event_rows(status="planned")] == [
        e["event_id"] for e in store.events(status="planned", limit=1000)["events"]]


def test_import_attache_does_not_load_the_api_until_it_is_used():
    import subprocess
    import sys

    found = subprocess.run([sys.executable, "-c", "import sys, attache; print('attache.api' in sys.modules, "
                            "'attache.query' in sys.modules); attache.open; print('attache.api' in sys.modules)"],
                           capture_output=True, text=True, timeout=120)
    assert found.stdout.split() == ["False", "False", "True"]
