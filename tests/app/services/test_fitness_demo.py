"""Demo fitness data: two school years for most students, deterministic per seed, plausible
spread of levels, a rise from one year to the next, and scores that match the engine."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import fitness_records as fr
from app.services.demo import create_demo_school
from app.services.workspace import Workspace, open_workspace
from db.records import verify_audit_chain
from tests.app.services.fitness_helpers import PREVIOUS, YEAR
from tests.conftest import TODAY


def make(path: Path, seed: int) -> Workspace:
    ws = open_workspace(path)
    create_demo_school(ws.db, students=600, seed=seed, actor="demo", today=TODAY)
    return ws


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = make(tmp_path_factory.mktemp("fitness_demo"), 5)
    yield ws
    ws.close()


def content(ws: Workspace) -> list[tuple[object, ...]]:
    """Every test without uuids and timestamps, by 学籍号."""
    return ws.db.execute(
        "SELECT s.student_no, t.school_year, t.attempt, t.test_date, t.grade_code, t.height_cm,"
        " t.weight_kg, t.run_50m, t.run_1000m, t.run_800m, t.absent_items, t.exempt_reason,"
        " t.total_score FROM fitness_tests t JOIN students s ON s.uuid = t.student_uuid"
        " ORDER BY 1, 2, 3"
    ).fetchall()


def test_most_students_have_two_years(demo: Workspace) -> None:
    years = Counter(
        r[0]
        for r in demo.db.execute(
            "SELECT student_uuid FROM fitness_tests WHERE attempt = 'first' AND school_year IN (?, ?)",
            [YEAR, PREVIOUS],
        )
    )
    students = demo.db.execute("SELECT count(*) FROM students").fetchone()[0]
    assert sum(1 for n in years.values() if n == 2) > 0.8 * students
    assert len(years) > 0.97 * students


def test_levels_spread_and_the_second_year_is_a_little_better(demo: Workspace) -> None:
    rows = demo.db.execute(
        "SELECT school_year, level, count(*), avg(total_score) FROM fitness_tests"
        " WHERE attempt = 'first' GROUP BY 1, 2"
    ).fetchall()
    levels = {(y, lv): n for y, lv, n, _ in rows}
    for year in (YEAR, PREVIOUS):
        counted = sum(n for (y, lv), n in levels.items() if y == year and lv is not None)
        for level, low, high in (("不及格", 0.03, 0.25), ("及格", 0.3, 0.8), ("优秀", 0.02, 0.2)):
            assert low < levels[year, level] / counted < high, (year, level)
        assert levels.get((year, None), 0) > 0  # exempt and absent students
    paired = demo.db.execute(
        "SELECT avg(a.total_score - b.total_score) FROM fitness_tests a JOIN fitness_tests b"
        " ON a.student_uuid = b.student_uuid AND a.attempt = 'first' AND b.attempt = 'first'"
        " WHERE a.school_year = ? AND b.school_year = ?",
        [YEAR, PREVIOUS],
    ).fetchone()[0]
    assert 0 < paired < 8


def test_exempt_absent_and_retests_appear(demo: Workspace) -> None:
    # PE-exempt students (体育免修) are 免测 every year, with the roster's reason.
    wrong = demo.db.execute(
        "SELECT count(*) FROM fitness_tests t JOIN students s ON s.uuid = t.student_uuid"
        " WHERE s.pe_exempt = 1 AND (t.exempt = 0 OR t.exempt_reason != s.pe_exempt_reason)"
    ).fetchone()[0]
    assert wrong == 0
    exempt = demo.db.execute(
        "SELECT exempt_reason, level, total_score FROM fitness_tests WHERE exempt = 1"
    ).fetchall()
    assert exempt and all(
        reason and level is None and total is None for reason, level, total in exempt
    )
    absent = demo.db.execute("SELECT count(*) FROM fitness_tests WHERE absent_items != '[]'")
    assert absent.fetchone()[0] > 0
    retests = demo.db.execute(
        "SELECT f.level FROM fitness_tests r JOIN fitness_tests f ON f.student_uuid ="
        " r.student_uuid AND f.school_year = r.school_year AND f.attempt = 'first'"
        " WHERE r.attempt = 'retest'"
    ).fetchall()
    assert retests and {lv for (lv,) in retests} == {"不及格"}


def test_the_cached_scores_are_the_engines_and_the_audit_chain_holds(demo: Workspace) -> None:
    assert fr.recompute_all(demo.db, actor="check") == 0
    assert verify_audit_chain(demo.db) is None


def test_the_same_seed_gives_the_same_measurements(demo: Workspace, tmp_path: Path) -> None:
    again = make(tmp_path / "again", 5)
    other = make(tmp_path / "other", 6)
    try:
        assert content(again) == content(demo)
        assert content(other) != content(demo)
    finally:
        again.close()
        other.close()
