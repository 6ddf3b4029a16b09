"""Pieces of a report that used to drop or split its event: an inline teaser ("RELATED:" and a
link) in the middle of the article, a place written as a region of a state, an organization
read as a person, a later sentence naming the same meeting again, and a date given only in
the lead. The articles are our own, with invented officials and real states."""

from __future__ import annotations

from pipeline_records import events

INLINE_TEASER = """Chile and Peru Agree on a Border Agenda

Published 12 March 2025

The foreign minister of Chile, Tomás Ibarra, and that of Peru, Rosa Quispe, agreed this Wednesday on a common agenda for the border.

"We want a border of cooperation," Ibarra said after the meeting.

RELATED:
 Peru's Foreign Minister Quispe Travels to the South

Ibarra and Quispe met in the Chilean region of Arica y Parinacota, near the border.

They also discussed trade and migration between the two countries.

Ibarra and Quispe thanked the representative of the United Nations, Jorge Almeida, in what they called a first meeting of its kind.
"""

TEASERS_AT_THE_END = """Chile and Peru sign a trade memorandum
Lima, 12 March 2025
Foreign Minister of Chile Tomás Ibarra met Foreign Minister of Peru Rosa Quispe in Lima on 11 March 2025.

Related news
Peru and Bolivia discuss a railway
Ecuador opens an embassy in Seoul

Foreign Minister of Bolivia Ana Mamani met Foreign Minister of Paraguay Luis Benítez in Asunción on 10 March 2025, the ministry reported.
16166863e97189.jpeg
Argentina hosts a forum on lithium in Salta.
"""


def test_article_goes_on_after_an_inline_teaser():
    (event,) = events(INLINE_TEASER)
    assert event["type"] == "meeting"
    assert set(event["countries"]) == {"CL", "PE"}
    assert any("met in the Chilean region" in ev["text"] for ev in event["evidence"])
    assert not any("Travels to the South" in ev["text"] for ev in event["evidence"])


def test_a_region_of_a_state_places_the_event_in_that_state():
    (event,) = events(INLINE_TEASER)
    assert event["location"]["country"] == "CL"
    assert event["location"]["name"] == "Chile"


def test_the_same_two_people_naming_a_meeting_again_is_the_same_meeting():
    (event,) = events(INLINE_TEASER)
    names = [p["name"] for p in event["participants"]]
    assert "United Nations" not in names
    assert {"Tomás Ibarra", "Rosa Quispe"} <= set(names)


def test_the_lead_dates_the_meeting_it_announces():
    (event,) = events(INLINE_TEASER)
    assert event["date"] == "2025-03-12"  # 'this Wednesday', published Wednesday 12 March 2025


def test_teasers_with_summaries_still_run_to_the_end():
    found = events(TEASERS_AT_THE_END)
    assert [set(e["countries"]) for e in found] == [{"CL", "PE"}]


HOMONYM_CITY = """Spain and Morocco hold talks on migration
Madrid, 14 May 2025
Foreign Minister of Spain Lucía Moreno and Foreign Minister of Morocco Karim Bennani held talks in Valencia on 13 May 2025.

The Spanish and Moroccan ministers discussed migration and trade.
"""

HOST_AND_MINISTERS = """Ecuador and Peru restore border crossings
Lima, 9 October 2025
In a joint statement issued Wednesday, 8 October by the foreign minister of Ecuador, Marta Cevallos, and Peruvian foreign minister Jorge Salinas, both countries confirmed the reopening of two border crossings.

After the end of the bilateral meeting, held in Tumbes, Peru, and hosted by the regional governor, Pedro Arámbulo, the authorities offered a press conference.

The ministers discussed trade and border security.

The joint statement reads: The foreign minister of Ecuador, Marta Cevallos, and the foreign minister of Peru, Jorge Salinas, held a meeting in Tumbes.
"""


def test_a_city_name_several_states_have_is_the_one_in_the_state_of_the_report():
    (event,) = events(HOMONYM_CITY)
    assert event["location"]["name"] == "Valencia"
    assert event["location"]["country"] == "ES"
    assert set(event["countries"]) == {"ES", "MA"}


def test_a_hosted_meeting_and_the_ministers_meeting_in_the_same_city_are_one():
    (event,) = events(HOST_AND_MINISTERS)
    assert event["location"]["name"] == "Tumbes"
    assert set(event["countries"]) == {"EC", "PE"}
    assert {"Marta Cevallos", "Jorge Salinas"} <= {p["name"] for p in event["participants"]}
    assert event["date"] == "2025-10-08"  # the day of the joint statement the lead gives


ANOTHER_AUDIENCE = """Kenyan envoy presents credentials in Lusaka
Lusaka, 3 March 2025
Ambassador of Kenya Peter Otieno presented his letters of credence to President Joseph Banda at State House in Lusaka on Sunday.

The day before, the Ambassador had called on the Foreign Minister, Mrs Grace Phiri, at the Ministry in Lusaka.
"""


def test_a_meeting_with_someone_else_in_the_same_city_stays_apart():
    found = events(ANOTHER_AUDIENCE)
    assert len(found) == 2, [[p["name"] for p in e["participants"]] for e in found]


HELD_AS_NAMED = """Kenya's foreign minister holds talks with his Ugandan counterpart in Kampala
Kampala, 6 June 2025
Kenyan Foreign Minister David Mwangi has held talks with his Ugandan counterpart Sarah Nakato on trade and security.

The talks were held on the sidelines of the meeting of the East African Ministerial Platform in Kampala on Friday.

Before his visit to Uganda, Mwangi travelled to Rwanda and held talks with senior officials.

The second meeting of the East African Ministerial Platform was held in Kampala on June 5, with the participation of the foreign ministers of Kenya, Uganda, Rwanda and Tanzania, except Burundi.
"""


def test_a_named_gathering_reported_as_held_is_an_event_of_its_own():
    found = events(HELD_AS_NAMED)
    platform = [e for e in found if e["what"] and "Platform" in e["what"]]
    assert len(platform) == 1, [(e["type"], e["what"], e["date"]) for e in found]
    (meeting,) = platform
    assert meeting["date"] == "2025-06-05"
    assert meeting["location"]["name"] == "Kampala"
    assert set(meeting["countries"]) == {"KE", "UG", "RW", "TZ"}  # Burundi is named as absent
    trips = [e for e in found if e["type"] == "visit" and e["location"] and e["location"]["country"] == "RW"]
    assert all(e["date"] != "2025-06-05" for e in trips)  # never a date donor for the trip before


def test_a_state_written_with_its_own_diacritics_is_that_state():
    from attache.extract.lexicon import find_countries

    text = "The Việt Nam-Canada dialogue and talks with Perú and México."
    found = find_countries(text, 0, len(text))
    assert [(c.text, c.code) for c in found] == [("Việt Nam", "VN"), ("Canada", "CA"), ("Perú", "PE"),
                                                  ("México", "MX")]
    assert all(text[c.start:c.end] == c.text for c in found)
