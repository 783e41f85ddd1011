"""Upload a transcript, see its report with plots, download JSON or CSV."""

from __future__ import annotations

import base64
import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from heard.errors import UserError
from heard.web import deps, transcript_report
from heard.web.charts import bars
from heard.web.render import render

router = APIRouter()


def _data_uri(media_type: str, text: str) -> str:
    """A download link's target carrying the file itself.

    The report goes back to the browser that uploaded it, inside the page: it is never stored
    on the server, and any server process can answer the upload (``heard serve --workers``).
    """
    return f"data:{media_type};charset=utf-8;base64,{base64.b64encode(text.encode('utf-8')).decode('ascii')}"


def _report_ctx(report: transcript_report.Report) -> dict[str, Any]:
    total = report.data.get("total") or {}
    codes = [(c, n) for c, n in (total.get("codes") or {}).items() if n]
    title = "Codes in the caregivers' responses"
    charts = [(title, bars(codes, title))] if codes else []
    downloads = {"json": _data_uri("application/json", json.dumps(report.data, indent=2, ensure_ascii=False)),
                 "csv": _data_uri("text/csv", report.csv)}
    return {"report": report.data, "downloads": downloads, "charts": charts, "total": total,
            "scalars": transcript_report.scalars(report.data), "images": transcript_report.images(report.plots)}


@router.get("/transcripts")
def upload_form(request: Request) -> Response:
    """The upload form."""
    return render(request, "transcripts.html", {"report": None})


@router.post("/transcripts", dependencies=[Depends(deps.csrf)])
async def upload(request: Request, file: deps.Upload) -> Response:
    """Code the uploaded transcript and show the report."""
    data = await file.read()
    try:
        report = transcript_report.code_upload(file.filename or "", data, deps.engine(request))
    except UserError as exc:
        status = 415 if exc.code == "E049" else 501 if exc.code == "E053" else 422
        return render(request, "transcripts.html", {"report": None, "error": exc}, status_code=status)
    return render(request, "transcripts.html", _report_ctx(report))
