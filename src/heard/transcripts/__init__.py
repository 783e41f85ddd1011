"""Code whole transcripts: read them, find the child's distress, code the caregivers' responses.

>>> from heard.transcripts import code_transcript
>>> result = code_transcript("session.cha")            # doctest: +SKIP
>>> result.to_dict()["total"]["attuned_share"]           # doctest: +SKIP

Readers (CHAT, plain text, CSV/JSONL) are in :mod:`~heard.transcripts.readers`, the distress
rules in :mod:`~heard.transcripts.distress`, episodes in :mod:`~heard.transcripts.episodes`,
profiles in :mod:`~heard.transcripts.profiles` and the streaming, multi-process driver behind
``heard code`` in :mod:`~heard.transcripts.run` (:func:`~heard.transcripts.run.code_paths`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from heard.transcripts.config import Options
from heard.transcripts.episodes import Episode, code_episodes, find_episodes
from heard.transcripts.profiles import Profile, TranscriptResult, profile_transcript
from heard.transcripts.readers import read_transcript
from heard.transcripts.types import Problem, Transcript, Turn

__all__ = ["Episode", "Options", "Problem", "Profile", "Transcript", "TranscriptResult", "Turn",
           "code_transcript", "code_turns", "read_transcript"]


def code_transcript(path: str | Path, engine: Any = None, *, where: str | None = None,
                    **options: Any) -> TranscriptResult:
    """Read one transcript, find its distress episodes, code the caregivers' responses, profile it.

    ``options`` are fields of :class:`Options` (``window_turns=4``, ``caregiver_roles=...``);
    ``engine`` defaults to ``heard.load()`` and is only loaded when there is something to code.
    Raises :class:`~heard.errors.UserError` when the file cannot be read at all.
    """
    opts = options.pop("options", None) or Options()
    if options:
        opts = replace(opts, **options)
    transcript = read_transcript(Path(path), opts, where)
    return code_turns(transcript, engine, opts)


def code_turns(transcript: Transcript, engine: Any = None, options: Options | None = None) -> TranscriptResult:
    """Episodes, coding and profiles for an already-read transcript."""
    options = options or Options()
    episodes = find_episodes(transcript, options)
    if any(e.caregiver_turns for e in episodes):
        if engine is None:
            import heard

            engine = heard.load()
        episodes = code_episodes(transcript, episodes, engine)
    return profile_transcript(transcript, episodes)
