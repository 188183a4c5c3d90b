"""劳动教育 → 素养评价: the term's literacy evaluations of the classes in the tree's scope, edited
in the grid while they are drafts, and the 公示 workflow through the toolbar: create drafts for
the class, put them under public notice (from–to), confirm them once the notice has ended
(reviewer), withdraw the notice, correct a confirmed one (with a reason, history kept).

The workflow acts on the selected rows; with none selected, on every row shown in the state the
action needs. Refusals (a notice still running, an incomplete draft) appear under the toolbar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labor.constants import EvaluationStatus
from app.labor.models import LiteracyEvaluation
from app.services.labor_evaluation import (
    confirm,
    create_drafts_for_class,
    life_skill_gaps,
    list_evaluations,
    publicize,
    withdraw_publicity,
)
from app.services.labor_records import labor_config
from ui.icons import icon
from ui.models.labor_evaluation_model import (
    COL_COMMENT,
    COL_FIRST_RATED,
    EvaluationStore,
    LaborEvaluationModel,
)
from ui.models.record_table_model import RecordFilterProxy
from ui.widgets.choice_delegate import ChoiceDelegate
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, selected_records

if TYPE_CHECKING:
    from ui.pages.labor_page import LaborPage

ERROR_STYLE = "color: #c62828;"


class LaborEvaluationTab(QWidget):
    def __init__(self, page: LaborPage) -> None:
        super().__init__()
        self.page = page
        self.store = EvaluationStore(page.ws.db, page.ws.actor)
        self.model = LaborEvaluationModel(self.store, self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.active_dialog: QDialog | None = None
        self._build()
        self.model.message.connect(self.show_message)

    def _build(self) -> None:
        def action(qicon: QIcon | None, text: str, slot: Callable[[], object]) -> QAction:
            act = QAction(qicon, text, self) if qicon is not None else QAction(text, self)
            act.triggered.connect(slot)
            return act

        self.drafts_action = action(icon("add"), self.tr("Create drafts"), self.create_drafts)
        self.publicize_action = action(None, self.tr("Public notice…"), self.publicize)
        self.confirm_action = action(None, self.tr("Confirm…"), self.confirm)
        self.withdraw_action = action(None, self.tr("Withdraw notice"), self.withdraw)
        self.correct_action = action(icon("edit"), self.tr("Correct…"), self.correct)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (
            self.drafts_action, self.publicize_action, self.confirm_action,
            self.withdraw_action, self.correct_action,
        ):  # fmt: skip
            toolbar.addAction(act)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        self.table = record_table(
            self.proxy, widths=(21, 6, 10, 6, 6, 8, 6, 6, 16, 12, 8, 20), multi=True, editable=True
        )
        self.delegate = ChoiceDelegate(self.table)
        for column in range(COL_FIRST_RATED, COL_COMMENT):
            self.table.setItemDelegateForColumn(column, self.delegate)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.summary)
        hint = EmptyHint()
        self.first_drafts_button = hint.add_button(
            self.tr("Create drafts"), self.create_drafts, icon("add")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.page.ws.db
        self.model.scale = labor_config(db).evaluation_scale
        rows = list_evaluations(db, term=self.page.term, class_uuid=self.page.class_uuid)
        rows = [e for e in rows if self.page.in_scope(e.student_uuid)]
        self.model.set_rows(rows)
        if rows:
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No labor literacy evaluations for this term here yet. Choose a class in the "
                    "tree and create empty drafts for its students; then rate each student in "
                    "the list."
                )
            )
        counts = {s: sum(e.status is s for e in rows) for s in EvaluationStatus}
        gaps = [
            g
            for g in life_skill_gaps(db, self.page.school_year, class_uuid=self.page.class_uuid)
            if self.page.in_scope(g.student_uuid)
        ]
        self.summary.setText(
            self.tr(
                "{drafts} drafts, {notice} under public notice, {confirmed} confirmed. "
                "{gaps} students of grades 3–6 have too few life skills recorded this school year."
            ).format(
                drafts=counts[EvaluationStatus.DRAFT],
                notice=counts[EvaluationStatus.PUBLICIZED],
                confirmed=counts[EvaluationStatus.CONFIRMED],
                gaps=len(gaps),
            )
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _refused(self, exc: UserError) -> None:
        self.show_message(" ".join(p for p in (exc.what or str(exc), exc.todo) if p))

    def targets(self, status: EvaluationStatus) -> list[LiteracyEvaluation]:
        """The selected rows in ``status``; with no selection, every shown row in it."""
        chosen: list[LiteracyEvaluation] = selected_records(self.table) or self.proxy.records()
        return [e for e in chosen if e.status is status]

    # -- the edges ----------------------------------------------------------------------------

    def ask_publicity_period(self, count: int) -> tuple[dt.date, dt.date] | None:
        from ui.dialogs.labor_evaluation_dialogs import PublicityDialog

        dialog = PublicityDialog(
            count,
            today=self.page.today,
            min_days=labor_config(self.page.ws.db).publicity_min_days,
            parent=self,
        )
        try:
            return dialog.period() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_reviewer(self) -> str | None:
        name, ok = QInputDialog.getText(
            self, self.tr("Confirm"), self.tr("Reviewer's name:"), QLineEdit.EchoMode.Normal
        )
        return name if ok else None

    def ask_confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    # -- the workflow -------------------------------------------------------------------------

    def create_drafts(self) -> None:
        classes = self.page.scope_class_uuids() or list(self.page.classes)
        if len(classes) > 1 and not self.ask_confirm(
            self.tr("Create drafts"),
            self.tr("Create empty drafts for the students of {count} classes?").format(
                count=len(classes)
            ),
        ):
            return
        db, actor = self.page.ws.db, self.page.ws.actor
        try:
            made = sum(create_drafts_for_class(db, c, self.page.term, actor=actor) for c in classes)
        except UserError as exc:
            self._refused(exc)
            return
        self.reload()
        self.show_message("" if made else self.tr("Every student already has an evaluation."))

    def publicize(self) -> None:
        drafts = self.targets(EvaluationStatus.DRAFT)
        if not drafts:
            self.show_message(self.tr("Choose drafts to put under public notice."))
            return
        period = self.ask_publicity_period(len(drafts))
        if period is None:
            return
        self._apply(
            lambda db, actor: publicize(
                db, [e.meta.uuid for e in drafts], date_from=period[0], date_to=period[1],
                actor=actor,
            )
        )  # fmt: skip

    def confirm(self) -> None:
        under_notice = self.targets(EvaluationStatus.PUBLICIZED)
        if not under_notice:
            self.show_message(self.tr("Choose evaluations under public notice to confirm."))
            return
        reviewer = self.ask_reviewer()
        if reviewer is None:
            return
        self._apply(
            lambda db, actor: confirm(
                db, [e.meta.uuid for e in under_notice], reviewer=reviewer, actor=actor,
                today=self.page.today,
            )
        )  # fmt: skip

    def withdraw(self) -> None:
        under_notice = self.targets(EvaluationStatus.PUBLICIZED)
        if not under_notice:
            self.show_message(self.tr("Choose evaluations under public notice to withdraw."))
            return
        if not self.ask_confirm(
            self.tr("Withdraw notice"),
            self.tr(
                "Take {count} evaluations back from public notice to draft, to correct them?"
            ).format(count=len(under_notice)),
        ):
            return
        self._apply(
            lambda db, actor: withdraw_publicity(
                db, [e.meta.uuid for e in under_notice], actor=actor
            )
        )

    def _apply(self, change: Callable[..., int]) -> None:
        try:
            change(self.page.ws.db, self.page.ws.actor)
        except UserError as exc:
            self._refused(exc)
            return
        self.reload()
        self.show_message("")

    def correct(self) -> None:
        from ui.dialogs.labor_evaluation_dialogs import CorrectionDialog

        chosen = [e for e in selected_records(self.table) if e.status is EvaluationStatus.CONFIRMED]
        if len(chosen) != 1:
            self.show_message(self.tr("Choose one confirmed evaluation to correct."))
            return
        dialog = CorrectionDialog(self.page.ws, chosen[0], self.model.scale, parent=self)
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.corrected.connect(self._corrected)
        dialog.open()

    def _corrected(self, _uuid: str) -> None:
        self.reload()
