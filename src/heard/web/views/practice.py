"""Practice: answer a scenario in your own words, get feedback, see progress."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from heard.errors import UserError
from heard.web import deps, progress, services
from heard.web.render import render, result_view
from heard.web.scenarios import get_scenario, load_scenarios

router = APIRouter()


@router.get("/practice")
def practice_list(request: Request, v: deps.CurrentVisitor, repo: deps.Repo) -> Response:
    """The library of scenarios, with how often each was tried."""
    tried: Counter[str] = Counter()
    if v.account:
        tried.update(a.scenario_id for a in repo.list_attempts(v.account.id, limit=None))
    return render(request, "practice_list.html", {"scenarios": load_scenarios(), "tried": tried})


@router.get("/practice/progress")
def progress_page(request: Request, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """The share of attuned answers over time and the codes that keep coming back."""
    result = progress.compute(repo.list_attempts(account.id, limit=None))
    return render(request, "progress.html", {"progress": result})


@router.get("/practice/{scenario_id}")
def scenario_page(request: Request, scenario_id: str) -> Response:
    """One scenario and the answer form."""
    return render(request, "practice.html", {"scenario": get_scenario(scenario_id), "form": {}, "result": None})


@router.post("/practice/{scenario_id}", dependencies=[Depends(deps.csrf)])
def answer(request: Request, scenario_id: str, v: deps.CurrentVisitor, repo: deps.Repo,
           text: Annotated[str, Form()] = "") -> Response:
    """Check the answer in the scenario's context; save the attempt when signed in."""
    scenario = get_scenario(scenario_id)
    ctx = {"scenario": scenario, "form": {"text": text}, "result": None}
    try:
        result = services.run_check(deps.engine(request), text, scenario.age_months, scenario.situation,
                                    scenario.child)
    except UserError as exc:
        return render(request, "practice.html", {**ctx, "error": exc}, status_code=422)
    attempt = None
    if v.account:
        attempt = repo.add_attempt(v.account.id, scenario.id, text, result, services.not_attuned_codes(result))
    return render(request, "practice.html", {**ctx, "result": result_view(result), "attempt": attempt})
