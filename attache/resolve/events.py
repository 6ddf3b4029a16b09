"""When two reports describe the same event, and how their fields combine (pure functions).

An event "state" is a dict with the merged-event columns (status, type, date, date_lo,
date_hi, location_name, ...) plus ``countries``, ``topics`` and ``people`` ({person id:
state code}).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from attache.resolve import dates, names, places

PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}
# A day written without a year often opens a stay ("a working visit from December 11-13")
# whose end the record does not keep: it agrees with a dated report of up to this many days later.
MONTH_DAY_AFTER_DAYS = 3
# A report that gives no year tells of something about as recent as itself: its event
# happened (or is planned) within a year of the report's publication.
UNDATED_REACH_DAYS = 366
# A report that gives no date at all tells its own news: what it says took place happened in
# the weeks before its publication.
UNDATED_NEWS_DAYS = 31
PRINCIPALS = 2  # people two reports must share before an unknown-state participant may differ
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOPWORDS = {"the", "of", "and", "on", "in", "a", "an", "for", "to", "at", "with", "between", "first",
              "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict]:
    """Type -> {"family", "merges_with": set of types} from attache/data/event_types.tsv."""
    with resources.files("attache.data").joinpath("event_types.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["type"]: {"family": row["family"] or None,
                              "merges_with": {t for t in (row["merges_with"] or "").split("|") if t}}
                for row in rows}


def types_compatible(a: str | None, b: str | None) -> bool:
    """Can reports of types ``a`` and ``b`` tell of one event? Same family, a type that
    merges with the other, or a type without a family ("other", unknown)."""
    known = event_types()
    type_a, type_b = known.get(a or "other"), known.get(b or "other")
    if type_a is None or type_b is None or type_a["family"] is None or type_b["family"] is None:
        return True
    return type_a["family"] == type_b["family"] or b in type_a["merges_with"] or a in type_b["merges_with"]


def incompatible_types(event_type: str | None) -> list[str]:
    """The types ``types_compatible`` refuses next to ``event_type`` (for filtering candidates in SQL)."""
    return sorted(t for t in event_types() if not types_compatible(event_type, t))


def similar_what(a: str | None, b: str | None) -> bool:
    """Two event names share most of their content words ("Sixth Caspian Summit" ~ "Caspian Summit")."""
    if not a or not b:
        return False
    words_a = {w for w in _WORD.findall(a.casefold()) if w not in _STOPWORDS}
    words_b = {w for w in _WORD.findall(b.casefold()) if w not in _STOPWORDS}
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.6


def countries_overlap(a, b) -> bool:
    """They share at least the pair (or every country of the one that names fewer than two)."""
    a, b = set(a or ()), set(b or ())
    return bool(a and b) and len(a & b) >= min(2, len(a), len(b))


def people_agree(a: dict, b: dict) -> tuple[bool, bool]:
    """(no side contradicts, someone shared), for two reports' people {person id: state}.

    A side contradicts when both reports name people of the same state and none of them is
    the same person: different counterparts. A person whose state is unknown could sit on
    any side, so unless the reports share at least ``PRINCIPALS`` people (host and guest),
    such a person named by one report alone contradicts a person named by the other alone
    on a side the first does not fill: one shared host is not enough to make two audiences one.
    """
    if not a or not b:
        return True, False
    shared = set(a) & set(b)
    for state in set(a.values()) & set(b.values()):
        if state is None:
            continue
        side_a = {p for p, s in a.items() if s == state}
        side_b = {p for p, s in b.items() if s == state}
        if not side_a & side_b:
            return False, bool(shared)
    if len(shared) < PRINCIPALS and (_unknown_seat_taken(a, b, shared) or _unknown_seat_taken(b, a, shared)):
        return False, bool(shared)
    return True, bool(shared)


def _unknown_seat_taken(a: dict, b: dict, shared: set) -> bool:
    """Does ``a`` name, alone, a person of unknown state while ``b`` names, alone, someone on
    a side ``a`` leaves open (a state ``a`` names nobody of, or an unknown state)?"""
    if not any(state is None for p, state in a.items() if p not in shared):
        return False
    states_a = {state for state in a.values() if state is not None}
    return any(state is None or state not in states_a for p, state in b.items() if p not in shared)


def same_place(a: dict, b: dict) -> bool:
    return bool(a.get("location_name") and b.get("location_name")
                and a["location_name"].casefold() == b["location_name"].casefold())


def places_disagree(a: dict, b: dict) -> bool:
    """Both name a place and they cannot be one: other states, or two places of which
    neither is the state itself ("Bogor" and "Jakarta"; "Indonesia" holds "Bogor")."""
    name_a, name_b = a.get("location_name"), b.get("location_name")
    if not name_a or not name_b or names.fold(name_a) == names.fold(name_b):
        return False
    country_a, country_b = a.get("location_country"), b.get("location_country")
    if country_a and country_b and country_a != country_b:
        return True
    return not (places.is_country_name(name_a, country_a) or places.is_country_name(name_b, country_b))


def undated_fits(undated: dict, dated: dict) -> bool:
    """Can a report without a year (``undated``, maybe with a ``month_day``) tell of the event
    of ``dated``? Its day of the month must be the dated one's (or open a stay that holds it),
    and an occurred event must lie in the year up to the report's publication, a planned one
    in the year after it."""
    if undated.get("month_day") and not dates.month_day_near(
            undated["month_day"], dated["date_lo"], dated["date_hi"], MONTH_DAY_AFTER_DAYS):
        return False
    published = undated.get("first_published")
    if published:
        published = published[:10]
        if undated.get("status") == "planned":
            if not (published <= dated["date_hi"] and dated["date_lo"] <= dates.shift(published, UNDATED_REACH_DAYS)):
                return False
        elif not (dated["date_lo"] <= published and dates.shift(published, -reach_back(undated)) <= dated["date_hi"]):
            return False
    return True


def reach_back(undated: dict) -> int:
    """How many days before its publication an undated occurred report's event may lie: a
    year for a day written without its year, a few weeks for a report without any date."""
    return UNDATED_REACH_DAYS if undated.get("month_day") else UNDATED_NEWS_DAYS


def can_merge(new: dict, old: dict) -> bool:
    """Is ``old`` (a merged event) the same real event as ``new`` (one document's report)?"""
    if new["status"] != old["status"] or not types_compatible(new.get("type"), old.get("type")):
        return False
    if not countries_overlap(new.get("countries"), old.get("countries")):
        return False
    agree, shared = people_agree(new.get("people") or {}, old.get("people") or {})
    if not agree:
        return False
    if min(len(set(new.get("countries") or ())), len(set(old.get("countries") or ()))) < 2 \
            and not (shared or similar_what(new.get("what"), old.get("what"))):
        return False  # a report naming one state is any event of that state unless a person or its name ties it
    if new.get("date_lo") and old.get("date_lo"):
        if not (new["date_lo"] <= old["date_hi"] and old["date_lo"] <= new["date_hi"]):
            return False
    elif new.get("date_lo") or old.get("date_lo"):
        dated, undated = (new, old) if new.get("date_lo") else (old, new)
        if not undated_fits(undated, dated) or places_disagree(new, old):
            return False
        if not (undated.get("month_day") or similar_what(new.get("what"), old.get("what")) or shared):
            return False
    elif new.get("month_day") and old.get("month_day"):
        if not dates.month_days_near(new["month_day"], old["month_day"], MONTH_DAY_AFTER_DAYS):
            return False
    elif not (similar_what(new.get("what"), old.get("what")) or shared):
        return False
    if new.get("people") and old.get("people") and not shared:
        return same_place(new, old)
    return True


def merge_score(new: dict, old: dict) -> int:
    """Among several mergeable events, prefer the one sharing most people, the place, the day."""
    score = 10 * len(set(new.get("people") or ()) & set(old.get("people") or ()))
    score += 5 * same_place(new, old)
    score += 3 * (new.get("date") == old.get("date"))
    score += 2 * (new.get("type") == old.get("type"))
    score += len(set(new.get("countries") or ()) & set(old.get("countries") or ()))
    return score


def merge_reasons(new: dict, old: dict) -> list[str]:
    """Why ``new`` was judged the same event as ``old``, in words (what ``merge_score`` counts)."""
    reasons = []
    if new.get("date") and new.get("date") == old.get("date"):
        reasons.append(f"same date {new['date']}")
    elif new.get("date_lo") and old.get("date_lo"):
        reasons.append(f"dates overlap ({new.get('date')} and {old.get('date')})")
    elif new.get("month_day") or old.get("month_day"):
        reasons.append("the day of the month agrees (no year in one report)")
    elif new.get("date_lo") or old.get("date_lo"):
        reasons.append("one report gives no date; the other's date fits its publication")
    else:
        reasons.append("neither report gives a date")
    shared_people = len(set(new.get("people") or ()) & set(old.get("people") or ()))
    if shared_people:
        reasons.append(f"{shared_people} participant{'s' if shared_people > 1 else ''} in common")
    shared = [c for c in new.get("countries") or () if c in set(old.get("countries") or ())]
    if shared:
        reasons.append("same states " + ", ".join(shared))
    if same_place(new, old):
        reasons.append(f"same place {new['location_name']}")
    if new.get("type") == old.get("type"):
        reasons.append(f"same type {new.get('type')}")
    else:
        reasons.append(f"related types {old.get('type')} and {new.get('type')}")
    if similar_what(new.get("what"), old.get("what")):
        reasons.append("similar names of the event")
    return reasons


def merge(old: dict, new: dict) -> tuple[dict, list[str]]:
    """The reconciled event, and the fields on which the two reports disagree."""
    merged = dict(old)
    conflicts = []
    rank_old, rank_new = PRECISION_RANK[old.get("date_precision")], PRECISION_RANK[new.get("date_precision")]
    if rank_new > rank_old:
        for name in ("date", "date_end", "date_precision", "date_lo", "date_hi"):
            merged[name] = new.get(name)
    elif rank_new == rank_old and new.get("date") and new["date"] != old.get("date"):
        conflicts.append("date")
        merged["date_hi"] = max(old["date_hi"], new["date_hi"])
    if not old.get("location_name"):
        for name in ("location_name", "location_country", "lat", "lon"):
            merged[name] = new.get(name)
    elif new.get("location_name") and not same_place(old, new):
        if places.is_country_name(old["location_name"], old.get("location_country")) and \
                not places.is_country_name(new["location_name"], new.get("location_country")):
            for name in ("location_name", "location_country", "lat", "lon"):
                merged[name] = new.get(name)
        elif not places.is_country_name(new["location_name"], new.get("location_country")):
            conflicts.append("location_name")
    if merged.get("lat") is None and same_place(merged, new):
        merged["lat"], merged["lon"] = new.get("lat"), new.get("lon")
    merged["month_day"] = None if merged.get("date") else (old.get("month_day") or new.get("month_day"))
    if (old.get("type") or "other") == "other":
        merged["type"] = new.get("type")
    merged["plover"] = old.get("plover") or new.get("plover")
    merged["what"] = old.get("what") or new.get("what")
    merged["countries"] = list(dict.fromkeys(list(old.get("countries") or ()) + list(new.get("countries") or ())))
    merged["topics"] = list(dict.fromkeys(list(old.get("topics") or ()) + list(new.get("topics") or ())))
    merged["people"] = {**(new.get("people") or {}), **(old.get("people") or {})}
    merged["agreements_signed"] = 1 if old.get("agreements_signed") or new.get("agreements_signed") else 0
    published = [p for p in (old.get("first_published"), new.get("first_published")) if p]
    merged["first_published"] = min(published) if published else None
    return merged, conflicts
