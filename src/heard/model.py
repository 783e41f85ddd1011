"""The trained classifier as a folder: ``config.json``, ``meta.json``, ``weights.npz``.

One logistic-regression scorer per code over the features of :mod:`heard.features`;
per-code decision thresholds chosen on the dev split. Saved without pickle (plain arrays
and JSON), so a model folder is readable and loads in milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from heard.errors import E, UserError
from heard.stack import Stacker
from heard.types import CODES

if TYPE_CHECKING:
    from scipy import sparse

DEFAULT_MODEL = Path(__file__).parent / "resources" / "model"


@dataclass
class LinearModel:
    """Weights (features x codes, dense for fast lookup), intercepts, thresholds, settings."""

    weights: np.ndarray
    intercept: np.ndarray
    thresholds: dict[str, float]
    config: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    codes: tuple[str, ...] = CODES
    stacker: Stacker | None = None

    @classmethod
    def from_coef(
        cls,
        coef: sparse.spmatrix,
        intercept: np.ndarray,
        thresholds: dict[str, float],
        config: dict[str, Any] | None = None,
    ) -> LinearModel:
        """Build from a (codes x features) coefficient matrix as scikit-learn gives it."""
        dense = np.asarray(coef.T.todense(), dtype=np.float32)
        return cls(np.ascontiguousarray(dense), np.asarray(intercept, dtype=np.float64), thresholds, config or {})

    def proba_rows(self, rows: list[np.ndarray]) -> np.ndarray:
        """Probabilities (rows x codes) for binary feature rows normalised to unit length."""
        if not rows:
            return np.zeros((0, len(self.codes)))
        lengths = np.array([max(len(r), 1) for r in rows])
        flat = np.concatenate(rows)
        starts = np.concatenate([[0], np.cumsum([len(r) for r in rows])[:-1]])
        sums = (
            np.add.reduceat(self.weights[flat], starts, axis=0) if len(flat) else np.zeros((len(rows), len(self.codes)))
        )
        sums[lengths == 0] = 0.0
        z = sums / np.sqrt(lengths)[:, None] + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def proba(self, x: sparse.spmatrix) -> np.ndarray:
        """Probabilities (rows x codes) for a scipy feature matrix (training and tuning)."""
        z = np.asarray(x @ self.weights) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def decide(self, probs: np.ndarray) -> list[tuple[int, ...]]:
        """Code indices per row: every code over its threshold; ``other`` only alone.

        Pairs of codes that (almost) never share a sentence in the training data
        (``config["exclusive"]``, e.g. acknowledge/project) are not both kept: the one
        further above its threshold wins. This stops the model hedging on contrast cases.
        """
        t = np.array([self.thresholds.get(c, 0.5) for c in self.codes])
        other = self.codes.index("other")
        index = {c: i for i, c in enumerate(self.codes)}
        exclusive = {(index[a], index[b]) for a, b in self.config.get("exclusive", [])}
        out: list[tuple[int, ...]] = []
        for row in probs:
            ratio = row / t
            chosen = [int(i) for i in np.argsort(-ratio) if ratio[i] >= 1 and i != other]
            kept: list[int] = []
            for i in chosen:  # strongest first, so a weaker exclusive partner is dropped
                if not any((i, k) in exclusive or (k, i) in exclusive for k in kept):
                    kept.append(i)
            out.append(tuple(sorted(kept)) if kept else (int(np.argmax(ratio)),))
        return out

    def to_disk(self, path: Path) -> None:
        """Write the folder (creating it)."""
        path.mkdir(parents=True, exist_ok=True)
        used = np.flatnonzero(np.abs(self.weights).sum(axis=1))  # only hashed columns seen in training
        stack: dict[str, Any] = {}
        if self.stacker is not None:
            stack = {f"stack_{k}": getattr(self.stacker, k) for k in ("w1", "b1", "w2", "b2")}
        np.savez_compressed(
            path / "weights.npz",
            columns=used.astype(np.int64),
            weights=self.weights[used].astype(np.float32),
            n_features=np.array(self.weights.shape[0]),
            intercept=self.intercept.astype(np.float64),
            **stack,
        )
        cfg = {**self.config, "codes": list(self.codes), "thresholds": self.thresholds}
        (path / "config.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        (path / "meta.json").write_text(json.dumps(self.meta, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path = DEFAULT_MODEL) -> LinearModel:
        """Read a folder written by :meth:`to_disk`."""
        try:
            cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            with np.load(path / "weights.npz") as w:
                weights = np.zeros((int(w["n_features"]), len(cfg["codes"])), dtype=np.float32)
                weights[w["columns"]] = w["weights"]
                intercept = w["intercept"]
                stacker = Stacker(*(w[f"stack_{k}"] for k in ("w1", "b1", "w2", "b2"))) if "stack_w1" in w else None
        except (OSError, ValueError, KeyError) as exc:
            raise UserError(E.E009, path=path, detail=type(exc).__name__ + ": " + str(exc)[:120]) from None
        codes = tuple(cfg.pop("codes"))
        thresholds = cfg.pop("thresholds")
        return cls(weights, intercept, thresholds, cfg, meta, codes, stacker)
