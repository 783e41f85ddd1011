"""``heard code``: code whole transcripts (CHAT, plain text, CSV, JSONL), files and folders."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from heard.cli.common import Exit, user_errors
from heard.transcripts import outputs
from heard.transcripts.config import Options, apply_config, load_config, parse_speaker
from heard.transcripts.run import FileOutcome, RunSummary, code_paths, count_sources


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"
    chat = "chat"


@user_errors
def code_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders (.cha, .txt, .csv, .jsonl).")],
    fmt: Annotated[Format, typer.Option("--format", help="table, json, csv, html or chat.")] = Format.table,
    out: Annotated[Path | None, typer.Option("--out", help="Write one output per transcript into this folder.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes.")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Skip transcripts whose output in --out is newer.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="YAML/JSON config file.")] = None,
    window: Annotated[int | None, typer.Option("--window", min=1, help="Turns after distress that count.")] = None,
    window_seconds: Annotated[float | None, typer.Option(help="Also limit the window to this many seconds.")] = None,
    caregiver: Annotated[list[str] | None, typer.Option("--caregiver-role",
                                                        help="Also treat this role as a caregiver.")] = None,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", help="NAME=ROLE, e.g. Mom=Mother.")] = None,
    child: Annotated[str | None, typer.Option("--child", help="Speaker code or label of the target child.")] = None,
    age: Annotated[int | None, typer.Option("--age", min=0, max=216, help="Child's age in months (non-CHAT).")] = None,
    situation: Annotated[str | None, typer.Option(help="What was happening (non-CHAT).")] = None,
    max_file_mb: Annotated[float | None, typer.Option(help="Skip files larger than this (default 20).")] = None,
) -> None:
    """Find the child's distress in transcripts, code the caregivers' responses, report profiles.

    Exit 0 when every file was read, 1 when any file, line or row was skipped, 2 on a usage error.
    """
    options = _options(config, window, window_seconds, caregiver, speaker, child, age, situation, max_file_mb)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    show = _Printer(fmt, out)
    progress = _progress(err, paths, out) if err.is_terminal else None
    with progress or _nothing():
        task = progress.add_task("coding", total=count_sources(paths, out)) if progress else None

        def on_outcome(outcome: FileOutcome) -> None:
            show.outcome(outcome)
            if progress is not None and task is not None and outcome.status != "ignored":
                progress.advance(task)

        run = code_paths(paths, fmt=fmt.value, out_dir=out, jobs=jobs, resume=resume, options=options,
                         on_outcome=on_outcome)
    show.finish(run)
    _report(err, run, out)
    raise typer.Exit(Exit.FINDINGS if run.failed else Exit.OK)


def _options(config: Path | None, window: int | None, window_seconds: float | None, caregiver: list[str] | None,
             speaker: list[str] | None, child: str | None, age: int | None, situation: str | None,
             max_file_mb: float | None) -> Options:
    """Defaults, then the config file, then the flags (flags win)."""
    options = Options()
    if config is not None:
        options = apply_config(options, load_config(config))
    flags: dict[str, Any] = {"window_turns": window, "window_seconds": window_seconds, "child": child,
                             "age_months": age,
             "situation": situation, "max_file_mb": max_file_mb}
    options = replace(options, **{k: v for k, v in flags.items() if v is not None})
    if caregiver:
        options = replace(options, caregiver_roles=options.caregiver_roles | frozenset(caregiver))
    if speaker:
        options = replace(options, speakers=options.speakers + tuple(parse_speaker(s) for s in speaker))
    return options


class _Printer:
    """Streams stdout output as files finish (nothing for formats written to --out)."""

    def __init__(self, fmt: Format, out: Path | None) -> None:
        self.fmt, self.out = fmt, out
        self.header_done = False
        self.table = Table(title="heard code", show_lines=False)
        for name in outputs.TABLE_COLUMNS:
            # The transcript column is already trimmed to a bounded width (file name kept whole);
            # Rich must not cut it again on a narrow terminal.
            self.table.add_column(name, no_wrap=name == "transcript", min_width=12 if name == "transcript" else None)

    def outcome(self, outcome: FileOutcome) -> None:
        if self.out is not None or outcome.summary is None:
            return
        if self.fmt is Format.table:
            # Rows accumulate only as small tuples; a corpus run should use --out and json/csv.
            self.table.add_row(*outputs.table_row(outcome.summary))
        elif self.fmt is Format.csv and not self.header_done:
            sys.stdout.write(outputs.to_csv([], outputs.CSV_FIELDS))
            self.header_done = True
        if outcome.rendered:
            sys.stdout.write(outcome.rendered)
            sys.stdout.flush()

    def finish(self, run: RunSummary) -> None:
        if self.fmt is Format.table and self.out is None and self.table.row_count:
            Console(highlight=False, width=160).print(self.table)


def _progress(err: Console, paths: list[Path], out: Path | None) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _report(err: Console, run: RunSummary, out: Path | None) -> None:
    """The closing summary on stderr: what was coded, and every file or line skipped, with why."""
    for problem in run.skipped + run.line_problems:
        err.print(f"heard: {problem.code} {problem.message}", markup=False)
    c = run.counts
    parts = [f"{run.done + run.resumed} transcripts coded" + (f" ({run.resumed} already done)" if run.resumed else ""),
             f"{run.utterances:,} utterances", f"{run.episodes:,} distress episodes", f"{run.seconds:.1f}s"]
    if c["skipped"]:
        parts.append(f"{c['skipped']} files skipped")
    if c["line_problems"]:
        parts.append(f"{c['line_problems']} lines or rows skipped")
    if c["ignored"]:
        parts.append(f"{c['ignored']} other files ignored")
    err.print("heard: " + ", ".join(parts) + (f"; outputs in {out}" if out else ""), markup=False)
