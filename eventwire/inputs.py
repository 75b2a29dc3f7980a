"""Reading articles: files, folders, JSONL and standard input, into :class:`Source` records.

Reading never raises for a bad article: it yields a :class:`~eventwire.pipeline.Failure`
with a code and a reason in the article's place, so the batch goes on and the report keeps
input order.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.api import looks_like_html
from eventwire.errors import (
    BAD_RECORD,
    BINARY,
    EMPTY,
    HINTS,
    MISSING,
    NOT_UTF8,
    TOO_LARGE,
    UNSUPPORTED,
)
from eventwire.model import Source
from eventwire.pipeline import Failure

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _fail(code: str, reason: str, origin: str | None, id: str | None = None) -> Failure:  # noqa: A002
    hint = HINTS.get(code)
    return Failure(id, origin, code, f"{reason}; {hint}" if hint else reason)


def _suffixes(path: Path) -> tuple[str, bool]:
    """The meaningful suffix of ``path`` and whether it is gzipped ("a.html.gz")."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def _stem(path: Path) -> str:
    name = path.name
    for _ in range(2):
        if "." in name:
            name = name.rsplit(".", 1)[0]
    return name


def decode(data: bytes, origin: str, max_bytes: int) -> str | Failure:
    """Bytes to text, or the reason they are not an article."""
    if len(data) > max_bytes:
        return _fail(TOO_LARGE, f"{len(data):,} bytes is over the limit of {max_bytes:,}", origin)
    if not data.strip():
        return _fail(EMPTY, "empty input", origin)
    if b"\x00" in data[:8192]:
        return _fail(BINARY, "binary data (NUL bytes)", origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return _fail(NOT_UTF8, f"not valid UTF-8 at byte {err.start}", origin)
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        return _fail(BINARY, "binary data (control characters)", origin)
    return text


def _read_bytes(path: Path, gz: bool, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, so a huge file never sits whole in memory."""
    opener: BinaryIO
    with gzip.open(path, "rb") if gz else path.open("rb") as opener:  # type: ignore[assignment]
        return opener.read(max_bytes + 1)


def read_path(path: Path, max_bytes: int) -> Iterator[Source | Failure]:
    """The articles in one file or folder."""
    origin = str(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if _suffixes(child)[0] in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                yield from read_path(child, max_bytes)
        return
    if not path.exists():
        yield _fail(MISSING, "no such file or folder", origin)
        return
    suffix, gz = _suffixes(path)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        yield _fail(UNSUPPORTED, f"unsupported file type {suffix or '(none)'!r}", origin)
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, gz, max_bytes)
        return
    try:
        data = _read_bytes(path, gz, max_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield _fail(MISSING, f"cannot read: {err}", origin)
        return
    text = decode(data, origin, max_bytes)
    if isinstance(text, Failure):
        yield text
        return
    is_html = suffix in HTML_SUFFIXES
    yield Source(
        id=_stem(path),
        text=None if is_html else text,
        html=text if is_html else None,
        origin=origin,
    )


def _read_jsonl_file(path: Path, gz: bool, max_bytes: int) -> Iterator[Source | Failure]:
    """Stream a JSONL file line by line: a corpus file may be far larger than memory."""
    try:
        with gzip.open(path, "rb") if gz else path.open("rb") as fh:
            yield from read_jsonl(fh, str(path), max_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield _fail(MISSING, f"cannot read: {err}", str(path))


def read_jsonl(lines: Iterable[bytes], origin: str, max_bytes: int) -> Iterator[Source | Failure]:
    """One article per JSONL line: ``{"id", "text" | "html", "title"?, "url"?, "published"?}``."""
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        line = decode(raw, where, max_bytes)
        if isinstance(line, Failure):
            yield line
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield _fail(BAD_RECORD, f"invalid JSON: {err.msg}", where)
            continue
        if not isinstance(row, dict):
            yield _fail(BAD_RECORD, "the line is not a JSON object", where)
            continue
        yield _source_of(row, where)


def _source_of(row: dict[str, object], where: str) -> Source | Failure:
    rid = row.get("id")
    rid = str(rid) if rid is not None else None
    text, html = row.get("text"), row.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return _fail(BAD_RECORD, 'no "text" or "html" string', where, rid)
    body = text if isinstance(text, str) else html
    if not str(body).strip():
        return _fail(EMPTY, "empty text", where, rid)
    if isinstance(text, str) and looks_like_html(text):
        text, html = None, text

    def opt(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value is not None else None

    return Source(
        id=rid,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and text is None else None,
        title=opt("title"),
        url=opt("url"),
        published=opt("published"),
        origin=where,
    )


def read_inputs(inputs: Iterable[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Source | Failure]:
    """Every article named by ``inputs`` (paths, folders, or ``-`` for standard input)."""
    for item in inputs:
        if item == "-":
            stream = stdin or sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            text = decode(data, "<stdin>", max_bytes)
            if isinstance(text, Failure):
                yield text
            elif looks_like_html(text):
                yield Source(html=text, origin="<stdin>")
            else:
                yield Source(text=text, origin="<stdin>")
        else:
            yield from read_path(Path(item), max_bytes)
