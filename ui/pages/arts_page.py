"""美育: arts courses and activities, specialties, awards, the arts assessment (艺术素质测评) and
the school's own arts work. The class tree and the term (left and top) choose what the tabs show;
specialties, awards, the assessment and the school tab use the term's school year (学年)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.services.workspace import Workspace
from ui.pages.arts_assessment_tab import ArtsAssessmentTab
from ui.pages.arts_awards_tab import ArtsAwardsTab
from ui.pages.arts_courses_tab import ArtsCoursesTab
from ui.pages.arts_school_tab import ArtsSchoolTab
from ui.pages.arts_specialties_tab import ArtsSpecialtiesTab
from ui.pages.scoped_page import ScopedPage
from ui.tasks import TaskRunner


class ArtsPage(ScopedPage):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, runner, today=today, parent=parent)
        self.courses_tab = ArtsCoursesTab(self)
        self.specialties_tab = ArtsSpecialtiesTab(self)
        self.awards_tab = ArtsAwardsTab(self)
        self.assessment_tab = ArtsAssessmentTab(self)
        self.school_tab = ArtsSchoolTab(self)
        self.tabs.addTab(self.courses_tab, self.tr("Courses and activities"))
        self.tabs.addTab(self.specialties_tab, self.tr("Specialties"))
        self.tabs.addTab(self.awards_tab, self.tr("Awards"))
        self.tabs.addTab(self.assessment_tab, self.tr("Assessment"))
        self.tabs.addTab(self.school_tab, self.tr("School"))
        self.build()
        self.reload()

    def no_students_text(self) -> str:
        return self.tr(
            "No students yet. Arts records belong to the students of the roster: import the "
            "roster first."
        )
