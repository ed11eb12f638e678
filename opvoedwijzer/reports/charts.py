"""Charts as server-side SVG: the same drawing in the page, in the PDF and in the yearly report.

No JavaScript and no inline styles (the CSP forbids them): presentation attributes only. The table
beside every chart carries the same numbers for screen readers; the SVG has a title and role="img".
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

PRIMARY = "#0b5d57"
PREVIOUS = "#9a9a9a"
TEXT = "#1b1b1b"
FONT = "DejaVu Sans, Arial, sans-serif"


def _short(label, width=34):
    label = str(label)
    return label if len(label) <= width else label[: width - 1] + "…"


def bar_chart(bars, *, title, chart_id, width=720, current_label="", previous_label=""):
    """Horizontal bars. `bars`: [(label, value, previous)], value/previous None when hidden (drawn
    as "x") and previous None everywhere when there is no comparison."""
    compare = any(previous is not None for _label, _value, previous in bars)
    label_width, value_width = 230, 56
    bar_area = width - label_width - value_width
    row_height = 34 if compare else 24
    legend = 40 if compare else 0
    height = 28 + legend + row_height * max(len(bars), 1) + 8
    largest = max([v for _l, v, p in bars for v in (v, p) if v] or [1])
    scale = bar_area / largest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'aria-labelledby="{chart_id}-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'font-family="{FONT}" font-size="13" fill="{TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(_short(title, 90))}</text>',
    ]
    y = 28
    if compare:
        parts += [
            f'<rect x="{label_width}" y="{y + 4}" width="12" height="12" fill="{PRIMARY}"/>',
            f'<text x="{label_width + 18}" y="{y + 14}">{escape(current_label)}</text>',
            f'<rect x="{label_width}" y="{y + 22}" width="12" height="12" fill="{PREVIOUS}"/>',
            f'<text x="{label_width + 18}" y="{y + 32}">{escape(previous_label)}</text>',
        ]
        y += legend
    for label, value, previous in bars:
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{escape(_short(label))}</text>'
        )
        bar_height = 13 if compare else 18
        series = [(value, PRIMARY), (previous, PREVIOUS)] if compare else [(value, PRIMARY)]
        for n, (amount, colour) in enumerate(series):
            top = y + 3 + n * (bar_height + 2)
            length = round((amount or 0) * scale, 1)
            if amount:
                parts.append(
                    f'<rect x="{label_width}" y="{top}" width="{length}" height="{bar_height}" '
                    f'fill="{colour}"/>'
                )
            shown = "x" if amount is None else str(amount)
            value_x, value_y = label_width + length + 6, top + bar_height - 3
            parts.append(f'<text x="{value_x}" y="{value_y}" font-size="12">{shown}</text>')
        y += row_height
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text escaped above
