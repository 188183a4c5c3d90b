"""The labor-record import (劳动记录导入) as the import wizard drives it.

A thin adapter over ``app.services.labor_import``: rows with the same date, category, task
group, project and setting become one activity (a class's weekly home-labor sheet is one
entry). The wizard's "New / Updated / Unchanged" counts are participations (one per row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from app.excel.header_mapping import unmapped_headers
from app.excel.table_reader import RawTable
from app.services.import_spec import ImportField, ImportSpec, IsCancelled, Progress
from app.services.labor_import import (
    LaborImportPlan,
    LaborImportReport,
    commit_labor_import,
    guess_labor_mapping,
    plan_labor_import,
    read_labor_file,
    save_rejected_rows,
)
from app.services.labor_import_rows import FIELD_LABELS_ZH, FIELDS, REQUIRED


class LaborImportSpec:
    """Satisfies ``ImportSpec[LaborImportPlan, LaborImportReport]``; ``today`` bounds the dates
    (no future activity) and is fixed in tests."""

    def __init__(self, *, today: dt.date | None = None) -> None:
        self.today = today

    @property
    def title(self) -> str:
        return QCoreApplication.translate("LaborImportSpec", "Import labor records")

    @property
    def fields(self) -> tuple[ImportField, ...]:
        # The column names people write (学籍号, 任务群 …), as the rejection reasons name them.
        return tuple(ImportField(k, FIELD_LABELS_ZH[k], k in REQUIRED) for k in FIELDS)

    def read_file(self, path: Path) -> RawTable:
        return read_labor_file(path)

    def guess_mapping(self, table: RawTable) -> tuple[dict[str, int], list[str]]:
        mapping = guess_labor_mapping(table)
        return mapping, unmapped_headers(table.headers, mapping)

    def plan(
        self,
        db: Database,
        table: RawTable,
        mapping: Mapping[str, int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> LaborImportPlan:
        return plan_labor_import(
            db, table, mapping, today=self.today, progress=progress, cancelled=cancelled
        )

    def commit(
        self,
        db: Database,
        plan: LaborImportPlan,
        *,
        actor: str,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> LaborImportReport:
        return commit_labor_import(db, plan, actor=actor, cancelled=cancelled)

    def save_rejected(self, report: LaborImportReport, path: Path) -> None:
        save_rejected_rows(report, path)


if TYPE_CHECKING:  # the wizard can drive this import (checked when mypy reads ui/)
    _conforms: ImportSpec[LaborImportPlan, LaborImportReport] = LaborImportSpec()
