"""Pages not built yet: each says in a sentence what it will hold and what to do first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.icons import icon


def placeholder_texts() -> dict[str, tuple[str, str]]:
    """Page key → (what the page will hold, what to do first)."""
    return {
        "fitness": (
            QCoreApplication.translate(
                "PlaceholderPage",
                "This page will hold the physical fitness tests (国家学生体质健康标准): "
                "measurements entered class by class, scores and levels computed as you type, "
                "and the national upload file.",
            ),
            QCoreApplication.translate(
                "PlaceholderPage",
                "First make sure the roster is complete: every student tested must be in it.",
            ),
        ),
        "pe": (
            QCoreApplication.translate(
                "PlaceholderPage",
                "This page will hold each term's PE process records: attendance, daily physical "
                "activity, sports skills and participation in sports clubs and competitions.",
            ),
            QCoreApplication.translate(
                "PlaceholderPage", "First check the current term in Settings."
            ),
        ),
        "labor": (
            QCoreApplication.translate(
                "PlaceholderPage",
                "This page will hold labor education: each student's labor hours in daily-life, "
                "productive and service labor, and the labor literacy evaluation of every term.",
            ),
            QCoreApplication.translate(
                "PlaceholderPage", "First check the current term in Settings."
            ),
        ),
        "arts": (
            QCoreApplication.translate(
                "PlaceholderPage",
                "This page will hold the arts assessment: basic knowledge, skills and "
                "participation scores, arts specialties and awards.",
            ),
            QCoreApplication.translate(
                "PlaceholderPage", "First make sure the roster is complete."
            ),
        ),
        "packets": (
            QCoreApplication.translate(
                "PlaceholderPage",
                "This page will export the signed, encrypted submission packet for the education "
                "bureau and import the bureau's receipts and returned records.",
            ),
            QCoreApplication.translate(
                "PlaceholderPage",
                "First enter the term's records; the packet carries whatever is recorded.",
            ),
        ),
    }


class PlaceholderPage(QWidget):
    def __init__(
        self, title: str, icon_name: str, what: str, first: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what = QLabel(what)
        self.first = QLabel(self.tr("Coming in a later version. {first}").format(first=first))
        # A column of limited width, centred: wrapped labels need a width to compute a height.
        column = QWidget()
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.addStretch(1)
        inner.addWidget(picture)
        inner.addWidget(heading)
        for label in (self.what, self.first):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        inner.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)
