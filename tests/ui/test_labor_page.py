"""The labor page on a real school: activities, files, import, totals against the threshold, and
the 公示 workflow of the literacy evaluation, all through the page's own buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.labor.constants import Category, EvaluationStatus, ParticipationStatus, Setting
from app.labor.models import LaborActivityDraft, ParticipantEntry
from app.models import StudentStatus
from app.services.labor_evaluation import list_evaluations
from app.services.labor_records import list_activities, record_activity
from app.services.roster import StudentExtras, find_students, list_classes, save_student
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.conftest import STUDENTS, student_raw
from ui.dialogs.import_wizard import DRY_RUN_PAGE, ImportWizard
from ui.dialogs.labor_activity_dialog import LaborActivityDialog
from ui.dialogs.labor_evidence_dialog import LaborEvidenceDialog
from ui.models.class_tree_model import Scope
from ui.models.labor_evaluation_model import COL_FIRST_RATED
from ui.models.labor_totals_model import BELOW, COL_NAME, FAR_BELOW
from ui.pages.labor_page import LaborPage
from ui.tasks import TaskRunner

WEEK = (dt.date(2026, 11, 23), dt.date(2026, 11, 29))  # 7 days: minutes per week = minutes


def class_uuid(ws: Workspace, grade: int, class_no: int) -> str:
    return next(
        c.meta.uuid for c in list_classes(ws.db) if (c.grade_code, c.class_no) == (grade, class_no)
    )


def students(ws: Workspace) -> dict[str, tuple[str, str]]:
    """name → (uuid, 学籍号)."""
    return {
        r.student.name: (r.student.meta.uuid, r.student.student_no) for r in find_students(ws.db)
    }


def home_labor(ws: Workspace, minutes: dict[str, int], day: dt.date = WEEK[0]) -> str:
    uuids = students(ws)
    return record_activity(
        ws.db,
        LaborActivityDraft(day, Category.DAILY, 2, "整理房间", Setting.HOME, 40),
        [ParticipantEntry(uuids[name][0], minutes=m) for name, m in minutes.items()],
        actor="tester",
        today=TODAY,
    )


@pytest.fixture
def page(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[LaborPage]:
    labor = LaborPage(roster_ws, runner, today=TODAY)
    qtbot.addWidget(labor)
    labor.show()
    yield labor
    assert runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: runner.active_count == 0)  # no task outlives the test


def test_empty_page_and_tabs_say_what_to_do_first(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner
) -> None:
    empty = LaborPage(school_ws, runner, today=TODAY)
    qtbot.addWidget(empty)
    assert empty.showing_page_hint()
    assert "import the roster first" in empty.page_hint.text()
    assert empty.roster_button.isVisibleTo(empty)
    with qtbot.waitSignal(empty.navigate) as blocker:
        empty.roster_button.click()
    assert blocker.args == ["roster"]
    # The roster is imported on its own page; coming back, the labor page reads it again.
    save_student(
        school_ws.db, student_raw(*STUDENTS[0]), actor="tester",
        extras=StudentExtras(status=StudentStatus.ENROLLED), today=TODAY,
    )  # fmt: skip
    empty.show()
    empty.hide()
    assert empty.showing_page_hint()
    empty.show()
    assert not empty.showing_page_hint()
    assert empty.tree_model.root_index().data() == "Whole school (1)"


def test_empty_tabs_show_their_first_action(qtbot: QtBot, page: LaborPage) -> None:
    tab = page.activities_tab
    assert tab.stack.showing_hint()
    assert "a class's afternoon at the labor base is one entry" in tab.stack.hint.text()
    assert tab.first_new_button.isVisibleTo(tab)
    page.tabs.setCurrentWidget(page.totals_tab)
    qtbot.waitUntil(lambda: not page.totals_tab.loading)
    assert page.totals_tab.stack.showing_hint()
    assert "Record the activities first" in page.totals_tab.stack.hint.text()
    page.tabs.setCurrentWidget(page.evaluation_tab)
    assert page.evaluation_tab.stack.showing_hint()
    assert "create empty drafts" in page.evaluation_tab.stack.hint.text()


def test_new_activity_for_the_chosen_class(page: LaborPage, roster_ws: Workspace) -> None:
    page.select_scope(Scope(class_uuid=class_uuid(roster_ws, 13, 2)))
    page.activities_tab.first_new_button.click()
    dialog = page.activities_tab.active_dialog
    assert isinstance(dialog, LaborActivityDialog)
    assert [p.name for p in dialog.model.rows] == ["陈静", "杨磊", "赵敏"]  # preselected class
    dialog.form.project.setText("打扫教室")
    dialog.form.set_choice("setting", Setting.ON_CAMPUS)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    tab = page.activities_tab
    assert not tab.stack.showing_hint()
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 3).data() == "打扫教室"
    assert tab.proxy.index(0, 6).data() == "3 / 3"
    assert tab.selected()[0].activity.project == "打扫教室"  # the new row is selected


def test_filters_and_delete_with_confirmation(page: LaborPage, roster_ws: Workspace) -> None:
    home_labor(roster_ws, {"张伟": 30})
    record_activity(
        roster_ws.db,
        LaborActivityDraft(WEEK[1], Category.SERVICE, 10, "社区清扫", Setting.COMMUNITY, 60),
        [ParticipantEntry(students(roster_ws)["王芳"][0])],
        actor="tester",
        today=TODAY,
    )
    tab = page.activities_tab
    tab.reload()
    assert tab.proxy.rowCount() == 2
    tab.category.setCurrentIndex(tab.category.findData(Category.SERVICE.value))
    assert [r.activity.project for r in tab.proxy.records()] == ["社区清扫"]
    tab.category.setCurrentIndex(0)
    tab.search.setText("房间")
    assert [r.activity.project for r in tab.proxy.records()] == ["整理房间"]
    tab.table.selectRow(0)
    asked: list[str] = []
    tab.ask_confirm = lambda title, text: asked.append(text) is not None  # says no
    tab.delete_action.trigger()
    assert len(list_activities(roster_ws.db)) == 2 and "整理房间" in asked[0]
    tab.ask_confirm = lambda title, text: True
    tab.delete_action.trigger()
    assert [r.activity.project for r in list_activities(roster_ws.db)] == ["社区清扫"]


def test_files_are_attached_listed_and_removed(
    qtbot: QtBot, page: LaborPage, roster_ws: Workspace, tmp_path: Path
) -> None:
    home_labor(roster_ws, {"张伟": 30})
    tab = page.activities_tab
    tab.reload()
    tab.table.selectRow(0)
    tab.files_action.trigger()
    dialog = tab.active_dialog
    assert isinstance(dialog, LaborEvidenceDialog)
    photo = tmp_path / "劳动照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    fake = tmp_path / "病毒.jpg"
    fake.write_bytes(b"MZ not a photo")
    dialog.ask_open_paths = lambda: [photo, fake]
    dialog.add_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert [e.file_name for e in dialog.files()] == ["劳动照片.png"]
    assert "病毒.jpg" in dialog.message.text()
    assert tab.proxy.index(0, 8).data() == "1"  # the list counts the file
    dialog.table.selectRow(0)
    dialog.ask_confirm = lambda text: True
    dialog.remove_button.click()
    assert dialog.files() == []


def write_labor_file(path: Path, ws: Workspace) -> Path:
    numbers = {name: number for name, (_, number) in students(ws).items()}
    book = Workbook()
    sheet = book.active
    sheet.append(["学籍号", "姓名", "日期", "任务群", "项目", "场所", "时长"])
    sheet.append([numbers["张伟"], "张伟", "2026-11-20", "整理与收纳", "整理书包", "家庭", 30])
    sheet.append([numbers["王芳"], "王芳", "2026-11-20", "整理与收纳", "整理书包", "家庭", "1小时"])
    sheet.append([numbers["李娜"], "李娜", "2026-11-20", "第11任务群", "整理书包", "家庭", 30])
    book.save(path)
    return path


def test_labor_import_through_the_wizard_with_a_bad_row(
    qtbot: QtBot, page: LaborPage, roster_ws: Workspace, tmp_path: Path
) -> None:
    path = write_labor_file(tmp_path / "家务劳动.xlsx", roster_ws)
    tab = page.activities_tab
    tab.first_import_button.click()
    wizard = tab.active_dialog
    assert isinstance(wizard, ImportWizard) and wizard.windowTitle() == "Import labor records"
    wizard.ask_open_path = lambda: path
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(lambda: not wizard.busy)
    wizard.next()
    assert wizard.mapping_page.missing_required() == []  # every header was recognised
    wizard.next()
    assert wizard.currentId() == DRY_RUN_PAGE
    qtbot.waitUntil(lambda: wizard.dry_run_report is not None)
    report = wizard.dry_run_report
    assert (report.created, len(report.rejected)) == (2, 1)
    assert wizard.dry_run_page.rejected_model.rows[0].row == 4
    assert list_activities(roster_ws.db) == []  # a dry run writes nothing
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    assert wizard.report.committed
    rows = list_activities(roster_ws.db)
    assert [(r.activity.project, r.participants) for r in rows] == [("整理书包", 2)]
    assert tab.proxy.rowCount() == 1  # the list was read again after the import
    wizard.accept()


def test_totals_highlight_students_below_the_threshold(
    qtbot: QtBot, page: LaborPage, roster_ws: Workspace
) -> None:
    # 三年级 is the 第二学段: 180 minutes a week. 张伟 exactly at it, 王芳 one minute short.
    home_labor(roster_ws, {"张伟": 180, "王芳": 179})
    page.select_scope(Scope(class_uuid=class_uuid(roster_ws, 13, 1)))
    tab = page.totals_tab
    page.tabs.setCurrentWidget(tab)
    tab.set_dates(*WEEK)
    qtbot.waitUntil(lambda: not tab.loading and tab.period == WEEK)
    by_name = {tab.model.rows[i].name: i for i in range(tab.model.rowCount())}
    assert set(by_name) == {"张伟", "王芳", "李娜"}

    def cell(name: str, column: int, role: Qt.ItemDataRole) -> object:
        return tab.model.index(by_name[name], column).data(role)

    background, icon_role = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole
    assert cell("张伟", 0, background) is None and cell("张伟", COL_NAME, icon_role) is None
    assert cell("王芳", 0, background) == BELOW and cell("王芳", COL_NAME, icon_role) is not None
    assert cell("李娜", 0, background) == FAR_BELOW  # nothing at all: under half
    assert "179.0 of 180" in str(cell("王芳", 3, Qt.ItemDataRole.ToolTipRole))
    assert "2 of 3 students below" in tab.summary.text()
    tab.only_below.setChecked(True)
    assert {r.name for r in tab.proxy.records()} == {"王芳", "李娜"}
    assert [c.class_name for c in tab.class_model.rows] == ["三年级(1)班"]
    assert "Labor week of 2026-2027: not held yet" in tab.labor_week.text()


def rate_all(page: LaborPage) -> None:
    model = page.evaluation_tab.model
    for row in range(model.rowCount()):
        for column in range(COL_FIRST_RATED, COL_FIRST_RATED + 5):
            assert model.setData(model.index(row, column), "良好")


def statuses(ws: Workspace) -> set[EvaluationStatus]:
    return {e.status for e in list_evaluations(ws.db, term="2026-2027-1")}


def test_the_public_notice_workflow_through_the_buttons(
    page: LaborPage, roster_ws: Workspace
) -> None:
    page.select_scope(Scope(class_uuid=class_uuid(roster_ws, 13, 1)))
    tab = page.evaluation_tab
    page.tabs.setCurrentWidget(tab)
    tab.first_drafts_button.click()
    assert tab.model.rowCount() == 3 and statuses(roster_ws) == {EvaluationStatus.DRAFT}
    # A draft's rating is chosen from the school's scale in the grid's own editor.
    index = tab.proxy.index(0, COL_FIRST_RATED)
    editor = tab.delegate.createEditor(tab.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "",
        "优秀",
        "良好",
        "合格",
        "待改进",
    ]
    editor.setCurrentIndex(1)
    tab.delegate.setModelData(editor, tab.proxy, index)
    assert index.data() == "优秀"
    editor.deleteLater()
    tab.ask_publicity_period = lambda count: (TODAY, TODAY + dt.timedelta(days=4))
    tab.publicize_action.trigger()  # not rated yet: refused, and says so
    assert "not complete" in tab.message.text()
    assert statuses(roster_ws) == {EvaluationStatus.DRAFT}
    rate_all(page)
    tab.publicize_action.trigger()
    assert statuses(roster_ws) == {EvaluationStatus.PUBLICIZED}
    assert tab.proxy.index(0, 11).data() == "2026-12-01 – 2026-12-05"
    assert not tab.model.flags(tab.model.index(0, COL_FIRST_RATED)) & Qt.ItemFlag.ItemIsEditable

    tab.ask_reviewer = lambda: "周主任"
    tab.confirm_action.trigger()  # the notice runs until 12-05
    assert "runs until 2026-12-05" in tab.message.text()
    assert statuses(roster_ws) == {EvaluationStatus.PUBLICIZED}
    page.today = dt.date(2026, 12, 6)
    tab.confirm_action.trigger()
    assert statuses(roster_ws) == {EvaluationStatus.CONFIRMED}
    assert {e.reviewer for e in list_evaluations(roster_ws.db, term="2026-2027-1")} == {"周主任"}
    assert not tab.message.isVisibleTo(tab)


def test_withdraw_and_correct_with_a_reason(page: LaborPage, roster_ws: Workspace) -> None:
    from ui.dialogs.labor_evaluation_dialogs import CorrectionDialog

    page.select_scope(Scope(class_uuid=class_uuid(roster_ws, 13, 1)))
    tab = page.evaluation_tab
    page.tabs.setCurrentWidget(tab)
    tab.create_drafts()
    rate_all(page)
    tab.ask_publicity_period = lambda count: (TODAY, TODAY + dt.timedelta(days=4))
    tab.publicize_action.trigger()
    tab.ask_confirm = lambda title, text: True
    tab.table.selectRow(0)
    tab.withdraw_action.trigger()  # only the selected one goes back to draft
    assert sorted(e.status.value for e in list_evaluations(roster_ws.db, term="2026-2027-1")) == [
        "draft", "publicized", "publicized",
    ]  # fmt: skip
    page.today = dt.date(2026, 12, 6)
    tab.ask_reviewer = lambda: "周主任"
    tab.table.clearSelection()
    tab.confirm_action.trigger()
    confirmed = next(
        r for r in range(tab.proxy.rowCount())
        if tab.proxy.record_at(r).status is EvaluationStatus.CONFIRMED
    )  # fmt: skip
    tab.table.selectRow(confirmed)
    tab.correct_action.trigger()
    dialog = tab.active_dialog
    assert isinstance(dialog, CorrectionDialog)
    dialog.combos["overall"].setCurrentText("优秀")
    dialog.save()  # no reason: refused
    assert dialog.message.text() == "Give the reason for the correction."
    dialog.reason.setText("家长反映漏记了社区服务")
    dialog.save()
    corrected = tab.proxy.record_at(confirmed)
    assert corrected.fields.overall == "优秀" and corrected.status is EvaluationStatus.CONFIRMED
    tab.table.selectRow(confirmed)
    tab.correct_action.trigger()
    history = tab.active_dialog.history
    assert [c.reason for c in history.rows] == ["家长反映漏记了社区服务"]
    assert "良好 → 优秀" in history.text(0, 3)
    tab.active_dialog.reject()


def test_an_absent_student_counts_no_minutes(
    qtbot: QtBot, page: LaborPage, roster_ws: Workspace
) -> None:
    uuids = students(roster_ws)
    record_activity(
        roster_ws.db,
        LaborActivityDraft(WEEK[0], Category.DAILY, 1, "大扫除", Setting.ON_CAMPUS, 200),
        [
            ParticipantEntry(uuids["张伟"][0]),
            ParticipantEntry(uuids["王芳"][0], status=ParticipationStatus.ABSENT),
        ],
        actor="tester",
        today=TODAY,
    )
    tab = page.totals_tab
    page.tabs.setCurrentWidget(tab)
    tab.set_dates(*WEEK)
    qtbot.waitUntil(lambda: not tab.loading and tab.period == WEEK)
    below = {r.name for r in tab.model.rows if r.on_roll and not r.meets_threshold}
    assert "张伟" not in below and "王芳" in below
