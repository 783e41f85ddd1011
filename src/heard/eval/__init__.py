"""Annotated examples, scoring and evaluation (``heard eval``)."""

from heard.eval.data import AnnotatedResponse, load_examples
from heard.eval.scorer import evaluate, score

__all__ = ["AnnotatedResponse", "evaluate", "load_examples", "score"]
