"""The completeness check run before a packet is exported: gaps the clerk should see first.

A check is a plain function ``CheckContext → list[Finding]``; ``CHECKS`` is the list that runs.
A new area adds its checks by writing a function and appending it to ``CHECKS``. Findings never
block an export on their own: the clerk may export anyway (records that break the packet schema
stop the export itself, with the writer's message).

The roster and duty checks read the database, not the packet's records: an incremental packet
holds only what changed, and a gap is a gap whatever was sent before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.i18n import tr
from app.models import StudentStatus, Term
from app.packets.sync_tables import TABLES, Record, SyncTable
from db import repo_packets, repo_students

MAX_EXAMPLES = 5
ON_ROLL = tuple(s for s in StudentStatus if s.is_on_roll)


@dataclass(frozen=True)
class CheckContext:
    db: Database
    school_code: str
    term: Term
    records: Mapping[str, Sequence[Record]]  # what the packet would contain, per table


@dataclass(frozen=True)
class Finding:
    check: str  # stable id, e.g. "no_students_on_roll"
    message: str  # translated, with the count
    count: int
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompletenessReport:
    findings: tuple[Finding, ...]

    @property
    def complete(self) -> bool:
        return not self.findings


CompletenessCheck = Callable[[CheckContext], list[Finding]]


def students_on_roll(ctx: CheckContext) -> list[Finding]:
    if repo_students.count_students(ctx.db, ctx.school_code, ON_ROLL) > 0:
        return []
    return [Finding("no_students_on_roll", tr("No student is on the roll."), 0)]


def classes_without_students(ctx: CheckContext) -> list[Finding]:
    names = repo_packets.classes_without_students(
        ctx.db, ctx.school_code, [s.value for s in ON_ROLL]
    )
    if not names:
        return []
    return [
        Finding(
            "classes_without_students",
            tr("{n} classes have no student on the roll.", n=len(names)),
            len(names),
            tuple(names[:MAX_EXAMPLES]),
        )
    ]


def invalid_records(ctx: CheckContext) -> list[Finding]:
    """Records of the packet that break the packet schema (the export would stop), a rule the
    bureau checks against the record's parent (fitness scores the engine would not give: the
    bureau rejects them) or a domain rule such as a 学籍号 check digit (the bureau gets them as
    they are)."""
    examples: list[str] = []
    count = 0
    for table in TABLES:
        records = ctx.records.get(table.name, ())
        parents = _parents(ctx.db, table, records)
        for record in records:
            problems = _problems(table, record, parents)
            if problems:
                count += 1
                if len(examples) < MAX_EXAMPLES:
                    examples.append(f"{table.name} {record.get('uuid')}: {problems[0]}")
    if not count:
        return []
    return [
        Finding(
            "invalid_records",
            tr("{n} records fail validation.", n=count),
            count,
            tuple(examples),
        )
    ]


def _problems(
    table: SyncTable, record: Record, parents: Mapping[str, Mapping[str, Any]]
) -> list[str]:
    problems = table.validate(record)
    if problems or record["deleted"]:
        return problems
    if table.advice is not None:
        problems = table.advice(record)
    check = table.parent_check
    parent = parents.get(record[check.column]) if check is not None else None
    if not problems and check is not None and parent is not None:
        problems = check.apply(record, parent)
    return problems


def _parents(
    db: Database, table: SyncTable, records: Iterable[Record]
) -> dict[str, dict[str, Any]]:
    """The rows the live records' ``parent_check`` refers to, by uuid."""
    check = table.parent_check
    if check is None:
        return {}
    uuids = sorted({r[check.column] for r in records if not r["deleted"]})
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        # check.parent is a registry table name, never user input.
        for row in db.query(f"SELECT * FROM {check.parent} WHERE uuid IN ({marks})", chunk):
            found[row["uuid"]] = row
    return found


def _on_roll_sql() -> str:
    return ", ".join(f"'{s.value}'" for s in ON_ROLL)  # enum values: safe to inline


def _fitness_gaps(ctx: CheckContext) -> list[tuple[str, bool]]:
    """("class student", has any result) of each on-roll student who is not PE-exempt and whose
    decisive attempt of the year (the 补测 when there is one) is missing, or neither complete
    nor 免测."""
    sql = f"""
SELECT c.name || ' ' || s.name,
       EXISTS (SELECT 1 FROM fitness_tests a WHERE a.student_uuid = s.uuid
               AND a.school_year = :year AND a.deleted = 0)
FROM students s JOIN classes c ON c.uuid = s.class_uuid
WHERE s.school_code = :school AND s.deleted = 0 AND s.pe_exempt = 0
  AND s.status IN ({_on_roll_sql()})
  AND NOT EXISTS (
      SELECT 1 FROM fitness_tests t WHERE t.student_uuid = s.uuid AND t.school_year = :year
        AND t.deleted = 0 AND (t.total_score IS NOT NULL OR t.exempt = 1)
        AND (t.attempt = 'retest' OR NOT EXISTS (
            SELECT 1 FROM fitness_tests r WHERE r.student_uuid = t.student_uuid
              AND r.school_year = t.school_year AND r.attempt = 'retest' AND r.deleted = 0)))
ORDER BY c.grade_code, c.class_no, s.name"""
    params = {"school": ctx.school_code, "year": ctx.term.school_year}
    return [(r[0], bool(r[1])) for r in ctx.db.execute(sql, params)]


def students_without_fitness_results(ctx: CheckContext) -> list[Finding]:
    """On-roll students (not PE-exempt) with no complete 体质健康 result for the term's 学年."""
    gaps = _fitness_gaps(ctx)
    missing = [name for name, tested in gaps if not tested]
    partial = [name for name, tested in gaps if tested]
    year = ctx.term.school_year
    findings = []
    if missing:
        text = tr(
            "{n} students on the roll have no fitness result for {year}.", n=len(missing), year=year
        )
        findings.append(
            Finding("students_without_fitness", text, len(missing), tuple(missing[:MAX_EXAMPLES]))
        )
    if partial:
        text = tr(
            "{n} students on the roll have an incomplete fitness result for {year} (an item "
            "not measured, or marked absent).",
            n=len(partial),
            year=year,
        )
        findings.append(
            Finding("fitness_incomplete", text, len(partial), tuple(partial[:MAX_EXAMPLES]))
        )
    return findings


def classes_without_labor_records(ctx: CheckContext) -> list[Finding]:
    """Current classes with students on the roll but no labor record in the term: no activity
    of the class, and no student now in it present at any activity. Classes without students
    are left to ``classes_without_students``."""
    sql = f"""
SELECT c.name FROM classes c
WHERE c.school_code = :school AND c.deleted = 0 AND c.graduated = 0
  AND EXISTS (SELECT 1 FROM students s WHERE s.class_uuid = c.uuid AND s.deleted = 0
              AND s.status IN ({_on_roll_sql()}))
  AND NOT EXISTS (SELECT 1 FROM labor_activities a WHERE a.class_uuid = c.uuid
                  AND a.term = :term AND a.deleted = 0)
  AND NOT EXISTS (
      SELECT 1 FROM students s
      JOIN labor_participations p ON p.student_uuid = s.uuid
      JOIN labor_activities a ON a.uuid = p.activity_uuid
      WHERE s.class_uuid = c.uuid AND s.deleted = 0 AND p.deleted = 0
        AND p.status = 'present' AND a.deleted = 0 AND a.term = :term)
ORDER BY c.grade_code, c.class_no"""
    names = [r[0] for r in ctx.db.execute(sql, {"school": ctx.school_code, "term": ctx.term.code})]
    if not names:
        return []
    text = tr("{n} classes have no labor record in {term}.", n=len(names), term=ctx.term.code)
    return [Finding("classes_without_labor", text, len(names), tuple(names[:MAX_EXAMPLES]))]


CHECKS: tuple[CompletenessCheck, ...] = (
    students_on_roll,
    classes_without_students,
    students_without_fitness_results,
    classes_without_labor_records,
    invalid_records,
)


def run_checks(
    ctx: CheckContext, checks: Sequence[CompletenessCheck] = CHECKS
) -> CompletenessReport:
    return CompletenessReport(tuple(f for check in checks for f in check(ctx)))
