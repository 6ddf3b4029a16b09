"""Link an announced (planned) event to the later report that it took place."""

from __future__ import annotations

from attache.resolve import dates
from attache.resolve.blocks import country_blocks
from attache.resolve.events import countries_overlap, people_agree, similar_what, types_compatible

YEAR = 366
# How long after an undated announcement its event is looked for: announcements without a
# date tell of the coming weeks or months ("will visit", "is expected to sign"); a call two
# years later between the same ministers is another event.
FOLLOW_UP_DAYS = 183
MAX_CANDIDATES = 200


def link_planned(store, state: dict) -> None:
    """After ``state`` (a merged event with ``id``) was written, link it to its counterpart."""
    blocks = country_blocks(state.get("countries"))
    if not blocks:
        return
    if state["status"] == "occurred" and state.get("date_lo"):
        lo = state["date_lo"]
        ids = sorted({i for countries in blocks for i in store.linked_candidate_ids(
            "planned", countries, dates.shift(lo, -YEAR), lo, undated_published_from=dates.shift(lo, -FOLLOW_UP_DAYS))})
        for planned in store.event_states(ids[:MAX_CANDIDATES]):
            if _announced_before(planned, lo) and (planned.get("date_hi") is None or planned["date_hi"] >= lo) \
                    and follows(planned, state) and not store.has_planned_link(planned["id"]):
                store.link_planned(planned["id"], state["id"])
    elif state["status"] == "planned" and not store.has_planned_link(state["id"]):
        announced = state.get("first_published")
        if state.get("date_lo"):
            lo, hi = state["date_lo"], state["date_hi"]
        elif announced:
            lo, hi = announced, dates.shift(announced, FOLLOW_UP_DAYS)
        else:
            return
        ids = sorted({i for countries in blocks for i in store.linked_candidate_ids("occurred", countries, lo, hi)})
        found = [e for e in store.event_states(ids[:MAX_CANDIDATES])
                 if (not announced or e["date_lo"] >= announced) and follows(state, e)]
        if found:
            store.link_planned(state["id"], min(found, key=lambda e: (e["date_lo"], e["id"]))["id"])


def _announced_before(planned: dict, day: str) -> bool:
    return not planned.get("first_published") or planned["first_published"] <= day


def follows(planned: dict, occurred: dict) -> bool:
    """Can ``occurred`` be the event ``planned`` announced?"""
    if not countries_overlap(planned.get("countries"), occurred.get("countries")):
        return False
    if not people_agree(planned.get("people") or {}, occurred.get("people") or {})[0]:
        return False
    if similar_what(planned.get("what"), occurred.get("what")):
        return True
    if planned.get("date_lo") is None and (planned.get("type") or "other") == "other":
        return False
    return types_compatible(planned.get("type"), occurred.get("type"))
