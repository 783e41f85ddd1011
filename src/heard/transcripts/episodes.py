"""Distress episodes: the target child's distress turns and the caregiver turns that follow.

An episode opens on a child turn with a distress cue (see :mod:`heard.transcripts.distress`)
and stays open for ``window_turns`` turns after the latest distress turn (and, when the
transcript has times and ``window_seconds`` is set, only while the caregiver speaks within that
many seconds of it). Distress inside the window extends the episode instead of opening a new
one, so a crying spell is one episode. Each caregiver's sentences in the window are one
*response*, coded with the child's turns so far as context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from heard import guard
from heard.errors import UserError
from heard.segment import has_letters, split
from heard.transcripts import distress
from heard.transcripts.config import Options
from heard.transcripts.types import Transcript, Turn
from heard.types import Context, Result

ACK_CODES = ("acknowledge", "validate")


@dataclass(frozen=True)
class CodedSentence:
    """One caregiver sentence with the codes the engine gave it."""

    text: str
    codes: tuple[str, ...]
    confidences: tuple[float, ...]
    turn: int
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "codes": list(self.codes), "line": self.line, "turn": self.turn,
                "confidence": {c: round(p, 3) for c, p in zip(self.codes, self.confidences, strict=True)}}


@dataclass(frozen=True)
class Response:
    """Everything one caregiver said in one episode, coded as one response."""

    speaker: str
    role: str
    context: Context
    sentences: tuple[CodedSentence, ...]
    patterns: tuple[str, ...] = ()
    summary: str = ""
    suggestion: str = ""

    @property
    def attuned(self) -> bool:
        return "attuned" in self.patterns

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    @property
    def first_ack_turn(self) -> int | None:
        """Order of this caregiver's first turn that acknowledges or validates, if any."""
        return next((s.turn for s in self.sentences if set(s.codes) & set(ACK_CODES)), None)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "role": self.role, "context": self.context.to_dict(),
                "sentences": [s.to_dict() for s in self.sentences], "patterns": list(self.patterns),
                "attuned": self.attuned, "words": self.words, "summary": self.summary,
                "suggestion": self.suggestion}


@dataclass(frozen=True)
class Episode:
    """A stretch of child distress and the caregiver turns in its window."""

    index: int
    child_turns: tuple[int, ...]  # orders of the child's turns inside the episode
    distress_turns: tuple[int, ...]  # those of them that show distress
    caregiver_turns: tuple[int, ...]
    start_line: int
    end_line: int
    cues: tuple[distress.Cue, ...]
    responses: tuple[Response, ...] = ()

    @property
    def start(self) -> int:
        return self.distress_turns[0]

    @property
    def turns_to_ack(self) -> int | None:
        """Turns from the first distress turn to the first acknowledgment by any caregiver."""
        acks = [t for r in self.responses if (t := r.first_ack_turn) is not None]
        return min(acks) - self.start if acks else None

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start_line": self.start_line, "end_line": self.end_line,
                "child_turns": list(self.child_turns), "distress_turns": list(self.distress_turns),
                "caregiver_turns": list(self.caregiver_turns), "cues": [c.to_dict() for c in self.cues],
                "turns_to_ack": self.turns_to_ack, "responses": [r.to_dict() for r in self.responses]}


class _Open:
    """The episode being built while turns stream past."""

    def __init__(self, turn: Turn, found: tuple[distress.Cue, ...], window: int) -> None:
        self.child: list[int] = [turn.order]
        self.distress: list[int] = [turn.order]
        self.caregiver: list[int] = []
        self.cues, self.last, self.until = list(found), turn, turn.order + window
        self.end_line = turn.line

    def close(self, index: int, start_line: int) -> Episode:
        return Episode(index, tuple(self.child), tuple(self.distress), tuple(self.caregiver), start_line,
                       self.end_line, tuple(self.cues))


def find_episodes(transcript: Transcript, options: Options) -> list[Episode]:
    """The distress episodes of a transcript, in order (not yet coded)."""
    episodes: list[Episode] = []
    current: _Open | None = None
    start_line = 0
    previous: Turn | None = None
    for turn in transcript.turns:
        if current is not None and turn.order > current.until:
            episodes.append(current.close(len(episodes) + 1, start_line))
            current = None
        if turn.speaker == transcript.child:
            found = distress.cues(turn, previous)
            if found and current is None:
                current, start_line = _Open(turn, found, options.window_turns), turn.line
            elif found and current is not None:
                current.distress.append(turn.order)
                current.child.append(turn.order)
                current.cues += found
                current.last, current.until = turn, turn.order + options.window_turns
                current.end_line = turn.line
            elif current is not None:
                current.child.append(turn.order)
        elif current is not None and turn.speaker in transcript.caregivers and _in_time(turn, current.last, options):
            current.caregiver.append(turn.order)
            current.end_line = turn.line
        previous = turn
    if current is not None:
        episodes.append(current.close(len(episodes) + 1, start_line))
    return episodes


def _in_time(turn: Turn, last: Turn, options: Options) -> bool:
    if options.window_seconds is None or turn.time is None or last.time is None:
        return True
    return turn.time - last.time <= options.window_seconds


# -- coding ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Pending:
    episode: int
    speaker: str
    sentences: tuple[tuple[str, int, int], ...]  # (text, turn order, line)
    context: Context


def code_episodes(transcript: Transcript, episodes: Sequence[Episode], engine: Any) -> list[Episode]:
    """Episodes with each caregiver's response coded by ``engine`` (one batch per transcript)."""
    pending = [p for e in episodes for p in _responses(transcript, e)]
    if not pending:
        return list(episodes)
    results: list[Result] = engine.pipe_sentences([([s for s, _, _ in p.sentences], p.context) for p in pending],
                                                   feedback=False)
    roles = dict(transcript.roles)
    by_episode: dict[int, list[Response]] = {}
    for p, result in zip(pending, results, strict=True):
        by_episode.setdefault(p.episode, []).append(_response(p, result, roles.get(p.speaker, "")))
    return [replace(e, responses=tuple(by_episode.get(e.index, ()))) for e in episodes]


def _responses(transcript: Transcript, episode: Episode) -> list[_Pending]:
    turns = transcript.turns
    by_speaker: dict[str, list[tuple[str, int, int]]] = {}
    for order in episode.caregiver_turns:
        turn = turns[order]
        for span in split(turn.text):
            if has_letters(span.text):
                by_speaker.setdefault(turn.speaker, []).append((span.text, order, turn.line))
    pending = []
    for speaker, sentences in by_speaker.items():
        first = sentences[0][1]
        child = [turns[o] for o in episode.child_turns if o < first]
        cues = [c for o in episode.distress_turns if o < first
                for c in distress.cues(turns[o], turns[o - 1] if o else None)]
        context = _context(transcript, distress.describe(child, cues or list(episode.cues)), episode.cues)
        pending.append(_Pending(episode.index, speaker, tuple(sentences[: guard.MAX_SENTENCES]), context))
    return pending


def _context(transcript: Transcript, child: str, cues: tuple[distress.Cue, ...]) -> Context:
    """The coding context; falls back to less evidence when a field fails the engine's checks."""
    age = transcript.age_months if transcript.age_months is not None and 0 <= transcript.age_months <= 216 else None
    situation = (transcript.situation or "")[: guard.MAX_FIELD_CHARS] or None
    shown = "child " + ", ".join(dict.fromkeys(c.evidence for c in cues if c.kind == "marker")) if any(
        c.kind == "marker" for c in cues) else "child in distress"
    for candidate in (Context(age, situation, child), Context(age, None, child), Context(age, None, shown)):
        try:
            return guard.check_context(candidate, user_input=False)
        except UserError:
            continue  # e.g. the child's words look like another language to the language check
    return Context(age)


def _response(pending: _Pending, result: Result, role: str) -> Response:
    sentences = tuple(
        CodedSentence(s.text, s.labels, tuple(c.confidence for c in s.codes), turn, line)
        for s, (_, turn, line) in zip(result.sentences, pending.sentences, strict=True))
    return Response(pending.speaker, role, pending.context, sentences, result.pattern_names, result.summary,
                    result.suggestion)
