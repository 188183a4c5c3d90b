"""The progress window of a background task: what is happening, how far, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class ProgressDialog(QDialog):
    """Window-modal, so the user cannot start a second edit of the same data meanwhile, while
    the window keeps painting. Closing it (Esc, the window's X) means Cancel."""

    cancel_requested = Signal()

    def __init__(self, label: str, *, cancellable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._cancellable = cancellable
        self.label = QLabel(label or self.tr("Working…"))
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy indicator until the task reports a total
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(cancellable)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(360)

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    def set_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def _cancel_clicked(self) -> None:
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc
        if self._cancellable:
            self.cancel_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # the window's X: only the task closes us
        if event.spontaneous():
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)
