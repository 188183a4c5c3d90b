"""Properties over random grades, sexes, items and results (hypothesis)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.scoring.fitness_score import score_student
from tests.app.scoring._reference import GRADE_OF_TABLE, higher_better, naive_score, ref, rows

SCORED = [
    (grade, sex, item)
    for grade in sorted(int(g) for g in ref()["applicability_by_grade_code"])
    for sex in ("male", "female")
    for item in ref()["applicability_by_grade_code"][str(grade)][sex]["items_weight_percent"]
    if item != "bmi"
]
TABLE_OF = {g["grade_code"]: g["table_key"] for g in ref()["grade_groups"]}


def scale(item: str) -> int:
    return 10 ** int(ref()["items"][item]["decimals"])


@st.composite
def item_results(draw: st.DrawFn) -> tuple[int, str, str, float, float]:
    """A grade/sex/item, a result near its table (in the item's own precision) and a better one."""
    grade, sex, item = draw(st.sampled_from(SCORED))
    thresholds = [
        r["threshold"] for r in rows(item, TABLE_OF[grade], sex) if r["threshold"] is not None
    ]
    k = scale(item)
    low, high = int(min(thresholds) * k) - 30 * k, int(max(thresholds) * k) + 60 * k
    a = draw(st.integers(max(low, 0) if item != "sit_and_reach" else low, high))
    gain = draw(st.integers(0, 60 * k))
    b = a + gain if higher_better(item) else a - gain
    return grade, sex, item, a / k, b / k


@given(item_results())
def test_a_better_result_never_lowers_the_item_score_or_bonus(
    case: tuple[int, str, str, float, float],
) -> None:
    grade, sex, item, value, better = case
    worse_item = score_student(grade, sex, {item: value}).item(item)
    better_item = score_student(grade, sex, {item: better}).item(item)
    assert better_item.score is not None and worse_item.score is not None
    assert better_item.score >= worse_item.score
    assert better_item.bonus is not None and worse_item.bonus is not None
    assert better_item.bonus >= worse_item.bonus


@given(item_results())
def test_item_score_equals_the_rule_read_literally(
    case: tuple[int, str, str, float, float],
) -> None:
    grade, sex, item, value, _ = case
    expected = naive_score(item, TABLE_OF[grade], sex, value)
    assert score_student(grade, sex, {item: value}).item(item).score == expected


@given(
    st.sampled_from(sorted(GRADE_OF_TABLE.values())), st.sampled_from(["male", "female"]), st.data()
)
def test_standard_score_is_the_decimal_weighted_sum_rounded_half_up(
    grade: int, sex: str, data: st.DataObject
) -> None:
    weights = ref()["applicability_by_grade_code"][str(grade)][sex]["items_weight_percent"]
    values: dict[str, float] = {"height_cm": data.draw(st.integers(1000, 2000)) / 10}
    values["weight_kg"] = data.draw(st.integers(150, 1000)) / 10
    for item in weights:
        if item != "bmi":
            filled = [r for r in rows(item, TABLE_OF[grade], sex) if r["threshold"] is not None]
            values[item] = data.draw(st.sampled_from(filled))["threshold"]  # no bonus: ≤ 100 row
    result = score_student(grade, sex, values)
    exact = sum(Decimal(result.item(i).score or 0) * weights[i] / 100 for i in weights)
    expected = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert Decimal(repr(result.standard_score)) == expected
    assert result.total_score == result.standard_score and result.bonus_total == 0


@given(st.integers(800, 2500), st.integers(140, 2000))
def test_bmi_is_the_exact_quotient_rounded_half_up(height_mm: int, weight_hg: int) -> None:
    height, weight = height_mm / 10, weight_hg / 10
    exact = Decimal(weight_hg) / 10 * 10000 / (Decimal(height_mm) / 10) ** 2
    expected = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    result = score_student(41, "female", {"height_cm": height, "weight_kg": weight})
    assert Decimal(repr(result.bmi)) == expected
