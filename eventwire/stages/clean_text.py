"""Plain-text cleaning: find the title, keep the article prose, cut page furniture.

First version: the title is a short first line without final punctuation; nothing else is
cut. Furniture removal comes in the next commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.model import Removed


@dataclass(frozen=True)
class CleanText:
    """What the cleaner kept and what it cut."""

    title: str | None
    body: str
    removed: tuple[Removed, ...] = ()


def clean_text(text: str, title: str | None = None) -> CleanText:
    """Split ``text`` into title and body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    found_title = None
    if title is None and len(lines) > 1 and len(lines[0]) < 200 and not lines[0].rstrip().endswith("."):
        found_title = lines[0].strip()
        lines = lines[1:]
    return CleanText(title or found_title, "\n".join(lines).strip())
