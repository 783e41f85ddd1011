"""What the pages and the API both do, as plain functions (views only parse and render).

Validation here is the same for both: the engine's own guard for text and context, plus
the web-specific checks for journal entries and practice answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from heard.errors import E, UserError
from heard.store.repository import Child, Repository
from heard.web.settings import MAX_JOURNAL_CHARS, MAX_NAME_CHARS

JOURNAL_KINDS = ("comforted", "shared", "helped", "noticed")
KIND_LABELS = {"comforted": "Comforted someone", "shared": "Shared", "helped": "Helped",
               "noticed": "Noticed someone's feelings"}


def blank_to_none(value: str | None) -> str | None:
    """Form fields arrive as '' when left empty; the engine wants None."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_age(years: str | int | None, months: str | int | None) -> int | None:
    """Age in months from the years + months form fields (both optional)."""
    parts = []
    for name, raw, top in (("years", years, 18), ("months", months, 11)):
        text = str(raw).strip() if raw is not None else ""
        if not text:
            parts.append(0)
            continue
        if not text.isdigit() or int(text) > top:
            raise UserError(E.E052, field=f"age ({name})", problem=f"a whole number from 0 to {top}, not {text[:20]!r}")
        parts.append(int(text))
    if all((v is None or str(v).strip() == "") for v in (years, months)):
        return None
    return parts[0] * 12 + parts[1]


def run_check(engine: Any, text: str, age_months: int | None, situation: str | None,
              child: str | None) -> dict[str, Any]:
    """Validate and check one response; the result as a dict (``Result.to_dict()``)."""
    from heard.types import Context

    # engine.check validates the text and the context; blank form fields mean "not given".
    return dict(engine.check(text, Context(age_months, blank_to_none(situation), blank_to_none(child))).to_dict())


def not_attuned_codes(result: dict[str, Any]) -> tuple[str, ...]:
    """The not-attuned codes found in a result, in codebook order."""
    from heard.types import NOT_ATTUNED_CODES

    found = {c["code"] for s in result.get("sentences", []) for c in s.get("codes", [])}
    return tuple(c for c in NOT_ATTUNED_CODES if c in found)


def check_child_fields(name: str, birth_date: str | date | None) -> tuple[str, date | None]:
    """A child's name and optional birth date, validated."""
    name = (name or "").strip()
    if not name:
        raise UserError(E.E052, field="name", problem="give the child's name or a nickname")
    if len(name) > MAX_NAME_CHARS:
        raise UserError(E.E008, field="name", size=len(name), limit=MAX_NAME_CHARS)
    return name, parse_date(birth_date, optional=True)


def parse_date(value: str | date | None, optional: bool = False) -> date | None:
    """A past or present date from YYYY-MM-DD (E055)."""
    if isinstance(value, date):
        parsed = value
    else:
        text = (value or "").strip()
        if not text:
            if optional:
                return None
            raise UserError(E.E055, value=text)
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            raise UserError(E.E055, value=text[:40]) from None
    if parsed > date.today() or parsed.year < 1900:
        raise UserError(E.E055, value=parsed.isoformat())
    return parsed


def months_between(born: date, day: date) -> int:
    """Whole months from ``born`` to ``day``."""
    months = (day.year - born.year) * 12 + day.month - born.month
    return max(0, months - (1 if day.day < born.day else 0))


@dataclass(frozen=True)
class EntryFields:
    """A validated journal moment, ready for the repository."""

    happened_on: date
    age_months: int | None
    kind: str
    what: str
    note: str | None

    def as_row(self) -> dict[str, Any]:
        return {"happened_on": self.happened_on, "age_months": self.age_months, "kind": self.kind,
                "what": self.what, "note": self.note}


def check_entry_fields(child: Child, happened_on: str | date | None, age_months: str | int | None, kind: str,
                       what: str, note: str | None) -> EntryFields:
    """Validate a journal moment; the age defaults to the age on that date from the birth date."""
    day = parse_date(happened_on) or date.today()
    if kind not in JOURNAL_KINDS:
        raise UserError(E.E056, value=str(kind)[:40], options=", ".join(JOURNAL_KINDS))
    what = (what or "").strip()
    if not what:
        raise UserError(E.E052, field="what happened", problem="describe the moment in a few words")
    for field, value in (("what happened", what), ("note", note or "")):
        if len(value) > MAX_JOURNAL_CHARS:
            raise UserError(E.E008, field=field, size=len(value), limit=MAX_JOURNAL_CHARS)
    age = _entry_age(age_months)
    if age is None and child.birth_date and child.birth_date <= day:
        age = months_between(child.birth_date, day)
    return EntryFields(day, age, kind, what, blank_to_none(note))


def _entry_age(value: str | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or int(text) > 216:
        raise UserError(E.E007, value=text[:20])
    return int(text)


def require_child(repo: Repository, account_id: int, child_id: int) -> Child:
    """The account's child, or E046."""
    child = repo.get_child(account_id, child_id)
    if child is None:
        raise UserError(E.E046, kind="child", id=child_id)
    return child
