"""Context decides projection: the same words are acknowledge or project by the evidence.

Two levels: the explicit mechanism (heard.evidence) is tested directly and exactly, and the
engine is tested on the pairs end to end.
"""

from __future__ import annotations

import pytest

from heard import Context
from heard.evidence import named_feelings, read_evidence

PAIRS = [
    # words, context where the child shows it, context where the child does not
    ("That scared you!",
     Context(24, "A dog barked right next to her", "screams and clings to her mother, shaking"),
     Context(24, "A dog barked right next to her", "startles, then keeps playing with her blocks")),
    ("You're so angry.",
     Context(40, "His tower was knocked down", "yells \"NO!\", stamps and kicks the blocks"),
     Context(40, "His tower was knocked down", "looks at the blocks, then starts rebuilding, calm")),
    ("You're heartbroken.",
     Context(70, "Her best friend moved away", "sobbing inconsolably on the bed"),
     Context(70, "Her best friend moved away", "says \"oh\" and goes back to her drawing")),
    ("You're frustrated.",
     Context(30, "The lid won't come off", "grunts, bangs the jar and yells \"open!\""),
     Context(30, "The lid won't come off", "hands the jar to dad, smiling")),
]


@pytest.mark.parametrize("words,shown,not_shown", PAIRS, ids=[p[0] for p in PAIRS])
def test_evidence_judges_named_feeling_against_context(words, shown, not_shown):
    assert [f.verdict for f in named_feelings(words, read_evidence(shown))] == ["supported"]
    assert [f.verdict for f in named_feelings(words, read_evidence(not_shown))] in (["stronger"], ["unshown"])


def test_evidence_ignores_negated_behaviour():
    ev = read_evidence(Context(situation="Fell", child="sits up, not crying"))
    assert ev.distress == 0 and ev.calm


def test_evidence_reads_chat_markers():
    ev = read_evidence(Context(child="CHI: no [=! crying] . CHI: &=screams mine !"))
    assert ev.distress == 3 and ev.crying


def test_evidence_does_not_attribute_adult_feelings_to_child():
    ev = read_evidence(Context(child="playing quietly"))
    assert named_feelings("I'm so frustrated with this traffic.", ev) == []


@pytest.mark.parametrize("words,shown,not_shown", PAIRS, ids=[p[0] for p in PAIRS])
def test_engine_codes_pair_by_context(engine, words, shown, not_shown):
    with_evidence = set(engine.check(words, shown).sentences[0].labels)
    without = set(engine.check(words, not_shown).sentences[0].labels)
    assert "acknowledge" in with_evidence and "project" not in with_evidence
    assert "project" in without
