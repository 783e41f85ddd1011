"""Core value types: frozen dataclasses with ``to_dict()``.

Presentation lives elsewhere (``heard.cli.formatters``, templates); these only carry data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ATTUNED_CODES = ("acknowledge", "validate", "presence", "limit")
NOT_ATTUNED_CODES = ("project", "minimize", "stop", "regulate", "redirect", "moralize", "punish")
CODES = ATTUNED_CODES + NOT_ATTUNED_CODES + ("other",)
PATTERNS = ("tactic", "projection", "too_much_talk", "forced_sharing", "attuned")


@dataclass(frozen=True)
class Context:
    """What the caregiver is responding to. Every field is optional."""

    age_months: int | None = None
    situation: str | None = None
    child: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"age_months": self.age_months, "situation": self.situation, "child": self.child}

    @property
    def evidence(self) -> str:
        """Situation and child evidence as one text (what the engine may rely on)."""
        return " ".join(p for p in (self.situation, self.child) if p)


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the sentence (or response) they come from."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class CodeScore:
    """One code assigned to a sentence, with its confidence and the words behind it."""

    code: str
    confidence: float
    cues: tuple[Span, ...] = ()
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "confidence": round(self.confidence, 4),
            "cues": [c.to_dict() for c in self.cues],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class SentenceResult:
    """A coded sentence. ``start``/``end`` are offsets in the checked text."""

    text: str
    start: int
    end: int
    codes: tuple[CodeScore, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "codes": [c.to_dict() for c in self.codes],
        }


@dataclass(frozen=True)
class PatternFinding:
    """A response-level pattern, the sentences it rests on and why it matters."""

    name: str
    sentences: tuple[int, ...] = ()
    detail: str = ""
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sentences": list(self.sentences),
            "detail": self.detail,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Result:
    """Everything heard says about one response."""

    text: str
    context: Context
    sentences: tuple[SentenceResult, ...]
    patterns: tuple[PatternFinding, ...] = ()
    suggestion: str = ""
    summary: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def pattern_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.patterns)

    @property
    def attuned(self) -> bool:
        return "attuned" in self.pattern_names

    @property
    def not_attuned_codes(self) -> tuple[str, ...]:
        found = {c for s in self.sentences for c in s.labels if c in NOT_ATTUNED_CODES}
        return tuple(c for c in NOT_ATTUNED_CODES if c in found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "context": self.context.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "patterns": list(self.pattern_names),
            "pattern_details": [p.to_dict() for p in self.patterns],
            "attuned": self.attuned,
            "suggestion": self.suggestion,
            "summary": self.summary,
        }
