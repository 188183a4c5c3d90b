"""体育过程 → 过程评价: the chosen class's process records of the term, typed in place; the
process score and the comprehensive PE result (fitness + process) shown as the entries change.

A class's entries are saved together (保存, Ctrl+S: ``save_class_process_records``, one
transaction); entries not saved yet are saved as well when another class or term is chosen or
the page is left, so nothing typed is lost silently. The settings (weights) and the 中招体育
schemes open from the toolbar.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QStyle, QToolBar, QVBoxLayout, QWidget

from app.errors import UserError
from app.services.fitness_stats_model import LEVELS
from app.services.pe_process import (
    BatchResult,
    ComprehensiveRow,
    comprehensive_results,
    save_class_process_records,
)
from app.services.pe_settings import load_pe_config
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.fitness_columns import level_labels
from ui.models.pe_process_model import PEProcessModel, PERow, input_of
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.entry_grid_view import EntryGridView

if TYPE_CHECKING:
    from ui.pages.pe_page import PEPage

ERROR_STYLE = "color: #c62828;"


def grid_row(found: ComprehensiveRow, term: str) -> PERow:
    p = found.process
    return PERow(
        student_uuid=p.student_uuid,
        student_no=p.student_no,
        name=p.name,
        term=term,
        awards=p.awards,
        fitness_total=found.result.fitness_total,
        fitness_exempt=found.result.exempt,
        saved=input_of(p.record),
        has_record=p.record is not None,
        score=p.score,
        result=found.result,
    )


class PEProcessTab(QWidget):
    def __init__(self, page: PEPage) -> None:
        super().__init__()
        self.page = page
        self.loaded: tuple[str, str] | None = None  # (class uuid, term) of the rows on screen
        self.last_result: BatchResult | None = None
        self.model = PEProcessModel(self)
        self.model.message.connect(self.show_message)
        self.model.dirty_changed.connect(self._dirty_changed)
        self.model.dataChanged.connect(self.update_summary)
        self._build()

    def _build(self) -> None:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        save_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        self.save_action = QAction(save_icon, self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(self.tr("Save the class's changed entries (Ctrl+S)"))
        self.save_action.triggered.connect(self.save)
        self.discard_action = QAction(self.tr("Discard changes"), self)
        self.discard_action.triggered.connect(self.discard)
        self.settings_action = QAction(icon("settings"), self.tr("Weights and scales…"), self)
        self.settings_action.triggered.connect(self.page.open_settings)
        self.zhongkao_action = QAction(self.tr("中招体育 schemes…"), self)
        self.zhongkao_action.triggered.connect(self.page.open_zhongkao)
        for action in (self.save_action, self.discard_action):
            toolbar.addAction(action)
            action.setEnabled(False)
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)
        toolbar.addAction(self.zhongkao_action)
        self.table = EntryGridView(self.model)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.message)
        inner.addWidget(self.summary)
        hint = EmptyHint()
        self.first_class_button = hint.add_button(
            self.tr("Open the first class"), self.page.select_first_class
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.stack, 1)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """The chosen class and term, after saving what was typed for the ones on screen."""
        self.save_pending()
        class_uuid, term = self.page.class_uuid, self.page.term
        if class_uuid is None:
            self.loaded = None
            self.model.clear()
            self.stack.show_hint(
                self.tr(
                    "Choose a class in the tree on the left: PE process records are entered "
                    "class by class, for the term chosen above."
                )
            )
            return
        self._load(class_uuid, term)
        self.show_message("")

    def _load(self, class_uuid: str, term: str) -> None:
        db = self.page.ws.db
        rows = [grid_row(r, term) for r in comprehensive_results(db, class_uuid, term)]
        self.model.load(rows, load_pe_config(db))
        self.table.set_widths([c.chars for c in self.model.columns])
        self.loaded = (class_uuid, term)
        if not rows:
            self.stack.show_hint(
                self.tr("This class has no students on roll. Add them on the roster first."),
                buttons=False,
            )
            return
        self.stack.show_content()
        self.update_summary()

    # -- saving -------------------------------------------------------------------------------

    def _write(self) -> tuple[BatchResult, dict[str, PERow]] | None:
        dirty = self.model.dirty_rows()
        if not dirty or self.loaded is None:
            return None
        class_uuid, term = self.loaded
        entries = [(r.student_uuid, r.draft) for r in dirty]
        result = save_class_process_records(
            self.page.ws.db, class_uuid, term, entries, actor=self.page.ws.actor
        )
        self.last_result = result
        refused = {e.student_uuid for e in result.errors}
        return result, {r.student_uuid: r for r in dirty if r.student_uuid in refused}

    def save(self) -> BatchResult | None:
        """Save the changed entries of the class on screen and read it again; refused rows keep
        their entries, marked, with the reasons."""
        try:
            written = self._write()
        except UserError as exc:
            self.show_message(str(exc))
            return None
        if written is None or self.loaded is None:
            return None
        result, refused = written
        self._load(*self.loaded)
        for row in self.model.rows:
            if row.student_uuid in refused:
                row.draft = refused[row.student_uuid].draft
                row.recompute(self.model.cfg)
                row.errors |= {
                    e.field: e.message
                    for e in result.errors
                    if e.student_uuid == row.student_uuid and e.field
                }
        self.model.refresh()
        self.show_message(self._refused_text(result, refused))
        self.update_summary()
        return result

    def save_pending(self) -> None:
        """Leaving the class or term: save what was typed; say what could not be saved."""
        try:
            written = self._write()
        except UserError as exc:
            show_user_error(self, exc)
            return
        if written is None:
            return
        result, refused = written
        for row in self.model.dirty_rows():  # stored now: no longer drafts
            if row.student_uuid not in refused:
                row.saved, row.has_record = row.draft, True
        self.model.refresh()
        if refused:
            text = self._refused_text(result, refused)
            show_user_error(self, UserError(text, self.tr("Open the class again to correct it.")))

    def _refused_text(self, result: BatchResult, refused: dict[str, PERow]) -> str:
        if not refused:
            return ""
        names = {uuid: row.name for uuid, row in refused.items()}
        reasons = "; ".join(f"{names.get(e.student_uuid, '')}: {e.message}" for e in result.errors)
        return self.tr("{saved} saved; not saved: {reasons}").format(
            saved=result.saved, reasons=reasons
        )

    def discard(self) -> None:
        self.model.discard()
        self.show_message("")
        self.update_summary()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # another page or tab, not a minimised window
            self.save_pending()
        super().hideEvent(event)

    # -- messages -----------------------------------------------------------------------------

    def _dirty_changed(self, count: int) -> None:
        self.save_action.setEnabled(count > 0)
        self.discard_action.setEnabled(count > 0)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def update_summary(self) -> None:
        rows = self.model.rows
        if not rows:
            self.summary.clear()
            return
        scores = [r.score.score for r in rows if r.score.score is not None]
        levels = Counter(r.result.level for r in rows if r.result.level)
        names = level_labels()
        self.summary.setText(
            self.tr(
                "{students} students: {recorded} with entries this term, {scored} with a process "
                "score (mean {mean}); PE result {levels}; {unsaved} not saved yet."
            ).format(
                students=len(rows),
                recorded=sum(r.has_record or r.dirty for r in rows),
                scored=len(scores),
                mean=f"{sum(scores) / len(scores):.1f}" if scores else "–",
                levels=self.tr(", ").join(f"{names[lv]} {levels[lv]}" for lv in LEVELS),
                unsaved=len(self.model.dirty_rows()),
            )
        )
