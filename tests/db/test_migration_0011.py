"""Migration 0011: fewer indexes per labor participation; the student index only at schools."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

import db as dbmod
from app.services.bureau_workspace import init_bureau
from tests.db.migration_helpers import migrations_before


def _indexes(database: Database) -> set[str]:
    return {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


@pytest.mark.parametrize(("kind", "student_index"), [("bureau", False), ("school", True)])
def test_upgrading_drops_the_present_index_and_at_a_bureau_the_student_index(
    tmp_path: Path, kind: str, student_index: bool
) -> None:
    path = tmp_path / "a.sqlite3"
    old = dbmod.open_database(path, migrations=migrations_before("0011"))
    assert {"labor_participations_present", "labor_participations_student"} <= _indexes(old)
    old.execute("INSERT INTO settings(key, value) VALUES ('workspace_kind', ?)", [kind])
    old.close()
    database = dbmod.open_database(path, backups_dir=tmp_path / "backups")
    found = _indexes(database)
    assert "labor_participations_present" not in found
    assert "labor_participations_key" in found
    assert ("labor_participations_student" in found) is student_index
    assert ("students_school" in found) is (kind == "bureau")
    database.close()


def test_a_new_bureau_has_no_school_only_index(tmp_path: Path) -> None:
    database = dbmod.open_database(tmp_path / "a.sqlite3")
    assert "labor_participations_student" in _indexes(database)
    init_bureau(database, name="孟津区教育局")
    assert "labor_participations_student" not in _indexes(database)
    database.close()


def test_hour_sums_find_participations_through_the_key_index(tmp_path: Path) -> None:
    """What the covering index served: sums over a school's activities, by activity."""
    database = dbmod.open_database(tmp_path / "a.sqlite3")
    plan = database.execute(
        "EXPLAIN QUERY PLAN SELECT p.student_uuid, sum(p.minutes) FROM labor_activities a "
        "JOIN labor_participations p ON p.activity_uuid = a.uuid WHERE a.school_code = ? "
        "AND a.deleted = 0 AND p.deleted = 0 AND p.status = 'present' GROUP BY p.student_uuid",
        ["4141000001"],
    ).fetchall()
    steps = " | ".join(str(step[3]) for step in plan)
    assert "SEARCH p USING INDEX labor_participations_key (activity_uuid=?)" in steps, steps
    database.close()
