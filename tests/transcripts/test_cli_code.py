from __future__ import annotations

import json
import shutil

import pytest


@pytest.fixture()
def folder(tmp_path, fixtures):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(fixtures / "park.txt", root / "park.txt")
    shutil.copy(fixtures / "knee.jsonl", root / "knee.jsonl")
    return root


def test_cli_code_table_exits_0_when_everything_was_read(invoke, fixtures):
    result = invoke("code", str(fixtures / "park.txt"))
    assert result.exit_code == 0, result.output
    assert "park.txt" in result.output and "1 transcripts coded" in result.output


def test_cli_code_table_keeps_the_file_name_of_a_long_path_whole(invoke, fixtures, tmp_path):
    # CI checks out the repo under a deeper path than a laptop; the name must never be cut.
    deep = tmp_path / ("folder" * 15) / "nested"
    deep.mkdir(parents=True)
    shutil.copy(fixtures / "park.txt", deep / "park.txt")
    result = invoke("code", str(deep / "park.txt"))
    assert result.exit_code == 0, result.output
    assert "/park.txt" in result.output and "…" in result.output


def test_cli_code_json_lines_on_stdout(invoke, fixtures):
    result = invoke("code", str(fixtures / "park.txt"), "--format", "json")
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    assert record["episodes_count"] == 1
    assert [s["speaker"] for s in record["speakers"] if s["caregiver"]] == ["Dad", "Mom"]


def test_cli_code_exits_1_and_names_file_and_line_when_something_was_skipped(invoke, folder):
    (folder / "bad.cha").write_bytes(b"@UTF8\n*MOT:\tcaf\xe9 .\n")
    result = invoke("code", str(folder), "--format", "csv", "--speaker", "Nana=Grandmother")
    assert result.exit_code == 1
    assert "bad.cha:2: not UTF-8" in result.output
    assert "knee.jsonl:4" in result.output  # the row that is not JSON
    assert "1 files skipped" in result.output and "1 lines or rows skipped" in result.output
    assert result.stdout.splitlines()[0].startswith("path,corpus,child")


def test_cli_code_html_without_out_is_a_usage_error(invoke, folder):
    result = invoke("code", str(folder), "--format", "html")
    assert result.exit_code == 2 and "E030" in result.output


def test_cli_code_missing_path_is_a_usage_error(invoke, tmp_path):
    result = invoke("code", str(tmp_path / "nope.cha"))
    assert result.exit_code == 2 and "E010" in result.output


def test_cli_code_bad_speaker_option_is_a_usage_error(invoke, folder):
    result = invoke("code", str(folder), "--speaker", "Nana")
    assert result.exit_code == 2 and "E031" in result.output


def test_cli_code_config_file_sets_roles_and_window(invoke, fixtures, tmp_path):
    out = tmp_path / "out"
    result = invoke("code", str(fixtures / "knee.jsonl"), "--config", str(fixtures / "config.yml"),
                    "--format", "json", "--out", str(out))
    assert result.exit_code == 1  # the fixture has one line that is not JSON
    record = json.loads((out / "knee.heard.json").read_text())
    assert record["age_months"] == 30 and record["situation"] == "fell in the garden"
    assert [s["speaker"] for s in record["speakers"] if s["caregiver"]] == ["Nana"]
    assert record["episodes"][0]["responses"][0]["context"]["age_months"] == 30


def test_cli_code_invalid_config_file_is_a_usage_error(invoke, fixtures, tmp_path):
    config = tmp_path / "c.yml"
    config.write_text("window_turns: 0\n")
    result = invoke("code", str(fixtures / "park.txt"), "--config", str(config))
    assert result.exit_code == 2 and "E029" in result.output and "window_turns" in result.output


def test_cli_code_chat_output_and_resume(invoke, fixtures, tmp_path):
    out = tmp_path / "out"
    first = invoke("code", str(fixtures / "mini.cha"), "--format", "chat", "--out", str(out))
    assert first.exit_code == 1 and "mini.cha:22" in first.output  # the malformed line
    assert "%xhrd:" in (out / "mini.heard.cha").read_text()
    again = invoke("code", str(fixtures / "mini.cha"), "--format", "chat", "--out", str(out), "--resume")
    assert "(1 already done)" in again.output
