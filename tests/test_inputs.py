"""Reading inputs: every kind of bad input becomes a coded failure, never an exception."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.inputs import read_inputs
from eventwire.model import Source
from eventwire.pipeline import Failure

LIMIT = 1_000_000


def read(*paths: Path | str, stdin: bytes | None = None) -> list[Source | Failure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], LIMIT, stdin=stream))


def only_failure(items: list[Source | Failure]) -> Failure:
    assert len(items) == 1
    assert isinstance(items[0], Failure), items[0]
    return items[0]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E102"),
        ("blank.txt", b"  \n\t\n", "E102"),
        ("binary.txt", bytes(range(256)) * 4, "E106"),
        ("latin1.txt", "Caf\xe9 au lait, r\xe9sum\xe9 of the talks.".encode("latin-1"), "E103"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "E108"),
    ],
)
def test_bad_files_are_reported_with_a_code(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    failure = only_failure(read(path))
    assert failure.code == code
    assert failure.origin == str(path)
    assert failure.reason


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    assert only_failure(read(tmp_path / "nope.txt")).code == "E101"


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"word " * (50 * 1024 * 1024 // 5))
    failure = only_failure(read(path))
    assert failure.code == "E104"
    assert "over the limit" in failure.reason


def test_text_html_and_gzipped_html_are_read_with_their_file_names_as_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    with gzip.open(tmp_path / "sub" / "c.html.gz", "wt", encoding="utf-8") as fh:
        fh.write("<html><body><p>Gz</p></body></html>")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    items = read(tmp_path)
    assert all(isinstance(i, Source) for i in items)
    by_id = {i.id: i for i in items if isinstance(i, Source)}
    assert set(by_id) == {"a", "b", "c"}
    assert by_id["a"].text == "Plain text."
    assert by_id["b"].html is not None and by_id["c"].html is not None


def test_jsonl_lines_become_sources_and_bad_lines_failures(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "one", "text": "First article.", "published": "2025-01-01", "title": "T"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": 7, "html": "<html><body><p>x</p></body></html>"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Source", "Failure", "Failure", "Failure", "Failure", "Source"]
    first, last = items[0], items[-1]
    assert isinstance(first, Source) and first.published == "2025-01-01" and first.title == "T"
    assert isinstance(last, Source) and last.id == "7" and last.html
    codes = [i.code for i in items if isinstance(i, Failure)]
    assert codes == ["E107", "E107", "E107", "E102"]
    assert items[1].origin == f"{path}:2"  # type: ignore[union-attr]


def test_standard_input_is_read_as_text_or_html() -> None:
    text = read("-", stdin=b"An article from a pipe.")
    assert isinstance(text[0], Source) and text[0].text == "An article from a pipe."
    html = read("-", stdin=b"<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert isinstance(html[0], Source) and html[0].html is not None
