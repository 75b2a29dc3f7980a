"""Translate a whole text sentence by sentence and keep the sentence alignment.

The steps: split the source into sentences (with offsets), pre-edit each, mask its names,
send all sentences of all texts to the engine in one call (so a threaded engine keeps
every core busy), restore the names, translate again without masks any sentence whose
placeholders the model lost, then join the English sentences with the source's own
paragraph breaks and record which English stretch translates which source stretch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.model import SentencePair
from eventwire.translation.engine import Engine
from eventwire.translation.lexicon import Lexicon
from eventwire.translation.names import Masked, NameGuard, restore
from eventwire.translation.preedit import dateline, preedit
from eventwire.translation.sentences import separator, split_sentences


@dataclass(frozen=True)
class Translation:
    """An English text and, for each of its sentences, the source sentence it translates."""

    text: str
    alignment: tuple[SentencePair, ...]
    engine: str
    # sentences translated without name protection because the model lost a placeholder
    unprotected: int = 0


# A dateline: the capitalised place (and date) that opens a wire story ("BAGDÁ, 7 Abr").
# The model leaves capitals untranslated ("BAGDA"), so it gets the place in title case
# and the English place is put back in capitals.
_DATELINE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]+(?=,)")


def _open_dateline(sentence: str) -> tuple[str, bool]:
    found = _DATELINE.match(sentence)
    if found is None or len(found.group()) < 3:
        return sentence, False
    return found.group().title() + sentence[found.end() :], True


def _close_dateline(english: str) -> str:
    head, comma, rest = english.partition(",")
    return head.upper() + comma + rest if comma else english


_QUOTES = '"“”«»'


def _balance_quotes(source: str, english: str) -> str:
    """Put back the quotation mark that opens or closes a source sentence when the model
    dropped it: a quote running over several sentences is translated one sentence at a
    time, and the model drops a mark it cannot pair ("“Estamos prontos." -> "We are ready.")."""
    if not english or sum(map(source.count, _QUOTES)) <= sum(map(english.count, _QUOTES)):
        return english
    if source[0] in _QUOTES and english[0] not in _QUOTES:
        return '"' + english
    if source.rstrip(".!?…")[-1:] in _QUOTES and english.rstrip(".!?…")[-1:] not in _QUOTES:
        return english + '"'
    return english


@dataclass(frozen=True)
class _Draft:
    text: str
    spans: tuple[tuple[int, int], ...]
    plain: tuple[str, ...]
    masked: tuple[Masked, ...]
    datelines: tuple[bool, ...]


class DocumentTranslator:
    """Translates texts of one source language with an engine, names protected."""

    def __init__(self, engine: Engine, language: str, lexicon: Lexicon, guard: NameGuard | None = None) -> None:
        self.engine = engine
        self.language = language
        self.lexicon = lexicon
        self.guard = guard

    def _draft(self, text: str) -> _Draft:
        spans = tuple(split_sentences(text, self.lexicon.abbreviations))
        plain = [preedit(text[s:e], self.lexicon) for s, e in spans]
        datelines = [False] * len(plain)
        if plain:
            # only the opening sentence of an article can carry a dateline
            plain[0], datelines[0] = _open_dateline(dateline(plain[0], self.lexicon))
        masked = tuple(self.guard.mask(p) if self.guard is not None else Masked(p) for p in plain)
        return _Draft(text, spans, tuple(plain), masked, tuple(datelines))

    def translate(self, text: str) -> Translation:
        """``text`` in English, with its sentence alignment."""
        return self.translate_many([text])[0]

    def translate_many(self, texts: Sequence[str]) -> list[Translation]:
        """Each of ``texts`` in English; all sentences go to the engine together."""
        drafts = [self._draft(t) for t in texts]
        outputs = self.engine.translate([m.text for d in drafts for m in d.masked], self.language)
        english: list[list[str]] = []
        retry: list[tuple[int, int]] = []
        cursor = 0
        for n, draft in enumerate(drafts):
            sentences: list[str] = []
            for k, masked in enumerate(draft.masked):
                restored = restore(outputs[cursor], masked) if masked.names else outputs[cursor]
                cursor += 1
                if restored is None:
                    retry.append((n, k))
                    restored = ""
                sentences.append(restored)
            english.append(sentences)
        if retry:
            again = self.engine.translate([drafts[n].plain[k] for n, k in retry], self.language)
            for (n, k), sentence in zip(retry, again, strict=True):
                english[n][k] = sentence
        for draft, sentences in zip(drafts, english, strict=True):
            for k, (start, end) in enumerate(draft.spans):
                sentences[k] = _balance_quotes(draft.text[start:end], sentences[k].strip())
                if draft.datelines[k]:
                    sentences[k] = _close_dateline(sentences[k])
        return [
            _join(draft, sentences, self.engine.name, sum(1 for n2, _ in retry if n2 == n))
            for n, (draft, sentences) in enumerate(zip(drafts, english, strict=True))
        ]


def _join(draft: _Draft, sentences: list[str], engine: str, unprotected: int) -> Translation:
    """The English text and its alignment, with the source's paragraph breaks."""
    parts: list[str] = []
    pairs: list[SentencePair] = []
    length = 0
    previous_end = 0
    for (start, end), sentence in zip(draft.spans, sentences, strict=True):
        sentence = sentence.strip()
        if parts:
            gap = separator(draft.text[previous_end:start])
            parts.append(gap)
            length += len(gap)
        parts.append(sentence)
        pairs.append(SentencePair(length, length + len(sentence), start, end))
        length += len(sentence)
        previous_end = end
    return Translation("".join(parts), tuple(pairs), engine, unprotected)
