"""Places (cities, countries, a ministry's seat), money amounts, organizations and topics."""

from __future__ import annotations

import pytest

from attache import vocab
from attache.extract.facts import find_money, find_organizations, find_topics
from attache.extract.places import find_locations
from attache.ingest.raw import RawDocument
from attache.pipeline import process
from attache.schema import TOPICS as SCHEMA_TOPICS


def locations_of(sentence: str):
    return find_locations(sentence, 0, len(sentence))


def places_of(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(loc.name, loc.country, loc.kind) for loc in locations_of(sentence)]


# ---- places ----


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("The consultations were held in Astana.", ("Astana", "KZ", "city")),
        ("The delegation arrived at Ashgabat airport on Monday.", ("Ashgabat", "TM", "city")),
        ("The minister travelled to Tashkent for talks.", ("Tashkent", "UZ", "city")),
        ("The forum took place in the Japanese city of Osaka.", ("Osaka", "JP", "city")),
        ("The talks were held in Bishkek, the capital of Kyrgyzstan.", ("Bishkek", "KG", "city")),
        ("The prime minister arrived in Kuala Lumpur.", ("Kuala Lumpur", "MY", "city")),
        ("The talks were held in New Delhi.", ("New Delhi", "IN", "city")),
    ],
)
def test_a_city_after_in_at_to_is_read_with_its_country(sentence, place):
    assert places_of(sentence) == [place]


def test_a_city_has_the_gazetteers_coordinates_and_the_most_populous_namesake():
    (moscow,) = locations_of("The ministers met in Moscow.")
    assert moscow.country == "RU"
    assert 55 < moscow.lat < 56.5 and 37 < moscow.lon < 38.5


def test_a_city_followed_by_its_country_is_one_place():
    assert places_of("The meeting was held in Tokyo, Japan.") == [("Tokyo", "JP", "city")]


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("The Prime Minister visited Japan last week.", ("Japan", "JP", "country")),
        ("The ministers met in Georgia and then flew to Jordan.", ("Georgia", "GE", "country")),
        ("The visit to the Republic of Korea began on Monday.", ("Korea", "KR", "country")),
    ],
)
def test_a_country_after_a_place_cue_is_a_country_location(sentence, place):
    assert places_of(sentence)[0] == place


@pytest.mark.parametrize(
    "sentence, capital, country",
    [
        ("Consultations were held at the MFA of Turkmenistan.", "Ashgabat", "TM"),
        ("The talks took place at the Ministry of Foreign Affairs of Kazakhstan.", "Astana", "KZ"),
        ("The envoys met at the Foreign Ministry of Japan.", "Tokyo", "JP"),
    ],
)
def test_a_foreign_ministry_gives_the_capital_marked_as_inferred(sentence, capital, country):
    (seat,) = locations_of(sentence)
    assert (seat.name, seat.country, seat.kind) == (capital, country, "seat")
    assert seat.inferred and "capital" in seat.inferred
    assert sentence[seat.start : seat.end].startswith("at the ")


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks were held in March in a warm atmosphere.",
        "The sides spoke to President Karimov about Energy at the Summit.",
        "Experts from Central Asia took part.",
    ],
)
def test_months_titles_and_regions_are_not_places(sentence):
    assert [loc for loc in locations_of(sentence) if loc.kind == "city"] == []


def test_a_sentence_initial_in_city_is_a_place():
    assert places_of("In Astana, the ministers held talks.") == [("Astana", "KZ", "city")]


@pytest.mark.parametrize(
    "sentence, capital",
    [
        ("The consultations were held at the MFA of Saudi Arabia.", "Riyadh"),
        (
            "The consultations were held in the Ministry of Foreign Affairs of the Republic of Uzbekistan.",
            "Tashkent",
        ),
    ],
)
def test_a_foreign_ministry_of_a_country_with_a_long_name_gives_its_capital(sentence, capital):
    assert [loc.name for loc in locations_of(sentence) if loc.kind == "seat"] == [capital]


def test_location_offsets_point_into_the_text():
    sentence = "The delegation visited Japan and arrived in Osaka, then in Kyoto."
    for loc in locations_of(sentence):
        if loc.kind != "seat":
            assert sentence[loc.start : loc.end] == loc.name


# ---- money ----


@pytest.mark.parametrize(
    "sentence, amount",
    [
        ("The bank approved loans worth US $ 500 million for the project.", "US $ 500 million"),
        ("Trade turnover reached $18 billion last year.", "$18 billion"),
        ("Investments of 1.2 billion euros are planned.", "1.2 billion euros"),
        ("Japan extended a credit line of 30 billion yen.", "30 billion yen"),
        ("The portfolio is worth USD 2.5 billion.", "USD 2.5 billion"),
        ("A grant of 5 million US dollars was announced.", "5 million US dollars"),
        ("The fund holds €300 million.", "€300 million"),
        ("Contracts worth 1,250 million dollars were signed.", "1,250 million dollars"),
    ],
)
def test_money_is_kept_as_written(sentence, amount):
    found = find_money(sentence, 0, len(sentence))
    assert [text for _, _, text in found] == [amount]
    ((start, end, text),) = found
    assert sentence[start:end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade grew by 15 percent in 2024.",
        "The region has 300 million people and 2024 tons of grain.",
        "The 5th meeting of 12 delegations took place.",
    ],
)
def test_numbers_without_a_currency_are_not_money(sentence):
    assert find_money(sentence, 0, len(sentence)) == []


# ---- organizations ----


@pytest.mark.parametrize(
    "sentence, organizations",
    [
        (
            "The United Nations, the OSCE and the Commonwealth of Independent States were represented.",
            ["UN", "OSCE", "CIS"],
        ),
        ("The Organization for Security and Co-operation in Europe sent observers.", ["OSCE"]),
        (
            "Support for the Islamic Development Bank and the Shanghai Cooperation Organisation.",
            ["IsDB", "SCO"],
        ),
        ("The WHO and the WTO issued reports.", ["WHO", "WTO"]),
    ],
)
def test_organizations_are_shown_by_their_usual_acronym(sentence, organizations):
    assert [name for _, _, name in find_organizations(sentence, 0, len(sentence))] == organizations


def test_a_name_followed_by_its_acronym_in_brackets_is_an_organization():
    sentence = "The Caspian Logistics Development Agency (CLDA) opened an office in Baku."
    assert [name for _, _, name in find_organizations(sentence, 0, len(sentence))] == ["CLDA"]


def test_an_acronym_in_brackets_without_an_organization_word_is_not_one():
    sentence = "The Ministry of Foreign Affairs (MFA) issued a statement on Central Asia (CA)."
    assert find_organizations(sentence, 0, len(sentence)) == []


def test_a_known_organization_with_its_acronym_is_counted_once():
    sentence = "The Japan External Trade Organization (JETRO) opened an office in Tashkent."
    assert {name for _, _, name in find_organizations(sentence, 0, len(sentence))} == {"JETRO"}


ARTICLE_WITH_TEASERS = """Uzbek and Korean diplomats hold consultations
Tashkent, 12 March 2025
On 11 March 2025, political consultations between the foreign ministries of Uzbekistan and the Republic of Korea were held in Tashkent.
The sides discussed cooperation within the United Nations and a credit line of $300 million for health care.

Other articles
Kazakhstan joins the Caspian Freight Alliance (CFA)
The OSCE and the Eurasian Economic Union welcomed a loan of 2 billion euros.
"""


def test_organizations_and_money_come_only_from_the_article_body():
    outcome = process(RawDocument(doc="teasers.txt", origin="teasers.txt", text=ARTICLE_WITH_TEASERS))
    assert outcome.ok, outcome.error
    record = outcome.record
    assert record["organizations"] == ["UN"]
    assert record["money"] == ["$300 million"]


# ---- topics ----


@pytest.mark.parametrize(
    "sentence, topics",
    [
        (
            "They discussed trade, energy and transport corridors, as well as cultural and humanitarian ties.",
            {"trade", "energy", "transport", "logistics", "culture", "humanitarian"},
        ),
        (
            "Cooperation in oil and gas, digital technologies, tourism and agriculture was reviewed.",
            {"oil_gas", "digital", "tourism", "agriculture"},
        ),
        (
            "The parties spoke about water resources, climate, health care and security.",
            {"water", "environment", "health", "security"},
        ),
        ("The sides exchanged greetings.", set()),
    ],
)
def test_topics_come_from_the_vocabulary(sentence, topics):
    found = find_topics(sentence, 0, len(sentence))
    assert {topic for _, _, topic in found} == topics
    for start, end, _ in found:
        assert sentence[start:end].strip()


def test_every_topic_the_vocabulary_can_give_is_a_schema_topic():
    assert set(vocab.topic_patterns()) <= SCHEMA_TOPICS
