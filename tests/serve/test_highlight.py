"""Evidence highlighting: segments rebuild the text and mark exactly the covered characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from attache.serve.highlight import evidence_segments


@st.composite
def text_and_spans(draw):
    text = draw(st.text(min_size=0, max_size=60))
    spans = draw(st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["1", "2", "d3"])),
                          max_size=6))
    return text, [{"start": s, "end": e, "event": ev} for s, e, ev in spans]


@given(text_and_spans())
def test_segments_rebuild_the_text_and_mark_covered_characters(case):
    text, spans = case
    segments = evidence_segments(text, spans)
    assert "".join(s["text"] for s in segments) == text
    position = 0
    for segment in segments:
        for offset in range(position, position + len(segment["text"])):
            covering = sorted({s["event"] for s in spans if max(0, s["start"]) <= offset < min(len(text), s["end"])})
            assert segment["events"] == covering
            assert segment["mark"] == bool(covering)
        position += len(segment["text"])
    for left, right in zip(segments, segments[1:]):
        assert (left["events"], left["mark"]) != (right["events"], right["mark"])


def test_overlapping_spans_of_two_events():
    text = "Talks were held. Both sides signed. The end."
    segments = evidence_segments(text, [{"start": 0, "end": 35, "event": 1}, {"start": 17, "end": 35, "event": 2}])
    assert [(s["text"], s["events"]) for s in segments] == [
        ("Talks were held. ", ["1"]), ("Both sides signed.", ["1", "2"]), (" The end.", [])]
