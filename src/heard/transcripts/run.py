"""The streaming, multi-process driver behind ``heard code``: :func:`code_paths`.

Memory stays bounded whatever the corpus size: files are discovered lazily, at most a few per
worker are in flight, each worker writes its own outputs and sends back only a small summary,
and the run keeps totals per group, not per transcript. Each output file is written whole
or not at all (temp file + ``os.replace``), so an interrupted run loses nothing already
written and ``resume=True`` skips transcripts whose output is newer than their input.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heard.errors import E, UserError
from heard.transcripts import code_turns, outputs
from heard.transcripts.config import Options
from heard.transcripts.profiles import Aggregate, summary_of
from heard.transcripts.readers import load_text, read_transcript
from heard.transcripts.types import FORMATS_IN, Problem

OUTPUT_FORMATS = ("table", "json", "csv", "html", "chat")
FILE_ONLY_FORMATS = ("html", "chat")
_SUFFIX = {"table": None, "json": None, "csv": ".csv", "html": ".html", "chat": ".cha"}
MAX_LISTED = 1_000  # problems and ignored files listed in the summary; beyond this, counts only


@dataclass(frozen=True)
class Source:
    """A file to code and the name its outputs get (relative to the folder it was found in)."""

    path: Path
    rel: Path


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: done, resumed (output already there), skipped or ignored."""

    path: str
    status: str
    problems: tuple[Problem, ...] = ()
    summary: dict[str, Any] | None = None
    rendered: str = ""  # stdout text for json/csv without --out
    episodes: int = 0


@dataclass
class RunSummary:
    """The whole run: counts, what was skipped and why, and the corpus aggregates."""

    done: int = 0
    resumed: int = 0
    skipped: list[Problem] = field(default_factory=list)
    line_problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"skipped": 0, "line_problems": 0, "ignored": 0})
    utterances: int = 0
    episodes: int = 0
    seconds: float = 0.0
    aggregate: Aggregate = field(default_factory=Aggregate)

    @property
    def failed(self) -> bool:
        """True when any file, line or row was skipped (``heard code`` exits 1)."""
        return bool(self.counts["skipped"] or self.counts["line_problems"])

    def add(self, outcome: FileOutcome) -> None:
        if outcome.status == "ignored":
            self._keep("ignored", self.ignored, outcome.path)
            return
        for p in outcome.problems:
            if p.fatal:
                self._keep("skipped", self.skipped, p)
            else:
                self._keep("line_problems", self.line_problems, p)
        if outcome.summary is not None:
            self.done += outcome.status == "done"
            self.resumed += outcome.status == "resumed"
            self.utterances += outcome.summary["utterances"]
            self.episodes += outcome.summary["total"]["episodes"]
            self.aggregate.add(outcome.summary)

    def _keep(self, kind: str, into: list, item: Any) -> None:
        self.counts[kind] += 1
        if len(into) < MAX_LISTED:
            into.append(item)

    def to_dict(self) -> dict[str, Any]:
        return {"transcripts": self.done + self.resumed, "coded": self.done, "resumed": self.resumed,
                "utterances": self.utterances, "episodes": self.episodes, "seconds": round(self.seconds, 3),
                "utterances_per_second": round(self.utterances / self.seconds, 1) if self.seconds else None,
                "skipped": [p.to_dict() for p in self.skipped],
                "line_problems": [p.to_dict() for p in self.line_problems],
                "ignored": self.ignored, "counts": dict(self.counts), "aggregate": self.aggregate.to_dict()}


# -- discovering files ---------------------------------------------------------------------------
def iter_sources(paths: Iterable[Path], out_dir: Path | None = None) -> Iterator[Source | FileOutcome]:
    """Files to code, lazily and in a stable order; other files in folders come back as ignored."""
    out = out_dir.resolve() if out_dir else None
    for root in paths:
        if not root.exists():
            raise UserError(E.E010, path=root)
        if root.is_file():
            yield Source(root, Path(root.name))
            continue
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != out)
            for name in sorted(files):
                path = here / name
                if name.startswith("."):
                    continue
                if path.suffix.lower() in FORMATS_IN:
                    yield Source(path, path.relative_to(root))
                else:
                    yield FileOutcome(str(path), "ignored")


def count_sources(paths: Iterable[Path], out_dir: Path | None = None) -> int:
    """How many files a run will read (for the progress bar); walks the folders once."""
    return sum(1 for s in iter_sources(paths, out_dir) if isinstance(s, Source))


# -- one file ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the file (sent once per worker)."""

    fmt: str
    out_dir: Path | None
    resume: bool
    options: Options
    model: str | None = None


def output_paths(job: Job, source: Source) -> list[Path]:
    """The files written for ``source``: its JSON record, plus the format's own file."""
    if job.out_dir is None:
        return []
    base = job.out_dir / source.rel.parent / source.rel.stem
    paths = [base.with_name(base.name + ".heard.json")]
    if suffix := _SUFFIX[job.fmt]:
        paths.append(base.with_name(base.name + ".heard" + suffix))
    return paths


def process(source: Source, job: Job, engine: Any = None) -> FileOutcome:
    """Read, detect, code and write one file; every failure becomes a Problem, never an exception."""
    where = str(source.path)
    targets = output_paths(job, source)
    if job.resume and _up_to_date(source.path, targets):
        summary = _load_summary(targets[0])
        if summary is not None:
            return FileOutcome(where, "resumed", summary=summary, episodes=summary["total"]["episodes"])
    try:
        transcript = read_transcript(source.path, job.options, where)
        result = code_turns(transcript, engine or _engine(job), job.options)
    except UserError as exc:
        if exc.code == E.E009.name:
            raise  # a broken model fails every file: stop the run with one clear error instead
        return FileOutcome(where, "skipped", (Problem(where, _line_of(exc), exc.code, exc.message),))
    except Exception as exc:  # noqa: BLE001 - one broken file must not end a corpus run
        message = UserError(E.E033, where=where, detail=f"{type(exc).__name__}: {exc}").message
        return FileOutcome(where, "skipped", (Problem(where, None, "E033", message),))
    summary = summary_of(result)
    rendered = _write(job, source, targets, transcript, result) if targets else _render(job, result)
    return FileOutcome(where, "done", result.problems, summary, rendered, len(result.episodes))


def _line_of(exc: UserError) -> int | None:
    where = str(exc.params.get("where", ""))
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _up_to_date(path: Path, targets: list[Path]) -> bool:
    if not targets:
        return False
    mtime = path.stat().st_mtime
    return all(t.exists() and t.stat().st_mtime >= mtime for t in targets)


def _load_summary(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: data[k] for k in ("path", "corpus", "child", "child_name", "age_months", "age_band",
                                     "utterances", "total")}
    except (OSError, ValueError, KeyError):
        return None  # a damaged record is simply coded again


def _render(job: Job, result: Any) -> str:
    if job.fmt == "json":
        return outputs.to_json_line(result) + "\n"
    if job.fmt == "csv":
        return outputs.to_csv(outputs.csv_rows(result), outputs.CSV_FIELDS, header=False)
    return ""


def _write(job: Job, source: Source, targets: list[Path], transcript: Any, result: Any) -> str:
    if len(targets) > 1:
        write_atomic(targets[1], _file_text(job, source, transcript, result))
    # The JSON record goes last: it is what --resume trusts, so it must not exist before the rest.
    write_atomic(targets[0], outputs.to_json(result.to_dict()))
    return ""


def _file_text(job: Job, source: Source, transcript: Any, result: Any) -> str:
    if job.fmt == "csv":
        return outputs.to_csv(outputs.csv_rows(result), outputs.CSV_FIELDS)
    if job.fmt == "html":
        from heard.transcripts import report

        return report.transcript_html(result)
    if job.fmt == "chat":
        if transcript.format == "chat":
            return outputs.chat_with_codes(load_text(source.path, job.options), result)
        return outputs.chat_from_turns(transcript, result)
    return ""


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (temp file in the same folder + os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# -- workers -------------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _engine(job: Job) -> Any:
    """The worker's engine, loaded on first need (files with no episodes never load it)."""
    if "engine" not in _WORKER:
        import heard

        _WORKER["engine"] = heard.load(job.model)
    return _WORKER["engine"]


def _init_worker(job: Job) -> None:
    _WORKER["job"] = job


def _process_in_worker(source: Source) -> FileOutcome:
    return process(source, _WORKER["job"])


def code_paths(paths: Iterable[str | Path], *, fmt: str = "json", out_dir: str | Path | None = None, jobs: int = 1,
               resume: bool = False, options: Options | None = None, model: str | None = None,
               on_outcome: Callable[[FileOutcome], None] | None = None) -> RunSummary:
    """Code every transcript under ``paths``; return the run summary with corpus aggregates.

    ``on_outcome`` is called once per file as it finishes (progress bars, streaming output).
    With ``out_dir``, each transcript's outputs are written there and ``summary.json`` (plus
    ``summary.csv`` or ``index.html`` for those formats) at the end.
    """
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"fmt must be one of {OUTPUT_FORMATS}")
    if fmt in FILE_ONLY_FORMATS and out_dir is None:
        raise UserError(E.E030, fmt=fmt)
    out = Path(out_dir) if out_dir is not None else None
    job = Job(fmt, out, resume and out is not None, options or Options(), model)
    roots = [Path(p) for p in paths]
    run, started = RunSummary(), time.perf_counter()
    outcomes = _serial(roots, job) if jobs <= 1 else _parallel(roots, job, jobs)
    for outcome in outcomes:
        run.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    run.seconds = time.perf_counter() - started
    if run.done + run.resumed == 0 and not run.skipped:
        raise UserError(E.E032, paths=", ".join(map(str, roots)), formats=", ".join(FORMATS_IN))
    if out is not None:
        _write_summary(job, run)
    return run


def _serial(roots: list[Path], job: Job) -> Iterator[FileOutcome]:
    for source in iter_sources(roots, job.out_dir):
        yield source if isinstance(source, FileOutcome) else process(source, job)


def _parallel(roots: list[Path], job: Job, jobs: int) -> Iterator[FileOutcome]:
    """Outcomes in completion order, with at most ``2 * jobs`` files in flight (bounded memory)."""
    pending: set[Future[FileOutcome]] = set()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,)) as pool:
        try:
            for source in iter_sources(roots, job.out_dir):
                if isinstance(source, FileOutcome):
                    yield source
                    continue
                pending.add(pool.submit(_process_in_worker, source))
                if len(pending) >= 2 * jobs:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in finished)
            for future in _as_done(pending):
                yield future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _as_done(pending: set[Future[FileOutcome]]) -> Iterator[Future[FileOutcome]]:
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from finished


def _write_summary(job: Job, run: RunSummary) -> None:
    assert job.out_dir is not None
    data = run.to_dict()
    if job.fmt == "csv":
        write_atomic(job.out_dir / "summary.csv", outputs.to_csv(outputs.summary_rows(data["aggregate"]),
                                                                 outputs.SUMMARY_FIELDS))
    if job.fmt == "html":
        from heard.transcripts import report

        write_atomic(job.out_dir / "index.html", report.corpus_html(run))
    write_atomic(job.out_dir / "summary.json", outputs.to_json(data))
