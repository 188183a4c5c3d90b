"""体育过程: each class's PE process evaluation per term (体育课出勤, 大课间, 课外锻炼, 体育社团,
专项运动技能, 体育作业, competitions and awards), the process score with the school's weights and
the comprehensive PE result that combines it with the fitness test. The class tree and the term
choose what the tab shows; the weights and the 中招体育 schemes open in dialogs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from app.services.workspace import Workspace
from ui.pages.pe_process_tab import PEProcessTab
from ui.pages.scoped_page import ScopedPage
from ui.tasks import TaskRunner


class PEPage(ScopedPage):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, runner, today=today, parent=parent)
        self.active_dialog: QDialog | None = None
        self.process_tab = PEProcessTab(self)
        self.tabs.addTab(self.process_tab, self.tr("Process evaluation"))
        self.build()
        self.reload()
        if self.class_uuid is None and not self.showing_page_hint():
            self.select_first_class()  # entry is class by class: start with one

    def no_students_text(self) -> str:
        return self.tr(
            "No students yet. PE process records are kept for the students of the roster: "
            "import the roster first, then enter each class's records of the term."
        )

    def open_settings(self) -> None:
        from ui.dialogs.pe_settings_dialog import PESettingsDialog

        dialog = PESettingsDialog(self.ws, parent=self)
        dialog.saved.connect(self._settings_saved)
        self._open(dialog)

    def _settings_saved(self) -> None:
        self.process_tab.reload()  # the scores with the new weights

    def open_zhongkao(self) -> None:
        from ui.dialogs.zhongkao_dialog import ZhongkaoDialog

        self._open(ZhongkaoDialog(self.ws, parent=self))

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
