"""``keys …`` (show, back up, rotate) and the key actions of ``school …`` (trust-bureau,
export-identity), which app/cli/school.py registers through ``register_school_actions``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import open_ws, print_json
from app.cli.passphrase import add_passphrase_option, asker, given_passphrase
from app.errors import UserError
from app.i18n import tr
from app.packets.keys import format_fingerprint
from app.services import keys_service
from app.services.workspace import Workspace


def print_fingerprint(fp: str) -> None:
    print(
        tr("  fingerprint, to compare by phone: {short}", short=format_fingerprint(fp, short=True))
    )
    print(tr("  full fingerprint: {full}", full=format_fingerprint(fp)))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="this workspace's keys: fingerprints, backup, rotation")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    show = ksub.add_parser("show", help="fingerprints of this workspace's keys")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)
    backup = ksub.add_parser("backup", help="copy the encrypted key files to a folder")
    backup.add_argument("folder", metavar="DIR")
    backup.set_defaults(handler=_backup)
    rotate = ksub.add_parser("rotate", help="make a new school signing key (the bureau re-enrols)")
    add_passphrase_option(rotate)
    rotate.set_defaults(handler=_rotate)


def register_school_actions(ssub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    trust = ssub.add_parser("trust-bureau", help="trust the bureau's public keys file")
    trust.add_argument("file", metavar="FILE")
    trust.add_argument(
        "--fingerprint", metavar="FP", help="the fingerprint the bureau read out (checked)"
    )
    trust.set_defaults(handler=_trust_bureau)
    identity = ssub.add_parser("export-identity", help="write the school's identity for the bureau")
    identity.add_argument("file", metavar="FILE")
    add_passphrase_option(identity)
    identity.set_defaults(handler=_export_identity)


def create_key_after_init(ws: Workspace, args: argparse.Namespace) -> None:
    """Called by ``school init``: make the signing key now if a passphrase was given."""
    try:
        made = keys_service.create_school_key_if_possible(ws, given_passphrase(args))
    except UserError as exc:  # the school itself is set up; the key can be made later
        print(tr("The signing key was not created: {reason}", reason=exc), file=sys.stderr)
        return
    if made is not None:
        print(tr("The school's signing key was created."))
        print_fingerprint(made.fingerprint)


def _show(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        own = keys_service.own_keys(ws.db)
        trusted = keys_service.trusted_bureau(ws.db)
    finally:
        ws.close()
    if args.json:
        doc: dict[str, Any] = {
            "keys": [
                {"role": k.role, "fingerprint": k.fingerprint, "status": k.status} for k in own
            ],
            "trusted_bureau": None
            if trusted is None
            else {
                "name": trusted.bureau_name,
                "signing_fingerprint": trusted.signing_fingerprint,
                "encryption_key_id": trusted.encryption_key_id,
            },
        }
        print_json(doc)
        return 0
    if not own:
        print(tr("This workspace has no keys yet."))
    for k in own:
        print(tr("{role} key ({status}):", role=k.role, status=k.status))
        print_fingerprint(k.fingerprint)
    if trusted is not None:
        print(tr("Trusted bureau: {name}", name=trusted.bureau_name))
        print_fingerprint(trusted.signing_fingerprint)
    return 0


def _backup(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        copied = keys_service.backup_keys(ws, Path(args.folder))
    finally:
        ws.close()
    print(tr("{n} key files copied to {path}.", n=len(copied), path=args.folder))
    print(tr("They stay encrypted: the backup is useless without the passphrase, so keep both."))
    return 0


def _rotate(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        made = keys_service.rotate_school_key(ws, asker(args)(True))
    finally:
        ws.close()
    print(tr("A new signing key was made; the old one is kept but no longer used."))
    print_fingerprint(made.fingerprint)
    print(tr("Send the new identity to the bureau: baosong-cli school export-identity FILE."))
    return 0


def _trust_bureau(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        outcome = keys_service.trust_bureau(ws, Path(args.file), args.fingerprint)
    finally:
        ws.close()
    keys = outcome.keys
    if outcome.unchanged:
        print(tr("These bureau keys were already trusted: {name}.", name=keys.bureau_name))
    else:
        print(
            tr(
                "Bureau keys trusted: {name} ({district}).",
                name=keys.bureau_name,
                district=keys.district,
            )
        )
    print_fingerprint(keys.signing_fingerprint)
    if outcome.replaced is not None:
        print(
            tr(
                "They replace the keys trusted before ({short}).",
                short=format_fingerprint(outcome.replaced.signing_fingerprint, short=True),
            )
        )
    if args.fingerprint is None:
        print(tr("Compare the fingerprint with the bureau by phone before sending packets."))
    return 0


def _export_identity(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        identity = keys_service.export_school_identity(ws, asker(args), Path(args.file))
    finally:
        ws.close()
    print(
        tr(
            "Identity of school {code} {name} written to {path}.",
            code=identity.school_code,
            name=identity.school_name,
            path=args.file,
        )
    )
    print_fingerprint(identity.fingerprint)
    return 0
