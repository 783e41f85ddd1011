"""Response-level patterns, derived from the sentence codes and the context.

Thresholds and readings where the codebook leaves room are recorded in docs/codebook.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.codes import PATTERN_INFO
from heard.evidence import Evidence
from heard.types import PatternFinding, SentenceResult

ATTUNED_OK = frozenset({"acknowledge", "validate", "presence", "limit", "other"})
# Empathy used as a tactic: these attuned moves, then pressure to end the feeling.
TACTIC_OPENERS = frozenset({"acknowledge", "validate", "presence"})
TACTIC_ENDERS = frozenset({"stop", "regulate", "redirect"})
# A response to a distressed child is "too much talk" from this many sentences or words.
TOO_MUCH_SENTENCES = 5
TOO_MUCH_WORDS = 45
_SHARING = re.compile(r"\b(?:shar\w*|turns?|sorry|apologi\w*|give (?:it|that) back|let (?:him|her|them) have)\b", re.I)
_CONFLICT = re.compile(
    r"\b(?:sister|brother|sibling|friend|classmate|cousin|peer|other (?:child|kid|boy|girl)|another "
    r"(?:child|kid|boy|girl)|grab\w*|snatch\w*|took|takes|pushed|hit|bit|turn|share|sharing|fight\w*|"
    r"both|twins?|playmate|baby)\b", re.I)


def codes_attuned(labels: Sequence[Sequence[str]]) -> bool:
    """The codebook's ``attuned``: only attuned or other codes, at least one acknowledge."""
    flat = [c for s in labels for c in s]
    return bool(flat) and set(flat) <= ATTUNED_OK and "acknowledge" in flat


def _finding(name: str, sentences: Sequence[int], detail: str) -> PatternFinding:
    return PatternFinding(name, tuple(sentences), detail, PATTERN_INFO[name].explanation)


def _tactic(labels: Sequence[Sequence[str]]) -> PatternFinding | None:
    first = next((i for i, s in enumerate(labels) if TACTIC_OPENERS & set(s)), None)
    if first is None:
        return None
    enders = [j for j, s in enumerate(labels) if j >= first and TACTIC_ENDERS & set(s)]
    if not enders:
        return None
    return _finding("tactic", [first, *enders], "an attuned start is followed by an attempt to end the feeling")


def _projection(sentences: Sequence[SentenceResult]) -> PatternFinding | None:
    hits = [i for i, s in enumerate(sentences) if "project" in s.labels]
    if not hits:
        return None
    words = [c.text for i in hits for cs in sentences[i].codes if cs.code == "project" for c in cs.cues]
    detail = "goes beyond the evidence: " + ", ".join(f'"{w}"' for w in words[:4]) if words else ""
    return _finding("projection", hits, detail)


def _too_much_talk(sentences: Sequence[SentenceResult], ev: Evidence) -> PatternFinding | None:
    if ev.distress < 1:
        return None
    words = sum(len(s.text.split()) for s in sentences)
    if len(sentences) < TOO_MUCH_SENTENCES and words < TOO_MUCH_WORDS:
        return None
    return _finding("too_much_talk", range(len(sentences)),
                    f"{len(sentences)} sentences, {words} words to a child in distress")


def _forced_sharing(sentences: Sequence[SentenceResult], context_text: str) -> PatternFinding | None:
    hits = [i for i, s in enumerate(sentences) if "moralize" in s.labels and _SHARING.search(s.text)]
    if not hits or not _CONFLICT.search(context_text + " " + " ".join(s.text for s in sentences)):
        return None
    return _finding("forced_sharing", hits, "sharing, a turn or an apology is demanded")


def find_patterns(sentences: Sequence[SentenceResult], ev: Evidence, context_text: str) -> tuple[PatternFinding, ...]:
    """All patterns of a coded response, in the order of ``heard.types.PATTERNS``."""
    labels = [s.labels for s in sentences]
    found = [_tactic(labels), _projection(sentences), _too_much_talk(sentences, ev),
             _forced_sharing(sentences, context_text)]
    if codes_attuned(labels):
        found.append(_finding("attuned", range(len(sentences)), ""))
    return tuple(f for f in found if f is not None)
