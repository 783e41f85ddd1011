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
    n = len(positions)
    if not n:
        return np.zeros((0, probs.shape[1] * 5 + 16))
    index = np.array([p.index for p in positions])
    count = np.array([p.count for p in positions])
    zero = np.zeros((1, probs.shape[1]))
    prev = np.where((index > 0)[:, None], np.vstack([zero, probs[:-1]]), 0.0)
    nxt = np.where((index < count - 1)[:, None], np.vstack([probs[1:], zero]), 0.0)
    starts = np.flatnonzero(index == 0)
    pooled_max = np.repeat(np.maximum.reduceat(probs, starts, axis=0), count[starts], axis=0)
    pooled_mean = np.repeat(np.add.reduceat(probs, starts, axis=0) / count[starts, None], count[starts], axis=0)
    flags = np.array([_flags(p) for p in positions])
    return np.hstack([probs, prev, nxt, pooled_max, pooled_mean, flags])


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
