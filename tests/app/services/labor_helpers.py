"""A small school for the labor tests: three classes in three 学段, students made through the
roster service (so every row is real), and a shorthand for labor drafts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.labor.constants import TASK_GROUP_BY_NO, Setting
from app.labor.models import LaborActivityDraft, ParticipantEntry
from app.services import roster
from app.services.workspace import Workspace
from app.validation.student import FIELDS
from tests.app.services.roster_files import student_row
from tests.conftest import TODAY


@dataclass(frozen=True)
class LaborSchool:
    ws: Workspace
    class_1: str  # 一年级(1)班, 第一学段
    class_3: str  # 三年级(1)班, 第二学段
    class_7: str  # 七年级(1)班, 第四学段
    grade_1: tuple[str, ...]  # student uuids
    grade_3: tuple[str, ...]
    grade_7: tuple[str, ...]

    @property
    def everyone(self) -> tuple[str, ...]:
        return self.grade_1 + self.grade_3 + self.grade_7


def _students(ws: Workspace, numbers: range, grade: str) -> tuple[str, ...]:
    uuids = []
    for n in numbers:
        raw = dict(zip(FIELDS, student_row(n, grade=grade, klass="1班"), strict=True))
        uuids.append(roster.save_student(ws.db, raw, actor="tester", today=TODAY).meta.uuid)
    return tuple(uuids)


def make_labor_school(ws: Workspace) -> LaborSchool:
    """On the nine-year ``school_ws``: 3 pupils in grade 1, 3 in grade 3, 2 in grade 7."""
    g1 = _students(ws, range(1, 4), "一年级")
    g3 = _students(ws, range(4, 7), "三年级")
    g7 = _students(ws, range(7, 9), "七年级")
    classes = {c.grade_code: c.meta.uuid for c in roster.list_classes(ws.db)}
    return LaborSchool(ws, classes[11], classes[13], classes[21], g1, g3, g7)


def draft(
    *,
    day: dt.date = dt.date(2026, 11, 2),
    group: int = 2,
    setting: Setting = Setting.HOME,
    minutes: int = 60,
    project: str = "整理书包",
    class_uuid: str | None = None,
    **kwargs: object,
) -> LaborActivityDraft:
    return LaborActivityDraft(
        date=day,
        category=TASK_GROUP_BY_NO[group].category,
        task_group=group,
        project=project,
        setting=setting,
        minutes=minutes,
        class_uuid=class_uuid,
        **kwargs,  # type: ignore[arg-type]
    )


def everyone(students: tuple[str, ...], **kwargs: object) -> list[ParticipantEntry]:
    return [ParticipantEntry(s, **kwargs) for s in students]  # type: ignore[arg-type]
