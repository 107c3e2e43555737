"""Charts as SVG rendered on the server: pure functions from numbers to markup.

Every chart carries a <title> and <desc> (read by screen readers, since the
<svg> has role="img"), uses CSS classes for colour (the strict CSP forbids
style attributes and inline scripts) and escapes every piece of text. Pages
show each chart next to a table with the same numbers.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.utils.formats import date_format, get_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

WIDTH = 640
HEIGHT = 260
MARGIN_LEFT = 56
MARGIN_RIGHT = 12
MARGIN_TOP = 12
MARGIN_BOTTOM = 36
SERIES_CLASSES = 6  # chart__series--0 … --5 in site.css

_ids = itertools.count(1)


@dataclass(frozen=True)
class Series:
    """One named row of numbers, one value per category (for example per day)."""

    label: str
    values: Sequence[int]


@lru_cache(maxsize=8192)
def _day_in(day: date, format_name: str, language: str | None) -> str:
    """A day in the active `language`'s format; remembered, as charts and their tables
    show the same few hundred days on every render."""
    return date_format(day, format_name)


def escape(text) -> str:
    """Text safe inside SVG elements and attribute values."""
    return html.escape(str(text), quote=True)


def group_digits(value: int, separator: str | None = None) -> str:
    """1234567 → "1,234,567" in English, "1 234 567" in Spanish: the active language's
    thousands separator (pass `thousands_separator()` when formatting many numbers)."""
    text = f"{value:,}"
    separator = thousands_separator() if separator is None else separator
    return text if separator == "," else text.replace(",", separator)


def thousands_separator() -> str:
    return _separator(get_language())


@lru_cache(maxsize=32)
def _separator(language: str | None) -> str:
    return str(get_format("THOUSAND_SEPARATOR", lang=language, use_l10n=True))


def _number(value: int | float, separator: str | None = None) -> str:
    """Grouped digits in the active language."""
    if isinstance(value, int):
        return group_digits(value, separator)
    return number_format(value, force_grouping=True)


def _nice_max(value: int) -> int:
    """A round upper bound for an axis, at least 1."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)  # pragma: no cover - the loop always returns


def _open(title: str, description: str, width: int, height: int, css: str) -> str:
    uid = f"chart-{next(_ids)}"
    return (
        f'<svg class="chart {css}" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{uid}-title {uid}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(description)}</desc>'
    )


def _y_axis(top: int) -> list[str]:
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    parts = ['<g class="chart__axis" aria-hidden="true">']
    for fraction in (0, 0.5, 1):
        y = MARGIN_TOP + plot_height * (1 - fraction)
        parts.append(
            f'<line class="chart__grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="chart__label" x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(_number(round(top * fraction)))}</text>'
        )
    parts.append("</g>")
    return parts


def _x_labels(days: Sequence[date], step_width: float) -> list[str]:
    every = max(1, len(days) // 8)
    language = get_language()
    parts = ['<g class="chart__axis" aria-hidden="true">']
    for index, day in enumerate(days):
        if index % every:
            continue
        x = MARGIN_LEFT + step_width * (index + 0.5)
        parts.append(
            f'<text class="chart__label" x="{x:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 16}" '
            f'text-anchor="middle">{escape(_day_in(day, "M j", language))}</text>'
        )
    parts.append("</g>")
    return parts


def _empty(title: str, description: str, message: str) -> SafeString:
    parts = [
        _open(title, description, WIDTH, 80, "chart--empty"),
        f'<text class="chart__label" x="{WIDTH / 2}" y="44" text-anchor="middle">'
        f"{escape(message)}</text></svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped above


def daily_bars(
    days: Sequence[date],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    empty_message: str = "",
) -> SafeString:
    """Stacked bars: one bar per day, one colour per series (kind of action)."""
    totals = [sum(values) for values in zip(*(s.values for s in series), strict=True)] or []
    if not days or not any(totals):
        return _empty(title, description, empty_message)
    top = _nice_max(max(totals))
    step = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(days)
    bar = max(step * 0.8, 1)
    parts = [_open(title, description, WIDTH, HEIGHT, "chart--bars"), *_y_axis(top)]
    labels = tuple(str(item.label) for item in series)
    language, separator = get_language(), thousands_separator()
    for index, day in enumerate(days):
        x = MARGIN_LEFT + step * index + (step - bar) / 2
        values = tuple(item.values[index] for item in series)
        parts.append(_day_bars(day, values, labels, x, bar, top, language, separator))
    parts += _x_labels(days, step)
    parts.append(_legend(series))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped


# A long campaign's chart redraws the same past days on every render: each day's bars are
# built once per position, scale and language.
@lru_cache(maxsize=8192)
def _day_bars(day, values, labels, x, bar, top, language, separator) -> str:
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    day_label = _day_in(day, "DATE_FORMAT", language)
    base = HEIGHT - MARGIN_BOTTOM
    parts = []
    for number, (label, value) in enumerate(zip(labels, values, strict=True)):
        if not value:
            continue
        height = plot_height * value / top
        base -= height
        title = f"{day_label}, {label}: {_number(value, separator)}"
        parts.append(
            f'<rect class="chart__series--{number % SERIES_CLASSES}" x="{x:.1f}" '
            f'y="{base:.1f}" width="{bar:.1f}" height="{height:.1f}">'
            f"<title>{escape(title)}</title></rect>"
        )
    return "".join(parts)


def _legend(series: Sequence[Series]) -> str:
    parts = ['<g class="chart__legend" aria-hidden="true">']
    x = MARGIN_LEFT
    for number, item in enumerate(series):
        parts.append(
            f'<rect class="chart__series--{number % SERIES_CLASSES}" x="{x}" '
            f'y="{HEIGHT - 14}" width="10" height="10"/>'
            f'<text class="chart__label" x="{x + 14}" y="{HEIGHT - 5}">{escape(item.label)}</text>'
        )
        x += 24 + 8 * len(item.label)
    parts.append("</g>")
    return "".join(parts)


def cumulative_line(
    days: Sequence[date],
    values: Sequence[int],
    *,
    title: str,
    description: str,
    empty_message: str = "",
) -> SafeString:
    """A running total over the days, as a line with a point per day."""
    running = list(itertools.accumulate(values))
    if not days or not running or not running[-1]:
        return _empty(title, description, empty_message)
    top = _nice_max(running[-1])
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(days)
    points = []
    for index, total in enumerate(running):
        x = MARGIN_LEFT + step * (index + 0.5)
        y = MARGIN_TOP + plot_height * (1 - total / top)
        points.append((x, y, days[index], total))
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _day, _total in points)
    parts = [_open(title, description, WIDTH, HEIGHT, "chart--line"), *_y_axis(top)]
    parts.append(f'<polyline class="chart__line" points="{path}"/>')
    language, separator = get_language(), thousands_separator()
    for x, y, day, total in points:
        label = f"{_day_in(day, 'DATE_FORMAT', language)}: {_number(total, separator)}"
        parts.append(
            f'<circle class="chart__point" cx="{x:.1f}" cy="{y:.1f}" r="3">'
            f"<title>{escape(label)}</title></circle>"
        )
    parts += _x_labels(days, step)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped


def horizontal_bars(
    rows: Sequence[tuple[str, int]],
    *,
    title: str,
    description: str,
    empty_message: str = "",
    limit: int = 15,
) -> SafeString:
    """One bar per label (a state, a source code), largest first, at most `limit` bars."""
    rows = sorted((row for row in rows if row[1] > 0), key=lambda row: (-row[1], row[0]))[:limit]
    if not rows:
        return _empty(title, description, empty_message)
    row_height = 22
    label_width = 150
    height = row_height * len(rows) + 8
    top = max(value for _label, value in rows)
    plot = WIDTH - label_width - 70
    parts = [_open(title, description, WIDTH, height, "chart--hbars")]
    for index, (label, value) in enumerate(rows):
        y = 4 + index * row_height
        width = max(plot * value / top, 1)
        parts.append(
            f'<text class="chart__label" x="{label_width - 6}" y="{y + 15}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect class="chart__series--0" x="{label_width}" y="{y + 3}" '
            f'width="{width:.1f}" height="{row_height - 6}"/>'
            f'<text class="chart__label" x="{label_width + width + 6:.1f}" '
            f'y="{y + 15}">{escape(_number(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped


# A tile grid of the United States: (column, row) per postal code.
STATE_TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2),
    "WI": (6, 2), "MI": (7, 2), "NY": (8, 2), "RI": (9, 2), "MA": (10, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3),
    "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4),
    "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5),
    "SC": (7, 5), "DC": (8, 5),
    "GU": (0, 6), "MP": (1, 6), "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6),
    "GA": (7, 6),
    "HI": (0, 7), "AS": (1, 7), "TX": (3, 7), "FL": (8, 7), "PR": (9, 7), "VI": (10, 7),
}  # fmt: skip
TILE = 50
LEVELS = 5  # chart__tile--0 … --4 in site.css


def state_tile_map(
    values: dict[str, int],
    *,
    title: str,
    description: str,
) -> SafeString:
    """The states as equal tiles, shaded by their value (darker = more)."""
    top = max(values.values(), default=0)
    columns = 1 + max(column for column, _row in STATE_TILES.values())
    rows = 1 + max(row for _column, row in STATE_TILES.values())
    parts = [_open(title, description, columns * TILE, rows * TILE, "chart--map")]
    for state, (column, row) in STATE_TILES.items():
        value = values.get(state, 0)
        level = 0 if not value or not top else 1 + min(LEVELS - 2, (LEVELS - 1) * value // top)
        x, y = column * TILE, row * TILE
        parts.append(
            f'<g class="chart__tile chart__tile--{level}"><title>'
            f"{escape(f'{state}: {_number(value)}')}</title>"
            f'<rect x="{x + 2}" y="{y + 2}" width="{TILE - 4}" height="{TILE - 4}" rx="4"/>'
            f'<text x="{x + TILE / 2}" y="{y + TILE / 2 + 5}" text-anchor="middle">'
            f"{escape(state)}</text></g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped


def table_rows(rows: Sequence[tuple[date, Sequence[int]]]) -> SafeString:
    """`<tr>` rows for a chart's data table: the day as a row header, then grouped numbers.

    The day tables hold one row per day (hundreds for a long campaign); building them
    here costs a fraction of a template loop over every cell.
    """
    language, separator = get_language(), thousands_separator()
    parts = [_table_row(day, tuple(values), language, separator) for day, values in rows]
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped


@lru_cache(maxsize=8192)
def _table_row(day: date, values: tuple, language, separator: str) -> str:
    cells = "".join(
        f'<td class="num">{escape(group_digits(int(value), separator))}</td>' for value in values
    )
    return f'<tr><th scope="row">{escape(_day_in(day, "DATE_FORMAT", language))}</th>{cells}</tr>'
