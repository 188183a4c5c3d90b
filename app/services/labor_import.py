"""Import of labor records (劳动记录导入) from .xlsx / .xls / .csv.

Columns: 学籍号, 姓名 (checked against the roster), 日期, 类别 (optional: the task group decides
it), 任务群, 项目, 场所, 时长(分钟), 说明. Two steps, as for the roster: ``plan_labor_import`` checks
every row and compares with the database (a pure read; the dry run), ``commit_labor_import``
writes the plan in one transaction. A row with any problem is rejected with its row number, the
offending column and the reason; the rejected rows can be saved as a workbook to fix and re-import.

Grouping: rows with the same date, category, task group, project and setting are one activity
with one participant per row (a class's weekly home-labor sheet becomes one activity, like a
batch entry). The activity's default minutes are the most common minutes of its rows, its
description the first row's 说明; a row whose 说明 differs keeps it as the participant's note.
If a live activity with that key already exists, the rows join it: a student already in it is
``unchanged`` (same minutes and note) or ``updated``. Importing the same file twice therefore
changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.errors import Cancelled
from app.excel.header_mapping import guess_mapping
from app.excel.table_reader import RawTable, read_table
from app.i18n import tr
from app.services.import_common import (
    IsCancelled,
    Progress,
    rejected_json,
    require_columns,
)
from app.services.import_common import save_rejected_rows as _save_rejected
from app.services.labor_import_rows import (
    FIELD_LABELS_ZH,
    FIELDS,
    REQUIRED,
    ActivityKey,
    LaborRow,
    check_labor_rows,
    roster_index,
)
from app.services.labor_records import labor_config
from app.services.roster_rows import RejectedRow
from app.services.workspace import require_school
from app.terms import term_for_date
from db import records, repo_labor
from db.records import AuditEntry, append_audit, new_uuid, now_utc

LABOR_SYNONYMS: dict[str, list[str]] = {
    "student_no": ["学籍号", "全国学籍号", "学生全国学籍号", "学籍编号", "学生学籍号"],
    "name": ["姓名", "学生姓名"],
    "date": ["日期", "劳动日期", "活动日期"],
    "category": ["类别", "劳动类别", "劳动类型"],
    "task_group": ["任务群", "劳动任务群"],
    "project": ["项目", "劳动项目", "项目名称", "劳动内容"],
    "setting": ["场所", "劳动场所", "地点"],
    "minutes": ["时长", "时长(分钟)", "劳动时长", "分钟数"],
    "description": ["说明", "备注", "描述"],
}


@dataclass(frozen=True)
class LaborImportReport:
    activities_created: int
    created: int  # participations
    updated: int
    unchanged: int
    rejected: list[RejectedRow]
    skipped_blank: int
    committed: bool  # False for a dry run
    headers: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "activities_created": self.activities_created,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": rejected_json(self.rejected),
        }


@dataclass(frozen=True)
class _Update:
    uuid: str
    old: dict[str, Any]  # changed columns, stored values
    new: dict[str, Any]  # changed columns, imported values
    values: dict[str, Any]  # status, minutes and note as they will be stored


@dataclass
class _Diff:
    activities: list[dict[str, Any]] = field(default_factory=list)  # with uuid
    creates: list[dict[str, Any]] = field(default_factory=list)  # participations, with uuid
    updates: list[_Update] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True)
class LaborImportPlan:
    school_code: str
    headers: tuple[str, ...]
    valid: tuple[LaborRow, ...]
    rejected: tuple[RejectedRow, ...]
    skipped_blank: int
    activities_created: int
    created: int
    updated: int
    unchanged: int

    def report(self) -> LaborImportReport:
        return LaborImportReport(
            self.activities_created, self.created, self.updated, self.unchanged,
            list(self.rejected), self.skipped_blank, False, self.headers,
        )  # fmt: skip


def read_labor_file(path: Path) -> RawTable:
    return read_table(Path(path), synonyms=LABOR_SYNONYMS)


def guess_labor_mapping(table: RawTable) -> dict[str, int]:
    return guess_mapping(table.headers, LABOR_SYNONYMS)


def plan_labor_import(
    db: Database,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> LaborImportPlan:
    """Check every row and compare with the database; writes nothing."""
    _require_columns(table, mapping)
    school = require_school(db)
    checked = check_labor_rows(
        table,
        mapping,
        roster_index(db, school.code),
        labor_config(db),
        today=today or dt.date.today(),
        progress=progress,
        cancelled=cancelled,
    )
    diff = _compare(db, school.code, checked.valid)
    return LaborImportPlan(
        school_code=school.code,
        headers=table.headers,
        valid=tuple(checked.valid),
        rejected=tuple(checked.rejected),
        skipped_blank=table.skipped_blank + checked.blank,
        activities_created=len(diff.activities),
        created=len(diff.creates),
        updated=len(diff.updates),
        unchanged=diff.unchanged,
    )


SOURCE = "labor import"  # the audit entry of the records an import creates


def commit_labor_import(
    db: Database, plan: LaborImportPlan, *, actor: str, cancelled: IsCancelled | None = None
) -> LaborImportReport:
    """Write the plan in one transaction (compared again inside it); cancel leaves nothing."""
    with db.atomic():
        diff = _compare(db, plan.school_code, plan.valid)
        if cancelled is not None and cancelled():
            raise Cancelled()
        records.insert_many(db, "labor_activities", diff.activities, actor, source=SOURCE)
        records.insert_many(db, "labor_participations", diff.creates, actor, source=SOURCE)
        _apply_updates(db, diff.updates, actor)
    return LaborImportReport(
        len(diff.activities), len(diff.creates), len(diff.updates), diff.unchanged,
        list(plan.rejected), plan.skipped_blank, True, plan.headers,
    )  # fmt: skip


def import_labor_records(
    db: Database,
    path: Path,
    *,
    actor: str,
    dry_run: bool = False,
    mapping: Mapping[str, int] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> LaborImportReport:
    """Read, check and (unless ``dry_run``) commit a file of labor records."""
    table = read_labor_file(Path(path))
    plan = plan_labor_import(
        db, table, mapping or guess_labor_mapping(table), today=today,
        progress=progress, cancelled=cancelled,
    )  # fmt: skip
    return (
        plan.report()
        if dry_run
        else commit_labor_import(db, plan, actor=actor, cancelled=cancelled)
    )


def save_rejected_rows(report: LaborImportReport, path: Path) -> None:
    """The rejected rows as .xlsx: the file's own headers plus a reason column, all as text."""
    _save_rejected(report.rejected, report.headers, path)


def _compare(db: Database, school_code: str, rows: tuple[LaborRow, ...] | list[LaborRow]) -> _Diff:
    groups: dict[ActivityKey, list[LaborRow]] = {}
    for r in rows:
        groups.setdefault(r.key, []).append(r)
    diff = _Diff()
    for key, members in groups.items():
        existing = repo_labor.find_activity_by_key(db, school_code, key)
        if existing is None:
            activity = _new_activity(school_code, key, members)
            diff.activities.append(activity)
            for r in members:
                diff.creates.append(_participation(activity["uuid"], activity["description"], r))
            continue
        stored = repo_labor.participation_rows(db, existing["uuid"])
        for r in members:
            row = _participation(existing["uuid"], existing["description"], r)
            old = stored.get(r.student_uuid)
            if old is None:
                diff.creates.append(row)
                continue
            values = {k: row[k] for k in ("status", "minutes", "note")}
            changes = {k: v for k, v in values.items() if old[k] != v}
            if changes:
                diff.updates.append(
                    _Update(old["uuid"], {k: old[k] for k in changes}, changes, values)
                )
            else:
                diff.unchanged += 1
    return diff


def _new_activity(school_code: str, key: ActivityKey, members: list[LaborRow]) -> dict[str, Any]:
    date, category, group, project, setting = key
    counts = Counter(r.minutes for r in members)
    minutes = min(counts, key=lambda m: (-counts[m], m))  # the most common; ties: the smallest
    return {
        "uuid": new_uuid(),
        "school_code": school_code,
        "term": term_for_date(dt.date.fromisoformat(date)).code,
        "date": date,
        "category": category,
        "task_group": group,
        "project": project,
        "setting": setting,
        "minutes": minutes,
        "description": members[0].description,
        "class_uuid": None,
        "organiser": "",
    }


def _participation(activity_uuid: str, description: str, r: LaborRow) -> dict[str, Any]:
    return {
        "uuid": new_uuid(),
        "activity_uuid": activity_uuid,
        "student_uuid": r.student_uuid,
        "status": "present",
        "minutes": r.minutes,
        "ratings": "{}",
        "note": r.description if r.description != description else "",
    }


def _apply_updates(db: Database, updates: list[_Update], actor: str) -> None:
    at = now_utc()
    db.conn.executemany(
        "UPDATE labor_participations SET status = ?, minutes = ?, note = ?,"
        " revision = revision + 1, updated_at = ?, updated_by = ? WHERE uuid = ?",
        [
            (u.values["status"], u.values["minutes"], u.values["note"], at, actor, u.uuid)
            for u in updates
        ],
    )
    append_audit(
        db,
        actor,
        [AuditEntry("labor_participations", u.uuid, "update", u.old, u.new) for u in updates],
    )


def _require_columns(table: RawTable, mapping: Mapping[str, int]) -> None:
    require_columns(
        table,
        mapping,
        fields=FIELDS,
        required=REQUIRED,
        labels=FIELD_LABELS_ZH,
        todo=lambda: tr(
            "Name the columns in the header row (学籍号, 姓名, 日期, 任务群, 项目, 场所, 时长) or map them when importing."
        ),
    )
