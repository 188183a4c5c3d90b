"""The export wizard's pages: what to export, the completeness check, signing, the result. They
only show things; the wizard (ui/dialogs/packet_export_wizard.py) runs the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.packets.completeness import CompletenessReport
from app.services.packet_export import ExportedPacket, ExportPlan
from app.terms import parse_term
from ui.dialogs.passphrase_dialog import ERROR_STYLE, PassphraseForm
from ui.labels import term_label
from ui.models.packet_labels import counts_text, mode_labels, short_fingerprint
from ui.widgets.term_combo import TermCombo

OK_STYLE = "color: #1a7f37;"


def wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PacketOptionsPage(QWizardPage):
    """The term (current by default) and full or incremental."""

    def __init__(self, today: dt.date, current_term: str, bureau: str, key_fp: str) -> None:
        super().__init__()
        self.setTitle(self.tr("What to export"))
        self.setSubTitle(
            self.tr(
                "The packet holds this school's records of the term, signed with the school's "
                "key and encrypted so that only the education bureau can open it."
            )
        )
        self.term_combo = TermCombo(today, current_term)
        self.full_radio = QRadioButton(self.tr("Full: every record of the term (recommended)"))
        self.incremental_radio = QRadioButton()
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.incremental_radio)
        self.set_base(None)
        form = QFormLayout(self)
        form.addRow(self.tr("Term:"), self.term_combo)
        form.addRow(self.tr("Packet:"), self.full_radio)
        form.addRow("", self.incremental_radio)
        form.addRow(self.tr("Encrypted for:"), QLabel(bureau))
        form.addRow(self.tr("Signed with key:"), QLabel(short_fingerprint(key_fp)))

    def set_base(self, base: ExportedPacket | None) -> None:
        """The last acknowledged packet, which an incremental packet adds to."""
        if base is None:
            self.incremental_radio.setText(
                self.tr("Incremental: possible once the bureau has acknowledged a packet")
            )
            self.incremental_radio.setEnabled(False)
            self.full_radio.setChecked(True)
            return
        self.incremental_radio.setText(
            self.tr(
                "Incremental: only the records changed since packet {n}, the last one the "
                "bureau acknowledged"
            ).format(n=base.sequence)
        )
        self.incremental_radio.setEnabled(True)

    def term(self) -> str:
        return self.term_combo.code()

    def incremental(self) -> bool:
        return self.incremental_radio.isChecked()


class PacketCheckPage(QWizardPage):
    """The plan's record counts and the completeness report; 'export anyway' when it found gaps."""

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.plan: ExportPlan | None = None
        self.report: CompletenessReport | None = None
        self.setTitle(self.tr("Completeness check"))
        self.setSubTitle(self.tr("Gaps the bureau would notice, found before the export."))
        self.status = wrapped()
        self.counts = wrapped()
        self.findings_model = QStandardItemModel(self)
        self.findings_model.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Count")])
        self.findings = QTreeView()
        self.findings.setModel(self.findings_model)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.header().setStretchLastSection(False)
        self.findings.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.anyway = QCheckBox(self.tr("Export anyway: I know about these gaps"))
        self.anyway.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.counts)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.anyway)
        self._show_findings(False)

    def _show_findings(self, visible: bool) -> None:
        self.findings.setVisible(visible)
        self.anyway.setVisible(visible)

    def show_running(self) -> None:
        self.plan = self.report = None
        self.anyway.setChecked(False)
        self.findings_model.removeRows(0, self.findings_model.rowCount())
        self._show_findings(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking the records…"))
        self.counts.setText("")

    def show_result(self, plan: ExportPlan, report: CompletenessReport) -> None:
        self.plan, self.report = plan, report
        total = sum(plan.counts.values())
        if total == 0:
            self.counts.setText(
                self.tr("Nothing changed since the last acknowledged packet: no packet is needed.")
            )
        else:
            self.counts.setText(
                self.tr("The packet will hold {n} records: {counts}.").format(
                    n=f"{total:,}", counts=counts_text(plan.counts)
                )
            )
        if report.complete:
            self.status.setStyleSheet(OK_STYLE)
            self.status.setText(self.tr("Nothing is missing."))
        else:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                self.tr(
                    "The check found gaps (below). Better fill them first: cancel, complete the "
                    "records and export again. Or export anyway if they are known and fine."
                )
            )
            for finding in report.findings:
                row = [QStandardItem(finding.message), QStandardItem(str(finding.count))]
                row[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for example in finding.examples:
                    row[0].appendRow([QStandardItem(example), QStandardItem("")])
                self.findings_model.appendRow(row)
            self.findings.expandAll()
            self._show_findings(True)
        self.completeChanged.emit()

    def show_failed(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def show_cancelled(self) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("The check was cancelled. Go back and start it again."))

    def problem_rows(self) -> list[tuple[str, int]]:
        model = self.findings_model
        return [
            (model.item(r, 0).text(), int(model.item(r, 1).text())) for r in range(model.rowCount())
        ]

    def isComplete(self) -> bool:
        if self.busy or self.plan is None or self.report is None:
            return False
        if sum(self.plan.counts.values()) == 0:
            return False
        return self.report.complete or self.anyway.isChecked()


class PacketSignPage(QWizardPage):
    """The signing key's passphrase and where the packet goes; Export is the commit button."""

    choose_requested = Signal()

    def __init__(self, key_fp: str, exports: Path) -> None:
        super().__init__()
        self.busy = False
        self.validator: Callable[[], bool] = lambda: False
        self.setTitle(self.tr("Sign and save"))
        self.setSubTitle(
            self.tr("Type the passphrase of the school's signing key ({short}).").format(
                short=short_fingerprint(key_fp)
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Export"))
        self.form = PassphraseForm(confirm=False)
        self.output_label = wrapped()
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_requested)
        output = QHBoxLayout()
        output.addWidget(self.output_label, 1)
        output.addWidget(self.choose_button)
        copy_note = wrapped(
            self.tr("A copy of every packet is also kept in {folder}.").format(folder=str(exports))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(QLabel(self.tr("Save the packet as:")))
        layout.addLayout(output)
        layout.addWidget(copy_note)
        layout.addStretch(1)

    def set_output(self, path: Path) -> None:
        self.output_label.setText(str(path))

    def validatePage(self) -> bool:
        return self.validator()

    def cleanupPage(self) -> None:
        """Back to the check: what was typed is not kept for later."""
        self.form.clear()


@dataclass(frozen=True)
class ExportSummary:
    file: Path  # where the user asked
    kept: Path  # the copy in the exports folder
    size: int
    sequence: int
    term: str
    mode: str
    counts: dict[str, int]
    sha256: str


class PacketDonePage(QWizardPage):
    retry_requested = Signal()
    choose_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.summary: ExportSummary | None = None
        self.setTitle(self.tr("Export"))
        self.status = wrapped()
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.fields = {key: wrapped() for key in ("file", "size", "sequence", "records", "sha")}
        for key, title in (
            ("file", self.tr("File:")),
            ("size", self.tr("Size:")),
            ("sequence", self.tr("Packet:")),
            ("records", self.tr("Records:")),
            ("sha", self.tr("SHA-256:")),
        ):
            self.fields[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(title, self.fields[key])
        self.next_steps = wrapped()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.choose_button = QPushButton(self.tr("Save as another file…"))
        self.choose_button.clicked.connect(self.choose_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addWidget(self.next_steps)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._set_failed_buttons(False)
        self.details.setVisible(False)

    def _set_failed_buttons(self, visible: bool) -> None:
        self.retry_button.setVisible(visible)
        self.choose_button.setVisible(visible)

    def show_running(self) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Signing, encrypting and writing the packet…"))
        self._set_failed_buttons(False)

    def show_done(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("The packet was exported."))
        self.fields["file"].setText(str(summary.file))
        self.fields["size"].setText(self.tr("{n} bytes").format(n=f"{summary.size:,}"))
        self.fields["sequence"].setText(
            self.tr("No. {n}, {term}, {mode}").format(
                n=summary.sequence,
                term=term_label(parse_term(summary.term)),
                mode=mode_labels().get(summary.mode, summary.mode),
            )
        )
        self.fields["records"].setText(counts_text(summary.counts))
        self.fields["sha"].setText(short_fingerprint(summary.sha256))
        self.fields["sha"].setToolTip(summary.sha256)
        self.details.setVisible(True)
        self.next_steps.setText(
            self.tr(
                "Take the file to the education bureau. When the bureau's receipt comes back, "
                "import it on the Exported packets tab."
            )
        )
        self._set_failed_buttons(False)

    def show_failed(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
        self._set_failed_buttons(True)

    def isComplete(self) -> bool:
        return not self.busy
