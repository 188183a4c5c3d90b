"""Fixtures of the bureau UI tests: the merge tests' real bureau and demo schools (imported from
tests/app/packets and tests/app/merge, not copied) and a TaskRunner on the bureau's database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.app.merge.conftest import second_school  # noqa: F401 (fixture)
from tests.app.packets.conftest import Pair, ask, bureau_ws, pair  # noqa: F401 (fixtures)
from tests.app.packets.helpers import PASSPHRASE
from ui.errors import CrashReporter
from ui.tasks import TaskRunner

__all__ = ["PASSPHRASE", "Pair", "answer_passphrase", "ask", "drop_paths"]


@pytest.fixture
def bureau_runner(pair: Pair, qapp: QApplication) -> Iterator[TaskRunner]:  # noqa: F811
    reporter = CrashReporter(pair.bureau.paths.logs / "baosong.log")
    runner = TaskRunner(pair.bureau.connect, reporter)
    yield runner
    runner.shutdown()
    assert reporter.dialog is None, "a background task hit a bug"
    runner.deleteLater()


def answer_passphrase(purpose: str) -> str:
    """Stands in for the passphrase dialog."""
    assert purpose
    return PASSPHRASE


def drop_paths(target: QWidget, paths: list[Path]) -> bool:
    """Drop files or folders on ``target`` as a file manager would; whether it was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)  # type: ignore[attr-defined]
    return event.isAccepted()
