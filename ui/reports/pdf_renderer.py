"""HTML → PDF with Qt: QTextDocument lays the report out, QPdfWriter writes it (DESIGN.md §4).

Choices, and why:

* **A4, 15 mm margins, 96 dpi.** The PDF is vector output, so the resolution only sets what a
  layout unit is: at 96 dpi one device pixel is one CSS pixel (1/96 inch), so ``border``,
  ``cellpadding`` and ``px`` margins in report HTML mean what they mean in a browser preview;
  at 300 dpi the same HTML would print with hairline padding. Text is sized in pt and laid out
  with design metrics (unhinted advances), so glyph positions are exact at any resolution.
* **The Chinese font is the document's default font.** The family is the one ``ui.fonts``
  chose for the application (the CJK fallback it appended to the application font), else the
  preferred installed CJK family by the same rule. Qt embeds it as a subset with a ToUnicode
  map, so the PDF shows Chinese (no boxes) and its text can be searched and copied.
* **Pages are painted one by one** (as ``QTextDocument.print_`` does, without the page numbers
  it adds to unpaginated documents), so a long class reports progress and can be cancelled.
* **Atomic.** The PDF is written to a temporary file beside the target and renamed over it: a
  cancelled or failed run never leaves half a PDF where the last good one was.

Threads: no widget is involved, so this runs on a TaskRunner worker thread. QTextDocument,
QPdfWriter and QPainter on a PDF device are usable outside the GUI thread, and text rendering
there is supported wherever the platform font database is thread-safe (fontconfig on Linux,
DirectWrite/GDI on Windows; Qt refuses only X11 without fontconfig). The application font and
the font database are read under Qt's own locks. tests/ui/test_pdf_reports.py renders on a
worker thread with Qt warnings failing the test.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from app import APP_NAME
from app.errors import Cancelled
from ui.fonts import pick_chinese_family

RESOLUTION_DPI = 96
MARGIN_MM = 15.0
BASE_POINT_SIZE = 10.0

Progress = Callable[[int, int], None]


class PdfWriteError(OSError):
    """Qt could not open or finish the PDF file (a full disk, a locked file …)."""


def report_font_family() -> str | None:
    """The CJK family for printed reports: ``ui.fonts``' choice (the Chinese family it added to
    the application font), else the preferred installed CJK family, else None."""
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    app_families = QGuiApplication.font().families()
    chosen = [f for f in app_families if f in chinese]
    if chosen:
        return chosen[-1]  # ensure_chinese_font appends its family after the UI font
    return pick_chinese_family(chinese)


def report_font(family: str | None = None, point_size: float = BASE_POINT_SIZE) -> QFont:
    font = QFont()
    chosen = family or report_font_family()
    if chosen:
        font.setFamilies([chosen])
    font.setPointSizeF(point_size)
    return font


def render_html_to_pdf(
    html: str,
    path: Path,
    *,
    title: str,
    family: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``html`` as an A4 PDF to ``path`` (replacing it atomically); returns the page count.

    ``family`` overrides the CJK font (default: ``report_font_family()``); ``progress(done,
    total)`` is called per page; ``cancelled()`` True raises ``Cancelled`` and writes nothing.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pages = _paint(html, tmp, title, family, progress, cancelled)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return pages


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    return writer


def _document(html: str, writer: QPdfWriter, family: str | None) -> QTextDocument:
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(report_font(family))
    doc.documentLayout().setPaintDevice(writer)  # lay out in the writer's units
    doc.setDocumentMargin(0)  # the page margins are the writer's
    doc.setHtml(html)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    return doc


def _paint(
    html: str,
    path: Path,
    title: str,
    family: str | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    writer = _writer(path, title)
    doc = _document(html, writer, family)
    try:
        return _paint_pages(doc, writer, path, progress, cancelled)
    finally:
        # Destroyed here, on the thread that made them: a Cancelled or failure travels to the
        # GUI thread with its traceback, and locals it kept alive would die there, stopping the
        # document layout's timers from the wrong thread.
        shiboken6.delete(doc)
        shiboken6.delete(writer)


def _paint_pages(
    doc: QTextDocument,
    writer: QPdfWriter,
    path: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    pages = doc.pageCount()
    body = QRectF(0, 0, writer.width(), writer.height())
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfWriteError(f"cannot write {path}")
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        # Black text whatever the desktop palette (a dark theme would print white on white).
        context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        for page in range(pages):
            if cancelled is not None and cancelled():
                raise Cancelled()
            if page and not writer.newPage():
                raise PdfWriteError(f"cannot add a page to {path}")
            view = body.translated(0, page * body.height())
            painter.save()
            painter.translate(0, -view.top())
            painter.setClipRect(view)
            context.clip = view
            doc.documentLayout().draw(painter, context)
            painter.restore()
            if progress is not None:
                progress(page + 1, pages)
    finally:
        finished = painter.end()
    if not finished:
        raise PdfWriteError(f"cannot finish {path}")
    return pages
