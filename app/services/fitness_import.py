"""Fitness import (体质测试成绩导入): the national upload layout or a test device's export.

Both are one sheet with a header row; columns are found by header text through ``FITNESS_SYNONYMS``
(every spelling of the national templates, plus common device spellings) and the user can map
the rest, as in the roster import. Students are matched by 学籍号 and never created. Like the
roster import there are two steps, ``plan_fitness_import`` (a pure read, the dry run) and
``commit_fitness_import`` (one transaction, compared again inside it); only cells holding a value
change a stored test, so importing a file again, or our own national export, changes nothing.

Which attempt a row updates: by default the year's record, i.e. the 补测 when one is stored (the
national file carries the result that stands), else the first test; ``attempt`` forces one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.errors import ImportFileError
from app.excel.header_mapping import (
    guess_mapping,
    normalise_header,
    synonym_index,
    unmapped_headers,
)
from app.excel.table_reader import RawTable, read_table
from app.i18n import tr
from app.services.fitness_import_rows import (
    FitnessRow,
    RosterEntry,
    check_fitness_rows,
)
from app.services.fitness_values import INPUT_KEYS, content
from app.services.fitness_writes import starting_values
from app.services.import_common import ImportReport, check_mapping, tick

# Re-exported: fitness_import_spec takes the callback types from here.
from app.services.import_spec import IsCancelled as IsCancelled
from app.services.import_spec import Progress as Progress
from app.services.roster_rows import RejectedRow
from app.services.workspace import current_term, require_school
from app.terms import parse_school_year
from db import repo_classes, repo_fitness, repo_students
from db.records import new_uuids
from db.repo_fitness import ATTEMPT_FIRST, ATTEMPT_RETEST, ATTEMPTS, FitnessTest

FITNESS_SYNONYMS: dict[str, list[str]] = {
    "student_no": ["学籍号", "全国学籍号", "学生全国学籍号", "学籍编号", "学生学籍号"],
    "name": ["姓名", "学生姓名"],
    "sex": ["性别", "性别代码"],
    "grade_code": ["年级编号", "年级"],
    "exempt_reason": ["免测原因", "免体原因", "免测理由"],
    "height_cm": ["身高", "身高cm"],
    "weight_kg": ["体重", "体重kg"],
    "vital_capacity": ["肺活量", "肺活量ml"],
    "run_50m": ["50米跑", "50米", "50m跑", "50米短跑"],
    "sit_and_reach": ["坐位体前屈"],
    "rope_skip_1min": ["一分钟跳绳", "1分钟跳绳", "跳绳"],
    "sit_up_1min": ["一分钟仰卧起坐", "1分钟仰卧起坐", "仰卧起坐"],
    "shuttle_50m_x8": ["50米×8往返跑", "50米x8往返跑", "50米8往返跑", "50×8往返跑", "50x8往返跑"],
    "standing_long_jump": ["立定跳远"],
    "pull_up": ["引体向上"],
    "run_1000m": ["1000米跑", "1000米", "男子1000米跑"],
    "run_800m": ["800米跑", "800米", "女子800米跑"],
}
FIELDS: tuple[str, ...] = tuple(FITNESS_SYNONYMS)
CHUNK = 2000  # records per executemany between cancel checks


@dataclass(frozen=True)
class FitnessImportPlan:
    school_code: str
    school_year: str
    attempt: str | None
    headers: tuple[str, ...]
    valid: tuple[FitnessRow, ...]
    rejected: tuple[RejectedRow, ...]
    skipped_blank: int
    created: int
    updated: int
    unchanged: int

    def report(self) -> ImportReport:
        return ImportReport.of(self, self.created, self.updated, self.unchanged, committed=False)


@dataclass
class _Diff:
    creates: list[dict[str, Any]] = field(default_factory=list)
    updates: list[repo_fitness.FitnessUpdate] = field(default_factory=list)
    unchanged: int = 0


def read_fitness_file(path: Path) -> RawTable:
    return read_table(Path(path), synonyms=FITNESS_SYNONYMS)


def guess_fitness_mapping(table: RawTable) -> tuple[dict[str, int], list[str]]:
    """Field → column index for the headers recognised, and the headers left for the user
    (a second column of a mapped item, e.g. 一分钟仰卧起坐（女）, is read too: not left over)."""
    mapping = guess_mapping(table.headers, FITNESS_SYNONYMS)
    taken = {c for cols in _alternates(table, mapping).values() for c in cols}
    used = {**{f"#{c}": c for c in taken}, **mapping}
    return mapping, unmapped_headers(table.headers, used)


def plan_fitness_import(
    db: Database,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    school_year: str | None = None,
    attempt: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> FitnessImportPlan:
    """Check every row and compare with the database; writes nothing (the dry run)."""
    _require_columns(table, mapping)
    if attempt is not None and attempt not in ATTEMPTS:
        raise ValueError(f"attempt must be one of {ATTEMPTS} or None, not {attempt!r}")
    school = require_school(db)
    current = current_term(db).school_year
    year = parse_school_year(school_year) if school_year else current
    stored = _stored_tests(db, school.code, year)
    checked = check_fitness_rows(
        table,
        mapping,
        _roster(db, school.code, stored),
        current_year=current,
        school_year=year,
        alternates=_alternates(table, mapping),
        progress=progress,
        cancelled=cancelled,
    )
    valid, rejected = _check_attempts(checked.valid, stored, attempt, table)
    diff = _compare(year, attempt, valid, stored)
    return FitnessImportPlan(
        school_code=school.code,
        school_year=year,
        attempt=attempt,
        headers=table.headers,
        valid=tuple(valid),
        rejected=tuple(sorted([*checked.rejected, *rejected], key=lambda r: r.row)),
        skipped_blank=table.skipped_blank + checked.blank,
        created=len(diff.creates),
        updated=len(diff.updates),
        unchanged=diff.unchanged,
    )


def commit_fitness_import(
    db: Database,
    plan: FitnessImportPlan,
    *,
    actor: str,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportReport:
    """Write the plan in one transaction (compared again inside it); a cancel rolls it back."""
    with db.atomic():
        stored = _stored_tests(db, plan.school_code, plan.school_year)
        diff = _compare(plan.school_year, plan.attempt, plan.valid, stored)
        uuids = iter(new_uuids(len(diff.creates)))
        creates = [(next(uuids), c) for c in diff.creates]
        total, done = len(creates) + len(diff.updates), 0
        for start in range(0, max(len(creates), len(diff.updates)), CHUNK):
            tick(done, total, progress, cancelled)
            repo_fitness.insert_tests(
                db, creates[start : start + CHUNK], actor, source="fitness import"
            )
            repo_fitness.update_tests(db, diff.updates[start : start + CHUNK], actor)
            done += len(creates[start : start + CHUNK]) + len(diff.updates[start : start + CHUNK])
        tick(total, total, progress, cancelled)
    return ImportReport.of(
        plan, len(diff.creates), len(diff.updates), diff.unchanged, committed=True
    )


def import_fitness(
    db: Database,
    path: Path,
    *,
    actor: str,
    school_year: str | None = None,
    attempt: str | None = None,
    dry_run: bool = False,
    mapping: Mapping[str, int] | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run``) commit a national upload file or device export."""
    table = read_fitness_file(Path(path))
    if mapping is None:
        mapping, _ = guess_fitness_mapping(table)
    plan = plan_fitness_import(
        db,
        table,
        mapping,
        school_year=school_year,
        attempt=attempt,
        progress=progress,
        cancelled=cancelled,
    )
    if dry_run:
        return plan.report()
    return commit_fitness_import(db, plan, actor=actor, cancelled=cancelled)


def mapping_with(table: RawTable, overrides: Mapping[str, str]) -> dict[str, int]:
    """The guessed mapping plus the user's ``{header as written: field}`` choices."""
    mapping, _ = guess_fitness_mapping(table)
    for header, fieldname in overrides.items():
        if fieldname not in FIELDS:
            raise ImportFileError(
                tr("{field} is not a field of the fitness import.", field=fieldname),
                tr("Use one of: {fields}.", fields=", ".join(FIELDS)),
            )
        if header not in table.headers:
            raise ImportFileError(
                tr("The file has no column {header}.", header=header),
                tr("Its columns are: {headers}.", headers=", ".join(h for h in table.headers if h)),
            )
        mapping = {f: c for f, c in mapping.items() if f != fieldname}
        mapping[fieldname] = table.headers.index(header)
    return mapping


def _alternates(table: RawTable, mapping: Mapping[str, int]) -> dict[str, list[int]]:
    """Unmapped columns whose header names an item that is already mapped (see the rows module)."""
    index = synonym_index(FITNESS_SYNONYMS)
    used = set(mapping.values())
    out: dict[str, list[int]] = {}
    for col, header in enumerate(table.headers):
        key = index.get(normalise_header(header))
        if key in INPUT_KEYS and key in mapping and col not in used:
            out.setdefault(key, []).append(col)
    return out


def _require_columns(table: RawTable, mapping: Mapping[str, int]) -> None:
    check_mapping(table, mapping, FIELDS)
    if "student_no" not in mapping:
        raise ImportFileError(
            tr(
                "The file {path} has no column for the student number (学籍号).",
                path=table.source.name,
            ),
            tr("Name the column 学籍号 in the header row, or map it when importing."),
        )
    if not any(k in mapping for k in (*INPUT_KEYS, "exempt_reason")):
        raise ImportFileError(
            tr("The file {path} has no column of a fitness test item.", path=table.source.name),
            tr("Use the national headers (身高, 体重, 肺活量, 50米跑 …) or map the columns."),
        )


def _stored_tests(db: Database, school_code: str, year: str) -> dict[tuple[str, str], FitnessTest]:
    return {
        (t.student_uuid, t.attempt): t for t in repo_fitness.tests_for_year(db, school_code, year)
    }


def _roster(
    db: Database, school_code: str, stored: Mapping[tuple[str, str], FitnessTest]
) -> dict[str, RosterEntry]:
    grades = {
        uuid: grade for (grade, _), uuid in repo_classes.active_class_index(db, school_code).items()
    }
    out = {}
    for number, row in repo_students.students_by_number(db, school_code).items():
        first = stored.get((row["uuid"], ATTEMPT_FIRST))
        out[number] = RosterEntry(
            uuid=row["uuid"],
            name=row["name"],
            sex=row["sex"],
            grade_now=grades.get(row["class_uuid"]),
            stored_grade=None if first is None else first.grade_code,
        )
    return out


def _target(
    row: FitnessRow, stored: Mapping[tuple[str, str], FitnessTest], attempt: str | None
) -> str:
    if attempt is not None:
        return attempt
    return ATTEMPT_RETEST if (row.student_uuid, ATTEMPT_RETEST) in stored else ATTEMPT_FIRST


def _check_attempts(
    valid: Sequence[FitnessRow],
    stored: Mapping[tuple[str, str], FitnessTest],
    attempt: str | None,
    table: RawTable,
) -> tuple[list[FitnessRow], list[RejectedRow]]:
    """A 补测 needs a first test that is not exempt; an exemption goes on the first test."""
    cells = dict(zip(table.row_numbers, table.rows, strict=True))
    good: list[FitnessRow] = []
    bad: list[RejectedRow] = []
    for row in valid:
        if _target(row, stored, attempt) != ATTEMPT_RETEST:
            good.append(row)
            continue
        first = stored.get((row.student_uuid, ATTEMPT_FIRST))
        reason = None
        if first is None:
            reason = tr("There is no first test this year to retest.")
        elif first.exempt or row.exempt_reason:
            reason = tr("An exempt (免测) student is not retested.")
        if reason is None:
            good.append(row)
        else:
            bad.append(RejectedRow(row.row, "", reason, tuple(cells[row.row])))
    return good, bad


def _compare(
    year: str,
    attempt: str | None,
    valid: Sequence[FitnessRow],
    stored: Mapping[tuple[str, str], FitnessTest],
) -> _Diff:
    diff = _Diff()
    for row in valid:
        target = _target(row, stored, attempt)
        old = stored.get((row.student_uuid, target))
        if old is None and not row.values and not row.exempt_reason:
            diff.unchanged += 1  # nothing measured, nothing to record
            continue
        first = stored.get((row.student_uuid, ATTEMPT_FIRST))
        values = dict(old.values) if old else starting_values(target, first)
        values.update(row.values)
        absent = (set(old.absent_items) if old else set()) - set(row.values)
        exempt, reason = (old.exempt, old.exempt_reason) if old else (False, "")
        if row.exempt_reason and not exempt:
            exempt, reason = True, row.exempt_reason
        new, _ = content(
            student_uuid=row.student_uuid,
            school_year=year,
            attempt=target,
            test_date=old.test_date if old else None,
            grade_code=old.grade_code if old else row.grade_code,
            sex=row.sex,
            values=values,
            absent=absent,
            exempt=exempt,
            exempt_reason=reason,
        )
        if old is None:
            diff.creates.append(new)
            continue
        before, after = repo_fitness.changed_columns(repo_fitness.content_of(old), new)
        if after:
            diff.updates.append(repo_fitness.FitnessUpdate(old.uuid, new, before, after))
        else:
            diff.unchanged += 1
    return diff


__all__ = [
    "FITNESS_SYNONYMS",
    "FitnessImportPlan",
    "commit_fitness_import",
    "guess_fitness_mapping",
    "import_fitness",
    "mapping_with",
    "plan_fitness_import",
    "read_fitness_file",
]
