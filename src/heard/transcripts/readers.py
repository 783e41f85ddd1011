"""Readers behind one interface: a file in, a :class:`Transcript` of turns out.

Every reader gets the file already checked (size, binary, encoding) by :func:`load_text`, and
reports problems with ``file:line`` instead of raising, so one bad line never costs a file and
one bad file never costs a run.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Protocol

from heard.errors import E, UserError
from heard.transcripts import chat
from heard.transcripts.config import Options
from heard.transcripts.types import CHILD_ROLE, FORMATS_IN, Problem, Transcript, Turn

_FORMATS = ", ".join(FORMATS_IN)


class Reader(Protocol):
    """Turns the text of one file into a transcript."""

    format: str

    def read(self, path: str, text: str, options: Options) -> Transcript: ...


def load_text(path: Path, options: Options, where: str | None = None) -> str:
    """The file's text, or UserError for a file too large, empty, binary or not UTF-8."""
    where = where or str(path)
    size = path.stat().st_size
    if size > options.max_file_bytes:
        raise UserError(E.E023, where=where, size_mb=size / 1024 / 1024, limit_mb=options.max_file_mb)
    data = path.read_bytes()
    if not data.strip():
        raise UserError(E.E020, where=where)
    if b"\x00" in data[:8192]:
        raise UserError(E.E021, where=where, formats=_FORMATS)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(E.E022, where=f"{where}:{line}", byte=data[exc.start]) from None


def reader_for(path: Path) -> Reader:
    """The reader for a file's suffix, or UserError E028."""
    readers: dict[str, Reader] = {".cha": ChatReader(), ".txt": PlainReader(), ".csv": TableReader("csv"),
                                  ".jsonl": TableReader("jsonl")}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise UserError(E.E028, where=str(path), suffix=path.suffix or path.name, formats=_FORMATS)
    return reader


def read_transcript(path: Path, options: Options | None = None, where: str | None = None) -> Transcript:
    """Read any supported file; raise UserError when the whole file must be skipped."""
    options = options or Options()
    reader = reader_for(path)
    transcript = reader.read(where or str(path), load_text(path, options, where), options)
    if not transcript.turns:
        expected = ("*SPEAKER: lines" if reader.format == "chat" else
                    "`Mom: ...` lines" if reader.format == "plain" else "rows with speaker and text")
        raise UserError(E.E026, where=where or str(path), expected=expected)
    return transcript


# -- CHAT ------------------------------------------------------------------------------------
class ChatReader:
    format = "chat"

    def read(self, path: str, text: str, options: Options) -> Transcript:
        scanned = chat.scan(text)
        header = chat.parse_header(scanned, path)
        roles = dict(header.roles)
        for speaker, role in options.speakers:
            roles[speaker] = role  # configured roles win over @ID (e.g. an aunt coded as Relative)
        child = options.child or header.child
        turns = tuple(self._turn(r, i, roles) for i, r in enumerate(scanned.records))
        problems = tuple(Problem(path, b.line, "E024", UserError(E.E024, where=f"{path}:{b.line}",
                                                                  sample=b.text[:40]).message, fatal=False)
                         for b in scanned.bad_lines)
        names = dict(header.names)
        return Transcript(
            path, self.format, turns, child, _caregivers(roles, options), tuple(roles.items()),
            header.age_months if header.age_months is not None else options.age_months,
            _situation(scanned) or options.situation, header.corpus, names.get(child or "") or child,
            problems)

    @staticmethod
    def _turn(record: chat.ChatRecord, order: int, roles: dict[str, str]) -> Turn:
        return Turn(record.speaker, roles.get(record.speaker, "Unidentified"), chat.clean(record.main), order,
                    record.line, record.time, record.main, record.tiers)


def _situation(scanned: chat.ChatScan) -> str | None:
    parts = [v for k in ("Situation", "Activities") if (v := scanned.header(k))]
    return "; ".join(parts)[:500] or None


def _caregivers(roles: dict[str, str], options: Options) -> frozenset[str]:
    return frozenset(s for s, r in roles.items() if r in options.caregiver_roles)


# -- plain text and tables -------------------------------------------------------------------
_PLAIN = re.compile(r"\s*\*?([^:\t]{1,40}?)\s*:\s*(.*)")
_TIME = re.compile(r"\[?(\d{1,2}):(\d{2})(?::(\d{2}))?\]?\s*")


class _TurnCollector:
    """Assigns roles to speaker labels and builds turns and the transcript (shared by plain and tables)."""

    def __init__(self, path: str, fmt: str, options: Options) -> None:
        self.path, self.format, self.options = path, fmt, options
        self.turns: list[Turn] = []
        self.roles: dict[str, str] = {}
        self.problems: list[Problem] = []

    def add(self, speaker: str, text: str, line: int, time: float | None = None) -> None:
        role = self.roles.setdefault(speaker, self.options.role_of(speaker) or "Unidentified")
        self.turns.append(Turn(speaker, role, text.strip(), len(self.turns), line, time, text.strip()))

    def skip(self, line: int, problem: str) -> None:
        where = f"{self.path}:{line}"
        self.problems.append(Problem(self.path, line, "E027", UserError(E.E027, where=where,
                                                                         problem=problem).message, fatal=False))

    def build(self) -> Transcript:
        child = self.options.child or next((s for s, r in self.roles.items() if r == CHILD_ROLE), None)
        return Transcript(self.path, self.format, tuple(self.turns), child, _caregivers(self.roles, self.options),
                          tuple(self.roles.items()), self.options.age_months, self.options.situation,
                          None, child, tuple(self.problems))


class PlainReader:
    """``Mom: you fell.`` lines; a line without a label continues the previous turn."""

    format = "plain"

    def read(self, path: str, text: str, options: Options) -> Transcript:
        out = _TurnCollector(path, self.format, options)
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            time, rest = _leading_time(line)
            m = _PLAIN.fullmatch(rest)
            if m and m.group(2).strip():
                out.add(m.group(1).strip(), m.group(2), number, time)
            elif out.turns and not m:
                last = out.turns.pop()
                out.add(last.speaker, f"{last.text} {line.strip()}", last.line, last.time)
            else:
                out.skip(number, f"no `Speaker: text` on this line ({line.strip()[:40]!r})")
        return out.build()


def _leading_time(line: str) -> tuple[float | None, str]:
    m = _TIME.match(line)
    if not m or not line.lstrip().startswith(("[", m.group(1))) or ":" not in line[m.end():]:
        return None, line
    h_or_m, m_or_s, s = int(m.group(1)), int(m.group(2)), m.group(3)
    seconds = h_or_m * 3600 + m_or_s * 60 + int(s) if s else h_or_m * 60 + m_or_s
    return float(seconds), line[m.end():]


class TableReader:
    """CSV with a header row, or JSON Lines: ``speaker``, ``text`` and optionally ``time`` (seconds)."""

    def __init__(self, fmt: str) -> None:
        self.format = fmt

    def read(self, path: str, text: str, options: Options) -> Transcript:
        out = _TurnCollector(path, self.format, options)
        rows = _csv_rows(text) if self.format == "csv" else _jsonl_rows(text)
        for line, row in rows:
            if isinstance(row, str):
                out.skip(line, row)
                continue
            speaker, utterance = str(row.get("speaker") or "").strip(), str(row.get("text") or "").strip()
            if not speaker or not utterance:
                out.skip(line, "the row needs non-empty `speaker` and `text`")
                continue
            out.add(speaker, utterance, line, _seconds(row.get("time")))
        return out.build()


def _csv_rows(text: str):  # -> Iterator[tuple[int, dict | str]]
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if not {"speaker", "text"} <= fields:
        yield 1, f"the header row needs columns speaker,text[,time] (found {sorted(fields)})"
        return
    for row in reader:
        yield reader.line_num, {str(k).strip().lower(): v for k, v in row.items() if k is not None}


def _jsonl_rows(text: str):  # -> Iterator[tuple[int, dict | str]]
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg})"
            continue
        yield number, row if isinstance(row, dict) else "each line must be a JSON object"


def _seconds(value: object) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        time, _ = _leading_time(f"{value}: x")
        return time
