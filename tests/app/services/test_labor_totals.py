"""Per-student totals and the threshold report, with the weekly checks at their boundaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.errors import UserError
from app.labor.constants import Category, ParticipationStatus, Setting
from app.labor.models import ParticipantEntry, StudentLaborTotal
from app.models import StudentStatus
from app.services import labor_records as lr
from app.services import roster
from app.services.workspace import Workspace
from tests.app.services.labor_helpers import LaborSchool, draft, everyone, make_labor_school
from tests.conftest import TODAY

MONDAY = dt.date(2026, 11, 2)
SUNDAY = dt.date(2026, 11, 8)


@pytest.fixture
def school(school_ws: Workspace) -> LaborSchool:
    return make_labor_school(school_ws)


def log(school: LaborSchool, minutes: dict[str, int], **kwargs: object) -> str:
    """One activity (home labor by default) with each student's own minutes."""
    entries = [ParticipantEntry(s, minutes=m) for s, m in minutes.items()]
    return lr.record_activity(school.ws.db, draft(**kwargs), entries, actor="t", today=TODAY)  # type: ignore[arg-type]


def totals(
    school: LaborSchool, start: dt.date = MONDAY, end: dt.date = SUNDAY, **kw: object
) -> dict[str, StudentLaborTotal]:
    return {
        t.student_uuid: t
        for t in lr.student_hours(school.ws.db, date_from=start, date_to=end, **kw)  # type: ignore[arg-type]
    }


def test_minutes_by_category_task_group_and_setting(school: LaborSchool) -> None:
    a = school.grade_1[0]
    log(school, {a: 60}, group=2)
    log(school, {a: 30}, group=3, project="择菜")
    log(school, {a: 40}, group=5, setting=Setting.CLASSROOM, project="种植")
    log(school, {a: 20}, group=10, setting=Setting.COMMUNITY, project="捡垃圾")
    log(school, {a: 90}, group=6, setting=Setting.BASE, project="剪纸")
    absent = [ParticipantEntry(a, status=ParticipationStatus.ABSENT)]
    lr.record_activity(school.ws.db, draft(project="缺席"), absent, actor="t", today=TODAY)
    log(school, {a: 500}, day=MONDAY - dt.timedelta(days=1), project="上周")  # outside the period

    t = totals(school)[a]
    assert t.by_category == {Category.DAILY: 90, Category.PRODUCTION: 130, Category.SERVICE: 20}
    assert t.by_task_group == {2: 60, 3: 30, 5: 40, 6: 90, 10: 20}
    assert (t.total_minutes, t.out_of_class_minutes, t.course_minutes, t.activities) == (
        240,
        110,
        40,
        5,
    )
    assert (t.band, t.threshold, t.weeks, t.weekly_out_of_class) == (1, 120, 1.0, 110.0)
    assert not t.meets_threshold and t.class_name == "一年级(1)班"


def test_every_on_roll_student_is_listed_even_without_records(school: LaborSchool) -> None:
    listed = totals(school)
    assert set(listed) == set(school.everyone)
    assert {t.total_minutes for t in listed.values()} == {0}
    assert set(totals(school, class_uuid=school.class_7)) == set(school.grade_7)


@pytest.mark.parametrize(
    ("grade", "minutes", "meets"),
    [
        (1, 120, True),
        (1, 119, False),
        (3, 180, True),
        (3, 179, False),
        (7, 180, True),
        (7, 179, False),
    ],
)
def test_the_weekly_threshold_at_its_boundary(
    school: LaborSchool, grade: int, minutes: int, meets: bool
) -> None:
    student = {1: school.grade_1, 3: school.grade_3, 7: school.grade_7}[grade][0]
    log(school, {student: minutes - 30}, group=4)
    log(school, {student: 30}, group=10, setting=Setting.ON_CAMPUS, project="值日")

    assert totals(school)[student].meets_threshold is meets
    report = lr.below_threshold(school.ws.db, date_from=MONDAY, date_to=SUNDAY)
    assert (student in {t.student_uuid for t in report.students_below}) is not meets


def test_a_partial_week_counts_pro_rata(school: LaborSchool) -> None:
    a, b = school.grade_1[:2]
    log(school, {a: 172, b: 171})  # 10 days: 120 × 10 / 7 = 171.4 minutes needed
    end = MONDAY + dt.timedelta(days=9)
    found = totals(school, MONDAY, end)
    assert found[a].meets_threshold and not found[b].meets_threshold
    assert found[a].weeks == pytest.approx(10 / 7)


def test_labor_course_and_labor_week_do_not_count_as_out_of_class(school: LaborSchool) -> None:
    a = school.grade_1[0]
    log(school, {a: 100}, setting=Setting.CLASSROOM)
    log(school, {a: 100}, setting=Setting.LABOR_WEEK, group=5, project="种菜")
    assert totals(school)[a].out_of_class_minutes == 0


def test_the_out_of_class_settings_are_configuration(school: LaborSchool) -> None:
    a = school.grade_1[0]
    log(school, {a: 120}, setting=Setting.BASE, group=5, project="基地劳动")
    config = lr.labor_config(school.ws.db)
    lr.save_labor_config(
        school.ws.db,
        replace(config, out_of_class_settings=(*config.out_of_class_settings, Setting.BASE)),
    )
    assert totals(school)[a].meets_threshold


def test_classes_below_by_average_and_by_labor_course(school: LaborSchool) -> None:
    db = school.ws.db
    g3 = school.grade_3
    log(school, {g3[0]: 300, g3[1]: 200, g3[2]: 100})  # average 200 ≥ 180, one student below
    log(school, dict.fromkeys(school.grade_7, 100), group=4)  # average 100 < 180
    lesson = draft(setting=Setting.CLASSROOM, minutes=40, project="劳动课")
    lr.record_activity(
        db, replace(lesson, class_uuid=school.class_3), everyone(g3), actor="t", today=TODAY
    )
    lr.record_activity(
        db,
        replace(lesson, class_uuid=school.class_7),
        everyone(school.grade_7),
        actor="t",
        today=TODAY,
    )

    report = lr.below_threshold(db, date_from=MONDAY, date_to=SUNDAY)

    by = {c.class_uuid: c for c in report.classes}
    c1, c3, c7 = by[school.class_1], by[school.class_3], by[school.class_7]
    assert (c3.students, c3.below, c3.average_weekly_out_of_class) == (3, 1, 200.0)
    assert not c3.below_threshold and c3.course_ok and c3.course_periods == 1.0
    # 七年级: a 课时 is 45 minutes, so one 40-minute lesson is not a whole 课时.
    assert c7.below_threshold and not c7.course_ok and c7.course_required_minutes == 45
    assert c1.below_threshold and c1.course_minutes == 0 and not c1.course_ok
    assert {c.class_uuid for c in report.classes_below} == {school.class_1, school.class_7}
    assert {t.student_uuid for t in report.students_below} == {
        g3[2],
        *school.grade_1,
        *school.grade_7,
    }
    only_3 = lr.below_threshold(db, date_from=MONDAY, date_to=SUNDAY, class_uuid=school.class_3)
    assert [c.class_uuid for c in only_3.classes] == [school.class_3]


def test_a_class_lesson_counts_once_for_the_class(school: LaborSchool) -> None:
    lesson = draft(
        setting=Setting.CLASSROOM, minutes=40, project="劳动课", class_uuid=school.class_3
    )
    lr.record_activity(school.ws.db, lesson, everyone(school.grade_3), actor="t", today=TODAY)
    report = lr.below_threshold(
        school.ws.db, date_from=MONDAY, date_to=MONDAY + dt.timedelta(days=13)
    )
    c3 = next(c for c in report.classes if c.class_uuid == school.class_3)
    assert (c3.course_minutes, c3.course_required_minutes, c3.course_ok) == (40, 80, False)


def test_the_labor_week_of_the_school_year(school: LaborSchool) -> None:
    week = draft(setting=Setting.LABOR_WEEK, group=5, project="种植", day=dt.date(2026, 5, 5))
    lr.record_activity(school.ws.db, week, everyone(school.grade_3), actor="t", today=TODAY)

    spring = lr.below_threshold(
        school.ws.db, date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 6, 30)
    )
    (status,) = spring.labor_weeks
    assert (status.school_year, status.held, status.activities) == ("2025-2026", True, 1)
    assert (status.expected_start, status.expected_end) == (
        dt.date(2026, 5, 4),
        dt.date(2026, 5, 10),
    )
    assert status.first_date == status.last_date == dt.date(2026, 5, 5)
    held = {c.class_uuid: c.labor_week_held for c in spring.classes}
    assert held == {school.class_1: False, school.class_3: True, school.class_7: False}

    autumn = lr.below_threshold(school.ws.db, date_from=dt.date(2026, 9, 1), date_to=TODAY)
    assert [(s.school_year, s.held) for s in autumn.labor_weeks] == [("2026-2027", False)]
    both = lr.below_threshold(school.ws.db, date_from=dt.date(2026, 5, 1), date_to=TODAY)
    assert [(s.school_year, s.held) for s in both.labor_weeks] == [
        ("2025-2026", True),
        ("2026-2027", False),
    ]


def test_an_off_roll_student_keeps_their_minutes_but_is_not_below(school: LaborSchool) -> None:
    leaver = school.grade_1[0]
    log(school, {leaver: 10})
    roster.change_status(
        school.ws.db, leaver, StudentStatus.TRANSFERRED_OUT, date=TODAY, note="", actor="t"
    )
    found = totals(school)
    assert not found[leaver].on_roll and found[leaver].total_minutes == 10
    report = lr.below_threshold(school.ws.db, date_from=MONDAY, date_to=SUNDAY)
    assert leaver not in {t.student_uuid for t in report.students_below}
    assert next(c for c in report.classes if c.class_uuid == school.class_1).students == 2


def test_the_term_filter_and_an_inverted_period(school: LaborSchool) -> None:
    a = school.grade_1[0]
    log(school, {a: 50})
    assert totals(school, term="2026-2027-1")[a].total_minutes == 50
    assert totals(school, term="2026-2027-2")[a].total_minutes == 0
    with pytest.raises(UserError):
        lr.student_hours(school.ws.db, date_from=SUNDAY, date_to=MONDAY)


def test_the_term_period_stops_at_today_and_follows_the_configuration(school: LaborSchool) -> None:
    db = school.ws.db
    assert lr.term_period(db, "2026-2027-1", today=TODAY) == (dt.date(2026, 9, 1), TODAY)
    assert lr.term_period(db, "2025-2026-2", today=TODAY) == (
        dt.date(2026, 2, 1),
        dt.date(2026, 7, 31),
    )
    config = replace(lr.labor_config(db), term_dates={"2025-2026-2": ("2026-02-24", "2026-07-03")})
    lr.save_labor_config(db, config)
    assert lr.term_period(db, "2025-2026-2", today=TODAY) == (
        dt.date(2026, 2, 24),
        dt.date(2026, 7, 3),
    )
    assert lr.term_period(db, "2027-2028-1", today=TODAY) == (
        dt.date(2027, 9, 1),
        dt.date(2027, 9, 1),
    )
