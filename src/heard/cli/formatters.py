"""Output formats for the CLI: human (Rich), json, jsonl. Presentation lives only here."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.text import Text

from heard.codes import info
from heard.types import ATTUNED_CODES, Result

COLORS = {"acknowledge": "green", "validate": "green", "presence": "cyan", "limit": "blue",
          "project": "magenta", "minimize": "yellow", "stop": "red", "regulate": "yellow",
          "redirect": "yellow", "moralize": "red", "punish": "bold red", "other": "dim"}


def to_json(data: Any) -> str:
    """Stable, readable JSON (UTF-8 kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def _sentence_text(text: str, cues: list[tuple[int, int, str]]) -> Text:
    out = Text(text)
    for start, end, code in cues:
        out.stylize(f"underline {COLORS.get(code, '')}", start, end)
    return out


def render_result(result: Result, console: Console, explain: bool = True) -> None:
    """Print one checked response for a person: sentences, codes, cues, patterns, feedback."""
    for i, s in enumerate(result.sentences, 1):
        cues = [(c.start - s.start, c.end - s.start, cs.code) for cs in s.codes for c in cs.cues
                if cs.code != "other"]
        line = Text(f"{i}. ")
        line.append_text(_sentence_text(s.text, cues))
        console.print(line)
        for cs in s.codes:
            tag = Text(f"   {cs.code}", style=COLORS.get(cs.code, ""))
            tag.append(f"  {cs.confidence:.2f}", style="dim")
            words = ", ".join(f'"{c.text}"' for c in cs.cues if cs.code != "other")
            if words:
                tag.append(f"  {words}", style="dim")
            console.print(tag)
            if explain and cs.code not in ATTUNED_CODES and cs.code != "other":
                console.print(Text(f"      {info(cs.code).explanation}", style="italic"))
    if result.patterns:
        console.print()
        for p in result.patterns:
            style = "bold green" if p.name == "attuned" else "bold magenta"
            line = Text(f"pattern: {p.name}", style=style)
            if p.detail:
                line.append(f"  ({p.detail})", style="dim")
            console.print(line)
            if explain and p.name != "attuned":
                console.print(Text(f"   {p.explanation}", style="italic"))
    if result.summary:
        console.print()
        console.print(Text(result.summary, style="bold"))
    if result.suggestion:
        console.print(Text("Try instead: ", style="bold green") + Text(result.suggestion))
