"""Fixed vocabulary of labor education (domain_rules §1.3, §1.5), with the codes stored in the
database and the Chinese names people write.

The codes are the stored values (and travel in packets); the names are what the import accepts
and the UI shows. Which task groups a school runs in each 学段 is configuration (``config``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """三类劳动."""

    DAILY = "daily"  # 日常生活劳动
    PRODUCTION = "production"  # 生产劳动
    SERVICE = "service"  # 服务性劳动

    @property
    def label_zh(self) -> str:
        return _CATEGORY_ZH[self]


_CATEGORY_ZH = {
    Category.DAILY: "日常生活劳动",
    Category.PRODUCTION: "生产劳动",
    Category.SERVICE: "服务性劳动",
}


@dataclass(frozen=True)
class TaskGroup:
    """One of the ten 任务群 of 课标 2022, numbered in the 课标's order."""

    no: int
    name: str
    category: Category


TASK_GROUPS: tuple[TaskGroup, ...] = (
    TaskGroup(1, "清洁与卫生", Category.DAILY),
    TaskGroup(2, "整理与收纳", Category.DAILY),
    TaskGroup(3, "烹饪与营养", Category.DAILY),
    TaskGroup(4, "家用器具使用与维护", Category.DAILY),
    TaskGroup(5, "农业生产劳动", Category.PRODUCTION),
    TaskGroup(6, "传统工艺制作", Category.PRODUCTION),
    TaskGroup(7, "工业生产劳动", Category.PRODUCTION),
    TaskGroup(8, "新技术体验与应用", Category.PRODUCTION),
    TaskGroup(9, "现代服务业劳动", Category.SERVICE),
    TaskGroup(10, "公益劳动与志愿服务", Category.SERVICE),
)
TASK_GROUP_BY_NO: dict[int, TaskGroup] = {g.no: g for g in TASK_GROUPS}
ALL_TASK_GROUP_NOS: tuple[int, ...] = tuple(g.no for g in TASK_GROUPS)


class Setting(StrEnum):
    """场所 of a labor activity."""

    CLASSROOM = "classroom"  # 课堂 (the labor course)
    ON_CAMPUS = "on_campus"  # 校内 (out of class, on campus: duty, campus cleaning, garden)
    HOME = "home"  # 家庭
    COMMUNITY = "community"  # 社区
    BASE = "base"  # 劳动基地
    LABOR_WEEK = "labor_week"  # 劳动周

    @property
    def label_zh(self) -> str:
        return _SETTING_ZH[self]


_SETTING_ZH = {
    Setting.CLASSROOM: "课堂",
    Setting.ON_CAMPUS: "校内",
    Setting.HOME: "家庭",
    Setting.COMMUNITY: "社区",
    Setting.BASE: "劳动基地",
    Setting.LABOR_WEEK: "劳动周",
}


class ParticipationStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"


class Rater(StrEnum):
    """Who rates a student's part in an activity (评价主体多元)."""

    SELF = "self"  # 自评
    PEER = "peer"  # 互评
    TEACHER = "teacher"  # 师评
    PARENT = "parent"  # 家长评

    @property
    def label_zh(self) -> str:
        return _RATER_ZH[self]


_RATER_ZH = {Rater.SELF: "自评", Rater.PEER: "互评", Rater.TEACHER: "师评", Rater.PARENT: "家长评"}


class Dimension(StrEnum):
    """The four dimensions of 劳动素养 (课标 2022), stored as columns of an evaluation."""

    CONCEPT = "concept"  # 劳动观念
    ABILITY = "ability"  # 劳动能力
    HABITS = "habits"  # 劳动习惯和品质
    SPIRIT = "spirit"  # 劳动精神

    @property
    def label_zh(self) -> str:
        return _DIMENSION_ZH[self]


_DIMENSION_ZH = {
    Dimension.CONCEPT: "劳动观念",
    Dimension.ABILITY: "劳动能力",
    Dimension.HABITS: "劳动习惯和品质",
    Dimension.SPIRIT: "劳动精神",
}


class EvaluationStatus(StrEnum):
    """The 公示 workflow of a literacy evaluation: draft → publicized → confirmed."""

    DRAFT = "draft"
    PUBLICIZED = "publicized"  # 公示中
    CONFIRMED = "confirmed"  # 审核确认

    @property
    def label_zh(self) -> str:
        return {"draft": "草稿", "publicized": "公示中", "confirmed": "已确认"}[self.value]


# 课标 2022: 第一学段 1–2年级, 第二 3–4, 第三 5–6, 第四 7–9. 高中 has no 课标 学段; it uses the
# 第四学段's configuration (task groups, the "other grades" threshold, 45-minute periods).
_BAND_OF_GRADE = {
    11: 1,
    12: 1,
    13: 2,
    14: 2,
    15: 3,
    16: 3,
    21: 4,
    22: 4,
    23: 4,
    31: 4,
    32: 4,
    33: 4,
}
BANDS: tuple[int, ...] = (1, 2, 3, 4)
BAND_NAMES_ZH = {1: "第一学段（1–2年级）", 2: "第二学段（3–4年级）", 3: "第三学段（5–6年级）", 4: "第四学段（7–9年级）"}  # fmt: skip
# 小学中高年级 (grades 3–6): Henan expects 1–2 life skills learned each year.
LIFE_SKILL_GRADES: frozenset[int] = frozenset({13, 14, 15, 16})


def band_of_grade(grade_code: int) -> int:
    """The 学段 (1–4) of a 年级编号; an unknown grade code is a bug, not user input."""
    return _BAND_OF_GRADE[grade_code]
