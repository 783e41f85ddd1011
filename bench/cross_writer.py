"""Cross-writer estimate: leave one batch (one writer) out, train on the rest, score that batch.

heard's held-out judges are sets written by people it never saw. The random group split keeps
every writer on both sides, so its figure is an upper bound for such sets; holding out a whole
batch shows the cost of a new voice. To keep the run affordable this trains the **first stage
only** (C from the shipped model, thresholds fixed at 0.4) and compares it with the same first
stage on the dev split (`heard train` prints that figure as "first stage: dev macro-F1").

    python bench/cross_writer.py                 # every batch, 2 processes (~20 min on 2 cores)
    python bench/cross_writer.py --batches b1,b19 --jobs 1

Writes bench/results/cross_writer.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from heard.eval.data import load_examples
from heard.features import Featurizer
from heard.model import DEFAULT_MODEL, LinearModel
from heard.train import _fit, _matrix, _score_model, exclusive_pairs
from heard.types import CODES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OUT = ROOT / "bench" / "results" / "cross_writer.json"
THRESHOLD = 0.4


def held_out_score(batch: str, c: float, raw: Path = RAW) -> dict[str, Any]:
    """Train the first stage on every other batch of ``raw`` and score ``batch``."""
    files = sorted(raw.glob("b*.jsonl"))
    train = [ex for f in files if f.stem != batch for ex in load_examples(f)]
    held = load_examples(raw / f"{batch}.jsonl")
    feat = Featurizer()
    tr, te = _matrix(train, feat), _matrix(held, feat)
    coef, b = _fit(tr.x, tr.y, c, seed=0)
    model = LinearModel.from_coef(coef, b, dict.fromkeys(CODES, THRESHOLD), {"exclusive": exclusive_pairs(tr.y)})
    scores = _score_model(model, te)
    return {"batch": batch, "responses": len(held), "sentences": scores["n_sentences"],
            "macro_f1": round(scores["macro_f1"], 4),
            "per_code_f1": {k: round(v["f1"], 3) for k, v in scores["per_code"].items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", help="comma-separated batch names (default: every data/raw/b*.jsonl)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--raw", type=Path, default=RAW, help="folder of batches (default: data/raw)")
    args = ap.parse_args()
    batches = args.batches.split(",") if args.batches else sorted(
        (f.stem for f in args.raw.glob("b*.jsonl")), key=lambda s: int(s[1:]))
    c = float(json.loads((DEFAULT_MODEL / "config.json").read_text())["C"])
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(held_out_score, batches, [c] * len(batches), [args.raw] * len(batches)))
    for row in rows:
        print(f"{row['batch']:>4}  {row['responses']:>4} responses  macro-F1 {row['macro_f1']:.3f}", flush=True)
    macro = [r["macro_f1"] for r in rows]
    per_code = {code: round(statistics.fmean(r["per_code_f1"][code] for r in rows if code in r["per_code_f1"]), 3)
                for code in CODES}
    result = {"what": "first stage, leave one batch out, thresholds 0.4", "C": c, "batches": rows,
              "mean_macro_f1": round(statistics.fmean(macro), 4), "min_macro_f1": min(macro),
              "mean_per_code_f1": per_code, "seconds": round(time.perf_counter() - start, 1),
              "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "command": "python bench/cross_writer.py" + (f" --batches {args.batches}" if args.batches else "")}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"mean macro-F1 over {len(rows)} held-out batches: {result['mean_macro_f1']:.3f} "
          f"(min {result['min_macro_f1']:.3f}) -> {OUT}")


if __name__ == "__main__":
    main()
