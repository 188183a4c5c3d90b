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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, ORGANIZATION, __version__
from app.errors import UserError
from app.logging_setup import LOG_FILE_NAME
from app.services.workspace import Workspace, get_language, open_workspace
from ui import qtlog
from ui.errors import CrashReporter, user_error_box
from ui.fonts import ensure_chinese_font
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

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
    """Decides the first window (first-run wizard or main window) and owns it."""

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
        self.main_window: MainWindow | None = None
        self.wizard: QObject | None = None

    def start(self) -> None:
        if self.ws.kind is None:
            self._show_wizard()
        else:
            self.show_main_window()

    def _show_wizard(self) -> None:
        from ui.dialogs.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ws, self.runner, today=self.today)
        wizard.accepted.connect(self.show_main_window)
        wizard.rejected.connect(self.quit_requested)
        self.wizard = wizard
        self.reporter.parent = wizard
        wizard.show()

    def build_main_window(self) -> MainWindow:
        window = MainWindow(self.ws, self.runner, today=self.today)
        self.main_window = window
        self.reporter.parent = window
        return window

    def show_main_window(self) -> None:
        window = self.build_main_window()
        window.show()
        # Paint the window first, then read the roster.
        QTimer.singleShot(0, window.roster_page.reload)

    def smoke_test(self, app: QCoreApplication) -> int:
        window = self.build_main_window()
        window.roster_page.reload()
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


def run(argv: Sequence[str]) -> int:
    """Start Baosong; returns the process exit code."""
    args = parse_args(list(argv)[1:])
    if args.smoke_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application(argv)
    previous_handler = qtlog.install()
    translations = Translations(app)
    translations.install(args.lang or DEFAULT_LANGUAGE)
    try:
        try:
            ws = open_workspace(args.data_dir)
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
        reporter.uninstall()
