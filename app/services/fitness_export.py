"""The national upload file (国家学生体质健康标准数据上报), per fitness_upload_template.md.

One sheet, header in row 1, one student per row:

* the 9 fixed columns 年级编号 … 家庭住址: 年级编号 a number; 班级编号 = 年级编号 + two-digit class
  number and 学籍号, 民族代码 (two digits) as text cells (``@``); 性别 the number 1/2; 出生日期 a real
  date cell formatted ``yyyy/m/d``; 家庭住址 empty (Baosong keeps no addresses; the column must
  exist);
* then the item columns with the 2014 template's header texts, **only the items tested in the
  grades exported** (the template's recommendation: a primary-school file carries no 立定跳远 …,
  a junior one no 一分钟跳绳), in the national order: 身高, 体重, 肺活量, 50米跑, 坐位体前屈,
  一分钟跳绳, 一分钟仰卧起坐, 50米×8往返跑, 立定跳远, 引体向上, 1000米跑, 800米跑;
* one-decimal items (身高, 体重, 50米跑, 坐位体前屈) as numbers formatted ``0.0``, counts and
  肺活量 as whole numbers, run times as ``m'ss`` text with two-digit seconds (``3'05``); a cell
  of an item the student is not tested on (the other sex's item) stays empty; an exempt student
  has ``免体`` in 身高 and nothing else (T1 skips every item check on such a row).

The year's result is written: the 补测 when one is recorded, else the first test. Only students
on roll (在籍, 转入) are listed; who is selected (a class, a grade, the school) follows the
roster now, and the grade written is the grade of the test year.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.models import StudentRow
from app.scoring.fitness_ranges import TIME_ITEMS
from app.scoring.run_time import format_run_time
from app.services.fitness_records import ON_ROLL
from app.services.fitness_values import applicable_keys, grade_columns, grade_in_year
from app.services.workspace import current_term, require_school
from app.terms import parse_school_year
from app.validation.codes import class_display_name
from db import repo_fitness, repo_students
from db.repo_fitness import ATTEMPT_RETEST, FitnessTest
from db.repo_students import StudentQuery

FIXED_HEADERS: Final = (
    "年级编号", "班级编号", "班级名称", "学籍号", "民族代码", "姓名", "性别", "出生日期", "家庭住址",
)  # fmt: skip
ITEM_HEADERS: Final = {
    "height_cm": "身高",
    "weight_kg": "体重",
    "vital_capacity": "肺活量",
    "run_50m": "50米跑",
    "sit_and_reach": "坐位体前屈",
    "rope_skip_1min": "一分钟跳绳",
    "sit_up_1min": "一分钟仰卧起坐",
    "shuttle_50m_x8": "50米×8往返跑",
    "standing_long_jump": "立定跳远",
    "pull_up": "引体向上",
    "run_1000m": "1000米跑",
    "run_800m": "800米跑",
}
ONE_DECIMAL: Final = frozenset({"height_cm", "weight_kg", "run_50m", "sit_and_reach"})
TEXT: Final = "@"
DECIMAL: Final = "0.0"
DATE_FORMAT: Final = "yyyy/m/d"
EXEMPT_MARK: Final = "免体"
SHEET_TITLE: Final = "Sheet1"
Sheet = Any  # openpyxl's write-only worksheet (its class is private)


@dataclass(frozen=True)
class _Line:
    row: StudentRow
    grade: int
    test: FitnessTest | None


def export_national(
    db: Database,
    path: Path,
    *,
    school_year: str | None = None,
    class_uuid: str | None = None,
    grade_code: int | None = None,
    school_code: str | None = None,
) -> int:
    """Write the national upload file for a class, a grade (now) or the school; returns the rows.

    ``school_year`` defaults to the current 学年; ``school_code`` to the workspace's school (the
    bureau passes each school's code to write the district's files).
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            tr("The national upload file is written as .xlsx, not as {name}.", name=path.name),
            tr("Give the file name the ending .xlsx."),
        )
    code = school_code or require_school(db).code
    current = current_term(db).school_year
    year = parse_school_year(school_year) if school_year else current
    lines = _lines(db, code, current, year, class_uuid, grade_code)
    keys = grade_columns(sorted({line.grade for line in lines}))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=SHEET_TITLE)
    sheet.append([*FIXED_HEADERS, *(ITEM_HEADERS[k] for k in keys)])
    for line in lines:
        sheet.append(_cells(sheet, line, keys, year == current))
    _save(book, path)
    return len(lines)


def _lines(
    db: Database,
    school_code: str,
    current: str,
    year: str,
    class_uuid: str | None,
    grade_code: int | None,
) -> list[_Line]:
    tests: dict[str, FitnessTest] = {}
    for test in repo_fitness.tests_for_year(db, school_code, year):
        # The year's result: a 补测 replaces the first test (choose_attempt).
        if test.attempt == ATTEMPT_RETEST or test.student_uuid not in tests:
            tests[test.student_uuid] = test
    lines = []
    query = StudentQuery(
        school_code, class_uuid=class_uuid, grade_code=grade_code, statuses=ON_ROLL
    )
    for row in repo_students.list_students(db, query):
        found = tests.get(row.student.meta.uuid)
        grade = found.grade_code if found else grade_in_year(row.grade_code, current, year)
        if grade is not None:  # None: not yet at school that year (a past year's export)
            lines.append(_Line(row, grade, found))
    lines.sort(key=lambda ln: (ln.grade, ln.row.class_no, ln.row.student.student_no))
    return lines


def _cells(sheet: Sheet, line: _Line, keys: tuple[str, ...], this_year: bool) -> list[Any]:
    s = line.row.student
    class_no = line.row.class_no
    class_name = (
        line.row.class_name if this_year and line.grade == line.row.grade_code else None
    ) or class_display_name(line.grade, class_no)
    cells: list[Any] = [
        line.grade,
        _text(sheet, f"{line.grade}{class_no:02d}"),
        _plain(sheet, class_name),
        _text(sheet, s.student_no),
        _text(sheet, s.ethnicity_code),
        _plain(sheet, s.name),
        1 if s.sex.value == "male" else 2,
        _date(sheet, s.birth_date),
        None,
    ]
    test = line.test
    if test is None:
        return cells + [None] * len(keys)
    if test.exempt:
        return cells + [_text(sheet, EXEMPT_MARK)] + [None] * (len(keys) - 1)
    tested = applicable_keys(line.grade, s.sex.value)
    for key in keys:
        value = test.values.get(key) if key in tested else None
        cells.append(None if value is None else _item(sheet, key, value))
    return cells


def _item(sheet: Sheet, key: str, value: float) -> Any:
    if key in TIME_ITEMS:
        return format_run_time(value)  # a plain str is a text cell; m'ss never looks like "=…"
    if key in ONE_DECIMAL:
        cell = WriteOnlyCell(sheet, value=round(value, 1))
        cell.number_format = DECIMAL
        return cell
    return round(value)


def _text(sheet: Sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # a name such as "=1+1" stays text, never a formula
    cell.number_format = TEXT
    return cell


def _plain(sheet: Sheet, value: str) -> object:
    """A name as a plain text cell; a cell object only where openpyxl would see a formula."""
    return _text(sheet, value) if value.startswith("=") else value


def _date(sheet: Sheet, value: dt.date) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _save(book: Workbook, path: Path) -> None:
    # Built in memory, then written beside the target and renamed: a failure never leaves half
    # a workbook under the clerk's file name.
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


__all__ = ["FIXED_HEADERS", "ITEM_HEADERS", "export_national"]
