"""Reshape query answers into the small data the page figures draw (see static/app.js)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

MAX_TOPICS_CHARTED = 10
MAX_GRAPH_NODES = 40


def topics_chart(topics_by_year: list[dict]) -> dict:
    """``{"labels": [year], "series": [{"label": topic, "data": [count per year]}]}``, the
    most frequent topics first (the rest summed as ``other``)."""
    years = [row["year"] for row in topics_by_year]
    totals: dict[str, int] = {}
    for row in topics_by_year:
        for topic, count in row["topics"].items():
            totals[topic] = totals.get(topic, 0) + count
    ranked = sorted(totals, key=lambda t: (-totals[t], t))
    shown, rest = ranked[:MAX_TOPICS_CHARTED], set(ranked[MAX_TOPICS_CHARTED:])
    series = [{"label": topic, "data": [row["topics"].get(topic, 0) for row in topics_by_year]} for topic in shown]
    if rest:
        series.append({"label": "other",
                       "data": [sum(n for t, n in row["topics"].items() if t in rest) for row in topics_by_year]})
    return {"labels": years, "series": series}


def partner_graph(code: str, name: str | None, partners: list[dict]) -> dict:
    """A star: the country in the middle, its partners around, edges weighted by shared events."""
    shown = partners[:MAX_GRAPH_NODES]
    nodes = [{"id": code, "label": name or code, "weight": max([p["count"] for p in shown] or [1]),
              "href": f"/country/{code}", "center": True}]
    nodes += [{"id": p["country"], "label": p["name"] or p["country"], "weight": p["count"],
               "href": f"/relationship/{code}/{p['country']}", "center": False} for p in shown]
    edges = [{"source": code, "target": p["country"], "weight": p["count"]} for p in shown]
    return {"nodes": nodes, "edges": edges}


def counterpart_graph(profile: dict) -> dict:
    """The person in the middle, the people met around, edges weighted by shared events."""
    shown = profile["counterparts"][:MAX_GRAPH_NODES]
    center = f"p{profile['person_id']}"
    nodes = [{"id": center, "label": profile["name"], "weight": max([c["events"] for c in shown] or [1]),
              "href": f"/person/{profile['person_id']}", "center": True}]
    nodes += [{"id": f"p{c['person_id']}", "label": _person_label(c), "weight": c["events"],
               "href": f"/person/{c['person_id']}", "center": False} for c in shown]
    edges = [{"source": center, "target": f"p{c['person_id']}", "weight": c["events"]} for c in shown]
    return {"nodes": nodes, "edges": edges}


def _person_label(person: dict) -> str:
    return f"{person['name']} ({person['country']})" if person.get("country") else person["name"]


def event_map(highlight_codes: list[str], locations: list[dict]) -> dict:
    """``{"highlight": [ISO numeric], "points": [{"lat", "lon", "label", "count"}]}`` for the map;
    places without coordinates are left out of the map (the page lists them)."""
    points = [{"lat": place["lat"], "lon": place["lon"], "label": place["name"], "count": place["count"]}
              for place in locations if place.get("lat") is not None and place.get("lon") is not None]
    highlight = [numeric for numeric in (iso_numeric(code) for code in highlight_codes) if numeric]
    return {"highlight": highlight, "points": points}


@lru_cache(maxsize=512)
def iso_numeric(alpha2: str) -> str | None:
    """ISO 3166-1 numeric code (as the world outline's feature ids use) of an alpha-2 code."""
    found = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return found.numeric if found else None
