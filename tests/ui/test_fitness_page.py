"""The 体质健康 page around the grid: 免测 and 缺考 marks, the row menu, copy, the 补测, the test
date, the national upload file and the main window's page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import fitness_records
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.fitness_helpers import (
    BOY,
    YEAR,
    add_students,
    cell,
    class_uuid,
    open_page,
    row_of,
    stored,
    type_into,
)
from ui.main_window import MainWindow
from ui.models.class_tree_model import Scope
from ui.pages.fitness_page import FitnessPage
from ui.tasks import TaskRunner


@pytest.fixture
def fitness_ws(school_ws: Workspace) -> Workspace:
    return add_students(school_ws)


@pytest.fixture
def page(qtbot: QtBot, fitness_ws: Workspace, runner: TaskRunner) -> Iterator[FitnessPage]:
    yield from open_page(qtbot, fitness_ws, runner)


# -- marks, retest, date ----------------------------------------------------------------------


def test_exempt_with_a_reason_shows_in_the_level_and_leaves_the_summary(
    page: FitnessPage, fitness_ws: Workspace
) -> None:
    model = page.model
    for key, text in BOY.items():
        type_into(page, cell(model, "赵一", key), text)
    assert model.summary().counted == 1
    page.operations.ask_exempt_reason = lambda name: "骨折，医院证明"
    page.view.mark_exempt_requested.emit(row_of(model, "赵一"))
    row = row_of(model, "赵一")
    assert model.data(model.index(row, model.column_of("level"))) == "Exempt"
    assert "骨折" in model.data(model.index(row, model.column_of("status")))
    summary = model.summary()
    assert (summary.counted, summary.exempt) == (0, 1)
    assert "Exempt 1" in page.summary_label.text()
    page.view.clear_marks_requested.emit(row_of(model, "赵一"))
    assert model.summary().counted == 1


def test_mark_absent_marks_the_empty_items(page: FitnessPage, fitness_ws: Workspace) -> None:
    model = page.model
    type_into(page, cell(model, "赵一", "height_cm"), "165.0")
    page.view.setCurrentIndex(cell(model, "赵一", "run_1000m"))
    page.view.mark_absent_requested.emit(row_of(model, "赵一"))
    row = model.rows[row_of(model, "赵一")]
    assert row.absent == {"run_1000m"}  # the selected empty cell only
    assert "Absent: 1000 m run" in model.data(cell(model, "赵一", "status"))
    page.view.setCurrentIndex(cell(model, "赵一", "name"))
    page.view.mark_absent_requested.emit(row_of(model, "赵一"))
    assert "height_cm" not in model.rows[row_of(model, "赵一")].absent
    assert len(model.rows[row_of(model, "赵一")].absent) == 7  # every other item


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_the_row_menu_offers_the_marks_and_the_retest(page: FitnessPage) -> None:
    menu = page.view.row_menu(0)
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Mark absent (缺考)",
        "Mark exempt (免测)…",
        "Clear the marks",
        "Enter the retest (补测)",
    ]
    menu.deleteLater()
    view = page.view
    view.customContextMenuRequested.emit(view.visualRect(cell(page.model, "赵一", "name")).center())
    assert view.menu is not None and view.menu.isVisible()
    view.menu.close()


def test_copy_gives_excel_a_tab_separated_block(page: FitnessPage) -> None:
    model, view = page.model, page.view
    type_into(page, cell(model, "赵一", "height_cm"), "165.0")
    type_into(page, cell(model, "赵一", "weight_kg"), "55.0")
    view.setCurrentIndex(cell(model, "赵一", "height_cm"))
    view.selectionModel().select(
        cell(model, "赵一", "weight_kg"), view.selectionModel().SelectionFlag.Select
    )
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "165.0\t55.0\n"


def test_the_retest_is_entered_beside_the_first_test(
    page: FitnessPage, fitness_ws: Workspace
) -> None:
    model = page.model
    type_into(page, cell(model, "赵一", "height_cm"), "165.0")
    page.view.retest_requested.emit(row_of(model, "赵一"))
    assert page.attempt == "retest"
    assert page.view.currentIndex() == cell(model, "赵一", "height_cm")
    assert not model.flags(cell(model, "钱二", "height_cm")) & Qt.ItemFlag.ItemIsEditable
    type_into(page, cell(model, "赵一", "height_cm"), "166.0")
    assert stored(fitness_ws, "赵一", "retest")["height_cm"] == 166.0
    assert stored(fitness_ws, "赵一")["height_cm"] == 165.0


def test_the_test_date_is_recorded_for_the_sheet(page: FitnessPage, fitness_ws: Workspace) -> None:
    model = page.model
    type_into(page, cell(model, "赵一", "height_cm"), "165.0")
    sheet = fitness_records.class_sheet(fitness_ws.db, class_uuid(fitness_ws, 21), YEAR)
    first = next(r.first for r in sheet.rows if r.name == "赵一")
    assert first is not None and first.test_date == TODAY.isoformat()
    page.date_edit.setDate(page.date_edit.date().addDays(-3))
    assert page.store.test_date == dt.date(2026, 11, 28)
    # Recorded on the stored results once the typing stops, or when the sheet changes first.
    page.select_scope(Scope(class_uuid=class_uuid(fitness_ws, 15)))
    sheet = fitness_records.class_sheet(fitness_ws.db, class_uuid(fitness_ws, 21), YEAR)
    first = next(r.first for r in sheet.rows if r.name == "赵一")
    assert first is not None and first.test_date == "2026-11-28"


# -- export and the main window ---------------------------------------------------------------


def test_export_writes_the_national_file_in_the_background(
    qtbot: QtBot, page: FitnessPage, tmp_path: Path
) -> None:
    type_into(page, cell(page.model, "赵一", "height_cm"), "165.0")
    target = tmp_path / "上报.xlsx"
    page.operations.ask_save_path = lambda suggested: target
    page.export_actions["class"].trigger()
    qtbot.waitUntil(lambda: page.operations.last_export is not None)
    assert page.operations.last_export == (target, 4)
    assert target.stat().st_size > 0


def test_the_main_window_builds_the_fitness_page(
    qtbot: QtBot, fitness_ws: Workspace, runner: TaskRunner
) -> None:
    window = MainWindow(fitness_ws, runner, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("fitness")
    assert isinstance(page, FitnessPage)
    assert page.model.rowCount() > 0  # the first class is opened straight away
