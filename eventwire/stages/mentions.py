"""The ``mentions`` stage: names in the body, from the knowledge base first, then from NER.

spaCy's small model tags many militias as PERSON or GPE; a phrase matcher over the
knowledge base's names runs in front of it, and its matches win over overlapping entities.
Labels follow spaCy's scheme (PERSON, ORG, NORP, GPE, LOC, FAC); knowledge-base matches
carry the record id in ``kb_id``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from eventwire.config import Options
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.model import Analysis, Mention
from eventwire.stages.actors_people import titles
from eventwire.stages.actors_rules import guess_type
from eventwire.stages.parse import load_model, text_of
from eventwire.stages.times_rules import load_time_lexicon

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
LABEL_OF_TYPE = {"person": "PERSON", "state": "GPE"}


def _case_sensitive(alias: str) -> bool:
    """Acronyms and short names must match in their own case ("IS" is not "is")."""
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 4 or (bool(letters) and all(c.isupper() for c in letters))


@lru_cache(maxsize=4)
def kb_matchers(model: str, max_length: int, kb_key: tuple[Any, ...]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive and case-insensitive phrase matchers over every name in the knowledge base."""
    nlp = load_model(model, max_length)
    kb = load_kb(*kb_key)
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rec in kb.records.values():
        names = {rec.name, *rec.aliases}
        strict = [n for n in names if _case_sensitive(n)]
        loose = [n for n in names if not _case_sensitive(n)]
        if strict:
            exact.add(rec.id, list(nlp.tokenizer.pipe(strict)))
        if loose:
            folded.add(rec.id, list(nlp.tokenizer.pipe(loose)))
    return exact, folded


def _capitalised(span: Span) -> bool:
    """A case-insensitive match counts only where the text writes it as a name."""
    first = span[0]
    return first.is_title or first.is_upper or not first.text[:1].isalpha() or first.text[:1].isupper()


def _shouting(span: Span) -> bool:
    """An acronym match inside capitals ("WHO IS THE FRONT-RUNNER?") is a headline, not a name."""
    doc = span.doc
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) >= 2 for t in near)


def _inside_a_longer_person(span: Span, people: list[Span]) -> bool:
    """A one-word name inside a longer person's name ("Richard Wagner", "Amal Clooney")."""
    return len(span) == 1 and any(p.start <= span.start and span.end <= p.end and len(p) > 1 for p in people)


def _inside_a_longer_name(span: Span) -> bool:
    """A one-word name written between two other words of a capitalised name is part of that
    name: "Liberation" in "Cabinda Enclave Liberation Front" or in "Front for Liberation and
    Justice" is not the newspaper Libération."""
    if len(span) != 1:
        return False
    return _name_word(span.doc, span.start - 1, -1) and _name_word(span.doc, span.end, 1)


_NAME_JOINERS = frozenset({"for", "of", "and", "de", "du", "des", "la", "el"})


def _name_word(doc: Doc, i: int, step: int) -> bool:
    """Whether token ``i`` continues a capitalised name away from a match (``step`` -1 looks
    left, 1 right): a capitalised word, or a joiner ("for", "of", "and") before another."""
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    if tok.is_title and not (step < 0 and (tok.is_stop or tok.is_sent_start)):
        return True  # on the left, "The" opening a sentence is no part of a name
    nxt = i + step
    return tok.lower_ in _NAME_JOINERS and tok.is_lower and 0 <= nxt < len(doc) and doc[nxt].is_title


def _inside_a_hyphenated_word(span: Span) -> bool:
    """An acronym with a hyphen hard against both sides is part of a word ("AU" in
    "PORT-AU-PRINCE"); "AU-led" and "anti-ISIS" still name their actor."""
    text, lo, hi = text_of(span.doc), span.start_char, span.end_char
    return text[lo - 1 : lo] == "-" and text[hi : hi + 1] == "-" and text[lo - 2 : lo - 1].isalnum()


def kb_mentions(doc: Doc, kb: KnowledgeBase, matchers: tuple[PhraseMatcher, PhraseMatcher]) -> list[Mention]:
    """Longest non-overlapping knowledge-base matches in ``doc``."""
    spans = []
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for i, matcher in enumerate(matchers):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            if i == 1 and (not _capitalised(span) or _inside_a_longer_name(span)):
                continue
            if i == 0 and (_shouting(span) or _inside_a_hyphenated_word(span)):
                continue
            rec = kb.records[doc.vocab.strings[match_id]]
            if not rec.is_person and _inside_a_longer_person(span, people):
                continue
            spans.append(Span(doc, start, end, label=match_id))
    kept = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    out = []
    for span in sorted(kept, key=lambda s: s.start):
        rid = doc.vocab.strings[span.label]
        rec = kb.records[rid]
        label = LABEL_OF_TYPE.get(rec.type, "ORG")
        out.append(Mention(span.start_char, span.end_char, span.text, label, rid, "kb"))
    return out


# Month names and their abbreviations (the times stage's lexicon), which the model sometimes
# tags as a person or place in a dateline ("BAMAKO, 12 Mar (Reuters)").
_TIME_WORDS = load_time_lexicon()
MONTHS = frozenset((*_TIME_WORDS.months, *_TIME_WORDS.month_abbreviations))


def _a_month(tokens: list[Any]) -> bool:
    """A lone month name beside a day number is a date, whatever label the model gave it
    ("Oct 2" tagged as a person, alone or with its day)."""
    if len(tokens) == 2:
        return any(t.lower_.rstrip(".") in MONTHS for t in tokens) and any(t.like_num for t in tokens)
    if len(tokens) != 1 or tokens[0].lower_.rstrip(".") not in MONTHS:
        return False
    doc, i = tokens[0].doc, tokens[0].i
    return any(0 <= j < len(doc) and doc[j].like_num for j in (i - 1, i + 1))


@lru_cache(maxsize=4)
def common_nouns(model: str, max_length: int) -> frozenset[str]:
    """The English common nouns the model's lemmatizer knows (its WordNet-derived index)."""
    lemmatizer = load_model(model, max_length).get_pipe("lemmatizer")
    tables = getattr(lemmatizer, "lookups", None)
    if tables is None or not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("noun", ()))


def _sentence_case_noun(tokens: list[Any], nouns: frozenset[str], body: str) -> bool:
    """A lone "person" that is a common noun capitalised only because it opens the sentence,
    modifying the noun after it ("Riot police fired tear gas"), and never capitalised
    inside a sentence: a word, not a name."""
    if len(tokens) != 1 or not tokens[0].is_sent_start or tokens[0].lower_ not in nouns:
        return False
    tok = tokens[0]
    after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if after is None or not after.is_lower or not after.is_alpha or tok.head.i != after.i:
        return False  # only a modifier of the noun after it: "Brown said" keeps its person
    return re.search(rf"[a-z,;] {re.escape(tok.text)}\b", body) is None


def _after_title(tokens: list[Any], body: str) -> list[Any] | None:
    """The name in an entity that starts with a title ("Field Marshal Birhanu Jula", "Sheikh
    Hikmat al-Hijri"): the person, without the title, which the actors stage reads as the
    role. Two names at least after a title in an ORG entity ("General Motors" is no person),
    none of them an organisation word ("General Assembly")."""
    start = tokens[0].idx
    text = body[start : tokens[-1].idx + len(tokens[-1].text)]
    inside = next((part for t in titles() if (part := _title_part(t, text, body[:start]))), None)
    if inside is None:
        return None
    cut = start + len(inside) + 1
    rest = [t for t in tokens if t.idx >= cut]
    least = 1 if tokens[0].ent_type_ == "PERSON" else 2
    if len(rest) < least or not all(t.text[:1].isupper() or t.is_punct or "-" in t.text for t in rest):
        return None
    if not rest[0].text[:1].isupper() or guess_type(body[rest[0].idx : rest[-1].idx + len(rest[-1].text)]) != "other":
        return None
    return rest


def _title_part(title: str, text: str, before: str) -> str | None:
    """The part of ``title`` that opens ``text``, its other words ending ``before`` (the
    tagger may leave "Field" out of "Field Marshal Birhanu Jula")."""
    words = title.split()
    for j in range(len(words)):
        inside, outside = " ".join(words[j:]), " ".join(words[:j])
        if text.startswith(inside + " ") and (not outside or before.endswith(outside + " ")):
            return inside
    return None


def ner_mentions(doc: Doc, nouns: frozenset[str] = frozenset()) -> list[Mention]:
    """spaCy's entities of the labels that can name an actor, a person or a place."""
    out = []
    body = text_of(doc)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        tokens = list(ent)
        while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
            tokens = tokens[:-1]
        if not tokens or _a_month(tokens) or not any(c.isupper() for t in tokens for c in t.text):
            continue  # a date, or words with no capital at all ("lorry driver"): no name
        if ent.label_ == "PERSON" and _sentence_case_noun(tokens, nouns, body):
            continue
        label = ent.label_
        named = _after_title(tokens, body) if label in ("PERSON", "ORG") else None
        if named is not None:
            tokens, label = named, "PERSON"
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = body[start:end]
        if len(text) >= 2:
            out.append(Mention(start, end, text, label))
    return out


def merge(kb_found: list[Mention], ner_found: list[Mention]) -> list[Mention]:
    """Knowledge-base matches win; an entity overlapping one is dropped."""
    out = list(kb_found)
    for m in ner_found:
        if not any(m.start < k.end and k.start < m.end for k in kb_found):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


class MentionFinder:
    """Collects name mentions from the knowledge base and the shared parse."""

    name = "mentions"
    requires = frozenset({"doc"})
    provides = frozenset({"mentions"})

    def __init__(self, options: Options) -> None:
        self.kb_key = (tuple(options.kb_paths),)
        self.kb = load_kb(*self.kb_key)
        self.matchers = kb_matchers(options.model, options.max_bytes + 1, self.kb_key)
        self.nouns = common_nouns(options.model, options.max_bytes + 1)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        found = merge(kb_mentions(doc, self.kb, self.matchers), ner_mentions(doc, self.nouns))
        return replace(analysis, mentions=tuple(found))
