"""Row checks of the roster import: each row through ``validate_student`` (via the batch validator's
fast path for the common shapes, with identical results), plus the file-level rule that a 学籍号
appearing in more than one row rejects every one of those rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from app.errors import Cancelled
from app.excel.table_reader import RawTable
from app.i18n import tr
from app.validation.student import FIELDS, REQUIRED, StudentFields, field_label
from app.validation.student_batch import StudentBatchValidator
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


# (spreadsheet row number, the row's cells, the mapped cells as validated, parsed, errors).
# A plain tuple: one is made per row, and a NamedTuple's Python-level __new__ costs several
# times more.
_Checked = tuple[int, list[object], Sequence[object], StudentFields | None, dict[str, str]]
_NO_ERRORS: dict[str, str] = {}  # shared by every valid row; never mutated


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
    validator = StudentBatchValidator(keys, today=today, allowed_grades=allowed_grades)
    checked: list[_Checked] = []
    blank = 0
    total = len(table.rows)
    for start in range(0, total, CHECK_EVERY):
        _tick(start, total, progress, cancelled)
        end = start + CHECK_EVERY
        rows = zip(table.rows[start:end], table.row_numbers[start:end], strict=True)
        blank += _check_block(rows, [c for _, c in columns], validator, checked)
    _tick(total, total, progress, cancelled)
    headers = {f: table.headers[c] for f, c in columns}
    return _collect(checked, blank, columns, headers)


def _check_block(
    rows: Iterable[tuple[list[object], int]],
    indexes: list[int],
    validator: StudentBatchValidator,
    checked: list[_Checked],
) -> int:
    """Validate ``rows`` (cells, row number) into ``checked``; returns how many were blank."""
    int_text = [i for i, f in enumerate(validator.fields) if f in _INT_TEXT_FIELDS]
    fast, full = validator.fast, validator.full
    mapped = itemgetter(*indexes) if len(indexes) > 1 else lambda cells: (cells[indexes[0]],)
    width = len(indexes)
    blank = 0
    for cells, row_no in rows:
        values: Sequence[object] = mapped(cells)  # the reader gives None for every empty cell
        if values.count(None) == width:
            blank += 1  # e.g. a template's pre-numbered 序号 column with nothing else filled in
            continue
        # The fast path accepts the common shapes; every other row gets the full check. A number
        # cell in a text column never passes the fast path, so it is turned back into text only
        # then (calamine gives 1.0 for a 民族 or 性别 code typed as 1) and the row tried again.
        parsed = fast(values)
        if parsed is None:
            values = _int_cells_as_text(values, int_text)
            parsed = fast(values)
        if parsed is not None:
            checked.append((row_no, cells, values, parsed, _NO_ERRORS))
        else:
            checked.append((row_no, cells, values, *full(values)))
    return blank


def _int_cells_as_text(values: Sequence[object], positions: list[int]) -> list[object]:
    as_text = list(values)
    for p in positions:
        v = as_text[p]
        if isinstance(v, float) and v.is_integer():
            as_text[p] = str(int(v))
    return as_text


def _collect(
    checked: list[_Checked],
    blank: int,
    columns: list[tuple[str, int]],
    headers: Mapping[str, str],
) -> CheckedRows:
    """Apply the duplicate rule, then sort the rows into valid and rejected (in file order)."""
    keys = [f for f, _ in columns]
    at_number = keys.index("student_no")
    # A parsed 学籍号 is the cleaned, upper-cased cell, the same key an invalid row gets here.
    numbers = [c[3].student_no if c[3] else clean(c[2][at_number]).upper() for c in checked]
    counts = Counter(numbers)
    rows_of: dict[str, list[int]] = {}  # only the repeated numbers: usually none
    for c, number in zip(checked, numbers, strict=True):
        if number and counts[number] > 1:
            rows_of.setdefault(number, []).append(c[0])
    optional = [(f, i) for i, f in enumerate(keys) if f in OPTIONAL]
    every_optional = frozenset(f for f, _ in optional)
    given_sets: dict[tuple[str, ...], frozenset[str]] = {}
    result = CheckedRows(blank=blank)
    for (row_no, cells, values, parsed, errors), number in zip(checked, numbers, strict=True):
        seen_in = rows_of.get(number) if rows_of else None
        if seen_in and "student_no" not in errors:
            errors = dict(errors)
            errors["student_no"] = tr(
                "Student number {number} appears in rows {rows}; none of these rows is imported.",
                number=number,
                rows=", ".join(map(str, seen_in)),
            )
        if errors or parsed is None:
            result.rejected.append(_rejection(row_no, cells, errors, columns, headers))
            continue
        if None not in values:
            given = every_optional  # the usual row: every mapped column filled in
        else:
            key = tuple(f for f, i in optional if values[i] is not None)
            given = given_sets.get(key) or given_sets.setdefault(key, frozenset(key))
        result.valid.append(_new_tuple(ValidRow, (row_no, parsed, given)))  # C speed
    return result


_new_tuple = tuple.__new__  # ValidRow(...) without NamedTuple's Python-level __new__


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
