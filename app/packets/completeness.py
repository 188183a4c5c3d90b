"""The completeness check run before a packet is exported: gaps the clerk should see first.

A check is a plain function ``CheckContext → list[Finding]``; ``CHECKS`` is the list that runs.
Later issues add theirs (students without fitness results, classes without labor records) by
writing a function and appending it to ``CHECKS``. Findings never block an export on their own:
the clerk may export anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from app.i18n import tr
from app.models import StudentStatus, Term
from app.packets.sync_tables import TABLES, Record
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
    """Records of the packet that break the packet schema (the export would stop) or a domain
    rule such as a 学籍号 check digit (the bureau gets them as they are)."""
    examples: list[str] = []
    count = 0
    for table in TABLES:
        for record in ctx.records.get(table.name, ()):
            problems = table.validate(record)
            if not problems and table.advice is not None and not record["deleted"]:
                problems = table.advice(record)
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


CHECKS: tuple[CompletenessCheck, ...] = (
    students_on_roll,
    classes_without_students,
    invalid_records,
)


def run_checks(
    ctx: CheckContext, checks: Sequence[CompletenessCheck] = CHECKS
) -> CompletenessReport:
    return CompletenessReport(tuple(f for check in checks for f in check(ctx)))
