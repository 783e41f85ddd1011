"""The empathy journal: per child, moments of comforting, sharing, helping, noticing."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heard.errors import E, UserError
from heard.store.repository import Account, Child, JournalEntry, Repository
from heard.web import deps, services
from heard.web.render import render
from heard.web.scenarios import age_label

router = APIRouter(prefix="/journal")
Text = Annotated[str, Form()]


def age_group(months: int | None) -> str:
    """The timeline heading for an age: half-years in the first year, then years."""
    if months is None:
        return "Age not given"
    if months < 12:
        return "Under 6 months" if months < 6 else "6 to 12 months"
    years = months // 12
    return f"{years} year{'s' if years > 1 else ''} old"


def timeline(entries: list[JournalEntry]) -> list[tuple[str, list[JournalEntry]]]:
    """Entries grouped by age, youngest first (entries without an age at the end)."""
    ordered = sorted(entries, key=lambda e: (e.age_months is None, e.age_months or 0, e.happened_on, e.id))
    groups: list[tuple[str, list[JournalEntry]]] = []
    for entry in ordered:
        label = age_group(entry.age_months)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(entry)
    return groups


def timeline_svg(entries: list[JournalEntry], width: int = 600) -> str:
    """A strip with one dot per moment at the child's age (months), coloured by kind."""
    aged = [e for e in entries if e.age_months is not None]
    if not aged:
        return ""
    top = max(12, max(e.age_months or 0 for e in aged))
    top = ((top + 11) // 12) * 12
    left, w = 20, width - 40

    def x(m: int) -> float:
        return left + w * m / top

    parts = [f'<svg class="chart" viewBox="0 0 {width} 70" role="img" aria-label="Moments by age in months">',
             "<title>Moments by age in months</title>",
             f'<line class="grid" x1="{left}" x2="{left + w}" y1="30" y2="30"/>']
    for m in range(0, top + 1, 12):
        parts.append(f'<text class="axis" x="{x(m):.1f}" y="60" text-anchor="middle">{m // 12}y</text>')
    for e in aged:
        label = f"{age_label(e.age_months)}: {services.KIND_LABELS[e.kind]}: {e.what[:60]}"
        parts.append(f'<circle class="dot {escape(e.kind)}" cx="{x(e.age_months or 0):.1f}" cy="30" r="7">'
                     f"<title>{escape(label)}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)


def _child_ctx(repo: Repository, account: Account, child: Child, **extra: Any) -> dict[str, Any]:
    entries = repo.list_entries(account.id, child.id)
    return {"child": child, "groups": timeline(entries), "svg": timeline_svg(entries), "entries": entries,
            "kinds": services.KIND_LABELS, "age_label": age_label, "today": date.today().isoformat(),
            "form": {}, **extra}


@router.get("")
def journal_home(request: Request, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """The account's children and a form to add one."""
    return render(request, "journal.html", {"children": repo.list_children(account.id), "form": {}})


@router.post("/children", dependencies=[Depends(deps.csrf)])
def add_child(request: Request, account: deps.SignedIn, repo: deps.Repo, name: Text = "",
              birth_date: Text = "") -> Response:
    """Add a child."""
    try:
        clean_name, born = services.check_child_fields(name, birth_date)
    except UserError as exc:
        return render(request, "journal.html", {"children": repo.list_children(account.id), "error": exc,
                                                "form": {"name": name, "birth_date": birth_date}}, status_code=422)
    child = repo.add_child(account.id, clean_name, born)
    return RedirectResponse(f"/journal/children/{child.id}", status_code=303)


@router.get("/children/{child_id}")
def child_page(request: Request, child_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """One child's timeline and the form to add a moment."""
    child = services.require_child(repo, account.id, child_id)
    return render(request, "child.html", _child_ctx(repo, account, child))


@router.post("/children/{child_id}/delete", dependencies=[Depends(deps.csrf)])
def delete_child(child_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """Delete a child and all their moments."""
    if not repo.delete_child(account.id, child_id):
        raise UserError(E.E046, kind="child", id=child_id)
    return RedirectResponse("/journal", status_code=303)


@router.post("/children/{child_id}/entries", dependencies=[Depends(deps.csrf)])
def add_entry(request: Request, child_id: int, account: deps.SignedIn, repo: deps.Repo,
              happened_on: Text = "", age_months: Text = "", kind: Text = "", what: Text = "",
              note: Text = "") -> Response:
    """Add a moment to a child's journal."""
    child = services.require_child(repo, account.id, child_id)
    form = {"happened_on": happened_on, "age_months": age_months, "kind": kind, "what": what, "note": note}
    try:
        fields = services.check_entry_fields(child, happened_on, age_months, kind, what, note)
    except UserError as exc:
        return render(request, "child.html", _child_ctx(repo, account, child, error=exc, form=form), status_code=422)
    repo.add_entry(account.id, child.id, fields.as_row())
    return RedirectResponse(f"/journal/children/{child.id}", status_code=303)


def _entry(repo: Repository, account: Account, entry_id: int) -> JournalEntry:
    entry = repo.get_entry(account.id, entry_id)
    if entry is None:
        raise UserError(E.E046, kind="journal entry", id=entry_id)
    return entry


@router.get("/entries/{entry_id}")
def edit_entry_form(request: Request, entry_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """The form to change a moment."""
    entry = _entry(repo, account, entry_id)
    form = {"happened_on": entry.happened_on.isoformat(), "age_months": entry.age_months or "",
            "kind": entry.kind, "what": entry.what, "note": entry.note or ""}
    return render(request, "entry_edit.html", {"entry": entry, "form": form, "kinds": services.KIND_LABELS})


@router.post("/entries/{entry_id}", dependencies=[Depends(deps.csrf)])
def edit_entry(request: Request, entry_id: int, account: deps.SignedIn, repo: deps.Repo,
               happened_on: Text = "", age_months: Text = "", kind: Text = "", what: Text = "",
               note: Text = "") -> Response:
    """Save changes to a moment."""
    entry = _entry(repo, account, entry_id)
    child = services.require_child(repo, account.id, entry.child_id)
    form = {"happened_on": happened_on, "age_months": age_months, "kind": kind, "what": what, "note": note}
    try:
        fields = services.check_entry_fields(child, happened_on, age_months, kind, what, note)
    except UserError as exc:
        return render(request, "entry_edit.html", {"entry": entry, "form": form, "kinds": services.KIND_LABELS,
                                                   "error": exc}, status_code=422)
    repo.update_entry(account.id, entry_id, fields.as_row())
    return RedirectResponse(f"/journal/children/{child.id}", status_code=303)


@router.post("/entries/{entry_id}/delete", dependencies=[Depends(deps.csrf)])
def delete_entry(entry_id: int, account: deps.SignedIn, repo: deps.Repo) -> Response:
    """Delete a moment."""
    entry = _entry(repo, account, entry_id)
    repo.delete_entry(account.id, entry_id)
    return RedirectResponse(f"/journal/children/{entry.child_id}", status_code=303)
