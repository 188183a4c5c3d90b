"""Labor literacy evaluations (劳动素养评价) of a class for a term, with their 公示 state.

Drafts are edited in the grid itself: the four dimensions and the overall grade are chosen from
the school's evaluation scale, comment and life skills typed. Each edit is saved at once through
``EvaluationStore`` (the services); a refused value keeps the old one and says why (``message``).
Evaluations under public notice or confirmed are read-only here: they change through the
workflow (withdraw, correct).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from sqlite_utils import Database

from app.errors import UserError
from app.labor.constants import Dimension, EvaluationStatus
from app.labor.models import EvaluationFields, LiteracyEvaluation
from app.services.labor_evaluation import get_evaluation, update_evaluation
from ui.models.labor_labels import dimension_labels, evaluation_status_labels
from ui.models.record_table_model import Column, ModelIndex, RecordTableModel
from ui.widgets.choice_delegate import CHOICES_ROLE

RATED = ("concept", "ability", "habits", "spirit", "overall")
COL_FIRST_RATED, COL_COMMENT, COL_SKILLS = 3, 8, 9
SKILL_SEPARATORS = ("，", "、", ";", "；")
STATUS_COLORS = {
    EvaluationStatus.PUBLICIZED: QColor("#fff8e1"),
    EvaluationStatus.CONFIRMED: QColor("#e8f5e9"),
}


def split_skills(text: str) -> tuple[str, ...]:
    for separator in SKILL_SEPARATORS:
        text = text.replace(separator, ",")
    return tuple(s.strip() for s in text.split(",") if s.strip())


def skills_text(skills: tuple[str, ...]) -> str:
    return "、".join(skills)


class EvaluationStore:
    """Saves a draft's fields (on the GUI thread's connection: one small update)."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def update(self, uuid: str, fields: EvaluationFields) -> LiteracyEvaluation:
        update_evaluation(self.db, uuid, fields, actor=self.actor)
        return get_evaluation(self.db, uuid)


def evaluation_columns() -> list[Column]:
    dims = dimension_labels()
    statuses = evaluation_status_labels()
    scale_tip = QCoreApplication.translate(
        "LaborEvaluationModel",
        "A level of the school's evaluation scale (default 优秀/良好/合格/待改进); double-click a "
        "draft's cell to choose.",
    )

    def rated(title: str, key: str) -> Column:
        return Column(title, scale_tip, lambda e: getattr(e.fields, key))

    return [
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Student number"),
            QCoreApplication.translate("LaborEvaluationModel", "全国学籍号, 19 characters."),
            lambda e: e.student_no,
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Name"),
            QCoreApplication.translate("LaborEvaluationModel", "The student's name."),
            lambda e: e.student_name,
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Class"),
            QCoreApplication.translate("LaborEvaluationModel", "Grade and class."),
            lambda e: e.class_name,
        ),
        rated(dims[Dimension.CONCEPT], "concept"),
        rated(dims[Dimension.ABILITY], "ability"),
        rated(dims[Dimension.HABITS], "habits"),
        rated(dims[Dimension.SPIRIT], "spirit"),
        rated(QCoreApplication.translate("LaborEvaluationModel", "Overall"), "overall"),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Comment"),
            QCoreApplication.translate(
                "LaborEvaluationModel", "The teacher's comment, at most 1,000 characters."
            ),
            lambda e: e.fields.comment,
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Life skills"),
            QCoreApplication.translate(
                "LaborEvaluationModel",
                "Life skills learned this term, separated by 、 or commas (grades 3–6: at least "
                "one a year).",
            ),
            lambda e: skills_text(e.fields.life_skills),
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Status"),
            QCoreApplication.translate(
                "LaborEvaluationModel",
                "Draft → under public notice (公示) → confirmed by the reviewer after the notice "
                "has ended.",
            ),
            lambda e: statuses[e.status],
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Public notice"),
            QCoreApplication.translate(
                "LaborEvaluationModel", "First and last day of the public notice, year-month-day."
            ),
            lambda e: (
                f"{e.publicity_from.isoformat()} – {e.publicity_to.isoformat()}"
                if e.publicity_from and e.publicity_to
                else ""
            ),
        ),
        Column(
            QCoreApplication.translate("LaborEvaluationModel", "Reviewer"),
            QCoreApplication.translate(
                "LaborEvaluationModel", "Who confirmed the evaluation (审核)."
            ),
            lambda e: e.reviewer,
        ),
    ]


class LaborEvaluationModel(RecordTableModel):
    message = Signal(str)  # why an edit was refused ("" after a saved edit)

    def __init__(self, store: EvaluationStore, parent: QObject | None = None) -> None:
        super().__init__(evaluation_columns(), parent)
        self.store = store
        self.scale: tuple[str, ...] = ()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        editable = COL_FIRST_RATED <= index.column() <= COL_SKILLS
        if editable and self.rows[index.row()].status is EvaluationStatus.DRAFT:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        if role == CHOICES_ROLE and COL_FIRST_RATED <= column < COL_COMMENT:
            return [("", ""), *((level, level) for level in self.scale)]
        if role == Qt.ItemDataRole.EditRole:
            return self.text(index.row(), column)
        return super().data(index, role)

    def background(self, record: Any, column: int) -> Any:
        return STATUS_COLORS.get(record.status)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        evaluation: LiteracyEvaluation = self.rows[index.row()]
        column = index.column()
        text = str(value or "").strip()
        if column < COL_COMMENT:
            change: dict[str, Any] = {RATED[column - COL_FIRST_RATED]: text}
            fields = replace(evaluation.fields, **change)
        elif column == COL_COMMENT:
            fields = replace(evaluation.fields, comment=text)
        else:
            fields = replace(evaluation.fields, life_skills=split_skills(text))
        if fields == evaluation.fields:
            return True
        try:
            saved = self.store.update(evaluation.meta.uuid, fields)
        except UserError as exc:
            self.message.emit(exc.what or str(exc))
            return False
        self.refresh_row(index.row(), saved)
        self.message.emit("")
        return True
