"""What the event coder reads around a trigger besides its roles: the PLOVER mode of an
ASSAULT (its instruments) or an AID (what is given), and the PLOVER contexts of a passage."""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.attrs import LEMMA
from spacy.strings import get_string_id

from eventwire.stages.events_lexicon import Cues
from eventwire.stages.quantities_rules import load_units

Token = Any
ASSAULT_MODE_ORDER = (
    "unconventional",
    "suicide-attack",
    "drone",
    "aerial",
    "explosives",
    "heavy-weapons",
    "firearms",
    "beat",
)


def assault_mode(tok: Token, cues: Cues) -> str | None:
    """The ASSAULT mode shown by the trigger, its modifiers and its instruments."""
    words = {tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            words |= {t.lemma_.lower() for t in c.subtree}
        if c.dep_ == "prep" and c.lemma_ in ("with", "by", "in", "using"):
            words |= {t.lemma_.lower() for t in c.subtree}
    return _first_mode(words, cues)


def _first_mode(words: set[str], cues: Cues) -> str | None:
    modes = {cues.assault_modes[w] for w in words if w in cues.assault_modes}
    return next((m for m in ASSAULT_MODE_ORDER if m in modes), None)


def result_mode(tok: Token, cues: Cues) -> str | None:
    """The ASSAULT mode of a participle of result ("fired live bullets into the crowd, killing
    five", "used live ammunition to disperse them, killing three"): the weapons named by the
    clause it follows, its subject, object and instruments."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG":
        return None
    head = tok.head
    for _ in range(3):
        words = {head.lemma_.lower()}
        for c in head.children:
            if c.dep_ in ("nsubj", "dobj") or (c.dep_ == "prep" and c.lemma_ in ("with", "by", "using")):
                words |= {t.lemma_.lower() for t in c.subtree}
        found = _first_mode(words, cues)
        if found is not None or head.dep_ not in ("xcomp", "advcl", "conj") or head.head.i == head.i:
            return found
        head = head.head
    return None


def aid_mode(given: Token, cues: Cues) -> str | None:
    """The AID mode shown by what is given ("weapons": military, "food": humanitarian), or by
    what a sum is given as ("10 million euros in humanitarian aid"); money as such is economic."""
    kinds = [given, *(g for p in given.children if p.dep_ == "prep" and p.lemma_ in ("in", "of") for g in p.children)]
    if is_money(given) and given.head.i != given.i:
        # "pledged 5 million yuan in humanitarian assistance", with "in" on the verb
        kinds += [g for p in given.head.children if p.dep_ == "prep" and p.lemma_ == "in" for g in p.children]
    for kind in kinds:
        words = [kind.lemma_.lower(), *(c.lemma_.lower() for c in kind.children if c.dep_ in ("amod", "compound"))]
        found = next((cues.aid_modes[w] for w in words if w in cues.aid_modes), None)
        if found is not None:
            return found
    return "economic" if is_money(given) else None


def is_money(tok: Token) -> bool:
    """A sum of money: "$300 million", "10 million euros", "£40m" (the currencies are those
    of the quantities stage)."""
    units = load_units()
    if tok.ent_type_ == "MONEY" or tok.lower_ in units.currency_words or tok.lemma_.lower() in units.currency_words:
        return True
    before = tok.doc[max(tok.left_edge.i, tok.i - 4) : tok.i]
    return any(t.lower_ in units.currency_symbols for t in before)


def contexts(span: Any, cues: Cues) -> list[str]:
    """PLOVER contexts whose keywords occur in ``span``, most frequent first."""
    # counted in the parse's arrays: iterating a whole document builds an object per token
    counts = span.count_by(LEMMA) if hasattr(span, "count_by") else Counter(t.lemma for t in span)
    scores = {c: sum(counts.get(get_string_id(w), 0) for w in words) for c, words in cues.contexts.items()}
    return [c for c, n in sorted(scores.items(), key=lambda x: -x[1]) if n > 0]
