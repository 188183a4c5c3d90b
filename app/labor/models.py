"""What the labor services take and return: plain frozen dataclasses, no I/O.

Designed for a list page (``LaborActivityRow`` with counts) and a batch-entry dialog (one
``LaborActivityDraft`` + a ``ParticipantEntry`` per student, where ``minutes=None`` means "the
activity's default" and an absent student records no minutes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.labor.constants import (
    Category,
    EvaluationStatus,
    ParticipationStatus,
    Setting,
)
from app.models import RecordMeta

Ratings = Mapping[str, str]  # Rater value (self/peer/teacher/parent) → a level of the rating scale


@dataclass(frozen=True)
class LaborActivityDraft:
    """One labor activity as entered: for one student, a group or a whole class."""

    date: dt.date
    category: Category
    task_group: int  # 1–10, see constants.TASK_GROUPS
    project: str  # 项目, e.g. 整理书包
    setting: Setting
    minutes: int  # default minutes per participant
    description: str = ""
    class_uuid: str | None = None  # set for a class activity (e.g. the class's labor lesson)
    organiser: str = ""
    term: str | None = None  # None: the term the date falls in


@dataclass(frozen=True)
class ParticipantEntry:
    student_uuid: str
    status: ParticipationStatus = ParticipationStatus.PRESENT
    minutes: int | None = None  # None: the activity's default; ignored (0) when absent
    ratings: Ratings = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class LaborActivity:
    school_code: str
    term: str
    date: dt.date
    category: Category
    task_group: int
    project: str
    setting: Setting
    minutes: int
    description: str
    class_uuid: str | None
    organiser: str
    meta: RecordMeta


@dataclass(frozen=True)
class LaborActivityRow:
    """An activity as the list page shows it."""

    activity: LaborActivity
    class_name: str  # "" when not a class activity
    participants: int  # present + absent
    present: int
    evidence: int


@dataclass(frozen=True)
class Participation:
    activity_uuid: str
    student_uuid: str
    status: ParticipationStatus
    minutes: int
    ratings: Ratings
    note: str
    meta: RecordMeta
    student_no: str = ""
    student_name: str = ""
    class_name: str = ""


@dataclass(frozen=True)
class ActivityDetail:
    activity: LaborActivity
    participants: tuple[Participation, ...]


@dataclass(frozen=True)
class ActivityFilter:
    term: str | None = None
    class_uuid: str | None = None  # activities of the class or with a participant in it
    student_uuid: str | None = None
    category: Category | None = None
    setting: Setting | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""  # fragment of the project or description


@dataclass(frozen=True)
class StudentLaborTotal:
    """A student's labor in a period: minutes by category and task group, and the weekly check."""

    student_uuid: str
    student_no: str
    name: str
    class_uuid: str
    class_name: str
    grade_code: int
    band: int  # 学段 1–4
    on_roll: bool
    total_minutes: int
    by_category: Mapping[Category, int]
    by_task_group: Mapping[int, int]
    out_of_class_minutes: int
    course_minutes: int
    activities: int  # activities attended
    weeks: float  # days in the period / 7
    weekly_out_of_class: float  # out_of_class_minutes / weeks
    threshold: int  # minutes per week for the student's 学段
    meets_threshold: bool


@dataclass(frozen=True)
class ClassLaborSummary:
    class_uuid: str
    class_name: str
    grade_code: int
    students: int  # on roll
    below: int  # students below the out-of-class threshold
    average_weekly_out_of_class: float
    threshold: int
    below_threshold: bool  # the class average is below the threshold
    course_minutes: int  # minutes of labor lessons the class had in the period
    course_periods: float  # course_minutes / the 学段's period length
    course_required_minutes: int  # 课时/week × period length × whole weeks in the period
    course_ok: bool
    labor_week_held: bool  # a 劳动周 activity with a student of the class, in the school year


@dataclass(frozen=True)
class LaborWeekStatus:
    school_year: str
    expected_start: dt.date
    expected_end: dt.date
    held: bool  # any 劳动周 activity in the school year
    activities: int
    first_date: dt.date | None
    last_date: dt.date | None


@dataclass(frozen=True)
class ThresholdReport:
    date_from: dt.date
    date_to: dt.date
    weeks: float
    students_below: tuple[StudentLaborTotal, ...]  # on-roll students below their threshold
    classes: tuple[ClassLaborSummary, ...]  # every class in scope, with its checks
    labor_weeks: tuple[LaborWeekStatus, ...]  # one per school year the period touches

    @property
    def classes_below(self) -> tuple[ClassLaborSummary, ...]:
        """Classes failing the out-of-class average or the labor course check."""
        return tuple(c for c in self.classes if c.below_threshold or not c.course_ok)


@dataclass(frozen=True)
class EvaluationFields:
    """The content of a literacy evaluation (学段综合评价); "" = not rated yet."""

    concept: str = ""  # 劳动观念
    ability: str = ""  # 劳动能力
    habits: str = ""  # 劳动习惯和品质
    spirit: str = ""  # 劳动精神
    overall: str = ""
    comment: str = ""
    life_skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class LiteracyEvaluation:
    student_uuid: str
    term: str
    fields: EvaluationFields
    status: EvaluationStatus
    publicity_from: dt.date | None
    publicity_to: dt.date | None
    reviewer: str
    confirmed_at: str | None  # UTC timestamp
    meta: RecordMeta
    student_no: str = ""
    student_name: str = ""
    class_name: str = ""


@dataclass(frozen=True)
class EvaluationCorrection:
    evaluation_uuid: str
    corrected_at: str  # UTC
    corrected_by: str
    reason: str
    old: Mapping[str, object]
    new: Mapping[str, object]
    meta: RecordMeta


@dataclass(frozen=True)
class EvidenceFile:
    activity_uuid: str
    participation_uuid: str | None
    sha256: str
    file_name: str
    mime: str
    size: int
    meta: RecordMeta


@dataclass(frozen=True)
class LifeSkillGap:
    """A student of 小学中高年级 with fewer life skills recorded in a school year than required."""

    student_uuid: str
    student_no: str
    name: str
    class_name: str
    skills: tuple[str, ...]
