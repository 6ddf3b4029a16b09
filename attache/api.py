"""attache from Python (notebooks, scripts): extract texts and files to records, and open a
store to ask it what the CLI and the web ask, through the same functions (``attache.query``).

    import attache
    record = attache.extract_text("Astana, 8 February 2024. ...")
    with attache.open("attache.db") as store:
        store.events(country="KZ", type="talks")
        frame = store.events_frame(country="KZ")   # pandas, with the [pandas] extra
"""

from __future__ import annotations

from pathlib import Path

from attache import query
from attache.query import export

PAGE = 1000  # events per read when a frame gathers every event of a filter


def extract_text(text: str, *, published: str | None = None, title: str | None = None,
                 source: str | None = None, url: str | None = None, name: str = "text") -> dict:
    """The extraction record of one article's text (the JSON of `attache extract`).

    ``published`` (``YYYY-MM-DD``) is used when the text gives no publication date;
    ``title``, ``source`` and ``url`` are kept as given. Raises InputError for a text that
    is no article (empty, binary, too long).
    """
    from attache.ingest.raw import RawDocument
    from attache.ingest.readers import normalize_published

    raw = RawDocument(doc=name, origin=name, kind="text", text=text, title=title, source=source, url=url,
                      published_fallback=normalize_published(published, "published") if published else None)
    [record] = _records([raw])
    return record


def extract_file(path: str | Path, *, published: str | None = None, jobs: int = 1) -> list[dict]:
    """The extraction records of a file (text, HTML, or JSONL with one document a line) or of
    every file under a folder, in order. Raises InputError naming the first input that is no
    article; ``jobs`` > 1 extracts in that many processes."""
    from attache.ingest.readers import iter_raw

    return _records(iter_raw([str(path)], published=published), jobs)


def _records(items, jobs: int = 1) -> list[dict]:
    from attache.batch import run_batch

    records = []
    for outcome in run_batch(items, jobs=jobs):
        if outcome.error is not None:
            raise outcome.error
        records.append(outcome.record)
    return records


def open(path: str | Path) -> Store:  # noqa: A001 - attache.open(db), as sqlite3.connect(db)
    """The store at ``path`` (made by `attache ingest`), opened read-only."""
    return Store(path)


class Store:
    """A store opened read-only; each method is the query of the same name in ``attache.query``
    (what `attache events`, `timeline`, ... print with ``--json``), returning plain dicts."""

    def __init__(self, path: str | Path):
        from attache.store import open_store

        self._store = open_store(path, read_only=True)  # StoreError if there is none

    def stats(self) -> dict:
        return query.stats(self._store)

    def events(self, **filters) -> dict:
        """``country``, ``country2``, ``type``, ``topic``, ``date_from``, ``date_to``, ``status``,
        ``person``, ``order``, ``limit``, ``offset``: see ``attache.query.events``."""
        return query.events(self._store, **filters)

    def event(self, event_id: int) -> dict:
        return query.event(self._store, event_id)

    def timeline(self, a: str, b: str, **options) -> dict:
        return query.timeline(self._store, a, b, **options)

    def relationship(self, a: str, b: str, **options) -> dict:
        return query.relationship(self._store, a, b, **options)

    def person(self, name: int | str, **options) -> dict:
        return query.person(self._store, name, **options)

    def country(self, code: str) -> dict:
        return query.country(self._store, code)

    def search(self, q: str, **filters) -> dict:
        return query.search(self._store, q, **filters)

    def document(self, doc_id: str) -> dict:
        return query.document(self._store, doc_id)

    def event_rows(self, **filters) -> list[dict]:
        """Every event matching ``filters`` (as ``events()`` takes them, without ``limit`` and
        ``offset``) as flat rows: the columns of `attache export --format csv`."""
        rows, offset = [], 0
        while True:
            found = query.events(self._store, limit=PAGE, offset=offset, **filters)
            rows += [export.flat_row(summary) for summary in found["events"]]
            if len(found["events"]) < PAGE:
                return rows
            offset += PAGE

    def events_frame(self, **filters):
        """``event_rows(**filters)`` as a pandas DataFrame (``pip install "attache[pandas]"``)."""
        try:
            import pandas
        except ModuleNotFoundError as e:
            raise ModuleNotFoundError('events_frame() needs pandas: pip install "attache[pandas]"') from e
        return pandas.DataFrame(self.event_rows(**filters), columns=list(export.CSV_COLUMNS))

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
