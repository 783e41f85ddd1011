"""The JSON API under /api/v1 (schema at /api/v1/openapi.json).

Same validation and limits as the pages (``heard.web.services`` and the guard). Clients
authenticate with ``Authorization: Bearer <token>`` from ``POST /api/v1/sessions``; checking
a response and reading scenarios work without an account.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from heard.errors import E, UserError
from heard.store.repository import to_jsonable
from heard.web import deps, progress, security, services, transcript_report
from heard.web.scenarios import get_scenario, load_scenarios

router = APIRouter(prefix="/api/v1", tags=["api"])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Credentials(Strict):
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)


class CheckIn(Strict):
    text: str
    age_months: int | None = None
    situation: str | None = None
    child: str | None = None
    save: bool = Field(True, description="Save to the account's history (only when authenticated).")


class AttemptIn(Strict):
    text: str


class ChildIn(Strict):
    name: str
    birth_date: date | None = None


class EntryIn(Strict):
    happened_on: date | None = None
    age_months: int | None = None
    kind: str = Field(description="comforted, shared, helped or noticed")
    what: str
    note: str | None = None


class EntryPatch(Strict):
    happened_on: date | None = None
    age_months: int | None = None
    kind: str | None = None
    what: str | None = None
    note: str | None = None


class AccountOut(BaseModel):
    id: int
    email: str
    created_at: datetime


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    expires_in: int


def _missing(kind: str, item_id: int | str) -> UserError:
    return UserError(E.E046, kind=kind, id=item_id)


# -- accounts ------------------------------------------------------------------------------
@router.post("/accounts", status_code=201, response_model=AccountOut)
def create_account(body: Credentials, repo: deps.Repo) -> Any:
    """Sign up (argon2-hashed password)."""
    return to_jsonable(security.sign_up(repo, body.email, body.password))


@router.post("/sessions", status_code=201, response_model=TokenOut)
def create_session(body: Credentials, request: Request, repo: deps.Repo) -> Any:
    """Sign in: a bearer token for the other endpoints."""
    account = security.authenticate(repo, body.email, body.password)
    token, max_age = security.start_session(repo, account, deps.settings(request))
    return TokenOut(token=token, expires_in=max_age)


@router.delete("/sessions/current", status_code=204)
def delete_session(request: Request, account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Sign out: the token stops working."""
    token = request.headers["authorization"].partition(" ")[2].strip()
    repo.delete_session(security.hash_token(token))
    return Response(status_code=204)


@router.get("/account", response_model=AccountOut)
def get_account(account: deps.ApiAccount) -> Any:
    """The signed-in account."""
    return to_jsonable(account)


@router.get("/account/export")
def export_account(account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Everything stored for the account."""
    return repo.export(account.id)


@router.delete("/account", status_code=204)
def delete_account(account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Delete the account and everything in it."""
    repo.delete_account(account.id)
    return Response(status_code=204)


# -- check and history ---------------------------------------------------------------------
@router.post("/check")
async def check(body: CheckIn, request: Request) -> Any:
    """Code one response in context; saved to history when authenticated and ``save`` is true."""
    # Run inline on the event loop: the engine needs ~2 ms of CPU, less than a thread
    # hand-off costs under load, and requests are then served in arrival order (steady p95).
    result = services.run_check(deps.engine(request), body.text, body.age_months, body.situation, body.child)
    if body.save and request.headers.get("authorization"):
        saved = await run_in_threadpool(_save_check, request, body.text, result)
        if saved is not None:
            result["saved_id"] = saved
    return JSONResponse(result)


def _save_check(request: Request, text: str, result: dict[str, Any]) -> int | None:
    visitor = deps.api_visitor(request)
    if visitor.account is None:
        return None
    return deps.repo(request).add_check(visitor.account.id, text, result["context"], result).id


@router.get("/checks")
def list_checks(account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Saved checks, newest first."""
    return to_jsonable(repo.list_checks(account.id))


@router.get("/checks/{check_id}")
def get_check(check_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """One saved check."""
    saved = repo.get_check(account.id, check_id)
    if saved is None:
        raise _missing("saved check", check_id)
    return to_jsonable(saved)


@router.delete("/checks/{check_id}", status_code=204)
def delete_check(check_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Delete one saved check."""
    if not repo.delete_check(account.id, check_id):
        raise _missing("saved check", check_id)
    return Response(status_code=204)


# -- transcripts ---------------------------------------------------------------------------
@router.post("/transcripts")
async def code_transcript(request: Request, file: deps.Upload, format: str = "json") -> Any:
    """Code an uploaded transcript (CHAT .cha, plain .txt, CSV .csv); ``format=csv`` for CSV."""
    if format not in {"json", "csv"}:
        raise UserError(E.E052, field="format", problem="json or csv")
    report = transcript_report.code_upload(file.filename or "", await file.read(), deps.engine(request))
    if format == "csv":
        return Response(report.csv, media_type="text/csv; charset=utf-8")
    return JSONResponse(report.data)


# -- practice ------------------------------------------------------------------------------
@router.get("/scenarios")
def list_scenarios() -> Any:
    """The practice library."""
    return [s.to_dict() for s in load_scenarios()]


@router.get("/scenarios/{scenario_id}")
def scenario(scenario_id: str) -> Any:
    """One scenario."""
    return get_scenario(scenario_id).to_dict()


@router.post("/scenarios/{scenario_id}/attempts", status_code=201)
def attempt(scenario_id: str, body: AttemptIn, request: Request, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Answer a scenario: the feedback, saved as an attempt."""
    sc = get_scenario(scenario_id)
    result = services.run_check(deps.engine(request), body.text, sc.age_months, sc.situation, sc.child)
    saved = repo.add_attempt(account.id, sc.id, body.text, result, services.not_attuned_codes(result))
    return {**to_jsonable(saved), "example": sc.example}


@router.get("/attempts")
def list_attempts(account: deps.ApiAccount, repo: deps.Repo, scenario_id: str | None = None) -> Any:
    """Practice attempts, oldest first."""
    return to_jsonable(repo.list_attempts(account.id, limit=None, scenario_id=scenario_id))


@router.get("/attempts/{attempt_id}")
def get_attempt(attempt_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """One attempt."""
    found = repo.get_attempt(account.id, attempt_id)
    if found is None:
        raise _missing("practice attempt", attempt_id)
    return to_jsonable(found)


@router.delete("/attempts/{attempt_id}", status_code=204)
def delete_attempt(attempt_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Delete one attempt."""
    if not repo.delete_attempt(account.id, attempt_id):
        raise _missing("practice attempt", attempt_id)
    return Response(status_code=204)


@router.get("/progress")
def get_progress(account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Share of attuned answers over time and the recurring codes."""
    return progress.compute(repo.list_attempts(account.id, limit=None)).to_dict()


# -- journal -------------------------------------------------------------------------------
@router.get("/children")
def list_children(account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """The account's children."""
    return to_jsonable(repo.list_children(account.id))


@router.post("/children", status_code=201)
def add_child(body: ChildIn, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Add a child."""
    name, born = services.check_child_fields(body.name, body.birth_date)
    return to_jsonable(repo.add_child(account.id, name, born))


@router.get("/children/{child_id}")
def get_child(child_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """One child."""
    return to_jsonable(services.require_child(repo, account.id, child_id))


@router.patch("/children/{child_id}")
def update_child(child_id: int, body: ChildIn, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Rename a child or change the birth date."""
    name, born = services.check_child_fields(body.name, body.birth_date)
    updated = repo.update_child(account.id, child_id, name, born)
    if updated is None:
        raise _missing("child", child_id)
    return to_jsonable(updated)


@router.delete("/children/{child_id}", status_code=204)
def delete_child(child_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Delete a child and their journal."""
    if not repo.delete_child(account.id, child_id):
        raise _missing("child", child_id)
    return Response(status_code=204)


@router.get("/children/{child_id}/entries")
def list_entries(child_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """A child's journal, by date."""
    services.require_child(repo, account.id, child_id)
    return to_jsonable(repo.list_entries(account.id, child_id))


@router.post("/children/{child_id}/entries", status_code=201)
def add_entry(child_id: int, body: EntryIn, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Add a moment (the age defaults to the age on that date when the birth date is known)."""
    child = services.require_child(repo, account.id, child_id)
    fields = services.check_entry_fields(child, body.happened_on or date.today(), body.age_months, body.kind,
                                         body.what, body.note)
    return to_jsonable(repo.add_entry(account.id, child.id, fields.as_row()))


@router.get("/entries/{entry_id}")
def get_entry(entry_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """One journal moment."""
    entry = repo.get_entry(account.id, entry_id)
    if entry is None:
        raise _missing("journal entry", entry_id)
    return to_jsonable(entry)


@router.patch("/entries/{entry_id}")
def update_entry(entry_id: int, body: EntryPatch, account: deps.ApiAccount, repo: deps.Repo) -> Any:
    """Change some fields of a moment (validated like a new one)."""
    entry = repo.get_entry(account.id, entry_id)
    if entry is None:
        raise _missing("journal entry", entry_id)
    child = services.require_child(repo, account.id, entry.child_id)
    merged = {**to_jsonable(entry), **body.model_dump(exclude_unset=True)}
    fields = services.check_entry_fields(child, merged["happened_on"], merged["age_months"], merged["kind"],
                                         merged["what"], merged["note"])
    return to_jsonable(repo.update_entry(account.id, entry_id, fields.as_row()))


@router.delete("/entries/{entry_id}", status_code=204)
def delete_entry(entry_id: int, account: deps.ApiAccount, repo: deps.Repo) -> Response:
    """Delete a moment."""
    if not repo.delete_entry(account.id, entry_id):
        raise _missing("journal entry", entry_id)
    return Response(status_code=204)


@router.get("/health")
def health(repo: deps.Repo) -> Any:
    """200 when the database answers (503 otherwise)."""
    repo.ping()
    return {"status": "ok"}
