"""extract_document(): the one entry point every caller (CLI, store, web, tests) uses."""

from __future__ import annotations

from attache import __version__
from attache.clean.article import Article

EXTRACTOR = f"attache.extract/{__version__}"


def extract_document(article: Article) -> dict:
    """Return the extraction record for ``article`` (schema/README.md), plus provenance."""
    return {
        "doc": article.doc,
        "published": article.published,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "events": [],
        "organizations": [],
        "money": [],
        "extractor": EXTRACTOR,
    }
