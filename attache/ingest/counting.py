"""How many inputs a batch holds, known before it starts (for a progress bar's ETA)."""

from __future__ import annotations

from collections.abc import Iterable

from attache.ingest.readers import count_documents
from attache.ingest.sources import read_url_list


def count_inputs(paths: Iterable[str] = (), urls_file: str | None = None, feed: str | None = None) -> int | None:
    """How many items ``iter_sources`` will yield for the same arguments, without reading a
    document or touching the network; None when that cannot be known in advance (stdin,
    a feed). URLs skipped as already stored count too: they are inputs that pass."""
    if feed is not None:
        return None
    total = count_documents(paths)
    if total is None or urls_file is None:
        return total
    return total + sum(1 for _ in read_url_list(urls_file))
