"""The TaskRunner: results on the GUI thread, errors to the right place, cancel, progress."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import Cancelled, UserError
from app.services.workspace import Workspace
from ui.errors import CrashDialog
from ui.tasks import TaskContext, TaskRunner


class Recorder:
    """Callbacks that remember what they got and on which thread."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.errors: list[Exception] = []
        self.cancelled = 0
        self.threads: list[threading.Thread] = []

    def done(self, result: Any) -> None:
        self.threads.append(threading.current_thread())
        self.results.append(result)

    def error(self, exc: Exception) -> None:
        self.threads.append(threading.current_thread())
        self.errors.append(exc)

    def cancel(self) -> None:
        self.cancelled += 1


def count_students_elsewhere(ctx: TaskContext) -> tuple[int, str]:
    row = ctx.db.execute("SELECT count(*) FROM students").fetchone()
    return row[0], threading.current_thread().name


def test_result_is_delivered_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, roster_ws: Workspace
) -> None:
    rec = Recorder()
    runner.run(count_students_elsewhere, parent=None, on_done=rec.done, on_error=rec.error)
    qtbot.waitUntil(lambda: bool(rec.results))
    count, worker_thread = rec.results[0]
    assert count == 10  # read through the task's own connection
    assert worker_thread != threading.main_thread().name
    assert rec.threads == [threading.main_thread()]
    assert rec.errors == []
    qtbot.waitUntil(lambda: runner.active_count == 0)


def test_the_task_connection_is_not_the_gui_connection(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    rec = Recorder()
    runner.run(lambda ctx: ctx.db is workspace.db, parent=None, on_done=rec.done)
    qtbot.waitUntil(lambda: bool(rec.results))
    assert rec.results == [False]


def failing_task(_ctx: TaskContext) -> None:
    raise ValueError("broken on purpose")


def test_an_error_goes_to_the_error_handler(qtbot: QtBot, runner: TaskRunner) -> None:
    rec = Recorder()
    runner.run(failing_task, parent=None, on_done=rec.done, on_error=rec.error)
    qtbot.waitUntil(lambda: bool(rec.errors))
    assert isinstance(rec.errors[0], ValueError)
    assert rec.results == []
    assert rec.threads == [threading.main_thread()]


def user_error_task(_ctx: TaskContext) -> None:
    raise UserError("The file is locked.", "Close it in Excel and try again.")


def test_a_user_error_without_handler_is_a_plain_message(qtbot: QtBot, runner: TaskRunner) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner.run(user_error_task, parent=parent)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)))
    box = parent.findChildren(QMessageBox)[0]
    assert box.text() == "The file is locked."
    assert box.informativeText() == "Close it in Excel and try again."
    assert runner.reporter.dialog is None  # not treated as a bug
    box.close()


def test_a_bug_without_handler_opens_the_crash_dialog(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner.run(failing_task, parent=parent)
    qtbot.waitUntil(lambda: runner.reporter.dialog is not None)
    dialog = runner.reporter.dialog
    assert isinstance(dialog, CrashDialog)
    assert "ValueError: broken on purpose" in dialog.details
    log_text = (workspace.paths.logs / "baosong.log").read_text(encoding="utf-8")
    assert "broken on purpose" in log_text and "Traceback" in log_text
    dialog.close()


class WaitForCancel:
    """Reports progress, then loops until cancelled, as an app service does."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def __call__(self, ctx: TaskContext) -> None:
        ctx.progress(3, 10)
        self.started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.005)
        raise Cancelled()


def test_cancel_is_not_an_error(qtbot: QtBot, runner: TaskRunner) -> None:
    rec = Recorder()
    job = WaitForCancel()
    task = runner.run(
        job, parent=None, on_done=rec.done, on_error=rec.error, on_cancelled=rec.cancel
    )
    assert job.started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: rec.cancelled == 1)
    assert rec.errors == [] and rec.results == []


def test_a_long_task_shows_progress_and_its_cancel_button_works(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    runner.show_after_ms = 20  # the real threshold is 300 ms; waiting for it adds nothing here
    parent = QWidget()
    qtbot.addWidget(parent)
    rec = Recorder()
    task = runner.run(
        WaitForCancel(),
        parent=parent,
        on_cancelled=rec.cancel,
        progress_label="Counting…",
    )
    qtbot.waitUntil(lambda: task.progress_dialog is not None)
    dialog = task.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.bar.value() == 3)
    assert dialog.bar.maximum() == 10
    assert dialog.label.text() == "Counting…"
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: rec.cancelled == 1)
    assert task.progress_shown and task.progress_dialog is None  # closed with the task
    qtbot.waitUntil(lambda: not parent.findChildren(type(dialog)))


def test_a_quick_task_never_shows_a_dialog(qtbot: QtBot, runner: TaskRunner) -> None:
    runner.show_after_ms = 60_000
    rec = Recorder()
    task = runner.run(lambda ctx: 42, parent=None, on_done=rec.done)
    qtbot.waitUntil(lambda: rec.results == [42])
    assert not task.progress_shown
    QApplication.processEvents()


def test_tasks_run_side_by_side(qtbot: QtBot, runner: TaskRunner) -> None:
    """Two tasks that wait for each other finish only if they are not serialised."""
    first_started, second_started = threading.Event(), threading.Event()

    def first(_ctx: TaskContext) -> str:
        first_started.set()
        assert second_started.wait(5)
        return "first"

    def second(_ctx: TaskContext) -> str:
        second_started.set()
        assert first_started.wait(5)
        return "second"

    rec = Recorder()
    runner.run(first, parent=None, on_done=rec.done)
    runner.run(second, parent=None, on_done=rec.done)
    qtbot.waitUntil(lambda: len(rec.results) == 2)
    assert sorted(rec.results) == ["first", "second"]
