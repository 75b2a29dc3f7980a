"""Within-article rules of the actors stage that do not concern people.

Each rule reads the parse or the body and returns :class:`Link` records: a stretch of the
body and what it refers to (a knowledge-base id, or an unknown actor's key).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.kb import KnowledgeBase
from eventwire.names import fold

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"

# Nouns that, after a demonym, name the state itself ("Iraqi authorities", "US officials").
STATE_NOUNS = frozenset({
    "government", "authorities", "officials", "forces", "troops", "army", "military", "navy", "administration",
    "security", "ministry", "officers", "soldiers", "diplomats", "negotiators", "leaders", "leadership", "regime",
})  # fmt: skip
# Prepositions after which a capital is a place, not the government ("in Baghdad").
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "toward",
        "towards",
        "through",
        "via",
        "within",
        "over",
    ]
)
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "poss", "appos", "conj"})
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z\-]{1,9})\s*\)")


@dataclass(frozen=True, slots=True)
class Link:
    """A stretch of the body that refers to an actor or a person."""

    start: int
    end: int
    text: str
    kind: str  # "actor" or "person"
    key: str  # a knowledge-base id, or "u:<slug>" for an actor the base lacks
    name: str  # the surface name of an unknown actor; the record name for a known one
    how: str = "kb"


@lru_cache(maxsize=2)
def actor_cues(path: Path = LEXICONS / "actor_cues.json") -> dict[str, tuple[str, ...]]:
    """Head words that reveal an unknown actor's type, by type."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


def guess_type(name: str, cues: dict[str, tuple[str, ...]] | None = None) -> str:
    """The actor type a name's words suggest ("Free Syrian Army" -> armed_group)."""
    words = f" {fold(name)} "
    for kind, heads in (cues or actor_cues()).items():
        if any(f" {h} " in words for h in heads):
            return kind
    return "other"


def token_at(doc: Any, start: int, end: int) -> Any:
    """The syntactic head of the tokens covering ``start:end`` (None if none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def is_metonymic(doc: Any, start: int, end: int) -> bool:
    """Whether a place name here acts as a government: subject, object, "told Baghdad"."""
    tok = token_at(doc, start, end)
    if tok is None:
        return False
    if tok.dep_ == "pobj":
        return tok.head.lower_ not in LOCATIVE
    if tok.dep_ == "compound":
        return False
    return tok.dep_ in ACTOR_DEPS or tok.dep_ == "ROOT"


def demonym_link(doc: Any, kb: KnowledgeBase, start: int, end: int, text: str) -> Link | None:
    """A nationality adjective as its state, with the state noun it governs ("Iraqi authorities")."""
    rid = kb.demonyms.get(fold(text))
    if rid is None:
        return None
    rec = kb.records[rid]
    tok = token_at(doc, start, end)
    if tok is not None and tok.dep_ in ("amod", "compound") and tok.head.lower_ in STATE_NOUNS and tok.head.i > tok.i:
        head = tok.head
        stop = head.idx + len(head.text)
        return Link(start, stop, doc.text[start:stop], "actor", rid, rec.name, "demonym")
    return Link(start, end, text, "actor", rid, rec.name, "demonym")


def acronym_links(body: str, links: list[Link]) -> list[Link]:
    """Acronyms defined in the text ("Revolutionary Guard (IRGC)") and their later uses."""
    out: list[Link] = []
    by_end = {lk.end: lk for lk in links}
    for m in _ACRONYM.finditer(body):
        acronym = m.group(1)
        if not any(c.isupper() for c in acronym[1:]):
            continue
        before = body[: m.start()].rstrip()
        owner = by_end.get(len(before))
        if owner is None:
            continue
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", body):
            out.append(Link(use.start(), use.end(), acronym, owner.kind, owner.key, owner.name, "acronym"))
    return out


def description_links(body: str, kb: KnowledgeBase, present: set[str]) -> list[Link]:
    """Definite descriptions of actors already named in the article ("the resistance group")."""
    out = []
    lowered = body.lower()
    for rid in present:
        rec = kb.records.get(rid)
        if rec is None:
            continue
        for desc in rec.descriptions:
            needle = desc.lower()
            for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", lowered):
                out.append(Link(m.start(), m.end(), body[m.start() : m.end()], "actor", rid, rec.name, "description"))
    return out


def capital_links(doc: Any, kb: KnowledgeBase, mentions: list[Any]) -> list[Link]:
    """Capitals used for their governments: "Baghdad said", "told Washington"."""
    out = []
    for m in mentions:
        if m.label != "GPE" and m.kb_id is None:
            continue
        rid = kb.capitals.get(fold(m.text))
        if rid is None or not is_metonymic(doc, m.start, m.end):
            continue
        out.append(Link(m.start, m.end, m.text, "actor", rid, kb.records[rid].name, "capital"))
    return out
