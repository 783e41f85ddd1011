"""Build a "try instead" response from the context and the caregiver's own words.

The rules follow the principles: open by acknowledging what happened or what the child
shows, in words no bigger than the evidence; keep what the caregiver already did well
(acknowledging, validating, offering presence, calm limits); bring projection down to the
evidence; turn threats and lectures about a behaviour into a calm limit; drop
distractions, techniques and pressure to stop; stay short; where the child is not in
distress, advise waiting. Only words from the context, the caregiver's sentences and a
small fixed vocabulary of acknowledging phrases are used (see :func:`invented_words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.evidence import Evidence, NamedFeeling
from heard.types import Context

# Irregular past tenses that start a situation told from the child's side ("Fell off the swing").
_IRREGULAR_PAST = frozenset(
    [
        "fell",
        "hit",
        "got",
        "lost",
        "broke",
        "spilled",
        "spilt",
        "took",
        "ran",
        "saw",
        "heard",
        "woke",
        "bit",
        "cut",
        "tore",
        "threw",
        "stuck",
        "slid",
        "knocked",
        "dropped",
        "tripped",
        "bumped",
        "slipped",
        "scraped",
        "pinched",
        "stubbed",
        "burned",
        "banged",
        "crashed",
        "missed",
        "wanted",
        "tried",
        "asked",
        "found",
        "had",
        "made",
        "left",
        "came",
        "went",
    ]
)
_SUBJECT = re.compile(
    r"^(?:(?i:(?:the )?child|(?:the )?baby|(?:the )?toddler|(?:the )?boy|(?:the )?girl|she|he|they)|"
    r"[A-Z][a-z]+)\s+(?=\w+)"
)
# Capitalised words that open a situation but are not the child's name.
_NOT_NAMES = frozenset(
    "being getting having after before during when while at in on the a an his her their "
    "my our this that mom dad mum mother father teacher".split()
)
_POSSESSIVE = {
    "her": "your",
    "his": "your",
    "their": "your",
    "herself": "yourself",
    "himself": "yourself",
    "she": "you",
    "he": "you",
    "they": "you",
    "him": "you",
}
_BEHAVIOURS = {
    "hitting": "hit",
    "hit": "hit",
    "biting": "bite",
    "bite": "bite",
    "bit": "bite",
    "kicking": "kick",
    "kick": "kick",
    "throwing": "throw",
    "throw": "throw",
    "threw": "throw",
    "pushing": "push",
    "push": "push",
    "pushed": "push",
    "grabbing": "grab",
    "grab": "grab",
    "grabbed": "grab",
    "climbing": "climb",
    "climb": "climb",
    "pulling": "pull",
    "pull": "pull",
    "hurting": "hurt",
    "scratching": "scratch",
    "scratch": "scratch",
    "spitting": "spit",
    "spit": "spit",
    "snatching": "take it",
    "took": "take it",
    "taking": "take it",
    "running": "run off",
    "jumping": "jump on that",
    "touching": "touch that",
}

# Words a suggestion may always use: acknowledging phrases and grammar, never facts.
SAFE_WORDS = frozenset(
    [
        "you",
        "you're",
        "your",
        "yourself",
        "i",
        "i'm",
        "i'll",
        "me",
        "my",
        "we",
        "that",
        "this",
        "it",
        "it's",
        "that's",
        "was",
        "is",
        "are",
        "were",
        "be",
        "didn't",
        "did",
        "don't",
        "do",
        "not",
        "no",
        "a",
        "an",
        "the",
        "and",
        "but",
        "then",
        "so",
        "to",
        "of",
        "on",
        "in",
        "at",
        "with",
        "for",
        "off",
        "up",
        "down",
        "out",
        "here",
        "there",
        "now",
        "saw",
        "see",
        "hear",
        "heard",
        "know",
        "see",
        "oh",
        "ouch",
        "ow",
        "hurt",
        "hurts",
        "hurt",
        "that",
        "upset",
        "sad",
        "mad",
        "angry",
        "frustrated",
        "frustrating",
        "surprised",
        "surprise",
        "scared",
        "scary",
        "startled",
        "cross",
        "crying",
        "cry",
        "won't",
        "let",
        "will",
        "stay",
        "staying",
        "right",
        "wait",
        "want",
        "wanted",
        "like",
        "liked",
        "okay",
        "ok",
        "it's",
        "allowed",
        "can",
        "feel",
        "feeling",
        "feelings",
        "need",
        "take",
        "time",
        "hug",
        "help",
        "sit",
        "close",
        "looks",
        "look",
        "really",
        "too",
        "much",
        "hard",
        "wish",
        "wishing",
        "going",
        "gonna",
        "make",
        "sure",
        "safe",
        "something",
        "happened",
        "what",
        "lift",
        "stop",
        "hold",
        "yes",
    ]
)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".;,")
    return text[:1].upper() + text[1:] + "." if text else ""


def _second_person(words: list[str]) -> list[str]:
    return [_POSSESSIVE.get(w.lower(), w) for w in words]


def _is_past(word: str) -> bool:
    word = word.lower()
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


def situation_ack(situation: str | None) -> str | None:
    """The situation retold from the child's side ("Tripped on the rug" -> "You tripped on the rug.")."""
    if not situation:
        return None
    clause = re.split(r"[;.!?]|, (?:and )?(?:then|now|still|while)\b| - ", situation.strip())[0].strip()
    first_word = clause.split()[0].lower() if clause else ""
    if not _is_past(first_word) and first_word not in _NOT_NAMES and not first_word.endswith("ing") \
            and _SUBJECT.match(clause):
        clause = _SUBJECT.sub("", clause, count=1)  # "Mia fell off the swing" -> "fell off the swing"
    words = clause.split()
    if not words or len(words) > 12 or not _is_past(words[0]) or words[0].lower() in _BEHAVIOURS:
        return None  # "Hit her sister" is not said back to the child; the limit covers it
    first = words[0].lower()
    return _sentence("You " + " ".join(_second_person([first, *words[1:]])))


def feeling_ack(ev: Evidence) -> str | None:
    """A short acknowledgment of what the child plainly shows, at the shown intensity."""
    if ev.level("pain") >= 1 or (ev.injury and ev.distress >= 2):
        return "Ouch, that hurt."
    if ev.level("fear") >= 2:
        return "That scared you."
    if ev.level("surprise") >= 1 or ev.level("fear") == 1:
        return "That surprised you, didn't it?"
    if ev.level("anger") >= 2:
        return "You're mad."
    if ev.level("anger") == 1:
        return "You didn't like that."
    if ev.level("sadness") >= 2:
        return "You're sad."
    if ev.crying:
        return "You're crying."
    if ev.distress >= 1:
        return "You're really upset." if ev.distress >= 3 else "You're upset."
    return None


def lower_projection(feeling: NamedFeeling, ev: Evidence) -> str | None:
    """Replace a feeling named beyond the evidence with one at the shown level (or nothing)."""
    if feeling.family in ("fear", "surprise") and (ev.level("surprise") or ev.level("fear")):
        return "That surprised you, didn't it?"
    if feeling.family == "anger" and (ev.level("anger") or ev.distress):
        return "You didn't like that."
    if feeling.family == "sadness" and ev.distress:
        return "You're sad." if ev.distress >= 2 else "You're upset."
    if feeling.family == "pain" and ev.injury and ev.distress:
        return "Ouch, that hurt."
    return None


def limit_from(text: str) -> str | None:
    """A calm limit for the behaviour a threat or lecture was about ("I won't let you hit.")."""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _BEHAVIOURS:
            return f"I won't let you {_BEHAVIOURS[word]}."
    return None


def invented_words(suggestion: str, sources: Sequence[str]) -> list[str]:
    """Content words of ``suggestion`` found neither in ``sources`` nor in the safe vocabulary."""
    known = {w for s in sources for w in re.findall(r"[a-z']+", s.lower())}
    known |= {w.rstrip("s") for w in known} | {w + "s" for w in known}
    out = []
    for w in re.findall(r"[a-z']+", suggestion.lower()):
        if w in SAFE_WORDS or w in known or w.rstrip("s") in known:
            continue
        # "pull" is in "pulling", "bite" in "biting": the same verb, not a new fact.
        if len(w) >= 3 and any(k.startswith(w.rstrip("e")) for k in known):
            continue
        out.append(w)
    return out


def dedupe(sentences: Sequence[str]) -> list[str]:
    """Drop repeated sentences, keeping order; end each with punctuation so they stay apart."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = re.sub(r"\W+", " ", s.lower()).strip()
        if s and key not in seen:
            seen.add(key)
            out.append(s if re.search(r"[.!?…]\W*$", s) else s.rstrip() + ".")
    return out


def generic(ev: Evidence) -> list[list[str]]:
    """Fallbacks when the context says little: acknowledge upset (or what was seen), offer presence."""
    seen = ["I saw that.", "I'm here."]
    if ev.has_child and not ev.distress:
        return [seen]
    return [["You're upset.", "I'm here."], seen]


def closing(ev: Evidence, kept_codes: set[str]) -> list[str]:
    """Presence for a child in distress; the advice to wait for a child who is not."""
    if ev.distress >= 1:
        return [] if "presence" in kept_codes else ["I'm here."]
    return ["Then wait."]


def child_context(context: Context) -> list[str]:
    """The texts a suggestion may take facts from (besides the caregiver's words)."""
    return [t for t in (context.situation, context.child) if t]
