"""Source-side rewrites of constructions the model is known to mistranslate.

Each rewrite keeps the meaning and only changes how it is said; the original text is what
``Article.source_text`` keeps, so nothing of the evidence is lost.

- "há + duration" after a verb in the past: "disse há 18 meses" means "said 18 months ago",
  but the model reads it as "said for 18 months". "18 meses atrás" says the same without
  the ambiguity and the model translates it as "18 months ago". After any other word "há"
  keeps both of its readings ("controla a cidade há três anos": "for three years").
- numbers with a decimal comma: the model garbles them ("US$ 150,5 bilhões" -> "$115.5
  billion") but copies English punctuation faithfully, so "150,5" is written "150.5" and
  "1.200" "1,200". A comma before exactly three digits ("1,500") stays: it may be a
  thousands comma already, and the model reads it as one. The short words of Brazilian
  headlines for large numbers ("R$ 2 bi") get their full form ("R$ 2 bilhões").
- dates in figures ("15/11/2024") are day first in the source but month first to an
  English reader: they are written out ("15 de novembro de 2024").
- the date of a dateline ("ROMA, 3 Set") is written out ("3 de setembro"): the model
  leaves the abbreviation untranslated or drops the day.
- short weekday names ("nesta segunda") are read as ordinals ("this second"): where the
  context says weekday they get their full name ("segunda-feira").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.translation.lexicon import Lexicon

_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2}|\d+,\d{4,})(?![\w]|[.,]\d)")
_SWAP = str.maketrans(".,", ",.")
_NUMERIC_DATE = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\w/]|[.,]\d)")
_DATELINE_DATE = re.compile(r"^([^\W\d][^,\n]{1,40}),(\s+)(\d{1,2})\s+(?:de\s+)?([^\W\d_]{3,})\.?(?=[\s(\-–—,]|$)")


@dataclass(frozen=True)
class _Rules:
    ago: re.Pattern[str] | None
    weekday: re.Pattern[str] | None
    weekdays: dict[str, str]
    number_word: re.Pattern[str] | None
    number_words: dict[str, str]


@lru_cache(maxsize=8)
def _rules(lexicon: Lexicon) -> _Rules:
    words = "|".join(re.escape(w) for w, _ in lexicon.number_words)
    return _Rules(
        _ago_pattern(lexicon),
        _weekday_pattern(lexicon),
        dict(lexicon.weekdays),
        re.compile(rf"(?<=\d)(\s+)({words})(?!\w)", re.I) if words else None,
        dict(lexicon.number_words),
    )


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


def _weekday_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    if not lexicon.weekdays or not lexicon.weekday_before:
        return None
    days = "|".join(re.escape(d) for d, _ in sorted(lexicon.weekdays, key=lambda p: -len(p[0])))
    before = "|".join(re.escape(w) for w in lexicon.weekday_before)
    after = "|".join(re.escape(w) for w in lexicon.weekday_after) or "(?!)"
    # a weekday only where an ordinal cannot be: before punctuation or a time of day
    return re.compile(
        rf"(?<!\w)(?:{before})\s+(?P<day>{days})(?=\s*(?:[,.;:!?()]|$)|\s+(?:{after})(?!\w))",
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


def english_numbers(sentence: str) -> str:
    """``sentence`` with its decimal-comma numbers punctuated the English way."""
    return _NUMBER.sub(lambda m: m.group().translate(_SWAP), sentence)


def month_of(word: str, lexicon: Lexicon) -> str | None:
    """The month a name or abbreviation stands for ("Set", "set.", "setembro")."""
    low = word.lower().rstrip(".")
    found = [m for m in lexicon.months if len(low) >= 3 and m.startswith(low)]
    return found[0] if len(found) == 1 else None


def _written_date(day: str, month: str, year: str | None, lexicon: Lexicon) -> str:
    date = lexicon.day_month.format(day=int(day), month=month)
    return lexicon.with_year.format(date=date, year=year) if year else date


def written_dates(sentence: str, lexicon: Lexicon) -> str:
    """``sentence`` with its day-first dates in figures written out; a day and month
    without a year only when the month has two digits ("15/11", not "24/7")."""
    if len(lexicon.months) != 12 or not lexicon.day_month or "/" not in sentence:
        return sentence

    def written(m: re.Match[str]) -> str:
        day, month, year = m.group(1), m.group(2), m.group(3)
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12) or (year is None and len(month) < 2):
            return m.group()
        return _written_date(day, lexicon.months[int(month) - 1], year, lexicon)

    return _NUMERIC_DATE.sub(written, sentence)


def dateline(sentence: str, lexicon: Lexicon) -> str:
    """The opening sentence of an article with the date of its dateline written out
    ("ROMA, 3 Set (Reuters) -" -> "ROMA, 3 de setembro (Reuters) -")."""
    found = _DATELINE_DATE.match(sentence)
    if found is None or not lexicon.day_month or not 1 <= int(found.group(3)) <= 31:
        return sentence
    month = month_of(found.group(4), lexicon)
    if month is None:
        return sentence
    date = _written_date(found.group(3), month, None, lexicon)
    return f"{found.group(1)},{found.group(2)}{date}{sentence[found.end() :]}"


def _full_weekday(m: re.Match[str], weekdays: dict[str, str]) -> str:
    day = m.group("day")
    full = weekdays[day.lower()]
    full = full[0].upper() + full[1:] if day[0].isupper() else full
    return m.group()[: m.start("day") - m.start()] + full


def preedit(sentence: str, lexicon: Lexicon) -> str:
    """``sentence`` with the known mistranslated constructions said unambiguously."""
    rules = _rules(lexicon)
    if lexicon.decimal_comma:
        sentence = english_numbers(sentence)
    if rules.number_word is not None:
        sentence = rules.number_word.sub(lambda m: m.group(1) + rules.number_words[m.group(2).lower()], sentence)
    sentence = written_dates(sentence, lexicon)
    if rules.weekday is not None:
        sentence = rules.weekday.sub(lambda m: _full_weekday(m, rules.weekdays), sentence)
    if rules.ago is None:
        return sentence

    def ago(m: re.Match[str]) -> str:
        if not is_preterite(m.group("verb"), lexicon):
            return m.group(0)
        return f"{m.group('verb')}{m.group('gap')}{m.group('span')} {lexicon.ago_rewrite}"

    return rules.ago.sub(ago, sentence)
