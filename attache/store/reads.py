"""Read operations, as methods of the store: plain dicts and lists out, no SQL above this module.

Methods fall in two groups: what the resolver asks while ingesting (candidates for merging,
people by surname) and what the query layer composes into answers (pages of event ids,
details for a set of events, aggregates, full-text hits).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import orjson

from attache.errors import QueryTimeout
from attache.store.migrations import EVENT_FACET_KEYS

# Markers snippet() puts around matched words; the query layer turns them into parts.
HIT_START, HIT_END = "\x02", "\x03"
FACET_MATCH_CAP = 200  # facets count the events of the newest matches, up to this many
RANKED_MATCHES = 1_000  # bm25 ranks up to this many matches; beyond, newest first
MIN_COUNT_CAP = 100  # filtered counts stop past max(this, offset + 2 pages): counts cost a scan


# the facet lines of the event ``c.event_id``: stored, unless a trigger marked it stale since
# (coalesce evaluates its second argument only when the first is NULL)
_FACET_LINES = ("coalesce((SELECT keys FROM event_facets f WHERE f.event_id = c.event_id"
                " AND c.event_id NOT IN (SELECT event_id FROM event_cards_stale)),"
                f" (SELECT {EVENT_FACET_KEYS} FROM events e WHERE e.id = c.event_id))")


def _evidence_matches(match: str, filters: dict) -> tuple[str, list]:
    """FROM and WHERE of the event sources (``de``) whose evidence matches ``match`` and whose
    merged event passes ``filters``, with their parameters (no join with ``events`` unless a
    filter needs one)."""
    source, params = "FROM evidence_fts JOIN doc_events de ON de.id = evidence_fts.rowid", [match]
    condition = event_filter(filters)
    if condition is None:
        return source + " WHERE evidence_fts MATCH ? AND de.event_id IS NOT NULL", params
    return (source + f" JOIN events e ON e.id = de.event_id WHERE evidence_fts MATCH ? AND {condition[0]}",
            params + condition[1])


def _ranked_counts(counts: Counter) -> list[dict]:
    """``[{"value", "count"}]`` most frequent first, then by value (None first, as SQL sorts)."""
    return [{"value": value, "count": n}
            for value, n in sorted(counts.items(), key=lambda item: (-item[1], item[0] is not None, item[0] or ""))]


def _placeholders(values) -> str:
    return ", ".join("?" * len(values))


# one SQL condition per equality filter on merged event ``e``
_EVENT_FILTERS = {
    "country": "EXISTS (SELECT 1 FROM event_countries fc WHERE fc.event_id = e.id AND fc.country = ?)",
    "topic": "EXISTS (SELECT 1 FROM event_topics ft WHERE ft.event_id = e.id AND ft.topic = ?)",
    "type": "e.type = ?",
    "status": "e.status = ?",
}


def event_filter(filters: dict) -> tuple[str, list] | None:
    """SQL condition on merged event ``e`` for search filters (country, type, topic, year, status)."""
    clauses, params = [], []
    for name, clause in _EVENT_FILTERS.items():
        if filters.get(name):
            clauses.append(clause)
            params.append(filters[name])
    if filters.get("year"):
        clauses.append("e.date_lo >= ? AND e.date_lo < ?")
        params += [f"{int(filters['year']):04d}", f"{int(filters['year']) + 1:04d}"]
    return (" AND ".join(clauses), params) if clauses else None


class StoreReads:
    """Mixed into the store class; ``self`` has ``execute``, ``rows``, ``row``, ``scalar``."""

    # stopping a read that takes too long (the web server's time limit)

    def interrupt(self) -> None:
        """Stop the statement this handle runs now; safe to call from another thread."""
        self.conn.interrupt()

    @contextmanager
    def interruptible(self) -> Iterator[None]:
        """A read in the block that ``interrupt()`` stopped raises QueryTimeout."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if str(error) != "interrupted":
                raise
            raise QueryTimeout("the read was stopped before it finished") from None

    # ingest-time lookups

    def document_exists(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def raw_hash_exists(self, raw_hash: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE raw_hash = ? LIMIT 1", (raw_hash,)) is not None

    def url_exists(self, url: str) -> bool:
        """Whether a stored document was fetched from ``url`` (or reached through it later)."""
        return (self.scalar("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)) is not None
                or self.scalar("SELECT 1 FROM document_origins WHERE url = ? LIMIT 1", (url,)) is not None)

    def _blocked_ids(self, status: str, countries: list[str], where: str, params: list) -> list[int]:
        """Ids of events of ``status`` naming the first two ``countries`` (through the per-pair
        table when there are two) that also satisfy ``where``, a condition on ``k.date_lo``
        (the event's start as the block table keeps it) and on the events row ``e``."""
        if len(countries) >= 2:
            a, b = sorted(countries[:2])
            block = ("SELECT k.event_id FROM event_pairs k JOIN events e ON e.id = k.event_id"
                     " WHERE k.a = ? AND k.b = ? AND e.status = ?")
            head = [a, b, status]
        else:
            block = ("SELECT k.event_id FROM event_countries k JOIN events e ON e.id = k.event_id"
                     " WHERE k.country = ? AND k.status = ?")
            head = [countries[0], status]
        return [row[0] for row in self.tuples(f"{block} AND {where}", head + list(params))]

    def merge_candidate_ids(self, status: str, countries: list[str], lo: str | None, hi: str | None,
                            containers: list[str], span_floor: str | None,
                            exclude_types: list[str] = ()) -> list[int]:
        """Events of ``status`` sharing the first two ``countries`` whose dates overlap [lo, hi].

        Dated: events starting in [span_floor, hi] (multi-day events start at most a little
        earlier) or starting at one of ``containers`` (the month/year that holds ``lo``), and
        not ending before ``lo``. Undated (``lo`` None): other undated events. Events of a type
        in ``exclude_types`` are left out.
        """
        kind, kind_params = "1", []
        if exclude_types:
            kind, kind_params = f"(e.type IS NULL OR e.type NOT IN ({_placeholders(exclude_types)}))", list(exclude_types)
        if lo is None:
            return sorted(self._blocked_ids(status, countries, f"k.date_lo IS NULL AND {kind}", kind_params))
        found = self._blocked_ids(status, countries, f"k.date_lo BETWEEN ? AND ? AND e.date_hi >= ? AND {kind}",
                                  [span_floor, hi, lo, *kind_params])
        if containers:
            found += self._blocked_ids(status, countries,
                                       f"k.date_lo IN ({_placeholders(containers)}) AND e.date_hi >= ? AND {kind}",
                                       [*containers, lo, *kind_params])
        return sorted(set(found))

    def person_candidate_ids(self, status: str, person_ids: list[int], lo: str | None = None,
                             hi: str | None = None, exclude_types: list[str] = (), limit: int = 500) -> list[int]:
        """Events of ``status`` in which one of ``person_ids`` took part: undated ones, and with
        [lo, hi] also those starting in it (newest first, at most ``limit``). For a report that
        gives no date, or a dated one whose candidates by pair and date miss an undated report."""
        if not person_ids:
            return []
        dated, params = "", []
        if lo is not None:
            dated, params = " OR e.date_lo BETWEEN ? AND ?", [lo, hi]
        kind, kind_params = "", []
        if exclude_types:
            kind, kind_params = f" AND (e.type IS NULL OR e.type NOT IN ({_placeholders(exclude_types)}))", list(exclude_types)
        ids = list(dict.fromkeys(person_ids))
        return [row[0] for row in self.tuples(
            f"SELECT DISTINCT e.id FROM participations p JOIN events e ON e.id = p.event_id"
            f" WHERE p.person_id IN ({_placeholders(ids)}) AND e.status = ? AND (e.date_lo IS NULL{dated}){kind}"
            f" ORDER BY e.date_lo DESC, e.id DESC LIMIT ?", [*ids, status, *params, *kind_params, limit])]

    def linked_candidate_ids(self, status: str, countries: list[str], lo: str, hi: str,
                             undated_published_from: str | None = None) -> list[int]:
        """Events of ``status`` with the first two ``countries`` starting in [lo, hi]; with
        ``undated_published_from``, also undated ones first reported on or after that day."""
        found = self._blocked_ids(status, countries, "k.date_lo BETWEEN ? AND ?", [lo, hi])
        if undated_published_from is not None:
            found += self._blocked_ids(status, countries, "k.date_lo IS NULL AND e.first_published >= ?",
                                       [undated_published_from])
        return sorted(set(found))

    def event_states(self, event_ids: list[int], columns: tuple[str, ...] | None = None) -> list[dict]:
        """Merge state of events: their columns plus countries, topics and people {id: country}.

        With ``columns`` (names of ``events`` columns), only those and countries and people:
        enough to compare many candidates before reading the chosen one in full.
        """
        if not event_ids:
            return []
        ids = list(event_ids)
        selected = "*" if columns is None else ", ".join(dict.fromkeys(("id", *columns)))
        states = {row["id"]: row | {"countries": [], "topics": [], "people": {}}
                  for row in self.rows(f"SELECT {selected} FROM events WHERE id IN ({_placeholders(ids)})", ids)}
        for row in self.tuples(f"SELECT event_id, country FROM event_countries WHERE event_id IN"
                               f" ({_placeholders(ids)}) ORDER BY rowid", ids):
            states[row[0]]["countries"].append(row[1])
        if columns is None:
            for row in self.tuples(f"SELECT event_id, topic FROM event_topics WHERE event_id IN"
                                   f" ({_placeholders(ids)}) ORDER BY rowid", ids):
                states[row[0]]["topics"].append(row[1])
        for row in self.tuples(f"SELECT p.event_id, p.person_id, pe.country FROM participations p"
                               f" JOIN people pe ON pe.id = p.person_id WHERE p.event_id IN ({_placeholders(ids)})",
                               ids):
            states[row[0]]["people"][row[1]] = row[2]
        return [states[i] for i in ids if i in states]

    def doc_event_values(self, event_id: int, field: str) -> list[dict]:
        """Each source's value of ``field`` ("date" or "location_name") for one merged event."""
        if field not in ("date", "location_name", "date_end"):
            raise ValueError(field)
        values: dict = {}
        for row in self.tuples(f"SELECT {field}, doc_id FROM doc_events WHERE event_id = ? ORDER BY id",
                               (event_id,)):
            if row[0] is not None:
                values.setdefault(row[0], []).append(row[1])
        return [{"value": value, "doc_ids": doc_ids} for value, doc_ids in values.items()]

    def has_planned_link(self, planned_event_id: int) -> bool:
        return self.scalar("SELECT 1 FROM planned_links WHERE planned_event_id = ? LIMIT 1",
                           (planned_event_id,)) is not None

    def people_by_surname(self, surname_key: str) -> list[dict]:
        return self.rows("SELECT * FROM people WHERE surname_key = ? ORDER BY id", (surname_key,))

    def people_by_name_keys(self, keys) -> list[dict]:
        """The people filed under any of these look-up keys (``person_keys``), by id."""
        keys = sorted(set(keys))
        if not keys:
            return []
        return self.rows(f"SELECT * FROM people WHERE id IN (SELECT person_id FROM person_keys"
                         f" WHERE key IN ({_placeholders(keys)})) ORDER BY id", keys)

    def people_by_title(self, country: str, title: str) -> list[dict]:
        return self.rows("SELECT DISTINCT p.* FROM person_titles t JOIN people p ON p.id = t.person_id"
                         " WHERE t.country = ? AND lower(t.title) = lower(?)", (country, title))

    def stored_documents(self) -> list[dict]:
        """Every document's stored fields except the text, oldest publication first."""
        return self.rows("SELECT id, doc, origin, url, source, published, title FROM documents"
                         " ORDER BY published IS NULL, published, ingested_at, rowid")

    def document_text(self, doc_id: str) -> str:
        return self.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,))

    # aggregates

    def aggregate(self, kind: str, k1: str = "", limit: int | None = None) -> list[dict]:
        """Counter rows of one kind (and first key), largest first."""
        sql = "SELECT k1, k2, k3, n FROM aggregates WHERE kind = ? AND k1 = ? AND n > 0 ORDER BY n DESC, k2"
        params: list = [kind, k1]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self.rows(sql, params)

    def aggregate_all(self, kind: str) -> list[dict]:
        return self.rows("SELECT k1, k2, k3, n FROM aggregates WHERE kind = ? AND n > 0 ORDER BY n DESC", (kind,))

    def top_pairs(self, limit: int) -> list[dict]:
        """The ``limit`` country pairs with most shared events (each pair once, ``k1 < k2``)."""
        return self.rows("SELECT k1, k2, n FROM aggregates WHERE kind = 'pair' AND k1 < k2 AND n > 0"
                         " ORDER BY n DESC, k1, k2 LIMIT ?", (limit,))

    def count_keys(self, kind: str) -> int:
        """How many distinct first keys of ``kind`` have a positive count."""
        return self.scalar("SELECT count(*) FROM aggregates WHERE kind = ? AND k2 = '' AND k3 = '' AND n > 0", (kind,))

    def total(self, kind: str) -> int:
        return self.scalar("SELECT COALESCE(SUM(n), 0) FROM aggregates WHERE kind = ? AND k1 = ''", (kind,))

    # event pages

    def find_event_ids(self, *, countries=(), type=None, topic=None, date_from=None, date_to=None,
                       status=None, person_id=None, order="latest", limit=50, offset=0) -> tuple[list[int], int, bool]:
        """Ids of merged events matching every filter, the total, and whether it was capped.

        ``countries``: every code must take part. ``date_from``/``date_to``: ISO day bounds
        on the event's start. ``order``: ``latest``, ``earliest`` or ``sources``. The total
        is exact when the counters answer it (no filter, one country, or a pair); otherwise
        counting stops at max(100, offset + 2 * limit) and the third value says so.
        """
        countries = list(dict.fromkeys(countries))
        if person_id is not None and order == "latest" and not any((countries, type, topic, date_from, date_to, status)):
            return self._person_event_ids(person_id, limit, offset)
        counters_know_total = len(countries) <= 2 and not any((type, topic, date_from, date_to, status, person_id))
        pair = sorted(countries) if len(countries) == 2 else None
        # the rarest country drives a scan of event_countries (a pair or a person has its own index)
        driver_country = min(countries, key=lambda c: self.scalar(
            "SELECT n FROM aggregates WHERE kind = 'country' AND k1 = ?", (c,)) or 0) \
            if countries and not pair and person_id is None else None
        params: list = []
        if pair and person_id is None:
            source = "event_pairs d JOIN events e ON e.id = d.event_id"
            where = ["d.a = ?", "d.b = ?"]
            params += pair
            group = ""
            countries = []
        elif person_id is not None:
            source = "participations d JOIN events e ON e.id = d.event_id"
            where = ["d.person_id = ?"]
            params.append(person_id)
            # (a row per source of each event: duplicates are dropped below, in index order,
            # which a GROUP BY would lose by sorting all of the person's rows)
            group = ""
        elif driver_country is not None:
            source = "event_countries d JOIN events e ON e.id = d.event_id"
            where = ["d.country = ?"]
            params.append(driver_country)
            group = ""
        elif topic is not None:
            source = "event_topics d JOIN events e ON e.id = d.event_id"
            where = ["d.topic = ?"]
            params.append(topic)
            group = ""
            topic = None
        else:
            source = "events d JOIN events e ON e.id = d.id"
            where = []
            group = ""
        for country in countries:
            if country != driver_country or person_id is not None:
                where.append("EXISTS (SELECT 1 FROM event_countries x WHERE x.event_id = e.id AND x.country = ?)")
                params.append(country)
        if topic is not None:
            where.append("EXISTS (SELECT 1 FROM event_topics x WHERE x.event_id = e.id AND x.topic = ?)")
            params.append(topic)
        if type is not None:
            where.append("d.type = ?" if source.startswith("event_countries") else "e.type = ?")
            params.append(type)
        if status is not None:
            where.append("e.status = ?")
            params.append(status)
        if date_from is not None:
            where.append("d.date_lo >= ?")
            params.append(date_from)
        if date_to is not None:
            where.append("d.date_lo <= ?")
            params.append(date_to)
        sql = f"SELECT e.id FROM {source}" + (f" WHERE {' AND '.join(where)}" if where else "") + group
        order_sql = {"latest": " ORDER BY d.date_lo DESC, e.id DESC",
                     "earliest": " ORDER BY d.date_lo IS NULL, d.date_lo ASC, e.id ASC",
                     "sources": " ORDER BY e.source_count DESC, d.date_lo DESC, e.id DESC"}[order]
        if counters_know_total:
            ids = [r[0] for r in self.tuples(sql + order_sql + " LIMIT ? OFFSET ?", params + [limit, offset])]
            return ids, self._counted(pair or countries), False
        # one scan gives the page and a count reaching one more page (each matching row costs
        # index probes, so counting everything would cost a scan of the whole filter)
        cap = max(MIN_COUNT_CAP, offset + 2 * limit)
        bounded = "" if person_id is not None else f" LIMIT {int(cap) + 1}"
        found = self._distinct_ids(self.tuples(sql + order_sql + bounded, params), cap + 1)
        return found[offset:offset + limit], min(len(found), cap), len(found) > cap

    def _person_event_ids(self, person_id: int, limit: int, offset: int) -> tuple[list[int], int, bool]:
        """A person's events, latest first, from the covering index on ``participations`` (a
        row per source naming the person: duplicates dropped in order); the person's
        ``event_count`` is the exact total."""
        cursor = self.tuples("SELECT event_id FROM participations WHERE person_id = ?"
                             " ORDER BY date_lo DESC, event_id DESC", (person_id,))
        ids = self._distinct_ids(cursor, offset + limit)[offset:]
        return ids, self.scalar("SELECT event_count FROM people WHERE id = ?", (person_id,)) or 0, False

    @staticmethod
    def _distinct_ids(cursor, wanted: int) -> list[int]:
        """The first ``wanted`` distinct ids of a cursor's first column, in its order."""
        found: dict[int, None] = {}
        for row in cursor:
            found[row[0]] = None
            if len(found) >= wanted:
                break
        cursor.close()
        return list(found)

    def _counted(self, countries: list[str]) -> int:
        if not countries:
            return self.total("events")
        if len(countries) == 1:
            kind, keys = "country", (countries[0], "")
        else:
            kind, keys = "pair", (countries[0], countries[1])
        return self.scalar("SELECT n FROM aggregates WHERE kind = ? AND k1 = ? AND k2 = ? AND k3 = ''",
                           (kind, *keys)) or 0

    def event_rows(self, event_ids: list[int]) -> dict[int, dict]:
        if not event_ids:
            return {}
        return {row["id"]: row for row in self.rows(
            f"SELECT * FROM events WHERE id IN ({_placeholders(event_ids)})", list(event_ids))}

    def event_cards(self, event_ids: list[int]) -> dict[int, str]:
        """The stored summaries (JSON texts) of those of these events that have one."""
        if not event_ids:
            return {}
        ids = list(event_ids)
        return dict(self.tuples(f"SELECT event_id, card FROM event_cards WHERE event_id IN ({_placeholders(ids)})",
                                ids))

    def event_keys(self, event_ids: list[int]) -> tuple[dict, dict]:
        """(countries by event id, topics by event id), in the order they were added."""
        countries, topics = defaultdict(list), defaultdict(list)
        if event_ids:
            ids = list(event_ids)
            for row in self.tuples(f"SELECT event_id, country FROM event_countries WHERE event_id IN"
                                   f" ({_placeholders(ids)}) ORDER BY rowid", ids):
                countries[row[0]].append(row[1])
            for row in self.tuples(f"SELECT event_id, topic FROM event_topics WHERE event_id IN"
                                   f" ({_placeholders(ids)}) ORDER BY rowid", ids):
                topics[row[0]].append(row[1])
        return countries, topics

    def event_participations(self, event_ids: list[int]) -> dict[int, list[dict]]:
        """Per event: one row per (person, source) with the name and title as written."""
        found = defaultdict(list)
        if event_ids:
            for row in self.rows(
                    f"SELECT p.event_id, p.person_id, pe.name AS person_name, pe.country AS person_country,"
                    f" p.name, p.title, p.country, p.doc_id FROM participations p JOIN people pe ON pe.id = p.person_id"
                    f" WHERE p.event_id IN ({_placeholders(event_ids)}) ORDER BY p.event_id, p.doc_event_id, p.rowid",
                    list(event_ids)):
                found[row.pop("event_id")].append(row)
        return found

    def event_source_rows(self, event_ids: list[int]) -> dict[int, list[dict]]:
        """Per event: its sources with document metadata and the evidence read from each."""
        found = defaultdict(list)
        if event_ids:
            for row in self.rows(
                    f"SELECT s.event_id, s.doc_id, s.doc_event_id, d.doc, d.title, d.source, d.url, d.published,"
                    f" de.evidence, de.date, de.location_name, s.merge_score, s.merge_reasons FROM event_sources s"
                    f" JOIN documents d ON d.id = s.doc_id JOIN doc_events de ON de.id = s.doc_event_id"
                    f" WHERE s.event_id IN ({_placeholders(event_ids)})"
                    f" ORDER BY s.event_id, d.published IS NULL, d.published, s.doc_event_id",
                    list(event_ids)):
                row["evidence"] = json.loads(row["evidence"])
                row["merge_reasons"] = json.loads(row["merge_reasons"])
                found[row.pop("event_id")].append(row)
        return found

    def event_conflicts(self, event_id: int) -> list[dict]:
        return [{"field": r["field"], "values": json.loads(r["vals"])}
                for r in self.rows("SELECT field, vals FROM conflicts WHERE event_id = ? ORDER BY field", (event_id,))]

    def planned_links_of(self, event_id: int) -> dict:
        return {
            "planned": [r[0] for r in self.tuples(
                "SELECT planned_event_id FROM planned_links WHERE occurred_event_id = ?", (event_id,))],
            "occurred": [r[0] for r in self.tuples(
                "SELECT occurred_event_id FROM planned_links WHERE planned_event_id = ?", (event_id,))],
        }

    def all_event_ids(self, after: int = 0, batch: int = 1000) -> list[int]:
        return [r[0] for r in self.tuples("SELECT id FROM events WHERE id > ? ORDER BY id LIMIT ?", (after, batch))]

    def document_money(self, doc_ids: list[str]) -> list[dict]:
        """Money figures of these documents (those that report any), oldest first."""
        if not doc_ids:
            return []
        ids = list(dict.fromkeys(doc_ids))
        # the partial index holds every column read (without statistics the planner would
        # take the primary key and walk each article's text to reach its money column)
        return [{"doc_id": doc_id, "title": title, "published": published, "money": json.loads(money)}
                for doc_id, title, published, money in self.tuples(
                    f"SELECT id, title, published, money FROM documents INDEXED BY documents_money"
                    f" WHERE id IN ({_placeholders(ids)})"
                    f" AND money <> '[]' ORDER BY published", ids)]

    def pair_topics_by_year(self, a: str, b: str) -> dict[str, dict[str, int]]:
        """Events of the pair per year and topic, ``{year: {topic: n}}`` (years and topics in
        order), from the maintained ``pair_years`` counts."""
        a, b = sorted((a, b))
        found = {}
        for year, topics in self.tuples("SELECT year, topics FROM pair_years WHERE a = ? AND b = ? ORDER BY year",
                                        (a, b)):
            counts = orjson.loads(topics)
            kept = {topic: counts[topic] for topic in sorted(counts) if counts[topic] > 0}
            if kept:  # (counts fall to 0 when a merge moves an event to another year)
                found[year] = kept
        return found

    def pair_people(self, a: str, b: str, limit: int = 50) -> list[dict]:
        """People who took part in the pair's events, most events first (then by name)."""
        a, b = sorted((a, b))
        # the limit-th largest count bounds the rows to read and sort by name
        floor = self.scalar("SELECT n FROM pair_people WHERE a = ? AND b = ? AND n > 0 ORDER BY n DESC"
                            " LIMIT 1 OFFSET ?", (a, b, max(limit - 1, 0)))
        return self.rows("SELECT pe.id AS person_id, pe.name, pe.country, x.n AS events FROM pair_people x"
                         " JOIN people pe ON pe.id = x.person_id WHERE x.a = ? AND x.b = ? AND x.n >= ?"
                         " ORDER BY x.n DESC, pe.name, pe.id LIMIT ?", (a, b, max(floor or 1, 1), limit))

    def pair_agreements(self, a: str, b: str, limit: int = 200) -> tuple[list[int], int]:
        """Ids of the pair's events where agreements were signed (latest first, up to ``limit``)
        and how many there are in all."""
        a, b = sorted((a, b))
        where = "WHERE a = ? AND b = ? AND agreements_signed = 1"
        ids = [r[0] for r in self.tuples(f"SELECT event_id FROM event_pairs {where}"
                                         " ORDER BY date_lo DESC, event_id DESC LIMIT ?", (a, b, limit))]
        return ids, self.scalar(f"SELECT count(*) FROM event_pairs {where}", (a, b))

    # documents

    def document_row(self, doc_id: str) -> dict | None:
        row = self.row("SELECT id, doc, origin, url, source, published, title, text, extractor, organizations,"
                       " money, ingested_at FROM documents WHERE id = ?", (doc_id,))
        if row is not None:
            row["organizations"] = json.loads(row["organizations"])
            row["money"] = json.loads(row["money"])
            row["origins"] = self.rows("SELECT origin, url FROM document_origins WHERE doc_id = ? ORDER BY rowid",
                                       (doc_id,))
        return row

    def document_id_by_name(self, name: str) -> str | None:
        return self.scalar("SELECT id FROM documents WHERE doc = ? ORDER BY rowid LIMIT 1", (name,))

    def doc_event_ids(self, doc_ids: list[str]) -> dict[str, list[int]]:
        """The merged events each document reports, in the order it reports them."""
        found: dict[str, list[int]] = defaultdict(list)
        if doc_ids:
            for doc_id, event_id in self.tuples(
                    f"SELECT doc_id, event_id FROM doc_events WHERE doc_id IN ({_placeholders(doc_ids)})"
                    " AND event_id IS NOT NULL ORDER BY doc_id, idx", list(doc_ids)):
                found[doc_id].append(event_id)
        return found

    def doc_event_rows(self, doc_id: str) -> list[dict]:
        rows = self.rows("SELECT * FROM doc_events WHERE doc_id = ? ORDER BY idx", (doc_id,))
        for row in rows:
            for name in ("countries", "participants", "topics", "evidence"):
                row[name] = json.loads(row[name])
            row.pop("evidence_text", None)
        return rows

    # people

    def person_row(self, person_id: int) -> dict | None:
        return self.row("SELECT * FROM people WHERE id = ?", (person_id,))

    def person_forms(self, person_id: int) -> list[str]:
        return [r[0] for r in self.tuples("SELECT name FROM person_names WHERE person_id = ? ORDER BY rowid",
                                          (person_id,))]

    def person_title_rows(self, person_id: int) -> list[dict]:
        return self.rows("SELECT title, country, first_seen, last_seen, doc_id FROM person_titles WHERE person_id = ?"
                         " ORDER BY first_seen IS NULL, first_seen, last_seen", (person_id,))

    def counterparts(self, person_id: int, limit: int = 50) -> list[dict]:
        """The people who took part in most of this person's events: ``[{"person_id", "name",
        "country", "events"}]``, most shared events first (then by name), from ``person_links``."""
        # the limit-th largest count bounds the rows to read and sort by name
        floor = self.scalar("SELECT n FROM person_links WHERE person_id = ? AND n > 0 ORDER BY n DESC"
                            " LIMIT 1 OFFSET ?", (person_id, max(limit - 1, 0)))
        return self.rows("SELECT pe.id AS person_id, pe.name, pe.country, l.n AS events FROM person_links l"
                         " JOIN people pe ON pe.id = l.other_id WHERE l.person_id = ? AND l.n >= ?"
                         " ORDER BY l.n DESC, pe.name, pe.id LIMIT ?", (person_id, max(floor or 1, 1), limit))

    def person_sources(self, person_id: int, limit: int = 200) -> list[dict]:
        """Up to ``limit`` articles naming the person: those of the person's latest events (by
        event date), newest published first."""
        doc_ids = self._distinct_ids(self.tuples(
            "SELECT doc_id FROM participations WHERE person_id = ? ORDER BY date_lo DESC", (person_id,)), limit)
        if not doc_ids:
            return []
        return self.rows("SELECT id AS doc_id, doc, title, source, url, published FROM documents"
                         f" WHERE id IN ({_placeholders(doc_ids)}) ORDER BY published IS NULL, published DESC, id",
                         doc_ids)

    def country_people(self, country: str, limit: int = 20) -> list[dict]:
        return self.rows("SELECT id AS person_id, name, event_count AS events FROM people WHERE country = ?"
                         " ORDER BY event_count DESC, name LIMIT ?", (country, limit))

    def country_locations(self, country: str, limit: int = 200) -> list[dict]:
        """Where a country's events took place: place name, its country, coordinates, count."""
        return self.rows("SELECT a.k2 AS name, NULLIF(a.k3, '') AS country, p.lat, p.lon, a.n AS count"
                         " FROM aggregates a LEFT JOIN places p ON p.name = a.k2 AND p.country = a.k3"
                         " WHERE a.kind = 'country_location' AND a.k1 = ? AND a.n > 0 ORDER BY a.n DESC, a.k2 LIMIT ?",
                         (country, limit))

    # full text

    def search_documents(self, match: str, filters: dict, limit: int, offset: int) -> tuple[list[dict], int, bool, str]:
        """Documents matching the FTS5 expression with snippets: (hits, total, capped, order).

        Up to RANKED_MATCHES matches are ranked by bm25 (title weighted); past that, ranking
        every match would cost seconds, so hits come newest-stored first (``order``
        "recent") and ``total`` stops at RANKED_MATCHES (``capped``). ``filters``
        (country, type, topic, year, status) keep documents reporting such an event.
        """
        where, params = "documents_fts MATCH ?", [match]
        if event_filter(filters) is not None:
            clause, filter_params = event_filter(filters)
            where += (" AND EXISTS (SELECT 1 FROM doc_events de JOIN events e ON e.id = de.event_id"
                      f" WHERE de.doc_id = d.id AND {clause})")
            params += filter_params
        source = f"FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE {where}"
        counted = source if len(params) > 1 else "FROM documents_fts WHERE documents_fts MATCH ?"
        total = self.scalar(f"SELECT count(*) FROM (SELECT 1 {counted} LIMIT {RANKED_MATCHES + 1})", params)
        ranked = total <= RANKED_MATCHES
        # (bm25 only when ranking: its first call counts the whole doclist of every term)
        hits = self.rows(
            "SELECT d.id AS doc_id, d.doc, d.title, d.source, d.url, d.published,"
            f" snippet(documents_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet,"
            f" {'bm25(documents_fts, 4.0, 1.0)' if ranked else 'NULL'} AS score {source}"
            f" ORDER BY {'score' if ranked else 'documents_fts.rowid DESC'} LIMIT ? OFFSET ?",
            params + [limit, offset])
        return hits, min(total, RANKED_MATCHES), not ranked, "bm25" if ranked else "recent"

    def search_evidence(self, match: str, filters: dict, limit: int) -> list[dict]:
        """Event sources whose evidence sentences match, with snippets: bm25 order when at most
        RANKED_MATCHES match, newest first otherwise (as ``search_documents``)."""
        source, params = _evidence_matches(match, filters)
        counted = source if len(params) > 1 else "FROM evidence_fts WHERE evidence_fts MATCH ?"
        matches = self.scalar(f"SELECT count(*) FROM (SELECT 1 {counted} LIMIT {RANKED_MATCHES + 1})", params)
        ranked = matches <= RANKED_MATCHES
        return self.rows(
            "SELECT de.event_id, de.doc_id, de.id AS doc_event_id,"
            f" snippet(evidence_fts, 0, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet,"
            f" {'bm25(evidence_fts)' if ranked else 'NULL'} AS score {source}"
            f" ORDER BY {'score' if ranked else 'evidence_fts.rowid DESC'} LIMIT ?", params + [limit])

    def evidence_facets(self, match: str, filters: dict) -> tuple[dict, bool]:
        """Counts of distinct matching events per country, type, topic, year and status; when
        more than FACET_MATCH_CAP evidence rows match, over the newest of them (second value true).

        One statement: the newest matches, then the facet values of their events, one line
        "facet value" each (``event_facets``, migration 11, or the tables for an event marked
        stale or without a row); Python counts the lines."""
        source, params = _evidence_matches(match, filters)
        matched = f"SELECT evidence_fts.rowid AS hit, de.event_id {source}"
        # DISTINCT only after the LIMIT: before, it would make SQLite collect every match
        capped, keys = self.tuples(
            f"WITH matched AS MATERIALIZED ({matched} ORDER BY hit DESC LIMIT {FACET_MATCH_CAP + 1}),"
            f" chosen AS (SELECT DISTINCT event_id FROM (SELECT event_id FROM matched ORDER BY hit DESC"
            f" LIMIT {FACET_MATCH_CAP}))"
            f" SELECT (SELECT count(*) FROM matched) > {FACET_MATCH_CAP},"
            f" (SELECT group_concat({_FACET_LINES}, char(10)) FROM chosen c)", params).fetchone()
        counts = {name: Counter() for name in ("country", "topic", "type", "status", "year")}
        for line, n in Counter((keys or "").split("\n")).items():
            name, _, value = line.partition(" ")
            if name in counts:
                counts[name][value or None] += n
        facets = {name: _ranked_counts(counts[name]) for name in ("country", "topic", "type", "status")}
        facets["year"] = [{"value": year, "count": n} for year, n in sorted(counts["year"].items(), reverse=True)]
        return facets, bool(capped)
