"""体育过程 on a real school: entries typed or pasted into the class grid and saved through the
service, the process score and PE result following them, the weights dialog refusing unusable
weights, and a 中招体育 scheme imported and exported as JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.pe.config import DEFAULT_WEIGHTS, PEConfig
from app.services import pe_process as pe
from app.services.demo import create_demo_school
from app.services.pe_settings import (
    load_pe_config,
    load_zhongkao_config,
    save_pe_config,
    zhongkao_years,
)
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace
from tests.conftest import TODAY
from ui.dialogs.pe_settings_dialog import PESettingsDialog
from ui.dialogs.zhongkao_dialog import ZhongkaoDialog
from ui.main_window import MainWindow
from ui.models.class_tree_model import Scope
from ui.models.pe_process_model import CHANGED, INVALID, PEProcessModel
from ui.pages.pe_page import PEPage
from ui.tasks import TaskRunner

TERM = "2026-2027-1"  # the term of TODAY
FULL = pe.ProcessInput(
    pe_attendance_pct=95, recess_exercise_pct=90, after_school_minutes_per_week=420,
    after_school_parent_confirmed=True, skill_item="篮球", skill_level="良好",
    homework_completion_pct=80,
)  # fmt: skip
SCHEME = {
    "year": 2031, "total_score": 60, "exam_max": 50, "process_max": 10, "source": "测试文号",
    "items": [
        {"code": "run_1000m", "name": "1000米跑", "sex": "M", "type": "必考", "max": 25,
         "table_id": "run", "direction": "lower_better"},
        {"code": "rope", "name": "一分钟跳绳", "sex": "MF", "type": "选考", "max": 25,
         "table_id": "rope", "direction": "higher_better"},
    ],
    "elective_rule": {"choose": 1},
    "scoring_tables": {"run": [[210, 25], [240, 20], [270, 12]], "rope": [[180, 25], [150, 18]]},
}  # fmt: skip


def uuid_of(ws: Workspace, name: str) -> str:
    return next(r.student.meta.uuid for r in find_students(ws.db) if r.student.name == name)


def class_of(ws: Workspace, grade: int, class_no: int) -> str:
    return next(
        c.meta.uuid for c in list_classes(ws.db) if (c.grade_code, c.class_no) == (grade, class_no)
    )


def text(model: PEProcessModel, name: str, key: str) -> str:
    row = next(i for i, r in enumerate(model.rows) if r.name == name)
    return str(model.index(row, model.column_of(key)).data())


def set_cell(model: PEProcessModel, name: str, key: str, value: object) -> bool:
    row = next(i for i, r in enumerate(model.rows) if r.name == name)
    return model.setData(model.index(row, model.column_of(key)), value)


@pytest.fixture
def page(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[PEPage]:
    pe.save_process_record(roster_ws.db, uuid_of(roster_ws, "张伟"), TERM, FULL, actor="t")
    pe_page = PEPage(roster_ws, runner, today=TODAY)
    qtbot.addWidget(pe_page)
    pe_page.show()
    yield pe_page
    assert not pe_page.process_tab.model.dirty_rows()  # nothing left to save at teardown
    assert runner.wait_for_done(10_000)


def test_the_page_opens_on_the_first_class(page: PEPage, roster_ws: Workspace) -> None:
    assert page.class_uuid == class_of(roster_ws, 13, 1)
    model = page.process_tab.model
    assert [r.name for r in model.rows] == ["张伟", "王芳", "李娜"]  # 刘洋 left the school
    assert text(model, "张伟", "pe_attendance_pct") == "95"
    assert text(model, "王芳", "process_score") == ""  # nothing entered yet


def test_editing_attendance_saves_through_the_service_and_updates_the_score(
    page: PEPage, roster_ws: Workspace
) -> None:
    tab, model = page.process_tab, page.process_tab.model
    before = text(model, "张伟", "process_score")
    assert set_cell(model, "张伟", "pe_attendance_pct", "60%")
    after = text(model, "张伟", "process_score")
    assert float(after) < float(before)  # shown as typed, before saving
    row = next(i for i, r in enumerate(model.rows) if r.name == "张伟")
    cell = model.index(row, model.column_of("pe_attendance_pct"))
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == CHANGED
    assert tab.save_action.isEnabled()
    tab.save_action.trigger()
    assert tab.last_result is not None and tab.last_result.saved == 1
    stored = {
        r.name: r for r in pe.class_process_rows(roster_ws.db, class_of(roster_ws, 13, 1), TERM)
    }
    assert stored["张伟"].record is not None and stored["张伟"].record.pe_attendance_pct == 60
    assert stored["张伟"].score.score is not None
    assert text(model, "张伟", "process_score") == f"{stored['张伟'].score.score:.1f}" == after
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    assert not tab.save_action.isEnabled()


def test_a_value_that_is_no_value_is_refused_in_its_cell(page: PEPage) -> None:
    tab, model = page.process_tab, page.process_tab.model
    assert not set_cell(model, "王芳", "pe_attendance_pct", "150")
    assert "from 0 to 100" in tab.message.text()
    assert text(model, "王芳", "pe_attendance_pct") == ""
    assert not model.dirty_rows()


def test_a_pasted_block_is_checked_and_saved_together(page: PEPage, roster_ws: Workspace) -> None:
    tab, model = page.process_tab, page.process_tab.model
    view = tab.table
    view.setCurrentIndex(model.index(1, model.column_of("pe_attendance_pct")))  # 王芳
    accepted = view.paste("98\t91\t300\t是\n97\t120\t240\t否\n")
    assert accepted == 7  # 120 % is refused; the rest is taken
    assert "from 0 to 100" in tab.message.text()
    assert text(model, "李娜", "after_school_minutes_per_week") == "240"
    tab.save()
    records = {
        r.name: r.record
        for r in pe.class_process_rows(roster_ws.db, class_of(roster_ws, 13, 1), TERM)
    }
    wang, li = records["王芳"], records["李娜"]
    assert wang is not None and li is not None
    assert (wang.pe_attendance_pct, wang.recess_exercise_pct) == (98, 91)
    assert wang.after_school_parent_confirmed and not li.after_school_parent_confirmed
    assert li.recess_exercise_pct is None


def test_a_skill_level_without_its_sport_is_marked_and_kept(
    page: PEPage, roster_ws: Workspace
) -> None:
    tab, model = page.process_tab, page.process_tab.model
    assert set_cell(model, "王芳", "skill_level", "优秀")  # accepted, but incomplete
    row = next(i for i, r in enumerate(model.rows) if r.name == "王芳")
    sport = model.index(row, model.column_of("skill_item"))
    assert sport.data(Qt.ItemDataRole.BackgroundRole) == INVALID
    assert "sport" in sport.data(Qt.ItemDataRole.ToolTipRole)
    result = tab.save()
    assert result is not None and result.saved == 0 and len(result.errors) == 1
    assert "not saved" in tab.message.text() and model.dirty_rows()  # the entry is kept
    assert set_cell(model, "王芳", "skill_item", "跳绳")
    result = tab.save()
    assert result is not None and result.saved == 1 and not model.dirty_rows()


def test_choosing_another_class_saves_what_was_typed(page: PEPage, roster_ws: Workspace) -> None:
    model = page.process_tab.model
    assert set_cell(model, "李娜", "notes", "  校运会志愿者 ")
    page.select_scope(Scope(class_uuid=class_of(roster_ws, 13, 2)))
    assert [r.name for r in model.rows] == ["陈静", "杨磊", "赵敏"]
    li = pe.class_process_rows(roster_ws.db, class_of(roster_ws, 13, 1), TERM)[2]
    assert li.name == "李娜" and li.record is not None and li.record.notes == "校运会志愿者"
    page.select_scope(Scope(grade_code=13))
    assert page.process_tab.stack.showing_hint()
    assert "class by class" in page.process_tab.stack.hint.text()


def test_leaving_the_page_saves_what_was_typed(page: PEPage, roster_ws: Workspace) -> None:
    assert set_cell(page.process_tab.model, "王芳", "sports_club", "跳绳队")
    page.hide()  # another page of the main window is shown
    wang = pe.class_process_rows(roster_ws.db, class_of(roster_ws, 13, 1), TERM)[1]
    assert wang.record is not None and wang.record.sports_club == "跳绳队"
    assert not page.process_tab.model.dirty_rows()


def test_the_pe_result_combines_fitness_and_process(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    create_demo_school(workspace.db, students=120, seed=3, actor="demo", today=TODAY)
    page = PEPage(workspace, runner, today=TODAY)
    qtbot.addWidget(page)
    model = page.process_tab.model
    assert page.class_uuid is not None
    expected = pe.comprehensive_results(workspace.db, page.class_uuid, TERM)
    assert [r.name for r in model.rows] == [e.process.name for e in expected]
    assert any(e.result.score is not None for e in expected)
    for i, e in enumerate(expected):
        total = model.index(i, model.column_of("fitness_total")).data()
        result = model.index(i, model.column_of("comprehensive")).data()
        if e.result.exempt:
            assert total == "Exempt" and result == ""
            continue
        assert total == ("" if e.result.fitness_total is None else f"{e.result.fitness_total:.1f}")
        assert result == ("" if e.result.score is None else f"{e.result.score:.1f}")
        awards = model.index(i, model.column_of("awards")).data()
        assert awards == (str(len(e.process.awards)) if e.process.awards else "")


def test_the_weights_dialog_refuses_invalid_weights(
    qtbot: QtBot, page: PEPage, roster_ws: Workspace
) -> None:
    page.open_settings()
    dialog = page.active_dialog
    assert isinstance(dialog, PESettingsDialog)
    assert "to be confirmed by the district" in dialog.notice.text()
    dialog.weights["attendance"].setValue(50)  # 120 in all
    assert "120 of 100" in dialog.weight_total.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "add up to 120, not 100" in dialog.error.text()
    assert load_pe_config(roster_ws.db) == PEConfig()  # nothing stored
    dialog.weights["attendance"].setValue(30)
    dialog.skill_levels.setText("优秀 100, 良好")
    dialog.accept()
    assert "skill levels" in dialog.error.text() and dialog.isVisible()
    before = text(page.process_tab.model, "张伟", "process_score")
    dialog.restore_defaults()
    dialog.weights["attendance"].setValue(50)
    dialog.weights["skill"].setValue(0)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert load_pe_config(roster_ws.db).weights == {**DEFAULT_WEIGHTS, "attendance": 50,
                                                     "skill": 0}  # fmt: skip
    assert text(page.process_tab.model, "张伟", "process_score") != before  # new weights shown


def test_a_zhongkao_scheme_round_trips_as_json(
    qtbot: QtBot, roster_ws: Workspace, tmp_path: Path
) -> None:
    dialog = ZhongkaoDialog(roster_ws)
    qtbot.addWidget(dialog)
    assert dialog.years.count() == 0 and "No scheme yet" in dialog.details.toPlainText()
    source = tmp_path / "scheme.json"
    source.write_text(json.dumps(SCHEME, ensure_ascii=False), encoding="utf-8")
    dialog.ask_open_path = lambda: source
    config = dialog.import_json()
    assert config is not None and zhongkao_years(roster_ws.db) == [2031]
    assert dialog.selected_year() == 2031
    assert "1000米跑" in dialog.details.toPlainText() and "测试文号" in dialog.details.toPlainText()
    target = tmp_path / "out" / "2031.json"
    target.parent.mkdir()
    dialog.ask_save_path = lambda suggested: target
    assert dialog.export_json() == target
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEME
    assert load_zhongkao_config(roster_ws.db, 2031) == config
    asked: list[str] = []
    dialog.ask_confirm = lambda question: asked.append(question) or False
    assert dialog.import_json() is None  # the same year again: not replaced without asking yes
    assert asked == ["Replace the stored scheme of 2031?"]


def test_a_faulty_zhongkao_scheme_shows_its_problems(
    qtbot: QtBot, roster_ws: Workspace, tmp_path: Path
) -> None:
    dialog = ZhongkaoDialog(roster_ws)
    qtbot.addWidget(dialog)
    broken = {**SCHEME, "year": 2032, "total_score": 70, "items": SCHEME["items"][:1]}  # type: ignore[index]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    dialog.ask_open_path = lambda: path
    assert dialog.import_json() is None
    assert "add up to the total score" in dialog.message.text()
    assert "elective rule" in dialog.message.text()
    path.write_text("{not json", encoding="utf-8")
    assert dialog.import_json() is None and "not a readable JSON file" in dialog.message.text()
    assert zhongkao_years(roster_ws.db) == []


def test_an_empty_school_says_what_to_do_first(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner
) -> None:
    page = PEPage(school_ws, runner, today=TODAY)
    qtbot.addWidget(page)
    assert page.showing_page_hint()
    assert "import the roster first" in page.page_hint.text()


def test_the_main_window_opens_the_pe_page(
    qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner
) -> None:
    save_pe_config(roster_ws.db, PEConfig())
    window = MainWindow(roster_ws, runner, today=dt.date(2026, 12, 1))
    qtbot.addWidget(window)
    assert isinstance(window.show_page("pe"), PEPage)
