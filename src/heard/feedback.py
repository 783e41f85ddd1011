"""Feedback: summary and "try instead" (filled in by the feedback layer)."""

from __future__ import annotations

from heard.evidence import Evidence
from heard.types import Result


def add_feedback(result: Result, ev: Evidence) -> Result:
    """Return ``result`` with its suggestion and summary (placeholder until the layer lands)."""
    return result
