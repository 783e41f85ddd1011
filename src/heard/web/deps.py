"""FastAPI dependencies: the repository, the engine, who is asking, CSRF on forms."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, File, Request, UploadFile

from heard.store.repository import Account, Repository
from heard.web.failures import SignInRequired
from heard.web.security import CSRF_FIELD, SESSION_COOKIE, Visitor, resolve, verify_csrf
from heard.web.settings import Settings


def repo(request: Request) -> Repository:
    """The app's repository."""
    return request.app.state.repo  # type: ignore[no-any-return]


def settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings  # type: ignore[no-any-return]


def engine(request: Request) -> Any:
    """The heard engine (loaded once at start)."""
    return request.app.state.engine


def visitor(request: Request) -> Visitor:
    """The signed-in account from the session cookie (pages only), cached per request."""
    cached = getattr(request.state, "visitor", None)
    if cached is None:
        cached = resolve(repo(request), request.cookies.get(SESSION_COOKIE))
        request.state.visitor = cached
    return cached  # type: ignore[no-any-return]


def account(request: Request) -> Account:
    """The signed-in account, or a redirect to sign in."""
    v = visitor(request)
    if v.account is None:
        raise SignInRequired(expired=v.expired)
    return v.account


def api_visitor(request: Request) -> Visitor:
    """The account from ``Authorization: Bearer <token>`` (the API never reads cookies)."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Visitor(None)
    return resolve(repo(request), token.strip())


def api_account(request: Request) -> Account:
    """The API caller's account, or 401 (E044, or E045 when the token expired)."""
    v = api_visitor(request)
    if v.account is None:
        raise SignInRequired(expired=v.expired)
    return v.account


async def csrf(request: Request) -> None:
    """Every page form must carry this browser's CSRF token (E047 otherwise)."""
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    verify_csrf(request, sent if isinstance(sent, str) else None, settings(request))


# Annotated dependencies (FastAPI's recommended form: no calls in argument defaults).
Repo = Annotated[Repository, Depends(repo)]
AppSettings = Annotated[Settings, Depends(settings)]
CurrentVisitor = Annotated[Visitor, Depends(visitor)]
SignedIn = Annotated[Account, Depends(account)]
ApiAccount = Annotated[Account, Depends(api_account)]
Upload = Annotated[UploadFile, File()]
