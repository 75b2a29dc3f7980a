"""The ``quotes`` stage: direct and partial quotes with their speakers.

Quotes are found in straight and curly double marks, including quotes that run over
paragraphs (a paragraph that opens a quote without closing it, followed by one that opens
again). The speaker comes from the speech verb that governs the quote ("X said", "said
X", "X told Reuters that ... 'very advanced'"); a pronoun ("he added") is the last fitting
speaker; an unnamed source ("a commander of Kataib Hezbollah") is ``anonymous`` with the
description kept and the group it names as speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.attrs import LEMMA

from eventwire.config import Options
from eventwire.model import Analysis, Quote, Span
from eventwire.stages.parse import text_of, tokens_of

LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"
PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
TRIM = " ,.;:!?-–—"
SUBJECTS = ("nsubj", "nsubjpass")
MIN_WORDS = 2  # a single quoted word is a term, not a quote ("so-called 'resistance'")


@lru_cache(maxsize=2)
def speech_verbs(path: Path = LEXICONS / "speech_verbs.txt") -> frozenset[str]:
    """Lemmas of verbs that introduce speech."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=2)
def appraisal_verbs(path: Path = LEXICONS / "appraisal_verbs.txt") -> frozenset[str]:
    """Lemmas of verbs that judge someone by quoted words ("thanked X for its 'courage'")."""
    return speech_verbs(path)


@dataclass(frozen=True)
class Speaker:
    """Who spoke: a canonical name (or None), and whether the source is unnamed."""

    name: str | None
    anonymous: bool = False
    description: str | None = None
    span: Span | None = None


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks, trimmed of edge punctuation."""
    return [(start, end) for start, end, term in _marked_spans(body) if not term]


def _marked_spans(body: str) -> list[tuple[int, int, bool]]:
    """Quoted stretches with, for each, whether it reads as a scare quote or a term."""
    out = []
    i = 0
    while i < len(body):
        ch = body[i]
        close = PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = _close_of(body, i, ch, close)
        if j < 0:
            i += 1
            continue
        para_break = body.find("\n\n", i, j)
        if para_break >= 0 and not body[para_break:j].lstrip().startswith(ch):
            i = para_break  # the mark does not close here: an unbalanced quote
            continue
        start, end = i + 1, j
        while start < end and body[start] in TRIM + "\n":
            start += 1
        while end > start and body[end - 1] in TRIM + "\n":
            end -= 1
        if len(body[start:end].split()) >= MIN_WORDS or _standalone(body, i, j):
            out.append((start, end, _term(body, i, j)))
        i = j + 1
    return out


def _close_of(body: str, i: int, ch: str, close: str) -> int:
    """Where the quote opened at ``i`` closes. A straight mark that opens the next paragraph
    reopens a quote its paragraph left open ("... away.\n\n"We will stay ...") rather than
    closing it: the close is that paragraph's."""
    j = body.find(close, i + 1)
    while close == ch and j >= 0:
        brk = body.rfind("\n\n", i, j)
        nxt = body.find(close, j + 1)
        if brk < 0 or body[brk:j].strip() or nxt < 0:
            break
        j = nxt
    return j


# Words after which a short quoted phrase is a term being named, not words being reported
# ("a bill on 'foreign agents' that ...", "the so-called 'special operation' in ...").
_TERM_BEFORE = re.compile(r"\b(?:on|of|about|against|for|a|an|the|its|their|his|her|so-called|dubbed|termed) $", re.I)


_NICKNAME = re.compile(r"\b[A-Z][\w'’.-]+ $")
_NAMING = re.compile(r"\b(?:so-called|dubbed|termed|known as)\W*$", re.I)
_NAME_AFTER = re.compile(r" [A-Z][\w'’.-]+")


def _term(body: str, i: int, j: int) -> bool:
    """A quoted phrase of at most three words with no punctuation of its own, inside a noun
    phrase and followed by more of the sentence: a scare quote or a term, never a quote."""
    inner = body[i + 1 : j]
    if len(inner.split()) > 3 or any(c in inner for c in ",.!?;:"):
        return False
    if _NICKNAME.search(body[max(0, i - 20) : i]) and _NAME_AFTER.match(body[j + 1 : j + 30]):
        return True  # a byname inside a person's name: Jimmy "Barbecue" Chérizier
    after = body[j + 1 : j + 3]
    return bool(_TERM_BEFORE.search(body[max(0, i - 12) : i])) and after[:1] not in ".,;:!?" and after.strip() != ""


def _standalone(body: str, i: int, j: int) -> bool:
    """A short quote set off by a speech verb nearby ("were 'very advanced,'")."""
    return 0 < j - i < 60 and bool(body[i + 1 : j].strip())


class Speakers:
    """Maps text positions to the article's actors and people, and tracks the last speaker."""

    def __init__(self, analysis: Analysis) -> None:
        self.owner = analysis.mention_owners()
        self.last: Speaker | None = None

    def named(self, tok: Any) -> tuple[str, bool] | None:
        """The entity whose mention covers ``tok`` or its compound/possessive children."""
        # "The mission commander, Godfrey Otunge," is Otunge: a named apposition comes first
        appositions = [c for c in tok.children if c.dep_ == "appos"]
        for t in (tok, *appositions, *(c for c in tok.children if c.dep_ in ("compound", "poss", "amod"))):
            if t.idx in self.owner:
                return self.owner[t.idx]
        return None

    def of_subject(self, subj: Any, doc: Any) -> Speaker | None:
        """The speaker a verb's subject names."""
        if subj.lower_ in PRONOUNS:
            return self.last
        if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "Di Giacomo of the IOM, who described it as '...'": Di Giacomo
        named = self.named(subj)
        if named is not None:
            name, is_person = named
            span = Span.of(text_of(doc), subj.idx, subj.idx + len(subj.text))
            # an organisation does not speak: an unnamed spokesperson did, on its behalf
            return Speaker(name, not is_person, None if is_person else f"unnamed speaker for {name}", span)
        cut = {t.i for c in subj.subtree if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
        core = [t for t in subj.subtree if t.i not in cut]
        while core and core[-1].is_punct:
            core.pop()
        span = Span.of(text_of(doc), core[0].idx, core[-1].idx + len(core[-1].text))
        inner = [self.owner[t.idx] for t in core if t.idx in self.owner]
        return Speaker(inner[0][0] if inner else None, True, span.text, span)


def _governing_verb(doc: Any, start: int, end: int, verbs: frozenset[str]) -> Any:
    """The speech verb outside the quote that governs it, or the nearest one in the sentence."""
    found = doc.char_span(start, end, alignment_mode="expand")
    inside = [t for t in found if start <= t.idx < end] if found is not None else []
    if not inside:
        return None
    sent = inside[0].sent
    tok = inside[0]
    for _ in range(20):
        if not (start <= tok.idx < end) and tok.lemma_.lower() in verbs and tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    outside = [t for t in sent if t.lemma_.lower() in verbs and t.pos_ == "VERB" and not (start <= t.idx < end)]
    return min(outside, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))) if outside else None


def _same_paragraph(body: str, end: int, start: int) -> bool:
    """Whether the quote at ``start`` opens a sentence of the paragraph of the quote that
    ends at ``end`` ("..." Sanchez said. "Nobody wants ..."), or opens the next paragraph
    right after that quote's attribution ('..." Borrell said.' then '"This is a clear
    message."'): news style names a new speaker, so an unattributed quote goes on."""
    before = body[end : start - 1].rstrip()
    if before[-1:] not in (".", "!", "?", '"', "”"):
        return False
    if "\n\n" not in body[end:start]:
        return True
    attribution, _, gap = body[end : start - 1].partition("\n\n")
    tail = attribution.strip().rstrip(".!?")
    return not gap.strip() and len(tail) < 80 and not any(c in tail for c in ".!?\n")


def _head_verb(doc: Any, start: int, end: int) -> Any:
    """The first verb outside the quote above its words ("praised ... for their '...'")."""
    found = doc.char_span(start, end, alignment_mode="expand")
    if found is None:
        return None
    tok = found.root
    for _ in range(20):
        if not (start <= tok.idx < end) and tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _subject(verb: Any) -> Any:
    """A verb's subject, inherited along ``advcl``/``conj`` ("he said, adding that ...")."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if subj is None and before is not None and (before.is_quote or before.is_punct):
            # inverted attribution after a quote ("…,” commented a commander of X): the small
            # model often parses the speaker as an object
            subj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
        if subj is not None or verb.dep_ not in ("advcl", "conj", "xcomp", "ccomp"):
            return subj
        verb = verb.head
    return None


class QuoteFinder:
    """Finds quotes and attributes them."""

    name = "quotes"
    requires = frozenset({"doc", "actors", "people"})
    provides = frozenset({"quotes"})

    def __init__(self, options: Options) -> None:
        self.verbs = speech_verbs()
        # lemmas as the tagger writes them: capitalised at a sentence start too
        self.verb_lemmas = self.verbs | frozenset(w.capitalize() for w in self.verbs)
        self.appraisal = appraisal_verbs()

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        body = analysis.article.body
        speakers = Speakers(analysis)
        spans = self._spans(doc, body, speakers)
        quotes: list[Quote] = []
        events = self._speech_events(doc, spans, speakers)
        for start, end in spans:
            for pos, spk in events:
                if pos >= start:
                    break
                if spk is not None:
                    speakers.last = spk
            verb = _governing_verb(doc, start, end, self.verbs)
            subj = _subject(verb) if verb is not None else None
            speaker = speakers.of_subject(subj, doc) if subj is not None else None
            if speaker is None:
                speaker = self._judge(doc, start, end, speakers)
            elif subj is not None and subj.lower_ not in PRONOUNS:
                speakers.last = speaker
            if speaker is None and verb is None and quotes and _same_paragraph(body, quotes[-1].end, start):
                # a quoted sentence standing alone after another quote goes on with its speaker
                prev = quotes[-1]
                speaker = Speaker(prev.speaker, prev.anonymous, prev.speaker_description, prev.speaker_span)
            s = speaker or Speaker(None)
            quotes.append(Quote(body[start:end], start, end, s.name, s.anonymous, s.description, s.span))
        return replace(analysis, quotes=tuple(quotes))

    def _spans(self, doc: Any, body: str, speakers: Speakers) -> list[tuple[int, int]]:
        """Quotes, and the short phrases a named speaker's verb of judgement quotes ("Ruto
        thanked Jamaica for its 'courage and solidarity'"), which would otherwise read as
        terms; a "so-called" phrase stays a term."""
        out = []
        for start, end, term in _marked_spans(body):
            if term and not self._judged(doc, body, start, end, speakers):
                continue
            out.append((start, end))
        return out

    def _judged(self, doc: Any, body: str, start: int, end: int, speakers: Speakers) -> bool:
        if _NAMING.search(body[max(0, start - 14) : start]):
            return False
        verb = _head_verb(doc, start, end)
        ok = verb is not None and verb.lemma_.lower() in self.appraisal
        return ok and self._judge(doc, start, end, speakers) is not None

    def _judge(self, doc: Any, start: int, end: int, speakers: Speakers) -> Speaker | None:
        """For a partial quote no speech verb governs, the subject of the verb above it when
        that subject is a person or an actor: whoever praised, thanked or denounced in
        those words chose them ("Ruto thanked Jamaica for its 'courage'")."""
        verb = _head_verb(doc, start, end)
        subj = _subject(verb) if verb is not None else None
        if subj is None:
            return None
        speaker = speakers.of_subject(subj, doc)
        if speaker is None or (speaker.anonymous and speaker.name is None):
            return None
        return speaker

    def _speech_events(
        self, doc: Any, spans: list[tuple[int, int]], speakers: Speakers
    ) -> list[tuple[int, Speaker | None]]:
        """Every speech verb outside quotes with its named subject, in text order."""
        out: list[tuple[int, Speaker | None]] = []
        for tok in tokens_of(doc, self.verb_lemmas, LEMMA):
            if tok.pos_ != "VERB":
                continue
            if any(s <= tok.idx < e for s, e in spans):
                continue
            subj = _subject(tok)
            if subj is None or subj.lower_ in PRONOUNS:
                continue
            out.append((tok.idx, speakers.of_subject(subj, doc)))
        return out
