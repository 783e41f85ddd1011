"""The home page (check a response) and the history of saved checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heard.errors import E, UserError
from heard.web import deps, services
from heard.web.render import render, result_view
from heard.web.scenarios import age_label

router = APIRouter()
Text = Annotated[str, Form()]


@router.get("/")
def home(request: Request) -> Response:
    """The check form."""
    return render(request, "check.html", {"form": {}, "result": None})


@router.post("/", dependencies=[Depends(deps.csrf)])
def check_page(request: Request, v: deps.CurrentVisitor, repo: deps.Repo, text: Text = "",
               age_years: Text = "", age_months: Text = "", situation: Text = "", child: Text = "") -> Response:
    """Check the response; save it to history when signed in."""
    form = {"text": text, "age_years": age_years, "age_months": age_months, "situation": situation, "child": child}
    try:
        age = services.parse_age(age_years, age_months)
        result = services.run_check(deps.engine(request), text, age, situation, child)
    except UserError as exc:
        return render(request, "check.html", {"form": form, "result": None, "error": exc}, status_code=422)
    saved = repo.add_check(v.account.id, text, result["context"], result) if v.account else None
    return render(request, "check.html", {"form": form, "result": result_view(result), "saved": saved})


@router.get("/history")
def history(request: Request, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """The account's saved checks."""
    return render(request, "history.html", {"checks": repo.list_checks(account.id), "age_label": age_label})


@router.get("/history/{check_id}")
def history_item(request: Request, check_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """One saved check, shown like a fresh result."""
    saved = repo.get_check(account.id, check_id)
    if saved is None:
        raise UserError(E.E046, kind="saved check", id=check_id)
    return render(request, "history_item.html", {"saved": saved, "result": result_view(saved.result),
                                                 "age_label": age_label})


@router.post("/history/{check_id}/delete", dependencies=[Depends(deps.csrf)])
def history_delete(check_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """Delete one saved check."""
    if not repo.delete_check(account.id, check_id):
        raise UserError(E.E046, kind="saved check", id=check_id)
    return RedirectResponse("/history", status_code=303)
