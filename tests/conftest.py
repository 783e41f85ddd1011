"""Shared fixtures for the whole suite.

* ``engine``: the shipped model, loaded once per session (as users load it).
* ``shared_chat``: the folder of real CHILDES transcripts in ``../shared/data/chat``; tests that
  need it are skipped, with the reason, when ``../shared`` is not beside the checkout.
* ``cli``: Typer's runner for the ``heard`` app (exit code and output, no subprocess).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import heard
from heard.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SHARED_CHAT = ROOT.parent / "shared" / "data" / "chat"


@pytest.fixture(scope="session")
def engine() -> heard.Engine:
    return heard.load()


@pytest.fixture(scope="session")
def shared_chat() -> Path:
    if not SHARED_CHAT.is_dir():
        pytest.skip(f"real CHILDES transcripts not found at {SHARED_CHAT} (../shared is not beside the checkout)")
    return SHARED_CHAT


@pytest.fixture()
def cli() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def invoke(cli: CliRunner):
    def run(*args: str, input: str | bytes | None = None):
        return cli.invoke(app, list(args), input=input)

    return run
