"""``fitness import`` and ``fitness export-national``: the fitness files of a school workspace.

``import FILE`` reads the national upload layout (.xls/.xlsx) or a test device's export
(.xlsx/.xls/.csv); columns are found by header, and ``--map HEADER=FIELD`` maps the others
(fields: student_no, name, sex, grade_code, exempt_reason and the measurement keys such as
height_cm, run_1000m). Students are matched by 学籍号 and never created; rejected rows are
reported (``--json``: ``{"created", "updated", "unchanged", "rejected": [{"row", "field",
"reason"}]}``, the roster import's shape). Exit code 0 even with rejected rows.

``export-national FILE.xlsx`` writes the national upload file of the school, a grade
(``--grade 21``) or a class (``--class 2101``: grade code + two-digit class number).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from sqlite_utils import Database

from app.cli.common import open_ws, print_json
from app.errors import UserError
from app.i18n import tr
from app.services.fitness_export import export_national
from app.services.fitness_import import import_fitness, mapping_with, read_fitness_file
from app.services.roster_import import ImportReport
from app.services.workspace import require_school
from db import repo_classes
from db.repo_fitness import ATTEMPTS

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
SHOWN_REJECTIONS = 20


def register_import(fsub: Subparsers) -> None:
    imp = fsub.add_parser(
        "import",
        help="import test results: the national upload file or a test device's export",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--year", metavar="YYYY-YYYY", help="school year (default: the current one)")
    imp.add_argument(
        "--attempt",
        choices=ATTEMPTS,
        help="first test or retest (default: the retest where one is recorded, else the first)",
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column the importer does not recognise, e.g. --map 学号=student_no",
    )
    imp.add_argument("--dry-run", action="store_true", help="check the file; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")
    imp.set_defaults(handler=_import)


def register_export(fsub: Subparsers) -> None:
    exp = fsub.add_parser(
        "export-national", help="write the national upload file (国家学生体质健康标准数据上报)"
    )
    exp.add_argument("file", type=Path, metavar="FILE.xlsx")
    exp.add_argument("--year", metavar="YYYY-YYYY", help="school year (default: the current one)")
    scope = exp.add_mutually_exclusive_group()
    scope.add_argument("--grade", type=int, metavar="CODE", help="only this grade, e.g. 21")
    scope.add_argument(
        "--class", dest="klass", metavar="CODE", help="only this class, e.g. 2101 (七年级1班)"
    )
    exp.set_defaults(handler=_export)


def _overrides(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header.strip() or not field.strip():
            raise UserError(
                tr("--map {value} is not HEADER=FIELD.", value=pair),
                tr("Write it like --map 学号=student_no."),
            )
        out[header.strip()] = field.strip()
    return out


def _import(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        mapping = None
        if args.map:
            mapping = mapping_with(read_fitness_file(args.file), _overrides(args.map))
        report = import_fitness(
            ws.db,
            args.file,
            actor=ws.actor,
            school_year=args.year,
            attempt=args.attempt,
            dry_run=args.dry_run,
            mapping=mapping,
        )
    finally:
        ws.close()
    if args.json:
        print_json(report.to_json())
    else:
        _print_summary(report)
    return 0


def _class_uuid(db: Database, code: str) -> str:
    text = code.strip()
    if not (text.isdigit() and len(text) >= 4):
        raise UserError(
            tr("--class {value} is not a class code.", value=code),
            tr("Write the grade code and the two-digit class number, e.g. 2101."),
        )
    found = repo_classes.find_active_class(
        db, require_school(db).code, int(text[:2]), int(text[2:])
    )
    if found is None:
        raise UserError(
            tr("There is no class {value} in this school.", value=code),
            tr("Check the class list: baosong-cli roster export FILE.xlsx."),
        )
    return found.meta.uuid


def _export(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        class_uuid = _class_uuid(ws.db, args.klass) if args.klass else None
        count = export_national(
            ws.db, args.file, school_year=args.year, class_uuid=class_uuid, grade_code=args.grade
        )
    finally:
        ws.close()
    print(tr("{count} students written to {path}.", count=count, path=args.file))
    return 0


def _print_summary(report: ImportReport) -> None:
    if not report.committed:
        print(tr("Dry run: nothing was written."))
    print(
        tr(
            "{created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected.",
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
    )
    for r in report.rejected[:SHOWN_REJECTIONS]:
        print(tr("Row {row} [{field}] {reason}", row=r.row, field=r.field or "-", reason=r.reason))
    more = len(report.rejected) - SHOWN_REJECTIONS
    if more > 0:
        print(tr("… and {count} more rejected rows; --json lists them all.", count=more))


__all__ = ["register_export", "register_import"]
