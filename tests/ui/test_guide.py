"""The first hour: the guide (帮助 → 使用指南, F1, offered after the first-run wizard), the roster
columns' tooltips, and empty pages that say what to do first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app import i18n as core_i18n
from app.services.workspace import Workspace
from tests.conftest import TODAY
from ui.application import AppController
from ui.dialogs.guide_dialog import GuideDialog, guide_html
from ui.dialogs.student_dialog import StudentDialog
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.models.student_table_model import StudentTableModel
from ui.pages.placeholder_page import PlaceholderPage, placeholder_texts
from ui.tasks import TaskRunner

FIVE_STEPS_ZH = ("设置学校", "导入名册", "录入体质测试成绩", "记录劳动活动", "导出报送包")


@pytest.fixture
def window(qtbot: QtBot, school_ws: Workspace, runner: TaskRunner) -> Iterator[MainWindow]:
    main = MainWindow(school_ws, runner, today=TODAY)
    qtbot.addWidget(main)
    main.roster_page.reload()
    main.show()
    yield main


def help_action(window: MainWindow, text: str) -> object:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == text)


def test_the_guide_opens_from_the_help_menu_in_chinese(window: MainWindow) -> None:
    core_i18n.set_language("zh_CN")  # the UI language the guide follows
    action = help_action(window, "User &guide")
    assert action is window.guide_action
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.guide_action.trigger()
    guide = window.guide
    assert isinstance(guide, GuideDialog) and guide.isVisible()
    text = guide.browser.toPlainText()
    positions = [text.find(step) for step in FIVE_STEPS_ZH]
    assert all(p >= 0 for p in positions), dict(zip(FIVE_STEPS_ZH, positions, strict=True))
    assert positions == sorted(positions), "the steps come in order"
    assert "F1" in text
    window.guide_action.trigger()  # a second F1 brings the same window back
    assert window.guide is guide


def test_the_english_guide_and_an_unknown_language() -> None:
    english = guide_html("en")
    for step in ("Set up the school", "Import the roster", "fitness", "labor", "packet"):
        assert step in english
    assert guide_html("fr") == english


def test_the_guide_is_offered_once_after_the_first_run_wizard(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner, reporter: CrashReporter
) -> None:
    controller = AppController(workspace, runner, reporter, today=TODAY)
    controller.start()
    try:
        wizard = controller.wizard
        assert isinstance(wizard, QWizard)
        wizard.next()
        wizard.school.code.setText("2141003457")  # type: ignore[attr-defined]
        wizard.school.name.setText("孟津区会盟镇中心小学")  # type: ignore[attr-defined]
        wizard.button(QWizard.WizardButton.FinishButton).click()
        window = controller.main_window
        assert window is not None and window.isVisible()
        assert window.guide is not None and window.guide.isVisible()
    finally:
        runner.shutdown()
        controller.close()


def test_an_existing_school_starts_without_the_guide(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner, reporter: CrashReporter
) -> None:
    controller = AppController(school_ws, runner, reporter, today=TODAY)
    controller.start()
    try:
        assert controller.main_window is not None and controller.main_window.guide is None
    finally:
        runner.shutdown()
        controller.close()


def test_every_roster_column_has_a_tooltip_with_its_format() -> None:
    model = StudentTableModel()
    tips = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert all(tip and len(tip) > 10 for tip in tips)
    assert "19 characters" in tips[0] and "G" in tips[0]
    assert "2016-09-01" in tips[3]
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) is None


def test_an_empty_roster_offers_import_and_new_student(qtbot: QtBot, window: MainWindow) -> None:
    page = window.roster_page
    assert page.stack.currentWidget() is page.no_students
    assert page.add_action.isEnabled() and page.import_action.isEnabled()
    assert page.first_import_button.text() == "Import roster"
    page.first_add_button.click()
    assert isinstance(page.active_dialog, StudentDialog)
    page.active_dialog.close()


def test_every_page_not_built_yet_says_what_to_do_first(qapp: object) -> None:
    for key, (what, first) in placeholder_texts().items():
        assert what.strip() and first.strip(), key
        page = PlaceholderPage(key, "app", what, first)
        assert first in page.first.text()
        page.deleteLater()
