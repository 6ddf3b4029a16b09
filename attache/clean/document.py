"""clean_document(): RawDocument -> Article. (First cut: whole text is body.)"""

from __future__ import annotations

from attache.clean.article import Article, Span
from attache.errors import InputError
from attache.ingest.raw import RawDocument


def clean_document(raw: RawDocument) -> Article:
    text = raw.text if raw.text is not None else (raw.content or b"").decode("utf-8", "replace")
    if not text.strip():
        raise InputError(raw.origin, "empty document")
    return Article(doc=raw.doc, origin=raw.origin, text=text, body=(Span(0, len(text)),),
                   published=raw.published, source=raw.source, url=raw.url, title=raw.title)
