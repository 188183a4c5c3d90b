"""What the spreadsheet imports (roster, labor, awards, fitness) share.

Each import checks its own rows, but they all reject a row the same way (row number, the header
of the first offending column, every reason in one text), show the rejected rows the same way in
the CLI's JSON, save them the same way for the user to fix and re-import, and check the column
mapping and report progress the same way. Keeping that here keeps the four imports alike.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from app.errors import Cancelled, ImportFileError
from app.excel.table_reader import RawTable
from app.excel.table_writer import write_text_table
from app.i18n import tr
from app.services.import_spec import IsCancelled, Progress
from app.services.roster_rows import RejectedRow

RowT = TypeVar("RowT")


@dataclass
class CheckedRows(Generic[RowT]):
    """The rows of a file sorted by the checks: importable, rejected, or blank (skipped)."""

    valid: list[RowT] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    blank: int = 0


class _PlanOutcome(Protocol):
    @property
    def rejected(self) -> tuple[RejectedRow, ...]: ...
    @property
    def skipped_blank(self) -> int: ...
    @property
    def headers(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class ImportReport:
    """The counts of a roster or fitness import (a dry run when ``committed`` is False)."""

    created: int
    updated: int
    unchanged: int
    rejected: list[RejectedRow]
    skipped_blank: int
    committed: bool  # False for a dry run
    headers: tuple[str, ...]

    @classmethod
    def of(
        cls, plan: _PlanOutcome, created: int, updated: int, unchanged: int, *, committed: bool
    ) -> ImportReport:
        return cls(
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=list(plan.rejected),
            skipped_blank=plan.skipped_blank,
            committed=committed,
            headers=plan.headers,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": rejected_json(self.rejected),
        }


def rejected_json(rejected: Iterable[RejectedRow]) -> list[dict[str, object]]:
    """The rejected rows as the CLI prints them (the cells stay out: they are in the user's file)."""
    return [{"row": r.row, "field": r.field, "reason": r.reason} for r in rejected]


def join_reasons(first: str, others: Iterable[tuple[str, str]]) -> str:
    """A row's reason text: the first problem as is (its column is the row's ``field``), then
    ``header: reason`` for each other problem, so one pass fixes the whole row."""
    return "; ".join([first, *(f"{header}: {reason}" for header, reason in others)])


def save_rejected_rows(rejected: Iterable[RejectedRow], headers: Sequence[str], path: Path) -> None:
    """The rejected rows as .xlsx: the file's own headers plus a reason column, all as text."""
    write_text_table(
        Path(path),
        [*headers, tr("Reason")],
        ([*r.cells, r.reason] for r in rejected),
        sheet_title=tr("Rejected rows"),
    )


def tick(done: int, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
    """Stop on a cancel request, else report progress (called every few hundred rows)."""
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


def check_mapping(table: RawTable, mapping: Mapping[str, int], fields: Collection[str]) -> None:
    """A mapping naming an unknown field or a column the file lacks is a programming error."""
    for name, col in mapping.items():
        if name not in fields or not 0 <= col < len(table.headers):
            raise ValueError(f"bad mapping {name} → {col} for {len(table.headers)} columns")


def require_columns(
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    fields: Collection[str],
    required: Iterable[str],
    labels: Mapping[str, str],
    todo: Callable[[], str],
) -> None:
    """Check the mapping, then refuse a file without a column for every required field.

    ``todo`` is a callable so each import keeps its own hint and translates it only on failure.
    """
    check_mapping(table, mapping, fields)
    missing = [labels[f] for f in required if f not in mapping]
    if missing:
        raise ImportFileError(
            tr(
                "The file {path} has no column for {columns}.",
                path=table.source.name,
                columns="、".join(missing),
            ),
            todo(),
        )


__all__ = [
    "CheckedRows",
    "ImportReport",
    "IsCancelled",
    "Progress",
    "RejectedRow",
    "check_mapping",
    "join_reasons",
    "rejected_json",
    "require_columns",
    "save_rejected_rows",
    "tick",
]
