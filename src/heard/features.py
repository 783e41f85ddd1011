"""Turn a sentence in its context into features for the classifier.

Two kinds, both cheap to compute:

* **words**: hashed word 1–3-grams and character 2–5-grams of the sentence (no vocabulary
  to ship; hashing makes the featurizer stateless), plus the same word n-grams *crossed
  with the child's state* (distressed / calm) so that "Look, a birdie!" can weigh
  differently right after a fall and once the child has moved on;
* **cues and context**: which cue patterns fired (``heard.cues``), how the feelings the
  sentence names compare with the evidence (``heard.evidence``), the child's distress
  level, overlap with the context words, position in the response, age band.

Static and frozen sentence embeddings and embedding-based word clusters were tried as a
third kind and did not pay for their cost (docs/results.md lists what was tried).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from heard import cues as cue_mod
from heard.evidence import Evidence, NamedFeeling, named_feelings, overlap, read_evidence
from heard.types import Context, Span

if TYPE_CHECKING:
    from scipy import sparse

N_HASH = 2**19
_TOKEN = re.compile(r"[a-z0-9']+|[!?]")
# CHAT transcription codes carry no words: [/] retracing, [=! crying], &-um fillers, (.) pauses,
# +... terminators, @q/@o word markers, CA symbols. "xxx" (unintelligible) is kept: it is evidence.
_CHAT_CODES = re.compile(r"\[[^\]]*\]|&[-=+~*]?\S+|(?<!\w)\+\S*|\(\.+\)|@\w+|[‹›⌊⌋⌈⌉↑↓∬≈≋°„‡]|\b(?:www|yyy)\b")


def clean_chat(text: str) -> str:
    """``text`` without CHAT transcription codes (plain text passes unchanged)."""
    return _CHAT_CODES.sub(" ", text) if any(c in text for c in "[&(+@‹›⌊⌋⌈⌉↑↓∬≈≋°„‡wy") else text


@dataclass(frozen=True)
class SentenceView:
    """Everything the classifier and the explainer need about one sentence."""

    text: str
    index: int
    n_sentences: int
    evidence: Evidence
    context: Context
    cues: dict[str, list[Span]]
    feelings: tuple[NamedFeeling, ...]
    overlap: float
    echo: float
    overlap_spans: tuple[Span, ...]


def view(text: str, index: int, n: int, context: Context, ev: Evidence | None = None) -> SentenceView:
    """Analyse one sentence in context (evidence can be shared across a response)."""
    ev = ev if ev is not None else read_evidence(context)
    ov, echo, spans = overlap(text, ev)
    return SentenceView(text, index, n, ev, context, cue_mod.find(text),
                        tuple(named_feelings(text, ev)), ov, echo, tuple(spans))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes kept, "!" and "?" as tokens; CHAT codes dropped)."""
    return _TOKEN.findall(clean_chat(text).lower().replace("’", "'"))


def word_ngrams(toks: Sequence[str], n_max: int = 3) -> list[str]:
    """Word n-grams from 1 to ``n_max`` joined by spaces."""
    return [" ".join(toks[i:i + n]) for n in range(1, n_max + 1) for i in range(len(toks) - n + 1)]


def _state(v: SentenceView) -> str:
    if v.evidence.distress >= 1:
        return "D"
    if v.evidence.calm or (v.evidence.has_child and not v.evidence.distress):
        return "C"
    return "U"  # unknown: no child evidence


def _context_features(v: SentenceView) -> list[str]:
    ev = v.evidence
    feats = [f"state={_state(v)}", f"distress={ev.distress}", f"calm={ev.calm}",
             f"injury={ev.injury}", f"fearsit={ev.fear_situation}", f"haschild={ev.has_child}",
             f"pos={min(v.index, 3)}", f"last={v.index == v.n_sentences - 1}",
             f"len={min(len(v.text.split()) // 3, 5)}", f"q={v.text.rstrip().endswith('?')}",
             f"ov={round(v.overlap * 3)}", f"echo={round(v.echo * 3)}"]
    age = v.context.age_months
    feats.append("age=none" if age is None else f"age={min(age // 12, 6)}")
    feats += [f"cue:{code}" for code in v.cues] + [f"cue:{code}|{_state(v)}" for code in v.cues]
    for f in v.feelings:
        feats += [f"feel:{f.verdict}", f"feel:{f.family}:{f.verdict}", f"feelint:{f.intensity}:{f.verdict}"]
    return feats


def analyzer(v: SentenceView) -> list[str]:
    """All sparse feature strings for one sentence (hashed by the vectorizer)."""
    toks = tokens(v.text)
    grams = word_ngrams(toks)
    state = _state(v)
    padded = f" {' '.join(toks)} "
    chars = [padded[i:i + n] for n in range(2, 6) for i in range(len(padded) - n + 1)]
    ctx = _context_features(v)
    return (["w:" + g for g in grams] + [f"{state}:" + g for g in grams] + ["c:" + c for c in chars]
            + ["x:" + c for c in ctx])


_COLUMNS: dict[str, int] = {}
_COLUMNS_MAX = 500_000  # ~60 MB at most; character n-grams repeat a lot across sentences


def column(feature: str) -> int:
    """The hashed column of one feature string (memoized; the one hashing rule for training and run time)."""
    col = _COLUMNS.get(feature)
    if col is None:
        if len(_COLUMNS) >= _COLUMNS_MAX:
            _COLUMNS.clear()
        col = _COLUMNS[feature] = zlib.crc32(feature.encode("utf-8")) % N_HASH
    return col


def hash_features(features: Sequence[str]) -> np.ndarray:
    """Sorted unique columns of feature strings (CRC32 modulo N_HASH: stable across runs)."""
    return np.unique(np.fromiter(map(column, features), dtype=np.int64, count=len(features)))


class Featurizer:
    """Sentences in context -> hashed binary feature columns, L2-normalised per row.

    Inference needs only numpy: each row is a sorted array of columns, all with value
    ``1/sqrt(len(row))``. Training turns the same rows into a scipy matrix.
    """

    def rows(self, views: Sequence[SentenceView]) -> list[np.ndarray]:
        """Feature columns for each view, in order."""
        return [hash_features(analyzer(v)) for v in views]

    def transform(self, views: Sequence[SentenceView]) -> sparse.csr_matrix:
        """The same features as a scipy CSR matrix (used for training)."""
        from scipy import sparse

        rows = self.rows(views)
        indptr = np.cumsum([0] + [len(r) for r in rows])
        indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([np.full(len(r), 1 / np.sqrt(max(len(r), 1))) for r in rows]) if rows else np.zeros(0)
        return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), N_HASH))
