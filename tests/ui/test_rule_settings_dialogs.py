"""设置 → 劳动与美育规则: the labor and arts rule dialogs save through the services, refuse what
the core refuses (nothing saved), and restore the documented defaults."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from app.arts.config import ArtsConfig
from app.labor.config import LaborConfig
from app.labor.models import ParticipantEntry
from app.services import labor_records as lr
from app.services.arts_settings import load_arts_config
from app.services.labor_totals import below_threshold
from app.services.workspace import Workspace
from tests.app.services.labor_helpers import draft, make_labor_school
from tests.conftest import TODAY
from ui.dialogs.arts_settings_dialog import ArtsSettingsDialog
from ui.dialogs.labor_settings_dialog import LaborSettingsDialog
from ui.pages.settings_page import SettingsPage

MONDAY = dt.date(2026, 11, 2)
SUNDAY = dt.date(2026, 11, 8)


def labor_dialog(qtbot: QtBot, ws: Workspace) -> LaborSettingsDialog:
    dialog = LaborSettingsDialog(ws)
    qtbot.addWidget(dialog)
    return dialog


def arts_dialog(qtbot: QtBot, ws: Workspace) -> ArtsSettingsDialog:
    dialog = ArtsSettingsDialog(ws)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_grade_1_2_threshold_is_saved_and_used_by_the_report(
    qtbot: QtBot, school_ws: Workspace
) -> None:
    school = make_labor_school(school_ws)
    pupil = school.grade_1[0]
    entry = [ParticipantEntry(pupil, minutes=130)]  # above the default 120, below 150
    lr.record_activity(school_ws.db, draft(), entry, actor="t", today=TODAY)

    def below() -> bool:
        report = below_threshold(school_ws.db, date_from=MONDAY, date_to=SUNDAY)
        return pupil in {t.student_uuid for t in report.students_below}

    assert not below()
    dialog = labor_dialog(qtbot, school_ws)
    assert dialog.first_minutes.value() == 120 and dialog.first_hours.text().startswith("= 2 ")
    dialog.first_minutes.setValue(150)
    assert "2.5" in dialog.first_hours.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()

    saved = lr.labor_config(school_ws.db)
    assert saved.weekly_out_of_class_minutes == {1: 150, 2: 180, 3: 180, 4: 180}
    assert below()


def test_unticking_a_task_group_for_grades_7_9_is_saved(qtbot: QtBot, school_ws: Workspace) -> None:
    dialog = labor_dialog(qtbot, school_ws)
    assert not dialog.groups[(4, 1)].isChecked()  # default: no 清洁与卫生 in 第四学段
    dialog.groups[(4, 10)].setChecked(False)
    dialog.rating_scale.setText("A, B, C")
    dialog.ok_button.click()

    saved = lr.labor_config(school_ws.db)
    assert saved.groups_for_band(4) == tuple(range(2, 10))
    assert saved.groups_for_band(3) == tuple(range(1, 11))
    assert saved.rating_scale == ("A", "B", "C")
    assert saved.evaluation_scale == ("优秀", "良好", "合格", "待改进")


def test_labor_settings_the_service_refuses_are_shown_and_not_saved(
    qtbot: QtBot, school_ws: Workspace
) -> None:
    dialog = labor_dialog(qtbot, school_ws)
    for no in range(1, 11):
        dialog.groups[(2, no)].setChecked(False)
    dialog.evaluation_scale.setText("优秀")
    dialog.ok_button.click()

    assert not dialog.error.isHidden()
    assert "Task groups" in dialog.error.text() and "Evaluation scale" in dialog.error.text()
    assert "c62828" in dialog.evaluation_scale.styleSheet()
    assert lr.labor_config(school_ws.db) == LaborConfig()


def test_labor_restore_defaults(qtbot: QtBot, school_ws: Workspace) -> None:
    lr.save_labor_config(school_ws.db, LaborConfig(course_periods_per_week=3))
    dialog = labor_dialog(qtbot, school_ws)
    assert dialog.course_periods.value() == 3
    dialog.groups[(1, 5)].setChecked(False)
    dialog.defaults_button.click()
    assert dialog.course_periods.value() == 1 and dialog.groups[(1, 5)].isChecked()
    dialog.ok_button.click()
    assert lr.labor_config(school_ws.db) == LaborConfig()


def test_arts_splits_that_do_not_add_up_are_refused(qtbot: QtBot, school_ws: Workspace) -> None:
    dialog = arts_dialog(qtbot, school_ws)
    assert dialog.sums["basic"].text() == "Sum: 40 of 40"
    dialog.subs["course_learning"].setValue(25)
    assert dialog.sums["basic"].text() == "Sum: 45 of 40"
    assert "c62828" in dialog.sums["basic"].styleSheet()
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.ok_button.click()

    assert "must add up to 40" in dialog.error.text()
    assert load_arts_config(school_ws.db) == ArtsConfig()


def test_arts_splits_bands_and_cap_are_saved_and_defaults_restored(
    qtbot: QtBot, school_ws: Workspace
) -> None:
    dialog = arts_dialog(qtbot, school_ws)
    dialog.subs["course_learning"].setValue(25)
    dialog.subs["extracurricular"].setValue(15)
    dialog.bands["good"].setValue(80)
    dialog.cap.setCurrentIndex(dialog.cap.findData(-1))
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    cfg = load_arts_config(school_ws.db)
    assert (cfg.sub_maxima["course_learning"], cfg.sub_maxima["extracurricular"]) == (25, 15)
    assert cfg.band_minima["good"] == 80 and cfg.total_cap is None

    again = arts_dialog(qtbot, school_ws)
    assert again.subs["course_learning"].value() == 25 and again.cap.currentData() == -1
    again.defaults_button.click()
    assert again.subs["course_learning"].value() == 20 and again.cap.currentData() == 100
    again.ok_button.click()
    assert load_arts_config(school_ws.db) == ArtsConfig()


def test_the_settings_page_opens_both_dialogs(qtbot: QtBot, school_ws: Workspace) -> None:
    page = SettingsPage(school_ws, today=TODAY)
    qtbot.addWidget(page)
    labor = page.open_labor_rules()
    assert isinstance(labor, LaborSettingsDialog) and labor.isVisible()
    labor.reject()
    arts = page.open_arts_rules()
    assert isinstance(arts, ArtsSettingsDialog) and arts.isVisible()
    arts.reject()
