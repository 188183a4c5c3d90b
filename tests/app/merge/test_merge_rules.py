"""Properties of the merge rules, on a real bureau database (each example rolled back)."""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app.services.bureau_workspace import init_bureau
from app.services.merge import MergeOutcome, PacketRef, merge_records, staged_tables
from app.services.workspace import Workspace, open_workspace
from db import repo_conflicts
from tests.app.packets.helpers import SCHOOL_A, SCHOOL_B, meta

NAMES = ("王小明", "李华", "张伟")
fast = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def bureau(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "bureau")
    init_bureau(ws.db, name="孟津区教育局")
    yield ws
    ws.close()


class _Undo(Exception):
    pass


@contextmanager
def rolled_back(db: Database) -> Iterator[None]:
    try:
        with db.atomic():
            yield
            raise _Undo
    except _Undo:
        pass


def uid(school: str, n: int) -> str:
    return str(uuid_mod.UUID(int=int(school) * 1000 + n, version=4))


def parents(school: str) -> dict[str, list[dict[str, Any]]]:
    return {
        "schools": [
            meta(0, uuid=uid(school, 1), code=school, name="一小", district="410308", stage="primary")
        ],
        "classes": [
            meta(
                0, uuid=uid(school, 2), school_code=school, grade_code=13, class_no=2,
                name="三年级(2)班", head_teacher="", graduated=False,
            )
        ],
    }  # fmt: skip


def student(
    school: str, n: int, *, revision: int = 1, name: str = NAMES[0], deleted: bool = False
) -> dict[str, Any]:
    digits = f"{int(school) % 1000:03d}{n:015d}"
    return meta(
        0, uuid=uid(school, 100 + n), revision=revision, deleted=deleted, school_code=school,
        student_no=f"L{digits}", name=name, sex="male", birth_date="2016-03-09",
        ethnicity_code="01", id_number=None, class_uuid=uid(school, 2), status="enrolled",
        pe_exempt=False, pe_exempt_reason="",
    )  # fmt: skip


def send(
    db: Database, school: str, records: dict[str, list[dict[str, Any]]], n: int
) -> MergeOutcome:
    ref = PacketRef(f"{n:064x}", school, ("2026-2027-1",), "test", "2026-12-01T00:00:00Z")
    return merge_records(db, ref, staged_tables(records))


def students(db: Database) -> dict[str, dict[str, Any]]:
    return {r["uuid"]: r for r in db.query("SELECT * FROM students")}


versions = st.tuples(st.integers(1, 4), st.sampled_from(NAMES), st.booleans())


@fast
@given(central=versions, incoming=versions)
def test_revision_rules(
    bureau: Workspace, central: tuple[int, str, bool], incoming: tuple[int, str, bool]
) -> None:
    db = bureau.db
    with rolled_back(db):
        rev_c, name_c, del_c = central
        rev_i, name_i, del_i = incoming
        send(
            db,
            SCHOOL_A,
            {
                **parents(SCHOOL_A),
                "students": [student(SCHOOL_A, 1, revision=rev_c, name=name_c, deleted=del_c)],
            },
            1,
        )
        before = students(db)[uid(SCHOOL_A, 101)]
        out = send(
            db,
            SCHOOL_A,
            {"students": [student(SCHOOL_A, 1, revision=rev_i, name=name_i, deleted=del_i)]},
            2,
        )
        after = students(db)[uid(SCHOOL_A, 101)]
        counts = out.tables["students"]
        same = (name_c, del_c) == (name_i, del_i)
        if rev_i > rev_c:
            assert counts.updated == 1
            assert (after["revision"], after["name"], after["deleted"]) == (
                rev_i,
                name_i,
                int(del_i),
            )
        elif rev_i < rev_c or same:
            assert counts.unchanged == 1 and after == before
        else:
            assert counts.conflicts == 1 and after == before
            [held] = repo_conflicts.list_conflicts(db)
            assert held.incoming["name"] == name_i and held.incoming["deleted"] is del_i
        assert sum(counts.to_json().values()) == 1


@fast
@given(st.lists(versions, min_size=1, max_size=5))
def test_merging_the_same_records_again_changes_nothing(
    bureau: Workspace, rows: list[tuple[int, str, bool]]
) -> None:
    db = bureau.db
    with rolled_back(db):
        records = {
            **parents(SCHOOL_A),
            "students": [
                student(SCHOOL_A, n, revision=r, name=m, deleted=d)
                for n, (r, m, d) in enumerate(rows)
            ],
        }
        send(db, SCHOOL_A, records, 1)
        dump = list(db.conn.iterdump())
        again = send(db, SCHOOL_A, records, 2)
        assert again.total().unchanged == len(rows) + 2
        assert list(db.conn.iterdump()) == dump


@fast
@given(a=st.lists(versions, max_size=4), b=st.lists(versions, max_size=4), a_first=st.booleans())
def test_the_order_of_two_schools_packets_does_not_matter(
    bureau: Workspace, a: list[tuple[int, str, bool]], b: list[tuple[int, str, bool]], a_first: bool
) -> None:
    db = bureau.db
    packets = [
        (
            school,
            {
                **parents(school),
                "students": [
                    student(school, n, revision=r, name=m, deleted=d)
                    for n, (r, m, d) in enumerate(rows)
                ],
            },
        )
        for school, rows in ((SCHOOL_A, a), (SCHOOL_B, b))
    ]
    results = []
    for order in (packets, packets[::-1]):
        with rolled_back(db):
            for n, (school, records) in enumerate(order):
                assert send(db, school, records, n).total().created == len(records["students"]) + 2
            results.append(
                [tuple(r.values()) for r in db.query("SELECT * FROM students ORDER BY uuid")]
            )
    assert results[0] == results[1]
    assert len(results[0]) == len(a) + len(b)


def test_a_tombstone_deletes_and_a_record_of_another_school_is_refused(bureau: Workspace) -> None:
    db = bureau.db
    send(db, SCHOOL_A, {**parents(SCHOOL_A), "students": [student(SCHOOL_A, 1)]}, 1)
    out = send(db, SCHOOL_A, {"students": [student(SCHOOL_A, 1, revision=2, deleted=True)]}, 2)
    assert out.tables["students"].updated == 1 and students(db)[uid(SCHOOL_A, 101)]["deleted"] == 1
    send(db, SCHOOL_B, parents(SCHOOL_B), 3)
    stolen = {
        **student(SCHOOL_A, 1, revision=9),
        "school_code": SCHOOL_B,
        "class_uuid": uid(SCHOOL_B, 2),
    }
    out = send(db, SCHOOL_B, {"students": [stolen]}, 4)
    assert out.tables["students"].rejected == 1 and out.issues[0].reason == "other_school"
    assert students(db)[uid(SCHOOL_A, 101)]["school_code"] == SCHOOL_A


def test_a_record_whose_parent_is_missing_is_rejected_alone(bureau: Workspace) -> None:
    db = bureau.db
    orphan = {**student(SCHOOL_A, 2), "class_uuid": uid(SCHOOL_A, 77)}
    out = send(db, SCHOOL_A, {**parents(SCHOOL_A), "students": [student(SCHOOL_A, 1), orphan]}, 1)
    assert (out.tables["students"].created, out.tables["students"].rejected) == (1, 1)
    [issue] = out.issues
    assert (issue.uuid, issue.reason, issue.detail) == (
        orphan["uuid"],
        "missing_parent",
        f"class_uuid → classes {uid(SCHOOL_A, 77)}",
    )
    # A student has two references, checked in one pass: the detail names the one missing.
    homeless = {**student(SCHOOL_A, 3), "school_code": "4103089999"}
    out = send(db, SCHOOL_A, {"students": [homeless]}, 2)
    assert [(i.uuid, i.reason, i.detail) for i in out.issues] == [
        (homeless["uuid"], "missing_parent", "school_code → schools 4103089999")
    ]
    event = meta(0, uuid=uid(SCHOOL_A, 500), student_uuid=uid(SCHOOL_B, 101), kind="suspend",
                 date="2026-10-01", note="", old_value="", new_value="")  # fmt: skip
    send(db, SCHOOL_B, {**parents(SCHOOL_B), "students": [student(SCHOOL_B, 1)]}, 3)
    out = send(db, SCHOOL_A, {"student_events": [event]}, 4)  # an event of B's student
    assert [i.reason for i in out.issues] == ["out_of_scope"]


def test_a_duplicate_natural_key_within_a_school_is_rejected_by_the_database(
    bureau: Workspace,
) -> None:
    db = bureau.db
    twin = {**student(SCHOOL_A, 2), "student_no": student(SCHOOL_A, 1)["student_no"]}
    out = send(db, SCHOOL_A, {**parents(SCHOOL_A), "students": [student(SCHOOL_A, 1), twin]}, 1)
    assert (out.tables["students"].created, out.tables["students"].rejected) == (1, 1)
    assert out.issues[0].reason == "constraint" and "UNIQUE" in out.issues[0].detail
    # A tombstone and a new record with its number, in one packet: the tombstone goes first.
    gone = student(SCHOOL_A, 1, revision=2, deleted=True)
    heir = {**student(SCHOOL_A, 3), "student_no": gone["student_no"]}
    out = send(db, SCHOOL_A, {"students": [gone, heir]}, 2)
    assert (out.tables["students"].updated, out.tables["students"].created) == (1, 1)
