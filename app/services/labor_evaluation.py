"""Labor literacy evaluation (学段综合评价) per student per term, with the 公示 workflow.

States and the only transitions (anything else raises ``EvaluationStateError``):
- ``draft``: created empty (``create_drafts_for_class``) or with content; editable, deletable.
- ``draft → publicized`` (``publicize``): every rating filled in; the 公示 runs from–to, at least
  ``publicity_min_days`` days (both ends included; default 5).
- ``publicized → draft`` (``withdraw_publicity``): a complaint during 公示 is handled by taking
  the evaluation back, editing it and publicizing it again.
- ``publicized → confirmed`` (``confirm``): by a named reviewer, only after the 公示 has ended
  (today is later than its last day). No override: a confirmation during 公示 would defeat it.
- ``confirmed``: final. Its content changes only through ``correct_evaluation`` with a reason,
  which records who, when, why and old → new in ``labor_evaluation_corrections``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict

from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.labor.config import LaborConfig
from app.labor.constants import LIFE_SKILL_GRADES, EvaluationStatus
from app.labor.models import (
    EvaluationCorrection,
    EvaluationFields,
    LifeSkillGap,
    LiteracyEvaluation,
)
from app.services.labor_checks import LaborEntryInvalid
from app.services.labor_records import labor_config
from app.services.workspace import require_school
from app.terms import parse_term
from app.validation.text import clean_name
from db import records, repo_labor, repo_labor_totals
from db import repo_labor_evaluations as repo
from db.records import insert_record, new_uuid, now_utc, tombstone_record, update_record
from db.repo_labor_totals import ON_ROLL_STATUSES

MAX_COMMENT = 1000
MAX_SKILLS = 10
MAX_SKILL = 50
_RATED = ("concept", "ability", "habits", "spirit", "overall")


class EvaluationStateError(UserError):
    """An operation the evaluation's 公示 state does not allow."""


def _status_label(status: EvaluationStatus) -> str:
    return {
        EvaluationStatus.DRAFT: tr("draft"),
        EvaluationStatus.PUBLICIZED: tr("under public notice"),
        EvaluationStatus.CONFIRMED: tr("confirmed"),
    }[status]


def _checked_fields(fields: EvaluationFields, config: LaborConfig) -> EvaluationFields:
    errors: dict[str, str] = {}
    for name in _RATED:
        value = getattr(fields, name)
        if value and value not in config.evaluation_scale:
            errors[name] = tr(
                "'{level}' is not on the evaluation scale ({scale}).",
                level=value,
                scale="/".join(config.evaluation_scale),
            )
    if len(fields.comment) > MAX_COMMENT:
        errors["comment"] = tr("The comment is longer than {n} characters.", n=MAX_COMMENT)
    skills = tuple(dict.fromkeys(s for s in map(clean_name, fields.life_skills) if s))
    if len(skills) > MAX_SKILLS or any(len(s) > MAX_SKILL for s in skills):
        errors["life_skills"] = tr(
            "List at most {n} life skills of at most {m} characters each.",
            n=MAX_SKILLS,
            m=MAX_SKILL,
        )
    if errors:
        raise LaborEntryInvalid(errors)
    return EvaluationFields(
        **{**asdict(fields), "comment": fields.comment.strip(), "life_skills": skills}
    )


def get_evaluation(db: Database, uuid: str) -> LiteracyEvaluation:
    found = repo.get_evaluation(db, uuid)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The evaluation no longer exists."), tr("Refresh the list."))
    return found


def _require(evaluation: LiteracyEvaluation, status: EvaluationStatus, action: str) -> None:
    if evaluation.status is not status:
        raise EvaluationStateError(
            tr(
                "The evaluation of {name} is {status}; you cannot {action} it.",
                name=evaluation.student_name,
                status=_status_label(evaluation.status),
                action=action,
            ),
            tr("Refresh the list and check its state."),
        )


def create_evaluation(
    db: Database, student_uuid: str, term: str, fields: EvaluationFields, *, actor: str
) -> str:
    """A new draft for the student and term (one per student and term)."""
    school = require_school(db)
    code = parse_term(term).code
    checked = _checked_fields(fields, labor_config(db))
    if not repo_labor.student_grades(db, school.code, [student_uuid]):
        raise NotFoundError(tr("The student no longer exists."), tr("Refresh the list."))
    if repo.find_evaluation(db, student_uuid, code) is not None:
        raise EvaluationStateError(
            tr("The student already has an evaluation for term {term}.", term=code),
            tr("Open that evaluation instead."),
        )
    with db.atomic():
        values = {"student_uuid": student_uuid, "term": code, **repo.fields_values(checked)}
        return insert_record(db, "labor_literacy_evaluations", values, actor)


def update_evaluation(db: Database, uuid: str, fields: EvaluationFields, *, actor: str) -> bool:
    """Change a draft's content."""
    evaluation = get_evaluation(db, uuid)
    _require(evaluation, EvaluationStatus.DRAFT, tr("edit"))
    checked = _checked_fields(fields, labor_config(db))
    with db.atomic():
        return update_record(
            db, "labor_literacy_evaluations", uuid, repo.fields_values(checked), actor
        )


def delete_evaluation(db: Database, uuid: str, *, actor: str) -> None:
    _require(get_evaluation(db, uuid), EvaluationStatus.DRAFT, tr("delete"))
    with db.atomic():
        tombstone_record(db, "labor_literacy_evaluations", uuid, actor)


def create_drafts_for_class(db: Database, class_uuid: str, term: str, *, actor: str) -> int:
    """Empty drafts for the class's on-roll students who have no evaluation for the term yet."""
    school = require_school(db)
    code = parse_term(term).code
    students = [
        r[0]
        for r in repo_labor_totals.report_students(db, school.code, class_uuid)
        if r[6] in ON_ROLL_STATUSES
    ]
    have = repo.students_with_evaluation(db, code, students)
    empty = repo.fields_values(EvaluationFields())
    rows = [
        {"uuid": new_uuid(), "student_uuid": s, "term": code, **empty}
        for s in students
        if s not in have
    ]
    with db.atomic():
        records.insert_many(db, "labor_literacy_evaluations", rows, actor)
    return len(rows)


def publicize(
    db: Database, uuids: Sequence[str], *, date_from: dt.date, date_to: dt.date, actor: str
) -> int:
    """Put drafts under public notice (公示) from ``date_from`` to ``date_to``; all or none."""
    config = labor_config(db)
    days = (date_to - date_from).days + 1
    if days < config.publicity_min_days:
        raise EvaluationStateError(
            tr("The public notice must last at least {n} days.", n=config.publicity_min_days),
            tr("Choose a later end date."),
        )
    evaluations = [get_evaluation(db, u) for u in uuids]
    for e in evaluations:
        _require(e, EvaluationStatus.DRAFT, tr("publicize"))
        if not all(getattr(e.fields, name) for name in _RATED):
            raise EvaluationStateError(
                tr("The evaluation of {name} is not complete.", name=e.student_name),
                tr("Rate all four dimensions and the overall grade first."),
            )
    changes = {
        "status": EvaluationStatus.PUBLICIZED.value,
        "publicity_from": date_from.isoformat(),
        "publicity_to": date_to.isoformat(),
    }
    with db.atomic():
        for e in evaluations:
            update_record(db, "labor_literacy_evaluations", e.meta.uuid, changes, actor)
    return len(evaluations)


def withdraw_publicity(db: Database, uuids: Sequence[str], *, actor: str) -> int:
    """Take evaluations under public notice back to draft (e.g. after a complaint)."""
    evaluations = [get_evaluation(db, u) for u in uuids]
    for e in evaluations:
        _require(e, EvaluationStatus.PUBLICIZED, tr("take back"))
    changes = {"status": EvaluationStatus.DRAFT.value, "publicity_from": None, "publicity_to": None}
    with db.atomic():
        for e in evaluations:
            update_record(db, "labor_literacy_evaluations", e.meta.uuid, changes, actor)
    return len(evaluations)


def confirm(
    db: Database, uuids: Sequence[str], *, reviewer: str, actor: str, today: dt.date | None = None
) -> int:
    """Confirm evaluations whose 公示 has ended (审核); all or none."""
    reviewer = clean_name(reviewer)
    if not reviewer:
        raise UserError(tr("Enter the reviewer's name."), tr("The reviewer confirms the result."))
    today = today or dt.date.today()
    evaluations = [get_evaluation(db, u) for u in uuids]
    for e in evaluations:
        _require(e, EvaluationStatus.PUBLICIZED, tr("confirm"))
        assert e.publicity_to is not None
        if today <= e.publicity_to:
            raise EvaluationStateError(
                tr(
                    "The public notice of {name}'s evaluation runs until {date}.",
                    name=e.student_name,
                    date=e.publicity_to.isoformat(),
                ),
                tr("Confirm it after the public notice has ended."),
            )
    changes = {
        "status": EvaluationStatus.CONFIRMED.value,
        "reviewer": reviewer,
        "confirmed_at": now_utc(),
    }
    with db.atomic():
        for e in evaluations:
            update_record(db, "labor_literacy_evaluations", e.meta.uuid, changes, actor)
    return len(evaluations)


def correct_evaluation(
    db: Database, uuid: str, fields: EvaluationFields, *, reason: str, actor: str
) -> bool:
    """Change a confirmed evaluation, recording the correction; False if nothing changed."""
    evaluation = get_evaluation(db, uuid)
    _require(evaluation, EvaluationStatus.CONFIRMED, tr("correct"))
    reason = reason.strip()
    if not reason:
        raise UserError(
            tr("Give the reason for the correction."),
            tr("A confirmed evaluation changes only with a reason."),
        )
    checked = _checked_fields(fields, labor_config(db))
    old, new = repo.fields_values(evaluation.fields), repo.fields_values(checked)
    diff = {k: v for k, v in new.items() if old[k] != v}
    if not diff:
        return False
    with db.atomic():
        update_record(db, "labor_literacy_evaluations", uuid, diff, actor)
        insert_record(
            db,
            "labor_evaluation_corrections",
            {
                "evaluation_uuid": uuid,
                "corrected_at": now_utc(),
                "corrected_by": actor,
                "reason": reason,
                "old_values": json.dumps({k: old[k] for k in diff}, ensure_ascii=False),
                "new_values": json.dumps(diff, ensure_ascii=False),
            },
            actor,
        )
    return True


def list_evaluations(
    db: Database,
    *,
    term: str,
    class_uuid: str | None = None,
    status: EvaluationStatus | None = None,
) -> list[LiteracyEvaluation]:
    return repo.list_evaluations(
        db, require_school(db).code, term=term, class_uuid=class_uuid, status=status
    )


def corrections(db: Database, uuid: str) -> list[EvaluationCorrection]:
    return repo.corrections_of(db, uuid)


def life_skill_gaps(
    db: Database, school_year: str, *, class_uuid: str | None = None
) -> list[LifeSkillGap]:
    """On-roll students of grades 3–6 with fewer life skills in the school year's evaluations
    than ``life_skills_per_year`` (Henan: 1–2 a year for 小学中高年级)."""
    school = require_school(db)
    required = labor_config(db).life_skills_per_year
    skills = repo.life_skills_in_year(db, school.code, (f"{school_year}-1", f"{school_year}-2"))
    gaps = []
    for uuid, number, name, _, class_name, grade, status in repo_labor_totals.report_students(
        db, school.code, class_uuid
    ):
        have = tuple(dict.fromkeys(skills.get(uuid, [])))
        if grade in LIFE_SKILL_GRADES and status in ON_ROLL_STATUSES and len(have) < required:
            gaps.append(LifeSkillGap(uuid, number, name, class_name, have))
    return gaps
