"""Full-text search over article text, titles and evidence, with snippets and facets."""

from __future__ import annotations

import re

from attache.errors import BadValue
from attache.query.values import MAX_OFFSET, country_code, known, whole_number
from attache.schema import EVENT_TYPES, STATUSES, TOPICS
from attache.store import HIT_END, HIT_START

_TERM = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?", re.UNICODE)
FACETS = ("country", "type", "topic", "year", "status")
MAX_LIMIT = 1000
MAX_TERMS = 20  # words and phrases in one search: each costs a pass over the index (prefixes most)


def match_expression(q: str) -> str | None:
    """The user's words as an FTS5 expression: every word must appear; ``word*`` is a prefix.

    Quotes around words keep their order as a phrase. Operators and punctuation are not
    passed through, so no input is an FTS5 syntax error. More than ``MAX_TERMS`` words and
    phrases is a BadValue.
    """
    parts = []
    for phrase, loose in re.findall(r'"([^"]*)"|([^"]+)', q or ""):
        if phrase:
            words = [w.rstrip("*") for w in _TERM.findall(phrase)]
            if words:
                parts.append('"' + " ".join(words) + '"')
        for word in _TERM.findall(loose):
            parts.append(f'"{word[:-1]}"*' if word.endswith("*") else f'"{word}"')
    if len(parts) > MAX_TERMS:
        raise BadValue(f"a search takes at most {MAX_TERMS} words or phrases, got {len(parts)}")
    return " ".join(parts) or None


def snippet_parts(snippet: str) -> list[dict]:
    """``[{"text", "hit": bool}]`` from a snippet with store markers (escape each text, then mark hits)."""
    parts = []
    for piece in re.split(f"({HIT_START}.*?{HIT_END})", snippet or "", flags=re.S):
        if not piece:
            continue
        hit = piece.startswith(HIT_START)
        parts.append({"text": piece.strip(HIT_START + HIT_END), "hit": hit})
    return parts


def _marked(snippet: str) -> str:
    return (snippet or "").replace(HIT_START, "[").replace(HIT_END, "]")


def search(store, q: str, country: str | None = None, type: str | None = None, topic: str | None = None,
           year: int | str | None = None, status: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Ranked full-text hits (bm25) with highlighted snippets and facet counts::

        {"query", "filters": {...}, "total": int (documents, counted up to 1,000), "total_capped": bool,
         "order": "bm25" | "recent"  (past 1,000 matches hits come newest first, unranked),
         "hits": [{"doc_id", "doc", "title", "source", "url", "published", "score",
                   "snippet": "... [hydrogen] ...", "snippet_parts": [{"text", "hit"}],
                   "events": [event_id]}],
         "evidence_hits": [{"event_id", "doc_id", "snippet", "snippet_parts", "score"}],
         "facets": {"country"|"type"|"topic"|"year"|"status": [{"value", "count"}]},
         "facets_capped": bool}

    ``snippet`` marks matched words with ``[ ]``; ``snippet_parts`` gives the same as plain
    pieces for renderers that escape text. Facets count the distinct events whose evidence
    matches (after filters; over the newest 500 matching evidence rows when more match,
    with ``facets_capped``). Filters keep documents that report a matching event.
    """
    filters = {"country": country_code(country) if country else None, "type": known(type, "type", EVENT_TYPES),
               "topic": known(topic, "topic", TOPICS),
               "year": whole_number(year, "year", 1, 9999) if year not in (None, "") else None,
               "status": known(status, "status", STATUSES)}
    limit, offset = whole_number(limit, "limit", 0, MAX_LIMIT), whole_number(offset, "offset", 0, MAX_OFFSET)
    result = {"query": q, "filters": filters, "total": 0, "total_capped": False, "order": "bm25", "hits": [],
              "evidence_hits": [],
              "facets": {name: [] for name in FACETS}, "facets_capped": False}
    match = match_expression(q)
    if match is None:
        return result
    hits, total, capped, result["order"] = store.search_documents(match, filters, limit, offset)
    events_by_doc = store.doc_event_ids([hit["doc_id"] for hit in hits])
    result["total"], result["total_capped"] = total, capped
    result["hits"] = [{**hit, "snippet": _marked(hit["snippet"]), "snippet_parts": snippet_parts(hit["snippet"]),
                       "events": events_by_doc.get(hit["doc_id"], [])} for hit in hits]
    result["evidence_hits"] = [{**hit, "snippet": _marked(hit["snippet"]),
                                "snippet_parts": snippet_parts(hit["snippet"])}
                               for hit in store.search_evidence(match, filters, limit)]
    result["facets"], result["facets_capped"] = store.evidence_facets(match, filters)
    return result
