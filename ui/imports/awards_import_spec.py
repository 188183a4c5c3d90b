"""The awards import (获奖名单导入) as the import wizard drives it.

``app.services.awards_import`` reports awards, winners and duplicates, and its plan needs the
database to say what a commit would do; this adapter gives both the wizard's shape: the plan is
checked and counted on the worker thread, and the counts read as New = winner rows to add,
Unchanged = rows already recorded. Warnings (a 国家级 contest not on the Ministry's list …) do
not reject a row; the awards list shows them after the import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from app.arts.constants import AwardDomain
from app.excel.table_reader import RawTable
from app.services.awards_import import (
    AwardsImportPlan,
    AwardsImportReport,
    commit_awards_import,
    guess_awards_mapping,
    plan_awards_import,
    read_awards_file,
    save_rejected_rows,
)
from app.services.awards_import_rows import FIELD_LABELS_ZH, FIELDS, REQUIRED
from app.services.import_spec import ImportField, ImportSpec, IsCancelled, Progress
from app.services.roster_rows import RejectedRow


@dataclass(frozen=True)
class AwardsOutcome:
    """An ``AwardsImportReport`` in the wizard's terms (``ImportOutcome``)."""

    report: AwardsImportReport

    @property
    def created(self) -> int:
        return self.report.winners

    @property
    def updated(self) -> int:
        return 0

    @property
    def unchanged(self) -> int:
        return self.report.duplicates

    @property
    def rejected(self) -> Sequence[RejectedRow]:
        return self.report.rejected

    @property
    def skipped_blank(self) -> int:
        return self.report.skipped_blank

    @property
    def committed(self) -> bool:
        return self.report.committed

    @property
    def awards(self) -> int:
        return self.report.awards

    @property
    def warnings(self) -> list[tuple[int, str]]:
        return self.report.warnings


@dataclass(frozen=True)
class AwardsWizardPlan:
    plan: AwardsImportPlan
    outcome: AwardsOutcome  # the dry run, counted with the database when planned

    def report(self) -> AwardsOutcome:
        return self.outcome


class AwardsImportSpec:
    def __init__(
        self, *, default_domain: AwardDomain = AwardDomain.ARTS, today: dt.date | None = None
    ) -> None:
        self.default_domain = default_domain
        self.today = today

    @property
    def title(self) -> str:
        return QCoreApplication.translate("AwardsImportSpec", "Import awards")

    @property
    def fields(self) -> tuple[ImportField, ...]:
        return tuple(ImportField(k, FIELD_LABELS_ZH[k], k in REQUIRED) for k in FIELDS)

    def read_file(self, path: Path) -> RawTable:
        return read_awards_file(path)

    def guess_mapping(self, table: RawTable) -> tuple[dict[str, int], list[str]]:
        return guess_awards_mapping(table)

    def plan(
        self,
        db: Database,
        table: RawTable,
        mapping: Mapping[str, int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> AwardsWizardPlan:
        plan = plan_awards_import(
            db, table, mapping, default_domain=self.default_domain, today=self.today,
            progress=progress, cancelled=cancelled,
        )  # fmt: skip
        return AwardsWizardPlan(plan, AwardsOutcome(plan.report(db)))

    def commit(
        self,
        db: Database,
        plan: AwardsWizardPlan,
        *,
        actor: str,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> AwardsOutcome:
        return AwardsOutcome(commit_awards_import(db, plan.plan, actor=actor))

    def save_rejected(self, report: AwardsOutcome, path: Path) -> None:
        save_rejected_rows(report.report, path)


if TYPE_CHECKING:  # the wizard can drive this import
    _conforms: ImportSpec[AwardsWizardPlan, AwardsOutcome] = AwardsImportSpec()
