"""Header dates with month names of sites whose pages are otherwise in English (Indonesian
and Malay, Spanish, Portuguese, French, German), and the date line looked for in the first
10 lines (attache/clean/dates.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.clean import clean_document
from attache.clean.dates import find_date_line, parse_date
from attache.ingest.raw import RawDocument


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("9 Januari 2023", "2023-01-09"),  # Indonesian
        ("12 Mei 2024", "2024-05-12"),
        ("5 Oktober 2024", "2024-10-05"),
        ("Maret 5, 2024", "2024-03-05"),
        ("9 Mac 2023", "2023-03-09"),  # Malay
        ("17 Ogos 2024", "2024-08-17"),
        ("12 Disember 2024", "2024-12-12"),
        ("12 marzo 2024", "2024-03-12"),  # Spanish
        ("14 diciembre 2024", "2024-12-14"),
        ("12 março 2024", "2024-03-12"),  # Portuguese
        ("14 fevereiro 2025", "2025-02-14"),
        ("12 mars 2024", "2024-03-12"),  # French
        ("3 août 2024", "2024-08-03"),
        ("14 février 2025", "2025-02-14"),
        ("3 März 2024", "2024-03-03"),  # German
        ("14 Dezember 2024", "2024-12-14"),
    ],
)
def test_parse_date_reads_non_english_month_names(text, iso):
    assert parse_date(text) == iso


def test_parse_date_non_english_month_is_case_insensitive():
    assert parse_date("9 JANUARI 2023") == "2023-01-09"


def test_parse_date_refuses_a_day_that_does_not_exist_in_a_non_english_month():
    assert parse_date("30 februari 2024") is None


def test_month_name_without_a_day_is_no_header_date():
    assert parse_date("Mars 2024") is None


def test_parse_date_reads_spanish_de_form():
    assert parse_date("12 de marzo de 2024") == "2024-03-12"


def test_parse_date_reads_portuguese_de_form():
    assert parse_date("12 de março de 2024") == "2024-03-12"


def test_parse_date_reads_german_day_with_a_dot():
    assert parse_date("3. März 2024") == "2024-03-03"


def test_labelled_indonesian_date_line_is_found():
    assert find_date_line("Date 9 Januari 2023") == ("2023-01-09", "Date 9 Januari 2023")


NAV = ["Portal Berita", "Home", "News", "World", "Politics", "Economy", "Sport", "Culture", "Opinion"]
BODY = [f"The two foreign ministers discussed point {i} of the trade agreement at length." for i in range(8)]


def test_date_line_on_the_tenth_line_is_found():
    text = "\n".join([*NAV, "Tanggal 9 Januari 2023", *BODY])
    assert find_date_line(text) == ("2023-01-09", "Tanggal 9 Januari 2023")


def test_date_line_on_the_eleventh_line_is_not_found():
    text = "\n".join([*NAV, "Menu", "Tanggal 9 Januari 2023", *BODY])
    assert find_date_line(text) is None


def test_blank_lines_do_not_count_towards_the_ten():
    text = "\n\n".join([*NAV, "Tanggal 9 Januari 2023", *BODY])
    assert find_date_line(text) == ("2023-01-09", "Tanggal 9 Januari 2023")


def clean_text(text: str):
    return clean_document(RawDocument(doc="t", origin="t.txt", text=text))


def test_document_published_from_an_indonesian_header_date():
    article = clean_text("Menteri bertemu\nDate 9 Januari 2023\n"
                         "Foreign Minister Ana Torres of Argentina met Foreign Minister Luis Vargas of Peru "
                         "in Jakarta on Monday.\n")
    assert article.published == "2023-01-09"


def test_document_published_from_a_spanish_header_date():
    article = clean_text("Reunion bilateral\n12 marzo 2024\n"
                         "Foreign Minister Ana Torres of Argentina met Foreign Minister Luis Vargas of Peru "
                         "in Lima on Monday.\n")
    assert article.published == "2024-03-12"


def test_document_published_from_a_malay_date_on_the_tenth_line():
    text = "\n".join([*NAV, "Published 14 Ogos 2024", *BODY]) + "\n"
    assert clean_text(text).published == "2024-08-14"


MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}


@settings(max_examples=200)
@given(st.sampled_from(sorted(MONTHS)), st.dates(min_value=datetime.date(1990, 1, 1),
                                                 max_value=datetime.date(2039, 12, 31)))
def test_property_day_month_year_in_each_language_round_trips(language, day):
    text = f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"
    assert parse_date(text) == day.isoformat()
    assert find_date_line(f"Posted {text}") == (day.isoformat(), f"Posted {text}")
