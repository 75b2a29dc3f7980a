"""DuckDB storage: one table per record type, one row per record.

Every row carries the article id and the pipeline version, and every row of an extracted
item its evidence offsets, so a user can say which eventwire coded an event and verify it
against the stored body. An article is written in one transaction: a batch interrupted at
any point leaves whole articles or none, and a re-run skips what is stored (no duplicates).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.model import Analysis, Span
from eventwire.pipeline import Failure

SCHEMA_VERSION = 1
KEY = "article_id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL"
EVIDENCE = "ev_start INTEGER, ev_end INTEGER, ev_text VARCHAR"

TABLES: dict[str, str] = {
    "articles": f"""{KEY}, content_hash VARCHAR, title VARCHAR, url VARCHAR, language VARCHAR,
        published VARCHAR, published_inferred BOOLEAN, publisher VARCHAR, original_reporting VARCHAR,
        machine_translated BOOLEAN, source_language VARCHAR, author VARCHAR, body VARCHAR,
        removed JSON, notices JSON, source_text VARCHAR, translated_by VARCHAR, alignment JSON,
        stored_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (article_id, pipeline_version)""",
    "mentions": f"""{KEY}, kind VARCHAR, entity_id VARCHAR, label VARCHAR, kb_id VARCHAR,
        {EVIDENCE}""",
    "actors": f"""{KEY}, actor_id VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR,
        known BOOLEAN, wikidata VARCHAR, aliases JSON""",
    "people": f"""{KEY}, person_id VARCHAR, name VARCHAR, role VARCHAR, affiliation VARCHAR,
        known BOOLEAN, wikidata VARCHAR""",
    "relations": f"""{KEY}, subject VARCHAR, relation VARCHAR, object VARCHAR, source VARCHAR,
        {EVIDENCE}""",
    "places": f"""{KEY}, name VARCHAR, kind VARCHAR, country VARCHAR, geonameid BIGINT,
        lat DOUBLE, lon DOUBLE""",
    "events": f"""{KEY}, n INTEGER, type VARCHAR, mode VARCHAR, modality VARCHAR, context JSON,
        actor VARCHAR, recipient VARCHAR, location JSON, date VARCHAR, confidence DOUBLE,
        {EVIDENCE}""",
    "quotes": f"""{KEY}, speaker VARCHAR, anonymous BOOLEAN, speaker_description VARCHAR,
        {EVIDENCE}""",
    "quantities": f"""{KEY}, value DOUBLE, unit VARCHAR, approximate BOOLEAN, low DOUBLE,
        high DOUBLE, category VARCHAR, {EVIDENCE}""",
    "times": f"""{KEY}, value VARCHAR, precision VARCHAR, approximate BOOLEAN,
        relative_to_publication BOOLEAN, {EVIDENCE}""",
    "failures": """origin VARCHAR, article_id VARCHAR, pipeline_version VARCHAR, code VARCHAR,
        reason VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp""",
}


def _ev(span: Span | None) -> tuple[Any, Any, Any]:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def rows_of(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """The rows an analysis adds to each table (without the article key columns)."""
    a = analysis.article
    doc = analysis.to_dict()
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    rows["articles"].append((
        a.content_hash, a.title, a.url, a.language, a.published, a.published_inferred, a.publisher,
        a.original_reporting, a.machine_translated, a.source_language, a.author, a.body,
        _j(doc["article"]["removed"]), _j(doc["notices"]), a.source_text, a.translated_by,
        _j(doc["article"]["alignment"]),
    ))  # fmt: skip
    for act in analysis.actors:
        rows["actors"].append((act.id, act.name, act.type, act.country, act.known, act.wikidata, _j(list(act.aliases))))
        rows["mentions"] += [("actor", act.id, None, None, *_ev(m)) for m in act.mentions]
    for p in analysis.people:
        rows["people"].append((p.id, p.name, p.role, p.affiliation, p.known, p.wikidata))
        rows["mentions"] += [("person", p.id, None, None, *_ev(m)) for m in p.mentions]
    for pl in analysis.places:
        rows["places"].append((pl.name, pl.kind, pl.country, pl.geonameid, pl.lat, pl.lon))
        rows["mentions"] += [("place", pl.name, None, None, *_ev(m)) for m in pl.mentions]
    rows["mentions"] += [("raw", None, m.label, m.kb_id, m.start, m.end, m.text) for m in analysis.mentions]
    for r in analysis.relations:
        rows["relations"].append((r.subject, r.relation, r.object, r.source, *_ev(r.evidence)))
    for n, e in enumerate(analysis.events):
        rows["events"].append((
            n, e.type, e.mode, e.modality, _j(list(e.context)), e.actor, e.recipient,
            _j(list(e.location)), e.date, e.confidence, *_ev(e.evidence),
        ))  # fmt: skip
    for q in analysis.quotes:
        rows["quotes"].append((q.speaker, q.anonymous, q.speaker_description, q.start, q.end, q.text))
    for qt in analysis.quantities:
        rows["quantities"].append((
            qt.value, qt.unit, qt.approximate, qt.low, qt.high, qt.category, qt.start, qt.end, qt.text,
        ))  # fmt: skip
    for t in analysis.times:
        rows["times"].append((t.value, t.precision, t.approximate, t.relative_to_publication, t.start, t.end, t.text))
    return rows


class Store:
    """A DuckDB file holding analyses. Use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.Error as err:
            raise StoreError(
                f"cannot open {self.path}: {err}", code="E401", hint="is another process using it?"
            ) from err
        for name, columns in TABLES.items():
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def stored_ids(self, version: str) -> set[str]:
        """Ids of the articles already stored by pipeline ``version``."""
        rows = self.con.execute("SELECT article_id FROM articles WHERE pipeline_version = ?", [version])
        return {r[0] for r in rows.fetchall()}

    def has(self, article_id: str, version: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE article_id = ? AND pipeline_version = ?", [article_id, version]
        ).fetchone()
        return row is not None

    def write(self, analysis: Analysis) -> bool:
        """Store one analysis in one transaction; False when it was stored already."""
        key = (analysis.article.id, analysis.pipeline_version)
        if self.has(*key):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in rows_of(analysis).items():
                if rows:
                    self._insert(table, [(*key, *r) for r in rows])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return True

    def write_failure(self, failure: Failure, version: str) -> None:
        self.con.execute(
            "INSERT INTO failures (origin, article_id, pipeline_version, code, reason) VALUES (?, ?, ?, ?, ?)",
            [failure.origin, failure.id, version, failure.code, failure.reason],
        )

    def _insert(self, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
        rows = list(rows)
        width = len(rows[0])
        columns = self._columns(table)[:width]
        marks = ", ".join("?" * width)
        self.con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _columns(self, table: str) -> list[str]:
        info = self.con.execute(f"PRAGMA table_info('{table}')").fetchall()
        return [r[1] for r in info]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0
