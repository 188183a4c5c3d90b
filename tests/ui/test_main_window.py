"""The main window: navigation over every page, title, status bar, settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models import SchoolStage
from app.services.workspace import Workspace, current_term, get_language, require_school
from tests.conftest import TODAY
from ui.main_window import PAGE_KEYS, MainWindow
from ui.pages.packets_page import PacketsPage
from ui.pages.settings_page import SettingsPage, nearby_terms
from ui.tasks import TaskRunner


@pytest.fixture
def window(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[MainWindow]:
    main = MainWindow(roster_ws, runner, today=TODAY)
    qtbot.addWidget(main)
    main.roster_page.reload()
    main.show()
    yield main


def test_navigation_lists_the_whole_product(window: MainWindow) -> None:
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == [
        "Student roster",
        "Physical fitness",
        "PE process",
        "Labor education",
        "Arts education",
        "Submission",
        "Settings",
    ]
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))


def test_pages_are_built_on_first_visit(window: MainWindow) -> None:
    assert window.page("settings") is None
    for key in PAGE_KEYS:
        window.nav.setCurrentRow(PAGE_KEYS.index(key))
        assert window.stack.currentWidget() is window.page(key)
    packets = window.page("packets")
    assert isinstance(packets, PacketsPage)
    assert "signing key" in packets.next_step.text()  # what to do first


def test_title_and_status_bar(window: MainWindow) -> None:
    assert window.windowTitle() == "Baosong — 孟津区城关镇第一小学 — 2026-2027, first term"
    assert window.count_label.text() == "9 students on roll, 9 shown"
    window.roster_page.search.setText("张")
    assert window.count_label.text() == "9 students on roll, 1 shown"


def test_about_names_the_version(window: MainWindow) -> None:
    window.show_about()
    box = window.findChildren(QMessageBox)[0]
    assert "0." in box.text() and "Baosong" in box.text()
    box.close()


@pytest.fixture
def settings(window: MainWindow) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_settings_change_the_term_and_the_title(
    settings: SettingsPage, window: MainWindow, roster_ws: Workspace
) -> None:
    assert settings.term.currentText() == "2026-2027-1"
    assert "2026-2027-2" in nearby_terms(TODAY)
    settings.term.setCurrentText("2026-2027-3")
    settings.apply_term()
    assert "2026-2027-3" in settings.term_message.text()  # the parser's message
    assert current_term(roster_ws.db).code == "2026-2027-1"
    settings.term.setCurrentText("2026-2027-2")
    settings.apply_term()
    assert current_term(roster_ws.db).code == "2026-2027-2"
    assert window.windowTitle().endswith("2026-2027, second term")


def test_settings_save_the_language_for_next_start(
    settings: SettingsPage, roster_ws: Workspace
) -> None:
    assert get_language(roster_ws.db) == "zh_CN"
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert get_language(roster_ws.db) == "en"
    assert "Restart" in settings.language_note.text()


def test_settings_edit_the_school_profile(
    settings: SettingsPage, window: MainWindow, roster_ws: Workspace
) -> None:
    assert not settings.code.isEnabled()
    settings.name.setText("孟津区城关镇第一小学（新校区）")  # full-width brackets
    settings.stage.setCurrentIndex(settings.stage.findData(SchoolStage.NINE_YEAR.value))
    settings.save_school()
    assert require_school(roster_ws.db).name == "孟津区城关镇第一小学(新校区)"
    assert settings.name.text() == "孟津区城关镇第一小学(新校区)"  # shown as saved
    assert "新校区" in window.windowTitle()
    settings.name.setText("  ")
    settings.save_school()
    assert "name" in settings.school_message.text()


def test_an_empty_workspace_gets_an_empty_roster_and_can_create_the_school(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    main = MainWindow(workspace, runner, today=TODAY)
    qtbot.addWidget(main)
    main.roster_page.reload()
    assert main.roster_page.stack.currentWidget() is main.roster_page.empty
    assert not main.roster_page.add_action.isEnabled()
    assert "no school yet" in main.windowTitle()
    page = main.show_page("settings")
    assert isinstance(page, SettingsPage) and page.code.isEnabled()
    page.code.setText("2141003458")
    page.name.setText("孟津区送庄镇中心小学")
    page.save_school()
    assert require_school(workspace.db).code == "2141003458"
    # no students yet: the roster says how to get them (import or add), with both buttons
    assert main.roster_page.stack.currentWidget() is main.roster_page.no_students
    assert main.roster_page.add_action.isEnabled()
