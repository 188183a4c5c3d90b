"""A key fingerprint as people compare it by phone: the short form (six groups of four) large,
the full form underneath in two lines of eight groups, both selectable for copying."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.models.packet_labels import fingerprint_lines, short_fingerprint


class FingerprintView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.short = QLabel()
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * 1.4)
        big.setBold(True)
        self.short.setFont(big)
        self.full = QLabel()
        self.full.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for label in (self.short, self.full):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.full.setToolTip(self.tr("The full fingerprint (SHA-256 of the public key)."))
        self.short.setToolTip(self.tr("Read these six groups aloud to compare them by phone."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.short)
        layout.addWidget(self.full)

    def set_fingerprint(self, fp: str | None) -> None:
        self.short.setText(short_fingerprint(fp) if fp else "")
        self.full.setText(fingerprint_lines(fp) if fp else "")
        self.setVisible(bool(fp))
