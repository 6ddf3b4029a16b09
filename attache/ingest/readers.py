"""Inputs (files, directories, ``-``, JSONL) -> RawDocument, or InputError for each bad one.

Reading never raises: every problem with one input (missing, unreadable, too large, a bad
JSONL line) is yielded as an ``InputError`` naming it, and the next input is read.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from attache.display import one_line
from attache.errors import InputError
from attache.ingest.guard import MAX_DOCUMENT_BYTES, guard
from attache.ingest.raw import RawDocument

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl",)
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
DEFAULT_MAX_BYTES = MAX_DOCUMENT_BYTES
MAX_PUBLISHED_CHARS = 40  # longer than any date with a time and a zone
# Opened so that a device, a FIFO or a /proc file can never block the reader.
_KERNEL_FOLDERS = ("/proc/", "/sys/")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)

# A comment ends at its first "-->": with ".*?" a run of comments could be split in 2**n
# ways, and 30 empty comments before a non-HTML start took minutes.
_HTML_START = re.compile(rb"\s*(?:<!--(?:(?!-->).)*-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html)", re.I | re.S)
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PUBLISHED_WITH_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?")
_JSONL_TEXT_FIELDS = ("id", "text", "html", "published", "url", "source", "title")

Item = RawDocument | InputError


def iter_raw(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Yield one RawDocument (or InputError) per document found in ``inputs``, in order.

    ``published`` (e.g. from ``--published``) is given to every document that lacks its own;
    it is checked here, so a malformed value raises ``InputError("--published", ...)`` at once.
    """
    hint = normalize_published(published, "--published") if published else None
    return (guard(item, max_bytes) for item in _iter_inputs(list(inputs), hint, stdin, max_bytes))


def normalize_published(value: object, origin: str) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``) from a given publication date; a time part is dropped."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(origin, f"published must be a date string, not {type(value).__name__}")
    text = value.strip()
    if len(text) > MAX_PUBLISHED_CHARS:
        raise InputError(origin, f"published {value[:MAX_PUBLISHED_CHARS]!r}... is not a date (use YYYY-MM-DD)")
    with_time = _PUBLISHED_WITH_TIME.fullmatch(text)
    if with_time:
        text = with_time.group(1)
    match = _PUBLISHED.fullmatch(text)
    if not match or not _valid_date(*match.groups()):
        raise InputError(origin, f"published {value!r} is not a date (use YYYY-MM-DD)")
    return text


def _valid_date(year: str, month: str | None, day: str | None) -> bool:
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _iter_inputs(
    inputs: list[str], hint: str | None, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[Item]:
    for given in inputs:
        if given == STDIN:
            yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer, hint, max_bytes)
        elif os.path.isdir(given):
            for path in _walk(given):
                if isinstance(path, InputError):
                    yield path
                else:
                    yield from _read_path(path, hint, max_bytes)
        else:
            yield from _read_path(given, hint, max_bytes)


def _walk(directory: str, seen: set[str] | None = None) -> Iterator[str | InputError]:
    """Files under ``directory``, sorted, recursing into subdirectories, skipping hidden names.

    Only listing the folder itself can fail here: an entry whose type cannot be read (a
    symbolic link loop) is given as a file, for the reader to report on its own.
    """
    seen = seen if seen is not None else set()
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as error:
        yield InputError(directory, f"cannot read directory: {_os_reason(error)}")
        return
    for name in names:
        path = os.path.join(directory, name)
        if os.path.isdir(path):  # False, not an error, when the entry cannot be followed
            yield from _walk(path, seen)
        else:
            yield path


def _read_path(path: str, hint: str | None, max_bytes: int) -> Iterator[Item]:
    handle = open_regular_file(path)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        if path.lower().endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(handle, path, hint, max_bytes)
        else:
            yield _read_file(handle, path, hint, max_bytes)


def open_regular_file(path: str) -> BinaryIO | InputError:
    """``path`` opened for reading when it is (or links to) a regular file; else why not.

    The file is opened without blocking and its type read from the open file, so a link to a
    FIFO, a device (``/dev/zero``) or a terminal is refused before a byte is read; so is a
    link into the kernel's own files (``/proc/self/mem``, ``/proc/kmsg``, ``/sys``).
    """
    if os.path.realpath(path).startswith(_KERNEL_FOLDERS):
        return InputError(path, f"is a file of the kernel's ({one_line(os.path.realpath(path))}), not a document")
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return InputError(path, _open_reason(path, error))
    try:
        mode = os.fstat(fd).st_mode
    except OSError as error:
        os.close(fd)
        return InputError(path, _os_reason(error))
    if not stat.S_ISREG(mode):
        os.close(fd)
        return InputError(path, f"not a regular file ({_file_type(mode)})")
    return os.fdopen(fd, "rb")


def _open_reason(path: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if error.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    if error.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket, or a device with nothing behind it
        try:
            return f"not a regular file ({_file_type(os.stat(path).st_mode)})"
        except OSError:
            pass
    return _os_reason(error)


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _read_file(handle: BinaryIO, path: str, hint: str | None, max_bytes: int) -> Item:
    try:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            return InputError(path, _too_large(size, max_bytes))
        data = handle.read(max_bytes + 1)
    except OSError as error:
        return InputError(path, _os_reason(error))
    if data is None:  # a file of the kernel's that has nothing to give yet (/proc/kmsg)
        return InputError(path, "file cannot be read without waiting")
    if len(data) > max_bytes:
        return InputError(path, _too_large(len(data), max_bytes))
    kind = "html" if path.lower().endswith(HTML_SUFFIXES) or looks_like_html(data) else "text"
    return RawDocument(doc=os.path.basename(path), origin=path, kind=kind, content=data, published_fallback=hint)


def _read_stdin(stream: BinaryIO, hint: str | None, max_bytes: int) -> Item:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        return InputError(STDIN_ORIGIN, _os_reason(error))
    if len(data) > max_bytes:
        return InputError(STDIN_ORIGIN, f"input is over the {_megabytes(max_bytes)} limit")
    kind = "html" if looks_like_html(data) else "text"
    return RawDocument(doc="stdin", origin=STDIN_ORIGIN, kind=kind, content=data, published_fallback=hint)


def looks_like_html(data: bytes) -> bool:
    """True when the first bytes open an HTML document (doctype or <html>, after a BOM or comments)."""
    head = data[:2048].removeprefix(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def _read_jsonl(handle: BinaryIO, path: str, hint: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        for number, line in _numbered_lines(handle, max_bytes):
            origin = f"{path}:{number}"
            if line is None:
                yield InputError(origin, f"line is over the {_megabytes(max_bytes)} limit")
            elif line.strip():
                yield _jsonl_document(line, origin, path, number, hint)
    except OSError as error:
        yield InputError(path, _os_reason(error))


def _numbered_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` from 1; a line over ``max_bytes`` is skipped and given as None."""
    number = 0
    while line := handle.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield number, None
            continue
        yield number, line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_document(line: bytes, origin: str, path: str, number: int, hint: str | None) -> Item:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return InputError(origin, "line is not UTF-8 text")
    except json.JSONDecodeError as error:
        return InputError(origin, f"invalid JSON: {error.msg.removesuffix(' at')} at column {error.colno}")
    except RecursionError:  # the parser's own depth limit: arrays or objects nested ~1,000 deep
        return InputError(origin, "JSON is nested too deeply to read")
    if not isinstance(record, dict):
        return InputError(origin, f"line is a JSON {type(record).__name__}, not an object")
    try:
        fields = {name: _jsonl_field(record, name, origin) for name in _JSONL_TEXT_FIELDS}
        published = normalize_published(fields["published"], origin)
    except InputError as error:
        return error
    text, html = fields["text"], fields["html"]
    if not (text or "").strip() and not (html or "").strip():
        return InputError(origin, 'line has no "text" or "html"')
    doc = fields["id"] or f"{os.path.basename(path)}:{number}"
    common = dict(
        doc=doc,
        origin=origin,
        published=published,
        published_fallback=hint,
        url=fields["url"],
        source=fields["source"],
        title=fields["title"],
    )
    if (text or "").strip():
        return RawDocument(kind="text", text=text, **common)
    return RawDocument(kind="html", html=html, **common)


def _jsonl_field(record: dict, name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(origin, f'"{name}" must be a string, not {type(value).__name__}')
    return value.strip() if name != "text" and name != "html" else value


def count_documents(inputs: Iterable[str]) -> int | None:
    """How many items ``iter_raw(inputs)`` will yield, found without reading any document.

    A file is one; a ``.jsonl`` file is its non-blank lines (newline bytes counted in
    chunks); a directory is what ``_walk`` finds under it. None when ``-`` (stdin) is given:
    its count is unknown until it is read. Cheap enough to run before a batch for its ETA.
    """
    count = 0
    for given in inputs:
        if given == STDIN:
            return None
        paths = _walk(given) if os.path.isdir(given) else (given,)
        for path in paths:
            count += 1 if isinstance(path, InputError) else _count_path(path)
    return count


_COUNT_CHUNK = 1 << 20


def _count_path(path: str) -> int:
    if not path.lower().endswith(JSONL_SUFFIXES):
        return 1
    handle = open_regular_file(path)  # as the reader opens it: a link to /dev/zero never ends
    if isinstance(handle, InputError):
        return 1  # the reader reports it once
    try:
        with handle:
            return _count_jsonl_lines(handle)
    except OSError:
        return 1


def _count_jsonl_lines(handle: BinaryIO) -> int:
    """Non-blank lines of ``handle``, split on newline bytes a chunk at a time (as the reader splits)."""
    lines = 0
    blank_so_far = True  # the line the last chunk ended in has only whitespace so far
    chunk = (handle.read(_COUNT_CHUNK) or b"").removeprefix(b"\xef\xbb\xbf")  # as the reader drops it
    while chunk:
        pieces = chunk.split(b"\n")  # the first ends the current line, the last starts the next
        blank_so_far = blank_so_far and _blank(pieces[0])
        if len(pieces) > 1:
            lines += (not blank_so_far) + sum(1 for line in pieces[1:-1] if not _blank(line))
            blank_so_far = _blank(pieces[-1])
        chunk = handle.read(_COUNT_CHUNK)
    return lines + (not blank_so_far)


def _blank(line: bytes) -> bool:
    return not line or line.isspace()


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {_megabytes(max_bytes)} limit"


def _megabytes(count: int) -> str:
    return f"{count / 1e6:g} MB"


def _os_reason(error: OSError) -> str:
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]
