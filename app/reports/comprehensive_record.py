"""综合素质档案 per student per term (issue 4): labor, sports and arts gathered from the services,
and mapped onto the five 综合素质评价 dimensions (domain_rules §3.2, §7):

- 思想品德 ← volunteer labor (task group 10 公益劳动与志愿服务): times and hours;
- 学业水平 ← not recorded in Baosong (the school's academic records);
- 身心健康 ← the school year's 体质健康 result (total, level, BMI category), the PE process
  evaluation when ``app.services.pe_process`` exists, sports awards;
- 艺术素养 ← the school year's 艺术素质测评, specialties, arts awards counted toward 艺术特长;
- 社会实践 (劳动) ← the term's labor hours, the weekly check and the 劳动素养 evaluation.

Labor is the term's (``term_period``: the configured term dates, never past today); fitness, the
arts assessment, specialties and awards belong to the term's school year. Students are the
class's students on the roll (在籍, 转入) in 学籍号 order, as every class sheet lists them.

The PE process evaluation is another module's; it is looked up at run time and used when it
offers ``report_lines(db, *, term, student_uuids) -> {student uuid: [(label, value), …]}``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections import Counter
from collections.abc import Callable, Sequence

from sqlite_utils import Database

from app.arts.constants import AwardDomain
from app.arts.models import Assessment, Specialty
from app.errors import Cancelled
from app.i18n import tr
from app.labor.constants import Category, ParticipationStatus
from app.labor.models import ActivityFilter, LiteracyEvaluation, StudentLaborTotal
from app.models import StudentRow, StudentStatus, Term
from app.reports import record_labels as lb
from app.reports.record_html import render_records_html
from app.reports.record_models import (
    VOLUNTEER_TASK_GROUP,
    ArtsSummary,
    AwardEntry,
    ComprehensiveRecord,
    CQDimension,
    DimensionEntry,
    LaborSummary,
    SportsSummary,
    StudentIdentity,
)
from app.scoring.bmi_category import bmi_category, bmi_category_label
from app.scoring.fitness_score import FitnessResult
from app.services.arts_assessment import class_assessments
from app.services.arts_records import list_specialties
from app.services.awards import counts_toward_arts_specialty, list_awards
from app.services.fitness_records import SheetRow, class_sheet
from app.services.labor_evaluation import list_evaluations
from app.services.labor_records import activity_detail, list_activities
from app.services.labor_totals import student_hours, term_period
from app.services.roster import find_students
from app.services.workspace import require_school
from app.terms import parse_term

__all__ = ["comprehensive_records", "render_records_html"]

log = logging.getLogger(__name__)

ON_ROLL = (StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN)
PE_PROCESS_MODULE = "app.services.pe_process"
_NOT_RECORDED = frozenset({"", "—", "-"})

Progress = Callable[[int, int], None]


def comprehensive_records(
    db: Database,
    class_uuid: str,
    term: str,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ComprehensiveRecord]:
    """One record per on-roll student of the class for ``term`` (e.g. 2026-2027-1)."""
    parsed = parse_term(term)
    school = require_school(db)
    year = parsed.school_year
    sheet = class_sheet(db, class_uuid, year)  # also refuses a deleted class
    students = find_students(db, class_uuid=class_uuid, statuses=ON_ROLL)
    uuids = [r.student.meta.uuid for r in students]
    date_from, date_to = term_period(db, parsed.code, today=today)
    labor = {
        t.student_uuid: t
        for t in student_hours(
            db, date_from=date_from, date_to=date_to, term=parsed.code, class_uuid=class_uuid
        )
    }
    evaluations = {
        e.student_uuid: e for e in list_evaluations(db, term=parsed.code, class_uuid=class_uuid)
    }
    volunteer = _volunteer_activities(db, parsed.code, class_uuid, date_from, date_to)
    fitness = {row.student_uuid: row for row in sheet.rows}
    assessments = dict(class_assessments(db, class_uuid, year))
    specialties: dict[str, list[Specialty]] = {}
    for s in list_specialties(db, school_year=year):
        specialties.setdefault(s.student_uuid, []).append(s)
    awards = list_awards(db, school_year=year)
    pe_lines = _pe_process_lines(db, parsed.code, uuids)
    records = []
    for done, row in enumerate(students):
        if cancelled is not None and cancelled():
            raise Cancelled()
        uuid = row.student.meta.uuid
        labor_part = _labor(labor[uuid], evaluations.get(uuid), volunteer[uuid], date_from, date_to)
        sports = _sports(year, fitness.get(uuid), pe_lines.get(uuid, ()))
        arts = ArtsSummary(year, assessments.get(uuid), tuple(specialties.get(uuid, ())))
        won = tuple(
            AwardEntry(a, counts_toward_arts_specialty(a)) for a in awards if uuid in a.winners
        )
        records.append(
            ComprehensiveRecord(
                school_name=school.name,
                term=parsed,
                student=_identity(row),
                labor=labor_part,
                sports=sports,
                arts=arts,
                awards=won,
                dimensions=_dimensions(parsed, labor_part, sports, arts, won),
            )
        )
        if progress is not None:
            progress(done + 1, len(students))
    return records


def _identity(row: StudentRow) -> StudentIdentity:
    s = row.student
    return StudentIdentity(s.meta.uuid, s.student_no, s.name, s.sex, row.class_name, row.grade_code)


def _labor(
    total: StudentLaborTotal,
    evaluation: LiteracyEvaluation | None,
    volunteer_count: int,
    date_from: dt.date,
    date_to: dt.date,
) -> LaborSummary:
    return LaborSummary(
        date_from=date_from,
        date_to=date_to,
        total_minutes=total.total_minutes,
        by_category=tuple((c, total.by_category.get(c, 0)) for c in Category),
        by_task_group=tuple(sorted(total.by_task_group.items())),
        weekly_out_of_class=total.weekly_out_of_class,
        threshold=total.threshold,
        meets_threshold=total.meets_threshold,
        volunteer_minutes=total.by_task_group.get(VOLUNTEER_TASK_GROUP, 0),
        volunteer_activities=volunteer_count,
        evaluation=evaluation,
    )


def _volunteer_activities(
    db: Database, term: str, class_uuid: str, date_from: dt.date, date_to: dt.date
) -> Counter[str]:
    """Student uuid → volunteer activities attended (present) in the period: the 次数 that
    思想品德 records beside the hours. Few activities are volunteer ones, so reading each
    one's participants is cheap."""
    found: Counter[str] = Counter()
    rows = list_activities(
        db,
        ActivityFilter(term=term, class_uuid=class_uuid, date_from=date_from, date_to=date_to),
    )
    for row in rows:
        if row.activity.task_group != VOLUNTEER_TASK_GROUP:
            continue
        for p in activity_detail(db, row.activity.meta.uuid).participants:
            if p.status is ParticipationStatus.PRESENT:
                found[p.student_uuid] += 1
    return found


def _sports(
    school_year: str, row: SheetRow | None, pe_lines: Sequence[tuple[str, str]]
) -> SportsSummary:
    result = row.result if row is not None else None
    category = None
    if row is not None and result is not None and result.bmi is not None:
        category = bmi_category(row.grade_code, row.sex, result.bmi)  # sheet rows: known grades
    return SportsSummary(school_year, result, category, tuple(pe_lines))


def _pe_process_lines(
    db: Database, term: str, uuids: Sequence[str]
) -> dict[str, Sequence[tuple[str, str]]]:
    try:
        module = importlib.import_module(PE_PROCESS_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != PE_PROCESS_MODULE:
            raise  # the module exists but is broken: a bug to see, not to hide
        return {}
    hook = getattr(module, "report_lines", None)
    if hook is None:
        log.info("%s has no report_lines(); the PE process evaluation is left out", module)
        return {}
    return dict(hook(db, term=term, student_uuids=list(uuids)))


# -- the 综评 dimensions -------------------------------------------------------------------------


def _dimensions(
    term: Term,
    labor: LaborSummary,
    sports: SportsSummary,
    arts: ArtsSummary,
    awards: tuple[AwardEntry, ...],
) -> tuple[DimensionEntry, ...]:
    facts = {
        CQDimension.MORAL: _moral(labor),
        CQDimension.ACADEMIC: [tr("Kept in the school's academic records, not in this program.")],
        CQDimension.HEALTH: _health(sports, awards),
        CQDimension.ARTS: _arts(arts, awards),
        CQDimension.PRACTICE: _practice(labor),
    }
    return tuple(DimensionEntry(d, tuple(facts[d])) for d in CQDimension)


def _moral(labor: LaborSummary) -> list[str]:
    if not labor.volunteer_minutes and not labor.volunteer_activities:
        return []
    return [
        tr(
            "Public-benefit labor and volunteer service: {count} times, {hours} hours",
            count=labor.volunteer_activities,
            hours=lb.hours(labor.volunteer_minutes),
        )
    ]


def fitness_fact(sports: SportsSummary) -> str | None:
    """One line on the year's fitness result, or None when nothing was entered."""
    result = sports.result
    if result is None:
        return None
    if result.exempt:
        return tr(
            "Fitness test {year}: exempt ({reason})",
            year=sports.school_year,
            reason=result.exempt_reason or "",
        )
    if result.total_score is None:
        return tr("Fitness test {year}: not complete", year=sports.school_year)
    return tr(
        "Fitness test {year}: {total} points, {level}",
        year=sports.school_year,
        total=f"{result.total_score:.1f}",
        level=result.level or "",
    )


def _health(sports: SportsSummary, awards: tuple[AwardEntry, ...]) -> list[str]:
    facts = [f for f in (fitness_fact(sports),) if f]
    if sports.result is not None and sports.result.bmi is not None and sports.bmi_category:
        facts.append(_bmi_fact(sports.result, sports.bmi_category))
    # The summary names what was recorded; the PE section prints every component.
    facts += [
        tr("{label}: {value}", label=label, value=value)
        for label, value in sports.pe_process
        if value not in _NOT_RECORDED
    ]
    count = sum(1 for a in awards if a.award.domain is AwardDomain.SPORTS)
    if count:
        facts.append(tr("Sports awards: {n}", n=count))
    return facts


def _bmi_fact(result: FitnessResult, category: str) -> str:
    return tr(
        "BMI {bmi} ({category})", bmi=f"{result.bmi:.1f}", category=bmi_category_label(category)
    )


def _arts(arts: ArtsSummary, awards: tuple[AwardEntry, ...]) -> list[str]:
    facts = []
    a: Assessment | None = arts.assessment
    if a is not None and a.total is not None:
        facts.append(
            tr(
                "Arts assessment {year}: {total} points, {band}",
                year=arts.school_year,
                total=a.total,
                band=lb.arts_band_label(a.band),
            )
        )
    if arts.specialties:
        names = "、".join(f"{s.category}（{lb.route_label(s.route)}）" for s in arts.specialties)
        facts.append(tr("Specialties: {names}", names=names))
    counted = sum(1 for a in awards if a.counts_toward_arts_specialty)
    if counted:
        facts.append(tr("Arts awards counted toward the arts specialty: {n}", n=counted))
    return facts


def _practice(labor: LaborSummary) -> list[str]:
    facts = [
        tr(
            "Labor this term: {hours} hours; out-of-class and home labor {weekly} hours a week "
            "(required {required}): {mark}",
            hours=lb.hours(labor.total_minutes),
            weekly=lb.hours(labor.weekly_out_of_class),
            required=lb.round_hours(labor.threshold),
            mark=tr("met") if labor.meets_threshold else tr("not met"),
        )
    ]
    e = labor.evaluation
    if e is not None and e.fields.overall:
        facts.append(
            tr(
                "Labor literacy: {overall} ({status})",
                overall=e.fields.overall,
                status=lb.evaluation_status_label(e.status),
            )
        )
    return facts
