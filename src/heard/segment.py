"""Split a response into sentences, keeping character offsets.

Rule-based on purpose: caregiver text is short, often lower-case and unpunctuated, and a
statistical sentence splitter would cost a model load for no gain. A boundary is end
punctuation (or a line break) followed by space; known abbreviations do not end a
sentence; a piece with no letters (an emoji, "...") is attached to the sentence before it.
"""

from __future__ import annotations

import re

from heard.types import Span

# Abbreviations whose period does not end a sentence ("No." is a sentence here, not "number").
_ABBREVIATIONS = frozenset("mr mrs ms dr st vs etc e.g i.e mt jr sr prof approx".split())
# End punctuation (with closing quotes/brackets), or a line break, then whitespace.
_BOUNDARY = re.compile(r"(?:[.!?…]+[\"'”’)\]]*|\n)\s+|\n")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period ending at ``end`` belongs to an abbreviation like "Dr."."""
    head = text[:end].rstrip()
    if not head.endswith("."):
        return False
    word = re.search(r"([\w.]+)\.$", head)
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


def _raw_pieces(text: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, m.start() + len(m.group().rstrip())):
            continue
        pieces.append((start, m.start() + len(m.group().rstrip())))
        start = m.end()
    pieces.append((start, len(text)))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split(text: str) -> list[Span]:
    """Split ``text`` into sentence spans with offsets into ``text``."""
    spans: list[tuple[int, int]] = []
    for start, end in _raw_pieces(text):
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        if spans and not _HAS_LETTER.search(text[start:end]):
            spans[-1] = (spans[-1][0], end)  # "🙁" or "..." belongs to the sentence before
            continue
        spans.append((start, end))
    return [Span(s, e, text[s:e]) for s, e in spans]


def has_letters(text: str) -> bool:
    """Whether ``text`` contains at least one letter (in any script)."""
    return bool(_HAS_LETTER.search(text))
