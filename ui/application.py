"""The one composition root: command line → QApplication → workspace → first window.

Everything a window needs (the workspace, the task runner, the crash reporter) is created here and
passed down explicitly; nothing is looked up through globals or ``QApplication.instance()``.
``run()`` undoes what it installed (Qt message handler, excepthook, translators) before it
returns, so tests can call it in-process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, ORGANIZATION, __version__
from app.errors import UserError
from app.logging_setup import LOG_FILE_NAME
from app.models import WorkspaceKind
from app.paths import WorkspacePaths, resolve_data_dir
from app.services.backup import daily_backup_if_due
from app.services.restore import restore_backup
from app.services.workspace import Workspace, get_language, open_workspace
from ui import qtlog
from ui.errors import CrashReporter, show_info, show_user_error, user_error_box
from ui.fonts import ensure_chinese_font
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations
from ui.main_window import MainWindow
from ui.startup_check import RestoreChoice, check_database, refuse_in_smoke_test
from ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from ui.bureau_window import BureauMainWindow

SMOKE_TEST_DONE = "startup complete"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="baosong", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="the workspace folder to open")
    parser.add_argument("--lang", choices=LANGUAGES, help="the UI language (default: zh_CN)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=f"build the main window offscreen, load the roster, print '{SMOKE_TEST_DONE}'",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(list(argv))


def application(argv: Sequence[str]) -> QApplication:
    """The QApplication: a new one normally; the existing one when run inside tests."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(list(argv))
    app.setStyle("Fusion")  # the same look on every Windows version
    ensure_chinese_font()
    return app


class AppController(QObject):
    """Decides the first window (first-run wizard, or the main window of a school or of the
    bureau, by the workspace's kind) and owns it; restoring a backup closes the workspace and
    its window and opens both again."""

    quit_requested = Signal()

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        reporter: CrashReporter,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.runner = runner
        self.reporter = reporter
        self.today = today
        self.main_window: MainWindow | BureauMainWindow | None = None
        self.wizard: QObject | None = None
        self.last_daily_backup: Path | None = None
        self.last_restore: Path | None = None  # the copy of the state a restore replaced

    def start(self) -> None:
        if self.ws.kind is None:
            self._show_wizard()
        else:
            self.show_main_window()

    def _show_wizard(self) -> None:
        from ui.dialogs.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ws, self.runner, today=self.today)
        wizard.accepted.connect(self._first_start)
        wizard.rejected.connect(self.quit_requested)
        self.wizard = wizard
        self.reporter.parent = wizard
        wizard.show()

    def _first_start(self) -> None:
        """After the first-run wizard: the main window, and the short guide offered once."""
        self.show_main_window()
        if self.main_window is not None:
            self.main_window.open_guide()

    def build_main_window(self) -> MainWindow | BureauMainWindow:
        window: MainWindow | BureauMainWindow
        if self.ws.kind is WorkspaceKind.BUREAU:
            from ui.bureau_window import BureauMainWindow

            window = BureauMainWindow(self.ws, self.runner, today=self.today)
        else:
            window = MainWindow(self.ws, self.runner, today=self.today)
        # Queued: the restore closes the window whose dialog asked for it.
        window.restore_requested.connect(self.restore, Qt.ConnectionType.QueuedConnection)
        self.main_window = window
        self.reporter.parent = window
        return window

    def show_main_window(self) -> None:
        window = self.build_main_window()
        window.show()
        # Paint the window first, then read the roster, then take the day's backup.
        QTimer.singleShot(0, self.load_first_page)
        QTimer.singleShot(0, self.start_daily_backup)

    def load_first_page(self) -> None:
        """What the first window shows once painted: a school's roster, a bureau's counts."""
        window = self.main_window
        if isinstance(window, MainWindow):
            window.roster_page.reload()
        elif window is not None:
            window.reload()

    def start_daily_backup(self) -> None:
        """Today's automatic backup, in the background with the task's own connection."""
        if self.main_window is None:  # closed before the timer fired
            return
        self.runner.run(
            _DailyBackupJob(self.ws.paths.backups, self.today),
            parent=self.main_window,
            on_done=self._daily_backup_done,
            cancellable=False,
            show_progress=False,
        )

    def _daily_backup_done(self, path: Path | None) -> None:
        self.last_daily_backup = path
        if path is not None and self.main_window is not None:
            self.main_window.statusBar().showMessage(
                self.tr("Today's backup of the database was saved."), 10_000
            )

    def restore(self, backup: Path) -> None:
        """Put ``backup`` in place of the workspace database (the current state is saved first
        as before-restore-…), then open the workspace and the main window again.

        Background tasks are stopped first: each holds a connection to the file being replaced.
        The TaskRunner keeps connecting by the data folder's path, which does not change.
        """
        paths = self.ws.paths
        self.runner.shutdown()
        self.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.ws.close()
        error: UserError | None = None
        try:
            self.last_restore = restore_backup(paths.database, backup, paths.backups)
        except UserError as exc:  # a damaged backup: the database was left as it was
            error = exc
        try:
            self.ws = open_workspace(paths.root)
        except UserError as exc:
            user_error_box(None, exc).exec()
            self.quit_requested.emit()
            return
        self.show_main_window()
        window = self.main_window
        assert window is not None
        if error is not None:
            show_user_error(window, error)
            return
        show_info(
            window,
            self.tr("Restore a backup"),
            self.tr(
                "The backup was restored. The state before the restore was saved as {name}."
            ).format(name=self.last_restore.name if self.last_restore else "-"),
        )

    def smoke_test(self, app: QCoreApplication) -> int:
        window = self.build_main_window()
        self.load_first_page()
        window.show()
        app.processEvents()
        print(SMOKE_TEST_DONE, flush=True)
        return 0

    def close(self) -> None:
        for widget in (self.main_window, self.wizard):
            if widget is not None:
                widget.close()  # type: ignore[attr-defined]
                widget.deleteLater()
        self.main_window = None
        self.wizard = None
        self.reporter.parent = None


def run(argv: Sequence[str], *, ask_restore: RestoreChoice | None = None) -> int:
    """Start Baosong; returns the process exit code.

    ``ask_restore`` answers whether to restore the latest backup when the database is damaged
    (default: the dialog; tests pass their answer).
    """
    args = parse_args(list(argv)[1:])
    if args.smoke_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application(argv)
    previous_handler = qtlog.install()
    translations = Translations(app)
    translations.install(args.lang or DEFAULT_LANGUAGE)
    try:
        try:
            paths = WorkspacePaths(resolve_data_dir(args.data_dir))
            if args.smoke_test:
                ask_restore = refuse_in_smoke_test
            elif ask_restore is None:
                from ui.dialogs.damaged_database_dialog import ask_to_restore

                ask_restore = ask_to_restore
            if not check_database(paths, ask=ask_restore):
                return 1
            ws = open_workspace(paths.root)
        except UserError as exc:
            if args.smoke_test:
                print(str(exc), file=sys.stderr)
            else:
                user_error_box(None, exc).exec()
            return 1
        try:
            if not args.lang:
                translations.install(get_language(ws.db))
            return _run_workspace(app, ws, smoke_test=args.smoke_test)
        finally:
            ws.close()
    finally:
        translations.remove()
        qtlog.restore(previous_handler)


def _run_workspace(app: QApplication, ws: Workspace, *, smoke_test: bool) -> int:
    reporter = CrashReporter(ws.paths.logs / LOG_FILE_NAME)
    reporter.install()
    runner = TaskRunner(ws.connect, reporter)
    controller = AppController(ws, runner, reporter)
    try:
        if smoke_test:
            return controller.smoke_test(app)
        controller.quit_requested.connect(app.quit)
        controller.start()
        return app.exec()
    finally:
        runner.shutdown()
        controller.close()
        runner.deleteLater()
        # Delete the windows now, while the workspace they point at is still open.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if controller.ws is not ws:  # reopened after a restore; run() closes the first one
            controller.ws.close()
        reporter.uninstall()


class _DailyBackupJob:
    def __init__(self, backup_dir: Path, today: dt.date | None) -> None:
        self.backup_dir, self.today = backup_dir, today

    def __call__(self, ctx: TaskContext) -> Path | None:
        return daily_backup_if_due(ctx.db, self.backup_dir, today=self.today)
