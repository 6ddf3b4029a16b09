"""Map the per-document pipeline over many inputs. (First cut: sequential.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.pipeline import Outcome, process


def run_batch(items: Iterable[RawDocument | InputError], jobs: int = 1) -> Iterator[Outcome]:
    """Yield one Outcome per input, in input order; reader errors pass through as outcomes."""
    for item in items:
        if isinstance(item, InputError):
            yield Outcome(item.origin, error=item)
        else:
            yield process(item)
