"""Names survive translation: people and groups are not translated as words.

A translation model reads "Segundo Guerra" as "Second War" and "disse Leão" as "Leo said".
Before translation, the names of a sentence are replaced by placeholders the model copies
verbatim ("Xq1"), and put back afterwards. Two sources of names:

- the knowledge base: every name and alias of a person, armed group, party, outlet or
  other proper-named actor, matched case-sensitively. States, intergovernmental bodies,
  government bodies and armed forces are left out: their names are descriptions that should
  be translated ("Ministério da Defesa" -> "Ministry of Defense", "Irã" -> "Iran").
- capitalised sequences in a person's position: after a title ("o comandante Rosa
  Branca"), after a verb of attribution without an article ("disse Leão", "segundo
  Guerra"), or before an apposition ("Pedro Rocha, porta-voz do grupo,").

Figures with a separator ("150.5", "4,634") are masked the same way: the model copies
placeholders verbatim but miscopies digits ("4,634 suspeitos" -> "43,634 suspects").

When the model drops or mangles a placeholder, the sentence is translated again without
them (see :func:`restore`): a whole translation with one translated name beats a broken one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.kb import KnowledgeBase
from eventwire.translation.lexicon import Lexicon

# Actor types whose names are proper names, kept as written (see the module docstring).
PROTECTED_TYPES = frozenset(
    {"person", "armed_group", "political_party", "news_organization", "company", "ngo", "religious_group", "other"}
)

_WORD = re.compile(r"\w[\w'’\-]*")
_UPPER = "A-ZÀ-ÖØ-Þ"
# A word of a name: capitalised ("Askari", "Al-Sudani") or with a lower-case particle
# joined by a hyphen or apostrophe ("al-Askari", "d'Ávila").
_NAME_WORD = rf"(?:[{_UPPER}][\w'’\-]*|[a-z]{{1,3}}[\-'’][{_UPPER}][\w'’\-]*)"
_PLACEHOLDER = "Xq{}"
# a figure with a thousands or decimal separator (written the English way by the pre-editor)
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)+(?!\w|[.,]\d)")
_DIRECT = re.compile(r",?\s+")
_COMPLEMENT = re.compile(r"\s+[^,.;:!?\"“”()]{1,60}?,\s+")


@dataclass(frozen=True)
class Masked:
    """A sentence with its names replaced, and the names behind each placeholder."""

    text: str
    names: tuple[tuple[str, str], ...] = ()


class NameGuard:
    """Finds the names of a source sentence and masks them before translation."""

    def __init__(self, names: Iterable[str], lexicon: Lexicon, stop_words: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.stop_words = frozenset(w.lower() for w in stop_words)
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for name in set(names):
            first = _WORD.match(name)
            if first is not None and any(c.isupper() for c in name) and self._usable(name):
                self.by_first[first.group()].append(name)
        for found in self.by_first.values():
            found.sort(key=len, reverse=True)
        particles = "|".join(re.escape(p) for p in sorted(lexicon.name_particles, key=len, reverse=True))
        joiner = rf"\s+(?:(?:{particles})\s+)?" if particles else r"\s+"
        self._name = re.compile(rf"{_NAME_WORD}(?:{joiner}{_NAME_WORD})*")
        titles = "|".join(re.escape(t) for t in lexicon.titles)
        self._title = re.compile(rf"(?<!\w)(?:{titles})(?!\w)", re.I) if titles else None
        self._apposition = re.compile(rf",\s+(?:{titles}|de\s+\d+\s+anos)(?!\w)", re.I) if titles else None

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, lexicon: Lexicon, stop_words: Iterable[str] = ()) -> NameGuard:
        """A guard over the names and aliases of the knowledge base's proper-named actors."""
        names = (n for rec in kb.records.values() if rec.type in PROTECTED_TYPES for n in (rec.name, *rec.aliases))
        return cls(names, lexicon, stop_words)

    def _usable(self, name: str) -> bool:
        """Whether a KB name is safe to protect: not a word of the source language."""
        words = name.split()
        if len(words) > 1:
            return True
        return name.lower() not in self.stop_words and (len(name) > 2 or name.isupper())

    def find(self, sentence: str) -> list[tuple[int, int]]:
        """Offsets of the names to protect in ``sentence``, sorted and not overlapping."""
        found = self._kb_names(sentence)
        for start, end in self._cued_names(sentence):
            if all(end <= s or start >= e for s, e in found):
                found.append((start, end))
        return sorted(found)

    def _kb_names(self, sentence: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        cursor = 0
        for word in _WORD.finditer(sentence):
            if word.start() < cursor:
                continue
            for name in self.by_first.get(word.group(), ()):
                end = word.start() + len(name)
                if sentence.startswith(name, word.start()) and _ends_word(sentence, end):
                    if " " in name or not self._inside_longer_name(sentence, word.start(), end):
                        found.append((word.start(), end))
                        cursor = end
                    break
        return found

    def _inside_longer_name(self, sentence: str, start: int, end: int) -> bool:
        """Whether a one-word match is part of a longer capitalised name ("Costa Rica")."""
        name = self._name.match(sentence, start)
        if name is not None and name.end() > end:
            return True
        before = sentence[:start].rstrip()
        previous = re.search(rf"{_NAME_WORD}$", before)
        # a capitalised word before it that does not merely start the sentence
        return previous is not None and bool(before[: previous.start()].strip())

    def _cued_names(self, sentence: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        if self._title is not None:
            for cue in self._title.finditer(sentence):
                span = self._after_title(sentence, cue.end())
                if span is not None:
                    found.append(span)
        for word in _WORD.finditer(sentence):
            if word.group().lower() not in self.lexicon.attribution or self._after_determiner(sentence, word.start()):
                continue
            gap = re.match(r"\s+", sentence[word.end() :])
            if gap is None:
                continue
            name = self._name.match(sentence, word.end() + gap.end())
            if name is not None and self._is_name(sentence, name.start(), name.end()):
                found.append((name.start(), name.end()))
        if self._apposition is not None:
            for name in self._name.finditer(sentence):
                if self._apposition.match(sentence, name.end()) and self._is_name(sentence, name.start(), name.end()):
                    found.append((name.start(), name.end()))
        return found

    def _after_title(self, sentence: str, end: int) -> tuple[int, int] | None:
        """The name right after a title ("o ministro José Múcio"), or after the title's
        complement and a comma ("o ministro da Defesa, José Múcio")."""
        for gap in (_DIRECT.match(sentence, end), _COMPLEMENT.match(sentence, end)):
            if gap is None:
                continue
            name = self._name.match(sentence, gap.end())
            if name is not None and self._is_name(sentence, name.start(), name.end()):
                return name.start(), name.end()
        return None

    def _is_name(self, sentence: str, start: int, end: int) -> bool:
        """A capitalised stretch that is not a function word and not after an article."""
        first = sentence[start:end].split()[0]
        return first.lower() not in self.stop_words and not self._after_determiner(sentence, start)

    def _after_determiner(self, sentence: str, start: int) -> bool:
        previous = re.search(r"(\w+)\s*$", sentence[:start])
        return previous is not None and previous.group(1).lower() in self.lexicon.determiners

    def mask(self, sentence: str) -> Masked:
        """``sentence`` with each protected name and figure replaced by a placeholder."""
        spans = self.find(sentence)
        for figure in _FIGURE.finditer(sentence):
            if all(figure.end() <= s or figure.start() >= e for s, e in spans):
                spans.append(figure.span())
        spans.sort()
        if not spans:
            return Masked(sentence)
        pattern = _PLACEHOLDER if "Xq" not in sentence else "Zq{}"
        parts: list[str] = []
        names: list[tuple[str, str]] = []
        cursor = 0
        for n, (start, end) in enumerate(spans, 1):
            placeholder = pattern.format(n)
            parts += [sentence[cursor:start], placeholder]
            names.append((placeholder, sentence[start:end]))
            cursor = end
        parts.append(sentence[cursor:])
        return Masked("".join(parts), tuple(names))


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or not (text[end].isalnum() or text[end] in "-'’_")


def restore(translated: str, masked: Masked) -> str | None:
    """The translation with the names put back, or None when a placeholder was lost."""
    out = translated
    # highest number first, so that "Xq1" never eats the start of "Xq12"
    for placeholder, name in sorted(masked.names, key=lambda p: -int(p[0][2:])):
        pattern = re.compile(rf"(?<![\w]){re.escape(placeholder)}(?!\d)")
        if not pattern.search(out):
            return None
        out = pattern.sub(lambda _m, name=name: name, out)  # type: ignore[misc]
    return out
