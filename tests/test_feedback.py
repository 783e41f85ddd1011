"""Feedback: explanations for everything, the summary, and "try instead" properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from heard import CODES, PATTERNS, Context
from heard.codes import CODE_INFO, PATTERN_INFO
from heard.eval import load_examples
from heard.suggest import child_context, invented_words, situation_ack

DATA = Path(__file__).resolve().parents[1] / "data" / "splits"


@pytest.mark.parametrize("name", CODES + PATTERNS)
def test_feedback_every_code_and_pattern_is_explained(name):
    info = CODE_INFO.get(name) or PATTERN_INFO[name]
    assert info.summary and info.why
    assert len(info.explanation.split()) < 70, "explanations must read in a few seconds"


def test_feedback_findings_carry_explanations_and_cues(engine):
    result = engine.check("Stop crying or you're going to your room.", Context(child="crying"))
    for code in result.sentences[0].codes:
        assert code.explanation == CODE_INFO[code.code].explanation and code.cues
    assert all(p.explanation for p in result.patterns)


def test_feedback_fall_example_from_the_issue(engine):
    result = engine.check("You're fine, stop crying.", Context(22, "Tripped on the rug and fell",
                                                                    "looks at the parent, not crying"))
    assert result.suggestion.startswith("You tripped on the rug and fell. I saw.")
    assert "Then wait." in result.suggestion


def test_feedback_projection_is_brought_down_to_the_evidence(engine):
    result = engine.check("That dog scared you!", Context(24, "A dog barked", "startles, then keeps playing"))
    assert "That surprised you, didn't it?" in result.suggestion
    assert "scared" not in result.suggestion


def test_feedback_limit_is_kept_and_threat_dropped(engine):
    result = engine.check("I won't let you hit your sister. If you do it again, no TV tonight.",
                          Context(40, "Hit his sister over a toy", "screaming and swinging at her"))
    assert "I won't let you hit" in result.suggestion
    assert "TV" not in result.suggestion


def test_feedback_missing_context_gives_generic_suggestion(engine):
    result = engine.check("That's enough now. Go to your room.")
    assert result.suggestion in ("You're upset. I'm here.", "I saw that. I'm here.")
    assert engine.check(result.suggestion).attuned


def test_feedback_takes_facts_from_the_caregivers_words(engine):
    # No context, but "stop crying" says the child is crying.
    assert engine.check("Stop crying.").suggestion == "You're crying. I'm here."


def test_feedback_summary_puts_the_threat_first(engine):
    result = engine.check("I know. Take a deep breath. If you don't stop, we're leaving.", Context(child="crying"))
    assert "threat" in result.summary
    assert result.summary.index("threat") < len(result.summary)


def test_feedback_summary_names_what_went_well(engine):
    result = engine.check("You fell. I'm here.", Context(child="crying, holding his knee"))
    assert result.summary.startswith("Good:")


@pytest.mark.parametrize("situation,expected", [
    ("Tripped on the rug and fell", "You tripped on the rug and fell."),
    ("Mia dropped her ice cream", "You dropped your ice cream."),
    ("Being buckled into the car seat", None),
    ("Hit her sister", None),
])
def test_feedback_situation_retold_from_the_childs_side(situation, expected):
    assert situation_ack(situation) == expected


def test_feedback_invented_words_are_caught():
    assert invented_words("You dropped your ice cream. The dog took it.", ["Dropped her ice cream"]) == ["dog", "took"]
    assert invented_words("I won't let you pull.", ["stop pulling her hair"]) == []


def test_feedback_property_over_every_response_in_data(engine):
    examples = [ex for split in ("train", "dev", "test") for ex in load_examples(DATA / f"{split}.jsonl")]
    results = engine.pipe_sentences([(ex.sentences, ex.context) for ex in examples])
    not_attuned, invented = [], []
    for ex, res in zip(examples, results):
        if not engine.check(res.suggestion, ex.context).attuned:
            not_attuned.append(ex.id)
        if invented_words(res.suggestion, [*ex.sentences, *child_context(ex.context)]):
            invented.append(ex.id)
    assert not not_attuned, f"suggestions not coded attuned: {not_attuned[:10]}"
    assert len(invented) / len(examples) <= 0.02, f"invented facts: {invented[:10]}"


def test_feedback_everyday_talk_needs_no_change(engine):
    result = engine.check("Where's Daddy? Boo! You found me!",
                          Context(12, "Peekaboo behind the couch", "squeals and crawls to look, laughing"))
    assert result.summary.startswith("Everyday talk: nothing here calls for a change.")
