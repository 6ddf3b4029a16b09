"""The formatters and HTML fragments templates use (attache/serve/fragments.py): an event's
date and title, search snippets and facet values, tags, links, and the rows of events tables.
Rows are read back with an HTML parser: what a reader sees and where each link goes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html
from markupsafe import Markup

from attache.serve.fragments import (
    event_rows,
    event_title,
    event_when,
    facet_items,
    marked_snippet,
    people_links,
    source_link,
)
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


# text an HTML parser reads back as it was written (no control characters, no lone surrogates)
PLAIN = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@given(st.lists(st.fixed_dictionaries({"text": PLAIN, "hit": st.booleans()}), max_size=6))
def test_marked_snippet_shows_every_part_as_text_and_marks_only_hits(parts):
    root = lxml_html.fragment_fromstring(f"<p>{marked_snippet(parts)}</p>")
    assert root.text_content() == "".join(part["text"] for part in parts)
    assert [mark.text or "" for mark in root.iter("mark")] == [part["text"] for part in parts if part["hit"]]
    assert {element.tag for element in root.iter()} <= {"p", "mark"}


def test_marked_snippet_shows_markup_in_the_text_as_text():
    html = str(marked_snippet([{"text": "<script>x</script> on ", "hit": False}, {"text": "<b>gas</b>", "hit": True}]))
    assert html == "&lt;script&gt;x&lt;/script&gt; on <mark>&lt;b&gt;gas&lt;/b&gt;</mark>"


FACET_VALUES = st.lists(st.fixed_dictionaries({
    "value": st.one_of(st.none(), PLAIN), "count": st.integers(0, 10_000),
    "on": st.booleans(), "href": PLAIN}), max_size=5)


@given(FACET_VALUES)
def test_facet_items_show_links_labels_and_counts_as_given_and_mark_the_chosen_value(values):
    items = _cells(str(facet_items(values)), "li", wrap="ul")
    assert len(items) == len(values)
    for item, value in zip(items, values):
        [link] = item.findall("a")
        [count] = item.findall("span")
        assert item.get("class") == ("on" if value["on"] else None)
        assert link.get("href") == value["href"]
        assert link.text_content() == (value["value"].replace("_", " ") if value["value"] else "\u2014")
        assert (count.get("class"), count.text) == ("muted", str(value["count"]))


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


def _cells(markup: str, tag: str = "tr", wrap: str = "table") -> list:
    inner = f"<tbody>{markup}</tbody>" if wrap == "table" else markup
    return lxml_html.fragment_fromstring(f"<{wrap}>{inner}</{wrap}>").findall(f".//{tag}")


@given(EVENTS, st.booleans())
def test_event_rows_show_each_value_as_text_and_link_where_it_belongs(events, show_sources):
    rows = _cells(str(event_rows(events, show_sources)))
    assert len(rows) == len(events)
    for row, e in zip(rows, events):
        cells = row.findall("td")
        assert len(cells) == (6 if show_sources else 5)
        assert cells[0].text_content() == _when(e)
        [link] = cells[1].findall("a")
        assert link.get("href") == f"/event/{e['event_id']}" and link.text_content() == _title(e)
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


def _when(e: dict) -> str:
    """What the date cell reads: the strategy's dates are 2024-05-16 and 2024-05-18 or none."""
    if not e["date"]:
        return "undated"
    return "2024-05-16 – 2024-05-18" if e["date_end"] else "2024-05-16"


def _title(e: dict) -> str:
    """What the event link reads: what was written, else the type; the place if not said."""
    title = e["what"] or {"talks": "Talks", "phone_call": "Phone call"}[e["type"]]
    place = (e["location"] or {}).get("name")
    return title + (f" in {place}" if place and place not in (e["what"] or "") else "")


def test_event_rows_and_people_links_show_markup_as_text():
    event = {"event_id": 7, "what": "<script>alert(1)</script>", "status": "occurred", "countries": ['"><b>'],
             "participants": [{"name": "<i>Nurtleu</i>", "person_id": 3, "country": "KZ"}], "source_count": 2}
    html = str(event_rows([event]))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert str(people_links([{"name": "A & B", "person_id": None, "country": None}])) == "A &amp; B"


def test_source_link_is_a_link_only_for_a_web_url():
    assert str(source_link("https://mfa.example/news?id=1&lang=en")) == (
        '· <a href="https://mfa.example/news?id=1&amp;lang=en" rel="noreferrer nofollow">original</a>')
    assert str(source_link("javascript:alert(1)")) == '· <span class="muted">original: javascript:alert(1)</span>'
    assert str(source_link("data:text/html,<b>")) == '· <span class="muted">original: data:text/html,&lt;b&gt;</span>'
    assert str(source_link(None)) == ""


def test_templates_show_direction_controls_as_replacement_characters():
    template = create_templates().from_string('{{ text }}|{{ markup }}|<a title="{{ text }}">{{ n }}</a>')
    rendered = template.render(text="Talks \u202egnp.exe", markup=Markup("<b>\u2067x\u2069</b>"), n=3)
    assert rendered == 'Talks \ufffdgnp.exe|<b>\ufffdx\ufffd</b>|<a title="Talks \ufffdgnp.exe">3</a>'
