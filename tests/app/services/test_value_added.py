"""Value-added: each student's change against the previous 学年 equals the engine's results of
both years compared by hand; only students complete in both years are compared; the retest
decides a year; classes, grades and the school summarise their students."""

from __future__ import annotations

import pytest

from app.scoring.fitness_score import score_student
from app.services import fitness_records as fr
from app.services.value_added import LEVEL_RANK, compare, value_added
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import PREVIOUS, YEAR, add_student
from tests.app.services.fitness_stats_helpers import (
    BOY,
    FAILING_BOY,
    GIRL,
    RETEST_BOY,
    STRONG_BOY,
    WEAK_GIRL,
)

Values = dict[str, float]


def save(ws: Workspace, uuid: str, year: str, values: Values) -> None:
    fr.save_values(ws.db, uuid, year, values, actor="t")


@pytest.fixture
def eighth(school_ws: Workspace) -> dict[str, tuple[str, Values, Values]]:
    """八年级 now (七年级 last year): uuid → (class, last year's values, this year's)."""
    ws = school_ws
    compared: dict[str, tuple[str, Values, Values]] = {}
    plan = [
        (1, "1班", BOY, STRONG_BOY),  # better
        (2, "1班", GIRL, WEAK_GIRL),  # worse
        (5, "2班", FAILING_BOY, BOY),  # failed last year, the retest counts then
        (6, "2班", WEAK_GIRL, GIRL),  # up
    ]
    for n, klass, before, now in plan:
        s = add_student(ws, n, grade="八年级", klass=klass)
        save(ws, s.meta.uuid, PREVIOUS, before)
        save(ws, s.meta.uuid, YEAR, now)
        if n == 5:
            fr.record_retest(ws.db, s.meta.uuid, PREVIOUS, RETEST_BOY, actor="t")
            before = RETEST_BOY
        compared[s.meta.uuid] = (s.class_uuid, before, now)
    new = add_student(ws, 3, grade="八年级", klass="1班")  # nothing last year
    save(ws, new.meta.uuid, YEAR, STRONG_BOY)
    exempt = add_student(ws, 4, grade="八年级", klass="1班")  # exempt last year
    fr.set_exempt(ws.db, exempt.meta.uuid, PREVIOUS, "哮喘", actor="t")
    save(ws, exempt.meta.uuid, YEAR, GIRL)
    partial = add_student(ws, 7, grade="八年级", klass="2班")  # incomplete this year
    save(ws, partial.meta.uuid, PREVIOUS, BOY)
    save(ws, partial.meta.uuid, YEAR, {k: v for k, v in BOY.items() if k != "pull_up"})
    return compared


def sex_of(values: Values) -> str:
    return "male" if "pull_up" in values else "female"


def test_each_students_change_matches_the_engine(
    school_ws: Workspace, eighth: dict[str, tuple[str, Values, Values]]
) -> None:
    va = value_added(school_ws.db, YEAR)
    assert (va.school_year, va.previous_year) == (YEAR, PREVIOUS)
    assert {s.student_uuid for s in va.students} == set(eighth)
    assert va.not_compared == 2  # the newcomer and last year's exempt student
    for s in va.students:
        _, before, now = eighth[s.student_uuid]
        old = score_student(21, sex_of(before), before)
        new = score_student(22, sex_of(now), now)
        assert old.total_score is not None and new.total_score is not None
        c = s.change
        assert (c.previous_total, c.total) == (old.total_score, new.total_score)
        assert c.total_change == pytest.approx(new.total_score - old.total_score)
        assert c.improved == (new.total_score > old.total_score)
        assert c.moved_up == (LEVEL_RANK[str(new.level)] > LEVEL_RANK[str(old.level)])
        expected_items = {
            k: b - a
            for k, a, b in zip(old.keys, old.scores, new.scores, strict=True)
            if a is not None and b is not None
        }
        assert dict(c.item_changes) == expected_items
        assert s.grade_code == 22 and s.class_name.startswith("八年级")


def test_classes_grades_and_school_summarise_their_students(
    school_ws: Workspace, eighth: dict[str, tuple[str, Values, Values]]
) -> None:
    va = value_added(school_ws.db, YEAR)
    by_uuid = {s.student_uuid: s.change for s in va.students}
    assert {c.improved for c in by_uuid.values()} == {True, False}  # both kinds present
    assert any(c.moved_up for c in by_uuid.values())
    for summary in (va.school, *va.grades, *va.classes):
        members = [
            by_uuid[u] for u, (klass, _, _) in eighth.items() if summary.class_uuid in (None, klass)
        ]
        assert summary.n == len(members)
        assert summary.mean_change == pytest.approx(
            sum(c.total_change for c in members) / len(members)
        )
        assert summary.improved == sum(c.improved for c in members)
        assert summary.moved_up_share == pytest.approx(
            sum(c.moved_up for c in members) / len(members)
        )
        deltas = [c.item_changes["run_50m"] for c in members]
        assert summary.item_mean_changes["run_50m"] == pytest.approx(sum(deltas) / len(deltas))
    assert [g.grade_code for g in va.grades] == [22]
    assert [c.label for c in va.classes] == ["八年级(1)班", "八年级(2)班"]


def test_the_previous_years_retest_is_the_baseline(
    school_ws: Workspace, eighth: dict[str, tuple[str, Values, Values]]
) -> None:
    va = value_added(school_ws.db, YEAR)
    retested = next(s for s in va.students if eighth[s.student_uuid][1] is RETEST_BOY)
    assert retested.change.previous_total == score_student(21, "male", RETEST_BOY).total_score
    assert retested.change.previous_total != score_student(21, "male", FAILING_BOY).total_score


def test_compare_needs_two_complete_results() -> None:
    full = score_student(21, "male", BOY)
    partial = score_student(21, "male", {k: v for k, v in BOY.items() if k != "run_1000m"})
    exempt = score_student(21, "male", BOY, exempt_reason="病假")
    assert compare(partial, full) is None and compare(full, exempt) is None
    same = compare(full, full)
    assert same is not None and same.total_change == 0 and not same.improved
    assert not same.moved_up and set(same.item_changes.values()) == {0}


def test_no_earlier_year_means_nobody_is_compared(school_ws: Workspace) -> None:
    s = add_student(school_ws, 1, grade="八年级")
    save(school_ws, s.meta.uuid, YEAR, BOY)
    va = value_added(school_ws.db)  # the current 学年 by default
    assert va.students == () and va.school.n == 0 and va.school.mean_change is None
    assert va.not_compared == 1 and va.classes == ()
