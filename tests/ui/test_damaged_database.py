"""A damaged workspace database is caught at start-up and the latest intact backup offered.

Each test corrupts a copy of a real workspace (10 students, a daily backup), as a failing disk
would, and starts Baosong on the copy.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import WorkspacePaths
from app.services.backup import daily_backup_if_due
from app.services.restore import BackupInfo, database_is_healthy
from app.services.workspace import Workspace
from ui.application import SMOKE_TEST_DONE, run
from ui.dialogs.damaged_database_dialog import DamagedDatabaseDialog
from ui.main_window import MainWindow
from ui.startup_check import check_database

BACKUP_DAY = dt.date(2026, 11, 30)


def corrupt(path: Path) -> None:
    """Overwrite every other page from the second on, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page * 2):
        data[offset : offset + 512] = b"\xde\xad\xbe\xef" * 128
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(roster_ws: Workspace, tmp_path: Path) -> WorkspacePaths:
    """A copy of the roster workspace with a daily backup, its database then damaged."""
    db = roster_ws.db
    db.execute("CREATE TABLE filler (v TEXT)")  # enough pages for the damage to hit data
    db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    assert daily_backup_if_due(db, roster_ws.paths.backups, today=BACKUP_DAY) is not None
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = WorkspacePaths(tmp_path / "copy")
    shutil.copytree(roster_ws.paths.root, copy.root)
    corrupt(copy.database)
    assert not database_is_healthy(copy.database)
    return copy


class Answers:
    """The user's answer to the damaged-database question, and what the question showed."""

    def __init__(self, restore: bool) -> None:
        self.restore = restore
        self.asked: list[tuple[Path, BackupInfo | None]] = []

    def __call__(self, database: Path, backup: BackupInfo | None) -> bool:
        self.asked.append((database, backup))
        return self.restore


def test_an_intact_or_new_database_is_not_questioned(roster_ws: Workspace, tmp_path: Path) -> None:
    answers = Answers(restore=True)
    assert check_database(roster_ws.paths, ask=answers)
    assert check_database(WorkspacePaths(tmp_path / "new"), ask=answers)
    assert answers.asked == []


def test_refusing_leaves_the_damaged_file_alone(damaged: WorkspacePaths) -> None:
    before = damaged.database.read_bytes()
    answers = Answers(restore=False)
    assert not check_database(damaged, ask=answers)
    [(database, backup)] = answers.asked
    assert database == damaged.database
    assert backup is not None and backup.kind in ("daily", "monthly") and backup.students == 10
    assert damaged.database.read_bytes() == before
    assert not list(damaged.backups.glob("before-restore-*"))


def test_without_any_intact_backup_only_quit_is_possible(damaged: WorkspacePaths) -> None:
    for backup in damaged.backups.glob("*.sqlite3*"):
        if not backup.name.endswith(".json"):
            corrupt(backup)
    answers = Answers(restore=True)
    assert not check_database(damaged, ask=answers)
    assert answers.asked == [(damaged.database, None)]


def test_start_up_restores_the_latest_backup_and_shows_the_main_window(
    qapp: QApplication, damaged: WorkspacePaths
) -> None:
    answers = Answers(restore=True)
    seen: dict[str, object] = {}

    def probe(tries: int = 200) -> None:
        # Runs inside run()'s event loop: wait for the main window and its roster, then quit.
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].roster_page.model.rowCount() > 0:
            seen["title"] = windows[0].windowTitle()
            seen["students"] = windows[0].roster_page.model.rowCount()
        elif tries > 0:
            QTimer.singleShot(20, lambda: probe(tries - 1))
            return
        # exit(), not quit(): QGuiApplication.quit() leaves the shared test QApplication in a
        # closing state in which later tests' queued task results are never delivered.
        qapp.exit(0)

    QTimer.singleShot(0, probe)
    code = run(["baosong", "--data-dir", str(damaged.root), "--lang", "en"], ask_restore=answers)

    assert code == 0
    assert len(answers.asked) == 1
    assert seen == {
        "title": "Baosong — 孟津区城关镇第一小学 — 2026-2027, first term",
        "students": 10,
    }
    assert database_is_healthy(damaged.database)
    [kept] = damaged.backups.glob("before-restore-*.sqlite3")
    assert not database_is_healthy(kept), "the damaged file is kept for whoever investigates"
    conn = sqlite3.connect(damaged.database)
    try:
        assert conn.execute("SELECT count(*) FROM students").fetchone()[0] == 10
    finally:
        conn.close()


def test_the_smoke_test_reports_the_damage_and_exits_1(
    qapp: QApplication, damaged: WorkspacePaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["baosong", "--data-dir", str(damaged.root), "--smoke-test", "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 1
    assert SMOKE_TEST_DONE not in captured.out
    assert "is damaged" in captured.err and "without --smoke-test" in captured.err
    assert not list(damaged.backups.glob("before-restore-*")), "nothing restored unasked"


def test_the_dialog_shows_the_backup_and_offers_restore(
    qtbot: QtBot, damaged: WorkspacePaths
) -> None:
    from app.services.restore import latest_good_backup

    backup = latest_good_backup(damaged.backups)
    assert backup is not None
    dialog = DamagedDatabaseDialog(damaged.database, backup)
    qtbot.addWidget(dialog)
    offer = dialog.offer.text()
    assert backup.taken_at.strftime("%Y-%m-%d") in offer
    assert "孟津区城关镇第一小学" in offer and "10 students" in offer
    assert dialog.restore_button is not None
    dialog.restore_button.click()
    assert dialog.result() == DamagedDatabaseDialog.DialogCode.Accepted

    none = DamagedDatabaseDialog(damaged.database, None)
    qtbot.addWidget(none)
    assert none.restore_button is None
    assert "No intact backup" in none.offer.text()
