"""标准分, 学年总分 and levels (half-up rounding at the level edges), missing items, 免测, 补测,
毕业成绩 and level rates. Students are built from the reference tables: each item's value is the
threshold of the band it should score."""

from __future__ import annotations

from functools import cache

import pytest

from app.errors import ValidationError
from app.scoring.fitness_score import (
    FitnessResult,
    YearAttempts,
    choose_attempt,
    graduation_score,
    is_graduating_grade,
    level_of,
    retest_allowed,
    score_student,
    summarize_levels,
)
from tests.app.scoring._reference import ref, rows

GRADE, SEX, TABLE = 21, "male", "g7"
WEIGHTS: dict[str, int] = ref()["applicability_by_grade_code"][str(GRADE)][SEX][
    "items_weight_percent"
]
ITEMS = [k for k in WEIGHTS if k != "bmi"]


def value_for(item: str, score: int) -> float:
    return next(r["threshold"] for r in rows(item, TABLE, SEX) if r["score"] == score)


def bmi_weight_for(score: int) -> float:
    """A weight (at 100 cm, so kg = BMI) in a band worth ``score``."""
    band = ref()["bmi_bands"][TABLE][SEX]
    points = ref()["scoring_rules"]["bmi_score"]
    edge = {points["正常"]: "normal_min", points["超重"]: "overweight_min"}
    edge[points["肥胖"]] = "obese_min"
    return float(band[edge[score]])


@cache
def combination(target_hundredths: int) -> tuple[tuple[str, int], ...]:
    """Band scores per item (from the tables) whose Σ score × weight % is the target."""
    choices = [("bmi", sorted(set(ref()["scoring_rules"]["bmi_score"].values())))]
    choices += [
        (i, [r["score"] for r in rows(i, TABLE, SEX) if r["threshold"] is not None]) for i in ITEMS
    ]

    @cache
    def solve(index: int, rest: int) -> tuple[tuple[str, int], ...] | None:
        if index == len(choices):
            return () if rest == 0 else None
        item, scores = choices[index]
        for score in scores:
            tail = solve(index + 1, rest - score * WEIGHTS[item])
            if tail is not None:
                return ((item, score), *tail)
        return None

    found = solve(0, target_hundredths)
    assert found is not None, target_hundredths
    return found


def student(target_hundredths: int) -> dict[str, float]:
    values: dict[str, float] = {"height_cm": 100.0}
    for item, score in combination(target_hundredths):
        if item == "bmi":
            values["weight_kg"] = bmi_weight_for(score)
        else:
            values[item] = value_for(item, score)  # exactly the threshold: no bonus even at 100
    return values


@pytest.mark.parametrize(
    ("exact", "standard", "level"),
    [
        (8995, 90.0, "优秀"),
        (8990, 89.9, "良好"),
        (7995, 80.0, "良好"),
        (7990, 79.9, "及格"),
        (5995, 60.0, "及格"),
        (5990, 59.9, "不及格"),
        (8425, 84.3, "良好"),
    ],
)
def test_standard_score_is_rounded_half_up_and_the_level_read_off_the_rounded_total(
    exact: int, standard: float, level: str
) -> None:
    result = score_student(GRADE, SEX, student(exact))
    weighted = sum(score * WEIGHTS[item] for item, score in combination(exact))
    assert weighted == exact  # the exact sum really ends in …5 (or …0) hundredths
    assert (result.standard_score, result.bonus_total, result.total_score) == (
        standard,
        0,
        standard,
    )
    assert result.level == level and result.missing == ()


def test_the_bonus_lifts_the_total_and_the_level() -> None:
    values = {k: value_for(k, 100) for k in ITEMS} | {
        "height_cm": 100.0,
        "weight_kg": bmi_weight_for(100),
    }
    values["vital_capacity"] = 0  # below every row: 0 × 15 %, so the standard score is 85.0
    plain = score_student(GRADE, SEX, values)
    assert (plain.standard_score, plain.bonus_total, plain.level) == (85.0, 0, "良好")
    values["pull_up"] = value_for("pull_up", 100) + 5  # 5 reps beyond the 100-point row
    result = score_student(GRADE, SEX, values)
    assert result.item("pull_up") == (values["pull_up"], 100, 5)
    assert (result.standard_score, result.bonus_total, result.total_score) == (85.0, 5, 90.0)
    assert result.level == "优秀"


def test_a_missing_item_leaves_no_total_and_is_named() -> None:
    values = student(8000)
    del values["run_1000m"]
    values["sit_and_reach"] = None  # None counts as not tested
    result = score_student(GRADE, SEX, values)
    assert result.missing == ("sit_and_reach", "run_1000m")
    assert (result.standard_score, result.bonus_total, result.total_score, result.level) == (
        None,
        None,
        None,
        None,
    )
    assert result.item("run_1000m") == (None, None, None)
    assert result.item("vital_capacity").score is not None  # what was tested is still scored
    assert not result.counts_in_rates


def test_missing_height_or_weight_names_the_measurement_and_leaves_bmi_empty() -> None:
    values = student(8000)
    del values["height_cm"]
    result = score_student(GRADE, SEX, values)
    assert result.missing == ("height_cm",) and result.bmi is None
    assert result.item("bmi") == (None, None, None) and result.total_score is None


def test_items_view_lists_every_scored_item_with_bmi_first() -> None:
    result = score_student(GRADE, SEX, student(9000))
    assert list(result.items) == ["bmi", *ITEMS]
    assert result.items["pull_up"].score == result.item("pull_up").score
    with pytest.raises(KeyError):
        result.item("rope_skip_1min")


def test_an_exempt_student_has_no_level_and_is_left_out_of_the_rates() -> None:
    exempt = score_student(GRADE, SEX, {"height_cm": 150.0}, exempt_reason=" 下肢骨折 ")
    assert exempt.exempt and exempt.exempt_reason == "下肢骨折"
    assert exempt.level is None and exempt.total_score is None and exempt.missing == ()
    good, poor = (score_student(GRADE, SEX, student(t)) for t in (9000, 5000))
    incomplete = score_student(GRADE, SEX, {})
    summary = summarize_levels([exempt, good, poor, incomplete])
    assert (summary.counted, summary.exempt, summary.incomplete) == (2, 1, 1)
    assert summary.counts == {"优秀": 1, "良好": 0, "及格": 0, "不及格": 1}
    assert summary.rate("优秀") == 0.5 and summary.rate("不及格") == 0.5
    assert summarize_levels([exempt]).rate("优秀") is None


def test_exemption_needs_a_reason() -> None:
    with pytest.raises(ValidationError):
        score_student(GRADE, SEX, {}, exempt_reason="  ")


def test_the_retest_decides_the_year_and_both_attempts_are_kept() -> None:
    first = score_student(GRADE, SEX, student(5500))
    retest = score_student(GRADE, SEX, student(6500))
    assert first.level == "不及格" and retest_allowed(first)
    assert choose_attempt(first, None) is first
    assert choose_attempt(first, retest) is retest
    year = YearAttempts(first, retest)
    assert year.first is first and year.retest is retest and year.decisive.level == "及格"
    worse_again = score_student(GRADE, SEX, student(5000))
    assert YearAttempts(first, worse_again).decisive.total_score == 50.0  # still decides
    assert not retest_allowed(retest)


@pytest.mark.parametrize(
    ("final", "others", "expected"),
    [
        (80.0, [70.0, 75.0], 76.3),  # 40 + 36.25 = 76.25 → 76.3 (float round() gives 76.2)
        (80.0, [70.1, 70.2, 70.4], 75.1),  # mean 70.2333… → 75.1166… → 75.1
        (90.0, [89.9], 90.0),  # 89.95 → 90.0
        (66.6, [], 66.6),  # nothing else on record: the final year stands alone
        (120.0, [120.0, 0.0], 90.0),
    ],
)
def test_graduation_score(final: float, others: list[float], expected: float) -> None:
    assert graduation_score(final, others) == expected


def test_graduation_score_levels_and_graduating_grades() -> None:
    assert level_of(graduation_score(90.0, [89.9])) == "优秀"
    assert level_of(89.9) == "良好" and level_of(60.0) == "及格" and level_of(59.9) == "不及格"
    assert [g for g in (11, 16, 21, 23, 31, 33, 41, 43, 44) if is_graduating_grade(g)] == [
        16,
        23,
        33,
        44,
    ]
    with pytest.raises(ValidationError):
        graduation_score(121.0, [])


@pytest.mark.parametrize(("grade", "sex"), [(24, "male"), (10, "female"), (21, "boy"), (21, "")])
def test_an_unknown_grade_or_sex_is_a_validation_error(grade: int, sex: str) -> None:
    with pytest.raises(ValidationError):
        score_student(grade, sex, {})


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_a_non_finite_value_is_refused(bad: float) -> None:
    with pytest.raises(ValidationError):
        score_student(GRADE, SEX, {"run_1000m": bad})
    with pytest.raises(ValidationError):
        score_student(GRADE, SEX, {"height_cm": bad, "weight_kg": 40.0})


def test_a_zero_height_is_refused() -> None:
    with pytest.raises(ValidationError):
        score_student(GRADE, SEX, {"height_cm": 0.0, "weight_kg": 40.0})


def test_results_are_immutable() -> None:
    result = score_student(GRADE, SEX, student(9000))
    assert isinstance(result, FitnessResult)
    with pytest.raises(AttributeError):
        result.level = "优秀"  # type: ignore[misc]
