"""Announcements linked to the event that later took place, and not to a look-alike years later.
Articles are our own."""

from __future__ import annotations

import pytest
from store.builders import article, event, load, person, record

from attache.store import open_store

ANNOUNCED = """Nairobi, 2 March 2025
The Foreign Minister of Kenya will visit Ghana to hold talks with his Ghanaian counterpart.
"""
HELD_SOON = """Accra, 20 April 2025
The Foreign Minister of Kenya, Amos Kiprono, held talks with Foreign Minister Kofi Mensah in Accra on Sunday.
"""
HELD_LATE = """Accra, 20 April 2027
Foreign Ministers Amos Kiprono and Kofi Mensah held talks in Accra today.
"""
SUMMIT_ANNOUNCED = """Ankara, 10 May 2025
Turkey will host the fourth ministerial meeting of the Horn Cooperation Platform in Ankara on 18 May.
"""
SUMMIT_HELD = """Ankara, 19 May 2025
The fourth ministerial meeting of the Horn Cooperation Platform was held in Ankara on 18 May with the foreign ministers of Ghana, Kenya, Turkey and Egypt.
"""


def _pair(doc, text, published, sentence, **fields):
    art = article(doc, text, published)
    return art, record(art, event(text, sentence, **fields))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "links.db") as opened:
        yield opened


def _links(store) -> set[tuple[str, str]]:
    return {(a, b) for a, b in store.tuples(
        "SELECT dp.doc, do.doc FROM planned_links l"
        " JOIN event_sources sp ON sp.event_id = l.planned_event_id JOIN documents dp ON dp.id = sp.doc_id"
        " JOIN event_sources so ON so.event_id = l.occurred_event_id JOIN documents do ON do.id = so.doc_id")}


def _talks(doc, text, published, sentence, date):
    return _pair(doc, text, published, sentence, type="talks", date=date, countries=["KE", "GH"],
                 location={"name": "Accra", "country": "GH"},
                 participants=[person("Amos Kiprono", "Foreign Minister", "KE"),
                               person("Kofi Mensah", "Foreign Minister", "GH")])


def test_an_undated_announcement_links_to_the_event_weeks_later_not_years_later(store):
    announced = _pair("announced.txt", ANNOUNCED, "2025-03-02",
                      "The Foreign Minister of Kenya will visit Ghana to hold talks with his Ghanaian counterpart.",
                      status="planned", type="talks", countries=["KE", "GH"])
    late = _talks("late.txt", HELD_LATE, "2027-04-20",
                  "Foreign Ministers Amos Kiprono and Kofi Mensah held talks in Accra today.", "2027-04-20")
    soon = _talks("soon.txt", HELD_SOON, "2025-04-20",
                  "The Foreign Minister of Kenya, Amos Kiprono, held talks with Foreign Minister Kofi Mensah in Accra"
                  " on Sunday.", "2025-04-20")
    load(store, [announced, late])
    assert _links(store) == set()
    load(store, [soon])
    assert _links(store) == {("announced.txt", "soon.txt")}


def test_an_announcement_naming_only_the_host_links_to_the_multilateral_meeting(store):
    announced = _pair("summit_announced.txt", SUMMIT_ANNOUNCED, "2025-05-10",
                      "Turkey will host the fourth ministerial meeting of the Horn Cooperation Platform in Ankara on 18 May.",
                      status="planned", type="meeting", date="2025-05-18", countries=["TR"],
                      location={"name": "Ankara", "country": "TR"})
    held = _pair("summit_held.txt", SUMMIT_HELD, "2025-05-19",
                 "The fourth ministerial meeting of the Horn Cooperation Platform was held in Ankara on 18 May with the"
                 " foreign ministers of Ghana, Kenya, Turkey and Egypt.",
                 type="meeting", date="2025-05-18", countries=["GH", "KE", "TR", "EG"],
                 location={"name": "Ankara", "country": "TR"})
    load(store, [announced, held])
    assert _links(store) == {("summit_announced.txt", "summit_held.txt")}
