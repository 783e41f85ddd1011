"""Practice progress: the share of attuned answers over time and the codes that recur."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from heard.store.repository import Attempt
from heard.web.charts import Point, bars, share_line

WINDOW = 5  # attempts in the rolling share: enough to smooth, few enough to show change


@dataclass(frozen=True)
class Progress:
    """What the progress page and the API show."""

    attempts: int
    attuned: int
    points: tuple[Point, ...]
    recurring: tuple[tuple[str, int], ...]
    by_day: tuple[tuple[str, int, int], ...]  # (date, attempts, attuned)

    @property
    def share(self) -> float:
        return self.attuned / self.attempts if self.attempts else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"attempts": self.attempts, "attuned": self.attuned, "share_attuned": round(self.share, 4),
                "rolling": [{"label": p.label, "share_attuned": round(p.value, 4)} for p in self.points],
                "recurring_codes": [{"code": c, "count": n} for c, n in self.recurring],
                "by_day": [{"date": d, "attempts": n, "attuned": a} for d, n, a in self.by_day]}

    def line_svg(self) -> str:
        return share_line(list(self.points), f"Share of attuned answers, last {WINDOW} attempts at each point")

    def bars_svg(self) -> str:
        return bars(list(self.recurring), "Not-attuned codes in your answers", css="bar")


def compute(attempts: list[Attempt]) -> Progress:
    """Progress from attempts in chronological order."""
    points = []
    for i, attempt in enumerate(attempts):
        window = attempts[max(0, i - WINDOW + 1): i + 1]
        share = sum(a.attuned for a in window) / len(window)
        points.append(Point(f"#{i + 1} {attempt.created_at:%b %d}", share, "yes" if attempt.attuned else "no"))
    codes = Counter(c for a in attempts for c in a.codes)
    days: dict[str, list[int]] = {}
    for a in attempts:
        day = days.setdefault(a.created_at.date().isoformat(), [0, 0])
        day[0] += 1
        day[1] += int(a.attuned)
    return Progress(len(attempts), sum(a.attuned for a in attempts), tuple(points),
                    tuple(codes.most_common()), tuple((d, n, k) for d, (n, k) in days.items()))
