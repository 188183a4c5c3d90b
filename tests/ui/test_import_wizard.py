"""The import wizard on the roster: a real .xlsx through file → mapping → dry run → commit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.excel.table_reader import RawTable
from app.services.roster import find_students
from app.services.roster_import import ImportReport, RosterImportPlan
from app.services.workspace import Workspace
from tests.app.services.roster_files import dump, student_row
from tests.conftest import TODAY
from ui.dialogs.import_wizard import (
    COMMIT_PAGE,
    DRY_RUN_PAGE,
    FILE_PAGE,
    MAPPING_PAGE,
    ImportWizard,
)
from ui.errors import CrashReporter
from ui.imports.roster_import_spec import RosterImportSpec
from ui.pages.roster_page import RosterPage
from ui.tasks import TaskRunner

# '学生编码' is no known synonym of 学籍号: the user maps it. '备注' is not a field at all.
HEADERS = ["学生编码", "姓名", "性别", "出生日期", "民族", "身份证号", "年级", "班级", "备注"]
STUDENT_NO, NAME, ID_NUMBER, REMARK = 0, 1, 5, 8
HORIZONTAL, VERTICAL = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def bad_id_row() -> list[object]:
    row = student_row(3)
    ident = str(row[ID_NUMBER])
    row[ID_NUMBER] = ident[:-1] + ("1" if ident[-1] != "1" else "2")  # wrong check character
    return row


def write_roster(path: Path) -> Path:
    """Rows 2, 3 and 8 are good; 4 has a bad ID; 5 and 6 share a 学籍号; 7 holds only a remark."""
    rows: list[list[object]] = [
        [*student_row(1), None],
        [*student_row(2), "插班生"],
        [*bad_id_row(), None],
        [*student_row(4), None],
        [*student_row(4, 姓名="王重复"), None],
        [None] * 8 + ["已转学，不导入"],
        [*student_row(6), None],
    ]
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in [HEADERS, *rows]:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def page(qtbot: QtBot, school_ws: Workspace, runner: TaskRunner) -> Iterator[RosterPage]:
    roster_page = RosterPage(school_ws, runner, today=TODAY)
    qtbot.addWidget(roster_page)
    roster_page.reload()
    yield roster_page
    assert runner.wait_for_done(10_000)  # no worker thread outlives the test


@pytest.fixture
def eager_runner(
    workspace: Workspace, reporter: CrashReporter, qapp: object
) -> Iterator[TaskRunner]:
    """Shows the progress dialog at once, so a test can press its Cancel button."""
    task_runner = TaskRunner(workspace.connect, reporter, show_after_ms=0)
    yield task_runner
    task_runner.shutdown()
    assert task_runner.active_count == 0
    task_runner.deleteLater()


class GatedRosterSpec(RosterImportSpec):
    """The real roster spec, except that plan/commit wait for ``gate`` before they start: the
    test presses Cancel while the task is certainly running, without depending on timing."""

    def __init__(self, gate: threading.Event) -> None:
        super().__init__(today=TODAY)
        self.gate = gate

    def plan(self, db: Any, table: RawTable, mapping: Any, **kw: Any) -> RosterImportPlan:
        assert self.gate.wait(10)
        return super().plan(db, table, mapping, **kw)

    def commit(self, db: Any, plan: RosterImportPlan, **kw: Any) -> ImportReport:
        assert self.gate.wait(10)
        return super().commit(db, plan, **kw)


def next_enabled(wizard: QWizard) -> bool:
    button = wizard.button(
        QWizard.WizardButton.CommitButton
        if wizard.currentId() == DRY_RUN_PAGE
        else QWizard.WizardButton.NextButton
    )
    return button.isEnabled()


def open_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.ask_open_path = lambda: path
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(lambda: not wizard.busy)


def map_and_check(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    """Page 1 and 2 with the roster file, then the dry run started (not waited for)."""
    open_file(qtbot, wizard, path)
    wizard.next()
    wizard.mapping_page.set_field(STUDENT_NO, "student_no")
    wizard.next()
    assert wizard.currentId() == DRY_RUN_PAGE


def test_the_whole_import_from_file_to_roster(
    qtbot: QtBot, page: RosterPage, school_ws: Workspace, tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "花名册.xlsx")
    page.import_action.trigger()
    wizard = page.active_dialog
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    assert wizard.windowTitle() == "Import roster"

    # Page 1: the file, and what was found in it.
    assert not next_enabled(wizard)
    open_file(qtbot, wizard, path)
    assert wizard.file_page.info_label.text() == (
        "Sheet “名单”: header in row 1, 9 columns, 7 rows of data."
    )
    assert next_enabled(wizard)
    wizard.next()

    # Page 2: 学籍号 has no column until the user says which one holds it.
    assert wizard.currentId() == MAPPING_PAGE
    mapping_page = wizard.mapping_page
    assert "学生编码, 备注" in mapping_page.unrecognised_label.text()
    assert mapping_page.missing_label.text() == "Required, but no column chosen yet: Student number"
    assert not next_enabled(wizard)
    assert mapping_page.preview_model.rowCount() == 5
    assert mapping_page.preview_model.headerData(0, HORIZONTAL) == "学生编码\n(ignored)"
    assert mapping_page.preview_model.headerData(4, VERTICAL) == 6  # the file's row number
    combo = mapping_page.combos[STUDENT_NO]
    combo.setCurrentIndex(combo.findData("student_no"))
    assert mapping_page.missing_label.isHidden()
    assert mapping_page.preview_model.headerData(0, HORIZONTAL) == ("学生编码\n→ Student number")
    assert mapping_page.mapping()["student_no"] == STUDENT_NO
    assert next_enabled(wizard)
    wizard.next()

    # Page 3: the dry run, in the background; nothing is written.
    dry_run = wizard.dry_run_page
    qtbot.waitUntil(lambda: dry_run.report is not None)
    assert dry_run.counts.values() == {
        "created": "3",
        "updated": "0",
        "unchanged": "0",
        "rejected": "3",
        "blank": "1",
    }
    model = dry_run.rejected_model
    rejected = [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    ]
    assert [(row, column) for row, column, _ in rejected] == [
        (4, "身份证号"),
        (5, "学生编码"),  # the header as written in the file, not the field's name
        (6, "学生编码"),
    ]
    assert "appears in rows 5, 6" in rejected[1][2]
    assert find_students(school_ws.db) == []
    assert next_enabled(wizard)

    # Save the rejected rows: the file's own columns plus the reason.
    target = tmp_path / "未导入.xlsx"
    suggested: list[Path] = []
    wizard.ask_save_path = lambda proposal: suggested.append(proposal) or target
    dry_run.save_button.click()
    qtbot.waitUntil(lambda: target.exists() and not wizard.busy)
    assert suggested[0].name == "花名册 rejected rows.xlsx"
    assert str(target) in dry_run.saved_label.text()
    sheet = load_workbook(target).active
    saved = [[c.value for c in row] for row in sheet.iter_rows()]
    assert saved[0] == [*HEADERS, "Reason"]
    assert len(saved) == 4
    assert saved[1][ID_NUMBER] == bad_id_row()[ID_NUMBER]
    assert "appears in rows 5, 6" in saved[2][-1]

    # Page 4: the commit, then the summary; the roster page behind shows the students.
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.next()
    assert wizard.currentId() == COMMIT_PAGE
    assert wizard.commit_page.counts.values()["created"] == "3"
    names = sorted(r.student.name for r in find_students(school_ws.db))
    assert names == sorted(str(student_row(n)[NAME]) for n in (1, 2, 6))
    assert page.model.rowCount() == 3
    assert page.tree_model.rowCount(page.tree_model.root_index()) == 1  # 三年级
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    finish.click()
    assert not wizard.isVisible()


def test_one_column_per_field(qtbot: QtBot, page: RosterPage, tmp_path: Path) -> None:
    page.import_action.trigger()
    wizard = page.active_dialog
    open_file(qtbot, wizard, write_roster(tmp_path / "roster.xlsx"))
    wizard.next()
    mapping_page = wizard.mapping_page
    assert mapping_page.mapping()["name"] == NAME
    mapping_page.set_field(REMARK, "name")  # the remark column now holds the names…
    assert mapping_page.combos[NAME].currentData() is None  # …so 姓名 lets go of them
    assert mapping_page.mapping()["name"] == REMARK
    wizard.reject()


def test_cancelling_the_dry_run_leaves_the_database_untouched(
    qtbot: QtBot, school_ws: Workspace, eager_runner: TaskRunner, tmp_path: Path
) -> None:
    gate = threading.Event()
    wizard = ImportWizard(GatedRosterSpec(gate), school_ws, eager_runner)
    qtbot.addWidget(wizard)
    wizard.show()
    before = dump(school_ws.db)
    map_and_check(qtbot, wizard, write_roster(tmp_path / "roster.xlsx"))

    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.progress_dialog is not None)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.task.progress_dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not wizard.busy)

    assert "cancelled" in wizard.dry_run_page.status_label.text()
    assert wizard.dry_run_page.report is None and not next_enabled(wizard)
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert dump(school_ws.db) == before
    assert eager_runner.wait_for_done(10_000)


def test_a_cancelled_commit_writes_nothing_and_can_be_tried_again(
    qtbot: QtBot, school_ws: Workspace, eager_runner: TaskRunner, tmp_path: Path
) -> None:
    gate = threading.Event()
    gate.set()  # the dry run runs freely
    wizard = ImportWizard(GatedRosterSpec(gate), school_ws, eager_runner)
    qtbot.addWidget(wizard)
    wizard.show()
    imported: list[object] = []
    wizard.imported.connect(imported.append)
    map_and_check(qtbot, wizard, write_roster(tmp_path / "roster.xlsx"))
    qtbot.waitUntil(lambda: wizard.dry_run_page.report is not None)
    before = dump(school_ws.db)

    gate.clear()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.progress_dialog is not None)
    wizard.task.progress_dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not wizard.busy)
    assert wizard.commit_page.status_label.text() == (
        "The import was cancelled; nothing was written."
    )
    assert dump(school_ws.db) == before and imported == []

    wizard.commit_page.retry_button.click()
    qtbot.waitUntil(lambda: imported != [])
    assert len(find_students(school_ws.db)) == 3
    assert eager_runner.wait_for_done(10_000)


def test_closing_the_wizard_during_the_dry_run_cancels_it_first(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    gate = threading.Event()
    wizard = ImportWizard(GatedRosterSpec(gate), school_ws, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    map_and_check(qtbot, wizard, write_roster(tmp_path / "roster.xlsx"))
    assert wizard.busy
    wizard.reject()
    assert wizard.isVisible()  # still running: it closes once the task has stopped
    gate.set()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.task is None and runner.active_count == 0


def test_an_unreadable_file_shows_a_plain_message_and_stays_on_page_one(
    qtbot: QtBot, page: RosterPage, tmp_path: Path
) -> None:
    page.import_action.trigger()
    wizard = page.active_dialog
    broken = tmp_path / "名册.xlsx"
    broken.write_bytes(b"this is not a workbook")
    open_file(qtbot, wizard, broken)
    error = wizard.file_page.error_label
    assert error.isVisibleTo(wizard) and "cannot be read as a spreadsheet" in error.text()
    assert "save it again as .xlsx" in error.text()  # what to do, not a traceback
    assert wizard.currentId() == FILE_PAGE and not next_enabled(wizard)

    open_file(qtbot, wizard, tmp_path / "名册.pdf")
    assert error.text() == "Choose an .xlsx, .xls or .csv file."
    assert not next_enabled(wizard)

    open_file(qtbot, wizard, write_roster(tmp_path / "roster.xlsx"))  # a good file clears it
    assert error.isHidden() and next_enabled(wizard)
    wizard.reject()
