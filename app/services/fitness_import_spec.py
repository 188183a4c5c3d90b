"""The fitness import as the GUI's import wizard drives it (``app.services.import_spec``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from app.excel.table_reader import RawTable
from app.i18n import tr
from app.scoring.fitness_ranges import item_label
from app.services.fitness_import import (
    FIELDS,
    FitnessImportPlan,
    IsCancelled,
    Progress,
    commit_fitness_import,
    guess_fitness_mapping,
    plan_fitness_import,
    read_fitness_file,
)
from app.services.import_spec import ImportField, ImportSpec
from app.services.roster_import import ImportReport, save_rejected_rows


@dataclass(frozen=True)
class FitnessImportSpec:
    """The fitness import as the GUI's import wizard drives it (``import_spec.ImportSpec``)."""

    school_year: str | None = None  # None: the current 学年
    attempt: str | None = None  # None: the year's record (the 补测 when one is stored)

    @property
    def title(self) -> str:
        return tr("Import fitness test results")

    @property
    def fields(self) -> tuple[ImportField, ...]:
        return tuple(ImportField(f, field_label(f), f == "student_no") for f in FIELDS)

    def read_file(self, path: Path) -> RawTable:
        return read_fitness_file(path)

    def guess_mapping(self, table: RawTable) -> tuple[dict[str, int], list[str]]:
        return guess_fitness_mapping(table)

    def plan(
        self,
        db: Database,
        table: RawTable,
        mapping: Mapping[str, int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> FitnessImportPlan:
        return plan_fitness_import(
            db,
            table,
            mapping,
            school_year=self.school_year,
            attempt=self.attempt,
            progress=progress,
            cancelled=cancelled,
        )

    def commit(
        self,
        db: Database,
        plan: FitnessImportPlan,
        *,
        actor: str,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> ImportReport:
        return commit_fitness_import(db, plan, actor=actor, progress=progress, cancelled=cancelled)

    def save_rejected(self, report: ImportReport, path: Path) -> None:
        save_rejected_rows(report, path)


def field_label(key: str) -> str:
    """A field's name in the current language, for the mapping step."""
    labels = {
        "student_no": tr("student number (学籍号)"),
        "name": tr("student's name"),
        "sex": tr("student's sex"),
        "grade_code": tr("grade code (年级编号)"),
        "exempt_reason": tr("reason for exemption (免测)"),
    }
    return labels.get(key) or item_label(key)


if TYPE_CHECKING:  # mypy checks that the wizard can drive this import
    _SPEC: ImportSpec[FitnessImportPlan, ImportReport] = FitnessImportSpec()
