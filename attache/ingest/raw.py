"""The unit every reader produces: one input document, not yet decoded or cleaned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawDocument:
    """One input document as it arrived.

    Exactly one of ``content`` (undecoded bytes of a file or HTTP body), ``text`` (already
    decoded text, e.g. a JSONL ``text`` field) or ``html`` (decoded HTML) is set.
    ``kind`` is the reader's best guess of the format: ``"text"`` or ``"html"``.
    ``published``/``url``/``source``/``title`` are hints given with the input (JSONL fields,
    ``--published``, HTTP metadata); the cleaner prefers them over what it reads in the text.
    """

    doc: str  # document id: the file's base name, the JSONL id, or a URL-derived name
    origin: str  # where it came from, for messages: path, "file.jsonl:3", URL, "<stdin>"
    kind: str = "text"
    content: bytes | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_fallback: str | None = None  # used only when neither the input nor the text gives a date
