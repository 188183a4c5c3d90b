"""Enrolment, rotation and revocation between a real school and a real bureau."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import UserError, WorkspaceError
from app.packets.key_documents import read_bureau_keys
from app.packets.keys import WrongPassphrase, format_fingerprint
from app.packets.packet_reader import PacketRejected, read_envelope, verify_envelope
from app.services import bureau_keys, keys_service
from app.services.bureau_workspace import init_bureau, require_bureau
from app.services.workspace import Workspace, init_school, open_workspace, require_school
from db import repo_keys
from tests.app.packets.conftest import Pair, ask
from tests.app.packets.helpers import PASSPHRASE
from tests.app.packets.test_export_service import export


def verify_at_bureau(pair: Pair, path: Path) -> str:
    try:
        verify_envelope(
            read_envelope(path.read_bytes()), bureau_keys.school_key_lookup(pair.bureau.db)
        )
    except PacketRejected as exc:
        return exc.code.value
    return "valid"


def test_the_school_key_is_created_on_first_need_asking_twice(school_ws: Workspace) -> None:
    asked: list[bool] = []

    def recording(confirm: bool) -> str:
        asked.append(confirm)
        return PASSPHRASE

    first = keys_service.ensure_school_key(school_ws, recording)
    again = keys_service.ensure_school_key(school_ws, recording)
    assert asked == [True, False]
    own = keys_service.school_key(school_ws.db)
    assert own is not None and (school_ws.paths.keys / own.file_name).exists()
    assert first.public_key().public_bytes_raw() == again.public_key().public_bytes_raw()
    with pytest.raises(WrongPassphrase):
        keys_service.load_school_key(school_ws, "not the passphrase")
    with pytest.raises(UserError, match="already has a signing key"):
        keys_service.create_school_key(school_ws, PASSPHRASE)


def test_set_up_makes_a_key_only_when_a_passphrase_is_at_hand(school_ws: Workspace) -> None:
    assert keys_service.create_school_key_if_possible(school_ws, None) is None
    assert keys_service.school_key(school_ws.db) is None
    made = keys_service.create_school_key_if_possible(school_ws, PASSPHRASE)
    assert made is not None and keys_service.school_key(school_ws.db) == made
    assert keys_service.create_school_key_if_possible(school_ws, PASSPHRASE) is None


def test_a_bureau_workspace_is_not_a_school_and_vice_versa(
    bureau_ws: Workspace, school_ws: Workspace
) -> None:
    assert require_bureau(bureau_ws.db).name == "孟津区教育局"
    with pytest.raises(WorkspaceError):
        init_school(bureau_ws.db, code="2141003456", name="某校", actor="t")
    with pytest.raises(WorkspaceError):
        init_bureau(school_ws.db, name="某局")
    with pytest.raises(UserError):
        keys_service.create_school_key(bureau_ws, PASSPHRASE)
    with pytest.raises(UserError):
        bureau_keys.create_bureau_keys(school_ws, PASSPHRASE)
    with pytest.raises(UserError, match="already has its keys"):
        bureau_keys.create_bureau_keys(bureau_ws, PASSPHRASE)


def test_trusting_checks_a_given_fingerprint_and_records_replacements(
    pair: Pair, tmp_path: Path
) -> None:
    keys = read_bureau_keys((pair.files / "bureau.json").read_bytes())
    short = format_fingerprint(keys.signing_fingerprint, short=True)
    assert keys_service.trust_bureau(pair.school, pair.files / "bureau.json", short).unchanged
    with pytest.raises(UserError, match="not the one you gave"):
        keys_service.trust_bureau(
            pair.school, pair.files / "bureau.json", "0000-0000-0000-0000-0000-0000"
        )
    second = open_workspace(tmp_path / "bureau2")  # a second bureau, to replace the first
    init_bureau(second.db, name="另一个局")
    bureau_keys.create_bureau_keys(second, PASSPHRASE)
    bureau_keys.export_bureau_keys(second, tmp_path / "b2.json")
    outcome = keys_service.trust_bureau(pair.school, tmp_path / "b2.json")
    assert (
        outcome.replaced is not None
        and outcome.replaced.signing_fingerprint == keys.signing_fingerprint
    )
    trusted = keys_service.trusted_bureau(pair.school.db)
    assert trusted is not None and trusted.bureau_name == "另一个局"
    assert [t.status for t in repo_keys.trusted_bureau_history(pair.school.db)] == [
        "replaced",
        "active",
    ]
    second.close()


def test_rotation_replaces_the_old_key_and_revocation_ends_them_all(pair: Pair) -> None:
    old_packet = export(pair, "p1.bspkt")
    assert old_packet.out is not None
    assert verify_at_bureau(pair, old_packet.out) == "valid"
    keys_service.rotate_school_key(pair.school, PASSPHRASE)
    new_identity = pair.files / "school-new.json"
    keys_service.export_school_identity(pair.school, ask, new_identity)
    outcome = bureau_keys.enroll_school(pair.bureau, new_identity)
    assert outcome.action == "rotated" and outcome.previous is not None
    assert verify_at_bureau(pair, old_packet.out) == "rotated_key"
    new_packet = export(pair, "p2.bspkt")
    assert new_packet.out is not None
    assert verify_at_bureau(pair, new_packet.out) == "valid"
    assert bureau_keys.enroll_school(pair.bureau, new_identity).action == "unchanged"
    # Going back to the backed-up old key is possible (re-enrolling its identity) ...
    assert (
        bureau_keys.enroll_school(pair.bureau, pair.files / "school.json").action == "reactivated"
    )
    assert verify_at_bureau(pair, old_packet.out) == "valid"
    assert verify_at_bureau(pair, new_packet.out) == "rotated_key"
    # ... but after a revocation no key of the school is accepted, nor re-enrolled.
    assert bureau_keys.revoke_school(pair.bureau, require_school(pair.school.db).code) == 2
    assert verify_at_bureau(pair, old_packet.out) == "revoked_key"
    assert verify_at_bureau(pair, new_packet.out) == "revoked_key"
    with pytest.raises(UserError, match="revoked"):
        bureau_keys.enroll_school(pair.bureau, new_identity)


def test_revoking_an_unknown_school_says_so(bureau_ws: Workspace) -> None:
    with pytest.raises(UserError, match="not enrolled"):
        bureau_keys.revoke_school(bureau_ws, "2141000000")


def test_one_key_cannot_serve_two_schools(pair: Pair) -> None:
    import json

    from app.packets.key_documents import read_school_identity

    doc = json.loads((pair.files / "school.json").read_bytes())
    doc["school_code"] = "2141000001"
    (pair.files / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError):  # the self-signature no longer matches
        read_school_identity((pair.files / "edited.json").read_bytes())
    with pytest.raises(UserError):
        bureau_keys.enroll_school(pair.bureau, pair.files / "edited.json")


def test_backup_copies_the_encrypted_files(pair: Pair, tmp_path: Path) -> None:
    copied = keys_service.backup_keys(pair.bureau, tmp_path / "backup")
    names = sorted(p.name for p in copied)
    assert any(n.startswith("bureau-signing-") for n in names)
    assert any(n.startswith("bureau-encryption-") for n in names)
    assert "bureau-public-keys.json" in names
    assert all(
        b"PRIVATE KEY" not in p.read_bytes() or b"ENCRYPTED" in p.read_bytes() for p in copied
    )
    with pytest.raises(UserError, match="already exists"):
        keys_service.backup_keys(pair.bureau, tmp_path / "backup")


def test_decryption_keys_need_the_passphrase(bureau_ws: Workspace) -> None:
    assert len(bureau_keys.load_bureau_decryption_keys(bureau_ws, PASSPHRASE)) == 1
    with pytest.raises(WrongPassphrase):
        bureau_keys.load_bureau_decryption_keys(bureau_ws, "wrong passphrase!")
    assert bureau_keys.load_bureau_signing_key(bureau_ws, PASSPHRASE) is not None
