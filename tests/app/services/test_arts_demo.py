"""The arts demo extender: every kind of record, realistic shares, the same content for the same
seed, records that pass the packet schema and the app's own rules."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.arts.constants import AwardLevel
from app.models import StudentStatus
from app.packets.sync_tables import TABLES_BY_NAME
from app.services import arts_assessment, awards, school_arts
from app.services.demo import create_demo_school, default_extenders
from app.services.demo_arts import add_arts_records
from app.services.packet_export import plan_export
from app.services.workspace import Workspace, open_workspace
from db.records import verify_audit_chain
from tests.conftest import TODAY

YEAR, TERM = "2026-2027", "2026-2027-1"
ARTS_TABLES = ("school_programmes", "programme_members", "arts_activities", "arts_activity_participants",
               "arts_course_records", "arts_specialties", "arts_assessments", "arts_self_evaluations",
               "awards", "award_winners")  # fmt: skip


def make(path: Path, seed: int = 11, students: int = 900) -> Workspace:
    ws = open_workspace(path)
    create_demo_school(
        ws.db, students=students, seed=seed, actor="demo", today=TODAY, extenders=[add_arts_records]
    )
    return ws


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = make(tmp_path_factory.mktemp("arts_demo"))
    yield ws
    ws.close()


def count(ws: Workspace, sql: str) -> int:
    return int(ws.db.execute(sql).fetchone()[0])


def on_roll(ws: Workspace) -> int:
    marks = ", ".join(f"'{s.value}'" for s in StudentStatus if s.is_on_roll)
    return count(ws, f"SELECT count(*) FROM students WHERE status IN ({marks})")


def test_the_extender_is_one_of_the_defaults() -> None:
    assert add_arts_records in default_extenders()


def test_every_student_on_the_roll_has_course_records_and_an_assessment(demo: Workspace) -> None:
    n = on_roll(demo)
    assert count(demo, f"SELECT count(*) FROM arts_course_records WHERE term = '{TERM}'") == 2 * n
    assert (
        count(
            demo,
            f"SELECT count(*) FROM arts_assessments WHERE school_year = '{YEAR}' AND total IS NOT NULL",
        )
        == n
    )


def test_bands_are_spread_realistically(demo: Workspace) -> None:
    bands = Counter(
        dict(
            demo.db.execute("SELECT band, count(*) FROM arts_assessments GROUP BY band").fetchall()
        )
    )
    n = sum(bands.values())
    assert 0.1 < bands["excellent"] / n < 0.35
    assert 0.35 < bands["good"] / n < 0.65
    assert 0.1 < bands["pass"] / n < 0.4
    assert 0 < bands["fail"] / n < 0.1


def test_stored_totals_agree_with_the_scoring_and_suggestions(demo: Workspace) -> None:
    cfg_rows = demo.db.execute(
        "SELECT student_uuid, outside_learning, art_specialty FROM arts_assessments ORDER BY rowid LIMIT 200"
    ).fetchall()
    for student, outside, specialty in cfg_rows:
        hint = arts_assessment.suggest_development_points(demo.db, student, YEAR)
        assert specialty == hint.art_specialty and outside >= hint.outside_learning


def test_specialties_for_about_a_tenth_over_all_routes(demo: Workspace) -> None:
    n = on_roll(demo)
    routes = dict(
        demo.db.execute("SELECT route, count(*) FROM arts_specialties GROUP BY route").fetchall()
    )
    assert sum(routes.values()) == round(n * 0.1)
    assert set(routes) == {"in_school_specialist", "club", "outside"}


def test_clubs_activities_festival_and_one_school_one_brand(demo: Workspace) -> None:
    kinds = Counter(p.kind.value for p in school_arts.list_programmes(demo.db, YEAR))
    assert kinds["signature"] == 1 and kinds["club"] >= 5 and kinds["interest_group"] >= 1
    activity_kinds = {r[0] for r in demo.db.execute("SELECT kind FROM arts_activities")}
    assert activity_kinds == {"club", "interest_group", "festival", "performance"}
    festival = count(demo, "SELECT count(*) FROM arts_activity_participants p JOIN arts_activities a"
                           " ON a.uuid = p.activity_uuid WHERE a.kind = 'festival'")  # fmt: skip
    assert festival == round(on_roll(demo) * 0.35)


def test_awards_cover_the_cases_the_rules_are_about(demo: Workspace) -> None:
    found = awards.list_awards(demo.db, school_year=YEAR)
    assert {a.level for a in found} == set(AwardLevel)
    assert {a.domain.value for a in found} >= {"arts", "sports", "labor"}
    assert sum(not a.organizer_is_education_authority for a in found) == 2
    flagged = [a for a in found if awards.whitelist_warning(a)]
    assert [a.event for a in flagged] == ["全国青少年艺术风采大赛"]
    assert any(len(a.winners) > 1 and a.team_name for a in found)
    assert all(a.date <= TODAY for a in found)


def test_the_self_evaluation_has_the_computed_ratio(demo: Workspace) -> None:
    ev = school_arts.get_self_evaluation(demo.db, YEAR)
    assert ev is not None and ev.total_score is not None
    teachers = ev.sections["teachers"]["fields"]
    assert teachers["students_on_roll"] == on_roll(demo)
    assert teachers["student_teacher_ratio"] == round(on_roll(demo) / teachers["total"], 1)
    assert ev.sections["activities"]["fields"]["clubs_count"] == 6


def test_every_record_is_audited_and_fits_the_packet_schema(demo: Workspace) -> None:
    assert verify_audit_chain(demo.db) is None
    for table in ARTS_TABLES:
        # Made in bulk: one create_many entry per write lists them (audit_record_changes).
        created = demo.db.execute(
            "SELECT count(*) FROM audit_record_changes c JOIN audit_log l ON l.id = c.id "
            "WHERE c.table_name = ? AND l.action IN ('create', 'create_many')",
            [table],
        ).fetchone()[0]
        assert created == count(demo, f"SELECT count(*) FROM {table}") > 0, table
    plan = plan_export(demo.db, term=TERM)
    for table in ARTS_TABLES:
        records = plan.records[table]
        assert records and not [p for r in records if (p := TABLES_BY_NAME[table].validate(r))], (
            table
        )


def test_the_same_seed_gives_the_same_arts_records(tmp_path: Path) -> None:
    def content(ws: Workspace) -> list[object]:
        return [
            ws.db.execute(
                "SELECT s.student_no, a.course_learning, a.extracurricular, a.basic_knowledge,"
                " a.basic_skills, a.outside_learning, a.art_specialty, a.band"
                " FROM arts_assessments a JOIN students s ON s.uuid = a.student_uuid ORDER BY 1"
            ).fetchall(),
            ws.db.execute(
                "SELECT event, level, rank_text, date FROM awards ORDER BY 1, 2, 3, 4"
            ).fetchall(),
            json.loads(ws.db.execute("SELECT sections FROM arts_self_evaluations").fetchone()[0]),
        ]

    a, b, c = (
        make(tmp_path / "a", 5, 300),
        make(tmp_path / "b", 5, 300),
        make(tmp_path / "c", 6, 300),
    )
    try:
        assert content(a) == content(b)
        assert content(a) != content(c)
    finally:
        for ws in (a, b, c):
            ws.close()
