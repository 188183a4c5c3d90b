"""The bureau's main window: the same navigation on the left as a school's window, with the
bureau's pages: 报送接收 (packet intake), 学校登记 (school registry), 数据冲突 (conflicts, with the
number still open on its navigation entry), 回执与退回 (receipts and returns), 区域概览 (district
overview: submissions, analytics with charts, district exports) and 设置.

The intake page is built at start-up; the others the first time they are opened, and read the
database again each time they are shown (a merge changes what they list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.bureau_workspace import bureau_profile
from app.services.conflicts import count_open_conflicts
from app.services.workspace import Workspace
from ui.navigation_window import NavigationWindow
from ui.pages.bureau_intake_page import BureauIntakePage
from ui.tasks import TaskRunner

PAGE_KEYS = ("intake", "registry", "conflicts", "receipts", "overview", "settings")
_ICONS = {
    "intake": "packet",
    "registry": "roster",
    "conflicts": "status",
    "receipts": "export",
    "overview": "fitness",
    "settings": "settings",
}


class BureauMainWindow(NavigationWindow):
    PAGE_KEYS = PAGE_KEYS
    ICONS = _ICONS

    def __init__(self, ws: Workspace, runner: TaskRunner, *, today: dt.date | None = None) -> None:
        super().__init__(ws, runner, today=today)
        self.guide: QMessageBox | None = None
        self.open_conflicts = 0
        self.intake_page: BureauIntakePage = self._finish_setup("intake")  # type: ignore[assignment]
        self.refresh_title()
        self.refresh_conflicts()
        self.resize(1100, 700)

    def _page_titles(self) -> dict[str, str]:
        return {
            "intake": self.tr("Packet intake"),
            "registry": self.tr("School registry"),
            "conflicts": self.tr("Conflicts"),
            "receipts": self.tr("Receipts and returns"),
            "overview": self.tr("District overview"),
            "settings": self.tr("Settings"),
        }

    def _page_builders(self) -> dict[str, Callable[[], QWidget]]:
        return {
            "intake": self._build_intake,
            "registry": self._build_registry,
            "conflicts": self._build_conflicts,
            "receipts": self._build_receipts,
            "overview": self._build_overview,
            "settings": self._build_settings,
        }

    def _guide_action_text(self) -> str:
        return self.tr("First &steps")

    # -- pages --------------------------------------------------------------------------------

    def _page_shown_again(self, key: str, widget: QWidget) -> None:
        """A merge may have changed what the page lists: read the database again."""
        if key not in ("intake", "settings"):
            widget.reload()  # type: ignore[attr-defined]

    def reload(self) -> None:
        """After the window is first shown: the counts that depend on the database."""
        self.refresh_conflicts()

    def _build_intake(self) -> QWidget:
        page = BureauIntakePage(self._ws, self._runner)
        page.merged.connect(self._data_changed)
        page.status_message.connect(self.statusBar().showMessage)
        return page

    def _build_registry(self) -> QWidget:
        from ui.pages.school_registry_page import SchoolRegistryPage

        return SchoolRegistryPage(self._ws)

    def _build_conflicts(self) -> QWidget:
        from ui.pages.conflicts_page import ConflictsPage

        page = ConflictsPage(self._ws)
        page.conflicts_changed.connect(self.refresh_conflicts)
        return page

    def _build_receipts(self) -> QWidget:
        from ui.pages.receipts_page import ReceiptsPage

        return ReceiptsPage(self._ws, self._runner)

    def _build_overview(self) -> QWidget:
        from ui.pages.district_page import DistrictPage

        page = DistrictPage(self._ws, self._runner, today=self._today)
        page.intake_wanted.connect(partial(self.show_page, "intake"))
        return page

    def _build_settings(self) -> QWidget:
        from ui.pages.bureau_settings_page import BureauSettingsPage

        page = BureauSettingsPage(self._ws)
        page.profile_changed.connect(self.refresh_title)
        page.backups_requested.connect(self.open_backups)
        return page

    def _data_changed(self) -> None:
        """A merge changed the central database: the badge now, the other pages when shown."""
        self.refresh_conflicts()

    # -- title and badge ----------------------------------------------------------------------

    def refresh_title(self) -> None:
        profile = bureau_profile(self._ws.db)
        name = profile.name if profile else self.tr("no bureau yet")
        self.setWindowTitle(self.tr("{app} — {bureau}").format(app=self.tr("Baosong"), bureau=name))

    def refresh_conflicts(self) -> None:
        """The number of open conflicts on the Conflicts entry of the navigation."""
        self.open_conflicts = count_open_conflicts(self._ws.db)
        item = self.nav.item(PAGE_KEYS.index("conflicts"))
        title = self.titles["conflicts"]
        if self.open_conflicts:
            item.setText(self.tr("{title} ({n})").format(title=title, n=self.open_conflicts))
            item.setToolTip(
                self.tr("{n} conflicts wait for a decision.").format(n=self.open_conflicts)
            )
        else:
            item.setText(title)
            item.setToolTip("")
        font = item.font()
        font.setBold(bool(self.open_conflicts))
        item.setFont(font)

    # -- steps and about --------------------------------------------------------------------

    def open_guide(self) -> None:
        """The bureau's first steps (帮助 → 入门步骤, F1), in a box that does not block."""
        if self.guide is None:
            self.guide = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("First steps"),
                self.tr(
                    "1. Settings → Export public keys…: give the file to every school and "
                    "read them its fingerprint by phone.\n"
                    "2. School registry → Enrol identity file…: each school's file, after "
                    "comparing its fingerprint by phone.\n"
                    "3. Packet intake: drop the packets the schools send, Check, then Merge.\n"
                    "4. Conflicts: decide each record that disagrees with the central data.\n"
                    "5. Receipts and returns: write the signed receipts for the schools, and "
                    "return what they must correct."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.guide.setWindowModality(Qt.WindowModality.NonModal)
        self.guide.show()

    def _about_text(self) -> str:
        return self.tr(
            "Baosong (报送) {version}\n\nThe education bureau's workspace: verifies and "
            "merges the schools' signed submission packets, keeps the registry of school "
            "keys and sends signed receipts."
        )
