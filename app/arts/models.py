"""Arts records and the shared Award record, as the repositories return them (frozen)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.arts.constants import (
    ActivityKind,
    ArtsSubject,
    AwardDomain,
    AwardLevel,
    AwardRank,
    ProgrammeField,
    ProgrammeKind,
    Rating,
    SpecialtyGroup,
    SpecialtyRoute,
)
from app.models import RecordMeta


@dataclass(frozen=True)
class Award:
    """A competition result (shared by arts, sports and labor), won by students or a team."""

    school_code: str
    domain: AwardDomain
    event: str  # 比赛/展演名称
    organizer: str  # 主办单位
    organizer_is_education_authority: bool  # 教育行政部门 (校级 included)
    level: AwardLevel
    rank: AwardRank
    rank_text: str  # as on the certificate: 金奖, 第一名 …
    date: dt.date
    certificate_no: str
    on_moe_whitelist: bool | None  # national level only; None = not stated
    adviser: str  # 指导教师
    team_name: str
    category: str  # 项目, e.g. 声乐, 书法, 足球
    note: str
    meta: RecordMeta
    winners: tuple[str, ...] = ()  # student uuids

    @property
    def label_zh(self) -> str:
        return f"{self.event} {self.level.label_zh}{self.rank_text or self.rank.label_zh}"


@dataclass(frozen=True)
class CourseRecord:
    """One student's record in one arts course for a term (feeds 课程学习)."""

    student_uuid: str
    term: str
    subject: ArtsSubject
    attendance_pct: int | None
    participation: Rating | None
    tasks_completed: int | None
    tasks_total: int | None
    teacher: str
    note: str
    meta: RecordMeta


@dataclass(frozen=True)
class Activity:
    """A 社团 / 兴趣小组 term activity, an 艺术节 or a 展演, with its participants."""

    school_code: str
    term: str
    kind: ActivityKind
    name: str
    date: dt.date | None
    class_uuid: str | None  # set when the activity is one class's
    programme_uuid: str | None  # the club or 一校一品 programme it belongs to
    description: str
    meta: RecordMeta
    participants: int = 0


@dataclass(frozen=True)
class Specialty:
    """A student's arts specialty (特长) in a school year, with how it is trained."""

    student_uuid: str
    school_year: str
    group: SpecialtyGroup
    category: str  # 声乐, 书法 … (domain_rules §2.3)
    sub_type: str  # e.g. 民族管弦乐器
    level_description: str
    route: SpecialtyRoute
    note: str
    meta: RecordMeta


@dataclass(frozen=True)
class Assessment:
    """艺术素质测评 of one student for one 学年. Sub-scores are None until entered; total and
    band are None until all six are."""

    student_uuid: str
    school_year: str
    scores: dict[str, int | None]  # sub-score key → points (see app.arts.config.SUB_SCORES)
    total: int | None
    band: str | None
    development_points_confirmed: bool
    teacher: str
    comment: str
    meta: RecordMeta


@dataclass(frozen=True)
class Programme:
    """一校一品 programme, 社团 or 兴趣小组 of the school."""

    school_code: str
    kind: ProgrammeKind
    field: ProgrammeField
    name: str
    project: str  # 合唱, 民乐, 足球 …
    description: str
    adviser: str
    meta: RecordMeta
    members: int = 0  # in the school year asked about
