"""The analyst's questions as plain data (dicts and lists), shared by the CLI and the web.

Every function takes an open store first; every fact carries ``doc_id`` and evidence.
Unknown ids raise ``attache.errors.NotFound``; a value no answer can have (a type not in the
vocabulary, a malformed date, a number out of range) raises ``attache.errors.BadValue``
naming the valid values (``attache.query.values`` reads every such value).
"""

from attache.query.countries import country, stats
from attache.query.documents import document
from attache.query.events import event, events
from attache.query.people import person
from attache.query.relations import relationship, timeline
from attache.query.search import search

__all__ = ["country", "document", "event", "events", "person", "relationship", "search", "stats", "timeline"]
