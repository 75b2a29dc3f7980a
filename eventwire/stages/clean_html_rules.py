"""Tidying of extracted main text: cut the page furniture a main-text extractor lets through.

Trafilatura finds the article's block well, but the block often carries the headline again,
related-article links, captions, share prompts, contact lines and press-release boilerplate.
These rules work on paragraphs (the lines of the extracted text) with clues from the page: the
headline candidates and the texts of its links. Cue patterns are data
(``eventwire/data/html/page_furniture.tsv``), loaded by :func:`load_cues`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventwire.model import Removed

PACKAGED_CUES = Path(__file__).resolve().parents[1] / "data" / "html" / "page_furniture.tsv"
SCOPES = frozenset({"line", "label", "tail", "about", "fact"})

# A headline is short and is not a sentence ending in a full stop.
MAX_TITLE_WORDS = 30
# A related link is a headline: a few words, not a name or a paragraph of prose.
MIN_LINK_WORDS = 3
MAX_LINK_WORDS = 30
# An "about the company" block starts among the last few paragraphs.
ABOUT_WINDOW = 4
# More than this share of the text cut as furniture means the rules misread the page.
MAX_CUT_SHARE = 0.5

_WORD = re.compile(r"\w+")
_BULLET = re.compile(r"^[-•*·]\s+")
# Tags and separators sites append to link headlines: "[VIDEO]", "(PHOTOS)", "|".
_LINK_DECOR = re.compile(r"(\s*(\[[^\]]{1,20}\]|\([A-Z ]{2,20}\)|[|»›>→]))+\s*$")
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class Cue:
    """One furniture pattern: why a match is cut, where it applies, and the pattern."""

    reason: str
    scope: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PageClues:
    """What the page says about itself, outside the extracted text."""

    titles: tuple[str, ...] = ()
    link_texts: frozenset[str] = field(default_factory=frozenset)


def load_cues(path: Path = PACKAGED_CUES) -> tuple[Cue, ...]:
    """Read ``reason<TAB>scope<TAB>regex`` lines; ``#`` starts a comment line."""
    cues = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        reason, scope, pattern = raw.split("\t", 2)
        if scope not in SCOPES:
            raise ValueError(f"{path}:{number}: unknown scope {scope!r}")
        cues.append(Cue(reason, scope, re.compile(pattern, re.IGNORECASE)))
    return tuple(cues)


@lru_cache(maxsize=4)
def packaged_cues(path: Path = PACKAGED_CUES) -> tuple[Cue, ...]:
    """The cues of ``path``, read once per process."""
    return load_cues(path)


def link_key(text: str) -> str:
    """The form in which link texts and paragraphs are compared: lower-case words."""
    return " ".join(_WORD.findall(text.lower()))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def is_headline_of(line: str, titles: Iterable[str]) -> bool:
    """Whether ``line`` repeats one of the page's headlines (words, not punctuation)."""
    if line.rstrip(_CLOSERS).endswith(".") or len(line.split()) > MAX_TITLE_WORDS:
        return False
    words = _words(line)
    if not words:
        return False
    for title in titles:
        known = _words(title)
        shared = len(words & known)
        # Most of the line is the headline, and the line carries most of the headline (a
        # <title> often adds the site name; an <h1> may differ by a word or two).
        if known and shared / len(words) >= 0.8 and shared / len(known) >= 0.6:
            return True
    return False


def _first(cues: Iterable[Cue], scope: str, line: str) -> Cue | None:
    return next((c for c in cues if c.scope == scope and c.pattern.search(line)), None)


class Tidier:
    """Applies the cues and page clues to the paragraphs of one extracted text."""

    def __init__(self, clues: PageClues, cues: tuple[Cue, ...]) -> None:
        self.clues = clues
        self.cues = cues

    def is_link(self, line: str) -> bool:
        """Whether the paragraph is nothing but the text of one of the page's links."""
        text = _LINK_DECOR.sub("", _BULLET.sub("", line))
        if not MIN_LINK_WORDS <= len(text.split()) <= MAX_LINK_WORDS:
            return False
        return link_key(text) in self.clues.link_texts

    def label_rest(self, line: str) -> tuple[Cue, str] | None:
        """The related-links label that opens ``line`` and the text after it."""
        for cue in self.cues:
            if cue.scope == "label":
                found = cue.pattern.match(line)
                if found:
                    return cue, line[found.end() :].strip()
        return None

    def tidy(self, paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
        """Split ``paragraphs`` into those kept and those cut, each cut with its reason."""
        reasons: dict[int, str] = {}
        self._headline(paragraphs, reasons)
        self._blocks(paragraphs, reasons)
        self._tail(paragraphs, reasons)
        self._about(paragraphs, reasons)
        if self._cut_share(paragraphs, reasons) > MAX_CUT_SHARE:
            # Furniture is a small part of an article page: cutting most of the text means the
            # rules misread this page, and the extractor's text is the safer answer.
            reasons = {i: r for i, r in reasons.items() if r == "headline"}
        kept = [p for i, p in enumerate(paragraphs) if i not in reasons]
        removed = [Removed(paragraphs[i], reason) for i, reason in sorted(reasons.items())]
        return kept, removed

    @staticmethod
    def _cut_share(paragraphs: list[str], reasons: dict[int, str]) -> float:
        sizes = [len(p) for i, p in enumerate(paragraphs) if reasons.get(i) != "headline"]
        cut = sum(len(paragraphs[i]) for i, r in reasons.items() if r != "headline")
        return cut / max(sum(sizes), 1)

    def _headline(self, paragraphs: list[str], reasons: dict[int, str]) -> None:
        # The headline is printed again above the text; the record has it as the title.
        for i, line in enumerate(paragraphs[:2]):
            if not is_headline_of(line, self.clues.titles):
                break
            reasons[i] = "headline"

    def _blocks(self, paragraphs: list[str], reasons: dict[int, str]) -> None:
        in_links = False
        for i, line in enumerate(paragraphs):
            if i in reasons:
                continue
            cue = _first(self.cues, "line", line)
            labelled = self.label_rest(line)
            if cue is not None:
                reasons[i] = cue.reason
            elif labelled is not None and (not labelled[1] or self.is_link(labelled[1])):
                reasons[i] = labelled[0].reason
                in_links = True
                continue
            elif self.is_link(line) and (in_links or self._in_link_run(paragraphs, i)):
                reasons[i] = "related-links block"
                continue
            in_links = False

    def _in_link_run(self, paragraphs: list[str], i: int) -> bool:
        # A lone linked paragraph may be the story's own; a list item or a run of two or
        # more is a list of links.
        if _BULLET.match(paragraphs[i]):
            return True
        neighbours = paragraphs[max(i - 1, 0) : i] + paragraphs[i + 1 : i + 2]
        return any(self.is_link(n) for n in neighbours)

    def _tail(self, paragraphs: list[str], reasons: dict[int, str]) -> None:
        for i in range(len(paragraphs) - 1, -1, -1):
            if i in reasons:
                continue
            cue = _first(self.cues, "tail", paragraphs[i])
            if cue is not None:
                reasons[i] = cue.reason
            elif self.is_link(paragraphs[i]):
                reasons[i] = "related-links block"
            else:
                return

    def _about(self, paragraphs: list[str], reasons: dict[int, str]) -> None:
        live = [i for i in range(len(paragraphs)) if i not in reasons]
        for i in live[-ABOUT_WINDOW:]:
            cue = _first(self.cues, "about", paragraphs[i])
            if cue is None or i == live[0]:
                continue
            block = live[live.index(i) :]
            if any(_first(self.cues, "fact", paragraphs[j]) for j in block):
                for j in block:
                    reasons[j] = cue.reason
                return


def tidy_paragraphs(
    paragraphs: list[str], clues: PageClues, cues: tuple[Cue, ...] | None = None
) -> tuple[list[str], list[Removed]]:
    """Cut headline repeats, related links, captions, prompts and boilerplate from ``paragraphs``."""
    return Tidier(clues, packaged_cues() if cues is None else cues).tidy(paragraphs)
