"""``bureau …``: set up a bureau workspace, publish its keys, enrol and revoke school keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_ws, print_json
from app.cli.keys import print_fingerprint
from app.cli.merge_cli import register_bureau_actions
from app.cli.passphrase import add_passphrase_option, asker
from app.i18n import tr
from app.packets.keys import format_fingerprint
from app.services import bureau_keys
from app.services.bureau_workspace import init_bureau
from app.services.workspace import DEFAULT_DISTRICT


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bureau = sub.add_parser("bureau", help="the education bureau's workspace")
    bsub = bureau.add_subparsers(dest="bureau_command", metavar="ACTION", required=True)
    init = bsub.add_parser("init", help="create (or rename) the bureau workspace and its keys")
    init.add_argument("--name", required=True, help="bureau name")
    init.add_argument("--district", default=DEFAULT_DISTRICT, help="行政区划代码 (default 410308)")
    add_passphrase_option(init)
    init.set_defaults(handler=_init)
    export = bsub.add_parser("export-keys", help="write the bureau's public keys for the schools")
    export.add_argument("file", metavar="FILE")
    export.set_defaults(handler=_export_keys)
    enroll = bsub.add_parser("enroll", help="enrol a school's identity file (or its new key)")
    enroll.add_argument("file", metavar="FILE")
    enroll.add_argument(
        "--fingerprint", metavar="FP", help="the fingerprint the school read out (checked)"
    )
    enroll.set_defaults(handler=_enroll)
    revoke = bsub.add_parser("revoke", help="revoke every key of a school")
    revoke.add_argument("school_code", metavar="SCHOOL_CODE")
    revoke.set_defaults(handler=_revoke)
    schools = bsub.add_parser("schools", help="list the enrolled school keys")
    schools.add_argument("--json", action="store_true", help="machine-readable output")
    schools.set_defaults(handler=_schools)
    register_bureau_actions(bsub)  # merge, receipts


def _init(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        profile = init_bureau(ws.db, name=args.name, district=args.district)
        print(tr("Bureau {name} is set up in {path}.", name=profile.name, path=ws.paths.root))
        existing = bureau_keys.bureau_keys(ws.db)
        if existing is None:
            public = bureau_keys.create_bureau_keys(ws, asker(args)(True))
            print(tr("The bureau's keys were created."))
            fp = public.signing_fingerprint
        else:
            fp = existing[0].fingerprint
    finally:
        ws.close()
    print_fingerprint(fp)
    return 0


def _export_keys(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        keys = bureau_keys.export_bureau_keys(ws, Path(args.file))
    finally:
        ws.close()
    print(tr("The bureau's public keys were written to {path}.", path=args.file))
    print_fingerprint(keys.signing_fingerprint)
    return 0


def _enroll(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        outcome = bureau_keys.enroll_school(ws, Path(args.file), args.fingerprint)
    finally:
        ws.close()
    identity = outcome.identity
    fields = {"code": identity.school_code, "name": identity.school_name}
    if outcome.action == "unchanged":
        print(tr("School {code} {name} is already enrolled with this key.", **fields))
    elif outcome.action == "enrolled":
        print(tr("School {code} {name} is enrolled.", **fields))
    else:
        previous = outcome.previous.fingerprint if outcome.previous else ""
        print(
            tr(
                "School {code} {name} now uses a new key; the old one ({short}) is no longer accepted.",
                short=format_fingerprint(previous, short=True),
                **fields,
            )
        )
    print_fingerprint(identity.fingerprint)
    if args.fingerprint is None:
        print(tr("Compare the fingerprint with the school by phone."))
    return 0


def _revoke(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        count = bureau_keys.revoke_school(ws, args.school_code)
    finally:
        ws.close()
    print(tr("{n} keys of school {code} revoked.", n=count, code=args.school_code))
    return 0


def _schools(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        entries = bureau_keys.list_registry(ws.db)
    finally:
        ws.close()
    if args.json:
        print_json(
            [
                {
                    "school_code": e.school_code,
                    "school_name": e.school_name,
                    "fingerprint": e.fingerprint,
                    "status": e.status,
                    "enrolled_at": e.enrolled_at,
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        short = format_fingerprint(e.fingerprint, short=True)
        print(f"{e.school_code}  {e.school_name}  {short}  {e.status}")
    return 0
