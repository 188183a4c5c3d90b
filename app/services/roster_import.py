"""Roster import (花名册导入): a spreadsheet of students → the school's classes and students.

Two steps, so the GUI can show a dry run before anything is written: ``plan_roster_import``
validates every row and compares it with the database (a pure read), ``commit_roster_import``
writes the plan in one transaction. Nothing is ever guessed: a row with any problem is rejected
with its spreadsheet row number, the header of the offending column and the reason. Only cells
that hold a value change a stored student, so a column left blank never erases data.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.excel.header_mapping import guess_mapping, unmapped_headers
from app.excel.table_reader import RawTable, read_table
from app.i18n import tr
from app.models import STAGE_GRADES
from app.services.import_common import ImportReport, IsCancelled, Progress, require_columns
from app.services.import_common import save_rejected_rows as _save_rejected
from app.services.roster_rows import RejectedRow, ValidRow, check_rows
from app.services.roster_writes import RosterDiff, compare, write_roster
from app.services.workspace import require_school
from app.validation.student import FIELD_LABELS_ZH, FIELDS, REQUIRED

ROSTER_FIELDS: tuple[str, ...] = FIELDS
ROSTER_SYNONYMS: dict[str, list[str]] = {
    "student_no": ["学籍号", "全国学籍号", "学生全国学籍号", "学籍编号", "学生学籍号"],
    "name": ["姓名", "学生姓名"],
    "sex": ["性别", "性别代码"],
    "birth_date": ["出生日期", "出生年月日", "生日"],
    "ethnicity": ["民族", "民族代码"],
    "id_number": ["身份证号", "身份证件号", "身份证号码", "证件号码", "身份证件号码"],
    "grade": ["年级", "年级编号", "年级名称"],
    "class": ["班级", "班级名称", "班级编号", "班号"],
}


@dataclass(frozen=True)
class RosterImportPlan:
    """What a commit would do, as of planning (the commit re-compares inside its transaction)."""

    school_code: str
    headers: tuple[str, ...]
    valid: tuple[ValidRow, ...]
    rejected: tuple[RejectedRow, ...]
    skipped_blank: int
    created: int
    updated: int
    unchanged: int
    new_classes: tuple[tuple[int, int], ...]  # (grade code, class number) created on commit
    source: str = ""  # the file, as the audit entry of the created students names it

    def report(self) -> ImportReport:
        return ImportReport.of(self, self.created, self.updated, self.unchanged, committed=False)


def read_roster_file(path: Path) -> RawTable:
    return read_table(Path(path), synonyms=ROSTER_SYNONYMS)


def guess_roster_mapping(table: RawTable) -> tuple[dict[str, int], list[str]]:
    """Field → column index for the headers recognised, and the headers left for the user."""
    mapping = guess_mapping(table.headers, ROSTER_SYNONYMS)
    return mapping, unmapped_headers(table.headers, mapping)


def plan_roster_import(
    db: Database,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> RosterImportPlan:
    """Validate every row and compare with the database; writes nothing."""
    with _cyclic_gc_paused():
        return _plan(db, table, mapping, today=today, progress=progress, cancelled=cancelled)


def _plan(
    db: Database,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    today: dt.date | None,
    progress: Progress | None,
    cancelled: IsCancelled | None,
    counted: bool = True,
) -> RosterImportPlan:
    # ``counted=False`` skips the comparison when the commit follows at once (it compares again).
    _require_columns(table, mapping)
    school = require_school(db)
    checked = check_rows(
        table,
        mapping,
        today=today or dt.date.today(),
        allowed_grades=STAGE_GRADES[school.stage],
        progress=progress,
        cancelled=cancelled,
    )
    diff = compare(db, school.code, checked.valid, classes=None) if counted else RosterDiff()
    return RosterImportPlan(
        school_code=school.code,
        headers=table.headers,
        valid=tuple(checked.valid),
        rejected=tuple(checked.rejected),
        skipped_blank=table.skipped_blank + checked.blank,
        created=len(diff.creates),
        updated=len(diff.updates),
        unchanged=diff.unchanged,
        new_classes=tuple(diff.new_classes),
        source=f"roster import: {table.source.name}" + (f" [{table.sheet}]" if table.sheet else ""),
    )


def commit_roster_import(
    db: Database,
    plan: RosterImportPlan,
    *,
    actor: str,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportReport:
    """Write the plan in one transaction; on cancel the database is left exactly as it was."""
    with _cyclic_gc_paused():
        diff: RosterDiff = write_roster(
            db,
            plan.school_code,
            plan.valid,
            actor=actor,
            source=plan.source or "roster import",
            progress=progress,
            cancelled=cancelled,
        )
    return ImportReport.of(
        plan, len(diff.creates), len(diff.updates), diff.unchanged, committed=True
    )


def import_roster(
    db: Database,
    path: Path,
    *,
    actor: str,
    dry_run: bool = False,
    mapping: Mapping[str, int] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportReport:
    """Read, validate and (unless ``dry_run``) commit a roster file."""
    with _cyclic_gc_paused():
        table = read_roster_file(Path(path))
        if mapping is None:
            mapping, _ = guess_roster_mapping(table)
        # One progress bar across checking and writing, each weighted by the file's row count.
        steps, size = (1 if dry_run else 2), max(len(table.rows), 1)

        def stage(step: int) -> Progress | None:
            if progress is None:
                return None
            reporter = progress
            return lambda done, total: reporter(
                step * size + (done * size // total if total else size), steps * size
            )

        plan = _plan(
            db,
            table,
            mapping,
            today=today,
            progress=stage(0),
            cancelled=cancelled,
            counted=dry_run,
        )
        if dry_run:
            return plan.report()
        return commit_roster_import(db, plan, actor=actor, progress=stage(1), cancelled=cancelled)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an import runs (it nests; the previous state returns).

    An import of 10,000 rows keeps about 100,000 containers alive until it ends (cells, checked
    rows, parsed fields, statement parameters). Each full collection walks all of them and frees
    nothing, which cost 10 % of the import (bench/roster_import_bench.py). Reference counting
    frees everything as usual; only the search for reference cycles waits until the end.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def save_rejected_rows(report: ImportReport, path: Path) -> None:
    """The rejected rows as .xlsx: the file's own headers plus a reason column, all as text."""
    _save_rejected(report.rejected, report.headers, path)


def _require_columns(table: RawTable, mapping: Mapping[str, int]) -> None:
    require_columns(
        table,
        mapping,
        fields=FIELDS,
        required=REQUIRED,
        labels=FIELD_LABELS_ZH,
        todo=lambda: tr(
            "Name the columns in the header row (e.g. 学籍号, 姓名) or map them when importing."
        ),
    )


__all__ = [
    "ROSTER_FIELDS",
    "ROSTER_SYNONYMS",
    "ImportReport",
    "RawTable",
    "RejectedRow",
    "RosterImportPlan",
    "commit_roster_import",
    "guess_roster_mapping",
    "import_roster",
    "plan_roster_import",
    "read_roster_file",
    "save_rejected_rows",
]
