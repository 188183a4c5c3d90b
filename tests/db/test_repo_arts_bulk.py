"""The bulk record writes of db.repo_arts write what insert_record/update_record would."""

from __future__ import annotations

import json

from app.services.workspace import Workspace
from db.records import BULK_SOURCE, insert_many, insert_record, update_record, verify_audit_chain
from db.repo_arts import tombstone_many, update_many
from tests.app.services.arts_helpers import add_students


def _row(ws: Workspace, uuid: str) -> dict[str, object]:
    return next(iter(ws.db.query("SELECT * FROM arts_specialties WHERE uuid = ?", [uuid])))


def test_bulk_and_single_writes_leave_the_same_meta_and_audit(school_ws: Workspace) -> None:
    (student,) = add_students(school_ws, 1)
    values = {"student_uuid": student, "school_year": "2026-2027", "category_group": "works",
              "category": "书法", "sub_type": "", "level_description": "", "route": "club", "note": ""}  # fmt: skip
    single = insert_record(school_ws.db, "arts_specialties", values, "clerk")
    # Columns in another order are matched by name.
    (bulk,) = insert_many(
        school_ws.db, "arts_specialties", [dict(reversed(values.items()))], "clerk"
    )
    strip = lambda r: {k: v for k, v in r.items() if k not in ("uuid", "updated_at")}  # noqa: E731
    assert strip(_row(school_ws, single)) == strip(_row(school_ws, bulk))
    update_record(school_ws.db, "arts_specialties", single, {"route": "outside"}, "clerk")
    update_many(
        school_ws.db, "arts_specialties", [(bulk, {"route": "club"}, {"route": "outside"})], "clerk"
    )
    tombstone_many(school_ws.db, "arts_specialties", [single, bulk], "clerk")
    assert strip(_row(school_ws, single)) == strip(_row(school_ws, bulk))
    assert _row(school_ws, bulk)["revision"] == 3 and _row(school_ws, bulk)["deleted"] == 1

    def history(uuid: str) -> list[str]:
        return [r[0] for r in school_ws.db.execute(
            "SELECT l.action FROM audit_record_changes c JOIN audit_log l ON l.id = c.id "
            "WHERE c.table_name = 'arts_specialties' AND c.record_uuid = ? ORDER BY c.id", [uuid])]  # fmt: skip

    # The bulk record's first version is the row itself at revision 1, listed by one entry.
    assert history(single) == ["create", "update", "update"]
    assert history(bulk) == ["create_many", "update", "update"]
    (created,) = school_ws.db.execute(
        "SELECT new FROM audit_log WHERE action = 'create_many' AND table_name = 'arts_specialties'"
    ).fetchone()
    assert json.loads(created) == {"source": BULK_SOURCE, "uuids": [bulk]}
    changes = school_ws.db.execute(
        "SELECT record_uuid, old, new FROM audit_log WHERE action = 'update' ORDER BY id"
    ).fetchall()
    assert [(o, n) for r, o, n in changes if r == single] == [
        (o, n) for r, o, n in changes if r == bulk
    ]
    assert verify_audit_chain(school_ws.db) is None
