"""体育过程 → 中招体育方案: the entrance-exam PE schemes, one per exam year.

Baosong has no built-in 中招体育 numbers (each year's notice decides items, tables and points), so a
scheme is imported from a JSON file in the shape ``app.pe.zhongkao`` documents, checked by the
core (every problem listed here, nothing stored), shown for review, exported to pass on to other
schools, or deleted. File dialogs and the confirmation are edges tests replace.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.pe.zhongkao import COMPULSORY, ZhongkaoConfig
from app.services.pe_settings import (
    delete_zhongkao_config,
    load_zhongkao_config,
    save_zhongkao_config,
    zhongkao_scheme,
    zhongkao_years,
)
from app.services.workspace import Workspace

ERROR_STYLE = "color: #c62828;"
DONE_STYLE = "color: #2e7d32;"
JSON_FILTER = "JSON (*.json)"


class ZhongkaoDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.ask_open_path: Callable[[], Path | None] = self._ask_open_path
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.ask_confirm: Callable[[str], bool] = self._ask_confirm
        self.setWindowTitle(self.tr("中招体育 schemes"))
        intro = QLabel(
            self.tr(
                "The 中招体育 score follows each exam year's official notice; Baosong has no "
                "built-in numbers. Import the year's scheme as a JSON file (items, scoring "
                "tables, points, the process share), check it here, and export it to pass it on."
            )
        )
        intro.setWordWrap(True)
        self.years = QListWidget()
        self.years.setMaximumWidth(140)
        self.years.currentItemChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.import_button.clicked.connect(self.import_json)
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.export_button.clicked.connect(self.export_json)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.years)
        row.addWidget(self.details, 1)
        actions = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.resize(640, 420)
        self.reload()

    # -- the list -----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.years.clear()
        for year in zhongkao_years(self._ws.db):
            item = QListWidgetItem(str(year))
            item.setData(Qt.ItemDataRole.UserRole, year)
            self.years.addItem(item)
            if year == select or select is None:
                self.years.setCurrentItem(item)
        has = self.years.count() > 0
        self.export_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if not has:
            self.details.setPlainText(
                self.tr(
                    "No scheme yet. Import the JSON file of the exam year's scheme, entered from "
                    "the official notice."
                )
            )

    def selected_year(self) -> int | None:
        item = self.years.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_details(self) -> None:
        year = self.selected_year()
        if year is None:
            return
        try:
            config = load_zhongkao_config(self._ws.db, year)
        except UserError as exc:  # stored by an older version and no longer valid
            self.details.setPlainText(str(exc))
            return
        if config is not None:
            self.details.setPlainText(self.describe(config))

    def describe(self, c: ZhongkaoConfig) -> str:
        def num(v: float | None) -> str:
            return "–" if v is None else f"{v:g}"

        lines = [
            self.tr("Exam year {year}; source: {source}").format(year=c.year, source=c.source or "–"),
            self.tr("Total {total} = exam {exam} + process {process}; electives counted: {choose}")
            .format(total=num(c.total_score), exam=num(c.exam_max), process=num(c.process_max),
                    choose=c.elective_choose or self.tr("all")),
            "",
        ]  # fmt: skip
        for item in c.items:
            kind = self.tr("compulsory") if item.kind == COMPULSORY else self.tr("elective")
            sexes = "/".join(sorted(item.sexes))
            lines.append(
                self.tr("{name} ({code}): {kind}, {sexes}, at most {max} points, {rows} table rows")
                .format(name=item.name, code=item.code, kind=kind, sexes=sexes,
                        max=num(item.max_points), rows=len(c.tables[item.table_id]))
            )  # fmt: skip
        return "\n".join(lines)

    # -- import, export, delete ---------------------------------------------------------------

    def import_json(self) -> ZhongkaoConfig | None:
        path = self.ask_open_path()
        if path is None:
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._say(self.tr("{name} is not a readable JSON file ({reason}).")
                      .format(name=path.name, reason=exc), error=True)  # fmt: skip
            return None
        if not isinstance(data, dict):
            self._say(self.tr("{name} does not hold one scheme (an object).").format(
                name=path.name), error=True)  # fmt: skip
            return None
        year = data.get("year")
        if year in zhongkao_years(self._ws.db) and not self.ask_confirm(
            self.tr("Replace the stored scheme of {year}?").format(year=year)
        ):
            return None
        try:
            config = save_zhongkao_config(self._ws.db, data)
        except UserError as exc:
            self._say(self.tr("The scheme was not imported. {problems}").format(
                problems=str(exc)), error=True)  # fmt: skip
            return None
        self.reload(select=config.year)
        self._say(self.tr("The scheme of {year} was imported.").format(year=config.year))
        return config

    def export_json(self) -> Path | None:
        year = self.selected_year()
        data = zhongkao_scheme(self._ws.db, year) if year is not None else None
        if data is None:
            return None
        folder = self._ws.paths.exports
        path = self.ask_save_path(folder / self.tr("中招体育 {year}.json").format(year=year))
        if path is None:
            return None
        try:
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as exc:
            self._say(self.tr("{path} cannot be written ({reason}).").format(
                path=path, reason=exc.strerror), error=True)  # fmt: skip
            return None
        self._say(
            self.tr("The scheme of {year} was written to {path}.").format(year=year, path=path)
        )
        return path

    def delete(self) -> None:
        year = self.selected_year()
        if year is None or not self.ask_confirm(
            self.tr("Delete the scheme of {year}?").format(year=year)
        ):
            return
        delete_zhongkao_config(self._ws.db, year)
        self.reload()
        self._say(self.tr("The scheme of {year} was deleted.").format(year=year))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)

    # -- the edges ----------------------------------------------------------------------------

    def _ask_open_path(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import 中招体育 scheme"), str(self._ws.paths.exports), JSON_FILTER
        )
        return Path(path) if path else None

    def _ask_save_path(self, suggested: Path) -> Path | None:
        suggested.parent.mkdir(parents=True, exist_ok=True)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export 中招体育 scheme"), str(suggested), JSON_FILTER
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".json") else Path(path + ".json")

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes
