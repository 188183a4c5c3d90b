"""区域概览 → 导出: what the bureau sends on or back, in one action each, in the background with
progress and Cancel: the national fitness upload files of every school (one file per school,
named by its code), the district statistics workbook, and a feedback report (PDF) per school.
The filters say which term (its 学年 for fitness) and which schools (a type, or one school)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_info
from ui.icons import icon
from ui.pages.district_export_jobs import (
    FEEDBACK,
    NATIONAL,
    WORKBOOK,
    FeedbackJob,
    FeedbackRequest,
    NationalFilesJob,
    WorkbookJob,
    Written,
    available,
)
from ui.pages.district_filter_bar import TERM, DistrictFilterBar
from ui.pages.district_tab_base import DistrictContext
from ui.reports.pdf_renderer import report_font_family
from ui.tasks import Task


class DistrictExportTab(QWidget):
    refresh_requested = Signal()

    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.last_written: Written | None = None
        self.task: Task | None = None  # the export running (or last run)
        # Edges: tests (and callers with their own dialogs) replace them.
        self.ask_folder: Callable[[str, Path], Path | None] = self._ask_folder
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.bar = DistrictFilterBar(context.filters, period=TERM)
        self.bar.refresh_requested.connect(self.refresh_requested)
        self.national_button = self._button(
            NATIONAL, icon("export"), self.tr("National upload files of every school…")
        )
        self.national_button.clicked.connect(self.export_national)
        self.workbook_button = self._button(
            WORKBOOK, icon("export"), self.tr("District statistics workbook…")
        )
        self.workbook_button.clicked.connect(self.export_workbook)
        self.feedback_button = self._button(
            FEEDBACK, icon("export"), self.tr("Feedback report of each school…")
        )
        self.feedback_button.clicked.connect(self.export_feedback)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self._group(
            self.tr("National fitness upload (国家学生体质健康标准数据上报)"),
            self.tr("The school year's upload file of every school of the chosen type with "
                    "students on roll, one .xlsx per school named by its 学校标识码, in one folder."),
            self.national_button))  # fmt: skip
        layout.addWidget(self._group(
            self.tr("District statistics"),
            self.tr("Fitness, value-added, labor and arts by school, grade and sex with the "
                    "district's figures, and the submission overview, as one Excel workbook."),
            self.workbook_button))  # fmt: skip
        layout.addWidget(self._group(
            self.tr("Feedback to the schools"),
            self.tr("A PDF per school that sent data (of the chosen type, or the chosen school) "
                    "to send back: its figures beside the whole district's, and its students "
                    "below the labor threshold or failing the fitness test, class by class."),
            self.feedback_button))  # fmt: skip
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def _button(self, kind: str, ico: QIcon, text: str) -> QPushButton:
        button = QPushButton(ico, text)
        if not available(kind):
            button.setEnabled(False)
            button.setToolTip(self.tr("This export is not part of this version yet."))
        return button

    def _group(self, title: str, text: str, button: QPushButton) -> QGroupBox:
        box = QGroupBox(title)
        label = QLabel(text)
        label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(label)
        layout.addLayout(row)
        return box

    def reload(self) -> None:
        """Nothing is computed here; the bar follows the filters by itself."""

    # -- which schools ------------------------------------------------------------------------

    def _schools(self) -> list[tuple[str, str]]:
        """The schools of the filters that sent data (an enrolled school that has sent nothing
        has no stage yet, and nothing to be told)."""
        f = self.ctx.filters
        chosen = f.schools_of_type()
        if f.school_code is not None:
            chosen = {c: s for c, s in chosen.items() if c == f.school_code}
        return [(code, info.name) for code, info in chosen.items() if info.stage]

    def _exports(self) -> Path:
        folder = self.ctx.ws.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # -- the exports --------------------------------------------------------------------------

    def export_national(self) -> None:
        f = self.ctx.filters
        folder = self.ask_folder(
            self.tr("Folder for the national upload files"),
            self._exports() / self.tr("National upload {year}").format(year=f.school_year),
        )
        if folder is None:
            return
        self.task = self.ctx.runner.run(
            NationalFilesJob(folder, f.school_year, f.school_type),
            parent=self,
            on_done=self._written,
            progress_label=self.tr("Writing the national upload file of each school…"),
        )

    def export_workbook(self) -> None:
        f = self.ctx.filters
        name = self.tr("District statistics {term}.xlsx").format(term=f.term)
        path = self.ask_save_path(self._exports() / name)
        if path is None:
            return
        self.task = self.ctx.runner.run(
            WorkbookJob(path, f.term, f.school_type, self.ctx.today),
            parent=self,
            on_done=self._written,
            progress_label=self.tr("Writing the district statistics workbook…"),
            cancellable=False,
        )

    def export_feedback(self) -> None:
        f = self.ctx.filters
        folder = self.ask_folder(
            self.tr("Folder for the feedback reports"),
            self._exports() / self.tr("Feedback reports {term}").format(term=f.term),
        )
        if folder is None:
            return
        request = FeedbackRequest(folder, f.term, self._schools(), report_font_family(),
                                  self.ctx.today)  # fmt: skip
        self.task = self.ctx.runner.run(
            FeedbackJob(request),
            parent=self,
            on_done=self._written,
            progress_label=self.tr("Writing the feedback report of each school…"),
        )

    def _written(self, written: Written) -> None:
        self.last_written = written
        text = self.tr("{n} files were written to {folder}.").format(
            n=len(written.paths), folder=written.folder
        )
        self.result_label.setText(text)
        show_info(self, self.tr("District exports"), text)

    # -- the default edges --------------------------------------------------------------------

    def _ask_folder(self, title: str, suggested: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title, str(suggested.parent))
        return Path(chosen) if chosen else None

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("District statistics workbook"), str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
