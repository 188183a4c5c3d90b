"""What the tables of the district analytics share: a row is one group's figures (the district,
a school, a grade, a sex) from a district service, with the scope it belongs to; the first two
columns say which; the district's own row is shaded. Each tab adds its figure columns.

A rate without a denominator is "–", never 0 (``percent``/``decimal`` of the school statistics).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from ui.models.fitness_stats_model import change_text, decimal, percent
from ui.models.record_table_model import Column, RecordTableModel

__all__ = ["FigureRow", "FiguresModel", "change_text", "decimal", "percent"]

translate = QCoreApplication.translate
DISTRICT_BACKGROUND: Final = QColor("#eef3f8")
_LOW: Final = float("-inf")
DISTRICT, SCHOOL, GRADE, SEX, GRADE_SEX = (
    "district", "school", "grade", "sex", "grade_sex",
)  # fmt: skip


@dataclass(frozen=True)
class FigureRow:
    scope: str  # DISTRICT, SCHOOL, GRADE, SEX …
    label: str
    figures: Any  # the service's figures of the group (GroupStats, LaborFigures …)
    order: int  # the service's order: the district first, then schools, grades …
    school_code: str | None = None


def scope_labels() -> dict[str, str]:
    return {
        DISTRICT: translate("DistrictRows", "District"),
        SCHOOL: translate("DistrictRows", "School"),
        GRADE: translate("DistrictRows", "Grade"),
        SEX: translate("DistrictRows", "Sex"),
        GRADE_SEX: translate("DistrictRows", "Grade and sex"),
    }


def numbered(rows: Sequence[tuple[str, str, Any, str | None]]) -> list[FigureRow]:
    """(scope, label, figures, school code) in display order → rows with their order."""
    return [FigureRow(s, label, f, i, code) for i, (s, label, f, code) in enumerate(rows)]


def sort_key(value: float | None) -> float:
    return _LOW if value is None else value


def figure(
    title: str, tooltip: str, get: Callable[[Any], float | None], show: Callable[..., str]
) -> Column:
    """A measure of ``row.figures`` (``get`` receives the figures), shown by ``show``."""
    return Column(
        title,
        tooltip,
        lambda r: show(get(r.figures)),
        lambda r: sort_key(get(r.figures)),
        number=True,
    )


def count(title: str, tooltip: str, get: Callable[[Any], int | None]) -> Column:
    def shown(r: FigureRow) -> object:
        value = get(r.figures)
        return "–" if value is None else value

    return Column(title, tooltip, shown, lambda r: sort_key(get(r.figures)), number=True)


def head_columns() -> list[Column]:
    return [
        Column(
            translate("DistrictRows", "Scope"),
            translate(
                "DistrictRows",
                "The district (every school of the chosen type, each student counted once), "
                "then each school, grade or sex.",
            ),
            lambda r: scope_labels().get(r.scope, r.scope),
            lambda r: r.order,
        ),
        Column(
            translate("DistrictRows", "Name"),
            translate("DistrictRows", "The school, grade or sex of the row."),
            lambda r: r.label,
            lambda r: r.order,
        ),
    ]


class FiguresModel(RecordTableModel):
    """Rows are ``FigureRow``; the district's row (and a chosen school's) is shaded."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Columns that depend on the figures (the year compared with, in a tooltip)."""
        self.beginResetModel()
        self.columns = tuple(columns)
        self.endResetModel()

    def column_of(self, title: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.title == title)

    def row_of(self, scope: str, label: str) -> int:
        return next(i for i, r in enumerate(self.rows) if r.scope == scope and r.label == label)

    def background(self, record: Any, column: int) -> Any:
        if record.scope == DISTRICT:
            return DISTRICT_BACKGROUND
        return None
