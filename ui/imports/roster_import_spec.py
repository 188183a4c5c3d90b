"""The roster import (花名册导入) as the import wizard drives it.

A thin adapter over ``app.services.roster_import``: the services keep their own signatures (the
CLI uses them too), this object gives them the shape of ``ImportSpec``. Field labels come from
the core (学籍号, 姓名 … in Chinese), the same names its rejection reasons use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from app.excel.table_reader import RawTable
from app.services.import_spec import ImportField, ImportSpec, IsCancelled, Progress
from app.services.roster_import import (
    ROSTER_FIELDS,
    ImportReport,
    RosterImportPlan,
    commit_roster_import,
    guess_roster_mapping,
    plan_roster_import,
    read_roster_file,
    save_rejected_rows,
)
from app.validation.student import REQUIRED, field_label


class RosterImportSpec:
    """Satisfies ``ImportSpec[RosterImportPlan, ImportReport]``; ``today`` is for the date checks
    (ages, future dates) and is fixed in tests."""

    def __init__(self, *, today: dt.date | None = None) -> None:
        self.today = today

    @property
    def title(self) -> str:
        return QCoreApplication.translate("RosterImportSpec", "Import roster")

    @property
    def fields(self) -> tuple[ImportField, ...]:
        return tuple(ImportField(k, field_label(k), k in REQUIRED) for k in ROSTER_FIELDS)

    def read_file(self, path: Path) -> RawTable:
        return read_roster_file(path)

    def guess_mapping(self, table: RawTable) -> tuple[dict[str, int], list[str]]:
        return guess_roster_mapping(table)

    def plan(
        self,
        db: Database,
        table: RawTable,
        mapping: Mapping[str, int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> RosterImportPlan:
        return plan_roster_import(
            db, table, mapping, today=self.today, progress=progress, cancelled=cancelled
        )

    def commit(
        self,
        db: Database,
        plan: RosterImportPlan,
        *,
        actor: str,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> ImportReport:
        return commit_roster_import(db, plan, actor=actor, progress=progress, cancelled=cancelled)

    def save_rejected(self, report: ImportReport, path: Path) -> None:
        save_rejected_rows(report, path)


if TYPE_CHECKING:  # mypy checks that the roster import has the shape the wizard drives
    _conforms: ImportSpec[RosterImportPlan, ImportReport] = RosterImportSpec()
