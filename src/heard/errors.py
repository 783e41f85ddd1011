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
    E013 = "The {field} field is empty. Leave it out, or say in a few words what happened / what the child does."

    # -- transcripts (``heard code``) -------------------------------------------------------
    E020 = "{where}: the file is empty. Nothing to code; check that the export finished."
    E021 = "{where}: this is a binary file, not a transcript. heard code reads {formats} files."
    E022 = (
        "{where}: not UTF-8 text (invalid byte 0x{byte:02x}). Save it as UTF-8 "
        "(in CLAN: File > Save As with Unicode) and run again."
    )
    E023 = (
        "{where}: the file is {size_mb:.1f} MB; heard code reads files up to {limit_mb:g} MB. "
        "Split it, or raise the limit with --max-file-mb."
    )
    E024 = (
        "{where}: not a CHAT line ({sample!r}); a line starts with @header, *SPEAKER:, %tier: or a tab "
        "(continuation). The line was skipped; CLAN's CHECK command shows how to fix it."
    )
    E025 = "{where}: the CHAT headers could not be parsed ({detail}). Check the file with CLAN's CHECK command."
    E026 = (
        "{where}: no turns found. Expected {expected}."
    )
    E027 = "{where}: {problem}. The row was skipped."
    E028 = "{where}: unsupported file type {suffix!r}; heard code reads {formats} files."
    E029 = "Config file {path}: {detail}. The fields are listed in docs/transcripts.md."
    E030 = "--format {fmt} writes one file per transcript: give an output folder with --out DIR."
    E031 = "--speaker {value!r}: expected NAME=ROLE, e.g. --speaker Mom=Mother."
    E032 = "No transcripts to code in {paths}. heard code reads {formats} files (folders are searched)."
    E033 = "{where}: the engine could not code this transcript ({detail}). It was skipped."
    # Web app and API (E040+).
    E040 = "The email or password is wrong. Check them and try again, or sign up for a new account."
    E041 = "An account with the email {email} already exists. Sign in instead."
    E042 = "The password is too short ({size} characters); use at least {limit} characters."
    E043 = "{email!r} does not look like an email address. Type an address such as name@example.org."
    E044 = "Sign in first: this page keeps data in your account."
    E045 = "Your session has expired. Sign in again."
    E046 = "There is no {kind} with id {id} in your account."
    E047 = "The form's security token is missing or out of date. Reload the page and submit it again."
    E048 = "The {what} is {size:,} bytes; the limit is {limit:,} bytes ({name}). Send less at a time."
    E049 = "{filename!r} is not a transcript heard reads. Upload a CHAT (.cha), plain text (.txt) or CSV (.csv) file."
    E050 = "The request body is not valid JSON ({detail}). Send a JSON object."
    E051 = "The database is unavailable right now ({detail}). Nothing was saved; try again in a moment."
    E052 = "{field}: {problem}."
    E053 = "Transcript coding is not available in this installation ({detail}). Install heard[transcripts]."
    E054 = "There is no practice scenario {id!r}. Pick one from the practice list."
    E055 = "The date {value!r} is not valid; use YYYY-MM-DD, not in the future."
    E056 = "The kind {value!r} is not one of: {options}."
    E057 = "The transcript could not be read: {detail}"


class UserError(HeardError):
    """A problem with the user's input or setup, with a message that says what to do."""

    def __init__(self, code: E, **params: object) -> None:
        self.code = code.name
        self.params = params
        super().__init__(code.value.format(**params))

    @property
    def message(self) -> str:
        return str(self)
