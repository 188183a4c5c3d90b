"""Plain domain records (frozen dataclasses) and the enums they use. No I/O, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def code(self) -> str:
        """National 性别代码: 1 男, 2 女."""
        return "1" if self is Sex.MALE else "2"

    @property
    def label_zh(self) -> str:
        return "男" if self is Sex.MALE else "女"


class StudentStatus(StrEnum):
    ENROLLED = "enrolled"  # 在籍
    TRANSFERRED_IN = "transferred_in"  # 转入
    TRANSFERRED_OUT = "transferred_out"  # 转出
    SUSPENDED = "suspended"  # 休学
    GRADUATED = "graduated"  # 毕业

    @property
    def label_zh(self) -> str:
        return _STATUS_ZH[self]

    @property
    def is_on_roll(self) -> bool:
        """Counted in the school's current roster (and in fitness/labor/arts duties)."""
        return self in (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)


_STATUS_ZH = {
    StudentStatus.ENROLLED: "在籍",
    StudentStatus.TRANSFERRED_IN: "转入",
    StudentStatus.TRANSFERRED_OUT: "转出",
    StudentStatus.SUSPENDED: "休学",
    StudentStatus.GRADUATED: "毕业",
}


class SchoolStage(StrEnum):
    """学段 of a school; decides which grades exist and how the last grade is promoted."""

    PRIMARY = "primary"  # 小学 11–16
    JUNIOR = "junior"  # 初中 21–23
    NINE_YEAR = "nine_year"  # 九年一贯制 11–16, 21–23
    SENIOR = "senior"  # 高中 31–33
    COMPLETE = "complete"  # 完全中学 21–23, 31–33

    @property
    def label_zh(self) -> str:
        return _STAGE_ZH[self]


_STAGE_ZH = {
    SchoolStage.PRIMARY: "小学",
    SchoolStage.JUNIOR: "初中",
    SchoolStage.NINE_YEAR: "九年一贯制",
    SchoolStage.SENIOR: "高中",
    SchoolStage.COMPLETE: "完全中学",
}

STAGE_GRADES: dict[SchoolStage, tuple[int, ...]] = {
    SchoolStage.PRIMARY: (11, 12, 13, 14, 15, 16),
    SchoolStage.JUNIOR: (21, 22, 23),
    SchoolStage.NINE_YEAR: (11, 12, 13, 14, 15, 16, 21, 22, 23),
    SchoolStage.SENIOR: (31, 32, 33),
    SchoolStage.COMPLETE: (21, 22, 23, 31, 32, 33),
}


class WorkspaceKind(StrEnum):
    SCHOOL = "school"
    BUREAU = "bureau"


@dataclass(frozen=True)
class RecordMeta:
    """Identity and history every synchronised record carries (DESIGN.md §2)."""

    uuid: str
    revision: int = 1
    updated_at: str = ""
    updated_by: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class School:
    code: str  # 学校标识码, 10 digits
    name: str
    district: str  # 行政区划代码, e.g. 410308
    stage: SchoolStage
    meta: RecordMeta


@dataclass(frozen=True)
class Term:
    """A 学期: ``2025-2026-1`` is the first term of school year 2025-2026."""

    code: str
    school_year: str  # 2025-2026
    semester: int  # 1 or 2

    @property
    def label_zh(self) -> str:
        return f"{self.school_year}学年第{'一' if self.semester == 1 else '二'}学期"


@dataclass(frozen=True)
class SchoolClass:
    school_code: str
    grade_code: int  # 年级编号 11–16 / 21–23 / 31–33
    class_no: int  # 班级编号 within the grade
    name: str  # 班级名称, e.g. 三年级(2)班
    head_teacher: str
    graduated: bool
    meta: RecordMeta

    @property
    def national_class_code(self) -> str:
        """班级编号 as the national upload writes it: grade code + two-digit class number."""
        return f"{self.grade_code}{self.class_no:02d}"


@dataclass(frozen=True)
class Student:
    student_no: str  # 学籍号
    name: str
    sex: Sex
    birth_date: dt.date
    ethnicity_code: str  # 民族代码, two digits
    id_number: str | None  # 身份证号, optional
    class_uuid: str
    status: StudentStatus
    pe_exempt: bool  # 体育免修
    pe_exempt_reason: str
    school_code: str
    meta: RecordMeta


@dataclass(frozen=True)
class StudentRow:
    """A student joined with class data, as the roster lists it."""

    student: Student
    grade_code: int
    class_no: int
    class_name: str


@dataclass(frozen=True)
class StudentEvent:
    """A roster event such as a transfer, kept for the student's history."""

    student_uuid: str
    kind: str  # transfer_in / transfer_out / suspend / resume / graduate / promote / renumber
    date: dt.date
    note: str
    meta: RecordMeta = field(default_factory=lambda: RecordMeta(uuid=""))
