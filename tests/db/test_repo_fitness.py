"""The fitness_tests table: one live attempt per (student, 学年, attempt); a tombstone frees it."""

from __future__ import annotations

import sqlite3

import pytest

from app.services import fitness_records as fr
from app.services.workspace import Workspace
from db import repo_fitness
from tests.app.services.fitness_helpers import YEAR, add_student


def test_one_live_attempt_per_student_year_and_attempt(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    fr.save_values(school_ws.db, uuid, YEAR, {"height_cm": 160}, actor="t")
    stored = repo_fitness.find_test(school_ws.db, uuid, YEAR, "first")
    assert stored is not None
    copy = {**repo_fitness.content_of(stored)}
    with pytest.raises(sqlite3.IntegrityError), school_ws.db.atomic():
        repo_fitness.insert_test(school_ws.db, copy, "t")

    fr.delete_attempt(school_ws.db, uuid, YEAR, "first", actor="t")
    assert repo_fitness.find_test(school_ws.db, uuid, YEAR, "first") is None
    fr.save_values(school_ws.db, uuid, YEAR, {"height_cm": 161}, actor="t")
    rows = school_ws.db.execute(
        "SELECT deleted, height_cm, revision FROM fitness_tests ORDER BY deleted"
    ).fetchall()
    assert rows == [(0, 161.0, 1), (1, 160.0, 2)]


def test_the_columns_are_the_scoring_keys(school_ws: Workspace) -> None:
    from app.scoring.fitness_ranges import IMPORT_RANGES

    names = [r[1] for r in school_ws.db.execute("PRAGMA table_info(fitness_tests)")]
    assert set(IMPORT_RANGES) <= set(names)
    assert tuple(IMPORT_RANGES) == repo_fitness.MEASUREMENT_COLUMNS
    assert set(repo_fitness.CONTENT_COLUMNS) | {"uuid", "revision", "updated_at", "updated_by",
                                                 "deleted"} == set(names)  # fmt: skip
