"""What a 综合素质档案 (comprehensive record) holds for one student and one term: plain frozen
dataclasses filled by ``app.reports.comprehensive_record`` and printed by ``record_html``.

The figures are the services' own results (labor totals, the literacy evaluation, the fitness
year result, the arts assessment, specialties and awards), kept as they are so the report never
recomputes a rule differently from the page the clerk entered it on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.arts.models import Assessment, Award, Specialty
from app.labor.constants import Category, EvaluationStatus
from app.labor.models import LiteracyEvaluation
from app.models import Sex, Term
from app.scoring.fitness_score import FitnessResult

VOLUNTEER_TASK_GROUP = 10  # 公益劳动与志愿服务: feeds 思想品德 (domain_rules §3.2, §7)


class CQDimension(StrEnum):
    """The five dimensions of 综合素质评价 (教基二〔2014〕11号), in the official order."""

    MORAL = "moral"  # 思想品德
    ACADEMIC = "academic"  # 学业水平
    HEALTH = "health"  # 身心健康
    ARTS = "arts"  # 艺术素养
    PRACTICE = "practice"  # 社会实践 (劳动与社会实践 where the province renamed it)


@dataclass(frozen=True)
class StudentIdentity:
    student_uuid: str
    student_no: str  # 学籍号
    name: str
    sex: Sex
    class_name: str
    grade_code: int


@dataclass(frozen=True)
class LaborSummary:
    """The term's labor: minutes in the report period, the weekly check, the evaluation."""

    date_from: dt.date
    date_to: dt.date
    total_minutes: int
    by_category: tuple[tuple[Category, int], ...]  # every category, in order, 0 included
    by_task_group: tuple[tuple[int, int], ...]  # groups with minutes, in the 课标's order
    weekly_out_of_class: float  # minutes per week of out-of-class and home labor
    threshold: int  # minutes per week required for the student's 学段
    meets_threshold: bool
    volunteer_minutes: int  # task group 10
    volunteer_activities: int  # activities of task group 10 attended
    evaluation: LiteracyEvaluation | None  # the term's 劳动素养 evaluation, any state

    @property
    def evaluation_final(self) -> bool:
        """Only an evaluation under public notice or confirmed is printed as a result."""
        return self.evaluation is not None and self.evaluation.status in (
            EvaluationStatus.PUBLICIZED,
            EvaluationStatus.CONFIRMED,
        )


@dataclass(frozen=True)
class SportsSummary:
    """The school year's 体质健康 result and, when recorded, the PE process evaluation."""

    school_year: str
    result: FitnessResult | None  # None: nothing entered for the year
    bmi_category: str | None  # one of app.scoring.bmi_category.BMI_CATEGORIES
    pe_process: tuple[tuple[str, str], ...] = ()  # (label, value), already translated


@dataclass(frozen=True)
class ArtsSummary:
    school_year: str
    assessment: Assessment | None
    specialties: tuple[Specialty, ...]


@dataclass(frozen=True)
class AwardEntry:
    award: Award
    counts_toward_arts_specialty: bool


@dataclass(frozen=True)
class DimensionEntry:
    """What feeds one 综评 dimension, as short translated facts (empty: nothing recorded)."""

    dimension: CQDimension
    facts: tuple[str, ...]


@dataclass(frozen=True)
class ComprehensiveRecord:
    school_name: str
    term: Term
    student: StudentIdentity
    labor: LaborSummary
    sports: SportsSummary
    arts: ArtsSummary
    awards: tuple[AwardEntry, ...]  # of the school year, newest first
    dimensions: tuple[DimensionEntry, ...]  # the five, in CQDimension order
