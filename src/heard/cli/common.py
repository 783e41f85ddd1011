"""Shared CLI plumbing: exit codes and turning UserError into a one-line message."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import IntEnum
from functools import wraps
from typing import Any, TypeVar

import typer

from heard.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])


class Exit(IntEnum):
    """Named exit codes (docs/cli.md)."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


def fail(message: str) -> typer.Exit:
    """Print ``message`` to stderr and return the exit for a usage/input error."""
    typer.echo(f"heard: error: {message}", err=True)
    return typer.Exit(Exit.USAGE)


def user_errors(func: F) -> F:
    """Turn a UserError into a one-line message and exit code 2 (never a traceback)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            raise fail(f"{exc.code} {exc.message}") from None
        except KeyboardInterrupt:
            typer.echo("heard: interrupted", err=True)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def read_stdin_text() -> str:
    """Read stdin as UTF-8 bytes (so a bad encoding gets a clear error, not a traceback)."""
    from heard.guard import decode_bytes

    return decode_bytes(sys.stdin.buffer.read(), "stdin")
