"""Roster export (花名册导出) to a real .xlsx that the roster import reads back unchanged.

Identifiers are text cells with the text number format ``@`` (an 18-digit ID in a number cell
loses its last digits in Excel); the birth date is a real date cell. The headers are the ones the
importer knows; where a value appears twice (民族 and 民族代码, 年级 and 年级编号, 班级 and
班级编号) the name comes first, and the importer takes the leftmost column of a field.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.models import StudentRow, StudentStatus
from app.services.roster import find_students
from app.validation.codes import GRADE_NAMES, class_display_name, ethnicity_name, parse_class

TEXT = "@"
DATE = "yyyy-mm-dd"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    number_format: str = ""


COLUMNS = (
    Column("学籍号", 22, TEXT),
    Column("姓名", 10),
    Column("性别", 6),
    Column("出生日期", 12, DATE),
    Column("民族", 10),
    Column("民族代码", 9, TEXT),
    Column("身份证号", 21, TEXT),
    Column("年级", 9),
    Column("年级编号", 9, TEXT),
    Column("班级", 14),
    Column("班级编号", 9, TEXT),
    Column("状态", 7),
    Column("体育免修", 24),
)
_STAYING = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN, StudentStatus.SUSPENDED)


def export_roster(
    db: Database, path: Path, *, class_uuid: str | None = None, include_left: bool = False
) -> int:
    """Write the roster (one student a row, by grade, class and 学籍号); returns the row count.

    Students who left (转出, 毕业) are only included with ``include_left``.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            tr("The roster is exported as an .xlsx workbook, not as {name}.", name=path.name),
            tr("Give the file name the ending .xlsx."),
        )
    rows = find_students(db, class_uuid=class_uuid, statuses=() if include_left else _STAYING)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title="花名册")
    sheet.freeze_panes = "A2"
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    bold = Font(bold=True)
    sheet.append([_cell(sheet, c.header, TEXT, bold) for c in COLUMNS])
    for row in rows:
        sheet.append(
            [_cell(sheet, v, c.number_format) for v, c in zip(_values(row), COLUMNS, strict=True)]
        )
    _save(book, path)
    return len(rows)


def _values(row: StudentRow) -> Sequence[object]:
    s = row.student
    exempt = ""
    if s.pe_exempt:
        exempt = f"是（{s.pe_exempt_reason}）" if s.pe_exempt_reason else "是"
    return (
        s.student_no,
        s.name,
        s.sex.label_zh,
        s.birth_date,
        ethnicity_name(s.ethnicity_code),
        s.ethnicity_code,
        s.id_number or None,
        GRADE_NAMES.get(row.grade_code, str(row.grade_code)),
        str(row.grade_code),
        _class_text(row),
        f"{row.grade_code}{row.class_no:02d}",
        s.status.label_zh,
        exempt,
    )


def _class_text(row: StudentRow) -> str:
    """The class's own name when the importer reads it back as this class; else the usual name.

    A name the clerk chose (火箭班) carries no class number, so it would not re-import.
    """
    try:
        ref = parse_class(row.class_name)
    except UserError:
        ref = None
    if (
        ref is not None
        and ref.class_no == row.class_no
        and ref.grade_code in (None, row.grade_code)
    ):
        return row.class_name
    return class_display_name(row.grade_code, row.class_no)


def _cell(sheet: object, value: object, number_format: str, font: Font | None = None) -> object:
    if value is None:
        return None
    formula_like = isinstance(value, str) and value.startswith("=")
    if not (number_format or font or formula_like):
        return value  # a plain value: no cell object needed, which keeps a large export quick
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a name such as "=1+1" stays text, never a formula
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


def _save(book: Workbook, path: Path) -> None:
    # The workbook is built in memory first: a write-only workbook whose save fails half-way
    # leaves openpyxl's row writers dangling. The bytes then go beside the target and are
    # renamed, so a failure never leaves half a workbook under the clerk's file name.
    buffer = io.BytesIO()
    book.save(buffer)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            tr("The file {path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Close it in Excel or WPS if it is open there, or choose another name."),
        ) from None
