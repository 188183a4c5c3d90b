"""``bureau merge`` / ``bureau receipts`` (registered by app/cli/bureau.py) and
``school import-receipt`` (registered by app/cli/school.py).

``bureau merge PATH… [--dry-run] [--json]`` exits 0 when every packet was merged or was a
duplicate, 3 when any was rejected (1 for a user error such as a wrong passphrase).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import open_ws, print_json
from app.cli.passphrase import add_passphrase_option, asker
from app.i18n import tr
from app.services import bureau_keys, receipts
from app.services.bureau_intake import IntakeReport, PacketResult, intake_packets
from app.services.merge import reason_text
from app.services.receipt_import import import_receipt

EXIT_REJECTED = 3
MAX_LISTED = 20  # records listed per packet in the text output


def register_bureau_actions(bsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    merge = bsub.add_parser("merge", help="verify and merge school packets (files or folders)")
    merge.add_argument("paths", metavar="PATH", nargs="+", help=".bspkt files or folders")
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would happen, change nothing"
    )
    merge.add_argument("--json", action="store_true", help="machine-readable output")
    add_passphrase_option(merge)
    merge.set_defaults(handler=_merge)
    out = bsub.add_parser("receipts", help="write the signed receipts and returns not yet written")
    out.add_argument("--out", required=True, metavar="DIR", help="folder to write them to")
    out.add_argument("--json", action="store_true", help="machine-readable output")
    add_passphrase_option(out)
    out.set_defaults(handler=_receipts)


def register_school_actions(ssub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = ssub.add_parser("import-receipt", help="import the bureau's receipt or return")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    imp.set_defaults(handler=_import_receipt)


def _merge(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        keys = bureau_keys.load_bureau_decryption_keys(ws, asker(args)(False))
        report = intake_packets(
            ws, [Path(p) for p in args.paths], decryption_keys=keys, dry_run=args.dry_run
        )
    finally:
        ws.close()
    if args.json:
        print_json(
            {
                "dry_run": report.dry_run,
                "backup": str(report.backup) if report.backup else None,
                "packets": [packet_json(p) for p in report.packets],
            }
        )
    else:
        _print_report(report)
    return EXIT_REJECTED if report.any_rejected else 0


def packet_json(p: PacketResult) -> dict[str, Any]:
    return {
        "file": str(p.file),
        "status": p.status,
        "code": p.code,
        "reason": p.reason,
        "todo": p.todo,
        "sha256": p.sha256,
        "school_code": p.school_code,
        "sequence": p.sequence,
        "chain": p.chain,
        "tables": {name: counts.to_json() for name, counts in p.tables.items()},
        "records": [i.__dict__ for i in p.issues],
        "quarantined": str(p.quarantined) if p.quarantined else None,
    }


def _print_report(report: IntakeReport) -> None:
    if report.dry_run:
        print(tr("Dry run: nothing was changed."))
    for p in report.packets:
        label = {
            "merged": tr("merged") if not report.dry_run else tr("would be merged"),
            "duplicate": tr("duplicate"),
            "rejected": tr("REJECTED"),
        }[p.status]
        where = f" {p.school_code} #{p.sequence}" if p.school_code else ""
        print(f"{p.file}{where}: {label}")
        if p.reason:
            print(f"  {p.reason}")
        if p.todo:
            print(f"  {p.todo}")
        if p.quarantined:
            print(tr("  copied to {path}", path=p.quarantined))
        for name, c in p.tables.items():
            print(
                tr(
                    "  {table}: {created} created, {updated} updated, {unchanged} unchanged, "
                    "{conflicts} conflicts, {rejected} rejected",
                    table=name,
                    **c.to_json(),
                )
            )
        for issue in p.issues[:MAX_LISTED]:
            print(f"    {issue.table} {issue.uuid}: {_record_status(issue.status)}: "
                  f"{reason_text(issue.reason)}")  # fmt: skip
        if len(p.issues) > MAX_LISTED:
            print(tr("    … and {n} more", n=len(p.issues) - MAX_LISTED))


def _receipts(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        key = bureau_keys.load_bureau_signing_key(ws, asker(args)(False))
        written = receipts.write_receipts(ws, Path(args.out), key)
    finally:
        ws.close()
    if args.json:
        print_json(
            [
                {"file": str(w.path), "kind": w.kind, "school_code": w.school_code,
                 "sequence": w.sequence, "records": w.records}
                for w in written
            ]
        )  # fmt: skip
        return 0
    for w in written:
        if w.kind == "receipt":
            print(tr("Receipt for {code} #{sequence}: {path}", code=w.school_code,
                     sequence=w.sequence, path=w.path))  # fmt: skip
        else:
            print(tr("Return for {code} #{sequence}: {path}", code=w.school_code,
                     sequence=w.sequence, path=w.path))  # fmt: skip
    print(tr("{n} documents written.", n=len(written)))
    return 0


def _import_receipt(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        result = import_receipt(ws, Path(args.file))
    finally:
        ws.close()
    r = result.receipt
    if args.json:
        print_json(
            {
                "kind": r.kind,
                "sequence": r.sequence,
                "packet_status": result.packet.status,
                "already_imported": result.already_imported,
                "flagged": [rec.__dict__ for rec in r.records],
                "cleared": result.cleared,
                "tables": r.tables,
            }
        )
        return 0
    if result.already_imported:
        print(tr("This document was imported before; nothing changed."))
    print(
        tr(
            "Packet {n} is now {status}; {flagged} records flagged by the bureau.",
            n=r.sequence,
            status=_packet_status(result.packet.status),
            flagged=len(r.records),
        )
    )
    if r.return_reason:
        print(tr("  returned: {reason}", reason=r.return_reason))
    for rec in r.records[:MAX_LISTED]:
        print(
            f"    {rec.table} {rec.uuid}: {_record_status(rec.status)}: {reason_text(rec.reason)}"
        )
    return 0


def _packet_status(status: str) -> str:
    labels = {
        "exported": tr("exported"),
        "acknowledged": tr("acknowledged"),
        "returned": tr("returned for correction"),
    }
    return labels.get(status, status)


def _record_status(status: str) -> str:
    labels = {
        "rejected": tr("rejected"),
        "conflict": tr("held for review"),
        "returned": tr("returned for correction"),
    }
    return labels.get(status, status)
