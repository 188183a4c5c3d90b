"""One TaskRunner for all background work, so the window never freezes.

A task is a plain function ``fn(ctx: TaskContext) -> result`` run on a QThreadPool thread. The
context carries what the app services expect (``progress(done, total)`` and ``cancelled()``) and
a database connection of the task's own (``ctx.db``), because a SQLite connection must not be
shared with the GUI thread. Results, errors and progress come back on the GUI thread through a
signals object created there and connected to methods of the GUI-side ``Task``.

A progress dialog with a Cancel button appears only if the task is still running after
``show_after_ms`` (300 ms): quick operations never flash a dialog. ``Cancelled`` is not an error;
a ``UserError`` becomes a plain message; anything else is a bug for the crash reporter.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import Cancelled, UserError
from ui.errors import CrashReporter, show_user_error
from ui.widgets.progress_dialog import ProgressDialog

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # a service may report every row; the GUI needs ~20 updates a second


class TaskContext:
    """What a task function receives. Used on the worker thread only."""

    def __init__(
        self,
        connect: Callable[[], Database] | None,
        signals: _TaskSignals,
        cancel_event: threading.Event,
    ) -> None:
        self._connect = connect
        self._signals = signals
        self._cancel_event = cancel_event
        self._db: Database | None = None
        self._last_progress = 0.0

    @property
    def db(self) -> Database:
        """This task's own connection, opened on first use and closed when the task ends."""
        if self._db is None:
            if self._connect is None:
                raise RuntimeError("this TaskRunner has no workspace database")
            self._db = self._connect()
        return self._db

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._signals.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def check_cancelled(self) -> None:
        """Raise ``Cancelled`` if the user pressed Cancel (for tasks with their own loops)."""
        if self._cancel_event.is_set():
            raise Cancelled()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class _TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Worker(QRunnable):
    """Runs the function on a pool thread; the pool deletes it afterwards (autoDelete)."""

    def __init__(
        self, fn: Callable[[TaskContext], Any], context: TaskContext, signals: _TaskSignals
    ) -> None:
        super().__init__()
        self._fn = fn
        self._context = context
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._context)
        except Exception as exc:
            self._context.close()
            # The exception goes to the GUI thread; the frames' locals must not go with it, or
            # Qt objects the task made would be destroyed there (the report keeps the lines).
            traceback.clear_frames(exc.__traceback__)
            self._signals.failed.emit(exc)
            return
        self._context.close()
        self._signals.succeeded.emit(result)


class Task(QObject):
    """The GUI-thread half of one background task: delivers its outcome, owns its dialog."""

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        *,
        parent_widget: QWidget | None,
        on_done: Callable[[Any], object] | None,
        on_error: Callable[[Exception], object] | None,
        on_cancelled: Callable[[], object] | None,
        label: str,
        cancellable: bool,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._parent_widget = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self._label = label
        self._cancellable = cancellable
        self._cancel_event = threading.Event()
        self._dialog: ProgressDialog | None = None
        self._last_progress = (0, 0)
        self._abandoned = False
        self.running = True
        self.progress_shown = False
        # Created here, on the GUI thread, so queued delivery lands on the GUI thread.
        self.signals = _TaskSignals(self)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.signals.progressed.connect(self._progressed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)

    @property
    def cancel_event(self) -> threading.Event:
        return self._cancel_event

    @property
    def progress_dialog(self) -> ProgressDialog | None:
        return self._dialog

    def start_timer(self, msecs: int) -> None:
        self._timer.start(msecs)

    def cancel(self) -> None:
        """Ask the task to stop; it ends with ``Cancelled`` at its next check."""
        self._cancel_event.set()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.set_cancelling()

    def abandon(self) -> None:
        """Deliver nothing any more (the app is closing; the callbacks' widgets are going)."""
        self._abandoned = True
        self.cancel()

    @Slot()
    def _show_progress(self) -> None:
        if not self.running:
            return
        parent = self._parent_widget
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        self._dialog = ProgressDialog(self._label, cancellable=self._cancellable, parent=parent)
        self._dialog.cancel_requested.connect(self.cancel)
        self._dialog.set_progress(*self._last_progress)
        self._dialog.show()
        self.progress_shown = True

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self._last_progress = (done, total)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.set_progress(done, total)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None
        self._runner.forget(self)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._end()
        if self._abandoned:
            return
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.finished.emit()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self._end()
        if self._abandoned:
            return
        try:
            self._deliver_error(exc)
        finally:
            self.finished.emit()

    def _deliver_error(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            log.info("task cancelled: %s", self._label)
            if self._on_cancelled is not None:
                self._on_cancelled()
            return
        if self._on_error is not None:
            if not isinstance(exc, UserError):
                log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
            self._on_error(exc)
            return
        parent = self._parent_widget
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        if isinstance(exc, UserError):
            show_user_error(parent, exc)
        else:
            self._runner.reporter.report(exc)


class TaskRunner(QObject):
    """Starts background tasks and keeps track of the running ones."""

    def __init__(
        self,
        connect: Callable[[], Database] | None,
        reporter: CrashReporter,
        parent: QObject | None = None,
        *,
        show_after_ms: int = 300,
    ) -> None:
        super().__init__(parent)
        self._connect = connect
        self.reporter = reporter
        self.show_after_ms = show_after_ms
        # Our own pool, not the global one: shutdown() and tests wait for exactly our work.
        self._pool = QThreadPool(self)
        # Background work here is mostly SQLite and file I/O, not CPU: even a one-core PC runs
        # a few tasks side by side rather than queueing an export behind an import.
        self._pool.setMaxThreadCount(max(4, QThread.idealThreadCount()))
        self._active: list[Task] = []

    def run(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        parent: QWidget | None,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[Exception], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        progress_label: str = "",
        cancellable: bool = True,
        show_progress: bool = True,
    ) -> Task:
        """Run ``fn(ctx)`` in the background; the callbacks run on the GUI thread.

        ``on_error`` (if given) receives every failure except ``Cancelled``; without it a
        ``UserError`` is shown as a plain message and anything else as a crash dialog.
        ``show_progress=False`` never shows the progress dialog (housekeeping the user did not
        ask for, such as the daily backup, must not block the window).
        """
        task = Task(
            self,
            parent_widget=parent,
            on_done=on_done,
            on_error=on_error,
            on_cancelled=on_cancelled,
            label=progress_label,
            cancellable=cancellable,
        )
        self._active.append(task)
        context = TaskContext(self._connect, task.signals, task.cancel_event)
        if show_progress:
            task.start_timer(self.show_after_ms)
        self._pool.start(_Worker(fn, context, task.signals))
        return task

    @property
    def active_count(self) -> int:
        return len(self._active)

    def forget(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
        task.deleteLater()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool threads are idle (their results may still be queued)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> None:
        """Cancel everything still running and wait for the threads; for closing the app."""
        for task in list(self._active):
            task.abandon()
        self._pool.waitForDone(msecs)
