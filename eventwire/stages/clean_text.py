"""Plain-text cleaning: find the title, keep the article prose, cut page furniture.

The input is an article or a whole web page copied as text: menus, share buttons, cookie
banners, related-article lists and footers included. The body is found by shape, not by any
site's labels: article prose comes as long lines that end like sentences, furniture as runs
of short lines, repeated labels and headline lists. Every line gets a score (prose adds its
length, furniture costs more the longer its run) and the body is the stretch of lines with the
highest total, as boilerplate detectors such as jusText and boilerpipe do over HTML blocks.
Generic cue phrases (``eventwire/data/clean/furniture_cues.tsv``) then cut the furniture left
inside that stretch or at its edges: source lines, republication notes, bylines, photo credits.
Everything cut is reported as a :class:`~eventwire.model.Removed` block with its reason.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from eventwire.model import Removed
from eventwire.stages.clean_text_rules import (
    BARRIERS,
    Cue,
    LineShape,
    best_region,
    ends_sentence,
    fold,
    line_scores,
    load_cues,
    shape_lines,
    word_count,
)

# A title is a short first line; longer ones are the article's first paragraph.
TITLE_MAX_WORDS = 30
# "Headline - Site name": the part after the last separator is the site when this short.
SITE_MAX_WORDS = 5
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
# Lines at least this long are looked at to tell hard-wrapped text.
WRAP_MIN_CHARS = 40
# Prose seen before a comments heading for the heading to end the article.
MIN_ARTICLE_SCORE = 40.0
_QUOTES = "\"'”’»"
# How far into a page the headline is searched for (pages repeat it under the menus).
HEADLINE_WINDOW = 300


@dataclass(frozen=True)
class CleanText:
    """What the cleaner kept and what it cut."""

    title: str | None
    body: str
    removed: tuple[Removed, ...] = ()


def clean_text(text: str, title: str | None = None, *, cues: tuple[Cue, ...] | None = None) -> CleanText:
    """Split ``text`` into title and body, cutting page furniture.

    ``title`` is the caller's title, if known; otherwise a short first line is taken as the
    title. ``cues`` replaces the packaged furniture cues (see :func:`load_cues`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = paragraph_spans(text)
    if not paras:
        return CleanText(title, "")
    cues = cues or load_cues()
    lines = [line for line, _, _ in paras]
    found_title, rest, removed = split_title(lines, title, cues)
    spans = [(start, end) for _, start, end in paras[len(lines) - len(rest) :]]
    shapes = shape_lines(rest, cues)
    title_key = fold(found_title or "")
    keep = choose_lines(shapes, title_key)
    removed += removed_blocks(shapes, keep)
    return CleanText(title or found_title, verbatim(text, spans, keep), tuple(removed))


def verbatim(text: str, spans: list[tuple[int, int]], keep: list[bool]) -> str:
    """The kept lines as the input wrote them: each run of consecutive kept lines is one
    slice of ``text`` (its line breaks untouched), runs joined by a blank line.

    Keeping the article's own characters keeps every offset into the body mappable to the
    input, which evidence and the evaluation sets rely on."""
    runs: list[tuple[int, int]] = []
    previous = False
    for (start, end), k in zip(spans, keep, strict=True):
        if k and previous:
            runs[-1] = (runs[-1][0], end)
        elif k:
            runs.append((start, end))
        previous = k
    return "\n\n".join(text[a:b] for a, b in runs)


def paragraph_spans(text: str) -> list[tuple[str, int, int]]:
    """The non-empty lines of ``text`` with their offsets; hard-wrapped paragraphs become one
    line whose span covers the original lines (and the line breaks between them)."""
    raw = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        if stripped:
            raw.append((stripped, m.start() + lead, m.start() + lead + len(stripped)))
        else:
            raw.append(("", m.start(), m.start()))
    lines = [line for line, _, _ in raw]
    blank_before = _blank_before(text, raw)
    if not _hard_wrapped(_with_blanks(lines, blank_before)):
        return [r for r in raw if r[0]]
    width = statistics.median(len(line) for line in lines if line)
    out: list[tuple[str, int, int]] = []
    joinable = False
    for (line, start, end), blank in zip(raw, blank_before, strict=True):
        if not line:
            continue
        if blank:
            joinable = False
        if joinable:
            out[-1] = (f"{out[-1][0]} {line}", out[-1][1], end)
        else:
            out.append((line, start, end))
        # a sentence ending well short of the wrap width ends its paragraph
        joinable = not (ends_sentence(line) and len(line) < 0.75 * width)
    return out


def _blank_before(text: str, raw: list[tuple[str, int, int]]) -> list[bool]:
    """For each line, whether a blank line separates it from the line before."""
    out = []
    prev_end = 0
    for _, start, end in raw:
        out.append(text[prev_end:start].count("\n") >= 2)
        prev_end = end
    return out


def _with_blanks(lines: list[str], blank_before: list[bool]) -> list[str]:
    """The line list with empty strings where blank lines were, as ``_hard_wrapped`` expects."""
    out: list[str] = []
    for line, blank in zip(lines, blank_before, strict=True):
        if blank and out:
            out.append("")
        if line:
            out.append(line)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width (e-mail, wire copy, copied source code): long lines
    often break mid-sentence, and the next line then goes on in lower case. Headline lists on
    web pages also lack final punctuation, but the line after a headline starts a new one."""
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a and b and len(a) >= WRAP_MIN_CHARS]
    open_ended = [(a, b) for a, b in pairs if not ends_sentence(a)]
    if len(open_ended) < 3 or len(open_ended) < 0.3 * len(pairs):
        return False
    going_on = sum(1 for _, b in open_ended if b[0].islower())
    return going_on >= 0.4 * len(open_ended)


def split_title(
    lines: list[str], title: str | None, cues: tuple[Cue, ...]
) -> tuple[str | None, list[str], list[Removed]]:
    """The page's title, the lines after it, and the site name cut from the title line."""
    if title is not None:
        return title, lines, []
    first = lines[0]
    shape = shape_lines([first], cues)[0]
    if shape.cue is not None or shape.words > TITLE_MAX_WORDS or len(lines) < 2:
        return None, lines, []
    if shape.ends_sentence and not first.rstrip().rstrip(_QUOTES).endswith(("?", "!", "…", ":")):
        return None, lines, []  # a headline asks or exclaims, but does not end with a full stop
    found, removed = first, []
    headline = _headline_below(first, lines[1:HEADLINE_WINDOW])
    parts = _SITE_SEPARATOR.split(first)
    if headline is not None:
        found = headline
    elif len(parts) > 1 and word_count(parts[-1]) <= SITE_MAX_WORDS and word_count(parts[0]) > SITE_MAX_WORDS:
        found = first[: first.rfind(parts[-1])].rstrip(" |–—-:")
    if len(parts) > 1 and word_count(parts[-1]) <= SITE_MAX_WORDS and parts[-1] not in found:
        removed.append(Removed(parts[-1].strip(), "site name"))
    return found, lines[1:], removed


def _headline_below(first: str, lines: list[str]) -> str | None:
    """A later line that repeats the title line without the site name (the page's headline)."""
    key = fold(first)
    best = None
    for line in lines:
        folded = fold(line)
        similar = len(folded) >= 0.5 * len(key) and folded in key and word_count(line) >= 3
        if similar and (best is None or len(line) > len(best)):
            best = line
    return best


def choose_lines(shapes: list[LineShape], title_key: str) -> list[bool]:
    """Which lines are the article body."""
    scores = line_scores(shapes)
    for i, shape in enumerate(shapes):
        if title_key and fold(shape.text) == title_key:
            scores[i] = -20.0
    region = best_region(scores[: _comments_start(shapes, scores)])
    if region is None:
        # no line long enough to be prose (a one-line brief, a headline): when unsure, keep
        keep = [s.cue is None and s.words >= 3 and not s.repeated for s in shapes]
        return keep if any(keep) else [s.cue is None and s.words >= 3 for s in shapes]
    keep = [False] * len(shapes)
    start, end = region
    limit = _comments_start(shapes, scores)
    # a closing short sentence ("He declined to comment.") belongs to the article
    while end < limit and scores[end] == 0.0 and shapes[end].ends_sentence and shapes[end].cue is None:
        end += 1
    i = start
    while i < end:
        shape = shapes[i]
        if shape.cue == "related-links block":
            # a related-links heading inside the body takes the headlines under it along
            i += 1
            while i < end and not shapes[i].prose:
                i += 1
            continue
        keep[i] = shape.cue is None
        i += 1
    return keep


def _comments_start(shapes: list[LineShape], scores: list[float]) -> int:
    """Where reader comments begin: the first comments heading after some article prose
    (a heading above the article, such as a comment count under the headline, does not count)."""
    prose = 0.0
    for i, (shape, score) in enumerate(zip(shapes, scores, strict=True)):
        if shape.cue in BARRIERS and prose >= MIN_ARTICLE_SCORE:
            return i
        prose += max(score, 0.0)
    return len(shapes)


def removed_blocks(shapes: list[LineShape], keep: list[bool]) -> list[Removed]:
    """The cut lines as blocks: a cue line opens a block of its own reason; other cut lines
    join the block before them, or form navigation (above the body) or a footer (below)."""
    kept = [i for i, k in enumerate(keep) if k]
    first = kept[0] if kept else len(shapes)
    last = kept[-1] if kept else len(shapes)
    blocks: list[tuple[str, list[str]]] = []
    previous_kept = True
    for i, (shape, k) in enumerate(zip(shapes, keep, strict=True)):
        if k:
            previous_kept = True
            continue
        if shape.cue is not None:
            blocks.append((shape.cue, [shape.text]))
        elif previous_kept or not blocks:
            zone = "navigation" if i < first else "footer" if i > last else "page furniture"
            blocks.append((zone, [shape.text]))
        else:
            blocks[-1][1].append(shape.text)
        previous_kept = False
    return [Removed("\n".join(texts), reason) for reason, texts in blocks]
