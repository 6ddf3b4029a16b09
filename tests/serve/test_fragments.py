"""The formatters and HTML fragments templates use (attache/serve/fragments.py): an event's
date and title, search snippets and facet values, tags, links, and the rows of events tables.
Rows are read back with an HTML parser: what a reader sees and where each link goes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from lxml import html as lxml_html

from attache.serve.fragments import (event_rows, event_title, event_when, facet_items, marked_snippet,
                                     people_links, pretty_label)
from attache.serve.respond import create_templates


def test_when_shows_a_range_only_when_it_ends_on_another_day():
    assert event_when({"date": "2024-05-16", "date_end": "2024-05-18"}) == "2024-05-16 – 2024-05-18"
    assert event_when({"date": "2024-05-16", "date_end": "2024-05-16"}) == "2024-05-16"
    assert event_when({"date": "2024-05", "date_end": None}) == "2024-05"
    assert event_when({"date": None, "date_end": "2024-05-18"}) == "undated"


def test_title_is_what_was_written_else_the_type_and_adds_the_place_once():
    assert event_title({"what": "Political consultations", "type": "consultation",
                        "location": {"name": "Tashkent"}}) == "Political consultations in Tashkent"
    assert event_title({"what": "Talks in Tashkent", "type": "talks", "location": {"name": "Tashkent"}}) == "Talks in Tashkent"
    assert event_title({"what": None, "type": "phone_call", "location": None}) == "Phone call"


def test_filters_escape_what_they_print():
    template = create_templates().from_string("{{ e|event_title }} {{ e|when }}")
    rendered = template.render(e={"what": "<script>x</script>", "type": "talks", "date": "<b>", "location": None})
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered and "&lt;b&gt;" in rendered


@given(st.lists(st.fixed_dictionaries({"text": st.text(max_size=20), "hit": st.booleans()}), max_size=6))
def test_marked_snippet_escapes_every_part_and_marks_only_hits(parts):
    html = str(marked_snippet(parts))
    expected = "".join(f"<mark>{escape(p['text'])}</mark>" if p["hit"] else str(escape(p["text"])) for p in parts)
    assert html == expected


def test_marked_snippet_shows_markup_in_the_text_as_text():
    html = str(marked_snippet([{"text": "<script>x</script> on ", "hit": False}, {"text": "<b>gas</b>", "hit": True}]))
    assert html == "&lt;script&gt;x&lt;/script&gt; on <mark>&lt;b&gt;gas&lt;/b&gt;</mark>"


FACET_VALUES = st.lists(st.fixed_dictionaries({
    "value": st.one_of(st.none(), st.text(max_size=12)), "count": st.integers(0, 10_000),
    "on": st.booleans(), "href": st.text(max_size=30)}), max_size=5)


@given(FACET_VALUES)
def test_facet_items_escape_links_and_labels_and_mark_the_chosen_value(values):
    html = str(facet_items(values))
    on = ' class="on"'
    expected = "".join(f'<li{on if v["on"] else ""}><a href="{escape(v["href"])}">'
                       f'{escape(pretty_label(v["value"]))}</a> <span class="muted">{v["count"]}</span></li>'
                       for v in values)
    assert html == expected


def test_facet_items_show_markup_in_a_value_as_text():
    html = str(facet_items([{"value": "<img src=x>", "count": 3, "on": False, "href": '/search?q="x"&type=<b>'}]))
    assert html == ('<li><a href="/search?q=&#34;x&#34;&amp;type=&lt;b&gt;">&lt;img src=x&gt;</a>'
                    ' <span class="muted">3</span></li>')


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(str.strip)
PEOPLE = st.lists(st.fixed_dictionaries({"name": TEXT, "person_id": st.one_of(st.none(), st.integers(1, 10**6)),
                                         "country": st.one_of(st.none(), TEXT)}), max_size=3)
EVENTS = st.lists(st.fixed_dictionaries({
    "event_id": st.integers(1, 10**7), "what": st.one_of(st.none(), TEXT), "type": st.sampled_from(["talks", "phone_call"]),
    "date": st.one_of(st.none(), st.just("2024-05-16")), "date_end": st.one_of(st.none(), st.just("2024-05-18")),
    "location": st.one_of(st.none(), st.fixed_dictionaries({"name": TEXT})), "status": TEXT,
    "countries": st.lists(TEXT, max_size=3), "participants": PEOPLE, "agreements_signed": st.booleans(),
    "source_count": st.integers(0, 99)}), min_size=1, max_size=4)


def _cells(markup: str, tag: str = "tr") -> list:
    return lxml_html.fragment_fromstring(f"<table><tbody>{markup}</tbody></table>").findall(f".//{tag}")


@given(EVENTS, st.booleans())
def test_event_rows_show_each_value_as_text_and_link_where_it_belongs(events, show_sources):
    rows = _cells(str(event_rows(events, show_sources)))
    assert len(rows) == len(events)
    for row, e in zip(rows, events):
        cells = row.findall("td")
        assert len(cells) == (6 if show_sources else 5)
        assert cells[0].text_content() == event_when(e)
        [link] = cells[1].findall("a")
        assert link.get("href") == f"/event/{e['event_id']}" and link.text_content() == event_title(e)
        assert ("agreements signed" in cells[1].text_content()) == e["agreements_signed"]
        assert cells[2].text_content() == e["status"]
        assert [(a.get("href"), a.text_content()) for a in cells[3].findall("a")] == [
            (f"/country/{code}", code) for code in e["countries"]]
        known = [p for p in e["participants"] if p["person_id"]]
        assert [(a.get("href"), a.text_content()) for a in cells[4].findall("a")] == [
            (f"/person/{p['person_id']}", p["name"]) for p in known]
        assert cells[4].text_content() == ", ".join(
            p["name"] + (f" ({p['country']})" if p["country"] else "") for p in e["participants"])
        if show_sources:
            assert cells[5].text_content() == str(e["source_count"])


def test_event_rows_and_people_links_show_markup_as_text():
    event = {"event_id": 7, "what": "<script>alert(1)</script>", "status": "occurred", "countries": ['"><b>'],
             "participants": [{"name": "<i>Nurtleu</i>", "person_id": 3, "country": "KZ"}], "source_count": 2}
    html = str(event_rows([event]))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert str(people_links([{"name": "A & B", "person_id": None, "country": None}])) == "A &amp; B"
