from __future__ import annotations

import pytest

from heard.transcripts import code_turns, outputs
from heard.transcripts.config import Options
from heard.transcripts.profiles import summary_of
from heard.transcripts.readers import read_transcript
from heard.transcripts.report import corpus_html, transcript_html
from heard.transcripts.run import RunSummary


@pytest.fixture()
def coded(fixtures, fake_engine):
    return code_turns(read_transcript(fixtures / "mini.cha"), fake_engine, Options())


def test_outputs_chat_write_back_keeps_every_line_and_adds_the_tier(fixtures, coded):
    original = (fixtures / "mini.cha").read_text(encoding="utf-8")
    written = outputs.chat_with_codes(original, coded)
    kept = [line for line in written.splitlines() if not line.startswith("%xhrd:")]
    assert kept == original.splitlines()
    lines = written.splitlines()
    after = lines[lines.index("%mor:\tpro:per|you v|want det:art|the adj|red pro:indef|one .") + 1]
    assert after == "%xhrd:\tep1 acknowledge"
    assert "%xhrd:\tep1 distress" in lines and "%xhrd:\tep2 other | attuned" in lines


def test_outputs_chat_from_plain_text_is_chat(fixtures, fake_engine):
    t = read_transcript(fixtures / "park.txt")
    text = outputs.chat_from_turns(t, code_turns(t, fake_engine, Options()))
    assert text.startswith("@UTF8\n@Begin\n") and text.endswith("@End\n")
    assert "*MOT:\tTime to go." in text and "*CHI:\tNo! I want the swing!" in text
    lines = text.splitlines()
    assert lines[lines.index("*CHI:\tNo! I want the swing!") + 1] == "%xhrd:\tep1 distress"
    assert lines[lines.index("*MOT:\tYou want more swing time.") + 1] == "%xhrd:\tep1 acknowledge"


def test_outputs_csv_has_one_row_per_speaker(coded):
    rows = outputs.csv_rows(coded)
    assert [r["speaker"] for r in rows] == ["MOT", "BRO", "CHI", "INV"]
    assert rows[0]["n_acknowledge"] == 2 and rows[0]["rate_acknowledge"] == round(2 / 6, 4)


def test_report_transcript_html_is_self_contained(coded):
    html = transcript_html(coded)
    assert html.count("<svg") == 2 and "Episode 2" in html
    for external in ('src="', 'href="http', "<link", "<script", "url(http", "@import"):
        assert external not in html


def test_report_corpus_html_has_the_age_trend(coded):
    run = RunSummary()
    run.aggregate.add(summary_of(coded))
    run.done = 1
    html = corpus_html(run)
    assert "<svg" in html and "By age band" in html and "Mini/Ada" in html
