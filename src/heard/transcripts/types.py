"""Frozen values shared by the transcript readers, episode finder and profiles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Roles (CHAT @ID role names) treated as caregivers unless configured otherwise. Investigators,
# siblings, visitors and playmates are left out on purpose: their talk is not the caregiving
# heard codes, and counting it would blur a parent's profile.
DEFAULT_CAREGIVER_ROLES = frozenset({"Mother", "Father", "Grandmother", "Grandfather", "Caretaker",
                                     "Caregiver", "Parent", "Nanny", "Babysitter"})
CHILD_ROLE = "Target_Child"
FORMATS_IN = (".cha", ".txt", ".csv", ".jsonl")


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: where it is, its stable code and what to do."""

    path: str
    line: int | None
    code: str
    message: str
    fatal: bool = True  # True: the whole file was skipped; False: only this line or row

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "code": self.code, "message": self.message,
                "fatal": self.fatal}


@dataclass(frozen=True)
class Turn:
    """One utterance: who said it, the text to code, and where it came from.

    ``raw`` keeps the CHAT main tier as written and ``tiers`` its dependent tiers, because
    distress markers ([=! crying], &=whines, %par) live there and not in the clean text.
    """

    speaker: str
    role: str
    text: str
    order: int
    line: int
    time: float | None = None  # seconds from the start of the recording, when known
    raw: str = ""
    tiers: tuple[tuple[str, str], ...] = ()

    def tier(self, name: str) -> str | None:
        return next((v for k, v in self.tiers if k == name), None)


@dataclass(frozen=True)
class Transcript:
    """A read transcript: its turns, who the target child and the caregivers are, and its header."""

    path: str
    format: str
    turns: tuple[Turn, ...]
    child: str | None = None
    caregivers: frozenset[str] = frozenset()
    roles: tuple[tuple[str, str], ...] = ()  # (speaker, role) as declared or configured
    age_months: int | None = None
    situation: str | None = None
    corpus: str | None = None
    child_name: str | None = None
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = field(default=())
