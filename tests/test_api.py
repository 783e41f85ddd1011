"""The public Python API: load once, check, check_sentences, pipe, to_dict schema."""

from __future__ import annotations

import pytest

import heard
from heard import CODES, Context, UserError


def test_api_load_returns_the_same_engine():
    assert heard.load() is heard.load()


def test_api_check_gives_offsets_codes_and_cues(engine):
    text = "You're fine. Stop crying."
    result = engine.check(text, Context(age_months=30, child="crying, holding his knee"))
    assert [s.text for s in result.sentences] == ["You're fine.", "Stop crying."]
    for s in result.sentences:
        assert text[s.start:s.end] == s.text
        assert s.codes and all(c.code in CODES and 0 <= c.confidence <= 1 for c in s.codes)
        for c in s.codes:
            assert c.cues, f"{c.code} has no cue"
            assert all(text[cue.start:cue.end] == cue.text for cue in c.cues)
    assert "stop" in result.sentences[1].labels
    assert not result.attuned


def test_api_check_sentences_keeps_given_split(engine):
    result = engine.check_sentences(["You fell. I saw.", "Ouch"], Context(child="crying"))
    assert [s.text for s in result.sentences] == ["You fell. I saw.", "Ouch"]


def test_api_pipe_matches_check(engine):
    items = [("You fell.", Context(child="crying")), ("Look, a bird!", None)]
    piped = engine.pipe(items)
    single = [engine.check(t, c) for t, c in items]
    assert [r.to_dict() for r in piped] == [r.to_dict() for r in single]


def test_api_to_dict_schema(engine):
    d = engine.check("You fell.", Context(child="crying")).to_dict()
    assert set(d) >= {"sentences", "patterns", "attuned", "suggestion", "summary"}
    code = d["sentences"][0]["codes"][0]
    assert set(code) >= {"code", "confidence", "cues", "explanation"}
    assert set(code["cues"][0]) == {"start", "end", "text"}


def test_api_attuned_response(engine):
    result = engine.check("You fell down. I'm here.", Context(age_months=20, situation="Fell off the step",
                                                                 child="crying, reaching up"))
    assert result.attuned and "attuned" in result.pattern_names


def test_api_tactic_pattern(engine):
    result = engine.check("I know you're sad, but stop crying.", Context(child="crying"))
    assert "tactic" in result.pattern_names


def test_api_forced_sharing_pattern(engine):
    result = engine.check("You need to share. Give it back to her and say sorry.",
                          Context(age_months=36, situation="Took a doll from another child",
                                  child="clutching the doll, the other girl is crying"))
    assert "forced_sharing" in result.pattern_names


def test_api_too_much_talk_pattern(engine):
    long = ("I know, I know. You fell. It happens to everyone. When I was little I fell all the time. "
            "Your knee will be fine. We can put a bandage on it. Then we can read a book. Okay?")
    result = engine.check(long, Context(child="crying, holding her knee"))
    assert "too_much_talk" in result.pattern_names


@pytest.mark.parametrize("bad", ["", "   \n ", "😀😀", "?!?!", "x" * 6000, "No llores, mi amor, ya pasó, está bien."])
def test_api_rejects_bad_text(engine, bad):
    with pytest.raises(UserError):
        engine.check(bad)


def test_api_rejects_bad_context(engine):
    with pytest.raises(UserError):
        engine.check("You fell.", Context(age_months=-3))
    with pytest.raises(UserError):
        engine.check("You fell.", Context(situation="x" * 3000))


def test_api_training_is_deterministic_for_a_seed(tmp_path):
    import json

    from heard.train import train

    split = tmp_path / "splits"
    split.mkdir()
    rows = [
        {"id": f"r{i}", "context": {"child": "crying" if i % 2 else "playing calmly"},
         "sentences": [{"text": t, "codes": c}]}
        for i, (t, c) in enumerate([("You fell.", ["acknowledge"]), ("Stop crying.", ["stop"]),
                                    ("Look, a bird!", ["redirect"]), ("Shoes on.", ["other"]),
                                    ("You're fine.", ["minimize"]), ("I won't let you hit.", ["limit"])] * 4)
    ]
    for name in ("train", "dev", "test"):
        (split / f"{name}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first = train(split, tmp_path / "m1", seed=3, grid=(1.0,), log=lambda *_: None)
    second = train(split, tmp_path / "m2", seed=3, grid=(1.0,), log=lambda *_: None)
    assert (first.weights == second.weights).all() and first.thresholds == second.thresholds
    assert (tmp_path / "m1" / "weights.npz").read_bytes() == (tmp_path / "m2" / "weights.npz").read_bytes()
    loaded = heard.Engine.from_disk(tmp_path / "m1")
    assert loaded.check("Stop crying.").sentences[0].labels
    # Both stages survive the round trip through the folder.
    assert first.stacker is not None and loaded.model.stacker is not None
    assert (loaded.model.stacker.w1 == first.stacker.w1).all()


def test_api_shipped_model_has_both_stages(engine):
    assert engine.model.stacker is not None
    assert engine.model.meta["data_version"] and engine.model.meta["scores"]["test"]["macro_f1"] > 0


def test_api_broken_model_folder_is_a_clear_error(tmp_path):
    (tmp_path / "config.json").write_text("{", encoding="utf-8")
    with pytest.raises(UserError, match="E009|make model"):
        heard.Engine.from_disk(tmp_path)
