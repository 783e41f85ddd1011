"""``heard eval``: score the engine on an annotated JSONL file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from heard.cli.common import user_errors
from heard.cli.formatters import to_json


class Format(str, Enum):
    human = "human"
    json = "json"


def render_scores(scores: dict[str, Any], console: Console) -> None:
    """A per-code table and the headline figures."""
    table = Table(title=f"{scores['n_sentences']} sentences, {scores['n_responses']} responses")
    for col in ("code", "precision", "recall", "F1", "kappa", "support"):
        table.add_column(col, justify="left" if col == "code" else "right")
    for code, s in scores["per_code"].items():
        table.add_row(code, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      f"{s['kappa']:.3f}", str(s["support"]))
    console.print(table)
    console.print(f"macro-F1 {scores['macro_f1']:.4f}   micro-F1 {scores['micro_f1']:.4f}   "
                  f"exact-set accuracy {scores['exact_match']:.4f}   "
                  f"attuned accuracy {scores.get('attuned_accuracy', 0):.4f}")
    if scores["confusions"]:
        console.print("most frequent confusions (gold -> predicted):")
        for c in scores["confusions"]:
            console.print(f"  {c['gold']:>12} -> {c['predicted']:<12} {c['count']}")


@user_errors
def eval_cmd(
    path: Annotated[Path, typer.Argument(help="Annotated JSONL file in the codebook's format.")],
    fmt: Annotated[Format, typer.Option("--format", help="human or json.")] = Format.human,
    model: Annotated[Path | None, typer.Option(help="Model folder (default: the shipped model).")] = None,
) -> None:
    """Score heard on PATH: per-code P/R/F1/kappa, macro/micro F1, exact-set and attuned accuracy."""
    import heard
    from heard.eval import evaluate, load_examples

    examples = load_examples(path)
    scores = evaluate(heard.load(model), examples)
    if fmt is Format.json:
        typer.echo(to_json(scores))
    else:
        render_scores(scores, Console(highlight=False))
