"""The one repository interface the web app and API use.

Every read and write of user data takes ``account_id`` and filters on it, so a user can
never reach another account's rows, whatever id they send. Methods return frozen
dataclasses (never ORM objects) and run in one transaction each: a write either happens
completely or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from heard.store.models import AccountRow, AttemptRow, CheckRow, ChildRow, JournalRow, SessionRow


def utcnow() -> datetime:
    """Now, timezone-aware UTC (the only clock the store uses)."""
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes even for timezone=True columns; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    created_at: datetime


@dataclass(frozen=True)
class SavedCheck:
    id: int
    text: str
    age_months: int | None
    situation: str | None
    child: str | None
    result: dict[str, Any]
    attuned: bool
    created_at: datetime


@dataclass(frozen=True)
class Attempt:
    id: int
    scenario_id: str
    text: str
    result: dict[str, Any]
    attuned: bool
    codes: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class Child:
    id: int
    name: str
    birth_date: date | None
    created_at: datetime


@dataclass(frozen=True)
class JournalEntry:
    id: int
    child_id: int
    happened_on: date
    age_months: int | None
    kind: str
    what: str
    note: str | None
    created_at: datetime


class EmailTaken(Exception):
    """An account with this email already exists."""


def to_jsonable(obj: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready dicts, dates as ISO strings."""
    if isinstance(obj, list | tuple):
        return [to_jsonable(o) for o in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if hasattr(obj, "__dataclass_fields__"):
        return to_jsonable(asdict(obj))
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    return obj


def _account(r: AccountRow) -> Account:
    return Account(r.id, r.email, _aware(r.created_at))


def _check(r: CheckRow) -> SavedCheck:
    return SavedCheck(r.id, r.text, r.age_months, r.situation, r.child, json.loads(r.result_json), r.attuned,
                      _aware(r.created_at))


def _attempt(r: AttemptRow) -> Attempt:
    return Attempt(r.id, r.scenario_id, r.text, json.loads(r.result_json), r.attuned,
                   tuple(r.codes.split()), _aware(r.created_at))


def _child(r: ChildRow) -> Child:
    return Child(r.id, r.name, r.birth_date, _aware(r.created_at))


def _entry(r: JournalRow) -> JournalEntry:
    return JournalEntry(r.id, r.child_id, r.happened_on, r.age_months, r.kind, r.what, r.note, _aware(r.created_at))


class Repository:
    """Reads and writes heard's data, always scoped to one account."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def ping(self) -> None:
        """Raise if the database cannot be reached."""
        with self._tx() as s:
            s.execute(select(1))

    # -- accounts and sessions -------------------------------------------------------
    def create_account(self, email: str, password_hash: str) -> Account:
        """Create an account; raises :class:`EmailTaken` if the email is in use."""
        try:
            with self._tx() as s:
                row = AccountRow(email=email, password_hash=password_hash, created_at=utcnow())
                s.add(row)
                s.flush()
                return _account(row)
        except IntegrityError:
            raise EmailTaken(email) from None

    def credentials(self, email: str) -> tuple[Account, str] | None:
        """The account and its password hash for ``email``, if it exists."""
        with self._tx() as s:
            row = s.scalar(select(AccountRow).where(AccountRow.email == email))
            return (_account(row), row.password_hash) if row else None

    def update_password_hash(self, account_id: int, password_hash: str) -> None:
        """Store a re-hashed password (argon2 parameters changed)."""
        with self._tx() as s:
            row = s.get(AccountRow, account_id)
            if row:
                row.password_hash = password_hash

    def create_session(self, account_id: int, token_hash: str, expires_at: datetime) -> None:
        """Remember a signed-in session (by the hash of its token)."""
        with self._tx() as s:
            s.add(SessionRow(token_hash=token_hash, account_id=account_id, created_at=utcnow(), expires_at=expires_at))

    def session_account(self, token_hash: str) -> tuple[Account | None, bool]:
        """(account, expired) for a session token hash; (None, False) if unknown."""
        with self._tx() as s:
            row = s.get(SessionRow, token_hash)
            if row is None:
                return None, False
            if _aware(row.expires_at) <= utcnow():
                s.delete(row)
                return None, True
            account = s.get(AccountRow, row.account_id)
            return (_account(account) if account else None), False

    def delete_session(self, token_hash: str) -> None:
        """Sign a session out."""
        with self._tx() as s:
            s.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))

    def expire_session(self, token_hash: str) -> None:
        """Make a session expired now (used by tests and by password changes)."""
        with self._tx() as s:
            row = s.get(SessionRow, token_hash)
            if row:
                row.expires_at = utcnow()

    def delete_account(self, account_id: int) -> None:
        """Delete the account and everything in it, in one transaction."""
        with self._tx() as s:
            # Explicit deletes (not only ON DELETE CASCADE) so nothing depends on the
            # backend enforcing foreign keys.
            for model in (JournalRow, ChildRow, AttemptRow, CheckRow, SessionRow):
                s.execute(delete(model).where(model.account_id == account_id))
            s.execute(delete(AccountRow).where(AccountRow.id == account_id))

    def export(self, account_id: int) -> dict[str, Any]:
        """Everything stored for the account, as JSON-ready data."""
        with self._tx() as s:
            account = s.get(AccountRow, account_id)
            if account is None:
                return {}
        children = self.list_children(account_id)
        return to_jsonable({
            "account": _account(account),
            "checks": self.list_checks(account_id, limit=None),
            "attempts": self.list_attempts(account_id, limit=None),
            "children": children,
            "journal": [e for c in children for e in self.list_entries(account_id, c.id)],
        })

    # -- checks ----------------------------------------------------------------------
    def add_check(self, account_id: int, text: str, context: dict[str, Any], result: dict[str, Any]) -> SavedCheck:
        """Save a checked response to the account's history."""
        with self._tx() as s:
            row = CheckRow(account_id=account_id, text=text, age_months=context.get("age_months"),
                           situation=context.get("situation"), child=context.get("child"),
                           result_json=json.dumps(result), attuned=bool(result.get("attuned")), created_at=utcnow())
            s.add(row)
            s.flush()
            return _check(row)

    def list_checks(self, account_id: int, limit: int | None = 50) -> list[SavedCheck]:
        """The account's saved checks, newest first."""
        with self._tx() as s:
            q = select(CheckRow).where(CheckRow.account_id == account_id).order_by(CheckRow.id.desc()).limit(limit)
            return [_check(r) for r in s.scalars(q)]

    def get_check(self, account_id: int, check_id: int) -> SavedCheck | None:
        """One saved check of the account, or None."""
        with self._tx() as s:
            row = s.scalar(select(CheckRow).where(CheckRow.id == check_id, CheckRow.account_id == account_id))
            return _check(row) if row else None

    def delete_check(self, account_id: int, check_id: int) -> bool:
        """Delete one saved check; False if the account has no such check."""
        return self._delete(CheckRow, account_id, check_id)

    def _delete(self, model: Any, account_id: int, row_id: int) -> bool:
        with self._tx() as s:
            res = s.execute(delete(model).where(model.id == row_id, model.account_id == account_id))
            return bool(res.rowcount)  # type: ignore[attr-defined]

    # -- practice --------------------------------------------------------------------
    def add_attempt(self, account_id: int, scenario_id: str, text: str, result: dict[str, Any],
                    codes: tuple[str, ...]) -> Attempt:
        """Save a practice answer with its result."""
        with self._tx() as s:
            row = AttemptRow(account_id=account_id, scenario_id=scenario_id, text=text,
                             result_json=json.dumps(result), attuned=bool(result.get("attuned")),
                             codes=" ".join(codes), created_at=utcnow())
            s.add(row)
            s.flush()
            return _attempt(row)

    def list_attempts(self, account_id: int, limit: int | None = 200, scenario_id: str | None = None) -> list[Attempt]:
        """The account's practice attempts, oldest first (the order progress is drawn in)."""
        with self._tx() as s:
            q = select(AttemptRow).where(AttemptRow.account_id == account_id)
            if scenario_id:
                q = q.where(AttemptRow.scenario_id == scenario_id)
            q = q.order_by(AttemptRow.id.desc()).limit(limit)
            return [_attempt(r) for r in reversed(list(s.scalars(q)))]

    def get_attempt(self, account_id: int, attempt_id: int) -> Attempt | None:
        """One attempt of the account, or None."""
        with self._tx() as s:
            row = s.scalar(select(AttemptRow).where(AttemptRow.id == attempt_id, AttemptRow.account_id == account_id))
            return _attempt(row) if row else None

    def delete_attempt(self, account_id: int, attempt_id: int) -> bool:
        """Delete one attempt; False if the account has no such attempt."""
        return self._delete(AttemptRow, account_id, attempt_id)

    # -- journal ---------------------------------------------------------------------
    def add_child(self, account_id: int, name: str, birth_date: date | None) -> Child:
        """Add a child to the account's journal."""
        with self._tx() as s:
            row = ChildRow(account_id=account_id, name=name, birth_date=birth_date, created_at=utcnow())
            s.add(row)
            s.flush()
            return _child(row)

    def list_children(self, account_id: int) -> list[Child]:
        """The account's children, in the order they were added."""
        with self._tx() as s:
            q = select(ChildRow).where(ChildRow.account_id == account_id).order_by(ChildRow.id)
            return [_child(r) for r in s.scalars(q)]

    def get_child(self, account_id: int, child_id: int) -> Child | None:
        """One child of the account, or None."""
        with self._tx() as s:
            row = s.scalar(select(ChildRow).where(ChildRow.id == child_id, ChildRow.account_id == account_id))
            return _child(row) if row else None

    def update_child(self, account_id: int, child_id: int, name: str, birth_date: date | None) -> Child | None:
        """Rename a child or change the birth date; None if the account has no such child."""
        with self._tx() as s:
            row = s.scalar(select(ChildRow).where(ChildRow.id == child_id, ChildRow.account_id == account_id))
            if row is None:
                return None
            row.name, row.birth_date = name, birth_date
            return _child(row)

    def delete_child(self, account_id: int, child_id: int) -> bool:
        """Delete a child and their journal entries."""
        with self._tx() as s:
            s.execute(delete(JournalRow).where(JournalRow.child_id == child_id, JournalRow.account_id == account_id))
            res = s.execute(delete(ChildRow).where(ChildRow.id == child_id, ChildRow.account_id == account_id))
            return bool(res.rowcount)  # type: ignore[attr-defined]

    def add_entry(self, account_id: int, child_id: int, fields: dict[str, Any]) -> JournalEntry | None:
        """Add a journal moment for one of the account's children; None if no such child."""
        with self._tx() as s:
            owner = s.scalar(select(ChildRow.id).where(ChildRow.id == child_id, ChildRow.account_id == account_id))
            if owner is None:
                return None
            row = JournalRow(account_id=account_id, child_id=child_id, created_at=utcnow(), **fields)
            s.add(row)
            s.flush()
            return _entry(row)

    def list_entries(self, account_id: int, child_id: int) -> list[JournalEntry]:
        """A child's journal moments, by date (the timeline order)."""
        with self._tx() as s:
            q = (select(JournalRow).where(JournalRow.account_id == account_id, JournalRow.child_id == child_id)
                 .order_by(JournalRow.happened_on, JournalRow.id))
            return [_entry(r) for r in s.scalars(q)]

    def get_entry(self, account_id: int, entry_id: int) -> JournalEntry | None:
        """One journal moment of the account, or None."""
        with self._tx() as s:
            row = s.scalar(select(JournalRow).where(JournalRow.id == entry_id, JournalRow.account_id == account_id))
            return _entry(row) if row else None

    def update_entry(self, account_id: int, entry_id: int, fields: dict[str, Any]) -> JournalEntry | None:
        """Change a journal moment; None if the account has no such entry."""
        with self._tx() as s:
            row = s.scalar(select(JournalRow).where(JournalRow.id == entry_id, JournalRow.account_id == account_id))
            if row is None:
                return None
            for key, value in fields.items():
                setattr(row, key, value)
            return _entry(row)

    def delete_entry(self, account_id: int, entry_id: int) -> bool:
        """Delete one journal moment."""
        return self._delete(JournalRow, account_id, entry_id)

    def count_rows(self) -> dict[str, int]:
        """Row counts per table (for health checks and crash-recovery tests)."""
        with self._tx() as s:
            return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
                    for m in (AccountRow, SessionRow, CheckRow, AttemptRow, ChildRow, JournalRow)}
