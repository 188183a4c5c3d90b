"""A small class for the comprehensive-record tests, every record written through its service:
七年级(1)班 with three students, a term of labor (home labor for all, a labor lesson, a volunteer
activity one student missed), literacy evaluations in three states, a year of fitness (two tested,
one exempt), an arts assessment, a specialty, and arts and sports awards (one from an organiser
that is not an education authority)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.arts.constants import AwardDomain, AwardLevel, SpecialtyRoute
from app.labor.constants import ParticipationStatus, Setting
from app.labor.models import EvaluationFields, ParticipantEntry
from app.services import labor_evaluation as ev
from app.services import labor_records as lr
from app.services import roster
from app.services.arts_assessment import save_assessment
from app.services.arts_records import SpecialtyInput, save_specialty
from app.services.fitness_records import save_values, set_exempt
from app.services.workspace import Workspace
from app.validation.student import FIELDS
from tests.app.services.arts_helpers import give_award
from tests.app.services.fitness_helpers import BOY_21, GIRL_21
from tests.app.services.labor_helpers import draft
from tests.app.services.roster_files import student_row
from tests.conftest import TODAY

TERM = "2026-2027-1"
YEAR = "2026-2027"
NAMES = ("张伟", "王芳", "欧阳娜")
FULL = EvaluationFields("优秀", "良好", "良好", "优秀", "良好", "能主动做家务", ("煮鸡蛋",))
SCORES = {
    "course_learning": 18,
    "extracurricular": 17,
    "basic_knowledge": 18,
    "basic_skills": 25,
    "outside_learning": 5,
    "art_specialty": 6,
}


@dataclass(frozen=True)
class RecordClass:
    ws: Workspace
    class_uuid: str
    students: tuple[str, str, str]  # uuids in 学籍号 order: 张伟 (boy), 王芳 (girl), 欧阳娜 (girl)
    evaluations: tuple[str, str]  # 张伟's (confirmed), 王芳's (draft)


def _student(ws: Workspace, n: int, name: str) -> str:
    row = student_row(n, grade="七年级", klass="1班", birth=dt.date(2013, 10, n), 姓名=name)
    raw = dict(zip(FIELDS, row, strict=True))
    return roster.save_student(ws.db, raw, actor="tester", today=TODAY).meta.uuid


def make_record_class(ws: Workspace) -> RecordClass:
    a, b, c = (_student(ws, n, name) for n, name in zip((1, 2, 4), NAMES, strict=True))
    class_uuid = roster.get_student(ws.db, a).class_uuid
    _labor(ws, class_uuid, (a, b, c))
    confirmed = ev.create_evaluation(ws.db, a, TERM, FULL, actor="t")
    ev.publicize(
        ws.db,
        [confirmed],
        date_from=dt.date(2026, 11, 20),
        date_to=dt.date(2026, 11, 25),
        actor="t",
    )
    ev.confirm(ws.db, [confirmed], reviewer="王主任", actor="t", today=dt.date(2026, 11, 30))
    drafted = ev.create_evaluation(ws.db, b, TERM, FULL, actor="t")
    save_values(ws.db, a, YEAR, BOY_21, test_date=dt.date(2026, 10, 12), actor="t")
    save_values(ws.db, b, YEAR, GIRL_21, test_date=dt.date(2026, 10, 12), actor="t")
    set_exempt(ws.db, c, YEAR, "骨折", actor="t")
    save_assessment(ws.db, a, YEAR, SCORES, actor="t")
    save_specialty(
        ws.db, SpecialtyInput(b, YEAR, "声乐", SpecialtyRoute.CLUB, sub_type="合唱"), actor="t"
    )
    give_award(ws, [a, b], AwardLevel.COUNTY, event="孟津区中小学生艺术展演 & 合唱")
    give_award(ws, [c], AwardLevel.CITY, authority=False, event="洛阳少儿钢琴大赛")
    give_award(ws, [a], AwardLevel.SCHOOL, domain=AwardDomain.SPORTS, event="校运会 100 米")
    give_award(ws, [a], AwardLevel.COUNTY, date=dt.date(2025, 10, 1), event="上一学年的比赛")
    return RecordClass(ws, class_uuid, (a, b, c), (confirmed, drafted))


def _labor(ws: Workspace, class_uuid: str, students: tuple[str, str, str]) -> None:
    a, b, c = students

    def log(entries: list[ParticipantEntry], **kwargs: object) -> None:
        lr.record_activity(ws.db, draft(**kwargs), entries, actor="t", today=TODAY)  # type: ignore[arg-type]

    for day in (dt.date(2026, 11, 2), dt.date(2026, 11, 9)):
        log([ParticipantEntry(s, minutes=m) for s, m in ((a, 200), (b, 60), (c, 120))], day=day)
    log(
        [ParticipantEntry(s) for s in students],
        group=5,
        setting=Setting.CLASSROOM,
        minutes=45,
        project="种植",
        class_uuid=class_uuid,
    )
    volunteer = [
        ParticipantEntry(a, minutes=90),
        ParticipantEntry(b, status=ParticipationStatus.ABSENT),
        ParticipantEntry(c, minutes=60),
    ]
    log(volunteer, group=10, setting=Setting.COMMUNITY, minutes=90, project="社区清扫")
    log(
        [ParticipantEntry(a, minutes=30)],
        group=10,
        setting=Setting.COMMUNITY,
        project="敬老院",
        day=dt.date(2026, 11, 20),
    )
    # Before the term: never counted.
    log([ParticipantEntry(a, minutes=500)], day=dt.date(2026, 8, 20), project="暑假劳动")
