"""The exception tree and the error codes eventwire reports.

Every error carries a code and a hint that says how to fix it, so a batch can report a
failed article on one line and go on. Codes are stable: users grep logs for them.

- E1xx: input (reading and decoding articles)
- E2xx: configuration and data files (knowledge base, gazetteer, lexicons)
- E3xx: the pipeline itself (stages, requirements)
- E4xx: storage
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        base = f"{self.code} {self.args[0]}"
        return f"{base}; {self.hint}" if self.hint else base


class InputError(EventwireError):
    """An article could not be read or holds no article text."""

    code = "E100"


class ConfigError(EventwireError):
    """A configuration value or data file is missing or invalid."""

    code = "E200"


class PipelineError(EventwireError):
    """The pipeline cannot be built (a stage requirement is missing, a stage is unknown)."""

    code = "E300"


class StoreError(EventwireError):
    """The DuckDB store cannot be opened or written."""

    code = "E400"


# Input error codes, one per way an article can be unusable.
MISSING = "E101"
EMPTY = "E102"
NOT_UTF8 = "E103"
TOO_LARGE = "E104"
NO_TEXT = "E105"
BINARY = "E106"
BAD_RECORD = "E107"
UNSUPPORTED = "E108"
STAGE_FAILED = "E301"

HINTS = {
    MISSING: "check the path",
    EMPTY: "the input holds no text",
    NOT_UTF8: "re-encode it as UTF-8 (for example: iconv -f cp1252 -t utf-8)",
    TOO_LARGE: "split it, or raise --max-bytes",
    NO_TEXT: "no article text could be extracted; is this a page of links?",
    BINARY: "eventwire reads text, HTML and JSONL only",
    BAD_RECORD: 'each JSONL line must be an object with "id" and "text" or "html"',
    UNSUPPORTED: "use .txt, .html, .htm, .jsonl (optionally .gz), a folder or -",
    STAGE_FAILED: "this is a bug in eventwire: please report it with the article",
}


def input_error(code: str, message: str) -> InputError:
    """An :class:`InputError` with the standard hint for ``code``."""
    return InputError(message, code=code, hint=HINTS.get(code, ""))
