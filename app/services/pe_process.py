"""体育过程评价 per term (issue 3 part 9): entry for a student or a whole class, the process score
and the comprehensive PE result (fitness + process). Rules and defaults: ``app.pe.config``.

Competitions and awards are the shared Award records of domain ``sports`` whose date falls in the
term (term 1: 1 September–31 January, term 2: 1 February–31 August, as ``term_for_date``); the
best one counts. The fitness part is the term's 学年 result (the 补测 when there is one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from app.arts.constants import AwardDomain
from app.arts.models import Award
from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.models import Student
from app.pe.config import SKILL, PEConfig, component_label
from app.pe.entry import ProcessInput as ProcessInput  # the form's input, re-exported
from app.pe.entry import process_values
from app.pe.models import ProcessRecord
from app.pe.scoring import Comprehensive, ProcessScore, comprehensive, process_score
from app.services.arts_common import class_students_on_roll
from app.services.awards import list_awards
from app.services.fitness_year_rows import year_results
from app.services.pe_settings import load_pe_config
from app.services.workspace import require_school
from app.terms import parse_term
from db import repo_pe, repo_students
from db.records import insert_record, tombstone_record, update_record


class ProcessInvalid(UserError):
    """The record has field errors; ``errors`` maps field name → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(tr("The PE record cannot be saved:") + " " + " ".join(errors.values()))


@dataclass(frozen=True)
class CellError:
    student_uuid: str
    field: str  # "" when the whole row was refused
    message: str


@dataclass(frozen=True)
class BatchResult:
    saved: int  # records created or changed
    errors: tuple[CellError, ...]  # refused rows (nothing of them is saved)


def term_range(term: str) -> tuple[dt.date, dt.date]:
    t = parse_term(term)
    start = int(t.school_year[:4])
    if t.semester == 1:
        return dt.date(start, 9, 1), dt.date(start + 1, 1, 31)
    return dt.date(start + 1, 2, 1), dt.date(start + 1, 8, 31)


def _student(db: Database, school_code: str, uuid: str) -> Student:
    s = repo_students.get_student(db, uuid)
    if s is None or s.meta.deleted or s.school_code != school_code:
        raise NotFoundError(tr("The student no longer exists."), tr("Refresh the list."))
    return s


def _write(
    db: Database, student_uuid: str, term: str, values: dict[str, object], actor: str
) -> bool:
    stored = repo_pe.find_record(db, student_uuid, term)
    if stored is None:
        insert_record(
            db, repo_pe.TABLE, {"student_uuid": student_uuid, "term": term, **values}, actor
        )
        return True
    return update_record(db, repo_pe.TABLE, stored.meta.uuid, values, actor)


def save_process_record(
    db: Database, student_uuid: str, term: str, data: ProcessInput, *, actor: str
) -> ProcessRecord:
    """Create or correct the student's record of the term; raises ProcessInvalid."""
    code = parse_term(term).code
    school = require_school(db).code
    _student(db, school, student_uuid)
    values, errors = process_values(load_pe_config(db), data)
    if errors:
        raise ProcessInvalid(errors)
    with db.atomic():
        _write(db, student_uuid, code, values, actor)
    found = repo_pe.find_record(db, student_uuid, code)
    assert found is not None
    return found


def save_class_process_records(
    db: Database,
    class_uuid: str,
    term: str,
    rows: Sequence[tuple[str, ProcessInput]],
    *,
    actor: str,
) -> BatchResult:
    """A class's entries in one transaction: valid rows are saved, refused rows reported (a row
    with an error is not saved at all, so a record is never half-updated)."""
    code = parse_term(term).code
    school = require_school(db).code
    on_roll = set(class_students_on_roll(db, school, class_uuid))
    cfg = load_pe_config(db)
    errors: list[CellError] = []
    saved = 0
    with db.atomic():
        for student_uuid, data in rows:
            if student_uuid not in on_roll:
                errors.append(
                    CellError(student_uuid, "", tr("The student is not on the class's roll."))
                )
                continue
            values, problems = process_values(cfg, data)
            if problems:
                errors.extend(CellError(student_uuid, f, m) for f, m in problems.items())
                continue
            saved += _write(db, student_uuid, code, values, actor)
    return BatchResult(saved, tuple(errors))


def delete_process_record(db: Database, student_uuid: str, term: str, *, actor: str) -> bool:
    """Tombstone the student's record of the term; False when there was none."""
    with db.atomic():
        stored = repo_pe.find_record(db, student_uuid, parse_term(term).code)
        return stored is not None and tombstone_record(db, repo_pe.TABLE, stored.meta.uuid, actor)


def term_awards(db: Database, term: str) -> dict[str, list[Award]]:
    """student uuid → the sports awards the student won in the term."""
    start, end = term_range(term)
    out: dict[str, list[Award]] = {}
    for award in list_awards(db, domain=AwardDomain.SPORTS):
        if start <= award.date <= end:
            for student in award.winners:
                out.setdefault(student, []).append(award)
    return out


@dataclass(frozen=True)
class ProcessRow:
    student_uuid: str
    student_no: str
    name: str
    sex: str
    record: ProcessRecord | None
    awards: tuple[Award, ...]  # the term's sports awards
    score: ProcessScore


@dataclass(frozen=True)
class ComprehensiveRow:
    process: ProcessRow
    fitness_level: str | None
    result: Comprehensive


def class_process_rows(db: Database, class_uuid: str, term: str) -> list[ProcessRow]:
    """The class's students on roll (学籍号 order) with their record, awards and process score."""
    code = parse_term(term).code
    school = require_school(db).code
    uuids = class_students_on_roll(db, school, class_uuid)
    return _rows(db, load_pe_config(db), code, uuids)


def _rows(db: Database, cfg: PEConfig, term: str, uuids: Sequence[str]) -> list[ProcessRow]:
    records = repo_pe.records_for_students(db, term, uuids)
    awards = term_awards(db, term)
    people = _people(db, uuids)
    rows = []
    for uuid in uuids:
        no, name, sex = people.get(uuid, ("", "", ""))
        won = tuple(awards.get(uuid, ()))
        record = records.get(uuid)
        rows.append(ProcessRow(uuid, no, name, sex, record, won, process_score(cfg, record, won)))
    return rows


def _people(db: Database, uuids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(uuids), 500):  # SQLite's variable limit
        chunk = list(uuids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT uuid, student_no, name, sex FROM students WHERE uuid IN ({marks})"
        out.update({r[0]: (r[1], r[2], r[3]) for r in db.execute(sql, chunk)})
    return out


def comprehensive_results(db: Database, class_uuid: str, term: str) -> list[ComprehensiveRow]:
    """Each student's comprehensive PE result of the term (see ``app.pe.config``)."""
    code = parse_term(term)
    school = require_school(db).code
    cfg = load_pe_config(db)
    rows = _rows(db, cfg, code.code, class_students_on_roll(db, school, class_uuid))
    fitness = year_results(db, school, code.school_year, class_uuid=class_uuid)
    out = []
    for row in rows:
        sy = fitness.get(row.student_uuid)
        total = sy.result.total_score if sy else None
        exempt = bool(sy and sy.result.exempt)
        result = comprehensive(cfg, total, row.score.score, exempt=exempt)
        out.append(ComprehensiveRow(row, sy.result.level if sy else None, result))
    return out


def report_lines(
    db: Database, *, term: str, student_uuids: Iterable[str]
) -> dict[str, list[tuple[str, str]]]:
    """For the 综合素质档案: student uuid → (label, value) lines of the term's process evaluation."""
    code = parse_term(term).code
    cfg = load_pe_config(db)
    out: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(db, cfg, code, list(dict.fromkeys(student_uuids))):
        lines = []
        for key, value in row.score.components.items():
            if cfg.weights.get(key, 0) <= 0:
                continue
            text = "—" if value is None else f"{value:.1f}"
            if key == SKILL and row.record is not None and row.record.skill_item:
                # The sport and its level say more than the points alone.
                skill = f"{row.record.skill_item} {row.record.skill_level}".strip()
                text = skill if value is None else f"{skill} ({text})"
            lines.append((component_label(key), text))
        score = row.score.score
        lines.append((tr("PE process score"), "—" if score is None else f"{score:.1f}"))
        out[row.student_uuid] = lines
    return out
