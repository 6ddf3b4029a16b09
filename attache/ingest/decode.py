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
    text = _try(data, "utf-8")
    if text is not None:
        return text
    if declared:
        text = _try(data, declared)
        if text is not None:
            return text
    if b"\x00" not in data:
        text = _mostly_utf8(data)
        if text is not None:
            return text
    return _detect(data, nul_present=b"\x00" in data)


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
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    if nul_present and not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    return str(best)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    limit = len(text) * _MAX_CONTROL_SHARE
    controls = 0
    for _ in _CONTROL.finditer(text):
        controls += 1
        if controls > limit:
            return True
    return False
