"""Fixtures for the transcript tests.

* ``fixtures``: this folder's small, hand-written transcripts (the real CHILDES files stay in
  ``../shared``, reached through the session-wide ``shared_chat`` fixture).
* ``fake_engine``: a stand-in with the engine's ``pipe_sentences`` interface whose codes are a
  simple rule ("you ..." -> acknowledge, "stop ..." -> stop, else other), so episode and profile
  tests check bookkeeping without depending on the model being retrained.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heard.types import CodeScore, Context, PatternFinding, Result, SentenceResult

FIXTURES = Path(__file__).parent / "fixtures"


class FakeEngine:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], Context | None]] = []

    @staticmethod
    def code(sentence: str) -> str:
        low = sentence.lower()
        return "acknowledge" if low.startswith("you") else "stop" if low.startswith("stop") else "other"

    def pipe_sentences(self, items, feedback=True):
        results = []
        for sentences, context in items:
            sentences = list(sentences)
            self.calls.append((sentences, context))
            coded = tuple(SentenceResult(s, 0, len(s), (CodeScore(self.code(s), 0.9),)) for s in sentences)
            labels = {c.code for s in coded for c in s.codes}
            attuned = "acknowledge" in labels and "stop" not in labels
            patterns = (PatternFinding("attuned"),) if attuned else ()
            results.append(Result(" ".join(sentences), context or Context(), coded, patterns))
        return results


@pytest.fixture()
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def fake_engine() -> FakeEngine:
    return FakeEngine()
