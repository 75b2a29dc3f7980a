"""Docs cannot drift: every option, stage and error code is documented."""

from __future__ import annotations

import dataclasses
import re

from eventwire import errors
from eventwire.config import Options
from eventwire.pipeline import REGISTRY
from tests.conftest import REPO

CONFIG_DOC = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")


def test_every_option_is_documented() -> None:
    for f in dataclasses.fields(Options):
        assert f"`{f.name}`" in CONFIG_DOC, f.name


def test_every_stage_is_documented() -> None:
    for name in REGISTRY:
        assert f"| `{name}` |" in CONFIG_DOC, name


def test_every_input_error_code_is_documented() -> None:
    codes = {v for k, v in vars(errors).items() if k.isupper() and isinstance(v, str) and re.fullmatch(r"E\d{3}", v)}
    for code in codes:
        assert f"| {code} |" in CONFIG_DOC or code in CONFIG_DOC, code


def test_the_plover_page_is_generated_from_the_ontology_the_coder_loads() -> None:
    from eventwire.ontology_doc import render

    page = (REPO / "docs" / "plover.md").read_text(encoding="utf-8")
    assert page == render(), "regenerate: python -m eventwire.ontology_doc > docs/plover.md"
