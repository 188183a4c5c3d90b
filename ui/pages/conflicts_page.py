"""数据冲突: records a merge did not take because they disagree with the central database.

Two kinds: the same revision with other content (e.g. a school restored an old backup and edited
again), and the same student reported by two schools (a transfer). Each is decided here, field by
field: keep the central data, or take the school's. Nothing is overwritten silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.bureau_keys import list_registry
from app.services.conflicts import differences, list_conflicts, resolve_conflict
from app.services.workspace import Workspace
from ui.errors import show_user_error
from ui.models.bureau_labels import (
    conflict_kind_labels,
    field_label,
    local_time,
    table_label,
)
from ui.models.record_table_model import Column, RecordFilterProxy, RecordTableModel
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, selected_records

_OK_STYLE = "color: #2e7d32;"


def record_label(record: dict[str, Any]) -> str:
    """A student by name and 学籍号; any other record by its name or the start of its ID."""
    parts = [str(record[k]) for k in ("name", "student_no") if record.get(k)]
    return " ".join(parts) or str(record.get("uuid", ""))[:8]


def value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictsModel", "Yes")
            if value
            else QCoreApplication.translate("ConflictsModel", "No")
        )
    return str(value)


class ConflictsModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        names: dict[str, str] = {}
        kinds = conflict_kind_labels()
        columns = [
            Column(
                QCoreApplication.translate("ConflictsModel", "School"),
                QCoreApplication.translate("ConflictsModel", "The school whose packet brought the record"),
                lambda c: f"{c.school_code} {names.get(c.school_code, '')}".strip(),
            ),
            Column(QCoreApplication.translate("ConflictsModel", "Table"), "", lambda c: table_label(c.table_name)),
            Column(QCoreApplication.translate("ConflictsModel", "Record"), "", lambda c: record_label(c.incoming)),
            Column(QCoreApplication.translate("ConflictsModel", "Kind"), "", lambda c: kinds.get(c.kind, c.kind)),
            Column(QCoreApplication.translate("ConflictsModel", "Raised"), "", lambda c: local_time(c.created_at)),
        ]  # fmt: skip
        super().__init__(columns, parent)
        self.names = names  # school code → name, filled by the page before each set_rows


class DifferencesModel(RecordTableModel):
    """(field, central value, incoming value) of one conflict."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(QCoreApplication.translate("ConflictsModel", "Field"), "", lambda d: field_label(d[0])),
            Column(QCoreApplication.translate("ConflictsModel", "Central data"), "", lambda d: value_text(d[1])),
            Column(QCoreApplication.translate("ConflictsModel", "Reported data"), "", lambda d: value_text(d[2])),
        ]  # fmt: skip
        super().__init__(columns, parent)

    def background(self, record: Any, column: int) -> Any:
        return QColor("#fff8e1") if column > 0 else None


class ConflictsPage(QWidget):
    conflicts_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = ConflictsModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.table = record_table(self.proxy, widths=(28, 14, 24, 22))
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.diff_model = DifferencesModel(self)
        self.diff_table = record_table(RecordFilterProxy(self.diff_model, self), widths=(22, 30))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep the central data"))
        self.keep_button.clicked.connect(self.keep_central)
        self.take_button = QPushButton(self.tr("Take the reported data"))
        self.take_button.clicked.connect(self.take_incoming)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_OK_STYLE)
        hint = EmptyHint(
            self.tr(
                "No conflicts are waiting. A conflict appears when a packet brings a record "
                "that disagrees with the central copy at the same revision, or a student that "
                "another school also reports. Merge packets on the Packet intake page first."
            )
        )
        self.stack = HintStack(self._content(), hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.reload()

    def _content(self) -> QWidget:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        detail = QWidget()
        inner = QVBoxLayout(detail)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addWidget(self.diff_table, 1)
        inner.addWidget(self.explain)
        inner.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([260, 300])
        return splitter

    def reload(self) -> None:
        self.model.names.clear()
        self.model.names.update({k.school_code: k.school_name for k in list_registry(self.ws.db)})
        self.model.set_rows(list_conflicts(self.ws.db))
        if self.model.rows:
            self.stack.show_content()
            self.table.selectRow(0)
        else:
            self.stack.show_hint()
        self._show_detail()

    def open_count(self) -> int:
        return len(self.model.rows)

    def current(self) -> Any:
        chosen = selected_records(self.table) if self.model.rows else []
        return chosen[0] if chosen else None

    def _show_detail(self, *_args: object) -> None:
        conflict = self.current()
        for button in (self.keep_button, self.take_button):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.diff_model.set_rows([])
            self.heading.clear()
            self.explain.clear()
            return
        self.diff_model.set_rows(differences(conflict))
        central_school = (conflict.central or {}).get("school_code", "")
        self.heading.setText(
            self.tr("{table}: {record}, reported by {school}.").format(
                table=table_label(conflict.table_name),
                record=record_label(conflict.incoming),
                school=f"{conflict.school_code} {self.model.names.get(conflict.school_code, '')}".strip(),
            )
        )
        if conflict.kind == "transfer":
            text = self.tr(
                "School {other} holds the same student. Taking the reported data moves the "
                "student to {school} (the record at {other} is marked deleted); keeping the "
                "central data leaves the student at {other}."
            ).format(other=central_school, school=conflict.school_code)
        else:
            text = self.tr(
                "The central copy and the school's have the same revision but different "
                "content. Taking the reported data replaces the central copy; keeping the "
                "central data refuses this version (it is not asked about again)."
            )
        self.explain.setText(text)

    def keep_central(self) -> None:
        self._resolve("central")

    def take_incoming(self) -> None:
        self._resolve("incoming")

    def _resolve(self, take: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            resolve_conflict(self.ws.db, conflict.id, take=take, actor=self.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
            self.reload()
            return
        if take == "central":
            self.message.setText(self.tr("The central data was kept."))
        else:
            self.message.setText(self.tr("The reported data was taken."))
        self.reload()
        self.conflicts_changed.emit()
