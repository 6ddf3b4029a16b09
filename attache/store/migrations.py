"""The store's schema as numbered migrations; each runs once, recorded in ``migrations``.

Append new migrations at the end; never edit one that has shipped. The SQL sticks to what
PostgreSQL also understands, except the FTS5 tables and their triggers, which a PostgreSQL
backend replaces with ``tsvector`` columns and GIN indexes.
"""

from __future__ import annotations

from attache import vocab

INITIAL = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,              -- sha256 of the whitespace-normalized text
    raw_hash TEXT,                    -- sha256 of the input as read, to skip re-reads early
    doc TEXT NOT NULL,
    origin TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    extractor TEXT,
    organizations TEXT NOT NULL DEFAULT '[]',
    money TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_raw_hash ON documents(raw_hash);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE document_origins (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    url TEXT,
    PRIMARY KEY (doc_id, origin)
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    type TEXT,
    plover TEXT,
    what TEXT,
    date TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_lo TEXT,
    date_hi TEXT,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    agreements_signed INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    first_published TEXT
);
CREATE INDEX events_date ON events(date_lo);
CREATE INDEX events_type_date ON events(type, date_lo);
CREATE INDEX events_status_date ON events(status, date_lo);

CREATE TABLE doc_events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    type TEXT,
    plover TEXT,
    what TEXT,
    date TEXT,
    date_end TEXT,
    date_precision TEXT,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    location_inferred INTEGER NOT NULL DEFAULT 0,
    countries TEXT NOT NULL DEFAULT '[]',
    participants TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    agreements_signed INTEGER NOT NULL DEFAULT 0,
    evidence TEXT NOT NULL DEFAULT '[]',
    evidence_text TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, idx)
);
CREATE INDEX doc_events_event ON doc_events(event_id);

CREATE TABLE event_sources (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_event_id INTEGER NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, doc_event_id)
);
CREATE INDEX event_sources_doc ON event_sources(doc_id);

CREATE TABLE event_countries (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    status TEXT NOT NULL,
    date_lo TEXT,
    PRIMARY KEY (event_id, country)
);
CREATE INDEX event_countries_block ON event_countries(country, status, date_lo);
CREATE INDEX event_countries_date ON event_countries(country, date_lo);

CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    date_lo TEXT,
    PRIMARY KEY (event_id, topic)
);
CREATE INDEX event_topics_date ON event_topics(topic, date_lo);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    surname_key TEXT NOT NULL,
    first_key TEXT,
    country TEXT,
    event_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_surname ON people(surname_key);
CREATE INDEX people_country ON people(country, event_count);

CREATE TABLE person_names (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (person_id, name)
);

CREATE TABLE person_titles (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    country TEXT,
    first_seen TEXT,
    last_seen TEXT,
    doc_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
    PRIMARY KEY (person_id, title)
);
CREATE INDEX person_titles_title ON person_titles(country, title);

CREATE TABLE participations (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    doc_event_id INTEGER NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    name TEXT,
    title TEXT,
    country TEXT,
    date_lo TEXT,
    PRIMARY KEY (event_id, person_id, doc_event_id)
);
CREATE INDEX participations_person ON participations(person_id, date_lo);

CREATE TABLE planned_links (
    planned_event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurred_event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (planned_event_id, occurred_event_id)
);
CREATE INDEX planned_links_occurred ON planned_links(occurred_event_id);

CREATE TABLE conflicts (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    vals TEXT NOT NULL,                -- JSON list of {"value", "doc_id"}
    PRIMARY KEY (event_id, field)
);

CREATE TABLE aggregates (
    kind TEXT NOT NULL,
    k1 TEXT NOT NULL,
    k2 TEXT NOT NULL DEFAULT '',
    k3 TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, k1, k2, k3)
);

CREATE TABLE places (
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    lat REAL,
    lon REAL,
    PRIMARY KEY (name, country)
);
"""

FULL_TEXT = """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
    evidence_text, content='doc_events', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON doc_events BEGIN
    INSERT INTO evidence_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON doc_events BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF evidence_text ON doc_events BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text);
    INSERT INTO evidence_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
"""

URL_LOOKUP = """
CREATE INDEX documents_url ON documents(url);
CREATE INDEX document_origins_url ON document_origins(url);
"""

EVENT_TYPE_BY_COUNTRY = """
ALTER TABLE event_countries ADD COLUMN type TEXT;
UPDATE event_countries SET type = (SELECT type FROM events WHERE events.id = event_countries.event_id);
CREATE INDEX event_countries_type ON event_countries(country, type, date_lo);
"""

EVENT_PAIRS = """
CREATE TABLE event_pairs (
    a TEXT NOT NULL,                   -- the pair's codes in alphabetical order
    b TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    date_lo TEXT,
    PRIMARY KEY (a, b, event_id)
);
CREATE INDEX event_pairs_date ON event_pairs(a, b, date_lo);
CREATE INDEX event_pairs_event ON event_pairs(event_id);
INSERT INTO event_pairs (a, b, event_id, date_lo)
    SELECT c1.country, c2.country, c1.event_id, c1.date_lo FROM event_countries c1
    JOIN event_countries c2 ON c2.event_id = c1.event_id AND c2.country > c1.country;
"""

PAIR_SUMMARIES = """
CREATE TABLE pair_topics (
    a TEXT NOT NULL,                   -- the pair's codes in alphabetical order
    b TEXT NOT NULL,
    year TEXT NOT NULL,                -- of the event's start; undated events are not counted
    topic TEXT NOT NULL,
    n INTEGER NOT NULL,                -- events of the pair with this topic that year
    PRIMARY KEY (a, b, year, topic)
);
INSERT INTO pair_topics (a, b, year, topic, n)
    SELECT p.a, p.b, substr(p.date_lo, 1, 4), t.topic, count(*) FROM event_pairs p
    JOIN event_topics t ON t.event_id = p.event_id WHERE p.date_lo IS NOT NULL
    GROUP BY p.a, p.b, substr(p.date_lo, 1, 4), t.topic;

CREATE TABLE pair_people (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,                -- events of the pair this person took part in
    PRIMARY KEY (a, b, person_id)
);
CREATE INDEX pair_people_count ON pair_people(a, b, n);
INSERT INTO pair_people (a, b, person_id, n)
    SELECT p.a, p.b, x.person_id, count(DISTINCT x.event_id) FROM event_pairs p
    JOIN participations x ON x.event_id = p.event_id GROUP BY p.a, p.b, x.person_id;

ALTER TABLE event_pairs ADD COLUMN agreements_signed INTEGER NOT NULL DEFAULT 0;
UPDATE event_pairs SET agreements_signed = 1 WHERE event_id IN (SELECT id FROM events WHERE agreements_signed = 1);
CREATE INDEX event_pairs_agreements ON event_pairs(a, b, date_lo) WHERE agreements_signed = 1;
"""

PERSON_LINKS = """
CREATE TABLE person_links (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,                -- events both took part in (each direction stored)
    PRIMARY KEY (person_id, other_id)
);
INSERT INTO person_links (person_id, other_id, n)
    SELECT mine.person_id, other.person_id, count(*) FROM
        (SELECT DISTINCT event_id, person_id FROM participations) mine
    JOIN (SELECT DISTINCT event_id, person_id FROM participations) other
        ON other.event_id = mine.event_id AND other.person_id <> mine.person_id
    GROUP BY mine.person_id, other.person_id;
CREATE INDEX person_links_count ON person_links(person_id, n);

-- a person's events and articles, latest first, without reading the table
CREATE INDEX participations_person_events ON participations(person_id, date_lo, event_id, doc_id);
DROP INDEX participations_person;
"""

MONEY_LOOKUP = """
-- the money figures of an event's articles without reading the articles (the column lies
-- after the text, in the row's overflow pages); only articles that report figures
CREATE INDEX documents_money ON documents(id, published, title, money) WHERE money <> '[]';
"""

def _stale_card_trigger(name: str, when: str, event_ids: str) -> str:
    """A trigger that marks the events ``event_ids`` (an id expression, or a SELECT of ids)
    stale and drops their cards."""
    single = not event_ids.startswith("SELECT")
    source = f"VALUES ({event_ids})" if single else event_ids
    match = f"= {event_ids}" if single else f"IN ({event_ids})"
    return (f"CREATE TRIGGER event_cards_{name} AFTER {when} BEGIN\n"
            f"    INSERT OR IGNORE INTO event_cards_stale (event_id) {source};\n"
            f"    DELETE FROM event_cards WHERE event_id {match};\nEND;\n")


# each merged event's summary (its shape in every answer, query/shapes.py) as one JSON text,
# so that a page of events is one read instead of five. A change to anything a summary shows
# drops the card and marks the event stale (triggers: no write path can forget); the writer
# rebuilds stale cards before it commits, and readers build a missing card's summary live.
EVENT_CARDS = """
CREATE TABLE event_cards (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    card TEXT NOT NULL
);
CREATE TABLE event_cards_stale (event_id INTEGER PRIMARY KEY);
""" + "".join([
    _stale_card_trigger("events_update", "UPDATE ON events", "new.id"),
    _stale_card_trigger("events_delete", "DELETE ON events", "old.id"),
    *(_stale_card_trigger(f"{table}_{change.lower()}", f"{change} ON {table}", f"{row}.event_id")
      for table in ("event_countries", "event_topics", "event_sources", "participations")
      for change, row in (("INSERT", "new"), ("DELETE", "old"))),
    _stale_card_trigger("participations_update", "UPDATE OF person_id, doc_id, name, title, country ON participations",
                        "new.event_id"),
    _stale_card_trigger("people_update", "UPDATE OF name, country ON people"
                        " WHEN old.name IS NOT new.name OR old.country IS NOT new.country",
                        "SELECT event_id FROM participations WHERE person_id = new.id"),
    _stale_card_trigger("documents_update", "UPDATE OF doc, title, source, url, published ON documents"
                        " WHEN old.doc IS NOT new.doc OR old.title IS NOT new.title OR old.source IS NOT new.source"
                        " OR old.url IS NOT new.url OR old.published IS NOT new.published",
                        "SELECT event_id FROM event_sources WHERE doc_id = new.id"),
    _stale_card_trigger("doc_events_update", "UPDATE OF evidence ON doc_events"
                        " WHEN new.event_id IS NOT NULL AND old.evidence IS NOT new.evidence", "new.event_id"),
]) + """INSERT INTO event_cards_stale (event_id) SELECT id FROM events;
"""

PAIR_YEARS = """
CREATE TABLE pair_years (
    a TEXT NOT NULL,                   -- the pair's codes in alphabetical order
    b TEXT NOT NULL,
    year TEXT NOT NULL,                -- of the event's start; undated events are not counted
    topics TEXT NOT NULL,              -- {topic: events of the pair with this topic that year}
    PRIMARY KEY (a, b, year)
) WITHOUT ROWID;
INSERT INTO pair_years (a, b, year, topics)
    SELECT a, b, year, json_group_object(topic, n) FROM pair_topics WHERE n > 0 GROUP BY a, b, year;
DROP TABLE pair_topics;
"""

# An event's facet values (search/facets) as one text, a line "facet value" each: type,
# status, year, then a line per country and per topic. A search counts the facets of a few
# hundred events; reading one narrow row each and counting lines costs less than half of
# reading the events and their country and topic rows. Written beside the cards (same stale
# marks); readers compute the keys of a stale event or one without a row with this expression.
EVENT_FACET_KEYS = (
    "'type ' || ifnull(e.type, '') || char(10) || 'status ' || e.status"
    " || ifnull(char(10) || 'year ' || substr(e.date_lo, 1, 4), '')"
    " || ifnull(char(10) || (SELECT group_concat('country ' || country, char(10))"
    " FROM event_countries WHERE event_id = e.id), '')"
    " || ifnull(char(10) || (SELECT group_concat('topic ' || topic, char(10))"
    " FROM event_topics WHERE event_id = e.id), '')")

EVENT_FACETS = f"""
CREATE TABLE event_facets (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    keys TEXT NOT NULL                 -- lines "type talks", "status occurred", "year 2024", "country KZ", ...
);
INSERT INTO event_facets (event_id, keys) SELECT e.id, {EVENT_FACET_KEYS} FROM events e;
"""

# A report dated only by a day of a month (no year in its text) keeps that day as "--MM-DD",
# so that a later dated report of the same day can still be told from one of another day.
MONTH_DAY = """
ALTER TABLE events ADD COLUMN month_day TEXT;
ALTER TABLE doc_events ADD COLUMN month_day TEXT;
"""

# A person filed under the look-up key of each spelling of its surname seen so far
# (attache/resolve/spelling.py: the consonants of the name's spelling skeleton), so that
# "Tokayev", "Toqaev" and "Tokaev" find one another through an index instead of a scan of
# every person; a person read several ways ("Mohammed bin Salman Al Saud" also as "Mohammed
# bin Salman") has several keys. Existing people get the key of their stored surname.
def name_skeleton_sql(table: str, column: str) -> str:
    """Statements turning ``column`` of ``table`` from a folded name part into its spelling
    skeleton as attache/resolve/spelling.py's skeleton() makes it: the rewrites of
    person_names.txt in order, one UPDATE each (nested, they overflow SQLite's parser);
    tests/store check that the two agree."""
    statements = [f"UPDATE {table} SET {column} = '^' || {column} || '$';"]
    for written, plain in vocab.name_spellings():
        statements.append("UPDATE {0} SET {1} = replace({1}, '{2}', '{3}');".format(
            table, column, written.replace("'", "''"), plain.replace("'", "''")))
    return "\n".join(statements)


def name_lookup_key_sql(skeleton: str) -> str:
    """SQL for spelling.lookup_key() from a skeleton: its letters but a, e, i, o, u and h, or
    '=' and the whole skeleton when fewer than two are left."""
    kept = skeleton
    for letter in "aeiouh":
        kept = f"replace({kept}, '{letter}', '')"
    return f"CASE WHEN length({kept}) >= 2 THEN {kept} ELSE '=' || {skeleton} END"


PERSON_KEYS = f"""
CREATE TABLE person_keys (
    key TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_keys_person ON person_keys(person_id);
CREATE TEMP TABLE person_skeletons (person_id INTEGER PRIMARY KEY, skeleton TEXT NOT NULL);
INSERT INTO person_skeletons (person_id, skeleton) SELECT id, surname_key FROM people;
{name_skeleton_sql("person_skeletons", "skeleton")}
INSERT INTO person_keys (key, person_id) SELECT {name_lookup_key_sql("skeleton")}, person_id FROM person_skeletons;
DROP TABLE person_skeletons;
"""

# An event keeps its id and key for as long as the real event is in the record: ids are
# handed out from a sequence and never reused (a rebuild gives each event the id its first
# report had before); an id that disappears into another event is kept as an alias of it.
# Each source says why it was merged (score and reasons); an analyst's corrections are
# stored apart from everything derived, and a rebuild applies them again.
STABLE_IDENTITY = """
ALTER TABLE events ADD COLUMN stable_key TEXT;
UPDATE events SET stable_key = (SELECT substr(de.doc_id, 1, 12) || '-' || de.idx FROM event_sources s
    JOIN doc_events de ON de.id = s.doc_event_id WHERE s.event_id = events.id ORDER BY s.doc_event_id LIMIT 1);
CREATE INDEX events_stable_key ON events(stable_key);
ALTER TABLE event_sources ADD COLUMN merge_score INTEGER;
ALTER TABLE event_sources ADD COLUMN merge_reasons TEXT NOT NULL DEFAULT '[]';
CREATE TABLE event_aliases (
    old_id INTEGER PRIMARY KEY,        -- an id no event holds any more
    event_id INTEGER,                  -- the event that took its reports in (NULL: none did)
    reason TEXT NOT NULL,
    anchors TEXT NOT NULL DEFAULT '[]', -- JSON [[doc id, idx]]: the reports it held, to take it back on an undo
    created TEXT NOT NULL
);
CREATE TABLE id_sequence (name TEXT PRIMARY KEY, last INTEGER NOT NULL);
INSERT INTO id_sequence (name, last) SELECT 'events', ifnull(max(id), 0) FROM events;
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                -- merge | split | same_person | different_person
    subject TEXT NOT NULL,             -- JSON: report anchors [[doc id, idx]] or name forms
    object TEXT NOT NULL,              -- JSON, the same
    note TEXT NOT NULL DEFAULT '',     -- what the analyst said, as the command read it
    created TEXT NOT NULL
);
DELETE FROM event_cards;
INSERT OR IGNORE INTO event_cards_stale (event_id) SELECT id FROM events;
"""

# (number, name, sql): applied in order, each in its own transaction.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial tables", INITIAL),
    (2, "full-text search", FULL_TEXT),
    (3, "look documents up by URL", URL_LOOKUP),
    (4, "event type beside each country, for filtered lists", EVENT_TYPE_BY_COUNTRY),
    (5, "events by pair of states, for timelines", EVENT_PAIRS),
    (6, "per-pair topics by year, people and agreements, for relationships", PAIR_SUMMARIES),
    (7, "events shared by each two people, and a person's events by date, for profiles", PERSON_LINKS),
    (8, "money figures of articles, for relationships and events", MONEY_LOOKUP),
    (9, "event summaries kept as one JSON text each (built at the next write)", EVENT_CARDS),
    (10, "a pair's topics counted in one row a year", PAIR_YEARS),
    (11, "each event's facet values in one row, for search facets", EVENT_FACETS),
    (12, "the day and month of an event whose year is unknown", MONTH_DAY),
    (13, "people filed under the spelling keys of their surnames, for name variants", PERSON_KEYS),
    (14, "stable event ids and keys, merge reasons, aliases and analysts' corrections", STABLE_IDENTITY),
)
