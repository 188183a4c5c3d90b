"""The hash-chained audit log: the bulk path (pre-encoded entries, fixed-key canonical JSON) writes
exactly what ``append_audit`` writes, every way of writing keeps the chain verifiable, and any
edit of a stored row is found."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.workspace import Workspace
from db.records import (
    GENESIS_HASH,
    AuditEntry,
    append_audit,
    append_audit_encoded,
    canonical_encoder,
    canonical_json,
    insert_record,
    tombstone_record,
    update_record,
    verify_audit_chain,
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too: json.dumps writes them, so must the encoder
    | st.text()  # any code point: quotes, backslashes, control characters, lone surrogates
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=8,
)
records = st.dictionaries(st.text(max_size=12), values, max_size=14)


def audit_rows(ws: Workspace) -> list[dict[str, Any]]:
    return list(ws.db.query("SELECT * FROM audit_log ORDER BY id"))


@given(records)
def test_the_fixed_key_encoder_writes_exactly_what_json_dumps_writes(
    record: dict[str, Any],
) -> None:
    keys = list(record)
    encode = canonical_encoder(keys)
    assert encode([record[k] for k in keys]) == canonical_json(record)


@given(records, records)
def test_constants_are_baked_into_the_template_with_the_same_result(
    record: dict[str, Any], constants: dict[str, Any]
) -> None:
    varying = {k: v for k, v in record.items() if k not in constants}
    encode = canonical_encoder(list(varying), constants)
    assert encode(list(varying.values())) == canonical_json({**varying, **constants})


def test_the_encoder_sorts_keys_once_and_escapes_them() -> None:
    encode = canonical_encoder(["z", "a%s", '"q"', "名"])
    assert encode([1, "x", None, "孟津"]) == '{"\\"q\\"":null,"a%s":"x","z":1,"名":"孟津"}'
    assert canonical_encoder([])([]) == "{}"
    assert canonical_encoder(["only"])([2.5]) == '{"only":2.5}'
    with_constants = canonical_encoder(["b"], {"a%": "100%", "c": None})
    assert with_constants(["%s"]) == '{"a%":"100%","b":"%s","c":null}'


def test_the_encoder_refuses_repeated_keys_and_wrong_value_counts() -> None:
    with pytest.raises(ValueError, match="repeated"):
        canonical_encoder(["a", "a"])
    with pytest.raises(ValueError, match="repeated"):
        canonical_encoder(["a", "b"], {"b": 1})
    with pytest.raises(ValueError, match="2 values for 3 keys"):
        canonical_encoder(["a", "b", "c"])([1, 2])


def test_pre_encoded_entries_make_the_same_rows_as_audit_entries(workspace: Workspace) -> None:
    old, new = {"name": "王", "n": 1}, {"name": '李"四', "n": None}
    with workspace.db.atomic():
        append_audit(workspace.db, "clerk", [AuditEntry("students", "u1", "update", old, new)])
        append_audit_encoded(
            workspace.db,
            "clerk",
            [("students", "u1", "update", canonical_json(old), canonical_json(new))],
        )
    first, second = audit_rows(workspace)
    assert first["prev_hash"] == GENESIS_HASH and second["prev_hash"] == first["hash"]
    same = ("actor", "table_name", "record_uuid", "action", "old", "new")
    assert [first[c] for c in same] == [second[c] for c in same]
    assert json.loads(second["new"]) == new
    assert verify_audit_chain(workspace.db) is None


def test_entries_may_be_a_generator_and_nothing_is_written_for_none(
    workspace: Workspace,
) -> None:
    encode = canonical_encoder(["uuid", "name"])
    with workspace.db.atomic():
        append_audit(workspace.db, "c", [])
        append_audit_encoded(workspace.db, "c", iter(()))
        assert audit_rows(workspace) == []
        append_audit_encoded(
            workspace.db,
            "c",
            (("t", f"u{i}", "create", None, encode([f"u{i}", f"n{i}"])) for i in range(50)),
        )
    rows = audit_rows(workspace)
    assert [r["record_uuid"] for r in rows] == [f"u{i}" for i in range(50)]
    assert json.loads(rows[7]["new"]) == {"uuid": "u7", "name": "n7"}
    assert all(r["old"] is None for r in rows)
    assert verify_audit_chain(workspace.db) is None


def test_every_writer_extends_one_verifiable_chain(school_ws: Workspace) -> None:
    db = school_ws.db
    school_code = db.execute("SELECT code FROM schools").fetchone()[0]
    with db.atomic():
        klass = insert_record(
            db,
            "classes",
            {"school_code": school_code, "grade_code": 13, "class_no": 1, "name": "三年级(1)班"},
            "a",
        )
        append_audit_encoded(db, "bulk", [("classes", "x", "create", None, '{"uuid":"x"}')])
        update_record(db, "classes", klass, {"head_teacher": "张老师"}, "b")
        tombstone_record(db, "classes", klass, "c")
    rows = audit_rows(school_ws)
    assert [r["action"] for r in rows[-4:]] == ["create", "create", "update", "update"]
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(rows))
    assert verify_audit_chain(db) is None


@pytest.mark.parametrize("column", ["new", "actor", "record_uuid", "hash"])
def test_editing_any_stored_audit_row_is_found(workspace: Workspace, column: str) -> None:
    encode = canonical_encoder(["uuid", "name"])
    with workspace.db.atomic():
        append_audit_encoded(
            workspace.db,
            "c",
            [("t", f"u{i}", "create", None, encode([f"u{i}", "甲"])) for i in range(5)],
        )
    target = audit_rows(workspace)[2]["id"]
    workspace.db.execute(f"UPDATE audit_log SET {column} = {column} || 'x' WHERE id = ?", [target])
    assert verify_audit_chain(workspace.db) == target
