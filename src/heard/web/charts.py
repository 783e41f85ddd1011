"""Small server-rendered SVG charts (no JS chart library, no inline styles: CSP-safe).

Each function returns SVG markup built from numbers and escaped labels only.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Point:
    """One point of a line chart: a label for the x axis and a value from 0 to 1."""

    label: str
    value: float
    marker: str = ""  # css class of the dot, e.g. "yes" / "no"


def share_line(points: list[Point], title: str, width: int = 600, height: int = 220) -> str:
    """A line of shares (0–100 %) over time, with labelled axes."""
    left, right, top, bottom = 52, 24, 16, 40
    w, h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (w / 2 if n == 1 else w * i / (n - 1))

    def y(v: float) -> float:
        return top + h * (1 - max(0.0, min(1.0, v)))

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for frac in (0, 0.5, 1):
        parts.append(f'<line class="grid" x1="{left}" x2="{left + w}" y1="{y(frac):.1f}" y2="{y(frac):.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 6}" y="{y(frac) + 4:.1f}" text-anchor="end">'
                     f"{int(frac * 100)}%</text>")
    if n:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points))
        parts.append(f'<path class="line" d="{path}" fill="none"/>')
    step = max(1, n // 8)
    for i, p in enumerate(points):
        label = f"{p.label}: {round(p.value * 100)}%"
        parts.append(f'<circle class="dot {escape(p.marker)}" cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="5">'
                     f"<title>{escape(label)}</title></circle>")
        if i % step == 0 or i == n - 1:
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            parts.append(f'<text class="axis" x="{x(i):.1f}" y="{height - 12}" text-anchor="{anchor}">'
                         f"{escape(p.label)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def bars(counts: list[tuple[str, int]], title: str, width: int = 600, css: str = "bar") -> str:
    """Horizontal bars with labels and counts (e.g. codes that keep coming back)."""
    row, label_w = 34, 170
    height = max(1, len(counts)) * row + 8
    top = max((c for _, c in counts), default=0) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for i, (label, count) in enumerate(counts):
        y = 4 + i * row
        bw = (width - label_w - 50) * count / top
        parts.append(f'<text class="axis" x="{label_w - 8}" y="{y + 22}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect class="{escape(css)} {escape(label)}" x="{label_w}" y="{y + 4}" width="{bw:.1f}" '
                     f'height="{row - 10}" rx="3"/>')
        parts.append(f'<text class="count" x="{label_w + bw + 6:.1f}" y="{y + 22}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)
