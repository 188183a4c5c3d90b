"""School-level arts work: 一校一品 programmes and clubs / interest groups (with their members
per 学年), and the annual 艺术教育工作自评 (domain_rules §2.2).

Clubs are not a separate table: a 社团 or 兴趣小组 is a programme of that kind, art or sport, like
the 一校一品 programme (kind ``signature``). That gives every group one member list per 学年 and
lets the self-evaluation count the school's art clubs and their projects from the same records.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.arts.constants import ActivityKind, ProgrammeField, ProgrammeKind
from app.arts.models import Programme
from app.arts.self_eval import check_sections, student_teacher_ratio, total_score
from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.models import RecordMeta
from app.services.arts_common import (
    add_students,
    checked_school_year,
    class_students_on_roll,
    require_students,
    students_on_roll,
    sync_students,
)
from app.services.arts_settings import load_arts_config
from app.services.workspace import require_school
from app.validation.text import clean_name
from db import repo_arts, repo_school_arts
from db.records import insert_record, meta_from_row, tombstone_record, update_record
from db.repo_arts import tombstone_many

MAX_JSON = 2000  # a packet's text limit (docs/packet-format.md §6.3)


@dataclass(frozen=True)
class ProgrammeInput:
    kind: ProgrammeKind
    field: ProgrammeField
    name: str
    project: str = ""
    description: str = ""
    adviser: str = ""


def save_programme(
    db: Database, data: ProgrammeInput, *, actor: str, uuid: str | None = None
) -> Programme:
    school = require_school(db)
    name = clean_name(data.name)
    if not name:
        raise UserError(tr("Enter the programme's name."), tr("For example 合唱团 or 校园足球."))
    other = repo_school_arts.find_programme(db, school.code, data.kind, name)
    if other is not None and other != uuid:
        raise UserError(
            tr("The school already has a {kind} named {name}.", kind=data.kind.label_zh, name=name),
            tr("Choose another name, or edit the existing one."),
        )
    values = {
        "kind": data.kind.value,
        "field": data.field.value,
        "name": name,
        "project": clean_name(data.project),
        "description": data.description.strip(),
        "adviser": clean_name(data.adviser),
    }
    with db.atomic():
        if uuid is None:
            uuid = insert_record(
                db, "school_programmes", {"school_code": school.code, **values}, actor
            )
        else:
            get_programme(db, uuid)
            update_record(db, "school_programmes", uuid, values, actor)
    return get_programme(db, uuid)


def get_programme(db: Database, uuid: str, school_year: str = "") -> Programme:
    found = repo_school_arts.get_programme(db, uuid, school_year)
    if found is None or found.meta.deleted:
        raise NotFoundError(tr("The programme no longer exists."), tr("Refresh the list."))
    return found


def delete_programme(db: Database, uuid: str, *, actor: str) -> None:
    """Tombstone the programme and all its member rows (every 学年)."""
    get_programme(db, uuid)
    with db.atomic():
        members = [
            r[0]
            for r in db.execute(
                "SELECT uuid FROM programme_members WHERE programme_uuid = ? AND deleted = 0",
                [uuid],
            )
        ]
        tombstone_many(db, "programme_members", members, actor)
        tombstone_record(db, "school_programmes", uuid, actor)


def list_programmes(
    db: Database, school_year: str, kinds: Sequence[ProgrammeKind] = ()
) -> list[Programme]:
    """The school's programmes (all kinds unless given), with member counts for the 学年."""
    return repo_school_arts.list_programmes(
        db, require_school(db).code, checked_school_year(school_year), tuple(kinds)
    )


def list_clubs(db: Database, school_year: str) -> list[Programme]:
    return list_programmes(db, school_year, (ProgrammeKind.CLUB, ProgrammeKind.INTEREST_GROUP))


def set_members(
    db: Database, programme_uuid: str, school_year: str, student_uuids: Sequence[str], *, actor: str
) -> tuple[int, int]:
    """Make the 学年's member list exactly these students; returns (added, removed)."""
    school_year = checked_school_year(school_year)
    get_programme(db, programme_uuid)
    students = require_students(db, require_school(db).code, student_uuids)
    with db.atomic():
        current = repo_school_arts.active_members(db, programme_uuid, school_year)
        parent = {"programme_uuid": programme_uuid, "school_year": school_year}
        return sync_students(db, "programme_members", parent, current, students, actor)


def add_class_members(
    db: Database, programme_uuid: str, school_year: str, class_uuid: str, *, actor: str
) -> int:
    school_year = checked_school_year(school_year)
    get_programme(db, programme_uuid)
    students = class_students_on_roll(db, require_school(db).code, class_uuid)
    with db.atomic():
        current = repo_school_arts.active_members(db, programme_uuid, school_year)
        parent = {"programme_uuid": programme_uuid, "school_year": school_year}
        return add_students(db, "programme_members", parent, current, students, actor)


def members(db: Database, programme_uuid: str, school_year: str) -> list[str]:
    return list(
        repo_school_arts.active_members(db, programme_uuid, checked_school_year(school_year))
    )


# -- the annual self-evaluation ---------------------------------------------------------------


@dataclass(frozen=True)
class SelfEvaluation:
    school_year: str
    sections: dict[str, dict[str, Any]]  # key → {"score": int | None, "fields": {...}}
    weights: dict[str, int]  # the section weights it was made with
    total_score: int | None
    meta: RecordMeta


class SelfEvaluationInvalid(UserError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(
            tr("The self-evaluation cannot be saved:") + " " + " ".join(errors.values())
        )


def prefill_self_evaluation(db: Database, school_year: str) -> dict[str, dict[str, Any]]:
    """Starting values the records already know: clubs and their projects, 艺术节 held, the share
    of students in a club or activity, and the 生师比 inputs. The clerk completes the rest."""
    school = require_school(db)
    school_year = checked_school_year(school_year)
    clubs = [c for c in list_clubs(db, school_year) if c.field is ProgrammeField.ART]
    festivals = [
        a
        for a in repo_arts.list_activities(db, school.code)
        if a.kind is ActivityKind.FESTIVAL and a.term.startswith(school_year)
    ]
    roll = students_on_roll(db, school.code)
    active = repo_school_arts.students_in_groups(db, school.code, school_year)
    return {
        "activities": {
            "score": None,
            "fields": {
                "festivals_per_year": len(festivals),
                "clubs_count": len(clubs),
                "club_projects": sorted({c.project or c.name for c in clubs}),
                "participation_pct": round(100 * active / roll, 1) if roll else None,
            },
        },
    }


def save_self_evaluation(
    db: Database, school_year: str, sections: Mapping[str, Mapping[str, Any]], *, actor: str
) -> SelfEvaluation:
    """Create or replace the 学年's self-evaluation; 在校学生数 and 生师比 are computed here."""
    school = require_school(db)
    school_year = checked_school_year(school_year)
    cfg = load_arts_config(db)
    clean, errors = check_sections(cfg, sections)
    if errors:
        raise SelfEvaluationInvalid(errors)
    teachers = clean["teachers"]["fields"]
    roll = students_on_roll(db, school.code)
    teachers["students_on_roll"] = roll
    teachers["student_teacher_ratio"] = student_teacher_ratio(roll, teachers.get("total") or 0)
    sections_json = json.dumps(clean, ensure_ascii=False, separators=(",", ":"))
    if len(sections_json) > MAX_JSON:
        raise SelfEvaluationInvalid({"": tr("The texts are too long to submit; shorten them.")})
    values = {
        "sections": sections_json,
        "weights": json.dumps(
            {s.key: s.weight for s in cfg.self_eval_sections}, separators=(",", ":")
        ),
        "total_score": total_score(clean),
    }
    with db.atomic():
        existing = repo_school_arts.self_evaluation_row(db, school.code, school_year)
        if existing is None:
            insert_record(
                db,
                "arts_self_evaluations",
                {"school_code": school.code, "school_year": school_year, **values},
                actor,
            )
        else:
            update_record(db, "arts_self_evaluations", existing["uuid"], values, actor)
    found = get_self_evaluation(db, school_year)
    assert found is not None
    return found


def get_self_evaluation(db: Database, school_year: str) -> SelfEvaluation | None:
    row = repo_school_arts.self_evaluation_row(
        db, require_school(db).code, checked_school_year(school_year)
    )
    if row is None:
        return None
    return SelfEvaluation(
        school_year=row["school_year"],
        sections=row["sections"],
        weights=row["weights"],
        total_score=row["total_score"],
        meta=meta_from_row(row),
    )
