"""Which stored events a report is compared with: blocks of states (pure)."""

from __future__ import annotations

BLOCK_COUNTRIES = 4  # a multilateral report's candidates come from the blocks of its first states


def country_blocks(countries) -> list[list[str]]:
    """The country blocks a report's candidates are read from: the pair of a bilateral
    report; every pair of the first ``BLOCK_COUNTRIES`` states of a multilateral one (outlets
    list its states in different orders and not all of them), and each of those states alone
    (another outlet may name only the host); the one state of a report that names one."""
    named = list(dict.fromkeys(countries or ()))[:BLOCK_COUNTRIES]
    if len(named) < 2:
        return [named] if named else []
    if len(named) == 2:
        return [named]
    pairs = [[a, b] for i, a in enumerate(named) for b in named[i + 1:]]
    return pairs + [[c] for c in named]
