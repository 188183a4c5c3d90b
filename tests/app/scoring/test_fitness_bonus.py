"""附加分: only beyond the 100-point threshold, per the bonus tables, capped per item and in total.
Thresholds and margins are read from the reference JSON."""

from __future__ import annotations

from typing import Any

import pytest

from app.scoring import fitness_score
from app.scoring.fitness_score import score_student
from app.scoring.fitness_standard import build_standard
from tests.app.scoring._reference import GRADE_OF_TABLE, grade_for, higher_better, ref, rows

BONUS = ref()["bonus_tables"]


def t100(item: str, table_key: str, sex: str) -> float:
    top = rows(item, table_key, sex)[0]
    assert top["score"] == 100
    return float(top["threshold"])


def beyond(item: str, threshold: float, margin: float) -> float:
    return threshold + margin if higher_better(item) else threshold - margin


def item_bonus(grade: int, sex: str, item: str, value: float) -> tuple[int | None, int | None]:
    got = score_student(grade, sex, {item: value}).item(item)
    return got.score, got.bonus


def margin_field(item: str) -> str:
    return next(k for k in BONUS[item]["table"][0] if k != "bonus")


BONUS_CASES = [
    (item, table_key, sex)
    for item in ("rope_skip_1min", "pull_up", "sit_up_1min", "run_1000m", "run_800m")
    for table_key, by_sex in ref()["score_tables"][item].items()
    for sex in by_sex
    if item
    in ref()["applicability_by_grade_code"][str(GRADE_OF_TABLE[table_key])][sex]["bonus_items"]
]


def test_the_bonus_cases_are_rope_in_primary_and_four_items_from_junior_up() -> None:
    by_item = {item: {(tk, sex) for i, tk, sex in BONUS_CASES if i == item} for item in BONUS}
    assert len(by_item["rope_skip_1min"]) == 12  # g1..g6 × both sexes
    assert {sex for _, sex in by_item["pull_up"] | by_item["run_1000m"]} == {"male"}
    assert {sex for _, sex in by_item["sit_up_1min"] | by_item["run_800m"]} == {"female"}
    assert all(len(by_item[i]) == 8 for i in ("pull_up", "sit_up_1min", "run_1000m", "run_800m"))


@pytest.mark.parametrize(("item", "table_key", "sex"), BONUS_CASES)
def test_each_bonus_step_starts_exactly_at_its_margin(item: str, table_key: str, sex: str) -> None:
    grade = grade_for(item, table_key, sex)
    top = t100(item, table_key, sex)
    field = margin_field(item)
    assert item_bonus(grade, sex, item, top) == (100, 0)  # at the threshold: no bonus yet
    previous = 0
    for row in BONUS[item]["table"]:
        margin = row[field]
        assert item_bonus(grade, sex, item, beyond(item, top, margin)) == (100, row["bonus"])
        assert item_bonus(grade, sex, item, beyond(item, top, margin - 1)) == (100, previous)
        previous = row["bonus"]


@pytest.mark.parametrize(("item", "table_key", "sex"), BONUS_CASES)
def test_each_item_bonus_is_capped(item: str, table_key: str, sex: str) -> None:
    grade = grade_for(item, table_key, sex)
    top = t100(item, table_key, sex)
    last = BONUS[item]["table"][-1][margin_field(item)]
    cap = BONUS[item]["max"]
    assert item_bonus(grade, sex, item, beyond(item, top, last + 30))[1] == cap
    assert cap == (20 if item == "rope_skip_1min" else 10)


@pytest.mark.parametrize("table_key", ["g1", "g2", "g3", "g4", "g5", "g6"])
def test_rope_bonus_follows_the_two_per_point_rule(table_key: str) -> None:
    # The JSON states the rope rule as a formula too: min(20, floor((count − t100) / 2)).
    for sex in ("male", "female"):
        top = int(t100("rope_skip_1min", table_key, sex))
        for over in range(0, 60):
            expected = min(20, over // 2)
            got = item_bonus(GRADE_OF_TABLE[table_key], sex, "rope_skip_1min", top + over)
            assert got == (100, expected), (sex, over)


@pytest.mark.parametrize(
    ("grade", "sex", "item"),
    [
        (13, "male", "sit_up_1min"),
        (16, "female", "sit_up_1min"),
        (31, "male", "standing_long_jump"),
        (21, "male", "vital_capacity"),
        (41, "female", "run_50m"),
        (16, "male", "shuttle_50m_x8"),
    ],
)
def test_no_bonus_where_the_item_is_not_a_bonus_item(grade: int, sex: str, item: str) -> None:
    table_key = next(g["table_key"] for g in ref()["grade_groups"] if g["grade_code"] == grade)
    top = t100(item, table_key, sex)
    step = 1 if isinstance(top, int) or float(top).is_integer() else 0.1
    far = beyond(item, top, 30 * step)
    assert item_bonus(grade, sex, item, far) == (100, 0)


def test_no_bonus_for_items_of_another_grade_or_sex() -> None:
    # Values for items a student is not tested on are ignored, bonus included.
    result = score_student(21, "male", {"rope_skip_1min": 300, "sit_up_1min": 99, "run_800m": 120})
    assert "rope_skip_1min" not in result.keys and "run_800m" not in result.keys
    assert "sit_up_1min" not in result.keys


def full_student(grade: int, sex: str, **over: float) -> dict[str, float]:
    """Every item exactly at its 100-point threshold (no bonus), BMI normal; ``over`` replaces."""
    table_key = next(g["table_key"] for g in ref()["grade_groups"] if g["grade_code"] == grade)
    spec = ref()["applicability_by_grade_code"][str(grade)][sex]["items_weight_percent"]
    values = {"height_cm": 100.0, "weight_kg": ref()["bmi_bands"][table_key][sex]["normal_min"]}
    values |= {k: t100(k, table_key, sex) for k in spec if k != "bmi"}
    return values | over


def test_total_bonus_of_the_two_secondary_items_reaches_twenty() -> None:
    values = full_student(21, "male")
    values["pull_up"] += 50
    values["run_1000m"] -= 100
    result = score_student(21, "male", values)
    assert result.item("pull_up").bonus == 10 and result.item("run_1000m").bonus == 10
    assert (result.standard_score, result.bonus_total, result.total_score) == (100.0, 20, 120.0)


def test_primary_rope_bonus_is_the_whole_bonus() -> None:
    values = full_student(14, "female")
    values["rope_skip_1min"] += 7  # 3 points
    result = score_student(14, "female", values)
    assert (result.standard_score, result.bonus_total, result.total_score) == (100.0, 3, 103.0)


def test_the_total_bonus_cap_applies_to_the_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    # No real grade can exceed 20 (10 + 10, or rope alone up to 20), so the cap is exercised on a
    # copy of the standard whose total cap is lowered to 15.
    assert BONUS["total_bonus_cap"] == 20
    data: dict[str, Any] = {**ref(), "bonus_tables": {**BONUS, "total_bonus_cap": 15}}
    lowered = build_standard(data)
    monkeypatch.setattr(fitness_score, "standard", lambda: lowered)
    values = full_student(31, "female")
    values["sit_up_1min"] += 20
    values["run_800m"] -= 60
    result = score_student(31, "female", values)
    assert [result.item(k).bonus for k in ("sit_up_1min", "run_800m")] == [10, 10]
    assert result.bonus_total == 15 and result.total_score == 115.0
    assert result.level == "优秀"
