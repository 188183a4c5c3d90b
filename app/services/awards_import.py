"""Awards import (获奖名单导入): a spreadsheet with one row per student and award → awards.

Like the roster import: ``plan_awards_import`` checks every row and compares with the database
without writing, ``commit_awards_import`` writes the plan in one transaction, and a row with any
problem is rejected with its row number, the offending column's header as written in the file and
the reason. Warnings (a 国家级 contest not on the MOE list, an arts award from an organiser that
is not an education authority) do not stop a row; they are reported with it.

Rows become awards this way: rows with the same certificate number (not blank) and the same event,
organiser, level, rank, date and domain are one team award with several winners; every other row
is an award of its own. A row whose student already holds the same award (event, organiser, date,
level and rank as written) is a duplicate and skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.arts.constants import AwardDomain
from app.excel.header_mapping import guess_mapping, unmapped_headers
from app.excel.table_reader import RawTable, read_table
from app.i18n import tr
from app.services.awards_import_rows import (
    FIELD_LABELS_ZH,
    FIELDS,
    REQUIRED,
    StudentRef,
    ValidAwardRow,
    check_row,
    rejection,
)
from app.services.import_common import (
    Progress,
    rejected_json,
    require_columns,
    tick,
)
from app.services.import_common import save_rejected_rows as _save_rejected
from app.services.roster_rows import RejectedRow
from app.services.workspace import require_school
from db import repo_awards, repo_students
from db.records import insert_many

AWARD_SYNONYMS: dict[str, list[str]] = {
    "student_no": ["学籍号", "全国学籍号", "学生学籍号", "学生全国学籍号"],
    "name": ["姓名", "学生姓名", "获奖学生"],
    "event": ["比赛名称", "竞赛名称", "赛事名称", "活动名称", "比赛活动名称", "展演名称"],
    "organizer": ["主办单位", "主办方", "组织单位", "举办单位"],
    "education_authority": [
        "是否教育行政部门",
        "是否教育行政部门主办",
        "教育行政部门主办",
        "主办单位类型",
        "是否教育部门主办",
    ],
    "level": ["级别", "获奖级别", "比赛级别", "奖励级别"],
    "rank": ["等次", "获奖等次", "奖项", "等级", "获奖等级", "名次"],
    "date": ["日期", "获奖日期", "获奖时间", "比赛日期", "时间"],
    "certificate_no": ["证书编号", "证书号", "获奖证书编号"],
    "adviser": ["指导教师", "指导老师", "辅导教师"],
    "domain": ["领域", "类别", "所属领域"],
    "whitelist": ["是否白名单赛事", "是否白名单", "白名单赛事", "是否在教育部竞赛名单内"],
    "category": ["项目", "比赛项目", "参赛项目"],
    "team_name": ["团队名称", "队名", "参赛队名称"],
}


@dataclass(frozen=True)
class AwardsImportReport:
    awards: int  # awards created (or that a commit would create)
    winners: int  # award winner rows created
    duplicates: int  # rows already recorded (skipped)
    rejected: list[RejectedRow]
    warnings: list[tuple[int, str]]  # (row number, warning)
    skipped_blank: int
    committed: bool
    headers: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "awards": self.awards,
            "winners": self.winners,
            "duplicates": self.duplicates,
            "rejected": rejected_json(self.rejected),
            "warnings": [{"row": row, "warning": w} for row, w in self.warnings],
        }


@dataclass(frozen=True)
class AwardsImportPlan:
    school_code: str
    headers: tuple[str, ...]
    valid: tuple[ValidAwardRow, ...]
    rejected: tuple[RejectedRow, ...]
    skipped_blank: int

    def report(self, db: Database) -> AwardsImportReport:
        """What a commit would do now (nothing is written)."""
        groups, duplicates = _group(self.valid, repo_awards.winner_keys(db, self.school_code))
        winners = sum(len(g.winners) for g in groups)
        return self._report(len(groups), winners, duplicates, committed=False)

    def _report(
        self, awards: int, winners: int, duplicates: int, *, committed: bool
    ) -> AwardsImportReport:
        return AwardsImportReport(
            awards=awards,
            winners=winners,
            duplicates=duplicates,
            rejected=list(self.rejected),
            warnings=[(v.row, w) for v in self.valid for w in v.warnings],
            skipped_blank=self.skipped_blank,
            committed=committed,
            headers=self.headers,
        )


def read_awards_file(path: Path) -> RawTable:
    return read_table(Path(path), synonyms=AWARD_SYNONYMS)


def guess_awards_mapping(table: RawTable) -> tuple[dict[str, int], list[str]]:
    mapping = guess_mapping(table.headers, AWARD_SYNONYMS)
    return mapping, unmapped_headers(table.headers, mapping)


def plan_awards_import(
    db: Database,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    default_domain: AwardDomain = AwardDomain.ARTS,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AwardsImportPlan:
    """Check every row against the roster and the award rules; writes nothing."""
    _require_columns(table, mapping)
    school = require_school(db)
    students = {
        number: StudentRef(r["uuid"], r["name"])
        for number, r in repo_students.students_by_number(db, school.code).items()
    }
    headers = {f: table.headers[c] for f, c in mapping.items()}
    valid: list[ValidAwardRow] = []
    rejected: list[RejectedRow] = []
    blank = 0
    for i, (cells, row_no) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if i % 256 == 0:
            tick(i, len(table.rows), progress, cancelled)
        raw = {f: cells[c] for f, c in mapping.items()}
        if all(v is None for v in raw.values()):
            blank += 1
            continue
        row, errors = check_row(
            row_no, raw, students, default_domain=default_domain, today=today or dt.date.today()
        )
        if row is None:
            rejected.append(rejection(row_no, cells, errors, headers))
        else:
            valid.append(row)
    return AwardsImportPlan(
        school.code, table.headers, tuple(valid), tuple(rejected), table.skipped_blank + blank
    )


def commit_awards_import(db: Database, plan: AwardsImportPlan, *, actor: str) -> AwardsImportReport:
    """Write the plan's new awards and winners in one transaction (duplicates compared inside it)."""
    with db.atomic():
        groups, duplicates = _group(plan.valid, repo_awards.winner_keys(db, plan.school_code))
        award_rows = [{"school_code": plan.school_code, **g.values} for g in groups]
        uuids = insert_many(db, "awards", award_rows, actor, source="awards import")
        winners = [
            {"award_uuid": uuid, "student_uuid": student}
            for uuid, g in zip(uuids, groups, strict=True)
            for student in g.winners
        ]
        insert_many(db, "award_winners", winners, actor, source="awards import")
    return plan._report(len(uuids), len(winners), duplicates, committed=True)


def import_awards(
    db: Database,
    path: Path,
    *,
    actor: str,
    dry_run: bool = False,
    mapping: Mapping[str, int] | None = None,
    default_domain: AwardDomain = AwardDomain.ARTS,
    today: dt.date | None = None,
) -> AwardsImportReport:
    """Read, check and (unless ``dry_run``) commit an awards file."""
    table = read_awards_file(Path(path))
    if mapping is None:
        mapping, _ = guess_awards_mapping(table)
    plan = plan_awards_import(db, table, mapping, default_domain=default_domain, today=today)
    return plan.report(db) if dry_run else commit_awards_import(db, plan, actor=actor)


def save_rejected_rows(report: AwardsImportReport, path: Path) -> None:
    """The rejected rows as .xlsx: the file's own headers plus a reason column, all as text."""
    _save_rejected(report.rejected, report.headers, path)


AwardKey = tuple[tuple[str, Any], ...]


@dataclass
class _NewAward:
    values: dict[str, Any]
    winners: list[str]


def _group(
    valid: tuple[ValidAwardRow, ...], existing: set[tuple[str, str, str, str, str, str]]
) -> tuple[list[_NewAward], int]:
    """The awards to create with their winners (file order), and how many rows were duplicates."""
    groups: dict[AwardKey, _NewAward] = {}
    seen = set(existing)
    duplicates = 0
    for i, v in enumerate(valid):
        vals = v.values
        key = (
            v.student_uuid,
            vals["event"],
            vals["organizer"],
            vals["date"],
            vals["level"],
            vals["rank_text"],
        )
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        # A blank certificate number makes the row an award of its own (the index keeps it apart).
        award: AwardKey = tuple(sorted(vals.items())) + (
            () if vals["certificate_no"] else (("#", i),)
        )
        groups.setdefault(award, _NewAward(vals, [])).winners.append(v.student_uuid)
    return list(groups.values()), duplicates


def _require_columns(table: RawTable, mapping: Mapping[str, int]) -> None:
    require_columns(
        table,
        mapping,
        fields=FIELDS,
        required=REQUIRED,
        labels=FIELD_LABELS_ZH,
        todo=lambda: tr(
            "Name the columns in the header row (学籍号, 比赛名称, 主办单位, 是否教育行政部门, 级别, 等次, 日期)."
        ),
    )
