"""What the labor and arts pages share: the class tree on the left, a term chooser above tabs on
the right, and a page-wide hint while there is no school or no student yet.

Tabs are reloaded lazily: a change of class, term or records marks every tab stale, and a tab
reads the database again only when it is shown (``reload`` of the current one at once).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import SchoolClass, StudentRow, StudentStatus
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace, current_term, school_code
from ui.icons import icon
from ui.models.class_tree_model import SCOPE_ROLE, ClassTreeModel, Scope
from ui.tasks import TaskRunner
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.term_combo import TermCombo

ON_ROLL = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)


class ScopedPage(QWidget):
    navigate = Signal(str)  # a page key the empty state sends the user to ("roster", "settings")

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.today = today or dt.date.today()
        self.scope = Scope()
        self.classes: dict[str, SchoolClass] = {}
        self.students: dict[str, StudentRow] = {}  # every student of the school, by uuid
        self.tree_model = ClassTreeModel(self)
        self._stale: set[QWidget] = set()
        self.term_combo = TermCombo(self.today, current_term(ws.db).code)
        self.term_combo.currentIndexChanged.connect(self._term_changed)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        self.page_hint = EmptyHint()
        self.roster_button = self.page_hint.add_button(
            self.tr("Open the student roster"), self._to_roster, icon("roster")
        )
        self.settings_button = self.page_hint.add_button(
            self.tr("Open the settings"), self._to_settings, icon("settings")
        )
        self.stack = QStackedWidget()
        self._shown_before = False

    def build(self) -> None:
        """Lay the page out once the subclass has added its tabs."""
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Term:")))
        top.addWidget(self.term_combo)
        top.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900])
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.page_hint)
        self.main = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- what the tabs read -------------------------------------------------------------------

    @property
    def term(self) -> str:
        return self.term_combo.code()

    @property
    def school_year(self) -> str:
        return self.term_combo.school_year()

    @property
    def class_uuid(self) -> str | None:
        """The class chosen in the tree (None for a grade or the whole school)."""
        return self.scope.class_uuid

    def scope_class_uuids(self) -> list[str] | None:
        """The classes in the tree's scope; None for the whole school."""
        if self.scope.class_uuid is not None:
            return [self.scope.class_uuid]
        if self.scope.grade_code is not None:
            return [u for u, c in self.classes.items() if c.grade_code == self.scope.grade_code]
        return None

    def in_scope(self, student_uuid: str) -> bool:
        row = self.students.get(student_uuid)
        if row is None:
            return False
        if self.scope.class_uuid is not None:
            return row.student.class_uuid == self.scope.class_uuid
        if self.scope.grade_code is not None:
            return row.grade_code == self.scope.grade_code
        return True

    def scope_students(self) -> list[StudentRow]:
        """Students on the roll in the tree's scope, in grade, class and 学籍号 order."""
        return [
            r
            for r in self.students.values()
            if r.student.status.is_on_roll and self.in_scope(r.student.meta.uuid)
        ]

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the classes and students again, then the current tab."""
        if school_code(self.ws.db) is None:
            self._show_page_hint(
                self.tr("This workspace has no school yet. Set the school up in Settings first."),
                roster=False,
            )
            return
        rows = find_students(self.ws.db)
        self.students = {r.student.meta.uuid: r for r in rows}
        on_roll = [r for r in rows if r.student.status.is_on_roll]
        if not on_roll:
            self._show_page_hint(self.no_students_text(), roster=True)
            return
        self.stack.setCurrentWidget(self.main)
        school_classes = [c for c in list_classes(self.ws.db) if not c.graduated]
        self.classes = {c.meta.uuid: c for c in school_classes}
        keep = self.scope
        self.tree_model.set_classes(
            school_classes,
            Counter(r.student.class_uuid for r in on_roll),
            Counter(r.grade_code for r in on_roll),
            len(on_roll),
        )
        self.tree.expand(self.tree_model.root_index())
        index = self.tree_model.find(keep)
        self.tree.setCurrentIndex(index if index.isValid() else self.tree_model.root_index())
        self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page reads again: the roster or the records may have changed on
        another page meanwhile (an import, a promotion). The first showing follows the reload
        of the constructor."""
        if self._shown_before and not event.spontaneous():  # not a window restored
            self.reload()
        self._shown_before = True
        super().showEvent(event)

    def no_students_text(self) -> str:
        return self.tr(
            "No students yet. Import the roster first: every record here is a student's."
        )

    def _show_page_hint(self, text: str, *, roster: bool) -> None:
        self.page_hint.set_text(text)
        self.roster_button.setVisible(roster)
        self.settings_button.setVisible(not roster)
        self.stack.setCurrentWidget(self.page_hint)

    def showing_page_hint(self) -> bool:
        return self.stack.currentWidget() is self.page_hint

    def mark_stale(self, *, except_tab: QWidget | None = None) -> None:
        """Every tab reads again when next shown; the current one now."""
        tabs = {self.tabs.widget(i) for i in range(self.tabs.count())}
        self._stale = {t for t in tabs if t is not None and t is not except_tab}
        self._reload_current()

    def _reload_current(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._stale and not self.showing_page_hint():
            self._stale.discard(current)
            current.reload()  # type: ignore[attr-defined]

    def _tab_changed(self, _index: int) -> None:
        self._reload_current()

    def _term_changed(self, _index: int) -> None:
        self.mark_stale()

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: object) -> None:
        indexes = selected.indexes()
        scope = indexes[0].data(SCOPE_ROLE) if indexes else None
        scope = scope if isinstance(scope, Scope) else Scope()
        if scope != self.scope:
            self.scope = scope
            self.mark_stale()

    def select_scope(self, scope: Scope) -> None:
        """Choose a node of the class tree as the user would."""
        index = self.tree_model.find(scope)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def select_first_class(self) -> None:
        """Choose the first class in the tree (the hint of a tab that works class by class)."""
        if self.classes:
            self.select_scope(Scope(class_uuid=next(iter(self.classes))))

    def _to_roster(self) -> None:
        self.navigate.emit("roster")

    def _to_settings(self) -> None:
        self.navigate.emit("settings")
