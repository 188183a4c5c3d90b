"""The labor demo extender: a realistic, deterministic term that the reports can chew on."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.labor.constants import EvaluationStatus
from app.packets.sync_tables import LABOR_TABLES
from app.services import labor_evaluation as ev
from app.services import labor_records as lr
from app.services.demo import create_demo_school, default_extenders
from app.services.demo_labor import add_demo_labor
from app.services.workspace import Workspace, open_workspace
from db.records import verify_audit_chain
from tests.conftest import TODAY

TERM = "2026-2027-1"  # TODAY (2026-12-01) is in the first term of 2026-2027


def make(folder: Path, *, students: int = 400, seed: int = 5, today: dt.date = TODAY) -> Workspace:
    ws = open_workspace(folder)
    create_demo_school(
        ws.db, students=students, seed=seed, actor="demo", today=today, extenders=[add_demo_labor]
    )
    return ws


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = make(tmp_path_factory.mktemp("labor-demo"))
    yield ws
    ws.close()


def fingerprint(ws: Workspace) -> list[tuple[object, ...]]:
    return ws.db.execute(
        "SELECT a.date, a.project, a.setting, a.minutes, s.student_no, p.status, p.minutes,"
        " p.ratings FROM labor_participations p JOIN labor_activities a ON a.uuid = p.activity_uuid"
        " JOIN students s ON s.uuid = p.student_uuid ORDER BY 1, 2, 5"
    ).fetchall()


def test_the_extender_is_a_default_one() -> None:
    assert add_demo_labor in default_extenders()


def test_the_same_seed_gives_the_same_records(demo: Workspace, tmp_path: Path) -> None:
    again = make(tmp_path / "again")
    try:
        assert fingerprint(again) == fingerprint(demo)
    finally:
        again.close()


def test_a_term_of_weekly_lessons_and_home_labor(demo: Workspace) -> None:
    rows = lr.list_activities(demo.db)
    dates = [r.activity.date for r in rows]
    assert min(dates) >= dt.date(2026, 9, 1) and max(dates) <= TODAY
    assert {r.activity.term for r in rows} == {TERM}
    settings = Counter(r.activity.setting.value for r in rows)
    classes = len(lr.below_threshold(demo.db, date_from=dt.date(2026, 9, 1), date_to=TODAY).classes)
    assert settings["home"] == classes * 14  # one sheet a class a week, 31 Aug … 30 Nov weeks
    assert classes * 11 <= settings["classroom"] <= classes * 14
    assert settings["on_campus"] > 0 and settings["community"] >= 2
    assert settings["labor_week"] == classes * 5
    lessons = {r.activity.minutes for r in rows if r.activity.setting.value == "classroom"}
    assert lessons == {40, 45}  # 小学 and 初中 periods
    rated = demo.db.execute(
        "SELECT count(*) FROM labor_participations WHERE ratings != '{}'"
    ).fetchone()[0]
    assert rated > 0


def test_the_reports_show_some_students_and_a_few_classes_below(demo: Workspace) -> None:
    report = lr.below_threshold(demo.db, date_from=dt.date(2026, 9, 1), date_to=TODAY)
    students = sum(c.students for c in report.classes)
    assert 0.1 < len(report.students_below) / students < 0.4
    assert 0 < len(report.classes_below) < len(report.classes) / 2
    (week,) = report.labor_weeks
    assert week.held and week.first_date == dt.date(2026, 11, 9)
    assert all(c.labor_week_held for c in report.classes)


def test_evaluations_in_every_state(demo: Workspace) -> None:
    evaluations = ev.list_evaluations(demo.db, term=TERM)
    states = Counter(e.status for e in evaluations)
    assert set(states) == set(EvaluationStatus)
    for e in evaluations:
        if e.status is EvaluationStatus.CONFIRMED:
            assert e.reviewer and e.publicity_to is not None and e.publicity_to < TODAY
        if e.status is EvaluationStatus.PUBLICIZED:
            assert e.publicity_from is not None and e.publicity_from <= TODAY
    assert any(e.fields.life_skills for e in evaluations)


def test_every_record_is_audited_and_fits_the_packet_schema(demo: Workspace) -> None:
    assert verify_audit_chain(demo.db) is None
    for table in LABOR_TABLES:
        rows = list(demo.db.query(f"SELECT * FROM {table.name}"))
        audited = demo.db.execute(
            "SELECT count(*) FROM audit_record_changes c JOIN audit_log l ON l.id = c.id "
            "WHERE c.table_name = ? AND l.action IN ('create', 'create_many')",
            [table.name],
        ).fetchone()[0]
        assert audited == len(rows)  # each created once, listed by a create_many entry
        problems = [p for r in rows[:2000] for p in table.validate(table.record_from_row(r))]
        assert problems == []


def test_a_second_term_has_the_henan_labor_week(tmp_path: Path) -> None:
    ws = make(tmp_path / "spring", students=60, today=dt.date(2027, 6, 1))
    try:
        report = lr.below_threshold(
            ws.db, date_from=dt.date(2027, 2, 1), date_to=dt.date(2027, 6, 1)
        )
        (week,) = report.labor_weeks
        assert (week.expected_start, week.first_date, week.last_date) == (
            dt.date(2027, 5, 3), dt.date(2027, 5, 3), dt.date(2027, 5, 7),
        )  # fmt: skip
    finally:
        ws.close()
