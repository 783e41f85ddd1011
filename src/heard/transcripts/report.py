"""Self-contained HTML reports: one page per transcript and an index for the corpus.

Plots are drawn with matplotlib's Agg backend and embedded as inline SVG, so a report is one
file with no external resources (it can be mailed or archived as is).
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from heard.transcripts.profiles import AGE_BANDS, TranscriptResult
from heard.types import ATTUNED_CODES, CODES

if TYPE_CHECKING:
    from heard.transcripts.run import RunSummary

_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)
COLORS = {"acknowledge": "#2e7d32", "validate": "#66bb6a", "presence": "#26a69a", "limit": "#1e88e5",
          "project": "#ab47bc", "minimize": "#fdd835", "stop": "#e53935", "regulate": "#fb8c00",
          "redirect": "#ffb74d", "moralize": "#c62828", "punish": "#6d0000", "other": "#bdbdbd"}


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("heard.transcripts", "templates"), autoescape=select_autoescape())


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: reports are drawn in workers and on servers
    import matplotlib.pyplot as plt

    return plt


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    _pyplot().close(fig)
    text = buf.getvalue()
    text = _METADATA.sub("", text)  # creation date and RDF namespaces: noise in a report
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: the SVG is inlined in HTML


def codes_per_speaker_svg(result: TranscriptResult) -> str | None:
    """Stacked bars: how many of each speaker's coded sentences carry each code."""
    speakers = [s for s in result.speakers if s.profile.sentences]
    if not speakers:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 0.6 + 0.5 * len(speakers)))
    left = [0] * len(speakers)
    for code in CODES:
        counts = [s.profile.codes.get(code, 0) for s in speakers]
        if any(counts):
            ax.barh([s.speaker for s in speakers], counts, left=left, color=COLORS[code], label=code)
            left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_xlabel("coded sentences in distress episodes")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=6, fontsize=7, frameon=False)
    return _svg(fig)


def episodes_svg(result: TranscriptResult) -> str | None:
    """Episodes along the transcript: green if a response was attuned, red if not, grey if unanswered."""
    if not result.episodes:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 1.4))
    for ep in result.episodes:
        end = max((*ep.child_turns, *ep.caregiver_turns))
        color = ("#9e9e9e" if not ep.responses else
                 "#2e7d32" if any(r.attuned for r in ep.responses) else "#e53935")
        ax.axvspan(ep.start, end + 1, color=color, alpha=0.7)
        ax.text((ep.start + end + 1) / 2, 0.5, str(ep.index), ha="center", va="center", fontsize=7)
    ax.set_xlim(0, max(result.utterances, 1))
    ax.set_yticks([])
    ax.set_xlabel("utterance")
    return _svg(fig)


def transcript_html(result: TranscriptResult) -> str:
    """One transcript's report: profile per speaker, plots, and every episode with its codes."""
    return _env().get_template("transcript.html").render(
        r=result, d=result.to_dict(), codes=CODES, attuned_codes=ATTUNED_CODES, colors=COLORS,
        plot_codes=codes_per_speaker_svg(result), plot_episodes=episodes_svg(result))


def age_trend_svg(points: list[tuple[int, float | None, dict[str, float]]]) -> str | None:
    """Attuned share and the not-attuned rate per transcript against the child's age."""
    usable = [(age, share, rates) for age, share, rates in points if share is not None]
    if not usable:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.scatter([a for a, _, _ in usable], [s for _, s, _ in usable], s=12, color="#2e7d32", label="attuned share")
    bands = []
    for lo, hi, _ in AGE_BANDS:
        shares = [s for a, s, _ in usable if lo <= a <= hi]
        if shares:
            bands.append(((lo + min(hi, 72)) / 2, sum(shares) / len(shares)))
    if bands:
        ax.plot([b[0] for b in bands], [b[1] for b in bands], color="#1b5e20", label="mean by age band")
    ax.set_xlabel("child's age (months)")
    ax.set_ylabel("share of responses")
    ax.set_ylim(-0.05, 1.05)
    ax.legend(fontsize=7, frameon=False)
    return _svg(fig)


def corpus_html(run: RunSummary) -> str:
    """The corpus index: totals, per corpus / child / age band tables, age trend, skipped files."""
    data = run.to_dict()
    return _env().get_template("corpus.html").render(
        d=data, codes=CODES, colors=COLORS, plot_age=age_trend_svg(run.aggregate.points))
