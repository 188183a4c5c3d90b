"""What a spreadsheet import offers its user interface: the ``ImportSpec`` protocol.

Every import (roster, fitness results, labor records, awards) has the same four steps: read the
file, map its columns to fields, plan (a dry run that writes nothing), commit (one transaction).
An import satisfies this protocol structurally, without importing anything from here, so one
import wizard in the GUI serves them all. Specs are called from worker threads: they must keep
no state between calls beyond their construction arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from sqlite_utils import Database

from app.excel.table_reader import RawTable

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class ImportFieldLike(Protocol):
    """One field a column can be mapped to (``ImportField`` or any object of the same shape)."""

    @property
    def key(self) -> str:
        """The service's field key (the mapping's key)."""

    @property
    def label(self) -> str:
        """Its name in the current language."""

    @property
    def required(self) -> bool: ...


@dataclass(frozen=True)
class ImportField:
    """One field a column can be mapped to; satisfies ``ImportFieldLike``."""

    key: str  # the service's field key (the mapping's key)
    label: str  # its name in the current language
    required: bool


class RejectedRowLike(Protocol):
    @property
    def row(self) -> int:
        """Spreadsheet row number."""

    @property
    def field(self) -> str:
        """The offending column's header as written in the file ("" if not column-specific)."""

    @property
    def reason(self) -> str: ...


class ImportOutcome(Protocol):
    """The counts of a dry run or a commit (``app.services.roster_import.ImportReport``)."""

    @property
    def created(self) -> int: ...

    @property
    def updated(self) -> int: ...

    @property
    def unchanged(self) -> int: ...

    @property
    def rejected(self) -> Sequence[RejectedRowLike]: ...

    @property
    def skipped_blank(self) -> int: ...

    @property
    def committed(self) -> bool: ...


ReportT = TypeVar("ReportT", bound=ImportOutcome)
ReportT_co = TypeVar("ReportT_co", bound=ImportOutcome, covariant=True)


class ImportPlan(Protocol[ReportT_co]):
    def report(self) -> ReportT_co:
        """What a commit would do, as of planning."""


PlanT = TypeVar("PlanT", bound=ImportPlan[ImportOutcome])


class ImportSpec(Protocol[PlanT, ReportT]):
    """One kind of import, as the wizard drives it."""

    @property
    def title(self) -> str: ...

    @property
    def fields(self) -> Sequence[ImportFieldLike]:
        """Every field in the order the mapping shows them."""

    def read_file(self, path: Path) -> RawTable: ...

    def guess_mapping(self, table: RawTable) -> tuple[dict[str, int], list[str]]:
        """Field key → column index of the headers recognised, and the headers left over."""

    def plan(
        self,
        db: Database,
        table: RawTable,
        mapping: Mapping[str, int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> PlanT:
        """Validate and compare; writes nothing. The plan has ``report() -> ReportT``."""

    def commit(
        self,
        db: Database,
        plan: PlanT,
        *,
        actor: str,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> ReportT:
        """Write the plan in one transaction; a cancel leaves the database as it was."""

    def save_rejected(self, report: ReportT, path: Path) -> None:
        """The rejected rows as .xlsx, with a reason column."""
