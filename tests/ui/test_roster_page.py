"""The roster page on a real school: loading, search, status filter, class tree, actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models import StudentStatus
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.conftest import g_number
from ui.dialogs.status_dialog import StatusDialog
from ui.dialogs.student_dialog import StudentDialog
from ui.models.class_tree_model import Scope
from ui.pages.roster_page import RosterPage
from ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[RosterPage]:
    roster_page = RosterPage(roster_ws, runner, today=TODAY)
    qtbot.addWidget(roster_page)
    roster_page.reload()
    yield roster_page


def select_scope(page: RosterPage, scope: Scope) -> None:
    index = page.tree_model.find(scope)
    assert index.isValid(), scope
    page.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def class_uuid(ws: Workspace, grade: int, class_no: int) -> str:
    return next(
        c.meta.uuid for c in list_classes(ws.db) if (c.grade_code, c.class_no) == (grade, class_no)
    )


def test_the_roster_loads_on_roll_students_by_default(page: RosterPage) -> None:
    assert page.model.rowCount() == 10
    assert page.proxy.rowCount() == 9  # 刘洋 was transferred out
    assert page.on_roll_count == 9
    root = page.tree_model.root_index()
    assert root.data() == "Whole school (9)"
    assert page.tree_model.rowCount(root) == 2  # two grades


def test_search_by_name_and_by_student_number(qtbot: QtBot, page: RosterPage) -> None:
    page.search.setText("王")
    assert page.proxy.rowCount() == 1
    assert page.proxy.student_at(0).student.name == "王芳"
    page.search.clear()
    page.search.setText(g_number(108, "20131105").lower()[:12])  # part of a 学籍号, lower case
    assert [page.proxy.student_at(r).student.name for r in range(page.proxy.rowCount())] == ["黄强"]
    page.search.clear()
    assert page.proxy.rowCount() == 9


def test_status_filter(page: RosterPage) -> None:
    combo = page.status_filter
    counts = {}
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        counts[combo.currentText()] = page.proxy.rowCount()
    assert counts["All statuses"] == 10
    assert counts["Transferred out"] == 1
    assert counts["On roll"] == 9
    assert counts["Graduated"] == 0


def test_class_tree_selection_filters_the_table(
    qtbot: QtBot, page: RosterPage, roster_ws: Workspace
) -> None:
    counts: list[tuple[int, int]] = []
    page.counts_changed.connect(lambda shown, on_roll: counts.append((shown, on_roll)))
    select_scope(page, Scope(grade_code=13))
    assert page.proxy.rowCount() == 6  # 7 in 三年级, one transferred out
    select_scope(page, Scope(class_uuid=class_uuid(roster_ws, 13, 2)))
    assert page.proxy.rowCount() == 3
    assert counts[-1] == (3, 9)
    select_scope(page, Scope(class_uuid=class_uuid(roster_ws, 21, 1)))
    names = {page.proxy.student_at(r).student.name for r in range(3)}
    assert names == {"黄强", "周杰", "吴婷"}
    select_scope(page, Scope())
    assert page.proxy.rowCount() == 9


def test_the_selection_enables_edit_and_status(page: RosterPage) -> None:
    assert not page.edit_action.isEnabled()
    page.table.selectRow(0)
    assert page.edit_action.isEnabled() and page.status_action.isEnabled()


def test_adding_a_student_through_the_dialog_shows_and_selects_them(
    qtbot: QtBot, page: RosterPage, roster_ws: Workspace
) -> None:
    select_scope(page, Scope(class_uuid=class_uuid(roster_ws, 13, 2)))
    page.add_action.trigger()
    dialog = page.active_dialog
    assert isinstance(dialog, StudentDialog)
    assert dialog.grade.currentData() == 13 and dialog.class_no.value() == 2  # from the tree
    dialog.student_no.setText(g_number(121, "20171120"))
    dialog.name.setText("孙悦")
    assert dialog.errors == {}
    dialog.accept()
    assert page.proxy.rowCount() == 4
    assert page.selected_row() is not None
    assert page.selected_row().student.name == "孙悦"


def test_double_click_opens_the_student_for_editing(page: RosterPage) -> None:
    page.table.selectRow(0)
    page._row_double_clicked(page.proxy.index(0, 0))
    dialog = page.active_dialog
    assert isinstance(dialog, StudentDialog)
    assert dialog.name.text() == page.selected_row().student.name
    dialog.reject()


def test_change_status_moves_the_student_out_of_the_on_roll_view(
    page: RosterPage, roster_ws: Workspace
) -> None:
    page.search.setText("周杰")
    page.table.selectRow(0)
    page.status_action.trigger()
    dialog = page.active_dialog
    assert isinstance(dialog, StatusDialog)
    assert dialog.status.currentData() == StudentStatus.TRANSFERRED_OUT.value
    dialog.note.setText("转至孟津区第二实验学校")
    dialog.accept()
    assert page.proxy.rowCount() == 0
    rows = find_students(roster_ws.db, text="周杰")
    assert rows[0].student.status is StudentStatus.TRANSFERRED_OUT


def test_import_opens_the_import_wizard(qtbot: QtBot, page: RosterPage) -> None:
    from ui.dialogs.import_wizard import ImportWizard  # walked through in test_import_wizard.py

    page.import_action.trigger()
    wizard = page.active_dialog
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    wizard.reject()


def test_export_writes_the_workbook_in_the_background(
    qtbot: QtBot, page: RosterPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "名册.xlsx"
    monkeypatch.setattr(page.operations, "ask_save_path", lambda suggested: target)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: page.operations.last_export is not None)
    assert page.operations.last_export == (target, 9)  # on-roll students only
    assert target.stat().st_size > 0
    for box in page.findChildren(QMessageBox):
        box.close()


def test_promotion_shows_the_plan_then_moves_every_class_up(
    qtbot: QtBot, page: RosterPage, roster_ws: Workspace
) -> None:
    page.promote_action.trigger()
    dialog = page.operations.confirm_dialog
    text = dialog.details.toPlainText()
    assert "三年级(1)班 → 四年级(1)班" in text
    dialog.accept()
    qtbot.waitUntil(lambda: page.operations.last_promotion is not None)
    grades = {(c.grade_code, c.class_no) for c in list_classes(roster_ws.db)}
    assert grades == {(14, 1), (14, 2), (22, 1)}
    assert page.tree_model.find(Scope(grade_code=14)).isValid()
    for box in page.findChildren(QMessageBox):
        box.close()
