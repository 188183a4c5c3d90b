"""What the arts tabs share: a toolbar of actions, a record list with its hint, a confirmation
edge, and opening a dialog that reports back when it saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QDialog, QMessageBox, QStyle, QToolBar, QWidget

if TYPE_CHECKING:
    from ui.pages.scoped_page import ScopedPage

ERROR_STYLE = "color: #c62828;"


class ArtsTab(QWidget):
    def __init__(self, page: ScopedPage) -> None:
        super().__init__()
        self.page = page
        self.active_dialog: QDialog | None = None
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def add_action(
        self, text: str, slot: Callable[[], object], qicon: QIcon | None = None
    ) -> QAction:
        act = QAction(qicon, text, self) if qicon is not None else QAction(text, self)
        act.triggered.connect(slot)
        self.toolbar.addAction(act)
        return act

    def trash_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon)

    def ask_confirm(self, title: str, text: str) -> bool:
        """A yes/no question (an edge: tests replace it)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def open_dialog(
        self, dialog: QDialog, saved: SignalInstance, slot: Callable[..., object]
    ) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saved.connect(slot)
        dialog.open()

    def reload(self) -> None:
        raise NotImplementedError
