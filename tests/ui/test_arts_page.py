"""The arts page on a real school: empty states, the assessment grid typed live, suggestions,
the award form's warnings, the awards import, specialties, course records, activities, the
school's programmes and self-evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.arts.constants import ArtsSubject, AwardLevel, SpecialtyRoute
from app.services.arts_assessment import class_assessments
from app.services.arts_records import (
    SpecialtyInput,
    class_course_records,
    list_specialties,
    participants,
    save_specialty,
)
from app.services.awards import AwardInput, list_awards, save_award
from app.services.roster import find_students, list_classes
from app.services.school_arts import get_self_evaluation, members
from app.services.workspace import Workspace
from tests.conftest import TODAY
from ui.dialogs.arts_activity_dialog import ArtsActivityDialog
from ui.dialogs.award_dialog import AwardDialog
from ui.dialogs.import_wizard import DRY_RUN_PAGE, ImportWizard
from ui.dialogs.programme_dialog import ProgrammeDialog
from ui.dialogs.specialty_dialog import SpecialtyDialog
from ui.models.arts_assessment_model import COL_BAND, COL_CONFIRMED, COL_FIRST_SCORE, COL_TOTAL
from ui.models.arts_award_model import COL_WARNINGS
from ui.models.arts_course_model import COL_ATTENDANCE, COL_PARTICIPATION
from ui.models.class_tree_model import Scope
from ui.pages.arts_page import ArtsPage
from ui.tasks import TaskRunner

YEAR = "2026-2027"
EDIT = Qt.ItemDataRole.EditRole


def class_uuid(ws: Workspace, grade: int, class_no: int) -> str:
    return next(
        c.meta.uuid for c in list_classes(ws.db) if (c.grade_code, c.class_no) == (grade, class_no)
    )


def students(ws: Workspace) -> dict[str, tuple[str, str]]:
    return {
        r.student.name: (r.student.meta.uuid, r.student.student_no) for r in find_students(ws.db)
    }


@pytest.fixture
def page(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[ArtsPage]:
    arts = ArtsPage(roster_ws, runner, today=TODAY)
    qtbot.addWidget(arts)
    arts.show()
    yield arts
    assert runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: runner.active_count == 0)


def open_class(page: ArtsPage, ws: Workspace, grade: int = 13, class_no: int = 1) -> None:
    page.select_scope(Scope(class_uuid=class_uuid(ws, grade, class_no)))


def test_a_school_without_students_is_sent_to_the_roster(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner
) -> None:
    empty = ArtsPage(school_ws, runner, today=TODAY)
    qtbot.addWidget(empty)
    assert empty.showing_page_hint() and "import the roster first" in empty.page_hint.text()
    assert empty.roster_button.isVisibleTo(empty)


def test_empty_tabs_say_what_to_do_first(page: ArtsPage) -> None:
    courses = page.courses_tab
    assert courses.course_stack.showing_hint()
    assert "Choose a class in the tree" in courses.course_stack.hint.text()
    assert courses.activity_stack.showing_hint() and courses.first_new_button.isVisibleTo(page)
    expected = {
        page.specialties_tab: "No arts specialties recorded",
        page.awards_tab: "No awards recorded",
        page.assessment_tab: "Choose a class in the tree",
        page.school_tab: "No programmes or clubs yet",
    }
    for tab, text in expected.items():
        page.tabs.setCurrentWidget(tab)
        assert tab.stack.showing_hint() and text in tab.stack.hint.text(), tab
    page.tabs.setCurrentWidget(page.assessment_tab)
    page.assessment_tab.first_class_button.click()  # opens the first class of the tree
    assert page.class_uuid == class_uuid(page.ws, 13, 1)
    assert not page.assessment_tab.stack.showing_hint()


def type_score(page: ArtsPage, row: int, key_index: int, value: str) -> bool:
    model = page.assessment_tab.model
    return model.setData(model.index(row, COL_FIRST_SCORE + key_index), value, EDIT)


def test_assessment_total_and_band_appear_as_scores_are_typed(
    page: ArtsPage, roster_ws: Workspace
) -> None:
    open_class(page, roster_ws)
    page.tabs.setCurrentWidget(page.assessment_tab)
    model = page.assessment_tab.model
    assert [r.name for r in model.rows] == ["张伟", "王芳", "李娜"]
    assert model.headerData(COL_FIRST_SCORE, Qt.Orientation.Horizontal) == "Course learning (20)"
    for i, value in enumerate(("18", "18", "18", "25", "5")):
        assert type_score(page, 0, i, value)
    assert model.index(0, COL_TOTAL).data() == ""  # five of six: no total yet
    assert type_score(page, 0, 5, "4")
    assert (model.index(0, COL_TOTAL).data(), model.index(0, COL_BAND).data()) == ("88", "Good")
    assert type_score(page, 0, 3, "30")  # 93: the band follows at once
    assert (model.index(0, COL_TOTAL).data(), model.index(0, COL_BAND).data()) == (
        "93",
        "Excellent",
    )

    assert not type_score(page, 0, 0, "21")  # course learning is out of 20
    assert "outside 0–20" in page.assessment_tab.message.text()
    assert model.index(0, COL_FIRST_SCORE).data() == "18"
    assert not type_score(page, 0, 1, "abc")
    stored = dict(class_assessments(roster_ws.db, class_uuid(roster_ws, 13, 1), YEAR))
    saved = stored[students(roster_ws)["张伟"][0]]
    assert saved is not None and (saved.total, saved.band) == (93, "excellent")
    assert saved.development_points_confirmed  # typed points count as confirmed
    assert "Excellent 1" in page.assessment_tab.summary.text()


def test_suggested_points_show_their_evidence_and_can_be_confirmed(
    page: ArtsPage, roster_ws: Workspace
) -> None:
    wang = students(roster_ws)["王芳"][0]
    save_specialty(
        roster_ws.db,
        SpecialtyInput(wang, YEAR, "器乐", SpecialtyRoute.OUTSIDE, sub_type="键盘乐器"),
        actor="tester",
    )
    open_class(page, roster_ws)
    tab = page.assessment_tab
    page.tabs.setCurrentWidget(tab)
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.suggest_button.click()
    model = tab.model
    outside = model.index(1, COL_FIRST_SCORE + 4)
    assert outside.data() == "5"
    assert "器乐（校外）: 5" in outside.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, COL_FIRST_SCORE + 4).data() == ""  # only the selected student
    confirmed = model.index(1, COL_CONFIRMED)
    assert confirmed.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(confirmed, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows[1].confirmed
    assert not model.flags(confirmed) & Qt.ItemFlag.ItemIsUserCheckable


def test_the_award_form_flags_a_national_award_not_on_the_list(
    qtbot: QtBot, page: ArtsPage, roster_ws: Workspace
) -> None:
    tab = page.awards_tab
    page.tabs.setCurrentWidget(tab)
    tab.first_new_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, AwardDialog)
    dialog.event_edit.setText("全国青少年艺术大赛")
    dialog.organizer.setText("某文化传媒有限公司")
    assert not dialog.form.isRowVisible(dialog.fields["whitelist"])
    dialog.level.setCurrentIndex(dialog.level.findData(AwardLevel.NATIONAL.value))
    assert dialog.form.isRowVisible(dialog.fields["whitelist"])
    warnings = dialog.warning_texts()
    assert any("not stated whether the contest is on the Ministry" in w for w in warnings)
    assert any("not organised by an education authority" in w for w in warnings)
    assert dialog.counts.text() == "Does not count toward the arts specialty score."
    dialog.whitelist.setCurrentIndex(dialog.whitelist.findData("no"))
    assert any("not on the Ministry of Education's list" in w for w in dialog.warning_texts())
    dialog.save()  # no winner yet: refused next to the field
    assert "Choose the students" in dialog.fields["winners"].message_text()
    zhang = students(roster_ws)["张伟"][0]
    dialog.pick_students = lambda rows, chosen: [zhang]
    dialog.choose_button.click()
    assert dialog.winners_label.text() == "张伟"
    dialog.save()
    assert dialog.saved_uuid is not None
    assert tab.model.rowCount() == 1
    assert "not on the Ministry" in tab.model.index(0, COL_WARNINGS).data()
    assert tab.model.index(0, COL_WARNINGS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert tab.model.index(0, 6).data() == "张伟"


def test_a_whitelisted_award_of_an_authority_counts(page: ArtsPage) -> None:
    page.tabs.setCurrentWidget(page.awards_tab)
    page.awards_tab.new_action.trigger()
    dialog = page.awards_tab.active_dialog
    assert isinstance(dialog, AwardDialog)
    dialog.event_edit.setText("全国中小学生艺术展演")
    dialog.organizer.setText("教育部")
    dialog.authority.setChecked(True)
    dialog.level.setCurrentIndex(dialog.level.findData(AwardLevel.NATIONAL.value))
    dialog.whitelist.setCurrentIndex(dialog.whitelist.findData("yes"))
    assert dialog.warning_texts() == []
    assert dialog.counts.text() == "Counts toward the arts specialty score."
    dialog.reject()


def write_awards(path: Path, ws: Workspace) -> Path:
    numbers = {name: number for name, (_, number) in students(ws).items()}
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["学籍号", "姓名", "比赛名称", "主办单位", "是否教育行政部门", "级别", "等次", "日期"]
    )
    sheet.append(
        [
            numbers["张伟"],
            "张伟",
            "孟津区中小学生书画比赛",
            "孟津区教育局",
            "是",
            "县区级",
            "一等奖",
            "2026-10-20",
        ]
    )
    sheet.append(
        [
            numbers["王芳"],
            "王芳",
            "孟津区中小学生书画比赛",
            "孟津区教育局",
            "是",
            "县区级",
            "二等奖",
            "2026-10-20",
        ]
    )
    sheet.append(
        [
            "G00000000000000000X",
            "无名",
            "孟津区中小学生书画比赛",
            "孟津区教育局",
            "是",
            "县区级",
            "二等奖",
            "2026-10-20",
        ]
    )
    book.save(path)
    return path


def test_awards_import_through_the_wizard(
    qtbot: QtBot, page: ArtsPage, roster_ws: Workspace, tmp_path: Path
) -> None:
    path = write_awards(tmp_path / "获奖名单.xlsx", roster_ws)
    tab = page.awards_tab
    page.tabs.setCurrentWidget(tab)
    tab.import_action.trigger()
    wizard = tab.active_dialog
    assert isinstance(wizard, ImportWizard) and wizard.windowTitle() == "Import awards"
    wizard.ask_open_path = lambda: path
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(lambda: not wizard.busy)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == DRY_RUN_PAGE
    qtbot.waitUntil(lambda: wizard.dry_run_report is not None)
    report = wizard.dry_run_report
    assert (report.created, len(report.rejected)) == (2, 1)
    assert wizard.dry_run_page.rejected_model.rows[0].row == 4
    assert "学籍号" in wizard.dry_run_page.rejected_model.rows[0].field
    wizard.next()
    qtbot.waitUntil(lambda: wizard.report is not None)
    assert len(list_awards(roster_ws.db)) == 2
    assert tab.model.rowCount() == 2
    wizard.accept()


def test_specialty_dialog_notes_that_outside_counts_as_outside_learning(
    page: ArtsPage, roster_ws: Workspace
) -> None:
    open_class(page, roster_ws)
    tab = page.specialties_tab
    page.tabs.setCurrentWidget(tab)
    tab.first_new_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, SpecialtyDialog)
    assert dialog.student.count() == 3  # the students of the chosen class
    dialog.category.setCurrentText("书法")
    assert not dialog.route_note.isVisibleTo(dialog)
    dialog.route.setCurrentIndex(dialog.route.findData(SpecialtyRoute.OUTSIDE.value))
    assert dialog.route_note.isVisibleTo(dialog)
    dialog.save()
    [stored] = list_specialties(roster_ws.db, school_year=YEAR)
    assert (stored.category, stored.route) == ("书法", SpecialtyRoute.OUTSIDE)
    assert tab.model.rowCount() == 1
    assert "outside learning" in tab.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)


def test_course_records_are_typed_checked_and_saved(page: ArtsPage, roster_ws: Workspace) -> None:
    open_class(page, roster_ws)
    tab = page.courses_tab
    model = tab.course_model
    assert not model.setData(model.index(0, COL_ATTENDANCE), "120", EDIT)
    assert "0 to 100" in tab.course_message.text()
    assert model.setData(model.index(0, COL_ATTENDANCE), "95", EDIT)
    assert model.setData(model.index(0, COL_PARTICIPATION), "good", EDIT)
    assert model.index(0, COL_PARTICIPATION).data() == "Good"
    tab.save_button.click()
    assert "1 new" in tab.course_message.text()
    records = dict(
        class_course_records(
            roster_ws.db, class_uuid(roster_ws, 13, 1), "2026-2027-1", ArtsSubject.MUSIC
        )
    )
    saved = records[students(roster_ws)["张伟"][0]]
    assert saved is not None and saved.attendance_pct == 95


def test_an_activity_with_a_whole_class(page: ArtsPage, roster_ws: Workspace) -> None:
    open_class(page, roster_ws, 13, 2)
    tab = page.courses_tab
    tab.first_new_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, ArtsActivityDialog)
    dialog.name.setText("校园艺术节合唱比赛")
    dialog.save()
    assert tab.activity_model.rowCount() == 1
    tab.add_class_action.trigger()
    uuid = tab.activity_model.rows[0].meta.uuid
    assert len(participants(roster_ws.db, uuid)) == 3
    assert tab.activity_proxy.index(0, 4).data() == "3"


def test_programmes_members_and_the_self_evaluation(page: ArtsPage, roster_ws: Workspace) -> None:
    tab = page.school_tab
    page.tabs.setCurrentWidget(tab)
    tab.first_new_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, ProgrammeDialog)
    dialog.name.setText("合唱团")
    dialog.project.setText("合唱")
    dialog.save()
    assert tab.model.rowCount() == 1
    picked = [students(roster_ws)["张伟"][0], students(roster_ws)["黄强"][0]]
    tab.pick_students = lambda chosen: picked
    tab.members_action.trigger()
    assert sorted(members(roster_ws.db, tab.model.rows[0].meta.uuid, YEAR)) == sorted(picked)
    assert tab.proxy.index(0, 5).data() == "2"

    tab.prefill_button.click()
    assert tab.form.inputs["activities.clubs_count"].text() == "1"
    assert tab.form.inputs["activities.club_projects"].text() == "合唱"
    tab.form.inputs["courses.score"].setText("31")  # the section weighs 30
    tab.save_button.click()
    assert "courses.score" in tab.form.messages()
    assert get_self_evaluation(roster_ws.db, YEAR) is None
    tab.form.inputs["courses.score"].setText("28")
    tab.form.inputs["teachers.total"].setText("3")
    tab.save_button.click()
    stored = get_self_evaluation(roster_ws.db, YEAR)
    assert stored is not None and stored.sections["courses"]["score"] == 28
    assert tab.form.computed["teachers.student_teacher_ratio"][0].text() == "3:1"
    assert "saved" in tab.total.text()


def test_award_saved_elsewhere_shows_in_scope(page: ArtsPage, roster_ws: Workspace) -> None:
    huang = students(roster_ws)["黄强"][0]
    save_award(
        roster_ws.db,
        AwardInput(
            "洛阳市书法比赛", "洛阳市教育局", True, AwardLevel.CITY, "二等奖", dt.date(2026, 11, 2)
        ),
        winners=[huang],
        actor="tester",
        today=TODAY,
    )
    tab = page.awards_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 1 and tab.model.index(0, COL_WARNINGS).data() == ""
    open_class(page, roster_ws)  # 黄强 is not in 三年级(1)班
    assert tab.stack.showing_hint()
