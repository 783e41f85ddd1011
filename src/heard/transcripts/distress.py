"""Which of the target child's turns show distress, and why (the cues).

Three kinds of cue, from strongest to weakest evidence:

* ``marker``: a transcriber's note of crying, whining, screaming, sobbing, wailing, moaning or
  fussing — CHAT events (``&=cries``, ``&=screams:squirms``), explanations and comments
  (``[=! crying]``, ``[= whining]``, ``[% wailing]``), the ``%par``/``%act`` tiers, or in plain
  text ``(cries)``, ``[crying]``, ``*sobbing*``.
* ``pain``: "ouch", "owie", "it hurts", "I hurt my ...", or "ow" together with an injury word
  ("ow I hit my head"). A bare "ow" is **not** enough: children say it in play, for a prickly
  picture or for food they dislike, and caregivers read it that way.
* ``protest``: "no!", "mine!", "stop it!", "go away!" with an exclamation, or "no no no".
  A plain "no." is an answer, not a protest.

Laughter noted on the same turn cancels pain and protest cues and screaming or shrieking (a
laughing "ow!" or scream is play) but not crying or whining; markers that are negated or
pretend ("stops crying", "fake crying") do not count. A bare "no!" right after someone else's
question ("Do babies bake cookies?" - "No!") is an answer, not a protest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from heard.transcripts.chat import terminator
from heard.transcripts.types import Turn

_DISTRESS = (r"cr(?:y|ies|ied|ying)|sob(?:s|bing|bed)?|whin(?:e|es|ed|ing|y)|whimper\w*|wail\w*|"
             r"scream\w*|shriek\w*|moan\w*|fuss(?:es|ed|ing|y)?|tantrum\w*|howl\w*|tears|tearful|upset|"
             r"distress\w*|sniffl\w*|bawl\w*")
_DISTRESS_WORD = re.compile(rf"\b(?:{_DISTRESS})\b", re.I)
_NEGATED = re.compile(
    rf"\b(?:stops?|stopped|not|no longer|fake|pretend\w*|mock\w*|play\w*)\W+(?:\w+\W+)?(?:{_DISTRESS})\b", re.I)
_LAUGH = re.compile(r"\blaugh\w*|\bgiggl\w*|\bchuckl\w*", re.I)
# Where transcribers put paralinguistic notes.
_EVENT = re.compile(r"&=([\w:]+)")
_EXPLANATION = re.compile(r"\[(?:=!|=|%)\s*([^\]]+)\]")
_PLAIN_NOTE = re.compile(r"[(\[*]\s*([a-z][a-z\s:,'-]{1,40}?)\s*[)\]*]", re.I)
_BEHAVIOUR_TIERS = ("par", "act", "gpx")

_PAIN = re.compile(r"\b(?:ouch\w*|owie\w*|ow+ie)\b|\b(?:it|that|this|my \w+)(?: really)? hurts?\b|\bi (?:got )?hurt\b|"
                   r"\bi'?m hurt\b|\bhurts? me\b|\bboo ?boo\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:when|whenever|if|might|could|would)\b", re.I)
_OW = re.compile(r"\bo+w+\b", re.I)
_INJURY = re.compile(r"\b(?:hit|hitted|hurt\w*|bump\w*|bang\w*|fell|fall\w*|bit|bited|bite|cut|pinch\w*|"
                     r"burn\w*|scratch\w*|sting\w*|stung|bleed\w*|blood)\b", re.I)
_PROTEST = re.compile(r"^(?:no+|mine|stop(?: it)?|don'?t|go away|leave me alone|i don'?t want\b.*|"
                      r"give (?:it|me) (?:back|that)\b.*|i want\b.*|i hate\b.*|get off\b.*|"
                      r"not (?:fair|you)\b.*|my\b.*)(?:\W+(?:no+|mine|stop|it))*$", re.I)
_ONLY_NO = re.compile(r"no+(?:\W+no+)*", re.I)
_PLAYFUL_MARKER = re.compile(r"scream\w*|shriek\w*|yell\w*|squeal\w*", re.I)
_CLAUSE = re.compile(r"(?<=[.!?])\s+")
_NO_NO = re.compile(r"\bno+\b(?:\W+\bno+\b){2,}", re.I)


@dataclass(frozen=True)
class Cue:
    """Evidence that a child's turn shows distress."""

    kind: str  # marker | pain | protest
    evidence: str  # the words or note it rests on
    source: str  # main | %par | %act | ...

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "evidence": self.evidence, "source": self.source}


def cues(turn: Turn, previous: Turn | None = None) -> tuple[Cue, ...]:
    """Distress cues on one of the target child's turns (empty when it shows none).

    ``previous`` is the turn just before, so that a "no!" answering a question is not a protest.
    """
    notes = _notes(turn)
    laughing = any(_LAUGH.search(note) for note, _ in notes)
    found = [Cue("marker", note, source) for note, source in notes
             if _is_distress_note(note) and not (laughing and _PLAYFUL_MARKER.search(note))]
    if not laughing:
        found += [c for c in _spoken_cues(turn) if not (c.kind == "protest" and _answers(c, turn, previous))]
    return tuple(found)


def _answers(cue: Cue, turn: Turn, previous: Turn | None) -> bool:
    """A bare "no!" straight after another speaker's question answers it."""
    asked = previous is not None and previous.speaker != turn.speaker and previous.text.rstrip().endswith("?")
    return asked and bool(_ONLY_NO.fullmatch(cue.evidence))


def _notes(turn: Turn) -> list[tuple[str, str]]:
    """Transcriber notes on the turn: events, explanations, comments and behaviour tiers."""
    raw = turn.raw or turn.text
    notes = [(m.group(1).replace(":", " ").replace("_", " "), "main") for m in _EVENT.finditer(raw)]
    notes += [(m.group(1).strip(), "main") for m in _EXPLANATION.finditer(raw)]
    if not turn.tiers:  # plain text or CSV: "(cries)", "[crying]", "*sobs*"
        notes += [(m.group(1).strip(), "main") for m in _PLAIN_NOTE.finditer(raw)]
    notes += [(value, f"%{name}") for name, value in turn.tiers if name in _BEHAVIOUR_TIERS]
    return notes


def _is_distress_note(note: str) -> bool:
    return bool(_DISTRESS_WORD.search(note)) and not _NEGATED.search(note)


def _spoken_cues(turn: Turn) -> list[Cue]:
    """Pain and protest in the child's own words (clean text, markers already removed)."""
    words = _PLAIN_NOTE.sub(" ", turn.text) if not turn.tiers else turn.text
    words = words.strip()
    if not words:
        return []
    found: list[Cue] = []
    if (m := _PAIN.search(words)) and not _HYPOTHETICAL.search(words[:m.start()]):
        found.append(Cue("pain", m.group(0), "main"))
    elif _OW.search(words) and (m := _INJURY.search(words)):
        found.append(Cue("pain", f"{_OW.search(words).group(0)} … {m.group(0)}", "main"))  # type: ignore[union-attr]
    if protest := _protest(words, turn):
        found.append(Cue("protest", protest[:60], "main"))
    return found


def _protest(words: str, turn: Turn) -> str | None:
    """The protest clause ("no!", "mine!", "stop it!") when an exclaimed clause is one, or "no no no"."""
    exclaimed = terminator(turn.raw or turn.text) == "!"
    clauses = [c.strip() for c in _CLAUSE.split(words) if c.strip()]
    for i, clause in enumerate(clauses):
        bare = clause.rstrip(".!?").strip()
        if (clause.endswith("!") or (exclaimed and i == len(clauses) - 1)) and _PROTEST.match(bare):
            return bare
    bare = words.rstrip(".!?").strip()
    return bare if _NO_NO.search(bare) else None


def describe(turns: list[Turn], found: list[Cue]) -> str:
    """The child evidence for coding: what the child shows and says, in plain words."""
    shown = []
    for cue in found:
        note = cue.evidence if cue.kind == "marker" else ""
        if note and note not in shown:
            shown.append(note)
    said = [t.text for t in turns if _has_words(t.text)][-3:]
    parts = []
    if shown:
        parts.append("child " + ", ".join(shown[:4]))
    if said:
        parts.append("says " + " ".join(f'"{s}"' for s in said))
    if not shown and any(c.kind == "pain" for c in found):
        parts.insert(0, "child says it hurts")
    elif not shown and any(c.kind == "protest" for c in found):
        parts.insert(0, "child protests")
    return "; ".join(parts)[:600]


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
