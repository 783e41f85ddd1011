"""``heard check``: code one response in context."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from heard.cli.common import Exit, read_stdin_text, user_errors
from heard.cli.formatters import render_result, to_json
from heard.types import Context


class Format(str, Enum):
    human = "human"
    json = "json"


@user_errors
def check_cmd(
    text: Annotated[str | None, typer.Argument(help="What you said. Omit (or '-') to read stdin.")] = None,
    age: Annotated[int | None, typer.Option("--age", help="Child's age in months.")] = None,
    situation: Annotated[str | None, typer.Option(help="What happened.")] = None,
    child: Annotated[str | None, typer.Option(help="What the child is doing or saying.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="human or json.")] = Format.human,
) -> None:
    """Code each sentence of a response; exit 0 if attuned, 1 if a not-attuned code is found."""
    import heard

    if text is None or text == "-":
        if sys.stdin.isatty():
            raise typer.BadParameter("give the text as an argument or on stdin")
        text = read_stdin_text()
    # engine.check validates the text and the context (one place for the checks).
    result = heard.load().check(text, Context(age, situation, child))
    if fmt is Format.json:
        typer.echo(to_json(result.to_dict()))
    else:
        render_result(result, Console(highlight=False, soft_wrap=True))
    raise typer.Exit(Exit.FINDINGS if result.not_attuned_codes else Exit.OK)
