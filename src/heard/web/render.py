"""Templates and the view models they show (highlighted sentences, code labels)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from heard.codes import CODE_INFO, PATTERN_INFO

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
KIND_CLASS = {"attuned": "attuned", "not attuned": "not-attuned", "neither": "neither", "pattern": "pattern"}


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    """Render a page with the visitor and the CSRF token every form needs."""
    from heard.web.deps import settings, visitor
    from heard.web.security import csrf_token

    ctx = dict(context or {})
    try:
        ctx.setdefault("visitor", visitor(request))
    except Exception:  # the database is down: still render (the error page says so)
        from heard.web.security import Visitor

        ctx.setdefault("visitor", Visitor(None))
    ctx["csrf_token"] = csrf_token(request, settings(request))
    ctx["path"] = request.url.path
    return TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)


def _cue_segments(sentence: dict[str, Any]) -> list[dict[str, Any]]:
    """Split a sentence into plain and cue segments (cue offsets are in the checked text)."""
    text, base = sentence["text"], sentence["start"]
    marks: list[tuple[int, int, str]] = []
    for code in sentence["codes"]:
        for cue in code.get("cues", []):
            start, end = cue["start"] - base, cue["end"] - base
            if not (0 <= start < end <= len(text)) or text[start:end] != cue["text"]:
                start = text.find(cue["text"])  # offsets relative to the sentence after all
                end = start + len(cue["text"])
            if start >= 0 and cue["text"]:
                marks.append((start, end, code["code"]))
    segments, pos = [], 0
    for start, end, code in sorted(marks):
        if start < pos:
            continue  # overlapping cues: keep the first
        if start > pos:
            segments.append({"text": text[pos:start], "code": None})
        segments.append({"text": text[start:end], "code": code})
        pos = end
    if pos < len(text):
        segments.append({"text": text[pos:], "code": None})
    return segments


def code_view(name: str) -> dict[str, Any]:
    """What the templates show about a code or pattern."""
    info = CODE_INFO.get(name) or PATTERN_INFO.get(name)
    if info is None:
        return {"name": name, "kind": "neither", "css": "neither", "summary": "", "why": "", "try_instead": ""}
    return {"name": info.name, "kind": info.kind, "css": KIND_CLASS.get(info.kind, "neither"),
            "summary": info.summary, "why": info.why, "try_instead": info.try_instead}


def result_view(result: dict[str, Any]) -> dict[str, Any]:
    """A checked result shaped for the template: highlighted sentences, codes, patterns."""
    sentences = []
    for s in result.get("sentences", []):
        codes = [{**code_view(c["code"]), "confidence": c.get("confidence", 0.0),
                  "cues": [q["text"] for q in c.get("cues", [])], "explanation": c.get("explanation", "")}
                 for c in s.get("codes", [])]
        main = codes[0]["css"] if codes else "neither"
        if any(c["css"] == "not-attuned" for c in codes):
            main = "not-attuned"
        sentences.append({"text": s["text"], "codes": codes, "css": main, "segments": _cue_segments(s)})
    patterns = [{**code_view(p["name"]), "detail": p.get("detail", "")} for p in result.get("pattern_details", [])]
    if not patterns:
        patterns = [code_view(p) for p in result.get("patterns", [])]
    return {"sentences": sentences, "patterns": patterns, "attuned": bool(result.get("attuned")),
            "suggestion": result.get("suggestion") or "", "summary": result.get("summary") or "",
            "context": result.get("context", {}), "text": result.get("text", "")}
