"""Charts as inline SVG, drawn here: a report must open offline, years later, with no CDN.

Horizontal bars suit every figure in the report (counts by rule, action, type; rates with their
confidence intervals); one small function each keeps the markup predictable and testable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

WIDTH = 640
BAR = 22
GAP = 8
LABEL = 240
PALETTE = ("#3b6ea8", "#c8553d", "#4f9d69", "#8c6bb1", "#d4a72c", "#5c6f7b")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def bar_chart(title: str, values: Mapping[str, float], *, unit: str = "") -> str:
    """A horizontal bar chart of ``values`` (label -> number), largest scale at full width."""
    items = list(values.items())
    height = 34 + max(len(items), 1) * (BAR + GAP)
    top = max((v for _, v in items), default=0) or 1
    span = WIDTH - LABEL - 90
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    if not items:
        parts.append('<text x="0" y="48" font-size="12" fill="#666">no data</text>')
    for index, (label, value) in enumerate(items):
        y = 30 + index * (BAR + GAP)
        width = max(span * value / top, 1 if value else 0)
        color = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR * 0.7:.1f}" font-size="12" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        parts.append(
            f'<rect class="bar" data-value="{value}" x="{LABEL}" y="{y}" width="{width:.1f}" '
            f'height="{BAR}" fill="{color}"><title>{escape(label)}: '
            f"{_number(value)}{escape(unit)}</title></rect>"
        )
        parts.append(
            f'<text x="{LABEL + width + 6:.1f}" y="{y + BAR * 0.7:.1f}" '
            f'font-size="12">{_number(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def interval_chart(
    title: str, rows: Sequence[tuple[str, float, float, float]], *, unit: str = "%"
) -> str:
    """Rates with confidence intervals: (label, rate, low, high), all in [0, 1]."""
    height = 34 + max(len(rows), 1) * (BAR + GAP)
    span = WIDTH - LABEL - 90
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="18" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    if not rows:
        parts.append('<text x="0" y="48" font-size="12" fill="#666">no data</text>')
    for index, (label, rate, low, high) in enumerate(rows):
        y = 30 + index * (BAR + GAP)
        color = PALETTE[index % len(PALETTE)]
        middle = y + BAR / 2
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR * 0.7:.1f}" font-size="12" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        parts.append(
            f'<rect class="bar" data-value="{rate}" x="{LABEL}" y="{y + 4}" '
            f'width="{max(span * rate, 1) if rate > 0 else 0:.1f}" '
            f'height="{BAR - 8}" fill="{color}" opacity="0.75"><title>{escape(label)}: '
            f"{rate * 100:.1f}{unit} ({low * 100:.1f}-{high * 100:.1f})</title></rect>"
        )
        parts.append(
            f'<line x1="{LABEL + span * low:.1f}" x2="{LABEL + span * high:.1f}" '
            f'y1="{middle}" y2="{middle}" stroke="#222" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{LABEL + span + 6:.1f}" y="{y + BAR * 0.7:.1f}" font-size="12">'
            f"{rate * 100:.1f}{unit}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
