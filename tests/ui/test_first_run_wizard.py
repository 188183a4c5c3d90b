"""First run: the wizard makes the workspace a school (or a demo school), then the main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.models import SchoolStage
from app.services.roster import find_students
from app.services.workspace import Workspace, current_term, require_school
from tests.conftest import TODAY
from ui.application import AppController
from ui.dialogs.first_run_wizard import DEMO_PAGE, SCHOOL_PAGE, FirstRunWizard
from ui.errors import CrashReporter
from ui.tasks import TaskRunner


@pytest.fixture
def controller(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner, reporter: CrashReporter
) -> Iterator[AppController]:
    ctl = AppController(workspace, runner, reporter, today=TODAY)
    ctl.start()
    yield ctl
    runner.shutdown()
    ctl.close()


def wizard_of(controller: AppController) -> FirstRunWizard:
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard) and wizard.isVisible()
    return wizard


def finish_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_an_empty_workspace_starts_with_the_wizard(controller: AppController) -> None:
    wizard = wizard_of(controller)
    assert controller.main_window is None
    assert not wizard.choice.bureau_choice.isChecked()  # tests/ui/test_bureau_window.py
    assert wizard.choice.school_choice.isChecked()


def test_creating_a_school_then_shows_the_main_window(
    controller: AppController, workspace: Workspace
) -> None:
    wizard = wizard_of(controller)
    wizard.next()
    assert wizard.currentId() == SCHOOL_PAGE
    page = wizard.school
    assert page.district.text() == "410308"
    page.code.setText("214100345")  # nine digits
    page.name.setText("孟津区会盟镇中心小学")
    assert "学校标识码" in page.fields["code"].message_text()
    assert not finish_enabled(wizard)
    page.code.setText("2141003457")
    assert page.fields["code"].message_text() == ""
    page.stage.setCurrentIndex(page.stage.findData(SchoolStage.NINE_YEAR.value))
    page.term.setCurrentText("2026-2027-2")
    assert finish_enabled(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    school = require_school(workspace.db)
    assert (school.code, school.name, school.stage) == (
        "2141003457",
        "孟津区会盟镇中心小学",
        SchoolStage.NINE_YEAR,
    )
    assert current_term(workspace.db).code == "2026-2027-2"
    window = controller.main_window
    assert window is not None and window.isVisible()
    assert "孟津区会盟镇中心小学" in window.windowTitle()
    assert "2026-2027, second term" in window.windowTitle()


def test_a_bad_term_keeps_finish_disabled(controller: AppController) -> None:
    wizard = wizard_of(controller)
    wizard.next()
    wizard.school.code.setText("2141003457")
    wizard.school.name.setText("某小学")
    wizard.school.term.setCurrentText("2026-2028-1")
    assert wizard.school.fields["term"].message_text()
    assert not finish_enabled(wizard)


def test_a_demo_school_is_created_in_the_background(
    qtbot: QtBot, controller: AppController, workspace: Workspace
) -> None:
    wizard = wizard_of(controller)
    wizard.choice.demo_choice.setChecked(True)
    wizard.next()
    assert wizard.currentId() == DEMO_PAGE
    wizard.demo.students.setValue(60)
    wizard.demo.seed.setValue(7)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: controller.main_window is not None)
    assert len(find_students(workspace.db)) == 60
    assert controller.main_window.isVisible()
    qtbot.waitUntil(lambda: controller.main_window.roster_page.model.rowCount() == 60)


def test_cancelling_the_wizard_asks_to_quit(qtbot: QtBot, controller: AppController) -> None:
    wizard = wizard_of(controller)
    with qtbot.waitSignal(controller.quit_requested):
        wizard.reject()
    assert controller.main_window is None
