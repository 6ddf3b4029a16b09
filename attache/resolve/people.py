"""One person behind the name forms different articles use, with a dated title history."""

from __future__ import annotations

from attache.resolve import names


def resolve_participant(store, participant: dict, seen: str | None, doc_id: str) -> int | None:
    """The person id for a participant ({name, title, country}), creating the person if new.

    A name-less participant ("the Turkmen Foreign Minister") is matched by title and state
    when exactly one known person held that title there; otherwise it is left out (None).
    """
    name, title, country = participant.get("name"), participant.get("title"), participant.get("country")
    key = names.name_key(name) if name else None
    if key is None:
        if title and country:
            holders = store.people_by_title(country, title)
            if len(holders) == 1:
                person_id = holders[0]["id"]
                store.record_title(person_id, title, country, seen, doc_id)
                return person_id
        return None
    person = _match(store.people_by_surname(key["surname"]), key, country)
    if person is None:
        person = _match_reversed(store, name, country)
    if person is None:
        person_id = store.create_person(name, key["surname"], names.first_key(key), country)
    else:
        person_id = person["id"]
        better_name = names.more_specific(key, person)
        if better_name or (country and not person["country"]):
            store.update_person(person_id, name if better_name else person["name"],
                                names.first_key(key) if better_name else person["first_key"],
                                person["country"] or country)
    store.add_person_name(person_id, name)
    if title:
        store.record_title(person_id, title, country or (person or {}).get("country"), seen, doc_id)
    return person_id


def _match(people: list[dict], key: dict, country: str | None) -> dict | None:
    """The one known person this name can only be, or None (new person or ambiguous)."""
    candidates = [p for p in people if names.compatible(key, p)
                  and (not country or not p["country"] or p["country"] == country)]
    if key["first"]:
        exact = [p for p in candidates if p["first_key"] == key["first"]]
        if exact:
            same_state = [p for p in exact if p["country"] == country]
            return (same_state or exact)[0]
        candidates = [p for p in candidates if not p["first_key"] or p["first_key"].endswith(".")]
    if len(candidates) == 1:
        return candidates[0]
    if country:
        same_state = [p for p in candidates if p["country"] == country]
        if len(same_state) == 1:
            return same_state[0]
    return None


def _match_reversed(store, name: str, country: str | None) -> dict | None:
    """The one known person whose full name is ``name`` read in the other order (surname
    first), of the same state when both are known; both words must agree, never a surname alone."""
    key = names.reversed_key(name)
    if key is None:
        return None
    found = [p for p in store.people_by_surname(key["surname"]) if p["first_key"] == key["first"]
             and (not country or not p["country"] or p["country"] == country)]
    return found[0] if len(found) == 1 else None
