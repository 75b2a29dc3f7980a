"""Source-side rewrites of constructions the model is known to mistranslate.

Each rewrite keeps the meaning and only changes how it is said; the original text is what
``Article.source_text`` keeps, so nothing of the evidence is lost.

- "há + duration" after a verb in the past: "disse há 18 meses" means "said 18 months ago",
  but the model reads it as "said for 18 months". "18 meses atrás" says the same without
  the ambiguity and the model translates it as "18 months ago". After any other word "há"
  keeps both of its readings ("controla a cidade há três anos": "for three years").
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.translation.lexicon import Lexicon


@lru_cache(maxsize=8)
def _ago_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    if not lexicon.ago_word or not lexicon.ago_rewrite or not lexicon.ago_units:
        return None
    counts = "|".join(re.escape(c) for c in lexicon.ago_counts)
    units = "|".join(re.escape(u) for u in sorted(lexicon.ago_units, key=len, reverse=True))
    amount = rf"(?:(?:{counts})\s+)*(?:\d+(?:[.,]\d+)?\s+)?" if counts else r"(?:\d+(?:[.,]\d+)?\s+)?"
    return re.compile(
        rf"(?P<verb>\w+(?:-\w+)*)(?P<gap>\s+){re.escape(lexicon.ago_word)}\s+(?P<span>{amount}(?:{units}))(?!\w)",
        re.I,
    )


def is_preterite(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is (very likely) a verb in the simple past ("reuniram-se" too:
    European Portuguese joins the pronoun to the verb)."""
    low = word.lower().split("-")[0]
    if low in lexicon.not_preterite:
        return False
    if low in lexicon.preterite_irregular:
        return True
    return len(low) > 3 and low.endswith(lexicon.preterite_endings)


def preedit(sentence: str, lexicon: Lexicon) -> str:
    """``sentence`` with the known mistranslated constructions said unambiguously."""
    pattern = _ago_pattern(lexicon)
    if pattern is None:
        return sentence

    def ago(m: re.Match[str]) -> str:
        if not is_preterite(m.group("verb"), lexicon):
            return m.group(0)
        return f"{m.group('verb')}{m.group('gap')}{m.group('span')} {lexicon.ago_rewrite}"

    return pattern.sub(ago, sentence)
