"""Name normalisation shared by the knowledge base, linking and ids.

Names of the same actor differ in case, accents, apostrophes, hyphens, "al-" prefixes and
transliteration; :func:`normalise` folds what never tells two actors apart, so that an
exact index lookup catches most variants before any fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[’'‘`ʼʻ´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, non-alphanumerics as single spaces.

    Cached: the same names are folded again and again, by linking, typing and ids."""
    if text.isascii():
        return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text.lower())).strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def slug(text: str) -> str:
    """A stable id from a name: ``"Kata'ib Hezbollah"`` -> ``"kataib-hezbollah"``."""
    return fold(text).replace(" ", "-") or "unnamed"


# Arabic and Persian definite articles as they appear in English transliteration
# ("al-Nujaba", "el-Sisi", "ad-Din", "ash-Shabaab"): they come and go between spellings.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud", "ed"})
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1+")
# Spelling alternations of transliteration that never separate two names.
_ALTERNATIONS = (("ou", "u"), ("ph", "f"), ("q", "k"), ("ck", "k"), ("ee", "i"), ("dh", "d"))
_VOWELS = re.compile(r"(?<=\w)[aeiouy]+")
_REPEAT = re.compile(r"(\w)\1+")


@lru_cache(maxsize=65536)
def loose(text: str) -> str:
    """:func:`fold` without transliteration noise: articles, doubled vowels, alternations.

    "Harakat Hezbollah al-Nujabaa" and "Harakat Hezbollah Nujaba" share a loose key."""
    words = [w for w in fold(text).split() if w not in _ARTICLES]
    out = []
    for w in words:
        for a, b in _ALTERNATIONS:
            w = w.replace(a, b)
        out.append(_DOUBLE_VOWEL.sub(r"\1", w))
    return " ".join(out)


def skeleton(text: str) -> str:
    """The consonant skeleton of a loose key ("Kataib Sayyed" ~ "Kataib Sayyid": "ktb sd").

    Vowels are the least reliable letters of a transliterated name; only a name of two or
    more words is distinctive enough to be matched on its skeleton."""
    words = loose(text).split()
    return " ".join(_REPEAT.sub(r"\1", _VOWELS.sub("", w)) for w in words)
