"""The query layer against a store built from hand-written records."""

from __future__ import annotations

import json

import pytest
from store.builders import article, event, everything, load, record

from attache import query
from attache.errors import BadValue, NotFound
from attache.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "q.db"
    with open_store(path) as writer:
        load(writer, everything())
    with open_store(path, read_only=True) as reader:
        yield reader


def _evidence_points_into_its_document(store, source):
    text = store.document_text(source["doc_id"])
    return all(text[e["start"]:e["end"]] == e["text"] for e in source["evidence"])


def test_stats(store):
    result = query.stats(store)
    assert (result["documents"], result["events"]) == (11, 9)
    assert result["people"] == 10
    assert result["by_status"] == {"occurred": 8, "planned": 1}
    assert {"a": "JP", "b": "TM", "a_name": "Japan", "b_name": "Turkmenistan", "count": 3} in result["top_relationships"]
    assert result["latest_events"][0]["date"] == "2025-01-21"
    json.dumps(result)


def test_timeline_lists_every_event_of_the_pair_with_sources_and_evidence(store):
    result = query.timeline(store, "tm", "JP")
    assert result["total"] == 3
    assert [e["date"] for e in result["events"]] == ["2024-06-03", "2024-06-03", "2024-05-16"]
    merged = result["events"][-1]
    assert merged["source_count"] == 3 and len(merged["sources"]) == 3
    assert all(_evidence_points_into_its_document(store, s) for s in merged["sources"])
    earliest = query.timeline(store, "JP", "TM", order="earliest")
    assert earliest["events"][0]["event_id"] == merged["event_id"]


def test_timeline_of_unknown_code_is_a_bad_value_naming_the_nearest_country(store):
    with pytest.raises(BadValue, match=r"unknown country code 'XX' \(valid: ISO 3166-1 alpha-2 codes"):
        query.timeline(store, "TM", "XX")
    with pytest.raises(BadValue, match=r"unknown country code 'Japn'; did you mean 'JP' \(Japan\)\?"):
        query.timeline(store, "TM", "Japn")


def test_person_profile(store):
    result = query.person(store, "M. Karayev")
    assert result["name"] == "Merdan Karayev"
    assert [t["title"] for t in result["titles"]] == ["Minister of Foreign Affairs",
                                                       "Deputy Prime Minister, Minister of Foreign Affairs"]
    assert [e["date"] for e in result["events"]] == ["2025-01-20", "2023-10-12", "2021-04-02"]
    assert result["events"][1]["as"]["name"] == "M. Karayev"
    assert {c["name"] for c in result["counterparts"]} == {"Pavel Sokolov", "Elnur Huseynov", "Aidos Serikov"}
    assert len(result["sources"]) == 3
    assert [p["name"] for p in result["other_matches"]] == ["Dovlet Karayev"]
    assert query.person(store, str(result["person_id"]))["name"] == "Merdan Karayev"
    with pytest.raises(NotFound):
        query.person(store, "Nobody Atall")


def test_country(store):
    result = query.country(store, "TM")
    assert result["name"] == "Turkmenistan" and result["event_count"] == 7
    assert result["partners"][0] == {"country": "JP", "name": "Japan", "count": 3}
    assert {"topic": "energy", "count": 3} in result["topics"]
    assert result["people"][0]["name"] == "Merdan Karayev"
    ashgabat = next(p for p in result["locations"] if p["name"] == "Ashgabat")
    assert ashgabat["count"] == 3 and ashgabat["lat"] is not None
    assert len(result["latest_events"]) == 7
    assert query.country(store, "FR")["event_count"] == 0
    with pytest.raises(BadValue, match="unknown country code 'ZZ'"):
        query.country(store, "ZZ")


@pytest.mark.parametrize("filters, expected_dates", [
    ({"country": "TM", "type": "meeting"}, ["2025-01-20", "2024-06-03", "2024-06-03", "2023-10-12"]),
    ({"topic": "energy"}, ["2025-01-21", "2024-08-09", "2024-06-03", "2024-05-16"]),
    ({"country": "TM", "date_from": "2024-01", "date_to": "2024-12"}, ["2024-06-03", "2024-06-03", "2024-05-16"]),
    ({"status": "planned"}, ["2024-08"]),
    ({"person": "Karayev", "order": "earliest"}, ["2021-04-02", "2023-10-12", "2025-01-20"]),
    ({"country": "KZ", "topic": "energy", "type": "talks"}, ["2025-01-21"]),
])
def test_events_filters(store, filters, expected_dates):
    result = query.events(store, **filters)
    assert [e["date"] for e in result["events"]] == expected_dates
    assert result["total"] == len(expected_dates)


def test_events_of_a_pair_are_the_timeline(store):
    pair = query.events(store, country="jp", country2="TM")
    line = query.timeline(store, "TM", "JP")
    assert [e["event_id"] for e in pair["events"]] == [e["event_id"] for e in line["events"]]
    assert pair["total"] == line["total"] == 3 and not pair["total_capped"]
    assert (pair["filters"]["country"], pair["filters"]["country2"]) == ("JP", "TM")
    assert all({"JP", "TM"} <= set(e["countries"]) for e in pair["events"])
    filtered = query.events(store, country="TM", country2="JP", type="meeting")
    assert [e["date"] for e in filtered["events"]] == ["2024-06-03", "2024-06-03"]
    assert query.events(store, country2="TM")["total"] == query.events(store, country="TM")["total"]
    with pytest.raises(BadValue):
        query.events(store, country="TM", country2="XX")


def test_event_and_relationship_carry_the_money_of_their_sources(tmp_path):
    text = "Ashgabat, 3 June 2024\nTurkmenistan and Japan signed loan agreements worth $120 million.\n"
    sentence = "Turkmenistan and Japan signed loan agreements worth $120 million."
    art = article("loan.txt", text, "2024-06-03", "mfa.gov.tm")
    plain = article("loan2.txt", "Tokyo, 3 June 2024\n" + sentence + "\n", "2024-06-03", "mofa.go.jp")
    trade_text = "Tokyo, 1 March 2023\nTurkmenistan and Japan held trade talks; turnover reached $40 million.\n"
    trade_sentence = trade_text.splitlines()[1]
    trade = article("trade.txt", trade_text, "2023-03-01", "mofa.go.jp", title="Trade talks")
    elsewhere_text = "Astana, 2 March 2023\nKazakhstan and Japan signed a $75 million credit line.\n"
    elsewhere = article("kz.txt", elsewhere_text, "2023-03-02", "akorda.kz")
    with open_store(tmp_path / "money.db") as writer:
        load(writer, [(art, record(art, event(text, sentence, type="signing", date="2024-06-03",
                                              countries=["TM", "JP"]), money=["$120 million"])),
                      (plain, record(plain, event(plain["text"], sentence, type="signing", date="2024-06-03",
                                                  countries=["TM", "JP"]))),
                      (trade, record(trade, event(trade_text, trade_sentence, type="talks", date="2023-03-01",
                                                  countries=["TM", "JP"]), money=["$40 million"])),
                      (elsewhere, record(elsewhere, event(elsewhere_text, elsewhere_text.splitlines()[1],
                                                          type="signing", date="2023-03-02", countries=["KZ", "JP"]),
                                         money=["$75 million"]))])
        signing = query.timeline(writer, "TM", "JP")["events"][0]
        detail = query.event(writer, signing["event_id"])
        pair = query.relationship(writer, "JP", "TM")
        latest_only = query.relationship(writer, "JP", "TM", limit=1)
    assert detail["source_count"] == 2
    assert [(m["title"], m["money"]) for m in detail["money"]] == [(None, ["$120 million"])]
    assert detail["money"][0]["doc_id"] in {s["doc_id"] for s in detail["sources"]}
    # the pair's articles with figures, oldest first; not other pairs' articles, and only those
    # of the events the timeline shows
    assert [(m["title"], m["money"], m["published"]) for m in pair["money"]] == [
        ("Trade talks", ["$40 million"], "2023-03-01"), (None, ["$120 million"], "2024-06-03")]
    assert [m["money"] for m in latest_only["money"]] == [["$120 million"]]


def test_events_paging_and_bad_date(store):
    page = query.events(store, limit=2, offset=2)
    assert len(page["events"]) == 2 and page["total"] == 9
    with pytest.raises(ValueError):
        query.events(store, date_from="last spring")


def test_event_detail_with_conflicts_and_links(store):
    planned = query.events(store, status="planned")["events"][0]
    detail = query.event(store, planned["event_id"])
    assert [e["date"] for e in detail["occurred"]] == ["2024-08-09"]
    assert query.event(store, detail["occurred"][0]["event_id"])["planned"][0]["event_id"] == planned["event_id"]
    merged = query.timeline(store, "TM", "JP")["events"][-1]
    full = query.event(store, merged["event_id"])
    assert {m["name"] for m in full["mentions"]} >= {"Serdar Annayev", "S. Annayev", "K. Morita"}
    assert {s["reported"]["date"] for s in full["sources"]} == {"2024-05-16", "2024-05"}
    assert full["conflicts"] == []
    with pytest.raises(NotFound):
        query.event(store, 99999)
    with pytest.raises(NotFound):
        query.event(store, "abc")


def test_document_with_its_events_and_evidence(store):
    merged = query.timeline(store, "TM", "JP")["events"][-1]
    doc_id = merged["sources"][0]["doc_id"]
    result = query.document(store, doc_id)
    assert result["doc_id"] == doc_id and result["events"][0]["event_id"] == merged["event_id"]
    for span in result["events"][0]["evidence"]:
        assert result["text"][span["start"]:span["end"]] == span["text"]
    assert query.document(store, result["doc"])["doc_id"] == doc_id
    with pytest.raises(NotFound):
        query.document(store, "0" * 64)


def test_search_ranks_and_highlights(store):
    result = query.search(store, "hydrogen")
    assert result["total"] == 1
    hit = result["hits"][0]
    assert hit["doc"] == "mfa_tm_jp.txt" and "[hydrogen]" in hit["snippet"]
    assert {"text": "hydrogen", "hit": True} in hit["snippet_parts"]
    assert hit["events"]


def test_search_evidence_facets_and_filters(store):
    result = query.search(store, "Karayev")
    assert {f["value"] for f in result["facets"]["country"]} >= {"TM", "RU", "AZ", "KZ"}
    assert {f["value"]: f["count"] for f in result["facets"]["year"]} == {"2025": 2, "2023": 1, "2021": 1}
    assert len(result["evidence_hits"]) == 4
    only_baku = query.search(store, "Karayev", country="AZ")
    assert [h["doc"] for h in only_baku["hits"]] == ["karayev_2023.txt"]
    assert query.search(store, 'AND OR "(')["total"] == 0


def test_relationship(store):
    result = query.relationship(store, "TM", "JP")
    assert result["timeline"]["total"] == 3
    assert {row["year"] for row in result["topics_by_year"]} == {"2024"}
    assert result["topics_by_year"][0]["topics"]["energy"] == 2
    assert {p["name"] for p in result["people"]["a"]} == {"Serdar Annayev", "Batyr Orazov"}
    assert {p["name"] for p in result["people"]["b"]} == {"Kenji Morita", "Hiroshi Tanaka", "Yuki Sato"}
    with pytest.raises(BadValue, match="two different states"):
        query.relationship(store, "TM", "TM")


def test_search_past_the_ranking_limit_lists_newest_first(store, monkeypatch):
    ranked = query.search(store, "Ashgabat")
    assert ranked["order"] == "bm25" and ranked["total"] > 2
    monkeypatch.setattr("attache.store.reads.RANKED_MATCHES", 2)
    unranked = query.search(store, "Ashgabat")
    assert unranked["order"] == "recent" and unranked["total_capped"] and unranked["total"] == 2
    assert {h["doc_id"] for h in unranked["hits"]} == {h["doc_id"] for h in ranked["hits"]}
    assert unranked["evidence_hits"]


TOO_BIG = "9223372036854775808"  # 2**63: no SQLite integer holds it


@pytest.mark.parametrize("call", [
    lambda store: query.events(store, offset=TOO_BIG),
    lambda store: query.events(store, limit=TOO_BIG),
    lambda store: query.search(store, "Karayev", year=TOO_BIG),
    lambda store: query.search(store, "Karayev", offset=TOO_BIG),
    lambda store: query.timeline(store, "TM", "JP", offset=2**63),
    lambda store: query.person(store, "Karayev", limit=2**63),
    lambda store: query.events(store, offset=-1),
    lambda store: query.search(store, "Karayev", year="²"),
])
def test_numbers_out_of_range_are_bad_values_not_database_errors(store, call):
    with pytest.raises(BadValue, match="must be"):
        call(store)


@pytest.mark.parametrize("call", [
    lambda store: query.event(store, TOO_BIG),
    lambda store: query.event(store, -3),
    lambda store: query.person(store, TOO_BIG),
    lambda store: query.person(store, "9" * 5000),
    lambda store: query.events(store, person=TOO_BIG),
])
def test_ids_no_row_can_have_are_not_found(store, call):
    with pytest.raises(NotFound):
        call(store)


@pytest.mark.parametrize("filters, message", [
    ({"type": "vist"}, "unknown type 'vist'; did you mean 'visit'? (valid: commission, consultation, forum, "
                       "meeting, other, phone_call, signing, summit, talks, visit)"),
    ({"topic": "enrgy"}, "unknown topic 'enrgy'; did you mean 'energy'?"),
    ({"status": "plannd"}, "unknown status 'plannd'; did you mean 'planned'? (valid: occurred, planned)"),
    ({"order": "latst"}, "unknown order 'latst'; did you mean 'latest'? (valid: earliest, latest, sources)"),
    ({"country": "Turkmenistan"}, "unknown country code 'Turkmenistan'; did you mean 'TM' (Turkmenistan)?"),
    ({"date_from": "2024-13"}, "from must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2024-13'"),
    ({"date_from": "2025", "date_to": "2024-06"}, "from (2025) is after to (2024-06)"),
])
def test_a_typo_in_a_filter_names_the_valid_values_and_the_nearest(store, filters, message):
    with pytest.raises(BadValue) as raised:
        query.events(store, **filters)
    assert message in str(raised.value)


def test_search_filters_are_checked_like_the_events_filters(store):
    with pytest.raises(BadValue, match="did you mean 'talks'"):
        query.search(store, "Karayev", type="taks")
    with pytest.raises(BadValue, match="unknown country code 'Japn'"):
        query.search(store, "Karayev", country="Japn")
    assert query.search(store, "Karayev", country="az")["filters"]["country"] == "AZ"


def test_a_search_of_too_many_words_is_a_bad_value_before_any_read(store):
    assert query.search(store, " ".join(["Karayev"] * 20))["total"] >= 1
    with pytest.raises(BadValue, match="a search takes at most 20 words or phrases, got 1000"):
        query.search(store, " ".join(["a*"] * 1000))
