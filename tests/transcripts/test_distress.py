from __future__ import annotations

import pytest

from heard.transcripts.distress import cues, describe
from heard.transcripts.types import Turn


def chi(raw: str, text: str | None = None, tiers=()) -> Turn:
    from heard.transcripts.chat import clean

    return Turn("CHI", "Target_Child", clean(raw) if text is None else text, 1, 1, raw=raw, tiers=tiers)


def kinds(turn: Turn, previous: Turn | None = None) -> list[str]:
    return [c.kind for c in cues(turn, previous)]


@pytest.mark.parametrize("raw", ["&=cries .", "&=whines:squirms I want it !", "&=screams:squirms .",
                                 "0 [=! cries] .", "my xxx [=! crying] .", "0 [= whining] .",
                                 "no [% wailing] .", "<no more> [=! crying and shouting] .",
                                 "Mummy [=! moaning voice] ."])
def test_distress_chat_markers_are_found(raw):
    assert "marker" in kinds(chi(raw))


def test_distress_marker_on_a_par_tier_is_found():
    assert kinds(chi("0 .", tiers=(("par", "whimpering"),))) == ["marker"]


@pytest.mark.parametrize("raw", ["0 [=! sighs] .", "&=laughs .", "Swww [% mother] .", "0 [=! stops crying] .",
                                 "0 [=! fake crying] .", "the baby is crying ."])
def test_distress_other_notes_and_talk_about_crying_are_not_distress(raw):
    assert kinds(chi(raw)) == []


@pytest.mark.parametrize("raw", ["ow .", "ow [/] ow .", "<ow ow> [/] ow .", "ow ow ow ow ⌊ow⌋.", "ow nany@c ."])
def test_distress_bare_ow_is_not_pain(raw):
    # A child's "ow" alone is play or dislike as often as pain (see docs/transcripts.md).
    assert kinds(chi(raw)) == []


@pytest.mark.parametrize("raw", ["ow I hitted my bum bum .", "ouch !", "my knee hurts .", "it hurts .",
                                 "ow I bumped it ."])
def test_distress_pain_words_with_evidence_are_pain(raw):
    assert kinds(chi(raw)) == ["pain"]


def test_distress_hypothetical_hurt_is_not_pain():
    assert kinds(chi("when you get it it really hurts.")) == []


def test_distress_laughter_cancels_pain_and_scream_but_not_crying():
    assert kinds(chi("ow my head hurts &=laughs .")) == []
    assert kinds(chi("&=screams &=laughs .")) == []
    assert kinds(chi("&=cries &=laughs .")) == ["marker"]


@pytest.mark.parametrize("raw", ["no !", "mine !", "stop it !", "go away !", "no no no ."])
def test_distress_protests_are_found(raw):
    assert kinds(chi(raw)) == ["protest"]


@pytest.mark.parametrize("raw", ["no .", "mine .", "yes !"])
def test_distress_plain_answers_are_not_protests(raw):
    assert kinds(chi(raw)) == []


def test_distress_no_answering_a_question_is_not_a_protest():
    question = Turn("MOT", "Mother", "do babies help bake cookies?", 0, 1, raw="do babies help bake cookies ?")
    statement = Turn("MOT", "Mother", "time for bed.", 0, 1, raw="time for bed .")
    assert kinds(chi("no !"), question) == []
    assert kinds(chi("no !"), statement) == ["protest"]


def test_distress_plain_text_notes_are_markers():
    turn = Turn("Kid", "Target_Child", "(crying) my cup!", 1, 1, raw="(crying) my cup!")
    assert [c.kind for c in cues(turn)] == ["marker", "protest"]


def test_distress_describe_names_what_the_child_shows_and_says():
    turn = chi("my xxx [=! crying] .")
    text = describe([turn], list(cues(turn)))
    assert text == 'child crying; says "my."'
