from __future__ import annotations

import pytest

from heard.errors import UserError
from heard.transcripts.config import Options
from heard.transcripts.readers import read_transcript


def test_readers_chat_gives_turns_roles_age_and_situation(fixtures):
    t = read_transcript(fixtures / "mini.cha")
    assert t.format == "chat" and t.child == "CHI" and t.child_name == "Ada"
    assert t.caregivers == {"MOT"}  # investigators and siblings are not caregivers by default
    assert (t.age_months, t.situation, t.corpus) == (27, "playing with blocks; tower building", "Mini")
    assert [(u.order, u.speaker, u.line) for u in t.turns[:2]] == [(0, "MOT", 12), (1, "CHI", 13)]
    assert t.turns[0].text == "let's build a tower." and t.turns[0].time == 1.0


def test_readers_chat_reports_a_malformed_line_and_keeps_the_rest(fixtures):
    t = read_transcript(fixtures / "mini.cha")
    assert [(p.line, p.code, p.fatal) for p in t.problems] == [(22, "E024", False)]
    assert "mini.cha:22" in t.problems[0].message
    assert any(u.line == 23 for u in t.turns)


def test_readers_chat_configured_caregiver_role_counts(fixtures):
    t = read_transcript(fixtures / "mini.cha", Options(caregiver_roles=frozenset({"Mother", "Investigator"})))
    assert t.caregivers == {"MOT", "INV"}


def test_readers_plain_maps_common_speaker_labels(fixtures):
    t = read_transcript(fixtures / "park.txt")
    assert t.format == "plain" and t.child == "Child"
    assert t.caregivers == {"Mom", "Dad"}
    assert [u.line for u in t.turns] == [1, 2, 3, 4, 5, 6]


def test_readers_csv_reads_time_and_reports_an_empty_row(fixtures):
    t = read_transcript(fixtures / "cup.csv")
    assert [u.time for u in t.turns] == [0.0, 3.5, 5.0, 40.0]
    assert [(p.line, p.code) for p in t.problems] == [(5, "E027")]
    assert t.child == "Kid" and t.caregivers == {"Dad"}


def test_readers_jsonl_uses_the_speaker_mapping_option(fixtures):
    plain = read_transcript(fixtures / "knee.jsonl")
    assert plain.caregivers == frozenset()  # "Nana" is not a known label
    t = read_transcript(fixtures / "knee.jsonl", Options(speakers=(("Nana", "Grandmother"),)))
    assert t.caregivers == {"Nana"}
    assert [(p.line, p.code) for p in t.problems] == [(4, "E027")]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.cha", b"", "E020"),
    ("blank.txt", b"\n  \n", "E020"),
    ("binary.cha", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "E021"),
    ("latin1.cha", "@UTF8\n@Begin\n*MOT:\tcaf\u00e9 .\n".encode("latin-1"), "E022"),
    ("notes.docx", b"PK\x03\x04", "E028"),
    ("nothing.txt", b"# only a comment\n", "E026"),
])
def test_readers_bad_files_raise_a_coded_user_error(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError) as info:
        read_transcript(path)
    assert info.value.code == code
    assert name in info.value.message


def test_readers_wrong_encoding_points_at_the_line(tmp_path):
    path = tmp_path / "latin1.cha"
    path.write_bytes("@UTF8\n@Begin\n*MOT:\tcaf\u00e9 .\n".encode("latin-1"))
    with pytest.raises(UserError, match=r"latin1.cha:3: not UTF-8"):
        read_transcript(path)


def test_readers_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Mom: hello.\n" * 20_000)
    with pytest.raises(UserError) as info:
        read_transcript(path, Options(max_file_mb=0.1))
    assert info.value.code == "E023" and "--max-file-mb" in info.value.message
