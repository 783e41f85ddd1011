"""Sign up, sign in and out, export everything, delete the account."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heard.errors import E, UserError
from heard.store.repository import Account, Repository
from heard.web import deps, security
from heard.web.render import render
from heard.web.settings import MIN_PASSWORD_CHARS, Settings

router = APIRouter()
Text = Annotated[str, Form()]


def _safe_next(target: str) -> str:
    # Only same-site paths: an attacker-supplied "next" must not send people elsewhere.
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _signed_in(repo: Repository, account: Account, settings: Settings, target: str) -> Response:
    token, max_age = security.start_session(repo, account, settings)
    response = RedirectResponse(_safe_next(target), status_code=303)
    security.set_session_cookie(response, token, max_age, settings)
    return response


@router.get("/signup")
def signup_form(request: Request) -> Response:
    """The sign-up form."""
    return render(request, "signup.html", {"form": {}, "min_password": MIN_PASSWORD_CHARS})


@router.post("/signup", dependencies=[Depends(deps.csrf)])
def signup(request: Request, repo: deps.Repo, settings: deps.AppSettings, email: Text = "",
           password: Text = "") -> Response:
    """Create the account and sign in."""
    try:
        account = security.sign_up(repo, email, password)
    except UserError as exc:
        return render(request, "signup.html", {"form": {"email": email}, "error": exc,
                                               "min_password": MIN_PASSWORD_CHARS}, status_code=422)
    return _signed_in(repo, account, settings, "/")


@router.get("/signin")
def signin_form(request: Request, next: str = "/", expired: str = "") -> Response:
    """The sign-in form (says so when a session expired)."""
    notice = UserError(E.E045).message if expired else ""
    return render(request, "signin.html", {"form": {}, "next": _safe_next(next), "notice": notice})


@router.post("/signin", dependencies=[Depends(deps.csrf)])
def signin(request: Request, repo: deps.Repo, settings: deps.AppSettings, email: Text = "",
           password: Text = "", next: Text = "/") -> Response:
    """Check the credentials and start a session."""
    try:
        account = security.authenticate(repo, email, password)
    except UserError as exc:
        return render(request, "signin.html", {"form": {"email": email}, "next": _safe_next(next), "error": exc},
                      status_code=401)
    return _signed_in(repo, account, settings, next)


@router.post("/signout", dependencies=[Depends(deps.csrf)])
def signout(request: Request, repo: deps.Repo, settings: deps.AppSettings) -> Response:
    """End the session on the server and clear the cookie."""
    token = request.cookies.get(security.SESSION_COOKIE)
    if token:
        repo.delete_session(security.hash_token(token))
    response = RedirectResponse("/", status_code=303)
    security.clear_session_cookie(response, settings)
    return response


@router.get("/account")
def account_page(request: Request, account: deps.SignedIn) -> Response:
    """Privacy: what is stored, export, delete."""
    return render(request, "account.html", {"account": account})


@router.post("/account/export", dependencies=[Depends(deps.csrf)])
def export(account: deps.SignedIn, repo: deps.Repo) -> Response:
    """Download everything stored for the account as one JSON file."""
    body = json.dumps(repo.export(account.id), indent=2, ensure_ascii=False)
    return Response(body, media_type="application/json",
                    headers={"content-disposition": 'attachment; filename="heard-export.json"'})


@router.post("/account/delete", dependencies=[Depends(deps.csrf)])
def delete(request: Request, account: deps.SignedIn, repo: deps.Repo, settings: deps.AppSettings,
           confirm: Text = "") -> Response:
    """Delete the account and everything in it (asks to type DELETE first)."""
    if confirm.strip().upper() != "DELETE":
        error = UserError(E.E052, field="confirm", problem="type DELETE to confirm")
        return render(request, "account.html", {"account": account, "error": error}, status_code=422)
    repo.delete_account(account.id)
    response = render(request, "deleted.html", {"visitor": security.Visitor(None)})
    security.clear_session_cookie(response, settings)
    return response
