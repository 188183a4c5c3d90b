"""``demo``: fill an empty workspace with a realistic demo school (see app/services/demo.py)."""

from __future__ import annotations

import argparse

from app.cli.common import open_ws
from app.i18n import tr
from app.services.demo import create_demo_school
from app.services.roster import find_students, list_classes


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="fill an empty workspace with a realistic demo school")
    demo.add_argument(
        "--students", type=_positive, default=1000, metavar="N", help="number of students (1000)"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="S", help="same seed, same school (default 1)"
    )
    demo.add_argument("--code", help="学校标识码 (default: derived from the seed)")
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        school = create_demo_school(
            ws.db, students=args.students, seed=args.seed, code=args.code, actor=ws.actor
        )
        classes = len(list_classes(ws.db))
        students = len(find_students(ws.db))
    finally:
        ws.close()
    print(
        tr(
            "Demo school {code} {name}: {students} students in {classes} classes, in {path}.",
            code=school.code,
            name=school.name,
            students=students,
            classes=classes,
            path=ws.paths.root,
        )
    )
    return 0
