"""Row checks of the roster import: each row through ``validate_student``, plus the file-level rule
that a 学籍号 appearing in more than one row rejects every one of those rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from app.errors import Cancelled
from app.excel.table_reader import RawTable
from app.i18n import tr
from app.validation.student import (
    FIELDS,
    REQUIRED,
    StudentFields,
    field_label,
    validate_student,
)
from app.validation.text import clean

OPTIONAL = tuple(f for f in FIELDS if f not in REQUIRED)
CHECK_EVERY = 256  # rows between progress reports / cancel checks
# Fields whose whole-number float cells are turned back into the digits the user typed. The ID
# column is left alone so a number there is caught, and dates keep Excel's serial numbers.
_INT_TEXT_FIELDS = frozenset(FIELDS) - {"id_number", "birth_date"}


class ValidRow(NamedTuple):  # a tuple, not a dataclass: 10,000s are made per import
    row: int  # spreadsheet row number
    fields: StudentFields
    given: frozenset[str]  # optional fields with a value in the file (the others keep stored data)


@dataclass(frozen=True)
class RejectedRow:
    row: int  # spreadsheet row number (header row = 1 when the header is the first row)
    field: str  # the offending column's header as written in the file ("" if not column-specific)
    reason: str  # first problem (column order), then "; header: reason" for the others
    cells: tuple[object, ...]  # the original row, for the rejected-rows workbook


@dataclass
class CheckedRows:
    valid: list[ValidRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    blank: int = 0  # rows with nothing in any mapped column (e.g. a pre-numbered 序号 column)


class _Checked(NamedTuple):
    row: int
    cells: list[object]
    raw: dict[str, object]
    parsed: StudentFields | None
    errors: dict[str, str]


def check_rows(
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    today: dt.date,
    allowed_grades: tuple[int, ...],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckedRows:
    columns = sorted(mapping.items(), key=lambda item: item[1])  # column order decides reasons
    keys = [f for f, _ in columns]
    indexes = [c for _, c in columns]
    int_text = [f for f in keys if f in _INT_TEXT_FIELDS]
    checked: list[_Checked] = []
    blank = 0
    total = len(table.rows)
    for i, (cells, row_no) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if i % CHECK_EVERY == 0:
            _tick(i, total, progress, cancelled)
        values = [cells[c] for c in indexes]  # the reader gives None for every empty cell
        if values.count(None) == len(values):
            blank += 1  # e.g. a template's pre-numbered 序号 column with nothing else filled in
            continue
        raw = dict(zip(keys, values, strict=True))
        for f in int_text:
            v = raw[f]
            if isinstance(v, float) and v.is_integer():
                raw[f] = str(int(v))  # calamine gives 1.0 for a 民族 or 性别 code typed as 1
        parsed, errors = validate_student(raw, today=today, allowed_grades=allowed_grades)
        checked.append(_Checked(row_no, cells, raw, parsed, errors))
    _tick(total, total, progress, cancelled)
    headers = {f: table.headers[c] for f, c in columns}
    return _collect(checked, blank, columns, headers)


def _collect(
    checked: list[_Checked],
    blank: int,
    columns: list[tuple[str, int]],
    headers: Mapping[str, str],
) -> CheckedRows:
    """Apply the duplicate rule, then sort the rows into valid and rejected (in file order)."""
    # A parsed 学籍号 is the cleaned, upper-cased cell, the same key an invalid row gets here.
    numbers = [
        c.parsed.student_no if c.parsed else clean(c.raw["student_no"]).upper() for c in checked
    ]
    rows_of: dict[str, list[int]] = {}
    for c, number in zip(checked, numbers, strict=True):
        if number:
            rows_of.setdefault(number, []).append(c.row)
    optional = [f for f, _ in columns if f in OPTIONAL]
    given_sets: dict[tuple[str, ...], frozenset[str]] = {}
    result = CheckedRows(blank=blank)
    for c, number in zip(checked, numbers, strict=True):
        errors = c.errors
        seen_in = rows_of.get(number, [])
        if len(seen_in) > 1 and "student_no" not in errors:
            errors = dict(errors)
            errors["student_no"] = tr(
                "Student number {number} appears in rows {rows}; none of these rows is imported.",
                number=number,
                rows=", ".join(map(str, seen_in)),
            )
        if errors or c.parsed is None:
            result.rejected.append(_rejection(c.row, c.cells, errors, columns, headers))
            continue
        key = tuple(f for f in optional if c.raw[f] is not None)
        given = given_sets.get(key) or given_sets.setdefault(key, frozenset(key))
        result.valid.append(ValidRow(c.row, c.parsed, given))
    return result


def _tick(
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


def _rejection(
    row_no: int,
    cells: list[object],
    errors: Mapping[str, str],
    columns: list[tuple[str, int]],
    headers: Mapping[str, str],
) -> RejectedRow:
    # Mapped columns first, in the file's order; problems of unmapped fields (a birth date that
    # is neither in the file nor derivable) last, under their usual name.
    order = [f for f, _ in columns] + [f for f in FIELDS if f not in headers]
    order += [k for k in errors if k not in order]
    problems = [(headers.get(f, ""), f, errors[f]) for f in order if f in errors]
    first_header, _, first_reason = problems[0]
    rest = [f"{h or field_label(f)}: {msg}" for h, f, msg in problems[1:]]
    return RejectedRow(
        row=row_no,
        field=first_header,
        reason="; ".join([first_reason, *rest]),
        cells=tuple(cells),
    )
