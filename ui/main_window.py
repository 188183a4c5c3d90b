"""The main window: navigation on the left, one page at a time on the right.

Only the roster page is built at start-up; the other pages are built the first time they are
opened, so the first window appears quickly even as pages grow. The navigation, the menus and
the backups dialog are shared with the bureau's window (ui/navigation_window.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from app.errors import UserError
from app.services.workspace import Workspace, current_term, require_school
from ui.labels import term_label
from ui.navigation_window import NavigationWindow
from ui.pages.roster_page import RosterPage
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.dialogs.class_report_dialog import ClassReportDialog

PAGE_KEYS = ("roster", "fitness", "pe", "labor", "arts", "packets", "settings")
_ICONS = {"packets": "packet"}


class MainWindow(NavigationWindow):
    PAGE_KEYS = PAGE_KEYS
    ICONS = _ICONS

    def __init__(self, ws: Workspace, runner: TaskRunner, *, today: dt.date | None = None) -> None:
        super().__init__(ws, runner, today=today)
        self.guide: QWidget | None = None
        self.class_report_dialog: ClassReportDialog | None = None
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.roster_page: RosterPage = self._finish_setup("roster")  # type: ignore[assignment]
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

    def _page_builders(self) -> dict[str, Callable[[], QWidget]]:
        return {key: self._builder(key) for key in PAGE_KEYS}

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

    def _add_file_actions(self, file_menu: QMenu) -> None:
        self.class_report_action = QAction(self.tr("&Print class reports…"), self)
        self.class_report_action.triggered.connect(self._print_class_reports)
        file_menu.addAction(self.class_report_action)

    def _guide_action_text(self) -> str:
        return self.tr("User &guide")

    # -- pages --------------------------------------------------------------------------------

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
        return PlaceholderPage(self.titles[key], _ICONS.get(key, key), what, first)

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

    # -- class reports and the guide ---------------------------------------------------------

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

    def _about_text(self) -> str:
        return self.tr(
            "Baosong (报送) {version}\n\nOffline records of labor education, physical "
            "fitness, PE and arts education for schools, with signed submission packets "
            "for the education bureau."
        )
