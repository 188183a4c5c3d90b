"""The demo school: deterministic per seed, valid identifiers, plausible ages and class sizes,
refusal to mix with real data, and the extender hook later issues plug into."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import UserError, ValidationError, WorkspaceError
from app.models import STAGE_GRADES, SchoolStage, Sex, StudentRow, StudentStatus
from app.services import roster
from app.services.demo import (
    DemoContext,
    create_demo_school,
    demo_school_code,
    demo_school_name,
)
from app.services.workspace import Workspace, open_workspace, require_school
from app.validation.codes import class_display_name
from app.validation.ids import parse_id_number, parse_student_no
from app.validation.student import validate_student
from db import repo_settings
from db.records import verify_audit_chain
from tests.conftest import TEST_SCHOOL_CODE, TODAY

SCHOOL_YEAR_START = dt.date(2026, 9, 1)  # TODAY is in school year 2026-2027
YEARS_IN = {11: 0, 12: 1, 13: 2, 14: 3, 15: 4, 16: 5, 21: 6, 22: 7, 23: 8}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One 2,000-student demo school shared by the read-only checks below."""
    ws = open_workspace(tmp_path_factory.mktemp("demo"))
    create_demo_school(ws.db, students=2000, seed=42, actor="demo", today=TODAY)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def rows(demo: Workspace) -> list[StudentRow]:
    return roster.find_students(demo.db)


def fingerprint(ws: Workspace) -> list[tuple[object, ...]]:
    """Everything about the students except the random uuids."""
    return [
        (r.grade_code, r.class_no, r.class_name, s.student_no, s.name, s.sex, s.birth_date,
         s.ethnicity_code, s.id_number, s.status, s.pe_exempt, s.pe_exempt_reason)
        for r in roster.find_students(ws.db)
        for s in [r.student]
    ]  # fmt: skip


def make(tmp_path: Path, name: str, **kwargs: object) -> Workspace:
    ws = open_workspace(tmp_path / name)
    create_demo_school(ws.db, actor="demo", today=TODAY, **kwargs)  # type: ignore[arg-type]
    return ws


def test_the_same_seed_gives_the_same_school(tmp_path: Path) -> None:
    a = make(tmp_path, "a", students=300, seed=7)
    b = make(tmp_path, "b", students=300, seed=7)
    c = make(tmp_path, "c", students=300, seed=8)
    try:
        school_a, school_b, school_c = (require_school(w.db) for w in (a, b, c))
        assert (school_a.code, school_a.name) == (school_b.code, school_b.name)
        assert fingerprint(a) == fingerprint(b)
        heads = [[cl.head_teacher for cl in roster.list_classes(w.db)] for w in (a, b)]
        assert heads[0] == heads[1] and all(heads[0])
        assert school_c.code != school_a.code
        assert fingerprint(c) != fingerprint(a)
    finally:
        for w in (a, b, c):
            w.close()


def test_schools_of_different_seeds_share_no_identifier(tmp_path: Path) -> None:
    # Several demo schools are merged by one bureau: a shared number would look like a transfer.
    numbers: list[str] = []
    for seed in range(1, 5):
        ws = make(tmp_path, f"s{seed}", students=1500, seed=seed)
        try:
            for r in roster.find_students(ws.db):
                numbers.append(r.student.student_no)
                if r.student.id_number and r.student.student_no[0] == "L":
                    numbers.append("G" + r.student.id_number)
        finally:
            ws.close()
    assert len(numbers) == len(set(numbers))


def test_codes_and_names_follow_from_the_seed() -> None:
    codes = {demo_school_code(seed) for seed in range(5000)}
    assert len(codes) == 5000, "no two seeds share a school code"
    assert all(c.startswith("21410") and len(c) == 10 and c.isdigit() for c in codes)
    assert demo_school_name(1, SchoolStage.PRIMARY).startswith("孟津区")
    assert demo_school_name(1, SchoolStage.PRIMARY).endswith("小学")
    assert demo_school_name(1, SchoolStage.NINE_YEAR).endswith("中学")
    assert len({demo_school_name(s, SchoolStage.NINE_YEAR) for s in range(90)}) == 90


def test_the_school_is_a_nine_year_school_in_mengjin(demo: Workspace) -> None:
    school = require_school(demo.db)
    assert school.code == demo_school_code(42)
    assert (school.district, school.stage) == ("410308", SchoolStage.NINE_YEAR)
    assert repo_settings.get_setting(demo.db, "workspace_kind") == "school"


def test_every_student_passes_the_validators(rows: list[StudentRow]) -> None:
    assert len(rows) == 2000
    numbers = Counter(r.student.student_no for r in rows)
    assert max(numbers.values()) == 1
    kinds = Counter(r.student.student_no[0] for r in rows)
    assert kinds["G"] > 1900 and kinds["L"] > 0
    for r in rows:
        s = r.student
        info = parse_student_no(s.student_no, today=TODAY)
        assert info.birth_date == s.birth_date
        if s.id_number is not None:
            ident = parse_id_number(s.id_number, today=TODAY)
            assert (ident.sex, ident.birth_date) == (s.sex, s.birth_date)
            assert ident.area_code in ("410308", "410322", "410306")
        if info.kind == "G":
            assert s.student_no == "G" + str(s.id_number)
        else:
            assert s.student_no.startswith("L410308")
        # The same checks a clerk's own roster file goes through.
        _, errors = validate_student(
            {
                "student_no": s.student_no,
                "name": s.name,
                "sex": s.sex.label_zh,
                "birth_date": s.birth_date,
                "ethnicity": s.ethnicity_code,
                "id_number": s.id_number,
                "grade": r.grade_code,
                "class": r.class_name,
            },
            today=TODAY,
            allowed_grades=STAGE_GRADES[SchoolStage.NINE_YEAR],
        )
        assert errors == {}, (s.student_no, errors)


def test_names_look_chinese_and_both_sexes_appear(rows: list[StudentRow]) -> None:
    assert all(2 <= len(r.student.name) <= 3 for r in rows)
    assert all("\u4e00" <= ch <= "\u9fff" for r in rows for ch in r.student.name)
    sexes = Counter(r.student.sex for r in rows)
    assert 800 < sexes[Sex.MALE] < 1200
    surnames = Counter(r.student.name[0] for r in rows)
    assert {"王", "李", "张"} <= {name for name, _ in surnames.most_common(10)}


def test_birth_dates_fit_each_grade(rows: list[StudentRow]) -> None:
    for r in rows:
        years = YEARS_IN[r.grade_code]
        earliest = dt.date(SCHOOL_YEAR_START.year - 7 - years, 9, 1)
        latest = dt.date(SCHOOL_YEAR_START.year - 6 - years, 8, 31)
        assert earliest <= r.student.birth_date <= latest, (r.grade_code, r.student.birth_date)


def test_about_45_students_a_class_over_every_grade(
    demo: Workspace, rows: list[StudentRow]
) -> None:
    sizes = Counter(r.student.class_uuid for r in rows)
    assert len(sizes) == round(2000 / 45)
    assert all(44 <= n <= 46 for n in sizes.values())
    classes = roster.list_classes(demo.db)
    assert {c.grade_code for c in classes} == set(STAGE_GRADES[SchoolStage.NINE_YEAR])
    assert all(c.name == class_display_name(c.grade_code, c.class_no) for c in classes)


def test_a_few_students_are_special_cases(demo: Workspace, rows: list[StudentRow]) -> None:
    statuses = Counter(r.student.status for r in rows)
    assert statuses[StudentStatus.ENROLLED] > 1900
    assert statuses[StudentStatus.TRANSFERRED_IN] > 0 and statuses[StudentStatus.SUSPENDED] > 0
    exempt = [r.student for r in rows if r.student.pe_exempt]
    assert 0 < len(exempt) < 40 and all(s.pe_exempt_reason for s in exempt)
    hui = [r for r in rows if r.student.ethnicity_code == "03"]
    assert 0 < len(hui) < 100
    assert {r.student.ethnicity_code for r in rows} == {"01", "03"}
    # Transfers in and suspensions carry their event, dated within the school year so far.
    special = [r.student for r in rows if r.student.status is not StudentStatus.ENROLLED]
    for s in special:
        [event] = roster.student_history(demo.db, s.meta.uuid)
        assert event["kind"] == {"transferred_in": "transfer_in", "suspended": "suspend"}[s.status]
        assert SCHOOL_YEAR_START.isoformat() <= event["date"] <= TODAY.isoformat()


def test_every_record_is_audited(demo: Workspace) -> None:
    counts = dict(
        demo.db.execute(
            "SELECT table_name, count(*) FROM audit_log WHERE action = 'create' GROUP BY table_name"
        ).fetchall()
    )
    assert counts["students"] == 2000
    assert counts["classes"] == len(roster.list_classes(demo.db))
    assert (
        counts["student_events"]
        == demo.db.execute("SELECT count(*) FROM student_events").fetchone()[0]
    )
    assert verify_audit_chain(demo.db) is None
    meta = demo.db.execute("SELECT DISTINCT revision, updated_by, deleted FROM students").fetchall()
    assert meta == [(1, "demo", 0)]


def test_a_small_demo_is_a_primary_school(tmp_path: Path) -> None:
    ws = make(tmp_path, "small", students=20, seed=3)
    try:
        school = require_school(ws.db)
        assert school.stage is SchoolStage.PRIMARY and school.name.endswith("小学")
        assert {c.grade_code for c in roster.list_classes(ws.db)} == set(range(11, 17))
        assert len(roster.find_students(ws.db)) == 20
    finally:
        ws.close()


def test_an_explicit_code_is_used(tmp_path: Path) -> None:
    ws = make(tmp_path, "coded", students=10, code="2141077777")
    try:
        assert require_school(ws.db).code == "2141077777"
    finally:
        ws.close()
    with pytest.raises(ValidationError):
        make(tmp_path, "badcode", students=10, code="12345").close()


def test_a_workspace_of_another_school_is_refused(school_ws: Workspace) -> None:
    with pytest.raises(UserError, match=f"already belongs to school {TEST_SCHOOL_CODE}"):
        create_demo_school(school_ws.db, students=10, seed=1, actor="demo", today=TODAY)
    assert roster.find_students(school_ws.db) == []


def test_the_workspace_school_without_students_is_filled(school_ws: Workspace) -> None:
    create_demo_school(school_ws.db, students=50, code=TEST_SCHOOL_CODE, actor="demo", today=TODAY)
    school = require_school(school_ws.db)
    assert school.name == "孟津区城关镇第一小学", "the clerk's school profile is kept"
    assert len(roster.find_students(school_ws.db)) == 50
    with pytest.raises(UserError, match="already has a roster"):
        create_demo_school(
            school_ws.db, students=50, code=TEST_SCHOOL_CODE, actor="demo", today=TODAY
        )
    assert len(roster.find_students(school_ws.db)) == 50


def test_a_school_with_classes_but_no_students_is_refused(school_ws: Workspace) -> None:
    roster.ensure_class(school_ws.db, TEST_SCHOOL_CODE, 11, 1, "clerk")
    with pytest.raises(UserError, match="already has a roster"):
        create_demo_school(school_ws.db, students=50, code=TEST_SCHOOL_CODE, actor="d", today=TODAY)
    assert len(roster.list_classes(school_ws.db)) == 1


def test_a_bureau_workspace_is_refused(workspace: Workspace) -> None:
    repo_settings.set_setting(workspace.db, "workspace_kind", "bureau")
    with pytest.raises(WorkspaceError):
        create_demo_school(workspace.db, students=10, actor="demo", today=TODAY)
    assert workspace.db.execute("SELECT count(*) FROM schools").fetchone()[0] == 0


def test_zero_students_is_refused(workspace: Workspace) -> None:
    with pytest.raises(UserError):
        create_demo_school(workspace.db, students=0, actor="demo", today=TODAY)


def test_extenders_see_the_roster_and_share_its_transaction(workspace: Workspace) -> None:
    seen: list[DemoContext] = []

    def count_them(ctx: DemoContext) -> None:
        seen.append(ctx)
        assert ctx.db.conn.in_transaction
        assert len(roster.find_students(ctx.db)) == len(ctx.students)

    def broken(ctx: DemoContext) -> None:
        raise RuntimeError("extender failed")

    with pytest.raises(RuntimeError):
        create_demo_school(
            workspace.db, students=30, actor="demo", today=TODAY, extenders=[count_them, broken]
        )
    assert len(seen) == 1 and len(seen[0].students) == 30
    assert seen[0].term.code == "2026-2027-1"
    assert seen[0].rng("fitness").random() == seen[0].rng("fitness").random()
    assert seen[0].rng("fitness").random() != seen[0].rng("labor").random()
    # Rolled back whole: not even the school was created.
    assert workspace.db.execute("SELECT count(*) FROM students").fetchone()[0] == 0
    assert workspace.db.execute("SELECT count(*) FROM schools").fetchone()[0] == 0
    assert repo_settings.get_setting(workspace.db, "school_code") is None
