"""HTML extraction: main text, metadata, furniture cuts, broken pages, and the benchmark floor."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement
from trafilatura.settings import Document

from eventwire.errors import InputError
from eventwire.model import Source
from eventwire.stages import clean_html
from eventwire.stages.clean_html import clean_author, extract_html, has_prose, parse_html
from eventwire.stages.clean_html_rules import PageClues, is_headline_of, load_cues, tidy_paragraphs
from tests.conftest import pipeline

# The pinned floor of the benchmark below: it may rise, never fall (trafilatura alone: 0.968).
BENCHMARK_F1_FLOOR = 0.985
BENCHMARK_MS_PER_PAGE = 250

STORY = [
    "The city council of Porto Alegre voted on Tuesday to close two coal-fired heating plants by "
    "the end of next year, after months of protests by residents of the northern districts.",
    "Mayor Helena Duarte said the plants would be replaced by heat pumps paid for with a loan from "
    "a regional development bank, and that no worker would lose a job in the change.",
    "Opposition councillors called the plan rushed. They said the loan terms had not been published "
    "and asked the council to delay the vote until an independent audit was finished.",
    "The union representing the plant workers welcomed the promise on jobs but said it would hold "
    "the mayor to it, and warned of strikes if any worker was dismissed before the plants closed.",
    "Residents who had camped outside the town hall for three weeks packed up their tents on "
    "Wednesday morning, saying they would return if the timetable slipped.",
]
HEADLINE = "Porto Alegre votes to close coal heating plants"


def page(
    paragraphs: list[str],
    *,
    before: str = "",
    after: str = "",
    head: str = "",
    title: str = HEADLINE,
) -> str:
    """A whole news page: site chrome around an article with a headline and ``paragraphs``.

    A paragraph that starts with ``<`` is inserted as it is (an embed, a promo, a caption).
    """
    text = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | The Courier"
        f"</title>{head}</head><body>"
        "<header><nav><ul><li><a href='/world'>World</a></li><li><a href='/politics'>Politics</a>"
        "</li><li><a href='/sport'>Sport</a></li></ul></nav></header>"
        f"<main><article><h1>{title}</h1>{before}<div class='story-body'>{text}</div>{after}"
        "</article></main>"
        "<footer><p>About us</p><p>Contact the newsroom</p><p>© 2025 The Courier Media Group</p>"
        "</footer></body></html>"
    )


SHARE_BAR = (
    "<div class='share-tools'><ul><li><a href='#'>Share on Facebook</a></li>"
    "<li><a href='#'>Share on X</a></li><li><a href='#'>Email</a></li></ul></div>"
)
RELATED = (
    "<aside class='related-stories'><h3>Related stories</h3><ul>"
    "<li><a href='/a'>Council approves new bus lanes in the city centre</a></li>"
    "<li><a href='/b'>Heating bills expected to rise again this winter</a></li></ul></aside>"
)


def test_extract_html_keeps_the_story_and_drops_nav_share_related_and_footer() -> None:
    got = extract_html(page(STORY, before=SHARE_BAR, after=RELATED))
    assert got.body == "\n".join(STORY)
    for chrome in ("World", "Share on", "bus lanes", "Contact the newsroom", "©"):
        assert chrome not in got.body


@pytest.mark.parametrize(
    ("furniture", "reason"),
    [
        ("<p>Read more: <a href='/c'>Council approves new bus lanes in the city centre</a></p>", "related-links block"),
        ("<p>Comments</p>", "share prompt"),
        ("<p>Photo of the town hall © Ana Lima, 2025</p>", "photo credit"),
        ("<p>CLICK HERE TO GET OUR NEWS APP</p>", "call to action"),
    ],
)
def test_extract_html_cuts_furniture_inside_the_story_and_says_why(furniture: str, reason: str) -> None:
    got = extract_html(page([*STORY[:2], furniture, *STORY[2:]]))
    assert got.body == "\n".join(STORY)
    assert reason in {r.reason for r in got.removed}


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        ("Follow us on Twitter and Facebook for the latest news.", "share prompt"),
        ("Sign up for our free morning newsletter.", "newsletter prompt"),
        ("Email Marta Reis at marta.reis@example.org.", "contact line"),
        ("(Reporting by Marta Reis; editing by Paul Tanaka)", "byline"),
        ("Paul Tanaka contributed to this report.", "byline"),
        ("Ana Lima contributed reporting from Lisbon.", "byline"),
        ("This article was translated from Portuguese by Ana Lima.", "republication note"),
    ],
)
def test_extract_html_cuts_calls_to_action_and_credits_at_the_end(tail: str, reason: str) -> None:
    got = extract_html(page([*STORY, tail]))
    assert got.body == "\n".join(STORY)
    assert (tail, reason) in {(r.text, r.reason) for r in got.removed}


def test_extract_html_keeps_tail_words_when_they_are_inside_the_story() -> None:
    middle = "Campaigners said they would follow the mayor on every step of the plan, and sign up volunteers."
    story = [*STORY[:2], middle, *STORY[2:]]
    assert extract_html(page(story)).body == "\n".join(story)


def test_extract_html_cuts_a_press_release_about_block_with_company_facts() -> None:
    about = [
        "About Nordlys Energy",
        "Nordlys Energy is a leading provider of district heating systems in northern Europe.",
        "Nordlys Energy is headquartered in Tromsø and employs around 2,400 people.",
    ]
    got = extract_html(page([*STORY, *about]))
    assert got.body == "\n".join(STORY)
    assert [(r.text, r.reason) for r in got.removed if r.reason != "headline"] == [
        (line, "about the company") for line in about
    ]


def test_extract_html_keeps_a_company_description_without_company_facts() -> None:
    story = [*STORY, "Nordlys Energy is a small supplier of heat pumps that won the contract in May."]
    assert extract_html(page(story)).body == "\n".join(story)


def test_extract_html_keeps_an_embedded_post_that_a_widget_wraps() -> None:
    post = (
        "<div class='social-media-embed article-widget'><blockquote class='twitter-tweet'>"
        "<p lang='en'>The heating plants will close next year. A promise kept to the north.</p>"
        "&mdash; Helena Duarte (@hduarte) <a href='https://x.example/1'>May 6, 2025</a>"
        "</blockquote><script async src='https://platform.example/widgets.js'></script></div>"
    )
    body = extract_html(page([*STORY[:2], post, *STORY[2:]])).body
    assert "A promise kept to the north." in body
    assert "Helena Duarte (@hduarte)" in body


@pytest.mark.parametrize(
    ("line", "titles", "expected"),
    [
        (
            "Porto Alegre votes to close coal heating plants",
            ("Porto Alegre votes to close coal heating plants | The Courier",),
            True,
        ),
        (
            "Porto Alegre: council votes to close coal heating plants",
            ("Porto Alegre votes to close coal heating plants",),
            True,
        ),
        (
            "Porto Alegre voted to close its coal heating plants on Tuesday.",
            ("Porto Alegre votes to close coal heating plants",),
            False,
        ),
        ("Residents celebrate outside the town hall", ("Porto Alegre votes to close coal heating plants",), False),
    ],
)
def test_is_headline_of_matches_the_headline_but_not_a_first_sentence(
    line: str, titles: tuple[str, ...], expected: bool
) -> None:
    assert is_headline_of(line, titles) is expected


def test_extract_html_drops_the_repeated_headline_and_keeps_it_as_title() -> None:
    got = extract_html(page(STORY))
    assert got.title == HEADLINE
    assert not got.body.startswith(HEADLINE)


def test_extract_html_reads_metadata_from_meta_tags() -> None:
    head = (
        "<meta property='og:title' content='Porto Alegre votes to close coal heating plants'>"
        "<meta property='og:site_name' content='The Courier'>"
        "<meta name='author' content='Marta Reis'>"
        "<meta property='article:published_time' content='2025-05-06T09:30:00+00:00'>"
        "<link rel='canonical' href='https://courier.example/2025/05/06/porto-alegre-coal'>"
    )
    got = extract_html(page(STORY, head=head), url="https://courier.example/amp/123")
    assert (got.title, got.site_name, got.author, got.date) == (HEADLINE, "The Courier", "Marta Reis", "2025-05-06")
    assert got.url == "https://courier.example/2025/05/06/porto-alegre-coal"


def test_extract_html_keeps_non_ascii_text() -> None:
    story = [
        "A câmara municipal de São Luís aprovou na terça-feira o fecho de duas centrais a carvão até ao "
        "fim do próximo ano, depois de meses de protestos dos moradores da zona norte.",
        "Segundo a presidente da câmara, Helena Duarte, nenhum trabalhador perderá o emprego, e as "
        "centrais serão substituídas por bombas de calor financiadas por um empréstimo regional.",
        "서울시는 화요일 석탄 난방 발전소 두 곳을 내년 말까지 폐쇄하기로 결정했다고 밝혔다. "
        "시장은 어떤 노동자도 일자리를 잃지 않을 것이라고 말했다.",
    ]
    got = extract_html(page(story, title="Câmara de São Luís fecha centrais a carvão"))
    assert got.body == "\n".join(story)


def test_extract_html_returns_what_a_truncated_page_holds() -> None:
    html = page(STORY)
    cut = html[: html.index(STORY[3]) + 40]
    got = extract_html(cut)
    assert got.body.startswith(STORY[0])
    assert STORY[2] in got.body


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<<<>>>&&&<html",
        "\x00\x01<html><body>",
        "<html><head><title>Home</title></head><body><nav><ul><li><a href='/a'>World</a></li>"
        "<li><a href='/b'>Politics</a></li></ul></nav><footer>© 2025 The Courier</footer></body></html>",
    ],
    ids=["empty", "blank", "garbage", "control-characters", "no-article"],
)
def test_extract_html_never_raises_and_finds_no_article_text_in_pages_without_one(html: str) -> None:
    got = extract_html(html)
    assert not has_prose(got.body)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<html>", "<p>", "</p>", "<div class='share'>", "</div>", "<a href='/x'>", "&amp;", "\x00"])
    )
    .map("".join)
    .flatmap(lambda tags: st.text(max_size=200).map(lambda text: tags + text))
)
def test_extract_html_never_raises_on_broken_markup(html: str) -> None:
    got = extract_html(html)
    assert isinstance(got.body, str)


def test_parse_html_accepts_a_fragment_without_an_html_tag() -> None:
    tree = parse_html(f"<p>{STORY[0]}</p>")
    assert tree is not None
    assert STORY[0] in tree.text_content()


def test_clean_stage_reports_a_page_without_article_text_as_e105() -> None:
    html = "<html><body><nav><a href='/a'>World</a> <a href='/b'>Politics</a></nav></body></html>"
    with pytest.raises(InputError) as caught:
        pipeline(("clean",))(Source(id="p", html=html))
    assert caught.value.code == "E105"


def test_clean_stage_uses_the_extracted_body_and_metadata() -> None:
    result = pipeline(("clean",))(Source(id="p", html=page(STORY)))
    assert result.article.body == "\n".join(STORY)
    assert result.article.title == HEADLINE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("World\nPolitics\nSport", False),
        ("Residents who had camped outside the town hall packed up their tents on Wednesday.", True),
        (
            "市議会は火曜日、石炭火力の暖房施設二か所を来年末までに閉鎖することを決めた。"
            "市長は、この変更で職を失う労働者は一人もいないと述べ、住民の抗議に感謝した。",
            True,
        ),
    ],
)
def test_has_prose_tells_running_text_from_menus(text: str, expected: bool) -> None:
    assert has_prose(text) is expected


def test_extract_html_retries_in_recall_mode_when_precision_finds_almost_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = clean_html._extract

    def precise_finds_little(tree: HtmlElement, url: str | None, *, recall: bool = False) -> Document | None:
        doc = real(tree, url, recall=recall)
        if not recall and doc is not None:
            doc.text = STORY[0][:60]
        return doc

    monkeypatch.setattr(clean_html, "_extract", precise_finds_little)
    assert extract_html(page(STORY)).body == "\n".join(STORY)


def test_load_cues_reads_a_cue_file_given_by_path(tmp_path: Path) -> None:
    cues = tmp_path / "cues.tsv"
    cues.write_text("# comment\nteaser line\tline\t^more soon$\n", encoding="utf-8")
    kept, removed = tidy_paragraphs([STORY[0], "More soon"], PageClues(), load_cues(cues))
    assert kept == [STORY[0]]
    assert [r.reason for r in removed] == ["teaser line"]


def test_load_cues_refuses_an_unknown_scope(tmp_path: Path) -> None:
    cues = tmp_path / "cues.tsv"
    cues.write_text("teaser line\teverywhere\t^more soon$\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown scope"):
        load_cues(cues)


def test_tidy_paragraphs_cuts_a_run_of_link_headlines_but_keeps_a_lone_linked_paragraph() -> None:
    links = frozenset({"council approves new bus lanes", "heating bills expected to rise", "the full council report"})
    clues = PageClues(titles=(HEADLINE,), link_texts=links)
    paragraphs = [
        STORY[0],
        "The full council report",
        STORY[1],
        "Council approves new bus lanes",
        "Heating bills expected to rise",
        STORY[2],
    ]
    kept, removed = tidy_paragraphs(paragraphs, clues)
    assert kept == [STORY[0], "The full council report", STORY[1], STORY[2]]
    assert {r.reason for r in removed} == {"related-links block"}


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _token_f1(got: str, want: str) -> float:
    """Token F1 as the shared scorer computes it (bags of lower-cased ``\\w+`` tokens)."""
    g, w = _tokens(got), _tokens(want)
    tp = sum((g & w).values())
    p = tp / sum(g.values()) if g else 0.0
    r = tp / sum(w.values()) if w else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_extract_html_stays_above_its_floor_on_the_extraction_benchmark(shared: Path) -> None:
    folder = shared / "data" / "article_extraction_benchmark"
    rows = [json.loads(line) for line in (folder / "data.jsonl").read_text(encoding="utf-8").splitlines() if line]
    scores, seconds = [], 0.0
    for row in rows:
        with gzip.open(folder / row["html_path"], "rt", encoding="utf-8", errors="replace") as fh:
            html = fh.read()
        start = time.perf_counter()
        body = extract_html(html, row.get("url")).body
        seconds += time.perf_counter() - start
        scores.append(_token_f1(body, row["body"]))
    assert sum(scores) / len(scores) >= BENCHMARK_F1_FLOOR
    assert 1000 * seconds / len(rows) < BENCHMARK_MS_PER_PAGE


def test_tidy_paragraphs_keeps_the_text_when_the_rules_would_cut_most_of_it() -> None:
    links = frozenset({"council approves new bus lanes", "heating bills expected to rise"})
    paragraphs = ["The council met on Tuesday.", "- Council approves new bus lanes", "- Heating bills expected to rise"]
    kept, removed = tidy_paragraphs(paragraphs, PageClues(link_texts=links))
    assert (kept, removed) == (paragraphs, [])


@pytest.mark.parametrize(
    ("raw", "author"),
    [
        ("Tom Hadley; Home Affairs Correspondent", "Tom Hadley"),
        ("Ahmed al-Haj ·", "Ahmed al-Haj"),
        ("Staff Reporter", None),
        ("Jane Okafor; Luis Pérez", "Jane Okafor; Luis Pérez"),
        (None, None),
    ],
)
def test_author_field_drops_separators_and_job_titles(raw: str | None, author: str | None) -> None:
    assert clean_author(raw) == author
