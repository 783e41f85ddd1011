from __future__ import annotations

from heard.transcripts import code_turns
from heard.transcripts.config import Options
from heard.transcripts.episodes import code_episodes, find_episodes
from heard.transcripts.readers import read_transcript


def test_episodes_open_on_distress_and_take_caregiver_turns_in_the_window(fixtures):
    t = read_transcript(fixtures / "mini.cha")
    episodes = find_episodes(t, Options(window_turns=4))
    lines = [(e.start_line, [t.turns[o].line for o in e.caregiver_turns]) for e in episodes]
    # "mine! [=! screaming]" then three MOT turns in the window; "no !" after a question is an
    # answer and a bare "ow ." is not pain; the bumped head (&=cries) extends through
    # "0 . %par: whimpering"; the investigator's "oh dear." is never a caregiver turn.
    assert lines == [(15, [16, 18, 20]), (26, [28, 29, 32])]
    second = episodes[1]
    assert [t.turns[o].speaker for o in second.caregiver_turns] == ["MOT", "MOT", "MOT"]
    assert len(second.distress_turns) == 2


def test_episodes_window_of_one_turn_drops_later_responses(fixtures):
    t = read_transcript(fixtures / "mini.cha")
    first = find_episodes(t, Options(window_turns=1))[0]
    assert [t.turns[o].line for o in first.caregiver_turns] == [16]


def test_episodes_window_seconds_limits_caregiver_turns(fixtures):
    t = read_transcript(fixtures / "cup.csv")
    assert len(find_episodes(t, Options())[0].caregiver_turns) == 1
    assert find_episodes(t, Options(window_seconds=1.0))[0].caregiver_turns == ()


def test_episodes_coded_with_child_turns_age_and_situation_as_context(fixtures, fake_engine):
    t = read_transcript(fixtures / "mini.cha")
    coded = code_episodes(t, find_episodes(t, Options()), fake_engine)
    sentences, context = fake_engine.calls[0]
    assert sentences == ["you want the red one.", "I'm here.", "do you want a snack?"]
    assert context.age_months == 27 and context.situation == "playing with blocks; tower building"
    assert context.child == 'child screaming; says "mine!"'
    response = coded[0].responses[0]
    assert [s.codes for s in response.sentences] == [("acknowledge",), ("other",), ("other",)]
    assert [s.line for s in response.sentences] == [16, 18, 20]
    assert response.attuned and coded[0].turns_to_ack == 1


def test_episodes_only_caregiver_sentences_reach_the_engine(fixtures, fake_engine):
    t = read_transcript(fixtures / "mini.cha")
    code_turns(t, fake_engine, Options())
    sent = [s for sentences, _ in fake_engine.calls for s in sentences]
    assert "what a tall tower." not in sent and "oh dear." not in sent  # investigator
    assert "let's build a tower." not in sent  # outside any episode
    assert len(sent) == 6


def test_episodes_unanswered_distress_does_not_load_an_engine(fixtures):
    t = read_transcript(fixtures / "mini.cha", Options(caregiver_roles=frozenset()))
    result = code_turns(t, engine=object(), options=Options())  # object() would fail if called
    assert len(result.episodes) == 2 and all(not e.responses for e in result.episodes)
