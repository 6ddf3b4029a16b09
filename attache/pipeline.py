"""Per-document work as one pure function: RawDocument -> (Article, record).

Nothing here touches the store or the network, so a batch can be mapped over processes now
and over a cluster engine later (see ``attache.batch``).
"""

from __future__ import annotations

from dataclasses import dataclass

from attache.clean import clean_document
from attache.clean.article import Article
from attache.errors import AttacheError, InputError
from attache.extract import extract_document
from attache.ingest.raw import RawDocument


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a record, or an error naming the input."""

    origin: str
    article: Article | None = None
    record: dict | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def process(raw: RawDocument) -> Outcome:
    """Clean and extract one document; input problems become an error outcome, not a raise."""
    try:
        article = clean_document(raw)
        return Outcome(raw.origin, article, extract_document(article))
    except InputError as e:
        return Outcome(raw.origin, error=e)
    except AttacheError as e:
        return Outcome(raw.origin, error=InputError(raw.origin, str(e)))
    except RecursionError:
        return Outcome(raw.origin, error=InputError(raw.origin, "document is too deeply nested to read"))
