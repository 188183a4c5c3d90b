"""Building blocks for the merge tests: export, merge, crafted packets, database dumps."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519

from app.packets import sync_tables
from app.packets.format import PacketLimits
from app.packets.keys import x25519_public
from app.packets.packet_writer import seal
from app.services import bureau_keys, keys_service, packet_export
from app.services.bureau_intake import IntakeReport, intake_packets
from app.services.workspace import Workspace, require_school
from tests.app.packets.helpers import PASSPHRASE, draft

TERM = "2026-2027-1"


def export(school: Workspace, out: Path, name: str, *, incremental: bool = False) -> Path:
    plan = packet_export.plan_export(school.db, term=TERM, incremental=incremental)
    key = keys_service.load_school_key(school, PASSPHRASE)
    out.mkdir(parents=True, exist_ok=True)
    result = packet_export.export_packet(school, plan, signing_key=key, out=out / name)
    assert result.out is not None
    return result.out


def merge(
    bureau: Workspace, *paths: Path, dry_run: bool = False, limits: PacketLimits | None = None
) -> IntakeReport:
    keys = bureau_keys.load_bureau_decryption_keys(bureau, PASSPHRASE)
    extra = {"limits": limits} if limits else {}
    return intake_packets(bureau, list(paths), decryption_keys=keys, dry_run=dry_run, **extra)


def central_dump(ws: Workspace) -> list[str]:
    """The whole database as SQL, except the packet ledger (which notes refused packets too)."""
    return [
        line for line in ws.db.conn.iterdump() if not line.startswith('INSERT INTO "packet_ledger"')
    ]


def rows(ws: Workspace, table: str) -> list[dict[str, Any]]:
    cols = ", ".join(sync_tables.TABLES_BY_NAME[table].all_columns)
    return list(ws.db.query(f"SELECT {cols} FROM {table} ORDER BY uuid"))


def school_rows(bureau: Workspace, school: Workspace, table: str) -> list[dict[str, Any]]:
    """The bureau's rows of a synchronised table that belong to ``school`` (by its scope)."""
    spec = sync_tables.TABLES_BY_NAME[table]
    cols = ", ".join(f"t.{c}" for c in spec.all_columns)
    code = require_school(school.db).code
    params = {"school_code": code, "term_code": TERM, "school_year": TERM[:9]}
    return list(
        bureau.db.query(f"SELECT {cols} FROM {table} t WHERE {spec.scope} ORDER BY t.uuid", params)
    )


def crafted(
    school: Workspace,
    bureau: Workspace,
    body: bytes,
    counts: dict[str, int],
    *,
    signer: ed25519.Ed25519PrivateKey | None = None,
    bureau_key: bytes | None = None,
    **changes: Any,
) -> bytes:
    """A packet around ``body`` (any bytes), signed with the school's key unless ``signer`` is
    given, encrypted to the bureau's key unless ``bureau_key`` (raw X25519 public) is given."""
    code = require_school(school.db).code
    key = signer or keys_service.load_school_key(school, PASSPHRASE)
    found = bureau_keys.bureau_keys(bureau.db)
    assert found is not None
    raw = bureau_key or found[1].public_key
    packet = seal(
        replace(draft(code), **changes),
        body,
        counts,
        signing_key=key,
        bureau_key=x25519_public(raw),
    )
    return packet.data
