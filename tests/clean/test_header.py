"""Header lines and header dates: fixed forms, and hypothesis round-trips over generated headers."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.clean.dates import parse_date
from attache.clean.header import parse_header_line, parse_place_opening, parse_view_counter


@pytest.mark.parametrize(
    ("line", "date", "kind", "rest"),
    [
        (" date 2024-05-17 Submit Release", "2024-05-17", "labelled", " Submit Release"),
        (
            " date 2024-03-16 Mongolia is set to host a forum.",
            "2024-03-16",
            "labelled",
            " Mongolia is set to host a forum.",
        ),
        ("Published: 4 February 2025, 10:30", "2025-02-04", "labelled", ""),
        ("22:14 02.04.2021 6912", "2021-04-02", "stamp", ""),
        ("02.04.2021 22:14", "2021-04-02", "stamp", ""),
        ("17 May 2024", "2024-05-17", "dateline", ""),
        ("Friday, May 17, 2024", "2024-05-17", "dateline", ""),
        ("1st Sept. 2023", "2023-09-01", "dateline", ""),
        ("Tbilisi, 9 February 2024", "2024-02-09", "dateline", ""),
        (
            "ASTANA, May 17, 2024 (Kazinform) – The ministers met.",
            "2024-05-17",
            "dateline",
            "The ministers met.",
        ),
    ],
)
def test_header_forms(line, date, kind, rest):
    header = parse_header_line(line)
    assert header is not None
    assert (header.date, header.kind, line[header.end :]) == (date, kind, rest)


def test_dateline_place_and_agency():
    header = parse_header_line("Ulan Bator, Friday, 17 May 2024 (Montsame) - Talks were held.")
    assert (header.place, header.agency) == ("Ulan Bator", "Montsame")


@pytest.mark.parametrize(
    ("line", "place", "agency", "rest"),
    [
        ("KUALA LUMPUR, 26 April - Ministers met.", "KUALA LUMPUR", None, "Ministers met."),
        ("Astana, May 17 (Kazinform) – The talks", "Astana", "Kazinform", "The talks"),
    ],
)
def test_place_opening_without_a_year(line, place, agency, rest):
    opening = parse_place_opening(line)
    assert (opening.date, opening.place, opening.agency, line[opening.end :]) == (None, place, agency, rest)


@pytest.mark.parametrize(
    "line", ["Astana, 17 May was chosen - ", "the capital, 26 April - x", "Riga, 26 April"]
)
def test_not_place_openings(line):
    assert parse_place_opening(line) is None


def test_view_counter_is_read_from_a_stamp():
    assert parse_header_line("22:14 02.04.2021 6912").views == 6912


@pytest.mark.parametrize(
    "line",
    [
        "On 17 May 2024 the ministers met in Baku.",
        "date 2024-02-30 Submit Release",  # no 30 February
        "31.04.2021 10:00",  # no 31 April
        "The 2024 summit",
        "In talks, 3 March 2023 was named the date",
        "ministers, 3 March 2023",
        "12:00",
        "",
    ],
)
def test_not_headers(line):
    assert parse_header_line(line) is None


@pytest.mark.parametrize(
    ("line", "views"), [("6912", 6912), ("Views: 41", 41), ("1 024 views", None), ("12 views", 12)]
)
def test_view_counter_lines(line, views):
    assert parse_view_counter(line) == views


# --- property tests -------------------------------------------------------------------------

dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31))


def _forms(day: datetime.date) -> list[str]:
    month = calendar.month_name[day.month]
    abbr = calendar.month_abbr[day.month]
    return [
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {abbr}. {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{abbr} {day.day} {day.year}",
    ]


@given(day=dates, form=st.integers(0, 6))
def test_every_date_form_round_trips(day, form):
    assert parse_date(_forms(day)[form]) == day.isoformat()


@given(
    day=dates,
    form=st.integers(0, 6),
    label=st.sampled_from(["date", "Date:", "Published", "Posted on", "published:"]),
    lead=st.sampled_from(["", " ", "  "]),
    rest=st.sampled_from(["", " Submit Release", " The ministers met in Tashkent on Monday."]),
)
def test_labelled_headers_round_trip(day, form, label, lead, rest):
    line = f"{lead}{label} {_forms(day)[form]}{rest}"
    header = parse_header_line(line)
    assert header is not None and header.kind == "labelled"
    assert header.date == day.isoformat()
    assert line[header.end :] == rest


@given(
    day=dates,
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    views=st.none() | st.integers(0, 10**6),
)
def test_time_date_counter_headers_round_trip(day, hour, minute, views):
    line = f"{hour:02d}:{minute:02d} {day.day:02d}.{day.month:02d}.{day.year}"
    if views is not None:
        line += f" {views}"
    header = parse_header_line(line)
    assert header is not None and header.kind == "stamp"
    assert (header.date, header.views) == (day.isoformat(), views)


@given(day=dates, form=st.integers(0, 6), weekday=st.booleans())
def test_datelines_round_trip(day, form, weekday):
    line = _forms(day)[form]
    if weekday:
        line = f"{calendar.day_name[day.weekday()]}, {line}"
    header = parse_header_line(line)
    assert header is not None and header.date == day.isoformat()


@given(
    day=dates,
    form=st.integers(0, 6),
    place=st.sampled_from(["Tbilisi", "ULAANBAATAR", "New Delhi", "Nur-Sultan", "São Paulo", "Ашхабад"]),
    rest=st.sampled_from(["", " – The delegations met on Monday.", " - Talks"]),
)
def test_place_datelines_round_trip(day, form, place, rest):
    line = f"{place}, {_forms(day)[form]}{rest}"
    header = parse_header_line(line)
    assert header is not None and (header.date, header.place) == (day.isoformat(), place)
    assert line[header.end :] == rest.lstrip(" –-")


@settings(max_examples=300)
@given(st.text())
def test_random_lines_never_raise(line):
    header = parse_header_line(line)
    if header is not None:
        datetime.date.fromisoformat(header.date)
        assert 0 < header.end <= len(line)
    opening = parse_place_opening(line)
    if opening is not None:
        assert opening.date is None and 0 < opening.end <= len(line)
    parse_view_counter(line)
    parse_date(line)
