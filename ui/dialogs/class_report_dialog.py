"""打印班级报告: one PDF for a whole class — the 综合素质档案 of a term, or the 体质健康成绩单 of a
学年 — written in the background with progress, then "Open folder".

Reached from 文件 → 打印班级报告…; a page can open it preselected with
``ClassReportDialog(ws, runner, class_uuid=…, kind=COMPREHENSIVE)`` (or through
``MainWindow.open_class_report``). The edges tests replace are attributes: ``ask_save_path``
(the file dialog) and ``open_url`` (QDesktopServices).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import Term
from app.services.roster import list_classes
from app.services.workspace import Workspace, current_term, require_school
from app.terms import parse_term, previous_school_year
from ui.errors import show_user_error
from ui.labels import term_label
from ui.reports.class_report_job import (
    COMPREHENSIVE,
    FITNESS_CARD,
    ClassReportJob,
    ReportRequest,
    ReportResult,
    available_kinds,
    uses_terms,
)
from ui.reports.pdf_renderer import report_font_family
from ui.tasks import TaskRunner

PERIODS_SHOWN = 4  # this term (or 学年) and the three before it
_UNSAFE_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def previous_terms(term: Term, count: int) -> list[Term]:
    """``term`` and the ``count - 1`` terms before it, newest first."""
    terms = [term]
    while len(terms) < count:
        last = terms[-1]
        if last.semester == 2:
            terms.append(parse_term(f"{last.school_year}-1"))
        else:
            terms.append(parse_term(f"{previous_school_year(last.school_year)}-2"))
    return terms


class ClassReportDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        class_uuid: str | None = None,
        kind: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._today = today
        self._chosen_path: Path | None = None  # a file the user picked; else the suggestion
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.last_result: ReportResult | None = None
        self.running = False
        self.setWindowTitle(self.tr("Print class reports"))
        self._build()
        self._fill_classes()
        self.preselect(class_uuid, kind)

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        names = {
            COMPREHENSIVE: self.tr("Comprehensive quality record (综合素质档案)"),
            FITNESS_CARD: self.tr("Physical fitness results (体质健康成绩单)"),
        }
        for kind in available_kinds():
            self.kind_combo.addItem(names[kind], kind)
        self.class_combo = QComboBox()
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.change_button)
        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.kind_combo)
        form.addRow(self.tr("Class:"), self.class_combo)
        form.addRow(self.period_label, self.period_combo)
        form.addRow(self.tr("PDF file:"), path_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create PDF"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_pdf)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.class_combo.currentIndexChanged.connect(self._selection_changed)
        self.period_combo.currentIndexChanged.connect(self._selection_changed)
        self.resize(560, 0)

    def _fill_classes(self) -> None:
        for c in list_classes(self._ws.db):
            if not c.graduated:
                self.class_combo.addItem(c.name, c.meta.uuid)

    def preselect(self, class_uuid: str | None = None, kind: str | None = None) -> None:
        """Choose the report kind and class (for a page's button); unknown values are ignored,
        and nothing changes while a PDF is being written."""
        if self.running:
            return
        if kind is not None and (i := self.kind_combo.findData(kind)) >= 0:
            self.kind_combo.setCurrentIndex(i)
        if class_uuid is not None and (i := self.class_combo.findData(class_uuid)) >= 0:
            self.class_combo.setCurrentIndex(i)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """Terms for the comprehensive record, school years for the fitness card."""
        term = current_term(self._ws.db)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        if uses_terms(self.kind):
            self.period_label.setText(self.tr("Term:"))
            for t in previous_terms(term, PERIODS_SHOWN):
                self.period_combo.addItem(term_label(t), t.code)
        else:
            self.period_label.setText(self.tr("School year:"))
            year = term.school_year
            for _ in range(PERIODS_SHOWN):
                self.period_combo.addItem(self.tr("{year} school year").format(year=year), year)
                year = previous_school_year(year)
        self.period_combo.blockSignals(False)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self._chosen_path = None  # a new choice gets a new suggested name
        self.path_edit.setText(str(self.suggested_path()) if self.class_uuid else "")
        self.create_button.setEnabled(bool(self.class_uuid and self.kind) and not self.running)
        if not self.class_uuid:
            self.status.setText(self.tr("The school has no classes yet."))

    # -- the current choice ---------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    @property
    def class_uuid(self) -> str:
        return str(self.class_combo.currentData() or "")

    @property
    def period(self) -> str:
        return str(self.period_combo.currentData() or "")

    def _report_name(self) -> str:
        if self.kind == COMPREHENSIVE:
            return self.tr("comprehensive quality records")
        return self.tr("physical fitness results")

    def document_title(self) -> str:
        return self.tr("{school} {class_name} {period} {report}").format(
            school=require_school(self._ws.db).name,
            class_name=self.class_combo.currentText(),
            period=self.period_combo.currentText(),
            report=self._report_name(),
        )

    def suggested_path(self) -> Path:
        name = self.tr("{class_name} {period} {report}.pdf").format(
            class_name=self.class_combo.currentText(),
            period=self.period_combo.currentText(),
            report=self._report_name(),
        )
        return self._ws.paths.exports / _UNSAFE_IN_FILE_NAMES.sub("_", name)

    def output_path(self) -> Path:
        return self._chosen_path or self.suggested_path()

    # -- actions --------------------------------------------------------------------------------

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF"), str(suggested), self.tr("PDF document (*.pdf)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def choose_path(self) -> None:
        path = self.ask_save_path(self.output_path())
        if path is not None:
            self._chosen_path = path
            self.path_edit.setText(str(path))

    def create_pdf(self) -> None:
        if not (self.class_uuid and self.kind) or self.running:
            return
        path = self.output_path()
        request = ReportRequest(
            kind=self.kind,
            class_uuid=self.class_uuid,
            period=self.period,
            path=path,
            title=self.document_title(),
            family=report_font_family(),  # read here, on the GUI thread
            today=self._today,
        )
        self._set_running(True)
        self.open_folder_button.setEnabled(False)
        self.status.setText(self.tr("Writing the PDF…"))
        self._runner.run(
            ClassReportJob(request),
            parent=self,
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            progress_label=self.tr("Writing the PDF…"),
        )

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.kind_combo, self.class_combo, self.period_combo, self.change_button):
            widget.setEnabled(not running)
        self.create_button.setEnabled(not running and bool(self.class_uuid))

    def _done(self, result: ReportResult) -> None:
        self._set_running(False)
        self.last_result = result
        self.status.setText(
            self.tr("{students} students, {pages} pages, saved as {path}.").format(
                students=result.students, pages=result.pages, path=result.path
            )
        )
        self.open_folder_button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        self.status.setText(self.tr("The PDF was not written."))
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            self._runner.reporter.report(exc)

    def _cancelled(self) -> None:
        self._set_running(False)
        self.status.setText(self.tr("Cancelled; no PDF was written."))

    def open_folder(self) -> None:
        """The folder of the last PDF, in the system's file manager."""
        if self.last_result is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_result.path.parent)))
