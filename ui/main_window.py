"""The main window: navigation on the left, one page at a time on the right.

Only the roster page is built at start-up; the other pages are built the first time they are
opened, so the first window appears quickly even as pages grow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.errors import UserError
from app.services.workspace import Workspace, current_term, require_school
from ui.errors import show_info
from ui.icons import icon
from ui.labels import term_label
from ui.pages.roster_page import RosterPage
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.dialogs.backups_dialog import BackupsDialog
    from ui.dialogs.class_report_dialog import ClassReportDialog

PAGE_KEYS = ("roster", "fitness", "pe", "labor", "arts", "packets", "settings")
_ICONS = {"packets": "packet"}


@dataclass
class _Page:
    key: str
    title: str
    build: Callable[[], QWidget]
    widget: QWidget | None = None


class MainWindow(QMainWindow):
    # A backup file (Path) the user chose to restore; the AppController closes this window,
    # restores and opens a new one.
    restore_requested = Signal(object)

    def __init__(self, ws: Workspace, runner: TaskRunner, *, today: dt.date | None = None) -> None:
        super().__init__()
        self._ws = ws
        self._runner = runner
        self._today = today
        self.guide: QWidget | None = None
        self.backups_dialog: BackupsDialog | None = None
        self.class_report_dialog: ClassReportDialog | None = None
        self.setWindowIcon(icon("app"))
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(150)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self._pages: dict[str, _Page] = {}
        for key, title in self._page_titles().items():
            self._pages[key] = _Page(key, title, self._builder(key))
            item = QListWidgetItem(icon(_ICONS.get(key, key)), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.roster_page: RosterPage = self.show_page("roster")  # type: ignore[assignment]
        self.refresh_title()
        self.resize(1100, 700)

    def _page_titles(self) -> dict[str, str]:
        return {
            "roster": self.tr("Student roster"),
            "fitness": self.tr("Physical fitness"),
            "pe": self.tr("PE process"),
            "labor": self.tr("Labor education"),
            "arts": self.tr("Arts education"),
            "packets": self.tr("Submission"),
            "settings": self.tr("Settings"),
        }

    def _builder(self, key: str) -> Callable[[], QWidget]:
        if key == "roster":
            return self._build_roster
        if key == "settings":
            return self._build_settings
        if key == "fitness":
            return self._build_fitness
        if key in ("labor", "arts", "pe"):
            return partial(self._build_scoped, key)
        if key == "packets":
            return self._build_packets
        return partial(self._build_placeholder, key)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.class_report_action = QAction(self.tr("&Print class reports…"), self)
        self.class_report_action.triggered.connect(self._print_class_reports)
        file_menu.addAction(self.class_report_action)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.open_backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("User &guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        about_action = QAction(self.tr("&About Baosong"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    # -- pages --------------------------------------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        """Switch to a page (building it on first use) and return it."""
        page = self._pages[key]
        if page.widget is None:
            page.widget = page.build()
            self.stack.addWidget(page.widget)
        self.stack.setCurrentWidget(page.widget)
        row = PAGE_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return page.widget

    def page(self, key: str) -> QWidget | None:
        return self._pages[key].widget

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(PAGE_KEYS[row])

    def _build_roster(self) -> QWidget:
        page = RosterPage(self._ws, self._runner, today=self._today)
        page.counts_changed.connect(self._show_counts)
        page.roster_changed.connect(self.refresh_title)
        return page

    def _build_settings(self) -> QWidget:
        from ui.pages.settings_page import SettingsPage

        page = SettingsPage(self._ws, today=self._today)
        page.profile_changed.connect(self._profile_changed)
        page.backups_requested.connect(self.open_backups)
        return page

    def _build_fitness(self) -> QWidget:
        from ui.pages.fitness_page import FitnessPage

        page = FitnessPage(self._ws, self._runner, today=self._today)
        page.status_message.connect(self.statusBar().showMessage)
        return page

    def _build_scoped(self, key: str) -> QWidget:
        """劳动教育, 美育 and 体育过程: class tree, term and tabs (ui/pages/scoped_page.py)."""
        from ui.pages.arts_page import ArtsPage
        from ui.pages.labor_page import LaborPage
        from ui.pages.pe_page import PEPage

        page_class = {"labor": LaborPage, "arts": ArtsPage, "pe": PEPage}[key]
        page = page_class(self._ws, self._runner, today=self._today)
        page.navigate.connect(self.show_page)
        return page

    def _build_packets(self) -> QWidget:
        """报送: keys, the export wizard, the history and receipts (ui/pages/packets_page.py)."""
        from ui.pages.packets_page import PacketsPage

        page = PacketsPage(self._ws, self._runner, today=self._today)
        page.navigate.connect(self.show_page)
        return page

    def _build_placeholder(self, key: str) -> QWidget:
        from ui.pages.placeholder_page import PlaceholderPage, placeholder_texts

        what, first = placeholder_texts()[key]
        return PlaceholderPage(self._pages[key].title, _ICONS.get(key, key), what, first)

    # -- title, counts, about -----------------------------------------------------------------

    def refresh_title(self) -> None:
        try:
            school = require_school(self._ws.db).name
        except UserError:
            school = self.tr("no school yet")
        term = term_label(current_term(self._ws.db))
        self.setWindowTitle(
            self.tr("{app} — {school} — {term}").format(
                app=self.tr("Baosong"), school=school, term=term
            )
        )

    def _profile_changed(self) -> None:
        self.refresh_title()
        self.roster_page.reload()

    def _show_counts(self, shown: int, on_roll: int) -> None:
        self.count_label.setText(
            self.tr("{on_roll} students on roll, {shown} shown").format(
                on_roll=on_roll, shown=shown
            )
        )

    # -- backups and the guide ----------------------------------------------------------------

    def open_backups(self) -> None:
        """The backups dialog; one per window, kept (its background tasks report back to it)."""
        from ui.dialogs.backups_dialog import BackupsDialog

        if self.backups_dialog is None:
            self.backups_dialog = BackupsDialog(self._ws, self._runner, parent=self)
            self.backups_dialog.restore_requested.connect(self.restore_requested)
        else:
            self.backups_dialog.reload()
        self.backups_dialog.open()

    def _print_class_reports(self) -> None:
        self.open_class_report()

    def open_class_report(self, class_uuid: str | None = None, kind: str | None = None) -> None:
        """文件 → 打印班级报告…; pages pass their class and report kind (``ClassReportDialog``).
        One dialog per window, kept: its background task reports back to it."""
        from ui.dialogs.class_report_dialog import ClassReportDialog

        if self.class_report_dialog is None:
            self.class_report_dialog = ClassReportDialog(
                self._ws, self._runner, today=self._today, parent=self
            )
        self.class_report_dialog.preselect(class_uuid, kind)
        self.class_report_dialog.open()

    def open_guide(self) -> None:
        """The short guide (帮助 → 使用指南, F1); one window, raised if already open."""
        from ui.dialogs.guide_dialog import GuideDialog

        if self.guide is None:
            self.guide = GuideDialog(parent=self)
        self.guide.show()
        self.guide.activateWindow()  # brings an open guide to the front

    def show_about(self) -> None:
        show_info(
            self,
            self.tr("About Baosong"),
            self.tr(
                "Baosong (报送) {version}\n\nOffline records of labor education, physical "
                "fitness, PE and arts education for schools, with signed submission packets "
                "for the education bureau."
            ).format(version=__version__),
        )
