"""Arts records of the demo school (an extender of ``app.services.demo``).

For the current term and 学年: music and fine-art course records for every student on the roll;
art clubs and an interest group (plus a sports club) with members, their term activities, an
艺术节 and a 展演; specialties for about 10% of the students over the three routes; awards at every
level (a few sports awards, a team award, two from organisers that are not education authorities,
and a 国家级 contest that is not on the MOE list); a 一校一品 programme; an assessment for every
student (development points from the same rule the app suggests, most confirmed by the teacher);
and the 学年's self-evaluation. Everything is drawn from ``ctx.rng("arts")`` and written in bulk.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from app.arts.config import SUB_SCORES
from app.arts.constants import (
    SPECIALTY_CATEGORIES,
    AwardLevel,
    ProgrammeField,
    ProgrammeKind,
    SpecialtyGroup,
    SpecialtyRoute,
    parse_rank,
    specialty_group_of,
)
from app.arts.scoring import suggest_points, total_and_band
from app.models import Sex
from app.services.arts_settings import load_arts_config
from app.services.demo import DemoContext, DemoStudent
from app.services.demo_arts_data import (
    CLUBS,
    PROJECT_SPECIALTY,
    award_events,
    self_evaluation_sections,
)
from app.services.demo_people import DemoPeople
from app.services.school_arts import prefill_self_evaluation, save_self_evaluation
from db import repo_arts, repo_awards
from db.records import insert_many
from db.repo_school_arts import list_programmes

SPECIALTY_SHARE = 0.10
CONFIRMED_SHARE = 0.9  # of assessments whose development points the teacher has confirmed


def add_arts_records(ctx: DemoContext) -> None:
    rng = ctx.rng("arts")
    people = DemoPeople(rng)
    roll = [s for s in ctx.students if s.status.is_on_roll]
    if not roll:
        return
    year = ctx.term.school_year
    teachers = [people.name(rng.choice((Sex.MALE, Sex.FEMALE))) for _ in range(8)]
    _course_records(ctx, rng, roll, teachers)
    members = _programmes(ctx, rng, roll, teachers)
    _activities(ctx, rng, roll, members)
    _specialties(ctx, rng, roll, members)
    _awards(ctx, rng, roll, teachers)
    _assessments(ctx, rng, roll, members)
    prefill = prefill_self_evaluation(ctx.db, year)
    sections = self_evaluation_sections(rng, len(roll), prefill)
    save_self_evaluation(ctx.db, year, sections, actor=ctx.actor)


def _term_days(ctx: DemoContext) -> tuple[dt.date, dt.date]:
    """The demo's dates: from the start of the term to today (or the term's end)."""
    start_year = int(ctx.term.school_year[:4])
    first = dt.date(start_year, 9, 1) if ctx.term.semester == 1 else dt.date(start_year + 1, 2, 20)
    last = (
        dt.date(start_year + 1, 1, 20) if ctx.term.semester == 1 else dt.date(start_year + 1, 7, 5)
    )
    return first, max(first, min(last, ctx.today))


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _course_records(
    ctx: DemoContext, rng: random.Random, roll: Sequence[DemoStudent], teachers: list[str]
) -> None:
    rows = []
    for subject, teacher in (("music", teachers[0]), ("fine_art", teachers[1])):
        for s in roll:
            total = 8
            diligence = rng.random()
            rows.append(
                {
                    "student_uuid": s.uuid,
                    "term": ctx.term.code,
                    "subject": subject,
                    "attendance_pct": rng.choice((100, 100, 100, 98, 95, 95, 90, 85)),
                    "participation": "excellent" if diligence > 0.7 else "good" if diligence > 0.25
                    else "pass" if diligence > 0.05 else "poor",
                    "tasks_completed": total - (0 if diligence > 0.5 else rng.randint(1, 3)),
                    "tasks_total": total,
                    "teacher": teacher,
                    "note": "",
                }
            )  # fmt: skip
    insert_many(ctx.db, "arts_course_records", rows, ctx.actor, source="demo")


def _programmes(
    ctx: DemoContext, rng: random.Random, roll: Sequence[DemoStudent], teachers: list[str]
) -> dict[str, list[DemoStudent]]:
    """Clubs, an interest group, a sports club and the 一校一品 programme; name → members."""
    rows = [
        {"school_code": ctx.school.code, "kind": kind.value, "field": field.value, "name": name,
         "project": project, "description": "", "adviser": teachers[2 + i % 6]}
        for i, (kind, field, name, project) in enumerate(CLUBS)
    ]  # fmt: skip
    insert_many(ctx.db, "school_programmes", rows, ctx.actor, source="demo")
    older = [s for s in roll if s.grade_code >= 13] or list(roll)
    members: dict[str, list[DemoStudent]] = {}
    member_rows = []
    for p in list_programmes(ctx.db, ctx.school.code, ctx.term.school_year):
        size = min(len(older), 60 if p.kind is ProgrammeKind.SIGNATURE else rng.randint(18, 36))
        chosen = rng.sample(older, size)
        members[p.name] = chosen
        member_rows += [
            {"programme_uuid": p.meta.uuid, "student_uuid": s.uuid,
             "school_year": ctx.term.school_year, "role": ""}
            for s in chosen
        ]  # fmt: skip
    insert_many(ctx.db, "programme_members", member_rows, ctx.actor, source="demo")
    return members


def _activities(
    ctx: DemoContext,
    rng: random.Random,
    roll: Sequence[DemoStudent],
    members: dict[str, list[DemoStudent]],
) -> None:
    first, last = _term_days(ctx)
    programmes = list_programmes(ctx.db, ctx.school.code, ctx.term.school_year)
    acts: list[tuple[dict[str, Any], Sequence[DemoStudent]]] = []
    for p in programmes:
        if p.field is not ProgrammeField.ART or p.kind is ProgrammeKind.SIGNATURE:
            continue
        kind = "club" if p.kind is ProgrammeKind.CLUB else "interest_group"
        acts.append(
            (_activity(ctx, kind, f"{p.name}本学期活动", None, p.meta.uuid), members[p.name])
        )
    number = int(ctx.term.school_year[:4]) - 2010
    festival = _activity(ctx, "festival", f"第{number}届校园艺术节", _day(rng, first, last), None)
    acts.append((festival, rng.sample(list(roll), round(len(roll) * 0.35))))
    show = _activity(ctx, "performance", "庆祝教师节文艺展演", _day(rng, first, last), None)
    acts.append((show, rng.sample(list(roll), max(1, round(len(roll) * 0.08)))))
    uuids = insert_many(ctx.db, "arts_activities", [a for a, _ in acts], ctx.actor, source="demo")
    rows = [
        {"activity_uuid": u, "student_uuid": s.uuid, "role": ""}
        for u, (_, people) in zip(uuids, acts, strict=True)
        for s in people
    ]
    insert_many(ctx.db, "arts_activity_participants", rows, ctx.actor, source="demo")


def _activity(
    ctx: DemoContext, kind: str, name: str, date: dt.date | None, programme: str | None
) -> dict[str, Any]:
    return {
        "school_code": ctx.school.code, "term": ctx.term.code, "kind": kind, "name": name,
        "date": date.isoformat() if date else None, "class_uuid": None,
        "programme_uuid": programme, "description": "",
    }  # fmt: skip


def _specialties(
    ctx: DemoContext,
    rng: random.Random,
    roll: Sequence[DemoStudent],
    members: dict[str, list[DemoStudent]],
) -> None:
    rows = []
    club_of = {s.uuid: name for name, people in members.items() for s in people}
    for s in rng.sample(list(roll), round(len(roll) * SPECIALTY_SHARE)):
        club = club_of.get(s.uuid)
        if club in PROJECT_SPECIALTY and rng.random() < 0.6:
            category, route = PROJECT_SPECIALTY[club], SpecialtyRoute.CLUB
        else:
            group = rng.choice(list(SpecialtyGroup))
            category = rng.choice(SPECIALTY_CATEGORIES[group])
            route = rng.choice((SpecialtyRoute.IN_SCHOOL_SPECIALIST, SpecialtyRoute.OUTSIDE))
        group_of = specialty_group_of(category)
        assert group_of is not None
        rows.append(
            {"student_uuid": s.uuid, "school_year": ctx.term.school_year,
             "category_group": group_of.value, "category": category,
             "sub_type": "民族管弦乐器" if category == "器乐" else "",
             "level_description": rng.choice(("基础", "良好", "较高水平")),
             "route": route.value, "note": ""}
        )  # fmt: skip
    insert_many(ctx.db, "arts_specialties", rows, ctx.actor, source="demo")


def _awards(
    ctx: DemoContext, rng: random.Random, roll: Sequence[DemoStudent], teachers: list[str]
) -> None:
    first = dt.date(int(ctx.term.school_year[:4]), 9, 1)
    last = max(first, ctx.today)
    older = [s for s in roll if s.grade_code >= 13] or list(roll)
    awards, winners = [], []
    for n, event in enumerate(award_events(rng, ctx.school.name, len(roll))):
        count = event.pop("winners")
        level = AwardLevel(event["level"])
        awards.append(
            {**event, "school_code": ctx.school.code, "rank": parse_rank(event["rank_text"]).value,
             "date": _day(rng, first, last).isoformat(),
             "certificate_no": f"{ctx.school.code[-4:]}-{n + 1:04d}",
             "on_moe_whitelist": event.get("on_moe_whitelist") if level is AwardLevel.NATIONAL else None,
             "adviser": rng.choice(teachers)}
        )  # fmt: skip
        winners.append(rng.sample(older, min(count, len(older))))
    uuids = insert_many(ctx.db, "awards", awards, ctx.actor, source="demo")
    rows = [
        {"award_uuid": u, "student_uuid": s.uuid}
        for u, people in zip(uuids, winners, strict=True)
        for s in people
    ]
    insert_many(ctx.db, "award_winners", rows, ctx.actor, source="demo")


def _assessments(
    ctx: DemoContext,
    rng: random.Random,
    roll: Sequence[DemoStudent],
    members: dict[str, list[DemoStudent]],
) -> None:
    cfg = load_arts_config(ctx.db)
    year = ctx.term.school_year
    specialties: dict[str, list[Any]] = {}
    for sp in repo_arts.list_specialties(ctx.db, school_year=year, school_code=ctx.school.code):
        specialties.setdefault(sp.student_uuid, []).append(sp)
    awards: dict[str, list[Any]] = {}
    for a in repo_awards.list_awards(ctx.db, ctx.school.code):
        if a.domain.value == "arts":
            for w in a.winners:
                awards.setdefault(w, []).append(a)
    active = {s.uuid for people in members.values() for s in people}
    rows = []
    for s in roll:
        t = rng.gauss(0, 1)  # one aptitude per student, so the sub-scores agree with each other

        def part(mean: float, spread: float, limit: int, t: float = t) -> int:
            return max(0, min(limit, round(mean + spread * t + rng.gauss(0, spread / 2))))

        hint = suggest_points(
            cfg, s.uuid, year, specialties.get(s.uuid, []), awards.get(s.uuid, [])
        )
        scores = {
            "course_learning": part(17.5, 1.5, 20),
            "extracurricular": part(17.5 if s.uuid in active else 15, 2, 20),
            "basic_knowledge": part(16.5, 2, 20),
            "basic_skills": part(24.5, 3, 30),
            "outside_learning": max(hint.outside_learning, part(6, 1.5, 10)),
            "art_specialty": hint.art_specialty,
        }
        total, band = total_and_band(cfg, scores)
        rows.append(
            {"student_uuid": s.uuid, "school_year": year, **{k: scores[k] for k in SUB_SCORES},
             "total": total, "band": band,
             "development_points_confirmed": int(rng.random() < CONFIRMED_SHARE),
             "teacher": "", "comment": ""}
        )  # fmt: skip
    insert_many(ctx.db, "arts_assessments", rows, ctx.actor, source="demo")
