"""Bugs become a logged traceback and a crash dialog; user errors a plain message."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QtMsgType, Signal, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import UserError
from app.services.workspace import Workspace
from ui import qtlog
from ui.errors import CrashDialog, CrashReporter, show_user_error


class Emitter(QObject):
    fired = Signal()


class Broken:
    def slot(self) -> None:
        raise RuntimeError("a bug in a slot")


@pytest.fixture
def installed(reporter: CrashReporter) -> Iterator[CrashReporter]:
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_opens_the_crash_dialog(
    qtbot: QtBot, installed: CrashReporter, workspace: Workspace
) -> None:
    assert sys.excepthook == installed.excepthook
    emitter, broken = Emitter(), Broken()
    emitter.fired.connect(broken.slot)
    emitter.fired.emit()
    qtbot.waitUntil(lambda: installed.dialog is not None)
    dialog = installed.dialog
    assert isinstance(dialog, CrashDialog)
    assert "RuntimeError: a bug in a slot" in dialog.details
    assert "Baosong" in dialog.details.splitlines()[0]
    log_text = (workspace.paths.logs / "baosong.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "a bug in a slot" in log_text
    dialog.copy_button.click()
    assert "a bug in a slot" in QGuiApplication.clipboard().text()


def test_only_one_crash_dialog_at_a_time(installed: CrashReporter) -> None:
    for n in range(3):
        try:
            raise ValueError(f"repeated {n}")
        except ValueError as exc:
            installed.excepthook(type(exc), exc, exc.__traceback__)
    assert installed.dialog is not None
    assert "repeated 0" in installed.dialog.details


def test_a_user_error_reaching_the_hook_is_a_plain_message(
    qtbot: QtBot, installed: CrashReporter
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    installed.parent = parent
    exc = UserError("The workbook is open in Excel.", "Close it and try again.")
    installed.excepthook(UserError, exc, None)
    assert installed.dialog is None
    boxes = parent.findChildren(QMessageBox)
    assert [b.text() for b in boxes] == ["The workbook is open in Excel."]


def test_uninstall_restores_the_previous_hook(reporter: CrashReporter) -> None:
    before = sys.excepthook
    reporter.install()
    reporter.uninstall()
    assert sys.excepthook == before


def test_show_user_error_has_what_and_todo(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_user_error(parent, UserError("No school yet.", "Set it up in Settings."))
    assert box.icon() == QMessageBox.Icon.Warning
    assert (box.text(), box.informativeText()) == ("No school yet.", "Set it up in Settings.")
    box.close()


def test_qt_messages_go_to_logging(caplog: pytest.LogCaptureFixture) -> None:
    previous = qtlog.install()
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            qWarning("something odd in Qt")
    finally:
        qtlog.restore(previous)
    records = [r for r in caplog.records if r.name.startswith("qt")]
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.WARNING, "something odd in Qt")
    ]
    assert qtlog._LEVELS[QtMsgType.QtCriticalMsg] == logging.ERROR
