"""Compare the feelings a sentence names with the feelings the child shows.

This is the explicit, documented projection mechanism (docs/codebook.md, "Context decides").
:func:`read_evidence` grades what the child shows from ``context.child`` and
``context.situation`` (behaviour words, the child's own words, CHAT markers such as
``[=! crying]`` or ``&=screams``); :func:`named_feelings` finds the feelings a sentence
attributes to the child; :func:`judge` says for each whether the evidence supports it,
whether it is stronger than shown, or not shown at all. The classifier receives the
judgments as features and the spans become the cues behind ``acknowledge``/``project``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from heard import lexicon as lx
from heard.types import Context, Span

# A startle (surprise) is shown feeling but not distress: it does not call for comfort.
NEGATIVE = frozenset({"distress", "sadness", "fear", "anger", "pain", "overwhelm"})
_INJURY = re.compile(
    r"\b(?:fell|fall|falls|falling|trip\w*|bump\w*|bang\w*|hit (?:his|her|their) head|scrape\w*|"
    r"cut|pinch\w*|stub\w*|bit (?:his|her)|burn\w*|slipp?\w*|crash\w*|knee|elbow|shot|vaccin\w*|"
    r"splinter|bee|sting\w*|hurt|owie|boo-?boo)\b",
    re.I,
)
_FEAR_SITUATION = re.compile(
    r"\b(?:dog|dogs|bark\w*|noise|loud|bang|thunder\w*|storm|dark|monster\w*|stranger|vacuum|"
    r"siren|fireworks?|spider|bee|costume|mask|clown|nightmare|bad dream|shot|needle|doctor|"
    r"dentist|water|waves|santa|blender|hand dryer|flush\w*|balloon|pop\w*|alarm)\b",
    re.I,
)
_CRYING = re.compile(r"(?:cry|cri|tear|sob|wail|bawl)", re.I)
_CHILD_WORDS = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|^\s*\*?CHI:\s*(.+)$", re.M)
_WORD = re.compile(r"[a-z']+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "you",
        "your",
        "you're",
        "i",
        "i'm",
        "me",
        "my",
        "we",
        "our",
        "he",
        "she",
        "his",
        "her",
        "they",
        "them",
        "there",
        "here",
        "what",
        "do",
        "does",
        "did",
        "not",
        "no",
        "yes",
        "oh",
        "okay",
        "ok",
        "just",
        "now",
        "then",
        "up",
        "down",
        "out",
        "get",
        "got",
        "go",
        "going",
        "gonna",
        "can",
        "can't",
        "will",
        "won't",
        "don't",
        "have",
        "has",
        "had",
        "let",
        "let's",
        "all",
        "very",
        "really",
        "too",
    ]
)


@dataclass(frozen=True)
class Evidence:
    """What the child shows, graded per emotion family (0 = not shown)."""

    shown: dict[str, int] = field(default_factory=dict)
    distress: int = 0
    calm: bool = False
    injury: bool = False
    fear_situation: bool = False
    has_child: bool = False
    crying: bool = False
    words: frozenset[str] = frozenset()
    child_words: frozenset[str] = frozenset()

    def level(self, family: str) -> int:
        return self.shown.get(family, 0)


@dataclass(frozen=True)
class NamedFeeling:
    """A feeling a sentence attributes to the child, and how it compares with the evidence."""

    span: Span
    family: str
    intensity: int
    verdict: str  # "supported", "stronger" or "unshown"


def _content_words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def _stem(word: str) -> str:
    # Crude on purpose: only to match "tripped"/"trip", "falls"/"fall" across sentence and context.
    for suffix in ("ing", "ped", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=4096)
def read_evidence(context: Context | None) -> Evidence:
    """Grade what the child shows in ``context`` (see module docstring); cached per context."""
    if context is None:
        return Evidence()
    child = context.child or ""
    text = f"{context.situation or ''} \n{child}"
    shown: dict[str, int] = {}
    for m in lx.SHOWN_RE.finditer(child):
        if lx.negated(child, m.start()):
            continue
        family, level = lx.lookup(lx.SHOWN, m)
        shown[family] = max(shown.get(family, 0), level)
    calm = bool(lx.CALM_RE.search(child))
    distress = max((v for k, v in shown.items() if k in NEGATIVE), default=0)
    quoted = " ".join(a or b for a, b in _CHILD_WORDS.findall(child))
    return Evidence(
        shown=shown,
        distress=distress,
        calm=calm and distress < 2,
        injury=bool(_INJURY.search(text)),
        fear_situation=bool(_FEAR_SITUATION.search(text)),
        has_child=bool(child.strip()),
        crying=any(_CRYING.match(m.group()) and not lx.negated(child, m.start()) for m in lx.SHOWN_RE.finditer(child)),
        words=_content_words(text),
        child_words=_content_words(quoted),
    )


def _supported_level(ev: Evidence, family: str) -> int:
    """How strongly the evidence shows ``family``, counting crying as sadness or pain."""
    level = ev.level(family)
    general = ev.level("distress")
    if family == "sadness":
        level = max(level, general)
    elif family == "pain" and ev.injury:
        level = max(level, min(general, 2), 1 if ev.distress else 0)
    elif family == "surprise":
        level = max(level, min(1, ev.distress + ev.level("fear")))
    elif family == "fear":
        # a startle is the bottom of the fear ladder; crying at a barking dog shows fear
        level = max(level, ev.level("surprise"), min(general, 3) if ev.fear_situation else 0)
    elif family == "anger":
        level = max(level, min(general, 1))  # a protest shows at least "didn't like that"
    return level


def _attributed_to_someone_else(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 22) : start].lower()
    return bool(
        re.search(
            r"\b(?:i'm|i am|i feel|i was|i get|mommy's|daddy's|mummy's|i'd be|we're|he's|she's|"
            r"they're|he is|she is|they are|makes me|made me)\s+(?:\w+\s+)?$",
            before,
        )
    )


def named_feelings(sentence: str, ev: Evidence) -> list[NamedFeeling]:
    """Feelings ``sentence`` attributes to the child, each judged against ``ev``."""
    found: list[NamedFeeling] = []
    for m in lx.NAMED_RE.finditer(sentence):
        if lx.negated(sentence, m.start()) or _attributed_to_someone_else(sentence, m.start()):
            continue
        family, level = lx.lookup(lx.NAMED, m)
        shown = _supported_level(ev, family)
        verdict = "supported" if shown >= level else ("stronger" if shown else "unshown")
        found.append(NamedFeeling(Span(m.start(), m.end(), m.group()), family, level, verdict))
    return found


def overlap(sentence: str, ev: Evidence) -> tuple[float, float, list[Span]]:
    """Share of the sentence's content words found in the context, and in the child's words."""
    spans: list[Span] = []
    hits = echo = total = 0
    for m in _WORD.finditer(sentence.lower()):
        word = m.group()
        if word in _STOP or len(word) < 2:
            continue
        total += 1
        stem = _stem(word)
        if stem in ev.words:
            hits += 1
            spans.append(Span(m.start(), m.end(), sentence[m.start() : m.end()]))
        echo += stem in ev.child_words
    if not total:
        return 0.0, 0.0, spans
    return hits / total, echo / total, spans
