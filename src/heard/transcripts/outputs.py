"""Per-transcript outputs other than HTML: JSON, CSV rows, table rows, CHAT with a %xhrd tier.

Every writer returns text; :mod:`heard.transcripts.run` decides where it goes (stdout or a file
written whole with ``os.replace``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from heard.transcripts import chat
from heard.transcripts.profiles import TranscriptResult
from heard.transcripts.types import Transcript
from heard.types import CODES

TIER = "%xhrd"
CSV_FIELDS = ["path", "corpus", "child", "age_months", "speaker", "role", "caregiver", "turns", "words",
              "responses", "attuned_responses", "attuned_share", "sentences", "words_in_distress",
              "acknowledged_episodes", "mean_turns_to_ack", *[f"n_{c}" for c in CODES], *[f"rate_{c}" for c in CODES]]
SUMMARY_FIELDS = ["group", "key", "transcripts", "turns", "episodes", "responses", "attuned_share", "sentences",
                  "words_in_distress", "mean_turns_to_ack", *[f"rate_{c}" for c in CODES]]


def to_json_line(result: TranscriptResult) -> str:
    """One transcript as one line of JSON (for JSON Lines on stdout)."""
    return json.dumps(result.to_dict(), ensure_ascii=False)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_rows(result: TranscriptResult) -> list[dict[str, Any]]:
    """One row per speaker (caregivers first), with counts and rates per code."""
    rows = []
    for sp in result.speakers:
        d = sp.to_dict()
        row = {"path": result.path, "corpus": result.corpus, "child": result.child_name or result.child,
               "age_months": result.age_months, **{k: d[k] for k in CSV_FIELDS[4:16]}}
        row.update({f"n_{c}": d["codes"][c] for c in CODES})
        row.update({f"rate_{c}": d["rates"].get(c, "") for c in CODES})
        rows.append(row)
    return rows


def to_csv(rows: Iterable[Mapping[str, Any]], fields: list[str], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summary_rows(aggregate: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Rows of the corpus summary CSV: the total, then one row per corpus, child and age band."""
    rows = [_summary_row("total", "all", aggregate["total"])]
    for group in ("corpus", "child", "age_band"):
        rows += [_summary_row(group, key, prof) for key, prof in aggregate[f"by_{group}"].items()]
    return rows


def _summary_row(group: str, key: str, prof: Mapping[str, Any]) -> dict[str, Any]:
    row = {"group": group, "key": key, **{k: prof[k] for k in SUMMARY_FIELDS[2:10]}}
    row.update({f"rate_{c}": prof["rates"].get(c, "") for c in CODES})
    return row


def table_row(summary: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns ``--format table`` prints for one transcript."""
    t = summary["total"]
    share = f"{t['attuned_share']:.0%}" if t["attuned_share"] is not None else "-"
    ack = f"{t['mean_turns_to_ack']:.1f}" if t["mean_turns_to_ack"] is not None else "-"
    top = sorted(((n, c) for c, n in t["codes"].items() if n), reverse=True)[:3]
    age = summary.get("age_months")
    return (display_path(summary["path"]), str(age if age is not None else "-"),
            str(summary["utterances"]), str(t["episodes"]), str(t["responses"]), share, ack,
            ", ".join(f"{c} {n}" for n, c in top) or "-")


def display_path(path: str, limit: int = 60) -> str:
    """A path as the table shows it: relative to the working directory when under it, and
    trimmed from the left so the file name, the part a reader scans for, is always whole."""
    with contextlib.suppress(ValueError, OSError):  # elsewhere on disk: keep it absolute
        path = str(Path(path).resolve().relative_to(Path.cwd()))
    return path if len(path) <= limit else "…" + path[-(limit - 1):]


TABLE_COLUMNS = ("transcript", "age (m)", "utterances", "episodes", "responses", "attuned", "turns to ack",
                 "top codes")


# -- CHAT write-back ---------------------------------------------------------------------------
def chat_tiers(result: TranscriptResult) -> dict[int, str]:
    """``%xhrd`` text keyed by turn order: distress on child turns, codes on caregiver turns."""
    tiers: dict[int, list[str]] = {}
    for ep in result.episodes:
        for order in ep.distress_turns:
            tiers.setdefault(order, []).append(f"ep{ep.index} distress")
        for response in ep.responses:
            by_turn: dict[int, list[str]] = {}
            for s in response.sentences:
                by_turn.setdefault(s.turn, []).append("+".join(s.codes))
            last = max(by_turn) if by_turn else None
            for order, codes in by_turn.items():
                text = f"ep{ep.index} " + " ; ".join(codes)
                if order == last and response.patterns:
                    text += " | " + " ".join(response.patterns)
                tiers.setdefault(order, []).append(text)
    return {k: " / ".join(v) for k, v in tiers.items()}


def chat_with_codes(text: str, result: TranscriptResult) -> str:
    """The original CHAT text with a ``%xhrd:`` tier after each coded or distress utterance."""
    records = chat.scan(text).records
    additions = {records[order].end_line: f"{TIER}:\t{value}" for order, value in chat_tiers(result).items()
                 if order < len(records)}
    return "\n".join(chat.insert_tiers(text, additions)) + "\n"


def chat_from_turns(transcript: Transcript, result: TranscriptResult) -> str:
    """A minimal CHAT file for a plain, CSV or JSONL transcript, with the ``%xhrd`` tier."""
    codes = _speaker_codes(transcript)
    roles = dict(transcript.roles)
    lines = ["@UTF8", "@Begin", "@Languages:\teng",
             "@Participants:\t" + " , ".join(f"{codes[s]} {_name(s)} {roles.get(s, 'Unidentified')}" for s in codes)]
    lines += [f"@ID:\teng|heard|{codes[s]}|{_age(transcript, s)}||||{roles.get(s, 'Unidentified')}|||" for s in codes]
    if transcript.situation:
        lines.append(f"@Situation:\t{transcript.situation}")
    tiers = chat_tiers(result)
    for turn in transcript.turns:
        text = turn.raw or turn.text
        lines.append(f"*{codes[turn.speaker]}:\t{text if text[-1:] in '.?!' else text + ' .'}")
        if turn.order in tiers:
            lines.append(f"{TIER}:\t{tiers[turn.order]}")
    lines.append("@End")
    return "\n".join(lines) + "\n"


def _speaker_codes(transcript: Transcript) -> dict[str, str]:
    known = {"Target_Child": "CHI", "Mother": "MOT", "Father": "FAT", "Grandmother": "GRA", "Grandfather": "GRF",
             "Investigator": "INV", "Sister": "SIS", "Brother": "BRO"}
    roles, codes, used = dict(transcript.roles), {}, set()
    for speaker in dict.fromkeys(t.speaker for t in transcript.turns):
        base = known.get(roles.get(speaker, ""), re.sub(r"[^A-Z0-9]", "", speaker.upper())[:3] or "SPK")
        code, n = base, 1
        while code in used:
            n += 1
            code = f"{base[:2]}{n}"
        used.add(code)
        codes[speaker] = code
    return codes


def _name(speaker: str) -> str:
    return re.sub(r"\W+", "_", speaker).strip("_") or "Speaker"


def _age(transcript: Transcript, speaker: str) -> str:
    if speaker != transcript.child or transcript.age_months is None:
        return ""
    return f"{transcript.age_months // 12};{transcript.age_months % 12:02d}."
