"""升级 confirmation: what grade promotion will do to every class, before anything is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.labels import grade_labels


class PromotionDialog(QDialog):
    """Shows a ``PromotionPlan`` (app.services.promotion); OK means "promote"."""

    def __init__(self, plan: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Promote grades"))
        graduating = plan.graduating
        summary = QLabel(
            self.tr(
                "For school year {year}, {promoted} classes move up one grade and {graduating} "
                "classes graduate ({students} students). Suspended students stay in their class. "
                "The database is backed up first. This cannot be done twice in one school year."
            ).format(
                year=plan.school_year,
                promoted=len(plan.promoted),
                graduating=len(graduating),
                students=sum(m.on_roll for m in graduating),
            )
        )
        summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(self.describe(m) for m in plan.moves))
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Promote"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def describe(self, move: Any) -> str:
        if move.graduates:
            return self.tr("{name}: graduates ({count} students)").format(
                name=move.old_name, count=move.on_roll
            )
        grade = grade_labels().get(move.to_grade, str(move.to_grade))
        return self.tr("{name} → {new_name} ({grade}, {count} students)").format(
            name=move.old_name, new_name=move.new_name, grade=grade, count=move.on_roll
        )
