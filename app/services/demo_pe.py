"""Demo 体育过程评价 (an extender of ``app.services.demo``; runs after the arts demo).

For the current term, a process record for every student on roll: PE-class attendance mostly 90 %
and above with a few long absences, 大课间 participation a little lower, weekly out-of-school
exercise around four to five hours with a long tail either way (most confirmed by a parent), the
sports club (the arts demo's 足球社 members, plus a few school teams), a 专项运动技能 for four
students in five on the default scale, 体育作业 completion and, for a few, a skill still to be
assessed (so the page shows an incomplete process score). The arts demo already records sports
awards over the 学年; a 校运动会 within the current term adds individual results, so the process
scores have awards to count whatever the date. Everything comes from ``ctx.rng("pe")``, in bulk.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from typing import Any, Final

from app.pe.config import DEFAULT_SKILL_LEVELS
from app.services.demo import DemoContext, DemoStudent
from app.services.pe_process import term_range
from db.records import insert_many

_PRIMARY_SKILLS: Final = ("跳绳", "踢毽子", "篮球", "足球", "乒乓球", "武术", "羽毛球")
_JUNIOR_SKILLS: Final = ("篮球", "足球", "排球", "乒乓球", "羽毛球", "田径", "武术")
_TEAMS: Final = ("校篮球队", "校田径队", "跳绳队", "乒乓球兴趣小组")
_SKILL_WEIGHTS: Final = (20, 40, 32, 8)  # 优秀, 良好, 合格, 待提高
_MEET_EVENTS: Final = ("100米", "200米", "跳远", "跳高", "一分钟跳绳", "400米")
_PLACES: Final = ("第一名", "第二名", "第三名")
SKILL_SHARE: Final = 0.8
UNASSESSED_SHARE: Final = 0.02
TEAM_SHARE: Final = 0.06


def add_pe_records(ctx: DemoContext) -> None:
    rng = ctx.rng("pe")
    roll = [s for s in ctx.students if s.status.is_on_roll]
    if not roll:
        return
    clubs = _sport_club_members(ctx)
    rows = [_record(rng, s, ctx.term.code, clubs.get(s.uuid)) for s in roll]
    insert_many(ctx.db, "pe_process_records", rows, ctx.actor, source="demo")
    _sports_meet(ctx, rng, roll)


def _sport_club_members(ctx: DemoContext) -> dict[str, str]:
    """student uuid → the name of a sports club of the school year the student belongs to."""
    return {
        r[0]: r[1]
        for r in ctx.db.execute(
            "SELECT m.student_uuid, p.name FROM programme_members m"
            " JOIN school_programmes p ON p.uuid = m.programme_uuid"
            " WHERE p.school_code = ? AND p.field = 'sport' AND m.school_year = ?"
            " AND m.deleted = 0 AND p.deleted = 0",
            [ctx.school.code, ctx.term.school_year],
        )
    }


def _pct(rng: random.Random, mean: float, sd: float, *, low: int = 0) -> int:
    return max(low, min(100, round(rng.gauss(mean, sd))))


def _record(rng: random.Random, s: DemoStudent, term: str, club: str | None) -> dict[str, Any]:
    # A few long absences (illness), otherwise nearly full attendance.
    attendance = _pct(rng, 72, 8) if rng.random() < 0.03 else _pct(rng, 96, 3)
    minutes = 10 * round(math.exp(rng.gauss(math.log(280), 0.45)) / 10)
    if club is None and rng.random() < TEAM_SHARE:
        club = rng.choice(_TEAMS)
    skill_item = skill_level = ""
    if not s.pe_exempt and rng.random() < SKILL_SHARE:
        skills = _PRIMARY_SKILLS if s.grade_code < 20 else _JUNIOR_SKILLS
        skill_item = "足球" if club == "足球社" else rng.choice(skills)
        if rng.random() >= UNASSESSED_SHARE:
            names = [n for n, _ in DEFAULT_SKILL_LEVELS]
            skill_level = rng.choices(names, weights=_SKILL_WEIGHTS)[0]
    return {
        "student_uuid": s.uuid,
        "term": term,
        "pe_attendance_pct": attendance,
        "recess_exercise_pct": _pct(rng, 93, 6),
        "after_school_minutes_per_week": max(0, min(1200, minutes)),
        "after_school_parent_confirmed": int(rng.random() < 0.85),
        "sports_club": club,
        "skill_item": skill_item,
        "skill_level": skill_level,
        "homework_completion_pct": _pct(rng, 88, 10),
        "notes": "体育免修，参加理论课与力所能及的活动" if s.pe_exempt else "",
    }


def _sports_meet(ctx: DemoContext, rng: random.Random, roll: Sequence[DemoStudent]) -> None:
    """A 校运动会 in the current term (before today): first to third place in a few events."""
    start, end = term_range(ctx.term.code)
    last = max(start, min(end, ctx.today))
    day = start + dt.timedelta(days=rng.randrange((last - start).days + 1))
    season = "秋季" if ctx.term.semester == 1 else "春季"
    able = [s for s in roll if not s.pe_exempt and s.grade_code >= 13] or [
        s for s in roll if not s.pe_exempt
    ]
    if not able:
        return
    awards, winners = [], []
    for n, (event, place) in enumerate((e, p) for e in _MEET_EVENTS for p in _PLACES):
        awards.append(
            {"school_code": ctx.school.code, "domain": "sports",
             "event": f"{ctx.school.name}{season}田径运动会", "category": event,
             "organizer": ctx.school.name, "organizer_is_education_authority": 1,
             "level": "school", "rank": ("first", "second", "third")[_PLACES.index(place)],
             "rank_text": place, "date": day.isoformat(),
             "certificate_no": f"YD{ctx.school.code[-4:]}-{n + 1:03d}", "on_moe_whitelist": None,
             "adviser": "", "team_name": "", "note": ""}
        )  # fmt: skip
        winners.append(rng.choice(able))
    uuids = insert_many(ctx.db, "awards", awards, ctx.actor, source="demo")
    rows = [{"award_uuid": u, "student_uuid": s.uuid} for u, s in zip(uuids, winners, strict=True)]
    insert_many(ctx.db, "award_winners", rows, ctx.actor, source="demo")
