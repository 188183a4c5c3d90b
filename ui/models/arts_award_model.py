"""The list of awards (获奖记录): event, organiser, level, rank, date and winners, with what each
counts for: a warning column for a national contest not (known to be) on the Ministry's list, and
for an arts award that does not count toward the arts specialty (not an education authority)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.arts.models import Award
from ui.labels import yes_label
from ui.models.arts_labels import domain_labels, level_labels
from ui.models.labor_totals_model import warning_icon
from ui.models.record_table_model import Column, RecordTableModel

COL_WARNINGS = 8
WARNING_BACKGROUND = QColor("#fff3e0")
_LEVEL_ORDER = {"national": 0, "provincial": 1, "city": 2, "county": 3, "school": 4}


@dataclass(frozen=True)
class AwardRow:
    award: Award
    winners: str  # names, or the team's name
    warnings: tuple[str, ...]
    counts_for_specialty: bool


def award_columns() -> list[Column]:
    levels, domains = level_labels(), domain_labels()
    yes, no = yes_label(), QCoreApplication.translate("ArtsAwardModel", "No")
    return [
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Event"),
            QCoreApplication.translate(
                "ArtsAwardModel", "The competition or performance, as on the certificate."
            ),
            lambda r: r.award.event,
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Organiser"),
            QCoreApplication.translate("ArtsAwardModel", "Who organised it (主办单位)."),
            lambda r: r.award.organizer,
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Education authority"),
            QCoreApplication.translate(
                "ArtsAwardModel",
                "Whether the organiser is an education authority (the school or an education "
                "bureau): only those awards count toward the arts specialty.",
            ),
            lambda r: yes if r.award.organizer_is_education_authority else no,
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Level"),
            QCoreApplication.translate(
                "ArtsAwardModel", "National, provincial, city, county or district, school."
            ),
            lambda r: levels[r.award.level],
            sort=lambda r: _LEVEL_ORDER[r.award.level.value],
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Rank"),
            QCoreApplication.translate(
                "ArtsAwardModel", "As on the certificate, e.g. 一等奖, 金奖, 第一名."
            ),
            lambda r: r.award.rank_text or r.award.rank.label_zh,
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Date"),
            QCoreApplication.translate("ArtsAwardModel", "Date of the award, year-month-day."),
            lambda r: r.award.date.isoformat(),
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Winners"),
            QCoreApplication.translate(
                "ArtsAwardModel", "The students who won it, or the team's name."
            ),
            lambda r: r.winners,
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Domain"),
            QCoreApplication.translate("ArtsAwardModel", "Arts, sports, labor or other."),
            lambda r: domains[r.award.domain],
        ),
        Column(
            QCoreApplication.translate("ArtsAwardModel", "Warnings"),
            QCoreApplication.translate(
                "ArtsAwardModel",
                "What to check before submitting: a national contest not on the Ministry's "
                "list, or an arts award that does not count toward the arts specialty.",
            ),
            lambda r: " ".join(r.warnings),
            sort=lambda r: len(r.warnings),
        ),
    ]


class ArtsAwardModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(award_columns(), parent)
        self._icon = warning_icon()

    def background(self, record: Any, column: int) -> Any:
        return WARNING_BACKGROUND if column == COL_WARNINGS and record.warnings else None

    def decoration(self, record: Any, column: int) -> Any:
        return self._icon if column == COL_WARNINGS and record.warnings else None

    def cell_tooltip(self, record: Any, column: int) -> str | None:
        if column == COL_WARNINGS and record.warnings:
            return "\n".join(record.warnings)
        return None
