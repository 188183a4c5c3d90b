"""设置 → 劳动教育规则: the school's ``labor_config`` (weekly thresholds, the labor course, the
rating and evaluation scales, the task groups of each 学段, the evidence size limit).

The defaults follow the national documents (domain_rules §1); the district may adjust them, so
the clerk can. Settings not shown here (劳动周 dates, term dates …) are kept as stored. What the
service refuses is shown next to the setting at fault and nothing is saved.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.labor.config import LaborConfig, MiB
from app.labor.constants import ALL_TASK_GROUP_NOS, BANDS
from app.services.labor_checks import LaborEntryInvalid
from app.services.labor_records import labor_config, save_labor_config
from app.services.workspace import Workspace
from ui.models.labor_labels import task_group_labels

NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
ERROR_STYLE = "color: #c62828;"
_SEPARATORS = re.compile(r"[,，、;；/\s]+")
FIRST_BAND = 1  # 第一学段 (grades 1–2) has its own threshold; the others share one


def _spin(low: int, top: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, top)
    spin.setSuffix(suffix)
    return spin


def parse_scale(text: str) -> tuple[str, ...]:
    """ "优秀、良好、合格、待改进" (、, commas, semicolons, slashes or spaces between) → names."""
    return tuple(p for p in _SEPARATORS.split(text.strip()) if p)


class LaborSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._base = labor_config(ws.db)
        self.setWindowTitle(self.tr("Labor education rules"))
        self.notice = QLabel(
            self.tr(
                "These defaults follow the national documents (劳动教育指导纲要, 劳动课程标准 2022); "
                "the district may adjust them. Reports use the saved rules at once."
            )
        )
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.first_minutes = _spin(0, 3000, self.tr(" min/week"))
        self.other_minutes = _spin(0, 3000, self.tr(" min/week"))
        self.first_hours = QLabel()
        self.other_hours = QLabel()
        self.first_minutes.valueChanged.connect(self._update_hours)
        self.other_minutes.valueChanged.connect(self._update_hours)
        self.course_periods = _spin(0, 20, self.tr(" 课时/week"))
        self.rating_scale = QLineEdit()
        self.evaluation_scale = QLineEdit()
        for edit in (self.rating_scale, self.evaluation_scale):
            edit.setToolTip(self.tr("Levels best first, separated by 、 or commas."))
        self.evidence_mb = _spin(1, 200, " MB")
        self.groups: dict[tuple[int, int], QCheckBox] = {
            (band, no): QCheckBox() for band in BANDS for no in ALL_TASK_GROUP_NOS
        }
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
        # Setting name (LaborConfig.problems) → the widget that edits it, marked when refused.
        self._fields: dict[str, tuple[QWidget, ...]] = {
            "weekly_out_of_class_minutes": (self.first_minutes, self.other_minutes),
            "course_periods_per_week": (self.course_periods,),
            "rating_scale": (self.rating_scale,),
            "evaluation_scale": (self.evaluation_scale,),
            "evidence_max_bytes": (self.evidence_mb,),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._time_box())
        left.addWidget(self._scales_box())
        left.addStretch(1)
        row.addLayout(left)
        row.addWidget(self._groups_box())
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_config(self._base)

    def _time_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Weekly labor time"))
        form = QFormLayout(box)
        for spin, hours, label in (
            (self.first_minutes, self.first_hours, self.tr("Out-of-class and home, grades 1–2")),
            (self.other_minutes, self.other_hours, self.tr("Out-of-class and home, grades 3–9")),
        ):
            pair = QHBoxLayout()
            pair.addWidget(spin)
            pair.addWidget(hours)
            form.addRow(label, pair)
        form.addRow(self.tr("Labor course"), self.course_periods)
        return box

    def _scales_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scales and evidence"))
        form = QFormLayout(box)
        form.addRow(self.tr("Rating scale (平时表现)"), self.rating_scale)
        form.addRow(self.tr("Evaluation scale (学段综合评价)"), self.evaluation_scale)
        form.addRow(self.tr("Largest evidence file"), self.evidence_mb)
        return box

    def _groups_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Task groups taught in each 学段"))
        self._fields["task_groups_by_band"] = (box,)
        grid = QGridLayout(box)
        band_names = {
            1: self.tr("Grades 1–2"),
            2: self.tr("Grades 3–4"),
            3: self.tr("Grades 5–6"),
            4: self.tr("Grades 7–9"),
        }
        for column, band in enumerate(BANDS, start=1):
            grid.addWidget(QLabel(band_names[band]), 0, column)
        names = task_group_labels()
        for row, no in enumerate(ALL_TASK_GROUP_NOS, start=1):
            grid.addWidget(QLabel(names[no]), row, 0)
            for column, band in enumerate(BANDS, start=1):
                grid.addWidget(self.groups[(band, no)], row, column)
        return box

    def show_config(self, cfg: LaborConfig) -> None:
        self.first_minutes.setValue(cfg.threshold_for_band(FIRST_BAND))
        self.other_minutes.setValue(cfg.threshold_for_band(BANDS[1]))
        self.course_periods.setValue(cfg.course_periods_per_week)
        self.rating_scale.setText("、".join(cfg.rating_scale))
        self.evaluation_scale.setText("、".join(cfg.evaluation_scale))
        self.evidence_mb.setValue(max(1, round(cfg.evidence_max_bytes / MiB)))
        for (band, no), box in self.groups.items():
            box.setChecked(no in cfg.groups_for_band(band))
        self._update_hours()
        self._mark([])

    def restore_defaults(self) -> None:
        """The documented defaults of the settings shown; 劳动周 and term dates stay."""
        self.show_config(LaborConfig())

    def _update_hours(self) -> None:
        for spin, label in (
            (self.first_minutes, self.first_hours),
            (self.other_minutes, self.other_hours),
        ):
            hours = f"{spin.value() / 60:.2f}".rstrip("0").rstrip(".")
            label.setText(self.tr("= {hours} h/week").format(hours=hours))

    def read(self) -> LaborConfig:
        """The configuration as entered, over the stored settings this dialog does not show."""
        minutes = {b: self.other_minutes.value() for b in BANDS}
        minutes[FIRST_BAND] = self.first_minutes.value()
        size = self.evidence_mb.value() * MiB
        if self.evidence_mb.value() == round(self._base.evidence_max_bytes / MiB):
            size = self._base.evidence_max_bytes  # unchanged: keep a limit that is not whole MB
        return replace(
            self._base,
            weekly_out_of_class_minutes=minutes,
            course_periods_per_week=self.course_periods.value(),
            rating_scale=parse_scale(self.rating_scale.text()),
            evaluation_scale=parse_scale(self.evaluation_scale.text()),
            task_groups_by_band={
                band: tuple(no for no in ALL_TASK_GROUP_NOS if self.groups[(band, no)].isChecked())
                for band in BANDS
            },
            evidence_max_bytes=size,
        )

    def _mark(self, bad: list[str]) -> None:
        for name, widgets in self._fields.items():
            for widget in widgets:
                widget.setStyleSheet(ERROR_STYLE if name in bad else "")

    def _problem_text(self, name: str, message: str) -> str:
        labels = {
            "weekly_out_of_class_minutes": self.tr("Weekly out-of-class and home labor"),
            "course_periods_per_week": self.tr("Labor course"),
            "rating_scale": self.tr(
                "Rating scale: at least two different levels, none of them empty"
            ),
            "evaluation_scale": self.tr(
                "Evaluation scale: at least two different levels, none of them empty"
            ),
            "task_groups_by_band": self.tr("Task groups: tick at least one in every 学段"),
            "evidence_max_bytes": self.tr("Largest evidence file"),
        }
        return self.tr("{setting}: {problem}").format(
            setting=labels.get(name, name), problem=message
        )

    def accept(self) -> None:
        try:
            save_labor_config(self._ws.db, self.read())
        except LaborEntryInvalid as exc:
            self._mark(list(exc.errors))
            lines = [self._problem_text(name, text) for name, text in exc.errors.items()]
            self.error.setText("\n".join(lines))
            self.error.setVisible(True)
            return
        self.saved.emit()
        super().accept()
