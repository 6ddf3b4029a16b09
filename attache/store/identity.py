"""What keeps an event the same event over time: ids from a sequence, aliases of ids that
disappeared into another event, the reports (anchors) each event holds, and analysts'
corrections. Mixed into the store class like ``StoreWrites`` and ``StoreReads``.

An anchor is one report of an event: ``(doc id, idx)``, the document and the position of
the event in that document's extraction record.
"""

from __future__ import annotations

import json

from attache.store.connection import now_iso

MAX_ALIAS_HOPS = 32  # an alias chain longer than this is a loop


def stable_key(doc_id: str, idx: int) -> str:
    """The key an event gets from the report that first told of it (kept for its whole life)."""
    return f"{doc_id[:12]}-{idx}"


class StoreIdentity:
    """Mixed into the store class; ``self`` has ``execute``, ``rows``, ``tuples``, ``scalar``."""

    # ids

    def allocate_event_id(self, preferred: int | None = None) -> int:
        """``preferred`` when no event holds it, else the next id never handed out before."""
        last = self.scalar("SELECT last FROM id_sequence WHERE name = 'events'") or 0
        if preferred is not None and not self.event_exists(preferred):
            event_id = preferred
        else:
            event_id = max(last, self.scalar("SELECT max(id) FROM events") or 0) + 1
        if event_id > last:
            self.execute("INSERT INTO id_sequence (name, last) VALUES ('events', ?)"
                         " ON CONFLICT (name) DO UPDATE SET last = excluded.last", (event_id,))
        self.execute("DELETE FROM event_aliases WHERE old_id = ?", (event_id,))
        return event_id

    def reserve_event_ids(self, last: int) -> None:
        """Record that ids up to ``last`` were handed out (by a bulk load)."""
        self.execute("INSERT INTO id_sequence (name, last) VALUES ('events', ?)"
                     " ON CONFLICT (name) DO UPDATE SET last = max(last, excluded.last)", (last,))

    # aliases

    def add_event_alias(self, old_id: int, event_id: int | None, reason: str, anchors=()) -> None:
        self.execute("INSERT INTO event_aliases (old_id, event_id, reason, anchors, created) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id, reason = excluded.reason,"
                     " anchors = excluded.anchors, created = excluded.created",
                     (old_id, event_id, reason, json.dumps([list(a) for a in anchors]), now_iso()))

    def retired_event_ids(self) -> list[tuple[int, list]]:
        """Ids no event holds, newest alias first, with the reports each held: (id, [[doc id, idx]])."""
        return [(r[0], json.loads(r[1])) for r in self.tuples(
            "SELECT old_id, anchors FROM event_aliases WHERE old_id NOT IN (SELECT id FROM events)"
            " ORDER BY created DESC, old_id DESC")]

    def event_alias(self, old_id: int) -> dict | None:
        """Where an id that no event holds went: ``{"old_id", "event_id" (None: gone), "reason"}``,
        following aliases of aliases; None when the id never existed or still exists."""
        if self.scalar("SELECT 1 FROM events WHERE id = ?", (old_id,)):
            return None
        found = None
        current = old_id
        for _ in range(MAX_ALIAS_HOPS):
            row = self.row("SELECT event_id, reason FROM event_aliases WHERE old_id = ?", (current,))
            if row is None:
                break
            found = {"old_id": old_id, "event_id": row["event_id"], "reason": row["reason"]}
            if row["event_id"] is None or self.scalar("SELECT 1 FROM events WHERE id = ?", (row["event_id"],)):
                break
            current = row["event_id"]
        return found

    def event_exists(self, event_id: int) -> bool:
        return bool(self.scalar("SELECT 1 FROM events WHERE id = ?", (event_id,)))

    def event_id_of_key(self, key: str) -> int | None:
        return self.scalar("SELECT id FROM events WHERE stable_key = ? ORDER BY id LIMIT 1", (key,))

    # anchors

    def event_anchors(self) -> list[tuple[int, str | None, str, int]]:
        """Every stored report of a merged event: (event id, event key, doc id, idx)."""
        return list(self.tuples("SELECT e.id, e.stable_key, de.doc_id, de.idx FROM doc_events de"
                                " JOIN events e ON e.id = de.event_id ORDER BY e.id, de.id"))

    def anchors_of_event(self, event_id: int) -> list[tuple[str, int]]:
        return [(r[0], r[1]) for r in self.tuples(
            "SELECT doc_id, idx FROM doc_events WHERE event_id = ? ORDER BY id", (event_id,))]

    def events_of_anchors(self, anchors) -> dict[tuple[str, int], int]:
        """The merged event now holding each of ``anchors`` that is stored."""
        found = {}
        for doc_id, idx in anchors:
            event_id = self.scalar("SELECT event_id FROM doc_events WHERE doc_id = ? AND idx = ?", (doc_id, idx))
            if event_id is not None:
                found[(doc_id, idx)] = event_id
        return found

    def stored_reports(self, doc_id: str) -> list[dict]:
        """A document's stored reports (doc_events rows, JSON columns decoded), in order."""
        rows = self.rows("SELECT * FROM doc_events WHERE doc_id = ? ORDER BY idx", (doc_id,))
        for row in rows:
            for name in ("countries", "participants", "topics", "evidence"):
                row[name] = json.loads(row[name])
        return rows

    def document_ids_named(self, name: str) -> list[str]:
        """Documents whose id is or starts with ``name`` (8+ characters), or that came as
        ``name`` (file name, path or URL)."""
        found = []
        if len(name) >= 8:
            found = [r[0] for r in self.tuples("SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id",
                                               (name, name + "\uffff"))]
        if not found:
            found = [r[0] for r in self.tuples(
                "SELECT DISTINCT doc_id FROM document_origins WHERE origin = ? OR url = ?"
                " UNION SELECT id FROM documents WHERE doc = ? ORDER BY 1", (name, name, name))]
        return found

    # people

    def people_named(self, forms) -> list[int]:
        """Ids of people who were written with one of the name ``forms`` (exactly)."""
        forms = list(dict.fromkeys(forms))
        if not forms:
            return []
        marks = ", ".join("?" * len(forms))
        return [r[0] for r in self.tuples(f"SELECT DISTINCT person_id FROM person_names WHERE name IN ({marks})"
                                          " ORDER BY person_id", forms)]

    def person_name_forms(self, person_id: int) -> list[str]:
        return [r[0] for r in self.tuples("SELECT name FROM person_names WHERE person_id = ? ORDER BY rowid",
                                          (person_id,))]

    # corrections

    def add_correction(self, kind: str, subject, obj, note: str = "") -> int:
        cursor = self.execute("INSERT INTO corrections (kind, subject, object, note, created) VALUES (?, ?, ?, ?, ?)",
                              (kind, json.dumps(subject), json.dumps(obj), note, now_iso()))
        return cursor.lastrowid

    def corrections(self) -> list[dict]:
        """Every correction in the order it was made: ``{"id", "kind", "subject", "object", "note", "created"}``."""
        rows = self.rows("SELECT id, kind, subject, object, note, created FROM corrections ORDER BY id")
        for row in rows:
            row["subject"], row["object"] = json.loads(row["subject"]), json.loads(row["object"])
        return rows

    def delete_correction(self, correction_id: int) -> bool:
        return self.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount > 0
