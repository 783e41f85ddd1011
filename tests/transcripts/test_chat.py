from __future__ import annotations

import pytest

from heard.transcripts import chat


def test_chat_scan_keeps_source_lines_and_dependent_tiers(fixtures):
    scanned = chat.scan((fixtures / "mini.cha").read_text(encoding="utf-8"))
    first = scanned.records[0]
    assert (first.line, first.speaker, first.time) == (12, "MOT", 1.0)
    you_want = next(r for r in scanned.records if r.main.startswith("you want"))
    assert you_want.line == 16 and you_want.end_line == 17
    assert dict(you_want.tiers)["mor"].startswith("pro:per|you")
    whimper = scanned.records[-2]
    assert whimper.tiers == (("par", "whimpering"),)


def test_chat_scan_reports_lines_that_are_not_chat(fixtures):
    scanned = chat.scan((fixtures / "mini.cha").read_text(encoding="utf-8"))
    assert [(b.line, b.text) for b in scanned.bad_lines] == [(22, "this line is not CHAT")]


def test_chat_scan_joins_wrapped_headers_and_continuations():
    scanned = chat.scan("@Participants:\tCHI Target_Child ,\n\tMOT Mother\n*MOT:\tyou fell\n\tand cried .\n")
    assert scanned.header("Participants") == "CHI Target_Child , MOT Mother"
    assert scanned.records[0].main == "you fell and cried ."


def test_chat_parse_header_reads_roles_age_and_corpus(fixtures):
    header = chat.parse_header(chat.scan((fixtures / "mini.cha").read_text(encoding="utf-8")), "mini.cha")
    assert dict(header.roles) == {"CHI": "Target_Child", "MOT": "Mother", "INV": "Investigator", "BRO": "Brother"}
    assert (header.child, header.age_months, header.corpus) == ("CHI", 27, "Mini")


@pytest.mark.parametrize(("main", "text"), [
    ("<no [/] no> more milk [=! crying] .", "no no more milk."),
    ("&=cries I bumped my head . \x15100_200\x15", "I bumped my head."),
    ("&-um (be)cause doggie@c went +...", "because doggie went"),
    ("0 [= whining] .", ""),
    ("xxx [=! crying] .", ""),
    ("⌈what is this⌉?", "what is this?"),
    ("no: [>] !", "no!"),
])
def test_chat_clean_leaves_only_speech(main, text):
    assert chat.clean(main) == text


@pytest.mark.parametrize(("main", "end"), [("no !", "!"), ("what ? \x151_2\x15", "?"), ("my xxx . [+ PI]", "."),
                                           ("hm", ".")])
def test_chat_terminator_ignores_bullets_and_postcodes(main, end):
    assert chat.terminator(main) == end
