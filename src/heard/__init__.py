"""heard: code what a caregiver says to a young child against a published codebook.

>>> import heard
>>> engine = heard.load()
>>> result = engine.check("You're fine, stop crying.", heard.Context(age_months=30, child="crying"))
>>> result.not_attuned_codes
('minimize', 'stop')
"""

from __future__ import annotations

import functools
from pathlib import Path

from heard.engine import Engine
from heard.errors import HeardError, UserError
from heard.types import CODES, PATTERNS, CodeScore, Context, PatternFinding, Result, SentenceResult, Span

__version__ = "0.1.0"
__all__ = ["CODES", "PATTERNS", "CodeScore", "Context", "Engine", "HeardError", "PatternFinding",
           "Result", "SentenceResult", "Span", "UserError", "__version__", "check", "load"]


@functools.lru_cache(maxsize=4)
def _cached(path: str | None) -> Engine:
    return Engine.from_disk(Path(path)) if path else Engine.from_disk()


def load(path: str | Path | None = None) -> Engine:
    """The engine for the model at ``path`` (the shipped model by default), loaded once."""
    return _cached(str(path) if path else None)


def check(text: str, context: Context | None = None) -> Result:
    """Check one response with the shipped model (see :meth:`Engine.check`)."""
    return load().check(text, context)
