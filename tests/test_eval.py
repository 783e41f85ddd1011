"""`heard eval` and the scorer: figures, JSON keys, and file:line errors for bad files."""

from __future__ import annotations

import json

import pytest

from heard.eval.scorer import score

GOOD = {"id": "t1", "context": {"age_months": 22, "situation": "Fell", "child": "crying"},
        "sentences": [{"text": "You fell.", "codes": ["acknowledge"]},
                      {"text": "Stop crying.", "codes": ["stop"]}]}


def test_scorer_counts_precision_recall_and_macro_over_present_codes():
    gold = [("acknowledge",), ("stop",), ("other",), ("acknowledge", "stop")]
    pred = [("acknowledge",), ("other",), ("other",), ("acknowledge",)]
    s = score(gold, pred, [(0, 2), (2, 4)])
    assert s["per_code"]["acknowledge"]["f1"] == 1.0
    assert s["per_code"]["stop"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "kappa": 0.0, "support": 2}
    assert s["per_code"]["other"]["precision"] == 0.5
    assert set(s["per_code"]) == {"acknowledge", "stop", "other"}  # macro only over gold codes
    assert s["macro_f1"] == round((1.0 + 0.0 + 2 / 3) / 3, 4)
    assert s["exact_match"] == 0.5
    assert s["attuned_accuracy"] == 0.0  # both responses lose their "stop": predicted attuned, gold not
    assert {"gold": "stop", "predicted": "other", "count": 1} in s["confusions"]


def test_scorer_kappa_is_one_for_perfect_agreement():
    s = score([("stop",), ("other",)], [("stop",), ("other",)])
    assert s["per_code"]["stop"]["kappa"] == 1.0


def test_cli_eval_json(invoke, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    r = invoke("eval", str(path), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) >= {"macro_f1", "micro_f1", "per_code", "n_sentences", "exact_match", "attuned_accuracy"}
    assert data["n_sentences"] == 2
    assert set(data["per_code"]["stop"]) == {"precision", "recall", "f1", "kappa", "support"}


def test_cli_eval_human(invoke, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    r = invoke("eval", str(path))
    assert r.exit_code == 0 and "macro-F1" in r.output


@pytest.mark.parametrize(
    "line,needle",
    [
        ('{"id": "x", "sentences": [', "broken JSON"),
        (json.dumps({**GOOD, "sentences": [{"text": "Hi.", "codes": ["hug"]}]}), "unknown code 'hug'"),
        (json.dumps({"id": "x", "context": {}}), "field sentences"),
        (json.dumps({**GOOD, "sentences": [{"codes": ["other"]}]}), "field sentences.0.text"),
        (json.dumps({**GOOD, "context": {"age_months": "two"}}), "field context.age_months"),
    ],
    ids=["broken-json", "unknown-code", "missing-sentences", "missing-text", "bad-age"],
)
def test_cli_eval_bad_file_names_file_line_and_field(invoke, tmp_path, line, needle):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + line + "\n", encoding="utf-8")
    r = invoke("eval", str(path))
    assert r.exit_code == 2
    assert f"{path}:2" in r.output and needle in r.output
    assert "Traceback" not in r.output


def test_cli_eval_missing_file(invoke, tmp_path):
    r = invoke("eval", str(tmp_path / "nope.jsonl"))
    assert r.exit_code == 2 and "E010" in r.output


def test_cli_eval_empty_file(invoke, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    r = invoke("eval", str(path))
    assert r.exit_code == 2 and "no responses" in r.output
