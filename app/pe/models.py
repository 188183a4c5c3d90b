"""The PE process record (体育过程评价, one per student and term), as the repository returns it."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import RecordMeta

# Content columns of pe_process_records, in table order.
PROCESS_FIELDS = (
    "pe_attendance_pct",
    "recess_exercise_pct",
    "after_school_minutes_per_week",
    "after_school_parent_confirmed",
    "sports_club",
    "skill_item",
    "skill_level",
    "homework_completion_pct",
    "notes",
)


@dataclass(frozen=True)
class ProcessRecord:
    student_uuid: str
    term: str
    pe_attendance_pct: int | None  # 体育课出勤 %
    recess_exercise_pct: int | None  # 大课间 participation %
    after_school_minutes_per_week: int | None  # 课外锻炼
    after_school_parent_confirmed: bool
    sports_club: str | None  # None: no club
    skill_item: str  # 专项运动技能, "" none
    skill_level: str  # on the configured scale, "" not assessed
    homework_completion_pct: int | None  # 体育作业 %
    notes: str
    meta: RecordMeta
