"""Docs are tested: every code, pattern, command, error and setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from heard import CODES, PATTERNS
from heard.cli.docs import render_codes
from heard.cli.main import app
from heard.errors import E

DOCS = Path(__file__).resolve().parents[1] / "docs"
ALL_DOCS = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))


def test_docs_codes_page_is_generated_from_the_registry():
    assert (DOCS / "codes.md").read_text(encoding="utf-8") == render_codes(), "run `make docs`"


@pytest.mark.parametrize("name", CODES + PATTERNS)
def test_docs_every_code_and_pattern_documented(name):
    assert f"### `{name}`" in (DOCS / "codes.md").read_text(encoding="utf-8")


def test_docs_every_command_documented():
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        assert f"`heard {command.name}" in cli, f"heard {command.name} is not in docs/cli.md"


@pytest.mark.parametrize("code", [e.name for e in E])
def test_docs_every_error_code_documented(code):
    assert re.search(rf"\b{code}\b", ALL_DOCS), f"{code} is not documented in docs/"


def test_docs_limits_match_the_code():
    from heard import guard

    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"{guard.MAX_TEXT_CHARS:,} characters" in cli
    assert f"{guard.MAX_FIELD_CHARS:,} characters" in cli


def test_docs_pattern_thresholds_match_the_code():
    from heard import patterns

    book = (DOCS / "codebook.md").read_text(encoding="utf-8")
    assert f"{patterns.TOO_MUCH_SENTENCES} or\n  more sentences or {patterns.TOO_MUCH_WORDS} or more words" in book \
        or f"{patterns.TOO_MUCH_SENTENCES} or more sentences or {patterns.TOO_MUCH_WORDS} or more words" in book
