"""Cut a document's text into plain and highlighted segments from evidence offsets.

The template escapes each segment and wraps highlighted ones in ``<mark>``; no HTML is ever
built from article text here.
"""

from __future__ import annotations


def evidence_segments(text: str, spans: list[dict]) -> list[dict]:
    """Split ``text`` at every span boundary.

    ``spans`` are ``{"start", "end", "event"}`` dicts (``event`` names the event the span is
    evidence for). Returns ``{"text", "events"}`` segments covering ``text`` in order, where
    ``events`` lists the events whose evidence covers that segment (empty for plain text).
    Spans outside the text or empty are ignored; overlapping spans are allowed.
    """
    length = len(text)
    kept = []
    for span in spans:
        start = max(0, int(span["start"]))
        end = min(length, int(span["end"]))
        if start < end:
            kept.append((start, end, span.get("event")))
    cuts = sorted({0, length, *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    segments = []
    for left, right in zip(cuts, cuts[1:]):
        events = sorted(
            {str(event) for start, end, event in kept if start <= left and right <= end and event is not None}
        )
        covered = any(start <= left and right <= end for start, end, _ in kept)
        segment = {"text": text[left:right], "events": events, "mark": covered}
        if segments and segments[-1]["events"] == events and segments[-1]["mark"] == covered:
            segments[-1]["text"] += segment["text"]
        else:
            segments.append(segment)
    return segments
