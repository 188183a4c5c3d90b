"""One student of the class grid as the model keeps it, and the strings its cells show.

A ``GridRow`` is the mutable mirror of a ``SheetRow`` for the attempt on screen: after a save the
model updates it from what the service returned instead of reading the class again. Each row's
cell strings are rendered once per change (``render_row``), so ``data()`` only indexes lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.scoring.fitness_score import FitnessResult
from app.services.fitness_records import SheetRow
from ui.models.fitness_columns import Column, Kind, format_value
from ui.models.fitness_store import ATTEMPT_FIRST

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal")


@dataclass
class GridRow:
    uuid: str
    student_no: str
    name: str
    sex: str
    grade: int
    tested: frozenset[str]
    values: dict[str, float | None]  # the attempt on screen
    absent: set[str]
    exempt: bool
    exempt_reason: str
    test_date: str | None
    first_result: FitnessResult | None
    retest_result: FitnessResult | None
    has_retest: bool

    @classmethod
    def from_sheet(cls, row: SheetRow, attempt: str) -> GridRow:
        test = row.first if attempt == ATTEMPT_FIRST else row.retest
        return cls(
            uuid=row.student_uuid,
            student_no=row.student_no,
            name=row.name,
            sex=row.sex,
            grade=row.grade_code,
            tested=frozenset(row.keys),
            values=dict(test.values) if test else {},
            absent=set(test.absent_items) if test else set(),
            exempt=row.exempt,
            exempt_reason=row.first.exempt_reason if row.first else "",
            test_date=test.test_date if test else None,
            first_result=row.first_result,
            retest_result=row.retest_result,
            has_retest=row.retest is not None,
        )

    @property
    def has_first(self) -> bool:
        return self.first_result is not None

    def result(self, attempt: str) -> FitnessResult | None:
        return self.first_result if attempt == ATTEMPT_FIRST else self.retest_result

    def year_result(self) -> FitnessResult | None:
        """choose_attempt: the 补测 when there is one, else the first test."""
        return self.retest_result if self.retest_result is not None else self.first_result

    def editable(self, attempt: str) -> bool:
        """A 补测 needs a first test and is not for an exempt student (the service's rules)."""
        return attempt == ATTEMPT_FIRST or (self.has_first and not self.exempt)

    def saved(
        self,
        attempt: str,
        values: dict[str, float | None],
        result: FitnessResult,
        test_date: str | None,
    ) -> None:
        """What a successful ``save_values`` changed (the service's merge rules, mirrored)."""
        self.values.update(values)
        self.test_date = test_date or self.test_date
        self.absent -= {k for k, v in values.items() if v is not None}
        if attempt == ATTEMPT_FIRST:
            self.first_result = result
        else:
            self.retest_result = result
            self.has_retest = True


class RowTexts:
    """The translated words of the grid, looked up once per model, not once per cell."""

    def __init__(self) -> None:
        self.male = translate("FitnessGridModel", "Male")
        self.female = translate("FitnessGridModel", "Female")
        self.absent = translate("FitnessGridModel", "Absent")
        self.exempt = translate("FitnessGridModel", "Exempt")
        self.exempt_reason = translate("FitnessGridModel", "Exempt: {reason}")
        self.absent_items = translate("FitnessGridModel", "Absent: {items}")
        self.retested = translate("FitnessGridModel", "Retest recorded")
        self.no_first = translate("FitnessGridModel", "No first test yet")
        self.separator = translate("FitnessGridModel", ", ")
        self.score = translate("FitnessGridModel", "Score {score}")
        self.saved_value = translate("FitnessGridModel", "Saved: {value}")
        self.bonus = translate("FitnessGridModel", "bonus {bonus}")


def render_row(
    row: GridRow,
    attempt: str,
    columns: tuple[Column, ...],
    errors: dict[tuple[str, str], tuple[str, str]],
    texts: RowTexts,
    levels: dict[str, str],
    item_names: dict[str, str],
) -> tuple[list[str], list[int | None]]:
    """The display string and the item score (None: no score) of every cell of ``row``."""
    result = row.result(attempt)
    scores: dict[str, int | None] = {}
    if result is not None:
        scores = dict(zip(result.keys, result.scores, strict=True))
    display: list[str] = []
    scores_shown: list[int | None] = []
    for col in columns:
        key = col.key
        score = scores.get(key)
        if col.kind is Kind.ITEM:
            error = errors.get((row.uuid, key))
            if error is not None:
                display.append(error[0])
                scores_shown.append(None)
                continue
            value = row.values.get(key) if key in row.tested else None
            absent = value is None and key in row.absent and key in row.tested
            display.append(texts.absent if absent else format_value(key, value))
            scores_shown.append(score)
        elif col.kind is Kind.FIXED:
            display.append(_fixed(row, key, texts))
            scores_shown.append(None)
        else:
            display.append(_computed(row, key, result, attempt, texts, levels, item_names))
            scores_shown.append(score if key == "bmi" else None)
    return display, scores_shown


def _fixed(row: GridRow, key: str, texts: RowTexts) -> str:
    if key == "student_no":
        return row.student_no
    if key == "name":
        return row.name
    return texts.male if row.sex == "male" else texts.female


def _computed(
    row: GridRow,
    key: str,
    result: FitnessResult | None,
    attempt: str,
    texts: RowTexts,
    levels: dict[str, str],
    item_names: dict[str, str],
) -> str:
    if key == "status":
        return _status(row, attempt, texts, item_names)
    if key == "level" and row.exempt:
        return texts.exempt
    if result is None:
        return ""
    if key == "bmi":
        return "" if result.bmi is None else f"{result.bmi:.1f}"
    if key == "standard_score":
        return "" if result.standard_score is None else f"{result.standard_score:.1f}"
    if key == "bonus_total":
        return "" if result.bonus_total is None else str(result.bonus_total)
    if key == "total_score":
        return "" if result.total_score is None else f"{result.total_score:.1f}"
    return levels.get(result.level, result.level) if result.level else ""


def _status(row: GridRow, attempt: str, texts: RowTexts, item_names: dict[str, str]) -> str:
    parts = []
    if row.exempt:
        parts.append(texts.exempt_reason.format(reason=row.exempt_reason))
    absent = [k for k in item_names if k in row.absent and k in row.tested]
    if absent:
        names = texts.separator.join(item_names[k] for k in absent)
        parts.append(texts.absent_items.format(items=names))
    if attempt == ATTEMPT_FIRST and row.has_retest:
        parts.append(texts.retested)
    if attempt != ATTEMPT_FIRST and not row.has_first:
        parts.append(texts.no_first)
    return texts.separator.join(parts)
