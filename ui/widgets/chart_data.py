"""The data side of the charts (``ui/widgets/charts.py``): series, reference lines, the value
axis's ticks and how values are written. Plain Python apart from QColor, so the arithmetic is
tested without painting anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QColor

# Tableau 10: distinguishable colours that also survive a grey-scale printout reasonably.
PALETTE: Final = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
ColorLike = QColor | str | None
ValueFormat = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    """One named row of values, one per category (None: no value there)."""

    name: str
    values: tuple[float | None, ...]
    color: QColor


@dataclass(frozen=True)
class ReferenceLine:
    """A dashed line across the plot at ``value`` (e.g. the school or district mean)."""

    value: float
    label: str = ""
    color: str = "#c62828"


SeriesLike = (
    Series | tuple[str, Sequence[float | None]] | tuple[str, Sequence[float | None], ColorLike]
)


def as_series(items: Iterable[SeriesLike], categories: int) -> tuple[Series, ...]:
    """``(name, values[, colour])`` tuples or Series, checked against the number of categories;
    a missing colour comes from the palette, by position."""
    out = []
    for i, item in enumerate(items):
        values: Sequence[float | None]
        if isinstance(item, Series):
            name, values, color = item.name, item.values, item.color
        else:
            name, values = item[0], item[1]
            given = item[2] if len(item) > 2 else None
            color = QColor(given if given is not None else PALETTE[i % len(PALETTE)])
        values = tuple(None if v is None else float(v) for v in values)
        if len(values) != categories:
            raise ValueError(
                f"series {name!r} has {len(values)} values for {categories} categories"
            )
        out.append(Series(str(name), values, QColor(color)))
    return tuple(out)


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``count`` intervals over ``span``."""
    raw = span / max(count, 1)
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power * (1 + 1e-9):
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def value_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``…``high`` (the first and last are the axis ends)."""
    if high - low <= 1e-6 * max(1.0, abs(low), abs(high)):  # one value (or nearly): a unit
        high = low + 1.0
    step = nice_step(high - low, count)
    start = math.floor(low / step + 1e-9) * step
    end = math.ceil(high / step - 1e-9) * step
    n = round((end - start) / step)
    return [round(start + i * step, 12) for i in range(n + 1)]


def data_range(values: Iterable[float], *, include: Iterable[float] = ()) -> tuple[float, float]:
    """The smallest range holding zero, every value and ``include`` (reference lines)."""
    found = [0.0, *values, *include]
    return min(found), max(found)


def tick_text(value: float, step: float, *, percent: bool) -> str:
    if percent:
        value, step = value * 100, step * 100
    # As many decimals as the step needs: 2.5 % steps show "2.5%", 0.1 steps "0.1".
    decimals = next((d for d in range(5) if abs(round(step, d) - step) < 1e-9 * step), 4)
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text + ("%" if percent else "")


def value_text(value: float, *, percent: bool) -> str:
    """A bar's label: rates with one decimal ("45.2%"), numbers as short as exact to 0.1."""
    if percent:
        return f"{value * 100:.1f}%"
    return f"{round(value, 1):g}"


def compact_text(value: float, *, percent: bool) -> str:
    """The label again, shorter, for narrow bars ("45%", "12")."""
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:.0f}"


def signed(value: float) -> str:
    """A change: "+1.6", "-0.4", "0.0" (a ``value_format`` for gains and losses)."""
    text = f"{value:+.1f}"
    return text[1:] if float(text) == 0 else text


def readable_on(color: QColor) -> QColor:
    """Black or white text, whichever reads better on ``color``."""
    luma = 0.299 * color.redF() + 0.587 * color.greenF() + 0.114 * color.blueF()
    return QColor("#000000") if luma > 0.6 else QColor("#ffffff")
