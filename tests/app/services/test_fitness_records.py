"""Fitness entry: values are checked and scored on every write, 免测 stays out of the rates, the
补测 decides the year, 缺测 leaves the year incomplete, and the cached scores always match."""

from __future__ import annotations

import pytest

from app.errors import UserError, ValidationError
from app.scoring.fitness_score import score_student
from app.services import fitness_records as fr
from app.services.workspace import Workspace
from db import repo_fitness
from db.records import verify_audit_chain
from tests.app.services.fitness_helpers import BOY_13, BOY_21, GIRL_21, PREVIOUS, YEAR, add_student


def stored(ws: Workspace, uuid: str, attempt: str = "first") -> repo_fitness.FitnessTest:
    test = repo_fitness.find_test(ws.db, uuid, YEAR, attempt)
    assert test is not None
    return test


def test_saved_values_are_scored_and_the_cache_matches_the_engine(school_ws: Workspace) -> None:
    boy = add_student(school_ws, 1)

    result = fr.save_values(school_ws.db, boy.meta.uuid, YEAR, BOY_21, actor="t")

    expected = score_student(
        21,
        "male",
        {**BOY_21, "run_1000m": 245},  # type: ignore[dict-item]
    )
    assert result.total_score == expected.total_score is not None
    test = stored(school_ws, boy.meta.uuid)
    assert test.values["run_1000m"] == 245.0 and test.grade_code == 21
    assert (test.bmi, test.standard_score, test.bonus_total, test.total_score, test.level) == (
        expected.bmi,
        expected.standard_score,
        expected.bonus_total,
        expected.total_score,
        expected.level,
    )


def test_a_partial_save_keeps_the_other_values_and_none_clears_one(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    fr.save_values(school_ws.db, uuid, YEAR, BOY_21, actor="t")

    fr.save_values(school_ws.db, uuid, YEAR, {"run_50m": "７.９"}, actor="t")
    result = fr.save_values(school_ws.db, uuid, YEAR, {"pull_up": None}, actor="t")

    test = stored(school_ws, uuid)
    assert test.values["run_50m"] == 7.9 and test.values["height_cm"] == 165.0
    assert test.values["pull_up"] is None
    assert result.missing == ("pull_up",) and result.total_score is None
    assert test.total_score is None and test.meta.revision == 3


def test_saving_the_same_values_again_is_no_new_revision(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    fr.save_values(school_ws.db, uuid, YEAR, BOY_21, actor="t")
    fr.save_values(school_ws.db, uuid, YEAR, {"run_1000m": 245}, actor="t")
    assert stored(school_ws, uuid).meta.revision == 1
    assert verify_audit_chain(school_ws.db) is None


@pytest.mark.parametrize(
    ("n", "grade", "values", "message"),
    [
        (2, "七年级", {"pull_up": 3}, "not tested for female students in 七年级"),
        (1, "七年级", {"run_800m": "3'40"}, "not tested for male students in 七年级"),
        (1, "三年级", {"standing_long_jump": 150}, "not tested in 三年级"),
        (1, "七年级", {"height_cm": 45}, "outside the national range"),
        (1, "七年级", {"run_1000m": "4'5"}, "two digits"),
        (1, "七年级", {"vital_capacity": "lots"}, "is not a number"),
    ],
)
def test_bad_values_and_items_not_tested_are_refused_and_nothing_is_written(
    school_ws: Workspace, n: int, grade: str, values: dict[str, object], message: str
) -> None:
    uuid = add_student(school_ws, n, grade=grade).meta.uuid
    with pytest.raises(ValidationError, match=message):
        fr.save_values(school_ws.db, uuid, YEAR, {"run_50m": 8.5, **values}, actor="t")
    assert repo_fitness.find_test(school_ws.db, uuid, YEAR, "first") is None


def test_an_exempt_student_is_kept_out_of_the_rates_not_scored_zero(school_ws: Workspace) -> None:
    boy, girl = add_student(school_ws, 1), add_student(school_ws, 2)
    fr.save_values(school_ws.db, girl.meta.uuid, YEAR, GIRL_21, actor="t")
    fr.save_values(school_ws.db, boy.meta.uuid, YEAR, {"height_cm": 160}, actor="t")

    result = fr.set_exempt(school_ws.db, boy.meta.uuid, YEAR, " 腿部骨折 ", actor="t")

    assert result.exempt and result.exempt_reason == "腿部骨折"
    assert result.total_score is None and result.level is None and not result.counts_in_rates
    assert stored(school_ws, boy.meta.uuid).exempt_reason == "腿部骨折"
    sheet = fr.class_sheet(school_ws.db, boy.class_uuid, YEAR)
    summary = sheet.summary()
    assert (summary.counted, summary.exempt, summary.incomplete) == (1, 1, 0)
    assert sum(summary.counts.values()) == 1
    with pytest.raises(UserError, match="not retested"):
        fr.record_retest(school_ws.db, boy.meta.uuid, YEAR, {"run_50m": 8}, actor="t")

    lifted = fr.set_exempt(school_ws.db, boy.meta.uuid, YEAR, None, actor="t")
    assert not lifted.exempt and "run_50m" in lifted.missing


def test_the_retest_decides_the_year_and_the_first_test_is_kept(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    weak = {**BOY_21, "run_1000m": "6'30", "pull_up": 0, "standing_long_jump": 150, "run_50m": 11}
    first = fr.save_values(school_ws.db, uuid, YEAR, weak, actor="t")
    assert first.level == "不及格"

    retake = {k: BOY_21[k] for k in ("run_1000m", "pull_up", "standing_long_jump", "run_50m")}
    retest = fr.record_retest(school_ws.db, uuid, YEAR, retake, actor="t")

    assert retest.level != "不及格" and retest.missing == ()  # the rest came from the first test
    assert stored(school_ws, uuid, "retest").values["height_cm"] == BOY_21["height_cm"]
    year = fr.year_result(school_ws.db, uuid, YEAR)
    assert year is not None and year.total_score == retest.total_score
    assert stored(school_ws, uuid).level == "不及格"  # the first attempt stays as it was
    row = fr.class_sheet(school_ws.db, add_student(school_ws, 3).class_uuid, YEAR).rows[0]
    assert row.first is not None and row.retest is not None
    assert row.result is not None and row.result.total_score == retest.total_score
    with pytest.raises(UserError, match="while a retest"):
        fr.delete_attempt(school_ws.db, uuid, YEAR, "first", actor="t")
    assert fr.delete_attempt(school_ws.db, uuid, YEAR, "retest", actor="t")
    again = fr.year_result(school_ws.db, uuid, YEAR)
    assert again is not None and again.level == "不及格"


def test_a_retest_needs_a_first_test(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    with pytest.raises(UserError, match="no first test"):
        fr.record_retest(school_ws.db, uuid, YEAR, BOY_21, actor="t")


def test_an_absent_item_leaves_the_year_incomplete_until_it_is_measured(
    school_ws: Workspace,
) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    fr.save_values(school_ws.db, uuid, YEAR, BOY_21, actor="t")

    result = fr.set_absent(school_ws.db, uuid, YEAR, ["run_1000m"], actor="t")

    assert result.missing == ("run_1000m",) and result.level is None
    test = stored(school_ws, uuid)
    assert test.absent_items == {"run_1000m"} and test.values["run_1000m"] is None
    with pytest.raises(ValidationError):
        fr.set_absent(school_ws.db, uuid, YEAR, ["rope_skip_1min"], actor="t")
    done = fr.save_values(school_ws.db, uuid, YEAR, {"run_1000m": 250}, actor="t")
    assert done.level is not None and stored(school_ws, uuid).absent_items == frozenset()


def test_recompute_all_repairs_a_stale_cache_as_a_new_revision(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    fr.save_values(school_ws.db, uuid, YEAR, BOY_21, actor="t")
    right = stored(school_ws, uuid)
    with school_ws.db.atomic():  # what a standard upgrade looks like from the stored rows
        school_ws.db.execute("UPDATE fitness_tests SET total_score = 1.0, level = 'x'")

    assert fr.recompute_all(school_ws.db, actor="t") == 1
    assert fr.recompute_all(school_ws.db, actor="t") == 0

    fixed = stored(school_ws, uuid)
    assert (fixed.total_score, fixed.level) == (right.total_score, right.level)
    assert fixed.meta.revision == 2
    assert verify_audit_chain(school_ws.db) is None


def test_a_pasted_block_saves_the_good_cells_and_reports_the_bad_ones(
    school_ws: Workspace,
) -> None:
    boy, girl = add_student(school_ws, 1), add_student(school_ws, 2)
    report = fr.bulk_save(
        school_ws.db,
        YEAR,
        [
            (boy.meta.uuid, {"height_cm": "166.5", "run_800m": "3'30", "pull_up": "x"}),
            (girl.meta.uuid, {"height_cm": 157, "sit_up_1min": 38}),
        ],
        actor="t",
    )
    assert report.saved == 2
    assert [(e.student_uuid, e.key) for e in report.errors] == [
        (boy.meta.uuid, "run_800m"),
        (boy.meta.uuid, "pull_up"),
    ]
    assert stored(school_ws, boy.meta.uuid).values["height_cm"] == 166.5
    assert stored(school_ws, girl.meta.uuid).values["sit_up_1min"] == 38
    retests = fr.bulk_save(
        school_ws.db,
        YEAR,
        [
            (boy.meta.uuid, {"height_cm": 167}),
            (add_student(school_ws, 3).meta.uuid, {"height_cm": 150}),
        ],
        attempt="retest",
        actor="t",
    )
    assert retests.saved == 1 and [e.key for e in retests.errors] == [""]
    assert "no first test" in retests.errors[0].message


def test_the_class_sheet_lists_students_on_roll_with_their_items(school_ws: Workspace) -> None:
    boy = add_student(school_ws, 1, grade="三年级", klass="2班")
    girl = add_student(school_ws, 2, grade="三年级", klass="2班")
    fr.save_values(school_ws.db, boy.meta.uuid, YEAR, BOY_13, actor="t")

    sheet = fr.class_sheet(school_ws.db, boy.class_uuid, YEAR)

    assert sheet.grade_code == 13 and sheet.school_year == YEAR
    assert sheet.columns == (
        "height_cm", "weight_kg", "vital_capacity", "run_50m", "sit_and_reach",
        "rope_skip_1min", "sit_up_1min",
    )  # fmt: skip
    by_uuid = {r.student_uuid: r for r in sheet.rows}
    assert by_uuid[girl.meta.uuid].result is None and by_uuid[girl.meta.uuid].first is None
    boy_row = by_uuid[boy.meta.uuid]
    assert boy_row.result is not None and boy_row.result.item("rope_skip_1min").score is not None


def test_a_past_year_is_scored_at_the_grade_of_that_year(school_ws: Workspace) -> None:
    boy = add_student(school_ws, 1)  # 七年级 now, so 六年级 in the year before

    fr.save_values(school_ws.db, boy.meta.uuid, PREVIOUS, {"rope_skip_1min": 120}, actor="t")

    test = repo_fitness.find_test(school_ws.db, boy.meta.uuid, PREVIOUS, "first")
    assert test is not None and test.grade_code == 16
    with pytest.raises(ValidationError, match="not tested in 六年级"):
        fr.save_values(school_ws.db, boy.meta.uuid, PREVIOUS, {"pull_up": 5}, actor="t")
    first_grader = add_student(school_ws, 3, grade="一年级")
    with pytest.raises(ValidationError, match="not at school"):
        fr.save_values(school_ws.db, first_grader.meta.uuid, PREVIOUS, {"run_50m": 11}, actor="t")
