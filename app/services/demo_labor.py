"""Demo extender: a realistic term of labor records for the demo school (see ``demo.py``).

From the start of the current term to ``today``:
- every class has a weekly labor lesson (课堂, one 课时: 40 minutes in 小学, 45 in 初中), with a
  few absentees and teacher ratings for some students (a lesson in the 国庆 or 五一 holiday is
  made up after it); a few classes miss two lessons and fall below the course requirement;
- every class hands in a weekly home-labor sheet (家庭): one activity per class and week, each
  student with their own minutes. Most students are above their threshold, some hover below it,
  a few rarely hand anything in (absent);
- every third week a class does campus duty (校内), and a few school-wide volunteer activities
  (社区, 公益劳动与志愿服务) take a handful of students from grade 3 up;
- a 劳动周: the Henan week after 五一 in the second term, a school labor week in November in the
  first (when it has already happened);
- literacy evaluations for the term: about a third of the classes confirmed, a third under public
  notice, the rest drafts.
Everything is drawn from ``ctx.rng("labor")`` and written in bulk inside the demo's transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from app.labor.config import LaborConfig
from app.labor.constants import TASK_GROUP_BY_NO, Setting, band_of_grade
from app.labor.labor_week import henan_labor_week_start
from app.services.demo import DemoContext, DemoStudent, entered_at
from app.services.demo_labor_data import (
    HOME_PROJECTS,
    LEVEL_WEIGHTS,
    LIFE_SKILLS,
    PROJECTS,
    VOLUNTEER_PROJECTS,
)
from app.services.labor_totals import term_period
from db import records, repo_labor
from db.records import new_uuid, new_uuids
from db.repo_labor import ratings_json
from db.repo_labor_evaluations import json_list

_LEVELS = tuple(LEVEL_WEIGHTS)
_WEIGHTS = tuple(LEVEL_WEIGHTS.values())


@dataclass
class _Batch:
    times: random.Random  # when each day's records were typed in (demo.entered_at)
    activities: list[dict[str, Any]] = field(default_factory=list)
    participations: list[dict[str, Any]] = field(default_factory=list)
    evaluations: list[dict[str, Any]] = field(default_factory=list)
    entered: dict[str, dt.datetime] = field(default_factory=dict)  # activity uuid → when


@dataclass(frozen=True)
class _Class:
    uuid: str
    grade_code: int
    head_teacher: str
    students: tuple[DemoStudent, ...]

    @property
    def band(self) -> int:
        return band_of_grade(self.grade_code)


def add_demo_labor(ctx: DemoContext) -> None:
    rng = ctx.rng("labor")
    config = repo_labor.get_config(ctx.db)
    start, end = term_period(ctx.db, ctx.term.code, today=ctx.today)
    if end <= start:
        return
    classes = _classes(ctx)
    diligence = {s.uuid: rng.random() for c in classes for s in c.students}
    # Most classes have their lesson every week; a few miss two (exams, a teacher away).
    skipped = {
        c.uuid: set(rng.sample(range(1, 20), 2)) if rng.random() < 0.15 else set() for c in classes
    }
    batch = _Batch(ctx.rng("labor-entry-times"))
    for week_no, monday in enumerate(_mondays(start, end), start=1):
        for c in classes:
            lesson_day = _school_day(monday + dt.timedelta(days=1 + c.grade_code % 4))
            if week_no not in skipped[c.uuid] and start <= lesson_day <= end:
                _lesson(batch, ctx, rng, config, c, lesson_day)
            _home_sheet(batch, ctx, rng, config, c, monday, week_no, diligence, end)
            duty_day = monday + dt.timedelta(days=4)
            if week_no % 3 == c.grade_code % 3 and start <= duty_day <= end:
                _campus_duty(batch, ctx, rng, config, c, duty_day)
        if week_no % 4 == 2:
            _volunteering(batch, ctx, rng, classes, monday + dt.timedelta(days=5), end)
    _labor_week(batch, ctx, rng, config, classes, start, end)
    _evaluations(batch, ctx, rng, classes)
    _stamp_participations(batch)
    for table, rows in (
        ("labor_activities", batch.activities),
        ("labor_participations", batch.participations),
        ("labor_literacy_evaluations", batch.evaluations),
    ):
        records.insert_many(ctx.db, table, rows, ctx.actor, source="demo")


def _stamp_participations(batch: _Batch) -> None:
    """Each activity's participations are entered with it (one batch entry, one moment), and
    written in uuid order so the school's own indexes are appended to."""
    by_activity: dict[str, list[dict[str, Any]]] = {}
    for row in batch.participations:
        by_activity.setdefault(row["activity_uuid"], []).append(row)
    for activity, rows in by_activity.items():
        for row, uuid in zip(rows, new_uuids(len(rows), batch.entered[activity]), strict=True):
            row["uuid"] = uuid
    batch.participations.sort(key=itemgetter("uuid"))
    batch.activities.sort(key=itemgetter("uuid"))


def _classes(ctx: DemoContext) -> list[_Class]:
    members: dict[str, list[DemoStudent]] = {}
    for s in ctx.students:
        if s.status.is_on_roll:
            members.setdefault(s.class_uuid, []).append(s)
    rows = ctx.db.execute(
        "SELECT uuid, grade_code, head_teacher FROM classes WHERE school_code = ? AND deleted = 0"
        " ORDER BY grade_code, class_no",
        [ctx.school.code],
    ).fetchall()
    return [_Class(u, g, t, tuple(members[u])) for u, g, t in rows if members.get(u)]


def _mondays(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= end:
        yield monday
        monday += dt.timedelta(days=7)


def _school_day(day: dt.date) -> dt.date:
    """A lesson falling in the 国庆 or 五一 holiday is made up on the first day after it."""
    for month, last in ((10, 7), (5, 5)):
        if day.month == month and day.day <= last:
            return day.replace(day=last + 1)
    return day


def _activity(
    batch: _Batch, ctx: DemoContext, day: dt.date, group: int, project: str, setting: Setting,
    minutes: int, *, class_uuid: str | None, organiser: str, description: str = "",
) -> str:  # fmt: skip
    at = entered_at(day, batch.times)
    uuid = new_uuid(at)
    batch.entered[uuid] = at
    batch.activities.append(
        {
            "uuid": uuid,
            "school_code": ctx.school.code,
            "term": ctx.term.code,
            "date": day.isoformat(),
            "category": TASK_GROUP_BY_NO[group].category.value,
            "task_group": group,
            "project": project,
            "setting": setting.value,
            "minutes": minutes,
            "description": description,
            "class_uuid": class_uuid,
            "organiser": organiser,
        }
    )
    return uuid


def _take_part(
    batch: _Batch, activity: str, student: str, minutes: int | None, ratings: dict[str, str]
) -> None:
    batch.participations.append(
        {
            "uuid": "",  # assigned in bulk, sorted, before writing
            "activity_uuid": activity,
            "student_uuid": student,
            "status": "absent" if minutes is None else "present",
            "minutes": minutes or 0,
            "ratings": ratings_json(ratings),
            "note": "",
        }
    )


def _level(rng: random.Random) -> str:
    return rng.choices(_LEVELS, weights=_WEIGHTS)[0]


def _pick_group(rng: random.Random, config: LaborConfig, band: int, among: tuple[int, ...]) -> int:
    allowed = [g for g in among if g in config.groups_for_band(band)]
    return rng.choice(allowed or list(config.groups_for_band(band)))


def _lesson(
    batch: _Batch,
    ctx: DemoContext,
    rng: random.Random,
    config: LaborConfig,
    c: _Class,
    day: dt.date,
) -> None:
    group = _pick_group(rng, config, c.band, (1, 2, 3, 4, 5, 6, 8))
    minutes = config.period_minutes[c.band]
    activity = _activity(
        batch, ctx, day, group, rng.choice(PROJECTS[group]), Setting.CLASSROOM, minutes,
        class_uuid=c.uuid, organiser=c.head_teacher,
    )  # fmt: skip
    for s in c.students:
        rated = {"teacher": _level(rng)} if rng.random() < 0.3 else {}
        _take_part(batch, activity, s.uuid, None if rng.random() < 0.02 else minutes, rated)


def _home_sheet(
    batch: _Batch, ctx: DemoContext, rng: random.Random, config: LaborConfig, c: _Class,
    monday: dt.date, week_no: int, diligence: dict[str, float], end: dt.date,
) -> None:  # fmt: skip
    day = min(monday + dt.timedelta(days=6), end)
    group = _pick_group(rng, config, c.band, (1, 2, 3, 4))
    threshold = config.threshold_for_band(c.band)
    activity = _activity(
        batch, ctx, day, group, rng.choice(HOME_PROJECTS[group]), Setting.HOME, threshold,
        class_uuid=c.uuid, organiser=c.head_teacher, description=f"第{week_no}周家务劳动记录",
    )  # fmt: skip
    for s in c.students:
        d = diligence[s.uuid]
        if d < 0.08 and rng.random() < 0.6:
            minutes = None  # rarely hands the sheet in
        elif d < 0.25:
            minutes = threshold - rng.randrange(10, 70, 5)  # usually a little short
        else:
            minutes = threshold + rng.randrange(0, 100, 10)
        rated = {"self": _level(rng), "parent": _level(rng)} if rng.random() < 0.2 else {}
        _take_part(batch, activity, s.uuid, minutes, rated)


def _campus_duty(
    batch: _Batch,
    ctx: DemoContext,
    rng: random.Random,
    config: LaborConfig,
    c: _Class,
    day: dt.date,
) -> None:
    group = _pick_group(rng, config, c.band, (1, 2, 5))
    activity = _activity(
        batch, ctx, day, group, rng.choice(PROJECTS[group]), Setting.ON_CAMPUS, 30,
        class_uuid=c.uuid, organiser=c.head_teacher,
    )  # fmt: skip
    for s in c.students:
        _take_part(batch, activity, s.uuid, 30, {})


def _volunteering(
    batch: _Batch, ctx: DemoContext, rng: random.Random, classes: list[_Class], day: dt.date,
    end: dt.date,
) -> None:  # fmt: skip
    if day > end:
        return
    pool = [s for c in classes if c.grade_code >= 13 for s in c.students]
    if not pool:
        return
    minutes = rng.choice((60, 90, 120))
    activity = _activity(
        batch, ctx, day, 10, rng.choice(VOLUNTEER_PROJECTS), Setting.COMMUNITY, minutes,
        class_uuid=None, organiser="校团委", description="学校组织的志愿服务",
    )  # fmt: skip
    for s in rng.sample(pool, min(len(pool), rng.randrange(15, 40))):
        _take_part(batch, activity, s.uuid, minutes, {"teacher": _level(rng)})


def _labor_week(
    batch: _Batch, ctx: DemoContext, rng: random.Random, config: LaborConfig,
    classes: list[_Class], start: dt.date, end: dt.date,
) -> None:  # fmt: skip
    if ctx.term.semester == 2:
        monday = henan_labor_week_start(start.year)
    else:  # a school labor week: the second full week of November
        first = dt.date(start.year, 11, 1)
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7)
    if monday + dt.timedelta(days=4) > end or monday < start:
        return
    for c in classes:
        for offset in range(5):
            group = _pick_group(rng, config, c.band, (3, 5, 6, 7, 9))
            activity = _activity(
                batch, ctx, monday + dt.timedelta(days=offset), group, rng.choice(PROJECTS[group]),
                Setting.LABOR_WEEK, 90, class_uuid=c.uuid, organiser=c.head_teacher,
                description="劳动周集体劳动",
            )  # fmt: skip
            for s in c.students:
                _take_part(batch, activity, s.uuid, None if rng.random() < 0.01 else 90, {})


def _evaluations(
    batch: _Batch, ctx: DemoContext, rng: random.Random, classes: list[_Class]
) -> None:
    for i, c in enumerate(classes):
        state = ("confirmed", "publicized", "draft")[i % 3]
        for s in c.students:
            levels = [_level(rng) for _ in range(5)]
            if state == "draft" and rng.random() < 0.5:
                levels = [""] * 5  # not rated yet
            skills = rng.sample(LIFE_SKILLS, rng.choice((0, 1, 1, 2))) if c.grade_code < 20 else []
            batch.evaluations.append(_evaluation(ctx, s, state, levels, skills))


def _evaluation(
    ctx: DemoContext, s: DemoStudent, state: str, levels: list[str], skills: list[str]
) -> dict[str, Any]:
    notice = {
        "confirmed": (ctx.today - dt.timedelta(days=20), ctx.today - dt.timedelta(days=14)),
        "publicized": (ctx.today - dt.timedelta(days=2), ctx.today + dt.timedelta(days=4)),
    }.get(state)
    confirmed = ctx.today - dt.timedelta(days=10)
    return {
        "uuid": new_uuid(),
        "student_uuid": s.uuid,
        "term": ctx.term.code,
        "concept": levels[0],
        "ability": levels[1],
        "habits": levels[2],
        "spirit": levels[3],
        "overall": levels[4],
        "comment": "劳动态度积极，能主动承担家务。" if levels[4] in ("优秀", "良好") else "",
        "life_skills": json_list(skills),
        "status": state,
        "publicity_from": notice[0].isoformat() if notice else None,
        "publicity_to": notice[1].isoformat() if notice else None,
        "reviewer": "教务处" if state == "confirmed" else "",
        "confirmed_at": f"{confirmed.isoformat()}T02:00:00.000000Z"
        if state == "confirmed"
        else None,
    }
