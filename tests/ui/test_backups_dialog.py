"""Backups in the app: the daily backup after the first window, the backups list, "Back up now",
and a restore that saves the current state, then reopens the workspace in a new main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.backup import daily_backup_if_due
from app.services.restore import BackupInfo
from app.services.roster import find_students
from app.services.workspace import Workspace, current_term, set_current_term
from tests.conftest import TODAY
from ui.application import AppController
from ui.dialogs.backups_dialog import BackupsDialog
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.models.backup_table_model import (
    COL_DATE,
    COL_KIND,
    COL_OK,
    COL_SCHOOL,
    COL_SIZE,
    COL_STUDENTS,
    BackupTableModel,
    kind_label,
)
from ui.pages.settings_page import SettingsPage
from ui.tasks import TaskRunner


@pytest.fixture
def controller(
    qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner, reporter: CrashReporter
) -> Iterator[AppController]:
    ctl = AppController(roster_ws, runner, reporter, today=TODAY)
    ctl.start()
    yield ctl
    runner.shutdown()
    ctl.close()
    if ctl.ws is not roster_ws:  # reopened by a restore; the fixture closes the first one
        ctl.ws.close()


def window_of(controller: AppController) -> MainWindow:
    assert controller.main_window is not None
    return controller.main_window


def open_backups(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    window.backups_action.trigger()
    dialog = window.backups_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def select_kind(dialog: BackupsDialog, kind: str) -> BackupInfo:
    for row in range(dialog.proxy.rowCount()):
        info = dialog.model.backup_at(dialog.proxy.mapToSource(dialog.proxy.index(row, 0)).row())
        if info.kind == kind:
            dialog.table.selectRow(row)
            return info
    raise AssertionError(f"no {kind} backup listed")


def test_the_daily_backup_runs_after_the_first_window_without_a_dialog(
    qtbot: QtBot, controller: AppController, roster_ws: Workspace
) -> None:
    window = window_of(controller)
    assert window.isVisible()
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    assert controller.last_daily_backup == roster_ws.paths.backups / f"daily-{TODAY}.sqlite3.gz"
    assert (roster_ws.paths.backups / "monthly-2026-12.sqlite3.gz").exists()
    assert window.statusBar().currentMessage()
    assert not window.findChildren(QMessageBox)


def test_the_list_shows_kind_date_counts_and_size(
    qtbot: QtBot, controller: AppController, roster_ws: Workspace
) -> None:
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    dialog = open_backups(qtbot, window_of(controller))
    model = dialog.model
    assert model.rowCount() == 2
    kinds = {model.index(r, COL_KIND).data() for r in range(2)}
    assert kinds == {"Daily", "Monthly"}
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[COL_STUDENTS] == "10"  # every student, 转出 included
    assert row[COL_SCHOOL] == "孟津区城关镇第一小学"
    assert row[COL_DATE] == model.backups[0].taken_at.strftime("%Y-%m-%d %H:%M")  # file time
    assert row[COL_SIZE].endswith("MB") and row[COL_OK] == "Yes"
    assert not dialog.restore_button.isEnabled(), "nothing selected yet"
    select_kind(dialog, "daily")
    assert dialog.restore_button.isEnabled()


def test_back_up_now_adds_a_backup(
    qtbot: QtBot, controller: AppController, roster_ws: Workspace
) -> None:
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    dialog = open_backups(qtbot, window_of(controller))
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.last_manual_backup is not None and dialog.loaded)
    assert dialog.last_manual_backup is not None and dialog.last_manual_backup.exists()
    assert dialog.model.rowCount() == 3
    assert kind_label("manual") in {
        dialog.model.index(r, COL_KIND).data() for r in range(dialog.model.rowCount())
    }
    assert dialog.backup_button.isEnabled()


def test_restore_saves_the_current_state_and_reopens_the_workspace(
    qtbot: QtBot, controller: AppController, roster_ws: Workspace
) -> None:
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    set_current_term(roster_ws.db, "2027-2028-2")  # the change to undo
    first_window = window_of(controller)
    dialog = open_backups(qtbot, first_window)
    chosen = select_kind(dialog, "daily")
    confirmations: list[BackupInfo] = []

    def confirm(info: BackupInfo) -> bool:
        confirmations.append(info)
        return True

    dialog.confirm_restore = confirm  # type: ignore[method-assign]
    dialog.restore_button.click()

    qtbot.waitUntil(lambda: controller.main_window is not first_window)
    assert confirmations == [chosen]
    window = window_of(controller)
    assert window.isVisible()
    assert controller.ws is not roster_ws, "the workspace was closed and opened again"
    assert current_term(controller.ws.db).code == "2026-2027-1"
    assert len(find_students(controller.ws.db)) == 10
    saved = controller.last_restore
    assert saved is not None and saved.name.startswith("before-restore-")
    assert window.windowTitle().endswith("2026-2027, first term")
    boxes = window.findChildren(QMessageBox)
    assert boxes and saved.name in boxes[0].text()
    boxes[0].close()
    # The state before the restore is itself a backup that can be restored.
    again = open_backups(qtbot, window)
    assert "before-restore" in {b.kind for b in again.model.backups}


def test_refusing_the_confirmation_changes_nothing(
    qtbot: QtBot, controller: AppController, roster_ws: Workspace
) -> None:
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    window = window_of(controller)
    dialog = open_backups(qtbot, window)
    select_kind(dialog, "monthly")
    dialog.confirm_restore = lambda info: False  # type: ignore[method-assign]
    dialog.restore_button.click()
    qtbot.wait(50)
    assert controller.main_window is window and controller.ws is roster_ws
    assert controller.last_restore is None


def test_the_settings_page_opens_the_backups(qtbot: QtBot, controller: AppController) -> None:
    window = window_of(controller)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.backups_button, Qt.MouseButton.LeftButton)
    assert window.backups_dialog is not None and window.backups_dialog.isVisible()
    qtbot.waitUntil(lambda: window.backups_dialog is not None and window.backups_dialog.loaded)


def test_damaged_backups_are_listed_in_red_and_cannot_be_restored(
    qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    folder = roster_ws.paths.backups
    daily_backup_if_due(roster_ws.db, folder, today=TODAY)
    (folder / "daily-2026-11-30.sqlite3").write_bytes(b"not a database" * 100)
    dialog = BackupsDialog(roster_ws, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    damaged = [b for b in dialog.model.backups if not b.ok]
    assert len(damaged) == 1 and damaged[0].students is None
    row = dialog.model.backups.index(damaged[0])
    assert dialog.model.index(row, COL_OK).data() == "Damaged"
    assert dialog.model.index(row, COL_KIND).data(Qt.ItemDataRole.ForegroundRole) is not None
    dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(row, 0)).row())
    assert not dialog.restore_button.isEnabled()
    assert "1 damaged" in dialog.status.text()


def test_kind_labels() -> None:
    assert kind_label("before-promotion") == "Before grade promotion"
    assert kind_label("before-0002_keys_and_packets") == "Before a database upgrade"
    assert kind_label("before-merge") == "Before a merge"
    assert kind_label("something-else") == "something-else"
    assert BackupTableModel().columnCount() == 6
