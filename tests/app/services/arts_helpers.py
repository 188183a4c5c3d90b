"""Students and awards for the arts service tests (real workspace, real roster records)."""

from __future__ import annotations

import datetime as dt

from app.arts.constants import AwardDomain, AwardLevel
from app.services import roster
from app.services.awards import AwardInput, save_award
from app.services.workspace import Workspace
from tests.app.services.roster_files import make_id
from tests.conftest import TODAY

TERM = "2026-2027-1"  # TODAY's term
YEAR = "2026-2027"


def add_students(
    ws: Workspace, n: int, *, grade: str = "三年级", klass: str = "1班", start: int = 1
) -> list[str]:
    """``n`` valid students in one class; returns their uuids in 学籍号 order."""
    uuids = []
    for i in range(start, start + n):
        birth = dt.date(2017, 3, 1 + i % 28)
        ident = make_id(birth, 2 * i + 1)
        s = roster.save_student(
            ws.db,
            {"student_no": "G" + ident, "name": f"学生{i}", "sex": "男", "birth_date": birth,
             "grade": grade, "class": klass},
            actor="tester",
            today=TODAY,
        )  # fmt: skip
        uuids.append(s.meta.uuid)
    return uuids


def student_no(ws: Workspace, uuid: str) -> str:
    return roster.get_student(ws.db, uuid).student_no


def class_of(ws: Workspace, uuid: str) -> str:
    return roster.get_student(ws.db, uuid).class_uuid


def give_award(
    ws: Workspace,
    winners: list[str],
    level: AwardLevel = AwardLevel.COUNTY,
    *,
    authority: bool = True,
    domain: AwardDomain = AwardDomain.ARTS,
    date: dt.date = dt.date(2026, 10, 20),
    **more: object,
) -> str:
    data = AwardInput(
        event=str(more.pop("event", "孟津区中小学生艺术展演")),
        organizer="孟津区教育体育局" if authority else "洛阳某艺术培训学校",
        organizer_is_education_authority=authority,
        level=level,
        rank_text=str(more.pop("rank_text", "一等奖")),
        date=date,
        domain=domain,
        **more,  # type: ignore[arg-type]
    )
    return save_award(ws.db, data, winners=winners, actor="tester", today=TODAY).meta.uuid
