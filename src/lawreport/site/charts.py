"""Charts drawn at build time as inline SVG: no chart library, no script, same bytes every build.

Bars are horizontal, one per figure, scaled to the largest figure of the chart (figures of one
unit only: counting 件 against 元 on one axis would mean nothing).
"""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 640
LABEL_W = 230
VALUE_W = 110
ROW_H = 24
BAR_H = 14


def bar_chart(rows: list[tuple[str, float, str]], title: str) -> Markup:
    """``rows``: (label, value, value as displayed).  Returns an accessible <svg> element."""
    if not rows:
        return Markup("")
    top = max(v for _, v, _ in rows) or 1
    plot = WIDTH - LABEL_W - VALUE_W
    height = ROW_H * len(rows) + 8
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value, shown) in enumerate(rows):
        y = 4 + i * ROW_H
        width = max(2.0, plot * float(value) / top) if value > 0 else 0.0
        short = label if len(label) <= 14 else label[:13] + "…"
        parts.append(
            f'<text class="chart-label" x="{LABEL_W - 8}" y="{y + BAR_H - 2}" text-anchor="end">{escape(short)}</text>'
            f'<rect class="chart-bar" x="{LABEL_W}" y="{y}" width="{width:.1f}" height="{BAR_H}" rx="2"/>'
            f'<text class="chart-value" x="{LABEL_W + width + 6:.1f}" y="{y + BAR_H - 2}">{escape(shown)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
