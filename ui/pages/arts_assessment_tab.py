"""美育 → 测评: the 艺术素质测评 grid of the chosen class for the term's 学年, typed like a
spreadsheet (total and band appear as the sub-scores come in), the suggested 发展指标 points
with their evidence, the teacher's confirmation, and the class's bands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.arts_assessment import (
    apply_suggestions,
    class_assessments,
    class_summary,
    suggest_development_points,
)
from app.services.arts_settings import load_arts_config
from ui.models.arts_assessment_model import (
    COL_CONFIRMED,
    ArtsAssessmentModel,
    AssessmentRow,
    AssessmentStore,
)
from ui.models.arts_labels import band_labels
from ui.widgets.empty_hint import EmptyHint, HintStack

if TYPE_CHECKING:
    from app.arts.scoring import Suggestion
    from ui.pages.arts_page import ArtsPage

ERROR_STYLE = "color: #c62828;"


def evidence_text(suggestion: Suggestion) -> str:
    if not suggestion.evidence:
        return QCoreApplication.translate(
            "ArtsAssessmentTab", "No specialty or arts award recorded this school year."
        )
    return "\n".join(f"{e.description}: {e.points} — {e.reason}" for e in suggestion.evidence)


class ArtsAssessmentTab(QWidget):
    def __init__(self, page: ArtsPage) -> None:
        super().__init__()
        self.page = page
        self.store = AssessmentStore(page.ws.db, page.ws.actor, page.school_year)
        self.model = ArtsAssessmentModel(self.store, load_arts_config(page.ws.db), self)
        self.model.message.connect(self.show_message)
        self.model.saved.connect(self.update_summary)
        self._build()

    def _build(self) -> None:
        self.suggest_button = QPushButton(self.tr("Suggest development points"))
        self.suggest_button.setToolTip(
            self.tr(
                "Fill in outside learning and arts specialty from the students' specialties and "
                "awards (selected students, or all); confirmed points are kept."
            )
        )
        self.suggest_button.clicked.connect(self.suggest)
        bar = QHBoxLayout()
        bar.addWidget(self.suggest_button)
        bar.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_CONFIRMED, QHeaderView.ResizeMode.Stretch
        )
        char = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((21, 6, 9, 9, 9, 9, 9, 9, 5, 5)):
            self.table.setColumnWidth(column, chars * char + 16)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.message)
        inner.addWidget(self.summary)
        hint = EmptyHint()
        self.first_class_button = hint.add_button(
            self.tr("Open the first class"), self.page.select_first_class
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def reload(self) -> None:
        self.store.school_year = self.page.school_year
        self.show_message("")
        class_uuid = self.page.class_uuid
        if class_uuid is None:
            self.model.set_rows([])
            self.stack.show_hint(
                self.tr(
                    "Choose a class in the tree on the left: the arts assessment is entered "
                    "class by class, for the school year {year}."
                ).format(year=self.page.school_year)
            )
            return
        rows = []
        for student_uuid, assessment in class_assessments(
            self.page.ws.db, class_uuid, self.page.school_year
        ):
            student = self.page.students[student_uuid].student
            row = AssessmentRow(student_uuid, student.student_no, student.name)
            row.take(assessment)
            rows.append(row)
        self.model.set_rows(rows)
        self.stack.show_content()
        self.update_summary()

    def update_summary(self) -> None:
        class_uuid = self.page.class_uuid
        if class_uuid is None:
            return
        s = class_summary(self.page.ws.db, class_uuid, self.page.school_year)
        names = band_labels()
        bands = self.tr(", ").join(f"{names[b]} {n}" for b, n in s.bands.items())
        self.summary.setText(
            self.tr(
                "{year}: {complete} of {students} students complete ({bands}); average {average}; "
                "{missing} not started; {unconfirmed} with development points not confirmed."
            ).format(
                year=self.page.school_year,
                complete=s.complete,
                students=s.students,
                bands=bands,
                average="–" if s.average is None else f"{s.average:.1f}",
                missing=s.missing,
                unconfirmed=s.unconfirmed,
            )
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def suggest(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        chosen = [self.model.rows[r] for r in rows] or list(self.model.rows)
        if not chosen:
            return
        db, year = self.page.ws.db, self.page.school_year
        try:
            apply_suggestions(db, year, [r.student_uuid for r in chosen], actor=self.page.ws.actor)
            evidence = {
                r.student_uuid: evidence_text(suggest_development_points(db, r.student_uuid, year))
                for r in chosen
            }
        except UserError as exc:
            self.show_message(exc.what or str(exc))
            return
        self.reload()
        for row in self.model.rows:
            row.evidence = evidence.get(row.student_uuid, "")
        self.show_message("")
        if self.model.rows:
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(len(self.model.rows) - 1, COL_CONFIRMED),
                [Qt.ItemDataRole.ToolTipRole],
            )
