"""The school, the page and the typing helpers of the 体质健康 grid tests."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.models import StudentStatus
from app.services import fitness_records
from app.services.roster import StudentExtras, list_classes, save_student
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.conftest import student_raw
from ui.models.class_tree_model import Scope
from ui.models.fitness_grid_model import FitnessGridModel
from ui.pages.fitness_page import FitnessPage
from ui.tasks import TaskRunner

YEAR = "2026-2027"  # the school year of TODAY
# (seq, name, grade, class, birth): odd sequence numbers are boys. 初一(1)班 and 五年级(1)班.
STUDENTS = (
    (301, "赵一", 21, 1, "20131105"),
    (302, "钱二", 21, 1, "20140118"),
    (303, "孙三", 21, 1, "20131212"),
    (304, "李四", 21, 1, "20140301"),
    (305, "周五", 15, 1, "20151010"),
    (306, "吴六", 15, 1, "20160220"),
)
BOY = {
    "height_cm": "165.0",
    "weight_kg": "55.0",
    "vital_capacity": "3000",
    "run_50m": "8.0",
    "sit_and_reach": "10.0",
    "standing_long_jump": "200",
    "pull_up": "8",
    "run_1000m": "4'05",
}


def add_students(school_ws: Workspace) -> Workspace:
    """The ``fitness_ws`` fixture of the test modules: 初一(1)班 ×4 (2 boys), 五年级(1)班 ×2."""
    for seq, name, grade, class_no, birth in STUDENTS:
        save_student(
            school_ws.db,
            student_raw(seq, name, grade, class_no, birth),
            actor="tester",
            extras=StudentExtras(status=StudentStatus.ENROLLED),
            today=TODAY,
        )
    return school_ws


def class_uuid(ws: Workspace, grade: int) -> str:
    return next(c.meta.uuid for c in list_classes(ws.db) if c.grade_code == grade)


def open_page(qtbot: QtBot, fitness_ws: Workspace, runner: TaskRunner) -> Iterator[FitnessPage]:
    """The ``page`` fixture of the test modules: the page shown, 初一(1)班 open."""
    fitness_page = FitnessPage(fitness_ws, runner, today=TODAY)
    qtbot.addWidget(fitness_page)
    fitness_page.resize(1400, 600)
    fitness_page.show()
    qtbot.waitExposed(fitness_page)
    fitness_page.select_scope(Scope(class_uuid=class_uuid(fitness_ws, 21)))
    yield fitness_page
    for box in fitness_page.findChildren(QMessageBox):
        box.close()


def row_of(model: FitnessGridModel, name: str) -> int:
    return next(r for r, row in enumerate(model.rows) if row.name == name)


def cell(model: FitnessGridModel, name: str, key: str) -> QModelIndex:
    return model.index(row_of(model, name), model.column_of(key))


def send_text(widget: object, text: str) -> None:
    """Key presses carrying text, as a keyboard sends them (works for ′ and ″ too)."""
    for char in text:
        QApplication.sendEvent(
            widget,  # type: ignore[arg-type]
            QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            ),
        )


def type_into(
    page: FitnessPage, index: QModelIndex, text: str, end: Qt.Key = Qt.Key.Key_Return
) -> None:
    """Go to the cell, type (the first key opens the editor), then Enter or Tab."""
    view = page.view
    view.setCurrentIndex(index)
    send_text(view, text[0])
    # The editors closed before are only deleted later: take the one open now.
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "typing did not start editing"
    editor = editors[0]
    send_text(editor, text[1:])
    QTest.keyClick(editor, end)


def stored(ws: Workspace, name: str, attempt: str = "first") -> dict[str, float | None]:
    sheet = fitness_records.class_sheet(ws.db, class_uuid(ws, 21), YEAR)
    row = next(r for r in sheet.rows if r.name == name)
    test = row.first if attempt == "first" else row.retest
    return dict(test.values) if test else {}
