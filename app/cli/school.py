"""``school …``: set up and describe the school of this workspace."""

from __future__ import annotations

import argparse

from app.cli import keys as key_actions
from app.cli.common import open_ws
from app.cli.merge_cli import register_school_actions as register_receipt_actions
from app.cli.passphrase import add_passphrase_option
from app.i18n import tr
from app.models import SchoolStage
from app.services.workspace import DEFAULT_DISTRICT, init_school


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    school = sub.add_parser("school", help="the school of this workspace")
    ssub = school.add_subparsers(dest="school_command", metavar="ACTION", required=True)
    init = ssub.add_parser("init", help="create (or update) the school workspace")
    init.add_argument("--code", required=True, help="学校标识码 (10 digits)")
    init.add_argument("--name", required=True, help="school name")
    init.add_argument("--district", default=DEFAULT_DISTRICT, help="行政区划代码 (default 410308)")
    init.add_argument(
        "--stage",
        default=SchoolStage.PRIMARY.value,
        choices=[s.value for s in SchoolStage],
        help="学段 (default primary)",
    )
    add_passphrase_option(init)  # the signing key is made at set-up only if one is given
    init.set_defaults(handler=_init)
    key_actions.register_school_actions(ssub)
    register_receipt_actions(ssub)  # import-receipt


def _init(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        school = init_school(
            ws.db,
            code=args.code,
            name=args.name,
            district=args.district,
            stage=SchoolStage(args.stage),
            actor=ws.actor,
        )
        print(
            tr(
                "School {code} {name} is set up in {path}.",
                code=school.code,
                name=school.name,
                path=ws.paths.root,
            )
        )
        key_actions.create_key_after_init(ws, args)
    finally:
        ws.close()
    return 0
