"""劳动教育 → 活动记录: the activities of the term in the tree's scope, filtered by category, dates
and text; new (the batch-entry dialog), edit, delete (a tombstone, after a confirmation), import
(the generic import wizard with the labor spec) and the attached files (evidence)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labor.constants import Category
from app.labor.models import ActivityFilter, LaborActivityRow
from app.services.labor_records import delete_activity, list_activities
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.labor_activity_model import LaborActivityModel, LaborActivityProxy
from ui.models.labor_labels import category_labels
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, select_record_rows, selected_records

if TYPE_CHECKING:
    from ui.pages.labor_page import LaborPage

UNSET_DATE = QDate(2000, 1, 1)  # a QDateEdit cannot be empty: its minimum stands for "any date"


def _date(edit: QDateEdit) -> dt.date | None:
    day = edit.date()
    if day == edit.minimumDate():
        return None
    return dt.date(day.year(), day.month(), day.day())


class LaborActivitiesTab(QWidget):
    activities_changed = Signal()

    def __init__(self, page: LaborPage) -> None:
        super().__init__()
        self.page = page
        self.model = LaborActivityModel(self)
        self.proxy = LaborActivityProxy(self.model, self)
        self.active_dialog: QDialog | None = None
        self._build_actions()
        self._build()
        self._update_actions()

    def _build_actions(self) -> None:
        style = self.style()

        def action(qicon: QIcon, text: str, slot: Callable[[], object]) -> QAction:
            act = QAction(qicon, text, self)
            act.triggered.connect(slot)
            return act

        self.new_action = action(icon("add"), self.tr("New activity"), self.new_activity)
        self.edit_action = action(icon("edit"), self.tr("Edit"), self.edit_activity)
        self.delete_action = action(
            style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
            self.tr("Delete"),
            self.delete_selected,
        )
        self.import_action = action(icon("import"), self.tr("Import"), self.start_import)
        self.files_action = action(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            self.tr("Files"),
            self.open_files,
        )

    def _build(self) -> None:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.new_action, self.edit_action, self.delete_action):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.files_action)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for category, label in category_labels().items():
            self.category.addItem(label, category.value)
        self.category.currentIndexChanged.connect(self._filters_changed)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search in project and description"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Category:")))
        filters.addWidget(self.category)
        filters.addWidget(QLabel(self.tr("From:")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("To:")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.search, 1)
        self.table = record_table(self.proxy, widths=(10, 11, 16, 16, 8, 10, 8, 10, 4))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel()
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(filters)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.count_label)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(
            self.tr("New activity"), self.new_activity, icon("add")
        )
        self.first_import_button = hint.add_button(
            self.tr("Import"), self.start_import, icon("import")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.stack, 1)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._count)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(UNSET_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(UNSET_DATE)
        edit.dateChanged.connect(self._filters_changed)
        return edit

    # -- loading ------------------------------------------------------------------------------

    def reload(self, *, select_uuid: str | None = None) -> None:
        db = self.page.ws.db
        classes = self.page.scope_class_uuids()
        if classes is None:
            rows = list_activities(db, ActivityFilter(term=self.page.term))
        else:
            found: dict[str, LaborActivityRow] = {}
            for class_uuid in classes:
                for r in list_activities(
                    db, ActivityFilter(term=self.page.term, class_uuid=class_uuid)
                ):
                    found[r.activity.meta.uuid] = r
            rows = list(found.values())
        self.model.set_rows(rows)
        if rows:
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No labor activities recorded for this term here yet. Record the first one: "
                    "a class's afternoon at the labor base is one entry for the whole class. "
                    "Or import a spreadsheet of labor records."
                )
            )
        if select_uuid:
            select_record_rows(self.table, lambda r: r.activity.meta.uuid == select_uuid)
        self._update_actions()

    def _filters_changed(self, *_args: object) -> None:
        value = self.category.currentData()
        self.proxy.set_category(Category(value) if value else None)
        self.proxy.set_dates(_date(self.date_from), _date(self.date_to))

    def _count(self, *_args: object) -> None:
        self.count_label.setText(
            self.tr("{shown} of {all} activities shown").format(
                shown=self.proxy.rowCount(), all=self.model.rowCount()
            )
        )

    def selected(self) -> list[LaborActivityRow]:
        return selected_records(self.table)

    def _update_actions(self, *_args: object) -> None:
        one = len(self.selected()) == 1
        self.edit_action.setEnabled(one)
        self.delete_action.setEnabled(one)
        self.files_action.setEnabled(one)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_activity()

    # -- actions ------------------------------------------------------------------------------

    def new_activity(self) -> None:
        from ui.dialogs.labor_activity_dialog import LaborActivityDialog

        dialog = LaborActivityDialog(
            self.page.ws, class_uuid=self.page.class_uuid, today=self.page.today, parent=self
        )
        self._open(dialog)

    def edit_activity(self) -> None:
        from ui.dialogs.labor_activity_dialog import LaborActivityDialog

        chosen = self.selected()
        if len(chosen) != 1:
            return
        try:
            dialog = LaborActivityDialog(
                self.page.ws,
                activity_uuid=chosen[0].activity.meta.uuid,
                today=self.page.today,
                parent=self,
            )
        except UserError as exc:  # deleted meanwhile (another window, a merge)
            show_user_error(self, exc)
            return
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.activity_saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.open()

    def _saved(self, uuid: str) -> None:
        self.reload(select_uuid=uuid)
        self.activities_changed.emit()

    def ask_confirm(self, title: str, text: str) -> bool:
        """A yes/no question (an edge: tests replace it)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        activity = chosen[0].activity
        if not self.ask_confirm(
            self.tr("Delete activity"),
            self.tr(
                "Delete “{project}” of {date} with its {count} participants? Their minutes no "
                "longer count. The deletion is recorded and reaches the bureau with the next packet."
            ).format(
                project=activity.project,
                date=activity.date.isoformat(),
                count=chosen[0].participants,
            ),
        ):
            return
        try:
            delete_activity(self.page.ws.db, activity.meta.uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload()
        self.activities_changed.emit()

    def start_import(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard
        from ui.imports.labor_import_spec import LaborImportSpec

        wizard = ImportWizard(
            LaborImportSpec(today=self.page.today), self.page.ws, self.page.runner, parent=self
        )
        self.active_dialog = wizard
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.open()

    def _imported(self, _report: object) -> None:
        self.reload()
        self.activities_changed.emit()

    def open_files(self) -> None:
        from ui.dialogs.labor_evidence_dialog import LaborEvidenceDialog

        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = LaborEvidenceDialog(
            self.page.ws, self.page.runner, chosen[0].activity, parent=self
        )
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.files_changed.connect(self._files_changed)
        dialog.open()

    def _files_changed(self) -> None:
        chosen = self.selected()
        self.reload(select_uuid=chosen[0].activity.meta.uuid if chosen else None)
