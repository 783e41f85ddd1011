"""``heard train``: rebuild the splits and the shipped model from data/ (``make model``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from heard.cli.common import user_errors
from heard.model import DEFAULT_MODEL


@user_errors
def train_cmd(
    raw: Annotated[Path, typer.Option(help="Folder of annotated batches.")] = Path("data/raw"),
    splits: Annotated[Path, typer.Option(help="Where the train/dev/test splits go.")] = Path("data/splits"),
    out: Annotated[Path, typer.Option(help="Model folder to write.")] = DEFAULT_MODEL,
    seed: Annotated[int, typer.Option(help="Random seed (training is deterministic for a seed).")] = 0,
) -> None:
    """Split data/raw by group, choose settings on dev, refit on train+dev, save the model."""
    from heard.train import main

    main(str(raw), str(splits), str(out), seed)
