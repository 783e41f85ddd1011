from __future__ import annotations

import pytest

from heard.segment import split


@pytest.mark.parametrize(
    "text,expected",
    [
        ("You fell. I saw.", ["You fell.", "I saw."]),
        ("ok stop cryin. ur fine!!", ["ok stop cryin.", "ur fine!!"]),
        ("Dr. Lee is here. Come on", ["Dr. Lee is here.", "Come on"]),
        ("You're fine, stop crying", ["You're fine, stop crying"]),
        ("Shh... shh. It's okay!?", ["Shh...", "shh.", "It's okay!?"]),
        ("line one\nline two", ["line one", "line two"]),
        ("You're sad. 😢", ["You're sad. 😢"]),
    ],
)
def test_segment_splits_sentences(text, expected):
    assert [s.text for s in split(text)] == expected


def test_segment_offsets_point_into_text():
    text = "  You fell.   I saw.  "
    for span in split(text):
        assert text[span.start:span.end] == span.text
