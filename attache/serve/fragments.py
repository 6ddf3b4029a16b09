"""Formatters and the HTML of small repeated pieces (tags, links, table rows), built in Python.

A page can list hundreds of events, facet values or snippets; a Jinja loop costs a generator
step and an escape call per piece of each, which made rendering half of a page's time. These
functions escape each value once and return ``Markup``; templates call them as filters
(``FILTERS``) or functions (``GLOBALS``), so each piece of markup is written in one place.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from attache.display import counted, web_url


def pretty_label(value) -> str:
    """``phone_call`` -> ``phone call``; empty values -> an em dash."""
    if value is None or value == "":
        return "\u2014"
    return str(value).replace("_", " ")


def event_when(event: dict) -> str:
    """``2024-05-16``, ``2024-05-16 – 2024-05-18`` or ``undated``."""
    date, end = event.get("date"), event.get("date_end")
    if not date:
        return "undated"
    return f"{date} – {end}" if end and end != date else date


def event_title(event: dict) -> str:
    """What the event was (``what`` as written, else its type), and where if ``what`` does not say."""
    what = event.get("what")
    title = what or pretty_label(event.get("type")).capitalize()
    place = (event.get("location") or {}).get("name")
    if place and place not in (what or ""):
        title += f" in {place}"
    return title


def marked_snippet(parts: list[dict]) -> Markup:
    """A search snippet's parts as HTML: every text escaped, matched words in ``<mark>``."""
    return Markup("".join(f"<mark>{escape(part['text'])}</mark>" if part["hit"] else escape(part["text"])
                          for part in parts))


_ON = ' class="on"'


def facet_items(values: list[dict]) -> Markup:
    """A facet's values (``{"value", "count", "on", "href"}``, from ``pages._facet_links``) as
    ``<li>`` links with their counts; the value chosen as a filter is marked ``on``."""
    return Markup("".join(
        f'<li{_ON if item["on"] else ""}><a href="{escape(item["href"])}">'
        f'{escape(pretty_label(item["value"]))}</a> <span class="muted">{int(item["count"])}</span></li>'
        for item in values))


def status_tag(status) -> Markup:
    status = escape(status)
    return Markup(f'<span class="tag status-{status}">{status}</span>')


def country_links(codes) -> Markup:
    """A link to each country's page, shown as a tag."""
    return Markup("".join(f'<a href="/country/{code}" class="tag">{code}</a>' for code in map(escape, codes or ())))


def topic_tags(topics) -> Markup:
    return Markup("".join(f'<span class="tag">{escape(pretty_label(topic))}</span>' for topic in topics or ()))


def people_links(participants) -> Markup:
    """``Name (KZ), Other Name``: each person linked to their page when known."""
    return Markup(", ".join(_person(p) for p in participants or ()))


def _person(p: dict) -> str:
    name = escape(p.get("name"))
    shown = f'<a href="/person/{escape(p["person_id"])}">{name}</a>' if p.get("person_id") else str(name)
    return shown + (f' <span class="muted">({escape(p["country"])})</span>' if p.get("country") else "")


def source_link(url) -> Markup:
    """``· original`` linked to a source's URL when it is an http(s) URL; any other URL
    (``javascript:``, ``data:``, ``file:``) is shown as text."""
    if not url:
        return Markup("")
    if web_url(url):
        return Markup(f'· <a href="{escape(url)}" rel="noreferrer nofollow">original</a>')
    return Markup(f'· <span class="muted">original: {escape(url)}</span>')


def event_rows(events: list[dict], show_sources: bool = True) -> Markup:
    """The rows of an events table (date, event, status, countries, participants and, with
    ``show_sources``, the number of sources); ``macros.html`` writes the table around them."""
    rows = []
    for e in events:
        signed = ' <span class="tag">agreements signed</span>' if e.get("agreements_signed") else ""
        sources = f'<td class="num">{escape(e.get("source_count"))}</td>' if show_sources else ""
        rows.append(f'<tr><td>{escape(event_when(e))}</td>'
                    f'<td><a href="/event/{escape(e["event_id"])}">{escape(event_title(e))}</a>{signed}</td>'
                    f'<td>{status_tag(e.get("status"))}</td><td>{country_links(e.get("countries"))}</td>'
                    f'<td>{people_links(e.get("participants"))}</td>{sources}</tr>')
    return Markup("\n".join(rows))


FILTERS = {"pretty_type": pretty_label, "when": event_when, "event_title": event_title, "marked": marked_snippet,
           "facet_items": facet_items, "event_rows": event_rows}
GLOBALS = {"status_tag": status_tag, "country_links": country_links, "topic_tags": topic_tags,
           "people_links": people_links, "source_link": source_link, "counted": counted}
