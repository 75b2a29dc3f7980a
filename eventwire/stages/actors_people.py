"""People within an article: roles, affiliations, surnames and titles standing for names.

"Prime Minister Mohammed Shia Al-Sudani" gives the role; "Sudani" and "the Prime Minister"
later in the article are the same person; "Farhad Alaeldin, Sudani's adviser" takes the
apposition as role and Sudani's affiliation as his own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.kb import KnowledgeBase
from eventwire.names import fold, loose, slug
from eventwire.stages.actors_rules import LEXICONS, Link, guess_type, token_at
from eventwire.stages.parse import text_of, tokens_of


@lru_cache(maxsize=2)
def titles(path: Path = LEXICONS / "titles.txt") -> tuple[str, ...]:
    """Titles, longest first so "Prime Minister" wins over "Minister"."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
    return tuple(sorted(found, key=len, reverse=True))


_OWNER = re.compile(r"(?P<owner>[A-Z][\w.\-]*)(?:['’]s)?\s+$")


@dataclass
class PersonInfo:
    """What the article says about one person."""

    key: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    kb_id: str | None = None
    links: list[Link] = field(default_factory=list)
    owner_at: tuple[int, ...] = ()  # where a title's owner may be named; resolved once links are known


def surname_key(name: str) -> str:
    """The part of a name used alone for the person ("Al-Sudani" -> "sudani")."""
    words = loose(name).split()
    return words[-1] if len(words) >= 2 else ""


def title_before(body: str, start: int) -> tuple[str | None, str | None]:
    """A title written just before a name, and its owner ("Iraqi Prime Minister" -> Iraqi).

    Matched in any case: wire style writes "Army spokesman Nabil Abdallah" in lower case."""
    window = body[max(0, start - 80) : start].rstrip()
    low = window.lower()
    title = next((t for t in titles() if low.endswith(t.lower()) and not window[: -len(t)][-1:].isalnum()), None)
    if title is None:
        return None, None
    m = _OWNER.search(window[: -len(title)])
    return window[-len(title) :], (m.group("owner") if m else None)


def title_start(body: str, start: int, title: str) -> int:
    """Where the title ``title_before`` found for the name at ``start`` begins."""
    return len(body[:start].rstrip()) - len(title)


def apposition_role(doc: Any, link: Link) -> tuple[str | None, Any]:
    """The apposition after a name ("X, a senior politician near the alliance,") and its head."""
    tok = token_at(doc, link.start, link.end)
    if tok is None:
        return None, None
    for child in tok.children:
        if child.dep_ == "appos" and child.i > tok.i:
            role = _phrase(doc, child)
            if role:
                return role, child
    return None, None


def apposed_title(doc: Any, link: Link) -> tuple[str | None, Any]:
    """The title a name stands in apposition to ("His deputy, Abdelrahim Musa, said") and
    the title's owner ("His"), or (None, None)."""
    tok = token_at(doc, link.start, link.end)
    if tok is None or tok.dep_ != "appos" or tok.head.i >= tok.i or tok.head.pos_ != "NOUN":
        return None, None
    head = tok.head
    words = [t for c in head.lefts if c.dep_ in ("compound", "amod") for t in c.subtree] + [head]
    role = text_of(doc)[min(t.idx for t in words) : head.idx + len(head.text)]
    owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
    return role, owner


def _phrase(doc: Any, head: Any) -> str | None:
    """The words of an apposition, without its article, a clause that follows it ("known as
    Hemedti", "who fled") or an unclosed bracket ("spokesman for the Alliance (AFC")."""
    # a clause anywhere in it ends the role: "head of the Front, who received 18 years"
    clauses = [c for c in head.subtree if c.dep_ in ("relcl", "acl") and c.i > head.i]
    cut = min((t.i for c in clauses for t in c.subtree), default=None)
    words = [t for t in head.subtree if (cut is None or t.i < cut) and (not t.is_punct or t.text == "-")]
    while words and words[0].lower_ in ("a", "an", "the"):
        words = words[1:]
    if not words:
        return None
    text = str(text_of(doc)[words[0].idx : words[-1].idx + len(words[-1].text)])
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")]
    return text.rstrip(" ,;-") or None


def title_links(body: str, people: list[PersonInfo]) -> list[Link]:
    """ "the Prime Minister" for the one person in the article with that role."""
    out: list[Link] = []
    for title in titles():
        holders = [p for p in people if p.role and fold(p.role).endswith(fold(title))]
        if len(holders) != 1:
            continue
        p = holders[0]
        for m in re.finditer(rf"\b[Tt]he {re.escape(title)}\b(?!\s+[A-Z])", body):
            out.append(Link(m.start(), m.end(), m.group(0), "person", p.key, p.name, "title"))
    return out


def surname_links(body: str, people: list[PersonInfo], taken: list[tuple[int, int]]) -> list[Link]:
    """Bare surnames of people already named ("Sudani"), where nothing else claims the words."""
    by_surname: dict[str, list[PersonInfo]] = {}
    for p in people:
        key = surname_key(p.name)
        if len(key) >= 3:
            by_surname.setdefault(key, []).append(p)
    out: list[Link] = []
    for m in re.finditer(r"\b(?:[Aa][l]-)?[A-Z][\w\-]+", body):
        owners = by_surname.get(loose(m.group(0)))
        if not owners or len(owners) != 1:
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        p = owners[0]
        out.append(Link(m.start(), m.end(), m.group(0), "person", p.key, p.name, "surname"))
    return out


def kb_role(kb: KnowledgeBase, kb_id: str | None) -> tuple[str | None, str | None]:
    """Office and affiliation (as names) the knowledge base gives a person."""
    rec = kb.get(kb_id) if kb_id else None
    if rec is None:
        return None, None
    owner = kb.get(rec.office_of or rec.affiliation)
    return (rec.office or None), (owner.name if owner else None)


def affiliation_of(owner: str | None, kb: KnowledgeBase, people: dict[str, PersonInfo]) -> str | None:
    """The state or group a title's owner or a possessor names ("Iraqi", "Sudani's")."""
    if not owner:
        return None
    rid = kb.demonyms.get(fold(owner))
    if rid:
        return kb.records[rid].name
    match = kb.lookup(owner, person=False, fuzzy=False)
    if match is not None:
        return match.record.name
    for p in people.values():
        if surname_key(p.name) == loose(owner) or fold(p.name) == fold(owner):
            return p.affiliation
    return None


@lru_cache(maxsize=2)
def title_words() -> frozenset[str]:
    """The last word of every title, lower-cased ("marshal", "commander", "spokesman")."""
    return frozenset(t.split()[-1].lower() for t in titles())


_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "a"})


def titled_people(doc: Any, kb: KnowledgeBase, links: list[Link], unknown: str, person: str) -> list[Link]:
    """``links`` with the names written after a title that the tagger missed or read as an
    organisation ("Field Marshal Birhanu Jula", "the mission commander, Godfrey Otunge,")
    linked as people: two to four capitalised proper nouns after a title, or after "the
    <title>," in apposition, that no knowledge-base record names and no rule has linked
    (an unknown organisation the tagger guessed may be replaced)."""
    words = title_words()
    body = text_of(doc)
    out = list(links)
    for tok in tokens_of(doc, words):
        i = tok.i + 1
        if i < len(doc) and doc[i].text == ",":
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is None or (prev.lower_ not in _DETERMINERS and prev.dep_ != "compound"):
                continue  # only "the commander, X," / "army commander, X," stand in apposition
            i += 1
        while i < len(doc) and doc[i].lower_ in words and doc[i].is_title:
            i += 1  # "army chief General X": the second title belongs to the name's role too
        run: list[Any] = []
        while i < len(doc) and len(run) < 5 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            run.append(doc[i])
            i += 1
        if not 2 <= len(run) <= 4:
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        name = body[start:end]
        if guess_type(name) != "other" or kb.lookup(name, person=False, fuzzy=False) is not None:
            continue
        clash = [lk for lk in out if lk.start < end and start < lk.end]
        if any(not lk.key.startswith(unknown) for lk in clash):
            continue
        out = [lk for lk in out if lk not in clash]
        out.append(Link(start, end, name, "person", person + slug(loose(name)), name, "title"))
    return sorted(out, key=lambda lk: lk.start)
