"""The 艺术素质测评 grid of a class for a 学年: the six sub-scores typed per student, the total and
band computed as they are typed (the core's ``total_and_band``), and the teacher's confirmation
of the 发展指标 points.

A sub-score is checked against its configured maximum before it is saved (``parse_sub_scores``):
a value out of range is refused and the cell keeps its old value. Each accepted value is saved at
once through ``AssessmentStore``. The suggestion's evidence (which specialty or award earns what,
and why not) is the tooltip of the two 发展指标 cells once suggested.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from sqlite_utils import Database

from app.arts.config import SUB_SCORES, ArtsConfig
from app.arts.models import Assessment
from app.arts.scoring import parse_sub_scores, total_and_band
from app.errors import UserError
from app.services.arts_assessment import confirm_development_points, save_assessment
from ui.models.arts_labels import band_labels, sub_score_labels

ModelIndex = QModelIndex | QPersistentModelIndex

COL_NO, COL_NAME = 0, 1
COL_FIRST_SCORE = 2
COL_TOTAL = COL_FIRST_SCORE + len(SUB_SCORES)
COL_BAND, COL_CONFIRMED = COL_TOTAL + 1, COL_TOTAL + 2
DEVELOPMENT = ("outside_learning", "art_specialty")
BAND_COLORS = {"excellent": QColor("#c8e6c9"), "fail": QColor("#ffcdd2")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class AssessmentRow:
    student_uuid: str
    student_no: str
    name: str
    scores: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(SUB_SCORES))
    confirmed: bool = False
    evidence: str = ""  # the last suggestion's reasons, for the tooltip

    def take(self, assessment: Assessment | None) -> None:
        if assessment is not None:
            self.scores = dict(assessment.scores)
            self.confirmed = assessment.development_points_confirmed


class AssessmentStore:
    """Saves through the arts assessment services, on the GUI thread's connection."""

    def __init__(self, db: Database, actor: str, school_year: str) -> None:
        self.db, self.actor, self.school_year = db, actor, school_year

    def save(self, student_uuid: str, scores: Mapping[str, int | None]) -> Assessment:
        return save_assessment(self.db, student_uuid, self.school_year, scores, actor=self.actor)

    def confirm(self, student_uuid: str, outside: int | None, specialty: int | None) -> Assessment:
        return confirm_development_points(
            self.db, student_uuid, self.school_year, actor=self.actor,
            outside_learning=outside, art_specialty=specialty,
        )  # fmt: skip


class ArtsAssessmentModel(QAbstractTableModel):
    message = Signal(str)  # why a value was refused; "" after an accepted one
    saved = Signal()  # a value was written (the class summary is read again)

    def __init__(
        self, store: AssessmentStore, config: ArtsConfig, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.config = config
        self.rows: list[AssessmentRow] = []
        names = sub_score_labels()
        self._titles = (
            QCoreApplication.translate("ArtsAssessmentModel", "Student number"),
            QCoreApplication.translate("ArtsAssessmentModel", "Name"),
            *(f"{names[k]} ({config.sub_maxima[k]})" for k in SUB_SCORES),
            QCoreApplication.translate("ArtsAssessmentModel", "Total"),
            QCoreApplication.translate("ArtsAssessmentModel", "Band"),
            QCoreApplication.translate("ArtsAssessmentModel", "Confirmed"),
        )
        points = QCoreApplication.translate(
            "ArtsAssessmentModel", "Whole points from 0 to {max}; empty until assessed."
        )
        self._tooltips = (
            QCoreApplication.translate("ArtsAssessmentModel", "全国学籍号, 19 characters."),
            QCoreApplication.translate("ArtsAssessmentModel", "The student's name."),
            *(points.format(max=config.sub_maxima[k]) for k in SUB_SCORES),
            QCoreApplication.translate(
                "ArtsAssessmentModel",
                "The sum of the six sub-scores, at most {cap} points; shown once all six are in.",
            ).format(cap=config.total_cap or 110),
            QCoreApplication.translate(
                "ArtsAssessmentModel",
                "优秀 ≥ {excellent}, 良好 ≥ {good}, 合格 ≥ {pass_}, else 不合格.",
            ).format(
                excellent=config.band_minima["excellent"],
                good=config.band_minima["good"],
                pass_=config.band_minima["pass"],
            ),
            QCoreApplication.translate(
                "ArtsAssessmentModel",
                "Whether the teacher confirmed the outside-learning and arts-specialty points "
                "(typed points count as confirmed; tick to accept suggested ones).",
            ),
        )

    def set_rows(self, rows: Sequence[AssessmentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def total_and_band(self, row: int) -> tuple[int | None, str | None]:
        return total_and_band(self.config, self.rows[row].scores)

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if COL_FIRST_SCORE <= column < COL_TOTAL:
            return base | Qt.ItemFlag.ItemIsEditable
        if column == COL_CONFIRMED and not self.rows[index.row()].confirmed:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_CONFIRMED:
            return Qt.CheckState.Checked if r.confirmed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column >= COL_FIRST_SCORE and r.evidence:
            key = SUB_SCORES[column - COL_FIRST_SCORE] if column < COL_TOTAL else ""
            return r.evidence if key in DEVELOPMENT else None
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_BAND:
            return BAND_COLORS.get(self.total_and_band(index.row())[1] or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and COL_FIRST_SCORE <= column <= COL_TOTAL:
            return _RIGHT
        return None

    def _text(self, row: int, column: int) -> str:
        r = self.rows[row]
        if column == COL_NO:
            return r.student_no
        if column == COL_NAME:
            return r.name
        if column < COL_TOTAL:
            value = r.scores.get(SUB_SCORES[column - COL_FIRST_SCORE])
            return "" if value is None else str(value)
        total, band = self.total_and_band(row)
        if column == COL_TOTAL:
            return "" if total is None else str(total)
        if column == COL_BAND:
            return band_labels()[band] if band else ""
        return ""

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        r = self.rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_CONFIRMED:
            if Qt.CheckState(value) != Qt.CheckState.Checked or r.confirmed:
                return False
            outside, specialty = (r.scores.get(k) for k in DEVELOPMENT)
            return self._write(row, lambda: self.store.confirm(r.student_uuid, outside, specialty))
        if role != Qt.ItemDataRole.EditRole or not COL_FIRST_SCORE <= column < COL_TOTAL:
            return False
        key = SUB_SCORES[column - COL_FIRST_SCORE]
        text = str(value if value is not None else "").strip()
        parsed, errors = parse_sub_scores(self.config, {key: text or None})
        if errors:
            self.message.emit(f"{r.name}: {errors[key]}")
            return False
        if parsed[key] == r.scores.get(key):
            return True
        return self._write(row, lambda: self.store.save(r.student_uuid, {key: parsed[key]}))

    def _write(self, row: int, save: Callable[[], Assessment]) -> bool:
        try:
            assessment = save()
        except UserError as exc:
            self.message.emit(exc.what or str(exc))
            return False
        self.rows[row].take(assessment)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CONFIRMED))
        self.message.emit("")
        self.saved.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[section]
        return None
