"""A class's comprehensive records as one PDF: a page per student, each student's name in the
text, the Chinese font embedded, written atomically, on a TaskRunner worker thread too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.errors import Cancelled
from app.reports.comprehensive_record import comprehensive_records, render_records_html
from app.services.workspace import Workspace
from tests.app.reports.record_fixture import NAMES, TERM, RecordClass, make_record_class
from tests.conftest import TODAY
from tests.ui.pdf_text import Pdf, glyph_ids_shown
from ui.reports.pdf_renderer import render_html_to_pdf, report_font_family
from ui.tasks import TaskContext, TaskRunner


@pytest.fixture
def klass(school_ws: Workspace) -> RecordClass:
    return make_record_class(school_ws)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own: tmp_path also holds the test workspace."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def chinese_font(qapp: QApplication) -> str:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("this machine has no Chinese font (scripts/setup.sh installs one)")
    family = report_font_family()
    assert family is not None
    return family


def class_html(klass: RecordClass) -> str:
    i18n.set_language("zh_CN")
    return render_records_html(
        comprehensive_records(klass.ws.db, klass.class_uuid, TERM, today=TODAY), today=TODAY
    )


def texts(pdf: Pdf) -> list[str]:
    # Qt maps the space glyph to U+0009 in its ToUnicode maps.
    return [pdf.page_text(page).replace("\t", " ") for page in pdf.pages()]


def check_class_pdf(path: Path, family: str) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pdf = Pdf(data)
    pages = texts(pdf)
    assert len(pages) == len(NAMES)
    for name, text in zip(NAMES, pages, strict=True):
        assert name in text
        assert [other for other in NAMES if other in text] == [name], "one student per page"
        assert "学生综合素质档案" in text and "班主任签字" in text
    assert "草稿：尚未公示" in pages[1] and "草稿" not in pages[0]
    # The chosen CJK font is embedded (a subset, "ABCDEF+WenQuanYiMicroHei") …
    assert pdf.embedded_font_files() >= 1
    assert any(family.replace(" ", "") in name for name in pdf.font_names())
    # … and no character fell back to the missing-glyph box (.notdef is glyph 0).
    for page in pdf.pages():
        content = b"".join(pdf.objects[int(n)].stream or b"" for n in _contents(page.head))
        assert 0 not in glyph_ids_shown(content)


def _contents(head: bytes) -> list[bytes]:
    m = re.search(rb"/Contents\s*(\[.*?\]|\d+\s+0\s+R)", head, re.S)
    assert m
    return re.findall(rb"(\d+)\s+0\s+R", m.group(1))


def test_a_class_prints_one_page_per_student(
    klass: RecordClass, chinese_font: str, out: Path
) -> None:
    path = out / "七年级(1)班 综合素质档案.pdf"
    seen: list[tuple[int, int]] = []
    pages = render_html_to_pdf(
        class_html(klass), path, title="Class records", progress=lambda d, t: seen.append((d, t))
    )
    assert pages == 3
    assert seen == [(1, 3), (2, 3), (3, 3)]
    check_class_pdf(path, chinese_font)
    assert "Class records".encode("utf-16-be") in path.read_bytes()  # the document title
    assert list(out.iterdir()) == [path], "no temporary file is left behind"


def test_rendering_on_a_worker_thread(
    klass: RecordClass, chinese_font: str, runner: TaskRunner, qtbot: QtBot, out: Path
) -> None:
    """What the dialog does: gather and render on a TaskRunner thread (Qt warnings fail)."""
    path = out / "class.pdf"
    html = class_html(klass)
    results: list[int] = []

    def job(ctx: TaskContext) -> int:
        return render_html_to_pdf(
            html, path, title="x", progress=ctx.progress, cancelled=ctx.cancelled
        )

    runner.run(job, parent=None, on_done=results.append, show_progress=False)
    qtbot.waitUntil(lambda: results == [3], timeout=30_000)
    check_class_pdf(path, chinese_font)


def test_a_cancelled_render_keeps_the_previous_file(
    klass: RecordClass, chinese_font: str, out: Path
) -> None:
    path = out / "class.pdf"
    path.write_bytes(b"%PDF- the previous report")
    calls = iter([False, True])  # cancelled before the second page
    with pytest.raises(Cancelled):
        render_html_to_pdf(class_html(klass), path, title="x", cancelled=lambda: next(calls))
    assert path.read_bytes() == b"%PDF- the previous report"
    assert list(out.iterdir()) == [path]


def test_a_missing_folder_is_an_error_and_writes_nothing(qapp: QApplication, out: Path) -> None:
    with pytest.raises(OSError):
        render_html_to_pdf("<p>x</p>", out / "missing" / "x.pdf", title="x")
    assert list(out.iterdir()) == []


def test_a_render_cancelled_on_a_worker_thread_frees_qt_objects_there(
    klass: RecordClass, chinese_font: str, runner: TaskRunner, qtbot: QtBot, out: Path
) -> None:
    """``Cancelled`` travels to the GUI thread with its traceback; the document and writer of
    the cancelled render must not travel with it and die on the GUI thread (Qt warns that
    their timers are stopped from another thread, and warnings fail this test)."""
    html = class_html(klass)
    cancelled: list[bool] = []

    def job(ctx: TaskContext) -> int:
        calls = iter([False, True])  # cancelled before the second page
        return render_html_to_pdf(html, out / "class.pdf", title="x", cancelled=lambda: next(calls))

    runner.run(job, parent=None, on_cancelled=lambda: cancelled.append(True), show_progress=False)
    qtbot.waitUntil(lambda: cancelled == [True], timeout=30_000)
    qtbot.wait(50)  # the delivering slot has returned and dropped the exception
    assert list(out.iterdir()) == []
