"""Read annotated JSONL files in the codebook's format, with errors that name file:line.

Validation happens here, at the edge (pydantic); inside, responses are frozen dataclasses.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from heard.errors import E, UserError
from heard.types import CODES, Context


class _ContextIn(BaseModel):
    model_config = ConfigDict(extra="allow")
    age_months: int | None = Field(default=None, ge=0, le=216)
    situation: str | None = None
    child: str | None = None


class _SentenceIn(BaseModel):
    text: str = Field(min_length=1)
    codes: list[str] = Field(min_length=1)

    @field_validator("codes")
    @classmethod
    def _known(cls, codes: list[str]) -> list[str]:
        unknown = [c for c in codes if c not in CODES]
        if unknown:
            raise ValueError(f"unknown code {unknown[0]!r} (known: {', '.join(CODES)})")
        return codes


class _ResponseIn(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    context: _ContextIn = Field(default_factory=_ContextIn)
    sentences: list[_SentenceIn] = Field(min_length=1)
    source: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class AnnotatedResponse:
    """One gold response: its context and its sentences with gold codes."""

    id: str
    context: Context
    sentences: tuple[str, ...]
    codes: tuple[tuple[str, ...], ...]
    group: str
    source: str = ""
    line: int = 0

    def to_json(self) -> dict[str, object]:
        ctx = {k: v for k, v in self.context.to_dict().items() if v is not None}
        return {"id": self.id, "group": self.group, "context": ctx,
                "sentences": [{"text": t, "codes": list(c)} for t, c in zip(self.sentences, self.codes)],
                "source": self.source}


def _field_path(err: dict[str, object]) -> str:
    loc = err.get("loc", ())
    return ".".join(str(p) for p in loc) if isinstance(loc, tuple) and loc else "(line)"


def _parse_line(path: Path, lineno: int, line: str) -> AnnotatedResponse:
    where = f"{path}:{lineno}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UserError(E.E006, where=where, problem=f"broken JSON ({exc.msg} at column {exc.colno})",
                        fix="Each line must be one JSON object.") from None
    try:
        r = _ResponseIn.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise UserError(E.E006, where=where, problem=f"field {_field_path(dict(err))}: {err['msg']}",
                        fix="See the annotated-data format in docs/codebook.md.") from None
    ctx = Context(r.context.age_months, r.context.situation, r.context.child)
    return AnnotatedResponse(r.id, ctx, tuple(s.text for s in r.sentences),
                             tuple(tuple(s.codes) for s in r.sentences), r.group or r.id,
                             r.source or "", lineno)


def iter_examples(path: str | Path) -> Iterator[AnnotatedResponse]:
    """Yield the responses of a JSONL file, raising UserError at the first bad line."""
    p = Path(path)
    if not p.is_file():
        raise UserError(E.E010, path=p)
    try:
        with p.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield _parse_line(p, lineno, line)
    except UnicodeDecodeError as exc:
        raise UserError(E.E003, detail=f"{p}: byte {exc.start}") from None


def load_examples(path: str | Path) -> list[AnnotatedResponse]:
    """All responses of a JSONL file (see :func:`iter_examples`)."""
    examples = list(iter_examples(path))
    if not examples:
        raise UserError(E.E006, where=str(path), problem="no responses in the file",
                        fix="Add one JSON object per line.")
    return examples
