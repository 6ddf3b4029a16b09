"""Every exception attache raises on purpose, in one place.

Each edge translates them once: the CLI into one line naming the input, the web layer into
one JSON error shape.
"""

from __future__ import annotations

from attache.display import one_line


class AttacheError(Exception):
    """Base class for errors attache reports to the user."""


class InputError(AttacheError):
    """One input (file, JSONL line, URL) could not be read or is not an article.

    ``origin`` names the input (path, ``file.jsonl:LINE``, URL or ``<stdin>``); ``reason`` is
    a short human sentence saying what is wrong. Both are kept to ``one_line``: an error is
    always one line, whatever bytes the file name or the input held.
    """

    def __init__(self, origin: str, reason: str):
        origin, reason = one_line(origin), one_line(reason)
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(AttacheError):
    """The database could not be opened, migrated or written."""


class NotFound(AttacheError):
    """A query named something (event, document, person, country) that is not in the store."""


class Moved(NotFound):
    """An event id that no event holds any more because its reports now belong to another
    event (a merge, a re-extraction): ``event_id`` is where they went (the web answers 301)."""

    def __init__(self, old_id: int, event_id: int, reason: str):
        super().__init__(f"event {old_id} is now event {event_id}: {reason}")
        self.old_id = old_id
        self.event_id = event_id
        self.reason = reason


class BadValue(AttacheError, ValueError):
    """A value given to a query (a filter, a limit, a number in a request) is not one it
    accepts; the message says what would be, and the nearest valid value when there is one."""


class QueryTimeout(AttacheError):
    """A read took longer than its time limit and was stopped (too broad a question)."""
