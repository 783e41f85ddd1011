"""Coding an uploaded transcript with ``heard.transcripts`` and shaping the report.

The transcripts package is built separately and imported lazily, so the rest of the web
app works (and says clearly why) when it is missing.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heard.errors import E, HeardError, UserError

SUFFIXES = {".cha": "chat", ".txt": "plain", ".csv": "csv"}


def check_upload(filename: str, data: bytes) -> tuple[str, str]:
    """(suffix, text) for an upload, or E049 (wrong type) / E003 (not UTF-8) / E001 (empty)."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(E.E049, filename=(filename or "")[:80])
    from heard.guard import decode_bytes

    text = decode_bytes(data, filename)
    if not text.strip():
        raise UserError(E.E001)
    return suffix, text


@dataclass(frozen=True)
class Report:
    """A coded transcript as the page and the API show it."""

    data: dict[str, Any]
    csv: str
    plots: tuple[tuple[str, str], ...]  # (title, SVG text)


def code_upload(filename: str, data: bytes, engine: Any = None) -> Report:
    """Code an uploaded transcript: the report data, its CSV rows and its plots."""
    suffix, text = check_upload(filename, data)
    try:
        from heard.transcripts import code_transcript
    except ImportError as exc:
        raise UserError(E.E053, detail=str(exc)[:120]) from None
    with tempfile.TemporaryDirectory(prefix="heard-upload-") as folder:
        # A fixed safe name: the user's file name never touches the file system.
        path = Path(folder) / f"transcript{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            result = code_transcript(path, engine)
        except HeardError:
            raise
        except (ValueError, KeyError, IndexError, TypeError, UnicodeError) as exc:
            raise UserError(E.E057, detail=str(exc)[:200] or type(exc).__name__) from None
    name = Path(filename).name[:200]
    # The server's temporary path means nothing to the user; show their file name.
    report = {**result.to_dict(), "path": name}
    return Report(report, _csv(result, name, report), _plots(result))


def _csv(result: Any, name: str, report: dict[str, Any]) -> str:
    try:
        from heard.transcripts.outputs import CSV_FIELDS, csv_rows, to_csv
    except ImportError:
        return report_csv(report)
    rows = [{**row, "path": name} for row in csv_rows(result)]
    return to_csv(rows, CSV_FIELDS)


def _plots(result: Any) -> tuple[tuple[str, str], ...]:
    """The transcripts package's matplotlib plots, when matplotlib is installed."""
    try:
        from heard.transcripts.report import codes_per_speaker_svg, episodes_svg
    except ImportError:
        return ()
    plots = []
    for title, make in (("Codes per speaker", codes_per_speaker_svg), ("Distress episodes", episodes_svg)):
        try:
            svg = make(result)
        except ImportError:  # matplotlib missing: the page falls back to its own SVG bars
            return ()
        if svg:
            plots.append((title, svg))
    return tuple(plots)


def _rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The longest list of records in the report (utterances / sentences), for CSV."""
    best: list[dict[str, Any]] = []
    for value in report.values():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and len(value) > len(best):
            best = value
    return best


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k}={_cell(v)}" for k, v in value.items())
    text = "" if value is None else str(value)
    # Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text


def report_csv(report: dict[str, Any]) -> str:
    """One CSV row per record of the report (codes joined by spaces)."""
    rows = _rows(report)
    out = io.StringIO()
    if not rows:
        plain = csv.writer(out)
        plain.writerow(["key", "value"])
        for key, value in report.items():
            plain.writerow([key, _cell(value)])
        return out.getvalue()
    fields = list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _cell(r.get(k)) for k in fields})
    return out.getvalue()


def scalars(report: dict[str, Any]) -> list[tuple[str, Any]]:
    """Top-level numbers and short strings of the report (the summary table)."""
    return [(k, v) for k, v in report.items()
            if isinstance(v, int | float | str) and not (isinstance(v, str) and len(v) > 200)]


def images(plots: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Plots as (title, data URI) for <img>: their inner styles stay out of the page's CSP."""
    import base64

    return [(title, "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()) for title, svg in plots]
