"""An empty page or tab says what to do first: a centred sentence with the main action buttons.

``HintStack`` shows either the content (a table, a form) or the hint, so every list can fall
back to its hint when there is nothing to show yet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class EmptyHint(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addStretch(1)
        # A column of limited width, centred: wrapped labels need a width to compute a height.
        column = QWidget()
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.addStretch(1)
        inner.addWidget(self.label)
        inner.addLayout(self._buttons)
        inner.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)

    def add_button(
        self, text: str, slot: Callable[[], object], icon: QIcon | None = None
    ) -> QPushButton:
        button = QPushButton(text) if icon is None else QPushButton(icon, text)
        button.clicked.connect(slot)
        self._buttons.insertWidget(self._buttons.count() - 1, button)
        return button

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()


class HintStack(QStackedWidget):
    """The content, or the hint in its place."""

    def __init__(self, content: QWidget, hint: EmptyHint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.hint = hint
        self.addWidget(content)
        self.addWidget(hint)

    def show_hint(self, text: str | None = None, *, buttons: bool = True) -> None:
        if text is not None:
            self.hint.set_text(text)
        for button in self.hint.findChildren(QPushButton):
            button.setVisible(buttons)
        self.setCurrentWidget(self.hint)

    def show_content(self) -> None:
        self.setCurrentWidget(self.content)

    def showing_hint(self) -> bool:
        return self.currentWidget() is self.hint
