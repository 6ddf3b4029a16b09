"""Across documents: one person behind many name forms, one event behind many reports,
planned events linked to their later report. Writes go through ``attache.store``."""

from attache.resolve.document import add_document, resolve_events
from attache.resolve.ingest import Stored, ingest, rebuild, reextract, store_outcome

__all__ = ["Stored", "add_document", "ingest", "rebuild", "reextract", "resolve_events", "store_outcome"]
