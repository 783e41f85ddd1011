"""The engine: segment -> analyse context -> classify -> explain -> patterns -> feedback."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from heard import guard
from heard.codes import CODE_INFO
from heard.errors import E, UserError
from heard.evidence import read_evidence
from heard.explain import cue_spans
from heard.features import Featurizer, SentenceView, view
from heard.feedback import add_feedback
from heard.model import DEFAULT_MODEL, LinearModel
from heard.patterns import find_patterns
from heard.segment import split
from heard.stack import Position
from heard.types import CodeScore, Context, Result, SentenceResult, Span

# One response ready to code: its text, sentences, their offsets, and the context.
Prepared = tuple[str, list[str], list[tuple[int, int]], Context | None]


class Engine:
    """Loaded once (model weights, embeddings), then reused for every check."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self.featurizer = Featurizer()

    @classmethod
    def from_disk(cls, path: Path = DEFAULT_MODEL) -> Engine:
        """Load the model folder at ``path`` (the shipped model by default)."""
        return cls(LinearModel.from_disk(path))

    # -- public API --------------------------------------------------------------------
    def check(self, text: str, context: Context | None = None) -> Result:
        """Code a response given as free text: split it into sentences, then code each."""
        return self.pipe([(text, context)])[0]

    def check_sentences(self, sentences: Sequence[str], context: Context | None = None) -> Result:
        """Code sentences that are already split (what evaluation uses), in order."""
        return self.pipe_sentences([(sentences, context)])[0]

    def pipe(self, items: Iterable[tuple[str, Context | None]]) -> list[Result]:
        """Check many (text, context) pairs in one batch."""
        prepared = [_prepare(guard.check_text(text), guard.check_context(context)) for text, context in items]
        return self._run(prepared)

    def pipe_sentences(
        self, items: Iterable[tuple[Sequence[str], Context | None]], feedback: bool = True
    ) -> list[Result]:
        """Code many (sentences, context) pairs in one batch, without re-splitting.

        ``feedback=False`` skips the summary and the "try instead" (codes, cues and patterns
        only), for bulk coding such as evaluation and transcripts.
        """
        prepared = []
        for sentences, context in items:
            sents = list(sentences)
            if len(sents) > guard.MAX_SENTENCES:
                raise UserError(E.E011, count=len(sents), limit=guard.MAX_SENTENCES)
            offsets, text = _join(sents)
            # Given sentences (evaluation, transcripts) are coded as they are: no language gate.
            prepared.append((text, sents, offsets, guard.check_context(context, user_input=False)))
        return self._run(prepared, feedback)

    # -- internals ---------------------------------------------------------------------
    def _verify(self, sentences: Sequence[str], context: Context) -> bool:
        """Whether ``sentences`` code as attuned in ``context`` (used to vet suggestions).

        The text is re-split exactly as :meth:`check` would split it, so a suggestion is
        vetted the way anyone re-checking it will see it.
        """
        prepared = _prepare(" ".join(sentences), context)
        return self._run([prepared], feedback=False, explain=False)[0].attuned

    def _run(self, prepared: Sequence[Prepared], feedback: bool = True, explain: bool = True) -> list[Result]:
        views: list[list[SentenceView]] = []
        for _, sents, _, context in prepared:
            ctx = context or Context()
            ev = read_evidence(ctx)
            views.append([view(s, i, len(sents), ctx, ev) for i, s in enumerate(sents)])
        flat = [v for vs in views for v in vs]
        probs = self.model.proba_rows(self.featurizer.rows(flat))
        if self.model.stacker is not None:
            positions = [Position(v.index, v.n_sentences, v.evidence, v.context) for v in flat]
            probs = self.model.stacker.combine(probs, positions)
        decisions = self.model.decide(probs)
        results, k = [], 0
        for (text, _, offsets, context), vs in zip(prepared, views):
            coded = []
            for v, (start, end) in zip(vs, offsets):
                coded.append(self._sentence(v, start, end, probs[k], decisions[k], explain))
                k += 1
            results.append(self._result(text, context or Context(), tuple(coded), vs, feedback))
        return results

    def _sentence(
        self, v: SentenceView, start: int, end: int, probs: object, chosen: tuple[int, ...], explain: bool = True
    ) -> SentenceResult:
        scores = []
        for i in chosen:
            code = self.model.codes[i]
            # Vetting a suggestion only needs the codes; users always get the cue spans.
            spans = cue_spans(code, v, self.model) if explain else ()
            cues = tuple(Span(start + s.start, start + s.end, s.text) for s in spans)
            scores.append(CodeScore(code, float(probs[i]), cues, CODE_INFO[code].explanation))  # type: ignore[index]
        return SentenceResult(v.text, start, end, tuple(scores))

    def _result(
        self,
        text: str,
        context: Context,
        sentences: tuple[SentenceResult, ...],
        views: list[SentenceView],
        feedback: bool,
    ) -> Result:
        ev = views[0].evidence if views else read_evidence(context)
        patterns = find_patterns(sentences, ev, context.evidence)
        result = Result(text, context, sentences, patterns)
        return add_feedback(result, ev, self._verify) if feedback else result


def _prepare(text: str, context: Context) -> Prepared:
    """A free text split into sentences (with offsets), ready to code."""
    spans = split(text)
    return text, [s.text for s in spans], [(s.start, s.end) for s in spans], context


def _join(sentences: list[str]) -> tuple[list[tuple[int, int]], str]:
    offsets, pos = [], 0
    for s in sentences:
        offsets.append((pos, pos + len(s)))
        pos += len(s) + 1
    return offsets, " ".join(sentences)
