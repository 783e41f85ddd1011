"""Second stage: re-score each sentence from its own first-stage probabilities, its
neighbours' and a few context flags.

The linear first stage sees one sentence at a time. Whether "That's enough." ends a feeling
(`stop`) or a behaviour (`limit`) often shows in the sentence before it ("I know you're
sad."); whether a directive is a boundary or routine shows in the child's state. A small
multi-layer perceptron over [own 12 probabilities, previous sentence's 12, next sentence's 12,
16 context flags] learns these interactions. It is trained on *out-of-fold* first-stage
probabilities (so it learns from realistic, not memorised, inputs) and runs as two small
matrix products in NumPy. Its output is averaged with the first stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from heard.evidence import Evidence
from heard.types import Context

_AGE_BANDS = ((0, 18), (18, 36), (36, 72), (72, 300))


@dataclass(frozen=True)
class Position:
    """Where a sentence sits: its index and count in the response, and the response's context."""

    index: int
    count: int
    evidence: Evidence
    context: Context


def _flags(pos: Position) -> list[float]:
    ev, age = pos.evidence, pos.context.age_months
    flags = [ev.distress == k for k in range(4)]
    flags += [ev.calm, ev.injury, ev.crying, ev.has_child, pos.index == 0, pos.index == pos.count - 1,
              pos.count == 1, age is None]
    flags += [age is not None and lo <= age < hi for lo, hi in _AGE_BANDS]
    return [float(f) for f in flags]


def stack_rows(probs: np.ndarray, positions: Sequence[Position]) -> np.ndarray:
    """Second-stage inputs for consecutive sentences (responses laid out one after another)."""
    n_codes = probs.shape[1]
    zero = np.zeros(n_codes)
    rows = []
    for j, pos in enumerate(positions):
        prev = probs[j - 1] if pos.index > 0 else zero
        nxt = probs[j + 1] if pos.index < pos.count - 1 else zero
        response = probs[j - pos.index:j - pos.index + pos.count]
        rows.append(np.concatenate([probs[j], prev, nxt, response.max(axis=0), response.mean(axis=0), _flags(pos)]))
    return np.array(rows).reshape(len(positions), -1)


@dataclass(frozen=True)
class Stacker:
    """The trained perceptron's weights (one hidden ReLU layer, sigmoid outputs)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Probabilities (rows x codes)."""
        hidden = np.maximum(x @ self.w1 + self.b1, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.w2 + self.b2)))

    def combine(self, probs: np.ndarray, positions: Sequence[Position]) -> np.ndarray:
        """Final probabilities: the mean of the first stage and this stage."""
        if not len(probs):
            return probs
        return (probs + self.proba(stack_rows(probs, positions))) / 2
