"""Known errors versus bugs, as the user sees them.

A ``UserError`` is something the user can fix: it is shown as a plain message (what happened,
what to do) and never as a traceback. Anything else is a bug: it is logged with its traceback to
the workspace log file and shown in a crash dialog whose details can be copied into a report.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.errors import UserError

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def user_error_box(parent: QWidget | None, exc: UserError) -> QMessageBox:
    """A plain warning box: what happened in bold-free text, what to do underneath."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QGuiApplication.translate("UserError", "Baosong"))
    box.setText(exc.what or str(exc))
    if exc.todo:
        box.setInformativeText(exc.todo)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_user_error(parent: QWidget | None, exc: UserError) -> QMessageBox:
    """Show ``exc`` without blocking the caller; the box deletes itself when closed."""
    box = user_error_box(parent, exc)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A non-blocking information box (parented, so Qt owns it)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def crash_details(exc: BaseException) -> str:
    """Everything a developer needs to reproduce, and nothing personal beyond the traceback."""
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    """Says that Baosong hit a bug, where the log is, and lets the user copy the details."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Baosong has a problem"))
        self.details = details
        intro = self.tr(
            "Something went wrong inside Baosong. This is a bug, not a mistake of yours. "
            "Your saved data is safe. Please copy the details below and send them to whoever "
            "supports Baosong at your school."
        )
        if log_file is not None:
            intro += "\n" + self.tr("The details are also in the log file: {path}").format(
                path=str(log_file)
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class CrashReporter:
    """Logs bugs with their traceback and shows one crash dialog at a time.

    It is created by the composition root and handed to whoever reports bugs (the excepthook and
    the TaskRunner). Only one dialog is shown at once: an exception inside a paint or data()
    call repeats on every repaint, and a cascade of dialogs would make the app unusable.
    """

    def __init__(self, log_file: Path | None = None) -> None:
        self.log_file = log_file
        self.parent: QWidget | None = None
        self.dialog: CrashDialog | None = None
        self._previous_hook: ExceptHook | None = None

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        self._previous_hook = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        try:
            if isinstance(exc, UserError):
                show_user_error(self.parent, exc)
            else:
                self.report(exc)
        except Exception:  # the reporter itself failed: fall back to printing both
            sys.__excepthook__(exc_type, exc, tb)
            traceback.print_exc()

    def report(self, exc: BaseException) -> CrashDialog | None:
        """Log ``exc`` as a bug and show the crash dialog (unless one is already open)."""
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        if self.dialog is not None:
            return None
        dialog = CrashDialog(crash_details(exc), self.log_file, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None
