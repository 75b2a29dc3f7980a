"""Pronouns and definite nouns that refer back to a person or group named just before.

A deliberately small rule set, not a coreference model: "he"/"she" is the last person
named in the same or the previous sentence, "they"/"them"/"their" the last group named
there, and "the group", "the rebels" (the noun alone after "the") the last group of a
fitting type named there. A pronoun inside a quotation is left alone (in a quote, "we" and "they" are the
speaker's, which the quotes stage knows and this stage does not). "it" is left alone too:
it is too often expletive ("it remains unclear").
"""

from __future__ import annotations

from typing import Any

from eventwire.stages.actors_rules import Link, sentence_window, token_at
from eventwire.stages.parse import text_of, tokens_of

# Possessives are left out: "their homes" names the owner only in passing, and evaluation
# sets (re3d) annotate the pronouns that stand for an actor, not possessive determiners.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "themselves"})
GROUP_TYPES = frozenset({"armed_group", "military", "political_party", "ngo", "religious_group", "ethnic_group"})
# Nouns that, alone after "the", refer back to a group already named, with the types each fits.
ANAPHORIC_NOUNS = {
    "group": GROUP_TYPES - {"military"},
    "movement": frozenset({"armed_group", "political_party"}),
    "militia": frozenset({"armed_group"}),
    "rebels": frozenset({"armed_group"}),
    "insurgents": frozenset({"armed_group"}),
    "militants": frozenset({"armed_group"}),
    "party": frozenset({"political_party"}),
    "fighters": frozenset({"armed_group"}),
    "alliance": frozenset({"armed_group", "political_party", "igo"}),
    "coalition": frozenset({"armed_group", "political_party", "igo"}),
    "bloc": frozenset({"political_party", "igo"}),
    "junta": frozenset({"government_body", "military"}),
}
# Nouns that call a group an insurgent: never a group its own country's state backs (a
# pro-government militia is no "rebel" in its own state's war).
INSURGENT_NOUNS = frozenset({"rebels", "insurgents"})
# Possessive determiners and what each may stand for ("its" a state as well as a group).
POSSESSIVES = {"his": "person", "her": "person", "its": "actor", "their": "group"}
QUOTE_MARKS = '“”"«»„'


def _in_quote(text: str, start: int, end: int) -> bool:
    """Whether an odd number of quotation marks opens before ``start`` within its paragraph."""
    para_start = text.rfind("\n\n", 0, start) + 1
    before = text[para_start:start]
    opens = before.count("“") + before.count("«")
    closes = before.count("”") + before.count("»")
    return opens > closes or before.count('"') % 2 == 1


def pronoun_links(doc: Any, links: list[Link], type_of: dict[str, str]) -> list[Link]:
    """Links for pronouns whose referent is named in the same or the previous sentence."""
    window = sentence_window(doc)
    ordered = sorted(links, key=lambda lk: lk.start)
    text = text_of(doc)
    out = []
    for tok in tokens_of(doc, PERSON_PRONOUNS | GROUP_PRONOUNS):
        if tok.pos_ != "PRON" or tok.dep_ == "poss" or _in_quote(text, tok.idx, tok.idx + len(tok.text)):
            continue
        wanted = "person" if tok.lower_ in PERSON_PRONOUNS else "group"
        ref = _referent(tok, ordered, type_of, window(tok.i), wanted)
        if ref is not None:
            out.append(Link(tok.idx, tok.idx + len(tok.text), tok.text, ref.kind, ref.key, ref.name, "pronoun"))
    return out


def possessor(doc: Any, at: int, links: list[Link], type_of: dict[str, str]) -> Link | None:
    """What the possessive pronoun at character ``at`` stands for ("Its spokesman", "his
    deputy"): "his"/"her" the last person, "its" the last actor of any kind, "their" the last
    group, named in the same or the previous sentence. Used for affiliations only: evaluation
    sets (re3d) do not count possessive determiners as mentions."""
    span = doc.char_span(at, at + 5, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    wanted = POSSESSIVES.get(tok.lower_)
    if wanted is None or _in_quote(text_of(doc), tok.idx, tok.idx + len(tok.text)):
        return None
    lo = sentence_window(doc)(tok.i)
    ordered = sorted(links, key=lambda lk: lk.start)
    subjects = [lk for lk in ordered if lo <= lk.start < tok.idx and _is_subject(doc, lk)]
    # a subject is the salient referent: "X, ... with Damascus, said. Its spokesman" is X's
    return _referent(tok, subjects, type_of, lo, wanted) or _referent(tok, ordered, type_of, lo, wanted)


def _is_subject(doc: Any, lk: Link) -> bool:
    tok = token_at(doc, lk.start, lk.end)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")


def _referent(tok: Any, ordered: list[Link], type_of: dict[str, str], lo: int, wanted: str) -> Link | None:
    """The most recent fitting name between ``lo`` and ``tok``, outside ``tok``'s own clause's
    subject ("X gave them ..."): the rule of the module docstring."""
    candidates = [lk for lk in ordered if lo <= lk.start < tok.idx and _fits(lk, type_of, wanted)]
    subject = _clause_subject_span(tok)
    candidates = [c for c in candidates if not (subject[0] <= c.start < subject[1])]
    return candidates[-1] if candidates else None


def _fits(lk: Link, type_of: dict[str, str], wanted: str) -> bool:
    if wanted == "person":
        return lk.kind == "person"
    if lk.kind == "person":
        return False
    return wanted == "actor" or type_of.get(lk.key, "other") in GROUP_TYPES


def _clause_subject_span(tok: Any) -> tuple[int, int]:
    """Character range covering the subjects of the verb that governs ``tok`` ((0, 0) if none)."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return (0, 0)
    subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
    if not subjects:
        return (0, 0)
    tokens = [t for s in subjects for t in s.subtree]
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))


def definite_links(
    doc: Any, links: list[Link], type_of: dict[str, str], loyalists: frozenset[str] = frozenset()
) -> list[Link]:
    """Links for "the group", "the rebels", "the alliance" ...: the last group of a fitting
    type named in the same or the previous sentence ("the rebels" never one of ``loyalists``,
    the groups their own state backs). A noun with any other modifier ("the armed group of
    former soldiers", "the new party") may introduce someone new and is left alone."""
    taken = [(lk.start, lk.end) for lk in links]
    out = []
    found = tokens_of(doc, frozenset(ANAPHORIC_NOUNS))
    window = sentence_window(doc) if found else None
    for tok in found:
        fits = ANAPHORIC_NOUNS[tok.lower_]
        if tok.pos_ != "NOUN" or window is None:
            continue
        kids = [k for k in tok.children if k.dep_ != "case"]  # "the alliance's leader" too
        if len(kids) != 1 or kids[0].lower_ != "the" or kids[0].i != tok.i - 1:
            continue
        start, end = kids[0].idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        lo = window(tok.i)
        before = [lk for lk in links if lk.kind == "actor" and lo <= lk.start < start and type_of.get(lk.key) in fits]
        if tok.lower_ in INSURGENT_NOUNS:
            before = [lk for lk in before if lk.key not in loyalists]
        if before:
            ref = max(before, key=lambda lk: lk.start)
            out.append(Link(start, end, text_of(doc)[start:end], "actor", ref.key, ref.name, "definite"))
    return out
