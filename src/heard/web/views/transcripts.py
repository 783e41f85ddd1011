"""Upload a transcript, see its report with plots, download JSON or CSV."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from heard.errors import E, UserError
from heard.web import deps, transcript_report
from heard.web.charts import bars
from heard.web.render import render
from heard.web.security import csrf_seed

router = APIRouter()


class ReportCache:
    """Recent reports in memory only (never stored), for this browser's download links."""

    def __init__(self, size: int = 32, ttl_s: float = 1800) -> None:
        self.size, self.ttl_s = size, ttl_s
        self._items: OrderedDict[str, tuple[str, float, transcript_report.Report]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, owner: str, report: transcript_report.Report) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._items[key] = (owner, time.monotonic(), report)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, owner: str, key: str) -> transcript_report.Report | None:
        with self._lock:
            item = self._items.get(key)
        if item is None or item[0] != owner or time.monotonic() - item[1] > self.ttl_s:
            return None
        return item[2]


def _report_ctx(report: transcript_report.Report, key: str) -> dict[str, Any]:
    total = report.data.get("total") or {}
    codes = [(c, n) for c, n in (total.get("codes") or {}).items() if n]
    title = "Codes in the caregivers' responses"
    charts = [(title, bars(codes, title))] if codes else []
    return {"report": report.data, "key": key, "charts": charts, "scalars": transcript_report.scalars(report.data),
            "total": total, "images": transcript_report.images(report.plots)}


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
    key = request.app.state.reports.put(csrf_seed(request), report)
    return render(request, "transcripts.html", _report_ctx(report, key))


@router.get("/transcripts/report/{key}.{fmt}")
def download(request: Request, key: str, fmt: str) -> Response:
    """The last report as JSON or CSV (only for the browser that uploaded it)."""
    report = request.app.state.reports.get(request.cookies.get("heard_csrf", ""), key)
    if report is None or fmt not in {"json", "csv"}:
        raise UserError(E.E046, kind="transcript report", id=key[:30])
    if fmt == "json":
        return Response(json.dumps(report.data, indent=2, ensure_ascii=False), media_type="application/json",
                        headers={"content-disposition": 'attachment; filename="heard-report.json"'})
    return Response(report.csv, media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="heard-report.csv"'})
