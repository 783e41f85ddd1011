"""Profiles: counts and rates per code, attuned share, time to acknowledgment, per speaker,
per transcript and aggregated over a corpus (by corpus, child and age band).

One :class:`Profile` type serves all three levels, so a corpus total is just the merge of
transcript totals and the fields mean the same everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from heard.transcripts.episodes import Episode
from heard.transcripts.types import Problem, Transcript
from heard.types import CODES, PATTERNS

AGE_BANDS = ((0, 11, "0-11m"), (12, 23, "12-23m"), (24, 35, "24-35m"), (36, 47, "36-47m"),
             (48, 59, "48-59m"), (60, 216, "60m+"))


def age_band(months: int | None) -> str:
    """The age band label for ``months`` ("unknown" when the age is not known)."""
    if months is None:
        return "unknown"
    return next((label for lo, hi, label in AGE_BANDS if lo <= months <= hi), "unknown")


@dataclass(frozen=True)
class Profile:
    """Counts that add up across speakers, transcripts and corpora."""

    turns: int = 0
    words: int = 0
    episodes: int = 0  # distress episodes seen (for a speaker: episodes they responded in)
    responses: int = 0
    attuned_responses: int = 0
    sentences: int = 0
    words_in_distress: int = 0
    codes: Mapping[str, int] = field(default_factory=dict)
    patterns: Mapping[str, int] = field(default_factory=dict)
    ack_turns_total: int = 0
    acknowledged: int = 0  # episodes with an acknowledgment (turns_to_ack known)
    transcripts: int = 0

    def __add__(self, other: Profile) -> Profile:
        return Profile(
            self.turns + other.turns, self.words + other.words, self.episodes + other.episodes,
            self.responses + other.responses, self.attuned_responses + other.attuned_responses,
            self.sentences + other.sentences, self.words_in_distress + other.words_in_distress,
            dict(Counter(self.codes) + Counter(other.codes)), dict(Counter(self.patterns) + Counter(other.patterns)),
            self.ack_turns_total + other.ack_turns_total, self.acknowledged + other.acknowledged,
            self.transcripts + other.transcripts)

    @property
    def attuned_share(self) -> float | None:
        return self.attuned_responses / self.responses if self.responses else None

    @property
    def mean_turns_to_ack(self) -> float | None:
        return self.ack_turns_total / self.acknowledged if self.acknowledged else None

    def rates(self) -> dict[str, float]:
        """Share of coded sentences that carry each code (a sentence can carry several)."""
        return {c: self.codes.get(c, 0) / self.sentences for c in CODES} if self.sentences else {}

    def to_dict(self) -> dict[str, Any]:
        share, ack = self.attuned_share, self.mean_turns_to_ack
        return {
            "turns": self.turns, "words": self.words, "episodes": self.episodes, "responses": self.responses,
            "attuned_responses": self.attuned_responses,
            "attuned_share": round(share, 4) if share is not None else None,
            "sentences": self.sentences, "words_in_distress": self.words_in_distress,
            "codes": {c: self.codes.get(c, 0) for c in CODES},
            "rates": {c: round(r, 4) for c, r in self.rates().items()},
            "patterns": {p: self.patterns.get(p, 0) for p in PATTERNS},
            "acknowledged_episodes": self.acknowledged, "ack_turns_total": self.ack_turns_total,
            "mean_turns_to_ack": round(ack, 2) if ack is not None else None,
            "transcripts": self.transcripts,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Rebuild the counts from :meth:`to_dict` output (used by ``--resume``)."""
        return cls(data["turns"], data["words"], data["episodes"], data["responses"], data["attuned_responses"],
                   data["sentences"], data["words_in_distress"], {k: v for k, v in data["codes"].items() if v},
                   {k: v for k, v in data["patterns"].items() if v},
                   data["ack_turns_total"],
                   data["acknowledged_episodes"], data["transcripts"])


@dataclass(frozen=True)
class SpeakerProfile:
    speaker: str
    role: str
    caregiver: bool
    profile: Profile

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "role": self.role, "caregiver": self.caregiver, **self.profile.to_dict()}


@dataclass(frozen=True)
class TranscriptResult:
    """What ``heard code`` found in one transcript: episodes, profiles and problems."""

    path: str
    format: str
    corpus: str | None
    child: str | None
    child_name: str | None
    age_months: int | None
    situation: str | None
    utterances: int
    child_turns: int
    episodes: tuple[Episode, ...]
    speakers: tuple[SpeakerProfile, ...]
    total: Profile
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def age_band(self) -> str:
        return age_band(self.age_months)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "format": self.format, "corpus": self.corpus, "child": self.child,
            "child_name": self.child_name, "age_months": self.age_months, "age_band": self.age_band,
            "situation": self.situation, "utterances": self.utterances, "child_turns": self.child_turns,
            "episodes_count": len(self.episodes),
            "unanswered_episodes": sum(1 for e in self.episodes if not e.caregiver_turns),
            "total": self.total.to_dict(), "speakers": [s.to_dict() for s in self.speakers],
            "episodes": [e.to_dict() for e in self.episodes],
            "problems": [p.to_dict() for p in self.problems], "notes": list(self.notes),
        }


def profile_transcript(transcript: Transcript, episodes: Iterable[Episode]) -> TranscriptResult:
    """Per-speaker and transcript profiles from the coded episodes."""
    episodes = tuple(episodes)
    turns_by, words_by = Counter[str](), Counter[str]()
    for turn in transcript.turns:
        turns_by[turn.speaker] += 1
        words_by[turn.speaker] += len(turn.text.split())
    roles = dict(transcript.roles)
    speakers = []
    for speaker in sorted(turns_by, key=lambda s: (s not in transcript.caregivers, s)):
        prof = _speaker_counts(speaker, episodes) + Profile(turns=turns_by[speaker], words=words_by[speaker])
        speakers.append(SpeakerProfile(speaker, roles.get(speaker, "Unidentified"), speaker in transcript.caregivers,
                                       prof))
    total = sum((s.profile for s in speakers if s.caregiver), Profile())
    acks = [t for e in episodes if (t := e.turns_to_ack) is not None]
    total = Profile(total.turns, total.words, len(episodes), total.responses, total.attuned_responses,
                    total.sentences, total.words_in_distress, total.codes, total.patterns, sum(acks), len(acks), 1)
    notes = transcript.notes
    if transcript.child is None:
        notes += ("no target child declared (no Target_Child role); name one with --child",)
    if not transcript.caregivers:
        notes += ("no caregiver in this transcript (investigators and siblings are not caregivers by default)",)
    return TranscriptResult(transcript.path, transcript.format, transcript.corpus, transcript.child,
                            transcript.child_name, transcript.age_months, transcript.situation,
                            len(transcript.turns), turns_by.get(transcript.child or "", 0), episodes,
                            tuple(speakers), total, transcript.problems, notes)


def _speaker_counts(speaker: str, episodes: tuple[Episode, ...]) -> Profile:
    codes, patterns = Counter[str](), Counter[str]()
    responses = attuned = sentences = words = ack_total = acked = 0
    for episode in episodes:
        for r in episode.responses:
            if r.speaker != speaker:
                continue
            responses += 1
            attuned += r.attuned
            sentences += len(r.sentences)
            words += r.words
            codes.update(c for s in r.sentences for c in s.codes)
            patterns.update(r.patterns)
            if (first := r.first_ack_turn) is not None:
                ack_total, acked = ack_total + first - episode.start, acked + 1
    return Profile(0, 0, responses, responses, attuned, sentences, words, dict(codes), dict(patterns), ack_total,
                   acked, 0)


@dataclass
class Aggregate:
    """Running totals over many transcripts, grouped; memory grows with groups, not transcripts."""

    total: Profile = field(default_factory=Profile)
    groups: dict[str, dict[str, Profile]] = field(
        default_factory=lambda: {"corpus": {}, "child": {}, "age_band": {}})
    points: list[tuple[int, float | None, dict[str, float]]] = field(default_factory=list)
    max_points: int = 50_000  # age-trend points kept for the HTML report; beyond this, totals only

    def add(self, summary: Mapping[str, Any]) -> None:
        """Add one transcript's summary (see :func:`summary_of`)."""
        prof = Profile.from_dict(summary["total"])
        self.total += prof
        corpus = summary.get("corpus") or "unknown"
        keys = {"corpus": corpus, "child": f"{corpus}/{summary.get('child_name') or summary.get('child') or '?'}",
                "age_band": summary.get("age_band") or "unknown"}
        for group, key in keys.items():
            self.groups[group][key] = self.groups[group].get(key, Profile()) + prof
        if summary.get("age_months") is not None and len(self.points) < self.max_points:
            self.points.append((summary["age_months"], prof.attuned_share, prof.rates()))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total.to_dict(),
                **{f"by_{g}": {k: p.to_dict() for k, p in sorted(v.items())} for g, v in self.groups.items()}}


def summary_of(result: TranscriptResult) -> dict[str, Any]:
    """The small part of a result the run keeps for aggregates (also stored for ``--resume``)."""
    return {"path": result.path, "corpus": result.corpus, "child": result.child, "child_name": result.child_name,
            "age_months": result.age_months, "age_band": result.age_band, "utterances": result.utterances,
            "total": result.total.to_dict()}
