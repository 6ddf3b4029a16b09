"""find_organizations: international bodies by their usual acronym; news agencies, bilateral
and national bodies are no international organizations."""

from __future__ import annotations

import pytest

from attache import vocab
from attache.extract.facts import find_organizations


def organizations(sentence: str) -> list[str]:
    found = []
    for _, _, name in find_organizations(sentence, 0, len(sentence)):
        if name not in found:
            found.append(name)
    return found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Thailand chairs BIMSTEC this year.", ["BIMSTEC"]),
        ("The MIKTA partners issued a joint statement.", ["MIKTA"]),
        ("Both leaders praised the work of the CPLP.", ["CPLP"]),
        ("The Community of Portuguese-Speaking Countries met in Luanda.", ["CPLP"]),
        ("Observers from CARICOM and the Caribbean Community arrived.", ["CARICOM"]),
        ("The Economic Community of West African States (ECOWAS) sent a mission.", ["ECOWAS"]),
        ("Both countries value their Commonwealth ties.", ["Commonwealth"]),
        ("The League of Arab States and the Arab League secretariat.", ["Arab League"]),
        ("Cooperation within the Indian Ocean Rim Association was discussed.", ["IORA"]),
        ("SADC and the EAC held a joint summit.", ["SADC", "EAC"]),
        ("Mercosur and CELAC ministers met.", ["Mercosur", "CELAC"]),
        ("The Organization of American States observed the vote.", ["OAS"]),
        ("The Pacific Alliance welcomed a new observer.", ["Pacific Alliance"]),
        ("The AU and the African Union Commission.", ["AU", "AU Commission"]),
        ("The UN Security Council and the UN General Assembly.", ["UN Security Council", "UN General Assembly"]),
    ],
)
def test_intergovernmental_bodies_are_found_by_their_usual_name(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A memorandum was signed between the Moroccan News Agency (MAP) and the Philippine News Agency (PNA).",
        "The next session of the Permanent Joint Commission for Cooperation (PJCC) will be held in Abuja.",
        "The Kenya-Uganda Joint Permanent Commission (JPC) met in Kampala.",
        "The Intergovernmental Commission on Trade (ICT) held its fifth session.",
        "The Ministry of Foreign Affairs (MFA) issued a statement.",
        "The Korea International Cooperation Agency (KOICA) funds the school.",
        "The National Investment Agency (NIA) presented projects.",
        "The sides reaffirmed the principles of the UN Charter.",
        "They recalled the Charter of the United Nations.",
        "The Commonwealth of Dominica sent its envoy.",
    ],
)
def test_news_agencies_bilateral_and_national_bodies_are_not_international_organizations(sentence):
    assert organizations(sentence) == []


def test_an_unknown_body_with_its_acronym_in_brackets_is_reported_by_the_acronym():
    sentence = "The Steppe Rail Transit Alliance (SRTA) opened an office."
    assert organizations(sentence) == ["SRTA"]


def test_a_known_body_with_its_acronym_in_brackets_is_reported_once():
    sentence = "The Indian Ocean Rim Association (IORA) met in Colombo."
    assert organizations(sentence) == ["IORA"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The CIS Council of Heads of State met in Minsk on Friday.", ["CIS", "CIS Council of Heads of State"]),
        ("It reviewed the report of the Human Rights Commission of the CIS.", ["CIS", "CIS Human Rights Commission"]),
        ("He received the head of the OSCE Programme Office in Bishkek.", ["OSCE", "OSCE Programme Office in Bishkek"]),
        ("The Council of Foreign Ministers of the OIC opened.", ["OIC", "OIC Council of Foreign Ministers"]),
    ],
)
def test_a_named_body_of_an_organization_is_reported_with_it(sentence, expected):
    assert organizations(sentence) == expected


def test_the_requested_range_bounds_the_search():
    sentence = "NATO and ASEAN."
    assert [n for _, _, n in find_organizations(sentence, 8, len(sentence))] == ["ASEAN"]


def test_the_bodies_the_record_needs_are_in_the_vocabulary():
    displays = {o.display for o in vocab.organizations()}
    needed = {"BIMSTEC", "MIKTA", "CPLP", "CARICOM", "ECOWAS", "Commonwealth", "Arab League", "IORA", "SADC",
              "EAC", "Mercosur", "CELAC", "OAS", "Pacific Alliance", "OTS", "CSTO", "EAEU", "CICA", "ECO", "OIC",
              "GCC", "SCO", "BRICS", "G7", "G20", "APEC", "OPEC", "IAEA", "WTO", "IMF", "World Bank", "UNESCO",
              "WHO", "ASEAN", "AU", "EU", "NATO", "OSCE", "CIS", "UN", "UN Security Council",
              "UN General Assembly"}
    assert needed <= displays
