"""Bytes -> text: UTF-8 first, then charset-normalizer's guess; binary and empty inputs are errors."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from attache.errors import InputError

BINARY = "binary file, not text"
EMPTY = "empty document"

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters (Unicode Cc) a text file does not hold; tab, newlines, form feed and
# escape are allowed. A share above the limit means binary.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
# Encodings news sites actually use, most frequent first: on short texts charset-normalizer
# often finds several equally clean readings (cp1251 and mac_cyrillic), and these break ties.
_COMMON_ENCODINGS = (
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "cp1252",
    "cp1251",
    "cp1250",
    "koi8_r",
    "koi8_u",
    "iso8859_1",
    "iso8859_15",
    "iso8859_2",
    "iso8859_5",
    "cp1254",
    "cp1256",
    "cp1253",
    "cp1255",
    "cp1257",
    "iso8859_9",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp949",
    "tis_620",
)
_CHAOS_TIE = 0.01
# Detection is first limited to the common encodings (unrestricted, charset-normalizer may stop
# at a rare one, e.g. shift_jis_2004 for KOI8-R Russian); a reading this messy sends it wider.
_GOOD_ENOUGH_CHAOS = 0.1
# A mostly-UTF-8 file with a few stray bytes (mixed encodings) is kept as UTF-8.
_MAX_STRAY_SHARE = 0.005


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode ``data`` read from ``origin``; ``declared`` is an encoding the input names (HTML meta).

    Raises ``InputError(origin, "binary file, not text")`` or ``InputError(origin, "empty document")``.
    """
    if not data.strip():
        raise InputError(origin, EMPTY)
    text = _decode(data, declared)
    if text is None or _looks_binary(text):
        raise InputError(origin, BINARY)
    if not text.strip():
        raise InputError(origin, EMPTY)
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data, encoding)
    if b"\x00" in data:  # no text encoding but UTF-16/32 puts NUL bytes in text
        return _detect(data, nul_present=True)
    text = _try(data, "utf-8")
    if text is None and declared:
        text = _try(data, declared)
    if text is None:
        text = _mostly_utf8(data)
    return text if text is not None else _detect(data, nul_present=False)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few undecodable bytes (e.g. one cp1252 quote pasted in) -> replaced, kept."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    multibyte = len(data) - len(text)
    if multibyte > 0 and stray <= max(1, len(text) * _MAX_STRAY_SHARE):
        return text
    return None


def _detect(data: bytes, *, nul_present: bool) -> str | None:
    best = _best(charset_normalizer.from_bytes(data, cp_isolation=list(_COMMON_ENCODINGS)))
    if best is None or best.chaos > _GOOD_ENOUGH_CHAOS:
        best = _best(charset_normalizer.from_bytes(data)) or best
    if best is None:
        return None
    if nul_present and not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    return str(best)


def _best(matches):
    """The least chaotic reading; among near ties the most common encoding, then the most coherent."""
    matches = list(matches)
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    return min(
        (match for match in matches if match.chaos <= least_chaos + _CHAOS_TIE),
        key=lambda match: (_rank(match.encoding), -match.coherence),
    )


def _rank(encoding: str) -> int:
    return _COMMON_ENCODINGS.index(encoding) if encoding in _COMMON_ENCODINGS else len(_COMMON_ENCODINGS)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    limit = len(text) * _MAX_CONTROL_SHARE
    return any(count > limit for count, _ in enumerate(_CONTROL.finditer(text), 1))
