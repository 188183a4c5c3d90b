"""A small district in one bureau database: a primary, a junior and a nine-year school (plus a
fourth school enrolled that never sent anything), their students, two years of fitness tests,
a term of labor, arts records and awards written through the real services, and packet-ledger
rows for the submission matrix.

The services write for "the workspace's school", so the builder points the workspace at each
school in turn (as three school workspaces would be after the bureau merged their packets),
then turns it into a bureau workspace. Everything a test expects is computed from what is
recorded here (``District``), through the scoring engine, never typed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.arts.config import SUB_SCORES, ArtsConfig
from app.arts.constants import ActivityKind, AwardDomain, AwardLevel, SpecialtyRoute
from app.arts.scoring import total_and_band
from app.labor.constants import TASK_GROUP_BY_NO, ParticipationStatus, Setting
from app.labor.models import LaborActivityDraft, ParticipantEntry
from app.models import SchoolStage, StudentStatus
from app.scoring.fitness_score import FitnessResult, score_student
from app.scoring.fitness_standard import standard
from app.services import arts_assessment, arts_records, fitness_records, labor_records, roster
from app.services.awards import AwardInput, save_award
from app.services.fitness_values import grade_in_year
from app.services.roster import StudentExtras
from app.services.workspace import Workspace, init_school, set_current_term
from app.validation.student import FIELDS
from db import repo_settings
from tests.app.services.roster_files import student_row
from tests.conftest import TODAY

TERM = "2026-2027-1"  # TODAY's term
YEAR, PREVIOUS = "2026-2027", "2025-2026"
DISTRICT = "410308"
PRIMARY = ("4141000011", "孟津区实验小学", SchoolStage.PRIMARY)
JUNIOR = ("4141000012", "孟津区第二初级中学", SchoolStage.JUNIOR)
NINE = ("4141000013", "孟津区朝阳镇九年一贯制学校", SchoolStage.NINE_YEAR)
SILENT = ("4141000014", "孟津区会盟镇中心小学")  # enrolled, never sent a packet
_GRADE_NAMES = {11: "一年级", 13: "三年级", 21: "七年级"}
_BIRTH = {11: dt.date(2020, 3, 1), 13: dt.date(2018, 3, 1), 21: dt.date(2014, 3, 1)}
_HEIGHT = {11: 120.0, 12: 126.0, 13: 132.0, 16: 150.0, 21: 160.0}

# n (odd: boy), grade now, school; fitness plans per year: (points, bmi band) or "exempt",
# "retest" (first test at 40 points, 补测 at 70) or None (no test that year).
PLAN: list[tuple[int, int, str, dict[str, Any]]] = [
    (1, 11, "P", {YEAR: (95, "normal")}),
    (2, 11, "P", {YEAR: (50, "obese")}),
    (3, 13, "P", {YEAR: (85, "normal"), PREVIOUS: (70, "over")}),
    (4, 13, "P", {YEAR: (70, "under"), PREVIOUS: (75, "normal")}),
    (5, 13, "P", {YEAR: None, PREVIOUS: (60, "normal")}),
    (11, 21, "J", {YEAR: (90, "normal"), PREVIOUS: (80, "normal")}),
    (12, 21, "J", {YEAR: (60, "over"), PREVIOUS: (65, "over")}),
    (13, 21, "J", {YEAR: "exempt", PREVIOUS: (70, "normal")}),
    (14, 21, "J", {YEAR: "retest", PREVIOUS: (50, "obese")}),
    (15, 21, "J", {YEAR: (80, "normal"), PREVIOUS: (80, "normal")}),  # transferred out
    (21, 13, "N", {YEAR: (40, "obese"), PREVIOUS: (60, "over")}),
    (22, 13, "N", {YEAR: (75, "normal")}),
    (23, 21, "N", {YEAR: (66, "normal"), PREVIOUS: (72, "under")}),
    (24, 21, "N", {YEAR: (100, "normal"), PREVIOUS: (90, "normal")}),
]
OFF_ROLL = {15}


@dataclass
class Kid:
    n: int
    uuid: str
    school: str
    grade: int  # now
    sex: str
    class_uuid: str
    on_roll: bool
    # year → (grade then, decisive values) of a scored result, or "exempt"
    fitness: dict[str, Any] = field(default_factory=dict)
    out_of_class: int = 0  # labor minutes of the term (present, out-of-class settings)
    total_labor: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    arts: dict[str, dict[str, int]] = field(default_factory=dict)  # year → sub-scores

    def result(self, year: str) -> FitnessResult | None:
        found = self.fitness.get(year)
        if found is None or found == "exempt":
            return None
        grade, values = found
        return score_student(grade, self.sex, values)

    def arts_band(self, year: str) -> tuple[int | None, str | None]:
        scores = self.arts.get(year)
        return total_and_band(ArtsConfig(), scores) if scores else (None, None)


@dataclass
class District:
    ws: Workspace
    codes: dict[str, str]  # "P"/"J"/"N" → school code
    kids: dict[int, Kid]
    names: dict[str, str]

    def of(self, key: str) -> list[Kid]:
        return [k for k in self.kids.values() if k.school == self.codes[key]]


def values_at(grade: int, sex: str, points: int, bmi_band: str) -> dict[str, float]:
    """Every item the student is tested on at the value that earns ``points`` (or just more),
    and a height and weight whose BMI lies inside ``bmi_band`` of the standard."""
    rule = standard().rule(grade, sex)
    assert rule is not None
    u, n, o = (e / 10 for e in rule.bmi_edges)
    bmi = {"under": u - 1.0, "normal": (u + n) / 2, "over": (n + o) / 2, "obese": o + 2.0}[bmi_band]
    height = _HEIGHT[grade]
    values = {"height_cm": height, "weight_kg": round(bmi * (height / 100) ** 2, 1)}
    for item in rule.items:
        p = min(s for s in item.scores if s >= points)
        values[item.key] = item.sign * item.thresholds[item.scores.index(p) - 1]
    return values


def _switch(ws: Workspace, code: str, name: str, stage: SchoolStage) -> None:
    """Make ``code`` the workspace's school (the services write for that school)."""
    with ws.db.atomic():
        repo_settings.save_school(ws.db, code=code, name=name, district=DISTRICT, stage=stage,
                                  actor="tester")  # fmt: skip
        repo_settings.set_setting(ws.db, "school_code", code)


def _fitness(ws: Workspace, kid: Kid, plans: dict[str, Any]) -> None:
    for year, plan in plans.items():
        grade = grade_in_year(kid.grade, YEAR, year)
        assert grade is not None
        if plan is None:
            continue
        if plan == "exempt":
            fitness_records.set_exempt(ws.db, kid.uuid, year, "腿部骨折", actor="t")
            kid.fitness[year] = "exempt"
        elif plan == "retest":
            fitness_records.save_values(ws.db, kid.uuid, year, values_at(grade, kid.sex, 40, "normal"),
                                        actor="t")  # fmt: skip
            again = values_at(grade, kid.sex, 70, "normal")
            fitness_records.record_retest(ws.db, kid.uuid, year, again, actor="t")
            kid.fitness[year] = (grade, again)
        else:
            values = values_at(grade, kid.sex, *plan)
            fitness_records.save_values(ws.db, kid.uuid, year, values, actor="t")
            kid.fitness[year] = (grade, values)


def _students(ws: Workspace, key: str, district: District) -> None:
    for n, grade, school, plans in PLAN:
        if school != key:
            continue
        row = student_row(n, grade=_GRADE_NAMES[grade], klass="1班", birth=_BIRTH[grade])
        status = StudentStatus.TRANSFERRED_OUT if n in OFF_ROLL else StudentStatus.ENROLLED
        s = roster.save_student(ws.db, dict(zip(FIELDS, row, strict=True)), actor="tester",
                                extras=StudentExtras(status=status), today=TODAY)  # fmt: skip
        kid = Kid(n, s.meta.uuid, district.codes[key], grade, s.sex.value, s.class_uuid,
                  n not in OFF_ROLL)  # fmt: skip
        district.kids[n] = kid
        _fitness(ws, kid, plans)


def labor(
    district: District,
    day: dt.date,
    setting: Setting,
    minutes: int,
    kids: list[int],
    *,
    group: int = 2,
    absent: tuple[int, ...] = (),
) -> None:
    """One activity of the workspace's school; the kids' expected minutes follow it."""
    cat = TASK_GROUP_BY_NO[group].category
    draft = LaborActivityDraft(date=day, category=cat, task_group=group, project="家务劳动",
                               setting=setting, minutes=minutes)  # fmt: skip
    entries = [
        ParticipantEntry(district.kids[n].uuid,
                         ParticipationStatus.ABSENT if n in absent else ParticipationStatus.PRESENT)
        for n in kids
    ]  # fmt: skip
    labor_records.record_activity(district.ws.db, draft, entries, actor="t", today=TODAY)
    out = setting in (Setting.ON_CAMPUS, Setting.HOME, Setting.COMMUNITY)
    for n in kids:
        if n in absent:
            continue
        kid = district.kids[n]
        kid.total_labor += minutes
        kid.out_of_class += minutes if out else 0
        kid.by_category[cat.value] = kid.by_category.get(cat.value, 0) + minutes


def _arts_scores(district: District, year: str, scores: dict[int, tuple[int, ...]]) -> None:
    entries = {}
    for n, values in scores.items():
        subs = dict(zip(SUB_SCORES, values, strict=True))
        entries[district.kids[n].uuid] = subs
        district.kids[n].arts[year] = subs
    arts_assessment.save_assessments(district.ws.db, year, entries, actor="t")


def _award(district: District, level: AwardLevel, winners: list[int], domain: AwardDomain) -> None:
    data = AwardInput(event="孟津区中小学生艺术展演", organizer="孟津区教育体育局",
                      organizer_is_education_authority=True, level=level, rank_text="一等奖",
                      date=dt.date(2026, 10, 20), domain=domain)  # fmt: skip
    save_award(district.ws.db, data, winners=[district.kids[n].uuid for n in winners],
               actor="t", today=TODAY)  # fmt: skip


def _arts_activity(district: District, name: str, kids: list[int]) -> None:
    activity = arts_records.save_activity(
        district.ws.db,
        arts_records.ActivityInput(
            kind=ActivityKind.FESTIVAL, name=name, term=TERM, date=dt.date(2026, 10, 12)
        ),
        actor="t",
    )
    arts_records.set_participants(district.ws.db, activity.meta.uuid,
                                  [district.kids[n].uuid for n in kids], actor="t")  # fmt: skip


def _specialty(district: District, n: int, category: str) -> None:
    arts_records.save_specialty(
        district.ws.db,
        arts_records.SpecialtyInput(district.kids[n].uuid, YEAR, category, SpecialtyRoute.OUTSIDE),
        actor="t",
    )


def _school_records(district: District, key: str) -> None:
    """Labor, arts and awards of the workspace's school."""
    d9, d16, d23 = dt.date(2026, 9, 9), dt.date(2026, 9, 16), dt.date(2026, 9, 23)
    if key == "P":
        for day in (d9, d16, d23):
            labor(
                district, day, Setting.HOME, 600, [1, 2, 3, 4, 5], absent=(2,) if day == d9 else ()
            )
        labor(district, dt.date(2026, 10, 7), Setting.HOME, 600, [3])
        labor(district, dt.date(2026, 10, 14), Setting.HOME, 600, [3])
        labor(district, dt.date(2026, 10, 21), Setting.CLASSROOM, 40, [3, 4, 5], group=6)
        _arts_scores(district, YEAR, {3: (18, 18, 18, 27, 9, 9), 4: (15, 15, 14, 20, 5, 5),
                                      5: (12, 10, 10, 15, 3, 2)})  # fmt: skip
        _arts_scores(district, PREVIOUS, {3: (16, 16, 16, 24, 6, 6), 4: (14, 14, 14, 21, 5, 4)})
        _arts_activity(district, "校园艺术节", [3, 4])
        _specialty(district, 3, "声乐")
        _award(district, AwardLevel.COUNTY, [3], AwardDomain.ARTS)
    elif key == "J":
        for day in (d9, d16):
            labor(district, day, Setting.COMMUNITY, 300, [11, 12, 13, 14, 15], group=10)
        for day in (dt.date(2026, 10, 1), dt.date(2026, 10, 8), dt.date(2026, 10, 15),
                    dt.date(2026, 10, 22)):  # fmt: skip
            labor(district, day, Setting.HOME, 600, [11])
        _arts_scores(district, YEAR, {11: (20, 20, 20, 30, 10, 10), 12: (10, 10, 8, 12, 2, 0)})
        _specialty(district, 12, "剪纸")
        _award(district, AwardLevel.PROVINCIAL, [11], AwardDomain.SPORTS)  # not an arts award
    else:
        labor(district, d9, Setting.ON_CAMPUS, 200, [21, 22], group=1)
        _arts_scores(district, YEAR, {21: (16, 16, 16, 22, 6, 6), 23: (19, 19, 19, 28, 10, 8),
                                      24: (17, 17, 17, 25, 8, 6)})  # fmt: skip
        _arts_scores(district, PREVIOUS, {23: (15, 15, 15, 22, 5, 5)})
        _arts_activity(district, "班级合唱比赛", [23])
        _specialty(district, 24, "书法")
        _award(district, AwardLevel.CITY, [23], AwardDomain.ARTS)
        _award(district, AwardLevel.SCHOOL, [24], AwardDomain.ARTS)


def build_district(ws: Workspace) -> District:
    codes = {"P": PRIMARY[0], "J": JUNIOR[0], "N": NINE[0]}
    names = {PRIMARY[0]: PRIMARY[1], JUNIOR[0]: JUNIOR[1], NINE[0]: NINE[1], SILENT[0]: SILENT[1]}
    district = District(ws, codes, {}, names)
    init_school(ws.db, code=PRIMARY[0], name=PRIMARY[1], stage=PRIMARY[2], actor="tester",
                today=TODAY)  # fmt: skip
    set_current_term(ws.db, TERM)
    for key, (code, name, stage) in (("P", PRIMARY), ("J", JUNIOR), ("N", NINE)):
        _switch(ws, code, name, stage)
        _students(ws, key, district)
        _school_records(district, key)
    with ws.db.atomic():  # now the bureau's central database
        repo_settings.set_setting(ws.db, "workspace_kind", "bureau")
        repo_settings.set_setting(ws.db, "bureau_name", "孟津区教育体育局")
        repo_settings.set_setting(ws.db, "school_code", "")
    return district
