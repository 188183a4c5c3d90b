"""Item scores against the reference tables: exact thresholds, the lower band, blank cells, zero,
and BMI banding with half-up rounding. Every expected score is read from the JSON."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from app.scoring.fitness_score import score_student
from tests.app.scoring._reference import (
    GRADE_OF_TABLE,
    better,
    grade_for,
    ref,
    rows,
    step,
    table_cases,
    worse,
)

CASES = table_cases()


def item_score(grade: int, sex: str, item: str, value: float) -> int | None:
    return score_student(grade, sex, {item: value}).item(item).score


def test_the_cases_cover_every_item_with_at_least_two_table_keys() -> None:
    per_item: dict[str, set[str]] = {}
    for item, table_key, _ in CASES:
        per_item.setdefault(item, set()).add(table_key)
    scored = {k for k, v in ref()["items"].items() if "direction" in v}
    assert set(per_item) == scored
    assert all(len(keys) >= 2 for keys in per_item.values())


@pytest.mark.parametrize(("item", "table_key", "sex"), CASES)
def test_each_threshold_scores_its_band_and_one_step_worse_the_next_band(
    item: str, table_key: str, sex: str
) -> None:
    grade = grade_for(item, table_key, sex)
    filled = [r for r in rows(item, table_key, sex) if r["threshold"] is not None]
    for row, lower in zip(filled, [*filled[1:], None], strict=True):
        t = row["threshold"]
        assert item_score(grade, sex, item, t) == row["score"], (row, "exact threshold")
        expected_below = 0 if lower is None else lower["score"]
        assert item_score(grade, sex, item, worse(item, t)) == expected_below, (
            row,
            "one step worse",
        )


def wide_gaps(item: str, table_key: str, sex: str) -> list[tuple[dict, dict]]:
    """Adjacent filled rows with room for a result strictly between them."""
    filled = [r for r in rows(item, table_key, sex) if r["threshold"] is not None]
    return [
        (upper, lower)
        for upper, lower in itertools.pairwise(filled)
        if abs(Decimal(repr(upper["threshold"])) - Decimal(repr(lower["threshold"]))) > step(item)
    ]


@pytest.mark.parametrize(("item", "table_key", "sex"), [c for c in CASES if wide_gaps(*c)])
def test_a_result_between_two_thresholds_gets_the_lower_band(
    item: str, table_key: str, sex: str
) -> None:
    grade = grade_for(item, table_key, sex)
    for upper, lower in wide_gaps(item, table_key, sex):
        between = better(item, lower["threshold"])  # better than the lower row, short of the upper
        assert item_score(grade, sex, item, between) == lower["score"], (upper, lower)


@pytest.mark.parametrize(("item", "table_key", "sex"), CASES)
def test_worse_than_the_lowest_row_scores_zero(item: str, table_key: str, sex: str) -> None:
    grade = grade_for(item, table_key, sex)
    last = [r for r in rows(item, table_key, sex) if r["threshold"] is not None][-1]
    assert item_score(grade, sex, item, worse(item, last["threshold"])) == 0
    assert item_score(grade, sex, item, worse(item, last["threshold"], 500)) == 0


PULL_UP_TABLES = sorted(ref()["score_tables"]["pull_up"])


@pytest.mark.parametrize("table_key", PULL_UP_TABLES)
def test_a_blank_pull_up_cell_is_never_met(table_key: str) -> None:
    table = rows("pull_up", table_key, "male")
    blanks = {r["score"] for r in table if r["threshold"] is None}
    assert blanks, "pull-up tables leave the 78/74/70/66/62 rows blank"
    grade = GRADE_OF_TABLE[table_key]
    reached = {item_score(grade, "male", "pull_up", n) for n in range(0, 40)}
    assert not blanks & reached
    # The count at a blank row's next filled row scores that row, not the blank one above it.
    for above, row in itertools.pairwise(table):
        if above["threshold"] is None and row["threshold"] is not None:
            assert item_score(grade, "male", "pull_up", row["threshold"]) == row["score"]


@pytest.mark.parametrize("table_key", ["g7", "g8"])
def test_zero_pull_ups_score_zero_where_the_lowest_cells_are_blank(table_key: str) -> None:
    table = rows("pull_up", table_key, "male")
    assert table[-1]["threshold"] is None  # the 10-point cell is blank (D-J3)
    assert item_score(GRADE_OF_TABLE[table_key], "male", "pull_up", 0) == 0


# --- BMI ---------------------------------------------------------------------------------------

BMI_CASES = [(tk, sex) for tk, by_sex in ref()["bmi_bands"].items() for sex in by_sex]


def bmi_result(grade: int, sex: str, weight_kg: float, height_cm: float = 100.0) -> tuple:
    # At 100 cm the BMI equals the weight in kg, so a band edge is typed directly as a weight.
    result = score_student(grade, sex, {"height_cm": height_cm, "weight_kg": weight_kg})
    return result.bmi, result.item("bmi").score


@pytest.mark.parametrize(("table_key", "sex"), BMI_CASES)
def test_bmi_band_edges_score_their_band(table_key: str, sex: str) -> None:
    band = ref()["bmi_bands"][table_key][sex]
    points = ref()["scoring_rules"]["bmi_score"]
    grade = GRADE_OF_TABLE[table_key]
    expected = {
        "underweight_max": points["低体重"],
        "normal_min": points["正常"],
        "normal_max": points["正常"],
        "overweight_min": points["超重"],
        "overweight_max": points["超重"],
        "obese_min": points["肥胖"],
    }
    for edge, score in expected.items():
        assert bmi_result(grade, sex, band[edge]) == (band[edge], score), edge
    assert bmi_result(grade, sex, band["underweight_max"] - 3)[1] == points["低体重"]
    assert bmi_result(grade, sex, band["obese_min"] + 5)[1] == points["肥胖"]


@pytest.mark.parametrize(("table_key", "sex"), BMI_CASES)
def test_bmi_is_rounded_half_up_before_banding(table_key: str, sex: str) -> None:
    band = ref()["bmi_bands"][table_key][sex]
    points = ref()["scoring_rules"]["bmi_score"]
    grade = GRADE_OF_TABLE[table_key]
    halfway = float(Decimal(repr(band["normal_min"])) - Decimal("0.05"))  # e.g. 13.45
    assert bmi_result(grade, sex, halfway) == (band["normal_min"], points["正常"])
    just_below = float(Decimal(repr(halfway)) - Decimal("0.001"))  # 13.449 → 13.4
    assert bmi_result(grade, sex, just_below) == (band["underweight_max"], points["低体重"])
    halfway_obese = float(Decimal(repr(band["obese_min"])) - Decimal("0.05"))
    assert bmi_result(grade, sex, halfway_obese) == (band["obese_min"], points["肥胖"])


def test_bmi_17_85_rounds_half_up_to_17_9() -> None:
    # 71.4 kg at 200.0 cm is exactly 17.85: 正常 (from 17.9) for 大学 men, not 低体重 (to 17.8).
    band = ref()["bmi_bands"]["u12"]["male"]
    points = ref()["scoring_rules"]["bmi_score"]
    assert band["underweight_max"] == 17.8 and band["normal_min"] == 17.9
    assert bmi_result(41, "male", 71.4, 200.0) == (17.9, points["正常"])
    assert bmi_result(41, "male", 71.39, 200.0) == (17.8, points["低体重"])


def test_bmi_rounding_is_decimal_where_float_round_goes_wrong() -> None:
    # 35.2 kg at 160.0 cm is exactly 13.75; in floats it is 13.7499…, which round() makes 13.7
    # (低体重 for 五年级 girls) although half-up gives 13.8 (正常).
    band = ref()["bmi_bands"]["g5"]["female"]
    points = ref()["scoring_rules"]["bmi_score"]
    assert band["underweight_max"] == 13.7 and band["normal_min"] == 13.8
    assert round(35.2 / (160.0 / 100) ** 2, 1) == 13.7  # the trap
    assert bmi_result(15, "female", 35.2, 160.0) == (13.8, points["正常"])


def test_bmi_of_an_ordinary_pupil() -> None:
    # 30.0 kg at 130.0 cm: 30 / 1.69 = 17.751… → 17.8
    assert score_student(13, "male", {"height_cm": 130.0, "weight_kg": 30.0}).bmi == 17.8
