"""The 体质健康 class grid on a real school: typing, Enter/Tab flow, range errors, live scores,
run-time spellings, Delete, paste and undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.scoring.fitness_score import score_student
from app.scoring.run_time import parse_run_time
from app.services.workspace import Workspace
from tests.ui.fitness_helpers import (
    BOY,
    add_students,
    cell,
    class_uuid,
    open_page,
    row_of,
    stored,
    type_into,
)
from ui.models.class_tree_model import Scope
from ui.models.fitness_grid_model import SCORE_ROLE
from ui.pages.fitness_page import FitnessPage
from ui.tasks import TaskRunner


@pytest.fixture
def fitness_ws(school_ws: Workspace) -> Workspace:
    return add_students(school_ws)


@pytest.fixture
def page(qtbot: QtBot, fitness_ws: Workspace, runner: TaskRunner) -> Iterator[FitnessPage]:
    yield from open_page(qtbot, fitness_ws, runner)


# -- opening ----------------------------------------------------------------------------------


def test_the_grid_has_the_items_of_the_grade_and_greys_the_other_sexs(page: FitnessPage) -> None:
    model = page.model
    keys = [c.key for c in model.columns]
    assert keys[:3] == ["student_no", "name", "sex"]
    assert {"pull_up", "run_1000m", "sit_up_1min", "run_800m"} <= set(keys)
    assert "rope_skip_1min" not in keys  # a primary-school item
    assert keys[-6:] == ["bmi", "standard_score", "bonus_total", "total_score", "level", "status"]
    assert model.rowCount() == 4
    girl_pull_up = cell(model, "钱二", "pull_up")
    assert not model.flags(girl_pull_up) & Qt.ItemFlag.ItemIsEnabled
    assert model.flags(cell(model, "赵一", "pull_up")) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(cell(model, "赵一", "name")) & Qt.ItemFlag.ItemIsEditable


def test_every_column_has_a_tooltip_with_its_unit_and_format(page: FitnessPage) -> None:
    model = page.model
    tips = {
        c.key: model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for i, c in enumerate(model.columns)
    }
    assert all(tip and len(tip) > 15 for tip in tips.values()), tips
    assert "8.5" in tips["run_50m"] and "one decimal" in tips["run_50m"]
    assert "3'45" in tips["run_1000m"] and "225" in tips["run_1000m"]
    assert "Boys only" in tips["pull_up"] and "Girls only" in tips["run_800m"]
    assert "80 to 250" in tips["height_cm"]


def test_a_primary_class_shows_its_own_items(page: FitnessPage, fitness_ws: Workspace) -> None:
    page.select_scope(Scope(class_uuid=class_uuid(fitness_ws, 15)))
    keys = [c.key for c in page.model.columns]
    assert {"rope_skip_1min", "shuttle_50m_x8"} <= set(keys)
    assert "run_1000m" not in keys
    assert page.model.rowCount() == 2


def test_choosing_a_grade_asks_for_a_class(page: FitnessPage) -> None:
    page.select_scope(Scope(grade_code=21))
    assert page.stack.currentWidget() is page.hint
    assert page.model.rowCount() == 0


# -- typing -----------------------------------------------------------------------------------


def test_typing_saves_and_enter_moves_down(page: FitnessPage, fitness_ws: Workspace) -> None:
    model = page.model
    index = cell(model, "赵一", "height_cm")
    type_into(page, index, "165.5")
    assert stored(fitness_ws, "赵一")["height_cm"] == 165.5
    assert model.data(index) == "165.5"
    assert page.view.currentIndex() == model.index(index.row() + 1, index.column())


def test_tab_moves_right_and_skips_the_cells_of_the_other_sex(page: FitnessPage) -> None:
    model, view = page.model, page.view
    girl = cell(model, "钱二", "standing_long_jump")
    type_into(page, girl, "170", end=Qt.Key.Key_Tab)
    assert view.currentIndex() == cell(model, "钱二", "run_800m")  # past 引体向上 and 1000米
    boy = cell(model, "赵一", "sit_and_reach")
    view.setCurrentIndex(boy)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == cell(model, "赵一", "standing_long_jump")  # past 仰卧起坐
    QTest.keyClick(view, Qt.Key.Key_Return)
    below = model.index(boy.row() + 1, model.column_of("standing_long_jump"))
    assert view.currentIndex() == below


def test_a_value_out_of_range_is_refused_and_not_saved(
    page: FitnessPage, fitness_ws: Workspace
) -> None:
    model = page.model
    index = cell(model, "赵一", "height_cm")
    type_into(page, index, "300")
    assert stored(fitness_ws, "赵一") == {}  # nothing written, not even an empty attempt
    assert model.data(index) == "300"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "outside the national range" in tip
    assert "outside the national range" in page.message_label.text()
    assert page.view.currentIndex() == index  # the red cell keeps the cursor
    type_into(page, index, "165.0")
    assert stored(fitness_ws, "赵一")["height_cm"] == 165.0
    assert model.error_at(index.row(), index.column()) is None


def test_a_refused_value_keeps_the_saved_one(page: FitnessPage, fitness_ws: Workspace) -> None:
    index = cell(page.model, "赵一", "weight_kg")
    type_into(page, index, "55.0")
    type_into(page, index, "5.5")  # out of range: refused
    assert stored(fitness_ws, "赵一")["weight_kg"] == 55.0
    tip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Not saved" in tip and "Saved: 55.0" in tip
    QTest.keyClick(page.view, Qt.Key.Key_Delete)  # Delete clears the red text and the value
    assert page.model.error_at(index.row(), index.column()) is None
    assert stored(fitness_ws, "赵一")["weight_kg"] is None


def test_text_that_is_not_a_number_is_refused(page: FitnessPage, fitness_ws: Workspace) -> None:
    index = cell(page.model, "赵一", "run_50m")
    type_into(page, index, "abc")
    assert "not a number" in page.message_label.text()
    assert stored(fitness_ws, "赵一") == {}


@pytest.mark.parametrize("typed", ["3′45″", "3:45", "225", "3'45"])
def test_run_times_in_every_spelling_store_seconds(
    page: FitnessPage, fitness_ws: Workspace, typed: str
) -> None:
    index = cell(page.model, "赵一", "run_1000m")
    type_into(page, index, typed)
    assert stored(fitness_ws, "赵一")["run_1000m"] == 225
    assert page.model.data(index) == "3'45"


def test_scores_total_and_level_follow_live(page: FitnessPage) -> None:
    model = page.model
    row = row_of(model, "赵一")
    for key, text in BOY.items():
        type_into(page, cell(model, "赵一", key), text)
        assert model.error_at(row, model.column_of(key)) is None, key
    values = {k: parse_run_time(v) if k == "run_1000m" else float(v) for k, v in BOY.items()}
    expected = score_student(21, "male", values)
    assert expected.level is not None
    assert (
        model.data(model.index(row, model.column_of("total_score")))
        == f"{expected.total_score:.1f}"
    )
    assert model.data(model.index(row, model.column_of("level"))) == {
        "优秀": "Excellent", "良好": "Good", "及格": "Pass", "不及格": "Fail"
    }[expected.level]  # fmt: skip
    for key in ("run_50m", "pull_up", "run_1000m"):
        assert model.data(cell(model, "赵一", key), SCORE_ROLE) == expected.item(key).score
        tip = model.data(cell(model, "赵一", key), Qt.ItemDataRole.ToolTipRole)
        assert f"Score {expected.item(key).score}" in tip
    bmi_score = expected.item("bmi").score
    assert model.data(cell(model, "赵一", "bmi"), SCORE_ROLE) == bmi_score
    assert (
        model.data(cell(model, "赵一", "bmi"), Qt.ItemDataRole.ToolTipRole) == f"Score {bmi_score}"
    )
    assert page.model.summary().counted == 1
    assert "Tested 1 of 4" in page.summary_label.text()


def test_an_incomplete_row_has_no_total(page: FitnessPage) -> None:
    model = page.model
    type_into(page, cell(model, "赵一", "height_cm"), "165.0")
    type_into(page, cell(model, "赵一", "weight_kg"), "55.0")
    row = row_of(model, "赵一")
    assert model.data(model.index(row, model.column_of("bmi"))) == "20.2"
    assert model.data(model.index(row, model.column_of("total_score"))) == ""


# -- delete, paste, undo --------------------------------------------------------------------


def test_delete_clears_the_value(page: FitnessPage, fitness_ws: Workspace) -> None:
    index = cell(page.model, "赵一", "vital_capacity")
    type_into(page, index, "3000")
    page.view.setCurrentIndex(index)
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert stored(fitness_ws, "赵一")["vital_capacity"] is None
    assert page.model.data(index) == ""


def test_paste_saves_the_valid_values_at_once_and_reports_the_invalid_one(
    page: FitnessPage, fitness_ws: Workspace
) -> None:
    model = page.model
    top = cell(model, "赵一", "height_cm")
    page.view.setCurrentIndex(top)
    QApplication.clipboard().setText(
        "150.5\t40.0\t2000\r\n152.0\t300\t2100\r\n148.3\t38.5\t1900\r\n"
    )
    QTest.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    names = [model.rows[top.row() + i].name for i in range(3)]
    assert [stored(fitness_ws, n).get("height_cm") for n in names] == [150.5, 152.0, 148.3]
    assert [stored(fitness_ws, n).get("weight_kg") for n in names] == [40.0, None, 38.5]
    assert [stored(fitness_ws, n).get("vital_capacity") for n in names] == [2000, 2100, 1900]
    refused = model.index(top.row() + 1, model.column_of("weight_kg"))
    assert model.data(refused) == "300"
    assert model.data(refused, Qt.ItemDataRole.BackgroundRole) is not None
    assert "8 values pasted" in page.message_label.text()
    assert "1 refused" in page.message_label.text()
    assert model.undo_stack.count() == 1  # one step for the whole block


def test_paste_skips_the_greyed_cells_and_rows_of_another_student(
    page: FitnessPage, fitness_ws: Workspace
) -> None:
    model = page.model
    start = cell(model, "钱二", "standing_long_jump")  # a girl: 引体向上 and 1000米 are greyed
    page.view.setCurrentIndex(start)
    QApplication.clipboard().setText("170\t5\t4'00\t3'50\n")
    page.view.paste()
    values = stored(fitness_ws, "钱二")
    assert values["standing_long_jump"] == 170 and values["run_800m"] == 230
    assert values["pull_up"] is None and values["run_1000m"] is None
    assert "2 values skipped" in page.message_label.text()
    page.view.setCurrentIndex(cell(model, "赵一", "name"))
    QApplication.clipboard().setText("钱二\t160.0\n")  # the block's row is not 赵一's
    page.view.paste()
    assert stored(fitness_ws, "赵一") == {}
    assert "1 rows skipped" in page.message_label.text()


def test_undo_and_redo_go_through_the_database(page: FitnessPage, fitness_ws: Workspace) -> None:
    index = cell(page.model, "赵一", "height_cm")
    type_into(page, index, "165.0")
    type_into(page, index, "170.0")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(fitness_ws, "赵一")["height_cm"] == 165.0
    assert page.model.data(index) == "165.0"
    QTest.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(fitness_ws, "赵一")["height_cm"] == 170.0
    page.undo_action.trigger()
    page.undo_action.trigger()
    assert stored(fitness_ws, "赵一")["height_cm"] is None


def test_undo_of_a_paste_restores_every_cell(page: FitnessPage, fitness_ws: Workspace) -> None:
    model = page.model
    top = cell(model, "赵一", "height_cm")
    below = model.rows[top.row() + 1].name
    type_into(page, model.index(top.row() + 1, top.column()), "158.0")
    page.view.setCurrentIndex(top)
    QApplication.clipboard().setText("160.0\n161.0\n")
    page.view.paste()
    assert stored(fitness_ws, below)["height_cm"] == 161.0
    model.undo_stack.undo()
    assert stored(fitness_ws, "赵一")["height_cm"] is None
    assert stored(fitness_ws, below)["height_cm"] == 158.0
