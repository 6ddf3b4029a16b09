"""How query answers print: JSON, CSV (one table), or aligned text tables under a header."""

from __future__ import annotations

import csv
import io
import json
from typing import NamedTuple

import click

from attache.display import counted, without_direction_controls

TEXT_WIDTH = 60
WIDE_COLUMNS = {"snippet": 160, "doc_id": 16}
EVENT_COLUMNS = ["id", "date", "status", "type", "countries", "place", "participants", "sources", "first_source"]
EVENT_CSV_COLUMNS = EVENT_COLUMNS + ["topics", "doc_ids"]


class Section(NamedTuple):
    """One table of an answer: ``name`` is what ``--table`` calls it, ``title`` heads it as text."""

    name: str
    title: str
    rows: list[dict]
    columns: list[str]


def emit(result: dict, sections: list[Section], header: str, as_json: bool, as_csv: bool,
         table_name: str | None = None) -> None:
    """Print ``result`` as JSON; or one table as CSV (``table_name``, else the first: a CSV
    file holds one table); or the tables as text under ``header`` (only ``table_name``'s if given)."""
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    chosen = [s for s in sections if s.name == table_name] if table_name else sections
    if as_csv:
        click.echo(csv_text(chosen[0].rows, chosen[0].columns))
        return
    parts = [header] if header else []
    for section in chosen:
        parts.append(f"{section.title} ({len(section.rows)})\n"
                     + (table(section.rows, section.columns) if section.rows else "  (none)"))
    click.echo("\n\n".join(parts))


def table(rows: list[dict], columns: list[str]) -> str:
    """Rows as plain text in aligned columns under a header line (long cells cut with …)."""
    cells = [[_cell(row.get(c), WIDE_COLUMNS.get(c, TEXT_WIDTH)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(value, width: int = TEXT_WIDTH) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return _cell(", ".join(_cell(v, width) for v in value), width)
    text = without_direction_controls(" ".join(str(value).split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def csv_text(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: csv_value(row.get(c)) for c in columns})
    return out.getvalue().rstrip("\n")


def csv_value(value):
    """A list cell joined with ``; ``; anything else as it is."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def matching(total: int, noun: str, capped: bool) -> str:
    """``1 event matches``, ``3 events match``, ``100+ events match``."""
    verb = "matches" if total == 1 and not capped else "match"
    return f"{counted(total, noun, capped=capped)} {verb}"


def event_rows(events: list[dict]) -> list[dict]:
    """Event summaries as flat rows (``EVENT_COLUMNS``, ``EVENT_CSV_COLUMNS``)."""
    rows = []
    for e in events:
        location = e["location"] or {}
        rows.append({"id": e["event_id"], "date": e["date"], "status": e["status"], "type": e["type"],
                     "countries": e["countries"], "place": location.get("name"),
                     "participants": [p["name"] for p in e["participants"]], "topics": e["topics"],
                     "sources": e["source_count"],
                     "first_source": (e["sources"][0]["source"] or e["sources"][0]["doc"]) if e["sources"] else None,
                     "doc_ids": [s["doc_id"] for s in e["sources"]]})
    return rows
