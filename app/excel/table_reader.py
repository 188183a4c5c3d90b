"""One sheet of a spreadsheet (.xlsx, .xls) or a .csv file as a header plus data rows.

python-calamine reads both Excel formats (8× faster than openpyxl); it returns whole numbers as
floats (or ints in .xls) and date cells as ``date``/``datetime``. CSV files come from Excel
("CSV UTF-8", with a BOM) or from older Chinese systems in GBK; GB18030 is a superset of GBK, so
the fallback decodes both. Values are returned as read: the caller validates them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import python_calamine

from app.errors import ImportFileError
from app.excel.header_mapping import Synonyms, count_known_headers
from app.i18n import tr

HEADER_SEARCH_ROWS = 10  # a title, a date line or notes often sit above the header
MIN_HEADER_HITS = 2
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
CSV_SUFFIXES = (".csv", ".txt")
_ZIP_MAGIC = b"PK\x03\x04"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream name of an encrypted OOXML file inside its CFB container, stored as UTF-16LE.
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class RawTable:
    """A sheet's header row and the non-blank rows below it, each with its spreadsheet row number."""

    source: Path
    sheet: str  # sheet name ("" for CSV)
    header_row: int  # spreadsheet row number of the header (1-based)
    headers: tuple[str, ...]  # as written (outer whitespace trimmed); "" for an empty header cell
    rows: list[list[object]]  # one list per row, padded to len(headers); empty cells are None
    row_numbers: list[int]  # spreadsheet row number of each row in ``rows``
    skipped_blank: int  # blank rows between the header and the last data row


def read_table(
    path: Path, *, sheet: str | int | None = None, synonyms: Synonyms | None = None
) -> RawTable:
    """Read one sheet (the first visible one unless ``sheet`` names it) or a CSV file.

    With ``synonyms``, the header is the first of the first ten rows naming at least two known
    fields; otherwise (or when none does) it is the first non-blank row.
    """
    path = Path(path)
    data = _read_bytes(path)
    if data[:4] == _ZIP_MAGIC or data[:8] == _CFB_MAGIC:
        name, grid = _read_workbook(path, data, sheet)
    elif path.suffix.lower() in EXCEL_SUFFIXES:
        raise _unreadable(path)
    else:
        name, grid = "", _read_csv(path, data)
    return _build_table(path, name, grid, synonyms)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(
            tr("The file {path} does not exist.", path=path), tr("Check the file name and folder.")
        ) from None
    except OSError as exc:
        raise ImportFileError(
            tr("The file {path} cannot be opened ({reason}).", path=path, reason=exc.strerror),
            tr("Close it in Excel or WPS if it is open there, then try again."),
        ) from None
    if not data.strip():
        raise ImportFileError(
            tr("The file {path} is empty.", path=path), tr("Choose the file that holds the data.")
        )
    return data


def _unreadable(path: Path) -> ImportFileError:
    return ImportFileError(
        tr("The file {path} cannot be read as a spreadsheet; it may be damaged.", path=path),
        tr("Open it in Excel or WPS, save it again as .xlsx and import that copy."),
    )


def _read_workbook(
    path: Path, data: bytes, sheet: str | int | None
) -> tuple[str, list[list[object]]]:
    if data[:8] == _CFB_MAGIC and _ENCRYPTED_MARK in data:
        raise ImportFileError(
            tr("The file {path} is protected by a password.", path=path),
            tr("Open it in Excel or WPS, remove the password, save it and import it again."),
        )
    try:
        # from_filelike detects the format from the content: an .xls that is really an .xlsx
        # (school systems do that) opens all the same.
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        target = _choose_sheet(path, book, sheet)
        # Keep the empty rows and columns at the top/left so row numbers match the sheet.
        cells = book.get_sheet_by_name(target).to_python(skip_empty_area=False)
    except python_calamine.CalamineError:
        raise _unreadable(path) from None
    return target, cast("list[list[object]]", cells)


def _choose_sheet(
    path: Path, book: python_calamine.CalamineWorkbook, sheet: str | int | None
) -> str:
    names: list[str] = list(book.sheet_names)
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        return names[sheet]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if sheet is not None:
        raise ImportFileError(
            tr("The file {path} has no sheet {sheet}.", path=path, sheet=sheet),
            tr("Choose one of its sheets: {names}.", names=", ".join(names)),
        )
    visible = [
        m.name
        for m in book.sheets_metadata
        if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        and m.visible == python_calamine.SheetVisibleEnum.Visible
    ]
    if not visible:
        raise _unreadable(path)
    return str(visible[0])


def _read_csv(path: Path, data: bytes) -> list[list[object]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost any byte sequence
        raise ImportFileError(
            tr("The file {path} is neither UTF-8 nor GBK text.", path=path),
            tr("Save it from Excel as .xlsx or as CSV UTF-8 and import that copy."),
        )
    if "\x00" in text:  # a binary file with a .csv name
        raise _unreadable(path)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportFileError(
            tr("The file {path} is not valid CSV ({reason}).", path=path, reason=exc),
            tr("Open it in Excel or WPS, save it as .xlsx and import that copy."),
        ) from None


def _is_blank(cell: object) -> bool:
    """calamine and csv give "" for an empty cell; a cell of spaces is empty too."""
    return cell is None or (isinstance(cell, str) and (not cell or cell.isspace()))


def _header_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if _is_blank(cell) else str(cell).strip()


def _find_header(grid: Sequence[Sequence[object]], synonyms: Synonyms | None) -> int:
    """Index of the header row in ``grid``; -1 if every row is blank."""
    if synonyms:
        for i, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
            if count_known_headers(cells, synonyms) >= MIN_HEADER_HITS:
                return i
    return next((i for i, cells in enumerate(grid) if not all(map(_is_blank, cells))), -1)


def _build_table(
    path: Path, sheet: str, grid: list[list[object]], synonyms: Synonyms | None
) -> RawTable:
    header_at = _find_header(grid, synonyms)
    if header_at < 0:
        raise ImportFileError(
            tr("The file {path} has no data.", path=path),
            tr("Choose the file (and sheet) that holds the list."),
        )
    rows: list[list[object]] = []
    numbers: list[int] = []
    # Hot loop (10,000s of rows): comprehensions and list.count keep it in C as far as possible.
    for number, cells in enumerate(grid[header_at + 1 :], start=header_at + 2):
        row = [
            None if c is None or (isinstance(c, str) and (not c or c.isspace())) else c
            for c in cells
        ]
        if row.count(None) != len(row):
            rows.append(row)
            numbers.append(number)
    header = [_header_text(c) for c in grid[header_at]]
    width = _used_width(header, rows)
    for row in rows:
        if len(row) != width:
            del row[width:]
            row.extend([None] * (width - len(row)))
    headers = tuple(header[:width] + [""] * (width - len(header)))
    # Blank rows between the header and the last data row; trailing ones are formatting, not rows.
    skipped = (numbers[-1] - header_at - 1 - len(rows)) if numbers else 0
    return RawTable(
        source=path,
        sheet=sheet,
        header_row=header_at + 1,
        headers=headers,
        rows=rows,
        row_numbers=numbers,
        skipped_blank=skipped,
    )


def _used_width(header: list[str], rows: list[list[object]]) -> int:
    """Columns up to the last one with a header or any value (rows may differ in length: CSV)."""
    width = max([len(header), *map(len, rows)])
    while (
        width > 0
        and not (width <= len(header) and header[width - 1])
        and all(len(r) < width or r[width - 1] is None for r in rows)
    ):
        width -= 1
    return width
