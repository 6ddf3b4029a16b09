"""The event page and its JSON: stable key, why each source joined, analysts' corrections, and
301 for an id that moved into another event. Store of our own articles (tests/store/builders.py)."""

from __future__ import annotations

import pytest
from store.builders import load, same_day_meetings, three_outlets

from attache.resolve import correct
from attache.store import open_store


@pytest.fixture
def corrected(tmp_path, app_client):
    db = tmp_path / "corrected.db"
    with open_store(db) as store:
        load(store, three_outlets() + same_day_meetings())
        ids = dict(store.tuples("SELECT d.doc, s.event_id FROM event_sources s JOIN documents d ON d.id = s.doc_id"))
        correct.merge_events(store, ids["tanaka.txt"], ids["sato.txt"], "one reception")
    with app_client(db) as client:
        yield client, ids


def test_an_id_that_moved_answers_301_to_the_event_holding_its_reports(corrected):
    client, ids = corrected
    kept, moved = ids["tanaka.txt"], ids["sato.txt"]
    page = client.get(f"/event/{moved}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/event/{kept}"
    twin = client.get(f"/event/{moved}.json", follow_redirects=False)
    assert twin.status_code == 301 and twin.headers["location"] == f"/event/{kept}.json"
    assert client.get("/event/999999", follow_redirects=False).status_code == 404


def test_event_json_and_page_show_key_reasons_and_corrections(corrected):
    client, ids = corrected
    shown = client.get(f"/event/{ids['mfa_tm_jp.txt']}.json").json()
    assert shown["key"] and client.get(f"/event/{shown['key']}.json").json()["event_id"] == ids["mfa_tm_jp.txt"]
    reasons = [s["merge"]["reasons"] for s in shown["sources"]]
    assert reasons.count(["first report of this event"]) == 1
    assert sum("same date 2024-05-16" in r for r in reasons) == 1  # the agency's day
    assert sum("dates overlap (2024-05 and 2024-05-16)" in r for r in reasons) == 1  # the regional paper's month
    merged = client.get(f"/event/{ids['tanaka.txt']}.json").json()
    assert [(c["kind"], c["note"]) for c in merged["corrections"]] == [("merge", "one reception")]
    html = client.get(f"/event/{ids['tanaka.txt']}").text
    assert "Corrected by an analyst." in html and "one reception" in html and "attache undo 1" in html
    assert "an analyst joined these reports (correction 1)" in html
