"""体育过程 → 权重与标准: the school's ``pe_config`` (process-score weights, the weekly exercise
target, the skill scale, award points, the fitness/process split of the PE result).

Every number is a default Baosong proposes, awaiting the district's confirmation, and the dialog
says so. Settings the core refuses (weights not adding up to 100 …) are listed in the dialog and
nothing is saved; saved settings apply at once to every score, which is computed from records.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.arts.constants import AwardLevel
from app.errors import UserError
from app.pe.config import COMPONENTS, PEConfig, component_label, config_problems
from app.services.pe_settings import load_pe_config, save_pe_config
from app.services.workspace import Workspace
from ui.models.arts_labels import level_labels

NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
ERROR_STYLE = "color: #c62828;"
_LEVEL = re.compile(r"^(.+?)\s*[=:：]?\s*(\d{1,3})$")


def _spin(top: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, top)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def parse_skill_levels(text: str) -> list[tuple[str, int]] | None:
    """ "优秀 100, 良好 85" (commas, 、 or semicolons between, = or : allowed) → pairs."""
    parts = [p.strip() for p in re.split(r"[,，、;；\n]", text) if p.strip()]
    found = [_LEVEL.match(p) for p in parts]
    if not parts or not all(found):
        return None
    return [(m.group(1).strip(), int(m.group(2))) for m in found if m]


class PESettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.setWindowTitle(self.tr("PE process settings"))
        self.notice = QLabel(
            self.tr(
                "These numbers are defaults proposed by Baosong, still to be confirmed by the "
                "district's education bureau (待区教育局确认). Change them when the district sets "
                "its rules: every score is computed again from the records."
            )
        )
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.weights = {k: _spin(100, 0, " %") for k in COMPONENTS}
        self.weight_total = QLabel()
        for spin in self.weights.values():
            spin.valueChanged.connect(self._update_total)
        self.target = _spin(3000, 420, self.tr(" min/week"))
        self.confirmation = QCheckBox(self.tr("Count only minutes a parent confirmed"))
        self.skill_levels = QLineEdit()
        self.skill_levels.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 32)
        self.skill_levels.setToolTip(self.tr("Name and points of each level, best first."))
        self.award_points = {level: _spin(100, 0) for level in AwardLevel}
        self.authority_only = QCheckBox(
            self.tr("Count only awards of events an education authority organised")
        )
        self.fitness_share = _spin(100, 70, " %")
        self.process_share = _spin(100, 30, " %")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        row.addWidget(self._weights_box())
        row.addWidget(self._scales_box())
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_config(load_pe_config(ws.db))

    def _weights_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Process score weights (adding up to 100)"))
        form = QFormLayout(box)
        for key, spin in self.weights.items():
            form.addRow(component_label(key), spin)
        form.addRow(self.weight_total)
        return box

    def _scales_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scales and the PE result"))
        form = QFormLayout(box)
        form.addRow(self.tr("Out-of-school exercise for full points"), self.target)
        form.addRow(self.confirmation)
        form.addRow(self.tr("Skill levels and points"), self.skill_levels)
        names = level_labels()
        for level, spin in self.award_points.items():
            form.addRow(self.tr("Points of a {level} award").format(level=names[level]), spin)
        form.addRow(self.authority_only)
        form.addRow(self.tr("Fitness share of the PE result"), self.fitness_share)
        form.addRow(self.tr("Process share of the PE result"), self.process_share)
        return box

    def show_config(self, cfg: PEConfig) -> None:
        for key, spin in self.weights.items():
            spin.setValue(cfg.weights.get(key, 0))
        self.target.setValue(cfg.after_school_target_minutes)
        self.confirmation.setChecked(cfg.require_parent_confirmation)
        self.skill_levels.setText(", ".join(f"{n} {p}" for n, p in cfg.skill_levels))
        for level, spin in self.award_points.items():
            spin.setValue(cfg.award_points[level])
        self.authority_only.setChecked(cfg.authority_awards_only)
        self.fitness_share.setValue(cfg.fitness_weight)
        self.process_share.setValue(cfg.process_weight)
        self._update_total()

    def restore_defaults(self) -> None:
        self.show_config(PEConfig())

    def _update_total(self) -> None:
        total = sum(s.value() for s in self.weights.values())
        self.weight_total.setText(self.tr("Total: {total} of 100").format(total=total))
        self.weight_total.setStyleSheet("" if total == 100 else ERROR_STYLE)

    def read(self) -> tuple[PEConfig, list[str]]:
        """The settings as entered and what is wrong with them (empty: usable)."""
        problems = []
        levels = parse_skill_levels(self.skill_levels.text())
        if levels is None:
            problems.append(
                self.tr("Write the skill levels as names with points, e.g. 优秀 100, 良好 85.")
            )
        cfg = PEConfig(
            weights={k: s.value() for k, s in self.weights.items()},
            after_school_target_minutes=self.target.value(),
            require_parent_confirmation=self.confirmation.isChecked(),
            skill_levels=tuple(levels) if levels else PEConfig().skill_levels,
            award_points={level: s.value() for level, s in self.award_points.items()},
            authority_awards_only=self.authority_only.isChecked(),
            fitness_weight=self.fitness_share.value(),
            process_weight=self.process_share.value(),
        )
        return cfg, problems + config_problems(cfg)

    def accept(self) -> None:
        cfg, problems = self.read()
        if not problems:
            try:
                save_pe_config(self._ws.db, cfg)
            except UserError as exc:
                problems = [str(exc)]
        if problems:
            self.error.setText("\n".join(problems))
            self.error.setVisible(True)
            return
        self.saved.emit()
        super().accept()
