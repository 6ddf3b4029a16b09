"""The store commands through click's CliRunner: ingest, queries (--json, --csv, tables), export, reextract."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from attache.cli import main
from attache.resolve import add_document
from attache.store import open_store

TALKS = """Baku, 4 March 2024
On 4 March 2024, Minister of Foreign Affairs of Azerbaijan Elnur Huseynov held talks with Minister of Foreign Affairs of Hungary Laszlo Farkas in Baku.
The ministers discussed green energy corridors and a hydrogen pilot project.
"""
CALL = """Budapest, 9 April 2024
Laszlo Farkas had a phone conversation with E. Huseynov on 9 April 2024.
"""


def _event(text, sentence, **fields):
    start = text.index(sentence)
    return {"status": "occurred", "type": "talks", "plover": "CONSULT", "countries": ["AZ", "HU"],
            "participants": [], "topics": ["energy"], **fields,
            "evidence": [{"start": start, "end": start + len(sentence), "text": sentence}]}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    talks = {"doc": "talks.txt", "origin": "talks.txt", "text": TALKS, "published": "2024-03-04",
             "source": "mfa.gov.az", "url": "https://mfa.example/talks", "title": "Talks in Baku"}
    call = {"doc": "call.txt", "origin": "call.txt", "text": CALL, "published": "2024-04-09",
            "source": "kormany.example", "url": None, "title": "Phone call"}
    with open_store(path) as store:
        add_document(store, talks, {"events": [_event(
            TALKS, TALKS.splitlines()[1], date="2024-03-04", location={"name": "Baku", "country": "AZ"},
            participants=[{"name": "Elnur Huseynov", "title": "Minister of Foreign Affairs", "country": "AZ"},
                          {"name": "Laszlo Farkas", "title": "Minister of Foreign Affairs", "country": "HU"}])],
            "extractor": "test/1"})
        add_document(store, call, {"events": [_event(
            CALL, CALL.splitlines()[1], type="phone_call", date="2024-04-09",
            participants=[{"name": "Laszlo Farkas", "title": None, "country": "HU"},
                          {"name": "E. Huseynov", "title": None, "country": "AZ"}])], "extractor": "test/1"})
    return str(path)


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_every_store_command_has_help():
    for name in ("ingest", "reextract", "export", "timeline", "person", "country", "events", "search"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_timeline_json_and_table(db):
    result = run("timeline", "AZ", "HU", "--db", db, "--json")
    data = json.loads(result.stdout)
    assert [e["type"] for e in data["events"]] == ["phone_call", "talks"]
    assert data["events"][1]["sources"][0]["evidence"][0]["text"].startswith("On 4 March 2024")
    table = run("timeline", "AZ", "HU", "--db", db).stdout
    assert "2024-03-04" in table and "Baku" in table and "ID" in table.splitlines()[3]


def test_person_json_and_csv(db):
    data = json.loads(run("person", "Huseynov", "--db", db, "--json").stdout)
    assert data["name"] == "Elnur Huseynov" and set(data["names"]) == {"Elnur Huseynov", "E. Huseynov"}
    assert len(data["events"]) == 2
    rows = list(csv.DictReader(io.StringIO(run("person", "Huseynov", "--db", db, "--csv").stdout)))
    assert [r["date"] for r in rows] == ["2024-04-09", "2024-03-04"]


def test_country_and_events_and_search(db):
    country = json.loads(run("country", "hu", "--db", db, "--json").stdout)
    assert country["partners"] == [{"country": "AZ", "name": "Azerbaijan", "count": 2}]
    found = json.loads(run("events", "--db", db, "--country", "AZ", "--type", "phone_call", "--json").stdout)
    assert [e["date"] for e in found["events"]] == ["2024-04-09"]
    pair = json.loads(run("events", "--db", db, "--country", "AZ", "--country", "hu", "--json").stdout)
    assert pair["filters"]["country2"] == "HU" and len(pair["events"]) == 2
    assert CliRunner().invoke(main, ["events", "--db", db] + ["--country", "AZ"] * 3).exit_code == 2
    hits = json.loads(run("search", "hydrogen", "--db", db, "--json").stdout)
    assert hits["hits"][0]["doc"] == "talks.txt" and "[hydrogen]" in hits["hits"][0]["snippet"]
    assert "[hydrogen]" in run("search", "hydrogen", "--db", db).stdout


def test_unknown_things_fail_with_one_line(db, tmp_path):
    result = CliRunner().invoke(main, ["person", "Nobody", "--db", db])
    assert result.exit_code == 1 and "no person named" in result.stderr
    missing = CliRunner().invoke(main, ["country", "TM", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.stderr
    bad = CliRunner().invoke(main, ["events", "--db", db, "--from", "spring"])
    assert bad.exit_code == 2


def test_default_db_from_environment(db):
    data = json.loads(run("country", "AZ", "--json", env={"ATTACHE_DB": db}).stdout)
    assert data["event_count"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "plover", "csv"])
def test_export_text_formats(db, fmt):
    out = run("export", "--db", db, "--format", fmt).stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["type"] for r in rows] == ["talks", "phone_call"]
        return
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    if fmt == "plover":
        assert records[0]["event_type"] == "CONSULT" and records[0]["actors"][0]["name"] == "Elnur Huseynov"
        assert records[0]["location"]["name"] == "Baku" and records[0]["sources"][0]["evidence"]
    else:
        assert records[0]["sources"][0]["doc"] == "talks.txt"


def test_export_parquet(db, tmp_path):
    import pyarrow.parquet as pq

    target = tmp_path / "events.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(target)).exit_code == 0
    table = pq.read_table(target)
    assert table.num_rows == 2 and table.column("countries").to_pylist()[0] == ["AZ", "HU"]


ARTICLE = """Tashkent, 12 November 2024
On 12 November 2024, political consultations between the Ministries of Foreign Affairs of Uzbekistan and the Republic of Korea were held in Tashkent.
The delegations were headed by Deputy Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov and Deputy Minister of Foreign Affairs of Korea Park Min-soo.
"""


def test_ingest_reports_each_failure_and_a_summary_and_reruns_as_duplicates(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("12 November", "13 November"), encoding="utf-8")
    (folder / "copy.txt").write_text(ARTICLE.replace("\n", "\n\n"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "ingest.db")
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--jobs", "1"])
    assert first.exit_code == 1, first.stderr
    assert "empty.txt: " in first.stderr
    assert first.stderr.strip().splitlines()[-1] == "stored 2, duplicates 1, failed 1"
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--jobs", "1"])
    assert again.stderr.strip().splitlines()[-1] == "stored 0, duplicates 3, failed 1"
    with open_store(db, read_only=True) as store:
        assert store.total("documents") == 2


def test_ingest_strict_stops_at_first_failure(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("", encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--strict",
                                       "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "stored 0, duplicates 0, failed 1"


def test_ingested_article_yields_events_and_reextract_keeps_documents(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run("ingest", str(tmp_path / "a.txt"), "--db", db, "--jobs", "1").exit_code == 0
    result = run("reextract", "--db", db, "--jobs", "1")
    assert result.exit_code == 0 and "re-extracted 1 document: " in result.stderr
    data = json.loads(run("timeline", "UZ", "KR", "--db", db, "--json").stdout)
    (found,) = data["events"]
    assert found["date"] == "2024-11-12" and found["status"] == "occurred"
    text = json.loads(run("search", "consultations", "--db", db, "--json").stdout)
    assert text["hits"] and text["evidence_hits"]


@pytest.mark.parametrize("args, message", [
    (["events", "--type", "vist"], "unknown type 'vist'; did you mean 'visit'? (valid: commission, consultation,"),
    (["events", "--topic", "enrgy"], "unknown topic 'enrgy'; did you mean 'energy'?"),
    (["events", "--country", "Hungary"], "unknown country code 'Hungary'; did you mean 'HU' (Hungary)?"),
    (["events", "--from", "2024-13"], "from must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2024-13'"),
    (["events", "--from", "2025", "--to", "2024"], "from (2025) is after to (2024)"),
    (["timeline", "AZ", "XX"], "unknown country code 'XX' (valid: ISO 3166-1 alpha-2 codes such as KZ, TM, UZ)"),
    (["country", "Azerbaijn"], "unknown country code 'Azerbaijn'; did you mean 'AZ' (Azerbaijan)?"),
    (["search", "hydrogen", "--type", "phonecall"], "did you mean 'phone_call'?"),
])
def test_a_typo_in_a_filter_is_a_usage_error_naming_the_valid_values(db, args, message):
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


def test_counts_of_one_read_in_the_singular(db):
    assert run("events", "--db", db, "--type", "phone_call").stdout.startswith("1 event matches\n")
    assert run("events", "--db", db).stdout.startswith("2 events match\n")
    assert run("search", "hydrogen", "--db", db).stdout.startswith("1 document matches 'hydrogen'\n")
    assert run("timeline", "AZ", "HU", "--db", db).stdout.startswith("Azerbaijan – Hungary: 2 events\n")


def _csv_rows(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_every_table_of_person_country_and_search_prints_as_csv_with_table(db):
    titles = _csv_rows(CliRunner().invoke(main, ["person", "Huseynov", "--db", db, "--csv", "--table", "titles"]))
    assert [(r["title"], r["country"]) for r in titles] == [("Minister of Foreign Affairs", "AZ")]
    counterparts = _csv_rows(CliRunner().invoke(main, ["person", "Huseynov", "--db", db, "--csv",
                                                       "--table", "counterparts"]))
    assert [(r["name"], r["events"]) for r in counterparts] == [("Laszlo Farkas", "2")]
    sources = _csv_rows(CliRunner().invoke(main, ["person", "Huseynov", "--db", db, "--csv", "--table", "sources"]))
    assert [r["title"] for r in sources] == ["Phone call", "Talks in Baku"]
    topics = _csv_rows(CliRunner().invoke(main, ["country", "AZ", "--db", db, "--csv", "--table", "topics"]))
    assert topics == [{"topic": "energy", "count": "2"}]
    places = _csv_rows(CliRunner().invoke(main, ["country", "AZ", "--db", db, "--csv", "--table", "places"]))
    assert [(r["name"], r["count"]) for r in places] == [("Baku", "1")]
    evidence = _csv_rows(CliRunner().invoke(main, ["search", "Huseynov", "--db", db, "--csv", "--table", "evidence"]))
    assert [r["snippet"] for r in evidence] == [
        "Laszlo Farkas had a phone conversation with E. [Huseynov] on 9 April 2024.",
        "On 4 March 2024, Minister of Foreign Affairs of Azerbaijan Elnur [Huseynov] held talks with Minister…"]
    facets = _csv_rows(CliRunner().invoke(main, ["search", "Baku", "--db", db, "--csv", "--table", "facets"]))
    assert {"facet": "country", "value": "AZ", "count": "1"} in facets


def test_csv_without_table_is_the_first_table_and_says_which_others_there_are(db):
    result = CliRunner().invoke(main, ["country", "AZ", "--db", db, "--csv"])
    assert _csv_rows(result) == [{"country": "HU", "name": "Hungary", "count": "2"}]
    assert result.stderr == ("attache: CSV of the partners table; the others: topics, people, places, events "
                             "(--table NAME)\n")
    text = run("country", "AZ", "--db", db, "--table", "topics").stdout
    assert text == "Azerbaijan (AZ): 2 events\n\nTopics (1)\nTOPIC   COUNT\nenergy  2\n"
    assert CliRunner().invoke(main, ["country", "AZ", "--db", db, "--json", "--table", "topics"]).exit_code == 2
