"""Provenance: who published this copy, whose reporting it is, and whether it was translated.

- The **publisher** comes, in this order, from a "Source: X" line the cleaner cut, a
  republication note ("originally published ... on X"), the page's site name, the site name
  the cleaner cut from the title line, or the URL's domain. Names of known outlets are
  replaced by their canonical name from the media knowledge base.
- The **original reporting** is the outlet the body credits with the reporting: a dateline
  ("BAGHDAD (Reuters) -", "(AFP) -"), an interview ("told Reuters", "spoke to the BBC"), or,
  for wire services only, a weaker credit ("according to AP", "Reuters reported"). The
  strongest credit wins, then the most frequent; its words are the evidence spans.
- The copy is **machine translated** when a note says a machine translated it ("automatically
  translated", "translated by Google Translate"), when a note says it was translated without
  naming who did it, or when a source line or republication note credits an outlet that
  publishes in another language than the body's (the outlet's language is a fact of the
  knowledge base). A note that names a human translator, a newsroom or an outlet
  ("Translated from Urdu by AFP", "by the newsroom") is a human translation: the field is
  named ``machine_translated``, and such a copy is not, so it stays false, whatever the
  outlet's language. ``source_language`` is set for every translation, human or machine:
  the language the note names, else the credited outlet's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from eventwire.config import DEFAULT_LANGUAGES
from eventwire.model import Removed, Span
from eventwire.stages.media import MediaIndex, Outlet, default_index

# Credits of the reporting, strongest first; "{o}" stands for any outlet name.
DATELINE, INTERVIEW, CITED = 3, 2, 1
_INTERVIEW = (
    r"\b(?:told|tells|telling|said to|spoke to|speaking to|communicated to|confirmed to|explained to|"
    r"in an interview with|interviewed by|(?:seen|reviewed|obtained) by)\s+(?:the\s+)?({o})"
)
_CITED = (
    r"\b(?:according to|reported by|cited by|quoted by)\s+(?:the\s+)?({o})|"
    r"({o})\s+(?:reported|reports|has reported|had reported|has learned|learned|first reported)\b"
)
# A dateline: "CITY, Date (Reuters) -" or "(AFP) —" or "Reuters -" opening a paragraph.
_DATELINE = r"(?m)^[^\n()]{0,80}\(\s*({o})\s*\)\s*[-—–:.]|^({o})\s+[-—–]\s"
DATELINE_REACH = 800  # datelines open the story: only the first characters are searched

_TRANSLATED = re.compile(
    r"\b(translat\w*|machine[- ]translat\w*|traduzid\w*|traducid\w*|tradu\w*|übersetz\w*)\b", re.IGNORECASE
)
# "translated ... by X": who translated; a machine when X is software, else a person or newsroom
# ("translated from the original published by El País" credits the original, not a translator)
_TRANSLATED_BY = re.compile(
    r"\b[Tt]ranslated(?:\s+(?:from|into)\s+(?:the\s+)?(?:original\s+)?[A-Z][a-z]+)*\s+by\s+(?:the\s+)?\w"
)
_MACHINE = re.compile(
    r"\b(?:machine|automatic\w*|automated|software|artificial intelligence|AI|Google|DeepL|Bing|Microsoft|"
    r"ChatGPT|GPT|algorithm\w*|computer|maschinell\w*|autom[aá]tic\w*)\b",
    re.IGNORECASE,
)
_LAST_NAME_ON = re.compile(r"\b(?:on|by|at|in|em|no|na|en|sur|auf)\s+(?:the\s+)?([A-Z][^.:;]{1,40}?)\s*\.?\s*$")
_EXPLICIT = ("source line", "republication note")


@dataclass(frozen=True)
class Provenance:
    """Provenance fields of an article and the body spans that support them."""

    publisher: str | None = None
    original_reporting: str | None = None
    machine_translated: bool = False
    source_language: str | None = None
    evidence: tuple[Span, ...] = ()


def find_provenance(
    body: str,
    removed: tuple[Removed, ...],
    *,
    site_name: str | None = None,
    url: str | None = None,
    media: MediaIndex | None = None,
) -> Provenance:
    """Read provenance from the body, the blocks the cleaner cut and the page metadata."""
    index = media or default_index()
    credited, publisher = explicit_publisher(removed, index)
    if publisher is None:
        publisher = page_publisher(removed, site_name, url, index)
    reporting, evidence = original_reporting(body, removed, index)
    translated, language = translation(body, removed, credited)
    return Provenance(
        publisher=publisher,
        original_reporting=reporting,
        machine_translated=translated,
        source_language=language,
        evidence=evidence,
    )


def explicit_publisher(removed: tuple[Removed, ...], index: MediaIndex) -> tuple[Outlet | None, str | None]:
    """The outlet a source line or republication note names, and the publisher's name."""
    for reason in _EXPLICIT:
        for block in removed:
            if block.reason != reason:
                continue
            text = block.text.split("\n")[0].strip()
            if reason == "source line":
                text = text.split(":", 1)[1].strip() if ":" in text else text
                outlet = index.named(text) or _last_mention(text, index)
                if outlet is not None:
                    return outlet, outlet.name
                if _plain_name(text):
                    return None, text
            else:
                outlet = _last_mention(text, index)
                if outlet is not None:
                    return outlet, outlet.name
                m = _LAST_NAME_ON.search(text)
                if m:
                    return None, m.group(1).strip()
    return None, None


def page_publisher(
    removed: tuple[Removed, ...], site_name: str | None, url: str | None, index: MediaIndex
) -> str | None:
    """The publisher from the page itself: its site name, the title's site suffix, or the URL."""
    names = [site_name] if site_name else []
    names += [b.text for b in removed if b.reason == "site name"]
    for name in names:
        outlet = index.named(name)
        if outlet is not None:
            return outlet.name
    host = (urlparse(url).hostname or "") if url else ""
    outlet = index.at_domain(host) if host else None
    if outlet is not None:
        return outlet.name
    if names:
        return names[0].strip()
    return host.removeprefix("www.") or None


def original_reporting(
    body: str, removed: tuple[Removed, ...], index: MediaIndex
) -> tuple[str | None, tuple[Span, ...]]:
    """The outlet the body credits with the reporting, and the spans of those credits."""
    found_credits: list[tuple[int, Outlet, Span | None]] = []
    for strength, template, reach in (
        (DATELINE, _DATELINE, DATELINE_REACH),
        (INTERVIEW, _INTERVIEW, len(body)),
        (CITED, _CITED, len(body)),
    ):
        for m in re.finditer(template.replace("{o}", index.pattern), body[:reach]):
            group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g))
            outlet = index.by_name[m.group(group)]
            if strength == CITED and not outlet.agency:
                continue
            found_credits.append((strength, outlet, Span.of(body, m.start(), m.end())))
    for block in removed:
        if block.reason in ("byline", "navigation"):
            for line in block.text.split("\n"):
                byline = _agency_byline(line, index)
                if byline is not None:
                    found_credits.append((INTERVIEW, byline, None))
    if not found_credits:
        return None, ()
    weight: dict[str, tuple[int, int]] = {}
    for strength, outlet, _ in found_credits:
        best, count = weight.get(outlet.id, (0, 0))
        weight[outlet.id] = (max(best, strength), count + 1)
    winner = max(weight, key=lambda k: weight[k])
    outlet = next(o for _, o, _ in found_credits if o.id == winner)
    spans = tuple(s for _, o, s in found_credits if o.id == winner and s is not None)
    return outlet.name, spans


def _agency_byline(line: str, index: MediaIndex) -> Outlet | None:
    """A wire service named alone in a byline ("By Reuters", "Reuters, Washington")."""
    words = line.split()
    if not words or len(words) > 6:
        return None
    head = re.sub(r"^(?:by|from)\s+", "", line.strip(), flags=re.IGNORECASE).split(",")[0]
    outlet = index.named(head)
    return outlet if outlet is not None and outlet.agency else None


def translation(body: str, removed: tuple[Removed, ...], credited: Outlet | None) -> tuple[bool, str | None]:
    """Whether the body is a translation and, if so, the language it was translated from."""
    notes = [b.text for b in removed if b.reason in _EXPLICIT]
    said = any(_TRANSLATED.search(text) for text in notes)
    human = any(_human_translator(text) for text in notes)
    named = next((code for code in map(note_language, notes) if code), None)
    if named is not None:  # "(Translated from Portuguese by Reuters)" says the language itself
        return not human, named
    if credited is None or not credited.language:
        return said and not human, None
    language = body_language(body, credited.language)
    if language is not None and language != credited.language:
        return not human, credited.language
    return said and not human, credited.language if said else None


def _human_translator(note: str) -> bool:
    """Whether a note credits a person, a newsroom or an outlet with the translation."""
    m = _TRANSLATED_BY.search(note)
    return m is not None and not _MACHINE.search(note)


_FROM_LANGUAGE = re.compile(r"\btranslated\b[^.()]{0,30}?\bfrom\s+(?:the\s+)?(?:original\s+)?([A-Z][a-z]+)\b", re.I)


def note_language(note: str) -> str | None:
    """The ISO 639-1 code of the language a note says the text was translated from."""
    m = _FROM_LANGUAGE.search(note)
    if m is None:
        return None
    import pycountry  # a package the gazetteer needs already; imported only for this rare note

    found = pycountry.languages.get(name=m.group(1).capitalize())
    return getattr(found, "alpha_2", None) if found is not None else None


def body_language(body: str, other: str) -> str | None:
    """The body's language among the pipeline's languages and ``other``."""
    # imported here: the language stage loads lingua, which only this rare check needs
    from eventwire.stages.language import detect_language

    codes = tuple(sorted({*DEFAULT_LANGUAGES, other}))
    try:
        return detect_language(body, codes)
    except Exception:  # noqa: BLE001 - a language lingua lacks: no evidence either way
        return None


def _plain_name(text: str) -> bool:
    """A short name without dates or lists: "Source: Ministry of Health, 3 May" is a citation."""
    return bool(text) and len(text.split()) <= 4 and not re.search(r"[\d,;]", text)


def _last_mention(text: str, index: MediaIndex) -> Outlet | None:
    found = index.mentions(text)
    return found[-1][0] if found else None
