"""The check every document passes before it is processed, whichever reader made it.

Readers (files, JSONL, stdin, URLs, feeds) and batches (``attache.batch.run_batch``) all
send each item through ``guard``: a document over the size limit, or holding text that is
not valid Unicode (a lone surrogate from a JSON ``"\\ud800"`` escape), becomes an
``InputError`` naming it, so that the batch reports it and goes on instead of failing later
where the text is hashed or stored. Names are kept to ``one_line`` (a file name with a
newline, a text direction control or bytes that are not UTF-8 still names its input on one
line, and can be stored).
"""

from __future__ import annotations

import dataclasses
import re

from attache.display import one_line
from attache.errors import InputError
from attache.ingest.raw import RawDocument

MAX_DOCUMENT_BYTES = 10_000_000  # bytes of a file or page; characters of an already decoded text
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("text", "html", "title", "source", "url", "published", "published_fallback")
_NAME_FIELDS = ("origin", "doc")

Item = RawDocument | InputError


def guard(item: Item, max_bytes: int = MAX_DOCUMENT_BYTES) -> Item:
    """``item`` ready for the batch: the same document with names kept to one line, or an InputError."""
    if isinstance(item, InputError):
        return item  # its names are one line already
    problem = size_problem(item, max_bytes) or encoding_problem(item)
    if problem:
        return InputError(item.origin, problem)
    return _with_one_line_names(item)


def size_problem(raw: RawDocument, max_bytes: int = MAX_DOCUMENT_BYTES) -> str | None:
    """Why ``raw`` is too large to read, or None."""
    if raw.content is not None and len(raw.content) > max_bytes:
        return f"document is {len(raw.content) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit"
    for name in ("text", "html"):
        value = getattr(raw, name)
        if value is not None and len(value) > max_bytes:
            return f"{name} is {len(value):,} characters, over the {max_bytes:,} limit"
    return None


def encoding_problem(raw: RawDocument) -> str | None:
    """Why a text field of ``raw`` is not valid Unicode (a lone surrogate), or None."""
    for name in _TEXT_FIELDS:
        value = getattr(raw, name)
        if not value:
            continue
        found = _SURROGATE.search(value)
        if found:
            return (f"{name} holds a lone surrogate (U+{ord(found.group()):04X}) at character "
                    f"{found.start()}: not valid Unicode text")
    return None


def _with_one_line_names(raw: RawDocument) -> RawDocument:
    names = {name: one_line(getattr(raw, name)) for name in _NAME_FIELDS}
    if all(names[name] == getattr(raw, name) for name in _NAME_FIELDS):
        return raw
    return dataclasses.replace(raw, **names)
