"""Every error heard reports to a user, in one place.

The library raises :class:`UserError` with a stable code; the CLI turns it into exit code 2
and the web app into an HTTP response. Messages say what is wrong and what to do.
"""

from __future__ import annotations

from enum import Enum


class HeardError(Exception):
    """Base class for heard's own errors."""


class E(str, Enum):
    """Message templates, keyed by a stable code (shown to users, documented in docs/)."""

    E001 = "The text is empty. Type what you said to the child, e.g. \"You fell. I saw.\""
    E002 = (
        "The text is {size:,} characters; heard checks at most {limit:,} characters at a time. "
        "Split it into shorter responses, or use `heard code` for whole transcripts."
    )
    E003 = "The input is not valid UTF-8 text ({detail}). Save it as UTF-8 and try again."
    E004 = (
        "This looks like {language} rather than English; heard codes English only. "
        "Type the response in English."
    )
    E005 = (
        "The text has no words, only symbols or emoji ({sample!r}). "
        "Type what you said to the child in words."
    )
    E006 = "{where}: {problem}. {fix}"
    E007 = "age_months must be a whole number from 0 to 216 (got {value!r})."
    E008 = "The {field} field is too long ({size:,} characters; at most {limit:,}). Shorten it."
    E009 = "The model folder {path} is missing or damaged ({detail}). Rebuild it with `make model`."
    E010 = "File not found: {path}. Check the path."
    E011 = "Too many sentences ({count:,}; at most {limit:,} in one call). Send them in batches."
    E012 = "The {field} field does not look like English ({language}); heard codes English only."


class UserError(HeardError):
    """A problem with the user's input or setup, with a message that says what to do."""

    def __init__(self, code: E, **params: object) -> None:
        self.code = code.name
        self.params = params
        super().__init__(code.value.format(**params))

    @property
    def message(self) -> str:
        return str(self)
