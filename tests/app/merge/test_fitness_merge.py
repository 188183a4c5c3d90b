"""体质健康 results from a real demo school into a real bureau: exact values, refused tampering,
and natural keys (a result deleted and entered again, a second live copy held for review)."""

from __future__ import annotations

import hashlib
import re
import uuid as uuid_mod
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest

from app import __version__
from app.packets import body_reader, canonical
from app.packets.packet_writer import build_body
from app.packets.sync_tables import FITNESS_TESTS, TABLES, TABLES_BY_NAME, Record
from app.packets.sync_tables_sport import LEVELS, absent_items_text, expected_scores
from app.scoring.fitness_standard import standard
from app.services import fitness_records, packet_export
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.merge import (
    PacketRef,
    merge_records,
    staged_rows,
    staged_tables,
    vouched_parents,
)
from app.services.workspace import Workspace, require_school
from db import repo_fitness
from db.records import verify_audit_chain
from tests.app.merge.helpers import TERM, central_dump, crafted, export, merge, rows
from tests.app.packets.conftest import Pair
from tests.app.packets.helpers import jsonl_zip

YEAR = TERM[:9]


def plan_records(school: Workspace) -> dict[str, list[Record]]:
    return packet_export.plan_export(school.db, term=TERM).records


def send(bureau: Workspace, school: Workspace, records: dict[str, list[Record]], n: int) -> Any:
    """Merge records straight into the bureau (the intake's transaction, without the crypto)."""
    code = require_school(school.db).code
    ref = PacketRef(f"{n:064x}", code, (TERM,), "test", "2026-12-01T00:00:00Z")
    with bureau.db.atomic():
        return merge_records(bureau.db, ref, staged_tables(records))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def unchecked_body(records: dict[str, list[Record]]) -> tuple[bytes, dict[str, int]]:
    """A body as a writer that does not validate would make it (build_body refuses bad records)."""
    entries, counts = [], {}
    for table in TABLES:
        if table.name in records:
            ordered = sorted(records[table.name], key=lambda r: str(r["uuid"]))
            text = "".join(canonical.dumps(r) + "\n" for r in ordered)
            entries.append((table.entry_name, text.encode()))
            counts[table.name] = len(ordered)
    return jsonl_zip(entries), counts


def scored(records: dict[str, list[Record]]) -> Record:
    """A live, complete, non-exempt first test of the year."""
    return next(
        r
        for r in records["fitness_tests"]
        if r["total_score"] and not r["deleted"] and r["school_year"] == YEAR
    )


def tampered(record: Record, points: str = "5.0") -> Record:
    """Standard score and total both raised: consistent in shape, wrong by the engine."""
    plus = {k: f"{float(record[k]) + float(points):.1f}" for k in ("standard_score", "total_score")}
    return {**record, **plus}


def test_demo_results_reach_the_bureau_exactly_as_the_school_holds_them(pair: Pair) -> None:
    student = scored(plan_records(pair.school))["student_uuid"]
    fitness_records.set_absent(pair.school.db, student, YEAR, ["run_50m"], actor="clerk")  # 缺测
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt")).packets
    school_rows = rows(pair.school, "fitness_tests")
    assert result.status == "merged" and result.issues == []
    assert result.tables["fitness_tests"].created == len(school_rows) > 60  # two 学年, 补测
    # Values and the cached scores, float for float (REAL columns on both sides).
    assert rows(pair.bureau, "fitness_tests") == school_rows
    kinds = pair.bureau.db.execute(
        "SELECT DISTINCT typeof(height_cm), typeof(total_score) FROM fitness_tests "
        "WHERE total_score IS NOT NULL"
    ).fetchall()
    assert kinds == [("real", "real")]
    assert any(r["height_cm"] % 1 for r in school_rows)  # tenths travelled
    assert {r["attempt"] for r in school_rows} == {"first", "retest"}
    assert any(r["exempt"] for r in school_rows) and any(
        r["absent_items"] != "[]" for r in school_rows
    )
    assert verify_audit_chain(pair.bureau.db) is None


def test_merging_the_same_results_again_changes_nothing(pair: Pair) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    before = rows(pair.bureau, "fitness_tests")
    [again] = merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt")).packets
    counts = again.tables["fitness_tests"]
    assert (counts.unchanged, counts.created, counts.updated) == (len(before), 0, 0)
    assert again.issues == [] and rows(pair.bureau, "fitness_tests") == before


def test_a_total_that_is_not_standard_plus_bonus_refuses_the_packet(pair: Pair) -> None:
    records = plan_records(pair.school)
    record = scored(records)
    broken = {**record, "total_score": f"{float(record['total_score']) + 1:.1f}"}
    records["fitness_tests"] = [broken if r is record else r for r in records["fitness_tests"]]
    body, counts = unchecked_body(records)
    before = central_dump(pair.bureau)
    path = write(pair.files / "bad.bspkt", crafted(pair.school, pair.bureau, body, counts))
    [result] = merge(pair.bureau, path).packets
    assert (result.status, result.code) == ("rejected", "invalid_record")
    assert "is not standard_score" in result.detail
    assert central_dump(pair.bureau) == before


def test_a_consistently_tampered_score_is_rejected_and_the_rest_merged(pair: Pair) -> None:
    records = plan_records(pair.school)
    record = scored(records)
    records["fitness_tests"] = [tampered(r) if r is record else r for r in records["fitness_tests"]]
    body, counts = build_body(records, require_school(pair.school.db).code)  # schema-valid
    path = write(pair.files / "t.bspkt", crafted(pair.school, pair.bureau, body, counts))
    [result] = merge(pair.bureau, path).packets
    assert result.status == "merged" and result.tables["fitness_tests"].rejected == 1
    [issue] = result.issues
    assert (issue.table, issue.uuid, issue.reason) == (
        "fitness_tests",
        record["uuid"],
        "score_mismatch",
    )
    assert "total_score" in issue.detail and "differs from the scoring engine" in issue.detail
    assert record["uuid"] not in {r["uuid"] for r in rows(pair.bureau, "fitness_tests")}
    assert result.tables["fitness_tests"].created == len(records["fitness_tests"]) - 1


def test_scores_vouched_for_with_the_packets_student_are_checked_against_the_bureaus(
    pair: Pair,
) -> None:
    # The reader scores each result with the student the packet carries; the bureau's copy of
    # that student wins. Here the packet says the student is of the other sex (a change the
    # bureau holds as a conflict, so its copy keeps the old sex) and the result is scored for
    # that sex: consistent within the packet, wrong by the bureau's own roll.
    records = plan_records(pair.school)
    send(pair.bureau, pair.school, records, 1)
    flip = {"male": "female", "female": "male"}
    students = {s["uuid"]: s for s in records["students"]}

    def rescored(record: Record) -> Record:
        sex = flip[students[record["student_uuid"]]["sex"]]
        return {**record, **expected_scores(record, sex), "revision": record["revision"] + 1}

    record = next(
        r for r in records["fitness_tests"]
        if r["total_score"] and not r["deleted"] and rescored(r)["total_score"] != r["total_score"]
    )  # fmt: skip
    student = students[record["student_uuid"]]
    changed = {"students": [{**student, "sex": flip[student["sex"]]}],
               "fitness_tests": [rescored(record)]}  # fmt: skip
    assert vouched_parents(FITNESS_TESTS, changed) == [
        f'["{flip[student["sex"]]}"]'
    ]  # the packet alone vouches for it
    outcome = send(pair.bureau, pair.school, changed, 2)
    assert [(i.table, i.reason) for i in outcome.issues] == [
        ("students", "revision"),
        ("fitness_tests", "score_mismatch"),
    ]
    # Scored for the sex the bureau holds, the same change goes in.
    right = {**record, "revision": record["revision"] + 1}
    outcome = send(pair.bureau, pair.school, {**changed, "fitness_tests": [right]}, 3)
    assert outcome.tables["fitness_tests"].updated == 1
    assert [i.reason for i in outcome.issues if i.table == "fitness_tests"] == []


def test_a_result_whose_student_is_not_in_the_packet_is_checked_by_the_merge(pair: Pair) -> None:
    records = plan_records(pair.school)
    send(pair.bureau, pair.school, records, 1)
    good, bad = [r for r in records["fitness_tests"] if r["total_score"] and not r["deleted"]][:2]
    later = [{**good, "revision": good["revision"] + 1},
             {**tampered(bad), "revision": bad["revision"] + 1}]  # fmt: skip
    assert vouched_parents(FITNESS_TESTS, {"fitness_tests": later}) == [None, None]
    outcome = send(pair.bureau, pair.school, {"fitness_tests": later}, 2)
    assert outcome.tables["fitness_tests"].updated == 1
    assert [(i.uuid, i.reason) for i in outcome.issues] == [(bad["uuid"], "score_mismatch")]


def test_a_packet_of_another_version_is_not_rescored(pair: Pair) -> None:
    # Another version may carry another edition of the standard: its figures go in as sent.
    records = plan_records(pair.school)
    record = scored(records)
    records["fitness_tests"] = [tampered(r) if r is record else r for r in records["fitness_tests"]]
    code = require_school(pair.school.db).code
    ref = PacketRef("f" * 64, code, (TERM,), "test", "2026-12-01T00:00:00Z", app_version="0.0.1")
    assert ref.app_version != __version__
    with pair.bureau.db.atomic():
        outcome = merge_records(pair.bureau.db, ref, staged_tables(records))
    assert outcome.issues == [] and outcome.tables["fitness_tests"].rejected == 0


def test_a_result_deleted_and_entered_again_replaces_the_old_one(pair: Pair) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    old = scored(plan_records(pair.school))
    db, student = pair.school.db, old["student_uuid"]
    fitness_records.delete_attempt(db, student, YEAR, "first", actor="clerk")
    fitness_records.save_values(db, student, YEAR, {"height_cm": "150.5", "weight_kg": "40.2"},
                                actor="clerk")  # fmt: skip
    new = repo_fitness.find_test(db, student, YEAR, "first")
    assert new is not None and new.uuid != old["uuid"]
    [result] = merge(pair.bureau, export(pair.school, pair.files, "p2.bspkt")).packets
    counts = result.tables["fitness_tests"]
    assert (counts.created, counts.updated, counts.conflicts) == (1, 1, 0)
    assert result.issues == [] and list_conflicts(pair.bureau.db) == []
    assert rows(pair.bureau, "fitness_tests") == rows(pair.school, "fitness_tests")


def test_a_second_live_result_for_the_same_attempt_is_held_for_review(pair: Pair) -> None:
    first = export(pair.school, pair.files, "p1.bspkt")
    merge(pair.bureau, first)
    original = scored(plan_records(pair.school))
    copy = {**original, "uuid": str(uuid_mod.uuid4()), "test_date": "2026-11-30"}
    body, counts = build_body({"fitness_tests": [copy]}, require_school(pair.school.db).code)
    data = crafted(pair.school, pair.bureau, body, counts, sequence=2,
                   prev_sha256=hashlib.sha256(first.read_bytes()).hexdigest())  # fmt: skip
    before = rows(pair.bureau, "fitness_tests")
    [result] = merge(pair.bureau, write(pair.files / "dup.bspkt", data)).packets
    assert result.status == "merged" and result.tables["fitness_tests"].conflicts == 1
    assert [(i.uuid, i.status, i.reason) for i in result.issues] == [
        (copy["uuid"], "conflict", "duplicate_natural_key")
    ]
    assert rows(pair.bureau, "fitness_tests") == before  # no crash, no overwrite
    [conflict] = list_conflicts(pair.bureau.db)
    assert (conflict.kind, conflict.central_uuid) == ("duplicate_natural_key", original["uuid"])
    assert conflict.incoming == copy and conflict.central == original
    # Taking the incoming copy tombstones the central one (the bureau's own revision).
    resolve_conflict(pair.bureau.db, conflict.id, take="incoming", actor="reviewer")
    central = {r["uuid"]: r for r in rows(pair.bureau, "fitness_tests")}
    assert central[original["uuid"]]["deleted"] == 1
    assert FITNESS_TESTS.record_from_row(central[copy["uuid"]]) == copy
    assert verify_audit_chain(pair.bureau.db) is None


def test_two_live_copies_in_one_packet_take_the_key_once(pair: Pair) -> None:
    records = plan_records(pair.school)
    original = scored(records)
    twin = {**original, "uuid": "ffffffff-ffff-4fff-bfff-ffffffffffff"}  # sorts last
    records["fitness_tests"] = [*records["fitness_tests"], twin]
    outcome = send(pair.bureau, pair.school, records, 1)
    assert [(i.uuid, i.reason) for i in outcome.issues] == [(twin["uuid"], "duplicate_natural_key")]
    assert outcome.tables["fitness_tests"].created == len(records["fitness_tests"]) - 1


@pytest.mark.parametrize("table", [t for t in TABLES if t.natural_key], ids=lambda t: t.name)
def test_every_natural_key_holds_a_live_duplicate_for_review(pair: Pair, table: Any) -> None:
    records = plan_records(pair.school)
    live = [r for r in records[table.name] if not r["deleted"]]
    live = [r for r in live if all(r[c] == v for c, v in table.natural_key_filter)]
    if not live:
        pytest.skip(f"the demo school has no {table.name}")
    send(pair.bureau, pair.school, records, 1)
    clone = {**live[0], "uuid": str(uuid_mod.uuid4())}
    outcome = send(pair.bureau, pair.school, {table.name: [clone]}, 2)
    assert [(i.uuid, i.status, i.reason) for i in outcome.issues] == [
        (clone["uuid"], "conflict", "duplicate_natural_key")
    ]
    [conflict] = list_conflicts(pair.bureau.db)
    assert conflict.central_uuid == live[0]["uuid"]


def _unique_indexes(ws: Workspace, table: str) -> set[tuple[tuple[str, ...], str]]:
    """(columns, WHERE clause) of each unique index of ``table`` made by CREATE UNIQUE INDEX."""
    found = set()
    for _, name, unique, origin, _ in ws.db.execute(f"PRAGMA index_list({table})").fetchall():
        if unique and origin == "c":
            columns = tuple(r[2] for r in ws.db.execute(f"PRAGMA index_info({name})"))
            sql = ws.db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[
                0
            ]
            where = re.sub(r"\s+", " ", sql.split(" WHERE ", 1)[1]) if " WHERE " in sql else ""
            found.add((columns, where.strip()))
    return found


def test_every_unique_index_of_a_synchronised_table_is_its_declared_natural_key(
    workspace: Workspace,
) -> None:
    # The two the registry leaves to other rules: 学籍号 (transfers, 'constraint'); none else.
    exempt = {"students": {(("student_no",), "deleted = 0")}}
    for table in TABLES:
        declared: set[tuple[tuple[str, ...], str]] = set()
        if table.natural_key:
            where = " AND ".join(
                ["deleted = 0", *(f"{c} = {v}" for c, v in table.natural_key_filter)]
            )
            declared.add((table.natural_key, where))
        assert _unique_indexes(workspace, table.name) == declared | exempt.get(table.name, set()), (
            table.name
        )


def test_registry_constants_agree_with_the_fitness_code() -> None:
    assert set(LEVELS) == set(standard().level_names)
    for items in ([], ["run_50m"], ["sit_up_1min", "run_50m", "run_50m"]):
        assert absent_items_text(items) == repo_fitness.absent_text(items)
    assert TABLES_BY_NAME["fitness_tests"] is FITNESS_TESTS
    assert FITNESS_TESTS.content_columns == repo_fitness.CONTENT_COLUMNS


def test_staging_the_bulk_readers_columns_gives_the_rows_of_the_records(pair: Pair) -> None:
    # The bureau's reader stages the column lists of the bulk path (decimals → REAL there too):
    # every table must give the rows its records give one by one.
    records = plan_records(pair.school)
    columns = {}
    for name, table_records in records.items():
        table = TABLES_BY_NAME[name]
        lines = [canonical.dumps_bytes(r) for r in sorted(table_records, key=itemgetter("uuid"))]
        bulk = body_reader._all_acceptable(lines, table, require_school(pair.school.db).code)
        assert bulk is not None, name
        records[name], columns[name] = bulk
    staged = staged_rows(records, columns)
    assert staged == staged_rows(records)
    assert {type(v) for row in staged["fitness_tests"] for v in row} >= {float, int, str}
