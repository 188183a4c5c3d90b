"""区域概览 → 报送情况: which school sent which term (the current term and the three before it),
from the packet ledger: a colour per state, "late" against each term's deadline, the school's
last packet and any gap in its sequence numbers; the deadlines dialog and the .xlsx export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import UserError
from app.services.district.config import load_district_config, save_district_config
from app.services.district.submission_export import export_submission_matrix
from app.services.district.submissions import CellState, SubmissionMatrix, submission_matrix
from ui.dialogs.district_deadlines_dialog import DistrictDeadlinesDialog
from ui.errors import show_info, show_user_error
from ui.icons import icon
from ui.models.district_submission_model import (
    COLORS,
    MISSING_DUE,
    MISSING_LATE,
    SubmissionMatrixModel,
    state_labels,
    summary_text,
)
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.district_tab_base import Compute, DistrictContext, DistrictTab
from ui.tasks import TaskContext
from ui.widgets.record_view import record_table


class DistrictSubmissionsTab(DistrictTab):
    def __init__(self, context: DistrictContext, parent: QWidget | None = None) -> None:
        super().__init__(context, period=None, school=False, parent=parent)
        self.matrix: SubmissionMatrix | None = None
        self.deadlines_dialog: DistrictDeadlinesDialog | None = None
        self.last_export: Path | None = None
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path  # an edge
        self.deadlines_button = QPushButton(icon("settings"), self.tr("Deadlines…"))
        self.deadlines_button.setToolTip(self.tr("Set each term's submission deadline."))
        self.deadlines_button.clicked.connect(self.edit_deadlines)
        self.export_button = QPushButton(icon("export"), self.tr("Export .xlsx…"))
        self.export_button.setToolTip(
            self.tr("The matrix and each term's deadline and counts as an Excel workbook.")
        )
        self.export_button.clicked.connect(self.export_xlsx)
        self.export_button.setEnabled(False)
        self.bar.add_widget(self.deadlines_button)
        self.bar.add_widget(self.export_button)

    def build_content(self) -> QWidget:
        self.summary.setWordWrap(False)  # one short line per term
        self.model = SubmissionMatrixModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(11, 22, 8, 5))
        self.table.horizontalHeader().setStretchLastSection(False)
        legend = QLabel(self._legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        return content

    def _legend_html(self) -> str:
        labels = state_labels()
        missing = labels[CellState.MISSING]
        swatches = [
            (MISSING_LATE, self.tr("{missing}, deadline passed").format(missing=missing)),
            (MISSING_DUE, self.tr("{missing}, before the deadline").format(missing=missing)),
            *((color, labels[state]) for state, color in COLORS.items()),
        ]
        return "&nbsp;&nbsp;".join(
            f'<span style="background:{c.name()}">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{t}'
            for c, t in swatches
        )

    # -- computing ----------------------------------------------------------------------------

    def filter_key(self) -> tuple[object, ...]:
        return (self.filters.school_type,)  # every school of the type, the recent terms

    def compute(self) -> Compute:
        return partial(
            submission_matrix,
            terms=self.filters.matrix_terms,
            today=self.ctx.today,
            school_type=self.filters.school_type,
        )

    def show_result(self, result: SubmissionMatrix) -> None:
        self.matrix = result
        self.export_button.setEnabled(bool(result.rows))
        if not result.rows:
            self.show_empty(
                self.tr("No school of this type is enrolled or has sent data. Choose another "
                        "school type, or enrol the schools under School registry first.")
            )  # fmt: skip
            return
        self.model.show(result)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # by school code
        self.table.resizeColumnsToContents()
        self.summary.setText(summary_text(result))
        self.stack.show_content()

    # -- deadlines ----------------------------------------------------------------------------

    def edit_deadlines(self) -> DistrictDeadlinesDialog | None:
        try:
            config = load_district_config(self.ctx.ws.db)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        dialog = DistrictDeadlinesDialog(config, self.filters.matrix_terms, self)
        dialog.accepted.connect(self._deadlines_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.deadlines_dialog = dialog
        dialog.open()
        return dialog

    def _deadlines_chosen(self) -> None:
        dialog = self.deadlines_dialog
        if dialog is None:
            return
        try:
            save_district_config(self.ctx.ws.db, dialog.config())
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.mark_stale()

    # -- export -------------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        matrix = self.matrix
        if matrix is None:
            return
        folder = self.ctx.ws.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = self.tr("Submissions {date}.xlsx").format(date=matrix.today.isoformat())
        path = self.ask_save_path(folder / name)
        if path is None:
            return
        self.ctx.runner.run(
            _MatrixExportJob(matrix, path),
            parent=self,
            on_done=self._exported,
            progress_label=self.tr("Writing the submission overview…"),
            cancellable=False,
        )

    def _ask_save_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the submission overview"), str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def _exported(self, path: Path) -> None:
        self.last_export = path
        show_info(
            self,
            self.tr("Export the submission overview"),
            self.tr("The submission overview was written to {path}.").format(path=path),
        )


class _MatrixExportJob:
    """Writes the matrix already computed (no database needed)."""

    def __init__(self, matrix: SubmissionMatrix, path: Path) -> None:
        self.matrix = matrix
        self.path = path

    def __call__(self, ctx: TaskContext) -> Path:
        return export_submission_matrix(self.matrix, self.path)
