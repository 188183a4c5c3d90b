"""The filter row of a district tab: 学年 or 学期, 学段 (school type), school, Refresh, and the
"computing…" note. Every tab's bar shows the page's one ``DistrictFilters``; choosing here sets
it, and the other bars follow (their combos are updated with signals blocked)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.district.scope import SchoolType
from app.terms import parse_term
from ui.icons import icon
from ui.labels import term_label
from ui.models.district_filters import DistrictFilters, recent_years

YEAR, TERM = "year", "term"
ALL = ""  # the combos' data for "every school type" and "every school"


class DistrictFilterBar(QWidget):
    refresh_requested = Signal()

    def __init__(
        self,
        filters: DistrictFilters,
        *,
        period: str | None = YEAR,
        school: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.filters = filters
        self.period = period
        self.period_combo = QComboBox()
        self.type_combo = QComboBox()
        self.school_combo = QComboBox()
        self.school_combo.setMinimumContentsLength(16)
        self.school_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.setToolTip(
            self.tr("Read the database again (after packets were merged).")
        )
        self.busy_label = QLabel()
        self._listed: tuple[str, ...] = ()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        if period == YEAR:
            self._layout.addWidget(QLabel(self.tr("School year:")))
            for year in recent_years(filters.terms):
                self.period_combo.addItem(year, year)
        elif period == TERM:
            self._layout.addWidget(QLabel(self.tr("Term:")))
            for term in reversed(filters.terms):
                self.period_combo.addItem(term_label(parse_term(term)), term)
        if period is not None:
            self._layout.addWidget(self.period_combo)
            self._layout.addSpacing(8)
        self._layout.addWidget(QLabel(self.tr("School type:")))
        self.type_combo.addItem(self.tr("All school types"), ALL)
        for school_type, label in school_type_labels().items():
            self.type_combo.addItem(label, school_type.value)
        self.type_combo.setToolTip(
            self.tr(
                "小学 = grades 1–6, 初中 = grades 7–9, 高中 = senior grades 1–3, by the grade of "
                "each student: a nine-year school counts under both 小学 and 初中."
            )
        )
        self._layout.addWidget(self.type_combo)
        self.school_combo.setVisible(school)
        if school:
            self._layout.addSpacing(8)
            self._layout.addWidget(QLabel(self.tr("School:")))
            self._layout.addWidget(self.school_combo)
        self._layout.addWidget(self.refresh_button)
        self._layout.addWidget(self.busy_label)
        self._layout.addStretch(1)
        self._fill_schools()
        self.sync()
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.school_combo.currentIndexChanged.connect(self._school_chosen)
        self.refresh_button.clicked.connect(self.refresh_requested)
        filters.changed.connect(self.sync)
        filters.schools_changed.connect(self._fill_schools)

    def add_widget(self, widget: QWidget) -> None:
        """A tab's own button, at the right end of the row."""
        self._layout.addWidget(widget)

    def set_busy(self, text: str) -> None:
        self.busy_label.setText(text)

    # -- showing the filters ------------------------------------------------------------------

    def _fill_schools(self) -> None:
        schools = self.filters.schools_of_type()
        self._listed = tuple(schools)
        blocker = QSignalBlocker(self.school_combo)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), ALL)
        for code, info in schools.items():
            self.school_combo.addItem(f"{info.name or code} ({code})", code)
        del blocker
        self.sync()

    def sync(self) -> None:
        """Show the filters' values (another tab's bar may have changed them)."""
        f = self.filters
        if tuple(f.schools_of_type()) != self._listed:
            self._fill_schools()  # the type changed: its schools only
            return
        wanted = (
            (self.period_combo, f.school_year if self.period == YEAR else f.term),
            (self.type_combo, f.school_type.value if f.school_type else ALL),
            (self.school_combo, f.school_code or ALL),
        )
        for combo, data in wanted:
            index = combo.findData(data)
            if index >= 0 and index != combo.currentIndex():
                blocker = QSignalBlocker(combo)
                combo.setCurrentIndex(index)
                del blocker

    # -- choosing -----------------------------------------------------------------------------

    def _period_chosen(self) -> None:
        value = str(self.period_combo.currentData())
        if self.period == YEAR:
            self.filters.set_school_year(value)
        else:
            self.filters.set_term(value)

    def _type_chosen(self) -> None:
        value = str(self.type_combo.currentData())
        self.filters.set_school_type(SchoolType(value) if value else None)

    def _school_chosen(self) -> None:
        value = str(self.school_combo.currentData() or "")
        self.filters.set_school(value or None)

    # -- for tests and callers ----------------------------------------------------------------

    def choose_type(self, school_type: SchoolType | None) -> None:
        self.type_combo.setCurrentIndex(
            self.type_combo.findData(school_type.value if school_type else ALL)
        )

    def choose_school(self, school_code: str | None) -> None:
        self.school_combo.setCurrentIndex(self.school_combo.findData(school_code or ALL))


def school_type_labels() -> dict[SchoolType, str]:
    return {
        SchoolType.PRIMARY: QCoreApplication.translate("DistrictFilterBar", "Primary (小学)"),
        SchoolType.JUNIOR: QCoreApplication.translate("DistrictFilterBar", "Junior (初中)"),
        SchoolType.SENIOR: QCoreApplication.translate("DistrictFilterBar", "Senior (高中)"),
    }
