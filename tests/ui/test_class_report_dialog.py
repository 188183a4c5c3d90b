"""文件 → 打印班级报告…: choose the report, class and period, write the PDF in the background,
open its folder. The file dialog and the desktop service are replaced by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.roster import ensure_class
from app.services.workspace import Workspace
from app.terms import parse_term
from tests.app.reports.record_fixture import NAMES, TERM, YEAR, RecordClass, make_record_class
from tests.conftest import TEST_SCHOOL_CODE, TODAY
from tests.ui.pdf_text import Pdf
from ui.dialogs.class_report_dialog import ClassReportDialog, previous_terms
from ui.main_window import MainWindow
from ui.reports.class_report_job import COMPREHENSIVE, FITNESS_CARD, available_kinds
from ui.tasks import TaskRunner


@pytest.fixture
def klass(school_ws: Workspace) -> RecordClass:
    return make_record_class(school_ws)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(klass: RecordClass, runner: TaskRunner, qtbot: QtBot) -> ClassReportDialog:
    ensure_class(klass.ws.db, TEST_SCHOOL_CODE, 13, 2, "tester")  # a second class to choose from
    d = ClassReportDialog(
        klass.ws, runner, class_uuid=klass.class_uuid, kind=COMPREHENSIVE, today=TODAY
    )
    qtbot.addWidget(d)
    return d


def page_texts(path: Path) -> list[str]:
    pdf = Pdf(path.read_bytes())
    return [pdf.page_text(p) for p in pdf.pages()]


def test_preselected_class_and_report(dialog: ClassReportDialog, klass: RecordClass) -> None:
    assert (dialog.kind, dialog.class_uuid, dialog.period) == (
        COMPREHENSIVE,
        klass.class_uuid,
        TERM,
    )
    assert dialog.class_combo.count() == 2
    assert [dialog.period_combo.itemData(i) for i in range(dialog.period_combo.count())] == [
        "2026-2027-1",
        "2025-2026-2",
        "2025-2026-1",
        "2024-2025-2",
    ]
    suggested = dialog.suggested_path()
    assert suggested.parent == klass.ws.paths.exports and suggested.suffix == ".pdf"
    assert "七年级(1)班" in suggested.name
    assert dialog.path_edit.text() == str(suggested)


def test_writes_the_class_pdf_and_opens_its_folder(
    dialog: ClassReportDialog, qtbot: QtBot, out: Path
) -> None:
    asked: list[Path] = []

    def ask(suggested: Path) -> Path:
        asked.append(suggested)
        return out / "class.pdf"

    opened: list[QUrl] = []
    dialog.ask_save_path = ask
    dialog.open_url = opened.append
    dialog.change_button.click()
    assert asked == [dialog.suggested_path()]
    assert dialog.path_edit.text() == str(out / "class.pdf")
    assert not dialog.open_folder_button.isEnabled()

    dialog.create_button.click()
    assert dialog.running and not dialog.class_combo.isEnabled()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30_000)
    result = dialog.last_result
    assert result is not None and (result.pages, result.students) == (3, 3)
    assert not dialog.running and dialog.create_button.isEnabled()
    assert "3 students, 3 pages" in dialog.status.text()
    texts = page_texts(out / "class.pdf")
    assert [[n for n in NAMES if n in t] for t in texts] == [[n] for n in NAMES]
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(out))]


def test_a_cancelled_file_dialog_keeps_the_path(dialog: ClassReportDialog) -> None:
    before = dialog.path_edit.text()
    dialog.ask_save_path = lambda suggested: None
    dialog.change_button.click()
    assert dialog.path_edit.text() == before == str(dialog.output_path())


def test_a_new_choice_gets_a_new_suggested_name(dialog: ClassReportDialog, out: Path) -> None:
    dialog.ask_save_path = lambda suggested: out / "mine.pdf"
    dialog.change_button.click()
    dialog.period_combo.setCurrentIndex(1)
    assert dialog.output_path() == dialog.suggested_path() != out / "mine.pdf"


@pytest.mark.skipif(FITNESS_CARD not in available_kinds(), reason="no fitness cards yet")
def test_fitness_cards_are_per_school_year(
    dialog: ClassReportDialog, qtbot: QtBot, out: Path
) -> None:
    dialog.preselect(kind=FITNESS_CARD)
    assert dialog.kind == FITNESS_CARD and dialog.period == YEAR
    assert dialog.period_combo.itemData(1) == "2025-2026"
    dialog.ask_save_path = lambda suggested: out / "cards.pdf"
    dialog.change_button.click()
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30_000)
    assert dialog.last_result is not None and dialog.last_result.students == 3
    text = "".join(page_texts(out / "cards.pdf"))
    assert all(name in text for name in NAMES)


def test_a_file_that_cannot_be_written_is_a_plain_message(
    dialog: ClassReportDialog, qtbot: QtBot, out: Path
) -> None:
    (out / "taken.pdf").mkdir()  # a folder where the file should go: it cannot be replaced
    dialog.ask_save_path = lambda suggested: out / "taken.pdf"
    dialog.change_button.click()
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    boxes = dialog.findChildren(QMessageBox)
    assert len(boxes) == 1 and "could not be written" in boxes[0].text()
    assert dialog.status.text() == "The PDF was not written."
    assert dialog.last_result is None
    assert [p.name for p in out.iterdir()] == ["taken.pdf"], "no temporary file left"


def test_previous_terms() -> None:
    assert [t.code for t in previous_terms(parse_term("2026-2027-2"), 3)] == [
        "2026-2027-2",
        "2026-2027-1",
        "2025-2026-2",
    ]


def test_the_file_menu_opens_the_dialog(
    klass: RecordClass, runner: TaskRunner, qtbot: QtBot
) -> None:
    window = MainWindow(klass.ws, runner, today=TODAY)
    qtbot.addWidget(window)
    assert window.class_report_action in window.menuBar().actions()[0].menu().actions()
    window.class_report_action.trigger()
    d = window.class_report_dialog
    assert d is not None and d.isVisible()
    assert d.kind == COMPREHENSIVE and d.class_uuid == klass.class_uuid
    d.close()
    window.open_class_report(klass.class_uuid, FITNESS_CARD)
    assert window.class_report_dialog is d, "one dialog per window"
    if FITNESS_CARD in available_kinds():
        assert d.kind == FITNESS_CARD
