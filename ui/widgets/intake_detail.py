"""The lower half of the intake page: the selected packet's reason and what to do, where a
refused file was copied to, its counts per table and the records not taken as they came."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.models.bureau_intake_model import IntakeRow, IssuesModel, TableCountsModel, table_rows
from ui.models.record_table_model import RecordFilterProxy
from ui.widgets.record_view import record_table


class IntakeDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_model = TableCountsModel(self)
        self.issues_model = IssuesModel(self)
        self.counts_table = record_table(
            RecordFilterProxy(self.counts_model, self), widths=(22, 6, 6, 8, 6)
        )
        self.issues_table = record_table(
            RecordFilterProxy(self.issues_model, self), widths=(16, 36, 10)
        )
        tables = QSplitter()
        tables.addWidget(self.counts_table)
        tables.addWidget(self.issues_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(tables, 1)

    def show_row(self, row: IntakeRow | None) -> None:
        self.counts_model.set_rows(table_rows(row) if row else [])
        self.issues_model.set_rows(list(row.issues) if row else [])
        if row is None:
            self.label.clear()
            return
        lines = [str(row.path), row.reason, row.todo]
        if row.quarantined is not None:
            lines.append(self.tr("Copied to quarantine: {path}").format(path=row.quarantined))
        self.label.setText("\n".join(line for line in lines if line))
