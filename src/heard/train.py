"""Build the data splits and train the shipped model: ``make model`` (``heard train``).

Steps, all deterministic for a seed:
1. ``data/raw/*.jsonl`` -> ``data/splits/{train,dev,test}.jsonl``, split by *group* (so the
   two sides of a contrasting pair never straddle splits) with a stable hash: 70/15/15.
2. For each regularisation strength C in a small grid, fit the linear first stage on train
   and score it on dev; keep the best macro-F1. (Other choices tried: docs/results.md.)
3. Second stage (``heard.stack``): fit the perceptron on 5-fold out-of-fold first-stage
   probabilities of train; tune per-code thresholds of the combined output on dev.
4. Refit both stages on train+dev with the chosen settings, keep the dev thresholds, score
   once on test (reported in meta.json, never used to choose), write the model folder.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.neural_network import MLPClassifier

from heard.eval.data import AnnotatedResponse, load_examples
from heard.eval.scorer import score
from heard.evidence import read_evidence
from heard.features import Featurizer, view
from heard.model import DEFAULT_MODEL, LinearModel
from heard.stack import Position, Stacker, stack_rows
from heard.types import CODES

SPLITS = ("train", "dev", "test")
THRESHOLD_GRID = np.round(np.arange(0.15, 0.71, 0.05), 2)


def split_of(group: str) -> str:
    """Stable split for a group id: 70% train, 15% dev, 15% test."""
    bucket = int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else ("dev" if bucket < 85 else "test")


def build_splits(raw_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write the three split files from every raw batch; returns responses per split."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[str]] = {s: [] for s in SPLITS}
    for path in sorted(raw_dir.glob("*.jsonl")):
        for ex in load_examples(path):
            rows[split_of(f"{path.stem}/{ex.group}")].append(json.dumps(ex.to_json(), ensure_ascii=False))
    for name, lines in rows.items():
        (out_dir / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {k: len(v) for k, v in rows.items()}


@dataclass(frozen=True)
class Matrix:
    """Features, gold labels, sentence positions and group ids of a set of responses."""

    x: sparse.csr_matrix
    y: np.ndarray
    positions: list[Position]
    groups: np.ndarray


def _matrix(examples: Sequence[AnnotatedResponse], feat: Featurizer) -> Matrix:
    views, labels, positions, groups = [], [], [], []
    for ex in examples:
        ev = read_evidence(ex.context)
        n = len(ex.sentences)
        views += [view(s, i, n, ex.context, ev) for i, s in enumerate(ex.sentences)]
        labels += [[c in codes for c in CODES] for codes in ex.codes]
        positions += [Position(i, n, ev, ex.context) for i in range(n)]
        groups += [ex.group] * n
    return Matrix(feat.transform(views), np.array(labels, dtype=bool), positions, np.array(groups))


def _fit(x: sparse.csr_matrix, y: np.ndarray, c: float, seed: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    rows, intercepts = [], []
    for j in range(y.shape[1]):
        target = y[:, j].astype(int)
        if target.min() == target.max():  # a code absent (or everywhere) in the data: constant score
            rows.append(sparse.csr_matrix((1, x.shape[1])))
            intercepts.append(10.0 if target.max() else -10.0)
            continue
        clf = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=2000)
        clf.fit(x, target)
        rows.append(sparse.csr_matrix(clf.coef_))
        intercepts.append(clf.intercept_[0])
    coef = sparse.vstack(rows, format="csr")
    coef.eliminate_zeros()
    return coef, np.array(intercepts)


def _tune_thresholds(probs: np.ndarray, y: np.ndarray) -> dict[str, float]:
    thresholds = {}
    for j, code in enumerate(CODES):
        best, best_f1 = 0.5, -1.0
        for t in THRESHOLD_GRID:
            pred = probs[:, j] >= t
            tp = int((pred & y[:, j]).sum())
            f1 = 2 * tp / (pred.sum() + y[:, j].sum()) if tp else 0.0
            if f1 > best_f1 + 1e-9:
                best, best_f1 = float(t), f1
        thresholds[code] = best
    return thresholds


def exclusive_pairs(y: np.ndarray, max_rate: float = 0.0) -> list[list[str]]:
    """Code pairs that share a sentence in at most ``max_rate`` of the rarer code's sentences."""
    pairs = []
    counts = y.sum(axis=0)
    for i in range(len(CODES)):
        for j in range(i + 1, len(CODES)):
            both = int((y[:, i] & y[:, j]).sum())
            if min(counts[i], counts[j]) and both / min(counts[i], counts[j]) <= max_rate:
                pairs.append([CODES[i], CODES[j]])
    return pairs


def _proba(model: LinearModel, m: Matrix) -> np.ndarray:
    probs = model.proba(m.x)
    return model.stacker.combine(probs, m.positions) if model.stacker is not None else probs


def _score_model(model: LinearModel, m: Matrix) -> dict[str, Any]:
    decided = model.decide(_proba(model, m))
    gold = [tuple(c for c, on in zip(CODES, row) if on) for row in m.y]
    pred = [tuple(model.codes[i] for i in d) for d in decided]
    return score(gold, pred)


def _out_of_fold(m: Matrix, c: float, seed: int, folds: int = 5) -> np.ndarray:
    """First-stage probabilities of every row from a model that did not see its group."""
    oof = np.zeros(m.y.shape)
    for fit_rows, held in GroupKFold(n_splits=folds).split(m.x, m.y, m.groups):
        coef, b = _fit(m.x[fit_rows], m.y[fit_rows], c, seed)
        oof[held] = LinearModel.from_coef(coef, b, {}).proba(m.x[held])
    return oof


def _fit_stacker(probs: np.ndarray, m: Matrix, seed: int) -> Stacker:
    mlp = MLPClassifier(hidden_layer_sizes=(64,), alpha=0.01, max_iter=300, early_stopping=True, random_state=seed)
    mlp.fit(stack_rows(probs, m.positions), m.y)
    return Stacker(*(np.asarray(a, dtype=np.float32) for a in (mlp.coefs_[0], mlp.intercepts_[0],
                                                                mlp.coefs_[1], mlp.intercepts_[1])))


def _data_version(split_dir: Path) -> str:
    h = hashlib.sha256()
    for name in SPLITS:
        h.update((split_dir / f"{name}.jsonl").read_bytes())
    return h.hexdigest()[:12]


def train(split_dir: Path, out: Path = DEFAULT_MODEL, seed: int = 0,
          grid: Sequence[float] = (3.0, 10.0, 30.0),
          log: Any = print) -> LinearModel:
    """Train, choose on dev, refit on train+dev, write the folder to ``out``."""
    data = {name: load_examples(split_dir / f"{name}.jsonl") for name in SPLITS}
    best: tuple[float, float, LinearModel] | None = None
    feat = Featurizer()
    tr, dv = _matrix(data["train"], feat), _matrix(data["dev"], feat)
    for c in grid:
        coef, b = _fit(tr.x, tr.y, c, seed)
        probe = LinearModel.from_coef(coef, b, {}, {"exclusive": exclusive_pairs(tr.y)})
        probe.thresholds = _tune_thresholds(probe.proba(dv.x), dv.y)
        first = _score_model(probe, dv)
        log(f"C={c:<5}  first stage: dev macro-F1 {first['macro_f1']:.4f}  micro-F1 {first['micro_f1']:.4f}")
        if best is None or first["macro_f1"] > best[0]:
            best = (first["macro_f1"], c, probe)
    assert best is not None
    first_f1, c, probe = best
    probe.stacker = _fit_stacker(_out_of_fold(tr, c, seed), tr, seed)
    thresholds = _tune_thresholds(_proba(probe, dv), dv.y)
    probe.thresholds = thresholds
    dev = _score_model(probe, dv)
    log(f"second stage: dev macro-F1 {dev['macro_f1']:.4f} (first stage alone {first_f1:.4f})")
    full = _matrix([*data["train"], *data["dev"]], feat)
    coef, b = _fit(full.x, full.y, c, seed)
    config = {"C": c, "seed": seed, "n_hash": full.x.shape[1], "exclusive": exclusive_pairs(full.y),
              "stack": {"hidden": 64, "alpha": 0.01, "folds": 5}}
    model = LinearModel.from_coef(coef, b, thresholds, config)
    model.stacker = _fit_stacker(_out_of_fold(full, c, seed), full, seed)
    test = _score_model(model, _matrix(data["test"], feat))
    model.meta = {
        "name": "heard-linear", "version": "0.1.0", "data_version": _data_version(split_dir),
        "trained": time.strftime("%Y-%m-%d"), "sizes": {k: len(v) for k, v in data.items()},
        "scores": {"dev_first_stage_macro_f1": first_f1, "dev_before_refit": _brief(dev), "test": _brief(test)},
    }
    model.to_disk(out)
    log(f"chosen C={c}; test macro-F1 {test['macro_f1']:.4f} -> {out}")
    return model


def _brief(scores: dict[str, Any]) -> dict[str, Any]:
    return {"macro_f1": scores["macro_f1"], "micro_f1": scores["micro_f1"],
            "n_sentences": scores["n_sentences"],
            "per_code_f1": {k: v["f1"] for k, v in scores["per_code"].items()}}


def main(raw: str = "data/raw", splits: str = "data/splits", out: str = str(DEFAULT_MODEL), seed: int = 0) -> None:
    """Entry point for ``make model``."""
    sizes = build_splits(Path(raw), Path(splits))
    print(f"splits: {sizes}")
    train(Path(splits), Path(out), seed)


if __name__ == "__main__":
    main()
