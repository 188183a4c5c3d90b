"""``roster …``: import and export the student roster, promote every class at a new school year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import open_ws, print_json
from app.errors import UserError
from app.i18n import tr
from app.services.promotion import PromotionPlan, plan_promotion, promote_grades
from app.services.roster_export import export_roster
from app.services.roster_import import ImportReport, import_roster
from app.validation.codes import GRADE_NAMES

SHOWN_REJECTIONS = 20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roster = sub.add_parser("roster", help="the student roster (花名册)")
    rsub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    imp = rsub.add_parser("import", help="import students from an .xlsx, .xls or .csv file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check the file; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")
    imp.set_defaults(handler=_import)

    exp = rsub.add_parser("export", help="write the roster to an .xlsx file")
    exp.add_argument("file", type=Path, metavar="FILE.xlsx")
    exp.add_argument(
        "--include-left", action="store_true", help="also list students who left (转出, 毕业)"
    )
    exp.set_defaults(handler=_export)

    pro = rsub.add_parser(
        "promote", help="move every class up one grade at a new school year (backup first)"
    )
    pro.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    pro.set_defaults(handler=_promote)


def _import(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        report = import_roster(ws.db, args.file, actor=ws.actor, dry_run=args.dry_run)
    finally:
        ws.close()
    if args.json:
        print_json(report.to_json())
    else:
        _print_import_summary(report)
    return 0  # rejected rows are reported, not an error


def _print_import_summary(report: ImportReport) -> None:
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
        if r.field:
            print(tr("Row {row} [{field}] {reason}", row=r.row, field=r.field, reason=r.reason))
        else:
            print(tr("Row {row}: {reason}", row=r.row, reason=r.reason))
    more = len(report.rejected) - SHOWN_REJECTIONS
    if more > 0:
        print(tr("… and {count} more rejected rows; --json lists them all.", count=more))


def _export(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        count = export_roster(ws.db, args.file, include_left=args.include_left)
    finally:
        ws.close()
    print(tr("{count} students written to {path}.", count=count, path=args.file))
    return 0


def _promote(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        plan = plan_promotion(ws.db)
        _print_plan(plan)
        if not args.yes and not _confirmed():
            raise UserError(tr("Promotion cancelled; nothing was changed."))
        report = promote_grades(ws.db, actor=ws.actor, backup_dir=ws.paths.backups)
    finally:
        ws.close()
    print(
        tr(
            "Done: {promoted} classes moved up, {graduated} classes graduated "
            "({students} students). The current term is now {term}.",
            promoted=report.classes_promoted,
            graduated=report.classes_graduated,
            students=report.students_graduated,
            term=report.term,
        )
    )
    print(tr("Backup taken before the promotion: {path}", path=report.backup))
    return 0


def _grade(code: int | None) -> str:
    return tr("graduation") if code is None else GRADE_NAMES.get(code, str(code))


def _print_plan(plan: PromotionPlan) -> None:
    print(
        tr(
            "Promotion to school year {year}: {promoted} classes move up, {graduating} classes "
            "graduate ({students} students).",
            year=plan.school_year,
            promoted=len(plan.promoted),
            graduating=len(plan.graduating),
            students=sum(m.on_roll for m in plan.graduating),
        )
    )
    for m in plan.moves:
        print(
            "  "
            + tr(
                "{name}: {before} → {after}, {count} students",
                name=m.old_name,
                before=_grade(m.from_grade),
                after=_grade(m.to_grade),
                count=m.on_roll,
            )
        )
    suspended = sum(m.suspended for m in plan.moves)
    if suspended:
        print(
            tr(
                "{count} suspended students stay in their classes; their status does not change.",
                count=suspended,
            )
        )


def _confirmed() -> bool:
    try:
        answer = input(tr("A database backup is taken first. Type yes to promote: "))
    except EOFError:
        answer = ""
    if not sys.stdin.isatty():
        print()  # a typed answer ends the prompt line; a piped one does not
    return answer.strip().lower() == "yes"
