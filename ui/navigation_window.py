"""What a school's window and the bureau's window share: the navigation list on the left, one
page at a time on the right, the File menu's backups and exit, the Help menu's guide and about.

Pages are built the first time they are opened (the first window appears quickly even as pages
grow); each subclass names its pages (``PAGE_KEYS``, ``_page_titles``, ``_page_builders``), its
guide, its about text and its window title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.services.workspace import Workspace
from ui.errors import show_info
from ui.icons import icon
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.dialogs.backups_dialog import BackupsDialog


class NavigationWindow(QMainWindow):
    # A backup file (Path) the user chose to restore; the AppController closes this window,
    # restores and opens a new one.
    restore_requested = Signal(object)

    PAGE_KEYS: ClassVar[tuple[str, ...]] = ()
    ICONS: ClassVar[dict[str, str]] = {}  # a page's icon when its name is not the page's key

    def __init__(self, ws: Workspace, runner: TaskRunner, *, today: dt.date | None = None) -> None:
        super().__init__()
        self._ws = ws
        self._runner = runner
        self._today = today
        self.backups_dialog: BackupsDialog | None = None
        self.setWindowIcon(icon("app"))
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(150)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.titles = self._page_titles()
        self._builders = self._page_builders()
        self._widgets: dict[str, QWidget] = {}
        for key in self.PAGE_KEYS:
            item = QListWidgetItem(icon(self.ICONS.get(key, key)), self.titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _finish_setup(self, first_page: str) -> QWidget:
        """The menus, the navigation's signal and the first page; subclasses call this last,
        once their own attributes the pages and menus use exist."""
        self._build_menus()
        self.nav.currentRowChanged.connect(self._nav_changed)
        return self.show_page(first_page)

    # -- what each window defines -------------------------------------------------------------

    def _page_titles(self) -> dict[str, str]:
        raise NotImplementedError

    def _page_builders(self) -> dict[str, Callable[[], QWidget]]:
        raise NotImplementedError

    def _guide_action_text(self) -> str:
        raise NotImplementedError

    def _about_text(self) -> str:
        raise NotImplementedError

    def _add_file_actions(self, file_menu: QMenu) -> None:
        """Window-specific actions at the top of the File menu (none by default)."""

    def _page_shown_again(self, key: str, widget: QWidget) -> None:
        """A page already built is shown again (nothing by default)."""

    def refresh_title(self) -> None:
        raise NotImplementedError

    def open_guide(self) -> None:
        raise NotImplementedError

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add_file_actions(file_menu)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.open_backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self._guide_action_text(), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        about_action = QAction(self.tr("&About Baosong"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    # -- pages --------------------------------------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        """Switch to a page (building it on first use) and return it."""
        widget = self._widgets.get(key)
        if widget is None:
            widget = self._builders[key]()
            self._widgets[key] = widget
            self.stack.addWidget(widget)
        else:
            self._page_shown_again(key, widget)
        self.stack.setCurrentWidget(widget)
        row = self.PAGE_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return widget

    def page(self, key: str) -> QWidget | None:
        return self._widgets.get(key)

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(self.PAGE_KEYS[row])

    # -- backups and about --------------------------------------------------------------------

    def open_backups(self) -> None:
        """The backups dialog; one per window, kept (its background tasks report back to it)."""
        from ui.dialogs.backups_dialog import BackupsDialog

        if self.backups_dialog is None:
            self.backups_dialog = BackupsDialog(self._ws, self._runner, parent=self)
            self.backups_dialog.restore_requested.connect(self.restore_requested)
        else:
            self.backups_dialog.reload()
        self.backups_dialog.open()

    def show_about(self) -> None:
        show_info(self, self.tr("About Baosong"), self._about_text().format(version=__version__))
