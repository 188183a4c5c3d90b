"""艺术素质测评 per student per 学年: enter sub-scores, compute total and band, suggest the
发展指标 points from the student's specialties and awards, let the teacher confirm them, and
summarise a class.

The flag ``development_points_confirmed`` separates points a teacher has accepted (typed in, or
``confirm_development_points``) from suggestions pre-filled in bulk (``apply_suggestions``), so a
class can be pre-filled and then confirmed student by student; a pre-fill never overwrites
confirmed points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.arts.config import BANDS, SUB_SCORES, ArtsConfig
from app.arts.constants import AwardDomain
from app.arts.models import Assessment
from app.arts.scoring import Suggestion, parse_sub_scores, suggest_points, total_and_band
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.arts_common import (
    checked_school_year,
    class_students_on_roll,
    require_students,
    school_year_range,
)
from app.services.arts_settings import load_arts_config, store_arts_config
from app.services.workspace import require_school
from app.validation.text import clean_name
from db import repo_arts, repo_awards
from db.records import insert_many
from db.repo_arts import update_many

DEVELOPMENT = ("outside_learning", "art_specialty")


class AssessmentInvalid(UserError):
    """Scores with problems; ``errors`` maps student uuid → {sub-score key → message}."""

    def __init__(self, errors: dict[str, dict[str, str]]) -> None:
        self.errors = errors
        reasons = [m for per in errors.values() for m in per.values()]
        super().__init__(tr("The scores cannot be saved:") + " " + " ".join(reasons[:5]))


def get_assessment(db: Database, student_uuid: str, school_year: str) -> Assessment | None:
    return repo_arts.get_assessment(db, student_uuid, checked_school_year(school_year))


def save_assessment(
    db: Database,
    student_uuid: str,
    school_year: str,
    scores: Mapping[str, object],
    *,
    actor: str,
    teacher: str = "",
    comment: str | None = None,
) -> Assessment:
    """Save the sub-scores given (keys left out keep their stored value; None clears one)."""
    save_assessments(
        db, school_year, {student_uuid: scores}, actor=actor, teacher=teacher, comment=comment
    )
    found = get_assessment(db, student_uuid, school_year)
    assert found is not None
    return found


def save_assessments(
    db: Database,
    school_year: str,
    entries: Mapping[str, Mapping[str, object]],
    *,
    actor: str,
    teacher: str = "",
    comment: str | None = None,
) -> tuple[int, int]:
    """A class grid at once, all or nothing: student uuid → sub-scores. Typed development
    points count as confirmed. Returns (created, updated)."""
    school_year = checked_school_year(school_year)
    cfg = load_arts_config(db)
    parsed: dict[str, dict[str, int | None]] = {}
    errors: dict[str, dict[str, str]] = {}
    for student, raw in entries.items():
        unknown = set(raw) - set(SUB_SCORES)
        if unknown:
            raise ValueError(f"unknown sub-scores {sorted(unknown)}")
        scores, problems = parse_sub_scores(cfg, raw)
        if problems:
            errors[student] = problems
            continue
        parsed[student] = {k: scores[k] for k in raw}
    if errors:
        raise AssessmentInvalid(errors)
    extra: dict[str, Any] = {"teacher": clean_name(teacher)} if teacher else {}
    if comment is not None:
        extra["comment"] = comment.strip()

    def confirmed(given: Mapping[str, int | None]) -> dict[str, Any]:
        return {"development_points_confirmed": 1} if set(DEVELOPMENT) & set(given) else {}

    return _write(
        db, cfg, school_year, {s: {**v, **extra, **confirmed(v)} for s, v in parsed.items()}, actor
    )


def _write(
    db: Database,
    cfg: ArtsConfig,
    school_year: str,
    changes: Mapping[str, Mapping[str, Any]],
    actor: str,
) -> tuple[int, int]:
    """Apply column changes per student, recomputing total and band; one transaction."""
    school = require_school(db)
    students = require_students(db, school.code, changes)
    with db.atomic():
        stored = repo_arts.assessment_rows(db, school_year, students)
        creates, updates = [], []
        for student in students:
            old = stored.get(student)
            row = {**(old or _blank(student, school_year)), **changes[student]}
            row["total"], row["band"] = total_and_band(cfg, row)
            if old is None:
                creates.append({k: v for k, v in row.items() if k not in _META})
                continue
            new = {k: row[k] for k in row if k not in _META and old[k] != row[k]}
            if new:
                updates.append((old["uuid"], {k: old[k] for k in new}, new))
        insert_many(db, "arts_assessments", creates, actor)
        update_many(db, "arts_assessments", updates, actor)
    return len(creates), len(updates)


_META = frozenset({"uuid", "revision", "updated_at", "updated_by", "deleted"})


def _blank(student: str, school_year: str) -> dict[str, Any]:
    return {
        "student_uuid": student,
        "school_year": school_year,
        **dict.fromkeys(SUB_SCORES),
        "total": None,
        "band": None,
        "development_points_confirmed": 0,
        "teacher": "",
        "comment": "",
    }


def suggest_development_points(db: Database, student_uuid: str, school_year: str) -> Suggestion:
    """The suggested 校外学习 and 艺术特长 points with the evidence behind them."""
    school = require_school(db)
    school_year = checked_school_year(school_year)
    require_students(db, school.code, [student_uuid])
    start, end = school_year_range(school_year)
    specialties = repo_arts.list_specialties(db, student_uuid=student_uuid, school_year=school_year)
    awards = repo_awards.list_awards(
        db,
        school.code,
        domain=AwardDomain.ARTS,
        date_from=start,
        date_to=end,
        student_uuid=student_uuid,
    )
    return suggest_points(load_arts_config(db), student_uuid, school_year, specialties, awards)


def confirm_development_points(
    db: Database,
    student_uuid: str,
    school_year: str,
    *,
    actor: str,
    outside_learning: int | None = None,
    art_specialty: int | None = None,
    teacher: str = "",
) -> Assessment:
    """The teacher accepts the suggestion, or gives other points; marks them confirmed."""
    suggestion = suggest_development_points(db, student_uuid, school_year)
    points = {
        "outside_learning": suggestion.outside_learning
        if outside_learning is None
        else outside_learning,
        "art_specialty": suggestion.art_specialty if art_specialty is None else art_specialty,
    }
    return save_assessment(db, student_uuid, school_year, points, actor=actor, teacher=teacher)


def apply_suggestions(
    db: Database, school_year: str, student_uuids: Sequence[str], *, actor: str
) -> int:
    """Pre-fill unconfirmed development points with the suggestions (confirmed ones are kept).
    Returns how many students' points were written."""
    school_year = checked_school_year(school_year)
    cfg = load_arts_config(db)
    stored = repo_arts.assessment_rows(db, school_year, list(student_uuids))
    changes = {}
    for student in student_uuids:
        if student in stored and stored[student]["development_points_confirmed"]:
            continue
        s = suggest_development_points(db, student, school_year)
        changes[student] = {
            "outside_learning": s.outside_learning,
            "art_specialty": s.art_specialty,
        }
    _write(db, cfg, school_year, changes, actor)
    return len(changes)


@dataclass(frozen=True)
class ClassSummary:
    students: int  # on the roll
    complete: int  # all six sub-scores entered
    incomplete: int  # some entered
    missing: int  # none
    unconfirmed: int  # development points not confirmed by the teacher
    bands: dict[str, int]  # band → students, every band listed
    average: float | None  # of the complete totals, one decimal


def class_summary(db: Database, class_uuid: str, school_year: str) -> ClassSummary:
    students = class_students_on_roll(db, require_school(db).code, class_uuid)
    stored = repo_arts.assessment_rows(db, checked_school_year(school_year), students)
    totals = [r["total"] for r in stored.values() if r["total"] is not None]
    bands = Counter(r["band"] for r in stored.values() if r["band"])
    return ClassSummary(
        students=len(students),
        complete=len(totals),
        incomplete=len(stored) - len(totals),
        missing=len(students) - len(stored),
        unconfirmed=sum(1 for r in stored.values() if not r["development_points_confirmed"]),
        bands={b: bands.get(b, 0) for b in BANDS},
        average=round(sum(totals) / len(totals), 1) if totals else None,
    )


def class_assessments(
    db: Database, class_uuid: str, school_year: str
) -> list[tuple[str, Assessment | None]]:
    """(student uuid, assessment or None) for the class's students on the roll: the grid."""
    students = class_students_on_roll(db, require_school(db).code, class_uuid)
    stored = repo_arts.assessment_rows(db, checked_school_year(school_year), students)
    return [
        (s, repo_arts.assessment_from_row(stored[s]) if s in stored else None) for s in students
    ]


def save_arts_config(db: Database, cfg: ArtsConfig, *, actor: str) -> int:
    """Store new settings and recompute every stored total and band; refused when a stored
    sub-score would exceed its new maximum. Returns how many assessments changed."""
    over = [k for k in SUB_SCORES if _max_stored(db, k) > cfg.sub_maxima[k]]
    if over:
        raise ValidationError(
            tr("Stored scores exceed the new maximum of {names}.", names="、".join(over)),
            tr("Correct those scores first, or keep the present maxima."),
        )
    with db.atomic():
        store_arts_config(db, cfg)
        changes = []
        for r in db.query("SELECT * FROM arts_assessments WHERE deleted = 0"):
            total, band = total_and_band(cfg, r)
            if (total, band) != (r["total"], r["band"]):
                changes.append(
                    (
                        r["uuid"],
                        {"total": r["total"], "band": r["band"]},
                        {"total": total, "band": band},
                    )
                )
        update_many(db, "arts_assessments", changes, actor)
    return len(changes)


def _max_stored(db: Database, column: str) -> int:
    row = db.execute(f"SELECT max({column}) FROM arts_assessments WHERE deleted = 0").fetchone()
    return int(row[0] or 0)
