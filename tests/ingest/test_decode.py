"""decode_bytes: encodings found, binary and empty inputs refused with a reason."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.errors import InputError
from attache.ingest.decode import decode_bytes

RUSSIAN = (
    "Министры иностранных дел Узбекистана и Казахстана провели переговоры в Ташкенте. "
    "Стороны обсудили торговлю, энергетику и транспорт.\n"
)
FRENCH = "Le ministre des Affaires étrangères a rencontré son homologue à Genève pour évoquer l'énergie.\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Talks in Baku – “a new stage”.".encode(), "Talks in Baku – “a new stage”."),
        (codecs.BOM_UTF8 + b"Talks in Baku.", "Talks in Baku."),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (RUSSIAN.encode("koi8-r"), RUSSIAN),
        (RUSSIAN.encode("utf-16-le"), RUSSIAN),
        ("Talks in Baku.\n".encode("utf-16-be"), "Talks in Baku.\n"),
        (FRENCH.encode("latin-1"), FRENCH),
    ],
    ids=["utf8", "utf8-bom", "cp1251", "utf16-bom", "koi8r", "utf16le-no-bom", "utf16be-no-bom", "latin1"],
)
def test_encodings(data, text):
    assert decode_bytes(data, "a.txt") == text


def test_mostly_utf8_with_a_stray_byte_keeps_the_utf8_text():
    data = ("Переговоры в Ташкенте. " * 20).encode() + b"\x93quoted\x94"
    text = decode_bytes(data, "mixed.txt")
    assert text.startswith("Переговоры в Ташкенте.") and "quoted" in text


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"abc\x00def" * 50,
        b"\x01\x02\x03\x04text" * 30,
    ],
    ids=["all-bytes", "png", "nul", "controls"],
)
def test_binary_is_refused(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "pic.png")
    assert (caught.value.origin, caught.value.reason) == ("pic.png", "binary file, not text")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"  \n", "  \n".encode("utf-16")])
def test_empty_is_refused(data):
    with pytest.raises(InputError, match="empty document"):
        decode_bytes(data, "e.txt")


def test_declared_charset_is_tried_before_detection():
    data = "Ташкент".encode("cp1251")
    assert decode_bytes(data, "p.html", declared="windows-1251") == "Ташкент"


@settings(max_examples=300)
@given(st.binary(max_size=4000))
def test_random_bytes_decode_or_raise_input_error(data):
    try:
        text = decode_bytes(data, "r.bin")
    except InputError as error:
        assert error.origin == "r.bin"
        return
    assert isinstance(text, str) and text.strip() and "\x00" not in text


@given(st.text(min_size=1).filter(lambda t: t.strip() and t.isprintable()))
def test_printable_utf8_text_round_trips(text):
    assert decode_bytes(text.encode(), "u.txt") == text
