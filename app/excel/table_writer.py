"""Writing a small table back to .xlsx with every cell as text (e.g. rejected import rows).

Text, not numbers: a clerk fixes the rows and imports the file again, and an identifier written
back as a number would lose its leading zeros or its last digits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from app.errors import UserError
from app.i18n import tr

TEXT_FORMAT = "@"


def cell_text(value: object) -> str:
    """A cell value as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_text_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str = "Sheet1",
) -> None:
    """Write ``headers`` (bold) and ``rows`` to a new .xlsx, every cell as text."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title[:31])
    sheet.append([_text_cell(sheet, h, bold=True) for h in headers])
    for row in rows:
        sheet.append([_text_cell(sheet, v) for v in row])
    try:
        book.save(path)
    except OSError as exc:
        raise UserError(
            tr("The file {path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Close it in Excel or WPS if it is open there, or choose another name."),
        ) from None


def _text_cell(sheet: object, value: object, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=cell_text(value))
    cell.data_type = "s"  # a value such as "=1+1" stays text, never a formula
    cell.number_format = TEXT_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell
