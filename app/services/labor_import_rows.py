"""Row checks of the labor-record import: each row against the roster, the parsers and the
configuration; then the file-level rule that the same student may not appear twice for the same
activity (every such row is rejected, as the roster import does with a repeated 学籍号).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlite_utils import Database

from app.errors import ValidationError
from app.excel.table_reader import RawTable
from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import TASK_GROUP_BY_NO, Category, Setting, band_of_grade
from app.labor.parsing import (
    check_group_category,
    parse_category,
    parse_minutes,
    parse_setting,
    parse_task_group,
)
from app.services.import_common import CheckedRows, join_reasons, tick
from app.services.labor_checks import MAX_DESCRIPTION, MAX_PROJECT
from app.services.roster_rows import RejectedRow
from app.validation.dates import parse_date
from app.validation.text import clean, clean_name

FIELDS = ("student_no", "name", "date", "category", "task_group", "project", "setting", "minutes", "description")  # fmt: skip
REQUIRED = ("student_no", "name", "date", "task_group", "project", "setting", "minutes")
FIELD_LABELS_ZH = {
    "student_no": "学籍号", "name": "姓名", "date": "日期", "category": "类别", "task_group": "任务群",
    "project": "项目", "setting": "场所", "minutes": "时长(分钟)", "description": "说明",
}  # fmt: skip
CHECK_EVERY = 256

ActivityKey = tuple[str, str, int, str, str]  # date, category, task group, project, setting


class LaborRow(NamedTuple):
    row: int
    student_uuid: str
    key: ActivityKey
    minutes: int
    description: str


CheckedLaborRows = CheckedRows[LaborRow]


@dataclass(frozen=True)
class RosterEntry:
    uuid: str
    name: str
    grade_code: int


def roster_index(db: Database, school_code: str) -> dict[str, RosterEntry]:
    """学籍号 → the live student (uuid, name, grade) for matching import rows."""
    return {
        r[0]: RosterEntry(r[1], r[2], r[3])
        for r in db.execute(
            "SELECT s.student_no, s.uuid, s.name, c.grade_code FROM students s"
            " JOIN classes c ON c.uuid = s.class_uuid WHERE s.school_code = ? AND s.deleted = 0",
            [school_code],
        )
    }


def check_labor_rows(
    table: RawTable,
    mapping: Mapping[str, int],
    roster: Mapping[str, RosterEntry],
    config: LaborConfig,
    *,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckedLaborRows:
    columns = sorted(mapping.items(), key=lambda item: item[1])
    headers = {f: table.headers[c] for f, c in columns}
    result = CheckedLaborRows()
    parsed: list[tuple[int, list[object], LaborRow | None, dict[str, str]]] = []
    total = len(table.rows)
    for i, (cells, row_no) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if i % CHECK_EVERY == 0:
            tick(i, total, progress, cancelled)
        raw = {f: cells[c] for f, c in columns}
        if all(v is None for v in raw.values()):
            result.blank += 1
            continue
        row, errors = _check_row(row_no, raw, roster, config, today)
        parsed.append((row_no, cells, row, errors))
    tick(total, total, progress, cancelled)
    rows_of: dict[tuple[str, ActivityKey], list[int]] = {}
    for row_no, _, row, _ in parsed:
        if row is not None:
            rows_of.setdefault((row.student_uuid, row.key), []).append(row_no)
    for row_no, cells, row, errors in parsed:
        if row is not None and len(seen := rows_of[row.student_uuid, row.key]) > 1:
            errors["student_no"] = tr(
                "The student appears for the same activity in rows {rows}; none of these rows is imported.",
                rows=", ".join(map(str, seen)),
            )
        if errors or row is None:
            result.rejected.append(_rejection(row_no, cells, errors, headers))
        else:
            result.valid.append(row)
    return result


def _check_row(
    row_no: int,
    raw: Mapping[str, object],
    roster: Mapping[str, RosterEntry],
    config: LaborConfig,
    today: dt.date,
) -> tuple[LaborRow | None, dict[str, str]]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def attempt(name: str, parse: Callable[[object], Any]) -> None:
        try:
            values[name] = parse(raw.get(name))
        except ValidationError as exc:
            errors[name] = exc.what

    student = _student(raw, roster, errors)
    attempt("date", lambda v: parse_date(v, today=today))
    attempt("task_group", parse_task_group)
    if raw.get("category") is not None:
        attempt("category", parse_category)
    attempt("setting", parse_setting)
    attempt("minutes", lambda v: parse_minutes(v, max_minutes=config.max_minutes_per_entry))
    project = clean_name(raw.get("project"))
    if not project:
        errors["project"] = tr("Enter the project (e.g. 整理书包).")
    elif len(project) > MAX_PROJECT:
        errors["project"] = tr("The project name is longer than {n} characters.", n=MAX_PROJECT)
    description = clean_name(raw.get("description"))
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = tr(
            "The description is longer than {n} characters.", n=MAX_DESCRIPTION
        )
    group = values.get("task_group")
    category: Category | None = values.get("category")
    if group is not None:
        if category is None and "category" not in errors:
            category = TASK_GROUP_BY_NO[group].category
        elif category is not None:
            try:
                check_group_category(group, category)
            except ValidationError as exc:
                errors["category"] = exc.what
        if student is not None and group not in config.groups_for_band(
            band_of_grade(student.grade_code)
        ):
            errors["task_group"] = tr(
                "The school does not run task group {group} in this student's 学段.",
                group=TASK_GROUP_BY_NO[group].name,
            )
    if errors or student is None or category is None or group is None:
        return None, errors
    setting: Setting = values["setting"]
    key: ActivityKey = (values["date"].isoformat(), category.value, group, project, setting.value)
    return LaborRow(row_no, student.uuid, key, values["minutes"], description), errors


def _student(
    raw: Mapping[str, object], roster: Mapping[str, RosterEntry], errors: dict[str, str]
) -> RosterEntry | None:
    value = raw.get("student_no")
    number = clean(
        str(int(value)) if isinstance(value, float) and value.is_integer() else value
    ).upper()
    if not number:
        errors["student_no"] = tr("The student number is empty.")
        return None
    student = roster.get(number)
    if student is None:
        errors["student_no"] = tr("Student number {number} is not on the roster.", number=number)
        return None
    name = clean_name(raw.get("name"))
    if name != student.name:
        errors["name"] = tr(
            "The name '{name}' does not match student number {number} (the roster has {roster}).",
            name=name,
            number=number,
            roster=student.name,
        )
    return student


def _rejection(
    row_no: int, cells: list[object], errors: Mapping[str, str], headers: Mapping[str, str]
) -> RejectedRow:
    order = [f for f in FIELDS if f in errors]
    order.sort(key=lambda f: list(headers).index(f) if f in headers else len(headers))
    first = order[0]
    rest = [(headers.get(f, FIELD_LABELS_ZH[f]), errors[f]) for f in order[1:]]
    return RejectedRow(
        row=row_no,
        field=headers.get(first, ""),
        reason=join_reasons(errors[first], rest),
        cells=tuple(cells),
    )
