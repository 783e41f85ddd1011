"""``heard``: the command-line entry point. Each command lives in its own module."""

from __future__ import annotations

import typer

from heard.cli import check, code, docs, evaluate, serve, train

app = typer.Typer(help="heard: code what you said to a child, and see what to try instead.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("check")(check.check_cmd)
app.command("code")(code.code_cmd)
app.command("eval")(evaluate.eval_cmd)
app.command("train")(train.train_cmd)
app.command("serve")(serve.serve_cmd)
app.command("docs")(docs.docs_cmd)


def main() -> None:
    """Console-script entry point."""
    app()
