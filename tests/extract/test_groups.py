"""find_groups: a multilateral body taking part as a whole through its officials, with its
member states; a bare mention of the body is no group."""

from __future__ import annotations

import pycountry
import pytest

from attache import vocab
from attache.extract.groups import GroupMention, find_groups


def groups(sentence: str) -> list[tuple[str, str]]:
    return [(g.text, g.organization) for g in find_groups(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    "sentence, text, organization",
    [
        ("The ASEAN foreign ministers met in Vientiane.", "The ASEAN foreign ministers", "ASEAN"),
        ("BRICS foreign ministers discussed reform.", "BRICS foreign ministers", "BRICS"),
        ("EU foreign ministers agreed on new sanctions.", "EU foreign ministers", "EU"),
        ("Leaders of the G7 gathered in the Alps.", "Leaders of the G7", "G7"),
        ("A declaration was adopted by the heads of state of the CIS.", "heads of state of the CIS", "CIS"),
        ("CIS heads of state met in Minsk.", "CIS heads of state", "CIS"),
        ("He addressed the foreign ministers of the BIMSTEC member states.",
         "foreign ministers of the BIMSTEC member states", "BIMSTEC"),
        ("SCO member states' ministers met in Astana.", "SCO member states' ministers", "SCO"),
        ("The SCO Council of Foreign Ministers opened its session.", "The SCO Council of Foreign Ministers", "SCO"),
        ("The G20 leaders adopted a declaration.", "The G20 leaders", "G20"),
        ("Quad leaders met on the margins.", "Quad leaders", "Quad"),
        ("The ministers of foreign affairs of the OTS member states signed it.",
         "ministers of foreign affairs of the OTS member states", "OTS"),
        ("The GCC countries' finance ministers met.", "The GCC countries' finance ministers", "GCC"),
    ],
)
def test_a_body_acting_through_its_officials_is_a_group(sentence, text, organization):
    assert groups(sentence) == [(text, organization)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister stressed ASEAN centrality.",
        "Uzbekistan hopes to join the WTO soon.",
        "The EU foreign policy chief visited Baku.",
        "The EU Foreign Minister spoke by phone.",
        "The G7 summit opened on Monday.",
        "BRICS countries agreed to expand trade.",
        "He met the leaders of the EU institutions.",
        "The foreign ministers of Japan and Korea discussed the SCO.",
        "The ASEAN-Japan foreign ministers met.",
    ],
)
def test_a_bare_mention_of_a_body_is_no_group(sentence):
    assert groups(sentence) == []


def test_a_group_mention_carries_the_member_states():
    sentence = "The C5 foreign ministers met in Ashgabat."
    (mention,) = find_groups(sentence, 0, len(sentence))
    assert isinstance(mention, GroupMention)
    assert set(mention.members) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert sentence[mention.start:mention.end] == mention.text
    assert mention.why


def test_brics_members_include_the_recent_enlargement():
    (brics,) = [g for g in vocab.groups() if g.display == "BRICS"]
    assert {"BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE", "ID"} == set(brics.members)


def test_g20_members_are_states_only():
    (g20,) = [g for g in vocab.groups() if g.display == "G20"]
    assert len(g20.members) == 19


def test_every_group_has_real_iso_members():
    seen = set()
    for group in vocab.groups():
        assert group.members, group.display
        assert len(group.members) == len(set(group.members)), group.display
        for code in group.members:
            assert pycountry.countries.get(alpha_2=code) is not None, (group.display, code)
        assert group.display not in seen
        seen.add(group.display)


def test_the_groups_the_record_needs_are_there():
    displays = {g.display for g in vocab.groups()}
    assert {"ASEAN", "EU", "AU", "GCC", "SCO", "BRICS", "CIS", "OTS", "Pacific Alliance", "BIMSTEC", "G7", "G20",
            "CSTO", "EAEU", "CPLP", "CARICOM", "ECOWAS", "SADC", "MIKTA", "Mercosur", "NATO", "Arab League",
            "Quad", "C5"} <= displays


def test_a_group_named_like_an_organization_has_its_names():
    (cis,) = [g for g in vocab.groups() if g.display == "CIS"]
    assert "Commonwealth of Independent States" in cis.names
    sentence = "The heads of state of the Commonwealth of Independent States met."
    assert [g.organization for g in find_groups(sentence, 0, len(sentence))] == ["CIS"]
