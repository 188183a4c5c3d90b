"""学生名册: the class tree, the student table with search and status filter, and the roster
actions (add, edit, change status, import, export, promote)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import Student, StudentRow, StudentStatus
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace, school_code
from ui.icons import icon
from ui.labels import status_labels
from ui.models.class_tree_model import SCOPE_ROLE, ClassTreeModel, Scope
from ui.models.student_table_model import StudentFilterProxy, StudentTableModel
from ui.pages.roster_operations import RosterOperations
from ui.tasks import TaskRunner

ON_ROLL = frozenset({StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN})


class RosterPage(QWidget):
    counts_changed = Signal(int, int)  # students shown, students on roll
    roster_changed = Signal()  # something was written (the title/term may have changed too)

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._today = today
        self.scope = Scope()
        self._class_numbers: dict[str, tuple[int, int]] = {}  # class uuid → (grade, number)
        self.on_roll_count = 0
        self.model = StudentTableModel(self)
        self.proxy = StudentFilterProxy(self.model, self)
        self.tree_model = ClassTreeModel(self)
        self.operations = RosterOperations(ws, runner, page=self, today=today)
        self._build_actions()
        self._build()
        self.proxy.set_statuses(ON_ROLL)
        # Whatever changes the visible rows (search, filters, reload) updates the counts.
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_counts)
        self._update_actions()

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(name: str, text: str, slot: object) -> QAction:
            act = QAction(icon(name), text, self)
            act.triggered.connect(slot)
            return act

        self.add_action = action("add", self.tr("New student"), self.add_student)
        self.edit_action = action("edit", self.tr("Edit"), self.edit_student)
        self.status_action = action("status", self.tr("Change status"), self.change_status)
        self.class_action = action("edit", self.tr("Edit class"), self.edit_class)
        self.import_action = action("import", self.tr("Import roster"), self.start_import)
        self.export_action = action("export", self.tr("Export roster"), self.export_roster)
        self.promote_action = action("promote", self.tr("Promote grades"), self.promote)

    def _build(self) -> None:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.add_action, self.edit_action, self.status_action, self.class_action):
            toolbar.addAction(act)
        toolbar.addSeparator()
        for act in (self.import_action, self.export_action, self.promote_action):
            toolbar.addAction(act)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or student number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("On roll"), ON_ROLL)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status, label in status_labels().items():
            self.status_filter.addItem(label, frozenset({status}))
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_filter)

        self.table = self._build_table()
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)

        self.empty = QLabel(
            self.tr(
                "This workspace has no school yet. Set the school up in Settings, "
                "then come back here to add or import students."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_students = self._build_no_students()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_students)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.stack, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)

    def _build_no_students(self) -> QWidget:
        """An empty roster says where students come from, with both ways as buttons."""
        text = QLabel(
            self.tr(
                "No students yet. Import the roster file exported from the student registry "
                "(学籍系统), or add students one by one."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_import_button = QPushButton(icon("import"), self.tr("Import roster"))
        self.first_import_button.clicked.connect(self.start_import)
        self.first_add_button = QPushButton(icon("add"), self.tr("New student"))
        self.first_add_button.clicked.connect(self.add_student)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.first_import_button)
        buttons.addWidget(self.first_add_button)
        buttons.addStretch(1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return panel

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        # Fixed row heights and column widths: nothing is measured per row, so 5,000 rows scroll
        # as smoothly as 50.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep grade/class/学籍号 order
        table.setSortingEnabled(True)
        char = table.fontMetrics().horizontalAdvance("0")
        for column, chars in enumerate((20, 7, 4, 10, 7, 11, 7, 6)):
            table.setColumnWidth(column, chars * char + 16)
        header.setStretchLastSection(True)
        table.doubleClicked.connect(self._row_double_clicked)
        table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        return table

    # -- loading ------------------------------------------------------------------------------

    def reload(self, *, select_uuid: str | None = None) -> None:
        """Read the classes and students again (about 50 ms for 5,000 students, so in line)."""
        has_school = school_code(self._ws.db) is not None
        self.stack.setCurrentWidget(self.table if has_school else self.empty)
        if not has_school:
            self.model.set_rows([])
            self.tree_model.set_classes([], Counter(), Counter(), 0)
            self._update_counts()
            self._update_actions()
            return
        rows = find_students(self._ws.db)
        self.stack.setCurrentWidget(self.table if rows else self.no_students)
        self.model.set_rows(rows)
        self._rebuild_tree(rows)
        self._update_counts()
        self._update_actions()
        if select_uuid:
            self.select_student(select_uuid)

    def _rebuild_tree(self, rows: list[StudentRow]) -> None:
        on_roll = [r for r in rows if r.student.status.is_on_roll]
        self.on_roll_count = len(on_roll)
        classes = Counter(r.student.class_uuid for r in on_roll)
        grades = Counter(r.grade_code for r in on_roll)
        keep = self.scope
        school_classes = list_classes(self._ws.db)
        self._class_numbers = {c.meta.uuid: (c.grade_code, c.class_no) for c in school_classes}
        self.tree_model.set_classes(school_classes, classes, grades, len(on_roll))
        self.tree.expand(self.tree_model.root_index())
        index = self.tree_model.find(keep)
        self.tree.setCurrentIndex(index if index.isValid() else self.tree_model.root_index())

    def select_student(self, uuid: str) -> None:
        source_row = self.model.row_of(uuid)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    # -- filters and selection ----------------------------------------------------------------

    def _status_filter_changed(self, _index: int) -> None:
        self.proxy.set_statuses(self.status_filter.currentData())

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: object) -> None:
        indexes = selected.indexes()
        scope = indexes[0].data(SCOPE_ROLE) if indexes else None
        self.scope = scope if isinstance(scope, Scope) else Scope()
        self.proxy.set_scope(grade_code=self.scope.grade_code, class_uuid=self.scope.class_uuid)
        self._update_actions()

    def _table_selection_changed(self, *_args: object) -> None:
        self._update_actions()

    def _update_counts(self, *_args: object) -> None:
        self.counts_changed.emit(self.proxy.rowCount(), self.on_roll_count)

    def _update_actions(self) -> None:
        has_school = self.stack.currentWidget() is not self.empty
        selected = self.selected_row() is not None
        for act in (self.add_action, self.import_action, self.export_action, self.promote_action):
            act.setEnabled(has_school)
        self.edit_action.setEnabled(has_school and selected)
        self.status_action.setEnabled(has_school and selected)
        self.class_action.setEnabled(has_school and self.scope.class_uuid is not None)

    def selected_row(self) -> StudentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.student_at(rows[0].row()) if rows else None

    def status_filter_shows_left(self) -> bool:
        """Whether students who have left (转出, 毕业) are in view, for the export."""
        statuses = self.status_filter.currentData()
        return statuses is None or not statuses <= ON_ROLL | {StudentStatus.SUSPENDED}

    # -- actions ------------------------------------------------------------------------------

    def add_student(self) -> None:
        from ui.dialogs.student_dialog import StudentDialog

        # A new student goes into the grade or class selected in the tree.
        grade, class_no = self.scope.grade_code, None
        if self.scope.class_uuid in self._class_numbers:
            grade, class_no = self._class_numbers[self.scope.class_uuid]
        dialog = StudentDialog(
            self._ws, grade_code=grade, class_no=class_no, today=self._today, parent=self
        )
        self._open_dialog(dialog, dialog.student_saved)

    def edit_student(self) -> None:
        from ui.dialogs.student_dialog import StudentDialog

        row = self.selected_row()
        if row is None:
            return
        dialog = StudentDialog(self._ws, row=row, today=self._today, parent=self)
        self._open_dialog(dialog, dialog.student_saved)

    def change_status(self) -> None:
        from ui.dialogs.status_dialog import StatusDialog

        row = self.selected_row()
        if row is None:
            return
        dialog = StatusDialog(self._ws, row.student, today=self._today, parent=self)
        self._open_dialog(dialog, dialog.status_changed)

    def edit_class(self) -> None:
        from app.services.roster import list_classes
        from ui.dialogs.class_dialog import ClassDialog

        chosen = next(
            (c for c in list_classes(self._ws.db) if c.meta.uuid == self.scope.class_uuid), None
        )
        if chosen is None:
            return
        dialog = ClassDialog(self._ws, chosen, parent=self)
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.class_saved.connect(self._class_written)
        dialog.open()

    def _class_written(self, _school_class: object) -> None:
        self.reload()
        self.roster_changed.emit()

    def _open_dialog(self, dialog: QDialog, saved: SignalInstance) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saved.connect(self.student_written)
        dialog.open()

    def student_written(self, student: Student) -> None:
        self.reload(select_uuid=student.meta.uuid)
        self.roster_changed.emit()

    def _row_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_student()

    def start_import(self) -> None:
        """The import wizard with the roster spec; the roster reloads once the commit succeeded."""
        from ui.dialogs.import_wizard import ImportWizard
        from ui.imports.roster_import_spec import RosterImportSpec

        spec = RosterImportSpec(today=self._today)
        wizard = ImportWizard(spec, self._ws, self._runner, parent=self)
        self.active_dialog = wizard
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self.roster_imported)
        wizard.open()

    def roster_imported(self, _report: object) -> None:
        self.reload()
        self.roster_changed.emit()

    def export_roster(self) -> None:
        self.operations.export(self.scope, include_left=self.status_filter_shows_left())

    def promote(self) -> None:
        self.operations.promote()
