"""报送: the school's side of the submission to the education bureau.

Above the tabs, what the next step is and 导出报送包… (the export wizard). The tabs: 密钥与信任
(the signing key and the trusted bureau), 报送记录 (the packets exported, receipts imported)
and 退回记录 (the records the bureau flagged). Exporting needs the school's signing key and the
bureau's trusted keys; until both exist the page says which is missing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import keys_service
from app.services.packet_export import list_packets
from app.services.workspace import Workspace, school_code
from ui.icons import icon
from ui.models.packet_labels import local_time, packet_status_labels
from ui.pages.packet_history_tab import PacketHistoryTab
from ui.pages.packet_keys_tab import PacketKeysTab
from ui.pages.packet_returns_tab import PacketReturnsTab
from ui.tasks import TaskRunner
from ui.widgets.empty_hint import EmptyHint

KEYS_TAB, HISTORY_TAB, RETURNS_TAB = range(3)


class PacketsPage(QWidget):
    navigate = Signal(str)  # a page key the empty state sends the user to ("settings")

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.today = today
        self.export_wizard: QWidget | None = None
        self._shown_before = False
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        self.next_step.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(icon("packet"), self.tr("Export packet…"))
        self.export_button.clicked.connect(self.open_export_wizard)
        top = QHBoxLayout()
        top.addWidget(self.next_step, 1)
        top.addWidget(self.export_button)
        self.keys_tab = PacketKeysTab(ws)
        self.history_tab = PacketHistoryTab(ws, runner)
        self.returns_tab = PacketReturnsTab(ws)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.keys_tab, self.tr("Keys and trust"))
        self.tabs.addTab(self.history_tab, self.tr("Exported packets"))
        self.tabs.addTab(self.returns_tab, self.tr("Returned records"))
        self.keys_tab.keys_changed.connect(self._update_next_step)
        self.history_tab.receipt_imported.connect(self._receipt_imported)
        self.history_tab.export_requested.connect(self.open_export_wizard)
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addLayout(top)
        main_layout.addWidget(self.tabs, 1)
        self.page_hint = EmptyHint(
            self.tr("This workspace has no school yet. Set the school up in Settings first.")
        )
        self.page_hint.add_button(self.tr("Open the settings"), self._to_settings, icon("settings"))
        self.stack = QStackedWidget()
        self.stack.addWidget(main)
        self.stack.addWidget(self.page_hint)
        self.main = main
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.reload()

    def reload(self) -> None:
        if school_code(self.ws.db) is None:
            self.stack.setCurrentWidget(self.page_hint)
            return
        self.stack.setCurrentWidget(self.main)
        self.keys_tab.reload()
        self.history_tab.reload()
        self.returns_tab.reload()
        self._update_tab_titles()
        self._update_next_step()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back reads again: records, keys or receipts may have changed elsewhere
        (the CLI, another page)."""
        if self._shown_before and not event.spontaneous():
            self.reload()
        self._shown_before = True
        super().showEvent(event)

    def ready_to_export(self) -> bool:
        return (
            keys_service.school_key(self.ws.db) is not None
            and keys_service.trusted_bureau(self.ws.db) is not None
        )

    def _update_tab_titles(self) -> None:
        flagged = self.returns_tab.count()
        title = self.tr("Returned records")
        self.tabs.setTabText(RETURNS_TAB, f"{title} ({flagged})" if flagged else title)

    def _update_next_step(self) -> None:
        has_key = keys_service.school_key(self.ws.db) is not None
        has_bureau = keys_service.trusted_bureau(self.ws.db) is not None
        self.export_button.setEnabled(has_key and has_bureau)
        self.history_tab.export_hint_button.setEnabled(has_key and has_bureau)
        if not has_key and not has_bureau:
            text = self.tr(
                "Before the first export: create the school's signing key and trust the "
                "education bureau's public keys (tab Keys and trust)."
            )
        elif not has_key:
            text = self.tr(
                "Before exporting: create the school's signing key (tab Keys and trust)."
            )
        elif not has_bureau:
            text = self.tr(
                "Before exporting: trust the education bureau's public keys (tab Keys and trust)."
            )
        else:
            text = self._last_packet_text()
        self.next_step.setText(text)

    def _last_packet_text(self) -> str:
        packets = list_packets(self.ws.db)
        if not packets:
            return self.tr("Ready to export the first packet of this school.")
        last = packets[-1]
        status = packet_status_labels().get(last.status, last.status)
        return self.tr("Last packet: No. {n} of {date}, {status}.").format(
            n=last.sequence, date=local_time(last.created_at), status=status
        )

    # -- actions ------------------------------------------------------------------------------

    def open_export_wizard(self) -> None:
        from ui.dialogs.packet_export_wizard import PacketExportWizard

        if not self.ready_to_export():
            self._update_next_step()
            return
        if self.export_wizard is not None and self.export_wizard.isVisible():
            self.export_wizard.raise_()
            return
        wizard = PacketExportWizard(self.ws, self.runner, today=self.today, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.exported.connect(self._packet_exported)
        wizard.destroyed.connect(self._wizard_gone)
        self.export_wizard = wizard
        wizard.open()

    def _wizard_gone(self) -> None:
        self.export_wizard = None

    def _packet_exported(self, _summary: object) -> None:
        self.history_tab.reload()
        self._update_next_step()

    def _receipt_imported(self, _result: object) -> None:
        self.history_tab.reload()
        self.returns_tab.reload()
        self._update_tab_titles()
        self._update_next_step()

    def _to_settings(self) -> None:
        self.navigate.emit("settings")
