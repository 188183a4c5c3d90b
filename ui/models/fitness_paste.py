"""Pasting a block copied from Excel into the class grid: which cells get which values.

The block lands column for column from the current cell, as Excel itself pastes: a value never
slides into the next item's column. Values landing on a disabled cell (an item the student's sex
is not tested on) or a read-only cell are skipped; the same text as a read-only cell shows (the
学籍号 and 姓名 of a whole copied row) is not worth a mention. A block row whose 学籍号 or 姓名 names
another student is skipped whole: the rows of the block and of the grid are out of step, and its
values belong to someone else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import ValidationError
from app.services.fitness_values import parse_item_value
from ui.models.fitness_undo import Change

if TYPE_CHECKING:
    from ui.models.fitness_grid_model import FitnessGridModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal")
Refused = tuple[int, str, str, str]  # row, item key, the text, the reason
_IDENTITY = ("student_no", "name")


@dataclass(frozen=True)
class PasteReport:
    saved: int  # cells written
    refused: int  # cells whose text was not a valid value (shown red, not saved)
    skipped: int  # values on a disabled or read-only cell, or below the last row
    wrong_student: int  # block rows skipped: their 学籍号/姓名 is another student's


@dataclass
class PastePlan:
    changes: list[Change] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    skipped: int = 0
    wrong_student: int = 0


def parse_clipboard(text: str) -> list[list[str]]:
    """Excel's clipboard text: rows by newline (its trailing one dropped), cells by tab."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def plan_paste(
    model: FitnessGridModel, top: int, left: int, block: Sequence[Sequence[str]]
) -> PastePlan:
    plan = PastePlan()
    rows, columns = model.rows, model.columns
    for i, cells in enumerate(block):
        r = top + i
        filled = [(left + j, text.strip()) for j, text in enumerate(cells) if text.strip()]
        if r >= len(rows) or not _same_student(model, r, filled):
            plan.skipped += len(filled)
            plan.wrong_student += r < len(rows)
            continue
        row = rows[r]
        for j, raw in enumerate(cells):
            c, text = left + j, raw.strip()
            if c >= len(columns) or not model.editable(r, c):
                shown = c < len(columns) and text == model.display_text(r, c)
                plan.skipped += bool(text) and not shown
                continue
            key = columns[c].key
            try:
                value = parse_item_value(key, text)
            except ValidationError as exc:
                plan.refused.append((r, key, text, str(exc)))
                continue
            if value != row.values.get(key) or model.has_error(row.uuid, key):
                plan.changes.append((row.uuid, key, value))
    return plan


def _same_student(model: FitnessGridModel, r: int, filled: Sequence[tuple[int, str]]) -> bool:
    columns = model.columns
    return all(
        text == model.display_text(r, c)
        for c, text in filled
        if c < len(columns) and columns[c].key in _IDENTITY
    )


def paste_message(report: PasteReport, first_reason: str) -> str:
    parts = [translate("FitnessPaste", "{count} values pasted.").format(count=report.saved)]
    if report.refused:
        parts.append(
            translate("FitnessPaste", "{count} refused (red): {reason}").format(
                count=report.refused, reason=first_reason
            )
        )
    if report.wrong_student:
        parts.append(
            translate(
                "FitnessPaste",
                "{count} rows skipped: their student number or name is not the row's.",
            ).format(count=report.wrong_student)
        )
    if report.skipped:
        parts.append(
            translate("FitnessPaste", "{count} values skipped (greyed or read-only cells).").format(
                count=report.skipped
            )
        )
    return " ".join(parts)
