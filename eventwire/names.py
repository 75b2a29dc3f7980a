"""Name normalisation shared by the knowledge base, linking and ids.

Names of the same actor differ in case, accents, apostrophes, hyphens, "al-" prefixes and
transliteration; :func:`normalise` folds what never tells two actors apart, so that an
exact index lookup catches most variants before any fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[’'‘`ʼʻ´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, non-alphanumerics as single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def slug(text: str) -> str:
    """A stable id from a name: ``"Kata'ib Hezbollah"`` -> ``"kataib-hezbollah"``."""
    return fold(text).replace(" ", "-") or "unnamed"
