"""Bar charts as inline SVG: no script, no external asset, every text escaped.

Each bar carries a `<title>` (the browser shows it on hover), so a reader gets the exact
figures without JavaScript; the chart itself has role="img" and a label for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 720, 210
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 26
MAX_BAR = 48  # a chart of two or three periods keeps slim bars
BAR = "#4a90d9"
ACCENT = "#d9822b"
GRID = "#ddd"
INK = "#555"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # shown under the axis (some of them, when there are many)
    value: int
    tooltip: str


STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


def nice_ceiling(value: int) -> int:
    """The smallest round number >= value (at least 1): 1, 2, 3, 4, 5, 6, 8, 10, 12, 15,
    20, 25, 30, 40, 50, 60, 80, 100, 120... so that the tallest bar nearly fills the chart."""
    step = 1
    while True:
        for m in STEPS:
            top = step * m
            if top == int(top) and top >= value:
                return int(top)
        step *= 10


def _text(x: float, y: float, body: str, anchor: str = "middle", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
        f' fill="{INK}">{escape(body)}</text>'
    )


def column_chart(bars: Sequence[Bar], *, label: str) -> str:
    """Vertical bars over time, with a y axis (0, half, top) and up to ~12 x labels."""
    if not bars:
        return f'<p class="meta">{escape(label)}: nothing to show yet.</p>'
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = nice_ceiling(max(b.value for b in bars))
    slot = plot_w / len(bars)
    gap = slot * 0.15 if slot > 4 else 0
    every = max(1, -(-len(bars) // 12))
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]
    for fraction in (0, 0.5, 1):
        y = TOP + plot_h * (1 - fraction)
        value = top * fraction
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        if value == int(value):  # counts are whole: no "0.5" on the axis
            parts.append(_text(LEFT - 6, y + 4, f"{int(value):,}", "end"))
    for i, bar in enumerate(bars):
        x = LEFT + i * slot
        if bar.value > 0:
            h = max(plot_h * bar.value / top, 1)
            width = min(max(slot - gap, 0.5), MAX_BAR)
            parts.append(
                f'<rect class="bar" x="{x + (slot - width) / 2:.2f}" y="{TOP + plot_h - h:.2f}"'
                f' width="{width:.2f}" height="{h:.2f}" fill="{BAR}">'
                f"<title>{escape(bar.tooltip)}</title></rect>"
            )
        if i % every == 0:
            parts.append(_text(x + slot / 2, HEIGHT - 8, bar.label, size=10))
    parts.append("</svg>")
    return "".join(parts)


def share_chart(rows: Sequence[tuple[str, int, float]], *, label: str, accent: str = "") -> str:
    """Horizontal bars: one row per (name, count, share), the `accent` row highlighted."""
    row_h, name_w, bar_w = 26, 130, 430
    height = row_h * len(rows) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]
    for i, (name, count, share) in enumerate(rows):
        y = 4 + i * row_h
        fill = ACCENT if name == accent else BAR
        width = bar_w * share
        parts.append(_text(name_w - 8, y + 17, name, "end", 13))
        parts.append(
            f'<rect class="bar" x="{name_w}" y="{y + 4}" width="{max(width, 0.5):.2f}"'
            f' height="{row_h - 8}" fill="{fill}"><title>{escape(name)}: {count}'
            f" ({share:.1%})</title></rect>"
        )
        parts.append(_text(name_w + width + 8, y + 17, f"{share:.1%} ({count:,})", "start", 12))
    parts.append("</svg>")
    return "".join(parts)
