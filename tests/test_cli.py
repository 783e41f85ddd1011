"""The CLI through Typer's runner: exit codes 0/1/2, formats, stdin, and every bad input."""

from __future__ import annotations

import json

import pytest


def test_cli_check_attuned_exits_0(invoke):
    r = invoke("check", "You fell down. I'm here.", "--age", "20", "--situation", "Fell off the step",
               "--child", "crying, reaching up")
    assert r.exit_code == 0, r.output
    assert "acknowledge" in r.output and "pattern: attuned" in r.output


def test_cli_check_not_attuned_exits_1_and_explains(invoke):
    r = invoke("check", "You're fine, stop crying.", "--child", "crying, holding her knee")
    assert r.exit_code == 1
    assert "stop" in r.output and "Feelings are not a problem to end" in r.output
    assert "Try instead:" in r.output


def test_cli_check_json_schema(invoke):
    r = invoke("check", "You're fine. Stop crying.", "--format", "json", "--child", "crying")
    data = json.loads(r.output)
    assert set(data) >= {"sentences", "patterns", "attuned", "suggestion", "summary"}
    s = data["sentences"][0]
    assert set(s) >= {"text", "start", "end", "codes"}
    assert set(s["codes"][0]) >= {"code", "confidence", "cues", "explanation"}
    assert data["attuned"] is False and isinstance(data["patterns"], list)


def test_cli_check_reads_stdin(invoke):
    r = invoke("check", "--format", "json", input="Stop crying.\n")
    assert r.exit_code == 1
    assert json.loads(r.output)["sentences"][0]["text"] == "Stop crying."


@pytest.mark.parametrize(
    "args,stdin,message",
    [
        (["check", ""], None, "E001"),
        (["check", "   "], None, "E001"),
        (["check", "x " * 3000], None, "E002"),
        (["check"], b"\xff\xfe\xfa not utf8", "E003"),
        (["check"], b"bin\x00ary", "E003"),
        (["check", "Arrête de pleurer, ce n'est rien, viens ici."], None, "E004"),
        (["check", "😡😡😡"], None, "E005"),
        (["check", "..."], None, "E005"),
        (["check", "You fell.", "--age", "900"], None, "E007"),
        (["check", "You fell.", "--situation", "s" * 2500], None, "E008"),
        (["check", "You fell.", "--situation", "Se cayó de la bicicleta en el parque"], None, "E012"),
        (["check", "You fell.", "--child", "  "], None, "E013"),
    ],
    ids=["empty", "whitespace", "too-long", "not-utf8", "binary", "french", "emoji", "punctuation",
         "bad-age", "huge-context", "non-english-context", "blank-context"],
)
def test_cli_check_bad_input_exits_2_with_one_line(invoke, args, stdin, message):
    r = invoke(*args, input=stdin)
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_cli_usage_error_exits_2(invoke):
    r = invoke("check", "You fell.", "--format", "yaml")
    assert r.exit_code == 2
