"""Date expressions: explicit forms, ranges, precision, and resolution against the
publication date (weekdays, relative expressions, year-less days and months)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from attache.extract.dates import find_dates

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def dates_in(sentence: str, published: str | None = None, future: bool | None = None):
    return find_dates(sentence, 0, len(sentence), published, future)


def only_date(sentence: str, published: str | None = None, future: bool | None = None):
    found = dates_in(sentence, published, future)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


def is_valid_iso(value: str) -> bool:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', naming a real day / month."""
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        elif len(value) == 7:
            dt.date.fromisoformat(value + "-01")
        else:
            return len(value) == 4 and value.isdigit()
    except ValueError:
        return False
    return True


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---- explicit forms ----


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The consultations took place on 3 February 2025 in Tashkent.", "2025-02-03"),
        ("The forum was held on May 17, 2024 in Astana.", "2024-05-17"),
        ("The memorandum was signed 02.04.2021 in Moscow.", "2021-04-02"),
        ("The agreement entered into force on 2021-04-02.", "2021-04-02"),
        ("The session opened on the 12th of March 2024.", "2024-03-12"),
        ("The talks were held on Sept. 9, 2023.", "2023-09-09"),
    ],
)
def test_explicit_dates_are_read_at_day_precision(sentence, value):
    date = only_date(sentence, published="2025-06-01")
    assert date.value == value
    assert date.precision == "day"
    assert date.text == sentence[date.start : date.end]


def test_an_explicit_date_does_not_move_with_the_publication_date_or_the_tense():
    sentence = "The ministers met on 3 February 2019."
    values = {
        only_date(sentence, published, future).value
        for published in (None, "2019-01-01", "2025-12-31")
        for future in (None, True, False)
    }
    assert values == {"2019-02-03"}


def test_an_impossible_explicit_date_yields_no_value():
    assert [
        d.value for d in dates_in("The meeting was held on 31.02.2024.") if d.value and len(d.value) == 10
    ] == []


@pytest.mark.parametrize("written", ["00.13.2020", "2020-13-00"])
def test_a_numeric_date_with_day_zero_never_gives_an_invalid_value(written):
    for date in dates_in(f"The document is dated {written}."):
        assert date.value is None or is_valid_iso(date.value)


# ---- ranges ----


@pytest.mark.parametrize(
    "sentence, published, future, value, end_value",
    [
        (
            "The exhibition was held from January 22nd to 23rd.",
            "2025-01-25",
            None,
            "2025-01-22",
            "2025-01-23",
        ),
        ("The forum took place on 22-23 January 2025 in Abu Dhabi.", None, None, "2025-01-22", "2025-01-23"),
        ("The fair will run March 30 - April 2.", "2025-03-10", True, "2025-03-30", "2025-04-02"),
        ("The fair ran from March 30 to April 2, 2024.", "2025-03-10", None, "2024-03-30", "2024-04-02"),
        ("Talks were held from 30 December to 2 January.", "2025-01-05", None, "2024-12-30", "2025-01-02"),
    ],
)
def test_ranges_give_first_and_last_day(sentence, published, future, value, end_value):
    date = only_date(sentence, published, future)
    assert date.kind == "range"
    assert (date.value, date.end_value) == (value, end_value)


# ---- month and year precision ----


@pytest.mark.parametrize(
    "sentence, value, precision",
    [
        ("The Prime Minister visited Ashgabat in October 2015.", "2015-10", "month"),
        ("The first round of consultations took place in 2019.", "2019", "year"),
        ("The commission last met in March of 2022.", "2022-03", "month"),
    ],
)
def test_month_and_year_precision(sentence, value, precision):
    date = only_date(sentence, published="2025-02-04")
    assert (date.value, date.precision) == (value, precision)


@pytest.mark.parametrize(
    "sentence, published, future, value",
    [
        ("The talks were held in March.", "2025-02-10", None, "2024-03"),  # occurred: the March before
        ("The talks were held in January.", "2025-02-10", None, "2025-01"),
        ("The talks will be held in March.", "2025-02-10", True, "2025-03"),
        ("The talks will be held in January.", "2025-02-10", True, "2026-01"),  # planned: the next January
        ("The talks were held in February.", "2025-02-10", None, "2025-02"),
    ],
)
def test_a_month_without_year_is_resolved_by_publication_and_direction(sentence, published, future, value):
    assert only_date(sentence, published, future).value == value


def test_a_month_without_year_or_publication_date_has_no_value():
    date = only_date("The talks were held in March.")
    assert date.value is None


# ---- weekdays and relative expressions ----


def test_on_thursday_in_a_friday_report_is_the_day_before():
    published = "2025-02-07"
    assert dt.date.fromisoformat(published).weekday() == 4  # a Friday
    date = only_date("On Thursday, the ministers held talks in Baku.", published)
    assert date.value == "2025-02-06"


def test_a_weekday_in_a_sentence_about_the_future_is_resolved_forward():
    date = only_date("The ministers will meet on Thursday in Baku.", "2025-02-07", future=True)
    assert date.value == "2025-02-13"


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("last Monday", "2025-02-03"),
        ("next Monday", "2025-02-10"),
        ("on Friday", "2025-02-07"),  # the day of publication
    ],
)
def test_weekday_phrases(phrase, value):
    assert only_date(f"The delegations met {phrase}.", "2025-02-07").value == value


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Trade grew by a fifth last year.", "2024"),
        ("Trade turnover in the current year has already doubled.", "2025"),
        ("The minister arrived in Doha yesterday.", "2025-02-06"),
        ("The sides met earlier this month.", "2025-02"),
        ("The commission met last month.", "2025-01"),
        ("A new round is expected next year.", "2026"),
    ],
)
def test_relative_expressions_resolve_against_publication(sentence, value):
    assert only_date(sentence, "2025-02-07").value == value


def test_relative_expressions_without_publication_have_no_value():
    assert [d.value for d in dates_in("The minister arrived yesterday, and last year trade grew.")] == [
        None,
        None,
    ]


# ---- year-less days ----


def test_a_year_less_day_without_publication_keeps_month_and_day_but_no_value():
    date = only_date("The consultations were held on 12 March in Ulaanbaatar.")
    assert date.value is None
    assert date.month_day == "--03-12"


def test_a_year_less_day_takes_a_year_named_in_the_sentence():
    found = dates_in("On 12 March the delegations opened EXPO 2025 in Osaka.")
    assert [(d.text, d.value) for d in found] == [("12 March", "2025-03-12"), ("2025", "2025")]


def test_a_year_less_occurred_day_after_publication_is_last_years():
    assert only_date("On December 30 the delegations met.", "2025-01-02").value == "2024-12-30"


def test_a_year_less_planned_day_before_publication_is_next_years():
    assert only_date("The forum will open on 10 January.", "2025-06-01", future=True).value == "2026-01-10"


def test_a_year_less_29_february_is_not_dropped():
    published = "2024-01-15"  # a leap year: 29 February 2024 is after publication, 2023 has none
    found = dates_in("The consultations took place on 29 February.", published)
    assert len(found) == 1
    assert found[0].month_day == "--02-29"
    assert found[0].value in (None, "2020-02-29")


@pytest.mark.parametrize(
    "sentence", ["Signed on 10 ſeptember 2020.", "Trade grew laſt year.", "They met on Frıday."]
)
def test_unusual_letters_that_fold_to_ascii_never_raise(sentence):
    for date in dates_in(sentence, "2024-05-05"):
        assert date.text == sentence[date.start : date.end]


# ---- offsets ----


def test_offsets_point_into_the_whole_document():
    text = "Header line.\nThe talks were held on 3 February 2025 and on Thursday.\nFooter."
    start = text.index("The talks")
    end = text.index("\nFooter")
    found = find_dates(text, start, end, "2025-02-07")
    assert [text[d.start : d.end] for d in found] == ["3 February 2025", "on Thursday"]
    assert all(start <= d.start < d.end <= end for d in found)


# ---- properties ----

DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
PUBLISHED = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 12, 31))


def _renderings(d: dt.date) -> list[str]:
    month, abbreviation = MONTH_NAMES[d.month - 1], MONTH_ABBREVIATIONS[d.month - 1]
    return [
        f"{d.day} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{abbreviation} {d.day}, {d.year}",
        f"{ordinal(d.day)} of {month} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        d.isoformat(),
    ]


@settings(max_examples=150, deadline=None)
@given(d=DATES, published=PUBLISHED, future=st.sampled_from([None, True, False]), form=st.integers(0, 5))
def test_every_supported_explicit_form_reads_back_the_date(d, published, future, form):
    rendered = _renderings(d)[form]
    sentence = f"The consultations took place on {rendered} in Astana."
    date = only_date(sentence, published.isoformat(), future)
    assert date.value == d.isoformat()
    assert date.text == sentence[date.start : date.end]


@settings(max_examples=150, deadline=None)
@given(first=DATES, length=st.integers(1, 4), form=st.integers(0, 2))
def test_every_supported_range_form_reads_back_both_days(first, length, form):
    last = first + dt.timedelta(days=length)
    assume(last.month == first.month and last.year == first.year)
    month = MONTH_NAMES[first.month - 1]
    rendered = [
        f"{first.day}-{last.day} {month} {first.year}",
        f"{month} {first.day}-{last.day}, {first.year}",
        f"from {month} {ordinal(first.day)} to {ordinal(last.day)}, {first.year}",
    ][form]
    date = only_date(f"The forum was held {rendered} in Baku.")
    assert (date.value, date.end_value) == (first.isoformat(), last.isoformat())


@settings(max_examples=200, deadline=None)
@given(
    published=PUBLISHED,
    weekday=st.sampled_from(WEEKDAY_NAMES),
    rel=st.sampled_from(["on", "last", "this", "next", "past"]),
    future=st.sampled_from([None, True, False]),
)
def test_a_weekday_resolves_to_that_weekday_within_a_week_of_publication(published, weekday, rel, future):
    date = only_date(f"The foreign ministers held talks {rel} {weekday}.", published.isoformat(), future)
    resolved = dt.date.fromisoformat(date.value)
    assert resolved.weekday() == WEEKDAY_NAMES.index(weekday)
    assert abs((resolved - published).days) <= 7
    if rel in ("last", "past") or (rel == "on" and future is not True):
        assert resolved <= published
    if rel == "next" or (rel == "on" and future is True):
        assert resolved >= published


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)),
    published=PUBLISHED,
    future=st.sampled_from([None, False]),
    form=st.integers(0, 1),
)
def test_an_occurred_year_less_day_is_never_after_publication_plus_three_days(day, published, future, form):
    rendered = [f"{day.day} {MONTH_NAMES[day.month - 1]}", f"{MONTH_NAMES[day.month - 1]} {day.day}"][form]
    for date in dates_in(
        f"The consultations took place on {rendered} in Astana.", published.isoformat(), future
    ):
        if date.value is not None:
            resolved = dt.date.fromisoformat(date.value)
            assert resolved <= published + dt.timedelta(days=3)
            assert resolved > published - dt.timedelta(days=366 + 3)
            assert (resolved.month, resolved.day) == (day.month, day.day)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)), published=PUBLISHED)
def test_a_planned_year_less_day_is_never_before_publication_minus_three_days(day, published):
    sentence = f"The forum will be held on {day.day} {MONTH_NAMES[day.month - 1]} in Astana."
    for date in dates_in(sentence, published.isoformat(), future=True):
        if date.value is not None:
            assert dt.date.fromisoformat(date.value) >= published - dt.timedelta(days=3)


@settings(max_examples=100, deadline=None)
@given(month=st.integers(1, 12), published=PUBLISHED, future=st.sampled_from([None, True, False]))
def test_a_month_without_year_lies_on_the_side_of_publication_its_tense_says(month, published, future):
    verb = "will be held" if future else "were held"
    date = only_date(f"The talks {verb} in {MONTH_NAMES[month - 1]}.", published.isoformat(), future)
    resolved = date.value
    assert resolved[5:] == f"{month:02d}"
    if future:
        assert published.isoformat()[:7] <= resolved <= f"{published.year + 1}-{published.month:02d}"
    else:
        assert f"{published.year - 1}-{published.month:02d}" <= resolved <= published.isoformat()[:7]


FRAGMENTS = st.sampled_from(
    MONTH_NAMES
    + MONTH_ABBREVIATIONS
    + WEEKDAY_NAMES
    + [
        "on",
        "in",
        "from",
        "to",
        "-",
        "–",
        ",",
        ".",
        "of",
        "last",
        "next",
        "this",
        "year",
        "the current year",
        "yesterday",
        "2024",
        "1999",
        "31",
        "3rd",
        "22nd",
        "02.04.2021",
        "2021-04-02",
        "31.13.2020",
        "2025-13-45",
        "percent",
        "million",
        " ",
        "\n",
        "EXPO",
        "Ministry",
    ]
)
RANDOM_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    text=RANDOM_TEXT,
    published=st.one_of(st.none(), PUBLISHED.map(dt.date.isoformat)),
    future=st.sampled_from([None, True, False]),
    cut=st.integers(0, 10),
)
def test_find_dates_never_raises_and_every_mention_is_its_slice(text, published, future, cut):
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)
    found = find_dates(text, start, end, published, future)
    previous_end = start
    for date in found:
        assert date.text == text[date.start : date.end]
        assert previous_end <= date.start < date.end <= end
        previous_end = date.end
        assert date.value is None or is_valid_iso(date.value)
        assert date.end_value is None or is_valid_iso(date.end_value)
