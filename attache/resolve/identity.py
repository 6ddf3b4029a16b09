"""Events keep their ids across rebuilds (reextract, corrections, undo).

Before a rebuild clears what was derived, ``remember`` notes which event held each report;
while the rebuild resolves, an event opened by a report takes back the id and key that
report's event had (the first event to ask gets it); afterwards ``leave_aliases`` points
each id no event took back to the event now holding most of its reports, so that saved
links redirect instead of breaking.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Previous:
    """Before a rebuild: per report (doc id, idx), the id and key of the event that held it."""

    event_of: dict[tuple[str, int], tuple[int, str | None]] = field(default_factory=dict)
    anchors_of: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    retired_of: dict[tuple[str, int], list[int]] = field(default_factory=dict)

    def identity_for(self, anchor: tuple[str, int]) -> tuple[int | None, str | None]:
        return self.event_of.get(anchor, (None, None))

    def retired_ids(self, anchor: tuple[str, int]) -> list[int]:
        """Ids that once held this report and now redirect (newest first): an undo takes one back."""
        return self.retired_of.get(anchor, [])


def remember(store) -> Previous:
    previous = Previous()
    for event_id, key, doc_id, idx in store.event_anchors():
        previous.event_of[(doc_id, idx)] = (event_id, key)
        previous.anchors_of.setdefault(event_id, []).append((doc_id, idx))
    for old_id, anchors in store.retired_event_ids():
        for doc_id, idx in anchors:
            previous.retired_of.setdefault((doc_id, idx), []).append(old_id)
    return previous


def leave_aliases(store, previous: Previous, why: str) -> dict[int, int | None]:
    """Alias every previous id no event holds now; returns {old id: event id or None}."""
    aliased = {}
    for old_id, anchors in previous.anchors_of.items():
        if store.scalar("SELECT 1 FROM events WHERE id = ?", (old_id,)):
            continue
        holders = Counter(store.events_of_anchors(anchors).values())
        target = min(holders, key=lambda e: (-holders[e], e)) if holders else None
        reason = f"merged into event {target} ({why})" if target else f"no longer in the record ({why})"
        store.add_event_alias(old_id, target, reason, anchors)
        aliased[old_id] = target
    return aliased
