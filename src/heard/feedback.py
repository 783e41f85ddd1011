"""Feedback on a coded response: the one-line summary and the "try instead" suggestion.

A suggestion is only offered if heard itself codes it ``attuned`` in the same context;
otherwise the next, plainer candidate is tried (ending with the generic "You're upset.
I'm here."). Explanations per code and pattern live in :mod:`heard.codes`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from heard import suggest as sg
from heard.codes import CODE_INFO, PATTERN_INFO
from heard.evidence import Evidence, named_feelings, read_evidence
from heard.types import Context, Result, SentenceResult

Verifier = Callable[[Sequence[str], Context], bool]
KEEP = ("acknowledge", "validate", "presence", "limit")
MAX_SPOKEN = 4
_WELL = {"acknowledge": "you said what happened", "validate": "you let the feeling be okay",
         "presence": "you offered to be there", "limit": "you held a calm limit"}
_CHANGE = {
    "punish": "drop the threat or shaming ({cue})",
    "stop": "let the feeling run its course instead of asking it to stop ({cue})",
    "minimize": "say what happened instead of shrinking it ({cue})",
    "project": "name only what the child showed ({cue} goes beyond it)",
    "redirect": "acknowledge before distracting, fixing or giving in ({cue})",
    "regulate": "stay close instead of prescribing a technique ({cue})",
    "moralize": "hold the boundary as your own action instead of a lecture ({cue})",
}


def _transform(s: SentenceResult, ev: Evidence) -> tuple[str, list[str]]:
    """What becomes of one caregiver sentence: ("keep"|"ack"|"limit"|"drop", new sentences)."""
    labels = set(s.labels)
    if labels & set(KEEP) and labels <= {*KEEP, "other"}:
        return "keep", [s.text]
    if "project" in labels:
        lowered = [sg.lower_projection(f, ev) for f in named_feelings(s.text, ev)]
        return "ack", [t for t in lowered if t]
    if labels & {"punish", "moralize"}:
        limit = sg.limit_from(s.text)
        return "limit", [limit] if limit else []
    return "drop", []


def candidates(result: Result, ev: Evidence) -> list[list[str]]:
    """Suggestions from the richest to the plainest."""
    ctx = result.context
    kept: dict[str, list[str]] = {"keep": [], "ack": [], "limit": []}
    for s in result.sentences:
        kind, texts = _transform(s, ev)
        if kind != "drop":
            kept[kind] += texts
    own_ack = any("acknowledge" in s.labels and set(s.labels) <= {*KEEP, "other"} for s in result.sentences)
    opener = [] if own_ack else [t for t in (sg.situation_ack(ctx.situation), sg.feeling_ack(ev)) if t]
    if opener and not ev.distress and len(opener) == 1:
        opener.append("I saw.")
    kept_codes = {c for s in result.sentences for c in s.labels if s.text in kept["keep"]}
    limits = kept["limit"][:1]  # one calm limit is enough
    spoken = sg.dedupe([*opener, *kept["ack"], *kept["keep"], *limits])[:MAX_SPOKEN]
    plain = sg.dedupe([*opener, *kept["ack"], *limits])[:MAX_SPOKEN]
    out = []
    for body in (spoken, plain, opener[:1]):
        if body:
            out.append(body + sg.closing(ev, kept_codes if body is spoken else set()))
    out.extend(sg.generic(ev))
    return out


def choose(cands: list[list[str]], context: Context, verify: Verifier | None) -> str:
    """The first candidate that heard codes attuned (the last one when none does)."""
    for cand in cands:
        if verify is None or verify(cand, context):
            return " ".join(cand)
    return " ".join(cands[-1])


def summary(result: Result, distressed: bool = True) -> str:
    """One line: what went well and the one change that matters most."""
    codes = {c for s in result.sentences for c in s.labels}
    well = [_WELL[c] for c in KEEP if c in codes]
    problems = sorted((c for c in codes if c in _CHANGE), key=lambda c: CODE_INFO[c].order)
    head = ("Good: " + ", ".join(well) + ". ") if well else ""
    if problems:
        code = problems[0]
        said = next(s.text for s in result.sentences if code in s.labels)
        cue = '"' + (said if len(said) <= 60 else said[:57] + '...') + '"'
        return head + "The change that matters most: " + _CHANGE[code].format(cue=cue) + "."
    if "too_much_talk" in result.pattern_names:
        return head + "The change that matters most: use fewer words; one or two short sentences, then wait."
    if codes <= {"other"} and not distressed:
        return "Everyday talk: nothing here calls for a change. If a feeling shows up, start by saying what you see."
    if "acknowledge" not in codes:
        return head + "The change that matters most: open by saying what happened, from the child's side."
    return head + PATTERN_INFO["attuned"].try_instead


_IMPLIED = re.compile(r"\b(?:cry\w*|tears|sobb\w*|whin\w*|scream\w*|fuss\w*|tantrum|meltdown)\b", re.I)


def implied_context(result: Result) -> Context:
    """The context, plus what the caregiver's own words say the child is doing when the
    context says nothing ("Stop crying." -> the child is crying). Used for the suggestion only."""
    ctx = result.context
    if ctx.child:
        return ctx
    shown = [m.group() for m in _IMPLIED.finditer(result.text)]
    return dataclasses.replace(ctx, child=" ".join(shown)) if shown else ctx


def add_feedback(result: Result, ev: Evidence, verify: Verifier | None = None) -> Result:
    """``result`` with its summary and suggestion filled in."""
    ctx = implied_context(result)
    if ctx is not result.context:
        ev = read_evidence(ctx)
    suggestion = choose(candidates(dataclasses.replace(result, context=ctx), ev), ctx, verify)
    return dataclasses.replace(result, suggestion=suggestion, summary=summary(result, ev.distress > 0))
