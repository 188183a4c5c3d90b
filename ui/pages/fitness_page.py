"""体质健康: the class tree, the sheet's 学年 / attempt / test date, the entry grid and its summary.

Choosing a class opens its sheet for the 学年 and attempt (first test or 补测) chosen above the
grid; values are saved as they are typed (see FitnessGridModel). The summary bar counts the year
results live: tested, 优秀 / 良好 / 及格 / 不及格, exempt and incomplete. The longer operations
(import, the national upload file) and the row marks live in ``FitnessOperations``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import StudentStatus
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace, current_term, school_code
from app.terms import previous_school_year
from ui.icons import icon
from ui.models.class_tree_model import SCOPE_ROLE, ClassTreeModel, Scope
from ui.models.fitness_columns import level_labels
from ui.models.fitness_grid_model import FitnessGridModel
from ui.models.fitness_store import ATTEMPT_FIRST, ATTEMPT_RETEST, FitnessStore
from ui.pages.fitness_operations import FitnessOperations
from ui.tasks import TaskRunner
from ui.widgets.fitness_grid_view import FitnessGridView

ON_ROLL = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)
YEARS_SHOWN = 4  # this 学年 and the three before it
DATE_APPLY_DELAY_MS = 600  # a date typed digit by digit is applied once, when the typing stops


class FitnessPage(QWidget):
    status_message = Signal(str)

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
        self.today = today or dt.date.today()
        self.scope = Scope()
        self.classes: dict[str, tuple[int, str]] = {}  # class uuid → (grade now, name)
        self._sheet_key: tuple[str, str, str] | None = None
        self._loads = 0
        self.store = FitnessStore(ws.db, ws.actor, current_term(ws.db).school_year)
        self.model = FitnessGridModel(self.store, self)
        self.tree_model = ClassTreeModel(self)
        self.operations = FitnessOperations(ws, runner, page=self)
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(DATE_APPLY_DELAY_MS)
        self._date_timer.timeout.connect(self.operations.apply_test_date)
        self._build()
        self.model.message.connect(self.show_message)
        self.model.summary_changed.connect(self.update_summary)
        self.update_summary()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        entry = QWidget()
        layout = QVBoxLayout(entry)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_toolbar())
        layout.addLayout(self._build_sheet_bar())
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        self.view = FitnessGridView(self.model)
        self.view.mark_absent_requested.connect(self.operations.mark_absent)
        self.view.mark_exempt_requested.connect(self.operations.mark_exempt)
        self.view.clear_marks_requested.connect(self.operations.clear_marks)
        self.view.retest_requested.connect(self.enter_retest)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        self.summary_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b71c1c;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.message_label)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900])
        layout.addWidget(splitter, 1)
        self._build_tabs(entry)

    def _build_tabs(self, entry: QWidget) -> None:
        """成绩录入 (the grid above) and 统计分析 (ui/pages/fitness_stats_view.py)."""
        from ui.pages.fitness_stats_view import FitnessStatsView

        self.stats_view = FitnessStatsView(self._ws, self._runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(entry, self.tr("Enter results"))
        self.tabs.addTab(self.stats_view, self.tr("Statistics"))
        self.stats_view.results_wanted.connect(self.show_entry_tab)
        QVBoxLayout(self).addWidget(self.tabs)

    def show_entry_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.import_action = QAction(icon("import"), self.tr("Import results"), self)
        self.import_action.triggered.connect(self.operations.start_import)
        toolbar.addAction(self.import_action)
        self.export_menu = QMenu(self)
        self.export_actions: dict[str, QAction] = {}
        for scope, text in (
            ("class", self.tr("This class")),
            ("grade", self.tr("This grade")),
            ("school", self.tr("Whole school")),
        ):
            action = self.export_menu.addAction(text)
            action.setData(scope)
            self.export_actions[scope] = action
        self.export_menu.triggered.connect(self._export_chosen)
        self.export_button = QToolButton()
        self.export_button.setIcon(icon("export"))
        self.export_button.setText(self.tr("Export national upload file"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)
        toolbar.addWidget(self.export_button)
        toolbar.addSeparator()
        self.undo_action = self.model.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setToolTip(self.tr("Undo the last edit (Ctrl+Z in the grid)"))
        self.redo_action = self.model.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setToolTip(self.tr("Redo (Ctrl+Y in the grid)"))
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        return toolbar

    def _build_sheet_bar(self) -> QHBoxLayout:
        self.year_combo = QComboBox()
        year = current_term(self._ws.db).school_year
        for _ in range(YEARS_SHOWN):
            self.year_combo.addItem(year, year)
            year = previous_school_year(year)
        self.year_combo.currentIndexChanged.connect(self.load_sheet)
        self.attempt_combo = QComboBox()
        self.attempt_combo.addItem(self.tr("First test"), ATTEMPT_FIRST)
        self.attempt_combo.addItem(self.tr("Retest (补测)"), ATTEMPT_RETEST)
        self.attempt_combo.currentIndexChanged.connect(self.load_sheet)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(
            self.tr("The day of the test; recorded with every value of this sheet.")
        )
        self.date_edit.dateChanged.connect(self._date_changed)
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("School year:"), self.year_combo),
            (self.tr("Attempt:"), self.attempt_combo),
            (self.tr("Test date:"), self.date_edit),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
            bar.addSpacing(12)
        bar.addStretch(1)
        return bar

    # -- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # the roster may have changed while another page was open

    def reload(self) -> None:
        """Read the classes again and the sheet on screen (a few ms for a class)."""
        has_school = school_code(self._ws.db) is not None
        for widget in (self.import_action, self.export_button):
            widget.setEnabled(has_school)
        if not has_school:
            self.model.clear()
            self.tree_model.set_classes([], Counter(), Counter(), 0)
            self._show_hint(self.tr("This workspace has no school yet. Set it up in Settings."))
            return
        rows = find_students(self._ws.db, statuses=ON_ROLL)
        school_classes = list_classes(self._ws.db)
        self.classes = {c.meta.uuid: (c.grade_code, c.name) for c in school_classes}
        keep = self.scope
        self.tree_model.set_classes(
            school_classes,
            Counter(r.student.class_uuid for r in rows),
            Counter(r.grade_code for r in rows),
            len(rows),
        )
        self.tree.expandAll()
        if keep.class_uuid is None and school_classes:
            keep = Scope(class_uuid=school_classes[0].meta.uuid)  # straight to the first class
        self.select_scope(keep)

    def select_scope(self, scope: Scope) -> None:
        index = self.tree_model.find(scope)
        if not index.isValid():
            index = self.tree_model.root_index()
        loads = self._loads
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if self._loads == loads:  # the same node as before: read its sheet again
            self.load_sheet()

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: object) -> None:
        indexes = selected.indexes()
        scope = indexes[0].data(SCOPE_ROLE) if indexes else None
        self.scope = scope if isinstance(scope, Scope) else Scope()
        self.load_sheet()

    @property
    def school_year(self) -> str:
        return str(self.year_combo.currentData())

    @property
    def attempt(self) -> str:
        return str(self.attempt_combo.currentData())

    def load_sheet(self) -> None:
        if self._date_timer.isActive():  # a date still to record belongs to the sheet leaving
            self._date_timer.stop()
            self.operations.apply_test_date()
        self._loads += 1
        class_uuid = self.scope.class_uuid
        if class_uuid is None or class_uuid not in self.classes:
            self.model.clear()
            self._sheet_key = None
            self._show_hint(self.tr("Choose a class on the left to enter its results."))
            return
        key = (class_uuid, self.school_year, self.attempt)
        self.store.school_year, self.store.attempt = self.school_year, self.attempt
        try:
            sheet = self.store.load(class_uuid)
        except UserError as exc:
            self.model.clear()
            self._show_hint(str(exc))
            return
        same = key == self._sheet_key
        self._sheet_key = key
        self.model.load(sheet, same_sheet=same)
        if not same:
            self._set_date_from_sheet()
            self.show_message("")
        self.stack.setCurrentWidget(self.view)
        if not same and self.model.rowCount():
            self.view.setCurrentIndex(self.view.first_editable(0))

    def _show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    # -- the test date ------------------------------------------------------------------------

    def _set_date_from_sheet(self) -> None:
        """The date most of the sheet's stored results carry, else today."""
        dates = Counter(r.test_date for r in self.model.rows if r.test_date)
        day = dt.date.fromisoformat(dates.most_common(1)[0][0]) if dates else self.today
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.store.test_date = day

    def _date_changed(self, date: QDate) -> None:
        self.store.test_date = dt.date(date.year(), date.month(), date.day())
        self._date_timer.start()

    # -- summary, messages, the retest --------------------------------------------------------

    def update_summary(self) -> None:
        summary = self.model.summary()
        levels = level_labels()
        counts = "  ".join(
            f"{levels.get(name, name)} {count}" for name, count in summary.counts.items()
        )
        self.summary_label.setText(
            self.tr(
                "Tested {tested} of {total}   {counts}   Exempt {exempt}   Incomplete {incomplete}"
            ).format(
                tested=summary.counted,
                total=self.model.rowCount(),
                counts=counts,
                exempt=summary.exempt,
                incomplete=summary.incomplete,
            )
        )

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.status_message.emit(text)

    def enter_retest(self, row: int) -> None:
        """录入补测: switch the sheet to the retest and put the cursor on this student's row."""
        uuid = self.model.rows[row].uuid
        self.attempt_combo.setCurrentIndex(self.attempt_combo.findData(ATTEMPT_RETEST))
        r = self.model.row_of(uuid)
        if r < 0:
            return
        if not self.model.rows[r].editable(ATTEMPT_RETEST):
            self.show_message(
                self.tr("{name} has no first test to retest, or is exempt.").format(
                    name=self.model.rows[r].name
                )
            )
        self.view.setCurrentIndex(self.view.first_editable(r))
        self.view.setFocus()

    def _export_chosen(self, action: QAction) -> None:
        self.operations.export_national_file(str(action.data()))
