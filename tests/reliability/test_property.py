"""Random bytes and random HTML through the reader and the pipeline: no crash, no hang,
problems only as InputError outcomes."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.ingest.readers import iter_raw
from attache.pipeline import process

MAX_SECONDS_PER_DOCUMENT = 10.0

WORDS = ("Minister", "Foreign", "Affairs", "Turkmenistan", "Japan", "talks", "held", "in", "Ashgabat", "on",
         "12", "March", "2025", "visit", "signed", "Memorandum", "the", "sides", "discussed", "energy", ".", ",")
TAGS = ("div", "p", "span", "article", "b", "i", "table", "tr", "td", "ul", "li", "h1", "script", "style", "a", "font")
ENTITIES = ("&amp;", "&lt;", "&nbsp;", "&#8212;", "&#x41;", "&bogus;", "&#99999999;", "&", "<", "]]>", "<!--", "-->")

text_runs = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


def html_tree(depth: int):
    leaf = st.one_of(text_runs, st.sampled_from(ENTITIES))
    if depth == 0:
        return leaf
    return st.one_of(
        leaf,
        st.tuples(st.sampled_from(TAGS), st.booleans(), st.lists(html_tree(depth - 1), max_size=4)).map(
            lambda t: f"<{t[0]}{' class=x onload=alert(1)' if t[1] else ''}>{''.join(t[2])}"
            + (f"</{t[0]}>" if t[1] or t[0] in ('script', 'style') else "")
        ),
    )


random_html = st.tuples(st.booleans(), html_tree(4)).map(
    lambda t: ("<!doctype html><html><head><title>t</title></head><body>" if t[0] else "") + t[1]
)


def read_and_process(path) -> list:
    outcomes = []
    for item in iter_raw([str(path)]):
        if isinstance(item, InputError):
            outcomes.append(item)
            continue
        assert isinstance(item, RawDocument)
        started = time.monotonic()
        outcome = process(item)
        assert time.monotonic() - started < MAX_SECONDS_PER_DOCUMENT
        assert outcome.origin.startswith(str(path))
        if outcome.ok:
            assert isinstance(outcome.record, dict) and isinstance(outcome.record.get("events"), list)
            text = outcome.article.text
            for event in outcome.record["events"]:
                for evidence in event.get("evidence", []):
                    assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        else:
            assert isinstance(outcome.error, InputError) and outcome.error.reason
        outcomes.append(outcome)
    return outcomes


quick = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


@quick
@given(data=st.binary(max_size=4000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    assert len(read_and_process(path)) == 1


@quick
@given(page=random_html)
def test_random_html(tmp_path, page):
    path = tmp_path / "random.html"
    path.write_text(page, encoding="utf-8")
    assert len(read_and_process(path)) == 1


@quick
@given(lines=st.lists(st.one_of(st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                                st.builds(lambda t, p: f'{{"id": "x", "text": {t}, "published": {p}}}',
                                          st.sampled_from(['"Talks were held in Ashgabat."', "null", "5", '""', '"x']),
                                          st.sampled_from(['"2025-02-30"', "null", '"yesterday"', '"2025-03-04"']))),
                      max_size=6))
def test_random_jsonl_lines(tmp_path, lines):
    path = tmp_path / "random.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    read_and_process(path)
