"""Offline machine translation into English, with names protected and sentences aligned.

The pluggable part is :class:`Engine` (sentences in, English sentences out, plus ``name``
and ``languages``); :class:`DocumentTranslator` does the rest for any engine: sentence
splitting, source pre-editing, name protection and the sentence alignment that lets every
extracted item point back to the original words.
"""

from __future__ import annotations

from eventwire.translation.document import DocumentTranslator, Translation
from eventwire.translation.engine import ENGINES, Engine, FastTranslate, engine_for
from eventwire.translation.lexicon import Lexicon, load_lexicon
from eventwire.translation.names import NameGuard, restore
from eventwire.translation.sentences import split_sentences

__all__ = [
    "ENGINES",
    "DocumentTranslator",
    "Engine",
    "FastTranslate",
    "Lexicon",
    "NameGuard",
    "Translation",
    "engine_for",
    "load_lexicon",
    "restore",
    "split_sentences",
]
