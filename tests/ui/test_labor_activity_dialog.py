"""The labor batch-entry dialog on a real school: a class in one entry, with exceptions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.labor.constants import Category, ParticipationStatus, Setting
from app.models import StudentRow
from app.services.labor_records import activity_detail, list_activities
from app.services.roster import find_students, list_classes
from app.services.workspace import Workspace
from tests.conftest import TODAY
from ui.dialogs.labor_activity_dialog import LaborActivityDialog
from ui.models.labor_participant_model import COL_MINUTES, COL_PRESENT, COL_RATINGS, RATERS


def class_uuid(ws: Workspace, grade: int, class_no: int) -> str:
    return next(
        c.meta.uuid for c in list_classes(ws.db) if (c.grade_code, c.class_no) == (grade, class_no)
    )


def student_uuid(ws: Workspace, name: str) -> str:
    return next(r.student.meta.uuid for r in find_students(ws.db) if r.student.name == name)


@pytest.fixture
def dialog(qtbot: QtBot, roster_ws: Workspace) -> LaborActivityDialog:
    dlg = LaborActivityDialog(roster_ws, today=TODAY)
    qtbot.addWidget(dlg)
    return dlg


def fill_activity(dialog: LaborActivityDialog, project: str = "劳动基地种植") -> None:
    form = dialog.form
    form.set_choice("category", Category.PRODUCTION)
    form.set_choice("task_group", 5)  # 农业生产劳动
    form.set_choice("setting", Setting.BASE)
    form.project.setText(project)
    form.minutes.setValue(40)


def set_cell(dialog: LaborActivityDialog, name: str, column: int, value: object, role: int) -> None:
    model = dialog.model
    row = next(i for i, p in enumerate(model.rows) if p.name == name)
    assert model.setData(model.index(row, column), value, role)


def test_a_class_with_one_absent_and_one_with_other_minutes(
    dialog: LaborActivityDialog, roster_ws: Workspace
) -> None:
    dialog.choose_class(class_uuid(roster_ws, 13, 1))
    # 三年级(1)班 has three students on the roll (刘洋 left), all present by default.
    assert [p.name for p in dialog.model.rows] == ["张伟", "王芳", "李娜"]
    fill_activity(dialog)
    edit = Qt.ItemDataRole.EditRole
    set_cell(
        dialog, "王芳", COL_PRESENT, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    set_cell(dialog, "李娜", COL_MINUTES, "60", edit)
    set_cell(dialog, "张伟", COL_RATINGS[RATERS[2]], "优秀", edit)
    assert dialog.summary.text() == "3 students listed, 2 present, 100 minutes in all."
    dialog.save()
    assert dialog.saved_uuid is not None and dialog.result() == dialog.DialogCode.Accepted

    detail = activity_detail(roster_ws.db, dialog.saved_uuid)
    assert detail.activity.class_uuid == class_uuid(roster_ws, 13, 1)
    assert (detail.activity.category, detail.activity.task_group) == (Category.PRODUCTION, 5)
    assert detail.activity.minutes == 40 and detail.activity.term == "2026-2027-1"
    got = {p.student_name: (p.status, p.minutes, dict(p.ratings)) for p in detail.participants}
    assert got == {
        "张伟": (ParticipationStatus.PRESENT, 40, {"teacher": "优秀"}),
        "王芳": (ParticipationStatus.ABSENT, 0, {}),
        "李娜": (ParticipationStatus.PRESENT, 60, {}),
    }
    assert len(list_activities(roster_ws.db)) == 1  # one entry, not one per student


def test_field_errors_appear_inline_and_clear_as_they_are_fixed(
    dialog: LaborActivityDialog, roster_ws: Workspace
) -> None:
    dialog.choose_class(class_uuid(roster_ws, 13, 1))
    fill_activity(dialog, project="")
    set_cell(dialog, "李娜", COL_MINUTES, "900", Qt.ItemDataRole.EditRole)
    dialog.save()
    assert dialog.saved_uuid is None and dialog.result() == 0  # still open
    assert "project" in dialog.form.messages()
    row = next(i for i, p in enumerate(dialog.model.rows) if p.name == "李娜")
    assert "600" in dialog.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "marked red" in dialog.participants_message.text()
    # Fixing a field re-checks at once: its message goes away.
    dialog.form.project.setText("校园种植")
    assert "project" not in dialog.form.messages()
    set_cell(dialog, "李娜", COL_MINUTES, "", Qt.ItemDataRole.EditRole)
    assert dialog.errors == {}
    assert dialog.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_individual_students_and_task_groups_of_their_stage(
    dialog: LaborActivityDialog, roster_ws: Workspace
) -> None:
    wanted = [student_uuid(roster_ws, "黄强"), student_uuid(roster_ws, "陈静")]

    def pick(students: Sequence[StudentRow], listed: Iterable[str]) -> list[str]:
        assert all(s.student.status.is_on_roll for s in students)
        return wanted

    dialog.pick_students = pick
    dialog.add_button.click()
    assert [p.name for p in dialog.model.rows] == ["黄强", "陈静"]
    # 黄强 is in 七年级 (第四学段): the default configuration runs no 清洁与卫生 there.
    dialog.form.set_choice("category", Category.DAILY)
    assert dialog.form.allowed_groups() == [2, 3, 4]
    dialog.form.set_choice("task_group", 3)
    dialog.form.set_choice("setting", Setting.HOME)
    dialog.form.project.setText("做一道家常菜")
    dialog.save()
    assert dialog.saved_uuid is not None
    detail = activity_detail(roster_ws.db, dialog.saved_uuid)
    assert detail.activity.class_uuid is None
    assert {p.student_name for p in detail.participants} == {"黄强", "陈静"}


def test_editing_keeps_the_exceptions(
    qtbot: QtBot, dialog: LaborActivityDialog, roster_ws: Workspace
) -> None:
    dialog.choose_class(class_uuid(roster_ws, 13, 1))
    fill_activity(dialog)
    set_cell(dialog, "李娜", COL_MINUTES, "60", Qt.ItemDataRole.EditRole)
    dialog.save()
    uuid = dialog.saved_uuid
    assert uuid is not None
    again = LaborActivityDialog(roster_ws, activity_uuid=uuid, today=TODAY)
    qtbot.addWidget(again)
    assert again.windowTitle() == "Edit labor activity"
    assert again.form.project.text() == "劳动基地种植"
    assert [(p.name, p.minutes) for p in again.model.rows] == [
        ("张伟", None),
        ("王芳", None),
        ("李娜", 60),
    ]
    again.form.minutes.setValue(50)  # the others follow the new default, 李娜 keeps her 60
    again.save()
    got = {p.student_name: p.minutes for p in activity_detail(roster_ws.db, uuid).participants}
    assert got == {"张伟": 50, "王芳": 50, "李娜": 60}
