"""One person behind the name forms different articles use, with a dated title history.

A named participant is looked up among the people filed under the spelling keys of its
surname (``person_keys``), in every reading of the name; a known person of another state is
never it. Of those whose shown name (the most telling form seen) can be the same person
(:func:`attache.resolve.names.compare`):

- when the new form gives a full first name, the people whose first name agrees in full;
  several of them: the one of the same state, then the best score, then the oldest;
- otherwise (an initial, a bare surname), the only one there is, or the only one of the
  same state; several leave the form to a new person rather than guess.
"""

from __future__ import annotations

from attache.resolve import names

FULL_MATCH = 0.75  # a compare() score from this up: the first names agree in full


def resolve_participant(store, participant: dict, seen: str | None, doc_id: str) -> int | None:
    """The person id for a participant ({name, title, country}), creating the person if new.

    A name-less participant ("the Turkmen Foreign Minister") is matched by title and state
    when exactly one known person held that title there; otherwise it is left out (None).
    """
    name, title, country = participant.get("name"), participant.get("title"), participant.get("country")
    key = names.name_key(name) if name else None
    if key is None:
        return _title_holder(store, title, country, seen, doc_id)
    person = find_person(store, name, country)
    if person is None:
        person_id = new_person(store, name, country)
    else:
        person_id = person["id"]
        _update(store, person, name, key, country)
        store.add_person_name(person_id, name)
        store.add_person_keys(person_id, names.lookup_keys(name))
    if title:
        store.record_title(person_id, title, country or (person or {}).get("country"), seen, doc_id)
    return person_id


def new_person(store, name: str, country: str | None) -> int:
    """A new person known by the form ``name``, filed under its look-up keys."""
    key = names.name_key(name) or {"surname": names.fold(name), "first": None, "initial": None}
    person_id = store.create_person(name, key["surname"], names.first_key(key), country)
    store.add_person_name(person_id, name)
    store.add_person_keys(person_id, names.lookup_keys(name))
    return person_id


def find_person(store, name: str, country: str | None) -> dict | None:
    """The one known person the form ``name`` of a participant of ``country`` can only be."""
    scored = []
    for person in store.people_by_name_keys(names.lookup_keys(name)):
        if country and person["country"] and person["country"] != country:
            continue
        verdict = names.compare(name, person["name"])
        if verdict["same"]:
            scored.append((verdict["score"], person))
    full = [(score, p) for score, p in scored if score >= FULL_MATCH]
    if full:
        return max(full, key=lambda sp: (sp[1]["country"] == country, sp[0], -sp[1]["id"]))[1]
    return _only(scored, country)


def _only(scored: list[tuple[float, dict]], country: str | None) -> dict | None:
    """The only candidate, or the only one of ``country``; None when that is not one."""
    people = [p for _, p in scored]
    if len(people) == 1:
        return people[0]
    same_state = [p for p in people if country and p["country"] == country]
    return same_state[0] if len(same_state) == 1 else None


def _update(store, person: dict, name: str, key: dict, country: str | None) -> None:
    """Show the more telling form, and fill the state when the person had none."""
    better_name = names.specificity(name) > names.specificity(person["name"])
    if better_name or (country and not person["country"]):
        store.update_person(person["id"], name if better_name else person["name"],
                            names.first_key(key) if better_name else person["first_key"],
                            person["country"] or country, key["surname"] if better_name else None)


def _title_holder(store, title: str | None, country: str | None, seen: str | None, doc_id: str) -> int | None:
    """The one known person who held ``title`` in ``country``, with the title seen again."""
    if not (title and country):
        return None
    holders = store.people_by_title(country, title)
    if len(holders) != 1:
        return None
    store.record_title(holders[0]["id"], title, country, seen, doc_id)
    return holders[0]["id"]
