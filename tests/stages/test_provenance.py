"""Provenance: publisher, original reporting and machine translation, with evidence in the body."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.model import Removed
from eventwire.stages.media import MEDIA_FILE, build_index, default_index, load_media
from eventwire.stages.provenance import find_provenance
from tests.conftest import analyse

BODY = (
    "Ministers from both countries agreed on Tuesday to reopen the northern border crossing after six "
    "months of closure, officials told Reuters.\n\n"
    "The crossing, which handled most of the trade between the two neighbours, was closed in the spring "
    "after a dispute over customs fees, a senior customs official told Reuters."
)

TRANSLATED_PAGE = f"""Ministers agree to reopen the northern border crossing

{BODY}

This content was originally published in Ministers agree to reopen border crossing on Folha de S.Paulo.

Source: Folha de S.Paulo

You may also like

Port workers end strike
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("PARIS (AFP) - French unions called a new national strike on Monday over the pension reform plan.",
         "Agence France-Presse"),
        ("HAYWARD, Calif. (AP) — A man was stabbed to death on a commuter train late on Tuesday, police said.",
         "Associated Press"),
        ("(Reuters) - The attorney general is investigating the company. Bloomberg News reported on Friday that "
         "regulators were also looking into its accounts.", "Reuters"),
        ("The minister told the BBC that the talks would resume next week.", "BBC"),
        ("Two people were killed in the blast, according to Xinhua.", "Xinhua News Agency"),
        ("Documents seen by Reuters show the deal was signed in March.", "Reuters"),
    ],
)  # fmt: skip
def test_original_reporting_comes_from_datelines_interviews_and_wire_credits(body: str, expected: str) -> None:
    found = find_provenance(body, ())
    assert found.original_reporting == expected
    assert found.evidence and all(body[s.start : s.end] == s.text for s in found.evidence)


@pytest.mark.parametrize(
    "body",
    [
        "The company's shares fell, according to The New York Times, after the announcement.",
        "The protest was peaceful and nobody was arrested, the police said.",
    ],
)
def test_original_reporting_ignores_citations_of_newspapers_and_uncredited_text(body: str) -> None:
    found = find_provenance(body, ())
    assert found.original_reporting is None
    assert found.evidence == ()


def test_original_reporting_reads_a_wire_byline_the_cleaner_cut() -> None:
    found = find_provenance("Talks resumed on Monday in Geneva.", (Removed("Reuters, Washington,", "navigation"),))
    assert found.original_reporting == "Reuters"


@pytest.mark.parametrize(
    ("removed", "site_name", "url", "publisher"),
    [
        ((Removed("Source: CNN Brazil", "source line"),), None, None, "CNN Brasil"),
        ((Removed("This story first appeared on Al-Monitor.", "republication note"),), None, None, "Al-Monitor"),
        ((Removed("This article was originally published by The Conversation.", "republication note"),), None, None,
         "The Conversation"),
        ((), "CNN Brazil", None, "CNN Brasil"),
        ((Removed("The Guardian", "site name"),), None, None, "The Guardian"),
        ((), None, "https://www.lemonde.fr/international/article/2024/03/14/x.html", "Le Monde"),
        ((), None, "https://g1.globo.com/mundo/noticia/x.ghtml", "G1"),
        ((), None, "https://news.example.org/2024/03/story", "news.example.org"),
        ((Removed("Source: Ministry of Health, 3 May 2024", "source line"),), None, None, None),
    ],
)  # fmt: skip
def test_publisher_comes_from_source_lines_notes_site_names_and_domains(
    removed: tuple[Removed, ...], site_name: str | None, url: str | None, publisher: str | None
) -> None:
    found = find_provenance("Talks resumed on Monday in Geneva.", removed, site_name=site_name, url=url)
    assert found.publisher == publisher


def test_provenance_of_a_republished_translation_names_publisher_reporter_and_language() -> None:
    article = analyse(TRANSLATED_PAGE, stages=("clean",)).article
    assert article.body == BODY
    assert article.publisher == "Folha de S.Paulo"
    assert article.original_reporting == "Reuters"
    assert article.machine_translated is True
    assert article.source_language == "pt"
    assert [s.text for s in article.provenance_evidence] == ["told Reuters", "told Reuters"]
    assert all(article.body[s.start : s.end] == s.text for s in article.provenance_evidence)


@pytest.mark.parametrize(
    ("removed", "translated", "language"),
    [
        ((Removed("Source: Reuters", "source line"),), False, None),
        ((Removed("Source: El País", "source line"),), True, "es"),
        ((Removed("This article was translated from the original published by El País.", "republication note"),),
         True, "es"),
        ((Removed("This article was automatically translated.", "republication note"),), True, None),
    ],
)  # fmt: skip
def test_machine_translation_needs_a_credited_outlet_in_another_language_or_a_note(
    removed: tuple[Removed, ...], translated: bool, language: str | None
) -> None:
    found = find_provenance(BODY, removed)
    assert (found.machine_translated, found.source_language) == (translated, language)


def test_media_file_covers_wire_services_and_broadcasters_with_their_aliases() -> None:
    index = default_index()
    assert len(index.outlets) >= 150
    for alias, name in [
        ("AP", "Associated Press"),
        ("Associated Press", "Associated Press"),
        ("AFP", "Agence France-Presse"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("CNN Brazil", "CNN Brasil"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("Xinhua", "Xinhua News Agency"),
    ]:
        outlet = index.named(alias)
        assert outlet is not None and outlet.name == name
    assert {o.name for o in index.outlets if o.agency} >= {"Reuters", "TASS", "Yonhap News Agency", "Anadolu Agency"}


def test_media_records_follow_the_knowledge_base_format() -> None:
    records = [json.loads(line) for line in MEDIA_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    names = [n for r in records for n in (r["name"], *r["aliases"])]
    assert len(names) == len(set(names)), "a name or alias belongs to two outlets"
    for r in records:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"])
        assert r["type"] == "news_organization"
        assert re.fullmatch(r"[A-Z]{2}", r["country"])
        assert re.fullmatch(r"[a-z]{2}", r["language"])
        assert r["wikidata"] == "" or re.fullmatch(r"Q\d+", r["wikidata"])


def test_load_media_reads_a_file_given_by_path(tmp_path: Path) -> None:
    path = tmp_path / "media.jsonl"
    record = {"id": "the-daily-courier", "name": "The Daily Courier", "type": "news_organization", "country": "GB",
              "language": "en", "aliases": ["Courier"], "domains": ["dailycourier.example"]}  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    index = build_index(load_media(path))
    found = find_provenance("The mayor told the Courier she would resign.", (), media=index)
    assert found.original_reporting == "The Daily Courier"
    assert index.at_domain("www.dailycourier.example") is not None


@pytest.mark.parametrize(
    ("note", "language"),
    [
        ("This story was translated from the original Arabic.", "ar"),
        ("Machine translated from Turkish by DeepL.", "tr"),
        ("This article was automatically translated from Spanish.", "es"),
    ],
)
def test_a_translation_note_names_the_source_language(note: str, language: str) -> None:
    found = find_provenance(BODY, (Removed(note, "republication note"),))
    assert (found.machine_translated, found.source_language) == (True, language)


@pytest.mark.parametrize(
    ("removed", "language"),
    [
        ((Removed("(Translated from the French by Reuters)", "republication note"),), "fr"),
        ((Removed("Translated from Urdu by AFP.", "republication note"),), "ur"),
        ((Removed("Translated from Portuguese by the newsroom.", "republication note"),), "pt"),
        ((Removed("Source: El País", "source line"), Removed("Translated by Ana Ruiz.", "republication note")), "es"),
    ],
)  # fmt: skip
def test_a_human_translation_keeps_its_language_but_is_not_machine_translated(
    removed: tuple[Removed, ...], language: str
) -> None:
    found = find_provenance(BODY, removed)
    assert (found.machine_translated, found.source_language) == (False, language)
