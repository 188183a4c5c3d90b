"""设置 → 美育测评规则: the school's ``arts_config`` as far as the 学生艺术素质测评 uses it (how
each indicator splits into its two sub-indicators, the band thresholds, the total cap).

The indicator maxima 40/50/20 are fixed by the 2015 办法; the splits, bands and cap are defaults
the district may adjust. The running sum of each indicator shows at once whether its parts add
up. Saving recomputes every stored total and band, and is refused (with the service's message)
when stored scores exceed a new maximum. Settings not shown here (the 发展指标 point rule, the
self-evaluation sections) are kept as stored.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.arts.config import (
    BANDS,
    INDICATOR_MAXIMA,
    INDICATORS,
    MAX_POSSIBLE_TOTAL,
    SUB_SCORES,
    ArtsConfig,
    validate_config,
)
from app.errors import UserError
from app.services.arts_assessment import save_arts_config
from app.services.arts_settings import load_arts_config
from app.services.workspace import Workspace
from ui.models.arts_labels import band_labels, sub_score_labels

NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
NO_CAP = -1  # the cap combo's data for "no cap" (None does not survive a QVariant round trip)


def _spin(top: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, top)
    return spin


class ArtsSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._base = load_arts_config(ws.db)
        self.changed_count = 0  # assessments whose total or band the last save changed
        self.setWindowTitle(self.tr("Arts assessment rules"))
        self.notice = QLabel(
            self.tr(
                "These defaults follow the national documents (中小学生艺术素质测评办法, 2015); "
                "the district may adjust them. Saving recomputes every stored total and band."
            )
        )
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.subs = {key: _spin(max(INDICATOR_MAXIMA.values())) for key in SUB_SCORES}
        self.sums = {indicator: QLabel() for indicator in INDICATORS}
        for spin in self.subs.values():
            spin.valueChanged.connect(self._update_sums)
        self.bands = {band: _spin(100) for band in BANDS[:-1]}  # 不合格 always starts at 0
        self.cap = QComboBox()
        self.cap.addItem(self.tr("100 (the bonus cannot lift the total above 100)"), 100)
        self.cap.addItem(
            self.tr("None (totals up to {top})").format(top=MAX_POSSIBLE_TOTAL), NO_CAP
        )
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
        row.addWidget(self._splits_box())
        row.addWidget(self._bands_box())
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_config(self._base)

    def _indicator_names(self) -> dict[str, str]:
        return {
            "basic": self.tr("Basic indicator (基础指标)"),
            "academic": self.tr("Academic indicator (学业指标)"),
            "development": self.tr("Development indicator (发展指标)"),
        }

    def _splits_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sub-indicator maxima"))
        layout = QVBoxLayout(box)
        names = self._indicator_names()
        subs = sub_score_labels()
        for indicator, pair in INDICATORS.items():
            group = QGroupBox(
                self.tr("{indicator}: {total} points").format(
                    indicator=names[indicator], total=INDICATOR_MAXIMA[indicator]
                )
            )
            form = QFormLayout(group)
            for key in pair:
                form.addRow(subs[key], self.subs[key])
            form.addRow(self.sums[indicator])
            layout.addWidget(group)
        return box

    def _bands_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bands and total"))
        form = QFormLayout(box)
        names = band_labels()
        for band, spin in self.bands.items():
            form.addRow(self.tr("{band} from").format(band=names[band]), spin)
        form.addRow(self.tr("{band} below that").format(band=names[BANDS[-1]]), QLabel())
        form.addRow(self.tr("Total cap"), self.cap)
        return box

    def show_config(self, cfg: ArtsConfig) -> None:
        for key, spin in self.subs.items():
            spin.setValue(cfg.sub_maxima[key])
        for band, spin in self.bands.items():
            spin.setValue(cfg.band_minima[band])
        cap = NO_CAP if cfg.total_cap is None else cfg.total_cap
        if self.cap.findData(cap) < 0:  # a stored cap between 100 and 110 stays choosable
            self.cap.addItem(str(cap), cap)
        self.cap.setCurrentIndex(self.cap.findData(cap))
        self._update_sums()

    def restore_defaults(self) -> None:
        self.show_config(ArtsConfig())

    def _update_sums(self) -> None:
        for indicator, (a, b) in INDICATORS.items():
            total = self.subs[a].value() + self.subs[b].value()
            top = INDICATOR_MAXIMA[indicator]
            self.sums[indicator].setText(
                self.tr("Sum: {total} of {top}").format(total=total, top=top)
            )
            self.sums[indicator].setStyleSheet(OK_STYLE if total == top else ERROR_STYLE)

    def read(self) -> ArtsConfig:
        """The settings as entered, over the stored ones this dialog does not show."""
        minima = {band: spin.value() for band, spin in self.bands.items()}
        minima[BANDS[-1]] = 0
        cap = int(self.cap.currentData())
        return replace(
            self._base,
            sub_maxima={key: spin.value() for key, spin in self.subs.items()},
            band_minima=minima,
            total_cap=None if cap == NO_CAP else cap,
        )

    def accept(self) -> None:
        cfg = self.read()
        try:
            validate_config(cfg)  # the split/band message before the stored-scores check
            self.changed_count = save_arts_config(self._ws.db, cfg, actor=self._ws.actor)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        self.saved.emit()
        super().accept()
