"""``packet …``: export a submission packet, check completeness, list the history, inspect a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import open_ws, print_json
from app.cli.passphrase import add_passphrase_option, asker
from app.errors import UserError
from app.i18n import tr
from app.models import WorkspaceKind
from app.packets.completeness import CompletenessReport
from app.packets.keys import format_fingerprint
from app.packets.packet_reader import read_envelope, read_packet_file, verify_envelope
from app.packets.rejection import PacketRejected
from app.services import bureau_keys, keys_service, packet_export
from app.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    packet = sub.add_parser("packet", help="submission packets (.bspkt)")
    psub = packet.add_subparsers(dest="packet_command", metavar="ACTION", required=True)
    export = psub.add_parser("export", help="export a signed, encrypted packet for the bureau")
    export.add_argument("--term", required=True, help="term, e.g. 2025-2026-1")
    export.add_argument("--out", required=True, metavar="FILE", help="where to write the packet")
    export.add_argument(
        "--incremental", action="store_true", help="only records changed since the last ack"
    )
    export.add_argument(
        "--anyway", action="store_true", help="export even if the completeness check finds gaps"
    )
    add_passphrase_option(export)
    export.set_defaults(handler=_export)
    check = psub.add_parser("check", help="run the completeness check only")
    check.add_argument("--term", required=True, help="term, e.g. 2025-2026-1")
    check.add_argument("--incremental", action="store_true")
    check.set_defaults(handler=_check)
    history = psub.add_parser("list", help="the packets exported from this school")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.set_defaults(handler=_list)
    inspect = psub.add_parser("inspect", help="show a packet's header and check its signature")
    inspect.add_argument("file", metavar="FILE")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.set_defaults(handler=_inspect)


def _print_report(report: CompletenessReport) -> None:
    if report.complete:
        print(tr("Completeness check: nothing is missing."))
        return
    print(tr("Completeness check found gaps:"))
    for finding in report.findings:
        print(f"  - {finding.message}")
        for example in finding.examples:
            print(f"      {example}")


def _confirm_gaps(args: argparse.Namespace) -> None:
    if args.anyway:
        return
    if not sys.stdin.isatty():
        raise UserError(
            tr("The packet was not exported because the completeness check found gaps."),
            tr("Fill the gaps, or export anyway with --anyway."),
        )
    answer = input(tr("Export anyway? [y/N] ")).strip().lower()
    if answer not in ("y", "yes", "是"):
        raise UserError(tr("The packet was not exported."), "")


def _export(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        plan = packet_export.plan_export(ws.db, term=args.term, incremental=args.incremental)
        keys_service.require_trusted_bureau(ws.db)
        report = packet_export.check_completeness(ws.db, plan)
        _print_report(report)
        if not report.complete:
            _confirm_gaps(args)
        key = keys_service.ensure_school_key(ws, asker(args))
        result = packet_export.export_packet(ws, plan, signing_key=key, out=Path(args.out))
    finally:
        ws.close()
    packet = result.packet
    print(
        tr(
            "Packet {sequence} ({mode}) written to {path}.",
            sequence=packet.sequence,
            mode=packet.mode,
            path=result.out,
        )
    )
    counts = ", ".join(f"{name} {n}" for name, n in packet.counts.items())
    print(tr("  records: {counts}", counts=counts))
    print(tr("  SHA-256: {sha}", sha=packet.sha256))
    return 0


def _check(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        plan = packet_export.plan_export(ws.db, term=args.term, incremental=args.incremental)
        report = packet_export.check_completeness(ws.db, plan)
    finally:
        ws.close()
    _print_report(report)
    return 0 if report.complete else 1


def _list(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        packets = packet_export.list_packets(ws.db)
    finally:
        ws.close()
    if args.json:
        print_json([p.__dict__ for p in packets])
        return 0
    for p in packets:
        print(
            f"{p.sequence:4d}  {p.created_at}  {p.term}  {p.mode:11s}  {p.status:12s}  {p.file_name}"
        )
    return 0


def _lookup(ws: Workspace) -> Any:
    if ws.kind is WorkspaceKind.BUREAU:
        return bureau_keys.school_key_lookup(ws.db)
    if ws.kind is WorkspaceKind.SCHOOL:
        return keys_service.own_key_lookup(ws.db)
    return None


def _inspect(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    try:
        envelope = read_envelope(read_packet_file(Path(args.file)))
        lookup = _lookup(ws)
        verification: dict[str, Any] = {"status": "unchecked", "code": None, "reason": None}
        if lookup is not None:
            try:
                verify_envelope(envelope, lookup)
                verification = {"status": "valid", "code": None, "reason": None}
            except PacketRejected as exc:
                verification = {"status": "rejected", "code": exc.code.value, "reason": str(exc)}
    finally:
        ws.close()
    header = envelope.header
    if args.json:
        print_json(
            {
                "file_sha256": envelope.sha256,
                "size": envelope.size,
                "header": header.to_json(),
                "verification": verification,
            }
        )
    else:
        _print_header(envelope.sha256, envelope.size, header.to_json())
        if verification["status"] == "valid":
            print(tr("Signature and contents hash: valid (checked without decrypting)."))
        elif verification["status"] == "rejected":
            print(
                tr(
                    "REJECTED ({code}): {reason}",
                    code=verification["code"],
                    reason=verification["reason"],
                )
            )
        else:
            print(tr("Signature not checked: this workspace knows no school keys."))
    return 1 if verification["status"] == "rejected" else 0


def _print_header(sha256: str, size: int, header: dict[str, Any]) -> None:
    print(tr("Packet file: {size} bytes, SHA-256 {sha}", size=size, sha=sha256))
    print(tr("  school: {code} {name}", code=header["school_code"], name=header["school_name"]))
    print(
        tr("  terms: {terms}; mode: {mode}", terms=", ".join(header["terms"]), mode=header["mode"])
    )
    previous = header["prev_sha256"] or tr("none (the school's first packet)")
    print(tr("  sequence: {n}; previous: {prev}", n=header["sequence"], prev=previous))
    print(
        tr(
            "  created: {at} by Baosong {version}",
            at=header["created_at"],
            version=header["app_version"],
        )
    )
    counts = ", ".join(f"{k} {v}" for k, v in header["counts"].items())
    print(tr("  records: {counts}", counts=counts))
    print(
        tr(
            "  signed by key {short}",
            short=format_fingerprint(header["school_key_fingerprint"], short=True),
        )
    )
    print(
        tr(
            "  encrypted for bureau key {short}",
            short=format_fingerprint(header["bureau_key_id"], short=True),
        )
    )
