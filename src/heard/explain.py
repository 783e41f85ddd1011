"""The words behind each decision: cue spans for every code a sentence gets.

In order of preference: the cue patterns of that code (``heard.cues``); for
``project``/``acknowledge``, the feelings compared with the evidence and the words shared
with the context; otherwise the word n-grams that pushed the classifier hardest towards
the code. A code is never shown without at least one span.
"""

from __future__ import annotations

import re

import numpy as np

from heard.features import SentenceView, _state, column
from heard.model import LinearModel
from heard.types import Span

_TOKEN = re.compile(r"[A-Za-z0-9'’]+|[!?]")


def _dedupe(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and s.start < out[-1].end:
            continue  # overlapping cue: keep the earlier, longer one
        out.append(s)
    return tuple(out)


def _lexicon_spans(code: str, v: SentenceView) -> list[Span]:
    if code == "project":
        return [f.span for f in v.feelings if f.verdict != "supported"]
    if code == "acknowledge":
        return [f.span for f in v.feelings if f.verdict == "supported"] + list(v.overlap_spans)
    return []


def _model_spans(code: str, v: SentenceView, model: LinearModel, top: int = 2) -> list[Span]:
    row = model.codes.index(code)
    toks = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(v.text)]
    state = _state(v)
    windows = [(i, n) for n in (1, 2, 3) for i in range(len(toks) - n + 1)]
    if not windows:
        return []
    grams = [" ".join(t[2] for t in toks[i:i + n]) for i, n in windows]
    # Each candidate n-gram counts with its plain and its context-crossed feature.
    cols = np.array([[column("w:" + g), column(f"{state}:" + g)] for g in grams])
    weights = model.weights[cols, row].sum(axis=1)
    scored = [(w / n, toks[i][0], toks[i + n - 1][1]) for w, (i, n) in zip(weights, windows)]
    best = [s for s in sorted(scored, reverse=True)[:top] if s[0] > 0]
    return [Span(a, b, v.text[a:b]) for _, a, b in best]


def cue_spans(code: str, v: SentenceView, model: LinearModel) -> tuple[Span, ...]:
    """Spans (offsets within the sentence) that carry ``code`` in this sentence."""
    spans = list(v.cues.get(code, [])) + _lexicon_spans(code, v)
    if not spans and code != "other":
        spans = _model_spans(code, v, model)
    if not spans:
        spans = [Span(0, len(v.text), v.text)]
    return _dedupe(spans)

