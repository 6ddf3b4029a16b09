"""The template filters that format an event's date and title (used in every events table),
mark the matched words of search snippets and list the values of search facets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from attache.serve.respond import create_templates, event_title, event_when, facet_items, marked_snippet, pretty_label


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
