from __future__ import annotations

import json
import os
import shutil

import pytest

from heard.errors import UserError
from heard.transcripts import run as run_mod
from heard.transcripts.run import code_paths, write_atomic


@pytest.fixture()
def corpus(tmp_path, fixtures):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    shutil.copy(fixtures / "mini.cha", root / "a" / "mini.cha")
    shutil.copy(fixtures / "park.txt", root / "park.txt")
    (root / "README.md").write_text("not a transcript")
    (root / "a" / "empty.cha").write_bytes(b"")
    (root / "a" / "image.cha").write_bytes(b"\x89PNG\x00\x00")
    return root


def test_run_skips_bad_files_reports_them_and_goes_on(corpus):
    seen = []
    summary = code_paths([corpus], fmt="json", on_outcome=seen.append)
    assert summary.done == 2 and summary.failed
    assert sorted(p.code for p in summary.skipped) == ["E020", "E021"]
    assert [(p.code, p.line) for p in summary.line_problems] == [("E024", 22)]
    assert summary.ignored == [str(corpus / "README.md")]
    assert sum(o.status == "done" for o in seen) == 2


def test_run_writes_one_record_per_transcript_and_a_summary(corpus, tmp_path):
    out = tmp_path / "out"
    summary = code_paths([corpus], fmt="csv", out_dir=out)
    assert (out / "a" / "mini.heard.json").exists() and (out / "a" / "mini.heard.csv").exists()
    assert (out / "park.heard.json").exists() and (out / "summary.csv").exists()
    data = json.loads((out / "summary.json").read_text())
    assert data["transcripts"] == 2 and data["counts"]["skipped"] == 2
    assert data["aggregate"]["total"]["transcripts"] == 2 == summary.aggregate.total.transcripts
    assert not list(out.rglob("*.tmp"))


def test_run_resume_skips_transcripts_already_done(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = code_paths([corpus], fmt="json", out_dir=out)
    read = []
    real = run_mod.read_transcript
    monkeypatch.setattr(run_mod, "read_transcript", lambda path, *a: read.append(path.name) or real(path, *a))
    again = code_paths([corpus], fmt="json", out_dir=out, resume=True)
    assert again.resumed == 2 and again.done == 0
    assert sorted(read) == ["empty.cha", "image.cha"]  # files skipped before are tried again
    assert again.aggregate.to_dict() == first.aggregate.to_dict()


def test_run_resume_codes_again_when_the_input_is_newer(corpus, tmp_path):
    out = tmp_path / "out"
    code_paths([corpus], fmt="json", out_dir=out)
    record = out / "park.heard.json"
    os.utime(record, (1, 1))  # output older than its input
    again = code_paths([corpus], fmt="json", out_dir=out, resume=True)
    assert (again.done, again.resumed) == (1, 1)


def test_run_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]


def test_run_two_jobs_give_the_same_aggregate_as_one(corpus, tmp_path):
    one = code_paths([corpus], fmt="json", out_dir=tmp_path / "one")
    two = code_paths([corpus], fmt="json", out_dir=tmp_path / "two", jobs=2)
    assert two.aggregate.to_dict() == one.aggregate.to_dict()
    assert two.counts == one.counts


def test_run_html_needs_an_output_folder(corpus):
    with pytest.raises(UserError) as info:
        code_paths([corpus], fmt="html")
    assert info.value.code == "E030"


def test_run_folder_without_transcripts_is_a_user_error(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(UserError) as info:
        code_paths([tmp_path])
    assert info.value.code == "E032"
