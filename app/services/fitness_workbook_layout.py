"""Sheet layout for the statistics workbook: typed tables with Chinese headers, number formats,
a frozen header row, filters and column widths; and native Excel bar charts over those tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

PERCENT: Final = "0.0%"
ONE_DECIMAL: Final = "0.0"
SIGNED: Final = "+0.0;-0.0;0.0"
INTEGER: Final = "0"
TEXT: Final = "@"
_HEADER_FILL: Final = PatternFill("solid", fgColor="DDEBF7")
_MAX_WIDTH: Final = 40
Sheet = Any  # openpyxl Worksheet


@dataclass(frozen=True)
class Col:
    header: str
    fmt: str = TEXT


def display_width(text: str) -> int:
    """Columns a text takes in Excel: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_table(
    ws: Sheet,
    cols: Sequence[Col],
    rows: Iterable[Sequence[object]],
    *,
    top: int = 1,
    freeze: bool = True,
) -> int:
    """Write a header row at ``top`` and the rows under it; returns the last row written."""
    widths = [display_width(c.header) for c in cols]
    for j, col in enumerate(cols, start=1):
        cell = ws.cell(row=top, column=j, value=col.header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = top
    for r, row in enumerate(rows, start=top + 1):
        for j, (col, value) in enumerate(zip(cols, row, strict=True), start=1):
            cell = ws.cell(row=r, column=j, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a name such as "=A1" stays text, never a formula
                widths[j - 1] = max(widths[j - 1], display_width(value))
            elif value is not None:
                cell.number_format = col.fmt
                widths[j - 1] = max(widths[j - 1], 8)
    for j, width in enumerate(widths, start=1):
        letter = get_column_letter(j)
        current = ws.column_dimensions[letter].width or 0
        ws.column_dimensions[letter].width = max(current, min(_MAX_WIDTH, width + 2))
    if freeze and top == 1:
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(r, 1)}"
    return r


def bar_chart(
    ws: Sheet,
    *,
    title: str,
    y_title: str,
    header_row: int,
    first_row: int,
    last_row: int,
    series_cols: tuple[int, int],
    category_col: int = 1,
    anchor: str,
    percent: bool = True,
) -> BarChart:
    """A clustered column chart of columns ``series_cols`` (first, last; headers name the series)
    against the categories in ``category_col``, placed at ``anchor``."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = PERCENT if percent else ONE_DECIMAL
    chart.y_axis.majorGridlines = None
    chart.height = 9
    chart.width = max(16.0, 1.2 * (last_row - first_row + 1))
    data = Reference(
        ws, min_col=series_cols[0], max_col=series_cols[1], min_row=header_row, max_row=last_row
    )
    cats = Reference(ws, min_col=category_col, min_row=first_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    # Axes shown explicitly: newer Excel hides axes whose "delete" flag is left unset.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)
    return chart
