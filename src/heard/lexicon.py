"""Intensity-graded emotion lexicon, shared by the sentence side and the evidence side.

Each entry maps a word (stem) to an emotion *family* and an *intensity* from 1 (mild) to 3
(extreme). The same table is read twice: once over what the caregiver said (which feeling
do the words name, how strongly) and once over the child's evidence (which feeling does the
child show, how strongly). ``heard.evidence`` compares the two; that comparison is what
makes "That scared you!" ``acknowledge`` for a child who screamed and clung and ``project``
for one who startled and kept playing. Decisions are recorded in ``docs/codebook.md``.
"""

from __future__ import annotations

import re

# Words a caregiver uses to NAME a feeling (sentence side). stem -> (family, intensity).
NAMED: dict[str, tuple[str, int]] = {
    # surprise < fear
    "startl*": ("surprise", 1),
    "surpris*": ("surprise", 1),
    "made you jump": ("surprise", 1),
    "shock*": ("surprise", 2),
    "spook*": ("fear", 2),
    "uneas*": ("fear", 1),
    "unsure": ("fear", 1),
    "nervous": ("fear", 1),
    "worr*": ("fear", 1),
    "anxious*": ("fear", 2),
    "scare": ("fear", 2),
    "scary": ("fear", 2),
    "scaring": ("fear", 2),
    "afraid*": ("fear", 2),
    "fright*": ("fear", 2),
    "fear": ("fear", 2),
    "terrif*": ("fear", 3),
    "petrif*": ("fear", 3),
    "panick*": ("fear", 3),
    "freaked": ("fear", 3),
    "horrif*": ("fear", 3),
    "traumati*": ("fear", 3),
    # annoyance < frustration < anger < fury
    "annoy*": ("anger", 1),
    "irritat*": ("anger", 1),
    "grump*": ("anger", 1),
    "cranky": ("anger", 1),
    "didn't like": ("anger", 1),
    "did not like": ("anger", 1),
    "don't like": ("anger", 1),
    "frustrat*": ("anger", 2),
    "fed up": ("anger", 2),
    "mad": ("anger", 2),
    "angry": ("anger", 2),
    "upset": ("sadness", 2),
    "furious": ("anger", 3),
    "livid": ("anger", 3),
    "enrag*": ("anger", 3),
    "rage": ("anger", 3),
    "hate": ("anger", 3),
    # disappointment < sadness < devastation
    "disappoint*": ("sadness", 1),
    "bummed": ("sadness", 1),
    "let down": ("sadness", 1),
    "sad": ("sadness", 2),
    "unhappy": ("sadness", 2),
    "lonely": ("sadness", 2),
    "miss": ("sadness", 2),
    "hurt your feelings": ("sadness", 2),
    "feelings are hurt": ("sadness", 2),
    "heartbr*": ("sadness", 3),
    "devastat*": ("sadness", 3),
    "crushed": ("sadness", 3),
    "miserable": ("sadness", 3),
    "broken-hearted": ("sadness", 3),
    "grie*": ("sadness", 3),
    # pain
    "ouch": ("pain", 2),
    "ow": ("pain", 2),
    "owie": ("pain", 2),
    "hurt": ("pain", 2),
    "sore": ("pain", 1),
    "sting": ("pain", 1),
    "pinch": ("pain", 1),
    "agony": ("pain", 3),
    # body states a caregiver may presume
    "tired": ("tired", 2),
    "sleepy": ("tired", 2),
    "exhaust*": ("tired", 3),
    "worn out": ("tired", 3),
    "overtired": ("tired", 3),
    "hungry": ("hunger", 2),
    "starving": ("hunger", 3),
    "hangry": ("hunger", 3),
    # social feelings
    "jealous": ("jealousy", 2),
    "envious": ("jealousy", 2),
    "embarrass*": ("shame", 2),
    "ashamed": ("shame", 3),
    "humiliat*": ("shame", 3),
    "shy": ("shame", 1),
    "guilty": ("shame", 2),
    "overwhelm*": ("overwhelm", 2),
    "overstimulat*": ("overwhelm", 2),
    # positive
    "excit*": ("joy", 2),
    "happy": ("joy", 2),
    "proud": ("joy", 2),
    "thrill*": ("joy", 3),
    "delight*": ("joy", 2),
    "ecstatic": ("joy", 3),
    "bored": ("boredom", 1),
}

# Intensifiers push a named feeling one step up ("so scared", "really mad").
INTENSIFIERS = frozenset(["so", "really", "very", "super", "totally", "completely", "absolutely", "such"])

# What the child SHOWS (evidence side): behavior and words -> (family, intensity).
SHOWN: dict[str, tuple[str, int]] = {
    # general distress; crying counts for sadness and for pain after an injury
    "cry": ("distress", 2),
    "cries": ("distress", 2),
    "cried": ("distress", 2),
    "tears": ("distress", 2),
    "teary": ("distress", 1),
    "sob*": ("distress", 3),
    "wail*": ("distress", 3),
    "bawl*": ("distress", 3),
    "howl*": ("distress", 3),
    "hysteric*": ("distress", 3),
    "inconsolab*": ("distress", 3),
    "meltdown": ("distress", 3),
    "tantrum": ("distress", 3),
    "whin*": ("distress", 1),
    "whimper*": ("distress", 1),
    "fuss*": ("distress", 1),
    "moan*": ("distress", 1),
    "pout*": ("sadness", 1),
    "lip tremb": ("sadness", 1),
    "lip quiver": ("sadness", 1),
    "frown": ("sadness", 1),
    "sniffl*": ("distress", 1),
    "upset": ("distress", 2),
    "distress": ("distress", 2),
    # surprise and fear
    "startl*": ("surprise", 1),
    "jumps": ("surprise", 1),
    "jumped": ("surprise", 1),
    "flinch*": ("surprise", 1),
    "blinks": ("surprise", 1),
    "freezes": ("surprise", 1),
    "wide eyes": ("surprise", 1),
    "wide-eyed": ("surprise", 1),
    "gasp": ("surprise", 1),
    "surpris*": ("surprise", 1),
    "cling*": ("fear", 2),
    "clung": ("fear", 2),
    "hides": ("fear", 2),
    "hiding": ("fear", 2),
    "cower*": ("fear", 2),
    "trembl*": ("fear", 2),
    "shaking": ("fear", 2),
    "shak": ("fear", 2),
    "runs to": ("fear", 2),
    "ran to": ("fear", 2),
    "scream*": ("distress", 3),
    "shriek*": ("distress", 3),
    "panic*": ("fear", 3),
    "terrif*": ("fear", 3),
    "scared": ("fear", 2),
    "scary": ("fear", 2),
    "afraid*": ("fear", 2),
    "frighten*": ("fear", 2),
    "nervous": ("fear", 1),
    "worri*": ("fear", 1),
    "worry": ("fear", 1),
    "hesitat*": ("fear", 1),
    "unsure": ("fear", 1),
    # anger and frustration
    "grunt*": ("anger", 1),
    "huff": ("anger", 1),
    "scowl*": ("anger", 1),
    "push": ("anger", 1),
    "frustrat*": ("anger", 2),
    "throw*": ("anger", 2),
    "threw": ("anger", 2),
    "stomp*": ("anger", 2),
    "stamp*": ("anger", 2),
    "kick*": ("anger", 2),
    "hits": ("anger", 2),
    "hitting": ("anger", 2),
    "slam*": ("anger", 2),
    "yell*": ("anger", 2),
    "shout*": ("anger", 2),
    "growl*": ("anger", 2),
    "bite": ("anger", 2),
    "bites": ("anger", 2),
    "mad": ("anger", 2),
    "angry": ("anger", 2),
    "furious": ("anger", 3),
    "rage": ("anger", 3),
    "hate": ("anger", 3),
    "arches": ("anger", 2),
    "no!": ("anger", 1),
    "mine": ("anger", 1),
    # sadness
    "sad": ("sadness", 2),
    "miss": ("sadness", 2),
    "lonely": ("sadness", 2),
    "disappoint*": ("sadness", 1),
    "heartbr*": ("sadness", 3),
    "devastat*": ("sadness", 3),
    # pain
    "ow": ("pain", 2),
    "owie": ("pain", 2),
    "ouch": ("pain", 2),
    "hurt": ("pain", 2),
    "holding his knee": ("pain", 2),
    "holding her knee": ("pain", 2),
    "bleed*": ("pain", 2),
    "bump": ("pain", 1),
    "scrape": ("pain", 1),
    "sore": ("pain", 1),
    # body states
    "yawn*": ("tired", 2),
    "rubs eyes": ("tired", 2),
    "rubbing eyes": ("tired", 2),
    "rubs his eyes": ("tired", 2),
    "rubs her eyes": ("tired", 2),
    "tired": ("tired", 2),
    "sleepy": ("tired", 2),
    "hungry": ("hunger", 2),
    "starving": ("hunger", 3),
    "jealous": ("jealousy", 2),
    "embarrass*": ("shame", 2),
    "shy": ("shame", 1),
    "excit*": ("joy", 2),
    "happy": ("joy", 2),
    "proud": ("joy", 2),
    "bored": ("boredom", 1),
    "overwhelm*": ("overwhelm", 2),
}

# Signs that the child is calm or has moved on: these lower what counts as shown.
CALM = (
    "not crying",
    "no tears",
    "doesn't cry",
    "does not cry",
    "without crying",
    "stopped crying",
    "stops crying",
    "keeps playing",
    "kept playing",
    "goes back to",
    "went back to",
    "back to playing",
    "moved on",
    "moves on",
    "calm",
    "smil",
    "laugh",
    "giggl",
    "happily",
    "content",
    "unbothered",
    "unfazed",
    "curious",
    "playing again",
    "fine now",
    "relaxed",
    "cheerful",
    "chatting",
    "humming",
    "[=! laugh",
    "&=laugh",
)

_NEGATORS = re.compile(r"\b(?:not|no|n't|without|never|stops?|stopped|isn't|wasn't|doesn't)\W+(?:\w+\W+)?$")


# Inflections a whole-word entry may take ("mad" -> "madder", not "made").
_SUFFIX = r"(?:s|es|ed|d|ing|er|est|ly|ness|y|ie|ies)?"


def _entry_pattern(key: str) -> str:
    # "stem*" is a prefix ("frustrat*" -> frustrated, frustrating); other keys are words.
    if key.endswith("*"):
        return re.escape(key[:-1]) + r"[\w'-]*"
    return re.escape(key) + _SUFFIX + r"(?![\w'])"


def _stem_pattern(stems: dict[str, tuple[str, int]]) -> re.Pattern[str]:
    # Longest first so "made you jump" wins over a shorter entry inside it.
    keys = sorted(stems, key=len, reverse=True)
    alternatives = "|".join(f"(?P<k{i}>{_entry_pattern(k)})" for i, k in enumerate(keys))
    return re.compile(r"(?<![\w'])(?:" + alternatives + ")", re.I)


NAMED_RE = _stem_pattern(NAMED)
SHOWN_RE = _stem_pattern(SHOWN)
CALM_RE = re.compile("|".join(re.escape(c) for c in CALM), re.I)


_KEYS = {id(t): sorted(t, key=len, reverse=True) for t in (NAMED, SHOWN)}


def lookup(table: dict[str, tuple[str, int]], match: re.Match[str]) -> tuple[str, int]:
    """Family and intensity of the entry found by one of the patterns above."""
    group = match.lastgroup
    assert group is not None
    return table[_KEYS[id(table)][int(group[1:])]]


def negated(text: str, start: int) -> bool:
    """True when the word at ``start`` is negated ("not crying", "no tears").

    A CHAT annotation opens a new scope: in ``CHI: no [=! crying]`` the child's "no" does
    not negate the crying.
    """
    window = text[max(0, start - 24) : start].lower()
    window = re.split(r"\[|&=|\bchi:", window)[-1]
    return bool(_NEGATORS.search(window))
