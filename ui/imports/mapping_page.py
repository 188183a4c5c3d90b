"""The import wizard's column mapping: one row per column of the file, a combo choosing the field
it holds (or Ignore), pre-filled from the headers Baosong recognised; the required fields still
without a column are listed in red, and Next stays disabled until there are none."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.excel.table_reader import RawTable
from app.excel.table_writer import cell_text
from app.services.import_spec import ImportFieldLike
from ui.models.file_preview_model import FilePreviewModel, header_title

ERROR_STYLE = "color: #c62828;"


def plain_label(text: str) -> QLabel:
    """A label for text from the file: never read as HTML, whatever it holds."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class MappingPage(QWizardPage):
    def __init__(self, fields: Sequence[ImportFieldLike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Choose what each column of the file holds. Columns set to Ignore are not "
                "imported; fields marked required need a column."
            )
        )
        self.fields = tuple(fields)
        self.labels = {f.key: f.label for f in self.fields}
        self.table: RawTable | None = None
        self.combos: list[QComboBox] = []
        self.unrecognised_label = plain_label("")
        self.unrecognised_label.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.missing_label = plain_label("")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(ERROR_STYLE)
        self.preview_model = FilePreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unrecognised_label)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.missing_label)
        layout.addWidget(QLabel(self.tr("The first rows of the file:")))
        layout.addWidget(self.preview, 2)

    def set_table(
        self, table: RawTable, mapping: Mapping[str, int], unmapped: Sequence[str]
    ) -> None:
        """Show ``table``'s columns with the guessed ``mapping`` (field key → column)."""
        self.table = table
        self._clear_grid()
        for column, title in enumerate(
            (self.tr("Column in the file"), self.tr("Import as"), self.tr("First value"))
        ):
            heading = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(heading, 0, column)
        field_of = {column: key for key, column in mapping.items()}
        first = table.rows[0] if table.rows else [None] * len(table.headers)
        for column in range(len(table.headers)):
            combo = self._field_combo(column, field_of.get(column))
            self.combos.append(combo)
            self.grid.addWidget(plain_label(header_title(table, column)), column + 1, 0)
            self.grid.addWidget(combo, column + 1, 1)
            self.grid.addWidget(plain_label(cell_text(first[column])), column + 1, 2)
        self.grid.setRowStretch(len(table.headers) + 1, 1)
        self.grid.setColumnStretch(2, 1)
        if unmapped:
            self.unrecognised_label.setText(
                self.tr("Not recognised, so ignored unless you choose a field: {headers}").format(
                    headers=self.tr(", ").join(unmapped)
                )
            )
        else:
            self.unrecognised_label.setText(self.tr("Every column header was recognised."))
        self.preview_model.set_table(table)
        self._mapping_changed()

    def _field_combo(self, column: int, key: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Ignore"), None)
        for field in self.fields:
            text = self.tr("{label} (required)") if field.required else "{label}"
            combo.addItem(text.format(label=field.label), field.key)
        combo.setCurrentIndex(max(combo.findData(key), 0) if key else 0)
        combo.setProperty("column", column)
        combo.currentIndexChanged.connect(self._combo_changed)
        return combo

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater() waits for the event loop; do not paint it meanwhile
                widget.deleteLater()
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        self.combos = []

    def _combo_changed(self, _index: int) -> None:
        changed = self.sender()
        if not isinstance(changed, QComboBox):
            return
        key = changed.currentData()
        if key is not None:
            # One column per field: the column that held this field before lets it go.
            for combo in self.combos:
                if combo is not changed and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._mapping_changed()

    def set_field(self, column: int, key: str | None) -> None:
        """Choose the field of ``column`` as the user would (None: ignore it)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(key), 0) if key else 0)

    def mapping(self) -> dict[str, int]:
        """Field key → column index."""
        return {
            combo.currentData(): column
            for column, combo in enumerate(self.combos)
            if combo.currentData() is not None
        }

    def missing_required(self) -> list[ImportFieldLike]:
        mapped = self.mapping()
        return [f for f in self.fields if f.required and f.key not in mapped]

    def _mapping_changed(self) -> None:
        missing = self.missing_required()
        self.missing_label.setText(
            self.tr("Required, but no column chosen yet: {fields}").format(
                fields=self.tr(", ").join(f.label for f in missing)
            )
            if missing
            else ""
        )
        self.missing_label.setVisible(bool(missing))
        self.preview_model.set_mapping(self.mapping(), self.labels)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.table is not None and not self.missing_required()
