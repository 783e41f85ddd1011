"""Cue patterns: the words that typically carry each code, with their spans.

They serve twice: as features for the classifier (so it learns how far to trust each
cue) and as the visible evidence behind a decision. The classifier has the last word;
a cue alone never assigns a code. Patterns are case-insensitive and tolerant of
texting spellings ("ur", "cryin").
"""

from __future__ import annotations

import re

from heard.types import Span

_Y = r"(?:you're|you are|youre|ur|u r|you r|your|you)"

_CUES: dict[str, tuple[str, ...]] = {
    "acknowledge": (
        r"\byou (?:really |so )?(?:want|wanted|wanna|wish|were hoping|hoped)\b",
        r"\b(?:i see|i saw|i know|i hear|i heard|i noticed)\b",
        r"\byou (?:fell|fall|tripped|bumped|dropped|spilled|slipped|hit|got hurt|didn'?t like|don'?t like)\b",
        r"\b(?:oh no|uh[- ]?oh|ouch|ow+|owie|oops)\b",
        r"\bthat (?:hurt|hurts|stung|was hard|is hard|surprised you|startled you)\b",
        r"\bi'?m (?:so )?sorry\b",
        r"\byou(?:'re| are) (?:crying|sad|mad|upset|frustrated|angry|disappointed)\b",
        r"\b(?:you|it) (?:didn'?t|did not) (?:go|work) the way\b",
    ),
    "validate": (
        r"\b(?:it'?s|its|that'?s|thats) (?:ok(?:ay)?|alright|all right|fine|normal|allowed) (?:to|if you)\b",
        r"\byou (?:can|may|are allowed to) (?:cry|be (?:sad|mad|angry|upset|scared|frustrated))\b",
        r"\b(?:that|it) makes sense\b", r"\bof course you\b", r"\bno wonder\b",
        r"\b(?:i'?d|i would) (?:be|feel) \w+ too\b", r"\banyone would\b",
        r"\b(?:take|have) (?:all )?the time you need\b", r"\bas long as you need\b",
        r"\b(?:your|those|these) feelings? (?:are|is) (?:ok(?:ay)?|real|important|allowed|valid)\b",
        r"\bit'?s hard\b", r"\bthat'?s (?:really )?hard\b", r"\bit'?s ok(?:ay)? to feel\b",
    ),
    "presence": (
        r"\bi'?m (?:right )?here\b", r"\bi'?m (?:not going anywhere|with you|staying)\b",
        r"\b(?:do you |d'you |wanna |want to |want a |want me to )(?:\w+ )?(?:hug|cuddle|sit|hold|help|tell me|talk)\b",
        r"\bwhat (?:happened|'?s wrong|is wrong|'?s the matter|is the matter)\b",
        r"\b(?:does|did) (?:it|that) hurt\b", r"\bwhere (?:does it hurt|did you)\b",
        r"\b(?:are you|you) (?:ok(?:ay)?|alright|all right)\s*\?",
        r"\bi'?ll (?:be (?:right )?back|come back|stay|check on you|sit)\b",
        r"\b(?:let me|can i) (?:see|look|have a look)\b", r"\bwhen(?:ever)? you'?re ready\b",
        r"\bcome here\b", r"\bif you (?:want|need)\b",
    ),
    "limit": (
        r"\bi (?:won'?t|will not|am not going to|'?m not going to) let\b",
        r"\bi'?m (?:going to|gonna) (?:take|hold|lift|carry|put|move|pick)\b",
        r"\b(?:it'?s|its) time to\b", r"\b(?:not now|not today|no more \w+ (?:today|tonight))\b",
        r"^\s*no+\s*[.!]*$", r"\bdon'?t (?:hit|bite|kick|push|throw|climb|run|touch|grab|pull)\b",
        r"\byou can (?:have|play|do|try) (?:it|that|one|some|more)? ?(?:after|later|when|tomorrow)\b",
        r"\bis for (?:after|later|eating|sitting|outside)\b", r"\bare for (?:after|eating|outside)\b",
        r"\b(?:gentle|careful|hold my hand|feet on the floor|put it down|sit down)\b",
        r"\b(?:we'?re|we are) (?:leaving|going home|going now)\b", r"\bcome on\b",
        r"\bi can'?t let\b", r"\bi'?m not (?:going to )?(?:buy|give)\b",
    ),
    "project": (
        r"\byou(?:'re| are) just\b", r"\bjust (?:tired|hungry|cranky|overtired)\b",
        r"\bi bet\b", r"\byou must (?:be|have|feel)\b", r"\bbecause you(?:'re| are| didn'?t)\b",
        r"\bon purpose\b", r"\bfor attention\b", r"\byou(?:'re| are) (?:so|such) (?:a )?\w+\b",
        r"\byou always\b", r"\byou never\b", r"\bprobably\b", r"\bdeep down\b",
        r"\b(?:are you|you) (?:tired|hungry|jealous|cranky|scared|sleepy)\s*\?",
    ),
    "minimize": (
        rf"\b{_Y} (?:fine|ok(?:ay)?|alright|all right)\b(?!\s*\?)",
        r"\b(?:it'?s|its) (?:ok(?:ay)?|alright|all right|fine)\b(?! to| if)",
        r"\b(?:not|no) (?:a )?big deal\b", r"\b(?:didn'?t|doesn'?t|does not|did not) hurt\b",
        r"\bthere,? there\b", r"\bdon'?t (?:be sad|be scared|worry|be upset|be silly|cry over)\b",
        r"\bjust a (?:toy|scratch|bump|dog|game|balloon|little)\b", r"\bnothing to be\b",
        r"\b(?:it'?s|its) nothing\b", r"\bat least\b", r"\byou'?ll be (?:fine|ok(?:ay)?)\b",
        r"\bno need to\b", r"\bsilly\b", r"\bget over it\b", r"\bnot that bad\b",
    ),
    "stop": (
        r"\bstop (?:crying|cryin|whining|whinging|fussing|screaming|that noise|the tears)\b",
        r"\b(?:that'?s|thats) enough\b", r"\bcalm down\b", r"\bno more (?:tears|crying|whining)\b",
        r"\bsh+\b", r"\bhush\b", r"\b(?:big|brave) (?:boys?|girls?|kids?) don'?t\b",
        r"\benough\b", r"\bquit (?:crying|whining|it)\b", r"\bdry (?:those|your) (?:tears|eyes)\b",
        r"\bpull yourself together\b", r"\bdon'?t cry\b", r"\bno cry\b",
    ),
    "regulate": (
        r"\b(?:take|let'?s take) (?:a |some )?(?:deep |big )?breaths?\b", r"\bbreathe\b",
        r"\bcount(?:ing)? to\b", r"\buse your words\b", r"\bcalm[- ]down (?:corner|spot|space)\b",
        r"\bcalm (?:body|breathing|corner)\b", r"\bsqueeze\b", r"\bsmell the\b",
        r"\bblow (?:out )?the\b", r"\bhappy (?:place|thought)\b", r"\bzone\b",
    ),
    "redirect": (
        r"\blook(?:,)? (?:at|a|there|over)\b", r"\bwant (?:a|some) (?:cookie|candy|snack|treat)\b",
        r"\b(?:i'?ll|we'?ll) (?:buy|get) (?:you )?(?:a )?(?:new|another)\b",
        r"\blet me (?:do|fix|get) it\b", r"\bi'?ll fix\b", r"\bfive more minutes\b",
        r"\bhere you go\b", r"\bhave a hug\b", r"\blet'?s (?:go|sing|play|read|find|see)\b",
        r"\bhow about\b", r"\bguess what\b", r"\btry again\b", r"\bfine,? (?:you can|take|have)\b",
    ),
    "moralize": (
        r"\bwe don'?t\b", r"\b(?:that'?s|it'?s) not (?:nice|kind|fair|okay to)\b",
        r"\byou (?:need|have|got) to share\b", r"\bshare\b", r"\bsay (?:sorry|you'?re sorry|thank)\b",
        r"\bhow would you feel\b", r"\byou should(?:n'?t)? have\b", r"\blife isn'?t fair\b",
        r"\bno-?no\b", r"\bit'?s (?:his|her|their|my) turn\b", r"\bgood (?:girls|boys|kids|friends)\b",
        r"\bwhat do we say\b", r"\bthat'?s (?:rude|mean|naughty|bad)\b", r"\bapologi[sz]e\b",
    ),
    "punish": (
        r"\bif you don'?t\b", r"\bgo to your room\b", r"\btime[- ]?out\b", r"\bcry ?baby\b",
        r"\b(?:acting|act) like a baby\b", r"\bno (?:tv|tablet|ipad|dessert|screen|park)\b",
        r"\bwhat(?:'s| is) wrong with you\b", r"\bwhat'?s the matter with you\b",
        r"\b(?:you'?re|you are) making (?:me|mommy|daddy|mummy)\b", r"\bor else\b",
        r"\bi'?ll (?:leave you|take away|take your)\b", r"\bone more time and\b", r"\bseriously\b",
        r"\bi'?m (?:counting|going to count)\b", r"\bsanta\b", r"\bspank\b",
    ),
}

# One alternation per code: a dozen regex scans per sentence instead of ~150.
PATTERNS: dict[str, re.Pattern[str]] = {
    code: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for code, pats in _CUES.items()
}


def find(sentence: str) -> dict[str, list[Span]]:
    """Cue spans per code found in ``sentence`` (codes without cues are absent)."""
    found: dict[str, list[Span]] = {}
    for code, pattern in PATTERNS.items():
        spans = [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(sentence)]
        if spans:
            found[code] = spans
    return found
