"""Analysts' corrections as constraints on resolving (pure once loaded).

A correction names reports (anchors: ``(doc id, idx)``) or name forms, never ids, so it
holds whatever ids a rebuild gives: ``merge`` joins the reports of two events, ``split``
keeps one document's reports of an event apart from the others, ``same_person`` and
``different_person`` join or part the people behind two sets of name forms. Every
resolving path (ingest, reextract, rebuild) reads them; removing one and rebuilding undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from attache.resolve import names

KINDS = ("merge", "split", "same_person", "different_person")


@dataclass
class Constraints:
    """Corrections read for resolving: per anchor, the anchors it must join or must not
    join (with the correction's id); per folded name form, the name forms of the same person
    and of a different person."""

    joined: dict[tuple, dict[tuple, int]] = field(default_factory=dict)
    kept_apart: dict[tuple, dict[tuple, int]] = field(default_factory=dict)
    same_names: dict[str, dict[str, int]] = field(default_factory=dict)
    other_names: dict[str, dict[str, int]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.joined or self.kept_apart or self.same_names or self.other_names)


def load(store) -> Constraints:
    """The store's corrections, later ones over earlier ones for the same reports or names."""
    return constraints_of(store.corrections())


def constraints_of(corrections: list[dict]) -> Constraints:
    found = Constraints()
    for correction in corrections:
        kind, number = correction["kind"], correction["id"]
        if kind in ("merge", "split"):
            side_a = [tuple(a) for a in correction["subject"]]
            side_b = [tuple(b) for b in correction["object"]]
            _relate(found.joined if kind == "merge" else found.kept_apart,
                    found.kept_apart if kind == "merge" else found.joined, side_a, side_b, number)
        elif kind in ("same_person", "different_person"):
            _relate(found.same_names if kind == "same_person" else found.other_names,
                    found.other_names if kind == "same_person" else found.same_names,
                    correction["subject"], correction["object"], number, names.fold)
    return found


def _relate(relation: dict, opposite: dict, side_a, side_b, number: int, key=tuple) -> None:
    """Relate every member of ``side_a`` with every member of ``side_b`` (both ways: under
    ``key`` of the one, the other as given), and drop what an earlier correction said the
    other way about the same two."""
    for a in side_a:
        for b in side_b:
            if key(a) == key(b):
                continue
            relation.setdefault(key(a), {})[_as_given(b)] = number
            relation.setdefault(key(b), {})[_as_given(a)] = number
            opposite.get(key(a), {}).pop(_as_given(b), None)
            opposite.get(key(b), {}).pop(_as_given(a), None)


def _as_given(member):
    return tuple(member) if isinstance(member, list) else member


def events_to_join(store, constraints: Constraints, anchor: tuple) -> dict[int, int]:
    """Stored events holding a report the analyst joined to ``anchor``: {event id: correction id}."""
    wanted = constraints.joined.get(anchor)
    if not wanted:
        return {}
    held = store.events_of_anchors(wanted)
    return {event_id: wanted[other] for other, event_id in held.items()}


def events_kept_apart(store, constraints: Constraints, anchor: tuple) -> set[int]:
    """Stored events holding a report the analyst kept apart from ``anchor``."""
    apart = constraints.kept_apart.get(anchor)
    return set(store.events_of_anchors(apart).values()) if apart else set()


def same_person_forms(constraints: Constraints, name: str | None) -> dict[str, int]:
    """Name forms (as written) an analyst said belong to the same person as ``name``."""
    return constraints.same_names.get(names.fold(name), {}) if name else {}


def different_person_forms(constraints: Constraints, name: str | None) -> dict[str, int]:
    """Name forms (as written) an analyst said belong to someone else than ``name``."""
    return constraints.other_names.get(names.fold(name), {}) if name else {}
