"""Score predicted codes against gold: per-code P/R/F1 and Cohen's kappa, micro/macro F1,
exact-set accuracy, response-level ``attuned`` accuracy and the most frequent confusions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from heard.patterns import codes_attuned
from heard.types import CODES

Labels = tuple[str, ...]


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 and kappa of one code."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kappa(self) -> float:
        n = self.tp + self.fp + self.fn + self.tn
        if not n:
            return 0.0
        observed = (self.tp + self.tn) / n
        expected = ((self.tp + self.fp) * (self.tp + self.fn)
                    + (self.fn + self.tn) * (self.fp + self.tn)) / (n * n)
        return (observed - expected) / (1 - expected) if expected < 1 else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "kappa": round(self.kappa, 4), "support": self.tp + self.fn}


def _prf(code: str, gold: Sequence[Labels], pred: Sequence[Labels]) -> PRF:
    tp = fp = fn = tn = 0
    for g, p in zip(gold, pred):
        gi, pi = code in g, code in p
        tp += gi and pi
        fp += pi and not gi
        fn += gi and not pi
        tn += not gi and not pi
    return PRF(tp, fp, fn, tn)


def _confusions(gold: Sequence[Labels], pred: Sequence[Labels], top: int) -> list[dict[str, Any]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, pred):
        missed, extra = set(g) - set(p), set(p) - set(g)
        for m in missed:
            for x in extra or {"(none)"}:
                pairs[(m, x)] += 1
        if not missed:
            for x in extra:
                pairs[("(none)", x)] += 1
    return [{"gold": a, "predicted": b, "count": n} for (a, b), n in pairs.most_common(top)]


def score(gold: Sequence[Labels], pred: Sequence[Labels], responses: Sequence[tuple[int, int]] = (),
          top_confusions: int = 10) -> dict[str, Any]:
    """Scores for sentence label sets; ``responses`` are (start, end) index ranges of responses."""
    per_code = {c: _prf(c, gold, pred) for c in CODES}
    present = [c for c in CODES if per_code[c].tp + per_code[c].fn]
    tp = sum(per_code[c].tp for c in CODES)
    fp = sum(per_code[c].fp for c in CODES)
    fn = sum(per_code[c].fn for c in CODES)
    micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    result: dict[str, Any] = {
        "n_sentences": len(gold),
        "n_responses": len(responses),
        "macro_f1": round(sum(per_code[c].f1 for c in present) / len(present), 4) if present else 0.0,
        "micro_f1": round(micro, 4),
        "exact_match": round(sum(set(g) == set(p) for g, p in zip(gold, pred)) / len(gold), 4)
        if gold else 0.0,
        "per_code": {c: per_code[c].to_dict() for c in present},
        "confusions": _confusions(gold, pred, top_confusions),
    }
    if responses:
        hits = sum(codes_attuned(gold[a:b]) == codes_attuned(pred[a:b]) for a, b in responses)
        result["attuned_accuracy"] = round(hits / len(responses), 4)
    return result


def evaluate(engine: Any, examples: Sequence[Any]) -> dict[str, Any]:
    """Run ``engine`` on annotated responses, exactly on their sentences and context."""
    gold: list[Labels] = []
    pred: list[Labels] = []
    ranges: list[tuple[int, int]] = []
    results = engine.pipe_sentences([(ex.sentences, ex.context) for ex in examples], feedback=False)
    for ex, res in zip(examples, results):
        start = len(gold)
        gold.extend(ex.codes)
        pred.extend(s.labels for s in res.sentences)
        ranges.append((start, len(gold)))
    return score(gold, pred, ranges)
