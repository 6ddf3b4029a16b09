"""The JSON API of every page and every error path, against a store built from the examples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html
from starlette.testclient import TestClient
from store.test_pair_summaries import generated_documents

from attache.ingest.readers import iter_raw
from attache.resolve import add_document, ingest
from attache.serve.app import CACHE_HEADER, create_app
from attache.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
ERROR_KEYS = {"ok", "error", "status"}


def _home(client) -> dict:
    response = client.get("/index.json")
    assert response.status_code == 200
    return response.json()


def _an_event_with_people(client) -> dict:
    """An occurred event with at least two participants, found through the events API."""
    listing = client.get("/events.json", params={"status": "occurred", "limit": 200}).json()
    for event in listing["events"]:
        if len(event["participants"]) >= 2 and event["sources"]:
            return event
    pytest.fail("the example store has no occurred event with two participants")


def _assert_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body


# pages ------------------------------------------------------------------------------------


def test_home_counts_latest_events_and_relationships(client):
    home = _home(client)
    assert home["documents"] >= 15
    assert home["events"] >= home["by_status"].get("occurred", 0) > 0
    assert home["latest_events"] and all("event_id" in e for e in home["latest_events"])
    pair = home["top_relationships"][0]
    assert pair["a"] < pair["b"] and pair["count"] >= 1


def test_home_json_by_accept_header_equals_json_url(client):
    by_header = client.get("/", headers={"accept": "application/json"})
    assert by_header.headers["content-type"].startswith("application/json")
    assert by_header.json() == _home(client)


def test_event_json_has_sources_with_evidence_inside_their_documents(client):
    summary = _an_event_with_people(client)
    event = client.get(f"/event/{summary['event_id']}.json").json()
    assert event["event_id"] == summary["event_id"]
    assert {p["person_id"] for p in event["participants"]} == {p["person_id"] for p in summary["participants"]}
    for source in event["sources"]:
        text = client.get(f"/document/{source['doc_id']}.json").json()["text"]
        for span in source["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert "conflicts" in event and "planned" in event and "occurred" in event


def test_merged_event_page_shows_every_source(client):
    """The most reported event (the examples report some talks from several outlets)."""
    top = client.get("/events.json", params={"order": "sources", "limit": 1}).json()["events"][0]
    assert top["source_count"] >= 2
    page = client.get(f"/event/{top['event_id']}")
    assert page.text.count('class="panel stack source"') == top["source_count"]
    for source in top["sources"]:
        assert f'href="/document/{source["doc_id"]}' in page.text


def test_document_segments_rebuild_the_text_and_mark_evidence(client):
    event = _an_event_with_people(client)
    document = client.get(f"/document/{event['sources'][0]['doc_id']}.json").json()
    assert "".join(s["text"] for s in document["segments"]) == document["text"]
    marked = [s for s in document["segments"] if s["mark"]]
    assert marked
    evidence = {span["text"] for e in document["events"] for span in e["evidence"]}
    assert any(s["text"] in evidence or any(s["text"] in text for text in evidence) for s in marked)


def test_document_html_highlights_evidence_with_mark(client):
    event = _an_event_with_people(client)
    source = event["sources"][0]
    page = client.get(f"/document/{source['doc_id']}")
    assert page.status_code == 200
    first_sentence = source["evidence"][0]["text"]
    assert '<mark class="evidence' in page.text
    marked_text = page.text.split('<mark class="evidence', 1)[1].split(">", 1)[1].split("</mark>", 1)[0]
    assert marked_text.strip() and marked_text.split()[0] in first_sentence + " ".join(
        span["text"] for span in source["evidence"])


def test_relationship_json_has_timeline_chart_people_and_money(client):
    pair = _home(client)["top_relationships"][0]
    found = client.get(f"/relationship/{pair['a']}/{pair['b']}.json").json()
    assert found["a"] == pair["a"] and found["b"] == pair["b"]
    assert found["timeline"]["total"] == pair["count"]
    for event in found["timeline"]["events"]:
        assert {pair["a"], pair["b"]} <= set(event["countries"])
    chart = found["topics_chart"]
    assert chart["labels"] == [row["year"] for row in found["topics_by_year"]]
    assert all(len(series["data"]) == len(chart["labels"]) for series in chart["series"])
    assert set(found["people"]) == {"a", "b", "other"}
    assert all(p["country"] == pair["a"] for p in found["people"]["a"])
    listed = client.get(found["events_link"].replace("/events?", "/events.json?")).json()
    assert listed["total"] == pair["count"]
    assert [e["event_id"] for e in listed["events"]] == [e["event_id"] for e in found["timeline"]["events"]]


def test_relationship_is_case_insensitive_about_codes(client):
    pair = _home(client)["top_relationships"][0]
    upper = client.get(f"/relationship/{pair['a']}/{pair['b']}.json").json()
    lower = client.get(f"/relationship/{pair['a'].lower()}/{pair['b'].lower()}.json").json()
    assert lower["timeline"]["total"] == upper["timeline"]["total"]


def test_country_json_has_partner_graph_and_map(client):
    pair = _home(client)["top_relationships"][0]
    found = client.get(f"/country/{pair['a']}.json").json()
    assert found["code"] == pair["a"]
    partner_ids = {n["id"] for n in found["partner_graph"]["nodes"]}
    assert pair["a"] in partner_ids and pair["b"] in partner_ids
    assert len(found["partner_graph"]["edges"]) == len(found["partner_graph"]["nodes"]) - 1
    assert found["event_map"]["highlight"] and found["event_map"]["highlight"][0].isdigit()
    placed = [loc for loc in found["locations"] if loc["lat"] is not None]
    assert len(found["event_map"]["points"]) == len(placed)


def test_person_by_id_and_by_surname_is_the_same_person(client):
    event = _an_event_with_people(client)
    someone = event["participants"][0]
    by_id = client.get(f"/person/{someone['person_id']}.json").json()
    surname = someone["name"].split()[-1]
    by_name = client.get(f"/person/{surname}.json").json()
    assert by_id["person_id"] == someone["person_id"]
    assert by_name["name"].split()[-1] == surname
    assert any(e["event_id"] == event["event_id"] for e in by_id["events"])
    graph = by_id["counterpart_graph"]
    assert graph["nodes"][0]["center"] is True
    assert {n["id"] for n in graph["nodes"][1:]} == {f"p{c['person_id']}" for c in by_id["counterparts"]}


def test_person_title_history_of_the_example_diplomat(client):
    """Rakhimbaev appears under three name forms with two titles over three years."""
    found = client.get("/person/Rakhimbaev.json").json()
    titles = [t["title"] for t in found["titles"]]
    assert len(titles) >= 2
    assert found["event_count"] >= 3


def test_search_json_hits_snippets_and_facets(client):
    found = client.get("/search.json", params={"q": "energy"}).json()
    assert found["total"] >= 1 and found["hits"]
    assert any(part["hit"] for part in found["hits"][0]["snippet_parts"])
    assert set(found["facets"]) == {"country", "type", "topic", "year", "status"}
    country = found["facet_links"]["country"][0]
    assert country["href"].startswith("/search?") and f"country={country['value']}" in country["href"]


def test_search_facet_filter_narrows_the_hits(client):
    everything = client.get("/search.json", params={"q": "energy"}).json()
    value = everything["facets"]["country"][-1]["value"]
    narrowed = client.get("/search.json", params={"q": "energy", "country": value}).json()
    assert narrowed["filters"]["country"] == value
    assert 1 <= narrowed["total"] <= everything["total"]


def test_search_facet_links_toggle_one_filter_and_keep_the_others(client):
    from urllib.parse import parse_qs, urlsplit

    everything = client.get("/search.json", params={"q": "energy"}).json()
    value = everything["facets"]["country"][0]["value"]
    narrowed = client.get("/search.json", params={"q": "energy", "country": value, "offset": 20}).json()
    for name, links in narrowed["facet_links"].items():
        for link in links:
            url = urlsplit(link["href"])
            params = {key: values[0] for key, values in parse_qs(url.query).items()}
            assert url.path == "/search" and "offset" not in params and params["q"] == "energy"
            if name == "country" and link["on"]:
                assert "country" not in params  # the URL that turns this filter off
            elif name == "country":
                assert params["country"] == str(link["value"])
            else:
                assert params["country"] == value and params[name] == str(link["value"])
    assert [link["on"] for link in narrowed["facet_links"]["country"]].count(True) == 1


def test_search_without_query_is_empty_not_an_error(client):
    found = client.get("/search.json").json()
    assert found["total"] == 0 and found["hits"] == []
    assert client.get("/search").status_code == 200


def test_search_with_fts_syntax_characters_is_not_an_error(client):
    response = client.get("/search.json", params={"q": 'energy AND ("OR" NEAR*'})
    assert response.status_code == 200


def test_events_filter_sort_and_paginate(client):
    first = client.get("/events.json", params={"limit": 5, "order": "earliest"}).json()
    second = client.get("/events.json", params={"limit": 5, "offset": 5, "order": "earliest"}).json()
    assert len(first["events"]) == 5
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}
    assert first["pages"]["next"] and "offset=5" in first["pages"]["next"]
    assert first["pages"]["previous"] is None and second["pages"]["previous"]
    dates = [e["date"] for e in first["events"] + second["events"] if e["date"]]
    assert dates == sorted(dates)
    planned = client.get("/events.json", params={"status": "planned", "limit": 500}).json()
    assert planned["events"] and all(e["status"] == "planned" for e in planned["events"])


def test_events_csv_download_holds_the_whole_filter(client):
    filters = {"status": "occurred"}
    listing = client.get("/events.json", params={**filters, "limit": 500}).json()
    response = client.get("/events.csv", params=filters)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["event_id"]) for r in rows] == [e["event_id"] for e in listing["events"]]
    assert all(r["status"] == "occurred" for r in rows)


def test_events_jsonl_download_matches_the_filter(client):
    listing = client.get("/events.json", params={"country": "UZ", "limit": 500}).json()
    response = client.get("/events.jsonl", params={"country": "UZ"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [e["event_id"] for e in lines] == [e["event_id"] for e in listing["events"]]


def test_events_page_links_downloads_of_the_current_filter(client):
    found = client.get("/events.json", params={"country": "UZ", "type": "talks"}).json()
    assert "country=UZ" in found["downloads"]["csv"] and "type=talks" in found["downloads"]["csv"]


def test_every_html_page_links_its_json_twin(client):
    event = _an_event_with_people(client)
    for path in ("/", f"/event/{event['event_id']}", "/events?status=planned"):
        page = client.get(path)
        assert page.headers["content-type"].startswith("text/html")
        assert "as JSON" in page.text


# errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/event/999999.json", "/event/not-a-number.json", "/document/0000.json", "/person/999999.json",
    "/person/Nobodyovich.json", "/country/XX.json", "/relationship/UZ/XX.json", "/relationship/UZ/UZ.json",
    "/no/such/page.json",
])
def test_unknown_ids_give_the_json_error_shape(client, path):
    _assert_error(client.get(path), 404)


@pytest.mark.parametrize("path", ["/event/999999", "/person/999999", "/country/XX", "/no/such/page"])
def test_unknown_ids_give_an_html_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404" in response.text and "Back to the start page" in response.text


def test_json_error_by_accept_header(client):
    _assert_error(client.get("/event/999999", headers={"accept": "application/json"}), 404)


@pytest.mark.parametrize("path, params", [
    ("/events.json", {"limit": "many"}),
    ("/events.json", {"limit": "0"}),
    ("/events.json", {"offset": "-1"}),
    ("/events.json", {"order": "random"}),
    ("/events.json", {"date_from": "last spring"}),
    ("/search.json", {"q": "energy", "year": "recent"}),
    ("/events.csv", {"date_to": "tomorrow-ish"}),
])
def test_bad_parameters_give_400_with_the_same_shape(client, path, params):
    body = _assert_error(client.get(path, params=params), 400)
    assert any(str(value) in body["error"] or name in body["error"] for name, value in params.items())


NOT_NUMBERS = ["9223372036854775808", "99999999999999999999999999999", "-9223372036854775809", "-1", "x", "1e3",
               "0x10", "\u00b2", "\uff11\uff12", "1_000", "9" * 5000]


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("path", ["/event/{}", "/event/{}.json", "/person/{}.json", "/person/{}"])
def test_an_id_in_the_path_that_no_row_can_have_is_not_found(client, path, value):
    assert client.get(path.format(value)).status_code == 404


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("path, name", [
    ("/events.json", "offset"), ("/events.json", "limit"), ("/search.json?q=energy", "offset"),
    ("/search.json?q=energy", "limit"), ("/search.json?q=energy", "year"), ("/relationship/UZ/KR.json", "limit"),
])
def test_a_number_parameter_out_of_range_or_not_a_number_is_a_400(client, path, name, value):
    separator = "&" if "?" in path else "?"
    body = _assert_error(client.get(f"{path}{separator}{name}={value}"), 400)
    assert body["error"].startswith(f"{name} must be")


@pytest.mark.parametrize("value", ["9223372036854775808", "-1"])
def test_a_person_filter_no_row_can_have_is_not_found(client, value):
    _assert_error(client.get("/events.json", params={"person": value}), 404)


@pytest.mark.parametrize("path, params, message", [
    ("/events.json", {"from": "garbage"}, "unknown parameter 'from'; did you mean 'date_from'?"),
    ("/events.json", {"type": "vist"}, "unknown type 'vist'; did you mean 'visit'?"),
    ("/events.json", {"country": "Japan"}, "unknown country code 'Japan'; did you mean 'JP' (Japan)?"),
    ("/events.json", {"date_from": "garbage"}, "from must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'garbage'"),
    ("/events.csv", {"topic": "enrgy"}, "unknown topic 'enrgy'; did you mean 'energy'?"),
    ("/events.jsonl", {"limit": "5"}, "unknown parameter 'limit'"),
    ("/search.json", {"q": "energy", "yaer": "2024"}, "unknown parameter 'yaer'; did you mean 'year'?"),
    ("/index.json", {"q": "energy"}, "this page takes no parameters, got 'q'"),
    ("/search.json", {"q": " ".join(["a*"] * 1000)}, "a search takes at most 20 words or phrases, got 1000"),
    ("/events.json", [("type", "visit"), ("type", "talks")], "parameter 'type' is given 2 times"),
])
def test_a_parameter_no_answer_can_have_is_a_400_that_names_the_valid_ones(client, path, params, message):
    body = _assert_error(client.get(path, params=params), 400)
    assert message in body["error"]


def test_a_code_in_the_path_that_names_no_country_is_not_found_with_the_nearest(client):
    body = _assert_error(client.get("/country/Japan.json"), 404)
    assert "did you mean 'JP' (Japan)?" in body["error"]


def test_writes_are_not_allowed(client):
    _assert_error(client.post("/events.json", json={}), 405)


def test_server_error_gives_500_with_the_same_shape(demo_db, app_client, monkeypatch):
    from attache.serve import pages

    def broken(store):
        raise RuntimeError("boom")

    monkeypatch.setattr(pages.query, "stats", broken)
    with app_client(demo_db) as failing:
        body = _assert_error(failing.get("/index.json"), 500)
        assert "boom" not in body["error"]
        html = failing.get("/")
        assert html.status_code == 500 and "500" in html.text


def test_missing_database_is_refused(tmp_path):
    from attache.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")


# safety -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def script_client(tmp_path_factory, app_client):
    """A store holding one article whose text contains <script> and <b> tags."""
    db_path = tmp_path_factory.mktemp("escape") / "escape.db"
    with open_store(db_path) as store:
        outcomes = list(ingest(store, iter_raw([str(FIXTURES / "kz_mn_script_in_text.txt")])))
    assert [o.status for o in outcomes] == ["stored"]
    with app_client(db_path) as test_client:
        yield test_client


def test_article_markup_is_shown_as_text_on_every_page(script_client):
    event = script_client.get("/index.json").json()["latest_events"][0]
    doc_id = event["sources"][0]["doc_id"]
    pages = [f"/document/{doc_id}", f"/event/{event['event_id']}", "/search?q=corridor"]
    for path in pages:
        html = script_client.get(path).text
        assert '<script>alert("x")</script>' not in html, path
        assert "&lt;script&gt;alert(" in html, path
        assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html, path
    document = script_client.get(f"/document/{doc_id}.json").json()
    assert '<script>alert("x")</script>' in document["text"]


RLO = "\u202e"
HOSTILE_URLS = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                "file:///etc/passwd", " javascript:alert(2)", "https://mfa.example/ok\njavascript:x"]


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory, app_client):
    """A store of JSONL articles whose URLs have other schemes than http(s) and whose title
    and outlet hold a right-to-left override; one has a plain https URL."""
    text = (FIXTURES / "kz_mn_script_in_text.txt").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("hostile")
    lines = [{"id": f"a{i}", "text": text.replace("Wednesday", f"Wednesday ({i})"), "published": "2024-03-14",
              "url": url, "source": f"Wire{RLO}moc.exe", "title": f"Talks {RLO}gnp.tpircs"}
             for i, url in enumerate([*HOSTILE_URLS, "https://mfa.example/talks"])]
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    db_path = folder / "hostile.db"
    with open_store(db_path) as store:
        outcomes = list(ingest(store, iter_raw([str(folder / "hostile.jsonl")])))
    assert [o.status for o in outcomes] == ["stored"] * len(lines)
    with app_client(db_path) as test_client:
        yield test_client


def _hostile_pages(client) -> list[str]:
    event = client.get("/events.json").json()["events"][0]
    documents = [source["doc_id"] for source in event["sources"]]
    return [f"/event/{event['event_id']}", *(f"/document/{doc_id}" for doc_id in documents),
            "/search?q=consultations", "/events", "/", f"/person/{event['participants'][0]['person_id']}"]


def test_only_http_and_https_urls_are_links(hostile_client):
    pages = _hostile_pages(hostile_client)
    assert len(pages) >= 2 + len(HOSTILE_URLS)
    links = []
    for path in pages:
        tree = lxml_html.fromstring(hostile_client.get(path).text)
        links += [a.get("href") for a in tree.iter("a") if a.text_content() == "original"]
    assert links == ["https://mfa.example/talks"] * 2  # the event page and its own document page
    event_page = hostile_client.get(pages[0]).text
    assert "original: javascript:alert(document.cookie)" in event_page
    assert "original: data:text/html,&lt;b&gt;x&lt;/b&gt;" in event_page


def test_direction_controls_are_neutralised_on_every_page_and_kept_in_json(hostile_client):
    for path in _hostile_pages(hostile_client):
        html = hostile_client.get(path).text
        assert RLO not in html, path
    assert "Talks \ufffdgnp.tpircs" in hostile_client.get(_hostile_pages(hostile_client)[1]).text
    event = hostile_client.get("/events.json").json()["events"][0]
    assert event["sources"][0]["title"] == f"Talks {RLO}gnp.tpircs"


def test_pages_forbid_scripts_from_elsewhere(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_static_assets_are_served_locally(client):
    page = client.get(f"/country/{_home(client)['top_relationships'][0]['a']}").text
    assert "http://" not in page.split("<main>")[0] and "https://" not in page.split("<main>")[0]
    for asset in ("/static/app.js", "/static/style.css", "/static/vendor/chart.umd.min.js",
                  "/static/vendor/cytoscape.min.js", "/static/vendor/d3-geo.min.js",
                  "/static/vendor/topojson-client.min.js", "/static/vendor/countries-110m.json"):
        assert client.get(asset).status_code == 200, asset


def test_relationship_timeline_limit_and_more_link(client):
    pair = _home(client)["top_relationships"][0]
    short = client.get(f"/relationship/{pair['a']}/{pair['b']}.json", params={"limit": 1}).json()
    assert len(short["timeline"]["events"]) == 1
    assert (short["more"] is not None) == (short["timeline"]["total"] > 1)
    _assert_error(client.get(f"/relationship/{pair['a']}/{pair['b']}.json", params={"limit": "x"}), 400)


def test_cached_page_is_dropped_when_the_store_changes(tmp_path, app_client):
    """A page cached before an ingest is not served after it."""
    db_path = tmp_path / "growing.db"
    first, *rest = sorted((Path(__file__).parents[2] / "attache" / "examples").glob("*.txt"))
    with open_store(db_path) as store:
        list(ingest(store, iter_raw([str(first)])))
    with app_client(db_path) as growing:
        before = growing.get("/index.json").json()["documents"]
        assert growing.get("/index.json").json()["documents"] == before
        with open_store(db_path) as store:
            list(ingest(store, iter_raw([str(rest[0])])))
        assert growing.get("/index.json").json()["documents"] == before + 1


def test_cache_header_says_hit_or_miss_and_a_hit_is_the_same_page(demo_db):
    with TestClient(create_app(demo_db, cache_entries=8)) as cached:
        first, second = cached.get("/events?limit=3"), cached.get("/events?limit=3")
        assert (first.headers[CACHE_HEADER], second.headers[CACHE_HEADER]) == ("miss", "hit")
        assert second.text == first.text and second.headers["content-type"] == first.headers["content-type"]
        assert cached.get("/events.json?limit=3").headers[CACHE_HEADER] == "miss"  # the twin is its own entry
    with TestClient(create_app(demo_db, cache_entries=0)) as uncached:
        assert CACHE_HEADER not in uncached.get("/events?limit=3").headers


def test_event_lists_the_money_of_its_source_articles(client):
    events = client.get("/events.json", params={"limit": 200}).json()["events"]
    with_money = []
    for summary in events:
        event = client.get(f"/event/{summary['event_id']}.json").json()
        expected = [m for s in event["sources"]
                    for m in client.get(f"/document/{s['doc_id']}.json").json()["money"]]
        assert [m for entry in event["money"] for m in entry["money"]] == expected
        if expected:
            with_money.append(event)
    assert with_money, "the examples mention money in some articles"
    page = client.get(f"/event/{with_money[0]['event_id']}").text
    assert with_money[0]["money"][0]["money"][0] in page


def test_relationship_lists_the_latest_agreements_and_counts_them_all(tmp_path, app_client):
    db_path = tmp_path / "signings.db"
    with open_store(db_path) as store:
        for art, rec in generated_documents(3, 150):
            add_document(store, art, rec)
    with app_client(db_path) as signed:
        seen_more = seen_in_timeline = False
        for a, b in (("JP", "TM"), ("KZ", "TM"), ("TM", "UZ"), ("JP", "KZ")):
            found = signed.get(f"/relationship/{a}/{b}.json").json()
            shown, total = found["agreements"], found["agreements_total"]
            assert len(shown) == min(total, 10) and all(e["agreements_signed"] for e in shown)
            # briefs, also for the events the timeline shows in full
            timeline = {e["event_id"]: e for e in found["timeline"]["events"]}
            for brief in shown:
                assert "participants" not in brief and "sources" not in brief
                if brief["event_id"] in timeline:
                    seen_in_timeline = True
                    full = timeline[brief["event_id"]]
                    assert brief == {key: full[key] for key in brief} and "sources" in full
            assert [e["date"] or "" for e in shown] == sorted((e["date"] or "" for e in shown), reverse=True)
            page = signed.get(f"/relationship/{a}/{b}").text
            assert (f"The latest {len(shown)} of {total}" in page) == (total > len(shown))
            seen_more |= total > len(shown)
        assert seen_more and seen_in_timeline
