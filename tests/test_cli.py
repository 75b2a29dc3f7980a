"""`eventwire analyze`: formats, storage, bad inputs in a batch, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from eventwire.cli import main

ARTICLE = (
    "Rebels seize border town\n\n"
    "Rebel fighters seized the border town of Kidal on Monday after two days of clashes with the army, "
    "local officials told Reuters. The army said it would retake the town.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (d / "broken.html").write_text("<html><body><div><p>Rebel fighters seized the border", encoding="utf-8")
    return d


def test_summary_of_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kidal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(path), "--published", "2025-04-07"]) == 0
    out, err = capsys.readouterr()
    assert "Rebels seize border town" in out
    assert "1 analysed, 0 failed" in err


def test_jsonl_keeps_input_order_and_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": f"n{i}", "text": ARTICLE.replace("Kidal", town)} for i, town in enumerate(["Gao", "Menaka", "Ansongo"])
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert main(["analyze", str(src), "--format", "jsonl"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["article"]["id"] for d in docs] == ["n0", "n1", "n2"]
    assert all(d["schema"] == "eventwire.analysis/1" for d in docs)


def test_bad_inputs_are_reported_and_the_rest_stored(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ew.duckdb"
    status = main(["analyze", str(folder), str(tmp_path / "missing.txt"), "--db", str(db), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 1
    for code in ("E101", "E102", "E103", "E106"):
        assert code in err
    docs = [json.loads(line) for line in out.splitlines()]
    ids = {d["article"]["id"] for d in docs}
    assert "good" in ids
    con = duckdb.connect(str(db), read_only=True)
    stored = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
    failures = con.execute("SELECT count(*) FROM failures").fetchone()
    con.close()
    assert stored == ids
    assert failures is not None and failures[0] >= 4


def test_running_the_same_input_twice_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kidal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "ew.duckdb"

    def counts() -> dict[str, int]:
        con = duckdb.connect(str(db), read_only=True)
        tables = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        found = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]
        con.close()
        return found

    assert main(["analyze", str(path), "--db", str(db)]) == 0
    first = counts()
    assert first["articles"] == 1 and first["mentions"] > 0
    assert main(["analyze", str(path), "--db", str(db)]) == 0
    assert counts() == first
    assert "0 stored, 1 already stored" in capsys.readouterr().err


def test_json_output_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "kidal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["analyze", str(path), "--format", "json", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["article"]["title"] == "Rebels seize border town"
    assert doc["article"]["body"].startswith("Rebel fighters")
