"""Row checks of the fitness import: match each row to a student on the roster by 学籍号 and read
its measurements against the national rules (range, format, items of the grade and sex).

Nothing is guessed: a row with any problem is rejected whole, with the header of the first
offending column as written in the file, and students are never created here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from app.errors import ValidationError
from app.excel.table_reader import RawTable
from app.i18n import tr
from app.scoring.fitness_ranges import item_label
from app.services.fitness_values import (
    INPUT_KEYS,
    applicable_keys,
    grade_in_year,
    not_tested,
    parse_item_value,
    sex_label,
)
from app.services.import_common import CheckedRows, join_reasons, tick
from app.services.roster_rows import RejectedRow
from app.validation.codes import parse_grade, parse_sex
from app.validation.text import clean, clean_name

CHECK_EVERY: Final = 256
EXEMPT_MARKS: Final = ("免体", "免测")  # in the 身高 cell: the student is exempt (T1 convention)
EXEMPT_MARK_REASON: Final = "免体"


class FitnessRow(NamedTuple):
    row: int  # spreadsheet row number
    student_uuid: str
    sex: str
    grade_code: int
    values: dict[str, float]  # only the cells that hold a value
    exempt_reason: str | None  # "免体" or the reason column's text when the row is exempt


CheckedFitnessRows = CheckedRows[FitnessRow]


@dataclass(frozen=True)
class RosterEntry:
    """What the import needs to know about a student on the roster."""

    uuid: str
    name: str
    sex: str
    grade_now: int | None  # the grade of the student's class now (None: no active class)
    stored_grade: int | None  # the grade stored with this year's test, if any


def _cell_value(value: object) -> object:
    """A run time formatted as a time or duration in Excel arrives as time/timedelta."""
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return value


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(value)


class _RowChecker:
    def __init__(
        self,
        table: RawTable,
        mapping: Mapping[str, int],
        roster: Mapping[str, RosterEntry],
        current_year: str,
        school_year: str,
        alternates: Mapping[str, Sequence[int]],
    ) -> None:
        self.used: dict[str, int] = {}  # this row's item columns that are not the mapped one
        self.mapping = mapping
        self.roster = roster
        self.current_year = current_year
        self.school_year = school_year
        self.items = [(k, (mapping[k], *alternates.get(k, ()))) for k in INPUT_KEYS if k in mapping]

    def check(self, cells: list[Any]) -> tuple[FitnessRow | None, dict[str, str]]:
        """(row, {}) for a good row (``row.row`` left 0), or (None, {field: reason})."""
        self.used = {}
        errors: dict[str, str] = {}
        number = _number_text(cells[self.mapping["student_no"]]).upper()
        if not number:
            return None, {"student_no": tr("The student number (学籍号) is empty.")}
        student = self.roster.get(number)
        if student is None:
            return None, {
                "student_no": tr(
                    "Student number {number} is not on the roster; add the student first.",
                    number=number,
                )
            }
        self._check_identity(cells, student, errors)
        grade = self._grade(cells, student, errors)
        if errors or grade is None:
            return None, errors
        exempt = self._exempt_reason(cells)
        values: dict[str, float] = {}
        tested = applicable_keys(grade, student.sex)
        for key, cols in self.items:
            raw, col = self._item_cell(cells, cols)
            if col != cols[0]:
                self.used[key] = col
            if raw is None or (key == "height_cm" and exempt and _is_exempt_mark(raw)):
                continue
            try:
                if key not in tested:
                    raise _cross_sex(key, grade, student.sex)
                value = parse_item_value(key, raw)
                if any(_differs(key, cells[c], value) for c in cols if c != col):
                    raise ValidationError(
                        tr("{item} is given twice with different values.", item=item_label(key))
                    )
            except ValidationError as exc:
                errors[key] = str(exc)
                continue
            if value is not None:
                values[key] = value
        if errors:
            return None, errors
        return FitnessRow(0, student.uuid, student.sex, grade, values, exempt), {}

    @staticmethod
    def _item_cell(cells: list[Any], cols: Sequence[int]) -> tuple[object, int]:
        """The item's value and its column: templates have two columns for one item
        (一分钟仰卧起坐 for 小学, 一分钟仰卧起坐（女） for 初中 girls); a row fills one of them."""
        for col in cols:
            if cells[col] is not None:
                return _cell_value(cells[col]), col
        return None, cols[0]

    def _check_identity(
        self, cells: list[Any], student: RosterEntry, errors: dict[str, str]
    ) -> None:
        if "sex" in self.mapping and cells[self.mapping["sex"]] is not None:
            try:
                sex = parse_sex(cells[self.mapping["sex"]]).value
            except ValidationError as exc:
                errors["sex"] = str(exc)
            else:
                if sex != student.sex:
                    errors["sex"] = tr(
                        "The sex differs from the roster ({sex}) for this student number.",
                        sex=sex_label(student.sex),
                    )
        if "name" in self.mapping and cells[self.mapping["name"]] is not None:
            name = clean_name(cells[self.mapping["name"]])
            if name != student.name:
                errors["name"] = tr(
                    "The name {name} differs from the roster ({roster}) for this student number.",
                    name=name,
                    roster=student.name,
                )

    def _grade(self, cells: list[Any], student: RosterEntry, errors: dict[str, str]) -> int | None:
        """The grade of the test: the one stored with the year's test; else this year the roster's
        grade (a file that says otherwise is refused), a past year the file's, else the roster's
        grade moved back by the years between (repeaters make that a guess, so the file wins)."""
        derived = None
        if student.grade_now is not None:
            derived = grade_in_year(student.grade_now, self.current_year, self.school_year)
        given: int | None = None
        if "grade_code" in self.mapping and cells[self.mapping["grade_code"]] is not None:
            try:
                given = parse_grade(cells[self.mapping["grade_code"]])
            except ValidationError as exc:
                errors["grade_code"] = str(exc)
                return None
        known: int | None = None
        why = ""
        if student.stored_grade is not None:
            known, why = student.stored_grade, "stored"
        elif self.school_year == self.current_year:
            known, why = derived, "roster"
        if given is not None and known is not None and given != known:
            errors["grade_code"] = (
                tr(
                    "The grade {grade} differs from the grade of this student's test this year ({stored}).",
                    grade=given,
                    stored=known,
                )
                if why == "stored"
                else tr(
                    "The grade {grade} differs from the student's grade on the roster ({roster}).",
                    grade=given,
                    roster=known,
                )
            )
            return None
        grade = known or given or derived
        if grade is None:
            errors["student_no"] = tr(
                "The student was not at school in {year}.", year=self.school_year
            )
        return grade

    def _exempt_reason(self, cells: list[Any]) -> str | None:
        if "exempt_reason" in self.mapping:
            reason = cells[self.mapping["exempt_reason"]]
            if reason is not None and str(reason).strip():
                return str(reason).strip()
        if "height_cm" in self.mapping and _is_exempt_mark(cells[self.mapping["height_cm"]]):
            return EXEMPT_MARK_REASON
        return None


def _differs(key: str, cell: object, value: float | None) -> bool:
    """A second column of the same item that holds another value (or one that is not valid)."""
    if cell is None:
        return False
    try:
        return parse_item_value(key, _cell_value(cell)) != value
    except ValidationError:
        return True


def _is_exempt_mark(value: object) -> bool:
    return isinstance(value, str) and any(mark in value for mark in EXEMPT_MARKS)


def _cross_sex(key: str, grade: int, sex: str) -> ValidationError:
    if key in applicable_keys(grade, "female" if sex == "male" else "male"):
        return ValidationError(
            tr(
                "{item}: {sex} students are not tested on this item; the cell must be empty.",
                item=item_label(key),
                sex=sex_label(sex),
            )
        )
    return not_tested(key, grade, sex)


def check_fitness_rows(
    table: RawTable,
    mapping: Mapping[str, int],
    roster: Mapping[str, RosterEntry],
    *,
    current_year: str,
    school_year: str,
    alternates: Mapping[str, Sequence[int]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckedFitnessRows:
    """``alternates``: further columns of an item (same header up to a (男)/(女) remark)."""
    alternates = alternates or {}
    checker = _RowChecker(table, mapping, roster, current_year, school_year, alternates)
    indexes = sorted({*mapping.values(), *(c for cols in alternates.values() for c in cols)})
    out = CheckedFitnessRows()
    numbers: dict[str, list[int]] = {}
    checked: list[tuple[int, list[Any], FitnessRow | None, dict[str, str], dict[str, int]]] = []
    total = len(table.rows)
    for i, (cells, row_no) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if i % CHECK_EVERY == 0:
            tick(i, total, progress, cancelled)
        if all(cells[c] is None for c in indexes):
            out.blank += 1
            continue
        parsed, errors = checker.check(cells)
        number = _number_text(cells[mapping["student_no"]]).upper()
        if number:
            numbers.setdefault(number, []).append(row_no)
        checked.append((row_no, cells, parsed, errors, {**mapping, **checker.used}))
    tick(total, total, progress, cancelled)
    for row_no, cells, parsed, errors, columns in checked:
        seen = numbers.get(_number_text(cells[mapping["student_no"]]).upper(), [])
        if len(seen) > 1:
            errors = {
                "student_no": tr(
                    "Student number {number} appears in rows {rows}; none of these rows is imported.",
                    number=_number_text(cells[mapping["student_no"]]).upper(),
                    rows=", ".join(map(str, seen)),
                ),
                **{k: v for k, v in errors.items() if k != "student_no"},
            }
        if errors or parsed is None:
            out.rejected.append(_rejection(row_no, cells, errors, columns, table.headers))
        else:
            out.valid.append(parsed._replace(row=row_no))
    return out


def _rejection(
    row_no: int,
    cells: list[Any],
    errors: Mapping[str, str],
    columns: Mapping[str, int],
    headers: Sequence[str],
) -> RejectedRow:
    """The first problem (in column order) names its column's header as written in the file."""
    order = sorted(errors, key=lambda f: columns.get(f, -1))
    first, *rest = order
    others = [(headers[columns[f]], errors[f]) for f in rest]
    return RejectedRow(
        row=row_no,
        field=headers[columns[first]],
        reason=join_reasons(errors[first], others),
        cells=tuple(cells),
    )
