"""Per-student labor totals and the threshold report.

How a period is measured (the same for students and classes):
- The period is ``date_from`` … ``date_to``, both included. Its length in weeks is
  ``days / 7``: calendar weeks, a partial week pro rata (10 days = 10/7 weeks). Holidays are not
  removed; the clerk chooses the period (``term_period`` proposes the term up to today).
- Out-of-class and home labor = minutes of present participations in activities whose setting
  is in ``LaborConfig.out_of_class_settings`` (default 校内, 家庭, 社区; 劳动基地 and 劳动周 count
  in neither). A student meets the threshold when
  ``minutes × 7 ≥ threshold_per_week × days`` — exact integer arithmetic, so 120 minutes in a
  7-day period meets the 第一学段's 120 and 119 does not.
- The threshold is that of the student's current grade (学段 1: 120 min/week; others 180 by
  default). A report on a past school year after promotion uses the new grade.
- Labor course (课堂 by default): per class, the minutes of the distinct lessons that at least one
  present student of the class attended; the class meets "≥ N 课时/week" when
  ``minutes ≥ N × period_minutes × whole weeks`` (a 课时 is 40 minutes in 小学, 45 in 初中). Whole
  weeks (``days // 7``), not pro rata: a lesson happens once a week, so a partial week may or
  may not contain the lesson day.
- A class is "below" when its students' average out-of-class minutes per week is under its
  threshold, or the labor course check fails. Students listed below are on-roll students
  (在籍, 转入) only; totals also list off-roll students who have minutes in the period.
- 劳动周: for each school year the period touches, whether any 劳动周 activity took place in that
  school year (September–August), against the expected week (``app.labor.labor_week``).
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import Category, Setting, band_of_grade
from app.labor.labor_week import labor_week, school_year_bounds, school_year_of
from app.labor.models import (
    ClassLaborSummary,
    LaborWeekStatus,
    StudentLaborTotal,
    ThresholdReport,
)
from app.services.workspace import require_school
from app.terms import parse_term
from db import repo_labor, repo_labor_totals
from db.repo_labor_totals import ON_ROLL_STATUSES, StudentMinutes


def term_period(
    db: Database, term: str, *, today: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The report period of a term: configured dates, else 1 Sep–31 Jan / 1 Feb–31 Jul; never
    past ``today`` (weeks still to come would lower every average)."""
    parsed = parse_term(term)
    configured = repo_labor.get_config(db).term_dates.get(parsed.code)
    if configured:
        start, end = (dt.date.fromisoformat(d) for d in configured)
    else:
        year = int(parsed.school_year[:4])
        if parsed.semester == 1:
            start, end = dt.date(year, 9, 1), dt.date(year + 1, 1, 31)
        else:
            start, end = dt.date(year + 1, 2, 1), dt.date(year + 1, 7, 31)
    today = today or dt.date.today()
    return start, max(start, min(end, today))


_NOTHING = StudentMinutes("", {}, {}, 0, 0, 0, 0)


def _days(date_from: dt.date, date_to: dt.date) -> int:
    if date_to < date_from:
        raise UserError(
            tr("The period ends before it starts."), tr("Choose an end date after the start date.")
        )
    return (date_to - date_from).days + 1


def student_hours(
    db: Database,
    *,
    date_from: dt.date,
    date_to: dt.date,
    term: str | None = None,
    class_uuid: str | None = None,
) -> list[StudentLaborTotal]:
    """Every on-roll student (of the class, if given), and anyone else with minutes in the
    period: minutes by category and task group and the weekly out-of-class check."""
    school = require_school(db)
    config = repo_labor.get_config(db)
    days = _days(date_from, date_to)
    found = repo_labor_totals.minutes_by_student(
        db,
        school.code,
        date_from=date_from,
        date_to=date_to,
        out_of_class=[s.value for s in config.out_of_class_settings],
        course=[s.value for s in config.course_settings],
        term=term,
        class_uuid=class_uuid,
    )
    minutes = {m.student_uuid: m for m in found}
    totals = []
    for uuid, number, name, c_uuid, c_name, grade, status in repo_labor_totals.report_students(
        db, school.code, class_uuid
    ):
        on_roll = status in ON_ROLL_STATUSES
        m = minutes.get(uuid)
        if m is None and not on_roll:
            continue
        m = m or _NOTHING
        band = band_of_grade(grade)
        threshold = config.threshold_for_band(band)
        totals.append(
            StudentLaborTotal(
                student_uuid=uuid,
                student_no=number,
                name=name,
                class_uuid=c_uuid,
                class_name=c_name,
                grade_code=grade,
                band=band,
                on_roll=on_roll,
                total_minutes=m.total,
                by_category={Category(c): v for c, v in m.by_category.items()},
                by_task_group=dict(m.by_task_group),
                out_of_class_minutes=m.out_of_class,
                course_minutes=m.course,
                activities=m.activities,
                weeks=days / 7,
                weekly_out_of_class=m.out_of_class * 7 / days,
                threshold=threshold,
                meets_threshold=m.out_of_class * 7 >= threshold * days,
            )
        )
    return totals


def below_threshold(
    db: Database,
    *,
    date_from: dt.date,
    date_to: dt.date,
    class_uuid: str | None = None,
    term: str | None = None,
) -> ThresholdReport:
    """Students and classes below the out-of-class threshold, the labor course check per class
    and the 劳动周 of each school year the period touches (rules in the module docstring)."""
    school = require_school(db)
    config = repo_labor.get_config(db)
    days = _days(date_from, date_to)
    totals = student_hours(
        db, date_from=date_from, date_to=date_to, term=term, class_uuid=class_uuid
    )
    on_roll = [t for t in totals if t.on_roll]
    course = repo_labor_totals.class_activity_minutes(
        db,
        school.code,
        [s.value for s in config.course_settings],
        date_from=date_from,
        date_to=date_to,
    )
    year = school_year_of(date_to)
    week_from, week_to = school_year_bounds(year)
    week_classes = repo_labor_totals.class_activity_minutes(
        db, school.code, [Setting.LABOR_WEEK.value], date_from=week_from, date_to=week_to
    )
    classes = _class_summaries(on_roll, config, days, course, set(week_classes))
    return ThresholdReport(
        date_from=date_from,
        date_to=date_to,
        weeks=days / 7,
        students_below=tuple(t for t in on_roll if not t.meets_threshold),
        classes=tuple(classes),
        labor_weeks=tuple(_labor_weeks(db, school.code, config, date_from, date_to)),
    )


def _class_summaries(
    students: list[StudentLaborTotal],
    config: LaborConfig,
    days: int,
    course: dict[str, tuple[int, int]],
    labor_week_classes: set[str],
) -> list[ClassLaborSummary]:
    by_class: dict[str, list[StudentLaborTotal]] = {}
    for t in students:  # already in grade, class, 学籍号 order
        by_class.setdefault(t.class_uuid, []).append(t)
    summaries = []
    for class_uuid, members in by_class.items():
        first = members[0]
        band = first.band
        out_sum = sum(t.out_of_class_minutes for t in members)
        course_minutes = course.get(class_uuid, (0, 0))[0]
        per_week = config.course_minutes_per_week(band)
        summaries.append(
            ClassLaborSummary(
                class_uuid=class_uuid,
                class_name=first.class_name,
                grade_code=first.grade_code,
                students=len(members),
                below=sum(not t.meets_threshold for t in members),
                average_weekly_out_of_class=out_sum * 7 / days / len(members),
                threshold=first.threshold,
                below_threshold=out_sum * 7 < first.threshold * days * len(members),
                course_minutes=course_minutes,
                course_periods=course_minutes / config.period_minutes[band],
                course_required_minutes=per_week * (days // 7),
                course_ok=course_minutes >= per_week * (days // 7),
                labor_week_held=class_uuid in labor_week_classes,
            )
        )
    return summaries


def _labor_weeks(
    db: Database, school_code: str, config: LaborConfig, date_from: dt.date, date_to: dt.date
) -> list[LaborWeekStatus]:
    first, last = int(school_year_of(date_from)[:4]), int(school_year_of(date_to)[:4])
    statuses = []
    for start in range(first, last + 1):
        year = f"{start}-{start + 1}"
        expected = labor_week(year, config)
        bounds = school_year_bounds(year)
        count, first_date, last_date = repo_labor_totals.activity_dates(
            db, school_code, Setting.LABOR_WEEK.value, date_from=bounds[0], date_to=bounds[1]
        )
        statuses.append(
            LaborWeekStatus(
                school_year=year,
                expected_start=expected.start,
                expected_end=expected.end,
                held=count > 0,
                activities=count,
                first_date=dt.date.fromisoformat(first_date) if first_date else None,
                last_date=dt.date.fromisoformat(last_date) if last_date else None,
            )
        )
    return statuses
