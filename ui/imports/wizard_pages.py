"""The import wizard's other pages: the file, the dry run and the commit. They only show things;
the wizard (ui/dialogs/import_wizard.py) runs the work and tells them what happened."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.excel.table_reader import RawTable
from app.services.import_spec import ImportOutcome
from ui.imports.mapping_page import ERROR_STYLE, plain_label
from ui.models.rejected_rows_model import COL_REASON, RejectedRowsModel


def error_label() -> QLabel:
    label = plain_label("")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class CountsView(QWidget):
    """新增 / 更新 / 未变 / 拒绝 / 空行 of a dry run or a commit."""

    KEYS = ("created", "updated", "unchanged", "rejected", "blank")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = (
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Rejected"),
            self.tr("Blank rows"),
        )
        self.value_labels = {key: QLabel("–") for key in self.KEYS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, title in zip(self.KEYS, titles, strict=True):
            layout.addWidget(QLabel(title + ":"))
            self.value_labels[key].setStyleSheet("font-weight: bold;")
            layout.addWidget(self.value_labels[key])
            layout.addSpacing(16)
        layout.addStretch(1)

    def show_report(self, report: ImportOutcome | None) -> None:
        values = self.counts_of(report) if report is not None else {}
        for key, label in self.value_labels.items():
            label.setText(str(values[key]) if key in values else "–")

    @staticmethod
    def counts_of(report: ImportOutcome) -> dict[str, int]:
        return {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
            "blank": report.skipped_blank,
        }

    def values(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.value_labels.items()}


class FilePage(QWizardPage):
    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx, .xls) or a CSV file, with a header row above "
                "one row per record."
            )
        )
        self.busy = False
        self.table: RawTable | None = None
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_requested)
        self.path_label = plain_label(self.tr("No file chosen yet."))
        self.path_label.setWordWrap(True)
        self.info_label = plain_label("")
        self.info_label.setWordWrap(True)
        self.error_label = error_label()
        form = QFormLayout(self)
        form.addRow(self.choose_button, self.path_label)
        form.addRow(self.info_label)
        form.addRow(self.error_label)

    def show_reading(self, path: str) -> None:
        self.table = None
        self.path_label.setText(path)
        self.info_label.setText(self.tr("Reading the file…"))
        show_error(self.error_label, "")
        self.completeChanged.emit()

    def show_table(self, table: RawTable) -> None:
        if table.sheet:
            text = self.tr(
                "Sheet “{sheet}”: header in row {row}, {columns} columns, {rows} rows of data."
            )
        else:
            text = self.tr("CSV file: header in row {row}, {columns} columns, {rows} rows of data.")
        self.info_label.setText(
            text.format(
                sheet=table.sheet,
                row=table.header_row,
                columns=len(table.headers),
                rows=len(table.rows),
            )
        )
        if not table.rows:
            show_error(self.error_label, self.tr("There are no rows of data under the header."))
            return
        self.table = table
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.table = None
        self.info_label.setText("")
        show_error(self.error_label, text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.table is not None and not self.busy


class DryRunPage(QWizardPage):
    """Shows the plan (a dry run); Next is the commit, so this is a commit page."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr(
                "A dry run: what the import would do. Nothing has been written yet. Rejected rows "
                "are not imported; save them, correct them and import that file later."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.busy = False
        self.report: ImportOutcome | None = None
        self.status_label = plain_label("")
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.counts = CountsView()
        self.rejected_model = RejectedRowsModel(self)
        self.rejected_proxy = QSortFilterProxyModel(self)
        self.rejected_proxy.setSourceModel(self.rejected_model)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_proxy)
        self.rejected_view.setSortingEnabled(True)
        self.rejected_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rejected_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_view.verticalHeader().setVisible(False)
        self.rejected_view.horizontalHeader().setSectionResizeMode(
            COL_REASON, QHeaderView.ResizeMode.Stretch
        )
        self.save_button = QPushButton(self.tr("Save rejected rows…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_requested)
        self.saved_label = plain_label("")
        self.saved_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(self.tr("Rejected rows:")))
        layout.addWidget(self.rejected_view, 1)
        layout.addLayout(buttons)

    def show_running(self) -> None:
        self._show(None, self.tr("Checking every row…"))

    def show_plan(self, report: ImportOutcome) -> None:
        if report.created or report.updated:
            status = self.tr("Press Import to write these changes in one step.")
        else:
            status = self.tr("Nothing would change: every row is unchanged or rejected.")
        self._show(report, status)

    def show_cancelled(self) -> None:
        self._show(None, self.tr("The check was cancelled. Go back, or press Cancel to close."))

    def show_failed(self, text: str) -> None:
        self._show(None, "")
        show_error(self.error_label, text)

    def show_saved(self, path: str) -> None:
        self.saved_label.setText(self.tr("Saved to {path}").format(path=path))

    def _show(self, report: ImportOutcome | None, status: str) -> None:
        self.report = report
        self.status_label.setText(status)
        show_error(self.error_label, "")
        self.counts.show_report(report)
        self.rejected_model.set_rows(report.rejected if report is not None else [])
        self.save_button.setEnabled(report is not None and bool(report.rejected))
        self.saved_label.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.report
        return not self.busy and report is not None and bool(report.created or report.updated)


class CommitPage(QWizardPage):
    """Shows the commit; a failed or cancelled commit can be tried again."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import"))
        self.setSubTitle(
            self.tr("Everything is written in one step: either all of the changes or none.")
        )
        self.busy = False
        self.report: ImportOutcome | None = None
        self.status_label = plain_label("")
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.counts = CountsView()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_running(self) -> None:
        self._show(None, self.tr("Importing…"), retry=False)

    def show_done(self, report: ImportOutcome) -> None:
        self._show(report, self.tr("The import is finished. These are the changes written:"))

    def show_cancelled(self) -> None:
        self._show(None, self.tr("The import was cancelled; nothing was written."), retry=True)

    def show_failed(self, text: str) -> None:
        self._show(None, self.tr("Nothing was written."), retry=True)
        show_error(self.error_label, text)

    def _show(self, report: ImportOutcome | None, status: str, *, retry: bool = False) -> None:
        self.report = report
        self.status_label.setText(status)
        show_error(self.error_label, "")
        self.counts.show_report(report)
        self.retry_button.setVisible(retry)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.busy
